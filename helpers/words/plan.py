"""In words: the plan for the year (notebook 07, the front page, ``plan.csv``).

The plan's steps are codes (``helpers.analysis.plan.STEPS``) in the CSV, for tools; people
read them here: the step's name, and *why*, naming the notebook whose finding led there.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.analysis import plan as planning
from helpers.analysis import shortlist as shortlist_rules
from helpers.analysis.segmentation import DEVELOP, DORMANT, KEEP, KEY_ACCOUNT, MAINTAIN, SERVE
from helpers.language import N_, Language

STEP_NAMES = {
    planning.LET_GO: N_("let go politely"),
    planning.WRITE_VISION: N_("write a customer vision"),
    planning.RESCUE: N_("rescue before the contract ends"),
    planning.REPRICE: N_("reprice"),
    planning.PREPAY: N_("ask for prepayment"),
    planning.DEVELOP: N_("develop"),
    planning.WIN_BACK: N_("win back"),
    planning.CHECK_UP_CALL: N_("check-up call"),
    planning.MARKETING: N_("marketing"),
}
SHOWN = 5  # names in a sentence before "and N more"

# Why the steps come in this order: the notebooks whose findings lead there, and the reason
PRECEDENCE_WHY = {
    planning.LET_GO: (
        "03",
        N_(
            "A difficult account that loses money: more effort only makes more loss. Text 002: "
            "let it go, politely, before anything else is planned for it."
        ),
    ),
    planning.WRITE_VISION: (
        "02, 06",
        N_(
            "Your few most valuable accounts with room to grow: their price, their contract and "
            "their future are discussed in one meeting, the customer vision."
        ),
    ),
    planning.RESCUE: (
        "05",
        N_(
            "Commitment low while the contract ends soon: act before the renewal date, or the "
            "customer is gone before any other step."
        ),
    ),
    planning.REPRICE: (
        "03, 01",
        N_(
            "It loses money after the cost of serving it, or has bought for years at the lowest "
            "price: the price comes first."
        ),
    ),
    planning.PREPAY: (
        "03",
        N_("It loses money and disputes its invoices: ask for prepayment."),
    ),
    planning.DEVELOP: (
        "02",
        N_(
            "A key account beyond what the team can look after, or one of the valuable fifth "
            "with room to grow: a salesperson for a set time, without a customer vision, for "
            "as many as the team can look after."
        ),
    ),
    planning.WIN_BACK: (
        "02",
        N_(
            "It bought the year before and stopped: one call to ask why, while it still "
            "remembers you."
        ),
    ),
    planning.CHECK_UP_CALL: (
        "02",
        N_(
            "One call a year (text 001), as long as the team's calls allow: the valuable fifth "
            "first, then the many, the most valuable first."
        ),
    ),
    planning.MARKETING: (
        "02",
        N_("The many: newsletters, offers and easy ordering, without a salesperson's time."),
    ),
}


def step_name(step: str, lang: Language) -> str:
    """A step's name for people: step_name('win_back', Language('fi'))."""
    return lang._(STEP_NAMES[step])


def precedence_table(lang: Language) -> pd.DataFrame:
    """The steps in the order the plan weighs them, the notebooks behind each, and why."""
    _ = lang._
    rows = [
        {
            _("step"): step_name(step, lang),
            _("from notebooks"): notebooks,
            _("why this comes here"): _(why),
        }
        for step, (notebooks, why) in PRECEDENCE_WHY.items()
    ]
    table = pd.DataFrame(rows)
    table.index = pd.RangeIndex(1, len(rows) + 1, name=_("order"))
    return table


def names_in_words(names, lang: Language, shown: int = SHOWN) -> str:
    """A few names, then "and N more": never a thousand ids in one sentence.

    >>> names_in_words(["A", "B", "C", "D"], Language(), shown=2)
    'A, B and 2 more'
    >>> names_in_words(["A", "B"], Language())
    'A, B'
    """
    names = [str(name) for name in names]
    if len(names) <= shown:
        return ", ".join(names)
    return lang._("{names} and {count} more").format(
        names=", ".join(names[:shown]), count=lang.number(len(names) - shown)
    )


def why(plan: pd.DataFrame, lang: Language) -> pd.Series:
    """Why each customer got its step, naming the notebook of each finding (a Series by id).

    Built per finding over the whole table (no loop over customers); the few findings
    with a number in them (the key accounts' ranks) are formatted for those rows only.
    """
    _ = lang._
    step = plan["next_step"]
    segment_words = {
        KEY_ACCOUNT: _("02: a key account (high value, high potential)"),
        KEEP: _("02: among your most valuable, with little room to grow: keep"),
        DEVELOP: _("02: in the valuable fifth with room to grow, value not yet the highest"),
        MAINTAIN: _("02: in the valuable fifth, little room to grow: serve it well"),
        SERVE: _("02: one of the many, served by marketing and a yearly call"),
        DORMANT: _("02: bought nothing in the last 12 months"),
    }
    segment = plan["segment"].map(segment_words).fillna("")
    lapsed = _("02: bought the year before, nothing in the last 12 months")
    parts = [segment.where(~plan["lapsed"].astype(bool), lapsed)]
    action_words = {
        shortlist_rules.REPRICE: _("03: it loses money after cost-to-serve: reprice"),
        shortlist_rules.PREPAY: _("03: it loses money and disputes invoices: ask for prepayment"),
        shortlist_rules.NO_SLOTS: _("03: a difficult account that loses money: no free slots"),
        shortlist_rules.COMPETITOR: _(
            "03: a difficult account that loses money: suggest a competitor"
        ),
        shortlist_rules.KEEP: _("03: one of the accounts that make half your profit"),
    }
    parts.append(plan["shortlist"].map(action_words).fillna(""))
    parts.append(
        pd.Series(
            np.where(
                plan["price_review"],
                _("01: long-standing, pays the least against the going price"),
                "",
            ),
            index=plan.index,
        )
    )
    parts.append(
        pd.Series(
            np.where(plan["at_risk"], _("05: commitment low while the contract ends soon"), ""),
            index=plan.index,
        )
    )
    parts.append(
        pd.Series(
            np.where(plan["with_vision"], _("06: your team has written a vision for it"), ""),
            index=plan.index,
        )
    )
    lost = plan.index[plan["probably_lost"].astype(bool)] if "probably_lost" in plan else []
    gone = pd.Series("", index=plan.index, dtype=object)
    gone[lost] = [
        _("05: by its own rhythm, probably no longer buying (still buying: {chance})").format(
            chance=lang.percent(p, 0)
        )
        for p in plan.loc[lost, "p_alive"]
    ]
    parts.append(gone)
    ranked = plan.index[step == planning.WRITE_VISION]
    visions = pd.Series("", index=plan.index, dtype=object)
    visions[ranked] = [
        _("07: no. {rank} of the accounts the team looks after").format(rank=lang.number(r))
        for r in plan.loc[ranked, "key_rank"]
    ]
    parts.append(visions)
    over = plan["over_capacity"]
    parts.append(
        pd.Series(
            np.select(
                [
                    over & (plan["segment"] == KEY_ACCOUNT) & (step != planning.MARKETING),
                    over & (step == planning.MARKETING),
                ],
                [
                    _("07: beyond the key accounts the team can look after"),
                    _("07: the team's calls of the year are taken by more valuable customers"),
                ],
                "",
            ),
            index=plan.index,
        )
    )
    return join_parts(parts)


def join_parts(parts: list[pd.Series], sep: str = "; ") -> pd.Series:
    """Column-wise text joined with ``sep``, empty parts left out (vectorised).

    >>> parts = [pd.Series(["a", ""]), pd.Series(["b", "c"]), pd.Series(["", ""])]
    >>> join_parts(parts).tolist()
    ['a; b', 'c']
    """
    joined = parts[0].astype(object)
    for part in parts[1:]:
        part = part.astype(object)
        glue = pd.Series(np.where((joined != "") & (part != ""), sep, ""), index=part.index)
        joined = joined + glue + part
    return joined


def plan_list(plan: pd.DataFrame, lang: Language) -> pd.DataFrame:
    """``plan.csv``: one row per customer with ``customer_id``, ``name``, ``next_step``
    (the code, for tools), ``why`` (in ``lang``), ``owner``, ``month``: by month, then by
    the steps' precedence, the most valuable first."""
    order = {step: n for n, step in enumerate(planning.PRECEDENCE)}
    table = plan.assign(
        why=why(plan, lang),
        _precedence=plan["next_step"].map(order),
    ).sort_values(
        ["month", "_precedence", "value_12m"], ascending=[True, True, False], kind="stable"
    )
    table = table.reset_index()
    return table[["customer_id", "name", "next_step", "why", "owner", "month"]]


def readable(rows: pd.DataFrame, lang: Language) -> pd.DataFrame:
    """Rows of :func:`plan_list` to show: steps by name, headers in ``lang``."""
    _ = lang._
    out = pd.DataFrame(index=rows["customer_id"].rename(_("customer")))
    out[_("name")] = rows["name"].to_numpy()
    out[_("next step")] = [step_name(s, lang) for s in rows["next_step"]]
    out[_("month")] = rows["month"].to_numpy()
    out[_("owner")] = rows["owner"].to_numpy()
    out[_("why")] = rows["why"].to_numpy()
    return out


def plan_in_words(plan: pd.DataFrame, choices, lang: Language) -> str:
    """The plan in a few sentences: how many customers get which step, this month's share,
    and the capacity it keeps to."""
    _ = lang._
    counts = plan["next_step"].value_counts()
    months = sorted(plan["month"].unique())
    lines = [
        _("The plan gives each of your {count} customers one next step:").format(
            count=lang.number(len(plan))
        )
    ]
    for step in planning.PRECEDENCE:
        if counts.get(step, 0):
            lines.append(f"  {step_name(step, lang)}: {lang.number(int(counts[step]))}")
    calls = plan.loc[plan["next_step"].isin(planning.CALLS)]
    busiest = int(calls.groupby("month").size().max()) if len(calls) else 0
    lines.append(
        _(
            "Calls (check-ups and win-backs) take at most {busiest} a month; your team can make "
            "{capacity}. Customer visions: {visions}, at most the {most} your team can look "
            "after."
        ).format(
            busiest=lang.number(busiest),
            capacity=lang.number(choices.calls_per_month),
            visions=lang.number(int(counts.get(planning.WRITE_VISION, 0))),
            most=lang.number(choices.max_key_accounts),
        )
    )
    if months:
        now = plan.loc[(plan["month"] == months[0]) & (plan["next_step"] != planning.MARKETING)]
        lines.append(
            _("This month ({month}): {count} steps for your team.").format(
                month=months[0], count=lang.number(len(now))
            )
        )
    return "\n".join(lines)
