"""In words: new customers, retention and prospecting (notebook 01).

The figures come from :mod:`helpers.analysis.freshness`; the sentences about them are
written here, in the reader's language.

>>> from helpers.language import ENGLISH
>>> print(freshness_in_words(0.11, 0.714, ENGLISH))
Customers won in the last 12 months brought 11.0% of the revenue of those 12 months.
Of the customers who bought in the 12 months before, 71.4% bought again in the last 12 months.
"""

from __future__ import annotations

from helpers.analysis.cohorts import NO_CUSTOMER_TWO_YEARS_OLD
from helpers.analysis.freshness import (
    COMPLETE_FIRST_YEAR,
    DATA_STARTS_INSIDE_WINDOW,
    FIRST_YEAR_SO_FAR,
    NO_REVENUE_12M,
    NOBODY_BOUGHT_BEFORE,
    NOBODY_WON,
)
from helpers.language import N_, Language

# Why a figure of a whole window is missing (the *_reason codes of analysis.freshness)
REASONS = {
    DATA_STARTS_INSIDE_WINDOW: N_(
        "your invoices start inside the window it needs, so it would count only part of it"
    ),
    NOBODY_BOUGHT_BEFORE: N_("nobody bought in the 12 months before the last 12"),
    NO_REVENUE_12M: N_("there was no revenue in the last 12 months"),
    NO_CUSTOMER_TWO_YEARS_OLD: N_(
        "no customer first bought at least two years before the analysis date, so nobody's "
        "second year can be seen yet"
    ),
}


def reason_in_words(reason: str | None, lang: Language) -> str:
    """A ``*_reason`` code of :mod:`helpers.analysis.freshness` (or of
    ``cohorts.second_year_retention``) as a phrase ('' for None).

    >>> from helpers.language import Language
    >>> reason_in_words("nobody_bought_before", Language("sv"))
    'ingen köpte under de 12 månaderna före de senaste 12'
    """
    if reason is None:
        return ""
    if reason not in REASONS:
        raise ValueError(f"unknown reason {reason!r}")
    return lang._(REASONS[reason])


def quotes_in_words(figures: dict, has_quotes: bool, lang: Language, switches_on: str = "") -> str:
    """The quote figures as a sentence, or what adding a quote file would show.

    In: ``figures`` from ``analysis.freshness.quote_figures``; ``has_quotes`` (is there a
    quote file?); ``lang`` (``wb.lang``); ``switches_on`` = the sentence telling what
    file to add (``QUOTES.switches_on``, translated here).
    Out: text.

    >>> from helpers.language import ENGLISH
    >>> figures = {"quotes_12m": 73, "quote_win_rate_12m": 0.33, "prospects_met_12m": 70}
    >>> print(quotes_in_words(figures, True, ENGLISH))
    In the last 12 months you sent 73 quotes and won 33.0% of them, and 70 different \
prospects (firms that were not yet customers) got one.
    """
    _ = lang._
    if not has_quotes:
        return (
            _("There is no quote file, so we can't see how often you meet a 'no'.")
            + " "
            + (_(switches_on) if switches_on else "")
        ).strip()
    count = figures["quotes_12m"]
    if not count:
        return _(
            "The quote file has no quotes dated in the last 12 months: nobody has had "
            "the chance to say no lately."
        )
    prospects = figures["prospects_met_12m"]
    values = {
        "count": lang.number(count),
        "win_rate": lang.percent(figures["quote_win_rate_12m"]),
    }
    if prospects == prospects:  # not nan
        return _(
            "In the last 12 months you sent {count} quotes and won {win_rate} of them, and "
            "{prospects} different prospects (firms that were not yet customers) got "
            "one."
        ).format(prospects=lang.number(prospects), **values)
    return _("In the last 12 months you sent {count} quotes and won {win_rate} of them.").format(
        **values
    )


def freshness_in_words(
    new_share: float,
    retention: float,
    lang: Language,
    *,
    new_share_reason: str | None = None,
    retention_reason: str | None = None,
) -> str:
    """Two sentences on the new-customer revenue share and 12-month retention.

    In: ``analysis.freshness.new_customer_revenue_share_12m``, ``retention_12m`` (either
    may be ``nan``), ``lang`` (``wb.lang``) and the codes of why a figure is missing
    (``new_customer_revenue_share_reason``, ``retention_12m_reason``; the keys of
    ``freshness_figures``).
    Out: text; says why when a figure can't be measured (example: the module's).

    >>> from helpers.language import ENGLISH
    >>> print(freshness_in_words(float("nan"), float("nan"), ENGLISH,
    ...       new_share_reason="data_starts_inside_window",
    ...       retention_reason="data_starts_inside_window"))  # doctest: +NORMALIZE_WHITESPACE
    The share of revenue from new customers is left out: your invoices start inside the
    window it needs, so it would count only part of it. Every customer would look new.
    Retention is left out: your invoices start inside the window it needs, so it would
    count only part of it. It needs two years of invoices.
    """
    _ = lang._
    if new_share == new_share:
        first = _(
            "Customers won in the last 12 months brought {share} of the revenue of those 12 months."
        ).format(share=lang.percent(new_share))
    elif new_share_reason == DATA_STARTS_INSIDE_WINDOW:
        first = _(
            "The share of revenue from new customers is left out: {reason}. Every customer "
            "would look new."
        ).format(reason=reason_in_words(new_share_reason, lang))
    else:
        first = _("There was no revenue in the last 12 months to split into new and old.")
    if retention == retention:
        second = _(
            "Of the customers who bought in the 12 months before, {share} bought again "
            "in the last 12 months."
        ).format(share=lang.percent(retention))
    elif retention_reason == DATA_STARTS_INSIDE_WINDOW:
        second = _("Retention is left out: {reason}. It needs two years of invoices.").format(
            reason=reason_in_words(retention_reason, lang)
        )
    else:
        second = _(
            "Nobody bought in the 12 months before, so retention can't be measured yet: "
            "it needs two years of invoices."
        )
    return first + "\n" + second


# The figures that need two years of invoices, by notebook (short_data_in_words names them)
TWO_YEAR_FIGURES = {
    "retention": N_("retention (who bought again)"),
    "new_share": N_(
        "the share of revenue from new customers, which counts as new every customer you had "
        "before your invoices start (read it as an upper bound)"
    ),
    "growth_trend": N_(
        "growth trends: a customer without a whole year before the last 12 months counts as new"
    ),
    "lifetime_value": N_(
        "a new customer's retention in its second year, and with it the lifetime values and "
        "the budget what-if"
    ),
}


def short_data_in_words(span: dict, lang: Language, needs: tuple[str, ...] = ()) -> str:
    """The "when your data is short" note: how far back the invoices reach, and what that
    leaves out.

    In: ``span`` from ``analysis.freshness.data_span``, ``lang``, and ``needs``: the
    figures of this notebook that need two years (keys of :data:`TWO_YEAR_FIGURES`).
    Out: one sentence when the invoices reach back two years, a short paragraph otherwise.

    >>> import pandas as pd
    >>> from helpers.language import ENGLISH
    >>> span = {"first_date": pd.Timestamp("2021-01-04"), "days": 1821,
    ...         "covers_12m": True, "covers_24m": True}
    >>> print(short_data_in_words(span, ENGLISH))
    Your invoices start on 4 Jan 2021, 5.0 years before the analysis date: long enough for \
every figure here (some need two years).
    """
    _ = lang._
    if span["first_date"] is None:
        return _("There are no invoices up to the analysis date.")
    values = {"date": lang.date(span["first_date"]), "years": lang.number(span["days"] / 365.25, 1)}
    if span["covers_24m"]:
        return _(
            "Your invoices start on {date}, {years} years before the analysis date: long "
            "enough for every figure here (some need two years)."
        ).format(**values)
    text = [
        _(
            "Your invoices start on {date}, {years} years before the analysis date: less than "
            "the two years some figures need."
        ).format(**values)
    ]
    if needs:
        named = "; ".join(_(TWO_YEAR_FIGURES[need]) for need in needs)
        text.append(_("What that touches here: {figures}.").format(figures=named))
    text.append(
        _(
            "Figures that compare the last 12 months with the 12 before need invoices from "
            "both: export a longer history from your accounting program if it has one, or "
            "run the workbook again when your data is two years old."
        )
    )
    if not span["covers_12m"]:
        text.append(
            _(
                "Your invoices don't even cover the last 12 months: everyone looks like a new "
                "customer, so the share of revenue from new customers is left out too."
            )
        )
    return "\n".join(text)


def first_year_basis_in_words(typical: dict, lang: Language) -> str:
    """Which customers the first-year revenue of a new customer was measured on, as a phrase.

    In: the dict of ``analysis.freshness.first_year_revenue_of_new_customers`` (its
    ``basis`` code and ``customers``).

    >>> from helpers.language import Language
    >>> first_year_basis_in_words({"basis": "complete_first_year", "customers": 12},
    ...                           Language("fi"))
    '12 asiakkaan ensimmäisen vuoden liikevaihto; asiakkaat hankittiin 12–24 kuukautta ennen \
tarkastelupäivää'
    """
    _ = lang._
    basis = typical["basis"]
    if basis == COMPLETE_FIRST_YEAR:
        return _(
            "the first-year revenue of the {count} customers won 12–24 months "
            "before the analysis date"
        ).format(count=lang.number(typical["customers"]))
    if basis == FIRST_YEAR_SO_FAR:
        return _(
            "the revenue so far of the {count} customers won in the last 12 months "
            "(nobody was won the year before; their first year is not over, so "
            "this underestimates)"
        ).format(count=lang.number(typical["customers"]))
    if basis == NOBODY_WON:
        return _("no customer was won in the last two years, so there is nothing to average")
    raise ValueError(f"unknown first-year basis {basis!r}")


def prospecting_in_words(plan: dict, lang: Language) -> str:
    """The ``analysis.freshness.prospecting_target`` plan as four sentences to print.

    >>> from helpers.language import ENGLISH
    >>> plan = {"revenue_12m": 500_000, "target_new_share": 0.2, "target_new_revenue": 100_000,
    ...         "new_customers_12m": 9, "new_customer_revenue_12m": 61_000,
    ...         "first_year_revenue": 8_000, "first_year_customers": 11,
    ...         "basis": "complete_first_year", "new_customers_needed": 13}
    >>> print(prospecting_in_words(plan, ENGLISH).splitlines()[-1])
    New customers needed in the next 12 months to reach the target: about 13.
    """
    _ = lang._
    basis = first_year_basis_in_words(
        {"basis": plan["basis"], "customers": plan["first_year_customers"]}, lang
    )
    lines = [
        _(
            "If the next 12 months bring the same revenue as the last 12 ({revenue}), {share} of "
            "it is {target} from new customers."
        ).format(
            revenue=lang.money(plan["revenue_12m"]),
            share=lang.percent(plan["target_new_share"], 0),
            target=lang.money(plan["target_new_revenue"]),
        ),
        _("New customers won in the last 12 months: {count}, bringing {money}.").format(
            count=lang.number(plan["new_customers_12m"]),
            money=lang.money(plan["new_customer_revenue_12m"]),
        ),
        _("A new customer brings about {money} in its first year ({basis}).").format(
            money=lang.money(plan["first_year_revenue"]), basis=basis
        ),
        _("New customers needed in the next 12 months to reach the target: about {count}.").format(
            count=lang.number(plan["new_customers_needed"])
        ),
    ]
    return "\n".join(lines)
