"""Pseudonymised companies: nobody recognisable, the same pseudonym every time."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from helpers.company.folder import load_company
from helpers.company.pseudonyms import pseudonym_mapping, pseudonymize

IDS = ["1001", "1002", "K-77", "Z-9"]  # Z-9: hours but never invoiced
NAMES = ["Pajakulma Oy", "Byggmästarna Åkerö Ab", "Kahvila Östra"]
OWNERS = ["Anna Virtanen", "Erik Lund"]
PROSPECTS = ["Uusi Asiakas Oy", "Norrsken AB"]


@pytest.fixture
def company(tmp_path):
    folder = tmp_path / "company"
    folder.mkdir()
    files = {
        "invoices.csv": "customer_id,date,amount,invoice_id,product,note\n"
        "1001,2024-01-15,1200,5001,Konsultointi,call Pajakulma Oy first\n"
        "1002,2024-03-02,2450.5,5002,Huolto for Kahvila Östra,\n"
        "K-77,2024-12-31,300,5003,Koulutus,\n",
        "customers.csv": "customer_id,name,industry,owner,email\n"
        "1001,Pajakulma Oy,Furniture,Anna Virtanen,info@pajakulma.fi\n"
        "1002,Byggmästarna Åkerö Ab,Construction,Erik Lund,x@y.se\n"
        "K-77,Kahvila Östra,Food,Anna Virtanen,\n",
        "hours.csv": "customer_id,date,hours\n1001,2024-01-10,3\nK-77,2024-02-01,1.5\n"
        "Z-9,2024-02-02,1\n",
        "survey.csv": "customer_id,date,satisfaction\n1002,2024-06-01,4\n",
        "quotes.csv": "date,amount,won,customer_id,prospect\n"
        "2024-02-01,500,yes,1001,\n2024-03-01,900,no,,Uusi Asiakas Oy\n"
        "2024-04-01,700,no,,Norrsken AB\n",
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return load_company(folder)


def all_text(company) -> str:
    parts = []
    for name in ("invoices", "customers", "hours", "survey", "quotes"):
        frame = getattr(company, name)
        if frame is not None:
            parts.append(frame.astype(str).to_csv(index=False))
    parts += [str(p) for p in company.problems]
    return "\n".join(parts)


def test_no_original_name_or_id_is_left(company):
    assert any("Z-9" in str(p) for p in company.problems)  # a warning that quotes an id
    result = pseudonymize(company, "our secret")
    text = all_text(result)
    for original in IDS + NAMES + OWNERS + PROSPECTS:
        assert re.search(rf"(?<!\w){re.escape(original)}(?!\w)", text) is None, original
    assert "pajakulma" not in text.lower()  # the e-mail column is dropped, not kept
    assert "email" not in result.customers and "note" not in result.invoices


def test_the_original_is_untouched(company):
    before = company.invoices.copy()
    pseudonymize(company, "our secret")
    pd.testing.assert_frame_equal(company.invoices, before)
    assert company.customers["name"].tolist() == NAMES


def test_same_customer_same_pseudonym_in_every_file(company):
    result = pseudonymize(company, "our secret")
    pseudonym = result.invoices["customer_id"].iloc[0]
    assert re.fullmatch(r"Customer [0-9A-F]{6}", pseudonym)
    assert result.customers["customer_id"].iloc[0] == pseudonym
    assert result.customers["name"].iloc[0] == pseudonym
    assert result.hours["customer_id"].iloc[0] == pseudonym
    assert result.quotes["customer_id"].iloc[0] == pseudonym
    assert result.invoices["customer_id"].nunique() == 3
    # the product text that named a customer now names its pseudonym
    k77 = result.customers["name"].iloc[2]
    assert result.invoices["product"].iloc[1] == f"Huolto for {k77}"
    # the figures are the same
    assert result.invoices["amount"].tolist() == company.invoices["amount"].tolist()


def test_prospects_and_owners_get_pseudonyms_of_their_own(company):
    result = pseudonymize(company, "our secret")
    prospects = result.quotes["prospect"].dropna().tolist()
    assert len(prospects) == 2 and all(re.fullmatch(r"Prospect [0-9A-F]{6}", p) for p in prospects)
    owners = result.customers["owner"].tolist()
    assert owners[0] == owners[2] != owners[1]
    assert all(o.startswith("Owner ") for o in owners)
    assert result.customers["industry"].tolist() == ["Furniture", "Construction", "Food"]


def test_stable_across_calls_and_different_per_secret(company):
    first = pseudonymize(company, "our secret")
    second = pseudonymize(company, "our secret")
    other = pseudonymize(company, "another secret")
    pd.testing.assert_frame_equal(first.invoices, second.invoices)
    pd.testing.assert_frame_equal(first.quotes, second.quotes)
    assert set(first.invoices["customer_id"]).isdisjoint(set(other.invoices["customer_id"]))


def test_pseudonym_depends_on_the_id_not_on_the_other_customers(company):
    result = pseudonymize(company, "s")
    alone = company.invoices[company.invoices["customer_id"] == "1001"]
    smaller = pseudonymize(type(company)(company.folder, alone), "s")
    assert smaller.invoices["customer_id"].iloc[0] == result.invoices["customer_id"].iloc[0]


def test_mapping_leads_back_to_the_originals(company):
    result = pseudonymize(company, "our secret")
    mapping = pseudonym_mapping(company, "our secret")
    assert list(mapping.columns) == ["kind", "original", "name", "pseudonym"]
    customers = mapping[mapping["kind"] == "customer"].set_index("pseudonym")
    back = result.invoices["customer_id"].map(customers["original"])
    assert back.tolist() == company.invoices["customer_id"].tolist()
    assert sorted(customers["name"]) == sorted(["", *NAMES])  # Z-9 has no name
    assert sorted(mapping.loc[mapping["kind"] == "prospect", "original"]) == sorted(PROSPECTS)
    assert sorted(mapping.loc[mapping["kind"] == "owner", "original"]) == sorted(OWNERS)
    assert mapping["pseudonym"].is_unique


def test_a_secret_is_required(company):
    with pytest.raises(ValueError, match="secret"):
        pseudonymize(company, "")


def test_collisions_get_longer_codes(monkeypatch, company):
    import helpers.company.pseudonyms as privacy

    monkeypatch.setattr(privacy, "CODE_LENGTH", 1)  # 16 codes: three ids are likely to clash
    ids = [str(n) for n in range(40)]
    table = privacy._pseudonyms(ids, "s", "customer")
    assert len(set(table.values())) == 40
    assert min(len(v) for v in table.values()) == len("Customer ") + 1
    assert max(len(v) for v in table.values()) > len("Customer ") + 1


def test_answers_follow_into_a_pseudonymised_folder_without_free_text(tmp_path):
    from helpers.company.folder import load_company
    from helpers.company.pseudonyms import pseudonym_mapping, pseudonymize_answers

    company = load_company(None)  # the sample company ships the team's answers
    written = pseudonymize_answers(company, "a secret", tmp_path)
    assert "answers/9e/member-1.csv" in written and "answers/9e/team.toml" in written
    assert not any("aino" in w or "mikko" in w for w in written)
    nine = pd.read_csv(tmp_path / "answers/9e/member-1.csv", keep_default_na=False)
    assert (nine["evidence"] == "").all() and nine["today"].notna().all()
    assert "area" in nine and "ethics" in set(nine["area"])
    team = (tmp_path / "answers/9e/team.toml").read_text(encoding="utf-8")
    assert "Virtanen" not in team  # the competitor's name is free text: left out
    values = pd.read_csv(
        tmp_path / "answers/account-values/member-1.csv", dtype=str, keep_default_na=False
    )
    keys = pseudonym_mapping(company, "a secret")
    pseudonyms = set(keys.loc[keys["kind"] == "customer", "pseudonym"])
    assert set(values["customer_id"]) <= pseudonyms
    assert (values.get("name", pd.Series([""])) == "").all()
    assert (values.get("note", pd.Series([""])) == "").all()
    audit = pd.read_csv(
        tmp_path / "answers/service-audit/member-1.csv", dtype=str, keep_default_na=False
    )
    # the audit's answers are fixed words and stay; what members will change is free text
    assert set(audit["answer"]) == {"yes", "no", "don't know"} and (audit["change"] == "").all()
    text = "".join(p.read_text(encoding="utf-8") for p in tmp_path.rglob("*.*"))
    assert "Lahtinen" not in text and "C0033" not in text and "sister" not in text
