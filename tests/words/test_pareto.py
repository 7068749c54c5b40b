"""The 80/20 rule in words (``helpers.words.pareto``) on the hand-made company of
``tests/analysis/segmentation_company``."""

import math

from helpers.analysis import pareto
from helpers.language import ENGLISH, Language
from helpers.words.pareto import pareto_in_words
from tests.analysis import segmentation_company as company
from tests.analysis.segmentation_company import AS_OF


def test_pareto_in_words_in_finnish():
    fi = pareto_in_words(pareto.pareto_figures(company.invoices(), AS_OF), Language("fi"))
    assert fi.startswith("Suurimmat 20\xa0% asiakkaistasi")


def test_pareto_in_words_without_revenue():
    nobody = {"customers": 0, "top20_revenue_share": math.nan}
    assert "no 80/20 split" in pareto_in_words(nobody, ENGLISH)
