"""First look at a company's invoices: revenue by year, the last 12 months, active customers."""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.analysis.concentration import revenue_by_customer
from helpers.analysis.windows import in_window, up_to


def revenue_by_year(invoices: pd.DataFrame, as_of: pd.Timestamp) -> pd.Series:
    """Revenue (sum of amount) per calendar year up to as_of, every year present.

    >>> lines = pd.DataFrame({"date": pd.to_datetime(["2023-05-01", "2025-02-01", "2026-01-09"]),
    ...                       "amount": [100.0, 50.0, 70.0]})
    >>> revenue_by_year(lines, pd.Timestamp("2025-12-31")).to_dict()
    {2023: 100.0, 2024: 0.0, 2025: 50.0}
    """
    upto = up_to(invoices, as_of)
    years = upto["date"].dt.year
    revenue = upto.groupby(years)["amount"].sum()
    full = range(int(years.min()), int(years.max()) + 1) if len(upto) else []
    return revenue.reindex(full, fill_value=0.0).rename_axis("year").rename("revenue")


def overview_figures(invoices: pd.DataFrame, as_of: pd.Timestamp) -> dict:
    """Headline figures of notebook 00: lines, dates, revenue and active customers.

    The words: ``helpers.words.overview.overview_in_words``.

    >>> lines = pd.DataFrame({"customer_id": ["A", "B", "B"], "amount": [100.0, 50.0, 70.0],
    ...                       "date": pd.to_datetime(["2023-05-01", "2025-02-01", "2025-06-09"])})
    >>> figures = overview_figures(lines, pd.Timestamp("2025-12-31"))
    >>> figures["revenue_12m"], figures["active_customers_12m"], figures["first_invoice_date"]
    (120.0, 1, '2023-05-01')
    """
    upto = up_to(invoices, as_of)
    window = in_window(upto, as_of)
    return {
        "invoice_lines": int(len(upto)),
        "first_invoice_date": upto["date"].min().date().isoformat(),
        "as_of": as_of.date().isoformat(),
        "revenue_12m": float(window["amount"].sum()),
        "active_customers_12m": int(window["customer_id"].nunique()),
    }


def largest_customers(invoices: pd.DataFrame, as_of: pd.Timestamp, top: int = 5) -> pd.DataFrame:
    """The ``top`` largest customers by revenue over all invoices up to ``as_of``.

    Out: DataFrame indexed by ``customer_id``, largest first, with ``revenue``, ``share``
    (of all revenue up to as_of, the denominator of ``top5_share`` in
    :func:`helpers.analysis.concentration.concentration_figures`) and ``cumulative_share``
    (this customer and the larger ones together: the last row of the top 5 is
    ``top5_share``). Shares are NaN when all revenue is zero or negative. Fewer rows when
    there are fewer customers.

    >>> lines = pd.DataFrame({"customer_id": ["A", "B", "C", "A"],
    ...                       "amount": [50.0, 30.0, 10.0, 10.0],
    ...                       "date": pd.to_datetime(["2024-01-01"] * 4)})
    >>> table = largest_customers(lines, pd.Timestamp("2024-12-31"), top=2)
    >>> table["cumulative_share"].round(2).tolist()
    [0.6, 0.9]
    """
    revenue = revenue_by_customer(invoices, as_of)
    total = float(revenue.sum())
    share = revenue / total if total > 0 else revenue * np.nan
    table = pd.DataFrame({"revenue": revenue, "share": share, "cumulative_share": share.cumsum()})
    return table.head(top)


def customer_summary(invoices: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    """Recency, frequency and money per customer, as buy-till-you-die models read them.

    Lines up to ``as_of`` are summed per customer and day (a purchase = a day with
    lines). Per customer: ``frequency`` = purchase days after the first; ``recency`` =
    days from the first to the last purchase; ``T`` = days from the first purchase to
    ``as_of``; ``monetary_value`` = the mean amount of the repeat purchase days (0 with
    none). The same definitions as ``lifetimes.utils.summary_data_from_transaction_data``
    (the benchmark checks the numbers agree).

    >>> customer_summary(invoices, as_of).loc["C0001", "frequency"]  # doctest: +SKIP
    """
    upto = invoices.loc[invoices["date"] <= as_of, ["customer_id", "date", "amount"]]
    if upto.empty:
        columns = ("frequency", "recency", "T", "monetary_value")
        return pd.DataFrame(
            {c: pd.Series(dtype=float) for c in columns},
            index=pd.Index([], name="customer_id", dtype=object),
        )
    codes, ids = sorted_codes(upto["customer_id"])
    day = upto["date"].to_numpy(dtype="datetime64[D]").astype(np.int64)
    # one int64 key per (customer, day), in customer order then day order: after one sort
    # each customer's purchase days lie side by side, and sums run over those stretches
    low, span = day.min(), day.max() - day.min() + 1
    key = codes.astype(np.int64) * span + (day - low)
    order = np.argsort(key, kind="stable")
    key, amount = key[order], upto["amount"].to_numpy(dtype=float)[order]
    new_day = _starts(key)
    day_amount = np.add.reduceat(amount, new_day)
    customer, purchase_day = key[new_day] // span, key[new_day] % span + low
    first_row = _starts(customer)
    last_row = np.r_[first_row[1:], len(customer)] - 1
    count = np.diff(np.r_[first_row, len(customer)])
    repeat_amount = day_amount.copy()
    repeat_amount[first_row] = 0.0  # the first purchase day is not a repeat
    repeat_sum = np.add.reduceat(repeat_amount, first_row)
    first, last = purchase_day[first_row], purchase_day[last_row]
    end_day = np.datetime64(as_of.normalize(), "D").astype(np.int64)
    with np.errstate(divide="ignore", invalid="ignore"):
        monetary = np.where(count > 1, repeat_sum / (count - 1), 0.0)
    return pd.DataFrame(
        {
            "frequency": (count - 1).astype(float),
            "recency": (last - first).astype(float),
            "T": (end_day - first).astype(float),
            "monetary_value": monetary.astype(float),
        },
        index=pd.Index(ids[customer[first_row]], name="customer_id"),
    )


def _starts(sorted_keys: np.ndarray) -> np.ndarray:
    """Where each run of equal values begins in a sorted, non-empty array."""
    return np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])


def sorted_codes(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """``pd.factorize(values, sort=True)``, faster: an integer per distinct id, in id order.

    Out: (codes, ids) with ``ids[codes] == values``. The distinct ids are sorted as
    fixed-width NumPy text (the same order as Python's), which on a hundred thousand
    ids is several times faster than pandas sorting them as Python strings.
    """
    codes, uniques = pd.factorize(values)
    text = np.asarray(uniques, dtype=str)
    order = np.argsort(text, kind="stable")
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    return rank[codes], np.asarray(uniques, dtype=object)[order]
