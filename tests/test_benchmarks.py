"""The benchmark suite's own parts work (its timings are taken by `make bench`, never here)."""

from pathlib import Path

import pandas as pd

from benchmarks.bench import export_finnish, write_results
from benchmarks.generate import write_company
from helpers.company.folder import ERROR, check_company
from helpers.company.importing import import_export


def test_a_generated_branch_is_a_valid_company_with_walk_in_customers(tmp_path: Path):
    sizes = write_company(tmp_path / "big", 1, progress=False)  # one branch
    assert sizes["branches"] == 1 and sizes["lines"] > 20_000
    assert not [p for p in check_company(tmp_path / "big") if p.level == ERROR]
    invoices = pd.read_csv(tmp_path / "big" / "invoices.csv", dtype=str)
    walk_in = invoices["customer_id"].str.contains("-W")
    assert walk_in.any() and invoices["customer_id"].str.startswith("B000-").all()
    assert sizes["customers"] > 1000  # the sample's 266 plus the one-off buyers

    export = export_finnish(tmp_path / "big" / "invoices.csv", tmp_path / "export.csv")
    report = import_export(export, tmp_path / "imported")
    assert report.lines == sizes["lines"] and report.customers == sizes["customers"]


def test_results_table_puts_sizes_side_by_side():
    result = {"size": 100, "lines": 100, "customers": 10, "branches": 1, "import_s": 1.0,
              "load_s": 0.5, "analyses": {"a.b": 0.25}, "run_s": 9.0, "run_peak_bytes": 2**30,
              "notebooks": {"00-start-here": 2.0},
              "peer": {"ours_s": 0.1, "peer_s": 1.0, "same_numbers": True, "customers": 10}}
    text = write_results([result, {**result, "size": 1000}], "make bench", 3)
    assert "| | 100 lines | 1,000 lines |" in text
    assert "| peer time / our time | 10.0 × | 10.0 × |" in text
    assert "| **all analyses together** | **0.25 s** | **0.25 s** |" in text
