"""The plan's plots: the bridge of revenue won, kept and lost."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from helpers.analysis.keep_and_win import won_and_lost_12m  # noqa: E402
from helpers.language import Language  # noqa: E402
from helpers.plots.plan import plot_won_and_lost  # noqa: E402

AS_OF = pd.Timestamp("2025-12-31")


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.fixture
def lines():
    rows = [
        ("O", "2021-01-01", 10.0),
        ("K", "2024-06-01", 100.0),
        ("K", "2025-06-01", 80.0),
        ("L", "2024-07-01", 50.0),
        ("N", "2025-05-01", 30.0),
    ]
    frame = pd.DataFrame(rows, columns=["customer_id", "date", "amount"])
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def test_the_bridge_bars_start_and_end_at_the_two_years(lines):
    ax = plot_won_and_lost(won_and_lost_12m(lines, AS_OF), lang=Language("en"))
    ax.figure.canvas.draw()
    bars = [(round(p.get_y(), 2), round(p.get_height(), 2)) for p in ax.patches]
    # 150 before; lost −50 (100…150); kept −20 (80…100); new +30 (80…110); 110 now
    assert bars == [(0, 150), (100, 50), (80, 20), (80, 30), (0, 110)]
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels == [
        "12 months before",
        "lost customers",
        "kept customers",
        "new customers",
        "last 12 months",
    ]
    assert any("1 customer" in t.get_text() for t in ax.texts)


def test_a_short_history_says_why_instead_of_drawing(lines):
    short = lines.loc[lines["date"] >= "2024-06-01"]
    ax = plot_won_and_lost(won_and_lost_12m(short, AS_OF), lang=Language("fi"))
    assert not ax.patches and ax.texts[0].get_text().startswith("Kuvaa ei voi piirtää")
