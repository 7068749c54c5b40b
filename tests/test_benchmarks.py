"""The benchmark suite's own parts work (its timings are taken by `make bench`, never here)."""

from pathlib import Path

import pandas as pd

from benchmarks.bench import NOTES_MARK, export_finnish, kept_notes, write_results
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
    result = {
        "size": 100,
        "lines": 100,
        "customers": 10,
        "branches": 1,
        "import_s": 1.0,
        "load_s": 0.5,
        "analyses": {"a.b": 0.25},
        "run_s": 9.0,
        "run_peak_bytes": 2**30,
        "notebooks": {"00-start-here": 2.0},
        "peer": {"ours_s": 0.1, "peer_s": 1.0, "same_numbers": True, "customers": 10},
        "fit": {
            "ours_s": 0.2,
            "peer_s": 0.5,
            "customers": 10,
            "reason": None,
            "max_parameter_difference": 2e-7,
            "p_alive_close": 1.0,
        },
    }
    text = write_results([result, {**result, "size": 1000}], "make bench", 3)
    assert "| | 100 lines | 1,000 lines |" in text
    assert "| peer time / our time | 10.0 × | 10.0 × |" in text
    fit_section = text[text.index("## Against a peer: the BG/NBD fit") :]
    assert "| ours (`still_buying.fit_bgnbd`) | 0.20 s | 0.20 s |" in fit_section
    assert "| peer time / our time | 2.5 × | 2.5 × |" in fit_section
    assert "| largest difference of the four parameters | 0.0000 % | 0.0000 % |" in fit_section
    assert "| customers whose p_alive is within 0.02 | 100.0 % | 100.0 % |" in fit_section
    assert "| **all analyses together** | **0.25 s** | **0.25 s** |" in text


def test_targets_are_judged_on_the_largest_size(tmp_path: Path):
    small = {
        "size": 100,
        "lines": 100,
        "customers": 10,
        "branches": 1,
        "import_s": 1.0,
        "load_s": 0.5,
        "analyses": {"pricing.price_analysis": 9.0},
        "run_s": 999.0,
        "run_peak_bytes": 4e9,
        "notebooks": {},
        "peer": {"ours_s": 1.0, "peer_s": 1.0, "same_numbers": True, "customers": 10},
        "fit": {
            "ours_s": 1.0,
            "peer_s": 0.1,
            "customers": 10,
            "reason": "no_repeat_buyers",
            "max_parameter_difference": None,
            "p_alive_close": None,
        },
    }
    big = {
        **small,
        "size": 1000,
        "analyses": {"pricing.price_analysis": 1.5, "segmentation.segments": 4.0},
        "run_s": 100.0,
        "run_peak_bytes": 1.5e9,
        "peer": {"ours_s": 0.2, "peer_s": 1.0, "same_numbers": True, "customers": 10},
        "fit": {
            "ours_s": 0.4,
            "peer_s": 1.2,
            "customers": 10,
            "reason": None,
            "max_parameter_difference": 1e-6,
            "p_alive_close": 1.0,
        },
    }
    text = write_results([small, big], "make bench", 3)
    assert "| largest difference of the four parameters | – | 0.0001 % |" in text
    assert "## The targets, on 1,000 lines" in text
    assert "| all analyses (every notebook) | < 5 s | 5.50 s | **no** |" in text
    assert "| analyses of notebook 01 | < 5 s | 1.50 s | yes |" in text
    assert "| whole `workbook run` | < 120 s | 100.0 s | yes |" in text
    assert "| peak memory of the run | < 3 GB | 1.50 GB | yes |" in text
    assert "| customer summary against lifetimes | ≥ 5 × | 5.0 × | yes |" in text
    assert "| BG/NBD fit against lifetimes (no slower) | ≥ 1 × | 3.0 × | yes |" in text


def test_hand_written_notes_survive_a_new_run(tmp_path: Path):
    results = tmp_path / "RESULTS.md"
    assert kept_notes(results) == ""
    results.write_text("old tables\n" + NOTES_MARK + "\n\nWhere the time goes.\n", encoding="utf-8")
    assert kept_notes(results) == "\n\nWhere the time goes.\n"
