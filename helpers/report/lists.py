"""The lists to act on: one CSV each (for tools) and ``lists.xlsx`` (for people).

The CSVs (``segments.csv`` …) keep their column names and codes, for tools; the workbook
has headers, sheet names and the codes' values (a segment, a step, a commitment cell, a
suggested action) in the run's language. A name in a customer's export can be
a formula (``=HYPERLINK(…)``, ``+cmd|…``): in a CSV, text that starts like one gets a
leading apostrophe (as OWASP recommends for CSV injection), real negative numbers
untouched; in ``lists.xlsx`` every text cell is written as text, never as a formula or
a link.

>>> frame = pd.DataFrame({"name": ["=1+1", "-A1*2", "-5", "Oy Ab"], "value": [-1.5, 2, 3, 4]})
>>> neutralise_formulas(frame)["name"].tolist(), neutralise_formulas(frame)["value"].tolist()
(["'=1+1", "'-A1*2", '-5', 'Oy Ab'], [-1.5, 2.0, 3.0, 4.0])
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
    "tenure_years": N_("Years as a customer"),
    "hours_per_year": N_("Hours per year"),
    "call_month": N_("Month to call"),
    "last_purchase": N_("Last purchase"),
    "action": N_("Suggested action"),
    "why": N_("Why"),
    "cell": N_("Commitment cell"),
    "contract_end": N_("Contract ends"),
    "month": N_("Month"),
    "p_alive": N_("Chance it still buys"),
    "expected_purchases_12m": N_("Purchases expected, next 12 months"),
}
LIST_SHEETS = {
    "segments": N_("Segments"),
    "check-up-calls": N_("Check-up calls"),
    "account-shortlist": N_("Account shortlist"),
    "at-risk": N_("At risk"),
    "plan": N_("Plan for the year"),
}


def value_labels() -> dict[str, dict[str, str]]:
    """The columns of the lists whose values are codes, each code with its label (English,
    translated where the workbook is written): the same labels the notebooks print."""
    from helpers.analysis.commitment import CELL_NAMES
    from helpers.analysis.segmentation import BASIS_LABELS, SEGMENT_LABELS
    from helpers.analysis.shortlist import ACTIONS
    from helpers.words.plan import STEP_NAMES

    return {
        "segment": SEGMENT_LABELS,
        "potential_basis": BASIS_LABELS,
        "cell": CELL_NAMES,
        "action": {action: action for action in ACTIONS},
        "next_step": STEP_NAMES,
    }


def readable_values(frame: pd.DataFrame, lang: Language) -> pd.DataFrame:
    """A list with its codes told in ``lang`` (unknown values kept as they are).

    >>> frame = pd.DataFrame({"next_step": ["let_go", "marketing", "x"], "segment": ["keep"] * 3})
    >>> readable_values(frame, Language("fi"))["next_step"].tolist()
    ['päästä kohteliaasti menemään', 'markkinointi', 'x']
    """
    out = frame.copy()
    for column, labels in value_labels().items():
        if column in out.columns:
            told = {code: lang._(label) for code, label in labels.items()}
            out[column] = out[column].map(told).fillna(out[column])
    return out


# text a spreadsheet would run as a formula: = + @ tab CR, or - not starting a number
FORMULA_LIKE = r"^(?:[=+@\t\r]|-(?![\d.]))"


def _is_text(values: pd.Series) -> bool:
    return values.dtype == object or isinstance(values.dtype, pd.StringDtype)


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells that start like a formula begin with ``'``."""
    out = frame.copy()
    for column in out.columns:
        values = out[column]
        if not _is_text(values):
            continue  # numbers, dates, booleans: never a formula
        text = values.astype("string")
        risky = text.str.contains(FORMULA_LIKE, regex=True).fillna(False).astype(bool)
        if risky.any():
            out[column] = values.where(~risky, "'" + text)
    return out


def write_list(frame: pd.DataFrame, path: Path) -> Path:
    """Write a list as CSV the way the company folder is written (UTF-8 with BOM, comma,
    ``.`` decimals, no index), with formula-like text neutralised."""
    path.parent.mkdir(parents=True, exist_ok=True)
    neutralise_formulas(frame).to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\n")
    return path


def _as_typed(frame: pd.DataFrame) -> pd.DataFrame:
    """The CSV's text as it was typed (the apostrophe taken off again): in the workbook every
    text cell is a string anyway."""
    out = frame.copy()
    for column in out.columns:
        if _is_text(out[column]):
            text = out[column].astype("string")
            quoted = text.str.contains("^'" + FORMULA_LIKE[1:], regex=True).fillna(False)
            if quoted.any():
                out[column] = out[column].where(~quoted.astype(bool), text.str.slice(1))
    return out


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
    # text is text: no cell of a customer's name ever becomes a formula or a live link
    options = {"strings_to_formulas": False, "strings_to_urls": False}
    with pd.ExcelWriter(target, engine="xlsxwriter", engine_kwargs={"options": options}) as writer:
        for path in lists:
            # every column as written; ids and codes stay text (a column of mostly empty
            # values would otherwise change type halfway through a large file)
            frame = pd.read_csv(
                path, encoding="utf-8-sig", dtype={"customer_id": str}, low_memory=False
            )
            frame = readable_values(_as_typed(frame), lang)
            frame = frame.rename(columns=lambda column: readable_header(column, lang))
            sheet = lang._(LIST_SHEETS[path.stem]) if path.stem in LIST_SHEETS else path.stem
            frame.to_excel(writer, sheet_name=sheet[:31], index=False)
    return target
