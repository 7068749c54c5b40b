"""Plots of account value and profitability (``helpers.analysis.account_value``,
``helpers.analysis.profit_spread``): the five-level profile, how ranks move with the
weights, the whale curve and the price × cost-to-serve map."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.transforms import blended_transform_factory

from helpers.language import N_, Language
from helpers.plots.common import axes, percent_axis

LEVEL_LABELS = {
    "factual": N_("Factual\n(data)"),
    "reference": N_("Reference"),
    "contact": N_("Contact"),
    "emotional": N_("Emotional"),
    "learning": N_("Learning"),
    "total": N_("Total"),
}


def _empty(ax: Axes, text: str) -> Axes:
    ax.text(0.5, 0.5, text, ha="center", va="center", transform=ax.transAxes, color="grey")
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


def plot_value_profile(
    profile: pd.DataFrame,
    names: pd.Series | None = None,
    ax: Axes | None = None,
    *,
    lang: Language,
) -> Axes:
    """The five levels (and the total) for each account as a grid of coloured scores 1–5.

    In: ``profile`` with columns ``factual`` … ``learning`` and optionally ``total``
    (e.g. ``account_value.value_profile`` plus ``total_value``), one row per account in
    the order to show; ``names`` for labels. Empty cells (not scored) stay white.
    Out: the Axes (one image; a text label per known score), its words in ``lang``.
    """
    _ = lang._
    columns = [c for c in LEVEL_LABELS if c in profile.columns]
    height = max(2.5, 0.38 * len(profile) + 1.4)
    ax = axes(ax) if ax is not None else axes(None)
    ax.figure.set_size_inches(7, height)
    if profile.empty:
        return _empty(ax, _("No accounts to show"))
    values = profile[columns].astype(float).to_numpy()
    image = ax.imshow(np.ma.masked_invalid(values), cmap="RdYlGn", vmin=1, vmax=5, aspect="auto")
    for (row, column), value in np.ndenumerate(values):
        if value == value:
            shown = lang.number(value, 1)
            ax.text(column, row, shown, ha="center", va="center", fontsize="small")
    ax.set_xticks(range(len(columns)), [_(LEVEL_LABELS[c]) for c in columns], fontsize="small")
    ax.xaxis.tick_top()
    labels = [str(names.get(i, i)) if names is not None else str(i) for i in profile.index]
    ax.set_yticks(range(len(profile)), labels, fontsize="small")
    if "total" in columns:
        ax.axvline(len(columns) - 1.5, color="black", linewidth=1.5)
    ax.set_title(_("Value profile: 1 = low, 5 = high"), pad=28)
    ax.figure.colorbar(image, ax=ax, fraction=0.03, pad=0.02)
    return ax


def plot_rank_ranges(
    sensitivity: pd.DataFrame,
    names: pd.Series | None = None,
    ax: Axes | None = None,
    *,
    lang: Language,
) -> Axes:
    """Each account's rank with the base weights (dot) and its best-to-worst range (bar).

    In: ``account_value.rank_sensitivity`` (sorted by base rank). A long bar: the
    account's place depends on how you weigh the levels. Out: the Axes, its words in
    ``lang``.
    """
    _ = lang._
    ax = axes(ax)
    if sensitivity.empty:
        return _empty(ax, _("No scores yet: nothing to rank"))
    y = np.arange(len(sensitivity))
    best = sensitivity["best"].astype(float).to_numpy()
    worst = sensitivity["worst"].astype(float).to_numpy()
    ax.hlines(
        y,
        best,
        worst,
        color="tab:orange",
        linewidth=6,
        alpha=0.5,
        label=_("best–worst rank when one weight is dropped or doubled"),
    )
    ax.plot(
        sensitivity["base"].astype(float), y, "o", color="tab:blue", label=_("rank, base weights")
    )
    labels = [str(names.get(i, i)) if names is not None else str(i) for i in sensitivity.index]
    ax.set_yticks(y, labels, fontsize="small")
    ax.invert_yaxis()
    ax.set_xlabel(_("Rank by total value (1 = most valuable)"))
    ax.set_xticks(np.arange(1, len(sensitivity) + 1))
    ax.set_title(_("How much does the ranking depend on the weights?"))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2, fontsize="small")
    ax.figure.set_size_inches(7, max(3.0, 0.32 * len(sensitivity) + 1.4))
    return ax


def plot_whale_curve(curve: pd.DataFrame, ax: Axes | None = None, *, lang: Language) -> Axes:
    """Cumulative profit after cost-to-serve, most profitable accounts first.

    In: ``profit_spread.whale_curve``. A dashed line at 100 % = all the profit; the
    curve's peak above it is what the profitable accounts make, the drop after the
    peak what the loss-makers give away. Out: the Axes, its words in ``lang``.
    """
    _ = lang._
    ax = axes(ax)
    if curve["profit_share"].isna().all():
        return _empty(ax, _("No positive total profit to draw the whale curve"))
    x, y = curve["customer_share"], curve["profit_share"]
    ax.plot(x, y, color="tab:blue", label=_("cumulative profit"))
    ax.axhline(1.0, color="grey", linestyle="--", linewidth=1, label=_("all the profit (100 %)"))
    peak = int(np.nanargmax(y.to_numpy()))
    ax.plot(x.iloc[peak], y.iloc[peak], "o", color="tab:red")
    ax.annotate(
        _("peak {peak} at {accounts} of accounts").format(
            peak=lang.percent(y.iloc[peak], 0), accounts=lang.percent(x.iloc[peak], 0)
        ),
        (x.iloc[peak], y.iloc[peak]),
        textcoords="offset points",
        xytext=(-10, 8),
        ha="right",
        fontsize="small",
    )
    ax.set_title(_("The whale curve: who makes the profit, who gives it away"))
    ax.set_xlabel(_("Share of accounts, most profitable first"))
    ax.set_ylabel(_("Cumulative share of profit"))
    percent_axis(ax.xaxis, lang)
    percent_axis(ax.yaxis, lang)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, max(1.05, float(np.nanmax(y)) * 1.1))
    ax.legend(loc="lower right", fontsize="small")
    return ax


def plot_price_cost_map(
    frame: pd.DataFrame,
    names: pd.Series | None = None,
    label: list[str] | None = None,
    ax: Axes | None = None,
    *,
    lang: Language,
) -> Axes:
    """Net price (share of list price paid) against cost-to-serve (hours cost / revenue).

    In: ``profit_spread.price_cost_map``. Bubble area = revenue; red = loses money after
    cost-to-serve. Dashed lines at the revenue-weighted medians split the four corners.
    ``label``: customer ids to name on the plot; the :data:`MAX_NAMES` largest of them are
    named (more would cover the bubbles), and a note says so. Out: the Axes, its words in
    ``lang``.
    """
    _ = lang._
    ax = axes(ax)
    if frame.empty:
        return _empty(ax, _("Needs list prices and hours to draw"))
    size = 600 * frame["revenue"] / float(frame["revenue"].max())
    colour = np.where(frame["profit"] < 0, "tab:red", "tab:blue")
    ax.scatter(
        frame["cost_to_serve"],
        frame["net_price"],
        s=size,
        c=colour,
        alpha=0.45,
        edgecolors="white",
        linewidths=0.5,
    )
    ax.axvline(frame.attrs["cost_line"], color="grey", linestyle="--", linewidth=1)
    ax.axhline(frame.attrs["price_line"], color="grey", linestyle="--", linewidth=1)
    shown = frame.loc[[c for c in label or [] if c in frame.index]]
    shown = shown.sort_values("revenue", ascending=False, kind="stable")  # big names first
    _place_labels(ax, shown.head(MAX_NAMES), names)
    if len(shown) > MAX_NAMES:
        ax.text(
            0.01,
            0.01,
            _("named: the {shown} largest of {all}").format(
                shown=MAX_NAMES, all=lang.number(len(shown))
            ),
            transform=ax.transAxes,
            fontsize="x-small",
            color="tab:red",
            va="bottom",
        )
    # the costly side's two corners, named along the price line (away from the bubbles)
    blend = blended_transform_factory(ax.transAxes, ax.transData)
    line = frame.attrs["price_line"]
    for x, y, va, ha, text, colour in (
        (0.99, line, "bottom", "right", _("pays well, costly to serve ↑"), "grey"),
        (0.99, line, "top", "right", _("pays little, costly to serve ↓"), "tab:red"),
    ):
        ax.text(x, y, text, transform=blend, ha=ha, va=va, fontsize="x-small", color=colour)
    ax.set_title(_("Net price against cost-to-serve (bubble = revenue, red = loses money)"))
    ax.set_xlabel(_("Cost-to-serve: hours × hourly cost / revenue"))
    ax.set_ylabel(_("Price paid / list price"))
    percent_axis(ax.xaxis, lang)
    percent_axis(ax.yaxis, lang)
    return ax


MAX_NAMES = 12  # names on the price/cost map at most

# where a name may go around its dot, tried in this order: right, left, above, below
_OFFSETS = (
    (7, -3, "left"),
    (-7, -3, "right"),
    (7, 6, "left"),
    (7, -12, "left"),
    (-7, 6, "right"),
    (-7, -12, "right"),
)


def _place_labels(ax: Axes, shown: pd.DataFrame, names: pd.Series | None) -> None:
    """Name each dot at the first spot around it that overlaps no name placed before."""
    renderer = ax.figure.canvas.get_renderer()
    placed = []
    for customer, row in shown.iterrows():
        text = str(names.get(customer, customer)) if names is not None else str(customer)
        for dx, dy, ha in _OFFSETS:
            label = ax.annotate(
                text,
                (row["cost_to_serve"], row["net_price"]),
                fontsize="x-small",
                textcoords="offset points",
                xytext=(dx, dy),
                ha=ha,
            )
            box = label.get_window_extent(renderer)
            if not any(box.overlaps(other) for other in placed):
                break
            label.remove()
        else:  # every spot taken: keep the first one
            label = ax.annotate(
                text,
                (row["cost_to_serve"], row["net_price"]),
                fontsize="x-small",
                textcoords="offset points",
                xytext=_OFFSETS[0][:2],
                ha=_OFFSETS[0][2],
            )
            box = label.get_window_extent(renderer)
        placed.append(box)
