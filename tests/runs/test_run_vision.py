"""`workbook run` and `workbook vision` write the customer-vision documents; names stay text."""

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from helpers.cli import main
from helpers.company.folder import load_company, resolve_as_of
from helpers.report import vision
from helpers.run import run_workbook
from tests.report.test_vision import HEADINGS  # the five headings in each language

COMPANIES = Path(__file__).resolve().parent.parent / "companies"
SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
DATES = {
    "fi": r"\d{1,2}\.\d{1,2}\.20\d\d",
    "sv": r"\d{1,2}\.\d{1,2}\.20\d\d",
    "en": r"\d{1,2} [A-Z][a-z]{2} 20\d\d",
}
MONEY = {"fi": r"\d,\d\d\xa0€", "sv": r"\d,\d\d\xa0€", "en": r"€\d[\d,]*\.\d\d"}


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_sample_run_writes_a_document_per_key_account_in_the_language(tmp_path, language):
    out = tmp_path / "out"
    run_workbook(None, out, language=language, notebooks=[], progress=False)
    sample = load_company()
    as_of = resolve_as_of(sample.invoices, None)
    expected = vision.accounts_to_document(sample, as_of)  # the plan's write_vision accounts
    assert "C0033" in set(expected)  # the team wrote for it (C0053 too, but the plan lets it go)
    assert "C0053" not in set(expected)
    pages = sorted((out / "vision").glob("*.html"))
    assert len(pages) == len(expected) and len(pages) >= 2
    assert [p.name for p in pages] == sorted(p.name for p in pages)
    index = (out / "index.html").read_text(encoding="utf-8")
    for cid in expected:
        [page] = [p for p in pages if p.name.startswith(f"vision-{cid}-")]
        assert page.name.endswith(f".{language}.html")
        assert page.with_suffix(".md").exists()
        assert f"href='vision/{page.name}'" in index
        text = page.read_text(encoding="utf-8")
        headings = re.findall(r'<h2><span class="number">\d</span> ([^<]+)</h2>', text)
        assert headings == HEADINGS[language]
        assert re.search(DATES[language], text) and re.search(MONEY[language], text)
    # the sample's team text for the largest account is in its document, as typed
    largest = vision.largest_account(sample, as_of)
    [page] = [p for p in pages if p.name.startswith(f"vision-{largest}-")]
    assert "Rakennus Lahtinen rakentaa Tampereen seudulle" in page.read_text(encoding="utf-8")


def script_company(tmp_path) -> Path:
    """The tiny company, whose key account A is called <script>alert(1)</script>."""
    folder = tmp_path / "scripted"
    shutil.copytree(COMPANIES / "tiny", folder)
    customers = pd.read_csv(folder / "customers.csv", dtype=str, keep_default_na=False)
    customers.loc[customers["customer_id"] == "A", "name"] = SCRIPT
    customers.to_csv(folder / "customers.csv", index=False)
    text = vision.answers(folder, "A")
    assert text.set("current_state", f"Typed by the team: {SCRIPT} & more")
    return folder


def test_a_script_customer_name_is_text_in_every_page_of_a_run(tmp_path):
    folder = script_company(tmp_path)
    result = run_workbook(folder, tmp_path / "out", language="fi", progress=False)
    pages = sorted(result.out_dir.rglob("*.html"))
    assert any(p.parent.name == "vision" for p in pages) and len(pages) > 3
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert SCRIPT not in text, page.name
        assert "alert(1)</script>" not in text, page.name
    [document] = (result.out_dir / "vision").glob("vision-A-*.fi.html")
    text = document.read_text(encoding="utf-8")
    assert ESCAPED in text and f"Typed by the team: {ESCAPED} &amp; more" in text
    assert ESCAPED in result.index.read_text(encoding="utf-8")
    for markdown in (result.out_dir / "vision").glob("*.md"):
        assert SCRIPT not in markdown.read_text(encoding="utf-8")


def test_a_pseudonymised_run_leaves_names_and_typed_text_out(tmp_path):
    folder = script_company(tmp_path)
    out = tmp_path / "out"
    run_workbook(folder, out, language="sv", notebooks=[], pseudonymize_secret="s", progress=False)
    pages = sorted((out / "vision").glob("*"))
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "Typed by the team" not in text and "Aalto" not in text and "alert" not in text
        assert page.name.startswith("vision-customer-")
    html_pages = [p for p in pages if p.suffix == ".html"]
    assert "Teamets egna texter utelämnas" in html_pages[0].read_text(encoding="utf-8")


def test_workbook_vision_writes_the_accounts_named(tmp_path, capsys):
    out = tmp_path / "docs"
    code = main(
        [
            "vision",
            str(COMPANIES / "tiny"),
            "--accounts",
            "B, C",
            "--language",
            "sv",
            "--out",
            str(out),
        ]
    )
    assert code == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "vision-B-bistro-bjork.sv.html",
        "vision-B-bistro-bjork.sv.md",
        "vision-C-cafe-kulma.sv.html",
        "vision-C-cafe-kulma.sv.md",
    ]
    assert "2 customer-vision document(s)" in capsys.readouterr().out


def test_workbook_vision_says_which_ids_it_does_not_know(tmp_path, capsys):
    code = main(
        ["vision", str(COMPANIES / "tiny"), "--accounts", "A,Q", "--out", str(tmp_path / "docs")]
    )
    assert code == 2
    assert "No invoices for Q" in capsys.readouterr().err
    assert not (tmp_path / "docs").exists()


def test_workbook_vision_never_writes_into_the_company_folder(tmp_path, capsys):
    folder = tmp_path / "company"
    shutil.copytree(COMPANIES / "minimal", folder)
    assert main(["vision", str(folder), "--out", str(folder / "vision")]) == 2
    assert "inside the company folder" in capsys.readouterr().err


def test_workbook_vision_by_default_writes_where_a_later_run_may_replace_it(
    tmp_path, monkeypatch, capsys
):
    import helpers.cli as cli

    monkeypatch.setattr(cli, "default_out_dir", lambda data_dir: tmp_path / "output" / "tiny")
    assert main(["vision", str(COMPANIES / "tiny")]) == 0
    written = sorted((tmp_path / "output" / "tiny" / "vision").glob("*.html"))
    assert [p.name for p in written] == ["vision-A-aalto-rakennus.sv.html"]  # tiny speaks sv
    run_workbook(COMPANIES / "tiny", tmp_path / "output" / "tiny", notebooks=[], progress=False)
    assert (tmp_path / "output" / "tiny" / "index.html").exists()
