"""Value-based segmentation in words (``helpers.words.segmentation``) on the hand-made company
of ``tests/analysis/segmentation_company``: how value and potential were measured, the time
budget, the next step with each customer and why value is revenue when margin was asked for."""

import pandas as pd
import pytest

from helpers.analysis import segmentation as seg
from helpers.language import ENGLISH, Language
from helpers.words import segmentation as words
from tests.analysis import segmentation_company as company
from tests.analysis.segmentation_company import AS_OF


@pytest.fixture
def invoices():
    return company.invoices()


@pytest.fixture
def customers():
    return company.customers()


@pytest.fixture
def table():
    return company.table()


def test_margin_asked_for_without_costs(invoices, customers):
    holes = invoices.assign(cost=invoices["cost"].where(invoices["customer_id"] != "C"))
    measure, note, lines = seg.value_measure(holes, AS_OF, seg.MARGIN)
    reason = words.value_note_in_words(note, lines, ENGLISH)
    assert measure == seg.REVENUE and "1 invoice line" in reason
    assert reason == "1 invoice line(s) of the last 12 months have no cost, so value is revenue"
    no_column = seg.value_measure(invoices.drop(columns="cost"), AS_OF, seg.MARGIN)
    assert words.value_note_in_words(*no_column[1:], ENGLISH) == (
        "the invoices have no cost column, so value is revenue"
    )
    assert (
        words.value_note_in_words(*seg.value_measure(invoices, AS_OF, seg.MARGIN)[1:], ENGLISH)
        == ""
    )
    assert words.value_note_in_words(note, lines, Language("fi")).startswith("1 viimeisten")
    fallback = seg.segments(holes, AS_OF, customers, value=seg.MARGIN)
    text = words.potential_in_words(fallback, customers, ENGLISH)
    assert text.startswith("You asked for margin, but the invoices lack costs")


def test_nobody_bought_lately():
    old = pd.DataFrame(
        {
            "customer_id": ["X", "Y"],
            "date": pd.to_datetime(["2020-01-01", "2020-02-01"]),
            "amount": [10.0, 20.0],
        }
    )
    table = seg.segments(old, pd.Timestamp("2025-01-01"))
    assert "every customer is dormant" in words.potential_in_words(table, None, ENGLISH)


def test_service_model_covers_every_segment(table):
    assert set(words.SERVICE_MODEL) == set(seg.SEGMENTS) == set(seg.SERVICE_HOURS)
    model = words.service_model(seg.segment_summary(table), ENGLISH)
    assert list(model.columns) == ["customers", "who", "what", "hours_per_year"]
    assert model.loc[seg.KEY_ACCOUNT, "who"].startswith("a named owner")
    assert model["hours_per_year"].sum() == 55


def test_potential_and_time_in_words(table, customers):
    text = words.potential_in_words(table, customers, ENGLISH)
    assert "High value: the largest 20% of the 6 customers who bought, from €1,500 up." in text
    assert "Potential by share of wallet (2 customers)" in text
    assert "Potential by growth trend (4 customers;" in text
    assert "New customers (2: their first invoice falls after the start of" in text
    one = pd.DataFrame({"customer_id": ["A"], "date": [AS_OF], "amount": [5.0]})
    assert "Add a wallet column" in words.potential_in_words(
        seg.segments(one, AS_OF), None, ENGLISH
    )
    summary = seg.segment_summary(table)
    short = words.time_budget_in_words(summary, 50, ENGLISH)
    assert "asks for 55 hours" in short and "5 hours short" in short
    assert "it fits" in words.time_budget_in_words(summary, 100, ENGLISH)


def test_time_budget_in_swedish(table):
    sv = words.time_budget_in_words(seg.segment_summary(table), 50, Language("sv"))
    assert "55" in sv and "timmar" in sv
