"""Exercises of notebook 04 (the 9E checklist), checked against the team's saved answers.

Two questions look a result up; three ask to think: compute the team's average lead with
pandas (question 3), predict where the team disagrees most before the spread shows it
(question 4), and choose an E to invest in first, with a reason (question 5). Two are for
thinking and discussing: a pilot in a new market (6) and the proof behind an E (7).

The answers are the team's own files, so every check works on any company, also one with
invoices only, once somebody has filled in the checklist; until then each says so
(``why_not``), and running the notebook again from section 2 after answering makes them
work.

The texts are in the session's language (the catalogs' ``exercises_advantage.po``), and
so are the E's names (:func:`helpers.words.advantage.e_name`: "Education",
"Informatiivisuus", "Kunskap"); an answer typed in English, Finnish or Swedish is accepted
in every language (:func:`helpers.words.advantage.all_names`).
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
from helpers.language import N_, Language

FILL_IN_FIRST = N_(
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


def _either(keys, lang: Language) -> str:
    """The E's names as alternatives: ``"Ethics or Epic"`` (``"Etiikka tai Epiikka"``)."""
    from helpers.words.advantage import e_name

    names = [e_name(key, lang) for key in keys]
    text = names[0]
    for name in names[1:]:
        text = lang._("{either} or {other}").format(either=text, other=name)
    return text


class ArgueE(Argue):
    """An argument about an E: the choice may be typed as a key or a name in English,
    Finnish or Swedish ("efficiency", "Tehokkuus"); it is matched by its name in the
    exercise's language, the names its options are keyed by."""

    def _pick(self, answer) -> tuple[str, str]:
        from helpers.words.advantage import area_key, e_name

        choice, reason = super()._pick(answer)
        key = area_key(choice)
        return (e_name(key, self.lang) if key else choice), reason

    def feedback(self, answer) -> str:
        if answer is None or answer is Ellipsis:
            return self._(
                N_(
                    "{name} is not answered yet: put the E and your reason after "
                    '`answer_{n} =`, like ("Epic", "because ..."), and run the cell again.'
                )
            )
        return super().feedback(answer)


def _one_member(members: list[str], lang: Language) -> str:
    from helpers.company.answers import member_label

    return lang._(
        "Only {member} has answered, and it takes two members' answers to disagree: ask a "
        "teammate to fill in the checklist under their own name, then run the notebook "
        "again from section 2."
    ).format(member=member_label(members[0]))


def investment_reasons(wb, scores: pd.DataFrame, case: pd.DataFrame, competitor: str):
    """(defensible E -> why, weaker E -> why), from :func:`~helpers.analysis.advantage.
    investment_case`, in the run's language with its numbers (keyed by the E's names in
    that language)."""
    from helpers.analysis.advantage import (
        CONTESTED,
        DEFENSIBLE,
        NOT_AHEAD,
        UNBACKED,
        UNIMPORTANT,
        suggested_es,
    )
    from helpers.words.advantage import e_name

    lang = wb.lang
    _ = lang._

    def n(value, decimals=1):
        return wb.number(value, decimals)

    top = suggested_es(scores, 1)
    defensible, weaker = {}, {}
    for key, row in case.iterrows():
        name = e_name(key, lang)
        lead, importance = n(row["lead"]), n(row["importance"])
        seen = lang.plural(
            "{ahead} of {scored} members sees us ahead",
            "{ahead} of {scored} members see us ahead",
            int(row["ahead_members"]),
        ).format(ahead=wb.number(row["ahead_members"]), scored=wb.number(row["scored_members"]))
        if row["verdict"] == DEFENSIBLE:
            if row["evidence"]:
                reason = _(
                    "ahead by {lead} points, customers rate it {importance} of 5, {seen}, "
                    "backed by '{evidence}'"
                ).format(lead=lead, importance=importance, seen=seen, evidence=row["evidence"])
            else:
                reason = _(
                    "ahead by {lead} points, customers rate it {importance} of 5, {seen}"
                ).format(lead=lead, importance=importance, seen=seen)
            if top and key == top[0]:
                reason = _("{reason}; it also has the largest importance × lead").format(
                    reason=reason
                )
            defensible[name] = reason
        elif row["verdict"] == NOT_AHEAD:
            weaker[name] = _(
                "{competitor} is ahead or level there (lead {lead}): catching up is "
                "competitiveness work, not an advantage"
            ).format(competitor=competitor, lead=lead)
        elif row["verdict"] == CONTESTED:
            weaker[name] = _(
                "only {seen} (lead {lead} on average): settle it at the team's meeting "
                "before you invest"
            ).format(seen=seen, lead=lead)
        elif row["verdict"] == UNIMPORTANT:
            weaker[name] = _(
                "we are ahead (lead {lead}), but customers rate it {importance} of 5: an "
                "advantage few of them would choose us for"
            ).format(lead=lead, importance=importance)
        elif row["verdict"] == UNBACKED:
            weaker[name] = _(
                "ahead (lead {lead}) on something customers rate {importance}, but nobody "
                "wrote what backs it: a word until a customer can see it"
            ).format(lead=lead, importance=importance)
    return defensible, weaker


def questions(wb) -> tuple[Exercise, ...]:
    """Notebook 04: two look-ups, then compute, predict and argue, then two to discuss
    (returned in the notebook's order, question 1 first)."""
    from helpers.analysis.advantage import (
        average_lead,
        disagreement_agenda,
        investment_case,
        load_answers,
        team_scores,
        widest_question,
    )
    from helpers.words.advantage import QUESTION_NAMES, e_name

    lang = wb.lang
    _ = lang._
    answers = load_answers(wb.company.folder)
    scores = team_scores(answers.long)
    members = answers.members
    competitor = answers.team.get("competitor_name") or _("the competitor")

    def missing(message: str) -> str:
        """Why a check can't work yet: nobody has answered, or nobody has scored what
        ``message`` (a marked message) says."""
        return _(message) if answers.answered else _(FILL_IN_FIRST)

    lead = _top(scores["lead"])
    q1 = Exercise(
        1,
        _("On which E is the team furthest ahead of the competitor (today − competitor)?"),
        _names(lead),
        kind=CHOICE,
        hint=_(
            "Look at the radar chart: where is the blue line furthest outside the orange "
            "one? Or at the 'lead' column of the table. Write the E's name, like \"Epic\"."
        ),
        solution=(
            _("{names}: a lead of {lead} points on the team's average.").format(
                names=_either(lead, lang), lead=wb.number(scores.loc[lead[0], "lead"], 2)
            )
            if lead
            else _("Once answered: the E with the largest 'lead' in the team table.")
        ),
        why_not=""
        if lead
        else missing(
            N_(
                "No member has scored both us and the competitor on any E yet: add it in the "
                "checklist above, then run the notebook again from section 2."
            )
        ),
    )
    important = _top(scores["importance"])
    q2 = Exercise(
        2,
        _("Which E matters most to your customers, on the team's average?"),
        _names(important),
        kind=CHOICE,
        hint=_("The 'importance' column of the team table."),
        solution=(
            _("{names}: importance {importance} on the 1–5 scale.").format(
                names=_either(important, lang),
                importance=wb.number(scores.loc[important[0], "importance"], 2),
            )
            if important
            else _("Once answered: the E with the largest 'importance' in the team table.")
        ),
        why_not=""
        if important
        else missing(
            N_(
                "No member has scored the importance of any E yet: add it in the checklist "
                "above, then run the notebook again from section 2."
            )
        ),
    )

    gap = average_lead(answers.long)
    q3 = Exercise(
        3,
        _(
            "Compute how far above the competitor the team rates us, on average over every "
            "answer on the nine E's: in `e_rows` (one row per member and E, with the columns "
            "`member`, `area`, `today`, `competitor`, `importance`, `evidence`), subtract "
            "`competitor` from `today` and take the mean. Write the number, like 0.5 "
            "(negative when we rate ourselves below)."
        ),
        gap,
        kind=NUMBER,
        absolute=0.01,
        mode=COMPUTE,
        hint=_(
            '(e_rows["today"] - e_rows["competitor"]) gives one lead per row; .mean() '
            "averages them and skips the rows where either score is missing."
        ),
        solution=(
            _(
                '{gap}: (e_rows["today"] - e_rows["competitor"]).mean(), the same as '
                "advantage.average_lead(answers.long). It is the team's view from inside; "
                "the service audit and your customers give the view from outside."
            ).format(gap=wb.number(gap, 2))
            if gap == gap
            else _('Once answered: (e_rows["today"] - e_rows["competitor"]).mean().')
        ),
        why_not=""
        if gap == gap
        else missing(
            N_(
                "No member has scored both us and the competitor on any E yet: add it in the "
                "checklist above, then run the notebook again from section 2."
            )
        ),
    )

    spread = _top(scores["spread"]) if len(members) > 1 else []
    agreed = bool(spread) and float(scores.loc[spread[0], "spread"]) == 0
    if agreed:
        spread = []
    widest = spread[0] if spread else None
    shown = (
        _("{names} (scores {points} points apart, on '{question}')").format(
            names=_either(spread, lang),
            points=wb.number(scores.loc[widest, "spread"]),
            question=_(QUESTION_NAMES[widest_question(scores.loc[widest])]),
        )
        if widest
        else ""
    )
    q4 = Prediction(
        4,
        _(
            "Before you look: which E does your team disagree about most? Guess from what "
            'you know of your teammates, like "Epic".'
        ),
        _names(spread),
        kind=CHOICE,
        shown=shown,
        lessons={
            "right": _(
                "You know where your team is split: open the meeting with it, and let the "
                "two furthest apart explain their scores before anyone argues."
            ),
            "wrong": _(
                "Your team sees the firm differently from what you expected, which is "
                "exactly why each member answers alone before you talk. Ask the members "
                "furthest apart what they have seen that the others haven't."
            ),
        },
        hint=_(
            "Think of the E where you have heard your teammates argue, or where each sees a "
            "different part of the work (the workshop, the customers, the books)."
        ),
        solution=(
            _("{shown}. That is the first item for the team's meeting.").format(shown=shown)
            if widest
            else _("Once two members have answered: the E with the largest 'spread'.")
        ),
        why_not=(
            ""
            if widest
            else _(
                "The members give the same scores on every E: there is no disagreement to guess."
            )
            if agreed
            else _one_member(members, lang)
            if len(members) == 1
            else missing(
                N_(
                    "No member has scored any E yet: add it in the checklist above, then run "
                    "the notebook again from section 2."
                )
            )
        ),
    )

    case = investment_case(scores, answers.long)
    defensible, weaker = investment_reasons(wb, scores, case, competitor)
    none_defensible = _(
        "On your team's scores no E is yet a defensible place to invest: none is ahead of "
        "the competitor, seen so by most members, on something customers rate 3 or more, "
        "with evidence written. That is an answer too: fix the basics first, or write down "
        "what backs your leads."
    )
    q5 = ArgueE(
        5,
        _(
            "Which E would you invest in first, and why? Answer with the E and your reason, "
            'like ("Epic", "because ...").'
        ),
        defensible,
        weaker=weaker,
        hint=_(
            "Text 003: pick an E where you are ahead on something your customers care "
            "about, and that something real backs. Look at the lead, the importance, how "
            "many members see us ahead, and the evidence lines."
        ),
        solution=(
            _(
                "Defensible: {choices}. The team's own pick goes into the form's last list "
                "(answers/9e/team.toml)."
            ).format(choices="; ".join(f"{name} ({why})" for name, why in defensible.items()))
            if defensible
            else _(
                "An E where we are ahead on something customers care about, and that "
                "something real backs."
            )
        ),
        why_not="" if defensible else (none_defensible if answers.answered else _(FILL_IN_FIRST)),
        lang=lang,  # its options are keyed by the E's names in this language
    )

    agenda = disagreement_agenda(scores)
    proof = _(
        "An advantage a customer can't notice is only a word. For a metal workshop "
        "'efficiency' is proved by a 48-hour promise printed on the quote and kept, and "
        "made stronger by tracking it and showing the record. For a café, 'ethics' is the "
        "supplier named on the menu; for a design agency, 'education' is the guide its "
        "clients actually download. If your team's evidence lines are vague (\"we're good "
        'at it"), that E is a wish, not an advantage: choose another, or build the proof '
        "first."
    )
    if len(members) > 1 and not agenda.empty:
        proof += " " + _(
            "Before you decide, settle {name} at the meeting: the team doesn't agree on it yet."
        ).format(name=e_name(agenda.index[0], lang))
    q7 = Exercise(
        7,
        _(
            "Take the E you would invest in first. What would a customer see, touch or hear "
            "that proves it, and what would it take to make that proof stronger?"
        ),
        None,
        kind=THOUGHT,
        solution=proof,
    )
    q6 = Exercise(
        6,
        _(
            "You are about to sell to a kind of customer you have never served. Whom would "
            "you offer a pilot, at what discount, what would you ask in return, and when "
            "does the full price start?"
        ),
        None,
        kind=THOUGHT,
        solution=_(
            "A good pilot customer has the problem you want to solve and the patience to "
            "tell you what went wrong: often a customer who already trusts you in another "
            "line of work. Agree the discount (say 20–30 %) in writing together with what "
            "you get for it: an hour of honest feedback, a visit to see the work in use, a "
            "reference if it goes well, help to improve your process. Write down when the "
            "pilot ends and the normal price starts; a discount without an end date becomes "
            "the price (notebook 01 shows how prices slide with the years). And ask before "
            "you build: what you think your advantage is in a new market is your own guess "
            "until a customer confirms it."
        ),
    )
    return q1, q2, q3, q4, q5, q6, q7
