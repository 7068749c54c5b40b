"""In words: retention by cohort (notebook 05).

>>> from helpers.language import Language
>>> retention_in_words(0.75, Language("en"))[-54:]
'bought again in the last 12 months, and 25.0% did not.'
"""

from __future__ import annotations

from helpers.analysis.freshness import DATA_STARTS_INSIDE_WINDOW
from helpers.language import Language
from helpers.words.freshness import reason_in_words


def retention_in_words(retention: float, lang: Language, reason: str | None = None) -> str:
    """Retention of the last 12 months (``freshness.retention_12m``) as a sentence, or why it
    can't be measured (``reason``: ``freshness.retention_12m_reason``)."""
    _ = lang._
    if retention != retention and reason == DATA_STARTS_INSIDE_WINDOW:
        return _("Retention is left out: {reason}. It needs two years of invoices.").format(
            reason=reason_in_words(reason, lang)
        )
    if retention != retention:
        return _(
            "Nobody bought in the 12 months before the last 12, so retention can't be "
            "measured yet: it needs two years of invoices."
        )
    return _(
        "Of the customers who bought in the 12 months before the last 12, {kept} bought "
        "again in the last 12 months, and {lost} did not."
    ).format(kept=lang.percent(retention), lost=lang.percent(1 - retention))
