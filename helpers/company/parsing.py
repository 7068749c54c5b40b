"""Tolerant reading of the text files small businesses actually have.

CSV as Excel writes it on a Finnish or Swedish computer (``;`` separator,
decimal comma, ``31.12.2024`` dates, cp1252) is as welcome as the canonical
format (``,``, decimal point, ISO dates, UTF-8). Every parser here is
vectorised and returns the parsed values together with a mask of the cells
it could not read, so callers can say exactly which rows were wrong.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

ENCODINGS_TRIED = ("utf-8-sig", "utf-8", "cp1252")


@dataclass
class TextTable:
    """A table read as text: every cell a string ('' when empty)."""

    frame: pd.DataFrame
    encoding: str
    separator: str


def detect_encoding(raw: bytes) -> str:
    """'utf-8-sig' when the bytes start with a BOM, 'utf-8' when they decode, else 'cp1252'.

    >>> detect_encoding("päivä".encode("cp1252"))
    'cp1252'
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "cp1252"


def sniff_separator(text: str) -> str:
    """The separator (``;``, tab or ``,``) used most on the header line, outside quotes.

    >>> sniff_separator("asiakas;pvm;summa")
    ';'
    """
    header = next(iter(text.splitlines()), "")
    unquoted = re.sub(r'"[^"]*"', "", header)
    counts = {sep: unquoted.count(sep) for sep in (";", "\t", ",")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] > 0 else ","


def read_text_table(path: Path, skip_lines: int = 0) -> TextTable:
    """Read a CSV file into a frame of strings, detecting encoding and separator.

    Header names and cells are stripped of surrounding spaces; trailing empty
    columns (as Excel leaves them) are dropped. ``skip_lines`` lines above the
    header (a report title, say) are left out. Raises ``ValueError`` for a
    file that is not a readable table.
    """
    raw = Path(path).read_bytes()
    encoding = detect_encoding(raw)
    text = raw.decode(encoding)
    if skip_lines:
        text = "".join(text.splitlines(keepends=True)[skip_lines:])
    separator = sniff_separator(text)
    if not text.strip():
        return TextTable(pd.DataFrame(), encoding, separator)
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=separator,
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=True,
            quoting=csv.QUOTE_MINIMAL,
        )
    except pd.errors.ParserError as error:
        # pandas says e.g. "Expected 3 fields in line 7, saw 4"
        raise ValueError(_plain_parser_error(str(error))) from None
    frame.columns = [str(name).strip() for name in frame.columns]
    frame = frame.apply(_strip_distinct)
    empty_trailing = [
        name
        for name in frame.columns
        if (name == "" or name.startswith("Unnamed:")) and (frame[name] == "").all()
    ]
    frame = frame.drop(columns=empty_trailing)
    return TextTable(frame, encoding, separator)


def _strip_distinct(column: pd.Series) -> pd.Series:
    """``column.str.strip()``, done once per distinct value (ids, dates and products repeat)."""
    codes, distinct = pd.factorize(column, use_na_sentinel=False)
    return pd.Series(
        distinct.str.strip().to_numpy(dtype=object)[codes],
        index=column.index,
        name=column.name,
        dtype=column.dtype,
    )


def _plain_parser_error(message: str) -> str:
    found = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", message)
    if found:
        expected, line, seen = found.groups()
        return (
            f"line {line} has {seen} fields where the header has {expected}; "
            "a value probably contains the separator without quotes"
        )
    return message


def normalise_name(name: str) -> str:
    """Lower-case a column name, drop accents and punctuation: 'Unit price (€)' -> 'unit_price'.

    >>> normalise_name(" Yksikköhinta ")
    'yksikkohinta'
    """
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode()
    text = re.sub(r"\(.*?\)", " ", text.lower())
    text = re.sub(r"[^a-z0-9]+", "_", text).strip("_")
    return text


_CURRENCY = re.compile(r"(€|\$|£|\bEUR\b|\bSEK\b|\bkr\b\.?|\beur\b)", re.IGNORECASE)
_MINUS = re.compile("[\u2212\u2013\u2012\u2010]")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")
_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")


def parse_numbers(values: pd.Series, decimal_hint: str = ".") -> tuple[pd.Series, pd.Series]:
    """Parse money and quantities written in Finnish, Swedish or English style.

    Handles decimal comma or point, thousands separated by space, non-breaking
    space or point, currency symbols and the Unicode minus. Empty cells become
    NaN and are not errors. ``decimal_hint`` decides the ambiguous '1.234' /
    '1,234' (use ',' for files separated by ';').

    Returns ``(numbers, bad)``: floats, and a boolean mask of cells that were
    not empty but could not be read.

    >>> parse_numbers(pd.Series(["1 234,50 €", "−3,2", ""]))[0].tolist()
    [1234.5, -3.2, nan]
    """
    text = values.fillna("").astype(str)
    # Fast path: plain numbers such as 1234.5 (most canonical files) need no cleaning.
    plain = pd.to_numeric(text, errors="coerce").astype("float64")
    if decimal_hint == ",":
        plain = plain.where(~text.str.contains(".", regex=False))
    rest = plain.isna()
    if not rest.any():
        return plain, pd.Series(False, index=values.index)
    # The rest are cleaned once per distinct value (amounts and prices repeat a lot).
    codes, uniques = pd.factorize(text[rest])
    parsed, bad = _parse_number_text(pd.Series(uniques, dtype="str"), decimal_hint)
    numbers = plain.copy()
    numbers[rest] = parsed.to_numpy()[codes]
    flagged = pd.Series(False, index=values.index)
    flagged[rest] = bad.to_numpy()[codes]
    return numbers, flagged


def _parse_number_text(values: pd.Series, decimal_hint: str) -> tuple[pd.Series, pd.Series]:
    text = values.str.strip()
    empty = text == ""
    text = text.str.replace(_CURRENCY, "", regex=True)
    text = text.str.replace(_MINUS, "-", regex=True)
    text = text.str.replace(_SPACES, "", regex=True)
    # (123,00) is how some programs write a negative amount
    paren = text.str.match(r"^\(.*\)$")
    text = text.where(~paren, "-" + text.str.slice(1, -1))
    # a trailing minus: "123,00-"
    trailing = text.str.match(r"^[^-].*-$")
    text = text.where(~trailing, "-" + text.str.slice(0, -1))

    commas = text.str.count(",")
    points = text.str.count(r"\.")
    last_comma = text.str.rfind(",")
    last_point = text.str.rfind(".")
    thousands_like_comma = text.str.match(r"^[+-]?\d{1,3},\d{3}$")
    thousands_like_point = text.str.match(r"^[+-]?\d{1,3}\.\d{3}$")

    comma_is_decimal = ((commas > 0) & (points > 0) & (last_comma > last_point)) | (
        (commas == 1) & (points == 0) & ~(thousands_like_comma & (decimal_hint == "."))
    )
    point_is_thousands = (
        ((commas > 0) & (points > 0) & (last_comma > last_point))
        | ((points > 1) & (commas == 0))
        | ((points == 1) & (commas == 0) & thousands_like_point & (decimal_hint == ","))
    )
    comma_is_thousands = ~comma_is_decimal & (commas > 0)

    cleaned = text.where(~point_is_thousands, text.str.replace(".", "", regex=False))
    cleaned = cleaned.where(~comma_is_thousands, cleaned.str.replace(",", "", regex=False))
    cleaned = cleaned.where(~comma_is_decimal, cleaned.str.replace(",", ".", regex=False))

    readable = cleaned.str.match(_NUMBER) & ~empty
    numbers = pd.to_numeric(cleaned.where(readable), errors="coerce").astype("float64")
    bad = ~empty & ~readable
    return numbers, bad


DATE_FORMATS = (
    "%Y-%m-%d",
    "%d.%m.%Y",
    "%d.%m.%y",
    "%Y/%m/%d",
    "%d/%m/%Y",
    "%Y%m%d",
)


def parse_dates(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Parse dates like 2024-12-31, 31.12.2024, 31.12.24 or 31/12/2024 (day first).

    A time of day after the date (as Excel exports it) is ignored. Empty cells
    become NaT and are not errors. Returns ``(dates, bad)``.

    >>> parse_dates(pd.Series(["31.12.24", "2024-01-05 00:00:00"]))[0].dt.day.tolist()
    [31, 5]
    """
    # Parse each distinct text once: a file of 200,000 lines has a few thousand dates.
    codes, uniques = pd.factorize(values.fillna("").astype(str))
    parsed, bad = _parse_date_text(pd.Series(uniques, dtype="str"))
    dates = pd.Series(parsed.to_numpy()[codes], index=values.index, dtype="datetime64[ns]")
    return dates, pd.Series(bad.to_numpy()[codes], index=values.index)


def _parse_date_text(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    text = values.str.strip()
    empty = text == ""
    day_part = text.str.replace(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$", "", regex=True)
    parsed = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
    for fmt in DATE_FORMATS:
        missing = parsed.isna() & ~empty
        if not missing.any():
            break
        attempt = pd.to_datetime(day_part[missing], format=fmt, errors="coerce")
        parsed.loc[missing] = attempt.astype("datetime64[ns]")
    bad = ~empty & parsed.isna()
    return parsed, bad


TRUE_WORDS = {"yes", "y", "true", "1", "x", "kylla", "k", "ja", "j", "won", "voitettu", "vunnen"}
FALSE_WORDS = {"no", "n", "false", "0", "ei", "e", "nej", "lost", "havitty", "forlorad"}


def parse_booleans(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Parse yes/no answers in English, Finnish or Swedish (yes/no, kyllä/ei, ja/nej, 1/0).

    Returns ``(answers, bad)``; answers are a nullable boolean Series.

    >>> parse_booleans(pd.Series(["kyllä", "nej", ""]))[0].tolist()
    [True, False, <NA>]
    """
    codes, distinct = pd.factorize(values.fillna("").astype(str))
    words = pd.Series(distinct.map(normalise_name).to_numpy()[codes], index=values.index)
    answers = pd.Series(pd.NA, index=values.index, dtype="boolean")
    answers[words.isin(TRUE_WORDS)] = True
    answers[words.isin(FALSE_WORDS)] = False
    bad = (words != "") & answers.isna()
    return answers, bad


def closest_names(name: str, candidates: list[str], n: int = 3) -> list[str]:
    """Candidate column names that look most like ``name`` (for 'did you mean')."""
    import difflib

    wanted = normalise_name(name)
    by_normal = {normalise_name(c): c for c in candidates}
    hits = difflib.get_close_matches(wanted, list(by_normal), n=n, cutoff=0.5)
    return [by_normal[h] for h in hits]
