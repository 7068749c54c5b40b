"""In words: segments.csv and the check-up calls, as tables to show (notebook 02).

- :func:`segments_list`: ``segments.csv``, every customer with its segment and its step of
  the plan;
- :func:`checkup_calls`: the plan's calls, month by month (``check-up-calls.csv``), and
  :func:`calls_in_words`;
- :func:`readable`: any of notebook 02's tables with formatted figures and translated
  headers, for the screen.

>>> wb.save_list("segments", segments_list(table, wb.plan))  # doctest: +SKIP
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis.ownership import NO_OWNER
from helpers.analysis.plan import WIN_BACK, calls_list
from helpers.analysis.segment_lists import CSV_DECIMALS
from helpers.analysis.segmentation import BASIS_LABELS, SEGMENT_LABELS
from helpers.language import N_, Language
from helpers.words.plan import STEP_NAMES
from helpers.words.plan import why as plan_why


def segments_list(table: pd.DataFrame, plan: pd.DataFrame) -> pd.DataFrame:
    """``segments.csv`` as product.md defines it: one row per customer, id as a column.

    In: ``table`` from ``segmentation.segments``, ``plan`` (``wb.plan``: each customer's
    step, and notebook 05's outlook). Out: columns ``customer_id``, ``name``,
    ``segment``, ``value_12m``, ``potential``, ``owner``, ``next_step`` (the plan's code,
    the same as in ``plan.csv``), ``month`` (when), then ``potential_basis``,
    ``abc_class``, ``revenue_12m``, ``margin_12m``, ``wallet``, ``tenure_years`` (years
    as a customer: text 001 counts them in its value), ``hours_per_year``,
    ``p_alive`` (the chance it still buys, BG/NBD; empty without a fit or a purchase) and
    ``expected_purchases_12m``; figures rounded as :data:`CSV_DECIMALS`.

    Example: ``wb.save_list("segments", segments_list(table, wb.plan))``
    """
    first = ["name", "segment", "value_12m", "potential", "owner"]
    rest = [
        "potential_basis",
        "abc_class",
        "revenue_12m",
        "margin_12m",
        "wallet",
        "tenure_years",
        "hours_per_year",
    ]
    steps = plan.reindex(table.index)
    outlook = [c for c in ("p_alive", "expected_purchases_12m") if c in plan.columns]
    listed = table[first + rest].assign(
        next_step=steps["next_step"].to_numpy(),
        month=steps["month"].to_numpy(),
        **{column: steps[column].to_numpy() for column in outlook},
    )
    listed = listed[[*first, "next_step", "month", *rest, *outlook]].reset_index()
    return listed.round(CSV_DECIMALS)


def checkup_calls(plan: pd.DataFrame, lang: Language) -> pd.DataFrame:
    """``check-up-calls.csv``: the plan's calls (check-ups and win-backs), month by month.

    In: ``plan`` (``wb.plan``), ``lang`` (for ``why``). Out: DataFrame indexed by
    ``customer_id`` with ``name``, ``segment``, ``owner``, ``month``, ``next_step`` (the
    plan's code), ``why``, ``value_12m``: by month, the most valuable first.

    Example: ``wb.save_list("check-up-calls", checkup_calls(wb.plan, wb.lang).reset_index())``
    """
    calls = calls_list(plan)
    columns = ["name", "segment", "owner", "month", "next_step", "value_12m"]
    out = calls[columns].assign(why=plan_why(calls, lang).to_numpy())
    return out[[*columns[:5], "why", "value_12m"]].round(CSV_DECIMALS)


def calls_in_words(calls: pd.DataFrame, calls_per_month: int, lang: Language) -> str:
    """How many calls the plan makes, to whom, and how full the busiest month is.

    In: ``calls`` from :func:`checkup_calls`, the team's ``calls_per_month``, ``lang``.

    >>> from helpers.language import ENGLISH
    >>> calls = pd.DataFrame({"next_step": ["win_back", "check_up_call"],
    ...                       "month": ["2026-01", "2026-01"]})
    >>> print(calls_in_words(calls, 10, ENGLISH))  # doctest: +NORMALIZE_WHITESPACE
    Calls in the coming 12 months: 2; 1 check-up calls and 1 to customers who stopped
    buying in the last year. The busiest month has 2 of the 10 calls your team can make
    in a month.
    """
    _ = lang._
    if calls.empty:
        return _(
            "No calls in the plan: the team has no calls to make (calls_per_month is 0), or "
            "nobody is left to call."
        )
    back = int((calls["next_step"] == WIN_BACK).sum())
    return _(
        "Calls in the coming 12 months: {count}; {checkups} check-up calls and {lapsed} to "
        "customers who stopped buying in the last year. The busiest month has {busiest} of "
        "the {capacity} calls your team can make in a month."
    ).format(
        count=lang.number(len(calls)),
        checkups=lang.number(len(calls) - back),
        lapsed=lang.number(back),
        busiest=lang.number(int(calls.groupby("month").size().max())),
        capacity=lang.number(calls_per_month),
    )


# --- tables to show -------------------------------------------------------------------------

READABLE = {
    # column: (header, kind); kind money/percent/number/date/text/label (a translated value)
    "name": (N_("customer"), "text"),
    "segment": (N_("segment"), "label"),
    "owner": (N_("owner"), "text"),
    "value_12m": (N_("value, 12 months"), "money"),
    "potential": (N_("potential"), "percent"),
    "potential_basis": (N_("potential from"), "label"),
    "abc_class": (N_("ABC"), "text"),
    "customers": (N_("customers"), "number"),
    "customer_share": (N_("share of customers"), "percent"),
    "value_share": (N_("share of value"), "percent"),
    "key_accounts": (N_("key accounts"), "number"),
    "key_account_value_12m": (N_("key accounts' value"), "money"),
    "hours_per_year": (N_("sales hours a year"), "number"),
    "who": (N_("who serves them"), "text"),
    "what": (N_("what they get"), "text"),
    "month": (N_("month"), "text"),
    "last_purchase": (N_("last purchase"), "date"),
    "revenue_prev_12m": (N_("value, 12 months before"), "money"),
    "value_rank": (N_("rank by value"), "number"),
    "tenure_years": (N_("years as a customer"), "years"),
    "years_rank": (N_("rank by years"), "number"),
    "revenue_total": (N_("revenue, all years"), "money"),
    "hours_share": (N_("share of sales hours"), "percent"),
    "next_step": (N_("next step"), "step"),
}
# The valuable fifth against the many (``segmentation.fifth_and_many``): its rows, for people.
GROUP_LABELS = {
    "fifth": N_("the valuable fifth"),
    "many": N_("the many (serve)"),
    "dormant": N_("dormant"),
}


def readable(frame: pd.DataFrame, lang: Language, columns: list[str] | None = None) -> pd.DataFrame:
    """Any table of notebook 02 ready to show: known columns formatted, headers translated.

    In: a table from ``segmentation.segments``, ``segmentation.segment_summary``,
    ``segmentation.fifth_and_many``, ``segmentation.fifth_by_years``,
    :func:`words.segmentation.service_model`, ``pareto.abc_summary``,
    ``ownership.owner_table`` or :func:`checkup_calls`; ``lang`` (``wb.lang``);
    ``columns``: the columns to show (default: every column of :data:`READABLE` the
    frame has). A plan step (``next_step``) is shown by its name. Columns not in
    :data:`READABLE` are left out; missing values show as "–"; segment names (also in
    the index) and the potential basis are translated. Meant for the rows shown on screen.
    Out: DataFrame of text, its columns in the order of :data:`READABLE`.

    Example: ``readable(segmentation.segment_summary(table), wb.lang)``
    """
    _ = lang._
    if columns is not None:
        frame = frame[[c for c in frame.columns if c in columns]]
    kinds = {
        "money": lang.money,
        "percent": lang.percent,
        "number": lang.number,
        "date": lang.date,
        "years": lambda value: lang.number(value, 1),
    }
    labels = {key: _(label) for key, label in {**SEGMENT_LABELS, **BASIS_LABELS}.items()}
    out = pd.DataFrame(index=frame.index)
    for column, (header, kind) in READABLE.items():
        if column not in frame.columns:
            continue
        values = frame[column]
        if kind == "text":
            out[_(header)] = values.astype(str)
        elif kind == "label":
            out[_(header)] = values.map(lambda value: labels.get(value, value))
        elif kind == "step":
            names = {step: _(name) for step, name in STEP_NAMES.items()}
            out[_(header)] = values.map(names).fillna(values)
        else:
            out[_(header)] = values.map(kinds[kind])
    if frame.index.name == "segment":
        out.index = pd.Index([labels[s] for s in frame.index], name=_("segment"))
    elif frame.index.name == "group":
        out.index = pd.Index([_(GROUP_LABELS[g]) for g in frame.index], name="")
    elif frame.index.name == "owner":
        out.index = pd.Index([_(o) if o == NO_OWNER else o for o in frame.index], name=_("owner"))
    return out
