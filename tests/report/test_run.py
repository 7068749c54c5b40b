"""The runner and the command line: refusals, exit codes, nothing half-written."""

import json

import nbformat
import pytest

from helpers import cli
from helpers.company.folder import DataError
from helpers.report.run import MARKER, RunError, prepare_output_dir, run_workbook


def test_check_exit_codes(companies, capsys):
    assert cli.main(["check", str(companies / "tiny")]) == 0
    assert "OK, no errors" in capsys.readouterr().out
    assert cli.main(["check", str(companies / "broken")]) == 2
    out = capsys.readouterr().out
    assert "Errors (fix these first):" in out and "line 3, column 'date'" in out


def test_run_on_bad_data_exits_2_and_writes_nothing(companies, tmp_path, capsys):
    out = tmp_path / "out"
    assert cli.main(["run", str(companies / "broken"), "--out", str(out), "--quiet"]) == 2
    assert "8 problem(s)" in capsys.readouterr().err
    assert not out.exists()
    with pytest.raises(DataError):
        run_workbook(companies / "broken", out, progress=False)


def test_output_folder_refusals(tmp_path, companies):
    data = companies / "tiny"
    with pytest.raises(RunError, match="inside the company folder"):
        prepare_output_dir(data / "report", data)
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "thesis.docx").write_text("precious", encoding="utf-8")
    with pytest.raises(RunError, match="did not write"):
        prepare_output_dir(foreign, data)
    assert (foreign / "thesis.docx").read_text(encoding="utf-8") == "precious"
    ours = tmp_path / "ours"
    prepare_output_dir(ours, data)
    (ours / "old.html").write_text("stale", encoding="utf-8")
    prepare_output_dir(ours, data)  # a folder we wrote may be cleared
    assert (ours / MARKER).exists() and not (ours / "old.html").exists()


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
    from helpers.report.run import execute_notebooks

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
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    process.stderr.read(200)  # the first progress lines, then nobody listens
    process.stderr.close()
    assert process.wait(timeout=300) == 0
    assert (out / "index.html").exists()


def test_loading_shows_each_step(companies, capsys):
    from helpers.company.folder import load_company
    from helpers.report.run import ticking

    seen = []
    load_company(companies / "minimal", on_step=seen.append)
    assert seen == ["invoices.csv", "checks across the files"]
    load_company(companies / "tiny", on_step=seen.append)
    assert seen[2:] == ["invoices.csv", "customers.csv", "hours.csv", "survey.csv",
                        "quotes.csv", "checks across the files"]
    with ticking("Reading and checking tiny", progress=True) as show:
        show("invoices.csv")
    assert "Reading and checking tiny: invoices.csv [00:00]" in capsys.readouterr().err
    with ticking("Quiet", progress=False) as show:
        show("invoices.csv")
    assert capsys.readouterr().err == ""


def test_figures_json_turns_nan_into_null(tmp_path):
    from helpers.report.figures import write_figures

    write_figures({"a": float("nan"), "b": 1.5}, tmp_path / "x.json")
    assert json.loads((tmp_path / "x.json").read_text(encoding="utf-8")) == {"a": None, "b": 1.5}


def test_python_dash_m_helpers_is_the_same_command(companies):
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "helpers", "check", str(companies / "broken")],
        capture_output=True,
        text=True,
        encoding="utf-8",  # not the Windows code page
        errors="replace",
    )
    assert result.returncode == 2
    assert "invoices.csv, line 3, column 'date'" in result.stdout


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


def test_check_on_a_new_empty_template_says_what_to_do(tmp_path, capsys):
    assert cli.main(["new", str(tmp_path / "co")]) == 0
    assert cli.main(["check", str(tmp_path / "co")]) == 2
    out = capsys.readouterr().out
    assert "invoices.csv: the file has a header but no rows" in out


def test_a_batch_kernel_starts_without_the_eavesdropping_warning(tmp_path, capfd):
    import nbformat
    import papermill

    from helpers.report.run import KERNEL, kernel_config

    notebook = tmp_path / "in.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")]), notebook)
    papermill.execute_notebook(str(notebook), str(tmp_path / "out.ipynb"), kernel_name=KERNEL,
                               progress_bar=False, config=kernel_config())
    assert "without encryption" not in capfd.readouterr().err


def test_report_pages_leave_out_exercises_even_at_the_end_of_a_text_cell():
    import nbformat

    from helpers.report.run import without_exercises

    cells = [
        nbformat.v4.new_markdown_cell("Some teaching.\n\n**Question 1.** How many?\nSay it."),
        nbformat.v4.new_code_cell("answer_1 = None\nq1.check(answer_1)"),
        nbformat.v4.new_markdown_cell("**Question 2 (to think about).** Why?"),
        nbformat.v4.new_code_cell("q2.solution()"),
        nbformat.v4.new_markdown_cell("More teaching."),
    ]
    kept = without_exercises(cells)
    assert [c.source for c in kept] == ["Some teaching.", "More teaching."]
