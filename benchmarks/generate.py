"""Large company folders for the benchmarks, made with the sample company's own generator.

A large company is many *branches*, each one the sample generator run with its own
seed (``data/make_sample.py``): the same products, prices, key and demanding
accounts, survey, hours and quotes, with customer and invoice ids made unique per
branch. To look like a wholesaler or a shop, a share of each branch's ordinary
invoices is handed to *walk-in* customers who buy once: that gives the many small
customers real sales ledgers have (the 1M-line company has tens of thousands).

    python -m benchmarks.generate 1000000 /tmp/big      # about 1,000,000 invoice lines
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pandas as pd

from helpers.paths import PROJECT_ROOT

WALK_IN_SHARE = 0.3  # of a branch's ordinary invoices, bought by one-off customers


def _sample_generator():
    spec = importlib.util.spec_from_file_location(
        "make_sample", PROJECT_ROOT / "data" / "make_sample.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _branch(generator, number: int) -> dict[str, pd.DataFrame]:
    """One run of the sample generator, its ids made unique with the branch number."""
    rng = np.random.default_rng(generator.SEED + number)
    tables = generator._build(rng)
    tag = f"B{number:03d}-"
    for table in tables.values():
        present = table["customer_id"] != ""
        table.loc[present, "customer_id"] = tag + table.loc[present, "customer_id"]
    invoices = tables["invoices"]
    invoices["invoice_id"] = tag + invoices["invoice_id"]

    # walk-in customers: whole invoices of ordinary customers, each to a new one-off buyer
    named = {
        tag + c
        for c in tables["customers"]["customer_id"].head(
            len(generator.KEY_ACCOUNTS) + len(generator.DEMANDING)
        )
    }
    first = invoices.groupby("customer_id")["invoice_id"].transform("first")
    keep = invoices["customer_id"].isin(named) | (invoices["invoice_id"] == first)
    ordinary = invoices.loc[~keep, "invoice_id"].unique()  # every customer keeps its first
    chosen = rng.choice(ordinary, int(len(ordinary) * WALK_IN_SHARE), replace=False)
    walk_in = pd.Series([f"{tag}W{i:06d}" for i in range(len(chosen))], index=chosen)
    moved = invoices["invoice_id"].isin(walk_in.index)
    invoices.loc[moved, "customer_id"] = invoices.loc[moved, "invoice_id"].map(walk_in)
    return tables


def write_company(folder: Path, lines: int, progress: bool = True) -> dict[str, int]:
    """Write a company folder of at least ``lines`` invoice lines; returns its sizes."""
    generator = _sample_generator()
    parts: dict[str, list[pd.DataFrame]] = {}
    total, number = 0, 0
    while total < lines:
        for name, table in _branch(generator, number).items():
            parts.setdefault(name, []).append(table)
        total += len(parts["invoices"][-1])
        number += 1
        if progress:
            print(f"\r  generating: {total:,} lines, {number} branches", end="", file=sys.stderr)
    if progress:
        print(file=sys.stderr)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, tables in parts.items():
        frame = pd.concat(tables, ignore_index=True)
        frame.astype(str).to_csv(folder / f"{name}.csv", index=False, lineterminator="\n")
    (folder / "company.toml").write_text(
        generator.COMPANY_TOML.replace("Pajakulma Oy", f"Pajakulma Group ({number} branches)"),
        encoding="utf-8",
    )
    invoices = pd.concat(parts["invoices"])
    return {
        "lines": len(invoices),
        "customers": int(invoices["customer_id"].nunique()),
        "branches": number,
    }


if __name__ == "__main__":
    sizes = write_company(Path(sys.argv[2]), int(sys.argv[1]))
    print(sizes)
