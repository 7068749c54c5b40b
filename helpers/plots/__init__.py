"""Plots, one module per topic; each function takes ``ax=`` and returns the axes.

>>> from helpers import plots
>>> plots.pricing.plot_price_index_by_tenure(table, lang=wb.lang)  # doctest: +SKIP
"""

from helpers.plots import (
    account_value,
    advantage,
    common,
    concentration,
    freshness,
    loyalty,
    overview,
    plan,
    pricing,
    segmentation,
    still_buying,
    vision,
)

__all__ = [
    "account_value",
    "advantage",
    "common",
    "concentration",
    "freshness",
    "loyalty",
    "overview",
    "plan",
    "pricing",
    "segmentation",
    "still_buying",
    "vision",
]
