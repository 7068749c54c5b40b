"""The teacher's view: ``class.csv``, ``class-report.html`` and its pseudonymised twin.

``class-report.html`` is one page in the teacher's language, self-contained (no scripts,
no files beside it, nothing fetched), everything a student typed escaped:

* per question, by notebook: the share of the class right, wrong and not attempted (a
  bar and the numbers) and the most common wrong answers; a question to think about
  shows the share who read its solution;
* per student: right answers per notebook, hints and solutions looked at, the questions
  answered wrong just now (where they are stuck); students with no submission;
* the submissions left out, each with why.

``class-report-pseudonymised.html`` is the same page for showing in class: every name and
id replaced by a stable pseudonym (``Student 07``, numbered in an order drawn from the
class's name and the ids, not the roster's), and where a hand-in came from left out.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
from collections import Counter
from pathlib import Path

import pandas as pd

from helpers.company.answers import write_atomic
from helpers.course.classroom.collect import Collected
from helpers.course.progress import NOT_ATTEMPTED, READ, RIGHT, THOUGHT, UNCHECKED, WRONG
from helpers.language import N_, Language
from helpers.report.index_page import QUESTIONS
from helpers.report.lists import write_list

CLASS_CSV = "class.csv"
REPORT = "class-report.html"
PSEUDONYMISED = "class-report-pseudonymised.html"
COMMON_WRONG = 3  # wrong answers shown per question
ANSWER_CHARS = 40  # an answer longer than this is cut in the report

STATE_LABELS = {
    RIGHT: N_("right"),
    WRONG: N_("wrong"),
    NOT_ATTEMPTED: N_("not attempted"),
    READ: N_("solution read"),
    UNCHECKED: N_("answered, can't be checked on this data"),
}
STATE_MEANINGS = {
    RIGHT: N_("the last answer checked was right"),
    WRONG: N_("the last answer checked was wrong (the student may still be working on it)"),
    NOT_ATTEMPTED: N_("no answer given, or the notebook never ran"),
    READ: N_("a question to think about: the student showed its solution"),
    UNCHECKED: N_(
        "an answer was given, but the student's data had nothing to check it against "
        "(for example no team answers yet)"
    ),
}

STYLE = """
body { font-family: system-ui, sans-serif; max-width: 64rem; margin: 2rem auto; padding: 0 1rem;
       color: #222; line-height: 1.45; overflow-wrap: anywhere; }
h1 { margin-bottom: .2rem; } .meta { color: #555; margin-top: 0; }
h2 { border-top: 1px solid #ddd; padding-top: .8rem; margin-top: 2rem; }
h3 { margin-bottom: .3rem; } h3 .small { font-weight: normal; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #ddd;
         vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
th.n { text-align: right; } th { overflow-wrap: normal; }
table.questions { table-layout: fixed; min-width: 38rem; }
table.questions col.q { width: 42%; } table.questions col.n { width: 11%; }
.small { color: #666; font-size: .85rem; }
.bar { display: flex; width: 9rem; height: .9rem; background: #eee; border-radius: 2px;
       overflow: hidden; margin-top: .25rem; }
.bar span { display: block; height: 100%; }
.right { background: #2e7d32; } .wrong { background: #e07a00; }
.not_attempted { background: #c9c9c9; } .read { background: #3f6fb5; }
.unchecked { background: #9ab7df; }
.key { display: inline-block; width: .8rem; height: .8rem; border-radius: 2px;
       vertical-align: -.1rem; margin-right: .3rem; }
code { background: #f4f4f4; padding: 0 .2rem; border-radius: 2px; }
ul.left-out li { margin: .2rem 0; }
section.warning { border: 2px solid #c77700; background: #fff7e6; padding: .2rem 1rem;
                  margin: 1rem 0; }
"""


def pseudonyms(result: Collected) -> dict[str, str]:
    """A stable pseudonym per student of the roster: ``Student 07``; the numbers follow
    SHA-256 of the class's name and the id, so the roster's order can't be read off them."""
    ids = [s.student_id for s in result.students]
    order = sorted(
        ids, key=lambda i: hashlib.sha256(f"{result.info.name}\n{i}".encode()).hexdigest()
    )
    width = max(2, len(str(len(ids))))
    return {student_id: f"{number:0{width}d}" for number, student_id in enumerate(order, 1)}


def write_class_report(result: Collected, lang: Language) -> list[Path]:
    """Write ``class.csv`` and both pages into the class folder; returns the files."""
    folder = result.info.folder
    table = result.table.copy()
    table["hint_shown"] = table["hint_shown"].map({True: "yes", False: "no"})
    table["solution_shown"] = table["solution_shown"].map({True: "yes", False: "no"})
    written = [write_list(table, folder / CLASS_CSV)]
    for name, hidden in ((REPORT, None), (PSEUDONYMISED, pseudonyms(result))):
        write_atomic(folder / name, report_html(result, lang, hidden))
        written.append(folder / name)
    return written


def report_html(result: Collected, lang: Language, hidden: dict[str, str] | None = None) -> str:
    """The page (see the module docstring); ``hidden``: pseudonym numbers by student id,
    for the version to show in class."""
    _ = lang._
    title = _("Class {name}: the exercises").format(name=result.info.name)
    meta = _("{handed} of {students} students handed in; collected on {date}.").format(
        handed=lang.number(len(result.collected)),
        students=lang.number(len(result.students)),
        date=lang.date(pd.Timestamp(dt.date.today())),
    )
    if hidden is not None:
        meta += " " + _("Names and ids are replaced by pseudonyms, for showing in class.")
    headings = [_("Per question"), _("Per student"), _("What the states mean")]
    per_question, per_student, meanings = (html.escape(h) for h in headings)
    body = [
        f"<h1>{html.escape(title)}</h1>",
        f'<p class="meta">{html.escape(meta)}</p>',
        _left_out_html(result, lang, hidden),
        _at_a_glance_html(result, lang),
        f"<h2>{per_question}</h2>",
        _legend_html(lang),
        _questions_html(result, lang),
        f"<h2>{per_student}</h2>",
        _students_html(result, lang, hidden),
        f"<h2>{meanings}</h2>",
        _meanings_html(lang),
    ]
    return f"""<!DOCTYPE html>
<html lang="{html.escape(lang.code)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title><style>{STYLE}</style></head>
<body>
{"".join(part + chr(10) for part in body if part)}</body>
</html>
"""


def _name(student, lang: Language, hidden: dict[str, str] | None) -> str:
    if hidden is not None:
        return lang._("Student {number}").format(number=hidden[student.student_id])
    return student.name or student.student_id


def _left_out_html(result: Collected, lang: Language, hidden) -> str:
    _ = lang._
    missing = result.missing
    if not result.left_out and not missing:
        return ""
    items = []
    if hidden is None:
        items += [
            f"<li><code>{html.escape(s.source)}</code>: {html.escape(s.problem_text(lang))}</li>"
            for s in result.left_out
        ]
    elif result.left_out:
        text = lang.plural(
            "{count} hand-in was left out; the teacher's report says which and why.",
            "{count} hand-ins were left out; the teacher's report says which and why.",
            len(result.left_out),
        ).format(count=lang.number(len(result.left_out)))
        items.append(f"<li>{html.escape(text)}</li>")
    if missing:
        names = ", ".join(
            _name(s, lang, hidden) + ("" if hidden is not None else f" ({s.student_id})")
            for s in missing
        )
        text = _("No hand-in from: {names}").format(names=names)
        items.append(f"<li>{html.escape(text)}</li>")
    heading = _("Not collected")
    return (
        f'<section class="warning"><h3>{html.escape(heading)}</h3>'
        f'<ul class="left-out">{"".join(items)}</ul></section>'
    )


def _bar(counts: dict[str, int], total: int, lang: Language) -> str:
    if not total:
        return ""
    parts = []
    for state in (RIGHT, WRONG, UNCHECKED, READ, NOT_ATTEMPTED):
        if counts.get(state):
            width = 100 * counts[state] / total
            label = f"{lang._(STATE_LABELS[state])}: {lang.percent(counts[state] / total, 0)}"
            parts.append(
                f'<span class="{state}" style="width:{width:.1f}%" '
                f'title="{html.escape(label)}"></span>'
            )
    return f'<div class="bar" role="img">{"".join(parts)}</div>'


def _legend_html(lang: Language) -> str:
    keys = " &nbsp; ".join(
        f'<span class="key {state}"></span>{html.escape(lang._(label))}'
        for state, label in STATE_LABELS.items()
    )
    return f'<p class="small">{keys}</p>'


def _questions_html(result: Collected, lang: Language) -> str:
    _ = lang._
    if result.questions.empty:
        nothing = _("No exercises recorded yet.")
        return f"<p>{html.escape(nothing)}</p>"
    table = result.table
    parts = []
    for notebook, questions in result.questions.groupby("notebook", sort=True):
        number = notebook[:2]
        asks = _(QUESTIONS[number]) if number in QUESTIONS else ""
        parts.append(
            f"<h3>{html.escape(notebook)}"
            + (f' <span class="small">· {html.escape(asks)}</span>' if asks else "")
            + "</h3>"
        )
        headers = [_("Question"), _("Right"), _("Wrong"), _("Not attempted")]
        headers.append(_("Most common wrong answers"))
        rows = []
        for question in questions.itertuples():
            answers = table[
                (table["notebook"] == notebook) & (table["question"] == question.question)
            ]
            counts = Counter(answers["state"])
            total = max(len(answers), 1)
            share = {state: lang.percent(counts.get(state, 0) / total, 0) for state in STATE_LABELS}
            label = _("Q{number}").format(number=question.question)
            label = f"<b>{html.escape(label)}</b> "
            text = html.escape(question.text)
            if question.kind == THOUGHT:
                right = wrong = "–"
                note = _("to think about: {share} read the solution").format(share=share[READ])
            else:
                right, wrong = share[RIGHT], share[WRONG]
                note = ""
                if counts.get(UNCHECKED):
                    note = _("{share} answered where it can't be checked").format(
                        share=share[UNCHECKED]
                    )
            wrong_answers = Counter(answers.loc[answers["state"] == WRONG, "answer"]).most_common(
                COMMON_WRONG
            )
            common = ", ".join(
                f"<code>{html.escape(_cut(answer))}</code> ×{lang.number(count)}"
                for answer, count in wrong_answers
                if answer
            )
            rows.append(
                f'<tr id="{_anchor(notebook, question.question)}">'
                f"<td>{label}{text}{_bar(counts, len(answers), lang)}"
                + (f'<div class="small">{html.escape(note)}</div>' if note else "")
                + f'</td><td class="n">{right}</td><td class="n">{wrong}</td>'
                f'<td class="n">{share[NOT_ATTEMPTED]}</td><td>{common}</td></tr>'
            )
        head = "".join(
            f'<th class="n">{html.escape(h)}</th>' if 0 < i < 4 else f"<th>{html.escape(h)}</th>"
            for i, h in enumerate(headers)
        )
        columns = '<col class="q">' + '<col class="n">' * 3 + "<col>"
        parts.append(
            f'<div class="scroll"><table class="questions"><colgroup>{columns}</colgroup>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
        )
    return "\n".join(parts)


def _anchor(notebook: str, number) -> str:
    return html.escape(f"{notebook}-q{number}", quote=True)


def _at_a_glance_html(result: Collected, lang: Language, shown: int = 3) -> str:
    """The class's share of right answers, and the questions most of it is stuck on."""
    _ = lang._
    table = result.table
    if table.empty:
        return ""
    thought = {
        (row.notebook, row.question) for row in result.questions.itertuples() if row.kind == THOUGHT
    }
    keys = list(zip(table["notebook"], table["question"], strict=True))
    checkable = table[[key not in thought for key in keys]]
    if checkable.empty:
        return ""
    right = (checkable["state"] == RIGHT).mean()
    lines = [
        _("Right answers: {share} of the questions that have one, over every student.").format(
            share=lang.percent(right, 0)
        )
    ]
    wrong = (
        checkable.assign(wrong=checkable["state"] == WRONG)
        .groupby(["notebook", "question"], sort=True)["wrong"]
        .mean()
    )
    wrong = wrong[wrong > 0].sort_values(ascending=False, kind="stable").head(shown)
    items = []
    texts = result.questions.set_index(["notebook", "question"])["text"]
    for (notebook, number), share in wrong.items():
        name = notebook[:2] + " " + _("Q{number}").format(number=number)
        said = _("{share} answered it wrong").format(share=lang.percent(share, 0))
        items.append(
            f'<li><a href="#{_anchor(notebook, number)}">{html.escape(name)}</a> '
            f"{html.escape(texts.get((notebook, number), ''))} "
            f'<span class="small">({html.escape(said)})</span></li>'
        )
    stuck = ""
    if items:
        heading = html.escape(_("Where most of the class is stuck:"))
        stuck = f"<p>{heading}</p><ul>{''.join(items)}</ul>"
    return f"<p>{html.escape(lines[0])}</p>{stuck}"


def _cut(answer: str) -> str:
    return answer if len(answer) <= ANSWER_CHARS else answer[: ANSWER_CHARS - 1] + "…"


def _students_html(result: Collected, lang: Language, hidden) -> str:
    _ = lang._
    notebooks = sorted(result.questions["notebook"].unique()) if len(result.questions) else []
    thought = {
        (row.notebook, row.question) for row in result.questions.itertuples() if row.kind == THOUGHT
    }
    headers = [_("Student")] + ([_("Id")] if hidden is None else [])
    headers += [notebook[:2] for notebook in notebooks]
    headers += [_("Right"), _("Hints"), _("Solutions"), _("Stuck at")]
    students = list(result.students)
    if hidden is not None:
        students.sort(key=lambda s: hidden[s.student_id])
    rows = []
    for student in students:
        cells = [f"<td>{html.escape(_name(student, lang, hidden))}</td>"]
        if hidden is None:
            cells.append(f"<td><code>{html.escape(student.student_id)}</code></td>")
        if student.student_id not in result.collected:
            span = len(headers) - len(cells)
            none = html.escape(_("no hand-in"))
            cells.append(f'<td colspan="{span}" class="small">{none}</td>')
            rows.append(f"<tr>{''.join(cells)}</tr>")
            continue
        mine = result.table[result.table["student_id"] == student.student_id]
        keys = list(zip(mine["notebook"], mine["question"], strict=True))
        checkable = mine[[key not in thought for key in keys]]
        for notebook in notebooks:
            part = checkable[checkable["notebook"] == notebook]
            right = int((part["state"] == RIGHT).sum())
            cells.append(f'<td class="n">{lang.number(right)}/{lang.number(len(part))}</td>')
        right_all = int((checkable["state"] == RIGHT).sum())
        share = right_all / len(checkable) if len(checkable) else 0.0
        bar = _bar(dict(Counter(checkable["state"])), len(checkable), lang)
        wrong = checkable[checkable["state"] == WRONG]
        stuck = ", ".join(
            notebook[:2] + " " + _("Q{number}").format(number=number)
            for notebook, number in zip(wrong["notebook"], wrong["question"], strict=True)
        )
        cells += [
            f"<td>{lang.percent(share, 0)}{bar}</td>",
            f'<td class="n">{lang.number(int(checkable["hint_shown"].sum()))}</td>',
            f'<td class="n">{lang.number(int(checkable["solution_shown"].sum()))}</td>',
            f"<td>{html.escape(stuck)}</td>",
        ]
        rows.append(f"<tr>{''.join(cells)}</tr>")
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    note = _(
        "Per notebook: the questions answered right, of those that have a right answer "
        "(questions to think about are not counted, here or in hints and solutions). Hints "
        "and solutions: how many the student looked at. Stuck at: the questions whose last "
        "answer was wrong."
    )
    return (
        f'<p class="small">{html.escape(note)}</p><div class="scroll"><table><thead><tr>{head}'
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _meanings_html(lang: Language) -> str:
    items = "".join(
        f'<dt><span class="key {state}"></span>{html.escape(lang._(STATE_LABELS[state]))} '
        f"<code>{state}</code></dt><dd>{html.escape(lang._(meaning))}</dd>"
        for state, meaning in STATE_MEANINGS.items()
    )
    source = lang._(
        "Every answer is in class.csv beside this page: one row per student and question, "
        "the state as the code in brackets."
    )
    return f'<dl class="definitions">{items}</dl><p class="small">{html.escape(source)}</p>'
