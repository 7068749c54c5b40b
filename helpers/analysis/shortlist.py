"""The shortlist: which accounts to delight, reprice, put on prepayment or let go (text 002).

Text 002's signs of a difficult account (:func:`burdens`): a deep discount, extra work
nobody invoices, disputes over invoices, squeezed deadlines. An account that loses money
after cost-to-serve gets one of its suggested actions, chosen by those signs; the best
accounts get "keep and delight" (:func:`shortlist`). Text 002 tolerates a difficult
customer only when it brings a big share of the cash flow **and** no unreasonable extra
work: only such an account is kept at a fair price; one showing every sign is let go,
politely. When a sign counts is in :data:`RULES`: change them to fit your trade. Each
account's reasons are codes (:data:`REASONS`) with the numbers they need;
``helpers.words.shortlist`` tells them.

>>> shortlist(account_economics(invoices, hours, as_of, 48.0), names)  # doctest: +SKIP
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.analysis.profitability import NAN
from helpers.language import N_

# When does a burden count? Change these to fit your trade; the notebook says so.
RULES = {
    "discount_points_above_typical": 0.10,  # discount off list ≥ the typical one + 10 points
    "unbilled_share": 0.40,  # at least 40 % of the hours logged for it are not invoiced
    "credit_notes": 3,  # at least 3 credit notes in the period
    "rush_share": 0.15,  # at least 15 % of its orders carried a rush surcharge
    "big_share": 0.05,  # "brings a big share of cash flow": at least 5 % of all revenue
    "delight_profit_share": 0.50,  # keep and delight the best accounts making half the profit
}

# The actions: English keys in the list's ``action`` column (for tools), translated
# wherever a person reads them (how to carry each out: helpers.words.shortlist).
KEEP, REPRICE, PREPAY, NO_SLOTS, COMPETITOR = (
    N_("keep and delight"),
    N_("reprice"),
    N_("ask for prepayment"),
    N_("no free slots this month"),
    N_("suggest a competitor that fits them better"),
)
ACTIONS = (KEEP, REPRICE, PREPAY, NO_SLOTS, COMPETITOR)

# Why an account is on the list, in the order they are told. An account that loses money:
# ``loses`` (its loss), then the signs of text 002 it shows (the columns of
# :func:`burdens`: ``deep_discount``, ``extra_work``, ``squeezed``, ``disputes``), then
# ``big`` when it brings a big share of the revenue with none of those signs (tolerated at
# a fair price), or ``every_sign`` when it shows all four (a polite exit).
# An account to keep and delight: ``makes`` (its share of all the value), ``below_list``
# (what it pays below list) and ``unbilled`` (its unbilled hours) where known. Either:
# ``loved``, the team's emotional value is high while the factual value is low.
REASONS = (
    "loses",
    "deep_discount",
    "extra_work",
    "squeezed",
    "disputes",
    "big",
    "every_sign",
    "makes",
    "below_list",
    "unbilled",
    "loved",
)
# The numbers the reasons need, one column each in the shortlist.
FIGURES = (
    "value",
    "share",
    "discount_share",
    "typical_discount",
    "unbilled_share",
    "unbilled_hours",
    "rush_orders",
    "orders",
    "credit_notes",
    "credited",
    "revenue_share",
)
SIGNS = ("deep_discount", "extra_work", "disputes", "squeezed")  # text 002's four signs


def burdens(table: pd.DataFrame, rules: dict | None = None) -> pd.DataFrame:
    """Text 002's signs of a difficult account, one yes/no column each.

    - ``deep_discount``: discount_share ≥ the typical account's (the median: half of the
      accounts get more, half less) + the rule's points; - ``extra_work``: unbilled_share
      ≥ the rule; - ``disputes``: credit_notes ≥ the rule; - ``squeezed``: rush_share ≥
      the rule; - ``big``: its revenue is at least the rule's share (``big_share``, 5 %)
      of all positive revenue: a share of the cash flow that would hurt to lose. Unknown
      data counts as no. Also ``typical_discount`` and ``revenue_share`` (its revenue /
      all positive revenue).
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
    total = float(table.loc[table["revenue"] > 0, "revenue"].sum())
    share = table["revenue"] / total if total > 0 else pd.Series(NAN, index=table.index)
    out["big"] = share >= rules["big_share"] - 1e-12
    out = out.fillna(False).astype(bool)
    out["typical_discount"] = typical
    out["revenue_share"] = share
    return out


def shortlist(
    table: pd.DataFrame,
    names: pd.Series | None = None,
    rules: dict | None = None,
    flagged: pd.Series | None = None,
) -> pd.DataFrame:
    """Accounts with a suggested action from text 002, and why: the list to act on.

    Judged on ``profit`` (after cost-to-serve) where known, else on ``margin``, else on
    ``revenue`` (then only "keep and delight" can be suggested). An account that loses
    money gets, in this order (text 002: a difficult customer is worth keeping only if it
    brings a big share of the cash flow *and* no unreasonable extra work):

    1. ``reprice`` when it is big (at least ``big_share``, 5 %, of all revenue) and shows
       none of the four signs (deep discount, extra unbilled work, disputes, squeezed
       deadlines): worth keeping at a fair price;
    2. ``suggest a competitor…`` when it shows at least three of the four signs, whatever
       its size (all four: ``every_sign`` among the reasons);
    3. ``no free slots this month`` when its deadlines are squeezed (rush orders);
    4. ``ask for prepayment`` when it disputes invoices (credit notes);
    5. ``reprice`` otherwise.

    The best accounts that together make half the profit (``delight_profit_share``) get
    ``keep and delight``. ``flagged`` (customer_id → True) marks accounts whose emotional
    value is high while their factual value is low; the reasons say so.

    Out: DataFrame with ``customer_id``, ``name``, ``action`` (the English key, for tools:
    translate it to show it), ``reasons`` (a tuple of codes of :data:`REASONS`, in the
    order they are told), ``basis`` (what the account is judged on: profit, margin or
    revenue) and the numbers the reasons need (:data:`FIGURES`: ``value`` on the basis,
    ``share`` of all positive value, ``typical_discount`` the median account's, the rest
    as in ``account_economics``); loss-makers first (largest loss first), then the
    accounts to delight (most profitable first). The list as saved, with the reasons in
    words (``why``): ``helpers.words.shortlist.shortlist_table``.

    >>> table = pd.DataFrame({"revenue": [900.0, 100.0], "profit": [None, None],
    ...     "margin": [None, None], "discount_share": [None, None], "unbilled_share": [None, None],
    ...     "credit_notes": [0, 0], "rush_share": [None, None]}, index=["A", "B"])
    >>> shortlist(table)[["customer_id", "action", "reasons", "share"]].to_dict("records")
    [{'customer_id': 'A', 'action': 'keep and delight', 'reasons': ('makes',), 'share': 0.9}]
    """
    rules = {**RULES, **(rules or {})}
    basis = next((c for c in ("profit", "margin", "revenue") if table[c].notna().any()), None)
    columns = ["customer_id", "name", "action", "reasons", "basis", *FIGURES]
    if basis is None or table.empty:
        return pd.DataFrame(columns=columns)
    signs = burdens(table, rules)
    value = table[basis]
    losing = (value < 0) if basis != "revenue" else pd.Series(False, index=table.index)
    count = signs[list(SIGNS)].sum(axis=1)
    tolerated = signs["big"] & (count == 0)
    action = pd.Series(
        np.select(
            [
                losing & tolerated,
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
    loses = action.loc[chosen] != KEEP
    keep = ~loses
    told = pd.DataFrame(
        {
            "loses": loses,
            "deep_discount": loses & s["deep_discount"],
            "extra_work": loses & s["extra_work"],
            "squeezed": loses & s["squeezed"],
            "disputes": loses & s["disputes"],
            "big": loses & tolerated.loc[chosen],
            "every_sign": loses & (count.loc[chosen] == len(SIGNS)),
            "makes": keep,
            "below_list": keep & rows["discount_share"].notna(),
            "unbilled": keep & rows["unbilled_share"].notna(),
            "loved": (
                flagged.reindex(chosen).fillna(False).astype(bool) if flagged is not None else False
            ),
        },
        index=chosen,
    )[list(REASONS)]
    reasons = [
        tuple(r for r, on in zip(REASONS, row, strict=True) if on)
        for row in told.itertuples(index=False)
    ]

    out = pd.DataFrame(
        {
            "customer_id": chosen,
            "action": action.loc[chosen].to_numpy(),
            "reasons": reasons,
            "basis": basis,
            "value": rows[basis].to_numpy(dtype=float),
            "share": (rows[basis] / float(value[value > 0].sum())).to_numpy(dtype=float),
            "typical_discount": s["typical_discount"].to_numpy(dtype=float),
            "revenue_share": s["revenue_share"].to_numpy(dtype=float),
        }
    )
    for figure in FIGURES:
        if figure not in out.columns:  # as in account_economics; NaN where the table has none
            out[figure] = rows[figure].to_numpy() if figure in rows.columns else NAN
    out["name"] = out["customer_id"].map(names) if names is not None else out["customer_id"]
    out["name"] = out["name"].fillna(out["customer_id"])
    out["_order"] = np.where(out["action"] == KEEP, 1, 0)
    out["_value"] = np.where(out["action"] == KEEP, -out["value"], out["value"])
    out = out.sort_values(["_order", "_value", "customer_id"], kind="stable")
    return out[columns].reset_index(drop=True)
