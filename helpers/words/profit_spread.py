"""In words: the whale curve and the price × cost-to-serve map (notebook 03).

The figures and the map come from :mod:`helpers.analysis.profit_spread`; here they are
told in the reader's language.
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis.profit_spread import QUADRANTS
from helpers.language import Language
from helpers.words.profitability import accounts_in_words, missing_in_words


def whale_in_words(figures: dict, lang: Language) -> str:
    """The whale curve told in three sentences (or why it can't be drawn).

    In: the dict of ``profit_spread.whale_figures``, ``lang`` (``wb.lang``).

    >>> from helpers.analysis.profit_spread import whale_figures
    >>> from helpers.language import ENGLISH
    >>> figures = whale_figures(pd.Series({"a": 60.0, "b": 50.0, "c": -10.0}))
    >>> print(whale_in_words(figures, ENGLISH))  # doctest: +NORMALIZE_WHITESPACE
    3 accounts made €100 profit after cost-to-serve in the period; 1 of them (33.3%) lost
    money, €10 in all. The most profitable 67% of accounts made 110% of the profit; the rest
    gave 10% of it away. The top 20 % of accounts by profit made 60% of all profit.
    """
    _, money, percent = lang._, lang.money, lang.percent
    n = figures["accounts"]
    if not n:
        return _("There is no profit after cost-to-serve to show on this data.")
    total = figures["profit_total"]
    text = [
        _(
            "{accounts} made {total} profit after cost-to-serve in the period; {losing} of them "
            "({share}) lost money, {loss} in all."
        ).format(
            accounts=accounts_in_words(n, lang),
            total=money(total),
            losing=lang.number(figures["accounts_losing_money"]),
            share=percent(figures["accounts_losing_money_share"]),
            loss=money(figures["loss_total"]),
        )
    ]
    if total > 0:
        text.append(
            _(
                "The most profitable {share} of accounts made {peak} of the profit; the rest gave "
                "{given} of it away."
            ).format(
                share=percent(figures["whale_peak_accounts_share"], 0),
                peak=percent(figures["whale_peak_share"], 0),
                given=percent(figures["whale_peak_share"] - 1, 0),
            )
        )
        text.append(
            _("The top 20 % of accounts by profit made {share} of all profit.").format(
                share=percent(figures["top20_profit_share"], 0)
            )
        )
    else:
        text.append(_("All accounts together made no profit, so shares of it can't be computed."))
    return " ".join(text)


def map_in_words(price_map: pd.DataFrame, missing: set[str], lang: Language) -> str:
    """How many accounts sit in each corner of the map, or what the map needs.

    In: ``profit_spread.price_cost_map``, the codes of ``profitability.what_is_missing``,
    ``lang``. Out: a line per corner and one on the loss-makers, or a sentence.

    Example: ``print(map_in_words(price_cost_map(economics), missing, wb.lang))``
    """
    _ = lang._
    if price_map.empty:
        needs = missing_in_words(missing, lang)
        return (
            needs.get("list_price")
            or needs.get("profit")
            or _("No account has both a list price and logged hours in the period.")
        )
    counts = price_map["quadrant"].value_counts()
    lines = [
        f"{accounts_in_words(int(counts.get(q, 0)), lang)}: {_(q)}" for q in QUADRANTS.values()
    ]
    costly = price_map[price_map["quadrant"] == QUADRANTS[(False, True)]]
    losing = int((costly["profit"] < 0).sum())
    lines.append(
        _("Of those that pay little and are costly to serve, {count} lose money.").format(
            count=lang.number(losing)
        )
    )
    return "\n".join(lines)


def letting_go_in_words(figures: dict, missing: set[str], lang: Language) -> str:
    """What letting the loss-makers go would do to profit, told with both bounds.

    In: the dict of ``profit_spread.letting_go``, the codes of
    ``profitability.what_is_missing``, ``lang``. The whale curve's peak holds only if the
    cost of their hours leaves with them; if the hours are still paid, profit falls by
    their margin.

    >>> from helpers.language import ENGLISH
    >>> figures = {"accounts": 1, "loss": 10.0, "margin": 30.0, "hours": 2.0,
    ...            "hours_cost": 40.0, "profit_now": 100.0, "profit_if_costs_go": 110.0,
    ...            "profit_if_costs_stay": 70.0}
    >>> print(letting_go_in_words(figures, set(), ENGLISH))  # doctest: +ELLIPSIS
    If you let go the 1 account that loses money, the whale curve promises €110 of profit ...
    """
    _, money = lang._, lang.money
    if figures["profit_now"] != figures["profit_now"]:
        return missing_in_words(missing, lang).get("profit") or _(
            "There is no profit after cost-to-serve to show on this data."
        )
    if figures["accounts"] == 0:
        return _("No account loses money after cost-to-serve: there is nobody to let go.")
    text = [
        _(
            "If you let go the {accounts} that loses money, the whale curve promises {go} of "
            "profit instead of {now}."
        ).format(
            accounts=accounts_in_words(figures["accounts"], lang),
            go=money(figures["profit_if_costs_go"]),
            now=money(figures["profit_now"]),
        )
        if figures["accounts"] == 1
        else _(
            "If you let go the {accounts} that lose money, the whale curve promises {go} of "
            "profit instead of {now}."
        ).format(
            accounts=accounts_in_words(figures["accounts"], lang),
            go=money(figures["profit_if_costs_go"]),
            now=money(figures["profit_now"]),
        )
    ]
    if figures["margin"] > 0:
        text.append(
            _(
                "That holds only if the {cost} their {hours} h cost leaves with them: people "
                "who leave, or hours sold to other customers at once. If the same people are "
                "paid and nothing fills those hours, you lose their margin of {margin} and "
                "keep the costs: profit falls to {stay}. Your firm lands somewhere between "
                "the two: how many of those hours could you sell to others, or stop paying for?"
            ).format(
                cost=money(figures["hours_cost"]),
                hours=lang.number(figures["hours"]),
                margin=money(figures["margin"]),
                stay=money(figures["profit_if_costs_stay"]),
            )
        )
    else:
        text.append(
            _(
                "Their margin is below zero: they lose money even before their hours are "
                "paid, so letting them go raises profit to at least {stay}, whatever happens "
                "to the hours."
            ).format(stay=money(figures["profit_if_costs_stay"]))
        )
    text.append(
        _(
            "Mend the terms first (the price, the hours you bill, a rule for rush work, "
            "prepayment): that keeps the margin and cuts the loss."
        )
    )
    return " ".join(text)
