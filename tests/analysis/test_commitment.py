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
)
from tests.analysis.notebook05_frames import AS_OF, frame, invoices, survey

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
    assert math.isnan(at_risk_figures(at_risk(matrix), matrix)["at_risk_customers"])


def test_the_old_loyalty_module_still_gives_the_matrix_to_notebook_06():
    from helpers.analysis import loyalty

    assert loyalty.commitment_matrix is commitment_matrix
