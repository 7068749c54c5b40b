import math

import pytest

from helpers.course.exercises.base import (
    CHOICE,
    COMPUTE,
    FRACTION,
    SHARE,
    THOUGHT,
    Argue,
    Exercise,
    Prediction,
    read_answer,
)


def test_number_right_wrong_and_unanswered():
    q = Exercise(1, "How many?", 120, tolerance=0.01)
    assert q.is_correct(120) is True
    assert q.is_correct(121) is True  # within 1 %
    assert q.is_correct(125) is False
    assert q.is_correct(None) is None
    assert q.is_correct("120") is True  # read as the learner wrote it
    assert q.is_correct("1 200") is False and q.is_correct("120,5") is True
    assert q.is_correct("120 %") is False  # a count is never a percent
    assert q.is_correct(True) is False


def test_share_accepts_a_percentage():
    q = Exercise(2, "Share?", 0.25, kind=SHARE, absolute=0.005)
    assert q.is_correct(0.25) and q.is_correct(25) and q.is_correct(0.254)
    assert not q.is_correct(0.3) and not q.is_correct(30)


@pytest.mark.parametrize("answer", [0.6, 0.65, "0,6", "0.6 %", "0,6%", 0.006, "0.65 %"])
def test_a_small_share_written_as_a_percent_is_right(answer):
    # a company whose shares are below 1 %: 0.6 % written as the question asks, 0.6
    q = Exercise(1, "Share of revenue?", 0.006, kind=SHARE, absolute=0.0005)
    assert q.is_correct(answer) is True


@pytest.mark.parametrize("answer", [-0.8, "-0,8", "−0,8 %", -0.008, "-0.8%"])
def test_a_small_negative_percent_is_right(answer):
    q = Exercise(1, "Erosion per year?", -0.008, kind=SHARE, absolute=0.0005)
    assert q.is_correct(answer) is True


@pytest.mark.parametrize("answer", [0.8, 8, -8, "-8 %", "0,8 %", 60])
def test_wrong_small_percents_stay_wrong(answer):
    q = Exercise(1, "Erosion per year?", -0.008, kind=SHARE, absolute=0.0005)
    assert q.is_correct(answer) is False


def test_the_decimal_comma_typed_without_quotes_is_explained(capsys):
    q = Exercise(1, "Erosion per year?", -0.022, kind=SHARE, absolute=0.002)
    assert q.is_correct("-2,2") is True and q.is_correct("-2,2 %") is True
    assert q.is_correct((-2, 2)) is False  # answer_1 = -2,2 makes a pair of numbers
    q.check((-2, 2))
    out = capsys.readouterr().out
    assert "Python read -2,2 as two numbers" in out and '"-2,2"' in out and "-2.2" in out
    assert "you gave (-2, 2)" not in out


def test_a_share_question_says_how_to_write_it_and_how_it_read_the_answer():
    percent = Exercise(1, "Share?", 0.25, kind=SHARE, absolute=0.005)
    share = Exercise(2, "Share?", 0.25, kind=SHARE, absolute=0.005, unit=FRACTION)
    assert percent.instruction == "Write it as a percent: 25 for 25 %."
    assert share.instruction == "Write it as a share: 0.25 for 25 %."
    assert "read as 0.3 %" in percent.feedback(0.3) and "25 for 25 %" in percent.feedback(0.3)
    assert "read as 30 %" in share.feedback(0.3)
    assert share.is_correct(0.25) and share.is_correct(25) and share.is_correct("25 %")
    assert not share.is_correct(0.0025)  # a share question reads 0.0025 as 0.25 %
    assert Exercise(3, "How many?", 10).instruction == ""
    with pytest.raises(ValueError, match="unit"):
        Exercise(4, "Share?", 0.1, kind=SHARE, unit="per mille")


def test_a_count_never_reads_6_as_6_percent(capsys):
    q = Exercise(3, "How many accounts lose money?", 6, tolerance=0)
    assert q.is_correct(6) and q.is_correct("6") and q.is_correct(6.0)
    assert not q.is_correct(0.06) and not q.is_correct("6 %")
    q.check("6 %")
    assert "asks for a number (a count or an amount), not a percent" in capsys.readouterr().out


@pytest.mark.parametrize(
    "written, value",
    [
        ("1 234,5", 1234.5),
        ("1.234,5 €", 1234.5),
        ("1,234.5", 1234.5),
        ("€85.5", 85.5),
        ("1\u00a0200", 1200.0),
        ("1,234,567", 1234567.0),
        ("−3", -3.0),
        ("+4", 4.0),
    ],
)
def test_numbers_are_read_as_written(written, value):
    assert read_answer(written).value == pytest.approx(value)


@pytest.mark.parametrize("written", ["ten", "", "1,2,3.4.5", "5-3", [1, 2], {"a": 1}])
def test_what_is_not_a_number_says_so(written):
    q = Exercise(1, "How many?", 10)
    assert read_answer(written).value is None
    assert q.is_correct(written) is False
    assert "should be a number" in q.feedback(written)


def test_choice_is_case_and_space_insensitive():
    q = Exercise(3, "Who?", {"C0001", "Aalto Oy"}, kind=CHOICE)
    assert q.is_correct(" aalto  oy") and q.is_correct("c0001")
    assert not q.is_correct("C0002")


def test_check_never_raises_and_speaks_to_the_learner(capsys):
    q = Exercise(4, "How many?", 10, hint="Count them.", solution="10 lines.")
    q.check(None)
    q.check("ten")
    q.check(10)
    q.check(11)
    q.hint()
    q.solution()
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Question 4 is not answered yet")
    assert "should be a number" in out[1]
    assert out[2] == "✓ Question 4: correct."
    assert out[3].startswith("✗ Question 4: not quite") and "q4.hint()" in out[3]
    assert out[4] == "Hint for question 4: Count them."
    assert out[5] == "Solution to question 4: 10 lines."


def test_unanswerable_on_this_data_says_so(capsys):
    q = Exercise(5, "Erosion?", math.nan, solution="Needs unit prices.")
    assert q.is_correct(0.1) is None
    q.check(0.1)
    assert "can't be checked on this data" in capsys.readouterr().out


def test_thought_exercise_has_a_solution_but_no_check():
    q = Exercise(6, "Why?", None, kind=THOUGHT, solution="Because.")
    assert q.is_correct("anything") is None
    assert "for thinking" in q.feedback("anything")


def test_a_prediction_withholds_the_figure_until_the_guess():
    q = Prediction(
        3,
        "Guess the share of revenue from your top 20 %",
        0.63,
        kind=SHARE,
        absolute=0.05,
        shown="63 %",
        lessons={"close": "Close.", "low": "Larger than it feels.", "high": "Less."},
    )
    assert "63" not in q.feedback(None) and "guess_3 =" in q.feedback(None)
    assert q.feedback(40) == (
        "Question 3: you guessed 40 %; your data says 63 %, 23 points higher. Larger than it feels."
    )
    assert q.feedback("80 %").endswith("17 points lower. Less.")
    assert q.feedback(60).endswith("your data says 63 %. Close.")
    assert q.is_correct(60) and not q.is_correct(40) and q.thinking


def test_a_prediction_of_a_choice_says_right_or_not_and_why():
    q = Prediction(
        1,
        "Which one is more likely gone?",
        "B",
        kind=CHOICE,
        shown="B (12 % against 80 %)",
        lessons={"right": "Yes.", "wrong": "Rhythm."},
    )
    assert q.feedback("b").startswith("Question 1: ✓ right") and q.feedback("b").endswith("Yes.")
    assert "✗ not this time" in q.feedback("A") and q.feedback("A").endswith("Rhythm.")


def test_an_argument_accepts_every_defensible_choice_and_shows_the_reasons():
    q = Argue(
        2,
        "Whom do you call first?",
        {"C1": "largest, at risk", "C2": "contract ends"},
        weaker={"C9": "it stopped buying two years ago"},
    )
    assert q.is_correct("c1") and q.is_correct(("C2", "ends soon")) and not q.is_correct("C9")
    right = q.feedback(("C2", "it ends in March"))
    assert right.startswith("✓") and "contract ends" in right and "it ends in March" in right
    wrong = q.feedback("C9")
    assert "two years ago" in wrong and "C1 (largest, at risk)" in wrong
    assert "on these figures" in q.feedback("C5")
    assert q.is_correct(None) is None and "answer_2 =" in q.feedback(None)


def test_what_cannot_be_checked_says_exactly_why():
    q = Argue(4, "Whom first?", {}, why_not="Your folder has no survey.csv.", solution="Ask.")
    assert q.is_correct("C1") is None
    assert (
        q.feedback("C1")
        == "Question 4 can't be checked on this data. Your folder has no survey.csv. Ask."
    )
    n = Exercise(5, "Compute it", float("nan"), mode=COMPUTE, why_not="No hours.csv.")
    assert "No hours.csv." in n.feedback(3) and n.thinking and not n.checkable


def test_checks_hints_and_solutions_speak_the_sessions_language(monkeypatch):
    from helpers.course import progress
    from helpers.language import Language

    monkeypatch.setattr(progress, "_current", None)  # outside a notebook: English

    fi = Language("fi")
    q = Exercise(2, "?", 0.25, kind=SHARE, hint="h", solution="s", lang=fi)
    assert q.feedback(None).startswith("Kysymys 2: et ole vielä vastannut")
    assert q.feedback("25 %") == "✓ Kysymys 2: oikein."
    assert "vastasit '0,4', luettuna 0,4 %" in q.feedback("0,4")
    guess = Prediction(1, "?", 0.63, kind=SHARE, absolute=0.1, shown="63 %", lang=Language("sv"))
    assert (
        guess.feedback(40)
        == "Fråga 1: du gissade 40 %; dina uppgifter säger 63 %, alltså 23 procentenheter högre."
    )
    pick = Argue(3, "?", {"C1": "suurin"}, lang=fi)
    assert pick.feedback(("C2", "koska")).startswith("✗ Kysymys 3: C2 on näillä luvuilla")
    assert Exercise(4, "?", 1).feedback(None).startswith("Question 4 is not answered yet")


@pytest.mark.parametrize(
    ("notebook", "topic"),
    [
        ("00-start-here", "start_here"),
        ("01-pricing-erosion-and-dependence", "pricing"),
        ("02-value-based-segmentation", "segmentation"),
        ("03-account-value-and-profitability", "account_value"),
        ("04-competitive-advantage-9e", "advantage"),
        ("05-commitment-and-loyalty", "loyalty"),
        ("06-customer-vision", "vision"),
        ("07-your-plan-for-the-year", "plan"),
    ],
)
def test_every_notebook_asks_at_least_two_questions_to_think_about(
    notebook, topic, monkeypatch, tmp_path
):
    """Issue 25: besides looking figures up, each notebook asks to compute, predict or
    argue at least twice."""
    from helpers.course import exercises, progress
    from helpers.course.exercises.base import thinking_count
    from helpers.course.session import start

    monkeypatch.setenv(progress.LOCATION_ENV, str(tmp_path))
    wb = start(notebook, None)
    extra = []  # what the notebook hands its questions besides the session
    if topic == "segmentation":
        from helpers.analysis import segmentation

        options = wb.choices.segment_options()
        extra = [segmentation.segments(wb.invoices, wb.as_of, wb.company.customers, **options)]
    elif topic == "vision":
        from helpers.report import vision as documents

        extra = [documents.largest_account(wb.company, wb.as_of)]
    questions = getattr(exercises, topic).questions(wb, *extra)
    progress._current = None
    assert thinking_count(questions) >= 2, [(q.number, q.mode) for q in questions]
