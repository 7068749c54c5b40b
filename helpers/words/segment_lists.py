"""In words: segments.csv and the check-up calls, as tables to show (notebook 02).

- :func:`segments_list`: ``segments.csv``, every customer with its segment and next step;
- :func:`checkup_calls`: the yearly check-up calls with the next step with each customer
  (``check-up-calls.csv``), and :func:`calls_in_words`;
- :func:`readable`: any of notebook 02's tables with formatted figures and translated
  headers, for the screen.

>>> wb.save_list("segments", segments_list(table, wb.lang))  # doctest: +SKIP
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis import segment_lists
from helpers.analysis.ownership import NO_OWNER
from helpers.analysis.segment_lists import CSV_DECIMALS
from helpers.analysis.segmentation import BASIS_LABELS, DORMANT, SEGMENT_LABELS
from helpers.language import N_, Language
from helpers.words.segmentation import next_steps


def segments_list(table: pd.DataFrame, lang: Language) -> pd.DataFrame:
    """``segments.csv`` as product.md defines it: one row per customer, id as a column.

    In: ``table`` from ``segmentation.segments``, ``lang`` (for the next steps, English
    for now: see ``words.segmentation.SERVICE_MODEL``). Out: columns ``customer_id``,
    ``name``, ``segment``, ``value_12m``, ``potential``, ``owner``, ``next_step``, then
    ``potential_basis``, ``abc_class``, ``revenue_12m``, ``margin_12m``, ``wallet``,
    ``hours_per_year``, ``call_month``; figures rounded as :data:`CSV_DECIMALS`.

    Example: ``wb.save_list("segments", segments_list(table, wb.lang))``
    """
    columns = [
        "name",
        "segment",
        "value_12m",
        "potential",
        "owner",
        "potential_basis",
        "abc_class",
        "revenue_12m",
        "margin_12m",
        "wallet",
        "hours_per_year",
        "call_month",
    ]
    listed = table[columns].assign(next_step=next_steps(table, lang).to_numpy())
    listed = listed[[*columns[:5], "next_step", *columns[5:]]].reset_index()
    return listed.round(CSV_DECIMALS)


def checkup_calls(table: pd.DataFrame, lang: Language) -> pd.DataFrame:
    """The check-up call list of ``segment_lists.checkup_calls``, with each ``next_step``.

    In: ``table`` from ``segmentation.segments``, ``lang``. Out: DataFrame indexed by
    ``customer_id`` (``check-up-calls.csv`` once the index is a column), ordered by
    ``call_month`` then value.

    Example: ``wb.save_list("check-up-calls", checkup_calls(table, wb.lang).reset_index())``
    """
    calls = segment_lists.checkup_calls(table)
    # an array, not a Series: an empty list keeps its own (empty) index
    return calls.assign(next_step=next_steps(table, lang).reindex(calls.index).to_numpy())


def calls_in_words(calls: pd.DataFrame, lang: Language) -> str:
    """How many check-up calls, to whom, and how many fall in the first month.

    In: ``calls`` from :func:`checkup_calls`, ``lang``. Out: one or two sentences.

    >>> from helpers.language import ENGLISH
    >>> calls = pd.DataFrame({"segment": ["dormant", "serve"], "call_month": ["2026-01"] * 2})
    >>> print(calls_in_words(calls, ENGLISH))  # doctest: +NORMALIZE_WHITESPACE
    Check-up calls in the coming 12 months: 2; 1 to customers in 'serve' and 1 to customers
    who stopped buying in the last year. The first month, 2026-01, has 2 of them.
    """
    _ = lang._
    if calls.empty:
        return _(
            "No check-up calls: no customer is in 'serve', and nobody stopped buying in "
            "the last year."
        )
    lapsed = int((calls["segment"] == DORMANT).sum())
    first = calls["call_month"].min()
    return _(
        "Check-up calls in the coming 12 months: {count}; {serve} to customers in 'serve' and "
        "{lapsed} to customers who stopped buying in the last year. The first month, {month}, "
        "has {first} of them."
    ).format(
        count=lang.number(len(calls)),
        serve=lang.number(len(calls) - lapsed),
        lapsed=lang.number(lapsed),
        month=first,
        first=lang.number(int((calls["call_month"] == first).sum())),
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
    "call_month": (N_("call in"), "text"),
    "last_purchase": (N_("last purchase"), "date"),
    "revenue_prev_12m": (N_("value, 12 months before"), "money"),
    "next_step": (N_("next step"), "text"),
}


def readable(frame: pd.DataFrame, lang: Language, columns: list[str] | None = None) -> pd.DataFrame:
    """Any table of notebook 02 ready to show: known columns formatted, headers translated.

    In: a table from ``segmentation.segments``, ``segmentation.segment_summary``,
    :func:`words.segmentation.service_model`, ``pareto.abc_summary``,
    ``ownership.owner_table`` or :func:`checkup_calls`; ``lang`` (``wb.lang``);
    ``columns``: the columns to show (default: every column of :data:`READABLE` the
    frame has). ``next_step`` may be asked of a table of ``segmentation.segments``, which
    has none: it is written out (``words.segmentation.next_steps``). Columns not in
    :data:`READABLE` are left out; missing values show as "–"; segment names (also in
    the index) and the potential basis are translated. Meant for the rows shown on screen.
    Out: DataFrame of text, its columns in the order of :data:`READABLE`.

    Example: ``readable(segmentation.segment_summary(table), wb.lang)``
    """
    _ = lang._
    if columns is not None:
        if "next_step" in columns and "next_step" not in frame.columns:
            frame = frame.assign(next_step=next_steps(frame, lang).to_numpy())
        frame = frame[[c for c in frame.columns if c in columns]]
    kinds = {"money": lang.money, "percent": lang.percent, "number": lang.number, "date": lang.date}
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
        else:
            out[_(header)] = values.map(kinds[kind])
    if frame.index.name == "segment":
        out.index = pd.Index([labels[s] for s in frame.index], name=_("segment"))
    elif frame.index.name == "owner":
        out.index = pd.Index([_(o) if o == NO_OWNER else o for o in frame.index], name=_("owner"))
    return out
