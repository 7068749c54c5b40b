"""The questions of a form (Scale, Text, Choice, Picks) and the error of an answer file.

Part of :mod:`helpers.company.answers`; import from there.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from helpers.language import ENGLISH, Language

ANSWERS = "answers"  # the folder of answer files in a company folder


class Refused(ValueError):
    """A value a question does not accept, and what it expected: ``str()`` in English,
    :meth:`text` in a reader's language (a form's status line, a corrupt file's report).

    >>> str(Scale("today", 1, 5).parse_or_refused("7"))
    'expected a whole number from 1 to 5, or empty'
    """

    def __init__(self, say: Callable[[Language], str]):
        self.say = say
        super().__init__(say(ENGLISH))

    def text(self, lang: Language = ENGLISH) -> str:
        return self.say(lang)


def in_words(value, lang: Language = ENGLISH) -> str:
    """``value`` as a reader writes it: a ``Refused`` in ``lang``, anything else as text."""
    return value.text(lang) if isinstance(value, Refused) else str(value)


def _plain(value: float, lang: Language) -> str:
    """0.01 or 0,01: a bound of a question, with the language's decimal mark."""
    text = f"{value:g}"
    return text if lang.code == "en" else text.replace(".", ",")


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

    def expected(self, lang: Language = ENGLISH) -> str:
        raise NotImplementedError

    def refused(self) -> Refused:
        """The error of a value this question does not accept: "expected …"."""
        return Refused(lambda lang: lang._("expected {what}").format(what=self.expected(lang)))

    def parse_or_refused(self, value):
        """The parsed value, or the :class:`Refused` error it raises (for examples)."""
        try:
            return self.parse(value)
        except Refused as error:
            return error


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

    def expected(self, lang: Language = ENGLISH) -> str:
        return lang._("a whole number from {low} to {high}, or empty").format(
            low=self.low, high=self.high
        )

    def parse(self, value):
        if value is None or (isinstance(value, str) and value.strip() == ""):
            return None
        if isinstance(value, bool):
            raise self.refused()
        if isinstance(value, str):
            try:
                number = float(value.strip().replace(",", "."))
            except ValueError:
                raise self.refused() from None
        elif isinstance(value, int | float):
            number = float(value)
        else:
            raise self.refused()
        if number != number or number != int(number) or not self.low <= number <= self.high:
            raise self.refused()
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

    def expected(self, lang: Language = ENGLISH) -> str:
        low, high = _plain(self.low, lang), _plain(self.high, lang)
        if self.high == float("inf"):
            if self.whole:
                return lang._("a whole number of {low} or more, or empty").format(low=low)
            return lang._("a number of {low} or more, or empty").format(low=low)
        if self.whole:
            return lang._("a whole number from {low} to {high}, or empty").format(
                low=low, high=high
            )
        return lang._("a number from {low} to {high}, or empty").format(low=low, high=high)

    def parse(self, value):
        if value is None or (isinstance(value, str) and value.strip() == ""):
            return None
        if isinstance(value, bool):
            raise self.refused()
        share = False
        if isinstance(value, str):
            text = value.strip().replace("\xa0", "").replace(" ", "")
            share = self.percent and text.endswith("%")
            try:
                number = float(text.rstrip("%").replace(",", "."))
            except ValueError:
                raise self.refused() from None
        elif isinstance(value, int | float):
            number = float(value)
        else:
            raise self.refused()
        if share:
            number /= 100
        if number != number or not self.low <= number <= self.high:
            raise self.refused()
        if self.whole and number != int(number):
            raise self.refused()
        return int(number) if self.whole else number


@dataclass(frozen=True)
class Text(Field):
    """Free text; ``lines`` > 1 shows a larger box. Empty = not answered (None)."""

    name: str
    label: str = ""
    lines: int = 1
    placeholder: str = ""

    def expected(self, lang: Language = ENGLISH) -> str:
        return lang._("text (in TOML: in quotes)")

    def parse(self, value):
        if value is None:
            return None
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise self.refused()
        return value if value.strip() else None


@dataclass(frozen=True)
class Choice(Field):
    """One of ``options`` (keys, or (label, key) pairs); empty = not answered."""

    name: str
    options: tuple = ()
    label: str = ""

    def keys(self) -> list[str]:
        return [o[1] if isinstance(o, tuple) else o for o in self.options]

    def expected(self, lang: Language = ENGLISH) -> str:
        return lang._("one of {options}, or empty").format(options=", ".join(self.keys()))

    def parse(self, value):
        if value is None or (isinstance(value, str) and value.strip() == ""):
            return None
        text = str(value).strip().casefold()
        for key in self.keys():
            if key.casefold() == text:
                return key
        raise self.refused()


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

    def expected(self, lang: Language = ENGLISH) -> str:
        return lang._("a list of some of {options}").format(options=", ".join(self.keys()))

    def parse(self, value):
        if value is None:
            return []
        if isinstance(value, str):
            value = [v for v in re.split(r"[;\n]", value) if v.strip()]
        if not isinstance(value, list | tuple):
            raise self.refused()
        known = {k.casefold(): k for k in self.keys()}
        picked = []
        for item in value:
            key = known.get(str(item).strip().casefold())
            if key is None:
                options = ", ".join(self.keys())
                raise Refused(
                    lambda lang, item=item, options=options: lang._(
                        "{item} is not one of {options}"
                    ).format(item=repr(item), options=options)
                )
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
            message = message.format(**{k: in_words(v, lang) for k, v in self.values.items()})
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
