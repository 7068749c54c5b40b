"""Exercises of notebook 07 (your plan for the year): predict the plan, compute from it, and
choose with it: whom to call first, and whether the free hours go to keeping or winning.

The texts are in the session's language (the catalogs' ``exercises_plan.po``); the steps'
names, the plan's reasons and the signs' names come from ``helpers.words.plan`` and
``helpers.words.keep_and_win`` (``plan.po``). The codes the learner types ("let_go",
"customers", "prospects", customer ids) stay codes in every language.
"""

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
from helpers.language import N_

NO_PLAN = N_("There are no customers, so there is no plan to read.")

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
    from helpers.words.plan import STEP_NAMES, step_name, why

    _ = wb.lang._
    plan = wb.plan
    who = contested(plan)
    step = plan.loc[who, "next_step"] if who is not None else None
    name = plan.loc[who, "name"] if who is not None else ""
    because = why(plan.loc[[who]], wb.lang).iloc[0] if who is not None else ""
    called = name if str(name) == str(who) else f"{name} ({who})"
    named = step_name(step, wb.lang) if step else ""
    return Prediction(
        1,
        _(
            "Which step does the plan give {customer}? Decide before you look it up: write "
            "its code or its name."
        ).format(customer=called),
        # the code, or the step's name in English or in the session's language
        {step, step.replace("_", " "), STEP_NAMES[step], named} if step else None,
        kind=CHOICE,
        shown=f"{step} ({named})" if step else "",
        lessons={
            "right": _(
                "You weigh the findings as the plan does: walk down the order, and the "
                "first step that applies wins. The plan's why: {why}."
            ).format(why=because),
            "wrong": _(
                "The plan walks down the order of section 1 and gives the first step its "
                "findings allow; the other findings are dealt with inside that step. Its why: "
                "{why}. Would you decide otherwise? Change a choice (or the data) rather "
                "than the list by hand, so every list stays in step."
            ).format(why=because),
        },
        hint=_(
            "Look at the customer's findings (wb.plan.loc[...]: shortlist, at_risk, "
            "price_review, with_vision, segment), then read the order of the steps in section "
            "1: the first step that applies wins."
        ),
        solution=_("{step} ({name}). The plan's why: {why}.").format(
            step=step, name=named, why=because
        )
        if step
        else _(NO_PLAN),
        why_not="" if step else _(NO_PLAN),
    )


# --- 2 · predict: how many get a personal step ----------------------------------------------


def personal_share(wb) -> Prediction:
    from helpers.analysis.plan import MARKETING

    _ = wb.lang._
    plan = wb.plan
    personal = int((plan["next_step"] != MARKETING).sum())
    share = personal / len(plan) if len(plan) else math.nan
    calls = wb.choices.calls_per_month
    return Prediction(
        2,
        _(
            "Before the plan's counts show it: what share of your customers get a personal "
            "step this year (a call, a meeting, a price talk: anything but marketing)? Guess a "
            "percent, like 30."
        ),
        share,
        kind=SHARE,
        absolute=0.10,
        shown=_("{share} ({personal} of {total} customers)").format(
            share=wb.percent(share, 0),
            personal=wb.number(personal),
            total=wb.number(len(plan)),
        )
        if len(plan)
        else "",
        lessons={
            "close": _(
                "You know your capacity: the plan gives personal time to about as many "
                "customers as you expected."
            ),
            "low": _(
                "More than you guessed. With {calls} calls a month the team has up to "
                "{calls_a_year} calls a year, besides the visions, rescues and price talks. "
                "Check that the hours really exist (notebook 02's sales hours) before the "
                "first month slips."
            ).format(calls=wb.number(calls), calls_a_year=wb.number(12 * calls)),
            "high": _(
                "Fewer than you guessed: the calls run out at {calls} a month and the rest "
                "are served by marketing. That is text 001's point: a small team gives its "
                "time to the few; the many still deserve a good newsletter and easy ordering."
            ).format(calls=wb.number(calls)),
        },
        hint=_(
            "Think of your capacity: calls_per_month (in the table above) times 12, plus "
            "the key accounts your team can look after, against the number of your customers."
        ),
        solution=f"{wb.percent(share, 0)}: (plan['next_step'] != 'marketing').mean()"
        if len(plan)
        else _("There are no customers."),
        why_not="" if len(plan) else _(NO_PLAN),
    )


# --- 3 · compute: this month's steps per owner -------------------------------------------------


def busiest_owner(wb) -> Exercise:
    """The most personal steps one owner has in the plan's first month; checked against the
    plan itself (``wb.plan``)."""
    from helpers.analysis.ownership import NO_OWNER
    from helpers.analysis.plan import MARKETING, months_after

    _ = wb.lang._
    plan = wb.plan
    month = months_after(wb.as_of)[0]
    now = plan.loc[(plan["month"] == month) & (plan["next_step"] != MARKETING)]
    per_owner = now.groupby("owner").size()
    most = float(per_owner.max()) if len(per_owner) else 0.0
    who = ", ".join(o or _(NO_OWNER) for o in per_owner.index[per_owner == most])
    line = (
        'now = plan[(plan["month"] == "' + month + '") & (plan["next_step"] != "marketing")]\n'
        'now.groupby("owner").size()   # ' + _("then take the largest: .max()")
    )
    return Exercise(
        3,
        _(
            "Compute with pandas: in the plan's first month ({month}), how many personal steps "
            "(anything but marketing) does the busiest owner have? Customers without an owner "
            "count together, as the owner ''."
        ).format(month=month),
        most if len(plan) else math.nan,
        kind=NUMBER,
        tolerance=0,
        mode=COMPUTE,
        hint=_(
            "`plan` has a row per customer with the columns month, next_step and owner. "
            'Keep the rows of month "{month}" whose next_step is not "marketing", count them '
            "per owner with .groupby('owner').size(), and take the largest."
        ).format(month=month),
        solution=_(
            "{count} ({who}):\n{code}\nIf one person carries far more than the others, give "
            "some of their customers another owner before the month starts."
        ).format(count=wb.number(most), who=who or _("nobody"), code=line),
        why_not="" if len(plan) else _(NO_PLAN),
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
    _ = wb.lang._
    reasons = why(personal, wb.lang) if len(personal) else pd.Series(dtype=object)
    worth = (
        _("{step}, {amount} at stake; the plan's why: {why}")
        if len(urgent)
        else _("{step}, {amount} bought in the last 12 months; the plan's why: {why}")
    )
    options = {
        cid: worth.format(
            step=step_name(personal.loc[cid, "next_step"], wb.lang),
            amount=wb.money(stake[cid]),
            why=reasons[cid],
        )
        for cid in first
    }
    top = wb.money(stake[first[0]]) if first else ""
    weaker = {}
    for cid in personal.index.difference(first, sort=False):
        step = personal.loc[cid, "next_step"]
        if step in (RESCUE, WIN_BACK):
            weaker[cid] = _(
                "it may be lost too, but less is at stake ({amount} against {top})"
            ).format(amount=wb.money(stake[cid]), top=top)
        elif step == CHECK_UP_CALL:
            weaker[cid] = _(
                "a check-up call: planned for its anniversary month, and nothing is lost if "
                "it comes at the end of the month"
            )
        elif step == WRITE_VISION:
            weaker[cid] = _(
                "book the vision meeting this month, but a meeting takes preparation; a "
                "customer who may be leaving can't wait"
            )
        elif step == LET_GO:
            weaker[cid] = _("a polite exit: plan it calmly; nothing is lost by waiting a week")
        elif step == DEVELOP:
            weaker[cid] = _("develop: a project for the year, not a call that can't wait")
        else:  # reprice, prepay
            weaker[cid] = _(
                "a price talk needs its figures ready (notebooks 01 and 03): prepare it first"
            )
    later = plan.loc[(plan["month"] != month) & (plan["next_step"] != MARKETING)]
    planned = _("its step ({step}) is planned for {month}, not this month")
    for cid, step, when in zip(later.index, later["next_step"], later["month"], strict=True):
        weaker[cid] = planned.format(step=step_name(step, wb.lang), month=when)
    served = rows.loc[rows["next_step"] == MARKETING, "value_12m"]
    if len(served):
        largest = served.idxmax()
        weaker.setdefault(
            largest,
            _(
                "the plan serves it by marketing this year: the calls go to customers with "
                "more at stake"
            ),
        )
    return Argue(
        4,
        _(
            "The plan's first month is {month}. Your team has an hour for calls on Monday "
            "morning: whom do you call first, and why? Write the customer id and your reason, "
            'like ("C0102", "because ...").'
        ).format(month=month),
        options,
        weaker=weaker,
        hint=_(
            "Text 004: a customer lost costs many years of revenue, and nobody announces "
            "it. Look at this month's rows of the plan: which customers may you lose if you "
            "wait (a rescue, a win-back), and which of them has the most at stake?"
        ),
        solution=_(
            "First the customers you may lose, the most at stake first: a rescue (its "
            "contract ends while its commitment is low) or a win-back (it stopped buying; the "
            "sooner you ask why, the more it remembers you). Without such a call this month: "
            "book the customer-vision meeting, then the most valuable check-ups. Price talks "
            "and polite exits need preparation; they are not the first call of the month."
        ),
        why_not=""
        if len(personal)
        else _(
            "The plan holds no personal step in {month}: every customer is served by "
            "marketing this month."
        ).format(month=month),
    )


# --- 5 · argue: keep or win ---------------------------------------------------------------


def keep_or_win(wb) -> Argue:
    """Ten more calls a month: to customers or to prospects? Defensible: the side whose
    text's signs show more on the company's figures (``keep_and_win.weighs_more``)."""
    from helpers.analysis import keep_and_win as kw
    from helpers.words.keep_and_win import SIGN_WORDS, sign_value

    _ = wb.lang._
    figures = kw.keep_and_win_figures(wb.invoices, wb.as_of)
    shown = kw.signs(figures)
    sides = kw.weighs_more(shown)
    answer = {kw.KEEP: CUSTOMERS, kw.WIN: PROSPECTS}
    # each side's sentences whole, naming its text: (none measured, some show, none show)
    sentences = {
        kw.KEEP: (
            N_(
                "none of the signs of text 004 (keep better) can be measured on your data "
                "({reasons})"
            ),
            N_(
                "{count} of the {measured} signs of text 004 (keep better) that can be "
                "measured show ({signs})"
            ),
            N_(
                "{count} of the {measured} signs of text 004 (keep better) that can be "
                "measured show"
            ),
        ),
        kw.WIN: (
            N_("none of the signs of text 000 (win more) can be measured on your data ({reasons})"),
            N_(
                "{count} of the {measured} signs of text 000 (win more) that can be measured "
                "show ({signs})"
            ),
            N_("{count} of the {measured} signs of text 000 (win more) that can be measured show"),
        ),
    }

    def sign_name(sign: str) -> str:
        return _(SIGN_WORDS[sign][1])

    def tally(side: str) -> str:
        found = shown[side]
        none_measured, some_show, none_show = sentences[side]
        if not found:
            reasons = "; ".join(
                dict.fromkeys(_why(sign, figures, wb.lang) for sign in kw.SIGNS[side])
            )
            return _(none_measured).format(reasons=reasons)
        showing = [
            f"{sign_name(sign)}: {sign_value(sign, figures, wb.lang)}"
            for sign, yes in found.items()
            if yes
        ]
        return _(some_show if showing else none_show).format(
            count=wb.number(sum(found.values())),
            measured=wb.number(len(found)),
            signs="; ".join(showing),
        )

    options = {answer[side]: tally(side) for side in sides}
    fewer = _("{tally}, fewer than on the other side")
    weaker = {
        answer[side]: fewer.format(tally=tally(side)) if shown[side] else tally(side)
        for side in (kw.KEEP, kw.WIN)
        if side not in sides
    }
    return Argue(
        5,
        _(
            "Your calls are full. Ten more calls a month: to your customers, or to prospects "
            'that are not customers yet? Answer "{customers}" or "{prospects}", with your '
            "reason from the table of signs above."
        ).format(customers=CUSTOMERS, prospects=PROSPECTS),
        options,
        weaker=weaker,
        hint=_(
            "Count the signs that show on each side of the table: text 000's argue for "
            "prospects (few new customers, sliding prices, one customer too large), text "
            "004's for the customers you have (low retention, the kept buying less, more lost "
            "than won)."
        ),
        solution=_(
            "The side with more signs showing is the easier one to defend; with as many on "
            "both, either is, and splitting the hours is too. The limits are the course's "
            "rules of thumb, not the texts': what matters is that the team decides it with "
            "its figures on the table, writes it into calls_per_month and a prospecting "
            "target, and looks again in a year."
        ),
        why_not=""
        if sides
        else _(
            "None of the figures of either text can be measured on your data: {reasons}."
        ).format(
            reasons="; ".join(
                f"{sign_name(sign)}: {_why(sign, figures, wb.lang)}"
                for sign in (*kw.SIGNS[kw.WIN], *kw.SIGNS[kw.KEEP])
            )
        ),
    )


def _why(sign: str, figures: dict, lang) -> str:
    from helpers.words.keep_and_win import why_unmeasured

    return why_unmeasured(sign, figures, lang)
