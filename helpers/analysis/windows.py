"""The 12-month windows every figure is measured in, defined once.

The last 12 months are ``(as_of − 365 days, as_of]``; "the 12 months before" are the
365 days before that. Every analysis that speaks of a window uses these.

>>> as_of = pd.Timestamp("2025-12-31")
>>> window_start(as_of), window_start(as_of, back=1)
(Timestamp('2024-12-31 00:00:00'), Timestamp('2024-01-01 00:00:00'))
>>> lines = pd.DataFrame({"date": pd.to_datetime(["2024-12-31", "2025-01-01", "2025-12-31"])})
>>> len(in_window(lines, as_of)), len(in_window(lines, as_of, back=1))
(2, 1)
"""

from __future__ import annotations

import pandas as pd

WINDOW_DAYS = 365
WINDOW = pd.Timedelta(days=WINDOW_DAYS)


def window_start(as_of: pd.Timestamp, *, back: int = 0, days: int = WINDOW_DAYS) -> pd.Timestamp:
    """Where a window begins (excluded): ``as_of − (back + 1) · days``.

    ``back=0`` is the last 12 months, ``back=1`` the 12 months before them.
    """
    return as_of - pd.Timedelta(days=days * (back + 1))


def window_mask(
    dates: pd.Series, as_of: pd.Timestamp, *, back: int = 0, days: int = WINDOW_DAYS
) -> pd.Series:
    """True for the dates in the window ``(start, start + days]`` of :func:`window_start`."""
    start = window_start(as_of, back=back, days=days)
    return (dates > start) & (dates <= start + pd.Timedelta(days=days))


def in_window(
    frame: pd.DataFrame,
    as_of: pd.Timestamp,
    *,
    back: int = 0,
    days: int = WINDOW_DAYS,
    column: str = "date",
) -> pd.DataFrame:
    """The rows of ``frame`` dated in a window (see :func:`window_mask`)."""
    return frame.loc[window_mask(frame[column], as_of, back=back, days=days)]


def up_to(frame: pd.DataFrame, as_of: pd.Timestamp, column: str = "date") -> pd.DataFrame:
    """The rows of ``frame`` dated on or before ``as_of``."""
    return frame.loc[frame[column] <= as_of]
