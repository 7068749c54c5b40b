"""Where things are, resolved from the package's own location, never from the current folder.

Papermill runs a notebook in the caller's folder and nbval in the notebook's
folder; resolving from ``__file__`` makes both find the same sample company.
"""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIR = PROJECT_ROOT / "data" / "sample"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"


def resolve_data_dir(data_dir: str | Path | None) -> Path:
    """The company folder to use: ``None`` or ``""`` means the embedded sample company.

    >>> resolve_data_dir(None) == SAMPLE_DIR
    True
    """
    if data_dir is None or str(data_dir).strip() == "":
        return SAMPLE_DIR
    return Path(data_dir).expanduser().resolve()


def notebook_paths() -> list[Path]:
    """The course notebooks in reading order (``NN-name.ipynb``)."""
    return sorted(p for p in NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb"))
