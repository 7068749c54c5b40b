"""The sentences and tables that explain the analyses to a reader, one module per topic.

The analyses (``helpers.analysis``) return frames, series and numbers only; the words
about them live here, a floor above, beside the plots: findings as plain sentences,
tables with readable headers and locale numbers, the reasons in lists. Every function
takes the reader's :class:`helpers.language.Language` (``wb.lang`` in a notebook) and
writes in it.

>>> from helpers import words
>>> print(words.pareto.pareto_in_words(figures, wb.lang))  # doctest: +SKIP
"""

from helpers.words import (
    account_value,
    advantage,
    choices,
    cohorts,
    commitment,
    concentration,
    freshness,
    keep_and_win,
    lifetime_value,
    overview,
    ownership,
    pareto,
    plan,
    pricing,
    profit_spread,
    profitability,
    satisfaction,
    segment_lists,
    segmentation,
    shortlist,
    sources,
    still_buying,
)

__all__ = [
    "account_value",
    "advantage",
    "choices",
    "cohorts",
    "commitment",
    "concentration",
    "freshness",
    "keep_and_win",
    "lifetime_value",
    "overview",
    "ownership",
    "pareto",
    "plan",
    "pricing",
    "profit_spread",
    "profitability",
    "satisfaction",
    "segment_lists",
    "segmentation",
    "shortlist",
    "sources",
    "still_buying",
]
