"""Who stays: retention by cohort (the year a customer was won).

Notebook 05, part 3. The 12-month retention itself is ``freshness.retention_12m``
(notebook 01); here are the cohorts behind it. Invoices are a validated frame
(``customer_id``, ``date``, ``amount``); every function takes an explicit ``as_of``.
Retention in words is :func:`helpers.words.cohorts.retention_in_words`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.analysis.freshness import first_invoice_dates
from helpers.analysis.windows import WINDOW

# Why a new customer's second-year retention is missing (None when it is there)
NO_CUSTOMER_TWO_YEARS_OLD = "no_customer_two_years_old"


def cohort_retention(invoices: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    """Share of each cohort that bought in each calendar year.

    A customer's cohort is the year of its first invoice line (as in notebook
    01's cohort revenue). "Bought in a year" = at least one line with a positive
    amount dated in that calendar year, up to as_of (the last year may be
    partial). Cohort sizes are in :func:`cohort_sizes`.

    Out: DataFrame, rows ``cohort`` (int), columns calendar ``year`` (int), values
    a share between 0 and 1; ``nan`` for years before the cohort.

    Example: ``cohort_retention(invoices, as_of).loc[2021, 2023]`` → 0.55 (of the
    customers won in 2021, 55 % bought in 2023)
    """
    first = first_invoice_dates(invoices, as_of)
    lines = invoices.loc[(invoices["date"] <= as_of) & (invoices["amount"] > 0)]
    if first.empty:
        empty = pd.DataFrame(dtype=float)
        empty.index.name, empty.columns.name = "cohort", "year"
        return empty
    cohort_of = first.dt.year
    pairs = pd.DataFrame(
        # map the dates, then take the year: mapping the years themselves is slower
        {
            "cohort": lines["customer_id"].map(first).dt.year,
            "year": lines["date"].dt.year,
            "customer_id": lines["customer_id"],
        }
    ).drop_duplicates()
    buyers = pairs.groupby(["cohort", "year"]).size().unstack("year")
    cohorts = range(int(cohort_of.min()), int(cohort_of.max()) + 1)
    years = range(int(cohort_of.min()), int(as_of.year) + 1)
    buyers = buyers.reindex(index=cohorts, columns=years).fillna(0.0)
    sizes = cohort_of.value_counts().reindex(cohorts, fill_value=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        shares = buyers.div(sizes.replace(0, np.nan), axis=0)
    before = np.less.outer(np.asarray(years), np.asarray(cohorts)).T  # year before cohort
    shares = shares.mask(before)
    shares = shares.loc[sizes > 0]
    shares.index.name, shares.columns.name = "cohort", "year"
    return shares.astype(float)


def cohort_sizes(invoices: pd.DataFrame, as_of: pd.Timestamp) -> pd.Series:
    """Number of customers won in each year (year of their first invoice line)."""
    first = first_invoice_dates(invoices, as_of)
    sizes = first.dt.year.value_counts().sort_index().astype(int)
    sizes.index.name, sizes.name = "cohort", "customers"
    return sizes


def second_year_retention(invoices: pd.DataFrame, as_of: pd.Timestamp) -> dict:
    """How many new customers buy again in their second year: the retention a new customer's
    lifetime value assumes (headline figure ``lifetime_value_retention``).

    Of the customers whose first line with a positive amount is at least 730 days before
    ``as_of`` (so that their whole second year is visible), the share with a line of
    positive amount in ``(first + 365 d, first + 730 d]``. Lines after as_of don't count.

    Out: dict ``retention`` (``nan`` without such customers), ``customers`` (how many it
    is measured on), ``returned`` (of them, how many bought in their second year) and
    ``reason`` (:data:`NO_CUSTOMER_TWO_YEARS_OLD`, or None when measured).

    >>> lines = pd.DataFrame({"customer_id": ["A", "A", "B", "B", "C"],
    ...     "amount": [100.0, 50.0, 80.0, 20.0, 60.0],
    ...     "date": pd.to_datetime(["2022-03-01", "2023-05-01", "2022-06-01", "2023-01-01",
    ...                             "2024-06-01"])})
    >>> second_year_retention(lines, pd.Timestamp("2025-12-31"))  # A yes, B only in year 1
    {'retention': 0.5, 'customers': 2, 'returned': 1, 'reason': None}
    """
    bought = invoices.loc[(invoices["date"] <= as_of) & (invoices["amount"] > 0)]
    first = bought.groupby("customer_id")["date"].min()
    old_enough = first[first <= as_of - 2 * WINDOW]
    if old_enough.empty:
        nan = float("nan")
        return {
            "retention": nan,
            "customers": 0,
            "returned": 0,
            "reason": NO_CUSTOMER_TWO_YEARS_OLD,
        }
    start = bought["customer_id"].map(old_enough)
    second = (
        start.notna() & (bought["date"] > start + WINDOW) & (bought["date"] <= start + 2 * WINDOW)
    )
    returned = int(bought.loc[second, "customer_id"].nunique())
    return {
        "retention": returned / len(old_enough),
        "customers": int(len(old_enough)),
        "returned": returned,
        "reason": None,
    }
