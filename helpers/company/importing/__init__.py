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

from dataclasses import dataclass, field
from pathlib import Path

from helpers.company.folder import CUSTOMERS, ERROR, INVOICES, DataError, Problem
from helpers.company.importing.columns import (
    MAPPING_KEYS,
    OPTIONAL_OUT,
    SYNONYMS,
    Mapping,
    choose_columns,
    customer_and_amount_columns,
    missing_columns,
    read_mapping,
    recognise,
)
from helpers.company.importing.reading import read_export
from helpers.company.importing.values import convert_lines
from helpers.company.importing.writing import (
    customer_names,
    invoices_csv,
    new_company,
    refuse_unsafe_target,
    write_folder,
)

__all__ = ["MAPPING_KEYS", "SYNONYMS", "ImportReport", "import_export", "new_company",
           "read_mapping", "recognise"]

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
) -> ImportReport:
    """Turn an accounting export (CSV or .xlsx) into a company folder; see the module docstring.

    Raises :class:`helpers.company.folder.DataError` listing every problem (nothing is
    written then).
    """
    export, to_dir = Path(export), Path(to_dir)
    file = export.name
    if not export.is_file():
        raise DataError([Problem(ERROR, str(export), "export file not found")])
    refuse_unsafe_target(export, to_dir, force)
    rules = read_mapping(mapping) if mapping is not None else Mapping()
    mapping_file = Path(mapping).name if mapping is not None else "mapping"
    table = read_export(export, sheet if sheet is not None else rules.sheet,
                        set(rules.columns.values()))
    headers = [str(c) for c in table.frame.columns]
    report = ImportReport(source=export, folder=to_dir, notes=list(table.notes))
    problems: list[Problem] = []
    chosen = choose_columns(headers, rules, file, mapping_file, problems, report.notes)
    id_source, name_source, amount_role = customer_and_amount_columns(chosen, report.notes)
    problems += missing_columns(chosen, headers, file, amount_role)
    if problems:
        raise DataError(problems)
    if table.frame.empty:
        raise DataError([Problem(ERROR, file, "the file has a header but no rows")])

    out = convert_lines(table, chosen, amount_role, id_source or name_source, rules, file,
                        report.notes)
    _record_columns(report, chosen, headers, id_source, name_source, amount_role)
    files = {INVOICES.name: invoices_csv(out)}
    if id_source and name_source:
        names = customer_names(out["customer_id"], table.frame.loc[out.index, name_source],
                               out["date"], report.notes)
        files[CUSTOMERS.name] = names.to_csv(index=False, lineterminator="\n")
    report.lines = len(out)
    report.customers = int(out["customer_id"].nunique())
    report.files = write_folder(to_dir, files, force, report.notes)
    return report


def _record_columns(report: ImportReport, chosen: dict[str, str], headers: list[str],
                    id_source: str | None, name_source: str | None, amount_role: str) -> None:
    """Note in the report which source column became which canonical one, and what was left."""
    report.taken["customer_id"] = id_source or name_source
    if id_source and name_source:
        report.taken["name"] = name_source
    report.taken["date"] = chosen["date"]
    report.taken["amount"] = chosen[amount_role]
    for role in OPTIONAL_OUT:
        if role in chosen:
            report.taken[role] = chosen[role]
    taken_sources = set(report.taken.values())
    report.ignored = [h for h in headers if h not in taken_sources]
