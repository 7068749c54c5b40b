"""The per-customer recency / frequency / money summary, checked by hand."""

import pandas as pd
import pytest

from helpers.analysis.overview import customer_summary


def test_customer_summary_counts_purchase_days_and_averages_the_repeats():
    lines = pd.DataFrame(
        {
            "customer_id": ["A", "A", "A", "A", "B", "C"],
            "date": pd.to_datetime(
                ["2024-01-01", "2024-01-01", "2024-01-11", "2024-01-31", "2024-06-01",
                 "2025-02-01"]  # C buys after as_of: left out
            ),
            "amount": [10.0, 5.0, 20.0, 40.0, 7.0, 99.0],
        }
    )
    summary = customer_summary(lines, pd.Timestamp("2024-12-31"))
    assert list(summary.index) == ["A", "B"]
    # A: purchase days 1 Jan (15), 11 Jan (20), 31 Jan (40): two repeats
    assert summary.loc["A"].to_dict() == pytest.approx(
        {"frequency": 2.0, "recency": 30.0, "T": 365.0, "monetary_value": 30.0}
    )
    # B: one purchase, no repeats
    assert summary.loc["B"].to_dict() == pytest.approx(
        {"frequency": 0.0, "recency": 0.0, "T": 213.0, "monetary_value": 0.0}
    )


def test_customer_summary_of_no_lines_is_empty():
    lines = pd.DataFrame({"customer_id": ["A"], "date": pd.to_datetime(["2025-01-01"]),
                          "amount": [1.0]})
    assert customer_summary(lines, pd.Timestamp("2024-12-31")).empty
