"""The per-customer recency / frequency / money summary, checked by hand."""

import pandas as pd
import pytest

from helpers.analysis.overview import customer_summary


def test_customer_summary_counts_purchase_days_and_averages_the_repeats():
    lines = pd.DataFrame(
        {
            "customer_id": ["A", "A", "A", "A", "B", "C"],
            "date": pd.to_datetime(
                [
                    "2024-01-01",
                    "2024-01-01",
                    "2024-01-11",
                    "2024-01-31",
                    "2024-06-01",
                    "2025-02-01",
                ]  # C buys after as_of: left out
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
    lines = pd.DataFrame(
        {"customer_id": ["A"], "date": pd.to_datetime(["2025-01-01"]), "amount": [1.0]}
    )
    assert customer_summary(lines, pd.Timestamp("2024-12-31")).empty


def test_sorted_codes_sort_like_python():
    from helpers.analysis.overview import sorted_codes

    values = pd.Series(["Ärrå", "B2", "a", "B10", "Ärrå", "Z"])
    codes, ids = sorted_codes(values)
    assert list(ids) == sorted(set(values)) == ["B10", "B2", "Z", "a", "Ärrå"]
    assert list(ids[codes]) == list(values)


def test_customer_summary_agrees_with_a_plain_groupby():
    import numpy as np

    rng = np.random.default_rng(7)
    n = 2_000
    lines = pd.DataFrame(
        {
            "customer_id": rng.choice([f"C{i:03d}" for i in range(150)], n),
            "date": pd.Timestamp("2023-01-01") + pd.to_timedelta(rng.integers(0, 700, n), "D"),
            "amount": rng.normal(100, 60, n).round(2),  # credit notes too
        }
    )
    as_of = pd.Timestamp("2024-10-31")
    days = (
        lines.loc[lines["date"] <= as_of]
        .groupby(["customer_id", "date"])["amount"]
        .sum()
        .reset_index()
    )
    first = days.groupby("customer_id")["date"].transform("min")
    by = days.groupby("customer_id")
    expected = pd.DataFrame(
        {
            "frequency": by.size() - 1.0,
            "recency": (by["date"].max() - by["date"].min()).dt.days.astype(float),
            "T": (as_of - by["date"].min()).dt.days.astype(float),
            "monetary_value": days.loc[days["date"] > first]
            .groupby("customer_id")["amount"]
            .mean()
            .reindex(by.size().index)
            .fillna(0.0),
        }
    )
    pd.testing.assert_frame_equal(
        customer_summary(lines, as_of),
        expected,
        check_names=False,
        check_index_type=False,
        rtol=1e-12,
    )
