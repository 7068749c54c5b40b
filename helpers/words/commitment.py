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
    SURVEY,
    UNKNOWN,
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
            "ideal {ideal}, prisoner {prisoner}, emotional tie {tie}, risk {risk}, "
            "commitment unknown {unknown}."
        ).format(
            customers=number(summary["customers"].sum()),
            buying=number(buying.sum()),
            ideal=number(buying[IDEAL]),
            prisoner=number(buying[PRISONER]),
            tie=number(buying[EMOTIONAL_TIE]),
            risk=number(buying[RISK]),
            unknown=number(buying[UNKNOWN]),
        )
    ]
    low = summary.loc[[PRISONER, RISK]]
    share = low["revenue_share"].sum() if summary["revenue_share"].notna().any() else np.nan
    if share == share and has_survey_answers(matrix):  # without answers nobody is "low"
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
                "There are no survey answers from the last 24 months, so nobody's commitment "
                "is known: everyone sits in the column 'commitment unknown', and nobody is on "
                "the at-risk list."
            )
            + " "
            + survey_switch_on
        )
    else:
        unknown = int((matrix["commitment_basis"] != SURVEY).sum())
        if unknown:
            lines.append(
                _(
                    "{count} customers have no survey answer from the last 24 months (they "
                    "never answered, or only longer ago): their commitment is unknown, not "
                    "low. They sit in a column of their own, and never on the at-risk list: "
                    "ask them before you judge them."
                ).format(count=number(unknown))
            )
    dormant = int((~matrix["buying_12m"] & (matrix["cell"] == EMOTIONAL_TIE)).sum())
    if dormant:
        lines.append(
            _(
                "{count} customers in the emotional tie cell bought nothing in the last 12 "
                "months: a tie that no longer shows in the invoices. Check whether they still "
                "need you."
            ).format(count=number(dormant))
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
    out[_("answered in the last 24 months")] = summary["answered"].map(lang.number).to_numpy()
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
    rows: pd.DataFrame,
    horizon_months: float,
    matrix: pd.DataFrame,
    lang: Language,
    unknown: pd.DataFrame | None = None,
) -> str:
    """One or two sentences on the at-risk list (or why it is empty), and, with
    ``unknown`` (``commitment.unknown_ending``), the customers whose contract ends soon
    while nobody knows their commitment."""
    _ = lang._
    if not has_contract_dates(matrix):
        return _(
            "No contract end dates, so no binding can run out: the at-risk list is empty. "
            "Add contract_end (YYYY-MM-DD) to customers.csv to fill it."
        )
    if rows.empty:
        text = [
            _(
                "No prisoner or risk customer has a contract ending within {months} months. "
                "Nothing to call about today; look again next quarter."
            ).format(months=lang.short(horizon_months))
        ]
    else:
        text = [
            _(
                "{count} customers with low commitment have a contract ending within {months} "
                "months. Together they brought {revenue} in the last 12 months: that is the "
                "revenue at stake if they don't renew."
            ).format(
                count=lang.number(len(rows)),
                months=lang.short(horizon_months),
                revenue=lang.money(rows["revenue_12m"].sum()),
            )
        ]
    if unknown is not None and len(unknown):
        names = ", ".join(str(name) for name in unknown["name"].head(3))
        more = len(unknown) - min(len(unknown), 3)
        text.append(
            (
                _(
                    "Not on the list, because nobody knows their commitment: {names} and {more} "
                    "more, whose contract also ends within {months} months ({revenue} in the last "
                    "12 months). Ask them how it is going before the contract ends."
                )
                if more
                else _(
                    "Not on the list, because nobody knows their commitment: {names}, whose "
                    "contract also ends within {months} months ({revenue} in the last 12 months). "
                    "Ask them how it is going before the contract ends."
                )
            ).format(
                names=names,
                more=lang.number(more),
                months=lang.short(horizon_months),
                revenue=lang.money(unknown["revenue_12m"].sum()),
            )
        )
    return "\n".join(text)
