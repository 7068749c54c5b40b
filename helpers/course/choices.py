"""The form for the company's choices (notebooks 02 and 03): each change saved at once in
``answers/choices.toml``, like every answer file (:mod:`helpers.company.choices`)."""

from __future__ import annotations

import html

from helpers.company.answers import Choice, Number, in_words
from helpers.company.choices import CHOICES, Choices, choices_file, read_choices
from helpers.course import forms
from helpers.language import Language


def choices_form(company_folder, names: list[str], lang: Language):
    """A box per choice ``names``, showing the value in force; a change is saved at once."""
    import ipywidgets as w

    saved = choices_file(company_folder)
    in_force = read_choices(company_folder)
    items = [forms.status_line(saved, lang=lang)]
    for decision in CHOICES:
        if decision.name not in names:
            continue
        widget = _widget(decision.field, in_force.values[decision.name], lang)
        widget.disabled = saved.error is not None
        widget.add_class(f"answer-{decision.name}")

        def save(change, name=decision.name):
            try:
                saved.set(name, change["new"])
            except ValueError as error:
                told = lang._("Not saved: {problem}.").format(problem=in_words(error, lang))
                saved._tell(False, told)

        widget.observe(save, names="value")
        label = w.HTML(
            f"<b>{html.escape(lang._(decision.field.label))}</b><br>"
            f"<span style='color:#555'>{html.escape(lang._(decision.about))}</span>"
        )
        label.layout.width = "24em"
        items.append(w.HBox([label, widget]))
    return w.VBox(items)


def _widget(field, value, lang: Language):
    import ipywidgets as w

    if isinstance(field, Choice):  # the words in the language, the codes in the file
        return w.Dropdown(options=[(lang._(key), key) for key in field.keys()], value=value)
    if isinstance(field, Number) and field.percent:
        return w.FloatSlider(
            value=value,
            min=max(field.low, -1.0),
            max=min(field.high, 1.0),
            step=0.01,
            readout_format=".0%",
            continuous_update=False,
        )
    if isinstance(field, Number) and field.whole:
        return w.BoundedIntText(value=value, min=int(field.low), max=int(min(field.high, 1e9)))
    return w.BoundedFloatText(
        value=value if value is not None else 0.0, min=field.low, max=min(field.high, 1e12)
    )


def show_choices(wb, names: list[str]) -> Choices:
    """Where the choices are asked: the form in JupyterLab; in a batch run, nothing (the
    table of choices in force says it all). Returns the choices in force."""
    forms.show(lambda: choices_form(wb.company.folder, names, wb.lang))
    return wb.choices
