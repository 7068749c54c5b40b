"""What notebook 06 shows: the form for an account's texts, the accounts' table, the
written sections, the example account's revenue and the sentences around them.

The documents themselves are :mod:`helpers.report.vision`.
"""

from __future__ import annotations

import html
import math

import pandas as pd

from helpers.analysis.overview import revenue_by_year
from helpers.course import forms
from helpers.language import MISSING, Language
from helpers.report.vision import SECTIONS, account_facts, answers, document_name
from helpers.words.plan import names_in_words

# --- the form -----------------------------------------------------------------------------


def vision_form(company_folder, customer_id: str, lang: Language):
    """The form for one account: a box per section, saved at once (notebook 06)."""
    import ipywidgets as w

    text = answers(company_folder, customer_id)
    items = [forms.status_line(text)]
    for number, section in enumerate(SECTIONS, start=1):
        widget = forms.widget_for(text, section.key)
        widget.add_class(f"answer-{section.key}")
        widget.placeholder = " ".join(lang._(q) for q in section.questions)
        items.append(w.HTML(f"<b>{number}. {html.escape(lang._(section.heading))}</b>"))
        items.append(widget)
    return w.VBox(items)


# --- what notebook 06 shows ------------------------------------------------------------


def sections_written(company_folder, ids: list[str]) -> pd.Series:
    """How many of the five sections the team has written per account (0–5; NaN: unreadable)."""
    counts = {}
    for cid in ids:
        saved = answers(company_folder, cid)
        counts[cid] = (
            math.nan
            if saved.error is not None
            else sum(1 for value in saved.values().values() if value and value.strip())
        )
    return pd.Series(counts, name="sections_written", dtype=float)


def accounts_table(company, as_of: pd.Timestamp, ids: list[str], lang: Language) -> pd.DataFrame:
    """The accounts to write a vision for, for reading: name, customer since, revenue of the
    last 12 months and its change, how many of the five sections the team has written.

    Headers and values are in the language ``lang`` (``wb.lang``).
    """
    _ = lang._
    facts = account_facts(company, as_of, ids)
    written = sections_written(company.folder, ids)
    columns = [
        _("name"),
        _("customer since"),
        _("revenue, last 12 months"),
        _("change on the 12 months before"),
        _("sections written"),
    ]
    rows = []
    for cid, f in facts.items():
        change = f.revenue_change
        done = written[cid]
        rows.append(
            [
                cid,
                f.name,
                lang.date(f.first_invoice),
                lang.money(f.revenue_12m),
                MISSING if change is None else lang.signed_percent(change),
                _("unreadable") if math.isnan(done) else _("{done} of 5").format(done=int(done)),
            ]
        )
    frame = pd.DataFrame(rows, columns=["customer_id", *columns])
    return frame.set_index("customer_id")


def account_revenue_by_year(invoices: pd.DataFrame, as_of: pd.Timestamp, customer_id: str):
    """One account's revenue per calendar year up to as_of (for the notebook's bar plot)."""
    return revenue_by_year(invoices.loc[invoices["customer_id"] == customer_id], as_of)


def revenue_title(name: str, lang: Language) -> str:
    """The plot title: 'Rakennus Lahtinen Oy: revenue per year', in the language."""
    return lang._("{name}: revenue per year").format(name=name)


def form_in_words(company_folder, customer_id: str, lang: Language) -> str:
    """What the form does and where the text goes: the line a batch run prints instead."""
    _ = lang._
    saved = answers(company_folder, customer_id)
    if saved.error is not None:
        return _(
            "The team's texts for {customer} can't be read, so the document asks the guiding "
            "questions instead. {problem}"
        ).format(customer=customer_id, problem=saved.error.advice())
    done = sum(1 for value in saved.values().values() if value and value.strip())
    text = _(
        "In JupyterLab a form shows here: a box per section, saved as you type in {file}."
    ).format(file=forms.shown_path(saved.path))
    return (
        text
        + " "
        + _("The team has written {done} of the 5 sections for {customer}.").format(
            done=lang.number(done), customer=customer_id
        )
    )


def file_names_in_words(ids: list[str], names, lang: Language) -> str:
    """The HTML file names the accounts' documents get, one a line."""
    if not ids:
        return lang._("No accounts, so no documents.")
    return "\n".join(
        "vision/" + document_name(cid, names.get(cid, cid), lang.code) + ".html" for cid in ids
    )


def key_accounts_in_words(ids: list[str], largest: str | None, names, lang: Language) -> str:
    """Which accounts get a document (the plan's ``write_vision``), and which one the worked
    example uses."""
    _ = lang._
    if not ids:
        text = _(
            "The plan has no account to write a customer vision for: no key account in "
            "notebook 02, and your team has written no vision yet."
        )
    else:
        text = lang.plural(
            "The plan writes a customer vision with {count} account: {names}.",
            "The plan writes a customer vision with {count} accounts: {names}.",
            len(ids),
        ).format(
            count=lang.number(len(ids)),
            names=names_in_words([names.get(i, i) for i in ids], lang),
        )
        text += " " + _(
            "They are the accounts your team has written a vision for, then the key accounts "
            "of notebook 02, at most as many as your team can look after (max_key_accounts). "
            "`workbook run` writes a document for each of them into vision/."
        )
    if largest is not None:
        name = names.get(largest, largest)
        if largest in ids:
            example = _("The worked example below uses the largest account, {name}.")
        else:
            example = _(
                "The worked example below uses the largest account, {name} (the plan gives it "
                "another step: see notebook 07)."
            )
        text += "\n" + example.format(name=name)
    return text
