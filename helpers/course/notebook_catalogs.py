"""The course in Finnish and Swedish: one catalog per notebook and language, one source of code.

The English twin (``notebooks/NN-name.md``) stays the source of every cell. Its text is cut
into messages: each Markdown cell into its blocks (paragraphs, lists, tables, headings:
the pieces between blank lines; a fenced block stays whole), and each code comment into
one message of its own (context ``code comment``). A translator fills in
``notebooks/locale/<fi|sv>/NN-name.po`` (gettext, read and written with Babel), and
:func:`translate_notebook` puts the translations in place of the English pieces:

* code cells keep their code: only the comments change, and :func:`same_code` checks that
  every translated cell parses to the same program (the one exception: the parameter
  ``language``, which becomes the notebook's own language);
* a changed English paragraph no longer matches its old translation: ``update_catalogs``
  marks the old one *fuzzy* (Babel's fuzzy matching keeps it to start from), and the test
  of :func:`problems` fails until a person has updated it.

``python workbook.py translations`` updates the catalogs from the twins and says what is
left to translate; ``python workbook.py notebooks`` writes and executes
``notebooks/<fi|sv>/NN-name.ipynb`` from the twins and the catalogs.

>>> blocks("# Title\\n\\nOne paragraph\\non two lines.\\n\\n* a\\n* b")
['# Title', 'One paragraph\\non two lines.', '* a\\n* b']
"""

from __future__ import annotations

import ast
import datetime
import io
import re
import tokenize
from pathlib import Path

import jupytext
import nbformat
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from helpers.language.catalogs import LANGUAGES as COURSE_LANGUAGES
from helpers.paths import NOTEBOOKS_DIR

LANGUAGES = tuple(code for code in COURSE_LANGUAGES if code != "en")  # translated into these
LOCALE_DIR = NOTEBOOKS_DIR / "locale"
COMMENT = "code comment"  # the msgctxt of a code comment
_LANGUAGE_PARAMETER = re.compile(r'^(language\s*=\s*)"en"', re.MULTILINE)
_FENCE = re.compile(r"^(```|~~~)")
_CODE_SPAN = re.compile(r"`[^`\n]+`")
# fixed header dates: a catalog changes only where its text does (no clock in the diffs)
_DATE = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
_HEADER = (
    "# {language} text of notebooks/{name}.md, the English source.\n"
    "# Fill in each msgstr; keep `code`, **bold** and links. README: the course in Finnish\n"
    "# and Swedish."
)


def _new_catalog(language: str | None = None, name: str = "") -> Catalog:
    catalog = Catalog(
        locale=language,
        project="customer-workbook",
        version="1",
        creation_date=_DATE,
        revision_date=_DATE,
        language_team=language,
        last_translator="the course team",
        msgid_bugs_address="",
        fuzzy=False,
    )
    if language:
        label = {"fi": "Finnish", "sv": "Swedish"}.get(language, language)
        catalog.header_comment = _HEADER.format(language=label, name=name)
    return catalog


class Untranslated(Exception):
    """A notebook can't be written in a language: some of its English text has no
    translation there yet (or only a fuzzy one)."""


def twins() -> list[Path]:
    """The English twins, in reading order."""
    return sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]-*.md"))


def catalog_path(twin: Path, language: str) -> Path:
    return LOCALE_DIR / language / f"{twin.stem}.po"


def translated_path(twin: Path, language: str) -> Path:
    """``notebooks/fi/NN-name.ipynb`` for the twin ``notebooks/NN-name.md``."""
    return NOTEBOOKS_DIR / language / f"{twin.stem}.ipynb"


def blocks(text: str) -> list[str]:
    """A Markdown cell's pieces to translate: the text between blank lines, a fenced block
    (``` … ```) whole even where it holds blank lines."""
    pieces, current, fenced = [], [], False
    for line in text.splitlines():
        if _FENCE.match(line.strip()):
            fenced = not fenced
        if not line.strip() and not fenced:
            if current:
                pieces.append("\n".join(current))
                current = []
            continue
        current.append(line)
    if current:
        pieces.append("\n".join(current))
    return pieces


def comments(source: str) -> list[tokenize.TokenInfo]:
    """The comment tokens of a code cell ([] where the cell is not plain Python)."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return []
    return [token for token in tokens if token.type == tokenize.COMMENT]


def _comment_text(token: tokenize.TokenInfo) -> str:
    return token.string.lstrip("#").strip()


def messages(notebook: nbformat.NotebookNode) -> list[tuple[str, str | None, int]]:
    """Every piece of the notebook to translate: (text, context, cell number from 1)."""
    found = []
    for number, cell in enumerate(notebook.cells, start=1):
        if cell.cell_type == "markdown":
            found.extend((piece, None, number) for piece in blocks(cell.source))
        elif cell.cell_type == "code":
            found.extend(
                (_comment_text(token), COMMENT, number)
                for token in comments(cell.source)
                if _comment_text(token)
            )
    return found


def template(twin: Path) -> Catalog:
    """The catalog template of one twin: its messages, with where each comes from."""
    catalog = _new_catalog()
    for text, context, number in messages(jupytext.read(twin)):
        message = catalog.add(text, context=context, locations=[(twin.name, number)])
        message.flags.discard("python-format")  # "25 %" is text here, not a format string
    return catalog


def read_catalog(path: Path, language: str) -> Catalog:
    with open(path, "rb") as handle:
        return read_po(handle, locale=language)


def write_catalog(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        write_po(handle, catalog, width=100, omit_header=False, ignore_obsolete=True)


def update_catalogs(languages: tuple[str, ...] = LANGUAGES) -> dict[str, dict[str, int]]:
    """Bring every catalog in line with its twin: new English pieces added untranslated,
    changed ones marked fuzzy with their old translation, removed ones dropped.

    Out: per catalog file name, the counts of ``messages``, ``untranslated`` and ``fuzzy``.
    """
    counts = {}
    for twin in twins():
        fresh = template(twin)
        for language in languages:
            path = catalog_path(twin, language)
            if path.exists():
                catalog = read_catalog(path, language)
            else:
                catalog = _new_catalog(language, twin.stem)
            catalog.update(fresh, update_header_comment=False, update_creation_date=False)
            for message in catalog:
                message.flags.discard("python-format")
            catalog.obsolete.clear()
            write_catalog(catalog, path)
            counts[f"{language}/{path.name}"] = _count(catalog)
    return counts


def _count(catalog: Catalog) -> dict[str, int]:
    entries = [message for message in catalog if message.id]
    return {
        "messages": len(entries),
        "untranslated": sum(1 for message in entries if not message.string),
        "fuzzy": sum(1 for message in entries if message.string and message.fuzzy),
    }


def translations(twin: Path, language: str) -> dict[tuple[str, str | None], str]:
    """The finished translations of a twin's catalog: (English, context) -> translation."""
    path = catalog_path(twin, language)
    if not path.exists():
        return {}
    return {
        (message.id, message.context): message.string
        for message in read_catalog(path, language)
        if message.id and message.string and not message.fuzzy
    }


def problems(twin: Path, language: str) -> list[str]:
    """What keeps a twin from being written in ``language``: English pieces with no
    finished translation, and translations that lost a `code` span of the English."""
    done = translations(twin, language)
    found = []
    for text, context, number in messages(jupytext.read(twin)):
        translated = done.get((text, context))
        where = f"{catalog_path(twin, language).name}, cell {number}"
        if translated is None:
            found.append(f"{where}: not translated (or fuzzy): {text[:70]!r}")
        elif context is None:
            lost = set(_CODE_SPAN.findall(text)) - set(_CODE_SPAN.findall(translated))
            if lost:
                found.append(f"{where}: the translation lacks {', '.join(sorted(lost))}")
    return found


def translate_notebook(twin: Path, language: str) -> nbformat.NotebookNode:
    """The twin's notebook in ``language``: its text from the catalog, its code unchanged
    but for the comments and the ``language`` parameter. Raises :class:`Untranslated`
    naming every piece that is missing."""
    missing = problems(twin, language)
    if missing:
        raise Untranslated("\n".join(missing))
    done = translations(twin, language)
    notebook = jupytext.read(twin)
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            cell.source = "\n\n".join(done[(piece, None)] for piece in blocks(cell.source))
        elif cell.cell_type == "code":
            cell.source = _translate_comments(cell.source, done)
            if "parameters" in cell.metadata.get("tags", []):
                cell.source = _LANGUAGE_PARAMETER.sub(rf'\g<1>"{language}"', cell.source)
    english = twin.with_suffix(".ipynb")
    if english.exists():  # the English notebook's cell ids: no new random ids at each writing
        cells = nbformat.read(english, as_version=4).cells
        if len(cells) == len(notebook.cells):
            for cell, same in zip(notebook.cells, cells, strict=True):
                if "id" in same:
                    cell["id"] = same["id"]
    notebook.metadata.pop("jupytext", None)  # no twin of its own: the English one is the source
    notebook.metadata["language"] = language
    return notebook


def _translate_comments(source: str, done: dict) -> str:
    lines = source.splitlines(keepends=True)
    for token in reversed(comments(source)):  # from the end: columns stay right
        text = _comment_text(token)
        if not text:
            continue
        row, column = token.start[0] - 1, token.start[1]
        line = lines[row]
        end = column + len(token.string)
        lines[row] = f"{line[:column]}# {done[(text, COMMENT)]}{line[end:]}"
    return "".join(lines)


def same_code(english: str, translated: str, language: str) -> bool:
    """Whether two code cells are the same program (comments aside; the translated
    ``language`` parameter read back as "en")."""
    back = re.sub(rf'^(language\s*=\s*)"{language}"', r'\g<1>"en"', translated, flags=re.M)
    try:
        return ast.dump(ast.parse(english)) == ast.dump(ast.parse(back))
    except SyntaxError:
        return english == translated


def main(names: list[str]) -> int:
    """``python workbook.py translations``: update the catalogs, say what is left to do."""
    counts = update_catalogs()
    left = 0
    for name, count in counts.items():
        todo = count["untranslated"] + count["fuzzy"]
        left += todo
        state = "done" if not todo else f"{count['untranslated']} new, {count['fuzzy']} changed"
        if not names or any(n in name for n in names):
            print(f"{name}: {count['messages']} pieces, {state}")
    print(
        "Every catalog is finished."
        if not left
        else f"{left} piece(s) to translate: fill in their msgstr, and remove the 'fuzzy' "
        "mark where you have checked a changed one. Then python workbook.py notebooks."
    )
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
