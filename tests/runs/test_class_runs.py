"""A class from roster to report with real runs: students answer in their notebooks (and
edit, duplicate, move and delete cells), run the workbook on their own companies, and the
teacher collects their output folders, a zip and a broken hand-in."""

from __future__ import annotations

import copy
import csv
import io
import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest

from helpers.cli import main
from helpers.course import exercises, progress
from helpers.course.progress import PROGRESS_FILE
from helpers.course.session import start
from helpers.paths import NOTEBOOKS_DIR
from helpers.run import run_workbook

START, PRICING = "00-start-here", "01-pricing-erosion-and-dependence"


def right_answers(company: Path) -> dict:
    """The expected answers of notebooks 00 and 01 on a student's own company."""
    answers = {}
    for notebook, topic in ((START, exercises.start_here), (PRICING, exercises.pricing)):
        for q in topic.questions(start(notebook, company)):
            answers[(notebook, q.number)] = q.expected
    progress._current = None
    return answers


def answer(notebook: nbformat.NotebookNode, number: int, value) -> None:
    """Type ``value`` after ``answer_<number> =`` in the cell that checks it."""
    for cell in notebook.cells:
        if f"answer_{number} = None" in cell.source:
            cell.source = re.sub(
                rf"answer_{number} = None.*", f"answer_{number} = {value!r}", cell.source
            )
            return
    raise AssertionError(f"no answer_{number} cell")


def cell_with(notebook, text: str) -> int:
    return next(i for i, cell in enumerate(notebook.cells) if text in cell.source)


@pytest.fixture(scope="module")
def school(tmp_path_factory):
    """A class of three; students S001 and S002 answer notebooks 00 and 01 and run them."""
    root = tmp_path_factory.mktemp("school")
    roster = root / "roster.csv"
    roster.write_text(
        "student_id,name\nS001,Aino Virtanen\nS002,Bo Berg\nS003,Carla Nieminen\n",
        encoding="utf-8",
    )
    assert main(["class", "new", str(root / "class"), "--roster", str(roster)]) == 0
    companies = root / "class" / "companies"
    runs = {}
    for student in ("S001", "S002"):
        expected = right_answers(companies / student)
        mine = root / f"notebooks-{student}"  # the student's own copy of the course
        mine.mkdir()
        paths = []
        for name in (START, PRICING):
            notebook = nbformat.read(NOTEBOOKS_DIR / f"{name}.ipynb", as_version=4)
            # 00's question 3 (invoice lines) and 01's question 2 (erosion per year)
            number = 3 if name == START else 2
            if student == "S001":
                answer(notebook, number, expected[(name, number)])  # right
                if name == START:
                    answer(notebook, 2, "1999")  # wrong
            else:
                answer(notebook, number, 12345)  # wrong
            nbformat.write(notebook, mine / f"{name}.ipynb")
            paths.append(mine / f"{name}.ipynb")
        out = root / "out" / student
        run_workbook(companies / student, out, notebooks=paths, progress=False)
        runs[student] = {"out": out, "expected": expected, "notebooks": paths}
    return {"root": root, "class": root / "class", "companies": companies, "runs": runs}


def test_each_run_records_every_question_of_its_notebooks(school):
    record = json.loads((school["runs"]["S001"]["out"] / PROGRESS_FILE).read_text("utf-8"))
    assert record["student_id"] == "S001" and record["class"] == "class"
    states = {
        (nb, int(n)): e["state"] for nb, qs in record["notebooks"].items() for n, e in qs.items()
    }
    assert states == {
        (START, 1): "not_attempted",
        (START, 2): "wrong",
        (START, 3): "right",
        (START, 4): "not_attempted",
        (START, 5): "read",
        (PRICING, 1): "not_attempted",
        (PRICING, 2): "right",
        (PRICING, 3): "read",
        **{(PRICING, n): "not_attempted" for n in range(4, 10)},
    }


def test_edited_duplicated_moved_and_deleted_cells_still_record_the_same_questions(school):
    """A student's notebook after a week of work: cells added on top, the check of
    question 2 duplicated (the later copy right), question 5's cell deleted, question 8's
    moved above question 7's and answered wrong, then run again."""
    run = school["runs"]["S002"]
    executed = nbformat.read(run["out"] / f"{PRICING}.ipynb", as_version=4)  # as handed back
    cells = executed.cells
    first = cell_with(executed, "q2.check(answer_2)")
    copy_of_q2 = copy.deepcopy(cells[first])
    copy_of_q2.id = "q2-once-more"  # a duplicated cell gets an id of its own, as in JupyterLab
    copy_of_q2.source = f"answer_2 = {run['expected'][(PRICING, 2)]!r}\nq2.check(answer_2)"
    cells.insert(first + 1, copy_of_q2)
    del cells[cell_with(executed, "q5.check(answer_5)")]
    q8 = cells.pop(cell_with(executed, "q8.check(answer_8)"))
    q8.source = q8.source.replace("answer_8 = None", "answer_8 = 'about half'")
    cells.insert(cell_with(executed, "q7.check(answer_7)"), q8)
    after_parameters = cell_with(executed, "wb = start(")
    cells.insert(after_parameters, nbformat.v4.new_markdown_cell("My notes for Monday."))
    cells.insert(after_parameters, nbformat.v4.new_code_cell("scratch = 1 + 1"))
    edited = school["root"] / "edited" / f"{PRICING}.ipynb"
    edited.parent.mkdir()
    nbformat.write(executed, edited)

    out = school["root"] / "out" / "S002-again"
    run_workbook(school["companies"] / "S002", out, notebooks=[edited], progress=False)
    record = json.loads((out / PROGRESS_FILE).read_text("utf-8"))
    pricing = record["notebooks"][PRICING]
    assert {n: e["state"] for n, e in pricing.items()} == {
        "1": "not_attempted",
        "2": "right",  # the later copy of the cell answered right
        "3": "read",
        "4": "not_attempted",
        "5": "not_attempted",  # its cell is gone; the question is still on the record
        "6": "not_attempted",
        "7": "not_attempted",
        "8": "wrong",
        "9": "not_attempted",
    }
    assert pricing["2"]["attempts"] == 2 and pricing["8"]["answer"] == "about half"
    # the sample company speaks Finnish: so do the questions recorded for its class
    assert pricing["5"]["question"].startswith("Kuinka suuri osa viimeisten 12 kuukauden")


def test_two_runs_a_zip_and_a_broken_folder_collect_into_the_class(school, capsys):
    root = school["root"]
    broken = root / "out" / "broken"
    shutil.copytree(school["runs"]["S001"]["out"], broken)
    (broken / PROGRESS_FILE).write_text('{"format": 1, "notebooks": {"00-st', encoding="utf-8")
    zipped = shutil.make_archive(str(root / "S002"), "zip", root / "out", "S002")
    code = main(
        [
            "class",
            "collect",
            str(school["class"]),
            str(school["runs"]["S001"]["out"]),
            zipped,
            str(broken),
            "--language",
            "en",
        ]
    )
    assert code == 0
    said = capsys.readouterr().out
    assert "✓ S001 (Aino Virtanen): 2 right, 1 wrong, 9 not attempted, of 14 questions" in said
    assert f"✗ left out: {broken}: progress.json is not valid JSON (line 1)" in said
    assert "? no hand-in from S003 (Carla Nieminen)" in said
    rows = list(csv.DictReader(io.StringIO((school["class"] / "class.csv").read_text("utf-8-sig"))))
    assert {r["student_id"] for r in rows} == {"S001", "S002"}
    assert len(rows) == 2 * 14
    wrong = [r for r in rows if r["state"] == "wrong"]
    assert {(r["student_id"], r["notebook"], r["question"]) for r in wrong} == {
        ("S001", START, "2"),
        ("S002", START, "3"),
        ("S002", PRICING, "2"),
    }
    page = (school["class"] / "class-report.html").read_text("utf-8")
    assert "broken" in page and "Carla Nieminen" in page
    assert "<code>12345</code> ×1" in page  # S002's wrong answer, in both notebooks
