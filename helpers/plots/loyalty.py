"""Plots of commitment and loyalty (notebook 05): the commitment matrix, satisfaction and
repurchase, retention by cohort and lifetime values (``helpers.analysis.commitment``,
``satisfaction``, ``cohorts`` and ``lifetime_value``)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import Rectangle

from helpers.language import Language
from helpers.plots.common import axes, money_axis, percent_axis
from helpers.words.commitment import cell_name
from helpers.words.lifetime_value import customer_label

# ideal green, prisoner orange, emotional tie blue, risk red: calm to alarming; unknown grey
CELL_COLOURS = {
    "ideal": "#b7e1b0",
    "prisoner": "#f6c89f",
    "emotional tie": "#b9d4ee",
    "risk": "#f2a7a3",
    "unknown": "#e0e0e0",
}
# (column, row) of each cell: commitment left→right, binding bottom→top
CELL_PLACES = {"prisoner": (0, 1), "ideal": (1, 1), "risk": (0, 0), "emotional tie": (1, 0)}
UNKNOWN_COLUMN = 2  # commitment unknown: a third column, both rows (bound or not)


def _nothing(ax: Axes, message: str) -> Axes:
    """An empty frame that says why, instead of an empty plot."""
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="grey")
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


def plot_commitment_matrix(
    summary: pd.DataFrame, ax: Axes | None = None, *, lang: Language
) -> Axes:
    """The 2 × 2 commitment matrix with customers and revenue in each cell, and beside it
    a grey column for the customers whose commitment is unknown (no survey answer in 24
    months), when there are any.

    In: ``summary`` from ``commitment.matrix_summary`` (index = cell; ``customers``,
    ``buying_12m``, ``revenue_12m``, and ``bound`` for the unknown column);
    ``lang`` writes the words and the money.
    Out: the Axes with four coloured squares (binding up, commitment right), five
    with the unknown column.

    >>> plot_commitment_matrix(matrix_summary(matrix), lang=wb.lang)  # doctest: +SKIP
    """
    _ = lang._
    unknown = summary.loc["unknown"] if "unknown" in summary.index else None
    columns = 3 if unknown is not None and unknown["customers"] > 0 else 2
    if ax is None and columns == 3:  # a third column: a wider figure, so the words fit
        _figure, ax = plt.subplots(figsize=(10, 4.4))
    ax = axes(ax)
    for cell, (column, row) in CELL_PLACES.items():
        ax.add_patch(
            Rectangle(
                (column, row), 1, 1, facecolor=CELL_COLOURS[cell], edgecolor="white", linewidth=3
            )
        )
        values = summary.loc[cell] if cell in summary.index else None
        customers = int(values["customers"]) if values is not None else 0
        buying = int(values["buying_12m"]) if values is not None else 0
        revenue = float(values["revenue_12m"]) if values is not None else 0.0
        ax.text(
            column + 0.5,
            row + 0.68,
            cell_name(cell, lang).capitalize(),
            ha="center",
            va="center",
            fontsize=13,
            fontweight="bold",
        )
        ax.text(
            column + 0.5,
            row + 0.38,
            _("{customers} customers, {buying} buying now\n{revenue} in 12 months").format(
                customers=customers, buying=buying, revenue=lang.money(revenue)
            ),
            ha="center",
            va="center",
            fontsize=9.5,
        )
    if columns == 3:
        ax.add_patch(
            Rectangle(
                (UNKNOWN_COLUMN + 0.08, 0),
                0.92,
                2,
                facecolor=CELL_COLOURS["unknown"],
                edgecolor="white",
                linewidth=3,
            )
        )
        ax.text(
            UNKNOWN_COLUMN + 0.54,
            1.45,
            cell_name("unknown", lang).capitalize().replace(" ", "\n", 1),
            ha="center",
            va="center",
            fontsize=12,
            fontweight="bold",
        )
        ax.text(
            UNKNOWN_COLUMN + 0.54,
            0.8,
            _(
                "{customers} customers\n({bound} bound)\n{buying} buying now\n{revenue}\nin 12 "
                "months\n\nno survey answer\nin 24 months"
            ).format(
                customers=int(unknown["customers"]),
                bound=int(unknown.get("bound", 0)),
                buying=int(unknown["buying_12m"]),
                revenue=lang.money(float(unknown["revenue_12m"])),
            ),
            ha="center",
            va="center",
            fontsize=8.5,
        )
    ax.set_xlim(0, columns)
    ax.set_ylim(0, 2)
    ticks = [0.5, 1.5] + ([UNKNOWN_COLUMN + 0.54] if columns == 3 else [])
    ax.set_xticks(ticks, [_("low"), _("high"), _("unknown")][: len(ticks)])
    ax.set_yticks([0.5, 1.5], [_("low"), _("high")])
    ax.set_xlabel(_("The customer's own commitment (survey)"))
    ax.set_ylabel(_("Binding by you (months left on contract)"))
    ax.set_title(_("Commitment, not imprisonment"))
    ax.tick_params(length=0)
    for side in ax.spines.values():
        side.set_visible(False)
    return ax


def plot_satisfaction_shares(
    distribution: pd.DataFrame, ax: Axes | None = None, *, lang: Language
) -> Axes:
    """Bars: the share of answers giving each satisfaction score, 4 and 5 highlighted.

    In: ``distribution`` from ``satisfaction.satisfaction_distribution`` (index 1–5,
    ``answers``, ``share``).
    Out: the Axes, five bars labelled with their share and count.
    """
    _ = lang._
    ax = axes(ax)
    if not distribution["answers"].sum():
        return _nothing(ax, _("No survey answers yet: add survey.csv to see this plot"))
    scores = distribution.index.to_numpy()
    shares = distribution["share"].fillna(0.0).to_numpy()
    colours = ["#bdbdbd", "#bdbdbd", "#bdbdbd", "tab:orange", "tab:green"]
    bars = ax.bar(scores, shares, color=colours[: len(scores)])
    for bar, share, count in zip(bars, shares, distribution["answers"], strict=True):
        ax.annotate(
            f"{share:.0%}\n({count})",
            (bar.get_x() + bar.get_width() / 2, share),
            ha="center",
            va="bottom",
            fontsize=9,
            xytext=(0, 2),
            textcoords="offset points",
        )
    ax.set_xticks(
        scores,
        [
            "1\n" + _("very\ndissatisfied"),
            "2",
            "3",
            "4\n" + _("satisfied"),
            "5\n" + _("very\nsatisfied"),
        ],
    )
    percent_axis(ax.yaxis, lang)
    ax.set_ylim(0, max(shares.max() * 1.25, 0.1))
    ax.set_ylabel(_("Share of answers"))
    ax.set_title(_("How satisfied did customers say they were?"))
    return ax


def plot_repurchase_by_score(
    table: pd.DataFrame, ax: Axes | None = None, *, lang: Language
) -> Axes:
    """Bars: the share who bought again within 12 months, per score, with 95 % intervals.

    In: ``table`` from ``satisfaction.repurchase_by_score`` (index 1–5, ``followed``,
    ``rate``, ``ci_low``, ``ci_high``).
    Out: the Axes; a score with no followed answers shows "no data" instead of a bar.
    """
    _ = lang._
    ax = axes(ax)
    if not table["answers"].sum():
        return _nothing(ax, _("No survey answers yet: add survey.csv to see this plot"))
    scores = table.index.to_numpy()
    rate = table["rate"].to_numpy(dtype=float)
    known = ~np.isnan(rate)
    colours = np.array(["#bdbdbd", "#bdbdbd", "#bdbdbd", "tab:orange", "tab:green"])[: len(scores)]
    ax.bar(scores[known], rate[known], color=colours[known])
    errors = np.vstack([rate - table["ci_low"].to_numpy(), table["ci_high"].to_numpy() - rate])
    ax.errorbar(
        scores[known],
        rate[known],
        yerr=errors[:, known],
        fmt="none",
        ecolor="black",
        capsize=5,
        linewidth=1.2,
        label=_("95 % interval (exact)"),
    )
    for score, value, n in zip(scores, rate, table["followed"], strict=True):
        label = f"n = {n}" if value == value else _("no data")
        ax.text(
            score,
            0.02 if value == value else 0.05,
            label,
            ha="center",
            va="bottom",
            fontsize=8.5,
            color="black" if value == value else "grey",
        )
    ax.set_xticks(scores, [str(s) for s in scores])
    ax.set_xlabel(_("Satisfaction score given in the survey"))
    percent_axis(ax.yaxis, lang)
    ax.set_ylim(0, 1.05)
    ax.set_ylabel(_("Bought again within 12 months"))
    ax.set_title(_("Satisfied is not loyal: who came back?"))
    if known.any():
        ax.legend(loc="upper left", fontsize="small")
    return ax


def plot_cohort_retention(
    shares: pd.DataFrame,
    sizes: pd.Series,
    ax: Axes | None = None,
    as_of: pd.Timestamp | None = None,
    *,
    lang: Language,
) -> Axes:
    """Heatmap: of the customers won in a year (rows), the share buying in each year.

    In: ``shares`` from ``cohorts.cohort_retention``, ``sizes`` from
    ``cohorts.cohort_sizes``; ``as_of`` marks the last column "to <date>" when that
    year is not complete.
    Out: the Axes, one coloured square per cohort and year with its percentage.
    """
    _ = lang._
    ax = axes(ax)
    if shares.empty:
        return _nothing(ax, _("No customers to follow yet"))
    values = shares.to_numpy(dtype=float)
    ax.imshow(np.ma.masked_invalid(values), cmap="Greens", vmin=0, vmax=1, aspect="auto")
    for (row, column), value in np.ndenumerate(values):
        if value == value:
            ax.text(
                column,
                row,
                f"{value:.0%}",
                ha="center",
                va="center",
                fontsize=9,
                color="white" if value > 0.6 else "black",
            )
    years = [str(year) for year in shares.columns]
    if as_of is not None and (as_of.month, as_of.day) != (12, 31) and years:
        years[-1] = f"{years[-1]}\n" + _("(to {day})").format(day=f"{as_of:%d.%m.}")
    ax.set_xticks(np.arange(len(years)), years)
    cohorts = [f"{c} ({int(sizes.get(c, 0))})" for c in shares.index]
    ax.set_yticks(np.arange(len(cohorts)), cohorts)
    ax.set_xlabel(_("Calendar year"))
    ax.set_ylabel(_("Won in (customers)"))
    ax.set_title(_("Of the customers won each year, how many still buy?"))
    return ax


def plot_lifetime_values(
    table: pd.DataFrame,
    new_customer_net_value: float,
    ax: Axes | None = None,
    *,
    lang: Language,
) -> Axes:
    """Horizontal bars: what each top account (and the average customer) is worth over
    the horizon, with the net value of one new customer as a dashed line.

    In: ``table`` from ``lifetime_value.cost_of_losing`` (index = customer, ``lifetime_value``,
    ``new_customers_to_replace``); ``new_customer_net_value`` (lifetime value minus
    acquisition cost); ``lang`` for the words and the money axis (its currency).
    Out: the Axes; each bar says how many new customers would replace it.
    """
    _ = lang._
    ax = axes(ax)
    if not np.isfinite(table["lifetime_value"].to_numpy(dtype=float)).any():
        return _nothing(ax, _("Lifetime values need retention, and two years of invoices"))
    labels = [str(customer_label(label, lang)) for label in table.index][::-1]
    values = table["lifetime_value"].to_numpy(dtype=float)[::-1]
    replace = table["new_customers_to_replace"].to_numpy(dtype=float)[::-1]
    colours = ["tab:blue"] * (len(labels) - 1) + ["tab:grey"]
    positions = np.arange(len(labels))
    ax.barh(positions, np.nan_to_num(values), color=colours)
    for position, value, count in zip(positions, values, replace, strict=True):
        if count == count and value == value:
            ax.text(
                value,
                position,
                "  " + _("= {count} new").format(count=f"{count:.0f}"),
                va="center",
                fontsize=9,
            )
    if new_customer_net_value == new_customer_net_value and new_customer_net_value > 0:
        ax.axvline(
            new_customer_net_value,
            color="tab:green",
            linestyle="--",
            label=_("one new customer, after what winning it costs"),
        )
        ax.legend(loc="lower right", fontsize="small")
    ax.set_yticks(positions, labels)
    money_axis(ax.xaxis, lang)
    finite = values[np.isfinite(values)]
    if finite.size:
        ax.set_xlim(0, finite.max() * 1.3)
    ax.set_xlabel(_("Lifetime value over the horizon, discounted"))
    ax.set_title(_("What losing a customer costs"))
    return ax
