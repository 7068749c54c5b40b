"""Message catalogs: every word the workbook writes for a reader, in Finnish, Swedish or English.

Translators work on plain gettext files, ``helpers/locale/<fi|sv>/LC_MESSAGES/<domain>.po``
(the domain ``workbook`` holds the report, the sentences the helpers write and the plot
labels). English is the source language: its text is the message id itself. The
catalogs are read with Babel when first needed, so nothing is compiled or built.

>>> _ = translator("fi")
>>> _("Customers")
'Asiakkaat'

Mark text in code with ``_()`` (or ``N_()`` where the text is translated later, as in
a table of labels); ``tests/report/test_messages.py`` extracts every marked message with
Babel and fails when a catalog lacks a translation.
"""

from __future__ import annotations

import gettext
import io
from collections.abc import Callable
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "workbook"
LANGUAGES = ("en", "fi", "sv")


def N_(message: str) -> str:  # noqa: N802 (the gettext convention)
    """Mark a message for extraction without translating it here (translate it later)."""
    return message


def catalog_path(language: str, domain: str = DOMAIN) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.po"


@cache
def translations(language: str, domain: str = DOMAIN) -> gettext.NullTranslations:
    """The translations of one language and domain; English (or no catalog) passes text through."""
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}; found {language!r}")
    path = catalog_path(language, domain)
    if language == "en" or not path.exists():
        return gettext.NullTranslations()
    with open(path, "rb") as handle:
        catalog = read_po(handle, locale=language, domain=domain)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def translator(language: str, domain: str = DOMAIN) -> Callable[[str], str]:
    """The ``_`` function of a language: ``translator('sv')('Customers') == 'Kunder'``."""
    return translations(language, domain).gettext


def plural_translator(language: str, domain: str = DOMAIN) -> Callable[[str, str, int], str]:
    """``ngettext`` of a language: the singular or plural form that fits the count."""
    return translations(language, domain).ngettext
