"""In words: each account's economics after the cost to serve it (notebook 03).

The table comes from :func:`helpers.analysis.profitability.account_economics`; here it is
shown with names, formatted figures and translated headers, and what the data lacks
(:func:`helpers.analysis.profitability.what_is_missing`, a set of codes) becomes the
sentence saying what to add.

>>> from helpers.language import Language
>>> accounts_in_words(1200, Language("sv"))
'1\xa0200 kunder'
"""

from __future__ import annotations

import pandas as pd

from helpers.language import N_, Language

# The measure an account is judged on (profit, else margin, else revenue), as a reader
# sees it; used by the account-value and shortlist words too.
BASIS_LABELS = {
    "profit": N_("profit after cost-to-serve"),
    "margin": N_("margin"),
    "revenue": N_("revenue"),
}


def accounts_in_words(n: int, lang: Language) -> str:
    """A count of accounts for a sentence: "1 account", "3 accounts" (in ``lang``)."""
    _ = lang._
    words = _("{count} account") if n == 1 else _("{count} accounts")  # one rule in en, fi, sv
    return words.format(count=lang.number(n))


def missing_in_words(missing: set[str], lang: Language) -> dict[str, str]:
    """What is missing for each part of the notebook, as a sentence saying what to add.

    In: the codes of ``profitability.what_is_missing`` (``cost``, ``hours``,
    ``hourly_cost``, ``list_price``, ``profit``), ``lang``. Out: code → sentence; the
    ``profit`` sentence names what the profit after cost-to-serve needs, then what to add.

    >>> from helpers.language import ENGLISH
    >>> missing_in_words({"hourly_cost", "profit"}, ENGLISH)["profit"][:58]
    'The profit after cost-to-serve needs the cost on invoice l'
    """
    _ = lang._
    words = {}
    if "cost" in missing:
        words["cost"] = _(
            "Add a `cost` column to invoices.csv (the direct cost of each line: materials, "
            "subcontracting, machine time) to see each account's margin."
        )
    if "hours" in missing:
        words["hours"] = _(
            "Add hours.csv (customer_id, date, hours, billable yes/no) to see how much "
            "working time each account takes, and how much of it you never invoice."
        )
    if "hourly_cost" in missing:
        words["hourly_cost"] = _(
            "Add `hourly_cost = 48.0` (what one working hour costs you, fully loaded) to "
            "company.toml to put a price on the hours."
        )
    if "list_price" in missing:
        words["list_price"] = _(
            "Add `list_price` and `quantity` columns to invoices.csv to see the discount "
            "each account gets off your list price."
        )
    needs = [words[k] for k in ("cost", "hours", "hourly_cost") if k in words]
    if "profit" in missing:
        words["profit"] = " ".join(
            [
                _(
                    "The profit after cost-to-serve needs the cost on invoice lines, hours.csv "
                    "and an hourly cost."
                ),
                *needs,
            ]
        )
    return words


# --- tables and sentences -----------------------------------------------------------------

# Table headers, translated when shown.
READABLE = {
    "revenue": N_("revenue"),
    "trend": N_("vs year before"),
    "margin": N_("margin"),
    "hours": N_("hours"),
    "unbilled_share": N_("unbilled hours"),
    "revenue_per_hour": N_("revenue / h"),
    "margin_per_hour": N_("margin / h"),
    "discount_share": N_("below list"),
    "credit_notes": N_("credit notes"),
    "rush_orders": N_("rush orders"),
    "hours_cost": N_("cost of hours"),
    "profit": N_("profit after cost-to-serve"),
}
MONEY = ("revenue", "margin", "revenue_per_hour", "margin_per_hour", "hours_cost", "profit")
SHARES = ("trend", "unbilled_share", "discount_share")


def economics_readable(
    table: pd.DataFrame,
    names: pd.Series | None,
    lang: Language,
    columns=tuple(READABLE),
    top: int | None = 10,
) -> pd.DataFrame:
    """The first ``top`` rows of ``profitability.account_economics`` with names, formatted.

    In: the table, ``names`` (customer_id → name, or None), ``lang``; ``columns`` to show
    (of :data:`READABLE`). Columns whose data is missing altogether (no cost, no hours, …)
    are left out, so the table shows what the data can tell. Out: DataFrame of text,
    headers and numbers in the reader's language.

    Example: ``economics_readable(economics, names, wb.lang, top=10)``
    """
    _ = lang._
    rows = table if top is None else table.head(top)
    keep = [c for c in columns if c in rows.columns and table[c].notna().any()]
    out = pd.DataFrame(index=pd.Index(rows.index, name=_("customer")))
    out[_("name")] = [str(names.get(i, i)) if names is not None else i for i in rows.index]
    for column in keep:
        values = rows[column]
        if column in MONEY:
            shown = values.map(lang.money)
        elif column in SHARES:
            shown = values.map(lang.percent)
        else:
            shown = values.map(lang.number)
        out[_(READABLE[column])] = shown
    return out


def assumptions_in_words(missing: set[str], hourly_cost: float | None, lang: Language) -> str:
    """What the profit after cost-to-serve assumes, or what to add to compute it.

    In: the codes of ``profitability.what_is_missing``, the hourly cost, ``lang``.

    >>> from helpers.language import ENGLISH
    >>> print(assumptions_in_words(set(), 48.0, ENGLISH)[:83])
    Profit after cost-to-serve = revenue − the cost on the invoice lines − every logged
    """
    if "profit" in missing:
        return missing_in_words(missing, lang)["profit"]
    return lang._(
        "Profit after cost-to-serve = revenue − the cost on the invoice lines − every logged "
        "hour × {cost} (the hourly cost in company.toml). This assumes the cost on invoice "
        "lines leaves out the hours in hours.csv, so that every logged hour, billable or not, "
        "is a cost of serving the customer; the billable ones come back as revenue, the "
        "unbilled ones do not. Discounts and credit notes are already out of revenue, so they "
        "are shown, not subtracted again."
    ).format(cost=lang.money(hourly_cost))


def sources_in_words(missing: set[str], lang: Language) -> str:
    """Where margin, hours and discounts come from, or what to add to see them.

    In: the codes of ``profitability.what_is_missing``, ``lang``. Out: four lines.

    >>> from helpers.language import ENGLISH
    >>> print(sources_in_words({"list_price"}, ENGLISH))  # doctest: +ELLIPSIS
    Margin: from the `cost` column of invoices.csv.
    Hours: from hours.csv.
    Hourly cost: from company.toml.
    Add `list_price` and `quantity` columns to invoices.csv to see the discount ...
    """
    found = {
        "cost": N_("Margin: from the `cost` column of invoices.csv."),
        "hours": N_("Hours: from hours.csv."),
        "hourly_cost": N_("Hourly cost: from company.toml."),
        "list_price": N_("Discounts: from `list_price` × `quantity` on the invoice lines."),
    }
    missing_words = missing_in_words(missing, lang)
    return "\n".join(missing_words.get(key, lang._(text)) for key, text in found.items())
