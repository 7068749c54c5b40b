"""The words of the customer-vision documents and the team's texts: the five sections with
their guiding questions, the names of other notebooks' categories, the translator (domain
``vision``), and the answer file and form of each account."""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from helpers.course import forms
from helpers.report.messages import translations

DOMAIN = "vision"
TOPIC = "visions"  # answers/visions/<customer_id>.toml
WINDOW_DAYS = 365
TOP_PRODUCTS = 3


def N_(message: str) -> str:  # noqa: N802 (the gettext convention)
    """Mark a message for translation where it is defined; it is translated when shown."""
    return message


class MissingTranslation(KeyError):
    """A message shown in a document that the language's catalog does not translate."""

    def __str__(self) -> str:
        language, message = self.args
        return (
            f"no {language} translation for {message!r} in "
            f"helpers/locale/{language}/LC_MESSAGES/{DOMAIN}.po; add it there"
        )


class _Strict:
    """gettext/ngettext that raise :class:`MissingTranslation` instead of showing English.

    Tests render documents with it, so a string shown in a document without a
    translation fails a test (English, the source language, needs none).
    """

    def __init__(self, language: str):
        self.language = language
        self.inner = translations(language, DOMAIN)
        self.known = getattr(self.inner, "_catalog", None)

    def _check(self, key) -> None:
        if self.language != "en" and (self.known is None or key not in self.known):
            raise MissingTranslation(self.language, key if isinstance(key, str) else key[0])

    def gettext(self, message: str) -> str:
        self._check(message)
        return self.inner.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        self._check((singular, 0))
        return self.inner.ngettext(singular, plural, n)


def translator(language: str, strict: bool = False):
    """The document's translations (``gettext``, ``ngettext``) from ``vision.po``."""
    return _Strict(language) if strict else translations(language, DOMAIN)


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
        ),
    ),
)
FIELDS = [forms.Text(s.key, s.heading, lines=6) for s in SECTIONS]

SEGMENT_NAMES = {  # notebook 02's segments
    "key account": N_("key account"),
    "keep": N_("keep"),
    "develop": N_("develop"),
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
}
SATISFACTION_WORDS = {
    1: N_("very dissatisfied"),
    2: N_("dissatisfied"),
    3: N_("neutral"),
    4: N_("satisfied"),
    5: N_("very satisfied"),
}


# --- the team's texts ------------------------------------------------------------------


def answer_file(company_folder, customer_id: str) -> Path:
    """``answers/visions/<customer_id>.toml`` (an id unsafe in a file name is slugged)."""
    cid = str(customer_id)
    stem = cid if re.fullmatch(r"[\w.-]+", cid) and not cid.startswith(".") else _slug(cid)
    return forms.answers_dir(company_folder) / TOPIC / f"{stem or 'customer'}.toml"


def answers(company_folder, customer_id: str) -> forms.AnswerText:
    """The account's answer file, opened through the forms module (read, or written by a form)."""
    return forms.AnswerText(answer_file(company_folder, customer_id), FIELDS)


def vision_form(company_folder, customer_id: str, language: str = "en"):
    """The form for one account: a box per section, saved at once (notebook 06)."""
    import ipywidgets as w

    t = translator(language)
    text = answers(company_folder, customer_id)
    items = [forms.status_line(text)]
    for number, section in enumerate(SECTIONS, start=1):
        widget = forms.widget_for(text, section.key)
        widget.add_class(f"answer-{section.key}")
        widget.placeholder = " ".join(t.gettext(q) for q in section.questions)
        items.append(w.HTML(f"<b>{number}. {html.escape(t.gettext(section.heading))}</b>"))
        items.append(widget)
    return w.VBox(items)


def _slug(text: str, limit: int = 40) -> str:
    """'Rakennus Lähtinen Oy' -> 'rakennus-lahtinen' (ASCII, lower case, no legal form)."""
    ascii_text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    while len(words) > 1 and words[-1] in LEGAL_FORMS:
        words.pop()
    slug = ""
    for word in words:
        if len(slug) + len(word) + 1 > limit:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug


LEGAL_FORMS = {"oy", "oyj", "ab", "abp", "ky", "tmi", "ltd", "inc", "ry", "as", "gmbh", "llc"}
