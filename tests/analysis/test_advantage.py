"""The 9E analysis, pinned on small hand-made answers that can be checked by hand."""

import pandas as pd
import pytest

from helpers.analysis import advantage
from helpers.course import forms
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
    text = advantage.competitiveness_in_words(check)
    assert "Delivery falls short" in text and "Not scored yet: Service" in text
    far_behind = long([("a", "product", 3, 5, None)])
    assert not advantage.competitiveness(far_behind).loc["product", "holds"]  # 2 behind
    no_competitor = long([("a", "service", 4, None, None)])
    assert advantage.competitiveness(no_competitor).loc["service", "holds"]


def test_the_basics_holding_say_advantage_work_makes_sense():
    rows = [("a", b, 4, 4, None) for b in advantage.BASICS]
    text = advantage.competitiveness_in_words(advantage.competitiveness(long(rows)))
    assert text.startswith("The basics hold") and "Only just" not in text


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
    assert advantage.chosen_es(scores, {})[1] == "importance × lead"
    picked, basis = advantage.chosen_es(scores, {"chosen": ["economy", "ethics"]})
    assert picked == ["economy", "ethics"] and basis == "the team's pick"
    assert advantage.behind_on_what_matters(scores) == ["energy"]


def test_disagreement_agenda_lists_spreads_of_two_or_more_widest_first():
    rows = [
        ("a", "ethics", 1, 3, 3), ("b", "ethics", 4, 3, 3),  # today 3 apart
        ("a", "epic", 3, 1, 3), ("b", "epic", 3, 3, 3),  # competitor 2 apart
        ("a", "energy", 3, 3, 3), ("b", "energy", 4, 3, 2),  # 1: agreement
    ]  # fmt: skip
    scores = advantage.team_scores(long(rows))
    agenda = advantage.disagreement_agenda(scores)
    assert agenda.index.tolist() == ["ethics", "epic"]
    words = advantage.agenda_in_words(agenda, ["a", "b"])
    assert "Ethics (today: 3 points apart); Epic (competitor: 2 points apart)" in words
    assert "Only one person" in advantage.agenda_in_words(agenda, ["a"])


def test_headline_figures_are_documented_and_none_without_answers(tmp_path):
    result = advantage.results(advantage.load_answers(tmp_path))
    figures = advantage.headline_figures(result)
    assert set(figures) <= set(FIGURES), set(figures) - set(FIGURES)
    assert figures["e9_members"] == 0
    assert all(v is None for k, v in figures.items() if k != "e9_members")
    assert "Nobody has filled in" in advantage.answers_in_words(result.answers, tmp_path)


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
    forms.AnswerTable(
        forms.member_file(tmp_path, "9e", "aino"), "area", advantage.FIELDS, advantage.AREAS
    ).set("epic", "today", 4)
    advantage.team_file(tmp_path).write_text('chosen = ["epik"]\n', encoding="utf-8")
    answers = advantage.load_answers(tmp_path)
    assert answers.members == ["aino"] and answers.answered
    assert len(answers.problems) == 1 and "answers/9e/team.toml, line 1" in str(answers.problems[0])
    assert "team.toml" in advantage.problems_in_words(answers)


def test_area_key_reads_names_and_keys():
    assert advantage.area_key("Epic") == "epic" and advantage.area_key("delivery") == "delivery"
    assert advantage.area_key("Etiikka") == "ethics" and advantage.area_key("kunskap") == (
        "education"
    )
    assert advantage.area_key("speed") is None


def test_sentences_and_tables_in_finnish_and_swedish():
    from helpers.report.formats import Formats

    fi, sv = Formats("fi"), Formats("sv")
    check = advantage.competitiveness(TEAM)
    assert advantage.competitiveness_in_words(check, fi).startswith(
        "Ensin kilpailukyky: Toimitus ei ole kunnossa (alle 3 tai yli 1 piste"
    )
    assert "Inga poäng än: Service." in advantage.competitiveness_in_words(check, sv)
    table = advantage.basics_readable(check, sv)
    assert table.columns.tolist() == ["vi i dag", "konkurrent", "håller"]
    assert table.loc["Leverans"].tolist() == ["2,5", "2,0", "nej"]  # hand-made: (2 + 3) / 2
    assert table.loc["Service"].tolist() == ["–", "–", "inga poäng"]
    scores = advantage.team_scores(TEAM)
    assert advantage.scores_readable(scores, fi).index[0] == "Etiikka"
    words = advantage.chosen_in_words(scores, ["epic", "ethics"], advantage.TEAMS_PICK, sv)
    assert words == "E:na att satsa på (teamets val): Berättelse, Etik."
    assert advantage.e_name("education", fi) == "Informatiivisuus"
    assert advantage.e_name("education") == "Education"  # figures keep the English names
