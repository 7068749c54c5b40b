"""Message catalogs: read with Babel at run time; every message the code shows is translated."""

import pytest

from helpers.report.messages import (
    LANGUAGES,
    SOURCES,
    MissingTranslation,
    extract_messages,
    translator,
    untranslated,
)


def test_finnish_and_swedish_come_from_the_po_files_english_from_the_code():
    assert translator("fi", "vision").gettext("Current state") == "Nykytila"
    assert translator("sv", "vision").gettext("Current state") == "Nuläge"
    assert translator("en", "vision").gettext("Current state") == "Current state"


def test_plural_forms_follow_the_language():
    fi = translator("fi", "vision")
    assert fi.ngettext("{years} year", "{years} years", 1) == "{years} vuosi"
    assert fi.ngettext("{years} year", "{years} years", 4) == "{years} vuotta"
    assert translator("sv", "vision").ngettext("{years} year", "{years} years", 4) == "{years} år"


def test_the_extractor_finds_the_marked_messages():
    found = extract_messages("vision")
    assert "Shared vision and mission" in found
    assert ("{years} year", "{years} years") in found
    assert len(found) > 50


@pytest.mark.parametrize("domain", sorted(SOURCES))
@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != "en"])
def test_every_message_in_the_code_has_a_translation(language, domain):
    missing = untranslated(language, domain)
    assert not missing, (
        f"{len(missing)} message(s) lack a {language} translation in "
        f"helpers/locale/{language}/LC_MESSAGES/{domain}.po: {missing}"
    )


def test_strict_translator_refuses_a_message_without_translation():
    strict = translator("fi", "vision", strict=True)
    assert strict.gettext("Follow-up") == "Seuranta"
    with pytest.raises(MissingTranslation, match="vision.po"):
        strict.gettext("A sentence nobody translated")
    # the forgiving one shows the English text instead
    assert translator("fi", "vision").gettext("A sentence nobody translated") == (
        "A sentence nobody translated"
    )


def test_unknown_language_or_domain_is_a_clear_error():
    with pytest.raises(ValueError, match="en, fi, sv"):
        translator("de", "vision")
    with pytest.raises(FileNotFoundError, match="no fi messages for 'nothing-here'"):
        translator("fi", "nothing-here")
