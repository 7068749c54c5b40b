"""A company whose invoices start 300 days before as_of (the sample company's last 300 days):
notebooks 01, 02 and 05 leave out what needs a longer history, null with the reason, never
100 %, and say so in a "when your data is short" note."""

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from helpers.paths import NOTEBOOKS_DIR
from helpers.run import run_workbook
from tests.runs.test_notebook_05 import assert_nobody_at_risk_without_a_recent_answer

SAMPLE = Path(__file__).parent.parent.parent / "data" / "sample"
NOTEBOOKS = [
    NOTEBOOKS_DIR / "01-pricing-erosion-and-dependence.ipynb",
    NOTEBOOKS_DIR / "02-value-based-segmentation.ipynb",
    NOTEBOOKS_DIR / "05-commitment-and-loyalty.ipynb",
]


@pytest.fixture(scope="module")
def short_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("short") / "company"
    shutil.copytree(SAMPLE, folder)
    invoices = pd.read_csv(SAMPLE / "invoices.csv", dtype=str)
    dates = pd.to_datetime(invoices["date"])
    as_of = dates.max()
    start = as_of - pd.Timedelta(days=300)
    invoices.loc[dates >= start].to_csv(folder / "invoices.csv", index=False)
    out = tmp_path_factory.mktemp("short-out") / "out"
    result = run_workbook(folder, out, language="en", notebooks=NOTEBOOKS, progress=False)
    summary = json.loads((result.out_dir / "summary.json").read_text(encoding="utf-8"))
    return folder, result.out_dir, summary, (as_of - dates[dates >= start].min()).days


def test_the_invoices_start_300_days_before_as_of(short_run):
    _, _, _, days = short_run
    assert days == 300


def test_the_figures_that_need_a_longer_history_are_null_with_the_reason(short_run):
    _, _, summary, _ = short_run
    for key in ("new_customer_revenue_share_12m", "retention_12m"):
        assert summary[key] is None, key
        assert summary[f"{key}_reason"] == "data_starts_inside_window", key
    assert summary["lifetime_value_retention"] is None
    assert summary["lifetime_value_retention_reason"] == "no_customer_two_years_old"


def test_each_notebook_says_its_data_is_short(short_run):
    _, out, _, _ = short_run
    for path in NOTEBOOKS:
        page = (out / f"{path.stem}.html").read_text(encoding="utf-8")
        assert "less than the two years some figures need" in page, path.stem
    first = (out / f"{NOTEBOOKS[0].stem}.html").read_text(encoding="utf-8")
    assert "The share of revenue from new customers is left out" in first
    assert "brought 100.0% of the revenue" not in first
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Why retention is missing" in index


def test_at_risk_lists_only_customers_with_a_recent_answer(short_run):
    folder, out, _, _ = short_run
    listed = pd.read_csv(out / "at-risk.csv", encoding="utf-8-sig", dtype=str)
    assert_nobody_at_risk_without_a_recent_answer(folder, listed)


def test_no_customer_shows_a_growth_trend_without_a_whole_year_before(short_run):
    _, out, _, _ = short_run
    segments = pd.read_csv(out / "segments.csv", encoding="utf-8-sig")
    # potential is a share of the wallet (0 … 1) or, without a wallet, the growth trend;
    # nobody has a whole year before the last 12 months, so nobody has a trend: new
    potential = segments["potential"]
    assert (potential.isna() | potential.between(0, 1)).all()
    assert potential.isna().any()
