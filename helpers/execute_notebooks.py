"""Re-execute committed notebooks top to bottom in a fresh kernel, in place (``make notebooks``).

Run after changing helpers, so the stored outputs that nbval compares are fresh.
Each notebook runs in its own folder with its default parameters: the sample company.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from helpers.paths import NOTEBOOKS_DIR, notebook_paths


def execute_in_place(path: Path, timeout: int = 600) -> None:
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS_DIR)}},
    )
    client.execute()
    # the kernelspec is whatever runs the notebook; keep the generic name, not a machine's
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(notebook, path)


def main(names: list[str]) -> int:
    paths = [Path(n).resolve() for n in names] if names else notebook_paths()
    for path in paths:
        print(f"executing {path.name} …", flush=True)
        execute_in_place(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
