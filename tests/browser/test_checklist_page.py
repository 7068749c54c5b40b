"""`workbook checklist` in a real browser: answers are saved at once, survive a reload,
and a corrupt answer file is reported and left exactly as it was."""

from __future__ import annotations

import os
import signal
import time
import urllib.request
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


def start_checklist(start_server, company: Path, member: str, language: str | None = "en"):
    """The page in English unless ``language=None`` (then the company's own: the sample
    company is Finnish)."""
    port = free_port()
    env = dict(os.environ)
    env.pop("WORKBOOK_FORMS", None)
    url = f"http://127.0.0.1:{port}/"
    # ready when the command prints the page's address (it does once the port answers)
    return start_server(
        [
            PYTHON,
            "-m",
            "helpers",
            "checklist",
            str(company),
            "--member",
            member,
            "--port",
            str(port),
            *(["--language", language] if language else []),
        ],
        url,
        env=env,
        says=f"is at {url}",
    )


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
    wait_until(
        lambda: (
            member_table(company, "tester").get("efficiency", "evidence") == "Laser parts in 48 h"
        ),
        what="evidence saved",
    )
    status = page.locator(".workbook-form-status").filter(has_text="tester.csv").first
    assert "Saved in answers/9e/tester.csv" in status.inner_text()

    page.reload()
    open_page(page, server.url)
    chosen = button(page, "efficiency", "today", "2")
    wait_until(
        lambda: "mod-active" in (chosen.get_attribute("class") or ""),
        what="the saved answer shown after the reload",
    )
    assert page.locator(".answer-efficiency-evidence input").input_value() == "Laser parts in 48 h"
    # the other members' files were not touched
    assert sorted(p.name for p in file.parent.iterdir()) == [
        "aino.csv",
        "jussi.csv",
        "mikko.csv",
        "team.toml",
        "tester.csv",
    ]
    stops_and_takes_voila_with_it(server, signal.SIGINT)  # Ctrl-C


def test_the_service_audit_is_saved_at_once_and_shown_after_a_reload(page, company, start_server):
    from helpers.course.checklist import audit_table

    server = start_checklist(start_server, company, "Tester")
    open_page(page, server.url)
    file = company / "answers" / "service-audit" / "tester.csv"
    assert not file.exists()
    no = button(page, "greeting", "answer", "no")
    no.click()
    wait_until(
        lambda: file.exists() and audit_table(company, "tester").get("greeting", "answer") == "no",
        what="greeting = no in answers/service-audit/tester.csv",
    )
    change = page.locator(".answer-greeting-change input")
    change.fill("Forward the phone to a mobile")
    wait_until(
        lambda: (
            audit_table(company, "tester").get("greeting", "change")
            == "Forward the phone to a mobile"
        ),
        what="the change saved",
    )
    page.reload()
    open_page(page, server.url)
    no = button(page, "greeting", "answer", "no")
    wait_until(
        lambda: "mod-active" in (no.get_attribute("class") or ""),
        what="the saved audit answer shown after the reload",
    )
    assert page.locator(".answer-greeting-change input").input_value() == (
        "Forward the phone to a mobile"
    )
    assert sorted(p.name for p in file.parent.iterdir()) == [
        "aino.csv",
        "jussi.csv",
        "mikko.csv",
        "tester.csv",
    ]
    stops_and_takes_voila_with_it(server, signal.SIGINT)


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
    stops_and_takes_voila_with_it(server, signal.SIGTERM)  # kill


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):  # noqa: S310 (localhost)
            return True
    except OSError:
        return False


def stops_and_takes_voila_with_it(server, stop) -> None:
    """Ctrl-C (or kill) ends `workbook checklist` with exit code 0, and Voilà with it."""
    server.process.send_signal(stop)
    assert server.process.wait(timeout=30) == 0
    wait_until(lambda: not answers(server.url), timeout=10, what="the port to close")


def kernels(server) -> list:
    """The kernel processes under a `workbook checklist` (each page load starts one)."""
    import psutil

    try:
        children = psutil.Process(server.process.pid).children(recursive=True)
    except psutil.Error:
        return []
    return [c for c in children if "ipykernel" in command_of(c)]


def command_of(process) -> str:
    """A process's command line; '' for one that ended meanwhile (or is a zombie)."""
    import psutil

    try:
        if process.status() == psutil.STATUS_ZOMBIE:
            return ""
        return " ".join(process.cmdline())
    except psutil.Error:
        return ""


def test_the_kernels_of_closed_pages_are_culled(browser, company, start_server):
    server = start_checklist(start_server, company, "tester")
    for _ in range(4):  # four visits, each page closed again
        context = browser.new_context()
        visit = context.new_page()
        open_page(visit, server.url)
        context.close()
    assert len(kernels(server)) >= 3  # a kernel per visit while it lasts …
    wait_until(lambda: len(kernels(server)) <= 2, timeout=60, what="at most two kernels")
    stops_and_takes_voila_with_it(server, signal.SIGTERM)


def test_killing_the_command_takes_voila_with_it(company, start_server):
    import psutil

    server = start_checklist(start_server, company, "tester")
    voila = [
        c
        for c in psutil.Process(server.process.pid).children(recursive=True)
        if "page_server" in " ".join(c.cmdline())
    ]
    assert voila
    os.kill(server.process.pid, signal.SIGKILL)  # no chance to clean up
    wait_until(lambda: not answers(server.url), timeout=20, what="the orphaned page to stop")
    wait_until(
        lambda: not any(v.is_running() and v.status() != psutil.STATUS_ZOMBIE for v in voila),
        timeout=20,
        what="Voilà to exit",
    )


def test_on_a_phone_nothing_is_cut_off(browser, company, start_server):
    server = start_checklist(start_server, company, "tester")
    context = browser.new_context(viewport={"width": 390, "height": 844})
    phone = context.new_page()
    open_page(phone, server.url)
    width = phone.evaluate("document.documentElement.clientWidth")
    assert phone.evaluate("document.documentElement.scrollWidth") <= width
    cut = phone.evaluate(
        """() => [...document.querySelectorAll(
                 '.widget-label, .widget-text, .widget-textarea, .widget-toggle-button'
            )].filter(el => {
            const box = el.getBoundingClientRect();
            const parent = el.parentElement.getBoundingClientRect();
            return box.width > 0 && (box.right > parent.right + 0.5 || box.left < parent.left - 0.5
                   || el.scrollWidth > el.clientWidth + 1);
        }).map(el => el.className + ': ' + el.textContent.slice(0, 40))"""
    )
    assert not cut, cut
    tops = {
        round(b.bounding_box()["y"])
        for b in phone.locator(BUTTON.format(row="efficiency", field="today")).all()
    }
    assert len(tops) == 1  # "–" and 1 to 5 on one line: the "5" does not wrap away
    context.close()


def test_the_page_speaks_the_company_s_language(page, company, start_server):
    server = start_checklist(start_server, company, "Tester", language=None)  # Finnish
    open_page(page, server.url)
    assert page.evaluate("document.documentElement.lang") == "fi"
    assert page.title() == "9E-tarkistuslista – Pajakulma Oy"
    text = page.locator(".workbook-checklist").first.inner_text()
    assert "9E-tarkistuslista: missä voimme nousta" in text
    assert "Vastaukset tallentuvat" in text and "Me nyt" in text
    assert "Answers are saved" not in text and "Us today" not in text
    button(page, "greeting", "answer", "en tiedä").click()
    wait_until(
        lambda: (
            (company / "answers" / "service-audit" / "tester.csv").exists()
            and "don't know"
            in (company / "answers" / "service-audit" / "tester.csv").read_text(
                encoding="utf-8-sig"
            )
        ),
        what="the English code saved for 'en tiedä'",
    )
    status = page.locator(".workbook-form-status").filter(has_text="service-audit/tester.csv")
    assert "Tallennettu: answers/service-audit/tester.csv" in status.first.inner_text()
    stops_and_takes_voila_with_it(server, signal.SIGINT)
