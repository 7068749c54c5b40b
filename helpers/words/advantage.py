"""In words: the 9E checklist (notebook 04).

The names of the E's in the reader's language, who has answered, whether the basics
hold, the E's to invest in and the team meeting's agenda, as sentences and readable
tables. The numbers come from :mod:`helpers.analysis.advantage`.

>>> from helpers.language import Language
>>> e_name("epic", Language("fi")), e_names(["ethics", "epic"], Language("sv"))
('Epiikka', 'Etik, Berättelse')
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from helpers.analysis.advantage import (
    AREAS,
    BEHIND_BY,
    BY_PRIORITY,
    DISAGREE_SPREAD,
    FINE,
    TEAMS_PICK,
    TOPIC,
    Answers,
    area_label,
    evidence,
    widest_question,
)
from helpers.analysis.advantage_service import (
    DONT_KNOW,
    GAP,
    GROUPS,
    HOLDS,
    NO,
    STATEMENTS,
    UNKNOWN,
    YES,
    Audit,
    changes,
    team_audit,
    yes_share,
)
from helpers.analysis.advantage_service import TOPIC as AUDIT_TOPIC
from helpers.company.answers import ANSWERS, member_label
from helpers.language import LANGUAGES, N_, Language

BASIS_NAMES = {TEAMS_PICK: N_("the team's pick"), BY_PRIORITY: N_("importance × lead")}
READABLE = {
    "today": N_("us today"),
    "competitor": N_("competitor"),
    "importance": N_("importance"),
    "lead": N_("lead"),
    "priority": N_("importance × lead"),
    "spread": N_("spread"),
    "members": N_("answers"),
}
QUESTION_NAMES = {
    "today": N_("today"),
    "competitor": N_("competitor"),
    "importance": N_("importance"),
}


def e_name(area: str, lang: Language) -> str:
    """``"epic"`` -> ``"Epic"`` (``"Epiikka"`` in Finnish); a basic -> ``"Product"``.

    >>> e_name("education", Language("fi")), e_name("delivery", Language("en"))
    ('Informatiivisuus', 'Delivery')
    """
    return lang._(area_label(area))


def e_names(areas: Iterable[str], lang: Language) -> str:
    """Names of areas as a list for a sentence: ``"Epic, Ethics"``."""
    return ", ".join(e_name(k, lang) for k in areas)


def all_names(area: str) -> set[str]:
    """An area's key and its name in English, Finnish and Swedish (for answers people type).

    >>> sorted(all_names("epic"))
    ['Berättelse', 'Epic', 'Epiikka', 'epic']
    """
    return {area} | {e_name(area, Language(code)) for code in LANGUAGES}


def area_key(text: str) -> str | None:
    """The area key for a name or key typed by a person (any case, en/fi/sv), else None.

    >>> area_key(" Efficiency "), area_key("economy"), area_key("Epiikka"), area_key("speed")
    ('efficiency', 'economy', 'epic', None)
    """
    wanted = str(text).strip().casefold()
    for key in AREAS:
        if wanted in {name.casefold() for name in all_names(key)}:
            return key
    return None


def basis_name(basis: str, lang: Language) -> str:
    """Why the E's were chosen (:data:`TEAMS_PICK` or :data:`BY_PRIORITY`), in a few words.

    >>> basis_name(TEAMS_PICK, Language("en")), basis_name(BY_PRIORITY, Language("en"))
    ("the team's pick", 'importance × lead')
    """
    return lang._(BASIS_NAMES[basis])


# --- who has answered ----------------------------------------------------------------


def folder_in_words(company: str, folder: str | Path, lang: Language) -> str:
    """Which company this is and where its checklist answers are kept.

    >>> folder_in_words("Metal Oy", "data/metal", Language("en"))
    'Company: Metal Oy; answers are kept in metal/answers/9e/'
    """
    return lang._("Company: {name}; answers are kept in {folder}").format(
        name=company, folder=f"{Path(folder).name}/{ANSWERS}/{TOPIC}/"
    )


def who_answered_in_words(members: list[str], lang: Language) -> str:
    """Whose checklist the results will gather, so nobody thinks they answer alone when a
    team already has.

    >>> who_answered_in_words(["aino", "jussi"], Language("en"))
    'Already answered: Aino, Jussi. The results gather every file there: your answers join theirs.'
    """
    _ = lang._
    if not members:
        return _(
            "Nobody has answered yet: answer alone and the results are yours; in a team, "
            "each member answers under their own name."
        )
    return _(
        "Already answered: {names}. The results gather every file there: your answers join theirs."
    ).format(names=", ".join(map(member_label, members)))


def problems_in_words(answers: Answers, lang: Language) -> str:
    """A sentence per answer file that was left out, and what that means."""
    if not answers.problems:
        return ""
    _ = lang._
    count = len(answers.problems)
    heading = (
        _("Left out ({count} file can't be read; it was not changed):")
        if count == 1
        else _("Left out ({count} files can't be read; they were not changed):")
    )
    lines = [heading.format(count=lang.number(count))]
    lines += [f"  - {p}" for p in answers.problems]
    lines.append(
        _(
            "Fix the line named (in a text editor or spreadsheet) and run the notebook "
            "again; the results below are without these files."
        )
    )
    return "\n".join(lines)


def how_to_answer(company_folder: str | Path, lang: Language) -> str:
    """What to do when nobody has answered yet (a batch run on a new company)."""
    _ = lang._
    return _(
        "Nobody has filled in the 9E checklist for this company yet, so there are no "
        "results to show. Three ways to give your answers:\n"
        "  1. Open this notebook in JupyterLab (`make lab`), set `member` to your name "
        "and fill in the form: every click is saved at once.\n"
        "  2. Without code: run `workbook checklist DATA_DIR --member YOUR_NAME` and open "
        "the address it prints in your browser.\n"
        "  3. In a spreadsheet: save a file {folder}/YOUR_NAME.csv in the company folder "
        "(here: {company}) with the columns area,today,competitor,importance,evidence and "
        "one row per area ({areas}); scores are whole numbers from 1 to 5.\n"
        "Then run the workbook again."
    ).format(folder=f"{ANSWERS}/{TOPIC}", company=Path(company_folder).name, areas=", ".join(AREAS))


def answers_in_words(answers: Answers, company_folder: str | Path, lang: Language) -> str:
    """Who has answered, which files were left out, or how to answer when nobody has."""
    _ = lang._
    lines = []
    if answers.problems:
        lines.append(problems_in_words(answers, lang))
    if not answers.answered:
        lines.append(how_to_answer(company_folder, lang))
        return "\n".join(lines)
    count = len(answers.members)
    mode = (
        _("team mode: the results below are the team's averages")
        if count > 1
        else _("one person's answers")
    )
    competitor = answers.team.get("competitor_name") or _("a competitor (not named yet)")
    sentence = (
        _("Answers from {count} member: {names} ({mode}). Compared with: {competitor}.")
        if count == 1
        else _("Answers from {count} members: {names} ({mode}). Compared with: {competitor}.")
    )
    lines.insert(
        0,
        sentence.format(
            count=lang.number(count),
            names=", ".join(map(member_label, answers.members)),
            mode=mode,
            competitor=competitor,
        ),
    )
    return "\n".join(lines)


# --- tables for people ---------------------------------------------------------------


def scores_readable(scores: pd.DataFrame, lang: Language, spread: bool = True) -> pd.DataFrame:
    """The team table for people: E names, readable headers, one decimal in the language.

    ``spread=False`` leaves the spread out (notebook 04 asks to guess it first).
    """
    _ = lang._
    table = pd.DataFrame(index=pd.Index([e_name(k, lang) for k in scores.index], name="E"))
    for column, header in READABLE.items():
        if column == "spread" and not spread:
            continue
        values = scores[column].to_numpy()
        decimals = 0 if column == "members" else 1
        table[_(header)] = [lang.number(v, decimals) for v in values]
    return table


def basics_readable(basics: pd.DataFrame, lang: Language) -> pd.DataFrame:
    """The competitiveness check for people: us, the competitor, holds yes/no."""
    _ = lang._
    table = pd.DataFrame(index=pd.Index([e_name(k, lang) for k in basics.index], name=_("basic")))
    table[_("us today")] = [lang.number(v, 1) for v in basics["today"]]
    table[_("competitor")] = [lang.number(v, 1) for v in basics["competitor"]]
    table[_("holds")] = [
        _("not scored") if pd.isna(v) else (_("yes") if v else _("no")) for v in basics["holds"]
    ]
    return table


# --- findings ------------------------------------------------------------------------


def competitiveness_in_words(check: pd.DataFrame, lang: Language) -> str:
    """Whether advantage work makes sense yet, in two or three sentences."""
    _ = lang._
    answered = check["holds"].dropna()
    if answered.empty:
        return _("The three basics (product, delivery, service) have no scores yet.")
    weak = [k for k, ok in answered.items() if not ok]
    missing = [k for k in check.index if k not in answered.index]
    if weak:
        text = _(
            "Competitiveness first: {basics} falls short (below {fine} or more than {behind} "
            "point behind the competitor). Fix that before building an advantage: customers "
            "who are let down on the basics won't notice your story or your values."
        ).format(basics=e_names(weak, lang), fine=lang.number(FINE), behind=lang.number(BEHIND_BY))
    else:
        text = _(
            "The basics hold: product, delivery and service meet expectations and are not "
            "clearly behind the competitor. Advantage work makes sense now."
        )
        close = [
            k
            for k, row in check.iterrows()
            if pd.notna(row["holds"])
            and pd.notna(row["competitor"])
            and row["today"] < row["competitor"]
        ]
        if close:
            text += " " + _(
                "Only just for {basics}: the competitor is a little ahead there; keep an eye on it."
            ).format(basics=e_names(close, lang))
    if missing:
        text += " " + _("Not scored yet: {basics}.").format(basics=e_names(missing, lang))
    return text


def chosen_in_words(scores: pd.DataFrame, chosen: list[str], basis: str, lang: Language) -> str:
    """One sentence: the E's to invest in and why they were chosen (for the front page).

    ``basis`` is the code from :func:`helpers.analysis.advantage.chosen_es`.
    """
    _ = lang._
    if scores["today"].isna().all():
        return _("No scores yet, so there is nothing to choose from.")
    if not chosen:
        return _(
            "No E stands out yet: on none of them are you ahead of the competitor on "
            "something customers care about. Pick one E that fits your team and build "
            "something real behind it, or fill in the missing scores."
        )
    sentence = (
        _("The E to invest in ({basis}): {names}.")
        if len(chosen) == 1
        else _("The E's to invest in ({basis}): {names}.")
    )
    return sentence.format(basis=basis_name(basis, lang), names=e_names(chosen, lang))


def evidence_in_words(
    scores: pd.DataFrame, long: pd.DataFrame, chosen: list[str], lang: Language
) -> str:
    """Each chosen E with the team's scores and every member's line of evidence."""
    _ = lang._
    if scores["today"].isna().all():
        return ""
    lines = []
    for area in chosen:
        row = scores.loc[area]
        lines.append(
            "  - "
            + _("{name}: us {today}, competitor {competitor}, importance {importance}").format(
                name=e_name(area, lang),
                today=lang.number(row["today"], 1),
                competitor=lang.number(row["competitor"], 1),
                importance=lang.number(row["importance"], 1),
            )
        )
        backing = evidence(long, area)
        lines.extend(f"      {b}" for b in backing)
        if not backing:
            lines.append("      " + _("no evidence written yet: what real thing backs this?"))
    return "\n".join(lines)


def choice_in_words(
    scores: pd.DataFrame, long: pd.DataFrame, chosen: list[str], basis: str, lang: Language
) -> str:
    """The chosen E's with their scores and evidence, as a short text."""
    details = evidence_in_words(scores, long, chosen, lang)
    return "\n".join(t for t in (chosen_in_words(scores, chosen, basis, lang), details) if t)


def agenda_in_words(agenda: pd.DataFrame, members: list[str], lang: Language) -> str:
    """The team meeting's agenda: where members disagree most."""
    _ = lang._
    if not members:
        return _("Nobody has answered yet, so there is no team to compare.")
    if len(members) < 2:
        return _("Only one person has answered, so there is no disagreement to discuss.")
    if agenda.empty:
        return _(
            "The {count} members agree within {points} point on every E: no disagreement "
            "to put on the agenda."
        ).format(count=lang.number(len(members)), points=lang.number(DISAGREE_SPREAD - 1))
    items = [
        _("{name} ({question}: {points} points apart)").format(
            name=e_name(area, lang),
            question=_(QUESTION_NAMES[widest_question(row)]),
            points=lang.number(row["spread"]),
        )
        for area, row in agenda.iterrows()
    ]
    return _("Agenda for the team meeting, where you disagree most: {items}.").format(
        items="; ".join(items)
    )


def behind_in_words(behind: list[str], lang: Language) -> str:
    """E's where the competitor leads on something customers care about."""
    _ = lang._
    if not behind:
        return _(
            "On nothing that matters to customers (importance 3 or more) is the competitor ahead."
        )
    return _(
        "Behind on what matters to customers: {names}. That is not where your advantage will "
        "come from, but customers notice it: bring it up to the competitor's level, or explain "
        "the difference (a higher price for faster work)."
    ).format(names=e_names(behind, lang))


# --- service seen from the customer's side (the outside-in audit) ------------------------

ANSWER_NAMES = {YES: N_("yes"), NO: N_("no"), DONT_KNOW: N_("don't know")}
VERDICT_NAMES = {
    HOLDS: N_("holds"),
    GAP: N_("gap"),
    UNKNOWN: N_("nobody knows"),
    "unanswered": N_("not answered"),
}


def statement_name(key: str, lang: Language) -> str:
    """A statement's short name: ``"greeting"`` -> ``"everyone greeted and answered"``."""
    return lang._(STATEMENTS[key][1])


def statement_names(keys: Iterable[str], lang: Language) -> str:
    """Short names of statements for a sentence, separated by semicolons."""
    return "; ".join(statement_name(k, lang) for k in keys)


def how_to_audit(lang: Language) -> str:
    """What to do when nobody has answered the audit yet."""
    _ = lang._
    return _(
        "Nobody has answered the service audit yet (the ten statements about your service "
        "seen from the customer's side). Answer them in the form above, on the `workbook "
        "checklist` page, or in a spreadsheet: {folder}/YOUR_NAME.csv with the columns "
        "statement,answer,change, one row per statement ({keys}) and the answer yes, no or "
        "don't know."
    ).format(folder=f"{ANSWERS}/{AUDIT_TOPIC}", keys=", ".join(STATEMENTS))


def audit_in_words(audit: Audit, service_today: float | None, lang: Language) -> str:
    """The audit's finding: the share of yes, what holds, the gaps and the unknowns, and the
    team's own score of its service beside it (the inside view)."""
    _ = lang._
    lines = []
    if audit.problems:
        lines.append(
            _("Left out of the service audit: {files}.").format(
                files="; ".join(str(p) for p in audit.problems)
            )
        )
    if not audit.answered:
        lines.append(how_to_audit(lang))
        return "\n".join(lines)
    team = team_audit(audit.long)
    verdicts = team["verdict"]
    text = _(
        "Service seen from the customer's side, as {names} answered: {share} of the answers "
        "to the {count} statements are yes."
    ).format(
        names=", ".join(map(member_label, audit.members)),
        count=lang.number(len(STATEMENTS)),
        share=lang.percent(yes_share(audit.long), 0),
    )
    if service_today is not None and pd.notna(service_today):
        text += " " + _(
            "Scored from inside, in the basics above, the team gives its service {score} of "
            "5. Which of the two would your customers recognise?"
        ).format(score=lang.number(service_today, 1))
    lines.append(text)
    holds = verdicts.index[verdicts == HOLDS].tolist()
    gaps = verdicts.index[verdicts == GAP].tolist()
    unknown = verdicts.index[verdicts == UNKNOWN].tolist()
    if holds:
        lines.append(_("Holds for everyone: {names}.").format(names=statement_names(holds, lang)))
    if gaps:
        lines.append(
            _("Gaps, where someone answered no: {names}.").format(names=statement_names(gaps, lang))
        )
    if unknown:
        lines.append(
            _(
                "Nobody knows for sure (someone answered don't know): {names}. Check these "
                "from outside first: a friend calls in, or a mystery shopper."
            ).format(names=statement_names(unknown, lang))
        )
    return "\n".join(lines)


def audit_readable(audit: Audit, lang: Language) -> pd.DataFrame:
    """The audit for people: one row per statement (with its group), each member's answer
    and the team's verdict; no rows when nobody has answered."""
    _ = lang._
    if not audit.answered:
        return pd.DataFrame()
    team = team_audit(audit.long)
    index = pd.MultiIndex.from_tuples(
        [(_(GROUPS[STATEMENTS[k][0]]), statement_name(k, lang)) for k in STATEMENTS],
        names=[_("seen as"), _("statement")],
    )
    table = pd.DataFrame(index=index)
    for member in audit.members:
        answers = audit.long[audit.long["member"] == member].set_index("statement")["answer"]
        table[member_label(member)] = [
            _(ANSWER_NAMES[a]) if isinstance(a, str) else "–"
            for a in answers.reindex(list(STATEMENTS))
        ]
    table[_("team")] = [_(VERDICT_NAMES[v]) for v in team["verdict"]]
    return table


def changes_in_words(audit: Audit, lang: Language) -> str:
    """What each member wrote they will change, statement by statement."""
    _ = lang._
    rows = changes(audit.long)
    if rows.empty:
        return _("Nobody has written what to change yet.") if audit.answered else ""
    lines = [_("What we'll change:")]
    for row in rows.itertuples():
        lines.append(
            f"  - {statement_name(row.statement, lang)} ({member_label(row.member)}): {row.change}"
        )
    return "\n".join(lines)


def average_lead_in_words(value: float, lang: Language) -> str:
    """The team's self-rating against the competitor, with what to make of it."""
    _ = lang._
    if pd.isna(value):
        return _("No E has both scores yet, so there is no average lead to show.")
    if value > 0.25:
        return _(
            "Over all its answers, the team rates us {points} points above the competitor on "
            "average. Maybe so; but teams often rate themselves above their competitors. Ask "
            "customers how they see both firms before you trust the lead."
        ).format(points=lang.number(value, 2))
    if value < -0.25:
        return _(
            "Over all its answers, the team rates us {points} points below the competitor on "
            "average: a modest view. Ask customers; they may value things you take for granted."
        ).format(points=lang.number(-value, 2))
    return _(
        "Over all its answers, the team rates us about level with the competitor ({points} "
        "points on average): the advantage, if any, is in a few E's, not everywhere."
    ).format(points=lang.number(value, 2))
