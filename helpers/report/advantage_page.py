"""The one-page summary of the 9E checklist (``9e-summary.html`` in the output folder).

A page to print or send to the team before its meeting: are the basics in
place (with the service audit, seen from the customer's side), which E's to invest in
and what backs them, where the team disagrees, and the radar chart. Written by notebook
04 when it runs with an output folder, in the run's language (``wb.lang``; the sentences
come from :mod:`helpers.words.advantage`).
"""

from __future__ import annotations

import base64
import html
import io
from pathlib import Path

import pandas as pd

from helpers import words
from helpers.analysis import advantage
from helpers.analysis.advantage_service import load_audit
from helpers.company.answers import member_label
from helpers.language import Language

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


def radar_png(scores: pd.DataFrame, competitor: str, lang: Language) -> bytes:
    """The radar chart as PNG bytes (no timestamp in the file: the same scores, the same bytes)."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    from helpers.plots.advantage import plot_radar

    ax = plot_radar(scores, competitor=competitor, lang=lang)
    buffer = io.BytesIO()
    ax.figure.savefig(
        buffer, format="png", dpi=80, bbox_inches="tight", metadata={"Software": None}
    )
    plt.close(ax.figure)
    return buffer.getvalue()


def summary_html(wb, answers: advantage.Answers, *, free_text: bool = True) -> str:
    """The page as HTML, in the run's language (``wb.lang``). ``free_text=False`` leaves
    out evidence (it may name people)."""
    lang = wb.lang
    _ = lang._
    scores = advantage.team_scores(answers.long)
    check = advantage.competitiveness(answers.long)
    chosen, basis = advantage.chosen_es(scores, answers.team)
    agenda = advantage.disagreement_agenda(scores)
    competitor = answers.team.get("competitor_name") or _("the competitor")
    esc = html.escape

    def number(value, decimals=1):
        return lang.number(value, decimals)

    members = ", ".join(member_label(m) for m in answers.members) or _("none yet")
    meta = (
        _("Compared with {competitor} · {count} member: {members} · analysis date {date}")
        if len(answers.members) == 1
        else _("Compared with {competitor} · {count} members: {members} · analysis date {date}")
    ).format(
        competitor=competitor,
        count=lang.number(len(answers.members)),
        members=members,
        date=lang.date(wb.as_of),
    )
    parts = [
        "<h1>"
        + esc(_("{company}: competitive advantage (9E)").format(company=wb.company.name))
        + "</h1>",
        f"<p class='meta'>{esc(meta)}</p>",
    ]
    if answers.problems:
        left_out = _("Left out:")
        parts.append(
            f"<p><b>{esc(left_out)}</b> "
            + esc("; ".join(str(p) for p in answers.problems))
            + "</p>"
        )
    if not answers.answered:
        parts.append(f"<p>{esc(words.advantage.how_to_answer(wb.company.folder, lang))}</p>")
        parts += audit_html(wb, None, free_text=free_text)
        return _page(wb, parts)
    image = base64.b64encode(radar_png(scores, competitor, lang)).decode("ascii")
    alt = _("radar chart of the nine E's")
    parts.append(f"<img alt='{esc(alt)}' src='data:image/png;base64,{image}'>")
    first = _("Competitiveness first")
    found = words.advantage.competitiveness_in_words(check, lang)
    parts.append(f"<h2>1 · {esc(first)}</h2><p>{esc(found)}</p>")
    parts += audit_html(wb, check.loc["service", "today"], free_text=free_text)
    why = words.advantage.basis_name(basis, lang)
    parts.append("<h2>2 · " + esc(_("Where to invest ({basis})").format(basis=why)) + "</h2>")
    if chosen:
        items = []
        for key in chosen:
            row = scores.loc[key]
            backing = advantage.evidence(answers.long, key) if free_text else []
            proof = "".join(f"<br><small>{esc(b)}</small>" for b in backing)
            line = _("us {today}, {competitor} {them}, importance {importance}").format(
                today=number(row["today"]),
                competitor=competitor,
                them=number(row["competitor"]),
                importance=number(row["importance"]),
            )
            items.append(
                f"<li><b>{esc(words.advantage.e_name(key, lang))}</b>: {esc(line)}{proof}</li>"
            )
        parts.append("<ol>" + "".join(items) + "</ol>")
    else:
        parts.append(
            "<p>"
            + esc(
                _(
                    "No E stands out yet: nowhere are you ahead on something customers "
                    "care about. Pick one that fits the team and build the proof."
                )
            )
            + "</p>"
        )
    behind = advantage.behind_on_what_matters(scores)
    if behind:
        parts.append(
            "<p>"
            + esc(
                _("Behind on what matters (competitiveness work, not advantage): {names}.").format(
                    names=words.advantage.e_names(behind, lang)
                )
            )
            + "</p>"
        )
    meeting = _("For the team's meeting")
    parts.append(f"<h2>3 · {esc(meeting)}</h2>")
    parts.append(f"<p>{esc(words.advantage.agenda_in_words(agenda, answers.members, lang))}</p>")
    headers = ("E", _("us"), _("competitor"), _("importance"), _("lead"), _("spread"))
    header = "<tr>" + "".join(f"<th>{esc(h)}</th>" for h in headers) + "</tr>"
    rows = "".join(
        f"<tr class='{'chosen' if key in chosen else ''}'>"
        f"<td>{esc(words.advantage.e_name(key, lang))}</td>"
        + "".join(
            f"<td>{number(row[c])}</td>" for c in ("today", "competitor", "importance", "lead")
        )
        + f"<td>{number(row['spread'], 0)}</td></tr>"
        for key, row in scores.iterrows()
    )
    title = _("All nine E's (team averages, 1–5)")
    parts.append(f"<h2>4 · {esc(title)}</h2><table>{header}{rows}</table>")
    return _page(wb, parts)


def audit_html(wb, service_today, *, free_text: bool = True) -> list[str]:
    """The service audit's paragraphs: the finding, and what the members will change
    (left out with ``free_text=False``)."""
    audit = load_audit(wb.company.folder)
    lines = words.advantage.audit_in_words(audit, service_today, wb.lang).splitlines()
    parts = [f"<p>{'<br>'.join(html.escape(line) for line in lines)}</p>"]
    if free_text and audit.answered:
        changes = words.advantage.changes_in_words(audit, wb.lang).splitlines()
        if len(changes) > 1:
            items = "".join(f"<li>{html.escape(c.strip(' -'))}</li>" for c in changes[1:])
            parts.append(f"<p>{html.escape(changes[0])}</p><ul>{items}</ul>")
    return parts


def _page(wb, parts: list[str]) -> str:
    body = "\n".join(parts)
    title = wb.lang._("{company}: 9E summary").format(company=wb.company.name)
    return (
        f"<!DOCTYPE html>\n<html lang='{html.escape(wb.lang.code)}'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title><style>{STYLE}</style>"
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


def summary_in_words(path: Path | None, lang: Language) -> str:
    """Where the page was written (:func:`write_summary`), or that a run with an output
    folder writes one."""
    _ = lang._
    if path is None:
        return _("With an output folder (workbook run) a one-page summary is written for the team.")
    return _("One-page summary for the team: {file}").format(file=Path(path).name)
