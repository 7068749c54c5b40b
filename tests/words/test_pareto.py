"""The 80/20 rule in words (``helpers.words.pareto``) on the hand-made company of
``tests/analysis/segmentation_company``."""

import math

from helpers.analysis import pareto
from helpers.language import ENGLISH, Language
from helpers.words.pareto import abc_in_words, pareto_in_words
from tests.analysis import segmentation_company as company
from tests.analysis.segmentation_company import AS_OF


def test_pareto_in_words_in_finnish():
    fi = pareto_in_words(pareto.pareto_figures(company.invoices(), AS_OF), Language("fi"))
    assert fi.startswith("Suurimmat 20\xa0% asiakkaistasi")


def test_pareto_in_words_without_revenue():
    nobody = {"customers": 0, "top20_revenue_share": math.nan}
    assert "no 80/20 split" in pareto_in_words(nobody, ENGLISH)


def test_abc_in_words_says_how_many_customers_each_class_holds():
    # the hand-made company: A 3000, B 1500, D 800 start below 80 % of 6190 (class A), C 450
    # and H 440 before 95 % (B), G's −50 counts 0 (C)
    table = company.table()
    text = abc_in_words(pareto.abc_summary(table), ENGLISH)
    assert text.startswith(
        "Class A: 3 customers, 50.0% of those who bought in the last 12 months, bring 85.6% of "
        "the value. Class B: 2 customers (33.3%) bring 14.4%"
    )
    assert abc_in_words(pareto.abc_summary(table), Language("sv", strict=True)).startswith(
        "Klass A: 3 kunder"
    )
    nobody = pareto.abc_summary(table.iloc[:0])
    assert "no ABC classes" in abc_in_words(nobody, ENGLISH)
