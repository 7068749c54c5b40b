"""Notebook 05's plots return Axes with the expected bars, squares and labels."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from helpers.analysis import intervals, satisfaction  # noqa: E402
from helpers.language import ENGLISH  # noqa: E402
from helpers.plots import loyalty as loyalty_plots  # noqa: E402

AS_OF = pd.Timestamp("2025-12-01")


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def texts(ax):
    return [t.get_text() for t in ax.texts]


def by_score(rows):
    """rows: (answers, followed, repurchased) for scores 1..5."""
    table = pd.DataFrame(
        rows, columns=["answers", "followed", "repurchased"], index=[1, 2, 3, 4, 5]
    )
    table["rate"] = table["repurchased"] / table["followed"].where(table["followed"] > 0)
    table["ci_low"], table["ci_high"] = intervals.wilson_interval(
        table["repurchased"].to_numpy(), table["followed"].to_numpy()
    )
    return table


def test_commitment_matrix_has_four_cells_with_counts():
    summary = pd.DataFrame(
        {
            "customers": [1, 2, 3, 4],
            "buying_12m": [1, 2, 1, 0],
            "answered": [1, 1, 3, 0],
            "revenue_12m": [100.0, 200.0, 300.0, 0.0],
        },
        index=["ideal", "prisoner", "emotional tie", "risk"],
    )
    ax = loyalty_plots.plot_commitment_matrix(summary, lang=ENGLISH)
    assert len(ax.patches) == 4
    assert {"Ideal", "Prisoner", "Emotional tie", "Risk"} <= set(texts(ax))
    assert any("3 customers, 1 buying now" in t for t in texts(ax))
    assert any("€300 in 12 months" in t for t in texts(ax))  # money in the reader's language


def test_commitment_matrix_shows_unknown_commitment_in_a_column_of_its_own():
    summary = pd.DataFrame(
        {
            "customers": [1, 2, 3, 4, 5],
            "buying_12m": [1, 2, 1, 0, 3],
            "answered": [1, 1, 3, 4, 0],
            "bound": [1, 2, 0, 0, 2],
            "revenue_12m": [100.0, 200.0, 300.0, 0.0, 500.0],
        },
        index=["ideal", "prisoner", "emotional tie", "risk", "unknown"],
    )
    ax = loyalty_plots.plot_commitment_matrix(summary, lang=ENGLISH)
    assert len(ax.patches) == 5
    assert "Commitment\nunknown" in texts(ax)
    assert any("5 customers\n(2 bound)\n3 buying now\n€500" in t for t in texts(ax))
    assert [t.get_text() for t in ax.get_xticklabels()] == ["low", "high", "unknown"]
    assert ax.figure.get_size_inches()[0] > 7  # wider, so that the words fit
    nobody = summary.assign(customers=[1, 2, 3, 4, 0])
    assert len(loyalty_plots.plot_commitment_matrix(nobody, lang=ENGLISH).patches) == 4


def test_repurchase_plot_skips_scores_without_data():
    table = by_score([(0, 0, 0), (2, 2, 1), (5, 5, 2), (10, 10, 6), (20, 20, 18)])
    ax = loyalty_plots.plot_repurchase_by_score(table, lang=ENGLISH)
    assert len(ax.patches) == 4  # no bar for score 1
    assert "no data" in texts(ax) and "n = 20" in texts(ax)
    assert ax.get_title() and ax.get_ylabel()


def test_satisfaction_and_repurchase_plots_say_when_there_is_no_survey():
    empty = satisfaction.satisfaction_distribution(None, AS_OF)
    ax = loyalty_plots.plot_satisfaction_shares(empty, lang=ENGLISH)
    assert any("survey.csv" in t for t in texts(ax)) and not ax.patches
    table = by_score([(0, 0, 0)] * 5)
    ax = loyalty_plots.plot_repurchase_by_score(table, lang=ENGLISH)
    assert any("survey.csv" in t for t in texts(ax))


def test_satisfaction_plot_has_five_labelled_bars():
    distribution = pd.DataFrame({"answers": [1, 0, 2, 3, 4]}, index=[1, 2, 3, 4, 5])
    distribution["share"] = distribution["answers"] / 10
    ax = loyalty_plots.plot_satisfaction_shares(distribution, lang=ENGLISH)
    assert len(ax.patches) == 5
    assert ax.patches[4].get_height() == pytest.approx(0.4)


def test_cohort_heatmap_annotates_each_known_square():
    shares = pd.DataFrame([[1.0, 0.5], [np.nan, 1.0]], index=[2024, 2025], columns=[2024, 2025])
    sizes = pd.Series({2024: 2, 2025: 1})
    ax = loyalty_plots.plot_cohort_retention(shares, sizes, as_of=AS_OF, lang=ENGLISH)
    assert sorted(texts(ax)) == ["100%", "100%", "50%"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["2024 (2)", "2025 (1)"]
    assert "to 01.12." in ax.get_xticklabels()[-1].get_text()
    empty = loyalty_plots.plot_cohort_retention(pd.DataFrame(), pd.Series(dtype=int), lang=ENGLISH)
    assert texts(empty) == ["No customers to follow yet"]


def test_lifetime_plot_labels_replacement_counts():
    table = pd.DataFrame(
        {"lifetime_value": [1000.0, 5000.0], "new_customers_to_replace": [2.0, 10.0]},
        index=["average customer", "Big Oy"],
    )
    ax = loyalty_plots.plot_lifetime_values(table, 500.0, lang=ENGLISH)
    assert len(ax.patches) == 2
    assert "  = 10 new" in texts(ax)
    assert ax.get_lines()[0].get_xdata()[0] == 500.0
    unknown = table.assign(lifetime_value=np.nan, new_customers_to_replace=np.nan)
    ax = loyalty_plots.plot_lifetime_values(unknown, float("nan"), lang=ENGLISH)
    assert any("retention" in t for t in texts(ax))
