"""The course in a class: a company for each student, their progress, the teacher's view.

* :mod:`.roster`: the class list a teacher gives (``student_id``, ``name``, ``language``);
* :mod:`.companies`: ``workbook class new``, one company folder per student from the
  sample company's generator, seeded from the student id;
* :mod:`.collect`: the students' hand-ins (output folders or zips) sorted out, whose each
  is, and the class table;
* :mod:`.report`: ``class.csv``, ``class-report.html`` and its pseudonymised twin;
* :mod:`.commands`: both commands as the teacher sees them on the terminal.

What each student did is recorded while they work, by :mod:`helpers.course.progress`.
"""

from helpers.course.classroom.collect import Collected, Submission, collect
from helpers.course.classroom.commands import collect_command, new_command
from helpers.course.classroom.companies import (
    ClassError,
    ClassInfo,
    new_class,
    read_class,
    read_class_roster,
    student_seed,
)
from helpers.course.classroom.report import write_class_report
from helpers.course.classroom.roster import RosterError, Student, read_roster

__all__ = [
    "ClassError",
    "ClassInfo",
    "Collected",
    "RosterError",
    "Student",
    "Submission",
    "collect",
    "collect_command",
    "new_class",
    "new_command",
    "read_class",
    "read_class_roster",
    "read_roster",
    "student_seed",
    "write_class_report",
]
