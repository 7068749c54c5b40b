"""The lists to act on and the tables to show (``helpers.words.segment_lists``) on the
hand-made company of ``tests/analysis/segmentation_company``."""

import pytest

from helpers.analysis import ownership, segmentation
from helpers.language import ENGLISH, Language
from helpers.words import segment_lists
from helpers.words.segmentation import service_model
from tests.analysis import segmentation_company as company


@pytest.fixture
def table():
    return company.table()


def plan_of(table, calls_per_month=5, max_key_accounts=10):
    from helpers.analysis.plan import build_plan

    return build_plan(
        table, company.AS_OF, calls_per_month=calls_per_month, max_key_accounts=max_key_accounts
    )


def test_checkup_calls_and_lists_follow_the_plan(table):
    plan = plan_of(table)
    calls = segment_lists.checkup_calls(plan, ENGLISH)
    assert set(calls["next_step"]) <= {"check_up_call", "win_back"}
    assert calls.loc["E", "next_step"] == "win_back" and calls.loc["E", "month"] == "2026-01"
    assert calls.loc["C", "month"] == "2026-05"  # its anniversary month had room
    assert list(calls.columns) == [
        "name",
        "segment",
        "owner",
        "month",
        "next_step",
        "why",
        "value_12m",
    ]
    words = segment_lists.calls_in_words(calls, 5, ENGLISH)
    assert words.startswith(f"Calls in the coming 12 months: {len(calls)}; ")
    assert "of the 5 calls your team can make in a month" in words
    listed = segment_lists.segments_list(table, plan)
    assert list(listed.columns) == [
        "customer_id",
        "name",
        "segment",
        "value_12m",
        "potential",
        "owner",
        "next_step",
        "month",
        "potential_basis",
        "abc_class",
        "revenue_12m",
        "margin_12m",
        "wallet",
        "tenure_years",
        "hours_per_year",
        "p_alive",
        "expected_purchases_12m",
    ]
    assert len(listed) == 8 and listed["segment"].ne("").all()
    by_id = listed.set_index("customer_id")
    assert (by_id["next_step"] == plan.loc[by_id.index, "next_step"]).all()
    assert by_id.loc["A", "next_step"] == "write_vision"


def test_no_calls_to_make_keeps_the_columns(table):
    calls = segment_lists.checkup_calls(plan_of(table, calls_per_month=0), ENGLISH)
    assert calls.empty and list(calls.reset_index().columns) == [
        "customer_id",
        "name",
        "segment",
        "owner",
        "month",
        "next_step",
        "why",
        "value_12m",
    ]
    assert segment_lists.calls_in_words(calls, 0, ENGLISH).startswith("No calls in the plan")


def test_readable_formats_known_columns(table):
    summary = segmentation.segment_summary(table)
    shown = segment_lists.readable(
        service_model(summary, ENGLISH).join(summary[["customer_share"]]), ENGLISH
    )
    assert "share of customers" in shown.columns and "who serves them" in shown.columns
    assert shown.loc[segmentation.KEY_ACCOUNT, "share of customers"] == "12.5%"
    owners = segment_lists.readable(ownership.owner_table(table), ENGLISH)
    assert owners.loc["Liisa", "value, 12 months"] == "€3,000"


def test_readable_names_the_plans_step(table):
    listed = segment_lists.segments_list(table, plan_of(table)).set_index("customer_id")
    shown = segment_lists.readable(listed.head(3), ENGLISH, columns=["name", "next_step"])
    assert list(shown.columns) == ["customer", "next step"]
    assert shown.loc["A", "next step"] == "write a customer vision"
    fi = segment_lists.readable(listed.head(1), Language("fi"), columns=["next_step"])
    assert fi.iloc[0, 0] == Language("fi")._("write a customer vision")


def test_readable_in_finnish(table):
    shown = segment_lists.readable(segmentation.segment_summary(table), Language("fi"))
    assert "avainasiakas" in shown.index


def test_readable_shows_the_fifth_against_the_many_and_the_years(table):
    groups = segmentation.fifth_and_many(segmentation.segment_summary(table))
    shown = segment_lists.readable(groups, ENGLISH)
    assert list(shown.index) == ["the valuable fifth", "the many (serve)", "dormant"]
    assert shown.loc["the valuable fifth", "share of sales hours"] == "89.8%"
    years = segment_lists.readable(segmentation.fifth_by_years(table), ENGLISH)
    assert list(years.columns) == [
        "customer",
        "segment",
        "value, 12 months",
        "rank by value",
        "years as a customer",
        "rank by years",
        "revenue, all years",
    ]
    assert years.loc["A", "years as a customer"] == "1.5"
    fi = segment_lists.readable(groups, Language("fi"))
    assert fi.index[0] == "arvokkain viidennes"
