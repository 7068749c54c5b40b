"""The plan for the year on a calendar (notebook 07): each owner's steps, month by month.

The many served by marketing are left out: the calendar shows the work people do.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from babel.dates import format_date

from helpers.analysis import plan as planning
from helpers.analysis.ownership import NO_OWNER
from helpers.language import N_, Language
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
