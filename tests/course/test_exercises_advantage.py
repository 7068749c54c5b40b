"""Notebook 04's exercises check against the saved answers, and say so when there are none.

Every exercise gets a right and a wrong answer on the sample company (a team of three) and
on the invoices-only company (tests/companies/minimal): there nobody has answered, so each
check says exactly why it can't work; once answers are written into a copy of it, they
work. On a copy of the tiny company with two members' hand-written answers:

    education: today 5, 3 -> 4;  competitor 2, 2 -> 2;  lead 2;  importance 4, 2 -> 3
    efficiency: today 4, 4 -> 4; competitor 3, 4 -> 3.5; lead 0.5; importance 5, 5 -> 5
    epic: today 1, 2 -> 1.5;     competitor 4, 4 -> 4;  lead -2.5
    spreads: education 2 (today and importance), efficiency 1, epic 1
    average lead over the six answers: (3 + 1 - 3 + 1 + 0 - 2) / 6 = 0
    to invest in: education (ahead, both see it, importance 3, evidence "evenings");
    efficiency is ahead on average (Aino sees it, half the team) but nobody wrote what
    backs it (unbacked); epic is behind
"""

import shutil
from pathlib import Path

import pytest

from helpers.analysis import advantage
from helpers.course import exercises
from helpers.course.exercises.base import thinking_count
from helpers.course.session import start

COMPANIES = Path(__file__).parent.parent / "companies"
AINO = """area,today,competitor,importance,evidence
education,5,2,4,evenings
efficiency,4,3,5,
epic,1,4,3,
"""
JUSSI = """area,today,competitor,importance,evidence
education,3,2,2,
efficiency,4,4,5,
epic,2,4,3,
"""


def with_answers(source: Path, tmp_path: Path, files: dict[str, str]) -> Path:
    """A copy of a company folder with these answer files in answers/9e/."""
    folder = Path(shutil.copytree(source, tmp_path / source.name))
    (folder / "answers" / "9e").mkdir(parents=True)
    for member, text in files.items():
        (folder / "answers" / "9e" / f"{member}.csv").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def team_company(tmp_path):
    return with_answers(COMPANIES / "tiny", tmp_path, {"aino": AINO, "jussi": JUSSI})


def questions_for(folder):
    return exercises.advantage.questions(start("04-competitive-advantage-9e", folder))


def test_the_notebook_s_order_and_kinds():
    questions = questions_for(None)
    assert [q.number for q in questions] == [1, 2, 3, 4, 5, 6, 7]
    assert [q.mode for q in questions[:5]] == ["look up", "look up", "compute", "predict", "argue"]
    assert thinking_count(questions) == 3


def test_on_the_sample_each_check_tells_right_from_wrong():
    q1, q2, q3, q4, q5, q6, q7 = questions_for(None)
    assert q1.is_correct("Education") and q1.is_correct("informatiivisuus")
    assert q1.is_correct("Efficiency") is False
    assert q2.is_correct("Efficiency") and q2.is_correct("Education") is False
    # every member scored every E: (1/3 + 1 + 1 - 5/3 + 2/3 + 2 + 1/3 - 5/3 + 4/3) / 9 = 10/27
    assert q3.is_correct(0.37) and q3.is_correct("0,37") and q3.is_correct(10 / 27)
    assert q3.is_correct(0.5) is False and q3.is_correct(-0.37) is False
    # Aino 2, Jussi 3, Mikko 5 on enthusiasm today: the widest, 3 points apart
    assert q4.is_correct("Enthusiasm") and q4.is_correct("Entusiasm")
    assert q4.is_correct("Emotion") is False
    assert "Enthusiasm (scores 3 points apart, on 'today')" in q4.feedback("Emotion")
    for defensible in ("Education", "Efficiency", "Emotion", "Aesthetics", "tehokkuus"):
        assert q5.is_correct((defensible, "because")), defensible
    assert q5.is_correct(("Enthusiasm", "we care")) is False  # only Mikko sees us ahead
    assert q5.is_correct("Economy") is False  # Virtanen is ahead
    assert q5.is_correct("Energy") is False  # customers rate it 2.3
    assert q6.is_correct("anything") is None and q7.is_correct("anything") is None


def test_the_sample_s_argument_shows_the_reason_of_each_choice():
    q5 = questions_for(None)[4]
    right = q5.feedback(("education", "the evenings bring leads"))
    assert right.startswith("✓ Question 5: Education is defensible")
    assert "3 of 3 members see us ahead" in right and "Material evenings" in right
    assert "largest importance × lead" in right and "the evenings bring leads" in right
    wrong = q5.feedback(("Enthusiasm", "we care"))
    assert "only 1 of 3 members sees us ahead" in wrong and "Defensible: Aesthetics" in wrong
    assert "Konepaja Virtanen Oy is ahead or level" in q5.feedback("Economy")
    assert "customers rate it 2.3 of 5" in q5.feedback("energy")
    assert 'like ("Epic", "because ...")' in q5.feedback(None)


def test_a_prediction_shows_nothing_until_the_guess():
    q4 = questions_for(None)[3]
    unanswered = q4.feedback(None)
    assert "guess_4 =" in unanswered and "Enthusiasm" not in unanswered
    assert q4.feedback("Enthusiasm").startswith("Question 4: ✓ right")
    assert "why each member answers alone" in q4.feedback("Epic")


def test_with_invoices_only_every_check_says_why_not(capsys):
    questions = questions_for(COMPANIES / "minimal")
    right_or_wrong = {1: ("Education", "Epic"), 2: ("Efficiency", "Epic"), 3: (0.37, 0.5)}
    right_or_wrong |= {4: ("Enthusiasm", "Epic"), 5: (("Education", "x"), "Economy")}
    for q in questions[:5]:
        assert not q.checkable
        for answer in right_or_wrong[q.number]:
            assert q.is_correct(answer) is None
            q.check(answer)
            said = capsys.readouterr().out
            assert "can't be checked on this data" in said
            assert "Nobody has filled in the 9E checklist in this company folder yet" in said
            assert "run the notebook again from section 2" in said
    questions[0].check()
    assert "not answered yet" in capsys.readouterr().out


def test_with_invoices_only_the_checks_work_once_answered(tmp_path):
    folder = with_answers(COMPANIES / "minimal", tmp_path, {"aino": AINO, "jussi": JUSSI})
    q1, q2, q3, q4, q5, *_ = questions_for(folder)
    assert q1.is_correct("Education") and q1.is_correct("Epic") is False
    assert q2.is_correct("Efficiency") and q2.is_correct("Education") is False
    assert q3.is_correct(0) and q3.is_correct(0.5) is False
    assert q4.is_correct("Education") and q4.is_correct("Epic") is False
    assert q5.is_correct(("Education", "evenings")) and q5.is_correct("Efficiency") is False


def test_checks_tell_right_from_wrong_on_hand_made_answers(team_company):
    q1, q2, q3, q4, q5, *_ = questions_for(team_company)
    assert q1.is_correct("Education") and q1.is_correct("education ")
    assert not q1.is_correct("Efficiency")
    assert q2.is_correct("Efficiency") and not q2.is_correct("Education")
    assert q3.is_correct(0) and q3.is_correct("0,0") and not q3.is_correct(0.5)
    assert q4.is_correct("Education") and not q4.is_correct("Epic")
    assert list(q5.expected) == ["Education"]
    assert "nobody wrote what backs it" in q5.weaker["Efficiency"]
    assert "ahead or level" in q5.weaker["Epic"]


def test_ties_accept_every_tied_answer(team_company):
    (team_company / "answers" / "9e" / "jussi.csv").unlink()
    q1, q2, *_ = questions_for(team_company)
    # Aino alone: leads education 3, efficiency 1; importance efficiency 5
    assert q1.is_correct("Education") and q2.is_correct("Efficiency")


def test_one_member_has_no_disagreement_to_predict(team_company, capsys):
    (team_company / "answers" / "9e" / "jussi.csv").unlink()
    q4 = questions_for(team_company)[3]
    assert q4.is_correct("Education") is None
    q4.check("Education")
    said = capsys.readouterr().out
    assert "Only Aino has answered" in said and "two members' answers to disagree" in said


def test_a_team_that_agrees_everywhere_has_nothing_to_predict(tmp_path):
    same = "area,today,competitor,importance,evidence\nepic,4,3,4,a story\n"
    folder = with_answers(COMPANIES / "tiny", tmp_path, {"a": same, "b": same})
    q4 = questions_for(folder)[3]
    assert q4.is_correct("Epic") is None and "same scores on every E" in q4.feedback("Epic")


def test_without_a_defensible_e_the_argument_says_so(tmp_path):
    behind = "area,today,competitor,importance,evidence\nepic,2,4,4,\nethics,3,3,5,\n"
    folder = with_answers(COMPANIES / "tiny", tmp_path, {"a": behind})
    q5 = questions_for(folder)[4]
    assert q5.is_correct("Epic") is None
    assert "no E is yet a defensible place to invest" in q5.feedback("Epic")


def test_answers_with_no_competitor_scores_say_what_is_missing(tmp_path):
    folder = with_answers(
        COMPANIES / "tiny", tmp_path, {"a": "area,today,competitor,importance\nepic,4,,\n"}
    )
    q1, q2, q3, *_ = questions_for(folder)
    assert "No member has scored both us and the competitor" in q3.feedback(0.5)
    assert "No member has scored the importance of any E" in q2.feedback("Epic")
    assert q1.is_correct("Epic") is None


def test_the_expected_answers_are_the_helpers_figures():
    wb = start("04-competitive-advantage-9e")
    answers = advantage.load_answers(wb.company.folder)
    q3 = exercises.advantage.questions(wb)[2]
    e_rows = answers.long[answers.long["area"].isin(advantage.E_KEYS)]
    learner = (e_rows["today"] - e_rows["competitor"]).mean()  # the line the notebook asks for
    assert q3.expected == pytest.approx(advantage.average_lead(answers.long))
    assert q3.is_correct(float(learner))
