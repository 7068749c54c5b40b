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


# --- one account on one page: the finance review (text 003) -------------------------------

# The review's rows, translated when shown (the columns of profitability.account_review).
REVIEW_ROWS = {
    "revenue": N_("revenue"),
    "trend": N_("vs year before"),
    "margin": N_("margin"),
    "margin_share": N_("margin, share of revenue"),
    "hours": N_("hours"),
    "unbilled_share": N_("unbilled hours"),
    "hours_cost": N_("cost of hours"),
    "profit": N_("profit after cost-to-serve"),
    "profit_per_hour": N_("profit / h"),
    "discount_share": N_("below list"),
    "orders": N_("orders"),
    "credit_notes": N_("credit notes"),
    "credited": N_("credited"),
    "rush_orders": N_("rush orders"),
}
REVIEW_MONEY = ("revenue", "margin", "hours_cost", "profit", "profit_per_hour", "credited")
REVIEW_SHARES = ("trend", "margin_share", "unbilled_share", "discount_share")


def review_readable(review: dict, lang: Language) -> pd.DataFrame:
    """One account's years side by side: a row per figure, a column per 12-month window.

    In: ``profitability.account_review``, ``lang``. Rows whose data is missing in every
    window (no cost, no hours, …) are left out, so the page shows what the data can tell.
    Columns are the windows, oldest first, headed by their dates.

    Example: ``review_readable(account_review(wb.invoices, …, "C0033", 48.0), wb.lang)``
    """
    _ = lang._
    years = review["years"]
    headers = [
        f"{lang.date(start + pd.Timedelta(days=1))} – {lang.date(end)}"
        for start, end in zip(years["start"], years["end"], strict=True)
    ]
    out = {}
    for column, label in REVIEW_ROWS.items():
        values = years[column]
        if values.isna().all():
            continue
        if column in REVIEW_MONEY:
            shown = values.map(lang.money)
        elif column in REVIEW_SHARES:
            shown = values.map(lang.percent)
        else:
            shown = values.map(lang.number)
        out[_(label)] = shown.tolist()
    return pd.DataFrame.from_dict(out, orient="index", columns=headers).rename_axis(_("12 months"))


def review_in_words(
    review: dict, names: pd.Series | None, missing: set[str], lang: Language
) -> str:
    """The finance review of one account told in a few sentences.

    In: ``profitability.account_review``, ``names`` (customer_id → name, or None), the codes of
    ``what_is_missing``, ``lang``. Out: how long it has been a customer and what it has
    brought in all (the duration is part of its value, text 001), its last 12 months,
    its profit after the hours (or what that needs), in how many of the years shown it
    lost money, and where the money went (discount, credit notes, rush orders).

    Example: ``print(review_in_words(review, names, missing, wb.lang))``
    """
    _, money, percent = lang._, lang.money, lang.percent
    years = review["years"]
    customer = review["customer_id"]
    name = str(names.get(customer, customer)) if names is not None else customer
    if pd.isna(review["first_invoice"]):
        return _("{name} has no invoice up to the analysis date.").format(name=name)
    last = years.iloc[-1]
    since = _("{name} has been a customer since {date}, for {years} years: {total} invoiced in all")
    since = since.format(
        name=name,
        date=lang.date(review["first_invoice"]),
        years=lang.number(review["years_as_customer"], 1),
        total=money(review["revenue_since_first"]),
    )
    if review["years_as_customer"] >= 1:  # an average over less than a year would guess
        since += _(", {per_year} a year on average").format(
            per_year=money(review["revenue_per_year"])
        )
    text = [since + "."]
    recent = _("In the last 12 months: {revenue}, {share} of all your revenue").format(
        revenue=money(last["revenue"]), share=percent(review["revenue_share_12m"])
    )
    if last["trend"] == last["trend"]:
        recent += _(" ({trend} on the 12 months before)").format(
            trend=lang.signed_percent(last["trend"])
        )
    text.append(recent + ".")
    if last["profit"] == last["profit"]:
        per_hour = last["profit_per_hour"]
        if last["profit"] >= 0:
            made = _(
                "After the cost on its invoice lines and its {hours} h of work, it made {profit}"
            )
            hourly = _(", {amount} per hour")
        else:
            made = _(
                "After the cost on its invoice lines and its {hours} h of work, it lost {profit}"
            )
            hourly = _(", {amount} on every hour")
        sentence = made.format(hours=lang.number(last["hours"]), profit=money(abs(last["profit"])))
        if per_hour == per_hour:
            sentence += hourly.format(amount=money(abs(per_hour)))
        text.append(sentence + ".")
        known = years["profit"].dropna()
        if len(known) > 1:
            losing = int((known < 0).sum())
            text.append(
                _("It made money in each of the {count} years shown.").format(count=len(known))
                if losing == 0
                else _("It lost money in {losing} of the {count} years shown.").format(
                    losing=lang.number(losing), count=lang.number(len(known))
                )
            )
    elif last["margin"] == last["margin"]:
        text.append(
            _("Its margin after the cost on its invoice lines: {margin} ({share}).").format(
                margin=money(last["margin"]), share=percent(last["margin_share"])
            )
        )
    signs = []
    if last["discount_share"] == last["discount_share"]:
        signs.append(_("{share} below list price").format(share=percent(last["discount_share"])))
    if last["unbilled_share"] == last["unbilled_share"]:
        signs.append(
            _("{share} of its hours unbilled").format(share=percent(last["unbilled_share"], 0))
        )
    signs.append(
        _("{count} credit notes ({amount} credited)").format(
            count=lang.number(last["credit_notes"]), amount=money(last["credited"])
        )
        if last["credit_notes"] > 0
        else _("no credit notes")
    )
    if last["rush_orders"] == last["rush_orders"]:
        signs.append(
            _("{rush} of {orders} orders in a rush").format(
                rush=lang.number(last["rush_orders"]), orders=lang.number(last["orders"])
            )
        )
    text.append(_("Where the money went: {signs}.").format(signs=", ".join(signs)))
    if "profit" in missing:
        text.append(
            _(
                "The profit after cost-to-serve needs the cost on invoice lines, hours.csv "
                "and an hourly cost."
            )
        )
    return " ".join(text)
