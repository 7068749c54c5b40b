"""Reading an export into a table of text, whatever kind of file it is.

The kind is told by the content, not the name: a zip is an Excel workbook, an
OpenDocument file or a zip of Finvoice e-invoices; an OLE container is a
password-protected workbook or an old .xls; ``<`` starts a Finvoice XML file;
``%PDF`` a PDF; anything else is text (CSV, semicolon or tab separated), its
encoding decided from the whole file (see :mod:`.encodings`). A folder is a
folder of Finvoice files.

Every reader returns a :class:`Table` of text cells with the line each row
has in the file (as a spreadsheet or a text editor shows it), so that every
later message can name the line.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from helpers.company.folder import ERROR, DataError, Problem
from helpers.company.importing.columns import recognise
from helpers.company.importing.encodings import decode_export, not_text

HEADER_SEARCH = 30  # lines looked at for the column names (below a title block)
SEPARATORS = (";", "\t", ",", "|")
SEPARATOR_NAMES = {";": "semicolon", ",": "comma", "\t": "tab", "|": "vertical bar"}
ZIP_LIMIT = 1 << 30  # bytes unpacked from a zip at most


@dataclass
class Table:
    """An export as text cells; ``lines`` are the file's line numbers of the rows."""

    frame: pd.DataFrame  # every cell a string, '' when empty; columns = source headers
    lines: list[int]
    notes: list[str] = field(default_factory=list)
    # columns whose numbers the program wrote itself (typed Excel cells, Finvoice amounts):
    # their decimal mark is a point, whatever the other columns say
    typed_numbers: set[str] = field(default_factory=set)
    # role -> column, when the reader knows them (Finvoice); else found by the names
    roles: dict[str, str] | None = None
    sheet: str | None = None
    other_sheets: list[str] = field(default_factory=list)
    separator: str | None = None
    source_kind: str = "text"
    grouped: bool = False  # a report grouped by customer (set when its layout is read)


@dataclass
class ReadOptions:
    sheet: str | int | None = None
    mapped: set[str] = field(default_factory=set)  # source columns named in a mapping file
    encoding: str | None = None
    password: str | None = None


# --- what kind of file ---------------------------------------------------------------------


def read_export(export: Path, options: ReadOptions | None = None) -> Table:
    """The export as a table of text cells; raises DataError saying what the file is
    when it is not something the importer reads."""
    options = options or ReadOptions()
    if export.is_dir():
        from helpers.company.importing.finvoice import read_finvoice_folder

        return read_finvoice_folder(export)
    if not export.exists():
        raise DataError([Problem(ERROR, str(export), "export file not found")])
    try:
        raw = export.read_bytes()
    except OSError as error:
        reason = error.strerror or "error"
        raise DataError(
            [
                Problem(
                    ERROR,
                    str(export),
                    f"could not be read ({reason}); close it in other programs and try again",
                )
            ]
        ) from None
    return read_bytes(export.name, raw, options)


def read_bytes(name: str, raw: bytes, options: ReadOptions) -> Table:
    if not raw.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise DataError(
            [
                Problem(
                    ERROR,
                    name,
                    "the file is empty; export the invoices again, "
                    "with the column names on the first line",
                )
            ]
        )
    if raw.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _read_zip(name, raw, options)
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        from helpers.company.importing.sheets import read_protected

        return read_protected(name, raw, options)
    if raw.startswith(b"%PDF"):
        raise DataError(
            [
                Problem(
                    ERROR,
                    name,
                    "is a PDF: it shows invoices but their lines "
                    "cannot be read from it. Export the invoices from your "
                    "program as CSV or Excel (.xlsx) instead",
                )
            ]
        )
    if _looks_like_xml(raw):
        from helpers.company.importing.finvoice import read_finvoice_file

        return read_finvoice_file(name, raw)
    if raw.startswith((b"{\\rtf", b"\x1f\x8b", b"7z\xbc\xaf", b"Rar!")):
        raise not_text(name)
    return read_text(name, raw, options)


def _looks_like_xml(raw: bytes) -> bool:
    start = raw[:200].lstrip(b"\xef\xbb\xbf").lstrip()
    return start.startswith(b"<")


def _read_zip(name: str, raw: bytes, options: ReadOptions) -> Table:
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise DataError(
            [Problem(ERROR, name, f"is a damaged zip or Excel file ({error}); export it again")]
        ) from None
    if "xl/workbook.bin" in names:
        raise DataError(
            [
                Problem(
                    ERROR,
                    name,
                    "is an Excel binary workbook (.xlsb), which cannot be read; save it as "
                    ".xlsx (Excel workbook) or as CSV",
                )
            ]
        )
    if "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names):
        from helpers.company.importing.sheets import read_excel

        return read_excel(name, raw, options)
    if "mimetype" in names or any(n.startswith("Index/") for n in names):
        raise DataError(
            [
                Problem(
                    ERROR,
                    name,
                    "is an OpenDocument or Numbers spreadsheet, "
                    "which cannot be read; save it as .xlsx (Excel workbook) or "
                    "as CSV",
                )
            ]
        )
    from helpers.company.importing.finvoice import read_finvoice_zip

    return read_finvoice_zip(name, archive)


def unpacked(archive: zipfile.ZipFile, name: str) -> list[tuple[str, bytes]]:
    """The files of a zip as (name, bytes), folders and macOS leftovers left out."""
    members = [
        i
        for i in archive.infolist()
        if not i.is_dir()
        and not i.filename.startswith("__MACOSX/")
        and not Path(i.filename).name.startswith("._")
    ]
    if sum(i.file_size for i in members) > ZIP_LIMIT:
        raise DataError(
            [
                Problem(
                    ERROR, name, "unpacks to more than 1 GB; unzip it yourself and import the files"
                )
            ]
        )
    out = []
    for info in members:
        try:
            out.append((info.filename, archive.read(info)))
        except RuntimeError:  # encrypted member
            raise DataError(
                [
                    Problem(
                        ERROR,
                        name,
                        f"'{info.filename}' in the zip is protected "
                        "with a password; unzip it yourself and import the "
                        "files",
                    )
                ]
            ) from None
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as error:
            raise DataError(
                [
                    Problem(
                        ERROR,
                        name,
                        f"'{info.filename}' in the zip could not be "
                        f"unpacked ({error}); unzip it yourself",
                    )
                ]
            ) from None
    return out


# --- column names: where they are ---------------------------------------------------------


def unique_headers(headers: list[str]) -> list[str]:
    """Header names as given, blank ones called '(column B)', repeated ones 'Name.1'."""
    seen: dict[str, int] = {}
    out = []
    for position, header in enumerate(headers):
        name = header.strip() or f"(column {column_letter(position)})"
        if name in seen:
            seen[name] += 1
            name = f"{name}.{seen[name]}"
        else:
            seen[name] = 0
        out.append(name)
    return out


def column_letter(position: int) -> str:
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def header_roles(row: list[str], mapped: set[str]) -> set[str]:
    """The roles (date, amount, …) the cells of a row name, as column headers."""
    roles = set()
    for cell in row:
        cell = str(cell).strip()
        if not cell or len(cell) > 60:
            continue
        hit = recognise(cell)
        if hit is not None:
            roles.add(hit[0])
        elif cell in mapped:
            roles.add(f"mapped:{cell}")
    return roles


def header_row(rows: list[list[str]], mapped: set[str]) -> tuple[int, set[str]]:
    """The index of the row (among the first ones) naming the most known columns, and
    the roles it names; row 0 when none names two."""
    best, best_roles = 0, set()
    for index, row in enumerate(rows[:HEADER_SEARCH]):
        roles = header_roles(row, mapped)
        if len(roles) > len(best_roles):
            best, best_roles = index, roles
    if len(best_roles) < 2:
        return 0, header_roles(rows[0], mapped) if rows else set()
    return best, best_roles


# --- text files ---------------------------------------------------------------------------


_BREAK = re.compile(r"\r\n|\r|\n")


def choose_separator(lines: list[str]) -> str:
    """The separator that splits the most of the first lines into the same number (> 1)
    of fields; ',' when none does."""
    best, best_score = ",", (0, 0)
    for separator in SEPARATORS:
        counts = [len(r) for r in csv.reader(lines, delimiter=separator) if any(r)]
        wide = [c for c in counts if c > 1]
        if not wide:
            continue
        mode = max(set(wide), key=lambda c: (wide.count(c), c))
        score = (wide.count(mode), mode)
        if score > best_score:
            best, best_score = separator, score
    return best


def read_text(name: str, raw: bytes, options: ReadOptions) -> Table:
    """A CSV or text export: encoding, separator and the header line found from the content."""
    decoded = decode_export(raw, name, options.encoding)
    text = decoded.text.lstrip("\ufeff")
    if not text.strip():
        raise DataError(
            [
                Problem(
                    ERROR,
                    name,
                    "the file is empty; export the invoices again, "
                    "with the column names on the first line",
                )
            ]
        )
    head = _BREAK.split(text[:400_000], maxsplit=200)[:200]
    separator = choose_separator([line for line in head if line.strip()][:60])
    records, starts = _records(head, separator)
    header_at, _ = header_row(records, options.mapped)
    skip = starts[header_at] - 1 if records else 0  # physical lines above the header
    body = _after_lines(text, skip)
    width = max((len(r) for r in records[header_at:]), default=1)
    try:
        grid = _read_grid(body, separator, width)
    except pd.errors.ParserError:
        # a line longer than the first ones: read as wide as the widest line, then say
        # which lines have values beyond the last named column
        grid = _read_grid(body, separator, _widest(body, separator))
        named = len(records[header_at]) if records else width
        extra = (grid.iloc[1:, named:] != "").any(axis=1)
        if extra.any():
            lines = _row_lines(body, separator, len(grid), skip)
            where = [lines[i] for i in range(len(lines)) if extra.iloc[i]]
            raise DataError(
                [
                    Problem(
                        ERROR,
                        name,
                        f"has more fields on these lines than it has column names "
                        f"({named}); a value probably contains the separator "
                        f"({SEPARATOR_NAMES.get(separator, separator)}) without quotes",
                        lines=where,
                    )
                ]
            ) from None
    if grid.empty:
        raise DataError(
            [
                Problem(
                    ERROR,
                    name,
                    "the file is empty; export the invoices again, "
                    "with the column names on the first line",
                )
            ]
        )
    headers = unique_headers([str(h) for h in grid.iloc[0].tolist()])
    frame = grid.iloc[1:].reset_index(drop=True)
    frame.columns = headers
    frame = frame.apply(_strip_distinct) if len(frame) else frame
    lines = _row_lines(body, separator, len(grid), skip)
    notes = [
        f"read as {decoded.label} text separated by "
        f"{SEPARATOR_NAMES.get(separator, repr(separator))}",
        *decoded.notes,
    ]
    if skip:
        notes.append(
            f"skipped {skip} line(s) above the column names (a title or notes); "
            f"the column names are on line {skip + 1}"
        )
    frame, lines = drop_empty(frame, lines, [str(h) for h in grid.iloc[0].tolist()])
    return Table(frame, lines, notes, separator=separator)


def _records(lines: list[str], separator: str) -> tuple[list[list[str]], list[int]]:
    """The first records of the file and the physical line each starts on (1-based)."""
    records, starts = [], []
    reader = csv.reader(io.StringIO("\n".join(lines)), delimiter=separator)
    previous_end = 0
    try:
        for record in reader:
            records.append([cell.strip() for cell in record])
            starts.append(previous_end + 1)
            previous_end = reader.line_num
    except csv.Error:
        pass  # a broken quote in the first lines: use what was read
    return records, starts


def _after_lines(text: str, skip: int) -> str:
    if skip <= 0:
        return text
    position = 0
    for count, match in enumerate(_BREAK.finditer(text), start=1):
        position = match.end()
        if count == skip:
            break
    return text[position:]


def _row_lines(body: str, separator: str, rows: int, skip: int) -> list[int]:
    """The file line of each data row (the header is row 0 of ``body``)."""
    breaks = len(_BREAK.findall(body))
    physical = breaks + (0 if body.endswith(("\n", "\r")) else 1)
    if physical == rows:  # one row a line: no line breaks inside quoted cells
        return list(range(skip + 2, skip + 1 + rows))
    starts, previous_end = [], 0
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=separator)
    for _record in reader:
        starts.append(previous_end + 1)
        previous_end = reader.line_num
    if len(starts) != rows:  # pandas and csv disagree: count rows instead
        return list(range(skip + 2, skip + 1 + rows))
    return [skip + start for start in starts[1:]]


def _strip_distinct(column: pd.Series) -> pd.Series:
    """``column.str.strip()``, done once per distinct value (ids, dates and products repeat)."""
    codes, distinct = pd.factorize(column, use_na_sentinel=False)
    stripped = pd.Index(distinct).astype(str).str.strip().to_numpy(dtype=object)
    return pd.Series(stripped[codes], index=column.index, name=column.name, dtype=object)


def drop_empty(
    frame: pd.DataFrame, lines: list[int], raw_headers: list[str]
) -> tuple[pd.DataFrame, list[int]]:
    """Columns with neither a name nor a value, and rows with no value, left out."""
    unnamed = [
        h
        for h, raw in zip(frame.columns, raw_headers, strict=False)
        if not str(raw).strip() and (frame[h] == "").all()
    ]
    frame = frame.drop(columns=unnamed)
    if len(frame.columns) == 0:
        return frame.iloc[0:0], []
    filled = (frame != "").any(axis=1).to_numpy()
    frame = frame[filled].reset_index(drop=True)
    return frame, [n for n, keep in zip(lines, filled, strict=True) if keep]


def _read_grid(body: str, separator: str, width: int) -> pd.DataFrame:
    return pd.read_csv(
        io.StringIO(body),
        sep=separator,
        header=None,
        dtype=str,
        keep_default_na=False,
        skip_blank_lines=False,
        names=range(width),
        quoting=csv.QUOTE_MINIMAL,
        engine="c",
    )


def _widest(body: str, separator: str) -> int:
    return max(
        (len(r) for r in csv.reader(io.StringIO(body, newline=""), delimiter=separator)), default=1
    )
