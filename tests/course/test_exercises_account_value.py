"""Notebook 03's exercises: answers computed from the data, right told from wrong, on the
sample, on a company with invoices only, and on hand-made companies checked by hand.

A hand-made company with two loss-makers (``losing``, as_of 2025-12-31, hourly cost 50),
window (2024-12-31, 2025-12-31]:

    A: revenue 6000 + 4000 = 10000, cost 3000, 20 h -> profit 10000 − 3000 − 1000 = 6000;
       since 10 Jan 2024: 15000 in 721 days = 1.974 years -> 7598.7 a year
    B: 2000, cost 800, 60 h (40 unbilled)       -> 2000 − 800 − 3000 = −1800
    C: 500, cost 100, 10 h                      -> 500 − 100 − 500 = −100
    D: 800, cost 200, 4 h                       -> 800 − 200 − 200 = 400
    profit now 4500; top 20 % = ⌈0.8⌉ = 1 account: 6000 / 4500 = 133 %
    letting B and C go with their hours still paid: 4500 − their margin 1600 = 2900 (down)
"""

from pathlib import Path

import pytest

from helpers.course import exercises
from helpers.course.exercises.base import COMPUTE, PREDICT, thinking_count
from helpers.course.session import start

COMPANIES = Path(__file__).parent.parent / "companies"
NOTEBOOK = "03-account-value-and-profitability"


def questions(folder=None):
    return exercises.account_value.questions(start(NOTEBOOK, folder))


@pytest.fixture(scope="module")
def sample():
    return questions()


@pytest.fixture(scope="module")
def minimal():
    return questions(COMPANIES / "minimal")


def losing_company(folder: Path, loved: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "company.toml").write_text(
        'name = "Losing Oy"\nhourly_cost = 50.0\n', encoding="utf-8"
    )
    (folder / "invoices.csv").write_text(
        "customer_id,date,amount,cost\n"
        "A,2024-01-10,5000,2000\n"
        "A,2025-03-01,6000,2000\n"
        "A,2025-12-31,4000,1000\n"
        "B,2025-05-01,2000,800\n"
        "C,2025-06-01,500,100\n"
        "D,2025-07-01,800,200\n",
        encoding="utf-8",
    )
    (folder / "hours.csv").write_text(
        "customer_id,date,hours,billable\n"
        "A,2025-03-01,20,yes\n"
        "B,2025-05-01,20,yes\n"
        "B,2025-05-02,40,no\n"
        "C,2025-06-01,10,yes\n"
        "D,2025-07-01,4,yes\n",
        encoding="utf-8",
    )
    if loved:  # the team loves working with C
        scores = folder / "answers" / "account-values"
        scores.mkdir(parents=True)
        (scores / "aino.csv").write_text(
            "customer_id,reference,contact,emotional,learning\nC,1,1,5,1\nA,3,3,3,3\n",
            encoding="utf-8",
        )
    return folder


@pytest.fixture(scope="module")
def losing(tmp_path_factory):
    return questions(losing_company(tmp_path_factory.mktemp("losing") / "company"))


def test_five_questions_all_of_them_to_think(sample):
    assert [q.number for q in sample] == [1, 2, 3, 4, 5]
    assert thinking_count(sample) == 5
    assert [q.mode for q in sample[:4]] == [COMPUTE, PREDICT, PREDICT, PREDICT]


def test_unanswered_every_check_says_so_and_never_raises(sample, minimal):
    for q in (*sample, *minimal):
        message = q.feedback(None)
        assert "not answered yet" in message or "asks for your guess" in message


# --- question 1: compute the largest account's revenue per year as a customer -----------


def test_q1_revenue_per_year_by_hand(losing):
    q1 = losing[0]
    assert "(A)" not in q1.question and "A, your largest account" in q1.question
    assert q1.expected == pytest.approx(15000 / (721 / 365.25))
    assert q1.is_correct(7598.7) and q1.is_correct("7 600")
    assert not q1.is_correct(10000)  # the last 12 months, not the yearly average
    assert not q1.is_correct(7500)  # 15000 / 2: whole years counted


def test_q1_on_the_sample_and_on_invoices_only(sample, minimal):
    q1 = sample[0]
    assert "Rakennus Lahtinen Oy (C0033)" in q1.question and "'C0033'" in q1.hint_text
    assert q1.expected == pytest.approx(571726.68 / (1772 / 365.25))  # since 22 Feb 2021
    assert q1.is_correct(q1.expected) and not q1.is_correct(111339)  # its last 12 months
    assert "below its average" in q1.solution_text and "text 001" in q1.solution_text
    only = minimal[0]  # invoices alone are enough: Kahvila Muru, 3250.50 since 15 Jan 2025
    assert only.checkable and only.expected == pytest.approx(3250.5 / (319 / 365.25))
    assert only.is_correct(3721.8) and not only.is_correct(3250.5)
    assert "less than a year" in only.solution_text  # a projection, said so


# --- question 2: guess the top fifth's share before the whale curve ----------------------


def test_q2_guess_the_top_fifths_share_of_profit(sample, losing):
    q2 = sample[1]
    assert "make 60% of your revenue" in q2.question and "profit after cost-to-serve" in q2.question
    assert q2.expected == pytest.approx(0.766, abs=0.001)
    assert q2.is_correct(75) and q2.is_correct("80 %")  # within five points is close
    assert not q2.is_correct(60)
    assert "fewer accounts than you thought" in q2.feedback(60)  # guessed low
    assert "spread wider" in q2.feedback(95)  # guessed high
    assert "your data says 77%" in q2.feedback(77)
    mine = losing[1]  # the best account makes more than all the profit
    assert mine.expected == pytest.approx(6000 / 4500)
    assert mine.is_correct(133) and not mine.is_correct(100)


def test_q2_on_invoices_only_asks_about_revenue(minimal):
    q2 = minimal[1]
    assert q2.checkable and "share of your revenue" in q2.question
    assert q2.expected == pytest.approx(3250.5 / 3920.5)  # 1 of 2 accounts
    assert q2.is_correct(83) and not q2.is_correct(50)
    assert "Add a `cost` column" in q2.solution_text  # what would show profit


# --- question 3: does letting the loss-makers go raise profit? ----------------------------


def test_q3_letting_the_loss_makers_go_by_hand(losing):
    q3 = losing[2]
    assert "2 of your accounts lose money" in q3.question
    assert q3.is_correct("down") and q3.is_correct(" Down ") and not q3.is_correct("up")
    assert "from €4,500 to €2,900" in q3.feedback("up")
    assert "assumes the cost of their hours leaves" in q3.feedback("up")
    assert "You saw past the whale" in q3.feedback("down")


def test_q3_on_the_sample_and_why_not_on_invoices_only(sample, minimal):
    q3 = sample[2]
    assert "6 of your accounts" in q3.question
    assert q3.is_correct("down") and not q3.is_correct("up")
    assert "from €242,863 to €196,469" in q3.feedback("down")
    only = minimal[2]
    assert not only.checkable and "0 of your accounts" not in only.question
    message = only.feedback("down")
    assert "can't be checked" in message and "Add hours.csv" in message
    assert "the wages and the rent behind its hours stay" in message  # the lesson anyway


# --- question 4: guess how many scored accounts the weights move (needs the scores) ------


def test_q4_guess_the_rank_moves_and_why_not_without_scores(sample, minimal, tmp_path):
    q4 = sample[3]
    assert "your team has scored 15 accounts" in q4.question
    assert q4.expected == 14 and q4.is_correct(14) and q4.is_correct(13)  # within one
    assert not q4.is_correct(5) and not q4.is_correct(16)
    assert "rests on the weights more than you thought" in q4.feedback(5)  # guessed low
    assert "your data says 14 of 15" in q4.feedback(14)
    only = minimal[3]
    assert not only.checkable and only.is_correct(3) is None
    message = only.feedback(3)
    assert "can't be checked" in message and "Nobody on your team has scored" in message
    # by hand: A is scored far above C, so no weight swaps them -> 0 of 2 move
    loved = questions(losing_company(tmp_path / "company", loved=True))[3]
    assert loved.expected == 0 and loved.is_correct(0) and not loved.is_correct(2)
    assert "steadier than you thought" in loved.feedback(2)


# --- question 5: whom to talk to first, and what to change --------------------------------


def test_q5_the_largest_loss_is_defensible_a_smaller_one_weaker(losing):
    q5 = losing[4]
    assert set(q5.expected) == {"B"}
    right = q5.feedback(("B", "it loses the most"))
    assert right.startswith("✓ Question 5: B is defensible: it loses €1,800 a year")
    assert "bill the changes and meetings (40 h unbilled)" in right
    assert 'Your reason: "it loses the most"' in right
    wrong = q5.feedback("C")
    assert wrong.startswith("✗ Question 5: C is harder to defend: it loses €100")
    assert "it makes money" in q5.feedback("A")


def test_q5_a_loved_loss_maker_is_defensible_too(tmp_path):
    q5 = questions(losing_company(tmp_path / "company", loved=True))[4]
    assert set(q5.expected) == {"B", "C"}
    assert "the team loves working with it" in q5.feedback("C")


def test_q5_on_the_sample_and_why_not_on_invoices_only(sample, minimal):
    q5 = sample[4]
    # C0030 loses most (€21,278, all four signs); the team loves C0125, which loses €3,144
    assert set(q5.expected) == {"C0030", "C0125"}
    assert q5.is_correct(("c0030", "biggest leak")) and q5.is_correct("C0125")
    assert not q5.is_correct("C0017") and not q5.is_correct("C0033")
    assert "suggest a competitor that fits it better" in q5.feedback("C0030")
    assert "less than half of the largest loss" in q5.feedback("C0017")
    only = minimal[4]
    assert not only.checkable
    message = only.feedback(("Kahvila Muru", "big"))
    assert "can't be checked" in message and "no account can be seen losing money" in message


def test_q3_and_q5_when_nobody_loses_money():
    q3, q5 = [questions(COMPANIES / "tiny")[i] for i in (2, 4)]
    assert "nobody to let go" in q3.feedback("down")
    assert "nobody to talk to about a loss" in q5.feedback("A")
