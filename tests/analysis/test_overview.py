"""The per-customer recency / frequency / money summary, checked by hand."""

import pandas as pd
import pytest

from helpers.analysis.concentration import concentration_figures
from helpers.analysis.overview import customer_summary, largest_customers


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


def test_largest_customers_share_all_revenue_and_add_up_to_the_top5_share():
    # revenue A 500, B 300 − 100 credit = 200, C 60, D 50, E 40, F 30, G 20 (its 99 comes
    # after as_of), H −10 (a credit note only): all revenue 500 + 200 + 200 − 10 = 890,
    # top five 500 + 200 + 60 + 50 + 40 = 850
    rows = [
        ("A", 500.0),
        ("B", 300.0),
        ("B", -100.0),
        ("C", 60.0),
        ("D", 50.0),
        ("E", 40.0),
        ("F", 30.0),
        ("G", 20.0),
        ("H", -10.0),
    ]
    lines = pd.DataFrame(rows, columns=["customer_id", "amount"])
    lines["date"] = pd.Timestamp("2024-06-01")
    later = pd.DataFrame(
        {"customer_id": ["G"], "amount": [99.0], "date": [pd.Timestamp("2025-02-01")]}
    )
    as_of = pd.Timestamp("2024-12-31")
    table = largest_customers(pd.concat([lines, later]), as_of)
    assert list(table.index) == ["A", "B", "C", "D", "E"]
    assert table["revenue"].tolist() == [500.0, 200.0, 60.0, 50.0, 40.0]
    assert table["share"].tolist() == pytest.approx(
        [500 / 890, 200 / 890, 60 / 890, 50 / 890, 40 / 890]
    )
    assert table["cumulative_share"].iloc[-1] == pytest.approx(850 / 890)
    assert table["cumulative_share"].iloc[-1] == pytest.approx(
        concentration_figures(lines, as_of)["top5_share"]
    )
    assert len(largest_customers(lines, as_of, top=20)) == 8  # fewer customers than asked


def test_largest_customers_without_positive_revenue_have_no_shares():
    lines = pd.DataFrame(
        {"customer_id": ["A"], "amount": [-5.0], "date": [pd.Timestamp("2024-06-01")]}
    )
    table = largest_customers(lines, pd.Timestamp("2024-12-31"))
    assert table["share"].isna().all() and table["revenue"].tolist() == [-5.0]
