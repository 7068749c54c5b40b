"""Exercises of notebook 06 (the customer vision): choose the first account and argue, read
a fact, compute one, predict the thin relationships before the contact map shows them."""

from __future__ import annotations

import math

from helpers.course.exercises.base import (
    COMPUTE,
    FRACTION,
    NUMBER,
    SHARE,
    THOUGHT,
    Argue,
    Exercise,
    Prediction,
)

NONE_READY = "none"  # the answer when no account is ready for a vision yet


def questions(wb, account: str | None) -> tuple[Exercise, ...]:
    """Notebook 06: which account first (argue), its years as a customer (look up), its share
    of revenue (compute), how many accounts have no second contact (predict), and which
    section can't be written alone (think).

    ``account`` is the worked example's customer id (None when there is none), so the
    expected answers follow the account the learner chose; the accounts to argue about and
    to map are the plan's customer visions (``vision_accounts(wb.plan)``).
    """
    from helpers.analysis.plan import vision_accounts
    from helpers.report.vision import account_facts

    ids = vision_accounts(wb.plan)
    facts = account_facts(wb.company, wb.as_of, [account])[account] if account else None
    return (
        first_account(wb, ids),
        years_as_customer(wb, facts),
        share_of_revenue(wb, account, facts),
        second_contacts(wb, ids),
        written_together(),
    )


# --- 1 · argue: which account first ------------------------------------------------------


def first_account(wb, ids: list[str]) -> Argue:
    """Whom to write the vision with first: any account where the cooperation already works
    (:func:`helpers.course.vision.vision_readiness`), with the data's reason; "none" when no
    account is ready yet (a pilot first)."""
    from helpers.analysis.plan import WRITE_VISION
    from helpers.company.answers.visions import accounts_with_texts
    from helpers.course.vision import READY, vision_readiness
    from helpers.words.plan import step_name

    plan = wb.plan
    elsewhere = [cid for cid in accounts_with_texts(wb.company) if cid not in ids]
    table = vision_readiness(wb.company, wb.as_of, ids + elsewhere)
    options, weaker = {}, {}
    for cid in ids:
        row = table.loc[cid]
        if row["status"] == READY:
            options[cid] = _ready_reason(row, wb)
        else:
            weaker[cid] = _not_ready_reason(row, wb)
    for cid in elsewhere:  # the team started a vision, the plan gives another step
        step = plan.loc[cid, "next_step"] if cid in plan.index else None
        if step and step != WRITE_VISION:
            weaker[cid] = (
                f"the plan gives it another step ({step_name(step, wb.lang)}): a vision would "
                "spend a meeting on it before that step is settled (see notebook 07)"
            )
    if ids and not options:
        options[NONE_READY] = (
            "none of the plan's accounts shows a cooperation that already works. Text 003's "
            "pioneer phase comes first: ask what they need, deliver a pilot or a first "
            "project (a discount for their feedback is fair), then write the vision together"
        )
    elif options:
        weaker[NONE_READY] = (
            "some accounts are ready: " + ", ".join(options) + "; waiting costs the year"
        )
    names = wb.company.customer_names()
    listed = ", ".join(
        cid if str(names.get(cid, cid)) == cid else f"{cid} ({names.get(cid, cid)})"
        for cid in ids[:8]
    )
    more = f" and {len(ids) - 8} more" if len(ids) > 8 else ""
    return Argue(
        1,
        "Which account do you write the customer vision with first, and why? The plan's "
        f"accounts: {listed or 'none'}{more}. Write its id and your reason, like "
        f'("{ids[0] if ids else "C0012"}", "because ..."); or "none" if none is ready yet.',
        options,
        weaker=weaker,
        hint="Text 003: a vision is for a cooperation that already works, after a first "
        "project both sides liked. Look at the table: how long has each been a customer, is "
        "its revenue growing or falling, and how satisfied was it when last asked?",
        solution="Any account where the cooperation works is defensible: at least a year "
        "together, still buying, revenue not down by more than a quarter, the latest "
        "satisfaction answer (of the last two years) 4 or 5. Among those, start where your "
        "team has already written something, or where the meeting is easiest to book. An "
        "account whose revenue is falling, or that is unhappy, needs a talk about what went "
        "wrong first: a vision would sound like a sales pitch.",
        why_not=""
        if ids
        else "The plan has no account to write a vision with: no key account in notebook 02, "
        "and your team has started no vision.",
    )


def _years(n, wb) -> str:
    return f"{wb.number(n)} year" + ("" if n == 1 else "s")


def _ready_reason(row, wb) -> str:
    parts = [f"a customer for {_years(row['tenure_years'], wb)}"]
    if row["revenue_change"] == row["revenue_change"]:
        parts.append(f"revenue {wb.lang.signed_percent(row['revenue_change'])} on the year before")
    if row["satisfaction"] == row["satisfaction"]:
        parts.append(f"latest satisfaction {wb.number(row['satisfaction'])} of 5")
    if row["sections_written"] > 0:
        parts.append(f"your team has written {wb.number(row['sections_written'])} of 5 sections")
    return ", ".join(parts) + ": the cooperation works, so a vision has something to build on"


def _not_ready_reason(row, wb) -> str:
    from helpers.course.vision import FALLING, NEW, NOT_BUYING

    if row["status"] == NEW:
        return (
            "a customer for less than a year: the cooperation has not been tested yet. Text "
            "003 waits for a first project that went well (a pilot first)"
        )
    if row["status"] == NOT_BUYING:
        return "it bought nothing in the last 12 months: ask why first; a vision needs a live one"
    if row["status"] == FALLING:
        return (
            f"its revenue changed {wb.lang.signed_percent(row['revenue_change'])} on the year "
            "before: ask what happened before you plan a future together"
        )
    return (
        f"its latest satisfaction answer was {wb.number(row['satisfaction'])} of 5: mend the "
        "service first; a vision on a sore relationship sounds like a sales pitch"
    )


# --- 2 · look up: how many years ------------------------------------------------------------


def years_as_customer(wb, facts) -> Exercise:
    years = facts.tenure_years if facts and facts.tenure_years is not None else math.nan
    return Exercise(
        2,
        "For how many whole years has the example account been a customer?",
        years,
        kind=NUMBER,
        tolerance=0,
        hint="Look at 'Customer since' in the Current state section: the number in brackets.",
        solution=(
            f"{wb.number(years)}: whole years from its first invoice "
            f"({wb.date(facts.first_invoice)}) to the analysis date."
            if years == years
            else "There is no example account in this data, so nothing to read."
        ),
        why_not="" if years == years else "There is no example account in this data.",
    )


# --- 3 · compute: its share of your revenue -------------------------------------------------


def share_of_revenue(wb, account: str | None, facts) -> Exercise:
    """The example's share of the last 12 months' revenue, computed in pandas by the learner
    and checked against :func:`helpers.course.vision.revenue_share_12m`."""
    from helpers.course.vision import revenue_share_12m

    share = revenue_share_12m(wb.invoices, wb.as_of, account) if account else math.nan
    name = facts.name if facts else "the example account"
    line = (
        'recent = wb.invoices[wb.invoices["date"] > wb.window_start]\n'
        'answer_3 = recent.groupby("customer_id")["amount"].sum()[example] / '
        'recent["amount"].sum()'
    )
    if account is None:
        why_not = "There is no example account in this data."
    elif share != share:
        why_not = "Your invoices hold no positive revenue in the last 12 months to divide by."
    else:
        why_not = ""
    return Exercise(
        3,
        f"Compute in pandas: what share of all your revenue in the last 12 months came from "
        f"{name}? (A share like 0.25 for 25 %.)",
        share,
        kind=SHARE,
        unit=FRACTION,
        absolute=0.0005,
        mode=COMPUTE,
        hint="Keep the lines of the last 12 months: recent = wb.invoices[wb.invoices['date'] "
        "> wb.window_start]. Then recent.groupby('customer_id')['amount'].sum() gives each "
        "customer's revenue; divide the example's (its id is in `example`) by "
        "recent['amount'].sum().",
        solution=(
            f"{wb.percent(share)}:\n{line}\nText 000 would ask: could you lose this share "
            "tomorrow and still pay the wages? The larger it is, the more the vision is "
            "about your future too, and the more a second contact there matters."
            if share == share
            else why_not
        ),
        why_not=why_not,
    )


# --- 4 · predict: no second contact ---------------------------------------------------------


def second_contacts(wb, ids: list[str]) -> Prediction:
    """How many of the plan's vision accounts have fewer than two people mapped on their side
    (:func:`helpers.course.vision.no_second_contact`); guessed before the overview shows it."""
    from helpers.course.vision import contact_counts, no_second_contact

    counts = contact_counts(wb.company.folder, ids)
    thin = no_second_contact(counts)
    expected = float(len(thin)) if ids else math.nan
    names = ", ".join(thin[:6]) + (f" and {len(thin) - 6} more" if len(thin) > 6 else "")
    return Prediction(
        4,
        f"Of the plan's {len(ids)} accounts to write a vision with, how many have no second "
        "contact written down: fewer than two people there on your contact map? Guess a "
        "count before you look.",
        expected,
        kind=NUMBER,
        tolerance=0,
        shown=f"{len(thin)} of {len(ids)}" + (f" ({names})" if len(thin) else ""),
        lessons={
            "close": "You know where your relationships are thin. Map the accounts with one "
            "name first: a second contact is cheap insurance.",
            "low": "More of your key accounts hang on one person than you thought. Text 001 "
            "warns that in small firms the customers end up belonging to the salesperson, not "
            "the firm; a second contact on both sides makes them the firm's.",
            "high": "Fewer than you feared: your team knows more people there than you "
            "thought. Keep the map up to date, so the knowledge stays when someone leaves.",
        },
        hint="An account whose map is empty counts too: if nobody wrote a name down, the "
        "firm does not know anyone there; only someone's memory does.",
        solution="Count the accounts whose map names fewer than two people on the customer's "
        "side (the overview table below).",
        why_not=""
        if ids
        else "The plan has no account to write a vision with, so there is nothing to map.",
    )


# --- 5 · think: which section together -------------------------------------------------------


def written_together() -> Exercise:
    return Exercise(
        5,
        "Which section can't you write alone, and who should write it with you?",
        None,
        kind=THOUGHT,
        solution="Shared vision and mission: by definition it is agreed with the customer. "
        "Write a draft of Current state and Development plan as a team, take the document "
        "with guiding questions to the meeting, and fill in the shared vision there with "
        "the person who decides on the customer's side (often the owner or the purchasing "
        "manager), plus the person who uses what you deliver: your contact map shows "
        "whether you know both. Communication and Follow-up are agreed in the same meeting: "
        "who calls whom, when you look at it again, and what result a new experiment "
        "together must reach (text 003: learning with a customer still aims at a result).",
    )
