"""The notebooks and their plain-text twins: sync the pair, execute in place (``make notebooks``).

Every notebook ``notebooks/NN-name.ipynb`` has a twin ``NN-name.md`` (MyST Markdown, written by
jupytext). People edit and review the twin; the ``.ipynb`` stays committed *executed*, because
``pytest --nbval`` compares its stored outputs. ``make notebooks`` (or
``python -m helpers.course.notebooks [NN-name …]``) does, for each notebook:

1. sync: the twin's cells become the notebook's cells (outputs of unchanged cells are kept);
   a notebook without a twin gets one written from it;
2. execute the notebook top to bottom in a fresh kernel, in its own folder, with its default
   parameters (the sample company), and save it in place;
3. write the twin again from the notebook, so both always carry the same sources;
4. write and execute the notebook in Finnish and Swedish (``notebooks/fi``, ``notebooks/sv``)
   from the twin and its catalogs (:mod:`helpers.course.notebook_catalogs`), where the
   catalogs are finished.

``twins_disagree`` is what the test uses: the cells whose sources differ between the two.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jupytext
import nbformat
import zmq
from jupytext.combine import combine_inputs_with_outputs
from nbclient import NotebookClient
from traitlets.config import Config

from helpers.course.forms import batch_mode
from helpers.paths import NOTEBOOKS_DIR, notebook_paths

TWIN_FORMAT = "md:myst"
KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}


def kernel_config() -> Config:
    """Kernel settings for batch runs: the kernel's channels encrypted (CurveZMQ).

    Without keys, ipykernel warns on every start that it "is running over TCP without
    encryption … susceptible to eavesdropping": alarming in a report run, and true only
    because nobody asked for encryption. Where pyzmq has CurveZMQ (its wheels do),
    the kernel manager provisions the keys and the warning has nothing to say.
    """
    config = Config()
    if zmq.has("curve"):
        config.KernelManager.transport_encryption = "auto"
    return config


def twin_of(notebook: Path) -> Path:
    """``01-x.ipynb`` -> ``01-x.md`` beside it."""
    return notebook.with_suffix(".md")


def _cells(notebook: nbformat.NotebookNode) -> list[tuple[str, str, tuple[str, ...]]]:
    return [
        (cell.cell_type, cell.source.strip(), tuple(cell.get("metadata", {}).get("tags", [])))
        for cell in notebook.cells
    ]


def twins_disagree(notebook: Path) -> list[str]:
    """What differs between a notebook and its twin, cell by cell (empty: they agree)."""
    twin = twin_of(notebook)
    if not twin.exists():
        return [f"{twin.name} is missing"]
    ours = _cells(nbformat.read(notebook, as_version=4))
    theirs = _cells(jupytext.read(twin))
    problems = []
    if len(ours) != len(theirs):
        problems.append(f"{notebook.name} has {len(ours)} cells, {twin.name} has {len(theirs)}")
    for number, (a, b) in enumerate(zip(ours, theirs, strict=False), start=1):
        if a != b:
            problems.append(f"cell {number} differs: {a[1][:60]!r} vs {b[1][:60]!r}")
    return problems


def _pair(notebook: nbformat.NotebookNode) -> None:
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)  # wall-clock times: noise in every diff
    notebook.metadata["jupytext"] = {"formats": f"ipynb,{TWIN_FORMAT}"}
    notebook.metadata["kernelspec"] = dict(KERNELSPEC)


def sync_from_twin(path: Path) -> nbformat.NotebookNode:
    """The notebook with the twin's cells (keeping outputs of unchanged cells)."""
    current = nbformat.read(path, as_version=4) if path.exists() else None
    twin = twin_of(path)
    if not twin.exists():
        if current is None:
            raise FileNotFoundError(f"neither {path.name} nor {twin.name} exists")
        return current
    text = jupytext.read(twin)
    notebook = combine_inputs_with_outputs(text, current) if current is not None else text
    return notebook


def write_twin(path: Path, notebook: nbformat.NotebookNode) -> None:
    jupytext.write(notebook, twin_of(path), fmt=TWIN_FORMAT)


def _execute(notebook: nbformat.NotebookNode, folder: Path, timeout: int = 900) -> None:
    """Run every cell top to bottom in a fresh kernel started in ``folder``."""
    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        config=kernel_config(),
        record_timing=False,  # wall-clock times in committed notebooks only make diffs noisy
        coalesce_streams=True,  # one printed line is one output, however the kernel flushed it
        resources={"metadata": {"path": str(folder)}},
    )
    with batch_mode():  # committed notebooks hold no widgets (nbval compares outputs)
        client.execute()


def execute_in_place(path: Path, timeout: int = 900) -> None:
    """Sync from the twin, execute top to bottom in a fresh kernel, save both files."""
    notebook = sync_from_twin(path)
    _pair(notebook)
    _execute(notebook, NOTEBOOKS_DIR, timeout)
    _pair(notebook)  # the kernelspec is whatever ran it; keep the generic one
    nbformat.write(notebook, path)
    write_twin(path, notebook)


def execute_translated(twin: Path, language: str, timeout: int = 900) -> Path:
    """Write the twin's notebook in ``language`` from its catalog and execute it in place
    (``notebooks/<language>/NN-name.ipynb``). Raises ``Untranslated`` when the catalog is
    not finished."""
    from helpers.course.notebook_catalogs import translate_notebook, translated_path

    notebook = translate_notebook(twin, language)
    notebook.metadata["kernelspec"] = dict(KERNELSPEC)
    path = translated_path(twin, language)
    path.parent.mkdir(exist_ok=True)
    _execute(notebook, path.parent, timeout)
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
    notebook.metadata["kernelspec"] = dict(KERNELSPEC)
    nbformat.write(notebook, path)
    return path


def _resolve(name: str) -> Path:
    """'01-pricing…', '01-pricing….md' or a path -> the .ipynb path."""
    candidate = Path(name)
    if not candidate.suffix or candidate.suffix == ".md":
        candidate = candidate.with_suffix(".ipynb")
    if not candidate.is_absolute() and not candidate.exists():
        candidate = NOTEBOOKS_DIR / candidate.name
    return candidate.resolve()


def main(names: list[str]) -> int:
    if names:
        paths = [_resolve(n) for n in names]
    else:  # every notebook, and every twin that has no notebook yet
        paths = sorted(
            {
                *notebook_paths(),
                *(p.with_suffix(".ipynb") for p in NOTEBOOKS_DIR.glob("[0-9][0-9]-*.md")),
            }
        )
    from helpers.course.notebook_catalogs import LANGUAGES, Untranslated

    for path in paths:
        print(f"executing {path.name} …", flush=True)
        execute_in_place(path)
        for language in LANGUAGES:
            try:
                execute_translated(twin_of(path), language)
                print(f"  … and in {language}: notebooks/{language}/{path.name}", flush=True)
            except Untranslated as missing:
                count = len(str(missing).splitlines())
                print(
                    f"  not in {language}: {count} piece(s) of its text have no finished "
                    "translation (python workbook.py translations lists them)",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
