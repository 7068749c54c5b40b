"""The per-notebook pages of a run and the headline figures' JSON."""

import json

import nbformat

from helpers.report.figures import write_figures
from helpers.report.pages import without_exercises


def test_figures_json_turns_nan_into_null(tmp_path):
    write_figures({"a": float("nan"), "b": 1.5}, tmp_path / "x.json")
    assert json.loads((tmp_path / "x.json").read_text(encoding="utf-8")) == {"a": None, "b": 1.5}


def test_report_pages_leave_out_exercises_even_at_the_end_of_a_text_cell():
    cells = [
        nbformat.v4.new_markdown_cell("Some teaching.\n\n**Question 1.** How many?\nSay it."),
        nbformat.v4.new_code_cell("answer_1 = None\nq1.check(answer_1)"),
        nbformat.v4.new_markdown_cell("**Question 2 (to think about).** Why?"),
        nbformat.v4.new_code_cell("q2.solution()"),
        nbformat.v4.new_code_cell("print(q3.question)"),  # a guess's question, drawn from data
        nbformat.v4.new_code_cell("guess_3 = None\nq3.check(guess_3)"),
        nbformat.v4.new_code_cell("quest = 1  # not an exercise"),
        nbformat.v4.new_markdown_cell("More teaching."),
    ]
    kept = without_exercises(cells)
    sources = [c.source for c in kept]
    assert sources == ["Some teaching.", "quest = 1  # not an exercise", "More teaching."]
