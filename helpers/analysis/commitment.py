"""The commitment matrix: binding against commitment, and the customers at risk.

Notebook 05, part 1. Ideas from text 003 of the course brief (commitment, not
imprisonment).

Every function takes validated frames (invoices: ``customer_id``, ``date``,
``amount``; customers: ``customer_id``, optional ``contract_end``; survey: see
:mod:`helpers.analysis.satisfaction`) and an explicit ``as_of`` date. Windows are
``(start, end]``: open on the left, closed on the right, as everywhere in the workbook
(:mod:`helpers.analysis.windows`). The cells are codes (``"ideal"``, ``"prisoner"``,
``"emotional tie"``, ``"risk"``, and ``"unknown"`` for the customers whose commitment
nobody has heard about in the last 24 months); their names, the actions and the
sentences about the matrix in the reader's language are in :mod:`helpers.words.commitment`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.analysis.satisfaction import PROMOTER_FROM, VERY_SATISFIED, latest_answers
from helpers.analysis.windows import in_window, window_mask
from helpers.language import N_

DAYS_PER_MONTH = 365.25 / 12

PRISONER, IDEAL, RISK, EMOTIONAL_TIE = "prisoner", "ideal", "risk", "emotional tie"
UNKNOWN = "unknown"  # no survey answer in the last ANSWER_VALID_DAYS: commitment not known
CELLS = (IDEAL, PRISONER, EMOTIONAL_TIE, RISK, UNKNOWN)
ANSWER_VALID_DAYS = 730  # a survey answer tells a customer's commitment for 24 months
# commitment_basis: where a customer's commitment comes from
SURVEY, OLD_ANSWER, NO_ANSWER = "survey", "old answer", "no answer"
# what to do with a customer in each cell (text 003; the wording is ours)
ACTIONS = {
    IDEAL: N_("Renew early, on terms the customer finds useful; ask for a reference."),
    PRISONER: N_("Find out what is wrong before the contract ends: fix it, or part on good terms."),
    EMOTIONAL_TIE: N_(
        "Check the service still fits their needs; offer a binding they would want (a "
        "design phase credited on the full delivery)."
    ),
    RISK: N_(
        "They feel they take a risk with you: lower it. Ask how it is going, show what they "
        "get, and offer a small commitment they would want (a trial, a design phase)."
    ),
    UNKNOWN: N_(
        "Ask before you judge: a check-up call or a short survey. You have not heard from "
        "them in two years, so they are neither loyal nor lost as far as you know."
    ),
}
CELL_NAMES = {
    IDEAL: N_("ideal"),
    PRISONER: N_("prisoner"),
    EMOTIONAL_TIE: N_("emotional tie"),
    RISK: N_("risk"),
    UNKNOWN: N_("commitment unknown"),
}
AT_RISK_COLUMNS = ["customer_id", "name", "cell", "contract_end", "revenue_12m"]


def revenue_12m_by_customer(invoices: pd.DataFrame, as_of: pd.Timestamp) -> pd.Series:
    """Revenue of each customer (every one up to as_of) in ``(as_of − 365 d, as_of]``; 0 if none.

    >>> lines = pd.DataFrame({"customer_id": ["A", "A", "B"], "amount": [100.0, 200.0, 50.0],
    ...                       "date": pd.to_datetime(["2024-06-01", "2025-06-01", "2024-01-01"])})
    >>> revenue_12m_by_customer(lines, pd.Timestamp("2025-12-31")).to_dict()
    {'A': 200.0, 'B': 0.0}
    """
    lines = invoices.loc[invoices["date"] <= as_of]
    ids = pd.Index(sorted(lines["customer_id"].unique()), name="customer_id")
    window = in_window(lines, as_of)
    revenue = window.groupby("customer_id", sort=False)["amount"].sum().reindex(ids, fill_value=0.0)
    return revenue.astype(float).rename("revenue_12m")


def recent_answers(survey: pd.DataFrame | None, as_of: pd.Timestamp) -> pd.DataFrame | None:
    """The survey answers that still tell a customer's commitment: dated in
    ``(as_of − 730 d, as_of]`` (:data:`ANSWER_VALID_DAYS`). None without a survey.

    >>> answers = pd.DataFrame({"customer_id": ["A", "A"], "satisfaction": [5, 3],
    ...                         "date": pd.to_datetime(["2024-01-01", "2024-01-02"])})
    >>> recent_answers(answers, pd.Timestamp("2025-12-31"))["satisfaction"].tolist()
    [3]
    """
    if survey is None:
        return None
    return survey.loc[window_mask(survey["date"], as_of, days=ANSWER_VALID_DAYS)]


def commitment_matrix(
    invoices: pd.DataFrame,
    customers: pd.DataFrame | None,
    survey: pd.DataFrame | None,
    as_of: pd.Timestamp,
    *,
    binding_from_months: float = 6,
    names: pd.Series | None = None,
) -> pd.DataFrame:
    """Place every customer in the commitment matrix of text 003.

    **Binding** (by the firm) comes from ``contract_end`` in customers.csv:
    ``months_left`` = (contract_end − as_of) in months, 0 when it has ended,
    ``nan`` when there is no contract. Binding is *high* when at least
    ``binding_from_months`` are left; no contract, an ended one or one about to end
    is *low*.

    **Commitment** (the customer's own) comes from the customer's latest survey
    answer in the last 24 months, ``(as_of − 730 d, as_of]`` (:data:`ANSWER_VALID_DAYS`):
    *high* when very satisfied (5) or a promoter (recommend 9–10, from an answer in
    those 24 months), *low* otherwise. A customer with no answer in those 24 months (an
    older one, or none) has an *unknown* commitment: unknown is not low, and such a
    customer is never a prisoner or a risk (``commitment_basis``: :data:`SURVEY`,
    :data:`OLD_ANSWER` or :data:`NO_ANSWER`).

    Cells: high/high ideal, high binding/low commitment prisoner, low binding/high
    commitment emotional tie, low/low risk; unknown commitment, bound or not,
    :data:`UNKNOWN` (``binding`` still says which); ``action`` is what to do (``ACTIONS``).

    Out: DataFrame indexed by ``customer_id`` (every customer in invoices up to
    as_of), with ``name``, ``revenue_12m``, ``buying_12m`` (a positive line in the
    last 12 months), ``contract_end``, ``months_left``,
    ``binding``, ``satisfaction``, ``recommend``, ``commitment``,
    ``commitment_basis``, ``cell``, ``action``; sorted by revenue_12m, largest first.

    >>> lines = pd.DataFrame({"customer_id": ["A", "B"], "amount": [100.0, 50.0],
    ...                       "date": pd.to_datetime(["2025-06-01", "2025-03-01"])})
    >>> ends = pd.DataFrame({"customer_id": ["A", "B"],
    ...                      "contract_end": pd.to_datetime(["2027-01-01", None])})
    >>> answers = pd.DataFrame({"customer_id": ["A", "B"], "satisfaction": [3, 5],
    ...                         "date": pd.to_datetime(["2025-02-01", "2023-06-01"])})
    >>> commitment_matrix(lines, ends, answers, pd.Timestamp("2025-12-31"))["cell"].to_dict()
    {'A': 'prisoner', 'B': 'unknown'}
    """
    revenue = revenue_12m_by_customer(invoices, as_of)
    table = revenue.to_frame()
    table.insert(0, "name", revenue.index if names is None else names.reindex(revenue.index))
    table["name"] = table["name"].fillna(pd.Series(revenue.index, index=revenue.index))
    recent = invoices.loc[window_mask(invoices["date"], as_of) & (invoices["amount"] > 0)]
    table.insert(2, "buying_12m", table.index.isin(recent["customer_id"]))
    if customers is not None and "contract_end" in customers.columns:
        ends = customers.drop_duplicates("customer_id").set_index("customer_id")["contract_end"]
        table["contract_end"] = ends.reindex(table.index)
    else:
        table["contract_end"] = pd.Series(pd.NaT, index=table.index, dtype="datetime64[ns]")
    days_left = (table["contract_end"] - as_of).dt.days
    table["months_left"] = (days_left.clip(lower=0) / DAYS_PER_MONTH).round(1)
    bound = table["months_left"] >= binding_from_months
    table["binding"] = np.where(bound, "high", "low")
    ever = latest_answers(survey, as_of).reindex(table.index)
    answers = latest_answers(recent_answers(survey, as_of), as_of).reindex(table.index)
    table["satisfaction"] = answers["satisfaction"]
    table["recommend"] = answers["recommend"]
    known = answers["answered"].notna()
    committed = (answers["satisfaction"] == VERY_SATISFIED) | (
        answers["recommend"] >= PROMOTER_FROM
    )
    table["commitment"] = np.select([~known, committed], [UNKNOWN, "high"], "low")
    table["commitment_basis"] = np.select(
        [known, ever["answered"].notna()], [SURVEY, OLD_ANSWER], NO_ANSWER
    )
    table["cell"] = np.select(
        [~known, bound & committed, bound & ~committed, ~bound & committed],
        [UNKNOWN, IDEAL, PRISONER, EMOTIONAL_TIE],
        RISK,
    )
    table["action"] = table["cell"].map(ACTIONS)
    return table.sort_values(["revenue_12m", "name"], ascending=[False, True], kind="stable")


def matrix_summary(matrix: pd.DataFrame) -> pd.DataFrame:
    """Customers and revenue of the last 12 months per cell, with the action.

    Out: DataFrame indexed by ``cell`` (all five, in the order ideal, prisoner,
    emotional tie, risk, unknown): ``customers``, ``buying_12m`` (of them, buying in the
    last 12 months), ``answered`` (with a survey answer in the last 24 months),
    ``bound`` (with high binding), ``revenue_12m``, ``revenue_share``, ``action``.
    """
    grouped = matrix.groupby("cell")
    summary = pd.DataFrame(
        {
            "customers": grouped.size(),
            "buying_12m": grouped["buying_12m"].sum(),
            "answered": (matrix["commitment_basis"] == SURVEY).groupby(matrix["cell"]).sum(),
            "bound": (matrix["binding"] == "high").groupby(matrix["cell"]).sum(),
            "revenue_12m": grouped["revenue_12m"].sum(),
        }
    ).reindex(list(CELLS))
    counts = ["customers", "buying_12m", "answered", "bound"]
    summary[counts] = summary[counts].fillna(0).astype(int)
    summary["revenue_12m"] = summary["revenue_12m"].fillna(0.0)
    total = summary["revenue_12m"].sum()
    summary["revenue_share"] = summary["revenue_12m"] / total if total > 0 else np.nan
    summary["action"] = [ACTIONS[cell] for cell in summary.index]
    summary.index.name = "cell"
    return summary


def at_risk(matrix: pd.DataFrame, horizon_months: float = 12) -> pd.DataFrame:
    """Prisoners and risks whose contract ends within ``horizon_months`` of as_of.

    Customers with low commitment (measured: a survey answer in the last 24 months)
    whose binding is about to go: the list to call before the contract runs out. A
    customer whose commitment is unknown is never on it (see :func:`unknown_ending`); nor
    is a contract that has already ended (0 months left), nor a customer without one.

    Out: DataFrame with ``customer_id``, ``name``, ``cell``, ``contract_end``,
    ``revenue_12m`` (the revenue at stake), sorted by revenue, largest first.

    Example: ``at_risk(commitment_matrix(...), horizon_months=12)``
    """
    months = matrix["months_left"]
    chosen = matrix["cell"].isin([PRISONER, RISK]) & (months > 0) & (months <= horizon_months)
    rows = matrix.loc[chosen].reset_index()
    rows = rows.sort_values(["revenue_12m", "customer_id"], ascending=[False, True], kind="stable")
    return rows[AT_RISK_COLUMNS].reset_index(drop=True)


def unknown_ending(matrix: pd.DataFrame, horizon_months: float = 12) -> pd.DataFrame:
    """Customers whose contract ends within ``horizon_months`` while nobody knows their
    commitment (no survey answer in 24 months): not at risk as far as anyone knows, but
    worth asking before the contract ends. The columns of :func:`at_risk`.
    """
    months = matrix["months_left"]
    chosen = (matrix["cell"] == UNKNOWN) & (months > 0) & (months <= horizon_months)
    rows = matrix.loc[chosen].reset_index()
    rows = rows.sort_values(["revenue_12m", "customer_id"], ascending=[False, True], kind="stable")
    return rows[AT_RISK_COLUMNS].reset_index(drop=True)


# --- what the data allows ----------------------------------------------------------------


def has_contract_dates(matrix: pd.DataFrame) -> bool:
    """Does any customer in the matrix have a contract end date?"""
    return bool(matrix["contract_end"].notna().any())


def has_survey_answers(matrix: pd.DataFrame) -> bool:
    """Has any customer in the matrix answered the survey in the last 24 months?"""
    return bool((matrix["commitment_basis"] == SURVEY).any())


def at_risk_figures(rows: pd.DataFrame, matrix: pd.DataFrame) -> dict:
    """Headline figures ``at_risk_customers`` and ``at_risk_revenue_12m``.

    ``nan`` when no customer has a contract end date, or nobody answered the survey in the
    last 24 months (the list can't be made: nobody's commitment is known).
    """
    if not has_contract_dates(matrix) or not has_survey_answers(matrix):
        return {"at_risk_customers": float("nan"), "at_risk_revenue_12m": float("nan")}
    return {
        "at_risk_customers": int(len(rows)),
        "at_risk_revenue_12m": float(rows["revenue_12m"].sum()),
    }
