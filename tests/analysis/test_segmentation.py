"""Value-based segmentation on a hand-made company whose every figure can be checked by hand.

as_of = 2025-12-31, so the last 12 months are (2024-12-31, 2025-12-31] and the 12 before
are (2024-01-01, 2024-12-31] (2024 is a leap year: 365 days back from 2024-12-31 is 01-01).

    customer  lines                          12 m   12 m before  all years  wallet  owner
    A         2024-06 1000, 2025-06 3000     3000   1000         4000       10000   Liisa
    B         2024-06 2000, 2025-03 1500     1500   2000         3500        1600   ''
    C         2024-05  500, 2025-05  450      450    500          950           –   Matti
    D         2025-08  800 (new)              800      0          800           –   (no row)
    E         2024-03  700                      0    700          700           –   Matti
    F         2022-02  300                      0      0          300           –   –
    G         2025-04  200, 2025-09 −250      −50      0          −50           –   –
    H         2024-02  400, 2025-02  440      440    400          840           0   –

Bought in the last 12 months: A, B, C, D, G, H (G has a positive line) → n = 6, the top
⌈0.2 · 6⌉ = 2 by value are high: A, B.
Potential: A wallet 1 − 3000/10000 = 0.70 (high); B 1 − 1500/1600 = 0.0625 (low);
C growth 450/500 − 1 = −0.10 (low); D new (high); G new (high); H wallet 0 = unknown, so
growth 440/400 − 1 = +0.10 (at the cut-off: high).
Segments: A key account, B keep, D G H develop, C serve, E F dormant (E bought in the
12 months before: a "why did you stop" call).
"""

import math

import numpy as np
import pandas as pd
import pytest

from helpers.analysis import segmentation as seg
from helpers.analysis.concentration import concentration_figures

AS_OF = pd.Timestamp("2025-12-31")


@pytest.fixture
def invoices():
    rows = [
        ("A", "2024-06-15", 1000, 600),
        ("A", "2025-06-15", 3000, 2000),
        ("B", "2024-06-15", 2000, 1500),
        ("B", "2025-03-15", 1500, 1400),
        ("C", "2024-05-10", 500, 200),
        ("C", "2025-05-10", 450, 150),
        ("D", "2025-08-01", 800, 300),
        ("E", "2024-03-01", 700, 350),
        ("F", "2022-02-01", 300, 100),
        ("G", "2025-04-01", 200, 100),
        ("G", "2025-09-01", -250, -100),
        ("H", "2024-02-01", 400, 200),
        ("H", "2025-02-01", 440, 240),
        ("A", "2026-01-15", 99999, 0),  # after as_of: ignored everywhere
    ]
    data = pd.DataFrame(rows, columns=["customer_id", "date", "amount", "cost"])
    data["date"] = pd.to_datetime(data["date"])
    data[["amount", "cost"]] = data[["amount", "cost"]].astype(float)
    return data


@pytest.fixture
def customers():
    return pd.DataFrame(
        {
            "customer_id": ["A", "B", "C", "E", "H", "X"],
            "name": ["Aalto Oy", "Björk Ab", "", "Eskola", "Hiltunen", "Never bought"],
            "owner": ["Liisa", "", "Matti", "Matti", None, "Liisa"],
            "wallet": [10000, 1600, None, None, 0, 5000],
        }
    )


@pytest.fixture
def table(invoices, customers):
    return seg.segments(invoices, AS_OF, customers)


def test_customer_values_windows(invoices):
    values = seg.customer_values(invoices, AS_OF)
    assert list(values.index) == list("ABCDEFGH")
    assert values["revenue_12m"].to_dict() == {
        "A": 3000, "B": 1500, "C": 450, "D": 800, "E": 0, "F": 0, "G": -50, "H": 440,
    }  # fmt: skip
    assert values.loc["A", "revenue_prev_12m"] == 1000
    assert values.loc["E", "revenue_prev_12m"] == 700
    assert values.loc["A", "revenue_total"] == 4000
    assert values.loc["A", "margin_12m"] == 1000
    assert values.loc["G", "margin_12m"] == -50  # (200 − 100) + (−250 + 100)
    assert math.isnan(values.loc["E", "margin_12m"])  # no line in the window
    bought = values["bought_12m"].astype(int).tolist()
    assert bought == [1, 1, 1, 1, 0, 0, 1, 1]
    assert bool(values.loc["E", "bought_prev_12m"]) and not values.loc["F", "bought_prev_12m"]
    assert values.loc["G", "last_purchase"] == pd.Timestamp("2025-04-01")  # credit not a purchase


def test_every_customer_gets_one_segment(table):
    assert sorted(table.index) == list("ABCDEFGH")  # X is in customers.csv only: not listed
    assert table["segment"].to_dict() == {
        "A": seg.KEY_ACCOUNT,
        "B": seg.KEEP,
        "C": seg.SERVE,
        "D": seg.DEVELOP,
        "E": seg.DORMANT,
        "F": seg.DORMANT,
        "G": seg.DEVELOP,
        "H": seg.DEVELOP,
    }
    assert list(table.columns[:6]) == [
        "name", "segment", "value_12m", "potential", "owner", "next_step",
    ]  # fmt: skip
    assert list(table.index[:3]) == ["A", "B", "D"]  # most valuable first


def test_value_levels_top_share_of_buyers(table):
    assert table["value_level"].to_dict() == {
        "A": "high", "B": "high", "D": "low", "C": "low", "H": "low", "G": "low",
        "E": "none", "F": "none",
    }  # fmt: skip
    assert table.attrs["value_cutoff"] == 1500


def test_potential_wallet_or_trend(table):
    assert table.loc["A", "potential_basis"] == seg.WALLET
    assert table.loc["A", "potential"] == pytest.approx(0.70)
    assert table.loc["A", "share_of_wallet"] == pytest.approx(0.30)
    assert table.loc["B", "potential"] == pytest.approx(0.0625)
    assert table.loc["C", "potential_basis"] == seg.TREND
    assert table.loc["C", "potential"] == pytest.approx(-0.10)
    assert math.isnan(table.loc["D", "potential"])  # new: no year before
    assert table.loc["D", "potential_level"] == "high"
    assert table.loc["H", "potential_basis"] == seg.TREND  # a wallet of 0 is no estimate
    assert table.loc["H", "potential"] == pytest.approx(0.10)
    assert table.loc["H", "potential_level"] == "high"  # the cut-off itself counts as high


def test_names_and_owners_from_customers(table):
    assert table.loc["A", "name"] == "Aalto Oy"
    assert table.loc["C", "name"] == "C"  # empty name: the id
    assert table.loc["D", "name"] == "D" and table.loc["D", "owner"] == ""
    assert table.loc["H", "owner"] == ""


def test_next_steps_and_calls(table):
    assert table.loc["A", "next_step"].startswith("Liisa: write the account plan")
    assert table.loc["B", "next_step"].startswith("name an owner, then book")
    assert table.loc["C", "call_month"] == "2026-05"  # first invoice in May
    assert table.loc["C", "next_step"] == "yearly check-up call in 2026-05"
    assert table.loc["E", "call_month"] == "2026-01"  # stopped last year: next month
    assert table.loc["E", "next_step"] == seg.LAPSED_NEXT_STEP
    assert table.loc["F", "call_month"] == ""
    assert table.loc["F", "next_step"] == seg.SERVICE_MODEL[seg.DORMANT].next_step
    assert table.loc["D", "call_month"] == ""


def test_hours_from_the_service_model(table):
    hours = table["hours_per_year"].to_dict()
    assert hours == {"A": 40, "B": 10, "D": 8, "C": 1, "H": 8, "G": 8, "E": 1, "F": 0}


def test_hours_can_be_changed(invoices, customers):
    custom = seg.segments(invoices, AS_OF, customers, hours_per_year={"key account": 100})
    assert custom.loc["A", "hours_per_year"] == 100
    assert custom["hours_per_year"].sum() == 136


def test_abc_classes(table):
    # positive value 6190 largest first: A 3000 (before 0) B 1500 (.48) D 800 (.73) → A;
    # C 450 (.86) H 440 (.93) → B; G negative → C; dormant: none.
    assert table["abc_class"].to_dict() == {
        "A": "A", "B": "A", "D": "A", "C": "B", "H": "B", "G": "C", "E": "", "F": "",
    }  # fmt: skip
    summary = seg.abc_summary(table)
    assert summary["customers"].tolist() == [3, 2, 1]
    assert summary.loc["A", "value_share"] == pytest.approx(5300 / 6190)


def test_cutoffs_move_customers(invoices, customers):
    everyone = seg.segments(invoices, AS_OF, customers, key_share=1.0)
    assert set(everyone.loc[everyone["value_level"] == "high"].index) == set("ABCDGH")
    strict = seg.segments(invoices, AS_OF, customers, wallet_cutoff=0.8, growth_cutoff=0.2)
    assert strict.loc["A", "segment"] == seg.KEEP  # 70 % of the wallet is not enough now
    assert strict.loc["H", "segment"] == seg.SERVE
    with pytest.raises(ValueError, match="key_share"):
        seg.segments(invoices, AS_OF, key_share=20)
    with pytest.raises(ValueError, match="unknown segment"):
        seg.segments(invoices, AS_OF, hours_per_year={"vip": 3})


def test_margin_as_value(invoices, customers):
    table = seg.segments(invoices, AS_OF, customers, value=seg.MARGIN)
    assert table.attrs["value"] == seg.MARGIN
    # margins: A 1000, B 100, C 300, D 500, G −50, H 200 → top 2: A, D
    assert set(table.index[table["value_level"] == "high"]) == {"A", "D"}
    assert seg.value_measure(invoices.drop(columns="cost"), AS_OF, seg.MARGIN)[0] == seg.REVENUE
    holes = invoices.assign(cost=invoices["cost"].where(invoices["customer_id"] != "C"))
    measure, reason = seg.value_measure(holes, AS_OF, seg.MARGIN)
    assert measure == seg.REVENUE and "1 invoice line" in reason


def test_without_customers_file_potential_is_the_trend(invoices):
    table = seg.segments(invoices, AS_OF)
    assert (table["potential_basis"] == seg.TREND).all()
    assert (table["owner"] == "").all()
    assert table.loc["A", "potential"] == pytest.approx(2.0)  # 3000 / 1000 − 1
    assert table.loc["A", "segment"] == seg.KEY_ACCOUNT
    assert table.loc["B", "segment"] == seg.KEEP  # −25 %
    assert table.loc["A", "next_step"].startswith("name an owner, then ")


def test_key_accounts_in_order_of_value(invoices, customers):
    assert seg.key_accounts(invoices, AS_OF, customers) == ["A"]
    assert seg.key_accounts(invoices, AS_OF, customers, key_share=1.0) == ["A", "D", "H", "G"]


def test_one_customer_one_line():
    one = pd.DataFrame(
        {"customer_id": ["X"], "date": [pd.Timestamp("2025-03-01")], "amount": [10.0]}
    )
    table = seg.segments(one, pd.Timestamp("2025-03-01"))
    assert table["segment"].tolist() == [seg.KEY_ACCOUNT]  # top ⌈0.2⌉ = 1, new = high
    assert seg.segment_summary(table)["customers"].sum() == 1


def test_nobody_bought_lately():
    old = pd.DataFrame(
        {"customer_id": ["X", "Y"], "date": pd.to_datetime(["2020-01-01", "2020-02-01"]),
         "amount": [10.0, 20.0]}
    )  # fmt: skip
    table = seg.segments(old, pd.Timestamp("2025-01-01"))
    assert (table["segment"] == seg.DORMANT).all()
    assert math.isnan(table.attrs["value_cutoff"])
    words = seg.potential_in_words(table, None, str, str, str)
    assert "every customer is dormant" in words


def test_pareto_curve_and_figures(invoices):
    curve = seg.pareto_curve(invoices, AS_OF)
    assert curve.iloc[0].tolist() == [0.0, 0.0] and curve.iloc[-1].tolist() == [1.0, 1.0]
    # 7 customers with revenue > 0, sum 11090; the largest is A with 4000
    assert curve.loc[1, "revenue_share"] == pytest.approx(4000 / 11090)
    assert curve.loc[1, "customer_share"] == pytest.approx(1 / 7)
    figures = seg.pareto_figures(invoices, AS_OF)
    expected = concentration_figures(invoices, AS_OF)
    assert figures["top20_revenue_share"] == expected["top20_revenue_share"]
    assert figures["top20_revenue_share"] == pytest.approx(7500 / 11040)  # ⌈1.4⌉ = 2
    assert figures["gini"] == expected["gini"]
    assert figures["top20_customers"] == 2
    # 4000, 3500, 950, 840 = 9290 ≥ 0.8 · 11090 = 8872: four customers
    assert figures["customers_for_80"] == 4
    # last 12 months: 5 with revenue > 0 (G is −50), top ⌈1.0⌉ = 1: 3000 / 6140
    assert figures["top20_revenue_share_12m"] == pytest.approx(3000 / 6140)
    recent = seg.pareto_curve(invoices, AS_OF, 365)
    assert len(recent) == 6  # 5 customers with positive revenue in the window, plus (0, 0)


def test_top_count_has_no_float_noise():
    assert [seg._top_count(0.2, n) for n in (0, 1, 5, 15, 16)] == [0, 1, 1, 3, 4]
    assert seg._top_count(0.07, 100) == 7  # 0.07 · 100 = 7.000000000000001


def test_segment_summary_and_counts(table):
    summary = seg.segment_summary(table)
    assert list(summary.index) == list(seg.SEGMENTS)
    assert summary["customers"].tolist() == [1, 1, 3, 1, 2]
    assert summary["hours_per_year"].sum() == 76
    assert summary.loc[seg.KEY_ACCOUNT, "value_share"] == pytest.approx(3000 / 6140)
    assert seg.segment_counts(table) == {
        "customers_key_account": 1,
        "customers_keep": 1,
        "customers_develop": 3,
        "customers_serve": 1,
        "customers_dormant": 2,
    }


def test_owner_table(table):
    owners = seg.owner_table(table)
    # Liisa 3000 (A); no owner 2690 (B 1500, D 800, G −50, H 440, F 0); Matti 450 (C, E)
    assert list(owners.index) == ["Liisa", seg.NO_OWNER, "Matti"]
    assert owners.loc["Liisa", "key_accounts"] == 1
    assert owners.loc["Liisa", "value_share"] == pytest.approx(3000 / 6140)
    assert owners.loc["Matti", "customers"] == 2
    by_segment = seg.value_by_owner_and_segment(table)
    assert list(by_segment.columns) == list(seg.SEGMENTS)
    assert by_segment.loc["Liisa", seg.KEY_ACCOUNT] == 3000
    assert by_segment.loc[seg.NO_OWNER].sum() == pytest.approx(2690)


def test_words(table, customers):
    fmt = {"money": lambda v: f"€{v:,.0f}", "percent": lambda v, d=1: f"{v:.{d}%}"}
    number = lambda v, d=0: f"{v:,.{d}f}"  # noqa: E731
    owners = seg.owner_table(table)
    text = seg.owners_in_words(owners, table, True, fmt["money"], fmt["percent"], number)
    assert "The key account has a named owner." in text
    assert "Liisa looks after" in text
    none = seg.owners_in_words(owners, table, False, fmt["money"], fmt["percent"], number)
    assert "There is no owner column" in none
    orphan = table.assign(owner=np.where(table.index == "A", "", table["owner"]))
    assert "1 of 1 key account without an owner: Aalto Oy" in seg.owners_in_words(
        seg.owner_table(orphan), orphan, True, fmt["money"], fmt["percent"], number
    )
    words = seg.potential_in_words(table, customers, fmt["money"], fmt["percent"], number)
    assert "share of wallet for 2 customers" in words
    assert "growth trend for 4 customers" in words
    one = pd.DataFrame({"customer_id": ["A"], "date": [AS_OF], "amount": [5.0]})
    trend_only = seg.potential_in_words(
        seg.segments(one, AS_OF), None, fmt["money"], fmt["percent"], number
    )
    assert "Add a wallet column" in trend_only
    summary = seg.segment_summary(table)
    assert "76 hours" in seg.time_budget_in_words(summary, 50, number)
    assert "26 hours short" in seg.time_budget_in_words(summary, 50, number)
    assert "it fits" in seg.time_budget_in_words(summary, 100, number)


def test_checkup_calls_and_lists(table):
    calls = seg.checkup_calls(table)
    assert list(calls.index) == ["E", "C"]  # 2026-01 before 2026-05
    assert "2 check-up calls" in seg.calls_in_words(calls, str)
    listed = seg.segments_list(table)
    assert list(listed.columns[:7]) == [
        "customer_id", "name", "segment", "value_12m", "potential", "owner", "next_step",
    ]  # fmt: skip
    assert len(listed) == 8 and listed["segment"].ne("").all()


def test_readable_formats_known_columns(table):
    shown = seg.readable(seg.segment_summary(table), str, lambda v: f"{v:.0%}", str)
    assert "share of customers" in shown.columns and "who serves them" in shown.columns
    assert shown.loc[seg.KEY_ACCOUNT, "share of customers"] == "12%"
