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
        if self.kind != CHOICE and math.isnan(float(self.expected)):
            return f"{self.name} can't be checked on this data. {self.solution_text}"
        if self.is_correct(answer):
            return f"✓ {self.name}: correct."
        return f"✗ {self.name}: not quite (you answered {answer!r}). Try q{self.number}.hint()."

    def check(self, answer=None) -> None:
        """Print whether ``answer`` is right; never raises, whatever the answer."""
        print(self.feedback(answer))

    def hint(self) -> None:
        print(f"Hint for question {self.number}: {self.hint_text}")

    def solution(self) -> None:
        print(f"Solution to question {self.number}: {self.solution_text}")


def _words(value) -> str:
    return " ".join(str(value).split()).casefold()


def start_here(wb) -> tuple[Exercise, Exercise, Exercise]:
    """Notebook 00: count the lines, find the best year, think about which files to add."""
    from helpers.overview import revenue_by_year

    lines = len(wb.invoices)
    by_year = revenue_by_year(wb.invoices, wb.as_of)
    best = int(by_year.idxmax())
    q1 = Exercise(
        1,
        "How many invoice lines up to the analysis date?",
        lines,
        absolute=0,
        tolerance=0,
        hint="The figure is printed under 'Headline figures' (and in wb.describe()).",
        solution=f"{lines} lines: len(wb.invoices) counts them.",
    )
    q2 = Exercise(
        2,
        "Which calendar year had the highest revenue?",
        {str(best)},
        kind=CHOICE,
        hint="Look for the tallest bar in the revenue plot.",
        solution=f"{best}, with revenue {wb.money(by_year.max())}: by_year.idxmax() finds it.",
    )
    q3 = Exercise(
        3,
        "Which optional file would you add first?",
        None,
        kind=THOUGHT,
        solution="Most small firms can export a customer list (customers.csv) in "
        "minutes, and it makes every report readable with names. The most "
        "revealing is often hours.csv: logged hours per customer show which "
        "accounts eat time they don't pay for. A survey is the slowest to "
        "start but the only way to measure loyalty before customers leave.",
    )
    return q1, q2, q3


def pricing_and_dependence(wb) -> tuple[Exercise, Exercise, Exercise, Exercise, Exercise]:
    """Notebook 01: read off erosion, think about its causes, freshness and dependence."""
    from helpers.concentration import concentration_figures, stress_test
    from helpers.freshness import new_customer_revenue_share_12m
    from helpers.pricing import price_analysis

    analysis = price_analysis(wb.invoices, wb.as_of)
    erosion = analysis["erosion"]
    rate = erosion["erosion_per_tenure_year"]
    why = erosion["reason"] if analysis["available"] else analysis["note"]
    q1 = Exercise(
        1,
        "By how much does the price change per extra year as a customer?",
        rate,
        kind=SHARE,
        absolute=0.002,
        hint="Look for 'erosion per tenure year' printed under the price plot. A drop "
        "is negative: write -0.021 or -2.1 for 2.1 % less.",
        solution=(
            f"{wb.percent(rate)} per year of tenure: erosion['erosion_per_tenure_year']."
            if rate == rate
            else f"There is no estimate on this data: {why}"
        ),
    )
    q2 = Exercise(
        2,
        "What else could make long-standing customers pay less?",
        None,
        kind=THOUGHT,
        solution="Volume: old customers often buy bigger batches and get quantity "
        "discounts. Mix: within one product name they may buy simpler "
        "variants. Contracts: a price fixed years ago and never indexed. "
        "Only the last one is erosion you can fix with a price review. To "
        "tell them apart, compare lines of similar quantity, look at the "
        "discount from list_price, and read a few old contracts.",
    )
    share_new = new_customer_revenue_share_12m(wb.invoices, wb.as_of)
    q3 = Exercise(
        3,
        "What share of the last 12 months' revenue came from new customers?",
        share_new,
        kind=SHARE,
        absolute=0.005,
        hint="New = first invoice within the last 12 months. The share is printed "
        "in the freshness section.",
        solution=f"{wb.percent(share_new)}: freshness.new_customer_revenue_share_12m().",
    )
    figures = concentration_figures(wb.invoices, wb.as_of)
    largest = figures["largest_customer_share"]
    q4 = Exercise(
        4,
        "What share of all revenue comes from the largest customer?",
        largest,
        kind=SHARE,
        absolute=0.005,
        hint="Divide the largest customer's revenue by all revenue, or read the "
        "first bar's label in the top-customers plot.",
        solution=f"{wb.percent(largest)}: figures['largest_customer_share'].",
    )
    lost = float(stress_test(wb.invoices, wb.as_of)["revenue_lost_share"].iloc[1])
    q5 = Exercise(
        5,
        "If the largest customer of the last 12 months left, what share of that revenue would go?",
        lost,
        kind=SHARE,
        absolute=0.005,
        hint="The stress test ranks customers by the last 12 months only, so the "
        "answer can differ from question 4.",
        solution=f"{wb.percent(lost)}: the 'revenue lost' column of the stress test, "
        "row 'without the largest customer'.",
    )
    return q1, q2, q3, q4, q5
