"""`workbook run` with notebook 02: headline figures equal their definitions, and segments.csv
has one row and a segment for every customer, also with only invoices.csv and pseudonymised."""

import json
from pathlib import Path

import pandas as pd
import pytest

from helpers.analysis.concentration import concentration_figures
from helpers.company.folder import load_company, resolve_as_of
from helpers.language import Language
from helpers.paths import NOTEBOOKS_DIR
from helpers.run import run_workbook
from tests.runs.strict_nbval import assert_reproduces

NOTEBOOK = NOTEBOOKS_DIR / "02-value-based-segmentation.ipynb"
RUNS = {  # company under tests/companies -> (language, pseudonymise?)
    "minimal": ("fi", False),
    "tiny": ("en", True),
}


@pytest.fixture(scope="module", params=sorted(RUNS))
def run(request, tmp_path_factory):
    language, hidden = RUNS[request.param]
    folder = Path(__file__).parent.parent / "companies" / request.param
    out = tmp_path_factory.mktemp(request.param) / "out"
    result = run_workbook(
        folder,
        out,
        language=language,
        pseudonymize_secret="a class secret" if hidden else None,
        notebooks=[NOTEBOOK],
        progress=False,
    )
    return folder, hidden, result


def test_headline_figures_equal_their_definitions(run):
    folder, _, result = run
    company = load_company(folder)
    expected = concentration_figures(company.invoices, resolve_as_of(company.invoices, None))
    figures_file = result.out_dir / "02-value-based-segmentation.json"
    figures = json.loads(figures_file.read_text(encoding="utf-8"))
    assert figures["top20_revenue_share"] == pytest.approx(expected["top20_revenue_share"])
    assert figures["gini"] == pytest.approx(expected["gini"])
    counts = {k: v for k, v in figures.items() if k.startswith("customers_")}
    assert sum(counts.values()) == expected["customers"]


def test_segments_csv_has_every_customer(run):
    folder, hidden, result = run
    company = load_company(folder)
    listed = pd.read_csv(result.out_dir / "segments.csv", encoding="utf-8-sig", dtype=str)
    assert list(listed.columns[:7]) == [
        "customer_id",
        "name",
        "segment",
        "value_12m",
        "potential",
        "owner",
        "next_step",
    ]
    assert len(listed) == company.invoices["customer_id"].nunique()
    assert listed["customer_id"].is_unique
    assert listed["segment"].notna().all() and listed["next_step"].notna().all()
    real_ids = set(company.invoices["customer_id"])
    if hidden:
        assert not real_ids & set(listed["customer_id"])
        assert listed["customer_id"].str.startswith("Customer ").all()
        names = set(company.customers["name"]) if company.customers is not None else set()
        text = (result.out_dir / "segments.csv").read_text(encoding="utf-8-sig")
        assert not any(name in text for name in names)
    else:
        assert set(listed["customer_id"]) == real_ids
    assert (result.out_dir / "check-up-calls.csv").exists()
    assert (result.out_dir / "lists.xlsx").exists()


def test_only_invoices_says_what_wallet_and_owner_would_add(run):
    folder, _, result = run
    if (folder / "customers.csv").exists():
        pytest.skip("this company has customers.csv")
    page = (result.out_dir / "02-value-based-segmentation.html").read_text(encoding="utf-8")
    _ = Language(RUNS[folder.name][0])._  # the sentences are in the run's language
    assert (
        _(
            "Add a wallet column to customers.csv (your estimate of what each customer buys a "
            "year of what you sell, from anyone) to place customers by how much of their needs "
            "you already cover. Growth alone can't tell a small customer that buys everything "
            "from you from one that buys most of it elsewhere."
        )[:60]
        in page
    )
    assert "Lisää tiedostoon customers.csv sarake wallet" in page  # fi: not the English id
    assert "<strong>Question" not in page  # exercises need a kernel: not in the report


def test_the_run_reproduces_under_strict_nbval(run):
    _, hidden, result = run
    if hidden:
        pytest.skip("the pseudonymised copy the run read is deleted after the run")
    assert_reproduces(result.out_dir / NOTEBOOK.name)
