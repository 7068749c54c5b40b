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
the document's :class:`helpers.language.Language` (its messages are in
``helpers/language/locale/<fi|sv>/LC_MESSAGES/vision.po``); what the team typed is shown
as typed. Everything
that comes from the user or the data (names, products, typed text) is HTML-escaped.

The team's texts live in ``<company>/answers/visions/<customer_id>.toml``, one file
per account, keys ``current_state``, ``development_plan``, ``shared_vision``,
``communication``, ``follow_up`` (see ``data/README.md``), written by the form of
notebook 06 (:mod:`helpers.course.vision`) or by hand.

The package: :mod:`.texts` (sections, words, answer files), :mod:`.facts`, :mod:`.document`
and :mod:`.batch` (many accounts); what notebook 06 shows is :mod:`helpers.course.vision`.

>>> docs = write_documents(load_company(), as_of, out / "vision", Language("fi"))  # doctest: +SKIP
"""

from helpers.company.answers.visions import (
    LEGAL_FORMS,
    TOPIC,
    accounts_with_texts,
    answer_file,
    slug,
)
from helpers.report.vision.batch import (
    accounts_to_document,
    build_documents,
    document_name,
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
    largest_account,
    notebook_facts,
)
from helpers.report.vision.texts import (
    COMMITMENT_NAMES,
    FIELDS,
    LEVEL_NAMES,
    SATISFACTION_WORDS,
    SECTIONS,
    SEGMENT_NAMES,
    TOP_PRODUCTS,
    Section,
    answers,
)

__all__ = [
    "TOPIC",
    "TOP_PRODUCTS",
    "Section",
    "SECTIONS",
    "FIELDS",
    "SEGMENT_NAMES",
    "LEVEL_NAMES",
    "COMMITMENT_NAMES",
    "SATISFACTION_WORDS",
    "answer_file",
    "answers",
    "slug",
    "LEGAL_FORMS",
    "AccountFacts",
    "account_facts",
    "add_notebook_facts",
    "notebook_facts",
    "commitment_cells",
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
    "links_html",
]
