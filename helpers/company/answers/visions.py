"""Which accounts the team has written a customer vision for: ``answers/visions/<id>.toml``;
and who knows whom at each account: the contact map, ``answers/contacts/<id>.csv``.

The texts themselves are read by :mod:`helpers.report.vision` (their sections) and written
by notebook 06's form; here only where each file lives, and which accounts have one.

The contact map (text 003: the *contact value* of an account, the network it opens) is a
table: one row per link between one of our people and one of the customer's, with their
role and how well the two know each other (1–3). It is saved like every answer file: at
once, atomically, under a lock, and a file that can't be read is reported and kept as it is
(:class:`helpers.company.answers.AnswerTable`).

>>> slug("Rakennus Lähtinen Oy"), answer_file("x", "C 1").name
('rakennus-lahtinen', 'c-1.toml')
>>> contacts_file("x", "C0033").as_posix()
'x/answers/contacts/C0033.csv'
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pandas as pd

from helpers.company.answers.fields import AnswerFileError, Scale, Text
from helpers.company.answers.files import AnswerTable, answers_dir
from helpers.language import N_

TOPIC = "visions"  # answers/visions/<customer_id>.toml
CONTACTS = "contacts"  # answers/contacts/<customer_id>.csv: who knows whom
CONTACT_KEY = "link"  # a row's number: 1, 2, 3 …
STRENGTH_LOW, STRENGTH_HIGH = 1, 3  # 1 know each other by name, 2 work together, 3 trust
CONTACT_FIELDS = [  # labels translated where the form shows them
    Text("ours", N_("Our person")),
    Text("theirs", N_("Their person")),
    Text("role", N_("Their role")),
    Scale("strength", STRENGTH_LOW, STRENGTH_HIGH, N_("How well they know each other")),
    Text("note", N_("What this contact opens")),
]
CONTACT_COLUMNS = [f.name for f in CONTACT_FIELDS]
STRENGTH_WORDS = {  # how well the two know each other (translated where shown)
    1: N_("know each other by name"),
    2: N_("work together"),
    3: N_("trust each other"),
}


def _stem(customer_id: str) -> str:
    """The file-name form of an id: as it is when safe, else slugged."""
    cid = str(customer_id)
    stem = cid if re.fullmatch(r"[\w.-]+", cid) and not cid.startswith(".") else slug(cid)
    return stem or "customer"


def answer_file(company_folder, customer_id: str) -> Path:
    """``answers/visions/<customer_id>.toml`` (an id unsafe in a file name is slugged)."""
    return answers_dir(company_folder) / TOPIC / f"{_stem(customer_id)}.toml"


def contacts_file(company_folder, customer_id: str) -> Path:
    """``answers/contacts/<customer_id>.csv`` (an id unsafe in a file name is slugged)."""
    return answers_dir(company_folder) / CONTACTS / f"{_stem(customer_id)}.csv"


def contacts_table(company_folder, customer_id: str) -> AnswerTable:
    """The account's contact map as an answer file (read here, written by notebook 06's form
    or by hand): rows by ``link``, columns ``ours``, ``theirs``, ``role``, ``strength``,
    ``note``."""
    return AnswerTable(contacts_file(company_folder, customer_id), CONTACT_KEY, CONTACT_FIELDS)


def read_contacts(company_folder, customer_id: str) -> tuple[pd.DataFrame, AnswerFileError | None]:
    """The account's links with a person on both sides, and the file's problem (or None).

    Out: DataFrame with ``ours``, ``theirs``, ``role`` ('' when not given), ``strength``
    (1–3, or None when not given) and ``note``, in the file's order; names stripped. A
    row with only one side filled in is not a link yet and is left out. A file that can't
    be read gives an empty frame and its problem (the file is not touched).

    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> table = contacts_table(folder, "C1")
    >>> table.set("1", "ours", "Mikko"), table.set("1", "theirs", " Sari "), table.set(
    ...     "2", "ours", "Aino")
    (True, True, True)
    >>> frame, problem = read_contacts(folder, "C1")
    >>> frame[["ours", "theirs"]].values.tolist(), problem
    ([['Mikko', 'Sari']], None)
    """
    table = contacts_table(company_folder, customer_id)
    if table.error is not None:
        return pd.DataFrame(columns=CONTACT_COLUMNS), table.error
    frame = table.frame().reindex(columns=CONTACT_COLUMNS)
    for column in ("ours", "theirs", "role", "note"):
        frame[column] = frame[column].fillna("").astype(str).str.strip()
    # a few rows a map: whole numbers, None where not given (not 2.0 and NaN)
    frame["strength"] = pd.Series(
        [None if pd.isna(v) else int(v) for v in frame["strength"]], index=frame.index, dtype=object
    )
    linked = (frame["ours"] != "") & (frame["theirs"] != "")
    return frame.loc[linked].reset_index(drop=True), None


def accounts_with_texts(company) -> list[str]:
    """The accounts with an answer file in ``answers/visions/`` and invoices, by id."""
    folder = answers_dir(company.folder) / TOPIC
    if not folder.is_dir():
        return []
    files = {path.name for path in folder.glob("*.toml")}
    if not files:
        return []
    # one name per id (the answer file's), compared with the few files there are: no
    # look at the disk per customer
    ids = pd.Series(sorted(company.invoices["customer_id"].astype(str).unique()), dtype=object)
    plain = ids.str.fullmatch(r"[\w.-]+") & ~ids.str.startswith(".")  # named as they are
    names = ids.where(~plain, ids + ".toml")
    odd = ~plain  # slugged by answer_file (rare: spaces, slashes …)
    names[odd] = [answer_file(company.folder, cid).name for cid in ids[odd]]
    return ids[names.isin(files)].tolist()


def slug(text: str, limit: int = 40) -> str:
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
