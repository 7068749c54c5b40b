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
