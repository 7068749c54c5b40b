"""Words in the reader's language: gettext message catalogs, read with Babel at run time.

The English text is written in the code (``_("Current state")``); Finnish and Swedish
live in plain ``.po`` files, one per language and *domain* (a group of messages, such as
``vision`` for the customer-vision documents)::

    helpers/locale/fi/LC_MESSAGES/vision.po
    helpers/locale/sv/LC_MESSAGES/vision.po

They are compiled in memory when first used (Babel reads the ``.po`` and writes the
``.mo`` into a buffer for :class:`gettext.GNUTranslations`), so there is no build step
and no compiled file to commit. A translator edits the ``.po`` with any text editor or
Poedit; ``python -m helpers.report.messages vision`` adds the messages the code uses
but a catalog lacks (with an empty translation) after the code changed.

>>> t = translator("fi", "vision")
>>> t.gettext("Current state")
'Nykytila'
>>> translator("en", "vision").gettext("Current state")
'Current state'
"""

from __future__ import annotations

import gettext
import io
import sys
from functools import cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
SOURCE_LANGUAGE = "en"  # the language written in the code
LANGUAGES = ("en", "fi", "sv")
# which source files hold each domain's messages (relative to the helpers package)
SOURCES = {"vision": ["report/vision.py"]}


class MissingTranslation(KeyError):
    """A message shown to a reader that the catalog has no translation for."""

    def __str__(self) -> str:
        language, domain, message = self.args
        return (
            f"no {language} translation for {message!r} in "
            f"helpers/locale/{language}/LC_MESSAGES/{domain}.po; add it there"
        )


def catalog_path(language: str, domain: str) -> Path:
    """``helpers/locale/<language>/LC_MESSAGES/<domain>.po``."""
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.po"


def read_catalog(language: str, domain: str) -> Catalog:
    """The ``.po`` file of a language and domain as a Babel catalog."""
    path = catalog_path(language, domain)
    if not path.exists():
        raise FileNotFoundError(
            f"no {language} messages for '{domain}': {path} is missing "
            f"(languages: {', '.join(LANGUAGES)})"
        )
    with path.open("rb") as handle:
        return read_po(handle, locale=language, domain=domain)


class _Strict(gettext.GNUTranslations):
    """Raises :class:`MissingTranslation` instead of falling back to the English text."""

    def gettext(self, message):
        if message not in self._catalog:
            raise MissingTranslation(self._language, self._domain, message)
        return super().gettext(message)

    def ngettext(self, singular, plural, n):
        if (singular, 0) not in self._catalog:
            raise MissingTranslation(self._language, self._domain, singular)
        return super().ngettext(singular, plural, n)


@cache
def translator(language: str, domain: str, strict: bool = False) -> gettext.NullTranslations:
    """A ``gettext`` translations object: ``.gettext(text)``, ``.ngettext(one, many, n)``.

    English (the language of the code) needs no catalog. ``strict=True`` (for tests)
    raises :class:`MissingTranslation` for a message the catalog lacks or leaves
    untranslated, instead of quietly showing the English text.
    """
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}; found {language!r}")
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    buffer = io.BytesIO()
    write_mo(buffer, read_catalog(language, domain))  # fuzzy entries are left out
    buffer.seek(0)
    translations = (_Strict if strict else gettext.GNUTranslations)(buffer)
    translations._language, translations._domain = language, domain
    return translations


def extract_messages(domain: str) -> list[str | tuple[str, str]]:
    """Every message the domain's source files mark for translation, in file order.

    Uses Babel's extractor with its default keywords (``_``, ``N_``, ``gettext``,
    ``ngettext`` …). A plural message is a pair (singular, plural).
    """
    package = Path(__file__).resolve().parent.parent
    found: list = []
    for source in SOURCES[domain]:
        for _line, message, _comments, _context in extract_from_file(
            "python", str(package / source)
        ):
            if isinstance(message, tuple | list):
                message = tuple(message[:2])
            if message and message not in found:
                found.append(message)
    return found


def _key(message) -> str:
    return message[0] if isinstance(message, tuple) else message


def untranslated(language: str, domain: str) -> list[str]:
    """Messages the code uses that the language's catalog lacks or leaves empty or fuzzy."""
    catalog = read_catalog(language, domain)
    missing = []
    for message in extract_messages(domain):
        entry = catalog.get(_key(message))
        strings = entry.string if entry is not None else None
        if isinstance(strings, tuple | list):
            empty = not all(strings)
        else:
            empty = not strings
        if entry is None or empty or entry.fuzzy:
            missing.append(_key(message))
    return missing


def update_catalogs(domain: str) -> dict[str, list[str]]:
    """Add the code's new messages to each language's ``.po`` (empty translations).

    Existing translations are kept; returns, per language, the messages still to translate.
    """
    todo = {}
    for language in LANGUAGES:
        if language == SOURCE_LANGUAGE:
            continue
        catalog = read_catalog(language, domain)
        for message in extract_messages(domain):
            if _key(message) not in catalog:
                catalog.add(message, ("", "") if isinstance(message, tuple) else "")
        with catalog_path(language, domain).open("wb") as handle:
            write_po(handle, catalog, width=100, omit_header=False)
        todo[language] = untranslated(language, domain)
    return todo


if __name__ == "__main__":
    for name in sys.argv[1:] or list(SOURCES):
        for lang, left in update_catalogs(name).items():
            print(f"{lang}/{name}.po: {len(left)} message(s) to translate")
            for text in left:
                print(f"  {text!r}")
