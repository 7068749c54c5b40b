"""``index.html``: the front page of a run, for someone who will never open a notebook.

One page in the run's language: the company and the period; for each notebook the
question it answers, its findings as the sentences the notebook printed (cells tagged
``finding``) and its key plots (cells tagged ``key-plot``); the lists to act on; the
headline figures, each with its label; links to every page; and, at the end, the exact
definitions. Every word, number and date comes through the run's
:class:`helpers.language.Language`. Everything that came from the user's data is escaped.
"""

from __future__ import annotations

import base64
import html
from pathlib import Path

import nbformat
import pandas as pd

from helpers.analysis.plan import MARKETING, PRECEDENCE
from helpers.language import MISSING, N_, Language
from helpers.report.answer_files import section_html
from helpers.report.figures import FIGURES
from helpers.report.vision import links_html
from helpers.words.freshness import REASONS, reason_in_words
from helpers.words.plan import step_name
from helpers.words.still_buying import REASONS as STILL_BUYING
from helpers.words.still_buying import reason_in_words as still_buying_reason

# The question each notebook answers, by its number (the reader's headline for its findings).
QUESTIONS = {
    "00": N_("What is in the data?"),
    "01": N_(
        "Do long-standing customers pay less, are you still winning new ones, and how "
        "much rests on a few?"
    ),
    "02": N_("Which customers deserve your scarce sales time, and who looks after them?"),
    "03": N_(
        "What is each key account really worth, and what does it earn after the cost of serving it?"
    ),
    "04": N_("Where can you rise above your competitors?"),
    "05": N_("How committed are your customers, and what does losing one cost?"),
    "06": N_("What do you want to build with your key accounts?"),
    "07": N_("What do you do next with each customer, and when?"),
}

# The lists the notebooks save (``wb.save_list``), by file name.
LISTS = {
    "segments": N_("Every customer with its segment, value, potential, owner and next step"),
    "check-up-calls": N_("The yearly check-up calls"),
    "account-shortlist": N_("Accounts with a suggested action"),
    "at-risk": N_("Customers whose binding ends soon while their commitment is low"),
    "plan": N_("The plan for the year: one next step per customer, why, who and when"),
}
PLAN_ROWS = 20  # this month's steps shown on the front page; the rest are in plan.csv

STYLE = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
       color: #222; line-height: 1.5; overflow-wrap: anywhere; }
h1 { margin-bottom: .2rem; } .meta { color: #555; margin-top: 0; }
section.notebook { border-top: 1px solid #ddd; padding-top: .5rem; margin-top: 1.5rem; }
.finding { font-size: 1.05rem; margin: .4rem 0; }
figure { margin: .8rem 0; } figure img { max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0 2rem; }
th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #ddd;
         vertical-align: top; }
td.value { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap;
           font-weight: 600; }
td.value.reason { text-align: left; white-space: normal; font-weight: 400; }
dl.definitions dt { font-weight: 600; margin-top: .6rem; }
dl.definitions dd { margin-left: 1rem; color: #444; }
.small { color: #666; font-size: .85rem; }
@media (min-width: 641px) {
  section.plan td:nth-child(2), section.plan td:nth-child(3) { white-space: nowrap; }
  section.plan td:first-child { min-width: 9rem; }
}
@media (max-width: 640px) { section.plan td, section.plan th { padding: .3rem; } }
section.warning { border: 2px solid #c77700; background: #fff7e6; padding: .2rem 1rem;
                  margin: 1rem 0; }
"""


def format_figure(key: str, value, lang: Language) -> str:
    """A headline figure as a reader would write it, by its kind in FIGURES."""
    if value is None:
        return MISSING
    kind = FIGURES[key].kind if key in FIGURES else "number"
    if kind == "money":
        return lang.money(value)
    if kind == "share":
        return lang.percent(value)
    if kind == "count":
        return lang.number(value)
    if kind == "ratio":
        return lang.number(value, decimals=3)
    if kind == "date":
        return lang.date(value)
    if kind == "reason":  # why a figure is missing: a code, told in the reader's language
        if value in REASONS:
            return reason_in_words(value, lang)
        return still_buying_reason(value, lang) if value in STILL_BUYING else str(value)
    if kind == "text":  # names the workbook knows (the nine E's) in the reader's language
        return ", ".join(lang._(part) for part in str(value).split(", "))
    if isinstance(value, bool):
        return lang._("yes") if value else lang._("no")
    if isinstance(value, int):
        return lang.number(value)
    if isinstance(value, float):
        return lang.number(value, decimals=1)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def title_of(path: Path) -> str:
    """'01-pricing-erosion' -> '01 Pricing erosion'."""
    number, _, words = path.stem.partition("-")
    return f"{number} {words.replace('-', ' ').capitalize()}"


def tagged_outputs(executed: Path, out: Path) -> tuple[list[str], list[str]]:
    """The printed findings and the key plots (saved as PNG files) of an executed notebook."""
    if not executed.exists():
        return [], []
    notebook = nbformat.read(executed, as_version=4)
    findings: list[str] = []
    plots: list[str] = []
    for cell in notebook.cells:
        tags = cell.get("metadata", {}).get("tags", [])
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            if (
                "finding" in tags
                and output.get("output_type") == "stream"
                and (output.get("name") == "stdout")
            ):
                findings += [line for line in output["text"].splitlines() if line.strip()]
            png = output.get("data", {}).get("image/png") if "key-plot" in tags else None
            if png:
                name = f"plots/{executed.stem}-{len(plots) + 1}.png"
                (out / "plots").mkdir(exist_ok=True)
                (out / name).write_bytes(base64.b64decode(png))
                plots.append(name)
    return findings, plots


def _notebook_section(path: Path, out: Path, lang: Language) -> str:
    _ = lang._
    number = path.stem[:2]
    findings, plots = tagged_outputs(out / path.name, out)
    question = _(QUESTIONS[number]) if number in QUESTIONS else title_of(path)
    parts = [
        f"<section class='notebook' id='n{html.escape(number)}'>",
        f"<h2>{html.escape(question)}</h2>",
    ]
    parts += [f"<p class='finding'>{html.escape(line)}</p>" for line in findings]
    parts += [
        f"<figure><img src='{html.escape(name)}' alt='{html.escape(question)}'></figure>"
        for name in plots
    ]
    parts.append(
        f"<p class='small'><a href='{html.escape(path.stem)}.html'>"
        f"{html.escape(_('Read the whole page'))}</a> · "
        f"<a href='{html.escape(path.name)}'>{html.escape(_('notebook'))}</a> · "
        f"<a href='{html.escape(path.stem)}.json'>{html.escape(_('figures'))}</a></p>"
    )
    parts.append("</section>")
    return "\n".join(parts)


def _plan_section(out: Path, lang: Language) -> str:
    """This month's steps first: the plan's steps for the team in its first month, and how
    many customers get each step over the year (from ``plan.csv``, notebook 07)."""
    path = out / "plan.csv"
    if not path.exists():
        return ""
    _ = lang._
    plan = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    if plan.empty:
        return ""
    first = plan["month"].min()
    now = plan.loc[(plan["month"] == first) & (plan["next_step"] != MARKETING)]
    counts = plan["next_step"].value_counts()
    total = " · ".join(
        f"{html.escape(step_name(step, lang))}: {lang.number(int(counts[step]))}"
        for step in PRECEDENCE
        if counts.get(step, 0)
    )
    rows = "\n".join(
        f"<tr><td>{html.escape(row.name)}</td><td>{html.escape(step_name(row.next_step, lang))}"
        f"</td><td>{html.escape(row.owner)}</td><td class='small'>{html.escape(row.why)}</td></tr>"
        for row in now.head(PLAN_ROWS).itertuples()
    )
    more = ""
    if len(now) > PLAN_ROWS:
        more = (
            "<p class='small'>"
            + html.escape(
                _("… and {count} more this month in plan.csv.").format(
                    count=lang.number(len(now) - PLAN_ROWS)
                )
            )
            + "</p>"
        )
    heading = _("Your plan: this month's steps first ({month})").format(month=first)
    return (
        f"<section class='plan'><h2>{html.escape(heading)}</h2>\n"
        f"<p>{total}</p>\n<table><thead><tr><th>{html.escape(_('customer'))}</th>"
        f"<th>{html.escape(_('next step'))}</th><th>{html.escape(_('owner'))}</th>"
        f"<th>{html.escape(_('why'))}</th></tr></thead>\n<tbody>\n{rows}\n</tbody></table>"
        f"{more}<p class='small'><a href='plan.csv'>plan.csv</a> · "
        f"<a href='07-your-plan-for-the-year.html'>{html.escape(_('Read the whole page'))}</a>"
        "</p></section>"
    )


def _lists_section(out: Path, lang: Language) -> str:
    _ = lang._
    files = sorted(out.glob("*.csv"))
    if not files:
        return ""
    items = []
    for path in files:
        what = _(LISTS[path.stem]) if path.stem in LISTS else path.stem
        items.append(
            f"<li><a href='{html.escape(path.name)}'>{html.escape(what)}</a> "
            f"<span class='small'>({html.escape(path.name)})</span></li>"
        )
    workbook = ""
    if (out / "lists.xlsx").exists():
        workbook = (
            f"<p><a href='lists.xlsx'>{html.escape(_('All lists in one Excel file'))}</a></p>"
        )
    return (
        f"<h2>{html.escape(_('Lists to act on'))}</h2>\n<ul>\n"
        + "\n".join(items)
        + f"\n</ul>\n{workbook}"
    )


def _figures_section(summary: dict, lang: Language) -> tuple[str, str]:
    """The table of headline figures, and the definitions for the end of the page."""
    _ = lang._
    rows, definitions = [], []
    known = [key for key in FIGURES if key in summary]  # in notebook order, as FIGURES lists them
    others = sorted(key for key in summary if key not in FIGURES and not key.startswith("_"))
    for key in known + others:
        value = summary[key]
        figure = FIGURES.get(key)
        if figure and figure.kind == "reason" and value is None:
            continue  # the figure is there: nothing to explain
        label = _(figure.label) if figure else key.replace("_", " ")
        kind = "value reason" if figure and figure.kind == "reason" else "value"
        rows.append(
            f"<tr><td>{html.escape(label)}</td>"
            f"<td class='{kind}'>{html.escape(format_figure(key, value, lang))}</td>"
            "</tr>"
        )
        if figure and figure.definition:
            definitions.append(
                f"<dt>{html.escape(label)}</dt><dd>{html.escape(_(figure.definition))}</dd>"
            )
    table = (
        f"<h2>{html.escape(_('Headline figures'))}</h2>\n<table>\n<thead><tr>"
        f"<th>{html.escape(_('Figure'))}</th><th>{html.escape(_('Value'))}</th></tr>"
        "</thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"
    )
    ending = (
        f"<h2>{html.escape(_('Definitions'))}</h2>\n<dl class='definitions'>\n"
        + "\n".join(definitions)
        + "\n</dl>"
    )
    return table, ending


def write_index(
    out: Path,
    summary: dict,
    notebooks: list[Path],
    *,
    lang: Language,
    documents: list[tuple[str, Path]] | None = None,
    left_out: list | None = None,
) -> Path:
    """Write ``index.html`` (see the module docstring) and return its path.

    ``documents``: (customer name, file) of the customer-vision documents (notebook 06),
    linked in a section of their own (``helpers.report.vision.links_html``); ``left_out``:
    the answer files the run could not read, named at the top.
    """
    _ = lang._
    run = summary.get("_run", {})
    company = str(run.get("company", "Workbook"))
    title = _("{company}: customer relationships").format(company=company)
    period = _('Invoices from {first} to {as_of}. "The last 12 months" end on {as_of}.').format(
        first=lang.date(summary.get("first_invoice_date")), as_of=lang.date(run.get("as_of"))
    )
    sections = "\n".join(_notebook_section(path, out, lang) for path in notebooks)
    figures, definitions = _figures_section(summary, lang)
    vision_links = links_html(documents, out, lang) if documents else ""
    page = f"""<!DOCTYPE html>
<html lang="{html.escape(lang.code)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title><style>{STYLE}</style></head>
<body>
<h1>{html.escape(title)}</h1>
<p class="meta">{html.escape(period)}</p>
{section_html(left_out or [], lang)}
{_plan_section(out, lang)}
{sections}
{vision_links}
{_lists_section(out, lang)}
{figures}
{definitions}
<p class="small">{
        html.escape(
            _(
                "All figures are also in summary.json. Written by the "
                "workbook on this computer; nothing here was sent anywhere."
            )
        )
    }
</p>
</body>
</html>
"""
    index = out / "index.html"
    index.write_text(page, encoding="utf-8")
    return index
