"""Plots of the company at a glance (``helpers.analysis.overview``)."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes

from helpers.language import Language
from helpers.plots.common import axes, money_axis


def plot_revenue_by_year(by_year: pd.Series, ax: Axes | None = None, *, lang: Language) -> Axes:
    """Bars of revenue per calendar year, money in ``lang``'s currency and words.

    In: ``overview.revenue_by_year`` (index ``year``). Out: the Axes, one bar per year.

    Example: ``plot_revenue_by_year(revenue_by_year(invoices, as_of), lang=wb.lang)``
    """
    _ = lang._
    ax = axes(ax)
    ax.bar(by_year.index.astype(str), by_year.to_numpy(), color="tab:blue")
    money_axis(ax.yaxis, lang)
    ax.set_title(_("Revenue per year"))
    ax.set_xlabel(_("Year"))
    ax.set_ylabel(_("Revenue ({currency}, excl. VAT)").format(currency=lang.currency))
    return ax
