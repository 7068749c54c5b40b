"""Exercises of notebook 04 (the 9E checklist), checked against the team's saved answers.

The questions and solutions are in English, so the E's are named in English here
(:func:`helpers.analysis.advantage.area_label`); an answer typed in Finnish or Swedish is
accepted too (:func:`helpers.words.advantage.all_names`).
"""

from __future__ import annotations

import pandas as pd

from helpers.course.exercises.base import CHOICE, NUMBER, THOUGHT, Exercise


def _names(keys) -> set[str]:
    """Right answers for a choice: each E's key and its name in English, Finnish or Swedish."""
    from helpers.words.advantage import all_names

    return {name for key in keys for name in all_names(key)}


def _top(series: pd.Series) -> list[str]:
    """The keys with the largest value (several when tied), ignoring missing values."""
    values = series.dropna().astype(float)
    if values.empty:
        return []
    return values.index[values >= values.max() - 1e-9].tolist()


def questions(wb) -> tuple[Exercise, Exercise, Exercise, Exercise, Exercise]:
    """Notebook 04: read the team's results off the saved answers, then think."""
    from helpers.analysis.advantage import (
        area_label,
        disagreement_agenda,
        load_answers,
        team_scores,
    )

    answers = load_answers(wb.company.folder)
    scores = team_scores(answers.long)
    none_yet = "There are no saved answers to check against yet: fill in the checklist first."

    lead = _top(scores["lead"])
    q1 = Exercise(
        1,
        "On which E is the team furthest ahead of the competitor (today − competitor)?",
        _names(lead),
        kind=CHOICE,
        hint="Look at the radar chart: where is the blue line furthest outside the orange "
        "one? Or at the 'lead' column of the table. Write the E's name, like \"Epic\".",
        solution=(
            f"{' or '.join(area_label(k) for k in lead)}: a lead of "
            f"{wb.number(scores.loc[lead[0], 'lead'], 2)} points on the team's average."
            if lead
            else none_yet
        ),
    )
    spread = _top(scores["spread"]) if len(answers.members) > 1 else []
    q4 = Exercise(
        4,
        "Which E does the team disagree about most?",
        _names(spread),
        kind=CHOICE,
        hint="The 'spread' column: the largest gap between two members' scores on the "
        "same question. The agenda printed above lists the widest first.",
        solution=(
            f"{' or '.join(area_label(k) for k in spread)}: scores "
            f"{wb.number(scores.loc[spread[0], 'spread'])} points apart. "
            + "That is the first item for the team's meeting."
            if spread
            else "It takes at least two members' answers to disagree. " + none_yet
        ),
    )
    important = _top(scores["importance"])
    q2 = Exercise(
        2,
        "Which E matters most to your customers, on the team's average?",
        _names(important),
        kind=CHOICE,
        hint="The 'importance' column of the team table.",
        solution=(
            f"{' or '.join(area_label(k) for k in important)}: importance "
            f"{wb.number(scores.loc[important[0], 'importance'], 2)} on the 1–5 scale."
            if important
            else none_yet
        ),
    )
    ahead = int((scores["lead"].dropna() > 0).sum()) if answers.answered else float("nan")
    q3 = Exercise(
        3,
        "On how many of the nine E's is the team, on average, ahead of the competitor?",
        ahead,
        kind=NUMBER,
        tolerance=0,
        hint="Count the E's with a positive 'lead' (level = 0 doesn't count).",
        solution=(
            f"{ahead}: (scores['lead'] > 0).sum(). You can't invest in all of them; "
            "pick two or three that matter to customers."
            if answers.answered
            else none_yet
        ),
    )
    agenda = disagreement_agenda(scores)
    q5 = Exercise(
        5,
        "Take the E you would invest in first. What would a customer see, touch or hear "
        "that proves it, and what would it take to make that proof stronger?",
        None,
        kind=THOUGHT,
        solution="An advantage a customer can't notice is only a word. For a metal workshop "
        "'efficiency' is proved by a 48-hour promise printed on the quote and kept, and "
        "made stronger by tracking it and showing the record. For a café, 'ethics' is the "
        "supplier named on the menu; for a design agency, 'education' is the guide its "
        "clients actually download. If your team's evidence lines are vague (\"we're "
        'good at it"), that E is a wish, not an advantage: choose another, or build the '
        "proof first."
        + (
            f" Before you decide, settle {area_label(agenda.index[0])} at the meeting: "
            "the team doesn't agree on it yet."
            if len(answers.members) > 1 and not agenda.empty
            else ""
        ),
    )
    return q1, q2, q3, q4, q5
