"""What notebook 02 hands over: the lists to act on, and its tables ready to show (text 001).

- :func:`segments_list`: ``segments.csv``, every customer with its segment and next step;
- :func:`checkup_calls`: the yearly check-up calls, spread over the coming 12 months;
- :func:`readable`: any of notebook 02's tables with formatted figures and translated
  headers, for the screen.

>>> wb.save_list("segments", segments_list(segmentation.segments(invoices, as_of, customers)))
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis.ownership import NO_OWNER
from helpers.analysis.segmentation import BASIS_LABELS, DORMANT, SEGMENT_LABELS
from helpers.language import N_
from helpers.report.formats import ENGLISH, Formats

_CSV_DECIMALS = {  # money to the cent, shares to a hundredth of a percent: no float noise
    "value_12m": 2, "revenue_12m": 2, "revenue_prev_12m": 2, "margin_12m": 2, "wallet": 2,
    "potential": 4, "hours_per_year": 2,
}  # fmt: skip


def checkup_calls(table: pd.DataFrame) -> pd.DataFrame:
    """The yearly check-up call list: serve customers, and dormant ones who stopped lately.

    In: ``table`` from ``segmentation.segments``.
    Out: DataFrame indexed by ``customer_id``, ordered by ``call_month`` then value, with
    ``name``, ``segment``, ``owner``, ``call_month``, ``last_purchase``, ``value_12m``,
    ``revenue_prev_12m``, ``next_step``.

    Example: ``checkup_calls(segments(invoices, as_of)).head(10)``
    """
    calls = table.loc[table["call_month"] != ""]
    calls = calls.assign(_order=-calls["value_12m"] - calls["revenue_prev_12m"])
    calls = calls.sort_values(["call_month", "_order"], kind="stable")
    columns = ["name", "segment", "owner", "call_month", "last_purchase", "value_12m",
               "revenue_prev_12m", "next_step"]  # fmt: skip
    return calls[columns].round(_CSV_DECIMALS)


def calls_in_words(calls: pd.DataFrame, formats: Formats = ENGLISH) -> str:
    """How many check-up calls, to whom, and how many fall in the first month."""
    _ = formats._
    if calls.empty:
        return _("No check-up calls: no customer is in 'serve', and nobody stopped buying in "
                 "the last year.")  # fmt: skip
    lapsed = int((calls["segment"] == DORMANT).sum())
    first = calls["call_month"].min()
    return _(
        "Check-up calls in the coming 12 months: {count}; {serve} to customers in 'serve' and "
        "{lapsed} to customers who stopped buying in the last year. The first month, {month}, "
        "has {first} of them."
    ).format(
        count=formats.number(len(calls)), serve=formats.number(len(calls) - lapsed),
        lapsed=formats.number(lapsed), month=first,
        first=formats.number(int((calls["call_month"] == first).sum())),
    )  # fmt: skip


def segments_list(table: pd.DataFrame) -> pd.DataFrame:
    """``segments.csv`` as product.md defines it: one row per customer, id as a column.

    Columns ``customer_id``, ``name``, ``segment``, ``value_12m``, ``potential``,
    ``owner``, ``next_step``, then ``potential_basis``, ``abc_class``, ``revenue_12m``,
    ``margin_12m``, ``wallet``, ``hours_per_year``, ``call_month``.
    """
    columns = [
        "name", "segment", "value_12m", "potential", "owner", "next_step", "potential_basis",
        "abc_class", "revenue_12m", "margin_12m", "wallet", "hours_per_year", "call_month",
    ]  # fmt: skip
    listed = table[columns].reset_index()
    return listed.round(_CSV_DECIMALS)


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


def readable(frame: pd.DataFrame, formats: Formats = ENGLISH) -> pd.DataFrame:
    """Any table of notebook 02 ready to show: known columns formatted, headers translated.

    In: a table from ``segmentation.segments``, ``segmentation.segment_summary``,
    ``pareto.abc_summary``, ``ownership.owner_table`` or :func:`checkup_calls`; ``formats``
    (``wb.formats``). Columns not in :data:`READABLE` are left out; missing values show as
    "–"; segment names (also in the index) and the potential basis are translated. Meant for
    the rows shown on screen.
    Out: DataFrame of text.

    Example: ``readable(segmentation.segment_summary(table), wb.formats)``
    """
    _ = formats._
    kinds = {"money": formats.money, "percent": formats.percent, "number": formats.number,
             "date": formats.date}  # fmt: skip
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
