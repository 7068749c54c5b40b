"""Notebook 05's exercises on the tiny company and on invoices alone.

tests/companies/tiny, as_of = 2025-12-01:

* survey: A 5, B 4, C 5, D 3 → top-2 box 3 / 4 = 0.75; A, C (5) and B (4) bought again
  within their year (D's year is not over) → very satisfied rate 1.0;
* only A has a contract (2026-06-30, 6.9 months left: bound) and answered 5 → ideal, so
  nobody is at risk;
* the invoices start on 2024-01-15, inside the 12 months before the last 12 (from
  2023-12-02): retention can't be measured, nor can a new customer's second year, so the
  number of new customers that replace the largest account can't be checked. On the sample
  company (five years of invoices) it can: q6 equals what cost_of_losing gives;
* four customers are too few for the still-buying model (q4, q5 say why); a made-up company
  of weekly and yearly buyers shows both checks working beyond the sample.
"""

from pathlib import Path

import pytest

from helpers.course.exercises import loyalty
from helpers.course.session import start

COMPANIES = Path(__file__).parent.parent / "companies"


@pytest.fixture(scope="module")
def questions():
    return loyalty.questions(start("05-commitment-and-loyalty", COMPANIES / "tiny"))


def test_seven_questions_numbered_in_order_two_of_them_thinking(questions):
    assert [q.number for q in questions] == [1, 2, 3, 4, 5, 6, 7]
    assert [q.mode for q in questions if q.thinking] == ["predict", "compute"]


def test_q1_top2_box_share(questions):
    q1 = questions[0]
    assert q1.expected == pytest.approx(0.75)
    assert q1.is_correct(0.75) and q1.is_correct(75)
    assert not q1.is_correct(0.5)


def test_q2_repurchase_rate_of_the_very_satisfied(questions):
    q2 = questions[1]
    assert q2.expected == pytest.approx(1.0)
    assert q2.is_correct(1.0) and not q2.is_correct(0.9)


def test_q3_at_risk_count(questions):
    q3 = questions[2]
    assert q3.expected == 0
    assert q3.is_correct(0) and not q3.is_correct(1)


def test_q6_cant_be_checked_when_the_invoices_are_short(questions):
    q4 = questions[5]
    assert q4.is_correct(7) is None
    assert "can't be checked" in q4.feedback(7)
    assert "customers who first bought at least two years ago" in q4.solution_text


def test_q6_on_the_sample_company_follows_the_notebook_s_lifetime_values():
    import math

    from helpers.analysis import freshness, lifetime_value

    wb = start("05-commitment-and-loyalty", None)
    q4 = loyalty.questions(wb)[5]
    retention = freshness.retention_12m(wb.invoices, wb.as_of)
    cost = lifetime_value.cost_of_losing(
        wb.invoices,
        wb.as_of,
        retention,
        acquisition_cost=800,
        hours=wb.company.hours,
        hourly_cost=wb.company.settings["hourly_cost"],
    )
    assert cost["basis"] == "profit"
    largest, new = cost["table"].iloc[1], cost["new_customer"]
    count = math.ceil(largest["lifetime_value"] / (new["lifetime_value"] - 800))
    assert q4.expected == count > 1
    assert q4.is_correct(count) and q4.is_correct(str(count)) and not q4.is_correct(count + 1)


def test_q7_is_a_thought_exercise(questions):
    q5 = questions[6]
    assert q5.is_correct("talk to them") is None
    assert "design phase" in q5.solution_text


def test_on_invoices_alone_the_survey_questions_say_they_cannot_be_checked():
    q1, q2, q3, q4, q5, q6, _ = loyalty.questions(
        start("05-commitment-and-loyalty", COMPANIES / "minimal")
    )
    assert "can't be checked" in q1.feedback(0.5)
    assert "can't be checked" in q2.feedback(0.5)
    assert "can't be checked" in q3.feedback(0)  # no contract dates: no list to count
    assert "can't be checked" in q6.feedback(3)
    for q in (q4, q5):  # two customers: the still-buying model says why it has no fit
        assert q.is_correct("C1") is None and q.is_correct(10) is None
        assert "Fewer than 30 customers have bought on more than one day" in q.feedback("C1")


def test_the_sample_asks_which_of_two_customers_is_gone_and_reveals_only_after_the_guess():
    from helpers.analysis import still_buying

    wb = start("05-commitment-and-loyalty", None)
    q4, q5 = loyalty.questions(wb)[3:5]
    model = still_buying.still_buying(wb.invoices, wb.as_of)
    pair = still_buying.silence_pair(model.summary, model.outlook)
    gone, quiet = pair["gone"], pair["quiet"]
    # the lesson: the one silent for less time, who used to buy often, is the one gone
    assert pair["silence"][gone] < pair["silence"][quiet]
    assert pair["purchases"][gone] > pair["purchases"][quiet]
    assert pair["p_alive"][gone] < 0.5 <= pair["p_alive"][quiet]
    assert f"({gone})" in q4.question and f"({quiet})" in q4.question
    assert "12%" not in q4.feedback(None)
    assert q4.is_correct(gone) and not q4.is_correct(quiet)
    assert "you read the rhythm" in q4.feedback(gone).lower()
    assert "longer silence belongs to a customer who buys rarely" in q4.feedback(quiet)
    # q5 against a plain pandas computation of the same figure
    recent = wb.invoices[wb.invoices["date"] > wb.window_start]
    revenue = recent.groupby("customer_id")["amount"].sum()
    lost = model.outlook.index[model.outlook["p_alive"] < 0.5]
    share = revenue.reindex(lost).sum() / revenue.sum()
    assert 0 < share < 1 and q5.expected == pytest.approx(share)
    assert q5.is_correct(share * 100) and q5.is_correct(f"{share * 100:.1f} %")
    assert not q5.is_correct(share * 100 + 2)


def test_the_still_buying_checks_work_beyond_the_sample(tmp_path):
    """A made-up company of 120 customers who buy by the model's own story: each at a steady
    pace of its own (weekly to yearly), each stopping for good after a purchase with a
    chance of its own; three years of invoices, seeded."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(7)
    end, days = pd.Timestamp("2025-12-31"), 3 * 365
    rows = []
    for n in range(120):
        gap = rng.choice([7, 30, 120, 365]) * rng.uniform(0.7, 1.3)
        stop = rng.beta(1, 12)
        t = rng.uniform(0, days / 2)
        while t < days:
            rows.append((f"K{n:03d}", end - pd.Timedelta(days=days - int(t)), 100.0 + n))
            if rng.random() < stop:
                break
            t += rng.exponential(gap)
    invoices = pd.DataFrame(rows, columns=["customer_id", "date", "amount"])
    invoices["invoice_id"] = [f"I{i}" for i in range(len(invoices))]
    invoices.to_csv(tmp_path / "invoices.csv", index=False)
    wb = start("05-commitment-and-loyalty", tmp_path)
    q4, q5 = loyalty.questions(wb)[3:5]
    assert q4.checkable and q5.checkable
    gone = next(cid for cid in q4.expected if cid in q4.question)
    quiet = next(
        cid
        for cid in wb.invoices["customer_id"].unique()
        if f"({cid})" in q4.question and cid != gone
    )
    assert q4.is_correct(gone) and not q4.is_correct(quiet)
    assert 0 <= q5.expected < 1 and q5.is_correct(q5.expected * 100)
    assert not q5.is_correct(q5.expected * 100 + 5)
