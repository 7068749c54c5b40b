"""In words: the commitment matrix and the customers at risk (notebook 05).

The tables and cells come from :mod:`helpers.analysis.commitment`; here they are put in
sentences and readable tables in the reader's language (cell names and actions from the
catalogs, numbers, money and dates in the reader's locale).

>>> from helpers.language import Language
>>> cell_name("prisoner", Language("fi"))
'vanki'
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.analysis.commitment import (
    ACTIONS,
    CELL_NAMES,
    EMOTIONAL_TIE,
    IDEAL,
    PRISONER,
    RISK,
    has_contract_dates,
    has_survey_answers,
    matrix_summary,
)
from helpers.language import Language


def cell_name(cell: str, lang: Language) -> str:
    """A cell of the matrix (``"emotional tie"``) by its name in the reader's language."""
    return lang._(CELL_NAMES[cell])


def matrix_in_words(
    matrix: pd.DataFrame,
    lang: Language,
    customers_switch_on: str = "",
    survey_switch_on: str = "",
) -> str:
    """The commitment matrix in a few sentences, and what data would sharpen it.

    In: the table from :func:`helpers.analysis.commitment.commitment_matrix`; ``lang``;
    the sentences saying what file to add (``CUSTOMERS.switches_on``,
    ``SURVEY.switches_on``, in the reader's language).
    """
    _, number = lang._, lang.number
    summary = matrix_summary(matrix)
    buying = summary["buying_12m"]
    lines = [
        _(
            "{customers} customers placed; {buying} of them bought in the last 12 months: "
            "ideal {ideal}, prisoner {prisoner}, emotional tie {tie}, risk {risk}."
        ).format(
            customers=number(summary["customers"].sum()),
            buying=number(buying.sum()),
            ideal=number(buying[IDEAL]),
            prisoner=number(buying[PRISONER]),
            tie=number(buying[EMOTIONAL_TIE]),
            risk=number(buying[RISK]),
        )
    ]
    low = summary.loc[[PRISONER, RISK]]
    share = low["revenue_share"].sum() if summary["revenue_share"].notna().any() else np.nan
    if share == share and has_survey_answers(matrix):  # without answers everyone is "low"
        lines.append(
            _(
                "Customers with low commitment (prisoners and risks) brought {revenue} in the "
                "last 12 months, {share} of the revenue."
            ).format(revenue=lang.money(low["revenue_12m"].sum()), share=lang.percent(share))
        )
    if not has_contract_dates(matrix):
        lines.append(
            _(
                "There are no contract end dates, so nobody counts as bound: everyone sits in "
                "the bottom row."
            )
            + " "
            + (customers_switch_on or _("Add a contract_end column to customers.csv."))
        )
    if not has_survey_answers(matrix):
        lines.append(
            _(
                "There are no survey answers, so nobody counts as committed: everyone sits in "
                "the left column."
            )
            + " "
            + survey_switch_on
        )
    else:
        unasked = int((matrix["commitment_basis"] != "survey").sum())
        if unasked:
            lines.append(
                _(
                    "{count} customers never answered the survey; they count as low commitment "
                    "until you hear otherwise."
                ).format(count=number(unasked))
            )
    return "\n".join(line.strip() for line in lines)


def matrix_summary_readable(matrix: pd.DataFrame, lang: Language) -> pd.DataFrame:
    """:func:`~helpers.analysis.commitment.matrix_summary` to show: translated cells, headers
    and actions, locale numbers."""
    _ = lang._
    summary = matrix_summary(matrix)
    out = pd.DataFrame(index=pd.Index([cell_name(c, lang) for c in summary.index], name=_("cell")))
    out[_("customers")] = summary["customers"].map(lang.number).to_numpy()
    out[_("buying now")] = summary["buying_12m"].map(lang.number).to_numpy()
    out[_("answered the survey")] = summary["answered"].map(lang.number).to_numpy()
    out[_("revenue, 12 months")] = summary["revenue_12m"].map(lang.money).to_numpy()
    out[_("share of revenue")] = summary["revenue_share"].map(lang.percent).to_numpy()
    out[_("what to do")] = [_(ACTIONS[c]) for c in summary.index]
    return out


def at_risk_readable(rows: pd.DataFrame, lang: Language) -> pd.DataFrame:
    """The :func:`~helpers.analysis.commitment.at_risk` list to show: translated cells and
    headers, locale numbers."""
    _ = lang._
    out = pd.DataFrame(index=pd.Index(rows["customer_id"], name=_("customer")))
    out[_("name")] = rows["name"].to_numpy()
    out[_("cell")] = [cell_name(c, lang) for c in rows["cell"]]
    out[_("contract ends")] = rows["contract_end"].map(lang.date).to_numpy()
    out[_("revenue, 12 months")] = rows["revenue_12m"].map(lang.money).to_numpy()
    return out


def at_risk_in_words(
    rows: pd.DataFrame, horizon_months: float, matrix: pd.DataFrame, lang: Language
) -> str:
    """One or two sentences on the at-risk list (or why it is empty)."""
    _ = lang._
    if not has_contract_dates(matrix):
        return _(
            "No contract end dates, so no binding can run out: the at-risk list is empty. "
            "Add contract_end (YYYY-MM-DD) to customers.csv to fill it."
        )
    if rows.empty:
        return _(
            "No prisoner or risk customer has a contract ending within {months} months. "
            "Nothing to call about today; look again next quarter."
        ).format(months=lang.short(horizon_months))
    return _(
        "{count} customers with low commitment have a contract ending within {months} "
        "months. Together they brought {revenue} in the last 12 months: that is the revenue "
        "at stake if they don't renew."
    ).format(
        count=lang.number(len(rows)),
        months=lang.short(horizon_months),
        revenue=lang.money(rows["revenue_12m"].sum()),
    )
