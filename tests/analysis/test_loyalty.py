"""Commitment and loyalty figures pinned on hand-made examples you can check by hand."""

import math

import numpy as np
import pandas as pd
import pytest

from helpers.analysis.loyalty import (
    ACTIONS,
    AT_RISK_COLUMNS,
    at_risk,
    at_risk_figures,
    box_shares,
    break_even_retention_gain,
    budget_shift,
    cohort_retention,
    cohort_sizes,
    commitment_matrix,
    cost_of_losing,
    lifetime_value,
    margin_12m_by_customer,
    matrix_in_words,
    matrix_summary,
    net_promoter_score,
    ratio_interval,
    repurchase_after_answers,
    repurchase_by_score,
    repurchase_in_words,
    repurchase_ratio,
    satisfaction_distribution,
    satisfaction_trap_in_words,
    survey_figures,
    wilson_interval,
    z_value,
)

AS_OF = pd.Timestamp("2025-12-01")


def frame(rows, columns, dates=("date",)):
    data = pd.DataFrame(rows, columns=columns)
    for column in dates:
        data[column] = pd.to_datetime(data[column])
    return data


def invoices(rows):
    """rows: (customer_id, 'YYYY-MM-DD', amount)."""
    data = frame(rows, ["customer_id", "date", "amount"])
    data["amount"] = data["amount"].astype(float)
    return data


def survey(rows, recommend=True):
    """rows: (customer_id, 'YYYY-MM-DD', satisfaction[, recommend])."""
    columns = ["customer_id", "date", "satisfaction"] + (["recommend"] if recommend else [])
    data = frame(rows, columns)
    data["satisfaction"] = data["satisfaction"].astype(float)
    if recommend:
        data["recommend"] = data["recommend"].astype(float)
    return data


# --- intervals --------------------------------------------------------------------------


def test_z_value_is_the_familiar_1_96():
    assert z_value(0.95) == pytest.approx(1.959964, abs=1e-6)
    assert z_value(0.90) == pytest.approx(1.644854, abs=1e-6)


def test_wilson_interval_on_hand_computed_values():
    # 8 of 10, z = 1.96: centre (0.8 + 0.19208) / 1.38416 = 0.71674,
    # half 1.96 / 1.38416 · √(0.016 + 0.009604) = 0.22658 → 0.4902 … 0.9433
    low, high = wilson_interval(8, 10)
    assert (low, high) == pytest.approx((0.4902, 0.9433), abs=1e-4)
    # 0 of 10: 0 … 2·0.13877 = 0.2775; 10 of 10 mirrors it
    assert wilson_interval(0, 10) == pytest.approx((0.0, 0.2775), abs=1e-4)
    assert wilson_interval(10, 10) == pytest.approx((0.7225, 1.0), abs=1e-4)


def test_wilson_interval_on_arrays_and_empty_groups():
    low, high = wilson_interval(np.array([8, 0, 0]), np.array([10, 10, 0]))
    assert low[:2] == pytest.approx([0.4902, 0.0], abs=1e-4)
    assert high[:2] == pytest.approx([0.9433, 0.2775], abs=1e-4)
    assert math.isnan(low[2]) and math.isnan(high[2])


def test_ratio_interval_log_method_on_hand_computed_values():
    # 40/50 vs 10/50: ratio 4; se = √(1/40 − 1/50 + 1/10 − 1/50) = √0.085 = 0.29155;
    # exp(1.96 · 0.29155) = 1.77078 → 4 / 1.77078 = 2.2589, 4 · 1.77078 = 7.0831
    ratio, low, high = ratio_interval(40, 50, 10, 50)
    assert (ratio, low, high) == pytest.approx((4.0, 2.2589, 7.0831), abs=1e-4)


def test_ratio_interval_when_a_side_has_no_successes():
    assert all(math.isnan(v) for v in ratio_interval(5, 10, 0, 10))  # no ratio at all
    ratio, low, high = ratio_interval(0, 10, 5, 10)
    assert ratio == 0.0 and math.isnan(low) and math.isnan(high)
    assert all(math.isnan(v) for v in ratio_interval(1, 0, 1, 10))
    ratio, low, high = ratio_interval(2, 2, 1, 1)  # 100 % vs 100 %: no honest width
    assert ratio == 1.0 and math.isnan(low) and math.isnan(high)


# --- satisfaction against repurchase ------------------------------------------------------

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


def test_repurchase_by_score_with_wilson_intervals():
    table = repurchase_by_score(INVOICES, SURVEY, AS_OF)
    assert table.loc[5, ["answers", "followed", "repurchased"]].tolist() == [3, 3, 3]
    assert table.loc[4, ["answers", "followed", "repurchased"]].tolist() == [2, 2, 1]
    assert table.loc[3, ["answers", "followed", "repurchased"]].tolist() == [1, 0, 0]
    assert table.loc[5, "rate"] == 1.0 and table.loc[4, "rate"] == 0.5
    assert math.isnan(table.loc[3, "rate"]) and math.isnan(table.loc[3, "ci_low"])
    assert math.isnan(table.loc[1, "rate"])
    # 1 of 2: Wilson 0.0945 … 0.9055 (symmetric around 0.5)
    assert (table.loc[4, "ci_low"], table.loc[4, "ci_high"]) == pytest.approx(
        (0.0945, 0.9055), abs=1e-4
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


def test_words_name_the_trap_and_the_rule_of_thumb():
    table = repurchase_by_score(INVOICES, SURVEY, AS_OF)
    trap = satisfaction_trap_in_words(box_shares(SURVEY, AS_OF), table)
    assert "83.3%" in trap and "1 of those 1" in trap
    words = repurchase_in_words(table, repurchase_ratio(table))
    assert "2.0 times" in words and "5–10" in words
    assert (
        "add survey.csv"
        in satisfaction_trap_in_words(
            box_shares(None, AS_OF),
            repurchase_by_score(INVOICES, None, AS_OF),
            switch_on="Add survey.csv",
        ).lower()
    )


# --- the commitment matrix ------------------------------------------------------------------

# as_of 2025-12-01. Months left = days / 30.4375.
#   A contract 2026-12-31 (395 d, 13.0 months: bound), latest answer 5      -> ideal
#   B contract 2026-03-31 (120 d, 3.9 months: too close to bind), 4, rec 7  -> risk, at risk
#   C contract 2027-06-30 (576 d, 18.9 months), satisfaction 3             -> prisoner
#   G contract 2026-09-30 (303 d, 10.0 months), never answered             -> prisoner, at risk
#   D no contract, answer 5                                                -> emotional tie
#   E contract ended 2025-06-30 (0 months), 4 then promoter 9              -> emotional tie
#   H contract 2026-01-31, answered 5 long ago, then 2 and recommend 2     -> risk, at risk
MATRIX_INVOICES = invoices(
    [
        ("A", "2025-02-01", 1000),
        ("B", "2025-03-01", 500),
        ("C", "2025-04-01", 300),
        ("G", "2025-05-01", 800),
        ("D", "2024-05-01", 200),  # not in the last 12 months: revenue_12m 0
        ("E", "2025-06-01", 100),
        ("H", "2025-07-01", 50),
    ]
)
CUSTOMERS = frame(
    [
        ("A", "Aalto Oy", "2026-12-31"),
        ("B", "Bistro Björk", "2026-03-31"),
        ("C", "Cafe Kulma", "2027-06-30"),
        ("D", "Dahl Ab", None),
        ("E", "Eero Metalli", "2025-06-30"),
        ("G", "Gallen Oy", "2026-09-30"),
        ("H", "Hiekka Oy", "2026-01-31"),
    ],
    ["customer_id", "name", "contract_end"],
    dates=("contract_end",),
)
MATRIX_SURVEY = survey(
    [
        ("A", "2025-01-10", 5, None),
        ("B", "2025-02-10", 4, 7),
        ("C", "2025-03-10", 3, 5),
        ("D", "2024-06-10", 5, 10),
        ("E", "2025-01-10", 4, 9),
        ("H", "2023-01-10", 5, 10),
        ("H", "2025-07-10", 2, 2),
    ]
)


@pytest.fixture
def matrix():
    names = CUSTOMERS.set_index("customer_id")["name"]
    return commitment_matrix(MATRIX_INVOICES, CUSTOMERS, MATRIX_SURVEY, AS_OF, names=names)


def test_every_customer_lands_in_the_right_cell(matrix):
    assert matrix["cell"].to_dict() == {
        "A": "ideal",
        "B": "risk",
        "C": "prisoner",
        "G": "prisoner",
        "D": "emotional tie",
        "E": "emotional tie",
        "H": "risk",
    }
    assert matrix.loc["A", "months_left"] == pytest.approx(13.0)
    assert matrix.loc["B", "months_left"] == pytest.approx(3.9)
    assert matrix.loc["E", "months_left"] == 0.0 and math.isnan(matrix.loc["D", "months_left"])
    assert matrix.loc["G", "commitment_basis"] == "no answer"
    assert matrix.loc["A", "action"] == ACTIONS["ideal"]
    assert matrix.index.tolist()[:2] == ["A", "G"]  # largest revenue first
    assert not matrix.loc["D", "buying_12m"] and matrix.loc["A", "buying_12m"]


def test_at_risk_lists_low_commitment_with_a_contract_ending_within_the_horizon(matrix):
    rows = at_risk(matrix, horizon_months=12)
    assert rows.columns.tolist() == AT_RISK_COLUMNS
    assert rows["customer_id"].tolist() == ["G", "B", "H"]  # by revenue at stake
    assert rows["revenue_12m"].sum() == pytest.approx(1350.0)
    assert at_risk(matrix, horizon_months=6)["customer_id"].tolist() == ["B", "H"]
    assert at_risk_figures(rows, matrix) == {"at_risk_customers": 3, "at_risk_revenue_12m": 1350.0}


def test_matrix_summary_counts_and_revenue(matrix):
    summary = matrix_summary(matrix)
    assert summary.index.tolist() == ["ideal", "prisoner", "emotional tie", "risk"]
    assert summary["customers"].tolist() == [1, 2, 2, 2]
    assert summary["buying_12m"].tolist() == [1, 2, 1, 2]
    assert summary["answered"].tolist() == [1, 1, 2, 2]
    assert summary.loc["prisoner", "revenue_12m"] == 1100.0
    assert summary["revenue_share"].sum() == pytest.approx(1.0)


def test_without_contracts_or_survey_everyone_is_a_risk_and_the_list_is_empty():
    matrix = commitment_matrix(MATRIX_INVOICES, None, None, AS_OF)
    assert set(matrix["cell"]) == {"risk"}
    assert matrix["name"].tolist() == matrix.index.tolist()  # ids stand in for names
    assert at_risk(matrix).empty and at_risk(matrix).columns.tolist() == AT_RISK_COLUMNS
    words = matrix_in_words(matrix, survey_switch_on="Add survey.csv")
    assert "contract_end" in words and "Add survey.csv" in words
    assert "low commitment" not in words  # nothing measured: no share of 'low' to report
    no_survey = repurchase_by_score(MATRIX_INVOICES, None, AS_OF)
    assert "No survey answers" in repurchase_in_words(no_survey, repurchase_ratio(no_survey))
    assert math.isnan(at_risk_figures(at_risk(matrix), matrix)["at_risk_customers"])


# --- retention by cohort --------------------------------------------------------------------


def test_cohort_retention_on_a_hand_made_example():
    # 2022 cohort: A (buys 2022, 2024), B (2022, then only a credit note in 2023);
    # 2024 cohort: C (2024). No one was won in 2023, so there is no 2023 row.
    data = invoices(
        [
            ("A", "2022-02-01", 100),
            ("A", "2024-02-01", 100),
            ("B", "2022-03-01", 100),
            ("B", "2023-03-01", -20),
            ("C", "2024-05-01", 100),
        ]
    )
    as_of = pd.Timestamp("2024-12-31")
    table = cohort_retention(data, as_of)
    assert table.index.tolist() == [2022, 2024]
    assert table.columns.tolist() == [2022, 2023, 2024]
    assert table.loc[2022].tolist() == [1.0, 0.0, 0.5]
    assert np.isnan(table.loc[2024, 2022]) and table.loc[2024, 2024] == 1.0
    assert cohort_sizes(data, as_of).to_dict() == {2022: 2, 2024: 1}


# --- lifetime value and the cost of losing a customer ------------------------------------------


def test_lifetime_value_finite_sum_and_its_limit():
    # 1000 + 1000·0.8/1.1 + 1000·(0.8/1.1)² = 1000 + 727.27 + 528.93
    assert lifetime_value(1000, 0.8, 0.1, 3) == pytest.approx(2256.198, abs=1e-3)
    assert lifetime_value(1000, 0.8, 0.1, 2000) == pytest.approx(1000 * 1.1 / 0.3)
    assert lifetime_value(1000, 0.8, 0.1, 0) == 0.0
    assert lifetime_value(np.array([1000, 2000]), 0.5, 0.0, 2) == pytest.approx([1500, 3000])
    assert math.isnan(lifetime_value(1000, float("nan"), 0.1, 3))


def test_margin_uses_cost_where_known_and_a_rate_elsewhere():
    data = invoices([("A", "2025-06-01", 1000), ("A", "2025-07-01", 500), ("B", "2025-08-01", 200)])
    data["cost"] = [600.0, np.nan, np.nan]
    table = margin_12m_by_customer(data, AS_OF, margin_rate=0.3)
    assert table.loc["A", "margin_12m"] == pytest.approx(400 + 150)
    assert table.loc["B", "margin_12m"] == pytest.approx(60)
    assert table.loc["A", "margin_from_cost"] == pytest.approx(1000 / 1500)
    no_cost = margin_12m_by_customer(data.drop(columns="cost"), AS_OF, margin_rate=0.3)
    assert no_cost["margin_12m"].sum() == pytest.approx(0.3 * 1700)


def test_cost_of_losing_on_a_hand_made_company():
    # as_of 2025-12-01, no cost column, margin rate 0.5. New customers won 12–24 months
    # before as_of: N (first 2024-03-01, 1000 in its first year) → new customer margin
    # 1000 · 0.5 = 500 a year. Last 12 months: K 10 000 (margin 5000), N 1000 (500).
    # retention 0.5, d 0, 2 years: LTV = margin · 1.5.
    data = invoices(
        [
            ("K", "2023-01-01", 9000),
            ("K", "2025-06-01", 10000),
            ("N", "2024-03-01", 1000),
            ("N", "2025-04-01", 1000),
        ]
    )
    result = cost_of_losing(
        data, AS_OF, 0.5, discount_rate=0.0, years=2, margin_rate=0.5, acquisition_cost=250
    )
    new = result["new_customer"]
    assert new["margin_per_year"] == pytest.approx(500)
    assert new["lifetime_value"] == pytest.approx(750)
    assert new["net_value"] == pytest.approx(500)
    table = result["table"]
    assert table.index.tolist() == ["average customer", "K", "N"]
    assert table.loc["K", "lifetime_value"] == pytest.approx(7500)
    assert table.loc["K", "new_customers_to_replace"] == 15  # 7500 / 500
    assert table.loc["K", "acquisition_spend"] == 15 * 250
    assert table.loc["average customer", "margin_12m"] == pytest.approx(2750)
    # when a new customer costs more to win than it brings, no number replaces a lost one
    costly = cost_of_losing(data, AS_OF, 0.5, discount_rate=0.0, years=2, margin_rate=0.5,
                            acquisition_cost=1000)  # fmt: skip
    assert costly["table"]["new_customers_to_replace"].isna().all()


def test_budget_shift_and_its_break_even():
    # 10 customers of margin 1000, retention 0.5, d 0, 2 years: LTV = 1000 · (1 + r).
    # Budget 10 000 at 1000 each = 10 new customers worth 2000 → 20 000 + 15 000.
    # Moving 20 %: 8 new (16 000), retention 0.6 → 10 · 1600 = 16 000.
    kwargs = dict(acquisition_budget=10_000, acquisition_cost=1000, discount_rate=0.0, years=2)
    table = budget_shift(10, 1000, 0.5, 2000, share_moved=0.2, retention_gain=0.1, **kwargs)
    assert table.loc["as now", "total_value"] == pytest.approx(35_000)
    assert table.loc["moved", "total_value"] == pytest.approx(32_000)
    assert table.loc["moved", "new_customers"] == pytest.approx(8)
    # break even: 10 · 1000 · g = 2 · 2000 → g = 0.4
    even = break_even_retention_gain(10, 1000, 0.5, 2000, moved=2000, acquisition_cost=1000,
                                     discount_rate=0.0, years=2)  # fmt: skip
    assert even == pytest.approx(0.4, abs=1e-9)
    hopeless = break_even_retention_gain(
        10, 1000, 0.5, 2000, moved=10_000, acquisition_cost=1000, discount_rate=0.0, years=2
    )
    assert math.isnan(hopeless)


def test_sentences_and_tables_in_finnish_and_swedish():
    # notebook 05's messages live in helpers/locale/<fi|sv>/LC_MESSAGES/loyalty.po, read
    # together with workbook.po
    from helpers.analysis.loyalty import at_risk_readable, retention_in_words
    from helpers.report.formats import Formats

    assert retention_in_words(0.714, Formats("fi")).startswith("Viimeisiä 12 kuukautta")
    assert "71,4\xa0%" in retention_in_words(0.714, Formats("sv"))
    names = CUSTOMERS.set_index("customer_id")["name"]
    matrix = commitment_matrix(MATRIX_INVOICES, CUSTOMERS, MATRIX_SURVEY, AS_OF, names=names)
    table = at_risk_readable(at_risk(matrix), Formats("fi"))
    assert table.columns.tolist()[:2] == ["nimi", "ruutu"]
    assert table.iloc[0].tolist()[1:3] == ["vanki", "30.9.2026"]
