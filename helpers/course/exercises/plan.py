"""Exercises of notebook 07 (your plan for the year): predict the plan, compute from it, and
choose with it: whom to call first, and whether the free hours go to keeping or winning."""

from __future__ import annotations

import math

import pandas as pd

from helpers.course.exercises.base import (
    CHOICE,
    COMPUTE,
    NUMBER,
    SHARE,
    Argue,
    Exercise,
    Prediction,
)

FINDINGS = ("shortlist", "at_risk", "price_review", "with_vision")
FIRST_CALLS = 3  # how many of the month's most urgent calls count as "first"
CUSTOMERS, PROSPECTS = "customers", "prospects"  # the answers of question 5


def contested(plan):
    """The customer with the most findings from different notebooks (ties: more value).

    Where notebooks pull apart, the plan's order decides; this is the customer to ask about.
    """
    counts = (plan["shortlist"] != "").astype(int)
    for column in FINDINGS[1:]:
        counts = counts + plan[column].astype(int)
    counts = counts + (plan["segment"] == "key account").astype(int)
    ranked = plan.assign(_findings=counts).sort_values(
        ["_findings", "value_12m"], ascending=[False, False], kind="stable"
    )
    return ranked.index[0] if len(ranked) else None


def questions(wb) -> tuple[Exercise, ...]:
    """Notebook 07: the step of the customer where the notebooks pull apart (predict), the
    share of customers with a personal step (predict), the busiest owner's steps this month
    (compute), whom to call first (argue), keep or win (argue)."""
    return (
        contested_step(wb),
        personal_share(wb),
        busiest_owner(wb),
        call_first(wb),
        keep_or_win(wb),
    )


# --- 1 · predict: the step of the contested customer ----------------------------------------


def contested_step(wb) -> Prediction:
    from helpers.words.plan import STEP_NAMES, why

    plan = wb.plan
    who = contested(plan)
    step = plan.loc[who, "next_step"] if who is not None else None
    name = plan.loc[who, "name"] if who is not None else ""
    because = why(plan.loc[[who]], wb.lang).iloc[0] if who is not None else ""
    called = name if str(name) == str(who) else f"{name} ({who})"
    return Prediction(
        1,
        f"Which step does the plan give {called}? Decide before you look it up: write "
        "its code or its name.",
        {step, step.replace("_", " "), STEP_NAMES[step]} if step else None,
        kind=CHOICE,
        shown=f"{step} ({STEP_NAMES[step]})" if step else "",
        lessons={
            "right": "You weigh the findings as the plan does: walk down the order, and the "
            f"first step that applies wins. The plan's why: {because}.",
            "wrong": "The plan walks down the order of section 1 and gives the first step its "
            f"findings allow; the other findings are dealt with inside that step. Its why: "
            f"{because}. Would you decide otherwise? Change a choice (or the data) rather "
            "than the list by hand, so every list stays in step.",
        },
        hint="Look at the customer's findings (wb.plan.loc[...]: shortlist, at_risk, "
        "price_review, with_vision, segment), then read the order of the steps in section 1: "
        "the first step that applies wins.",
        solution=f"{step} ({STEP_NAMES[step]}). The plan's why: {because}."
        if step
        else "There are no customers, so there is no plan to read.",
        why_not="" if step else "There are no customers, so there is no plan to read.",
    )


# --- 2 · predict: how many get a personal step ----------------------------------------------


def personal_share(wb) -> Prediction:
    from helpers.analysis.plan import MARKETING

    plan = wb.plan
    personal = int((plan["next_step"] != MARKETING).sum())
    share = personal / len(plan) if len(plan) else math.nan
    calls = wb.choices.calls_per_month
    return Prediction(
        2,
        "Before the plan's counts show it: what share of your customers get a personal step "
        "this year (a call, a meeting, a price talk: anything but marketing)? Guess a percent, "
        "like 30.",
        share,
        kind=SHARE,
        absolute=0.10,
        shown=f"{wb.percent(share, 0)} ({wb.number(personal)} of {wb.number(len(plan))} customers)"
        if len(plan)
        else "",
        lessons={
            "close": "You know your capacity: the plan gives personal time to about as many "
            "customers as you expected.",
            "low": f"More than you guessed. With {wb.number(calls)} calls a month the team "
            f"has up to {wb.number(12 * calls)} calls a year, besides the visions, rescues "
            "and price talks. Check that the hours really exist (notebook 02's sales hours) "
            "before the first month slips.",
            "high": f"Fewer than you guessed: the calls run out at {wb.number(calls)} a month "
            "and the rest are served by marketing. That is text 001's point: a small team "
            "gives its time to the few; the many still deserve a good newsletter and easy "
            "ordering.",
        },
        hint="Think of your capacity: calls_per_month (in the table above) times 12, plus "
        "the key accounts your team can look after, against the number of your customers.",
        solution=f"{wb.percent(share, 0)}: (plan['next_step'] != 'marketing').mean()"
        if len(plan)
        else "There are no customers.",
        why_not="" if len(plan) else "There are no customers, so there is no plan to read.",
    )


# --- 3 · compute: this month's steps per owner -------------------------------------------------


def busiest_owner(wb) -> Exercise:
    """The most personal steps one owner has in the plan's first month; checked against the
    plan itself (``wb.plan``)."""
    from helpers.analysis.plan import MARKETING, months_after

    plan = wb.plan
    month = months_after(wb.as_of)[0]
    now = plan.loc[(plan["month"] == month) & (plan["next_step"] != MARKETING)]
    per_owner = now.groupby("owner").size()
    most = float(per_owner.max()) if len(per_owner) else 0.0
    who = ", ".join(o or "(no owner)" for o in per_owner.index[per_owner == most])
    line = (
        'now = plan[(plan["month"] == "' + month + '") & (plan["next_step"] != "marketing")]\n'
        'now.groupby("owner").size()   # then take the largest: .max()'
    )
    return Exercise(
        3,
        f"Compute with pandas: in the plan's first month ({month}), how many personal steps "
        "(anything but marketing) does the busiest owner have? Customers without an owner "
        "count together, as the owner ''.",
        most if len(plan) else math.nan,
        kind=NUMBER,
        tolerance=0,
        mode=COMPUTE,
        hint=f"`plan` has a row per customer with the columns month, next_step and owner. "
        f'Keep the rows of month "{month}" whose next_step is not "marketing", count them '
        "per owner with .groupby('owner').size(), and take the largest.",
        solution=(
            f"{wb.number(most)} ({who or 'nobody'}):\n{line}\nIf one person carries far more "
            "than the others, give some of their customers another owner before the month "
            "starts."
        ),
        why_not="" if len(plan) else "There are no customers, so there is no plan to read.",
    )


# --- 4 · argue: whom to call first this month ------------------------------------------------


def call_first(wb) -> Argue:
    """Whom to call first in the plan's first month: a customer the firm may lose (a rescue or
    a win-back), the most at stake first; without one, the vision meeting to book or the
    most valuable check-up. Every other step of the month is a weaker first call, with why."""
    from helpers.analysis.plan import (
        CHECK_UP_CALL,
        DEVELOP,
        LET_GO,
        MARKETING,
        RESCUE,
        WIN_BACK,
        WRITE_VISION,
        months_after,
    )
    from helpers.analysis.windows import in_window
    from helpers.words.plan import step_name, why

    plan = wb.plan
    month = months_after(wb.as_of)[0]
    rows = plan.loc[plan["month"] == month]
    personal = rows.loc[rows["next_step"] != MARKETING]
    before = in_window(wb.invoices, wb.as_of, back=1).groupby("customer_id")["amount"].sum()
    stake = personal["value_12m"].astype(float)
    back = personal["next_step"] == WIN_BACK
    stake[back] = pd.concat(
        [stake[back], before.reindex(personal.index[back]).fillna(0.0)], axis=1
    ).max(axis=1)
    urgent = personal.loc[personal["next_step"].isin([RESCUE, WIN_BACK])]
    if len(urgent):
        first = stake[urgent.index].sort_values(ascending=False, kind="stable").index
        first = list(first[:FIRST_CALLS])
    else:
        visions = list(personal.index[personal["next_step"] == WRITE_VISION])
        checks = personal.loc[personal["next_step"] == CHECK_UP_CALL, "value_12m"]
        first = visions + list(checks.sort_values(ascending=False, kind="stable").index[:3])
    reasons = why(personal, wb.lang) if len(personal) else pd.Series(dtype=object)
    worth = "at stake" if len(urgent) else "bought in the last 12 months"
    options = {
        cid: f"{step_name(personal.loc[cid, 'next_step'], wb.lang)}, "
        f"{wb.money(stake[cid])} {worth}; the plan's why: {reasons[cid]}"
        for cid in first
    }
    top = wb.money(stake[first[0]]) if first else ""
    weaker = {}
    for cid in personal.index.difference(first, sort=False):
        step = personal.loc[cid, "next_step"]
        if step in (RESCUE, WIN_BACK):
            weaker[cid] = f"it may be lost too, but less is at stake ({wb.money(stake[cid])} "
            weaker[cid] += f"against {top})"
        elif step == CHECK_UP_CALL:
            weaker[cid] = (
                "a check-up call: planned for its anniversary month, and nothing is lost if "
                "it comes at the end of the month"
            )
        elif step == WRITE_VISION:
            weaker[cid] = (
                "book the vision meeting this month, but a meeting takes preparation; a "
                "customer who may be leaving can't wait"
            )
        elif step == LET_GO:
            weaker[cid] = "a polite exit: plan it calmly; nothing is lost by waiting a week"
        elif step == DEVELOP:
            weaker[cid] = "develop: a project for the year, not a call that can't wait"
        else:  # reprice, prepay
            weaker[cid] = (
                "a price talk needs its figures ready (notebooks 01 and 03): prepare it first"
            )
    later = plan.loc[(plan["month"] != month) & (plan["next_step"] != MARKETING)]
    for cid, step, when in zip(later.index, later["next_step"], later["month"], strict=True):
        weaker[cid] = f"its step ({step_name(step, wb.lang)}) is planned for {when}, not this month"
    served = rows.loc[rows["next_step"] == MARKETING, "value_12m"]
    if len(served):
        largest = served.idxmax()
        weaker.setdefault(
            largest,
            "the plan serves it by marketing this year: the calls go to customers with more "
            "at stake",
        )
    return Argue(
        4,
        f"The plan's first month is {month}. Your team has an hour for calls on Monday "
        "morning: whom do you call first, and why? Write the customer id and your reason, "
        'like ("C0102", "because ...").',
        options,
        weaker=weaker,
        hint="Text 004: a customer lost costs many years of revenue, and nobody announces "
        "it. Look at this month's rows of the plan: which customers may you lose if you "
        "wait (a rescue, a win-back), and which of them has the most at stake?",
        solution="First the customers you may lose, the most at stake first: a rescue (its "
        "contract ends while its commitment is low) or a win-back (it stopped buying; the "
        "sooner you ask why, the more it remembers you). Without such a call this month: book "
        "the customer-vision meeting, then the most valuable check-ups. Price talks and polite "
        "exits need preparation; they are not the first call of the month.",
        why_not=""
        if len(personal)
        else f"The plan holds no personal step in {month}: every customer is served by "
        "marketing this month.",
    )


# --- 5 · argue: keep or win ---------------------------------------------------------------


def keep_or_win(wb) -> Argue:
    """Ten more calls a month: to customers or to prospects? Defensible: the side whose
    text's signs show more on the company's figures (``keep_and_win.weighs_more``)."""
    from helpers.analysis import keep_and_win as kw
    from helpers.words.keep_and_win import SIGN_WORDS, sign_value

    figures = kw.keep_and_win_figures(wb.invoices, wb.as_of)
    shown = kw.signs(figures)
    sides = kw.weighs_more(shown)
    answer = {kw.KEEP: CUSTOMERS, kw.WIN: PROSPECTS}
    text = {kw.KEEP: "text 004 (keep better)", kw.WIN: "text 000 (win more)"}

    def tally(side: str) -> str:
        found = shown[side]
        if not found:
            reasons = "; ".join(
                dict.fromkeys(_why(sign, figures, wb.lang) for sign in kw.SIGNS[side])
            )
            return f"none of the signs of {text[side]} can be measured on your data ({reasons})"
        showing = [
            f"{SIGN_WORDS[sign][1]}: {sign_value(sign, figures, wb.lang)}"
            for sign, yes in found.items()
            if yes
        ]
        counted = f"{sum(found.values())} of the {len(found)} signs of {text[side]} that can "
        counted += "be measured show"
        return counted + (f" ({'; '.join(showing)})" if showing else "")

    options = {answer[side]: tally(side) for side in sides}
    weaker = {
        answer[side]: tally(side) + (", fewer than on the other side" if shown[side] else "")
        for side in (kw.KEEP, kw.WIN)
        if side not in sides
    }
    return Argue(
        5,
        "Your calls are full. Ten more calls a month: to your customers, or to prospects "
        f'that are not customers yet? Answer "{CUSTOMERS}" or "{PROSPECTS}", with your reason '
        "from the table of signs above.",
        options,
        weaker=weaker,
        hint="Count the signs that show on each side of the table: text 000's argue for "
        "prospects (few new customers, sliding prices, one customer too large), text 004's "
        "for the customers you have (low retention, the kept buying less, more lost than won).",
        solution="The side with more signs showing is the easier one to defend; with as many "
        "on both, either is, and splitting the hours is too. The limits are the course's "
        "rules of thumb, not the texts': what matters is that the team decides it with its "
        "figures on the table, writes it into calls_per_month and a prospecting target, and "
        "looks again in a year.",
        why_not=""
        if sides
        else "None of the figures of either text can be measured on your data: "
        + "; ".join(
            f"{SIGN_WORDS[sign][1]}: {_why(sign, figures, wb.lang)}"
            for sign in (*kw.SIGNS[kw.WIN], *kw.SIGNS[kw.KEEP])
        )
        + ".",
    )


def _why(sign: str, figures: dict, lang) -> str:
    from helpers.words.keep_and_win import why_unmeasured

    return why_unmeasured(sign, figures, lang)
