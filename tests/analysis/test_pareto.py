"""The 80/20 rule and the ABC classes (``helpers.analysis.pareto``) on the hand-made company
of ``segmentation_company``."""

import pytest

from helpers.analysis import pareto
from helpers.analysis.concentration import concentration_figures
from tests.analysis import segmentation_company as company
from tests.analysis.segmentation_company import AS_OF


@pytest.fixture
def invoices():
    return company.invoices()


@pytest.fixture
def table():
    return company.table()


def test_pareto_curve_and_figures(invoices):
    curve = pareto.pareto_curve(invoices, AS_OF)
    assert curve.iloc[0].tolist() == [0.0, 0.0] and curve.iloc[-1].tolist() == [1.0, 1.0]
    # 7 customers with revenue > 0, sum 11090; the largest is A with 4000
    assert curve.loc[1, "revenue_share"] == pytest.approx(4000 / 11090)
    assert curve.loc[1, "customer_share"] == pytest.approx(1 / 7)
    figures = pareto.pareto_figures(invoices, AS_OF)
    expected = concentration_figures(invoices, AS_OF)
    assert figures["top20_revenue_share"] == expected["top20_revenue_share"]
    assert figures["top20_revenue_share"] == pytest.approx(7500 / 11040)  # ⌈1.4⌉ = 2
    assert figures["gini"] == expected["gini"]
    assert figures["top20_customers"] == 2
    # 4000, 3500, 950, 840 = 9290 ≥ 0.8 · 11090 = 8872: four customers
    assert figures["customers_for_80"] == 4
    # last 12 months: 5 with revenue > 0 (G is −50), top ⌈1.0⌉ = 1: 3000 / 6140
    assert figures["top20_revenue_share_12m"] == pytest.approx(3000 / 6140)
    recent = pareto.pareto_curve(invoices, AS_OF, 365)
    assert len(recent) == 6  # 5 customers with positive revenue in the window, plus (0, 0)


def test_abc_summary(table):
    # positive value 6190 largest first: A 3000 (before 0) B 1500 (.48) D 800 (.73) → A;
    # C 450 (.86) H 440 (.93) → B; G negative → C; dormant: none.
    summary = pareto.abc_summary(table)
    assert summary["customers"].tolist() == [3, 2, 1]
    assert summary.loc["A", "value_share"] == pytest.approx(5300 / 6190)
