"""Notebook 03's plots draw what they say, and say so when there is nothing to draw."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from helpers import plots  # noqa: E402
from helpers.analysis import account_value as av  # noqa: E402
from helpers.analysis import profit_spread  # noqa: E402
from helpers.language import ENGLISH, Language  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_whale_curve_marks_the_peak():
    whale = profit_spread.whale_curve(pd.Series([60.0, -10.0, 50.0]))
    ax = plots.account_value.plot_whale_curve(whale, lang=ENGLISH)
    curve = ax.lines[0]
    assert np.allclose(curve.get_ydata(), [0, 0.6, 1.1, 1.0])
    assert "peak 110%" in ax.texts[0].get_text()


def test_whale_curve_without_profit_says_so():
    ax = plots.account_value.plot_whale_curve(
        profit_spread.whale_curve(pd.Series([-5.0])), lang=ENGLISH
    )
    assert "No positive total profit" in ax.texts[0].get_text()


def test_price_cost_map_one_bubble_per_account_and_names():
    table = pd.DataFrame(
        {
            "revenue": [100.0, 50.0],
            "discount_share": [0.0, 0.3],
            "hours_cost": [10.0, 80.0],
            "profit": [50.0, -40.0],
        },
        index=pd.Index(["a", "b"], name="customer_id"),
    )
    ax = plots.account_value.plot_price_cost_map(
        profit_spread.price_cost_map(table), pd.Series({"b": "Bee"}), label=["b"], lang=ENGLISH
    )
    assert len(ax.collections[0].get_offsets()) == 2
    assert "Bee" in [t.get_text() for t in ax.texts]
    empty = plots.account_value.plot_price_cost_map(
        profit_spread.price_cost_map(table.iloc[:0]), lang=ENGLISH
    )
    assert "Needs list prices" in empty.texts[0].get_text()


def test_price_cost_map_names_only_the_largest_accounts():
    count = plots.account_value.MAX_NAMES + 3
    table = pd.DataFrame(
        {
            "revenue": np.arange(count, 0, -1) * 100.0,
            "discount_share": np.linspace(0, 0.3, count),
            "hours_cost": np.linspace(10, 90, count),
            "profit": -1.0,
        },
        index=pd.Index([f"c{i}" for i in range(count)], name="customer_id"),
    )
    ax = plots.account_value.plot_price_cost_map(
        profit_spread.price_cost_map(table), label=list(table.index), lang=Language("sv")
    )
    texts = [t.get_text() for t in ax.texts]
    assert "c0" in texts and f"c{plots.account_value.MAX_NAMES - 1}" in texts
    assert f"c{plots.account_value.MAX_NAMES}" not in texts  # the smaller ones are not named
    assert f"namngivna: de {plots.account_value.MAX_NAMES} största av {count}" in texts


def test_value_profile_and_rank_ranges():
    profile = pd.DataFrame(
        {
            "factual": [5.0, 1.0],
            "reference": [1.0, 4.0],
            "contact": [1.0, 4.0],
            "emotional": [1.0, np.nan],
            "learning": [1.0, 4.0],
        },
        index=pd.Index(["A", "B"], name="customer_id"),
    )
    ax = plots.account_value.plot_value_profile(
        profile.assign(total=av.total_value(profile)), lang=ENGLISH
    )
    assert len(ax.images) == 1 and len(ax.texts) == 11  # 12 cells, one not scored
    ranks = plots.account_value.plot_rank_ranges(av.rank_sensitivity(profile), lang=ENGLISH)
    assert [t.get_text() for t in ranks.get_yticklabels()] == ["A", "B"]
    nothing = plots.account_value.plot_rank_ranges(
        av.rank_sensitivity(profile.iloc[:0]), lang=ENGLISH
    )
    assert "No scores yet" in nothing.texts[0].get_text()


def test_the_whale_curve_in_finnish():
    whale = profit_spread.whale_curve(pd.Series([60.0, -10.0, 50.0]))
    ax = plots.account_value.plot_whale_curve(whale, lang=Language("fi"))
    assert ax.get_title().startswith("Valaskäyrä")
    assert "huippu 110\xa0%" in ax.texts[0].get_text()
    assert ax.yaxis.get_major_formatter()(0.5, 0) == "50\xa0%"
