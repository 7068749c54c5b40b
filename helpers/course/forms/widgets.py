"""Widgets bound to answer files, shown only where someone can click (JupyterLab, Voilà).

Part of :mod:`helpers.course.forms` (its docstring is the how-to); import from there.
"""

from __future__ import annotations

import contextlib
import os

from helpers.company.answers.fields import (
    Choice,
    Number,
    Picks,
    Scale,
    Text,
    in_words,
    shown_path,
)
from helpers.company.answers.files import AnswerTable, AnswerText, _AnswerFile
from helpers.language import ENGLISH, Language

NOT_ANSWERED = "–"  # the label of "no answer yet" in a scale's buttons
BATCH_ENV = "WORKBOOK_FORMS"  # "off": never show forms (batch runs); "on": always


# --- widgets -------------------------------------------------------------------------


def interactive() -> bool:
    """Show forms? True in JupyterLab and on a Voilà page; False in batch runs.

    ``WORKBOOK_FORMS=off`` (set by ``workbook run`` and the test suite) or ``on``
    decides; otherwise a kernel started by a Jupyter server (JupyterLab sets
    ``JPY_SESSION_NAME``) is interactive and papermill, nbclient and nbval are not.
    """
    setting = os.environ.get(BATCH_ENV, "").strip().lower()
    if setting in ("on", "1", "yes"):
        return True
    if setting in ("off", "0", "no"):
        return False
    return bool(os.environ.get("JPY_SESSION_NAME"))


@contextlib.contextmanager
def batch_mode():
    """Within the block, kernels started by this process show no forms (``workbook run``)."""
    before = os.environ.get(BATCH_ENV)
    os.environ[BATCH_ENV] = "off"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(BATCH_ENV, None)
        else:
            os.environ[BATCH_ENV] = before


def show(build, batch_text: str = ""):
    """Display the form ``build()`` returns where someone can click; else print ``batch_text``.

    ``build`` is called only in an interactive session, so a batch run creates no
    widgets (their random ids would make executed notebooks differ). Returns None, so
    a cell that ends with this call shows the form once (a returned form would be
    shown a second time, as the cell's result).
    """
    if not interactive():
        if batch_text:
            print(batch_text)
        return None
    from IPython.display import display

    display(build())
    return None


def widget_for(answers: _AnswerFile, name: str, row=None, lang: Language = ENGLISH):
    """A widget for one question, showing the saved answer and saving every change.

    The options' labels and the placeholder are shown in ``lang`` (the stored values,
    the options' keys, stay as they are)."""
    import ipywidgets as w

    f = answers.field(name)

    def shown(option):
        return (lang._(option[0]), option[1]) if isinstance(option, tuple) else (option, option)

    if isinstance(f, Scale):
        steps = range(f.low, f.high + 1)
        names = (
            [lang._(n) for n in f.names] if len(f.names) == len(steps) else [str(n) for n in steps]
        )
        options = [(NOT_ANSWERED, None)] + list(zip(names, steps, strict=True))
        widget = w.ToggleButtons(options=options, value=None, tooltips=[])
        widget.style.button_width = "2.4em" if not f.names else "auto"
    elif isinstance(f, Number):
        bounds = {"min": f.low, "max": f.high if f.high != float("inf") else 1e12}
        if f.whole:
            widget = w.BoundedIntText(value=int(f.low), step=1, **bounds)
        else:
            widget = w.BoundedFloatText(value=f.low, step=0.01 if f.percent else 1, **bounds)
    elif isinstance(f, Choice):
        options = [(NOT_ANSWERED, None)] + [shown(o) for o in f.options]
        widget = w.Dropdown(options=options, value=None)
    elif isinstance(f, Picks):
        options = [shown(o) for o in f.options]
        widget = w.SelectMultiple(options=options, value=(), rows=min(len(options), 9))
    elif isinstance(f, Text) and f.lines > 1:
        widget = w.Textarea(value="", placeholder=_placeholder(f, lang), rows=f.lines)
        widget.layout.width = "100%"
    else:
        widget = w.Text(value="", placeholder=_placeholder(f, lang))
        widget.layout.width = "100%"
    return bind(widget, answers, name, row=row, lang=lang)


def _placeholder(f, lang: Language) -> str:
    text = getattr(f, "placeholder", "")
    return lang._(text) if text else ""


def bind(widget, answers: _AnswerFile, name: str, row=None, lang: Language = ENGLISH):
    """Show the saved answer in ``widget`` and save every change of its value at once.

    Works with any widget whose ``value`` the field can parse (sliders, buttons,
    dropdowns, text boxes). A corrupt file disables the widget; returns it.
    """
    saved = answers.get(name) if row is None else answers.get(row, name)
    if saved is None:
        saved = "" if _is_text_widget(widget) else None
    with contextlib.suppress(Exception):
        widget.value = tuple(saved) if isinstance(saved, list) else saved
    widget.disabled = answers.error is not None

    def save(change):
        value = change["new"]
        if _is_text_widget(widget) and value == "":
            value = None
        try:
            if row is None:
                answers.set(name, value)
            else:
                answers.set(row, name, value)
        except ValueError as error:  # a value the question does not accept
            answers._tell(
                False, lang._("Not saved: {problem}.").format(problem=in_words(error, lang))
            )

    widget.observe(save, names="value")
    return widget


def _is_text_widget(widget) -> bool:
    return type(widget).__name__ in ("Text", "Textarea")


def status_line(*files: _AnswerFile, lang: Language = ENGLISH):
    """An HTML widget that says where answers are saved, or why they can't be, in ``lang``."""
    import html

    import ipywidgets as w

    box = w.HTML()
    box.add_class("workbook-form-status")

    def show(_file=None, ok=True, message=""):
        broken = [f.error for f in files if f.error is not None]
        if broken:
            text = "<br>".join(html.escape(e.advice(lang)) for e in broken)
            box.value = f"<div class='workbook-form-error' style='color:#a40000'>⚠ {text}</div>"
        elif not ok:
            told = getattr(_file, "told", None)
            if told is not None:
                message = lang._("Not saved. {advice}").format(advice=told.advice(lang))
            box.value = f"<div style='color:#a40000'>⚠ {html.escape(message)}</div>"
        else:
            where = ", ".join(sorted({shown_path(f.path) for f in files}))
            if message and _file is not None:
                message = lang._("Saved in {path}.").format(path=shown_path(_file.path))
            note = (
                f"✓ {html.escape(message)}"
                if message
                else html.escape(lang._("Answers are saved as you go in"))
            )
            box.value = f"<div style='color:#2e6b30'>{note} ({html.escape(where)})</div>"

    for f in files:
        f.on_change(show)
    show()
    return box


def table_form(
    table: AnswerTable,
    rows: dict,
    fields=None,
    describe=None,
    status=True,
    lang: Language = ENGLISH,
):
    """A form with one block per row (``rows``: key -> label) and a widget per question.

    ``fields`` (names) limits the questions asked; ``describe`` (optional) maps a
    key to a line of HTML shown under its label; ``status=False`` leaves out the
    status line (when another form on the same file already shows one). The questions,
    options and status line are in ``lang`` (the rows' labels as given). Each
    widget gets the CSS class ``answer-<key>-<field>`` (for browser tests).
    """
    import html

    import ipywidgets as w

    names = fields or [f.name for f in table.fields]
    blocks = [status_line(table, lang=lang)] if status else []
    for key, label in rows.items():
        head = f"<b>{html.escape(str(label))}</b>"
        if describe and describe.get(key):
            head += f"<br><span style='color:#555'>{describe[key]}</span>"
        items = [w.HTML(head)]
        for name in names:
            question = w.Label(lang._(table.field(name).title))
            question.layout.width = "16em"
            widget = widget_for(table, name, row=key, lang=lang)
            widget.add_class(f"answer-{key}-{name}")
            items.append(w.HBox([question, widget]))
        block = w.VBox(items)
        block.layout.margin = "0 0 1em 0"
        blocks.append(block)
    return w.VBox(blocks)


def text_form(text: AnswerText, fields=None, lang: Language = ENGLISH):
    """A form with a labelled box per field of a TOML answer file, in ``lang``."""
    import ipywidgets as w

    names = fields or [f.name for f in text.fields]
    items = [status_line(text, lang=lang)]
    for name in names:
        widget = widget_for(text, name, lang=lang)
        widget.add_class(f"answer-{name}")
        items.append(w.HTML(f"<b>{lang._(text.field(name).title)}</b>"))
        items.append(widget)
    return w.VBox(items)
