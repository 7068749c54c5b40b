"""Documents for many accounts: file names, which accounts get one, writing them all,
and the links to them on the report's front page."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pandas as pd

from helpers.analysis.plan import company_plan, vision_accounts
from helpers.company.answers.visions import read_contacts, slug
from helpers.company.choices import read_choices
from helpers.language import Language
from helpers.report.vision.document import VisionDocument
from helpers.report.vision.facts import (
    account_facts,
    add_notebook_facts,
    notebook_facts,
)
from helpers.report.vision.texts import answers

# --- documents for many accounts ---------------------------------------------------------


def document_name(customer_id: str, name: str, language: str, for_customer: bool = False) -> str:
    """The file stem: ``vision-C0012-rakennus-lahtinen.fi`` (id kept, name slugged);
    the customer's copy ends ``-for-customer.fi``.

    Files sort by customer id; the name makes them recognisable. An id or name with
    characters a file name can't hold is slugged.
    """
    cid = str(customer_id)
    cid_part = cid if re.fullmatch(r"[A-Za-z0-9_-]+", cid) else slug(cid) or "customer"
    name_part = slug(name) if str(name) != cid else ""
    if name_part and name_part.lower() == cid_part.lower():
        name_part = ""
    stem = f"vision-{cid_part}" + (f"-{name_part}" if name_part else "")
    return f"{stem}{'-for-customer' if for_customer else ''}.{language}"


def build_documents(
    company,
    as_of: pd.Timestamp,
    ids: list[str],
    lang: Language,
    *,
    include_texts: bool = True,
    with_notebook_facts: bool = True,
    for_customer: bool = False,
) -> list[VisionDocument]:
    """A document per account in ``ids`` (in that order): facts, the team's texts.

    ``include_texts=False`` (pseudonymised runs) leaves the typed text and the contact
    map out: they name people. ``for_customer``: the copy to hand over, without the
    internal lines (the contact map among them). An unreadable answer file is reported in
    the document (file, line, what is wrong) and its texts left out; the file itself is
    never changed.
    """
    facts = account_facts(company, as_of, ids)
    if with_notebook_facts and facts:
        facts = add_notebook_facts(facts, **notebook_facts(company, as_of, ids))
    documents = []
    for cid in ids:
        texts, note = {}, None
        contacts, contacts_note = None, None
        if not include_texts:
            note = lang._("The team's own texts are left out of pseudonymised documents.")
        else:
            saved = answers(company.folder, cid)
            if saved.error is not None:
                note = lang._("The team's texts could not be read: {problem}").format(
                    problem=str(saved.error)
                )
            else:
                texts = saved.values()
            contacts, problem = read_contacts(company.folder, cid)
            if problem is not None:
                contacts_note = lang._("could not be read: {problem}").format(problem=str(problem))
        documents.append(
            VisionDocument(
                facts[cid],
                lang,
                as_of,
                company.name,
                texts=texts,
                texts_note=note,
                for_customer=for_customer,
                contacts=contacts,
                contacts_note=contacts_note,
            )
        )
    return documents


def accounts_to_document(company, as_of: pd.Timestamp) -> list[str]:
    """What ``workbook run`` documents: the plan's ``write_vision`` accounts, with the
    company's choices (the accounts the team has written a vision for, then the key
    accounts, up to ``max_key_accounts``), in the order the team takes them."""
    plan = company_plan(company, as_of, read_choices(company.folder))
    return vision_accounts(plan)


def unknown_accounts(company, ids: list[str]) -> list[str]:
    """The ids that have no invoice line in the company (to report, not to document)."""
    known = set(company.invoices["customer_id"].astype(str).unique())
    return [i for i in ids if str(i) not in known]


def write_documents(
    company,
    as_of: pd.Timestamp,
    out_dir,
    lang: Language,
    accounts: list[str] | None = None,
    *,
    include_texts: bool = True,
    for_customer: bool = False,
) -> list[tuple[str, Path]]:
    """Write ``vision-<id>-<name>.<language>.html`` and ``.md`` per account into ``out_dir``
    (``for_customer``: the copies to hand over, ``…-for-customer.<language>.html``).

    ``accounts`` None = :func:`accounts_to_document` (the plan's ``write_vision``
    accounts). Returns (customer name, HTML file) per account,
    sorted by file name (the customer id first).
    """
    if accounts is None:
        accounts = accounts_to_document(company, as_of)
    ids = [str(a) for a in accounts]
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written, used = [], set()
    language = lang.code
    documents = build_documents(
        company, as_of, ids, lang, include_texts=include_texts, for_customer=for_customer
    )
    for document in documents:
        stem = document_name(
            document.facts.customer_id, document.facts.name, language, for_customer
        )
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


def links_html(written: list[tuple[str, Path]], out_dir: Path, lang: Language) -> str:
    """The index page's section linking every document (relative links, all escaped)."""
    if not written:
        return ""
    items = "\n".join(
        f"<li><a href='{html.escape(path.relative_to(out_dir).as_posix())}'>"
        f"{html.escape(name)}</a> <span class='small'>("
        f"<a href='{html.escape(path.with_suffix('.md').relative_to(out_dir).as_posix())}'>"
        "Markdown</a>)</span></li>"
        for name, path in written
    )
    heading = lang._("Customer-vision documents")
    about = lang._(
        "One per key account, and one per account your team has written a vision for: "
        "print them and take them to a meeting with the customer."
    )
    return f"<h2>{html.escape(heading)}</h2>\n<p>{html.escape(about)}</p>\n<ol>\n{items}\n</ol>"
