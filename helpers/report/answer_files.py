"""The team's answer files that a run had to leave out, and why (for the terminal and the
front page): a corrupt file never stops a run, but nobody should miss that it was skipped.
"""

from __future__ import annotations

import html

from helpers.company.answers import AnswerFileError, AnswerTable, AnswerText, answers_dir
from helpers.company.answers.visions import CONTACT_FIELDS, CONTACT_KEY, CONTACTS
from helpers.language import N_, Language


def left_out(company) -> list[AnswerFileError]:
    """Every answer file of the company that can't be read: file, line, what is wrong.

    The same readers the notebooks use: the account scores (03), the 9E checklist, the
    service audit and the team's decisions (04), the customer-vision texts and contact
    maps (06). Each file is named once.
    """
    from helpers.analysis.account_value import read_scores
    from helpers.analysis.advantage import load_answers
    from helpers.analysis.advantage_service import load_audit
    from helpers.report.vision import FIELDS, TOPIC

    problems = list(read_scores(company.folder)[1]) + list(load_answers(company.folder).problems)
    problems += load_audit(company.folder).problems
    visions = answers_dir(company.folder) / TOPIC
    if visions.is_dir():
        for path in sorted(visions.glob("*.toml")):
            if not path.name.startswith("."):
                error = AnswerText(path, FIELDS).error
                if error is not None:
                    problems.append(error)
    contacts = answers_dir(company.folder) / CONTACTS
    if contacts.is_dir():
        for path in sorted(contacts.glob("*.csv")):
            if not path.name.startswith("."):
                error = AnswerTable(path, CONTACT_KEY, CONTACT_FIELDS).error
                if error is not None:
                    problems.append(error)
    unique = {}
    for problem in problems:
        unique.setdefault(problem.path, problem)
    return [unique[path] for path in sorted(unique)]


def section_html(problems: list[AnswerFileError], lang: Language) -> str:
    """The front page's warning: which answer files were left out, and what to do."""
    if not problems:
        return ""
    _ = lang._
    items = "\n".join(f"<li>{html.escape(str(problem))}</li>" for problem in problems)
    return (
        f"<section class='warning'><h2>{html.escape(_('Answer files left out'))}</h2>\n"
        f"<p>{html.escape(_(LEFT_OUT))}</p>\n<ul>\n{items}\n</ul></section>"
    )


LEFT_OUT = N_(
    "These files of your team's answers could not be read, so the parts that need them "
    "were left out of this report. Each file was left exactly as it is: fix the line named "
    "(or move the file away), then run the workbook again."
)
