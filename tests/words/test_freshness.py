"""The sentences on new customers, retention, quotes and prospecting, from the figures
and codes of helpers.analysis.freshness (the figures: tests/analysis/test_freshness.py)."""

import pandas as pd
import pytest

from helpers.analysis.freshness import first_year_revenue_of_new_customers, prospecting_target
from helpers.language import ENGLISH, Language
from helpers.words.freshness import (
    first_year_basis_in_words,
    freshness_in_words,
    prospecting_in_words,
    quotes_in_words,
)
from tests.analysis.test_freshness import TARGET_LINES, _lines

AS_OF = pd.Timestamp("2024-12-31")


def test_first_year_basis_in_words():
    result = first_year_revenue_of_new_customers(_lines(TARGET_LINES), AS_OF)
    assert "12–24 months" in first_year_basis_in_words(result, ENGLISH)
    data = _lines([("O", "2020-06-01", 500), ("N", "2024-05-01", 200), ("M", "2024-09-01", 100)])
    result = first_year_revenue_of_new_customers(data, AS_OF)
    assert "underestimates" in first_year_basis_in_words(result, ENGLISH)
    assert first_year_basis_in_words(result, ENGLISH).startswith(
        "the revenue so far of the 2 customers won in the last 12 months"
    )
    nobody = first_year_revenue_of_new_customers(data.iloc[:1], AS_OF)
    assert first_year_basis_in_words(nobody, ENGLISH) == (
        "no customer was won in the last two years, so there is nothing to average"
    )


@pytest.mark.parametrize("language", ["fi", "sv"])
@pytest.mark.parametrize("basis", ["complete_first_year", "first_year_so_far", "nobody_won"])
def test_first_year_basis_is_translated(basis, language):
    text = first_year_basis_in_words(
        {"basis": basis, "customers": 1234}, Language(language, strict=True)
    )
    assert text and (basis == "nobody_won" or "1\xa0234" in text)


def test_first_year_basis_refuses_an_unknown_code():
    with pytest.raises(ValueError, match="unknown first-year basis"):
        first_year_basis_in_words({"basis": "the revenue of last year", "customers": 1}, ENGLISH)


def test_prospecting_in_words_tells_the_basis():
    plan = prospecting_target(_lines(TARGET_LINES), AS_OF, 0.20)
    lines = prospecting_in_words(plan, ENGLISH).splitlines()
    assert lines == [
        "If the next 12 months bring the same revenue as the last 12 (€1,600), 20% of it is "
        "€320 from new customers.",
        "New customers won in the last 12 months: 1, bringing €200.",
        "A new customer brings about €400 in its first year (the first-year revenue of the 1 "
        "customers won 12–24 months before the analysis date).",
        "New customers needed in the next 12 months to reach the target: about 1.",
    ]


def test_quotes_in_words():
    figures = {"quotes_12m": 10, "quote_win_rate_12m": 0.3, "prospects_met_12m": 7}
    text = quotes_in_words(figures, True, ENGLISH)
    assert "sent 10 quotes and won 30.0%" in text and "7 different prospects" in text
    none = {"quotes_12m": 0, "quote_win_rate_12m": float("nan"), "prospects_met_12m": 0}
    assert "no quotes dated in the last 12 months" in quotes_in_words(none, True, ENGLISH)
    assert quotes_in_words(none, False, ENGLISH, switches_on="Add quotes.csv.").endswith(
        "Add quotes.csv."
    )


def test_freshness_in_words_explains_missing_figures():
    text = freshness_in_words(0.11, 0.714, ENGLISH)
    assert "brought 11.0% of the revenue" in text and "71.4% bought again" in text
    text = freshness_in_words(float("nan"), float("nan"), ENGLISH)
    assert "no revenue in the last 12 months" in text and "needs two years" in text
