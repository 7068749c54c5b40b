"""The embedded sample company (data/sample/, Pajakulma Oy).

The committed files must be exactly what data/make_sample.py writes, and the
realistic patterns the notebooks teach must really be in the data.
"""

from __future__ import annotations

import importlib.util
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
SCRIPT = ROOT / "data" / "make_sample.py"
FILES = ["invoices.csv", "customers.csv", "hours.csv", "survey.csv", "quotes.csv", "company.toml"]
HOUR_PRODUCTS = {"Suunnittelu", "Hitsaustyö", "Asennus"}


def _load_script():
    spec = importlib.util.spec_from_file_location("make_sample", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def inv() -> pd.DataFrame:
    return pd.read_csv(SAMPLE / "invoices.csv", parse_dates=["date"], dtype={"invoice_id": str})


@pytest.fixture(scope="module")
def customers() -> pd.DataFrame:
    return pd.read_csv(SAMPLE / "customers.csv", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def hours() -> pd.DataFrame:
    return pd.read_csv(SAMPLE / "hours.csv", parse_dates=["date"])


@pytest.fixture(scope="module")
def survey() -> pd.DataFrame:
    return pd.read_csv(SAMPLE / "survey.csv", parse_dates=["date"])


@pytest.fixture(scope="module")
def quotes() -> pd.DataFrame:
    return pd.read_csv(SAMPLE / "quotes.csv", parse_dates=["date"], dtype={"customer_id": str})


def test_regenerates_byte_for_byte(tmp_path: Path) -> None:
    _load_script().write_sample(tmp_path)
    for name in FILES:
        committed = (SAMPLE / name).read_bytes()
        assert (tmp_path / name).read_bytes() == committed, f"{name} differs from the generator"
        assert not committed.startswith(b"\xef\xbb\xbf") and b"\r" not in committed


def test_columns_and_formats(inv, customers, hours, survey, quotes) -> None:
    assert list(inv.columns) == [
        "invoice_id",
        "customer_id",
        "date",
        "product",
        "quantity",
        "unit_price",
        "list_price",
        "amount",
        "cost",
    ]
    assert list(customers.columns) == [
        "customer_id",
        "name",
        "industry",
        "owner",
        "city",
        "contract_end",
        "wallet",
    ]
    assert list(hours.columns) == ["customer_id", "date", "hours", "billable"]
    assert list(survey.columns) == ["customer_id", "date", "satisfaction", "recommend"]
    assert list(quotes.columns) == ["date", "customer_id", "prospect", "amount", "won"]
    assert inv["invoice_id"].str.fullmatch(r"20\d\d-\d{5}").all()
    assert (inv["invoice_id"].str[:4].astype(int) == inv["date"].dt.year).all()
    assert customers["customer_id"].str.fullmatch(r"C\d{4}").all()
    assert customers["customer_id"].is_unique and customers["name"].is_unique
    assert set(inv["customer_id"]) == set(customers["customer_id"])
    assert np.allclose(inv["amount"], (inv["quantity"] * inv["unit_price"]).round(2), atol=0.005)
    assert set(hours["billable"]) == {"yes", "no"}
    assert set(quotes["won"]) == {"yes", "no"}
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    company = tomllib.loads((SAMPLE / "company.toml").read_text("utf-8"))
    assert company == {
        "name": "Pajakulma Oy",
        "currency": "EUR",
        "language": "fi",
        "hourly_cost": 48.0,
        "country": "FI",
    }


def test_size_and_time_span(inv) -> None:
    assert 150 <= inv["customer_id"].nunique() <= 400
    assert 10_000 <= len(inv) <= 60_000
    assert inv["date"].min() >= pd.Timestamp("2021-01-01")
    assert pd.Timestamp("2025-12-15") <= inv["date"].max() <= pd.Timestamp("2025-12-31")
    first = inv.groupby("customer_id")["date"].min()
    per_quarter = first.dt.to_period("Q").value_counts()
    assert len(per_quarter) == 20 and per_quarter.min() >= 3  # new customers every quarter
    # some churn: plenty of customers stop buying well before the end
    last = inv.groupby("customer_id")["date"].max()
    assert (last < pd.Timestamp("2024-12-31")).mean() > 0.2


def test_list_prices_rise_every_year(inv) -> None:
    lp = inv.groupby(["product", inv["date"].dt.year])["list_price"].agg(["min", "max"])
    assert (lp["min"] == lp["max"]).all()  # one list price per product and year
    prices = lp["min"].unstack()
    assert 8 <= len(prices) <= 12
    rise = prices.pct_change(axis=1).iloc[:, 1:]
    assert ((rise >= 0.019) & (rise <= 0.061)).all().all()


def test_price_erodes_with_tenure(inv) -> None:
    # erosion_per_tenure_year as defined in product.md
    x = inv[inv["unit_price"] > 0]
    tenure = x["date"] - x["customer_id"].map(inv.groupby("customer_id")["date"].min())
    tenure = tenure.dt.days / 365.25
    median = x.groupby(["product", x["date"].dt.year])["unit_price"].transform("median")
    slope = np.polyfit(tenure, np.log(x["unit_price"] / median), 1)[0]
    assert -0.03 <= math.expm1(slope) <= -0.015


def test_concentration(inv) -> None:
    rev = inv.groupby("customer_id")["amount"].sum().sort_values(ascending=False)
    total = rev.sum()
    assert 0.10 <= rev.iloc[0] / total <= 0.15
    assert 0.30 <= rev.iloc[:5].sum() / total <= 0.40
    pos = rev[rev > 0]
    assert 0.70 <= pos.iloc[: math.ceil(0.2 * len(pos))].sum() / total <= 0.82


def test_credit_notes_and_one_off_customers(inv) -> None:
    neg = inv["amount"] < 0
    assert ((inv["quantity"] < 0) == neg).all()
    assert 20 <= neg.sum() <= 0.03 * len(inv)
    invoices = inv[~neg].groupby("customer_id")["invoice_id"].nunique()
    assert (invoices == 1).sum() >= 3


def _margins(inv, hours) -> pd.DataFrame:
    m = inv.groupby("customer_id")[["amount", "cost"]].sum()
    listed = (inv["list_price"] * inv["quantity"]).groupby(inv["customer_id"]).sum()
    m["discount"] = 1 - m["amount"] / listed
    h = hours.pivot_table(index="customer_id", columns="billable", values="hours", aggfunc="sum")
    m = m.join(h.fillna(0.0)).fillna({"yes": 0.0, "no": 0.0})
    m["after_cts"] = m["amount"] - m["cost"] - (m["yes"] + m["no"]) * 48.0
    m["nonbill_share"] = m["no"] / (m["yes"] + m["no"])
    return m


def test_demanding_customers_lose_money(inv, hours) -> None:
    m = _margins(inv, hours)
    demanding = m[(m["discount"] >= 0.24) & (m["discount"] <= 0.36)]
    assert 5 <= len(demanding) <= 8
    assert (demanding["after_cts"] < 0).sum() >= 5
    assert (demanding["nonbill_share"] > 0.4).all()
    credits = inv[inv["amount"] < 0].groupby("customer_id").size()
    assert credits.reindex(demanding.index).fillna(0).median() >= 5
    rush = inv[inv["product"] == "Pikalisä"].groupby("customer_id").size()
    assert rush.reindex(demanding.index).fillna(0).median() > rush.median()
    normal = m.drop(demanding.index)
    assert normal["after_cts"].sum() > 0.1 * normal["amount"].sum()
    big = normal[normal["yes"] >= 50]
    assert 0.05 <= big["nonbill_share"].median() <= 0.15


def test_billable_hours_match_hour_products(inv, hours) -> None:
    sold = inv[inv["product"].isin(HOUR_PRODUCTS) & (inv["quantity"] > 0)]
    sold = sold.groupby("customer_id")["quantity"].sum()
    logged = hours[hours["billable"] == "yes"].groupby("customer_id")["hours"].sum()
    assert np.allclose(logged.reindex(sold.index).fillna(0), sold, rtol=0.01, atol=1)


def test_very_satisfied_repurchase_more(inv, survey) -> None:
    assert survey["date"].between("2022-01-01", "2024-12-31").all()
    assert 0.45 <= survey["customer_id"].nunique() / inv["customer_id"].nunique() <= 0.75
    assert survey["satisfaction"].between(1, 5).all()
    assert survey["recommend"].dropna().between(0, 10).all()
    assert survey["recommend"].isna().any()
    buys = inv[inv["amount"] > 0][["customer_id", "date"]].rename(columns={"date": "bought"})
    pairs = survey.reset_index().merge(buys, on="customer_id")
    window = (pairs["bought"] > pairs["date"]) & (
        pairs["bought"] <= pairs["date"] + pd.Timedelta(days=365)
    )
    again = window.groupby(pairs["index"]).any().reindex(survey.index, fill_value=False)
    score = survey["satisfaction"].where(survey["satisfaction"] >= 4, 3)  # 1-3 lumped as 3
    rate = again.groupby(score).mean()
    assert rate[5] >= 0.8
    assert 0.4 <= rate[4] <= 0.7
    assert rate[5] - rate[4] >= 0.2
    assert rate[3] < rate[4]
    assert survey.groupby("satisfaction")["recommend"].mean().is_monotonic_increasing


def test_quotes(customers, quotes) -> None:
    has_customer = quotes["customer_id"].notna()
    assert (has_customer ^ quotes["prospect"].notna()).all()
    won_prospects = quotes.loc[~has_customer & (quotes["won"] == "yes"), "prospect"]
    assert won_prospects.isin(customers["name"]).all()
    lost_prospects = quotes.loc[~has_customer & (quotes["won"] == "no"), "prospect"]
    assert not lost_prospects.isin(customers["name"]).any()
    assert 0.2 <= (quotes["won"] == "yes").mean() <= 0.6
    assert quotes["date"].between("2021-01-01", "2025-12-31").all()


def test_customer_master(inv, customers) -> None:
    assert 2 <= customers["owner"].replace("", np.nan).nunique() <= 3
    share_contract = (customers["contract_end"] != "").mean()
    assert 0.1 <= share_contract <= 0.3
    assert (
        pd.to_datetime(customers.loc[customers["contract_end"] != "", "contract_end"]).notna().all()
    )
    wallet = customers.set_index("customer_id")["wallet"]
    assert 0.05 <= (wallet == "").mean() <= 0.3
    wallet = wallet[wallet != ""].astype(float)
    yearly = inv.groupby(["customer_id", inv["date"].dt.year])["amount"].sum()
    typical = yearly.groupby("customer_id").mean().reindex(wallet.index)
    assert (wallet >= typical).mean() >= 0.85
