"""Exercises of notebook 01 (pricing erosion and dependence)."""

from __future__ import annotations

from helpers.course.exercises.base import SHARE, THOUGHT, Exercise


def questions(wb) -> tuple[Exercise, Exercise, Exercise, Exercise, Exercise]:
    """Notebook 01: read off erosion, think about its causes, freshness and dependence."""
    from helpers.analysis.concentration import concentration_figures, stress_test
    from helpers.analysis.freshness import new_customer_revenue_share_12m
    from helpers.analysis.pricing import price_analysis
    from helpers.language import ENGLISH
    from helpers.words.pricing import erosion_reason_in_words, unit_prices_in_words

    analysis = price_analysis(wb.invoices, wb.as_of)
    erosion = analysis["erosion"]
    rate = erosion["erosion_per_tenure_year"]
    # the exercises speak English (like Exercise's own messages), whatever wb.lang is
    why = (
        erosion_reason_in_words(erosion, ENGLISH)
        if analysis["available"]
        else unit_prices_in_words(analysis["unit_prices"], ENGLISH)
    )
    q1 = Exercise(
        1,
        "By how much does the price change per extra year as a customer? (In percent: -2.1 "
        "for 2.1 % less.)",
        rate,
        kind=SHARE,
        absolute=0.002,
        hint="Look for 'erosion per tenure year' printed under the price plot. A drop "
        "is negative: write -2.1 for 2.1 % less.",
        solution=(
            f"{wb.percent(rate)} per year of tenure: erosion['erosion_per_tenure_year']."
            if rate == rate
            else f"There is no estimate on this data: {why}"
        ),
    )
    q2 = Exercise(
        2,
        "What else could make long-standing customers pay less?",
        None,
        kind=THOUGHT,
        solution="Volume: old customers often buy bigger batches and get quantity "
        "discounts. Mix: within one product name they may buy simpler "
        "variants. Contracts: a price fixed years ago and never indexed. "
        "Only the last one is erosion you can fix with a price review. To "
        "tell them apart, compare lines of similar quantity, look at the "
        "discount from list_price, and read a few old contracts.",
    )
    share_new = new_customer_revenue_share_12m(wb.invoices, wb.as_of)
    q3 = Exercise(
        3,
        "What share of the last 12 months' revenue came from new customers? (In percent: "
        "11 for 11 %.)",
        share_new,
        kind=SHARE,
        absolute=0.005,
        hint="New = first invoice within the last 12 months. The share is printed "
        "in the freshness section.",
        solution=f"{wb.percent(share_new)}: freshness.new_customer_revenue_share_12m().",
    )
    figures = concentration_figures(wb.invoices, wb.as_of)
    largest = figures["largest_customer_share"]
    q4 = Exercise(
        4,
        "What share of all revenue comes from the largest customer? (In percent: 8 for 8 %.)",
        largest,
        kind=SHARE,
        absolute=0.005,
        hint="Divide the largest customer's revenue by all revenue, or read the "
        "first bar's label in the top-customers plot.",
        solution=f"{wb.percent(largest)}: figures['largest_customer_share'].",
    )
    lost = float(stress_test(wb.invoices, wb.as_of)["revenue_lost_share"].iloc[1])
    q5 = Exercise(
        5,
        "If the largest customer of the last 12 months left, what share of that revenue would "
        "go? (In percent: 10 for 10 %.)",
        lost,
        kind=SHARE,
        absolute=0.005,
        hint="The stress test ranks customers by the last 12 months only, so the "
        "answer can differ from question 4.",
        solution=f"{wb.percent(lost)}: the 'revenue lost' column of the stress test, "
        "row 'without the largest customer'.",
    )
    return q1, q2, q3, q4, q5
