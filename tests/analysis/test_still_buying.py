"""Still buying? BG/NBD and Gamma-Gamma: small cases checked by hand, thin data, and the
real CDNOW data against lifetimes (the peer; a test-only dependency)."""

from __future__ import annotations

import ast
import math
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from helpers.analysis import spend, still_buying
from helpers.analysis.still_buying import BgNbdParams

# A realistic set of parameters in days (CDNOW's, whose alpha is 4.41 weeks)
CDNOW_DAYS = BgNbdParams(r=0.243, alpha=30.9, a=0.793, b=2.426)


def lines(rows: list[tuple[str, str, float]]) -> pd.DataFrame:
    customer, date, amount = zip(*rows, strict=True)
    return pd.DataFrame({"customer_id": customer, "date": pd.to_datetime(date), "amount": amount})


def summary_frame(frequency, recency, T) -> pd.DataFrame:
    return pd.DataFrame(
        {"frequency": frequency, "recency": recency, "T": T}, dtype=float
    ).rename_axis("customer_id")


def simulate(params: BgNbdParams, customers: int, seed: int) -> pd.DataFrame:
    """Customers drawn from the BG/NBD model itself (time in days, continuous)."""
    rng = np.random.default_rng(seed)
    rate = rng.gamma(params.r, 1 / params.alpha, customers)
    stop = rng.beta(params.a, params.b, customers)
    T = rng.uniform(60, 900, customers)
    most = 400
    times = np.cumsum(rng.exponential(1 / rate[:, None], (customers, most)), axis=1)
    lasting = rng.geometric(stop)  # repeat purchases until the customer stops
    x = np.minimum((times <= T[:, None]).sum(axis=1), lasting)
    recency = np.where(x > 0, times[np.arange(customers), np.maximum(x - 1, 0)], 0.0)
    return summary_frame(x, recency, T)


# --- p_alive and expected purchases, by hand -------------------------------------------


def test_a_customer_without_repeat_purchases_is_alive_for_sure():
    # the model lets a customer stop only right after a purchase
    assert still_buying.p_alive(CDNOW_DAYS, 0, 0, 500) == 1.0


def test_p_alive_follows_the_formula_worked_by_hand():
    # x = 3, t_x = 30, T = 38, r = 0.25, alpha = 4.4, a = 0.8, b = 2.4:
    # a / (b + x - 1) = 0.8 / 4.4; ((alpha + T) / (alpha + t_x))^(r + x) = (42.4 / 34.4)^3.25
    params = BgNbdParams(r=0.25, alpha=4.4, a=0.8, b=2.4)
    by_hand = 1 / (1 + 0.8 / 4.4 * (42.4 / 34.4) ** 3.25)
    assert float(still_buying.p_alive(params, 3, 30, 38)) == pytest.approx(by_hand, rel=1e-12)


def test_a_customer_who_just_bought_is_likelier_alive_than_one_long_silent():
    alive = still_buying.p_alive(CDNOW_DAYS, [4, 4], [400, 100], [400, 400])
    assert alive[0] > alive[1]
    # right after a purchase, only the chance of stopping at that purchase counts
    assert alive[0] == pytest.approx(1 / (1 + CDNOW_DAYS.a / (CDNOW_DAYS.b + 3)))


def test_a_weekly_buyer_silent_three_months_worries_more_than_a_yearly_one():
    # both first bought two years and three months ago, both last bought three months ago;
    # the weekly buyer came back every week (104 repeats), the yearly one every year (2)
    weekly, yearly = still_buying.p_alive(CDNOW_DAYS, [104, 2], [730, 730], [821, 821])
    assert weekly < 0.01 and yearly > 0.75
    # the product's sentence: a weekly buyer silent three months against a yearly buyer
    # silent six months (last purchases 91 and 182 days ago)
    weekly, yearly = still_buying.p_alive(CDNOW_DAYS, [104, 2], [730, 730], [821, 912])
    assert weekly < yearly


def test_expected_purchases_grow_with_the_horizon_and_vanish_for_the_lost():
    x, recency, T = [5, 5], [700, 50], [730, 730]
    year = still_buying.expected_purchases(CDNOW_DAYS, 365, x, recency, T)
    two_years = still_buying.expected_purchases(CDNOW_DAYS, 730, x, recency, T)
    assert (two_years > year).all() and year[0] > 1 > 0.01 > year[1] >= 0
    assert still_buying.expected_purchases(CDNOW_DAYS, 0, x, recency, T).tolist() == [0, 0]


def test_a_new_customers_expected_purchases_are_the_mean_of_their_distribution():
    # E[X(t)] = Σ n · P(X(t) = n), with P(X(t) = n) from FHL 2005, eq. 8:
    # B(a, b+n)/B(a, b) · NBD(n) + δ(n>0) · B(a+1, b+n−1)/B(a, b) · (1 − Σ_{j<n} NBD(j))
    from scipy.special import betaln, gammaln

    r, alpha, a, b = CDNOW_DAYS.r, CDNOW_DAYS.alpha, CDNOW_DAYS.a, CDNOW_DAYS.b
    t = 365.0
    n = np.arange(0, 2000)
    nbd = np.exp(
        gammaln(r + n)
        - gammaln(r)
        - gammaln(n + 1)
        + r * np.log(alpha / (alpha + t))
        + n * np.log(t / (alpha + t))
    )
    tail = np.clip(1 - np.r_[0.0, np.cumsum(nbd)[:-1]], 0, None)
    chance = np.exp(betaln(a, b + n) - betaln(a, b)) * nbd
    chance[1:] += np.exp(betaln(a + 1, b + n[1:] - 1) - betaln(a, b)) * tail[1:]
    assert chance.sum() == pytest.approx(1, abs=1e-9)
    assert still_buying.expected_purchases_new_customer(CDNOW_DAYS, t) == pytest.approx(
        float(np.dot(n, chance)), rel=1e-6
    )


# --- the summary and the fit ------------------------------------------------------------


def test_purchases_are_days_with_a_positive_line():
    invoices = lines(
        [
            ("A", "2024-01-01", 10.0),
            ("A", "2024-01-01", 5.0),  # one purchase day
            ("A", "2024-01-11", -20.0),  # a credit note: no purchase
            ("A", "2024-01-31", 0.0),  # a zero line: no purchase
            ("A", "2024-03-01", 30.0),
            ("B", "2024-02-01", -5.0),  # only a credit note: not a buyer
            ("C", "2025-01-05", 7.0),  # after as_of
        ]
    )
    summary = still_buying.purchase_summary(invoices, pd.Timestamp("2024-12-31"))
    assert list(summary.index) == ["A"]
    assert summary.loc["A"].to_dict() == {
        "frequency": 1.0,
        "recency": 60.0,
        "T": 365.0,
        "monetary_value": 30.0,
    }


def test_the_log_likelihood_is_the_papers_formula_summed():
    # FHL 2005, eq. 6, computed directly (no logs) for customers with up to 40 repeats
    summary = simulate(CDNOW_DAYS, 3000, seed=7).query("frequency <= 40")
    fit = still_buying.fit_bgnbd(summary)
    r, alpha, a, b = fit.params.r, fit.params.alpha, fit.params.a, fit.params.b

    def beta(p, q):
        return math.gamma(p) * math.gamma(q) / math.gamma(p + q)

    total = 0.0
    for x, t_x, T in summary[["frequency", "recency", "T"]].itertuples(index=False):
        nbd = math.gamma(r + x) * alpha**r / math.gamma(r)
        likelihood = beta(a, b + x) / beta(a, b) * nbd / (alpha + T) ** (r + x)
        if x > 0:
            likelihood += beta(a + 1, b + x - 1) / beta(a, b) * nbd / (alpha + t_x) ** (r + x)
        total += math.log(likelihood)
    assert fit.log_likelihood == pytest.approx(total, rel=1e-10)


def test_the_fit_finds_the_parameters_customers_were_drawn_from():
    truth = BgNbdParams(r=0.5, alpha=50.0, a=1.0, b=4.0)
    fit = still_buying.fit_bgnbd(simulate(truth, 20_000, seed=1))
    assert fit.fitted and fit.reason is None
    for name in ("r", "alpha", "a", "b"):
        assert getattr(fit.params, name) == pytest.approx(getattr(truth, name), rel=0.15), name


def test_the_fit_is_deterministic_and_counts_identical_customers_once():
    summary = simulate(CDNOW_DAYS, 2000, seed=3).round(0)
    doubled = pd.concat([summary, summary], ignore_index=True)
    once, twice = still_buying.fit_bgnbd(summary), still_buying.fit_bgnbd(doubled)
    assert once == still_buying.fit_bgnbd(summary)
    assert twice.params.r == pytest.approx(once.params.r, rel=1e-5)
    assert twice.log_likelihood == pytest.approx(2 * once.log_likelihood, rel=1e-8)


def test_outlook_and_figures_per_customer():
    summary = summary_frame([0, 3, 3], [0, 800, 90], [820, 820, 820])
    summary.index = pd.Index(["A", "B", "C"], name="customer_id")
    fit = still_buying.BgNbdFit(CDNOW_DAYS, None, customers=3, repeat_buyers=2, history_days=820.0)
    outlook = still_buying.customer_outlook(summary, fit)
    assert list(outlook.columns) == ["p_alive", "expected_purchases_12m"]
    assert list(outlook.index) == ["A", "B", "C"] and outlook.index.name == "customer_id"
    assert outlook["p_alive"].tolist() == pytest.approx(
        still_buying.p_alive(CDNOW_DAYS, [0, 3, 3], [0, 800, 90], [820] * 3).tolist()
    )
    assert outlook.loc["B", "expected_purchases_12m"] == pytest.approx(
        float(still_buying.expected_purchases(CDNOW_DAYS, 365, 3, 800, 820))
    )
    figures = still_buying.bgnbd_figures(summary, fit)
    assert outlook.loc["C", "p_alive"] < 0.5 < outlook.loc["B", "p_alive"]
    assert figures == {
        "bgnbd_r": 0.243,
        "bgnbd_alpha": 30.9,
        "bgnbd_a": 0.793,
        "bgnbd_b": 2.426,
        "customers_probably_lost": 1,
        "bgnbd_reason": None,
    }


# --- thin data ------------------------------------------------------------------------


def company_of(customers: int, repeat_buyers: int, days: int) -> pd.DataFrame:
    """Customers who first buy on 1 Jan 2024; the first ``repeat_buyers`` again ``days``
    later; as_of is ``days`` after 1 Jan."""
    rows = [(f"C{i:03d}", "2024-01-01", 100.0) for i in range(customers)]
    later = (pd.Timestamp("2024-01-01") + pd.Timedelta(days=days)).date().isoformat()
    rows += [(f"C{i:03d}", later, 50.0) for i in range(repeat_buyers)]
    return lines(rows)


@pytest.mark.parametrize(
    ("customers", "repeat_buyers", "days", "reason"),
    [
        (200, 0, 400, "no_repeat_buyers"),  # every customer buys once
        (200, still_buying.MIN_REPEAT_BUYERS - 1, 400, "too_few_repeat_buyers"),
        (200, 50, still_buying.MIN_HISTORY_DAYS - 1, "history_too_short"),
    ],
)
def test_thin_data_gives_no_parameters_and_says_why(customers, repeat_buyers, days, reason):
    invoices = company_of(customers, repeat_buyers, days)
    as_of = pd.Timestamp("2024-01-01") + pd.Timedelta(days=days)
    summary = still_buying.purchase_summary(invoices, as_of)
    fit = still_buying.fit_bgnbd(summary)
    assert (fit.params, fit.reason) == (None, reason)
    assert reason in still_buying.REASONS  # a code, told by helpers.words.still_buying
    figures = still_buying.bgnbd_figures(summary, fit)
    assert figures == {**dict.fromkeys(still_buying.FIGURE_KEYS), "bgnbd_reason": reason}
    outlook = still_buying.customer_outlook(summary, fit)
    assert len(outlook) == customers and outlook.isna().all().all()


def test_only_credit_notes_means_no_purchases():
    invoices = lines([("A", "2024-01-01", -10.0), ("B", "2024-06-01", 0.0)])
    summary = still_buying.purchase_summary(invoices, pd.Timestamp("2024-12-31"))
    assert still_buying.fit_bgnbd(summary).reason == "no_purchases"
    assert still_buying.figures_without_fit("no_purchases")["customers_probably_lost"] is None


def test_enough_repeat_buyers_over_enough_days_are_fitted():
    summary = simulate(CDNOW_DAYS, 400, seed=5)
    assert still_buying.thin_data_reason(summary) is None
    assert still_buying.fit_bgnbd(summary).fitted


def test_a_summary_that_cannot_be_is_refused():
    with pytest.raises(ValueError, match="recency <= T"):
        still_buying.fit_bgnbd(summary_frame([1], [50], [40]))


def test_every_reason_code_is_short_and_explained():
    from helpers.language import Language
    from helpers.words.still_buying import reason_in_words

    codes = set(still_buying.REASONS) | set(spend.REASONS)
    assert all(code.isidentifier() and code.islower() for code in codes)
    for code in codes:  # each told in words, in Finnish too
        assert reason_in_words(code, Language("fi")) != reason_in_words(code, Language("en"))


# --- hold-out check and the grid ------------------------------------------------------


def test_holdout_counts_purchase_days_after_the_calibration_end():
    invoices = lines(
        [
            ("A", "2023-01-01", 5.0),
            ("A", "2023-06-01", 5.0),  # calibration: 1 repeat
            ("A", "2024-02-01", 5.0),
            ("A", "2024-02-01", 9.0),  # one day in the hold-out
            ("A", "2024-05-01", -5.0),  # a credit note: no purchase
            ("B", "2023-03-01", 5.0),
            ("B", "2024-03-01", 5.0),
            ("B", "2024-04-01", 5.0),
            ("C", "2024-02-01", 5.0),  # new in the hold-out: not counted
        ]
    )
    check = still_buying.holdout_check(invoices, pd.Timestamp("2024-12-31"))
    assert check.calibration_end == pd.Timestamp("2024-01-01") and check.holdout_days == 365
    assert check.fit.reason == "too_few_repeat_buyers"
    table = check.table
    assert list(table.columns) == ["customers", "actual_purchases", "expected_purchases"]
    assert table.index.name == "calibration_frequency"
    assert table["customers"].to_dict() == {0: 1, 1: 1}
    assert table["actual_purchases"].to_dict() == {0: 2.0, 1: 1.0}
    assert table["expected_purchases"].isna().all()


def test_holdout_groups_the_frequent_buyers_together():
    summary = simulate(CDNOW_DAYS, 3000, seed=11)
    start = pd.Timestamp("2022-01-01")
    # turn the simulated summary into lines: first, last and evenly spaced repeats
    rows = []
    for customer, (x, recency, T) in enumerate(summary.round(0).to_numpy()):
        first = start + pd.Timedelta(days=900 - T)
        days = np.unique(np.linspace(0, recency, int(x) + 1).round())
        rows += [(f"C{customer}", first + pd.Timedelta(days=d), 1.0) for d in days]
    invoices = pd.DataFrame(rows, columns=["customer_id", "date", "amount"])
    as_of = start + pd.Timedelta(days=900)
    check = still_buying.holdout_check(invoices, as_of, start + pd.Timedelta(days=600), 5)
    assert check.fit.fitted and check.holdout_days == 300
    assert list(check.table.index) == [0, 1, 2, 3, 4, 5]
    assert (
        check.table["customers"].sum()
        == still_buying.purchase_summary(invoices, start + pd.Timedelta(days=600)).shape[0]
    )
    assert check.table["expected_purchases"].notna().all()


def test_p_alive_grid_marks_histories_that_cannot_happen():
    grid = still_buying.p_alive_grid(CDNOW_DAYS, T=365, max_frequency=10, step_days=7)
    assert grid.index.name == "recency" and grid.columns.name == "frequency"
    assert grid.index[0] == 0 and grid.index[-1] == 365 and list(grid.columns) == list(range(11))
    assert grid.loc[0, 0] == 1 and grid.loc[7:, 0].isna().all()
    assert np.isnan(grid.loc[7, 10]) and not np.isnan(grid.loc[14, 10])
    # the later the last purchase, the likelier still buying
    assert (grid[5].dropna().diff().dropna() > 0).all()
    assert grid.loc[365, 3] == pytest.approx(float(still_buying.p_alive(CDNOW_DAYS, 3, 365, 365)))


# --- Gamma-Gamma ------------------------------------------------------------------------


def spend_summary(frequency, monetary_value) -> pd.DataFrame:
    return pd.DataFrame({"frequency": frequency, "monetary_value": monetary_value}, dtype=float)


def test_spend_that_rises_with_frequency_fails_the_check_and_gets_no_fit():
    frequency = np.tile(np.arange(1, 11), 5)
    summary = spend_summary(frequency, 20.0 * frequency + np.tile([1.0, -3.0, 2.0, 0.0, 5.0], 10))
    fit = spend.fit_gamma_gamma(summary)
    assert fit.params is None and fit.reason == "spend_depends_on_frequency"
    assert fit.correlation > 0.99 and fit.independent is False
    assert spend.expected_spend_per_purchase(summary, fit).isna().all()
    figures = spend.spend_figures(fit)
    assert figures["gamma_gamma_q"] is None and figures["spend_independent_of_frequency"] is False
    assert figures["spend_frequency_correlation"] == pytest.approx(fit.correlation)


def test_spend_check_needs_repeat_buyers():
    fit = spend.fit_gamma_gamma(spend_summary([0, 0, 1], [0.0, 0.0, 50.0]))
    assert (fit.reason, fit.correlation, fit.independent) == ("too_few_repeat_buyers", None, None)
    assert spend.fit_gamma_gamma(spend_summary([0, 0], [0.0, 0.0])).reason == "no_repeat_buyers"


def test_expected_spend_is_pulled_towards_everyones_mean():
    fit = spend.GammaGammaFit(spend.GammaGammaParams(p=4.0, q=3.0, v=20.0), None, 2, 0.0, True)
    summary = spend_summary([0, 1, 20], [0.0, 100.0, 100.0])
    # everyone's mean p·v/(q−1) = 40; weights p·x/(p·x+q−1): 0, 4/6, 80/82
    expected = spend.expected_spend_per_purchase(summary, fit).tolist()
    assert expected == pytest.approx([40.0, 40 / 3 + 400 / 6, 40 * 2 / 82 + 100 * 80 / 82])


# --- against lifetimes, on the real CDNOW data ---------------------------------------


@pytest.fixture(scope="module")
def lifetimes():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # lifetimes 0.11.3 sets a pandas option pandas 3 deprecates
        module = pytest.importorskip(
            "lifetimes", reason="lifetimes (the peer) is in the dev extra: pip install -e .[dev]"
        )
        import lifetimes.datasets
        import lifetimes.utils  # noqa: F401
    return module


@pytest.fixture(scope="module")
def cdnow_lines(lifetimes) -> pd.DataFrame:
    """CDNOW_sample: 6,919 purchases of 2,357 customers, Jan 1997 – Jun 1998 (in lifetimes).

    Eight customers' only purchase is a line of 0.00: not purchases here (2,349 buyers).
    """
    path = Path(lifetimes.__file__).parent / "datasets" / "CDNOW_sample.txt"
    raw = pd.read_csv(
        path,
        sep=r"\s+",
        header=None,
        dtype={0: str, 2: str},
        names=["customer_id", "sample_id", "date", "cds", "amount"],
    )
    raw["date"] = pd.to_datetime(raw["date"], format="%Y%m%d")
    return raw[["customer_id", "date", "amount"]]


CDNOW_END = pd.Timestamp("1998-06-30")


def _peer_bgnbd(lifetimes, summary: pd.DataFrame):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return lifetimes.BetaGeoFitter(penalizer_coef=0.0).fit(
            summary["frequency"], summary["recency"], summary["T"]
        )


def _assert_same_parameters(fit, peer, within=0.02):
    ours = pd.Series(vars(fit.params))
    relative = (ours / peer.params_[ours.index] - 1).abs()
    assert (relative < within).all(), relative.to_dict()
    return relative


def test_our_summary_of_cdnow_is_lifetimes_summary(lifetimes, cdnow_lines):
    ours = still_buying.purchase_summary(cdnow_lines, CDNOW_END)
    theirs = lifetimes.utils.summary_data_from_transaction_data(
        cdnow_lines[cdnow_lines["amount"] > 0],
        "customer_id",
        "date",
        monetary_value_col="amount",
        observation_period_end=CDNOW_END,
    ).sort_index()
    assert len(ours) == 2349 and ours.index.equals(theirs.index)
    for column in ("frequency", "recency", "T", "monetary_value"):
        assert np.allclose(ours[column], theirs[column]), column


def test_bgnbd_on_cdnow_transactions_agrees_with_lifetimes(lifetimes, cdnow_lines):
    summary = still_buying.purchase_summary(cdnow_lines, CDNOW_END)
    fit = still_buying.fit_bgnbd(summary)
    peer = _peer_bgnbd(lifetimes, summary)
    assert _assert_same_parameters(fit, peer).max() < 0.02  # in fact under 0.001 %

    ours = still_buying.customer_outlook(summary, fit)
    theirs = peer.conditional_probability_alive(
        summary["frequency"], summary["recency"], summary["T"]
    )
    close = np.abs(ours["p_alive"].to_numpy() - theirs) <= 0.02
    assert close.mean() >= 0.95  # in fact every customer, within 1e-6
    expected = peer.conditional_expected_number_of_purchases_up_to_time(
        365, summary["frequency"], summary["recency"], summary["T"]
    ).to_numpy()
    finite = np.isfinite(expected)
    assert finite.mean() > 0.9
    assert np.allclose(
        ours["expected_purchases_12m"].to_numpy()[finite], expected[finite], rtol=1e-3, atol=1e-4
    )
    assert ours["expected_purchases_12m"].notna().all()  # also where the peer's is NaN


def test_bgnbd_on_the_published_cdnow_summary_gives_the_papers_parameters(lifetimes):
    # FHL 2005 (weeks): r = 0.243, alpha = 4.414, a = 0.793, b = 2.426; here in days
    weeks = lifetimes.datasets.load_cdnow_summary(index_col=[0])
    days = weeks.assign(recency=weeks["recency"] * 7, T=weeks["T"] * 7)
    fit = still_buying.fit_bgnbd(days)
    _assert_same_parameters(fit, _peer_bgnbd(lifetimes, days))
    assert (round(fit.params.r, 3), round(fit.params.alpha / 7, 3)) == (0.243, 4.414)
    assert (round(fit.params.a, 3), round(fit.params.b, 3)) == (0.793, 2.426)


def test_holdout_on_cdnow_counts_what_lifetimes_counts(lifetimes, cdnow_lines):
    calibration_end = pd.Timestamp("1997-09-30")  # the paper's 39 weeks of calibration
    check = still_buying.holdout_check(cdnow_lines, CDNOW_END, calibration_end)
    theirs = lifetimes.utils.calibration_and_holdout_data(
        cdnow_lines[cdnow_lines["amount"] > 0],
        "customer_id",
        "date",
        calibration_period_end=calibration_end,
        observation_period_end=CDNOW_END,
        monetary_value_col="amount",  # without one, lifetimes 0.11.3 fails on pandas 3
    )
    assert check.holdout_days == int(theirs["duration_holdout"].iloc[0])
    grouped = theirs.groupby(theirs["frequency_cal"].clip(upper=7))["frequency_holdout"].mean()
    assert np.allclose(check.table["actual_purchases"], grouped)
    # the model's expectations are lifetimes' for the same customers
    calibration = theirs[["frequency_cal", "recency_cal", "T_cal"]]
    peer = _peer_bgnbd(lifetimes, calibration.set_axis(["frequency", "recency", "T"], axis=1))
    expected = peer.conditional_expected_number_of_purchases_up_to_time(
        check.holdout_days, theirs["frequency_cal"], theirs["recency_cal"], theirs["T_cal"]
    )
    by_group = expected.groupby(theirs["frequency_cal"].clip(upper=7)).mean()
    assert np.allclose(check.table["expected_purchases"], by_group, rtol=1e-3)


def test_gamma_gamma_on_cdnow_agrees_with_lifetimes(lifetimes):
    summary = lifetimes.datasets.load_cdnow_summary_data_with_monetary_value()
    fit = spend.fit_gamma_gamma(summary)
    assert fit.independent and abs(fit.correlation) < 0.2  # CDNOW's is about 0.11
    repeat = summary[summary["frequency"] > 0]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        peer = lifetimes.GammaGammaFitter(penalizer_coef=0.0).fit(
            repeat["frequency"], repeat["monetary_value"]
        )
    _assert_same_parameters(fit, peer)
    assert np.allclose(
        spend.expected_spend_per_purchase(repeat, fit),
        peer.conditional_expected_average_profit(repeat["frequency"], repeat["monetary_value"]),
        rtol=1e-4,
    )


# --- vectorised: no loop over customers ---------------------------------------------------


@pytest.mark.parametrize("module", [still_buying, spend])
def test_the_models_have_no_python_loops_over_customers(module):
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    loops = [node.lineno for node in ast.walk(tree) if isinstance(node, ast.For | ast.While)]
    row_wise = [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr in {"apply", "iterrows", "itertuples", "vectorize", "applymap"}
    ]
    assert not loops and not row_wise, (loops, row_wise)


# --- the lifetime value by each customer's own rhythm ----------------------------------------


def test_the_model_lifetime_value_discounts_each_later_year_by_hand():
    """Spend 100 a purchase (own mean = everyone's), value rate 0.5, 10 % discount, 2 years:
    year 1's expected purchases × 50, plus year 2's × 50 / 1.1."""
    params = still_buying.BgNbdParams(r=0.25, alpha=4.4, a=0.8, b=2.4)
    days = pd.DataFrame(
        {
            "frequency": [3.0, 0.0],
            "recency": [30.0, 0.0],
            "T": [38.0, 38.0],
            "monetary_value": 100.0,
        }
    )
    bg = still_buying.BgNbdFit(params, None, 2, 1, 38.0)
    gg = spend.GammaGammaFit(spend.GammaGammaParams(p=4.0, q=3.0, v=50.0), None, 1, 0.0, True)
    by_year = still_buying.purchases_by_year(params, days, 2)
    first = still_buying.expected_purchases(params, 365, [3.0], [30.0], [38.0])[0]
    both = still_buying.expected_purchases(params, 730, [3.0], [30.0], [38.0])[0]
    assert by_year[0].tolist() == pytest.approx([first, both - first])
    value = spend.model_lifetime_value(days, bg, gg, 0.5, 0.10, 2)
    assert value.iloc[0] == pytest.approx(first * 50 + (both - first) * 50 / 1.1)
    # without a spend fit, or without a purchase model, nothing is guessed
    no_spend = spend.GammaGammaFit(None, "spend_depends_on_frequency", 1, 0.6, False)
    assert spend.model_lifetime_value(days, bg, no_spend, 0.5, 0.1, 2).isna().all()


def test_the_lifetime_table_carries_the_model_values_of_its_accounts():
    from helpers.analysis import lifetime_value

    lines = pd.DataFrame(
        {
            "customer_id": ["A", "B", "A", "B"],
            "amount": [1000.0, 300.0, 1000.0, 300.0],
            "date": pd.to_datetime(["2024-06-01", "2024-06-01", "2025-06-01", "2025-06-01"]),
        }
    )
    model = pd.Series({"A": 4000.0, "B": 1000.0})
    cost = lifetime_value.cost_of_losing(
        lines, pd.Timestamp("2025-12-31"), 1.0, top=1, model_lifetime=model
    )
    table = cost["table"]
    assert table["lifetime_value_model"].tolist() == [2500.0, 4000.0]  # mean of A, B; then A
    plain = lifetime_value.cost_of_losing(lines, pd.Timestamp("2025-12-31"), 1.0, top=1)
    assert "lifetime_value_model" not in plain["table"]


def test_the_share_of_revenue_from_customers_probably_gone_counts_credit_notes_too():
    lines = pd.DataFrame(
        {
            "customer_id": ["A", "A", "B", "C"],
            "amount": [50.0, -10.0, 60.0, 500.0],
            "date": pd.to_datetime(["2025-03-01", "2025-04-01", "2025-05-01", "2024-01-01"]),
        }
    )
    outlook = pd.DataFrame({"p_alive": [0.2, 0.9, 0.1]}, index=["A", "B", "C"])
    # A: 40 of the window's 100 (C bought before the window)
    assert still_buying.revenue_share_probably_lost(
        lines, outlook, pd.Timestamp("2025-12-31")
    ) == pytest.approx(0.4)
    nothing = pd.DataFrame({"p_alive": [np.nan] * 3}, index=["A", "B", "C"])
    assert np.isnan(
        still_buying.revenue_share_probably_lost(lines, nothing, pd.Timestamp("2025-12-31"))
    )


def test_without_a_pair_to_tell_apart_there_is_no_question():
    summary = pd.DataFrame({"frequency": [2.0, 2.0], "recency": [50.0, 50.0], "T": [99.0, 99.0]})
    outlook = pd.DataFrame({"p_alive": [0.7, 0.7]})
    assert still_buying.silence_pair(summary, outlook) is None
    assert still_buying.silence_pair(summary.iloc[:1], outlook.iloc[:1]) is None
