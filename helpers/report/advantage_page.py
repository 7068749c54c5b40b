"""The one-page summary of the 9E checklist (``9e-summary.html`` in the output folder).

A page to print or send to the team before its meeting: are the basics in
place, which E's to invest in and what backs them, where the team disagrees,
and the radar chart. Written by notebook 04 when it runs with an output folder.
"""

from __future__ import annotations

import base64
import html
import io
from pathlib import Path

import pandas as pd

from helpers.analysis import advantage
from helpers.course.forms import member_label

FILE_NAME = "9e-summary.html"
STYLE = """
body { font-family: system-ui, sans-serif; max-width: 52rem; margin: 1.5rem auto;
       padding: 0 1rem; color: #222; line-height: 1.4; }
h1 { margin-bottom: .2rem; } .meta { color: #555; margin-top: 0; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .92rem; }
th, td { padding: .25rem .6rem; border-bottom: 1px solid #ddd; text-align: right; }
th:first-child, td:first-child { text-align: left; }
.chosen { font-weight: 600; } img { max-width: 26rem; float: right; margin-left: 1rem; }
@media print { body { margin: 0; } }
"""


def radar_png(scores: pd.DataFrame, competitor: str) -> bytes:
    """The radar chart as PNG bytes (no timestamp in the file: the same scores, the same bytes)."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    from helpers.plots.advantage import plot_radar

    ax = plot_radar(scores, competitor=competitor)
    buffer = io.BytesIO()
    ax.figure.savefig(buffer, format="png", dpi=80, bbox_inches="tight",
                      metadata={"Software": None})  # fmt: skip
    plt.close(ax.figure)
    return buffer.getvalue()


def summary_html(wb, answers: advantage.Answers, *, free_text: bool = True) -> str:
    """The page as HTML. ``free_text=False`` leaves out evidence (it may name people)."""
    scores = advantage.team_scores(answers.long)
    check = advantage.competitiveness(answers.long)
    chosen, basis = advantage.chosen_es(scores, answers.team)
    agenda = advantage.disagreement_agenda(scores)
    competitor = answers.team.get("competitor_name") or "the competitor"
    esc = html.escape

    def number(value, decimals=1):
        return "–" if pd.isna(value) else wb.number(value, decimals)

    parts = [
        f"<h1>{esc(wb.company.name)}: competitive advantage (9E)</h1>",
        f"<p class='meta'>Compared with {esc(competitor)} · {len(answers.members)} member(s): "
        f"{esc(', '.join(member_label(m) for m in answers.members) or 'none yet')} · "
        f"analysis date {esc(wb.date(wb.as_of))}</p>",
    ]
    if answers.problems:
        parts.append(
            "<p><b>Left out:</b> " + esc("; ".join(str(p) for p in answers.problems)) + "</p>"
        )
    if not answers.answered:
        parts.append(f"<p>{esc(advantage.how_to_answer(wb.company.folder))}</p>")
        return _page(wb, parts)
    image = base64.b64encode(radar_png(scores, competitor)).decode("ascii")
    parts.append(f"<img alt='radar chart of the nine E' src='data:image/png;base64,{image}'>")
    parts.append(
        f"<h2>1 · Competitiveness first</h2><p>{esc(advantage.competitiveness_in_words(check))}</p>"
    )
    parts.append(f"<h2>2 · Where to invest ({esc(basis)})</h2>")
    if chosen:
        items = []
        for key in chosen:
            row = scores.loc[key]
            backing = advantage.evidence(answers.long, key) if free_text else []
            proof = "".join(f"<br><small>{esc(b)}</small>" for b in backing)
            items.append(
                f"<li><b>{esc(advantage.e_name(key))}</b>: us {number(row['today'])}, "
                f"{esc(competitor)} {number(row['competitor'])}, importance "
                f"{number(row['importance'])}{proof}</li>"
            )
        parts.append("<ol>" + "".join(items) + "</ol>")
    else:
        parts.append(
            "<p>No E stands out yet: nowhere are you ahead on something customers "
            "care about. Pick one that fits the team and build the proof.</p>"
        )
    behind = advantage.behind_on_what_matters(scores)
    if behind:
        parts.append(
            "<p>Behind on what matters (competitiveness work, not advantage): "
            + esc(", ".join(advantage.e_name(k) for k in behind))
            + ".</p>"
        )
    parts.append("<h2>3 · For the team's meeting</h2>")
    parts.append(f"<p>{esc(advantage.agenda_in_words(agenda, answers.members, wb.number))}</p>")
    header = "".join(
        f"<th>{h}</th>" for h in ("E", "us", "competitor", "importance", "lead", "spread")
    )
    header = f"<tr>{header}</tr>"
    rows = "".join(
        f"<tr class='{'chosen' if key in chosen else ''}'><td>{esc(advantage.e_name(key))}</td>"
        + "".join(
            f"<td>{number(row[c])}</td>" for c in ("today", "competitor", "importance", "lead")
        )
        + f"<td>{number(row['spread'], 0)}</td></tr>"
        for key, row in scores.iterrows()
    )
    parts.append(f"<h2>4 · All nine E's (team averages, 1–5)</h2><table>{header}{rows}</table>")
    return _page(wb, parts)


def _page(wb, parts: list[str]) -> str:
    body = "\n".join(parts)
    return (
        f"<!DOCTYPE html>\n<html lang='{html.escape(wb.language)}'><head><meta charset='utf-8'>"
        f"<title>{html.escape(wb.company.name)}: 9E summary</title><style>{STYLE}</style>"
        f"</head><body>\n{body}\n</body></html>\n"
    )


def write_summary(wb, answers: advantage.Answers, *, free_text: bool = True) -> Path | None:
    """Write the page into the output folder (when there is one); returns its path."""
    if wb.output_dir is None:
        return None
    path = Path(wb.output_dir) / FILE_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(summary_html(wb, answers, free_text=free_text), encoding="utf-8")
    return path
