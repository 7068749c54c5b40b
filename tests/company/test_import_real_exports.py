"""What real programs write imports equal to the truth it was made from, or stops and says why.

The exports are made by ``make_exports.py`` from a known truth (lines, total,
customers and their names, per-customer totals); nothing here is tuned to a
file kept elsewhere.
"""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import pytest

from helpers.cli import main
from helpers.company.folder import DataError, load_company
from helpers.company.importing import import_export
from tests.company import make_exports as make
from tests.company.make_exports import Truth


@pytest.fixture(scope="module")
def exports(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("exports")


def assert_equals_truth(folder: Path, truth: Truth) -> None:
    company = load_company(folder)
    invoices = company.invoices
    assert len(invoices) == truth.lines
    assert invoices["amount"].sum() == pytest.approx(truth.total, abs=0.005)
    per_customer = invoices.groupby("customer_id")["amount"].sum().round(2).to_dict()
    assert set(per_customer) == set(truth.per_customer)
    for customer, total in truth.per_customer.items():
        assert per_customer[customer] == pytest.approx(total, abs=0.005), customer
    if truth.names:
        names = dict(zip(company.customers["customer_id"], company.customers["name"], strict=True))
        assert names == truth.names
    else:
        assert not (folder / "customers.csv").exists()


def notes_of(report) -> str:
    return "\n".join(report.notes)


# --- imports that need no help ----------------------------------------------------------------


@pytest.mark.parametrize(
    "maker",
    [
        make.make_utf16_text,
        make.make_iso8859_15,
        make.make_dot_thousands,
        make.make_nimi,
        make.make_quickbooks_csv,
        make.make_quickbooks_xlsx,
        make.make_finnish_grouped,
        make.make_swedish_grouped_xlsx,
        make.make_summary_first_xlsx,
        make.make_finvoice_file,
    ],
    ids=lambda maker: maker.__name__.removeprefix("make_"),
)
def test_export_imports_equal_to_its_truth(tmp_path, exports, maker):
    export, truth = maker(tmp_path)
    import_export(export, tmp_path / "company")
    assert_equals_truth(tmp_path / "company", truth)


def test_excel_unicode_text_is_utf16_and_said(tmp_path):
    export, _ = make.make_utf16_text(tmp_path)
    assert export.read_bytes()[:2] == b"\xff\xfe"
    report = import_export(export, tmp_path / "company")
    assert "UTF-16" in notes_of(report) and "tab" in notes_of(report)


def test_latin9_euro_signs_and_the_lines_read_differently_are_named(tmp_path):
    export, _ = make.make_iso8859_15(tmp_path)
    report = import_export(export, tmp_path / "company")
    text = notes_of(report)
    assert "ISO-8859-15" in text and "Design Šakki Oy" in text and "--encoding cp1252" in text


def test_whole_amounts_with_points_between_thousands_are_decided_and_said(tmp_path):
    export, truth = make.make_dot_thousands(tmp_path)
    assert "12.500" in export.read_text(encoding="utf-8") or "2.500" in export.read_text(
        encoding="utf-8"
    )
    report = import_export(export, tmp_path / "company")
    assert "as thousands separators" in notes_of(report)
    assert "--decimal point" in notes_of(report)
    assert load_company(tmp_path / "company").invoices["amount"].sum() == pytest.approx(truth.total)


def test_a_utf8_file_with_one_cp1252_line_keeps_its_names_and_names_the_line(tmp_path):
    export, truth, odd_line = make.make_utf8_with_cp1252_line(tmp_path)
    report = import_export(export, tmp_path / "company")
    assert_equals_truth(tmp_path / "company", truth)
    text = notes_of(report)
    assert f"line {odd_line}:" in text and "Windows-1252" in text
    assert "read as UTF-8" in text


def test_a_column_called_nimi_is_the_customer_and_the_advice_is_about_names(tmp_path):
    export, _ = make.make_nimi(tmp_path)
    report = import_export(export, tmp_path / "company")
    assert report.taken["customer_id"] == "Nimi"
    text = notes_of(report)
    assert "customer_name" in text and "as customer_id" in text


def test_a_sheet_without_customer_names_advises_name_or_number(tmp_path):
    export = tmp_path / "x.csv"
    export.write_text("Pvm;Summa\n1.1.2024;12,50\n", encoding="utf-8")
    with pytest.raises(DataError) as error:
        import_export(export, tmp_path / "company")
    assert "customer_name" in str(error.value) and "customer_id" in str(error.value)


# --- grouped reports ---------------------------------------------------------------------------


@pytest.mark.parametrize("maker", [make.make_quickbooks_csv, make.make_quickbooks_xlsx])
def test_sales_by_customer_detail_is_read_as_a_grouped_report(tmp_path, maker):
    export, truth = maker(tmp_path)
    report = import_export(export, tmp_path / "company")
    text = notes_of(report)
    assert "grouped by customer" in text
    assert "sit inside another group" in text  # the sub-customer counts for its parent
    assert "all agree" in text  # the report's own totals match the lines read
    assert "Unnamed" not in str(report)
    assert "heading or footer" in text  # 'Accrual basis …' below the report
    assert_equals_truth(tmp_path / "company", truth)


def test_us_dates_of_the_report_are_read_month_first_and_said(tmp_path):
    export, _ = make.make_quickbooks_csv(tmp_path)
    report = import_export(export, tmp_path / "company")
    assert "month first" in notes_of(report)


def test_finnish_grouped_report_takes_numbers_and_names_from_the_group_lines(tmp_path):
    export, truth = make.make_finnish_grouped(tmp_path)
    report = import_export(export, tmp_path / "company")
    assert_equals_truth(tmp_path / "company", truth)
    names = set(load_company(tmp_path / "company").customers["name"])
    assert {
        "Summa-Rakennus Oy",
        "Total Kiinteistöpalvelut Oy",
        "Tilitoimisto Yhteensä Oy",
    } <= names  # names that contain total words are customers, not totals
    assert "customer number" in notes_of(report)


def test_a_group_total_that_does_not_match_its_lines_is_said(tmp_path):
    export, _ = make.make_finnish_grouped(tmp_path)
    text = export.read_bytes().decode("cp1252").splitlines()
    at = next(i for i, line in enumerate(text) if line.startswith("Yhteensä"))
    cells = text[at].split(";")
    cells[-1] = "1,00"
    text[at] = ";".join(cells)
    export.write_bytes("\r\n".join(text).encode("cp1252"))
    report = import_export(export, tmp_path / "company")
    assert f"line {at + 1}: 1.00 printed" in notes_of(report)


def test_totals_words_inside_customer_names_are_never_totals(tmp_path):
    export = tmp_path / "names.csv"
    export.write_text(
        "Asiakas;Pvm;Veroton summa\n"
        "Summa-Rakennus Oy;1.2.2024;100,00\n"
        "Total Kiinteistöpalvelut Oy;2.2.2024;200,00\n"
        "Kiinteistöpalvelut Oy yhteensä;3.2.2024;5,00\n"
        "Yhteensä;;305,00\n",
        encoding="utf-8",
    )
    report = import_export(export, tmp_path / "company")
    invoices = load_company(tmp_path / "company").invoices
    assert invoices["customer_id"].tolist() == [
        "Summa-Rakennus Oy",
        "Total Kiinteistöpalvelut Oy",
        "Kiinteistöpalvelut Oy yhteensä",
    ]
    assert "skipped 1 totals line(s) (line 5)" in notes_of(report)


# --- workbooks --------------------------------------------------------------------------------


def test_the_sheet_of_lines_is_found_and_the_others_are_said(tmp_path):
    export, _ = make.make_summary_first_xlsx(tmp_path)
    report = import_export(export, tmp_path / "company")
    text = notes_of(report)
    assert "took sheet 'Laskurivit'" in text
    assert "'Yhteenveto' (no invoice date)" in text and "--sheet" in text


def test_a_chosen_sheet_without_lines_says_there_are_other_sheets(tmp_path):
    export, _ = make.make_summary_first_xlsx(tmp_path)
    with pytest.raises(DataError) as error:
        import_export(export, tmp_path / "company", sheet="Yhteenveto")
    message = str(error.value)
    assert "'Laskurivit'" in message and "--sheet" in message


def test_a_password_protected_workbook_is_named_as_such_and_opens_with_its_password(tmp_path):
    export, truth = make.make_password_xlsx(tmp_path)
    with pytest.raises(DataError) as error:
        import_export(export, tmp_path / "company")
    message = str(error.value)
    assert "protected with a password" in message and "--password" in message
    with pytest.raises(DataError, match="did not open it"):
        import_export(export, tmp_path / "company", password="wrong")
    report = import_export(export, tmp_path / "company", password="salasana")
    assert "password" in notes_of(report)
    assert_equals_truth(tmp_path / "company", truth)


# --- Finvoice ------------------------------------------------------------------------------------


@pytest.mark.parametrize("maker", [make.make_finvoice_folder, make.make_finvoice_zip])
def test_finvoice_folder_and_zip(tmp_path, maker):
    export, truth, free_rows = maker(tmp_path)
    report = import_export(export, tmp_path / "company")
    assert_equals_truth(tmp_path / "company", truth)
    text = notes_of(report)
    assert f"skipped {free_rows} free-text row(s)" in text
    assert "credit notes (INV02, made negative)" in text
    assert "with the SOAP envelope" in text
    assert report.taken["customer_id"] == "BuyerPartyIdentifier"


def test_finvoice_credit_notes_are_negative_however_written():
    lines = make.invoice_lines(3)
    for line in lines:
        line.amount, line.quantity = abs(line.amount), abs(line.quantity)
    for positive in (True, False):
        credit = [
            make.Line(
                **{
                    **line.__dict__,
                    "amount": -line.amount,
                    "quantity": -line.quantity,
                    "invoice": "9",
                }
            )
            for line in lines
        ]
        raw = make.finvoice_xml("9", credit, True, positive_credit=positive)
        from helpers.company.importing.finvoice import read_finvoice_file

        table = read_finvoice_file("x.xml", raw)
        amounts = table.frame["RowVatExcludedAmount"].astype(float)
        assert (amounts < 0).all()
        assert (table.frame["DeliveredQuantity"].astype(float) < 0).all()
        assert amounts.sum() == pytest.approx(-sum(line.amount for line in lines))


def test_finvoice_encodings_and_envelopes(tmp_path):
    from helpers.company.importing.finvoice import read_finvoice_file

    line = next(x for x in make.invoice_lines(40) if x.amount > 0 and "ö" in x.name)
    for encoding in ("ISO-8859-15", "UTF-8"):
        for envelope in ("none", "two-documents", "one-prolog"):
            raw = make.finvoice_xml("1", [line], False, encoding=encoding, envelope=envelope)
            table = read_finvoice_file("x.xml", raw)
            assert table.frame["BuyerOrganisationName"].tolist() == [line.name], (
                encoding,
                envelope,
            )
            assert table.frame["RowVatExcludedAmount"].astype(float).tolist() == [line.amount]


def test_finvoice_is_parsed_safely_and_broken_files_are_named(tmp_path):
    junk = {p.name: p for p in make.make_junk(tmp_path)}
    with pytest.raises(DataError, match="document type or entities"):
        import_export(junk["entities.xml"], tmp_path / "a")
    with pytest.raises(DataError, match="not well-formed XML"):
        import_export(junk["broken.xml"], tmp_path / "b")
    with pytest.raises(DataError, match="no Finvoice e-invoice"):
        import_export(junk["other.xml"], tmp_path / "c")


def test_a_broken_file_in_a_finvoice_folder_stops_the_import_and_is_named(tmp_path):
    folder, _, _ = make.make_finvoice_folder(tmp_path)
    (folder / "zz-broken.xml").write_bytes(b"<?xml version='1.0'?><Finvoice><Inv")
    with pytest.raises(DataError) as error:
        import_export(folder, tmp_path / "company")
    assert "zz-broken.xml" in str(error.value) and "move it out" in str(error.value)


# --- ambiguity stops ---------------------------------------------------------------------------


def test_numbers_that_read_two_ways_stop_the_import_naming_the_column(tmp_path):
    export = make.make_ambiguous_decimals(tmp_path)
    with pytest.raises(DataError) as error:
        import_export(export, tmp_path / "company")
    (problem,) = error.value.problems
    assert problem.column == "Amount" and problem.lines[:2] == [2, 3]
    assert "--decimal comma" in problem.message and "--decimal point" in problem.message
    assert not (tmp_path / "company").exists()
    import_export(export, tmp_path / "point", decimal="point")
    import_export(export, tmp_path / "comma", decimal="comma")
    point = load_company(tmp_path / "point").invoices["amount"]
    comma = load_company(tmp_path / "comma").invoices["amount"]
    assert (comma == point * 1000).all() and (point < 10).all()


def test_other_columns_of_the_file_settle_an_ambiguous_one(tmp_path):
    export = tmp_path / "x.txt"
    export.write_text(
        "Customer\tDate\tUnit price\tNet amount\n"
        "A\t2024-01-02\t1.125\t9.00\nB\t2024-01-03\t2.375\t19.50\n",
        encoding="utf-8",
    )
    report = import_export(export, tmp_path / "company")
    assert load_company(tmp_path / "company").invoices["unit_price"].tolist() == [1.125, 2.375]
    assert "as the other number columns" in notes_of(report)


def test_slashed_dates_that_read_two_ways_stop_and_the_option_settles_them(tmp_path):
    export = tmp_path / "dates.csv"
    export.write_text(
        "Customer,Date,Amount\nA,03/04/2024,10.50\nB,05/06/2024,12.25\n", encoding="utf-8"
    )
    with pytest.raises(DataError) as error:
        import_export(export, tmp_path / "company")
    assert "--dates" in str(error.value) and "'Date'" in str(error.value)
    import_export(export, tmp_path / "us", dates="month-first")
    dates = load_company(tmp_path / "us").invoices["date"].dt.strftime("%Y-%m-%d").tolist()
    assert dates == ["2024-03-04", "2024-05-06"]


def test_the_mapping_file_settles_the_encoding(tmp_path):
    export = tmp_path / "x.csv"
    export.write_bytes("Asiakas;Pvm;Summa\nÖljy ½ Oy;1.1.2024;5\n".encode("cp1252"))
    mapping = tmp_path / "m.toml"
    mapping.write_text('encoding = "iso-8859-15"\n', encoding="utf-8")
    import_export(export, tmp_path / "company", mapping=mapping)
    assert load_company(tmp_path / "company").invoices["customer_id"].tolist() == ["Öljy œ Oy"]


# --- never a traceback ------------------------------------------------------------------------


def run_cli(capsys, *args: str) -> tuple[int, str]:
    code = main(["import", *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_no_input_ends_in_a_traceback(tmp_path, capsys):
    folder = tmp_path / "junk"
    folder.mkdir()
    junk = make.make_junk(folder)
    rng = random.Random(7)
    for number in range(12):  # random bytes of every size, some starting like real files
        start = rng.choice(
            [
                b"",
                b"PK\x03\x04",
                b"\xd0\xcf\x11\xe0",
                b"<?xml",
                b"\xff\xfe",
                b"\xef\xbb\xbf",
                b"Asiakas;Pvm;Summa\n",
            ]
        )
        path = tmp_path / f"noise-{number}.dat"
        path.write_bytes(start + bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 3000))))
        junk.append(path)
    for export in junk:
        code, output = run_cli(capsys, str(export), "--to", str(tmp_path / "out" / export.name))
        assert code == 2, (export.name, output)
        assert "Traceback" not in output, output
        assert export.name in output or str(export) in output, output
        assert not (tmp_path / "out" / export.name).exists()


@pytest.mark.parametrize(
    "name, words",
    [
        ("invoice.pdf", "is a PDF"),
        ("empty.csv", "empty"),
        ("bom-only.txt", "empty"),
        ("a-folder", "folder without Finvoice"),
        ("old.xls", "Excel 97-2003"),
        ("sheet.ods", "OpenDocument"),
        ("not-really.xlsx", "damaged"),
        ("random-3.csv", "not a text file"),
        ("random-high.txt", "no text"),
    ],
)
def test_what_a_file_is_not_is_said(tmp_path, name, words):
    junk = {p.name: p for p in make.make_junk(tmp_path)}
    with pytest.raises(DataError) as error:
        import_export(junk[name], tmp_path / "company")
    assert words in str(error.value)


def test_a_zip_without_finvoice_files_says_to_unzip(tmp_path):
    export = tmp_path / "export.zip"
    with zipfile.ZipFile(export, "w") as archive:
        archive.writestr("laskut.csv", "Asiakas;Pvm;Summa\nA;1.1.2024;5\n")
    with pytest.raises(DataError, match="unzip it"):
        import_export(export, tmp_path / "company")


def test_import_help_names_every_kind_of_export(capsys):
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    text = capsys.readouterr().out
    for words in (
        "Finvoice",
        "Excel",
        "CSV",
        "--decimal",
        "--dates",
        "--encoding",
        "--password",
        "--sheet",
    ):
        assert words in text


def test_cli_import_of_a_grouped_report_prints_what_it_did(tmp_path, capsys):
    export, truth = make.make_quickbooks_csv(tmp_path)
    code, output = run_cli(capsys, str(export), "--to", str(tmp_path / "company"))
    assert code == 0
    assert f"Imported {truth.lines} invoice line(s)" in output
    assert "grouped by customer" in output


def test_lines_are_the_files_lines_with_a_line_break_inside_a_cell(tmp_path):
    # a quoted line break inside a cell: the lines named are still the file's lines
    export = tmp_path / "x.csv"
    export.write_text(
        'Asiakas;Pvm;Tuote;Summa\nA;1.1.2024;"two\nlines";5\nB;x;t;6\n', encoding="utf-8"
    )
    with pytest.raises(DataError) as error:
        import_export(export, tmp_path / "company")
    assert error.value.problems[0].lines == [4]


def test_a_column_read_against_the_rest_of_the_file_stops(tmp_path):
    # quantities like 1.500 and 2 would read as thousands, but the prices write decimals
    # with a point: the file contradicts itself, and the import asks
    export = tmp_path / "x.txt"
    export.write_text(
        "Customer\tDate\tQuantity\tUnit price\tNet amount\n"
        "A\t2024-01-02\t1.500\t2.50\t3.75\nB\t2024-01-03\t2\t4.25\t8.50\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as error:
        import_export(export, tmp_path / "company")
    (problem,) = error.value.problems
    assert problem.column == "Quantity" and "--decimal point" in problem.message
    import_export(export, tmp_path / "company", decimal="point")
    assert load_company(tmp_path / "company").invoices["quantity"].tolist() == [1.5, 2.0]


def test_a_report_printed_page_by_page_repeats_its_column_names(tmp_path):
    export, truth = make.make_finnish_grouped(tmp_path)
    lines = export.read_bytes().decode("cp1252").split("\r\n")
    header = lines[2]
    for at in (40, 80):  # a new page: a page line, then the column names again
        lines[at:at] = ["Sivu 2", header]
    export.write_bytes("\r\n".join(lines).encode("cp1252"))
    report = import_export(export, tmp_path / "company")
    assert_equals_truth(tmp_path / "company", truth)
    assert "skipped 2 line(s) repeating the column names" in notes_of(report)


def test_a_few_nul_bytes_are_left_out_and_said(tmp_path):
    export = tmp_path / "padded.csv"
    export.write_bytes(b"Asiakas;Pvm;Summa\r\nA;1.1.2024;5,00\r\nB;2.1.2024;6,00\r\n\x00\x00\x1a")
    report = import_export(export, tmp_path / "company")
    assert "left out 2 NUL byte(s)" in notes_of(report)
    assert load_company(tmp_path / "company").invoices["amount"].tolist() == [5.0, 6.0]


def test_every_kind_of_export_goes_through_the_command_without_a_traceback(tmp_path, capsys):
    made = [maker(tmp_path)[0] for maker in make.MAKERS]
    stopping = {make.make_ambiguous_decimals(tmp_path)} | {
        p for p in made if p.name == "protected.xlsx"
    }
    for export in [*made, *stopping]:
        code, output = run_cli(capsys, str(export), "--to", str(tmp_path / "out" / export.name))
        assert "Traceback" not in output, output
        assert code == (2 if export in stopping else 0), output
