"""Screenshots for the README: the front page in each language (``docs/front-page-*.png``)
and the teacher's class report (``docs/class-report.png``).

    .venv/bin/python docs/screenshots.py          # runs the sample company three times
    .venv/bin/python docs/screenshots.py class    # only the class report (a demo class)

Needs Debian's chromium (as the browser tests do). Takes the top of each page only, at a
laptop's width, so the images stay small.
"""

from __future__ import annotations

import contextlib
import io
import sys
import tempfile
from pathlib import Path

import numpy as np
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


DEMO_CLASS = [
    "Aino Virtanen",
    "Bo Berg",
    "Carla Nieminen",
    "Daniel Korhonen",
    "Elina Mäkelä",
    "Frans Lindqvist",
    "Greta Salo",
    "Henrik Ahonen",
]


def demo_class(folder: Path) -> Path:
    """A class of eight, as it looks in week three: six students worked on notebooks 00, 01,
    03 and 07 of their own companies (some right, some wrong, a few hints and solutions),
    one handed in a broken zip, one nothing yet. Returns the class report."""
    from helpers.course import exercises, progress
    from helpers.course.classroom import collect_command, new_command
    from helpers.course.session import start

    roster = folder / "roster.csv"
    lines = [f"S{n:03d},{name}" for n, name in enumerate(DEMO_CLASS, 1)]
    roster.write_text("student_id,name\n" + "\n".join(lines) + "\n", encoding="utf-8")
    class_dir = folder / "entrepreneurship-2026"
    new_command(class_dir, roster, language="en", say=lambda _text: None)
    rng = np.random.default_rng(2026)
    topics = {
        "00-start-here": exercises.start_here,
        "01-pricing-erosion-and-dependence": exercises.pricing,
        "03-account-value-and-profitability": exercises.account_value,
        "07-your-plan-for-the-year": exercises.plan,
    }
    hand_ins = []
    for number in range(1, 7):
        student = f"S{number:03d}"
        out = Path("hand-ins") / student  # as the teacher types them, in the class's folder
        skill = rng.uniform(0.35, 0.95)
        for notebook, topic in topics.items():
            with contextlib.redirect_stdout(io.StringIO()):
                wb = start(notebook, class_dir / "companies" / student, output_dir=out)
                for q in topic.questions(wb):
                    _work_on(q, skill, rng)
        hand_ins.append(out)
    broken = Path("hand-ins") / "S007.zip"
    broken.write_bytes(b"PK\x03\x04 half a zip")
    hand_ins.append(broken)
    progress._current = None
    collect_command(class_dir, hand_ins, say=lambda _text: None)
    return class_dir / "class-report.html"


def _work_on(q, skill: float, rng) -> None:
    """What a student with ``skill`` does with one question."""
    if q.kind == "thought":
        q.solution()
        return
    if rng.random() > 0.45 + 0.5 * skill:
        q.check(None)
        return
    if isinstance(q.expected, set | frozenset):
        right = sorted(q.expected)[0] if q.expected else None
        wrong = str(int(right) - 1) if right and right.isdigit() else "develop"
    else:
        right = float(q.expected)
        if not np.isfinite(right):  # nothing to check against on this company yet
            q.check(3)
            return
        wrong = round(right * 1.25, 3) if q.kind == "share" else round(right * 1.1 + 1)
    if rng.random() < skill:
        q.check(right)
        return
    q.check(wrong)
    if rng.random() < 0.6:
        q.hint()
        if rng.random() < skill:
            q.check(right)
    elif rng.random() < 0.3:
        q.solution()


def class_screenshot(page, folder: Path) -> None:
    with contextlib.chdir(folder):
        report = demo_class(folder)
    page.goto(report.as_uri())
    page.wait_for_load_state("load")
    target = DOCS / "class-report.png"
    page.screenshot(path=str(target), clip={"x": 0, "y": 0, "width": 1000, "height": 1500})
    print(f"wrote {target}")


def main(argv: list[str] | None = None) -> int:
    only_class = (sys.argv[1:] if argv is None else argv) == ["class"]
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        page = browser.new_page(viewport={"width": 1000, "height": 1500})
        class_screenshot(page, Path(tmp))
        for language in ("en", "fi", "sv") if not only_class else ():
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
