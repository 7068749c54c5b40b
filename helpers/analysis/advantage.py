"""Competitiveness and competitive advantage: the 9E checklist, alone or as a team.

The answers come from the forms (``helpers.course.forms``) and live in the
company folder:

* ``answers/9e/<member>.csv``: one member's checklist, one row per ``area`` (the
  three basics of competitiveness, then the nine E's) with ``today`` (where we
  stand, 1–5), ``competitor`` (where the chosen competitor stands, 1–5),
  ``importance`` (how much our customers care, 1–5; not asked for the basics)
  and ``evidence`` (what real thing backs our score);
* ``answers/9e/team.toml``: what the team decides together: ``competitor_name``
  and ``chosen`` (the E's the team picks to invest in; empty = let the numbers
  suggest).

Every function takes the long table of answers (``member``, ``area``, one
column per question) and returns a DataFrame indexed by ``area``.

>>> long = pd.DataFrame({"member": ["a", "b"], "area": ["epic", "epic"], "today": [4, 2],
...                      "competitor": [3, 3], "importance": [5, 3], "evidence": [None, None]})
>>> team_scores(long).loc["epic", ["today", "lead", "spread"]].tolist()
[3.0, 0.0, 2.0]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from helpers.company.answers import (
    ANSWERS,
    AnswerFileError,
    AnswerText,
    Picks,
    Scale,
    Text,
    answers_dir,
    member_label,
    read_members,
)
from helpers.language import N_
from helpers.report.formats import ENGLISH, Formats

TOPIC = "9e"
TEAM_FILE = "team.toml"
KEY = "area"

# The three basics of competitiveness: "not behind others".
BASICS = {
    "product": N_("Product: what we sell meets our customers' expectations"),
    "delivery": N_("Delivery: our lead times and delivery process are reasonable"),
    "service": N_("Service: customers are served well, before and after the sale"),
}
BASIC_NAMES = {"product": N_("Product"), "delivery": N_("Delivery"), "service": N_("Service")}

# The nine E's (text 003): key -> (name, what it means). The names in Finnish and Swedish
# are in the catalogs (helpers/locale/*/LC_MESSAGES/advantage.po).
NINE_E = {
    "ethics": (N_("Ethics"), N_("our values meet those of a group of customers")),
    "aesthetics": (
        N_("Aesthetics"),
        N_("we look professional: materials, premises, the way we present our work"),
    ),
    "emotion": (
        N_("Emotion"),
        N_("customers feel a bond with us, through shared values or good relationships"),
    ),
    "epic": (N_("Epic"), N_("a story grows around us or our product")),
    "energy": (N_("Energy"), N_("the drive and freshness people feel from us")),
    "education": (N_("Education"), N_("we teach customers about our field and our firm")),
    "enthusiasm": (N_("Enthusiasm"), N_("we really care, and it shows in what we get done")),
    "economy": (N_("Economy"), N_("we are cost-efficient in a way the customer can see")),
    "efficiency": (N_("Efficiency"), N_("how fast and how well work gets done")),
}
E_KEYS = list(NINE_E)
AREAS = [*BASICS, *E_KEYS]
SCORE_COLUMNS = ["today", "competitor", "importance"]

FIELDS = [
    Scale("today", 1, 5, "Us today"),
    Scale("competitor", 1, 5, "The competitor"),
    Scale("importance", 1, 5, "Importance to customers"),
    Text("evidence", "Evidence: what backs it?"),
]
TEAM_FIELDS = [
    Text("competitor_name", "The competitor we compare with"),
    Picks("chosen", [(NINE_E[k][0], k) for k in E_KEYS], "The E's we choose to invest in"),
]

FINE = 3  # a basic holds when we score at least this ("meets expectations") …
BEHIND_BY = 1  # … and are at most this much below the competitor ("not badly behind")
DISAGREE_SPREAD = 2  # members' scores this far apart put the E on the meeting's agenda
CHOSEN_MAX = 3


def e_name(area: str, formats: Formats = ENGLISH) -> str:
    """``"epic"`` -> ``"Epic"`` (``"Epiikka"`` in Finnish); a basic -> ``"Product"``."""
    if area in NINE_E:
        return formats._(NINE_E[area][0])
    if area in BASIC_NAMES:
        return formats._(BASIC_NAMES[area])
    return area.capitalize()


def e_names(areas, formats: Formats = ENGLISH) -> str:
    """Names of areas as a list for a sentence: ``"Epic, Ethics"``."""
    return ", ".join(e_name(k, formats) for k in areas)


def all_names(area: str) -> set[str]:
    """An area's key and its name in English, Finnish and Swedish (for answers people type)."""
    return {area} | {e_name(area, Formats(language)) for language in ("en", "fi", "sv")}


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


# --- reading the answers -------------------------------------------------------------


@dataclass
class Answers:
    """Everyone's checklist answers, the team's decisions and the files left out."""

    long: pd.DataFrame
    team: dict = field(default_factory=dict)
    problems: list[AnswerFileError] = field(default_factory=list)

    @property
    def members(self) -> list[str]:
        return sorted(self.long["member"].unique()) if not self.long.empty else []

    @property
    def answered(self) -> bool:
        return bool(self.long[SCORE_COLUMNS].notna().any().any()) if not self.long.empty else False


def team_file(company_folder: str | Path) -> Path:
    return answers_dir(company_folder) / TOPIC / TEAM_FILE


def load_answers(company_folder: str | Path) -> Answers:
    """Read every member's file and the team file; corrupt files are listed, never changed."""
    long, problems = read_members(company_folder, TOPIC, key=KEY, fields=FIELDS, rows=AREAS)
    for column in SCORE_COLUMNS:
        long[column] = pd.to_numeric(long[column]).astype("Float64")
    team_answers = AnswerText(team_file(company_folder), TEAM_FIELDS)
    team = {}
    if team_answers.error is not None:
        problems.append(team_answers.error)
    else:
        team = team_answers.values()
    return Answers(long, team, problems)


def folder_in_words(company: str, folder: str | Path, formats: Formats = ENGLISH) -> str:
    """Which company this is and where its checklist answers are kept."""
    return formats._("Company: {name}; answers are kept in {folder}").format(
        name=company, folder=f"{Path(folder).name}/{ANSWERS}/{TOPIC}/"
    )


def problems_in_words(answers: Answers, formats: Formats = ENGLISH) -> str:
    """A sentence per answer file that was left out, and what that means."""
    if not answers.problems:
        return ""
    _ = formats._
    count = len(answers.problems)
    heading = (
        _("Left out ({count} file can't be read; it was not changed):")
        if count == 1
        else _("Left out ({count} files can't be read; they were not changed):")
    )
    lines = [heading.format(count=formats.number(count))]
    lines += [f"  - {p}" for p in answers.problems]
    lines.append(
        _(
            "Fix the line named (in a text editor or spreadsheet) and run the notebook "
            "again; the results below are without these files."
        )
    )
    return "\n".join(lines)


def how_to_answer(company_folder: str | Path, formats: Formats = ENGLISH) -> str:
    """What to do when nobody has answered yet (a batch run on a new company)."""
    _ = formats._
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
    ).format(folder=f"{ANSWERS}/{TOPIC}", company=Path(company_folder).name,
             areas=", ".join(AREAS))  # fmt: skip


def answers_in_words(
    answers: Answers, company_folder: str | Path, formats: Formats = ENGLISH
) -> str:
    """Who has answered, which files were left out, or how to answer when nobody has."""
    _ = formats._
    lines = []
    if answers.problems:
        lines.append(problems_in_words(answers, formats))
    if not answers.answered:
        lines.append(how_to_answer(company_folder, formats))
        return "\n".join(lines)
    count = len(answers.members)
    mode = (
        _("team mode: the results below are the team's averages")
        if count > 1
        else _("one person's answers")
    )
    competitor = answers.team.get("competitor_name") or _("a competitor (not named yet)")
    lines.insert(0, (
        _("Answers from {count} member: {names} ({mode}). Compared with: {competitor}.")
        if count == 1
        else _("Answers from {count} members: {names} ({mode}). Compared with: {competitor}.")
    ).format(count=formats.number(count), names=", ".join(map(member_label, answers.members)),
             mode=mode, competitor=competitor))  # fmt: skip
    return "\n".join(lines)


# --- the team's scores ---------------------------------------------------------------


def member_scores(long: pd.DataFrame, column: str = "today") -> pd.DataFrame:
    """One column per member, one row per E: each member's score on ``column``."""
    wide = long[long[KEY].isin(E_KEYS)].pivot(index=KEY, columns="member", values=column)
    return wide.reindex(E_KEYS).astype("Float64")


def team_scores(long: pd.DataFrame, areas=None) -> pd.DataFrame:
    """Average, spread and lead per E over all members.

    Columns: ``today``, ``competitor``, ``importance`` (members' averages),
    ``lead`` (today − competitor: positive = we are ahead), ``priority``
    (importance × lead), ``spread`` (the largest max − min among the three
    scores: how far apart the team is), ``members`` (how many answered ``today``).
    """
    areas = list(E_KEYS if areas is None else areas)
    rows = long[long[KEY].isin(areas)]
    grouped = rows.groupby(KEY)[SCORE_COLUMNS]
    means = grouped.mean().reindex(areas).astype("Float64")
    spreads = (grouped.max() - grouped.min()).reindex(areas).astype("Float64")
    out = means.copy()
    out["lead"] = (means["today"] - means["competitor"]).round(9)
    out["priority"] = (means["importance"] * out["lead"]).round(9)  # no ties by float noise
    out["spread"] = spreads.max(axis=1, skipna=True)
    for column in SCORE_COLUMNS:
        out[f"spread_{column}"] = spreads[column]
    out["members"] = rows.groupby(KEY)["today"].count().reindex(areas).fillna(0).astype(int)
    out.index.name = KEY
    return out


READABLE = {
    "today": N_("us today"),
    "competitor": N_("competitor"),
    "importance": N_("importance"),
    "lead": N_("lead"),
    "priority": N_("importance × lead"),
    "spread": N_("spread"),
    "members": N_("answers"),
}


def scores_readable(scores: pd.DataFrame, formats: Formats = ENGLISH) -> pd.DataFrame:
    """The team table for people: E names, readable headers, one decimal in the language."""
    _ = formats._
    table = pd.DataFrame(index=pd.Index([e_name(k, formats) for k in scores.index], name="E"))
    for column, header in READABLE.items():
        values = scores[column].to_numpy()
        decimals = 0 if column == "members" else 1
        table[_(header)] = [formats.number(v, decimals) for v in values]
    return table


def basics_readable(basics: pd.DataFrame, formats: Formats = ENGLISH) -> pd.DataFrame:
    """The competitiveness check for people: us, the competitor, holds yes/no."""
    _ = formats._
    table = pd.DataFrame(
        index=pd.Index([e_name(k, formats) for k in basics.index], name=_("basic"))
    )
    table[_("us today")] = [formats.number(v, 1) for v in basics["today"]]
    table[_("competitor")] = [formats.number(v, 1) for v in basics["competitor"]]
    table[_("holds")] = [
        _("not scored") if pd.isna(v) else (_("yes") if v else _("no")) for v in basics["holds"]
    ]
    return table


# --- competitiveness first -----------------------------------------------------------


def competitiveness(long: pd.DataFrame) -> pd.DataFrame:
    """The three basics: team average today and competitor, and whether each holds.

    A basic holds when we score at least FINE (3, "meets expectations") and are
    at most BEHIND_BY (1) point below the competitor. ``holds`` is <NA> when
    nobody scored it.
    """
    scores = team_scores(long, BASICS)[["today", "competitor"]]
    competitor = scores["competitor"].fillna(scores["today"])
    holds = (scores["today"] >= FINE) & (scores["today"] >= competitor - BEHIND_BY)
    scores["holds"] = holds.astype("boolean").where(scores["today"].notna())
    return scores


def competitiveness_in_words(check: pd.DataFrame, formats: Formats = ENGLISH) -> str:
    """Whether advantage work makes sense yet, in two or three sentences."""
    _ = formats._
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
        ).format(basics=e_names(weak, formats), fine=formats.number(FINE),
                 behind=formats.number(BEHIND_BY))  # fmt: skip
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
            ).format(basics=e_names(close, formats))
    if missing:
        text += " " + _("Not scored yet: {basics}.").format(basics=e_names(missing, formats))
    return text


# --- where to invest -----------------------------------------------------------------


def suggested_es(scores: pd.DataFrame, n: int = CHOSEN_MAX) -> list[str]:
    """Up to ``n`` E's where an important lead is largest (priority > 0), best first.

    Ties are broken by importance, then by the order of the nine E's.
    """
    ranked = scores[scores["priority"].fillna(0) > 0].copy()
    ranked["order"] = [E_KEYS.index(k) for k in ranked.index]
    ranked = ranked.sort_values(["priority", "importance", "order"], ascending=[False, False, True])
    return ranked.index[:n].tolist()


TEAMS_PICK = N_("the team's pick")
BY_PRIORITY = N_("importance × lead")


def chosen_es(scores: pd.DataFrame, team: dict) -> tuple[list[str], str]:
    """The E's to invest in and why: the team's pick if it made one, else the suggestion."""
    picked = [k for k in team.get("chosen") or [] if k in NINE_E]
    if picked:
        return picked, TEAMS_PICK
    return suggested_es(scores), BY_PRIORITY


def behind_on_what_matters(scores: pd.DataFrame, min_importance: float = 3) -> list[str]:
    """E's that matter to customers (importance ≥ 3) where the competitor is ahead."""
    mask = (scores["lead"].fillna(0) < 0) & (scores["importance"].fillna(0) >= min_importance)
    return scores.index[mask.to_numpy(dtype=bool)].tolist()


def disagreement_agenda(scores: pd.DataFrame, min_spread: float = DISAGREE_SPREAD) -> pd.DataFrame:
    """E's where members' scores are at least ``min_spread`` apart, widest first."""
    agenda = scores[scores["spread"].fillna(0) >= min_spread].copy()
    agenda["order"] = [E_KEYS.index(k) for k in agenda.index]
    agenda = agenda.sort_values(["spread", "order"], ascending=[False, True])
    return agenda.drop(columns="order")


def evidence(long: pd.DataFrame, area: str) -> list[str]:
    """Each member's line of evidence for one area: ``"aino: laser cut in 48 h"``."""
    rows = long[(long[KEY] == area) & long["evidence"].notna()]
    return [
        f"{member_label(m)}: {e}" for m, e in zip(rows["member"], rows["evidence"], strict=True)
    ]


def chosen_in_words(
    scores: pd.DataFrame, chosen: list[str], basis: str, formats: Formats = ENGLISH
) -> str:
    """One sentence: the E's to invest in and why they were chosen (for the front page)."""
    _ = formats._
    if scores["today"].isna().all():
        return _("No scores yet, so there is nothing to choose from.")
    if not chosen:
        return _(
            "No E stands out yet: on none of them are you ahead of the competitor on "
            "something customers care about. Pick one E that fits your team and build "
            "something real behind it, or fill in the missing scores."
        )
    return (_("The E to invest in ({basis}): {names}.") if len(chosen) == 1
            else _("The E's to invest in ({basis}): {names}.")).format(
        basis=_(basis), names=e_names(chosen, formats))  # fmt: skip


def evidence_in_words(
    scores: pd.DataFrame, long: pd.DataFrame, chosen: list[str], formats: Formats = ENGLISH
) -> str:
    """Each chosen E with the team's scores and every member's line of evidence."""
    _ = formats._
    if scores["today"].isna().all():
        return ""
    lines = []
    for area in chosen:
        row = scores.loc[area]
        lines.append("  - " + _("{name}: us {today}, competitor {competitor}, importance "
                                "{importance}").format(
            name=e_name(area, formats), today=formats.number(row["today"], 1),
            competitor=formats.number(row["competitor"], 1),
            importance=formats.number(row["importance"], 1)))  # fmt: skip
        backing = evidence(long, area)
        lines.extend(f"      {b}" for b in backing)
        if not backing:
            lines.append("      " + _("no evidence written yet: what real thing backs this?"))
    return "\n".join(lines)


def choice_in_words(
    scores: pd.DataFrame,
    long: pd.DataFrame,
    chosen: list[str],
    basis: str,
    formats: Formats = ENGLISH,
) -> str:
    """The chosen E's with their scores and evidence, as a short text."""
    details = evidence_in_words(scores, long, chosen, formats)
    return "\n".join(t for t in (chosen_in_words(scores, chosen, basis, formats), details) if t)


QUESTION_NAMES = {
    "today": N_("today"),
    "competitor": N_("competitor"),
    "importance": N_("importance"),
}


def agenda_in_words(agenda: pd.DataFrame, members: list[str], formats: Formats = ENGLISH) -> str:
    """The team meeting's agenda: where members disagree most."""
    _ = formats._
    if not members:
        return _("Nobody has answered yet, so there is no team to compare.")
    if len(members) < 2:
        return _("Only one person has answered, so there is no disagreement to discuss.")
    if agenda.empty:
        return _(
            "The {count} members agree within {points} point on every E: no disagreement "
            "to put on the agenda."
        ).format(count=formats.number(len(members)),
                 points=formats.number(DISAGREE_SPREAD - 1))  # fmt: skip
    items = []
    for area, row in agenda.iterrows():
        which = max(
            SCORE_COLUMNS, key=lambda c: row[f"spread_{c}"] if pd.notna(row[f"spread_{c}"]) else -1
        )
        items.append(_("{name} ({question}: {points} points apart)").format(
            name=e_name(area, formats), question=_(QUESTION_NAMES[which]),
            points=formats.number(row["spread"])))  # fmt: skip
    return _("Agenda for the team meeting, where you disagree most: {items}.").format(
        items="; ".join(items)
    )


# --- everything at once ------------------------------------------------------------


@dataclass
class Results:
    """The team's results, computed once from the saved answers."""

    answers: Answers
    scores: pd.DataFrame  # team_scores
    basics: pd.DataFrame  # competitiveness
    chosen: list[str]
    basis: str  # "the team's pick" or "importance × lead"
    agenda: pd.DataFrame  # disagreement_agenda
    behind: list[str]  # behind_on_what_matters


def results(answers: Answers) -> Results:
    """Team scores, the competitiveness check, the E's to invest in and the agenda."""
    scores = team_scores(answers.long)
    chosen, basis = chosen_es(scores, answers.team)
    return Results(
        answers=answers,
        scores=scores,
        basics=competitiveness(answers.long),
        chosen=chosen,
        basis=basis,
        agenda=disagreement_agenda(scores),
        behind=behind_on_what_matters(scores),
    )


def headline_figures(result: Results) -> dict:
    """The figures the notebook records (keys documented in ``report.figures``).

    Without any answers every figure but ``e9_members`` (0) is None.
    """
    members = result.answers.members
    answered = result.answers.answered
    holds = result.basics["holds"].dropna()
    figures: dict = {
        "e9_members": len(members),
        "e9_basics_holding": int(holds.sum()) if answered and not holds.empty else None,
    }
    for area in E_KEYS:
        for column in SCORE_COLUMNS:
            value = result.scores.loc[area, column]
            figures[f"e9_{area}_{column}"] = None if pd.isna(value) else round(float(value), 3)
    figures["e9_chosen"] = ", ".join(e_name(k) for k in result.chosen) if result.chosen else None
    agenda = result.agenda
    top = agenda.index[0] if len(members) > 1 and not agenda.empty else None
    figures["e9_largest_disagreement"] = e_name(top) if top else None
    figures["e9_largest_disagreement_spread"] = float(agenda.loc[top, "spread"]) if top else None
    return figures


def behind_in_words(behind: list[str], formats: Formats = ENGLISH) -> str:
    """E's where the competitor leads on something customers care about."""
    _ = formats._
    if not behind:
        return _(
            "On nothing that matters to customers (importance 3 or more) is the competitor ahead."
        )
    return _(
        "Behind on what matters to customers: {names}. That is not where your advantage will "
        "come from, but customers notice it: bring it up to the competitor's level, or explain "
        "the difference (a higher price for faster work)."
    ).format(names=e_names(behind, formats))
