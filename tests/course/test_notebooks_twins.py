"""Every notebook has a plain-text twin (jupytext MyST) that carries the same cells."""

from pathlib import Path

import jupytext
import nbformat
import pytest

from helpers.course.notebooks import sync_from_twin, twin_of, twins_disagree
from helpers.paths import notebook_paths


@pytest.mark.parametrize("path", notebook_paths(), ids=lambda p: p.stem)
def test_twin_and_notebook_agree_on_every_cell(path: Path) -> None:
    assert twins_disagree(path) == []


def test_a_changed_twin_is_reported_and_synced_with_outputs_kept(tmp_path: Path) -> None:
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_markdown_cell("# Title"), nbformat.v4.new_code_cell("1 + 1")]
    notebook.cells[1].outputs = [nbformat.v4.new_output("execute_result", {"text/plain": "2"})]
    path = tmp_path / "01-x.ipynb"
    nbformat.write(notebook, path)
    jupytext.write(notebook, twin_of(path), fmt="md:myst")
    assert twins_disagree(path) == []

    twin = twin_of(path).read_text(encoding="utf-8").replace("# Title", "# A new title")
    twin_of(path).write_text(twin, encoding="utf-8")
    assert any("cell 1 differs" in p for p in twins_disagree(path))

    synced = sync_from_twin(path)
    assert synced.cells[0].source == "# A new title"
    assert synced.cells[1].outputs[0]["data"]["text/plain"] == "2"  # unchanged cell kept


def test_a_missing_twin_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "02-y.ipynb"
    nbformat.write(nbformat.v4.new_notebook(), path)
    assert twins_disagree(path) == ["02-y.md is missing"]
