"""The course in a class: a company per student from the roster, the hand-ins collected into
class.csv and the class report, whatever the students hand in."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from helpers.cli import main
from helpers.company.folder import ERROR, check_company, load_company
from helpers.course.classroom import (
    ClassError,
    RosterError,
    collect,
    new_class,
    read_class,
    read_class_roster,
    read_roster,
    student_seed,
    write_class_report,
)
from helpers.course.classroom.roster import parse_roster
from helpers.course.exercises.base import CHOICE, SHARE, THOUGHT, Exercise
from helpers.course.progress import PROGRESS_FILE, Recorder
from helpers.language import Language
from tests import test_sample_company as sample_patterns

ROSTER = "student_id,name,language\nS001,Aino Virtanen,\nS002,Bo Berg,sv\nS003,Carla Nieminen,en\n"
DATA_FILES = ["invoices.csv", "customers.csv", "hours.csv", "survey.csv", "quotes.csv"]


@pytest.fixture(scope="module")
def roster_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("roster") / "roster.csv"
    path.write_text(ROSTER, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def made_class(tmp_path_factory, roster_file) -> Path:
    """A class of three students, made once for the module (about two seconds)."""
    folder = tmp_path_factory.mktemp("first") / "entre-2026"
    new_class(folder, read_roster(roster_file))
    return folder


# --- the roster -------------------------------------------------------------------------------


def test_a_roster_from_excel_reads_whatever_its_separator_and_encoding(tmp_path):
    text = "\ufeffStudent_ID;Name;E-mail\r\nS001;Åsa Öberg;a@x.fi\r\n\r\n;;\r\nS002;Bo;b@x.fi\r\n"
    students = parse_roster(text)
    assert [(s.student_id, s.name, s.line) for s in students] == [
        ("S001", "Åsa Öberg", 2),
        ("S002", "Bo", 5),
    ]
    path = tmp_path / "roster.csv"
    path.write_bytes("student_id,name\nS9,Jörgen\n".encode("cp1252"))
    assert read_roster(path)[0].name == "Jörgen"


def test_every_bad_row_is_named_with_its_line():
    text = (
        "student_id,name,language\n"
        ",No Id,\n"  # 2
        "S001,A,\n"  # 3
        "s001,B,\n"  # 4: the same folder on Windows and macOS
        "../evil,C,\n"  # 5
        "CON,D,\n"  # 6
        "S 7,E,\n"  # 7
        "S008,F,de\n"  # 8
    )
    with pytest.raises(RosterError) as raised:
        parse_roster(text)
    lines = raised.value.lines(Language())
    assert [line.split(":")[0] for line in lines] == [f"line {n}" for n in (2, 4, 5, 6, 7, 8)]
    assert "already on line 3" in lines[1]
    assert "can't name a folder" in lines[2]
    assert "must be one of en, fi, sv" in lines[5]
    assert Language("fi")._("the student id is empty") == "opiskelijatunnus puuttuu"


@pytest.mark.parametrize(
    "text, problem",
    [
        ("", "the roster is empty"),
        ("id,name\nS1,A\n", "must name the columns student_id, name"),
        ("student_id,name\n\n", "the roster has no students"),
    ],
)
def test_a_roster_that_is_no_roster_says_so(text, problem):
    with pytest.raises(RosterError, match=problem):
        parse_roster(text)


def test_a_bad_roster_writes_nothing_and_exits_2(tmp_path, capsys):
    roster = tmp_path / "roster.csv"
    roster.write_text("student_id,name\nS1,A\nS1,B\n", encoding="utf-8")
    code = main(["class", "new", str(tmp_path / "class"), "--roster", str(roster)])
    assert code == 2
    said = capsys.readouterr().out  # in the class's language: the sample company's, Finnish
    assert "rivi 3: opiskelijatunnus 'S1' on jo rivillä 2" in said
    assert not (tmp_path / "class").exists()
    assert main(["class", "new", str(tmp_path / "c"), "--roster", str(tmp_path / "no.csv")]) == 2


# --- a company per student --------------------------------------------------------------------


def test_each_student_gets_a_valid_company_of_their_own(made_class):
    companies = made_class / "companies"
    assert sorted(p.name for p in companies.iterdir()) == ["S001", "S002", "S003"]
    names, invoices = set(), []
    for folder in companies.iterdir():
        assert [p for p in check_company(folder) if p.level == ERROR] == []
        company = load_company(folder)
        assert company.settings["student_id"] == folder.name
        assert company.settings["class"] == "entre-2026"
        assert list((folder / "answers").iterdir()) == []  # the students answer themselves
        names.add(company.name)
        invoices.append(company.invoices)
    assert len(names) == 3 and "Pajakulma Oy" not in names
    languages = {f.name: load_company(f).settings["language"] for f in companies.iterdir()}
    assert languages == {"S001": "fi", "S002": "sv", "S003": "en"}  # roster, else the class's
    revenue = [round(frame["amount"].sum()) for frame in invoices]
    assert len(set(revenue)) == 3 and len({len(frame) for frame in invoices}) == 3
    customers = [set(load_company(f).customers["name"]) for f in companies.iterdir()]
    assert len(customers[0] & customers[1]) < 0.5 * len(customers[0])  # names of their own
    assert read_class(made_class).name == "entre-2026"
    assert [s.student_id for s in read_class_roster(read_class(made_class))] == [
        "S001",
        "S002",
        "S003",
    ]


def test_the_same_id_gives_the_same_company_byte_for_byte(made_class, roster_file, tmp_path):
    again = tmp_path / "entre-2026"
    main(["class", "new", str(again), "--roster", str(roster_file)])
    for student in ("S001", "S002", "S003"):
        for name in [*DATA_FILES, "company.toml"]:
            first = (made_class / "companies" / student / name).read_bytes()
            assert (again / "companies" / student / name).read_bytes() == first, name
    assert student_seed("S001") != student_seed("S002")


@pytest.mark.parametrize("student", ["S001", "S002", "S003"])
def test_the_sample_companys_patterns_hold_in_every_students_company(made_class, student):
    folder = made_class / "companies" / student
    inv = pd.read_csv(folder / "invoices.csv", parse_dates=["date"], dtype={"invoice_id": str})
    customers = pd.read_csv(folder / "customers.csv", dtype=str, keep_default_na=False)
    hours = pd.read_csv(folder / "hours.csv", parse_dates=["date"])
    survey = pd.read_csv(folder / "survey.csv", parse_dates=["date"])
    quotes = pd.read_csv(folder / "quotes.csv", parse_dates=["date"], dtype={"customer_id": str})
    sample_patterns.test_size_and_time_span(inv)
    sample_patterns.test_list_prices_rise_every_year(inv)
    sample_patterns.test_price_erodes_with_tenure(inv)
    sample_patterns.test_credit_notes_and_one_off_customers(inv)
    sample_patterns.test_demanding_customers_lose_money(inv, hours)
    sample_patterns.test_billable_hours_match_hour_products(inv, hours)
    sample_patterns.test_very_satisfied_repurchase_more(inv, survey)
    sample_patterns.test_quotes(customers, quotes)
    sample_patterns.test_customer_master(inv, customers)
    revenue = inv.groupby("customer_id")["amount"].sum().sort_values(ascending=False)
    assert 0.06 <= revenue.iloc[0] / revenue.sum() <= 0.18  # the key accounts lead
    positive = revenue[revenue > 0]
    assert positive.iloc[: int(np.ceil(0.2 * len(positive)))].sum() / revenue.sum() >= 0.7


def test_the_exercises_can_be_checked_on_a_students_company(made_class):
    from helpers.course import exercises, progress
    from helpers.course.session import start

    folder = made_class / "companies" / "S002"
    for notebook, topic in [
        ("00-start-here", exercises.start_here),
        ("01-pricing-erosion-and-dependence", exercises.pricing),
        ("07-your-plan-for-the-year", exercises.plan),
    ]:
        wb = start(notebook, folder)
        for q in topic.questions(wb):
            assert q.kind == THOUGHT or q.checkable, (notebook, q)
    progress._current = None


def test_a_second_run_keeps_the_folders_and_force_writes_them_again(tmp_path, roster_file):
    folder = tmp_path / "class"
    new_class(folder, read_roster(roster_file)[:1])
    invoices = folder / "companies" / "S001" / "invoices.csv"
    invoices.write_text("edited by the student\n", encoding="utf-8")
    done = new_class(folder, read_roster(roster_file))
    assert [s.student_id for s, _f in done.kept] == ["S001"]
    assert [s.student_id for s, _f, _z in done.written] == ["S002", "S003"]
    assert invoices.read_text(encoding="utf-8") == "edited by the student\n"
    new_class(folder, read_roster(roster_file)[:1], force=True)
    assert invoices.read_text(encoding="utf-8").startswith("invoice_id,")
    assert sorted(p.name for p in (folder / "companies").iterdir()) == ["S001", "S002", "S003"]


def test_a_half_written_company_never_takes_a_students_place(tmp_path, roster_file, monkeypatch):
    from helpers.course.classroom import companies

    folder = tmp_path / "class"
    new_class(folder, read_roster(roster_file)[:1])
    before = (folder / "companies" / "S001" / "invoices.csv").read_bytes()

    def crash(out, *args):
        (out / "invoices.csv").write_text("half", encoding="utf-8")
        raise OSError("disk full")

    monkeypatch.setattr(companies, "write_student_company", crash)
    with pytest.raises(OSError):
        new_class(folder, read_roster(roster_file), force=True)
    assert sorted(p.name for p in (folder / "companies").iterdir()) == ["S001"]
    assert (folder / "companies" / "S001" / "invoices.csv").read_bytes() == before


def test_a_folder_of_other_files_is_not_made_a_class(tmp_path, roster_file):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ClassError, match="not a class folder"):
        new_class(tmp_path / "mine", read_roster(roster_file))
    with pytest.raises(ClassError, match="has no class.toml"):
        read_class(tmp_path / "mine")


# --- collecting -------------------------------------------------------------------------------

QUESTIONS = [
    Exercise(1, "How many invoice lines?", 100, tolerance=0),
    Exercise(2, "Which year?", {"2025"}, kind=CHOICE),
    Exercise(3, "Why?", None, kind=THOUGHT, solution="Because."),
]


def hand_in(out: Path, student_id, answers: dict, *, class_name="entre-2026", hints=()) -> Path:
    """An output folder as `workbook run` leaves it: progress.json of notebook 00."""
    about = {"student_id": student_id, "class": class_name, "company": "X Oy"}
    recorder = Recorder(out / PROGRESS_FILE, "00-start-here", about)
    for q in QUESTIONS:
        recorder.register(q)
        if q.number in answers:
            recorder.check(q, answers[q.number])
        if q.number in hints:
            recorder.shown(q, "hint")
    recorder.shown(QUESTIONS[2], "solution")
    (out / "00-start-here.ipynb").write_text("{}", encoding="utf-8")
    return out


def zip_folder(folder: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w") as archive:
        for path in folder.rglob("*"):
            archive.write(path, Path(folder.name) / path.relative_to(folder))
    return target


@pytest.fixture
def hand_ins(tmp_path, made_class):
    """Hand-ins of every kind: good ones, broken ones, foreign ones."""
    h = tmp_path / "hand-ins"
    good = hand_in(h / "S001", "S001", {1: 100, 2: "2024"}, hints=(1,))
    zipped = zip_folder(hand_in(h / "S002-out", "S002", {1: 99, 2: "2025"}), h / "S002.zip")
    broken = h / "broken"
    broken.mkdir(parents=True)
    (broken / PROGRESS_FILE).write_text('{"format": 1, "notebooks": ', encoding="utf-8")
    not_a_zip = h / "S003.zip"
    not_a_zip.write_text("this is no zip", encoding="utf-8")
    sample = hand_in(h / "sample-run", None, {1: 5})
    other = hand_in(h / "other-class", "S003", {1: 100}, class_name="entre-2025")
    stranger = hand_in(h / "stranger", "S999", {1: 100})
    empty = h / "empty"  # an output folder without progress.json (an older workbook's)
    (empty / "plots").mkdir(parents=True)
    (empty / "vision").mkdir()
    (empty / "00-start-here.ipynb").write_text("{}", encoding="utf-8")
    return {
        "good": good,
        "zipped": zipped,
        "broken": broken,
        "not_a_zip": not_a_zip,
        "sample": sample,
        "other": other,
        "stranger": stranger,
        "empty": empty,
        "missing": h / "never-made",
    }


def test_two_students_are_collected_and_every_other_hand_in_is_named(made_class, hand_ins):
    info = read_class(made_class)
    result = collect(info, read_class_roster(info), list(hand_ins.values()))
    assert sorted(result.collected) == ["S001", "S002"]
    why = {Path(s.source.split(" → ")[0]).name: s.problem_text(Language()) for s in result.left_out}
    assert why == {
        "broken": "progress.json is not valid JSON (line 1)",
        "S003.zip": "a zip file that can't be opened (damaged, or not a zip)",
        "sample-run": "not from a company of this class (it ran on X Oy): run the workbook on "
        "the company folder the teacher gave you",
        "other-class": "from another class (entre-2025), not entre-2026",
        "stranger": "student id S999 is not on the class's roster",
        "empty": "no progress.json in it: hand in the output folder of `workbook run` on your "
        "company (or a zip of it)",
        "never-made": "not found",
    }
    assert [s.student_id for s in result.missing] == ["S003"]
    table = result.table.set_index(["student_id", "question"])
    assert table.loc[("S001", 1), "state"] == "right"
    assert table.loc[("S001", 1), "hint_shown"]
    assert table.loc[("S001", 2), ["state", "answer"]].tolist() == ["wrong", "2024"]
    assert table.loc[("S002", 1), "state"] == "wrong"
    assert table.loc[("S002", 2), "state"] == "right"
    assert table.loc[("S002", 3), "state"] == "read"


def test_class_csv_and_the_reports_are_written(made_class, hand_ins, capsys):
    code = main(
        ["class", "collect", str(made_class), *map(str, hand_ins.values()), "--language", "en"]
    )
    assert code == 0
    said = capsys.readouterr().out
    assert "✓ S001 (Aino Virtanen): 1 right, 1 wrong, 0 not attempted, of 3 questions" in said
    assert f"✗ left out: {hand_ins['broken']}: progress.json is not valid JSON" in said
    assert "? no hand-in from S003 (Carla Nieminen)" in said
    raw = (made_class / "class.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(rows[0])[:4] == ["student_id", "notebook", "question", "state"]
    assert {(r["student_id"], r["question"], r["state"]) for r in rows} == {
        ("S001", "1", "right"),
        ("S001", "2", "wrong"),
        ("S001", "3", "read"),
        ("S002", "1", "wrong"),
        ("S002", "2", "right"),
        ("S002", "3", "read"),
    }
    page = (made_class / "class-report.html").read_text(encoding="utf-8")
    assert "Aino Virtanen" in page and "Carla Nieminen" in page and "broken" in page
    assert "<script" not in page.lower()


def test_the_pseudonymised_report_names_no_one(made_class, hand_ins):
    info = read_class(made_class)
    students = read_class_roster(info)
    result = collect(info, students, list(hand_ins.values()))
    write_class_report(result, Language("fi"))
    page = (made_class / "class-report-pseudonymised.html").read_text(encoding="utf-8")
    for student in students:
        assert student.name not in page
        assert student.student_id not in page
    assert "hand-ins" not in page  # where the hand-ins came from is left out too
    assert "Opiskelija 0" in page and 'lang="fi"' in page
    named = (made_class / "class-report.html").read_text(encoding="utf-8")
    assert "Kysymyksittäin" in named and "Yleisimmät väärät vastaukset" in named


def test_a_student_who_hands_in_twice_counts_once_with_the_latest(made_class, tmp_path):
    import json

    first = hand_in(tmp_path / "a", "S001", {1: 5})
    later = hand_in(tmp_path / "b", "S001", {1: 100})
    for folder, stamp in (
        (first, "2026-01-02T10:00:00+00:00"),
        (later, "2026-01-01T10:00:00+00:00"),
    ):
        record = json.loads((folder / PROGRESS_FILE).read_text(encoding="utf-8"))
        record["updated"] = stamp
        (folder / PROGRESS_FILE).write_text(json.dumps(record), encoding="utf-8")
    info = read_class(made_class)
    result = collect(info, read_class_roster(info), [first, later])  # order given: no matter
    assert result.collected["S001"].source == str(first)  # updated later
    assert result.table.loc[0, "state"] == "wrong"
    (left,) = result.left_out
    assert left.problem_text(Language()).startswith("S001 handed in more than once")


def test_a_folder_of_hand_ins_and_a_zip_of_several_are_read_one_by_one(made_class, tmp_path):
    downloads = tmp_path / "downloads"
    hand_in(downloads / "S001", "S001", {1: 100})
    two = tmp_path / "two"
    hand_in(two / "S002", "S002", {2: "2025"})
    hand_in(two / "S003", "S003", {2: "2024"})
    zip_folder(two, downloads / "more.zip")
    info = read_class(made_class)
    result = collect(info, read_class_roster(info), [downloads])
    assert sorted(result.collected) == ["S001", "S002", "S003"]
    assert result.left_out == []


def test_what_students_typed_is_escaped_and_formula_safe(made_class, tmp_path):
    typed = '<img src=x onerror="alert(1)">'
    hand_in(tmp_path / "S001", "S001", {2: typed})
    hand_in(tmp_path / "S002", "S002", {2: "=HYPERLINK(1)"})
    info = read_class(made_class)
    result = collect(info, read_class_roster(info), [tmp_path / "S001", tmp_path / "S002"])
    write_class_report(result, Language())
    page = (made_class / "class-report.html").read_text(encoding="utf-8")
    assert typed not in page and "&lt;img src=x" in page
    text = (made_class / "class.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK(1)" in text


def test_collect_outside_a_class_folder_exits_2(tmp_path, capsys):
    assert main(["class", "collect", str(tmp_path), str(tmp_path), "--language", "en"]) == 2
    assert "is not a class folder" in capsys.readouterr().out


def test_an_edited_record_never_ends_in_a_traceback(made_class, tmp_path):
    import json

    folder = hand_in(tmp_path / "S001", "S001", {1: 100})
    record = json.loads((folder / PROGRESS_FILE).read_text(encoding="utf-8"))
    entry = record["notebooks"]["00-start-here"]["1"]
    entry.update(attempts="many", answer=12, hint_shown="yes")
    record["student_id"] = 7
    (folder / PROGRESS_FILE).write_text(json.dumps(record), encoding="utf-8")
    info = read_class(made_class)
    result = collect(info, read_class_roster(info), [folder])
    assert result.left_out[0].problem_text(Language()) == (
        "student id 7 is not on the class's roster"
    )
    record["student_id"] = "S001"
    (folder / PROGRESS_FILE).write_text(json.dumps(record), encoding="utf-8")
    result = collect(info, read_class_roster(info), [folder])
    assert result.table.loc[0, ["answer", "attempts"]].tolist() == ["12", 0]
    write_class_report(result, Language("sv"))


def test_a_share_question_in_the_report(made_class, tmp_path):
    """A question's bar and shares: 2 of 3 collected students right."""
    share = Exercise(4, "Share?", 0.5, kind=SHARE, absolute=0.01)
    for student, answer in (("S001", 0.5), ("S002", 50), ("S003", 0.1)):
        recorder = Recorder(
            tmp_path / student / PROGRESS_FILE,
            "01-x",
            {"student_id": student, "class": "entre-2026"},
        )
        recorder.register(share)
        recorder.check(share, answer)
    info = read_class(made_class)
    result = collect(
        info, read_class_roster(info), [tmp_path / s for s in ("S001", "S002", "S003")]
    )
    page = __import__("helpers.course.classroom.report", fromlist=["x"]).report_html(
        result, Language()
    )
    assert "67%" in page and "33%" in page and "<code>0.1</code> ×1" in page
