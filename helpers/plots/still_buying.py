"""Still buying? The chance a customer still buys by its rhythm and silence, and how well the
model predicted the last 12 months (notebook 05)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from helpers.language import Language
from helpers.plots.common import axes


def plot_p_alive_map(
    grid: pd.DataFrame,
    customers: pd.DataFrame | None = None,
    ax: Axes | None = None,
    *,
    lang: Language,
) -> Axes:
    """The chance of still buying over the days since the last purchase × repeat purchases.

    In: ``still_buying.p_alive_grid`` (recency × frequency, for customers first seen T
    days ago) and optionally the customers to mark: a ``purchase_summary`` (their
    ``frequency`` and ``recency``), drawn where they would sit on this map. Out: the Axes.
    Green: still buying; red: probably gone.
    """
    ax = axes(ax)
    T = float(grid.index.max())
    silence = T - grid.index.to_numpy(dtype=float)  # days since the last purchase
    order = np.argsort(silence)
    values = grid.to_numpy(dtype=float)[order].T  # frequency rows × silence columns
    image = ax.imshow(
        np.ma.masked_invalid(values),
        origin="lower",
        aspect="auto",
        cmap="RdYlGn",
        vmin=0,
        vmax=1,
        extent=(0, T, -0.5, len(grid.columns) - 0.5),
    )
    colorbar = ax.figure.colorbar(image, ax=ax, fraction=0.05)
    colorbar.set_label(lang._("chance it still buys"))
    colorbar.ax.yaxis.set_major_formatter(lambda v, _pos: lang.percent(v, 0))
    if customers is not None and len(customers):
        # the customers first seen about T days ago (±25 %) sit where the map holds for them
        near = customers["T"].between(0.75 * T, 1.25 * T)
        shown = customers.loc[near & (customers["frequency"] <= grid.columns.max())]
        gap = (shown["T"] - shown["recency"]).clip(upper=T)
        ax.scatter(
            gap,
            shown["frequency"],
            s=10,
            facecolors="none",
            edgecolors="black",
            linewidths=0.6,
            label=lang._("your customers"),
        )
        ax.legend(loc="upper right", fontsize="small")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel(lang._("days since the last purchase"))
    ax.set_ylabel(lang._("repeat purchases so far"))
    ax.set_title(
        lang._("Still buying? Customers first seen {days} days ago").format(days=lang.number(T))
    )
    return ax


def plot_holdout(table: pd.DataFrame, ax: Axes | None = None, *, lang: Language) -> Axes:
    """Fitted on the years before: expected against real purchases in the last 12 months,
    by how often the customers had come back before (``HoldoutCheck.table``)."""
    ax = axes(ax)
    x = np.arange(len(table))
    ax.bar(x - 0.2, table["actual_purchases"], width=0.4, label=lang._("real"), color="tab:blue")
    ax.bar(
        x + 0.2,
        table["expected_purchases"],
        width=0.4,
        label=lang._("the model's"),
        color="tab:orange",
    )
    labels = [str(n) for n in table.index]
    if labels:
        labels[-1] = labels[-1] + "+"
    ax.set_xticks(x, labels)
    ax.set_xlabel(lang._("repeat purchases before the last 12 months"))
    ax.set_ylabel(lang._("purchase days per customer, last 12 months"))
    ax.set_title(lang._("How well the model predicted the last 12 months"))
    ax.legend(frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return ax
