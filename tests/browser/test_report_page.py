"""The front page as a reader's browser shows it: every key plot loads, nothing is wider than
the window (on a laptop and on a phone), in the run's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.run import run_workbook

COMPANIES = Path(__file__).resolve().parents[1] / "companies"


@pytest.fixture(scope="module")
def finnish_report(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report") / "out"
    return run_workbook(COMPANIES / "tiny", out, language="fi", progress=False).index


@pytest.mark.parametrize("width", [1280, 390])
def test_front_page_plots_load_and_nothing_overflows(page, finnish_report, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(finnish_report.as_uri())
    page.wait_for_load_state("load")
    assert page.locator("html").get_attribute("lang") == "fi"
    images = page.locator("img")
    assert images.count() >= 3  # the key plots of notebooks 00 and 01 at least
    broken = page.evaluate(
        "[...document.images].filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)"
    )
    assert broken == []
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the page is {overflow}px wider than a {width}px window"
    too_wide = page.evaluate(
        "[...document.querySelectorAll('body *')].filter(e => "
        "e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)"
        ".map(e => e.tagName + ' ' + (e.textContent || '').slice(0, 40))"
    )
    assert too_wide == []
