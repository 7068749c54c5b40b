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

# When does a burden count? Change these to fit your trade; the notebook says so.
RULES = {
    "discount_points_above_typical": 0.10,  # discount off list ≥ the typical one + 10 points
    "unbilled_share": 0.40,  # at least 40 % of the hours logged for it are not invoiced
    "credit_notes": 3,  # at least 3 credit notes in the period
    "rush_share": 0.15,  # at least 15 % of its orders carried a rush surcharge
    "big_share": 0.20,  # "brings a big share of cash flow": in the top 20 % by revenue
    "delight_profit_share": 0.50,  # keep and delight the best accounts making half the profit
}

KEEP, REPRICE, PREPAY, NO_SLOTS, COMPETITOR = (
    "keep and delight",
    "reprice",
    "ask for prepayment",
    "no free slots this month",
    "suggest a competitor that fits them better",
)
ACTIONS = (KEEP, REPRICE, PREPAY, NO_SLOTS, COMPETITOR)
ACTION_HOW = {
    KEEP: "exceed their expectations every time, map their needs at each order, "
    "and now and then a small perk or discount as a thank-you",
    REPRICE: "raise the price towards list, or charge for the extra hours and rush work; "
    "if they say no, they choose to go, and you part as friends",
    PREPAY: "ask for payment before the work starts; it ends disputes about invoices "
    "and shows who values the work",
    NO_SLOTS: '"no free slots this month": take their work when it fits your calendar, '
    "not at a rush at the normal price",
    COMPETITOR: "tell them kindly that another firm fits their needs better, and name one",
}
NEVER_BADMOUTH = (
    "Whatever you decide, never speak badly of a customer, to anyone: word travels "
    "fast, and a firm known for gossip loses the good customers too."
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
    money=lambda v: f"€{v:,.0f}",
    percent=lambda v: f"{v:.0%}",
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

    Out: DataFrame with ``customer_id``, ``name``, ``action``, ``why``; loss-makers first
    (largest loss first), then the accounts to delight (most profitable first).
    """
    rules = {**RULES, **(rules or {})}
    basis = next((c for c in ("profit", "margin", "revenue") if table[c].notna().any()), None)
    columns = ["customer_id", "name", "action", "why"]
    if basis is None or table.empty:
        return pd.DataFrame(columns=columns)
    signs = burdens(table, rules)
    value = table[basis]
    label = {"profit": "profit after cost-to-serve", "margin": "margin", "revenue": "revenue"}[
        basis
    ]
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
    add(loses, "loses " + rows[basis].abs().map(money) + f" ({label}, last 12 months)")
    if s["typical_discount"].notna().any():
        add(
            loses & s["deep_discount"],
            "pays "
            + rows["discount_share"].map(percent)
            + " below list price (typical account "
            + s["typical_discount"].map(percent)
            + ")",
        )
    add(
        loses & s["extra_work"],
        rows["unbilled_share"].map(percent)
        + " of the hours spent on it ("
        + rows["unbilled_hours"].map(lambda h: f"{h:,.0f}")
        + " h) are never invoiced",
    )
    add(
        loses & s["squeezed"],
        rows["rush_orders"].map(lambda n: f"{n:.0f}")
        + " of "
        + rows["orders"].map(str)
        + " orders in a rush",
    )
    add(
        loses & s["disputes"],
        rows["credit_notes"].map(str)
        + " credit notes ("
        + rows["credited"].map(money)
        + " credited)",
    )
    add(loses & s["big"], "a big share of your cash flow: worth keeping at a fair price")
    keep = ~loses
    share = rows[basis] / float(value[value > 0].sum())
    add(keep, "makes " + share.map(percent) + f" of all {label}")
    add(
        keep & rows["discount_share"].notna(),
        "pays " + rows["discount_share"].map(percent) + " below list",
    )
    add(
        keep & rows["unbilled_share"].notna(),
        rows["unbilled_share"].map(percent) + " of its hours unbilled",
    )
    if flagged is not None:
        flag = flagged.reindex(chosen).fillna(False).astype(bool)
        add(
            flag,
            "the team loves working with them: a resource, but not a reason to "
            "keep a loss; talk about the price first",
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


def shortlist_in_words(listed: pd.DataFrame, basis_missing: str | None = None) -> str:
    """How many accounts get each action, and the reminder never to badmouth a customer."""
    if listed.empty:
        head = "No account is on the shortlist."
    else:
        counts = listed["action"].value_counts()
        parts = [f"{counts[a]} × {a}" for a in ACTIONS if a in counts]
        head = f"{accounts_in_words(len(listed))} on the shortlist: " + ", ".join(parts) + "."
    text = [head]
    if basis_missing:
        text.append(basis_missing)
    text.append(NEVER_BADMOUTH)
    return "\n".join(text)


def shortlist_text(listed: pd.DataFrame) -> str:
    """The shortlist to read: per action, how to carry it out, then each account and why.

    Printed rather than shown as a table, so that no reason is cut short.
    """
    blocks = []
    for action in ACTIONS:
        rows = listed[listed["action"] == action]
        if rows.empty:
            continue
        lines = [f"{action.upper()} ({len(rows)}): {ACTION_HOW[action]}."]
        lines += [f"  • {r.name} ({r.customer_id}): {r.why}." for r in rows.itertuples()]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) if blocks else "No account on the shortlist."
