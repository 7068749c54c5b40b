"""The session: lists to act on are saved for tools and gathered into one workbook for people."""

from pathlib import Path

import pandas as pd
from openpyxl import load_workbook

from helpers.course.session import start
from helpers.language import Language
from helpers.report.lists import write_lists_workbook


def test_save_list_writes_a_bom_csv_only_with_an_output_folder(companies, tmp_path: Path):
    frame = pd.DataFrame({"customer_id": ["007", "A2"], "value_12m": [1234.5, -2.0]})
    assert start("02-x", companies / "tiny").save_list("segments", frame) is None

    wb = start("02-x", companies / "tiny", output_dir=tmp_path)
    path = wb.save_list("segments", frame)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel reads the ä and ö
    assert raw.decode("utf-8-sig") == "customer_id,value_12m\n007,1234.5\nA2,-2.0\n"


def test_lists_workbook_has_a_sheet_per_list_with_readable_headers(tmp_path: Path):
    assert write_lists_workbook(tmp_path, Language()) is None  # no lists, no workbook
    (tmp_path / "segments.csv").write_text(
        "\ufeffcustomer_id,value_12m\n007,10.5\n", encoding="utf-8"
    )
    (tmp_path / "at-risk.csv").write_text("\ufeffcustomer_id,cell\nC1,risk\n", encoding="utf-8")
    book = load_workbook(write_lists_workbook(tmp_path, Language()))
    assert book.sheetnames == ["At risk", "Segments"]
    rows = list(book["Segments"].values)
    assert rows == [("Customer id", "Value, last 12 months"), ("007", 10.5)]  # zeros kept
    book = load_workbook(write_lists_workbook(tmp_path, Language("fi")))
    assert book.sheetnames == ["Riskissä", "Segmentit"]
    assert list(book["Segmentit"].values)[0] == ("Asiakastunnus", "Arvo, viimeiset 12 kuukautta")
