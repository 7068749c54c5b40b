"""Forms that never lose an answer: ipywidgets bound to plain-text answer files.

Three notebooks ask the team for its own judgement: 03 (account value levels),
04 (the 9E checklist) and 06 (customer-vision texts). Their answers live in the
company folder under ``answers/``, as UTF-8 text a person can read, diff and
type in a spreadsheet or editor:

* a **table** (:class:`AnswerTable`) is a CSV file: one row per key (an E, a
  customer id), one column per question; an empty cell means "not answered yet";
* a **text** (:class:`AnswerText`) is a TOML file of named fields (free text,
  a score, a list of picks), e.g. the five sections of a customer vision.

Every change in a widget is written at once (no Save button to forget) and
atomically: into a temporary file beside the answer file, then renamed over it,
so a crash mid-write leaves the old file whole. Before each write the file is
read again, so an edit made meanwhile in a spreadsheet is kept. A file that
can't be read (bad syntax, a value out of range, an unknown row) is reported
with file, line and what is wrong, kept byte for byte, and never written over:
the form shows the report and its widgets are disabled until the file is fixed.

Team mode: each member has a file of their own (``answers/<topic>/<member>.csv``),
so two people answering at once never overwrite each other; :func:`read_members`
gathers them all for the team's results.

How a notebook binds widgets to an answer file
----------------------------------------------
1. Describe the questions once, in your analysis module (fields: :class:`Scale`,
   :class:`Text`, :class:`Choice`, :class:`Picks`)::

       from helpers.company import answers

       LEVELS = [answers.Scale("reference", 0, 3, "Reference value"),
                 answers.Scale("contact", 0, 3, "Contact value"),
                 answers.Text("note", "Why this score?")]

2. Open the member's file: ``answers/account-values/<member>.csv``, one row per
   ``customer_id`` (``rows=`` lists the keys allowed; leave it out for any)::

       path = answers.member_file(wb.company.folder, "account-values", member)
       table = answers.AnswerTable(path, key="customer_id", fields=LEVELS)

3. Show the form where someone can click, and only there; in a batch run
   (papermill, nbval, ``workbook run``) :func:`show` prints ``batch_text`` instead::

       forms.show(lambda: forms.table_form(table, rows={"C0001": "Rakennus Lahtinen Oy"}),
                  batch_text="The form shows in JupyterLab; below are the saved answers.")

   Each widget shows the saved answer; each click or keystroke is saved at once.
   ``table_form`` puts a status line on top that says where answers go, or why
   they can't be saved (a corrupt file: the widgets are then disabled).

4. Results read every member's file, in batch and interactive runs alike::

       frame, problems = forms.read_members(wb.company.folder, "account-values",
                                            key="customer_id", fields=LEVELS)
       # frame: member, customer_id, reference, contact, note; problems: files left out
       # (print each: str(problem) names file, line and what is wrong)

A single widget can be bound too: ``forms.bind(widget, table, "contact", row="C0001")``
shows the saved value in ``widget`` and saves every change of ``widget.value``
(sliders, toggle buttons, dropdowns, text boxes). Free text lives in TOML, one
file per thing described, with :class:`AnswerText` and :func:`text_form`::

    VISION = [forms.Text("current_state", "1 · Current state", lines=6), ...]
    text = forms.AnswerText(forms.answers_dir(wb.company.folder) / "visions" / "C0001.toml",
                            VISION)
    forms.show(lambda: forms.text_form(text), batch_text="…")
    text.values()   # {"current_state": "…", …}; text.error is the problem, if any

Good to know:

* ``Scale(..., names=("none", "low", "mid", "high"))`` puts words on the buttons;
  the file still holds the number. ``member_file`` needs a name: a form that asks
  for it first is ``helpers.course.checklist.checklist_form`` (notebook 04).
* :func:`interactive` decides where forms show: ``WORKBOOK_FORMS=off|on`` if set
  (``workbook run`` and ``make notebooks`` set ``off`` through :func:`batch_mode`),
  else only in a kernel started by a Jupyter server (JupyterLab). Executed notebooks
  therefore never hold widgets, whose random ids would fail nbval.
* Each widget of ``table_form`` carries the CSS class ``answer-<row>-<field>``
  (``text_form``: ``answer-<field>``): browser tests find them by it, see
  ``tests/browser/``. The status line is ``.workbook-form-status``, a corrupt-file
  report ``.workbook-form-error``.

The answer files themselves (reading, validation, atomic saving, team mode) are
:mod:`helpers.company.answers`, a floor below, so analyses and documents read them
without widgets; every name of it is re-exported here. Without a browser (tests,
scripts) those objects read and write directly (see its docstring).
"""

from helpers.company.answers import (
    ANSWERS,
    AnswerFileError,
    AnswerTable,
    AnswerText,
    Choice,
    Field,
    Picks,
    Scale,
    Text,
    answers_dir,
    member_file,
    member_label,
    member_slug,
    members,
    read_members,
    shown_path,
    write_atomic,
)
from helpers.course.forms.widgets import (
    BATCH_ENV,
    NOT_ANSWERED,
    batch_mode,
    bind,
    interactive,
    show,
    status_line,
    table_form,
    text_form,
    widget_for,
)

__all__ = [
    "ANSWERS",
    "BATCH_ENV",
    "NOT_ANSWERED",
    "AnswerFileError",
    "AnswerTable",
    "AnswerText",
    "Choice",
    "Field",
    "Picks",
    "Scale",
    "Text",
    "answers_dir",
    "batch_mode",
    "bind",
    "interactive",
    "member_file",
    "member_label",
    "member_slug",
    "members",
    "read_members",
    "show",
    "shown_path",
    "status_line",
    "table_form",
    "text_form",
    "widget_for",
    "write_atomic",
]
