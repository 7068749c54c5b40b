"""Exercises of notebook 04 (the 9E checklist), checked against the team's saved answers.

Two questions look a result up; three ask to think: compute the team's average lead with
pandas (question 3), predict where the team disagrees most before the spread shows it
(question 4), and choose an E to invest in first, with a reason (question 5). Two are for
thinking and discussing: a pilot in a new market (6) and the proof behind an E (7).

The answers are the team's own files, so every check works on any company, also one with
invoices only, once somebody has filled in the checklist; until then each says so
(``why_not``), and running the notebook again from section 2 after answering makes them
work.

The questions and solutions are in English, so the E's are named in English here
(:func:`helpers.analysis.advantage.area_label`); an answer typed in Finnish or Swedish is
accepted too (:func:`helpers.words.advantage.all_names`).
"""

from __future__ import annotations

import pandas as pd

from helpers.course.exercises.base import (
    CHOICE,
    COMPUTE,
    NUMBER,
    THOUGHT,
    Argue,
    Exercise,
    Prediction,
)

FILL_IN_FIRST = (
    "Nobody has filled in the 9E checklist in this company folder yet: fill it in above "
    "(section 1), then run the notebook again from section 2."
)


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


class ArgueE(Argue):
    """An argument about an E: the choice may be typed as a key or a name in English,
    Finnish or Swedish ("efficiency", "Tehokkuus"); it is matched by its English name."""

    def _pick(self, answer) -> tuple[str, str]:
        from helpers.analysis.advantage import area_label
        from helpers.words.advantage import area_key

        choice, reason = super()._pick(answer)
        key = area_key(choice)
        return (area_label(key) if key else choice), reason

    def feedback(self, answer) -> str:
        if answer is None or answer is Ellipsis:
            return (
                f"{self.name} is not answered yet: put the E and your reason after "
                f'`answer_{self.number} =`, like ("Epic", "because ..."), and run the cell '
                "again."
            )
        return super().feedback(answer)


def _one_member(members: list[str]) -> str:
    from helpers.company.answers import member_label

    return (
        f"Only {member_label(members[0])} has answered, and it takes two members' answers to "
        "disagree: ask a teammate to fill in the checklist under their own name, then run "
        "the notebook again from section 2."
    )


def investment_reasons(wb, scores: pd.DataFrame, case: pd.DataFrame, competitor: str):
    """(defensible E -> why, weaker E -> why), from :func:`~helpers.analysis.advantage.
    investment_case`, in English with the run's numbers."""
    from helpers.analysis.advantage import (
        CONTESTED,
        DEFENSIBLE,
        NOT_AHEAD,
        UNBACKED,
        UNIMPORTANT,
        area_label,
        suggested_es,
    )

    def n(value, decimals=1):
        return wb.number(value, decimals)

    top = suggested_es(scores, 1)
    defensible, weaker = {}, {}
    for key, row in case.iterrows():
        name = area_label(key)
        lead, importance = row["lead"], row["importance"]
        verb = "sees" if row["ahead_members"] == 1 else "see"
        seen = f"{row['ahead_members']} of {row['scored_members']} members {verb} us ahead"
        if row["verdict"] == DEFENSIBLE:
            reason = f"ahead by {n(lead)} points, customers rate it {n(importance)} of 5, {seen}"
            if row["evidence"]:
                reason += f", backed by '{row['evidence']}'"
            if top and key == top[0]:
                reason += "; it also has the largest importance × lead"
            defensible[name] = reason
        elif row["verdict"] == NOT_AHEAD:
            weaker[name] = (
                f"{competitor} is ahead or level there (lead {n(lead)}): catching up is "
                "competitiveness work, not an advantage"
            )
        elif row["verdict"] == CONTESTED:
            weaker[name] = (
                f"only {seen} (lead {n(lead)} on average): settle it at "
                "the team's meeting before you invest"
            )
        elif row["verdict"] == UNIMPORTANT:
            weaker[name] = (
                f"we are ahead (lead {n(lead)}), but customers rate it {n(importance)} of 5: "
                "an advantage few of them would choose us for"
            )
        elif row["verdict"] == UNBACKED:
            weaker[name] = (
                f"ahead (lead {n(lead)}) on something customers rate {n(importance)}, but "
                "nobody wrote what backs it: a word until a customer can see it"
            )
    return defensible, weaker


def questions(wb) -> tuple[Exercise, ...]:
    """Notebook 04: two look-ups, then compute, predict and argue, then two to discuss
    (returned in the notebook's order, question 1 first)."""
    from helpers.analysis.advantage import (
        area_label,
        average_lead,
        disagreement_agenda,
        investment_case,
        load_answers,
        team_scores,
        widest_question,
    )

    answers = load_answers(wb.company.folder)
    scores = team_scores(answers.long)
    members = answers.members
    competitor = answers.team.get("competitor_name") or "the competitor"

    def missing(what: str) -> str:
        """Why a check can't work yet: nobody has answered, or nobody has scored ``what``."""
        if not answers.answered:
            return FILL_IN_FIRST
        return (
            f"No member has scored {what} yet: add it in the checklist above, then run the "
            "notebook again from section 2."
        )

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
            else "Once answered: the E with the largest 'lead' in the team table."
        ),
        why_not="" if lead else missing("both us and the competitor on any E"),
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
            else "Once answered: the E with the largest 'importance' in the team table."
        ),
        why_not="" if important else missing("the importance of any E"),
    )

    gap = average_lead(answers.long)
    q3 = Exercise(
        3,
        "Compute how far above the competitor the team rates us, on average over every "
        "answer on the nine E's: in `e_rows` (one row per member and E, with the columns "
        "`member`, `area`, `today`, `competitor`, `importance`, `evidence`), subtract "
        "`competitor` from `today` and take the mean. Write the number, like 0.5 (negative "
        "when we rate ourselves below).",
        gap,
        kind=NUMBER,
        absolute=0.01,
        mode=COMPUTE,
        hint='(e_rows["today"] - e_rows["competitor"]) gives one lead per row; .mean() '
        "averages them and skips the rows where either score is missing.",
        solution=(
            f'{wb.number(gap, 2)}: (e_rows["today"] - e_rows["competitor"]).mean(), the '
            "same as advantage.average_lead(answers.long). It is the team's view from "
            "inside; the service audit and your customers give the view from outside."
            if gap == gap
            else 'Once answered: (e_rows["today"] - e_rows["competitor"]).mean().'
        ),
        why_not="" if gap == gap else missing("both us and the competitor on any E"),
    )

    spread = _top(scores["spread"]) if len(members) > 1 else []
    agreed = bool(spread) and float(scores.loc[spread[0], "spread"]) == 0
    if agreed:
        spread = []
    widest = spread[0] if spread else None
    shown = (
        f"{' or '.join(area_label(k) for k in spread)} (scores "
        f"{wb.number(scores.loc[widest, 'spread'])} points apart, on "
        f"'{widest_question(scores.loc[widest])}')"
        if widest
        else ""
    )
    q4 = Prediction(
        4,
        "Before you look: which E does your team disagree about most? Guess from what you "
        'know of your teammates, like "Epic".',
        _names(spread),
        kind=CHOICE,
        shown=shown,
        lessons={
            "right": "You know where your team is split: open the meeting with it, and let "
            "the two furthest apart explain their scores before anyone argues.",
            "wrong": "Your team sees the firm differently from what you expected, which is "
            "exactly why each member answers alone before you talk. Ask the members furthest "
            "apart what they have seen that the others haven't.",
        },
        hint="Think of the E where you have heard your teammates argue, or where each sees a "
        "different part of the work (the workshop, the customers, the books).",
        solution=(
            f"{shown}. That is the first item for the team's meeting."
            if widest
            else "Once two members have answered: the E with the largest 'spread'."
        ),
        why_not=(
            ""
            if widest
            else "The members give the same scores on every E: there is no disagreement to guess."
            if agreed
            else _one_member(members)
            if len(members) == 1
            else missing("any E")
        ),
    )

    case = investment_case(scores, answers.long)
    defensible, weaker = investment_reasons(wb, scores, case, competitor)
    none_defensible = (
        "On your team's scores no E is yet a defensible place to invest: none is ahead of "
        "the competitor, seen so by most members, on something customers rate 3 or more, "
        "with evidence written. That is an answer too: fix the basics first, or write down "
        "what backs your leads."
    )
    q5 = ArgueE(
        5,
        "Which E would you invest in first, and why? Answer with the E and your reason, "
        'like ("Epic", "because ...").',
        defensible,
        weaker=weaker,
        hint="Text 003: pick an E where you are ahead on something your customers care about, "
        "and that something real backs. Look at the lead, the importance, how many members "
        "see us ahead, and the evidence lines.",
        solution=(
            "Defensible: "
            + "; ".join(f"{name} ({why})" for name, why in defensible.items())
            + ". The team's own pick goes into the form's last list (answers/9e/team.toml)."
            if defensible
            else "An E where we are ahead on something customers care about, and that "
            "something real backs."
        ),
        why_not="" if defensible else (none_defensible if answers.answered else FILL_IN_FIRST),
    )

    agenda = disagreement_agenda(scores)
    q7 = Exercise(
        7,
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
            if len(members) > 1 and not agenda.empty
            else ""
        ),
    )
    q6 = Exercise(
        6,
        "You are about to sell to a kind of customer you have never served. Whom would you "
        "offer a pilot, at what discount, what would you ask in return, and when does the "
        "full price start?",
        None,
        kind=THOUGHT,
        solution="A good pilot customer has the problem you want to solve and the patience to "
        "tell you what went wrong: often a customer who already trusts you in another line "
        "of work. Agree the discount (say 20–30 %) in writing together with what you get for "
        "it: an hour of honest feedback, a visit to see the work in use, a reference if it "
        "goes well, help to improve your process. Write down when the pilot ends and the "
        "normal price starts; a discount without an end date becomes the price (notebook 01 "
        "shows how prices slide with the years). And ask before you build: what you think "
        "your advantage is in a new market is your own guess until a customer confirms it.",
    )
    return q1, q2, q3, q4, q5, q6, q7
