"""Recognising an export's columns: fi/sv/en synonyms, the mapping file, the choice."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from helpers.company.folder import (
    ERROR,
    DataError,
    Problem,
)
from helpers.company.parsing import normalise_name

# --- recognising columns ------------------------------------------------------------------

# Roles a source column can play. Most are canonical invoice columns; the customer
# name, and the net / VAT-inclusive / unspecified amounts are roles of their own.
CUSTOMER_ID, CUSTOMER_NAME = "customer_id", "customer_name"
NET, GROSS, PLAIN_AMOUNT = "amount", "gross_amount", "amount_unspecified"

SYNONYMS: dict[str, tuple[str, ...]] = {
    CUSTOMER_ID: (
        "customer_id",
        "asiakasnumero",
        "asiakasnro",
        "asiakas nro",
        "asiakastunnus",
        "asiakaskoodi",
        "kundnummer",
        "kundnr",
        "kund id",
        "customer number",
        "customer no",
        "client id",
        "client number",
        "account",
        "account number",
        "y-tunnus",
        "business id",
        "org nr",
        "organisationsnummer",
    ),
    CUSTOMER_NAME: (
        "customer_name",
        "asiakas",
        "asiakkaan nimi",
        "asiakasnimi",
        "kund",
        "kundnamn",
        "kundens namn",
        "customer",
        "customer name",
        "client",
        "client name",
        "contact",
        "contact name",
        # a column called just "name" is taken for the customer, and the report says so
        "nimi",
        "namn",
        "name",
    ),
    "date": (
        "date",
        "päivämäärä",
        "pvm",
        "laskun päivä",
        "laskun päivämäärä",
        "laskun pvm",
        "laskupäivä",
        "laskupvm",
        "datum",
        "fakturadatum",
        "invoice date",
    ),
    "invoice_id": (
        "invoice_id",
        "laskunumero",
        "laskunro",
        "laskun numero",
        "lasku",
        "fakturanummer",
        "fakturanr",
        "faktura",
        "invoice",
        "invoice no",
        "invoice number",
        "num",
    ),
    "product": (
        "product",
        "tuote",
        "nimike",
        "tuotenimi",
        "artikkeli",
        "produkt",
        "produktnamn",
        "artikel",
        "item",
        "description",
        "kuvaus",
        "beskrivning",
        "product service",
        "product/service",
    ),
    "quantity": (
        "quantity",
        "määrä",
        "kpl",
        "lukumäärä",
        "antal",
        "kvantitet",
        "st",
        "qty",
        "pcs",
    ),
    "unit_price": (
        "unit_price",
        "yksikköhinta",
        "à-hinta",
        "a-hinta",
        "á-pris",
        "a-pris",
        "styckpris",
        "pris per st",
        "unit price",
        "price",
        "sales price",
        "unit amount",
    ),
    "list_price": ("list_price", "listahinta", "ohjehinta", "listpris", "list price"),
    NET: (
        "amount",
        "veroton summa",
        "summa alv 0",
        "yhteensä veroton",
        "veroton",
        "netto",
        "nettosumma",
        "nettobelopp",
        "belopp exkl moms",
        "summa exkl moms",
        "net amount",
        "amount excl vat",
        "net",
        "net total",
        "amount_net",
    ),
    GROSS: (
        "gross_amount",
        "verollinen summa",
        "yhteensä",
        "summa sis alv",
        "verollinen",
        "brutto",
        "bruttosumma",
        "belopp inkl moms",
        "totalt",
        "total",
        "amount incl vat",
        "gross",
        "gross amount",
        "total amount",
    ),
    PLAIN_AMOUNT: (
        "summa",
        "belopp",
        "sum",
        "laskun summa",
        "fakturabelopp",
        "invoice amount",
        "line amount",
    ),
    "cost": (
        "cost",
        "kustannus",
        "hankintahinta",
        "kulut",
        "kostnad",
        "inköpspris",
        "ostohinta",
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
MAPPING_KEYS = (
    CUSTOMER_ID,
    CUSTOMER_NAME,
    "date",
    NET,
    GROSS,
    "invoice_id",
    "product",
    "quantity",
    "unit_price",
    "list_price",
    "cost",
)
OPTIONAL_OUT = ("invoice_id", "product", "quantity", "unit_price", "list_price", "cost")
NUMBER_ROLES = {"quantity", "unit_price", "list_price", "cost", NET, GROSS, PLAIN_AMOUNT}
CURRENCY_WORDS = {"eur", "e", "sek", "kr", "usd", "gbp", "euro", "euroa"}
GENERIC_NAMES = {"nimi", "namn", "name"}
TOTAL_WORDS = {
    "yhteensa",
    "kaikki_yhteensa",
    "total",
    "totalt",
    "totals",
    "grand_total",
    "summa",
    "sum",
    "summa_yhteensa",
    "totalsumma",
}


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


# --- the mapping file ----------------------------------------------------------------------


@dataclass
class Mapping:
    columns: dict[str, str] = field(default_factory=dict)  # role -> source header ('' = none)
    date_format: str | None = None
    decimal: str | None = None
    sheet: str | int | None = None
    encoding: str | None = None


def read_mapping(path: Path) -> Mapping:
    """Read a mapping file (see the module docstring); raises DataError when it is wrong."""
    path = Path(path)
    problems: list[Problem] = []
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise DataError([Problem(ERROR, str(path), "mapping file not found")]) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise DataError(
            [
                Problem(
                    ERROR,
                    path.name,
                    f'is not valid TOML ({error}); lines look like: date = "Laskun pvm"',
                )
            ]
        ) from None
    mapping = Mapping()
    columns = raw.get("columns", {})
    if not isinstance(columns, dict):
        problems.append(
            Problem(
                ERROR, path.name, '[columns] must be a table of canonical = "source column" lines'
            )
        )
        columns = {}
    for key, source in columns.items():
        role = CUSTOMER_NAME if key == "name" else key
        if role not in MAPPING_KEYS:
            problems.append(
                Problem(
                    ERROR,
                    path.name,
                    f"unknown column '{key}' in [columns]; known: {', '.join(MAPPING_KEYS)}",
                    column=key,
                )
            )
        elif not isinstance(source, str):
            problems.append(
                Problem(
                    ERROR,
                    path.name,
                    "expected the name of a column in the export, in quotes",
                    column=key,
                    found=[str(source)],
                )
            )
        else:
            mapping.columns[role] = source.strip()
    date_format = raw.get("date_format")
    if date_format is not None:
        if not isinstance(date_format, str) or "%" not in date_format:
            problems.append(
                Problem(
                    ERROR,
                    path.name,
                    'date_format looks like "%d.%m.%Y" or "%m/%d/%Y"',
                    column="date_format",
                    found=[str(date_format)],
                )
            )
        else:
            mapping.date_format = date_format
    decimal = raw.get("decimal")
    if decimal is not None:
        if decimal not in (",", "."):
            problems.append(
                Problem(
                    ERROR,
                    path.name,
                    'decimal must be "," or "."',
                    column="decimal",
                    found=[str(decimal)],
                )
            )
        else:
            mapping.decimal = decimal
    sheet = raw.get("sheet")
    if sheet is not None:
        if isinstance(sheet, bool) or not isinstance(sheet, str | int):
            problems.append(
                Problem(
                    ERROR,
                    path.name,
                    "sheet is a sheet name in quotes or a position (0 for the first)",
                    column="sheet",
                    found=[str(sheet)],
                )
            )
        else:
            mapping.sheet = sheet
    encoding = raw.get("encoding")
    if encoding is not None:
        if not isinstance(encoding, str) or not encoding.strip():
            problems.append(
                Problem(
                    ERROR,
                    path.name,
                    'encoding is a name such as "utf-8", "cp1252", "iso-8859-15" or "utf-16"',
                    column="encoding",
                    found=[str(encoding)],
                )
            )
        else:
            mapping.encoding = encoding.strip()
    unknown = set(raw) - {"columns", "date_format", "decimal", "sheet", "encoding"}
    if unknown:
        problems.append(
            Problem(
                ERROR,
                path.name,
                "unknown setting(s): "
                f"{', '.join(sorted(unknown))}; known: sheet, date_format, "
                "decimal, encoding and the [columns] table",
            )
        )
    if problems:
        raise DataError(problems)
    return mapping


# --- choosing columns ------------------------------------------------------------------


def _find_header(wanted: str, headers: list[str]) -> str | None:
    if wanted in headers:
        return wanted
    by_key = {_squash(h): h for h in headers}
    return by_key.get(_squash(wanted))


def closest_headers(role: str, headers: list[str], n: int = 3) -> list[str]:
    import difflib

    scored = []
    for header in headers:
        key = _squash(header)
        score = max(difflib.SequenceMatcher(None, key, _squash(w)).ratio() for w in SYNONYMS[role])
        if score >= 0.5:
            scored.append((score, header))
    return [h for _, h in sorted(scored, key=lambda s: -s[0])[:n]]


def choose_columns(
    headers: list[str],
    mapping: Mapping,
    file: str,
    mapping_file: str,
    problems: list[Problem],
    notes: list[str],
) -> dict[str, str]:
    """Role -> source header, from the mapping first, then by recognised names."""
    chosen: dict[str, str] = {}
    used: set[str] = set()
    for role, wanted in mapping.columns.items():
        if wanted == "":
            continue
        header = _find_header(wanted, headers)
        if header is None:
            problems.append(
                Problem(
                    ERROR,
                    mapping_file,
                    f"names the column '{wanted}', which "
                    f"{file} does not have (its columns: {', '.join(headers)})",
                    column=role,
                )
            )
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
            notes.append(
                f"'{other}' also looks like the {DESCRIPTIONS[role]}; took "
                f"'{found[0][2]}' (name the one you want in a mapping file)"
            )
    return chosen


def customer_and_amount_columns(
    chosen: dict[str, str], notes: list[str]
) -> tuple[str | None, str | None, str | None]:
    """Which column holds the customer id, its name and the amount; notes what was decided."""
    amount_role = next((r for r in (NET, GROSS, PLAIN_AMOUNT) if r in chosen), None)
    if amount_role == NET and GROSS in chosen:
        notes.append(
            f"took the net amount '{chosen[NET]}' (excl. VAT) rather than "
            f"'{chosen[GROSS]}' (incl. VAT)"
        )
    elif amount_role == GROSS:
        notes.append(
            f"WARNING: the export has no net amount, so '{chosen[GROSS]}' was "
            "taken, which INCLUDES VAT: every revenue figure will be too high "
            "by the VAT rate. Export the amounts excluding VAT if you can."
        )
    elif amount_role == PLAIN_AMOUNT:
        notes.append(
            f"could not tell whether '{chosen[PLAIN_AMOUNT]}' includes VAT; "
            "it was taken as the net amount (excl. VAT). If it includes VAT, "
            "export the net amounts or name them in a mapping file."
        )
    id_source = chosen.get(CUSTOMER_ID)
    name_source = chosen.get(CUSTOMER_NAME)
    if name_source is not None and _squash(name_source) in GENERIC_NAMES:
        notes.append(
            f"took '{name_source}' as the customer name (a column called just "
            "'name'); if it names something else, say which column holds the "
            'customer in a mapping file: [columns] customer_name = "…"'
        )
    if id_source is None and name_source is not None:
        notes.append(
            f"the export has no customer number, so the customer name "
            f"'{name_source}' is used as customer_id (two customers with the same "
            "name become one; a customer number column, if the program can export "
            'one, settles it: [columns] customer_id = "…" in a mapping file)'
        )
    return id_source, name_source, amount_role


def missing_columns(
    chosen: dict[str, str], headers: list[str], file: str, amount_role: str | None, hint: str = ""
) -> list[Problem]:
    """A problem for each required column (customer, date, amount) that was not found."""
    missing = []
    if CUSTOMER_ID not in chosen and CUSTOMER_NAME not in chosen:
        missing.append(CUSTOMER_ID)
    if "date" not in chosen:
        missing.append("date")
    if amount_role is None:
        missing.append(NET)
    problems = []
    for role in missing:
        looked_for = {
            CUSTOMER_ID: (CUSTOMER_ID, CUSTOMER_NAME),
            "date": ("date",),
            NET: (NET, GROSS, PLAIN_AMOUNT),
        }[role]
        near: list[str] = []
        for candidate in looked_for:
            near += [h for h in closest_headers(candidate, headers) if h not in near]
        examples = ", ".join(f"'{w}'" for w in SYNONYMS[role][1:5])
        closest = f"; closest columns found: {', '.join(near[:3])}" if near else ""
        if role == CUSTOMER_ID:
            what = "customer (a customer number or name)"
            how = (
                '[columns] customer_id = "…" for a customer number, or customer_name = '
                '"…" for a name (the name then becomes the id)'
            )
        else:
            what = DESCRIPTIONS[role]
            how = f'[columns] {role} = "…"'
        problems.append(
            Problem(
                ERROR,
                file,
                f"no column for the {what} was recognised (columns found: "
                f"{', '.join(headers) or 'none'}){closest}. Known names include {examples}; or "
                f"name it in a mapping file: {how}.{hint}",
            )
        )
    return problems
