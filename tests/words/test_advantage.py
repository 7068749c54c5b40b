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


def test_who_has_answered_is_said_so_nobody_thinks_they_answer_alone():
    assert words.who_answered_in_words([], ENGLISH).startswith("Nobody has answered yet")
    said = words.who_answered_in_words(["aino", "jussi-k"], ENGLISH)
    assert said.startswith("Already answered: Aino, Jussi K.") and "join theirs" in said
    assert "Jo vastanneet: Aino" in words.who_answered_in_words(["aino"], FI)


def test_the_sample_s_audit_in_words_and_as_a_table():
    from helpers.analysis.advantage_service import load_audit
    from helpers.paths import SAMPLE_DIR

    audit = load_audit(SAMPLE_DIR)
    text = words.audit_in_words(audit, 4.0, ENGLISH)
    assert "as Aino, Jussi, Mikko answered: 63% of the answers to the 10 statements are yes" in (
        text
    )
    assert "gives its service 4.0 of 5" in text
    assert "Holds for everyone: help without pressure; no judging by looks." in text
    assert "Nobody knows for sure (someone answered don't know): our kind of customer." in text
    table = words.audit_readable(audit, ENGLISH)
    assert table.shape == (10, 4) and list(table.columns) == ["Aino", "Jussi", "Mikko", "team"]
    assert table.loc[("Seen from outside", "tried by an outsider"), "Aino"] == "don't know"
    finnish = words.audit_readable(audit, FI)
    assert finnish.loc[("Ulkopuolisin silmin", "ulkopuolinen on kokeillut meitä"), "Jussi"] == "ei"
    assert "Palvelu asiakkaan silmin" in words.audit_in_words(audit, None, FI)
    changes = words.changes_in_words(audit, SV)
    assert changes.startswith("Vad vi ändrar:") and "(Jussi): The cheap powder coating" in changes


def test_without_audit_answers_the_words_say_how_to_give_them(tmp_path):
    from helpers.analysis.advantage_service import load_audit

    audit = load_audit(tmp_path)
    text = words.audit_in_words(audit, 4.0, ENGLISH)
    assert text.startswith("Nobody has answered the service audit yet")
    assert "answers/service-audit/YOUR_NAME.csv" in text and "statement,answer,change" in text
    assert words.audit_readable(audit, ENGLISH).empty and words.changes_in_words(audit, SV) == ""


def test_the_average_lead_in_words_reads_the_sign():
    assert "0.37 points above" in words.average_lead_in_words(10 / 27, ENGLISH)
    assert "0.50 points below" in words.average_lead_in_words(-0.5, ENGLISH)
    assert "about level" in words.average_lead_in_words(0.1, ENGLISH)
    assert "no average lead" in words.average_lead_in_words(float("nan"), ENGLISH)
    assert "pistettä kilpailijaa paremmiksi" in words.average_lead_in_words(1.0, FI)


def test_the_team_table_can_leave_the_spread_for_later():
    scores = advantage.team_scores(TEAM)
    assert "spread" in words.scores_readable(scores, ENGLISH).columns
    assert "spread" not in words.scores_readable(scores, ENGLISH, spread=False).columns
