"""First look at a company's invoices: revenue by year, the last 12 months, active customers."""

from __future__ import annotations

import pandas as pd

WINDOW_DAYS = 365


def in_window(invoices: pd.DataFrame, as_of: pd.Timestamp, days: int = WINDOW_DAYS) -> pd.DataFrame:
    """Invoice lines dated in (as_of − days, as_of].

    >>> in_window(invoices, pd.Timestamp("2025-12-31"))  # doctest: +SKIP
    """
    dates = invoices["date"]
    return invoices[(dates > as_of - pd.Timedelta(days=days)) & (dates <= as_of)]


def revenue_by_year(invoices: pd.DataFrame, as_of: pd.Timestamp) -> pd.Series:
    """Revenue (sum of amount) per calendar year up to as_of, every year present.

    >>> revenue_by_year(invoices, as_of).loc[2024]  # doctest: +SKIP
    """
    upto = invoices[invoices["date"] <= as_of]
    years = upto["date"].dt.year
    revenue = upto.groupby(years)["amount"].sum()
    full = range(int(years.min()), int(years.max()) + 1) if len(upto) else []
    return revenue.reindex(full, fill_value=0.0).rename_axis("year").rename("revenue")


def overview_figures(invoices: pd.DataFrame, as_of: pd.Timestamp) -> dict:
    """Headline figures of notebook 00: lines, dates, revenue and active customers."""
    upto = invoices[invoices["date"] <= as_of]
    window = in_window(upto, as_of)
    return {
        "invoice_lines": int(len(upto)),
        "first_invoice_date": upto["date"].min().date().isoformat(),
        "as_of": as_of.date().isoformat(),
        "revenue_12m": float(window["amount"].sum()),
        "active_customers_12m": int(window["customer_id"].nunique()),
    }


def optional_files_report(company) -> str:
    """One line per optional file: found (with its rows), or what adding it would switch on."""
    from helpers.company.folder import OPTIONAL_FILES

    missing = company.missing_files()
    lines = [f"invoices.csv: found, {len(company.invoices)} lines (required)"]
    for spec in OPTIONAL_FILES:
        if spec.name in missing:
            lines.append(f"{spec.name}: not found. {missing[spec.name]}")
        else:
            frame = getattr(company, spec.name.removesuffix(".csv"))
            lines.append(f"{spec.name}: found, {len(frame)} rows")
    settings = (
        "found"
        if (company.folder / "company.toml").exists()
        else ("not found (name, currency and hourly cost take their defaults)")
    )
    lines.append(f"company.toml: {settings}")
    return "\n".join(lines)
