"""What is in the data, in words (helpers.words.overview)."""

import pandas as pd
import pytest

from helpers.company.folder import load_company
from helpers.language import ENGLISH, Language
from helpers.words.overview import (
    largest_customers_in_words,
    largest_customers_readable,
    optional_files_report,
    overview_in_words,
)


def test_overview_in_words_three_lines_in_the_readers_locale():
    figures = {"invoice_lines": 21237, "revenue_12m": 1234567.8, "active_customers_12m": 1266}
    assert overview_in_words(figures, ENGLISH).splitlines() == [
        "Invoice lines: 21,237",
        "Revenue in the last 12 months: €1,234,568",
        "Customers who bought in them: 1,266",
    ]
    assert "21\xa0237" in overview_in_words(figures, Language("fi", strict=True))


def test_optional_files_report_found_files_with_their_rows(companies):
    report = optional_files_report(load_company(companies / "tiny"), ENGLISH)
    assert report.splitlines() == [
        "invoices.csv: found, 12 lines (required)",
        "customers.csv: found, 4 rows",
        "hours.csv: found, 7 rows",
        "survey.csv: found, 4 rows",
        "quotes.csv: found, 4 rows",
        "company.toml: found",
    ]


@pytest.mark.parametrize("language", ["en", "fi", "sv"])
def test_optional_files_report_says_what_a_missing_file_would_add(companies, language):
    report = optional_files_report(
        load_company(companies / "minimal"), Language(language, strict=True)
    ).splitlines()
    assert len(report) == 6 and report[0].startswith("invoices.csv: ")
    assert report[2].startswith("hours.csv: ")
    if language == "en":
        assert report[1].startswith("customers.csv: not found. Add customers.csv")
        assert report[-1] == (
            "company.toml: not found (name, currency and hourly cost take their defaults)"
        )


def test_the_largest_customers_in_words_and_as_a_table():
    largest = pd.DataFrame(
        {"revenue": [600.0, 300.0], "share": [0.6, 0.3], "cumulative_share": [0.6, 0.9]},
        index=pd.Index(["A", "B"], name="customer_id"),
    )
    first, as_of = pd.Timestamp("2021-01-04"), pd.Timestamp("2025-12-30")
    assert largest_customers_in_words(largest, 12, first, as_of, ENGLISH) == (
        "Together the 2 largest of 12 customers brought 90.0% of all revenue, "
        "4 Jan 2021 – 30 Dec 2025."
    )
    finnish = largest_customers_in_words(largest, 12, first, as_of, Language("fi", strict=True))
    assert finnish.startswith("12 asiakkaasta 2 suurinta toivat yhdessä 90,0")
    table = largest_customers_readable(largest, pd.Series({"A": "Alpha Oy"}), ENGLISH)
    assert table.loc["A"].tolist() == ["Alpha Oy", "€600", "60.0%", "60.0%"]
    assert table.loc["B", "name"] == "B"  # no name: the id
    swedish = largest_customers_readable(largest, pd.Series(dtype=object), Language("sv"))
    assert list(swedish.columns)[-1] == "tillsammans med de större"
    empty = largest.assign(cumulative_share=float("nan"))
    assert largest_customers_in_words(empty, 1, first, as_of, ENGLISH).startswith("There is no")
