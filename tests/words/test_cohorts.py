"""Retention in words."""

import math

from helpers.language import ENGLISH, Language
from helpers.words.cohorts import retention_in_words


def test_retention_in_words_in_finnish_and_swedish():
    # notebook 05's messages live in helpers/locale/<fi|sv>/LC_MESSAGES/loyalty.po, read
    # together with workbook.po
    assert retention_in_words(0.714, Language("fi")).startswith("Viimeisiä 12 kuukautta")
    assert "71,4\xa0%" in retention_in_words(0.714, Language("sv"))


def test_retention_that_cant_be_measured_says_why():
    assert "two years of invoices" in retention_in_words(math.nan, ENGLISH)
    short = retention_in_words(math.nan, ENGLISH, "data_starts_inside_window")
    assert short.startswith("Retention is left out: your invoices start inside the window")
    assert "Se vaatii kahden vuoden laskut" in retention_in_words(
        math.nan, Language("fi", strict=True), "data_starts_inside_window"
    )
