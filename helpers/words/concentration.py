"""In words: dependence on a few customers (notebook 01).

The figures come from :mod:`helpers.analysis.concentration`; the sentences and the
readable stress-test table are written here, in the reader's language.
"""

from __future__ import annotations

import pandas as pd

from helpers.language import Language


def stress_test_readable(
    stress: pd.DataFrame, names: pd.Series | None, lang: Language
) -> pd.DataFrame:
    """The ``analysis.concentration.stress_test`` table ready to show: customer names,
    formatted money and shares.

    In: ``stress`` from ``stress_test``; ``names`` (display name per customer_id,
    e.g. ``company.customer_names()``; ids stay when unknown, None: ids only);
    ``lang`` (``wb.lang``).
    Out: DataFrame of text, the scenarios translated as index, columns "customers
    leaving", "customers left", "revenue, last 12 months", "revenue lost", "margin, last
    12 months", "margin lost" (in the reader's language). The margin columns are left
    out when the invoices have no ``cost``.

    >>> from helpers.language import ENGLISH
    >>> stress = pd.DataFrame({"customers_removed": ["", "A"], "customers": [2, 1],
    ...     "revenue": [900.0, 300.0], "revenue_lost_share": [0.0, 2 / 3],
    ...     "margin": [float("nan")] * 2, "margin_lost_share": [float("nan")] * 2},
    ...     index=["all customers", "without the largest customer"])
    >>> stress_test_readable(stress, pd.Series({"A": "Alpha Oy"}), ENGLISH).iloc[1].tolist()
    ['Alpha Oy', '1', '€300', '66.7%']
    """
    _ = lang._
    names = names if names is not None else pd.Series(dtype=object)

    def named(ids: str) -> str:
        return ", ".join(str(names.get(i, i)) for i in ids.split(", ") if i) or "–"

    out = pd.DataFrame(index=stress.index)
    out[_("customers leaving")] = stress["customers_removed"].map(named)
    out[_("customers left")] = stress["customers"].astype(int).map(lang.number)
    out[_("revenue, last 12 months")] = stress["revenue"].map(lang.money)
    out[_("revenue lost")] = stress["revenue_lost_share"].map(lang.percent)
    if stress["margin"].notna().any():
        out[_("margin, last 12 months")] = stress["margin"].map(lang.money)
        out[_("margin lost")] = stress["margin_lost_share"].map(lang.percent)
    out.index = [_(label) for label in out.index]
    return out


def concentration_in_words(figures: dict, as_of: pd.Timestamp | str, lang: Language) -> str:
    """The figures of ``analysis.concentration.concentration_figures`` as three sentences.

    >>> from helpers.language import ENGLISH
    >>> figures = {"customers": 3, "revenue_total": 100.0, "largest_customer_share": 0.5,
    ...            "top5_share": 1.0, "top20_revenue_share": 0.5, "hhi": 0.38,
    ...            "effective_customers": 2.63}
    >>> print(concentration_in_words(figures, "2024-12-31", ENGLISH))
    3 customers brought €100 up to 31 Dec 2024.
    The largest brought 50.0%, the top 5 100.0%, the top 20 % of customers 50.0%.
    HHI 0.380: as concentrated as if 2.6 equal customers brought all revenue.
    """
    _ = lang._
    return "\n".join(
        [
            _("{customers} customers brought {revenue} up to {date}.").format(
                customers=lang.number(figures["customers"]),
                revenue=lang.money(figures["revenue_total"]),
                date=lang.date(as_of),
            ),
            _(
                "The largest brought {largest}, the top 5 {top5}, the top 20 % of customers "
                "{top20}."
            ).format(
                largest=lang.percent(figures["largest_customer_share"]),
                top5=lang.percent(figures["top5_share"]),
                top20=lang.percent(figures["top20_revenue_share"]),
            ),
            _(
                "HHI {hhi}: as concentrated as if {effective} equal customers brought all revenue."
            ).format(
                hhi=lang.number(figures["hhi"], 3),
                effective=lang.number(figures["effective_customers"], 1),
            ),
        ]
    )
