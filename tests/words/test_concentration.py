"""The concentration sentences and the readable stress test (helpers.words.concentration)."""

import pandas as pd

from helpers.analysis.concentration import stress_test
from helpers.language import ENGLISH, Language
from helpers.words.concentration import concentration_in_words, stress_test_readable


def test_stress_test_readable_names_and_formats():
    rows = [
        ("A", "2024-06-01", 600.0, 200.0),
        ("B", "2024-06-01", 300.0, 100.0),
        ("C", "2024-06-01", 100.0, 50.0),
    ]
    data = pd.DataFrame(rows, columns=["customer_id", "date", "amount", "cost"])
    data["date"] = pd.to_datetime(data["date"])
    as_of = pd.Timestamp("2024-12-31")
    table = stress_test_readable(stress_test(data, as_of), pd.Series({"A": "Alpha Oy"}), ENGLISH)
    assert table.loc["without the largest customer", "customers leaving"] == "Alpha Oy"
    assert table.loc["without the top 3", "customers leaving"] == "Alpha Oy, B, C"
    assert table.loc["all customers", "customers leaving"] == "–"
    assert table.loc["without the largest customer", "revenue, last 12 months"] == "€400"
    assert table.loc["without the largest customer", "revenue lost"] == "60.0%"
    assert table.loc["without the largest customer", "margin lost"] == "61.5%"  # 400 of 650
    no_cost = stress_test_readable(stress_test(data.drop(columns=["cost"]), as_of), None, ENGLISH)
    assert "margin lost" not in no_cost.columns
    finnish = stress_test_readable(stress_test(data, as_of), None, Language("fi", strict=True))
    assert len(finnish.index) == 3 and "without the top 3" not in finnish.index


def test_concentration_in_words_in_the_readers_locale():
    figures = {
        "customers": 1234,
        "revenue_total": 1_000_000.0,
        "largest_customer_share": 0.25,
        "top5_share": 0.5,
        "top20_revenue_share": 0.8,
        "hhi": 0.0912,
        "effective_customers": 10.96,
    }
    text = concentration_in_words(figures, pd.Timestamp("2024-12-31"), Language("fi", strict=True))
    assert "1\xa0234" in text and "31.12.2024" in text and "0,091" in text and "11,0" in text
