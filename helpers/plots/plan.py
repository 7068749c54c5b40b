"""The plan for the year on a calendar (notebook 07): each owner's steps, month by month;
and the year's revenue from the customers won, kept and lost (text 004's silent loss).

The many served by marketing are left out of the calendar: it shows the work people do.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from babel.dates import format_date

from helpers.analysis import plan as planning
from helpers.analysis.ownership import NO_OWNER
from helpers.language import N_, Language
from helpers.plots.common import axes, money_axis, money_formatter
from helpers.words.freshness import reason_in_words
from helpers.words.plan import step_name

STEP_COLOURS = {
    planning.LET_GO: "tab:brown",
    planning.WRITE_VISION: "tab:red",
    planning.RESCUE: "tab:orange",
    planning.REPRICE: "tab:purple",
    planning.PREPAY: "tab:pink",
    planning.DEVELOP: "tab:green",
    planning.WIN_BACK: "tab:olive",
    planning.CHECK_UP_CALL: "tab:blue",
}
OWNERS_SHOWN = 6  # owners with a panel of their own; the rest share one
OTHERS = N_("others")


def calendar_table(plan: pd.DataFrame, owners_shown: int = OWNERS_SHOWN) -> pd.DataFrame:
    """Steps per owner, month and step (marketing left out), the busiest owners first.

    Out: DataFrame indexed by (owner, month) with one column per step; owners beyond
    ``owners_shown`` are pooled as :data:`OTHERS` ('' owners as "(no owner)").

    >>> plan = pd.DataFrame({"owner": ["A", "", "A"], "month": ["2026-01"] * 3,
    ...                      "next_step": ["check_up_call", "win_back", "marketing"]})
    >>> calendar_table(plan).to_dict("index")
    {('A', '2026-01'): {'win_back': 0, 'check_up_call': 1}, ('(no owner)', '2026-01'): \
{'win_back': 1, 'check_up_call': 0}}
    """
    work = plan.loc[plan["next_step"] != planning.MARKETING]
    owner = work["owner"].where(work["owner"] != "", NO_OWNER)
    busiest = owner.value_counts(sort=True).index.tolist()
    keep = set(busiest[:owners_shown])
    owner = owner.where(owner.isin(keep), OTHERS)
    order = [o for o in busiest if o in keep] + ([OTHERS] if len(busiest) > owners_shown else [])
    table = work.groupby([owner.rename("owner"), "month", "next_step"]).size().unstack(fill_value=0)
    steps = [s for s in planning.PRECEDENCE if s in table.columns]
    table = table[steps]
    return table.reindex(order, level=0)


def plot_calendar(plan: pd.DataFrame, months: list[str], *, lang: Language) -> np.ndarray:
    """One panel per owner: the steps of each month of the year as stacked bars.

    In: the plan (``wb.plan``), the 12 ``months`` (``planning.months_after(as_of)``),
    ``lang``. Out: the array of Axes. Marketing is left out: it takes nobody's calendar.
    """
    table = calendar_table(plan)
    owners = list(dict.fromkeys(table.index.get_level_values(0))) or [NO_OWNER]
    height = 1.0 + 1.2 * len(owners)
    fig, axs = plt.subplots(len(owners), 1, figsize=(8, height), sharex=True, squeeze=False)
    x = np.arange(len(months))
    peak = max(int(table.sum(axis=1).max()) if len(table) else 1, 1)
    for ax, owner in zip(axs[:, 0], owners, strict=True):
        rows = table.loc[owner].reindex(months, fill_value=0) if owner in table.index else None
        bottom = np.zeros(len(months))
        for step in table.columns:
            values = rows[step].to_numpy() if rows is not None else np.zeros(len(months))
            ax.bar(
                x,
                values,
                bottom=bottom,
                color=STEP_COLOURS[step],
                width=0.8,
                label=step_name(step, lang),
            )
            bottom += values
        shown = lang._(owner) if owner in (NO_OWNER, OTHERS) else owner
        ax.set_ylabel(shown, rotation=0, ha="right", va="center")
        ax.set_ylim(0, peak * 1.1)
        ax.spines[["top", "right"]].set_visible(False)
    labels = [format_date(pd.Period(m).start_time, "LLL yy", locale=lang.locale) for m in months]
    axs[-1, 0].set_xticks(x, labels, rotation=45, ha="right")
    handles, labels = axs[0, 0].get_legend_handles_labels()
    if handles:
        fig.legend(
            handles,
            labels,
            loc="upper center",
            ncol=4,
            frameon=False,
            bbox_to_anchor=(0.5, 1.0),
            fontsize="small",
        )
    fig.suptitle(lang._("The year's steps, by owner (marketing not shown)"), y=1.06)
    fig.tight_layout()
    return axs[:, 0]


BRIDGE_COLOURS = {"total": "#8c8c8c", "down": "#b2413a", "up": "#3a7d44"}


def plot_won_and_lost(bridge: dict, *, lang: Language, ax=None):
    """From the 12 months before to the last 12 as a bridge: what the customers you lost took
    away, how much more or less the kept ones bought, and what returning and new customers
    brought (``helpers.analysis.keep_and_win.won_and_lost_12m``).

    The win is a visible bar; the loss, which nobody announces, is one too. Without invoices
    for both windows the plot says why instead. Returns the Axes.
    """
    _ = lang._
    ax = axes(ax)
    if bridge["reason"] is not None:
        ax.set_axis_off()
        ax.text(
            0.5,
            0.5,
            _("Can't be drawn: {why}.").format(why=reason_in_words(bridge["reason"], lang)),
            ha="center",
            va="center",
            wrap=True,
            transform=ax.transAxes,
        )
        return ax
    steps = [
        (_("12 months before"), bridge["revenue_before"], "total", None),
        (_("lost customers"), bridge["lost"], "step", bridge["lost_customers"]),
        (_("kept customers"), bridge["kept_change"], "step", bridge["kept_customers"]),
    ]
    if bridge["returned_customers"]:
        steps.append((_("came back"), bridge["returned"], "step", bridge["returned_customers"]))
    steps += [
        (_("new customers"), bridge["new"], "step", bridge["new_customers"]),
        (_("last 12 months"), bridge["revenue_now"], "total", None),
    ]
    level = 0.0
    money = money_formatter(lang)
    for x, (_label, value, kind, count) in enumerate(steps):
        if kind == "total":
            bottom, height, colour = 0.0, value, BRIDGE_COLOURS["total"]
            level = value
        else:
            bottom, height = (level, value) if value >= 0 else (level + value, -value)
            colour = BRIDGE_COLOURS["up" if value >= 0 else "down"]
            level += value
        ax.bar(x, height, bottom=bottom, color=colour, width=0.7)
        shown = ("+" if kind == "step" and value > 0 else "") + money(value, None)
        if count is not None:
            shown += "\n" + lang.plural("{count} customer", "{count} customers", count).format(
                count=lang.number(count)
            )
        ax.annotate(
            shown,
            (x, bottom + height),
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize="x-small",
        )
    ax.set_xticks(range(len(steps)), [s[0] for s in steps], rotation=20, ha="right")
    money_axis(ax.yaxis, lang)
    ax.set_ylim(0, max(bridge["revenue_before"], bridge["revenue_now"], level) * 1.18)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_title(_("Revenue won, kept and lost: the last 12 months against the 12 before"))
    return ax
