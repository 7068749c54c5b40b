"""Concentration figures pinned on examples small enough to check by hand."""

import json
import math

import pandas as pd
import pytest

from helpers.analysis.concentration import (
    concentration_figures,
    lorenz_curve,
    revenue_by_customer,
    stress_test,
)

AS_OF = pd.Timestamp("2024-12-31")


def invoices(rows, with_cost=False):
    """rows: (customer_id, 'YYYY-MM-DD', amount[, cost])."""
    columns = ["customer_id", "date", "amount"] + (["cost"] if with_cost else [])
    frame = pd.DataFrame(rows, columns=columns)
    frame["date"] = pd.to_datetime(frame["date"])
    frame["amount"] = frame["amount"].astype(float)
    return frame


def test_revenue_by_customer_sums_sorts_and_ignores_lines_after_as_of():
    # A: 10 + 40 = 50; B: 30; C: 20; the 2025 line of C is after as_of.
    data = invoices(
        [
            ("A", "2024-01-01", 10),
            ("B", "2024-02-01", 30),
            ("A", "2024-03-01", 40),
            ("C", "2024-04-01", 20),
            ("C", "2025-01-01", 1000),
        ]
    )
    revenue = revenue_by_customer(data, AS_OF)
    assert list(revenue.index) == ["A", "B", "C"]
    assert list(revenue) == [50.0, 30.0, 20.0]
    assert revenue.name == "revenue"
    assert revenue.index.name == "customer_id"


def test_three_customers_50_30_20():
    # shares 0.5, 0.3, 0.2
    # hhi = 0.25 + 0.09 + 0.04 = 0.38; effective customers = 1 / 0.38 = 2.6316
    # top5 = everything = 1.0; largest = 0.5
    # top20: n = 3 positive customers, ceil(0.6) = 1 customer → 50 / 100 = 0.5
    # gini = Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² mean): |50−30| + |50−20| + |30−20| = 60, both
    #   orders → 120; 2 · 9 · (100/3) = 600; 120 / 600 = 0.2
    data = invoices([("A", "2024-01-01", 50), ("B", "2024-01-01", 30), ("C", "2024-01-01", 20)])
    figures = concentration_figures(data, AS_OF)
    assert figures["customers"] == 3
    assert figures["revenue_total"] == pytest.approx(100.0)
    assert figures["largest_customer_share"] == pytest.approx(0.5)
    assert figures["top5_share"] == pytest.approx(1.0)
    assert figures["hhi"] == pytest.approx(0.38)
    assert figures["effective_customers"] == pytest.approx(1 / 0.38)
    assert figures["top20_revenue_share"] == pytest.approx(0.5)
    assert figures["gini"] == pytest.approx(0.2)


def test_keys_are_exact_and_values_plain_json():
    data = invoices([("A", "2024-01-01", 50), ("B", "2024-01-01", 30)])
    figures = concentration_figures(data, AS_OF)
    assert set(figures) == {
        "customers",
        "revenue_total",
        "largest_customer_share",
        "top5_share",
        "hhi",
        "effective_customers",
        "top20_revenue_share",
        "gini",
    }
    assert type(figures["customers"]) is int
    assert all(type(v) is float for k, v in figures.items() if k != "customers")
    json.dumps(figures)


def test_negative_customer_left_out_of_hhi_and_gini_but_counted_in_total():
    # A 60, B 50, C −10 (credit notes exceed invoices): revenue_total = 100.
    # hhi over A and B only, with shares of revenue_total: 0.6² + 0.5² = 0.61
    # (if C were kept it would add 0.01 → 0.62).
    # top5 = (60 + 50 − 10) / 100 = 1.0; largest = 0.6; customers = 3.
    # top20: n = 2 positive → ceil(0.4) = 1 → 0.6.
    # gini over [50, 60]: |60 − 50| twice = 20; 2 · 4 · 55 = 440; 20 / 440 = 0.04545…
    data = invoices(
        [
            ("A", "2024-01-01", 60),
            ("B", "2024-01-01", 50),
            ("C", "2024-01-01", 20),
            ("C", "2024-02-01", -30),
        ]
    )
    figures = concentration_figures(data, AS_OF)
    assert figures["customers"] == 3
    assert figures["revenue_total"] == pytest.approx(100.0)
    assert figures["hhi"] == pytest.approx(0.61)
    assert figures["top5_share"] == pytest.approx(1.0)
    assert figures["largest_customer_share"] == pytest.approx(0.6)
    assert figures["top20_revenue_share"] == pytest.approx(0.6)
    assert figures["gini"] == pytest.approx(20 / 440)


def test_top20_rounds_up_and_top5_takes_five():
    # six customers 40/20/10/10/10/10, total 100: n = 6 → ceil(1.2) = 2 → (40 + 20) / 100
    # top5 = 40 + 20 + 10 + 10 + 10 = 90 → 0.9
    data = invoices(
        [(c, "2024-01-01", a) for c, a in zip("ABCDEF", [40, 20, 10, 10, 10, 10], strict=True)]
    )
    figures = concentration_figures(data, AS_OF)
    assert figures["top20_revenue_share"] == pytest.approx(0.6)
    assert figures["top5_share"] == pytest.approx(0.9)


def test_one_customer():
    # Everything from one customer: hhi 1, one effective customer, gini 0.
    figures = concentration_figures(invoices([("A", "2024-01-01", 70)]), AS_OF)
    assert figures["customers"] == 1
    assert figures["largest_customer_share"] == pytest.approx(1.0)
    assert figures["hhi"] == pytest.approx(1.0)
    assert figures["effective_customers"] == pytest.approx(1.0)
    assert figures["top20_revenue_share"] == pytest.approx(1.0)
    assert figures["gini"] == pytest.approx(0.0)


def test_two_customers_75_25():
    # hhi = 0.75² + 0.25² = 0.625; top20: ceil(0.4) = 1 → 0.75
    # gini: |75 − 25| twice = 100; 2 · 4 · 50 = 400 → 0.25
    data = invoices([("A", "2024-01-01", 75), ("B", "2024-01-01", 25)])
    figures = concentration_figures(data, AS_OF)
    assert figures["hhi"] == pytest.approx(0.625)
    assert figures["effective_customers"] == pytest.approx(1.6)
    assert figures["top20_revenue_share"] == pytest.approx(0.75)
    assert figures["gini"] == pytest.approx(0.25)


@pytest.mark.parametrize(
    "rows",
    [
        [("A", "2024-01-01", -10)],  # all revenue negative
        [("A", "2024-01-01", 10), ("B", "2024-01-01", -10)],  # revenue_total exactly 0
        [],  # nothing up to as_of
    ],
)
def test_no_positive_total_gives_nan_shares(rows):
    figures = concentration_figures(invoices(rows), AS_OF)
    for key in (
        "largest_customer_share",
        "top5_share",
        "hhi",
        "effective_customers",
        "top20_revenue_share",
        "gini",
    ):
        assert math.isnan(figures[key]), key
    assert figures["customers"] == len({r[0] for r in rows})


def test_stress_test_ranks_by_window_revenue_and_computes_margin():
    # Window (2024-01-01, 2024-12-31]. A is the biggest customer all-time but bought
    # only in 2022, so it is not in the window ranking. The line of D on 2024-01-01
    # is exactly as_of − 365 d and falls outside (open on the left).
    # Window: B 60 (cost 50 → margin 10), C 30 (cost 10 → 20), D 10 (cost 0 → 10).
    # all: revenue 100, margin 40
    # without B: revenue 40 (lost 0.6), margin 30 (lost 0.25)
    # without top 3 (B, C, D): revenue 0 (lost 1.0), margin 0 (lost 1.0)
    data = invoices(
        [
            ("A", "2022-05-01", 1000, 500),
            ("B", "2024-03-01", 60, 50),
            ("C", "2024-04-01", 30, 10),
            ("D", "2024-05-01", 10, 0),
            ("D", "2024-01-01", 999, 0),
        ],
        with_cost=True,
    )
    table = stress_test(data, AS_OF)
    assert list(table.index) == [
        "all customers",
        "without the largest customer",
        "without the top 3",
    ]
    assert list(table["revenue"]) == pytest.approx([100, 40, 0])
    assert list(table["revenue_lost_share"]) == pytest.approx([0, 0.6, 1.0])
    assert list(table["margin"]) == pytest.approx([40, 30, 0])
    assert list(table["margin_lost_share"]) == pytest.approx([0, 0.25, 1.0])
    assert table.loc["without the largest customer", "customers_removed"] == "B"
    assert table.loc["without the top 3", "customers_removed"] == "B, C, D"
    assert list(table["customers"]) == [3, 2, 0]


def test_stress_test_without_cost_column_has_nan_margin_and_fewer_than_3_customers():
    data = invoices([("A", "2024-03-01", 80), ("B", "2024-03-01", 20)])
    table = stress_test(data, AS_OF)
    assert table["margin"].isna().all()
    # Only two customers: "without the top 3" removes both.
    assert table.loc["without the top 3", "revenue"] == 0
    assert table.loc["without the largest customer", "revenue_lost_share"] == pytest.approx(0.8)


def test_lorenz_curve_50_30_20_and_matches_gini():
    # Smallest first: 20, 30, 50 → cumulative 0.2, 0.5, 1.0 at 1/3, 2/3, 1.
    # Area under the curve (trapezoids of width 1/3): (0.1 + 0.35 + 0.75) / 3 = 0.4,
    # Gini = 1 − 2 · 0.4 = 0.2, the same as concentration_figures.
    data = invoices(
        [
            ("A", "2024-01-01", 50),
            ("B", "2024-01-01", 30),
            ("C", "2024-01-01", 20),
            ("D", "2024-01-01", -5),
        ]
    )
    curve = lorenz_curve(data, AS_OF)
    assert list(curve["customer_share"]) == pytest.approx([0, 1 / 3, 2 / 3, 1])
    assert list(curve["revenue_share"]) == pytest.approx([0, 0.2, 0.5, 1])
    x, y = curve["customer_share"].to_numpy(), curve["revenue_share"].to_numpy()
    area = float(((y[1:] + y[:-1]) / 2 * (x[1:] - x[:-1])).sum())
    assert 1 - 2 * area == pytest.approx(0.2)
