"""The lists to act on and the tables to show (``helpers.words.segment_lists``) on the
hand-made company of ``tests/analysis/segmentation_company``."""

import pytest

from helpers.analysis import ownership, segmentation
from helpers.language import ENGLISH, Language
from helpers.words import segment_lists
from helpers.words.segmentation import service_model
from tests.analysis import segmentation_company as company


@pytest.fixture
def table():
    return company.table()


def test_checkup_calls_and_lists(table):
    calls = segment_lists.checkup_calls(table, ENGLISH)
    assert list(calls.index) == ["E", "C"]  # 2026-01 before 2026-05
    assert calls.loc["C", "next_step"] == "yearly check-up call in 2026-05"
    assert list(calls.columns)[-1] == "next_step"
    words = segment_lists.calls_in_words(calls, ENGLISH)
    assert "Check-up calls in the coming 12 months: 2; 1 to customers" in words
    listed = segment_lists.segments_list(table, ENGLISH)
    assert list(listed.columns[:7]) == [
        "customer_id",
        "name",
        "segment",
        "value_12m",
        "potential",
        "owner",
        "next_step",
    ]
    assert list(listed.columns[7:]) == [
        "potential_basis",
        "abc_class",
        "revenue_12m",
        "margin_12m",
        "wallet",
        "hours_per_year",
        "call_month",
    ]
    assert len(listed) == 8 and listed["segment"].ne("").all()
    assert listed.set_index("customer_id").loc["A", "next_step"].startswith("Liisa: write")


def test_no_calls_to_make_keeps_the_columns(table):
    nobody = table.assign(call_month="", lapsed=False)
    calls = segment_lists.checkup_calls(nobody, ENGLISH)
    assert calls.empty and list(calls.reset_index().columns) == [
        "customer_id",
        "name",
        "segment",
        "owner",
        "call_month",
        "last_purchase",
        "value_12m",
        "revenue_prev_12m",
        "next_step",
    ]
    assert segment_lists.calls_in_words(calls, ENGLISH).startswith("No check-up calls")


def test_readable_formats_known_columns(table):
    summary = segmentation.segment_summary(table)
    shown = segment_lists.readable(
        service_model(summary, ENGLISH).join(summary[["customer_share"]]), ENGLISH
    )
    assert "share of customers" in shown.columns and "who serves them" in shown.columns
    assert shown.loc[segmentation.KEY_ACCOUNT, "share of customers"] == "12.5%"
    owners = segment_lists.readable(ownership.owner_table(table), ENGLISH)
    assert owners.loc["Liisa", "value, 12 months"] == "€3,000"


def test_readable_writes_out_the_next_step_when_asked(table):
    shown = segment_lists.readable(table.head(3), ENGLISH, columns=["name", "next_step"])
    assert list(shown.columns) == ["customer", "next step"]
    assert shown.loc["A", "next step"].startswith("Liisa: write the account plan")


def test_readable_in_finnish(table):
    shown = segment_lists.readable(segmentation.segment_summary(table), Language("fi"))
    assert "avainasiakas" in shown.index
