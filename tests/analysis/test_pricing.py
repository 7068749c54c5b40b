"""Price erosion pinned on constructed data where the answer is known exactly."""

import math

import numpy as np
import pandas as pd
import pytest

from helpers.analysis.pricing import (
    PriceDataMissing,
    _t_quantile_975,
    erosion_cost_12m,
    erosion_per_tenure_year,
    price_gap_new_vs_tenured,
    price_index_by_tenure,
    tenure_price_table,
    unit_prices,
)

AS_OF = pd.Timestamp("2024-12-31")


def frame(rows, columns):
    data = pd.DataFrame(rows, columns=columns)
    data["date"] = pd.to_datetime(data["date"])
    for column in ("amount", "quantity", "unit_price"):
        if column in data:
            data[column] = data[column].astype(float)
    return data


def tenure(date, first):
    return (pd.Timestamp(date) - pd.Timestamp(first)).days / 365.25


# --- unit prices and their fallbacks ---------------------------------------------


def test_unit_price_column_wins_and_missing_values_fall_back_to_amount_over_quantity():
    data = frame(
        [
            ("A", "2024-01-01", 100, 4, 20.0),  # unit_price 20 is used, not 100 / 4
            ("A", "2024-02-01", 100, 4, None),  # missing → 100 / 4 = 25
            ("A", "2024-03-01", 100, 0, None),  # quantity 0 → no price
        ],
        ["customer_id", "date", "amount", "quantity", "unit_price"],
    )
    lines, source = unit_prices(data)
    assert lines["unit_price_used"].tolist()[:2] == [20.0, 25.0]
    assert math.isnan(lines["unit_price_used"].iloc[2])
    # the sentences: tests/words/test_pricing.py
    assert source == {
        "notes": ["no_product_column", "unit_price_filled", "not_priced"],
        "filled": 1,
        "left_out": 1,
        "lines": 3,
    }
    assert "unit_price_used" not in data  # the input is not changed


def test_without_unit_price_column_price_is_amount_over_quantity():
    data = frame(
        [("A", "2024-01-01", 90, 3, "X")],
        ["customer_id", "date", "amount", "quantity", "product"],
    )
    lines, source = unit_prices(data)
    assert lines["unit_price_used"].tolist() == [30.0]
    assert source["notes"] == ["no_unit_price_column"]


def test_without_quantity_and_unit_price_the_analysis_is_impossible():
    data = frame([("A", "2024-01-01", 90)], ["customer_id", "date", "amount"])
    with pytest.raises(PriceDataMissing, match="`quantity`.*`unit_price`") as missing:
        unit_prices(data)
    assert missing.value.code == "price_data_missing"
    with pytest.raises(PriceDataMissing):
        erosion_per_tenure_year(data, AS_OF)
    assert issubclass(PriceDataMissing, ValueError)


# --- price index ---------------------------------------------------------------


def test_price_index_by_hand():
    # Product A in 2023: prices 10, 12, 14 → median 12 → indices 10/12, 1, 14/12.
    # Product B in 2023: one line → index 1. The credit note (negative price) is left
    # out, and so is the 2025 line (after as_of). A line without a product name is
    # its own product "(no product)".
    # Tenure of X's 2023-01-01 line: X first appears 2022-01-01 → 365 days / 365.25.
    data = frame(
        [
            ("X", "2022-01-01", 5, 1, "B"),
            ("X", "2023-01-01", 10, 1, "A"),
            ("Y", "2023-02-01", 24, 2, "A"),
            ("Z", "2023-03-01", 42, 3, "A"),
            ("Z", "2023-04-01", -14, 1, "A"),
            ("Y", "2023-05-01", 7, 1, "B"),
            ("Y", "2023-06-01", 8, 1, None),
            ("Y", "2025-01-05", 99, 1, "A"),
        ],
        ["customer_id", "date", "amount", "quantity", "product"],
    )
    table = price_index_by_tenure(data, AS_OF)
    a = table[(table["product"] == "A")].sort_values("date")
    assert a["price_index"].tolist() == pytest.approx([10 / 12, 1.0, 14 / 12])
    assert a["tenure_years"].iloc[0] == pytest.approx(365 / 365.25)
    assert a["year"].tolist() == [2023, 2023, 2023]
    assert set(table["product"]) == {"A", "B", "(no product)"}
    assert len(table) == 6
    b_2023 = table[(table["product"] == "B") & (table["year"] == 2023)]
    assert b_2023["price_index"].tolist() == [1.0]


def test_no_product_column_means_one_product():
    data = frame(
        [("A", "2024-01-01", 10, 1), ("B", "2024-02-01", 30, 1)],
        ["customer_id", "date", "amount", "quantity"],
    )
    table = price_index_by_tenure(data, AS_OF)
    assert set(table["product"]) == {"all products"}
    # One product, median of 10 and 30 = 20 → 0.5 and 1.5.
    assert table["price_index"].tolist() == [0.5, 1.5]


# --- erosion per tenure year ---------------------------------------------------


def erosion_dataset(price_of):
    """Two products; each year 2020–2024 three new customers buy once at tenure 0,
    and two long-standing customers L1, L2 (first invoice 2020-02-10) buy again on
    other dates. Each product-year therefore has 3 tenure-0 lines and at most 2
    tenured lines, so the median line is a tenure-0 line: the median price is the
    list price of that year, and ln(price index) = ln(price / list price) exactly.

    price_of(list_price, year, tenure_years) → unit price.
    """
    lists = {"A": 100.0, "B": 250.0}
    rows = []
    first = {"L1": "2020-02-10", "L2": "2020-02-10"}
    for year in range(2020, 2025):
        for k in range(3):
            customer = f"N{year}{k}"
            first[customer] = f"{year}-02-10"
        buys = [(f"N{year}{k}", f"{year}-02-10") for k in range(3)]
        if year == 2020:
            buys += [("L1", "2020-02-10"), ("L2", "2020-02-10")]
        else:
            buys += [("L1", f"{year}-05-17"), ("L2", f"{year}-09-03")]
        for customer, date in buys:
            for product, list_price in lists.items():
                price = price_of(list_price, year, tenure(date, first[customer]))
                rows.append((customer, date, 2 * price, 2.0, product))
    return frame(rows, ["customer_id", "date", "amount", "quantity", "product"])


def test_erosion_is_exactly_three_percent_when_prices_fall_3_percent_per_year():
    # price = list × 0.97^tenure → ln(index) = tenure · ln 0.97 → exp(b) − 1 = −0.03.
    data = erosion_dataset(lambda list_price, year, t: list_price * 0.97**t)
    result = erosion_per_tenure_year(data, AS_OF)
    assert result["erosion_per_tenure_year"] == pytest.approx(-0.03, abs=1e-9)
    assert result["lines_used"] == 5 * 5 * 2
    assert result["se_method"] == "cluster-robust by customer"
    assert result["reason"] is None
    assert result["tenure_spread_years"] == pytest.approx(tenure("2024-09-03", "2020-02-10"))
    # A perfect fit: the interval collapses onto the estimate.
    assert result["erosion_ci_low"] == pytest.approx(-0.03, abs=1e-6)
    assert result["erosion_ci_high"] == pytest.approx(-0.03, abs=1e-6)


def test_no_erosion_when_price_depends_only_on_the_year():
    # 5 % price rise each calendar year for everybody: every index is 1 → erosion 0.
    data = erosion_dataset(lambda list_price, year, t: list_price * 1.05 ** (year - 2020))
    result = erosion_per_tenure_year(data, AS_OF)
    assert result["erosion_per_tenure_year"] == pytest.approx(0.0, abs=1e-12)


def test_erosion_two_customers_by_hand_with_cluster_robust_interval():
    # A first 2020-03-01 at 100 (alone in 2020 → index 1, tenure 0).
    # 2022-03-01: A pays 90 (tenure T = 730 / 365.25), new B pays 110 (tenure 0);
    # median 100 → indices 0.9 and 1.1.
    # Points (x, ln index): (0, 0), (T, ln 0.9), (0, ln 1.1).
    # x̄ = T/3; centred x = (−T/3, 2T/3, −T/3); Sxx = 2T²/3;
    # Sxy = (T/3)(2 ln 0.9 − ln 1.1) → b = (2 ln 0.9 − ln 1.1) / (2T).
    data = frame(
        [
            ("A", "2020-03-01", 100, 1),
            ("A", "2022-03-01", 90, 1),
            ("B", "2022-03-01", 110, 1),
        ],
        ["customer_id", "date", "amount", "quantity"],
    )
    T = 730 / 365.25
    b = (2 * math.log(0.9) - math.log(1.1)) / (2 * T)
    result = erosion_per_tenure_year(data, AS_OF)
    assert result["erosion_per_tenure_year"] == pytest.approx(math.expm1(b), abs=1e-12)
    assert result["customers_used"] == 2

    # Independent check of the interval: sandwich (X'X)⁻¹ M (X'X)⁻¹ with the
    # CR1 factor G/(G−1) · (N−1)/(N−K) = 2 · 2 = 4 and t(1 df) = tan(0.475 π) = 12.7062.
    X = np.array([[1, 0], [1, T], [1, 0]])
    y = np.log([1.0, 0.9, 1.1])
    coef = np.linalg.lstsq(X, y, rcond=None)[0]
    u = y - X @ coef
    bread = np.linalg.inv(X.T @ X)
    s_a = X[:2].T @ u[:2]
    s_b = X[2:].T @ u[2:]
    meat = np.outer(s_a, s_a) + np.outer(s_b, s_b)
    se = math.sqrt((bread @ meat @ bread)[1, 1] * 4)
    t = math.tan(0.475 * math.pi)  # Student's t with 1 df is Cauchy
    assert result["erosion_ci_low"] == pytest.approx(math.expm1(b - t * se))
    assert result["erosion_ci_high"] == pytest.approx(math.expm1(b + t * se))


def test_single_customer_uses_plain_ols_standard_error():
    # One customer, two lines a year for three years: the slope exists (within-year
    # differences), the cluster-robust error does not → plain OLS error.
    rows = [
        ("A", f"{year}-{month:02d}-01", price, 1)
        for year, pair in zip((2022, 2023, 2024), ((100, 98), (100, 97), (100, 99)), strict=True)
        for month, price in zip((1, 7), pair, strict=True)
    ]
    data = frame(rows, ["customer_id", "date", "amount", "quantity"])
    result = erosion_per_tenure_year(data, AS_OF)
    table = price_index_by_tenure(data, AS_OF)
    slope = np.polyfit(table["tenure_years"], np.log(table["price_index"]), 1)[0]
    assert result["erosion_per_tenure_year"] == pytest.approx(math.expm1(slope))
    assert result["se_method"] == "plain OLS (only one customer)"
    assert result["erosion_ci_low"] < result["erosion_per_tenure_year"]
    assert result["erosion_per_tenure_year"] < result["erosion_ci_high"]


def test_less_than_a_year_of_tenure_gives_nan_and_a_reason():
    # Everybody was won in 2024: tenure spans under a year.
    data = frame(
        [("A", "2024-01-01", 100, 1), ("A", "2024-11-01", 90, 1), ("B", "2024-03-01", 100, 1)],
        ["customer_id", "date", "amount", "quantity"],
    )
    result = erosion_per_tenure_year(data, AS_OF)
    assert math.isnan(result["erosion_per_tenure_year"])
    assert math.isnan(result["erosion_ci_low"])
    assert result["reason"] == "tenure_too_short"  # in words: tests/words/test_pricing.py
    assert result["tenure_spread_years"] == pytest.approx(tenure("2024-11-01", "2024-01-01"))
    assert result["lines_used"] == 3


def test_fewer_than_three_lines_gives_nan_and_a_reason():
    data = frame(
        [("A", "2020-01-01", 100, 1), ("A", "2024-01-01", 90, 1)],
        ["customer_id", "date", "amount", "quantity"],
    )
    result = erosion_per_tenure_year(data, AS_OF)
    assert math.isnan(result["erosion_per_tenure_year"])
    assert result["reason"] == "too_few_lines"


def test_t_quantiles():
    # 1 df: the Cauchy distribution, tan(π (p − ½)); 2 df: (2p − 1) / √(2p(1 − p))
    assert _t_quantile_975(1) == pytest.approx(math.tan(0.475 * math.pi), abs=1e-9)
    assert _t_quantile_975(2) == pytest.approx(0.95 / math.sqrt(2 * 0.975 * 0.025), abs=1e-9)
    assert _t_quantile_975(10) == pytest.approx(2.228, abs=1e-3)  # the printed tables
    assert _t_quantile_975(40) == pytest.approx(2.0211, abs=1e-3)
    assert _t_quantile_975(1000) == pytest.approx(1.9623, abs=1e-3)
    assert math.isnan(_t_quantile_975(0))


# --- new vs long-standing ------------------------------------------------------


def test_price_gap_new_vs_tenured_by_hand():
    # Product A in 2024: new customer N pays 100 twice (tenure < 1),
    # M (first invoice 2022-06-01, tenure ≈ 2) pays 90, L (first 2020-06-01, ≈ 4) pays 80.
    # Median of 100, 100, 90, 80 = 95 → new 100/95, between 90/95, long 80/95;
    # gap = (80/95) / (100/95) − 1 = −20 %.
    # M's and L's first invoices are for product X (index 1, both "new").
    data = frame(
        [
            ("L", "2020-06-01", 50, 1, "X"),
            ("M", "2022-06-01", 50, 1, "X"),
            ("N", "2024-03-01", 100, 1, "A"),
            ("N", "2024-06-01", 100, 1, "A"),
            ("M", "2024-06-01", 90, 1, "A"),
            ("L", "2024-06-01", 80, 1, "A"),
        ],
        ["customer_id", "date", "amount", "quantity", "product"],
    )
    table = price_gap_new_vs_tenured(data, AS_OF)
    assert list(table.index) == ["A", "X", "all products"]
    a = table.loc["A"]
    assert a["new_median_index"] == pytest.approx(100 / 95)
    assert a["between_median_index"] == pytest.approx(90 / 95)
    assert a["long_standing_median_index"] == pytest.approx(80 / 95)
    assert a["gap_long_vs_new_pct"] == pytest.approx(-20.0)
    assert (a["new_lines"], a["between_lines"], a["long_standing_lines"]) == (2, 1, 1)
    # Product X has only new lines: no gap.
    assert math.isnan(table.loc["X", "gap_long_vs_new_pct"])
    assert table.loc["all products", "new_lines"] == 4


# --- money lost ----------------------------------------------------------------

COST_COLUMNS = ["customer_id", "date", "amount", "quantity", "unit_price", "product"]
COST_ROWS = [
    ("T", "2020-01-01", 100, 1, 100, "A"),
    ("T2", "2019-01-01", 100, 1, 100, "A"),
    ("N", "2024-06-01", 1000, 10, 100, "A"),  # new customer: reference price 100
    ("T", "2024-06-01", 450, 5, 90, "A"),  # 5 × (100 − 90) = 50
    ("T", "2024-08-01", 180, None, 90, "A"),  # quantity = 180 / 90 = 2 → 2 × 10 = 20
    ("T2", "2024-06-01", 220, 2, 110, "A"),  # 2 × (100 − 110) = −20 (net figure)
    ("T", "2024-09-01", 50, 1, 50, "B"),  # no new customer bought B in 2024: skipped
    ("T", "2023-12-01", 250, 5, 50, "A"),  # before the window
]


def test_erosion_cost_by_hand():
    # Cost = 50 + 20 − 20 = 50. Window revenue = 1000 + 450 + 180 + 220 + 50 = 1900.
    result = erosion_cost_12m(frame(COST_ROWS, COST_COLUMNS), AS_OF)
    assert result["erosion_cost_12m"] == pytest.approx(50.0)
    assert result["erosion_cost_share_12m"] == pytest.approx(50 / 1900)
    assert result["tenured_lines_12m"] == 4
    assert result["lines_compared"] == 3
    assert result["note"] == "compared" and result["new_max_years"] == 1.0


def test_erosion_cost_without_new_customers_is_nan():
    rows = [row for row in COST_ROWS if row[0] != "N"]
    result = erosion_cost_12m(frame(rows, COST_COLUMNS), AS_OF)
    assert math.isnan(result["erosion_cost_12m"])
    assert result["note"] == "no_new_customer_price"


def test_erosion_cost_without_tenured_buyers_is_zero():
    rows = [row for row in COST_ROWS if row[0] == "N"]
    result = erosion_cost_12m(frame(rows, COST_COLUMNS), AS_OF)
    assert result["erosion_cost_12m"] == 0.0 and result["note"] == "no_tenured_buyers"


def test_tenure_price_table_by_hand():
    # Same data as the two-customer test: tenure years 0 (A 2020), 1.9986 → 1 (A 2022),
    # 0 (B 2022). Year 0: indices 1 and 1.1 → mean 1.05; year 1: 0.9.
    data = frame(
        [
            ("A", "2020-03-01", 100, 1),
            ("A", "2022-03-01", 90, 1),
            ("B", "2022-03-01", 110, 1),
        ],
        ["customer_id", "date", "amount", "quantity"],
    )
    table = tenure_price_table(data, AS_OF)
    assert list(table.index) == [0, 1]
    assert table["lines"].tolist() == [2, 1]
    assert table["customers"].tolist() == [2, 1]
    assert table["mean_price_index"].tolist() == pytest.approx([1.05, 0.9])
    assert table["median_price_index"].tolist() == pytest.approx([1.05, 0.9])


# --- one-call analysis, price review (their sentences: tests/words/test_pricing.py) ---

from helpers.analysis.pricing import (  # noqa: E402
    price_analysis,
    price_review_candidates,
)

PRICE_REVIEW_ROWS = [
    ("A", "2020-01-01", 80, 1, "X"),  # A: first invoice, 5 years before as_of
    ("A", "2024-06-01", 90, 1, "X"),  # 2024 median of X is 100 → index 0.9
    ("B", "2024-03-01", 110, 1, "X"),  # B: under 3 years → left out
    ("C", "2021-01-01", 70, 1, "X"),
    ("C", "2024-07-01", 100, 1, "X"),  # index 1.0
]
PRICE_REVIEW_COLUMNS = ["customer_id", "date", "amount", "quantity", "product"]
WITHOUT_PRICES = [("A", "2023-01-01", 100), ("A", "2024-06-01", 90)]


def test_price_analysis_never_raises_without_prices():
    data = frame(WITHOUT_PRICES, ["customer_id", "date", "amount"])
    analysis = price_analysis(data, AS_OF)
    assert analysis["available"] is False
    assert analysis["unit_prices"]["notes"] == ["price_data_missing"]
    assert analysis["by_tenure"].empty and analysis["lines"].empty and analysis["gap"].empty
    assert math.isnan(analysis["erosion"]["erosion_per_tenure_year"])
    assert math.isnan(analysis["cost"]["erosion_cost_12m"])
    assert analysis["erosion"]["reason"] == analysis["cost"]["note"] == "no_unit_prices"


def test_price_analysis_with_prices_matches_the_single_functions():
    data = frame(
        [
            ("A", "2021-01-01", 100, 1, "X"),
            ("A", "2024-06-01", 90, 1, "X"),
            ("B", "2024-06-01", 110, 1, "X"),
            ("C", "2024-07-01", 100, 1, "X"),
        ],
        ["customer_id", "date", "amount", "quantity", "product"],
    )
    analysis = price_analysis(data, AS_OF)
    assert analysis["available"] is True
    assert analysis["erosion"] == erosion_per_tenure_year(data, AS_OF)
    assert analysis["cost"] == erosion_cost_12m(data, AS_OF)
    assert analysis["unit_prices"] == unit_prices(data)[1]


def test_price_review_candidates_by_hand():
    data = frame(PRICE_REVIEW_ROWS, PRICE_REVIEW_COLUMNS)
    names = pd.Series({"A": "Alpha Oy"})
    review = price_review_candidates(data, AS_OF, min_tenure_years=3, names=names)
    assert review.index.tolist() == ["A", "C"]  # lowest price index first
    assert review["name"].tolist() == ["Alpha Oy", "C"]  # unknown names fall back to the id
    assert review.loc["A", "price_index_12m"] == pytest.approx(0.9)
    assert review.loc["A", "catch_up_12m"] == pytest.approx(10.0)  # 1 × (100 − 90)
    assert review.loc["C", "catch_up_12m"] == pytest.approx(0.0)
    assert review.loc["A", "tenure_years"] == pytest.approx(tenure("2024-12-31", "2020-01-01"))
    assert review.loc["A", "revenue_12m"] == 90
    assert price_review_candidates(data, AS_OF, top=1).index.tolist() == ["A"]
    assert price_review_candidates(data, AS_OF, min_tenure_years=6).empty
    without_prices = data.drop(columns=["quantity"])
    assert price_review_candidates(without_prices, AS_OF).empty
