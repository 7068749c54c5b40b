"""The sentences on new customers, retention, quotes and prospecting, from the figures
and codes of helpers.analysis.freshness (the figures: tests/analysis/test_freshness.py)."""

import pandas as pd
import pytest

from helpers.analysis.freshness import (
    data_span,
    first_year_revenue_of_new_customers,
    freshness_figures,
    prospecting_target,
)
from helpers.language import ENGLISH, Language
from helpers.words.freshness import (
    REASONS,
    TWO_YEAR_FIGURES,
    first_year_basis_in_words,
    freshness_in_words,
    prospecting_in_words,
    quotes_in_words,
    reason_in_words,
    short_data_in_words,
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


def test_a_figure_left_out_for_short_data_says_so_never_100_percent():
    data = _lines([("A", "2024-03-06", 100), ("B", "2024-06-01", 50)])  # 300 days of invoices
    figures = freshness_figures(data, AS_OF)
    text = freshness_in_words(
        figures["new_customer_revenue_share_12m"],
        figures["retention_12m"],
        ENGLISH,
        new_share_reason=figures["new_customer_revenue_share_12m_reason"],
        retention_reason=figures["retention_12m_reason"],
    )
    assert "100" not in text
    assert text.splitlines()[0].startswith("The share of revenue from new customers is left out")
    assert text.splitlines()[1].startswith("Retention is left out")
    for language in ("fi", "sv"):
        strict = Language(language, strict=True)
        assert freshness_in_words(
            float("nan"),
            float("nan"),
            strict,
            new_share_reason="data_starts_inside_window",
            retention_reason="data_starts_inside_window",
        )


@pytest.mark.parametrize("code", sorted(REASONS))
@pytest.mark.parametrize("language", ["en", "fi", "sv"])
def test_every_reason_code_has_its_words(code, language):
    assert reason_in_words(code, Language(language, strict=True))
    assert reason_in_words(None, ENGLISH) == ""


def test_the_short_data_note():
    long = short_data_in_words(data_span(_lines([("A", "2021-01-04", 1)]), AS_OF), ENGLISH)
    assert long.startswith("Your invoices start on 4 Jan 2021, 4.0 years before")
    assert "long enough for every figure here" in long
    eighteen = data_span(_lines([("A", "2023-07-01", 1)]), AS_OF)
    note = short_data_in_words(eighteen, ENGLISH, needs=("retention", "growth_trend"))
    lines = note.splitlines()
    assert "1.5 years before the analysis date: less than the two years" in lines[0]
    assert lines[1].startswith("What that touches here: retention (who bought again); growth")
    assert "don't even cover the last 12 months" not in note
    short = short_data_in_words(data_span(_lines([("A", "2024-03-06", 1)]), AS_OF), ENGLISH)
    assert "don't even cover the last 12 months" in short
    for language in ("fi", "sv"):
        strict = Language(language, strict=True)
        assert short_data_in_words(eighteen, strict, needs=tuple(TWO_YEAR_FIGURES))
        assert short_data_in_words(data_span(_lines([]), AS_OF), strict)
