"""One step per customer: precedence, capacity and months, pinned on hand-made customers."""

import numpy as np
import pandas as pd
import pytest

from helpers.analysis.plan import STEPS, build_plan, calls_by_month, months_after, plan_counts
from helpers.analysis.shortlist import COMPETITOR, KEEP, REPRICE

AS_OF = pd.Timestamp("2025-12-31")


def customers(rows: list[tuple]) -> pd.DataFrame:
    """(id, segment, value, first invoice month, bought the year before) -> a segments table."""
    frame = pd.DataFrame(
        [
            {
                "customer_id": cid,
                "name": f"Name {cid}",
                "segment": segment,
                "value_12m": value,
                "potential_level": "high",
                "owner": "Aino" if segment == "key account" else "",
                "first_invoice": pd.Timestamp(2020, month, 1),
                "lapsed": segment == "dormant" and before,
                # what a win-back is ranked by: what it bought the year before
                "revenue_prev_12m": 20_000.0 if segment == "dormant" and before else value,
            }
            for cid, segment, value, month, before in rows
        ]
    ).set_index("customer_id")
    return frame.sort_values("value_12m", ascending=False, kind="stable")


def test_precedence_one_step_each_and_no_contradiction():
    table = customers(
        [
            ("K1", "key account", 9000, 1, True),  # key, loses money and is at risk: a vision
            ("K2", "key account", 8000, 2, True),  # key, but a difficult loss-maker: let go
            ("K3", "key account", 7000, 3, True),  # key beyond the team's capacity: develop
            ("P1", "keep", 5000, 4, True),  # 01's price review: reprice
            ("R1", "serve", 900, 5, True),  # 05: commitment low, contract ending: rescue
            ("S1", "serve", 800, 6, True),  # a yearly call
            ("D1", "dormant", 0, 7, True),  # stopped buying this year: win back
            ("D2", "dormant", 0, 8, False),  # long gone: marketing
        ]
    )
    plan = build_plan(
        table,
        AS_OF,
        calls_per_month=5,
        max_key_accounts=1,
        shortlist=pd.Series({"K1": REPRICE, "K2": COMPETITOR, "S1": KEEP}),
        at_risk=pd.Index(["K1", "R1"]),
        price_review=pd.Index(["P1", "K2"]),
    )
    assert plan["next_step"].to_dict() == {
        "K1": "write_vision",
        "K2": "let_go",
        "K3": "develop",
        "P1": "reprice",
        "R1": "rescue",
        "S1": "check_up_call",
        "D1": "win_back",
        "D2": "marketing",
    }
    assert set(plan["next_step"]) <= set(STEPS)
    assert plan.loc["K1", "shortlist"] == REPRICE and plan.loc["K1", "at_risk"]
    assert plan.loc["K3", "over_capacity"] and not plan.loc["K1", "over_capacity"]
    assert plan_counts(plan)["plan_write_vision"] == 1
    assert set(plan["month"]) <= set(months_after(AS_OF))
    assert plan.loc["S1", "month"] == "2026-06"  # its anniversary month
    assert plan.loc["D1", "month"] == "2026-01"  # win back at once


def test_calls_never_pass_the_monthly_capacity_and_the_rest_get_marketing():
    rng = np.random.default_rng(7)
    rows = [
        (f"C{n:04d}", "serve", float(v), int(m), True)
        for n, (v, m) in enumerate(
            zip(rng.integers(1, 10_000, 500), rng.integers(1, 13, 500), strict=True)
        )
    ]
    rows += [(f"D{n:03d}", "dormant", 0.0, 1, True) for n in range(30)]  # 30 to win back
    plan = build_plan(customers(rows), AS_OF, calls_per_month=7, max_key_accounts=10)
    calls = plan.loc[plan["next_step"].isin(["check_up_call", "win_back"])]
    assert len(calls) == 12 * 7  # every call the team has is used
    assert calls.groupby("month").size().max() <= 7
    assert (plan["next_step"] == "win_back").sum() == 30
    assert (plan["next_step"] == "marketing").sum() == 530 - 84
    called = plan.loc[plan["next_step"] == "check_up_call", "value_12m"]
    left = plan.loc[(plan["next_step"] == "marketing") & (plan["segment"] == "serve")]
    assert called.min() >= left["value_12m"].max()  # the most valuable get the calls
    assert calls_by_month(plan).sum(axis=1).max() <= 7 + (plan["next_step"] == "marketing").sum()


def test_the_accounts_the_team_wrote_a_vision_for_come_first_unless_let_go():
    rows = [
        ("K1", "key account", 900.0, 1, True),
        ("K2", "key account", 800.0, 1, True),
        ("B1", "keep", 700.0, 1, True),
        ("B2", "serve", 10.0, 1, True),
    ]
    plan = build_plan(
        customers(rows),
        AS_OF,
        calls_per_month=5,
        max_key_accounts=2,
        with_vision=pd.Index(["B2", "B1"]),
        shortlist=pd.Series({"B1": COMPETITOR}),
    )
    assert plan["next_step"].to_dict() == {
        "B1": "let_go",
        "B2": "write_vision",
        "K1": "write_vision",
        "K2": "develop",
    }
    assert plan.loc["K2", "over_capacity"] and plan["key_rank"].to_dict() == {
        "K1": 2,
        "K2": 3,
        "B1": 0,
        "B2": 1,
    }


def test_visions_stop_at_what_the_team_can_look_after_and_spread_over_the_year():
    rows = [(f"K{n:02d}", "key account", 10_000.0 - n, 1, True) for n in range(40)]
    plan = build_plan(customers(rows), AS_OF, calls_per_month=10, max_key_accounts=25)
    vision = plan.loc[plan["next_step"] == "write_vision"]
    assert len(vision) == 25 and list(vision.index) == [f"K{n:02d}" for n in range(25)]
    assert vision.groupby("month").size().max() <= 3 and vision["month"].nunique() == 12
    assert (plan["next_step"] == "develop").sum() == 15


@pytest.mark.parametrize("calls", [0, 1])
def test_a_team_without_time_for_calls_serves_everyone_by_marketing(calls):
    rows = [("S1", "serve", 10.0, 3, True), ("S2", "serve", 5.0, 3, True)]
    plan = build_plan(customers(rows), AS_OF, calls_per_month=calls, max_key_accounts=5)
    assert (plan["next_step"] == "check_up_call").sum() == min(calls * 12, 2)
    if calls:
        assert plan["month"].tolist() == ["2026-03", "2026-04"]  # S2 moves a month on


def test_on_a_large_base_the_key_accounts_beyond_the_teams_care_queue_for_the_calls():
    rows = [(f"K{n:03d}", "key account", 10_000.0 - n, 1 + n % 12, True) for n in range(100)]
    plan = build_plan(customers(rows), AS_OF, calls_per_month=3, max_key_accounts=5)
    counts = plan["next_step"].value_counts().to_dict()
    assert counts == {"write_vision": 5, "develop": 5, "check_up_call": 36, "marketing": 54}
    assert plan.loc["K010", "next_step"] == "check_up_call"  # the most valuable called first
    assert plan.loc["K099", "next_step"] == "marketing" and plan.loc["K099", "over_capacity"]


def test_the_fifths_develop_cell_gets_a_salesperson_as_far_as_the_team_can():
    # 02's develop cell (the fifth's lower half, room to grow) gets the plan's develop step
    # after the key accounts beyond the team's care, up to max_key_accounts in all; the
    # rest of it queues for the calls right after keep, before maintain and the many
    rows = [
        ("K1", "key account", 900.0, 1, True),
        ("K2", "key account", 850.0, 1, True),
        ("P1", "keep", 820.0, 2, True),
        ("V1", "develop", 800.0, 3, True),
        ("V2", "develop", 700.0, 4, True),
        ("V3", "develop", 600.0, 5, True),
        ("M1", "maintain", 500.0, 6, True),
    ]
    # the many here are even larger than the fifth: the fifth is still called first
    rows += [(f"S{n:02d}", "serve", 2000.0 - n, 7, True) for n in range(20)]
    plan = build_plan(customers(rows), AS_OF, calls_per_month=1, max_key_accounts=2)
    steps = plan["next_step"]
    assert steps[["K1", "K2"]].tolist() == ["write_vision"] * 2
    assert steps[["V1", "V2"]].tolist() == ["develop"] * 2  # two slots, the most valuable
    # 12 calls a year: keep, the develop beyond the slots, maintain, then the many by value
    called = set(plan.index[steps == "check_up_call"])
    assert called == {"P1", "V3", "M1"} | {f"S{n:02d}" for n in range(9)}
    assert (steps[[f"S{n:02d}" for n in range(9, 20)]] == "marketing").all()

    one = build_plan(customers(rows), AS_OF, calls_per_month=1, max_key_accounts=1)
    # one slot: the key account beyond the team's care takes it before the develop cell
    assert one.loc["K2", "next_step"] == "develop" and one.loc["V1", "next_step"] != "develop"
    at_risk = build_plan(
        customers(rows), AS_OF, calls_per_month=1, max_key_accounts=2, at_risk=pd.Index(["V1"])
    )
    # a rescue comes first and takes no develop slot: V2 and V3 get them
    assert at_risk["next_step"][["V1", "V2", "V3"]].tolist() == ["rescue", "develop", "develop"]
