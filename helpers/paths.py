"""Where things are, resolved from the package's own location, never from the current folder.

Papermill runs a notebook in the caller's folder and nbval in the notebook's
folder; resolving from ``__file__`` makes both find the same sample company.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIR = PROJECT_ROOT / "data" / "sample"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
# set by ``workbook lab DATA_DIR`` for its kernels: the folder a notebook's data_dir = None opens
DATA_DIR_VARIABLE = "WORKBOOK_DATA_DIR"


def resolve_data_dir(data_dir: str | Path | None) -> Path:
    """The company folder to use: ``None`` or ``""`` means the embedded sample company (or
    the folder ``workbook lab DATA_DIR`` opened the course on, in ``WORKBOOK_DATA_DIR``).

    A relative path is taken from the current folder, or else from the project's folder
    where it exists only there: ``"data/own"`` works from ``notebooks/`` and from
    ``notebooks/fi/`` alike.

    >>> resolve_data_dir(None) == SAMPLE_DIR or DATA_DIR_VARIABLE in os.environ
    True
    >>> resolve_data_dir("data/sample") == SAMPLE_DIR
    True
    """
    if data_dir is None or str(data_dir).strip() == "":
        chosen = os.environ.get(DATA_DIR_VARIABLE, "").strip()
        return Path(chosen).expanduser().resolve() if chosen else SAMPLE_DIR
    path = Path(data_dir).expanduser()
    if not path.is_absolute() and not path.exists() and (PROJECT_ROOT / path).exists():
        return (PROJECT_ROOT / path).resolve()
    return path.resolve()


def notebook_paths() -> list[Path]:
    """The course notebooks in reading order (``NN-name.ipynb``)."""
    return sorted(p for p in NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb"))


def course_notebooks(language: str = "en") -> list[Path]:
    """The course in ``language``: ``notebooks/<language>/NN-name.ipynb`` where it has been
    written (``workbook notebooks``), else the English notebook; English: ``notebooks/``."""
    english = notebook_paths()
    if language == "en":
        return english
    translated = NOTEBOOKS_DIR / language
    return [translated / p.name if (translated / p.name).exists() else p for p in english]
