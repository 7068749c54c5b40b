"""The 9E analysis, pinned on small hand-made answers that can be checked by hand."""

import pandas as pd
import pytest

from helpers.analysis import advantage
from helpers.company.answers import AnswerTable, member_file
from helpers.paths import SAMPLE_DIR
from helpers.report.figures import FIGURES


def long(rows):
    """rows: (member, area, today, competitor, importance[, evidence])"""
    frame = pd.DataFrame(
        [(*r, None) if len(r) == 5 else r for r in rows],
        columns=["member", "area", "today", "competitor", "importance", "evidence"],
    )
    for column in advantage.SCORE_COLUMNS:
        frame[column] = frame[column].astype("Float64")
    return frame


TEAM = long(
    [
        ("aino", "education", 5, 2, 4, "evenings"),
        ("jussi", "education", 3, 2, 2),
        ("aino", "efficiency", 4, 3, 5, "48 h"),
        ("jussi", "efficiency", 4, 4, 5),
        ("aino", "epic", 1, 4, 3),
        ("jussi", "epic", 2, 4, 3),
        ("aino", "product", 3, 4, None),
        ("jussi", "product", 3, 4, None),
        ("aino", "delivery", 2, 2, None),
        ("jussi", "delivery", 3, 2, None),
    ]
)


def test_team_scores_average_lead_priority_and_spread_by_hand():
    scores = advantage.team_scores(TEAM)
    education = scores.loc["education"]
    # today (5+3)/2 = 4, competitor 2, importance (4+2)/2 = 3
    assert (education["today"], education["competitor"], education["importance"]) == (4, 2, 3)
    assert education["lead"] == 2 and education["priority"] == 6
    # spreads: today 5-3 = 2, competitor 0, importance 4-2 = 2 -> the largest is 2
    assert education["spread"] == 2 and education["spread_competitor"] == 0
    efficiency = scores.loc["efficiency"]
    assert efficiency["lead"] == 0.5 and efficiency["priority"] == 2.5
    assert scores.loc["epic", "lead"] == -2.5 and scores.loc["epic", "priority"] == -7.5
    assert scores.index.tolist() == advantage.E_KEYS  # all nine, in order
    assert pd.isna(scores.loc["ethics", "today"]) and scores.loc["ethics", "members"] == 0
    assert scores.loc["education", "members"] == 2


def test_competitiveness_holds_when_fine_and_not_more_than_a_point_behind():
    check = advantage.competitiveness(TEAM)
    assert check.loc["product", "holds"]  # 3 vs 4: fine, one point behind
    assert not check.loc["delivery", "holds"]  # 2.5 < 3: not fine, though level
    assert pd.isna(check.loc["service", "holds"])  # nobody scored it
    far_behind = long([("a", "product", 3, 5, None)])
    assert not advantage.competitiveness(far_behind).loc["product", "holds"]  # 2 behind
    no_competitor = long([("a", "service", 4, None, None)])
    assert advantage.competitiveness(no_competitor).loc["service", "holds"]


def test_suggested_es_rank_positive_importance_times_lead_then_importance_then_order():
    scores = advantage.team_scores(
        long(
            [
                ("a", "ethics", 4, 3, 2),  # 2
                ("a", "aesthetics", 3, 2, 2),  # 2, same importance: later in the list
                ("a", "emotion", 4, 2, 1),  # 2, lower importance
                ("a", "epic", 5, 1, 4),  # 16
                ("a", "energy", 2, 4, 5),  # negative: never suggested
                ("a", "economy", 3, 3, 5),  # level: 0, never suggested
            ]
        )
    )
    assert advantage.suggested_es(scores) == ["epic", "ethics", "aesthetics"]
    assert advantage.suggested_es(scores, n=5) == ["epic", "ethics", "aesthetics", "emotion"]
    # the basis is a code; tests/words/test_advantage.py pins its words
    assert advantage.chosen_es(scores, {})[1] == advantage.BY_PRIORITY
    picked, basis = advantage.chosen_es(scores, {"chosen": ["economy", "ethics"]})
    assert picked == ["economy", "ethics"] and basis == advantage.TEAMS_PICK
    assert advantage.behind_on_what_matters(scores) == ["energy"]


def test_disagreement_agenda_lists_spreads_of_two_or_more_widest_first():
    rows = [
        ("a", "ethics", 1, 3, 3),
        ("b", "ethics", 4, 3, 3),  # today 3 apart
        ("a", "epic", 3, 1, 3),
        ("b", "epic", 3, 3, 3),  # competitor 2 apart
        ("a", "energy", 3, 3, 3),
        ("b", "energy", 4, 3, 2),  # 1: agreement
    ]
    scores = advantage.team_scores(long(rows))
    agenda = advantage.disagreement_agenda(scores)
    assert agenda.index.tolist() == ["ethics", "epic"]
    assert [advantage.widest_question(row) for _, row in agenda.iterrows()] == [
        "today",
        "competitor",
    ]


def test_headline_figures_are_documented_and_none_without_answers(tmp_path):
    result = advantage.results(advantage.load_answers(tmp_path))
    figures = advantage.headline_figures(result)
    assert set(figures) <= set(FIGURES), set(figures) - set(FIGURES)
    assert figures["e9_members"] == 0
    assert all(v is None for k, v in figures.items() if k != "e9_members")


def test_the_sample_answer_files_parse_and_show_a_team_that_disagrees():
    answers = advantage.load_answers(SAMPLE_DIR)
    assert answers.problems == []
    assert answers.members == ["aino", "jussi", "mikko"]
    assert answers.team["competitor_name"] == "Konepaja Virtanen Oy"
    # every member scored every area (importance is not asked for the basics)
    scored = answers.long.groupby("member")["today"].count()
    assert scored.tolist() == [len(advantage.AREAS)] * 3
    result = advantage.results(answers)
    figures = advantage.headline_figures(result)
    assert figures["e9_basics_holding"] == 3
    assert figures["e9_chosen"] == "Education, Efficiency, Emotion"
    assert figures["e9_largest_disagreement"] == "Enthusiasm"
    assert figures["e9_largest_disagreement_spread"] == 3
    assert figures["e9_education_today"] == pytest.approx(13 / 3, abs=1e-3)


def test_a_corrupt_team_file_is_a_problem_and_member_answers_still_count(tmp_path):
    AnswerTable(member_file(tmp_path, "9e", "aino"), "area", advantage.FIELDS, advantage.AREAS).set(
        "epic", "today", 4
    )
    advantage.team_file(tmp_path).write_text('chosen = ["epik"]\n', encoding="utf-8")
    answers = advantage.load_answers(tmp_path)
    assert answers.members == ["aino"] and answers.answered
    assert len(answers.problems) == 1 and "answers/9e/team.toml, line 1" in str(answers.problems[0])


def test_areas_keep_their_english_names_for_the_figures():
    assert advantage.area_label("education") == "Education"  # figures keep the English names
    assert advantage.area_label("service") == "Service"


def test_average_lead_is_the_mean_over_every_answer_that_scores_both():
    # education 3, 1; efficiency 1, 0; epic -3, -2; the basics don't count -> 0 / 6
    assert advantage.average_lead(TEAM) == 0
    rows = long([("a", "epic", 5, 1, 4), ("b", "epic", 3, None, 4), ("a", "ethics", 3, 2, 1)])
    assert advantage.average_lead(rows) == pytest.approx((4 + 1) / 2)  # b's row has no competitor
    assert pd.isna(advantage.average_lead(long([("a", "product", 4, 3, None)])))


def test_investment_case_gives_each_e_the_first_reason_that_fails():
    rows = long(
        [
            ("a", "education", 5, 2, 4, "evenings"),  # ahead, both see it, matters, backed
            ("b", "education", 4, 2, 3),
            ("a", "epic", 2, 4, 5, "a story"),  # behind
            ("b", "epic", 3, 3, 5),
            ("a", "economy", 3, 3, 5, "fair"),  # level: not ahead either
            ("a", "enthusiasm", 5, 3, 4, "odd jobs"),  # ahead on average (5+3+2)/3 vs 3 …
            ("b", "enthusiasm", 3, 3, 4),  # … but only one of three members sees it
            ("c", "enthusiasm", 2, 3, 4),
            ("a", "energy", 5, 3, 2, "new laser"),  # ahead, but customers care little
            ("a", "efficiency", 4, 3, 5),  # ahead, matters, nobody wrote evidence
            ("a", "ethics", 4, None, 4),  # no competitor score: not scored
        ]
    )
    case = advantage.investment_case(advantage.team_scores(rows), rows)
    assert case["verdict"].to_dict() == {
        "ethics": advantage.NOT_SCORED,
        "aesthetics": advantage.NOT_SCORED,
        "emotion": advantage.NOT_SCORED,
        "epic": advantage.NOT_AHEAD,
        "energy": advantage.UNIMPORTANT,
        "education": advantage.DEFENSIBLE,
        "enthusiasm": advantage.CONTESTED,
        "economy": advantage.NOT_AHEAD,
        "efficiency": advantage.UNBACKED,
    }
    assert case.loc["education", "evidence"] == "evenings"
    assert (case.loc["enthusiasm", "ahead_members"], case.loc["enthusiasm", "scored_members"]) == (
        1,
        3,
    )


def test_without_any_evidence_line_the_evidence_is_not_asked_for():
    rows = long([("a", "efficiency", 4, 3, 5), ("a", "epic", 2, 3, 5)])
    case = advantage.investment_case(advantage.team_scores(rows), rows)
    assert case.loc["efficiency", "verdict"] == advantage.DEFENSIBLE
    assert case.loc["epic", "verdict"] == advantage.NOT_AHEAD


def test_the_sample_s_defensible_es_and_its_average_lead():
    answers = advantage.load_answers(SAMPLE_DIR)
    case = advantage.investment_case(advantage.team_scores(answers.long), answers.long)
    defensible = case.index[case["verdict"] == advantage.DEFENSIBLE].tolist()
    assert defensible == ["aesthetics", "emotion", "education", "efficiency"]
    assert case.loc["enthusiasm", "verdict"] == advantage.CONTESTED  # scores 2, 3 and 5
    assert advantage.headline_figures(advantage.results(answers))["e9_average_lead"] == (
        pytest.approx(10 / 27, abs=1e-3)
    )
