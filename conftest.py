"""Test-run options for the whole project (a root conftest, so they reach notebooks/ too).

``--fast`` (``python workbook.py test --fast``) is the inner loop: everything except whole
runs of the workbook (tests/runs/), the committed notebooks under nbval (notebooks/) and the
browser tests (tests/browser/). CI runs everything.
"""

import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parent
# Notebooks and sessions without an output folder record the exercises in
# output/<company>/progress.json (helpers.course.progress); the tests' go to a temporary
# folder instead, never into the project's output/ (the kernels nbval starts inherit it).
PROGRESS_DIR_ENV = "WORKBOOK_PROGRESS_DIR"


SLOW = {
    "runs": "runs the whole workbook or a notebook with papermill (tests/runs/)",
    "browser": "drives JupyterLab or Voilà in headless Chromium (tests/browser/)",
    "notebooks": "re-executes a committed notebook under nbval (notebooks/*.ipynb)",
}


def pytest_addoption(parser):
    parser.addoption(
        "--fast",
        action="store_true",
        help="everything but whole runs, notebooks (nbval) and browser tests: the inner loop",
    )


def pytest_configure(config):
    for name, what in SLOW.items():
        config.addinivalue_line("markers", f"{name}: {what}")
    if not os.environ.get(PROGRESS_DIR_ENV):
        os.environ[PROGRESS_DIR_ENV] = tempfile.mkdtemp(prefix="workbook-progress-")
        config._progress_dir = os.environ[PROGRESS_DIR_ENV]


def pytest_unconfigure(config):
    made = getattr(config, "_progress_dir", None)
    if made:
        shutil.rmtree(made, ignore_errors=True)


def _kind(path: Path) -> str | None:
    if path.suffix == ".ipynb":
        return "notebooks"
    parts = path.resolve().relative_to(ROOT).parts if path.is_absolute() else path.parts
    if len(parts) > 1 and parts[0] == "tests" and parts[1] in ("runs", "browser"):
        return parts[1]
    return None


def pytest_ignore_collect(collection_path, config):
    """With --fast, the slow kinds are not even collected (nbval would parse every notebook)."""
    if config.getoption("--fast") and _kind(Path(collection_path)) is not None:
        return True
    return None


def pytest_collection_modifyitems(config, items):
    for item in items:
        kind = _kind(Path(str(item.path)))
        if kind is not None:
            item.add_marker(getattr(pytest.mark, kind))
