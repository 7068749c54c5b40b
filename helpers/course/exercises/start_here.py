"""Exercises of notebook 00 (start here): count the lines, find the best year, pick a file."""

from __future__ import annotations

from helpers.course.exercises.base import CHOICE, THOUGHT, Exercise


def questions(wb) -> tuple[Exercise, Exercise, Exercise]:
    """Notebook 00: count the lines, find the best year, think about which files to add."""
    from helpers.analysis.overview import revenue_by_year

    lines = len(wb.invoices)
    by_year = revenue_by_year(wb.invoices, wb.as_of)
    best = int(by_year.idxmax())
    q1 = Exercise(
        1,
        "How many invoice lines up to the analysis date?",
        lines,
        absolute=0,
        tolerance=0,
        hint="The figure is printed under 'Headline figures' (and in wb.describe()).",
        solution=f"{lines} lines: len(wb.invoices) counts them.",
    )
    q2 = Exercise(
        2,
        "Which calendar year had the highest revenue?",
        {str(best)},
        kind=CHOICE,
        hint="Look for the tallest bar in the revenue plot.",
        solution=f"{best}, with revenue {wb.money(by_year.max())}: by_year.idxmax() finds it.",
    )
    q3 = Exercise(
        3,
        "Which optional file would you add first?",
        None,
        kind=THOUGHT,
        solution="Most small firms can export a customer list (customers.csv) in "
        "minutes, and it makes every report readable with names. The most "
        "revealing is often hours.csv: logged hours per customer show which "
        "accounts eat time they don't pay for. A survey is the slowest to "
        "start but the only way to measure loyalty before customers leave.",
    )
    return q1, q2, q3
