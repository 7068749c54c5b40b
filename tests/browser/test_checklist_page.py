"""`workbook checklist` in a real browser: answers are saved at once, survive a reload,
and a corrupt answer file is reported and left exactly as it was."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from helpers.course.checklist import member_table
from tests.browser.conftest import PYTHON, free_port

BUTTON = ".answer-{row}-{field} .widget-toggle-button"


def wait_until(condition, timeout: float = 20, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def start_checklist(start_server, company: Path, member: str):
    port = free_port()
    env = dict(os.environ)
    env.pop("WORKBOOK_FORMS", None)
    return start_server(
        [PYTHON, "-m", "helpers", "checklist", str(company), "--member", member,
         "--port", str(port)],
        f"http://127.0.0.1:{port}/",
        env=env,
    )  # fmt: skip


def open_page(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(".answer-efficiency-today", timeout=60_000)


def button(page, row: str, field: str, label: str):
    return page.locator(BUTTON.format(row=row, field=field)).filter(has_text=label).first


def test_an_answer_is_saved_at_once_and_shown_after_a_reload(page, company, start_server):
    server = start_checklist(start_server, company, "Tester")
    open_page(page, server.url)
    file = company / "answers" / "9e" / "tester.csv"
    assert not file.exists()

    button(page, "efficiency", "today", "2").click()
    wait_until(
        lambda: file.exists() and member_table(company, "tester").get("efficiency", "today") == 2,
        what="efficiency today = 2 in tester.csv",
    )
    evidence = page.locator(".answer-efficiency-evidence input")
    evidence.fill("Laser parts in 48 h")
    wait_until(lambda: member_table(company, "tester").get("efficiency", "evidence")
               == "Laser parts in 48 h", what="evidence saved")  # fmt: skip
    status = page.locator(".workbook-form-status").filter(has_text="tester.csv").first
    assert "Saved in answers/9e/tester.csv" in status.inner_text()

    page.reload()
    open_page(page, server.url)
    chosen = button(page, "efficiency", "today", "2")
    wait_until(lambda: "mod-active" in (chosen.get_attribute("class") or ""),
               what="the saved answer shown after the reload")  # fmt: skip
    assert page.locator(".answer-efficiency-evidence input").input_value() == "Laser parts in 48 h"
    # the other members' files were not touched
    assert sorted(p.name for p in file.parent.iterdir()) == [
        "aino.csv",
        "jussi.csv",
        "mikko.csv",
        "team.toml",
        "tester.csv",
    ]


def test_a_corrupt_answer_file_is_reported_and_left_unchanged(page, company, start_server):
    file = company / "answers" / "9e" / "aino.csv"
    broken = file.read_bytes().replace(b"efficiency,4,3,5", b"efficiency,4,3,9")
    file.write_bytes(broken)
    line = (
        broken.decode("utf-8")
        .splitlines()
        .index("efficiency,4,3,9,Laser-cut parts delivered in 48 hours")
        + 1
    )
    server = start_checklist(start_server, company, "aino")
    open_page(page, server.url)
    report = page.locator(".workbook-form-error").first
    text = report.inner_text()
    assert f"answers/9e/aino.csv, line {line}" in text
    assert "column 'importance'" in text and "from 1 to 5" in text
    assert "left exactly as it is" in text
    two = button(page, "efficiency", "today", "2")
    assert two.is_disabled()
    two.click(force=True)  # even a click that gets through changes nothing
    time.sleep(1)
    assert file.read_bytes() == broken


def test_ctrl_c_stops_the_page_server(company, start_server):
    server = start_checklist(start_server, company, "tester")
    server.process.send_signal(signal.SIGINT)
    assert server.process.wait(timeout=20) == 0
    time.sleep(0.5)
    import urllib.request

    try:
        urllib.request.urlopen(server.url, timeout=2)  # noqa: S310
        raise AssertionError("the page still answers after Ctrl-C")
    except OSError:
        pass
