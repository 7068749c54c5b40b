"""Exports as real programs write them, made from a known truth, for the importer's tests.

Each ``make_*`` function writes one export into a folder and returns it with the
:class:`Truth` it was made from (lines, total, customers and their names,
per-customer totals), so a test can check that the import equals the truth.
The exports imitate what Nordic and English programs write: Excel's "Unicode
text", a workbook with a summary sheet first, "Sales by Customer Detail"
reports grouped by customer (QuickBooks style, and Finnish and Swedish ones),
Finvoice e-invoices (single, folder, zip; SOAP envelope, ISO-8859-15, credit
notes, free-text rows), whole amounts with points between thousands, a file
that is honestly ambiguous, a UTF-8 file with one line typed in cp1252, a
password-protected workbook, a customer column called just "Nimi", and files
that are not exports at all.

    python tests/company/make_exports.py /tmp/exports     # write them all to look at
"""

from __future__ import annotations

import io
import random
import sys
import zipfile
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

SEED = 20240

CUSTOMER_NAMES = [
    "Pajakulma Oy",
    "Byggmästarna Åkerö Ab",
    "Kahvila Östra",
    "Sähkö-Änkilä Oy",
    "Summa-Rakennus Oy",
    "Total Kiinteistöpalvelut Oy",
    "Höyläämö Kärkkäinen Ky",
    "Metalliverstas Mäkelä",
    "Design Šakki Oy",
    "Café Crème Helsinki",
    "Ötökkätorjunta Oy",
    "Tilitoimisto Yhteensä Oy",
    "Nordic Widgets Ltd",
    "Åbo Snickeri Ab",
    "Kukkakauppa Ruusu",
    "Rakennus Lahtinen Oy",
    "Putkimiehet Virtanen",
    "Leipomo Jäälinna",
    "Kuljetus Nieminen",
    "Sauna & Spa Löyly",
    "Grafiikka Oy",
    "Mökkivuokraus Järvi",
    "Eläinlääkäri Häkkinen",
    "Autokorjaamo Särkkä",
]
PRODUCTS = ["Konsultointi", "Huolto", "Koulutus", "Asennus", "Tarvikkeet", "Suunnittelu"]


@dataclass
class Line:
    customer_id: str
    name: str
    business_id: str
    day: date
    invoice: str
    product: str
    quantity: float
    unit_price: float
    amount: float


@dataclass
class Truth:
    """What an export holds: the import must give exactly this."""

    lines: int
    total: float
    per_customer: dict[str, float]  # customer_id -> revenue
    names: dict[str, str] = field(default_factory=dict)  # customer_id -> name, when written

    @classmethod
    def of(cls, lines: list[Line], key: str = "customer_id", names: bool = True) -> Truth:
        per: dict[str, float] = {}
        for line in lines:
            who = getattr(line, key)
            per[who] = round(per.get(who, 0.0) + line.amount, 2)
        named = {getattr(line, key): line.name for line in lines} if names else {}
        return cls(len(lines), round(sum(line.amount for line in lines), 2), per, named)


def invoice_lines(count: int = 160, whole: bool = False, seed: int = SEED) -> list[Line]:
    """Invoice lines of 24 customers over two years, some of them credit notes."""
    rng = random.Random(seed)
    customers = [
        (str(1001 + i), name, f"{2000000 + 137 * i:07d}-{i % 10}")
        for i, name in enumerate(CUSTOMER_NAMES)
    ]
    lines: list[Line] = []
    number = 5000
    day = date(2023, 1, 2)
    while len(lines) < count:
        number += 1
        day += timedelta(days=rng.randint(1, 6))
        customer_id, name, business_id = customers[len(lines) * 7 % len(customers)]
        credit = number % 9 == 0  # every ninth invoice is a credit note
        for _ in range(rng.randint(1, 3)):
            if whole:
                quantity = float(rng.randint(1, 40))
                price = float(rng.choice([25, 40, 95, 120, 250, 480, 1250, 2500, 3900]))
            else:
                quantity = rng.choice([1.0, 2.0, 3.0, 0.5, 12.5, 10.0, 4.0])
                price = round(rng.uniform(20, 2600), 2)
            if credit:
                quantity = -quantity
            amount = round(quantity * price, 2)
            lines.append(
                Line(
                    customer_id,
                    name,
                    business_id,
                    day,
                    str(number),
                    rng.choice(PRODUCTS),
                    quantity,
                    price,
                    amount,
                )
            )
    return lines[:count]


# --- number and date styles ----------------------------------------------------------------


def fi_number(value: float, decimals: int = 2, space: str = "\u00a0") -> str:
    """1 234,50 with a no-break space between thousands."""
    text = f"{abs(value):,.{decimals}f}".replace(",", space).replace(".", ",")
    return ("-" if value < 0 else "") + text


def en_money(value: float) -> str:
    """€1,234.50, -€120.00."""
    return ("-" if value < 0 else "") + f"€{abs(value):,.2f}"


def dot_thousands(value: float) -> str:
    """12.500 (whole numbers, points between thousands)."""
    return ("-" if value < 0 else "") + f"{abs(int(round(value))):,}".replace(",", ".")


def fi_date(day: date) -> str:
    return f"{day.day}.{day.month}.{day.year}"


def us_date(day: date) -> str:
    return day.strftime("%m/%d/%Y")


def quantity_text(value: float) -> str:
    return f"{value:g}".replace(".", ",")


# --- text exports ---------------------------------------------------------------------------

FI_HEADER = [
    "Asiakasnumero",
    "Asiakas",
    "Laskun pvm",
    "Laskunro",
    "Tuote",
    "Määrä",
    "À-hinta",
    "Veroton summa",
]


def _fi_row(line: Line) -> list[str]:
    return [
        line.customer_id,
        line.name,
        fi_date(line.day),
        line.invoice,
        line.product,
        quantity_text(line.quantity),
        fi_number(line.unit_price),
        fi_number(line.amount),
    ]


def _text(rows: list[list[str]], separator: str, newline: str = "\r\n") -> str:
    import csv

    out = io.StringIO()
    csv.writer(out, delimiter=separator, lineterminator=newline).writerows(rows)
    return out.getvalue()


def make_utf16_text(folder: Path) -> tuple[Path, Truth]:
    """Excel's "Unicode text": UTF-16 LE with a BOM, tab separated, CRLF."""
    lines = invoice_lines()
    path = folder / "unicode-text.txt"
    text = _text([FI_HEADER, *(_fi_row(line) for line in lines)], "\t")
    path.write_bytes(text.encode("utf-16"))  # 'utf-16' writes the BOM, little-endian here
    return path, Truth.of(lines)


def make_iso8859_15(folder: Path) -> tuple[Path, Truth]:
    """ISO-8859-15 (Latin-9): the euro sign is byte 0xA4; Š and š too are of its own."""
    lines = invoice_lines(60)
    path = folder / "latin9.csv"
    rows = [["Asiakasnumero", "Asiakas", "Pvm", "Summa alv 0"]]
    rows += [
        [line.customer_id, line.name, fi_date(line.day), fi_number(line.amount, space=" ") + " €"]
        for line in lines
    ]
    path.write_bytes(_text(rows, ";").encode("iso8859_15"))
    return path, Truth.of(lines)


def make_dot_thousands(folder: Path) -> tuple[Path, Truth]:
    """Whole amounts with points between thousands (12.500), tab separated: must be read
    as twelve thousand five hundred."""
    lines = invoice_lines(200, whole=True)
    path = folder / "dot-thousands.txt"
    rows = [["Kundnr", "Kund", "Datum", "Antal", "Á-pris", "Belopp exkl. moms"]]
    rows += [
        [
            line.customer_id,
            line.name,
            line.day.isoformat(),
            f"{line.quantity:g}",
            dot_thousands(line.unit_price),
            dot_thousands(line.amount),
        ]
        for line in lines
    ]
    path.write_text(_text(rows, "\t", "\n"), encoding="utf-8")
    return path, Truth.of(lines)


def make_ambiguous_decimals(folder: Path) -> Path:
    """Every amount is like 1.250: twelve and a half, or one thousand two hundred and fifty?"""
    rng = random.Random(SEED + 1)
    rows = [["Customer", "Date", "Amount"]]
    for i in range(12):
        value = f"{rng.randint(1, 9)}.{rng.randint(100, 999)}"
        rows.append([f"Customer {i % 4}", f"2024-03-{i + 1:02d}", value])
    path = folder / "ambiguous.txt"
    path.write_text(_text(rows, "\t", "\n"), encoding="utf-8")
    return path


def make_utf8_with_cp1252_line(folder: Path) -> tuple[Path, Truth, int]:
    """A UTF-8 file in which one line was typed in cp1252; returns that line's number."""
    lines = invoice_lines(120)
    rows = [FI_HEADER, *(_fi_row(line) for line in lines)]
    odd = next(i for i, line in enumerate(lines) if any(c in line.name for c in "äöåÄÖÅ")) + 1
    texts = _text(rows, ";").splitlines(keepends=True)
    raw = b"".join(t.encode("cp1252" if i == odd else "utf-8") for i, t in enumerate(texts))
    path = folder / "mostly-utf8.csv"
    path.write_bytes(raw)
    return path, Truth.of(lines), odd + 1


def make_nimi(folder: Path) -> tuple[Path, Truth]:
    """A customer column named only "Nimi": the name is the customer."""
    lines = invoice_lines(40)
    rows = [["Nimi", "Päivämäärä", "Veroton"]]
    rows += [[line.name, fi_date(line.day), fi_number(line.amount)] for line in lines]
    path = folder / "nimi.csv"
    path.write_text(_text(rows, ";"), encoding="utf-8-sig")
    return path, Truth.of(lines, key="name", names=False)


# --- grouped reports ------------------------------------------------------------------------


def _groups(lines: list[Line], key: str) -> dict[str, list[Line]]:
    groups: dict[str, list[Line]] = {}
    for line in sorted(lines, key=lambda x: (getattr(x, key), x.day)):
        groups.setdefault(getattr(line, key), []).append(line)
    return groups


def _quickbooks_rows(lines: list[Line]) -> list[list[object]]:
    """Sales by Customer Detail: title block, customer lines, 'Total for X', blank lines."""
    rows: list[list[object]] = [
        ["Pajakulma Oy"],
        ["Sales by Customer Detail"],
        ["January 2023 - December 2024"],
        [],
        [
            "",
            "Date",
            "Transaction Type",
            "Num",
            "Product/Service",
            "Memo/Description",
            "Qty",
            "Sales Price",
            "Amount",
            "Balance",
        ],
    ]
    groups = _groups(lines, "name")
    names = list(groups)
    parent, child = names[0], names[1]  # one sub-customer group inside another
    for name in names:
        if name == child:
            continue
        rows.append([name] + [""] * 9)
        balance = 0.0
        members = (
            [(parent, groups[parent]), (f"{parent}:{child}", groups[child])]
            if name == parent
            else [(name, groups[name])]
        )
        for label, group in members:
            if label != name:
                rows.append([label] + [""] * 9)
            for line in group:
                balance = round(balance + line.amount, 2)
                kind = "Credit Memo" if line.amount < 0 else "Invoice"
                rows.append(
                    [
                        "",
                        line.day,
                        kind,
                        line.invoice,
                        line.product,
                        "",
                        line.quantity,
                        line.unit_price,
                        line.amount,
                        balance,
                    ]
                )
            if label != name:
                rows.append(
                    [
                        f"Total for {label}",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        round(sum(x.amount for x in group), 2),
                        "",
                    ]
                )
        rows.append(
            [
                f"Total for {name}",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                round(sum(x.amount for _, g in members for x in g), 2),
                "",
            ]
        )
        rows.append([])
    rows.append(["TOTAL", "", "", "", "", "", "", "", round(sum(x.amount for x in lines), 2), ""])
    rows += [[], [], ["Accrual basis Friday, January 5, 2025 10:23 AM GMT+02:00"]]
    return rows


def _quickbooks_truth(lines: list[Line]) -> Truth:
    """The sub-customer's lines count for its parent customer."""
    names = list(_groups(lines, "name"))
    parent, child = names[0], names[1]
    moved = [
        Line(**{**line.__dict__, "name": parent if line.name == child else line.name})
        for line in lines
    ]
    return Truth.of(moved, key="name", names=False)


def make_quickbooks_csv(folder: Path) -> tuple[Path, Truth]:
    lines = invoice_lines(150)
    out = []
    for row in _quickbooks_rows(lines):
        cells = []
        for position, cell in enumerate(row):
            if isinstance(cell, date):
                cells.append(us_date(cell))
            elif isinstance(cell, float) and position == 6:
                cells.append(f"{cell:g}")
            elif isinstance(cell, float) and position == 7:
                cells.append(f"{cell:,.2f}")
            elif isinstance(cell, float):
                cells.append(en_money(cell))
            else:
                cells.append(str(cell))
        out.append(cells)
    path = folder / "sales-by-customer-detail.csv"
    path.write_text(_text(out, ",", "\n"), encoding="utf-8")
    return path, _quickbooks_truth(lines)


def make_quickbooks_xlsx(folder: Path) -> tuple[Path, Truth]:
    from openpyxl import Workbook

    lines = invoice_lines(150, seed=SEED + 7)
    book = Workbook()
    sheet = book.active
    sheet.title = "Sales by Customer Detail"
    for row in _quickbooks_rows(lines):
        sheet.append([cell if cell != "" else None for cell in row])
    path = folder / "sales-by-customer-detail.xlsx"
    book.save(path)
    return path, _quickbooks_truth(lines)


def make_finnish_grouped(folder: Path) -> tuple[Path, Truth]:
    """Myynti asiakkaittain: '1001 Pajakulma Oy' above its lines, 'Yhteensä …' below."""
    lines = invoice_lines(150, seed=SEED + 3)
    rows = [
        ["Myynti asiakkaittain 1.1.2023-31.12.2024"],
        [],
        ["Asiakas", "Pvm", "Laskunro", "Tuote", "Määrä", "À-hinta", "Veroton summa"],
    ]
    for customer_id, group in _groups(lines, "customer_id").items():
        rows.append([f"{customer_id} {group[0].name}"] + [""] * 6)
        for line in group:
            rows.append(
                [
                    "",
                    fi_date(line.day),
                    line.invoice,
                    line.product,
                    quantity_text(line.quantity),
                    fi_number(line.unit_price),
                    fi_number(line.amount),
                ]
            )
        rows.append(
            [
                f"Yhteensä {customer_id} {group[0].name}",
                "",
                "",
                "",
                "",
                "",
                fi_number(sum(x.amount for x in group)),
            ]
        )
    rows.append(["Kaikki yhteensä", "", "", "", "", "", fi_number(sum(x.amount for x in lines))])
    path = folder / "myynti-asiakkaittain.csv"
    path.write_bytes(_text(rows, ";").encode("cp1252"))
    return path, Truth.of(lines)


def make_swedish_grouped_xlsx(folder: Path) -> tuple[Path, Truth]:
    """Försäljning per kund in a workbook: 'Kund: Åbo Snickeri Ab', 'Totalt för …'."""
    from openpyxl import Workbook

    lines = invoice_lines(120, seed=SEED + 5)
    book = Workbook()
    sheet = book.active
    sheet.title = "Försäljning per kund"
    sheet.append(["Försäljning per kund 2023-2024"])
    sheet.append(
        ["Kund", "Fakturadatum", "Fakturanr", "Artikel", "Antal", "Á-pris", "Belopp exkl. moms"]
    )
    for name, group in _groups(lines, "name").items():
        sheet.append([f"Kund: {name}"])
        for line in group:
            sheet.append(
                [
                    None,
                    line.day,
                    int(line.invoice),
                    line.product,
                    line.quantity,
                    line.unit_price,
                    line.amount,
                ]
            )
        sheet.append(
            [
                f"Totalt för {name}",
                None,
                None,
                None,
                None,
                None,
                round(sum(x.amount for x in group), 2),
            ]
        )
    sheet.append(["Totalt", None, None, None, None, None, round(sum(x.amount for x in lines), 2)])
    path = folder / "forsaljning-per-kund.xlsx"
    book.save(path)
    return path, Truth.of(lines, key="name", names=False)


# --- workbooks ------------------------------------------------------------------------------


def make_summary_first_xlsx(folder: Path) -> tuple[Path, Truth]:
    """A summary per customer on the first sheet, the lines on the second."""
    from openpyxl import Workbook

    lines = invoice_lines(140, seed=SEED + 9)
    book = Workbook()
    summary = book.active
    summary.title = "Yhteenveto"
    summary.append(["Asiakas", "Laskuja", "Summa", "Viimeisin lasku"])
    for name, group in _groups(lines, "name").items():
        summary.append(
            [
                name,
                len({x.invoice for x in group}),
                round(sum(x.amount for x in group), 2),
                group[-1].day,
            ]
        )
    summary.append(["Yhteensä", None, round(sum(x.amount for x in lines), 2)])
    detail = book.create_sheet("Laskurivit")
    detail.append(["Laskurivit 2023-2024"])
    detail.append(FI_HEADER)
    for line in lines:
        detail.append(
            [
                int(line.customer_id),
                line.name,
                line.day,
                int(line.invoice),
                line.product,
                line.quantity,
                line.unit_price,
                line.amount,
            ]
        )
    book.create_sheet("Ohje").append(["Tämä tiedosto on tehty laskutusohjelmalla."])
    path = folder / "summary-first.xlsx"
    book.save(path)
    return path, Truth.of(lines)


def make_password_xlsx(folder: Path, password: str = "salasana") -> tuple[Path, Truth]:
    from msoffcrypto.format.ooxml import OOXMLFile
    from openpyxl import Workbook

    lines = invoice_lines(20)
    book = Workbook()
    book.active.append(FI_HEADER)
    for line in lines:
        book.active.append(
            [
                line.customer_id,
                line.name,
                line.day,
                line.invoice,
                line.product,
                line.quantity,
                line.unit_price,
                line.amount,
            ]
        )
    plain = io.BytesIO()
    book.save(plain)
    plain.seek(0)
    path = folder / "protected.xlsx"
    with path.open("wb") as out:
        OOXMLFile(plain).encrypt(password, out)
    return path, Truth.of(lines)


# --- Finvoice ---------------------------------------------------------------------------------

SOAP = """<?xml version="1.0" encoding="{encoding}"?>
<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" \
xmlns:eb="http://www.oasis-open.org/committees/ebxml-msg/schema/msg-header-2_0.xsd">
<SOAP-ENV:Header>
<eb:MessageHeader SOAP-ENV:mustUnderstand="1" eb:version="2.0">
<eb:From><eb:PartyId>003712345678</eb:PartyId><eb:Role>Sender</eb:Role></eb:From>
<eb:To><eb:PartyId>{buyer}</eb:PartyId><eb:Role>Receiver</eb:Role></eb:To>
<eb:MessageData><eb:MessageId>{number}/1</eb:MessageId>\
<eb:Timestamp>2024-01-01T10:00:00</eb:Timestamp></eb:MessageData>
</eb:MessageHeader>
</SOAP-ENV:Header>
<SOAP-ENV:Body><eb:Manifest eb:id="Manifest" eb:version="2.0">
<eb:Reference eb:id="Finvoice" xlink:href="{number}" \
xmlns:xlink="http://www.w3.org/1999/xlink"/></eb:Manifest></SOAP-ENV:Body>
</SOAP-ENV:Envelope>
"""


def _fv_amount(value: float) -> str:
    return f"{value:.2f}".replace(".", ",")


def finvoice_xml(
    number: str,
    lines: list[Line],
    credit: bool,
    *,
    version: str = "3.0",
    encoding: str = "UTF-8",
    envelope: str = "none",
    positive_credit: bool = False,
    free_text_rows: int = 0,
) -> bytes:
    """One Finvoice invoice; ``envelope`` is 'none', 'two-documents' (the envelope and the
    invoice, each with its prolog) or 'one-prolog' (the invoice right after the envelope)."""
    first = lines[0]
    sign = -1 if positive_credit else 1
    total = round(sum(line.amount for line in lines), 2) * sign
    rows = []
    for line in lines:
        rows.append(f"""<InvoiceRow>
<ArticleIdentifier>{escape(line.product[:3].upper())}</ArticleIdentifier>
<ArticleName>{escape(line.product)}</ArticleName>
<DeliveredQuantity QuantityUnitCode="kpl">{_fv_amount(line.quantity * sign)}</DeliveredQuantity>
<UnitPriceAmount AmountCurrencyIdentifier="EUR">{_fv_amount(line.unit_price)}</UnitPriceAmount>
<RowVatRatePercent>25,5</RowVatRatePercent>
<RowVatAmount AmountCurrencyIdentifier="EUR">{_fv_amount(line.amount * sign * 0.255)}\
</RowVatAmount>
<RowVatExcludedAmount AmountCurrencyIdentifier="EUR">{_fv_amount(line.amount * sign)}\
</RowVatExcludedAmount>
<RowAmount AmountCurrencyIdentifier="EUR">{_fv_amount(line.amount * sign * 1.255)}</RowAmount>
</InvoiceRow>""")
    for i in range(free_text_rows):
        rows.insert(
            1,
            f"<InvoiceRow><RowFreeText>Työmaa {i + 1}: Kärkölä, "
            "viikot 3–4</RowFreeText></InvoiceRow>",
        )
    code = "INV02" if credit else "INV01"
    name = escape(first.name)
    document = f"""<Finvoice Version="{version}" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
xsi:noNamespaceSchemaLocation="Finvoice{version}.xsd">
<MessageTransmissionDetails><MessageSenderDetails><FromIdentifier>003712345678\
</FromIdentifier></MessageSenderDetails></MessageTransmissionDetails>
<SellerPartyDetails><SellerPartyIdentifier>1234567-8</SellerPartyIdentifier>
<SellerOrganisationName>Pajakulma Oy</SellerOrganisationName></SellerPartyDetails>
<BuyerPartyDetails><BuyerPartyIdentifier>{first.business_id}</BuyerPartyIdentifier>
<BuyerOrganisationName>{name}</BuyerOrganisationName>
<BuyerPostalAddressDetails><BuyerStreetName>Kauppakatu 1</BuyerStreetName>
<BuyerTownName>Jyväskylä</BuyerTownName><BuyerPostCodeIdentifier>40100\
</BuyerPostCodeIdentifier></BuyerPostalAddressDetails></BuyerPartyDetails>
<InvoiceDetails>
<InvoiceTypeCode>{code}</InvoiceTypeCode>
<InvoiceTypeText>{"HYVITYSLASKU" if credit else "LASKU"}</InvoiceTypeText>
<OriginCode>Original</OriginCode>
<InvoiceNumber>{number}</InvoiceNumber>
<InvoiceDate Format="CCYYMMDD">{first.day.strftime("%Y%m%d")}</InvoiceDate>
<InvoiceTotalVatExcludedAmount AmountCurrencyIdentifier="EUR">{_fv_amount(total)}\
</InvoiceTotalVatExcludedAmount>
<InvoiceTotalVatAmount AmountCurrencyIdentifier="EUR">{_fv_amount(total * 0.255)}\
</InvoiceTotalVatAmount>
</InvoiceDetails>
{chr(10).join(rows)}
<EpiDetails><EpiIdentificationDetails><EpiDate Format="CCYYMMDD">\
{first.day.strftime("%Y%m%d")}</EpiDate><EpiReference>0</EpiReference>\
</EpiIdentificationDetails></EpiDetails>
</Finvoice>
"""
    prolog = f'<?xml version="1.0" encoding="{encoding}"?>\n'
    stylesheet = '<?xml-stylesheet type="text/xsl" href="Finvoice.xsl"?>\n'
    soap = SOAP.format(encoding=encoding, buyer=first.business_id, number=number)
    text = {
        "none": prolog + stylesheet + document,
        "two-documents": soap + prolog + stylesheet + document,
        "one-prolog": soap + document,
    }[envelope]
    return text.encode(encoding, "xmlcharrefreplace")


def finvoice_files(lines: list[Line]) -> tuple[dict[str, bytes], Truth, int]:
    """A file per invoice in every variant; the truth, and how many free-text rows."""
    invoices: dict[str, list[Line]] = {}
    for line in lines:
        invoices.setdefault(line.invoice, []).append(line)
    files, free = {}, 0
    for index, (number, group) in enumerate(invoices.items()):
        credit = group[0].amount < 0
        variant = index % 4
        encoding = "ISO-8859-15" if variant in (1, 2) else "UTF-8"
        envelope = ("two-documents", "one-prolog", "none", "none")[variant]
        free_rows = 1 if index % 5 == 0 else 0
        free += free_rows
        files[f"lasku-{number}.xml"] = finvoice_xml(
            number,
            group,
            credit,
            version="2.01" if variant == 3 else "3.0",
            encoding=encoding,
            envelope=envelope,
            positive_credit=credit and index % 2 == 0,
            free_text_rows=free_rows,
        )
    return files, Truth.of(lines, key="business_id"), free


def _finvoice_lines() -> list[Line]:
    return invoice_lines(90, seed=SEED + 11)


def make_finvoice_file(folder: Path) -> tuple[Path, Truth]:
    every = _finvoice_lines()
    lines = [line for line in every if line.invoice == every[0].invoice]
    path = folder / "lasku.xml"
    path.write_bytes(
        finvoice_xml(
            lines[0].invoice,
            lines,
            False,
            encoding="ISO-8859-15",
            envelope="two-documents",
            free_text_rows=2,
        )
    )
    return path, Truth.of(lines, key="business_id")


def make_finvoice_folder(folder: Path) -> tuple[Path, Truth, int]:
    files, truth, free = finvoice_files(_finvoice_lines())
    target = folder / "finvoice"
    target.mkdir()
    for name, data in files.items():
        (target / name).write_bytes(data)
    return target, truth, free


def make_finvoice_zip(folder: Path) -> tuple[Path, Truth, int]:
    files, truth, free = finvoice_files(_finvoice_lines())
    path = folder / "finvoice.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(f"laskut/{name}", data)
    return path, truth, free


# --- not exports -----------------------------------------------------------------------------


def make_junk(folder: Path) -> list[Path]:
    """Random bytes, an empty file, a PDF, a folder: none of them an export."""
    rng = random.Random(SEED)
    made = []
    for number, size in enumerate((7, 300, 5000, 70000)):
        path = folder / f"random-{number}.csv"
        path.write_bytes(bytes(rng.getrandbits(8) for _ in range(size)))
        made.append(path)
    high = folder / "random-high.txt"  # no NUL bytes, no control codes below 0x20
    high.write_bytes(bytes(rng.randint(0x20, 0xFF) for _ in range(4000)))
    made.append(high)
    (folder / "empty.csv").write_bytes(b"")
    made.append(folder / "empty.csv")
    (folder / "bom-only.txt").write_bytes(b"\xff\xfe")
    made.append(folder / "bom-only.txt")
    pdf = folder / "invoice.pdf"
    pdf.write_bytes(
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
        b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )
    made.append(pdf)
    empty_folder = folder / "a-folder"
    empty_folder.mkdir()
    made.append(empty_folder)
    not_finvoice = folder / "other.xml"
    not_finvoice.write_text('<?xml version="1.0"?><order><id>1</id></order>', encoding="utf-8")
    made.append(not_finvoice)
    broken = folder / "broken.xml"
    broken.write_bytes(finvoice_xml("1", invoice_lines(2), False)[:900])
    made.append(broken)
    bomb = folder / "entities.xml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><Finvoice>&b;</Finvoice>',
        encoding="utf-8",
    )
    made.append(bomb)
    old = folder / "old.xls"
    old.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(rng.getrandbits(8) for _ in range(2000))
    )
    made.append(old)
    ods = folder / "sheet.ods"
    with zipfile.ZipFile(ods, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    made.append(ods)
    fake_xlsx = folder / "not-really.xlsx"
    fake_xlsx.write_bytes(b"PK\x03\x04" + bytes(rng.getrandbits(8) for _ in range(500)))
    made.append(fake_xlsx)
    return made


MAKERS = [
    make_utf16_text,
    make_iso8859_15,
    make_dot_thousands,
    make_utf8_with_cp1252_line,
    make_nimi,
    make_quickbooks_csv,
    make_quickbooks_xlsx,
    make_finnish_grouped,
    make_swedish_grouped_xlsx,
    make_summary_first_xlsx,
    make_password_xlsx,
    make_finvoice_file,
    make_finvoice_folder,
    make_finvoice_zip,
]


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "exports-made")
    target.mkdir(parents=True, exist_ok=True)
    for maker in MAKERS:
        made = maker(target)
        print(made[0] if isinstance(made, tuple) else made)
    print(make_ambiguous_decimals(target))
    junk = target / "junk"
    junk.mkdir(exist_ok=True)
    for path in make_junk(junk):
        print(path)
