"""The forms module: answer files that are never lost, tested without a browser.

Each widget test drives a real ipywidgets object: setting ``widget.value`` runs
the same ``observe`` callback that a click in the browser runs.
"""

import os

import ipywidgets as w
import pytest

from helpers.course import forms
from helpers.course.forms import AnswerFileError, AnswerTable, AnswerText, Picks, Scale, Text

FIELDS = [Scale("today", 1, 5), Scale("competitor", 1, 5), Text("evidence")]
ROWS = ["ethics", "epic", "economy"]


def table(path, rows=ROWS):
    return AnswerTable(path, key="e", fields=FIELDS, rows=rows)


# --- fields --------------------------------------------------------------------------


def test_scale_accepts_whole_numbers_in_range_and_empty():
    scale = Scale("today", 1, 5)
    assert [scale.parse(v) for v in ("1", " 5 ", "4.0", "3,0", "", None, 2)] == [
        1,
        5,
        4,
        3,
        None,
        None,
        2,
    ]
    for bad in ("0", "6", "3.5", "four", True, [3]):
        with pytest.raises(ValueError, match="whole number from 1 to 5"):
            scale.parse(bad)


def test_picks_read_a_list_or_a_cell_and_reject_unknown_keys():
    picks = Picks("chosen", ("ethics", "epic", "economy"))
    assert picks.parse(["Epic", "economy", "epic"]) == ["epic", "economy"]
    assert picks.parse("ethics; economy") == ["ethics", "economy"]
    assert picks.parse(None) == []
    with pytest.raises(ValueError, match="'etics' is not one of"):
        picks.parse(["etics"])


def test_member_slug_makes_a_safe_file_name_and_refuses_an_empty_one():
    assert forms.member_slug("Aino Kärkkäinen") == "aino-kärkkäinen"
    assert forms.member_slug("../../etc/passwd") == "etcpasswd"
    with pytest.raises(ValueError, match="letters or digits"):
        forms.member_slug(" ./ ")


# --- tables (CSV) --------------------------------------------------------------------


def test_a_missing_file_is_empty_and_the_first_answer_creates_it(tmp_path):
    path = tmp_path / "answers" / "9e" / "aino.csv"
    answers = table(path)
    assert answers.error is None and answers.get("epic", "today") is None
    assert not path.exists()  # reading never writes
    assert answers.set("epic", "today", 4)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel reads ä
    assert path.read_text(encoding="utf-8-sig") == "e,today,competitor,evidence\nepic,4,,\n"


def test_answers_survive_a_new_object_as_after_a_kernel_restart(tmp_path):
    path = tmp_path / "a.csv"
    answers = table(path)
    answers.set("economy", "competitor", 2)
    answers.set("ethics", "evidence", 'Reilu kauppa, "fair" prices; both')
    answers.set("economy", "today", 5)
    again = table(path)
    assert again.get("economy", "today") == 5
    assert again.get("economy", "competitor") == 2
    assert again.get("ethics", "evidence") == 'Reilu kauppa, "fair" prices; both'
    # rows are written in the order the questions are asked, not the order answered
    assert again.frame().index.tolist() == ["ethics", "economy"]


def test_clearing_an_answer_writes_an_empty_cell(tmp_path):
    answers = table(tmp_path / "a.csv")
    answers.set("epic", "today", 3)
    answers.set("epic", "today", None)
    assert table(tmp_path / "a.csv").get("epic", "today") is None


def test_a_hand_typed_file_with_semicolons_and_extra_columns_is_read_and_kept(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("E;today;my notes\nEthics;4;ask Aino\nepic;;\n", encoding="utf-8")
    answers = table(path)
    assert answers.error is None
    assert answers.get("ethics", "today") == 4  # row keys are matched case-insensitively
    answers.set("epic", "competitor", 2)
    # separator, BOM-less encoding and the person's own column are kept
    assert path.read_text(encoding="utf-8") == (
        "e;today;competitor;evidence;my notes\nethics;4;;;ask Aino\nepic;;2;;\n"
    )


def test_an_edit_made_meanwhile_in_a_spreadsheet_is_not_overwritten(tmp_path):
    path = tmp_path / "a.csv"
    form = table(path)
    form.set("ethics", "today", 2)
    # someone types another answer into the file while the form is open
    path.write_text("e,today,competitor,evidence\nethics,2,5,\n", encoding="utf-8")
    form.set("epic", "today", 3)
    again = table(path)
    assert again.get("ethics", "competitor") == 5 and again.get("epic", "today") == 3


@pytest.mark.parametrize(
    ("content", "line", "words"),
    [
        (b"e,today\nethics,4\nepic,seven\n", 3, "column 'today': expected a whole number"),
        (b"e,today\nethics,9\n", 2, "from 1 to 5"),
        (b"e,today\netics,4\n", 2, "unknown row; expected one of ethics, epic, economy"),
        (b"e,today\nethics,4\nethics,3\n", 3, "'ethics' appears a second time"),
        (b"e,today\nethics,4,5\n", 2, "has 3 cells but the first line names 2"),
        (b"today,competitor\n4,3\n", 1, "starting with 'e'"),
        (b'e,today\nepic,4\nethics,"3\n', 3, "not valid CSV"),
        (b"e,today,evidence\nepic,3,caf\xe9\n\x00\xff", 2, "is not UTF-8"),
    ],
)
def test_a_corrupt_file_is_reported_kept_byte_for_byte_and_never_written(
    tmp_path, content, line, words
):
    path = tmp_path / "answers" / "9e" / "aino.csv"
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    answers = table(path)
    error = answers.error
    assert isinstance(error, AnswerFileError)
    assert error.line == line, str(error)
    assert words in str(error)
    assert str(error).startswith(f"answers/9e/aino.csv, line {line}: ")
    said = []
    answers.on_change(lambda _file, ok, message: said.append((ok, message)))
    assert answers.set("epic", "today", 2) is False
    assert path.read_bytes() == content
    assert said and said[-1][0] is False and "left exactly as it is" in said[-1][1]
    assert not [p for p in path.parent.iterdir() if p.name != "aino.csv"]  # no temp files


def test_a_file_fixed_by_hand_is_saved_to_again(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("e,today\nepic,seven\n", encoding="utf-8")
    answers = table(path)
    assert answers.set("epic", "today", 2) is False
    path.write_text("e,today\nepic,3\n", encoding="utf-8")
    assert answers.set("ethics", "today", 2) is True
    assert table(path).get("epic", "today") == 3


def test_a_crash_mid_write_leaves_the_old_file_whole(tmp_path, monkeypatch):
    path = tmp_path / "a.csv"
    answers = table(path)
    answers.set("epic", "today", 4)
    before = path.read_bytes()

    def crash(src, dst):
        raise OSError("disk full")

    said = []
    answers.on_change(lambda _file, ok, message: said.append((ok, message)))
    monkeypatch.setattr(os, "replace", crash)
    assert answers.set("epic", "today", 1) is False  # reported like a corrupt file, no traceback
    assert said[-1][0] is False and "can't be written (disk full)" in said[-1][1]
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["a.csv"]  # the temporary file is gone


def test_read_members_gathers_every_member_and_leaves_corrupt_files_out(tmp_path):
    for name, score in (("Aino", 4), ("Jussi", 2)):
        table(forms.member_file(tmp_path, "9e", name)).set("epic", "today", score)
    broken = forms.member_file(tmp_path, "9e", "mikko")
    broken.write_text("e,today\nepic,x\n", encoding="utf-8")
    (broken.parent / ".aino.csv.123.tmp").write_text("left by a crash", encoding="utf-8")
    frame, problems = forms.read_members(tmp_path, "9e", key="e", fields=FIELDS, rows=ROWS)
    assert forms.members(tmp_path, "9e") == ["aino", "jussi", "mikko"]
    assert frame[["member", "e", "today"]].values.tolist() == [
        ["aino", "epic", 4],
        ["jussi", "epic", 2],
    ]
    assert [p.path.name for p in problems] == ["mikko.csv"] and problems[0].line == 2


def test_read_members_with_no_answers_is_an_empty_frame(tmp_path):
    frame, problems = forms.read_members(tmp_path, "9e", key="e", fields=FIELDS)
    assert frame.empty and list(frame.columns) == ["member", "e", "today", "competitor", "evidence"]
    assert problems == []


# --- texts (TOML) --------------------------------------------------------------------

VISION = [
    Text("current_state", "1 · Current state", lines=5),
    Text("follow_up", lines=3),
    Scale("confidence", 1, 5),
    Picks("chosen", ("ethics", "epic")),
]


def test_text_answers_round_trip_as_readable_toml(tmp_path):
    path = tmp_path / "answers" / "visions" / "C0001.toml"
    text = AnswerText(path, VISION)
    assert text.set("follow_up", "Meet in March.\nCheck the delivery times.")
    assert text.set("current_state", 'Steel stairs; "kaide" orders')
    assert text.set("chosen", ("epic",))
    written = path.read_text(encoding="utf-8")
    assert written.startswith('current_state = "Steel stairs; \\"kaide\\" orders"\n')
    assert 'follow_up = """\nMeet in March.\nCheck the delivery times."""' in written
    again = AnswerText(path, VISION)
    assert again.values() == {
        "current_state": 'Steel stairs; "kaide" orders',
        "follow_up": "Meet in March.\nCheck the delivery times.",
        "confidence": None,
        "chosen": ["epic"],
    }


def test_unknown_toml_keys_are_kept(tmp_path):
    path = tmp_path / "v.toml"
    path.write_text('owner_note = "keep me"\nconfidence = 3\n', encoding="utf-8")
    text = AnswerText(path, VISION)
    text.set("confidence", 4)
    assert AnswerText(path, VISION).get("confidence") == 4
    assert 'owner_note = "keep me"' in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("content", "line", "words"),
    [
        ('current_state = "ok"\nfollow_up = unquoted text\n', 2, "not valid TOML"),
        ('current_state = "ok"\n\nconfidence = 7\n', 3, "'confidence': expected a whole number"),
        ('chosen = ["epic", "eppic"]\n', 1, "'eppic' is not one of"),
    ],
)
def test_a_corrupt_toml_file_is_reported_and_kept(tmp_path, content, line, words):
    path = tmp_path / "answers" / "visions" / "C0001.toml"
    path.parent.mkdir(parents=True)
    path.write_text(content, encoding="utf-8")
    text = AnswerText(path, VISION)
    assert text.error is not None and text.error.line == line and words in str(text.error)
    assert text.set("follow_up", "new") is False
    assert path.read_text(encoding="utf-8") == content


# --- widgets -------------------------------------------------------------------------


def test_a_bound_widget_shows_the_saved_answer_and_saves_each_change(tmp_path):
    path = tmp_path / "a.csv"
    table(path).set("epic", "today", 4)
    answers = table(path)
    buttons = forms.widget_for(answers, "today", row="epic")
    assert isinstance(buttons, w.ToggleButtons) and buttons.value == 4
    buttons.value = 2  # what a click on "2" in the browser does
    assert table(path).get("epic", "today") == 2
    buttons.value = None  # the "–" button: no answer
    assert table(path).get("epic", "today") is None


def test_any_widget_can_be_bound_for_example_a_slider(tmp_path):
    answers = table(tmp_path / "a.csv")
    slider = forms.bind(w.IntSlider(min=1, max=5), answers, "competitor", row="economy")
    slider.value = 5
    assert table(tmp_path / "a.csv").get("economy", "competitor") == 5


def test_text_widgets_save_text_and_an_empty_box_clears_it(tmp_path):
    path = tmp_path / "v.toml"
    box = forms.widget_for(AnswerText(path, VISION), "current_state")
    assert isinstance(box, w.Textarea) and box.value == ""
    box.value = "Two gates a year"
    assert AnswerText(path, VISION).get("current_state") == "Two gates a year"
    box.value = ""
    assert AnswerText(path, VISION).get("current_state") is None


def test_a_form_on_a_corrupt_file_is_disabled_and_says_why(tmp_path):
    path = tmp_path / "answers" / "9e" / "aino.csv"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"e,today\nepic,seven\n")
    form = forms.table_form(table(path), rows={"epic": "Epic", "ethics": "Ethics"})
    status = form.children[0]
    assert "answers/9e/aino.csv, line 2" in status.value and "left exactly as it is" in status.value
    widgets = [c for block in form.children[1:] for row in block.children[1:] for c in row.children]
    assert widgets and all(x.disabled for x in widgets if hasattr(x, "disabled"))


def test_the_status_line_says_saved_or_not(tmp_path):
    answers = table(tmp_path / "answers" / "9e" / "me.csv")
    form = forms.table_form(answers, rows={"epic": "Epic"})
    status = form.children[0]
    assert "saved as you go" in status.value
    answers.set("epic", "today", 3)
    assert "✓ Saved in answers/9e/me.csv" in status.value
    (tmp_path / "answers" / "9e" / "me.csv").write_text("e,today\nepic,0\n", encoding="utf-8")
    answers.set("epic", "today", 4)
    assert "⚠" in status.value and "line 2" in status.value


def test_a_refused_value_and_a_corrupt_file_are_told_in_the_learners_language(tmp_path):
    from helpers.course.choices import choices_form
    from helpers.language import Language

    fi = Language("fi")
    form = choices_form(tmp_path, ["value", "calls_per_month"], fi)
    found = {c: x for box in form.children[1:] for x in box.children for c in x._dom_classes}
    assert found["answer-value"].options == (("liikevaihto", "revenue"), ("kate", "margin"))
    found["answer-calls_per_month"].value = 12
    assert "✓ Tallennettu: answers/choices.toml" in form.children[0].value

    answers = table(tmp_path / "answers" / "9e" / "me.csv")
    status = forms.status_line(answers, lang=fi)
    box = forms.bind(w.Text(), answers, "today", row="epic", lang=fi)
    box.value = "seven"  # typed where a 1–5 answer goes
    assert "Ei tallennettu: odotettiin: kokonaisluku väliltä 1–5 tai tyhjä." in status.value
    with pytest.raises(ValueError, match="^expected a whole number from 1 to 5, or empty$"):
        answers.set("epic", "today", 7)  # a program still gets English

    answers.set("epic", "today", 4)  # a right answer is saved, and then the file breaks
    (tmp_path / "answers" / "9e" / "me.csv").write_text("e,today\nepic,seven\n", encoding="utf-8")
    error = table(tmp_path / "answers" / "9e" / "me.csv").error
    assert error.text(fi) == (
        "answers/9e/me.csv, rivi 2: sarake 'today': odotettiin: kokonaisluku väliltä 1–5 "
        "tai tyhjä; löytyi 'seven'"
    )
    assert str(error).endswith(
        "column 'today': expected a whole number from 1 to 5, or empty; found 'seven'"
    )


def test_forms_are_shown_only_where_someone_can_click(monkeypatch):
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    monkeypatch.delenv(forms.BATCH_ENV, raising=False)
    assert not forms.interactive()  # papermill, nbval
    monkeypatch.setenv("JPY_SESSION_NAME", "/notebooks/04.ipynb")
    assert forms.interactive()  # a kernel started by JupyterLab
    with forms.batch_mode():
        assert not forms.interactive()  # workbook run, even from a JupyterLab terminal
    assert forms.interactive()
    monkeypatch.setenv(forms.BATCH_ENV, "on")
    monkeypatch.delenv("JPY_SESSION_NAME")
    assert forms.interactive()  # the Voilà page


def test_show_builds_the_form_only_in_an_interactive_session(monkeypatch, capsys):
    built = []

    def build():
        built.append(1)
        return w.Label("form")

    monkeypatch.setenv(forms.BATCH_ENV, "off")
    assert forms.show(build, batch_text="Open this in JupyterLab to answer.") is None
    assert built == [] and capsys.readouterr().out == "Open this in JupyterLab to answer.\n"
    monkeypatch.setenv(forms.BATCH_ENV, "on")
    shown = []
    monkeypatch.setattr("IPython.display.display", shown.append)
    # None: a cell ending with show() must not show the form a second time as its result
    assert forms.show(build, batch_text="not printed") is None
    assert built == [1] and "not printed" not in capsys.readouterr().out
    assert len(shown) == 1 and isinstance(shown[0], w.Label)


def test_a_scale_can_name_its_steps_and_still_saves_the_number(tmp_path):
    levels = [Scale("reference", 0, 3, "Reference value", names=("none", "low", "mid", "high"))]
    answers = AnswerTable(tmp_path / "values.csv", key="customer_id", fields=levels)
    buttons = forms.widget_for(answers, "reference", row="C0001")
    assert [label for label, _ in buttons.options] == ["–", "none", "low", "mid", "high"]
    buttons.value = 2
    assert (tmp_path / "values.csv").read_text(encoding="utf-8-sig") == (
        "customer_id,reference\nC0001,2\n"
    )
