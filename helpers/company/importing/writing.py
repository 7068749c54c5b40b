"""Writing the company folder: invoices.csv, customers.csv, safely swapped into place."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pandas as pd

from helpers.company.folder import (
    CUSTOMERS,
    ERROR,
    HOURS,
    INVOICES,
    QUOTES,
    SETTINGS_FILE,
    SURVEY,
    DataError,
    Problem,
)
from helpers.company.importing.values import format_number


def invoices_csv(out: pd.DataFrame) -> str:
    text_columns = [c for c in ("customer_id", "invoice_id", "product") if c in out]
    written = pd.DataFrame(index=out.index)
    for column in out.columns:
        if column == "date":
            written[column] = out[column].dt.strftime("%Y-%m-%d")
        elif column in text_columns:
            written[column] = out[column].astype(str)
        else:
            written[column] = _formatted(out[column])
    return written.to_csv(index=False, lineterminator="\n")


def _formatted(values: pd.Series) -> pd.Series:
    """``format_number`` of each value, computed once per distinct value."""
    codes, distinct = pd.factorize(values, use_na_sentinel=False)
    texts = pd.Series(distinct).map(format_number).to_numpy(dtype=object)
    return pd.Series(texts[codes], index=values.index, dtype=object)


def customer_names(
    ids: pd.Series, names: pd.Series, dates: pd.Series, notes: list[str]
) -> pd.DataFrame:
    """One row per customer number with its name (the latest when it changed)."""
    pairs = pd.DataFrame({"customer_id": ids, "name": names, "date": dates})
    named = pairs[pairs["name"] != ""]
    changed = named.groupby("customer_id")["name"].nunique()
    changed = changed[changed > 1]
    if len(changed):
        notes.append(
            f"{len(changed)} customer number(s) appear with more than one name "
            f"(e.g. {changed.index[0]}); customers.csv keeps the latest name"
        )
    latest = named.sort_values("date", kind="stable").groupby("customer_id")["name"].last()
    result = pd.DataFrame({"customer_id": sorted(pairs["customer_id"].unique())})
    result["name"] = result["customer_id"].map(latest).fillna("")
    return result


# --- writing a folder safely ------------------------------------------------------------------


def refuse_unsafe_target(export: Path, to_dir: Path, force: bool) -> None:
    if to_dir.exists() and not to_dir.is_dir():
        raise DataError(
            [
                Problem(
                    ERROR,
                    str(to_dir),
                    "is a file, not a folder; give the path of a (new) company folder",
                )
            ]
        )
    if to_dir.is_dir() and any(to_dir.iterdir()) and not force:
        raise DataError(
            [
                Problem(
                    ERROR,
                    str(to_dir),
                    "already exists and is not empty; nothing "
                    "was written. Choose a new folder, or use --force to replace "
                    "the files the import writes (other files are kept)",
                )
            ]
        )
    if export.resolve().parent == to_dir.resolve() and export.name in (
        INVOICES.name,
        CUSTOMERS.name,
    ):
        raise DataError(
            [
                Problem(
                    ERROR,
                    str(export),
                    "is inside the target folder and would be "
                    "replaced by the import; copy it elsewhere first",
                )
            ]
        )


def write_folder(to_dir: Path, files: dict[str, str], force: bool, notes: list[str]) -> list[str]:
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
                notes.append(
                    "kept the existing customers.csv (it may hold what you typed); "
                    "the customer names of the export were not written"
                )
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
        raise DataError(
            [
                Problem(
                    ERROR,
                    str(to_dir),
                    "already exists and is not empty; nothing "
                    "was written. Choose a new folder, or use --force",
                )
            ]
        )
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
    write_folder(to_dir, files, force, [])
    return to_dir.resolve()


def _toml_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
