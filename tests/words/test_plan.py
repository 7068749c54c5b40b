"""The plan in words: step names, why (naming the notebook of each finding), lists of names
that stop after a few, and the plan.csv table."""

import pandas as pd

from helpers.analysis.plan import build_plan
from helpers.analysis.shortlist import COMPETITOR
from helpers.language import ENGLISH, Language
from helpers.words import plan as words

AS_OF = pd.Timestamp("2025-12-31")


def small_plan() -> pd.DataFrame:
    table = pd.DataFrame(
        {
            "name": ["Key Oy", "Gone Oy", "Hard Oy", "Small Oy"],
            "segment": ["key account", "dormant", "serve", "serve"],
            "value_12m": [900.0, 0.0, 50.0, 10.0],
            "potential_level": ["high", "high", "low", "low"],
            "owner": ["Aino", "", "Jussi", ""],
            "first_invoice": pd.to_datetime(["2020-01-01"] * 4),
            "lapsed": [False, True, False, False],
            "revenue_prev_12m": [800.0, 500.0, 50.0, 10.0],  # a win-back: last year's value
        },
        index=pd.Index(["K", "G", "H", "S"], name="customer_id"),
    )
    return build_plan(
        table,
        AS_OF,
        calls_per_month=1,
        max_key_accounts=5,
        shortlist=pd.Series({"H": COMPETITOR}),
        at_risk=pd.Index(["K"]),
    )


def test_why_names_each_notebooks_finding():
    why = words.why(small_plan(), ENGLISH)
    assert why["K"] == (
        "02: a key account (high value, high potential); 05: commitment low while the contract "
        "ends soon; 07: no. 1 of the accounts the team looks after"
    )
    assert why["G"] == "02: bought the year before, nothing in the last 12 months"
    assert "03: a difficult account that loses money: suggest a competitor" in why["H"]
    assert why["S"].startswith("02: one of the many")


def test_plan_csv_and_names_in_finnish():
    fi = Language("fi")
    listed = words.plan_list(small_plan(), fi)
    assert list(listed.columns) == ["customer_id", "name", "next_step", "why", "owner", "month"]
    assert listed["next_step"].tolist() == ["let_go", "write_vision", "win_back", "check_up_call"]
    assert listed.loc[listed["customer_id"] == "G", "why"].item().startswith("02: osti")
    assert words.step_name("win_back", fi) == "voita takaisin"
    assert words.names_in_words(list("ABCDEFG"), fi) == "A, B, C, D, E ja 2 muuta"


def test_the_plan_in_words_keeps_to_the_capacity():
    from helpers.company.choices import Choices

    text = words.plan_in_words(small_plan(), Choices(), ENGLISH)
    assert "The plan gives each of your 4 customers one next step:" in text
    assert "Calls (check-ups and win-backs) take at most 1 a month; your team can make 10." in text
    assert "This month (2026-01): 3 steps for your team." in text
