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

    _ = wb.lang._
    survey = wb.company.survey
    boxes = satisfaction.box_shares(survey, wb.as_of)
    top2 = boxes["top2_box_share"]
    q1 = Exercise(
        1,
        _(
            "What share of the survey answers say satisfied or very satisfied (4 or 5)? "
            "(In percent: 75 for 75 %.)"
        ),
        top2,
        kind=SHARE,
        absolute=0.005,
        hint=_(
            "Add up the two highlighted bars of the satisfaction plot, or read the "
            "first sentence under it."
        ),
        solution=(
            _("{share}: satisfaction.box_shares(...)['top2_box_share'].").format(
                share=wb.percent(top2)
            )
            if top2 == top2
            else _("There are no survey answers on this data, so there is nothing to count.")
        ),
    )
    by_score = satisfaction.repurchase_by_score(wb.invoices, survey, wb.as_of)
    rate_5 = float(by_score.loc[satisfaction.VERY_SATISFIED, "rate"])
    q2 = Exercise(
        2,
        _(
            "Of the very satisfied answers (5) you can follow for a year, what share bought "
            "again? (In percent: 90 for 90 %.)"
        ),
        rate_5,
        kind=SHARE,
        absolute=0.005,
        hint=_(
            "Look at the green bar of the repurchase plot, or the 'rate' column of the "
            "table above it, row 5."
        ),
        solution=(
            _(
                "{rate}: {repurchased} of {followed} answers were followed by a purchase "
                "within 12 months."
            ).format(
                rate=wb.percent(rate_5),
                repurchased=wb.number(int(by_score.loc[5, "repurchased"])),
                followed=wb.number(int(by_score.loc[5, "followed"])),
            )
            if rate_5 == rate_5
            else _(
                "No answer of 5 is a full year old on this data (or there is no survey), so "
                "the rate can't be measured yet."
            )
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
        _("How many customers are on the at-risk list (horizon {months} months)?").format(
            months=wb.lang.short(horizon_months)
        ),
        counted,
        kind=NUMBER,
        tolerance=0,
        hint=_("Count the rows of the at-risk table, or read the sentence above it."),
        solution=(
            _(
                "{count}: len(commitment.at_risk(matrix, horizon_months)). Prisoners and risks "
                "whose contract ends within the horizon; a customer without a survey answer in "
                "the last 24 months has an unknown commitment and is not on the list."
            ).format(count=wb.number(counted))
            if counted == counted
            else _("There are no contract end dates on this data, so the list can't be made.")
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
        _("How many new customers would it take to replace your largest account?"),
        count,
        kind=NUMBER,
        tolerance=0,
        absolute=0.5,
        hint=_(
            "Divide the largest account's lifetime value by what one new customer is worth "
            "after the cost of winning it, and round up. The plot writes it beside the bar."
        ),
        solution=(
            _("{count}: its lifetime value {value} / {net} per new customer, rounded up.").format(
                count=wb.number(count),
                value=wb.money(table["lifetime_value"].iloc[1]),
                net=wb.money(cost["new_customer"]["net_value"]),
            )
            if count == count
            else _(
                "It can't be computed on this data: retention needs two years of invoices, "
                "a new customer's retention needs customers who first bought at least two "
                "years ago, and a new customer must be worth more than it costs to win."
            )
        ),
    )
    q7 = Exercise(
        7,
        _("A customer is a prisoner: a contract, but low commitment. What would you do?"),
        None,
        kind=THOUGHT,
        solution=" ".join(
            (
                _(
                    "Don't wait for the renewal date and hope. Ask what isn't working, now, "
                    "while the contract still gives you time to fix it."
                ),
                _(
                    "If the contract itself is the problem (they feel locked in), loosen it: a "
                    "shorter term, an exit clause, or a binding the customer wants, like the "
                    "design agency that sells the design phase on its own and credits its price "
                    "if the customer orders the full delivery."
                ),
                _(
                    "The aim is to move the customer to 'ideal'. If it can't be fixed, part on "
                    "good terms: a prisoner talks about you to others."
                ),
            )
        ),
    )
    return q1, q2, q3, q4, q5, q6, q7


def still_buying_questions(wb) -> tuple[Prediction, Exercise]:
    """Section 4's two: which of two of the company's customers is more likely gone (a
    guess before the model's chances show), and the share of the last 12 months' revenue
    that came from customers probably gone (computed by the learner)."""
    from helpers.analysis import still_buying
    from helpers.words.still_buying import reason_in_words

    _ = wb.lang._
    model = still_buying.still_buying(wb.invoices, wb.as_of)
    names = wb.company.customer_names()
    why_not = (
        ""
        if model.fit.fitted
        else _("The model can't be fitted on your invoices: {reason}").format(
            reason=reason_in_words(model.fit.reason, wb.lang)
        )
    )
    pair = still_buying.silence_pair(model.summary, model.outlook)
    if pair is None:
        question = _(
            "Which of two of your customers is more likely no longer buying? (Your data has "
            "no two customers the model tells apart.)"
        )
        expected, shown = None, ""
        why_not = why_not or _("No two of your repeat buyers have different chances.")
    else:
        first, second = sorted([pair["gone"], pair["quiet"]], key=str)

        def told(cid) -> str:
            name = names.get(cid, cid) if names is not None else cid
            return _(
                "{name} ({id}) bought on {purchases} different days in the last {days} days, "
                "the last time {silence} days ago"
            ).format(
                name=name,
                id=cid,
                purchases=wb.number(pair["purchases"][cid]),
                days=wb.number(pair["days"][cid]),
                silence=wb.number(pair["silence"][cid]),
            )

        question = _(
            "Two of your customers: {first}; {second}. Which of the two is more likely no "
            "longer buying? Write its id. Guess before you read on."
        ).format(first=told(first), second=told(second))
        gone, quiet = pair["gone"], pair["quiet"]
        expected = {gone, names.get(gone, gone)} if names is not None else gone
        shown = _(
            "{gone}: the chance it still buys is {p_gone}, against {p_quiet} for {quiet}"
        ).format(
            gone=gone,
            p_gone=wb.percent(pair["p_alive"][gone], 0),
            p_quiet=wb.percent(pair["p_alive"][quiet], 0),
            quiet=quiet,
        )
    q4 = Prediction(
        4,
        question,
        expected,
        kind=CHOICE,
        shown=shown,
        why_not=why_not,
        lessons={
            "right": _(
                "You read the rhythm, not only the silence: a silence counts against "
                "what is usual for that customer."
            ),
            "wrong": _(
                "The longer silence belongs to a customer who buys rarely: for it, a "
                "long gap is ordinary. The other one used to buy often, so even a shorter "
                "silence is far longer than its usual gap between purchases."
            ),
        },
        hint=_(
            "Compare each silence with the customer's usual gap between purchases: its days "
            "as a customer divided by its purchase days."
        ),
        solution=(
            _("{shown}. A silence means something only against the customer's own rhythm.").format(
                shown=shown
            )
            if pair is not None
            else _("Nothing to compare on this data.")
        ),
    )
    share = still_buying.revenue_share_probably_lost(wb.invoices, model.outlook, wb.as_of)
    q5 = Exercise(
        5,
        _(
            "Compute it: what share of the last 12 months' revenue came from customers the "
            "model thinks are probably no longer buying (a chance under 50 %)? Use the table "
            "`outlook` (its column p_alive) and wb.invoices. Write it as a percent: 25 for 25 %."
        ),
        share,
        kind=SHARE,
        absolute=0.005,
        mode=COMPUTE,
        why_not=why_not,
        hint=_(
            'recent = wb.invoices[wb.invoices["date"] > wb.window_start]; '
            'revenue = recent.groupby("customer_id")["amount"].sum(); '
            'lost = outlook.index[outlook["p_alive"] < 0.5]; '
            "then revenue.reindex(lost).sum() / revenue.sum()."
        ),
        solution=(
            _(
                "{share}: revenue in the last 12 months from the customers whose chance is "
                "under 50 %, divided by all revenue in those months. Money still coming in "
                "from customers the model gives up on is worth a call: the model knows only "
                "their rhythm, you know why they went quiet."
            ).format(share=wb.percent(share))
            if share == share
            else _(
                "It can't be computed on this data: the model has no fit, or there is no "
                "revenue in the last 12 months."
            )
        ),
    )
    return q4, q5
