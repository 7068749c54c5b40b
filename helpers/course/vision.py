"""What notebook 06 shows: the form for an account's texts, the accounts' table, the
written sections, the example account's revenue, the contact map's form and overview, how
ready each account is for a vision, and the sentences around them.

The documents themselves are :mod:`helpers.report.vision`.
"""

from __future__ import annotations

import html
import math

import pandas as pd

from helpers.analysis.overview import revenue_by_year
from helpers.analysis.windows import in_window
from helpers.company.answers.visions import (
    CONTACT_FIELDS,
    STRENGTH_HIGH,
    STRENGTH_WORDS,
    contacts_table,
    read_contacts,
)
from helpers.course import forms
from helpers.language import MISSING, Language
from helpers.report.vision import (
    SATISFACTION_WORDS,
    SECTIONS,
    account_facts,
    answers,
    document_name,
)
from helpers.words.plan import names_in_words

READY_TENURE_YEARS = 1  # a year of working together before a vision (text 003)
FALLING_FROM = -0.25  # revenue down by more than a quarter: ask what happened first
SATISFIED_FROM = 4  # the latest answer at least "satisfied" …
SURVEY_MONTHS = 24  # … when it is recent enough to count
READY, NEW, NOT_BUYING, FALLING, UNHAPPY = "ready", "new", "not_buying", "falling", "unhappy"
BLANK_ROWS = 3  # empty lines the contact form offers below the links saved so far

# --- the form -----------------------------------------------------------------------------


def vision_form(company_folder, customer_id: str, lang: Language):
    """The form for one account: a box per section, saved at once (notebook 06)."""
    import ipywidgets as w

    text = answers(company_folder, customer_id)
    items = [forms.status_line(text, lang=lang)]
    for number, section in enumerate(SECTIONS, start=1):
        widget = forms.widget_for(text, section.key, lang=lang)
        widget.add_class(f"answer-{section.key}")
        widget.placeholder = " ".join(lang._(q) for q in section.questions)
        items.append(w.HTML(f"<b>{number}. {html.escape(lang._(section.heading))}</b>"))
        items.append(widget)
    return w.VBox(items)


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


def accounts_table(company, as_of: pd.Timestamp, ids: list[str], lang: Language) -> pd.DataFrame:
    """The accounts to write a vision for, for reading: name, customer since, revenue of the
    last 12 months and its change, the latest satisfaction answer, how many of the five
    sections the team has written.

    Headers and values are in the language ``lang`` (``wb.lang``).
    """
    _ = lang._
    facts = account_facts(company, as_of, ids)
    written = sections_written(company.folder, ids)
    columns = [
        _("name"),
        _("customer since"),
        _("revenue, last 12 months"),
        _("change on the 12 months before"),
        _("satisfaction, latest answer"),
        _("sections written"),
    ]
    rows = []
    for cid, f in facts.items():
        change = f.revenue_change
        done = written[cid]
        satisfaction = (
            MISSING
            if f.satisfaction is None
            else _("{score} of 5, {words} ({date})").format(
                score=lang.number(f.satisfaction),
                words=_(SATISFACTION_WORDS[int(f.satisfaction)]),
                date=lang.date(f.satisfaction_date),
            )
        )
        rows.append(
            [
                cid,
                f.name,
                lang.date(f.first_invoice),
                lang.money(f.revenue_12m),
                MISSING if change is None else lang.signed_percent(change),
                satisfaction,
                _("unreadable") if math.isnan(done) else _("{done} of 5").format(done=int(done)),
            ]
        )
    frame = pd.DataFrame(rows, columns=["customer_id", *columns])
    return frame.set_index("customer_id")


def account_revenue_by_year(invoices: pd.DataFrame, as_of: pd.Timestamp, customer_id: str):
    """One account's revenue per calendar year up to as_of (for the notebook's bar plot)."""
    return revenue_by_year(invoices.loc[invoices["customer_id"] == customer_id], as_of)


def revenue_title(name: str, lang: Language) -> str:
    """The plot title: 'Rakennus Lahtinen Oy: revenue per year', in the language."""
    return lang._("{name}: revenue per year").format(name=name)


def form_in_words(company_folder, customer_id: str, lang: Language) -> str:
    """What the form does and where the text goes: the line a batch run prints instead."""
    _ = lang._
    saved = answers(company_folder, customer_id)
    if saved.error is not None:
        return _(
            "The team's texts for {customer} can't be read, so the document asks the guiding "
            "questions instead. {problem}"
        ).format(customer=customer_id, problem=saved.error.advice())
    done = sum(1 for value in saved.values().values() if value and value.strip())
    text = _(
        "In JupyterLab a form shows here: a box per section, saved as you type in {file}."
    ).format(file=forms.shown_path(saved.path))
    return (
        text
        + " "
        + _("The team has written {done} of the 5 sections for {customer}.").format(
            done=lang.number(done), customer=customer_id
        )
    )


def file_names_in_words(ids: list[str], names, lang: Language) -> str:
    """The HTML file names the accounts' documents get, one a line."""
    if not ids:
        return lang._("No accounts, so no documents.")
    return "\n".join(
        "vision/" + document_name(cid, names.get(cid, cid), lang.code) + ".html" for cid in ids
    )


def key_accounts_in_words(ids: list[str], largest: str | None, names, lang: Language) -> str:
    """Which accounts get a document (the plan's ``write_vision``), and which one the worked
    example uses."""
    _ = lang._
    if not ids:
        text = _(
            "The plan has no account to write a customer vision for: no key account in "
            "notebook 02, and your team has written no vision yet."
        )
    else:
        text = lang.plural(
            "The plan writes a customer vision with {count} account: {names}.",
            "The plan writes a customer vision with {count} accounts: {names}.",
            len(ids),
        ).format(
            count=lang.number(len(ids)),
            names=names_in_words([names.get(i, i) for i in ids], lang),
        )
        text += " " + _(
            "They are the accounts your team has written a vision for, then the key accounts "
            "of notebook 02, at most as many as your team can look after (max_key_accounts). "
            "`workbook run` writes a document for each of them into vision/."
        )
    if largest is not None:
        name = names.get(largest, largest)
        if largest in ids:
            example = _("The worked example below uses the largest account, {name}.")
        else:
            example = _(
                "The worked example below uses the largest account, {name} (the plan gives it "
                "another step: see notebook 07)."
            )
        text += "\n" + example.format(name=name)
    return text


# --- which account first: is the cooperation already working? ----------------------------


def vision_readiness(company, as_of: pd.Timestamp, ids: list[str]) -> pd.DataFrame:
    """Whether each account is ready for a customer vision, by text 003's rule: make one when
    the cooperation already works (after a first project, with both sides content).

    Ready means, on the data: a customer for at least :data:`READY_TENURE_YEARS` whole year,
    buying in the last 12 months, revenue not down by more than a quarter on the 12 months
    before (:data:`FALLING_FROM`), and the latest satisfaction answer, when one is at most
    :data:`SURVEY_MONTHS` months old, at least 4 of 5. ``status`` is the first rule that
    fails (:data:`NEW`, :data:`NOT_BUYING`, :data:`FALLING`, :data:`UNHAPPY`) or
    :data:`READY`.

    Out: DataFrame indexed by ``customer_id`` (in the order of ``ids``) with ``name``,
    ``tenure_years``, ``revenue_12m``, ``revenue_change`` (NaN: nothing the year before),
    ``satisfaction`` (the recent answer, NaN: none), ``sections_written``, ``status``.
    """
    facts = account_facts(company, as_of, ids)
    written = sections_written(company.folder, list(ids))
    oldest = as_of - pd.DateOffset(months=SURVEY_MONTHS)
    rows = {}
    for cid, f in facts.items():
        recent = f.satisfaction is not None and f.satisfaction_date >= oldest
        change = math.nan if f.revenue_change is None else f.revenue_change
        satisfaction = float(f.satisfaction) if recent else math.nan
        tenure = math.nan if f.tenure_years is None else f.tenure_years
        if not tenure >= READY_TENURE_YEARS:
            status = NEW
        elif not (f.revenue_12m or 0) > 0:
            status = NOT_BUYING
        elif change < FALLING_FROM:
            status = FALLING
        elif satisfaction < SATISFIED_FROM:
            status = UNHAPPY
        else:
            status = READY
        rows[cid] = {
            "name": f.name,
            "tenure_years": tenure,
            "revenue_12m": f.revenue_12m if f.revenue_12m is not None else math.nan,
            "revenue_change": change,
            "satisfaction": satisfaction,
            "sections_written": written[cid],
            "status": status,
        }
    columns = [
        "name",
        "tenure_years",
        "revenue_12m",
        "revenue_change",
        "satisfaction",
        "sections_written",
        "status",
    ]
    frame = pd.DataFrame.from_dict(rows, orient="index", columns=columns)
    frame.index.name = "customer_id"
    return frame


def revenue_share_12m(invoices: pd.DataFrame, as_of: pd.Timestamp, customer_id: str) -> float:
    """The account's share of all revenue in the last 12 months (NaN when that revenue is not
    positive): how much of the firm hangs on it (text 000's dependence).

    >>> lines = pd.DataFrame({"customer_id": ["A", "B", "A"], "amount": [300.0, 100.0, 50.0],
    ...     "date": pd.to_datetime(["2025-03-01", "2025-04-01", "2023-01-01"])})
    >>> revenue_share_12m(lines, pd.Timestamp("2025-12-31"), "A")  # 300 of 400
    0.75
    """
    recent = in_window(invoices.loc[invoices["date"] <= as_of], as_of)
    total = float(recent["amount"].sum())
    if not total > 0:
        return math.nan
    return float(recent.loc[recent["customer_id"] == customer_id, "amount"].sum()) / total


# --- the contact map: who knows whom at the account (text 003) ----------------------------


def contact_form(company_folder, customer_id: str, lang: Language, blank_rows: int = BLANK_ROWS):
    """The contact map's form for one account: a line per link (our person, their person,
    their role, how well the two know each other, what the contact opens), each box saved at
    once in ``answers/contacts/<customer_id>.csv``; a button adds a line."""
    import ipywidgets as w

    _ = lang._
    table = contacts_table(company_folder, customer_id)
    labels = {f.name: _(f.label) for f in CONTACT_FIELDS}
    widths = {"ours": "9em", "theirs": "11em", "role": "10em", "strength": "17em", "note": "14em"}

    def line(key: str):
        boxes = []
        for field in CONTACT_FIELDS:
            if field.name == "strength":
                options = [(forms.NOT_ANSWERED, None)] + [
                    (f"{n} {_(words)}", n) for n, words in STRENGTH_WORDS.items()
                ]
                widget = w.ToggleButtons(options=options, value=None, tooltips=[])
                widget.style.button_width = "auto"
                forms.bind(widget, table, "strength", row=key, lang=lang)
            else:
                widget = forms.widget_for(table, field.name, row=key, lang=lang)
                widget.placeholder = labels[field.name]
            widget.layout.width = widths[field.name]
            widget.add_class(f"answer-{key}-{field.name}")
            boxes.append(widget)
        return w.HBox(boxes)

    saved = [key for key in table.keys()]
    numbers = [int(key) for key in saved if str(key).isdigit()]
    following = max(numbers, default=0) + 1
    keys = saved + [str(following + n) for n in range(blank_rows)]
    header = w.HBox(
        [w.HTML(f"<b>{html.escape(labels[f.name])}</b>") for f in CONTACT_FIELDS],
    )
    for label, field in zip(header.children, CONTACT_FIELDS, strict=True):
        label.layout.width = widths[field.name]
    lines = w.VBox([line(key) for key in keys])
    more = w.Button(description=_("Add a line"), icon="plus")

    def add(_button):
        taken = [int(k) for k in keys if str(k).isdigit()]
        key = str(max(taken, default=0) + 1)
        keys.append(key)
        lines.children = (*lines.children, line(key))

    more.on_click(add)
    return w.VBox([forms.status_line(table, lang=lang), header, lines, more])


def contact_form_in_words(company_folder, customer_id: str, lang: Language) -> str:
    """What the contact form does and where it saves: the line a batch run prints instead."""
    _ = lang._
    links, problem = read_contacts(company_folder, customer_id)
    if problem is not None:
        return _(
            "The contact map of {customer} can't be read, so it is left out. {problem}"
        ).format(customer=customer_id, problem=problem.advice())
    text = _(
        "In JupyterLab a form shows here: a line per link between one of your people and one "
        "of theirs, saved as you type in {file}."
    ).format(file=forms.shown_path(contacts_table(company_folder, customer_id).path))
    count = lang.plural(
        "The map of {customer} has {count} link so far.",
        "The map of {customer} has {count} links so far.",
        len(links),
    ).format(customer=customer_id, count=lang.number(len(links)))
    return f"{text} {count}"


def contact_map(company_folder, customer_id: str, lang: Language) -> pd.DataFrame:
    """The account's links to draw; a file that can't be read is named (printed) and its map
    left empty, the file kept as it is."""
    links, problem = read_contacts(company_folder, customer_id)
    if problem is not None:
        print(
            lang._(
                "The contact map of {customer} can't be read, so it is left out. {problem}"
            ).format(customer=customer_id, problem=problem.advice())
        )
    return links


def contact_counts(company_folder, ids: list[str]) -> pd.DataFrame:
    """Per account: how many of its people the map names (``theirs``), how many of ours know
    them (``ours``), the links of trust (``trusted``, strength 3) and whether the file could
    be read (``readable``). No map (or an unreadable one) counts as nobody known.

    ``theirs`` under 2 is an account with **no second contact**: when that one person
    leaves or changes jobs, the relationship starts again from nothing.
    """
    rows = {}
    for cid in ids:
        links, problem = read_contacts(company_folder, cid)
        rows[cid] = {
            "theirs": int(links["theirs"].nunique()),
            "ours": int(links["ours"].nunique()),
            "trusted": int((links["strength"] == STRENGTH_HIGH).sum()),
            "readable": problem is None,
        }
    frame = pd.DataFrame.from_dict(
        rows, orient="index", columns=["theirs", "ours", "trusted", "readable"]
    )
    frame.index.name = "customer_id"
    return frame.astype({"theirs": int, "ours": int, "trusted": int, "readable": bool})


def no_second_contact(counts: pd.DataFrame) -> pd.Index:
    """The accounts of :func:`contact_counts` where the map names fewer than two people."""
    return counts.index[counts["theirs"] < 2]


def contacts_overview(counts: pd.DataFrame, names, lang: Language) -> pd.DataFrame:
    """:func:`contact_counts` for reading: the account's name, people there, ours who know
    them, links of trust, and whether it hangs on one person."""
    _ = lang._
    verdict = pd.Series(_("no"), index=counts.index, dtype=object)
    verdict[counts["theirs"] < 2] = _("yes: one person at most")
    verdict[counts["theirs"] == 0] = _("no map yet")
    verdict[~counts["readable"]] = _("unreadable")
    out = pd.DataFrame(index=counts.index.rename(_("customer")))
    out[_("name")] = [str(names.get(cid, cid)) for cid in counts.index]
    out[_("people there")] = counts["theirs"].map(lang.number).to_numpy()
    out[_("ours who know them")] = counts["ours"].map(lang.number).to_numpy()
    out[_("links of trust")] = counts["trusted"].map(lang.number).to_numpy()
    out[_("hangs on one person?")] = verdict.to_numpy()
    return out


def contacts_in_words(counts: pd.DataFrame, names, lang: Language) -> str:
    """How many of the accounts have no second contact, by name."""
    _ = lang._
    if counts.empty:
        return _("There is no account to map.")
    thin = no_second_contact(counts)
    if len(thin) == 0:
        return _(
            "Every one of these accounts has at least two people you know there: no single "
            "job change cuts you off."
        )
    return lang.plural(
        "{count} of the {total} accounts has no second contact written down: {names}. "
        "Where one person carries the relationship, it leaves when that person does.",
        "{count} of the {total} accounts have no second contact written down: {names}. "
        "Where one person carries the relationship, it leaves when that person does.",
        len(thin),
    ).format(
        count=lang.number(len(thin)),
        total=lang.number(len(counts)),
        names=names_in_words([names.get(cid, cid) for cid in thin], lang),
    )
