"""In words: what is in the data (notebook 00)."""

from __future__ import annotations

import pandas as pd

from helpers.company.folder import OPTIONAL_FILES, Company
from helpers.language import Language


def overview_in_words(figures: dict, lang: Language) -> str:
    """The headline figures of notebook 00 (``overview.overview_figures``) as three lines.

    >>> from helpers.language import ENGLISH
    >>> figures = {"invoice_lines": 1200, "revenue_12m": 51234.4, "active_customers_12m": 40}
    >>> print(overview_in_words(figures, ENGLISH))
    Invoice lines: 1,200
    Revenue in the last 12 months: €51,234
    Customers who bought in them: 40
    """
    _ = lang._
    return "\n".join(
        [
            _("Invoice lines: {count}").format(count=lang.number(figures["invoice_lines"])),
            _("Revenue in the last 12 months: {money}").format(
                money=lang.money(figures["revenue_12m"])
            ),
            _("Customers who bought in them: {count}").format(
                count=lang.number(figures["active_customers_12m"])
            ),
        ]
    )


def largest_customers_in_words(
    largest: pd.DataFrame, customers: int, first: pd.Timestamp, as_of: pd.Timestamp, lang: Language
) -> str:
    """One sentence over ``overview.largest_customers``: how much the largest bring together.

    ``customers``: how many customers there are in all; ``first`` and ``as_of``: the span.

    >>> from helpers.language import ENGLISH
    >>> largest = pd.DataFrame({"cumulative_share": [0.2, 0.36]})
    >>> print(largest_customers_in_words(largest, 266, pd.Timestamp("2021-01-04"),
    ...                                  pd.Timestamp("2025-12-30"), ENGLISH))
    Together the 2 largest of 266 customers brought 36.0% of all revenue, 4 Jan 2021 – 30 Dec 2025.
    """
    _ = lang._
    share = largest["cumulative_share"].iloc[-1] if len(largest) else float("nan")
    if not share == share:  # no rows, or no positive revenue to share out
        return _("There is no revenue to share out among the customers yet.")
    return _(
        "Together the {count} largest of {customers} customers brought {share} of all "
        "revenue, {first} – {last}."
    ).format(
        count=lang.number(len(largest)),
        customers=lang.number(customers),
        share=lang.percent(share),
        first=lang.date(first),
        last=lang.date(as_of),
    )


def largest_customers_readable(
    largest: pd.DataFrame, names: pd.Series, lang: Language
) -> pd.DataFrame:
    """The table of ``overview.largest_customers`` to show: names, readable headers, locale
    numbers. ``names``: display name per customer id (``company.customer_names()``).

    >>> from helpers.language import ENGLISH
    >>> largest = pd.DataFrame({"revenue": [600.0, 300.0], "share": [0.6, 0.3],
    ...                         "cumulative_share": [0.6, 0.9]},
    ...                        index=pd.Index(["A", "B"], name="customer_id"))
    >>> largest_customers_readable(largest, pd.Series({"A": "Alpha Oy"}), ENGLISH).loc["B"].tolist()
    ['B', '€300', '30.0%', '90.0%']
    """
    _ = lang._
    known = names.reindex(largest.index).astype(object)
    out = pd.DataFrame(index=largest.index)
    out[_("name")] = known.where(known.notna(), pd.Series(largest.index, index=largest.index))
    out[_("revenue")] = largest["revenue"].map(lang.money)
    out[_("share of revenue")] = largest["share"].map(lang.percent)
    out[_("together with the larger ones")] = largest["cumulative_share"].map(lang.percent)
    return out


def optional_files_report(company: Company, lang: Language) -> str:
    """One line per file of the company folder: found (with its rows), or what adding it
    would switch on.

    >>> print(optional_files_report(wb.company, wb.lang))  # doctest: +SKIP
    invoices.csv: found, 1,234 lines (required)
    customers.csv: found, 80 rows
    …
    """
    _ = lang._
    missing = company.missing_files()
    lines = [
        _("invoices.csv: found, {count} lines (required)").format(
            count=lang.number(len(company.invoices))
        )
    ]
    for spec in OPTIONAL_FILES:
        if spec.name in missing:
            lines.append(
                _("{file}: not found. {what_it_adds}").format(
                    file=spec.name, what_it_adds=_(missing[spec.name])
                )
            )
        else:
            frame = getattr(company, spec.name.removesuffix(".csv"))
            lines.append(
                _("{file}: found, {count} rows").format(
                    file=spec.name, count=lang.number(len(frame))
                )
            )
    if (company.folder / "company.toml").exists():
        lines.append(_("company.toml: found"))
    else:
        lines.append(
            _("company.toml: not found (name, currency and hourly cost take their defaults)")
        )
    return "\n".join(lines)
