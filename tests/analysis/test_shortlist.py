"""The shortlist (``helpers.analysis.shortlist``): which accounts to delight, reprice, put on
prepayment or let go, pinned on examples small enough to check by hand, and on the sample
company's planted demanding accounts."""

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
    listed = s.shortlist(table).set_index("customer_id")
    assert listed["action"].to_dict() == {
        "P": s.REPRICE,
        "Q": s.COMPETITOR,
        "R": s.NO_SLOTS,
        "S": s.PREPAY,
        "T": s.REPRICE,
        "U": s.KEEP,
    }
    assert list(listed.index) == ["P", "Q", "R", "S", "T", "U"]  # biggest loss first
    assert "loses €100" in listed.loc["P", "why"] and "30% below list" in listed.loc["P", "why"]
    assert "big share of your cash flow" in listed.loc["P", "why"]
    assert (
        "50% of the hours" in listed.loc["Q", "why"] and "3 credit notes" in listed.loc["Q", "why"]
    )
    assert "2 of 10 orders in a rush" in listed.loc["R", "why"]
    assert "makes 99% of all profit" in listed.loc["U", "why"]
    flagged = s.shortlist(table, flagged=pd.Series({"T": True})).set_index("customer_id")
    assert "not a reason to keep a loss" in flagged.loc["T", "why"]
    assert list(s.shortlist(table).columns) == ["customer_id", "name", "action", "why"]


def test_shortlist_on_revenue_only_suggests_only_delight():
    nan = float("nan")
    table = economics({"A": (900, nan, nan, nan, 0, nan), "B": (100, nan, nan, nan, 0, nan)})
    table["profit"] = table["margin"] = float("nan")
    listed = s.shortlist(table)
    assert listed["action"].tolist() == [s.KEEP]
    assert listed["why"].iloc[0] == "makes 90% of all revenue"


def test_shortlist_text_names_every_account_and_the_reminder():
    table = economics({"P": (5000, -100, 0.3, 0.5, 3, 0.3), "U": (6000, 900, 0.0, 0.1, 0, 0.0)})
    listed = s.shortlist(table, names=pd.Series({"P": "Pulla Oy"}))
    text = s.shortlist_text(listed)
    assert "Pulla Oy (P)" in text and "U (U)" in text
    assert "SUGGEST A COMPETITOR THAT FITS THEM BETTER (1)" in text  # P is not the bigger one
    assert "never speak badly" in s.shortlist_in_words(listed)


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
    for why in changed["why"]:
        assert "loses" in why and "below list price" in why and "never invoiced" in why
        assert "in a rush" in why
    assert "Rakennusliike Jokela Oy" in set(changed["name"])
    figures = profit_spread.whale_figures(table["profit"])
    assert figures["accounts_losing_money"] == 6
    assert 0.6 <= figures["top20_profit_share"] <= 0.9


def test_the_reasons_and_the_actions_in_finnish_and_swedish():
    from helpers.report.formats import Formats

    table = economics({"P": (5000, -100, 0.3, 0.5, 3, 0.3), "U": (6000, 900, 0.0, 0.1, 0, 0.0)})
    listed = s.shortlist(table, formats=Formats("fi")).set_index("customer_id")
    assert listed.loc["P", "action"] == s.COMPETITOR  # the key stays English, for tools
    why = listed.loc["P", "why"]
    assert why.startswith("tappiota 100\xa0€ (tulos palvelukustannusten jälkeen, viim. 12 kk)")
    assert "3 hyvityslaskua (hyvitetty 150\xa0€)" in why and "kiiretilauksia 3/10" in why
    assert listed.loc["U", "why"].startswith("tuottaa 100\xa0% kaikesta tuloksesta")
    text = s.shortlist_text(listed.reset_index(), Formats("fi"))
    assert "EHDOTA SOPIVAMPAA KILPAILIJAA (1): kerro ystävällisesti" in text
    words = s.shortlist_in_words(listed.reset_index(), formats=Formats("sv"))
    assert words.startswith("På åtgärdslistan finns 2 kunder: 1 × behåll och glädj, "
                            "1 × föreslå en konkurrent som passar dem bättre.")
    assert "tala aldrig illa om en kund" in words
