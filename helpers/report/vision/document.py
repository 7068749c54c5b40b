"""One customer-vision document: facts and texts laid out in five sections, as HTML
(A4 print style) and as Markdown, in the document's language."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

import pandas as pd
from babel.numbers import format_decimal

from helpers.company.answers.visions import STRENGTH_HIGH as STRONGEST
from helpers.company.answers.visions import STRENGTH_WORDS
from helpers.language import N_, Language
from helpers.report.vision.facts import AccountFacts
from helpers.report.vision.texts import (
    COMMITMENT_NAMES,
    LEVEL_NAMES,
    SATISFACTION_WORDS,
    SECTIONS,
    SEGMENT_NAMES,
)

NAME_CHARACTERS = 80  # a person's name in the contact map is cut after this many

# --- the document ------------------------------------------------------------------------


@dataclass
class Line:
    """One fact as shown: its label and value in the document's language."""

    label: str
    value: str
    internal: bool = False  # for our team, not for the customer's copy


@dataclass
class Part:
    """One of the five sections as shown."""

    number: int
    heading: str
    lines: list[Line]
    text: str | None  # the team's text, as typed
    questions: list[str]  # shown when there is no text
    note: str | None = None  # why the team's text is not shown


@dataclass
class VisionDocument:
    """A customer-vision document for one account, in the language ``lang`` (which also
    carries the currency; a strict one fails on a message without a translation).

    ``texts``: the team's text per section key (None/absent = not written yet);
    ``texts_note``: shown instead of the texts when they were left out or unreadable;
    ``for_customer``: the copy to hand over, without the lines marked internal (the
    team's copy has a switch that hides them too, for printing). ``contacts``: the team's
    contact map (``helpers.company.answers.visions.read_contacts``), shown in Communication
    as internal lines; ``contacts_note`` instead when it was left out or unreadable.
    """

    facts: AccountFacts
    lang: Language
    as_of: pd.Timestamp
    company_name: str
    texts: dict[str, str | None] = field(default_factory=dict)
    texts_note: str | None = None
    for_customer: bool = False  # the customer's copy: the lines marked internal left out
    contacts: pd.DataFrame | None = None  # who knows whom (the team's map), or None
    contacts_note: str | None = None  # why the map is not shown (unreadable)

    # formatting, all in the document's language

    def _(self, message: str) -> str:
        return self.lang._(message)

    def money(self, value) -> str:
        return self.lang.money(value, decimals=2)

    def date(self, value) -> str:
        return self.lang.date(value)

    def percent(self, value) -> str:
        return self.lang.percent(value)

    def change(self, value) -> str:
        """A change with its sign: +12,5 % / -3.0%."""
        return self.lang.signed_percent(value)

    def decimal(self, value, decimals: int = 1) -> str:
        return format_decimal(value, format="0." + "0" * decimals, locale=self.lang.locale)

    def years(self, n: int) -> str:
        if n < 1:
            return self._("less than a year")
        return self.lang.plural("{years} year", "{years} years", n).format(
            years=self.lang.number(n)
        )

    # the content

    @property
    def title(self) -> str:
        return self._("Customer vision")

    def parts(self) -> list[Part]:
        """The five sections with their facts, and the team's text or guiding questions."""
        _ = self._
        per_section = {
            "current_state": self._current_state(),
            "development_plan": self._development_plan(),
            "shared_vision": [],
            "communication": self._communication(),
            "follow_up": self._follow_up(),
        }
        out = []
        for number, section in enumerate(SECTIONS, start=1):
            text = self.texts.get(section.key)
            text = text if text and text.strip() else None
            lines = per_section[section.key]
            if self.for_customer:
                lines = [line for line in lines if not line.internal]
            out.append(
                Part(
                    number,
                    _(section.heading),
                    lines,
                    text,
                    [_(q) for q in section.questions],
                    note=self.texts_note if text is None else None,
                )
            )
        return out

    def _current_state(self) -> list[Line]:
        f, _ = self.facts, self._
        lines = []
        if f.first_invoice is not None:
            lines.append(
                Line(
                    _("Customer since"),
                    f"{self.date(f.first_invoice)} ({self.years(f.tenure_years or 0)})",
                )
            )
        if f.industry:
            lines.append(Line(_("Industry"), str(f.industry)))
        if f.revenue_12m is not None:
            lines.append(Line(_("Revenue, last 12 months"), self.money(f.revenue_12m)))
        if f.revenue_prev_12m is not None:
            previous = self.money(f.revenue_prev_12m)
            if f.revenue_change is not None:
                previous += " · " + _("change {change}").format(
                    change=self.change(f.revenue_change)
                )
            lines.append(Line(_("Revenue, the 12 months before"), previous))
        if f.revenue_total is not None:
            lines.append(Line(_("Revenue since the first invoice"), self.money(f.revenue_total)))
        if f.products:
            label = (
                _("What they buy (last 12 months)") if f.products_basis_12m else _("What they buy")
            )
            lines.append(Line(label, ", ".join(f"{p} ({self.percent(s)})" for p, s in f.products)))
        if f.satisfaction is not None:
            value = _("{score} of 5, {words} ({date})").format(
                score=self.lang.number(f.satisfaction),
                words=_(SATISFACTION_WORDS[int(f.satisfaction)]),
                date=self.date(f.satisfaction_date),
            )
            if f.satisfaction_answers > 1 and f.satisfaction_mean is not None:
                value += " · " + _("{answers} answers, average {mean}").format(
                    answers=self.lang.number(f.satisfaction_answers),
                    mean=self.decimal(f.satisfaction_mean),
                )
            lines.append(Line(_("Satisfaction, latest answer"), value))
        if f.recommend is not None:
            lines.append(
                Line(
                    _("Would recommend us"),
                    _("{score} of 10").format(score=self.lang.number(f.recommend)),
                )
            )
        if f.segment:
            name = SEGMENT_NAMES.get(f.segment)
            lines.append(Line(_("Segment"), _(name) if name else str(f.segment), internal=True))
        if f.value_profile:
            shown = " · ".join(
                f"{_(LEVEL_NAMES[level])} {self.decimal(score)}"
                for level, score in f.value_profile.items()
                if level in LEVEL_NAMES
            )
            lines.append(Line(_("Value profile (1–5)"), shown, internal=True))
        if f.profit_12m is not None:
            lines.append(
                Line(
                    _("Profit after cost-to-serve, last 12 months"),
                    self._with_share(f.profit_12m),
                    internal=True,
                )
            )
        elif f.margin_12m is not None:
            lines.append(
                Line(_("Margin, last 12 months"), self._with_share(f.margin_12m), internal=True)
            )
        if f.commitment_cell:
            name = COMMITMENT_NAMES.get(f.commitment_cell)
            lines.append(
                Line(_("Commitment"), _(name) if name else str(f.commitment_cell), internal=True)
            )
        return lines

    def _with_share(self, amount: float) -> str:
        f = self.facts
        text = self.money(amount)
        if f.revenue_12m and f.revenue_12m > 0:
            text += (
                " ("
                + self._("{share} of revenue").format(share=self.percent(amount / f.revenue_12m))
                + ")"
            )
        return text

    def _development_plan(self) -> list[Line]:
        f, _ = self.facts, self._
        lines = []
        earns = f.profit_12m if f.profit_12m is not None else f.margin_12m
        if earns is not None and earns < 0:  # a loss-making account: the price is on the table
            lines.append(
                Line(
                    _("Price"),
                    _(
                        "to discuss together: today's prices do not cover the work this "
                        "cooperation takes"
                    ),
                )
            )
        if f.wallet:
            value = self.money(f.wallet)
            if f.wallet_share is not None:
                value += " · " + _("our share {share}").format(share=self.percent(f.wallet_share))
            lines.append(Line(_("Their yearly purchases of what we sell (estimate)"), value))
        if f.not_bought:
            lines.append(
                Line(
                    _("Our best sellers they did not buy in the last 12 months"),
                    ", ".join(f.not_bought),
                )
            )
        return lines

    def _communication(self) -> list[Line]:
        f, _ = self.facts, self._
        lines = []
        if f.owner:
            lines.append(Line(_("Account owner (ours)"), str(f.owner)))
        if f.orders_12m is not None:
            lines.append(Line(_("Orders, last 12 months"), self.lang.number(f.orders_12m)))
        if f.last_invoice is not None:
            lines.append(Line(_("Latest invoice"), self.date(f.last_invoice)))
        return lines + self._contact_lines()

    def _contact_lines(self) -> list[Line]:
        """The team's contact map (text 003: the network the account opens), internal: it is
        our judgement of their people. A summary, then one line per link."""
        _ = self._
        label = _("Contact map (who knows whom)")
        if self.contacts_note:
            return [Line(label, self.contacts_note, internal=True)]
        links = self.contacts
        if links is None or links.empty:
            return []
        summary = _(
            "people there: {theirs} · ours who know them: {ours} · links of trust: {trusted}"
        ).format(
            theirs=self.lang.number(links["theirs"].nunique()),
            ours=self.lang.number(links["ours"].nunique()),
            trusted=self.lang.number(int((links["strength"] == STRONGEST).sum())),
        )
        lines = [Line(label, summary, internal=True)]
        for link in links.itertuples(index=False):
            about = [_short(link.role)] if link.role else []
            if link.strength in STRENGTH_WORDS:
                about.append(_(STRENGTH_WORDS[link.strength]))
            lines.append(
                Line(
                    f"{_short(link.ours)} ↔ {_short(link.theirs)}",
                    ", ".join(about) or "–",
                    internal=True,
                )
            )
        return lines

    def _follow_up(self) -> list[Line]:
        f, _ = self.facts, self._
        lines = []
        if f.contract_end is not None:
            lines.append(Line(_("Contract ends"), self.date(f.contract_end)))
        if f.satisfaction_date is not None:
            lines.append(Line(_("Latest satisfaction survey"), self.date(f.satisfaction_date)))
        return lines

    def _meta(self) -> str:
        return self._("Prepared by {company} · facts from invoices up to {date}").format(
            company=self.company_name, date=self.date(self.as_of)
        )

    # rendering

    def html(self) -> str:
        """A self-contained page that prints on A4: no scripts, no links out, all escaped."""
        e, _ = html.escape, self._
        internal_tag = _("internal")
        ask = _("Questions to discuss together:")
        sections = []
        parts = self.parts()
        for part in parts:
            rows = []
            for line in part.lines:
                tag = f' <span class="tag">{e(internal_tag)}</span>' if line.internal else ""
                kind = ' class="internal"' if line.internal else ""
                rows.append(f"<tr{kind}><th>{e(line.label)}{tag}</th><td>{e(line.value)}</td></tr>")
            facts = f'<table class="facts">{"".join(rows)}</table>' if rows else ""
            if part.text is not None:
                body = f'<div class="text">{_paragraphs_html(part.text)}</div>'
            else:
                note = f'<p class="note">{e(part.note)}</p>' if part.note else ""
                items = "".join(f"<li>{e(q)}</li>" for q in part.questions)
                body = (
                    f'<div class="questions">{note}<p>{e(ask)}</p>'
                    f'<ul>{items}</ul><div class="write"></div></div>'
                )
            sections.append(
                f'<section id="{SECTIONS[part.number - 1].key}">'
                f'<h2><span class="number">{part.number}</span> {e(part.heading)}</h2>'
                f"{facts}{body}</section>"
            )
        footnote = switch = ""
        if any(line.internal for part in parts for line in part.lines):
            footnote = f'<p class="footnote">{e(self._internal_note())}</p>'
            # no script: a checkbox before the page hides the internal lines by CSS alone
            switch = (
                '<input type="checkbox" id="customer-copy" class="switch">'
                f'<label for="customer-copy" class="switch">{e(_(CUSTOMER_COPY))}</label>\n'
            )
        name, title = e(self.facts.name), e(self.title)
        return f"""<!DOCTYPE html>
<html lang="{e(self.lang.code)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}: {name}</title>
<style>{STYLE}</style>
</head>
<body>
{switch}<main class="page">
<header>
<p class="kicker">{title}</p>
<h1>{name}</h1>
<p class="meta">{e(self._meta())}</p>
</header>
{chr(10).join(sections)}
{footnote}
</main>
</body>
</html>
"""

    def _internal_note(self) -> str:
        return self._(
            "Lines marked internal are for our own team: leave them out of the copy "
            "you give the customer."
        )

    def markdown(self) -> str:
        """The same document as Markdown; names and typed text cannot inject HTML."""
        _ = self._
        out = [
            f"# {self.title}: {_markdown_inline(self.facts.name)}",
            "",
            f"*{_markdown_inline(self._meta())}*",
            "",
        ]
        internal = False
        for part in self.parts():
            out += [f"## {part.number}. {part.heading}", ""]
            for line in part.lines:
                tag = f" ({_('internal')})" if line.internal else ""
                internal = internal or line.internal
                out.append(
                    f"- **{_markdown_inline(line.label)}**{tag}: {_markdown_inline(line.value)}"
                )
            if part.lines:
                out.append("")
            if part.text is not None:
                out += [_markdown_block(part.text), ""]
            else:
                if part.note:
                    out += [f"*{_markdown_inline(part.note)}*", ""]
                out.append(_("Questions to discuss together:"))
                out += [f"- {q}" for q in part.questions] + [""]
        if internal:
            out += [
                "---",
                "",
                self._internal_note(),
                "",
            ]
        return "\n".join(out)


def _short(text, limit: int = NAME_CHARACTERS) -> str:
    """A typed name on one line, at most ``limit`` characters (a 10,000-character name
    must not fill the printed page)."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _paragraphs_html(text: str) -> str:
    """Typed text as HTML: escaped; blank lines split paragraphs, line breaks stay."""
    blocks = [b for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
    return "".join(
        "<p>" + "<br>".join(html.escape(line) for line in block.splitlines()) + "</p>"
        for block in blocks
    )


def _markdown_block(text: str) -> str:
    """Typed text as Markdown: its own emphasis and lists stay, but no HTML and no links
    (``[click](javascript:…)`` shows as typed; a link in a document is never live)."""
    text = html.escape(str(text), quote=False).strip()
    return re.sub(r"([\\\[\]])", r"\\\1", text)


def _markdown_inline(text: str) -> str:
    """Text from the data, safe in a Markdown line: HTML escaped, Markdown marks escaped."""
    text = html.escape(str(text), quote=False)
    return re.sub(r"([\\`*_\[\]#|])", r"\\\1", text).replace("\n", " ")


CUSTOMER_COPY = N_("Copy for the customer: leave out the lines marked internal")

STYLE = """
@page { size: A4; margin: 18mm 17mm 20mm; }
* { box-sizing: border-box; }
html { background: #eceae6; }
body { margin: 0; color: #1f2328; font: 15px/1.5 Georgia, "DejaVu Serif", serif;
       overflow-wrap: anywhere; }
.switch { font: .9rem system-ui, "DejaVu Sans", sans-serif; }
input.switch { margin: 1rem .4rem 0 calc(50% - 26rem); }
#customer-copy:checked ~ main .internal, #customer-copy:checked ~ main .footnote,
#customer-copy:checked ~ main .tag { display: none; }
.page { background: #fff; max-width: 52rem; margin: 2rem auto; padding: 2.5rem 3rem 3rem;
        box-shadow: 0 1px 4px rgba(0,0,0,.15); }
header { border-bottom: 2px solid #2f5d62; margin-bottom: 1.2rem; padding-bottom: .6rem; }
.kicker { font: 600 .8rem/1 system-ui, "DejaVu Sans", sans-serif; letter-spacing: .08em;
          text-transform: uppercase; color: #2f5d62; margin: 0 0 .4rem; }
h1 { font-size: 1.8rem; margin: 0 0 .3rem; line-height: 1.2; }
.meta { color: #555; margin: 0; font-size: .9rem; }
section { margin: 1.4rem 0 0; }
h2 { font: 600 1.15rem/1.3 system-ui, "DejaVu Sans", sans-serif; color: #2f5d62;
     margin: 0 0 .5rem; break-after: avoid; page-break-after: avoid; }
h2 .number { display: inline-block; min-width: 1.6em; height: 1.6em; line-height: 1.6em;
             border-radius: 50%; background: #2f5d62; color: #fff; text-align: center;
             font-size: .85em; margin-right: .35em;
             -webkit-print-color-adjust: exact; print-color-adjust: exact; }
table.facts { border-collapse: collapse; width: 100%; margin: 0 0 .6rem;
              font: .88rem/1.4 system-ui, "DejaVu Sans", sans-serif; break-inside: avoid; }
table.facts th { text-align: left; font-weight: 500; color: #444; width: 40%;
                 padding: .22rem .8rem .22rem 0; vertical-align: top; }
table.facts td { padding: .22rem 0; font-variant-numeric: tabular-nums; }
table.facts tr { border-bottom: 1px solid #e3e3e3; }
tr.internal th, tr.internal td { color: #6b5a2a; }
.tag { font-size: .7rem; border: 1px solid #b59a4a; border-radius: 3px; padding: 0 .25rem;
       color: #7a6420; text-transform: uppercase; letter-spacing: .04em; }
.text p { margin: .4rem 0; }
.questions { color: #555; font-style: italic; break-inside: avoid; }
.questions p { margin: .3rem 0; } .questions ul { margin: .2rem 0 0; padding-left: 1.3rem; }
.questions .write { height: 4.5rem; border-bottom: 1px dotted #aaa; }
.note { color: #7a4a00; font-style: normal; }
.footnote { margin-top: 2rem; color: #6b5a2a; font: .8rem/1.4 system-ui, sans-serif; }
@media print {
  .switch { display: none; }
  html, body { background: #fff; }
  body { font-size: 10.5pt; }
  .page { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  section { break-inside: auto; }
  a { color: inherit; text-decoration: none; }
}
"""
