"""The contact map draws one person or fifteen, and any name people type, safely."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from helpers.language import Language  # noqa: E402
from helpers.plots.vision import (  # noqa: E402
    LINE_WIDTHS,
    map_height,
    plot_contact_map,
    safe_label,
)

RLO, RLM = "\u202e", "\u200f"


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def links(rows):
    return pd.DataFrame(rows, columns=["ours", "theirs", "role", "strength", "note"])


def texts(ax):
    return [t.get_text() for t in ax.texts]


def drawn(ax):
    """Draw the figure for real: layout and text rendering must not fail."""
    ax.figure.canvas.draw()
    return ax


def test_one_link_draws_two_people_and_one_line():
    ax = drawn(
        plot_contact_map(
            links([("Aino", "Marko", "owner", 3, "")]),
            customer="Laaksonen Oy",
            our_company="Pajakulma Oy",
            lang=Language("en"),
        )
    )
    assert [line.get_linewidth() for line in ax.lines] == [LINE_WIDTHS[3]]
    assert {"Aino", "Marko", "owner", "Pajakulma Oy", "Laaksonen Oy"} <= set(texts(ax))
    assert ax.get_title(loc="left") == "Who knows whom: Laaksonen Oy"


def test_fifteen_a_side_fit_and_each_person_is_drawn_once():
    rows = [(f"Ours {n % 4}", f"Theirs {n}", "", 1 + n % 3, "") for n in range(15)]
    rows.append(("Ours 0", "Theirs 0", "", None, ""))  # a second link to the same person
    ax = drawn(plot_contact_map(links(rows), customer="X", our_company="Y", lang=Language("fi")))
    names = texts(ax)
    assert sum(name.startswith("Theirs") for name in names) == 15
    assert sum(name.startswith("Ours") for name in names) == 4
    assert len(ax.lines) == 16
    assert map_height(links(rows)) > map_height(links(rows[:1]))  # taller with more people
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "luottavat toisiinsa" in legend and "ei vielä arvioitu" in legend  # Finnish


def test_hostile_names_are_cut_cleaned_and_kept_literal():
    rows = [
        ("L" * 10_000, f"Evil {RLO}yO gnaW", "R" * 10_000, 2, ""),
        ("Two\nLines", f"{RLM}Dollar $5 $6", "<script>alert(1)</script>", 1, ""),
    ]
    ax = drawn(
        plot_contact_map(links(rows), customer="C" * 10_000, our_company="Y", lang=Language("en"))
    )
    names = texts(ax)
    assert all(len(name) <= 60 for name in names)
    assert "Evil yO gnaW" in names and "Two Lines" in names
    assert r"Dollar \$5 \$6" in names  # shown as typed, not as mathtext
    assert not any(RLO in name or RLM in name for name in names)


def test_safe_label_by_hand():
    assert safe_label("  a\tb  ") == "a b"
    assert safe_label("x" * 30) == "x" * 27 + "…"
    assert safe_label(None) == "None"
    assert safe_label("Zero\u200bwidth") == "Zerowidth"


def test_an_empty_map_says_so():
    ax = drawn(plot_contact_map(links([]), customer="X", our_company="Y", lang=Language("sv")))
    assert "Inga kontakter kartlagda än." in texts(ax) and not ax.lines
