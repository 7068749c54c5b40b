"""Notebook 03 on a company with only invoices.csv: it runs, and says what hours, cost and
scores would add. (Every notebook also runs on tests/companies in tests/test_notebooks.py.)"""

import json
import shutil
from pathlib import Path

import nbformat
import papermill
import pytest

from helpers.paths import NOTEBOOKS_DIR

NOTEBOOK = NOTEBOOKS_DIR / "03-account-value-and-profitability.ipynb"
COMPANIES = Path(__file__).parent.parent / "companies"


def printed(notebook: Path) -> str:
    cells = nbformat.read(notebook, as_version=4).cells
    return "\n".join(
        output.get("text", "")
        for cell in cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if output.output_type == "stream"
    )


@pytest.fixture(scope="module")
def invoices_only(tmp_path_factory):
    folder = tmp_path_factory.mktemp("only-invoices")
    company = Path(shutil.copytree(COMPANIES / "minimal", folder / "company"))
    out = folder / "out"
    executed = folder / NOTEBOOK.name
    papermill.execute_notebook(
        str(NOTEBOOK),
        str(executed),
        cwd=str(NOTEBOOKS_DIR),
        progress_bar=False,
        parameters={"data_dir": str(company), "output_dir": str(out), "language": "en"},
    )
    return executed, out, company


def test_with_only_invoices_it_says_what_hours_cost_and_scores_would_add(invoices_only):
    executed, out, company = invoices_only
    text = printed(executed)
    assert "Add hours.csv" in text and "Add a `cost` column" in text
    assert "hourly_cost" in text and "list_price" in text
    assert "No scores yet" in text and "answers/account-values/" in text
    # the finance review works on invoices alone, and says what profit needs
    assert "Kahvila Muru has been a customer since 15 Jan 2025" in text
    assert "The profit after cost-to-serve needs" in text
    assert "asks for your guess before you look" in text  # questions 2 and 3, unanswered
    figures_file = out / "03-account-value-and-profitability.json"
    figures = json.loads(figures_file.read_text(encoding="utf-8"))
    assert figures["accounts_12m"] == 2
    assert figures["accounts_losing_money_share"] is None
    assert figures["top20_profit_share"] is None
    assert not (company / "answers").exists()  # a batch run writes nothing into the company


def test_the_shortlist_is_written_for_the_runner(invoices_only):
    _, out, _ = invoices_only
    listed = (out / "account-shortlist.csv").read_text(encoding="utf-8-sig").splitlines()
    assert listed[0] == "customer_id,name,action,why,next_step"  # the step the plan gives
    assert listed[1].startswith("Kahvila Muru,Kahvila Muru,keep and delight,")
