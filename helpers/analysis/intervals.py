"""Intervals for small samples: a share and a ratio of two shares, with honest uncertainty.

General statistics any notebook may use (notebook 05 uses them for repurchase rates).
Wilson score intervals (for a share) and log (Katz) intervals (for a ratio of two
shares), written out in numpy: the samples are small, and the usual
"p ± 1.96·√(p(1−p)/n)" breaks down there (it gives 100 % ± 0 when all five very
satisfied customers came back).
"""

from __future__ import annotations

import math
from statistics import NormalDist

import numpy as np


def z_value(confidence: float = 0.95) -> float:
    """The two-sided normal quantile: 1.96 for 95 %."""
    return NormalDist().inv_cdf(0.5 + confidence / 2)


def wilson_interval(successes, trials, confidence: float = 0.95) -> tuple:
    """Wilson score interval for a share ``successes / trials``.

    Works on numbers or arrays; ``nan`` where ``trials`` is 0. Unlike the normal
    ("Wald") interval it stays inside [0, 1] and keeps close to its promised 95 %
    even with ten answers or a share of 0 or 1.

    Example: ``wilson_interval(8, 10)`` → (0.490, 0.943)
    """
    x = np.asarray(successes, dtype=float)
    n = np.asarray(trials, dtype=float)
    z = z_value(confidence)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = x / n
        denominator = 1 + z**2 / n
        centre = (p + z**2 / (2 * n)) / denominator
        half = z / denominator * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2))
        low = np.where(n > 0, np.clip(centre - half, 0.0, 1.0), np.nan)
        high = np.where(n > 0, np.clip(centre + half, 0.0, 1.0), np.nan)
    if low.ndim == 0:
        return float(low), float(high)
    return low, high


def ratio_interval(x1, n1, x2, n2, confidence: float = 0.95) -> tuple[float, float, float]:
    """The ratio of two shares ``(x1/n1) / (x2/n2)`` with its log (Katz) interval.

    ``ln(ratio) ± z·√(1/x1 − 1/n1 + 1/x2 − 1/n2)``. Out: (ratio, low, high); all
    ``nan`` when a share has no trials or ``x2`` is 0 (no ratio), the interval
    ``nan`` when ``x1`` is 0 (the log method needs a success on both sides) or when both
    shares are 100 % (it would claim a width of zero).

    Example: ``ratio_interval(40, 50, 10, 50)`` → (4.0, 2.26, 7.08)
    """
    nan = float("nan")
    if not n1 or not n2 or not x2:
        return nan, nan, nan
    ratio = (x1 / n1) / (x2 / n2)
    if not x1:
        return ratio, nan, nan
    se = math.sqrt(max(1 / x1 - 1 / n1 + 1 / x2 - 1 / n2, 0.0))
    if se == 0:  # everyone on both sides came back: the log method claims certainty
        return ratio, nan, nan
    spread = math.exp(z_value(confidence) * se)
    return ratio, ratio / spread, ratio * spread
