"""Every notebook, run by `workbook run` on the small test companies in another language,
writes its outputs; the executed notebooks then reproduce under strict nbval (deterministic).

The committed notebooks themselves are checked by `pytest --nbval` (see pyproject.toml).
"""

import json
from pathlib import Path

import pytest

from helpers.analysis.concentration import concentration_figures
from helpers.analysis.freshness import new_customer_revenue_share_12m
from helpers.analysis.pricing import erosion_per_tenure_year
from helpers.company.folder import load_company, resolve_as_of
from helpers.paths import notebook_paths
from tests.runs.strict_nbval import assert_reproduces

RUNS = {"tiny": "fi", "minimal": "sv"}  # company folder under tests/companies -> language


@pytest.fixture(scope="module", params=sorted(RUNS))
def run(request, tmp_path_factory):
    from helpers.run import run_workbook

    out = tmp_path_factory.mktemp(request.param) / "out"
    folder = Path(__file__).parent.parent / "companies" / request.param
    return folder, run_workbook(folder, out, language=RUNS[request.param], progress=False)


def test_every_notebook_writes_ipynb_html_without_code_and_figures(run):
    _, result = run
    assert notebook_paths(), "no notebooks found"
    for path in notebook_paths():
        assert (result.out_dir / path.name).exists()
        page = (result.out_dir / f"{path.stem}.html").read_text(encoding="utf-8")
        assert "from helpers" not in page  # code cells are left out for readers
        assert "not answered yet" not in page and "Empty DataFrame" not in page
        assert "<strong>Question 1" not in page  # exercises need a kernel: not in the report
        assert json.loads((result.out_dir / f"{path.stem}.json").read_text(encoding="utf-8"))
    index = result.index.read_text(encoding="utf-8")
    for path in notebook_paths():
        assert f"href='{path.stem}.html'" in index
    summary = json.loads((result.out_dir / "summary.json").read_text(encoding="utf-8"))
    assert summary["_run"]["notebooks"] == [p.stem for p in notebook_paths()]


def test_summary_figures_equal_their_definitions(run):
    folder, result = run
    summary = json.loads((result.out_dir / "summary.json").read_text(encoding="utf-8"))
    assert summary["as_of"] == summary["_run"]["as_of"]
    if not any(p.stem.startswith("01-") for p in notebook_paths()):
        pytest.skip("notebook 01 not present")
    company = load_company(folder)
    as_of = resolve_as_of(company.invoices, None)
    expected = concentration_figures(company.invoices, as_of)
    for key in ("customers", "revenue_total", "largest_customer_share", "top5_share", "hhi"):
        assert summary[key] == pytest.approx(expected[key]), key
    share = new_customer_revenue_share_12m(company.invoices, as_of)
    if share == share:
        assert summary["new_customer_revenue_share_12m"] == pytest.approx(share)
    else:  # the invoices start inside the window: null with the reason, never 100 %
        assert summary["new_customer_revenue_share_12m"] is None
        assert summary["new_customer_revenue_share_12m_reason"] == "data_starts_inside_window"
    if (as_of - company.invoices["date"].min()).days < 730:  # both test companies are short
        assert summary["retention_12m"] is None
        assert summary["retention_12m_reason"] == "data_starts_inside_window"
    if "unit_price" in company.invoices or "quantity" in company.invoices:
        erosion = erosion_per_tenure_year(company.invoices, as_of)["erosion_per_tenure_year"]
        assert summary["erosion_per_tenure_year"] == pytest.approx(erosion, nan_ok=True)


def test_lists_to_act_on_open_in_windows_tools(run):
    _, result = run
    lists = sorted(result.out_dir.glob("*.csv"))
    for path in lists:  # UTF-8 with BOM: Excel on Windows reads the ä, ö and € right
        assert path.read_bytes().startswith(b"\xef\xbb\xbf"), path.name
    assert (result.out_dir / "lists.xlsx").exists() == bool(lists)


def test_papermill_outputs_reproduce_under_strict_nbval(run):
    _, result = run
    assert_reproduces(*(result.out_dir / p.name for p in notebook_paths()))


ENGLISH_WORDS = {
    "the",
    "and",
    "of",
    "customers",
    "customer",
    "revenue",
    "last",
    "months",
    "figure",
    "figures",
    "value",
    "read",
    "whole",
    "page",
    "lists",
    "invoices",
    "headline",
    "definitions",
    "share",
    "price",
    "new",
    "year",
    "years",
}


def visible_words(page: str) -> set[str]:
    import html
    import re

    text = re.sub(r"<style.*?</style>|<[^>]+>", " ", page, flags=re.S)
    # identifiers and file names (customer_id, as_of, invoices.csv) are not words to translate
    text = re.sub(r"--[\w-]+|[\w.-]*\w[_.]\w[\w.-]*", " ", html.unescape(text))
    return {w.casefold() for w in re.findall(r"[^\W\d_]+", text)}


def test_index_is_in_the_runs_language_with_findings_and_key_plots(run):
    folder, result = run
    page = result.index.read_text(encoding="utf-8")
    language = RUNS[folder.name]
    assert f'<html lang="{language}">' in page
    names = set()
    company = load_company(folder)
    for frame, column in ((company.customers, "name"), (company.invoices, "product")):
        if frame is not None and column in frame:
            names |= visible_words(" ".join(frame[column].astype(str)))
    english = (visible_words(page) & ENGLISH_WORDS) - names - {"summary", "json"}
    assert not english, f"English words on the {language} front page: {sorted(english)}"
    assert page.count("class='finding'") >= 3  # notebook 00 and 01 print their findings
    for src in __import__("re").findall(r"<img src='([^']+)'", page):
        assert (result.out_dir / src).stat().st_size > 1000  # the key plots are there
