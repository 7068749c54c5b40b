"""The words of the customer-vision documents and where the team's texts live: the five
sections with their guiding questions, the names of other notebooks' categories, and the
answer file of each account (its form is :mod:`helpers.course.vision`)."""

from __future__ import annotations

from dataclasses import dataclass

from helpers.company import answers as answer_files
from helpers.company.answers.visions import answer_file
from helpers.language import N_

TOP_PRODUCTS = 3


@dataclass(frozen=True)
class Section:
    key: str  # the key in the answer file
    heading: str  # English; translated when shown
    questions: tuple[str, ...]


SECTIONS = (
    Section(
        "current_state",
        N_("Current state"),
        (
            N_("What is happening in the customer's industry, and what does it mean for them?"),
            N_("What do they buy from us today, and why from us?"),
            N_("What works well in our cooperation, and what bothers either side?"),
        ),
    ),
    Section(
        "development_plan",
        N_("Development plan"),
        (
            N_("What could we do next together: a new product, a pilot, a better way to deliver?"),
            N_("Which of the customer's plans for the next year or two could we help with?"),
            N_("What would make working with us easier for them?"),
        ),
    ),
    Section(
        "shared_vision",
        N_("Shared vision and mission"),
        (
            N_("Where do we both want this relationship to be in three years?"),
            N_("What do we achieve together that neither of us would achieve alone?"),
            N_("How do we work to get there, and who does what?"),
        ),
    ),
    Section(
        "communication",
        N_("Communication"),
        (
            N_("Who is the contact person on each side, and how often do we talk?"),
            N_("Which meetings do we hold regularly, and which channel is for what?"),
            N_("How does either side raise a problem early?"),
        ),
    ),
    Section(
        "follow_up",
        N_("Follow-up"),
        (
            N_("Which few figures or signs tell us that we are on the way?"),
            N_("When do we meet to review the vision, and who prepares the meeting?"),
            N_("When did we last ask how satisfied they are, and when do we ask next?"),
            # text 003: learning with a customer must still aim at a result
            N_(
                "If we try something new together, which result do we aim at, and when do we "
                "judge whether we reached it?"
            ),
        ),
    ),
)
FIELDS = [answer_files.Text(s.key, s.heading, lines=6) for s in SECTIONS]

SEGMENT_NAMES = {  # notebook 02's segments
    "key account": N_("key account"),
    "keep": N_("keep"),
    "develop": N_("develop"),
    "maintain": N_("maintain"),
    "serve": N_("serve"),
    "dormant": N_("dormant"),
}
LEVEL_NAMES = {  # notebook 03's five levels of account value
    "factual": N_("factual"),
    "reference": N_("reference"),
    "contact": N_("contact"),
    "emotional": N_("emotional"),
    "learning": N_("learning"),
}
COMMITMENT_NAMES = {  # notebook 05's commitment matrix
    "ideal": N_("ideal"),
    "prisoner": N_("prisoner"),
    "emotional tie": N_("emotional tie"),
    "risk": N_("risk"),
    "unknown": N_("unknown (no survey answer in 24 months)"),
}
SATISFACTION_WORDS = {
    1: N_("very dissatisfied"),
    2: N_("dissatisfied"),
    3: N_("neutral"),
    4: N_("satisfied"),
    5: N_("very satisfied"),
}


# --- the team's texts ------------------------------------------------------------------


def answers(company_folder, customer_id: str) -> answer_files.AnswerText:
    """The account's answer file (read here, written by the form of notebook 06 or by hand)."""
    return answer_files.AnswerText(answer_file(company_folder, customer_id), FIELDS)
