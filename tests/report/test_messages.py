"""Every message the helpers write for a reader has a Finnish and a Swedish translation."""

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from helpers.report.formats import Formats
from helpers.report.messages import LOCALE_DIR, translator

HELPERS = Path(__file__).resolve().parents[2] / "helpers"
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
        for text in message if isinstance(message, tuple) else (message,):
            found.setdefault(text, f"{filename}:{line}")
    return found


def catalog(language: str) -> dict[str, str]:
    entries = {}
    for path in sorted((LOCALE_DIR / language / "LC_MESSAGES").glob("*.po")):
        with open(path, "rb") as handle:
            for message in read_po(handle, locale=language):
                if message.id:
                    key = message.id[0] if isinstance(message.id, tuple) else message.id
                    entries[key] = message.string
    return entries


def test_helpers_mark_their_messages():
    assert len(marked_messages()) > 50


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_marked_message_is_translated(language):
    translated = catalog(language)
    missing = [f"{where}: {text!r}" for text, where in marked_messages().items()
               if not translated.get(text)]
    assert not missing, f"{len(missing)} message(s) lack a {language} translation:\n" + "\n".join(
        missing[:40])


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_translations_keep_every_placeholder(language):
    import re

    for message_id, text in catalog(language).items():
        if text:
            wanted = sorted(re.findall(r"\{\w+\}", message_id))
            got = sorted(re.findall(r"\{\w+\}", text if isinstance(text, str) else text[0]))
            assert wanted == got, f"{language}: {message_id!r} -> {text!r}"


def test_a_sentence_in_finnish_and_swedish():
    from helpers.analysis.freshness import freshness_in_words

    assert freshness_in_words(0.11, 0.714, Formats("fi")).startswith(
        "Viimeisten 12 kuukauden aikana hankitut asiakkaat toivat 11,0\xa0%")
    assert "71,4\xa0%" in freshness_in_words(0.11, 0.714, Formats("sv"))
    assert translator("en")("Customers") == "Customers"
