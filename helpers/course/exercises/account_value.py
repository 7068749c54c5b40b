"""Exercises of notebook 03 (account value and profitability after cost-to-serve).

All five ask the learner to think: compute one account's revenue per year as a customer
(works on invoices alone), guess the top fifth's share of profit before the whale curve
shows it (of margin or revenue where the data has no profit), guess what letting the
loss-makers go does to profit, guess how many scored accounts the weights move before the
weights' test shows it, and choose which loss-making account to talk to first, with a
reason.

The texts are in the session's language (the catalogs' ``exercises_account_value.po``);
the codes the learner types ("up", "down", customer ids) stay codes.
"""

from __future__ import annotations

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

NAN = float("nan")
HALF = 0.5  # a loss at least half the largest one is among the first to talk about
BASIS_WORDS = {
    "profit": N_("profit after cost-to-serve"),
    "margin": N_("margin (revenue minus the cost on the invoice lines)"),
    "revenue": N_("revenue"),
}
# Question 2's texts, one set per basis (profit, margin, or revenue where the data has
# neither cost nor hours), so that each language can write them in its own grammar
TOP_SHARE_TEXTS = {
    "profit": {
        "question": N_(
            "Guess before you look: your top 20 % of accounts by revenue make {anchor} of "
            "your revenue of the last 12 months. What share of all profit after cost-to-serve "
            "do the top 20 % of accounts by profit make? Write it as a percent: 25 for 25 %."
        ),
        "close": N_("You know where your profit is made."),
        "low": N_(
            "Your profit gathers in fewer accounts than you thought: the best accounts carry "
            "the hours and discounts the others eat. Losing one of them costs more than its "
            "invoices suggest."
        ),
        "high": N_(
            "Your profit is spread wider than you thought: many accounts pay their way, and "
            "no single loss sinks the year."
        ),
        "why_not": N_("All accounts together made no profit, so a share of it means nothing."),
        "hint": N_(
            "Sort the accounts by profit, take the first fifth (rounded up), add up their "
            "profit and divide by the profit of all accounts."
        ),
        "nothing": N_("There is no profit to share on this data."),
    },
    "margin": {
        "question": N_(
            "Guess before you look: your top 20 % of accounts by revenue make {anchor} of "
            "your revenue of the last 12 months. What share of all margin (revenue minus the "
            "cost on the invoice lines) do the top 20 % of accounts by margin make? Write it "
            "as a percent: 25 for 25 %."
        ),
        "close": N_("You know where your margin is made."),
        "low": N_(
            "Your margin gathers in fewer accounts than you thought: the best accounts carry "
            "the hours and discounts the others eat. Losing one of them costs more than its "
            "invoices suggest."
        ),
        "high": N_(
            "Your margin is spread wider than you thought: many accounts pay their way, and "
            "no single loss sinks the year."
        ),
        "why_not": N_("All accounts together made no margin, so a share of it means nothing."),
        "hint": N_(
            "Sort the accounts by margin, take the first fifth (rounded up), add up their "
            "margin and divide by the margin of all accounts."
        ),
        "nothing": N_("There is no margin to share on this data."),
    },
    "revenue": {
        "question": N_(
            "Guess before you look: what share of your revenue of the last 12 months do your "
            "top 20 % of accounts make? Write it as a percent: 25 for 25 %."
        ),
        "close": N_("You know where your sales come from."),
        "low": N_(
            "A few accounts carry more of your sales than you thought: they deserve most of "
            "your sales time (text 001)."
        ),
        "high": N_("Your sales are spread wider than you thought: fewer eggs in one basket."),
        "why_not": N_("All accounts together made no revenue, so a share of it means nothing."),
        "hint": N_(
            "Sort the accounts by revenue, take the first fifth (rounded up), add up their "
            "revenue and divide by the revenue of all accounts."
        ),
        "nothing": N_("There is no revenue to share on this data."),
    },
}


def questions(wb) -> tuple[Exercise, Prediction, Prediction, Prediction, Argue]:
    """Notebook 03: revenue per year as a customer (compute), the top fifth's share
    (predict), letting the loss-makers go (predict), rank moves (predict), whom to talk to
    first (argue)."""
    from helpers.analysis import account_value, profit_spread, profitability, shortlist
    from helpers.analysis.plan import vision_accounts
    from helpers.words.profitability import missing_in_words

    company = wb.company
    hourly_cost = wb.choices.hourly_cost_for(company.settings)
    table = profitability.account_economics(wb.invoices, company.hours, wb.as_of, hourly_cost)
    # what to add, in the learner's language like every exercise's text
    missing = missing_in_words(
        profitability.what_is_missing(wb.invoices, company.hours, hourly_cost), wb.lang
    )
    names = company.customer_names()
    q1 = revenue_per_year_question(wb, table, hourly_cost, names)
    q2 = top_share_question(wb, table, missing)
    q3 = letting_go_question(wb, profit_spread.letting_go(table), missing)

    scores, _ = account_value.read_scores(company.folder)
    accounts = account_value.accounts_to_score(
        wb.invoices, wb.as_of, company.customers, keys=vision_accounts(wb.plan)
    )
    profile = account_value.value_profile(table, account_value.team_scores(scores), accounts)
    moves = account_value.rank_sensitivity(profile)
    q4 = rank_moves_question(wb, moves)
    flagged = account_value.emotional_over_factual(profile, table)
    listed = shortlist.shortlist(table, names, flagged=flagged)
    q5 = talk_first_question(wb, table, listed, missing)
    return q1, q2, q3, q4, q5


def rank_moves_question(wb, moves) -> Prediction:
    """Predict: how many scored accounts change rank when one weight is dropped or doubled,
    before the rank-range plot shows it. Needs the team's scores."""
    lang = wb.lang
    _ = lang._
    scored = len(moves)
    moving = float((moves["moves"] > 0).sum()) if scored else NAN
    if scored:
        count = lang.plural(
            "your team has scored {scored} accounts",
            "your team has scored {scored} accounts",
            scored,
        ).format(scored=wb.number(scored))
        figures = {"moving": wb.number(moving), "scored": wb.number(scored)}
    else:
        count = _("your team scores accounts")
        figures = {}
    return Prediction(
        4,
        _(
            "Guess before you look: {count}. When each level's weight in turn is dropped (× 0) "
            "or doubled (× 2), how many of them change rank at least once? A whole number."
        ).format(count=count),
        moving,
        kind=NUMBER,
        absolute=1.0,
        shown=_("{moving} of {scored}").format(**figures) if scored else "",
        lessons={
            "close": _("You sensed how much the ranking rests on judgement."),
            "low": _(
                "The ranking rests on the weights more than you thought: agree on the weights "
                "with your team before you act on a rank, and argue about the long bars."
            ),
            "high": _(
                "The ranking is steadier than you thought: most accounts keep their place "
                "whatever you weigh, so the team can act on it with some confidence."
            ),
        },
        hint=_(
            "A weight moves an account only when its scores differ from its neighbours' on "
            "that level: accounts close together in the total swap places easily."
        ),
        solution=(
            _("{moving} of {scored} scored accounts: (sensitivity['moves'] > 0).sum().").format(
                **figures
            )
            if scored
            else _(
                "Score a few accounts in the form (or in answers/account-values/<name>.csv) "
                "and run the notebook again."
            )
        ),
        why_not=(
            ""
            if scored
            else _("Nobody on your team has scored an account yet, so there is no ranking.")
        ),
    )


def revenue_per_year_question(wb, table, hourly_cost, names) -> Exercise:
    """Compute: the largest account's revenue per year since its first invoice (text 001:
    the length of a relationship is part of its value). Works on invoices alone."""
    from helpers.analysis import profitability

    _ = wb.lang._
    largest = table.index[0] if len(table) else None
    if largest is None:
        return Exercise(
            1,
            _("Compute your largest account's revenue per year as a customer."),
            NAN,
            mode=COMPUTE,
            why_not=_("No account bought anything in the last 12 months."),
        )
    review = profitability.account_review(
        wb.invoices, wb.company.hours, wb.as_of, largest, hourly_cost
    )
    per_year = review["revenue_per_year"]
    name = names.get(largest, largest) if names is not None else largest
    named = f"{name} ({largest})" if str(name) != str(largest) else str(largest)
    recent = float(table["revenue"].iloc[0])
    if per_year != per_year:
        lesson = ""
    elif review["years_as_customer"] < 1:
        lesson = _(
            "It has been a customer for less than a year, so its yearly average is a "
            "projection: look again when it has a year behind it."
        )
    elif recent < 0.95 * per_year:
        lesson = _(
            "Its last 12 months ({recent}) are below its average: it buys less than it used "
            "to. Ask why in its review."
        ).format(recent=wb.money(recent))
    elif recent > 1.05 * per_year:
        lesson = _(
            "Its last 12 months ({recent}) are above its average: the relationship is growing."
        ).format(recent=wb.money(recent))
    else:
        lesson = _("Its last 12 months ({recent}) are close to its average: steady.").format(
            recent=wb.money(recent)
        )
    return Exercise(
        1,
        _(
            "Compute it: how much has {named}, your largest account of the last 12 months, "
            "invoiced per year on average since its first invoice? Take all its lines in "
            "wb.invoices (columns customer_id, date, amount), add up the amount, and divide by "
            "the years from its first invoice to the analysis date wb.as_of (days / 365.25). A "
            "number in your currency, like 1200."
        ).format(named=named),
        per_year,
        kind=NUMBER,
        tolerance=0.01,
        mode=COMPUTE,
        why_not=(
            ""
            if per_year == per_year
            else _("Its first invoice is on the analysis date: there is no time to divide by.")
        ),
        hint=_(
            'lines = wb.invoices[wb.invoices["customer_id"] == {customer}], then '
            'lines["amount"].sum() / ((wb.as_of - lines["date"].min()).days / 365.25).'
        ).format(customer=repr(largest)),
        solution=(
            _(
                "{per_year} a year: {total} in {years} years. {lesson} The last 12 months show "
                "one year of an account; the years it has stayed, and what it has brought in "
                "all, are part of its value too (text 001)."
            ).format(
                per_year=wb.money(per_year),
                total=wb.money(review["revenue_since_first"]),
                years=wb.number(review["years_as_customer"], 1),
                lesson=lesson,
            )
            if per_year == per_year
            else _("It can't be computed: the account's first invoice is on the analysis date.")
        ),
    )


def top_share_question(wb, table, missing: dict) -> Prediction:
    """Predict: the top fifth's share of profit (of margin, or revenue, where the data has
    no profit), before the whale curve shows it."""
    from helpers.analysis import profit_spread
    from helpers.analysis.account_value import factual_basis

    _ = wb.lang._
    basis = factual_basis(table)
    share = profit_spread.top_share(table[basis])
    texts = {key: _(text) for key, text in TOP_SHARE_TEXTS[basis].items()}
    if basis == "revenue":
        anchor = ""
        after = (
            " "
            + _(
                "With the cost on invoice lines and hours.csv you would see profit, which "
                "usually gathers in even fewer accounts than revenue."
            )
            + " "
            + " ".join(missing.get(k, "") for k in ("cost", "hours")).strip()
        )
    else:
        anchor = wb.percent(profit_spread.top_share(table["revenue"]), 0)
        after = ""
    return Prediction(
        2,
        texts["question"].format(anchor=anchor),
        share,
        kind=SHARE,
        absolute=0.05,
        shown=wb.percent(share, 0) if share == share else "",
        lessons={gap: texts[gap] for gap in ("close", "low", "high")},
        why_not="" if share == share else texts["why_not"],
        hint=texts["hint"],
        solution=(
            f"{wb.percent(share, 1)}: profit_spread.top_share(economics[{basis!r}]).{after}"
            if share == share
            else texts["nothing"]
        ),
    )


def letting_go_question(wb, figures: dict, missing: dict) -> Prediction:
    """Predict: does profit go up or down when every loss-maker is let go and the hours
    stay paid? (Kaplan & Narayanan: dropping them does not remove the fixed costs.)"""
    lang = wb.lang
    _ = lang._
    now = figures["profit_now"]
    count = figures["accounts"]
    if now != now:
        why_not = (
            _("No account's profit after cost-to-serve is known on your data.")
            + " "
            + missing.get("profit", "")
        )
        expected, shown = None, ""
    elif count == 0:
        why_not = _("No account loses money after cost-to-serve on your data: nobody to let go.")
        expected, shown = None, ""
    else:
        why_not = ""
        falls = figures["margin"] > 0
        expected = {"down"} if falls else {"up"}
        shown = (
            _(
                "down: from {now} to {stay}. You lose their margin of {margin} and keep paying "
                "the {hours_cost} their {hours} hours cost"
            ).format(
                now=wb.money(now),
                stay=wb.money(figures["profit_if_costs_stay"]),
                margin=wb.money(figures["margin"]),
                hours_cost=wb.money(figures["hours_cost"]),
                hours=wb.number(figures["hours"]),
            )
            if falls
            else _(
                "up: their margin is {margin}, below zero, so they lose money even before "
                "their hours are paid"
            ).format(margin=wb.money(figures["margin"]))
        )
    if expected:
        question = lang.plural(
            "Guess before you read on: {count} of your accounts loses money after "
            "cost-to-serve. If you let them all go tomorrow and the same people stay on the "
            "payroll (nothing new fills their hours), does your profit go up or down? Write "
            '"up" or "down".',
            "Guess before you read on: {count} of your accounts lose money after "
            "cost-to-serve. If you let them all go tomorrow and the same people stay on the "
            "payroll (nothing new fills their hours), does your profit go up or down? Write "
            '"up" or "down".',
            count,
        ).format(count=wb.number(count))
    else:
        question = _(
            "Guess before you read on: if you let every account that loses money after "
            "cost-to-serve go tomorrow and the same people stay on the payroll (nothing new "
            'fills their hours), does your profit go up or down? Write "up" or "down".'
        )
    return Prediction(
        3,
        question,
        expected,
        kind=CHOICE,
        shown=shown,
        why_not=why_not,
        lessons={
            "right": _(
                "You saw past the whale: the cost of the hours stays when the customer goes. "
                "The whale's peak is what mending the terms, or selling those hours to "
                "others, could reach; a goodbye alone does not."
            ),
            "wrong": _(
                "The whale curve's peak assumes the cost of their hours leaves with them. In "
                "a small firm it mostly stays: the same people are paid, the same rent. What "
                "leaves is their margin. Mend the price and the terms first."
            ),
        },
        hint=_(
            "What leaves with a customer: its revenue and the cost on its invoice lines. "
            "What stays: the wages and the rent behind the hours you spent on it."
        ),
        solution=(
            _(
                "{shown}. Kaplan & Narayanan (2001): a loss-maker's share of fixed costs stays "
                "when it goes; a new price often mends the account."
            ).format(shown=shown)
            if expected
            else _(
                "Whatever your data: when a customer goes, its revenue and the cost on its "
                "invoice lines go with it; the wages and the rent behind its hours stay, "
                "unless you cut them or sell those hours to others."
            )
        ),
    )


def _levers(row, wb) -> str:
    """What to change with one loss-making account, from text 002's signs it shows."""
    lang = wb.lang
    _ = lang._
    levers = []
    if "deep_discount" in row["reasons"]:
        levers.append(
            _(
                "bring its price back towards list (it pays {share} below, the typical "
                "account {typical})"
            ).format(
                share=wb.percent(row["discount_share"], 0),
                typical=wb.percent(row["typical_discount"], 0),
            )
        )
    if "extra_work" in row["reasons"]:
        levers.append(
            _("bill the changes and meetings ({hours} h unbilled)").format(
                hours=wb.number(row["unbilled_hours"])
            )
        )
    if "squeezed" in row["reasons"]:
        levers.append(
            _(
                "a rule for rush work: a surcharge, or no free slots ({rush} of {orders} "
                "orders in a rush)"
            ).format(rush=wb.number(row["rush_orders"]), orders=wb.number(row["orders"]))
        )
    if "disputes" in row["reasons"]:
        levers.append(
            lang.plural(
                "prepayment, which ends the disputes ({count} credit notes)",
                "prepayment, which ends the disputes ({count} credit notes)",
                int(row["credit_notes"]),
            ).format(count=wb.number(row["credit_notes"]))
        )
    if not levers:
        levers.append(_("a price that covers the hours it takes"))
    text = _("change: {levers}").format(levers="; ".join(levers))
    if "every_sign" in row["reasons"]:
        text += ". " + _(
            "If it says no to fair terms, suggest a competitor that fits it better: it "
            "chooses to go"
        )
    return text


def talk_first_question(wb, table, listed, missing: dict) -> Argue:
    """Choose and argue: which loss-making account to talk to first, and what to change.

    Defensible: the largest loss (and any at least half as large), a loss-maker the team
    loves (the easiest talk about price), a big account worth keeping at a fair price.
    Weaker: smaller losses, and accounts that make money.
    """
    from helpers.analysis.shortlist import KEEP

    _ = wb.lang._
    question = _(
        "Choose and argue: which of the accounts that lose money do you talk to first, and "
        "what do you change (the price, prepayment, a rule for rush work)? Write its id and "
        'your reason: answer_5 = ("C0012", "because ...").'
    )
    basis = listed["basis"].iloc[0] if len(listed) else None
    losing = listed.loc[listed["action"] != KEEP] if len(listed) else listed
    if basis not in ("profit", "margin"):
        why_not = (
            _(
                "Your data has neither the cost on invoice lines nor hours, so no account can "
                "be seen losing money."
            )
            + " "
            + " ".join(missing.get(k, "") for k in ("cost", "hours"))
        ).strip()
        return Argue(5, question, {}, why_not=why_not, solution="")
    if losing.empty:
        return Argue(
            5,
            question,
            {},
            why_not=_(
                "No account loses money on your data ({basis}): there is nobody to talk to "
                "about a loss."
            ).format(basis=_(BASIS_WORDS[basis])),
            solution="",
        )
    label = _("profit after cost-to-serve") if basis == "profit" else _("margin")
    largest_loss = -float(losing["value"].min())
    total_loss = -float(losing["value"].sum())
    options, weaker = {}, {}
    for row in losing.to_dict("records"):
        loss = -row["value"]
        levers = _levers(row, wb)
        reasons = []
        if loss >= HALF * largest_loss:
            reasons.append(
                _(
                    "it loses {loss} a year ({label}), {share} of all the losses: one change "
                    "there is worth the most"
                ).format(loss=wb.money(loss), label=label, share=wb.percent(loss / total_loss, 0))
            )
        if "loved" in row["reasons"]:
            reasons.append(
                _(
                    "it loses {loss} and the team loves working with it: the easiest customer "
                    "to talk to about price"
                ).format(loss=wb.money(loss))
            )
        if "big" in row["reasons"]:
            reasons.append(
                _(
                    "it brings {share} of your revenue with none of the signs of extra work: "
                    "the one most worth keeping, at a fair price"
                ).format(share=wb.percent(row["revenue_share"], 1))
            )
        if reasons:
            options[row["customer_id"]] = "; ".join([*reasons, levers])
        else:
            weaker[row["customer_id"]] = _(
                "it loses {loss}, less than half of the largest loss ({largest}): start where "
                "the most money leaks, and come back to it"
            ).format(loss=wb.money(loss), largest=wb.money(largest_loss))
    keep = listed.loc[listed["action"] == KEEP, "customer_id"].tolist()
    for customer in [*keep[:5], *table.index[:3]]:
        if customer in options or customer in weaker or customer not in table.index:
            continue
        value = table.loc[customer, basis]
        weaker[customer] = _(
            "it makes money ({label} {value}): there is no loss to talk about; keep it and "
            "delight it"
        ).format(label=label, value=wb.money(value))
    told = "; ".join(f"{key}: {why}" for key, why in options.items())
    return Argue(
        5,
        question,
        options,
        weaker=weaker,
        hint=_(
            "Read the shortlist above: how much each account loses, and which of text 002's "
            "signs it shows. Where is the most money at stake? Who would listen to you?"
        ),
        solution=_(
            "Defensible: {told}. Whichever you choose, change the terms, not the tone: never "
            "tell anyone that a customer is difficult."
        ).format(told=told),
    )
