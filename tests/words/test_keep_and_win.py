"""Keep or win in words: the table of signs, the weighing, the silent loss, the owners."""

import math

import pandas as pd
import pytest

from helpers.analysis import keep_and_win as kw
from helpers.language import Language
from helpers.words import keep_and_win as words

STRICT = {code: Language(code, strict=True) for code in ("en", "fi", "sv")}


def figures(**changes):
    base = {
        "new_customer_revenue_share_12m": 0.109,
        "new_customer_revenue_share_12m_reason": None,
        "retention_12m": 0.714,
        "retention_12m_reason": None,
        "erosion_per_tenure_year": -0.022,
        "erosion_ci_high": -0.016,
        "erosion_reason": None,
        "largest_customer_share": 0.12,
        "bridge": {
            "revenue_before": 1000.0,
            "revenue_now": 950.0,
            "lost": -110.0,
            "lost_revenue_before": 110.0,
            "kept_change": -40.0,
            "returned": 0.0,
            "new": 100.0,
            "customers_before": 10,
            "lost_customers": 3,
            "kept_customers": 7,
            "returned_customers": 0,
            "new_customers": 1,
            "reason": None,
        },
    }
    base.update(changes)
    return base


@pytest.mark.parametrize("language", ["en", "fi", "sv"])
def test_every_sign_and_verdict_is_in_the_language(language):
    lang = STRICT[language]
    table = words.signs_table(figures(), lang)
    assert len(table) == 6 and list(table.iloc[:, 0]) == ["000"] * 3 + ["004"] * 3
    assert words.weighing_in_words(figures(), lang)
    assert words.bridge_in_words(figures()["bridge"], lang)


def test_the_table_shows_each_figure_and_its_limit():
    table = words.signs_table(figures(), STRICT["en"])
    rows = table.set_index("sign")
    assert rows.loc["largest customer's share of all revenue", "your figure"] == "12.0%"
    assert rows.loc["largest customer's share of all revenue", "the sign shows when"] == (
        "20% or more"
    )
    assert rows.loc["price change per year as a customer (notebook 01)", "shows?"] == "yes"
    lost = "bought the year before by the customers you lost, against the new customers"
    assert rows.loc[lost, "your figure"] == "€110 lost, €100 new"
    assert rows.loc[lost, "shows?"] == "yes"


def test_a_sign_that_cant_be_measured_says_why():
    short = figures(
        retention_12m=math.nan,
        retention_12m_reason="data_starts_inside_window",
        erosion_per_tenure_year=math.nan,
        erosion_ci_high=math.nan,
        erosion_reason=kw.NO_UNIT_PRICES,
    )
    rows = words.signs_table(short, STRICT["en"]).set_index("sign")
    assert rows.loc["price change per year as a customer (notebook 01)", "shows?"] == (
        "can't tell: the invoices have no quantity or unit price, so prices can't be compared"
    )
    retention = "last year's buyers who bought again in the last 12 months"
    assert rows.loc[retention, "your figure"] == "–"
    assert rows.loc[retention, "shows?"].startswith("can't tell: your invoices start inside")


def test_the_weighing_counts_the_signs_and_warns_when_one_side_is_blind():
    text = words.weighing_in_words(figures(), STRICT["en"])
    assert "Text 000's signs (win more): 1 of the 3" in text  # prices slide
    assert "Text 004's signs (keep better): 3 of 3" in text and "text 004 weighs more" in text
    bridge = {**figures()["bridge"], "reason": "data_starts_inside_window"}
    blind = figures(
        retention_12m=math.nan,
        bridge={**bridge, "kept_change": math.nan, "lost_revenue_before": math.nan},
        largest_customer_share=0.8,
    )
    text = words.weighing_in_words(blind, STRICT["en"])
    assert "text 000 weighs more" in text and "weighs one side only" in text


def test_the_silent_loss_in_words():
    text = words.bridge_in_words(figures()["bridge"], STRICT["en"])
    assert text == (
        "In the last 12 months you won 1 new customer, who bought €100. In the same months 3 "
        "customers who had bought €110 the year before bought nothing. Nobody announced it. "
        "The 7 customers you kept bought €40 less than the year before."
    )
    fi = words.bridge_in_words(figures()["bridge"], STRICT["fi"])
    assert "3 asiakasta" in fi and "vähemmän kuin edellisvuonna" in fi
    short = {**figures()["bridge"], "reason": "data_starts_inside_window"}
    assert "can't be shown" in words.bridge_in_words(short, STRICT["en"])


def test_the_scorecard_reads_in_the_language_and_says_who_keeps():
    card = pd.DataFrame(
        {
            "customers_before": [5, 2],
            "kept": [4, 1],
            "retention": [0.8, 0.5],
            "kept_revenue_12m": [900.0, 100.0],
            "new_customers": [0, 3],
            "new_revenue_12m": [0.0, 60.0],
            "plan_steps": [4, 2],
        },
        index=pd.Index(["Aino", ""], name="owner"),
    )
    shown = words.scorecard_readable(card, STRICT["fi"])
    assert list(shown.index) == ["Aino", "(ei vastuuhenkilöä)"]
    assert shown.loc["Aino", "pysyneet (asiakaspysyvyys)"] == "80\xa0%"
    text = words.scorecard_in_words(card, STRICT["en"])
    assert "Aino's kept customers bought the most" in text and "(no owner)'s new" in text
    nobody = pd.DataFrame(card.loc[[""]])
    assert "no owner yet" in words.scorecard_in_words(nobody, STRICT["en"])
