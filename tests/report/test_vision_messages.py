"""The customer-vision documents' words: catalogs ``vision.po`` (fi, sv), read with Babel."""

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po

from helpers.report.messages import catalog_path
from helpers.report.vision import DOMAIN, MissingTranslation, translator

SOURCES = sorted((Path(__file__).resolve().parents[2] / "helpers" / "report" / "vision").glob(
    "*.py"))


def messages_in_code() -> list:
    """Every message the vision package marks (Babel's default keywords: _, N_, gettext, …)."""
    found = []
    for source in SOURCES:
        for _line, message, _comments, _context in extract_from_file("python", str(source)):
            if message and message not in found:
                found.append(tuple(message[:2]) if isinstance(message, tuple) else message)
    return found


def test_the_extractor_finds_headings_questions_and_plurals():
    found = messages_in_code()
    assert "Shared vision and mission" in found
    assert "Which few figures or signs tell us that we are on the way?" in found
    assert ("{years} year", "{years} years") in found
    assert len(found) > 60


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_message_of_the_documents_has_a_translation(language):
    with open(catalog_path(language, DOMAIN), "rb") as handle:
        catalog = read_po(handle, locale=language, domain=DOMAIN)
    missing = []
    for message in messages_in_code():
        entry = catalog.get(message[0] if isinstance(message, tuple) else message)
        strings = entry.string if entry is not None else None
        empty = not all(strings) if isinstance(strings, tuple | list) else not strings
        if entry is None or empty or entry.fuzzy:
            missing.append(message)
    assert not missing, f"{language}/{DOMAIN}.po lacks: {missing}"


def test_finnish_and_swedish_come_from_the_catalogs_english_from_the_code():
    assert translator("fi").gettext("Current state") == "Nykytila"
    assert translator("sv").gettext("Current state") == "Nuläge"
    assert translator("en").gettext("Current state") == "Current state"


def test_plural_forms_follow_the_language():
    fi, sv = translator("fi"), translator("sv")
    assert fi.ngettext("{years} year", "{years} years", 1) == "{years} vuosi"
    assert fi.ngettext("{years} year", "{years} years", 4) == "{years} vuotta"
    assert sv.ngettext("{years} year", "{years} years", 4) == "{years} år"


def test_strict_translator_refuses_a_message_without_translation():
    strict = translator("fi", strict=True)
    assert strict.gettext("Follow-up") == "Seuranta"
    assert strict.ngettext("{years} year", "{years} years", 2) == "{years} vuotta"
    with pytest.raises(MissingTranslation, match="vision.po"):
        strict.gettext("A sentence nobody translated")
    with pytest.raises(MissingTranslation):
        strict.ngettext("{n} thing", "{n} things", 2)
    # English is the source language; the forgiving translator shows English instead
    assert translator("en", strict=True).gettext("Anything") == "Anything"
    assert translator("fi").gettext("A sentence nobody translated") == (
        "A sentence nobody translated"
    )
