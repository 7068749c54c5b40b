"""``lists.xlsx``: every list the notebooks saved, one sheet each, for people.

The CSVs (``segments.csv`` …) keep their column names and codes, for tools; the workbook
has headers and sheet names in the run's language.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.language import N_, Language

# Headers and sheet names of lists.xlsx, for people (the CSVs keep the column names, for tools).
LIST_HEADERS = {
    "customer_id": N_("Customer id"),
    "name": N_("Name"),
    "segment": N_("Segment"),
    "value_12m": N_("Value, last 12 months"),
    "potential": N_("Potential"),
    "potential_basis": N_("Potential measured by"),
    "owner": N_("Owner"),
    "next_step": N_("Next step"),
    "abc_class": N_("ABC class"),
    "revenue_12m": N_("Revenue, last 12 months"),
    "revenue_prev_12m": N_("Revenue, the 12 months before"),
    "margin_12m": N_("Margin, last 12 months"),
    "wallet": N_("Purchasing potential per year"),
    "hours_per_year": N_("Hours per year"),
    "call_month": N_("Month to call"),
    "last_purchase": N_("Last purchase"),
    "action": N_("Suggested action"),
    "why": N_("Why"),
    "cell": N_("Commitment cell"),
    "contract_end": N_("Contract ends"),
}
LIST_SHEETS = {
    "segments": N_("Segments"),
    "check-up-calls": N_("Check-up calls"),
    "account-shortlist": N_("Account shortlist"),
    "at-risk": N_("At risk"),
}


def readable_header(column: str, lang: Language) -> str:
    """'value_12m' -> 'Value, last 12 months' (in the run's language); unknown: 'Value 12m'."""
    if column in LIST_HEADERS:
        return lang._(LIST_HEADERS[column])
    return column.replace("_", " ").strip().capitalize()


def write_lists_workbook(out: Path, lang: Language) -> Path | None:
    """Every list the notebooks saved (``*.csv`` in ``out``) as one sheet of ``lists.xlsx``.

    For people: Excel in a Finnish or Swedish locale splits a comma CSV wrongly, a
    workbook it opens right; headers and sheet names are in the run's language.
    Returns the file, or None when no notebook saved a list. Written with XlsxWriter:
    on a million invoice lines the lists have 150,000 rows, which openpyxl took 44 s
    to write. (Not XlsxWriter's ``constant_memory``: pandas writes a sheet column by
    column, and that mode keeps only the current row, so it loses cells.)
    """
    lists = sorted(out.glob("*.csv"))
    if not lists:
        return None
    target = out / "lists.xlsx"
    with pd.ExcelWriter(target, engine="xlsxwriter") as writer:
        for path in lists:
            # every column as written; ids and codes stay text (a column of mostly empty
            # values would otherwise change type halfway through a large file)
            frame = pd.read_csv(path, encoding="utf-8-sig", dtype={"customer_id": str},
                                low_memory=False)
            frame = frame.rename(columns=lambda column: readable_header(column, lang))
            sheet = lang._(LIST_SHEETS[path.stem]) if path.stem in LIST_SHEETS else path.stem
            frame.to_excel(writer, sheet_name=sheet[:31], index=False)
    return target
