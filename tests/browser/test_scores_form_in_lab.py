"""Notebook 03's scoring form in JupyterLab, in a real browser: a click is saved at once in
answers/account-values/<member>.csv and shown again after "Restart Kernel and Run All Cells".
"""

from __future__ import annotations

import time

import nbformat

from helpers.analysis import account_value
from helpers.course import forms
from helpers.paths import NOTEBOOKS_DIR
from tests.browser.lab import menu, open_in_lab, wait_until

NOTEBOOK = NOTEBOOKS_DIR / "03-account-value-and-profitability.ipynb"
ACCOUNT = "C0033"  # the sample's first account of the plan's visions: first in the form
EMOTIONAL = f".answer-{ACCOUNT}-emotional .widget-toggle-button"


def notebook_on(company, folder, member: str):
    """A copy of notebook 03 that works on ``company`` and saves under ``member``."""
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    for cell in notebook.cells:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            cell.source += f"\ndata_dir = {str(company)!r}\n"
        if cell.cell_type == "code":
            cell.source = cell.source.replace('member = "me"', f"member = {member!r}")
            cell.outputs, cell.execution_count = [], None
    path = folder / "03-scores.ipynb"
    nbformat.write(notebook, path)
    return path


def sample_accounts_to_score():
    """What notebook 03's form shows on the sample: the plan's visions, in their order."""
    from helpers.analysis.plan import vision_accounts
    from helpers.course.session import start

    wb = start("03-account-value-and-profitability", None)
    return account_value.accounts_to_score(
        wb.invoices, wb.as_of, wb.company.customers, keys=vision_accounts(wb.plan)
    )


def saved(company, member: str):
    table = forms.AnswerTable(
        forms.member_file(company, account_value.TOPIC, member),
        key=account_value.KEY,
        fields=account_value.FIELDS,
    )
    return table.get(ACCOUNT, "emotional")


def test_a_score_is_saved_and_shown_after_a_kernel_restart(page, company, start_server, tmp_path):
    lab = tmp_path / "lab"
    lab.mkdir()
    path = notebook_on(company, lab, "Tester")
    server = open_in_lab(page, start_server, tmp_path, path)
    time.sleep(2)  # let the kernel connect before running
    menu(page, "Run", "Run All Cells")
    page.wait_for_selector(EMOTIONAL, timeout=120_000)
    file = company / "answers" / "account-values" / "tester.csv"
    assert not file.exists()  # drawing the form writes nothing

    assert sample_accounts_to_score()[0] == ACCOUNT
    page.locator(EMOTIONAL).filter(has_text="4").first.click()
    wait_until(
        lambda: file.exists() and saved(company, "tester") == 4,
        what="emotional = 4 saved in tester.csv",
    )
    status = page.locator(".workbook-form-status").first
    wait_until(
        lambda: "Saved in answers/account-values/tester.csv" in status.inner_text(),
        what="the status line saying where it was saved",
    )

    menu(page, "Kernel", "Restart Kernel and Run All Cells")
    page.locator(".jp-Dialog-button.jp-mod-accept").click()
    page.wait_for_selector(EMOTIONAL, state="detached", timeout=60_000)  # outputs cleared
    page.wait_for_selector(EMOTIONAL, timeout=120_000)  # the form drawn again by the new kernel
    four = page.locator(EMOTIONAL).filter(has_text="4").first
    wait_until(
        lambda: "mod-active" in (four.get_attribute("class") or ""),
        what="the saved score shown after the restart",
    )
    assert saved(company, "tester") == 4
    # the other members' files are untouched, and the new score counts in the team's results
    assert sorted(p.name for p in file.parent.iterdir()) == [
        "aino.csv",
        "jussi.csv",
        "mikko.csv",
        "tester.csv",
    ]
    frame, problems = account_value.read_scores(company)
    assert problems == [] and "tester" in set(frame["member"])
    assert server.process.poll() is None
