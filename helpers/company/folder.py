"""Load a company folder into validated DataFrames with the canonical columns.

A company is a folder (see ``data/README.md``): ``invoices.csv`` is required;
``customers.csv``, ``hours.csv``, ``survey.csv``, ``quotes.csv`` and
``company.toml`` are optional and each switches on the analyses that need it.

``load_company`` returns a :class:`Company` or raises :class:`DataError`,
whose message lists every problem by file, line and column in words a
business owner understands. ``check_company`` returns the same problems
without raising, warnings included. Nothing here ever writes to the folder.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from helpers.company.parsing import (
    closest_names,
    normalise_name,
    parse_booleans,
    parse_dates,
    parse_numbers,
    read_text_table,
)
from helpers.language import LANGUAGES, N_
from helpers.paths import resolve_data_dir

ERROR, WARNING = "error", "warning"
# C0 and C1 control characters (line breaks, tabs …) and the bidirectional embeddings,
# overrides and isolates (U+202A–U+202E, U+2066–U+2069) that turn the text after them around
INVISIBLE = "[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"


def plain_text(values: pd.Series) -> pd.Series:
    """Text without control characters: breaks and tabs become spaces, bidi controls go.

    >>> plain_text(pd.Series(["Oy\\nAb", "\\u202eevil"])).tolist()
    ['Oy Ab', 'evil']
    """
    spaced = values.str.replace("[\x00-\x1f\x7f-\x9f]+", " ", regex=True)
    return spaced.str.replace("[\u202a-\u202e\u2066-\u2069]", "", regex=True).str.strip()


EXAMPLES_SHOWN = 3  # lines and values quoted per problem before "and N more"


@dataclass
class Problem:
    """One thing wrong (error) or worth a look (warning) in a company folder."""

    level: str
    file: str
    message: str
    column: str | None = None
    lines: list[int] = field(default_factory=list)
    found: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        where = [self.file]
        if self.lines:
            shown = ", ".join(str(n) for n in self.lines[:EXAMPLES_SHOWN])
            more = len(self.lines) - EXAMPLES_SHOWN
            label = "line" if len(self.lines) == 1 else "lines"
            where.append(f"{label} {shown}" + (f" and {more} more" if more > 0 else ""))
        if self.column:
            where.append(f"column '{self.column}'")
        text = ", ".join(where) + ": " + self.message
        if self.found:
            quoted = ", ".join(repr(v) for v in self.found[:EXAMPLES_SHOWN])
            text += f"; found {quoted}" + (" …" if len(self.found) > EXAMPLES_SHOWN else "")
        return text


class DataError(Exception):
    """A company folder that cannot be analysed; ``problems`` says why, line by line."""

    def __init__(self, problems: list[Problem], folder: Path | None = None):
        self.problems = problems
        self.folder = folder
        super().__init__(self.report())

    def report(self) -> str:
        errors = [p for p in self.problems if p.level == ERROR]
        head = f"The company folder {self.folder} has {len(errors)} problem(s) to fix:"
        if self.folder is None:
            head = f"The data has {len(errors)} problem(s) to fix:"
        return "\n".join([head, *(f"  - {p}" for p in errors)])

    def _render_traceback_(self) -> list[str]:
        # IPython shows this instead of a traceback: the learner sees the fix, not our code.
        return ["DataError: " + self.report()]


# --- the data contract -----------------------------------------------------------------

ID, TEXT, DATE, NUMBER, BOOL = "id", "text", "date", "number", "yes/no"

EXPECTED = {
    ID: "a customer id (any text, not empty)",
    DATE: "a date like 2024-12-31 or 31.12.2024",
    NUMBER: "a number like 1234.50 or 1 234,50",
    BOOL: "yes or no",
}


@dataclass(frozen=True)
class Column:
    name: str
    kind: str
    required: bool = False
    minimum: float | None = None
    maximum: float | None = None
    integer: bool = False


@dataclass(frozen=True)
class FileSpec:
    name: str
    columns: tuple[Column, ...]
    switches_on: str  # the sentence shown when the (optional) file is missing

    def column(self, name: str) -> Column | None:
        return next((c for c in self.columns if c.name == name), None)


INVOICES = FileSpec(
    "invoices.csv",
    (
        Column("customer_id", ID, required=True),
        Column("date", DATE, required=True),
        Column("amount", NUMBER, required=True),
        Column("invoice_id", TEXT),
        Column("product", TEXT),
        Column("quantity", NUMBER),
        Column("unit_price", NUMBER),
        Column("list_price", NUMBER),
        Column("cost", NUMBER),
    ),
    N_("Every analysis needs invoices.csv with customer_id, date and amount."),
)
CUSTOMERS = FileSpec(
    "customers.csv",
    (
        Column("customer_id", ID, required=True),
        Column("name", TEXT),
        Column("industry", TEXT),
        Column("owner", TEXT),
        Column("contract_end", DATE),
        Column("wallet", NUMBER, minimum=0),
    ),
    N_(
        "Add customers.csv (customer_id, name, owner, contract_end, wallet) to see names, "
        "account owners, contract ends and each customer's purchasing potential."
    ),
)
HOURS = FileSpec(
    "hours.csv",
    (
        Column("customer_id", ID, required=True),
        Column("date", DATE, required=True),
        Column("hours", NUMBER, required=True, minimum=0),
        Column("billable", BOOL),
    ),
    N_(
        "Add hours.csv (customer_id, date, hours, billable) to see what serving each "
        "customer costs in working time."
    ),
)
SURVEY = FileSpec(
    "survey.csv",
    (
        Column("customer_id", ID, required=True),
        Column("date", DATE, required=True),
        Column("satisfaction", NUMBER, required=True, minimum=1, maximum=5, integer=True),
        Column("recommend", NUMBER, minimum=0, maximum=10, integer=True),
    ),
    N_(
        "Add survey.csv (customer_id, date, satisfaction 1–5) to see whether very "
        "satisfied customers buy again more often than satisfied ones."
    ),
)
QUOTES = FileSpec(
    "quotes.csv",
    (
        Column("date", DATE, required=True),
        Column("amount", NUMBER, required=True),
        Column("won", BOOL, required=True),
        Column("customer_id", TEXT),
        Column("prospect", TEXT),
    ),
    N_(
        "Add quotes.csv (date, customer_id or prospect, amount, won yes/no) to see how "
        "often your offers win and how many new prospects you meet."
    ),
)
OPTIONAL_FILES = (CUSTOMERS, HOURS, SURVEY, QUOTES)
SETTINGS_FILE = "company.toml"
DEFAULT_SETTINGS = {"currency": "EUR", "language": "en", "hourly_cost": None}


@dataclass
class Company:
    """A loaded company folder: validated frames, settings and the problems seen."""

    folder: Path
    invoices: pd.DataFrame
    customers: pd.DataFrame | None = None
    hours: pd.DataFrame | None = None
    survey: pd.DataFrame | None = None
    quotes: pd.DataFrame | None = None
    settings: dict = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def name(self) -> str:
        return str(self.settings.get("name") or self.folder.name)

    @property
    def currency(self) -> str:
        return str(self.settings.get("currency") or "EUR")

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.level == WARNING]

    def missing_files(self) -> dict[str, str]:
        """Optional files that are absent, with the sentence on what each would switch on."""
        return {
            spec.name: spec.switches_on
            for spec in OPTIONAL_FILES
            if getattr(self, spec.name.removesuffix(".csv")) is None
        }

    def customer_names(self) -> pd.Series:
        """Display name per customer_id: the name from customers.csv, else the id."""
        ids = pd.Index(sorted(self.invoices["customer_id"].unique()), name="customer_id")
        names = pd.Series(ids, index=ids, name="name")
        if self.customers is not None and "name" in self.customers:
            known = self.customers.set_index("customer_id")["name"]
            known = known[known.fillna("") != ""]
            names.update(known)
        return names


def load_company(
    data_dir: str | Path | None = None, on_step: Callable[[str], None] | None = None
) -> Company:
    """Load and validate a company folder; ``None`` means the embedded sample company.

    Raises :class:`DataError` listing every error; warnings are kept in
    ``company.problems``. ``on_step`` (optional) is told each step as it starts
    ("invoices.csv", …, "checks across the files"), for progress on large folders.

    >>> company = load_company()          # the sample company
    >>> company.invoices.columns[:3].tolist()
    ['customer_id', 'date', 'amount']
    """
    folder = resolve_data_dir(data_dir)
    company, problems = _read_company(folder, on_step)
    if company is None or any(p.level == ERROR for p in problems):
        raise DataError(problems, folder)
    return company


def check_company(data_dir: str | Path | None, today: pd.Timestamp | None = None) -> list[Problem]:
    """Every problem in a company folder (errors and warnings), without raising.

    ``today`` switches on the check for invoices dated in the future.
    """
    folder = resolve_data_dir(data_dir)
    company, problems = _read_company(folder)
    if company is not None and today is not None:
        future = company.invoices["date"] > today
        if future.any():
            problems.append(
                Problem(
                    WARNING,
                    INVOICES.name,
                    f"date is after today ({today.date()}); is the year right?",
                    column="date",
                    lines=(company.invoices.index[future] + 2).tolist(),
                    found=company.invoices.loc[future, "date"].dt.strftime("%Y-%m-%d").tolist(),
                )
            )
    return problems


# --- reading ----------------------------------------------------------------------------


def _read_company(
    folder: Path, on_step: Callable[[str], None] | None = None
) -> tuple[Company | None, list[Problem]]:
    step = on_step or (lambda _text: None)
    problems: list[Problem] = []
    if not folder.is_dir():
        problems.append(
            Problem(
                ERROR,
                str(folder),
                "this folder does not exist; give the path of a "
                "company folder (one that holds invoices.csv)",
            )
        )
        return None, problems
    frames = {}
    for spec in (INVOICES, *OPTIONAL_FILES):
        if (folder / spec.name).exists():
            step(spec.name)
        frames[spec.name] = _read_file(folder, spec, problems, required=spec is INVOICES)
    invoices = frames[INVOICES.name]
    settings = _read_settings(folder, problems)
    if invoices is None:
        return None, problems
    company = Company(
        folder,
        invoices,
        customers=frames[CUSTOMERS.name],
        hours=frames[HOURS.name],
        survey=frames[SURVEY.name],
        quotes=frames[QUOTES.name],
        settings=settings,
        problems=problems,
    )
    step("checks across the files")
    _cross_checks(company, problems)
    return company, problems


def _read_file(
    folder: Path, spec: FileSpec, problems: list[Problem], required: bool = False
) -> pd.DataFrame | None:
    path = folder / spec.name
    if not path.exists():
        if required:
            problems.append(
                Problem(
                    ERROR,
                    spec.name,
                    f"file not found in {folder}. {spec.switches_on} "
                    "To turn an accounting export into this file: workbook import EXPORT "
                    f"--to {folder}",
                )
            )
        return None
    try:
        text_table = read_text_table(path)
    except (ValueError, UnicodeDecodeError) as error:
        problems.append(Problem(ERROR, spec.name, f"could not be read as a table: {error}"))
        return None
    table = text_table.frame
    if table.empty and len(table.columns) == 0:
        problems.append(
            Problem(
                ERROR,
                spec.name,
                "the file is empty; it needs a header row "
                "naming the columns, then one row per line of data",
            )
        )
        return None

    table = table.rename(columns={c: normalise_name(c) for c in table.columns})
    before = len(problems)
    for column in spec.columns:
        if column.required and column.name not in table.columns:
            near = closest_names(column.name, list(table.columns))
            hint = f"; closest columns found: {', '.join(near)}" if near else ""
            problems.append(
                Problem(
                    ERROR,
                    spec.name,
                    f"required column '{column.name}' is missing "
                    f"(columns found: {', '.join(table.columns)}){hint}",
                )
            )
    if len(problems) > before:
        return None
    if table.empty:
        if required:
            problems.append(Problem(ERROR, spec.name, "the file has a header but no rows"))
        return None

    known = [c.name for c in spec.columns]
    extra = [c for c in table.columns if c not in known and c != ""]
    if extra and spec is INVOICES:
        problems.append(
            Problem(
                WARNING,
                spec.name,
                "columns not used by the workbook (kept "
                f"in the file, ignored here): {', '.join(extra)}",
            )
        )
    decimal_hint = "," if text_table.separator == ";" else "."  # as Excel pairs them
    out = pd.DataFrame(index=table.index)
    for column in spec.columns:
        if column.name in table.columns:
            out[column.name] = _parse_column(
                table[column.name], column, spec, decimal_hint, problems
            )
    for name in extra:
        out[name] = table[name]
    return out


def _parse_column(
    raw: pd.Series, column: Column, spec: FileSpec, decimal_hint: str, problems: list[Problem]
) -> pd.Series:
    lines = raw.index + 2  # header is line 1 of the file

    def report(mask: pd.Series, message: str, level: str = ERROR) -> None:
        if mask.any():
            problems.append(
                Problem(
                    level,
                    spec.name,
                    message,
                    column=column.name,
                    lines=lines[mask.to_numpy()].tolist(),
                    found=raw[mask].tolist(),
                )
            )

    empty = raw == ""
    if column.required:
        missing = empty.copy()
        if missing.any():
            problems.append(
                Problem(
                    ERROR,
                    spec.name,
                    f"is empty; expected {EXPECTED.get(column.kind, 'a value')}",
                    column=column.name,
                    lines=lines[missing.to_numpy()].tolist(),
                )
            )
    if column.kind == ID:
        report(
            raw.str.contains(INVISIBLE, regex=True),
            "contains an invisible control character (a line break, tab or a right-to-left "
            "override); ids must be plain text: retype them in the accounting program",
        )
        return raw
    if column.kind == TEXT:
        odd = raw.str.contains(INVISIBLE, regex=True)
        report(
            odd,
            "contains invisible control characters (line breaks, tabs or right-to-left "
            "overrides); the workbook shows the text without them",
            level=WARNING,
        )
        if odd.any():  # a name never breaks a sentence or turns the text after it around
            raw = raw.where(~odd, plain_text(raw[odd]))
        return raw.where(~empty)  # empty text is missing (NaN)
    if column.kind == DATE:
        values, bad = parse_dates(raw)
        report(bad, f"expected {EXPECTED[DATE]}")
        return values
    if column.kind == BOOL:
        values, bad = parse_booleans(raw)
        report(bad, f"expected {EXPECTED[BOOL]} (also kyllä/ei, ja/nej, 1/0)")
        return values
    values, bad = parse_numbers(raw, decimal_hint)
    report(bad, f"expected {EXPECTED[NUMBER]}")
    if column.integer:
        report(values.notna() & (values % 1 != 0), "expected a whole number")
    if column.minimum is not None or column.maximum is not None:
        low = column.minimum if column.minimum is not None else float("-inf")
        high = column.maximum if column.maximum is not None else float("inf")
        outside = values.notna() & ((values < low) | (values > high))
        span = f"from {low:g} to {high:g}" if column.maximum is not None else f"{low:g} or more"
        report(outside, f"expected a number {span}")
    return values


def read_settings(folder: Path) -> dict:
    """company.toml's settings with the defaults (the defaults alone where the file has
    errors: ``check_company`` reports them), without loading the invoices."""
    return _read_settings(Path(folder), [])


def _read_settings(folder: Path, problems: list[Problem]) -> dict:
    settings = dict(DEFAULT_SETTINGS)
    path = folder / SETTINGS_FILE
    if not path.exists():
        return settings
    try:
        read = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        problems.append(
            Problem(
                ERROR,
                SETTINGS_FILE,
                f"is not valid TOML ({error}); lines "
                'look like: name = "Pajakulma Oy" or hourly_cost = 48.0',
            )
        )
        return settings
    settings.update(read)
    if settings.get("language") not in LANGUAGES:
        problems.append(
            Problem(
                ERROR,
                SETTINGS_FILE,
                "setting 'language' must be one of en, fi, sv",
                found=[str(settings.get("language"))],
            )
        )
    currency = settings.get("currency")
    if not (isinstance(currency, str) and len(currency) == 3 and currency.isalpha()):
        problems.append(
            Problem(
                ERROR,
                SETTINGS_FILE,
                "setting 'currency' must be a three-letter code such as EUR or SEK",
                found=[str(currency)],
            )
        )
    cost = settings.get("hourly_cost")
    if cost is not None and (
        isinstance(cost, bool) or not isinstance(cost, int | float) or cost < 0
    ):
        problems.append(
            Problem(
                ERROR,
                SETTINGS_FILE,
                "setting 'hourly_cost' must be a number of euros per hour, like 48.0",
                found=[str(cost)],
            )
        )
    return settings


def _cross_checks(company: Company, problems: list[Problem]) -> None:
    invoices = company.invoices
    lines = invoices.index + 2
    duplicated = invoices.duplicated(keep="first")
    if duplicated.any():
        problems.append(
            Problem(
                WARNING,
                INVOICES.name,
                "exact copy of an earlier line (counted twice; remove it if it was pasted twice)",
                lines=lines[duplicated.to_numpy()].tolist(),
            )
        )
    if "quantity" in invoices:
        odd = (invoices["quantity"] < 0) & (invoices["amount"] > 0)
        if odd.any():
            problems.append(
                Problem(
                    WARNING,
                    INVOICES.name,
                    "negative quantity with a positive amount; a credit note has both negative",
                    column="quantity",
                    lines=lines[odd.to_numpy()].tolist(),
                )
            )
    if company.customers is not None:
        customers = company.customers
        twice = customers["customer_id"].duplicated(keep="first")
        if twice.any():
            problems.append(
                Problem(
                    ERROR,
                    CUSTOMERS.name,
                    "customer_id appears more than once",
                    column="customer_id",
                    lines=(customers.index[twice] + 2).tolist(),
                    found=customers.loc[twice, "customer_id"].tolist(),
                )
            )
        unknown = ~invoices["customer_id"].isin(customers["customer_id"]) & (
            invoices["customer_id"] != ""
        )
        if unknown.any():
            ids = invoices.loc[unknown, "customer_id"].drop_duplicates()
            problems.append(
                Problem(
                    WARNING,
                    INVOICES.name,
                    f"{len(ids)} customer(s) invoiced but missing from customers.csv (shown by id)",
                    column="customer_id",
                    lines=lines[unknown.to_numpy()].tolist(),
                    found=ids.tolist(),
                )
            )
    known = invoices["customer_id"]
    for spec in (HOURS, SURVEY):
        frame = getattr(company, spec.name.removesuffix(".csv"))
        if frame is None:
            continue
        stray = ~frame["customer_id"].isin(known)
        if stray.any():
            problems.append(
                Problem(
                    WARNING,
                    spec.name,
                    "customer never invoiced (left out of the analyses)",
                    column="customer_id",
                    lines=(frame.index[stray] + 2).tolist(),
                    found=frame.loc[stray, "customer_id"].drop_duplicates().tolist(),
                )
            )
    if company.quotes is not None:
        quotes = company.quotes
        nobody = (
            quotes.get("customer_id", pd.Series(pd.NA, index=quotes.index)).isna()
            & quotes.get("prospect", pd.Series(pd.NA, index=quotes.index)).isna()
        )
        if nobody.any():
            problems.append(
                Problem(
                    ERROR,
                    QUOTES.name,
                    "names neither a customer_id nor a prospect; fill one of them",
                    lines=(quotes.index[nobody] + 2).tolist(),
                )
            )


def resolve_as_of(invoices: pd.DataFrame, as_of: str | pd.Timestamp | None) -> pd.Timestamp:
    """The analysis date: ``as_of`` if given (YYYY-MM-DD), else the last invoice date."""
    if as_of is None or (isinstance(as_of, str) and not as_of.strip()):
        return pd.Timestamp(invoices["date"].max()).normalize()
    parsed, bad = parse_dates(pd.Series([str(as_of)]))
    if bad.iloc[0]:
        raise DataError(
            [Problem(ERROR, "as_of", "expected a date like 2025-12-31", found=[str(as_of)])]
        )
    date = pd.Timestamp(parsed.iloc[0])
    first = invoices["date"].min()
    if date < first:
        raise DataError(
            [
                Problem(
                    ERROR,
                    "as_of",
                    f"is before the first invoice ({first.date()}); nothing to analyse",
                    found=[str(as_of)],
                )
            ]
        )
    return date


def write_company(company: Company, folder: Path) -> Path:
    """Write a company in the canonical format (``,``, decimal point, ISO dates, UTF-8).

    Used to hand a transformed company (e.g. pseudonymized) to the notebooks;
    refuses to write into an existing folder so no one's data is overwritten.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=False)
    frames = {
        INVOICES.name: company.invoices,
        **{spec.name: getattr(company, spec.name.removesuffix(".csv")) for spec in OPTIONAL_FILES},
    }
    for name, frame in frames.items():
        if frame is None:
            continue
        out = frame.copy()
        for column in out.columns:
            if pd.api.types.is_datetime64_any_dtype(out[column]):
                out[column] = out[column].dt.strftime("%Y-%m-%d")
            elif str(out[column].dtype) == "boolean":
                out[column] = out[column].map({True: "yes", False: "no"})
        out.to_csv(folder / name, index=False, lineterminator="\n")
    settings = [
        f"{key} = {value!r}".replace("'", '"')
        for key, value in company.settings.items()
        if isinstance(value, str | int | float) and not isinstance(value, bool)
    ]
    (folder / SETTINGS_FILE).write_text("\n".join(settings) + "\n", encoding="utf-8")
    return folder
