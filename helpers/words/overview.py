"""In words: what is in the data (notebook 00)."""

from __future__ import annotations

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
