"""The 9E checklist as a form: in notebook 04 and on the page ``workbook checklist`` serves.

``checklist_form(folder, member)`` builds the whole form (the team's competitor,
the three basics, the nine E's, the team's pick), every widget bound to the
member's answer file (see ``helpers.course.forms``). ``show_form`` shows it only
where someone can click; ``page()`` is what the Voilà page runs. The form and the page
are in English for now; the results on the page come from :mod:`helpers.words.advantage`
in the :class:`~helpers.language.Language` given (:data:`PAGE_LANGUAGE`).
"""

from __future__ import annotations

import html
import os
from pathlib import Path

from helpers import words
from helpers.analysis import advantage
from helpers.analysis import advantage_service as service
from helpers.course import forms
from helpers.language import ENGLISH, Language
from helpers.paths import SAMPLE_DIR, resolve_data_dir

PAGE_NOTEBOOK = Path(__file__).with_name("checklist.ipynb")
ENV_DATA_DIR, ENV_MEMBER = "WORKBOOK_DATA_DIR", "WORKBOOK_MEMBER"
PAGE_LANGUAGE = ENGLISH  # the page is in English for now, like the form

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

INTRO = """
<p>Score each line from <b>1</b> (poor) to <b>5</b> (excellent), for <b>us today</b> and
for <b>the competitor</b> you compare with, and say how much it matters to <b>our
customers</b>. Then write one line of <b>evidence</b>: what real thing backs our score?
Every click is saved at once; <b>–</b> means "no answer yet".</p>
"""


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


AUDIT_INTRO = """
<h4>Service, as a customer sees it</h4>
<p>Ten statements about how your firm looks from the customer's side. Answer each
<b>yes</b>, <b>no</b> or <b>don't know</b> (that is an answer too: nobody has looked), and
where it isn't a yes, write <b>what we'll change</b>.</p>
"""
AUDIT_GROUPS = {
    service.OUTSIDE: "Seen from outside",
    service.GENUINE: "Genuine: not everything to everyone",
    service.SERVE: "Serving",
}


def audit_form(company_folder: str | Path, member: str):
    """The outside-in service audit of one member: yes / no / don't know per statement,
    and what we'll change; every click and line saved at once, like the checklist."""
    import ipywidgets as w

    table = audit_table(company_folder, member)
    blocks = [w.HTML(AUDIT_INTRO), forms.status_line(table)]
    group = None
    for number, (key, (in_group, _name, statement)) in enumerate(
        service.STATEMENTS.items(), start=1
    ):
        if in_group != group:
            group = in_group
            blocks.append(w.HTML(f"<b>{html.escape(AUDIT_GROUPS[group])}</b>"))
        options = [(forms.NOT_ANSWERED, None)] + [(a, a) for a in service.ANSWERS]
        answer = w.ToggleButtons(options=options, value=None, tooltips=[])
        answer.style.button_width = "auto"
        answer.add_class("workbook-yes-no")
        answer.add_class(f"answer-{key}-answer")
        forms.bind(answer, table, "answer", row=key)
        change = forms.widget_for(table, "change", row=key)
        change.placeholder = "what we'll change (if it isn't a yes)"
        change.add_class(f"answer-{key}-change")
        label = w.Label("What we'll change")
        label.layout.width = "16em"
        block = w.VBox(
            [
                w.HTML(f"{number}. {html.escape(statement)}"),
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


def _rows_and_descriptions():
    """Each E named in English, Finnish and Swedish (the form itself is in English)."""
    en, fi, sv = (Language(code) for code in ("en", "fi", "sv"))
    e_name = words.advantage.e_name
    rows = {
        key: f"{number} · {e_name(key, en)} ({e_name(key, fi)} · {e_name(key, sv)})"
        for number, key in enumerate(advantage.E_KEYS, start=1)
    }
    describe = {
        key: html.escape(meaning.capitalize()) for key, (_name, meaning) in advantage.NINE_E.items()
    }
    return rows, describe


def member_form(company_folder: str | Path, member: str):
    """The checklist of one member: the basics, then the nine E's."""
    import ipywidgets as w

    table = member_table(company_folder, member)
    basics = forms.table_form(
        table, rows=advantage.BASICS, fields=["today", "competitor", "evidence"]
    )
    rows, describe = _rows_and_descriptions()
    nine = forms.table_form(table, rows=rows, describe=describe, status=False)
    who = forms.member_label(forms.member_slug(member))
    return w.VBox(
        [
            w.HTML(f"<h3>Answering as {html.escape(who)}</h3>"),
            w.HTML(
                "<h4>First: are we competitive? The basics</h4><p>Product, delivery and "
                "service only need to be <i>not behind</i> the competitor.</p>"
            ),
            basics,
            audit_form(company_folder, member),
            w.HTML("<h4>Then: where could we rise above? The nine E's</h4>"),
            nine,
        ]
    )


def team_form(company_folder: str | Path, part: str = "competitor"):
    """What the team decides together: ``part="competitor"`` (whom we compare with) or
    ``part="pick"`` (the E's the team decides to invest in, after its meeting)."""
    import ipywidgets as w

    team = team_text(company_folder)
    if part == "competitor":
        name = forms.widget_for(team, "competitor_name")
        name.add_class("answer-competitor_name")
        name.placeholder = "e.g. the firm you lose most quotes to"
        return w.VBox(
            [
                forms.status_line(team),
                w.HTML("<b>The competitor we compare with</b> (the team agrees on one)"),
                name,
            ]
        )
    picks = forms.widget_for(team, "chosen")
    picks.add_class("answer-chosen")
    return w.VBox(
        [
            w.HTML(
                "<h4>Last, after the team's meeting: the team's pick</h4><p>The E's you "
                "decide to invest in (hold Ctrl or ⌘ to pick several; none = let the scores "
                "suggest).</p>"
            ),
            forms.status_line(team),
            picks,
        ]
    )


def checklist_form(company_folder: str | Path, member: str | None = None):
    """The whole checklist; without ``member`` it first asks for a name."""
    import ipywidgets as w

    top = [w.HTML(INTRO), team_form(company_folder, "competitor")]
    pick = team_form(company_folder, "pick")
    body = w.VBox()
    if member:
        body.children = [member_form(company_folder, member)]
        return w.VBox([*top, body, pick])

    name = w.Text(placeholder="your first name, then Enter", continuous_update=False)
    name.add_class("answer-member")
    note = w.HTML()

    def open_member(change):
        try:
            body.children = [member_form(company_folder, change["new"])]
            note.value = ""
        except ValueError as error:
            note.value = f"<span style='color:#a40000'>{html.escape(str(error))}</span>"

    name.observe(open_member, names="value")
    ask = w.HBox([w.Label("Your name:"), name, note])
    return w.VBox([*top, ask, body, pick])


def batch_text(company_folder: str | Path, member: str | None) -> str:
    """What a batch run prints where the form would be."""
    who = f"as {member}" if member else "under your name (set `member` above)"
    return (
        "The checklist form shows here when you open this notebook in JupyterLab (or "
        f"run `workbook checklist`); you answer {who}, and each click is saved in "
        f"{forms.ANSWERS}/{advantage.TOPIC}/ in the company folder. This run reads the "
        "answers saved so far."
    )


def show_form(company_folder: str | Path, member: str | None = None):
    """The form where someone can click; in a batch run a sentence instead."""
    return forms.show(
        lambda: checklist_form(company_folder, member),
        batch_text=batch_text(company_folder, member),
    )


def sample_note(company_folder: str | Path) -> str:
    """A warning when answers would go into the embedded sample company."""
    if Path(company_folder).resolve() != SAMPLE_DIR.resolve():
        return ""
    return (
        "You are answering in the sample company: your answers are saved in "
        f"{forms.answers_dir(SAMPLE_DIR) / advantage.TOPIC}. To put the sample back: "
        "git checkout data/sample/answers (and delete any new file there)."
    )


# --- the page without code ------------------------------------------------------------


def page(lang: Language = PAGE_LANGUAGE):
    """The Voilà page: title, the form and the team's results in ``lang`` (``workbook
    checklist``)."""
    import ipywidgets as w
    from IPython.display import display

    folder = resolve_data_dir(os.environ.get(ENV_DATA_DIR) or None)
    member = os.environ.get(ENV_MEMBER) or None
    title = w.HTML(
        "<h2>The 9E checklist: where can we rise above our competitors?</h2>"
        f"<p style='color:#555'>Company folder: {html.escape(str(folder))}</p>"
    )
    note = sample_note(folder)
    parts = [title]
    if note:
        parts.append(w.HTML(f"<p style='color:#8a5a00'>{html.escape(note)}</p>"))
    parts += [checklist_form(folder, member), results_panel(folder, lang)]
    box = w.VBox([w.HTML(SMALL_SCREENS), *parts])
    box.add_class("workbook-checklist")
    display(box)


def results_panel(company_folder: str | Path, lang: Language):
    """A button that shows the team's results from every member's saved answers, in
    ``lang``."""
    import ipywidgets as w

    out = w.Output()
    button = w.Button(description="Show the team's results", icon="refresh")
    button.layout.width = "auto"
    button.add_class("show-results")

    def show(_=None):
        out.clear_output(wait=True)
        with out:
            show_results(company_folder, lang)

    button.on_click(show)
    return w.VBox([w.HTML("<h3>The team's results</h3>"), button, out])


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


def serve(data_dir: str | Path | None, member: str | None = None, port: int = 8866) -> int:
    """Serve the checklist page with Voilà on 127.0.0.1:``port`` until Ctrl-C (``workbook
    checklist``). Returns the exit code: 0 after Ctrl-C, 2 for a bad folder or name."""
    import signal
    import socket
    import subprocess
    import sys
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
    env = dict(os.environ, **{ENV_DATA_DIR: str(folder), forms.BATCH_ENV: "on"})
    env.pop(ENV_MEMBER, None)
    if member:
        env[ENV_MEMBER] = member
    # Voilà runs under helpers.course.page_server: it stops when this process is gone, and
    # the kernels of closed pages are culled
    command = [
        sys.executable,
        "-m",
        "helpers.course.page_server",
        str(PAGE_NOTEBOOK),
        f"--port={port}",
        "--no-browser",
        "--Voila.ip=127.0.0.1",
        "--Voila.log_level=WARN",
    ]
    server = subprocess.Popen(command, env=env, cwd=str(PAGE_NOTEBOOK.parent))

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
        note = sample_note(folder)
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
