"""Notebook 07's exercises: a right and a wrong answer on the sample and with invoices only."""

from pathlib import Path

import pytest

from helpers.course import exercises
from helpers.course.session import start

COMPANIES = Path(__file__).parent.parent / "companies"


@pytest.mark.parametrize("folder", [None, COMPANIES / "minimal"])
def test_each_check_tells_right_from_wrong(folder):
    wb = start("07-your-plan-for-the-year", folder)
    q1, q2, q3 = exercises.plan.questions(wb)
    who = exercises.plan.contested(wb.plan)
    step = wb.plan.loc[who, "next_step"]
    assert q1.is_correct(step) and q1.is_correct(f"  {step.upper()} ")
    other = "marketing" if step != "marketing" else "let_go"
    assert q1.is_correct(other) is False
    calls = wb.plan.loc[wb.plan["next_step"].isin(["check_up_call", "win_back"])]
    busiest = calls.groupby("month").size().max() if len(calls) else None
    if busiest is not None:
        assert q2.is_correct(int(busiest)) and not q2.is_correct(int(busiest) + 1)
        assert busiest <= wb.choices.calls_per_month
    assert q3.is_correct("anything") is None and "texts 000 and 004" in q3.question


def test_the_sample_asks_about_the_customer_where_the_notebooks_pull_apart():
    wb = start("07-your-plan-for-the-year", None)
    q1, _, _ = exercises.plan.questions(wb)
    # key account, team's vision, at risk, price review, yet difficult (3 signs) and loss-making
    assert "(C0053)" in q1.question
    assert q1.is_correct("let_go") and q1.is_correct("let go")
    assert not q1.is_correct("write_vision")
