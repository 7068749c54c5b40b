"""Who looks after the value (``helpers.analysis.ownership``) on the hand-made company of
``segmentation_company``: Liisa owns A, Matti C and E, the rest have no owner."""

import pytest

from helpers.analysis import ownership, segmentation
from tests.analysis import segmentation_company as company


@pytest.fixture
def table():
    return company.table()


def test_owner_table(table):
    owners = ownership.owner_table(table)
    # Liisa 3000 (A); no owner 2690 (B 1500, D 800, G −50, H 440, F 0); Matti 450 (C, E)
    assert list(owners.index) == ["Liisa", ownership.NO_OWNER, "Matti"]
    assert owners.loc["Liisa", "key_accounts"] == 1
    assert owners.loc["Liisa", "value_share"] == pytest.approx(3000 / 6140)
    assert owners.loc["Matti", "customers"] == 2
    by_segment = ownership.value_by_owner_and_segment(table)
    assert list(by_segment.columns) == list(segmentation.SEGMENTS)
    assert by_segment.loc["Liisa", segmentation.KEY_ACCOUNT] == 3000
    assert by_segment.loc[ownership.NO_OWNER].sum() == pytest.approx(2690)
