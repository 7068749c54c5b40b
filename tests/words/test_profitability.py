"""Profit after cost-to-serve in words (``helpers.words.profitability``): what to add, where
the figures come from, what the profit assumes, and the table to show."""

import pandas as pd

from helpers.analysis import profitability as p
from helpers.language import ENGLISH, Language
from helpers.words import profitability as words
from tests.analysis.test_profitability import AS_OF, hours, invoices


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
