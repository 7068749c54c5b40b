"""The shortlist (``helpers.analysis.shortlist``): which accounts to delight, reprice, put on
prepayment or let go, and the codes of why, pinned on examples small enough to check by hand,
and on the sample company's planted demanding accounts. The reasons in words:
tests/words/test_shortlist.py."""

import pandas as pd

from helpers.analysis import profit_spread
from helpers.analysis import profitability as p
from helpers.analysis import shortlist as s


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


HAND_MADE = {
    # revenue 13 650 in all; "big" = at least 5 % of it (682.5)
    "P": (5000, -100, 0.05, 0.1, 0, 0.0),  # big (36.6 %), loses, no sign: tolerated
    "U": (6000, 1000, 0.05, 0.1, 0, 0.0),  # makes most of the profit
    "W": (150, -60, 0.30, 0.5, 3, 0.2),  # all four signs, small: a polite exit
    "Q": (500, -50, 0.30, 0.5, 3, 0.0),  # three signs, small
    "R": (400, -40, 0.05, 0.1, 0, 0.2),  # squeezed deadlines only
    "S": (300, -30, 0.05, 0.1, 4, 0.0),  # disputes only
    "T": (200, -20, 0.05, 0.1, 0, 0.0),  # loses, no sign, small
    "B": (1000, -10, 0.30, 0.1, 0, 0.0),  # big (7.3 %) but a deep discount: not tolerated
    "V": (100, 10, 0.05, 0.1, 0, 0.0),  # small profit: not listed
}


def test_shortlist_rules_by_hand():
    table = economics(HAND_MADE)
    listed = s.shortlist(table).set_index("customer_id")
    assert listed["action"].to_dict() == {
        "P": s.REPRICE,
        "W": s.COMPETITOR,
        "Q": s.COMPETITOR,
        "R": s.NO_SLOTS,
        "S": s.PREPAY,
        "T": s.REPRICE,
        "B": s.REPRICE,
        "U": s.KEEP,
    }
    assert list(listed.index) == ["P", "W", "Q", "R", "S", "T", "B", "U"]  # biggest loss first
    assert listed.loc["P", "reasons"] == ("loses", "big")
    assert listed.loc["P", "revenue_share"] == 5000 / 13650
    assert listed.loc["P", "value"] == -100 and listed.loc["P", "discount_share"] == 0.05
    assert listed.loc["W", "reasons"] == (
        "loses",
        "deep_discount",
        "extra_work",
        "squeezed",
        "disputes",
        "every_sign",
    )
    assert listed.loc["B", "reasons"] == ("loses", "deep_discount")  # big, but not tolerated
    assert listed.loc["Q", "reasons"] == ("loses", "deep_discount", "extra_work", "disputes")
    assert listed.loc["R", "reasons"] == ("loses", "squeezed")
    assert listed.loc["T", "reasons"] == ("loses",)
    assert listed.loc["U", "reasons"] == ("makes", "below_list", "unbilled")
    assert listed.loc["U", "share"] == 1000 / 1010 and (listed["basis"] == "profit").all()
    flagged = s.shortlist(table, flagged=pd.Series({"T": True})).set_index("customer_id")
    assert flagged.loc["T", "reasons"] == ("loses", "loved")
    assert list(s.shortlist(table).columns) == [
        "customer_id",
        "name",
        "action",
        "reasons",
        "basis",
        *s.FIGURES,
    ]
    assert set(code for r in listed["reasons"] for code in r) <= set(s.REASONS)


def test_big_means_a_share_of_revenue_not_a_rank():
    # 30 accounts of 1000 and one of 1200: the top 20 % by rank would hold 7 accounts of
    # about 3 % each; none of them is a big share of the cash flow (5 %)
    rows = {f"A{i:02d}": (1000, 10, 0.05, 0.1, 0, 0.0) for i in range(30)}
    rows["L"] = (1200, -50, 0.05, 0.1, 0, 0.0)
    signs = s.burdens(economics(rows))
    assert not signs["big"].any()
    assert signs.loc["L", "revenue_share"] == 1200 / 31200
    assert s.burdens(economics(rows), {"big_share": 0.035})["big"].sum() == 1  # L: 3.8 %


def test_shortlist_on_revenue_only_suggests_only_delight():
    nan = float("nan")
    table = economics({"A": (900, nan, nan, nan, 0, nan), "B": (100, nan, nan, nan, 0, nan)})
    table["profit"] = table["margin"] = float("nan")
    listed = s.shortlist(table)
    assert listed["action"].tolist() == [s.KEEP]
    assert listed["reasons"].iloc[0] == ("makes",) and listed["basis"].iloc[0] == "revenue"


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
    listed = s.shortlist(table, company.customer_names()).set_index("customer_id")
    changed = listed[listed["action"] != s.KEEP]
    assert set(changed.index) == demanding  # all of them, and no one else
    for reasons in changed["reasons"]:
        assert {"loses", "deep_discount", "extra_work", "squeezed"} <= set(reasons)
    assert "Rakennusliike Jokela Oy" in set(changed["name"])
    figures = profit_spread.whale_figures(table["profit"])
    assert figures["accounts_losing_money"] == 6
    assert 0.6 <= figures["top20_profit_share"] <= 0.9
