"""Plots of dependence on few customers (``helpers.analysis.concentration``)."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes

from helpers.language import Language
from helpers.plots.common import axes, money_axis, percent_axis


def plot_lorenz(curve: pd.DataFrame, ax: Axes | None = None, *, lang: Language) -> Axes:
    """Lorenz curve of revenue, with the diagonal of perfect equality.

    In: ``curve`` from ``concentration.lorenz_curve``.
    Out: the Axes (2 lines: the curve and the diagonal).

    Example: ``plot_lorenz(lorenz_curve(invoices, as_of), lang=wb.lang)``
    """
    _ = lang._
    ax = axes(ax)
    ax.plot([0, 1], [0, 1], color="grey", linestyle="--", label=_("every customer the same size"))
    ax.plot(
        curve["customer_share"],
        curve["revenue_share"],
        color="tab:blue",
        marker=".",
        label=_("your customers"),
    )
    ax.fill_between(
        curve["customer_share"],
        curve["revenue_share"],
        curve["customer_share"],
        color="tab:blue",
        alpha=0.1,
    )
    ax.set_title(_("How evenly is revenue spread over customers?"))
    ax.set_xlabel(_("Share of customers, smallest first"))
    ax.set_ylabel(_("Share of revenue"))
    percent_axis(ax.xaxis, lang)
    percent_axis(ax.yaxis, lang)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.legend(loc="upper left", fontsize="small")
    return ax


def plot_revenue_by_customer(
    series: pd.Series, top: int = 15, ax: Axes | None = None, *, lang: Language
) -> Axes:
    """Horizontal bars of the largest customers, labelled with their share of revenue.

    In: ``series`` from ``concentration.revenue_by_customer`` (largest first);
    ``top`` = how many customers to show; ``lang`` for the words, the shares and the
    money axis (its currency). Shares are of the whole series' total.
    Out: the Axes, ``min(top, len(series))`` bars, largest at the top.

    Example: ``plot_revenue_by_customer(revenue_by_customer(invoices, as_of), top=10,
    lang=wb.lang)``
    """
    _ = lang._
    ax = axes(ax)
    total = float(series.sum())
    shown = series.iloc[:top][::-1]  # barh draws bottom-up: largest last = on top
    bars = ax.barh([str(name) for name in shown.index], shown.to_numpy(), color="tab:blue")
    if total > 0:
        labels = [lang.percent(value / total, 0) for value in shown.to_numpy()]
        ax.bar_label(bars, labels=labels, padding=3, fontsize="small")
    title = _("Largest customers by revenue")
    if len(series) > top:
        title = _("Largest customers by revenue (top {top} of {count})").format(
            top=lang.number(top), count=lang.number(len(series))
        )
    ax.set_title(title)
    ax.set_xlabel(_("Revenue"))
    ax.set_ylabel(_("Customer"))
    money_axis(ax.xaxis, lang)
    ax.margins(x=0.12)  # room for the share labels
    return ax
