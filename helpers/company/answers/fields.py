"""The questions of a form (Scale, Text, Choice, Picks) and the error of an answer file.

Part of :mod:`helpers.company.answers`; import from there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from helpers.language import ENGLISH, Language

ANSWERS = "answers"  # the folder of answer files in a company folder


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

    ``names`` (optional) labels each step on the buttons, e.g. ``("none", "low",
    "medium", "high")`` for 0–3; the file still holds the number.

    >>> Scale("today", 1, 5).parse(" 4 "), Scale("today", 1, 5).parse("")
    (4, None)
    """

    name: str
    low: int = 1
    high: int = 5
    label: str = ""
    names: tuple = ()

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
class Number(Field):
    """A number from ``low`` to ``high`` (``whole``: a whole number); empty = not answered.

    Written as people write it: ``0.2``, ``0,2``, ``20 %`` (a share when ``percent``).

    >>> Number("key_share", 0.01, 1, percent=True).parse("20 %"), Number("n", 1, 25).parse("7")
    (0.2, 7.0)
    """

    name: str
    low: float = 0.0
    high: float = float("inf")
    label: str = ""
    whole: bool = False
    percent: bool = False  # a share: "20 %" and 0.2 both mean a fifth

    def expected(self) -> str:
        kind = "a whole number" if self.whole else "a number"
        span = (
            f"from {self.low:g} to {self.high:g}"
            if self.high != float("inf")
            else (f"of {self.low:g} or more")
        )
        return f"{kind} {span}, or empty"

    def parse(self, value):
        if value is None or (isinstance(value, str) and value.strip() == ""):
            return None
        if isinstance(value, bool):
            raise ValueError(f"expected {self.expected()}")
        share = False
        if isinstance(value, str):
            text = value.strip().replace("\xa0", "").replace(" ", "")
            share = self.percent and text.endswith("%")
            try:
                number = float(text.rstrip("%").replace(",", "."))
            except ValueError:
                raise ValueError(f"expected {self.expected()}") from None
        elif isinstance(value, int | float):
            number = float(value)
        else:
            raise ValueError(f"expected {self.expected()}")
        if share:
            number /= 100
        if number != number or not self.low <= number <= self.high:
            raise ValueError(f"expected {self.expected()}")
        if self.whole and number != int(number):
            raise ValueError(f"expected {self.expected()}")
        return int(number) if self.whole else number


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
    """An answer file that can't be read: which file, which line, what is wrong.

    ``message`` is English, marked for translation (``N_``), with ``{placeholders}``
    filled from ``values``: :meth:`advice` and :meth:`text` say it in a reader's language.
    """

    def __init__(
        self,
        path: Path,
        message: str,
        line: int | None = None,
        found: str | None = None,
        values: dict | None = None,
    ):
        self.path = Path(path)
        self.line = line
        self.template = message
        self.values = dict(values or {})
        self.message = message.format(**self.values) if self.values else message
        self.found = found
        super().__init__(str(self))

    def where(self, lang: Language = ENGLISH) -> str:
        shown = shown_path(self.path)
        if not self.line:
            return shown
        return lang._("{path}, line {line}").format(path=shown, line=self.line)

    def text(self, lang: Language = ENGLISH) -> str:
        """Which file, which line, what is wrong, in ``lang``."""
        message = lang._(self.template)
        if self.values:
            message = message.format(**self.values)
        text = f"{self.where(lang)}: {message}"
        if self.found is not None:
            text += lang._("; found {found}").format(found=repr(self.found))
        return text

    def __str__(self) -> str:
        return self.text(ENGLISH)

    def advice(self, lang: Language = ENGLISH) -> str:
        """The problem and what to do about it, in ``lang``."""
        return lang._(
            "{problem}. The file was left exactly as it is and nothing will be saved over "
            "it: fix that line in a text editor or spreadsheet (or move the file away to "
            "start again), then run the form again."
        ).format(problem=self.text(lang))

    def _render_traceback_(self) -> list[str]:
        return ["AnswerFileError: " + self.advice()]


def shown_path(path: Path) -> str:
    """``answers/9e/aino.csv`` rather than a long absolute path."""
    parts = Path(path).parts
    if ANSWERS in parts:
        return "/".join(parts[len(parts) - 1 - parts[::-1].index(ANSWERS) :])
    return str(path)
