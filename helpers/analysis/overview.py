"""First look at a company's invoices: revenue by year, the last 12 months, active customers."""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.report.formats import ENGLISH, Formats

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


def optional_files_report(company, formats: Formats = ENGLISH) -> str:
    """One line per optional file: found (with its rows), or what adding it would switch on."""
    from helpers.company.folder import OPTIONAL_FILES

    _ = formats._
    missing = company.missing_files()
    lines = [_("invoices.csv: found, {count} lines (required)").format(
        count=formats.number(len(company.invoices)))]
    for spec in OPTIONAL_FILES:
        if spec.name in missing:
            lines.append(_("{file}: not found. {what_it_adds}").format(
                file=spec.name, what_it_adds=_(missing[spec.name])))
        else:
            frame = getattr(company, spec.name.removesuffix(".csv"))
            lines.append(_("{file}: found, {count} rows").format(
                file=spec.name, count=formats.number(len(frame))))
    if (company.folder / "company.toml").exists():
        lines.append(_("company.toml: found"))
    else:
        lines.append(_("company.toml: not found (name, currency and hourly cost take their "
                       "defaults)"))
    return "\n".join(lines)


def overview_in_words(figures: dict, formats: Formats = ENGLISH) -> str:
    """The headline figures of notebook 00 as three lines."""
    _ = formats._
    return "\n".join([
        _("Invoice lines: {count}").format(count=formats.number(figures["invoice_lines"])),
        _("Revenue in the last 12 months: {money}").format(
            money=formats.money(figures["revenue_12m"])),
        _("Customers who bought in them: {count}").format(
            count=formats.number(figures["active_customers_12m"])),
    ])


def customer_summary(invoices: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    """Recency, frequency and money per customer, as buy-till-you-die models read them.

    Lines up to ``as_of`` are summed per customer and day (a purchase = a day with
    lines). Per customer: ``frequency`` = purchase days after the first; ``recency`` =
    days from the first to the last purchase; ``T`` = days from the first purchase to
    ``as_of``; ``monetary_value`` = the mean amount of the repeat purchase days (0 with
    none). The same definitions as ``lifetimes.utils.summary_data_from_transaction_data``
    (the benchmark checks the numbers agree).

    >>> customer_summary(invoices, as_of).loc["C0001", "frequency"]  # doctest: +SKIP
    """
    upto = invoices.loc[invoices["date"] <= as_of, ["customer_id", "date", "amount"]]
    # integer codes for customers and days: grouping on one int64 key is far faster than on
    # a (text, timestamp) pair
    codes, ids = pd.factorize(upto["customer_id"], sort=True)
    day = upto["date"].to_numpy(dtype="datetime64[D]").astype(np.int64)
    key = codes.astype(np.int64) * (day.max() - day.min() + 1 if len(day) else 1) + (
        day - (day.min() if len(day) else 0))
    per_day = pd.Series(upto["amount"].to_numpy(), index=key).groupby(level=0).sum()
    span = day.max() - day.min() + 1 if len(day) else 1
    customer = (per_day.index.to_numpy() // span).astype(np.int64)
    purchase_day = per_day.index.to_numpy() % span + (day.min() if len(day) else 0)
    by_customer = pd.DataFrame({"customer": customer, "day": purchase_day,
                                "amount": per_day.to_numpy()})
    grouped = by_customer.groupby("customer")["day"]
    first, last, count = grouped.min(), grouped.max(), grouped.size()
    repeat = by_customer[by_customer["day"] > first.reindex(customer).to_numpy()]
    end_day = np.datetime64(as_of.normalize(), "D").astype(np.int64)
    summary = pd.DataFrame(
        {
            "frequency": (count - 1).astype(float),
            "recency": (last - first).astype(float),
            "T": (end_day - first).astype(float),
            "monetary_value": repeat.groupby("customer")["amount"].mean(),
        }
    )
    summary["monetary_value"] = summary["monetary_value"].fillna(0.0)
    summary.index = pd.Index(ids[summary.index.to_numpy()], name="customer_id")
    return summary.rename_axis("customer_id").sort_index()
