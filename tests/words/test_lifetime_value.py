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
from tests.analysis.notebook05_frames import AS_OF, invoices

DATA = invoices(
    [
        ("K", "2023-01-01", 9000),
        ("K", "2025-06-01", 10000),
        ("N", "2024-03-01", 1000),
        ("N", "2025-04-01", 1000),
    ]
)


def cost():
    return cost_of_losing(
        DATA, AS_OF, 0.5, discount_rate=0.0, years=2, margin_rate=0.5, acquisition_cost=250
    )


def test_the_average_customer_row_is_named_in_the_reader_s_language():
    assert customer_label(AVERAGE_CUSTOMER, ENGLISH) == "average customer"
    assert customer_label(AVERAGE_CUSTOMER, Language("sv")) == "genomsnittlig kund"
    assert customer_label("K", Language("fi")) == "K"
    table = lifetime_readable(cost()["table"], ENGLISH)
    assert table.index.tolist() == ["average customer", "K", "N"]
    assert table.loc["K", "lifetime value"] == "€7,500"
    assert table.loc["K", "new customers to replace"] == "15"


def test_lifetime_in_words_names_the_largest_account_and_what_replacing_it_takes():
    text = lifetime_in_words(cost(), 0.5, 250, ENGLISH)
    assert "Your largest account, K, is worth €7,500." in text
    assert "Replacing K takes about 15 new customers, and €3,750 to win them." in text
    assert "can't be computed" in lifetime_in_words(cost(), float("nan"), 250, ENGLISH)


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
    text = budget_what_if_in_words(what_if, ENGLISH)
    assert text.startswith("Moving €500 a year from winning to keeping means 2.0 fewer")
    table = budget_what_if_readable(what_if, ENGLISH)
    assert table.index.tolist() == ["as now", "moved"]
    assert table.loc["moved", "retention"] == "60.0%"
