"""Numbers, money and dates as people write them in en, fi or sv (Babel does the locale work).

The functions take the language code; most code uses them through
:class:`helpers.language.Language`, which carries the language and the currency.

>>> money(1234.4, "EUR", "fi")
'1\xa0234\xa0€'
"""

from __future__ import annotations

import math

import pandas as pd
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent, get_currency_symbol

from helpers.language.catalogs import check_language

LOCALES = {"en": "en_IE", "fi": "fi_FI", "sv": "sv_FI"}
MISSING = "–"


def locale_for(language: str) -> str:
    """The Babel locale for 'en', 'fi' or 'sv'; a clear error for anything else."""
    return LOCALES[check_language(language)]


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def money(value, currency: str = "EUR", language: str = "en", decimals: int = 0) -> str:
    """Money rounded to whole units by default: money(1234.4, 'EUR', 'en') -> '€1,234'."""
    if _missing(value):
        return MISSING
    pattern = "¤#,##0" + ("." + "0" * decimals if decimals else "")
    if language in ("fi", "sv"):
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + "\xa0¤"
    return format_currency(
        value, currency, format=pattern, locale=locale_for(language), currency_digits=False
    )


def percent(value, language: str = "en", decimals: int = 1) -> str:
    """A share as a percentage: percent(0.256, 'fi') -> '25,6 %'."""
    if _missing(value):
        return MISSING
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + "\xa0%"
    if language == "en":
        pattern = pattern.replace("\xa0", "")
    return format_percent(value, format=pattern, locale=locale_for(language))


def number(value, language: str = "en", decimals: int = 0) -> str:
    """A plain number with the language's separators: number(12345, 'sv') -> '12\xa0345'."""
    if _missing(value):
        return MISSING
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=locale_for(language))


def date(value, language: str = "en") -> str:
    """A date as people write it: 31.12.2025 (fi, sv) or 31 Dec 2025 (en)."""
    if _missing(value) or value is pd.NaT:
        return MISSING
    stamp = pd.Timestamp(value)
    if language == "en":
        return format_date(stamp.date(), format="d MMM y", locale=locale_for(language))
    return format_date(stamp.date(), format="d.M.y", locale=locale_for(language))


def short(value, language: str = "en") -> str:
    """A number with as few decimals as it needs (up to 2): short(1.5, 'fi') -> '1,5'."""
    if _missing(value):
        return MISSING
    return format_decimal(value, format="#,##0.##", locale=locale_for(language))


def signed_percent(value, language: str = "en", decimals: int = 1) -> str:
    """A change with its sign: signed_percent(0.125, 'fi') -> '+12,5 %', '-3.0%' in English."""
    if _missing(value):
        return MISSING
    gap = "" if language == "en" else "\xa0"
    digits = "0." + "0" * decimals if decimals else "0"
    pattern = f"+#,##{digits}{gap}%;-#,##{digits}{gap}%"
    return format_percent(value, format=pattern, locale=locale_for(language))


def currency_symbol(currency: str, language: str = "en") -> str:
    """How the currency is written in the language: currency_symbol('EUR', 'fi') -> '€'."""
    return get_currency_symbol(currency, locale=locale_for(language))
