"""How dependent is the company on a few customers?

Revenue per customer, the headline concentration figures (largest customer's
share, top-5 share, Herfindahl index, effective number of customers, top-20 %
share, Gini), a "what if our biggest customers leave" stress test and the
Lorenz curve for plots.

Every function takes the validated invoice table (``customer_id``, ``date``,
``amount``, optional ``cost``) and an explicit ``as_of`` date; lines dated after
``as_of`` are ignored. Revenue is the sum of ``amount`` (credit notes negative).
:mod:`helpers.words.concentration` says the figures in the reader's language.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from helpers.analysis.windows import WINDOW_DAYS, in_window, up_to
from helpers.language import N_

NAN = float("nan")

# The rows of stress_test(): each scenario's name (the table's index, translated when
# shown) and how many of the largest customers it takes away
STRESS_SCENARIOS = (
    (N_("all customers"), 0),
    (N_("without the largest customer"), 1),
    (N_("without the top 3"), 3),
)


def revenue_by_customer(invoices: pd.DataFrame, as_of: pd.Timestamp) -> pd.Series:
    """Revenue of each customer over all invoices up to ``as_of``.

    In: invoices (``customer_id``, ``date``, ``amount``), ``as_of``.
    Out: Series ``revenue`` indexed by ``customer_id``, largest first (ties in
    ``customer_id`` order). Customers whose credit notes outweigh their invoices
    appear with a negative revenue at the bottom.

    >>> lines = pd.DataFrame({"customer_id": ["A", "B", "A", "C"],
    ...                       "amount": [10.0, 30.0, 40.0, -5.0],
    ...                       "date": pd.to_datetime(["2024-01-01"] * 3 + ["2024-02-01"])})
    >>> revenue_by_customer(lines, pd.Timestamp("2024-12-31")).to_dict()
    {'A': 50.0, 'B': 30.0, 'C': -5.0}
    """
    lines = up_to(invoices, as_of)
    revenue = lines.groupby("customer_id")["amount"].sum().astype(float)
    revenue = revenue.sort_index().sort_values(ascending=False, kind="stable")
    revenue.name = "revenue"
    return revenue


def _gini(positive: np.ndarray) -> float:
    """Gini coefficient of positive values (0 = all equal, → 1 = one has all).

    G = Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² mean); computed as 2 Σ i·x₍ᵢ₎ / (n Σx) − (n + 1) / n
    with the values sorted ascending and i = 1 … n. No small-sample correction.
    """
    n = positive.size
    if n == 0:
        return NAN
    x = np.sort(positive)
    ranks = np.arange(1, n + 1)
    return float(2.0 * np.sum(ranks * x) / (n * x.sum()) - (n + 1) / n)


def concentration_figures(invoices: pd.DataFrame, as_of: pd.Timestamp) -> dict:
    """Headline concentration figures over all invoices up to ``as_of``.

    Definitions (product.md, "Headline figures"):

    - ``customers``: distinct ``customer_id`` with any line up to ``as_of``;
    - ``revenue_total``: sum of ``amount`` up to ``as_of``;
    - ``largest_customer_share``: largest customer's revenue / ``revenue_total``;
    - ``top5_share``: the 5 largest customers' revenue / ``revenue_total``;
    - ``hhi``: Σ sᵢ², sᵢ = customer revenue / ``revenue_total``, customers with
      revenue ≤ 0 left out of the sum. The denominator stays ``revenue_total``, so
      when some customers are net negative the kept shares add up to a little over 1;
    - ``effective_customers``: 1 / hhi ("as if revenue were split evenly over N customers");
    - ``top20_revenue_share``: revenue of the top ⌈0.2·n⌉ customers / ``revenue_total``,
      n = customers with revenue > 0;
    - ``gini``: Gini coefficient over customers with revenue > 0 (no small-sample correction).

    In: invoices, ``as_of``.
    Out: dict of plain Python ints/floats. Shares and indices are ``nan``
    (``float("nan")``) when ``revenue_total`` ≤ 0 or no customer has positive
    revenue; check with ``math.isnan`` before printing. JSON writers must turn
    NaN into ``null``.

    Example: 3 customers with 50/30/20 → largest 0.5, top5 1.0, hhi 0.38,
    effective_customers 2.63, top20 0.5, gini 0.2.
    """
    revenue = revenue_by_customer(invoices, as_of)
    total = float(revenue.sum())
    positive = revenue[revenue > 0]
    figures: dict = {
        "customers": int(revenue.size),
        "revenue_total": total,
        "largest_customer_share": NAN,
        "top5_share": NAN,
        "hhi": NAN,
        "effective_customers": NAN,
        "top20_revenue_share": NAN,
        "gini": NAN,
    }
    if total <= 0 or positive.empty:
        return figures
    hhi = float(((positive / total) ** 2).sum())
    top20_count = math.ceil(0.2 * positive.size)
    figures.update(
        largest_customer_share=float(revenue.iloc[0]) / total,
        top5_share=float(revenue.iloc[:5].sum()) / total,
        hhi=hhi,
        effective_customers=1.0 / hhi,
        top20_revenue_share=float(positive.iloc[:top20_count].sum()) / total,
        gini=_gini(positive.to_numpy(dtype=float)),
    )
    return figures


def stress_test(
    invoices: pd.DataFrame, as_of: pd.Timestamp, window_days: int = WINDOW_DAYS
) -> pd.DataFrame:
    """What would the last 12 months look like without the biggest customers?

    Customers are ranked by their revenue in the window ``(as_of − window_days,
    as_of]`` (not all-time revenue). Margin is ``amount − cost`` summed over
    the window's lines that have a ``cost``; without a ``cost`` column it is NaN.

    In: invoices (optional ``cost``), ``as_of``, ``window_days``.
    Out: DataFrame indexed by ``scenario`` (the names of :data:`STRESS_SCENARIOS`: "all
    customers", "without the largest customer", "without the top 3") with columns
    ``customers_removed`` (comma-separated ids), ``customers`` (left), ``revenue``,
    ``revenue_lost_share``, ``margin``, ``margin_lost_share``. With fewer than 3
    customers, "without the top 3" removes everyone there is.

    >>> lines = pd.DataFrame({"customer_id": ["A", "B", "C"], "amount": [60.0, 30.0, 10.0],
    ...                       "date": pd.to_datetime(["2024-06-01"] * 3)})
    >>> stress_test(lines, pd.Timestamp("2024-12-31"))["revenue_lost_share"].round(2).tolist()
    [0.0, 0.6, 1.0]
    """
    window = in_window(invoices, as_of, days=window_days)
    has_cost = "cost" in window.columns
    line_margin = window["amount"] - window["cost"] if has_cost else None

    per_customer = pd.DataFrame({"revenue": window.groupby("customer_id")["amount"].sum()})
    if has_cost:
        per_customer["margin"] = line_margin.groupby(window["customer_id"]).sum()
    per_customer = per_customer.sort_index().sort_values("revenue", ascending=False, kind="stable")
    ranked = list(per_customer.index)

    all_revenue = float(per_customer["revenue"].sum())
    all_margin = float(per_customer["margin"].sum()) if has_cost else NAN
    rows = []
    for scenario, removed_count in STRESS_SCENARIOS:
        removed = ranked[:removed_count]
        kept = per_customer.drop(index=removed)
        revenue = float(kept["revenue"].sum())
        margin = float(kept["margin"].sum()) if has_cost else NAN
        rows.append(
            {
                "scenario": scenario,
                "customers_removed": ", ".join(str(c) for c in removed),
                "customers": int(len(kept)),
                "revenue": revenue,
                "revenue_lost_share": 1 - revenue / all_revenue if all_revenue > 0 else NAN,
                "margin": margin,
                "margin_lost_share": 1 - margin / all_margin if all_margin > 0 else NAN,
            }
        )
    return pd.DataFrame(rows).set_index("scenario")


def lorenz_curve(invoices: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    """Lorenz curve of revenue over customers with revenue > 0.

    Customers sorted from smallest to largest; each row says "the smallest
    ``customer_share`` of customers bring ``revenue_share`` of revenue". Starts
    at (0, 0) and ends at (1, 1). Gini = 1 − 2 × area under the curve.

    In: invoices, ``as_of``.
    Out: DataFrame with columns ``customer_share``, ``revenue_share`` (n + 1
    rows for n customers with positive revenue; just (0, 0) when there are none).

    Example: ``plots.plot_lorenz(lorenz_curve(invoices, as_of))``
    """
    revenue = revenue_by_customer(invoices, as_of)
    positive = np.sort(revenue[revenue > 0].to_numpy(dtype=float))
    n = positive.size
    if n == 0:
        return pd.DataFrame({"customer_share": [0.0], "revenue_share": [0.0]})
    cumulative = np.concatenate([[0.0], np.cumsum(positive) / positive.sum()])
    return pd.DataFrame({"customer_share": np.arange(n + 1) / n, "revenue_share": cumulative})
