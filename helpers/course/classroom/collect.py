"""The class's submissions gathered: whose each is, what they did, one table for the class.

A submission is a run's output folder (``progress.json`` and the executed notebooks) or a
zip of one. A folder without ``progress.json`` that holds folders and zips (a learning
platform's download of everyone's hand-ins) counts each of them as a submission; a zip
may hold several output folders. Only ``progress.json`` is read from a zip (never
unpacked), so no file of a submission lands on the teacher's disk.

Every submission ends as one of:

* **collected**: its ``student_id`` is on the class's roster, of this class;
* **left out**, with the reason said: not found, not an output folder or a zip, a zip
  that is not one, no ``progress.json`` (not made by ``workbook run`` of this workbook),
  a broken ``progress.json``, a company not of this class (the sample company, another
  class), a student id not on the roster, or an earlier hand-in of a student who handed
  in again (the latest ``updated`` wins).

Nothing here raises for a submission: whatever a student hands in, the others are
collected.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import pandas as pd

from helpers.course.classroom.companies import ClassInfo
from helpers.course.classroom.roster import Student
from helpers.course.progress import (
    MARKER,
    NOT_ATTEMPTED,
    PROGRESS_FILE,
    ProgressError,
    parse_progress,
)
from helpers.language import N_

MAX_PROGRESS_BYTES = 5_000_000  # a progress file is a few kilobytes; a bigger one is no record
CLASS_COLUMNS = [
    "student_id",
    "notebook",
    "question",
    "state",
    "answer",
    "attempts",
    "hint_shown",
    "solution_shown",
]


@dataclass
class Submission:
    """One hand-in: where it came from, its record (when readable) and why it was left out."""

    source: str
    order: int = 0  # on the command line: of two equally recent, the later wins
    record: dict | None = None
    problem: tuple[str, dict] | None = None  # a message to translate, its values

    @property
    def student_id(self) -> str | None:
        found = (self.record or {}).get("student_id")
        return None if found is None else str(found)

    @property
    def updated(self) -> str:
        return str((self.record or {}).get("updated") or "")

    def leave_out(self, message: str, **values) -> None:
        self.problem = (message, values)

    def problem_text(self, lang) -> str:
        message, values = self.problem
        values = {
            k: (v.text(lang) if isinstance(v, ProgressError) else v) for k, v in values.items()
        }
        return lang._(message).format(**values)


@dataclass
class Collected:
    """The class's submissions sorted out; see :func:`collect`."""

    info: ClassInfo
    students: list[Student]
    collected: dict[str, Submission] = field(default_factory=dict)  # by student id
    left_out: list[Submission] = field(default_factory=list)
    questions: pd.DataFrame = field(default_factory=pd.DataFrame)  # notebook, question, kind, text
    table: pd.DataFrame = field(default_factory=pd.DataFrame)  # one row per student and question

    @property
    def missing(self) -> list[Student]:
        """Students of the roster with no collected submission."""
        return [s for s in self.students if s.student_id not in self.collected]


# --- finding and reading submissions -------------------------------------------------------


def find_submissions(paths: list[str | Path]) -> list[Submission]:
    """Every submission in ``paths`` (see the module docstring), each read or with its
    problem, in the order given."""
    found: list[Submission] = []
    for given in paths:
        path = Path(given)
        if path.is_dir() and not (path / PROGRESS_FILE).exists() and _holds_submissions(path):
            for child in sorted(path.iterdir()):
                if child.is_dir() or child.suffix.casefold() == ".zip":
                    found.extend(_read(child))
        else:
            found.extend(_read(path))
    for order, submission in enumerate(found):
        submission.order = order
    return found


def _holds_submissions(folder: Path) -> bool:
    """A folder of hand-ins, not a run's output folder (which has notebooks of its own)."""
    if (folder / MARKER).exists() or any(folder.glob("*.ipynb")):
        return False
    return any(
        child.is_dir() or child.suffix.casefold() == ".zip"
        for child in folder.iterdir()
        if not child.name.startswith(".")
    )


def _read(path: Path) -> list[Submission]:
    submission = Submission(str(path))
    if not path.exists():
        submission.leave_out(N_("not found"))
        return [submission]
    if path.is_dir():
        progress = path / PROGRESS_FILE
        if not progress.is_file():
            submission.leave_out(
                N_(
                    "no {file} in it: hand in the output folder of `workbook run` on your "
                    "company (or a zip of it)"
                ),
                file=PROGRESS_FILE,
            )
            return [submission]
        return [_parsed(submission, _read_bytes(progress))]
    if path.name == PROGRESS_FILE:
        return [_parsed(submission, _read_bytes(path))]
    if not zipfile.is_zipfile(path):
        what = (
            N_("a zip file that can't be opened (damaged, or not a zip)")
            if path.suffix.casefold() == ".zip"
            else N_("not an output folder or a zip of one")
        )
        submission.leave_out(what)
        return [submission]
    return _read_zip(path)


def _read_bytes(path: Path) -> bytes | ProgressError:
    try:
        if path.stat().st_size > MAX_PROGRESS_BYTES:
            return ProgressError(N_("is far too large to be a progress record"))
        return path.read_bytes()
    except OSError as error:
        return ProgressError(N_("can't be read ({problem})"), problem=error.strerror)


def _read_zip(path: Path) -> list[Submission]:
    try:
        with zipfile.ZipFile(path) as archive:
            members = [
                info
                for info in archive.infolist()
                if PurePosixPath(info.filename).name == PROGRESS_FILE
                and "__MACOSX" not in info.filename
            ]
            if not members:
                submission = Submission(str(path))
                submission.leave_out(
                    N_(
                        "no {file} in the zip: zip the output folder of `workbook run` on "
                        "your company"
                    ),
                    file=PROGRESS_FILE,
                )
                return [submission]
            found = []
            for info in members:
                source = str(path) if len(members) == 1 else f"{path} → {info.filename}"
                submission = Submission(source)
                if info.file_size > MAX_PROGRESS_BYTES:
                    raw: bytes | ProgressError = ProgressError(
                        N_("is far too large to be a progress record")
                    )
                else:
                    raw = archive.read(info)
                found.append(_parsed(submission, raw))
            return found
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, RuntimeError) as error:
        # RuntimeError: a zip protected with a password
        submission = Submission(str(path))
        submission.leave_out(
            N_("a zip file that can't be opened ({problem})"), problem=str(error) or "?"
        )
        return [submission]


def _parsed(submission: Submission, raw: bytes | ProgressError) -> Submission:
    try:
        if isinstance(raw, ProgressError):
            raise raw
        submission.record = parse_progress(raw)
    except ProgressError as error:
        submission.leave_out(N_("{file} {problem}"), file=PROGRESS_FILE, problem=error)
    return submission


# --- sorting them out ----------------------------------------------------------------------


def collect(info: ClassInfo, students: list[Student], paths: list[str | Path]) -> Collected:
    """The submissions in ``paths`` sorted out for the class ``info`` (see the module
    docstring) and the class table: one row per collected student and question."""
    result = Collected(info, students)
    roster = {s.student_id: s for s in students}
    candidates: dict[str, list[Submission]] = {}
    for submission in find_submissions(paths):
        if submission.problem is None:
            _identify(submission, info, roster)
        if submission.problem is not None:
            result.left_out.append(submission)
            continue
        candidates.setdefault(submission.student_id, []).append(submission)
    for student_id, handed in candidates.items():
        handed.sort(key=lambda s: (s.updated, s.order))
        latest = handed[-1]
        result.collected[student_id] = latest
        for earlier in handed[:-1]:
            earlier.leave_out(
                N_("{student} handed in more than once: the latest ({kept}) counts"),
                student=student_id,
                kept=latest.source,
            )
            result.left_out.append(earlier)
    result.questions = question_list(result.collected.values())
    result.table = class_table(result)
    return result


def _identify(submission: Submission, info: ClassInfo, roster: dict[str, Student]) -> None:
    record = submission.record
    student_id, class_name = submission.student_id, record.get("class")
    company = record.get("company") or "?"
    if not student_id:
        submission.leave_out(
            N_(
                "not from a company of this class (it ran on {company}): run the workbook on "
                "the company folder the teacher gave you"
            ),
            company=company,
        )
    elif class_name != info.name:
        submission.leave_out(
            N_("from another class ({other}), not {name}"), other=class_name, name=info.name
        )
    elif student_id not in roster:
        submission.leave_out(N_("student id {id} is not on the class's roster"), id=student_id)


def question_list(submissions) -> pd.DataFrame:
    """Every question any submission recorded, in notebook and number order: ``notebook``,
    ``question`` (its number), ``kind``, ``text``."""
    seen: dict[tuple[str, int], dict] = {}
    for submission in submissions:
        for notebook, questions in submission.record["notebooks"].items():
            for number, entry in questions.items():
                row = seen.setdefault(
                    (notebook, int(number)),
                    {"notebook": notebook, "question": int(number), "kind": "", "text": ""},
                )
                row["kind"] = row["kind"] or str(entry.get("kind") or "")
                row["text"] = row["text"] or str(entry.get("question") or "")
    columns = ["notebook", "question", "kind", "text"]
    return pd.DataFrame([seen[key] for key in sorted(seen)], columns=columns)


def class_table(result: Collected) -> pd.DataFrame:
    """One row per collected student (in roster order) and question: a question the
    student's record lacks (its notebook never ran) counts as not attempted."""
    rows = []
    for student in result.students:
        submission = result.collected.get(student.student_id)
        if submission is None:
            continue
        notebooks = submission.record["notebooks"]
        for notebook, number in zip(
            result.questions["notebook"], result.questions["question"], strict=True
        ):
            entry = notebooks.get(notebook, {}).get(str(number)) or {}
            rows.append(
                {
                    "student_id": student.student_id,
                    "notebook": notebook,
                    "question": int(number),
                    "state": entry.get("state", NOT_ATTEMPTED),
                    "answer": "" if entry.get("answer") is None else str(entry["answer"]),
                    "attempts": _count(entry.get("attempts")),
                    "hint_shown": bool(entry.get("hint_shown")),
                    "solution_shown": bool(entry.get("solution_shown")),
                }
            )
    return pd.DataFrame(rows, columns=CLASS_COLUMNS)


def _count(value) -> int:
    """A count from a record a person may have edited: anything but a whole number is 0."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0
