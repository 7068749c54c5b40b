"""Plots of new customers and cohorts (``helpers.analysis.freshness``)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from helpers.language import Language
from helpers.plots.common import axes, money_axis


def plot_new_customers_per_quarter(
    series: pd.Series, ax: Axes | None = None, *, lang: Language
) -> Axes:
    """Bars: how many new customers each quarter brought.

    In: ``series`` from ``freshness.new_customers_per_quarter`` (quarterly PeriodIndex).
    Out: the Axes, one bar per quarter.

    Example: ``plot_new_customers_per_quarter(new_customers_per_quarter(invoices, as_of),
    lang=wb.lang)``
    """
    _ = lang._
    ax = axes(ax)
    labels = [str(period) for period in series.index]
    positions = np.arange(len(series))
    ax.bar(positions, series.to_numpy(), color="tab:green")
    step = max(1, len(labels) // 12)  # at most ~12 labels so they stay readable
    ax.set_xticks(positions[::step], labels[::step], rotation=45, ha="right")
    ax.set_title(_("New customers per quarter"))
    ax.set_xlabel(_("Quarter of the first invoice"))
    ax.set_ylabel(_("New customers"))
    ax.yaxis.get_major_locator().set_params(integer=True)
    return ax


def plot_cohort_revenue(
    cohort_table: pd.DataFrame, ax: Axes | None = None, *, lang: Language
) -> Axes:
    """Stacked bars: each year's revenue split by the year the customer was won.

    In: ``cohort_table`` from ``freshness.cohort_revenue`` (rows = cohort, columns =
    year); ``lang`` for the words and the money axis (its currency).
    Out: the Axes, one bar segment per cohort and year.

    Example: ``plot_cohort_revenue(cohort_revenue(invoices, as_of), lang=wb.lang)``
    """
    _ = lang._
    ax = axes(ax)
    years = [str(year) for year in cohort_table.columns]
    bottom = np.zeros(len(years))
    colours = plt.get_cmap("viridis")(np.linspace(0, 0.9, max(len(cohort_table), 1)))
    for colour, (cohort, row) in zip(colours, cohort_table.iterrows(), strict=False):
        values = row.to_numpy(dtype=float)
        label = _("won in {year}").format(year=cohort)
        ax.bar(years, values, bottom=bottom, color=colour, label=label)
        bottom = bottom + values
    if len(cohort_table) and bottom.max() > 0:
        ax.set_ylim(0, bottom.max() * 1.08)  # the tallest stack whole, with room above it
    ax.set_title(_("Revenue by the year customers were won"))
    ax.set_xlabel(_("Year"))
    ax.set_ylabel(_("Revenue"))
    money_axis(ax.yaxis, lang)
    if len(cohort_table):
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small", title=_("cohort"))
    return ax
