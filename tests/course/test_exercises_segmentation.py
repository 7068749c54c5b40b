"""Notebook 02's exercises: every one with a right and a wrong answer, on the sample company,
on a company with invoices only (tests/companies/minimal) and, by hand, on the tiny company.

tests/companies/tiny, as_of = 2025-12-01; the last 12 months are (2024-12-01, 2025-12-01]:

    customer  all years  12 months  12 months before  wallet  first invoice  segment
    A         3613       1833       1780              5000    2024-01-15     key account
    B          912        252        660              1200    2024-02-10     serve
    C         1028        612        416                 –    2024-09-20     serve
    D          546        546          0              2000    2025-05-05     serve

Four bought, so the valuable fifth is ⌈0.2 · 4⌉ = 1 customer, A (the upper half of a
fifth of one; 1 − 1833/5000 = 63 % of its wallet left: a key account); B, C, D are the
many whatever their potential. top20_revenue_share = 3613 / 6099; hours = 40 + 3 × 1 = 43;
nobody is dormant. Years as a customer: A 686 days; the many B 660, C 437, D 210 days, median
437: the fifth has been with the firm longer.
"""

from pathlib import Path

import pytest

from helpers.analysis import segmentation
from helpers.course import exercises
from helpers.course.exercises.base import ARGUE, COMPUTE, PREDICT, THOUGHT, thinking_count
from helpers.course.session import start

COMPANIES = Path(__file__).parent.parent / "companies"
NOTEBOOK = "02-value-based-segmentation"


def session_and_table(folder):
    wb = start(NOTEBOOK, folder)
    table = segmentation.segments(
        wb.invoices, wb.as_of, wb.company.customers, **wb.choices.segment_options()
    )
    return wb, table


def questions_for(folder):
    wb, table = session_and_table(folder)
    return exercises.segmentation.questions(wb, table)


@pytest.fixture(scope="module")
def tiny():
    return questions_for(COMPANIES / "tiny")


def test_eight_questions_in_order_four_of_them_thinking(tiny):
    assert [q.number for q in tiny] == list(range(1, 9))
    assert [q.mode for q in tiny if q.thinking] == [PREDICT, COMPUTE, PREDICT, ARGUE]
    assert thinking_count(tiny) == 4
    assert tiny[7].kind == THOUGHT


def test_on_the_tiny_company_by_hand(tiny):
    q1, q2, q3, q4, q5, q6, q7, _ = tiny
    assert q1.expected == pytest.approx(3613 / 6099)
    assert q1.is_correct(59) and q1.is_correct(0.6) and not q1.is_correct(80)
    assert q1.shown not in q1.feedback(None)  # the figure stays hidden until the guess
    assert "lower" in q1.feedback(80) and "higher" in q1.feedback(30)
    assert q2.expected == 1 and q2.is_correct(1) and not q2.is_correct(4)
    assert q3.expected == 1 and q4.expected == 0
    assert q5.is_correct("fifth") and q5.is_correct("The valuable fifth")
    assert not q5.is_correct("many")
    assert q6.expected == 43 and not q6.is_correct(64)
    assert q7.is_correct(("A", "the only key account")) and not q7.is_correct("B")
    assert "not in your valuable fifth" in q7.feedback("B")


@pytest.mark.parametrize("folder", [None, COMPANIES / "minimal"], ids=["sample", "minimal"])
def test_each_check_tells_right_from_wrong_also_with_invoices_only(folder):
    wb, table = session_and_table(folder)
    q1, q2, q3, q4, q5, q6, q7, q8 = exercises.segmentation.questions(wb, table)
    # with invoices only every check still works: nothing here needs customers.csv or hours
    assert all(q.checkable for q in (q1, q2, q3, q4, q5, q6, q7))
    assert all(q.why_not == "" for q in (q1, q2, q3, q4, q5, q6, q7))

    top20 = q1.expected
    assert q1.is_correct(round(100 * top20)) and not q1.is_correct(round(100 * top20) - 20)

    recent = wb.invoices[wb.invoices["date"] > wb.window_start]
    buyers = recent.loc[recent["amount"] > 0, "customer_id"].nunique()  # the learner's line
    right = segmentation.top_count(wb.choices.key_share, buyers)
    assert q2.is_correct(right)
    everyone = segmentation.top_count(wb.choices.key_share, wb.invoices["customer_id"].nunique())
    if everyone != right:
        assert not q2.is_correct(everyone)  # a fifth of every customer, not of the buyers
    assert not q2.is_correct(right + 1)

    keys = int((table["segment"] == "key account").sum())
    assert q3.is_correct(keys) and not q3.is_correct(keys + 1)
    dormant = int((table["segment"] == "dormant").sum())
    assert q4.is_correct(dormant) and not q4.is_correct(dormant + 1)

    facts = segmentation.relationship_length(table)
    right, wrong = ("fifth", "many") if facts["longer"] == "fifth" else ("many", "fifth")
    assert q5.is_correct(right) and not q5.is_correct(wrong)
    assert q5.feedback(right).startswith("Question 5: ✓ right")

    hours = float(table["hours_per_year"].sum())
    assert q6.is_correct(hours) and not q6.is_correct(hours * 1.5)

    defensible = next(iter(q7.expected))
    assert q7.is_correct((defensible, "because")) and "✓" in q7.feedback(defensible)
    many = table.index[table["value_level"] == "low"][0]
    assert not q7.is_correct(many) and "not in your valuable fifth" in q7.feedback(many)
    assert q8.is_correct("anything") is None and "deputy" in q8.solution_text


def test_the_sample_defends_the_next_meeting_with_the_plan(capsys):
    wb, table = session_and_table(None)
    q7 = exercises.segmentation.questions(wb, table)[6]
    # the fifth's customers with a vision in the plan (the team's C0033, the key account
    # C0171) and those whose contract ends while commitment is low (C0102, C0201)
    assert set(q7.expected) == {"C0033", "C0171", "C0102", "C0201"}
    # the other key account is difficult and losing money: the plan lets it go
    assert not q7.is_correct("C0053") and "lets it go politely" in q7.feedback("C0053")
    assert "little room to grow" in q7.feedback("C0135")  # keep: defend, not grow
    assert "lower value within the fifth" in q7.feedback("C0207")  # develop
    for cid in q7.expected:
        assert wb.plan.loc[cid, "next_step"] in ("write_vision", "rescue")
    q7.check(None)
    assert "not answered yet" in capsys.readouterr().out


def test_unanswered_checks_never_raise_and_say_so(capsys):
    for q in questions_for(COMPANIES / "minimal"):
        q.check(None)
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Question 1 asks for your guess before you look")
    assert sum("not answered yet" in line for line in out) == 5  # 2, 3, 4, 6, 7
    assert out[4].startswith("Question 5 asks for your guess")
    assert "for thinking" in out[-1]


def test_where_there_is_nothing_to_compare_the_checks_say_why(tmp_path):
    # one customer who bought: it is the whole fifth, so there are no "many" to compare with
    (tmp_path / "invoices.csv").write_text(
        "customer_id,date,amount\nSolo Oy,2025-03-01,100\nSolo Oy,2025-06-01,50\n",
        encoding="utf-8",
    )
    wb, table = session_and_table(tmp_path)
    q1, q2, *_, q5, _q6, q7, _ = exercises.segmentation.questions(wb, table)
    assert q2.is_correct(1) and not q2.is_correct(0)
    assert not q5.checkable and "no second group to compare with" in q5.feedback("fifth")
    assert q7.is_correct("Solo Oy")  # the only key account, with a vision in the plan
