"""Still buying? Each customer's probability of still being active, and the purchases to expect.

The BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the easy way"):
while active, a customer buys at a steady rate of their own (Poisson, rate λ drawn from
Gamma(r, α)); after each purchase they stop for good with a probability of their own
(p drawn from Beta(a, b)). Fitted by maximum likelihood to every customer's purchases:
a purchase is a day with a line of positive amount, time is in **days**, and the
observation ends at ``as_of``. A weekly buyer silent for three months then looks more
lost than a yearly buyer silent for six.

Everything here returns frames, series, plain numbers and short stable reason codes
(``REASONS``); the sentences are :mod:`helpers.words.still_buying`. The spend per
purchase (Gamma-Gamma) is in ``spend.py``.

    summary = purchase_summary(invoices, as_of)
    fit = fit_bgnbd(summary)
    outlook = customer_outlook(summary, fit)       # p_alive, expected_purchases_12m
    figures = bgnbd_figures(summary, fit)          # bgnbd_r … customers_probably_lost
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.optimize import minimize
from scipy.special import betaln, expit, gammaln, hyp2f1

from helpers.analysis.overview import customer_summary
from helpers.analysis.windows import window_mask

HORIZON_DAYS = 365  # expected purchases are counted over the 12 months after as_of
PROBABLY_LOST_BELOW = 0.5  # p_alive under this, with a repeat purchase: probably lost

# Thin data: below these the four parameters are not estimated (the figures are None).
# Repeat buyers carry what the model learns about coming back and stopping: a few dozen
# for four parameters. Under half a year, silence says little about customers who buy a
# few times a year.
MIN_REPEAT_BUYERS = 30  # customers with purchases on at least two days
MIN_HISTORY_DAYS = 180  # from the first purchase in the data to as_of

# Log-parameters stay within ±LOG_BOUND: exp() and the gamma functions stay finite. An
# estimate at the edge means the likelihood kept rising towards it: no answer.
LOG_BOUND = 25.0

# Why there is no fit, as stable codes (told in words by helpers.words.still_buying)
REASONS = (
    "no_purchases",
    "no_repeat_buyers",
    "too_few_repeat_buyers",
    "history_too_short",
    "did_not_converge",
)
FIGURE_KEYS = ("bgnbd_r", "bgnbd_alpha", "bgnbd_a", "bgnbd_b", "customers_probably_lost")


@dataclass(frozen=True)
class BgNbdParams:
    """The four BG/NBD parameters; time in the summary's unit (days here).

    r, alpha: purchase rates while active follow Gamma(r, alpha) (mean rate r / alpha);
    a, b: the chance of stopping after a purchase follows Beta(a, b) (mean a / (a + b)).
    """

    r: float
    alpha: float
    a: float
    b: float


@dataclass(frozen=True)
class BgNbdFit:
    """A BG/NBD fit: the parameters, or ``None`` and the reason code why not.

    ``customers`` and ``repeat_buyers`` count the summary's rows; ``history_days`` is
    the longest T; ``log_likelihood`` is the total over customers (None without a fit).
    """

    params: BgNbdParams | None
    reason: str | None
    customers: int
    repeat_buyers: int
    history_days: float
    log_likelihood: float | None = None

    @property
    def fitted(self) -> bool:
        return self.params is not None


def purchase_summary(invoices: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    """Frequency, recency, T and mean repeat spend per customer, from positive lines only.

    In: invoice lines (``customer_id``, ``date``, ``amount``) and the analysis date. A
    purchase is a day with a line of positive amount up to ``as_of`` (credit notes and
    zero lines are left out); ``overview.customer_summary`` does the counting.
    Out: DataFrame indexed by ``customer_id`` (customers with a positive line) with
    ``frequency`` (purchase days after the first), ``recency`` (days from the first to
    the last), ``T`` (days from the first to ``as_of``) and ``monetary_value`` (mean
    positive amount of the repeat purchase days; 0 without repeats).

    >>> lines = pd.DataFrame({"customer_id": ["A", "A", "A"], "amount": [10.0, -4.0, 6.0],
    ...                       "date": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-01-11"])})
    >>> purchase_summary(lines, pd.Timestamp("2024-12-31")).loc["A"].tolist()
    [1.0, 10.0, 365.0, 6.0]
    """
    return customer_summary(invoices.loc[invoices["amount"] > 0], as_of)


def thin_data_reason(summary: pd.DataFrame) -> str | None:
    """Why a summary is too thin to fit the BG/NBD model: a code of ``REASONS``, or None.

    The checks, in order: no customers; no repeat buyers; fewer than
    ``MIN_REPEAT_BUYERS`` repeat buyers; the longest T under ``MIN_HISTORY_DAYS``. (All
    customers starting on the same day is no reason: the model is identified from one
    cohort, as in the CDNOW data it was first fitted to.)

    >>> once = pd.DataFrame({"frequency": [0.0, 0.0], "recency": [0.0, 0.0], "T": [400.0, 9.0]})
    >>> thin_data_reason(once)
    'no_repeat_buyers'
    """
    if summary.empty:
        return "no_purchases"
    repeat_buyers = int((summary["frequency"] > 0).sum())
    if repeat_buyers == 0:
        return "no_repeat_buyers"
    if repeat_buyers < MIN_REPEAT_BUYERS:
        return "too_few_repeat_buyers"
    if float(summary["T"].max()) < MIN_HISTORY_DAYS:
        return "history_too_short"
    return None


@dataclass(frozen=True)
class _Patterns:
    """Customers grouped by identical (frequency, recency, T), each pattern with its count."""

    x: np.ndarray  # frequency of each pattern
    recency: np.ndarray
    T: np.ndarray
    weight: np.ndarray  # customers with the pattern
    x_values: np.ndarray  # the distinct frequencies, and each pattern's position among them
    x_index: np.ndarray


def _patterns(frequency, recency, T) -> _Patterns:
    frame = pd.DataFrame({"x": frequency, "recency": recency, "T": T}, dtype=float)
    counts = frame.groupby(["x", "recency", "T"], sort=False).size()
    x = counts.index.get_level_values("x").to_numpy(dtype=float)
    x_values, x_index = np.unique(x, return_inverse=True)
    return _Patterns(
        x=x,
        recency=counts.index.get_level_values("recency").to_numpy(dtype=float),
        T=counts.index.get_level_values("T").to_numpy(dtype=float),
        weight=counts.to_numpy(dtype=float),
        x_values=x_values,
        x_index=x_index,
    )


def _log_likelihoods(log_params: np.ndarray, data: _Patterns) -> np.ndarray:
    """ln L of each pattern (FHL 2005, eq. 6), in log space throughout.

    L = B(a, b+x)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+T)^(r+x))
        + δ(x>0) · B(a+1, b+x−1)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+t_x)^(r+x))
    The terms that depend on x alone are computed once per distinct frequency.
    """
    r, alpha, a, b = np.exp(log_params)
    xs = data.x_values
    common = gammaln(r + xs) - gammaln(r) + r * np.log(alpha) - betaln(a, b)
    still = common + betaln(a, b + xs)  # active through T
    stopped = np.full_like(xs, -np.inf)  # stopped right after the last purchase
    repeat = xs > 0
    stopped[repeat] = common[repeat] + betaln(a + 1, b + xs[repeat] - 1)
    power = r + data.x
    return np.logaddexp(
        still[data.x_index] - power * np.log(alpha + data.T),
        stopped[data.x_index] - power * np.log(alpha + data.recency),
    )


def _negative_mean_log_likelihood(log_params: np.ndarray, data: _Patterns) -> float:
    # a sum of products, not np.dot: BLAS threads its dot from 10,000 entries on, and on a
    # busy machine waking them costs more than the sum (seconds over a fit)
    value = -(data.weight * _log_likelihoods(log_params, data)).sum() / data.weight.sum()
    return float(value) if np.isfinite(value) else 1e300  # a step too far: push the search back


def _starting_values(data: _Patterns) -> np.ndarray:
    """Log-parameters to start from, from simple moments of the data.

    r = 1, with alpha from the mean purchase rate (repeat purchases per day of T);
    a = 1, with b from the share of repeat buyers silent for more than twice their own
    mean gap between purchases (a rough share stopped), spread over their purchases.
    """
    w, x = data.weight, data.x
    seen = data.T > 0
    rate = (w[seen] * x[seen] / data.T[seen]).sum() / max(w[seen].sum(), 1.0)
    alpha = 1.0 / max(rate, 1e-6)
    repeat = x > 0
    gap = data.recency[repeat] / x[repeat]
    silent = data.T[repeat] - data.recency[repeat] > 2 * gap
    share = (w[repeat] * silent).sum() / w[repeat].sum()
    mean_x = (w[repeat] * x[repeat]).sum() / w[repeat].sum()
    p = float(np.clip(1 - (1 - share) ** (1 / mean_x), 0.02, 0.9))
    return np.log([1.0, alpha, 1.0, (1 - p) / p])


def fit_bgnbd(summary: pd.DataFrame) -> BgNbdFit:
    """The BG/NBD model fitted by maximum likelihood to a purchase summary.

    In: a summary with ``frequency``, ``recency`` and ``T`` (``purchase_summary``; any
    one time unit). Customers with the same (frequency, recency, T) are counted once,
    with a weight. The search runs over the logarithms of the parameters (L-BFGS-B,
    central-difference gradients, tight tolerances), deterministic.
    Out: a ``BgNbdFit``; without parameters and with a reason code (``REASONS``) when
    the data is too thin (``thin_data_reason``) or the search finds no best fit.

    >>> days = pd.DataFrame({"frequency": [0, 0, 1, 1, 2, 4, 6, 9] * 5,
    ...                      "recency": [0, 0, 30, 300, 60, 350, 80, 390] * 5, "T": 400})
    >>> fit = fit_bgnbd(days)
    >>> fit.reason, round(fit.params.r, 2), round(fit.params.alpha, 1)
    (None, 0.53, 29.0)
    """
    repeat_buyers = int((summary["frequency"] > 0).sum())
    history = float(summary["T"].max()) if len(summary) else 0.0
    no_fit = {"customers": len(summary), "repeat_buyers": repeat_buyers, "history_days": history}
    impossible = (summary["recency"] > summary["T"]) | (summary["recency"] < 0)
    if impossible.any() or (summary["frequency"] < 0).any():
        raise ValueError("a summary needs 0 <= recency <= T and frequency >= 0 on every row")
    reason = thin_data_reason(summary)
    if reason:
        return BgNbdFit(params=None, reason=reason, **no_fit)
    data = _patterns(summary["frequency"], summary["recency"], summary["T"])
    result = minimize(
        _negative_mean_log_likelihood,
        _starting_values(data),
        args=(data,),
        method="L-BFGS-B",
        jac="3-point",
        bounds=[(-LOG_BOUND, LOG_BOUND)] * 4,
        options={"ftol": 1e-15, "gtol": 1e-10, "maxiter": 2000},
    )
    at_edge = np.any(np.abs(result.x) > LOG_BOUND - 1)
    if (
        not np.all(np.isfinite(result.x))
        or at_edge
        or not np.isfinite(result.fun)
        or (not result.success and np.max(np.abs(result.jac)) > 1e-5)
    ):
        return BgNbdFit(params=None, reason="did_not_converge", **no_fit)
    r, alpha, a, b = (float(v) for v in np.exp(result.x))
    return BgNbdFit(
        params=BgNbdParams(r=r, alpha=alpha, a=a, b=b),
        reason=None,
        log_likelihood=float(-result.fun * data.weight.sum()),
        **no_fit,
    )


def p_alive(params: BgNbdParams, frequency, recency, T) -> np.ndarray:
    """P(still active | x, t_x, T) = 1 / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)).

    In: the parameters and arrays (or numbers) of frequency, recency and T in the fit's
    time unit. Out: an array of probabilities; 1 for a customer with no repeat purchase
    (in the model a customer can only stop right after a purchase).

    >>> params = BgNbdParams(r=0.25, alpha=4.4, a=0.8, b=2.4)
    >>> p_alive(params, [0, 3, 3], [0, 30, 10], [38, 38, 38]).round(3).tolist()
    [1.0, 0.736, 0.141]
    """
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    x = np.asarray(frequency, dtype=float)
    recency, T = np.asarray(recency, dtype=float), np.asarray(T, dtype=float)
    log_odds_stopped = (
        np.log(a)
        - np.log(b + np.maximum(x, 1) - 1)
        + (r + x) * (np.log(alpha + T) - np.log(alpha + recency))
    )
    return np.where(x > 0, expit(-log_odds_stopped), 1.0)


def _hyp2f1_times_power(A, B, C, z, log_power):
    """2F1(A, B; C; z) · exp(log_power), also where 2F1 itself overflows.

    Where scipy's series gives no finite value, Euler's transformation
    2F1(A, B; C; z) = (1−z)^(C−A−B) · 2F1(C−A, C−B; C; z) is used instead (as lifetimes
    does).
    """
    with np.errstate(all="ignore"):
        direct = hyp2f1(A, B, C, z) * np.exp(log_power)
        euler = hyp2f1(C - A, C - B, C, z) * np.exp((C - A - B) * np.log1p(-z) + log_power)
    return np.where(np.isfinite(direct), direct, euler)


def expected_purchases(params: BgNbdParams, t: float, frequency, recency, T) -> np.ndarray:
    """Expected purchases in the next ``t`` time units of each customer (FHL 2005, eq. 10).

    E[X(T, T+t) | x, t_x, T] = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x)
    · 2F1(r+x, b+x; a+b+x−1; t/(α+T+t))] · P(alive | x, t_x, T).

    In: parameters, a horizon and arrays of frequency, recency, T. Out: an array.

    >>> params = BgNbdParams(r=0.25, alpha=4.4, a=0.8, b=2.4)
    >>> expected_purchases(params, 39, [0, 3], [0, 30], [38, 38]).round(3).tolist()
    [0.204, 1.797]
    """
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    x = np.asarray(frequency, dtype=float)
    T = np.asarray(T, dtype=float)
    z = t / (alpha + T + t)
    inner = _hyp2f1_times_power(
        r + x, b + x, a + b + x - 1, z, (r + x) * (np.log(alpha + T) - np.log(alpha + T + t))
    )
    value = (a + b + x - 1) / (a - 1) * (1 - inner) * p_alive(params, x, recency, T)
    return value + 0.0  # -0.0 (a < 1 and nothing to expect) shows as 0.0


def expected_purchases_new_customer(params: BgNbdParams, t) -> np.ndarray:
    """Expected repeat purchases of a new customer in their first ``t`` time units (eq. 9).

    E[X(t)] = (a+b−1)/(a−1) · [1 − (α/(α+t))^r · 2F1(r, b; a+b−1; t/(α+t))]: for the
    hold-out comparison, where customers start at different times.

    >>> params = BgNbdParams(r=0.25, alpha=4.4, a=0.8, b=2.4)
    >>> expected_purchases_new_customer(params, [0, 39]).round(3).tolist()
    [0.0, 1.222]
    """
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    t = np.asarray(t, dtype=float)
    inner = _hyp2f1_times_power(
        r, b, a + b - 1, t / (alpha + t), r * (np.log(alpha) - np.log(alpha + t))
    )
    return (a + b - 1) / (a - 1) * (1 - inner) + 0.0  # no -0.0


def customer_outlook(
    summary: pd.DataFrame, fit: BgNbdFit, horizon_days: int = HORIZON_DAYS
) -> pd.DataFrame:
    """Per customer: the probability of still buying and the purchases expected in 12 months.

    In: a ``purchase_summary`` and its ``fit_bgnbd`` fit. Out: DataFrame indexed by
    ``customer_id`` (the summary's customers) with ``p_alive`` and
    ``expected_purchases_12m`` (purchase days in the ``horizon_days`` after as_of), ready
    to join onto a list of every customer (a customer without a positive line is not in
    it). Both NaN when there is no fit. Customers sharing a pattern are computed once.

    >>> days = pd.DataFrame({"frequency": [0, 0, 1, 1, 2, 4, 6, 9] * 5,
    ...                      "recency": [0, 0, 30, 300, 60, 350, 80, 390] * 5, "T": 400})
    >>> customer_outlook(days, fit_bgnbd(days)).iloc[[0, 6, 7]].round(2).to_dict("list")
    {'p_alive': [1.0, 0.0, 0.86], 'expected_purchases_12m': [0.41, 0.0, 4.54]}
    """
    columns = ("p_alive", "expected_purchases_12m")
    if not fit.fitted or summary.empty:
        return pd.DataFrame(np.nan, index=summary.index, columns=list(columns))
    keys = summary[["frequency", "recency", "T"]]
    pattern = keys.groupby(["frequency", "recency", "T"], sort=False).ngroup().to_numpy()
    first = np.unique(pattern, return_index=True)[1]  # one row per pattern, in pattern order
    x, recency, T = (keys[c].to_numpy(dtype=float)[first] for c in ("frequency", "recency", "T"))
    alive = p_alive(fit.params, x, recency, T)
    expected = expected_purchases(fit.params, horizon_days, x, recency, T)
    return pd.DataFrame(
        {columns[0]: alive[pattern], columns[1]: expected[pattern]}, index=summary.index
    )


def figures_without_fit(reason: str) -> dict:
    """The headline figures when there is no fit: every figure None, and the reason code.

    >>> figures_without_fit("no_repeat_buyers")["bgnbd_r"] is None
    True
    """
    return {**dict.fromkeys(FIGURE_KEYS), "bgnbd_reason": reason}


def bgnbd_figures(summary: pd.DataFrame, fit: BgNbdFit) -> dict:
    """Headline figures: the four parameters (time in days) and the customers probably lost.

    ``customers_probably_lost`` = customers with a repeat purchase whose p_alive is under
    ``PROBABLY_LOST_BELOW``. Every figure None, with ``bgnbd_reason``, without a fit.

    >>> once = pd.DataFrame({"frequency": [0.0], "recency": [0.0], "T": [400.0]})
    >>> bgnbd_figures(once, fit_bgnbd(once))["bgnbd_reason"]
    'no_repeat_buyers'
    """
    if not fit.fitted:
        return figures_without_fit(fit.reason)
    repeat = summary[summary["frequency"] > 0]
    alive = p_alive(fit.params, repeat["frequency"], repeat["recency"], repeat["T"])
    return {
        "bgnbd_r": fit.params.r,
        "bgnbd_alpha": fit.params.alpha,
        "bgnbd_a": fit.params.a,
        "bgnbd_b": fit.params.b,
        "customers_probably_lost": int((alive < PROBABLY_LOST_BELOW).sum()),
        "bgnbd_reason": None,
    }


@dataclass(frozen=True)
class HoldoutCheck:
    """The model fitted on the calibration period, against what customers did afterwards.

    ``table``: indexed by ``calibration_frequency`` (repeat purchase days in the
    calibration period, the last row holding that many or more), with ``customers``,
    ``actual_purchases`` and ``expected_purchases`` (means per customer over the
    hold-out period; expected NaN without a fit). ``fit``: the calibration fit.
    """

    table: pd.DataFrame
    fit: BgNbdFit
    calibration_end: pd.Timestamp
    holdout_days: int


def holdout_check(
    invoices: pd.DataFrame,
    as_of: pd.Timestamp,
    calibration_end: pd.Timestamp | None = None,
    max_frequency: int = 7,
) -> HoldoutCheck:
    """Fit on the purchases up to ``calibration_end``, predict the rest up to ``as_of``.

    In: invoice lines, the analysis date and the end of the calibration period (default:
    ``HORIZON_DAYS`` before as_of, so the model predicts the last 12 months from the
    ones before). Customers of the calibration period only; purchases as in
    ``purchase_summary``. Out: a ``HoldoutCheck`` whose table compares, per calibration
    frequency, the mean purchase days in the hold-out period with the model's expectation.

    >>> lines = pd.DataFrame({"customer_id": ["A", "A", "B"], "amount": [5.0, 5.0, 9.0],
    ...                       "date": pd.to_datetime(["2023-01-02", "2024-03-01", "2023-06-01"])})
    >>> check = holdout_check(lines, pd.Timestamp("2024-12-31"))
    >>> check.fit.reason, check.table["actual_purchases"].tolist()
    ('no_repeat_buyers', [0.5])
    """
    as_of = pd.Timestamp(as_of).normalize()
    if calibration_end is None:
        calibration_end = as_of - pd.Timedelta(days=HORIZON_DAYS)
    calibration_end = pd.Timestamp(calibration_end).normalize()
    holdout_days = int((as_of - calibration_end).days)
    calibration = purchase_summary(invoices, calibration_end)
    fit = fit_bgnbd(calibration)

    later = invoices.loc[
        (invoices["amount"] > 0)
        & (invoices["date"] > calibration_end)
        & (invoices["date"] <= as_of)
        & invoices["customer_id"].isin(calibration.index),
        ["customer_id", "date"],
    ]
    days = later.assign(date=later["date"].dt.normalize()).drop_duplicates()
    actual = days.groupby("customer_id").size().reindex(calibration.index, fill_value=0)
    if fit.fitted:
        expected = expected_purchases(
            fit.params,
            holdout_days,
            calibration["frequency"],
            calibration["recency"],
            calibration["T"],
        )
    else:
        expected = np.full(len(calibration), np.nan)
    group = calibration["frequency"].clip(upper=max_frequency).astype(int)
    table = (
        pd.DataFrame(
            {
                "group": group.to_numpy(),
                "actual": actual.to_numpy(dtype=float),
                "expected": expected,
            }
        )
        .groupby("group")
        .agg(
            customers=("actual", "size"),
            actual_purchases=("actual", "mean"),
            expected_purchases=("expected", "mean"),
        )
        .rename_axis("calibration_frequency")
    )
    return HoldoutCheck(
        table=table, fit=fit, calibration_end=calibration_end, holdout_days=holdout_days
    )


def p_alive_grid(
    params: BgNbdParams, T: float, max_frequency: int = 20, step_days: int = 7
) -> pd.DataFrame:
    """p_alive of a customer first seen ``T`` days before as_of, over recency × frequency.

    In: parameters (time in days), T, the largest frequency and the recency step. Out:
    DataFrame indexed by ``recency`` (0, step, 2·step, …, T days) with one column per
    ``frequency`` 0 … max_frequency. Histories that cannot happen are NaN: no repeat
    purchase but a recency above 0, or fewer days of recency than repeat purchase days.

    >>> params = BgNbdParams(r=0.25, alpha=30.0, a=0.8, b=2.4)
    >>> grid = p_alive_grid(params, T=365, max_frequency=3, step_days=365)
    >>> grid.round(2).to_dict("list")
    {0: [1.0, nan], 1: [nan, 0.75], 2: [nan, 0.81], 3: [nan, 0.85]}
    """
    recency = np.unique(np.r_[np.arange(0, T, step_days, dtype=float), float(T)])
    frequency = np.arange(max_frequency + 1)
    rec, freq = np.meshgrid(recency, frequency, indexing="ij")
    values = p_alive(params, freq, rec, T)
    values[((freq == 0) & (rec > 0)) | ((freq > 0) & (rec < freq))] = np.nan
    return pd.DataFrame(
        values,
        index=pd.Index(recency, name="recency"),
        columns=pd.Index(frequency, name="frequency"),
    )


def silence_example(params: BgNbdParams, silent_days: int = 90, years: int = 2) -> dict:
    """Two customers, both silent for ``silent_days``: one who bought every week, one who
    bought once a year, each since ``years`` years before as_of. Their p_alive.

    >>> example = silence_example(BgNbdParams(r=0.5, alpha=20.0, a=0.7, b=3.0))
    >>> example["weekly"] < example["yearly"]
    True
    """
    T = 365.0 * years
    recency = T - silent_days
    weekly = recency // 7  # a purchase every week until the silence began
    yearly = float(years - 1)  # once a year: the first purchase and one a year later
    alive = p_alive(params, np.array([weekly, yearly]), np.array([recency, recency]), T)
    return {
        "weekly": float(alive[0]),
        "yearly": float(alive[1]),
        "silent_days": silent_days,
        "weekly_purchases": int(weekly) + 1,
        "yearly_purchases": int(yearly) + 1,
    }


def silence_pair(summary: pd.DataFrame, outlook: pd.DataFrame) -> dict | None:
    """Two of the company's own customers where silence misleads: the one silent for less
    time is the one more likely gone (it used to buy often), for a predict-before-you-look.

    In: a ``purchase_summary`` and its ``customer_outlook``. ``gone``: among the probably
    lost (p_alive under ``PROBABLY_LOST_BELOW``) who bought at least as often as the
    typical repeat buyer (the median frequency, and at least 3 repeat purchases), the one
    with the shortest silence (ties: more purchases, then the id). ``quiet``: a customer
    with fewer purchases, silent for longer, whose p_alive is the highest (at least 0.5;
    ties: longer silence, then the id). Without such a pair, the repeat buyers with the
    lowest and the highest p_alive. Out: dict with both ids, their ``silence`` (days since
    the last purchase), ``purchases`` (purchase days), ``days`` (since the first purchase)
    and ``p_alive``; None without a fit, with fewer than two repeat buyers, or when they
    all have the same chance.

    >>> summary = pd.DataFrame({"frequency": [40.0, 1.0, 2.0, 3.0],
    ...                         "recency": [300.0, 100.0, 350.0, 200.0], "T": 400.0},
    ...                        index=["W", "Y", "Z", "V"])
    >>> outlook = pd.DataFrame({"p_alive": [0.1, 0.8, 0.9, 0.3]}, index=summary.index)
    >>> pair = silence_pair(summary, outlook)
    >>> pair["gone"], pair["quiet"], pair["silence"]
    ('W', 'Y', {'W': 100.0, 'Y': 300.0})
    """
    table = summary[["frequency", "recency", "T"]].join(outlook["p_alive"])
    table = table.loc[(table["frequency"] > 0) & table["p_alive"].notna()]
    if len(table) < 2:
        return None
    table = table.assign(silence=table["T"] - table["recency"], _id=table.index.astype(str))
    often = max(float(table["frequency"].median()), 3.0)
    lost = table.loc[
        (table["p_alive"] < PROBABLY_LOST_BELOW) & (table["frequency"] >= often)
    ].sort_values(["silence", "frequency", "_id"], ascending=[True, False, True], kind="stable")
    alive = table.loc[table["p_alive"] >= PROBABLY_LOST_BELOW].sort_values("silence")
    # for each probably-lost candidate: is anyone still buying silent for longer, with fewer
    # purchases? (the fewest purchases among those silent for longer than each silence)
    fewest = np.minimum.accumulate(alive["frequency"].to_numpy()[::-1])[::-1]
    after = np.searchsorted(alive["silence"].to_numpy(), lost["silence"].to_numpy(), "right")
    matched = after < len(alive)
    matched[matched] = fewest[after[matched]] < lost["frequency"].to_numpy()[matched]
    gone = quiet = None
    if matched.any():
        gone = lost.index[int(np.argmax(matched))]
        row = table.loc[gone]
        longer = alive.loc[
            (alive["silence"] > row["silence"]) & (alive["frequency"] < row["frequency"])
        ]
        quiet = longer.sort_values(
            ["p_alive", "silence", "_id"], ascending=[False, False, True], kind="stable"
        ).index[0]
    if gone is None:
        ranked = table.sort_values(["p_alive", "_id"], kind="stable")
        gone, quiet = ranked.index[0], ranked.index[-1]
        if table.at[gone, "p_alive"] == table.at[quiet, "p_alive"]:
            return None  # every repeat buyer looks the same: nothing to tell apart
    pair = table.loc[[gone, quiet]]
    return {
        "gone": gone,
        "quiet": quiet,
        "silence": pair["silence"].to_dict(),
        "purchases": (pair["frequency"] + 1).astype(int).to_dict(),
        "days": pair["T"].to_dict(),
        "p_alive": pair["p_alive"].to_dict(),
    }


def revenue_share_probably_lost(
    invoices: pd.DataFrame, outlook: pd.DataFrame, as_of: pd.Timestamp
) -> float:
    """The share of the last 12 months' revenue that came from customers the model thinks
    are probably no longer buying (p_alive under ``PROBABLY_LOST_BELOW``).

    Revenue = the amounts of all lines (credit notes too) in the 12 months up to as_of;
    NaN without a fit or without revenue.

    >>> lines = pd.DataFrame({"customer_id": ["A", "B", "B"], "amount": [30.0, 60.0, 10.0],
    ...                       "date": pd.to_datetime(["2025-03-01", "2025-05-01", "2025-06-01"])})
    >>> outlook = pd.DataFrame({"p_alive": [0.2, 0.9]}, index=["A", "B"])
    >>> revenue_share_probably_lost(lines, outlook, pd.Timestamp("2025-12-31"))
    0.3
    """
    if outlook["p_alive"].isna().all():
        return float("nan")
    recent = invoices.loc[window_mask(invoices["date"], as_of)]
    revenue = recent.groupby("customer_id")["amount"].sum()
    total = float(revenue.sum())
    if total <= 0:
        return float("nan")
    lost = outlook.index[outlook["p_alive"] < PROBABLY_LOST_BELOW]
    return float(revenue.reindex(lost).fillna(0.0).sum()) / total


def purchases_by_year(
    params: BgNbdParams, summary: pd.DataFrame, years: int, year_days: int = HORIZON_DAYS
) -> np.ndarray:
    """Expected purchase days in each of the next ``years`` years, per customer.

    Year k's purchases are the expected purchases up to k years after as_of minus those up
    to k − 1 years. Out: an array of shape (customers, years).

    >>> params = BgNbdParams(r=0.25, alpha=4.4, a=0.8, b=2.4)
    >>> days = pd.DataFrame({"frequency": [3.0], "recency": [30.0], "T": [38.0]})
    >>> by_year = purchases_by_year(params, days, 2, 39)
    >>> round(float(by_year[0, 0]), 3), bool(by_year[0, 1] < by_year[0, 0])
    (1.797, True)
    """
    x, recency, T = (summary[c].to_numpy(dtype=float) for c in ("frequency", "recency", "T"))
    cumulative = np.column_stack(
        [np.zeros(len(summary))]
        + [expected_purchases(params, k * year_days, x, recency, T) for k in range(1, years + 1)]
    )
    return np.diff(cumulative, axis=1)


@dataclass(frozen=True)
class StillBuying:
    """The model on a company, computed once: its purchase summary, fit, per-customer
    outlook (``p_alive``, ``expected_purchases_12m``) and headline figures."""

    summary: pd.DataFrame
    fit: BgNbdFit
    outlook: pd.DataFrame
    figures: dict


def still_buying(invoices: pd.DataFrame, as_of: pd.Timestamp) -> StillBuying:
    """Fit the model on the invoices up to ``as_of`` and give every result the notebook,
    the plan and the exercises share (so that all three see the same fit).

    >>> lines = pd.DataFrame({"customer_id": ["A"], "amount": [5.0],
    ...                       "date": pd.to_datetime(["2024-03-01"])})
    >>> result = still_buying(lines, pd.Timestamp("2024-12-31"))
    >>> result.fit.reason, result.figures["customers_probably_lost"]
    ('no_repeat_buyers', None)
    """
    summary = purchase_summary(invoices.loc[invoices["date"] <= as_of], as_of)
    fit = fit_bgnbd(summary)
    return StillBuying(
        summary=summary,
        fit=fit,
        outlook=customer_outlook(summary, fit),
        figures=bgnbd_figures(summary, fit),
    )


def map_extent(summary: pd.DataFrame) -> tuple[float, int]:
    """Where the chance-it-still-buys map is drawn: the typical customer's age ``T`` (the
    median, days) and the repeat purchases shown up the side, enough to hold nine in ten
    of the customers of about that age (±25 %), between 10 and 100.

    >>> summary = pd.DataFrame({"frequency": [0.0, 3.0, 40.0, 400.0], "T": 300.0})
    >>> map_extent(summary)
    (300.0, 100)
    """
    T = float(summary["T"].median()) if len(summary) else 365.0
    near = summary.loc[summary["T"].between(0.75 * T, 1.25 * T), "frequency"]
    most = float(near.quantile(0.9)) if len(near) else 0.0
    return T, int(np.clip(np.ceil(most), 10, 100))
