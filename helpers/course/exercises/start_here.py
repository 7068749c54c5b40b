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
from helpers.language import ENGLISH, Language

TOP = 5  # the largest customers question 1 asks about


def top_share_lessons(customers: int, lang: Language = ENGLISH) -> dict:
    """What the gap between a guess of the top-five share and the figure teaches."""
    _ = lang._
    return {
        "close": _(
            "You know where your money comes from. Notebook 01 asks the next question: "
            "what would happen if one of them left?"
        ),
        "low": _(
            "More of the revenue rests on a few customers than it feels. Each invoice "
            "feels like any other when you write it; added up over the years, a handful of "
            "customers out of {customers} carry the firm. Notebook 01 measures that dependence "
            "and what losing the largest would cost."
        ).format(customers=count_text(customers, lang)),
        "high": _(
            "The revenue is spread wider than you thought: the many small customers add "
            "up. They still need looking after, only more cheaply: notebook 02 gives them a "
            "service model of their own (marketing and a yearly check-up call)."
        ),
    }


def count_text(value: int, lang: Language) -> str:
    """A count as the learner reads it: plain digits in English (as the answer is typed),
    the language's thousands separator in Finnish and Swedish."""
    return str(value) if lang.code == "en" else lang.number(value)


def questions(wb) -> tuple[Exercise, ...]:
    """Notebook 00: guess the top-five share, count last year's customers in pandas, find
    the lines and the best year, think about which files to add."""
    from helpers.analysis.concentration import concentration_figures
    from helpers.analysis.overview import overview_figures, revenue_by_year

    lang = wb.lang
    _ = lang._
    concentration = concentration_figures(wb.invoices, wb.as_of)
    customers = concentration["customers"]
    top_share = concentration["top5_share"]
    why_not = ""
    if customers <= TOP:
        why_not = lang.plural(
            "Your invoices have only {customers} customer, so the {top} largest are all of "
            "them and their share is 100 % by definition: there is nothing to guess. With "
            "more customers, try it on them.",
            "Your invoices have only {customers} customers, so the {top} largest are all of "
            "them and their share is 100 % by definition: there is nothing to guess. With "
            "more customers, try it on them.",
            customers,
        ).format(customers=count_text(customers, lang), top=TOP)
        top_share = math.nan
    elif not top_share == top_share:
        why_not = _("The revenue up to the analysis date is zero or negative: there are no shares.")
    known = top_share == top_share
    q1 = Prediction(
        1,
        _(
            "Guess first: what share of all revenue up to the analysis date did the {top} "
            "largest customers bring? (In percent: 30 for 30 %.)"
        ).format(top=TOP),
        top_share,
        kind=SHARE,
        absolute=0.05,
        shown=(
            _("{share} (the {top} largest of {customers} customers)").format(
                share=wb.percent(top_share), top=TOP, customers=count_text(customers, lang)
            )
            if known
            else ""
        ),
        lessons=top_share_lessons(customers, lang),
        why_not=why_not,
        hint=_(
            "There is no figure to look up: it is a guess. Think of your largest customers "
            "and how much of the work, and the money, they bring."
        ),
        solution=(
            _(
                "{share}: the table of the largest customers just below, or {code} as "
                "notebook 01 records it."
            ).format(share=wb.percent(top_share), code="concentration_figures(...)['top5_share']")
            if known
            else _("The table of the largest customers below shows each one's share.")
        ),
    )

    figures = overview_figures(wb.invoices, wb.as_of)
    active = figures["active_customers_12m"]
    everyone = int(wb.invoices["customer_id"].nunique())
    quiet = (
        _(
            "Of {everyone} customers in the books, {quiet} bought nothing in the last 12 "
            "months: notebook 05 asks whether they are still customers at all."
        ).format(everyone=count_text(everyone, lang), quiet=count_text(everyone - active, lang))
        if everyone > active
        else _("Every customer in the books bought something in them.")
    )
    last_year = "wb.invoices[wb.invoices['date'] > wb.window_start]"
    q2 = Exercise(
        2,
        _(
            "How many different customers bought something in the last 12 months? Work it "
            "out with one line of pandas on {invoices}."
        ).format(invoices="wb.invoices"),
        active,
        kind=NUMBER,
        tolerance=0,
        absolute=0,
        mode=COMPUTE,
        hint=_(
            "Two pieces, put together: {rows} keeps the lines of the last 12 months, and "
            "{nunique} counts the different customers in them."
        ).format(rows=last_year, nunique="['customer_id'].nunique()")
        + (
            " "
            + _(
                "Got {everyone}? That counts every customer since the first invoice: keep "
                "only the last 12 months first."
            ).format(everyone=count_text(everyone, lang))
            if everyone != active
            else ""
        ),
        solution=_(
            "{active}: {code}. The headline figures below say the same: 'Customers who "
            "bought in them'. {quiet}"
        ).format(
            active=count_text(active, lang),
            code=f"{last_year}['customer_id'].nunique()",
            quiet=quiet,
        ),
    )

    lines = len(wb.invoices)
    q3 = Exercise(
        3,
        _("How many invoice lines up to the analysis date?"),
        lines,
        absolute=0,
        tolerance=0,
        hint=_("The figure is printed under 'Headline figures' (and in {describe}).").format(
            describe="wb.describe()"
        ),
        solution=lang.plural(
            "{lines} line: {code} counts it.",
            "{lines} lines: {code} counts them.",
            lines,
        ).format(lines=count_text(lines, lang), code="len(wb.invoices)"),
    )
    by_year = revenue_by_year(wb.invoices, wb.as_of)
    best = int(by_year.idxmax())
    q4 = Exercise(
        4,
        _("Which calendar year had the highest revenue?"),
        {str(best)},
        kind=CHOICE,
        hint=_("Look for the tallest bar in the revenue plot."),
        solution=_("{year}, with revenue {revenue}: {code} finds it.").format(
            year=best, revenue=wb.money(by_year.max()), code="by_year.idxmax()"
        ),
    )
    q5 = Exercise(
        5,
        _("Which optional file would you add first?"),
        None,
        kind=THOUGHT,
        solution=_(
            "Most small firms can export a customer list (customers.csv) in minutes, and it "
            "makes every report readable with names. The most revealing is often hours.csv: "
            "logged hours per customer show which accounts eat time they don't pay for. A "
            "survey is the slowest to start but the only way to measure loyalty before "
            "customers leave."
        ),
    )
    return q1, q2, q3, q4, q5
