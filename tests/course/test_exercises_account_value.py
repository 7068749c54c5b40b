"""Notebook 03's exercises: answers computed from the data, right told from wrong.

tests/companies/tiny, as_of 2025-12-01, window (2024-12-01, 2025-12-01], hourly cost 40:

    A: revenue 970 + 960 − 97 = 1833, cost 320 + 260 + 0 = 580, margin 1253, 12 h
       -> hours cost 480, profit 773; margin per hour 1253 / 12 = 104.42
    B: 252 − 60 = 192 margin, no hours in the window -> profit 192
    C: 612 − 180 = 432, no hours in the window -> profit 432
    D: 546 − 150 = 396, 4 h -> profit 236
    no account loses money; top 20 % = ⌈0.8⌉ = 1 account: 773 / 1633 = 0.4734
"""

from pathlib import Path

import pytest

from helpers.course import exercises
from helpers.course.session import start

COMPANIES = Path(__file__).parent.parent / "companies"


@pytest.fixture(scope="module")
def tiny():
    return exercises.account_value.questions(
        start("03-account-value-and-profitability", COMPANIES / "tiny")
    )


def test_five_questions_numbered_in_order(tiny):
    assert [q.number for q in tiny] == [1, 2, 3, 4, 5]


def test_q1_margin_per_hour_of_the_largest_account(tiny):
    q1 = tiny[0]
    assert q1.expected == pytest.approx(1253 / 12)
    assert q1.is_correct(104.4) and not q1.is_correct(152.75)  # revenue per hour is wrong


def test_q2_and_q3_losing_share_and_top20(tiny):
    q2, q3 = tiny[1], tiny[2]
    assert q2.expected == 0 and q2.is_correct(0) and not q2.is_correct(25)
    assert not q2.is_correct("25 %") and not q2.is_correct(1)  # 1 %, or one account
    assert q3.expected == pytest.approx(773 / 1633)
    assert q3.is_correct(47.3) and not q3.is_correct(0.6)


def test_q4_without_scores_says_it_cant_be_checked_and_q5_is_a_thought(tiny):
    q4, q5 = tiny[3], tiny[4]
    assert q4.is_correct(3) is None
    assert "can't be checked" in q4.feedback(3) and "no scores yet" in q4.solution_text
    assert q5.is_correct("anything") is None and "warmth" in q5.solution_text


def test_on_invoices_only_every_check_says_what_to_add():
    questions = exercises.account_value.questions(
        start("03-account-value-and-profitability", COMPANIES / "minimal")
    )
    for q in questions[:3]:
        message = q.feedback(0.5)
        assert "can't be checked" in message and ("hours.csv" in message or "cost" in message)


def test_on_the_sample_the_answers_come_from_the_data():
    q1, q2, q3, q4, _ = exercises.account_value.questions(
        start("03-account-value-and-profitability")
    )
    assert q2.expected == pytest.approx(6 / 101)  # the six planted demanding accounts
    assert 0.6 < q3.expected < 0.9
    assert q4.expected >= 1 and q4.expected == int(q4.expected)
    assert q1.expected > 48  # the largest account earns more than an hour costs
