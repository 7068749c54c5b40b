"""Exercises of notebook 07 (your plan for the year): choosing, with the plan's own rules."""

from __future__ import annotations

import math

from helpers.course.exercises.base import CHOICE, NUMBER, THOUGHT, Exercise

FINDINGS = ("shortlist", "at_risk", "price_review", "with_vision")


def contested(plan):
    """The customer with the most findings from different notebooks (ties: more value).

    Where notebooks pull apart, the plan's order decides; this is the customer to ask about.
    """
    counts = (plan["shortlist"] != "").astype(int)
    for column in FINDINGS[1:]:
        counts = counts + plan[column].astype(int)
    counts = counts + (plan["segment"] == "key account").astype(int)
    ranked = plan.assign(_findings=counts).sort_values(
        ["_findings", "value_12m"], ascending=[False, False], kind="stable"
    )
    return ranked.index[0] if len(ranked) else None


def questions(wb) -> tuple[Exercise, Exercise, Exercise]:
    """Notebook 07: one customer's step and why, the busiest month's calls, keep or win."""
    from helpers.analysis.plan import CALLS
    from helpers.words.plan import STEP_NAMES

    plan = wb.plan
    who = contested(plan)
    step = plan.loc[who, "next_step"] if who is not None else None
    name = plan.loc[who, "name"] if who is not None else ""
    q1 = Exercise(
        1,
        f"Which step does the plan give {name} ({who})? Write its code or its name.",
        {step, step.replace("_", " "), STEP_NAMES[step]} if step else None,
        kind=CHOICE,
        hint="Look at the customer's row in the plan (plan.csv, or wb.plan.loc[...]): its why "
        "lists what each notebook found. Then read the order of the steps in section 1: the "
        "first step that applies wins.",
        solution=(
            f"{step} ({STEP_NAMES[step]}): the first step in the plan's order that its "
            "findings allow. Would you decide otherwise? Then change a choice (or the "
            "customer's data) rather than the list by hand, so every list stays in step."
            if step
            else "There are no customers, so there is no plan to read."
        ),
    )
    calls = plan.loc[plan["next_step"].isin(CALLS)]
    busiest = float(calls.groupby("month").size().max()) if len(calls) else math.nan
    q2 = Exercise(
        2,
        "How many calls (check-ups and win-backs) does the busiest month of the plan hold? "
        "Write a count, like 8.",
        busiest,
        kind=NUMBER,
        tolerance=0,
        hint="Keep the rows whose next_step is check_up_call or win_back, count them per "
        "month, and take the largest: calls.groupby('month').size().max().",
        solution=(
            f"{wb.number(busiest)}: at most calls_per_month "
            f"({wb.number(wb.choices.calls_per_month)}), whatever the size of the base."
            if busiest == busiest
            else "The plan has no calls: calls_per_month is 0, or nobody is left to call."
        ),
    )
    q3 = Exercise(
        3,
        "Your calls are full. Ten more calls a month: to customers in 'serve', or to firms "
        "that are not customers yet? Argue with texts 000 and 004.",
        None,
        kind=THOUGHT,
        solution="Text 004 says keeping a customer costs less than winning one, and the "
        "check-up call is how you hear in time that a small customer has grown or is about "
        "to leave. Text 000 says a firm that only serves its customers stops learning, "
        "lets its prices slide and grows dependent on a few. Look at your own figures: "
        "if notebook 01 shows a low share of revenue from new customers and a price erosion, "
        "spend the extra calls on prospects; if notebook 05 shows retention falling, spend "
        "them on the customers you have. Either way, decide it with the team and write it "
        "into calls_per_month and your prospecting target, not into a list by hand.",
    )
    return q1, q2, q3
