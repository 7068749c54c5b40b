"""A whole run on a copy of the sample company with hostile and clumsy input: names that
are formulas, scripts, right-to-left overrides, line breaks and 10,000 characters, a
`javascript:` link in a vision text, and an answer file replaced by a folder.

Nothing typed may become live anywhere the run writes: no formula cell in lists.xlsx, no
CSV text that starts like a formula, no script link and nothing fetched from the network
in any page; and the run still completes and names the file it left out.
"""

import csv
import re
import shutil

import pandas as pd
import pytest
from openpyxl import load_workbook

from helpers import cli
from helpers.paths import SAMPLE_DIR

RLO = "\u202e"
NAMES = {
    "C0001": '=HYPERLINK("http://x","click")',
    "C0002": "+cmd|'/c calc'!A1",
    "C0003": "@SUM(1+1)",
    "C0004": "-2+3+cmd",
    "C0005": f"Evil {RLO}yO gnaW",
    "C0006": "Two\nLines Oy",
    "C0007": "<script>alert(1)</script>",
    "C0053": "L" * 10_000,
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile") / "company"
    shutil.copytree(SAMPLE_DIR, folder)
    customers = pd.read_csv(folder / "customers.csv", dtype=str, keep_default_na=False)
    for cid, name in NAMES.items():
        customers.loc[customers["customer_id"] == cid, "name"] = name
    customers.loc[customers.index % 3 == 0, "owner"] = "=1+1"
    customers.to_csv(folder / "customers.csv", index=False)
    vision = folder / "answers" / "visions" / "C0033.toml"
    vision.write_text(
        vision.read_text(encoding="utf-8").replace(
            'follow_up = """', 'follow_up = """[click me](javascript:alert(8)) ', 1
        ),
        encoding="utf-8",
    )
    member = folder / "answers" / "9e" / "aino.csv"
    member.unlink()
    member.mkdir()
    return folder


@pytest.fixture(scope="module")
def run(hostile, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "report"
    import contextlib
    import io

    errors = io.StringIO()
    with contextlib.redirect_stderr(errors):
        code = cli.main(["run", str(hostile), "--out", str(out), "--quiet"])
    return code, out, errors.getvalue()


def test_the_run_completes_and_names_the_answer_file_it_left_out(run):
    code, out, said = run
    assert code == 0 and (out / "index.html").exists()
    assert "answers/9e/aino.csv: is a folder" in said
    assert "answers/9e/aino.csv: is a folder" in (out / "index.html").read_text(encoding="utf-8")


def test_no_formula_cell_in_the_workbook(run):
    _code, out, _said = run
    book = load_workbook(out / "lists.xlsx")
    formulas = [
        f"{sheet.title}!{cell.coordinate}"
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f" or cell.hyperlink is not None
    ]
    assert not formulas


def test_no_csv_text_starts_like_a_formula(run):
    _code, out, _said = run
    for path in out.glob("*.csv"):
        with open(path, encoding="utf-8-sig", newline="") as handle:
            for row in csv.reader(handle):
                for cell in row:
                    assert not cell.startswith(("=", "+", "@", "\t", "\r")), (path.name, cell)
                    if cell.startswith("-"):
                        assert re.match(r"-[\d.]", cell), (path.name, cell)


def test_no_script_link_and_nothing_fetched_in_any_page(run):
    _code, out, _said = run
    pages = list(out.rglob("*.html"))
    assert len(pages) > 8
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"""(?:href|src)\s*=\s*["']?\s*javascript:""", text, re.I), page
        assert not re.search(r"""<script[^>]*\ssrc=""", text, re.I), page  # nothing fetched
        assert not re.search(r"""<link[^>]*\shref=["']?https?:""", text, re.I), page
        assert "<script>alert(1)" not in text, page
        assert RLO not in text, page  # a name never turns the text after it around
