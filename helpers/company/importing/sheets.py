"""Excel workbooks: the sheet that holds the invoice lines, chosen by its content.

A workbook often starts with a summary (sales per customer) and keeps the lines
on another sheet. Each sheet's first lines are read and the column names found;
a sheet that has an invoice date and an amount is a sheet of invoice lines, and
among those the one with the most recognised columns (the first of equals) is
taken. The report says which was taken and which were skipped, and ``--sheet``
chooses another.

A workbook saved with a password is an encrypted OLE container, not a zip: it
is named as such, and opened when the password is given.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime, time

import pandas as pd

from helpers.company.folder import ERROR, DataError, Problem
from helpers.company.importing.columns import (
    CUSTOMER_ID,
    CUSTOMER_NAME,
    GROSS,
    NET,
    PLAIN_AMOUNT,
)
from helpers.company.importing.reading import (
    HEADER_SEARCH,
    ReadOptions,
    Table,
    drop_empty,
    header_row,
    unique_headers,
)

AMOUNT_ROLES = {NET, GROSS, PLAIN_AMOUNT}


def cell_text(value: object) -> str:
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


@dataclass
class SheetLook:
    name: str
    header_at: int
    roles: set[str]

    @property
    def has_lines(self) -> bool:
        return "date" in self.roles and bool(self.roles & AMOUNT_ROLES)

    def rank(self) -> tuple[bool, int]:
        return self.has_lines, len(self.roles)

    def why_not(self) -> str:
        missing = []
        if "date" not in self.roles:
            missing.append("no invoice date")
        if not self.roles & AMOUNT_ROLES:
            missing.append("no amount")
        if not self.roles & {CUSTOMER_ID, CUSTOMER_NAME}:
            missing.append("no customer")
        return ", ".join(missing) if missing else "fewer recognised columns"


def read_excel(name: str, raw: bytes, options: ReadOptions) -> Table:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise DataError(
            [
                Problem(
                    ERROR,
                    name,
                    f"could not be opened as an Excel workbook "
                    f"({error}); open it in Excel and save it again as .xlsx, "
                    "or export the invoices as CSV",
                )
            ]
        ) from None
    try:
        names = book.sheetnames
        if not names:
            raise DataError([Problem(ERROR, name, "the workbook has no sheets")])
        notes: list[str] = []
        if options.sheet is not None:
            chosen = _named_sheet(name, names, options.sheet)
        else:
            looks = [_look(book[n], n, options.mapped) for n in names]
            best = max(looks, key=lambda look: (*look.rank(), -names.index(look.name)))
            chosen = best.name
            if len(names) > 1:
                notes.append(_choice_note(best, [k for k in looks if k is not best]))
        rows, typed = _grid(book[chosen])
    finally:
        book.close()
    if not rows or not any(any(cell for cell in row) for row in rows):
        raise DataError(
            [Problem(ERROR, name, f"sheet '{chosen}' is empty" + _other_sheets_hint(names, chosen))]
        )
    header_at, _ = header_row(rows, options.mapped)
    if header_at > 0:
        notes.append(
            f"the column names are on line {header_at + 1} of sheet '{chosen}'; "
            "the lines above them were skipped"
        )
    width = max(len(r) for r in rows)
    rows = [list(r) + [""] * (width - len(r)) for r in rows]
    raw_headers = rows[header_at]
    headers = unique_headers(raw_headers)
    body = rows[header_at + 1 :]
    lines = list(range(header_at + 2, header_at + 2 + len(body)))
    frame = (
        pd.DataFrame(body, columns=headers, dtype=object)
        if body
        else pd.DataFrame(columns=headers, dtype=object)
    )
    typed_columns = _typed_columns(typed, header_at, width)
    number_cells = {
        h for h, only_numbers in zip(headers, typed_columns, strict=True) if only_numbers
    }
    frame, lines = drop_empty(frame, lines, raw_headers)
    return Table(
        frame,
        lines,
        notes,
        typed_numbers=number_cells & set(frame.columns),
        sheet=chosen,
        other_sheets=[n for n in names if n != chosen],
        source_kind="excel",
    )


def _look(sheet, name: str, mapped: set[str]) -> SheetLook:
    rows = [
        [cell_text(v) for v in row]
        for row in sheet.iter_rows(max_row=HEADER_SEARCH, values_only=True)
    ]
    if not rows:
        return SheetLook(name, 0, set())
    at, roles = header_row(rows, mapped)
    return SheetLook(name, at, roles)


EMPTY, NUMBER, OTHER = 0, 1, 2


def _grid(sheet) -> tuple[list[list[str]], list[list[int]]]:
    """The sheet's cells as text, and the kind of each cell (empty, number, other)."""
    rows, kinds = [], []
    for row in sheet.iter_rows(values_only=True):
        rows.append([cell_text(v) for v in row])
        kinds.append(
            [
                EMPTY
                if v is None or v == ""
                else NUMBER
                if isinstance(v, int | float) and not isinstance(v, bool)
                else OTHER
                for v in row
            ]
        )
    return rows, kinds


def _typed_columns(kinds: list[list[int]], header_at: int, width: int) -> list[bool]:
    """Per column: its filled body cells are all typed numbers (and there is one)."""
    seen = [set() for _ in range(width)]
    for row in kinds[header_at + 1 :]:
        for index, kind in enumerate(row):
            seen[index].add(kind)
    return [NUMBER in kinds_seen and OTHER not in kinds_seen for kinds_seen in seen]


def _choice_note(best: SheetLook, others: list[SheetLook]) -> str:
    skipped = "; ".join(f"'{o.name}' ({o.why_not()})" for o in others)
    if best.has_lines:
        why = "its columns look like invoice lines"
    else:
        why = "no sheet has both an invoice date and an amount; it came closest"
    return f"took sheet '{best.name}' ({why}); skipped {skipped}. To read another, add --sheet NAME"


def _named_sheet(file: str, names: list[str], sheet: str | int) -> str:
    if isinstance(sheet, str) and sheet in names:
        return sheet
    if isinstance(sheet, str) and sheet.strip().lstrip("-").isdigit():
        sheet = int(sheet)
    if isinstance(sheet, int) and not isinstance(sheet, bool) and -len(names) <= sheet < len(names):
        return names[sheet]
    raise DataError(
        [
            Problem(
                ERROR,
                file,
                f"has no sheet {sheet!r}; its sheets are "
                f"{', '.join(repr(n) for n in names)} (or give a position, "
                "0 for the first)",
            )
        ]
    )


def _other_sheets_hint(names: list[str], chosen: str) -> str:
    others = [n for n in names if n != chosen]
    if not others:
        return ""
    return (
        f"; the workbook also has {', '.join(repr(n) for n in others)}: choose one "
        "with --sheet NAME"
    )


def missing_hint(table: Table) -> str:
    """A sentence for a missing-column message when other sheets might hold the lines."""
    if not table.other_sheets:
        return ""
    return (
        f" The workbook also has sheet(s) {', '.join(repr(n) for n in table.other_sheets)}"
        f" besides '{table.sheet}': if the invoice lines are there, add --sheet NAME."
    )


# --- OLE containers: a password, or an old .xls --------------------------------------------


def read_protected(name: str, raw: bytes, options: ReadOptions) -> Table:
    """An encrypted workbook opened with ``options.password``, or a message saying what to do."""
    try:
        import msoffcrypto
        from msoffcrypto.exceptions import FileFormatError, InvalidKeyError
    except ImportError:  # pragma: no cover - a dependency
        msoffcrypto = None
    office = None
    if msoffcrypto is not None:
        try:
            office = msoffcrypto.OfficeFile(io.BytesIO(raw))
            encrypted = office.is_encrypted()
        except Exception:  # not an Office file msoffcrypto knows, or damaged
            office, encrypted = None, False
    else:
        encrypted = b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k" in raw
    if not encrypted or office is None or type(office).__name__ != "OOXMLFile":
        if encrypted:
            return _refuse_password(name, old=True)
        raise DataError(
            [
                Problem(
                    ERROR,
                    name,
                    "is an old Excel 97-2003 workbook (.xls), which "
                    "cannot be read; open it in Excel and save it as .xlsx (Excel "
                    "workbook), or export the invoices as CSV",
                )
            ]
        )
    if not options.password:
        _refuse_password(name)
    try:
        office.load_key(password=options.password)
        plain = io.BytesIO()
        office.decrypt(plain)
    except (InvalidKeyError, FileFormatError):
        raise DataError(
            [
                Problem(
                    ERROR,
                    name,
                    "is protected with a password, and the password "
                    "given did not open it; check it (capitals count) and try "
                    "again",
                )
            ]
        ) from None
    table = read_excel(name, plain.getvalue(), options)
    table.notes.insert(0, "opened the password-protected workbook with the password given")
    return table


def _refuse_password(name: str, old: bool = False) -> Table:
    how = (
        "open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt "
        "with Password, empty the box) and save it as .xlsx"
    )
    if old:
        raise DataError(
            [
                Problem(
                    ERROR, name, f"is an old Excel workbook (.xls) protected with a password; {how}"
                )
            ]
        )
    raise DataError(
        [
            Problem(
                ERROR,
                name,
                "is protected with a password (an encrypted "
                "workbook), so its sheets cannot be read. Give the password with "
                f"--password, or {how}; saving it again as it is keeps the "
                "password",
            )
        ]
    )
