"""The check-up calls to make (``helpers.analysis.segment_lists``) on the hand-made company of
``segmentation_company``; the lists as saved and the tables to show: tests/words."""

import pytest

from helpers.analysis import segment_lists
from tests.analysis import segmentation_company as company


@pytest.fixture
def table():
    return company.table()


def test_checkup_calls(table):
    calls = segment_lists.checkup_calls(table)
    assert list(calls.index) == ["E", "C"]  # 2026-01 before 2026-05
    assert list(calls.columns) == [
        "name",
        "segment",
        "owner",
        "call_month",
        "last_purchase",
        "value_12m",
        "revenue_prev_12m",
    ]
