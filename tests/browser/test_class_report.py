"""The class report as a teacher's browser shows it: one file, nothing fetched, the bars
drawn, nothing wider than the window on a laptop or a phone, the stuck questions a click
away; the pseudonymised page names no one."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.course.classroom import collect_command, new_class, read_roster
from helpers.course.exercises.base import CHOICE, SHARE, THOUGHT, Exercise
from helpers.course.progress import PROGRESS_FILE, Recorder

NAMES = ["Åsa Öberg", "Bo Berg", "Carla <b>Nieminen</b>"]
QUESTIONS = [
    Exercise(1, "How many invoice lines up to the analysis date?", 100, tolerance=0),
    Exercise(2, "Which calendar year had the highest revenue?", {"2025"}, kind=CHOICE),
    Exercise(3, "What share of revenue comes from the largest customer?", 0.12, kind=SHARE),
    Exercise(4, "Which optional file would you add first?", None, kind=THOUGHT),
]
ANSWERS = {  # per student: question -> answer
    "S001": {1: 100, 2: "2024", 3: 0.12},
    "S002": {1: 90, 2: "2024"},
}


@pytest.fixture(scope="module")
def class_dir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("class")
    roster = root / "roster.csv"
    lines = [f"S00{n},{name}" for n, name in enumerate(NAMES, 1)]
    roster.write_text("student_id,name\n" + "\n".join(lines) + "\n", encoding="utf-8")
    folder = root / "entre-2026"
    new_class(folder, read_roster(roster), language="sv")
    hand_ins = []
    for student, answers in ANSWERS.items():
        out = root / "hand-ins" / student
        about = {"student_id": student, "class": "entre-2026", "company": "X Oy"}
        recorder = Recorder(out / PROGRESS_FILE, "00-start-here", about)
        for q in QUESTIONS:
            recorder.register(q)
            if q.number in answers:
                recorder.check(q, answers[q.number])
        recorder.shown(QUESTIONS[3], "solution")
        hand_ins.append(out)
    broken = root / "hand-ins" / "S003.zip"
    broken.write_bytes(b"not a zip")
    assert collect_command(folder, [*hand_ins, broken], say=lambda _text: None) == 0
    return folder


@pytest.mark.parametrize("width", [1280, 390])
def test_the_report_is_whole_offline_and_fits_the_window(page, class_dir, width):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.set_viewport_size({"width": width, "height": 900})
    report = class_dir / "class-report.html"
    page.goto(report.as_uri())
    page.wait_for_load_state("load")
    assert requested == [report.as_uri()]  # nothing else fetched: one self-contained file
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.locator("h2").all_inner_texts()[:2] == ["Per fråga", "Per student"]
    assert page.locator("script").count() == 0
    drawn = page.evaluate(
        "[...document.querySelectorAll('.bar span')].map(s => s.getBoundingClientRect().width)"
    )
    assert drawn and all(w > 0 for w in drawn)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the page is {overflow}px wider than a {width}px window"
    body = page.locator("body").inner_text()
    assert "Carla <b>Nieminen</b>" in body  # a name shown as typed, never as markup
    assert "S003.zip" in body and "ingen inlämning" in body


def test_a_stuck_question_is_a_click_away(page, class_dir):
    page.set_viewport_size({"width": 1280, "height": 700})
    page.goto((class_dir / "class-report.html").as_uri())
    page.wait_for_load_state("load")
    link = page.locator("a[href='#00-start-here-q2']")
    assert "100" in link.locator("xpath=..").inner_text()  # both answered it wrong
    link.click()
    row = page.locator("tr[id='00-start-here-q2']")
    assert page.evaluate("location.hash") == "#00-start-here-q2"
    box = row.bounding_box()
    assert 0 <= box["y"] < 700
    assert "2024" in row.inner_text()  # the common wrong answer


def test_the_pseudonymised_page_names_no_one(page, class_dir):
    page.goto((class_dir / "class-report-pseudonymised.html").as_uri())
    page.wait_for_load_state("load")
    body = page.locator("body").inner_text()
    for text in ["Åsa", "Berg", "Nieminen", "S001", "S002", "S003", "hand-ins"]:
        assert text not in body
    assert body.count("Student 0") >= 3
