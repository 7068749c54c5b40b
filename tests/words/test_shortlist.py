"""The shortlist in words (``helpers.words.shortlist``): the reasons of each account as the
``why`` of account-shortlist.csv, the text to read and the counts, on the examples of
tests/analysis/test_shortlist.py."""

import pandas as pd

from helpers.analysis import profitability as p
from helpers.analysis import shortlist as s
from helpers.language import ENGLISH, Language
from helpers.words import shortlist as words
from tests.analysis.test_shortlist import HAND_MADE, economics


def by_hand():
    return economics(HAND_MADE)


def test_the_reasons_in_words_by_hand():
    table = by_hand()
    listed = words.shortlist_table(s.shortlist(table), ENGLISH).set_index("customer_id")
    assert listed.loc["P", "why"] == (
        "loses €100 (profit after cost-to-serve, last 12 months); brings 36.6% of your "
        "revenue, a big share of your cash flow, without the signs of extra work: worth "
        "keeping at a fair price"
    )
    assert listed.loc["W", "why"].endswith(
        "shows all four signs of a difficult customer: let it go, politely"
    )
    assert "30% below list" in listed.loc["B", "why"]
    assert "big share" not in listed.loc["B", "why"]  # big, but a deep discount
    assert (
        "50% of the hours" in listed.loc["Q", "why"] and "3 credit notes" in listed.loc["Q", "why"]
    )
    assert "2 of 10 orders in a rush" in listed.loc["R", "why"]
    assert "makes 99% of all profit" in listed.loc["U", "why"]
    assert listed.loc["T", "why"] == "loses €20 (profit after cost-to-serve, last 12 months)"
    assert listed.loc["U", "why"] == (
        "makes 99% of all profit after cost-to-serve; pays 5% below list; 10% of its hours unbilled"
    )
    flagged = s.shortlist(table, flagged=pd.Series({"T": True}))
    why = words.shortlist_table(flagged, ENGLISH).set_index("customer_id")["why"]
    assert "not a reason to keep a loss" in why["T"]
    assert list(words.shortlist_table(s.shortlist(table), ENGLISH).columns) == [
        "customer_id",
        "name",
        "action",
        "why",
    ]


def test_every_reason_code_has_its_words():
    row = {
        "value": -100.0,
        "basis": "margin",
        "share": 0.5,
        "discount_share": 0.3,
        "typical_discount": 0.1,
        "unbilled_share": 0.4,
        "unbilled_hours": 12.0,
        "rush_orders": 2,
        "orders": 5,
        "credit_notes": 3,
        "credited": 150.0,
        "revenue_share": 0.072,
    }
    listed = pd.DataFrame([{**row, "reasons": (code,)} for code in s.REASONS])
    told = words.why_in_words(listed, ENGLISH).tolist()
    assert told == [
        "loses €100 (margin, last 12 months)",
        "pays 30% below list price (typical account 10%)",
        "40% of the hours spent on it (12 h) are never invoiced",
        "2 of 5 orders in a rush",
        "3 credit notes (€150 credited)",
        "brings 7.2% of your revenue, a big share of your cash flow, without the signs of "
        "extra work: worth keeping at a fair price",
        "shows all four signs of a difficult customer: let it go, politely",
        "makes 50% of all margin",
        "pays 30% below list",
        "40% of its hours unbilled",
        "the team loves working with them: a resource, but not a reason to keep a loss; talk "
        "about the price first",
    ]


def test_shortlist_on_revenue_only_suggests_only_delight():
    nan = float("nan")
    table = economics({"A": (900, nan, nan, nan, 0, nan), "B": (100, nan, nan, nan, 0, nan)})
    table["profit"] = table["margin"] = float("nan")
    listed = words.shortlist_table(s.shortlist(table), ENGLISH)
    assert listed["why"].iloc[0] == "makes 90% of all revenue"


def test_an_empty_shortlist_keeps_its_columns():
    empty = words.shortlist_table(s.shortlist(by_hand().iloc[:0]), ENGLISH)
    assert list(empty.columns) == ["customer_id", "name", "action", "why"] and empty.empty
    assert words.shortlist_text(s.shortlist(by_hand().iloc[:0]), ENGLISH) == (
        "No account is on the shortlist."
    )


def test_shortlist_text_names_every_account_and_the_reminder():
    table = economics({"P": (5000, -100, 0.3, 0.5, 3, 0.3), "U": (6000, 900, 0.0, 0.1, 0, 0.0)})
    listed = s.shortlist(table, names=pd.Series({"P": "Pulla Oy"}))
    text = words.shortlist_text(listed, ENGLISH)
    assert "Pulla Oy (P)" in text and "U (U)" in text
    assert "SUGGEST A COMPETITOR THAT FITS THEM BETTER (1)" in text  # P is not the bigger one
    assert "never speak badly" in words.shortlist_in_words(listed, set(), ENGLISH)
    without_profit = words.shortlist_in_words(listed, {"hours", "profit"}, ENGLISH)
    assert "The profit after cost-to-serve needs" in without_profit


def test_the_sample_demanding_accounts_are_told_why():
    from helpers.company.folder import load_company, resolve_as_of

    company = load_company(None)
    as_of = resolve_as_of(company.invoices, None)
    table = p.account_economics(
        company.invoices, company.hours, as_of, company.settings["hourly_cost"]
    )
    listed = s.shortlist(table, company.customer_names())
    shown = words.shortlist_table(listed, ENGLISH)
    for why in shown.loc[shown["action"] != s.KEEP, "why"]:
        assert "loses" in why and "below list price" in why and "never invoiced" in why
        assert "in a rush" in why


def test_the_reasons_and_the_actions_in_finnish_and_swedish():
    table = economics({"P": (5000, -100, 0.3, 0.5, 3, 0.3), "U": (6000, 900, 0.0, 0.1, 0, 0.0)})
    listed = s.shortlist(table)
    shown = words.shortlist_table(listed, Language("fi")).set_index("customer_id")
    assert shown.loc["P", "action"] == s.COMPETITOR  # the key stays English, for tools
    why = shown.loc["P", "why"]
    assert why.startswith("tappiota 100\xa0€ (tulos palvelukustannusten jälkeen, viim. 12 kk)")
    assert "3 hyvityslaskua (hyvitetty 150\xa0€)" in why and "kiiretilauksia 3/10" in why
    assert shown.loc["U", "why"].startswith("tuottaa 100\xa0% kaikesta tuloksesta")
    text = words.shortlist_text(listed, Language("fi"))
    assert "EHDOTA SOPIVAMPAA KILPAILIJAA (1): kerro ystävällisesti" in text
    told = words.shortlist_in_words(listed, set(), Language("sv"))
    assert told.startswith(
        "På kortlistan finns 2 kunder: 1 × behåll och glädj, "
        "1 × föreslå en konkurrent som passar dem bättre."
    )
    assert "tala aldrig illa om en kund" in told
