"""workbook.py, the one way in: the right .venv layout per system, set-up only when the pins
change, commands passed through with their exit codes, messages in the user's own words.

Windows is faked where the logic depends on it (``windows=True`` and ``PureWindowsPath``);
CI runs the real thing on Linux (`.ci/run` is `python3 workbook.py test`).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load_bootstrap():
    spec = importlib.util.spec_from_file_location("workbook_bootstrap", ROOT / "workbook.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


wb = _load_bootstrap()


def test_venv_layout_is_scripts_on_windows_and_bin_elsewhere():
    windows = PureWindowsPath(r"C:\Users\Aino\workbook\.venv")
    assert str(wb.venv_python(windows, windows=True)) == (
        r"C:\Users\Aino\workbook\.venv\Scripts\python.exe"
    )
    posix = PurePosixPath("/Users/aino/workbook/.venv")
    assert str(wb.venv_python(posix, windows=False)) == "/Users/aino/workbook/.venv/bin/python"


def _fake_venv(folder: Path, scripts: str, program: str, version: str = "3.11.9") -> Path:
    (folder / scripts).mkdir(parents=True)
    (folder / scripts / program).write_bytes(b"")
    (folder / "pyvenv.cfg").write_text(f"home = x\nversion = {version}\n", encoding="utf-8")
    return folder


def test_a_venv_made_on_another_system_is_made_again(tmp_path):
    linux_made = _fake_venv(tmp_path / ".venv", "bin", "python")
    reason = wb.why_recreate(linux_made, windows=True)
    assert "another kind of system" in reason and "bin" in reason and "Scripts" in reason
    assert wb.why_recreate(linux_made, windows=False) is None


def test_a_venv_of_an_old_python_or_without_python_is_made_again(tmp_path):
    old = _fake_venv(tmp_path / "old", "Scripts", "python.exe", version="3.10.4")
    assert "3.10.4" in wb.why_recreate(old, windows=True)
    (tmp_path / "empty").mkdir()
    assert "has no" in wb.why_recreate(tmp_path / "empty", windows=False)
    assert wb.why_recreate(tmp_path / "absent", windows=False) is None  # simply made


def test_setup_is_skipped_only_while_pyproject_and_lock_are_unchanged(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_bytes(b"[project]\nname = 'x'\n")
    (project / "requirements.lock").write_bytes(b"pandas==3.1.1\n")
    venv = _fake_venv(project / ".venv", "bin", "python")
    assert not wb.is_up_to_date(venv, project, windows=False)  # no stamp yet

    (venv / wb.STAMP_NAME).write_text(wb.install_fingerprint(project) + "\n", encoding="utf-8")
    assert wb.is_up_to_date(venv, project, windows=False)

    # a Windows checkout with CRLF line endings is the same installation
    (project / "requirements.lock").write_bytes(b"pandas==3.1.1\r\n")
    assert wb.is_up_to_date(venv, project, windows=False)

    (project / "requirements.lock").write_bytes(b"pandas==3.1.2\n")
    assert not wb.is_up_to_date(venv, project, windows=False)


def test_commands_go_to_the_tools_or_the_workbook_command_line():
    python = PureWindowsPath(r"C:\w\.venv\Scripts\python.exe")
    command, in_root = wb.command_line(python, "test", ["-k", "lab"])
    assert command == [str(python), "-m", "pytest", "-k", "lab"] and in_root
    command, in_root = wb.command_line(python, "check", [r"data\own"])
    assert command == [str(python), "-m", "helpers", "check", r"data\own"]
    assert not in_root  # the user's own folder names are relative to where they are


@pytest.mark.parametrize(
    ("argv0", "windows", "expected"),
    [
        (r"C:\Python312\python.exe", True, "python workbook.py"),
        ("py", True, "py workbook.py"),
        ("/usr/bin/python3", False, "python3 workbook.py"),
        ("/opt/homebrew/bin/python3.12", False, "python3.12 workbook.py"),
        ("", True, "python workbook.py"),
        ("", False, "python3 workbook.py"),
    ],
)
def test_messages_name_the_command_as_the_user_typed_it(argv0, windows, expected):
    assert wb.how_called(argv0, windows=windows) == expected


def test_child_commands_run_in_utf8_mode_and_know_how_they_were_called():
    env = wb.child_environment({"PATH": "x"})
    assert env["PYTHONUTF8"] == "1" and env["WORKBOOK_COMMAND"].endswith("workbook.py")
    assert env["PATH"] == "x"
    assert wb.child_environment({"PYTHONUTF8": "0"})["PYTHONUTF8"] == "0"  # the user decides


def test_an_old_python_gets_a_sentence_not_a_traceback(monkeypatch, capsys):
    monkeypatch.setattr(sys, "version_info", (3, 10, 12, "final", 0))
    assert wb.main(["run"]) == 2
    assert "needs Python 3.11 or newer" in capsys.readouterr().out


def test_help_lists_the_two_commands(capsys):
    assert wb.main(["help"]) == 0
    text = capsys.readouterr().out
    assert "workbook.py run" in text and "workbook.py test" in text


@pytest.mark.skipif(not wb.is_up_to_date(), reason="needs the .venv that workbook.py set up")
def test_workbook_py_passes_commands_and_exit_codes_through(companies):
    env = {**os.environ, "PYTHONUTF8": "1"}
    result = subprocess.run(
        [sys.executable, str(ROOT / "workbook.py"), "check", str(companies / "broken")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=companies,
    )
    assert result.returncode == 2, result.stdout + result.stderr
    assert "invoices.csv, line 3, column 'date'" in result.stdout
    # the folder as this system writes it (backslashes on Windows)
    assert str((companies / "broken").resolve()) in result.stdout
