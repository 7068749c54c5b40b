"""The reader's language: one rule for choosing it, numbers and dates in its locale."""

import pytest

from helpers.language import ENGLISH, Language, choose_language


def test_the_one_rule_requested_else_the_companys_else_english():
    assert choose_language("sv", {"language": "fi"}).code == "sv"
    assert choose_language(None, {"language": "fi"}).code == "fi"
    assert choose_language("", {"language": "fi"}).code == "fi"
    assert choose_language(None, {}).code == "en"
    assert choose_language(None, None) == ENGLISH


def test_the_currency_is_the_companys():
    sek = choose_language(None, {"language": "sv", "currency": "SEK"})
    assert sek.currency == "SEK" and sek.money(1234) == "1\xa0234\xa0kr"
    assert choose_language("en", {}).money(1234.4) == "€1,234"


def test_an_unknown_language_is_a_clear_error():
    with pytest.raises(ValueError, match="one of en, fi, sv; found 'de'"):
        Language("de")
    with pytest.raises(ValueError, match="found 'de'"):
        choose_language("de", {"language": "fi"})


@pytest.mark.parametrize(
    "code, money, percent, date, change",
    [
        ("en", "€1,234.50", "25.6%", "31 Dec 2025", "+12.5%"),
        ("fi", "1\xa0234,50\xa0€", "25,6\xa0%", "31.12.2025", "+12,5\xa0%"),
        ("sv", "1\xa0234,50\xa0€", "25,6\xa0%", "31.12.2025", "+12,5\xa0%"),
    ],
)
def test_numbers_money_and_dates_in_the_locale(code, money, percent, date, change):
    lang = Language(code)
    assert lang.money(1234.5, decimals=2) == money
    assert lang.percent(0.256) == percent
    assert lang.date("2025-12-31") == date
    assert lang.signed_percent(0.125) == change
    assert lang.number(None) == "–" and lang.money(float("nan")) == "–"
