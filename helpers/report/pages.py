"""The per-notebook pages of a run: an executed notebook as HTML for readers.

Text, tables and plots; no code, and no exercises (a reader of the report has no kernel
to answer in). The pages open offline: the template ``templates/offline`` leaves out the
scripts nbconvert would fetch from the network (require.js, MathJax).
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

TEMPLATES = Path(__file__).resolve().parent / "templates"

EXERCISE_CALL = re.compile(r"\bq\d+\.(check\(|hint\(|solution\(|question\b)")
QUESTION_TEXT = re.compile(r"^\s*\*\*Question \d+")


def is_exercise(cell) -> bool:
    """An exercise's prompt ("**Question 1.** …", or a cell printing ``q1.question``) or the
    cell that checks or solves it."""
    if cell.cell_type == "markdown":
        return bool(QUESTION_TEXT.match(cell.source))
    return cell.cell_type == "code" and bool(EXERCISE_CALL.search(cell.source))


def without_exercises(cells: list) -> list:
    """The cells a reader of the report needs: exercise prompts and checks left out.

    A question that ends a longer text cell is cut from it; the text stays.
    """
    kept = []
    for cell in cells:
        if cell.cell_type == "markdown" and not is_exercise(cell):
            paragraphs = re.split(r"\n\s*\n", cell.source)
            text = [p for p in paragraphs if not QUESTION_TEXT.match(p)]
            if len(text) < len(paragraphs):
                cell = nbformat.from_dict({**cell, "source": "\n\n".join(text)})
        if not is_exercise(cell):
            kept.append(cell)
    return kept


def export_html(executed: Path, target: Path) -> None:
    """The executed notebook as HTML for readers: text, tables and plots; no code, no exercises.

    A reader of the report has no kernel to answer in, so the exercise prompts and the
    "not answered yet" messages are left out (they stay in the executed ``.ipynb``).
    """
    exporter = HTMLExporter(
        template_name="offline",
        extra_template_basedirs=[str(TEMPLATES)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    notebook = nbformat.read(executed, as_version=4)
    notebook.cells = without_exercises(notebook.cells)
    body, _ = exporter.from_notebook_node(notebook)
    target.write_text(body, encoding="utf-8")
