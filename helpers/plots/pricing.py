"""Plots for notebook 01's price erosion (``helpers.analysis.pricing``)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from helpers.plots.common import axes


def plot_price_index_by_tenure(
    table: pd.DataFrame, ax: Axes | None = None, lines: pd.DataFrame | None = None
) -> Axes:
    """Price index against years as a customer.

    In: ``table`` from ``pricing.tenure_price_table`` (index ``tenure_year``,
    ``mean_price_index``, ``median_price_index``); optionally ``lines`` from
    ``pricing.price_index_by_tenure`` to show every invoice line as a faint dot.
    Draws the median per tenure year as points, the mean as a line, and a
    dashed line at 1.0 (= the going price that year).
    Out: the Axes (3 lines: median points, mean line, reference at 1.0).

    Example: ``plot_price_index_by_tenure(tenure_price_table(invoices, as_of))``
    """
    ax = axes(ax)
    if lines is not None and not lines.empty:
        ax.scatter(
            lines["tenure_years"], lines["price_index"], s=6, alpha=0.2, color="grey",
            label="one invoice line",
        )  # fmt: skip
    years = table.index.to_numpy()
    ax.plot(
        years, table["median_price_index"], marker="o", linestyle="none", color="tab:blue",
        label="median per tenure year",
    )  # fmt: skip
    ax.plot(years, table["mean_price_index"], color="tab:orange", label="mean per tenure year")
    ax.axhline(1.0, color="black", linestyle="--", linewidth=1, label="going price that year")
    ax.set_title("Do long-standing customers pay less?")
    ax.set_xlabel("Years as a customer (0 = first year)")
    ax.set_ylabel("Price paid / median price that year")
    if len(years):
        ax.set_xticks(np.arange(years.min(), years.max() + 1))
    else:  # no priced lines: say so rather than show an empty frame
        ax.text(0.5, 0.5, "No unit prices to compare", ha="center", va="center",
                transform=ax.transAxes, color="grey")
    ax.legend(loc="best", fontsize="small")
    return ax
