"""The five levels of account value: factual score, team scores, totals, weights, flags
(their sentences and tables: tests/words/test_account_value.py)."""

from pathlib import Path

import pandas as pd
import pytest

from helpers.analysis import account_value as av
from helpers.company import answers
from helpers.paths import SAMPLE_DIR

AS_OF = pd.Timestamp("2025-12-31")


def economics(profit=None, margin=None, revenue=None):
    ids = list((profit or margin or revenue).keys())
    frame = pd.DataFrame(index=pd.Index(ids, name="customer_id"))
    for name, values in (("profit", profit), ("margin", margin), ("revenue", revenue)):
        frame[name] = pd.Series(values, dtype=float) if values else float("nan")
    return frame


def scores(rows):
    """rows: (member, customer_id, reference, contact, emotional, learning)."""
    frame = pd.DataFrame(rows, columns=["member", "customer_id", *av.QUALITATIVE])
    frame["note"] = None
    return frame


def test_factual_score_is_the_percentile_rank_on_1_to_5():
    table = economics(profit={"a": 300, "b": 100, "c": -50})
    assert av.factual_basis(table) == "profit"
    assert av.factual_score(table).tolist() == [5.0, 3.0, 1.0]
    only_revenue = economics(revenue={"a": 10, "b": 10})
    assert av.factual_basis(only_revenue) == "revenue"
    assert av.factual_score(only_revenue).tolist() == [3.0, 3.0]  # a tie shares the middle
    assert av.factual_score(economics(margin={"a": 5})).tolist() == [3.0]


def test_team_scores_average_the_members_who_answered():
    team = av.team_scores(
        scores(
            [
                ("aino", "A", 4, 3, 4, None),
                ("mikko", "A", 2, 3, 2, 5),
                ("mikko", "B", None, None, None, None),  # a row without any score
                ("jussi", "B", 1, None, 5, None),
            ]
        )
    )
    assert list(team.index) == ["A", "B"]
    assert team.loc["A", "reference"] == 3 and team.loc["A", "emotional"] == 3
    assert team.loc["A", "learning"] == 5  # only Mikko answered it
    assert team.loc["A", "members"] == 2 and team.loc["A", "spread"] == 2
    assert team.loc["B", "members"] == 1 and pd.isna(team.loc["B", "contact"])
    assert av.team_scores(scores([])).empty


def profile_of(rows):
    """rows: id -> (factual, reference, contact, emotional, learning)."""
    frame = pd.DataFrame.from_dict(rows, orient="index", columns=list(av.LEVELS), dtype=float)
    frame.index.name = "customer_id"
    return frame


def test_total_value_is_the_weighted_mean_of_the_levels_scored():
    profile = profile_of(
        {
            "A": (5, 1, 1, 1, 1),
            "B": (1, 5, None, None, None),
            "C": (4, None, None, None, None),  # not scored by the team: no total
        }
    )
    total = av.total_value(profile)
    assert total["A"] == pytest.approx((15 + 4) / 7)
    assert total["B"] == pytest.approx((3 + 5) / 4)
    assert pd.isna(total["C"])
    assert av.total_value(profile, {"factual": 0})["A"] == pytest.approx(1.0)
    with pytest.raises(ValueError, match="unknown level"):
        av.total_value(profile, {"fun": 1})
    with pytest.raises(ValueError, match="≥ 0"):
        av.total_value(profile, {"factual": -1})


def test_rank_sensitivity_by_hand():
    # A: factual 5, others 1 -> base (15+4)/7 = 2.71; B: factual 1, others 4 -> (3+16)/7 = 2.71
    # C: 3 everywhere -> 3. Base ranks: C 1, A 2 and B 2 (a tie shares the better rank).
    # factual × 0: A 1, B 4, C 3 -> B 1, C 2, A 3;  factual × 2: A (25+4)/9 = 3.2 first.
    profile = profile_of({"A": (5, 1, 1, 1, 1), "B": (1, 4, 4, 4, 4), "C": (3, 3, 3, 3, 3)})
    table = av.rank_sensitivity(profile)
    assert table["base"].to_dict() == {"C": 1, "A": 2, "B": 2}
    assert table.loc["A", "factual × 0"] == 3 and table.loc["B", "factual × 0"] == 1
    assert table.loc["A", "factual × 2"] == 1
    assert table.loc["A", "best"] == 1 and table.loc["A", "worst"] == 3
    assert table.loc["A", "moves"] == 2
    assert av.rank_sensitivity(profile_of({"A": (5, None, None, None, None)})).empty


def test_emotional_over_factual_flags_loved_accounts_that_earn_little():
    profile = profile_of(
        {
            "A": (1.5, 2, 2, 4.5, 2),
            "B": (4.0, 2, 2, 5, 2),
            "C": (1.0, 2, 2, 2, 2),
            "D": (3.0, 2, 2, 4, 2),
        }
    )
    table = economics(profit={"A": 10, "B": 500, "C": -5, "D": -1})
    flags = av.emotional_over_factual(profile, table)
    assert flags.to_dict() == {"A": True, "B": False, "C": False, "D": True}
    assert not av.emotional_over_factual(profile)["D"]  # without the loss, 3.0 is not low


def test_largest_accounts_of_the_last_12_months():
    lines = pd.DataFrame(
        {
            "customer_id": ["a", "b", "c", "c", "d"],
            "date": pd.to_datetime(
                ["2025-05-01", "2025-06-01", "2025-07-01", "2025-08-01", "2023-01-01"]
            ),
            "amount": [100.0, 300.0, 150.0, -200.0, 5000.0],
        }
    )
    assert av.largest_accounts(lines, AS_OF, top=5) == ["b", "a"]  # c is net negative
    assert av.accounts_to_score(lines, AS_OF, chosen=["d", "a", "d"]) == ["d", "a"]


def test_accounts_to_score_are_notebook_02s_key_accounts_by_default():
    from helpers.analysis.segmentation import key_accounts
    from helpers.company.folder import load_company, resolve_as_of

    company = load_company(None)
    as_of = resolve_as_of(company.invoices, None)
    chosen = av.accounts_to_score(company.invoices, as_of, company.customers)
    assert chosen == key_accounts(company.invoices, as_of, company.customers) and chosen


def test_scores_saved_by_the_form_survive_and_are_read_back(tmp_path: Path):
    # what a click in the form does (forms.bind -> AnswerTable.set), then a "restart"
    path = answers.member_file(tmp_path, av.TOPIC, "Aino K")
    table = answers.AnswerTable(path, key=av.KEY, fields=av.FIELDS)
    assert table.set("C0001", "emotional", 4) and table.set("C0001", "note", "lovely")
    again, problems = av.read_scores(tmp_path)
    assert problems == []
    assert again[["member", "customer_id", "emotional", "note"]].values.tolist() == [
        ["aino-k", "C0001", 4, "lovely"]
    ]
    assert path.read_text(encoding="utf-8-sig").splitlines()[0] == (
        "customer_id,reference,contact,emotional,learning,note,learning_result"
    )


def test_a_corrupt_score_file_is_reported_and_left_out(tmp_path: Path):
    folder = tmp_path / "answers" / av.TOPIC
    folder.mkdir(parents=True)
    (folder / "ok.csv").write_text("customer_id,emotional\nA,3\n", encoding="utf-8")
    bad = "customer_id,emotional\nA,7\n"
    (folder / "bad.csv").write_text(bad, encoding="utf-8")
    frame, problems = av.read_scores(tmp_path)
    assert frame["member"].tolist() == ["ok"]
    assert len(problems) == 1 and "bad.csv, line 2" in str(problems[0])
    assert (folder / "bad.csv").read_text(encoding="utf-8") == bad  # kept byte for byte


def test_the_sample_company_ships_team_scores_that_parse():
    frame, problems = av.read_scores(SAMPLE_DIR)
    assert problems == []
    assert sorted(frame["member"].unique()) == ["aino", "jussi", "mikko"]
    team = av.team_scores(frame)
    assert len(team) >= 10 and (team["members"] >= 1).all()
    assert (team["spread"] >= 2).any()  # the team disagrees somewhere
    # the planted dilemma: Remontti Kettunen is loved (emotional ≥ 4) but loses money
    assert team.loc["C0125", "emotional"] >= 4


def test_the_sample_key_accounts_are_all_scored_and_one_is_flagged():
    from helpers.analysis.profitability import account_economics
    from helpers.company.folder import load_company, resolve_as_of

    company = load_company(None)
    as_of = resolve_as_of(company.invoices, None)
    table = account_economics(
        company.invoices, company.hours, as_of, company.settings["hourly_cost"]
    )
    accounts = av.accounts_to_score(company.invoices, as_of, company.customers)
    frame, _ = av.read_scores(company.folder)
    profile = av.value_profile(table, av.team_scores(frame), accounts)
    assert profile.loc[accounts, "members"].min() >= 2
    flagged = av.emotional_over_factual(profile, table)
    assert flagged[flagged].index.tolist() == ["C0125"]
    assert av.headline_figures(profile, frame, flagged)["emotional_over_factual_accounts"] == 1


def test_learning_results_count_the_members_who_wrote_a_result():
    frame = scores(
        [
            ("aino", "C1", 3, 3, 3, 5),
            ("mikko", "C1", 3, 3, 3, 4),
            ("aino", "C2", 3, 3, 3, 3),
            ("aino", "C3", 3, 3, 3, 4),
        ]
    )
    frame["learning_result"] = ["Two more buyers by June", None, "Whatever", "   "]
    table = av.learning_results(frame, av.team_scores(frame))
    assert table.index.tolist() == ["C1", "C3"]  # C2's learning 3 is below 4
    assert table.loc["C1"].tolist() == [4.5, 2, 1]  # learning, members, written
    assert table.loc["C3", "written"] == 0  # a blank is not a result
    assert av.learning_results(frame.iloc[:0], av.team_scores(frame.iloc[:0])).empty
    assert "learning_result" in [f.name for f in av.FIELDS]  # the form asks for it
