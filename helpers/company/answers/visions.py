"""Which accounts the team has written a customer vision for: ``answers/visions/<id>.toml``.

The texts themselves are read by :mod:`helpers.report.vision` (their sections) and written
by notebook 06's form; here only where each file lives, and which accounts have one.

>>> slug("Rakennus Lähtinen Oy"), answer_file("x", "C 1").name
('rakennus-lahtinen', 'c-1.toml')
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pandas as pd

from helpers.company.answers.files import answers_dir

TOPIC = "visions"  # answers/visions/<customer_id>.toml


def answer_file(company_folder, customer_id: str) -> Path:
    """``answers/visions/<customer_id>.toml`` (an id unsafe in a file name is slugged)."""
    cid = str(customer_id)
    stem = cid if re.fullmatch(r"[\w.-]+", cid) and not cid.startswith(".") else slug(cid)
    return answers_dir(company_folder) / TOPIC / f"{stem or 'customer'}.toml"


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
