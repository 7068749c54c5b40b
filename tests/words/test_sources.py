"""Every notebook ends with its sources, from one table: no source cited two ways."""

from pathlib import Path

import pytest

from helpers.language import Language
from helpers.words.sources import SOURCES, USED_IN, sources_markdown

NOTEBOOKS = sorted((Path(__file__).parents[2] / "notebooks").glob("0*.md"))


def test_every_notebook_has_a_list_and_every_source_is_used():
    assert {path.name[:2] for path in NOTEBOOKS} == set(USED_IN)
    used = {key for keys in USED_IN.values() for key in keys}
    assert used == set(SOURCES)
    assert set(USED_IN["00"]) == {"000", "001", "002", "003", "004"}  # the course map


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name[:2])
def test_every_notebook_ends_with_its_sources(path):
    text = path.read_text(encoding="utf-8")
    last = text.rindex("\n## ")
    assert text[last:].startswith("\n## Sources\n")
    assert text.rstrip().endswith("```{code-cell} ipython3\nwb.sources()\n```")


def test_a_study_says_what_it_shows_and_where_it_stops():
    text = sources_markdown("05", Language("en"))
    lines = text.splitlines()
    assert lines[0] == "**Sources of this notebook**"
    assert len(lines) == 2 + len(USED_IN["05"])
    fader = next(line for line in lines if "Counting your customers" in line)
    assert "Marketing Science 24(2), 275–284. A statistical model" in fader
    assert "*What it shows:*" in fader and "*Where it stops:* it assumes a steady rhythm" in fader


@pytest.mark.parametrize("code", ["fi", "sv"])
def test_the_sources_speak_the_reader_s_language(code):
    text = sources_markdown("03", Language(code, strict=True))
    assert "What it shows" not in text and "Kaplan, R. S." in text  # citations stay as published
