"""The class list: ``roster.csv`` with ``student_id``, ``name`` and an optional ``language``.

A teacher's roster comes out of a student register or a spreadsheet: UTF-8 (with or
without BOM) or Windows-1252, separated by ``,`` or ``;`` (Excel in a Finnish or Swedish
locale), the column names in any case, other columns (an e-mail) ignored. Every problem is
reported at once, each with its line as a spreadsheet shows it (the header is line 1), and
nothing is written while there is one.

>>> students = parse_roster("student_id;name\\nS001;Aino Virtanen\\ns-02;Bo Berg\\n")
>>> [(s.student_id, s.name, s.line) for s in students]
[('S001', 'Aino Virtanen', 2), ('s-02', 'Bo Berg', 3)]
>>> parse_roster("student_id,name\\nS001,A\\ns001,B\\n")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
helpers.course.classroom.roster.RosterError: line 3: student id 's001' is already on line 2 ...
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from helpers.language import LANGUAGES, N_, Language

ID, NAME, LANGUAGE = "student_id", "name", "language"
# a student's id names their company's folder: safe on Windows, macOS and Linux
SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")
RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Student:
    student_id: str
    name: str = ""
    language: str | None = None  # the company's language; None: the class's
    line: int = 0  # in the roster the teacher gave


class RosterError(Exception):
    """A roster that can't be used: every problem as (line, message, values)."""

    def __init__(self, source: str, problems: list[tuple[int | None, str, dict]]):
        self.source = source
        self.problems = problems
        super().__init__("; ".join(_problem_text(p) for p in problems))

    def lines(self, lang: Language) -> list[str]:
        """Each problem, in the reader's language, starting with its line."""
        return [_problem_text(p, lang) for p in self.problems]


def _problem_text(problem, lang: Language | None = None) -> str:
    line, message, values = problem
    translate = lang._ if lang else (lambda text: text)
    text = translate(message).format(**values)
    if line is None:
        return text
    return translate(N_("line {line}: {problem}")).format(line=line, problem=text)


def read_roster(path: str | Path) -> list[Student]:
    """The students of the roster file at ``path``; :class:`RosterError` names every
    problem (and the file, when it can't be read at all)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        values = {"file": str(path), "problem": error.strerror or str(error)}
        raise RosterError(
            str(path), [(None, N_("{file} can't be read ({problem})"), values)]
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")  # Excel's "CSV" on Windows
    return parse_roster(text, str(path))


def parse_roster(text: str, source: str = "roster.csv") -> list[Student]:
    """The students in a roster's text (see the module docstring)."""
    text = text.removeprefix("\ufeff")
    lines = text.splitlines()
    header_line = next((n for n, line in enumerate(lines) if line.strip()), None)
    if header_line is None:
        raise RosterError(source, [(None, N_("the roster is empty"), {})])
    first = lines[header_line]
    separator = max((";", "\t", ","), key=lambda s: (first.count(s), s == ","))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    rows = list(reader)
    header = [cell.strip().casefold() for cell in rows[header_line]]
    if ID not in header or NAME not in header:
        raise RosterError(
            source,
            [
                (
                    header_line + 1,
                    N_("the first line must name the columns {columns}; found {found}"),
                    {"columns": "student_id, name", "found": separator.join(rows[header_line])},
                )
            ],
        )
    column = {name: header.index(name) for name in (ID, NAME, LANGUAGE) if name in header}
    problems: list[tuple[int | None, str, dict]] = []
    students: list[Student] = []
    seen: dict[str, int] = {}
    for number, cells in enumerate(rows[header_line + 1 :], start=header_line + 2):
        if not any(cell.strip() for cell in cells):
            continue

        def cell(name: str, cells=cells) -> str:
            index = column.get(name)
            return cells[index].strip() if index is not None and index < len(cells) else ""

        student_id, language = cell(ID), cell(LANGUAGE).casefold() or None
        if not student_id:
            problems.append((number, N_("the student id is empty"), {}))
            continue
        if not SAFE_ID.match(student_id) or RESERVED.match(student_id):
            problems.append(
                (
                    number,
                    N_(
                        "student id '{id}' can't name a folder: use letters a–z, digits, "
                        "'-', '_' and '.' (at most 40, starting with a letter or digit)"
                    ),
                    {"id": student_id},
                )
            )
            continue
        if student_id.casefold() in seen:
            problems.append(
                (
                    number,
                    N_(
                        "student id '{id}' is already on line {first} (ids that differ only "
                        "in capitals would share a folder)"
                    ),
                    {"id": student_id, "first": seen[student_id.casefold()]},
                )
            )
            continue
        seen[student_id.casefold()] = number
        if language is not None and language not in LANGUAGES:
            problems.append(
                (
                    number,
                    N_("language '{found}' must be one of {languages}, or empty"),
                    {"found": language, "languages": ", ".join(LANGUAGES)},
                )
            )
            continue
        students.append(Student(student_id, cell(NAME), language, number))
    if problems:
        raise RosterError(source, problems)
    if not students:
        raise RosterError(source, [(None, N_("the roster has no students"), {})])
    return students


def roster_text(students: list[Student]) -> str:
    """The class's own copy of the roster: ``student_id,name,language``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([ID, NAME, LANGUAGE])
    for student in students:
        writer.writerow([student.student_id, student.name, student.language or ""])
    return out.getvalue()
