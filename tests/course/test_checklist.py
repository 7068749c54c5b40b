"""The 9E checklist form, driven without a browser (the browser tests drive the same form)."""

import ipywidgets as w
import pytest

from helpers import cli
from helpers.course import checklist, forms
from helpers.paths import SAMPLE_DIR


def find(widget, css_class):
    """The widget carrying ``css_class`` somewhere inside ``widget``."""
    if css_class in getattr(widget, "_dom_classes", ()):
        return widget
    for child in getattr(widget, "children", ()):
        found = find(child, css_class)
        if found is not None:
            return found
    return None


def test_the_form_shows_saved_answers_and_saves_clicks(tmp_path):
    checklist.member_table(tmp_path, "Aino").set("epic", "today", 2)
    form = checklist.checklist_form(tmp_path, "Aino")
    today = find(form, "answer-epic-today")
    assert isinstance(today, w.ToggleButtons) and today.value == 2
    find(form, "answer-delivery-competitor").value = 4
    find(form, "answer-efficiency-evidence").value = "48 h"
    table = checklist.member_table(tmp_path, "aino")
    assert table.get("delivery", "competitor") == 4
    assert table.get("efficiency", "evidence") == "48 h"
    # the basics don't ask for importance
    assert find(form, "answer-delivery-importance") is None
    assert find(form, "answer-epic-importance") is not None


def test_the_team_part_saves_the_competitor_and_the_pick(tmp_path):
    form = checklist.checklist_form(tmp_path, "aino")
    find(form, "answer-competitor_name").value = "Konepaja Virtanen"
    find(form, "answer-chosen").value = ("efficiency", "education")
    assert checklist.team_text(tmp_path).values() == {
        "competitor_name": "Konepaja Virtanen",
        "chosen": ["efficiency", "education"],
    }


def test_without_a_member_the_form_asks_for_a_name_first(tmp_path):
    form = checklist.checklist_form(tmp_path)
    assert find(form, "answer-epic-today") is None
    find(form, "answer-member").value = "Jussi K"
    find(form, "answer-epic-today").value = 5
    assert checklist.member_table(tmp_path, "jussi-k").get("epic", "today") == 5
    assert (tmp_path / "answers" / "9e" / "jussi-k.csv").exists()


def test_batch_runs_get_a_sentence_not_a_form(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(forms.BATCH_ENV, "off")
    assert checklist.show_form(tmp_path, "aino") is None
    out = capsys.readouterr().out
    assert "answers/9e/ in the company folder" in out and "as aino" in out
    assert str(tmp_path) not in out  # no machine-dependent paths in executed notebooks


def test_the_sample_note_warns_only_for_the_sample_company(tmp_path):
    assert "sample company" in checklist.sample_note(SAMPLE_DIR)
    assert checklist.sample_note(tmp_path) == ""


def test_workbook_checklist_refuses_a_missing_folder_or_a_nameless_member(tmp_path, capsys):
    assert cli.main(["checklist", str(tmp_path / "nowhere")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert cli.main(["checklist", str(tmp_path), "--member", "./"]) == 2
    assert "letters or digits" in capsys.readouterr().err


def test_the_page_notebook_ships_with_the_package():
    assert checklist.PAGE_NOTEBOOK.exists()
    assert "page()" in checklist.PAGE_NOTEBOOK.read_text(encoding="utf-8")


@pytest.mark.parametrize("member", [None, "aino"])
def test_the_page_builds_from_its_environment(tmp_path, monkeypatch, member):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda widget: shown.append(widget))
    monkeypatch.setenv(checklist.ENV_DATA_DIR, str(tmp_path))
    if member:
        monkeypatch.setenv(checklist.ENV_MEMBER, member)
    else:
        monkeypatch.delenv(checklist.ENV_MEMBER, raising=False)
    checklist.page()
    (page,) = shown
    assert (find(page, "answer-epic-today") is not None) == bool(member)
    assert find(page, "show-results") is not None


def test_the_page_shows_the_team_s_results_in_the_language_given(monkeypatch):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from helpers.language import ENGLISH, Language

    shown = []
    monkeypatch.setattr("IPython.display.display", lambda thing: shown.append(thing))
    monkeypatch.setattr(plt, "show", lambda: plt.close("all"))
    checklist.show_results(SAMPLE_DIR, ENGLISH)
    (english,) = shown
    assert "Answers from 3 members: Aino, Jussi, Mikko" in english.data
    assert "The E&#x27;s to invest in (importance × lead): Education" in english.data
    checklist.show_results(SAMPLE_DIR, Language("fi"))
    assert "Vastauksia 3 jäseneltä" in shown[-1].data


def test_the_form_holds_the_service_audit_and_saves_it_at_once(tmp_path):
    checklist.audit_table(tmp_path, "aino").set("greeting", "answer", "no")
    form = checklist.checklist_form(tmp_path, "Aino")
    greeting = find(form, "answer-greeting-answer")
    assert isinstance(greeting, w.ToggleButtons) and greeting.value == "no"
    assert [label for label, _ in greeting.options] == ["–", "yes", "no", "don't know"]
    find(form, "answer-tried_from_outside-answer").value = "don't know"
    find(form, "answer-tried_from_outside-change").value = "a friend calls in on Monday"
    table = checklist.audit_table(tmp_path, "aino")
    assert table.get("tried_from_outside", "answer") == "don't know"
    assert table.get("tried_from_outside", "change") == "a friend calls in on Monday"
    assert (tmp_path / "answers" / "service-audit" / "aino.csv").exists()
    assert not (tmp_path / "answers" / "9e" / "aino.csv").exists()  # its own file


def test_a_corrupt_audit_file_disables_the_audit_and_is_left_alone(tmp_path):
    path = tmp_path / "answers" / "service-audit" / "aino.csv"
    path.parent.mkdir(parents=True)
    content = b"statement,answer,change\ngreeting,perhaps,\n"
    path.write_bytes(content)
    form = checklist.checklist_form(tmp_path, "aino")
    greeting = find(form, "answer-greeting-answer")
    assert greeting.disabled
    greeting.value = "yes"  # even a change that gets through is not saved
    assert path.read_bytes() == content
    assert not find(form, "answer-epic-today").disabled  # the checklist itself still works


def test_the_page_s_results_show_the_audit(monkeypatch):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from helpers.language import ENGLISH

    shown = []
    monkeypatch.setattr("IPython.display.display", lambda thing: shown.append(thing))
    monkeypatch.setattr(plt, "show", lambda: plt.close("all"))
    checklist.show_results(SAMPLE_DIR, ENGLISH)
    (english,) = shown
    assert "Service seen from the customer&#x27;s side" in english.data
    assert "What we&#x27;ll change:" in english.data


# --- in the learner's language -----------------------------------------------------------


def texts(widget) -> list[str]:
    """Every text a widget shows, recursively: values of HTML and labels, descriptions,
    placeholders and the options' labels."""
    found = []
    if type(widget).__name__ in ("HTML", "Label"):
        found.append(widget.value)
    for name in ("description", "placeholder"):
        if getattr(widget, name, ""):
            found.append(getattr(widget, name))
    for option in getattr(widget, "_options_labels", ()):
        found.append(option)
    for child in getattr(widget, "children", ()):
        found += texts(child)
    return found


def test_the_form_in_finnish_has_no_english_left(tmp_path):
    from helpers.language import Language

    checklist.audit_table(tmp_path, "aino").set("greeting", "answer", "don't know")
    form = checklist.checklist_form(tmp_path, "Aino", lang=Language("fi", strict=True))
    shown = "\n".join(texts(form))
    for finnish in (
        "Me nyt",
        "Kilpailija, johon vertaamme",
        "Palvelu asiakkaan silmin",
        "Vastaukset tallentuvat",
        "Epiikka",
        "Perusasiat",
        "kyllä",
        "en tiedä",
    ):
        assert finnish in shown, finnish
    for english in (
        "Answers are saved",
        "Us today",
        "The competitor",
        "Evidence",
        "What we'll change",
        "Score each line",
        "don't know",
        "Seen from outside",
        "(Epiikka",  # English shows the Finnish and Swedish names in brackets; Finnish doesn't
    ):
        assert english not in shown, english
    # the stored answers stay the English codes
    greeting = find(form, "answer-greeting-answer")
    assert greeting.value == "don't know" and greeting.label == "en tiedä"
    greeting.value = "yes"
    assert checklist.audit_table(tmp_path, "aino").get("greeting", "answer") == "yes"
    find(form, "answer-chosen").value = ("epic",)
    assert checklist.team_text(tmp_path).get("chosen") == ["epic"]


def test_without_a_language_the_form_stays_english(tmp_path):
    shown = "\n".join(texts(checklist.checklist_form(tmp_path)))
    assert "Answers are saved as you go in" in shown and "Your name:" in shown


def test_a_corrupt_file_is_reported_in_the_form_s_language(tmp_path):
    from helpers.language import Language

    path = tmp_path / "answers" / "service-audit" / "aino.csv"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"statement,answer,change\ngreeting,perhaps,\nnowhere,yes,\n")
    table = checklist.audit_table(tmp_path, "aino")
    assert str(table.error).startswith("answers/service-audit/aino.csv, line 2: column 'answer'")
    swedish = table.error.advice(Language("sv"))
    assert swedish.startswith("answers/service-audit/aino.csv, rad 2: kolumnen 'answer'")
    assert "Filen lämnades precis som den är" in swedish
    form = checklist.checklist_form(tmp_path, "aino", lang=Language("fi"))
    assert any("rivi 2" in t and "Tiedosto jätettiin" in t for t in texts(form))


def test_batch_text_and_page_language(tmp_path):
    from helpers.language import Language

    text = checklist.batch_text(tmp_path, "aino", Language("sv", strict=True))
    assert "som aino" in text and "answers/9e/" in text
    assert checklist.page_language({}).code == "en"
    assert checklist.page_language({checklist.ENV_LANGUAGE: "fi"}).code == "fi"
    assert checklist.page_language({checklist.ENV_LANGUAGE: "xx"}).code == "en"
    assert checklist.serve_language(SAMPLE_DIR).code == "fi"  # the sample company's own
    assert checklist.serve_language(SAMPLE_DIR, "sv").code == "sv"
    assert checklist.page_title(SAMPLE_DIR, Language("fi")) == "9E-tarkistuslista – Pajakulma Oy"
    notebook = checklist.page_notebook(SAMPLE_DIR, Language("sv"), tmp_path)
    assert "9E-checklistan – Pajakulma Oy" in notebook.read_text(encoding="utf-8")
