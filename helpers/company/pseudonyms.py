"""Pseudonymise a company so its outputs can be shared (for example in class).

``pseudonymize(company, secret)`` returns a copy of a loaded
:class:`helpers.data.Company` in which every customer is called by a stable
pseudonym such as ``Customer 7F3A2C``: the same ``customer_id`` with the same
secret gives the same pseudonym in every file and in every run, so outputs of
two runs (or two years) can still be compared. The code is the start of
HMAC-SHA256(secret, id), so without the secret nobody can go back from a
pseudonym to the customer, not even by trying likely names.

What is replaced:

* ``customer_id`` in invoices, customers, hours, survey and quotes;
* customers' ``name`` (by the same pseudonym as the id) and ``owner``
  (``Owner 1A2B3C``);
* quotes' ``prospect`` (``Prospect 4D5E6F``);
* any other text that mentions a customer's id or name as a whole word
  (products, industries, invoice numbers) gets the pseudonym instead;
* columns the workbook does not know (kept by the loader as they were in the
  file, and free to hold anything: contacts, e-mails, notes) are dropped;
* problems (warnings) that quote ids or names are rewritten the same way.

``pseudonym_mapping(company, secret)`` gives the table from pseudonym back to
the original, for the owner of the data to keep **outside** any folder that is
shared.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import re
import tomllib
from dataclasses import replace
from pathlib import Path

import pandas as pd
import tomli_w

from helpers.company.folder import CUSTOMERS, HOURS, INVOICES, QUOTES, SURVEY, Company, Problem

CODE_LENGTH = 6  # hex digits; lengthened for the ids that would otherwise collide
FRAMES = {
    "invoices": INVOICES,
    "customers": CUSTOMERS,
    "hours": HOURS,
    "survey": SURVEY,
    "quotes": QUOTES,
}
KINDS = {"customer": "Customer", "prospect": "Prospect", "owner": "Owner"}


def _code(secret: str, kind: str, value: str, length: int) -> str:
    digest = hmac.new(
        secret.encode("utf-8"), f"{kind}\x00{value}".encode(), hashlib.sha256
    ).hexdigest()
    return digest[:length].upper()


def _pseudonyms(values: list[str], secret: str, kind: str) -> dict[str, str]:
    """Value -> 'Kind CODE', with codes lengthened until no two values share one."""
    if not secret:
        raise ValueError("pseudonymising needs a secret (any phrase you keep to yourself)")
    unique = sorted(set(values))
    result: dict[str, str] = {}
    length = CODE_LENGTH
    pending = unique
    while pending:
        codes = {v: _code(secret, kind, v, length) for v in pending}
        counts: dict[str, int] = {}
        for code in codes.values():
            counts[code] = counts.get(code, 0) + 1
        taken = set(result.values())
        clash = []
        for value, code in codes.items():
            name = f"{KINDS[kind]} {code}"
            if counts[code] > 1 or name in taken:
                clash.append(value)
            else:
                result[value] = name
        if length >= 64:  # cannot happen with SHA-256 unless values are equal
            raise RuntimeError("pseudonym collision that longer codes cannot resolve")
        pending, length = clash, length + 2
    return result


def _present(series: pd.Series | None) -> list[str]:
    if series is None:
        return []
    return [str(v) for v in series.dropna().unique() if str(v) != ""]


def _frames(company: Company) -> dict[str, pd.DataFrame]:
    return {name: frame for name in FRAMES if (frame := getattr(company, name)) is not None}


def _tables(company: Company, secret: str) -> dict[str, dict[str, str]]:
    frames = _frames(company)
    ids: list[str] = []
    for frame in frames.values():
        if "customer_id" in frame:
            ids += _present(frame["customer_id"])
    customers = frames.get("customers")
    quotes = frames.get("quotes")
    return {
        "customer": _pseudonyms(ids, secret, "customer"),
        "prospect": _pseudonyms(
            _present(quotes.get("prospect") if quotes is not None else None), secret, "prospect"
        ),
        "owner": _pseudonyms(
            _present(customers.get("owner") if customers is not None else None), secret, "owner"
        ),
    }


def pseudonym_mapping(company: Company, secret: str) -> pd.DataFrame:
    """The key back from pseudonyms to the originals: kind, original, name, pseudonym.

    One row per customer (``original`` is its ``customer_id``, ``name`` its
    name from customers.csv), per prospect and per account owner. Store it
    outside the folder you share.
    """
    tables = _tables(company, secret)
    names: dict[str, str] = {}
    if company.customers is not None and "name" in company.customers:
        known = company.customers.dropna(subset=["name"])
        names = dict(zip(known["customer_id"].astype(str), known["name"].astype(str), strict=True))
    rows = []
    for kind, table in tables.items():
        for original, pseudonym in sorted(table.items(), key=lambda item: item[1]):
            rows.append(
                {
                    "kind": kind,
                    "original": original,
                    "name": names.get(original, "") if kind == "customer" else "",
                    "pseudonym": pseudonym,
                }
            )
    return pd.DataFrame(rows, columns=["kind", "original", "name", "pseudonym"])


def pseudonymize(company: Company, secret: str) -> Company:
    """A copy of ``company`` in which no customer, prospect or owner can be recognised."""
    tables = _tables(company, secret)
    customer = tables["customer"]
    # whole-word replacements for text that mentions a customer: ids and names -> pseudonym
    mentions: dict[str, str] = {}
    for original, pseudonym in tables["prospect"].items():
        mentions[original] = pseudonym
    for original, pseudonym in tables["owner"].items():
        mentions[original] = pseudonym
    if company.customers is not None and "name" in company.customers:
        for cid, name in zip(
            company.customers["customer_id"], company.customers["name"], strict=True
        ):
            if isinstance(name, str) and name.strip() and str(cid) in customer:
                mentions[name] = customer[str(cid)]
    for original, pseudonym in customer.items():
        mentions[original] = pseudonym
    scrub = _scrubber(mentions)

    changes = {}
    for name, frame in _frames(company).items():
        spec = FRAMES[name]
        known = [c.name for c in spec.columns]
        out = frame[[c for c in frame.columns if c in known]].copy()
        if "customer_id" in out:
            out["customer_id"] = _replace(out["customer_id"], customer)
        if name == "customers":
            if "name" in out:
                out["name"] = out["name"].where(out["name"].isna(), out["customer_id"])
            if "owner" in out:
                out["owner"] = _replace(out["owner"], tables["owner"])
        if name == "quotes" and "prospect" in out:
            out["prospect"] = _replace(out["prospect"], tables["prospect"])
        for column in spec.columns:
            if (
                column.kind == "text"
                and column.name in out
                and column.name not in ("customer_id", "name", "owner", "prospect")
            ):
                out[column.name] = out[column.name].map(scrub)
        changes[name] = out
    problems = [_scrub_problem(p, scrub) for p in company.problems]
    return replace(company, **changes, settings=copy.deepcopy(company.settings), problems=problems)


def _replace(series: pd.Series, table: dict[str, str]) -> pd.Series:
    return series.map(lambda v: table.get(str(v), v) if isinstance(v, str) and v != "" else v)


def _scrubber(mentions: dict[str, str]):
    words = sorted((w for w in mentions if len(w.strip()) >= 2), key=len, reverse=True)
    if not words:
        return lambda value: value
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in words) + r")(?!\w)")

    def scrub(value):
        if not isinstance(value, str):
            return value
        if value in mentions:
            return mentions[value]
        return pattern.sub(lambda m: mentions[m.group(1)], value)

    return scrub


def _scrub_problem(problem: Problem, scrub) -> Problem:
    return replace(
        problem,
        message=scrub(problem.message),
        found=[scrub(str(v)) for v in problem.found],
        lines=list(problem.lines),
    )


SECRET_ENV = "WORKBOOK_PSEUDONYM_SECRET"


def secret_for(folder, home=None) -> str:
    """The secret that keeps pseudonyms stable from run to run, kept outside any output.

    ``$WORKBOOK_PSEUDONYM_SECRET`` if set, else a random secret made once and kept
    in ``~/.config/customer-workbook/pseudonym-secret`` (only on this computer).
    """
    import os
    import secrets

    if os.environ.get(SECRET_ENV):
        return os.environ[SECRET_ENV]
    path = Path(home or Path.home()) / ".config" / "customer-workbook" / "pseudonym-secret"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(16) + "\n", encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


def pseudonymize_folder(company: Company, secret: str, work_dir, key_file) -> Path:
    """Write the pseudonymized company into ``work_dir`` for the notebooks to read, and the
    key back to the real names into ``key_file`` (which must lie outside the shared output).
    """
    from helpers.company.folder import write_company

    hidden = pseudonymize(company, secret)
    hidden.settings["name"] = "Pseudonymized company"
    # with a BOM: the teacher opens the key in Excel, which then reads the ä and ö right
    pseudonym_mapping(company, secret).to_csv(
        key_file, index=False, lineterminator="\n", encoding="utf-8-sig"
    )
    folder = write_company(hidden, work_dir)
    pseudonymize_answers(company, secret, folder)  # the forms' answers, without free text
    return folder


IDENTIFIER = re.compile(r"^[a-z][a-z0-9_]*$")  # an E's key, a choice's key: not free text


def _kept_value(value):
    """A TOML value a pseudonymised run may keep: numbers, booleans, lists of keys."""
    if isinstance(value, bool | int | float):
        return True
    if isinstance(value, list):
        return all(isinstance(v, str) and IDENTIFIER.match(v) for v in value)
    return False


def pseudonymize_answers(company: Company, secret: str, work_dir: Path) -> list[str]:
    """Copy the forms' answers into the pseudonymised folder, with nothing that names anyone.

    Per answer table (``answers/<topic>/<member>.csv``): the member becomes "member 1",
    "member 2" … (by the sorted file names); customer ids in a ``customer_id`` column
    become their pseudonyms; cells that are not numbers (evidence, notes, names: free
    text may name people) are emptied, except the key column (the first one) and columns
    of fixed answers (yes / no / don't know). TOML files
    keep only numbers and lists of keys (a team's chosen E's); files named by a customer
    id take its pseudonym, and files left with nothing are left out (a vision's text).
    Unreadable files are left out: the run is about the company, not about fixing
    answers. Returns the paths written, relative to ``work_dir``.
    """
    source = Path(company.folder) / "answers"
    if not source.is_dir():
        return []
    customers = _tables(company, secret).get("customer", {})
    written: list[str] = []
    choices = source / "choices.toml"  # the company's choices: numbers and fixed words only
    if choices.is_file():
        target = work_dir / "answers" / choices.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(choices.read_bytes())
        written.append(target.relative_to(work_dir).as_posix())
    for topic in sorted(p for p in source.iterdir() if p.is_dir()):
        members = sorted(p for p in topic.glob("*.csv") if p.is_file())
        names = {p.stem: f"member-{n}" for n, p in enumerate(members, start=1)}
        for path in members:
            try:
                table = pd.read_csv(
                    path,
                    dtype=str,
                    keep_default_na=False,
                    encoding="utf-8-sig",
                    sep=None,
                    engine="python",
                )
            except (OSError, ValueError, UnicodeDecodeError, pd.errors.ParserError):
                continue
            for position, column in enumerate(table.columns):
                values = table[column]
                if column == "customer_id":
                    table[column] = values.map(lambda v: customers.get(v, v))
                elif position > 0 and not (_numeric(values) or _answer_words(values)):
                    table[column] = ""
            target = work_dir / "answers" / topic.name / f"{names[path.stem]}.csv"
            target.parent.mkdir(parents=True, exist_ok=True)
            table.to_csv(target, index=False, lineterminator="\n", encoding="utf-8")
            written.append(target.relative_to(work_dir).as_posix())
        for path in sorted(topic.glob("*.toml")):
            try:
                values = tomllib.loads(path.read_text(encoding="utf-8-sig"))
            except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
                continue
            kept = {k: v for k, v in values.items() if _kept_value(v)}
            if not kept:
                continue
            target = (
                work_dir / "answers" / topic.name / (f"{customers.get(path.stem, path.stem)}.toml")
            )
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(tomli_w.dumps(kept), encoding="utf-8")
            written.append(target.relative_to(work_dir).as_posix())
    return written


# answers chosen from a fixed list can't name anyone (the service audit's yes / no / don't know)
ANSWER_WORDS = {"yes", "no", "don't know", "don\u2019t know", "dont know", "dont_know"}


def _answer_words(values: pd.Series) -> bool:
    filled = values[values.str.strip() != ""]
    return bool(len(filled)) and filled.str.strip().str.casefold().isin(ANSWER_WORDS).all()


def _numeric(values: pd.Series) -> bool:
    filled = values[values.str.strip() != ""]
    return pd.to_numeric(filled.str.replace(",", ".", regex=False), errors="coerce").notna().all()
