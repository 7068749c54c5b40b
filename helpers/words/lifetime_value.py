"""In words: what losing a customer costs, and the budget what-if (notebook 05).

The numbers come from :mod:`helpers.analysis.lifetime_value`; here they become sentences
and readable tables in the reader's language.

>>> from helpers.language import Language
>>> customer_label("average customer", Language("fi")), customer_label("Aalto Oy", Language("fi"))
('keskimääräinen asiakas', 'Aalto Oy')
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis.lifetime_value import AVERAGE_CUSTOMER
from helpers.language import Language


def customer_label(label, lang: Language) -> str:
    """A row of the :func:`~helpers.analysis.lifetime_value.cost_of_losing` table by name: the
    average customer in the reader's language, an account by its own name."""
    return lang._(AVERAGE_CUSTOMER) if label == AVERAGE_CUSTOMER else label


def lifetime_in_words(
    result: dict, retention: float, acquisition_cost: float, lang: Language
) -> str:
    """What an average customer, the largest account and a new customer are worth.

    In: the result of :func:`~helpers.analysis.lifetime_value.cost_of_losing`, the retention
    and acquisition cost it was computed with, ``lang``.
    """
    _, money = lang._, lang.money
    if retention != retention:
        return _(
            "Retention can't be measured yet (it needs two years of invoices), so lifetime "
            "values can't be computed. Export a longer history to see them."
        )
    table = result["table"]
    average = table.iloc[0]
    new = result["new_customer"]
    text = [
        _(
            "With {retention} of customers staying each year, an average customer is worth "
            "{value} in margin over the horizon ({margin} a year now)."
        ).format(
            retention=lang.percent(retention),
            value=money(average["lifetime_value"]),
            margin=money(average["margin_12m"]),
        )
    ]
    if len(table) > 1:
        largest = table.iloc[1]
        text.append(
            _("Your largest account, {name}, is worth {value}.").format(
                name=table.index[1], value=money(largest["lifetime_value"])
            )
        )
        if largest["new_customers_to_replace"] == largest["new_customers_to_replace"]:
            text.append(
                _(
                    "A new customer brings about {margin} margin a year and is worth {net} "
                    "after the {cost} it costs to win. Replacing {name} takes about {count} new "
                    "customers, and {spend} to win them."
                ).format(
                    margin=money(new["margin_per_year"]),
                    net=money(new["net_value"]),
                    cost=money(acquisition_cost),
                    name=table.index[1],
                    count=lang.number(largest["new_customers_to_replace"]),
                    spend=money(largest["acquisition_spend"]),
                )
            )
    if not new["net_value"] > 0:
        text.append(
            _(
                "A new customer is worth less than the {cost} it costs to win (or can't be "
                "estimated): no number of new customers pays back a lost one."
            ).format(cost=money(acquisition_cost))
        )
    return "\n".join(text)


def lifetime_readable(table: pd.DataFrame, lang: Language) -> pd.DataFrame:
    """The :func:`~helpers.analysis.lifetime_value.cost_of_losing` table to show: readable
    headers, locale numbers."""
    _ = lang._
    labels = [customer_label(label, lang) for label in table.index]
    out = pd.DataFrame(index=pd.Index(labels, name=_("customer")))
    out[_("revenue, 12 months")] = table["revenue_12m"].map(lang.money).to_numpy()
    out[_("margin, 12 months")] = table["margin_12m"].map(lang.money).to_numpy()
    out[_("lifetime value")] = table["lifetime_value"].map(lang.money).to_numpy()
    out[_("new customers to replace")] = (
        table["new_customers_to_replace"].map(lang.number).to_numpy()
    )
    out[_("cost of winning them")] = table["acquisition_spend"].map(lang.money).to_numpy()
    return out


def budget_what_if_readable(what_if: dict, lang: Language) -> pd.DataFrame:
    """The :func:`~helpers.analysis.lifetime_value.budget_what_if` table to show: readable
    headers, locale numbers."""
    _ = lang._
    table = what_if["table"]
    out = pd.DataFrame(index=pd.Index([_("as now"), _("moved")], name=_("scenario")))
    out[_("winning budget")] = table["winning_budget"].map(lang.money).to_numpy()
    out[_("keeping budget")] = table["keeping_budget"].map(lang.money).to_numpy()
    out[_("new customers a year")] = (
        table["new_customers"].map(lambda v: lang.number(v, 1)).to_numpy()
    )
    out[_("retention")] = table["retention"].map(lang.percent).to_numpy()
    out[_("value of new customers")] = table["value_of_new"].map(lang.money).to_numpy()
    out[_("value of customers kept")] = table["value_of_existing"].map(lang.money).to_numpy()
    out[_("total")] = table["total_value"].map(lang.money).to_numpy()
    return out


def budget_what_if_in_words(what_if: dict, lang: Language) -> str:
    """The what-if in sentences: what moving the money wins or loses, and the break-even."""
    _, money, number = lang._, lang.money, lang.number
    table, break_even = what_if["table"], what_if["break_even"]
    now, moved = table.loc["as now"], table.loc["moved"]
    if moved["total_value"] != moved["total_value"]:
        return _("The what-if needs retention and a new customer's value; one of them is unknown.")
    difference = moved["total_value"] - now["total_value"]
    text = [
        (
            _(
                "Moving {moved} a year from winning to keeping means {fewer} fewer new customers "
                "a year. If it lifts retention from {before} to {after}, the total lifetime "
                "value grows by {change}."
            )
            if difference >= 0
            else _(
                "Moving {moved} a year from winning to keeping means {fewer} fewer new customers "
                "a year. If it lifts retention from {before} to {after}, the total lifetime "
                "value falls by {change}."
            )
        ).format(
            moved=money(moved["keeping_budget"]),
            fewer=number(now["new_customers"] - moved["new_customers"], 1),
            before=lang.percent(now["retention"]),
            after=lang.percent(moved["retention"]),
            change=money(abs(difference)),
        )
    ]
    if break_even == break_even:
        text.append(
            _(
                "It pays as soon as retention rises by {points} percentage points or more: ask "
                "yourself whether that money could do it."
            ).format(points=number(100 * break_even, 1))
        )
    else:
        text.append(_("Even keeping every customer would not make up for the new customers lost."))
    return "\n".join(text)
