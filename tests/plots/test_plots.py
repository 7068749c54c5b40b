"""Plots return Axes with the expected bars and lines."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from helpers import plots  # noqa: E402
from helpers.analysis.concentration import lorenz_curve, revenue_by_customer  # noqa: E402
from helpers.analysis.freshness import cohort_revenue, new_customers_per_quarter  # noqa: E402
from helpers.analysis.pricing import price_index_by_tenure, tenure_price_table  # noqa: E402
from helpers.language import ENGLISH, Language  # noqa: E402

AS_OF = pd.Timestamp("2024-12-31")


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.fixture
def invoices():
    rows = [
        ("A", "2022-03-01", 100, 1),
        ("A", "2023-03-01", 95, 1),
        ("A", "2024-03-01", 90, 1),
        ("B", "2023-06-01", 100, 1),
        ("B", "2024-06-01", 100, 1),
        ("C", "2024-07-01", 110, 1),
        ("D", "2024-08-01", 20, 1),
    ]
    data = pd.DataFrame(rows, columns=["customer_id", "date", "amount", "quantity"])
    data["date"] = pd.to_datetime(data["date"])
    data["amount"] = data["amount"].astype(float)
    data["quantity"] = data["quantity"].astype(float)
    return data


def test_price_index_by_tenure_plot(invoices):
    table = tenure_price_table(invoices, AS_OF)
    ax = plots.pricing.plot_price_index_by_tenure(table, lang=ENGLISH)
    # median points, mean line, reference line at 1.0
    assert len(ax.get_lines()) == 3
    assert ax.get_lines()[2].get_ydata()[0] == 1.0
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    # With the line-level table the lines appear as one scatter.
    _, ax2 = plt.subplots()
    out = plots.pricing.plot_price_index_by_tenure(
        table, ax=ax2, lines=price_index_by_tenure(invoices, AS_OF), lang=ENGLISH
    )
    assert out is ax2
    assert len(ax2.collections) == 1


def test_new_customers_per_quarter_plot(invoices):
    series = new_customers_per_quarter(invoices, AS_OF)  # 2022Q1 … 2024Q4 = 12 quarters
    ax = plots.freshness.plot_new_customers_per_quarter(series, lang=ENGLISH)
    assert len(ax.patches) == 12 == len(series)
    assert [p.get_height() for p in ax.patches] == list(series)


def test_cohort_revenue_plot(invoices):
    table = cohort_revenue(invoices, AS_OF)  # cohorts 2022, 2023, 2024 × years 2022–2024
    ax = plots.freshness.plot_cohort_revenue(table, lang=ENGLISH)
    assert len(ax.patches) == 3 * 3
    assert len(ax.get_legend().get_texts()) == 3


def test_lorenz_plot(invoices):
    ax = plots.concentration.plot_lorenz(lorenz_curve(invoices, AS_OF), lang=ENGLISH)
    assert len(ax.get_lines()) == 2  # curve and diagonal


def test_revenue_by_customer_plot(invoices):
    series = revenue_by_customer(invoices, AS_OF)  # A 285, B 200, C 110, D 20
    ax = plots.concentration.plot_revenue_by_customer(series, top=3, lang=ENGLISH)
    assert len(ax.patches) == 3
    # Largest on top: barh draws from the bottom, so the last bar is A.
    assert ax.patches[-1].get_width() == 285
    labels = [text.get_text() for text in ax.texts]
    assert labels[-1] == f"{285 / 615:.0%}"
    assert "top 3 of 4" in ax.get_title()


def test_price_index_plot_says_so_when_there_are_no_prices():
    empty = pd.DataFrame(
        columns=["mean_price_index", "median_price_index"],
        index=pd.Index([], name="tenure_year", dtype=int),
    )
    ax = plots.pricing.plot_price_index_by_tenure(empty, lang=ENGLISH)
    assert [t.get_text() for t in ax.texts] == ["No unit prices to compare"]


@pytest.mark.parametrize(
    "language, value, label",
    [
        ("en", 250_000, "€250K"),
        ("en", 1_200_000, "€1.2M"),
        ("fi", 250_000, "250\xa0t.\xa0€"),
        ("sv", 1_000_000, "1\xa0mn\xa0€"),
        ("en", 0, "€0"),
    ],
)
def test_money_labels_are_short_in_the_reports_language(language, value, label):
    assert plots.common.money_formatter(Language(language))(value, None) == label


def test_money_ticks_on_a_wide_axis_do_not_run_into_each_other():
    series = pd.Series([612_000.0, 420_000.0, 80_000.0], index=["Rakennus Lahtinen Oy", "B", "C"])
    ax = plots.concentration.plot_revenue_by_customer(series, lang=ENGLISH)
    ax.figure.canvas.draw()
    boxes = [t.get_window_extent() for t in ax.get_xticklabels() if t.get_text()]
    assert len(boxes) <= 6
    assert all(a.x1 < b.x0 for a, b in zip(boxes, boxes[1:], strict=False))  # no overlap


def test_cohort_plot_shows_the_tallest_stack_whole(invoices):
    table = cohort_revenue(invoices, AS_OF)
    ax = plots.freshness.plot_cohort_revenue(table, lang=ENGLISH)
    assert ax.get_ylim()[1] >= table.sum().max() * 1.05


def test_revenue_by_year_plot_in_the_readers_language_and_currency():
    by_year = pd.Series([1000.0, 250_000.0], index=pd.Index([2024, 2025], name="year"))
    ax = plots.overview.plot_revenue_by_year(by_year, lang=Language("sv", "SEK", strict=True))
    assert len(ax.patches) == 2
    assert "SEK" in ax.get_ylabel() and ax.get_title() != "Revenue per year"
    ax = plots.overview.plot_revenue_by_year(by_year, lang=ENGLISH)
    assert ax.get_ylabel() == "Revenue (EUR, excl. VAT)"


def test_plots_take_the_language_by_keyword_only(invoices):
    with pytest.raises(TypeError):
        plots.concentration.plot_lorenz(lorenz_curve(invoices, AS_OF), None, "en")
