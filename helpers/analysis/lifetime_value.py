"""What a customer is worth over the years, what losing one costs, and the budget what-if.

Notebook 05, part 4. Ideas from text 004 of the course brief (the potential in
existing customers). Invoices are a validated frame (``customer_id``, ``date``,
``amount``, optional ``cost``); every function takes an explicit ``as_of`` date.

What the models assume, each checked against what the same run measures:

- a customer who buys today stays from year to year with the measured 12-month
  retention (``freshness.retention_12m``, passed in by the notebook);
- a **new** customer stays with the measured second-year retention of new customers
  (``cohorts.second_year_retention``: of the customers who first bought at least two
  years ago, the share who bought again in their second year), recorded as
  ``lifetime_value_retention``; new customers leave more often than settled ones;
- a year of a customer is worth its **profit after cost-to-serve** (margin minus the
  logged hours at the hourly cost, as in notebook 03) where hours and an hourly cost
  are known, else its margin (:func:`yearly_value_by_customer`);
- the budget what-if counts both sides over the same horizon: the money moves every
  year of it, the lift in retention lasts as long, and the new customers not won are
  counted over the same years (:func:`budget_shift`).

The sentences and readable tables about these numbers are in
:mod:`helpers.words.lifetime_value`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.analysis.cohorts import second_year_retention
from helpers.analysis.freshness import first_invoice_dates, first_year_revenue_of_new_customers
from helpers.analysis.windows import WINDOW, in_window
from helpers.language import N_

AVERAGE_CUSTOMER = N_("average customer")  # the first row of the cost_of_losing table
PROFIT, MARGIN = "profit", "margin"  # what a year of a customer is worth: the basis


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


def yearly_value_by_customer(
    invoices: pd.DataFrame,
    as_of: pd.Timestamp,
    margin_rate: float = 0.35,
    hours: pd.DataFrame | None = None,
    hourly_cost: float | None = None,
) -> tuple[pd.DataFrame, str]:
    """What each customer brought in the last 12 months: revenue, margin, and the profit
    after cost-to-serve where hours and an hourly cost are known.

    Margin as :func:`margin_12m_by_customer`; ``hours_cost_12m`` = hours logged for the
    customer in the window × ``hourly_cost`` (0 for a customer without logged hours);
    ``profit_12m`` = margin − hours cost: notebook 03's profit after cost-to-serve when
    every line has a cost. ``value_12m`` is the profit when hours.csv and an hourly cost
    are there, else the margin.

    Out: (DataFrame indexed by ``customer_id`` with ``revenue_12m``, ``margin_12m``,
    ``margin_from_cost``, ``hours_cost_12m``, ``profit_12m`` (NaN without hours),
    ``value_12m``; the basis, :data:`PROFIT` or :data:`MARGIN`).

    >>> lines = pd.DataFrame({"customer_id": ["A"], "amount": [1000.0], "cost": [600.0],
    ...                       "date": pd.to_datetime(["2025-06-01"])})
    >>> logged = pd.DataFrame({"customer_id": ["A"], "hours": [5.0],
    ...                        "date": pd.to_datetime(["2025-06-02"])})
    >>> table, basis = yearly_value_by_customer(lines, pd.Timestamp("2025-12-31"), 0.3,
    ...                                         logged, 40.0)
    >>> basis, float(table.loc["A", "profit_12m"])  # 1000 − 600 − 5 h × 40
    ('profit', 200.0)
    """
    table = margin_12m_by_customer(invoices, as_of, margin_rate)
    if hours is not None and hourly_cost is not None:
        logged = in_window(hours, as_of)
        worked = logged.groupby("customer_id")["hours"].sum().astype(float)
        table["hours_cost_12m"] = worked.reindex(table.index, fill_value=0.0) * float(hourly_cost)
        table["profit_12m"] = table["margin_12m"] - table["hours_cost_12m"]
        table["value_12m"] = table["profit_12m"]
        return table, PROFIT
    table["hours_cost_12m"] = np.nan
    table["profit_12m"] = np.nan
    table["value_12m"] = table["margin_12m"]
    return table, MARGIN


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
    hours: pd.DataFrame | None = None,
    hourly_cost: float | None = None,
    new_customer_retention: dict | None = None,
    model_lifetime: pd.Series | None = None,
) -> dict:
    """What losing a customer costs, and how many new customers it takes to make up for it.

    A year of a customer is worth its profit after cost-to-serve where ``hours`` and
    ``hourly_cost`` are given, else its margin (:func:`yearly_value_by_customer`). The
    average customer is the average over customers who bought in the last 12 months
    (revenue > 0); it and the ``top`` accounts stay with ``retention`` a year (the
    measured 12-month retention). A new customer is worth its first-year revenue
    (``freshness.first_year_revenue_of_new_customers``) × the company's value rate of the
    last 12 months (profit or margin / revenue) a year, and stays with the measured
    second-year retention of new customers (``new_customer_retention``: the dict of
    ``cohorts.second_year_retention``, measured here when None). Every lifetime value
    uses the same ``discount_rate`` and ``years`` (:func:`lifetime_value`).

    Out: dict with
    ``table`` (DataFrame: rows :data:`AVERAGE_CUSTOMER` and the ``top`` accounts by
    revenue_12m, columns ``revenue_12m``, ``margin_12m``, ``profit_12m`` (NaN without
    hours), ``value_12m`` (on the basis), ``lifetime_value``,
    ``new_customers_to_replace`` = ⌈lifetime value / new customer's net value⌉,
    ``acquisition_spend`` = that × acquisition_cost; with ``model_lifetime`` (each
    customer's lifetime value by the BG/NBD and Gamma-Gamma models,
    ``spend.model_lifetime_value``, indexed by ``customer_id``) also
    ``lifetime_value_model``: the accounts' own, and the mean over the customers of the
    last 12 months for the average customer);
    ``new_customer`` (dict: ``first_year_revenue``, ``value_per_year``,
    ``margin_per_year`` (the same number, its old name), ``retention`` (the second-year
    retention assumed), ``retention_customers``, ``retention_returned``,
    ``retention_reason``, ``lifetime_value``, ``net_value`` = lifetime value −
    acquisition_cost, ``basis``: which new customers the first-year revenue comes from,
    as ``freshness.first_year_revenue_of_new_customers`` gives it);
    ``basis`` (:data:`PROFIT` or :data:`MARGIN`), ``value_rate`` (the company's
    profit or margin / revenue, used for new customers; ``margin_rate`` is the same, its
    old name), ``hourly_cost`` (with the profit basis, else nan), ``retention``, ``years``,
    ``customers_12m``, ``new_customers_12m`` (customers whose first invoice falls in the
    last 12 months: what the firm really wins in a year, to hold the what-if against).
    Values are ``nan`` where a retention is unknown or a new customer doesn't pay back
    its acquisition cost.
    """
    values, basis = yearly_value_by_customer(invoices, as_of, margin_rate, hours, hourly_cost)
    buying = values.loc[values["revenue_12m"] > 0]
    revenue_total = float(buying["revenue_12m"].sum())
    company_rate = (
        float(buying["value_12m"].sum()) / revenue_total if revenue_total > 0 else float("nan")
    )
    measured = (
        new_customer_retention
        if new_customer_retention is not None
        else second_year_retention(invoices, as_of)
    )
    new_retention = measured["retention"]
    first_year = first_year_revenue_of_new_customers(invoices, as_of)
    new_yearly = first_year["average"] * company_rate
    new_value = lifetime_value(new_yearly, new_retention, discount_rate, years)
    net_value = new_value - acquisition_cost
    top_rows = buying.sort_values("revenue_12m", ascending=False, kind="stable").head(top)
    label = (
        top_rows.index
        if names is None
        else names.reindex(top_rows.index).fillna(pd.Series(top_rows.index, index=top_rows.index))
    )
    shown = ["revenue_12m", "margin_12m", "profit_12m", "value_12m"]
    average = pd.DataFrame([buying[shown].mean()], index=[AVERAGE_CUSTOMER])
    table = pd.concat([average, top_rows[shown].set_axis(label)])
    table.index.name = "customer"
    table["lifetime_value"] = lifetime_value(
        table["value_12m"].to_numpy(), retention, discount_rate, years
    )
    if net_value > 0:
        table["new_customers_to_replace"] = np.ceil(table["lifetime_value"] / net_value)
    else:
        table["new_customers_to_replace"] = np.nan
    table["acquisition_spend"] = table["new_customers_to_replace"] * acquisition_cost
    if model_lifetime is not None:
        by_model = model_lifetime.reindex(buying.index)
        table["lifetime_value_model"] = np.r_[
            by_model.mean(), by_model.reindex(top_rows.index).to_numpy(dtype=float)
        ]
    return {
        "table": table,
        "new_customer": {
            "first_year_revenue": first_year["average"],
            "value_per_year": new_yearly,
            "margin_per_year": new_yearly,
            "retention": new_retention,
            "retention_customers": measured["customers"],
            "retention_returned": measured["returned"],
            "retention_reason": measured["reason"],
            "lifetime_value": new_value,
            "net_value": net_value,
            "basis": first_year["basis"],
        },
        "basis": basis,
        "hourly_cost": float(hourly_cost) if basis == PROFIT else float("nan"),
        "new_customers_12m": int((first_invoice_dates(invoices, as_of) > as_of - WINDOW).sum()),
        "value_rate": company_rate,
        "margin_rate": company_rate,
        "retention": retention,
        "years": int(years),
        "customers_12m": int(len(buying)),
    }


def lifetime_figures(cost: dict) -> dict:
    """Headline figures from :func:`cost_of_losing`: the lifetime value of the average
    customer and of the largest account, how many new customers replace the latter, and
    ``lifetime_value_retention``, the yearly retention a new customer's lifetime value
    assumes (the measured second-year retention; None with
    ``lifetime_value_retention_reason`` when no customer first bought two years ago).
    ``nan`` where they can't be computed.
    """
    table = cost["table"]
    nan = float("nan")
    has_top = len(table) > 1
    new = cost["new_customer"]
    return {
        "lifetime_value_average_customer": float(table["lifetime_value"].iloc[0]),
        "lifetime_value_largest_account": float(table["lifetime_value"].iloc[1])
        if has_top
        else nan,
        "new_customers_to_replace_largest": float(table["new_customers_to_replace"].iloc[1])
        if has_top
        else nan,
        "lifetime_value_retention": float(new["retention"]),
        "lifetime_value_retention_reason": new["retention_reason"],
    }


def value_over_horizon(
    new_per_year: float,
    value_per_year: float,
    retention: float,
    discount_rate: float,
    years: int,
) -> float:
    """What ``new_per_year`` new customers won at the start of each of ``years`` years bring
    by the end of those years, discounted to today.

    The group won in year t (t = 0 … years − 1) is worth its lifetime value over the
    years left, ``years − t``, discounted by t years:
    ``Σ_t new_per_year · LTV(value, r, d, years − t) / (1 + d)^t``.

    Example: one a year, 100 a year each, retention 0.5, d 0, 2 years: the first group
    brings 100 + 50, the second 100 → 250.

    >>> value_over_horizon(1, 100, 0.5, 0.0, 2)
    250.0
    """
    total = 0.0
    for t in range(max(int(years), 0)):
        total += (
            lifetime_value(value_per_year, retention, discount_rate, years - t)
            / (1 + discount_rate) ** t
        )
    return float(new_per_year * total)


def budget_shift(
    customers: int,
    value_per_year: float,
    retention: float,
    new_customer_value_per_year: float,
    new_customer_retention: float,
    *,
    acquisition_budget: float,
    acquisition_cost: float,
    share_moved: float,
    retention_gain: float,
    discount_rate: float = 0.08,
    years: int = 5,
) -> pd.DataFrame:
    """What if part of the budget for winning customers went to keeping them?

    Both sides over the same ``years``. Today: ``acquisition_budget`` /
    ``acquisition_cost`` new customers a year, each worth ``new_customer_value_per_year``
    a year and staying with ``new_customer_retention``; the ``customers`` of today, worth
    ``value_per_year`` each, stay with ``retention``. Moved: ``share_moved`` of the budget
    goes to keeping customers **every year** of the horizon, so each year that many fewer
    new customers are won; in return every retention is ``retention_gain`` higher (0.02 =
    two percentage points) **in every year** of the horizon, for today's customers and the
    new ones alike. The new customers are counted to the end of the horizon
    (:func:`value_over_horizon`), today's customers over the whole horizon
    (:func:`lifetime_value`). The gain is a guess: see :func:`break_even_retention_gain`.

    Out: DataFrame with rows "as now" and "moved", columns ``winning_budget``,
    ``keeping_budget``, ``new_customers`` (a year), ``retention``,
    ``new_customer_retention``, ``years`` (the horizon, the same on both rows),
    ``value_of_new``, ``value_of_existing``, ``total_value`` (discounted, within the
    horizon).
    """
    moved = acquisition_budget * share_moved
    rows = []
    for label, spend, keep, gain in (
        ("as now", acquisition_budget, 0.0, 0.0),
        ("moved", acquisition_budget - moved, moved, retention_gain),
    ):
        new = spend / acquisition_cost if acquisition_cost > 0 else float("nan")
        rate = min(retention + gain, 1.0)
        new_rate = min(new_customer_retention + gain, 1.0)
        existing = customers * lifetime_value(value_per_year, rate, discount_rate, years)
        of_new = value_over_horizon(
            new, new_customer_value_per_year, new_rate, discount_rate, years
        )
        rows.append((label, spend, keep, new, rate, new_rate, int(years), of_new, existing))
    table = pd.DataFrame(
        rows,
        columns=[
            "scenario",
            "winning_budget",
            "keeping_budget",
            "new_customers",
            "retention",
            "new_customer_retention",
            "years",
            "value_of_new",
            "value_of_existing",
        ],
    ).set_index("scenario")
    table["total_value"] = table["value_of_new"] + table["value_of_existing"]
    return table


def what_if_sides(
    table: pd.DataFrame, new_customer_value_per_year: float, discount_rate: float
) -> dict:
    """The two sides of a :func:`budget_shift`, over its one horizon.

    ``lost``: what the new customers not won would have brought within the horizon (at
    today's retention of new customers); ``gained``: what the higher retention adds within
    the same horizon, on today's customers and on the new customers still won;
    ``difference`` = gained − lost = the moved total − today's total; ``years``.
    """
    now, moved = table.loc["as now"], table.loc["moved"]
    years = int(now["years"])
    fewer = now["new_customers"] - moved["new_customers"]
    lost = value_over_horizon(
        fewer, new_customer_value_per_year, now["new_customer_retention"], discount_rate, years
    )
    difference = float(moved["total_value"] - now["total_value"])
    return {"years": years, "lost": lost, "gained": difference + lost, "difference": difference}


def break_even_retention_gain(
    customers: int,
    value_per_year: float,
    retention: float,
    new_customer_value_per_year: float,
    new_customer_retention: float,
    *,
    moved: float,
    acquisition_budget: float,
    acquisition_cost: float,
    discount_rate: float = 0.08,
    years: int = 5,
) -> float:
    """The retention gain (in share points) at which moving ``moved`` money a year breaks even.

    The gain ``g`` at which the two rows of :func:`budget_shift` are worth the same over
    the horizon, by bisection (the moved total grows with ``g``). ``nan`` when even
    keeping every customer would not make up for the lost new customers, or when an input
    is unknown.
    """
    share = moved / acquisition_budget if acquisition_budget > 0 else 0.0
    common = {
        "acquisition_budget": acquisition_budget,
        "acquisition_cost": acquisition_cost,
        "share_moved": share,
        "discount_rate": discount_rate,
        "years": years,
    }
    inputs = (
        customers,
        value_per_year,
        retention,
        new_customer_value_per_year,
        new_customer_retention,
    )

    def change(gain: float) -> float:
        table = budget_shift(*inputs, retention_gain=gain, **common)
        return float(table.loc["moved", "total_value"] - table.loc["as now", "total_value"])

    ceiling = 1.0 - min(retention, new_customer_retention)
    if not all(v == v for v in (change(0.0), ceiling)) or change(ceiling) < 0:
        return float("nan")
    if change(0.0) >= 0:
        return 0.0
    low, high = 0.0, ceiling
    for _ in range(60):  # halves the bracket each time: far below a hundredth of a point
        middle = (low + high) / 2
        low, high = (middle, high) if change(middle) < 0 else (low, middle)
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
    customer's yearly value (profit or margin, as ``cost`` was built) and ``retention``; a
    new customer brings ``cost``'s new-customer value a year and stays with the measured
    second-year retention. Both sides count the same ``years``.
    Out: dict ``table`` (:func:`budget_shift`), ``sides`` (:func:`what_if_sides`: ``lost``,
    ``gained``, ``difference``, ``years``) and ``break_even``
    (:func:`break_even_retention_gain` for the money moved).
    """
    average = cost["table"].iloc[0]
    new = cost["new_customer"]
    inputs = (
        cost["customers_12m"],
        float(average["value_12m"]),
        retention,
        new["value_per_year"],
        new["retention"],
    )
    common = {
        "acquisition_budget": acquisition_budget,
        "acquisition_cost": acquisition_cost,
        "discount_rate": discount_rate,
        "years": years,
    }
    table = budget_shift(*inputs, share_moved=share_moved, retention_gain=retention_gain, **common)
    even = break_even_retention_gain(*inputs, moved=acquisition_budget * share_moved, **common)
    sides = what_if_sides(table, new["value_per_year"], discount_rate)
    return {"table": table, "sides": sides, "break_even": even}


def model_lifetimes(
    invoices: pd.DataFrame,
    as_of: pd.Timestamp,
    model,
    spending,
    *,
    discount_rate: float = 0.08,
    years: int = 5,
    margin_rate: float = 0.35,
    hours: pd.DataFrame | None = None,
    hourly_cost: float | None = None,
) -> pd.Series:
    """Each customer's lifetime value by its own rhythm: ``spend.model_lifetime_value`` with
    the value of a euro of its revenue as :func:`yearly_value_by_customer` measures it (its
    profit or margin over revenue in the last 12 months; the company's rate for a customer
    without revenue then).

    In: the invoices, the BG/NBD results (``still_buying.still_buying``) and the Gamma-Gamma
    fit (``spend.fit_gamma_gamma``). Out: Series indexed by ``customer_id``, NaN without
    either fit.
    """
    from helpers.analysis.spend import model_lifetime_value

    values, _basis = yearly_value_by_customer(invoices, as_of, margin_rate, hours, hourly_cost)
    buying = values["revenue_12m"] > 0
    revenue = float(values.loc[buying, "revenue_12m"].sum())
    company_rate = float(values.loc[buying, "value_12m"].sum()) / revenue if revenue > 0 else 0.0
    rate = (values["value_12m"] / values["revenue_12m"]).where(buying)
    rate = rate.reindex(model.summary.index).fillna(company_rate)
    return model_lifetime_value(model.summary, model.fit, spending, rate, discount_rate, years)
