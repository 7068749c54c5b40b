"""Exercises of notebook 06 (the customer vision): choose the first account and argue, read
a fact, compute one, predict the thin relationships before the contact map shows them.

The texts are in the session's language (``wb.lang``; the catalogs' ``exercises_vision.po``);
customer ids and the answer code "none" stay as the learner types them."""

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
from helpers.language import Language

NONE_READY = "none"  # the answer when no account is ready for a vision yet
LARGEST = object()  # questions()' default example: the largest account, as in the notebook


def questions(wb, account: str | None = LARGEST) -> tuple[Exercise, ...]:
    """Notebook 06: which account first (argue), its years as a customer (look up), its share
    of revenue (compute), how many accounts have no second contact (predict), and which
    section can't be written alone (think).

    ``account`` is the worked example's customer id (None when there is none; left out, the
    largest account, the notebook's default), so the expected answers follow the account
    the learner chose; the accounts to argue about and to map are the plan's customer
    visions (``vision_accounts(wb.plan)``).
    """
    from helpers.analysis.plan import vision_accounts
    from helpers.report.vision import account_facts, largest_account

    if account is LARGEST:
        account = largest_account(wb.company, wb.as_of)
    ids = vision_accounts(wb.plan)
    facts = account_facts(wb.company, wb.as_of, [account])[account] if account else None
    return (
        first_account(wb, ids),
        years_as_customer(wb, facts),
        share_of_revenue(wb, account, facts),
        second_contacts(wb, ids),
        written_together(wb.lang),
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

    lang = wb.lang
    _ = lang._
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
            weaker[cid] = _(
                "the plan gives it another step ({step}): a vision would spend a meeting on it "
                "before that step is settled (see notebook 07)"
            ).format(step=step_name(step, lang))
    if ids and not options:
        options[NONE_READY] = _(
            "none of the plan's accounts shows a cooperation that already works. Text 003's "
            "pioneer phase comes first: ask what they need, deliver a pilot or a first "
            "project (a discount for their feedback is fair), then write the vision together"
        )
    elif options:
        weaker[NONE_READY] = _(
            "some accounts are ready: {accounts}; waiting costs the year"
        ).format(accounts=", ".join(options))
    names = wb.company.customer_names()
    listed = _and_more(
        [
            cid if str(names.get(cid, cid)) == cid else f"{cid} ({names.get(cid, cid)})"
            for cid in ids
        ],
        8,
        wb,
    )
    accounts = (
        _("The plan's accounts: {accounts}.").format(accounts=listed)
        if ids
        else _("The plan's accounts: none.")
    )
    question = " ".join(
        (
            _("Which account do you write the customer vision with first, and why?"),
            accounts,
            _(
                'Write its id and your reason, like ("{example}", "because ..."); or "none" if '
                "none is ready yet."
            ).format(example=ids[0] if ids else "C0012"),
        )
    )
    return Argue(
        1,
        question,
        options,
        weaker=weaker,
        hint=_(
            "Text 003: a vision is for a cooperation that already works, after a first "
            "project both sides liked. Look at the table: how long has each been a customer, "
            "is its revenue growing or falling, and how satisfied was it when last asked?"
        ),
        solution=_(
            "Any account where the cooperation works is defensible: at least a year "
            "together, still buying, revenue not down by more than a quarter, the latest "
            "satisfaction answer (of the last two years) 4 or 5. Among those, start where "
            "your team has already written something, or where the meeting is easiest to "
            "book. An account whose revenue is falling, or that is unhappy, needs a talk about "
            "what went wrong first: a vision would sound like a sales pitch."
        ),
        why_not=""
        if ids
        else _(
            "The plan has no account to write a vision with: no key account in notebook 02, "
            "and your team has started no vision."
        ),
    )


def _and_more(items: list[str], most: int, wb) -> str:
    """The first ``most`` items, and how many more: "C0001, C0002 and 4 more"."""
    listed = ", ".join(items[:most])
    if len(items) <= most:
        return listed
    return wb.lang._("{names} and {count} more").format(
        names=listed, count=wb.number(len(items) - most)
    )


def _ready_reason(row, wb) -> str:
    lang = wb.lang
    years = row["tenure_years"]
    parts = [
        lang.plural(
            "a customer for {years} year", "a customer for {years} years", int(years)
        ).format(years=wb.number(years))
    ]
    if row["revenue_change"] == row["revenue_change"]:
        parts.append(
            lang._("revenue {change} on the year before").format(
                change=lang.signed_percent(row["revenue_change"])
            )
        )
    if row["satisfaction"] == row["satisfaction"]:
        parts.append(
            lang._("latest satisfaction {score} of 5").format(score=wb.number(row["satisfaction"]))
        )
    if row["sections_written"] > 0:
        parts.append(
            lang._("your team has written {done} of 5 sections").format(
                done=wb.number(row["sections_written"])
            )
        )
    return lang._("{facts}: the cooperation works, so a vision has something to build on").format(
        facts=", ".join(parts)
    )


def _not_ready_reason(row, wb) -> str:
    from helpers.course.vision import FALLING, NEW, NOT_BUYING

    _ = wb.lang._
    if row["status"] == NEW:
        return _(
            "a customer for less than a year: the cooperation has not been tested yet. Text "
            "003 waits for a first project that went well (a pilot first)"
        )
    if row["status"] == NOT_BUYING:
        return _(
            "it bought nothing in the last 12 months: ask why first; a vision needs a live one"
        )
    if row["status"] == FALLING:
        return _(
            "its revenue changed {change} on the year before: ask what happened before you "
            "plan a future together"
        ).format(change=wb.lang.signed_percent(row["revenue_change"]))
    return _(
        "its latest satisfaction answer was {score} of 5: mend the service first; a vision on "
        "a sore relationship sounds like a sales pitch"
    ).format(score=wb.number(row["satisfaction"]))


# --- 2 · look up: how many years ------------------------------------------------------------


def years_as_customer(wb, facts) -> Exercise:
    _ = wb.lang._
    years = facts.tenure_years if facts and facts.tenure_years is not None else math.nan
    return Exercise(
        2,
        _("For how many whole years has the example account been a customer?"),
        years,
        kind=NUMBER,
        tolerance=0,
        hint=_("Look at 'Customer since' in the Current state section: the number in brackets."),
        solution=(
            _("{years}: whole years from its first invoice ({date}) to the analysis date.").format(
                years=wb.number(years), date=wb.date(facts.first_invoice)
            )
            if years == years
            else _("There is no example account in this data, so nothing to read.")
        ),
        why_not="" if years == years else _("There is no example account in this data."),
    )


# --- 3 · compute: its share of your revenue -------------------------------------------------


def share_of_revenue(wb, account: str | None, facts) -> Exercise:
    """The example's share of the last 12 months' revenue, computed in pandas by the learner
    and checked against :func:`helpers.course.vision.revenue_share_12m`."""
    from helpers.course.vision import revenue_share_12m

    _ = wb.lang._
    share = revenue_share_12m(wb.invoices, wb.as_of, account) if account else math.nan
    line = (
        'recent = wb.invoices[wb.invoices["date"] > wb.window_start]\n'
        'answer_3 = recent.groupby("customer_id")["amount"].sum()[example] / '
        'recent["amount"].sum()'
    )
    if account is None:
        why_not = _("There is no example account in this data.")
    elif share != share:
        why_not = _("Your invoices hold no positive revenue in the last 12 months to divide by.")
    else:
        why_not = ""
    question = (
        _(
            "Compute in pandas: what share of all your revenue in the last 12 months came "
            "from {name}? (A share like 0.25 for 25 %.)"
        ).format(name=facts.name)
        if facts
        else _(
            "Compute in pandas: what share of all your revenue in the last 12 months came "
            "from the example account? (A share like 0.25 for 25 %.)"
        )
    )
    return Exercise(
        3,
        question,
        share,
        kind=SHARE,
        unit=FRACTION,
        absolute=0.0005,
        mode=COMPUTE,
        hint=_(
            "Keep the lines of the last 12 months: recent = wb.invoices[wb.invoices['date'] "
            "> wb.window_start]. Then recent.groupby('customer_id')['amount'].sum() gives "
            "each customer's revenue; divide the example's (its id is in `example`) by "
            "recent['amount'].sum()."
        ),
        solution=(
            _(
                "{share}:\n{line}\nText 000 would ask: could you lose this share tomorrow and "
                "still pay the wages? The larger it is, the more the vision is about your "
                "future too, and the more a second contact there matters."
            ).format(share=wb.percent(share), line=line)
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

    _ = wb.lang._
    counts = contact_counts(wb.company.folder, ids)
    thin = no_second_contact(counts)
    expected = float(len(thin)) if ids else math.nan
    figures = {"thin": wb.number(len(thin)), "total": wb.number(len(ids))}
    shown = (
        _("{thin} of {total} ({names})").format(names=_and_more(list(thin), 6, wb), **figures)
        if len(thin)
        else _("{thin} of {total}").format(**figures)
    )
    return Prediction(
        4,
        _(
            "Of the plan's {total} accounts to write a vision with, how many have no second "
            "contact written down: fewer than two people there on your contact map? Guess a "
            "count before you look."
        ).format(total=figures["total"]),
        expected,
        kind=NUMBER,
        tolerance=0,
        shown=shown,
        lessons={
            "close": _(
                "You know where your relationships are thin. Map the accounts with one name "
                "first: a second contact is cheap insurance."
            ),
            "low": _(
                "More of your key accounts hang on one person than you thought. Text 001 warns "
                "that in small firms the customers end up belonging to the salesperson, not "
                "the firm; a second contact on both sides makes them the firm's."
            ),
            "high": _(
                "Fewer than you feared: your team knows more people there than you thought. "
                "Keep the map up to date, so the knowledge stays when someone leaves."
            ),
        },
        hint=_(
            "An account whose map is empty counts too: if nobody wrote a name down, the firm "
            "does not know anyone there; only someone's memory does."
        ),
        solution=_(
            "Count the accounts whose map names fewer than two people on the customer's side "
            "(the overview table below)."
        ),
        why_not=""
        if ids
        else _("The plan has no account to write a vision with, so there is nothing to map."),
    )


# --- 5 · think: which section together -------------------------------------------------------


def written_together(lang: Language) -> Exercise:
    return Exercise(
        5,
        lang._("Which section can't you write alone, and who should write it with you?"),
        None,
        kind=THOUGHT,
        solution=lang._(
            "Shared vision and mission: by definition it is agreed with the customer. Write a "
            "draft of Current state and Development plan as a team, take the document with "
            "guiding questions to the meeting, and fill in the shared vision there with the "
            "person who decides on the customer's side (often the owner or the purchasing "
            "manager), plus the person who uses what you deliver: your contact map shows "
            "whether you know both. Communication and Follow-up are agreed in the same "
            "meeting: who calls whom, when you look at it again, and what result a new "
            "experiment together must reach (text 003: learning with a customer still aims at "
            "a result)."
        ),
    )
