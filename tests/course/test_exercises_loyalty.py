"""Notebook 05's exercises on the tiny company and on invoices alone.

tests/companies/tiny, as_of = 2025-12-01:

* survey: A 5, B 4, C 5, D 3 → top-2 box 3 / 4 = 0.75; A, C (5) and B (4) bought again
  within their year (D's year is not over) → very satisfied rate 1.0;
* only A has a contract (2026-06-30, 6.9 months left: bound) and answered 5 → ideal, so
  nobody is at risk;
* the invoices start on 2024-01-15, inside the 12 months before the last 12 (from
  2023-12-02): retention can't be measured, nor can a new customer's second year, so the
  number of new customers that replace the largest account can't be checked. On the sample
  company (five years of invoices) it can: q4 equals what cost_of_losing gives.
"""

from pathlib import Path

import pytest

from helpers.course.exercises import loyalty
from helpers.course.session import start

COMPANIES = Path(__file__).parent.parent / "companies"


@pytest.fixture(scope="module")
def questions():
    return loyalty.questions(start("05-commitment-and-loyalty", COMPANIES / "tiny"))


def test_five_questions_numbered_in_order(questions):
    assert [q.number for q in questions] == [1, 2, 3, 4, 5]


def test_q1_top2_box_share(questions):
    q1 = questions[0]
    assert q1.expected == pytest.approx(0.75)
    assert q1.is_correct(0.75) and q1.is_correct(75)
    assert not q1.is_correct(0.5)


def test_q2_repurchase_rate_of_the_very_satisfied(questions):
    q2 = questions[1]
    assert q2.expected == pytest.approx(1.0)
    assert q2.is_correct(1.0) and not q2.is_correct(0.9)


def test_q3_at_risk_count(questions):
    q3 = questions[2]
    assert q3.expected == 0
    assert q3.is_correct(0) and not q3.is_correct(1)


def test_q4_cant_be_checked_when_the_invoices_are_short(questions):
    q4 = questions[3]
    assert q4.is_correct(7) is None
    assert "can't be checked" in q4.feedback(7)
    assert "customers who first bought at least two years ago" in q4.solution_text


def test_q4_on_the_sample_company_follows_the_notebook_s_lifetime_values():
    import math

    from helpers.analysis import freshness, lifetime_value

    wb = start("05-commitment-and-loyalty", None)
    q4 = loyalty.questions(wb)[3]
    retention = freshness.retention_12m(wb.invoices, wb.as_of)
    cost = lifetime_value.cost_of_losing(
        wb.invoices,
        wb.as_of,
        retention,
        acquisition_cost=800,
        hours=wb.company.hours,
        hourly_cost=wb.company.settings["hourly_cost"],
    )
    assert cost["basis"] == "profit"
    largest, new = cost["table"].iloc[1], cost["new_customer"]
    count = math.ceil(largest["lifetime_value"] / (new["lifetime_value"] - 800))
    assert q4.expected == count > 1
    assert q4.is_correct(count) and q4.is_correct(str(count)) and not q4.is_correct(count + 1)


def test_q5_is_a_thought_exercise(questions):
    q5 = questions[4]
    assert q5.is_correct("talk to them") is None
    assert "design phase" in q5.solution_text


def test_on_invoices_alone_the_survey_questions_say_they_cannot_be_checked():
    q1, q2, q3, q4, _ = loyalty.questions(start("05-commitment-and-loyalty", COMPANIES / "minimal"))
    assert "can't be checked" in q1.feedback(0.5)
    assert "can't be checked" in q2.feedback(0.5)
    assert "can't be checked" in q3.feedback(0)  # no contract dates: no list to count
    assert "can't be checked" in q4.feedback(3)
