"""Plots for notebook 01's price erosion (``helpers.analysis.pricing``)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from helpers.language import Language
from helpers.plots.common import axes

MAX_DOTS = 20_000


def plot_price_index_by_tenure(
    table: pd.DataFrame,
    ax: Axes | None = None,
    lines: pd.DataFrame | None = None,
    *,
    lang: Language,
) -> Axes:
    """Price index against years as a customer.

    In: ``table`` from ``pricing.tenure_price_table`` (index ``tenure_year``,
    ``mean_price_index``, ``median_price_index``); optionally ``lines`` from
    ``pricing.price_index_by_tenure`` to show the invoice lines as faint dots (a fixed
    random sample of ``MAX_DOTS`` when there are more: a million dots say no more than
    twenty thousand, and take a minute to draw).
    Draws the median per tenure year as points, the mean as a line, and a
    dashed line at 1.0 (= the going price that year).
    Out: the Axes (3 lines: median points, mean line, reference at 1.0).

    Example: ``plot_price_index_by_tenure(tenure_price_table(invoices, as_of), lang=wb.lang)``
    """
    _ = lang._
    ax = axes(ax)
    if lines is not None and not lines.empty:
        label = _("one invoice line")
        if len(lines) > MAX_DOTS:
            lines = lines.sample(MAX_DOTS, random_state=0)
            label = _("invoice lines (a sample of {count})").format(count=lang.number(MAX_DOTS))
        ax.scatter(
            lines["tenure_years"],
            lines["price_index"],
            s=6,
            alpha=0.2,
            color="grey",
            label=label,
            rasterized=True,
        )
    years = table.index.to_numpy()
    ax.plot(
        years,
        table["median_price_index"],
        marker="o",
        linestyle="none",
        color="tab:blue",
        label=_("median per tenure year"),
    )
    ax.plot(years, table["mean_price_index"], color="tab:orange", label=_("mean per tenure year"))
    ax.axhline(1.0, color="black", linestyle="--", linewidth=1, label=_("going price that year"))
    ax.set_title(_("Do long-standing customers pay less?"))
    ax.set_xlabel(_("Years as a customer (0 = first year)"))
    ax.set_ylabel(_("Price paid / median price that year"))
    if len(years):
        ax.set_xticks(np.arange(years.min(), years.max() + 1))
    else:  # no priced lines: say so rather than show an empty frame
        ax.text(
            0.5,
            0.5,
            _("No unit prices to compare"),
            ha="center",
            va="center",
            transform=ax.transAxes,
            color="grey",
        )
    ax.legend(loc="best", fontsize="small")
    return ax
