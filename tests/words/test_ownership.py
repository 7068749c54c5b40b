"""Who looks after the value, in words (``helpers.words.ownership``), on the hand-made
company of ``tests/analysis/segmentation_company``: Liisa owns A, Matti C and E."""

import numpy as np
import pytest

from helpers.analysis import ownership
from helpers.language import ENGLISH
from helpers.words.ownership import owners_in_words
from tests.analysis import segmentation_company as company


@pytest.fixture
def table():
    return company.table()


def test_owners_in_words(table):
    owners = ownership.owner_table(table)
    text = owners_in_words(owners, table, True, ENGLISH)
    assert "Every key account (1) has a named owner." in text
    assert "Liisa looks after customers who brought 48.9% of the last 12 months' value" in text
    none = owners_in_words(owners, table, False, ENGLISH)
    assert "There is no owner column" in none
    orphan = table.assign(owner=np.where(table.index == "A", "", table["owner"]))
    assert "Key accounts without an owner: 1 of 1 (Aalto Oy)" in owners_in_words(
        ownership.owner_table(orphan), orphan, True, ENGLISH
    )
