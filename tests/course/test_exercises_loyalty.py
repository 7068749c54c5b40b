"""Notebook 05's exercises on the tiny company and on invoices alone.

tests/companies/tiny, as_of = 2025-12-01:

* survey: A 5, B 4, C 5, D 3 → top-2 box 3 / 4 = 0.75; A, C (5) and B (4) bought again
  within their year (D's year is not over) → very satisfied rate 1.0;
* only A has a contract (2026-06-30, 6.9 months left: bound) and answered 5 → ideal, so
  nobody is at risk;
* retention 3 / 3 = 1. A's margin in the last 12 months is 650 + 700 − 97 = 1253, worth
  1253 · Σ 1.08^−t (t = 0…4) = 1253 · 4.31213 = 5403.1 over five years. New customers won
  12–24 months ago (A, B, C) brought (1780 + 660 + 416) / 3 = 952 in their first year, at
  the company's margin rate 2273 / 3243 = 0.7009: 667.2 a year, 2877.3 over five years,
  877.3 after an acquisition cost of 2000 → ⌈5403.1 / 877.3⌉ = 7 new customers.
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


def test_q4_new_customers_to_replace_the_largest_account(questions):
    q4 = questions[3]
    assert q4.expected == 7
    assert q4.is_correct(7) and not q4.is_correct(6) and not q4.is_correct(8)


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
