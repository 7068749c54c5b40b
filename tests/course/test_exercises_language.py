"""The exercises speak the learner's language: every question, hint, solution, lesson and
reason of notebooks 00–07, built on the sample company and on the invoices-only company
(tests/companies/minimal, where many questions say why they can't be checked), comes from
the Finnish or Swedish catalog.

Two checks, because either alone could miss a sentence:
- the session's language is *strict*: a marked message without a translation raises;
- no text holds more than a trace of English function words ("the", "and", "your" …), so
  a sentence that was never marked for translation shows up too.
"""

import dataclasses
import re
from pathlib import Path

import pytest

from helpers.course import exercises, progress
from helpers.course.session import start

COMPANIES = Path(__file__).parent.parent / "companies"
MODULES = {
    "start_here": "00-start-here",
    "pricing": "01-pricing-erosion-and-dependence",
    "segmentation": "02-value-based-segmentation",
    "account_value": "03-account-value-and-profitability",
    "advantage": "04-competitive-advantage-9e",
    "loyalty": "05-commitment-and-loyalty",
    "vision": "06-customer-vision",
    "plan": "07-your-plan-for-the-year",
}
ENGLISH_WORDS = frozenset(
    "the and you your of is are this that with what which they their it's don't can't "
    "would should have has than when there these those who whom".split()
)
# an English word or two may stand in a translated text: a quoted name from the data
# or a code fragment (`first_date`); a sentence left in English has many more
TRACE = 2


def english_words(text: str) -> list[str]:
    """The English function words of ``text``, code in backticks left out."""
    prose = re.sub(r"`[^`]*`", " ", text)
    return [w for w in re.findall(r"[A-Za-z']+", prose) if w.lower() in ENGLISH_WORDS]


def texts(question) -> list[str]:
    """Every text a learner can read from one exercise (its codes left out: a choice's
    expected answer is a code like "less", which the notebook explains)."""
    found = [question.question, question.hint_text, question.solution_text, question.why_not]
    for name in ("lessons", "shown"):
        value = getattr(question, name, None)
        found += list(value.values()) if isinstance(value, dict) else [value]
    if isinstance(question.expected, dict):  # Argue: choice -> why it is defensible
        found += list(question.expected.values())
    found += list(getattr(question, "weaker", {}).values())  # Argue: why it is weaker
    found += [question.name, question.instruction]
    return [text for text in found if isinstance(text, str) and text]


def questions_in(module: str, folder, language: str):
    wb = start(MODULES[module], folder, language=language)
    strict = wb.lang.with_strict()
    wb = dataclasses.replace(wb, lang=strict)
    progress.begin(wb.notebook, wb.company, None, strict)
    return getattr(exercises, module).questions(wb)


@pytest.mark.parametrize("company", ["sample", "minimal"])
@pytest.mark.parametrize("language", ["fi", "sv"])
@pytest.mark.parametrize("module", MODULES)
def test_every_exercise_text_is_in_the_learners_language(module, language, company):
    folder = None if company == "sample" else COMPANIES / company
    english = {}
    for question in questions_in(module, folder, language):
        for text in texts(question):
            found = english_words(text)
            if len(found) > TRACE:
                english[f"q{question.number}"] = f"{found[:6]}: {text[:160]!r}"
    assert not english, f"{module} in {language} on {company}: English left in\n" + "\n".join(
        f"{key}: {value}" for key, value in english.items()
    )


def test_the_english_words_check_finds_english_and_passes_finnish_and_swedish():
    assert len(english_words("Look at the table: which of your customers pay less?")) >= 4
    assert english_words("Katso taulukkoa: ketkä asiakkaistasi maksavat vähemmän?") == []
    assert english_words("Titta på tabellen: vilka av dina kunder betalar mindre?") == []
    assert english_words("Laske `the_value if this else that` itse.") == []
