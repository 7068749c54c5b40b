"""Keep or win: the bridge of won, kept and lost revenue, the signs of texts 000 and 004,
and the owners' scorecard, pinned on hand-made invoices."""

import math

import pandas as pd
import pytest

from helpers.analysis import keep_and_win as kw

AS_OF = pd.Timestamp("2025-12-31")


@pytest.fixture
def lines():
    """O old (2021, covers both windows); K kept (100 → 80); L lost (50 the year before, a
    credit of −10 after); N new (30); R returned (bought in 2023, then 40 now)."""
    rows = [
        ("O", "2021-01-01", 10.0),
        ("K", "2024-06-01", 100.0),
        ("K", "2025-06-01", 80.0),
        ("L", "2024-07-01", 50.0),
        ("L", "2025-02-01", -10.0),
        ("N", "2025-05-01", 30.0),
        ("R", "2023-03-01", 20.0),
        ("R", "2025-09-01", 40.0),
    ]
    frame = pd.DataFrame(rows, columns=["customer_id", "date", "amount"])
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def test_the_bridge_by_hand_adds_up(lines):
    bridge = kw.won_and_lost_12m(lines, AS_OF)
    assert bridge["revenue_before"] == 150.0  # K 100 + L 50
    assert bridge["revenue_now"] == 140.0  # K 80, L −10, N 30, R 40
    assert bridge["lost"] == -60.0 and bridge["lost_revenue_before"] == 50.0  # and its credit
    assert bridge["kept_change"] == -20.0
    assert bridge["returned"] == 40.0 and bridge["new"] == 30.0
    parts = ("lost", "kept_change", "returned", "new")
    assert bridge["revenue_before"] + sum(bridge[p] for p in parts) == bridge["revenue_now"]
    assert [bridge[k] for k in ("customers_before", "lost_customers", "kept_customers")] == [
        2,
        1,
        1,
    ]
    assert (bridge["returned_customers"], bridge["new_customers"], bridge["reason"]) == (1, 1, None)


def test_the_bridge_says_why_when_the_data_is_short(lines):
    short = lines.loc[lines["date"] >= "2024-06-01"]  # starts inside the earlier window
    bridge = kw.won_and_lost_12m(short, AS_OF)
    assert bridge["reason"] == "data_starts_inside_window"
    assert math.isnan(bridge["revenue_before"]) and math.isnan(bridge["lost_revenue_before"])
    assert bridge["new"] == 70.0  # N, and R, whose 2023 purchase the short data cuts off


def figures(**changes):
    base = {
        "new_customer_revenue_share_12m": 0.2,
        "erosion_ci_high": 0.01,
        "largest_customer_share": 0.1,
        "retention_12m": 0.9,
        "bridge": {"kept_change": 5.0, "lost_revenue_before": 10.0, "new": 20.0},
    }
    bridge = changes.pop("bridge", {})
    base.update(changes)
    base["bridge"] = {**base["bridge"], **bridge}
    return base


def test_each_sign_at_its_limit():
    assert kw.signs(figures()) == {
        "win": {"few_new": False, "prices_slide": False, "dependent": False},
        "keep": {"retention_low": False, "kept_buy_less": False, "lost_more_than_won": False},
    }
    at_limits = figures(
        new_customer_revenue_share_12m=0.10,  # not under 10 %
        erosion_ci_high=0.0,  # not below zero
        largest_customer_share=0.20,  # 20 % or more: dependent
        retention_12m=0.75,  # not under 75 %
        bridge={"kept_change": 0.0, "lost_revenue_before": 20.0},  # lost = new: not more
    )
    shown = kw.signs(at_limits)
    assert shown["win"] == {"few_new": False, "prices_slide": False, "dependent": True}
    assert not any(shown["keep"].values())
    below = figures(
        new_customer_revenue_share_12m=0.099,
        erosion_ci_high=-0.001,
        retention_12m=0.749,
        bridge={"kept_change": -1.0, "lost_revenue_before": 20.01},
    )
    shown = kw.signs(below)
    assert shown["win"]["few_new"] and shown["win"]["prices_slide"]
    assert all(shown["keep"].values())


def test_which_side_weighs_more():
    assert kw.weighs_more(kw.signs(figures(retention_12m=0.5))) == ["keep"]
    assert kw.weighs_more(kw.signs(figures(largest_customer_share=0.5))) == ["win"]
    assert kw.weighs_more(kw.signs(figures())) == ["keep", "win"]  # none on either: a tie
    nothing = figures(
        new_customer_revenue_share_12m=math.nan,
        erosion_ci_high=math.nan,
        largest_customer_share=math.nan,
        retention_12m=math.nan,
        bridge={"kept_change": math.nan, "lost_revenue_before": math.nan},
    )
    assert kw.signs(nothing) == {"win": {}, "keep": {}} and kw.weighs_more(kw.signs(nothing)) == []


def test_figures_without_unit_prices_leave_the_erosion_out(lines):
    result = kw.keep_and_win_figures(lines, AS_OF)
    assert result["erosion_reason"] == "no_unit_prices" and math.isnan(result["erosion_ci_high"])
    assert "prices_slide" not in kw.signs(result)["win"]
    assert result["bridge"]["new"] == 30.0


def test_the_owner_scorecard_by_hand(lines):
    owners = pd.Series({"K": "Aino", "L": "Aino", "N": "Mikko", "R": "Mikko", "O": ""})
    steps = pd.Series({"K": "check_up_call", "L": "win_back", "N": "marketing"})
    card = kw.owner_scorecard(lines, AS_OF, owners, steps)
    assert list(card.index) == ["Aino", "", "Mikko"]  # most customers the year before first
    aino, mikko = card.loc["Aino"], card.loc["Mikko"]
    assert (aino["customers_before"], aino["kept"], aino["retention"]) == (2, 1, 0.5)
    assert aino["kept_revenue_12m"] == 80.0 and aino["plan_steps"] == 2
    assert (mikko["new_customers"], mikko["new_revenue_12m"]) == (1, 30.0)
    assert math.isnan(mikko["retention"])  # nobody of Mikko's bought the year before
    assert mikko["plan_steps"] == 0  # N is marketing, R has no step: marketing too


def test_the_scorecard_with_short_data_has_no_retention(lines):
    short = lines.loc[lines["date"] >= "2024-06-01"]
    card = kw.owner_scorecard(short, AS_OF, pd.Series({"K": "Aino"}))
    assert card["retention"].isna().all() and "plan_steps" not in card
