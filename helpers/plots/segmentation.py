"""Plots of value-based segmentation (``helpers.analysis.segmentation``, ``pareto``,
``ownership``).

The value × potential matrix stays readable from 5 to 20,000 customers: up to
``DENSITY_ABOVE`` customers per panel are drawn as dots coloured by segment; above that,
a hexagon density shows where customers pile up and only the valuable fifth are dots.
The valuable fifth is shaded, cut by value at its median and by potential; the many to
its left are served alike. The largest accounts carry their names.
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib import patheffects
from matplotlib.axes import Axes
from matplotlib.ticker import FuncFormatter

from helpers.analysis.ownership import NO_OWNER
from helpers.analysis.segmentation import (
    BASIS_LABELS,
    DEVELOP,
    DORMANT,
    FIFTH,
    KEEP,
    KEY_ACCOUNT,
    MAINTAIN,
    SEGMENT_LABELS,
    SEGMENTS,
    SERVE,
    TREND,
    WALLET,
)
from helpers.language import Language
from helpers.plots.common import axes, money_axis, money_formatter, percent_axis

SEGMENT_COLOURS = {
    KEY_ACCOUNT: "tab:red",
    KEEP: "tab:blue",
    DEVELOP: "tab:green",
    MAINTAIN: "tab:purple",
    SERVE: "tab:grey",
    DORMANT: "lightgrey",
}
DENSITY_ABOVE = 1500  # customers per panel from which a density replaces the dots
GROWTH_SHOWN = (-1.0, 2.0)  # growth drawn from −100 % to +200 %; beyond sits on the edge
NAME_LENGTH = 24  # labels longer than this are cut with "…"


def plot_pareto(
    curve: pd.DataFrame,
    ax: Axes | None = None,
    recent: pd.DataFrame | None = None,
    top_share: float = 0.2,
    *,
    lang: Language,
) -> Axes:
    """Pareto curve: the share of revenue the largest customers bring, with the 80/20 point.

    In: ``curve`` from ``pareto.pareto_curve`` (all years); optionally ``recent``,
    the same for the last 12 months (a thinner line); ``top_share`` where to mark the
    point (0.2: the largest ⌈0.2·n⌉ customers, as ``top20_revenue_share``).
    Out: the Axes (lines: 80/20 reference, the curve(s); one marked point per curve), its
    words in ``lang``.

    Example: ``plot_pareto(pareto_curve(invoices, as_of), lang=wb.lang)``
    """
    _ = lang._
    ax = axes(ax)
    ax.plot(
        [0, 1],
        [0, 1],
        color="grey",
        linestyle="--",
        linewidth=1,
        label=_("every customer the same size"),
    )
    for table, label, width in ((curve, _("all years"), 2.2), (recent, _("last 12 months"), 1.2)):
        if table is None or len(table) < 2:
            continue
        line = ax.plot(
            table["customer_share"], table["revenue_share"], linewidth=width, label=label
        )[0]
        n = len(table) - 1
        k = min(n, max(1, math.ceil(round(top_share * n, 9))))
        x, y = table["customer_share"].iloc[k], table["revenue_share"].iloc[k]
        ax.plot([x], [y], marker="o", color=line.get_color())
        ax.annotate(
            _("largest {count} of {customers}: {share}").format(
                count=k, customers=n, share=f"{y:.0%}"
            ),
            (x, y),
            xytext=(12, -14 if width < 2 else 6),
            textcoords="offset points",
            fontsize="small",
            color=line.get_color(),
        )
    ax.axvline(top_share, color="black", linewidth=0.6, alpha=0.5)
    ax.axhline(0.8, color="black", linewidth=0.6, alpha=0.5)
    ax.set_title(_("How much do your largest customers bring?"))
    ax.set_xlabel(_("Share of customers, largest first"))
    ax.set_ylabel(_("Share of revenue"))
    percent_axis(ax.xaxis, lang)
    percent_axis(ax.yaxis, lang)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.02)
    ax.legend(loc="lower right", fontsize="small")
    return ax


def _short(name: str) -> str:
    return name if len(name) <= NAME_LENGTH else name[: NAME_LENGTH - 1] + "…"


def plot_value_potential(
    table: pd.DataFrame,
    basis: str = WALLET,
    ax: Axes | None = None,
    label_top: int = 8,
    density_above: int = DENSITY_ABOVE,
    *,
    lang: Language,
) -> Axes:
    """The value × potential matrix for the customers placed by one ``basis``.

    In: ``table`` from ``segmentation.segments`` (its ``attrs`` hold the cut-offs);
    ``basis`` ``WALLET`` (y = share of the wallet not yet ours) or ``TREND`` (y = growth
    on the 12 months before; new customers sit on the top edge as triangles);
    ``label_top`` how many customers get a number and their name in a key below the
    plot: the key accounts first, then the most valuable of the rest.
    x = value of the last 12 months on a log scale (values ≤ 0 sit on the left edge).
    Dormant customers are not drawn (no value in the window).
    Out: the Axes. Dots (or a hexbin density above ``density_above`` customers, with the
    valuable fifth still as dots), the valuable fifth shaded from its lowest value on
    (dashed), cut at its median (dotted) and by potential (dashed, within the fifth
    only), and the five segments of buyers with their counts; words and money
    (``lang.currency``) in ``lang``.

    Example: ``plot_value_potential(segments(invoices, as_of, customers), WALLET, lang=wb.lang)``
    """
    _ = lang._
    ax = axes(ax)
    attrs = table.attrs
    shown = table.loc[(table["segment"] != DORMANT) & (table["potential_basis"] == basis)]
    positive = table.loc[table["value_12m"] > 0, "value_12m"]
    floor = float(positive.min()) / 2 if len(positive) else 1.0
    x = shown["value_12m"].clip(lower=floor).to_numpy(dtype=float)
    new = shown["potential"].isna().to_numpy()
    if basis == TREND:
        low, high = GROWTH_SHOWN
        y = shown["potential"].fillna(high).clip(low, high).to_numpy(dtype=float)
        cutoff = attrs.get("growth_cutoff", np.nan)
    else:
        low, high = 0.0, 1.0
        y = shown["potential"].to_numpy(dtype=float)
        cutoff = attrs.get("wallet_cutoff", np.nan)
    x_low = floor / 1.5
    x_high = max(float(x.max()) if len(x) else floor * 10, attrs.get("value_cutoff") or floor) * 3
    y_pad = 0.05 * (high - low)

    if len(shown) > density_above:
        ax.hexbin(
            x,
            y,
            xscale="log",
            gridsize=40,
            mincnt=1,
            bins="log",
            cmap="Greys",
            extent=(math.log10(x_low), math.log10(x_high), low, high),
        )
        dots = shown["segment"].isin(FIFTH).to_numpy()
    else:
        dots = np.ones(len(shown), dtype=bool)
    colours = shown["segment"].map(SEGMENT_COLOURS).to_numpy()
    for marker, rows in (("o", dots & ~new), ("^", dots & new)):
        if rows.any():
            ax.scatter(
                x[rows],
                y[rows],
                s=18,
                c=colours[rows],
                marker=marker,
                alpha=0.75,
                edgecolors="none",
            )
    ax.set_xscale("log")
    ax.set_xlim(x_low, x_high)
    ax.set_ylim(low - y_pad, high + y_pad)

    # the valuable fifth: shaded from its lowest value on, cut at its median and by potential
    value_cutoff = attrs.get("value_cutoff", np.nan)
    split_cutoff = attrs.get("split_cutoff", np.nan)
    if not math.isnan(value_cutoff):
        ax.axvspan(value_cutoff, x_high, color="gold", alpha=0.08, linewidth=0)
        ax.axvline(value_cutoff, color="black", linestyle="--", linewidth=1)
        ax.annotate(
            _("the valuable fifth →"),
            (value_cutoff, 0.0),
            xycoords=("data", "axes fraction"),
            xytext=(3, 3),
            textcoords="offset points",
            ha="left",
            va="bottom",
            fontsize="x-small",
            color="dimgrey",
        )
        if not math.isnan(cutoff):
            ax.plot([value_cutoff, x_high], [cutoff, cutoff], "k--", linewidth=1)
    if not math.isnan(split_cutoff) and split_cutoff > value_cutoff:
        ax.axvline(split_cutoff, color="black", linestyle=":", linewidth=1)
    counts = shown["segment"].value_counts()
    for row, segment in enumerate((KEY_ACCOUNT, KEEP, DEVELOP, MAINTAIN, SERVE)):
        ax.text(
            0.02,
            0.97 - 0.065 * row,
            f"{_(SEGMENT_LABELS[segment])}: {int(counts.get(segment, 0))}",
            transform=ax.transAxes,
            ha="left",
            va="top",
            fontsize="x-small",
            fontweight="bold",
            color=SEGMENT_COLOURS[segment],
            path_effects=[patheffects.withStroke(linewidth=2.5, foreground="white")],
        )

    # The largest accounts get a number by their dot and their name in a key below the
    # plot: names beside dots would pile up exactly where the big customers sit.
    # Key accounts first, then the largest of the rest; numbered in order of value.
    key_first = np.argsort(shown["segment"].to_numpy() != KEY_ACCOUNT, kind="stable")
    labelled = np.sort(key_first[:label_top])  # positions in value order
    top = shown.iloc[labelled]
    for rank, (vx, vy) in enumerate(zip(x[labelled], y[labelled], strict=True), start=1):
        ax.annotate(
            str(rank),
            (vx, vy),
            xytext=(3, 3),
            textcoords="offset points",
            fontsize=7,
            fontweight="bold",
        )
    if len(top):
        key = [f"{rank} {_short(str(name))}" for rank, name in enumerate(top["name"], start=1)]
        rows = math.ceil(len(key) / 2)
        columns = ["\n".join(key[:rows]), "\n".join(key[rows:])]
        for column, text in enumerate(columns):
            ax.text(0.5 * column, -0.2, text, transform=ax.transAxes, va="top", fontsize=7)

    count = f"{len(shown):,}".replace(",", "\u202f")
    ax.set_title(
        _("{count} customers placed by {basis}").format(count=count, basis=_(BASIS_LABELS[basis])),
        fontsize="medium",
    )
    ax.set_xlabel(_("Value, last 12 months (log scale)"))
    ax.xaxis.set_major_formatter(money_formatter(lang))
    if basis == TREND:
        ax.set_ylabel(_("Growth on the 12 months before (▲ new)"))
    else:
        ax.set_ylabel(_("Share of wallet still with others"))
    percent_axis(ax.yaxis, lang)
    return ax


def plot_segment_matrix(table: pd.DataFrame, label_top: int = 8, *, lang: Language) -> np.ndarray:
    """One value × potential panel per basis that placed anyone (wallet first, then trend).

    In: ``table`` from ``segmentation.segments``, ``lang``. Out: array of Axes (one or
    two; one empty panel saying so when nobody bought in the last 12 months).

    Example: ``plot_segment_matrix(segments(invoices, as_of, customers), lang=wb.lang)``
    """
    _ = lang._
    active = table.loc[table["segment"] != DORMANT, "potential_basis"]
    bases = [b for b in (WALLET, TREND) if (active == b).any()]
    figure, panels = plt.subplots(
        1, max(len(bases), 1), figsize=(7 * max(len(bases), 1) * 0.8 + 1.4, 4.6), squeeze=False
    )
    panels = panels[0]
    if not bases:
        panels[0].text(
            0.5,
            0.5,
            _("Nobody bought in the last 12 months"),
            ha="center",
            va="center",
            transform=panels[0].transAxes,
            color="grey",
        )
        panels[0].set_axis_off()
    for ax, basis in zip(panels, bases, strict=False):
        plot_value_potential(table, basis, ax=ax, label_top=label_top, lang=lang)
    dormant = int((table["segment"] == DORMANT).sum())
    title = _("Value × potential of the customers who bought in the last 12 months")
    if dormant:
        title += " " + _("({count} dormant not shown)").format(count=dormant)
    figure.suptitle(title)
    figure.tight_layout()
    return panels


def plot_years_and_value(table: pd.DataFrame, ax: Axes | None = None, *, lang: Language) -> Axes:
    """Years as a customer against value: are the most valuable customers the oldest?

    In: ``table`` from ``segmentation.segments`` (``tenure_years``, ``value_12m``,
    ``segment``). Out: the Axes: every customer who bought in the last 12 months as a dot
    (x = years since its first invoice, y = value of the last 12 months on a log scale;
    the many small and grey, the valuable fifth larger and coloured by segment), and a
    line at the median years of each group; words and money in ``lang``.

    Example: ``plot_years_and_value(segments(invoices, as_of, customers), lang=wb.lang)``
    """
    _ = lang._
    ax = axes(ax)
    buyers = table.loc[table["value_level"] != "none"]
    positive = buyers.loc[buyers["value_12m"] > 0, "value_12m"]
    floor = float(positive.min()) / 2 if len(positive) else 1.0
    fifth = buyers["value_level"] == "high"
    for segment in (SERVE, *FIFTH):
        rows = buyers["segment"] == segment
        if rows.any():
            ax.scatter(
                buyers.loc[rows, "tenure_years"],
                buyers.loc[rows, "value_12m"].clip(lower=floor),
                s=10 if segment == SERVE else 28,
                color=SEGMENT_COLOURS[segment],
                alpha=0.45 if segment == SERVE else 0.85,
                edgecolors="none",
                label=_(SEGMENT_LABELS[segment]),
            )
    for rows, style, label in (
        (fifth, "--", _("median, the valuable fifth")),
        (~fifth, ":", _("median, the many")),
    ):
        if rows.any():
            ax.axvline(
                float(buyers.loc[rows, "tenure_years"].median()),
                color="black",
                linestyle=style,
                linewidth=1,
                label=label,
            )
    ax.set_yscale("log")
    ax.yaxis.set_major_formatter(money_formatter(lang))
    ax.set_xlim(left=0)
    ax.set_title(_("Are your most valuable customers your oldest?"))
    ax.set_xlabel(_("Years as a customer (since the first invoice in your data)"))
    ax.set_ylabel(_("Value, last 12 months (log scale)"))
    if len(buyers):
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="x-small")
    return ax


def plot_time_budget(
    summary: pd.DataFrame,
    hours_available: float | None = None,
    ax: Axes | None = None,
    *,
    lang: Language,
) -> Axes:
    """Sales hours the service model asks for, by segment, against the hours there are.

    In: ``summary`` from ``segmentation.segment_summary``; ``hours_available`` a year.
    Out: the Axes: one stacked bar "needed" (a part per segment) and, with
    ``hours_available``, a bar "available".

    Example: ``plot_time_budget(segment_summary(table), hours_available=550, lang=wb.lang)``
    """
    _ = lang._
    if ax is None:
        ax = plt.subplots(figsize=(7, 2.8))[1]
    left = 0.0
    for segment in SEGMENTS:
        hours = float(summary.loc[segment, "hours_per_year"])
        if hours <= 0:
            continue
        label = f"{_(SEGMENT_LABELS[segment])}: {hours:,.0f} h".replace(",", "\u202f")
        ax.barh([_("needed")], [hours], left=left, color=SEGMENT_COLOURS[segment], label=label)
        left += hours
    if hours_available is not None and hours_available > 0:
        ax.barh([_("available")], [hours_available], color="black", alpha=0.6)
        ax.axvline(hours_available, color="black", linestyle="--", linewidth=1)
    ax.invert_yaxis()
    ax.set_title(_("Does the team's time add up?"))
    ax.set_xlabel(_("Sales hours a year"))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: lang.number(v)))
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small")
    return ax


def plot_value_by_owner(by_owner: pd.DataFrame, ax: Axes | None = None, *, lang: Language) -> Axes:
    """Bars: the last 12 months' value each account owner looks after, split by segment.

    In: ``by_owner`` from ``ownership.value_by_owner_and_segment`` (owners largest
    first). Out: the Axes, one bar per owner (largest at the top), a part per segment,
    labelled with the owner's share of all value; words and money in ``lang``.

    Example: ``plot_value_by_owner(value_by_owner_and_segment(table), lang=wb.lang)``
    """
    _ = lang._
    ax = axes(ax)
    shown = by_owner.iloc[::-1]
    labels = [_(str(owner)) if owner == NO_OWNER else str(owner) for owner in shown.index]
    left = np.zeros(len(shown))
    for segment in SEGMENTS:
        values = shown[segment].clip(lower=0).to_numpy(dtype=float)
        if values.sum() > 0:
            ax.barh(
                labels,
                values,
                left=left,
                color=SEGMENT_COLOURS[segment],
                label=_(SEGMENT_LABELS[segment]),
            )
            left = left + values
    total = float(by_owner.clip(lower=0).to_numpy().sum())
    if total > 0:
        for position, width in enumerate(left):
            ax.text(width, position, f" {width / total:.0%}", va="center", fontsize="small")
    ax.set_title(_("Whose customers? Value of the last 12 months by account owner"))
    ax.set_xlabel(_("Value, last 12 months"))
    money_axis(ax.xaxis, lang)
    ax.margins(x=0.12)
    if len(shown):
        ax.legend(loc="lower right", fontsize="small")
    return ax
