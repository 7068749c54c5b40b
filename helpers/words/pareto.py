"""In words: the 80/20 rule and the ABC classes (notebook 02).

The figures come from :func:`helpers.analysis.pareto.pareto_figures`; here they are told
in the reader's language.

>>> from helpers.language import Language
>>> figures = {"customers": 0, "top20_revenue_share": float("nan")}
>>> pareto_in_words(figures, Language("en"))
'No customer has positive revenue yet, so there is no 80/20 split to show.'
"""

from __future__ import annotations

import math

from helpers.language import Language


def pareto_in_words(figures: dict, lang: Language) -> str:
    """Three or four sentences on the 80/20 figures, for the notebook and the report.

    In: the dict of ``pareto.pareto_figures``, ``lang``. Out: one sentence a line.
    """
    _ = lang._
    if figures["customers"] == 0 or math.isnan(figures["top20_revenue_share"]):
        return _("No customer has positive revenue yet, so there is no 80/20 split to show.")
    text = [
        _(
            "The largest {top} of your customers ({count} of {customers}) brought {share} of all "
            "revenue."
        ).format(
            top=lang.percent(0.2, 0),
            count=lang.number(figures["top20_customers"]),
            customers=lang.number(figures["customers"]),
            share=lang.percent(figures["top20_revenue_share"]),
        ),
        _(
            "{eighty} of revenue came from the largest {share} of customers ({count} of them)."
        ).format(
            eighty=lang.percent(0.8, 0),
            share=lang.percent(figures["customer_share_for_80"]),
            count=lang.number(figures["customers_for_80"]),
        ),
        _(
            "Gini coefficient {gini} (0 = every customer brings the same, 1 = one customer brings "
            "everything)."
        ).format(gini=lang.number(figures["gini"], 2)),
    ]
    recent = figures["top20_revenue_share_12m"]
    if not math.isnan(recent):
        text.append(
            _("In the last 12 months alone the largest {top} brought {share}.").format(
                top=lang.percent(0.2, 0), share=lang.percent(recent)
            )
        )
    return "\n".join(text)


def abc_in_words(summary, lang: Language) -> str:
    """What the ABC classes look like on this data: how many customers each class holds
    and what share of the value they bring.

    In: ``pareto.abc_summary``, ``lang``.

    >>> import pandas as pd
    >>> from helpers.language import ENGLISH
    >>> summary = pd.DataFrame({"customers": [45, 27, 29],
    ...     "customer_share": [0.446, 0.267, 0.287], "value_share": [0.807, 0.144, 0.049]},
    ...     index=["A", "B", "C"])
    >>> print(abc_in_words(summary, ENGLISH))
    Class A: 45 customers, 44.6% of those who bought in the last 12 months, bring 80.7% of the \
value. Class B: 27 customers (26.7%) bring 14.4%; class C: 29 customers (28.7%) bring 4.9%.
    """
    _ = lang._
    if not summary["customers"].sum():
        return _("Nobody bought in the last 12 months, so there are no ABC classes.")
    a, b, c = (summary.loc[k] for k in ("A", "B", "C"))
    return _(
        "Class A: {a} customers, {a_share} of those who bought in the last 12 months, bring "
        "{a_value} of the value. Class B: {b} customers ({b_share}) bring {b_value}; class C: "
        "{c} customers ({c_share}) bring {c_value}."
    ).format(
        a=lang.number(a["customers"]),
        a_share=lang.percent(a["customer_share"]),
        a_value=lang.percent(a["value_share"]),
        b=lang.number(b["customers"]),
        b_share=lang.percent(b["customer_share"]),
        b_value=lang.percent(b["value_share"]),
        c=lang.number(c["customers"]),
        c_share=lang.percent(c["customer_share"]),
        c_value=lang.percent(c["value_share"]),
    )
