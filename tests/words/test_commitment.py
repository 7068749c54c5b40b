"""The commitment matrix and the at-risk list in words, on the hand-made company of
tests/analysis/test_commitment.py."""

from helpers.analysis.commitment import at_risk, commitment_matrix, unknown_ending
from helpers.analysis.satisfaction import repurchase_by_score, repurchase_ratio
from helpers.language import ENGLISH, Language
from helpers.words.commitment import (
    at_risk_in_words,
    at_risk_readable,
    cell_name,
    matrix_in_words,
    matrix_summary_readable,
)
from helpers.words.satisfaction import repurchase_in_words
from tests.analysis.notebook05_frames import AS_OF
from tests.analysis.test_commitment import CUSTOMERS, MATRIX_INVOICES, MATRIX_SURVEY


def sample_matrix():
    names = CUSTOMERS.set_index("customer_id")["name"]
    return commitment_matrix(MATRIX_INVOICES, CUSTOMERS, MATRIX_SURVEY, AS_OF, names=names)


def test_without_contracts_or_survey_the_words_say_what_to_add():
    matrix = commitment_matrix(MATRIX_INVOICES, None, None, AS_OF)
    words = matrix_in_words(matrix, ENGLISH, survey_switch_on="Add survey.csv")
    assert "contract_end" in words and "Add survey.csv" in words
    assert "low commitment" not in words  # nothing measured: no share of 'low' to report
    assert "commitment unknown" in words
    no_survey = repurchase_by_score(MATRIX_INVOICES, None, AS_OF)
    assert "No survey answers" in repurchase_in_words(
        no_survey, repurchase_ratio(no_survey), ENGLISH
    )
    assert at_risk_in_words(at_risk(matrix), 12, matrix, ENGLISH).startswith(
        "No contract end dates"
    )


def test_at_risk_table_in_finnish():
    # notebook 05's messages live in helpers/locale/<fi|sv>/LC_MESSAGES/loyalty.po, read
    # together with workbook.po
    table = at_risk_readable(at_risk(sample_matrix()), Language("fi"))
    assert table.columns.tolist()[:2] == ["nimi", "ruutu"]
    assert table.iloc[0].tolist()[1:3] == ["riski", "31.3.2026"]


def test_cells_and_actions_by_name():
    assert cell_name("emotional tie", ENGLISH) == "emotional tie"
    assert cell_name("prisoner", Language("sv")) == "fånge"
    assert cell_name("unknown", Language("fi")) == "sitoutuminen ei tiedossa"
    table = matrix_summary_readable(sample_matrix(), ENGLISH)
    assert table.index.tolist() == [
        "ideal",
        "prisoner",
        "emotional tie",
        "risk",
        "commitment unknown",
    ]
    assert table.loc["ideal", "what to do"].startswith("Renew early")
    assert table.loc["risk", "what to do"].startswith("They feel they take a risk with you")
    assert table.loc["commitment unknown", "what to do"].startswith("Ask before you judge")
    assert table.loc["prisoner", "revenue, 12 months"] == "€300"


def test_unknown_commitment_is_said_and_named_apart_from_the_at_risk_list():
    matrix = sample_matrix()
    text = matrix_in_words(matrix, ENGLISH)
    assert "commitment unknown 2." in text
    assert "2 customers have no survey answer from the last 24 months" in text
    assert "1 customers in the emotional tie cell bought nothing" in text  # D
    said = at_risk_in_words(at_risk(matrix), 12, matrix, ENGLISH, unknown_ending(matrix, 12))
    assert said.splitlines()[0].startswith("2 customers with low commitment")
    assert said.splitlines()[1] == (
        "Not on the list, because nobody knows their commitment: Gallen Oy, Kallio Ky, whose "
        "contract also ends within 12 months (€1,200 in the last 12 months). Ask them how it "
        "is going before the contract ends."
    )
