"""Whole runs of the runner: failures leave no report, two kernels at once, progress, pseudonyms."""

from pathlib import Path

import nbformat
import pytest

from helpers.company.cache import cache_path
from helpers.run import RunError, run_workbook


def write_notebook(path, code: str):
    """A notebook with the workbook's parameters cell, then ``code``."""
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell(
                "data_dir = None\noutput_dir = None\nlanguage = 'en'\nas_of = None",
                metadata={"tags": ["parameters"]},
            ),
            nbformat.v4.new_code_cell(code),
        ]
    )
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(notebook, path)
    return path


def test_a_failing_notebook_leaves_no_report(companies, tmp_path):
    path = write_notebook(tmp_path / "99-fails.ipynb", "raise ValueError('boom')")
    out = tmp_path / "out"
    with pytest.raises(RunError, match="99-fails.ipynb stopped with ValueError: boom"):
        run_workbook(companies / "tiny", out, notebooks=[path], progress=False)
    assert not (out / "index.html").exists() and not (out / "summary.json").exists()


def test_two_notebooks_run_at_once_and_a_failure_names_its_notebook(tmp_path):
    from pathlib import Path

    from helpers.paths import NOTEBOOKS_DIR
    from helpers.run import execute_notebooks

    good = write_notebook(tmp_path / "01-good.ipynb", "import os, time\ntime.sleep(1)\nos.getcwd()")
    bad = write_notebook(tmp_path / "02-bad.ipynb", "raise KeyError('gone')")
    after = write_notebook(tmp_path / "03-after.ipynb", "1 + 1")
    out = tmp_path / "out"
    out.mkdir()
    before = Path.cwd()
    with pytest.raises(RunError, match="02-bad.ipynb stopped with KeyError"):
        execute_notebooks([good, bad, after], out, {}, progress=False, workers=2)
    assert Path.cwd() == before  # the working folder is the caller's again
    executed = nbformat.read(out / "01-good.ipynb", as_version=4)
    assert executed.cells[-1].outputs[0]["data"]["text/plain"] == repr(str(NOTEBOOKS_DIR))
    assert (out / "01-good.html").exists()  # the notebook beside the failure finished


def test_a_run_whose_progress_nobody_reads_still_finishes(companies, tmp_path):
    """`workbook run … 2>&1 | head`: the progress pipe closes early (it once hung the run)."""
    import subprocess
    import sys

    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "helpers", "run", str(companies / "tiny"), "--out", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    process.stderr.read(200)  # the first progress lines, then nobody listens
    process.stderr.close()
    assert process.wait(timeout=300) == 0
    assert (out / "index.html").exists()


def test_pseudonymized_run_contains_no_original_name(companies, tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBOOK_PSEUDONYM_SECRET", "class-of-2026")
    out = tmp_path / "shared"
    run_workbook(companies / "tiny", out, pseudonymize_secret="class-of-2026", progress=False)
    originals = [
        "Aalto Rakennus",
        "Bistro Björk",
        "Cafe Kulma",
        "Dahl & Son",
        "Tiny Test Oy",
        "Kahvila Pikku",
        "Metsä Puu",
        "Liisa",
        "Matti",
    ]
    for path in out.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            for name in originals:
                assert name not in text, f"{name} found in {path.name}"
    assert not (out / "pseudonymized").exists()
    key = (tmp_path / "shared-pseudonym-key.csv").read_text(encoding="utf-8")
    assert key.startswith("\ufeff")  # a BOM, for Excel on Windows
    assert "Bistro Björk" in key  # the key stays outside the shared folder


def test_a_batch_kernel_starts_without_the_eavesdropping_warning(tmp_path, capfd):
    import nbformat
    import papermill

    from helpers.course.notebooks import kernel_config
    from helpers.run import KERNEL

    notebook = tmp_path / "in.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")]), notebook)
    papermill.execute_notebook(
        str(notebook),
        str(tmp_path / "out.ipynb"),
        kernel_name=KERNEL,
        progress_bar=False,
        config=kernel_config(),
    )
    assert "without encryption" not in capfd.readouterr().err


def test_a_run_leaves_no_cache_behind(companies, tmp_path: Path):
    from helpers.paths import notebook_paths
    from helpers.run import run_workbook

    first = notebook_paths()[:1]
    result = run_workbook(companies / "tiny", tmp_path / "out", notebooks=first, progress=False)
    assert not cache_path(result.out_dir).exists()
