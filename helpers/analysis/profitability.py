"""What each account really earns after the cost of serving it (text 002, notebook 03).

Gather the scattered facts about each account into one table
(:func:`account_economics`): revenue and its trend, the discount given off list
price, credit notes, rush orders, the direct cost on the invoice lines, the hours
logged for the customer and what those hours cost. From it: the **profit after
cost-to-serve**, the **whale curve** of cumulative profit, the **price ×
cost-to-serve map**, and a **shortlist** of accounts to delight, reprice, put on
prepayment or let go politely, each with the reason in words.

What the profit assumes (say it in the notebook): the ``cost`` on invoice lines
is materials, subcontracting and machine time and does **not** include the
hours in ``hours.csv``; every logged hour, billable or not, costs
``hourly_cost`` (company.toml). Billable hours are paid back through the
invoices, so they are in revenue; unbilled ones are not. Discounts and credit
notes are already out of revenue (revenue is what was invoiced, net): they are
shown to explain a low profit, never subtracted a second time.

Every function takes validated frames (see ``helpers.company.folder``) and an
explicit ``as_of``; the period is the window ``(as_of − window_days, as_of]``,
the last 12 months by default.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd

NAN = float("nan")
WINDOW_DAYS = 365

# Product names that mark rush work (a surcharge line on a hurried order), in the
# course's three languages; matched at the start of a word, case-insensitive.
RUSH_PATTERN = r"\b(?:rush|express|pikalisä|pikatoimitus|kiirelisä|kiire|brådska|expresstillägg)"

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


def _accounts(n: int) -> str:
    return f"{n} account" if n == 1 else f"{n} accounts"


def _window(frame: pd.DataFrame, as_of: pd.Timestamp, days: int, offset: int = 0) -> pd.DataFrame:
    end = as_of - pd.Timedelta(days=offset)
    dates = frame["date"]
    return frame.loc[(dates > end - pd.Timedelta(days=days)) & (dates <= end)]


def rush_products(invoices: pd.DataFrame, pattern: str = RUSH_PATTERN) -> list[str]:
    """Product names that look like a rush surcharge ("Pikalisä", "Rush fee", "Express").

    Out: sorted list; empty without a ``product`` column or without such products.

    Example: ``rush_products(invoices)`` → ``['Pikalisä']``
    """
    if "product" not in invoices.columns:
        return []
    names = pd.Series(invoices["product"].dropna().astype(str).unique())
    found = names[names.str.contains(pattern, flags=re.IGNORECASE, regex=True)]
    return sorted(found.tolist())


def _order_key(lines: pd.DataFrame) -> pd.Series:
    """One key per order: the invoice number, else the customer and date."""
    if "invoice_id" in lines.columns:
        return (
            lines["invoice_id"]
            .astype(str)
            .where(lines["invoice_id"].notna(), lines["date"].astype(str))
        )
    return lines["date"].astype(str)


def account_economics(
    invoices: pd.DataFrame,
    hours: pd.DataFrame | None,
    as_of: pd.Timestamp,
    hourly_cost: float | None = None,
    window_days: int = WINDOW_DAYS,
    rush: list[str] | None = None,
) -> pd.DataFrame:
    """Everything the data says about each account's economics in one table.

    Rows: customers with an invoice line or logged hours in the window
    ``(as_of − window_days, as_of]`` (hours of never-invoiced customers are left out).
    Columns (NaN where the data needed is missing):

    - ``revenue``: sum of amount in the window (credit notes negative);
      ``revenue_prev``: the window before it; ``trend``: revenue / revenue_prev − 1;
    - ``orders``: distinct invoices with a positive line; ``rush_orders``: of them, those
      with a rush line (``rush``: product names, default :func:`rush_products`);
      ``rush_share`` = rush_orders / orders;
    - ``credit_notes``: distinct invoices with a negative line; ``credited``: their amount
      as a positive number; ``credited_share`` = credited / (revenue + credited);
    - ``list_value``: Σ list_price × quantity on positive lines that have both;
      ``discount``: list_value − amount on those lines; ``discount_share`` = discount /
      list_value (needs ``list_price`` and ``quantity``);
    - ``direct_cost``: Σ cost (lines without a cost count 0); ``margin`` = revenue −
      direct_cost; ``margin_share`` = margin / revenue (needs ``cost``);
    - ``hours``, ``unbilled_hours`` (billable = no), ``unbilled_share`` (needs hours.csv;
      the unbilled ones need its ``billable`` column);
    - ``hours_cost`` = hours × hourly_cost; ``profit`` = margin − hours_cost, the profit
      after cost-to-serve; ``profit_share`` = profit / revenue (needs cost, hours and
      hourly_cost);
    - ``revenue_per_hour``, ``margin_per_hour``, ``profit_per_hour`` (hours > 0).

    Sorted by revenue, largest first (ties by id). Example, one customer with two lines
    of list value 100 and 200 sold at 90 and 150, cost 100, 3 logged hours at 40:
    revenue 240, discount 60 (20 %), margin 140, hours_cost 120, profit 20.
    """
    lines = _window(invoices.loc[invoices["date"] <= as_of], as_of, window_days)
    prev = _window(invoices, as_of, window_days, offset=window_days)
    known = set(invoices.loc[invoices["date"] <= as_of, "customer_id"])
    logged = None
    if hours is not None:
        logged = _window(hours, as_of, window_days)
        logged = logged.loc[logged["customer_id"].isin(known)]
    ids = set(lines["customer_id"]) | (set(logged["customer_id"]) if logged is not None else set())
    index = pd.Index(sorted(ids), name="customer_id")
    table = pd.DataFrame(index=index)

    by = lines["customer_id"]
    amount = lines["amount"].astype(float)
    table["revenue"] = amount.groupby(by).sum().reindex(index, fill_value=0.0)
    previous = prev["amount"].astype(float).groupby(prev["customer_id"]).sum()
    table["revenue_prev"] = previous.reindex(index, fill_value=0.0)
    table["trend"] = (table["revenue"] / table["revenue_prev"] - 1).where(table["revenue_prev"] > 0)

    order = _order_key(lines)
    positive = amount > 0
    orders = order[positive].groupby(by[positive]).nunique()
    table["orders"] = orders.reindex(index, fill_value=0).astype(int)
    rush = rush_products(invoices) if rush is None else list(rush)
    if "product" in lines.columns and rush:
        is_rush = lines["product"].isin(rush) & positive
        rush_orders = order[is_rush].groupby(by[is_rush]).nunique()
        table["rush_orders"] = rush_orders.reindex(index, fill_value=0).astype(int)
        table["rush_share"] = (table["rush_orders"] / table["orders"]).where(table["orders"] > 0)
    else:
        table["rush_orders"] = np.nan
        table["rush_share"] = np.nan

    negative = amount < 0
    table["credit_notes"] = (
        order[negative].groupby(by[negative]).nunique().reindex(index, fill_value=0).astype(int)
    )
    table["credited"] = 0.0 - amount[negative].groupby(by[negative]).sum().reindex(
        index, fill_value=0.0
    )
    gross = table["revenue"] + table["credited"]
    table["credited_share"] = (table["credited"] / gross).where(gross > 0)

    if {"list_price", "quantity"} <= set(lines.columns):
        listed = lines["list_price"] * lines["quantity"]
        usable = positive & listed.notna() & (listed > 0)
        list_value = listed[usable].groupby(by[usable]).sum().reindex(index, fill_value=0.0)
        paid = amount[usable].groupby(by[usable]).sum().reindex(index, fill_value=0.0)
        table["list_value"] = list_value
        table["discount"] = (list_value - paid).where(list_value > 0)
        table["discount_share"] = table["discount"] / list_value.where(list_value > 0)
    else:
        table["list_value"] = table["discount"] = table["discount_share"] = np.nan

    if "cost" in lines.columns:
        cost = lines["cost"].astype(float).fillna(0.0)
        table["direct_cost"] = cost.groupby(by).sum().reindex(index, fill_value=0.0)
        table["margin"] = table["revenue"] - table["direct_cost"]
        table["margin_share"] = (table["margin"] / table["revenue"]).where(table["revenue"] > 0)
    else:
        table["direct_cost"] = table["margin"] = table["margin_share"] = np.nan

    if logged is not None:
        worked = logged["hours"].astype(float)
        table["hours"] = worked.groupby(logged["customer_id"]).sum().reindex(index, fill_value=0.0)
        if "billable" in logged.columns:
            unbilled = worked.where(logged["billable"].eq(False), 0.0)
            table["unbilled_hours"] = (
                unbilled.groupby(logged["customer_id"]).sum().reindex(index, fill_value=0.0)
            )
            table["unbilled_share"] = (table["unbilled_hours"] / table["hours"]).where(
                table["hours"] > 0
            )
        else:
            table["unbilled_hours"] = table["unbilled_share"] = np.nan
    else:
        table["hours"] = table["unbilled_hours"] = table["unbilled_share"] = np.nan

    if hourly_cost is not None and logged is not None:
        table["hours_cost"] = table["hours"] * float(hourly_cost)
    else:
        table["hours_cost"] = np.nan
    table["profit"] = table["margin"] - table["hours_cost"]
    table["profit_share"] = (table["profit"] / table["revenue"]).where(table["revenue"] > 0)
    per_hour = table["hours"].where(table["hours"] > 0)
    table["revenue_per_hour"] = table["revenue"] / per_hour
    table["margin_per_hour"] = table["margin"] / per_hour
    table["profit_per_hour"] = table["profit"] / per_hour
    return table.sort_values("revenue", ascending=False, kind="stable")


def what_is_missing(
    invoices: pd.DataFrame, hours: pd.DataFrame | None, hourly_cost: float | None
) -> dict[str, str]:
    """What is missing for each part of the notebook, as a sentence saying what to add.

    Keys: ``cost`` (margin), ``hours`` (hours per account), ``hourly_cost``,
    ``list_price`` (discounts), ``profit`` (profit after cost-to-serve: needs the first
    three). A key is absent when its part can run.
    """
    missing = {}
    if "cost" not in invoices.columns:
        missing["cost"] = (
            "Add a `cost` column to invoices.csv (the direct cost of each line: materials, "
            "subcontracting, machine time) to see each account's margin."
        )
    if hours is None:
        missing["hours"] = (
            "Add hours.csv (customer_id, date, hours, billable yes/no) to see how much "
            "working time each account takes, and how much of it you never invoice."
        )
    if hourly_cost is None:
        missing["hourly_cost"] = (
            "Add `hourly_cost = 48.0` (what one working hour costs you, fully loaded) to "
            "company.toml to put a price on the hours."
        )
    if not {"list_price", "quantity"} <= set(invoices.columns):
        missing["list_price"] = (
            "Add `list_price` and `quantity` columns to invoices.csv to see the discount "
            "each account gets off your list price."
        )
    needs = [missing[k] for k in ("cost", "hours", "hourly_cost") if k in missing]
    if needs:
        missing["profit"] = (
            "The profit after cost-to-serve needs the cost on invoice lines, hours.csv "
            "and an hourly cost. " + " ".join(needs)
        )
    return missing


# --- the whale curve ---------------------------------------------------------------------


def whale_curve(profit: pd.Series) -> pd.DataFrame:
    """Cumulative profit by account, most profitable first (the "whale curve").

    In: profit per customer (NaN left out). Out: DataFrame with ``customer_share``,
    ``profit_share`` (cumulative profit / total profit) and ``customer_id`` (empty at
    the start), n + 1 rows from (0, 0); the last row is (1, 1) when the total profit is
    positive. It rises above 1 while the profitable accounts are added and falls back
    as the loss-makers give profit away.

    Example: profits 60, 50, −10 → shares 0, 0.6, 1.1, 1.0 at 0, ⅓, ⅔, 1.
    """
    values = profit.dropna().astype(float)
    values = values.sort_index().sort_values(ascending=False, kind="stable")
    total = float(values.sum())
    n = len(values)
    cumulative = np.concatenate([[0.0], np.cumsum(values.to_numpy())])
    share = cumulative / total if total > 0 else np.full(n + 1, np.nan)
    return pd.DataFrame(
        {
            "customer_share": np.arange(n + 1) / n if n else [0.0],
            "profit_share": share if n else [np.nan],
            "customer_id": ["", *values.index.astype(str)] if n else [""],
        }
    )


def whale_figures(profit: pd.Series) -> dict:
    """The whale curve in a few numbers.

    - ``accounts``: accounts with a known profit; ``profit_total``: their sum;
    - ``accounts_losing_money`` and ``accounts_losing_money_share`` (profit < 0);
    - ``loss_total``: the losses added up (a positive number: profit given away);
    - ``top20_profit_share``: profit of the top ⌈0.2·n⌉ accounts by profit / profit_total;
    - ``whale_peak_share``: the highest point of the curve (profit of all profitable
      accounts / profit_total), and ``whale_peak_accounts_share``: the share of accounts
      it takes to get there.

    Shares are NaN when profit_total ≤ 0; everything is NaN with no profit at all.
    Example: profits 60, 50, −10 → 3 accounts, 1 losing (⅓), loss 10, total 100,
    top20 = ⌈0.6⌉ = 1 account: 0.6, peak 1.1 at ⅔ of the accounts.
    """
    values = profit.dropna().astype(float).sort_values(ascending=False, kind="stable")
    n = len(values)
    figures = dict.fromkeys(
        (
            "profit_total",
            "accounts_losing_money_share",
            "loss_total",
            "top20_profit_share",
            "whale_peak_share",
            "whale_peak_accounts_share",
        ),
        NAN,
    )
    figures["accounts"] = n
    figures["accounts_losing_money"] = int((values < 0).sum()) if n else None
    if n == 0:
        return figures
    total = float(values.sum())
    losing = values[values < 0]
    figures.update(
        profit_total=total,
        accounts_losing_money_share=len(losing) / n,
        loss_total=0.0 - float(losing.sum()),
    )
    if total > 0:
        gaining = values[values > 0]
        figures.update(
            top20_profit_share=float(values.iloc[: math.ceil(0.2 * n)].sum()) / total,
            whale_peak_share=float(gaining.sum()) / total,
            whale_peak_accounts_share=len(gaining) / n,
        )
    return figures


def whale_in_words(figures: dict, money, percent) -> str:
    """The whale curve told in three sentences (or why it can't be drawn)."""
    n = figures["accounts"]
    if not n:
        return "There is no profit after cost-to-serve to show on this data."
    total = figures["profit_total"]
    losing_share = percent(figures["accounts_losing_money_share"])
    text = [
        f"{_accounts(n)} made {money(total)} profit after cost-to-serve in the period; "
        f"{figures['accounts_losing_money']} of them ({losing_share}) "
        f"lost money, {money(figures['loss_total'])} in all."
    ]
    if total > 0:
        text.append(
            f"The most profitable {percent(figures['whale_peak_accounts_share'], 0)} of accounts "
            f"made {percent(figures['whale_peak_share'], 0)} of the profit; the rest gave "
            f"{percent(figures['whale_peak_share'] - 1, 0)} of it away."
        )
        text.append(
            f"The top 20 % of accounts by profit made {percent(figures['top20_profit_share'], 0)} "
            "of all profit."
        )
    else:
        text.append("All accounts together made no profit, so shares of it can't be computed.")
    return " ".join(text)


# --- price × cost-to-serve map ---------------------------------------------------------------


QUADRANTS = {
    (True, False): "pays well, cheap to serve",
    (True, True): "pays well, costly to serve",
    (False, False): "pays little, cheap to serve",
    (False, True): "pays little, costly to serve",
}


def price_cost_map(table: pd.DataFrame) -> pd.DataFrame:
    """Where each account sits on net price against cost-to-serve (after Shapiro et al.).

    In: :func:`account_economics`. Out, per account with revenue > 0 and both values
    known: ``net_price`` = 1 − discount_share (what it pays, as a share of list price),
    ``cost_to_serve`` = hours_cost / revenue (working time per euro of revenue),
    ``revenue``, ``profit``, and ``quadrant``, split at the revenue-weighted medians
    (``attrs["price_line"]``, ``attrs["cost_line"]``). The costly-to-serve accounts that
    pay little are the ones text 002 calls difficult.
    Empty when discounts or hours cost are not known.
    """
    usable = table.loc[(table["revenue"] > 0)]
    frame = pd.DataFrame(
        {
            "net_price": 1 - usable["discount_share"],
            "cost_to_serve": usable["hours_cost"] / usable["revenue"],
            "revenue": usable["revenue"],
            "profit": usable["profit"],
        }
    ).dropna(subset=["net_price", "cost_to_serve"])
    if frame.empty:
        frame["quadrant"] = pd.Series(dtype=object)
        frame.attrs.update(price_line=NAN, cost_line=NAN)
        return frame
    price_line = _weighted_median(frame["net_price"], frame["revenue"])
    cost_line = _weighted_median(frame["cost_to_serve"], frame["revenue"])
    keys = zip(frame["net_price"] >= price_line, frame["cost_to_serve"] > cost_line, strict=True)
    frame["quadrant"] = [QUADRANTS[k] for k in keys]
    frame.attrs.update(price_line=price_line, cost_line=cost_line)
    return frame


def _weighted_median(values: pd.Series, weights: pd.Series) -> float:
    """The value below which half the weight lies (the lower one on a tie)."""
    order = np.argsort(values.to_numpy(), kind="stable")
    v, w = values.to_numpy()[order], weights.to_numpy()[order]
    cumulative = np.cumsum(w)
    return float(v[np.searchsorted(cumulative, cumulative[-1] / 2.0)])


# --- the shortlist ---------------------------------------------------------------------------


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
        head = f"{_accounts(len(listed))} on the shortlist: " + ", ".join(parts) + "."
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


# --- for people ---------------------------------------------------------------------------

READABLE = {
    "revenue": "revenue",
    "trend": "vs year before",
    "margin": "margin",
    "hours": "hours",
    "unbilled_share": "unbilled hours",
    "revenue_per_hour": "revenue / h",
    "margin_per_hour": "margin / h",
    "discount_share": "below list",
    "credit_notes": "credit notes",
    "rush_orders": "rush orders",
    "hours_cost": "cost of hours",
    "profit": "profit after cost-to-serve",
}
MONEY = ("revenue", "margin", "revenue_per_hour", "margin_per_hour", "hours_cost", "profit")
SHARES = ("trend", "unbilled_share", "discount_share")


def economics_readable(
    table: pd.DataFrame,
    names: pd.Series | None,
    money,
    percent,
    columns=tuple(READABLE),
    top: int | None = 10,
) -> pd.DataFrame:
    """The first ``top`` rows of :func:`account_economics` with names, formatted.

    Columns whose data is missing altogether (no cost, no hours, …) are left out, so the
    table shows what the data can tell. Example: ``economics_readable(t, names, wb.money,
    wb.percent, top=10)``.
    """
    rows = table if top is None else table.head(top)
    keep = [c for c in columns if c in rows.columns and table[c].notna().any()]
    out = pd.DataFrame(index=rows.index)
    out["name"] = [str(names.get(i, i)) if names is not None else i for i in rows.index]
    for column in keep:
        values = rows[column]
        if column in MONEY:
            shown = values.map(money)
        elif column in SHARES:
            shown = values.map(lambda v: percent(v) if v == v else "–")
        else:
            shown = values.map(lambda v: f"{v:,.0f}" if v == v else "–")
        out[READABLE[column]] = shown
    return out


def assumptions_in_words(missing: dict, hourly_cost: float | None, money) -> str:
    """What the profit after cost-to-serve assumes, or what to add to compute it."""
    if "profit" in missing:
        return missing["profit"]
    return (
        f"Profit after cost-to-serve = revenue − the cost on the invoice lines − every "
        f"logged hour × {money(hourly_cost)} (the hourly cost in company.toml). This assumes "
        "the cost on invoice lines leaves out the hours in hours.csv, so that every logged "
        "hour, billable or not, is a cost of serving the customer; the billable ones come "
        "back as revenue, the unbilled ones do not. Discounts and credit notes are already "
        "out of revenue, so they are shown, not subtracted again."
    )


def map_in_words(price_map: pd.DataFrame, missing: dict) -> str:
    """How many accounts sit in each corner of the map, or what the map needs."""
    if price_map.empty:
        return (
            missing.get("list_price")
            or missing.get("profit")
            or ("No account has both a list price and logged hours in the period.")
        )
    counts = price_map["quadrant"].value_counts()
    lines = [f"{_accounts(counts.get(q, 0))}: {q}" for q in QUADRANTS.values()]
    costly = price_map[price_map["quadrant"] == QUADRANTS[(False, True)]]
    losing = int((costly["profit"] < 0).sum())
    lines.append(f"Of those that pay little and are costly to serve, {losing} lose money.")
    return "\n".join(lines)


def headline_figures(economics: pd.DataFrame, whale: dict, missing: dict) -> dict:
    """Notebook 03's headline figures on profitability (None where the data can't tell).

    Keys (all over the last 12 months): ``accounts_12m``, ``accounts_losing_money``,
    ``accounts_losing_money_share``, ``profit_after_cost_to_serve_12m``,
    ``loss_from_losing_accounts_12m``, ``top20_profit_share``, ``whale_peak_share``,
    ``cost_to_serve_12m`` (Σ hours × hourly cost), ``unbilled_hours_share_12m``
    (Σ unbilled / Σ hours), ``discount_share_12m`` (Σ discount / Σ list value).
    """
    hours = float(economics["hours"].sum())
    list_value = float(economics["list_value"].sum())
    priced = "hours" not in missing and "hourly_cost" not in missing
    return {
        "accounts_12m": int(len(economics)),
        "accounts_losing_money": whale["accounts_losing_money"],
        "accounts_losing_money_share": whale["accounts_losing_money_share"],
        "profit_after_cost_to_serve_12m": whale["profit_total"],
        "loss_from_losing_accounts_12m": whale["loss_total"],
        "top20_profit_share": whale["top20_profit_share"],
        "whale_peak_share": whale["whale_peak_share"],
        "cost_to_serve_12m": float(economics["hours_cost"].sum()) if priced else None,
        "unbilled_hours_share_12m": (
            float(economics["unbilled_hours"].sum()) / hours
            if hours > 0 and economics["unbilled_hours"].notna().any()
            else None
        ),
        "discount_share_12m": (
            float(economics["discount"].sum()) / list_value if list_value > 0 else None
        ),
    }


def sources_in_words(missing: dict) -> str:
    """Where margin, hours and discounts come from, or what to add to see them."""
    found = {
        "cost": "Margin: from the `cost` column of invoices.csv.",
        "hours": "Hours: from hours.csv.",
        "hourly_cost": "Hourly cost: from company.toml.",
        "list_price": "Discounts: from `list_price` × `quantity` on the invoice lines.",
    }
    return "\n".join(missing.get(key, text) for key, text in found.items())
