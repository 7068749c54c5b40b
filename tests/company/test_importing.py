"""The importer: real-looking Finnish, Swedish and English exports become company folders."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest

from helpers.company.folder import DataError, load_company
from helpers.company.importing import (
    MAPPING_KEYS,
    SYNONYMS,
    ImportReport,
    import_export,
    new_company,
    read_mapping,
    recognise,
)
from helpers.company.parsing import read_text_table

EXPORTS = Path(__file__).parent.parent / "exports"
ROOT = Path(__file__).resolve().parents[2]


def imported(tmp_path: Path, name: str, **options) -> tuple[ImportReport, Path]:
    folder = tmp_path / Path(name).stem
    return import_export(EXPORTS / name, folder, **options), folder


def canonical_company(tmp_path: Path):
    folder = tmp_path / "canonical"
    folder.mkdir()
    shutil.copy(EXPORTS / "canonical_invoices.csv", folder / "invoices.csv")
    return load_company(folder)


# --- the key property --------------------------------------------------------------------


@pytest.mark.parametrize("export", ["finnish_cp1252.csv", "swedish_bom.csv"])
def test_finnish_and_swedish_exports_give_the_canonical_invoices(tmp_path, export):
    _, folder = imported(tmp_path, export)
    expected = canonical_company(tmp_path).invoices
    got = load_company(folder).invoices
    pd.testing.assert_frame_equal(got, expected)


def test_finnish_and_swedish_exports_write_identical_files(tmp_path):
    _, fi = imported(tmp_path, "finnish_cp1252.csv")
    _, sv = imported(tmp_path, "swedish_bom.csv")
    assert (fi / "invoices.csv").read_bytes() == (sv / "invoices.csv").read_bytes()
    assert (fi / "customers.csv").read_bytes() == (sv / "customers.csv").read_bytes()


def test_written_invoices_are_canonical_text(tmp_path):
    _, folder = imported(tmp_path, "finnish_cp1252.csv")
    raw = (folder / "invoices.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8")
    assert text.splitlines()[0] == "customer_id,date,amount,invoice_id,product,quantity,unit_price"
    assert "1002,2024-12-31,-2450.5,5005,Huolto,-1,2450.5" in text.splitlines()
    assert ";" not in text and "\r" not in text


def test_customer_names_go_to_customers_csv(tmp_path):
    report, folder = imported(tmp_path, "swedish_bom.csv")
    customers = load_company(folder).customers
    assert customers["customer_id"].tolist() == ["1001", "1002", "1003"]
    assert customers["name"].tolist() == ["Pajakulma Oy", "Byggmästarna Åkerö Ab", "Kahvila Östra"]
    assert report.taken["customer_id"] == "Kundnr"
    assert report.taken["name"] == "Kund"


# --- the report ---------------------------------------------------------------------------


def test_report_names_taken_and_ignored_columns(tmp_path):
    report, _ = imported(tmp_path, "finnish_cp1252.csv")
    assert report.taken == {
        "customer_id": "Asiakasnumero",
        "name": "Asiakas",
        "date": "Laskun pvm",
        "amount": "Veroton summa",
        "invoice_id": "Laskunro",
        "product": "Tuote",
        "quantity": "Määrä",
        "unit_price": "À-hinta",
    }
    assert report.ignored == ["Verollinen summa"]  # the trailing empty columns are gone
    assert report.lines == 6 and report.customers == 3
    text = str(report)
    assert "Veroton summa" in text and "Verollinen summa" in text
    assert any("net amount" in n and "rather than" in n for n in report.notes)
    assert "cp1252" in text


def test_gross_only_is_taken_with_a_clear_vat_warning(tmp_path):
    report, folder = imported(tmp_path, "gross_only.csv")
    assert report.taken["amount"] == "Yhteensä"
    assert any("INCLUDES VAT" in note for note in report.notes)
    assert "INCLUDES VAT" in str(report)
    invoices = load_company(folder).invoices
    assert invoices["amount"].tolist() == [1488.0, 4592.56]
    # only names: the name is the customer_id, and there is no customers.csv
    assert invoices["customer_id"].tolist() == ["Pajakulma Oy", "Kahvila Östra"]
    assert not (folder / "customers.csv").exists()


# --- other shapes of export -------------------------------------------------------------------


def test_english_csv_with_currency_symbols_and_comma_thousands(tmp_path):
    report, folder = imported(tmp_path, "english.csv")
    invoices = load_company(folder).invoices
    assert invoices["amount"].tolist() == [1200.0, 3703.68, 24.5]
    assert invoices["unit_price"].tolist() == [120.0, 1234.56, 98.0]
    assert invoices["date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2024-01-15",
        "2024-12-31",
        "2025-02-28",
    ]
    assert report.taken["amount"] == "Net amount"
    assert set(report.ignored) == {"VAT", "Total"}


def test_tab_separated_with_currency_words(tmp_path):
    report, folder = imported(tmp_path, "tab_separated.txt")
    company = load_company(folder)
    assert company.invoices["amount"].tolist() == [1000.0, 250.5]
    assert company.invoices["cost"].iloc[0] == 400.0 and pd.isna(company.invoices["cost"].iloc[1])
    assert company.customers["name"].tolist() == ["Alpha Ltd", "Beta AB"]
    assert report.taken["amount"] == "Amount (EUR)"


def test_totals_line_and_blank_line_are_skipped_and_lines_count_right(tmp_path):
    with pytest.raises(DataError) as error:
        imported(tmp_path, "totals_row.csv")
    problems = error.value.problems
    # line 2 of the file is blank: 'oops' is on line 4; the 'Yhteensä' line is no error
    assert [(p.lines, p.column, p.found) for p in problems] == [([4], "Veroton summa", ["oops"])]


def test_xlsx_with_a_title_row_on_its_second_sheet(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    info = book.active
    info.title = "Info"
    info.append(["Exported by Accounting 3000"])
    sheet = book.create_sheet("Laskut")
    sheet.append(["Laskuraportti 2024"])
    sheet.append(
        ["Asiakasnro", "Asiakkaan nimi", "Laskupäivä", "Laskunumero", "Veroton summa", None, None]
    )
    sheet.append([1001, "Pajakulma Oy", datetime(2024, 1, 15), 5001, 1200.0])
    sheet.append([1002, "Kahvila Östra", datetime(2024, 12, 31), 5002, 2450.5])
    sheet.append([1002, "Kahvila Östra", datetime(2025, 2, 28, 0, 0), 5003, -24.25])
    export = tmp_path / "export.xlsx"
    book.save(export)
    before = export.read_bytes()

    report = import_export(export, tmp_path / "company")
    company = load_company(tmp_path / "company")
    assert company.invoices["customer_id"].tolist() == ["1001", "1002", "1002"]
    assert company.invoices["invoice_id"].tolist() == ["5001", "5002", "5003"]
    assert company.invoices["amount"].tolist() == [1200.0, 2450.5, -24.25]
    assert company.invoices["date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2024-01-15",
        "2024-12-31",
        "2025-02-28",
    ]
    assert company.customers["name"].tolist() == ["Pajakulma Oy", "Kahvila Östra"]
    assert any("Laskut" in note for note in report.notes)
    assert export.read_bytes() == before  # the export is only read


def test_xlsx_errors_use_spreadsheet_line_numbers(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Customer", "Date", "Net amount"])
    sheet.append(["Alpha", datetime(2024, 1, 1), 10.0])
    sheet.append(["Beta", "soon", 12.0])
    sheet.append(["Gamma", datetime(2024, 1, 3), "n/a"])
    export = tmp_path / "bad.xlsx"
    book.save(export)
    with pytest.raises(DataError) as error:
        import_export(export, tmp_path / "company")
    found = {(p.column, tuple(p.lines), tuple(p.found)) for p in error.value.problems}
    assert found == {("Date", (3,), ("soon",)), ("Net amount", (4,), ("n/a",))}
    assert not (tmp_path / "company").exists()


def test_xlsx_sheet_chosen_by_name_or_position(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    first.title = "2023"
    first.append(["Customer", "Date", "Net"])
    first.append(["Old", datetime(2023, 5, 1), 1.0])
    second = book.create_sheet("2024")
    second.append(["Customer", "Date", "Net"])
    second.append(["New", datetime(2024, 5, 1), 2.0])
    export = tmp_path / "two.xlsx"
    book.save(export)
    import_export(export, tmp_path / "a")
    import_export(export, tmp_path / "b", sheet="2024")
    import_export(export, tmp_path / "c", sheet=1)
    assert load_company(tmp_path / "a").invoices["customer_id"].tolist() == ["Old"]
    assert load_company(tmp_path / "b").invoices["customer_id"].tolist() == ["New"]
    assert load_company(tmp_path / "c").invoices["customer_id"].tolist() == ["New"]
    with pytest.raises(DataError, match="has no sheet 'Sheet9'"):
        import_export(export, tmp_path / "d", sheet="Sheet9")


# --- the mapping file ----------------------------------------------------------------------


def test_mapping_file_names_unknown_columns_and_date_format(tmp_path):
    report, folder = imported(tmp_path, "odd_headers.csv", mapping=EXPORTS / "odd_mapping.toml")
    invoices = load_company(folder).invoices
    assert invoices["date"].dt.strftime("%Y-%m-%d").tolist() == ["2024-01-15", "2024-12-31"]
    assert invoices["amount"].tolist() == [1200.0, 2450.5]
    assert "product" not in invoices  # product = "" in the mapping switches 'Nimike' off
    assert report.taken["amount"] == "Sum total (net)"
    assert "Nimike" in report.ignored


def test_without_mapping_odd_headers_fail_naming_what_is_missing(tmp_path):
    with pytest.raises(DataError) as error:
        imported(tmp_path, "odd_headers.csv")
    text = str(error.value)
    assert "customer" in text and "invoice date" in text and "net amount" in text


def test_mapping_overrides_a_good_guess(tmp_path):
    mapping = tmp_path / "gross.toml"
    mapping.write_text('[columns]\namount = "Verollinen summa"\n', encoding="utf-8")
    report, folder = imported(tmp_path, "finnish_cp1252.csv", mapping=mapping)
    assert report.taken["amount"] == "Verollinen summa"
    assert load_company(folder).invoices["amount"].iloc[0] == 1488.0
    assert "Veroton summa" in report.ignored


def test_mapping_naming_a_column_the_export_lacks(tmp_path):
    mapping = tmp_path / "wrong.toml"
    mapping.write_text('[columns]\ndate = "Invoice day"\nfoo = "x"\n', encoding="utf-8")
    with pytest.raises(DataError) as error:
        imported(tmp_path, "finnish_cp1252.csv", mapping=mapping)
    assert "unknown column 'foo'" in str(error.value)


def test_mapping_with_a_missing_source_column(tmp_path):
    mapping = tmp_path / "wrong.toml"
    mapping.write_text('[columns]\ndate = "Invoice day"\n', encoding="utf-8")
    with pytest.raises(DataError, match="names the column 'Invoice day'"):
        imported(tmp_path, "finnish_cp1252.csv", mapping=mapping)
    assert not (tmp_path / "finnish_cp1252").exists()


def test_documented_example_mapping_is_valid():
    rules = read_mapping(ROOT / "docs" / "mapping-example.toml")
    assert set(rules.columns) == set(MAPPING_KEYS)
    assert rules.decimal == "," and rules.date_format == "%d.%m.%Y"


# --- recognition ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header, role",
    [
        ("Asiakasnumero", "customer_id"),
        ("Kundnr", "customer_id"),
        ("Customer ID", "customer_id"),
        ("Asiakkaan nimi", "customer_name"),
        ("Kundnamn", "customer_name"),
        ("Client", "customer_name"),
        ("Laskupäivä", "date"),
        ("PVM", "date"),
        ("Fakturadatum", "date"),
        ("Invoice no", "invoice_id"),
        ("Fakturanr", "invoice_id"),
        ("Artikel", "product"),
        ("kpl", "quantity"),
        ("Antal", "quantity"),
        ("à-hinta", "unit_price"),
        ("A-pris", "unit_price"),
        ("Styckpris", "unit_price"),
        ("Summa ALV 0", "amount"),
        ("Summa exkl. moms", "amount"),
        ("Veroton summa (€)", "amount"),
        ("Summa sis. ALV", "gross_amount"),
        ("Totalt", "gross_amount"),
        ("Amount incl VAT", "gross_amount"),
        ("Inköpspris", "cost"),
        ("Netto EUR", "amount"),
        ("ALV", None),
        ("Moms %", None),
        ("Tuotekoodi", None),
    ],
)
def test_recognition_by_name(header, role):
    hit = recognise(header)
    assert (hit[0] if hit else None) == role


def test_recognition_is_not_by_position(tmp_path):
    table = read_text_table(EXPORTS / "finnish_cp1252.csv").frame
    shuffled = table[list(reversed(table.columns))]
    export = tmp_path / "shuffled.csv"
    export.write_text(shuffled.to_csv(sep=";", index=False), encoding="utf-8")
    import_export(export, tmp_path / "company")
    expected = canonical_company(tmp_path).invoices
    got = load_company(tmp_path / "company").invoices
    pd.testing.assert_frame_equal(got[expected.columns], expected)


def test_every_synonym_belongs_to_one_column():
    seen = {}
    for role, words in SYNONYMS.items():
        for word in words:
            assert recognise(word)[0] == role, word
            seen[word] = role


# --- bad inputs -----------------------------------------------------------------------------


def test_unreadable_values_are_all_reported_with_file_line_column_and_value(tmp_path):
    with pytest.raises(DataError) as error:
        imported(tmp_path, "bad_values.csv")
    problems = {(p.file, p.column, tuple(p.lines), tuple(p.found)) for p in error.value.problems}
    assert problems == {
        ("bad_values.csv", "Laskun pvm", (3,), ("31.13.2024",)),
        ("bad_values.csv", "Veroton summa", (4,), ("12,3x",)),
        ("bad_values.csv", "Laskun pvm", (5,), ()),  # empty date
    }
    message = str(error.value)
    assert "bad_values.csv, line 3, column 'Laskun pvm'" in message and "'31.13.2024'" in message
    assert not (tmp_path / "bad_values").exists()


def test_missing_required_column_names_the_closest_matches(tmp_path):
    with pytest.raises(DataError) as error:
        imported(tmp_path, "no_date_column.csv")
    (problem,) = error.value.problems
    assert "invoice date" in problem.message
    assert "closest columns found: Laskutuspäivä" in problem.message
    assert problem.file == "no_date_column.csv"


def test_empty_file(tmp_path):
    with pytest.raises(DataError, match="empty"):
        imported(tmp_path, "empty.csv")
    assert not (tmp_path / "empty").exists()


def test_header_without_rows(tmp_path):
    export = tmp_path / "header.csv"
    export.write_text("Asiakas;Pvm;Veroton summa\n", encoding="utf-8")
    with pytest.raises(DataError, match="header but no rows"):
        import_export(export, tmp_path / "company")


def test_refuses_to_overwrite_a_folder_that_is_not_empty(tmp_path):
    folder = tmp_path / "company"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(DataError, match="not empty"):
        import_export(EXPORTS / "english.csv", folder)
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]


def test_an_empty_existing_folder_is_fine(tmp_path):
    folder = tmp_path / "company"
    folder.mkdir()
    import_export(EXPORTS / "english.csv", folder)
    assert (folder / "invoices.csv").exists()


def test_force_replaces_invoices_and_keeps_other_files(tmp_path):
    folder = tmp_path / "company"
    import_export(EXPORTS / "finnish_cp1252.csv", folder)
    (folder / "customers.csv").write_text(
        "customer_id,name,owner\n1001,Paja,Anna\n", encoding="utf-8"
    )
    (folder / "hours.csv").write_text(
        "customer_id,date,hours\n1001,2024-01-01,2\n", encoding="utf-8"
    )
    report = import_export(EXPORTS / "english.csv", folder, force=True)
    assert load_company(folder).invoices["customer_id"].iloc[0] == "Pajakulma Oy"
    assert (folder / "hours.csv").read_text(encoding="utf-8").startswith("customer_id,date")
    assert "owner" in (folder / "customers.csv").read_text(encoding="utf-8")
    assert any("hours.csv" in n for n in report.notes)
    assert [p.name for p in tmp_path.iterdir()] == ["company"]  # no temporary folders left


def test_failed_import_leaves_nothing_behind(tmp_path):
    target = tmp_path / "new" / "company"
    with pytest.raises(DataError):
        import_export(EXPORTS / "bad_values.csv", target)
    assert not (tmp_path / "new").exists()
    assert list(tmp_path.iterdir()) == []


def test_failed_forced_import_keeps_the_old_folder(tmp_path):
    folder = tmp_path / "company"
    import_export(EXPORTS / "english.csv", folder)
    before = (folder / "invoices.csv").read_bytes()
    with pytest.raises(DataError):
        import_export(EXPORTS / "bad_values.csv", folder, force=True)
    assert (folder / "invoices.csv").read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["company"]


def test_export_not_found_and_old_excel(tmp_path):
    with pytest.raises(DataError, match="not found"):
        import_export(tmp_path / "nope.csv", tmp_path / "company")
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(DataError, match="as .xlsx"):
        import_export(old, tmp_path / "company")


# --- the template ---------------------------------------------------------------------------


def test_new_company_template(tmp_path):
    folder = new_company(tmp_path / "mine", name='Pajakulma "Oy"')
    names = sorted(p.name for p in folder.iterdir())
    assert names == [
        "company.toml",
        "customers.csv",
        "hours.csv",
        "invoices.csv",
        "quotes.csv",
        "survey.csv",
    ]
    assert (folder / "invoices.csv").read_text(encoding="utf-8").splitlines() == [
        "customer_id,date,amount,invoice_id,product,quantity,unit_price,list_price,cost"
    ]
    import tomllib

    settings = tomllib.loads((folder / "company.toml").read_text(encoding="utf-8"))
    assert settings == {"name": 'Pajakulma "Oy"', "currency": "EUR", "language": "en"}
    assert "hourly_cost" in (folder / "company.toml").read_text(encoding="utf-8")
    with pytest.raises(DataError, match="header but no rows"):
        load_company(folder)  # a template to type into, on purpose


def test_new_company_refuses_a_folder_with_files_unless_forced(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "invoices.csv").write_text(
        "customer_id,date,amount\nA,2024-01-01,5\n", encoding="utf-8"
    )
    with pytest.raises(DataError, match="not empty"):
        new_company(folder)
    new_company(folder, force=True)
    assert "A,2024-01-01,5" in (folder / "invoices.csv").read_text(encoding="utf-8")
    assert (folder / "survey.csv").exists()


def test_a_semicolon_inside_a_text_cell_does_not_change_how_numbers_are_read(tmp_path):
    # The canonical file is comma-separated; a ';' inside a product name must not make
    # the loader read 1.125 as the Finnish thousand-point 1125.
    export = tmp_path / "export.csv"
    export.write_text(
        "Customer,Date,Product,Quantity,Unit price,Net amount\n"
        'A,2024-01-02,"Bolts; M8",8,1.125,9.00\n',
        encoding="utf-8",
    )
    import_export(export, tmp_path / "company")
    invoices = load_company(tmp_path / "company").invoices
    assert invoices["unit_price"].tolist() == [1.125]
    assert invoices["product"].tolist() == ["Bolts; M8"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
@pytest.mark.parametrize("separator", [";", ",", "\t"])
def test_every_encoding_and_separator_imports_to_the_same_folder(tmp_path, encoding, separator):
    # The Finnish export rewritten in each encoding and with each separator (cells that
    # hold the separator, like "1 200,00" in a comma file, quoted as Excel does).
    import csv
    import io

    rows = list(
        csv.reader(io.StringIO((EXPORTS / "finnish_cp1252.csv").read_text("cp1252")), delimiter=";")
    )
    text = io.StringIO()
    csv.writer(text, delimiter=separator, lineterminator="\r\n").writerows(rows)
    export = tmp_path / "export.csv"
    export.write_bytes(text.getvalue().encode(encoding))
    import_export(export, tmp_path / "rewritten")
    _, reference = imported(tmp_path, "finnish_cp1252.csv")
    for name in ("invoices.csv", "customers.csv"):
        assert (tmp_path / "rewritten" / name).read_bytes() == (reference / name).read_bytes()


def test_title_lines_above_the_header_are_skipped_and_lines_still_counted(tmp_path: Path):
    report, folder = imported(tmp_path, "title_lines.csv")
    assert report.lines == 2 and report.taken["customer_id"] == "Asiakasnumero"
    assert any("skipped 3 line(s) above the column names" in note for note in report.notes)
    invoices = (folder / "invoices.csv").read_text(encoding="utf-8")
    assert invoices == "customer_id,date,amount\n1001,2024-01-03,120.5\n1002,2024-02-05,-20\n"

    broken = tmp_path / "broken.csv"
    text = (EXPORTS / "title_lines.csv").read_text(encoding="utf-8")
    broken.write_text(text + "1003;Kuppi;notadate;1\n", encoding="utf-8")
    with pytest.raises(DataError) as error:
        import_export(broken, tmp_path / "other")
    assert "broken.csv, line 7, column 'Laskun pvm'" in error.value.report()
