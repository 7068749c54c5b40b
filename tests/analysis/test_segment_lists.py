"""The lists to act on and the tables to show (``helpers.analysis.segment_lists``) on the
hand-made company of ``segmentation_company``."""

import pytest

from helpers.analysis import ownership, segment_lists, segmentation
from helpers.report.formats import Formats
from tests.analysis import segmentation_company as company


@pytest.fixture
def table():
    return company.table()


def test_checkup_calls_and_lists(table):
    calls = segment_lists.checkup_calls(table)
    assert list(calls.index) == ["E", "C"]  # 2026-01 before 2026-05
    words = segment_lists.calls_in_words(calls)
    assert "Check-up calls in the coming 12 months: 2; 1 to customers" in words
    listed = segment_lists.segments_list(table)
    assert list(listed.columns[:7]) == [
        "customer_id", "name", "segment", "value_12m", "potential", "owner", "next_step",
    ]  # fmt: skip
    assert len(listed) == 8 and listed["segment"].ne("").all()


def test_readable_formats_known_columns(table):
    shown = segment_lists.readable(segmentation.segment_summary(table))
    assert "share of customers" in shown.columns and "who serves them" in shown.columns
    assert shown.loc[segmentation.KEY_ACCOUNT, "share of customers"] == "12.5%"
    owners = segment_lists.readable(ownership.owner_table(table))
    assert owners.loc["Liisa", "value, 12 months"] == "€3,000"


def test_readable_in_finnish(table):
    shown = segment_lists.readable(segmentation.segment_summary(table), Formats("fi"))
    assert "avainasiakas" in shown.index
