"""What a customer is worth over the years, what losing one costs, and the budget what-if.

Notebook 05, part 4. Ideas from text 004 of the course brief (the potential in
existing customers). Invoices are a validated frame (``customer_id``, ``date``,
``amount``, optional ``cost``); every function takes an explicit ``as_of`` date and
the retention to assume (``freshness.retention_12m`` in the notebook). The sentences
and readable tables about these numbers are in :mod:`helpers.words.lifetime_value`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.analysis.freshness import first_year_revenue_of_new_customers
from helpers.analysis.windows import in_window
from helpers.language import N_

AVERAGE_CUSTOMER = N_("average customer")  # the first row of the cost_of_losing table


def lifetime_value(margin_per_year, retention: float, discount_rate: float, years: int):
    """Customer lifetime value over a finite horizon.

    ``Σ_{t=0}^{years−1} margin · retention^t / (1 + discount_rate)^t``: the margin of
    the coming year, plus each later year's margin weighted by the chance the
    customer is still there and discounted because later money is worth less.
    As ``years`` grows this tends to ``margin · (1 + d) / (1 + d − r)`` (the
    textbook ``margin · r / (1 + d − r)`` leaves out the coming year).

    Works on a number or an array of margins; ``nan`` when retention is ``nan``.

    Example: ``lifetime_value(1000, 0.8, 0.1, 3)`` → 1000 + 727.27 + 528.93 = 2256.20
    """
    q = retention / (1 + discount_rate)
    weights = q ** np.arange(max(int(years), 0))
    value = np.asarray(margin_per_year, dtype=float) * weights.sum()
    return float(value) if value.ndim == 0 else value


def margin_12m_by_customer(
    invoices: pd.DataFrame, as_of: pd.Timestamp, margin_rate: float = 0.35
) -> pd.DataFrame:
    """Revenue and margin of each customer in the last 12 months.

    Margin = amount − cost on lines with a ``cost``; on lines without one (or
    when invoices have no ``cost`` column) margin = amount × ``margin_rate``.

    Out: DataFrame indexed by ``customer_id`` (customers with a line in the
    window) with ``revenue_12m``, ``margin_12m`` and ``margin_from_cost`` (share of
    the revenue whose margin came from real costs).

    >>> lines = pd.DataFrame({"customer_id": ["A", "A"], "amount": [1000.0, 500.0],
    ...                       "cost": [600.0, None],
    ...                       "date": pd.to_datetime(["2025-06-01", "2025-07-01"])})
    >>> margin_12m_by_customer(lines, pd.Timestamp("2025-12-31"), 0.3)["margin_12m"].tolist()
    [550.0]
    """
    window = in_window(invoices, as_of)
    cost = window["cost"] if "cost" in window.columns else pd.Series(np.nan, index=window.index)
    known = cost.notna()
    margin = np.where(known, window["amount"] - cost.fillna(0.0), window["amount"] * margin_rate)
    frame = pd.DataFrame(
        {
            "customer_id": window["customer_id"],
            "revenue_12m": window["amount"],
            "margin_12m": margin,
            "known": np.where(known, window["amount"], 0.0),
        }
    )
    table = frame.groupby("customer_id")[["revenue_12m", "margin_12m", "known"]].sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        table["margin_from_cost"] = table["known"] / table["revenue_12m"]
    return table.drop(columns="known").astype(float)


def cost_of_losing(
    invoices: pd.DataFrame,
    as_of: pd.Timestamp,
    retention: float,
    *,
    discount_rate: float = 0.08,
    years: int = 5,
    margin_rate: float = 0.35,
    acquisition_cost: float = 2000.0,
    top: int = 5,
    names: pd.Series | None = None,
) -> dict:
    """What losing a customer costs, and how many new customers it takes to make up for it.

    The average customer is the average over customers who bought in the last 12
    months (revenue > 0). A new customer's yearly margin = its first-year revenue
    (``freshness.first_year_revenue_of_new_customers``) × the company's margin rate
    in the last 12 months. Every lifetime value uses the same ``retention``,
    ``discount_rate`` and ``years`` (:func:`lifetime_value`).

    Out: dict with
    ``table`` (DataFrame: rows :data:`AVERAGE_CUSTOMER` and the ``top`` accounts by
    revenue_12m, columns ``revenue_12m``, ``margin_12m``, ``lifetime_value``,
    ``new_customers_to_replace`` = ⌈lifetime value / new customer's net value⌉,
    ``acquisition_spend`` = that × acquisition_cost);
    ``new_customer`` (dict: ``first_year_revenue``, ``margin_per_year``,
    ``lifetime_value``, ``net_value`` = lifetime value − acquisition_cost, ``basis``: which
    new customers the first-year revenue comes from, as
    ``freshness.first_year_revenue_of_new_customers`` gives it);
    ``margin_rate`` (used for new customers), ``customers_12m``.
    Values are ``nan`` where retention is unknown or a new customer doesn't pay
    back its acquisition cost.
    """
    margins = margin_12m_by_customer(invoices, as_of, margin_rate)
    buying = margins.loc[margins["revenue_12m"] > 0]
    revenue_total = float(buying["revenue_12m"].sum())
    company_rate = (
        float(buying["margin_12m"].sum()) / revenue_total if revenue_total > 0 else (float("nan"))
    )
    first_year = first_year_revenue_of_new_customers(invoices, as_of)
    new_margin = first_year["average"] * company_rate
    new_value = lifetime_value(new_margin, retention, discount_rate, years)
    net_value = new_value - acquisition_cost
    top_rows = buying.sort_values("revenue_12m", ascending=False, kind="stable").head(top)
    label = (
        top_rows.index
        if names is None
        else names.reindex(top_rows.index).fillna(pd.Series(top_rows.index, index=top_rows.index))
    )
    average = pd.DataFrame(
        {
            "revenue_12m": [buying["revenue_12m"].mean()],
            "margin_12m": [buying["margin_12m"].mean()],
        },
        index=[AVERAGE_CUSTOMER],
    )
    table = pd.concat([average, top_rows[["revenue_12m", "margin_12m"]].set_axis(label)])
    table.index.name = "customer"
    table["lifetime_value"] = lifetime_value(
        table["margin_12m"].to_numpy(), retention, discount_rate, years
    )
    if net_value > 0:
        table["new_customers_to_replace"] = np.ceil(table["lifetime_value"] / net_value)
    else:
        table["new_customers_to_replace"] = np.nan
    table["acquisition_spend"] = table["new_customers_to_replace"] * acquisition_cost
    return {
        "table": table,
        "new_customer": {
            "first_year_revenue": first_year["average"],
            "margin_per_year": new_margin,
            "lifetime_value": new_value,
            "net_value": net_value,
            "basis": first_year["basis"],
        },
        "margin_rate": company_rate,
        "customers_12m": int(len(buying)),
    }


def lifetime_figures(cost: dict) -> dict:
    """Headline figures from :func:`cost_of_losing`: the lifetime value of the average
    customer and of the largest account, and how many new customers replace the latter.
    ``nan`` where they can't be computed.
    """
    table = cost["table"]
    nan = float("nan")
    has_top = len(table) > 1
    return {
        "lifetime_value_average_customer": float(table["lifetime_value"].iloc[0]),
        "lifetime_value_largest_account": float(table["lifetime_value"].iloc[1])
        if has_top
        else nan,
        "new_customers_to_replace_largest": float(table["new_customers_to_replace"].iloc[1])
        if has_top
        else nan,
    }


def budget_shift(
    customers: int,
    margin_per_year: float,
    retention: float,
    new_customer_value: float,
    *,
    acquisition_budget: float,
    acquisition_cost: float,
    share_moved: float,
    retention_gain: float,
    discount_rate: float = 0.08,
    years: int = 5,
) -> pd.DataFrame:
    """What if part of the budget for winning customers went to keeping them?

    Today: ``acquisition_budget`` / ``acquisition_cost`` new customers a year, each
    worth ``new_customer_value`` (its lifetime value). Moving ``share_moved`` of the
    budget wins that many fewer, and is assumed to raise retention by
    ``retention_gain`` (0.02 = two percentage points) for all ``customers`` of
    average yearly margin ``margin_per_year``. Retention gain is a guess: see
    :func:`break_even_retention_gain`.

    Out: DataFrame with rows "as now" and "moved", columns ``winning_budget``,
    ``keeping_budget``, ``new_customers``, ``retention``, ``value_of_new``,
    ``value_of_existing``, ``total_value`` (lifetime values over ``years``).
    """
    moved = acquisition_budget * share_moved
    rows = []
    for label, spend, keep, gain in (
        ("as now", acquisition_budget, 0.0, 0.0),
        ("moved", acquisition_budget - moved, moved, retention_gain),
    ):
        new = spend / acquisition_cost if acquisition_cost > 0 else float("nan")
        rate = min(retention + gain, 1.0)
        existing = customers * lifetime_value(margin_per_year, rate, discount_rate, years)
        rows.append((label, spend, keep, new, rate, new * new_customer_value, existing))
    table = pd.DataFrame(
        rows,
        columns=[
            "scenario",
            "winning_budget",
            "keeping_budget",
            "new_customers",
            "retention",
            "value_of_new",
            "value_of_existing",
        ],
    ).set_index("scenario")
    table["total_value"] = table["value_of_new"] + table["value_of_existing"]
    return table


def break_even_retention_gain(
    customers: int,
    margin_per_year: float,
    retention: float,
    new_customer_value: float,
    *,
    moved: float,
    acquisition_cost: float,
    discount_rate: float = 0.08,
    years: int = 5,
) -> float:
    """The retention gain (in share points) at which moving ``moved`` money breaks even.

    Solves ``customers · (LTV(r + g) − LTV(r)) = moved / acquisition_cost ·
    new_customer_value`` for ``g`` by bisection (LTV grows with retention).
    ``nan`` when even retention 100 % would not make up for the lost new customers,
    or when an input is unknown.
    """
    lost = moved / acquisition_cost * new_customer_value

    def gained(gain: float) -> float:
        return customers * (
            lifetime_value(margin_per_year, retention + gain, discount_rate, years)
            - lifetime_value(margin_per_year, retention, discount_rate, years)
        )

    if not (retention == retention and lost == lost) or gained(1.0 - retention) < lost:
        return float("nan")
    if lost <= 0:
        return 0.0
    low, high = 0.0, 1.0 - retention
    for _ in range(60):  # halves the bracket each time: far below a hundredth of a point
        middle = (low + high) / 2
        low, high = (middle, high) if gained(middle) < lost else (low, middle)
    return (low + high) / 2


def budget_what_if(
    cost: dict,
    retention: float,
    *,
    acquisition_budget: float,
    acquisition_cost: float,
    share_moved: float,
    retention_gain: float,
    discount_rate: float = 0.08,
    years: int = 5,
) -> dict:
    """The what-if of notebook 05 on the numbers of :func:`cost_of_losing`.

    The customers kept are those who bought in the last 12 months, at the average
    customer's margin; a new customer is worth its lifetime value.
    Out: dict ``table`` (:func:`budget_shift`) and ``break_even``
    (:func:`break_even_retention_gain` for the money moved).
    """
    average = cost["table"].iloc[0]
    common = {
        "customers": cost["customers_12m"],
        "margin_per_year": float(average["margin_12m"]),
        "retention": retention,
        "new_customer_value": cost["new_customer"]["lifetime_value"],
    }
    table = budget_shift(
        **common,
        acquisition_budget=acquisition_budget,
        acquisition_cost=acquisition_cost,
        share_moved=share_moved,
        retention_gain=retention_gain,
        discount_rate=discount_rate,
        years=years,
    )
    even = break_even_retention_gain(
        **common,
        moved=acquisition_budget * share_moved,
        acquisition_cost=acquisition_cost,
        discount_rate=discount_rate,
        years=years,
    )
    return {"table": table, "break_even": even}
