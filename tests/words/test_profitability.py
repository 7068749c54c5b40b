"""Profit after cost-to-serve in words (``helpers.words.profitability``): what to add, where
the figures come from, what the profit assumes, and the table to show."""

import pandas as pd

from helpers.analysis import profitability as p
from helpers.language import ENGLISH, Language
from helpers.words import profitability as words
from tests.analysis.test_profitability import AS_OF, hours, invoices, reviewed_lines


def example():
    """Two accounts of tests/analysis/test_profitability.py's example, with hours."""
    lines = invoices(
        [
            ("I1", "A", "2025-03-01", "Design", 1, 100, 90, 40),
            ("I2", "A", "2025-06-01", "Welding", 1, 200, 150, 60),
            ("I3", "B", "2025-09-01", "Welding", 2, 100, 200, 50),
        ]
    )
    logged = hours([("A", "2025-03-01", 2.0, True), ("B", "2025-09-01", 10.0, False)])
    return lines, logged


def test_what_is_missing_in_words():
    lines, _ = example()
    bare = lines[["customer_id", "date", "amount"]]
    missing = words.missing_in_words(p.what_is_missing(bare, None, None), ENGLISH)
    assert set(missing) == {"cost", "hours", "hourly_cost", "list_price", "profit"}
    assert "hours.csv" in missing["profit"] and "cost" in missing["profit"]
    assert missing["profit"].endswith(missing["hourly_cost"])  # what to add, after the need
    assert words.missing_in_words(p.what_is_missing(*example(), 40.0), ENGLISH) == {}
    only_rate = words.missing_in_words(p.what_is_missing(*example(), None), ENGLISH)
    assert set(only_rate) == {"hourly_cost", "profit"}
    assumed = words.assumptions_in_words({"hourly_cost", "profit"}, None, ENGLISH)
    assert assumed == only_rate["profit"]


def test_what_is_missing_and_the_readable_table_in_swedish():
    lines, logged = example()
    sv = Language("sv")
    missing = words.missing_in_words(
        p.what_is_missing(lines[["customer_id", "date", "amount"]], None, None), sv
    )
    assert missing["hours"].startswith("Lägg till hours.csv")
    assert missing["profit"].startswith("Resultatet efter betjäningskostnad kräver")
    assert words.sources_in_words(set(), sv).startswith("Täckningsbidrag: från kolumnen `cost`")
    assert "× 40\xa0€ (timkostnaden i company.toml)" in words.assumptions_in_words(set(), 40.0, sv)
    table = words.economics_readable(p.account_economics(lines, logged, AS_OF, 40.0), None, sv)
    assert table.index.name == "kund"
    assert {"namn", "omsättning", "täckningsbidrag", "resultat efter betjäningskostnad"} <= set(
        table.columns
    )
    assert words.accounts_in_words(1, sv) == "1 kund"
    assert words.accounts_in_words(1200, sv) == "1\xa0200 kunder"


def test_the_readable_table_leaves_out_what_the_data_cannot_tell():
    lines, _ = example()
    table = p.account_economics(lines[["customer_id", "date", "amount"]], None, AS_OF)
    shown = words.economics_readable(table, pd.Series({"A": "Aalto"}), ENGLISH, top=1)
    assert list(shown.columns) == ["name", "revenue", "credit notes"]  # no margin, no hours
    assert shown.loc["A", "name"] == "Aalto" and len(shown) == 1
    assert words.sources_in_words({"cost"}, ENGLISH).startswith("Add a `cost` column")


def test_the_finance_review_of_one_account_in_words_and_as_a_page():
    lines, logged = reviewed_lines()
    review = p.account_review(lines, logged, AS_OF, "X", hourly_cost=40.0)
    names = pd.Series({"X": "Xylo Oy"})
    text = words.review_in_words(review, names, set(), ENGLISH)
    assert text.startswith(
        "Xylo Oy has been a customer since 1 Feb 2023, for 2.9 years: €2,900 invoiced in "
        "all, €996 a year on average. In the last 12 months: €900, 90.0% of all your "
        "revenue (-10.0% on the 12 months before)."
    )
    assert "its 10 h of work, it made €200, €20 per hour." in text
    assert "It made money in each of the 3 years shown." in text
    assert text.endswith(
        "Where the money went: 0.0% below list price, 100% of its hours unbilled, 1 credit "
        "notes (€100 credited)."
    )
    page = words.review_readable(review, ENGLISH)
    assert page.columns.tolist()[-1] == "1 Jan 2025 – 31 Dec 2025"
    assert page.loc["profit after cost-to-serve"].tolist() == ["€600", "€500", "€200"]
    assert "below list" in page.index  # list_price and quantity are on the lines
    assert "rush orders" not in page.index  # no rush product: not on the page


def test_the_finance_review_on_invoices_only_in_finnish_and_swedish():
    lines, _ = reviewed_lines()
    bare = lines[["customer_id", "date", "amount"]]
    review = p.account_review(bare, None, AS_OF, "Y")
    missing = p.what_is_missing(bare, None, None)
    finnish = words.review_in_words(review, None, missing, Language("fi"))
    assert finnish.startswith("Y on ollut asiakas 1.8.2025 alkaen, 0,4 vuotta")
    assert "keskimäärin" not in finnish  # no yearly average under a year
    assert "ei hyvityslaskuja" in finnish and finnish.endswith("tuntikustannuksen.")
    page = words.review_readable(review, Language("sv"))
    assert page.index.tolist() == ["omsättning", "beställningar", "kreditfakturor", "krediterat"]
    unknown = p.account_review(bare, None, AS_OF, "Z")
    assert words.review_in_words(unknown, None, missing, Language("sv")) == (
        "Z har ingen faktura fram till analysdagen."
    )
