"""The value of an account on five levels (text 003, notebook 03).

*Factual* value comes from the data (revenue, margin, hours, profit after
cost-to-serve: see ``helpers.analysis.profitability``). The other four levels,
*reference*, *contact*, *emotional* and *learning* value, are the team's
judgement: each member scores the accounts that matter from 1 to 5 in a form
(``helpers.course.forms``), saved at once in
``<company folder>/answers/account-values/<member>.csv``. The same file can be
typed in a spreadsheet (format in ``data/README.md``).

Here: which accounts to score (:func:`accounts_to_score`: notebook 02's key accounts
unless a list is given), the team's scores
merged (:func:`team_scores`), the five-level profile (:func:`value_profile`), a
total score with weights as parameters (:func:`total_value`), how the ranking
moves when the weights move (:func:`rank_sensitivity`) and the accounts whose
emotional value is high while their factual value is low
(:func:`emotional_over_factual`).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from helpers.analysis.segmentation import key_accounts
from helpers.course import forms
from helpers.language import N_
from helpers.report.formats import ENGLISH, Formats

TOPIC = "account-values"  # answers/account-values/<member>.csv
KEY = "customer_id"
QUALITATIVE = ("reference", "contact", "emotional", "learning")
LEVELS = ("factual", *QUALITATIVE)
LOW, HIGH = 1, 5
FIELDS = [
    forms.Scale("reference", LOW, HIGH, "Reference value"),
    forms.Scale("contact", LOW, HIGH, "Contact value"),
    forms.Scale("emotional", LOW, HIGH, "Emotional value"),
    forms.Scale("learning", LOW, HIGH, "Learning value"),
    forms.Text("note", "A note (why?)"),
]
# Factual value counts most (text 003: "perhaps the most important level"); change freely.
DEFAULT_WEIGHTS = {
    "factual": 3.0,
    "reference": 1.0,
    "contact": 1.0,
    "emotional": 1.0,
    "learning": 1.0,
}
EMOTIONAL_HIGH = 4.0  # team average at or above this is "high"
FACTUAL_LOW = 2.5  # factual score below this (the bottom ~third of accounts) is "low"
NAN = float("nan")
# The measure of factual value, as a reader sees it (translated with ``formats._``).
BASIS_LABELS = {
    "profit": N_("profit after cost-to-serve"),
    "margin": N_("margin"),
    "revenue": N_("revenue"),
}
# Headers of the profile table (translated with ``formats._``).
PROFILE_HEADERS = {
    "name": N_("name"),
    "factual": N_("factual"),
    "reference": N_("reference"),
    "contact": N_("contact"),
    "emotional": N_("emotional"),
    "learning": N_("learning"),
    "total": N_("total"),
    "members": N_("members"),
    "spread": N_("spread"),
}


def accounts_to_score(
    invoices: pd.DataFrame,
    as_of: pd.Timestamp,
    customers: pd.DataFrame | None = None,
    chosen: list | None = None,
    top: int = 10,
    window_days: int = 365,
) -> list[str]:
    """The accounts to score: ``chosen`` if given, else the key accounts of notebook 02.

    Key accounts are those of high value and high growth potential
    (``segmentation.key_accounts``). When there are none, the ``top`` accounts by
    revenue in the last 12 months stand in (revenue > 0, largest first, ties by id).
    ``chosen`` ids are kept in their order, as text, duplicates dropped.

    Example: ``accounts_to_score(wb.invoices, wb.as_of, wb.company.customers)``
    """
    if chosen is not None:
        return list(dict.fromkeys(str(c) for c in chosen))
    keys = key_accounts(invoices, as_of, customers)
    if keys:
        return list(keys)
    return largest_accounts(invoices, as_of, top, window_days)


def largest_accounts(
    invoices: pd.DataFrame, as_of: pd.Timestamp, top: int = 10, window_days: int = 365
) -> list[str]:
    """The ``top`` accounts by revenue in the last 12 months (revenue > 0, largest first)."""
    dates = invoices["date"]
    lines = invoices.loc[(dates > as_of - pd.Timedelta(days=window_days)) & (dates <= as_of)]
    revenue = lines.groupby("customer_id")["amount"].sum()
    revenue = revenue[revenue > 0].sort_index().sort_values(ascending=False, kind="stable")
    return revenue.index[:top].tolist()


def factual_basis(economics: pd.DataFrame) -> str:
    """The best measure of factual value the data allows: profit, else margin, else revenue."""
    for column in ("profit", "margin"):
        if economics[column].notna().any():
            return column
    return "revenue"


def factual_score(economics: pd.DataFrame) -> pd.Series:
    """Factual value on the same 1–5 scale as the team's scores, from the data.

    1 + 4 × the account's percentile rank among all accounts of the period on
    :func:`factual_basis` (average rank on ties): the best account scores 5, the worst
    1, the middle one 3. A single account scores 3.

    Example: profits 300, 100, −50 → 5, 3, 1.
    """
    basis = economics[factual_basis(economics)].astype(float)
    n = int(basis.notna().sum())
    if n <= 1:
        return pd.Series(3.0, index=economics.index, name="factual").where(basis.notna())
    rank = basis.rank(method="average")  # 1 = lowest
    return (1 + 4 * (rank - 1) / (n - 1)).rename("factual")


def read_scores(company_folder) -> tuple[pd.DataFrame, list]:
    """Every member's saved scores (long: member, customer_id, four levels, note) and problems.

    A file that can't be read is left out and returned in ``problems`` (each prints as
    file, line, what is wrong); it is never changed.
    """
    return forms.read_members(company_folder, TOPIC, key=KEY, fields=FIELDS)


def team_scores(scores: pd.DataFrame) -> pd.DataFrame:
    """The team's scores per account: the mean of the members who answered each level.

    In: :func:`read_scores`' frame. Out: one row per ``customer_id`` with the mean of
    each of the four levels (NaN when nobody scored it), ``members`` (how many scored
    any level) and ``spread`` (the largest max − min over the levels: how much the
    team disagrees). Example: Aino 4 and Mikko 2 on emotional → emotional 3, spread 2.
    """
    columns = [*QUALITATIVE, "members", "spread"]
    if scores.empty:
        return pd.DataFrame(columns=columns, index=pd.Index([], name=KEY), dtype=float)
    values = scores[[KEY, *QUALITATIVE]].copy()
    values[list(QUALITATIVE)] = values[list(QUALITATIVE)].astype(float)
    answered = values[list(QUALITATIVE)].notna().any(axis=1)
    values = values[answered]
    grouped = values.groupby(KEY)
    out = grouped[list(QUALITATIVE)].mean()
    out["members"] = grouped.size()
    spread = grouped[list(QUALITATIVE)].max() - grouped[list(QUALITATIVE)].min()
    out["spread"] = spread.max(axis=1)
    return out[columns]


def value_profile(economics: pd.DataFrame, team: pd.DataFrame, accounts: list[str]) -> pd.DataFrame:
    """The five levels side by side for the accounts to score and every account scored.

    Rows: ``accounts`` first (in that order), then any other account the team scored.
    Columns: ``factual`` (:func:`factual_score`; NaN for an account without data in the
    period), the four team levels, ``members``, ``spread``.
    """
    rows = list(dict.fromkeys([*accounts, *team.index]))
    profile = pd.DataFrame(index=pd.Index(rows, name=KEY))
    profile["factual"] = factual_score(economics).reindex(rows)
    profile = profile.join(team.reindex(rows))
    profile["members"] = profile["members"].fillna(0).astype(int)
    return profile


def total_value(profile: pd.DataFrame, weights: dict | None = None) -> pd.Series:
    """Weighted mean of the five levels (1–5), over the levels that have a score.

    ``weights``: level → weight (``DEFAULT_WEIGHTS`` for the missing ones; 0 leaves a
    level out). An account the team has not scored on any of the four levels is NaN:
    the factual level alone is not a total.
    Example: factual 5, the rest 1, default weights 3:1:1:1:1 → (15 + 4) / 7 = 2.71.
    """
    _check_weights(weights or {})
    weights = {**DEFAULT_WEIGHTS, **(weights or {})}
    w = pd.Series({level: float(weights[level]) for level in LEVELS})
    values = profile[list(LEVELS)].astype(float)
    used = values.notna().mul(w, axis=1)
    total = values.fillna(0.0).mul(w, axis=1).sum(axis=1) / used.sum(axis=1).replace(0, np.nan)
    scored = values[list(QUALITATIVE)].notna().any(axis=1)
    return total.where(scored).rename("total")


def ranking(profile: pd.DataFrame, weights: dict | None = None) -> pd.Series:
    """Rank by total value (1 = most valuable; ties share the better rank), NaN left out."""
    total = total_value(profile, weights).dropna()
    return total.rank(ascending=False, method="min").astype(int).rename("rank")


def rank_sensitivity(
    profile: pd.DataFrame, weights: dict | None = None, factors=(0.0, 2.0)
) -> pd.DataFrame:
    """How the ranking moves when one level's weight moves.

    Scenarios: the base weights, then each level's weight times each of ``factors``
    (0 = the level left out, 2 = doubled). Out: one row per ranked account with its
    rank under every scenario (columns: "base", "factual × 0", "factual × 2", …), then
    ``best``, ``worst`` and ``moves`` (worst − best: 0 = the same rank whatever the
    weights). Sorted by base rank.
    """
    weights = {**DEFAULT_WEIGHTS, **(weights or {})}
    ranks = {"base": ranking(profile, weights)}
    for level in LEVELS:
        for factor in factors:
            changed = {**weights, level: weights[level] * factor}
            ranks[f"{level} × {factor:g}"] = ranking(profile, changed)
    table = pd.DataFrame(ranks)
    table = table.dropna(subset=["base"]).astype("Int64")
    table["best"] = table.min(axis=1)
    table["worst"] = table.drop(columns="best").max(axis=1)
    table["moves"] = table["worst"] - table["best"]
    return table.sort_values(["base"], kind="stable")


def sensitivity_in_words(
    table: pd.DataFrame, names: pd.Series | None = None, formats: Formats = ENGLISH
) -> str:
    """Which accounts keep their place whatever the weights, and which move most."""
    _ = formats._
    if table.empty:
        return _("No account has scores yet, so there is no ranking to test.")
    name = (lambda i: str(names.get(i, i))) if names is not None else str
    steady = table.index[table["moves"] == 0]
    moving = table[table["moves"] > 0].sort_values("moves", ascending=False, kind="stable")
    text = []
    if len(moving) == 0:
        text.append(_("No account changes rank when any one weight is dropped or doubled."))
    else:
        top = moving.head(3)
        shown = ", ".join(
            _("{name} (rank {best}–{worst})").format(name=name(i), best=r.best, worst=r.worst)
            for i, r in top.iterrows()
        )
        text.append(
            _(
                "{moving} of {total} accounts change rank when one weight is dropped or "
                "doubled; the most: {shown}."
            ).format(moving=len(moving), total=len(table), shown=shown)
        )
    if len(steady):
        text.append(
            _("Steady whatever the weights: {names}.").format(
                names=", ".join(name(i) for i in steady)
            )
        )
    return " ".join(text)


def emotional_over_factual(
    profile: pd.DataFrame,
    economics: pd.DataFrame | None = None,
    high: float = EMOTIONAL_HIGH,
    low: float = FACTUAL_LOW,
) -> pd.Series:
    """True for accounts the team loves (emotional ≥ ``high``) that earn little.

    "Earn little": factual score below ``low``, or a loss after cost-to-serve (or a
    negative margin) when ``economics`` is given. Out: boolean Series over the profile.
    """
    emotional = profile["emotional"].astype(float) >= high
    weak = profile["factual"].astype(float) < low
    if economics is not None:
        basis = factual_basis(economics)
        if basis != "revenue":
            weak = weak | (economics[basis].reindex(profile.index) < 0)
    return (emotional & weak).fillna(False).astype(bool).rename("emotional_over_factual")


def scores_in_words(
    scores: pd.DataFrame, problems: list, accounts: list[str], formats: Formats = ENGLISH
) -> str:
    """Who has scored how many accounts, what can't be read, and how to add scores."""
    _ = formats._
    text = [_("Left out (can't be read): {problem}").format(problem=p) for p in problems]
    if scores.empty:
        text.append(
            _(
                "No scores yet for the {count} accounts to score. Score them in the form above "
                "(in JupyterLab), or type them in a spreadsheet as answers/{topic}/<your "
                "name>.csv in the company folder: columns customer_id, reference, contact, "
                "emotional, learning (1–5, empty = not scored), note. The parts below that "
                "need scores are left out until then."
            ).format(count=formats.number(len(accounts)), topic=TOPIC)
        )
        return "\n".join(text)
    answered = scores.dropna(subset=list(QUALITATIVE), how="all")
    per_member = answered.groupby("member")[KEY].nunique()
    members = ", ".join(f"{m} ({n})" for m, n in per_member.items())
    covered = len(set(answered[KEY]) & set(accounts))
    text.append(
        _(
            "Scores from {members} member(s), accounts scored each: {list}. {covered} of the "
            "{count} accounts to score have at least one score."
        ).format(members=len(per_member), list=members, covered=covered, count=len(accounts))
    )
    return "\n".join(text)


def profile_readable(
    profile: pd.DataFrame,
    names: pd.Series | None,
    weights: dict | None = None,
    formats: Formats = ENGLISH,
) -> pd.DataFrame:
    """The profile with names and the total, rounded, ready to show (best total first).

    Headers in the reader's language, numbers written as in it (``formats``: ``wb.formats``).
    """
    table = profile.copy()
    table["total"] = total_value(profile, weights)
    table = table.sort_values("total", ascending=False, kind="stable", na_position="last")
    out = pd.DataFrame(index=pd.Index(table.index, name=formats._("customer")))
    out["name"] = [str(names.get(i, i)) if names is not None else i for i in table.index]
    for column in (*LEVELS, "total"):
        out[column] = table[column].map(lambda v: formats.number(v, 1))
    out["members"] = table["members"].map(formats.number)
    out["spread"] = table["spread"].map(formats.number)
    return out.rename(columns=lambda c: formats._(PROFILE_HEADERS[c]))


def describe_accounts(
    economics: pd.DataFrame, accounts: list[str], formats: Formats = ENGLISH
) -> dict:
    """A line of facts per account for the form: revenue, trend, profit after cost-to-serve.

    Example: ``{"C0001": "revenue 12 m €12,400 (+8.0%), profit after cost-to-serve €2,100,
    96 h"}``, in the reader's language with ``formats=wb.formats``.
    """
    _ = formats._
    rows = economics.reindex(accounts)
    basis = factual_basis(economics)
    revenue = _("revenue 12 m {revenue}")
    lines = rows["revenue"].map(lambda v: revenue.format(revenue=formats.money(v)))
    lines = lines + np.where(
        rows["trend"].notna(),
        " (" + rows["trend"].map(lambda v: ("+" if v >= 0 else "") + formats.percent(v)) + ")",
        "",
    )
    if basis != "revenue":
        lines = lines + f", {_(BASIS_LABELS[basis])} " + rows[basis].map(formats.money)
    if rows["hours"].notna().any():
        lines = lines + ", " + rows["hours"].map(formats.number) + " h"
    return {i: line for i, line in lines.items()}


def scores_form(
    company_folder,
    member: str,
    accounts: list[str],
    names: pd.Series | None,
    describe: dict | None = None,
    formats: Formats = ENGLISH,
):
    """The scoring form for one member, or None (with a sentence) in a batch run.

    One block per account: four 1–5 buttons and a note, each saved at once in
    ``answers/account-values/<member>.csv``.
    """
    path = forms.member_file(company_folder, TOPIC, member)
    table = forms.AnswerTable(path, key=KEY, fields=FIELDS)
    rows = {i: (str(names.get(i, i)) if names is not None else i) for i in accounts}
    return forms.show(
        lambda: forms.table_form(table, rows=rows, describe=describe),
        batch_text=formats._(
            "The scoring form shows here when you open the notebook in JupyterLab; your scores "
            "go to answers/{topic}/{file}.csv. Below: the scores saved so far."
        ).format(topic=TOPIC, file=forms.member_slug(member)),
    )


def _check_weights(weights: dict) -> None:
    unknown = set(weights) - set(LEVELS)
    if unknown:
        raise ValueError(f"unknown level(s) {sorted(unknown)}; the levels are {', '.join(LEVELS)}")
    if any(not isinstance(v, int | float) or v < 0 or math.isnan(v) for v in weights.values()):
        raise ValueError("weights must be numbers ≥ 0, like {'factual': 3, 'emotional': 1}")


def flagged_in_words(
    flagged: pd.Series,
    profile: pd.DataFrame,
    economics: pd.DataFrame,
    names: pd.Series | None,
    formats: Formats = ENGLISH,
) -> str:
    """The accounts loved but earning little, one line each, or why there are none."""
    _ = formats._
    if profile.empty or profile["emotional"].isna().all():
        return _("No emotional scores yet, so there is nothing to set against the numbers.")
    ids = flagged.index[flagged]
    if len(ids) == 0:
        return _(
            "None: every account the team scores 4 or more on emotional value also earns its "
            "keep. Good."
        )
    basis = factual_basis(economics)
    line = _("- {name}: {label} {value} in the last 12 months")
    lines = []
    for customer in ids:  # a handful of accounts at most
        value = economics[basis].get(customer, NAN)
        name = str(names.get(customer, customer)) if names is not None else customer
        lines.append(
            line.format(name=name, label=_(BASIS_LABELS[basis]), value=formats.money(value))
        )
    lines.append(
        _(
            "Keep the warmth, fix the economics: a customer you like is the easiest one to "
            "talk to about price."
        )
    )
    return "\n".join(lines)


def headline_figures(profile: pd.DataFrame, scores: pd.DataFrame, flagged: pd.Series) -> dict:
    """Notebook 03's figures on the scores: accounts scored, members, loved-but-losing.

    ``emotional_over_factual_accounts`` is None while nobody has scored emotional value.
    """
    scored = profile["emotional"].notna().any() if len(profile) else False
    return {
        "accounts_scored": int(profile[list(QUALITATIVE)].notna().any(axis=1).sum()),
        "scoring_members": int(scores["member"].nunique()) if len(scores) else 0,
        "emotional_over_factual_accounts": int(flagged.sum()) if scored else None,
    }
