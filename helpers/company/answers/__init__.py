"""Answer files: the team's own judgement, kept in the company folder under ``answers/``.

Three notebooks ask the team for its own judgement: 03 (account value levels), 04 (the
9E checklist) and 06 (customer-vision texts); the company's choices (who counts as a
key account, …) are kept the same way. The answers are UTF-8 text a person can read,
diff and type in a spreadsheet or editor:

* a **table** (:class:`AnswerTable`) is a CSV file: one row per key (an E, a customer
  id), one column per question; an empty cell means "not answered yet";
* a **text** (:class:`AnswerText`) is a TOML file of named fields (free text, a score,
  a list of picks), e.g. the five sections of a customer vision.

Every change is written at once and atomically (:func:`write_atomic`: a temporary file
beside the answer file, then renamed over it), so a crash mid-write leaves the old file
whole. Before each write the file is read again, so an edit made meanwhile in a
spreadsheet is kept. A file that can't be read (bad syntax, a value out of range, an
unknown row) is reported with file, line and what is wrong (:class:`AnswerFileError`),
kept byte for byte, and never written over.

Team mode: each member has a file of their own (``answers/<topic>/<member>.csv``), so two
people answering at once never overwrite each other; :func:`read_members` gathers them.

The questions are fields (:class:`Scale`, :class:`Text`, :class:`Choice`,
:class:`Picks`); the widgets that show them live in :mod:`helpers.course.forms`.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> table = AnswerTable(folder / "scores.csv", key="e", fields=[Scale("today", 1, 5)])
>>> table.set("ethics", "today", 4)
True
>>> print((folder / "scores.csv").read_text(encoding="utf-8-sig"), end="")
e,today
ethics,4
>>> again = AnswerTable(folder / "scores.csv", key="e", fields=[Scale("today", 1, 5)])
>>> again.get("ethics", "today"), again.error
(4, None)
"""

from helpers.company.answers.fields import (
    ANSWERS,
    AnswerFileError,
    Choice,
    Field,
    Number,
    Picks,
    Refused,
    Scale,
    Text,
    in_words,
    shown_path,
)
from helpers.company.answers.files import (
    AnswerTable,
    AnswerText,
    answers_dir,
    member_file,
    member_label,
    member_slug,
    members,
    read_members,
    write_atomic,
)

__all__ = [
    "ANSWERS",
    "AnswerFileError",
    "AnswerTable",
    "AnswerText",
    "Choice",
    "Field",
    "Number",
    "Picks",
    "Refused",
    "Scale",
    "Text",
    "answers_dir",
    "in_words",
    "member_file",
    "member_label",
    "member_slug",
    "members",
    "read_members",
    "shown_path",
    "write_atomic",
]
