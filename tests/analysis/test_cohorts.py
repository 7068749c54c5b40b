"""Retention by cohort, pinned on a hand-made example."""

import math

import numpy as np
import pandas as pd

from helpers.analysis.cohorts import (
    NO_CUSTOMER_TWO_YEARS_OLD,
    cohort_retention,
    cohort_sizes,
    second_year_retention,
)
from tests.analysis.notebook05_frames import AS_OF, invoices


def test_cohort_retention_on_a_hand_made_example():
    # 2022 cohort: A (buys 2022, 2024), B (2022, then only a credit note in 2023);
    # 2024 cohort: C (2024). No one was won in 2023, so there is no 2023 row.
    data = invoices(
        [
            ("A", "2022-02-01", 100),
            ("A", "2024-02-01", 100),
            ("B", "2022-03-01", 100),
            ("B", "2023-03-01", -20),
            ("C", "2024-05-01", 100),
        ]
    )
    as_of = pd.Timestamp("2024-12-31")
    table = cohort_retention(data, as_of)
    assert table.index.tolist() == [2022, 2024]
    assert table.columns.tolist() == [2022, 2023, 2024]
    assert table.loc[2022].tolist() == [1.0, 0.0, 0.5]
    assert np.isnan(table.loc[2024, 2022]) and table.loc[2024, 2024] == 1.0
    assert cohort_sizes(data, as_of).to_dict() == {2022: 2, 2024: 1}


def test_second_year_retention_follows_each_customer_from_its_first_purchase():
    # as_of 2025-12-01; a whole second year is visible for first purchases up to
    # 2023-12-02 (as_of − 730 d).
    #   A first 2023-01-10, buys 2024-02-01 (in (2024-01-10, 2025-01-09]) -> came back
    #   B first 2023-03-01, buys 2023-12-01 (still its first year) only    -> did not
    #   C first 2023-06-01, only a credit note in its second year          -> did not
    #   D credit note 2022-01-01, first purchase 2023-11-01, 2025-06-01    -> came back
    #   E first 2024-01-15: its second year is not over                    -> not counted
    #   F first 2023-12-02 exactly, buys 2025-12-01 (the last day)         -> came back
    data = invoices(
        [
            ("A", "2023-01-10", 100),
            ("A", "2024-02-01", 100),
            ("B", "2023-03-01", 100),
            ("B", "2023-12-01", 100),
            ("C", "2023-06-01", 100),
            ("C", "2024-09-01", -20),
            ("D", "2022-01-01", -10),
            ("D", "2023-11-01", 100),
            ("D", "2025-06-01", 100),
            ("E", "2024-01-15", 100),
            ("E", "2025-06-01", 100),
            ("F", "2023-12-02", 100),
            ("F", "2025-12-01", 100),
            ("F", "2025-12-02", 100),  # after as_of
        ]
    )
    measured = second_year_retention(data, AS_OF)
    assert measured == {"retention": 3 / 5, "customers": 5, "returned": 3, "reason": None}


def test_second_year_retention_needs_a_customer_two_years_old():
    data = invoices([("A", "2024-01-15", 100), ("A", "2025-06-01", 100)])
    measured = second_year_retention(data, AS_OF)
    assert math.isnan(measured["retention"]) and measured["customers"] == 0
    assert measured["reason"] == NO_CUSTOMER_TWO_YEARS_OLD
