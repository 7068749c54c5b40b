"""Notebook 02's exercises on the tiny company: each check tells a right answer from a wrong one.

tests/companies/tiny, as_of = 2025-12-01; the last 12 months are (2024-12-01, 2025-12-01]:

    customer  all years  12 months  12 months before  wallet  segment
    A         3613       1833       1780              5000    key account (top ⌈0.8⌉ = 1; 63 % left)
    B          912        252        660              1200    develop (79 % of wallet left)
    C         1028        612        416                 –    develop (growth +47 %)
    D          546        546          0              2000    develop (73 % of wallet left)

top20_revenue_share = 3613 / 6099; hours = 40 + 3 × 1 = 43 (develop: one check-up call);
nobody is dormant.
"""

from pathlib import Path

import pytest

from helpers.analysis import segmentation
from helpers.course import exercises
from helpers.course.session import start

COMPANIES = Path(__file__).parent.parent / "companies"


def questions_for(folder: str):
    wb = start("02-value-based-segmentation", COMPANIES / folder)
    table = segmentation.segments(wb.invoices, wb.as_of, wb.company.customers)
    return exercises.segmentation.questions(wb, table)


@pytest.fixture(scope="module")
def questions():
    return questions_for("tiny")


def test_five_questions_numbered_in_order(questions):
    assert [q.number for q in questions] == [1, 2, 3, 4, 5]


def test_q1_top20_revenue_share(questions):
    q1 = questions[0]
    assert q1.expected == pytest.approx(3613 / 6099)
    assert q1.is_correct(0.592) and q1.is_correct(59.2)
    assert not q1.is_correct(0.5)


def test_q2_key_accounts(questions):
    q2 = questions[1]
    assert q2.expected == 1
    assert q2.is_correct(1) and not q2.is_correct(2)


def test_q3_dormant(questions):
    q3 = questions[2]
    assert q3.expected == 0
    assert q3.is_correct(0) and not q3.is_correct(1)


def test_q4_hours(questions):
    q4 = questions[3]
    assert q4.expected == 43
    assert q4.is_correct(43) and not q4.is_correct(64)


def test_q5_is_a_thought_exercise(questions, capsys):
    q5 = questions[4]
    assert q5.is_correct("anything") is None
    q5.check("x")
    assert "for thinking" in capsys.readouterr().out
    assert "deputy" in q5.solution_text


def test_questions_work_with_only_invoices():
    # minimal: Kahvila Muru 3250.50, Parturi Sakset 670 (300 − 50 + 420); both new in 2025
    q1, q2, q3, q4, _ = questions_for("minimal")
    assert q1.expected == pytest.approx(3250.5 / 3920.5)
    assert q2.expected == 1 and q3.expected == 0
    assert q4.expected == 41  # key account 40 + develop 1 (a check-up call)
