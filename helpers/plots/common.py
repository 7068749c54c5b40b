"""What every plot module shares: the figure size, a fresh Axes, money on an axis.

Each topic has its own module (``pricing``, ``freshness``, ``concentration``,
``overview``, …). Each function takes a table made by the analysis module of the
same name, draws on ``ax`` (a new 7 × 4 inch figure when ``ax`` is None) and
returns the matplotlib Axes. Nothing is shown or saved here: the notebook decides.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
from babel.numbers import format_compact_currency, format_compact_decimal
from matplotlib.axes import Axes
from matplotlib.ticker import FuncFormatter, MaxNLocator

from helpers.language import Language

FIGSIZE = (7, 4)


def axes(ax: Axes | None) -> Axes:
    """``ax`` itself, or a new Axes of the standard size."""
    if ax is None:
        _, ax = plt.subplots(figsize=FIGSIZE)
    return ax


def money_formatter(lang: Language) -> FuncFormatter:
    """Short money labels for an axis: "€250K", "€1.2M" (en), "250 t. €" (fi).

    Babel's compact currency format keeps labels short, so a row of ticks never runs
    together ("0 EUR100 000 EUR200 000 EUR" did). The currency is ``lang``'s: a code
    (EUR), or a symbol written after the number.
    """
    currency, locale = lang.currency, lang.locale

    def label(value: float, _position) -> str:
        if currency.isalpha() and len(currency) == 3:
            return format_compact_currency(
                value, currency.upper(), locale=locale, fraction_digits=1
            )
        return f"{format_compact_decimal(value, locale=locale, fraction_digits=1)} {currency}"

    return FuncFormatter(label)


def tick_percent(value: float, lang: Language) -> str:
    """A tick as a percentage written as in the language: 20% (en), 20 % or 2,5 % (fi, sv).

    >>> from helpers.language import Language
    >>> tick_percent(0.2, Language("en")), tick_percent(0.025, Language("fi"))
    ('20%', '2,5\xa0%')
    """
    whole = abs(value * 100 - round(value * 100)) < 1e-9
    return lang.percent(value, 0 if whole else 1)


def percent_axis(axis, lang: Language) -> None:
    """Percentages on ``axis`` (values are shares, 0.2 = 20 %), written as in ``lang``: every
    plot's percent ticks look alike, and like the percentages in the text around them."""
    axis.set_major_formatter(FuncFormatter(lambda value, _pos: tick_percent(value, lang)))


def money_axis(axis, lang: Language) -> None:
    """Put short money labels on ``axis`` (``ax.xaxis`` or ``ax.yaxis``), at most 6 ticks."""
    axis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10]))
    axis.set_major_formatter(money_formatter(lang))
