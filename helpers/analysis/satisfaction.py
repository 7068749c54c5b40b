"""Satisfaction against loyalty: survey figures, box shares, repurchase by score and NPS.

Notebook 05, part 2 ("Satisfied is not loyal"). Ideas from text 004 of the course
brief (the potential in existing customers).

The survey is a validated frame (``customer_id``, ``date``, ``satisfaction`` 1–5,
optional ``recommend`` 0–10); invoices have ``customer_id``, ``date``, ``amount``.
Every function takes an explicit ``as_of`` date. Windows are ``(start, end]``: open
on the left, closed on the right, as everywhere in the workbook. The intervals come
from :mod:`helpers.analysis.intervals`. The sentences and readable tables about these
figures are in :mod:`helpers.words.satisfaction`.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from helpers.analysis.intervals import exact_interval, ratio_interval, z_value
from helpers.analysis.windows import WINDOW

SCORES = (1, 2, 3, 4, 5)
SATISFIED, VERY_SATISFIED = 4, 5
PROMOTER_FROM, DETRACTOR_UP_TO = 9, 6


def survey_answers(survey: pd.DataFrame | None, as_of: pd.Timestamp) -> pd.DataFrame:
    """Survey answers dated up to ``as_of`` (an empty table when there is no survey)."""
    if survey is None:
        return pd.DataFrame(
            {
                "customer_id": pd.Series(dtype=object),
                "date": pd.Series(dtype="datetime64[ns]"),
                "satisfaction": pd.Series(dtype=float),
            }
        )
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

    >>> survey = pd.DataFrame({"customer_id": ["A", "B"], "satisfaction": [5, 4],
    ...                        "date": pd.to_datetime(["2024-06-01", "2024-06-01"])})
    >>> lines = pd.DataFrame({"customer_id": ["A", "B"], "amount": [100.0, 100.0],
    ...                       "date": pd.to_datetime(["2025-01-10", "2025-08-01"])})
    >>> after = repurchase_after_answers(lines, survey, pd.Timestamp("2025-12-31"))
    >>> after["repurchased"].tolist()  # B's purchase came after its year
    [True, False]
    """
    answers = survey_answers(survey, as_of).reset_index(drop=True)
    answers = answers.assign(window_end=answers["date"] + WINDOW, answer=np.arange(len(answers)))
    answers["followed"] = answers["window_end"] <= as_of
    bought = invoices.loc[invoices["amount"] > 0]
    bought = pd.DataFrame(  # ids as plain text on both sides, whatever dtype each came in
        {
            "who": bought["customer_id"].astype(str),
            "next_purchase": bought["date"].astype("datetime64[ns]"),
        }
    ).sort_values("next_purchase")
    left = pd.DataFrame(
        {
            "answer": answers["answer"],
            "date": answers["date"].astype("datetime64[ns]"),
            "who": answers["customer_id"].astype(str),
        }
    )
    # the first positive line strictly after the answer date, same customer
    matched = pd.merge_asof(
        left.sort_values("date"),
        bought,
        left_on="date",
        right_on="next_purchase",
        by="who",
        direction="forward",
        allow_exact_matches=False,
    )
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
    ``rate`` = repurchased / followed, and the exact (Clopper–Pearson) interval ``ci_low``,
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
    table["ci_low"], table["ci_high"] = exact_interval(
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
        int(five["repurchased"]),
        int(five["followed"]),
        int(four["repurchased"]),
        int(four["followed"]),
        confidence,
    )
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
    """The 95 % exact (Clopper–Pearson) intervals of the repurchase rates of 4 and 5, as
    headline figures.

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
    result = {
        "answers": n,
        "promoters": promoters,
        "passives": n - promoters - detractors,
        "detractors": detractors,
    }
    if not n:
        return result | {"nps": float("nan"), "ci_low": float("nan"), "ci_high": float("nan")}
    p, d = promoters / n, detractors / n
    half = z_value(confidence) * math.sqrt(max(p + d - (p - d) ** 2, 0.0) / n)
    return result | {
        "nps": 100 * (p - d),
        "ci_low": 100 * max(p - d - half, -1.0),
        "ci_high": 100 * min(p - d + half, 1.0),
    }


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
