"""In words: the five levels of account value (notebook 03).

The scores and profiles come from :mod:`helpers.analysis.account_value`; here they are
told in the reader's language: who has scored what, the profile as a table, how the
ranking moves with the weights, the accounts loved but earning little, and the line of
facts under each account in the scoring form (the form itself is
:func:`helpers.course.account_value.scores_form`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.analysis.account_value import (
    KEY,
    LEVELS,
    NAN,
    QUALITATIVE,
    TOPIC,
    factual_basis,
    total_value,
)
from helpers.language import N_, Language
from helpers.words.profitability import BASIS_LABELS

# Headers of the profile table (translated when shown).
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


def sensitivity_in_words(table: pd.DataFrame, names: pd.Series | None, lang: Language) -> str:
    """Which accounts keep their place whatever the weights, and which move most.

    In: ``table`` from ``account_value.rank_sensitivity``, ``names`` (customer_id → name,
    or None for the ids), ``lang``. Out: one or two sentences.

    >>> from helpers.language import ENGLISH
    >>> table = pd.DataFrame({"best": [1, 2], "worst": [1, 3], "moves": [0, 1]}, index=["A", "B"])
    >>> sensitivity_in_words(table, None, ENGLISH)
    '1 of 2 accounts change rank when one weight is dropped or doubled; the most: B (rank 2–3). \
Steady whatever the weights: A.'
    """
    _ = lang._
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


def scores_in_words(
    scores: pd.DataFrame, problems: list, accounts: list[str], lang: Language
) -> str:
    """Who has scored how many accounts, what can't be read, and how to add scores.

    In: ``scores`` and ``problems`` from ``account_value.read_scores``, the accounts to
    score, ``lang``. Out: one line per problem, then a sentence on the scores.

    Example: ``print(scores_in_words(*read_scores(wb.company.folder), accounts, wb.lang))``
    """
    _ = lang._
    text = [_("Left out (can't be read): {problem}").format(problem=p) for p in problems]
    if scores.empty:
        text.append(
            _(
                "No scores yet for the {count} accounts to score. Score them in the form above "
                "(in JupyterLab), or type them in a spreadsheet as answers/{topic}/<your "
                "name>.csv in the company folder: columns customer_id, reference, contact, "
                "emotional, learning (1–5, empty = not scored), note. The parts below that "
                "need scores are left out until then."
            ).format(count=lang.number(len(accounts)), topic=TOPIC)
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
    weights: dict | None,
    lang: Language,
) -> pd.DataFrame:
    """The profile with names and the total, rounded, ready to show (best total first).

    In: ``profile`` from ``account_value.value_profile``, ``names`` (or None), ``weights``
    (None: ``DEFAULT_WEIGHTS``), ``lang`` (``wb.lang``). Out: DataFrame of text, headers in
    the reader's language, numbers written as in it.

    Example: ``profile_readable(profile, names, weights, wb.lang)``
    """
    table = profile.copy()
    table["total"] = total_value(profile, weights)
    table = table.sort_values("total", ascending=False, kind="stable", na_position="last")
    out = pd.DataFrame(index=pd.Index(table.index, name=lang._("customer")))
    out["name"] = [str(names.get(i, i)) if names is not None else i for i in table.index]
    for column in (*LEVELS, "total"):
        out[column] = table[column].map(lambda v: lang.number(v, 1))
    out["members"] = table["members"].map(lang.number)
    out["spread"] = table["spread"].map(lang.number)
    return out.rename(columns=lambda c: lang._(PROFILE_HEADERS[c]))


def describe_accounts(economics: pd.DataFrame, accounts: list[str], lang: Language) -> dict:
    """A line of facts per account for the form: revenue, trend, profit after cost-to-serve.

    In: ``profitability.account_economics``, the accounts, ``lang`` (``wb.lang``).
    Out: customer_id → text, e.g. ``{"C0001": "revenue 12 m €12,400 (+8.0%), profit after
    cost-to-serve €2,100, 96 h"}``.

    >>> from helpers.language import ENGLISH
    >>> economics = pd.DataFrame({"revenue": [12400.0], "trend": [0.08], "margin": [None],
    ...                           "profit": [2100.0], "hours": [96.0]}, index=["C0001"])
    >>> describe_accounts(economics, ["C0001"], ENGLISH)["C0001"]
    'revenue 12 m €12,400 (+8.0%), profit after cost-to-serve €2,100, 96 h'
    """
    _ = lang._
    rows = economics.reindex(accounts)
    basis = factual_basis(economics)
    revenue = _("revenue 12 m {revenue}")
    lines = rows["revenue"].map(lambda v: revenue.format(revenue=lang.money(v)))
    lines = lines + np.where(
        rows["trend"].notna(),
        " (" + rows["trend"].map(lambda v: ("+" if v >= 0 else "") + lang.percent(v)) + ")",
        "",
    )
    if basis != "revenue":
        lines = lines + f", {_(BASIS_LABELS[basis])} " + rows[basis].map(lang.money)
    if rows["hours"].notna().any():
        lines = lines + ", " + rows["hours"].map(lang.number) + " h"
    return {i: line for i, line in lines.items()}


def flagged_in_words(
    flagged: pd.Series,
    profile: pd.DataFrame,
    economics: pd.DataFrame,
    names: pd.Series | None,
    lang: Language,
) -> str:
    """The accounts loved but earning little, one line each, or why there are none.

    In: ``flagged`` from ``account_value.emotional_over_factual``, the ``profile``,
    ``profitability.account_economics``, ``names`` (or None), ``lang``. Out: lines of text.

    Example: ``print(flagged_in_words(flagged, profile, economics, names, wb.lang))``
    """
    _ = lang._
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
        lines.append(line.format(name=name, label=_(BASIS_LABELS[basis]), value=lang.money(value)))
    lines.append(
        _(
            "Keep the warmth, fix the economics: a customer you like is the easiest one to "
            "talk to about price."
        )
    )
    return "\n".join(lines)


def learning_in_words(table: pd.DataFrame, names: pd.Series | None, lang: Language) -> str:
    """The accounts the team scores high on learning, and whether each has a result to check.

    In: ``account_value.learning_results``, ``names`` (or None), ``lang``. Out: a line per
    account, then what to write where none is written (text 003: learning is done for a
    result, or it is a cost).

    >>> from helpers.language import ENGLISH
    >>> table = pd.DataFrame({"learning": [4.5], "members": [2], "written": [0]}, index=["A"])
    >>> print(learning_in_words(table, None, ENGLISH).splitlines()[0])
    - A: learning 4.5; no result to check written yet
    """
    _ = lang._
    if table.empty:
        return _("No account scores 4 or more on learning value, so there is no bet to follow up.")
    name = (lambda i: str(names.get(i, i))) if names is not None else str
    lines = []
    for customer, row in table.iterrows():
        score = lang.number(row["learning"], 1)
        if row["written"] > 0:
            told = _(
                "- {name}: learning {score}; a result to check written by {written} of {members}"
            )
            lines.append(
                told.format(
                    name=name(customer),
                    score=score,
                    written=lang.number(row["written"]),
                    members=lang.number(row["members"]),
                )
            )
        else:
            told = _("- {name}: learning {score}; no result to check written yet")
            lines.append(told.format(name=name(customer), score=score))
    if (table["written"] == 0).any():
        lines.append(
            _(
                "For each account without one, write in the form what the learning should "
                "bring and the date you will look: two more customers for the new product, a "
                "fifth fewer hours on a kind of job. Learning without a result to check is a "
                "cost, not an investment."
            )
        )
    if (table["written"] == 0).all():
        lines.append(
            _("(A pseudonymised run leaves the team's texts out, so there none shows as written.)")
        )
    return "\n".join(lines)
