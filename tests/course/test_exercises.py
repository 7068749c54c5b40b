import math

import pytest

from helpers.course import exercises
from helpers.course.exercises.base import CHOICE, SHARE, THOUGHT, Exercise
from helpers.course.session import start


def test_number_right_wrong_and_unanswered():
    q = Exercise(1, "How many?", 120, tolerance=0.01)
    assert q.is_correct(120) is True
    assert q.is_correct(121) is True  # within 1 %
    assert q.is_correct(125) is False
    assert q.is_correct(None) is None
    assert q.is_correct("120") is False
    assert q.is_correct(True) is False


def test_share_accepts_a_percentage():
    q = Exercise(2, "Share?", 0.25, kind=SHARE, absolute=0.005)
    assert q.is_correct(0.25) and q.is_correct(25) and q.is_correct(0.254)
    assert not q.is_correct(0.3) and not q.is_correct(30)


def test_choice_is_case_and_space_insensitive():
    q = Exercise(3, "Who?", {"C0001", "Aalto Oy"}, kind=CHOICE)
    assert q.is_correct(" aalto  oy") and q.is_correct("c0001")
    assert not q.is_correct("C0002")


def test_check_never_raises_and_speaks_to_the_learner(capsys):
    q = Exercise(4, "How many?", 10, hint="Count them.", solution="10 lines.")
    q.check(None)
    q.check("ten")
    q.check(10)
    q.check(11)
    q.hint()
    q.solution()
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Question 4 is not answered yet")
    assert "should be a number" in out[1]
    assert out[2] == "✓ Question 4: correct."
    assert out[3].startswith("✗ Question 4: not quite") and "q4.hint()" in out[3]
    assert out[4] == "Hint for question 4: Count them."
    assert out[5] == "Solution to question 4: 10 lines."


def test_unanswerable_on_this_data_says_so(capsys):
    q = Exercise(5, "Erosion?", math.nan, solution="Needs unit prices.")
    assert q.is_correct(0.1) is None
    q.check(0.1)
    assert "can't be checked on this data" in capsys.readouterr().out


def test_thought_exercise_has_a_solution_but_no_check():
    q = Exercise(6, "Why?", None, kind=THOUGHT, solution="Because.")
    assert q.is_correct("anything") is None
    assert "for thinking" in q.feedback("anything")


@pytest.mark.parametrize("folder", ["tiny", "minimal"])
def test_start_here_expected_answers_come_from_the_data(companies, folder):
    wb = start("00-start-here", companies / folder)
    q1, q2, _ = exercises.start_here.questions(wb)
    lines = len(wb.invoices)
    assert q1.is_correct(lines) and not q1.is_correct(lines + 1)
    best = {"tiny": 2025, "minimal": 2025}[folder]
    assert q2.is_correct(best) and q2.is_correct(str(best)) and not q2.is_correct(best - 1)


def test_start_here_on_tiny_by_hand(companies):
    wb = start("00-start-here", companies / "tiny", as_of="2024-12-31")
    q1, q2, _ = exercises.start_here.questions(wb)
    assert q1.is_correct(5)  # five lines dated in 2024
    assert q2.is_correct(2024)
