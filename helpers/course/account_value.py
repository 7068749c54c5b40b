"""What notebook 03 shows that is not a table or a sentence: the scoring form.

The levels, the answer files and the scores are :mod:`helpers.analysis.account_value`;
the sentences and tables about them :mod:`helpers.words.account_value`.
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis.account_value import FIELDS, KEY, TOPIC
from helpers.course import forms
from helpers.language import Language


def scores_form(
    company_folder,
    member: str,
    accounts: list[str],
    names: pd.Series | None,
    describe: dict | None,
    lang: Language,
):
    """The scoring form for one member, or None (with a sentence) in a batch run.

    One block per account: four 1–5 buttons and a note, each saved at once in
    ``answers/account-values/<member>.csv``; ``describe`` (customer_id → a line of facts,
    ``words.account_value.describe_accounts``) goes under each account's name.

    Example: ``scores_form(wb.company.folder, "Aino", accounts, names, facts, wb.lang)``
    """
    path = forms.member_file(company_folder, TOPIC, member)
    table = forms.AnswerTable(path, key=KEY, fields=FIELDS)
    rows = {i: (str(names.get(i, i)) if names is not None else i) for i in accounts}
    return forms.show(
        lambda: forms.table_form(table, rows=rows, describe=describe, lang=lang),
        batch_text=lang._(
            "The scoring form shows here when you open the notebook in JupyterLab; your scores "
            "go to answers/{topic}/{file}.csv. Below: the scores saved so far."
        ).format(topic=TOPIC, file=forms.member_slug(member)),
    )
