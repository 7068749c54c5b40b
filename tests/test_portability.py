"""No POSIX-only assumptions: the workbook runs on Windows and macOS laptops too.

Two kinds of check. The source scans read every Python file of the project and flag what
works on Linux but not on Windows: text files opened without an encoding (Windows would
use its ANSI code page, and ä, ö, å or € break), text pipes without an encoding, shell
calls, ``/tmp``, ``.venv/bin``. The data checks feed the workbook files the way Windows
programs write them (CRLF line endings, a BOM, Excel's cp1252).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from helpers.company.folder import check_company, load_company

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(
    [
        *(ROOT / "helpers").rglob("*.py"),
        *(ROOT / "tests").rglob("*.py"),
        ROOT / "workbook.py",
        ROOT / "data" / "make_sample.py",
    ]
)
TEXT_FILE_CALLS = {"open", "read_text", "write_text"}
PIPE_CALLS = {"run", "Popen", "check_output", "check_call", "call"}
TMP = "/" + "tmp"  # spelled so that this file passes its own scan
POSIX_ONLY_MODULES = {"fcntl", "pwd", "grp", "termios", "resource"}
# positional place of `encoding` when it is not given by name
ENCODING_POSITION = {"read_text": 0, "write_text": 1, "open": 3}


def _name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _keywords(call: ast.Call) -> dict[str, ast.expr]:
    return {k.arg: k.value for k in call.keywords if k.arg}


def _mode(call: ast.Call) -> str:
    """The mode of an open() / Path.open() call, '' when not a plain string."""
    mode = _keywords(call).get("mode")
    if mode is None:
        index = 1 if _name(call) == "open" and isinstance(call.func, ast.Name) else 0
        mode = call.args[index] if len(call.args) > index else None
    return mode.value if isinstance(mode, ast.Constant) and isinstance(mode.value, str) else ""


def text_files_without_encoding(source: str) -> list[int]:
    """Lines that open a text file without saying its encoding."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or _name(node) not in TEXT_FILE_CALLS:
            continue
        if _name(node) == "open" and "b" in _mode(node):
            continue
        position = ENCODING_POSITION[_name(node)]
        if _name(node) == "open" and isinstance(node.func, ast.Attribute):
            position = 2  # Path.open(mode, buffering, encoding)
        if "encoding" not in _keywords(node) and len(node.args) <= position:
            lines.append(node.lineno)
    return lines


def text_pipes_without_encoding(source: str) -> list[int]:
    """Lines that read a program's output as text in the locale's encoding."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or _name(node) not in PIPE_CALLS:
            continue
        keywords = _keywords(node)
        as_text = any(
            isinstance(keywords.get(k), ast.Constant) and keywords[k].value is True
            for k in ("text", "universal_newlines")
        )
        if as_text and "encoding" not in keywords:
            lines.append(node.lineno)
    return lines


def test_the_scans_find_what_they_look_for():
    assert text_files_without_encoding("open(p)\nopen(p, 'rb')\np.read_text()\n") == [1, 3]
    assert text_files_without_encoding("p.open('w', encoding='utf-8')\np.open('rb')\n") == []
    assert text_pipes_without_encoding("subprocess.run(c, text=True)\nrun(c)\n") == [1]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_text_files_and_pipes_say_their_encoding(path: Path):
    source = path.read_text(encoding="utf-8")
    where = str(path.relative_to(ROOT))
    assert not text_files_without_encoding(source), (
        f"{where}, lines {text_files_without_encoding(source)}: add encoding='utf-8' "
        "(or 'utf-8-sig' for files people open in Excel)"
    )
    assert not text_pipes_without_encoding(source), (
        f"{where}, lines {text_pipes_without_encoding(source)}: add encoding='utf-8'"
    )


def posix_only(source: str, in_helpers: bool = True) -> list[str]:
    """What in this code works on Linux and macOS only (docstrings are not code)."""
    tree = ast.parse(source)
    docstrings = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if id(node) in docstrings:
                continue
            if node.value.startswith(TMP):
                found.append(f"line {node.lineno}: /tmp (use tmp_path or tempfile)")
            if in_helpers and ".venv/bin" in node.value:
                found.append(f"line {node.lineno}: .venv/bin (Windows has .venv\\Scripts)")
        elif isinstance(node, ast.Call):
            if (
                isinstance(_keywords(node).get("shell"), ast.Constant)
                and _keywords(node)["shell"].value
            ):
                found.append(f"line {node.lineno}: shell=True (pass a list of arguments)")
            if ast.unparse(node.func) in ("os.system", "os.popen"):
                found.append(f"line {node.lineno}: {ast.unparse(node.func)} (use subprocess)")
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module]
            found += [f"line {node.lineno}: import {n}" for n in names if n in POSIX_ONLY_MODULES]
    return found


def test_the_posix_scan_finds_what_it_looks_for():
    code = 'import pwd\nos.system("ls")\nrun(c, shell=True)\np = "/tmp/x"\nq = ".venv/bin/python"\n'
    assert len(posix_only(code)) == 5
    assert posix_only('"""Not code: /tmp and .venv/bin in a docstring."""\n') == []


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_posix_only_calls_or_paths(path: Path):
    in_helpers = "tests" not in path.relative_to(ROOT).parts  # tests may name a Linux path
    problems = posix_only(path.read_text(encoding="utf-8"), in_helpers)
    assert not problems, f"{path.relative_to(ROOT)}: {problems}"


INVOICES = (
    "customer_id,date,amount,product\n"
    "C1,2024-01-15,100.50,Kahvi\n"
    "C2,2024-02-01,250,Päivällinen\n"
    "C1,2024-03-01,-20,Hyvitys\n"
)


def _company(folder: Path, data: bytes) -> Path:
    folder.mkdir()
    (folder / "invoices.csv").write_bytes(data)
    return folder


@pytest.mark.parametrize(
    "windows_bytes",
    [
        INVOICES.replace("\n", "\r\n").encode("utf-8"),  # Notepad, git with autocrlf
        b"\xef\xbb\xbf" + INVOICES.replace("\n", "\r\n").encode("utf-8"),  # Excel: CSV UTF-8
        INVOICES.replace("\n", "\r\n").encode("cp1252"),  # Excel: plain CSV, Western Europe
    ],
    ids=["crlf", "bom-crlf", "cp1252-crlf"],
)
def test_a_company_folder_saved_on_windows_reads_the_same(tmp_path, windows_bytes):
    unix = load_company(_company(tmp_path / "unix", INVOICES.encode("utf-8")))
    windows = load_company(_company(tmp_path / "windows", windows_bytes))
    assert windows.invoices.equals(unix.invoices)
    assert list(windows.invoices["product"]) == ["Kahvi", "Päivällinen", "Hyvitys"]


def test_errors_in_a_crlf_file_name_the_same_line(tmp_path):
    broken = INVOICES.replace("2024-02-01", "next week")
    unix = check_company(_company(tmp_path / "unix", broken.encode("utf-8")))
    windows = check_company(
        _company(tmp_path / "windows", broken.replace("\n", "\r\n").encode("utf-8"))
    )
    assert [str(p) for p in windows] == [str(p) for p in unix]
    assert any("line 3" in str(p) for p in windows)


def test_windows_made_fixtures_keep_their_bytes_on_every_checkout():
    # .gitattributes: git never converts CSV files, so the CRLF and cp1252 fixtures stay what
    # they are on a Windows clone too (and keep testing what they were made to test)
    attributes = (ROOT / ".gitattributes").read_text(encoding="utf-8").splitlines()
    assert "*.csv -text" in attributes
    assert b"\r\n" in (ROOT / "tests" / "companies" / "minimal" / "invoices.csv").read_bytes()


def test_a_file_open_in_excel_gets_a_sentence_not_a_traceback(monkeypatch, capsys):
    # Windows locks open files: re-running while lists.xlsx is open in Excel fails to clear it
    from helpers import cli

    def locked(args):
        raise PermissionError(13, "Permission denied", r"C:\workbook\output\own\lists.xlsx")

    monkeypatch.setattr(cli, "cmd_check", locked)
    assert cli.main(["check"]) == cli.RUN_ERROR
    message = capsys.readouterr().err
    assert r"C:\workbook\output\own\lists.xlsx" in message and "close it" in message
