"""Converting an export's text cells into canonical values: numbers, dates.

How a column writes its numbers and dates is decided from the whole column,
never value by value:

* **decimal mark.** ``1.234,50`` and ``1,234.50`` settle it, and so do
  ``1.234.567`` (points between thousands), ``12.5`` or ``0.125``. A column
  whose only dotted values look like ``12.500`` is weighed: if the point
  grouped thousands, no number of four digits or more would be written without
  it; if it were a decimal mark, a column with whole numbers in it would not
  write ``12.500`` with a trailing zero. When only one reading fits, it is
  taken and said; when both fit, the other number columns of the file decide
  (they write decimals one way); when nothing does, the import stops and says
  how to settle it (``--decimal`` or ``decimal =`` in a mapping file). The same
  holds for a comma (``1,250``).
* **date order.** ``31.12.2024`` and ISO dates are unambiguous. Slashed dates
  are read month first (``12/31/2024``, as US programs write them) when some
  first number is above 12, day first when some second one is; when none is,
  the import stops and asks.

Every parser is vectorised over distinct values: 600,000 lines stay seconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from helpers.company.folder import ERROR, EXPECTED, DataError, Problem
from helpers.company.importing.columns import (
    CUSTOMER_ID,
    CUSTOMER_NAME,
    DESCRIPTIONS,
    OPTIONAL_OUT,
)
from helpers.company.parsing import parse_dates, parse_numbers

DAY_FIRST, MONTH_FIRST = "day-first", "month-first"
POINT, COMMA = ".", ","
MARK_WORDS = {POINT: "point", COMMA: "comma"}

# --- the decimal mark of a column ----------------------------------------------------------

_CURRENCY = re.compile(r"(€|\$|£|\bEUR\b|\bSEK\b|\bUSD\b|\bGBP\b|\bkr\b\.?|\beur\b)", re.IGNORECASE)
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")
_SPACE_GROUPED = re.compile(r"\d[ \u00a0\u202f\u2009]\d{3}(?!\d)")


@dataclass
class MarkEvidence:
    """What a column's values say about its decimal mark."""

    point: list[str]  # values that can only be read with a decimal point
    comma: list[str]  # values that can only be read with a decimal comma
    dotted: list[str]  # values like 12.500: a point before exactly three digits
    commaed: list[str]  # values like 12,500
    long_plain: list[str]  # whole numbers of four digits or more, not grouped
    plain: int  # whole numbers of any length

    def decide(self) -> tuple[str | None, str]:
        """The mark and how sure: 'evidence', 'inferred', 'irrelevant', 'ambiguous' or
        'conflict'."""
        if self.point and self.comma:
            if self.dotted or self.commaed:
                return None, "conflict"
            return (POINT if len(self.point) >= len(self.comma) else COMMA), "irrelevant"
        if self.point:
            return POINT, "evidence"
        if self.comma:
            return COMMA, "evidence"
        if self.dotted and self.commaed:
            return None, "conflict"
        if not self.dotted and not self.commaed:
            return None, "irrelevant"
        grouped_ok = not self.long_plain
        trailing_zero = any(v.endswith("0") for v in self.dotted + self.commaed)
        decimal_ok = not self.plain or not trailing_zero
        separator_is_thousands = COMMA if self.dotted else POINT
        separator_is_decimal = POINT if self.dotted else COMMA
        if grouped_ok and not decimal_ok:
            return separator_is_thousands, "inferred"
        if decimal_ok and not grouped_ok:
            return separator_is_decimal, "inferred"
        if not grouped_ok and not decimal_ok:
            return None, "conflict"
        return None, "ambiguous"


def mark_evidence(values: pd.Series) -> MarkEvidence:
    distinct = pd.Series(pd.unique(values[values != ""]), dtype=object).astype(str)
    spaced = distinct.str.contains(_SPACE_GROUPED)
    text = distinct.str.replace(_CURRENCY, "", regex=True).str.replace(_SPACES, "", regex=True)
    text = text.str.strip("+-()\u2212")
    numeric = text.str.fullmatch(r"\d[\d.,]*") & ~text.str.endswith((".", ","))
    text, spaced = text[numeric], spaced[numeric]
    dots, commas = text.str.count(r"\."), text.str.count(",")
    comma_last = text.str.rfind(",") > text.str.rfind(".")
    both = (dots > 0) & (commas > 0)
    dotted = (dots == 1) & (commas == 0) & text.str.fullmatch(r"[1-9]\d{0,2}\.\d{3}")
    commaed = (commas == 1) & (dots == 0) & text.str.fullmatch(r"[1-9]\d{0,2},\d{3}")
    point = (
        (both & ~comma_last)
        | ((commas >= 2) & (dots == 0))
        | ((dots == 1) & (commas == 0) & ~dotted)
    )
    comma = (
        (both & comma_last)
        | ((dots >= 2) & (commas == 0))
        | ((commas == 1) & (dots == 0) & ~commaed)
    )
    plain = (dots == 0) & (commas == 0)
    long_plain = plain & ~spaced & (text.str.lstrip("0").str.len() >= 4)
    original = distinct[numeric]
    return MarkEvidence(
        point=original[point].tolist(),
        comma=original[comma].tolist(),
        dotted=text[dotted].tolist(),
        commaed=text[commaed].tolist(),
        long_plain=original[long_plain].tolist(),
        plain=int(plain.sum()),
    )


def decide_marks(
    frame: pd.DataFrame,
    sources: list[str],
    typed: set[str],
    forced: str | None,
    lines: pd.Series,
    file: str,
    notes: list[str],
    problems: list[Problem],
) -> dict[str, str]:
    """The decimal mark of each number column (see the module docstring)."""
    marks: dict[str, str] = {}
    open_columns: dict[str, tuple[MarkEvidence, str, str | None]] = {}
    file_marks: set[str] = set()
    for source in sources:
        if source in typed:
            marks[source] = POINT
            continue
        if forced:
            marks[source] = forced
            continue
        evidence = mark_evidence(frame[source])
        mark, how = evidence.decide()
        if how == "evidence":
            file_marks.add(mark)
        if mark is not None and how != "inferred":
            marks[source] = mark
        else:
            open_columns[source] = (evidence, how, mark)
    for source, (evidence, how, mark) in open_columns.items():
        if how == "inferred" and (not file_marks or file_marks == {mark}):
            marks[source] = mark
            notes.append(_inferred_note(source, mark, evidence, frame, lines))
        elif how == "inferred":  # the other columns write their decimals the other way
            problems.append(_ambiguous_problem(source, evidence, "contradicts", frame, lines, file))
        elif how == "irrelevant":
            marks[source] = POINT
        elif how == "ambiguous" and len(file_marks) == 1:
            marks[source] = next(iter(file_marks))
            example = (evidence.dotted or evidence.commaed)[0]
            notes.append(
                f"read '{example}' in '{source}' with a decimal "
                f"{MARK_WORDS[marks[source]]}, as the other number columns of the "
                "file write their decimals"
            )
        else:
            problems.append(_ambiguous_problem(source, evidence, how, frame, lines, file))
    return marks


def _first_line(frame: pd.DataFrame, source: str, lines: pd.Series, needle: str) -> str:
    hits = frame.index[frame[source].str.contains(needle, regex=False)]
    return f" on line {lines[hits[0]]}" if len(hits) else ""


def _inferred_note(
    source: str, mark: str, evidence: MarkEvidence, frame: pd.DataFrame, lines: pd.Series
) -> str:
    example = (evidence.dotted or evidence.commaed)[0]
    separator = "." if evidence.dotted else ","
    where = _first_line(frame, source, lines, example)
    other = POINT if mark == COMMA else COMMA
    if (mark == COMMA) == bool(evidence.dotted):  # the separator groups thousands
        value = example.replace(separator, "")
        why = (
            "no value in the column has decimals, and the numbers of four digits or more "
            f"are written with the {MARK_WORDS[separator]}"
        )
        return (
            f"read the {MARK_WORDS[separator]}s in '{source}' as thousands separators "
            f"('{example}'{where} = {value}): {why}. If they are decimals, import again "
            f"with --decimal {MARK_WORDS[separator]}"
        )
    long_example = evidence.long_plain[0]
    return (
        f"read the {MARK_WORDS[separator]} in '{source}' as the decimal mark "
        f"('{example}'{where} = {example.replace(',', '.')}): the column writes "
        f"numbers like '{long_example}' without thousands separators. If it separates "
        f"thousands, import again with --decimal {MARK_WORDS[other]}"
    )


def _ambiguous_problem(
    source: str, evidence: MarkEvidence, how: str, frame: pd.DataFrame, lines: pd.Series, file: str
) -> Problem:
    examples = (evidence.dotted or evidence.commaed)[:3]
    rows = frame.index[frame[source].str.contains("|".join(re.escape(e) for e in examples))]
    if how == "contradicts":
        what = (
            f"reads '{examples[0]}' one way while the other number columns of the file write "
            "their decimals the other way, so it cannot be read with certainty"
        )
    elif how == "conflict":
        what = (
            "writes numbers both ways (like '1.234,50' and '1,234.50', or with and "
            "without thousands separators), so values like "
            f"'{examples[0]}' cannot be read with certainty"
        )
    else:
        sample = examples[0]
        separator = "." if evidence.dotted else ","
        whole = sample.replace(separator, "")
        decimal = sample.replace(",", ".")
        what = (
            f"has numbers like '{sample}' that read two ways: {decimal} with a decimal "
            f"{MARK_WORDS[separator]}, or {whole} with the {MARK_WORDS[separator]} between "
            "thousands, and nothing else in the file tells which"
        )
    return Problem(
        ERROR,
        file,
        f"{what}. Say which: import again with --decimal comma (the "
        "decimal mark is a comma: 1.234,50) or --decimal point (1,234.50), or put "
        'decimal = "," or "." in a mapping file',
        column=source,
        lines=lines[rows].tolist(),
        found=frame.loc[rows, source].tolist()[:3],
    )


# --- dates ----------------------------------------------------------------------------------

_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")


def parse_date_column(
    values: pd.Series,
    date_format: str | None,
    order: str | None,
    source: str,
    lines: pd.Series,
    file: str,
    notes: list[str],
    problems: list[Problem],
) -> tuple[pd.Series, pd.Series]:
    """Dates and the mask of unreadable cells; slashed dates in the order the column shows."""
    text = values.fillna("").astype(str).str.strip()
    if date_format is not None:
        return _with_format(text, date_format)
    codes, distinct = pd.factorize(text)
    distinct = pd.Series(distinct, dtype=object).astype(str)
    parts = distinct.str.extract(_SLASHED)
    slashed = parts[0].notna()
    if not slashed.any():
        return parse_dates(values)
    first, second = parts.loc[slashed, 0].astype(int), parts.loc[slashed, 1].astype(int)
    if order is None:
        day_first_fits, month_first_fits = bool((second <= 12).all()), bool((first <= 12).all())
        if month_first_fits and not day_first_fits:
            order = MONTH_FIRST
            example = distinct[slashed][second > 12].iloc[0]
            hit = text.eq(example).to_numpy().nonzero()[0]
            where = f" on line {lines.iloc[hit[0]]}" if len(hit) else ""
            notes.append(
                f"read the dates in '{source}' month first, as US programs write "
                f"them ('{example}'{where}); if they are day first, import again "
                "with --dates day-first"
            )
        elif day_first_fits and month_first_fits and (first != second).any():
            unclear = distinct[slashed][first != second]
            rows = text.isin(set(unclear))
            problems.append(
                Problem(
                    ERROR,
                    file,
                    f"has dates like '{unclear.iloc[0]}' that read two ways (day "
                    "first or month first), and no date in the column has a number above 12 to "
                    "tell which. Say which: import again with --dates day-first (31/12/2024) or "
                    "--dates month-first (12/31/2024)",
                    column=source,
                    lines=lines[rows.to_numpy()].tolist(),
                    found=unclear.tolist()[:3],
                )
            )
            order = DAY_FIRST
        else:
            order = DAY_FIRST
    parsed, bad = _parse_distinct_dates(distinct, slashed, parts, order)
    dates = pd.Series(parsed.to_numpy()[codes], index=values.index, dtype="datetime64[ns]")
    return dates, pd.Series(bad.to_numpy()[codes], index=values.index)


def _parse_distinct_dates(
    distinct: pd.Series, slashed: pd.Series, parts: pd.DataFrame, order: str
) -> tuple[pd.Series, pd.Series]:
    parsed, bad = parse_dates(distinct.where(~slashed, ""))
    if slashed.any():
        day, month = (parts[0], parts[1]) if order == DAY_FIRST else (parts[1], parts[0])
        year = parts[2].where(parts[2].str.len() == 4, "20" + parts[2].fillna(""))
        iso = (year + "-" + month.str.zfill(2) + "-" + day.str.zfill(2))[slashed]
        slash_dates = pd.to_datetime(iso, format="%Y-%m-%d", errors="coerce")
        parsed = parsed.astype("datetime64[ns]")
        parsed[slashed] = slash_dates.astype("datetime64[ns]")
        bad = bad | (slashed & parsed.isna())
    empty = distinct == ""
    return parsed, bad & ~empty


def _with_format(text: pd.Series, date_format: str) -> tuple[pd.Series, pd.Series]:
    empty = text == ""
    parsed = pd.to_datetime(text.where(~empty), format=date_format, errors="coerce")
    parsed = parsed.astype("datetime64[ns]")
    # Excel date cells arrive as ISO text whatever the mapping says
    iso, _ = parse_dates(
        text.where(parsed.isna() & ~empty & text.str.match(r"^\d{4}-\d\d-\d\d"), "")
    )
    parsed = parsed.fillna(iso)
    return parsed, ~empty & parsed.isna()


# --- writing numbers ----------------------------------------------------------------------


def format_number(value: float | None) -> str:
    if value is None or pd.isna(value):
        return ""
    value = round(float(value), 6) + 0.0  # + 0.0 turns -0.0 into 0.0
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


# --- the lines -------------------------------------------------------------------------------


@dataclass
class Converted:
    lines: pd.DataFrame  # canonical columns
    marks: dict[str, str]  # source column -> decimal mark used


def convert_lines(
    table,
    chosen: dict[str, str],
    amount_role: str,
    customer_source: str,
    rules,
    file: str,
    notes: list[str],
    skip: pd.Series | None = None,
    date_order: str | None = None,
) -> Converted:
    """The canonical invoice lines of ``table``, the rows in ``skip`` left out.

    Raises DataError naming every cell that could not be read (line and column).
    """
    frame = table.frame
    lines = pd.Series(table.lines, index=frame.index)
    if skip is not None and skip.any():
        frame, lines = frame[~skip], lines[~skip]
    customer = frame[customer_source]
    dates_raw = frame[chosen["date"]]
    problems: list[Problem] = []

    def problem(mask: pd.Series, source: str, message: str, found: bool = True) -> None:
        if mask.any():
            problems.append(
                Problem(
                    ERROR,
                    file,
                    message,
                    column=source,
                    lines=lines[mask].tolist(),
                    found=frame.loc[mask, source].tolist() if found else [],
                )
            )

    out = pd.DataFrame(index=frame.index)
    who = DESCRIPTIONS[CUSTOMER_ID if customer_source == chosen.get(CUSTOMER_ID) else CUSTOMER_NAME]
    if getattr(table, "grouped", False):
        problem(
            customer == "",
            customer_source,
            "is a line with no customer group line "
            "above it; every transaction needs the customer it belongs to",
            found=False,
        )
    else:
        problem(
            customer == "", customer_source, f"is empty; every line needs the {who}", found=False
        )
    out["customer_id"] = customer

    dates, bad = parse_date_column(
        dates_raw, rules.date_format, date_order, chosen["date"], lines, file, notes, problems
    )
    problem(
        dates_raw == "", chosen["date"], "is empty; every line needs its invoice date", found=False
    )
    hint = (
        f"a date written as {rules.date_format}"
        if rules.date_format
        else f"{EXPECTED['date']} or 12/31/2024 (for other ways of writing dates, set "
        "date_format in a mapping file)"
    )
    problem(bad, chosen["date"], f"expected {hint}")
    out["date"] = dates

    number_roles = [
        r
        for r in (amount_role, *OPTIONAL_OUT)
        if r in chosen and r not in ("invoice_id", "product")
    ]
    marks = decide_marks(
        frame,
        [chosen[r] for r in dict.fromkeys(number_roles)],
        table.typed_numbers,
        rules.decimal,
        lines,
        file,
        notes,
        problems,
    )
    numbers: dict[str, pd.Series] = {}
    for role in number_roles:
        source = chosen[role]
        values, bad = parse_numbers(frame[source], marks.get(source, POINT))
        problem(bad, source, f"expected {EXPECTED['number']}")
        numbers[role] = values
    amount_source = chosen[amount_role]
    problem(
        frame[amount_source] == "",
        amount_source,
        "is empty; every line needs an amount (0 if it really is nothing)",
        found=False,
    )
    out["amount"] = numbers[amount_role]
    for role in OPTIONAL_OUT:
        if role in ("invoice_id", "product") and role in chosen:
            out[role] = frame[chosen[role]]
        elif role in numbers:
            out[role] = numbers[role]
    if problems:
        raise DataError(problems)
    return Converted(out, marks)
