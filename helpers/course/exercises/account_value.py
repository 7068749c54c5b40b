"""Exercises of notebook 03 (account value and profitability after cost-to-serve)."""

from __future__ import annotations

from helpers.course.exercises.base import NUMBER, SHARE, THOUGHT, Exercise
from helpers.language import ENGLISH

NAN = float("nan")


def questions(wb) -> tuple[Exercise, Exercise, Exercise, Exercise, Exercise]:
    """Notebook 03: margin per hour, losing accounts, the whale curve, rank moves, a dilemma."""
    from helpers.analysis import account_value, profit_spread, profitability
    from helpers.analysis.plan import vision_accounts
    from helpers.words.profitability import missing_in_words

    company = wb.company
    hourly_cost = wb.choices.hourly_cost_for(company.settings)
    table = profitability.account_economics(wb.invoices, company.hours, wb.as_of, hourly_cost)
    # what to add, in English like every exercise's text
    missing = missing_in_words(
        profitability.what_is_missing(wb.invoices, company.hours, hourly_cost), ENGLISH
    )
    whale = profit_spread.whale_figures(table["profit"])
    no_profit = missing.get("profit", "")

    losing = whale["accounts_losing_money_share"]
    q2 = Exercise(
        2,
        "What share of the accounts of the last 12 months lose money after cost-to-serve? "
        "(In percent: 12 for 12 %; not the number of accounts.)",
        losing,
        kind=SHARE,
        absolute=0.005,
        hint="Count the accounts whose profit after cost-to-serve is below zero, and divide "
        "by the number of accounts in the table: (economics['profit'] < 0).mean().",
        solution=(
            f"{wb.percent(losing)}: {whale['accounts_losing_money']} of {whale['accounts']} "
            "accounts, whale['accounts_losing_money_share']."
            if losing == losing
            else f"There is no profit after cost-to-serve on this data. {no_profit}"
        ),
    )
    top20 = whale["top20_profit_share"]
    q3 = Exercise(
        3,
        "What share of all profit after cost-to-serve do the top 20 % of accounts make? "
        "(In percent: 85 for 85 %.)",
        top20,
        kind=SHARE,
        absolute=0.005,
        hint="Sort the accounts by profit, take the first fifth (rounded up), add up their "
        "profit and divide by the profit of all accounts. Read it off the whale curve too.",
        solution=(
            f"{wb.percent(top20)}: whale['top20_profit_share']."
            if top20 == top20
            else f"It can't be computed on this data. {no_profit}"
        ),
    )
    largest = table.index[0] if len(table) else None
    per_hour = float(table["margin_per_hour"].iloc[0]) if largest is not None else NAN
    name = company.customer_names().get(largest, largest)
    q1 = Exercise(
        1,
        "What margin per logged hour does your largest account (by revenue) bring?",
        per_hour,
        kind=NUMBER,
        tolerance=0.01,
        hint="Margin (revenue − the cost on its invoice lines) divided by all the hours "
        "logged for it in the last 12 months. The largest account is the first row of the "
        "economics table.",
        solution=(
            f"{wb.money(per_hour, 2)} per hour for {name}: economics['margin_per_hour'].iloc[0]. "
            f"Compare it with your hourly cost ({wb.money(hourly_cost)}): what is left is "
            "what one hour for this customer really earns."
            if per_hour == per_hour
            else "It needs both the cost on invoice lines and hours.csv. "
            + " ".join(missing.get(k, "") for k in ("cost", "hours")).strip()
        ),
    )
    scores, _ = account_value.read_scores(company.folder)
    accounts = account_value.accounts_to_score(
        wb.invoices, wb.as_of, company.customers, keys=vision_accounts(wb.plan)
    )
    profile = account_value.value_profile(table, account_value.team_scores(scores), accounts)
    moves = account_value.rank_sensitivity(profile)
    moving = float((moves["moves"] > 0).sum()) if len(moves) else NAN
    q4 = Exercise(
        4,
        "With the default weights, how many scored accounts change rank when one weight is "
        "dropped or doubled?",
        moving,
        kind=NUMBER,
        absolute=0.0,
        hint="Look at the rank-range plot: count the accounts whose bar is longer than a dot "
        "(moves > 0 in the sensitivity table).",
        solution=(
            f"{moving:.0f} of {len(moves)} scored accounts: (sensitivity['moves'] > 0).sum()."
            if moving == moving
            else "There are no scores yet, so there is no ranking. Score a few accounts in "
            "the form (or in answers/account-values/<name>.csv) and run the notebook again."
        ),
    )
    q5 = Exercise(
        5,
        "Your team loves working with an account that loses money. What do you do?",
        None,
        kind=THOUGHT,
        solution="Keep the warmth and fix the economics. Emotional value is a resource: a "
        "pleasant customer is the easiest one to talk to about price. Look at where the "
        "money goes (the discount, the unbilled hours, the rush jobs), raise one of them "
        "openly ('from next month, changes after approval are billed by the hour'), and "
        "see what happens. If it still loses money after a fair offer, let it go politely; "
        "liking someone is not a reason to pay for their work. And if the account brings "
        "learning or references, put a number on what that is worth to you: is it worth "
        "the loss?",
    )
    return q1, q2, q3, q4, q5
