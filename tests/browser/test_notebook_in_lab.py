"""Notebook 04 in JupyterLab, in a real browser: a click in the form is saved at once and
shown again after "Restart Kernel and Run All Cells"."""

from __future__ import annotations

import nbformat

from helpers.course.checklist import member_table
from helpers.paths import NOTEBOOKS_DIR
from tests.browser.lab import kernel_idle, menu, open_in_lab, wait_until

NOTEBOOK = NOTEBOOKS_DIR / "04-competitive-advantage-9e.ipynb"
TODAY = ".answer-efficiency-today .widget-toggle-button"


def notebook_on(company, folder, member: str | None = "tester", source=NOTEBOOK):
    """A copy of a notebook (04 by default) whose parameters point at ``company`` (and
    ``member``)."""
    notebook = nbformat.read(source, as_version=4)
    for cell in notebook.cells:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            cell.source += f"\ndata_dir = {str(company)!r}\n"
            if member:
                cell.source += f"member = {member!r}\n"
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    path = folder / source.name
    nbformat.write(notebook, path)
    return path


def test_a_click_is_saved_and_shown_after_a_kernel_restart(page, company, start_server, tmp_path):
    lab = tmp_path / "lab"
    lab.mkdir()
    path = notebook_on(company, lab, "tester")
    server = open_in_lab(page, start_server, tmp_path, path)
    kernel_idle(page)
    menu(page, "Run", "Run All Cells")
    try:
        page.wait_for_selector(TODAY, timeout=90_000)
    except Exception:
        page.screenshot(path=str(tmp_path / "lab.png"), full_page=True)
        raise AssertionError(
            f"the form did not appear; screenshot: {tmp_path / 'lab.png'}; server log: {server.log}"
        ) from None

    assert page.locator(".answer-efficiency-today").count() == 1  # the form is drawn once
    page.locator(TODAY).filter(has_text="1").first.click()
    file = company / "answers" / "9e" / "tester.csv"
    wait_until(
        lambda: file.exists() and member_table(company, "tester").get("efficiency", "today") == 1,
        what="efficiency today = 1 saved in tester.csv",
    )

    menu(page, "Kernel", "Restart Kernel and Run All Cells")
    page.locator(".jp-Dialog-button.jp-mod-accept").click()
    page.wait_for_selector(TODAY, state="detached", timeout=60_000)  # outputs cleared
    page.wait_for_selector(TODAY, timeout=90_000)  # the form drawn again by the new kernel
    one = page.locator(TODAY).filter(has_text="1").first
    wait_until(
        lambda: "mod-active" in (one.get_attribute("class") or ""),
        what="the saved answer shown after the restart",
    )
    assert member_table(company, "tester").get("efficiency", "today") == 1
    assert server.process.poll() is None


def test_the_vision_form_is_drawn_once_and_saves(page, company, start_server, tmp_path):
    lab = tmp_path / "lab"
    lab.mkdir()
    path = notebook_on(company, lab, None, NOTEBOOKS_DIR / "06-customer-vision.ipynb")
    open_in_lab(page, start_server, tmp_path, path)
    kernel_idle(page)
    menu(page, "Run", "Run All Cells")
    box = ".answer-follow_up textarea"
    page.wait_for_selector(box, timeout=90_000)
    kernel_idle(page)
    assert page.locator(".answer-follow_up").count() == 1  # one form, not two
    page.locator(box).fill("We meet every January.")
    page.locator(".answer-current_state textarea").click()  # leaving the box saves it
    file = company / "answers" / "visions" / "C0033.toml"
    wait_until(
        lambda: "We meet every January." in file.read_text(encoding="utf-8"),
        what="the text saved in answers/visions/C0033.toml",
    )
