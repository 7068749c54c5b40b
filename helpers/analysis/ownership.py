"""Who looks after the value: the account owners of notebook 02's segments (text 001).

Every key account needs a named owner, and no company should have most of its value
resting on one person. :func:`owner_table` adds up the last 12 months' value per owner
(``owner`` in ``customers.csv``), :func:`value_by_owner_and_segment` splits it by segment,
and :func:`owners_in_words` says what it means.

>>> owner_table(segmentation.segments(invoices, as_of, customers)).head(3)
"""

from __future__ import annotations

import math

import pandas as pd

from helpers.analysis.segmentation import KEY_ACCOUNT, SEGMENTS
from helpers.language import N_
from helpers.report.formats import ENGLISH, Formats

NO_OWNER = N_("(no owner)")


def owner_table(table: pd.DataFrame) -> pd.DataFrame:
    """How much of the last 12 months' value hangs on each account owner.

    In: ``table`` from ``segmentation.segments``.
    Out: DataFrame indexed by ``owner`` (:data:`NO_OWNER` for customers without one),
    largest first, with ``customers``, ``key_accounts``, ``value_12m``, ``value_share``
    (of all value) and ``key_account_value_12m``.

    Example: ``owner_table(segments(invoices, as_of, customers)).head()``
    """
    owner = table["owner"].where(table["owner"] != "", NO_OWNER)
    key = table["segment"] == KEY_ACCOUNT
    frame = pd.DataFrame(
        {
            "customers": 1,
            "key_accounts": key.astype(int),
            "value_12m": table["value_12m"],
            "key_account_value_12m": table["value_12m"].where(key, 0.0),
        }
    )
    out = frame.groupby(owner.rename("owner")).sum()
    total = float(table["value_12m"].sum())
    out.insert(3, "value_share", out["value_12m"] / total if total > 0 else math.nan)
    return out.sort_index().sort_values("value_12m", ascending=False, kind="stable")


def value_by_owner_and_segment(table: pd.DataFrame) -> pd.DataFrame:
    """The last 12 months' value per owner (rows, as :func:`owner_table`) and segment (columns).

    Example: ``value_by_owner_and_segment(segments(invoices, as_of, customers))``
    """
    owner = table["owner"].where(table["owner"] != "", NO_OWNER).rename("owner")
    pivot = table["value_12m"].groupby([owner, table["segment"]]).sum().unstack(fill_value=0.0)
    pivot = pivot.reindex(columns=list(SEGMENTS), fill_value=0.0)
    return pivot.reindex(owner_table(table).index)


def owners_in_words(
    owners: pd.DataFrame, table: pd.DataFrame, has_owner_column: bool, formats: Formats = ENGLISH
) -> str:
    """Does every key account have an owner, and how much rests on one person?"""
    _ = formats._
    key = table.loc[table["segment"] == KEY_ACCOUNT]
    if not has_owner_column:
        return _(
            "There is no owner column in customers.csv, so no one is named for the key accounts "
            "({count}). Add an owner per customer (the person who looks after it) to see whether "
            "every key account has one, and how much of your revenue would walk out of the door "
            "with one salesperson."
        ).format(count=formats.number(len(key)))
    text = []
    orphans = key.loc[key["owner"] == ""]
    if len(key) and orphans.empty:
        text.append(_("Every key account ({count}) has a named owner.").format(
            count=formats.number(len(key))))  # fmt: skip
    elif len(orphans):
        shown = ", ".join(orphans["name"].head(5))
        if len(orphans) > 5:
            shown += " …"
        text.append(
            _("Key accounts without an owner: {count} of {total} ({names}). Name one this week."
              ).format(count=formats.number(len(orphans)), total=formats.number(len(key)),
                       names=shown)
        )  # fmt: skip
    named = owners.drop(index=NO_OWNER, errors="ignore")
    if not named.empty and named["value_12m"].iloc[0] > 0:
        top = named.index[0]
        row = named.iloc[0]
        text.append(
            _("{owner} looks after customers who brought {share} of the last 12 months' value "
              "({money}), key accounts among them: {count}. If {owner} left, those relationships "
              "would need a new face at once: does each one have a deputy who knows it?"
              ).format(owner=top, share=formats.percent(row["value_share"]),
                       money=formats.money(row["value_12m"]),
                       count=formats.number(int(row["key_accounts"])))
        )  # fmt: skip
    return "\n".join(text)
