"""The lists to act on: formula-like text is neutralised in CSV and plain text in lists.xlsx."""

import csv

import pandas as pd
from openpyxl import load_workbook

from helpers.language import Language
from helpers.report.lists import write_list, write_lists_workbook

HOSTILE = [
    '=HYPERLINK("http://x","click")',
    "+cmd|'/c calc'!A1",
    "@SUM(1+1)",
    "-2+3",
    "\t=1+1",
    "http://example.com",
    "Oy Ab",
]


def test_csv_text_that_starts_like_a_formula_gets_an_apostrophe_numbers_do_not(tmp_path):
    frame = pd.DataFrame({"name": HOSTILE, "owner": ["=1+1"] * 7, "value_12m": [-5.5] * 7})
    path = write_list(frame, tmp_path / "segments.csv")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        for column in ("name", "owner"):
            text = row[column]
            assert not text.startswith(("=", "+", "@", "\t", "\r")), text
            assert not (text.startswith("-") and not text[1:2].isdigit()), text
        assert row["value_12m"] == "-5.5"  # a real negative number is left alone
    assert rows[-1]["name"] == "Oy Ab" and rows[0]["name"] == "'" + HOSTILE[0]


def test_the_workbook_has_no_formula_and_no_link_and_shows_the_text_as_typed(tmp_path):
    frame = pd.DataFrame({"customer_id": ["C1"] * 7, "name": HOSTILE, "value_12m": range(7)})
    write_list(frame, tmp_path / "segments.csv")
    book = load_workbook(write_lists_workbook(tmp_path, Language("fi")))
    sheet = book.worksheets[0]
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]  # no formula cell
    assert not [c.coordinate for c in cells if c.hyperlink is not None]
    names = [row[1].value for row in sheet.iter_rows(min_row=2)]
    assert names == HOSTILE  # text, as typed


def test_the_workbook_tells_the_codes_in_the_run_s_language_the_csv_keeps_them(tmp_path):
    from helpers.analysis.commitment import PRISONER
    from helpers.analysis.shortlist import COMPETITOR

    write_list(
        pd.DataFrame(
            {
                "customer_id": ["C1", "C2"],
                "segment": ["key account", "dormant"],
                "next_step": ["write_vision", "win_back"],
                "potential_basis": ["share of wallet", "growth trend"],
            }
        ),
        tmp_path / "segments.csv",
    )
    write_list(
        pd.DataFrame({"customer_id": ["C1"], "action": [COMPETITOR], "cell": [PRISONER]}),
        tmp_path / "at-risk.csv",
    )
    for language, segment, step, cell in (
        ("fi", "avainasiakas", "kirjoita asiakkuusvisio", "vanki"),
        ("sv", "nyckelkund", "skriv en kundvision", "fånge"),
    ):
        book = load_workbook(write_lists_workbook(tmp_path, Language(language, strict=True)))
        sheets = {sheet.title: sheet for sheet in book.worksheets}
        rows = {s: [[c.value for c in r] for r in sheets[s].iter_rows()] for s in sheets}
        segments = next(v for k, v in rows.items() if k not in ("Riskissä", "I riskzonen"))
        at_risk = next(v for k, v in rows.items() if k in ("Riskissä", "I riskzonen"))
        assert segments[1][1:3] == [segment, step], (language, segments)
        assert at_risk[1][2] == cell, (language, at_risk)
    with open(tmp_path / "segments.csv", encoding="utf-8-sig") as handle:
        assert "write_vision" in handle.read()  # the CSV keeps the code, for tools
