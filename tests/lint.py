"""``python workbook.py lint``: ruff's checks and ruff's formatting, on every Python file we own.

``lint`` fails when ruff finds a problem or would reformat a file; ``lint --fix`` lets ruff
fix what it can and format the files. The test suite runs the same check
(``tests/test_style.py``), so CI fails on an unformatted file too.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PATHS = [
    "helpers",
    "tests",
    "benchmarks",
    "data/make_sample.py",
    "docs/screenshots.py",
    "conftest.py",
    "workbook.py",
]


def ruff(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args, *PATHS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
    )


def lint(fix: bool = False) -> tuple[int, str]:
    """(exit code, what ruff said): 0 when both the checks and the formatting pass."""
    check = ruff("check", *(["--fix"] if fix else []))
    form = ruff("format", *([] if fix else ["--check"]))
    said = "\n".join(part for p in (check, form) for part in (p.stdout, p.stderr) if part.strip())
    return max(check.returncode, form.returncode), said


def main(argv: list[str]) -> int:
    code, said = lint(fix="--fix" in argv)
    print(said)
    if code:
        print("\nlint: `python workbook.py lint --fix` formats the files and fixes what it can.")
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
