"""Exercises of notebook 03 (account value and profitability after cost-to-serve).

All five ask the learner to think: compute one account's revenue per year as a customer
(works on invoices alone), guess the top fifth's share of profit before the whale curve
shows it (of margin or revenue where the data has no profit), guess what letting the
loss-makers go does to profit, guess how many scored accounts the weights move before the
weights' test shows it, and choose which loss-making account to talk to first, with a
reason.
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
from helpers.language import ENGLISH

NAN = float("nan")
HALF = 0.5  # a loss at least half the largest one is among the first to talk about
BASIS_WORDS = {
    "profit": "profit after cost-to-serve",
    "margin": "margin (revenue minus the cost on the invoice lines)",
    "revenue": "revenue",
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
    # what to add, in English like every exercise's text
    missing = missing_in_words(
        profitability.what_is_missing(wb.invoices, company.hours, hourly_cost), ENGLISH
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
    q4 = rank_moves_question(moves)
    flagged = account_value.emotional_over_factual(profile, table)
    listed = shortlist.shortlist(table, names, flagged=flagged)
    q5 = talk_first_question(wb, table, listed, missing)
    return q1, q2, q3, q4, q5


def rank_moves_question(moves) -> Prediction:
    """Predict: how many scored accounts change rank when one weight is dropped or doubled,
    before the rank-range plot shows it. Needs the team's scores."""
    scored = len(moves)
    moving = float((moves["moves"] > 0).sum()) if scored else NAN
    count = f"your team has scored {scored} accounts" if scored else "your team scores accounts"
    return Prediction(
        4,
        f"Guess before you look: {count}. When each level's weight in turn is dropped (× 0) "
        "or doubled (× 2), how many of them change rank at least once? A whole number.",
        moving,
        kind=NUMBER,
        absolute=1.0,
        shown=f"{moving:.0f} of {scored}" if scored else "",
        lessons={
            "close": "You sensed how much the ranking rests on judgement.",
            "low": "The ranking rests on the weights more than you thought: agree on the "
            "weights with your team before you act on a rank, and argue about the long bars.",
            "high": "The ranking is steadier than you thought: most accounts keep their place "
            "whatever you weigh, so the team can act on it with some confidence.",
        },
        hint="A weight moves an account only when its scores differ from its neighbours' on "
        "that level: accounts close together in the total swap places easily.",
        solution=(
            f"{moving:.0f} of {scored} scored accounts: (sensitivity['moves'] > 0).sum()."
            if scored
            else "Score a few accounts in the form (or in answers/account-values/<name>.csv) "
            "and run the notebook again."
        ),
        why_not=(
            ""
            if scored
            else "Nobody on your team has scored an account yet, so there is no ranking."
        ),
    )


def revenue_per_year_question(wb, table, hourly_cost, names) -> Exercise:
    """Compute: the largest account's revenue per year since its first invoice (text 001:
    the length of a relationship is part of its value). Works on invoices alone."""
    from helpers.analysis import profitability

    largest = table.index[0] if len(table) else None
    if largest is None:
        return Exercise(
            1,
            "Compute your largest account's revenue per year as a customer.",
            NAN,
            mode=COMPUTE,
            why_not="No account bought anything in the last 12 months.",
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
        lesson = (
            "It has been a customer for less than a year, so its yearly average is a "
            "projection: look again when it has a year behind it."
        )
    elif recent < 0.95 * per_year:
        lesson = (
            f"Its last 12 months ({wb.money(recent)}) are below its average: it buys less "
            "than it used to. Ask why in its review."
        )
    elif recent > 1.05 * per_year:
        lesson = (
            f"Its last 12 months ({wb.money(recent)}) are above its average: the "
            "relationship is growing."
        )
    else:
        lesson = f"Its last 12 months ({wb.money(recent)}) are close to its average: steady."
    return Exercise(
        1,
        f"Compute it: how much has {named}, your largest account of the last 12 "
        "months, invoiced per year on average since its first invoice? Take all its lines in "
        "wb.invoices (columns customer_id, date, amount), add up the amount, and divide by "
        "the years from its first invoice to the analysis date wb.as_of (days / 365.25). A "
        "number in your currency, like 1200.",
        per_year,
        kind=NUMBER,
        tolerance=0.01,
        mode=COMPUTE,
        why_not=(
            ""
            if per_year == per_year
            else "Its first invoice is on the analysis date: there is no time to divide by."
        ),
        hint=f'lines = wb.invoices[wb.invoices["customer_id"] == {largest!r}], then '
        'lines["amount"].sum() / ((wb.as_of - lines["date"].min()).days / 365.25).',
        solution=(
            f"{wb.money(per_year)} a year: {wb.money(review['revenue_since_first'])} in "
            f"{wb.number(review['years_as_customer'], 1)} years. {lesson} The last 12 "
            "months show one year of an account; the years it has stayed, and what it has "
            "brought in all, are part of its value too (text 001)."
            if per_year == per_year
            else "It can't be computed: the account's first invoice is on the analysis date."
        ),
    )


def top_share_question(wb, table, missing: dict) -> Prediction:
    """Predict: the top fifth's share of profit (of margin, or revenue, where the data has
    no profit), before the whale curve shows it."""
    from helpers.analysis import profit_spread
    from helpers.analysis.account_value import factual_basis

    basis = factual_basis(table)
    share = profit_spread.top_share(table[basis])
    words = BASIS_WORDS[basis]
    if basis == "revenue":
        question = (
            "Guess before you look: what share of your revenue of the last 12 months do your "
            "top 20 % of accounts make? Write it as a percent: 25 for 25 %."
        )
        lessons = {
            "close": "You know where your sales come from.",
            "low": "A few accounts carry more of your sales than you thought: they deserve "
            "most of your sales time (text 001).",
            "high": "Your sales are spread wider than you thought: fewer eggs in one basket.",
        }
        after = (
            " With the cost on invoice lines and hours.csv you would see profit, which "
            "usually gathers in even fewer accounts than revenue. "
            + " ".join(missing.get(k, "") for k in ("cost", "hours")).strip()
        )
    else:
        anchor = profit_spread.top_share(table["revenue"])
        question = (
            f"Guess before you look: your top 20 % of accounts by revenue make "
            f"{wb.percent(anchor, 0)} of your revenue of the last 12 months. What share of all "
            f"{words} do the top 20 % of accounts by {basis} make? Write it as a percent: 25 "
            "for 25 %."
        )
        lessons = {
            "close": f"You know where your {basis} is made.",
            "low": f"Your {basis} gathers in fewer accounts than you thought: the best "
            "accounts carry the hours and discounts the others eat. Losing one of them costs "
            "more than its invoices suggest.",
            "high": f"Your {basis} is spread wider than you thought: many accounts pay their "
            "way, and no single loss sinks the year.",
        }
        after = ""
    return Prediction(
        2,
        question,
        share,
        kind=SHARE,
        absolute=0.05,
        shown=wb.percent(share, 0) if share == share else "",
        lessons=lessons,
        why_not=(
            ""
            if share == share
            else f"All accounts together made no {basis}, so a share of it means nothing."
        ),
        hint=f"Sort the accounts by {basis}, take the first fifth (rounded up), add up their "
        f"{basis} and divide by the {basis} of all accounts.",
        solution=(
            f"{wb.percent(share, 1)}: profit_spread.top_share(economics[{basis!r}]).{after}"
            if share == share
            else f"There is no {basis} to share on this data."
        ),
    )


def letting_go_question(wb, figures: dict, missing: dict) -> Prediction:
    """Predict: does profit go up or down when every loss-maker is let go and the hours
    stay paid? (Kaplan & Narayanan: dropping them does not remove the fixed costs.)"""
    now = figures["profit_now"]
    count = figures["accounts"]
    if now != now:
        why_not = "No account's profit after cost-to-serve is known on your data. " + missing.get(
            "profit", ""
        )
        expected, shown = None, ""
    elif count == 0:
        why_not = "No account loses money after cost-to-serve on your data: nobody to let go."
        expected, shown = None, ""
    else:
        why_not = ""
        falls = figures["margin"] > 0
        expected = {"down"} if falls else {"up"}
        shown = (
            f"{'down' if falls else 'up'}: from {wb.money(now)} to "
            f"{wb.money(figures['profit_if_costs_stay'])}. You lose their margin of "
            f"{wb.money(figures['margin'])} and keep paying the "
            f"{wb.money(figures['hours_cost'])} their {wb.number(figures['hours'])} hours cost"
            if falls
            else f"up: their margin is {wb.money(figures['margin'])}, below zero, so they "
            "lose money even before their hours are paid"
        )
    if expected:
        accounts = f"{count} of your accounts lose" if count != 1 else "1 of your accounts loses"
        told = f"{accounts} money after cost-to-serve. If you let them all go tomorrow"
    else:
        told = "if you let every account that loses money after cost-to-serve go tomorrow"
    return Prediction(
        3,
        f"Guess before you read on: {told} and the same people stay on the payroll (nothing "
        'new fills their hours), does your profit go up or down? Write "up" or "down".',
        expected,
        kind=CHOICE,
        shown=shown,
        why_not=why_not,
        lessons={
            "right": "You saw past the whale: the cost of the hours stays when the customer "
            "goes. The whale's peak is what mending the terms, or selling those hours to "
            "others, could reach; a goodbye alone does not.",
            "wrong": "The whale curve's peak assumes the cost of their hours leaves with "
            "them. In a small firm it mostly stays: the same people are paid, the same rent. "
            "What leaves is their margin. Mend the price and the terms first.",
        },
        hint="What leaves with a customer: its revenue and the cost on its invoice lines. "
        "What stays: the wages and the rent behind the hours you spent on it.",
        solution=(
            f"{shown}. Kaplan & Narayanan (2001): a loss-maker's share of fixed costs stays "
            "when it goes; a new price often mends the account."
            if expected
            else "Whatever your data: when a customer goes, its revenue and the cost on its "
            "invoice lines go with it; the wages and the rent behind its hours stay, unless "
            "you cut them or sell those hours to others."
        ),
    )


def _levers(row, wb) -> str:
    """What to change with one loss-making account, from text 002's signs it shows."""
    levers = []
    if "deep_discount" in row["reasons"]:
        levers.append(
            f"bring its price back towards list (it pays {wb.percent(row['discount_share'], 0)} "
            f"below, the typical account {wb.percent(row['typical_discount'], 0)})"
        )
    if "extra_work" in row["reasons"]:
        levers.append(
            f"bill the changes and meetings ({wb.number(row['unbilled_hours'])} h unbilled)"
        )
    if "squeezed" in row["reasons"]:
        levers.append(
            f"a rule for rush work: a surcharge, or no free slots "
            f"({wb.number(row['rush_orders'])} of {wb.number(row['orders'])} orders in a rush)"
        )
    if "disputes" in row["reasons"]:
        levers.append(
            f"prepayment, which ends the disputes ({wb.number(row['credit_notes'])} credit notes)"
        )
    if not levers:
        levers.append("a price that covers the hours it takes")
    text = "change: " + "; ".join(levers)
    if "every_sign" in row["reasons"]:
        text += (
            ". If it says no to fair terms, suggest a competitor that fits it better: it "
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

    question = (
        "Choose and argue: which of the accounts that lose money do you talk to first, and "
        "what do you change (the price, prepayment, a rule for rush work)? Write its id and "
        'your reason: answer_5 = ("C0012", "because ...").'
    )
    basis = listed["basis"].iloc[0] if len(listed) else None
    losing = listed.loc[listed["action"] != KEEP] if len(listed) else listed
    if basis not in ("profit", "margin"):
        why_not = (
            "Your data has neither the cost on invoice lines nor hours, so no account can be "
            "seen losing money. " + " ".join(missing.get(k, "") for k in ("cost", "hours"))
        ).strip()
        return Argue(5, question, {}, why_not=why_not, solution="")
    if losing.empty:
        return Argue(
            5,
            question,
            {},
            why_not=f"No account loses money on your data ({BASIS_WORDS[basis]}): there is "
            "nobody to talk to about a loss.",
            solution="",
        )
    label = "profit after cost-to-serve" if basis == "profit" else "margin"
    largest_loss = -float(losing["value"].min())
    total_loss = -float(losing["value"].sum())
    options, weaker = {}, {}
    for row in losing.to_dict("records"):
        loss = -row["value"]
        levers = _levers(row, wb)
        reasons = []
        if loss >= HALF * largest_loss:
            reasons.append(
                f"it loses {wb.money(loss)} a year ({label}), {wb.percent(loss / total_loss, 0)} "
                "of all the losses: one change there is worth the most"
            )
        if "loved" in row["reasons"]:
            reasons.append(
                f"it loses {wb.money(loss)} and the team loves working with it: the easiest "
                "customer to talk to about price"
            )
        if "big" in row["reasons"]:
            reasons.append(
                f"it brings {wb.percent(row['revenue_share'], 1)} of your revenue with none of "
                "the signs of extra work: the one most worth keeping, at a fair price"
            )
        if reasons:
            options[row["customer_id"]] = "; ".join(reasons) + f"; {levers}"
        else:
            weaker[row["customer_id"]] = (
                f"it loses {wb.money(loss)}, less than half of the largest loss "
                f"({wb.money(largest_loss)}): start where the most money leaks, and come back "
                "to it"
            )
    keep = listed.loc[listed["action"] == KEEP, "customer_id"].tolist()
    for customer in [*keep[:5], *table.index[:3]]:
        if customer in options or customer in weaker or customer not in table.index:
            continue
        value = table.loc[customer, basis]
        weaker[customer] = (
            f"it makes money ({label} {wb.money(value)}): there is no loss to talk about; "
            "keep it and delight it"
        )
    told = "; ".join(f"{key}: {why}" for key, why in options.items())
    return Argue(
        5,
        question,
        options,
        weaker=weaker,
        hint="Read the shortlist above: how much each account loses, and which of text "
        "002's signs it shows. Where is the most money at stake? Who would listen to you?",
        solution=f"Defensible: {told}. Whichever you choose, change the terms, not the tone: "
        "never tell anyone that a customer is difficult.",
    )
