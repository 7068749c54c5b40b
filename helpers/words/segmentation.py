"""In words: the valuable fifth, its value × potential cells and the time budget (notebook 02).

The segments come from :mod:`helpers.analysis.segmentation`; here they are told in
sentences in the reader's language, and the service model says who serves each segment
and what it gets (each customer's own next step is the plan's: ``helpers.words.plan``).
How long the fifth have been customers, against the many: :func:`relationship_in_words`.

>>> from helpers.language import Language
>>> value_note_in_words("no_cost_column", 0, Language("sv"))
'fakturorna har ingen kolumn cost, så värdet är omsättningen'
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from helpers.analysis.segmentation import (
    COST_MISSING,
    DEVELOP,
    DORMANT,
    KEEP,
    KEY_ACCOUNT,
    MAINTAIN,
    MARGIN,
    NO_COST_COLUMN,
    SERVE,
    TREND,
)
from helpers.language import N_, Language


@dataclass(frozen=True)
class ServiceModel:
    """How the company serves one segment (its sales hours: ``SERVICE_HOURS`` of the analysis)."""

    segment: str
    who: str  # who looks after these customers
    what: str  # what they get from us


# The service model in words (English message ids, translated by service_model). The
# valuable fifth gets the salespeople's time; the many get marketing and at most one call a
# year (text 001).
SERVICE_MODEL: dict[str, ServiceModel] = {
    KEY_ACCOUNT: ServiceModel(
        KEY_ACCOUNT,
        N_("a named owner, with a deputy who knows the account"),
        N_(
            "an account plan, a meeting every quarter, a customer vision agreed with the "
            "customer (notebook 06), as many as the team can truly look after"
        ),
    ),
    KEEP: ServiceModel(
        KEEP,
        N_("a named owner"),
        N_(
            "flawless delivery, a service review once a year, a quick answer every time: "
            "no gap for a competitor to get in"
        ),
    ),
    DEVELOP: ServiceModel(
        DEVELOP,
        N_("a named owner, for a set time"),
        N_(
            "a meeting that maps what else they buy and from whom; a targeted offer when a "
            "need shows; the aim is to grow into a key account"
        ),
    ),
    MAINTAIN: ServiceModel(
        MAINTAIN,
        N_("a named owner"),
        N_(
            "good service without selling: a review call once a year, a quick answer, no "
            "surprises, so that no competitor finds a gap"
        ),
    ),
    SERVE: ServiceModel(
        SERVE,
        N_("marketing, plus anyone for the yearly call"),
        N_(
            "newsletters, offers, easy ordering and the information they need about you; at "
            "most one check-up call a year on their situation and purchasing plans, as long as "
            "the team's calls allow"
        ),
    ),
    DORMANT: ServiceModel(
        DORMANT,
        N_("marketing"),
        N_(
            "newsletters; one call to those who still bought the year before, to ask why they "
            "stopped"
        ),
    ),
}


def service_model(summary: pd.DataFrame, lang: Language) -> pd.DataFrame:
    """Per segment: customers, who serves them, what they get, and the sales hours.

    In: ``summary`` from ``segmentation.segment_summary`` (indexed by segment); ``lang``
    (who and what of :data:`SERVICE_MODEL` in the reader's language). Out: DataFrame with
    ``customers``, ``who``, ``what``, ``hours_per_year``, to show with
    ``words.segment_lists.readable``.

    Example: ``readable(service_model(segment_summary(table), wb.lang), wb.lang)``
    """
    out = summary[["customers"]].copy()
    out["who"] = [lang._(SERVICE_MODEL[s].who) for s in summary.index]
    out["what"] = [lang._(SERVICE_MODEL[s].what) for s in summary.index]
    out["hours_per_year"] = summary["hours_per_year"]
    return out


def value_note_in_words(note: str, lines_without_cost: int, lang: Language) -> str:
    """Why value is revenue though margin was asked for ('' when margin was used).

    In: the ``note`` code and the count of ``segmentation.value_measure`` (or
    ``table.attrs["value_note"]`` and ``["lines_without_cost"]``).
    """
    if note == NO_COST_COLUMN:
        return lang._("the invoices have no cost column, so value is revenue")
    if note == COST_MISSING:
        return lang._(
            "{count} invoice line(s) of the last 12 months have no cost, so value is revenue"
        ).format(count=lang.number(lines_without_cost))
    return ""


def potential_in_words(table: pd.DataFrame, customers: pd.DataFrame | None, lang: Language) -> str:
    """How value and potential were measured, and what a wallet column would add.

    In: ``table`` from ``segmentation.segments``, ``customers`` (``customers.csv`` or
    None), ``lang``. Out: a few lines of text.

    Example: ``print(potential_in_words(table, wb.company.customers, wb.lang))``
    """
    _ = lang._
    attrs = table.attrs
    active = table.loc[table["segment"] != DORMANT]
    trend = active.loc[active["potential_basis"] == TREND]
    by_wallet = len(active) - len(trend)
    if active.empty:
        return _("Nobody bought in the last 12 months, so every customer is dormant.")
    text = []
    if attrs.get("value_note"):
        text.append(_("You asked for margin, but the invoices lack costs, so value is revenue."))
    measure = _("margin (revenue − cost)") if attrs.get("value") == MARGIN else _("revenue")
    fifth = int((active["value_level"] == "high").sum())
    upper = int((active["value_half"] == "upper").sum())
    text.append(
        _(
            "Value is the {measure} of the last 12 months. The valuable fifth: the largest "
            "{top} of the {count} customers who bought, {fifth} customers from {cutoff} up. "
            "Its more valuable half has the higher value: from {split} up, {upper} of them."
        ).format(
            measure=measure,
            top=lang.percent(attrs["key_share"], 0),
            count=lang.number(len(active)),
            fifth=lang.number(fifth),
            cutoff=lang.money(attrs["value_cutoff"]),
            upper=lang.number(upper),
            split=lang.money(attrs["split_cutoff"]),
        )
    )
    if by_wallet:
        text.append(
            _(
                "Potential by share of wallet ({count} customers): high when at least {share} of "
                "what the customer buys a year (wallet in customers.csv) still goes to others."
            ).format(count=lang.number(by_wallet), share=lang.percent(attrs["wallet_cutoff"], 0))
        )
        over = int((active["share_of_wallet"] > 1).sum())
        if over:
            text.append(
                _(
                    "Customers who bought more than the wallet you estimated: {count}. Raise "
                    "those estimates in customers.csv."
                ).format(count=lang.number(over))
            )
    if len(trend):
        text.append(
            _(
                "Potential by growth trend ({count} customers; the last 12 months against the 12 "
                "before): high from {growth} growth up. New customers ({new}: their first "
                "invoice falls after the start of the 12 months before, so there is no whole "
                "year to compare with) count as high."
            ).format(
                count=lang.number(len(trend)),
                growth=lang.percent(attrs["growth_cutoff"], 0),
                new=lang.number(int(trend["potential"].isna().sum())),
            )
        )
        if customers is None or "wallet" not in customers.columns:
            text.append(
                _(
                    "Add a wallet column to customers.csv (your estimate of what each customer "
                    "buys a year of what you sell, from anyone) to place customers by how much "
                    "of their needs you already cover. Growth alone can't tell a small customer "
                    "that buys everything from you from one that buys most of it elsewhere."
                )
            )
        else:
            text.append(
                _("Give those customers a wallet in customers.csv to place them the same way.")
            )
    return "\n".join(text)


def time_budget_in_words(
    summary: pd.DataFrame, hours_available: float | None, lang: Language
) -> str:
    """Do the hours the service model asks for fit the sales time there is?

    In: ``summary`` from ``segmentation.segment_summary``, the sales hours a year there
    are (None: not known), ``lang``. Out: two sentences.

    >>> from helpers.language import ENGLISH
    >>> summary = pd.DataFrame({"customers": [2, 3], "hours_per_year": [80.0, 3.0]},
    ...                        index=["key account", "serve"])
    >>> print(time_budget_in_words(summary, 100, ENGLISH))
    The service model asks for 83 hours of sales time a year; the key accounts (2) take 80 of them.
    You have 100 hours: it fits, with 17 hours to spare for finding new customers.
    """
    _ = lang._
    needed = float(summary["hours_per_year"].sum())
    key = summary.loc[KEY_ACCOUNT]
    text = [
        _(
            "The service model asks for {hours} hours of sales time a year; the key accounts "
            "({count}) take {key_hours} of them."
        ).format(
            hours=lang.number(needed),
            count=lang.number(int(key["customers"])),
            key_hours=lang.number(key["hours_per_year"]),
        )
    ]
    if hours_available is None or hours_available <= 0:
        text.append(_("Set hours_available to see whether that fits the time your team has."))
    elif needed <= hours_available:
        text.append(
            _(
                "You have {available} hours: it fits, with {spare} hours to spare for finding "
                "new customers."
            ).format(
                available=lang.number(hours_available), spare=lang.number(hours_available - needed)
            )
        )
    else:
        text.append(
            _(
                "You have {available} hours: {short} hours short. Serve fewer customers "
                "personally (a higher cut-off), spend fewer hours per customer, or find the time."
            ).format(
                available=lang.number(hours_available), short=lang.number(needed - hours_available)
            )
        )
    return "\n".join(text)


def fifth_and_many_in_words(groups: pd.DataFrame, lang: Language) -> str:
    """How the service model's sales hours split between the valuable fifth and the many.

    In: ``groups`` from ``segmentation.fifth_and_many``, ``lang``. Out: one or two sentences.

    >>> from helpers.language import ENGLISH
    >>> groups = pd.DataFrame({"customers": [2, 8, 3], "value_share": [0.7, 0.3, 0.0],
    ...     "hours_per_year": [50.0, 8.0, 2.0], "hours_share": [50 / 60, 8 / 60, 2 / 60]},
    ...     index=["fifth", "many", "dormant"])
    >>> print(fifth_and_many_in_words(groups, ENGLISH))  # doctest: +NORMALIZE_WHITESPACE
    The valuable fifth (2 customers, 70.0% of the value) gets 50 of the 60 sales hours
    (83.3%); the many (8 customers, 30.0% of the value) get 8, at most one call each.
    Calls to those who stopped buying in the last year: 2 hours.
    """
    _ = lang._
    fifth, many, dormant = (groups.loc[g] for g in ("fifth", "many", "dormant"))
    total = float(groups["hours_per_year"].sum())
    if total <= 0:
        return _("The service model asks for no sales hours at all.")
    text = _(
        "The valuable fifth ({fifth} customers, {fifth_value} of the value) gets {fifth_hours} "
        "of the {hours} sales hours ({fifth_share}); the many ({many} customers, {many_value} "
        "of the value) get {many_hours}, at most one call each."
    ).format(
        fifth=lang.number(int(fifth["customers"])),
        fifth_value=lang.percent(fifth["value_share"]),
        fifth_hours=lang.number(fifth["hours_per_year"]),
        hours=lang.number(total),
        fifth_share=lang.percent(fifth["hours_share"]),
        many=lang.number(int(many["customers"])),
        many_value=lang.percent(many["value_share"]),
        many_hours=lang.number(many["hours_per_year"]),
    )
    if dormant["hours_per_year"] > 0:
        text += "\n" + _(
            "Calls to those who stopped buying in the last year: {hours} hours."
        ).format(hours=lang.number(dormant["hours_per_year"]))
    return text


def relationship_in_words(facts: dict, lang: Language) -> str:
    """Are the most valuable customers the oldest? Years as a customer, fifth against many.

    In: ``facts`` from ``segmentation.relationship_length``, ``lang``. Out: a few sentences.

    >>> from helpers.language import ENGLISH
    >>> facts = {"fifth_median_years": 4.2, "many_median_years": 2.1, "fifth": 5, "many": 20,
    ...     "oldest": 5, "fifth_among_oldest": 2, "key_accounts": 2,
    ...     "key_accounts_among_oldest": 0, "longer": "fifth"}
    >>> print(relationship_in_words(facts, ENGLISH))  # doctest: +NORMALIZE_WHITESPACE
    Your valuable fifth have been customers for 4.2 years (median), the many for 2.1 years.
    Of the 5 customers who have bought from you longest, 2 are in the valuable fifth; of
    your key accounts (2), none.
    """
    _ = lang._
    if facts["fifth"] == 0:
        return _("Nobody bought in the last 12 months, so there is no valuable fifth to look at.")
    fifth_years = lang.number(facts["fifth_median_years"], 1)
    if facts["many"] == 0:
        return _(
            "Your valuable fifth have been customers for {years} years (median); everyone who "
            "bought is in it, so there are no others to compare with."
        ).format(years=fifth_years)
    text = [
        _(
            "Your valuable fifth have been customers for {fifth} years (median), the many for "
            "{many} years."
        ).format(fifth=fifth_years, many=lang.number(facts["many_median_years"], 1))
    ]
    among = _(
        "Of the {oldest} customers who have bought from you longest, {fifth} are in the "
        "valuable fifth"
    ).format(oldest=lang.number(facts["oldest"]), fifth=lang.number(facts["fifth_among_oldest"]))
    if facts["key_accounts"]:
        keys = facts["key_accounts_among_oldest"]
        among += "; " + _("of your key accounts ({keys}), {among}.").format(
            keys=lang.number(facts["key_accounts"]),
            among=lang.number(keys) if keys else _("none"),
        )
    else:
        among += "."
    text.append(among)
    return "\n".join(text)


def key_accounts_in_words(table: pd.DataFrame, choices, lang: Language) -> str:
    """How many key accounts the cut-offs give against how many the team can look after.

    In: ``table`` from ``segmentation.segments``, the company's ``choices`` (its
    ``key_share`` and ``max_key_accounts``), ``lang``.
    """
    _ = lang._
    keys = int((table["segment"] == KEY_ACCOUNT).sum())
    most = int(choices.max_key_accounts)
    text = _(
        "Your cut-offs give {keys} key accounts; your team can truly look after {most} "
        "(max_key_accounts), each with an account plan and a customer vision."
    ).format(keys=lang.number(keys), most=lang.number(most))
    if keys <= most:
        return text + " " + _("Every key account gets that care.")
    return (
        text
        + " "
        + _(
            "The plan writes a vision with the {most} most valuable (first with any your team "
            "has already written one for); the other {rest} get a salesperson for a set time "
            "(develop) as far as the team's time allows, then a call first in line. On a base "
            "this large, a smaller key_share finds the few that matter most: see the table "
            "below."
        ).format(most=lang.number(most), rest=lang.number(keys - most))
    )


def key_accounts_by_share_readable(counts: pd.Series, lang: Language) -> pd.DataFrame:
    """The table of ``segmentation.key_accounts_by_share``: key_share → key accounts."""
    _ = lang._
    return pd.DataFrame(
        {_("key accounts"): [lang.number(n) for n in counts]},
        index=pd.Index([lang.percent(share, 0) for share in counts.index], name="key_share"),
    )
