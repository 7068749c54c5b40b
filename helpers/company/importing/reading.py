"""Reading an export into a table of text: CSV in any encoding and separator, or Excel."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

import pandas as pd

from helpers.company.folder import (
    ERROR,
    DataError,
    Problem,
)
from helpers.company.importing.columns import recognise
from helpers.company.parsing import detect_encoding, read_text_table, sniff_separator

# --- reading the export ------------------------------------------------------------------


@dataclass
class Table:
    frame: pd.DataFrame  # every cell a string, '' when empty; columns = source headers
    lines: list[int]  # spreadsheet line number of each row
    decimal: str  # the decimal mark to assume for ambiguous numbers
    notes: list[str]


def _cell_text(value: object) -> str:
    """An Excel cell as text the parsers read: dates ISO, numbers with a decimal point."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.strftime("%Y-%m-%d")
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    return str(value).strip()


def _unique_headers(headers: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for position, header in enumerate(headers):
        name = header or f"(column {_column_letter(position)})"
        if name in seen:
            seen[name] += 1
            name = f"{name}.{seen[name]}"
        else:
            seen[name] = 0
        out.append(name)
    return out


def _column_letter(position: int) -> str:
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _recognised_count(headers: list[str], mapped: set[str]) -> int:
    return sum(1 for h in headers if h and (recognise(h) is not None or h in mapped))


def read_excel(path: Path, sheet: str | int | None, mapped: set[str]) -> Table:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not xlsx
        raise DataError([Problem(ERROR, path.name, f"could not be opened as an Excel "
                                 f"workbook ({error}); save it again as .xlsx or CSV")]) from None
    try:
        names = book.sheetnames
        grids = {}

        def grid(name: str) -> list[list[str]]:
            if name not in grids:
                rows = book[name].iter_rows(min_row=1, values_only=True)
                grids[name] = [[_cell_text(v) for v in row] for row in rows]
            return grids[name]

        notes: list[str] = []
        if sheet is not None:
            chosen = _pick_sheet(path, names, sheet)
        else:
            chosen = next((n for n in names if _header_row(grid(n), mapped)[1] >= 2), names[0])
            if len(names) > 1:
                notes.append(f"took sheet '{chosen}' (the workbook also has "
                             f"{', '.join(repr(n) for n in names if n != chosen)}); choose "
                             "another with sheet")
        rows = grid(chosen)
    finally:
        book.close()

    header_at, _ = _header_row(rows, mapped)
    if not rows or not any(any(cell for cell in row) for row in rows):
        raise DataError([Problem(ERROR, path.name, f"sheet '{chosen}' is empty")])
    if header_at > 0:
        notes.append(f"the column names are on line {header_at + 1} of sheet '{chosen}'; "
                     "the lines above them were skipped")
    width = max(len(r) for r in rows)
    rows = [list(r) + [""] * (width - len(r)) for r in rows]
    headers = _unique_headers([h.strip() for h in rows[header_at]])
    body = rows[header_at + 1:]
    lines = list(range(header_at + 2, header_at + 2 + len(body)))
    frame = pd.DataFrame(body, columns=headers, dtype=object).astype(str) if body else \
        pd.DataFrame(columns=headers, dtype=str)
    # drop columns that have neither a name nor any value (Excel leaves them around)
    unnamed = [h for h, raw in zip(headers, rows[header_at], strict=True)
               if not raw.strip() and (frame[h] == "").all()]
    frame = frame.drop(columns=unnamed)
    # drop wholly empty rows, keeping the line numbers of the others
    filled = (frame != "").any(axis=1).to_numpy() if len(frame.columns) else []
    frame = frame[filled].reset_index(drop=True)
    lines = [n for n, keep in zip(lines, filled, strict=True) if keep]
    return Table(frame, lines, ".", notes)


def _pick_sheet(path: Path, names: list[str], sheet: str | int) -> str:
    if isinstance(sheet, str) and sheet in names:
        return sheet
    if isinstance(sheet, str) and sheet.strip().lstrip("-").isdigit():
        sheet = int(sheet)
    if isinstance(sheet, int) and not isinstance(sheet, bool) and -len(names) <= sheet < len(names):
        return names[sheet]
    raise DataError([Problem(ERROR, path.name, f"has no sheet {sheet!r}; its sheets are "
                             f"{', '.join(repr(n) for n in names)} (or give a position, "
                             "0 for the first)")])


def _header_row(rows: list[list[str]], mapped: set[str]) -> tuple[int, int]:
    """The index of the row (among the first 20) with most recognised names, and that count."""
    best, best_count = 0, -1
    for index, row in enumerate(rows[:20]):
        count = _recognised_count([str(c).strip() for c in row], mapped)
        if count > best_count:
            best, best_count = index, count
    return best, max(best_count, 0)


def title_lines(path: Path, mapped: set[str]) -> int:
    """How many lines stand above the header row (a report title, the company, a blank).

    The header is the line, among the first 20, whose cells name the most known columns;
    0 when the first line is as good as any.
    """
    raw = path.read_bytes()
    lines = raw.decode(detect_encoding(raw)).splitlines()[:20]
    rows = [next(csv.reader([line], delimiter=sniff_separator(line)), []) for line in lines]
    best, count = _header_row(rows, mapped)
    return best if count >= 2 else 0


def read_csv(path: Path, mapped: set[str] | None = None) -> Table:
    skip = title_lines(path, mapped or set())
    try:
        table = read_text_table(path, skip_lines=skip)
    except (ValueError, UnicodeDecodeError) as error:
        raise DataError([Problem(ERROR, path.name, f"could not be read as a table: "
                                 f"{error}")]) from None
    frame = table.frame
    if len(frame.columns) == 0:
        raise DataError([Problem(ERROR, path.name, "the file is empty; export the invoices "
                                 "again, with the column names on the first line")])
    lines = _record_lines(path, table.encoding, table.separator, len(frame), skip)
    names = {";": "semicolon", ",": "comma", "\t": "tab"}
    separator = names.get(table.separator, repr(table.separator))
    notes = [f"read as {table.encoding} text separated by {separator}"]
    if skip:
        notes.append(f"skipped {skip} line(s) above the column names (a title or notes); "
                     f"the column names are on line {skip + 1}")
    frame = frame.astype(str)
    filled = (frame != "").any(axis=1).to_numpy()
    frame = frame[filled].reset_index(drop=True)
    lines = [n for n, keep in zip(lines, filled, strict=True) if keep]
    return Table(frame, lines, "," if table.separator == ";" else ".", notes)


def _record_lines(path: Path, encoding: str, separator: str, rows: int,
                  skip: int = 0) -> list[int]:
    """The line of the file each data row starts on (blank lines and quoted line breaks counted)."""
    text = "".join(path.read_bytes().decode(encoding).splitlines(keepends=True)[skip:])
    starts: list[int] = []
    reader = csv.reader(io.StringIO(text), delimiter=separator)
    previous_end = 0
    for record in reader:
        if record:
            starts.append(previous_end + 1)
        previous_end = reader.line_num
    data_starts = starts[1:]
    if len(data_starts) != rows:  # pandas and csv disagree: fall back to counting rows
        return list(range(2 + skip, rows + 2 + skip))
    return [line + skip for line in data_starts]


def read_export(export: Path, sheet: str | int | None, mapped: set[str]) -> Table:
    """The export as a table of text cells: .xlsx by openpyxl, anything else as CSV text."""
    suffix = export.suffix.lower()
    if suffix in (".xls", ".ods", ".numbers"):
        raise DataError([Problem(ERROR, export.name, f"{suffix} files cannot be read; save the "
                                 "export as .xlsx (Excel workbook) or as CSV")])
    if suffix in (".xlsx", ".xlsm"):
        return read_excel(export, sheet, mapped)
    return read_csv(export, mapped)
