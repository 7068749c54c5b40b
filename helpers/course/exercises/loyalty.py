"""Exercises of notebook 05 (commitment and loyalty)."""

from __future__ import annotations

from helpers.course.exercises.base import (
    CHOICE,
    COMPUTE,
    NUMBER,
    SHARE,
    THOUGHT,
    Exercise,
    Prediction,
)


def questions(
    wb,
    *,
    binding_from_months: float = 6,
    horizon_months: float = 12,
    margin_rate: float = 0.35,
    discount_rate: float = 0.08,
    horizon_years: int = 5,
    acquisition_cost: float = 800.0,
) -> tuple[Exercise, ...]:
    """Notebook 05: read off the satisfied share and the loyal share, count the at-risk
    list, predict which of two customers is more likely gone, compute the revenue of the
    customers probably gone, price the loss of the largest account, and think about a
    prisoner.

    The keyword arguments are the notebook's assumptions; pass the same values the
    notebook uses so that the expected answers match what the learner sees.
    """
    from helpers.analysis import commitment, freshness, lifetime_value, satisfaction

    survey = wb.company.survey
    boxes = satisfaction.box_shares(survey, wb.as_of)
    top2 = boxes["top2_box_share"]
    q1 = Exercise(
        1,
        "What share of the survey answers say satisfied or very satisfied (4 or 5)? "
        "(In percent: 75 for 75 %.)",
        top2,
        kind=SHARE,
        absolute=0.005,
        hint="Add up the two highlighted bars of the satisfaction plot, or read the "
        "first sentence under it.",
        solution=(
            f"{wb.percent(top2)}: satisfaction.box_shares(...)['top2_box_share']."
            if top2 == top2
            else "There are no survey answers on this data, so there is nothing to count."
        ),
    )
    by_score = satisfaction.repurchase_by_score(wb.invoices, survey, wb.as_of)
    rate_5 = float(by_score.loc[satisfaction.VERY_SATISFIED, "rate"])
    q2 = Exercise(
        2,
        "Of the very satisfied answers (5) you can follow for a year, what share bought again? "
        "(In percent: 90 for 90 %.)",
        rate_5,
        kind=SHARE,
        absolute=0.005,
        hint="Look at the green bar of the repurchase plot, or the 'rate' column of the "
        "table above it, row 5.",
        solution=(
            f"{wb.percent(rate_5)}: {int(by_score.loc[5, 'repurchased'])} of "
            f"{int(by_score.loc[5, 'followed'])} answers were followed by a purchase within "
            "12 months."
            if rate_5 == rate_5
            else "No answer of 5 is a full year old on this data (or there is no survey), so "
            "the rate can't be measured yet."
        ),
    )
    matrix = commitment.commitment_matrix(
        wb.invoices,
        wb.company.customers,
        survey,
        wb.as_of,
        binding_from_months=binding_from_months,
    )
    listed = commitment.at_risk(matrix, horizon_months)
    counted = commitment.at_risk_figures(listed, matrix)["at_risk_customers"]
    q3 = Exercise(
        3,
        f"How many customers are on the at-risk list (horizon {horizon_months:g} months)?",
        counted,
        kind=NUMBER,
        tolerance=0,
        hint="Count the rows of the at-risk table, or read the sentence above it.",
        solution=(
            f"{counted}: len(commitment.at_risk(matrix, horizon_months)). Prisoners and risks "
            "whose contract ends within the horizon; a customer without a survey answer in "
            "the last 24 months has an unknown commitment and is not on the list."
            if counted == counted
            else "There are no contract end dates on this data, so the list can't be made."
        ),
    )
    retention = freshness.retention_12m(wb.invoices, wb.as_of)
    cost = lifetime_value.cost_of_losing(
        wb.invoices,
        wb.as_of,
        retention,
        discount_rate=discount_rate,
        years=horizon_years,
        margin_rate=margin_rate,
        acquisition_cost=acquisition_cost,
        hours=wb.company.hours,
        hourly_cost=wb.choices.hourly_cost_for(wb.company.settings),
    )
    table = cost["table"]
    count = float(table["new_customers_to_replace"].iloc[1]) if len(table) > 1 else float("nan")
    q4, q5 = still_buying_questions(wb)
    q6 = Exercise(
        6,
        "How many new customers would it take to replace your largest account?",
        count,
        kind=NUMBER,
        tolerance=0,
        absolute=0.5,
        hint="Divide the largest account's lifetime value by what one new customer is worth "
        "after the cost of winning it, and round up. The plot writes it beside the bar.",
        solution=(
            f"{count:.0f}: its lifetime value {wb.money(table['lifetime_value'].iloc[1])} / "
            f"{wb.money(cost['new_customer']['net_value'])} per new customer, rounded up."
            if count == count
            else "It can't be computed on this data: retention needs two years of invoices, "
            "a new customer's retention needs customers who first bought at least two years "
            "ago, and a new customer must be worth more than it costs to win."
        ),
    )
    q7 = Exercise(
        7,
        "A customer is a prisoner: a contract, but low commitment. What would you do?",
        None,
        kind=THOUGHT,
        solution="Don't wait for the renewal date and hope. Ask what isn't working, now, "
        "while the contract still gives you time to fix it. If the contract itself is the "
        "problem (they feel locked in), loosen it: a shorter term, an exit clause, or a "
        "binding the customer wants, like the design agency that sells the design phase on "
        "its own and credits its price if the customer orders the full delivery. The aim is "
        "to move the customer to 'ideal'. If it can't be fixed, part on good terms: a "
        "prisoner talks about you to others.",
    )
    return q1, q2, q3, q4, q5, q6, q7


def still_buying_questions(wb) -> tuple[Prediction, Exercise]:
    """Section 4's two: which of two of the company's customers is more likely gone (a
    guess before the model's chances show), and the share of the last 12 months' revenue
    that came from customers probably gone (computed by the learner)."""
    from helpers.analysis import still_buying
    from helpers.words.still_buying import reason_in_words

    model = still_buying.still_buying(wb.invoices, wb.as_of)
    names = wb.company.customer_names()
    why_not = (
        ""
        if model.fit.fitted
        else "The model can't be fitted on your invoices: "
        + reason_in_words(model.fit.reason, wb.lang)
    )
    pair = still_buying.silence_pair(model.summary, model.outlook)
    if pair is None:
        question = (
            "Which of two of your customers is more likely no longer buying? (Your data has "
            "no two customers the model tells apart.)"
        )
        expected, shown = None, ""
        why_not = why_not or "No two of your repeat buyers have different chances."
    else:
        first, second = sorted([pair["gone"], pair["quiet"]], key=str)

        def told(cid) -> str:
            name = names.get(cid, cid) if names is not None else cid
            return (
                f"{name} ({cid}) bought on {pair['purchases'][cid]} different days in the "
                f"last {pair['days'][cid]:.0f} days, the last time {pair['silence'][cid]:.0f} "
                "days ago"
            )

        question = (
            f"Two of your customers: {told(first)}; {told(second)}. Which of the two is more "
            "likely no longer buying? Write its id. Guess before you read on."
        )
        gone, quiet = pair["gone"], pair["quiet"]
        expected = {gone, names.get(gone, gone)} if names is not None else gone
        shown = (
            f"{gone}: the chance it still buys is {wb.percent(pair['p_alive'][gone], 0)}, "
            f"against {wb.percent(pair['p_alive'][quiet], 0)} for {quiet}"
        )
    q4 = Prediction(
        4,
        question,
        expected,
        kind=CHOICE,
        shown=shown,
        why_not=why_not,
        lessons={
            "right": "You read the rhythm, not only the silence: a silence counts against "
            "what is usual for that customer.",
            "wrong": "The longer silence belongs to a customer who buys rarely: for it, a "
            "long gap is ordinary. The other one used to buy often, so even a shorter "
            "silence is far longer than its usual gap between purchases.",
        },
        hint="Compare each silence with the customer's usual gap between purchases: its days "
        "as a customer divided by its purchase days.",
        solution=(
            f"{shown}. A silence means something only against the customer's own rhythm."
            if pair is not None
            else "Nothing to compare on this data."
        ),
    )
    share = still_buying.revenue_share_probably_lost(wb.invoices, model.outlook, wb.as_of)
    q5 = Exercise(
        5,
        "Compute it: what share of the last 12 months' revenue came from customers the "
        "model thinks are probably no longer buying (a chance under 50 %)? Use the table "
        "`outlook` (its column p_alive) and wb.invoices. Write it as a percent: 25 for 25 %.",
        share,
        kind=SHARE,
        absolute=0.005,
        mode=COMPUTE,
        why_not=why_not,
        hint='recent = wb.invoices[wb.invoices["date"] > wb.window_start]; '
        'revenue = recent.groupby("customer_id")["amount"].sum(); '
        'lost = outlook.index[outlook["p_alive"] < 0.5]; '
        "then revenue.reindex(lost).sum() / revenue.sum().",
        solution=(
            f"{wb.percent(share)}: revenue in the last 12 months from the customers whose "
            "chance is under 50 %, divided by all revenue in those months. Money still "
            "coming in from customers the model gives up on is worth a call: the model "
            "knows only their rhythm, you know why they went quiet."
            if share == share
            else "It can't be computed on this data: the model has no fit, or there is no "
            "revenue in the last 12 months."
        ),
    )
    return q4, q5
