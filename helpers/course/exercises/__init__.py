"""Self-checking exercises, one module per notebook; each has ``questions(wb)``.

>>> from helpers.course import exercises
>>> q1, q2, q3 = exercises.start_here.questions(wb)   # notebook 00  # doctest: +SKIP
>>> q1.check(answer_1)  # doctest: +SKIP

``base`` holds the ``Exercise`` class they all share.
"""

from helpers.course.exercises import (
    account_value,
    advantage,
    loyalty,
    plan,
    pricing,
    segmentation,
    start_here,
    vision,
)
from helpers.course.exercises.base import CHOICE, NUMBER, SHARE, THOUGHT, Exercise

__all__ = [
    "CHOICE",
    "NUMBER",
    "SHARE",
    "THOUGHT",
    "Exercise",
    "account_value",
    "advantage",
    "loyalty",
    "plan",
    "pricing",
    "segmentation",
    "start_here",
    "vision",
]
