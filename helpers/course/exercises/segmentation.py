"""Exercises of notebook 02 (value-based segmentation, the 80/20 rule, who calls whom).

Four of them ask the learner to think: guess the top fifth's share of revenue before the
Pareto curve shows it (predict), count the valuable fifth in pandas (compute), guess
whether the fifth or the many have been customers longer (predict), and choose the
customer of the fifth who gets the next account-plan meeting, with a reason (argue). The
others look a figure up, and one is to discuss. Every expected answer comes from the data
the notebook runs on, with the learner's own choices.

Every text a learner reads is a message of the language catalogs
(``exercises_segmentation.po``), in the session's language (``wb.lang``).
"""

from __future__ import annotations

import math

import pandas as pd

from helpers.course.exercises.base import (
    CHOICE,
    COMPUTE,
    SHARE,
    THOUGHT,
    Argue,
    Exercise,
    Prediction,
)

SHOWN_OF_THE_MANY = 5  # the largest customers outside the fifth, as tempting wrong picks
FIFTH_WORDS = ("fifth", "the fifth", "valuable fifth", "the valuable fifth")
MANY_WORDS = ("many", "the many")


def questions(wb, table: pd.DataFrame | None = None) -> tuple[Exercise, ...]:
    """Notebook 02's eight exercises, in the order the notebook asks them.

    1 predict the top 20 %'s share of revenue; 2 compute the size of the valuable fifth;
    3 look up the key accounts; 4 look up the dormant; 5 predict whether the fifth or the
    many have been customers longer; 6 look up the sales hours; 7 choose and argue who gets
    the next account-plan meeting; 8 think about an owner who leaves.

    ``table`` is the notebook's ``segmentation.segments(...)`` with the learner's own
    choices, so the expected answers follow whatever the learner chose (None: the segments
    with the company's saved choices); the plan (``wb.plan``) is the one every list agrees
    with.
    """
    from helpers.analysis import segmentation
    from helpers.analysis.pareto import pareto_figures
    from helpers.analysis.segmentation import DORMANT, KEY_ACCOUNT, relationship_length

    if table is None:
        table = segmentation.segments(
            wb.invoices, wb.as_of, wb.company.customers, **wb.choices.segment_options()
        )
    _ = wb.lang._
    top20 = pareto_figures(wb.invoices, wb.as_of)["top20_revenue_share"]
    q1 = Prediction(
        1,
        _(
            "Before you look: what share of all revenue do the largest 20 % of your customers "
            "bring? Write your guess as a percent (80 for 80 %)."
        ),
        top20,
        kind=SHARE,
        absolute=0.05,
        shown=wb.percent(top20),
        lessons=_pareto_lessons(top20, wb),
        hint=_(
            "Think of your five or ten largest customers: how much of the year's invoicing "
            "would be gone without them? Then add a little for the rest of the top fifth."
        ),
        solution=(
            _(
                "{share}: the revenue of the largest ⌈0.2 · n⌉ customers over all years, "
                "divided by all revenue (eighty_twenty['top20_revenue_share'])."
            ).format(share=wb.percent(top20))
            if top20 == top20
            else _("Nobody has positive revenue, so there is no share to guess.")
        ),
        why_not="" if top20 == top20 else _("No customer has positive revenue in your invoices."),
    )
    fifth = int((table["value_level"] == "high").sum())
    q2 = Exercise(
        2,
        _(
            "Compute it yourself: how many customers are in your valuable fifth? The fifth is "
            "your key_share of the customers who bought in the last 12 months, rounded up; a "
            "customer bought when it has a line with a positive amount dated after "
            "wb.window_start (wb.invoices has the columns customer_id, date, amount). Start "
            'from recent = wb.invoices[wb.invoices["date"] > wb.window_start], count the '
            "buyers in one line of pandas, and round with "
            "segmentation.top_count(wb.choices.key_share, buyers)."
        ),
        fifth,
        tolerance=0,
        mode=COMPUTE,
        hint=_(
            "Keep the lines of recent with an amount above 0, then count the distinct "
            'customers: recent.loc[recent["amount"] > 0, "customer_id"].nunique(). Count only '
            "those who bought lately, not every customer in the file."
        ),
        solution=_(
            "{fifth}: buyers = recent.loc[recent['amount'] > 0, 'customer_id'].nunique(), "
            "then segmentation.top_count(wb.choices.key_share, buyers): "
            "⌈{key_share} · buyers⌉. The same as (table['value_level'] == 'high').sum()."
        ).format(fifth=_count(fifth, wb), key_share=wb.number(wb.choices.key_share, 2)),
    )
    keys = int((table["segment"] == KEY_ACCOUNT).sum())
    q3 = Exercise(
        3,
        _("How many key accounts are there with your cut-offs?"),
        keys,
        tolerance=0,
        hint=_(
            "Count the rows whose segment is 'key account': the segment table shows it, "
            "or use (table['segment'] == 'key account').sum()."
        ),
        solution=_("{keys}: (table['segment'] == 'key account').sum().").format(
            keys=_count(keys, wb)
        ),
    )
    dormant = int((table["segment"] == DORMANT).sum())
    q4 = Exercise(
        4,
        _("How many customers have not bought anything in the last 12 months?"),
        dormant,
        tolerance=0,
        hint=_(
            "They are the dormant segment: no invoice line with a positive amount in "
            "the last 12 months."
        ),
        solution=_("{dormant}: (table['segment'] == 'dormant').sum().").format(
            dormant=_count(dormant, wb)
        ),
    )
    q5 = _who_stayed_longer(wb, relationship_length(table))
    hours = float(table["hours_per_year"].sum())
    q6 = Exercise(
        6,
        _("How many sales hours a year does your service model ask for?"),
        hours,
        tolerance=0.01,
        absolute=0.5,
        hint=_(
            "Add up the hours column of the segment summary: customers in each segment "
            "times the hours each one gets."
        ),
        solution=_("{hours} hours: table['hours_per_year'].sum().").format(hours=wb.number(hours)),
    )
    q7 = next_meeting(wb, table, wb.plan)
    q8 = Exercise(
        8,
        _("Your best salesperson, owner of three key accounts, leaves in two months. What now?"),
        None,
        kind=THOUGHT,
        solution=_(
            "Week one: the leaver introduces a new owner to each key account in person, "
            "and writes down what only they know: who decides, who uses the product, what was "
            "promised, what annoyed the customer last year. Then the new owner books a meeting "
            "with each account within the notice period. For the future: every key account "
            "gets a deputy who has met the customer, the account plan lives in a shared place "
            "and not in one person's head, and no single owner carries so much revenue that "
            "their leaving would hurt the firm. That is what 'customers belong to the company' "
            "means in practice."
        ),
    )
    return q1, q2, q3, q4, q5, q6, q7, q8


def _count(value: int, wb) -> str:
    """A count as the learner reads it: plain digits in English (as the answer is typed),
    the language's thousands separator in Finnish and Swedish."""
    return str(value) if wb.lang.code == "en" else wb.number(value)


def _pareto_lessons(top20: float, wb) -> dict[str, str]:
    """What the gap between the guess and the top fifth's share teaches, by direction,
    each ending on how far the company's own split is from 80/20."""
    if top20 != top20:
        return {}
    _ = wb.lang._
    if top20 < 0.6:
        where = _(
            "At {share} your split is far from 80/20: your customers are alike in size, the "
            "fifth is less special, and the rule of thumb is not a law. Serving more customers "
            "personally (a larger key_share) may fit you better."
        )
    elif top20 > 0.9:
        where = _(
            "At {share} a few customers carry almost everything: depending on them is your "
            "first risk to manage (notebook 01), and the fifth deserves every hour of sales "
            "time you have."
        )
    else:
        where = _(
            "At {share} your split is near the 80/20 rule of thumb: the fifth is where your "
            "scarce sales time pays most."
        )
    where = where.format(share=wb.percent(top20))
    return {
        "close": _("You know your customer base. {where}").format(where=where),
        "low": _(
            "Your revenue rests on fewer customers than it feels: losing one of the large "
            "ones would hurt more than you expect. {where}"
        ).format(where=where),
        "high": _(
            "Your customers are more alike in size than you thought: the small ones "
            "together weigh more. {where}"
        ).format(where=where),
    }


def _who_stayed_longer(wb, facts: dict) -> Prediction:
    """Question 5: whose median years as a customer are longer, the fifth's or the many's?"""
    _ = wb.lang._
    shown = _("the fifth ({fifth} years, median) against the many ({many} years)").format(
        fifth=wb.number(facts["fifth_median_years"], 1),
        many=wb.number(facts["many_median_years"], 1),
    )
    longer = facts["longer"]
    empty = facts["fifth"] == 0 or facts["many"] == 0
    if empty:
        expected = None
    elif longer == "fifth":
        expected = set(FIFTH_WORDS)
    elif longer == "many":
        expected = set(MANY_WORDS)
    else:
        expected = set(FIFTH_WORDS + MANY_WORDS)  # the same: either guess holds
    if longer == "many":
        lessons = {
            "right": _(
                "Your valuable fifth are younger than the many: your large customers are "
                "recent wins, and their trust is still being built. That is where key-account "
                "care pays: a young relationship is easier to lose."
            ),
            "wrong": _(
                "Your valuable fifth are in fact younger than the many. Old, small "
                "customers may be worth more than their invoices say (they vouch for you, know "
                "how you work and cost little to serve), and young large ones are less secure "
                "than they look."
            ),
        }
    else:
        lessons = {
            "right": _(
                "Your largest customers grew with the years. That is value the invoices "
                "don't show: they trust you, know how you work, cost less to serve and vouch "
                "for you. But look at notebook 01 too: long-standing customers may pay less "
                "than the going price."
            ),
            "wrong": _(
                "Your valuable fifth have in fact been with you longer: much of their "
                "value was built over years, as trust that a new customer can't bring. A long "
                "relationship lost takes years to replace."
            ),
        }
    return Prediction(
        5,
        _(
            "Before you look: who has been buying from you longer (the median years as a "
            "customer), your valuable fifth or the many? Write 'fifth' or 'many'."
        ),
        expected,
        kind=CHOICE,
        shown=shown,
        lessons=lessons,
        hint=_("Think of your largest customers: did you win them in your first years, or lately?"),
        solution=_("Your data says: {shown}.").format(shown=shown),
        why_not=(
            _(
                "Nobody bought in the last 12 months, or everyone who bought is in the "
                "valuable fifth, so there is no second group to compare with."
            )
            if empty
            else ""
        ),
    )


def next_meeting(wb, table: pd.DataFrame, plan: pd.DataFrame) -> Argue:
    """Question 7: which customer of the valuable fifth gets the next account-plan meeting?

    Defensible: the fifth's customers the plan gives a customer vision (the key accounts
    within the team's care, and those the team has written a vision for) and those whose
    contract ends while their commitment is low (rescue). Every other customer of the fifth,
    and the largest of the many, gets the reason its cell or its step points elsewhere.
    """
    from helpers.analysis import plan as planning
    from helpers.analysis.segmentation import DEVELOP, KEEP, KEY_ACCOUNT, MAINTAIN

    _ = wb.lang._
    fifth = table.loc[table["value_level"] == "high"]
    steps = plan.reindex(fifth.index)
    options: dict[str, str] = {}
    weaker: dict[str, str] = {}
    most = wb.number(wb.choices.max_key_accounts)
    for cid, row in fifth.iterrows():
        step, segment = steps.loc[cid, "next_step"], row["segment"]
        value = wb.money(row["value_12m"])
        room = _room_to_grow(row, wb)
        if step == planning.WRITE_VISION and segment == KEY_ACCOUNT:
            options[str(cid)] = _(
                "a key account: {value} in the last 12 months and room to grow ({room}); the "
                "plan gives it customer vision no. {rank}, and the account plan is where that "
                "growth is planned"
            ).format(value=value, room=room, rank=int(steps.loc[cid, "key_rank"]))
        elif step == planning.WRITE_VISION:
            options[str(cid)] = _(
                "your team has written a customer vision with it, and it is one of your "
                "most valuable ({value}): the meeting follows that vision up"
            ).format(value=value)
        elif step == planning.RESCUE:
            options[str(cid)] = _(
                "its contract ends while its commitment is low (notebook 05), and it brought "
                "{value}: a meeting before the renewal is the most urgent of all"
            ).format(value=value)
        elif step == planning.LET_GO:
            weaker[str(cid)] = _(
                "notebook 03 found it difficult and losing money after the cost of serving "
                "it: the plan lets it go politely, and a meeting would plan more of the same"
            )
        elif step in (planning.REPRICE, planning.PREPAY):
            weaker[str(cid)] = _(
                "the plan's first step with it is the price (it loses money, or has paid the "
                "least for years): settle that before planning growth"
            )
        elif segment == KEY_ACCOUNT:
            weaker[str(cid)] = _(
                "a key account, but beyond the {most} your team can truly look after: a "
                "salesperson for a set time, no account plan (raise max_key_accounts if you "
                "really have the time)"
            ).format(most=most)
        elif segment == KEEP:
            weaker[str(cid)] = _(
                "one of your most valuable ({value}), but with little room to grow ({room}): "
                "defend it with flawless service and a yearly review; an account plan is for "
                "growing together"
            ).format(value=value, room=room)
        elif segment == DEVELOP:
            weaker[str(cid)] = _(
                "room to grow ({room}), but a lower value within the fifth ({value}): a "
                "salesperson for a set time and a targeted offer first; an account plan once "
                "it has grown"
            ).format(value=value, room=room)
        elif segment == MAINTAIN:
            weaker[str(cid)] = _(
                "a lower value within the fifth ({value}) and little room to grow ({room}): "
                "serve it well so no competitor gets in, without an account plan"
            ).format(value=value, room=room)
    many = table.loc[table["value_level"] == "low"].head(SHOWN_OF_THE_MANY)
    for cid in many.index:
        weaker[str(cid)] = _(
            "not in your valuable fifth: marketing and at most one check-up call a year "
            "(text 001), however promising it looks"
        )
    defensible = ", ".join(options) if options else _("none on this data")
    return Argue(
        7,
        _(
            "Your team has time for one more account-plan meeting this month. Which customer "
            "of your valuable fifth gets it, and why? Write its customer_id and your reason: "
            'answer_7 = ("C0012", "because ...").'
        ),
        options,
        weaker=weaker,
        hint=_(
            "Look at the matrix: who in the fifth has both the higher value and room to "
            "grow? Then look at what the other notebooks found about them in the plan "
            "(wb.plan.loc[customer_id, 'next_step']): a customer to let go gets no meeting, a "
            "contract about to end can't wait."
        ),
        solution=_(
            "Defensible here: {defensible}. An account plan is for the key accounts your team "
            "can truly look after (higher value and room to grow), for the accounts you "
            "already plan the future with, and for a contract to rescue before it ends. Keep "
            "and maintain are defended with good service, develop gets a targeted offer "
            "first, and the many get marketing and a yearly call."
        ).format(defensible=defensible),
        why_not=(
            ""
            if options
            else _(
                "Your valuable fifth has no key account within your team's care, no vision "
                "written and no contract to rescue, so no customer of the fifth has an "
                "account plan in the plan."
            )
        ),
    )


def _room_to_grow(row: pd.Series, wb) -> str:
    """A customer's potential in words: '66% of its wallet still elsewhere', 'grew 45%'."""
    from helpers.analysis.segmentation import WALLET

    _ = wb.lang._
    potential = float(row["potential"])
    if row["potential_basis"] == WALLET:
        return _("{share} of its wallet still elsewhere").format(share=wb.percent(potential, 0))
    if math.isnan(potential):
        return _("new, no whole year to compare with")
    change = wb.percent(abs(potential), 0)
    if potential >= 0:
        return _("grew {change} on the year before").format(change=change)
    return _("shrank {change} on the year before").format(change=change)
