"""Commitment and loyalty: the commitment matrix, satisfaction against repurchase,
retention by cohort, and what losing a customer costs.

Notebook 05 uses these. Ideas from texts 003 (commitment, not imprisonment) and
004 (the potential in existing customers) of the course brief.

Every function takes validated frames (invoices: ``customer_id``, ``date``,
``amount``; customers: ``customer_id``, optional ``contract_end``; survey:
``customer_id``, ``date``, ``satisfaction`` 1–5, optional ``recommend`` 0–10)
and an explicit ``as_of`` date. Windows are ``(start, end]``: open on the left,
closed on the right, as everywhere in the workbook.

Intervals are Wilson score intervals (for a share) and log (Katz) intervals
(for a ratio of two shares), written out in numpy: the samples are small, and
the usual "p ± 1.96·√(p(1−p)/n)" breaks down there (it gives 100 % ± 0 when
all five very satisfied customers came back).
"""

from __future__ import annotations

import math
from statistics import NormalDist

import numpy as np
import pandas as pd

from helpers.analysis.freshness import (
    WINDOW_DAYS,
    first_invoice_dates,
    first_year_revenue_of_new_customers,
)
from helpers.report.formats import ENGLISH, Formats
from helpers.report.messages import N_

SCORES = (1, 2, 3, 4, 5)
SATISFIED, VERY_SATISFIED = 4, 5
PROMOTER_FROM, DETRACTOR_UP_TO = 9, 6
DAYS_PER_MONTH = 365.25 / 12

PRISONER, IDEAL, RISK, EMOTIONAL_TIE = "prisoner", "ideal", "risk", "emotional tie"
CELLS = (IDEAL, PRISONER, EMOTIONAL_TIE, RISK)
# what to do with a customer in each cell (text 003; the wording is ours)
ACTIONS = {
    IDEAL: N_("Renew early, on terms the customer finds useful; ask for a reference."),
    PRISONER: N_("Find out what is wrong before the contract ends: fix it, or part on good terms."),
    EMOTIONAL_TIE: N_(
        "Check the service still fits their needs; offer a binding they would want (a "
        "design phase credited on the full delivery)."
    ),
    RISK: N_("Call and ask how it is going; give them a reason to stay before a competitor does."),
}
CELL_NAMES = {
    IDEAL: N_("ideal"),
    PRISONER: N_("prisoner"),
    EMOTIONAL_TIE: N_("emotional tie"),
    RISK: N_("risk"),
}
AT_RISK_COLUMNS = ["customer_id", "name", "cell", "contract_end", "revenue_12m"]


# --- intervals ------------------------------------------------------------------------


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


# --- the survey ------------------------------------------------------------------------


def survey_answers(survey: pd.DataFrame | None, as_of: pd.Timestamp) -> pd.DataFrame:
    """Survey answers dated up to ``as_of`` (an empty table when there is no survey)."""
    if survey is None:
        return pd.DataFrame(
            {"customer_id": pd.Series(dtype=object), "date": pd.Series(dtype="datetime64[ns]"),
             "satisfaction": pd.Series(dtype=float)}
        )  # fmt: skip
    return survey.loc[survey["date"] <= as_of]


def satisfaction_distribution(survey: pd.DataFrame | None, as_of: pd.Timestamp) -> pd.DataFrame:
    """How many answers gave each satisfaction score, and their share.

    Out: DataFrame indexed by ``satisfaction`` 1–5 with ``answers`` (int) and
    ``share`` (of all answers up to as_of; ``nan`` when there are none).

    Example: ``satisfaction_distribution(survey, as_of).loc[5, "share"]`` → 0.41
    """
    answers = survey_answers(survey, as_of)
    counts = answers["satisfaction"].astype(int).value_counts().reindex(SCORES, fill_value=0)
    total = int(counts.sum())
    table = pd.DataFrame({"answers": counts.astype(int)})
    table["share"] = counts / total if total else np.nan
    table.index.name = "satisfaction"
    return table


def box_shares(survey: pd.DataFrame | None, as_of: pd.Timestamp) -> dict:
    """Headline figures ``top_box_share`` (score 5) and ``top2_box_share`` (4 or 5).

    Of the answers dated up to ``as_of``; ``nan`` without answers.

    Example: ``box_shares(survey, as_of)`` → {"answers": 186, "top_box_share": 0.41, …}
    """
    table = satisfaction_distribution(survey, as_of)
    total = int(table["answers"].sum())
    top = table.loc[VERY_SATISFIED, "answers"]
    top2 = top + table.loc[SATISFIED, "answers"]
    return {
        "answers": total,
        "top_box_share": top / total if total else float("nan"),
        "top2_box_share": top2 / total if total else float("nan"),
    }


def repurchase_after_answers(
    invoices: pd.DataFrame, survey: pd.DataFrame | None, as_of: pd.Timestamp
) -> pd.DataFrame:
    """Each survey answer, and whether its customer bought in the year after it.

    The follow-up window of an answer is ``(answer date, answer date + 365 d]``.
    ``followed`` is True when that window ends on or before ``as_of`` (we can see
    the whole year); ``repurchased`` is True when the customer has a line with a
    positive amount dated in the window (a credit note is not a purchase).
    Every answer counts, also a customer's second one.

    Out: the answers up to as_of with ``window_end``, ``followed``,
    ``next_purchase`` (first positive line after the answer, NaT if none) and
    ``repurchased``.

    Example: ``repurchase_after_answers(invoices, survey, as_of)["repurchased"].mean()``
    """
    answers = survey_answers(survey, as_of).reset_index(drop=True)
    answers = answers.assign(
        window_end=answers["date"] + pd.Timedelta(days=WINDOW_DAYS), answer=np.arange(len(answers))
    )
    answers["followed"] = answers["window_end"] <= as_of
    bought = invoices.loc[invoices["amount"] > 0]
    bought = pd.DataFrame(  # ids as plain text on both sides, whatever dtype each came in
        {"who": bought["customer_id"].astype(str),
         "next_purchase": bought["date"].astype("datetime64[ns]")}
    ).sort_values("next_purchase")  # fmt: skip
    left = pd.DataFrame(
        {"answer": answers["answer"], "date": answers["date"].astype("datetime64[ns]"),
         "who": answers["customer_id"].astype(str)}
    )  # fmt: skip
    # the first positive line strictly after the answer date, same customer
    matched = pd.merge_asof(
        left.sort_values("date"), bought, left_on="date", right_on="next_purchase", by="who",
        direction="forward", allow_exact_matches=False,
    )  # fmt: skip
    matched = matched.sort_values("answer").set_index(answers.index)
    answers["next_purchase"] = matched["next_purchase"]
    answers["repurchased"] = answers["next_purchase"].notna() & (
        answers["next_purchase"] <= answers["window_end"]
    )
    return answers.drop(columns="answer")


def repurchase_by_score(
    invoices: pd.DataFrame,
    survey: pd.DataFrame | None,
    as_of: pd.Timestamp,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """Repurchase rate within 12 months after answering, per satisfaction score.

    Out: DataFrame indexed by ``satisfaction`` 1–5: ``answers`` (up to as_of),
    ``followed`` (answers whose whole follow-up year is visible), ``repurchased``,
    ``rate`` = repurchased / followed, and the Wilson interval ``ci_low``,
    ``ci_high`` (``nan`` where nothing was followed).

    Example: ``repurchase_by_score(invoices, survey, as_of).loc[5, "rate"]`` → 0.93
    """
    answers = repurchase_after_answers(invoices, survey, as_of)
    score = answers["satisfaction"].astype(int)
    followed = answers["followed"]
    table = (
        pd.DataFrame(
            {
                "answers": score.value_counts(),
                "followed": score[followed].value_counts(),
                "repurchased": score[followed & answers["repurchased"]].value_counts(),
            }
        )
        .reindex(SCORES)
        .fillna(0)
        .astype(int)
    )
    with np.errstate(divide="ignore", invalid="ignore"):
        table["rate"] = np.where(
            table["followed"] > 0, table["repurchased"] / table["followed"].replace(0, 1), np.nan
        )
    table["ci_low"], table["ci_high"] = wilson_interval(
        table["repurchased"].to_numpy(), table["followed"].to_numpy(), confidence
    )
    table.index.name = "satisfaction"
    return table


def repurchase_ratio(by_score: pd.DataFrame, confidence: float = 0.95) -> dict:
    """Very satisfied (5) against satisfied (4): the ratio of their repurchase rates.

    In: the table from :func:`repurchase_by_score`.
    Out: dict ``ratio``, ``ci_low``, ``ci_high`` (log interval; ``nan`` when it
    can't be computed, see :func:`ratio_interval`).

    Example: ``repurchase_ratio(table)`` → {"ratio": 1.9, "ci_low": 1.4, "ci_high": 2.6}
    """
    five, four = by_score.loc[VERY_SATISFIED], by_score.loc[SATISFIED]
    ratio, low, high = ratio_interval(
        int(five["repurchased"]), int(five["followed"]),
        int(four["repurchased"]), int(four["followed"]), confidence,
    )  # fmt: skip
    return {"ratio": ratio, "ci_low": low, "ci_high": high}


def survey_figures(
    invoices: pd.DataFrame, survey: pd.DataFrame | None, as_of: pd.Timestamp
) -> dict:
    """The five survey headline figures of product.md, ``nan`` where they can't be computed.

    ``top_box_share``, ``top2_box_share``, ``repurchase_rate_satisfied`` (score 4),
    ``repurchase_rate_very_satisfied`` (score 5) and
    ``repurchase_ratio_very_vs_satisfied`` (5 / 4).

    Example: ``survey_figures(invoices, survey, as_of)["top2_box_share"]`` → 0.78
    """
    boxes = box_shares(survey, as_of)
    by_score = repurchase_by_score(invoices, survey, as_of)
    rate_4 = float(by_score.loc[SATISFIED, "rate"])
    rate_5 = float(by_score.loc[VERY_SATISFIED, "rate"])
    ratio = rate_5 / rate_4 if rate_4 > 0 else float("nan")  # nan > 0 is False
    return {
        "top_box_share": boxes["top_box_share"],
        "top2_box_share": boxes["top2_box_share"],
        "repurchase_rate_satisfied": rate_4,
        "repurchase_rate_very_satisfied": rate_5,
        "repurchase_ratio_very_vs_satisfied": ratio,
    }


def repurchase_interval_figures(by_score: pd.DataFrame) -> dict:
    """The 95 % Wilson intervals of the repurchase rates of 4 and 5, as headline figures.

    Keys ``repurchase_rate_satisfied_ci_low`` / ``_ci_high`` and
    ``repurchase_rate_very_satisfied_ci_low`` / ``_ci_high``; ``nan`` without data.
    """
    figures = {}
    for score, key in ((SATISFIED, "satisfied"), (VERY_SATISFIED, "very_satisfied")):
        figures[f"repurchase_rate_{key}_ci_low"] = float(by_score.loc[score, "ci_low"])
        figures[f"repurchase_rate_{key}_ci_high"] = float(by_score.loc[score, "ci_high"])
    return figures


def net_promoter_score(
    survey: pd.DataFrame | None, as_of: pd.Timestamp, confidence: float = 0.95
) -> dict:
    """NPS from the 0–10 ``recommend`` answers up to ``as_of``.

    NPS = share of promoters (9–10) − share of detractors (0–6), on a −100…100
    scale, with a normal interval from the variance of the difference,
    ``(p + d − (p − d)²) / n``. Answers without ``recommend`` are left out.

    Out: dict ``answers``, ``promoters``, ``passives``, ``detractors`` (counts),
    ``nps``, ``ci_low``, ``ci_high``; ``nan`` scores when there are no answers.

    Example: 5 promoters, 3 passives, 2 detractors → NPS 30.
    """
    answers = survey_answers(survey, as_of)
    if "recommend" in answers.columns:
        scores = answers["recommend"].dropna()
    else:
        scores = pd.Series(dtype=float)
    n = len(scores)
    promoters = int((scores >= PROMOTER_FROM).sum())
    detractors = int((scores <= DETRACTOR_UP_TO).sum())
    result = {"answers": n, "promoters": promoters, "passives": n - promoters - detractors,
              "detractors": detractors}  # fmt: skip
    if not n:
        return result | {"nps": float("nan"), "ci_low": float("nan"), "ci_high": float("nan")}
    p, d = promoters / n, detractors / n
    half = z_value(confidence) * math.sqrt(max(p + d - (p - d) ** 2, 0.0) / n)
    return result | {
        "nps": 100 * (p - d),
        "ci_low": 100 * max(p - d - half, -1.0),
        "ci_high": 100 * min(p - d + half, 1.0),
    }


# --- the commitment matrix -------------------------------------------------------------


def revenue_12m_by_customer(invoices: pd.DataFrame, as_of: pd.Timestamp) -> pd.Series:
    """Revenue of each customer (every one up to as_of) in ``(as_of − 365 d, as_of]``; 0 if none."""
    lines = invoices.loc[invoices["date"] <= as_of]
    ids = pd.Index(sorted(lines["customer_id"].unique()), name="customer_id")
    window = lines.loc[lines["date"] > as_of - pd.Timedelta(days=WINDOW_DAYS)]
    revenue = window.groupby("customer_id")["amount"].sum().reindex(ids, fill_value=0.0)
    return revenue.astype(float).rename("revenue_12m")


def latest_answers(survey: pd.DataFrame | None, as_of: pd.Timestamp) -> pd.DataFrame:
    """Each customer's latest satisfaction, and latest ``recommend`` given, up to as_of.

    Out: DataFrame indexed by ``customer_id`` with ``answered`` (date),
    ``satisfaction`` and ``recommend`` (``nan`` when never given).
    """
    answers = survey_answers(survey, as_of).sort_values(["customer_id", "date"], kind="stable")
    grouped = answers.groupby("customer_id")
    table = pd.DataFrame(
        {"answered": grouped["date"].last(), "satisfaction": grouped["satisfaction"].last()}
    )
    if "recommend" in answers.columns:
        table["recommend"] = grouped["recommend"].last()  # last non-missing
    else:
        table["recommend"] = np.nan
    table.index.name = "customer_id"
    return table


def commitment_matrix(
    invoices: pd.DataFrame,
    customers: pd.DataFrame | None,
    survey: pd.DataFrame | None,
    as_of: pd.Timestamp,
    *,
    binding_from_months: float = 6,
    names: pd.Series | None = None,
) -> pd.DataFrame:
    """Place every customer in the commitment matrix of text 003.

    **Binding** (by the firm) comes from ``contract_end`` in customers.csv:
    ``months_left`` = (contract_end − as_of) in months, 0 when it has ended,
    ``nan`` when there is no contract. Binding is *high* when at least
    ``binding_from_months`` are left; no contract, an ended one or one about to end
    is *low*.

    **Commitment** (the customer's own) comes from the customer's latest survey
    answer up to as_of: *high* when very satisfied (5) or a promoter (recommend
    9–10), *low* otherwise, and *low* when the customer has never answered
    (``commitment_basis`` says which): commitment you have not heard about is
    not something to count on.

    Cells: high/high ideal, high binding/low commitment prisoner, low binding/high
    commitment emotional tie, low/low risk; ``action`` is what to do (``ACTIONS``).

    Out: DataFrame indexed by ``customer_id`` (every customer in invoices up to
    as_of), with ``name``, ``revenue_12m``, ``buying_12m`` (a positive line in the
    last 12 months), ``contract_end``, ``months_left``,
    ``binding``, ``satisfaction``, ``recommend``, ``commitment``,
    ``commitment_basis``, ``cell``, ``action``; sorted by revenue_12m, largest first.

    Example: ``commitment_matrix(invoices, customers, survey, as_of)["cell"].value_counts()``
    """
    revenue = revenue_12m_by_customer(invoices, as_of)
    table = revenue.to_frame()
    table.insert(0, "name", revenue.index if names is None else names.reindex(revenue.index))
    table["name"] = table["name"].fillna(pd.Series(revenue.index, index=revenue.index))
    recent = invoices.loc[
        (invoices["date"] <= as_of)
        & (invoices["amount"] > 0)
        & (invoices["date"] > as_of - pd.Timedelta(days=WINDOW_DAYS))
    ]
    table.insert(2, "buying_12m", table.index.isin(recent["customer_id"]))
    if customers is not None and "contract_end" in customers.columns:
        ends = customers.drop_duplicates("customer_id").set_index("customer_id")["contract_end"]
        table["contract_end"] = ends.reindex(table.index)
    else:
        table["contract_end"] = pd.Series(pd.NaT, index=table.index, dtype="datetime64[ns]")
    days_left = (table["contract_end"] - as_of).dt.days
    table["months_left"] = (days_left.clip(lower=0) / DAYS_PER_MONTH).round(1)
    bound = table["months_left"] >= binding_from_months
    table["binding"] = np.where(bound, "high", "low")
    answers = latest_answers(survey, as_of).reindex(table.index)
    table["satisfaction"] = answers["satisfaction"]
    table["recommend"] = answers["recommend"]
    committed = (answers["satisfaction"] == VERY_SATISFIED) | (
        answers["recommend"] >= PROMOTER_FROM
    )
    table["commitment"] = np.where(committed, "high", "low")
    table["commitment_basis"] = np.where(answers["answered"].notna(), "survey", "no answer")
    table["cell"] = np.select(
        [bound & committed, bound & ~committed, ~bound & committed],
        [IDEAL, PRISONER, EMOTIONAL_TIE],
        RISK,
    )
    table["action"] = table["cell"].map(ACTIONS)
    return table.sort_values(["revenue_12m", "name"], ascending=[False, True], kind="stable")


def matrix_summary(matrix: pd.DataFrame) -> pd.DataFrame:
    """Customers and revenue of the last 12 months per cell, with the action.

    Out: DataFrame indexed by ``cell`` (all four, in the order ideal, prisoner,
    emotional tie, risk): ``customers``, ``buying_12m`` (of them, buying in the last
    12 months), ``answered`` (with a survey answer),
    ``revenue_12m``, ``revenue_share``, ``action``.
    """
    grouped = matrix.groupby("cell")
    summary = pd.DataFrame(
        {
            "customers": grouped.size(),
            "buying_12m": grouped["buying_12m"].sum(),
            "answered": (matrix["commitment_basis"] == "survey").groupby(matrix["cell"]).sum(),
            "revenue_12m": grouped["revenue_12m"].sum(),
        }
    ).reindex(list(CELLS))
    counts = ["customers", "buying_12m", "answered"]
    summary[counts] = summary[counts].fillna(0).astype(int)
    summary["revenue_12m"] = summary["revenue_12m"].fillna(0.0)
    total = summary["revenue_12m"].sum()
    summary["revenue_share"] = summary["revenue_12m"] / total if total > 0 else np.nan
    summary["action"] = [ACTIONS[cell] for cell in summary.index]
    summary.index.name = "cell"
    return summary


def at_risk(matrix: pd.DataFrame, horizon_months: float = 12) -> pd.DataFrame:
    """Prisoners and risks whose contract ends within ``horizon_months`` of as_of.

    Customers with low commitment whose binding is about to go: the list to call
    before the contract runs out. A contract that has already ended (0 months
    left) is not on it; nor is a customer without a contract.

    Out: DataFrame with ``customer_id``, ``name``, ``cell``, ``contract_end``,
    ``revenue_12m`` (the revenue at stake), sorted by revenue, largest first.

    Example: ``at_risk(commitment_matrix(...), horizon_months=12)``
    """
    months = matrix["months_left"]
    chosen = matrix["cell"].isin([PRISONER, RISK]) & (months > 0) & (months <= horizon_months)
    rows = matrix.loc[chosen].reset_index()
    rows = rows.sort_values(["revenue_12m", "customer_id"], ascending=[False, True], kind="stable")
    return rows[AT_RISK_COLUMNS].reset_index(drop=True)


# --- retention by cohort ----------------------------------------------------------------


def cohort_retention(invoices: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    """Share of each cohort that bought in each calendar year.

    A customer's cohort is the year of its first invoice line (as in notebook
    01's cohort revenue). "Bought in a year" = at least one line with a positive
    amount dated in that calendar year, up to as_of (the last year may be
    partial). Cohort sizes are in :func:`cohort_sizes`.

    Out: DataFrame, rows ``cohort`` (int), columns calendar ``year`` (int), values
    a share between 0 and 1; ``nan`` for years before the cohort.

    Example: ``cohort_retention(invoices, as_of).loc[2021, 2023]`` → 0.55 (of the
    customers won in 2021, 55 % bought in 2023)
    """
    first = first_invoice_dates(invoices, as_of)
    lines = invoices.loc[(invoices["date"] <= as_of) & (invoices["amount"] > 0)]
    if first.empty:
        empty = pd.DataFrame(dtype=float)
        empty.index.name, empty.columns.name = "cohort", "year"
        return empty
    cohort_of = first.dt.year
    pairs = pd.DataFrame(
        {"cohort": lines["customer_id"].map(cohort_of), "year": lines["date"].dt.year,
         "customer_id": lines["customer_id"]}
    ).drop_duplicates()  # fmt: skip
    buyers = pairs.groupby(["cohort", "year"]).size().unstack("year")
    cohorts = range(int(cohort_of.min()), int(cohort_of.max()) + 1)
    years = range(int(cohort_of.min()), int(as_of.year) + 1)
    buyers = buyers.reindex(index=cohorts, columns=years).fillna(0.0)
    sizes = cohort_of.value_counts().reindex(cohorts, fill_value=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        shares = buyers.div(sizes.replace(0, np.nan), axis=0)
    before = np.less.outer(np.asarray(years), np.asarray(cohorts)).T  # year before cohort
    shares = shares.mask(before)
    shares = shares.loc[sizes > 0]
    shares.index.name, shares.columns.name = "cohort", "year"
    return shares.astype(float)


def cohort_sizes(invoices: pd.DataFrame, as_of: pd.Timestamp) -> pd.Series:
    """Number of customers won in each year (year of their first invoice line)."""
    first = first_invoice_dates(invoices, as_of)
    sizes = first.dt.year.value_counts().sort_index().astype(int)
    sizes.index.name, sizes.name = "cohort", "customers"
    return sizes


# --- what losing a customer costs --------------------------------------------------------


def lifetime_value(margin_per_year, retention: float, discount_rate: float, years: int):
    """Customer lifetime value over a finite horizon.

    ``Σ_{t=0}^{years−1} margin · retention^t / (1 + discount_rate)^t``: the margin of
    the coming year, plus each later year's margin weighted by the chance the
    customer is still there and discounted because later money is worth less.
    As ``years`` grows this tends to ``margin · (1 + d) / (1 + d − r)`` (the
    textbook ``margin · r / (1 + d − r)`` leaves out the coming year).

    Works on a number or an array of margins; ``nan`` when retention is ``nan``.

    Example: ``lifetime_value(1000, 0.8, 0.1, 3)`` → 1000 + 727.27 + 528.93 = 2256.20
    """
    q = retention / (1 + discount_rate)
    weights = q ** np.arange(max(int(years), 0))
    value = np.asarray(margin_per_year, dtype=float) * weights.sum()
    return float(value) if value.ndim == 0 else value


def margin_12m_by_customer(
    invoices: pd.DataFrame, as_of: pd.Timestamp, margin_rate: float = 0.35
) -> pd.DataFrame:
    """Revenue and margin of each customer in the last 12 months.

    Margin = amount − cost on lines with a ``cost``; on lines without one (or
    when invoices have no ``cost`` column) margin = amount × ``margin_rate``.

    Out: DataFrame indexed by ``customer_id`` (customers with a line in the
    window) with ``revenue_12m``, ``margin_12m`` and ``margin_from_cost`` (share of
    the revenue whose margin came from real costs).
    """
    window = invoices.loc[
        (invoices["date"] <= as_of) & (invoices["date"] > as_of - pd.Timedelta(days=WINDOW_DAYS))
    ]
    cost = window["cost"] if "cost" in window.columns else pd.Series(np.nan, index=window.index)
    known = cost.notna()
    margin = np.where(known, window["amount"] - cost.fillna(0.0), window["amount"] * margin_rate)
    frame = pd.DataFrame(
        {"customer_id": window["customer_id"], "revenue_12m": window["amount"],
         "margin_12m": margin, "known": np.where(known, window["amount"], 0.0)}
    )  # fmt: skip
    table = frame.groupby("customer_id")[["revenue_12m", "margin_12m", "known"]].sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        table["margin_from_cost"] = table["known"] / table["revenue_12m"]
    return table.drop(columns="known").astype(float)


def cost_of_losing(
    invoices: pd.DataFrame,
    as_of: pd.Timestamp,
    retention: float,
    *,
    discount_rate: float = 0.08,
    years: int = 5,
    margin_rate: float = 0.35,
    acquisition_cost: float = 2000.0,
    top: int = 5,
    names: pd.Series | None = None,
) -> dict:
    """What losing a customer costs, and how many new customers it takes to make up for it.

    The average customer is the average over customers who bought in the last 12
    months (revenue > 0). A new customer's yearly margin = its first-year revenue
    (``freshness.first_year_revenue_of_new_customers``) × the company's margin rate
    in the last 12 months. Every lifetime value uses the same ``retention``,
    ``discount_rate`` and ``years`` (:func:`lifetime_value`).

    Out: dict with
    ``table`` (DataFrame: rows "average customer" and the ``top`` accounts by
    revenue_12m, columns ``revenue_12m``, ``margin_12m``, ``lifetime_value``,
    ``new_customers_to_replace`` = ⌈lifetime value / new customer's net value⌉,
    ``acquisition_spend`` = that × acquisition_cost);
    ``new_customer`` (dict: ``first_year_revenue``, ``margin_per_year``,
    ``lifetime_value``, ``net_value`` = lifetime value − acquisition_cost, ``basis``);
    ``margin_rate`` (used for new customers), ``customers_12m``.
    Values are ``nan`` where retention is unknown or a new customer doesn't pay
    back its acquisition cost.
    """
    margins = margin_12m_by_customer(invoices, as_of, margin_rate)
    buying = margins.loc[margins["revenue_12m"] > 0]
    revenue_total = float(buying["revenue_12m"].sum())
    company_rate = float(buying["margin_12m"].sum()) / revenue_total if revenue_total > 0 else (
        float("nan"))  # fmt: skip
    first_year = first_year_revenue_of_new_customers(invoices, as_of)
    new_margin = first_year["average"] * company_rate
    new_value = lifetime_value(new_margin, retention, discount_rate, years)
    net_value = new_value - acquisition_cost
    top_rows = buying.sort_values("revenue_12m", ascending=False, kind="stable").head(top)
    label = top_rows.index if names is None else names.reindex(top_rows.index).fillna(
        pd.Series(top_rows.index, index=top_rows.index))  # fmt: skip
    average = pd.DataFrame(
        {
            "revenue_12m": [buying["revenue_12m"].mean()],
            "margin_12m": [buying["margin_12m"].mean()],
        },
        index=[N_("average customer")],
    )
    table = pd.concat([average, top_rows[["revenue_12m", "margin_12m"]].set_axis(label)])
    table.index.name = "customer"
    table["lifetime_value"] = lifetime_value(table["margin_12m"].to_numpy(), retention,
                                             discount_rate, years)  # fmt: skip
    if net_value > 0:
        table["new_customers_to_replace"] = np.ceil(table["lifetime_value"] / net_value)
    else:
        table["new_customers_to_replace"] = np.nan
    table["acquisition_spend"] = table["new_customers_to_replace"] * acquisition_cost
    return {
        "table": table,
        "new_customer": {
            "first_year_revenue": first_year["average"],
            "margin_per_year": new_margin,
            "lifetime_value": new_value,
            "net_value": net_value,
            "basis": first_year["basis"],
        },
        "margin_rate": company_rate,
        "customers_12m": int(len(buying)),
    }


def lifetime_figures(cost: dict) -> dict:
    """Headline figures from :func:`cost_of_losing`: the lifetime value of the average
    customer and of the largest account, and how many new customers replace the latter.
    ``nan`` where they can't be computed.
    """
    table = cost["table"]
    nan = float("nan")
    has_top = len(table) > 1
    return {
        "lifetime_value_average_customer": float(table["lifetime_value"].iloc[0]),
        "lifetime_value_largest_account": float(table["lifetime_value"].iloc[1]) if has_top
        else nan,
        "new_customers_to_replace_largest": float(table["new_customers_to_replace"].iloc[1])
        if has_top else nan,
    }  # fmt: skip


def budget_shift(
    customers: int,
    margin_per_year: float,
    retention: float,
    new_customer_value: float,
    *,
    acquisition_budget: float,
    acquisition_cost: float,
    share_moved: float,
    retention_gain: float,
    discount_rate: float = 0.08,
    years: int = 5,
) -> pd.DataFrame:
    """What if part of the budget for winning customers went to keeping them?

    Today: ``acquisition_budget`` / ``acquisition_cost`` new customers a year, each
    worth ``new_customer_value`` (its lifetime value). Moving ``share_moved`` of the
    budget wins that many fewer, and is assumed to raise retention by
    ``retention_gain`` (0.02 = two percentage points) for all ``customers`` of
    average yearly margin ``margin_per_year``. Retention gain is a guess: see
    :func:`break_even_retention_gain`.

    Out: DataFrame with rows "as now" and "moved", columns ``winning_budget``,
    ``keeping_budget``, ``new_customers``, ``retention``, ``value_of_new``,
    ``value_of_existing``, ``total_value`` (lifetime values over ``years``).
    """
    moved = acquisition_budget * share_moved
    rows = []
    for label, spend, keep, gain in (
        ("as now", acquisition_budget, 0.0, 0.0),
        ("moved", acquisition_budget - moved, moved, retention_gain),
    ):
        new = spend / acquisition_cost if acquisition_cost > 0 else float("nan")
        rate = min(retention + gain, 1.0)
        existing = customers * lifetime_value(margin_per_year, rate, discount_rate, years)
        rows.append((label, spend, keep, new, rate, new * new_customer_value, existing))
    table = pd.DataFrame(
        rows, columns=["scenario", "winning_budget", "keeping_budget", "new_customers",
                       "retention", "value_of_new", "value_of_existing"],
    ).set_index("scenario")  # fmt: skip
    table["total_value"] = table["value_of_new"] + table["value_of_existing"]
    return table


def break_even_retention_gain(
    customers: int,
    margin_per_year: float,
    retention: float,
    new_customer_value: float,
    *,
    moved: float,
    acquisition_cost: float,
    discount_rate: float = 0.08,
    years: int = 5,
) -> float:
    """The retention gain (in share points) at which moving ``moved`` money breaks even.

    Solves ``customers · (LTV(r + g) − LTV(r)) = moved / acquisition_cost ·
    new_customer_value`` for ``g`` by bisection (LTV grows with retention).
    ``nan`` when even retention 100 % would not make up for the lost new customers,
    or when an input is unknown.
    """
    lost = moved / acquisition_cost * new_customer_value

    def gained(gain: float) -> float:
        return customers * (
            lifetime_value(margin_per_year, retention + gain, discount_rate, years)
            - lifetime_value(margin_per_year, retention, discount_rate, years)
        )

    if not (retention == retention and lost == lost) or gained(1.0 - retention) < lost:
        return float("nan")
    if lost <= 0:
        return 0.0
    low, high = 0.0, 1.0 - retention
    for _ in range(60):  # halves the bracket each time: far below a hundredth of a point
        middle = (low + high) / 2
        low, high = (middle, high) if gained(middle) < lost else (low, middle)
    return (low + high) / 2


def budget_what_if(
    cost: dict,
    retention: float,
    *,
    acquisition_budget: float,
    acquisition_cost: float,
    share_moved: float,
    retention_gain: float,
    discount_rate: float = 0.08,
    years: int = 5,
) -> dict:
    """The what-if of notebook 05 on the numbers of :func:`cost_of_losing`.

    The customers kept are those who bought in the last 12 months, at the average
    customer's margin; a new customer is worth its lifetime value.
    Out: dict ``table`` (:func:`budget_shift`) and ``break_even``
    (:func:`break_even_retention_gain` for the money moved).
    """
    average = cost["table"].iloc[0]
    common = {
        "customers": cost["customers_12m"],
        "margin_per_year": float(average["margin_12m"]),
        "retention": retention,
        "new_customer_value": cost["new_customer"]["lifetime_value"],
    }
    table = budget_shift(
        **common, acquisition_budget=acquisition_budget, acquisition_cost=acquisition_cost,
        share_moved=share_moved, retention_gain=retention_gain, discount_rate=discount_rate,
        years=years,
    )  # fmt: skip
    even = break_even_retention_gain(
        **common, moved=acquisition_budget * share_moved, acquisition_cost=acquisition_cost,
        discount_rate=discount_rate, years=years,
    )  # fmt: skip
    return {"table": table, "break_even": even}


# --- in words and readable tables ----------------------------------------------------------
# Every sentence takes ``formats`` (``wb.formats`` in a notebook): the words come from the
# message catalogs (helpers/locale/<fi|sv>/LC_MESSAGES/), the numbers in the reader's locale.


def has_contract_dates(matrix: pd.DataFrame) -> bool:
    """Does any customer in the matrix have a contract end date?"""
    return bool(matrix["contract_end"].notna().any())


def has_survey_answers(matrix: pd.DataFrame) -> bool:
    """Has any customer in the matrix answered the survey?"""
    return bool((matrix["commitment_basis"] == "survey").any())


def matrix_in_words(
    matrix: pd.DataFrame,
    formats: Formats = ENGLISH,
    customers_switch_on: str = "",
    survey_switch_on: str = "",
) -> str:
    """The commitment matrix in a few sentences, and what data would sharpen it.

    In: the table from :func:`commitment_matrix`; ``formats``; the sentences saying
    what file to add (``CUSTOMERS.switches_on``, ``SURVEY.switches_on``).
    """
    _, number = formats._, formats.number
    summary = matrix_summary(matrix)
    buying = summary["buying_12m"]
    lines = [
        _(
            "{customers} customers placed; {buying} of them bought in the last 12 months: "
            "ideal {ideal}, prisoner {prisoner}, emotional tie {tie}, risk {risk}."
        ).format(
            customers=number(summary["customers"].sum()),
            buying=number(buying.sum()),
            ideal=number(buying[IDEAL]),
            prisoner=number(buying[PRISONER]),
            tie=number(buying[EMOTIONAL_TIE]),
            risk=number(buying[RISK]),
        )  # fmt: skip
    ]
    low = summary.loc[[PRISONER, RISK]]
    share = low["revenue_share"].sum() if summary["revenue_share"].notna().any() else np.nan
    if share == share and has_survey_answers(matrix):  # without answers everyone is "low"
        lines.append(
            _(
                "Customers with low commitment (prisoners and risks) brought {revenue} in the "
                "last 12 months, {share} of the revenue."
            ).format(revenue=formats.money(low["revenue_12m"].sum()), share=formats.percent(share))
        )
    if not has_contract_dates(matrix):
        lines.append(
            _(
                "There are no contract end dates, so nobody counts as bound: everyone sits in "
                "the bottom row."
            )
            + " "
            + (customers_switch_on or _("Add a contract_end column to customers.csv."))
        )
    if not has_survey_answers(matrix):
        lines.append(
            _(
                "There are no survey answers, so nobody counts as committed: everyone sits in "
                "the left column."
            )
            + " "
            + survey_switch_on
        )
    else:
        unasked = int((matrix["commitment_basis"] != "survey").sum())
        if unasked:
            lines.append(
                _(
                    "{count} customers never answered the survey; they count as low commitment "
                    "until you hear otherwise."
                ).format(count=number(unasked))
            )
    return "\n".join(line.strip() for line in lines)


def matrix_summary_readable(matrix: pd.DataFrame, formats: Formats = ENGLISH) -> pd.DataFrame:
    """:func:`matrix_summary` to show: translated cells, headers and actions, locale numbers."""
    _ = formats._
    summary = matrix_summary(matrix)
    out = pd.DataFrame(index=pd.Index([_(CELL_NAMES[c]) for c in summary.index], name=_("cell")))
    out[_("customers")] = summary["customers"].map(formats.number).to_numpy()
    out[_("buying now")] = summary["buying_12m"].map(formats.number).to_numpy()
    out[_("answered the survey")] = summary["answered"].map(formats.number).to_numpy()
    out[_("revenue, 12 months")] = summary["revenue_12m"].map(formats.money).to_numpy()
    out[_("share of revenue")] = summary["revenue_share"].map(formats.percent).to_numpy()
    out[_("what to do")] = [_(ACTIONS[c]) for c in summary.index]
    return out


def at_risk_readable(rows: pd.DataFrame, formats: Formats = ENGLISH) -> pd.DataFrame:
    """The :func:`at_risk` list to show: translated cells and headers, locale numbers."""
    _ = formats._
    out = pd.DataFrame(index=pd.Index(rows["customer_id"], name=_("customer")))
    out[_("name")] = rows["name"].to_numpy()
    out[_("cell")] = [_(CELL_NAMES[c]) for c in rows["cell"]]
    out[_("contract ends")] = rows["contract_end"].map(formats.date).to_numpy()
    out[_("revenue, 12 months")] = rows["revenue_12m"].map(formats.money).to_numpy()
    return out


def at_risk_figures(rows: pd.DataFrame, matrix: pd.DataFrame) -> dict:
    """Headline figures ``at_risk_customers`` and ``at_risk_revenue_12m``.

    ``nan`` when no customer has a contract end date (the list can't be made).
    """
    if not has_contract_dates(matrix):
        return {"at_risk_customers": float("nan"), "at_risk_revenue_12m": float("nan")}
    return {
        "at_risk_customers": int(len(rows)),
        "at_risk_revenue_12m": float(rows["revenue_12m"].sum()),
    }


def at_risk_in_words(
    rows: pd.DataFrame, horizon_months: float, matrix: pd.DataFrame, formats: Formats = ENGLISH
) -> str:
    """One or two sentences on the at-risk list (or why it is empty)."""
    _ = formats._
    if not has_contract_dates(matrix):
        return _(
            "No contract end dates, so no binding can run out: the at-risk list is empty. "
            "Add contract_end (YYYY-MM-DD) to customers.csv to fill it."
        )
    if rows.empty:
        return _(
            "No prisoner or risk customer has a contract ending within {months} months. "
            "Nothing to call about today; look again next quarter."
        ).format(months=formats.short(horizon_months))
    return _(
        "{count} customers with low commitment have a contract ending within {months} "
        "months. Together they brought {revenue} in the last 12 months: that is the revenue "
        "at stake if they don't renew."
    ).format(
        count=formats.number(len(rows)), months=formats.short(horizon_months),
        revenue=formats.money(rows["revenue_12m"].sum()),
    )  # fmt: skip


def retention_in_words(retention: float, formats: Formats = ENGLISH) -> str:
    """Retention of the last 12 months as a sentence, or why it can't be measured."""
    _ = formats._
    if retention != retention:
        return _(
            "Nobody bought in the 12 months before the last 12, so retention can't be "
            "measured yet: it needs two years of invoices."
        )
    return _(
        "Of the customers who bought in the 12 months before the last 12, {kept} bought "
        "again in the last 12 months, and {lost} did not."
    ).format(kept=formats.percent(retention), lost=formats.percent(1 - retention))


def satisfaction_trap_in_words(
    boxes: dict, by_score: pd.DataFrame, formats: Formats = ENGLISH, switch_on: str = ""
) -> str:
    """The "98 % satisfied" trap on the learner's own data.

    In: :func:`box_shares`, :func:`repurchase_by_score`, ``formats`` and the sentence
    saying what file to add when there is no survey.
    """
    _, number = formats._, formats.number
    if not boxes["answers"]:
        return (
            _("There are no survey answers, so satisfaction and loyalty can't be compared.")
            + " "
            + switch_on
        ).strip()
    text = [
        _(
            "{top2} of the {answers} answers say satisfied or very satisfied (4 or 5); only "
            "{top} say very satisfied (5)."
        ).format(
            top2=formats.percent(boxes["top2_box_share"]),
            answers=number(boxes["answers"]),
            top=formats.percent(boxes["top_box_share"]),
        )  # fmt: skip
    ]
    four, five = by_score.loc[SATISFIED], by_score.loc[VERY_SATISFIED]
    followed = int(four["followed"] + five["followed"])
    if not followed:
        text.append(_("No answer of 4 or 5 is a full year old yet, so we can't see who came back."))
        return "\n".join(text)
    stayed_away = int(followed - four["repurchased"] - five["repurchased"])
    text.append(
        _(
            "Of the {followed} answers of 4 or 5 that we can follow for a whole year, {away} "
            "were not followed by a purchase within 12 months."
        ).format(followed=number(followed), away=number(stayed_away))
    )
    if stayed_away:
        text.append(
            _(
                "{fours} of those {away} came from customers who were 'only' satisfied (4). A "
                "high satisfied share hides where loyalty actually lives."
            ).format(fours=number(four["followed"] - four["repurchased"]), away=number(stayed_away))
        )
    return "\n".join(text)


def repurchase_readable(by_score: pd.DataFrame, formats: Formats = ENGLISH) -> pd.DataFrame:
    """:func:`repurchase_by_score` to show: readable headers, locale numbers."""
    _ = formats._
    out = pd.DataFrame(index=by_score.index.rename(_("satisfaction")))
    out[_("answers")] = by_score["answers"].map(formats.number)
    out[_("a year old")] = by_score["followed"].map(formats.number)
    out[_("bought again")] = by_score["repurchased"].map(formats.number)
    out[_("rate")] = by_score["rate"].map(formats.percent)
    out[_("95 % interval")] = [
        f"{formats.percent(low)} – {formats.percent(high)}" if low == low else formats.percent(low)
        for low, high in zip(by_score["ci_low"], by_score["ci_high"], strict=True)
    ]
    return out


def repurchase_in_words(by_score: pd.DataFrame, ratio: dict, formats: Formats = ENGLISH) -> str:
    """The repurchase rates of 4 and 5, their ratio, and how it compares with "5–10 ×"."""
    _, percent, number = formats._, formats.percent, formats.number
    four, five = by_score.loc[SATISFIED], by_score.loc[VERY_SATISFIED]
    if not by_score["answers"].sum():
        return _("No survey answers, so there are no repurchase rates to compare.")

    def rate(row) -> str:
        if not row["followed"]:
            return _("can't be measured (no answers a full year old)")
        return _(
            "{rate} bought again within 12 months ({came} of {followed}; 95 % interval {low} "
            "to {high})"
        ).format(
            rate=percent(row["rate"], 0), came=number(row["repurchased"]),
            followed=number(row["followed"]), low=percent(row["ci_low"], 0),
            high=percent(row["ci_high"], 0),
        )  # fmt: skip

    text = [
        _("Very satisfied (5): {what}.").format(what=rate(five)),
        _("Satisfied (4): {what}.").format(what=rate(four)),
    ]
    value = ratio["ratio"]
    if value != value:
        text.append(
            _(
                "The ratio very satisfied / satisfied can't be computed here: it needs followed "
                "answers of both 4 and 5, and at least one 4 who came back."
            )
        )
        return "\n".join(text)
    if ratio["ci_low"] == ratio["ci_low"]:
        text.append(
            _(
                "The very satisfied came back {ratio} times as often as the satisfied (95 % "
                "interval {low} to {high})."
            ).format(
                ratio=number(value, 1),
                low=number(ratio["ci_low"], 1),
                high=number(ratio["ci_high"], 1),
            )  # fmt: skip
        )
    else:
        text.append(
            _("The very satisfied came back {ratio} times as often as the satisfied.").format(
                ratio=number(value, 1)
            )
        )
    ceiling = 1 / four["rate"] if four["rate"] > 0 else float("inf")
    if value < 5:
        verdict = _(
            "That is well below the '5–10 ×' rule of thumb and the ~6 × of Jones & Sasser (1995)."
        )
        if ceiling < 5:
            verdict += " " + _(
                "It could hardly be higher: with {rate} of the satisfied coming back, the most "
                "possible is {ceiling} ×."
            ).format(rate=percent(four["rate"], 0), ceiling=number(ceiling, 1))
    elif value <= 10:
        verdict = _(
            "That is inside the '5–10 ×' rule of thumb, near the ~6 × of Jones & Sasser (1995)."
        )
    else:
        verdict = _("That is above even the '5–10 ×' rule of thumb.")
    text.append(verdict)
    return "\n".join(text)


def nps_in_words(nps: dict, formats: Formats = ENGLISH) -> str:
    """The net promoter score with its interval, or why there is none."""
    _, number = formats._, formats.number
    if not nps["answers"]:
        return _(
            "No 'would you recommend us' answers (0–10), so there is no NPS. Add a recommend "
            "column to survey.csv to get one."
        )
    return _(
        "NPS {nps} (95 % interval {low} to {high}): {promoters} promoters (9–10), {passives} "
        "passives (7–8) and {detractors} detractors (0–6) in {answers} answers."
    ).format(
        nps=number(nps["nps"]), low=number(nps["ci_low"]), high=number(nps["ci_high"]),
        promoters=number(nps["promoters"]), passives=number(nps["passives"]),
        detractors=number(nps["detractors"]), answers=number(nps["answers"]),
    )  # fmt: skip


def lifetime_in_words(
    result: dict, retention: float, acquisition_cost: float, formats: Formats = ENGLISH
) -> str:
    """What an average customer, the largest account and a new customer are worth."""
    _, money = formats._, formats.money
    if retention != retention:
        return _(
            "Retention can't be measured yet (it needs two years of invoices), so lifetime "
            "values can't be computed. Export a longer history to see them."
        )
    table = result["table"]
    average = table.iloc[0]
    new = result["new_customer"]
    text = [
        _(
            "With {retention} of customers staying each year, an average customer is worth "
            "{value} in margin over the horizon ({margin} a year now)."
        ).format(
            retention=formats.percent(retention),
            value=money(average["lifetime_value"]),
            margin=money(average["margin_12m"]),
        )  # fmt: skip
    ]
    if len(table) > 1:
        largest = table.iloc[1]
        text.append(
            _("Your largest account, {name}, is worth {value}.").format(
                name=table.index[1], value=money(largest["lifetime_value"])
            )
        )
        if largest["new_customers_to_replace"] == largest["new_customers_to_replace"]:
            text.append(
                _(
                    "A new customer brings about {margin} margin a year and is worth {net} "
                    "after the {cost} it costs to win. Replacing {name} takes about {count} new "
                    "customers, and {spend} to win them."
                ).format(
                    margin=money(new["margin_per_year"]),
                    net=money(new["net_value"]),
                    cost=money(acquisition_cost),
                    name=table.index[1],
                    count=formats.number(largest["new_customers_to_replace"]),
                    spend=money(largest["acquisition_spend"]),
                )  # fmt: skip
            )
    if not new["net_value"] > 0:
        text.append(
            _(
                "A new customer is worth less than the {cost} it costs to win (or can't be "
                "estimated): no number of new customers pays back a lost one."
            ).format(cost=money(acquisition_cost))
        )
    return "\n".join(text)


def lifetime_readable(table: pd.DataFrame, formats: Formats = ENGLISH) -> pd.DataFrame:
    """The :func:`cost_of_losing` table to show: readable headers, locale numbers."""
    _ = formats._
    labels = [_(label) if label == "average customer" else label for label in table.index]
    out = pd.DataFrame(index=pd.Index(labels, name=_("customer")))
    out[_("revenue, 12 months")] = table["revenue_12m"].map(formats.money).to_numpy()
    out[_("margin, 12 months")] = table["margin_12m"].map(formats.money).to_numpy()
    out[_("lifetime value")] = table["lifetime_value"].map(formats.money).to_numpy()
    out[_("new customers to replace")] = (
        table["new_customers_to_replace"].map(formats.number).to_numpy()
    )
    out[_("cost of winning them")] = table["acquisition_spend"].map(formats.money).to_numpy()
    return out


def budget_what_if_readable(what_if: dict, formats: Formats = ENGLISH) -> pd.DataFrame:
    """The :func:`budget_what_if` table to show: readable headers, locale numbers."""
    _ = formats._
    table = what_if["table"]
    out = pd.DataFrame(index=pd.Index([_("as now"), _("moved")], name=_("scenario")))
    out[_("winning budget")] = table["winning_budget"].map(formats.money).to_numpy()
    out[_("keeping budget")] = table["keeping_budget"].map(formats.money).to_numpy()
    out[_("new customers a year")] = (
        table["new_customers"].map(lambda v: formats.number(v, 1)).to_numpy()
    )
    out[_("retention")] = table["retention"].map(formats.percent).to_numpy()
    out[_("value of new customers")] = table["value_of_new"].map(formats.money).to_numpy()
    out[_("value of customers kept")] = table["value_of_existing"].map(formats.money).to_numpy()
    out[_("total")] = table["total_value"].map(formats.money).to_numpy()
    return out


def budget_what_if_in_words(what_if: dict, formats: Formats = ENGLISH) -> str:
    """The what-if in sentences: what moving the money wins or loses, and the break-even."""
    _, money, number = formats._, formats.money, formats.number
    table, break_even = what_if["table"], what_if["break_even"]
    now, moved = table.loc["as now"], table.loc["moved"]
    if moved["total_value"] != moved["total_value"]:
        return _("The what-if needs retention and a new customer's value; one of them is unknown.")
    difference = moved["total_value"] - now["total_value"]
    text = [
        (
            _(
                "Moving {moved} a year from winning to keeping means {fewer} fewer new customers "
                "a year. If it lifts retention from {before} to {after}, the total lifetime "
                "value grows by {change}."
            )
            if difference >= 0
            else _(
                "Moving {moved} a year from winning to keeping means {fewer} fewer new customers "
                "a year. If it lifts retention from {before} to {after}, the total lifetime "
                "value falls by {change}."
            )
        ).format(
            moved=money(moved["keeping_budget"]),
            fewer=number(now["new_customers"] - moved["new_customers"], 1),
            before=formats.percent(now["retention"]),
            after=formats.percent(moved["retention"]),
            change=money(abs(difference)),
        )  # fmt: skip
    ]
    if break_even == break_even:
        text.append(
            _(
                "It pays as soon as retention rises by {points} percentage points or more: ask "
                "yourself whether that money could do it."
            ).format(points=number(100 * break_even, 1))
        )
    else:
        text.append(_("Even keeping every customer would not make up for the new customers lost."))
    return "\n".join(text)
