"""A company for each student: the sample company's story with numbers and names of its own.

``new_class(CLASS_DIR, students)`` writes::

    CLASS_DIR/class.toml                the class: its name (the folder's) and language
    CLASS_DIR/roster.csv                every student added so far (student_id, name, language)
    CLASS_DIR/companies/<student_id>/   one company folder per student

Each company comes from the sample company's generator (``data/make_sample.py``, loaded
from the project like ``benchmarks/generate.py`` does), seeded from the student id with
SHA-256 (never Python's ``hash()``, which changes from run to run): the same id always
gives the same company, byte for byte. The story and its planted patterns are the
sample's (key accounts, demanding accounts, price erosion, satisfaction driving
repurchase: ``data/README.md``), so every finding and exercise of the course holds; the
numbers, the customers' and the company's names and the sales team are the student's own,
so no two students share answers. ``company.toml`` carries the ``student_id`` and the
``class``, which every notebook copies into its ``progress.json``; ``answers/`` is empty.

Each folder is written beside its place and renamed into it when whole, after passing
``workbook check``; a student's folder that exists is kept unless ``force``.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import os
import secrets
import shutil
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import tomli_w

from helpers.company.answers import write_atomic
from helpers.company.folder import ERROR, SETTINGS_FILE, check_company
from helpers.course.classroom.roster import Student, parse_roster, roster_text
from helpers.language import LANGUAGES, N_
from helpers.paths import PROJECT_ROOT

CLASS_FILE, ROSTER_FILE, COMPANIES = "class.toml", "roster.csv", "companies"
GENERATOR = PROJECT_ROOT / "data" / "make_sample.py"
SEED_SALT = "customer-workbook student company"  # changing it changes every class's companies


class ClassError(Exception):
    """A class folder that can't be used: a message to translate, and its values."""

    def __init__(self, message: str, **values):
        self.message, self.values = message, values
        super().__init__(message.format(**values))

    def text(self, lang) -> str:
        return lang._(self.message).format(**self.values)


@dataclass(frozen=True)
class ClassInfo:
    folder: Path
    name: str
    language: str

    @property
    def companies(self) -> Path:
        return self.folder / COMPANIES


def student_seed(student_id: str) -> int:
    """The generator's seed for a student: the same id, the same company.

    >>> student_seed("S001") == student_seed("S001") != student_seed("S002")
    True
    """
    digest = hashlib.sha256(f"{SEED_SALT}\n{student_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


@cache
def sample_generator():
    """``data/make_sample.py`` as a module (it is a script beside the data, not in helpers)."""
    spec = importlib.util.spec_from_file_location("make_sample", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_class(class_dir: str | Path) -> ClassInfo:
    """The class in ``class_dir`` (its ``class.toml``); :class:`ClassError` when it is none."""
    folder = Path(class_dir).resolve()
    path = folder / CLASS_FILE
    if not path.is_file():
        raise ClassError(
            N_("{folder} is not a class folder (it has no {file}); make one with `{command}`"),
            folder=str(folder),
            file=CLASS_FILE,
            command="workbook class new CLASS_DIR --roster roster.csv",
        )
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ClassError(
            N_("{file} can't be read ({problem})"), file=str(path), problem=str(error)
        ) from None
    language = data.get("language")
    return ClassInfo(
        folder,
        str(data.get("name") or folder.name),
        language if language in LANGUAGES else "en",
    )


def read_class_roster(info: ClassInfo) -> list[Student]:
    """The class's own roster (every student added to it); empty when there is none."""
    path = info.folder / ROSTER_FILE
    if not path.exists():
        return []
    return parse_roster(path.read_text(encoding="utf-8-sig"), str(path))


@dataclass
class NewClass:
    """What :func:`new_class` did: the class, and per student the folder and its sizes."""

    info: ClassInfo
    written: list[tuple[Student, Path, dict]] = field(default_factory=list)
    kept: list[tuple[Student, Path]] = field(default_factory=list)


def new_class(
    class_dir: str | Path,
    students: list[Student],
    *,
    language: str | None = None,
    force: bool = False,
    on_student: Callable[[Student, Path, dict | None], None] | None = None,
) -> NewClass:
    """Write a company folder per student into ``class_dir`` (see the module docstring).

    ``language``: the class's (the report's, and each company's unless the roster gives
    one); by default the class's own, else the sample company's. ``on_student(student,
    folder, sizes)`` is called after each student (``sizes`` None: kept as it was).
    Raises :class:`ClassError` for a folder that is not a class and holds other files.
    """
    folder = Path(class_dir).resolve()
    name = folder.name
    if (folder / CLASS_FILE).exists():
        existing = read_class(folder)
        name, language = existing.name, language or existing.language
    elif folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ClassError(
            N_(
                "{folder} already holds other files and is not a class folder; choose a new "
                "or empty folder"
            ),
            folder=str(folder),
        )
    language = language or sample_generator().SETTINGS["language"]
    info = ClassInfo(folder, name, language)
    info.companies.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(info.companies)
    done = NewClass(info)
    for student in students:
        target = info.companies / student.student_id
        if target.exists() and not force:
            done.kept.append((student, target))
            if on_student:
                on_student(student, target, None)
            continue
        sizes = _write_atomically(
            target, lambda out, s=student: write_student_company(out, s, info.name, language)
        )
        done.written.append((student, target, sizes))
        if on_student:
            on_student(student, target, sizes)
    class_toml = (
        "# A class of the customer-relationship workbook: written by `workbook class new`,\n"
        "# read by `workbook class collect`. language: of the class report (en, fi, sv).\n"
        + tomli_w.dumps({"name": info.name, "language": language})
    )
    write_atomic(folder / CLASS_FILE, class_toml)
    roster = {s.student_id: s for s in read_class_roster(info)}
    roster.update({s.student_id: s for s in students})
    write_atomic(folder / ROSTER_FILE, roster_text(list(roster.values())), bom=True)
    return done


def write_student_company(out: Path, student: Student, class_name: str, language: str) -> dict:
    """Write one student's company into ``out``; returns its sizes (customers, lines,
    revenue). Raises RuntimeError when it does not pass ``workbook check`` (a bug)."""
    generator = sample_generator()
    tables, settings = generator.story_company(student_seed(student.student_id))
    generator.write_tables(out, tables)
    settings = {
        **settings,
        "language": student.language or language,
        "student_id": student.student_id,
        "class": class_name,
    }
    header = (
        f"# A company of the class {class_name!r} for student {student.student_id}: the sample\n"
        "# company's story with numbers and names of its own. Every name, person and figure\n"
        "# is invented. The same student id always gives the same company.\n"
    )
    (out / SETTINGS_FILE).write_text(header + tomli_w.dumps(settings), encoding="utf-8")
    (out / "answers").mkdir()
    errors = [p for p in check_company(out) if p.level == ERROR]
    if errors:
        raise RuntimeError(f"the company made for {student.student_id} has errors: {errors}")
    invoices = tables["invoices"]
    return {
        "name": settings["name"],
        "customers": int(invoices["customer_id"].nunique()),
        "lines": len(invoices),
        "revenue": float(invoices["amount"].astype(float).sum()),
    }


def _write_atomically(target: Path, write: Callable[[Path], dict]) -> dict:
    """Write a folder beside ``target`` with ``write`` and rename it into place when whole
    (an existing ``target`` is replaced only then)."""
    token = secrets.token_hex(4)
    new = target.parent / f".{target.name}.new-{token}"
    old = target.parent / f".{target.name}.old-{token}"
    new.mkdir()
    try:
        sizes = write(new)
        if target.exists():
            os.rename(target, old)
        os.rename(new, target)
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        if old.exists() and not target.exists():
            os.rename(old, target)  # put the student's folder back as it was
        raise
    shutil.rmtree(old, ignore_errors=True)
    return sizes


def _remove_leftovers(companies: Path) -> None:
    """What an interrupted run left behind: half-written folders are removed; a student's
    folder caught in the middle of being replaced is put back in its place."""
    for left in companies.glob(".*.old-*"):
        target = companies / left.name[1:].rsplit(".old-", 1)[0]
        with contextlib.suppress(OSError):
            if target.exists():
                shutil.rmtree(left)
            else:
                os.rename(left, target)
    for left in companies.glob(".*.new-*"):
        with contextlib.suppress(OSError):
            shutil.rmtree(left)


__all__ = [
    "CLASS_FILE",
    "COMPANIES",
    "ROSTER_FILE",
    "ClassError",
    "ClassInfo",
    "NewClass",
    "new_class",
    "read_class",
    "read_class_roster",
    "student_seed",
    "write_student_company",
]
