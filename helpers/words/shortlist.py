"""In words: accounts to reprice, put on prepayment or let go, and why (notebook 03).

The shortlist comes from :func:`helpers.analysis.shortlist.shortlist`: an action per
account and its reasons as codes with their numbers. Here the reasons become the ``why``
of ``account-shortlist.csv`` (:func:`shortlist_table`), and the list is told in the
reader's language: how many accounts get each action, and how to carry each out.

>>> from helpers.language import ENGLISH
>>> why_in_words(pd.DataFrame({"reasons": [("makes",)], "basis": ["revenue"],
...                            "share": [0.9]}), ENGLISH).tolist()
['makes 90% of all revenue']
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis.shortlist import ACTIONS, COMPETITOR, KEEP, NO_SLOTS, PREPAY, REPRICE
from helpers.language import N_, Language
from helpers.words.profitability import BASIS_LABELS, accounts_in_words, missing_in_words

ACTION_HOW = {  # how to carry out each action
    KEEP: N_(
        "exceed their expectations every time, map their needs at each order, and now and "
        "then a small perk or discount as a thank-you"
    ),
    REPRICE: N_(
        "raise the price towards list, or charge for the extra hours and rush work; if they "
        "say no, they choose to go, and you part as friends"
    ),
    PREPAY: N_(
        "ask for payment before the work starts; it ends disputes about invoices and shows "
        "who values the work"
    ),
    NO_SLOTS: N_(
        '"no free slots this month": take their work when it fits your calendar, not at a '
        "rush at the normal price"
    ),
    COMPETITOR: N_("tell them kindly that another firm fits their needs better, and name one"),
}
NEVER_BADMOUTH = N_(
    "Whatever you decide, never speak badly of a customer, to anyone: word travels fast, "
    "and a firm known for gossip loses the good customers too."
)
MAKES = {  # a keep-and-delight account's share of everything, by what it is judged on
    "profit": N_("makes {share} of all profit after cost-to-serve"),
    "margin": N_("makes {share} of all margin"),
    "revenue": N_("makes {share} of all revenue"),
}


def _reasons(lang: Language) -> dict:
    """Reason code → a function of one shortlist row that tells it in ``lang``."""
    _, money, number = lang._, lang.money, lang.number

    def percent(value):
        return lang.percent(value, 0)

    def judged_on(row) -> str:
        basis = row["basis"]  # profit, margin or revenue
        return _(BASIS_LABELS[basis])

    def makes(row) -> str:
        basis = row["basis"]
        return _(MAKES[basis]).format(share=percent(row["share"]))

    return {
        "loses": lambda r: _("loses {amount} ({label}, last 12 months)").format(
            amount=money(abs(r["value"])), label=judged_on(r)
        ),
        "deep_discount": lambda r: _(
            "pays {share} below list price (typical account {typical})"
        ).format(share=percent(r["discount_share"]), typical=percent(r["typical_discount"])),
        "extra_work": lambda r: _(
            "{share} of the hours spent on it ({hours} h) are never invoiced"
        ).format(share=percent(r["unbilled_share"]), hours=number(r["unbilled_hours"])),
        "squeezed": lambda r: _("{rush} of {orders} orders in a rush").format(
            rush=number(r["rush_orders"]), orders=number(r["orders"])
        ),
        "disputes": lambda r: _("{count} credit notes ({amount} credited)").format(
            count=number(r["credit_notes"]), amount=money(r["credited"])
        ),
        "big": lambda r: _(
            "brings {share} of your revenue, a big share of your cash flow, without the signs "
            "of extra work: worth keeping at a fair price"
        ).format(share=lang.percent(r["revenue_share"], 1)),
        "every_sign": lambda r: _(
            "shows all four signs of a difficult customer: let it go, politely"
        ),
        "makes": makes,
        "below_list": lambda r: _("pays {share} below list").format(
            share=percent(r["discount_share"])
        ),
        "unbilled": lambda r: _("{share} of its hours unbilled").format(
            share=percent(r["unbilled_share"])
        ),
        "loved": lambda r: _(
            "the team loves working with them: a resource, but not a reason to keep a "
            "loss; talk about the price first"
        ),
    }


def why_in_words(listed: pd.DataFrame, lang: Language) -> pd.Series:
    """Each account's reasons told in one line, separated by "; " (the ``why`` column).

    In: ``listed`` from ``shortlist.shortlist`` (its ``reasons``, ``basis`` and numbers),
    ``lang``. Out: Series of text on ``listed``'s index.
    """
    tell = _reasons(lang)
    lines = [
        "; ".join(tell[code](row) for code in row["reasons"]) for row in listed.to_dict("records")
    ]
    return pd.Series(lines, index=listed.index, name="why", dtype=object)


def shortlist_table(listed: pd.DataFrame, lang: Language) -> pd.DataFrame:
    """The shortlist as saved, ``account-shortlist.csv``: customer_id, name, action, why.

    In: ``listed`` from ``shortlist.shortlist``, ``lang`` (the language of ``why``; the
    action stays the English key, for tools). Out: DataFrame in ``listed``'s order.

    Example: ``wb.save_list("account-shortlist", shortlist_table(listed, wb.lang))``
    """
    out = listed[["customer_id", "name", "action"]].copy()
    out["why"] = why_in_words(listed, lang)
    return out


def shortlist_in_words(listed: pd.DataFrame, missing: set[str], lang: Language) -> str:
    """How many accounts get each action, and the reminder never to badmouth a customer.

    In: ``listed`` from ``shortlist.shortlist``, the codes of
    ``profitability.what_is_missing`` (what the profit needs is said when it is missing),
    ``lang``.

    >>> from helpers.language import ENGLISH
    >>> print(shortlist_in_words(pd.DataFrame({"action": []}), set(), ENGLISH))
    No account is on the shortlist.
    Whatever you decide, never speak badly of a customer, to anyone: word travels fast, \
and a firm known for gossip loses the good customers too.
    """
    _ = lang._
    if listed.empty:
        head = _("No account is on the shortlist.")
    else:
        counts = listed["action"].value_counts()
        parts = [f"{lang.number(counts[a])} × {_(a)}" for a in ACTIONS if a in counts]
        head = _("{accounts} on the shortlist: {parts}.").format(
            accounts=accounts_in_words(len(listed), lang), parts=", ".join(parts)
        )
    text = [head]
    basis_missing = missing_in_words(missing, lang).get("profit")
    if basis_missing:
        text.append(basis_missing)
    text.append(_(NEVER_BADMOUTH))
    return "\n".join(text)


def shortlist_text(listed: pd.DataFrame, lang: Language) -> str:
    """The shortlist to read: per action, how to carry it out, then each account and why.

    In: ``listed`` from ``shortlist.shortlist``, ``lang``. Printed rather than shown as a
    table, so that no reason is cut short.

    Example: ``print(shortlist_text(listed, wb.lang))``
    """
    _ = lang._
    why = why_in_words(listed, lang)
    blocks = []
    for action in ACTIONS:
        rows = listed[listed["action"] == action]
        if rows.empty:
            continue
        lines = [f"{_(action).upper()} ({lang.number(len(rows))}): {_(ACTION_HOW[action])}."]
        lines += [f"  • {r.name} ({r.customer_id}): {why[r.Index]}." for r in rows.itertuples()]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) if blocks else _("No account is on the shortlist.")
