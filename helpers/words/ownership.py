"""In words: who owns which customer (notebook 02).

The owners' table comes from :mod:`helpers.analysis.ownership`; here it is told in the
reader's language: does every key account have an owner, and how much value rests on one
person?
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis.ownership import NO_OWNER
from helpers.analysis.segmentation import KEY_ACCOUNT
from helpers.language import Language


def owners_in_words(
    owners: pd.DataFrame, table: pd.DataFrame, has_owner_column: bool, lang: Language
) -> str:
    """Does every key account have an owner, and how much rests on one person?

    In: ``owners`` from ``ownership.owner_table``, ``table`` from ``segmentation.segments``,
    whether ``customers.csv`` has an ``owner`` column, ``lang``. Out: a few lines of text.

    Example: ``print(owners_in_words(owner_table(table), table, True, wb.lang))``
    """
    _ = lang._
    key = table.loc[table["segment"] == KEY_ACCOUNT]
    if not has_owner_column:
        return _(
            "There is no owner column in customers.csv, so no one is named for the key accounts "
            "({count}). Add an owner per customer (the person who looks after it) to see whether "
            "every key account has one, and how much of your revenue would walk out of the door "
            "with one salesperson."
        ).format(count=lang.number(len(key)))
    text = []
    orphans = key.loc[key["owner"] == ""]
    if len(key) and orphans.empty:
        text.append(
            _("Every key account ({count}) has a named owner.").format(count=lang.number(len(key)))
        )
    elif len(orphans):
        shown = ", ".join(orphans["name"].head(5))
        if len(orphans) > 5:
            shown += " …"
        text.append(
            _(
                "Key accounts without an owner: {count} of {total} ({names}). Name one this week."
            ).format(count=lang.number(len(orphans)), total=lang.number(len(key)), names=shown)
        )
    named = owners.drop(index=NO_OWNER, errors="ignore")
    if not named.empty and named["value_12m"].iloc[0] > 0:
        top = named.index[0]
        row = named.iloc[0]
        text.append(
            _(
                "{owner} looks after customers who brought {share} of the last 12 months' value "
                "({money}), key accounts among them: {count}. If {owner} left, those relationships "
                "would need a new face at once: does each one have a deputy who knows it?"
            ).format(
                owner=top,
                share=lang.percent(row["value_share"]),
                money=lang.money(row["value_12m"]),
                count=lang.number(int(row["key_accounts"])),
            )
        )
    return "\n".join(text)
