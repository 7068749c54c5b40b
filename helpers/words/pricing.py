"""In words: price erosion by tenure (notebook 01).

The analyses of :mod:`helpers.analysis.pricing` return numbers and codes (where the
unit prices came from, why a figure is missing); the sentences and readable tables
about them are written here, in the reader's language.

>>> from helpers.language import ENGLISH
>>> print(erosion_cost_in_words({"erosion_cost_12m": 0.0, "erosion_cost_share_12m": 0.0,
...       "lines_compared": 0, "new_max_years": 1.0, "note": "no_tenured_buyers"}, ENGLISH))
No customer of over 1 year(s) bought in the last 12 months.
"""

from __future__ import annotations

import math

import pandas as pd

from helpers.analysis.pricing import (
    COMPARED,
    FROM_UNIT_PRICE,
    MIN_LINES,
    MIN_TENURE_SPREAD_YEARS,
    NAN,
    NO_NEW_CUSTOMER_PRICE,
    NO_PRODUCT_COLUMN,
    NO_QUANTITY_COLUMN,
    NO_TENURED_BUYERS,
    NO_UNIT_PRICE_COLUMN,
    NO_UNIT_PRICES,
    NOT_PRICED,
    PRICE_DATA_MISSING,
    TENURE_TOO_SHORT,
    TOO_FEW_LINES,
    UNIT_PRICE_FILLED,
)
from helpers.language import N_, Language

# The notes of analysis.pricing.unit_prices, one sentence each
UNIT_PRICE_NOTES = {
    PRICE_DATA_MISSING: N_(
        "The invoices have neither a `unit_price` nor a `quantity` column, so the "
        "price paid per unit cannot be worked out. Add a `quantity` column (units on "
        "each line) or a `unit_price` column to invoices.csv to switch on the "
        "price-erosion analysis."
    ),
    NO_PRODUCT_COLUMN: N_("No `product` column: all lines are treated as one product."),
    UNIT_PRICE_FILLED: N_("Lines without a `unit_price` ({count}) use amount / quantity instead."),
    NO_QUANTITY_COLUMN: N_("No `quantity` column: quantities are taken as amount / unit price."),
    NO_UNIT_PRICE_COLUMN: N_("No `unit_price` column: unit price = amount / quantity."),
    NOT_PRICED: N_(
        "{left_out} of {lines} lines have no positive unit price (credit notes, "
        "missing or zero quantity) and are left out of the price analysis."
    ),
    FROM_UNIT_PRICE: N_("Unit prices are taken from the `unit_price` column."),
}


def unit_prices_in_words(source: dict, lang: Language) -> str:
    """Where the unit prices came from, or what to add to switch the analysis on.

    In: the dict of ``analysis.pricing.unit_prices`` (``price_analysis(...)["unit_prices"]``).
    Out: one sentence per note, in the order of the notes.

    >>> from helpers.language import ENGLISH
    >>> print(unit_prices_in_words({"notes": ["no_unit_price_column", "not_priced"],
    ...                             "filled": 0, "left_out": 2, "lines": 1500}, ENGLISH))
    No `unit_price` column: unit price = amount / quantity. 2 of 1,500 lines have no \
positive unit price (credit notes, missing or zero quantity) and are left out of the price \
analysis.
    """
    values = {
        "count": lang.number(source.get("filled", 0)),
        "left_out": lang.number(source.get("left_out", 0)),
        "lines": lang.number(source.get("lines", 0)),
    }
    return " ".join(lang._(UNIT_PRICE_NOTES[note]).format(**values) for note in source["notes"])


def erosion_reason_in_words(result: dict, lang: Language) -> str:
    """Why ``analysis.pricing.erosion_per_tenure_year`` has no estimate ("" when it has one).

    >>> from helpers.language import ENGLISH
    >>> erosion_reason_in_words({"reason": "too_few_lines", "lines_used": 2}, ENGLISH)
    'Only 2 invoice lines with a positive unit price; at least 3 are needed.'
    """
    _ = lang._
    reason = result.get("reason")
    if reason == TOO_FEW_LINES:
        return _(
            "Only {lines} invoice lines with a positive unit price; at least {needed} are needed."
        ).format(lines=lang.number(result["lines_used"]), needed=lang.number(MIN_LINES))
    if reason == TENURE_TOO_SHORT:
        return _(
            "Customer tenure on the priced lines spans only {spread} years; at least "
            "{needed} year is needed to measure a change per tenure year."
        ).format(
            spread=lang.number(result["tenure_spread_years"], 2),
            needed=lang.number(MIN_TENURE_SPREAD_YEARS),
        )
    if reason == NO_UNIT_PRICES:
        return _("It needs unit prices (see the note above).")
    return ""


def _less_or_more(value: float, lang: Language) -> str:
    """-0.021 → "2.1% less", 0.004 → "0.4% more" (in the reader's language)."""
    template = lang._("{share} less") if value < 0 else lang._("{share} more")
    return template.format(share=lang.percent(abs(value)))


def erosion_in_words(result: dict, lang: Language, years: int = 5) -> str:
    """The erosion estimate as plain sentences for the notebook to print.

    In: the dict from ``analysis.pricing.erosion_per_tenure_year`` (or one with the same
    keys); ``lang`` (``wb.lang``); ``years`` for the "adds up over N years" sentence.
    Out: text. Says why when the estimate is NaN, and says so plainly when the
    95 % interval includes zero (no clear change either way).

    >>> from helpers.language import ENGLISH
    >>> print(erosion_in_words({"erosion_per_tenure_year": -0.021, "erosion_ci_low": -0.026,
    ...                         "erosion_ci_high": -0.016}, ENGLISH))
    Each extra year as a customer goes with paying about 2.1% less for the same product \
(somewhere between 1.6% and 2.6% less). Over 5 years as a customer that adds up to about \
10.1% less.
    """
    _ = lang._
    erosion = result.get("erosion_per_tenure_year", NAN)
    low, high = result.get("erosion_ci_low", NAN), result.get("erosion_ci_high", NAN)
    if erosion is None or math.isnan(erosion):
        reason = erosion_reason_in_words(result, lang) or _(
            "there are not enough priced invoice lines."
        )
        return _("Price erosion can't be measured on this data. {reason}").format(reason=reason)
    sentence = _(
        "Each extra year as a customer goes with paying about {change} for the same product"
    ).format(change=_less_or_more(erosion, lang))
    basis = ""
    if result.get("lines_used"):
        basis = " " + _("(Based on {lines} invoice lines of {customers} customers.)").format(
            lines=lang.number(result["lines_used"]),
            customers=lang.number(result.get("customers_used")),
        )
    if math.isnan(low) or math.isnan(high):
        return sentence + "." + basis
    if high < 0 or low > 0:  # the whole interval on one side of zero
        near, far = sorted((low, high), key=abs)
        between = (
            _("(somewhere between {near} and {far} less).")
            if erosion < 0
            else _("(somewhere between {near} and {far} more).")
        )
        over = (1 + erosion) ** years - 1
        return (
            sentence
            + " "
            + between.format(near=lang.percent(abs(near)), far=lang.percent(abs(far)))
            + " "
            + _("Over {years} years as a customer that adds up to about {change}.").format(
                years=lang.number(years), change=_less_or_more(over, lang)
            )
            + basis
        )
    return (
        sentence
        + " "
        + _(
            "(somewhere between {low} and {high}). The interval includes "
            "zero: on this data there is no clear change either way."
        ).format(low=_less_or_more(low, lang), high=_less_or_more(high, lang))
        + basis
    )


def erosion_cost_note_in_words(cost: dict, lang: Language) -> str:
    """How ``analysis.pricing.erosion_cost_12m`` was worked out, or why there is no figure.

    >>> from helpers.language import ENGLISH
    >>> erosion_cost_note_in_words({"note": "no_new_customer_price", "new_max_years": 1.0},
    ...                            ENGLISH)  # doctest: +NORMALIZE_WHITESPACE
    'No new customer (under 1 year) bought the same products in the same years, so there is
    no new-customer price to compare with.'
    """
    _ = lang._
    note = cost.get("note")
    if note == COMPARED:
        text = (
            _(
                "{compared} of {tenured} lines of customers of {years}+ years in the "
                "last 12 months priced against the median new-customer price of the same "
                "product and year; quantity × price difference, summed (net: lines above the "
                "new-customer price count negatively)."
            )
            .replace("{compared}", lang.number(cost["lines_compared"]))
            .replace("{tenured}", lang.number(cost["tenured_lines_12m"]))
        )
    elif note == NO_TENURED_BUYERS:
        text = _("No customer of over {years} year(s) bought in the last 12 months.")
    elif note == NO_NEW_CUSTOMER_PRICE:
        text = _(
            "No new customer (under {years} year) bought the same products in the same "
            "years, so there is no new-customer price to compare with."
        )
    elif note == NO_UNIT_PRICES:
        return _("It needs unit prices, like the erosion figure.")
    else:
        return ""
    return text.format(years=lang.short(cost["new_max_years"]))


def erosion_cost_in_words(cost: dict, lang: Language) -> str:
    """The result of ``analysis.pricing.erosion_cost_12m`` as one or two plain sentences.

    In: the dict from ``erosion_cost_12m`` (or ``price_analysis(...)["cost"]``);
    ``lang`` (``wb.lang``).
    Out: text; says why when there is no figure.

    >>> from helpers.language import ENGLISH
    >>> print(erosion_cost_in_words({"erosion_cost_12m": 1200.0, "erosion_cost_share_12m": 0.02,
    ...                              "note": "compared"}, ENGLISH))
    In the last 12 months, customers of more than a year paid €1,200 less than new customers \
paid for the same products in the same year (2.0% of the revenue of those 12 months).
    """
    _ = lang._
    value = cost.get("erosion_cost_12m", NAN)
    if value is None or math.isnan(value):
        return (
            _("The money lost to erosion can't be worked out on this data. {note}")
            .format(note=erosion_cost_note_in_words(cost, lang))
            .strip()
        )
    if cost.get("lines_compared", 1) == 0:
        return erosion_cost_note_in_words(cost, lang)
    template = (
        _(
            "In the last 12 months, customers of more than a year paid {money} less than new "
            "customers paid for the same products in the same year ({share} of the revenue of "
            "those 12 months)."
        )
        if value >= 0
        else _(
            "In the last 12 months, customers of more than a year paid {money} more than new "
            "customers paid for the same products in the same year ({share} of the revenue of "
            "those 12 months)."
        )
    )
    return template.format(
        money=lang.money(abs(value)),
        share=lang.percent(abs(cost.get("erosion_cost_share_12m", NAN))),
    )


def price_review_in_words(review: pd.DataFrame, min_tenure_years: float, lang: Language) -> str:
    """One sentence over the table of ``analysis.pricing.price_review_candidates``.

    Example: ``price_review_in_words(review, 3, wb.lang)`` → "5 long-standing accounts
    (3+ years) paid the least against the going price; at the going price their last
    12 months would have brought €15,760 more."

    >>> from helpers.language import ENGLISH
    >>> print(price_review_in_words(pd.DataFrame({"catch_up_12m": [10.0, 5.0]}), 3, ENGLISH))
    2 long-standing accounts (3+ years) paid the least against the going price; at the going \
price their last 12 months would have brought €15 more.
    """
    _ = lang._
    if review.empty:
        return _(
            "No customer of {years}+ years bought priced lines in the last 12 months, so "
            "there is no price-review list yet. Come back when your relationships are "
            "older, or lower `min_tenure_years`."
        ).format(years=lang.short(min_tenure_years))
    extra = float(review["catch_up_12m"].sum())
    template = (
        _(
            "{count} long-standing accounts ({years}+ years) paid the least against the going "
            "price; at the going price their last 12 months would have brought {money} more."
        )
        if extra >= 0
        else _(
            "{count} long-standing accounts ({years}+ years) paid the least against the going "
            "price; at the going price their last 12 months would have brought {money} less."
        )
    )
    return template.format(
        count=lang.number(len(review)),
        years=lang.short(min_tenure_years),
        money=lang.money(abs(extra)),
    )


def price_gap_readable(gap: pd.DataFrame, lang: Language) -> pd.DataFrame:
    """The ``analysis.pricing.price_gap_new_vs_tenured`` table to show: readable headers,
    locale numbers.

    >>> from helpers.language import ENGLISH
    >>> gap = pd.DataFrame({"new_median_index": [1.05], "long_standing_median_index": [0.9],
    ...                     "gap_long_vs_new_pct": [-14.29], "new_lines": [12],
    ...                     "long_standing_lines": [30]}, index=pd.Index(["A"], name="product"))
    >>> price_gap_readable(gap, ENGLISH).loc["A"].tolist()
    ['1.050', '0.900', '-14.3%', '12', '30']
    """
    _ = lang._
    out = pd.DataFrame(index=gap.index.rename(_("product")))
    if gap.empty:
        return out
    out[_("new: price index")] = gap["new_median_index"].map(lambda v: lang.number(v, 3))
    out[_("3+ years: price index")] = gap["long_standing_median_index"].map(
        lambda v: lang.number(v, 3)
    )
    out[_("gap")] = (gap["gap_long_vs_new_pct"] / 100).map(lang.percent)
    out[_("new: lines")] = gap["new_lines"].map(lang.number)
    out[_("3+ years: lines")] = gap["long_standing_lines"].map(lang.number)
    return out


def price_review_readable(review: pd.DataFrame, lang: Language) -> pd.DataFrame:
    """The ``analysis.pricing.price_review_candidates`` table to show: readable headers,
    locale numbers.

    >>> from helpers.language import ENGLISH
    >>> review = pd.DataFrame({"name": ["Alpha Oy"], "tenure_years": [4.99],
    ...                        "revenue_12m": [90.0], "price_index_12m": [0.9],
    ...                        "catch_up_12m": [10.0]}, index=pd.Index(["A"], name="customer_id"))
    >>> price_review_readable(review, ENGLISH).loc["A"].tolist()
    ['Alpha Oy', '5.0', '€90', '0.900', '€10']
    """
    _ = lang._
    out = pd.DataFrame(index=review.index)
    out[_("name")] = review["name"]
    out[_("years as customer")] = review["tenure_years"].map(lambda v: lang.number(v, 1))
    out[_("revenue, 12 months")] = review["revenue_12m"].map(lang.money)
    out[_("price index")] = review["price_index_12m"].map(lambda v: lang.number(v, 3))
    out[_("at going price, +")] = review["catch_up_12m"].map(lang.money)
    return out
