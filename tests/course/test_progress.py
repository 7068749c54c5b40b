"""progress.json: every check, hint and solution recorded by question number, merged, atomic,
and never a reason for a notebook to fail."""

from __future__ import annotations

import json
import math
import threading
from pathlib import Path

import pytest

from helpers.course import progress
from helpers.course.exercises.base import CHOICE, SHARE, THOUGHT, Exercise
from helpers.course.progress import PROGRESS_FILE, Recorder, carry_over, read_progress
from helpers.course.session import start


def entries(path: Path, notebook: str) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))["notebooks"][notebook]


@pytest.fixture
def recording(tmp_path):
    """A recorder as a session makes one, with the output folder ``tmp_path/out``."""
    from helpers.company.folder import load_company

    company = load_company(Path(__file__).parents[1] / "companies" / "tiny")
    recorder = progress.begin("01-test", company, tmp_path / "out")
    yield recorder
    progress._current = None


def test_states_hints_and_solutions_are_recorded_by_number(recording, capsys):
    q3 = Exercise(3, "What share?", 0.25, kind=SHARE, absolute=0.005, hint="h", solution="s")
    q7 = Exercise(7, "Which year?", {"2025"}, kind=CHOICE)
    q9 = Exercise(9, "Why?", None, kind=THOUGHT, solution="Because.")
    nan = Exercise(11, "Erosion?", math.nan)
    path = recording.path
    assert path == recording.path.parent / PROGRESS_FILE
    assert {k: e["state"] for k, e in entries(path, "01-test").items()} == {
        "3": "not_attempted",
        "7": "not_attempted",
        "9": "not_attempted",
        "11": "not_attempted",
    }
    q3.check(None)
    q3.check(0.5)
    q3.hint()
    q3.check(25)  # a percentage is right too
    q7.check(" 2024 ")
    q9.check("because")  # nothing to check: no state
    nan.check(0.1)
    recorded = entries(path, "01-test")
    assert recorded["3"] == {
        "state": "right",
        "answer": "25",
        "attempts": 2,
        "hint_shown": True,
        "solution_shown": False,
        "kind": "share",
        "question": "What share?",
    }
    assert recorded["7"]["state"] == "wrong" and recorded["7"]["answer"] == "2024"
    assert recorded["9"]["state"] == "not_attempted"
    assert recorded["11"]["state"] == "unchecked"
    q9.solution()
    assert entries(path, "01-test")["9"]["state"] == "read"
    assert entries(path, "01-test")["9"]["solution_shown"] is True
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["company"] == "Tiny Test Oy" and data["company_folder"] == "tiny"
    assert data["student_id"] is None and data["format"] == progress.FORMAT
    assert "Your answers" not in capsys.readouterr().out  # recording says nothing


def test_a_long_answer_is_cut_and_an_exercise_without_a_session_records_nothing(recording):
    q = Exercise(1, "Who?", {"a"}, kind=CHOICE)
    q.check("x" * 500)
    assert len(entries(recording.path, "01-test")["1"]["answer"]) == progress.ANSWER_CHARS
    progress._current = None
    alone = Exercise(2, "Alone?", 1)
    assert alone.recorder is None
    alone.check(1)  # prints, records nowhere
    assert "2" not in entries(recording.path, "01-test")


def test_two_notebooks_and_many_threads_merge_into_one_file(tmp_path):
    path = tmp_path / PROGRESS_FILE

    def work(notebook: str) -> None:
        recorder = Recorder(path, notebook)
        for number in range(1, 6):
            q = Exercise(number, f"Q{number}", number)
            recorder.register(q)
            recorder.check(q, number if number % 2 else number + 1)

    threads = [threading.Thread(target=work, args=(f"0{i}-nb",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    data = read_progress(path)
    assert sorted(data["notebooks"]) == ["00-nb", "01-nb", "02-nb", "03-nb"]
    for questions in data["notebooks"].values():
        states = {number: entry["state"] for number, entry in questions.items()}
        assert states == {"1": "right", "2": "wrong", "3": "right", "4": "wrong", "5": "right"}
    assert not list(tmp_path.glob(".*"))  # no lock or temporary file left behind


def test_a_broken_progress_file_is_said_once_kept_and_never_written_over(tmp_path, capsys):
    path = tmp_path / PROGRESS_FILE
    broken = b'{"format": 1, "notebooks": {"01": \n'
    path.write_bytes(broken)
    recorder = Recorder(path, "01-test")
    q = Exercise(1, "How many?", 3)
    recorder.register(q)
    recorder.check(q, 3)
    recorder.shown(q, progress.HINT)
    said = capsys.readouterr().out
    assert said.count("Your answers are not being recorded") == 1
    assert "is not valid JSON (line 2)" in said and "kept as it is" in said
    assert path.read_bytes() == broken


def test_a_file_that_cant_be_written_never_fails_the_notebook(tmp_path, capsys):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the output folder should be", encoding="utf-8")
    recorder = Recorder(blocker / PROGRESS_FILE, "01-test")
    q = Exercise(1, "How many?", 3)
    recorder.register(q)
    recorder.check(q, 4)
    assert capsys.readouterr().out.count("Your answers are not being recorded") == 1


def test_the_message_speaks_the_notebooks_language(tmp_path, capsys):
    from helpers.language import Language

    path = tmp_path / PROGRESS_FILE
    path.write_bytes(b"\xff\xfe not utf-8")
    Recorder(path, "01-test", lang=Language("fi")).register(Exercise(1, "?", 1))
    assert "Vastauksiasi ei kirjata" in capsys.readouterr().out


def test_a_session_records_in_its_output_folder_or_else_under_output(
    companies, tmp_path, monkeypatch
):
    from helpers.course import exercises
    from helpers.run import MARKER

    assert progress.MARKER == MARKER
    monkeypatch.setenv(progress.LOCATION_ENV, str(tmp_path / "lab"))
    wb = start("00-start-here", companies / "tiny")
    q3 = exercises.start_here.questions(wb)[2]  # how many invoice lines
    q3.check(len(wb.invoices))
    lab = tmp_path / "lab" / "tiny"
    assert (lab / MARKER).exists()  # a later `workbook run` may clear the folder
    assert entries(lab / PROGRESS_FILE, "00-start-here")["3"]["state"] == "right"

    wb = start("00-start-here", companies / "tiny", output_dir=tmp_path / "run")
    q5 = exercises.start_here.questions(wb)[4]  # a question to think about
    q5.solution()
    run = entries(tmp_path / "run" / PROGRESS_FILE, "00-start-here")
    assert run["1"]["state"] == "not_attempted" and run["5"]["state"] == "read"
    progress._current = None


def test_the_class_student_id_comes_from_company_toml(companies, tmp_path):
    import shutil

    from helpers.course import exercises

    folder = Path(shutil.copytree(companies / "tiny", tmp_path / "S017"))
    toml = folder / "company.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8") + 'student_id = "S017"\nclass = "entre-2026"\n',
        encoding="utf-8",
    )
    wb = start("00-start-here", folder, output_dir=tmp_path / "out")
    exercises.start_here.questions(wb)
    data = read_progress(tmp_path / "out" / PROGRESS_FILE)
    assert (data["student_id"], data["class"], data["company_folder"]) == (
        "S017",
        "entre-2026",
        "S017",
    )
    progress._current = None


def test_hints_and_solutions_seen_in_the_lab_are_carried_into_the_run(
    companies, tmp_path, monkeypatch
):
    from helpers.company.folder import load_company

    monkeypatch.setenv(progress.LOCATION_ENV, str(tmp_path / "lab"))
    company = load_company(companies / "tiny")
    lab = progress.begin("01-x", company, None)
    q1, q2 = Exercise(1, "?", 1), Exercise(2, "Why?", None, kind=THOUGHT)
    lab.shown(q1, progress.SOLUTION)
    lab.shown(q2, progress.SOLUTION)
    shown = progress.shown_before(company)
    assert shown == {
        ("01-x", "1"): {"solution_shown": True},
        ("01-x", "2"): {"solution_shown": True},
    }
    run = Recorder(tmp_path / "run" / PROGRESS_FILE, "01-x")
    run.register(q1)
    run.check(q1, 1)
    run.register(q2)
    carry_over(run.path, shown)
    recorded = entries(run.path, "01-x")
    assert recorded["1"]["state"] == "right" and recorded["1"]["solution_shown"] is True
    assert recorded["2"]["state"] == "read"
    other = load_company(companies / "minimal")  # another company: nothing carried
    assert progress.shown_before(other) == {}
    progress._current = None


@pytest.mark.parametrize(
    "raw, problem",
    [
        (b"[]", "is not a progress record"),
        (b'{"format": 99, "notebooks": {}}', "another version"),
        (b'{"format": 1, "notebooks": {"01": {"1": {"state": "great"}}}}', "unknown state"),
        (b'{"format": 1, "notebooks": {"01": {"x": {"state": "right"}}}}', "unknown state"),
        (b'{"format": 1, "notebooks": {"01": []}}', "not a list of questions"),
    ],
)
def test_a_record_that_is_not_one_is_named(raw, problem):
    with pytest.raises(progress.ProgressError, match=problem):
        progress.parse_progress(raw)
