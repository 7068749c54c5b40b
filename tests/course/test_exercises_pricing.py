"""Notebook 01's exercises on the tiny company: each check tells a right answer from a wrong one.

tests/companies/tiny/invoices.csv, as_of = the last invoice date 2025-12-01, so the last
12 months are (2024-12-01, 2025-12-01]:

    A: 1000 + 780 + 970 + 960 − 97 = 3613   (window: 970 + 960 − 97 = 1833)
    B:  500 + 160 + 252           =  912   (window: 252)
    C:  416 + 612                 = 1028   (window: 612)
    D:  210 + 336                 =  546   (window: 546; first invoice 2025-05-05 → new)
    all                           = 6099   (window: 3243)
"""

import math
from pathlib import Path

import pytest

from helpers.course import exercises
from helpers.course.session import start

COMPANIES = Path(__file__).parent.parent / "companies"


@pytest.fixture(scope="module")
def questions():
    return exercises.pricing.questions(
        start("01-pricing-erosion-and-dependence", COMPANIES / "tiny")
    )


def test_five_questions_numbered_in_order(questions):
    assert [q.number for q in questions] == [1, 2, 3, 4, 5]


def test_q1_erosion_per_tenure_year(questions):
    # 12 priced lines of 4 customers; least squares of ln(price / median of product-year)
    # on tenure gives a slope of −0.02817, exp(−0.02817) − 1 = −0.0278: 2.8 % less a year.
    q1 = questions[0]
    assert q1.expected == pytest.approx(-0.0278, abs=0.0005)
    assert q1.is_correct(-0.028) and q1.is_correct(-2.8)  # a percentage is read as one
    assert not q1.is_correct(0.028)  # the sign matters: a drop is negative
    assert not q1.is_correct(-0.05)


def test_q2_is_a_thought_exercise_with_a_solution(questions):
    q2 = questions[1]
    assert q2.is_correct("volume discounts") is None
    assert "volume" in q2.solution_text.lower()


def test_q3_new_customer_revenue_share(questions):
    q3 = questions[2]  # D is the only new customer: 546 / 3243 = 0.1684
    assert q3.expected == pytest.approx(546 / 3243)
    assert q3.is_correct(0.168) and q3.is_correct(16.8)
    assert not q3.is_correct(546 / 6099)  # divided by all years' revenue: 0.0895


def test_q4_largest_customer_share(questions):
    q4 = questions[3]  # A: 3613 / 6099 = 0.5924
    assert q4.expected == pytest.approx(3613 / 6099)
    assert q4.is_correct(0.592) and q4.is_correct(59.2)
    assert not q4.is_correct(1833 / 3243)  # the last-12-months share (question 5): 0.5652


def test_q5_revenue_lost_without_the_largest_customer(questions):
    q5 = questions[4]  # A in the window: 1833 / 3243 = 0.5652
    assert q5.expected == pytest.approx(1833 / 3243)
    assert q5.is_correct(0.565) and q5.is_correct(56.5)
    assert not q5.is_correct(3613 / 6099)


def test_minimal_company_without_prices_cannot_check_erosion(capsys):
    wb = start("01-pricing-erosion-and-dependence", COMPANIES / "minimal")
    q1, *_rest, q4, q5 = exercises.pricing.questions(wb)
    assert math.isnan(q1.expected) and q1.is_correct(-0.02) is None
    q1.check(-0.02)
    out = capsys.readouterr().out
    assert "can't be checked on this data" in out and "quantity" in out
    # Kahvila Muru: 1200 + 950.50 + 1100 = 3250.50 of 3920.50 = 0.829, all in one year
    assert q4.expected == pytest.approx(q5.expected) and q4.is_correct(0.829)
