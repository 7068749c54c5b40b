"""Message catalogs: every word the workbook writes for a reader, in Finnish and Swedish.

Translators work on plain gettext files, ``helpers/language/locale/<fi|sv>/LC_MESSAGES/*.po``:
one file per topic (``workbook.po`` for the report and the sentences of several
notebooks, ``vision.po`` for the customer-vision documents, ``loyalty.po`` …). They are
read together as **one catalog per language**, so a message means the same everywhere;
``tests/language/test_catalogs.py`` fails when two files hold the same message. English
is the source language: its text is the message id itself. The catalogs are read with
Babel when first needed, so nothing is compiled or built.

>>> translate("fi", "Customers")
'Asiakkaat'

Mark text in code with ``_()`` (or ``N_()`` where the text is translated later, as in
a table of labels); the tests extract every marked message with Babel and fail when a
catalog lacks a translation.
"""

from __future__ import annotations

import gettext
import io
from functools import cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANGUAGES = ("en", "fi", "sv")  # the languages of the course; English is the source


def N_(message: str) -> str:  # noqa: N802 (the gettext convention)
    """Mark a message for extraction without translating it here (translate it later)."""
    return message


class MissingTranslation(KeyError):
    """A message shown to a reader that the language's catalogs do not translate."""

    def __str__(self) -> str:
        language, message = self.args
        return (
            f"no {language} translation for {message!r} in "
            f"helpers/language/locale/{language}/LC_MESSAGES/*.po; add it there"
        )


def check_language(language: str) -> str:
    """``language`` itself when it is one of :data:`LANGUAGES`; a clear error otherwise."""
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}; found {language!r}")
    return language


def catalog_files(language: str) -> list[Path]:
    """The ``.po`` files of one language, in name order."""
    return sorted((LOCALE_DIR / language / "LC_MESSAGES").glob("*.po"))


def read_catalog(language: str) -> Catalog:
    """Every file of one language merged into one Babel catalog (the first file wins)."""
    merged = Catalog(locale=language)
    for path in catalog_files(language):
        with open(path, "rb") as handle:
            for message in read_po(handle, locale=language):
                if message.id and message.id not in merged:
                    merged[message.id] = message
    return merged


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The translations of one language; English passes text through unchanged."""
    check_language(language)
    if language == "en":
        return gettext.NullTranslations()
    compiled = io.BytesIO()
    write_mo(compiled, read_catalog(language))
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def translate(language: str, message: str, *, strict: bool = False) -> str:
    """``message`` in ``language``; with ``strict`` a missing translation raises
    :class:`MissingTranslation` instead of showing English (tests use it)."""
    found = translations(language)
    if strict and language != "en" and message not in _known(language):
        raise MissingTranslation(language, message)
    return found.gettext(message)


def translate_plural(
    language: str, singular: str, plural: str, count: int, *, strict: bool = False
) -> str:
    """The singular or plural form of a message that fits ``count``, in ``language``."""
    found = translations(language)
    if strict and language != "en" and (singular, 0) not in _known(language):
        raise MissingTranslation(language, singular)
    return found.ngettext(singular, plural, count)


def _known(language: str) -> dict:
    return getattr(translations(language), "_catalog", {})
