"""The headline figures on the front page: a figure left out says why, in the reader's
language; a reason with nothing to explain is not shown."""

from helpers.language import ENGLISH, Language
from helpers.report.index_page import _figures_section, format_figure


def test_a_missing_figure_shows_its_reason_in_the_reader_s_language():
    summary = {
        "retention_12m": None,
        "retention_12m_reason": "data_starts_inside_window",
        "new_customer_revenue_share_12m": 0.25,
        "new_customer_revenue_share_12m_reason": None,
        "lifetime_value_retention": 0.36,
        "lifetime_value_retention_reason": None,
    }
    table, definitions = _figures_section(summary, ENGLISH)
    assert "Why retention is missing" in table
    assert (
        "<td class='value reason'>your invoices start inside the window it needs" in table
    )  # a sentence: it wraps, unlike a number
    assert "Why the new customers&#x27; share is missing" not in table  # nothing to explain
    assert "Retention a new customer&#x27;s lifetime value assumes" in table
    assert "36.0%" in table
    fi = format_figure("retention_12m_reason", "data_starts_inside_window", Language("fi"))
    assert fi.startswith("laskusi alkavat vasta")
    assert format_figure("lifetime_value_retention_reason", "some_new_code", ENGLISH) == (
        "some_new_code"
    )
