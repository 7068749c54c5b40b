"""The 80/20 rule: how much of the revenue the largest customers bring (text 001, notebook 02).

The Pareto curve ranks customers by revenue, largest first, and adds up their share
(:func:`pareto_curve`); :func:`pareto_figures` reads the 80/20 point and the Gini
coefficient off it. The ABC classes cut the same ranking in three: A brings the first
80 % of the last 12 months' value, B the next 15 %, C the rest
(``segmentation.ABC_CUTOFFS``; every customer's class is the ``abc_class`` column of
``segmentation.segments``, and :func:`abc_summary` counts them).

>>> lines = pd.DataFrame({"customer_id": ["A", "B", "C", "D", "E"],
...                       "amount": [600.0, 100.0, 100.0, 100.0, 100.0],
...                       "date": pd.to_datetime(["2025-06-01"] * 5)})
>>> round(pareto_figures(lines, pd.Timestamp("2025-12-31"))["top20_revenue_share"], 2)
0.6

The sentences about them: :mod:`helpers.words.pareto`.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from helpers.analysis.concentration import concentration_figures, lorenz_curve
from helpers.analysis.segmentation import top_count
from helpers.analysis.windows import window_start


def pareto_curve(
    invoices: pd.DataFrame, as_of: pd.Timestamp, window_days: int | None = None
) -> pd.DataFrame:
    """Cumulative share of revenue against share of customers, largest customers first.

    The Lorenz curve of ``concentration.lorenz_curve`` turned around: row k says "the
    largest ``customer_share`` of customers bring ``revenue_share`` of revenue". Over the
    customers with revenue > 0, from (0, 0) to (1, 1). ``window_days`` None = all invoices
    up to ``as_of`` (as the headline figures); 365 = the last 12 months only.

    Example: ``pareto_curve(invoices, as_of).iloc[1]`` = the largest customer's share
    """
    lines = invoices
    if window_days is not None:
        lines = invoices.loc[invoices["date"] > window_start(as_of, days=window_days)]
    lorenz = lorenz_curve(lines, as_of)
    return pd.DataFrame(
        {
            "customer_share": 1 - lorenz["customer_share"].to_numpy()[::-1],
            "revenue_share": 1 - lorenz["revenue_share"].to_numpy()[::-1],
        }
    )


def pareto_figures(invoices: pd.DataFrame, as_of: pd.Timestamp) -> dict:
    """The 80/20 figures: headline ``top20_revenue_share`` and ``gini`` and their companions.

    Out: dict with ``top20_revenue_share`` and ``gini`` (from
    ``concentration.concentration_figures``, product.md definitions), ``customers``
    (with revenue > 0), ``top20_customers`` (⌈0.2·n⌉), ``customers_for_80`` (fewest
    customers that bring at least 80 % of revenue) and its share ``customer_share_for_80``,
    and ``top20_revenue_share_12m`` (the same on the last 12 months). NaN when nobody has
    positive revenue.

    Example: ``pareto_figures(invoices, as_of)["top20_revenue_share"]``
    """
    figures = concentration_figures(invoices, as_of)
    curve = pareto_curve(invoices, as_of)
    n = len(curve) - 1
    reach = np.flatnonzero(curve["revenue_share"].to_numpy() >= 0.8 - 1e-12)
    for_80 = int(reach[0]) if n and reach.size else 0
    recent = concentration_figures(invoices.loc[invoices["date"] > window_start(as_of)], as_of)
    return {
        "top20_revenue_share": figures["top20_revenue_share"],
        "gini": figures["gini"],
        "customers": n,
        "top20_customers": top_count(0.2, n),
        "customers_for_80": for_80,
        "customer_share_for_80": for_80 / n if n else math.nan,
        "top20_revenue_share_12m": recent["top20_revenue_share"],
    }


def abc_summary(table: pd.DataFrame) -> pd.DataFrame:
    """Customers and value per ABC class (customers who bought in the last 12 months).

    In: ``table`` from ``segmentation.segments`` (its ``abc_class`` column).
    Out: DataFrame indexed A, B, C with ``customers``, ``customer_share``, ``value_12m``,
    ``value_share`` (of the positive value).

    Example: ``abc_summary(segments(invoices, as_of))``
    """
    active = table.loc[table["abc_class"] != ""]
    grouped = active.groupby("abc_class")
    out = pd.DataFrame(index=pd.Index(["A", "B", "C"], name="abc_class"))
    out["customers"] = grouped.size().reindex(out.index, fill_value=0).astype(int)
    out["customer_share"] = out["customers"] / max(len(active), 1)
    value = active["value_12m"].clip(lower=0).groupby(active["abc_class"]).sum()
    out["value_12m"] = value.reindex(out.index, fill_value=0.0)
    total = out["value_12m"].sum()
    out["value_share"] = out["value_12m"] / total if total > 0 else math.nan
    return out
