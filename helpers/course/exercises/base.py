"""Self-checking exercises: ``q1.check(answer)``, ``q1.hint()``, ``q1.solution()``.

The expected answer of every exercise is computed from the data the notebook
runs on, so the same exercise works on the sample company and on a learner's
own invoices. An exercise that has not been answered says so and never
raises, so batch runs of the notebooks pass.

>>> q = Exercise(1, "How many customers?", 3, hint="Count distinct ids.", solution="3")
>>> q.is_correct(3), q.is_correct(4), q.is_correct(None)
(True, False, None)
"""

from __future__ import annotations

import math
import numbers

from helpers.course import progress

NUMBER, SHARE, CHOICE, THOUGHT = "number", "share", "choice", "thought"


class Exercise:
    """One question with an expected answer computed from the data.

    kind: ``number`` (right within ``tolerance`` relative, or ``absolute``), ``share``
    (a fraction; 23 is read as 23 %), ``choice`` (text, case-insensitive; ``expected``
    may be a set of right answers) or ``thought`` (no check, only a solution).
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
    ):
        self.number = number
        self.question = question
        self.expected = expected
        self.hint_text = hint
        self.solution_text = solution
        self.kind = kind
        self.tolerance = tolerance
        self.absolute = absolute
        self.recorder = progress.register(self)  # the session's progress.json, if any

    def __repr__(self) -> str:
        return f"<Exercise {self.number}: {self.question}>"

    @property
    def name(self) -> str:
        return f"Question {self.number}"

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
        if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
            return False
        expected = float(self.expected)
        if math.isnan(expected):
            return None
        value = float(answer)
        if self.kind == SHARE and 1 < abs(value) <= 100:
            value /= 100  # the learner wrote a percentage
        allowed = max(self.absolute, self.tolerance * abs(expected))
        return abs(value - expected) <= allowed + 1e-12

    def feedback(self, answer) -> str:
        """The message check() prints."""
        if self.kind == THOUGHT:
            return (
                f"{self.name} is for thinking and discussing; when you have your answer, "
                f"compare it with q{self.number}.solution()."
            )
        if answer is None or answer is Ellipsis:
            return (
                f"{self.name} is not answered yet: put your answer after "
                f"`answer_{self.number} =` and run the cell again."
            )
        if self.kind != CHOICE and (
            isinstance(answer, bool) or not isinstance(answer, numbers.Real)
        ):
            return (
                f"{self.name}: the answer should be a number, like 0.25 or 1200; "
                f"you gave {answer!r}."
            )
        if self.kind == CHOICE and (self.expected is None or self.expected == set()):
            return f"{self.name} can't be checked on this data. {self.solution_text}"
        if self.kind != CHOICE and math.isnan(float(self.expected)):
            return f"{self.name} can't be checked on this data. {self.solution_text}"
        if self.is_correct(answer):
            return f"✓ {self.name}: correct."
        return f"✗ {self.name}: not quite (you answered {answer!r}). Try q{self.number}.hint()."

    def check(self, answer=None) -> None:
        """Print whether ``answer`` is right; never raises, whatever the answer."""
        print(self.feedback(answer))
        progress.record(self, "check", answer)

    def hint(self) -> None:
        print(f"Hint for question {self.number}: {self.hint_text}")
        progress.record(self, progress.HINT)

    def solution(self) -> None:
        print(f"Solution to question {self.number}: {self.solution_text}")
        progress.record(self, progress.SOLUTION)


def _words(value) -> str:
    return " ".join(str(value).split()).casefold()
