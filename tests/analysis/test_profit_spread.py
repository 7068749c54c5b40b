"""Where the profit comes from (``helpers.analysis.profit_spread``): the whale curve and the
price × cost-to-serve map, pinned on examples small enough to check by hand."""

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
