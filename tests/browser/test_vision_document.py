"""A customer-vision document in a reader's browser: the team's copy hides its internal
lines with one click (no script), prints without the switch, and a very long name wraps."""

from __future__ import annotations

import pandas as pd

from helpers.language import Language
from helpers.report.vision import AccountFacts, VisionDocument


def facts(name: str = "Rakennus Lahtinen Oy") -> AccountFacts:
    return AccountFacts(
        "C0033",
        name,
        first_invoice=pd.Timestamp("2021-02-22"),
        tenure_years=4,
        revenue_12m=100_000.0,
        segment="key account",
        profit_12m=-7924.0,
        commitment_cell="prisoner",
    )


def test_the_team_copy_hides_the_internal_lines_for_the_customer(page, tmp_path):
    path = tmp_path / "vision.html"
    path.write_text(
        VisionDocument(facts(), Language("fi"), pd.Timestamp("2025-12-30"), "Pajakulma Oy").html(),
        encoding="utf-8",
    )
    page.goto(path.as_uri())
    internal = page.locator("tr.internal")
    assert internal.count() == 3 and internal.first.is_visible()
    page.locator("label.switch").click()  # "Kopio asiakkaalle: …"
    assert not internal.first.is_visible() and not page.locator(".footnote").is_visible()
    assert "vanki" in path.read_text(encoding="utf-8")  # the commitment cell, in Finnish …
    assert "vanki" not in page.locator("main").inner_text()  # … hidden from the customer
    page.emulate_media(media="print")
    assert not page.locator("label.switch").is_visible()  # the switch is not printed


def test_a_ten_thousand_letter_name_wraps_inside_the_page(page, tmp_path):
    path = tmp_path / "vision.html"
    document = VisionDocument(
        facts("L" * 10_000),
        Language("en"),
        pd.Timestamp("2025-12-30"),
        "Pajakulma Oy",
        for_customer=True,
    )
    path.write_text(document.html(), encoding="utf-8")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(path.as_uri())
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
