"""Intervals for small samples: a share and a ratio of two shares, with honest uncertainty.

General statistics any notebook may use (notebook 05 uses them for repurchase rates).
The samples are small, and the usual "p ± 1.96·√(p(1−p)/n)" breaks down there (it gives
100 % ± 0 when all five very satisfied customers came back). For a share:

- :func:`exact_interval` (Clopper–Pearson, from the beta distribution of scipy): whatever
  the true rate, it catches it at least 95 % of the time, with any number of answers.
  It is a little wider than it needs to be, because it plays safe. Notebook 05 uses it.
- :func:`wilson_interval` (Wilson score): narrower, inside [0, 1], and right *on
  average* over the true rates; but not for each of them. With ten answers it catches
  some true rates only about 84 % of the time, and 44 % of the rates between 0 and 1
  less than 95 % of the time (``tests/analysis/test_intervals.py`` pins these numbers).

For a ratio of two shares: log (Katz) intervals (:func:`ratio_interval`).
"""

from __future__ import annotations

import math
from statistics import NormalDist

import numpy as np
from scipy import stats


def z_value(confidence: float = 0.95) -> float:
    """The two-sided normal quantile: 1.96 for 95 %."""
    return NormalDist().inv_cdf(0.5 + confidence / 2)


def wilson_interval(successes, trials, confidence: float = 0.95) -> tuple:
    """Wilson score interval for a share ``successes / trials``.

    Works on numbers or arrays; ``nan`` where ``trials`` is 0. Unlike the normal
    ("Wald") interval it stays inside [0, 1] and does not shrink to nothing at a share of
    0 or 1. Its 95 % holds on average over the true rates, not for each: with ten answers
    some true rates are caught only about 84 % of the time (see the module's note;
    :func:`exact_interval` never falls below 95 %).

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


def exact_interval(successes, trials, confidence: float = 0.95) -> tuple:
    """The exact (Clopper–Pearson) interval for a share ``successes / trials``.

    From the beta distribution: low = Beta(α/2; x, n − x + 1), high = Beta(1 − α/2; x + 1,
    n − x), with low 0 when x = 0 and high 1 when x = n. Whatever the true rate, the
    interval catches it at least ``confidence`` of the time. Works on numbers or arrays;
    ``nan`` where ``trials`` is 0.

    Example: ``exact_interval(8, 10)`` → (0.444, 0.975), a little wider than Wilson's
    (0.490, 0.943)
    """
    x = np.asarray(successes, dtype=float)
    n = np.asarray(trials, dtype=float)
    alpha = 1 - confidence
    with np.errstate(divide="ignore", invalid="ignore"):
        low = np.where(x > 0, stats.beta.ppf(alpha / 2, x, n - x + 1), 0.0)
        high = np.where(x < n, stats.beta.ppf(1 - alpha / 2, x + 1, n - x), 1.0)
    low = np.where(n > 0, low, np.nan)
    high = np.where(n > 0, high, np.nan)
    if low.ndim == 0:
        return float(low), float(high)
    return low, high


def coverage(interval, trials: int, rate: float, confidence: float = 0.95) -> float:
    """How often ``interval`` (a function like :func:`exact_interval`) catches the true
    ``rate`` with ``trials`` answers: the chance of every possible count, summed over the
    counts whose interval holds the rate. The promise is ``confidence``.

    >>> round(coverage(exact_interval, 10, 0.5), 3)
    0.979
    """
    counts = np.arange(trials + 1)
    low, high = interval(counts, np.full(trials + 1, trials), confidence)
    caught = (low <= rate) & (rate <= high)
    return float(stats.binom.pmf(counts, trials, rate)[caught].sum())


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
