"""Exercises of notebook 06 (the customer vision)."""

from __future__ import annotations

import math

from helpers.course.exercises.base import NUMBER, SHARE, THOUGHT, Exercise


def questions(wb, account: str | None) -> tuple[Exercise, Exercise, Exercise]:
    """Notebook 06: read two facts off the example's document, then think about writing it.

    ``account`` is the worked example's customer id (None when there is none), so the
    expected answers follow the account the learner chose.
    """
    from helpers.report.vision import account_facts

    facts = account_facts(wb.company, wb.as_of, [account])[account] if account else None
    years = facts.tenure_years if facts and facts.tenure_years is not None else math.nan
    q1 = Exercise(
        1,
        "For how many whole years has the example account been a customer?",
        years,
        kind=NUMBER,
        tolerance=0,
        hint="Look at 'Customer since' in the Current state section: the number in brackets.",
        solution=(
            f"{wb.number(years)}: whole years from its first invoice "
            f"({wb.date(facts.first_invoice)}) to the analysis date."
            if years == years
            else "There is no example account in this data, so nothing to read."
        ),
    )
    change = facts.revenue_change if facts else None
    change = math.nan if change is None else change
    q2 = Exercise(
        2,
        "By how much did the example account's revenue change on the 12 months before? (In "
        "percent: -7 for 7 % less.)",
        change,
        kind=SHARE,
        absolute=0.002,
        hint="Compare 'Revenue, last 12 months' with 'Revenue, the 12 months before'. A drop "
        "is negative: write -7 for 7 % less.",
        solution=(
            f"{wb.percent(change)}: revenue of the last 12 months divided by that of the 12 "
            "months before, minus 1."
            if change == change
            else "It can't be computed here: the account had no revenue in the 12 months "
            "before (or there is no example account)."
        ),
    )
    q3 = Exercise(
        3,
        "Which section can't you write alone, and who should write it with you?",
        None,
        kind=THOUGHT,
        solution="Shared vision and mission: by definition it is agreed with the customer. "
        "Write a draft of Current state and Development plan as a team, take the document "
        "with guiding questions to the meeting, and fill in the shared vision there with "
        "the person who decides on the customer's side (often the owner or the purchasing "
        "manager), plus the person who uses what you deliver. Communication and Follow-up "
        "are agreed in the same meeting: who calls whom, and when you look at it again.",
    )
    return q1, q2, q3
