"""Customer-vision documents (asiakkuusvisio, text 003): one per key account, fi, sv or en.

A customer vision is agreed *with* the customer: where both want the relationship to
go and how. The document a business owner takes to that meeting has five sections,
each pre-filled with what the data knows about the account and carrying the team's
own text (or, while the team has written nothing, questions to discuss):

1. Current state · 2. Development plan · 3. Shared vision and mission ·
4. Communication · 5. Follow-up

The data flows one way: company → :func:`account_facts` (raw numbers and dates per
account, every fact optional) → :class:`VisionDocument` (facts + the team's texts +
a language) → :meth:`VisionDocument.html` / :meth:`VisionDocument.markdown` →
:func:`write_documents` (one file per account and language). Every heading, label,
guiding question, number, date and amount is in the document's language, through
the message catalogs read by :mod:`helpers.report.messages` (domain ``vision``:
``helpers/locale/<fi|sv>/LC_MESSAGES/vision.po``) and Babel
(:mod:`helpers.report.formats`); what the team typed is shown as typed. Everything
that comes from the user or the data (names, products, typed text) is HTML-escaped.

The team's texts live in ``<company>/answers/visions/<customer_id>.toml``, one file
per account, keys ``current_state``, ``development_plan``, ``shared_vision``,
``communication``, ``follow_up`` (see ``data/README.md``), written by the form of
notebook 06 (:func:`vision_form`, :mod:`helpers.course.forms`) or by hand.

>>> docs = write_documents(load_company(), as_of, out / "vision", "fi")  # doctest: +SKIP
"""

from __future__ import annotations

import html
import math
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd
from babel.numbers import format_decimal, format_percent

from helpers.course import forms
from helpers.report import formats
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


# --- the facts ----------------------------------------------------------------------------


@dataclass
class AccountFacts:
    """What the data says about one account. Every fact but the id and name is optional:
    ``None`` (or an empty list) means the data for it does not exist, and the document
    leaves that line out.

    Facts from other notebooks are inputs too: ``segment`` (02), ``value_profile`` and
    ``profit_12m`` / ``margin_12m`` (03), ``commitment_cell`` (05).
    """

    customer_id: str
    name: str
    first_invoice: pd.Timestamp | None = None
    last_invoice: pd.Timestamp | None = None
    tenure_years: int | None = None  # whole years from the first invoice to as_of
    revenue_12m: float | None = None
    revenue_prev_12m: float | None = None
    revenue_total: float | None = None
    orders_12m: int | None = None
    products: list[tuple[str, float]] = field(default_factory=list)  # (product, share)
    products_basis_12m: bool = True  # products of the last 12 months (else of all time)
    not_bought: list[str] = field(default_factory=list)  # best sellers they don't buy
    industry: str | None = None
    owner: str | None = None
    contract_end: pd.Timestamp | None = None
    wallet: float | None = None
    satisfaction: int | None = None  # the latest answer, 1–5
    satisfaction_date: pd.Timestamp | None = None
    satisfaction_answers: int = 0
    satisfaction_mean: float | None = None
    recommend: int | None = None  # the latest 0–10 answer
    segment: str | None = None  # 02
    value_profile: dict[str, float] = field(default_factory=dict)  # 03: level -> 1–5
    profit_12m: float | None = None  # 03: after cost-to-serve
    margin_12m: float | None = None  # 03: revenue − direct cost
    commitment_cell: str | None = None  # 05

    @property
    def revenue_change(self) -> float | None:
        """revenue_12m / revenue_prev_12m − 1; None without revenue in the 12 months before."""
        if self.revenue_12m is None or not self.revenue_prev_12m or self.revenue_prev_12m <= 0:
            return None
        return self.revenue_12m / self.revenue_prev_12m - 1

    @property
    def wallet_share(self) -> float | None:
        if not self.wallet or self.wallet <= 0 or self.revenue_12m is None:
            return None
        return self.revenue_12m / self.wallet


def _value(value):
    """None for a missing value (NaN, NaT, '', None), else the value."""
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, str) and not value.strip():
        return None
    return value


def account_facts(company, as_of: pd.Timestamp, ids: list[str]) -> dict[str, AccountFacts]:
    """The facts the company folder itself holds for each account in ``ids`` (in that order).

    From invoices: first and last invoice, tenure, revenue of the last 12 months
    ``(as_of − 365 d, as_of]``, of the 12 before and since the first invoice, orders
    (distinct invoices with a positive line, else distinct days), the products bought
    (share of the account's revenue, top 3, the last 12 months or, without purchases
    then, all time) and the company's three best-selling products of the last 12 months
    that the account did not buy then. From customers.csv: industry, owner, contract end,
    wallet. From survey.csv: the latest satisfaction (and recommend) answer up to as_of,
    how many answers and their mean. An id without invoices gets only its name.

    Example: ``account_facts(company, as_of, ["C0001"])["C0001"].tenure_years``
    """
    ids = [str(i) for i in ids]
    names = company.customer_names()
    lines = company.invoices.loc[company.invoices["date"] <= as_of]
    ours = lines.loc[lines["customer_id"].isin(ids)]
    start = as_of - pd.Timedelta(days=WINDOW_DAYS)
    recent = ours.loc[ours["date"] > start]
    before = ours.loc[
        (ours["date"] > start - pd.Timedelta(days=WINDOW_DAYS)) & (ours["date"] <= start)
    ]

    by = ours.groupby("customer_id")
    first, last, total = by["date"].min(), by["date"].max(), by["amount"].sum()
    revenue = recent.groupby("customer_id")["amount"].sum()
    previous = before.groupby("customer_id")["amount"].sum()
    bought = recent.loc[recent["amount"] > 0]
    order_key = bought["invoice_id"] if "invoice_id" in bought else bought["date"]
    orders = order_key.groupby(bought["customer_id"]).nunique()

    products: dict[str, list] = {}
    basis_12m: dict[str, bool] = {}
    not_bought: dict[str, list] = {}
    if "product" in lines.columns:
        products, basis_12m = _products(ours, recent)
        best = (
            lines.loc[lines["date"] > start]
            .groupby("product")["amount"]
            .sum()
            .sort_values(ascending=False, kind="stable")
        )
        best = best[best > 0].index.tolist()
        have = recent.groupby("customer_id")["product"].agg(set)
        for cid in ids:
            own = have.get(cid, set())
            not_bought[cid] = [p for p in best if p not in own][:TOP_PRODUCTS]

    customers = _customer_table(company.customers)
    survey = _survey_table(company.survey, as_of)

    facts = {}
    for cid in ids:
        row = customers.get(cid, {})
        answer = survey.get(cid, {})
        known = cid in first.index
        first_date = first.get(cid) if known else None
        facts[cid] = AccountFacts(
            customer_id=cid,
            name=str(names.get(cid, cid)),
            first_invoice=first_date,
            last_invoice=last.get(cid) if known else None,
            tenure_years=int((as_of - first_date).days // 365.25) if known else None,
            revenue_12m=float(revenue.get(cid, 0.0)) if known else None,
            revenue_prev_12m=float(previous.get(cid, 0.0)) if known else None,
            revenue_total=float(total.get(cid, 0.0)) if known else None,
            orders_12m=int(orders.get(cid, 0)) if known else None,
            products=products.get(cid, []),
            products_basis_12m=basis_12m.get(cid, True),
            not_bought=not_bought.get(cid, []) if known else [],
            industry=_value(row.get("industry")),
            owner=_value(row.get("owner")),
            contract_end=_value(row.get("contract_end")),
            wallet=_value(row.get("wallet")),
            satisfaction=_value(answer.get("satisfaction")),
            satisfaction_date=_value(answer.get("date")),
            satisfaction_answers=int(answer.get("answers", 0)),
            satisfaction_mean=_value(answer.get("mean")),
            recommend=_value(answer.get("recommend")),
        )
    return facts


def _products(ours: pd.DataFrame, recent: pd.DataFrame) -> tuple[dict, dict]:
    """Per account: the top products by share of its revenue (last 12 months, else all time)."""
    out, basis = {}, {}
    for frame, is_recent in ((ours, False), (recent, True)):  # recent overwrites all-time
        sums = frame.groupby(["customer_id", "product"])["amount"].sum()
        sums = sums[sums > 0]
        if sums.empty:
            continue
        share = sums / sums.groupby(level="customer_id").transform("sum")
        share = share.reset_index(name="share").sort_values(
            ["customer_id", "share", "product"], ascending=[True, False, True]
        )
        top = share.groupby("customer_id").head(TOP_PRODUCTS)
        for cid, group in top.groupby("customer_id"):
            out[cid] = list(zip(group["product"], group["share"].astype(float), strict=True))
            basis[cid] = is_recent
    return out, basis


def _customer_table(customers: pd.DataFrame | None) -> dict[str, dict]:
    if customers is None:
        return {}
    columns = [c for c in ("industry", "owner", "contract_end", "wallet") if c in customers]
    table = customers.drop_duplicates("customer_id").set_index("customer_id")[columns]
    return table.to_dict(orient="index")


def _survey_table(survey: pd.DataFrame | None, as_of: pd.Timestamp) -> dict[str, dict]:
    """The latest answer per customer up to as_of, how many answers, their mean."""
    if survey is None:
        return {}
    answers = survey.loc[survey["date"] <= as_of].sort_values(
        ["customer_id", "date"], kind="stable"
    )
    if answers.empty:
        return {}
    latest = answers.groupby("customer_id").tail(1).set_index("customer_id")
    grouped = answers.groupby("customer_id")["satisfaction"]
    table = pd.DataFrame(
        {
            "date": latest["date"],
            "satisfaction": latest["satisfaction"].astype(int),
            "recommend": latest["recommend"] if "recommend" in latest else None,
            "answers": grouped.size(),
            "mean": grouped.mean(),
        }
    )
    records = table.to_dict(orient="index")
    for record in records.values():
        if _value(record.get("recommend")) is not None:
            record["recommend"] = int(record["recommend"])
    return records


def add_notebook_facts(
    facts: dict[str, AccountFacts],
    *,
    segments: pd.Series | None = None,
    economics: pd.DataFrame | None = None,
    profile: pd.DataFrame | None = None,
    commitment: pd.Series | None = None,
) -> dict[str, AccountFacts]:
    """Add what other notebooks computed, where they computed it (each input optional).

    ``segments``: segment per customer_id (02); ``economics``: notebook 03's
    ``account_economics`` table (``profit``, ``margin``); ``profile``: 03's
    ``value_profile`` (columns = the five levels, 1–5); ``commitment``: the commitment
    cell per customer_id (05). A NaN stays out of the document.
    """
    out = {}
    for cid, fact in facts.items():
        changes = {}
        if segments is not None:
            changes["segment"] = _value(segments.get(cid))
        if economics is not None and cid in economics.index:
            for column, name in (("profit", "profit_12m"), ("margin", "margin_12m")):
                if column in economics:
                    changes[name] = _value(economics.at[cid, column])
        if profile is not None and cid in profile.index:
            levels = {
                level: float(profile.at[cid, level])
                for level in LEVEL_NAMES
                if level in profile and _value(profile.at[cid, level]) is not None
            }
            changes["value_profile"] = levels
        if commitment is not None:
            changes["commitment_cell"] = _value(commitment.get(cid))
        out[cid] = replace(fact, **changes)
    return out


def notebook_facts(company, as_of: pd.Timestamp, ids: list[str]) -> dict:
    """The inputs of :func:`add_notebook_facts` that this company's data allows.

    Segments (02, always: from invoices), the economics of each account (03: margin
    needs ``cost`` on the invoice lines, profit also ``hours.csv`` and ``hourly_cost``),
    the five-level value profile (03: the factual score from the data, the other levels
    from the team's saved scores, where there are any) and the commitment cell (05:
    only for customers with a survey answer or a contract end, and only where notebook
    05's ``helpers.analysis.loyalty`` is part of the workbook).
    """
    from helpers.analysis import account_value, profitability, segmentation

    table = segmentation.segments(company.invoices, as_of, company.customers)
    economics = profitability.account_economics(
        company.invoices, company.hours, as_of, company.settings.get("hourly_cost")
    )
    scores, _problems = account_value.read_scores(company.folder)
    team = account_value.team_scores(scores)
    profile = account_value.value_profile(economics, team, list(ids))
    scored = profile[list(LEVEL_NAMES)].notna().any(axis=1)
    return {
        "segments": table["segment"],
        "economics": economics,
        "profile": profile[scored],
        "commitment": commitment_cells(company, as_of),
    }


def commitment_cells(company, as_of: pd.Timestamp) -> pd.Series | None:
    """Notebook 05's commitment cell per customer, where something was measured.

    A cell needs the customer's own voice (a survey answer) or a binding (a contract
    end); without either, every customer would land in "risk" by default, which says
    nothing. None when notebook 05's module is not part of this workbook.
    """
    try:
        from helpers.analysis.loyalty import commitment_matrix
    except ImportError:  # notebook 05 not (yet) in this copy of the workbook
        return None
    matrix = commitment_matrix(company.invoices, company.customers, company.survey, as_of)
    measured = matrix["contract_end"].notna()
    if "commitment_basis" in matrix:
        measured |= matrix["commitment_basis"] == "survey"
    return matrix.loc[measured, "cell"]


def key_accounts(company, as_of: pd.Timestamp) -> list[str]:
    """Notebook 02's key accounts (most valuable first), with its default cut-offs."""
    from helpers.analysis.segmentation import key_accounts as from_segmentation

    return from_segmentation(company.invoices, as_of, company.customers)


def largest_account(company, as_of: pd.Timestamp) -> str:
    """The account with the most revenue in the last 12 months (ties: the smaller id).

    Without positive revenue in those 12 months, the largest over all time; without
    any, the first customer id: every company with invoices has an example to show.
    """
    lines = company.invoices.loc[company.invoices["date"] <= as_of]
    recent = lines.loc[lines["date"] > as_of - pd.Timedelta(days=WINDOW_DAYS)]
    for frame in (recent, lines):
        revenue = frame.groupby("customer_id")["amount"].sum().sort_index()
        if not revenue.empty and revenue.max() > 0:
            return str(revenue.idxmax())
    return str(sorted(company.invoices["customer_id"].astype(str))[0])


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
    """A customer-vision document for one account in one language.

    ``texts``: the team's text per section key (None/absent = not written yet);
    ``texts_note``: shown instead of the texts when they were left out or unreadable.
    """

    facts: AccountFacts
    language: str
    as_of: pd.Timestamp
    company_name: str
    currency: str = "EUR"
    texts: dict[str, str | None] = field(default_factory=dict)
    texts_note: str | None = None
    strict: bool = False  # tests: fail on a message without a translation

    # formatting, all in the document's language

    def _t(self):
        return translator(self.language, self.strict)

    def _(self, message: str) -> str:
        return self._t().gettext(message)

    def money(self, value) -> str:
        return formats.money(value, self.currency, self.language, decimals=2)

    def date(self, value) -> str:
        return formats.date(value, self.language)

    def percent(self, value) -> str:
        return formats.percent(value, self.language)

    def change(self, value) -> str:
        """A change with its sign: +12,5 % / -3.0%."""
        return _signed_percent(value, self.language)

    def decimal(self, value, decimals: int = 1) -> str:
        return format_decimal(
            value, format="0." + "0" * decimals, locale=formats.locale_for(self.language)
        )

    def years(self, n: int) -> str:
        if n < 1:
            return self._("less than a year")
        t = self._t()
        return t.ngettext("{years} year", "{years} years", n).format(
            years=formats.number(n, self.language)
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
            out.append(
                Part(
                    number,
                    _(section.heading),
                    per_section[section.key],
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
                score=formats.number(f.satisfaction, self.language),
                words=_(SATISFACTION_WORDS[int(f.satisfaction)]),
                date=self.date(f.satisfaction_date),
            )
            if f.satisfaction_answers > 1 and f.satisfaction_mean is not None:
                value += " · " + _("{answers} answers, average {mean}").format(
                    answers=formats.number(f.satisfaction_answers, self.language),
                    mean=self.decimal(f.satisfaction_mean),
                )
            lines.append(Line(_("Satisfaction, latest answer"), value))
        if f.recommend is not None:
            lines.append(
                Line(
                    _("Would recommend us"),
                    _("{score} of 10").format(score=formats.number(f.recommend, self.language)),
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
            lines.append(
                Line(_("Orders, last 12 months"), formats.number(f.orders_12m, self.language))
            )
        if f.last_invoice is not None:
            lines.append(Line(_("Latest invoice"), self.date(f.last_invoice)))
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
        footnote = ""
        if any(line.internal for part in parts for line in part.lines):
            footnote = f'<p class="footnote">{e(self._internal_note())}</p>'
        name, title = e(self.facts.name), e(self.title)
        return f"""<!DOCTYPE html>
<html lang="{e(self.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}: {name}</title>
<style>{STYLE}</style>
</head>
<body>
<main class="page">
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
                out += [html.escape(part.text, quote=False).strip(), ""]
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


def _paragraphs_html(text: str) -> str:
    """Typed text as HTML: escaped; blank lines split paragraphs, line breaks stay."""
    blocks = [b for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
    return "".join(
        "<p>" + "<br>".join(html.escape(line) for line in block.splitlines()) + "</p>"
        for block in blocks
    )


def _markdown_inline(text: str) -> str:
    """Text from the data, safe in a Markdown line: HTML escaped, Markdown marks escaped."""
    text = html.escape(str(text), quote=False)
    return re.sub(r"([\\`*_\[\]#|])", r"\\\1", text).replace("\n", " ")


STYLE = """
@page { size: A4; margin: 18mm 17mm 20mm; }
* { box-sizing: border-box; }
html { background: #eceae6; }
body { margin: 0; color: #1f2328; font: 15px/1.5 Georgia, "DejaVu Serif", serif; }
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
  html, body { background: #fff; }
  body { font-size: 10.5pt; }
  .page { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  section { break-inside: auto; }
  a { color: inherit; text-decoration: none; }
}
"""


# --- documents for many accounts ---------------------------------------------------------


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


def document_name(customer_id: str, name: str, language: str) -> str:
    """The file stem: ``vision-C0012-rakennus-lahtinen.fi`` (id kept, name slugged).

    Files sort by customer id; the name makes them recognisable. An id or name with
    characters a file name can't hold is slugged.
    """
    cid = str(customer_id)
    cid_part = cid if re.fullmatch(r"[A-Za-z0-9_-]+", cid) else _slug(cid) or "customer"
    name_part = _slug(name) if str(name) != cid else ""
    if name_part and name_part.lower() == cid_part.lower():
        name_part = ""
    stem = f"vision-{cid_part}" + (f"-{name_part}" if name_part else "")
    return f"{stem}.{language}"


def build_documents(
    company,
    as_of: pd.Timestamp,
    ids: list[str],
    language: str,
    *,
    include_texts: bool = True,
    with_notebook_facts: bool = True,
    strict: bool = False,
) -> list[VisionDocument]:
    """A document per account in ``ids`` (in that order): facts, the team's texts.

    ``include_texts=False`` (pseudonymised runs) leaves the typed text out: it may
    name people. An unreadable answer file is reported in the document (file, line,
    what is wrong) and its texts left out; the file itself is never changed.
    """
    facts = account_facts(company, as_of, ids)
    if with_notebook_facts and facts:
        facts = add_notebook_facts(facts, **notebook_facts(company, as_of, ids))
    t = translator(language, strict)
    documents = []
    for cid in ids:
        texts, note = {}, None
        if not include_texts:
            note = t.gettext("The team's own texts are left out of pseudonymised documents.")
        else:
            saved = answers(company.folder, cid)
            if saved.error is not None:
                note = t.gettext("The team's texts could not be read: {problem}").format(
                    problem=str(saved.error)
                )
            else:
                texts = saved.values()
        documents.append(
            VisionDocument(
                facts[cid],
                language,
                as_of,
                company.name,
                company.currency,
                texts=texts,
                texts_note=note,
                strict=strict,
            )
        )
    return documents


def accounts_with_texts(company) -> list[str]:
    """The accounts with an answer file in ``answers/visions/`` and invoices, by id."""
    folder = forms.answers_dir(company.folder) / TOPIC
    if not folder.is_dir():
        return []
    ids = sorted(set(company.invoices["customer_id"].astype(str)))
    return [cid for cid in ids if answer_file(company.folder, cid).exists()]


def accounts_to_document(company, as_of: pd.Timestamp, include_texts: bool = True) -> list[str]:
    """What ``workbook run`` documents: notebook 02's key accounts (most valuable first),
    then every other account the team has written a vision for (by id). A pseudonymised
    run (``include_texts=False``) documents the key accounts only.
    """
    ids = key_accounts(company, as_of)
    if include_texts:
        ids += [cid for cid in accounts_with_texts(company) if cid not in ids]
    return ids


def unknown_accounts(company, ids: list[str]) -> list[str]:
    """The ids that have no invoice line in the company (to report, not to document)."""
    known = set(company.invoices["customer_id"].astype(str))
    return [i for i in ids if str(i) not in known]


def write_documents(
    company,
    as_of: pd.Timestamp,
    out_dir,
    language: str,
    accounts: list[str] | None = None,
    *,
    include_texts: bool = True,
) -> list[tuple[str, Path]]:
    """Write ``vision-<id>-<name>.<language>.html`` and ``.md`` per account into ``out_dir``.

    ``accounts`` None = :func:`accounts_to_document` (the key accounts, and every account
    the team has written a vision for). Returns (customer name, HTML file) per account,
    sorted by file name (the customer id first).
    """
    if accounts is None:
        accounts = accounts_to_document(company, as_of, include_texts)
    ids = [str(a) for a in accounts]
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written, used = [], set()
    for document in build_documents(company, as_of, ids, language, include_texts=include_texts):
        stem = document_name(document.facts.customer_id, document.facts.name, language)
        base, n = stem, 2
        while stem in used:  # two ids that slug alike
            stem = base.replace(f".{language}", f"-{n}.{language}")
            n += 1
        used.add(stem)
        page = out_dir / f"{stem}.html"
        page.write_text(document.html(), encoding="utf-8")
        (out_dir / f"{stem}.md").write_text(document.markdown(), encoding="utf-8")
        written.append((document.facts.name, page))
    return sorted(written, key=lambda item: item[1].name)


def documents_in_words(written: list[tuple[str, Path]], folder_label: str = "vision/") -> str:
    """'Wrote 3 customer-vision documents into vision/: …' (for the notebook and the CLI)."""
    if not written:
        return "No key accounts, so no customer-vision documents were written."
    names = ", ".join(name for name, _ in written)
    return f"Wrote {len(written)} customer-vision document(s) into {folder_label}: {names}."


def links_html(written: list[tuple[str, Path]], out_dir: Path, language: str) -> str:
    """The index page's section linking every document (relative links, all escaped)."""
    t = translator(language)
    if not written:
        return ""
    items = "\n".join(
        f"<li><a href='{html.escape(path.relative_to(out_dir).as_posix())}'>"
        f"{html.escape(name)}</a> <span class='small'>("
        f"<a href='{html.escape(path.with_suffix('.md').relative_to(out_dir).as_posix())}'>"
        "Markdown</a>)</span></li>"
        for name, path in written
    )
    heading = t.gettext("Customer-vision documents")
    about = t.gettext(
        "One per key account, and one per account your team has written a vision for: "
        "print them and take them to a meeting with the customer."
    )
    return f"<h2>{html.escape(heading)}</h2>\n<p>{html.escape(about)}</p>\n<ol>\n{items}\n</ol>"


# --- what notebook 06 shows ------------------------------------------------------------


def sections_written(company_folder, ids: list[str]) -> pd.Series:
    """How many of the five sections the team has written per account (0–5; NaN: unreadable)."""
    counts = {}
    for cid in ids:
        saved = answers(company_folder, cid)
        counts[cid] = (
            math.nan
            if saved.error is not None
            else sum(1 for value in saved.values().values() if value and value.strip())
        )
    return pd.Series(counts, name="sections_written", dtype=float)


def accounts_table(company, as_of: pd.Timestamp, ids: list[str], fmt) -> pd.DataFrame:
    """The accounts to write a vision for, for reading: name, customer since, revenue of the
    last 12 months and its change, how many of the five sections the team has written.

    ``fmt``: the notebook's ``wb.formats`` (language, currency); headers and values are
    in its language.
    """
    _ = translator(fmt.language).gettext
    facts = account_facts(company, as_of, ids)
    written = sections_written(company.folder, ids)
    columns = [_("name"), _("customer since"), _("revenue, last 12 months"),
               _("change on the 12 months before"), _("sections written")]  # fmt: skip
    rows = []
    for cid, f in facts.items():
        change = f.revenue_change
        done = written[cid]
        rows.append(
            [
                cid,
                f.name,
                fmt.date(f.first_invoice),
                fmt.money(f.revenue_12m),
                formats.MISSING if change is None else _signed_percent(change, fmt.language),
                _("unreadable") if math.isnan(done) else _("{done} of 5").format(done=int(done)),
            ]
        )
    frame = pd.DataFrame(rows, columns=["customer_id", *columns])
    return frame.set_index("customer_id")


def _signed_percent(value: float, language: str) -> str:
    """+12,5 % / -3.0%: a change with its sign, in the language's format."""
    gap = "" if language == "en" else "\xa0"
    pattern = f"+#,##0.0{gap}%;-#,##0.0{gap}%"
    return format_percent(value, format=pattern, locale=formats.locale_for(language))


def account_revenue_by_year(invoices: pd.DataFrame, as_of: pd.Timestamp, customer_id: str):
    """One account's revenue per calendar year up to as_of (for the notebook's bar plot)."""
    from helpers.analysis.overview import revenue_by_year

    return revenue_by_year(invoices.loc[invoices["customer_id"] == customer_id], as_of)


def revenue_title(name: str, language: str) -> str:
    """The plot title: 'Rakennus Lahtinen Oy: revenue per year', in the language."""
    return translator(language).gettext("{name}: revenue per year").format(name=name)


def form_in_words(company_folder, customer_id: str, language: str = "en") -> str:
    """What the form does and where the text goes: the line a batch run prints instead."""
    _ = translator(language).gettext
    saved = answers(company_folder, customer_id)
    if saved.error is not None:
        return _(
            "The team's texts for {customer} can't be read, so the document asks the guiding "
            "questions instead. {problem}"
        ).format(customer=customer_id, problem=saved.error.advice())
    done = sum(1 for value in saved.values().values() if value and value.strip())
    text = _(
        "In JupyterLab a form shows here: a box per section, saved as you type in {file}."
    ).format(file=forms._shown_path(saved.path))
    return (
        text
        + " "
        + _("The team has written {done} of the 5 sections for {customer}.").format(
            done=formats.number(done, language), customer=customer_id
        )
    )


def file_names_in_words(ids: list[str], names, language: str) -> str:
    """The HTML file names the accounts' documents get, one a line."""
    if not ids:
        return translator(language).gettext("No accounts, so no documents.")
    return "\n".join(
        "vision/" + document_name(cid, names.get(cid, cid), language) + ".html" for cid in ids
    )


def key_accounts_in_words(ids: list[str], largest: str | None, names, language: str) -> str:
    """Which accounts get a document, and which one the worked example uses."""
    _ = translator(language).gettext
    t = translator(language)
    if not ids:
        text = _(
            "Notebook 02 finds no key accounts in this data: `workbook run` writes documents "
            "only for the accounts your team has written a vision for."
        )
    else:
        text = t.ngettext(
            "Notebook 02 finds {count} key account: {names}.",
            "Notebook 02 finds {count} key accounts: {names}.",
            len(ids),
        ).format(
            count=formats.number(len(ids), language),
            names=", ".join(str(names.get(i, i)) for i in ids),
        )
        text += " " + _(
            "`workbook run` writes a customer-vision document for each of them, and for every "
            "account your team has written a vision for, into vision/."
        )
    if largest is not None:
        name = names.get(largest, largest)
        if largest in ids:
            example = _("The worked example below uses the largest account, {name}.")
        else:
            example = _(
                "The worked example below uses the largest account, {name} (not a key account: "
                "its potential is low in notebook 02)."
            )
        text += "\n" + example.format(name=name)
    return text
