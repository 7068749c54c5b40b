"""Satisfaction against repurchase, box shares and NPS, pinned on a hand-made survey."""

import math

import pandas as pd
import pytest

from helpers.analysis.satisfaction import (
    box_shares,
    net_promoter_score,
    repurchase_after_answers,
    repurchase_by_score,
    repurchase_ratio,
    satisfaction_distribution,
    survey_figures,
)
from tests.analysis.notebook05_frames import AS_OF, invoices, survey

# Answers (as_of 2025-12-01; follow-up window (answer, answer + 365 d]):
#   A 2024-06-15  5  window to 2025-06-15; bought 2025-01-20           -> repurchased
#   A 2024-12-01  5  window to 2025-12-01 (= as_of, followed); 2025-01-20 -> repurchased
#   B 2024-06-15  4  bought on the answer day (not after it) and 2025-03-03 -> repurchased
#   C 2024-10-01  5  bought 2025-10-01, the window's last day          -> repurchased
#   E 2024-07-01  4  a line on the answer day, a credit note 2025-01-01, a purchase
#                    2025-07-02 (one day after the window)            -> not repurchased
#   D 2025-06-01  3  window ends 2026-06-01, after as_of               -> not followed
#   F 2025-12-15  5  after as_of                                       -> left out
SURVEY = survey(
    [
        ("A", "2024-06-15", 5, 9),
        ("A", "2024-12-01", 5, 10),
        ("B", "2024-06-15", 4, 7),
        ("C", "2024-10-01", 5, None),
        ("E", "2024-07-01", 4, 3),
        ("D", "2025-06-01", 3, 6),
        ("F", "2025-12-15", 5, 10),
    ]
)
INVOICES = invoices(
    [
        ("A", "2024-01-10", 100),
        ("A", "2025-01-20", 100),
        ("B", "2024-06-15", 100),
        ("B", "2025-03-03", 100),
        ("C", "2024-09-01", 100),
        ("C", "2025-10-01", 100),
        ("E", "2024-07-01", 100),
        ("E", "2025-01-01", -50),
        ("E", "2025-07-02", 100),
        ("D", "2025-05-05", 100),
        ("F", "2025-11-01", 100),
    ]
)


def test_box_shares_count_answers_up_to_as_of():
    # 6 answers up to as_of: three 5s, two 4s, one 3
    boxes = box_shares(SURVEY, AS_OF)
    assert boxes["answers"] == 6
    assert boxes["top_box_share"] == pytest.approx(3 / 6)
    assert boxes["top2_box_share"] == pytest.approx(5 / 6)
    table = satisfaction_distribution(SURVEY, AS_OF)
    assert table["answers"].tolist() == [0, 0, 1, 2, 3]
    assert table["share"].sum() == pytest.approx(1.0)


def test_repurchase_window_is_open_left_closed_right_and_ignores_credit_notes():
    answers = repurchase_after_answers(INVOICES, SURVEY, AS_OF).set_index(["customer_id", "date"])
    assert answers["repurchased"].to_dict() == {
        ("A", pd.Timestamp("2024-06-15")): True,
        ("A", pd.Timestamp("2024-12-01")): True,
        ("B", pd.Timestamp("2024-06-15")): True,
        ("C", pd.Timestamp("2024-10-01")): True,
        ("E", pd.Timestamp("2024-07-01")): False,
        ("D", pd.Timestamp("2025-06-01")): False,
    }
    assert answers["followed"].sum() == 5  # D's year is not over


def test_repurchase_by_score_with_exact_intervals():
    table = repurchase_by_score(INVOICES, SURVEY, AS_OF)
    assert table.loc[5, ["answers", "followed", "repurchased"]].tolist() == [3, 3, 3]
    assert table.loc[4, ["answers", "followed", "repurchased"]].tolist() == [2, 2, 1]
    assert table.loc[3, ["answers", "followed", "repurchased"]].tolist() == [1, 0, 0]
    assert table.loc[5, "rate"] == 1.0 and table.loc[4, "rate"] == 0.5
    assert math.isnan(table.loc[3, "rate"]) and math.isnan(table.loc[3, "ci_low"])
    assert math.isnan(table.loc[1, "rate"])
    # 1 of 2, exact (Clopper–Pearson): Beta(0.025; 1, 2) = 1 − √0.975 = 0.0126 … 0.9874
    assert (table.loc[4, "ci_low"], table.loc[4, "ci_high"]) == pytest.approx(
        (1 - math.sqrt(0.975), math.sqrt(0.975)), abs=1e-9
    )
    # 3 of 3: Beta(0.025; 3, 1) = 0.025^(1/3) = 0.2924 … 1
    assert (table.loc[5, "ci_low"], table.loc[5, "ci_high"]) == pytest.approx(
        (0.025 ** (1 / 3), 1.0), abs=1e-9
    )


def test_the_five_survey_headline_figures():
    figures = survey_figures(INVOICES, SURVEY, AS_OF)
    assert figures == pytest.approx(
        {
            "top_box_share": 0.5,
            "top2_box_share": 5 / 6,
            "repurchase_rate_satisfied": 0.5,
            "repurchase_rate_very_satisfied": 1.0,
            "repurchase_ratio_very_vs_satisfied": 2.0,
        }
    )
    ratio = repurchase_ratio(repurchase_by_score(INVOICES, SURVEY, AS_OF))
    # 3/3 vs 1/2: se = √(1/3 − 1/3 + 1 − 1/2) = 0.7071 → 2 · exp(±1.3859)
    assert ratio["ratio"] == pytest.approx(2.0)
    assert ratio["ci_low"] == pytest.approx(2 / math.exp(1.959964 * math.sqrt(0.5)), rel=1e-5)


def test_survey_figures_are_nan_without_a_survey_or_without_fours():
    assert all(math.isnan(v) for v in survey_figures(INVOICES, None, AS_OF).values())
    only_fives = SURVEY.loc[SURVEY["satisfaction"] == 5]
    figures = survey_figures(INVOICES, only_fives, AS_OF)
    assert figures["top_box_share"] == 1.0
    assert math.isnan(figures["repurchase_rate_satisfied"])
    assert math.isnan(figures["repurchase_ratio_very_vs_satisfied"])


def test_ratio_is_nan_when_no_satisfied_customer_came_back():
    never = SURVEY.loc[SURVEY["customer_id"] != "B"]  # only E's 4 is left, and it did not
    figures = survey_figures(INVOICES, never, AS_OF)
    assert figures["repurchase_rate_satisfied"] == 0.0
    assert math.isnan(figures["repurchase_ratio_very_vs_satisfied"])


def test_net_promoter_score_with_interval():
    # 10 answers: 5 promoters, 3 passives, 2 detractors → 50 % − 20 % = 30;
    # variance (0.5 + 0.2 − 0.3²) / 10 = 0.061 → half 1.96 · 0.24698 = 0.48408
    scores = [10, 9, 9, 9, 9, 8, 8, 8, 5, 3]
    data = survey([("X", "2025-01-01", 4, r) for r in scores])
    nps = net_promoter_score(data, AS_OF)
    assert (nps["promoters"], nps["passives"], nps["detractors"]) == (5, 3, 2)
    assert nps["nps"] == pytest.approx(30.0)
    assert (nps["ci_low"], nps["ci_high"]) == pytest.approx((-18.408, 78.408), abs=1e-3)


def test_net_promoter_score_without_recommend():
    data = survey([("X", "2025-01-01", 4)], recommend=False)
    nps = net_promoter_score(data, AS_OF)
    assert nps["answers"] == 0 and math.isnan(nps["nps"])
    assert math.isnan(net_promoter_score(None, AS_OF)["nps"])
