"""Answer files: where they live, atomic writes, AnswerTable (CSV), AnswerText (TOML), team mode.

Part of :mod:`helpers.company.answers`; import from there.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import secrets
import time
import tomllib
import unicodedata
from pathlib import Path

import pandas as pd
import tomli_w
from filelock import SoftFileLock, Timeout

from helpers.company.answers.fields import (
    ANSWERS,
    AnswerFileError,
    Field,
    shown_path,
)
from helpers.language import N_

# --- where answer files live ---------------------------------------------------------


def answers_dir(company_folder: str | Path) -> Path:
    """``<company folder>/answers``."""
    return Path(company_folder) / ANSWERS


def member_slug(member: str) -> str:
    """The file-name form of a member's name: ``"Aino K."`` -> ``"aino-k"``.

    >>> member_slug("  Aino Kärkkäinen "), member_slug("J.P")
    ('aino-kärkkäinen', 'jp')
    """
    text = unicodedata.normalize("NFC", str(member)).strip().casefold()
    text = re.sub(r"\s+", "-", text)
    text = re.sub(r"[^\w-]", "", text).strip("-_")
    if not text:
        raise ValueError(f"{member!r} can't be used as a name: use letters or digits, like 'aino'")
    return text


def member_label(slug: str) -> str:
    """A member's file name shown as a name: ``"aino-k"`` -> ``"Aino K"``."""
    return " ".join(part.capitalize() for part in str(slug).replace("_", "-").split("-") if part)


def member_file(company_folder: str | Path, topic: str, member: str, suffix: str = ".csv") -> Path:
    """``<company folder>/answers/<topic>/<member>.csv``: one member's answers on a topic."""
    return answers_dir(company_folder) / topic / f"{member_slug(member)}{suffix}"


def members(company_folder: str | Path, topic: str, suffix: str = ".csv") -> list[str]:
    """The members who have an answer file on ``topic``, in alphabetical order.

    Anything named ``<member>.csv`` counts, also a folder of that name: reading it then
    reports the problem instead of leaving the member out without a word.
    """
    folder = answers_dir(company_folder) / topic
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.glob(f"*{suffix}") if not p.name.startswith("."))


# --- writing -------------------------------------------------------------------------

STALE_SECONDS = 60  # a temporary file this old was left by a crash: the next save removes it
LOCK_SECONDS = 10  # how long a save waits for another one to the same file
LOCK_LIFETIME = 30  # a lock older than this was left by a crash


def write_atomic(path: str | Path, text: str, *, bom: bool = False) -> None:
    """Write ``text`` as UTF-8 into a temporary file beside ``path``, then rename it over.

    A crash (or a full disk) mid-write leaves the old file whole; readers never see
    half a file. The file keeps its permissions (a new one gets the usual ones, as any
    program would make it), so teammates on a shared folder can still read it, and
    temporary files that a crash left behind are removed.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_temporaries(path)
    temporary = path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp"
    # os.open with 0o666 lets the umask decide, like any new file (tempfile would use 0o600)
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with open(descriptor, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temporary, path.stat().st_mode & 0o7777)  # the old file's permissions
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _remove_stale_temporaries(path: Path) -> None:
    now = time.time()
    for left in path.parent.glob(f".{glob_escape(path.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            if now - left.stat().st_mtime > STALE_SECONDS:
                left.unlink()


def glob_escape(name: str) -> str:
    """A file name with the glob characters ``*?[`` taken literally."""
    return re.sub(r"([*?\[])", r"[\1]", name)


@contextlib.contextmanager
def locked(path: Path):
    """Hold ``.<name>.lock`` beside ``path``: one read-change-write at a time, across processes.

    Two people saving the team's file at the same moment would otherwise each read the
    old file, change it and write it, and the first one's answer would be lost. The lock
    is a file that exists while a save runs (removed when it is done; one that a crash
    left behind counts as broken after ``LOCK_LIFETIME`` seconds, as a save takes
    milliseconds), so the folder keeps only the answer files.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    lock_file = path.parent / f".{path.name}.lock"
    with contextlib.suppress(OSError):
        if time.time() - lock_file.stat().st_mtime > LOCK_LIFETIME:
            lock_file.unlink()  # left by a crash
    lock = SoftFileLock(lock_file, timeout=LOCK_SECONDS)
    try:
        with lock:
            yield
    except Timeout:
        raise AnswerFileError(
            path,
            N_(
                "another save to it has not finished in {seconds} seconds; try again "
                "(if it keeps happening, delete the .lock file beside it)"
            ),
            values={"seconds": LOCK_SECONDS},
        ) from None


# --- answer files --------------------------------------------------------------------


class _AnswerFile:
    """What tables and texts share: a path, the questions, the last problem seen."""

    def __init__(self, path: str | Path, fields):
        self.path = Path(path)
        self.fields = list(fields)
        self.error: AnswerFileError | None = None
        self.saved = 0  # writes done through this object (for status lines and tests)
        self._listeners: list = []
        self.told: AnswerFileError | None = None  # the problem of the last refused save

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"no question {name!r} here; known: {[f.name for f in self.fields]}")

    @property
    def writable(self) -> bool:
        return self.error is None

    def on_change(self, callback) -> None:
        """Call ``callback(answer_file, ok, message)`` after every save (or refused save)."""
        self._listeners.append(callback)

    def _tell(self, ok: bool, message: str, error: AnswerFileError | None = None) -> None:
        """Tell the listeners; ``error`` (a refused save's problem) lets a form say it in
        its reader's language (``message`` is English)."""
        self.told = error
        for callback in self._listeners:
            callback(self, ok, message)

    def _read_bytes(self) -> bytes | None:
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            return None
        except IsADirectoryError:
            raise AnswerFileError(
                self.path,
                N_(
                    "is a folder, not a file; move or rename the folder so the answers can be "
                    "kept here"
                ),
            ) from None
        except PermissionError:
            raise AnswerFileError(
                self.path,
                N_(
                    "can't be read: permission denied; give yourself read and write access to "
                    "it (or copy the company folder somewhere you can)"
                ),
            ) from None
        except OSError as error:
            raise AnswerFileError(
                self.path,
                N_("can't be read ({reason})"),
                values={"reason": error.strerror or error},
            ) from None

    def _save(self, text: str, bom: bool = False) -> bool:
        """Write the answers; a file that can't be written is reported like a corrupt one."""
        try:
            write_atomic(self.path, text, bom=bom)
        except OSError as error:
            self.error = AnswerFileError(
                self.path,
                N_("can't be written ({reason})"),
                values={"reason": error.strerror or error},
            )
            self._tell(False, f"Not saved. {self.error.advice()}", self.error)
            return False
        self.saved += 1
        self._tell(True, f"Saved in {shown_path(self.path)}.")
        return True

    def _decode(self, raw: bytes) -> str:
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            raise AnswerFileError(
                self.path,
                N_(
                    "is not UTF-8 text (saved in another encoding, or not a text file); "
                    "save it as UTF-8 (in Excel: 'CSV UTF-8')"
                ),
                line=line,
            ) from None


class AnswerTable(_AnswerFile):
    """A CSV answer file: rows by ``key``, one column per field.

    ``rows`` (optional) lists the allowed keys: a row with another key is an
    error, so a typo in a hand-edited file is reported, not silently dropped.
    Columns the workbook does not know (a person's own notes) are kept.
    """

    def __init__(self, path, key: str, fields, rows=None):
        super().__init__(path, fields)
        self.key = key
        self.rows = list(rows) if rows is not None else None
        self._values: dict[str, dict] = {}
        self._extra_columns: list[str] = []
        self._extra: dict[str, dict] = {}
        self._separator = ","
        self._bom = True
        self.reload()

    # reading

    def reload(self) -> AnswerFileError | None:
        """Read the file again; returns (and keeps in ``.error``) its problem, if any."""
        try:
            self._parse(self._read_bytes())
            self.error = None
        except AnswerFileError as error:
            self.error = error
            self._values, self._extra = {}, {}
        return self.error

    def _parse(self, raw: bytes | None) -> None:
        self._values, self._extra, self._extra_columns = {}, {}, []
        if raw is None or not raw.strip():
            return
        self._bom = raw.startswith(b"\xef\xbb\xbf")
        text = self._decode(raw)
        first = text.splitlines()[0] if text.splitlines() else ""
        self._separator = max((";", "\t", ","), key=lambda s: (first.count(s), s == ","))
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=self._separator, strict=True)
        try:
            header = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise AnswerFileError(
                self.path,
                N_("the header can't be read as CSV ({reason})"),
                1,
                values={"reason": error},
            ) from None
        canonical = {n.casefold(): n for n in (self.key, *(f.name for f in self.fields))}
        header = [canonical.get(h.strip().casefold(), h.strip()) for h in header]
        if self.key not in header:
            raise AnswerFileError(
                self.path,
                N_("the first line must name the columns, starting with '{key}'"),
                values={"key": self.key},
                line=1,
                found=self._separator.join(header),
            )
        twice = sorted({h for h in header if h and header.count(h) > 1})
        if twice:
            raise AnswerFileError(
                self.path,
                N_("column '{column}' appears twice"),
                line=1,
                values={"column": twice[0]},
            )
        known = {f.name for f in self.fields}
        self._extra_columns = [h for h in header if h not in known and h != self.key and h]
        allowed = {r.casefold(): r for r in self.rows} if self.rows is not None else None
        line_number = 1
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                break
            except csv.Error as error:
                raise AnswerFileError(
                    self.path,
                    N_("not valid CSV ({reason})"),
                    line=reader.line_num,
                    values={"reason": error},
                ) from None
            line_number = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(header):
                raise AnswerFileError(
                    self.path,
                    N_(
                        "has {cells} cells but the first line names {columns} "
                        "columns (a '{separator}' too many or too few?)"
                    ),
                    values={
                        "cells": len(cells),
                        "columns": len(header),
                        "separator": self._separator,
                    },
                    line=line_number,
                )
            row = dict(zip(header, cells, strict=True))
            key = row[self.key].strip()
            if not key:
                raise AnswerFileError(
                    self.path,
                    N_("column '{column}' is empty"),
                    line=line_number,
                    values={"column": self.key},
                )
            if allowed is not None:
                if key.casefold() not in allowed:
                    raise AnswerFileError(
                        self.path,
                        N_("column '{column}': unknown row; expected one of {rows}"),
                        values={"column": self.key, "rows": ", ".join(self.rows)},
                        line=line_number,
                        found=key,
                    )
                key = allowed[key.casefold()]
            if key in self._values:
                raise AnswerFileError(
                    self.path,
                    N_("'{key}' appears a second time"),
                    line=line_number,
                    values={"key": key},
                )
            values = {}
            for f in self.fields:
                if f.name not in row:
                    values[f.name] = f.parse(None)
                    continue
                try:
                    values[f.name] = f.parse(row[f.name])
                except ValueError as error:
                    raise AnswerFileError(
                        self.path,
                        N_("column '{column}': {problem}"),
                        values={"column": f.name, "problem": error},
                        line=line_number,
                        found=row[f.name],
                    ) from None
            self._values[key] = values
            self._extra[key] = {c: row[c] for c in self._extra_columns}

    # using

    def get(self, row: str, name: str):
        """The saved answer (None when not answered)."""
        return self._values.get(row, {}).get(name, self.field(name).parse(None))

    def keys(self) -> list[str]:
        return list(self._values)

    def frame(self) -> pd.DataFrame:
        """The answers as a DataFrame indexed by ``key`` (one column per field)."""
        columns = [f.name for f in self.fields]
        frame = pd.DataFrame.from_dict(self._values, orient="index", columns=columns)
        frame.index.name = self.key
        return frame

    def set(self, row: str, name: str, value) -> bool:
        """Save one answer at once. False (and nothing written) when the file is corrupt."""
        f = self.field(name)
        value = f.parse(_plain(value))
        if self.rows is not None and row not in self.rows:
            raise KeyError(f"{row!r} is not one of {self.rows}")
        with _saving(self) as error:
            if error is not None:
                return False
            row_values = self._values.setdefault(row, {g.name: g.parse(None) for g in self.fields})
            row_values[name] = value
            self._extra.setdefault(row, {c: "" for c in self._extra_columns})
            return self._save(self.to_csv(), bom=self._bom)

    def to_csv(self) -> str:
        header = [self.key, *(f.name for f in self.fields), *self._extra_columns]
        order = list(self._values)
        if self.rows is not None:
            order = [r for r in self.rows if r in self._values]
        out = io.StringIO()
        writer = csv.writer(out, delimiter=self._separator, lineterminator="\n")
        writer.writerow(header)
        for key in order:
            values = self._values[key]
            writer.writerow(
                [
                    key,
                    *(f.to_text(values.get(f.name)) for f in self.fields),
                    *(self._extra.get(key, {}).get(c, "") for c in self._extra_columns),
                ]
            )
        return out.getvalue()


class AnswerText(_AnswerFile):
    """A TOML answer file of named fields (free text, scores, picks).

    Keys the workbook does not know are kept; comments are not (TOML libraries
    don't keep them), so write notes into a field rather than a comment.
    """

    def __init__(self, path, fields):
        super().__init__(path, fields)
        self._data: dict = {}
        self.reload()

    def reload(self) -> AnswerFileError | None:
        try:
            self._data = self._parse(self._read_bytes())
            self.error = None
        except AnswerFileError as error:
            self.error = error
            self._data = {}
        return self.error

    def _parse(self, raw: bytes | None) -> dict:
        if raw is None:
            return {}
        text = self._decode(raw)
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            found = re.search(r"line (\d+)", str(error))
            message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error)) or "invalid"
            raise AnswerFileError(
                self.path,
                N_(
                    "not valid TOML: {problem}; lines look like "
                    'name = "text in quotes" (for several lines: three quotes """ … """)'
                ),
                values={"problem": message[0].lower() + message[1:]},
                line=int(found.group(1)) if found else None,
            ) from None
        for f in self.fields:
            if f.name in data:
                try:
                    data[f.name] = f.parse(data[f.name])
                except ValueError as error:
                    raise AnswerFileError(
                        self.path,
                        N_("'{key}': {problem}"),
                        line=_key_line(text, f.name),
                        values={"key": f.name, "problem": error},
                    ) from None
        return data

    def get(self, name: str, row=None):
        if row is not None:
            raise TypeError("an AnswerText has no rows; call get(name)")
        return self._data.get(name, self.field(name).parse(None))

    def values(self) -> dict:
        return {f.name: self.get(f.name) for f in self.fields}

    def set(self, name: str, value, row=None) -> bool:
        """Save one answer at once. False (and nothing written) when the file is corrupt."""
        if row is not None:
            raise TypeError("an AnswerText has no rows; call set(name, value)")
        f = self.field(name)
        value = f.parse(_plain(value))
        with _saving(self) as error:
            if error is not None:
                return False
            if value is None:
                self._data.pop(name, None)
            else:
                self._data[name] = value
            return self._save(self.to_toml())

    def to_toml(self) -> str:
        order = [f.name for f in self.fields if f.name in self._data]
        order += [k for k in self._data if k not in order]
        return tomli_w.dumps({k: self._data[k] for k in order}, multiline_strings=True)


@contextlib.contextmanager
def _saving(answers: _AnswerFile):
    """Under the file's lock, read it again (keeping edits made meanwhile in a spreadsheet
    or by a teammate) and yield its problem, if any; the caller changes and writes."""
    try:
        with locked(answers.path):
            error = answers.reload()
            if error is not None:
                answers._tell(False, f"Not saved. {error.advice()}", error)
            yield error
    except AnswerFileError as error:  # the lock: another save did not finish
        answers._tell(False, f"Not saved. {error.advice()}", error)
        raise


def _key_line(text: str, key: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"\s*[\"']?{re.escape(key)}[\"']?\s*=", line):
            return number
    return None


def _plain(value):
    if isinstance(value, tuple):
        return list(value)
    return value


# --- team mode: everyone's answers together ------------------------------------------


def read_members(
    company_folder: str | Path, topic: str, key: str, fields, rows=None
) -> tuple[pd.DataFrame, list[AnswerFileError]]:
    """Every member's table on ``topic`` in one long frame, and the files left out.

    Columns: ``member``, ``key``, then one per field. A corrupt file is left
    out of the frame and reported in the list (it is never changed).
    """
    frames, problems = [], []
    for member in members(company_folder, topic):
        table = AnswerTable(
            answers_dir(company_folder) / topic / f"{member}.csv", key, fields, rows
        )
        if table.error is not None:
            problems.append(table.error)
            continue
        frame = table.frame().reset_index()
        frame.insert(0, "member", member)
        frames.append(frame)
    columns = ["member", key, *(f.name for f in fields)]
    if not frames:
        return pd.DataFrame(columns=columns), problems
    return pd.concat(frames, ignore_index=True)[columns], problems
