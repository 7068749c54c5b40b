"""Every message the helpers write for a reader has a Finnish and a Swedish translation, in
one catalog per language (the files of a language never disagree: a message is in one file)."""

import re

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from helpers.language import Language, MissingTranslation
from helpers.language.catalogs import LOCALE_DIR, catalog_files

HELPERS = LOCALE_DIR.parents[1]
KEYWORDS = {"_": None, "N_": None, "plural": (1, 2)}


def marked_messages() -> dict[str, str]:
    """Every message marked in helpers/, and every figure's label and definition."""
    from helpers.report.figures import FIGURES

    found = {}
    for key, figure in FIGURES.items():
        found.setdefault(figure.label, f"figures.py: {key} label")
        found.setdefault(figure.definition, f"figures.py: {key} definition")
    for filename, line, message, _comments, _context in extract_from_dir(
        HELPERS, keywords=KEYWORDS, method_map=[("**.py", "python")]
    ):
        key = message[0] if isinstance(message, tuple) else message  # a plural: its singular
        found.setdefault(key, f"{filename}:{line}")
    return found


def entries(language: str) -> list[tuple[str, object, bool, str]]:
    """(message id, translation, fuzzy, file) of every entry of every file of a language."""
    found = []
    for path in catalog_files(language):
        with open(path, "rb") as handle:
            for message in read_po(handle, locale=language):
                if message.id:
                    key = message.id[0] if isinstance(message.id, tuple) else message.id
                    found.append((key, message.string, message.fuzzy, path.name))
    return found


def test_helpers_mark_their_messages():
    found = marked_messages()
    assert len(found) > 50
    assert "Shared vision and mission" in found  # the documents' words, too
    assert "{years} year" in found  # plurals


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_marked_message_is_translated(language):
    translated = {key: text for key, text, fuzzy, _file in entries(language) if not fuzzy}
    missing = []
    for text, where in marked_messages().items():
        found = translated.get(text)
        if not (all(found) if isinstance(found, tuple | list) else found):
            missing.append(f"{where}: {text!r}")
    assert not missing, f"{len(missing)} message(s) lack a {language} translation:\n" + "\n".join(
        missing[:40]
    )


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_a_message_is_in_one_file_only(language):
    where: dict[str, list[str]] = {}
    for key, _text, _fuzzy, file in entries(language):
        where.setdefault(key, []).append(file)
    twice = {key: files for key, files in where.items() if len(files) > 1}
    assert not twice, f"{language}: the same message in two files (keep one): {twice}"


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_translations_keep_every_placeholder(language):
    for message_id, text, _fuzzy, _file in entries(language):
        if text:
            wanted = sorted(re.findall(r"\{\w+\}", message_id))
            got = sorted(re.findall(r"\{\w+\}", text if isinstance(text, str) else text[0]))
            assert wanted == got, f"{language}: {message_id!r} -> {text!r}"


def test_finnish_and_swedish_come_from_the_catalogs_english_from_the_code():
    assert Language("fi")._("Current state") == "Nykytila"
    assert Language("sv")._("Current state") == "Nuläge"
    assert Language("en")._("Current state") == "Current state"
    assert Language("sv")._("Customers") == "Kunder"


def test_plural_forms_follow_the_language():
    fi, sv = Language("fi"), Language("sv")
    assert fi.plural("{years} year", "{years} years", 1) == "{years} vuosi"
    assert fi.plural("{years} year", "{years} years", 4) == "{years} vuotta"
    assert sv.plural("{years} year", "{years} years", 4) == "{years} år"


def test_strict_language_refuses_a_message_without_translation():
    strict = Language("fi", strict=True)
    assert strict._("Follow-up") == "Seuranta"
    assert strict.plural("{years} year", "{years} years", 2) == "{years} vuotta"
    with pytest.raises(MissingTranslation, match="LC_MESSAGES"):
        strict._("A sentence nobody translated")
    with pytest.raises(MissingTranslation):
        strict.plural("{n} thing", "{n} things", 2)
    # English is the source language; a forgiving Language shows English instead
    assert Language("en", strict=True)._("Anything") == "Anything"
    assert Language("fi")._("A sentence nobody translated") == "A sentence nobody translated"
