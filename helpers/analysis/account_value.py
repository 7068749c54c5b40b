"""The value of an account on five levels (text 003, notebook 03).

*Factual* value comes from the data (revenue, margin, hours, profit after
cost-to-serve: see ``helpers.analysis.profitability``). The other four levels,
*reference*, *contact*, *emotional* and *learning* value, are the team's
judgement: each member scores the accounts that matter from 1 to 5 in a form
(``helpers.course.account_value.scores_form``), saved at once in
``<company folder>/answers/account-values/<member>.csv`` (read here through
``helpers.company.answers``). The same file can be typed in a spreadsheet (format in
``data/README.md``).

Here: which accounts to score (:func:`accounts_to_score`: notebook 02's key accounts
unless a list is given), the team's scores
merged (:func:`team_scores`), the five-level profile (:func:`value_profile`), a
total score with weights as parameters (:func:`total_value`), how the ranking
moves when the weights move (:func:`rank_sensitivity`) and the accounts whose
emotional value is high while their factual value is low
(:func:`emotional_over_factual`). The sentences and tables about them are
:mod:`helpers.words.account_value`.

>>> economics = pd.DataFrame({"revenue": [900.0, 500.0, 100.0],
...                           "margin": [300.0, 100.0, -50.0], "profit": [float("nan")] * 3})
>>> factual_score(economics).tolist()          # on margin: the best 5, the worst 1
[5.0, 3.0, 1.0]
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from helpers.analysis.segmentation import key_accounts
from helpers.analysis.windows import WINDOW_DAYS, in_window
from helpers.company import answers

TOPIC = "account-values"  # answers/account-values/<member>.csv
KEY = "customer_id"
QUALITATIVE = ("reference", "contact", "emotional", "learning")
LEVELS = ("factual", *QUALITATIVE)
LOW, HIGH = 1, 5
FIELDS = [
    answers.Scale("reference", LOW, HIGH, "Reference value"),
    answers.Scale("contact", LOW, HIGH, "Contact value"),
    answers.Scale("emotional", LOW, HIGH, "Emotional value"),
    answers.Scale("learning", LOW, HIGH, "Learning value"),
    answers.Text("note", "A note (why?)"),
    # Text 003: learning counts when it is run for a result; the team writes which one.
    answers.Text("learning_result", "Learning: result, check date"),
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
LEARNING_HIGH = 4.0  # the same for learning value
FACTUAL_LOW = 2.5  # factual score below this (the bottom ~third of accounts) is "low"
NAN = float("nan")


def accounts_to_score(
    invoices: pd.DataFrame,
    as_of: pd.Timestamp,
    customers: pd.DataFrame | None = None,
    chosen: list | None = None,
    top: int = 10,
    window_days: int = WINDOW_DAYS,
    keys: list | None = None,
) -> list[str]:
    """The accounts to score: ``chosen`` if given, else ``keys``, else notebook 02's key
    accounts with its default cut-offs.

    ``keys``: the accounts the team looks after, as the plan has them
    (``helpers.analysis.plan.vision_accounts(wb.plan)``: the company's own cut-offs and
    ``max_key_accounts``); notebook 03 passes them, so it scores the accounts the rest of
    the course plans for. When there are none, the ``top`` accounts by revenue in the
    last 12 months stand in (revenue > 0, largest first, ties by id). ``chosen`` ids are
    kept in their order, as text, duplicates dropped.

    Example: ``accounts_to_score(wb.invoices, wb.as_of, keys=vision_accounts(wb.plan))``
    """
    if chosen is not None:
        return list(dict.fromkeys(str(c) for c in chosen))
    if keys is None:
        keys = key_accounts(invoices, as_of, customers)
    if keys:
        return list(keys)
    return largest_accounts(invoices, as_of, top, window_days)


def largest_accounts(
    invoices: pd.DataFrame, as_of: pd.Timestamp, top: int = 10, window_days: int = WINDOW_DAYS
) -> list[str]:
    """The ``top`` accounts by revenue in the last 12 months (revenue > 0, largest first)."""
    lines = in_window(invoices, as_of, days=window_days)
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
    return answers.read_members(company_folder, TOPIC, key=KEY, fields=FIELDS)


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


def _check_weights(weights: dict) -> None:
    unknown = set(weights) - set(LEVELS)
    if unknown:
        raise ValueError(f"unknown level(s) {sorted(unknown)}; the levels are {', '.join(LEVELS)}")
    if any(not isinstance(v, int | float) or v < 0 or math.isnan(v) for v in weights.values()):
        raise ValueError("weights must be numbers ≥ 0, like {'factual': 3, 'emotional': 1}")


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


def learning_results(
    scores: pd.DataFrame, team: pd.DataFrame, high: float = LEARNING_HIGH
) -> pd.DataFrame:
    """The accounts the team scores high on learning value, and whether a result is written.

    Text 003: learning counts only when it is done for a result, so each such account
    should carry what the learning is to bring and when the team will check
    (``learning_result`` in the scoring form). In: :func:`read_scores`' frame and
    :func:`team_scores`. Out, per account whose team learning score is ≥ ``high`` (highest
    first): ``learning`` (the team's mean), ``members`` (who scored learning) and
    ``written`` (members who wrote a result). Example: Aino 5 with a result, Mikko 4
    without → learning 4.5, members 2, written 1.
    """
    columns = ["learning", "members", "written"]
    if scores.empty or team.empty:
        return pd.DataFrame(columns=columns, index=pd.Index([], name=KEY), dtype=float)
    chosen = team.index[team["learning"].astype(float) >= high]
    rows = scores.loc[scores[KEY].isin(chosen) & scores["learning"].notna()]
    text = rows.get("learning_result", pd.Series(None, index=rows.index, dtype=object))
    written = text.fillna("").astype(str).str.strip() != ""
    out = pd.DataFrame(
        {
            "learning": team.loc[chosen, "learning"].astype(float),
            "members": rows.groupby(KEY).size().reindex(chosen, fill_value=0),
            "written": written.groupby(rows[KEY]).sum().reindex(chosen, fill_value=0),
        }
    )
    out[["members", "written"]] = out[["members", "written"]].astype(int)
    return out.sort_values("learning", ascending=False, kind="stable")[columns]
