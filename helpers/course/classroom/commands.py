"""``workbook class new`` and ``workbook class collect``: what the teacher sees on the terminal.

Every line is in the class's language (``--language``, else the class's own). Exit codes:
0 done, 2 the roster, the class folder or the command line has a problem (nothing written).
A submission that can't be collected is never an error of the command: it is named, with
why, and the rest are collected.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from helpers.course.classroom.collect import collect
from helpers.course.classroom.companies import (
    CLASS_FILE,
    ClassError,
    new_class,
    read_class,
    read_class_roster,
)
from helpers.course.classroom.report import write_class_report
from helpers.course.classroom.roster import RosterError, read_roster
from helpers.course.progress import NOT_ATTEMPTED, RIGHT, WRONG
from helpers.language import Language

DONE, PROBLEM = 0, 2


def class_language(class_dir: Path, requested: str | None) -> Language:
    """``requested``, else the class's (``class.toml``), else the sample company's."""
    if requested:
        return Language(requested)
    try:
        return Language(read_class(class_dir).language)
    except ClassError:
        from helpers.course.classroom.companies import sample_generator

        return Language(sample_generator().SETTINGS["language"])


def new_command(
    class_dir: str | Path,
    roster: str | Path,
    *,
    language: str | None = None,
    force: bool = False,
    command: str = "workbook",
    say=print,
) -> int:
    """``workbook class new CLASS_DIR --roster FILE``: a company folder per student."""
    class_dir = Path(class_dir)
    lang = class_language(class_dir, language)
    _ = lang._
    try:
        students = read_roster(roster)
    except RosterError as error:
        say(_("The roster {file} can't be used; nothing was written:").format(file=roster))
        for line in error.lines(lang):
            say(f"  - {line}")
        return PROBLEM

    def show(student, folder: Path, sizes: dict | None) -> None:
        if sizes is None:
            say(
                "  "
                + _("{id}: kept as it was in {folder} (--force makes it again)").format(
                    id=student.student_id, folder=folder
                )
            )
            return
        say(
            "  "
            + _(
                "{id}: {name}, {customers} customers, {lines} invoice lines, revenue {revenue}"
            ).format(
                id=student.student_id,
                name=sizes["name"],
                customers=lang.number(sizes["customers"]),
                lines=lang.number(sizes["lines"]),
                revenue=lang.money(sizes["revenue"]),
            )
        )

    try:
        done = new_class(class_dir, students, language=language, force=force, on_student=show)
    except ClassError as error:
        say(error.text(lang))
        return PROBLEM
    count = len(done.written) + len(done.kept)
    say(
        lang.plural(
            "{count} company folder in {folder}.", "{count} company folders in {folder}.", count
        ).format(count=lang.number(count), folder=done.info.companies)
    )
    say(
        _(
            "Hand each student their folder; they run `{command} run FOLDER` and hand in the "
            "output folder (or a zip of it). Then: `{command} class collect {class_dir} "
            "SUBMISSION…`."
        ).format(command=command, class_dir=class_dir)
    )
    return DONE


def collect_command(
    class_dir: str | Path,
    submissions: list[str | Path],
    *,
    language: str | None = None,
    say=print,
) -> int:
    """``workbook class collect CLASS_DIR SUBMISSION…``: class.csv and the class reports."""
    class_dir = Path(class_dir)
    lang = class_language(class_dir, language)
    _ = lang._
    try:
        info = read_class(class_dir)
        students = read_class_roster(info)
    except ClassError as error:
        say(error.text(lang))
        return PROBLEM
    except RosterError as error:
        say(_("The roster {file} can't be used; nothing was written:").format(file=error.source))
        for line in error.lines(lang):
            say(f"  - {line}")
        return PROBLEM
    if not students:
        say(
            _("{folder} has no students yet: add them with `workbook class new`.").format(
                folder=class_dir / CLASS_FILE
            )
        )
        return PROBLEM
    result = collect(info, students, submissions)
    names = {s.student_id: s.name for s in students}
    for student_id, submission in result.collected.items():
        states = Counter(result.table.loc[result.table["student_id"] == student_id, "state"])
        say(
            "  ✓ "
            + _(
                "{id} ({name}): {right} right, {wrong} wrong, {open} not attempted, of "
                "{questions} questions: {source}"
            ).format(
                id=student_id,
                name=names.get(student_id) or student_id,
                right=lang.number(states[RIGHT]),
                wrong=lang.number(states[WRONG]),
                open=lang.number(states[NOT_ATTEMPTED]),
                questions=lang.number(sum(states.values())),
                source=submission.source,
            )
        )
    for submission in result.left_out:
        say(
            "  ✗ "
            + _("left out: {source}: {problem}").format(
                source=submission.source, problem=submission.problem_text(lang)
            )
        )
    for student in result.missing:
        say(
            "  ? "
            + _("no hand-in from {id} ({name})").format(
                id=student.student_id, name=student.name or student.student_id
            )
        )
    written = write_class_report(result, lang)
    say(
        _("{collected} of {students} students collected. Written: {files}").format(
            collected=lang.number(len(result.collected)),
            students=lang.number(len(students)),
            files=", ".join(str(path) for path in written),
        )
    )
    return DONE
