"""Exercises of notebook 00 (start here): a first guess, a first line of pandas, two figures
to find and a file to choose.

1. predict before you look: the share of all revenue the five largest customers bring;
2. compute: how many customers bought in the last 12 months, in one line of pandas;
3. look up: the invoice lines up to the analysis date;
4. look up: the year with the highest revenue, off the plot;
5. thought: which optional file to add first.
"""

from __future__ import annotations

import math

from helpers.course.exercises.base import (
    CHOICE,
    COMPUTE,
    NUMBER,
    SHARE,
    THOUGHT,
    Exercise,
    Prediction,
)

TOP = 5  # the largest customers question 1 asks about


def top_share_lessons(customers: int) -> dict:
    """What the gap between a guess of the top-five share and the figure teaches."""
    return {
        "close": "You know where your money comes from. Notebook 01 asks the next question: "
        "what would happen if one of them left?",
        "low": "More of the revenue rests on a few customers than it feels. Each invoice "
        "feels like any other when you write it; added up over the years, a handful of "
        f"customers out of {customers} carry the firm. Notebook 01 measures that dependence "
        "and what losing the largest would cost.",
        "high": "The revenue is spread wider than you thought: the many small customers add "
        "up. They still need looking after, only more cheaply: notebook 02 gives them a "
        "service model of their own (marketing and a yearly check-up call).",
    }


def questions(wb) -> tuple[Exercise, ...]:
    """Notebook 00: guess the top-five share, count last year's customers in pandas, find
    the lines and the best year, think about which files to add."""
    from helpers.analysis.concentration import concentration_figures
    from helpers.analysis.overview import overview_figures, revenue_by_year

    concentration = concentration_figures(wb.invoices, wb.as_of)
    customers = concentration["customers"]
    top_share = concentration["top5_share"]
    why_not = ""
    if customers <= TOP:
        why_not = (
            f"Your invoices have only {customers} customer{'s' if customers != 1 else ''}, "
            f"so the {TOP} largest are all of them and their share is 100 % by definition: "
            "there is nothing to guess. With more customers, try it on them."
        )
        top_share = math.nan
    elif not top_share == top_share:
        why_not = "The revenue up to the analysis date is zero or negative: there are no shares."
    q1 = Prediction(
        1,
        f"Guess first: what share of all revenue up to the analysis date did the {TOP} largest "
        "customers bring? (In percent: 30 for 30 %.)",
        top_share,
        kind=SHARE,
        absolute=0.05,
        shown=(
            f"{wb.percent(top_share)} (the {TOP} largest of {customers} customers)"
            if top_share == top_share
            else ""
        ),
        lessons=top_share_lessons(customers),
        why_not=why_not,
        hint="There is no figure to look up: it is a guess. Think of your largest customers "
        "and how much of the work, and the money, they bring.",
        solution=(
            f"{wb.percent(top_share)}: the table of the largest customers just below, or "
            "concentration_figures(...)['top5_share'] as notebook 01 records it."
            if top_share == top_share
            else "The table of the largest customers below shows each one's share."
        ),
    )

    figures = overview_figures(wb.invoices, wb.as_of)
    active = figures["active_customers_12m"]
    everyone = int(wb.invoices["customer_id"].nunique())
    quiet = (
        f"Of {everyone} customers in the books, {everyone - active} bought nothing in the "
        "last 12 months: notebook 05 asks whether they are still customers at all."
        if everyone > active
        else "Every customer in the books bought something in them."
    )
    q2 = Exercise(
        2,
        "How many different customers bought something in the last 12 months? Work it out "
        "with one line of pandas on wb.invoices.",
        active,
        kind=NUMBER,
        tolerance=0,
        absolute=0,
        mode=COMPUTE,
        hint="Two pieces, put together: wb.invoices[wb.invoices['date'] > wb.window_start] "
        "keeps the lines of the last 12 months, and ['customer_id'].nunique() counts the "
        "different customers in them."
        + (
            f" Got {everyone}? That counts every customer since the first invoice: keep only "
            "the last 12 months first."
            if everyone != active
            else ""
        ),
        solution=(
            f"{active}: wb.invoices[wb.invoices['date'] > wb.window_start]['customer_id']"
            f".nunique(). The headline figures below say the same: 'Customers who bought in "
            f"them'. {quiet}"
        ),
    )

    lines = len(wb.invoices)
    q3 = Exercise(
        3,
        "How many invoice lines up to the analysis date?",
        lines,
        absolute=0,
        tolerance=0,
        hint="The figure is printed under 'Headline figures' (and in wb.describe()).",
        solution=f"{lines} lines: len(wb.invoices) counts them.",
    )
    by_year = revenue_by_year(wb.invoices, wb.as_of)
    best = int(by_year.idxmax())
    q4 = Exercise(
        4,
        "Which calendar year had the highest revenue?",
        {str(best)},
        kind=CHOICE,
        hint="Look for the tallest bar in the revenue plot.",
        solution=f"{best}, with revenue {wb.money(by_year.max())}: by_year.idxmax() finds it.",
    )
    q5 = Exercise(
        5,
        "Which optional file would you add first?",
        None,
        kind=THOUGHT,
        solution="Most small firms can export a customer list (customers.csv) in "
        "minutes, and it makes every report readable with names. The most "
        "revealing is often hours.csv: logged hours per customer show which "
        "accounts eat time they don't pay for. A survey is the slowest to "
        "start but the only way to measure loyalty before customers leave.",
    )
    return q1, q2, q3, q4, q5
