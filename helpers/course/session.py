"""The one call each notebook starts with: load the company, fix the analysis date, format.

>>> wb = start("00-start-here")            # sample company, as_of = last invoice date
>>> wb.money(1234.4)
'€1,234'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from helpers.analysis.windows import window_start
from helpers.company.cache import read_cache, read_cached_result
from helpers.company.choices import Choices, read_choices
from helpers.company.folder import Company, load_company, resolve_as_of
from helpers.course import progress
from helpers.language import Language, choose_language
from helpers.paths import resolve_data_dir
from helpers.report.figures import write_figures
from helpers.report.lists import write_list


@dataclass
class Session:
    """A company, the analysis date and the language one notebook works with."""

    notebook: str
    company: Company
    as_of: pd.Timestamp
    lang: Language
    output_dir: Path | None = None
    figures: dict = field(default_factory=dict)

    @cached_property
    def choices(self) -> Choices:
        """The company's choices in force (``answers/choices.toml`` over the defaults)."""
        return read_choices(self.company.folder)

    @cached_property
    def plan(self) -> pd.DataFrame:
        """One next step per customer (:func:`helpers.analysis.plan.company_plan`) with the
        company's choices: what every notebook's lists agree with. In a ``workbook run``
        the run has computed it once for every notebook."""
        from helpers.analysis.plan import company_plan

        cached = read_cached_result(self.output_dir, self.company.folder, "plan")
        if cached is not None:
            return cached
        return company_plan(self.company, self.as_of, self.choices)

    @property
    def invoices(self) -> pd.DataFrame:
        """Invoice lines dated up to as_of."""
        lines = self.company.invoices
        return lines[lines["date"] <= self.as_of]

    @property
    def window_start(self) -> pd.Timestamp:
        """Start of the last-12-months window (as_of − 365 days, excluded)."""
        return window_start(self.as_of)

    @property
    def language(self) -> str:
        """The language code: "en", "fi" or "sv"."""
        return self.lang.code

    def money(self, value, decimals: int = 0) -> str:
        return self.lang.money(value, decimals)

    def percent(self, value, decimals: int = 1) -> str:
        return self.lang.percent(value, decimals)

    def number(self, value, decimals: int = 0) -> str:
        return self.lang.number(value, decimals)

    def date(self, value) -> str:
        return self.lang.date(value)

    def record(self, **figures) -> None:
        """Keep headline figures; with an output folder, save ``<notebook>.json`` at once."""
        self.figures.update(figures)
        if self.output_dir is not None:
            write_figures(self.figures, self.output_dir / f"{self.notebook}.json")

    def table(self, frame: pd.DataFrame, empty: str | None = None):
        """``frame`` to show as the cell's result; a sentence instead when it has no rows.

        A reader should never meet "Empty DataFrame": ``empty`` says why there is nothing
        (default: a plain "nothing to show"; ``""`` when a sentence above already said why).
        """
        if len(frame):
            return frame
        if empty is None:
            empty = self.lang._("Nothing to show here on this data.")
        if empty:
            print(empty)
        return None

    def save_list(self, name: str, frame: pd.DataFrame) -> Path | None:
        """Save a list to act on as ``<output_dir>/<name>.csv`` (when there is an output folder).

        The same conventions as the company folder, for tools: UTF-8 with BOM, comma,
        ``.`` decimals, no index column (put ``customer_id`` in a column); text that a
        spreadsheet would run as a formula is neutralised (:func:`helpers.report.lists.
        write_list`). The runner gathers every list into ``lists.xlsx``. Returns the file
        written, or None.
        """
        if self.output_dir is None:
            return None
        return write_list(frame, self.output_dir / f"{name}.csv")

    def sources(self):
        """The notebook's closing sources (:mod:`helpers.words.sources`), to show as Markdown."""
        from IPython.display import Markdown

        from helpers.words.sources import sources_markdown

        return Markdown(sources_markdown(self.notebook[:2], self.lang))

    def describe(self) -> str:
        """A few lines on what data this notebook is looking at."""
        _ = self.lang._
        lines = self.invoices
        missing = self.company.missing_files()
        optional = ", ".join(
            (_("{file} missing") if spec in missing else _("{file} found")).format(file=spec)
            for spec in ("customers.csv", "hours.csv", "survey.csv", "quotes.csv")
        )
        text = [
            _("Company: {name} (folder '{folder}')").format(
                name=self.company.name, folder=self.company.folder.name
            ),
            _(
                "Invoice lines up to the analysis date: {lines}, {customers} customers, "
                "{first} – {last}"
            ).format(
                lines=self.number(len(lines)),
                customers=self.number(lines["customer_id"].nunique()),
                first=self.date(lines["date"].min()),
                last=self.date(lines["date"].max()),
            ),
            _("Analysis date (as_of): {as_of}; the last 12 months are {start} – {end}").format(
                as_of=self.date(self.as_of),
                start=self.date(self.window_start + pd.Timedelta(days=1)),
                end=self.date(self.as_of),
            ),
            _("Optional files: {files}").format(files=optional),
        ]
        warnings = self.company.warnings
        if warnings:
            text.append(
                _("Worth a look ({count}): run `workbook check` for details").format(
                    count=self.number(len(warnings))
                )
            )
            text.extend(f"  - {w}" for w in warnings[:3])
        return "\n".join(text)


def start(
    notebook: str,
    data_dir: str | Path | None = None,
    *,
    as_of: str | None = None,
    language: str | None = "en",
    output_dir: str | Path | None = None,
) -> Session:
    """Load the company folder (``None`` = the sample company) and set the analysis date.

    ``language`` None means the company's own (company.toml), else English
    (:func:`helpers.language.choose_language`). Raises DataError with every problem
    listed when the data can't be analysed.
    """
    output_dir = Path(output_dir).resolve() if output_dir else None
    # in a `workbook run`, the run has already read and checked the folder once
    company = read_cache(output_dir, resolve_data_dir(data_dir)) or load_company(data_dir)
    session = Session(
        notebook=notebook,
        company=company,
        as_of=resolve_as_of(company.invoices, as_of),
        lang=choose_language(language, company.settings),
        output_dir=output_dir,
    )
    # the exercises made from now on record into progress.json (helpers.course.progress)
    progress.begin(notebook, company, output_dir, session.lang)
    return session
