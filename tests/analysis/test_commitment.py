"""The commitment matrix and the at-risk list, pinned on a hand-made company."""

import math

import pytest

from helpers.analysis.commitment import (
    ACTIONS,
    AT_RISK_COLUMNS,
    at_risk,
    at_risk_figures,
    commitment_matrix,
    matrix_summary,
    recent_answers,
    unknown_ending,
)
from tests.analysis.notebook05_frames import AS_OF, frame, invoices, survey

# as_of 2025-12-01. Months left = days / 30.4375. An answer tells commitment for 24 months:
# answers dated after 2023-12-02 (as_of − 730 d) count.
#   A contract 2026-12-31 (395 d, 13.0 months: bound), latest answer 5      -> ideal
#   B contract 2026-03-31 (120 d, 3.9 months: too close to bind), 4, rec 7  -> risk, at risk
#   C contract 2027-06-30 (576 d, 18.9 months), satisfaction 3             -> prisoner
#   G contract 2026-09-30 (303 d, 10.0 months), never answered             -> unknown (bound)
#   K contract 2026-05-31 (181 d, 5.9 months), only a 5 from 2023-06-01    -> unknown
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
        ("K", "2025-08-01", 400),
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
        ("K", "Kallio Ky", "2026-05-31"),
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
        ("K", "2023-06-01", 5, 10),
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
        "G": "unknown",
        "D": "emotional tie",
        "E": "emotional tie",
        "H": "risk",
        "K": "unknown",
    }
    assert matrix.loc["A", "months_left"] == pytest.approx(13.0)
    assert matrix.loc["B", "months_left"] == pytest.approx(3.9)
    assert matrix.loc["E", "months_left"] == 0.0 and math.isnan(matrix.loc["D", "months_left"])
    assert matrix.loc["G", "commitment_basis"] == "no answer"
    assert matrix.loc["K", "commitment_basis"] == "old answer"
    assert matrix.loc[["G", "K"], "commitment"].tolist() == ["unknown", "unknown"]
    assert matrix.loc["G", "binding"] == "high" and matrix.loc["K", "binding"] == "low"
    assert math.isnan(matrix.loc["K", "satisfaction"])  # the old 5 tells nothing today
    assert matrix.loc["A", "action"] == ACTIONS["ideal"]
    assert matrix.index.tolist()[:2] == ["A", "G"]  # largest revenue first
    assert not matrix.loc["D", "buying_12m"] and matrix.loc["A", "buying_12m"]


def test_an_answer_counts_for_24_months():
    # as_of − 730 d = 2023-12-02: an answer on that day is older than 24 months
    answers = survey([("X", "2023-12-02", 5, 10), ("Y", "2023-12-03", 5, 10)])
    assert recent_answers(answers, AS_OF)["customer_id"].tolist() == ["Y"]
    assert recent_answers(None, AS_OF) is None


def test_at_risk_lists_low_commitment_with_a_contract_ending_within_the_horizon(matrix):
    rows = at_risk(matrix, horizon_months=12)
    assert rows.columns.tolist() == AT_RISK_COLUMNS
    assert rows["customer_id"].tolist() == ["B", "H"]  # by revenue at stake
    assert rows["revenue_12m"].sum() == pytest.approx(550.0)
    assert at_risk(matrix, horizon_months=3)["customer_id"].tolist() == ["H"]
    assert at_risk_figures(rows, matrix) == {"at_risk_customers": 2, "at_risk_revenue_12m": 550.0}


def test_unknown_commitment_is_never_at_risk_but_is_named_apart(matrix):
    assert not set(at_risk(matrix, horizon_months=120)["customer_id"]) & {"G", "K"}
    ending = unknown_ending(matrix, horizon_months=12)
    assert ending.columns.tolist() == AT_RISK_COLUMNS
    assert ending["customer_id"].tolist() == ["G", "K"]
    assert unknown_ending(matrix, horizon_months=6)["customer_id"].tolist() == ["K"]


def test_matrix_summary_counts_and_revenue(matrix):
    summary = matrix_summary(matrix)
    assert summary.index.tolist() == ["ideal", "prisoner", "emotional tie", "risk", "unknown"]
    assert summary["customers"].tolist() == [1, 1, 2, 2, 2]
    assert summary["buying_12m"].tolist() == [1, 1, 1, 2, 2]
    assert summary["answered"].tolist() == [1, 1, 2, 2, 0]
    assert summary["bound"].tolist() == [1, 1, 0, 0, 1]
    assert summary.loc["prisoner", "revenue_12m"] == 300.0
    assert summary.loc["unknown", "revenue_12m"] == 1200.0
    assert summary["revenue_share"].sum() == pytest.approx(1.0)


def test_without_a_survey_nobody_is_low_and_the_list_is_empty():
    matrix = commitment_matrix(MATRIX_INVOICES, CUSTOMERS, None, AS_OF)
    assert set(matrix["cell"]) == {"unknown"}
    assert at_risk(matrix).empty and at_risk(matrix).columns.tolist() == AT_RISK_COLUMNS
    assert math.isnan(at_risk_figures(at_risk(matrix), matrix)["at_risk_customers"])
    bare = commitment_matrix(MATRIX_INVOICES, None, None, AS_OF)
    assert set(bare["cell"]) == {"unknown"} and set(bare["binding"]) == {"low"}
    assert bare["name"].tolist() == bare.index.tolist()  # ids stand in for names
    assert math.isnan(at_risk_figures(at_risk(bare), bare)["at_risk_customers"])


def test_the_old_loyalty_module_still_gives_the_matrix_to_notebook_06():
    from helpers.analysis import loyalty

    assert loyalty.commitment_matrix is commitment_matrix
