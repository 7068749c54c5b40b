"""Notebook 00's exercises: a right and a wrong answer on the sample company and on the
invoices-only company (tests/companies/minimal), and by hand on the tiny company.

tests/companies/minimal/invoices.csv, as_of = the last invoice date 2025-11-30:
Kahvila Muru 1200 + 950.50 + 1100 = 3250.50, Parturi Sakset 300 − 50 + 420 = 670; both
bought in the last 12 months (2024-11-30, 2025-11-30].
"""

from pathlib import Path

import pytest

from helpers.analysis.concentration import concentration_figures
from helpers.course import exercises
from helpers.course.exercises.base import COMPUTE, PREDICT
from helpers.course.session import start

COMPANIES = Path(__file__).parent.parent / "companies"


@pytest.fixture(scope="module")
def sample():
    wb = start("00-start-here", None)
    return wb, exercises.start_here.questions(wb)


@pytest.fixture(scope="module")
def minimal():
    wb = start("00-start-here", COMPANIES / "minimal")
    return wb, exercises.start_here.questions(wb)


def test_five_questions_in_reading_order_two_of_them_thinking(sample):
    _, questions = sample
    assert [q.number for q in questions] == [1, 2, 3, 4, 5]
    assert [q.mode for q in questions[:2]] == [PREDICT, COMPUTE]
    assert exercises.thinking_count(questions) == 2


def test_q1_guess_of_the_top_five_share_on_the_sample(sample):
    wb, (q1, *_) = sample
    top5 = concentration_figures(wb.invoices, wb.as_of)["top5_share"]
    assert q1.expected == pytest.approx(top5) and 0.3 < top5 < 0.4  # 36.4 %
    # before the guess, nothing of the figure shows
    assert "36" not in q1.feedback(None) and "guess_1 =" in q1.feedback(None)
    assert q1.is_correct(36) and q1.is_correct("0,36")  # within 5 points
    assert q1.is_correct(15) is False
    low = q1.feedback(15)  # the guess below the figure: more rests on a few than it feels
    assert "your data says 36.4%" in low and "points higher" in low and "handful" in low
    high = q1.feedback(70)
    assert "points lower" in high and "spread wider" in high


def test_q1_on_a_company_of_five_customers_or_fewer_says_why_not(minimal):
    _, (q1, *_) = minimal
    assert q1.is_correct(100) is None and q1.is_correct(50) is None
    message = q1.feedback(50)
    assert "can't be checked on this data" in message
    assert "only 2 customers" in message and "100 % by definition" in message
    assert "guess_1 =" in q1.feedback(None)  # unanswered still says so, and never raises


def test_q2_computes_the_customers_of_the_last_12_months_on_the_sample(sample):
    wb, (_, q2, *_) = sample
    assert q2.expected == 101 and q2.mode == COMPUTE  # printed only below it, in the overview
    # the line the solution gives computes exactly what the check expects
    line = wb.invoices[wb.invoices["date"] > wb.window_start]["customer_id"].nunique()
    assert line == 101 and "['customer_id'].nunique()" in q2.solution_text
    assert q2.is_correct(line) and q2.is_correct("101")
    everyone = wb.invoices["customer_id"].nunique()  # the common slip: every customer ever
    assert everyone == 266 and q2.is_correct(everyone) is False
    assert "Got 266?" in q2.hint_text and "165 bought nothing" in q2.solution_text


def test_q2_works_with_invoices_only(minimal):
    _, (_, q2, *_) = minimal
    assert q2.checkable and q2.is_correct(2) and q2.is_correct(1) is False
    assert "Got" not in q2.hint_text  # every customer bought in the window: no slip to name
    assert "Every customer in the books bought" in q2.solution_text


@pytest.mark.parametrize("folder", ["tiny", "minimal"])
def test_the_look_ups_come_from_the_data(folder):
    wb = start("00-start-here", COMPANIES / folder)
    _, _, q3, q4, _ = exercises.start_here.questions(wb)
    lines = len(wb.invoices)
    assert q3.is_correct(lines) and not q3.is_correct(lines + 1)
    assert q4.is_correct(2025) and q4.is_correct("2025") and not q4.is_correct(2024)


def test_the_look_ups_on_tiny_by_hand():
    wb = start("00-start-here", COMPANIES / "tiny", as_of="2024-12-31")
    q1, q2, q3, q4, q5 = exercises.start_here.questions(wb)
    assert q3.is_correct(5)  # five lines dated in 2024
    assert q4.is_correct(2024)
    assert q2.is_correct(3) and not q2.is_correct(2)  # A, B and C bought in 2024
    assert q1.is_correct(100) is None  # three customers: the top five are all of them
    assert q5.is_correct("anything") is None


def test_unanswered_checks_print_and_never_raise(sample, minimal, capsys):
    for _, questions in (sample, minimal):
        for q in questions:
            q.check(None)
    out = capsys.readouterr().out
    assert out.count("guess before you look") == 2 and out.count("not answered yet") == 6
