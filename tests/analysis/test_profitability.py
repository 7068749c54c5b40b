"""Profit after cost-to-serve (``helpers.analysis.profitability``), pinned on examples small
enough to check by hand. The whale curve and the price map: test_profit_spread; the
shortlist: test_shortlist."""

import pandas as pd
import pytest

from helpers.analysis import profit_spread, shortlist
from helpers.analysis import profitability as p

AS_OF = pd.Timestamp("2025-12-31")
COLUMNS = [
    "invoice_id",
    "customer_id",
    "date",
    "product",
    "quantity",
    "list_price",
    "amount",
    "cost",
]


def invoices(rows, columns=COLUMNS):
    frame = pd.DataFrame(rows, columns=columns)
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def hours(rows):
    frame = pd.DataFrame(rows, columns=["customer_id", "date", "hours", "billable"])
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


@pytest.fixture
def example():
    lines = invoices(
        [
            # A: list 300, paid 240 (discount 60 = 20 %), cost 100 -> margin 140
            ("I1", "A", "2025-03-01", "Design", 1, 100, 90, 40),
            ("I2", "A", "2025-06-01", "Welding", 1, 200, 150, 60),
            ("I0", "A", "2024-06-01", "Design", 1, 100, 120, 40),  # the year before
            ("I9", "A", "2026-01-05", "Design", 1, 100, 999, 0),  # after as_of: ignored
            # B: 200 + a rush surcharge of 30 on the same invoice, then a credit note of 20
            ("I3", "B", "2025-09-01", "Welding", 2, 100, 200, 50),
            ("I3", "B", "2025-09-01", "Pikalisä", 1, 30, 30, 0),
            ("I4", "B", "2025-10-01", "Welding", -1, 100, -20, 0),
            # C: invoiced only long ago, but hours logged in the window
            ("I5", "C", "2023-01-10", "Design", 1, 100, 100, 10),
        ]
    )
    logged = hours(
        [
            ("A", "2025-03-01", 2.0, True),
            ("A", "2025-03-02", 1.0, False),
            ("B", "2025-09-01", 10.0, False),
            ("C", "2025-05-05", 5.0, True),
            ("Z", "2025-05-05", 50.0, False),  # never invoiced: left out
            ("A", "2024-01-01", 99.0, False),  # before the window
        ]
    )
    return lines, logged


def test_account_economics_by_hand(example):
    lines, logged = example
    table = p.account_economics(lines, logged, AS_OF, hourly_cost=40.0)
    assert list(table.index) == ["A", "B", "C"]  # by revenue: 240, 210, 0
    a, b, c = table.loc["A"], table.loc["B"], table.loc["C"]
    assert a["revenue"] == pytest.approx(240) and a["revenue_prev"] == pytest.approx(120)
    assert a["trend"] == pytest.approx(1.0)
    assert a["list_value"] == pytest.approx(300) and a["discount"] == pytest.approx(60)
    assert a["discount_share"] == pytest.approx(0.2)
    assert a["margin"] == pytest.approx(140) and a["hours"] == pytest.approx(3)
    assert a["unbilled_share"] == pytest.approx(1 / 3)
    assert a["hours_cost"] == pytest.approx(120) and a["profit"] == pytest.approx(20)
    assert a["revenue_per_hour"] == pytest.approx(80)
    assert a["margin_per_hour"] == pytest.approx(140 / 3)
    assert a["orders"] == 2 and a["rush_orders"] == 0 and a["credit_notes"] == 0
    # B: revenue 200 + 30 − 20 = 210; the credit note is already out of revenue
    assert b["revenue"] == pytest.approx(210) and b["credited"] == pytest.approx(20)
    assert b["credit_notes"] == 1 and b["credited_share"] == pytest.approx(20 / 230)
    assert b["orders"] == 1 and b["rush_orders"] == 1 and b["rush_share"] == pytest.approx(1)
    assert b["discount"] == pytest.approx(0)  # paid list price on the positive lines
    assert b["margin"] == pytest.approx(160) and b["profit"] == pytest.approx(160 - 400)
    assert b["unbilled_share"] == pytest.approx(1.0)
    assert pd.isna(b["trend"])  # nothing the year before
    # C: no revenue in the window, 5 hours cost 200
    assert c["revenue"] == 0 and c["profit"] == pytest.approx(-200)
    assert pd.isna(c["revenue_per_hour"]) is False and c["revenue_per_hour"] == 0


def test_without_cost_hours_or_list_price_only_revenue_is_known(example):
    lines, _ = example
    bare = lines[["customer_id", "date", "amount"]]
    table = p.account_economics(bare, None, AS_OF)
    assert table["revenue"].notna().all()
    for column in ("margin", "hours", "profit", "discount_share", "rush_orders"):
        assert table[column].isna().all(), column
    missing = p.what_is_missing(bare, None, None)
    assert missing == {"cost", "hours", "hourly_cost", "list_price", "profit"}
    assert p.what_is_missing(*example, 40.0) == set()
    assert p.what_is_missing(lines, None, 40.0) == {"hours", "profit"}  # the sentences: tests/words


def test_without_hourly_cost_there_is_margin_but_no_profit(example):
    table = p.account_economics(*example, AS_OF, hourly_cost=None)
    assert table["margin"].notna().all() and table["profit"].isna().all()


def test_rush_products_are_found_by_name():
    lines = invoices(
        [
            ("1", "A", "2025-01-01", name, 1, 1, 1, 0)
            for name in ("Pikalisä", "Rush fee", "Expresstillägg", "Design", "Pikkuosa")
        ]
    )
    assert p.rush_products(lines) == ["Expresstillägg", "Pikalisä", "Rush fee"]


def test_one_customer_one_line():
    # the smallest case through every step: the table, the whale, the shortlist, the map
    lines = invoices([("1", "A", "2025-06-01", "Design", 2, 50, 100, 30)])
    logged = hours([("A", "2025-06-01", 1.0, True)])
    table = p.account_economics(lines, logged, AS_OF, hourly_cost=40.0)
    assert table.loc["A", "profit"] == pytest.approx(30) and len(table) == 1
    figures = profit_spread.whale_figures(table["profit"])
    assert figures["top20_profit_share"] == 1.0 and figures["whale_peak_share"] == 1.0
    assert figures["accounts_losing_money"] == 0
    listed = shortlist.shortlist(table)
    assert listed["action"].tolist() == [shortlist.KEEP]
    assert profit_spread.price_cost_map(table)["quadrant"].tolist() == ["pays well, cheap to serve"]


def reviewed_lines():
    """X since 1 Feb 2023: 1000 in 2023 (cost 400), 1000 in 2024 (cost 500), 1000 in 2025
    (cost 300) and a credit note of 100; Y bought 100 in 2025. X's 10 unbilled hours in 2025."""
    lines = invoices(
        [
            ("1", "X", "2023-02-01", "Design", 1, 1000, 1000, 400),
            ("2", "X", "2024-06-01", "Design", 1, 1000, 1000, 500),
            ("3", "X", "2025-06-01", "Design", 1, 1000, 1000, 300),
            ("4", "X", "2025-07-01", "Design", -1, 100, -100, 0),
            ("5", "Y", "2025-08-01", "Design", 1, 100, 100, 50),
        ]
    )
    return lines, hours([("X", "2025-06-01", 10.0, False)])


@pytest.fixture
def reviewed():
    return reviewed_lines()


def test_account_review_one_account_year_by_year(reviewed):
    lines, logged = reviewed
    review = p.account_review(lines, logged, AS_OF, "X", hourly_cost=40.0)
    assert review["first_invoice"] == pd.Timestamp("2023-02-01")
    years = (AS_OF - pd.Timestamp("2023-02-01")).days / 365.25  # 1064 days: 2.91 years
    assert review["years_as_customer"] == pytest.approx(years)
    assert review["revenue_since_first"] == pytest.approx(2900)
    assert review["revenue_per_year"] == pytest.approx(2900 / years)
    assert review["revenue_share_12m"] == pytest.approx(900 / 1000)
    table = review["years"]
    assert len(table) == 3 and table["end"].iloc[-1] == AS_OF  # the oldest first
    assert table["revenue"].tolist() == pytest.approx([1000, 1000, 900])
    assert table["margin"].tolist() == pytest.approx([600, 500, 600])
    assert table["hours"].tolist() == [0, 0, 10]  # hours.csv exists: no hours is 0
    assert table["profit"].tolist() == pytest.approx([600, 500, 600 - 400])
    last = table.iloc[-1]
    assert last["trend"] == pytest.approx(-0.1) and last["profit_per_hour"] == pytest.approx(20)
    assert last["unbilled_share"] == 1 and last["credit_notes"] == 1 and last["credited"] == 100
    assert last["orders"] == 1


def test_account_review_of_a_young_account_the_largest_by_default_and_an_unknown_id(reviewed):
    lines, _ = reviewed
    bare = lines[["customer_id", "date", "amount"]]
    largest = p.account_review(bare, None, AS_OF)  # no id: the largest of the last 12 months
    assert largest["customer_id"] == "X" and largest["years"]["margin"].isna().all()
    young = p.account_review(bare, None, AS_OF, "Y", years=3)
    assert len(young["years"]) == 1  # a customer for less than a year: one window
    assert young["revenue_per_year"] == pytest.approx(100 / (152 / 365.25))  # since 1 Aug
    unknown = p.account_review(bare, None, AS_OF, "Z")
    assert pd.isna(unknown["first_invoice"]) and unknown["years"]["revenue"].tolist() == [0]
