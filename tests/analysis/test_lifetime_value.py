"""Lifetime value, the cost of losing a customer and the budget what-if, by hand."""

import math

import numpy as np
import pytest

from helpers.analysis.lifetime_value import (
    break_even_retention_gain,
    budget_shift,
    budget_what_if,
    cost_of_losing,
    lifetime_figures,
    lifetime_value,
    margin_12m_by_customer,
    value_over_horizon,
    what_if_sides,
    yearly_value_by_customer,
)
from tests.analysis.notebook05_frames import AS_OF, frame, invoices


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


# as_of 2025-12-01, no cost column, margin rate 0.5.
#   K first 2023-01-01 (9000), 2024-06-01 (5000: in its second year), 2025-06-01 (10 000)
#   L first 2023-02-01 (100), never again: not back in its second year
#   N first 2024-03-01 (1000: its whole first year), 2025-04-01 (1000)
# New customers' second-year retention (first purchase by 2023-12-02): K yes, L no -> 0.5.
# New customers won 12–24 months before as_of: N, 1000 in its first year -> 1000 · 0.5 =
# 500 a year. Last 12 months: K 10 000 (margin 5000), N 1000 (500). With retention 0.5,
# d 0, 2 years: LTV = value · 1.5.
HAND_MADE = invoices(
    [
        ("K", "2023-01-01", 9000),
        ("L", "2023-02-01", 100),
        ("K", "2024-06-01", 5000),
        ("N", "2024-03-01", 1000),
        ("N", "2025-04-01", 1000),
        ("K", "2025-06-01", 10000),
    ]
)
TWO_YEARS = dict(discount_rate=0.0, years=2, margin_rate=0.5)


def test_cost_of_losing_on_a_hand_made_company():
    result = cost_of_losing(HAND_MADE, AS_OF, 0.5, acquisition_cost=250, **TWO_YEARS)
    new = result["new_customer"]
    assert new["retention"] == 0.5 and new["retention_customers"] == 2
    assert new["value_per_year"] == pytest.approx(500)
    assert new["lifetime_value"] == pytest.approx(750)
    assert new["net_value"] == pytest.approx(500)
    assert result["basis"] == "margin" and result["new_customers_12m"] == 0
    table = result["table"]
    assert table.index.tolist() == ["average customer", "K", "N"]
    assert table.loc["K", "lifetime_value"] == pytest.approx(7500)
    assert table.loc["K", "new_customers_to_replace"] == 15  # 7500 / 500
    assert table.loc["K", "acquisition_spend"] == 15 * 250
    assert table.loc["average customer", "margin_12m"] == pytest.approx(2750)
    # when a new customer costs more to win than it brings, no number replaces a lost one
    costly = cost_of_losing(HAND_MADE, AS_OF, 0.5, acquisition_cost=1000, **TWO_YEARS)
    assert costly["table"]["new_customers_to_replace"].isna().all()


def test_a_new_customer_stays_with_the_measured_second_year_retention():
    # the existing customers stay with 0.8 a year, a new one with the measured 0.5
    result = cost_of_losing(HAND_MADE, AS_OF, 0.8, acquisition_cost=250, **TWO_YEARS)
    assert result["table"].loc["K", "lifetime_value"] == pytest.approx(5000 * 1.8)
    assert result["new_customer"]["lifetime_value"] == pytest.approx(500 * 1.5)
    figures = lifetime_figures(result)
    assert figures["lifetime_value_retention"] == 0.5
    assert figures["lifetime_value_retention_reason"] is None
    # nobody first bought two years ago: no retention for a new customer, no replacing
    young = HAND_MADE.loc[HAND_MADE["customer_id"] == "N"]
    short = lifetime_figures(cost_of_losing(young, AS_OF, 0.8, acquisition_cost=250))
    assert math.isnan(short["lifetime_value_retention"])
    assert short["lifetime_value_retention_reason"] == "no_customer_two_years_old"
    assert math.isnan(short["new_customers_to_replace_largest"])


def test_with_hours_a_year_is_worth_its_profit_after_cost_to_serve():
    hours = frame(
        [("K", "2025-06-02", 10.0), ("N", "2024-06-01", 5.0)], ["customer_id", "date", "hours"]
    )
    table, basis = yearly_value_by_customer(HAND_MADE, AS_OF, 0.5, hours, 100.0)
    assert basis == "profit"
    assert table.loc["K", "profit_12m"] == pytest.approx(5000 - 10 * 100)
    assert table.loc["N", "profit_12m"] == pytest.approx(500)  # its hours are older
    result = cost_of_losing(
        HAND_MADE, AS_OF, 0.5, acquisition_cost=250, hours=hours, hourly_cost=100.0, **TWO_YEARS
    )
    assert result["basis"] == "profit" and result["hourly_cost"] == 100.0
    assert result["table"].loc["K", "lifetime_value"] == pytest.approx(4000 * 1.5)
    # a new customer at the company's profit rate: (4000 + 500) / 11 000 of 1000 a year
    assert result["new_customer"]["value_per_year"] == pytest.approx(1000 * 4500 / 11000)
    without_rate = cost_of_losing(HAND_MADE, AS_OF, 0.5, hours=hours, **TWO_YEARS)
    assert without_rate["basis"] == "margin"


# The what-if: 10 customers worth 1000 a year at retention 0.5; a new customer is worth
# 1000 a year at 0.5 too; budget 10 000 at 1000 each = 10 new customers a year; d 0.
WHAT_IF = dict(acquisition_budget=10_000, acquisition_cost=1000, discount_rate=0.0)


def test_budget_shift_counts_both_sides_over_the_same_years():
    # 2 years. As now: kept 10 · 1000 · (1 + 0.5) = 15 000; new: the first year's 10 bring
    # 1000 + 500 each, the second year's 1000 each: 25 000 → 40 000.
    # Moved 20 % with +0.1: 8 new a year; kept 10 · 1000 · 1.6 = 16 000; new 8 · 1600 +
    # 8 · 1000 = 20 800 → 36 800. Lost: 2 a year × (1500 + 1000) = 5000; gained 1800.
    table = budget_shift(
        10, 1000, 0.5, 1000, 0.5, share_moved=0.2, retention_gain=0.1, years=2, **WHAT_IF
    )
    assert table.loc["as now", "total_value"] == pytest.approx(40_000)
    assert table.loc["moved", "total_value"] == pytest.approx(36_800)
    assert table.loc["moved", "new_customers"] == pytest.approx(8)
    assert table["years"].tolist() == [2, 2]  # the horizon, on both sides
    sides = what_if_sides(table, 1000, 0.0)
    assert sides == pytest.approx({"years": 2, "lost": 5000, "gained": 1800, "difference": -3200})
    # break even: 10 · 1000 · g + 8 · 1000 · g = 5000 → g = 0.2778
    even = break_even_retention_gain(10, 1000, 0.5, 1000, 0.5, moved=2000, years=2, **WHAT_IF)
    assert even == pytest.approx(5000 / 18000, abs=1e-9)
    hopeless = break_even_retention_gain(10, 1000, 0.5, 1000, 0.5, moved=10_000, years=2, **WHAT_IF)
    assert math.isnan(hopeless)


def test_with_a_one_year_horizon_the_lift_has_no_time_to_pay():
    # this year's customers are here this year anyway: a lift shows from the second year on
    table = budget_shift(
        10, 1000, 0.5, 1000, 0.5, share_moved=0.2, retention_gain=0.1, years=1, **WHAT_IF
    )
    sides = what_if_sides(table, 1000, 0.0)
    assert sides["gained"] == pytest.approx(0) and sides["lost"] == pytest.approx(2 * 1000)


def simulate(customers, value, retention, new_value, new_retention, new_per_year, d, years):
    """The slow obvious way: year by year, who is still there and what they bring."""
    total = 0.0
    for t in range(years):
        here = customers * retention**t * value
        for won in range(t + 1):  # the groups won in the years up to t
            here += new_per_year * new_retention ** (t - won) * new_value
        total += here / (1 + d) ** t
    return total


@pytest.mark.parametrize("years", [1, 2, 5, 8])
@pytest.mark.parametrize("discount", [0.0, 0.08])
def test_the_what_if_gives_the_same_answer_whichever_side_holds_the_horizon(years, discount):
    # Follow both scenarios year by year to the same horizon: the money moved every year,
    # the lift lasting every year. The what-if's two sides must add up to that, and each
    # side alone must be the same years: the lost groups of new customers counted to the
    # horizon, and the lift on the customers kept counted to the same horizon.
    args = dict(acquisition_budget=20_000, acquisition_cost=2000, discount_rate=discount)
    table = budget_shift(
        101, 2400, 0.714, 1250, 0.36, share_moved=0.25, retention_gain=0.02, years=years, **args
    )
    now = simulate(101, 2400, 0.714, 1250, 0.36, 10, discount, years)
    moved = simulate(101, 2400, 0.734, 1250, 0.38, 7.5, discount, years)
    assert table.loc["as now", "total_value"] == pytest.approx(now)
    assert table.loc["moved", "total_value"] == pytest.approx(moved)
    sides = what_if_sides(table, 1250, discount)
    lost = simulate(0, 0, 0, 1250, 0.36, 2.5, discount, years)  # the groups never won
    assert sides["lost"] == pytest.approx(lost)
    assert sides["gained"] == pytest.approx(moved - (now - lost))
    assert sides["difference"] == pytest.approx(moved - now)
    # and the other way round: moving the money back gives the same answer, turned over
    back = budget_shift(
        101,
        2400,
        0.734,
        1250,
        0.38,
        share_moved=-1 / 3,
        retention_gain=-0.02,
        years=years,
        acquisition_budget=15_000,
        acquisition_cost=2000,
        discount_rate=discount,
    )
    assert back.loc["moved", "total_value"] - back.loc["as now", "total_value"] == pytest.approx(
        now - moved
    )


def test_value_over_horizon_by_hand():
    assert value_over_horizon(1, 100, 0.5, 0.0, 2) == pytest.approx(250)
    assert value_over_horizon(2, 100, 0.5, 0.0, 0) == 0.0


def test_budget_what_if_on_the_numbers_of_cost_of_losing():
    cost = cost_of_losing(HAND_MADE, AS_OF, 0.5, acquisition_cost=250, **TWO_YEARS)
    what_if = budget_what_if(
        cost,
        0.5,
        acquisition_budget=1000,
        acquisition_cost=250,
        share_moved=0.5,
        retention_gain=0.1,
        discount_rate=0.0,
        years=2,
    )
    table = what_if["table"]
    assert table.loc["as now", "new_customer_retention"] == 0.5
    assert table.loc["moved", "new_customer_retention"] == pytest.approx(0.6)
    assert what_if["sides"]["years"] == 2
    # 2 new a year fewer, each worth 500 + 250 (first group) or 500 (second) -> 2500 lost
    assert what_if["sides"]["lost"] == pytest.approx(2500)
