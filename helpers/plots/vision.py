"""The contact map of one account (notebook 06): who of ours knows whom of theirs.

Text 003 asks to draw the network an account creates: our people on the left, theirs on
the right, a line for each link, the thicker the better the two know each other. The map
reads with one person and with fifteen a side; names come from people's typing, so each
label is made safe first (:func:`safe_label`): no control or direction marks, no
mathtext, at most a line's worth of characters.
"""

from __future__ import annotations

import re
import unicodedata

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes

from helpers.company.answers.visions import STRENGTH_WORDS
from helpers.language import Language

NAME_CHARACTERS = 28  # a name longer than this is cut with "…"
ROLE_CHARACTERS = 32
LINE_WIDTHS = {1: 1.0, 2: 2.6, 3: 4.6}  # by strength: by name, work together, trust
LINE_COLOURS = {1: "#9bb7d4", 2: "#4a7fb5", 3: "#1f4e79"}
UNKNOWN_STRENGTH = {"linewidth": 1.0, "color": "#999999", "linestyle": (0, (3, 3))}
ROW_INCHES = 0.42  # the height one person takes


def safe_label(text, limit: int = NAME_CHARACTERS) -> str:
    """A typed name as a plot label: on one line, without control or direction marks
    (matplotlib draws no bidirectional text: an override mark would only scramble it),
    ``$`` kept literal (not mathtext), cut to ``limit`` characters with "…".

    >>> safe_label("Evil \\u202eyO gnaW"), safe_label("Two\\nLines"), safe_label("A" * 40, 10)
    ('Evil yO gnaW', 'Two Lines', 'AAAAAAAAA…')
    >>> safe_label("Cost $5 $10")
    'Cost \\\\$5 \\\\$10'
    """
    text = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch
        for ch in str(text)
        if unicodedata.category(ch) != "Cf"  # direction marks, zero-width characters
    )
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text.replace("$", r"\$")


def _people(column: pd.Series) -> list[str]:
    """Each person once, in the order the map first names them."""
    return list(dict.fromkeys(column.tolist()))


def map_height(contacts: pd.DataFrame) -> float:
    """Inches the map needs: a row per person on the fuller side, at least a small plot."""
    if contacts.empty:
        return 2.0
    rows = max(contacts["ours"].nunique(), contacts["theirs"].nunique())
    return max(2.4, 1.3 + ROW_INCHES * rows)


def _positions(people: list[str], rows: int) -> dict[str, float]:
    """Heights from the top, centred against the fuller side."""
    offset = (rows - len(people)) / 2
    return {person: rows - 1 - (offset + n) for n, person in enumerate(people)}


def plot_contact_map(
    contacts: pd.DataFrame,
    *,
    customer: str,
    our_company: str,
    lang: Language,
    ax: Axes | None = None,
) -> Axes:
    """Our people (left) and the customer's (right), a line per link, thicker the better
    the two know each other; each of theirs with their role.

    In: ``contacts`` from ``helpers.company.answers.visions.read_contacts`` (``ours``,
    ``theirs``, ``role``, ``strength`` 1–3 or None), the two firms' names, ``lang``.
    Out: the Axes (a figure as tall as the people need when ``ax`` is None). An empty map
    says so in the plot.
    """
    _ = lang._
    if ax is None:
        _fig, ax = plt.subplots(figsize=(7.5, map_height(contacts)))
    ax.set_axis_off()
    ax.set_title(
        _("Who knows whom: {customer}").format(customer=safe_label(customer, 60)),
        loc="left",
        fontsize="medium",
    )
    if contacts.empty:
        ax.text(
            0.5,
            0.5,
            _("No contacts mapped yet."),
            ha="center",
            va="center",
            transform=ax.transAxes,
            color="#555555",
        )
        return ax
    ours, theirs = _people(contacts["ours"]), _people(contacts["theirs"])
    rows = max(len(ours), len(theirs))
    left, right = _positions(ours, rows), _positions(theirs, rows)
    for link in contacts.itertuples(index=False):
        strength = link.strength if link.strength in LINE_WIDTHS else None
        style = (
            {"linewidth": LINE_WIDTHS[strength], "color": LINE_COLOURS[strength]}
            if strength
            else UNKNOWN_STRENGTH
        )
        ax.plot([0, 1], [left[link.ours], right[link.theirs]], solid_capstyle="round", **style)
    ax.scatter([0] * len(ours), [left[p] for p in ours], s=40, color="#2f5d62", zorder=3)
    ax.scatter([1] * len(theirs), [right[p] for p in theirs], s=40, color="#8a5a00", zorder=3)
    for person in ours:
        ax.text(-0.04, left[person], safe_label(person), ha="right", va="center", fontsize="small")
    roles = contacts.drop_duplicates("theirs").set_index("theirs")["role"]
    for person in theirs:
        role = safe_label(roles.get(person, ""), ROLE_CHARACTERS)
        ax.text(1.04, right[person], safe_label(person), ha="left", va="bottom", fontsize="small")
        if role:
            ax.text(
                1.04, right[person], role, ha="left", va="top", fontsize="x-small", color="#555"
            )
    top = rows - 0.35
    ax.text(-0.04, top, safe_label(our_company, 40), ha="right", va="bottom", weight="bold")
    ax.text(1.04, top, safe_label(customer, 40), ha="left", va="bottom", weight="bold")
    ax.set_xlim(-1.05, 2.05)
    ax.set_ylim(-0.7, rows + 0.1)
    handles = [
        plt.Line2D([], [], linewidth=LINE_WIDTHS[n], color=LINE_COLOURS[n], label=_(words))
        for n, words in STRENGTH_WORDS.items()
    ]
    if any(s not in LINE_WIDTHS for s in contacts["strength"]):
        handles.append(plt.Line2D([], [], label=_("not said yet"), **UNKNOWN_STRENGTH))
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, 0.0),
        ncol=len(handles),
        frameon=False,
        fontsize="x-small",
    )
    return ax
