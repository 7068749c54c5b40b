"""Profit after cost-to-serve, the whale curve, the price map and the shortlist, pinned on
examples small enough to check by hand."""

import pandas as pd
import pytest

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
    assert set(missing) == {"cost", "hours", "hourly_cost", "list_price", "profit"}
    assert "hours.csv" in missing["profit"] and "cost" in missing["profit"]
    assert p.what_is_missing(*example, 40.0) == {}


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


def test_whale_curve_and_figures_by_hand():
    profit = pd.Series({"a": 60.0, "b": -10.0, "c": 50.0})
    curve = p.whale_curve(profit)
    assert curve["profit_share"].tolist() == pytest.approx([0, 0.6, 1.1, 1.0])
    assert curve["customer_share"].tolist() == pytest.approx([0, 1 / 3, 2 / 3, 1])
    assert curve["customer_id"].tolist() == ["", "a", "c", "b"]
    figures = p.whale_figures(profit)
    assert figures["accounts"] == 3 and figures["accounts_losing_money"] == 1
    assert figures["accounts_losing_money_share"] == pytest.approx(1 / 3)
    assert figures["loss_total"] == pytest.approx(10) and figures["profit_total"] == 100
    assert figures["top20_profit_share"] == pytest.approx(0.6)  # ⌈0.6⌉ = 1 account
    assert figures["whale_peak_share"] == pytest.approx(1.1)
    assert figures["whale_peak_accounts_share"] == pytest.approx(2 / 3)


def test_whale_figures_without_profit_or_with_a_total_loss():
    empty = p.whale_figures(pd.Series([float("nan")] * 2))
    assert empty["accounts"] == 0 and empty["accounts_losing_money"] is None
    losing = p.whale_figures(pd.Series([10.0, -30.0]))
    assert losing["accounts_losing_money_share"] == 0.5
    assert pd.isna(losing["top20_profit_share"]) and pd.isna(losing["whale_peak_share"])
    assert p.whale_curve(pd.Series([10.0, -30.0]))["profit_share"].isna().all()


def test_price_cost_map_quadrants():
    table = pd.DataFrame(
        {
            "revenue": [100.0, 100.0, 100.0, 100.0],
            "discount_share": [0.0, 0.0, 0.3, 0.3],
            "hours_cost": [10.0, 80.0, 10.0, 80.0],
            "profit": [50.0, 5.0, 20.0, -40.0],
        },
        index=pd.Index(list("abcd"), name="customer_id"),
    )
    frame = p.price_cost_map(table)
    # weighted medians: lower middle value -> price line 0.7, cost line 0.1
    assert frame.attrs["price_line"] == pytest.approx(0.7)
    assert frame.attrs["cost_line"] == pytest.approx(0.1)
    assert frame["quadrant"].tolist() == [
        "pays well, cheap to serve",
        "pays well, costly to serve",
        "pays well, cheap to serve",  # at the price line counts as paying well
        "pays well, costly to serve",
    ]
    assert frame.loc["d", "cost_to_serve"] == pytest.approx(0.8)
    assert p.price_cost_map(table.assign(discount_share=float("nan"))).empty


def economics(rows):
    """rows: id -> (revenue, profit, discount_share, unbilled_share, credit_notes, rush_share)."""
    frame = pd.DataFrame.from_dict(
        rows,
        orient="index",
        columns=[
            "revenue",
            "profit",
            "discount_share",
            "unbilled_share",
            "credit_notes",
            "rush_share",
        ],
    )
    frame.index.name = "customer_id"
    frame["margin"] = frame["profit"] + 100
    frame["orders"] = 10
    frame["rush_orders"] = frame["rush_share"] * 10
    frame["unbilled_hours"] = frame["unbilled_share"] * 100
    frame["credited"] = frame["credit_notes"] * 50.0
    return frame


def test_shortlist_rules_by_hand():
    table = economics(
        {
            "P": (5000, -100, 0.30, 0.1, 0, 0.0),  # big (top 2 of 7 by revenue), loses
            "U": (6000, 1000, 0.05, 0.1, 0, 0.0),  # makes most of the profit
            "Q": (500, -50, 0.30, 0.5, 3, 0.0),  # three burdens, small
            "R": (400, -40, 0.05, 0.1, 0, 0.2),  # squeezed deadlines only
            "S": (300, -30, 0.05, 0.1, 4, 0.0),  # disputes only
            "T": (200, -20, 0.05, 0.1, 0, 0.0),  # loses, no sign
            "V": (100, 10, 0.05, 0.1, 0, 0.0),  # small profit: not listed
        }
    )
    listed = p.shortlist(table).set_index("customer_id")
    assert listed["action"].to_dict() == {
        "P": p.REPRICE,
        "Q": p.COMPETITOR,
        "R": p.NO_SLOTS,
        "S": p.PREPAY,
        "T": p.REPRICE,
        "U": p.KEEP,
    }
    assert list(listed.index) == ["P", "Q", "R", "S", "T", "U"]  # biggest loss first
    assert "loses €100" in listed.loc["P", "why"] and "30% below list" in listed.loc["P", "why"]
    assert "big share of your cash flow" in listed.loc["P", "why"]
    assert (
        "50% of the hours" in listed.loc["Q", "why"] and "3 credit notes" in listed.loc["Q", "why"]
    )
    assert "2 of 10 orders in a rush" in listed.loc["R", "why"]
    assert "makes 99% of all profit" in listed.loc["U", "why"]
    flagged = p.shortlist(table, flagged=pd.Series({"T": True})).set_index("customer_id")
    assert "not a reason to keep a loss" in flagged.loc["T", "why"]
    assert list(p.shortlist(table).columns) == ["customer_id", "name", "action", "why"]


def test_shortlist_on_revenue_only_suggests_only_delight():
    nan = float("nan")
    table = economics({"A": (900, nan, nan, nan, 0, nan), "B": (100, nan, nan, nan, 0, nan)})
    table["profit"] = table["margin"] = float("nan")
    listed = p.shortlist(table)
    assert listed["action"].tolist() == [p.KEEP]
    assert listed["why"].iloc[0] == "makes 90% of all revenue"


def test_shortlist_text_names_every_account_and_the_reminder():
    table = economics({"P": (5000, -100, 0.3, 0.5, 3, 0.3), "U": (6000, 900, 0.0, 0.1, 0, 0.0)})
    listed = p.shortlist(table, names=pd.Series({"P": "Pulla Oy"}))
    text = p.shortlist_text(listed)
    assert "Pulla Oy (P)" in text and "U (U)" in text
    assert "SUGGEST A COMPETITOR THAT FITS THEM BETTER (1)" in text  # P is not the bigger one
    assert "never speak badly" in p.shortlist_in_words(listed)


def test_sample_demanding_accounts_are_shortlisted_with_the_right_reason(companies):
    from helpers.company.folder import load_company, resolve_as_of

    company = load_company(None)
    as_of = resolve_as_of(company.invoices, None)
    table = p.account_economics(
        company.invoices, company.hours, as_of, company.settings["hourly_cost"]
    )
    # the planted demanding accounts: 24–36 % off list over the whole history
    inv = company.invoices
    listed_value = (inv["list_price"] * inv["quantity"]).where(inv["amount"] > 0)
    paid = inv["amount"].where(inv["amount"] > 0)
    discount = (
        1 - paid.groupby(inv["customer_id"]).sum() / listed_value.groupby(inv["customer_id"]).sum()
    )
    demanding = set(discount[(discount >= 0.24) & (discount <= 0.36)].index)
    assert len(demanding) == 6
    listed = p.shortlist(table, company.customer_names()).set_index("customer_id")
    changed = listed[listed["action"] != p.KEEP]
    assert set(changed.index) == demanding  # all of them, and no one else
    for why in changed["why"]:
        assert "loses" in why and "below list price" in why and "never invoiced" in why
        assert "in a rush" in why
    assert "Rakennusliike Jokela Oy" in set(changed["name"])
    figures = p.whale_figures(table["profit"])
    assert figures["accounts_losing_money"] == 6
    assert 0.6 <= figures["top20_profit_share"] <= 0.9
