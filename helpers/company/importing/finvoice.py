"""Finnish Finvoice e-invoices (versions 1.3 to 3.0): one XML file an invoice.

Read as a single file, a folder of files or a zip of them. A file may start with
the SOAP envelope of the bank transmission (``SOAP-ENV:Envelope``), either as a
document of its own followed by the Finvoice document (each with its own
``<?xml …?>`` prolog, as banks deliver them) or followed directly by the
``<Finvoice>`` element; every document in the file is parsed, each in the
encoding its prolog declares (ISO-8859-15 and UTF-8 are usual).

Parsing is done by expat through ``defusedxml``: no document type definitions,
no entity expansion, no external entities; never a regular expression.

What becomes an invoice line:

* each ``InvoiceRow`` with its ``RowVatExcludedAmount`` (net of VAT; when a row
  lacks it: ``RowAmount`` less ``RowVatAmount``, else quantity × unit price);
  rows without any amount are free text and are skipped and counted;
* the customer is the buyer's business id (``BuyerPartyIdentifier``), its name
  (``BuyerOrganisationName``) goes to customers.csv; without a business id the
  name is the id;
* the date is ``InvoiceDetails/InvoiceDate`` (format CCYYMMDD);
* credit notes (``InvoiceTypeCode`` INV02) are negative, whether the program
  wrote their amounts negative or positive.

The sum of each invoice's rows is checked against its
``InvoiceTotalVatExcludedAmount``, and a difference is said.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError, TreeBuilder
from xml.parsers import expat

import pandas as pd
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from helpers.company.folder import ERROR, DataError, Problem
from helpers.company.importing.columns import CUSTOMER_ID, CUSTOMER_NAME, NET
from helpers.company.importing.reading import Table, unpacked
from helpers.company.parsing import parse_numbers

CREDIT_NOTE = "INV02"
# the columns of the table handed on, named after the Finvoice elements they come from
COLUMNS = {
    CUSTOMER_ID: "BuyerPartyIdentifier",
    CUSTOMER_NAME: "BuyerOrganisationName",
    "date": "InvoiceDate",
    "invoice_id": "InvoiceNumber",
    "product": "ArticleName",
    "quantity": "DeliveredQuantity",
    "unit_price": "UnitPriceAmount",
    NET: "RowVatExcludedAmount",
}
_SPLIT_CODES = {
    expat.errors.codes[expat.errors.XML_ERROR_JUNK_AFTER_DOC_ELEMENT],
    expat.errors.codes[expat.errors.XML_ERROR_MISPLACED_XML_PI],
}
MAX_DOCUMENTS = 1000  # in one file: more is not a bank's transmission file


@dataclass
class Invoice:
    file: str
    number: str
    buyer_id: str
    buyer_name: str
    date: pd.Timestamp
    credit_note: bool
    type_code: str
    origin: str
    rows: list[dict] = field(default_factory=list)
    free_text_rows: int = 0
    total_net: float | None = None
    currency: str = ""
    envelope: bool = False


# --- reading -----------------------------------------------------------------------------


def read_finvoice_file(name: str, raw: bytes) -> Table:
    """One XML file: a Finvoice invoice, or a message saying what the XML is instead."""
    invoices, skipped = _invoices_of(name, raw)
    if not invoices:
        what = skipped[0].removeprefix(f"{name} ") if skipped else "is XML"
        raise DataError(
            [
                Problem(
                    ERROR,
                    name,
                    f"{what}; export the invoices as CSV or Excel (.xlsx), or give Finvoice "
                    "e-invoices",
                )
            ]
        )
    return _table(name, invoices, skipped, files=1)


def read_finvoice_folder(folder: Path) -> Table:
    """Every Finvoice file in a folder (and its subfolders)."""
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    xml = [p for p in files if p.suffix.lower() == ".xml"]
    if not xml:
        listed = ", ".join(p.name for p in files[:5]) + (" …" if len(files) > 5 else "")
        what = f"it holds {listed}" if files else "it is empty"
        raise DataError(
            [
                Problem(
                    ERROR,
                    str(folder),
                    f"is a folder without Finvoice XML files "
                    f"({what}); give the export file itself, or a folder of "
                    "Finvoice e-invoices (.xml)",
                )
            ]
        )
    members = [(str(p.relative_to(folder)), p.read_bytes()) for p in xml]
    others = [p.name for p in files if p.suffix.lower() != ".xml"]
    return _many(folder.name, members, others)


def read_finvoice_zip(name: str, archive: zipfile.ZipFile) -> Table:
    members = unpacked(archive, name)
    xml = [(n, data) for n, data in members if n.lower().endswith(".xml")]
    others = [n for n, _ in members if not n.lower().endswith(".xml")]
    if not xml:
        listed = ", ".join(others[:5]) + (" …" if len(others) > 5 else "")
        raise DataError(
            [
                Problem(
                    ERROR,
                    name,
                    f"is a zip without Finvoice XML files (it holds "
                    f"{listed or 'nothing'}); unzip it and import the export "
                    "file inside",
                )
            ]
        )
    return _many(name, [(f"{name}: {n}", data) for n, data in xml], others)


def _many(source: str, members: list[tuple[str, bytes]], others: list[str]) -> Table:
    invoices: list[Invoice] = []
    skipped: list[str] = []
    problems: list[Problem] = []
    for member, data in members:
        try:
            found, not_invoices = _invoices_of(member, data)
        except DataError as error:
            problems += error.problems
            continue
        invoices += found
        skipped += not_invoices
    if problems:
        for problem in problems:
            problem.message += "; fix the file or move it out, and import again"
        raise DataError(problems)
    if not invoices:
        raise DataError(
            [
                Problem(
                    ERROR,
                    source,
                    "holds no Finvoice e-invoice"
                    + (f" ({'; '.join(skipped[:3])})" if skipped else ""),
                )
            ]
        )
    if others:
        skipped.append(
            f"left out {len(others)} file(s) that are not XML: "
            + ", ".join(others[:5])
            + (" …" if len(others) > 5 else "")
        )
    return _table(source, invoices, skipped, files=len(members))


# --- documents in a file ---------------------------------------------------------------------


def documents(file: str, raw: bytes) -> list[Element]:
    """The XML documents one after another in ``raw`` (an envelope, then the invoice).

    A document without a prolog of its own is read in the encoding the one before it
    declared.
    """
    found: list[Element] = []
    rest, inherited = raw, None
    while rest.strip(b" \t\r\n\x00\x1a"):
        rest = rest.lstrip(b" \t\r\n")
        try:
            root, split_at, declared = _parse(rest, None)
            if declared is None and inherited is not None:
                root, split_at, _ = _parse(rest, inherited)
        except ParseError as error:
            if inherited is None:
                raise _xml_problem(file, error) from None
            try:
                root, split_at, declared = _parse(rest, inherited)
            except ParseError as again:
                raise _xml_problem(file, again) from None
        except DefusedXmlException:
            raise DataError(
                [
                    Problem(
                        ERROR,
                        file,
                        "declares a document type or entities, "
                        "which e-invoices never do; it was not read",
                    )
                ]
            ) from None
        except (LookupError, ValueError) as error:  # an encoding Python does not know
            raise DataError([Problem(ERROR, file, f"could not be read as XML ({error})")]) from None
        found.append(root)
        inherited = declared or inherited
        if split_at is None:
            break
        rest = rest[split_at:]
        if len(found) >= MAX_DOCUMENTS:
            raise DataError([Problem(ERROR, file, "holds more than 1,000 XML documents")])
    return found


def _parse(data: bytes, encoding: str | None) -> tuple[Element, int | None, str | None]:
    """The first document in ``data``: its root, the byte where another document starts
    (None when it is the only one) and the encoding its prolog declares."""
    declared: list[str | None] = []
    parser = DefusedXMLParser(target=TreeBuilder(), forbid_dtd=True, encoding=encoding)
    parser.parser.XmlDeclHandler = lambda version, coding, standalone: declared.append(coding)
    try:
        parser.feed(data)
        root = parser.close()
        return root, None, declared[0] if declared else None
    except ParseError as error:
        split_at = parser.parser.ErrorByteIndex
        if error.code not in _SPLIT_CODES or split_at <= 0:
            raise
    root, _, _ = _parse(data[:split_at], encoding)
    return root, split_at, declared[0] if declared else None


def _xml_problem(file: str, error: ParseError) -> DataError:
    line = error.position[0] if getattr(error, "position", None) else None
    return DataError(
        [
            Problem(
                ERROR,
                file,
                f"is not well-formed XML ({error}); the file is "
                "damaged or cut short: export or download it again",
                lines=[line] if line else [],
            )
        ]
    )


# --- one invoice -----------------------------------------------------------------------------


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child(element: Element | None, *path: str) -> Element | None:
    for name in path:
        if element is None:
            return None
        element = next((c for c in element if _local(c.tag) == name), None)
    return element


def _text(element: Element | None, *path: str) -> str:
    found = _child(element, *path) if path else element
    return " ".join((found.text or "").split()) if found is not None else ""


def _texts(element: Element | None, name: str) -> str:
    if element is None:
        return ""
    return " ".join(
        " ".join((c.text or "").split()) for c in element if _local(c.tag) == name and c.text
    ).strip()


def _invoices_of(file: str, raw: bytes) -> tuple[list[Invoice], list[str]]:
    """The Finvoice invoices in one file, and sentences about what was not an invoice."""
    docs = documents(file, raw)
    envelope = any(_local(d.tag) == "Envelope" for d in docs)
    roots = []
    for document in docs:
        if _local(document.tag) == "Finvoice":
            roots.append(document)
        else:  # an envelope that carries the invoice inside it
            roots += [e for e in document.iter() if _local(e.tag) == "Finvoice"]
    if not roots:
        kinds = ", ".join(sorted({_local(d.tag) for d in docs}))
        return [], [f"{file} is XML ({kinds}) but no Finvoice e-invoice"]
    invoices, skipped = [], []
    for root in roots:
        invoice = _invoice(file, root, envelope)
        if invoice is None:
            code = _text(root, "InvoiceDetails", "InvoiceTypeCode")
            skipped.append(
                f"{file} is a Finvoice message of type {code or 'unknown'}, not an "
                "invoice or credit note"
            )
        else:
            invoices.append(invoice)
    return invoices, skipped


def _invoice(file: str, root: Element, envelope: bool) -> Invoice | None:
    details = _child(root, "InvoiceDetails")
    code = _text(details, "InvoiceTypeCode").upper()
    if code and not code.startswith("INV"):
        return None
    buyer = _child(root, "BuyerPartyDetails")
    raw_date = _text(details, "InvoiceDate")
    date = pd.to_datetime(raw_date, format="%Y%m%d", errors="coerce")
    if pd.isna(date):
        from helpers.company.parsing import parse_dates

        date = parse_dates(pd.Series([raw_date]))[0].iloc[0]
    if pd.isna(date):
        raise DataError(
            [
                Problem(
                    ERROR,
                    file,
                    "has no readable InvoiceDate (expected 8 digits, "
                    "year month day, like 20241231)",
                    column="InvoiceDate",
                    found=[raw_date] if raw_date else [],
                )
            ]
        )
    total_element = _child(details, "InvoiceTotalVatExcludedAmount")
    invoice = Invoice(
        file=file,
        number=_text(details, "InvoiceNumber"),
        buyer_id=_text(buyer, "BuyerPartyIdentifier"),
        buyer_name=_texts(buyer, "BuyerOrganisationName"),
        date=date,
        credit_note=code == CREDIT_NOTE,
        type_code=code or "INV01",
        origin=_text(root, "InvoiceDetails", "OriginCode") or _text(root, "OriginCode"),
        total_net=_number(_text(total_element), file, "InvoiceTotalVatExcludedAmount"),
        currency=(
            total_element.get("AmountCurrencyIdentifier", "") if total_element is not None else ""
        ),
        envelope=envelope,
    )
    if not invoice.buyer_id and not invoice.buyer_name:
        raise DataError(
            [
                Problem(
                    ERROR,
                    file,
                    "names no buyer (BuyerPartyDetails has neither "
                    "BuyerPartyIdentifier nor BuyerOrganisationName)",
                )
            ]
        )
    for row in (e for e in root.iter() if _local(e.tag) == "InvoiceRow"):
        amount = _row_amount(row, file)
        if amount is None:
            invoice.free_text_rows += 1
            continue
        invoice.rows.append(
            {
                "product": _text(row, "ArticleName"),
                "quantity": _number(_text(row, "DeliveredQuantity"), file, "DeliveredQuantity"),
                "unit_price": _number(_text(row, "UnitPriceAmount"), file, "UnitPriceAmount"),
                "amount": amount,
            }
        )
    if not invoice.rows and invoice.total_net is not None:
        invoice.rows.append(
            {"product": "", "quantity": None, "unit_price": None, "amount": invoice.total_net}
        )
    if invoice.credit_note:
        written = sum(r["amount"] for r in invoice.rows)
        if written > 0:  # a credit note written with positive amounts: turn them round
            for row in invoice.rows:  # returned goods: the quantity too, as in invoices.csv
                row["amount"] = -row["amount"]
                if row["quantity"] is not None and row["quantity"] > 0:
                    row["quantity"] = -row["quantity"]
    return invoice


def _row_amount(row: Element, file: str) -> float | None:
    net = _number(_text(row, "RowVatExcludedAmount"), file, "RowVatExcludedAmount")
    if net is not None:
        return net
    gross = _number(_text(row, "RowAmount"), file, "RowAmount")
    vat = _number(_text(row, "RowVatAmount"), file, "RowVatAmount")
    if gross is not None and vat is not None:
        return gross - vat
    quantity = _number(_text(row, "DeliveredQuantity"), file, "DeliveredQuantity")
    price = _number(_text(row, "UnitPriceAmount"), file, "UnitPriceAmount")
    if quantity is not None and price is not None:
        return quantity * price
    return None


def _number(text: str, file: str, element: str) -> float | None:
    if not text:
        return None
    values, bad = parse_numbers(pd.Series([text]), ",")
    if bad.iloc[0]:
        raise DataError(
            [Problem(ERROR, file, "expected an amount like 1234,50", column=element, found=[text])]
        )
    return float(values.iloc[0])


# --- the table -------------------------------------------------------------------------------


def _table(source: str, invoices: list[Invoice], skipped: list[str], files: int) -> Table:
    from helpers.company.importing.values import format_number

    invoices, notes = _without_duplicates(invoices)
    records = []
    for invoice in invoices:
        customer = invoice.buyer_id or invoice.buyer_name
        for row in invoice.rows:
            records.append(
                {
                    COLUMNS[CUSTOMER_ID]: customer,
                    COLUMNS[CUSTOMER_NAME]: invoice.buyer_name,
                    COLUMNS["date"]: invoice.date.strftime("%Y-%m-%d"),
                    COLUMNS["invoice_id"]: invoice.number,
                    COLUMNS["product"]: row["product"],
                    COLUMNS["quantity"]: format_number(row["quantity"]),
                    COLUMNS["unit_price"]: format_number(row["unit_price"]),
                    COLUMNS[NET]: format_number(row["amount"]),
                }
            )
    frame = pd.DataFrame(records, columns=list(COLUMNS.values()), dtype=object)
    credit = sum(1 for i in invoices if i.credit_note)
    free = sum(i.free_text_rows for i in invoices)
    enveloped = sum(1 for i in invoices if i.envelope)
    head = (
        f"read {len(invoices)} Finvoice e-invoice(s) from {files} file(s)"
        f"{f', {credit} of them credit notes (INV02, made negative)' if credit else ''}"
        f"{f', {enveloped} with the SOAP envelope' if enveloped else ''}; "
        "amounts excluding VAT (RowVatExcludedAmount)"
    )
    notes.insert(0, head)
    if free:
        notes.append(f"skipped {free} free-text row(s) without an amount")
    nameless = sorted({i.buyer_name for i in invoices if not i.buyer_id})
    if nameless:
        notes.append(
            f"{len(nameless)} buyer(s) have no business id (BuyerPartyIdentifier), "
            f"so their name is their customer_id: {', '.join(nameless[:3])}"
        )
    notes += _total_checks(invoices)
    currencies = sorted({i.currency for i in invoices if i.currency})
    if len(currencies) > 1:
        notes.append(
            f"WARNING: the invoices are in several currencies ({', '.join(currencies)})"
            "; the amounts were added up as they are"
        )
    notes += skipped
    roles = {role: column for role, column in COLUMNS.items()}
    if not frame[COLUMNS[CUSTOMER_ID]].ne(frame[COLUMNS[CUSTOMER_NAME]]).any():
        roles.pop(CUSTOMER_NAME)  # only names: no customers.csv to write
    return Table(
        frame,
        list(range(1, len(frame) + 1)),
        notes,
        typed_numbers={COLUMNS[r] for r in ("quantity", "unit_price", NET)},
        roles=roles,
        source_kind="finvoice",
    )


def _without_duplicates(invoices: list[Invoice]) -> tuple[list[Invoice], list[str]]:
    """The same invoice twice (an original and its copy, OriginCode Copy) is taken once;
    a cancellation (OriginCode Cancel) takes its invoice out."""
    notes: list[str] = []
    cancelled = {(i.buyer_id, i.number) for i in invoices if i.origin.lower() == "cancel"}
    if cancelled:
        notes.append(
            f"left out {len(cancelled)} invoice(s) cancelled by a Cancel message: "
            + ", ".join(sorted(n for _, n in cancelled))[:200]
        )
    kept, seen, copies = [], set(), []
    ordered = sorted(invoices, key=lambda i: i.origin.lower() == "copy")  # originals first
    for invoice in ordered:
        key = (invoice.buyer_id, invoice.number)
        if key in cancelled:
            continue
        if invoice.number and key in seen:
            copies.append(invoice.file)
            continue
        seen.add(key)
        kept.append(invoice)
    if copies:
        notes.append(
            f"left out {len(copies)} invoice(s) that repeat an invoice number of the "
            f"same buyer (a copy of an invoice already read): {', '.join(copies[:3])}"
        )
    kept.sort(key=lambda i: (i.date, i.file))
    return kept, notes


def _total_checks(invoices: list[Invoice]) -> list[str]:
    off = []
    for invoice in invoices:
        if invoice.total_net is None or not invoice.rows:
            continue
        rows = sum(r["amount"] for r in invoice.rows)
        total = -abs(invoice.total_net) if invoice.credit_note and rows <= 0 else invoice.total_net
        if abs(rows - total) > 0.015:
            off.append(f"{invoice.file} ({rows:.2f} in rows, {total:.2f} as total)")
    if not off:
        return []
    return [
        f"WARNING: in {len(off)} invoice(s) the rows do not add up to "
        f"InvoiceTotalVatExcludedAmount: {'; '.join(off[:3])}. The rows were taken; check "
        "those invoices"
    ]
