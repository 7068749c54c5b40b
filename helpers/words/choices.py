"""In words: the company's choices in force, and where to change them (every notebook)."""

from __future__ import annotations

import pandas as pd

from helpers.company.choices import CHOICES, FILE, Choices
from helpers.language import Language


def choice_value(name: str, value, lang: Language) -> str:
    """A choice's value as a reader writes it: 20 %, 10, revenue, 48 €."""
    decision = next(d for d in CHOICES if d.name == name)
    if value is None:
        return lang._("not set")
    if getattr(decision.field, "percent", False):
        return lang.percent(value, 0)
    if name == "hourly_cost":
        return lang.money(value, 2)
    if isinstance(value, str):
        return lang._(value)
    return lang.short(value)


def choices_table(
    choices: Choices, names: list[str], lang: Language, settings: dict | None = None
) -> pd.DataFrame:
    """The choices ``names`` as a table: what it decides, its value, where it comes from.

    ``settings`` (company.toml's): its ``hourly_cost``, when it has one, is the one in force.
    """
    _ = lang._
    rows = []
    for decision in CHOICES:
        if decision.name not in names:
            continue
        value = choices.values[decision.name]
        source = (
            _("your choice (answers/{file})").format(file=FILE)
            if choices.source(decision.name) != "default"
            else _("default")
        )
        if decision.name == "hourly_cost" and (settings or {}).get("hourly_cost") is not None:
            value, source = settings["hourly_cost"], "company.toml"
        rows.append(
            {
                _("choice"): decision.name,
                _("what it decides"): _(decision.about),
                _("in force"): choice_value(decision.name, value, lang),
                _("from"): source,
            }
        )
    return pd.DataFrame(rows).set_index(_("choice"))


def choices_in_words(choices: Choices, lang: Language, asked_in: str | None = None) -> str:
    """One line on where the choices live and how to change them (and a corrupt file)."""
    _ = lang._
    if choices.error is not None:
        return _(
            "Your choices can't be read, so every choice is at its default for now: {problem}"
        ).format(problem=choices.error.advice())
    where = _(
        "The company's choices live in answers/{file} of the company folder and hold in "
        "every notebook and in `workbook run`."
    ).format(file=FILE)
    if asked_in:
        how = _(
            "Change them in the form below (in JupyterLab) or in the file itself; then run "
            "all the notebooks again."
        )
    else:
        how = _(
            "Change them in the forms of notebooks 02 and 03 or in the file itself; a choice "
            "the file does not name takes its default."
        )
    return f"{where} {how}"
