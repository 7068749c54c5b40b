"""Turn an accounting or invoicing export into a company folder.

``import_export(EXPORT, TO_DIR)`` reads a CSV file (``;``, ``,`` or tab
separated; UTF-8, UTF-8 with BOM or cp1252; decimal comma or point; dates like
``31.12.2024``, ``31.12.24`` or ``2024-12-31``) or an Excel ``.xlsx`` workbook,
recognises its columns by their names in Finnish, Swedish or English (never by
their position) and writes ``TO_DIR/invoices.csv`` in the canonical form
(comma separator, decimal point, ISO dates, UTF-8), plus ``customers.csv``
(``customer_id,name``) when the export has both a customer number and a
customer name. When it has only a name, the name becomes the ``customer_id``.

The amount the workbook wants is **net** (excluding VAT). When an export has
both a net and a VAT-inclusive total, the net one is taken; when it has only a
VAT-inclusive total, that is taken and the report warns that every figure then
includes VAT.

Every value that cannot be read is reported with the file, the line (as a
spreadsheet shows it: the header is line 1) and the column, all of them at
once, in a :class:`helpers.data.DataError`; nothing is written then. A
successful import writes into a temporary folder next to ``TO_DIR`` and renames
it at the end, so there is never a half-written company folder. The export
itself is only read.

A mapping file
--------------
When the guess is wrong, or a column has a name the importer does not know, a
small TOML file says which source column is which (see
``docs/mapping-example.toml``)::

    sheet = "Laskut"            # Excel only: sheet name, or 0 for the first sheet
    date_format = "%m/%d/%Y"    # how dates are written (Python strftime codes)
    decimal = ","               # "," or ".": the decimal mark of the numbers

    [columns]
    customer_id = "Asiakasnumero"
    customer_name = "Asiakas"
    date = "Laskun pvm"
    amount = "Veroton summa"        # net, excluding VAT
    gross_amount = "Verollinen"     # only used when there is no net amount
    invoice_id = "Laskunro"
    product = "Tuote"
    quantity = "Määrä"
    unit_price = "À-hinta"
    list_price = "Listahinta"
    cost = "Hankintahinta"

Every entry overrides the guess for that column; columns not named are still
recognised by name. An empty string (``product = ""``) means "do not take
this column even if you recognise one".

Force
-----
An existing folder that is not empty is never touched unless ``force=True``.
With force, the files the import writes are replaced and every other file in
the folder (``hours.csv``, ``company.toml``, the answers of the forms, …) is
kept; an existing ``customers.csv`` is also kept, because it may hold what
someone typed into it (owners, wallets).
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import tempfile
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

import pandas as pd

from helpers.data import (
    CUSTOMERS,
    ERROR,
    EXPECTED,
    HOURS,
    INVOICES,
    QUOTES,
    SETTINGS_FILE,
    SURVEY,
    DataError,
    Problem,
)
from helpers.parsing import normalise_name, parse_dates, parse_numbers, read_text_table

# --- recognising columns ------------------------------------------------------------------

# Roles a source column can play. Most are canonical invoice columns; the customer
# name, and the net / VAT-inclusive / unspecified amounts are roles of their own.
CUSTOMER_ID, CUSTOMER_NAME = "customer_id", "customer_name"
NET, GROSS, PLAIN_AMOUNT = "amount", "gross_amount", "amount_unspecified"

SYNONYMS: dict[str, tuple[str, ...]] = {
    CUSTOMER_ID: (
        "customer_id", "asiakasnumero", "asiakasnro", "asiakas nro", "asiakastunnus",
        "asiakaskoodi", "kundnummer", "kundnr", "kund id", "customer number", "customer no",
        "client id", "client number", "account", "account number",
    ),
    CUSTOMER_NAME: (
        "customer_name", "asiakas", "asiakkaan nimi", "asiakasnimi", "kund", "kundnamn",
        "kundens namn", "customer", "customer name", "client", "client name",
    ),
    "date": (
        "date", "päivämäärä", "pvm", "laskun päivä", "laskun päivämäärä", "laskun pvm",
        "laskupäivä", "laskupvm", "datum", "fakturadatum", "invoice date",
    ),
    "invoice_id": (
        "invoice_id", "laskunumero", "laskunro", "laskun numero", "lasku", "fakturanummer",
        "fakturanr", "faktura", "invoice", "invoice no", "invoice number",
    ),
    "product": (
        "product", "tuote", "nimike", "tuotenimi", "artikkeli", "produkt", "produktnamn",
        "artikel", "item", "description", "kuvaus", "beskrivning",
    ),
    "quantity": (
        "quantity", "määrä", "kpl", "lukumäärä", "antal", "kvantitet", "st", "qty", "pcs",
    ),
    "unit_price": (
        "unit_price", "yksikköhinta", "à-hinta", "a-hinta", "á-pris", "a-pris", "styckpris",
        "pris per st", "unit price", "price",
    ),
    "list_price": ("list_price", "listahinta", "ohjehinta", "listpris", "list price"),
    NET: (
        "amount", "veroton summa", "summa alv 0", "yhteensä veroton", "veroton", "netto",
        "nettosumma", "nettobelopp", "belopp exkl moms", "summa exkl moms", "net amount",
        "amount excl vat", "net", "net total", "amount_net",
    ),
    GROSS: (
        "gross_amount", "verollinen summa", "yhteensä", "summa sis alv", "verollinen",
        "brutto", "bruttosumma", "belopp inkl moms", "totalt", "total", "amount incl vat",
        "gross", "gross amount", "total amount",
    ),
    PLAIN_AMOUNT: ("summa", "belopp", "sum", "laskun summa", "fakturabelopp", "invoice amount"),
    "cost": (
        "cost", "kustannus", "hankintahinta", "kulut", "kostnad", "inköpspris", "ostohinta",
        "cost price",
    ),
}

# What each role is called in the report and in error messages.
DESCRIPTIONS = {
    CUSTOMER_ID: "customer number",
    CUSTOMER_NAME: "customer name",
    "date": "invoice date",
    "invoice_id": "invoice number",
    "product": "product",
    "quantity": "quantity",
    "unit_price": "unit price",
    "list_price": "list price",
    NET: "net amount (excl. VAT)",
    GROSS: "amount including VAT",
    PLAIN_AMOUNT: "amount",
    "cost": "cost",
}
# Keys allowed in a mapping file's [columns] table (``name`` is an alias of customer_name).
MAPPING_KEYS = (CUSTOMER_ID, CUSTOMER_NAME, "date", NET, GROSS, "invoice_id", "product",
                "quantity", "unit_price", "list_price", "cost")
OPTIONAL_OUT = ("invoice_id", "product", "quantity", "unit_price", "list_price", "cost")
NUMBER_ROLES = {"quantity", "unit_price", "list_price", "cost", NET, GROSS, PLAIN_AMOUNT}
CURRENCY_WORDS = {"eur", "e", "sek", "kr", "usd", "gbp", "euro", "euroa"}
TOTAL_WORDS = {"yhteensa", "kaikki_yhteensa", "total", "totalt", "totals", "grand_total",
               "summa", "sum", "summa_yhteensa", "totalsumma"}


def _squash(name: str) -> str:
    return normalise_name(name).replace("_", "")


def _header_keys(header: str) -> list[str]:
    """The squashed forms a header is looked up by: as is, and without a currency word."""
    normal = normalise_name(header)
    keys = [normal.replace("_", "")]
    parts = normal.split("_")
    if len(parts) > 1 and parts[-1] in CURRENCY_WORDS:
        keys.append("".join(parts[:-1]))
    return keys


def _synonym_index() -> dict[str, tuple[str, int]]:
    index: dict[str, tuple[str, int]] = {}
    for role, words in SYNONYMS.items():
        for rank, word in enumerate(words):
            key = _squash(word)
            if key in index and index[key][0] != role:
                raise AssertionError(f"synonym {word!r} is listed for two columns")
            index.setdefault(key, (role, rank))
    return index


SYNONYM_INDEX = _synonym_index()


def recognise(header: str) -> tuple[str, int] | None:
    """The role a source header plays and the rank of the synonym it matched, or None.

    >>> recognise("Veroton summa (EUR)")
    ('amount', 1)
    >>> recognise("Kundnr")[0]
    'customer_id'
    """
    for key in _header_keys(header):
        if key in SYNONYM_INDEX:
            return SYNONYM_INDEX[key]
    return None


# --- the report --------------------------------------------------------------------------


@dataclass
class ImportReport:
    """What an import did: the columns it took, what it left aside, what to look at."""

    source: Path
    folder: Path
    lines: int = 0
    customers: int = 0
    taken: dict[str, str] = field(default_factory=dict)  # canonical column -> source column
    ignored: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        out = [
            f"Imported {self.lines} invoice line(s) for {self.customers} customer(s) from "
            f"{self.source.name} into {self.folder}",
            f"  wrote: {', '.join(self.files)}" if self.files else "  wrote: nothing",
            "  columns taken:",
        ]
        width = max((len(k) for k in self.taken), default=0)
        for canonical, source in self.taken.items():
            out.append(f"    {canonical.ljust(width)}  <-  {source}")
        if self.ignored:
            out.append(f"  columns ignored: {', '.join(self.ignored)}")
        if self.notes:
            out.append("  notes:")
            out.extend(f"    - {note}" for note in self.notes)
        return "\n".join(out)


# --- reading the export ------------------------------------------------------------------


@dataclass
class _Table:
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


def _read_excel(path: Path, sheet: str | int | None, mapped: set[str]) -> _Table:
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
    return _Table(frame, lines, ".", notes)


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


def _read_csv(path: Path) -> _Table:
    try:
        table = read_text_table(path)
    except (ValueError, UnicodeDecodeError) as error:
        raise DataError([Problem(ERROR, path.name, f"could not be read as a table: "
                                 f"{error}")]) from None
    frame = table.frame
    if len(frame.columns) == 0:
        raise DataError([Problem(ERROR, path.name, "the file is empty; export the invoices "
                                 "again, with the column names on the first line")])
    lines = _record_lines(path, table.encoding, table.separator, len(frame))
    names = {";": "semicolon", ",": "comma", "\t": "tab"}
    separator = names.get(table.separator, repr(table.separator))
    notes = [f"read as {table.encoding} text separated by {separator}"]
    frame = frame.astype(str)
    filled = (frame != "").any(axis=1).to_numpy()
    frame = frame[filled].reset_index(drop=True)
    lines = [n for n, keep in zip(lines, filled, strict=True) if keep]
    return _Table(frame, lines, "," if table.separator == ";" else ".", notes)


def _record_lines(path: Path, encoding: str, separator: str, rows: int) -> list[int]:
    """The line of the file each data row starts on (blank lines and quoted line breaks counted)."""
    text = path.read_bytes().decode(encoding)
    starts: list[int] = []
    reader = csv.reader(io.StringIO(text), delimiter=separator)
    previous_end = 0
    for record in reader:
        if record:
            starts.append(previous_end + 1)
        previous_end = reader.line_num
    data_starts = starts[1:]
    if len(data_starts) != rows:  # pandas and csv disagree: fall back to counting rows
        return list(range(2, rows + 2))
    return data_starts


# --- the mapping file ----------------------------------------------------------------------


@dataclass
class _Mapping:
    columns: dict[str, str] = field(default_factory=dict)  # role -> source header ('' = none)
    date_format: str | None = None
    decimal: str | None = None
    sheet: str | int | None = None


def read_mapping(path: Path) -> _Mapping:
    """Read a mapping file (see the module docstring); raises DataError when it is wrong."""
    path = Path(path)
    problems: list[Problem] = []
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise DataError([Problem(ERROR, str(path), "mapping file not found")]) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise DataError([Problem(ERROR, path.name, f"is not valid TOML ({error}); lines look "
                                 'like: date = "Laskun pvm"')]) from None
    mapping = _Mapping()
    columns = raw.get("columns", {})
    if not isinstance(columns, dict):
        problems.append(Problem(ERROR, path.name, "[columns] must be a table of "
                                'canonical = "source column" lines'))
        columns = {}
    for key, source in columns.items():
        role = CUSTOMER_NAME if key == "name" else key
        if role not in MAPPING_KEYS:
            problems.append(Problem(ERROR, path.name, f"unknown column '{key}' in [columns]; "
                                    f"known: {', '.join(MAPPING_KEYS)}", column=key))
        elif not isinstance(source, str):
            problems.append(Problem(ERROR, path.name, "expected the name of a column in the "
                                    "export, in quotes", column=key, found=[str(source)]))
        else:
            mapping.columns[role] = source.strip()
    date_format = raw.get("date_format")
    if date_format is not None:
        if not isinstance(date_format, str) or "%" not in date_format:
            problems.append(Problem(ERROR, path.name, 'date_format looks like "%d.%m.%Y" or '
                                    '"%m/%d/%Y"', column="date_format", found=[str(date_format)]))
        else:
            mapping.date_format = date_format
    decimal = raw.get("decimal")
    if decimal is not None:
        if decimal not in (",", "."):
            problems.append(Problem(ERROR, path.name, 'decimal must be "," or "."',
                                    column="decimal", found=[str(decimal)]))
        else:
            mapping.decimal = decimal
    sheet = raw.get("sheet")
    if sheet is not None:
        if isinstance(sheet, bool) or not isinstance(sheet, str | int):
            problems.append(Problem(ERROR, path.name, "sheet is a sheet name in quotes or a "
                                    "position (0 for the first)", column="sheet",
                                    found=[str(sheet)]))
        else:
            mapping.sheet = sheet
    unknown = set(raw) - {"columns", "date_format", "decimal", "sheet"}
    if unknown:
        problems.append(Problem(ERROR, path.name, "unknown setting(s): "
                                f"{', '.join(sorted(unknown))}; known: sheet, date_format, "
                                "decimal and the [columns] table"))
    if problems:
        raise DataError(problems)
    return mapping


# --- choosing columns ------------------------------------------------------------------


def _find_header(wanted: str, headers: list[str]) -> str | None:
    if wanted in headers:
        return wanted
    by_key = {_squash(h): h for h in headers}
    return by_key.get(_squash(wanted))


def _closest_headers(role: str, headers: list[str], n: int = 3) -> list[str]:
    import difflib

    scored = []
    for header in headers:
        key = _squash(header)
        score = max(difflib.SequenceMatcher(None, key, _squash(w)).ratio()
                    for w in SYNONYMS[role])
        if score >= 0.5:
            scored.append((score, header))
    return [h for _, h in sorted(scored, key=lambda s: -s[0])[:n]]


def _choose_columns(headers: list[str], mapping: _Mapping, file: str, mapping_file: str,
                    problems: list[Problem], notes: list[str]) -> dict[str, str]:
    """Role -> source header, from the mapping first, then by recognised names."""
    chosen: dict[str, str] = {}
    used: set[str] = set()
    for role, wanted in mapping.columns.items():
        if wanted == "":
            continue
        header = _find_header(wanted, headers)
        if header is None:
            problems.append(Problem(ERROR, mapping_file, f"names the column '{wanted}', which "
                                    f"{file} does not have (its columns: {', '.join(headers)})",
                                    column=role))
            continue
        chosen[role] = header
        used.add(header)
    candidates: dict[str, list[tuple[int, int, str]]] = {}
    for position, header in enumerate(headers):
        if header in used:
            continue
        hit = recognise(header)
        if hit is not None and hit[0] not in mapping.columns:
            candidates.setdefault(hit[0], []).append((hit[1], position, header))
    for role, found in candidates.items():
        found.sort()
        chosen[role] = found[0][2]
        for _, _, other in found[1:]:
            notes.append(f"'{other}' also looks like the {DESCRIPTIONS[role]}; took "
                         f"'{found[0][2]}' (name the one you want in a mapping file)")
    return chosen


# --- parsing values --------------------------------------------------------------------------


_COMMA_DECIMAL = re.compile(r"\d,\d{1,2}$|\d,\d{4,}$|\d\.\d{3},\d")
_POINT_DECIMAL = re.compile(r"\d\.\d{1,2}$|\d\.\d{4,}$|\d,\d{3}\.\d")


def _column_decimal(values: pd.Series, default: str) -> str:
    """The decimal mark the unambiguous cells of a column use, else ``default``."""
    text = values[values != ""].str.replace(r"[\s\u00a0\u202f]", "", regex=True)
    comma = text.str.contains(_COMMA_DECIMAL).sum()
    point = text.str.contains(_POINT_DECIMAL).sum()
    if comma > point:
        return ","
    if point > comma:
        return "."
    return default


def _parse_date_column(values: pd.Series, date_format: str | None) -> tuple[pd.Series, pd.Series]:
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


def _format_number(value: float) -> str:
    if pd.isna(value):
        return ""
    value = round(float(value), 6) + 0.0  # + 0.0 turns -0.0 into 0.0
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


# --- the import ------------------------------------------------------------------------------


def import_export(
    export: Path,
    to_dir: Path,
    *,
    mapping: Path | None = None,
    sheet: str | int | None = None,
    force: bool = False,
) -> ImportReport:
    """Turn an accounting export (CSV or .xlsx) into a company folder; see the module docstring.

    Raises :class:`helpers.data.DataError` listing every problem (nothing is
    written then).
    """
    export, to_dir = Path(export), Path(to_dir)
    file = export.name
    if not export.is_file():
        raise DataError([Problem(ERROR, str(export), "export file not found")])
    _refuse_unsafe_target(export, to_dir, force)
    rules = read_mapping(mapping) if mapping is not None else _Mapping()
    mapping_file = Path(mapping).name if mapping is not None else "mapping"
    suffix = export.suffix.lower()
    if suffix in (".xls", ".ods", ".numbers"):
        raise DataError([Problem(ERROR, file, f"{suffix} files cannot be read; save the export "
                                 "as .xlsx (Excel workbook) or as CSV")])
    if suffix in (".xlsx", ".xlsm"):
        wanted_sheet = sheet if sheet is not None else rules.sheet
        table = _read_excel(export, wanted_sheet, set(rules.columns.values()))
    else:
        table = _read_csv(export)
    frame = table.frame
    headers = [str(c) for c in frame.columns]
    report = ImportReport(source=export, folder=to_dir, notes=list(table.notes))
    problems: list[Problem] = []

    chosen = _choose_columns(headers, rules, file, mapping_file, problems, report.notes)

    # --- which amount, which customer
    amount_role = next((r for r in (NET, GROSS, PLAIN_AMOUNT) if r in chosen), None)
    if amount_role == NET and GROSS in chosen:
        report.notes.append(f"took the net amount '{chosen[NET]}' (excl. VAT) rather than "
                            f"'{chosen[GROSS]}' (incl. VAT)")
    elif amount_role == GROSS:
        report.notes.append(f"WARNING: the export has no net amount, so '{chosen[GROSS]}' was "
                            "taken, which INCLUDES VAT: every revenue figure will be too high "
                            "by the VAT rate. Export the amounts excluding VAT if you can.")
    elif amount_role == PLAIN_AMOUNT:
        report.notes.append(f"could not tell whether '{chosen[PLAIN_AMOUNT]}' includes VAT; "
                            "it was taken as the net amount (excl. VAT). If it includes VAT, "
                            "export the net amounts or name them in a mapping file.")
    id_source = chosen.get(CUSTOMER_ID)
    name_source = chosen.get(CUSTOMER_NAME)
    if id_source is None and name_source is not None:
        report.notes.append(f"the export has no customer number, so the customer name "
                            f"'{name_source}' is used as customer_id")

    missing = []
    if id_source is None and name_source is None:
        missing.append(CUSTOMER_ID)
    if "date" not in chosen:
        missing.append("date")
    if amount_role is None:
        missing.append(NET)
    for role in missing:
        looked_for = {CUSTOMER_ID: (CUSTOMER_ID, CUSTOMER_NAME), "date": ("date",),
                      NET: (NET, GROSS, PLAIN_AMOUNT)}[role]
        near: list[str] = []
        for candidate in looked_for:
            near += [h for h in _closest_headers(candidate, headers) if h not in near]
        examples = ", ".join(f"'{w}'" for w in SYNONYMS[role][1:5])
        hint = f"; closest columns found: {', '.join(near[:3])}" if near else ""
        problems.append(Problem(
            ERROR, file,
            f"no column for the {DESCRIPTIONS[role]} was recognised (columns found: "
            f"{', '.join(headers) or 'none'}){hint}. Known names include {examples}; or name "
            f"it in a mapping file: [columns] {role} = \"…\"",
        ))
    if problems:
        raise DataError(problems)
    if frame.empty:
        raise DataError([Problem(ERROR, file, "the file has a header but no rows")])

    lines = pd.Series(table.lines, index=frame.index)
    customer = frame[id_source or name_source]
    dates_raw = frame[chosen["date"]]

    # totals rows: no date, no customer (or the customer cell says 'Yhteensä'), and a word
    # like 'Yhteensä' / 'Total' in some cell
    total_word = frame.apply(lambda column: column.map(normalise_name).isin(TOTAL_WORDS))
    totals_like = (dates_raw == "") & total_word.any(axis=1) & (
        (customer == "") | customer.map(normalise_name).isin(TOTAL_WORDS))
    if totals_like.any():
        report.notes.append(f"skipped {int(totals_like.sum())} totals line(s) "
                            f"(line {', '.join(str(n) for n in lines[totals_like])})")
        frame, lines = frame[~totals_like], lines[~totals_like]
        customer, dates_raw = customer[~totals_like], dates_raw[~totals_like]

    def problem(mask: pd.Series, source: str, message: str, found: bool = True) -> None:
        if mask.any():
            problems.append(Problem(ERROR, file, message, column=source,
                                    lines=lines[mask].tolist(),
                                    found=frame.loc[mask, source].tolist() if found else []))

    out = pd.DataFrame(index=frame.index)
    who = DESCRIPTIONS[CUSTOMER_ID if id_source else CUSTOMER_NAME]
    problem(customer == "", id_source or name_source, f"is empty; every line needs the {who}",
            found=False)
    out["customer_id"] = customer

    dates, bad = _parse_date_column(dates_raw, rules.date_format)
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
        decimal = rules.decimal or _column_decimal(raw, table.decimal)
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

    # --- what was taken, what was left
    report.taken["customer_id"] = id_source or name_source
    if id_source and name_source:
        report.taken["name"] = name_source
    report.taken["date"] = chosen["date"]
    report.taken["amount"] = amount_source
    for role in OPTIONAL_OUT:
        if role in chosen:
            report.taken[role] = chosen[role]
    taken_sources = set(report.taken.values())
    report.ignored = [h for h in headers if h not in taken_sources]

    customers = None
    if id_source and name_source:
        customers = _customer_names(out["customer_id"], frame[name_source], out["date"],
                                    report.notes)

    # --- write
    text = _invoices_csv(out)
    files = {INVOICES.name: text}
    if customers is not None:
        files[CUSTOMERS.name] = customers.to_csv(index=False, lineterminator="\n")
    report.lines = len(out)
    report.customers = int(out["customer_id"].nunique())
    written = _write_folder(to_dir, files, force, report.notes)
    report.files = written
    return report


def _invoices_csv(out: pd.DataFrame) -> str:
    text_columns = [c for c in ("customer_id", "invoice_id", "product") if c in out]
    written = pd.DataFrame(index=out.index)
    for column in out.columns:
        if column == "date":
            written[column] = out[column].dt.strftime("%Y-%m-%d")
        elif column in text_columns:
            written[column] = out[column].astype(str)
        else:
            written[column] = out[column].map(_format_number)
    return written.to_csv(index=False, lineterminator="\n")


def _customer_names(ids: pd.Series, names: pd.Series, dates: pd.Series,
                    notes: list[str]) -> pd.DataFrame:
    """One row per customer number with its name (the latest when it changed)."""
    pairs = pd.DataFrame({"customer_id": ids, "name": names, "date": dates})
    named = pairs[pairs["name"] != ""]
    changed = named.groupby("customer_id")["name"].nunique()
    changed = changed[changed > 1]
    if len(changed):
        notes.append(f"{len(changed)} customer number(s) appear with more than one name "
                     f"(e.g. {changed.index[0]}); customers.csv keeps the latest name")
    latest = named.sort_values("date", kind="stable").groupby("customer_id")["name"].last()
    result = pd.DataFrame({"customer_id": sorted(pairs["customer_id"].unique())})
    result["name"] = result["customer_id"].map(latest).fillna("")
    return result


# --- writing a folder safely ------------------------------------------------------------------


def _refuse_unsafe_target(export: Path, to_dir: Path, force: bool) -> None:
    if to_dir.exists() and not to_dir.is_dir():
        raise DataError([Problem(ERROR, str(to_dir), "is a file, not a folder; give the path "
                                 "of a (new) company folder")])
    if to_dir.is_dir() and any(to_dir.iterdir()) and not force:
        raise DataError([Problem(ERROR, str(to_dir), "already exists and is not empty; nothing "
                                 "was written. Choose a new folder, or use --force to replace "
                                 "the files the import writes (other files are kept)")])
    if export.resolve().parent == to_dir.resolve() and export.name in (INVOICES.name,
                                                                          CUSTOMERS.name):
        raise DataError([Problem(ERROR, str(export), "is inside the target folder and would be "
                                 "replaced by the import; copy it elsewhere first")])


def _write_folder(to_dir: Path, files: dict[str, str], force: bool,
                  notes: list[str]) -> list[str]:
    """Write ``files`` into a temporary sibling of ``to_dir`` and rename it into place.

    With ``force``, files of an existing folder that are not being written are
    carried over (an existing customers.csv is kept rather than replaced).
    """
    to_dir = to_dir.resolve()
    to_dir.parent.mkdir(parents=True, exist_ok=True)
    existing = to_dir.is_dir() and any(to_dir.iterdir())
    if existing and not force:  # checked before; checked again in case it changed meanwhile
        raise DataError([Problem(ERROR, str(to_dir), "already exists and is not empty")])
    temp = Path(tempfile.mkdtemp(prefix=f".{to_dir.name}.importing-", dir=to_dir.parent))
    written: list[str] = []
    try:
        for name, text in files.items():
            if existing and name == CUSTOMERS.name and (to_dir / name).exists():
                notes.append("kept the existing customers.csv (it may hold what you typed); "
                             "the customer names of the export were not written")
                continue
            (temp / name).write_text(text, encoding="utf-8", newline="")
            written.append(name)
        if existing:
            kept = []
            for entry in to_dir.iterdir():
                if (temp / entry.name).exists():
                    continue
                if entry.is_dir():
                    shutil.copytree(entry, temp / entry.name)
                else:
                    shutil.copy2(entry, temp / entry.name)
                kept.append(entry.name)
            if kept:
                notes.append(f"kept from the existing folder: {', '.join(sorted(kept))}")
        _swap_into_place(temp, to_dir)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    return written


def _swap_into_place(temp: Path, to_dir: Path) -> None:
    if not to_dir.exists():
        temp.rename(to_dir)
        return
    if not any(to_dir.iterdir()):
        to_dir.rmdir()
        temp.rename(to_dir)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{to_dir.name}.old-", dir=to_dir.parent))
    old.rmdir()
    to_dir.rename(old)
    try:
        temp.rename(to_dir)
    except BaseException:
        old.rename(to_dir)
        raise
    shutil.rmtree(old, ignore_errors=True)


# --- an empty company ---------------------------------------------------------------------


COMPANY_TOML = """\
# Settings of this company folder. Lines starting with # are comments.

# The company's name, as the report shows it.
name = {name}

# The currency of the amounts: a three-letter code such as EUR or SEK.
currency = "EUR"

# The language of the report and the documents: "en", "fi" or "sv".
language = "en"

# What one working hour costs you (wages, overheads), in the currency above.
# Used with hours.csv to compute the cost to serve each customer.
# hourly_cost = 48.0
"""


def new_company(to_dir: Path, *, name: str = "My company", force: bool = False) -> Path:
    """Create an empty company folder to type into: header-only CSV files and company.toml.

    A folder that exists and is not empty is refused unless ``force``; with
    ``force`` only the template files it lacks are added (none is replaced).

    The loader refuses an ``invoices.csv`` that has only a header, on purpose:
    the folder is a template, to be filled in before it is analysed.
    """
    to_dir = Path(to_dir)
    if to_dir.exists() and not to_dir.is_dir():
        raise DataError([Problem(ERROR, str(to_dir), "is a file, not a folder")])
    if to_dir.is_dir() and any(to_dir.iterdir()) and not force:
        raise DataError([Problem(ERROR, str(to_dir), "already exists and is not empty; nothing "
                                 "was written. Choose a new folder, or use --force")])
    files = {
        spec.name: ",".join(c.name for c in spec.columns) + "\n"
        for spec in (INVOICES, CUSTOMERS, HOURS, SURVEY, QUOTES)
    }
    files[SETTINGS_FILE] = COMPANY_TOML.format(name=_toml_string(name))
    if to_dir.is_dir() and any(to_dir.iterdir()):
        # force: add the template files that are missing, never replace one that exists
        to_dir = to_dir.resolve()
        for file_name, text in files.items():
            if not (to_dir / file_name).exists():
                (to_dir / file_name).write_text(text, encoding="utf-8", newline="")
        return to_dir
    _write_folder(to_dir, files, force, [])
    return to_dir.resolve()


def _toml_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
