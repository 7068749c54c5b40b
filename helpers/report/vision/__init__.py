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

The package: :mod:`.texts` (sections, words, answer files), :mod:`.facts`, :mod:`.document`,
:mod:`.batch` (many accounts) and :mod:`.notebook` (what notebook 06 shows).

>>> docs = write_documents(load_company(), as_of, out / "vision", "fi")  # doctest: +SKIP
"""

from helpers.report.vision.batch import (
    accounts_to_document,
    accounts_with_texts,
    build_documents,
    document_name,
    documents_in_words,
    links_html,
    unknown_accounts,
    write_documents,
)
from helpers.report.vision.document import (
    STYLE,
    Line,
    Part,
    VisionDocument,
)
from helpers.report.vision.facts import (
    AccountFacts,
    account_facts,
    add_notebook_facts,
    commitment_cells,
    key_accounts,
    largest_account,
    notebook_facts,
)
from helpers.report.vision.notebook import (
    account_revenue_by_year,
    accounts_table,
    file_names_in_words,
    form_in_words,
    key_accounts_in_words,
    revenue_title,
    sections_written,
)
from helpers.report.vision.texts import (
    COMMITMENT_NAMES,
    DOMAIN,
    FIELDS,
    LEGAL_FORMS,
    LEVEL_NAMES,
    N_,
    SATISFACTION_WORDS,
    SECTIONS,
    SEGMENT_NAMES,
    TOP_PRODUCTS,
    TOPIC,
    WINDOW_DAYS,
    MissingTranslation,
    Section,
    answer_file,
    answers,
    translator,
    vision_form,
)

__all__ = [
    "DOMAIN",
    "TOPIC",
    "WINDOW_DAYS",
    "TOP_PRODUCTS",
    "N_",
    "MissingTranslation",
    "translator",
    "Section",
    "SECTIONS",
    "FIELDS",
    "SEGMENT_NAMES",
    "LEVEL_NAMES",
    "COMMITMENT_NAMES",
    "SATISFACTION_WORDS",
    "answer_file",
    "answers",
    "vision_form",
    "LEGAL_FORMS",
    "AccountFacts",
    "account_facts",
    "add_notebook_facts",
    "notebook_facts",
    "commitment_cells",
    "key_accounts",
    "largest_account",
    "Line",
    "Part",
    "VisionDocument",
    "STYLE",
    "document_name",
    "build_documents",
    "accounts_with_texts",
    "accounts_to_document",
    "unknown_accounts",
    "write_documents",
    "documents_in_words",
    "links_html",
    "sections_written",
    "accounts_table",
    "account_revenue_by_year",
    "revenue_title",
    "form_in_words",
    "file_names_in_words",
    "key_accounts_in_words",
]
