"""Turn an accounting or invoicing export into a company folder.

``import_export(EXPORT, TO_DIR)`` reads what accounting and invoicing programs
write, telling the kind of file by its content:

* CSV and text files (``;``, ``,``, tab or ``|`` separated) in UTF-8 (with or
  without BOM), cp1252, ISO-8859-15 or UTF-16 (Excel's "Unicode text"), the
  encoding decided from the whole file (:mod:`.encodings`);
* Excel ``.xlsx`` workbooks, the sheet of invoice lines found by its columns
  (:mod:`.sheets`), password-protected ones named as such (and opened with
  ``password``);
* Finnish Finvoice e-invoices: one XML file, a folder or a zip of them, with or
  without the SOAP envelope (:mod:`.finvoice`);

with title blocks above the header, totals and subtotal lines anywhere and
reports grouped by customer (:mod:`.grouped`). It recognises the columns by
their names in Finnish, Swedish or English (never by their position), decides
how each column writes its numbers and dates from the whole column
(:mod:`.values`), and writes ``TO_DIR/invoices.csv`` in the canonical form
(comma separator, decimal point, ISO dates, UTF-8), plus ``customers.csv``
(``customer_id,name``) when the export has both a customer number and a
customer name. When it has only a name, the name becomes the ``customer_id``.

The amount the workbook wants is **net** (excluding VAT). When an export has
both a net and a VAT-inclusive total, the net one is taken; when it has only a
VAT-inclusive total, that is taken and the report warns that every figure then
includes VAT.

Every value that cannot be read is reported with the file, the line (as a
spreadsheet shows it: the header is line 1) and the column, all of them at
once, in a :class:`helpers.company.folder.DataError`; so is a file that could
be read two ways (``12.500``, ``03/04/2024``), with the option that settles it.
Nothing is written then, and no input ends in a traceback. A successful import
writes into a temporary folder next to ``TO_DIR`` and renames it at the end, so
there is never a half-written company folder. The export itself is only read.

A mapping file
--------------
When the guess is wrong, or a column has a name the importer does not know, a
small TOML file says which source column is which (see
``docs/mapping-example.toml``)::

    sheet = "Laskut"            # Excel only: sheet name, or 0 for the first sheet
    date_format = "%m/%d/%Y"    # how dates are written (Python strftime codes)
    decimal = ","               # "," or ".": the decimal mark of the numbers
    encoding = "cp1252"         # text files only: the encoding, when it is not found

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

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from helpers.company.folder import CUSTOMERS, ERROR, INVOICES, DataError, Problem
from helpers.company.importing.columns import (
    CUSTOMER_ID,
    CUSTOMER_NAME,
    GROSS,
    MAPPING_KEYS,
    NET,
    OPTIONAL_OUT,
    PLAIN_AMOUNT,
    SYNONYMS,
    Mapping,
    choose_columns,
    customer_and_amount_columns,
    missing_columns,
    read_mapping,
    recognise,
)
from helpers.company.importing.grouped import check_subtotals, customer_columns, read_layout
from helpers.company.importing.reading import ReadOptions, Table, read_export
from helpers.company.importing.sheets import missing_hint
from helpers.company.importing.values import (
    COMMA,
    DAY_FIRST,
    MONTH_FIRST,
    POINT,
    convert_lines,
)
from helpers.company.importing.writing import (
    customer_names,
    invoices_csv,
    new_company,
    refuse_unsafe_target,
    write_folder,
)
from helpers.company.parsing import parse_numbers

__all__ = [
    "MAPPING_KEYS",
    "SYNONYMS",
    "ImportReport",
    "import_export",
    "new_company",
    "read_mapping",
    "recognise",
]

DECIMAL_WORDS = {
    "comma": COMMA,
    ",": COMMA,
    "point": POINT,
    "dot": POINT,
    ".": POINT,
    "period": POINT,
}
DATE_ORDERS = (DAY_FIRST, MONTH_FIRST)

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


# --- the import ------------------------------------------------------------------------------


def import_export(
    export: Path,
    to_dir: Path,
    *,
    mapping: Path | None = None,
    sheet: str | int | None = None,
    force: bool = False,
    decimal: str | None = None,
    dates: str | None = None,
    encoding: str | None = None,
    password: str | None = None,
) -> ImportReport:
    """Turn an accounting export into a company folder; see the module docstring.

    ``decimal`` ("comma" or "point"), ``dates`` ("day-first" or "month-first"),
    ``encoding`` and ``sheet`` settle what the file leaves open; ``password``
    opens a protected workbook.

    Raises :class:`helpers.company.folder.DataError` listing every problem (nothing is
    written then).
    """
    export, to_dir = Path(export), Path(to_dir)
    if export.exists() and not export.name:  # '.' or '..': name the folder itself
        export = export.resolve()
    if not export.exists():
        raise DataError([Problem(ERROR, str(export), "export file not found")])
    refuse_unsafe_target(export, to_dir, force)
    rules = read_mapping(mapping) if mapping is not None else Mapping()
    if decimal is not None:
        if decimal.strip().lower() not in DECIMAL_WORDS:
            raise DataError(
                [
                    Problem(
                        ERROR,
                        "--decimal",
                        "is comma (1 234,50) or point (1,234.50)",
                        found=[decimal],
                    )
                ]
            )
        rules.decimal = DECIMAL_WORDS[decimal.strip().lower()]
    if dates is not None and dates not in DATE_ORDERS:
        raise DataError(
            [
                Problem(
                    ERROR,
                    "--dates",
                    "is day-first (31/12/2024) or month-first (12/31/2024)",
                    found=[dates],
                )
            ]
        )
    options = ReadOptions(
        sheet=sheet if sheet is not None else rules.sheet,
        mapped=set(rules.columns.values()),
        encoding=encoding or rules.encoding,
        password=password,
    )
    try:
        report, files = _read_and_convert(export, to_dir, rules, mapping, options, dates)
    except DataError:
        raise
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception as error:  # a file no reader expected: said, never a traceback
        raise DataError(
            [
                Problem(
                    ERROR,
                    export.name,
                    "could not be imported: reading it "
                    f"failed unexpectedly ({type(error).__name__}: {error}). "
                    "Export it again as CSV (UTF-8) or Excel (.xlsx); if that "
                    "fails too, please report it",
                )
            ]
        ) from error
    report.files = write_folder(to_dir, files, force, report.notes)
    return report


def _read_and_convert(
    export: Path,
    to_dir: Path,
    rules: Mapping,
    mapping: Path | None,
    options: ReadOptions,
    dates: str | None,
) -> tuple[ImportReport, dict[str, str]]:
    file = export.name
    mapping_file = Path(mapping).name if mapping is not None else "mapping"
    table = read_export(export, options)
    headers = [str(c) for c in table.frame.columns]
    report = ImportReport(source=export, folder=to_dir, notes=list(table.notes))
    problems: list[Problem] = []
    if table.roles is not None:
        chosen = dict(table.roles)
        if mapping is not None:
            report.notes.append(
                f"{mapping_file} was not used: a Finvoice file names its own fields"
            )
    else:
        chosen = choose_columns(headers, rules, file, mapping_file, problems, report.notes)
    amount_role = next((r for r in (NET, GROSS, PLAIN_AMOUNT) if r in chosen), None)
    lines = pd.Series(table.lines, index=table.frame.index)
    layout = read_layout(table.frame, lines, chosen, chosen.get(amount_role))
    report.notes += layout.notes
    if layout.grouped:
        table.grouped = True
        chosen.pop(CUSTOMER_ID, None)
        chosen.pop(CUSTOMER_NAME, None)
        chosen.update(customer_columns(table.frame, layout, report.notes))
    id_source, name_source, amount_role = customer_and_amount_columns(chosen, report.notes)
    problems += missing_columns(chosen, headers, file, amount_role, missing_hint(table))
    if problems:
        raise DataError(problems)
    if table.frame.empty or layout.skip.all():
        raise DataError(
            [Problem(ERROR, file, "the file has a header but no rows" + missing_hint(table))]
        )

    converted = convert_lines(
        table,
        chosen,
        amount_role,
        id_source or name_source,
        rules,
        file,
        report.notes,
        skip=layout.skip,
        date_order=dates,
    )
    out = converted.lines
    if layout.subtotals:
        mark = converted.marks.get(chosen[amount_role], POINT)

        def parse(texts: list[str]) -> list[float | None]:
            values, bad = parse_numbers(pd.Series(texts, dtype=object), mark)
            return [None if b else float(v) for v, b in zip(values, bad, strict=True)]

        report.notes += check_subtotals(layout, out["amount"], lines, parse)
    _record_columns(
        report, chosen, headers, id_source, name_source, amount_role, table, layout.label_column
    )
    files = {INVOICES.name: invoices_csv(out)}
    if id_source and name_source:
        names = customer_names(
            out["customer_id"], table.frame.loc[out.index, name_source], out["date"], report.notes
        )
        files[CUSTOMERS.name] = names.to_csv(index=False, lineterminator="\n")
    report.lines = len(out)
    report.customers = int(out["customer_id"].nunique())
    return report, files


def _record_columns(
    report: ImportReport,
    chosen: dict[str, str],
    headers: list[str],
    id_source: str | None,
    name_source: str | None,
    amount_role: str,
    table: Table,
    label_column: str | None,
) -> None:
    """Note in the report which source column became which canonical one, and what was left."""
    report.taken["customer_id"] = id_source or name_source
    if id_source and name_source:
        report.taken["name"] = name_source
    report.taken["date"] = chosen["date"]
    report.taken["amount"] = chosen[amount_role]
    for role in OPTIONAL_OUT:
        if role in chosen:
            report.taken[role] = chosen[role]
    taken_sources = set(report.taken.values()) | {label_column}
    report.ignored = [h for h in headers if h not in taken_sources]
