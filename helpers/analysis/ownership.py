"""Who looks after the value: the account owners of notebook 02's segments (text 001).

Every key account needs a named owner, and no company should have most of its value
resting on one person. :func:`owner_table` adds up the last 12 months' value per owner
(``owner`` in ``customers.csv``), :func:`value_by_owner_and_segment` splits it by segment,
and ``helpers.words.ownership.owners_in_words`` says what it means.

>>> table = pd.DataFrame({"owner": ["Aino", "", "Aino"], "segment": ["key account", "serve",
...                       "keep"], "value_12m": [500.0, 100.0, 400.0]}, index=["A", "B", "C"])
>>> owner_table(table)["value_12m"].to_dict()
{'Aino': 900.0, '(no owner)': 100.0}
"""

from __future__ import annotations

import math

import pandas as pd

from helpers.analysis.segmentation import KEY_ACCOUNT, SEGMENTS
from helpers.language import N_

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
