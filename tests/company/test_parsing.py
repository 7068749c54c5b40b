import math

import pandas as pd
import pytest

from helpers.company.parsing import (
    detect_encoding,
    normalise_name,
    parse_booleans,
    parse_dates,
    parse_numbers,
    read_text_table,
    sniff_separator,
)


@pytest.mark.parametrize(
    "text, hint, expected",
    [
        ("1234.50", ".", 1234.5),
        ("1 234,50", ",", 1234.5),
        ("1\u00a0234,50 €", ",", 1234.5),
        ("1\u202f234,50", ",", 1234.5),
        ("1.234,50", ",", 1234.5),
        ("1,234.50", ".", 1234.5),
        ("1.234", ",", 1234.0),  # Finnish thousands point in a ;-file
        ("1.234", ".", 1.234),
        ("\u22123,20", ",", -3.2),  # Unicode minus
        ("(12,00)", ",", -12.0),
        ("12,00-", ",", -12.0),
        ("EUR 7", ".", 7.0),
        ("1 000 000 kr", ",", 1_000_000.0),
    ],
)
def test_parse_numbers_reads_finnish_swedish_and_english_styles(text, hint, expected):
    numbers, bad = parse_numbers(pd.Series([text]), hint)
    assert not bad.iloc[0]
    assert numbers.iloc[0] == pytest.approx(expected)


def test_parse_numbers_flags_unreadable_cells_but_not_empty_ones():
    numbers, bad = parse_numbers(pd.Series(["abc", "", "12"]))
    assert bad.tolist() == [True, False, False]
    assert math.isnan(numbers.iloc[1])


@pytest.mark.parametrize(
    "text",
    ["2024-12-31", "31.12.2024", "31.12.24", "31/12/2024", "2024-12-31 00:00:00", "20241231"],
)
def test_parse_dates_accepts_common_formats(text):
    dates, bad = parse_dates(pd.Series([text]))
    assert not bad.iloc[0]
    assert dates.iloc[0] == pd.Timestamp("2024-12-31")


def test_parse_dates_flags_impossible_dates():
    dates, bad = parse_dates(pd.Series(["2024-13-01", "32.1.2024", ""]))
    assert bad.tolist() == [True, True, False]


def test_parse_booleans_in_three_languages():
    answers, bad = parse_booleans(pd.Series(["Kyllä", "ei", "ja", "Nej", "yes", "0", "maybe"]))
    assert answers.tolist()[:6] == [True, False, True, False, True, False]
    assert bad.tolist() == [False] * 6 + [True]


def test_encoding_and_separator_detection(tmp_path):
    path = tmp_path / "x.csv"
    path.write_bytes("asiakas;päivä;summa\nMyllymäki;1.2.2024;1 234,50\n".encode("cp1252"))
    assert detect_encoding(path.read_bytes()) == "cp1252"
    table = read_text_table(path)
    assert table.separator == ";"
    assert table.frame.loc[0, "päivä"] == "1.2.2024"
    assert sniff_separator("a\tb\tc") == "\t"
    assert detect_encoding("\ufeffa,b".encode()) == "utf-8-sig"


def test_trailing_empty_columns_are_dropped(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("a;b;;\n1;2;;\n", encoding="utf-8")
    assert list(read_text_table(path).frame.columns) == ["a", "b"]


def test_normalise_name():
    assert normalise_name(" Yksikköhinta (€) ") == "yksikkohinta"
    assert normalise_name("Belopp exkl. moms") == "belopp_exkl_moms"
