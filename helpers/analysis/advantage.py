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
column per question) and returns a DataFrame indexed by ``area``, a list of area
keys or plain numbers. The names of the areas and the sentences about the results are
in :mod:`helpers.words.advantage`.

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
    Scale("today", 1, 5, N_("Us today")),
    Scale("competitor", 1, 5, N_("The competitor")),
    Scale("importance", 1, 5, N_("Importance to customers")),
    Text("evidence", N_("Evidence: what backs it?")),
]
TEAM_FIELDS = [
    Text("competitor_name", N_("The competitor we compare with")),
    Picks("chosen", [(NINE_E[k][0], k) for k in E_KEYS], N_("The E's we choose to invest in")),
]

FINE = 3  # a basic holds when we score at least this ("meets expectations") …
BEHIND_BY = 1  # … and are at most this much below the competitor ("not badly behind")
DISAGREE_SPREAD = 2  # members' scores this far apart put the E on the meeting's agenda
CHOSEN_MAX = 3


def area_label(area: str) -> str:
    """The English name of an area, as marked for translation: ``"epic"`` -> ``"Epic"``.

    The headline figures keep these names; :func:`helpers.words.advantage.e_name` gives
    them in the reader's language.

    >>> area_label("epic"), area_label("delivery"), area_label("speed")
    ('Epic', 'Delivery', 'Speed')
    """
    if area in NINE_E:
        return NINE_E[area][0]
    if area in BASIC_NAMES:
        return BASIC_NAMES[area]
    return area.capitalize()


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


# --- where to invest -----------------------------------------------------------------


def suggested_es(scores: pd.DataFrame, n: int = CHOSEN_MAX) -> list[str]:
    """Up to ``n`` E's where an important lead is largest (priority > 0), best first.

    Ties are broken by importance, then by the order of the nine E's.
    """
    ranked = scores[scores["priority"].fillna(0) > 0].copy()
    ranked["order"] = [E_KEYS.index(k) for k in ranked.index]
    ranked = ranked.sort_values(["priority", "importance", "order"], ascending=[False, False, True])
    return ranked.index[:n].tolist()


# why the E's were chosen: codes, put in words by helpers.words.advantage.basis_name
TEAMS_PICK = "team_pick"  # the team picked them (team.toml)
BY_PRIORITY = "priority"  # the largest importance × lead (the suggestion)


def chosen_es(scores: pd.DataFrame, team: dict) -> tuple[list[str], str]:
    """The E's to invest in and why: the team's pick if it made one, else the suggestion.

    Out: (area keys, basis) where basis is :data:`TEAMS_PICK` or :data:`BY_PRIORITY`.

    >>> scores = pd.DataFrame({"priority": [4.0], "importance": [4.0]}, index=["epic"])
    >>> chosen_es(scores, {}), chosen_es(scores, {"chosen": ["ethics"]})
    ((['epic'], 'priority'), (['ethics'], 'team_pick'))
    """
    picked = [k for k in team.get("chosen") or [] if k in NINE_E]
    if picked:
        return picked, TEAMS_PICK
    return suggested_es(scores), BY_PRIORITY


def behind_on_what_matters(scores: pd.DataFrame, min_importance: float = 3) -> list[str]:
    """E's that matter to customers (importance ≥ 3) where the competitor is ahead."""
    mask = (scores["lead"].fillna(0) < 0) & (scores["importance"].fillna(0) >= min_importance)
    return scores.index[mask.to_numpy(dtype=bool)].tolist()


def average_lead(long: pd.DataFrame) -> float:
    """How far above the competitor the team rates itself, on average over every answer on
    the nine E's that scores both (today − competitor); NaN without such answers.

    A self-assessment is the view from inside: a clearly positive figure may be true, or
    it may be how every team sees itself.

    >>> rows = pd.DataFrame({"area": ["epic", "epic", "ethics", "product"],
    ...                      "today": [4, 2, 5, 5], "competitor": [3, 3, None, 1]})
    >>> average_lead(rows)  # (1 + -1) / 2: the ethics row has no competitor, product is a basic
    0.0
    """
    rows = long[long[KEY].isin(E_KEYS)]
    leads = (rows["today"].astype("Float64") - rows["competitor"].astype("Float64")).dropna()
    return float(leads.mean()) if len(leads) else float("nan")


# why an E is, or isn't, a defensible place to invest: codes, put in words by the exercises
DEFENSIBLE = "defensible"  # ahead, on something customers care about, backed by something real
NOT_SCORED = "not_scored"  # nobody scored us and the competitor on it
NOT_AHEAD = "not_ahead"  # level with or behind the competitor: competitiveness work
CONTESTED = "contested"  # ahead on average, but fewer than half the members see us ahead
UNIMPORTANT = "unimportant"  # ahead, but customers care little (importance below 3)
UNBACKED = "unbacked"  # ahead on what matters, but nobody wrote what backs it


def investment_case(
    scores: pd.DataFrame, long: pd.DataFrame, min_importance: float = 3
) -> pd.DataFrame:
    """For each E, whether it is a defensible place to invest, and the figures that say so.

    Text 003: pick a few E's that fit your team, and back each with something real. An E
    is :data:`DEFENSIBLE` when the team is ahead of the competitor on average (lead > 0),
    at least half the members who scored it see us ahead, customers care about it
    (importance ≥ ``min_importance``) and some member wrote evidence for it (unless nobody
    wrote evidence on any E: then that can't be judged and is not asked). Otherwise the
    first reason that fails: :data:`NOT_SCORED`, :data:`NOT_AHEAD`, :data:`CONTESTED`,
    :data:`UNIMPORTANT`, :data:`UNBACKED`.

    Columns: ``lead``, ``importance``, ``ahead_members`` (members who score us above the
    competitor), ``scored_members`` (members who scored both), ``evidence`` (the first
    line written, or None), ``verdict``.
    """
    rows = long[long[KEY].isin(E_KEYS)]
    both = rows[rows["today"].notna() & rows["competitor"].notna()]
    ahead = both[both["today"] > both["competitor"]].groupby(KEY).size()
    scored = both.groupby(KEY).size()
    written = rows[rows["evidence"].notna()]
    first_evidence = written.groupby(KEY)["evidence"].first()
    any_evidence = not written.empty
    table = pd.DataFrame(index=pd.Index(E_KEYS, name=KEY))
    table["lead"] = scores["lead"].reindex(E_KEYS)
    table["importance"] = scores["importance"].reindex(E_KEYS)
    table["ahead_members"] = ahead.reindex(E_KEYS).fillna(0).astype(int)
    table["scored_members"] = scored.reindex(E_KEYS).fillna(0).astype(int)
    table["evidence"] = (
        first_evidence.reindex(E_KEYS)
        .astype(object)
        .where(first_evidence.reindex(E_KEYS).notna(), None)
    )

    def verdict(row) -> str:
        if row.scored_members == 0 or pd.isna(row.lead):
            return NOT_SCORED
        if row.lead <= 0:
            return NOT_AHEAD
        if 2 * row.ahead_members < row.scored_members:
            return CONTESTED
        if pd.isna(row.importance) or row.importance < min_importance:
            return UNIMPORTANT
        if any_evidence and row.evidence is None:
            return UNBACKED
        return DEFENSIBLE

    table["verdict"] = [verdict(row) for row in table.itertuples()]
    return table


def disagreement_agenda(scores: pd.DataFrame, min_spread: float = DISAGREE_SPREAD) -> pd.DataFrame:
    """E's where members' scores are at least ``min_spread`` apart, widest first."""
    agenda = scores[scores["spread"].fillna(0) >= min_spread].copy()
    agenda["order"] = [E_KEYS.index(k) for k in agenda.index]
    agenda = agenda.sort_values(["spread", "order"], ascending=[False, True])
    return agenda.drop(columns="order")


def widest_question(row: pd.Series) -> str:
    """The question (``today``, ``competitor`` or ``importance``) members are furthest apart
    on, in one row of :func:`team_scores` (the first of them when tied)."""
    return max(
        SCORE_COLUMNS, key=lambda c: row[f"spread_{c}"] if pd.notna(row[f"spread_{c}"]) else -1
    )


def evidence(long: pd.DataFrame, area: str) -> list[str]:
    """Each member's line of evidence for one area: ``"aino: laser cut in 48 h"``."""
    rows = long[(long[KEY] == area) & long["evidence"].notna()]
    return [
        f"{member_label(m)}: {e}" for m, e in zip(rows["member"], rows["evidence"], strict=True)
    ]


# --- everything at once ------------------------------------------------------------


@dataclass
class Results:
    """The team's results, computed once from the saved answers."""

    answers: Answers
    scores: pd.DataFrame  # team_scores
    basics: pd.DataFrame  # competitiveness
    chosen: list[str]
    basis: str  # TEAMS_PICK or BY_PRIORITY
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

    Without any answers every figure but ``e9_members`` (0) is None. The E's are named
    in English (:func:`area_label`), whatever the run's language.
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
    figures["e9_chosen"] = (
        ", ".join(area_label(k) for k in result.chosen) if result.chosen else None
    )
    agenda = result.agenda
    top = agenda.index[0] if len(members) > 1 and not agenda.empty else None
    figures["e9_largest_disagreement"] = area_label(top) if top else None
    figures["e9_largest_disagreement_spread"] = float(agenda.loc[top, "spread"]) if top else None
    gap = average_lead(result.answers.long)
    figures["e9_average_lead"] = round(gap, 3) if gap == gap else None
    return figures
