"""Self-checking exercises, one module per notebook; each has ``questions(wb)``.

>>> from helpers.course import exercises
>>> q1, q2, q3 = exercises.start_here.questions(wb)   # notebook 00  # doctest: +SKIP
>>> q1.check(answer_1)  # doctest: +SKIP

``base`` holds what they all share: ``Exercise`` (look a figure up, or compute it),
``Prediction`` (predict before you look) and ``Argue`` (choose and argue).
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
from helpers.course.exercises.base import (
    ARGUE,
    CHOICE,
    COMPUTE,
    LOOK_UP,
    NUMBER,
    PREDICT,
    SHARE,
    THOUGHT,
    Argue,
    Exercise,
    Prediction,
    thinking_count,
)

__all__ = [
    "ARGUE",
    "CHOICE",
    "COMPUTE",
    "LOOK_UP",
    "PREDICT",
    "Argue",
    "Prediction",
    "thinking_count",
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
