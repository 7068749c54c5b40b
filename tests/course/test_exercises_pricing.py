"""Notebook 01's exercises: each check tells a right answer from a wrong one on the tiny
company (by hand), on the sample company and on the invoices-only company (minimal), where
a check either works or says why not.

tests/companies/tiny/invoices.csv, as_of = the last invoice date 2025-12-01, so the last
12 months are (2024-12-01, 2025-12-01]:

    A: 1000 + 780 + 970 + 960 − 97 = 3613   (window: 970 + 960 − 97 = 1833)
    B:  500 + 160 + 252           =  912   (window: 252)
    C:  416 + 612                 = 1028   (window: 612)
    D:  210 + 336                 =  546   (window: 546; first invoice 2025-05-05 → new)
    all                           = 6099   (window: 3243)
"""

import math
import shutil
from pathlib import Path

import pandas as pd
import pytest

from helpers.course import exercises
from helpers.course.exercises.base import ARGUE, COMPUTE, PREDICT
from helpers.course.exercises.pricing import (
    LESS,
    MORE,
    SAME,
    direction_lessons,
    erosion_direction,
    review_first,
)
from helpers.course.session import start

COMPANIES = Path(__file__).parent.parent / "companies"


@pytest.fixture(scope="module")
def questions():
    return exercises.pricing.questions(
        start("01-pricing-erosion-and-dependence", COMPANIES / "tiny")
    )


def test_nine_questions_in_reading_order_four_of_them_thinking(questions):
    assert [q.number for q in questions] == list(range(1, 10))
    modes = [q.mode for q in questions]
    assert [modes[i] for i in (0, 3, 5, 8)] == [PREDICT, COMPUTE, PREDICT, ARGUE]
    assert exercises.thinking_count(questions) == 4


def test_q2_erosion_per_tenure_year(questions):
    # 12 priced lines of 4 customers; least squares of ln(price / median of product-year)
    # on tenure gives a slope of −0.02817, exp(−0.02817) − 1 = −0.0278: 2.8 % less a year.
    q2 = questions[1]
    assert q2.expected == pytest.approx(-0.0278, abs=0.0005)
    assert q2.is_correct(-0.028) and q2.is_correct(-2.8)  # a percentage is read as one
    assert not q2.is_correct(0.028)  # the sign matters: a drop is negative
    assert not q2.is_correct(-0.05)


def test_q3_is_a_thought_exercise_with_a_solution(questions):
    q3 = questions[2]
    assert q3.is_correct("volume discounts") is None
    assert "volume" in q3.solution_text.lower()


def test_q5_new_customer_revenue_share(questions):
    q5 = questions[4]  # D is the only new customer: 546 / 3243 = 0.1684
    assert q5.expected == pytest.approx(546 / 3243)
    assert q5.is_correct(0.168) and q5.is_correct(16.8)
    assert not q5.is_correct(546 / 6099)  # divided by all years' revenue: 0.0895


def test_q7_largest_customer_share(questions):
    q7 = questions[6]  # A: 3613 / 6099 = 0.5924
    assert q7.expected == pytest.approx(3613 / 6099)
    assert q7.is_correct(0.592) and q7.is_correct(59.2)
    assert not q7.is_correct(1833 / 3243)  # the last-12-months share (question 8): 0.5652


def test_q8_revenue_lost_without_the_largest_customer(questions):
    q8 = questions[7]  # A in the window: 1833 / 3243 = 0.5652
    assert q8.expected == pytest.approx(1833 / 3243)
    assert q8.is_correct(0.565) and q8.is_correct(56.5)
    assert not q8.is_correct(3613 / 6099)


def test_minimal_company_without_prices_cannot_check_erosion(capsys):
    wb = start("01-pricing-erosion-and-dependence", COMPANIES / "minimal")
    _, q2, *_rest, q7, q8, _ = exercises.pricing.questions(wb)
    assert math.isnan(q2.expected) and q2.is_correct(-0.02) is None
    q2.check(-0.02)
    out = capsys.readouterr().out
    assert "can't be checked on this data" in out and "quantity" in out
    # Kahvila Muru: 1200 + 950.50 + 1100 = 3250.50 of 3920.50 = 0.829, all in one year
    assert q7.expected == pytest.approx(q8.expected) and q7.is_correct(0.829)


# --- the thinking exercises: predict, compute, predict, argue ---------------------------


@pytest.fixture(scope="module")
def sample():
    wb = start("01-pricing-erosion-and-dependence", None)
    return wb, exercises.pricing.questions(wb)


@pytest.fixture(scope="module")
def minimal():
    wb = start("01-pricing-erosion-and-dependence", COMPANIES / "minimal")
    return wb, exercises.pricing.questions(wb)


@pytest.mark.parametrize(
    "erosion, direction",
    [
        ((-0.02, -0.03, -0.01), LESS),
        ((0.02, 0.01, 0.03), MORE),
        ((-0.01, -0.03, 0.01), SAME),  # the interval spans zero: no clear change
        ((0.001, -0.002, 0.004), SAME),
        ((math.nan, math.nan, math.nan), None),
    ],
)
def test_erosion_direction_follows_the_interval(erosion, direction):
    keys = ("erosion_per_tenure_year", "erosion_ci_low", "erosion_ci_high")
    assert erosion_direction(dict(zip(keys, erosion, strict=True))) == direction


def test_q1_guess_the_direction_on_tiny(questions):
    # the erosion above, −2.8 % a year, has its interval below zero (−5.0 % to −0.5 %)
    q1 = questions[0]
    assert q1.is_correct("less") and q1.is_correct(" Pay less ") and q1.is_correct("lower")
    assert q1.is_correct("more") is False and q1.is_correct("same") is False
    assert "less" not in q1.feedback(None) and "guess_1 =" in q1.feedback(None)


def test_q1_guess_the_direction_on_the_sample(sample):
    _, (q1, *_) = sample
    right, wrong = q1.feedback("less"), q1.feedback("more")
    assert right.startswith("Question 1: ✓ right") and "2.2% less" in right
    assert "1.6% less to 2.8% less" in right  # the 95 % interval, nearer end first
    assert "✗ not this time" in wrong and "nobody decided it" in wrong


def test_q1_without_unit_prices_says_why_not(minimal):
    _, (q1, *_) = minimal
    assert q1.is_correct("less") is None
    assert "can't be checked" in q1.feedback("less") and "quantity" in q1.feedback("less")


def test_q1_lessons_for_each_direction():
    erosion = {"erosion_per_tenure_year": 0.02, "erosion_ci_low": 0.01, "erosion_ci_high": 0.03}
    shown, lessons = direction_lessons(MORE, erosion, "{:.1%}".format)
    assert shown.startswith("more: about 2.0% more") and "1.0% more to 3.0% more" in shown
    assert "Text 000's worry doesn't show" in lessons["right"]
    erosion = {"erosion_per_tenure_year": -0.01, "erosion_ci_low": -0.03, "erosion_ci_high": 0.01}
    shown, lessons = direction_lessons(SAME, erosion, "{:.1%}".format)
    assert "3.0% less to 1.0% more" in shown and "across zero" in lessons["wrong"]


def test_q4_computes_the_new_customers_on_tiny(questions):
    q4 = questions[3]  # first invoices: A, B, C in 2024, D on 2025-05-05: D only is new
    assert q4.expected == 1 and q4.is_correct(1)
    assert q4.is_correct(4) is False  # every customer who bought in the last 12 months
    assert "Got 4?" in q4.hint_text


def test_q4_computes_the_new_customers_on_the_sample(sample):
    wb, questions = sample
    q4 = questions[3]
    line = (wb.invoices.groupby("customer_id")["date"].min() > wb.window_start).sum()
    assert line == 26 and q4.expected == line and q4.is_correct(int(line))
    assert "groupby('customer_id')['date'].min() > wb.window_start" in q4.solution_text
    assert q4.is_correct(101) is False and "Got 101?" in q4.hint_text


def test_q4_with_invoices_starting_inside_the_window_says_why_not(minimal):
    _, questions = minimal
    q4 = questions[3]
    assert q4.is_correct(2) is None and q4.is_correct(0) is None
    message = q4.feedback(2)
    assert "start on 15 Jan 2025, inside the last 12 months" in message
    assert "every customer would look new" in message


def test_q6_guess_the_effective_number_on_tiny(questions):
    # shares 3613, 912, 1028, 546 of 6099: HHI = 0.3509 + 0.0224 + 0.0284 + 0.0080 = 0.4097,
    # 1 / HHI = 2.44, shown and checked as 2.4
    q6 = questions[5]
    assert q6.expected == pytest.approx(2.4)
    assert q6.is_correct(2.4) and q6.is_correct(2)  # within a quarter
    assert q6.is_correct(4) is False and "fewer shoulders" in q6.feedback(4)


def test_q6_guess_the_effective_number_on_the_sample_and_with_invoices_only(sample, minimal):
    wb, questions = sample
    q6 = questions[5]
    assert q6.expected == pytest.approx(27.7)  # 266 customers, as concentrated as 27.7
    assert q6.is_correct(30) and q6.is_correct(100) is False
    assert "72.3 lower" in q6.feedback(100) and "22.7 higher" in q6.feedback(5)
    # Kahvila Muru 0.829, Parturi Sakset 0.171: HHI 0.716, 1 / HHI = 1.4
    q6 = minimal[1][5]
    assert q6.expected == pytest.approx(1.4) and q6.is_correct(1.5) and not q6.is_correct(2)


def test_review_first_by_hand():
    review = pd.DataFrame(
        {
            "name": ["Alpha", "Beta", "Gamma", "Delta", "Eps"],
            "price_index_12m": [0.80, 0.805, 0.90, 0.95, 1.02],
            "catch_up_12m": [250.0, 100.0, 555.0, 520.0, -16.0],
        },
        index=["A", "B", "G", "D", "E"],
    )
    options, weaker = review_first(review, "€{:.0f}".format, "{:.0%}".format)
    # the most money (G, and D within 10 % of it) and the furthest below (A, and B within 0.01)
    assert sorted(options) == ["A", "B", "D", "G"]
    assert "most money at stake" in options["G"] and "€555" in options["G"]
    assert "furthest below the going price (20% below)" in options["A"]
    assert weaker == {"E": "Eps pays the going price or more: there is no gap to close"}
    one = review.loc[["A"]]  # one account: the most money and the furthest below at once
    options, _ = review_first(one, "€{:.0f}".format, "{:.0%}".format)
    assert "most money" in options["A"] and "; and the furthest below" in options["A"]
    above = review.loc[["E"]]
    assert review_first(above, "€{:.0f}".format, "{:.0%}".format) == ({}, {})


def test_q9_argue_whose_price_to_review_first_on_the_sample(sample):
    _, questions = sample
    q9 = questions[8]
    # the list: C0017 0.788 (€2,545), C0007 0.801, C0030 0.820 (€6,660), C0053, C0125
    assert set(q9.expected) == {"C0017", "C0030"}
    right = q9.feedback(("c0030", "the most money"))
    assert right.startswith("✓ Question 9: C0030 is defensible") and "€6,660" in right
    assert "the most money" in right  # the learner's reason, beside the defensible one
    assert q9.is_correct("C0017") and q9.is_correct("C0007") is False
    assert "less on both counts" in q9.feedback("C0007")
    largest = q9.feedback("C0033")  # the largest customer: tempting, not on the list
    assert "largest customer of the last 12 months" in largest and "Defensible:" in largest


def test_q9_on_tiny_after_a_lower_tenure_choice(tmp_path):
    folder = tmp_path / "tiny"
    shutil.copytree(COMPANIES / "tiny", folder)
    (folder / "answers").mkdir(exist_ok=True)
    (folder / "answers" / "choices.toml").write_text("min_tenure_years = 1.0\n", "utf-8")
    wb = start("01-pricing-erosion-and-dependence", folder)
    q9 = exercises.pricing.questions(wb)[8]
    # A: index 0.975, €70.50 at stake; B pays the going price; C pays more (−€15)
    assert set(q9.expected) == {"A"} and q9.is_correct(("A", "the only real gap"))
    assert q9.is_correct("B") is False and "no gap to close" in q9.feedback("B")


def test_q9_says_why_not_without_a_list(questions, minimal):
    q9 = questions[8]  # tiny: nobody has bought for 3 years
    assert q9.is_correct("A") is None and "3+ years" in q9.feedback("A")
    q9 = minimal[1][8]  # no unit prices at all
    assert q9.is_correct("Kahvila Muru") is None and "quantity" in q9.feedback("Kahvila Muru")


def test_unanswered_checks_print_and_never_raise(sample, minimal, capsys):
    for _, questions in (sample, minimal):
        for q in questions:
            q.check(None)
    out = capsys.readouterr().out
    assert out.count("guess before you look") == 4 and out.count("not answered yet") == 12
