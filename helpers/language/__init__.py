"""The reader's language, at the ground floor: words, numbers, money and dates in en, fi or sv.

One :class:`Language` is made per run or notebook session (:func:`choose_language`) and
passed down to whatever writes for a reader: the sentence helpers of ``helpers.words``,
the plots, the report, the documents. It carries the language code, the currency, the
locale formats (Babel) and the translator (the message catalogs of
:mod:`helpers.language.catalogs`).

>>> fi = Language("fi")
>>> fi.money(1234.4), fi.percent(0.256), fi.date("2025-12-31"), fi._("Customers")
('1\xa0234\xa0€', '25,6\xa0%', '31.12.2025', 'Asiakkaat')

Nothing here knows about companies, analyses or notebooks: this package imports only
Babel and the standard library.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from helpers.language import formats
from helpers.language.catalogs import (
    LANGUAGES,
    N_,
    MissingTranslation,
    check_language,
    translate,
    translate_plural,
)
from helpers.language.formats import LOCALES, MISSING

DEFAULT_LANGUAGE = "en"
DEFAULT_CURRENCY = "EUR"


@dataclass(frozen=True)
class Language:
    """Everything a sentence, a table or a plot needs to be written for a reader.

    ``code``: "en", "fi" or "sv"; ``currency``: a three-letter code (EUR, SEK);
    ``strict``: a message without a translation raises :class:`MissingTranslation`
    instead of showing English (the tests render documents this way).
    """

    code: str = DEFAULT_LANGUAGE
    currency: str = DEFAULT_CURRENCY
    strict: bool = False

    def __post_init__(self) -> None:
        check_language(self.code)

    # words

    def _(self, message: str) -> str:
        """``message`` in this language (the English text is the message id)."""
        return translate(self.code, message, strict=self.strict)

    def plural(self, singular: str, plural: str, count: int) -> str:
        """The singular or plural message that fits ``count``, in this language."""
        return translate_plural(self.code, singular, plural, count, strict=self.strict)

    # numbers

    def money(self, value, decimals: int = 0) -> str:
        """money(1234.4) -> '€1,234' (en), '1 234 €' (fi)."""
        return formats.money(value, self.currency, self.code, decimals)

    def percent(self, value, decimals: int = 1) -> str:
        return formats.percent(value, self.code, decimals)

    def number(self, value, decimals: int = 0) -> str:
        return formats.number(value, self.code, decimals)

    def signed_percent(self, value, decimals: int = 1) -> str:
        """A change with its sign: '+12,5 %' (fi), '-3.0%' (en)."""
        return formats.signed_percent(value, self.code, decimals)

    def short(self, value) -> str:
        """A number with as few decimals as it needs (up to 2): 1, 1.5 or 1,5."""
        return formats.short(value, self.code)

    def date(self, value) -> str:
        return formats.date(value, self.code)

    @property
    def locale(self) -> str:
        """The Babel locale: en_IE, fi_FI or sv_FI."""
        return LOCALES[self.code]

    @property
    def currency_symbol(self) -> str:
        """'€' for EUR, 'kr' for SEK in Swedish …"""
        return formats.currency_symbol(self.currency, self.code)

    def with_strict(self, strict: bool = True) -> Language:
        return replace(self, strict=strict)


ENGLISH = Language()


def choose_language(
    requested: str | None = None, settings: Mapping | None = None, *, strict: bool = False
) -> Language:
    """The one rule for a run's or a notebook's language, and its currency.

    ``requested`` (``--language``, the notebook's ``language`` parameter) when given,
    else the company's own (``language`` in company.toml, passed as ``settings``),
    else English. The currency is the company's (``currency``), else EUR.

    >>> choose_language(None, {"language": "sv", "currency": "SEK"})
    Language(code='sv', currency='SEK', strict=False)
    >>> choose_language("fi", {"language": "sv"}).code
    'fi'
    """
    settings = settings or {}
    code = requested or settings.get("language") or DEFAULT_LANGUAGE
    currency = settings.get("currency") or DEFAULT_CURRENCY
    return Language(str(code), str(currency), strict)


__all__ = [
    "DEFAULT_CURRENCY",
    "DEFAULT_LANGUAGE",
    "ENGLISH",
    "LANGUAGES",
    "LOCALES",
    "MISSING",
    "Language",
    "MissingTranslation",
    "N_",
    "check_language",
    "choose_language",
]
