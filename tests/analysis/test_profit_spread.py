"""Where the profit comes from (``helpers.analysis.profit_spread``): the whale curve and the
price × cost-to-serve map, pinned on examples small enough to check by hand."""

import math

import pandas as pd
import pytest

from helpers.analysis import profit_spread


def test_whale_curve_and_figures_by_hand():
    profit = pd.Series({"a": 60.0, "b": -10.0, "c": 50.0})
    curve = profit_spread.whale_curve(profit)
    assert curve["profit_share"].tolist() == pytest.approx([0, 0.6, 1.1, 1.0])
    assert curve["customer_share"].tolist() == pytest.approx([0, 1 / 3, 2 / 3, 1])
    assert curve["customer_id"].tolist() == ["", "a", "c", "b"]
    figures = profit_spread.whale_figures(profit)
    assert figures["accounts"] == 3 and figures["accounts_losing_money"] == 1
    assert figures["accounts_losing_money_share"] == pytest.approx(1 / 3)
    assert figures["loss_total"] == pytest.approx(10) and figures["profit_total"] == 100
    assert figures["top20_profit_share"] == pytest.approx(0.6)  # ⌈0.6⌉ = 1 account
    assert figures["whale_peak_share"] == pytest.approx(1.1)
    assert figures["whale_peak_accounts_share"] == pytest.approx(2 / 3)


def test_whale_figures_without_profit_or_with_a_total_loss():
    empty = profit_spread.whale_figures(pd.Series([float("nan")] * 2))
    assert empty["accounts"] == 0 and empty["accounts_losing_money"] is None
    losing = profit_spread.whale_figures(pd.Series([10.0, -30.0]))
    assert losing["accounts_losing_money_share"] == 0.5
    assert pd.isna(losing["top20_profit_share"]) and pd.isna(losing["whale_peak_share"])
    assert profit_spread.whale_curve(pd.Series([10.0, -30.0]))["profit_share"].isna().all()


def test_price_cost_map_quadrants():
    table = pd.DataFrame(
        {
            "revenue": [100.0, 100.0, 100.0, 100.0],
            "discount_share": [0.0, 0.0, 0.3, 0.3],
            "hours_cost": [10.0, 80.0, 10.0, 80.0],
            "profit": [50.0, 5.0, 20.0, -40.0],
        },
        index=pd.Index(list("abcd"), name="customer_id"),
    )
    frame = profit_spread.price_cost_map(table)
    # weighted medians: lower middle value -> price line 0.7, cost line 0.1
    assert frame.attrs["price_line"] == pytest.approx(0.7)
    assert frame.attrs["cost_line"] == pytest.approx(0.1)
    assert frame["quadrant"].tolist() == [
        "pays well, cheap to serve",
        "pays well, costly to serve",
        "pays well, cheap to serve",  # at the price line counts as paying well
        "pays well, costly to serve",
    ]
    assert frame.loc["d", "cost_to_serve"] == pytest.approx(0.8)
    assert profit_spread.price_cost_map(table.assign(discount_share=float("nan"))).empty


def test_letting_go_the_loss_makers_both_bounds_by_hand():
    table = pd.DataFrame(
        {
            "profit": [60.0, 50.0, -10.0],
            "margin": [80.0, 70.0, 30.0],
            "hours": [1.0, 1.0, 2.0],
            "hours_cost": [20.0, 20.0, 40.0],
        },
        index=["a", "b", "c"],
    )
    figures = profit_spread.letting_go(table)
    assert figures["accounts"] == 1 and figures["loss"] == 10 and figures["margin"] == 30
    assert figures["hours"] == 2 and figures["hours_cost"] == 40
    assert figures["profit_now"] == 100
    assert figures["profit_if_costs_go"] == 110  # the whale's peak
    assert figures["profit_if_costs_stay"] == 70  # the hours still paid: their margin lost
    below_zero = table.assign(margin=[80.0, 70.0, -5.0], hours_cost=[20.0, 20.0, 5.0])
    assert profit_spread.letting_go(below_zero)["profit_if_costs_stay"] == 105  # up anyway


def test_letting_go_without_profit_or_without_loss_makers():
    nothing = profit_spread.letting_go(
        pd.DataFrame(
            {"profit": [float("nan")], "margin": [1.0], "hours": [1.0], "hours_cost": [1.0]}
        )
    )
    assert nothing["accounts"] == 0 and math.isnan(nothing["profit_now"])
    fine = profit_spread.letting_go(
        pd.DataFrame({"profit": [5.0], "margin": [9.0], "hours": [1.0], "hours_cost": [4.0]})
    )
    assert fine["accounts"] == 0 and fine["profit_if_costs_stay"] == fine["profit_now"] == 5


def test_top_share_is_the_top_fifth_of_any_measure():
    assert profit_spread.top_share(pd.Series([60.0, 50.0, -10.0])) == pytest.approx(0.6)
    six = pd.Series([50.0, 30.0, 10.0, 5.0, 3.0, 2.0])  # ⌈1.2⌉ = 2 accounts: 80 of 100
    assert profit_spread.top_share(six) == pytest.approx(0.8)
    assert math.isnan(profit_spread.top_share(pd.Series([-1.0, -2.0])))
