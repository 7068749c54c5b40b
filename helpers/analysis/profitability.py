"""What each account really earns after the cost of serving it (text 002, notebook 03).

Gather the scattered facts about each account into one table
(:func:`account_economics`): revenue and its trend, the discount given off list
price, credit notes, rush orders, the direct cost on the invoice lines, the hours
logged for the customer and what those hours cost. From it: the **profit after
cost-to-serve**. What is read off that table has its own module:
:mod:`helpers.analysis.profit_spread` (the **whale curve** of cumulative profit and the
**price × cost-to-serve map**) and :mod:`helpers.analysis.shortlist` (the accounts to
delight, reprice, put on prepayment or let go politely, each with the reasons as codes).
The sentences and readable tables: :mod:`helpers.words.profitability`.

What the profit assumes (say it in the notebook): the ``cost`` on invoice lines
is materials, subcontracting and machine time and does **not** include the
hours in ``hours.csv``; every logged hour, billable or not, costs
``hourly_cost`` (company.toml). Billable hours are paid back through the
invoices, so they are in revenue; unbilled ones are not. Discounts and credit
notes are already out of revenue (revenue is what was invoiced, net): they are
shown to explain a low profit, never subtracted a second time.

Every function takes validated frames (see ``helpers.company.folder``) and an
explicit ``as_of``; the period is the window ``(as_of − window_days, as_of]``,
the last 12 months by default (:mod:`helpers.analysis.windows`).

>>> lines = pd.DataFrame({"customer_id": ["A", "A"], "amount": [90.0, 150.0],
...     "list_price": [100.0, 200.0], "quantity": [1, 1], "cost": [60.0, 40.0],
...     "date": pd.to_datetime(["2025-03-01", "2025-06-01"])})
>>> hours = pd.DataFrame({"customer_id": ["A"], "date": [pd.Timestamp("2025-06-01")],
...                       "hours": [3.0]})
>>> table = account_economics(lines, hours, pd.Timestamp("2025-12-31"), hourly_cost=40.0)
>>> float(table.loc["A", "profit"])  # 240 − cost 100 − 3 h × 40
20.0
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from helpers.analysis.windows import WINDOW_DAYS, in_window

NAN = float("nan")

# Product names that mark rush work (a surcharge line on a hurried order), in the
# course's three languages; matched at the start of a word, case-insensitive.
RUSH_PATTERN = r"\b(?:rush|express|pikalisä|pikatoimitus|kiirelisä|kiire|brådska|expresstillägg)"


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


def _sum_by(values: pd.Series, keys: pd.Series, index: pd.Index) -> pd.Series:
    """Sum of ``values`` per key, on ``index`` (0 where a key has none).

    ``sort=False``: the result is put in ``index`` order anyway, and sorting a hundred
    thousand ids for each column cost more than the sums.
    """
    return values.groupby(keys, sort=False).sum().reindex(index, fill_value=0.0)


def _count_by(orders: pd.Series, keys: pd.Series, index: pd.Index) -> pd.Series:
    """Distinct ``orders`` per key, on ``index`` (0 where a key has none)."""
    counts = orders.groupby(keys, sort=False).nunique()
    return counts.reindex(index, fill_value=0).astype(int)


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
    lines = in_window(invoices.loc[invoices["date"] <= as_of], as_of, days=window_days)
    prev = in_window(invoices, as_of, back=1, days=window_days)
    # .unique() first: a set built from the column itself walks a million lines in Python
    known = invoices.loc[invoices["date"] <= as_of, "customer_id"].unique()
    logged = None
    if hours is not None:
        logged = in_window(hours, as_of, days=window_days)
        logged = logged.loc[logged["customer_id"].isin(known)]
    ids = set(lines["customer_id"].unique())
    if logged is not None:
        ids |= set(logged["customer_id"].unique())
    index = pd.Index(sorted(ids), name="customer_id")
    table = pd.DataFrame(index=index)

    by = lines["customer_id"]
    amount = lines["amount"].astype(float)
    table["revenue"] = _sum_by(amount, by, index)
    table["revenue_prev"] = _sum_by(prev["amount"].astype(float), prev["customer_id"], index)
    table["trend"] = (table["revenue"] / table["revenue_prev"] - 1).where(table["revenue_prev"] > 0)

    order = _order_key(lines)
    positive = amount > 0
    table["orders"] = _count_by(order[positive], by[positive], index)
    rush = rush_products(invoices) if rush is None else list(rush)
    if "product" in lines.columns and rush:
        is_rush = lines["product"].isin(rush) & positive
        table["rush_orders"] = _count_by(order[is_rush], by[is_rush], index)
        table["rush_share"] = (table["rush_orders"] / table["orders"]).where(table["orders"] > 0)
    else:
        table["rush_orders"] = np.nan
        table["rush_share"] = np.nan

    negative = amount < 0
    table["credit_notes"] = _count_by(order[negative], by[negative], index)
    table["credited"] = 0.0 - _sum_by(amount[negative], by[negative], index)
    gross = table["revenue"] + table["credited"]
    table["credited_share"] = (table["credited"] / gross).where(gross > 0)

    if {"list_price", "quantity"} <= set(lines.columns):
        listed = lines["list_price"] * lines["quantity"]
        usable = positive & listed.notna() & (listed > 0)
        list_value = _sum_by(listed[usable], by[usable], index)
        paid = _sum_by(amount[usable], by[usable], index)
        table["list_value"] = list_value
        table["discount"] = (list_value - paid).where(list_value > 0)
        table["discount_share"] = table["discount"] / list_value.where(list_value > 0)
    else:
        table["list_value"] = table["discount"] = table["discount_share"] = np.nan

    if "cost" in lines.columns:
        cost = lines["cost"].astype(float).fillna(0.0)
        table["direct_cost"] = _sum_by(cost, by, index)
        table["margin"] = table["revenue"] - table["direct_cost"]
        table["margin_share"] = (table["margin"] / table["revenue"]).where(table["revenue"] > 0)
    else:
        table["direct_cost"] = table["margin"] = table["margin_share"] = np.nan

    if logged is not None:
        worked = logged["hours"].astype(float)
        table["hours"] = _sum_by(worked, logged["customer_id"], index)
        if "billable" in logged.columns:
            unbilled = worked.where(logged["billable"].eq(False), 0.0)
            table["unbilled_hours"] = _sum_by(unbilled, logged["customer_id"], index)
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
) -> set[str]:
    """What is missing for the parts of the notebook: a set of codes (empty: nothing).

    ``cost`` (the invoices have no ``cost`` column: no margin), ``hours`` (no
    hours.csv), ``hourly_cost`` (none in company.toml), ``list_price`` (no
    ``list_price`` and ``quantity`` columns: no discounts), ``profit`` (the profit after
    cost-to-serve needs the first three). What to add, in words:
    ``helpers.words.profitability.missing_in_words``.

    >>> lines = pd.DataFrame({"customer_id": ["A"], "date": [pd.Timestamp("2025-01-01")],
    ...                       "amount": [10.0]})
    >>> sorted(what_is_missing(lines, None, 48.0))
    ['cost', 'hours', 'list_price', 'profit']
    """
    missing = set()
    if "cost" not in invoices.columns:
        missing.add("cost")
    if hours is None:
        missing.add("hours")
    if hourly_cost is None:
        missing.add("hourly_cost")
    if not {"list_price", "quantity"} <= set(invoices.columns):
        missing.add("list_price")
    if missing & {"cost", "hours", "hourly_cost"}:
        missing.add("profit")
    return missing


def headline_figures(economics: pd.DataFrame, whale: dict, missing: set[str]) -> dict:
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


# --- one account on one page: the finance review per customer (text 003) -----------------

# What the review shows per 12-month window, in this order (the columns of
# :func:`account_economics` it takes).
REVIEW_COLUMNS = (
    "revenue",
    "trend",
    "margin",
    "margin_share",
    "hours",
    "unbilled_share",
    "hours_cost",
    "profit",
    "profit_per_hour",
    "discount_share",
    "orders",
    "credit_notes",
    "credited",
    "rush_orders",
)
COUNTED = ("revenue", "revenue_prev", "orders", "credit_notes", "credited")  # 0 when nothing


def account_review(
    invoices: pd.DataFrame,
    hours: pd.DataFrame | None,
    as_of: pd.Timestamp,
    customer_id: str | None = None,
    hourly_cost: float | None = None,
    years: int = 3,
    window_days: int = WINDOW_DAYS,
) -> dict:
    """One account's money on one page: the finance review of one customer (text 003).

    A firm's monthly review goes through its cash flows, but seldom from each customer's
    side; this is that side, for the finance person and the account's owner to read
    together. In: validated frames, ``as_of``, the account's id (None: the largest account
    of the last 12 months by revenue), the hourly cost; ``years``: how many 12-month
    windows back (fewer when the account is younger).

    Out: a dict with

    - ``customer_id``; ``first_invoice`` (its first line up to as_of, NaT without one) and
      ``years_as_customer`` = (as_of − first_invoice) in days / 365.25: the duration of the
      relationship, part of its value (text 001);
    - ``revenue_since_first``: Σ amount of all its lines up to as_of; ``revenue_per_year``
      = revenue_since_first / years_as_customer (NaN before a first full day);
    - ``revenue_share_12m``: its revenue in the last 12 months / all revenue in them;
    - ``years``: one row per 12-month window, the oldest first, columns ``start``
      (excluded), ``end`` and :data:`REVIEW_COLUMNS` as in :func:`account_economics` on
      that window (revenue, orders and credit notes 0 in a window without lines; hours 0
      when hours.csv exists).

    Example: a customer since 1 Jan 2023 with 3,000 invoiced in all, as_of 31 Dec 2025:
    3.0 years, 1,000 a year (see tests/analysis/test_profitability.py).
    """
    known = invoices.loc[invoices["date"] <= as_of]
    recent = in_window(known, as_of, days=window_days)
    if customer_id is None:
        revenue = recent.groupby("customer_id")["amount"].sum().sort_index()
        customer_id = revenue.idxmax() if len(revenue) else ""
    customer_id = str(customer_id)
    lines = known.loc[known["customer_id"].astype(str) == customer_id]
    logged = None
    if hours is not None:
        logged = hours.loc[hours["customer_id"].astype(str) == customer_id]
    first = lines["date"].min() if len(lines) else pd.NaT
    tenure = (as_of - first).days / 365.25 if len(lines) else NAN
    since_first = float(lines["amount"].sum())
    total_12m = float(recent["amount"].sum())
    mine_12m = float(recent.loc[recent["customer_id"].astype(str) == customer_id, "amount"].sum())

    rush = rush_products(invoices)
    rows = []
    for back in range(max(int(years), 1)):
        end = as_of - pd.Timedelta(days=window_days * back)
        if back > 0 and (pd.isna(first) or end < first):
            break  # the account was not a customer yet
        table = account_economics(lines, logged, end, hourly_cost, window_days, rush=rush)
        row = table.reindex([customer_id]).iloc[0]
        for column in COUNTED:
            row[column] = 0.0 if pd.isna(row[column]) else row[column]
        if logged is not None and pd.isna(row["hours"]):
            row["hours"] = 0.0
        rows.append({"start": end - pd.Timedelta(days=window_days), "end": end, **row})
    by_year = pd.DataFrame(rows)[["start", "end", *REVIEW_COLUMNS]].iloc[::-1]
    return {
        "customer_id": customer_id,
        "first_invoice": first,
        "years_as_customer": tenure,
        "revenue_since_first": since_first,
        "revenue_per_year": since_first / tenure if tenure == tenure and tenure > 0 else NAN,
        "revenue_share_12m": mine_12m / total_12m if total_12m > 0 else NAN,
        "years": by_year.reset_index(drop=True),
    }
