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
