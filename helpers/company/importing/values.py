"""Converting an export's text cells into canonical values: numbers, dates, totals rows."""

from __future__ import annotations

import re

import pandas as pd

from helpers.company.folder import (
    ERROR,
    EXPECTED,
    DataError,
    Problem,
)
from helpers.company.importing.columns import (
    CUSTOMER_ID,
    CUSTOMER_NAME,
    DESCRIPTIONS,
    OPTIONAL_OUT,
    TOTAL_WORDS,
)
from helpers.company.parsing import normalise_name, parse_dates, parse_numbers

# --- parsing values --------------------------------------------------------------------------


_COMMA_DECIMAL = re.compile(r"\d,\d{1,2}$|\d,\d{4,}$|\d\.\d{3},\d")
_POINT_DECIMAL = re.compile(r"\d\.\d{1,2}$|\d\.\d{4,}$|\d,\d{3}\.\d")


def column_decimal(values: pd.Series, default: str) -> str:
    """The decimal mark the unambiguous cells of a column use, else ``default``."""
    text = values[values != ""].str.replace(r"[\s\u00a0\u202f]", "", regex=True)
    comma = text.str.contains(_COMMA_DECIMAL).sum()
    point = text.str.contains(_POINT_DECIMAL).sum()
    if comma > point:
        return ","
    if point > comma:
        return "."
    return default


def parse_date_column(values: pd.Series, date_format: str | None) -> tuple[pd.Series, pd.Series]:
    if date_format is None:
        return parse_dates(values)
    text = values.fillna("").astype(str).str.strip()
    empty = text == ""
    parsed = pd.to_datetime(text.where(~empty), format=date_format, errors="coerce")
    parsed = parsed.astype("datetime64[ns]")
    # Excel date cells arrive as ISO text whatever the mapping says
    iso, _ = parse_dates(text.where(parsed.isna() & ~empty & text.str.match(r"^\d{4}-\d\d-\d\d"),
                                    ""))
    parsed = parsed.fillna(iso)
    return parsed, ~empty & parsed.isna()


def format_number(value: float) -> str:
    if pd.isna(value):
        return ""
    value = round(float(value), 6) + 0.0  # + 0.0 turns -0.0 into 0.0
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def convert_lines(table, chosen: dict[str, str], amount_role: str, customer_source: str,
                  rules, file: str, notes: list[str]) -> pd.DataFrame:
    """The canonical invoice lines: totals rows skipped, dates and numbers parsed.

    Raises DataError naming every cell that could not be read (line and column).
    """
    frame = table.frame
    lines = pd.Series(table.lines, index=frame.index)
    customer = frame[customer_source]
    dates_raw = frame[chosen["date"]]

    # totals rows: no date, no customer (or the customer cell says 'Yhteensä'), and a word
    # like 'Yhteensä' / 'Total' in some cell
    totals_like = pd.Series(False, index=frame.index)
    undated = dates_raw == ""  # only lines without a date can be totals: look at those alone
    if undated.any():
        cells = frame[undated]
        total_word = cells.apply(lambda column: column.map(normalise_name).isin(TOTAL_WORDS))
        who = customer[undated]
        totals_like[undated] = total_word.any(axis=1) & (
            (who == "") | who.map(normalise_name).isin(TOTAL_WORDS))
    if totals_like.any():
        notes.append(f"skipped {int(totals_like.sum())} totals line(s) "
                     f"(line {', '.join(str(n) for n in lines[totals_like])})")
        frame, lines = frame[~totals_like], lines[~totals_like]
        customer, dates_raw = customer[~totals_like], dates_raw[~totals_like]

    problems: list[Problem] = []

    def problem(mask: pd.Series, source: str, message: str, found: bool = True) -> None:
        if mask.any():
            problems.append(Problem(ERROR, file, message, column=source,
                                    lines=lines[mask].tolist(),
                                    found=frame.loc[mask, source].tolist() if found else []))

    out = pd.DataFrame(index=frame.index)
    who = DESCRIPTIONS[CUSTOMER_ID if customer_source == chosen.get(CUSTOMER_ID)
                       else CUSTOMER_NAME]
    problem(customer == "", customer_source, f"is empty; every line needs the {who}",
            found=False)
    out["customer_id"] = customer

    dates, bad = parse_date_column(dates_raw, rules.date_format)
    problem(dates_raw == "", chosen["date"], "is empty; every line needs its invoice date",
            found=False)
    hint = (f"a date written as {rules.date_format}" if rules.date_format else
            f"{EXPECTED['date']} (for other ways of writing dates, set date_format in a "
            "mapping file)")
    problem(bad, chosen["date"], f"expected {hint}")
    out["date"] = dates

    numbers: dict[str, pd.Series] = {}
    for role in (amount_role, *OPTIONAL_OUT):
        if role not in chosen or role in ("invoice_id", "product"):
            continue
        source = chosen[role]
        raw = frame[source]
        decimal = rules.decimal or column_decimal(raw, table.decimal)
        values, bad = parse_numbers(raw, decimal)
        problem(bad, source, f"expected {EXPECTED['number']}")
        numbers[role] = values
    amount_source = chosen[amount_role]
    problem(frame[amount_source] == "", amount_source, "is empty; every line needs an amount "
            "(0 if it really is nothing)", found=False)
    out["amount"] = numbers[amount_role]
    for role in OPTIONAL_OUT:
        if role in ("invoice_id", "product") and role in chosen:
            out[role] = frame[chosen[role]]
        elif role in numbers:
            out[role] = numbers[role]
    if problems:
        raise DataError(problems)
    return out
