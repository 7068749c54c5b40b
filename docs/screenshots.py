"""Screenshots of the front page in each language, for the README (``docs/front-page-*.png``).

    .venv/bin/python docs/screenshots.py          # runs the sample company three times

Needs Debian's chromium (as the browser tests do). Takes the top of each page only, at a
laptop's width, so the images stay small.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from helpers.run import run_workbook

DOCS = Path(__file__).resolve().parent
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        page = browser.new_page(viewport={"width": 1000, "height": 1500})
        for language in ("en", "fi", "sv"):
            result = run_workbook(None, Path(tmp) / language, language=language, progress=False)
            page.goto(result.index.as_uri())
            page.wait_for_load_state("load")
            target = DOCS / f"front-page-{language}.png"
            page.screenshot(path=str(target), clip={"x": 0, "y": 0, "width": 1000, "height": 1500})
            print(f"wrote {target}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
