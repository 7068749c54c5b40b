"""The command line and the runner's refusals: exit codes, nothing half-written (no notebook
is executed here; whole runs are in tests/runs/)."""

import pytest

from helpers import cli
from helpers.company.folder import DataError
from helpers.run import MARKER, RunError, prepare_output_dir, run_workbook


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


def test_loading_shows_each_step(companies, capsys):
    from helpers.company.folder import load_company
    from helpers.run import ticking

    seen = []
    load_company(companies / "minimal", on_step=seen.append)
    assert seen == ["invoices.csv", "checks across the files"]
    load_company(companies / "tiny", on_step=seen.append)
    assert seen[2:] == [
        "invoices.csv",
        "customers.csv",
        "hours.csv",
        "survey.csv",
        "quotes.csv",
        "checks across the files",
    ]
    with ticking("Reading and checking tiny", progress=True) as show:
        show("invoices.csv")
    assert "Reading and checking tiny: invoices.csv [00:00]" in capsys.readouterr().err
    with ticking("Quiet", progress=False) as show:
        show("invoices.csv")
    assert capsys.readouterr().err == ""


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


def test_check_on_a_new_empty_template_says_what_to_do(tmp_path, capsys):
    assert cli.main(["new", str(tmp_path / "co")]) == 0
    assert cli.main(["check", str(tmp_path / "co")]) == 2
    out = capsys.readouterr().out
    assert "invoices.csv: the file has a header but no rows" in out
