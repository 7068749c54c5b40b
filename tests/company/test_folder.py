import pandas as pd
import pytest

from helpers.company.folder import (
    ERROR,
    WARNING,
    DataError,
    check_company,
    load_company,
    resolve_as_of,
)
from helpers.paths import SAMPLE_DIR, resolve_data_dir


def test_none_means_the_sample_company_wherever_we_run(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    assert resolve_data_dir(None) == SAMPLE_DIR
    assert resolve_data_dir("") == SAMPLE_DIR


def test_tiny_company_loads_with_canonical_types(companies):
    company = load_company(companies / "tiny")
    invoices = company.invoices
    assert list(invoices.columns[:3]) == ["customer_id", "date", "amount"]
    assert str(invoices["date"].dtype) == "datetime64[ns]"
    assert invoices["amount"].sum() == pytest.approx(6099.0)
    assert company.name == "Tiny Test Oy"
    assert company.settings["hourly_cost"] == 40.0
    assert company.missing_files() == {}
    assert company.quotes["won"].tolist() == [False, True, True, False]
    assert company.customer_names()["B"] == "Bistro Björk"


def test_minimal_company_finnish_excel_style_and_missing_optional_files(companies):
    company = load_company(companies / "minimal")
    assert company.invoices["amount"].tolist() == [1200.0, 950.5, 300.0, 1100.0, -50.0, 420.0]
    assert company.invoices["date"].iloc[0] == pd.Timestamp("2025-01-15")
    missing = company.missing_files()
    assert set(missing) == {"customers.csv", "hours.csv", "survey.csv", "quotes.csv"}
    assert "hours.csv" in missing["hours.csv"]  # the sentence says what to add
    assert company.name == "minimal"  # no company.toml: the folder's name


def test_broken_folder_lists_every_problem_by_file_line_and_column(companies):
    problems = check_company(companies / "broken")
    errors = [str(p) for p in problems if p.level == ERROR]
    text = "\n".join(errors)
    assert "invoices.csv, line 3, column 'date'" in text and "'2024-13-01'" in text
    assert "invoices.csv, line 4, column 'customer_id': is empty" in text
    assert "invoices.csv, line 5, column 'amount'" in text and "'abc'" in text
    assert "customers.csv, line 3, column 'customer_id': customer_id appears more than once" in text
    assert "customers.csv, line 4, column 'wallet'" in text
    assert "survey.csv, line 2, column 'satisfaction': expected a number from 1 to 5" in text
    assert "survey.csv, line 3, column 'satisfaction': expected a whole number" in text
    assert "company.toml: setting 'language'" in text
    assert len(errors) == 8
    warnings = [str(p) for p in problems if p.level == WARNING]
    assert any("line 7: exact copy" in w for w in warnings)
    assert any("negative quantity with a positive amount" in w for w in warnings)


def test_load_company_raises_a_readable_data_error(companies):
    with pytest.raises(DataError) as caught:
        load_company(companies / "broken")
    message = str(caught.value)
    assert message.startswith("The company folder")
    assert "8 problem(s)" in message
    # IPython shows this instead of a traceback
    assert caught.value._render_traceback_()[0].startswith("DataError: ")


def test_missing_required_column_names_the_closest_matches(tmp_path, write_invoices):
    folder = write_invoices(tmp_path / "c", "customer_id,date,amount_eur\nA,2024-01-01,10\n")
    [problem] = check_company(folder)
    assert "required column 'amount' is missing" in str(problem)
    assert "closest columns found: amount_eur" in str(problem)


def test_missing_folder_missing_file_and_empty_file(tmp_path, write_invoices):
    assert "does not exist" in str(check_company(tmp_path / "nope")[0])
    (tmp_path / "empty").mkdir()
    assert "file not found" in str(check_company(tmp_path / "empty")[0])
    folder = write_invoices(tmp_path / "e", "")
    assert "the file is empty" in str(check_company(folder)[0])
    folder = write_invoices(tmp_path / "h", "customer_id,date,amount\n")
    assert "header but no rows" in str(check_company(folder)[0])


def test_ragged_line_is_reported_with_its_line_number(tmp_path, write_invoices):
    folder = write_invoices(
        tmp_path / "r", "customer_id,date,amount\nA,2024-01-01,10\nB,2024-01-02,1,5\n"
    )
    [problem] = check_company(folder)
    assert "line 3 has 4 fields" in str(problem)


def test_future_dates_are_a_warning_only_when_today_is_given(tmp_path, write_invoices):
    folder = write_invoices(tmp_path / "f", "customer_id,date,amount\nA,2030-01-01,10\n")
    assert check_company(folder) == []
    [problem] = check_company(folder, today=pd.Timestamp("2026-01-01"))
    assert problem.level == WARNING and "after today" in str(problem)


def test_bad_toml_is_an_error_and_nothing_is_written(tmp_path, write_invoices):
    folder = write_invoices(tmp_path / "t", "customer_id,date,amount\nA,2024-01-01,10\n")
    (folder / "company.toml").write_text('name = "unclosed\n', encoding="utf-8")
    before = sorted(p.name for p in folder.iterdir())
    [problem] = check_company(folder)
    assert problem.level == ERROR and "not valid TOML" in str(problem)
    assert sorted(p.name for p in folder.iterdir()) == before


def test_resolve_as_of(companies):
    invoices = load_company(companies / "tiny").invoices
    assert resolve_as_of(invoices, None) == pd.Timestamp("2025-12-01")
    assert resolve_as_of(invoices, "31.12.2024") == pd.Timestamp("2024-12-31")
    with pytest.raises(DataError, match="expected a date"):
        resolve_as_of(invoices, "soon")
    with pytest.raises(DataError, match="before the first invoice"):
        resolve_as_of(invoices, "2000-01-01")
