"""What losing a customer costs, in words, on the hand-made company of
tests/analysis/test_lifetime_value.py."""

from helpers.analysis.lifetime_value import AVERAGE_CUSTOMER, budget_what_if, cost_of_losing
from helpers.language import ENGLISH, Language
from helpers.words.lifetime_value import (
    budget_what_if_in_words,
    budget_what_if_readable,
    customer_label,
    lifetime_in_words,
    lifetime_readable,
)
from tests.analysis.notebook05_frames import AS_OF, frame
from tests.analysis.test_lifetime_value import HAND_MADE, TWO_YEARS


def cost(**extra):
    return cost_of_losing(HAND_MADE, AS_OF, 0.5, acquisition_cost=250, **TWO_YEARS, **extra)


def test_the_average_customer_row_is_named_in_the_reader_s_language():
    assert customer_label(AVERAGE_CUSTOMER, ENGLISH) == "average customer"
    assert customer_label(AVERAGE_CUSTOMER, Language("sv")) == "genomsnittlig kund"
    assert customer_label("K", Language("fi")) == "K"
    table = lifetime_readable(cost()["table"], ENGLISH)
    assert table.index.tolist() == ["average customer", "K", "N"]
    assert table.loc["K", "lifetime value"] == "€7,500"
    assert table.loc["K", "new customers to replace"] == "15"
    assert "profit after cost-to-serve, 12 months" not in table.columns  # no hours


def test_lifetime_in_words_says_what_it_assumes_beside_what_was_measured():
    text = lifetime_in_words(cost(), 0.5, 250, ENGLISH)
    assert "Your largest account, K, is worth €7,500." in text
    assert "Replacing K takes about 15 new customers, and €3,750 to win them." in text
    assert "of the 2 customers who first bought at least two years ago, 1 bought again" in text
    assert "assumes 50.0% a year, not 50.0%" in text
    assert "A year of a customer is its margin" in text
    assert "can't be computed" in lifetime_in_words(cost(), float("nan"), 250, ENGLISH)


def test_with_hours_the_words_say_profit_after_cost_to_serve():
    hours = frame([("K", "2025-06-02", 10.0)], ["customer_id", "date", "hours"])
    result = cost(hours=hours, hourly_cost=100.0)
    text = lifetime_in_words(result, 0.5, 250, ENGLISH)
    assert "in profit after cost-to-serve over the next 2 years" in text
    assert "margin minus the hours logged for it at €100 an hour" in text
    table = lifetime_readable(result["table"], ENGLISH)
    assert table.loc["K", "profit after cost-to-serve, 12 months"] == "€4,000"


def test_without_a_customer_two_years_old_the_new_customer_is_left_out():
    young = HAND_MADE.loc[HAND_MADE["customer_id"] == "N"]
    result = cost_of_losing(young, AS_OF, 0.5, acquisition_cost=250, **TWO_YEARS)
    text = lifetime_in_words(result, 0.5, 250, ENGLISH)
    assert "A new customer's retention can't be measured yet" in text
    assert "Replacing" not in text


def test_the_budget_what_if_in_words_and_as_a_table():
    what_if = budget_what_if(
        cost(),
        0.5,
        acquisition_budget=1000,
        acquisition_cost=250,
        share_moved=0.5,
        retention_gain=0.1,
        discount_rate=0.0,
        years=2,
    )
    text = budget_what_if_in_words(what_if, ENGLISH, new_customers_12m=3).splitlines()
    assert text[0] == (
        "Your assumptions win 4.0 new customers a year; your invoices show 3 won in the last 12 "
        "months. If the two are far apart, adjust acquisition_budget or acquisition_cost."
    )
    assert text[1].startswith("Both sides count the same 2 years")
    assert text[2] == (
        "Moving €500 a year from winning to keeping means 2.0 fewer new customers each year; "
        "over the 2 years they would have brought €2,500."
    )
    assert "new customers: 50.0% → 60.0%" in text[3]
    assert text[4].startswith("Net: moving the money")
    table = budget_what_if_readable(what_if, ENGLISH)
    assert table.index.tolist() == ["as now", "moved"]
    assert table.loc["moved", "retention"] == "60.0%"
    assert table["years counted"].tolist() == ["2", "2"]


def test_the_lifetime_by_rhythm_sits_beside_the_one_by_retention_or_says_why_not():
    import pandas as pd

    from helpers.words.lifetime_value import model_lifetime_in_words

    table = pd.DataFrame(
        {"lifetime_value": [6202.0, 77296.0], "lifetime_value_model": [9318.0, 123609.0]},
        index=["average customer", "Rakennus Oy"],
    )
    text = model_lifetime_in_words({"table": table, "years": 5}, Language("en"))
    assert "worth €9,318 over 5 years, against €6,202 with everyone's retention" in text
    assert "Rakennus Oy: €123,609 against €77,296" in text
    without = model_lifetime_in_words(
        {"table": table.drop(columns="lifetime_value_model"), "years": 5},
        Language("en"),
        "Every customer has bought on one day only.",
    )
    assert without == (
        "The lifetime values by each customer's own rhythm are left out: Every customer has "
        "bought on one day only."
    )
    fi = model_lifetime_in_words({"table": table, "years": 5}, Language("fi", strict=True))
    assert "9 318 €" in fi.replace("\xa0", " ")
