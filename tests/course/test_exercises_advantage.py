"""Notebook 04's exercises check against the saved answers, and say so when there are none.

On a copy of the tiny company with two members' hand-written answers:

    education: today 5, 3 -> 4;  competitor 2, 2 -> 2;  lead 2;  importance 4, 2 -> 3
    efficiency: today 4, 4 -> 4; competitor 3, 4 -> 3.5; lead 0.5; importance 5, 5 -> 5
    epic: today 1, 2 -> 1.5;     competitor 4, 4 -> 4;  lead -2.5
    spreads: education 2 (today and importance), efficiency 1, epic 1
"""

import shutil
from pathlib import Path

import pytest

from helpers.course import exercises
from helpers.course.session import start

COMPANIES = Path(__file__).parent.parent / "companies"
AINO = """area,today,competitor,importance,evidence
education,5,2,4,evenings
efficiency,4,3,5,
epic,1,4,3,
"""
JUSSI = """area,today,competitor,importance,evidence
education,3,2,2,
efficiency,4,4,5,
epic,2,4,3,
"""


@pytest.fixture
def team_company(tmp_path):
    folder = Path(shutil.copytree(COMPANIES / "tiny", tmp_path / "tiny"))
    (folder / "answers" / "9e").mkdir(parents=True)
    (folder / "answers" / "9e" / "aino.csv").write_text(AINO, encoding="utf-8")
    (folder / "answers" / "9e" / "jussi.csv").write_text(JUSSI, encoding="utf-8")
    return folder


def questions_for(folder):
    return exercises.advantage.questions(start("04-competitive-advantage-9e", folder))


def test_checks_tell_right_from_wrong_on_the_saved_answers(team_company):
    q1, q2, q3, q4, q5 = questions_for(team_company)
    assert [q.number for q in (q1, q2, q3, q4, q5)] == [1, 2, 3, 4, 5]
    assert q1.is_correct("Education") and q1.is_correct("education ")
    assert not q1.is_correct("Efficiency")
    assert q2.is_correct("Efficiency") and not q2.is_correct("Education")
    assert q3.is_correct(2) and not q3.is_correct(3)  # education and efficiency lead
    assert q4.is_correct("Education") and not q4.is_correct("Epic")
    assert q5.is_correct("anything") is None


def test_ties_accept_every_tied_answer(team_company):
    (team_company / "answers" / "9e" / "jussi.csv").unlink()
    q1, q2, *_ = questions_for(team_company)
    # Aino alone: leads education 3, efficiency 1; importance efficiency 5
    assert q1.is_correct("Education") and q2.is_correct("Efficiency")


def test_without_answers_nothing_can_be_checked_and_the_solution_says_why(capsys):
    q1, q2, q3, q4, q5 = questions_for(COMPANIES / "tiny")
    for q in (q1, q2, q3, q4):
        assert q.is_correct("Education") is None or q.is_correct(2) is None
        q.check("Education" if q is not q3 else 2)
        assert "can't be checked on this data" in capsys.readouterr().out
    q1.check()
    assert "not answered yet" in capsys.readouterr().out


def test_one_member_has_no_disagreement_to_find(team_company):
    (team_company / "answers" / "9e" / "jussi.csv").unlink()
    q4 = questions_for(team_company)[3]
    q4.check("Education")
    assert q4.is_correct("Education") is None
