"""The shortlist: which accounts to delight, reprice, put on prepayment or let go (text 002).

Text 002's signs of a difficult account (:func:`burdens`): a deep discount, extra work
nobody invoices, disputes over invoices, squeezed deadlines. An account that loses money
after cost-to-serve gets one of its suggested actions, chosen by those signs; the best
accounts get "keep and delight" (:func:`shortlist`). When a sign counts is in
:data:`RULES`: change them to fit your trade.

>>> shortlist(account_economics(invoices, hours, as_of, 48.0), names)
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from helpers.analysis.profitability import NAN, accounts_in_words
from helpers.language import N_
from helpers.report.formats import ENGLISH, Formats

# When does a burden count? Change these to fit your trade; the notebook says so.
RULES = {
    "discount_points_above_typical": 0.10,  # discount off list ≥ the typical one + 10 points
    "unbilled_share": 0.40,  # at least 40 % of the hours logged for it are not invoiced
    "credit_notes": 3,  # at least 3 credit notes in the period
    "rush_share": 0.15,  # at least 15 % of its orders carried a rush surcharge
    "big_share": 0.20,  # "brings a big share of cash flow": in the top 20 % by revenue
    "delight_profit_share": 0.50,  # keep and delight the best accounts making half the profit
}

# The actions: English keys in the list's ``action`` column (for tools), translated with
# ``formats._`` wherever a person reads them.
KEEP, REPRICE, PREPAY, NO_SLOTS, COMPETITOR = (
    N_("keep and delight"),
    N_("reprice"),
    N_("ask for prepayment"),
    N_("no free slots this month"),
    N_("suggest a competitor that fits them better"),
)
ACTIONS = (KEEP, REPRICE, PREPAY, NO_SLOTS, COMPETITOR)
ACTION_HOW = {
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
BASIS_LABELS = {
    "profit": N_("profit after cost-to-serve"),
    "margin": N_("margin"),
    "revenue": N_("revenue"),
}
MAKES = {  # a keep-and-delight account's share of everything, by what it is judged on
    "profit": N_("makes {share} of all profit after cost-to-serve"),
    "margin": N_("makes {share} of all margin"),
    "revenue": N_("makes {share} of all revenue"),
}


def _fill(template: str, **values: pd.Series) -> pd.Series:
    """``template`` filled in row by row from Series of text: one reason per account."""
    frame = pd.DataFrame(values)
    return pd.Series(
        [template.format(**row) for row in frame.to_dict("records")], index=frame.index
    )


def burdens(table: pd.DataFrame, rules: dict | None = None) -> pd.DataFrame:
    """Text 002's signs of a difficult account, one yes/no column each.

    - ``deep_discount``: discount_share ≥ the typical account's (median) + the rule's
      points; - ``extra_work``: unbilled_share ≥ the rule; - ``disputes``: credit_notes ≥
      the rule; - ``squeezed``: rush_share ≥ the rule; - ``big``: in the top share of
      accounts by revenue. Unknown data counts as no. Also ``typical_discount``.
    """
    rules = {**RULES, **(rules or {})}
    typical = (
        float(table["discount_share"].median()) if table["discount_share"].notna().any() else NAN
    )
    out = pd.DataFrame(index=table.index)
    out["deep_discount"] = (
        table["discount_share"] >= typical + rules["discount_points_above_typical"]
    )
    out["extra_work"] = table["unbilled_share"] >= rules["unbilled_share"]
    out["disputes"] = table["credit_notes"] >= rules["credit_notes"]
    out["squeezed"] = table["rush_share"] >= rules["rush_share"]
    buying = table.loc[table["revenue"] > 0, "revenue"].sort_values(ascending=False, kind="stable")
    top = buying.index[: math.ceil(rules["big_share"] * len(buying))]
    out["big"] = table.index.isin(top)
    out = out.fillna(False).astype(bool)
    out["typical_discount"] = typical
    return out


def shortlist(
    table: pd.DataFrame,
    names: pd.Series | None = None,
    rules: dict | None = None,
    flagged: pd.Series | None = None,
    formats: Formats = ENGLISH,
) -> pd.DataFrame:
    """Accounts with a suggested action from text 002, and why: the list to act on.

    Judged on ``profit`` (after cost-to-serve) where known, else on ``margin``, else on
    ``revenue`` (then only "keep and delight" can be suggested). An account that loses
    money gets, in this order:

    1. ``reprice`` when it is big (top 20 % by revenue): worth keeping at a fair price;
    2. ``suggest a competitor…`` when it shows at least three of the four burdens
       (deep discount, extra unbilled work, disputes, squeezed deadlines);
    3. ``no free slots this month`` when its deadlines are squeezed (rush orders);
    4. ``ask for prepayment`` when it disputes invoices (credit notes);
    5. ``reprice`` otherwise.

    The best accounts that together make half the profit (``delight_profit_share``) get
    ``keep and delight``. ``flagged`` (customer_id → True) marks accounts whose emotional
    value is high while their factual value is low; the reason says so.

    Out: DataFrame with ``customer_id``, ``name``, ``action`` (the English key, for tools:
    translate it with ``formats._`` to show it), ``why`` (in the language of ``formats``,
    ``wb.formats``); loss-makers first (largest loss first), then the accounts to delight
    (most profitable first).
    """
    rules = {**RULES, **(rules or {})}
    basis = next((c for c in ("profit", "margin", "revenue") if table[c].notna().any()), None)
    columns = ["customer_id", "name", "action", "why"]
    if basis is None or table.empty:
        return pd.DataFrame(columns=columns)
    signs = burdens(table, rules)
    value = table[basis]
    _ = formats._
    money, number = formats.money, formats.number

    def percent(v):
        return formats.percent(v, 0)

    losing = (value < 0) if basis != "revenue" else pd.Series(False, index=table.index)
    count = signs[["deep_discount", "extra_work", "disputes", "squeezed"]].sum(axis=1)
    action = pd.Series(
        np.select(
            [
                losing & signs["big"],
                losing & (count >= 3),
                losing & signs["squeezed"],
                losing & signs["disputes"],
                losing,
            ],
            [REPRICE, COMPETITOR, NO_SLOTS, PREPAY, REPRICE],
            default="",
        ),
        index=table.index,
    )
    ranked = value[value > 0].sort_values(ascending=False, kind="stable")
    if len(ranked):
        before = ranked.cumsum() - ranked  # what the better accounts made before this one
        best = ranked.index[before < rules["delight_profit_share"] * ranked.sum()]
        action[best] = KEEP
    chosen = table.index[action != ""]
    if len(chosen) == 0:
        return pd.DataFrame(columns=columns)

    rows = table.loc[chosen]
    s = signs.loc[chosen]
    why = pd.Series("", index=chosen, dtype=object)

    def add(mask, text: pd.Series | str) -> None:
        nonlocal why
        piece = text if isinstance(text, pd.Series) else pd.Series(text, index=chosen)
        why = why.where(~mask, why + np.where(why == "", "", "; ") + piece)

    loses = action.loc[chosen] != KEEP
    add(
        loses,
        _fill(
            _("loses {amount} ({label}, last 12 months)"),
            amount=rows[basis].abs().map(money),
            label=pd.Series(_(BASIS_LABELS[basis]), index=chosen),
        ),
    )
    if s["typical_discount"].notna().any():
        add(
            loses & s["deep_discount"],
            _fill(
                _("pays {share} below list price (typical account {typical})"),
                share=rows["discount_share"].map(percent),
                typical=s["typical_discount"].map(percent),
            ),
        )
    add(
        loses & s["extra_work"],
        _fill(
            _("{share} of the hours spent on it ({hours} h) are never invoiced"),
            share=rows["unbilled_share"].map(percent),
            hours=rows["unbilled_hours"].map(number),
        ),
    )
    add(
        loses & s["squeezed"],
        _fill(
            _("{rush} of {orders} orders in a rush"),
            rush=rows["rush_orders"].map(number),
            orders=rows["orders"].map(number),
        ),
    )
    add(
        loses & s["disputes"],
        _fill(
            _("{count} credit notes ({amount} credited)"),
            count=rows["credit_notes"].map(number),
            amount=rows["credited"].map(money),
        ),
    )
    add(loses & s["big"], _("a big share of your cash flow: worth keeping at a fair price"))
    keep = ~loses
    share = rows[basis] / float(value[value > 0].sum())
    add(keep, _fill(_(MAKES[basis]), share=share.map(percent)))
    add(
        keep & rows["discount_share"].notna(),
        _fill(_("pays {share} below list"), share=rows["discount_share"].map(percent)),
    )
    add(
        keep & rows["unbilled_share"].notna(),
        _fill(_("{share} of its hours unbilled"), share=rows["unbilled_share"].map(percent)),
    )
    if flagged is not None:
        flag = flagged.reindex(chosen).fillna(False).astype(bool)
        add(
            flag,
            _(
                "the team loves working with them: a resource, but not a reason to keep a "
                "loss; talk about the price first"
            ),
        )

    out = pd.DataFrame(
        {"customer_id": chosen, "action": action.loc[chosen].to_numpy(), "why": why.to_numpy()}
    )
    out["name"] = out["customer_id"].map(names) if names is not None else out["customer_id"]
    out["name"] = out["name"].fillna(out["customer_id"])
    out["_order"] = np.where(out["action"] == KEEP, 1, 0)
    out["_value"] = np.where(out["action"] == KEEP, -rows[basis].to_numpy(), rows[basis].to_numpy())
    out = out.sort_values(["_order", "_value", "customer_id"], kind="stable")
    return out[columns].reset_index(drop=True)


def shortlist_in_words(
    listed: pd.DataFrame, basis_missing: str | None = None, formats: Formats = ENGLISH
) -> str:
    """How many accounts get each action, and the reminder never to badmouth a customer."""
    _ = formats._
    if listed.empty:
        head = _("No account is on the shortlist.")
    else:
        counts = listed["action"].value_counts()
        parts = [f"{formats.number(counts[a])} × {_(a)}" for a in ACTIONS if a in counts]
        head = _("{accounts} on the shortlist: {parts}.").format(
            accounts=accounts_in_words(len(listed), formats), parts=", ".join(parts)
        )
    text = [head]
    if basis_missing:
        text.append(basis_missing)
    text.append(_(NEVER_BADMOUTH))
    return "\n".join(text)


def shortlist_text(listed: pd.DataFrame, formats: Formats = ENGLISH) -> str:
    """The shortlist to read: per action, how to carry it out, then each account and why.

    Printed rather than shown as a table, so that no reason is cut short. In the language
    of ``formats`` (the ``why`` column is already written in it by :func:`shortlist`).
    """
    _ = formats._
    blocks = []
    for action in ACTIONS:
        rows = listed[listed["action"] == action]
        if rows.empty:
            continue
        lines = [f"{_(action).upper()} ({formats.number(len(rows))}): {_(ACTION_HOW[action])}."]
        lines += [f"  • {r.name} ({r.customer_id}): {r.why}." for r in rows.itertuples()]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) if blocks else _("No account is on the shortlist.")
