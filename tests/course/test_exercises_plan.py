"""Notebook 07's exercises: a right and a wrong answer on the sample and with invoices only,
and whom to call first pinned on a hand-made plan."""

from pathlib import Path

import pandas as pd
import pytest

from helpers.analysis import keep_and_win as kw
from helpers.analysis.plan import build_plan, months_after
from helpers.course import exercises
from helpers.course.exercises.base import thinking_count
from helpers.course.session import start
from helpers.language import Language

COMPANIES = Path(__file__).parent.parent / "companies"


@pytest.mark.parametrize("folder", [None, COMPANIES / "minimal"])
def test_each_check_tells_right_from_wrong(folder):
    wb = start("07-your-plan-for-the-year", folder)
    qs = exercises.plan.questions(wb)
    q1, q2, q3, q4, q5 = qs
    assert thinking_count(qs) == 5
    assert [q.mode for q in qs] == ["predict", "predict", "compute", "argue", "argue"]
    for q in qs:  # as committed and as papermill runs them: never raises, says so
        assert "not answered yet" in q.feedback(None) or "before you look" in q.feedback(None)
    plan = wb.plan
    # 1 · predict the contested customer's step, by code or by name
    who = exercises.plan.contested(plan)
    step = plan.loc[who, "next_step"]
    assert q1.is_correct(step) and q1.is_correct(f"  {step.upper()} ")
    assert "✓ right" in q1.feedback(step) and "The plan's why" in q1.feedback(step)
    other = "marketing" if step != "marketing" else "let_go"
    assert q1.is_correct(other) is False and "✗ not this time" in q1.feedback(other)
    # 2 · predict the share with a personal step
    share = (plan["next_step"] != "marketing").mean()
    assert q2.is_correct(100 * share) and q2.is_correct(f"{100 * share + 5:.0f} %")
    low = max(0.0, 100 * share - 40)
    assert not q2.is_correct(low) and "higher" in q2.feedback(low)
    # 3 · compute the busiest owner's steps in the first month, as the learner would
    month = plan["month"].min()
    now = plan[(plan["month"] == month) & (plan["next_step"] != "marketing")]
    most = int(now.groupby("owner").size().max())
    assert q3.is_correct(most) and not q3.is_correct(most + 1)
    # 4 · argue whom to call first
    first = next(iter(q4.expected))
    assert q4.is_correct((first, "because")) and q4.feedback(first).startswith("✓")
    later = plan.index[(plan["month"] != month) & (plan["next_step"] != "marketing")]
    if len(later):
        assert not q4.is_correct(later[0]) and "not this month" in q4.feedback(later[0])
    # 5 · argue keep or win: the side whose signs weigh more
    assert set(q5.expected) <= {"customers", "prospects"} and q5.expected
    for answer in {"customers", "prospects"} - set(q5.expected):
        assert q5.is_correct(answer) is False and "harder to defend" in q5.feedback(answer)
    assert not q5.is_correct("both")


def test_the_sample_asks_about_the_customer_where_the_notebooks_pull_apart():
    wb = start("07-your-plan-for-the-year", None)
    q1, *_ = exercises.plan.questions(wb)
    # key account, team's vision, at risk, price review, yet difficult (3 signs) and loss-making
    assert "(C0053)" in q1.question
    assert q1.is_correct("let_go") and q1.is_correct("let go politely")
    assert not q1.is_correct("write_vision")


def test_on_the_sample_text_004_weighs_more():
    wb = start("07-your-plan-for-the-year", None)
    *_, q5 = exercises.plan.questions(wb)
    figures = kw.keep_and_win_figures(wb.invoices, wb.as_of)
    sides = kw.weighs_more(kw.signs(figures))
    expected = {"keep": "customers", "win": "prospects"}
    assert set(q5.expected) == {expected[side] for side in sides}
    # measured on the sample: retention 71 %, the kept bought less; prices slide 2.2 % a year
    assert sides == ["keep"] and "71.4%" in q5.expected["customers"]
    assert "-2.2%" in q5.weaker["prospects"]


def test_with_invoices_only():
    wb = start("07-your-plan-for-the-year", COMPANIES / "minimal")
    q1, q2, q3, q4, q5 = exercises.plan.questions(wb)
    assert q1.is_correct("write_vision") and "Kahvila Muru?" in q1.question  # name = id
    assert q2.is_correct(100) and "2 of 2 customers" in q2.feedback(100)
    assert q3.is_correct(1)  # one step in Dec 2025, by nobody's name
    assert set(q4.expected) == {"Kahvila Muru"}  # no call to lose: book the vision meeting
    assert "planned for 2026-04" in q4.feedback("Parturi Sakset")
    # only text 000's dependence can be measured: one customer is 83 % of all revenue
    assert set(q5.expected) == {"prospects"} and "82.9%" in q5.expected["prospects"]
    assert "can be measured on your data" in q5.feedback("customers")


# --- whom to call first, by hand ------------------------------------------------------------


class Stub:
    """What the exercises read of a session, on a hand-made plan."""

    def __init__(self, plan, invoices, as_of):
        self.plan, self.invoices, self.as_of = plan, invoices, as_of
        self.lang = Language("en")

    def money(self, value, decimals=0):
        return self.lang.money(value, decimals)

    def number(self, value, decimals=0):
        return self.lang.number(value, decimals)


@pytest.fixture
def hand_plan():
    """K a key account (vision), R at risk (rescue, €500), W stopped buying (win-back, €300 the
    year before), S two small customers (check-ups on their anniversaries)."""
    as_of = pd.Timestamp("2025-12-31")
    ids = ["K", "R", "W", "S1", "S2"]
    table = pd.DataFrame(
        {
            "name": ids,
            "segment": ["key account", "keep", "dormant", "serve", "serve"],
            "value_12m": [900.0, 500.0, 0.0, 50.0, 40.0],
            "potential_level": ["high", "low", "low", "low", "low"],
            "owner": ["Aino", "Aino", "", "Mikko", "Mikko"],
            "first_invoice": pd.to_datetime(
                ["2020-03-01", "2021-01-10", "2021-02-01", "2022-05-20", "2022-07-20"]
            ),
            "lapsed": [False, False, True, False, False],
            "revenue_prev_12m": [800.0, 450.0, 300.0, 40.0, 30.0],
        },
        index=pd.Index(ids, name="customer_id"),
    )
    plan = build_plan(table, as_of, calls_per_month=5, max_key_accounts=5, at_risk=pd.Index(["R"]))
    invoices = pd.DataFrame(
        {
            "customer_id": ["W", "R"],
            "amount": [300.0, 450.0],
            "date": pd.to_datetime(["2024-06-01", "2024-07-01"]),
        }
    )
    return Stub(plan, invoices, as_of)


def test_call_first_is_whom_you_could_lose_with_the_most_at_stake(hand_plan):
    plan = hand_plan.plan
    month = months_after(hand_plan.as_of)[0]
    assert plan.loc[["K", "R", "W"], "month"].tolist() == [month] * 3
    q = exercises.plan.call_first(hand_plan)
    assert list(q.expected) == ["R", "W"]  # €500 at stake before €300
    assert "€500 at stake" in q.expected["R"] and "05: commitment low" in q.expected["R"]
    assert "€300 at stake" in q.expected["W"]  # what it bought the year before
    assert "takes preparation" in q.feedback("K")  # the vision meeting can wait a week
    assert "planned for 2026-05" in q.feedback("S1")  # its anniversary month


def test_without_anyone_to_lose_the_vision_and_the_best_check_ups_come_first(hand_plan):
    plan = hand_plan.plan.copy()
    plan.loc[["R", "W"], "next_step"] = "marketing"
    plan.loc[["S1", "S2"], "month"] = plan.loc["K", "month"]
    q = exercises.plan.call_first(Stub(plan, hand_plan.invoices, hand_plan.as_of))
    assert list(q.expected) == ["K", "S1", "S2"]
    assert "bought in the last 12 months" in q.expected["S1"]
    assert "marketing" in q.feedback("R")  # the largest served by marketing


def test_a_month_without_personal_steps_says_why(hand_plan):
    plan = hand_plan.plan.assign(next_step="marketing")
    q = exercises.plan.call_first(Stub(plan, hand_plan.invoices, hand_plan.as_of))
    assert not q.checkable and "no personal step in 2026-01" in q.feedback("K")
