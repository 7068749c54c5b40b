"""Plots of the 9E checklist (``helpers.analysis.advantage``): radar charts and priorities."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from helpers.analysis.advantage import E_KEYS
from helpers.company.answers import member_label
from helpers.language import Language
from helpers.plots.common import axes
from helpers.words.advantage import e_name

RADAR_SIZE = (6, 6)


def _radar_axes(ax: Axes | None, lang: Language) -> Axes:
    """``ax`` (which must be polar) or a new polar Axes with the nine E's around it."""
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=RADAR_SIZE, subplot_kw={"projection": "polar"})
    angles = _angles()
    ax.set_theta_offset(np.pi / 2)  # the first E at the top, then clockwise
    ax.set_theta_direction(-1)
    ax.set_xticks(angles[:-1])
    ax.set_xticklabels([e_name(k, lang) for k in E_KEYS])
    ax.set_ylim(0, 5)
    ax.set_yticks([1, 2, 3, 4, 5])
    ax.set_yticklabels(["1", "2", "3", "4", "5"], fontsize="small", color="grey")
    return ax


def _angles() -> np.ndarray:
    angles = np.linspace(0, 2 * np.pi, len(E_KEYS), endpoint=False)
    return np.append(angles, angles[0])  # close the loop


def _closed(values: pd.Series) -> np.ndarray:
    data = pd.to_numeric(values.reindex(E_KEYS), errors="coerce").astype(float).to_numpy()
    return np.append(data, data[0])


def plot_radar(
    scores: pd.DataFrame, ax: Axes | None = None, competitor: str = "", *, lang: Language
) -> Axes:
    """Us (today) against the competitor on the nine E's, 1–5 from the centre out.

    In: ``scores`` from ``advantage.team_scores`` (columns ``today`` and
    ``competitor``, one row per E); ``competitor`` names it in the legend;
    ``lang``: the language of the names, title and legend.
    Out: the polar Axes with two closed lines (unanswered E's leave a gap).

    >>> plot_radar(team_scores(answers.long), competitor="Virtanen", lang=wb.lang)  # doctest: +SKIP
    """
    _ = lang._
    ax = _radar_axes(ax, lang)
    angles = _angles()
    us = _closed(scores["today"])
    them = _closed(scores["competitor"])
    ax.plot(angles, us, color="tab:blue", linewidth=2, marker="o", label=_("us today"))
    ax.fill(angles, np.nan_to_num(us), color="tab:blue", alpha=0.15)
    ax.plot(
        angles,
        them,
        color="tab:orange",
        linewidth=2,
        linestyle="--",
        marker="s",
        label=competitor or _("the competitor"),
    )
    ax.set_title(_("Where we stand against the competitor (5 = best)"), pad=24)
    if scores["today"].isna().all():
        ax.set_title(_("No scores yet: fill in the checklist"), pad=24)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.06), ncol=2, fontsize="small")
    return ax


def plot_member_radar(
    member_today: pd.DataFrame,
    ax: Axes | None = None,
    competitor: pd.Series | None = None,
    *,
    lang: Language,
) -> Axes:
    """Each member's view of us today on one radar: where the lines part, the team disagrees.

    In: ``member_today`` from ``advantage.member_scores(long, "today")`` (one
    column per member); ``competitor`` (optional) the team's average for the
    competitor, drawn dashed for reference; ``lang``: the language of the labels.
    Out: the polar Axes, one line per member.
    """
    _ = lang._
    ax = _radar_axes(ax, lang)
    angles = _angles()
    for number, member in enumerate(member_today.columns):
        ax.plot(
            angles,
            _closed(member_today[member]),
            linewidth=1.6,
            marker="o",
            markersize=4,
            color=f"C{number % 10}",
            label=member_label(member),
        )
    if competitor is not None:
        ax.plot(
            angles,
            _closed(competitor),
            color="grey",
            linestyle="--",
            linewidth=1,
            label=_("competitor (team average)"),
        )
    ax.set_title(_("Us today, as each member sees it"), pad=24)
    if ax.get_lines():
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.06), ncol=2, fontsize="small")
    else:
        ax.set_title(_("No member has scored the nine E's yet"), pad=24)
    return ax


def plot_priorities(
    scores: pd.DataFrame, chosen: list[str] = (), ax: Axes | None = None, *, lang: Language
) -> Axes:
    """Importance × lead per E as horizontal bars: right = an advantage that matters.

    In: ``scores`` from ``advantage.team_scores``; ``chosen`` E's are drawn
    darker; ``lang``: the language of the names and labels. Out: the Axes, one bar per E
    with a score (largest at the top).
    """
    _ = lang._
    ax = axes(ax)
    data = scores["priority"].dropna().astype(float).sort_values()
    colours = [
        ("tab:blue" if k in chosen else "lightsteelblue") if v > 0 else "indianred"
        for k, v in data.items()
    ]
    ax.barh([e_name(k, lang) for k in data.index], data.to_numpy(), color=colours)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_title(_("Importance × lead: where an advantage matters to customers"))
    ax.set_xlabel(_("← competitor ahead on what matters      we are ahead on what matters →"))
    return ax
