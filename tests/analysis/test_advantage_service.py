"""The outside-in service audit (notebook 04), pinned on small hand-made answers."""

import pandas as pd
import pytest

from helpers.analysis import advantage_service as service
from helpers.company.answers import AnswerTable, member_file
from helpers.paths import SAMPLE_DIR
from helpers.report.figures import FIGURES


def audit_file(folder, member):
    return AnswerTable(
        member_file(folder, service.TOPIC, member),
        service.KEY,
        service.FIELDS,
        service.STATEMENT_KEYS,
    )


def long(rows):
    """rows: (member, statement, answer[, change])"""
    return pd.DataFrame(
        [(*r, None) if len(r) == 3 else r for r in rows],
        columns=["member", "statement", "answer", "change"],
    )


def test_team_audit_counts_answers_and_gives_a_verdict_by_hand():
    rows = long(
        [
            ("a", "greeting", "yes"),
            ("b", "greeting", "yes"),  # all yes: holds
            ("a", "website_as_stranger", "yes"),
            ("b", "website_as_stranger", "no", "rewrite the front page"),  # a no: a gap
            ("a", "tried_from_outside", "don't know"),
            ("b", "tried_from_outside", "yes"),  # no no, a don't know: unknown
            ("a", "as_owners", None),  # not answered
        ]
    )
    team = service.team_audit(rows)
    assert team.index.tolist() == service.STATEMENT_KEYS  # all ten, in order
    assert team.loc["greeting", ["yes", "no", "dont_know", "answered"]].tolist() == [2, 0, 0, 2]
    assert team["verdict"].to_dict() == {
        **{k: service.UNANSWERED for k in service.STATEMENT_KEYS},
        "greeting": service.HOLDS,
        "website_as_stranger": service.GAP,
        "tried_from_outside": service.UNKNOWN,
    }
    assert service.yes_share(rows) == pytest.approx(4 / 6)
    changes = service.changes(rows)
    assert changes.to_dict("records") == [
        {
            "member": "b",
            "statement": "website_as_stranger",
            "answer": "no",
            "change": "rewrite the front page",
        }
    ]


def test_answers_typed_by_hand_are_read_in_any_case_and_with_any_apostrophe(tmp_path):
    path = member_file(tmp_path, service.TOPIC, "aino")
    path.parent.mkdir(parents=True)
    path.write_text(
        "statement,answer,change\nGreeting,YES,\nno_judging,Don’t know,\njust_looking,dont know,\n",
        encoding="utf-8",
    )
    audit = service.load_audit(tmp_path)
    assert audit.problems == []
    assert audit.long.set_index("statement")["answer"].to_dict() == {
        "greeting": "yes",
        "no_judging": "don't know",
        "just_looking": "don't know",
    }


def test_a_wrong_answer_or_row_is_reported_and_the_file_kept(tmp_path):
    path = member_file(tmp_path, service.TOPIC, "aino")
    path.parent.mkdir(parents=True)
    content = b"statement,answer,change\ngreeting,maybe,\n"
    path.write_bytes(content)
    audit = service.load_audit(tmp_path)
    assert not audit.answered and len(audit.problems) == 1
    problem = str(audit.problems[0])
    assert "answers/service-audit/aino.csv, line 2" in problem and "yes, no, don't know" in problem
    assert audit_file(tmp_path, "aino").set("greeting", "answer", "yes") is False
    assert path.read_bytes() == content


def test_a_member_saves_at_once_and_a_file_of_empty_rows_is_not_an_answer(tmp_path):
    table = audit_file(tmp_path, "Aino K")
    table.set("greeting", "change", "answer the phone")
    assert service.load_audit(tmp_path).members == []  # a change without an answer
    table.set("greeting", "answer", "no")
    audit = service.load_audit(tmp_path)
    assert audit.members == ["aino-k"] and audit.answered


def test_headline_figures_are_documented_and_none_without_answers(tmp_path):
    figures = service.headline_figures(service.load_audit(tmp_path))
    assert set(figures) <= set(FIGURES)
    assert figures["service_audit_members"] == 0
    assert all(v is None for k, v in figures.items() if k != "service_audit_members")


def test_the_sample_team_s_audit():
    audit = service.load_audit(SAMPLE_DIR)
    assert audit.problems == [] and audit.members == ["aino", "jussi", "mikko"]
    figures = service.headline_figures(audit)
    # 19 yes of 30 answers; 7 statements with a no; "our kind of customer" only unknown
    assert figures == {
        "service_audit_members": 3,
        "service_audit_yes_share": pytest.approx(19 / 30, abs=1e-4),
        "service_audit_gaps": 7,
        "service_audit_unknown": 1,
    }
    team = service.team_audit(audit.long)
    assert team.index[team["verdict"] == service.HOLDS].tolist() == ["just_looking", "no_judging"]
