"""Numbers, money and dates in the learner's language (Babel does the locale work).

>>> money(1234.4, "EUR", "fi")
'1\xa0234\xa0€'
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

LOCALES = {"en": "en_IE", "fi": "fi_FI", "sv": "sv_FI"}
MISSING = "–"


def locale_for(language: str) -> str:
    """The Babel locale for 'en', 'fi' or 'sv'; a clear error for anything else."""
    try:
        return LOCALES[language]
    except KeyError:
        raise ValueError(
            f"language must be one of {', '.join(LOCALES)}; found {language!r}"
        ) from None


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


@dataclass(frozen=True)
class Formats:
    """Everything a sentence needs to be written for a reader: the words and the numbers.

    Helpers that write sentences take one (``formats=wb.formats`` in a notebook) and call
    ``formats._("…")`` for words and ``formats.money(…)`` etc. for figures.

    >>> fi = Formats("fi")
    >>> fi.money(1234.4), fi.percent(0.256), fi.date("2025-12-31")
    ('1\xa0234\xa0€', '25,6\xa0%', '31.12.2025')
    """

    language: str = "en"
    currency: str = "EUR"

    def money(self, value, decimals: int = 0) -> str:
        return money(value, self.currency, self.language, decimals)

    def percent(self, value, decimals: int = 1) -> str:
        return percent(value, self.language, decimals)

    def number(self, value, decimals: int = 0) -> str:
        return number(value, self.language, decimals)

    def date(self, value) -> str:
        return date(value, self.language)

    def short(self, value) -> str:
        """A number with as few decimals as it needs (up to 2): 1, 1.5 or 1,5."""
        if _missing(value):
            return MISSING
        return format_decimal(value, format="#,##0.##", locale=locale_for(self.language))

    def _(self, message: str) -> str:
        """``message`` in this language (the English text is the message id)."""
        from helpers.report.messages import translator

        return translator(self.language)(message)

    def plural(self, singular: str, plural: str, count: int) -> str:
        """The singular or plural message that fits ``count``, in this language."""
        from helpers.report.messages import plural_translator

        return plural_translator(self.language)(singular, plural, count)


ENGLISH = Formats()
