"""Notebook 06's exercises: a right and a wrong answer on the sample and with invoices only,
and the readiness rule and the contact counts pinned on hand-made companies."""

from pathlib import Path

import pandas as pd
import pytest

from helpers.analysis.plan import vision_accounts
from helpers.company.answers.visions import contacts_table
from helpers.company.folder import load_company
from helpers.course import exercises, vision
from helpers.course.exercises.base import thinking_count
from helpers.course.session import start
from helpers.report.vision import largest_account

COMPANIES = Path(__file__).parent.parent / "companies"


def questions(folder):
    wb = start("06-customer-vision", folder)
    example = largest_account(wb.company, wb.as_of)
    return wb, example, exercises.vision.questions(wb, example)


@pytest.mark.parametrize("folder", [None, COMPANIES / "minimal"])
def test_every_exercise_tells_right_from_wrong(folder):
    wb, example, qs = questions(folder)
    q1, q2, q3, q4, q5 = qs
    assert thinking_count(qs) == 3 and [q.mode for q in (q1, q3, q4)] == [
        "argue",
        "compute",
        "predict",
    ]
    for q in qs:  # as committed and as papermill runs them: never raises, says so
        assert (
            "not answered yet" in q.feedback(None)
            or "before you look" in q.feedback(None)
            or ("for thinking" in q.feedback(None))
        )
    # 1 · argue: every defensible choice is accepted with its reason, a weaker one is not
    right = next(iter(q1.expected))
    assert q1.is_correct((right, "it works")) and q1.feedback(right).startswith("✓")
    wrong = next(iter(q1.weaker))
    assert q1.is_correct(wrong) is False and "harder to defend" in q1.feedback(wrong)
    # 2 · look up: whole years
    years = q2.expected
    assert q2.is_correct(years) and not q2.is_correct(years + 1)
    # 3 · compute: the example's share of the last 12 months' revenue, checked by the helper
    recent = wb.invoices[wb.invoices["date"] > wb.window_start]
    share = recent.groupby("customer_id")["amount"].sum()[example] / recent["amount"].sum()
    assert q3.is_correct(share) and q3.is_correct(f"{100 * share:.2f} %")
    assert not q3.is_correct(share / 2)
    # 4 · predict: the accounts with no second contact
    ids = vision_accounts(wb.plan)
    counts = vision.contact_counts(wb.company.folder, ids)
    thin = int((counts["theirs"] < 2).sum())
    assert q4.is_correct(thin) and "your data says" in q4.feedback(thin)
    assert not q4.is_correct(thin + 1) and "lower" in q4.feedback(thin + 1)
    # 5 · think: no check, a solution
    assert q5.is_correct("anything") is None and "Shared vision" in q5.solution_text


def test_on_the_sample_the_shipped_maps_and_texts_decide():
    wb, example, (q1, q2, q3, q4, _q5) = questions(None)
    ids = vision_accounts(wb.plan)
    ready = vision.vision_readiness(wb.company, wb.as_of, ids)
    assert set(q1.expected) == set(ready.index[ready["status"] == vision.READY])
    assert "none" in q1.weaker  # some accounts are ready: waiting is the weaker answer
    assert example == "C0033" and q1.is_correct("C0033")  # the team wrote all five sections
    assert "5 of 5 sections" in q1.expected["C0033"]
    # C0033's map names five people there; C0171's one, the others none
    counts = vision.contact_counts(wb.company.folder, ids)
    assert counts.loc["C0033", "theirs"] == 5 and q4.expected == (counts["theirs"] < 2).sum()
    if "C0171" in ids:
        assert counts.loc["C0171", ["theirs", "ours", "trusted"]].tolist() == [1, 1, 1]


def test_with_invoices_only_no_account_is_ready_and_the_pilot_comes_first():
    wb, example, (q1, q2, q3, q4, _q5) = questions(COMPANIES / "minimal")
    assert example == "Kahvila Muru"
    assert set(q1.expected) == {"none"} and "pioneer phase" in q1.expected["none"]
    assert "less than a year" in q1.feedback(("Kahvila Muru", "largest"))
    assert q2.is_correct(0)  # first invoice 15 Jan 2025, as_of 30 Nov 2025
    assert q3.is_correct(0.8291) and not q3.is_correct(0.5)  # 3 250 of 3 920.5
    assert q4.is_correct(1) and "1 of 1 (Kahvila Muru)" in q4.feedback(0)  # no map at all
    assert "More of your key accounts hang on one person" in q4.feedback(0)


def test_a_company_with_no_account_to_write_a_vision_says_why():
    wb = start("06-customer-vision", COMPANIES / "minimal")
    # no vision accounts at all: as if the plan had none
    empty = exercises.vision.first_account(wb, [])
    assert not empty.checkable and "no account to write a vision" in empty.feedback("x")
    thin = exercises.vision.second_contacts(wb, [])
    assert not thin.checkable and "nothing to map" in thin.feedback(1)
    share = exercises.vision.share_of_revenue(wb, None, None)
    assert "no example account" in share.feedback(0.5)


# --- the readiness rule, by hand -------------------------------------------------------------


@pytest.fixture
def five_accounts(tmp_path):
    """A ready (3 years, growing, very satisfied), B new (4 months), C falling (−50 %),
    D unhappy (2 of 5 a year ago), E silent for a year, F ready with an old sad answer."""
    folder = tmp_path / "five"
    folder.mkdir()
    rows = [
        ("A", "2022-03-01", 100),
        ("A", "2024-06-01", 100),
        ("A", "2025-06-01", 120),
        ("B", "2025-08-01", 500),
        ("C", "2023-01-10", 100),
        ("C", "2024-06-01", 400),
        ("C", "2025-06-01", 200),
        ("D", "2023-01-10", 100),
        ("D", "2024-06-01", 100),
        ("D", "2025-06-01", 100),
        ("E", "2022-01-10", 300),
        ("E", "2024-10-01", 300),
        ("F", "2021-01-10", 100),
        ("F", "2024-06-01", 100),
        ("F", "2025-06-01", 100),
    ]
    pd.DataFrame(rows, columns=["customer_id", "date", "amount"]).to_csv(
        folder / "invoices.csv", index=False
    )
    pd.DataFrame(
        [("A", "2025-07-01", 5), ("D", "2024-12-01", 2), ("F", "2022-05-01", 1)],
        columns=["customer_id", "date", "satisfaction"],
    ).to_csv(folder / "survey.csv", index=False)
    return folder


def test_readiness_by_hand(five_accounts):
    company = load_company(five_accounts)
    table = vision.vision_readiness(company, pd.Timestamp("2025-12-01"), list("ABCDEF"))
    assert table["status"].to_dict() == {
        "A": "ready",
        "B": "new",
        "C": "falling",
        "D": "unhappy",
        "E": "not_buying",
        "F": "ready",  # its only answer is 3½ years old: too old to count against it
    }
    assert table.loc["C", "revenue_change"] == pytest.approx(-0.5)
    assert table.loc["A", "satisfaction"] == 5 and pd.isna(table.loc["F", "satisfaction"])


def test_revenue_share_by_hand():
    lines = pd.DataFrame(
        {
            "customer_id": ["A", "B", "A", "B"],
            "amount": [300.0, 100.0, 50.0, -400.0],
            "date": pd.to_datetime(["2025-03-01", "2025-04-01", "2023-01-01", "2026-02-01"]),
        }
    )
    as_of = pd.Timestamp("2025-12-31")
    assert vision.revenue_share_12m(lines, as_of, "A") == 0.75  # the later credit is ignored
    assert vision.revenue_share_12m(lines, as_of, "Z") == 0.0
    assert pd.isna(vision.revenue_share_12m(lines.iloc[2:3], as_of, "A"))  # nothing to divide


# --- the contact counts, by hand -----------------------------------------------------------


def test_contact_counts_by_hand(tmp_path):
    folder = tmp_path / "co"
    folder.mkdir()
    table = contacts_table(folder, "A")
    for key, ours, theirs, strength in (
        ("1", "Mikko", "Sari", 3),
        ("2", "Jussi", "Sari", 2),
        ("3", "Jussi", "Timo", None),
    ):
        table.set(key, "ours", ours)
        table.set(key, "theirs", theirs)
        if strength:
            table.set(key, "strength", strength)
    contacts_table(folder, "B").set("1", "ours", "Aino")  # one side only: not a link yet
    bad = folder / "answers" / "contacts" / "C.csv"
    bad.write_text("link,ours,theirs,strength\n1,A,B,9\n", encoding="utf-8")
    counts = vision.contact_counts(folder, ["A", "B", "C", "D"])
    assert counts.to_dict("index") == {
        "A": {"theirs": 2, "ours": 2, "trusted": 1, "readable": True},
        "B": {"theirs": 0, "ours": 0, "trusted": 0, "readable": True},
        "C": {"theirs": 0, "ours": 0, "trusted": 0, "readable": False},
        "D": {"theirs": 0, "ours": 0, "trusted": 0, "readable": True},
    }
    assert list(vision.no_second_contact(counts)) == ["B", "C", "D"]
    assert bad.read_text(encoding="utf-8") == "link,ours,theirs,strength\n1,A,B,9\n"  # kept
