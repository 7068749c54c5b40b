"""The company's choices: decisions a team makes once about its own firm, in one file.

Who counts as a key account, how many check-up calls the team can make in a month, how
many key accounts it can truly look after, what an hour costs, how far ahead to look.
They live in ``answers/choices.toml`` of the company folder, written by the forms of
notebooks 02 and 03 (or by hand), and every notebook and ``workbook run`` reads them, so a
choice made once holds everywhere. A choice missing from the file takes its default
(:data:`CHOICES`); a file that can't be read is reported, kept as it is, and the defaults
are used meanwhile.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> choices = read_choices(folder)
>>> choices.key_share, choices.source("key_share")
(0.2, 'default')
>>> choices_file(folder).set("key_share", "10 %")
True
>>> read_choices(folder).key_share, read_choices(folder).source("key_share")
(0.1, 'answers/choices.toml')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from helpers.company.answers import AnswerFileError, AnswerText, Choice, Field, Number
from helpers.company.answers import answers_dir as _answers_dir
from helpers.language import N_

FILE = "choices.toml"
MAX_KEY_ACCOUNTS = 25  # what one small team can look after, whatever the size of the base


@dataclass(frozen=True)
class Decision:
    """One choice: its field in the file, its default, where the course asks for it and why."""

    field: Field
    default: object
    asked_in: str  # the notebook that asks first
    about: str  # what it decides, for people (translated when shown)

    @property
    def name(self) -> str:
        return self.field.name


CHOICES: tuple[Decision, ...] = (
    Decision(
        Number("key_share", 0.01, 1.0, N_("Top share of buying customers by value"), percent=True),
        0.20,
        "02",
        N_("the top share of buying customers (by count) whose value counts as high"),
    ),
    Decision(
        Number("wallet_cutoff", 0.0, 1.0, N_("Share of wallet still elsewhere"), percent=True),
        0.50,
        "02",
        N_("high potential: at least this share of what the customer buys goes elsewhere"),
    ),
    Decision(
        Number("growth_cutoff", -1.0, 10.0, N_("Growth that counts as potential"), percent=True),
        0.10,
        "02",
        N_("without a wallet: high potential from this growth on the year before"),
    ),
    Decision(
        Choice("value", ("revenue", "margin"), N_("Value means")),
        "revenue",
        "02",
        N_("what value means: revenue, or margin when the invoices have a cost"),
    ),
    Decision(
        Number("calls_per_month", 0, 10_000, N_("Check-up calls a month"), whole=True),
        10,
        "02",
        N_("how many check-up calls the team can make in a month; the rest get marketing"),
    ),
    Decision(
        Number(
            "max_key_accounts",
            1,
            MAX_KEY_ACCOUNTS,
            N_("Key accounts you can look after"),
            whole=True,
        ),
        10,
        "02",
        N_("how many key accounts the team can truly look after, with a customer vision each"),
    ),
    Decision(
        Number("hourly_cost", 0.0, 10_000.0, N_("What an hour costs you")),
        None,
        "03",
        N_("what one working hour costs, fully loaded (when company.toml does not say)"),
    ),
    Decision(
        Number("min_tenure_years", 0.0, 50.0, N_("Years that make a customer long-standing")),
        3.0,
        "01",
        N_("a customer is long-standing after this many years (the price review)"),
    ),
    Decision(
        Number("horizon_months", 1, 36, N_("Months to look ahead"), whole=True),
        12,
        "05",
        N_("how far ahead to look for contracts that end"),
    ),
    Decision(
        Number("binding_from_months", 0, 120, N_("Months left that still bind")),
        6.0,
        "05",
        N_("a contract binds the customer while at least this many months are left"),
    ),
)
DEFAULTS = {decision.name: decision.default for decision in CHOICES}
FIELDS = [decision.field for decision in CHOICES]


def choices_path(company_folder: str | Path) -> Path:
    """``<company folder>/answers/choices.toml``."""
    return _answers_dir(company_folder) / FILE


def choices_file(company_folder: str | Path) -> AnswerText:
    """The choices as an answer file: read it, or save a choice at once (``.set``)."""
    return AnswerText(choices_path(company_folder), FIELDS)


@dataclass(frozen=True)
class Choices:
    """The choices in force: the file's values over the defaults (see :data:`CHOICES`)."""

    values: dict = field(default_factory=lambda: dict(DEFAULTS))
    from_file: frozenset = frozenset()
    error: AnswerFileError | None = None

    def __getattr__(self, name: str):
        values = self.__dict__.get("values", {})
        if name in values:
            return values[name]
        raise AttributeError(name)

    def source(self, name: str) -> str:
        """Where a choice comes from: ``answers/choices.toml`` or ``default``."""
        return f"answers/{FILE}" if name in self.from_file else "default"

    def hourly_cost_for(self, settings: dict) -> float | None:
        """What an hour costs: ``hourly_cost`` of company.toml, else this file's, else None."""
        from_settings = settings.get("hourly_cost")
        return from_settings if from_settings is not None else self.values.get("hourly_cost")

    def segment_options(self) -> dict:
        """The keyword options of ``helpers.analysis.segmentation.segments``."""
        names = ("key_share", "wallet_cutoff", "growth_cutoff", "value")
        return {name: self.values[name] for name in names}


def read_choices(company_folder: str | Path) -> Choices:
    """The choices in force for a company folder (defaults where the file is silent).

    A file that can't be read leaves every choice at its default and carries the problem
    in ``.error`` (file, line, what is wrong); the file itself is never changed.
    """
    saved = choices_file(company_folder)
    if saved.error is not None:
        return Choices(error=saved.error)
    values = dict(DEFAULTS)
    written = {name: value for name, value in saved.values().items() if value is not None}
    values.update(written)
    return Choices(values=values, from_file=frozenset(written))
