"""What a learner did with each exercise: ``progress.json`` beside the run's outputs.

Every ``q.check(answer)``, ``q.hint()`` and ``q.solution()`` records the question's state,
keyed by the notebook and the question's own number (``01-pricing-erosion-and-dependence``,
``3``), never by a cell's position: a learner may edit, move, duplicate or delete cells
and the record still means the same question. Per question:

* ``state``: ``not_attempted``, ``wrong``, ``right``; ``read`` for a question to think
  about once its solution was shown; ``unchecked`` for an answer that can't be checked on
  this company's data (``q.check`` says so);
* ``answer``: the last answer given, as short text (for the class's common wrong answers);
* ``attempts`` (checks with an answer), ``hint_shown``, ``solution_shown``;
* ``kind`` and ``question``, so a teacher can read the record without the notebook.

The file also says whose it is: ``student_id`` and ``class`` (from ``company.toml``, written
by ``workbook class new``), the company's name and its folder's name, and ``updated``.

Where: the run's output folder when the notebook has one (``workbook run``); in JupyterLab,
without one, ``output/<company folder name>/progress.json`` under the project, the folder
``workbook run`` writes by default (``$WORKBOOK_PROGRESS_DIR`` replaces ``output``).
Creating an exercise registers it as not attempted, so in a ``workbook run`` every question
of the notebook is recorded, also one whose cell the learner deleted.

Several notebooks write the same file (a run executes two at once): each change reads the
file again under its lock and writes it atomically. Recording never fails a notebook: a
file that can't be read is reported once, kept byte for byte and never written over (like
a corrupt answer file), and anything else that goes wrong is said once and skipped.

>>> import json, tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / PROGRESS_FILE
>>> class Question:  # what an Exercise looks like to a recorder
...     number, question, kind = 3, "What share?", "share"
...     def is_correct(self, answer):
...         return None if answer is None else abs(answer - 0.25) < 0.01
>>> recorder = Recorder(path, "01-pricing", {"student_id": "S001"})
>>> recorder.register(Question()); recorder.check(Question(), 0.3); recorder.shown(Question(), HINT)
>>> recorder.check(Question(), 0.25)
>>> entry = json.loads(path.read_text(encoding="utf-8"))["notebooks"]["01-pricing"]["3"]
>>> entry["state"], entry["answer"], entry["attempts"], entry["hint_shown"]
('right', '0.25', 2, True)
"""

from __future__ import annotations

import datetime as dt
import json
import math
import numbers
import os
from pathlib import Path

from helpers.company.answers import AnswerFileError, write_atomic
from helpers.company.answers.files import locked
from helpers.language import ENGLISH, N_, Language
from helpers.paths import PROJECT_ROOT

PROGRESS_FILE = "progress.json"
FORMAT = 1  # the layout of progress.json; a reader refuses a newer one
NOT_ATTEMPTED, WRONG, RIGHT, READ, UNCHECKED = (
    "not_attempted",
    "wrong",
    "right",
    "read",
    "unchecked",
)
STATES = (RIGHT, WRONG, NOT_ATTEMPTED, READ, UNCHECKED)
HINT, SOLUTION = "hint", "solution"
THOUGHT = "thought"  # = helpers.course.exercises.base.THOUGHT (base imports this module)
ANSWER_CHARS = 60  # a longer answer is cut: the record is for statistics, not for reading
LOCATION_ENV = "WORKBOOK_PROGRESS_DIR"
MARKER = ".workbook-output"  # = helpers.run.MARKER: `workbook run` may clear the folder
ABOUT = ("student_id", "class", "company", "company_folder")


class ProgressError(Exception):
    """A progress file that can't be read: the problem as a message to translate."""

    def __init__(self, message: str, **values):
        self.message, self.values = message, values
        super().__init__(message.format(**values))

    def text(self, lang: Language = ENGLISH) -> str:
        return lang._(self.message).format(**self.values)


# --- reading ---------------------------------------------------------------------------


def parse_progress(raw: bytes) -> dict:
    """The progress record in ``raw`` (a file's bytes), checked; :class:`ProgressError`
    says what is wrong with it.

    >>> parse_progress(b'{"format": 1, "notebooks": {}}')["notebooks"]
    {}
    >>> parse_progress(b'{"format": 1, "notebooks": {')
    Traceback (most recent call last):
    ...
    helpers.course.progress.ProgressError: is not valid JSON (line 1)
    """
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ProgressError(N_("is not UTF-8 text")) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ProgressError(N_("is not valid JSON (line {line})"), line=error.lineno) from None
    if not isinstance(data, dict) or not isinstance(data.get("notebooks"), dict):
        raise ProgressError(N_("is not a progress record of the workbook"))
    version = data.get("format")
    if not isinstance(version, int) or isinstance(version, bool) or version > FORMAT:
        raise ProgressError(
            N_("was written by another version of the workbook (format {format})"),
            format=version,
        )
    for notebook, questions in data["notebooks"].items():
        if not isinstance(questions, dict):
            raise ProgressError(
                N_("notebook {notebook}: not a list of questions"), notebook=notebook
            )
        for number, entry in questions.items():
            state = entry.get("state") if isinstance(entry, dict) else None
            if state not in STATES or not str(number).isdigit():
                raise ProgressError(
                    N_("notebook {notebook}, question {number}: unknown state {state}"),
                    notebook=notebook,
                    number=number,
                    state=json.dumps(state, ensure_ascii=False),
                )
    return data


def read_progress(path: Path) -> dict | None:
    """The record in ``path``; None when there is none. Raises :class:`ProgressError`."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise ProgressError(N_("can't be read ({problem})"), problem=error.strerror) from None
    return parse_progress(raw)


def empty_progress(about: dict | None = None) -> dict:
    return {"format": FORMAT, **{key: None for key in ABOUT}, **(about or {}), "notebooks": {}}


# --- recording -------------------------------------------------------------------------


def answer_text(answer) -> str:
    """An answer as short text: numbers plainly (``25``, ``0.021``), text with its spaces
    tidied, anything longer than :data:`ANSWER_CHARS` cut.

    >>> answer_text(25.0), answer_text(0.0212345678), answer_text("  Rakennus   Oy ")
    ('25', '0.021235', 'Rakennus Oy')
    """
    if isinstance(answer, numbers.Real) and not isinstance(answer, bool):
        value = float(answer)
        if math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
            text = str(int(value))
        else:
            text = repr(round(value, 6)) if math.isfinite(value) else str(value)
    elif isinstance(answer, str):
        text = " ".join(answer.split())
    else:
        text = " ".join(repr(answer).split())
    return text if len(text) <= ANSWER_CHARS else text[: ANSWER_CHARS - 1] + "…"


def _new_entry() -> dict:
    return {
        "state": NOT_ATTEMPTED,
        "answer": None,
        "attempts": 0,
        "hint_shown": False,
        "solution_shown": False,
    }


def _state(exercise, answer) -> str:
    if answer is None or answer is Ellipsis:
        return NOT_ATTEMPTED
    correct = exercise.is_correct(answer)
    if correct is None:
        return UNCHECKED
    return RIGHT if correct else WRONG


class Recorder:
    """Records one notebook's exercises into one progress file (see the module docstring).

    ``about``: who and what the record is for (``student_id``, ``class``, ``company``,
    ``company_folder``). ``marker``: when the folder is made (or found empty), mark it as
    the workbook's (the JupyterLab location under ``output/``, which a ``workbook run``
    may then clear).
    """

    def __init__(
        self,
        path: Path,
        notebook: str,
        about: dict | None = None,
        lang: Language = ENGLISH,
        *,
        marker: bool = False,
    ):
        self.path = Path(path)
        self.notebook = notebook
        self.about = dict(about or {})
        self.lang = lang
        self.marker = marker
        self.problem: str | None = None  # the last problem said (each is said once)

    def register(self, exercise) -> None:
        """A new exercise: recorded as not attempted unless the file already has it."""
        self._change(exercise, None)

    def check(self, exercise, answer) -> None:
        """``q.check(answer)``: the state after this answer (a question to think about has
        none: it is read once its solution is shown)."""

        def change(entry: dict) -> None:
            if exercise.kind == THOUGHT:
                return
            entry["state"] = _state(exercise, answer)
            if answer is not None and answer is not Ellipsis:
                entry["answer"] = answer_text(answer)
                attempts = entry.get("attempts")
                entry["attempts"] = (attempts if isinstance(attempts, int) else 0) + 1

        self._change(exercise, change)

    def shown(self, exercise, what: str) -> None:
        """``q.hint()`` or ``q.solution()`` was called."""

        def change(entry: dict) -> None:
            entry[f"{what}_shown"] = True
            if what == SOLUTION and exercise.kind == THOUGHT:
                entry["state"] = READ

        self._change(exercise, change)

    def _change(self, exercise, change) -> None:
        try:
            folder = self.path.parent
            if self.marker and (not folder.exists() or not any(folder.iterdir())):
                folder.mkdir(parents=True, exist_ok=True)
                (folder / MARKER).write_text(
                    "Written by the workbook; cleared on the next `workbook run`.\n",
                    encoding="utf-8",
                )
            with locked(self.path):
                data = read_progress(self.path) or empty_progress()
                questions = data["notebooks"].setdefault(self.notebook, {})
                key = str(int(exercise.number))
                if change is None and key in questions:
                    return  # registered before: nothing to write
                entry = questions.setdefault(key, _new_entry())
                for name, value in _new_entry().items():
                    entry.setdefault(name, value)  # a record from an older workbook
                entry["kind"] = str(exercise.kind)
                entry["question"] = str(exercise.question)
                if change is not None:
                    change(entry)
                data.update(self.about)
                data["updated"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
                text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
                write_atomic(self.path, text + "\n")
        except ProgressError as error:
            self._say(
                N_(
                    "Your answers are not being recorded: {path} {problem}. It is kept as "
                    "it is; move it away (or fix it) to start a new record."
                ),
                problem=error.text(self.lang),
            )
        except AnswerFileError as error:  # the lock: another write did not finish
            self._say(N_("Your answers are not being recorded: {problem}."), problem=str(error))
        except Exception as error:  # recording must never fail the notebook
            self._say(
                N_("Your answers are not being recorded: {path} can't be written ({problem})."),
                problem=getattr(error, "strerror", None) or str(error) or type(error).__name__,
            )

    def _say(self, message: str, **values) -> None:
        text = self.lang._(message).format(path=self.path, **values)
        if text != self.problem:
            self.problem = text
            print(text)


# --- the notebook's recorder -------------------------------------------------------------

_current: Recorder | None = None


def lab_progress_file(company_folder: Path) -> Path:
    """Where a notebook without an output folder records: ``output/<company folder
    name>/progress.json`` under the project (``$WORKBOOK_PROGRESS_DIR`` replaces
    ``output``), the folder ``workbook run`` uses by default."""
    root = os.environ.get(LOCATION_ENV) or PROJECT_ROOT / "output"
    return Path(root) / Path(company_folder).name / PROGRESS_FILE


def about_company(company) -> dict:
    """Whose record it is: the class's student id and class (``company.toml``), the
    company's name and folder name."""
    settings = company.settings

    def text(key: str) -> str | None:
        value = settings.get(key)
        return str(value) if isinstance(value, str | int) and str(value).strip() else None

    return {
        "student_id": text("student_id"),
        "class": text("class"),
        "company": company.name,
        "company_folder": company.folder.name,
    }


def begin(notebook: str, company, output_dir: Path | None, lang: Language = ENGLISH) -> Recorder:
    """The recorder of a notebook that has just started (:func:`helpers.course.session.
    start`): the exercises made from now on record through it."""
    global _current
    if output_dir is not None:
        path, marker = Path(output_dir) / PROGRESS_FILE, False
    else:
        path, marker = lab_progress_file(company.folder), True
    _current = Recorder(path, notebook, about_company(company), lang, marker=marker)
    return _current


def register(exercise) -> Recorder | None:
    """Called by a new :class:`~helpers.course.exercises.base.Exercise`: records it as not
    attempted and returns the recorder its checks, hints and solutions go to (None
    outside a notebook session)."""
    recorder = _current
    if recorder is not None:
        recorder.register(exercise)
    return recorder


def record(exercise, what: str, answer=None) -> None:
    """``what`` (``"check"``, :data:`HINT`, :data:`SOLUTION`) happened to ``exercise``;
    recorded by the recorder it was made with, if any. Never raises."""
    recorder = getattr(exercise, "recorder", None)
    if recorder is None:
        return
    if what == "check":
        recorder.check(exercise, answer)
    else:
        recorder.shown(exercise, what)


# --- from the notebooks in JupyterLab to the run ------------------------------------------


def shown_before(company) -> dict:
    """The hints and solutions shown in JupyterLab on this company (its progress file
    there, if it is this company's): ``{(notebook, number): {"hint_shown": …}}``.

    Read by ``workbook run`` before it clears its output folder, so that a solution a
    learner looked at and then deleted from the notebook still shows in the run's record.
    """
    try:
        data = read_progress(lab_progress_file(company.folder))
    except ProgressError:
        return {}
    about = about_company(company)
    if not data or any(data.get(key) != about[key] for key in ("student_id", "company_folder")):
        return {}
    shown = {}
    for notebook, questions in data["notebooks"].items():
        for number, entry in questions.items():
            flags = {f"{w}_shown": True for w in (HINT, SOLUTION) if entry.get(f"{w}_shown")}
            if flags:
                shown[(notebook, str(number))] = flags
    return shown


def carry_over(path: Path, shown: dict) -> None:
    """Add the hints and solutions of :func:`shown_before` to the record in ``path`` (the
    run's), for the questions the run recorded. Never raises."""
    if not shown or not Path(path).exists():
        return
    try:
        with locked(Path(path)):
            data = read_progress(Path(path))
            for (notebook, number), flags in shown.items():
                entry = data["notebooks"].get(notebook, {}).get(number)
                if entry is None:
                    continue
                entry.update(flags)
                if entry.get("kind") == THOUGHT and entry.get("solution_shown"):
                    entry["state"] = READ
            text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
            write_atomic(Path(path), text + "\n")
    except (ProgressError, AnswerFileError, OSError):
        pass  # the run's own record stands


def language() -> Language:
    """The language of the notebook session that is running (English outside one): the
    exercises' checks, hints and solutions speak it."""
    return _current.lang if _current is not None else ENGLISH
