"""Self-checking exercises: ``q1.check(answer)``, ``q1.hint()``, ``q1.solution()``.

The expected answer of every exercise is computed from the data the notebook
runs on, so the same exercise works on the sample company and on a learner's
own invoices. An exercise that has not been answered says so and never
raises, so batch runs of the notebooks pass.

Answers are read as the learner writes them: a number (``0.25``, ``1200``) or text
(``"25 %"``, ``"0,6"``, ``"-2,2"``, ``"1 234,5 €"``); the decimal comma, a percent sign,
spaces and the minus sign "−" are understood. A share question says whether it wants a
percent (``25`` for 25 %, the way the notebooks print shares) or a share like ``0.25``;
a number without a percent sign is read that way first, and the other way too where
that reading is plain (``0.25`` for 25 % in a percent question, ``25`` in a share
question). A count or an amount (kind ``number``) is never read as a percent.

>>> q = Exercise(1, "How many customers?", 3, hint="Count distinct ids.", solution="3")
>>> q.is_correct(3), q.is_correct(4), q.is_correct(None)
(True, False, None)
>>> share = Exercise(2, "Erosion per year?", -0.008, kind=SHARE, absolute=0.0005)
>>> share.is_correct(-0.8), share.is_correct("-0,8 %"), share.is_correct(-0.008)
(True, True, True)

Besides looking a figure up, an exercise can ask the learner to think (its ``mode``):

- **compute** (:data:`COMPUTE`): a line of pandas on their own data, checked against the
  helper that computes the same figure (an :class:`Exercise` with ``mode=COMPUTE``);
- **predict before you look** (:class:`Prediction`): the learner writes a guess, and only
  then sees the figure, the gap and what to learn from it;
- **choose and argue** (:class:`Argue`): a choice and its reason, checked against the
  defensible choices, each with its reason shown.

Where a check cannot work on a company's data, ``why_not`` says exactly why (e.g. "your
folder has no hours.csv").
"""

from __future__ import annotations

import math
import numbers
import re

from helpers.course import progress
from helpers.language import N_, Language

NUMBER, SHARE, CHOICE, THOUGHT = "number", "share", "choice", "thought"
# What an exercise asks the learner to do: look a printed figure up, or think. An
# Argue exercise has kind ARGUE too: its answer is a choice with a reason.
LOOK_UP, COMPUTE, PREDICT, ARGUE = "look up", "compute", "predict", "argue"
THINKING = (COMPUTE, PREDICT, ARGUE)
PERCENT, FRACTION = "percent", "fraction"  # how a share question wants its answer

INSTRUCTIONS = {
    PERCENT: N_("Write it as a percent: 25 for 25 %."),
    FRACTION: N_("Write it as a share: 0.25 for 25 %."),
}
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")
_CURRENCY = re.compile(r"(€|eur|kr|sek|\$|£)", re.IGNORECASE)
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")


class Answer:
    """An answer read as a number: ``value``, whether it had a percent sign, what went
    wrong (``problem``: '' when it reads as a number)."""

    def __init__(self, value: float | None, percent: bool = False, problem: str = ""):
        self.value = value
        self.percent = percent
        self.problem = problem


def read_answer(answer) -> Answer:
    """The learner's answer as a number, as they wrote it.

    >>> [read_answer(a).value for a in (0.6, "0,6", "-2,2", "−1 234,5 €", "1.234,5", "60 %")]
    [0.6, 0.6, -2.2, -1234.5, 1234.5, 60.0]
    >>> read_answer("60 %").percent, read_answer((-2, 2)).problem
    (True, 'decimal comma')
    """
    if isinstance(answer, bool):
        return Answer(None, problem="not a number")
    if isinstance(answer, numbers.Real):
        return Answer(float(answer))
    if (
        isinstance(answer, tuple)
        and len(answer) == 2
        and all(
            isinstance(part, numbers.Integral) and not isinstance(part, bool) for part in answer
        )
    ):
        return Answer(None, problem="decimal comma")  # answer_1 = -2,2 makes (-2, 2)
    if not isinstance(answer, str):
        return Answer(None, problem="not a number")
    text = _SPACES.sub("", answer).replace("\u2212", "-").replace("\u2013", "-")
    percent = "%" in text
    text = _CURRENCY.sub("", text.replace("%", ""))
    if "," in text and "." in text:  # the later mark is the decimal one: 1.234,5 or 1,234.5
        thousands = "." if text.rfind(",") > text.rfind(".") else ","
        text = text.replace(thousands, "").replace(",", ".")
    elif text.count(",") > 1:  # 1,234,567: commas between thousands
        text = text.replace(",", "")
    else:  # the decimal comma of Finnish and Swedish: -2,2
        text = text.replace(",", ".")
    if not _NUMBER.fullmatch(text):
        return Answer(None, problem="not a number")
    return Answer(float(text), percent)


class Exercise:
    """One question with an expected answer computed from the data.

    kind: ``number`` (right within ``tolerance`` relative, or ``absolute``; never read as a
    percent), ``share`` (the expected value is a fraction; ``unit`` says how the question
    asks for the answer: :data:`PERCENT`, 25 for 25 %, or :data:`FRACTION`, 0.25), ``choice``
    (text, case-insensitive; ``expected`` may be a set of right answers) or ``thought`` (no
    check, only a solution). ``mode`` says what it asks of the learner (:data:`LOOK_UP`,
    :data:`COMPUTE`, ...); ``why_not`` why it can't be checked on this company's data,
    when it can't.
    """

    def __init__(
        self,
        number: int,
        question: str,
        expected: object,
        *,
        hint: str = "",
        solution: str = "",
        kind: str = NUMBER,
        tolerance: float = 0.01,
        absolute: float = 0.0,
        unit: str = PERCENT,
        mode: str = LOOK_UP,
        why_not: str = "",
        lang: Language | None = None,
    ):
        if unit not in INSTRUCTIONS:
            raise ValueError(f"unit must be {PERCENT!r} or {FRACTION!r}; got {unit!r}")
        self.number = number
        self.question = question
        self.expected = expected
        self.hint_text = hint
        self.solution_text = solution
        self.kind = kind
        self.tolerance = tolerance
        self.absolute = absolute
        self.unit = unit
        self.mode = mode
        self.why_not = why_not
        # the messages of check, hint and solution: the notebook session's language
        self.lang = lang or progress.language()
        self.recorder = progress.register(self)  # the session's progress.json, if any

    @property
    def thinking(self) -> bool:
        """Whether it asks to compute, predict or argue rather than to look a figure up."""
        return self.mode in THINKING

    @property
    def checkable(self) -> bool:
        """Whether this company's data gives something to check the answer against."""
        if self.kind == THOUGHT:
            return False
        if self.kind in (CHOICE, ARGUE):
            return not (self.expected is None or self.expected == set() or self.expected == {})
        return not math.isnan(float(self.expected))

    def _(self, message: str, **values) -> str:
        """``message`` in the session's language, with ``values`` filled in."""
        return self.lang._(message).format(name=self.name, n=self.number, **values)

    def _cannot(self) -> str:
        """Why the answer can't be checked here, and what would help."""
        told = self._(N_("{name} can't be checked on this data."))
        return " ".join(part for part in (told, self.why_not, self.solution_text) if part)

    def __repr__(self) -> str:
        return f"<Exercise {self.number}: {self.question}>"

    @property
    def name(self) -> str:
        return self.lang._(N_("Question {n}")).format(n=self.number)

    @property
    def instruction(self) -> str:
        """How to write the answer: for a share question, as a percent or as a share."""
        return self.lang._(INSTRUCTIONS[self.unit]) if self.kind == SHARE else ""

    def readings(self, answer) -> list[float]:
        """The values the answer can mean, the question's own reading first ([] when it
        is not a number, or a percent given to a count)."""
        read = read_answer(answer)
        if read.value is None:
            return []
        value = read.value
        if self.kind != SHARE:
            return [] if read.percent else [value]
        if read.percent:
            return [value / 100]
        if self.unit == PERCENT:
            return [value / 100] + ([value] if abs(value) <= 1 else [])
        return [value] + ([value / 100] if 1 < abs(value) <= 100 else [])

    def is_correct(self, answer) -> bool | None:
        """True or False; None when there is no answer (yet) or nothing to check."""
        if answer is None or answer is Ellipsis or self.kind == THOUGHT:
            return None
        if self.kind == CHOICE:
            if self.expected is None or self.expected == set():
                return None  # nothing to check against on this data (e.g. no answers yet)
            many = isinstance(self.expected, set | frozenset | list | tuple)
            right = self.expected if many else {self.expected}
            return _words(answer) in {_words(r) for r in right}
        expected = float(self.expected)
        if math.isnan(expected):
            return None
        allowed = max(self.absolute, self.tolerance * abs(expected))
        return any(abs(value - expected) <= allowed + 1e-12 for value in self.readings(answer))

    def _read_as(self, answer) -> str:
        """How the answer was read, to show beside it: '0.6 %' or '-2.2'."""
        values = self.readings(answer)
        if not values:
            return ""
        if self.kind == SHARE:
            return f"{self._plain(100 * values[0])} %"
        return self._plain(values[0])

    def _plain(self, value: float) -> str:
        """A number as short as it can be written, with the language's decimal mark."""
        text = _plain(value)
        return text if self.lang.code == "en" else text.replace(".", ",")

    def feedback(self, answer) -> str:
        """The message check() prints."""
        if self.kind == THOUGHT:
            return self._(
                N_(
                    "{name} is for thinking and discussing; when you have your answer, "
                    "compare it with q{n}.solution()."
                )
            )
        if answer is None or answer is Ellipsis:
            return self._(
                N_(
                    "{name} is not answered yet: put your answer after `answer_{n} =` and "
                    "run the cell again."
                )
            )
        if not self.checkable:
            return self._cannot()
        if self.kind != CHOICE:
            read = read_answer(answer)
            if read.problem == "decimal comma":
                whole, decimals = answer
                return self._(
                    N_(
                        "{name}: Python read {whole},{decimals} as two numbers. Write the "
                        'decimal with a point, {whole}.{decimals}, or in quotes: "{whole},'
                        '{decimals}".'
                    ),
                    whole=whole,
                    decimals=decimals,
                )
            if read.value is None:
                example = (
                    self.lang._(N_('25 or "25 %"'))
                    if self.kind == SHARE
                    else self.lang._(N_('1200 or "1 200,5"'))
                )
                return self._(
                    N_("{name}: the answer should be a number, like {example}; you gave {answer}."),
                    example=example,
                    answer=repr(answer),
                )
            if read.percent and self.kind != SHARE:
                return self._(
                    N_(
                        "{name} asks for a number (a count or an amount), not a percent; you "
                        "gave {answer}."
                    ),
                    answer=repr(answer),
                )
        if self.is_correct(answer):
            return "✓ " + self._(N_("{name}: correct."))
        read_as = self._read_as(answer) if self.kind != CHOICE else ""
        if read_as and read_as != str(answer):
            shown = self._(
                N_("you answered {answer}, read as {read_as}"), answer=repr(answer), read_as=read_as
            )
        else:
            shown = self._(N_("you answered {answer}"), answer=repr(answer))
        tip = f" {self.instruction}" if self.kind == SHARE else ""
        return "✗ " + self._(
            N_("{name}: not quite ({shown}).{tip} Try q{n}.hint()."), shown=shown, tip=tip
        )

    def check(self, answer=None) -> None:
        """Print whether ``answer`` is right; never raises, whatever the answer."""
        print(self.feedback(answer))
        progress.record(self, "check", answer)

    def hint(self) -> None:
        print(self._(N_("Hint for question {n}: {text}"), text=self.hint_text))
        progress.record(self, progress.HINT)

    def solution(self) -> None:
        print(self._(N_("Solution to question {n}: {text}"), text=self.solution_text))
        progress.record(self, progress.SOLUTION)


class Prediction(Exercise):
    """Predict before you look: the learner writes a guess first; only then does the check
    show the figure, how far the guess was and what to learn from the gap.

    ``shown`` is the true figure as the notebook would print it ("63 %"); ``lessons`` what
    the gap teaches: keys ``"close"`` (within the tolerance), ``"low"`` and ``"high"`` (the
    guess below or above the figure), or ``"right"`` and ``"wrong"`` for a choice.

    >>> q = Prediction(1, "Guess the share", 0.63, kind=SHARE, absolute=0.10, shown="63 %",
    ...                lessons={"close": "You know your base.", "low": "More than you think."})
    >>> print(q.feedback(40))
    Question 1: you guessed 40 %; your data says 63 %, 23 points higher. More than you think.
    >>> print(q.feedback(None))  # doctest: +ELLIPSIS
    Question 1 asks for your guess before you look: ...
    """

    def __init__(self, number: int, question: str, expected: object, **options):
        self.shown = options.pop("shown", "")
        self.lessons = options.pop("lessons", {})
        options.setdefault("mode", PREDICT)
        super().__init__(number, question, expected, **options)

    def feedback(self, answer) -> str:
        if answer is None or answer is Ellipsis:
            return self._(
                N_(
                    "{name} asks for your guess before you look: write it after `guess_{n} =` "
                    "and run the cell again. The answer shows only once you have guessed."
                )
            )
        if not self.checkable:
            return self._cannot()
        if self.kind == CHOICE:
            right = self.is_correct(answer)
            lesson = self.lessons.get("right" if right else "wrong", "")
            verdict = "✓ " + self._(N_("right")) if right else "✗ " + self._(N_("not this time"))
            told = self._(
                N_("{name}: {verdict}; you guessed {answer}, it is {shown}."),
                verdict=verdict,
                answer=repr(answer),
                shown=self.shown,
            )
            return f"{told} {lesson}".rstrip()
        values = self.readings(answer)
        if not values:
            return super().feedback(answer)  # not a number: say how to write one
        guess = values[0]
        expected = float(self.expected)
        shown = self.shown or self._plain(expected)
        guessed = self._read_as(answer)
        if self.is_correct(answer):
            gap = "close"
            told = self._(
                N_("{name}: you guessed {guess}; your data says {shown}."),
                guess=guessed,
                shown=shown,
            )
        else:
            gap = "low" if guess < expected else "high"
            distance = abs(expected - guess)
            if self.kind == SHARE:
                points = self._plain(round(100 * distance, 1))
                apart = self._(N_("{points} points"), points=points)
            else:
                apart = self._plain(round(distance, 2))
            message = (
                N_("{name}: you guessed {guess}; your data says {shown}, {apart} higher.")
                if gap == "low"
                else N_("{name}: you guessed {guess}; your data says {shown}, {apart} lower.")
            )
            told = self._(message, guess=guessed, shown=shown, apart=apart)
        lesson = self.lessons.get(gap, "")
        return f"{told} {lesson}".rstrip()


class Argue(Exercise):
    """Choose and argue: the learner picks (a customer, a step, an E) and says why; the
    check accepts every defensible choice and shows its reason beside the learner's.

    ``options`` maps each defensible choice to why it is defensible; ``weaker`` maps other
    likely picks to why they are harder to defend. The answer is the choice, or a pair
    ``("C0012", "because ...")``.

    >>> q = Argue(2, "Whom do you call first?", {"C1": "largest and at risk"},
    ...           weaker={"C2": "its contract runs two more years"})
    >>> q.is_correct(("c1", "it is big")), q.is_correct("C2")
    (True, False)
    >>> print(q.feedback("C2"))  # doctest: +NORMALIZE_WHITESPACE
    ✗ Question 2: C2 is harder to defend: its contract runs two more years. Defensible:
    C1 (largest and at risk).
    """

    def __init__(self, number: int, question: str, options: dict, **extra):
        self.weaker = extra.pop("weaker", {})
        extra.setdefault("mode", ARGUE)
        super().__init__(number, question, dict(options), kind=ARGUE, **extra)

    def _pick(self, answer) -> tuple[str, str]:
        """The choice and the learner's reason ('' without one)."""
        if isinstance(answer, tuple | list) and answer:
            reason = " ".join(str(part) for part in answer[1:])
            return str(answer[0]), reason
        return str(answer), ""

    def _match(self, choice: str, table: dict) -> str | None:
        return next((key for key in table if _words(key) == _words(choice)), None)

    def is_correct(self, answer) -> bool | None:
        if answer is None or answer is Ellipsis or not self.checkable:
            return None
        return self._match(self._pick(answer)[0], self.expected) is not None

    def feedback(self, answer) -> str:
        if answer is None or answer is Ellipsis:
            return self._(
                N_(
                    "{name} is not answered yet: put your choice and your reason after "
                    '`answer_{n} =`, like ("C0012", "because ..."), and run the cell again.'
                )
            )
        if not self.checkable:
            return self._cannot()
        choice, reason = self._pick(answer)
        yours = (
            " " + self._(N_('Your reason: "{reason}". Does it say the same?'), reason=reason)
            if reason
            else ""
        )
        found = self._match(choice, self.expected)
        if found is not None:
            told = self._(
                N_("{name}: {choice} is defensible: {why}."), choice=found, why=self.expected[found]
            )
            return f"✓ {told}{yours}"
        weaker = self._match(choice, self.weaker)
        defensible = "; ".join(f"{key} ({why_})" for key, why_ in self.expected.items())
        if weaker is not None:
            told = self._(
                N_("{name}: {choice} is harder to defend: {why}. Defensible: {defensible}."),
                choice=choice,
                why=self.weaker[weaker],
                defensible=defensible,
            )
        else:
            told = self._(
                N_(
                    "{name}: {choice} is harder to defend, on these figures. Defensible: "
                    "{defensible}."
                ),
                choice=choice,
                defensible=defensible,
            )
        return f"✗ {told}"


def thinking_count(questions) -> int:
    """How many of a notebook's exercises ask to compute, predict or argue."""
    return sum(1 for q in questions if q.thinking)


def _words(value) -> str:
    return " ".join(str(value).split()).casefold()


def _plain(value: float) -> str:
    """A number as short as it can be written: 0.6, -2.2, 1200."""
    return f"{value:.6g}" if value == value else "nan"
