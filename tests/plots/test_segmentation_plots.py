"""Plots of notebook 02 draw what they say, from five customers to twenty thousand."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.collections import PolyCollection  # noqa: E402

from helpers.analysis import ownership, pareto  # noqa: E402
from helpers.analysis import segmentation as seg  # noqa: E402
from helpers.language import ENGLISH, Language  # noqa: E402
from helpers.plots import segmentation as plots  # noqa: E402

AS_OF = pd.Timestamp("2025-12-31")


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.fixture
def small():
    rows = [
        ("A", "2024-06-15", 1000),
        ("A", "2025-06-15", 3000),
        ("B", "2024-06-15", 2000),
        ("B", "2025-03-15", 1500),
        ("C", "2024-05-10", 500),
        ("C", "2025-05-10", 450),
        ("D", "2025-08-01", 800),
        ("E", "2024-03-01", 700),
    ]
    invoices = pd.DataFrame(rows, columns=["customer_id", "date", "amount"])
    invoices["date"] = pd.to_datetime(invoices["date"])
    invoices["amount"] = invoices["amount"].astype(float)
    customers = pd.DataFrame(
        {
            "customer_id": ["A", "B"],
            "name": ["Aalto Oy", "Björk Ab"],
            "owner": ["Liisa", "Matti"],
            "wallet": [10000.0, 1600.0],
        }
    )
    return invoices, customers


def many(n: int = 20000, lines: int = 120000) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(7)
    customer = rng.integers(0, n, lines)
    size = np.exp(rng.normal(6, 1.5, n))
    ids = np.array([f"K{i:05d}" for i in range(n)])
    invoices = pd.DataFrame(
        {
            "customer_id": ids[customer],
            "date": pd.Timestamp("2023-01-01")
            + pd.to_timedelta(rng.integers(0, 1095, lines), unit="D"),
            "amount": size[customer] * rng.uniform(0.5, 1.5, lines),
        }
    )
    wallet = np.where(rng.uniform(size=n) < 0.7, size * 4 * rng.uniform(0.3, 3, n), np.nan)
    customers = pd.DataFrame(
        {"customer_id": ids, "name": [f"Firm {i}" for i in range(n)], "wallet": wallet}
    )
    return invoices, customers


def test_pareto_marks_the_top_fifth(small):
    invoices, _ = small
    ax = plots.plot_pareto(
        pareto.pareto_curve(invoices, AS_OF),
        recent=pareto.pareto_curve(invoices, AS_OF, 365),
        lang=ENGLISH,
    )
    # diagonal, two curves, one marked point per curve, two reference lines
    assert len(ax.lines) == 7
    labels = [text.get_text() for text in ax.texts]
    assert labels[0] == "largest 1 of 5: 40%"  # A 4000 of 10000 over all years


def test_percent_ticks_are_written_as_in_the_language(small):
    invoices, _ = small
    curve = pareto.pareto_curve(invoices, AS_OF)
    for lang, twenty in (
        (ENGLISH, "20%"),
        (Language("fi"), "20\xa0%"),
        (Language("sv"), "20\xa0%"),
    ):
        ax = plots.plot_pareto(curve, lang=lang)
        ax.figure.canvas.draw()
        ticks = [t.get_text() for t in ax.get_yticklabels()]
        assert twenty in ticks, ticks
        plt.close(ax.figure)


def test_matrix_one_panel_per_basis_with_names_in_a_key(small):
    invoices, customers = small
    table = seg.segments(invoices, AS_OF, customers)
    panels = plots.plot_segment_matrix(table, lang=ENGLISH)
    assert len(panels) == 2  # A, B by wallet; C, D by growth trend
    wallet, trend = panels
    assert "2 customers placed by share of wallet" in wallet.get_title()
    texts = " ".join(t.get_text() for t in wallet.texts)
    # 4 bought: the top ⌈0.8⌉ = 1 (A) is high value; B has 1 − 1500/1600 of its wallet left
    assert "1 Aalto Oy" in texts and "key account: 1" in texts and "serve: 1" in texts
    assert "1 dormant not shown" in wallet.figure.texts[0].get_text()
    assert not any(isinstance(c, PolyCollection) for c in wallet.collections)


def test_matrix_of_twenty_thousand_customers_uses_a_density():
    invoices, customers = many()
    table = seg.segments(invoices, invoices["date"].max(), customers)
    panels = plots.plot_segment_matrix(table, label_top=8, lang=ENGLISH)
    for ax in panels:
        assert any(isinstance(c, PolyCollection) for c in ax.collections)  # the hexbin
        numbered = [t for t in ax.texts if t.get_text().isdigit()]
        assert len(numbered) == 8


def test_matrix_when_nobody_bought_lately():
    old = pd.DataFrame(
        {"customer_id": ["X"], "date": [pd.Timestamp("2020-01-01")], "amount": [10.0]}
    )
    panels = plots.plot_segment_matrix(seg.segments(old, AS_OF), lang=ENGLISH)
    assert len(panels) == 1 and "Nobody bought" in panels[0].texts[0].get_text()


def test_time_budget_and_owners(small):
    invoices, customers = small
    table = seg.segments(invoices, AS_OF, customers)
    ax = plots.plot_time_budget(seg.segment_summary(table), hours_available=30, lang=ENGLISH)
    assert [p.get_width() for p in ax.patches][-1] == 30
    assert sum(p.get_width() for p in ax.patches[:-1]) == table["hours_per_year"].sum()
    ax = plots.plot_value_by_owner(ownership.value_by_owner_and_segment(table), lang=ENGLISH)
    # Liisa 3000, Matti 1500, no owner 1250 (C, D, E); the largest is drawn at the top
    assert [t.get_text() for t in ax.get_yticklabels()] == ["(no owner)", "Matti", "Liisa"]


def test_the_money_axis_takes_the_currency_of_the_language(small):
    invoices, customers = small
    table = seg.segments(invoices, AS_OF, customers)
    sek = Language("sv", "SEK")
    ax = plots.plot_value_by_owner(ownership.value_by_owner_and_segment(table), lang=sek)
    assert "kr" in ax.xaxis.get_major_formatter()(2000, 0)
    assert ax.get_title().startswith("Vems kunder?")


def test_matrix_shades_the_valuable_fifth_and_splits_only_it(small):
    invoices, customers = small
    table = seg.segments(invoices, AS_OF, customers, key_share=1.0)  # the fifth: A B C D
    wallet, _trend = plots.plot_segment_matrix(table, lang=ENGLISH)
    # the fifth starts at its lowest value and is cut at its median (A B | C D by value)
    lines = {tuple(line.get_xdata()) for line in wallet.lines}
    assert (table.attrs["value_cutoff"],) * 2 in lines and (
        table.attrs["split_cutoff"],
    ) * 2 in lines
    texts = " ".join(t.get_text() for t in wallet.texts)
    assert "the valuable fifth →" in texts and "maintain: 0" in texts


def test_years_and_value_marks_each_groups_median(small):
    invoices, customers = small
    table = seg.segments(invoices, AS_OF, customers)  # the fifth: A; the many: B C D
    ax = plots.plot_years_and_value(table, lang=ENGLISH)
    medians = sorted(line.get_xdata()[0] for line in ax.lines)
    years = table["tenure_years"]
    assert medians == pytest.approx(sorted([years["A"], years[["B", "C", "D"]].median()]))
    labels = [text.get_text() for text in ax.get_legend().get_texts()]
    assert labels[:2] == ["serve", "key account"] and "median, the many" in labels
    assert ax.get_title() == "Are your most valuable customers your oldest?"
    fi = plots.plot_years_and_value(table, lang=Language("fi"))
    assert fi.get_xlabel().startswith("Vuosia asiakkaana")
