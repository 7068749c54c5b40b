"""Plots for the pricing, concentration and freshness analyses.

Each function takes a table made by ``helpers.pricing``, ``helpers.concentration``
or ``helpers.freshness``, draws on ``ax`` (a new 7 × 4 inch figure when
``ax`` is None) and returns the matplotlib Axes. Nothing is shown or saved
here: the notebook decides.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import FuncFormatter, PercentFormatter

FIGSIZE = (7, 4)


def _axes(ax: Axes | None) -> Axes:
    if ax is None:
        _, ax = plt.subplots(figsize=FIGSIZE)
    return ax


def _money(currency: str) -> FuncFormatter:
    """Axis labels like "12 500 €" (thin spaces between thousands)."""
    return FuncFormatter(lambda value, _pos: f"{value:,.0f} {currency}".replace(",", "\u202f"))


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
    ax = _axes(ax)
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


def plot_new_customers_per_quarter(series: pd.Series, ax: Axes | None = None) -> Axes:
    """Bars: how many new customers each quarter brought.

    In: ``series`` from ``freshness.new_customers_per_quarter`` (quarterly PeriodIndex).
    Out: the Axes, one bar per quarter.

    Example: ``plot_new_customers_per_quarter(new_customers_per_quarter(invoices, as_of))``
    """
    ax = _axes(ax)
    labels = [str(period) for period in series.index]
    positions = np.arange(len(series))
    ax.bar(positions, series.to_numpy(), color="tab:green")
    step = max(1, len(labels) // 12)  # at most ~12 labels so they stay readable
    ax.set_xticks(positions[::step], labels[::step], rotation=45, ha="right")
    ax.set_title("New customers per quarter")
    ax.set_xlabel("Quarter of the first invoice")
    ax.set_ylabel("New customers")
    ax.yaxis.get_major_locator().set_params(integer=True)
    return ax


def plot_cohort_revenue(
    cohort_table: pd.DataFrame, ax: Axes | None = None, currency: str = "€"
) -> Axes:
    """Stacked bars: each year's revenue split by the year the customer was won.

    In: ``cohort_table`` from ``freshness.cohort_revenue`` (rows = cohort, columns =
    year); ``currency`` symbol for the axis labels.
    Out: the Axes, one bar segment per cohort and year.

    Example: ``plot_cohort_revenue(cohort_revenue(invoices, as_of))``
    """
    ax = _axes(ax)
    years = [str(year) for year in cohort_table.columns]
    bottom = np.zeros(len(years))
    colours = plt.get_cmap("viridis")(np.linspace(0, 0.9, max(len(cohort_table), 1)))
    for colour, (cohort, row) in zip(colours, cohort_table.iterrows(), strict=False):
        values = row.to_numpy(dtype=float)
        ax.bar(years, values, bottom=bottom, color=colour, label=f"won in {cohort}")
        bottom = bottom + values
    ax.set_title("Revenue by the year customers were won")
    ax.set_xlabel("Year")
    ax.set_ylabel("Revenue")
    ax.yaxis.set_major_formatter(_money(currency))
    if len(cohort_table):
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small", title="cohort")
    return ax


def plot_lorenz(curve: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Lorenz curve of revenue, with the diagonal of perfect equality.

    In: ``curve`` from ``concentration.lorenz_curve``.
    Out: the Axes (2 lines: the curve and the diagonal).

    Example: ``plot_lorenz(lorenz_curve(invoices, as_of))``
    """
    ax = _axes(ax)
    ax.plot([0, 1], [0, 1], color="grey", linestyle="--", label="every customer the same size")
    ax.plot(
        curve["customer_share"], curve["revenue_share"], color="tab:blue", marker=".",
        label="your customers",
    )  # fmt: skip
    ax.fill_between(curve["customer_share"], curve["revenue_share"], curve["customer_share"],
                    color="tab:blue", alpha=0.1)  # fmt: skip
    ax.set_title("How evenly is revenue spread over customers?")
    ax.set_xlabel("Share of customers, smallest first")
    ax.set_ylabel("Share of revenue")
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.legend(loc="upper left", fontsize="small")
    return ax


def plot_revenue_by_customer(
    series: pd.Series, top: int = 15, ax: Axes | None = None, currency: str = "€"
) -> Axes:
    """Horizontal bars of the largest customers, labelled with their share of revenue.

    In: ``series`` from ``concentration.revenue_by_customer`` (largest first);
    ``top`` = how many customers to show; ``currency`` symbol for the axis labels.
    Shares are of the whole series' total.
    Out: the Axes, ``min(top, len(series))`` bars, largest at the top.

    Example: ``plot_revenue_by_customer(revenue_by_customer(invoices, as_of), top=10)``
    """
    ax = _axes(ax)
    total = float(series.sum())
    shown = series.iloc[:top][::-1]  # barh draws bottom-up: largest last = on top
    bars = ax.barh([str(name) for name in shown.index], shown.to_numpy(), color="tab:blue")
    if total > 0:
        labels = [f"{value / total:.0%}" for value in shown.to_numpy()]
        ax.bar_label(bars, labels=labels, padding=3, fontsize="small")
    title = "Largest customers by revenue"
    if len(series) > top:
        title += f" (top {top} of {len(series)})"
    ax.set_title(title)
    ax.set_xlabel("Revenue")
    ax.set_ylabel("Customer")
    ax.xaxis.set_major_formatter(_money(currency))
    ax.margins(x=0.12)  # room for the share labels
    return ax


def plot_revenue_by_year(by_year: pd.Series, ax: Axes | None = None, currency: str = "€") -> Axes:
    """Bars of revenue per calendar year.

    In: ``overview.revenue_by_year`` (index ``year``). Out: the Axes, one bar per year.

    Example: ``plot_revenue_by_year(revenue_by_year(invoices, as_of), currency="EUR")``
    """
    ax = _axes(ax)
    ax.bar(by_year.index.astype(str), by_year.to_numpy(), color="tab:blue")
    ax.yaxis.set_major_formatter(_money(currency))
    ax.set_title("Revenue per year")
    ax.set_xlabel("Year")
    ax.set_ylabel(f"Revenue ({currency}, excl. VAT)")
    return ax
