"""Re-validate notebooks that a run executed with strict nbval, as `make test` checks the
committed ones: the same sanitizers, the current environment's kernel."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SANITIZE = Path(__file__).parent.parent / "nbval_sanitize.cfg"  # tests/


def assert_reproduces(*executed: Path) -> None:
    """Fail, with nbval's report, unless every executed notebook reproduces its outputs."""
    check = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-o",
            "addopts=",
            "-p",
            "no:cacheprovider",
            "--nbval",
            "--nbval-current-env",
            "--nbval-sanitize-with",
            str(SANITIZE),
            *(str(path) for path in executed),
        ],
        cwd=executed[0].parent,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",  # not the Windows code page
    )
    assert check.returncode == 0, check.stdout[-4000:]
