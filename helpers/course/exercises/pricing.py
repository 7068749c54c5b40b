"""Exercises of notebook 01 (pricing erosion and dependence), in reading order.

1. predict before you look: do long-standing customers pay less, the same or more?
2. look up: the erosion per tenure year;
3. thought: what else makes long-standing customers pay less;
4. compute: how many customers were won in the last 12 months, in one line of pandas;
5. look up: the share of the last 12 months' revenue from new customers;
6. predict before you look: the effective number of customers;
7. look up: the largest customer's share of all revenue;
8. look up: the share of the last 12 months that leaves with the largest customer;
9. choose and argue: whose price to review first, from the price-review list.
"""

from __future__ import annotations

import math

import pandas as pd

from helpers.course.exercises.base import (
    CHOICE,
    COMPUTE,
    NUMBER,
    SHARE,
    THOUGHT,
    Argue,
    Exercise,
    Prediction,
)
from helpers.language import ENGLISH, Language

LESS, SAME, MORE = "less", "same", "more"
# How a learner may write each direction of question 1
DIRECTION_WORDS = {
    LESS: {"less", "lower", "pay less", "cheaper", "less than new ones"},
    SAME: {"same", "the same", "about the same", "no difference", "no clear difference", "equal"},
    MORE: {"more", "higher", "pay more", "more than new ones"},
}
# Near-ties on the price-review list count as defensible too
MONEY_TIE, INDEX_TIE = 0.9, 0.01


def erosion_direction(erosion: dict) -> str | None:
    """Which way the price goes with tenure, as far as the 95 % interval can tell.

    :data:`LESS` when the whole interval of ``erosion_per_tenure_year`` is below zero,
    :data:`MORE` when it is above, :data:`SAME` when it spans zero (no clear change); None
    without an estimate.

    >>> erosion_direction({"erosion_per_tenure_year": -0.02, "erosion_ci_low": -0.03,
    ...                    "erosion_ci_high": -0.01})
    'less'
    >>> erosion_direction({"erosion_per_tenure_year": -0.01, "erosion_ci_low": -0.03,
    ...                    "erosion_ci_high": 0.01})
    'same'
    """
    rate = erosion.get("erosion_per_tenure_year", math.nan)
    low, high = erosion.get("erosion_ci_low", math.nan), erosion.get("erosion_ci_high", math.nan)
    if rate is None or not rate == rate:
        return None
    if high < 0:
        return LESS
    if low > 0:
        return MORE
    return SAME


def _change(value: float, percent, lang: Language = ENGLISH) -> str:
    """-0.021 → "2.1% less" (in ``lang``)."""
    template = lang._("{share} less") if value < 0 else lang._("{share} more")
    return template.format(share=percent(abs(value)))


def _count(value, lang: Language) -> str:
    """A count as the learner reads it: plain digits in English (as the answer is typed),
    the language's thousands separator in Finnish and Swedish."""
    return str(value) if lang.code == "en" else lang.number(value)


def direction_lessons(
    direction: str, erosion: dict, percent, lang: Language = ENGLISH
) -> tuple[str, dict]:
    """What question 1 shows once guessed (``shown``), and what a right or a wrong guess
    teaches (``lessons``), for the direction the data took, in ``lang`` (``wb.lang``)."""
    _ = lang._
    rate = erosion["erosion_per_tenure_year"]
    low, high = erosion["erosion_ci_low"], erosion["erosion_ci_high"]
    near, far = (high, low) if direction == LESS else (low, high)
    interval = _("95 % interval: {near} to {far}").format(
        near=_change(near, percent, lang), far=_change(far, percent, lang)
    )
    if direction == LESS:
        shown = _("less: about {change} for each year as a customer ({interval})")
        lessons = {
            "right": _(
                "You suspected it. Now look at the size: a few percent a year adds up over "
                "five or ten years, on your most loyal accounts."
            ),
            "wrong": _(
                "Most owners expect their loyal customers to pay as much as anyone, or "
                "more. The invoices say they pay less, and nobody decided it: the going price "
                "moved up while the old customers' prices were simply left alone."
            ),
        }
    elif direction == MORE:
        shown = _("more: about {change} for each year as a customer ({interval})")
        lessons = {
            "right": _(
                "Text 000's worry doesn't show in your invoices: your long-standing "
                "customers pay more. Find out why (index clauses? richer variants?) and keep it."
            ),
            "wrong": _(
                "Your long-standing customers pay more, not less: text 000's erosion does "
                "not show here. Before you relax, check whether they simply buy richer variants "
                "under the same product name."
            ),
        }
    else:
        shown = _("same: about {change} for each year as a customer ({interval})")
        lessons = {
            "right": _(
                "Right: the data can't tell a change either way. Erosion may still be "
                "there, too small or too noisy to see in these invoices."
            ),
            "wrong": _(
                "The data can't tell a change either way: the interval runs across zero. "
                "A guess of a clear change would need more lines, or more years, to be shown."
            ),
        }
    shown = shown.format(change=_change(rate, percent, lang), interval=interval)
    return shown, lessons


def review_first(
    review: pd.DataFrame, money, percent, lang: Language = ENGLISH
) -> tuple[dict, dict]:
    """The defensible first price reviews on the list of
    :func:`helpers.analysis.pricing.price_review_candidates`, each with its reason, and the
    other accounts on the list with why they are harder to defend.

    Only accounts that pay below the going price (``catch_up_12m`` > 0) can be defensible:
    the one with the most money at stake (the largest ``catch_up_12m``) and the one furthest
    below the going price (the lowest ``price_index_12m``), each with its near-ties (at
    least :data:`MONEY_TIE` of the most money; within :data:`INDEX_TIE` of the lowest
    index). Empty when nobody on the list pays below the going price. ``money`` and
    ``percent`` format the figures (``wb.money``, ``wb.percent``); ``lang`` (``wb.lang``)
    writes the reasons.

    >>> review = pd.DataFrame({"name": ["Alpha", "Beta", "Gamma"],
    ...     "revenue_12m": [1000.0, 5000.0, 800.0], "price_index_12m": [0.8, 0.9, 1.02],
    ...     "catch_up_12m": [250.0, 555.0, -16.0]}, index=["A", "B", "G"])
    >>> options, weaker = review_first(review, "€{:.0f}".format, "{:.0%}".format)
    >>> sorted(options), sorted(weaker)
    (['A', 'B'], ['G'])
    """
    paying_less = review.loc[review["catch_up_12m"] > 0]
    if paying_less.empty:
        return {}, {}
    most = paying_less["catch_up_12m"].max()
    lowest = paying_less["price_index_12m"].min()
    by_money = paying_less.index[paying_less["catch_up_12m"] >= MONEY_TIE * most]
    by_index = paying_less.index[paying_less["price_index_12m"] <= lowest + INDEX_TIE]
    top_money = paying_less["catch_up_12m"].idxmax()
    top_gap = paying_less["price_index_12m"].idxmin()

    def figures(who) -> tuple[str, str, str]:
        row = review.loc[who]
        below = percent(1 - row["price_index_12m"])
        return row["name"], below, money(row["catch_up_12m"])

    _ = lang._
    options, weaker = {}, {}
    for who in review.index:
        name, below, at_stake = figures(who)
        if who in by_money and who in by_index:
            options[who] = _(
                "{name}, the most money at stake: at the going price its last 12 months would "
                "have brought {at_stake} more; and the furthest below the going price ({below} "
                "below): the clearest case to make"
            ).format(name=name, at_stake=at_stake, below=below)
        elif who in by_money:
            options[who] = _(
                "{name}, the most money at stake: at the going price its last 12 months would "
                "have brought {at_stake} more"
            ).format(name=name, at_stake=at_stake)
        elif who in by_index:
            options[who] = _(
                "{name}, the furthest below the going price ({below} below): the clearest case "
                "to make"
            ).format(name=name, below=below)
        elif review.loc[who, "catch_up_12m"] > 0:
            weaker[who] = _(
                "{name} pays {below} below the going price with {at_stake} at stake: less on "
                "both counts than {top_money} ({top_money_at_stake} at stake) and {top_gap} "
                "({top_gap_below} below)"
            ).format(
                name=name,
                below=below,
                at_stake=at_stake,
                top_money=top_money,
                top_money_at_stake=figures(top_money)[2],
                top_gap=top_gap,
                top_gap_below=figures(top_gap)[1],
            )
        else:
            weaker[who] = _("{name} pays the going price or more: there is no gap to close").format(
                name=name
            )
    return options, weaker


def questions(wb) -> tuple[Exercise, ...]:
    """Notebook 01: guess the direction, read off erosion, think about its causes, count the
    new customers, read freshness, guess the effective number, read dependence, and argue
    whose price to review first."""
    from helpers.analysis.concentration import concentration_figures, stress_test
    from helpers.analysis.freshness import (
        data_start,
        new_customer_revenue_share_12m,
        new_customers_12m,
    )
    from helpers.analysis.pricing import price_analysis, price_review_candidates
    from helpers.words.pricing import erosion_reason_in_words, unit_prices_in_words

    lang = wb.lang
    _ = lang._
    analysis = price_analysis(wb.invoices, wb.as_of)
    erosion = analysis["erosion"]
    rate = erosion["erosion_per_tenure_year"]
    why = (
        erosion_reason_in_words(erosion, lang)
        if analysis["available"]
        else unit_prices_in_words(analysis["unit_prices"], lang)
    )
    direction = erosion_direction(erosion)
    shown, lessons = (
        direction_lessons(direction, erosion, wb.percent, lang) if direction else ("", {})
    )
    q1 = Prediction(
        1,
        _(
            "Guess first: for the same product, do long-standing customers pay less, the same "
            "or more than new ones? Write 'less', 'same' or 'more'."
        ),
        DIRECTION_WORDS[direction] if direction else None,
        kind=CHOICE,
        shown=shown,
        lessons=lessons,
        why_not=(
            ""
            if direction
            else _("Price erosion can't be measured on this data. {reason}").format(reason=why)
        ),
        hint=_(
            "There is nothing to look up yet: it is your guess. Think of your oldest "
            "customer: when did its price last change?"
        ),
        solution=(
            _("{shown}. The plot below shows it line by line.").format(shown=shown)
            if direction
            else _("Once the erosion figure below can be measured, this guess can be checked.")
        ),
    )
    q2 = Exercise(
        2,
        _(
            "By how much does the price change per extra year as a customer? (In percent: -2.1 "
            "for 2.1 % less.)"
        ),
        rate,
        kind=SHARE,
        absolute=0.002,
        hint=_(
            "Look for 'erosion per tenure year' printed under the price plot. A drop "
            "is negative: write -2.1 for 2.1 % less."
        ),
        solution=(
            _("{rate} per year of tenure: erosion['erosion_per_tenure_year'].").format(
                rate=wb.percent(rate)
            )
            if rate == rate
            else _("There is no estimate on this data: {why}").format(why=why)
        ),
    )
    q3 = Exercise(
        3,
        _("What else could make long-standing customers pay less?"),
        None,
        kind=THOUGHT,
        solution=_(
            "Volume: old customers often buy bigger batches and get quantity "
            "discounts. Mix: within one product name they may buy simpler "
            "variants. Contracts: a price fixed years ago and never indexed. "
            "Only the last one is erosion you can fix with a price review. To "
            "tell them apart, compare lines of similar quantity, look at the "
            "discount from list_price, and read a few old contracts."
        ),
    )

    won = new_customers_12m(wb.invoices, wb.as_of)
    active = int(wb.invoices.loc[wb.invoices["date"] > wb.window_start, "customer_id"].nunique())
    first = data_start(wb.invoices, wb.as_of)
    q4 = Exercise(
        4,
        _(
            "How many new customers did the company win in the last 12 months (customers whose "
            "first invoice falls in them)? Work it out with one line of pandas on wb.invoices."
        ),
        won,
        kind=NUMBER,
        tolerance=0,
        absolute=0,
        mode=COMPUTE,
        why_not=(
            ""
            if won == won
            else _(
                "Your invoices start on {start}, inside the last 12 months (which begin "
                "{begin}): every customer would look new, so the count would say nothing."
            ).format(
                start=wb.date(first) if first is not None else "–",
                begin=wb.date(wb.window_start + pd.Timedelta(days=1)),
            )
        ),
        hint=_(
            "wb.invoices.groupby('customer_id')['date'].min() gives each customer's first "
            "invoice date. Compare it with wb.window_start (the day before the last 12 months "
            "begin) and count the True values with .sum()."
        )
        + (
            " "
            + _(
                "Got {active}? That counts every customer who bought in the last 12 months, "
                "old ones too."
            ).format(active=_count(active, lang))
            if active != won
            else ""
        ),
        solution=(
            _(
                "{won}: (wb.invoices.groupby('customer_id')['date'].min() > wb.window_start)"
                ".sum(). The prospecting target at the end of this notebook prints the same "
                "count."
            ).format(won=_count(won, lang))
            if won == won
            else _("Export invoices from before the last 12 months to count new customers.")
        ),
    )
    share_new = new_customer_revenue_share_12m(wb.invoices, wb.as_of)
    q5 = Exercise(
        5,
        _(
            "What share of the last 12 months' revenue came from new customers? (In percent: "
            "11 for 11 %.)"
        ),
        share_new,
        kind=SHARE,
        absolute=0.005,
        hint=_(
            "New = first invoice within the last 12 months. The share is printed "
            "in the freshness section."
        ),
        solution=_("{share}: freshness.new_customer_revenue_share_12m().").format(
            share=wb.percent(share_new)
        ),
    )

    figures = concentration_figures(wb.invoices, wb.as_of)
    effective, customers = figures["effective_customers"], figures["customers"]
    effective_why = ""
    if customers == 1:
        effective = math.nan
        effective_why = _("With one customer the answer is 1 by definition.")
    elif not effective == effective:
        effective_why = _("The revenue is zero or negative: there are no shares to weigh.")
    else:
        effective = round(effective, 1)  # as shown: the gap is told from the same figure
    q6 = Prediction(
        6,
        _(
            "Guess first: your revenue is as concentrated as if it came in equal parts from "
            "how many customers? (The effective number of customers: write a count, like 40.)"
        ),
        effective,
        kind=NUMBER,
        tolerance=0.25,
        shown=(
            _("{effective} (for {customers} customers in all)").format(
                effective=wb.number(effective, 1), customers=_count(customers, lang)
            )
            if effective == effective
            else ""
        ),
        lessons={
            "close": _(
                "You have a good feel for how your revenue is spread. The stress test "
                "below shows what the largest customers weigh in money."
            ),
            "high": _(
                "Your revenue rests on fewer shoulders than your {customers} customers "
                "suggest: the weight sits with a few, and they may know it (text 000)."
            ).format(customers=_count(customers, lang)),
            "low": _(
                "Your revenue is spread wider than you feared: dependence is less of a "
                "risk for you than for many small firms. Still, look at the stress test below."
            ),
        },
        why_not=effective_why,
        hint=_(
            "Nothing to look up: guess. With 10 equal customers the answer would be 10; "
            "one large customer among many small ones pulls it far down."
        ),
        solution=(
            _("{effective}: 1 / HHI, figures['effective_customers'].").format(
                effective=wb.number(effective, 1)
            )
            if effective == effective
            else _("The figures below show how the revenue is spread.")
        ),
    )
    largest = figures["largest_customer_share"]
    q7 = Exercise(
        7,
        _("What share of all revenue comes from the largest customer? (In percent: 8 for 8 %.)"),
        largest,
        kind=SHARE,
        absolute=0.005,
        hint=_(
            "Divide the largest customer's revenue by all revenue, or read the "
            "first bar's label in the top-customers plot."
        ),
        solution=_("{share}: figures['largest_customer_share'].").format(share=wb.percent(largest)),
    )
    stress = stress_test(wb.invoices, wb.as_of)
    lost = float(stress["revenue_lost_share"].iloc[1])
    q8 = Exercise(
        8,
        _(
            "If the largest customer of the last 12 months left, what share of that revenue "
            "would go? (In percent: 10 for 10 %.)"
        ),
        lost,
        kind=SHARE,
        absolute=0.005,
        hint=_(
            "The stress test ranks customers by the last 12 months only, so the "
            "answer can differ from question 7."
        ),
        solution=_(
            "{share}: the 'revenue lost' column of the stress test, row 'without the largest "
            "customer'."
        ).format(share=wb.percent(lost)),
    )

    years = wb.choices.min_tenure_years
    review = price_review_candidates(
        wb.invoices, wb.as_of, years, top=5, names=wb.company.customer_names()
    )
    options, weaker = review_first(review, wb.money, wb.percent, lang)
    biggest = stress["customers_removed"].iloc[1]
    if biggest and biggest not in options and biggest not in weaker:
        name = wb.company.customer_names().get(biggest, biggest)
        weaker[biggest] = _(
            "{name} is your largest customer of the last 12 months ({share} of that revenue), "
            "but it is not on the price-review list: other long-standing accounts pay less "
            "against the going price. And the customer you depend on most is the riskiest one "
            "to practise a price talk on"
        ).format(name=name, share=wb.percent(lost))
    if not analysis["available"]:
        review_why = _("There is no price-review list on this data. {why}").format(why=why)
    elif review.empty:
        review_why = _(
            "No customer of {years}+ years (min_tenure_years) bought priced lines in the last "
            "12 months, so the price-review list is empty."
        ).format(years=wb.number(years))
    elif not options:
        review_why = _(
            "Every account on the price-review list pays the going price or more: there is "
            "no price gap to start with."
        )
    else:
        review_why = ""
    q9 = Argue(
        9,
        _(
            "Whose price would you review first, and why? Pick one account from the "
            "price-review list (its customer id) and give your reason, like "
            '("C0012", "because ...").'
        ),
        options,
        weaker=weaker,
        why_not=review_why,
        hint=_(
            "Two things matter: how much money is at stake ('at going price, +') and how "
            "far below the going price the account pays ('price index'). They need not point "
            "to the same account."
        ),
        solution=(
            _(
                "Defensible: {options}. Whichever you pick, read its price agreement first: a "
                "volume deal or an old contract may explain the gap. Don't call about the price "
                "alone: bring news or an offer it hasn't heard, so the price is one topic among "
                "others. Notebook 03 may find that the account costs more than it brings; then "
                "a higher price is also one of the polite ways to part (text 002)."
            ).format(options="; ".join(f"{who} ({reason})" for who, reason in options.items()))
            if options
            else _(
                "The exercise works once the price-review list shows an account that pays "
                "below the going price."
            )
        ),
    )
    return q1, q2, q3, q4, q5, q6, q7, q8, q9
