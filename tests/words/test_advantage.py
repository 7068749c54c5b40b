"""The 9E checklist in words: names of the E's, findings and tables, in three languages."""

from helpers.analysis import advantage
from helpers.company.answers import AnswerTable, member_file
from helpers.language import ENGLISH, Language
from helpers.words import advantage as words
from tests.analysis.test_advantage import TEAM, long

FI, SV = Language("fi"), Language("sv")


def test_competitiveness_in_words_names_what_falls_short_and_what_is_not_scored():
    text = words.competitiveness_in_words(advantage.competitiveness(TEAM), ENGLISH)
    assert "Delivery falls short" in text and "Not scored yet: Service" in text


def test_the_basics_holding_say_advantage_work_makes_sense():
    rows = [("a", b, 4, 4, None) for b in advantage.BASICS]
    text = words.competitiveness_in_words(advantage.competitiveness(long(rows)), ENGLISH)
    assert text.startswith("The basics hold") and "Only just" not in text


def test_the_basis_of_the_choice_in_words():
    assert words.basis_name(advantage.BY_PRIORITY, ENGLISH) == "importance × lead"
    assert words.basis_name(advantage.TEAMS_PICK, ENGLISH) == "the team's pick"
    assert words.basis_name(advantage.TEAMS_PICK, SV) == "teamets val"
    scores = advantage.team_scores(long([("a", "epic", 5, 1, 4)]))
    chosen, basis = advantage.chosen_es(scores, {})
    assert words.chosen_in_words(scores, chosen, basis, ENGLISH) == (
        "The E to invest in (importance × lead): Epic."
    )


def test_agenda_in_words_names_the_question_members_disagree_on():
    rows = [
        ("a", "ethics", 1, 3, 3),
        ("b", "ethics", 4, 3, 3),  # today 3 apart
        ("a", "epic", 3, 1, 3),
        ("b", "epic", 3, 3, 3),  # competitor 2 apart
        ("a", "energy", 3, 3, 3),
        ("b", "energy", 4, 3, 2),  # 1: agreement
    ]
    agenda = advantage.disagreement_agenda(advantage.team_scores(long(rows)))
    text = words.agenda_in_words(agenda, ["a", "b"], ENGLISH)
    assert "Ethics (today: 3 points apart); Epic (competitor: 2 points apart)" in text
    assert "Only one person" in words.agenda_in_words(agenda, ["a"], ENGLISH)


def test_without_answers_the_words_say_how_to_give_them(tmp_path):
    answers = advantage.load_answers(tmp_path)
    assert "Nobody has filled in" in words.answers_in_words(answers, tmp_path, ENGLISH)


def test_a_corrupt_team_file_is_named_in_words(tmp_path):
    AnswerTable(member_file(tmp_path, "9e", "aino"), "area", advantage.FIELDS, advantage.AREAS).set(
        "epic", "today", 4
    )
    advantage.team_file(tmp_path).write_text('chosen = ["epik"]\n', encoding="utf-8")
    answers = advantage.load_answers(tmp_path)
    assert "team.toml" in words.problems_in_words(answers, ENGLISH)


def test_area_key_reads_names_and_keys():
    assert words.area_key("Epic") == "epic" and words.area_key("delivery") == "delivery"
    assert words.area_key("Etiikka") == "ethics" and words.area_key("kunskap") == "education"
    assert words.area_key("speed") is None


def test_sentences_and_tables_in_finnish_and_swedish():
    check = advantage.competitiveness(TEAM)
    assert words.competitiveness_in_words(check, FI).startswith(
        "Ensin kilpailukyky: Toimitus ei ole kunnossa (alle 3 tai yli 1 piste"
    )
    assert "Inga poäng än: Service." in words.competitiveness_in_words(check, SV)
    table = words.basics_readable(check, SV)
    assert table.columns.tolist() == ["vi i dag", "konkurrent", "håller"]
    assert table.loc["Leverans"].tolist() == ["2,5", "2,0", "nej"]  # hand-made: (2 + 3) / 2
    assert table.loc["Service"].tolist() == ["–", "–", "inga poäng"]
    scores = advantage.team_scores(TEAM)
    assert words.scores_readable(scores, FI).index[0] == "Etiikka"
    text = words.chosen_in_words(scores, ["epic", "ethics"], advantage.TEAMS_PICK, SV)
    assert text == "E:na att satsa på (teamets val): Berättelse, Etik."
    assert words.e_name("education", FI) == "Informatiivisuus"
    assert words.e_name("education", ENGLISH) == "Education"
