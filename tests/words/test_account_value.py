"""The five levels of account value in words (``helpers.words.account_value``): who scored
what, the profile table, how the ranking moves, the loved accounts that earn little, and
the line of facts under each account in the form."""

from pathlib import Path

import pandas as pd

from helpers.analysis import account_value as av
from helpers.language import ENGLISH, Language
from helpers.words import account_value as words
from tests.analysis.test_account_value import economics, profile_of


def test_sensitivity_in_words_names_the_accounts_that_move():
    profile = profile_of({"A": (5, 1, 1, 1, 1), "B": (1, 4, 4, 4, 4), "C": (3, 3, 3, 3, 3)})
    table = av.rank_sensitivity(profile)
    text = words.sensitivity_in_words(table, pd.Series({"A": "Aalto"}), ENGLISH)
    assert "Aalto (rank 1–3)" in text
    assert words.sensitivity_in_words(table.iloc[:0], None, ENGLISH).startswith("No account")


def test_a_corrupt_score_file_is_named_in_the_sentence(tmp_path: Path):
    folder = tmp_path / "answers" / av.TOPIC
    folder.mkdir(parents=True)
    (folder / "ok.csv").write_text("customer_id,emotional\nA,3\n", encoding="utf-8")
    (folder / "bad.csv").write_text("customer_id,emotional\nA,7\n", encoding="utf-8")
    frame, problems = av.read_scores(tmp_path)
    assert "Left out (can't be read): answers/account-values/bad.csv" in words.scores_in_words(
        frame, problems, ["A"], ENGLISH
    )


def test_sentences_and_the_profile_table_in_finnish():
    fi = Language("fi")
    profile = profile_of({"A": (5, 1, 1, 1, 1), "B": (1, 3, 3, 5, 3)})
    table = av.rank_sensitivity(profile)
    assert "sija" in words.sensitivity_in_words(table, None, fi)
    readable = words.profile_readable(
        profile.assign(members=2, spread=1.0), pd.Series({"A": "Aalto"}), None, fi
    )
    assert list(readable.columns)[:3] == ["nimi", "faktuaalinen", "referenssi"]
    assert readable.loc["A", "referenssi"] == "1,0"
    text = words.scores_in_words(pd.DataFrame(), [], ["A", "B"], fi)
    assert text.startswith("Pisteytettäviä asiakkuuksia on 2") and "answers/account-values/" in text


def test_flagged_in_words_names_the_loved_accounts_that_lose():
    profile = profile_of({"A": (1.5, 2, 2, 4.5, 2), "B": (4.0, 2, 2, 2, 2)})
    table = economics(profit={"A": -120, "B": 500})
    flagged = av.emotional_over_factual(profile, table)
    text = words.flagged_in_words(flagged, profile, table, pd.Series({"A": "Aalto"}), ENGLISH)
    assert text.startswith("- Aalto: profit after cost-to-serve -€120 in the last 12 months")
    none = words.flagged_in_words(flagged & False, profile, table, None, ENGLISH)
    assert none.startswith("None: every account the team scores 4 or more")
    assert "No emotional scores yet" in words.flagged_in_words(
        flagged, profile.assign(emotional=float("nan")), table, None, ENGLISH
    )


def test_describe_accounts_in_swedish():
    table = pd.DataFrame(
        {
            "revenue": [12400.0],
            "trend": [-0.05],
            "margin": [3000.0],
            "profit": [float("nan")],
            "hours": [float("nan")],
        },
        index=pd.Index(["C0001"], name="customer_id"),
    )
    line = words.describe_accounts(table, ["C0001"], Language("sv"))["C0001"]
    assert line.startswith("omsättning 12 mån") and "(-5,0\xa0%)" in line and " h" not in line


def test_learning_in_words_asks_for_a_result_to_check():
    table = pd.DataFrame(
        {"learning": [4.7, 4.0], "members": [3, 3], "written": [2, 0]}, index=["C1", "C2"]
    )
    names = pd.Series({"C1": "Virta & Koski", "C2": "Aaltonen"})
    text = words.learning_in_words(table, names, ENGLISH).splitlines()
    assert text[0] == "- Virta & Koski: learning 4.7; a result to check written by 2 of 3"
    assert text[1] == "- Aaltonen: learning 4.0; no result to check written yet"
    assert text[2].startswith("For each account without one, write in the form")
    assert len(text) == 3  # some results written: this is no pseudonymised run
    none_written = words.learning_in_words(table.assign(written=0), None, Language("sv"))
    assert none_written.startswith("- C1: lärande 4,7; inget resultat")
    assert none_written.endswith("så där visas ingen som skriven.)")
    finnish = words.learning_in_words(table.iloc[:0], None, Language("fi"))
    assert finnish.startswith("Yksikään asiakkuus ei saa oppimisarvosta")
