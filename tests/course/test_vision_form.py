"""Notebook 06's form: a box per section, each saved at once and shown again."""

import shutil
from pathlib import Path

from helpers.course.vision import vision_form
from helpers.language import Language
from helpers.report import vision

COMPANIES = Path(__file__).resolve().parent.parent / "companies"


def company_copy(tmp_path, source="tiny") -> Path:
    folder = tmp_path / source
    shutil.copytree(COMPANIES / source, folder)
    return folder


def test_the_form_saves_each_section_at_once_and_shows_it_again(tmp_path):
    folder = company_copy(tmp_path)
    form = vision_form(folder, "A", Language("fi"))
    boxes = [w for w in form.children if type(w).__name__ == "Textarea"]
    assert len(boxes) == 5
    assert "kolmen vuoden päästä" in boxes[2].placeholder  # guiding questions, in Finnish
    boxes[2].value = "Yhteinen suunta"
    assert vision.answers(folder, "A").values()["shared_vision"] == "Yhteinen suunta"
    again = vision_form(folder, "A", Language("fi"))
    assert [w.value for w in again.children if type(w).__name__ == "Textarea"][2] == (
        "Yhteinen suunta"
    )


# --- the contact map's form ---------------------------------------------------------------


def boxes_of(form):
    """The form's lines: each a list of its widgets (ours, theirs, role, strength, note)."""
    lines = form.children[2]
    return [list(line.children) for line in lines.children]


def test_the_contact_form_saves_each_box_at_once_and_shows_it_again(tmp_path):
    from helpers.company.answers.visions import read_contacts
    from helpers.course.vision import BLANK_ROWS, contact_form

    folder = company_copy(tmp_path)
    form = contact_form(folder, "A", Language("sv"))
    lines = boxes_of(form)
    assert len(lines) == BLANK_ROWS
    ours, theirs, role, strength, note = lines[0]
    assert theirs.placeholder == "Deras person"
    assert [label for label, _value in strength.options][1:] == [
        "1 känner varandra till namnet",
        "2 arbetar tillsammans",
        "3 litar på varandra",
    ]
    ours.value = "Liisa"
    assert read_contacts(folder, "A")[0].empty  # one side only: not a link yet
    theirs.value = "Pekka Aalto"
    role.value = "toimitusjohtaja"
    strength.value = 3
    saved = (folder / "answers" / "contacts" / "A.csv").read_text(encoding="utf-8-sig")
    assert saved == "link,ours,theirs,role,strength,note\n1,Liisa,Pekka Aalto,toimitusjohtaja,3,\n"
    again = boxes_of(contact_form(folder, "A", Language("sv")))
    assert len(again) == 1 + BLANK_ROWS  # the saved line, then empty ones
    assert [w.value for w in again[0]] == ["Liisa", "Pekka Aalto", "toimitusjohtaja", 3, ""]


def test_the_add_button_adds_a_line_with_the_next_number(tmp_path):
    from helpers.course.vision import contact_form

    folder = company_copy(tmp_path)
    form = contact_form(folder, "A", Language("en"), blank_rows=1)
    button = form.children[3]
    button.click()
    lines = boxes_of(form)
    assert len(lines) == 2
    lines[1][0].value = "Matti"
    lines[1][1].value = "Sanna"
    text = (folder / "answers" / "contacts" / "A.csv").read_text(encoding="utf-8-sig")
    assert "\n2,Matti,Sanna,,," in text


def test_a_corrupt_contact_map_disables_the_form_and_is_kept(tmp_path):
    from helpers.course.vision import contact_form, contact_form_in_words

    folder = company_copy(tmp_path)
    path = folder / "answers" / "contacts" / "A.csv"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"link,ours,theirs\n1,a,b\n1,c,d\n")
    form = contact_form(folder, "A", Language("en"))
    assert "appears a second time" in form.children[0].value
    assert all(widget.disabled for line in boxes_of(form) for widget in line)
    assert path.read_bytes() == b"link,ours,theirs\n1,a,b\n1,c,d\n"
    said = contact_form_in_words(folder, "A", Language("en"))
    assert said.startswith("The contact map of A can't be read") and "left exactly" in said
