"""Lifetime value, the cost of losing a customer and the budget what-if, by hand."""

import math

import numpy as np
import pytest

from helpers.analysis.lifetime_value import (
    break_even_retention_gain,
    budget_shift,
    cost_of_losing,
    lifetime_value,
    margin_12m_by_customer,
)
from tests.analysis.notebook05_frames import AS_OF, invoices


def test_lifetime_value_finite_sum_and_its_limit():
    # 1000 + 1000·0.8/1.1 + 1000·(0.8/1.1)² = 1000 + 727.27 + 528.93
    assert lifetime_value(1000, 0.8, 0.1, 3) == pytest.approx(2256.198, abs=1e-3)
    assert lifetime_value(1000, 0.8, 0.1, 2000) == pytest.approx(1000 * 1.1 / 0.3)
    assert lifetime_value(1000, 0.8, 0.1, 0) == 0.0
    assert lifetime_value(np.array([1000, 2000]), 0.5, 0.0, 2) == pytest.approx([1500, 3000])
    assert math.isnan(lifetime_value(1000, float("nan"), 0.1, 3))


def test_margin_uses_cost_where_known_and_a_rate_elsewhere():
    data = invoices([("A", "2025-06-01", 1000), ("A", "2025-07-01", 500), ("B", "2025-08-01", 200)])
    data["cost"] = [600.0, np.nan, np.nan]
    table = margin_12m_by_customer(data, AS_OF, margin_rate=0.3)
    assert table.loc["A", "margin_12m"] == pytest.approx(400 + 150)
    assert table.loc["B", "margin_12m"] == pytest.approx(60)
    assert table.loc["A", "margin_from_cost"] == pytest.approx(1000 / 1500)
    no_cost = margin_12m_by_customer(data.drop(columns="cost"), AS_OF, margin_rate=0.3)
    assert no_cost["margin_12m"].sum() == pytest.approx(0.3 * 1700)


def test_cost_of_losing_on_a_hand_made_company():
    # as_of 2025-12-01, no cost column, margin rate 0.5. New customers won 12–24 months
    # before as_of: N (first 2024-03-01, 1000 in its first year) → new customer margin
    # 1000 · 0.5 = 500 a year. Last 12 months: K 10 000 (margin 5000), N 1000 (500).
    # retention 0.5, d 0, 2 years: LTV = margin · 1.5.
    data = invoices(
        [
            ("K", "2023-01-01", 9000),
            ("K", "2025-06-01", 10000),
            ("N", "2024-03-01", 1000),
            ("N", "2025-04-01", 1000),
        ]
    )
    result = cost_of_losing(
        data, AS_OF, 0.5, discount_rate=0.0, years=2, margin_rate=0.5, acquisition_cost=250
    )
    new = result["new_customer"]
    assert new["margin_per_year"] == pytest.approx(500)
    assert new["lifetime_value"] == pytest.approx(750)
    assert new["net_value"] == pytest.approx(500)
    table = result["table"]
    assert table.index.tolist() == ["average customer", "K", "N"]
    assert table.loc["K", "lifetime_value"] == pytest.approx(7500)
    assert table.loc["K", "new_customers_to_replace"] == 15  # 7500 / 500
    assert table.loc["K", "acquisition_spend"] == 15 * 250
    assert table.loc["average customer", "margin_12m"] == pytest.approx(2750)
    # when a new customer costs more to win than it brings, no number replaces a lost one
    costly = cost_of_losing(
        data, AS_OF, 0.5, discount_rate=0.0, years=2, margin_rate=0.5, acquisition_cost=1000
    )
    assert costly["table"]["new_customers_to_replace"].isna().all()


def test_budget_shift_and_its_break_even():
    # 10 customers of margin 1000, retention 0.5, d 0, 2 years: LTV = 1000 · (1 + r).
    # Budget 10 000 at 1000 each = 10 new customers worth 2000 → 20 000 + 15 000.
    # Moving 20 %: 8 new (16 000), retention 0.6 → 10 · 1600 = 16 000.
    kwargs = dict(acquisition_budget=10_000, acquisition_cost=1000, discount_rate=0.0, years=2)
    table = budget_shift(10, 1000, 0.5, 2000, share_moved=0.2, retention_gain=0.1, **kwargs)
    assert table.loc["as now", "total_value"] == pytest.approx(35_000)
    assert table.loc["moved", "total_value"] == pytest.approx(32_000)
    assert table.loc["moved", "new_customers"] == pytest.approx(8)
    # break even: 10 · 1000 · g = 2 · 2000 → g = 0.4
    even = break_even_retention_gain(
        10, 1000, 0.5, 2000, moved=2000, acquisition_cost=1000, discount_rate=0.0, years=2
    )
    assert even == pytest.approx(0.4, abs=1e-9)
    hopeless = break_even_retention_gain(
        10, 1000, 0.5, 2000, moved=10_000, acquisition_cost=1000, discount_rate=0.0, years=2
    )
    assert math.isnan(hopeless)
