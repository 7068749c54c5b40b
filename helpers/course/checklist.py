"""The 9E checklist as a form: in notebook 04 and on the page ``workbook checklist`` serves.

``checklist_form(folder, member, lang)`` builds the whole form (the team's competitor,
the three basics, the service audit, the nine E's, the team's pick), every widget bound
to the member's answer file (see ``helpers.course.forms``). ``show_form`` shows it only
where someone can click; ``page()`` is what the Voilà page runs. Every word of the form
and the page is in the :class:`~helpers.language.Language` given (English by default; the
notebook passes ``wb.lang``, the page the language ``workbook checklist`` chose, see
:func:`page_language`); the answers stored stay the same codes in every language.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

from helpers import words
from helpers.analysis import advantage
from helpers.analysis import advantage_service as service
from helpers.course import forms
from helpers.language import ENGLISH, N_, Language, check_language
from helpers.paths import SAMPLE_DIR, resolve_data_dir

PAGE_NOTEBOOK = Path(__file__).with_name("checklist.ipynb")
ENV_DATA_DIR, ENV_MEMBER = "WORKBOOK_DATA_DIR", "WORKBOOK_MEMBER"
ENV_LANGUAGE, ENV_CURRENCY = "WORKBOOK_LANGUAGE", "WORKBOOK_CURRENCY"

# Small screens (a phone, 390 px): labels above their buttons and boxes, nothing cut off.
SMALL_SCREENS = """<style>
.workbook-checklist .widget-label { white-space: normal; overflow: visible; height: auto;
                                    line-height: 1.3; }
@media (max-width: 640px) {
  .workbook-checklist .widget-hbox { flex-wrap: wrap; }
  .workbook-checklist .widget-hbox > .widget-label { width: 100% !important; }
  .workbook-checklist .widget-text, .workbook-checklist .widget-textarea,
  .workbook-checklist .widget-dropdown, .workbook-checklist .widget-select-multiple {
    width: auto !important; align-self: stretch; flex: 1 1 100%; min-width: 0; }
  .workbook-checklist .widget-toggle-buttons { flex-wrap: nowrap; }
  .workbook-checklist .widget-toggle-button { width: 2.3em !important; padding: 0; }
  .workbook-checklist .workbook-yes-no .widget-toggle-button { width: auto !important;
                                                               padding: 0 .6em; }
}
</style>"""

INTRO = N_(
    "<p>Score each line from <b>1</b> (poor) to <b>5</b> (excellent), for <b>us today</b> "
    "and for <b>the competitor</b> you compare with, and say how much it matters to <b>our "
    "customers</b>. Then write one line of <b>evidence</b>: what real thing backs our "
    'score? Every click is saved at once; <b>–</b> means "no answer yet".</p>'
)


def member_table(company_folder: str | Path, member: str) -> forms.AnswerTable:
    """One member's checklist file, ``answers/9e/<member>.csv``."""
    path = forms.member_file(company_folder, advantage.TOPIC, member)
    return forms.AnswerTable(path, key=advantage.KEY, fields=advantage.FIELDS, rows=advantage.AREAS)


def audit_table(company_folder: str | Path, member: str) -> forms.AnswerTable:
    """One member's service audit, ``answers/service-audit/<member>.csv``."""
    path = forms.member_file(company_folder, service.TOPIC, member)
    return forms.AnswerTable(
        path, key=service.KEY, fields=service.FIELDS, rows=service.STATEMENT_KEYS
    )


AUDIT_INTRO = N_(
    "<h4>Service, as a customer sees it</h4><p>Ten statements about how your firm looks "
    "from the customer's side. Answer each <b>yes</b>, <b>no</b> or <b>don't know</b> (that "
    "is an answer too: nobody has looked), and where it isn't a yes, write <b>what we'll "
    "change</b>.</p>"
)
AUDIT_GROUPS = {
    service.OUTSIDE: N_("Seen from outside"),
    service.GENUINE: N_("Genuine: not everything to everyone"),
    service.SERVE: N_("Serving"),
}


def audit_form(company_folder: str | Path, member: str, lang: Language = ENGLISH):
    """The outside-in service audit of one member: yes / no / don't know per statement,
    and what we'll change; every click and line saved at once, like the checklist. The
    buttons say yes / no / don't know in ``lang``; the file keeps the English codes."""
    import ipywidgets as w

    _ = lang._
    table = audit_table(company_folder, member)
    blocks = [w.HTML(_(AUDIT_INTRO)), forms.status_line(table, lang=lang)]
    group = None
    for number, (key, (in_group, _name, statement)) in enumerate(
        service.STATEMENTS.items(), start=1
    ):
        if in_group != group:
            group = in_group
            blocks.append(w.HTML(f"<b>{html.escape(_(AUDIT_GROUPS[group]))}</b>"))
        options = [(forms.NOT_ANSWERED, None)] + [
            (_(service.ANSWER_LABELS[a]), a) for a in service.ANSWERS
        ]
        answer = w.ToggleButtons(options=options, value=None, tooltips=[])
        answer.style.button_width = "auto"
        answer.add_class("workbook-yes-no")
        answer.add_class(f"answer-{key}-answer")
        forms.bind(answer, table, "answer", row=key, lang=lang)
        change = forms.widget_for(table, "change", row=key, lang=lang)
        change.placeholder = _("what we'll change (if it isn't a yes)")
        change.add_class(f"answer-{key}-change")
        label = w.Label(_(table.field("change").title))
        label.layout.width = "16em"
        block = w.VBox(
            [
                w.HTML(f"{number}. {html.escape(_(statement))}"),
                answer,
                w.HBox([label, change]),
            ]
        )
        block.layout.margin = "0 0 .8em 0"
        blocks.append(block)
    return w.VBox(blocks)


def team_text(company_folder: str | Path) -> forms.AnswerText:
    """The team's decisions, ``answers/9e/team.toml``."""
    return forms.AnswerText(advantage.team_file(company_folder), advantage.TEAM_FIELDS)


def _rows_and_descriptions(lang: Language = ENGLISH):
    """Each E numbered and named in ``lang`` (in English with its Finnish and Swedish
    names, as the course's terms are), with what it means."""
    e_name = words.advantage.e_name

    def name(key: str) -> str:
        if lang.code != "en":
            return e_name(key, lang)
        fi, sv = Language("fi"), Language("sv")
        return f"{e_name(key, lang)} ({e_name(key, fi)} · {e_name(key, sv)})"

    rows = {key: f"{number} · {name(key)}" for number, key in enumerate(advantage.E_KEYS, start=1)}
    describe = {
        key: html.escape(_capitalized(lang._(meaning)))
        for key, (_name, meaning) in advantage.NINE_E.items()
    }
    return rows, describe


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def member_form(company_folder: str | Path, member: str, lang: Language = ENGLISH):
    """The checklist of one member, in ``lang``: the basics, the service audit, then the
    nine E's."""
    import ipywidgets as w

    _ = lang._
    table = member_table(company_folder, member)
    basics = forms.table_form(
        table,
        rows={key: _(label) for key, label in advantage.BASICS.items()},
        fields=["today", "competitor", "evidence"],
        lang=lang,
    )
    rows, describe = _rows_and_descriptions(lang)
    nine = forms.table_form(table, rows=rows, describe=describe, status=False, lang=lang)
    who = forms.member_label(forms.member_slug(member))
    return w.VBox(
        [
            w.HTML("<h3>" + html.escape(_("Answering as {name}").format(name=who)) + "</h3>"),
            w.HTML(
                _(
                    "<h4>First: are we competitive? The basics</h4><p>Product, delivery and "
                    "service only need to be <i>not behind</i> the competitor.</p>"
                )
            ),
            basics,
            audit_form(company_folder, member, lang),
            w.HTML(_("<h4>Then: where could we rise above? The nine E's</h4>")),
            nine,
        ]
    )


def team_form(company_folder: str | Path, part: str = "competitor", lang: Language = ENGLISH):
    """What the team decides together, in ``lang``: ``part="competitor"`` (whom we compare
    with) or ``part="pick"`` (the E's the team decides to invest in, after its meeting)."""
    import ipywidgets as w

    _ = lang._
    team = team_text(company_folder)
    if part == "competitor":
        name = forms.widget_for(team, "competitor_name", lang=lang)
        name.add_class("answer-competitor_name")
        name.placeholder = _("e.g. the firm you lose most quotes to")
        return w.VBox(
            [
                forms.status_line(team, lang=lang),
                w.HTML(_("<b>The competitor we compare with</b> (the team agrees on one)")),
                name,
            ]
        )
    picks = forms.widget_for(team, "chosen", lang=lang)
    picks.add_class("answer-chosen")
    return w.VBox(
        [
            w.HTML(
                _(
                    "<h4>Last, after the team's meeting: the team's pick</h4><p>The E's you "
                    "decide to invest in (hold Ctrl or ⌘ to pick several; none = let the "
                    "scores suggest).</p>"
                )
            ),
            forms.status_line(team, lang=lang),
            picks,
        ]
    )


def checklist_form(company_folder: str | Path, member: str | None = None, lang: Language = ENGLISH):
    """The whole checklist in ``lang``; without ``member`` it first asks for a name."""
    import ipywidgets as w

    _ = lang._
    top = [w.HTML(_(INTRO)), team_form(company_folder, "competitor", lang)]
    pick = team_form(company_folder, "pick", lang)
    body = w.VBox()
    if member:
        body.children = [member_form(company_folder, member, lang)]
        return w.VBox([*top, body, pick])

    name = w.Text(placeholder=_("your first name, then Enter"), continuous_update=False)
    name.add_class("answer-member")
    note = w.HTML()

    def open_member(change):
        try:
            body.children = [member_form(company_folder, change["new"], lang)]
            note.value = ""
        except ValueError:
            note.value = "<span style='color:#a40000'>{}</span>".format(
                html.escape(
                    _("{name} can't be used as a name: use letters or digits, like 'aino'").format(
                        name=repr(change["new"])
                    )
                )
            )

    name.observe(open_member, names="value")
    ask = w.HBox([w.Label(_("Your name:")), name, note])
    return w.VBox([*top, ask, body, pick])


def batch_text(company_folder: str | Path, member: str | None, lang: Language = ENGLISH) -> str:
    """What a batch run prints where the form would be, in ``lang``."""
    _ = lang._
    who = (
        _("as {member}").format(member=member)
        if member
        else _("under your name (set `member` above)")
    )
    return _(
        "The checklist form shows here when you open this notebook in JupyterLab (or "
        "run `workbook checklist`); you answer {who}, and each click is saved in "
        "{folder} in the company folder. This run reads the answers saved so far."
    ).format(who=who, folder=f"{forms.ANSWERS}/{advantage.TOPIC}/")


def show_form(company_folder: str | Path, member: str | None = None, lang: Language = ENGLISH):
    """The form in ``lang`` (the notebook passes ``wb.lang``) where someone can click; in a
    batch run a sentence instead."""
    return forms.show(
        lambda: checklist_form(company_folder, member, lang),
        batch_text=batch_text(company_folder, member, lang),
    )


def sample_note(company_folder: str | Path, lang: Language = ENGLISH) -> str:
    """A warning when answers would go into the embedded sample company, in ``lang``."""
    if Path(company_folder).resolve() != SAMPLE_DIR.resolve():
        return ""
    return lang._(
        "You are answering in the sample company: your answers are saved in {folder}. To put "
        "the sample back: git checkout data/sample/answers (and delete any new file there)."
    ).format(folder=forms.answers_dir(SAMPLE_DIR) / advantage.TOPIC)


# --- the page without code ------------------------------------------------------------


def page_language(environ=None) -> Language:
    """The page's language, as ``workbook checklist`` chose it (:data:`ENV_LANGUAGE`,
    :data:`ENV_CURRENCY`); English when it chose none."""
    environ = os.environ if environ is None else environ
    code = environ.get(ENV_LANGUAGE) or "en"
    try:
        check_language(code)
    except ValueError:
        code = "en"
    return Language(code, environ.get(ENV_CURRENCY) or "EUR")


def serve_language(folder: Path, requested: str | None = None) -> Language:
    """``--language`` when given, else the company's own (company.toml), else English (a
    company.toml with a language the workbook doesn't speak gives English)."""
    from helpers.company.folder import read_settings
    from helpers.language import choose_language

    settings = read_settings(folder)
    try:
        return choose_language(requested, settings)
    except ValueError:
        return choose_language(requested, {**settings, "language": None})


def page_title(company_folder: str | Path, lang: Language) -> str:
    """The browser tab's title: "9E-tarkistuslista – Pajakulma Oy" (the company's name from
    company.toml; the folder's name without one)."""
    from helpers.company.folder import read_settings

    name = read_settings(Path(company_folder)).get("name") or Path(company_folder).name
    return lang._("9E checklist – {company}").format(company=name)


def page(lang: Language | None = None):
    """The Voilà page: title, the form and the team's results in ``lang`` (``workbook
    checklist``; by default the language it chose, :func:`page_language`)."""
    import ipywidgets as w
    from IPython.display import display

    lang = lang or page_language()
    _ = lang._
    folder = resolve_data_dir(os.environ.get(ENV_DATA_DIR) or None)
    member = os.environ.get(ENV_MEMBER) or None
    title = w.HTML(
        "<h2>"
        + html.escape(_("The 9E checklist: where can we rise above our competitors?"))
        + "</h2><p style='color:#555'>"
        + html.escape(_("Company folder: {folder}").format(folder=folder))
        + "</p>"
    )
    note = sample_note(folder, lang)
    parts = [title]
    if note:
        parts.append(w.HTML(f"<p style='color:#8a5a00'>{html.escape(note)}</p>"))
    parts += [checklist_form(folder, member, lang), results_panel(folder, lang)]
    box = w.VBox([w.HTML(SMALL_SCREENS), *parts])
    box.add_class("workbook-checklist")
    display(box)


def results_panel(company_folder: str | Path, lang: Language):
    """A button that shows the team's results from every member's saved answers, in
    ``lang``."""
    import ipywidgets as w

    out = w.Output()
    button = w.Button(description=lang._("Show the team's results"), icon="refresh")
    button.layout.width = "auto"
    button.add_class("show-results")

    def show(_=None):
        out.clear_output(wait=True)
        with out:
            show_results(company_folder, lang)

    button.on_click(show)
    heading = "<h3>" + html.escape(lang._("The team's results")) + "</h3>"
    return w.VBox([w.HTML(heading), button, out])


def show_results(company_folder: str | Path, lang: Language) -> None:
    """Print and plot the results in ``lang`` (used by the page; the notebook shows them
    cell by cell)."""
    import matplotlib.pyplot as plt
    from IPython.display import HTML, display

    from helpers.plots import advantage as plots

    answers = advantage.load_answers(company_folder)
    result = advantage.results(answers)
    audit = service.load_audit(company_folder)
    texts = [words.advantage.answers_in_words(answers, company_folder, lang)]
    if answers.answered:
        texts.append(words.advantage.competitiveness_in_words(result.basics, lang))
    texts += [
        words.advantage.audit_in_words(audit, result.basics.loc["service", "today"], lang),
        words.advantage.changes_in_words(audit, lang),
    ]
    if answers.answered:
        texts += [
            words.advantage.choice_in_words(
                result.scores, answers.long, result.chosen, result.basis, lang
            ),
            words.advantage.behind_in_words(result.behind, lang),
            words.advantage.agenda_in_words(result.agenda, answers.members, lang),
        ]
    paragraphs = "".join(
        "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>" for text in texts if text
    )
    display(HTML(paragraphs))
    if answers.answered:
        plots.plot_radar(
            result.scores, competitor=answers.team.get("competitor_name") or "", lang=lang
        )
        plt.show()


def page_notebook(folder: Path, lang: Language, into: Path) -> Path:
    """A copy of the page's notebook in the folder ``into``, titled for ``folder`` in
    ``lang`` (Voilà makes the tab's title of the notebook's ``title``)."""
    import json

    notebook = json.loads(PAGE_NOTEBOOK.read_text(encoding="utf-8"))
    notebook["metadata"]["title"] = page_title(folder, lang)
    path = Path(into) / PAGE_NOTEBOOK.name
    path.write_text(json.dumps(notebook, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def serve(
    data_dir: str | Path | None,
    member: str | None = None,
    port: int = 8866,
    language: str | None = None,
) -> int:
    """Serve the checklist page with Voilà on 127.0.0.1:``port`` until Ctrl-C (``workbook
    checklist``), in ``language`` (else the company's own, else English). Returns the exit
    code: 0 after Ctrl-C, 2 for a bad folder or name."""
    import signal
    import socket
    import subprocess
    import sys
    import tempfile
    import time

    folder = resolve_data_dir(data_dir)
    if not folder.is_dir():
        print(
            f"{folder}: this folder does not exist; give the path of a company folder.",
            file=sys.stderr,
        )
        return 2
    if member:
        try:
            forms.member_slug(member)
        except ValueError as error:
            print(str(error), file=sys.stderr)
            return 2
    lang = serve_language(folder, language)
    env = dict(
        os.environ,
        **{
            ENV_DATA_DIR: str(folder),
            ENV_LANGUAGE: lang.code,
            ENV_CURRENCY: lang.currency,
            forms.BATCH_ENV: "on",
        },
    )
    env.pop(ENV_MEMBER, None)
    if member:
        env[ENV_MEMBER] = member
    # Voilà runs under helpers.course.page_server: it stops when this process is gone, and
    # the kernels of closed pages are culled
    # the page is a copy of checklist.ipynb titled in the language; <html lang> is Voilà's
    # exporter's language_code
    here = tempfile.TemporaryDirectory(prefix="workbook-checklist-")
    notebook = page_notebook(folder, lang, Path(here.name))
    command = [
        sys.executable,
        "-m",
        "helpers.course.page_server",
        str(notebook),
        f"--port={port}",
        "--no-browser",
        "--Voila.ip=127.0.0.1",
        "--Voila.log_level=WARN",
        f"--VoilaExporter.language_code={lang.code}",
    ]
    server = subprocess.Popen(command, env=env, cwd=here.name)

    def stop(_signum, _frame):  # `kill` stops the page like Ctrl-C, so Voilà is not orphaned
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(600):  # up to a minute for the server to answer
            if server.poll() is not None:
                print(
                    f"The page server stopped (is port {port} in use? try --port).", file=sys.stderr
                )
                return 1
            with socket.socket() as probe:
                probe.settimeout(0.2)
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        note = sample_note(folder)  # the terminal's messages stay in English, like the CLI's
        if note:
            print(note)
        print(f"The 9E checklist for {folder} is at {url}")
        print(
            "Open it in your browser; answers are saved as you click. Stop with Ctrl-C.", flush=True
        )
        server.wait()
        return 0 if server.returncode in (0, -2, 130) else 1
    except KeyboardInterrupt:
        return 0
    finally:
        if server.poll() is None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
        here.cleanup()
