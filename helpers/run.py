"""Run the whole workbook on one company folder and write a report a non-coder can read.

Per notebook: the executed ``.ipynb``, an ``.html`` without code cells and the
``.json`` of its headline figures; ``progress.json``, the state of every exercise the
notebooks made (:mod:`helpers.course.progress`, with the hints and solutions seen in
JupyterLab carried over); then ``summary.json`` (all figures merged) and
``index.html``. ``index.html`` and ``summary.json`` are written last, only when every
notebook ran, so a failed run never leaves a report that looks complete.
"""

from __future__ import annotations

import os
import shutil
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import papermill
from tqdm.auto import tqdm

from helpers.analysis.plan import company_plan, vision_accounts
from helpers.company.cache import remove_cache, write_cache
from helpers.company.choices import read_choices
from helpers.company.folder import load_company, resolve_as_of
from helpers.course.forms import batch_mode
from helpers.course.notebooks import kernel_config
from helpers.course.progress import PROGRESS_FILE, carry_over, shown_before
from helpers.language import Language, choose_language
from helpers.paths import NOTEBOOKS_DIR, course_notebooks, resolve_data_dir
from helpers.report.answer_files import left_out
from helpers.report.figures import read_figures, write_figures
from helpers.report.index_page import write_index
from helpers.report.lists import write_lists_workbook
from helpers.report.pages import export_html
from helpers.report.vision import write_documents

MARKER = ".workbook-output"  # marks a folder as ours, so a re-run may clear it
KERNEL = "python3"  # ipykernel's native kernel: the Python this command runs in


class RunError(Exception):
    """A run that could not complete; the message says why and what to do."""


@dataclass
class RunResult:
    out_dir: Path
    index: Path
    summary: dict


def prepare_output_dir(out_dir: Path, data_dir: Path) -> None:
    """Create or clear the output folder, refusing folders that are not ours."""
    out_dir = out_dir.resolve()
    if out_dir == data_dir or data_dir in out_dir.parents:
        raise RunError(
            f"The output folder {out_dir} is inside the company folder; choose "
            "another one (analyses never write into your data)."
        )
    if out_dir.exists():
        if any(out_dir.iterdir()) and not (out_dir / MARKER).exists():
            raise RunError(
                f"The output folder {out_dir} already holds files that the "
                "workbook did not write; choose an empty or new folder."
            )
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    (out_dir / MARKER).write_text(
        "Written by `workbook run`; cleared on the next run.\n", encoding="utf-8"
    )


def run_workbook(
    data_dir: str | Path | None,
    out_dir: str | Path,
    *,
    language: str | None = None,
    as_of: str | None = None,
    pseudonymize_secret: str | None = None,
    notebooks: list[Path] | None = None,
    progress: bool = True,
) -> RunResult:
    """Execute every notebook on one company folder; see the module docstring for outputs.

    Raises DataError when the data has errors (nothing is written) and RunError
    when a notebook fails (no index.html or summary.json is written).
    """
    folder = resolve_data_dir(data_dir)
    with ticking(f"Reading and checking {folder}", progress) as show:
        # raises DataError listing every error: nothing written
        company = load_company(folder, on_step=show)
    as_of_date = resolve_as_of(company.invoices, as_of).date().isoformat()
    lang = choose_language(language, company.settings)

    # the hints and solutions seen in JupyterLab, read before their folder may be cleared
    shown_in_lab = shown_before(company)
    out = Path(out_dir).resolve()
    prepare_output_dir(out, folder)
    hidden_data = out / "pseudonymized"
    key_file = out.parent / f"{out.name}-pseudonym-key.csv"
    if pseudonymize_secret is not None:
        from helpers.company.pseudonyms import pseudonymize_folder

        # the notebooks read a pseudonymized copy; the key to real names stays outside `out`
        folder = pseudonymize_folder(company, pseudonymize_secret, hidden_data, key_file)
        say(
            f"Pseudonymized; the key to the real names is in {key_file} (keep it private)", progress
        )
    # the notebooks load the company (and the plan every list agrees with) from here
    # instead of parsing the folder and reconciling the findings again
    analysed = company if pseudonymize_secret is None else load_company(folder)
    as_of_stamp = pd.Timestamp(as_of_date)
    plan = company_plan(analysed, as_of_stamp, read_choices(analysed.folder))
    write_cache(analysed, out, plan=plan)

    # the notebooks of the run's language: their text, not only their results, in it
    paths = notebooks if notebooks is not None else course_notebooks(lang.code)
    parameters = {
        "data_dir": str(folder),
        "output_dir": str(out),
        "language": lang.code,
        "as_of": as_of_date,
    }
    # The customer-vision documents (the plan's write_vision accounts) need only the
    # company and the team's answers: written in a thread while the kernels run.
    with ThreadPoolExecutor(max_workers=1) as background:
        vision_documents = background.submit(
            write_vision_documents,
            analysed,
            as_of_date,
            out,
            lang,
            vision_accounts(plan),
            pseudonymized=pseudonymize_secret is not None,
        )
        try:
            execute_notebooks(paths, out, parameters, progress=progress)
        except RunError:
            remove_cache(out)
            raise
        documents = vision_documents.result()
    carry_over(out / PROGRESS_FILE, shown_in_lab)
    say(f"Customer-vision documents: {len(documents)} in {out / VISION_DIR}", progress)

    skipped = left_out(analysed)
    for problem in skipped:  # said even with --quiet: a skipped file must not go unnoticed
        print(f"Answer file left out: {problem}", file=PROGRESS)
    shutil.rmtree(hidden_data, ignore_errors=True)
    remove_cache(out)
    write_lists_workbook(out, lang)
    summary = merge_figures(out, paths)
    summary["_run"] = {
        "company": company.name if pseudonymize_secret is None else "pseudonymized company",
        "as_of": as_of_date,
        "language": lang.code,
        "notebooks": [p.stem for p in paths],
        "answer_files_left_out": [str(problem) for problem in skipped],
    }
    write_figures(summary, out / "summary.json")
    index = write_index(out, summary, paths, lang=lang, documents=documents, left_out=skipped)
    return RunResult(out, index, summary)


def parallel_kernels() -> int:
    """How many notebooks run at once: one per core, at most two (each kernel holds the data)."""
    return max(1, min(2, os.cpu_count() or 1))


def execute_notebooks(
    paths: list[Path],
    out: Path,
    parameters: dict,
    *,
    progress: bool = True,
    workers: int | None = None,
) -> None:
    """Run every notebook in ``paths`` with papermill into ``out``, then export its HTML.

    The notebooks don't read each other's outputs (each loads the company from the
    run's cache), so up to :func:`parallel_kernels` of them run at once, each in its
    own kernel. Progress: one line when a notebook starts and one when it is done, and
    a bar of its cells per running notebook. Raises :class:`RunError` for the first
    notebook (in ``paths`` order) that stopped; notebooks not yet started are skipped.
    """
    workers = workers or parallel_kernels()
    slots = list(range(workers))  # the line of each running notebook's progress bar
    lock = threading.Lock()
    counter = iter(range(1, len(paths) + 1))

    def run_one(path: Path) -> None:
        with lock:
            slot, number = slots.pop(0), next(counter)
        say(f"[{number}/{len(paths)}] {path.stem} …", progress)
        executed = out / path.name
        try:
            papermill.execute_notebook(
                str(path),
                str(executed),
                parameters=parameters,
                kernel_name=KERNEL,
                progress_bar={
                    "desc": path.stem[:24],
                    "position": slot,
                    "leave": False,
                    "file": PROGRESS,
                }
                if progress
                else False,
                log_output=False,
                config=kernel_config(),
            )
        except papermill.PapermillExecutionError as error:
            raise RunError(
                f"Notebook {path.name} stopped with {error.ename}: {error.evalue}\n"
                f"The partly executed notebook is in {executed}; the report was not written."
            ) from None
        finally:
            with lock:
                slots.append(slot)
        export_html(executed, out / f"{path.stem}.html")
        say(f"    {path.stem}: done", progress)

    # papermill's own `cwd` changes the working folder of the whole process, which is
    # not safe with two notebooks at once: the kernels inherit it from here instead.
    with batch_mode(), working_folder(NOTEBOOKS_DIR), ThreadPoolExecutor(workers) as pool:
        futures = [pool.submit(run_one, path) for path in paths]
        for future in futures:
            error = future.exception()
            if error is not None:
                for waiting in futures:
                    waiting.cancel()
                raise error


@contextmanager
def working_folder(path: Path):
    """Within the block, the process works in ``path`` (restored after)."""
    before = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


VISION_DIR = "vision"


def write_vision_documents(
    company,
    as_of: str,
    out: Path,
    lang: Language,
    accounts: list[str],
    *,
    pseudonymized: bool = False,
) -> list[tuple[str, Path]]:
    """The customer-vision documents of ``accounts`` (the plan's ``write_vision``) in
    ``<out>/vision/`` (HTML and Markdown).

    A pseudonymized run leaves the team's typed texts out (they may name people).
    Returns (customer name, HTML file) per document, for the index page's links.
    """
    return write_documents(
        company,
        pd.Timestamp(as_of),
        out / VISION_DIR,
        lang,
        accounts,
        include_texts=not pseudonymized,
    )


def merge_figures(out: Path, paths: list[Path]) -> dict:
    """All notebooks' figures in one dict, in notebook order (a later key wins)."""
    merged: dict = {}
    for path in paths:
        figures_file = out / f"{path.stem}.json"
        if figures_file.exists():
            merged.update(read_figures(figures_file))
    return merged


class ProgressStream:
    """stderr for progress lines, which never fails the run.

    When nobody reads the progress any more (``workbook run … 2>&1 | head``), writing
    raises BrokenPipeError; raised inside tqdm's lock, in one of the threads that run
    notebooks, it left the lock held and the run waiting for ever. Progress is only
    news, so a write that fails is dropped.
    """

    def write(self, text: str) -> int:
        try:
            return sys.stderr.write(text)
        except (OSError, ValueError):  # a closed pipe or a closed file
            return len(text)

    def flush(self) -> None:
        try:
            sys.stderr.flush()
        except (OSError, ValueError):
            pass

    def __getattr__(self, name):
        return getattr(sys.stderr, name)


PROGRESS = ProgressStream()


@contextmanager
def ticking(label: str, progress: bool):
    """A progress line for one long step: ``label: <what now> [elapsed]``, its clock ticking.

    Yields a function that sets ``<what now>``. The clock is redrawn every half second,
    also while a single part (a million invoice lines) takes long.
    """
    bar = tqdm(
        desc=label, bar_format="{desc} [{elapsed}]", disable=not progress, file=PROGRESS, leave=True
    )
    stop = threading.Event()

    def tick() -> None:
        while not stop.wait(0.5):
            bar.refresh()

    ticker = threading.Thread(target=tick, daemon=True)
    ticker.start()
    try:
        yield lambda text: bar.set_description_str(f"{label}: {text}")
    finally:
        stop.set()
        ticker.join()
        bar.set_description_str(label)
        bar.close()


def say(text: str, progress: bool) -> None:
    """A line of progress on stderr, above the notebooks' cell bars."""
    if progress:
        tqdm.write(text, file=PROGRESS)
