"""What every plot module shares: the figure size, a fresh Axes, money on an axis.

Each topic has its own module (``pricing``, ``freshness``, ``concentration``,
``overview``, …). Each function takes a table made by the analysis module of the
same name, draws on ``ax`` (a new 7 × 4 inch figure when ``ax`` is None) and
returns the matplotlib Axes. Nothing is shown or saved here: the notebook decides.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.ticker import FuncFormatter

FIGSIZE = (7, 4)


def axes(ax: Axes | None) -> Axes:
    """``ax`` itself, or a new Axes of the standard size."""
    if ax is None:
        _, ax = plt.subplots(figsize=FIGSIZE)
    return ax


def money_formatter(currency: str) -> FuncFormatter:
    """Axis labels like "12 500 €" (thin spaces between thousands)."""
    return FuncFormatter(lambda value, _pos: f"{value:,.0f} {currency}".replace(",", "\u202f"))
