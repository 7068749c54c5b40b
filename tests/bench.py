"""Benchmarks (`make bench`): the helpers on a large company, timed; never part of `make test`.

Builds a company ten times the sample (the sample's invoices repeated for ten
customer groups: ~210,000 lines, ~2,700 customers) in a temporary folder, then
times loading and every headline analysis. Prints one line per step.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import pandas as pd

from helpers.analysis import concentration, freshness, pricing
from helpers.company.folder import load_company, resolve_as_of
from helpers.paths import SAMPLE_DIR

COPIES = 10


def build_large_company(folder: Path) -> Path:
    invoices = pd.read_csv(SAMPLE_DIR / "invoices.csv", dtype=str)
    copies = []
    for copy in range(COPIES):
        part = invoices.copy()
        part["customer_id"] = part["customer_id"] + f"-{copy}"
        copies.append(part)
    folder.mkdir(parents=True, exist_ok=True)
    pd.concat(copies).to_csv(folder / "invoices.csv", index=False)
    return folder


def timed(label: str, function, *args):
    start = time.perf_counter()
    result = function(*args)
    print(f"{label:<40} {time.perf_counter() - start:7.2f} s")
    return result


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = build_large_company(Path(tmp) / "large")
        company = timed("load_company (validate + parse)", load_company, folder)
        invoices = company.invoices
        print(f"{len(invoices):,} lines, {invoices['customer_id'].nunique():,} customers")
        as_of = resolve_as_of(invoices, None)
        timed("concentration_figures", concentration.concentration_figures, invoices, as_of)
        timed("stress_test", concentration.stress_test, invoices, as_of)
        timed("erosion_per_tenure_year", pricing.erosion_per_tenure_year, invoices, as_of)
        timed("price_gap_new_vs_tenured", pricing.price_gap_new_vs_tenured, invoices, as_of)
        timed("erosion_cost_12m", pricing.erosion_cost_12m, invoices, as_of)
        timed("new_customers_per_quarter", freshness.new_customers_per_quarter, invoices, as_of)
        timed("cohort_revenue", freshness.cohort_revenue, invoices, as_of)
        timed("retention_12m", freshness.retention_12m, invoices, as_of)


if __name__ == "__main__":
    main()
