"""Exercises of notebook 02 (value-based segmentation, the 80/20 rule, who calls whom)."""

from __future__ import annotations

import pandas as pd

from helpers.course.exercises.base import SHARE, THOUGHT, Exercise


def questions(wb, table: pd.DataFrame) -> tuple[Exercise, Exercise, Exercise, Exercise, Exercise]:
    """Notebook 02: the top-20 % share, key accounts, dormant customers, hours, owners.

    ``table`` is the notebook's ``segmentation.segments(...)`` with the learner's own
    cut-offs, so the expected answers follow whatever the learner chose.
    """
    from helpers.analysis.pareto import pareto_figures
    from helpers.analysis.segmentation import DORMANT, KEY_ACCOUNT

    top20 = pareto_figures(wb.invoices, wb.as_of)["top20_revenue_share"]
    q1 = Exercise(
        1,
        "What share of all revenue do the largest 20 % of customers bring? (In percent: 81 "
        "for 81 %.)",
        top20,
        kind=SHARE,
        absolute=0.005,
        hint="Read the marked point on the 'all years' curve, or the first sentence under "
        "the plot. Write 81 for 81 %.",
        solution=(
            f"{wb.percent(top20)}: eighty_twenty['top20_revenue_share'], the revenue of the "
            "largest ⌈0.2 · n⌉ customers divided by all revenue."
            if top20 == top20
            else "Nobody has positive revenue, so there is no share to compute."
        ),
    )
    keys = int((table["segment"] == KEY_ACCOUNT).sum())
    q2 = Exercise(
        2,
        "How many key accounts are there with your cut-offs?",
        keys,
        tolerance=0,
        hint="Count the rows whose segment is 'key account': the segment table shows it, "
        "or use (table['segment'] == 'key account').sum().",
        solution=f"{keys}: (table['segment'] == 'key account').sum().",
    )
    dormant = int((table["segment"] == DORMANT).sum())
    q3 = Exercise(
        3,
        "How many customers have not bought anything in the last 12 months?",
        dormant,
        tolerance=0,
        hint="They are the dormant segment: no invoice line with a positive amount in "
        "the last 12 months.",
        solution=f"{dormant}: (table['segment'] == 'dormant').sum().",
    )
    hours = float(table["hours_per_year"].sum())
    q4 = Exercise(
        4,
        "How many sales hours a year does your service model ask for?",
        hours,
        tolerance=0.01,
        absolute=0.5,
        hint="Add up the hours column of the segment summary: customers in each segment "
        "times the hours each one gets.",
        solution=f"{wb.number(hours)} hours: table['hours_per_year'].sum().",
    )
    q5 = Exercise(
        5,
        "Your best salesperson, owner of three key accounts, leaves in two months. What now?",
        None,
        kind=THOUGHT,
        solution="Week one: the leaver introduces a new owner to each key account in person, "
        "and writes down what only they know: who decides, who uses the product, what was "
        "promised, what annoyed the customer last year. Then the new owner books a meeting "
        "with each account within the notice period. For the future: every key account gets "
        "a deputy who has met the customer, the account plan lives in a shared place and "
        "not in one person's head, and no single owner carries so much revenue that their "
        "leaving would hurt the firm. That is what 'customers belong to the company' means "
        "in practice.",
    )
    return q1, q2, q3, q4, q5
