"""Satisfaction, repurchase and NPS in words, on the hand-made survey of
tests/analysis/test_satisfaction.py."""

import math

from helpers.analysis.satisfaction import (
    box_shares,
    net_promoter_score,
    repurchase_by_score,
    repurchase_ratio,
)
from helpers.language import ENGLISH, Language
from helpers.words.satisfaction import (
    nps_in_words,
    repurchase_in_words,
    repurchase_readable,
    satisfaction_trap_in_words,
)
from tests.analysis.notebook05_frames import AS_OF
from tests.analysis.test_satisfaction import INVOICES, SURVEY


def test_words_name_the_trap_and_the_rule_of_thumb():
    table = repurchase_by_score(INVOICES, SURVEY, AS_OF)
    trap = satisfaction_trap_in_words(box_shares(SURVEY, AS_OF), table, ENGLISH)
    assert "83.3%" in trap and "1 of those 1" in trap
    words = repurchase_in_words(table, repurchase_ratio(table), ENGLISH)
    assert "2.0 times" in words and "5–10" in words
    assert (
        "add survey.csv"
        in satisfaction_trap_in_words(
            box_shares(None, AS_OF),
            repurchase_by_score(INVOICES, None, AS_OF),
            ENGLISH,
            switch_on="Add survey.csv",
        ).lower()
    )


def test_repurchase_table_and_nps_in_finnish():
    table = repurchase_readable(repurchase_by_score(INVOICES, SURVEY, AS_OF), Language("fi"))
    assert table.loc[5].tolist()[:4] == ["3", "3", "3", "100,0\xa0%"]
    nps = nps_in_words(net_promoter_score(SURVEY, AS_OF), ENGLISH)
    assert nps.startswith("NPS ") and "in 5 answers" in nps
    no_recommend = net_promoter_score(None, AS_OF)
    assert math.isnan(no_recommend["nps"]) and "no NPS" in nps_in_words(no_recommend, ENGLISH)
