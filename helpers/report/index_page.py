"""``index.html``: the front page of a run, for people who will never open a notebook."""

from __future__ import annotations

import html
from pathlib import Path

from helpers.report import formats as i18n
from helpers.report.figures import FIGURES

STYLE = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
       color: #222; line-height: 1.45; }
h1 { margin-bottom: .2rem; } .meta { color: #555; margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0 2rem; }
th, td { text-align: left; padding: .45rem .6rem; border-bottom: 1px solid #ddd;
         vertical-align: top; }
td.value { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap;
           font-weight: 600; }
td.definition { color: #555; font-size: .9rem; }
ol li { margin: .3rem 0; } .small { color: #666; font-size: .85rem; }
"""


def format_figure(key: str, value, language: str, currency: str) -> str:
    """A headline figure as a reader would write it, by its kind in FIGURES."""
    if value is None:
        return i18n.MISSING
    kind = FIGURES[key].kind if key in FIGURES else "number"
    if kind == "money":
        return i18n.money(value, currency, language)
    if kind == "share":
        return i18n.percent(value, language)
    if kind == "count":
        return i18n.number(value, language)
    if kind == "ratio":
        return i18n.number(value, language, decimals=3)
    if kind == "date":
        return i18n.date(value, language)
    if isinstance(value, int | float):
        return i18n.number(value, language, decimals=1)
    return str(value)


def title_of(path: Path) -> str:
    """'01-pricing-erosion' -> '01 Pricing erosion'."""
    number, _, words = path.stem.partition("-")
    return f"{number} {words.replace('-', ' ').capitalize()}"


def write_index(
    out: Path,
    summary: dict,
    notebooks: list[Path],
    *,
    language: str,
    currency: str,
    documents: list[tuple[str, Path]] | None = None,
) -> Path:
    """Write ``index.html`` with the headline figures and links to every page.

    ``documents``: (customer name, file) of the customer-vision documents, linked in a
    section of their own (see ``helpers.report.vision.links_html``).
    """
    run = summary.get("_run", {})
    rows = []
    for key, value in summary.items():
        if key.startswith("_"):
            continue
        figure = FIGURES.get(key)
        label = figure.label if figure else key
        definition = figure.definition if figure else ""
        rows.append(
            f"<tr><td>{html.escape(label)}</td>"
            f"<td class='value'>{html.escape(format_figure(key, value, language, currency))}</td>"
            f"<td class='definition'>{html.escape(definition)}</td></tr>"
        )
    links = "\n".join(
        f"<li><a href='{html.escape(p.stem)}.html'>{html.escape(title_of(p))}</a> "
        f"<span class='small'>(<a href='{html.escape(p.name)}'>notebook</a>, "
        f"<a href='{html.escape(p.stem)}.json'>figures</a>)</span></li>"
        for p in notebooks
    )
    vision_links = ""
    if documents:
        from helpers.report.vision import links_html

        vision_links = links_html(documents, out, language)
    page = f"""<!DOCTYPE html>
<html lang="{html.escape(language)}">
<head><meta charset="utf-8"><title>{html.escape(str(run.get("company", "Workbook")))} —
customer relationships</title><style>{STYLE}</style></head>
<body>
<h1>{html.escape(str(run.get("company", "Workbook")))}: customer relationships</h1>
<p class="meta">Analysis date {html.escape(i18n.date(run.get("as_of"), language))} ·
the last 12 months end on that day</p>
<h2>The pages</h2>
<ol>
{links}
</ol>
{vision_links}
<h2>Headline figures</h2>
<table>
<thead><tr><th>Figure</th><th>Value</th><th>What it means</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
<p class="small">All figures are in <a href="summary.json">summary.json</a>. Written by
<code>workbook run</code>; nothing here was sent anywhere.</p>
</body>
</html>
"""
    index = out / "index.html"
    index.write_text(page, encoding="utf-8")
    return index
