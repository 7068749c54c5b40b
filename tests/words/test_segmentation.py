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
    assert model["hours_per_year"].sum() == 49


def test_potential_and_time_in_words(table, customers):
    text = words.potential_in_words(table, customers, ENGLISH)
    assert (
        "The valuable fifth: the largest 20% of the 6 customers who bought, 2 customers from "
        "€1,500 up. Its more valuable half has the higher value: from €3,000 up, 1 of them."
    ) in text
    assert "Potential by share of wallet (2 customers)" in text
    assert "Potential by growth trend (4 customers;" in text
    assert "New customers (2: their first invoice falls after the start of" in text
    one = pd.DataFrame({"customer_id": ["A"], "date": [AS_OF], "amount": [5.0]})
    assert "Add a wallet column" in words.potential_in_words(
        seg.segments(one, AS_OF), None, ENGLISH
    )
    summary = seg.segment_summary(table)
    short = words.time_budget_in_words(summary, 40, ENGLISH)
    assert "asks for 49 hours" in short and "9 hours short" in short
    assert "it fits" in words.time_budget_in_words(summary, 100, ENGLISH)


def test_time_budget_in_swedish(table):
    sv = words.time_budget_in_words(seg.segment_summary(table), 50, Language("sv"))
    assert "49" in sv and "timmar" in sv


def test_the_fifth_and_the_many_in_words(table):
    groups = seg.fifth_and_many(seg.segment_summary(table))
    text = words.fifth_and_many_in_words(groups, ENGLISH)
    assert text.startswith(
        "The valuable fifth (2 customers, 73.3% of the value) gets 44 of the 49 sales hours "
        "(89.8%); the many (4 customers, 26.7% of the value) get 4, at most one call each."
    )
    assert text.endswith("Calls to those who stopped buying in the last year: 1 hours.")
    fi = words.fifth_and_many_in_words(groups, Language("fi"))
    assert fi.startswith("Arvokkain viidennes (2 asiakasta")


def test_years_as_a_customer_in_words(table, invoices, customers):
    text = words.relationship_in_words(seg.relationship_length(table), ENGLISH)
    assert text == (
        "Your valuable fifth have been customers for 1.5 years (median), the many for 1.7 "
        "years.\nOf the 2 customers who have bought from you longest, 0 are in the valuable "
        "fifth; of your key accounts (1), none."
    )
    everyone = seg.relationship_length(seg.segments(invoices, AS_OF, customers, key_share=1.0))
    assert "no others to compare with" in words.relationship_in_words(everyone, ENGLISH)
    sv = words.relationship_in_words(seg.relationship_length(table), Language("sv"))
    assert sv.startswith("Din värdefullaste femtedel har varit kunder i 1,5 år")
    old = pd.DataFrame(
        {"customer_id": ["X"], "date": [pd.Timestamp("2020-01-01")], "amount": [10.0]}
    )
    nobody = seg.relationship_length(seg.segments(old, AS_OF))
    assert "no valuable fifth" in words.relationship_in_words(nobody, ENGLISH)
