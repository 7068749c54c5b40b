"""In words: what losing a customer costs, and the budget what-if (notebook 05).

The numbers come from :mod:`helpers.analysis.lifetime_value`; here they become sentences
and readable tables in the reader's language.

>>> from helpers.language import Language
>>> customer_label("average customer", Language("fi")), customer_label("Aalto Oy", Language("fi"))
('keskimääräinen asiakas', 'Aalto Oy')
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis.lifetime_value import AVERAGE_CUSTOMER, PROFIT
from helpers.language import N_, Language

BASIS_WORDS = {  # what a year of a customer is worth, by the basis of cost_of_losing
    "profit": N_("profit after cost-to-serve"),
    "margin": N_("margin"),
}


def customer_label(label, lang: Language) -> str:
    """A row of the :func:`~helpers.analysis.lifetime_value.cost_of_losing` table by name: the
    average customer in the reader's language, an account by its own name."""
    return lang._(AVERAGE_CUSTOMER) if label == AVERAGE_CUSTOMER else label


def lifetime_in_words(
    result: dict, retention: float, acquisition_cost: float, lang: Language
) -> str:
    """What an average customer, the largest account and a new customer are worth, and
    what each lifetime value assumes, beside what the data measured.

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
    key = result["basis"]  # profit or margin
    basis = _(BASIS_WORDS[key])
    text = [
        _(
            "With {retention} of customers staying each year (the retention measured above), "
            "an average customer is worth {value} in {basis} over the next {years} years "
            "({yearly} a year now)."
        ).format(
            retention=lang.percent(retention),
            value=money(average["lifetime_value"]),
            basis=basis,
            years=lang.number(result["years"]),
            yearly=money(average["value_12m"]),
        )
    ]
    if result["basis"] == PROFIT:
        text.append(
            _(
                "A year of a customer is its profit after cost-to-serve, as in notebook 03: "
                "margin minus the hours logged for it at {hourly} an hour."
            ).format(hourly=money(result["hourly_cost"]))
        )
    else:
        text.append(
            _(
                "A year of a customer is its margin: the hours spent serving it are not "
                "counted. Add hours.csv and an hourly_cost to company.toml to count them, as "
                "notebook 03 does."
            )
        )
    if len(table) > 1:
        largest = table.iloc[1]
        text.append(
            _("Your largest account, {name}, is worth {value}.").format(
                name=table.index[1], value=money(largest["lifetime_value"])
            )
        )
    if new["retention"] == new["retention"]:
        text.append(
            _(
                "A new customer stays less often: of the {customers} customers who first "
                "bought at least two years ago, {returned} bought again in their second year. "
                "So a new customer's lifetime value assumes {new_retention} a year, not "
                "{retention}."
            ).format(
                customers=lang.number(new["retention_customers"]),
                returned=lang.number(new["retention_returned"]),
                new_retention=lang.percent(new["retention"]),
                retention=lang.percent(retention),
            )
        )
    else:
        text.append(
            _(
                "A new customer's retention can't be measured yet: nobody first bought at least "
                "two years before the analysis date. So what a new customer is worth, and how "
                "many it takes to replace a lost one, are left out."
            )
        )
        return "\n".join(text)
    if (
        len(table) > 1
        and largest["new_customers_to_replace"] == largest["new_customers_to_replace"]
    ):
        text.append(
            _(
                "A new customer brings about {margin} a year and is worth {net} after the "
                "{cost} it costs to win. Replacing {name} takes about {count} new customers, "
                "and {spend} to win them."
            ).format(
                margin=money(new["value_per_year"]),
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
    headers, locale numbers (the profit column only where hours are known)."""
    _ = lang._
    labels = [customer_label(label, lang) for label in table.index]
    out = pd.DataFrame(index=pd.Index(labels, name=_("customer")))
    out[_("revenue, 12 months")] = table["revenue_12m"].map(lang.money).to_numpy()
    out[_("margin, 12 months")] = table["margin_12m"].map(lang.money).to_numpy()
    if "profit_12m" in table and table["profit_12m"].notna().any():
        out[_("profit after cost-to-serve, 12 months")] = (
            table["profit_12m"].map(lang.money).to_numpy()
        )
    out[_("lifetime value")] = table["lifetime_value"].map(lang.money).to_numpy()
    if "lifetime_value_model" in table and table["lifetime_value_model"].notna().any():
        out[_("lifetime value by its own rhythm")] = (
            table["lifetime_value_model"].map(lang.money).to_numpy()
        )
    out[_("new customers to replace")] = (
        table["new_customers_to_replace"].map(lang.number).to_numpy()
    )
    out[_("cost of winning them")] = table["acquisition_spend"].map(lang.money).to_numpy()
    return out


def budget_what_if_readable(what_if: dict, lang: Language) -> pd.DataFrame:
    """The :func:`~helpers.analysis.lifetime_value.budget_what_if` table to show: readable
    headers, locale numbers; the horizon on both rows."""
    _ = lang._
    table = what_if["table"]
    out = pd.DataFrame(index=pd.Index([_("as now"), _("moved")], name=_("scenario")))
    out[_("winning budget a year")] = table["winning_budget"].map(lang.money).to_numpy()
    out[_("keeping budget a year")] = table["keeping_budget"].map(lang.money).to_numpy()
    out[_("new customers a year")] = (
        table["new_customers"].map(lambda v: lang.number(v, 1)).to_numpy()
    )
    out[_("retention")] = table["retention"].map(lang.percent).to_numpy()
    out[_("new customers' retention")] = (
        table["new_customer_retention"].map(lang.percent).to_numpy()
    )
    out[_("years counted")] = table["years"].map(lang.number).to_numpy()
    out[_("value of new customers")] = table["value_of_new"].map(lang.money).to_numpy()
    out[_("value of customers kept")] = table["value_of_existing"].map(lang.money).to_numpy()
    out[_("total")] = table["total_value"].map(lang.money).to_numpy()
    return out


def budget_what_if_in_words(
    what_if: dict, lang: Language, new_customers_12m: int | None = None
) -> str:
    """The what-if in sentences: both sides over the same years, the net result and the
    break-even; with ``new_customers_12m`` (``cost_of_losing``'s), how many new customers
    the assumptions win a year beside how many the invoices show."""
    _, money, number = lang._, lang.money, lang.number
    table, break_even, sides = what_if["table"], what_if["break_even"], what_if["sides"]
    now, moved = table.loc["as now"], table.loc["moved"]
    if moved["total_value"] != moved["total_value"]:
        return _("The what-if needs retention and a new customer's value; one of them is unknown.")
    years = number(sides["years"])
    text = []
    if new_customers_12m is not None:
        text.append(
            _(
                "Your assumptions win {assumed} new customers a year; your invoices show "
                "{measured} won in the last 12 months. If the two are far apart, adjust "
                "acquisition_budget or acquisition_cost."
            ).format(assumed=number(now["new_customers"], 1), measured=number(new_customers_12m))
        )
    text.append(
        _(
            "Both sides count the same {years} years: the money moves every year, and the "
            "lift in retention lasts as long as the money is spent."
        ).format(years=years)
    )
    text.append(
        _(
            "Moving {moved} a year from winning to keeping means {fewer} fewer new customers "
            "each year; over the {years} years they would have brought {lost}."
        ).format(
            moved=money(moved["keeping_budget"]),
            fewer=number(now["new_customers"] - moved["new_customers"], 1),
            years=years,
            lost=money(sides["lost"]),
        )
    )
    text.append(
        _(
            "If it lifts retention by {points} points (customers you have: {before} → "
            "{after}; new customers: {new_before} → {new_after}), the customers you keep bring "
            "{gained} more over the same {years} years."
        ).format(
            points=number(100 * (moved["retention"] - now["retention"]), 1),
            before=lang.percent(now["retention"]),
            after=lang.percent(moved["retention"]),
            new_before=lang.percent(now["new_customer_retention"]),
            new_after=lang.percent(moved["new_customer_retention"]),
            gained=money(sides["gained"]),
            years=years,
        )
    )
    difference = sides["difference"]
    text.append(
        (
            _("Net: moving the money wins {change} over {years} years.")
            if difference >= 0
            else _("Net: moving the money loses {change} over {years} years.")
        ).format(change=money(abs(difference)), years=years)
    )
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


def model_lifetime_in_words(result: dict, lang: Language, why_not: str | None = None) -> str:
    """The lifetime values by each customer's own rhythm (BG/NBD × Gamma-Gamma) beside the
    ones by everyone's retention, or why they are left out (``why_not``, a sentence)."""
    _, money = lang._, lang.money
    table = result["table"]
    if "lifetime_value_model" not in table or table["lifetime_value_model"].isna().all():
        reason = why_not or _("the models could not be fitted on this data.")
        return _("The lifetime values by each customer's own rhythm are left out: {reason}").format(
            reason=reason
        )
    average = table.iloc[0]
    text = _(
        "By each customer's own rhythm (the chance it still buys and its expected purchases "
        "from section 4, times its expected spend per purchase), an average customer of the "
        "last 12 months is worth {model} over {years} years, against {simple} with "
        "everyone's retention."
    ).format(
        model=money(average["lifetime_value_model"]),
        years=lang.number(result["years"]),
        simple=money(average["lifetime_value"]),
    )
    if (
        len(table) > 1
        and table["lifetime_value_model"].iloc[1] == table["lifetime_value_model"].iloc[1]
    ):
        largest = table.iloc[1]
        text += " " + _(
            "Your largest account, {name}: {model} against {simple}. Where the two differ "
            "much, the customer's rhythm is not the average one: believe the one that fits "
            "what you know of the customer, and ask."
        ).format(
            name=customer_label(table.index[1], lang),
            model=money(largest["lifetime_value_model"]),
            simple=money(largest["lifetime_value"]),
        )
    return text
