"""Service seen from the customer's side: the outside-in self-audit of notebook 04.

Competitiveness means not being behind, and service is one of its three basics. A team
scoring its own service sees it from the inside; text 002 asks you to look from the
customer's side instead. The audit is ten plain statements (:data:`STATEMENTS`), each
answered ``yes``, ``no`` or ``don't know`` by every member on their own, with a line
of what we'll change. "Don't know" is an answer too: nobody has looked.

The answers live in the company folder, one file per member, like the 9E checklist:
``answers/service-audit/<member>.csv`` with one row per ``statement`` (its key), the
columns ``answer`` (yes / no / don't know, empty = not answered yet) and ``change``
(free text). Numbers and codes only here; the words are in
:mod:`helpers.words.advantage`.

>>> long = pd.DataFrame({"member": ["a", "b"], "statement": ["greeting", "greeting"],
...                      "answer": ["yes", "no"], "change": [None, "answer the phone"]})
>>> row = team_audit(long).loc["greeting"]
>>> int(row["yes"]), int(row["no"]), int(row["dont_know"]), row["verdict"]
(1, 1, 0, 'gap')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from helpers.company.answers import AnswerFileError, Choice, Text, read_members
from helpers.language import N_

TOPIC = "service-audit"
KEY = "statement"
YES, NO, DONT_KNOW = "yes", "no", "don't know"
ANSWERS = (YES, NO, DONT_KNOW)
ANSWER_LABELS = {YES: N_("yes"), NO: N_("no"), DONT_KNOW: N_("don't know")}

# The three groups of statements: how the firm looks from outside, whether it is genuine,
# and how it serves (text 002).
OUTSIDE, GENUINE, SERVE = "outside", "genuine", "serve"
GROUPS = {
    OUTSIDE: N_("Seen from outside"),
    GENUINE: N_("Genuine"),
    SERVE: N_("Serving"),
}

# key -> (group, short name for sentences and tables, the statement a member answers).
# Both are translated (helpers/language/locale/*/LC_MESSAGES/advantage.po and checklist.po);
# the answers stored in the files stay the English codes of ANSWERS, whatever the form's
# language (ANSWER_LABELS are the words shown on its buttons).
STATEMENTS = {
    "tried_from_outside": (
        OUTSIDE,
        N_("tried by an outsider"),
        N_(
            "In the last six months someone outside the team (a friend, a mystery shopper) has "
            "contacted us as a customer would, and told us honestly how it went."
        ),
    ),
    "website_as_stranger": (
        OUTSIDE,
        N_("website read as a stranger"),
        N_(
            "Read as a stranger would read it, our website says plainly what we do, for whom, "
            "and how to reach us."
        ),
    ),
    "quotes_and_invoices": (
        OUTSIDE,
        N_("quotes and invoices clear"),
        N_(
            "A first-time customer understands our quotes and invoices without asking: no "
            "in-house words, and it is clear what the price includes."
        ),
    ),
    "stand_behind": (
        GENUINE,
        N_("only what we stand behind"),
        N_(
            "Everything we sell is something we fully stand behind; nothing is in our offer just "
            "because someone might buy it."
        ),
    ),
    "our_segment": (
        GENUINE,
        N_("our kind of customer"),
        N_(
            "We can name the customers whose values match ours, and we turn down work that "
            "doesn't fit us."
        ),
    ),
    "problem_first": (
        SERVE,
        N_("the customer's problem first"),
        N_(
            "Every time, also with regular customers, we first find out what the customer needs "
            "and why, before we offer anything."
        ),
    ),
    "just_looking": (
        SERVE,
        N_("help without pressure"),
        N_(
            "Someone who is 'just looking' or only asks for a price gets friendly help, and no "
            "pressure to buy."
        ),
    ),
    "greeting": (
        SERVE,
        N_("everyone greeted and answered"),
        N_(
            "Everyone who walks in, calls or writes is greeted, and gets an answer within one "
            "working day."
        ),
    ),
    "no_judging": (
        SERVE,
        N_("no judging by looks"),
        N_("Nobody on the team guesses from looks, size or manner whether a customer can pay."),
    ),
    "as_owners": (
        SERVE,
        N_("customers treated as owners"),
        N_(
            "We treat customers as if they owned the firm: we never talk down to them, nor about "
            "them behind their backs."
        ),
    ),
}
STATEMENT_KEYS = list(STATEMENTS)


class YesNo(Choice):
    """yes / no / don't know; also read as typed by hand: any case, "dont know", "don’t
    know" (a curly apostrophe), "dont_know".

    >>> answer = YesNo("answer", tuple((a, a) for a in ANSWERS))
    >>> answer.parse(" Yes"), answer.parse("Don’t know"), answer.parse("dont_know")
    ('yes', "don't know", "don't know")
    """

    def parse(self, value):
        if isinstance(value, str):
            text = " ".join(value.replace("\u2019", "'").replace("_", " ").split())
            value = DONT_KNOW if text.casefold() in ("dont know", "don't know") else text
        return super().parse(value)


FIELDS = [
    YesNo("answer", tuple((a, a) for a in ANSWERS), N_("Is it true of us?")),
    Text("change", N_("What we'll change")),
]

# verdicts per statement: codes, put in words by helpers.words.advantage
HOLDS = "holds"  # every member who answered said yes
GAP = "gap"  # someone said no
UNKNOWN = "unknown"  # nobody said no, but someone doesn't know
UNANSWERED = "unanswered"  # nobody answered it


@dataclass
class Audit:
    """Every member's audit answers and the files left out."""

    long: pd.DataFrame  # member, statement, answer, change
    problems: list[AnswerFileError] = field(default_factory=list)

    @property
    def members(self) -> list[str]:
        """Members with at least one answer (a file of empty rows doesn't count)."""
        answered = self.long[self.long["answer"].notna()]
        return sorted(answered["member"].unique()) if not answered.empty else []

    @property
    def answered(self) -> bool:
        return bool(self.members)


def load_audit(company_folder: str | Path) -> Audit:
    """Read every member's audit file; corrupt files are listed, never changed."""
    long, problems = read_members(
        company_folder, TOPIC, key=KEY, fields=FIELDS, rows=STATEMENT_KEYS
    )
    return Audit(long, problems)


def team_audit(long: pd.DataFrame) -> pd.DataFrame:
    """One row per statement (all ten, in order): how many members answered yes, no and
    don't know, how many answered at all, and the verdict (:data:`HOLDS`, :data:`GAP`,
    :data:`UNKNOWN` or :data:`UNANSWERED`)."""
    answered = long[long["answer"].notna()]
    counts = (
        answered.groupby([KEY, "answer"]).size().unstack(fill_value=0)
        if not answered.empty
        else pd.DataFrame()
    )
    table = pd.DataFrame(index=pd.Index(STATEMENT_KEYS, name=KEY))
    for column, answer in (("yes", YES), ("no", NO), ("dont_know", DONT_KNOW)):
        values = counts[answer] if answer in counts else pd.Series(dtype=int)
        table[column] = values.reindex(STATEMENT_KEYS).fillna(0).astype(int)
    table["answered"] = table[["yes", "no", "dont_know"]].sum(axis=1)
    table["verdict"] = [
        UNANSWERED if row.answered == 0 else GAP if row.no else UNKNOWN if row.dont_know else HOLDS
        for row in table.itertuples()
    ]
    return table


def yes_share(long: pd.DataFrame) -> float:
    """Of all the answers given, the share that are yes (NaN when there are none).

    >>> yes_share(pd.DataFrame({"answer": ["yes", "no", None, "don't know"]}))
    0.3333333333333333
    """
    answers = long["answer"].dropna()
    return float((answers == YES).mean()) if len(answers) else float("nan")


def changes(long: pd.DataFrame) -> pd.DataFrame:
    """What the members wrote they will change, statement by statement (in the audit's
    order): columns ``member``, ``statement``, ``answer``, ``change``."""
    rows = long[long["change"].notna()].copy()
    rows["order"] = [STATEMENT_KEYS.index(k) for k in rows[KEY]]
    rows = rows.sort_values(["order", "member"], kind="stable")
    return rows[["member", KEY, "answer", "change"]].reset_index(drop=True)


def headline_figures(audit: Audit) -> dict:
    """The figures notebook 04 records for the audit (keys documented in ``report.figures``).

    Without answers every figure but ``service_audit_members`` (0) is None.
    """
    members = audit.members
    if not members:
        return {
            "service_audit_members": 0,
            "service_audit_yes_share": None,
            "service_audit_gaps": None,
            "service_audit_unknown": None,
        }
    team = team_audit(audit.long)
    return {
        "service_audit_members": len(members),
        "service_audit_yes_share": round(yes_share(audit.long), 4),
        "service_audit_gaps": int((team["verdict"] == GAP).sum()),
        "service_audit_unknown": int((team["verdict"] == UNKNOWN).sum()),
    }
