"""Forms that never lose an answer: ipywidgets bound to plain-text answer files.

Three notebooks ask the team for its own judgement: 03 (account value levels),
04 (the 9E checklist) and 06 (customer-vision texts). Their answers live in the
company folder under ``answers/``, as UTF-8 text a person can read, diff and
type in a spreadsheet or editor:

* a **table** (:class:`AnswerTable`) is a CSV file: one row per key (an E, a
  customer id), one column per question; an empty cell means "not answered yet";
* a **text** (:class:`AnswerText`) is a TOML file of named fields (free text,
  a score, a list of picks), e.g. the five sections of a customer vision.

Every change in a widget is written at once (no Save button to forget) and
atomically: into a temporary file beside the answer file, then renamed over it,
so a crash mid-write leaves the old file whole. Before each write the file is
read again, so an edit made meanwhile in a spreadsheet is kept. A file that
can't be read (bad syntax, a value out of range, an unknown row) is reported
with file, line and what is wrong, kept byte for byte, and never written over:
the form shows the report and its widgets are disabled until the file is fixed.

Team mode: each member has a file of their own (``answers/<topic>/<member>.csv``),
so two people answering at once never overwrite each other; :func:`read_members`
gathers them all for the team's results.

How a notebook binds widgets to an answer file
----------------------------------------------
1. Describe the questions once, in your analysis module (fields: :class:`Scale`,
   :class:`Text`, :class:`Choice`, :class:`Picks`)::

       from helpers.course import forms

       LEVELS = [forms.Scale("reference", 0, 3, "Reference value"),
                 forms.Scale("contact", 0, 3, "Contact value"),
                 forms.Text("note", "Why this score?")]

2. Open the member's file: ``answers/account-values/<member>.csv``, one row per
   ``customer_id`` (``rows=`` lists the keys allowed; leave it out for any)::

       path = forms.member_file(wb.company.folder, "account-values", member)
       table = forms.AnswerTable(path, key="customer_id", fields=LEVELS)

3. Show the form where someone can click, and only there; in a batch run
   (papermill, nbval, ``workbook run``) :func:`show` prints ``batch_text`` instead::

       forms.show(lambda: forms.table_form(table, rows={"C0001": "Rakennus Lahtinen Oy"}),
                  batch_text="The form shows in JupyterLab; below are the saved answers.")

   Each widget shows the saved answer; each click or keystroke is saved at once.
   ``table_form`` puts a status line on top that says where answers go, or why
   they can't be saved (a corrupt file: the widgets are then disabled).

4. Results read every member's file, in batch and interactive runs alike::

       frame, problems = forms.read_members(wb.company.folder, "account-values",
                                            key="customer_id", fields=LEVELS)
       # frame: member, customer_id, reference, contact, note; problems: files left out
       # (print each: str(problem) names file, line and what is wrong)

A single widget can be bound too: ``forms.bind(widget, table, "contact", row="C0001")``
shows the saved value in ``widget`` and saves every change of ``widget.value``
(sliders, toggle buttons, dropdowns, text boxes). Free text lives in TOML, one
file per thing described, with :class:`AnswerText` and :func:`text_form`::

    VISION = [forms.Text("current_state", "1 · Current state", lines=6), ...]
    text = forms.AnswerText(forms.answers_dir(wb.company.folder) / "visions" / "C0001.toml",
                            VISION)
    forms.show(lambda: forms.text_form(text), batch_text="…")
    text.values()   # {"current_state": "…", …}; text.error is the problem, if any

Without a browser (tests, scripts) the same objects read and write directly:

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> table = AnswerTable(folder / "scores.csv", key="e", fields=[Scale("today", 1, 5)])
>>> table.set("ethics", "today", 4)
True
>>> print((folder / "scores.csv").read_text(encoding="utf-8-sig"), end="")
e,today
ethics,4
>>> again = AnswerTable(folder / "scores.csv", key="e", fields=[Scale("today", 1, 5)])
>>> again.get("ethics", "today"), again.error
(4, None)
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import tempfile
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import tomli_w

ANSWERS = "answers"
NOT_ANSWERED = "–"  # the label of "no answer yet" in a scale's buttons
BATCH_ENV = "WORKBOOK_FORMS"  # "off": never show forms (batch runs); "on": always


# --- the questions -------------------------------------------------------------------


class Field:
    """One question: its column (CSV) or key (TOML) ``name`` and a ``label`` for people.

    The kinds below (Scale, Text, Choice, Picks) say how an answer is written
    in the file and which values are allowed; ``parse`` raises ValueError
    saying what was expected.
    """

    name: str
    label: str

    @property
    def title(self) -> str:
        return self.label or self.name.replace("_", " ").capitalize()

    def to_text(self, value) -> str:
        return "" if value is None else str(value)


@dataclass(frozen=True)
class Scale(Field):
    """A whole number from ``low`` to ``high``; empty = not answered (None).

    >>> Scale("today", 1, 5).parse(" 4 "), Scale("today", 1, 5).parse("")
    (4, None)
    """

    name: str
    low: int = 1
    high: int = 5
    label: str = ""

    def expected(self) -> str:
        return f"a whole number from {self.low} to {self.high}, or empty"

    def parse(self, value):
        if value is None or (isinstance(value, str) and value.strip() == ""):
            return None
        if isinstance(value, bool):
            raise ValueError(f"expected {self.expected()}")
        if isinstance(value, str):
            try:
                number = float(value.strip().replace(",", "."))
            except ValueError:
                raise ValueError(f"expected {self.expected()}") from None
        elif isinstance(value, int | float):
            number = float(value)
        else:
            raise ValueError(f"expected {self.expected()}")
        if number != number or number != int(number) or not self.low <= number <= self.high:
            raise ValueError(f"expected {self.expected()}")
        return int(number)


@dataclass(frozen=True)
class Text(Field):
    """Free text; ``lines`` > 1 shows a larger box. Empty = not answered (None)."""

    name: str
    label: str = ""
    lines: int = 1
    placeholder: str = ""

    def expected(self) -> str:
        return "text"

    def parse(self, value):
        if value is None:
            return None
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise ValueError("expected text (in TOML: in quotes)")
        return value if value.strip() else None


@dataclass(frozen=True)
class Choice(Field):
    """One of ``options`` (keys, or (label, key) pairs); empty = not answered."""

    name: str
    options: tuple = ()
    label: str = ""

    def keys(self) -> list[str]:
        return [o[1] if isinstance(o, tuple) else o for o in self.options]

    def expected(self) -> str:
        return "one of " + ", ".join(self.keys()) + ", or empty"

    def parse(self, value):
        if value is None or (isinstance(value, str) and value.strip() == ""):
            return None
        text = str(value).strip().casefold()
        for key in self.keys():
            if key.casefold() == text:
                return key
        raise ValueError(f"expected {self.expected()}")


@dataclass(frozen=True)
class Picks(Field):
    """Several of ``options``: a list in TOML, ``a; b`` in a CSV cell; nothing = [].

    >>> Picks("chosen", ("ethics", "epic")).parse("Epic; ethics")
    ['epic', 'ethics']
    """

    name: str
    options: tuple = ()
    label: str = ""

    def keys(self) -> list[str]:
        return [o[1] if isinstance(o, tuple) else o for o in self.options]

    def expected(self) -> str:
        return "a list of some of " + ", ".join(self.keys())

    def parse(self, value):
        if value is None:
            return []
        if isinstance(value, str):
            value = [v for v in re.split(r"[;\n]", value) if v.strip()]
        if not isinstance(value, list | tuple):
            raise ValueError(f"expected {self.expected()}")
        known = {k.casefold(): k for k in self.keys()}
        picked = []
        for item in value:
            key = known.get(str(item).strip().casefold())
            if key is None:
                raise ValueError(f"{item!r} is not one of {', '.join(self.keys())}")
            if key not in picked:
                picked.append(key)
        return picked

    def to_text(self, value) -> str:
        return "; ".join(value or [])


# --- errors --------------------------------------------------------------------------


class AnswerFileError(Exception):
    """An answer file that can't be read: which file, which line, what is wrong."""

    def __init__(self, path: Path, message: str, line: int | None = None, found: str | None = None):
        self.path = Path(path)
        self.line = line
        self.message = message
        self.found = found
        super().__init__(str(self))

    def where(self) -> str:
        shown = _shown_path(self.path)
        return f"{shown}, line {self.line}" if self.line else shown

    def __str__(self) -> str:
        text = f"{self.where()}: {self.message}"
        if self.found is not None:
            text += f"; found {self.found!r}"
        return text

    def advice(self) -> str:
        return (
            f"{self}. The file was left exactly as it is and nothing will be saved over "
            "it: fix that line in a text editor or spreadsheet (or move the file away to "
            "start again), then run the form again."
        )

    def _render_traceback_(self) -> list[str]:
        return ["AnswerFileError: " + self.advice()]


def _shown_path(path: Path) -> str:
    """``answers/9e/aino.csv`` rather than a long absolute path."""
    parts = Path(path).parts
    if ANSWERS in parts:
        return "/".join(parts[len(parts) - 1 - parts[::-1].index(ANSWERS) :])
    return str(path)


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
    """The members who have an answer file on ``topic``, in alphabetical order."""
    folder = answers_dir(company_folder) / topic
    if not folder.is_dir():
        return []
    return sorted(
        p.stem for p in folder.glob(f"*{suffix}") if not p.name.startswith(".") and p.is_file()
    )


# --- writing -------------------------------------------------------------------------


def write_atomic(path: str | Path, text: str, *, bom: bool = False) -> None:
    """Write ``text`` as UTF-8 into a temporary file beside ``path``, then rename it over.

    A crash (or a full disk) mid-write leaves the old file whole; readers never
    see half a file.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = tempfile.NamedTemporaryFile(
        "w",
        encoding="utf-8-sig" if bom else "utf-8",
        newline="",
        dir=path.parent,
        prefix=f".{path.name}.",
        suffix=".tmp",
        delete=False,
    )
    try:
        with handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
        raise


# --- answer files --------------------------------------------------------------------


class _AnswerFile:
    """What tables and texts share: a path, the questions, the last problem seen."""

    def __init__(self, path: str | Path, fields):
        self.path = Path(path)
        self.fields = list(fields)
        self.error: AnswerFileError | None = None
        self.saved = 0  # writes done through this object (for status lines and tests)
        self._listeners: list = []

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

    def _tell(self, ok: bool, message: str) -> None:
        for callback in self._listeners:
            callback(self, ok, message)

    def _read_bytes(self) -> bytes | None:
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            return None

    def _decode(self, raw: bytes) -> str:
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            raise AnswerFileError(
                self.path,
                "is not UTF-8 text (saved in another encoding, or not a text file); "
                "save it as UTF-8 (in Excel: 'CSV UTF-8')",
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
                self.path, f"the header can't be read as CSV ({error})", 1
            ) from None
        canonical = {n.casefold(): n for n in (self.key, *(f.name for f in self.fields))}
        header = [canonical.get(h.strip().casefold(), h.strip()) for h in header]
        if self.key not in header:
            raise AnswerFileError(
                self.path,
                f"the first line must name the columns, starting with '{self.key}'",
                line=1,
                found=self._separator.join(header),
            )
        twice = sorted({h for h in header if h and header.count(h) > 1})
        if twice:
            raise AnswerFileError(self.path, f"column '{twice[0]}' appears twice", line=1)
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
                    self.path, f"not valid CSV ({error})", line=reader.line_num
                ) from None
            line_number = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(header):
                raise AnswerFileError(
                    self.path,
                    f"has {len(cells)} cells but the first line names {len(header)} "
                    f"columns (a '{self._separator}' too many or too few?)",
                    line=line_number,
                )
            row = dict(zip(header, cells, strict=True))
            key = row[self.key].strip()
            if not key:
                raise AnswerFileError(self.path, f"column '{self.key}' is empty", line=line_number)
            if allowed is not None:
                if key.casefold() not in allowed:
                    raise AnswerFileError(
                        self.path,
                        f"column '{self.key}': unknown row; expected one of "
                        + ", ".join(self.rows),
                        line=line_number,
                        found=key,
                    )
                key = allowed[key.casefold()]
            if key in self._values:
                raise AnswerFileError(self.path, f"'{key}' appears a second time", line=line_number)
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
                        f"column '{f.name}': {error}",
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
        error = self.reload()  # keep edits made meanwhile in a spreadsheet or editor
        if error is not None:
            self._tell(False, f"Not saved. {error.advice()}")
            return False
        if self.rows is not None and row not in self.rows:
            raise KeyError(f"{row!r} is not one of {self.rows}")
        self._values.setdefault(row, {g.name: g.parse(None) for g in self.fields})[name] = value
        self._extra.setdefault(row, {c: "" for c in self._extra_columns})
        write_atomic(self.path, self.to_csv(), bom=self._bom)
        self.saved += 1
        self._tell(True, f"Saved in {_shown_path(self.path)}.")
        return True

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
                f"not valid TOML: {message[0].lower() + message[1:]}; lines look like "
                'name = "text in quotes" (for several lines: three quotes """ … """)',
                line=int(found.group(1)) if found else None,
            ) from None
        for f in self.fields:
            if f.name in data:
                try:
                    data[f.name] = f.parse(data[f.name])
                except ValueError as error:
                    raise AnswerFileError(
                        self.path, f"'{f.name}': {error}", line=_key_line(text, f.name)
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
        error = self.reload()
        if error is not None:
            self._tell(False, f"Not saved. {error.advice()}")
            return False
        if value is None:
            self._data.pop(name, None)
        else:
            self._data[name] = value
        write_atomic(self.path, self.to_toml())
        self.saved += 1
        self._tell(True, f"Saved in {_shown_path(self.path)}.")
        return True

    def to_toml(self) -> str:
        order = [f.name for f in self.fields if f.name in self._data]
        order += [k for k in self._data if k not in order]
        return tomli_w.dumps({k: self._data[k] for k in order}, multiline_strings=True)


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


# --- widgets -------------------------------------------------------------------------


def interactive() -> bool:
    """Show forms? True in JupyterLab and on a Voilà page; False in batch runs.

    ``WORKBOOK_FORMS=off`` (set by ``workbook run`` and the test suite) or ``on``
    decides; otherwise a kernel started by a Jupyter server (JupyterLab sets
    ``JPY_SESSION_NAME``) is interactive and papermill, nbclient and nbval are not.
    """
    setting = os.environ.get(BATCH_ENV, "").strip().lower()
    if setting in ("on", "1", "yes"):
        return True
    if setting in ("off", "0", "no"):
        return False
    return bool(os.environ.get("JPY_SESSION_NAME"))


@contextlib.contextmanager
def batch_mode():
    """Within the block, kernels started by this process show no forms (``workbook run``)."""
    before = os.environ.get(BATCH_ENV)
    os.environ[BATCH_ENV] = "off"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(BATCH_ENV, None)
        else:
            os.environ[BATCH_ENV] = before


def show(build, batch_text: str = ""):
    """Display the form ``build()`` returns where someone can click; else print ``batch_text``.

    ``build`` is called only in an interactive session, so a batch run creates no
    widgets (their random ids would make executed notebooks differ). Returns the
    form, or None in a batch run.
    """
    if not interactive():
        if batch_text:
            print(batch_text)
        return None
    from IPython.display import display

    form = build()
    display(form)
    return form


def widget_for(answers: _AnswerFile, name: str, row=None):
    """A widget for one question, showing the saved answer and saving every change."""
    import ipywidgets as w

    f = answers.field(name)
    if isinstance(f, Scale):
        options = [(NOT_ANSWERED, None)] + [(str(n), n) for n in range(f.low, f.high + 1)]
        widget = w.ToggleButtons(options=options, value=None, tooltips=[])
        widget.style.button_width = "2.4em"
    elif isinstance(f, Choice):
        options = [(NOT_ANSWERED, None)] + [
            o if isinstance(o, tuple) else (o, o) for o in f.options
        ]
        widget = w.Dropdown(options=options, value=None)
    elif isinstance(f, Picks):
        options = [o if isinstance(o, tuple) else (o, o) for o in f.options]
        widget = w.SelectMultiple(options=options, value=(), rows=min(len(options), 9))
    elif isinstance(f, Text) and f.lines > 1:
        widget = w.Textarea(value="", placeholder=f.placeholder, rows=f.lines)
        widget.layout.width = "100%"
    else:
        widget = w.Text(value="", placeholder=getattr(f, "placeholder", ""))
        widget.layout.width = "100%"
    return bind(widget, answers, name, row=row)


def bind(widget, answers: _AnswerFile, name: str, row=None):
    """Show the saved answer in ``widget`` and save every change of its value at once.

    Works with any widget whose ``value`` the field can parse (sliders, buttons,
    dropdowns, text boxes). A corrupt file disables the widget; returns it.
    """
    saved = answers.get(name) if row is None else answers.get(row, name)
    if saved is None:
        saved = "" if _is_text_widget(widget) else None
    with contextlib.suppress(Exception):
        widget.value = tuple(saved) if isinstance(saved, list) else saved
    widget.disabled = answers.error is not None

    def save(change):
        value = change["new"]
        if _is_text_widget(widget) and value == "":
            value = None
        try:
            if row is None:
                answers.set(name, value)
            else:
                answers.set(row, name, value)
        except ValueError as error:  # a value the question does not accept
            answers._tell(False, f"Not saved: {error}.")

    widget.observe(save, names="value")
    return widget


def _is_text_widget(widget) -> bool:
    return type(widget).__name__ in ("Text", "Textarea")


def status_line(*files: _AnswerFile):
    """An HTML widget that says where answers are saved, or why they can't be."""
    import html

    import ipywidgets as w

    box = w.HTML()
    box.add_class("workbook-form-status")

    def show(_file=None, ok=True, message=""):
        broken = [f.error for f in files if f.error is not None]
        if broken:
            text = "<br>".join(html.escape(e.advice()) for e in broken)
            box.value = f"<div class='workbook-form-error' style='color:#a40000'>⚠ {text}</div>"
        elif not ok:
            box.value = f"<div style='color:#a40000'>⚠ {html.escape(message)}</div>"
        else:
            where = ", ".join(sorted({_shown_path(f.path) for f in files}))
            note = f"✓ {html.escape(message)}" if message else "Answers are saved as you go in"
            box.value = f"<div style='color:#2e6b30'>{note} ({html.escape(where)})</div>"

    for f in files:
        f.on_change(show)
    show()
    return box


def table_form(table: AnswerTable, rows: dict, fields=None, describe=None, status=True):
    """A form with one block per row (``rows``: key -> label) and a widget per question.

    ``fields`` (names) limits the questions asked; ``describe`` (optional) maps a
    key to a line of HTML shown under its label; ``status=False`` leaves out the
    status line (when another form on the same file already shows one). Each
    widget gets the CSS class ``answer-<key>-<field>`` (for browser tests).
    """
    import html

    import ipywidgets as w

    names = fields or [f.name for f in table.fields]
    blocks = [status_line(table)] if status else []
    for key, label in rows.items():
        head = f"<b>{html.escape(str(label))}</b>"
        if describe and describe.get(key):
            head += f"<br><span style='color:#555'>{describe[key]}</span>"
        items = [w.HTML(head)]
        for name in names:
            question = w.Label(table.field(name).title)
            question.layout.width = "14em"
            widget = widget_for(table, name, row=key)
            widget.add_class(f"answer-{key}-{name}")
            items.append(w.HBox([question, widget]))
        block = w.VBox(items)
        block.layout.margin = "0 0 1em 0"
        blocks.append(block)
    return w.VBox(blocks)


def text_form(text: AnswerText, fields=None):
    """A form with a labelled box per field of a TOML answer file."""
    import ipywidgets as w

    names = fields or [f.name for f in text.fields]
    items = [status_line(text)]
    for name in names:
        widget = widget_for(text, name)
        widget.add_class(f"answer-{name}")
        items.append(w.HTML(f"<b>{text.field(name).title}</b>"))
        items.append(widget)
    return w.VBox(items)
