"""What a customer spends per purchase: the Gamma-Gamma model, where its assumption holds.

Fader, Hardie & Lee (2005), "RFM and CLV: using iso-value curves for customer base
analysis", and Hardie's note 025: each customer's purchase amounts vary around a mean of
their own, and those means vary across customers (Gamma(p, ν) amounts, ν drawn from
Gamma(q, v)). Fitted by maximum likelihood to the repeat buyers' mean repeat spend and
number of repeat purchases (``still_buying.purchase_summary``: a purchase is a day with
a line of positive amount). Its one big assumption, that what a customer spends per
purchase does not depend on how often they buy, is checked on the data first; where it
fails there is no fit and the reason says so.

Returns frames, series, plain numbers and reason codes (``REASONS``), no sentences.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.optimize import minimize
from scipy.special import gammaln

from helpers.analysis.still_buying import LOG_BOUND, MIN_REPEAT_BUYERS

# |Pearson correlation| between repeat purchases and mean repeat spend, among repeat
# buyers, at or above which spend is taken to depend on frequency (no fit)
CORRELATION_LIMIT = 0.3

# Why there is no fit, as stable codes (told in words by helpers.words.still_buying)
REASONS = (
    "no_purchases",
    "no_repeat_buyers",
    "too_few_repeat_buyers",
    "did_not_converge",
    "spend_depends_on_frequency",
    "spend_mean_unbounded",
)


@dataclass(frozen=True)
class GammaGammaParams:
    """p: shape of a customer's amounts around their mean; q, v: spread of those means.

    The mean spend per purchase over all customers is p · v / (q − 1) (finite for q > 1).
    """

    p: float
    q: float
    v: float


@dataclass(frozen=True)
class GammaGammaFit:
    """A Gamma-Gamma fit (or ``None`` with a reason code) and what the check found.

    ``correlation``: Pearson correlation of frequency and mean repeat spend among repeat
    buyers (None with fewer than three or without variation); ``independent``: whether
    its size is under ``CORRELATION_LIMIT`` (None without a correlation).
    """

    params: GammaGammaParams | None
    reason: str | None
    repeat_buyers: int
    correlation: float | None
    independent: bool | None

    @property
    def fitted(self) -> bool:
        return self.params is not None


def spend_independence(summary: pd.DataFrame, limit: float = CORRELATION_LIMIT) -> dict:
    """The Gamma-Gamma assumption checked: does spend per purchase go with frequency?

    In: a purchase summary (``frequency``, ``monetary_value``). Among repeat buyers, the
    Pearson correlation of the two. Out: ``repeat_buyers``, ``correlation`` (None when
    it cannot be computed), ``limit`` and ``independent`` (|correlation| < limit; None
    without a correlation).

    >>> buyers = pd.DataFrame({"frequency": [0, 1, 2, 3, 4],
    ...                        "monetary_value": [0.0, 50.0, 40.0, 40.0, 50.0]})
    >>> spend_independence(buyers)
    {'repeat_buyers': 4, 'correlation': 0.0, 'limit': 0.3, 'independent': True}
    """
    repeat = summary.loc[summary["frequency"] > 0, ["frequency", "monetary_value"]]
    correlation = None
    if len(repeat) >= 3 and (repeat.std() > 0).all():
        correlation = float(np.corrcoef(repeat.to_numpy(dtype=float).T)[0, 1])
    return {
        "repeat_buyers": len(repeat),
        "correlation": correlation,
        "limit": limit,
        "independent": None if correlation is None else bool(abs(correlation) < limit),
    }


def _negative_mean_log_likelihood(
    log_params: np.ndarray, x: np.ndarray, m: np.ndarray, weight: np.ndarray
) -> float:
    """−mean ln f(m̄ | x) (Hardie's note 025, eq. 1a), x repeat purchases, m̄ their mean."""
    p, q, v = np.exp(log_params)
    px = p * x
    ll = (
        gammaln(px + q)
        - gammaln(px)
        - gammaln(q)
        + q * np.log(v)
        + (px - 1) * np.log(m)
        + px * np.log(x)
        - (px + q) * np.log(v + x * m)
    )
    value = -(weight * ll).sum() / weight.sum()  # not np.dot: see still_buying
    return float(value) if np.isfinite(value) else 1e300


def _starting_values(m: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """p = 1; q from the spread of the customers' means (CV² ≈ 1/(q − 2)); v to match
    the mean spend (p · v / (q − 1))."""
    mean = (weight * m).sum() / weight.sum()
    variance = (weight * (m - mean) ** 2).sum() / weight.sum()
    q = float(np.clip(2 + mean**2 / max(variance, 1e-12), 2.5, 100.0))
    return np.log([1.0, q, mean * (q - 1)])


def fit_gamma_gamma(summary: pd.DataFrame, limit: float = CORRELATION_LIMIT) -> GammaGammaFit:
    """The Gamma-Gamma spend model fitted by maximum likelihood, if its assumption holds.

    In: a purchase summary (``frequency``, ``monetary_value``). Fitted to the repeat
    buyers (customers with the same pair counted once, with a weight), over the
    logarithms of p, q, v (L-BFGS-B, deterministic). Out: a ``GammaGammaFit``; without
    parameters and with a reason code (``REASONS``) when there are too few repeat
    buyers, spend goes with frequency (``spend_independence``), the search finds no
    best fit, or q ≤ 1.

    >>> rng = np.random.default_rng(1)  # 300 repeat buyers drawn from the model itself
    >>> x, nu = rng.integers(1, 8, 300), rng.gamma(3.0, 1 / 40.0, 300)
    >>> buyers = pd.DataFrame({"frequency": x, "monetary_value": rng.gamma(4.0 * x, 1 / (nu * x))})
    >>> fit = fit_gamma_gamma(buyers)
    >>> fit.reason, fit.independent, round(fit.params.q, 2)
    (None, True, 3.68)
    """
    check = spend_independence(summary, limit)
    repeat_buyers = check["repeat_buyers"]
    found = {
        "repeat_buyers": repeat_buyers,
        "correlation": check["correlation"],
        "independent": check["independent"],
    }
    if summary.empty:
        reason = "no_purchases"
    elif repeat_buyers == 0:
        reason = "no_repeat_buyers"
    elif repeat_buyers < MIN_REPEAT_BUYERS:
        reason = "too_few_repeat_buyers"
    elif not check["independent"]:
        reason = "spend_depends_on_frequency"
    else:
        reason = None
    if reason:
        return GammaGammaFit(params=None, reason=reason, **found)

    repeat = summary.loc[summary["frequency"] > 0, ["frequency", "monetary_value"]]
    pairs = repeat.astype(float).groupby(["frequency", "monetary_value"], sort=False).size()
    x = pairs.index.get_level_values(0).to_numpy(dtype=float)
    m = pairs.index.get_level_values(1).to_numpy(dtype=float)
    weight = pairs.to_numpy(dtype=float)
    result = minimize(
        _negative_mean_log_likelihood,
        _starting_values(m, weight),
        args=(x, m, weight),
        method="L-BFGS-B",
        jac="3-point",
        bounds=[(-LOG_BOUND, LOG_BOUND)] * 3,
        options={"ftol": 1e-15, "gtol": 1e-10, "maxiter": 2000},
    )
    if (
        not np.all(np.isfinite(result.x))
        or np.any(np.abs(result.x) > LOG_BOUND - 1)
        or (not result.success and np.max(np.abs(result.jac)) > 1e-5)
    ):
        return GammaGammaFit(params=None, reason="did_not_converge", **found)
    p, q, v = (float(value) for value in np.exp(result.x))
    if q <= 1:
        return GammaGammaFit(params=None, reason="spend_mean_unbounded", **found)
    return GammaGammaFit(params=GammaGammaParams(p=p, q=q, v=v), reason=None, **found)


def expected_spend_per_purchase(summary: pd.DataFrame, fit: GammaGammaFit) -> pd.Series:
    """Each customer's expected spend per future purchase (Hardie's note 025, eq. 5).

    E[M | x, m̄] = (1 − w) · p·v/(q − 1) + w · m̄, with w = p·x / (p·x + q − 1): the
    customer's own mean repeat spend, pulled towards everyone's mean the fewer purchases
    it rests on (a customer without repeat purchases gets everyone's mean).

    In: a purchase summary and its fit. Out: Series ``expected_spend_per_purchase``
    indexed like the summary; NaN without a fit.

    >>> buyers = pd.DataFrame({"frequency": [0, 2], "monetary_value": [0.0, 80.0]})
    >>> fit = GammaGammaFit(GammaGammaParams(p=4.0, q=3.0, v=20.0), None, 1, None, None)
    >>> expected_spend_per_purchase(buyers, fit).tolist()
    [40.0, 72.0]
    """
    name = "expected_spend_per_purchase"
    if not fit.fitted:
        return pd.Series(np.nan, index=summary.index, name=name)
    p, q, v = fit.params.p, fit.params.q, fit.params.v
    x = summary["frequency"].to_numpy(dtype=float)
    weight = p * x / (p * x + q - 1)
    mean = p * v / (q - 1)
    value = (1 - weight) * mean + weight * summary["monetary_value"].to_numpy(dtype=float)
    return pd.Series(value, index=summary.index, name=name)


def spend_figures(fit: GammaGammaFit) -> dict:
    """Headline figures of the spend model: p, q, v, and what the independence check found.

    ``gamma_gamma_*`` are None without a fit; ``spend_frequency_correlation`` and
    ``spend_independent_of_frequency`` are given whenever they could be computed;
    ``gamma_gamma_reason`` is the reason code (None with a fit).

    >>> figures = spend_figures(GammaGammaFit(None, "spend_depends_on_frequency", 90, 0.6, False))
    >>> figures["gamma_gamma_p"], figures["gamma_gamma_reason"]
    (None, 'spend_depends_on_frequency')
    """
    params = fit.params
    return {
        "gamma_gamma_p": params.p if params else None,
        "gamma_gamma_q": params.q if params else None,
        "gamma_gamma_v": params.v if params else None,
        "spend_frequency_correlation": fit.correlation,
        "spend_independent_of_frequency": fit.independent,
        "gamma_gamma_reason": fit.reason,
    }


def model_lifetime_value(
    summary: pd.DataFrame,
    bgnbd,
    fit: GammaGammaFit,
    value_rate: pd.Series | float,
    discount_rate: float,
    years: int,
) -> pd.Series:
    """Each customer's lifetime value by the two models, where both hold.

    Year k (k = 1 … ``years``) is worth the purchases the BG/NBD model expects in that
    year (``still_buying.purchases_by_year``: its own rhythm and its chance of still
    buying, instead of everyone's retention) × the spend per purchase of the Gamma-Gamma
    model × ``value_rate`` (profit or margin per euro of revenue: a Series per customer,
    or one number), discounted like ``lifetime_value.lifetime_value``: the first year
    counts in full, year k is divided by (1 + discount_rate)^(k − 1).

    In: a purchase summary, its BG/NBD fit (``still_buying.fit_bgnbd``) and Gamma-Gamma
    fit. Out: Series ``lifetime_value_model`` indexed like the summary; NaN without
    either fit (the spend model is fitted only where spend does not depend on frequency).

    Example: a spend per purchase of 100 (the customer's own mean and everyone's), a
    value rate of 0.5, no discount: each expected purchase is worth 50.

    >>> from helpers.analysis.still_buying import BgNbdFit, BgNbdParams, purchases_by_year
    >>> days = pd.DataFrame({"frequency": [3.0], "recency": [30.0], "T": [38.0],
    ...                      "monetary_value": [100.0]})
    >>> bg = BgNbdFit(BgNbdParams(r=0.25, alpha=4.4, a=0.8, b=2.4), None, 1, 1, 38.0)
    >>> gg = GammaGammaFit(GammaGammaParams(p=4.0, q=3.0, v=50.0), None, 1, 0.0, True)
    >>> value = model_lifetime_value(days, bg, gg, 0.5, 0.0, 2).iloc[0]
    >>> purchases = purchases_by_year(bg.params, days, 2).sum()
    >>> round(float(value), 6) == round(float(purchases) * 50, 6)
    True
    """
    from helpers.analysis.still_buying import purchases_by_year

    name = "lifetime_value_model"
    if not (bgnbd.fitted and fit.fitted) or summary.empty:
        return pd.Series(np.nan, index=summary.index, name=name)
    by_year = purchases_by_year(bgnbd.params, summary, int(years))
    discount = (1.0 + discount_rate) ** -np.arange(int(years))
    purchases = by_year @ discount
    rate = (
        value_rate.reindex(summary.index).to_numpy(dtype=float)
        if isinstance(value_rate, pd.Series)
        else float(value_rate)
    )
    spend = expected_spend_per_purchase(summary, fit).to_numpy(dtype=float)
    return pd.Series(purchases * spend * rate, index=summary.index, name=name)
