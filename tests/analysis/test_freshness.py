"""Freshness figures pinned on hand-made examples."""

import math

import pandas as pd
import pytest

from helpers.analysis.freshness import (
    DATA_STARTS_INSIDE_WINDOW,
    NO_REVENUE_12M,
    NOBODY_BOUGHT_BEFORE,
    cohort_revenue,
    covers_window,
    data_span,
    first_invoice_dates,
    freshness_figures,
    new_customer_revenue_share_12m,
    new_customer_revenue_share_reason,
    new_customers_12m,
    new_customers_per_quarter,
    prospecting_target,
    quote_figures,
    retention_12m,
    retention_12m_reason,
)

# 2024 is a leap year: as_of − 365 d = 2024-01-01, as_of − 730 d = 2023-01-01.
AS_OF = pd.Timestamp("2024-12-31")


def invoices(rows):
    """rows: (customer_id, 'YYYY-MM-DD', amount)."""
    frame = pd.DataFrame(rows, columns=["customer_id", "date", "amount"])
    frame["date"] = pd.to_datetime(frame["date"])
    frame["amount"] = frame["amount"].astype(float)
    return frame


def test_window_arithmetic_assumed_by_these_tests():
    assert AS_OF - pd.Timedelta(days=365) == pd.Timestamp("2024-01-01")
    assert AS_OF - pd.Timedelta(days=730) == pd.Timestamp("2023-01-01")


def test_first_invoice_dates_count_credit_notes_and_ignore_future():
    data = invoices(
        [
            ("A", "2022-05-01", -10),  # a credit note is still the first appearance
            ("A", "2023-01-01", 100),
            ("B", "2025-02-01", 100),  # after as_of: B does not exist yet
            ("C", "2024-06-01", 5),
        ]
    )
    first = first_invoice_dates(data, AS_OF)
    assert dict(first) == {"A": pd.Timestamp("2022-05-01"), "C": pd.Timestamp("2024-06-01")}


def test_new_customers_per_quarter_fills_empty_quarters_with_zero():
    # First invoices: A, B in 2024Q1; C in 2024Q3 (its later line does not count again).
    # as_of is in 2024Q4 → quarters 2024Q1 … 2024Q4 = [2, 0, 1, 0].
    data = invoices(
        [
            ("A", "2024-01-15", 1),
            ("B", "2024-03-31", 1),
            ("C", "2024-07-01", 1),
            ("C", "2024-10-01", 1),
        ]
    )
    series = new_customers_per_quarter(data, AS_OF)
    assert isinstance(series.index, pd.PeriodIndex)
    assert [str(q) for q in series.index] == ["2024Q1", "2024Q2", "2024Q3", "2024Q4"]
    assert list(series) == [2, 0, 1, 0]
    assert series.dtype.kind == "i"


def test_new_customer_share_window_is_open_on_the_left():
    # OLD: first invoice 2023-06-01, buys 100 in the window.
    # EDGE: first invoice exactly as_of − 365 d = 2024-01-01 → not new, and that
    #       line (30) is outside the window; EDGE's 50 on 2024-06-01 counts as old.
    # NEW: first invoice one day later, 2024-01-02 → new, 50.
    # Window revenue: 100 + 50 + 50 = 200; from new customers 50 → 0.25.
    data = invoices(
        [
            ("OLD", "2023-06-01", 10),
            ("OLD", "2024-05-01", 100),
            ("EDGE", "2024-01-01", 30),
            ("EDGE", "2024-06-01", 50),
            ("NEW", "2024-01-02", 50),
            ("NEW", "2025-01-05", 999),  # after as_of
        ]
    )
    assert new_customer_revenue_share_12m(data, AS_OF) == pytest.approx(0.25)


def test_new_customers_12m_counts_first_invoices_inside_the_window():
    # the same edge as above: EDGE's first line is exactly as_of − 365 d, so it is not new;
    # NEW is (its later line after as_of changes nothing); a credit note is a first line too
    data = invoices(
        [
            ("OLD", "2023-06-01", 10),
            ("OLD", "2024-05-01", 100),
            ("EDGE", "2024-01-01", 30),
            ("NEW", "2024-01-02", 50),
            ("NEW", "2025-01-05", 999),
            ("CREDIT", "2024-08-01", -20),
            ("LATER", "2025-02-01", 10),  # after as_of: not a customer yet
        ]
    )
    assert new_customers_12m(data, AS_OF) == 2  # NEW and CREDIT


def test_new_customers_12m_is_nan_when_the_invoices_start_inside_the_window():
    data = invoices([("A", "2024-03-01", 10), ("B", "2024-06-01", 10)])
    assert math.isnan(new_customers_12m(data, AS_OF))  # "2 new of 2" would say nothing
    assert new_customer_revenue_share_reason(data, AS_OF) == DATA_STARTS_INSIDE_WINDOW


def test_new_customer_share_is_nan_without_window_revenue():
    data = invoices([("A", "2022-01-01", 100)])
    assert math.isnan(new_customer_revenue_share_12m(data, AS_OF))


def test_cohort_revenue_by_hand():
    # A won 2022: 100 in 2022, 50 in 2024. B won 2023: 70 in 2023, 30 in 2024.
    # Rows 2022, 2023; columns 2022, 2023, 2024; empty cells 0.
    data = invoices(
        [
            ("A", "2022-03-01", 100),
            ("B", "2023-03-01", 70),
            ("A", "2024-03-01", 50),
            ("B", "2024-04-01", 30),
        ]
    )
    table = cohort_revenue(data, AS_OF)
    assert list(table.index) == [2022, 2023]
    assert list(table.columns) == [2022, 2023, 2024]
    assert table.to_numpy().tolist() == [[100.0, 0.0, 50.0], [0.0, 70.0, 30.0]]
    # Each column adds up to that year's revenue.
    assert table[2024].sum() == 80


def test_retention_by_hand():
    # Earlier window (2023-01-01, 2024-01-01], recent window (2024-01-01, 2024-12-31].
    # Bought earlier: A (2023-05-01), B (2023-07-01), C (2024-01-01, closed right end).
    #   D bought on 2023-01-01 exactly → outside the earlier window.
    # Bought recently: A, C, D. B only got a credit note → did not buy.
    # Retention = |{A, C}| / |{A, B, C}| = 2 / 3.
    data = invoices(
        [
            ("A", "2023-05-01", 10),
            ("A", "2024-05-01", 10),
            ("B", "2023-07-01", 10),
            ("B", "2024-02-01", -10),
            ("C", "2024-01-01", 10),
            ("C", "2024-03-01", 10),
            ("D", "2023-01-01", 10),
            ("D", "2024-08-01", 10),
        ]
    )
    assert retention_12m(data, AS_OF) == pytest.approx(2 / 3)


def test_retention_nan_when_nobody_bought_in_the_earlier_window():
    data = invoices([("A", "2022-05-01", 10), ("A", "2024-05-01", 10)])
    assert math.isnan(retention_12m(data, AS_OF))
    assert retention_12m_reason(data, AS_OF) == NOBODY_BOUGHT_BEFORE


def test_a_company_whose_invoices_start_300_days_before_as_of_gets_no_100_percent():
    # Invoices from 2024-03-06 (300 days before as_of): everyone looks new and nobody
    # could have bought a year earlier. Both figures are missing, with the reason.
    data = invoices([("A", "2024-03-06", 100), ("B", "2024-06-01", 50), ("A", "2024-11-01", 80)])
    assert (AS_OF - data["date"].min()).days == 300
    assert math.isnan(new_customer_revenue_share_12m(data, AS_OF))
    assert math.isnan(retention_12m(data, AS_OF))
    figures = freshness_figures(data, AS_OF)
    assert figures["new_customer_revenue_share_12m_reason"] == DATA_STARTS_INSIDE_WINDOW
    assert figures["retention_12m_reason"] == DATA_STARTS_INSIDE_WINDOW
    assert math.isnan(prospecting_target(data, AS_OF)["new_customer_revenue_share_12m"])
    span = data_span(data, AS_OF)
    assert span == {
        "first_date": pd.Timestamp("2024-03-06"),
        "days": 300,
        "covers_12m": False,
        "covers_24m": False,
    }


def test_eighteen_months_of_invoices_give_the_new_share_but_not_retention():
    # from 2023-07-01: the last 12 months are covered, the 12 before only half
    data = invoices([("A", "2023-07-01", 100), ("A", "2024-03-01", 100), ("N", "2024-06-01", 300)])
    assert covers_window(data, AS_OF) and not covers_window(data, AS_OF, back=1)
    assert new_customer_revenue_share_12m(data, AS_OF) == pytest.approx(0.75)
    assert new_customer_revenue_share_reason(data, AS_OF) is None
    assert math.isnan(retention_12m(data, AS_OF))
    assert retention_12m_reason(data, AS_OF) == DATA_STARTS_INSIDE_WINDOW
    assert not data_span(data, AS_OF)["covers_24m"]


def test_a_window_is_covered_from_its_start_on():
    # the earlier window is (2023-01-01, 2024-01-01]: a first line on 2023-01-01 covers it
    data = invoices([("A", "2023-01-01", 10), ("A", "2024-05-01", 10)])
    assert covers_window(data, AS_OF, back=1)
    assert retention_12m_reason(data, AS_OF) == NOBODY_BOUGHT_BEFORE  # 2023-01-01 is outside
    later = invoices([("A", "2023-01-02", 10), ("A", "2024-05-01", 10)])
    assert not covers_window(later, AS_OF, back=1)
    nothing = invoices([("A", "2022-01-01", 10), ("A", "2023-06-01", -10)])
    assert new_customer_revenue_share_reason(nothing, AS_OF) == NO_REVENUE_12M
    assert data_span(nothing.iloc[:0], AS_OF)["first_date"] is None


def quotes(rows):
    """rows: ('YYYY-MM-DD', customer_id or None, prospect or None, amount, won)."""
    frame = pd.DataFrame(rows, columns=["date", "customer_id", "prospect", "amount", "won"])
    frame["date"] = pd.to_datetime(frame["date"])
    frame["amount"] = frame["amount"].astype(float)
    frame["won"] = frame["won"].astype(bool)
    return frame


def test_quote_figures_by_hand():
    # In the window: 4 quotes, won 100 and 300, lost 200 and 400.
    # count rate 2/4 = 0.5; value rate 400/1000 = 0.4.
    # Prospects (no customer_id): X twice, Y once → 2 distinct. The 2023 quote to Z
    # is outside the window.
    data = quotes(
        [
            ("2024-02-01", "A", None, 100, True),
            ("2024-03-01", None, "X", 300, True),
            ("2024-04-01", None, "X", 200, False),
            ("2024-05-01", None, "Y", 400, False),
            ("2023-05-01", None, "Z", 400, False),
        ]
    )
    figures = quote_figures(data, AS_OF)
    assert figures == {
        "quotes_12m": 4,
        "quote_win_rate_12m": pytest.approx(0.5),
        "quote_win_rate_value_12m": pytest.approx(0.4),
        "prospects_met_12m": 2,
    }


def test_quote_figures_without_quotes():
    empty = quote_figures(quotes([("2022-01-01", "A", None, 100, True)]), AS_OF)
    assert empty["quotes_12m"] == 0
    assert math.isnan(empty["quote_win_rate_12m"])
    assert math.isnan(empty["quote_win_rate_value_12m"])
    assert empty["prospects_met_12m"] == 0
    missing = quote_figures(None, AS_OF)
    assert all(math.isnan(value) for value in missing.values())


# --- prospecting target (its sentences: tests/words/test_freshness.py) ------------

from helpers.analysis.freshness import (  # noqa: E402
    first_year_revenue_of_new_customers,
)


def _lines(rows):
    data = pd.DataFrame(rows, columns=["customer_id", "date", "amount"])
    data["date"] = pd.to_datetime(data["date"])
    data["amount"] = data["amount"].astype(float)
    return data


# as_of 2024-12-31: the window is (2024-01-01, 2024-12-31], the year before
# (2023-01-01, 2024-01-01].
TARGET_LINES = [
    ("O", "2020-06-01", 500),  # old customer
    ("O", "2024-06-01", 800),
    ("P", "2023-03-01", 300),  # won the year before: first year [2023-03-01, 2024-02-29]
    ("P", "2024-02-01", 100),  #   → first-year revenue 300 + 100 = 400
    ("P", "2024-06-01", 500),  #   (after its first year)
    ("N", "2024-05-01", 200),  # won in the window
]


def test_first_year_revenue_uses_last_years_cohort():
    result = first_year_revenue_of_new_customers(_lines(TARGET_LINES), pd.Timestamp("2024-12-31"))
    assert result["average"] == pytest.approx(400.0)
    assert result["customers"] == 1 and result["basis"] == "complete_first_year"


def test_first_year_revenue_falls_back_to_this_years_new_customers():
    data = _lines([("O", "2020-06-01", 500), ("N", "2024-05-01", 200), ("M", "2024-09-01", 100)])
    result = first_year_revenue_of_new_customers(data, pd.Timestamp("2024-12-31"))
    assert result["average"] == pytest.approx(150.0) and result["customers"] == 2
    assert result["basis"] == "first_year_so_far"
    nobody = first_year_revenue_of_new_customers(data.iloc[:1], pd.Timestamp("2024-12-31"))
    assert math.isnan(nobody["average"]) and nobody["customers"] == 0
    assert nobody["basis"] == "nobody_won"


def test_prospecting_target_by_hand():
    as_of = pd.Timestamp("2024-12-31")
    plan = prospecting_target(_lines(TARGET_LINES), as_of, 0.20)
    assert plan["revenue_12m"] == 1600  # 800 + 100 + 500 + 200
    assert plan["new_customer_revenue_12m"] == 200 and plan["new_customers_12m"] == 1
    assert plan["new_customer_revenue_share_12m"] == pytest.approx(0.125)
    assert plan["target_new_revenue"] == pytest.approx(320.0)  # 0.2 × 1600
    assert plan["gap_to_target"] == pytest.approx(120.0)
    assert plan["first_year_revenue"] == pytest.approx(400.0)
    assert plan["first_year_customers"] == 1 and plan["basis"] == "complete_first_year"
    assert plan["new_customers_needed"] == 1  # ⌈320 / 400⌉
    assert prospecting_target(_lines(TARGET_LINES), as_of, 0.5)["new_customers_needed"] == 2
    assert prospecting_target(_lines(TARGET_LINES), as_of, 50)["target_new_share"] == 0.5


def test_prospecting_target_without_new_customers_cannot_count_them():
    plan = prospecting_target(
        _lines([("O", "2020-06-01", 500), ("O", "2024-06-01", 800)]), pd.Timestamp("2024-12-31")
    )
    assert plan["target_new_revenue"] == pytest.approx(160.0)
    assert math.isnan(plan["new_customers_needed"])
