"""The sentences and readable tables of price erosion, from the codes and numbers of
helpers.analysis.pricing (the numbers themselves: tests/analysis/test_pricing.py)."""

import math

import pandas as pd
import pytest

from helpers.analysis.pricing import (
    PriceDataMissing,
    erosion_cost_12m,
    erosion_per_tenure_year,
    price_analysis,
    price_review_candidates,
    unit_prices,
)
from helpers.language import ENGLISH, Language
from helpers.words.pricing import (
    UNIT_PRICE_NOTES,
    erosion_cost_in_words,
    erosion_cost_note_in_words,
    erosion_in_words,
    erosion_reason_in_words,
    price_review_in_words,
    unit_prices_in_words,
)
from tests.analysis.test_pricing import (
    AS_OF,
    COST_COLUMNS,
    COST_ROWS,
    PRICE_REVIEW_COLUMNS,
    PRICE_REVIEW_ROWS,
    WITHOUT_PRICES,
    frame,
)

NAN_ = float("nan")


# --- where the unit prices came from ----------------------------------------------


def test_unit_price_notes_one_sentence_each():
    data = frame(
        [
            ("A", "2024-01-01", 100, 4, 20.0),  # unit_price 20 is used, not 100 / 4
            ("A", "2024-02-01", 100, 4, None),  # missing → 100 / 4 = 25
            ("A", "2024-03-01", 100, 0, None),  # quantity 0 → no price
        ],
        ["customer_id", "date", "amount", "quantity", "unit_price"],
    )
    note = unit_prices_in_words(unit_prices(data)[1], ENGLISH)
    assert "No `product` column: all lines are treated as one product." in note
    assert "(1) use amount / quantity" in note
    assert "1 of 3 lines have no positive unit price" in note


def test_unit_price_note_without_unit_price_column():
    data = frame(
        [("A", "2024-01-01", 90, 3, "X")],
        ["customer_id", "date", "amount", "quantity", "product"],
    )
    note = unit_prices_in_words(unit_prices(data)[1], ENGLISH)
    assert note == "No `unit_price` column: unit price = amount / quantity."


def test_unit_price_note_from_the_column_and_without_quantity():
    data = frame(
        [("A", "2024-01-01", 90, 30.0, "X")],
        ["customer_id", "date", "amount", "unit_price", "product"],
    )
    assert unit_prices_in_words(unit_prices(data)[1], ENGLISH) == (
        "No `quantity` column: quantities are taken as amount / unit price."
    )
    data = frame(
        [("A", "2024-01-01", 90, 3, 30.0, "X")],
        ["customer_id", "date", "amount", "quantity", "unit_price", "product"],
    )
    assert unit_prices_in_words(unit_prices(data)[1], ENGLISH) == (
        "Unit prices are taken from the `unit_price` column."
    )


def test_without_prices_the_reader_is_told_what_to_add_and_the_developer_too():
    data = frame(WITHOUT_PRICES, ["customer_id", "date", "amount"])
    analysis = price_analysis(data, AS_OF)
    note = unit_prices_in_words(analysis["unit_prices"], ENGLISH)
    assert "quantity" in note
    with pytest.raises(PriceDataMissing) as missing:
        unit_prices(data)
    assert note == str(missing.value)  # the same sentence, in English
    assert "can't be worked out" in erosion_cost_in_words(analysis["cost"], ENGLISH)
    assert erosion_in_words(analysis["erosion"], ENGLISH) == (
        "Price erosion can't be measured on this data. It needs unit prices (see the note above)."
    )
    finnish = unit_prices_in_words(analysis["unit_prices"], Language("fi", strict=True))
    assert "`quantity`" in finnish and finnish != note


def test_every_unit_price_note_is_translated():
    for code in UNIT_PRICE_NOTES:
        source = {"notes": [code], "filled": 2, "left_out": 3, "lines": 1000}
        for language in ("fi", "sv"):
            unit_prices_in_words(source, Language(language, strict=True))  # raises if missing


# --- erosion ---------------------------------------------------------------------


def test_erosion_reasons_in_words():
    short = frame(
        [("A", "2024-01-01", 100, 1), ("A", "2024-11-01", 90, 1), ("B", "2024-03-01", 100, 1)],
        ["customer_id", "date", "amount", "quantity"],
    )
    assert "year" in erosion_reason_in_words(erosion_per_tenure_year(short, AS_OF), ENGLISH)
    assert erosion_reason_in_words(erosion_per_tenure_year(short, AS_OF), ENGLISH) == (
        "Customer tenure on the priced lines spans only 0.84 years; at least 1 year is needed "
        "to measure a change per tenure year."
    )
    few = frame(
        [("A", "2020-01-01", 100, 1), ("A", "2024-01-01", 90, 1)],
        ["customer_id", "date", "amount", "quantity"],
    )
    assert "at least 3" in erosion_reason_in_words(erosion_per_tenure_year(few, AS_OF), ENGLISH)
    assert erosion_reason_in_words({"reason": None}, ENGLISH) == ""


def test_erosion_in_words_reads_the_interval_and_adds_it_up():
    text = erosion_in_words(
        {
            "erosion_per_tenure_year": -0.021,
            "erosion_ci_low": -0.026,
            "erosion_ci_high": -0.016,
            "lines_used": 10,
            "customers_used": 3,
        },
        ENGLISH,
    )
    assert "paying about 2.1% less" in text
    assert "between 1.6% and 2.6% less" in text
    assert f"about {(1 - 0.021) ** 5 - 1:.1%}".replace("-", "") + " less" in text  # 10.1%
    assert "(Based on 10 invoice lines of 3 customers.)" in text


def test_erosion_in_words_when_the_interval_includes_zero_or_there_is_no_estimate():
    text = erosion_in_words(
        {"erosion_per_tenure_year": -0.004, "erosion_ci_low": -0.012, "erosion_ci_high": 0.005},
        ENGLISH,
    )
    assert "between 1.2% less and 0.5% more" in text and "no clear change" in text
    text = erosion_in_words(
        {"erosion_per_tenure_year": 0.03, "erosion_ci_low": 0.01, "erosion_ci_high": 0.05}, ENGLISH
    )
    assert "3.0% more" in text and "between 1.0% and 5.0% more" in text
    text = erosion_in_words(
        {
            "erosion_per_tenure_year": NAN_,
            "erosion_ci_low": NAN_,
            "erosion_ci_high": NAN_,
            "reason": "too_few_lines",
            "lines_used": 2,
        },
        ENGLISH,
    )
    assert text == (
        "Price erosion can't be measured on this data. Only 2 invoice lines with a "
        "positive unit price; at least 3 are needed."
    )
    text = erosion_in_words({"erosion_per_tenure_year": NAN_}, ENGLISH)
    assert text == (
        "Price erosion can't be measured on this data. there are not enough priced invoice lines."
    )


def test_erosion_in_words_writes_counts_in_the_readers_locale():
    result = {
        "erosion_per_tenure_year": -0.021,
        "erosion_ci_low": NAN_,
        "erosion_ci_high": NAN_,
        "lines_used": 21237,
        "customers_used": 1266,
    }
    text = erosion_in_words(result, Language("fi"))
    assert "21\xa0237" in text and "1\xa0266" in text and "21,237" not in text
    assert "21,237 invoice lines" in erosion_in_words(result, ENGLISH)


# --- money lost --------------------------------------------------------------------


def test_erosion_cost_notes_in_words():
    result = erosion_cost_12m(frame(COST_ROWS, COST_COLUMNS), AS_OF)
    note = erosion_cost_note_in_words(result, ENGLISH)
    assert "net" in note
    assert note.startswith("3 of 4 lines of customers of 1+ years in the last 12 months")
    rows = [row for row in COST_ROWS if row[0] != "N"]
    result = erosion_cost_12m(frame(rows, COST_COLUMNS), AS_OF)
    assert "no new-customer price" in erosion_cost_note_in_words(result, ENGLISH)
    assert erosion_cost_in_words(result, ENGLISH).startswith(
        "The money lost to erosion can't be worked out on this data. No new customer (under 1 year)"
    )
    rows = [row for row in COST_ROWS if row[0] == "N"]
    result = erosion_cost_12m(frame(rows, COST_COLUMNS), AS_OF)
    assert erosion_cost_in_words(result, ENGLISH) == (
        "No customer of over 1 year(s) bought in the last 12 months."
    )


def test_erosion_cost_in_words_both_directions():
    text = erosion_cost_in_words(
        {
            "erosion_cost_12m": 1200.0,
            "erosion_cost_share_12m": 0.02,
            "lines_compared": 4,
            "note": "",
        },
        ENGLISH,
    )
    assert "paid €1,200 less than new customers" in text and "(2.0% of" in text
    text = erosion_cost_in_words(
        {
            "erosion_cost_12m": -50.0,
            "erosion_cost_share_12m": -0.01,
            "lines_compared": 1,
            "note": "",
        },
        ENGLISH,
    )
    assert "paid €50 more" in text
    note = "No customer of over 1 year(s) bought in the last 12 months."
    assert (
        erosion_cost_in_words(
            {
                "erosion_cost_12m": 0.0,
                "erosion_cost_share_12m": 0.0,
                "lines_compared": 0,
                "note": "no_tenured_buyers",
                "new_max_years": 1.0,
            },
            ENGLISH,
        )
        == note
    )


# --- price review ------------------------------------------------------------------


def test_price_review_in_words():
    data = frame(PRICE_REVIEW_ROWS, PRICE_REVIEW_COLUMNS)
    review = price_review_candidates(
        data, AS_OF, min_tenure_years=3, names=pd.Series({"A": "Alpha Oy"})
    )
    assert "2 long-standing accounts (3+ years)" in price_review_in_words(review, 3, ENGLISH)
    assert "€10 more" in price_review_in_words(review, 3, ENGLISH)
    assert "no price-review list yet" in price_review_in_words(review.iloc[:0], 6, ENGLISH)
    assert math.isclose(float(review["catch_up_12m"].sum()), 10.0)
