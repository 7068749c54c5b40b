"""What notebook 02 hands over: the check-up calls to make, spread over the year (text 001).

- :func:`checkup_calls`: the yearly check-up calls, spread over the coming 12 months;
- :data:`CSV_DECIMALS`: how finely the lists' figures are written.

The lists as saved and shown, with each customer's next step written out (``segments.csv``,
``check-up-calls.csv``) and the tables of notebook 02 ready to show, are
:mod:`helpers.words.segment_lists`.

>>> table = pd.DataFrame({"name": ["Aalto", "Berg"], "segment": ["serve", "dormant"],
...     "owner": ["", ""], "call_month": ["2026-05", "2026-01"], "last_purchase": [None, None],
...     "value_12m": [450.0, 0.0], "revenue_prev_12m": [500.0, 700.0]}, index=["A", "E"])
>>> checkup_calls(table).index.tolist()   # the earliest month first
['E', 'A']
"""

from __future__ import annotations

import pandas as pd

CSV_DECIMALS = {  # money to the cent, shares to a hundredth of a percent: no float noise
    "value_12m": 2,
    "revenue_12m": 2,
    "revenue_prev_12m": 2,
    "margin_12m": 2,
    "wallet": 2,
    "potential": 4,
    "hours_per_year": 2,
}


def checkup_calls(table: pd.DataFrame) -> pd.DataFrame:
    """The yearly check-up call list: serve customers, and dormant ones who stopped lately.

    In: ``table`` from ``segmentation.segments``.
    Out: DataFrame indexed by ``customer_id``, ordered by ``call_month`` then value, with
    ``name``, ``segment``, ``owner``, ``call_month``, ``last_purchase``, ``value_12m``,
    ``revenue_prev_12m`` (the next step with each: ``words.segment_lists.checkup_calls``).

    Example: ``checkup_calls(segments(invoices, as_of)).head(10)``
    """
    calls = table.loc[table["call_month"] != ""]
    calls = calls.assign(_order=-calls["value_12m"] - calls["revenue_prev_12m"])
    calls = calls.sort_values(["call_month", "_order"], kind="stable")
    columns = [
        "name",
        "segment",
        "owner",
        "call_month",
        "last_purchase",
        "value_12m",
        "revenue_prev_12m",
    ]
    return calls[columns].round(CSV_DECIMALS)
