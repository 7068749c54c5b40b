"""Customer-vision documents: facts pinned on the tiny company, headings, formats, escaping."""

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from helpers.company.folder import load_company, resolve_as_of
from helpers.language import Language
from helpers.report import vision
from helpers.report.vision import (
    AccountFacts,
    VisionDocument,
    account_facts,
    build_documents,
    document_name,
    write_documents,
)

COMPANIES = Path(__file__).resolve().parent.parent / "companies"
HEADINGS = {
    "en": [
        "Current state",
        "Development plan",
        "Shared vision and mission",
        "Communication",
        "Follow-up",
    ],
    "fi": ["Nykytila", "Kehityssuunnitelma", "Yhteinen visio ja missio", "Viestintä", "Seuranta"],
    "sv": [
        "Nuläge",
        "Utvecklingsplan",
        "Gemensam vision och mission",
        "Kommunikation",
        "Uppföljning",
    ],
}
SCRIPT = "<script>alert(1)</script>"
AS_OF = pd.Timestamp("2025-12-01")
STRICT = {code: Language(code, strict=True) for code in HEADINGS}  # fail on an untranslated word


@pytest.fixture(scope="module")
def tiny():
    return load_company(COMPANIES / "tiny")


def test_facts_of_an_account_by_hand(tiny):
    """Customer A of the tiny company, as_of 2025-12-01 (its last invoice date).

    Last 12 months (2024-12-01, 2025-12-01]: 970 + 960 − 97 = 1833 (Design 873, Welding 960).
    The 12 months before: 1000 + 780 = 1780, so +3.0 %. All time: 3613. First invoice
    2024-01-15: 686 days = 1 whole year.
    """
    a = account_facts(tiny, AS_OF, ["A"])["A"]
    assert a.name == "Aalto Rakennus Oy"
    assert a.first_invoice == pd.Timestamp("2024-01-15")
    assert a.last_invoice == pd.Timestamp("2025-12-01")
    assert a.tenure_years == 1
    assert a.revenue_12m == pytest.approx(1833)
    assert a.revenue_prev_12m == pytest.approx(1780)
    assert a.revenue_change == pytest.approx(1833 / 1780 - 1)
    assert a.revenue_total == pytest.approx(3613)
    assert a.orders_12m == 2  # the credit note is not an order
    assert [p for p, _ in a.products] == ["Welding", "Design"]
    assert a.products[0][1] == pytest.approx(960 / 1833)
    assert a.not_bought == []  # it bought both products
    assert (a.industry, a.owner, a.wallet) == ("construction", "Liisa", 5000)
    assert a.contract_end == pd.Timestamp("2026-06-30")
    assert a.wallet_share == pytest.approx(1833 / 5000)
    assert (a.satisfaction, a.recommend, a.satisfaction_answers) == (5, 9, 1)
    assert a.satisfaction_date == pd.Timestamp("2024-06-15")


def test_what_an_account_does_not_buy_and_a_falling_trend(tiny):
    """B bought only Welding (252) in the last 12 months, against 660 in the 12 before."""
    b = account_facts(tiny, AS_OF, ["B"])["B"]
    assert b.not_bought == ["Design"]
    assert b.revenue_change == pytest.approx(252 / 660 - 1)
    assert b.contract_end is None and b.satisfaction == 4 and b.recommend == 7


def test_only_invoices_gives_only_invoice_facts():
    minimal = load_company(COMPANIES / "minimal")
    as_of = resolve_as_of(minimal.invoices, None)
    facts = account_facts(minimal, as_of, ["Kahvila Muru"])["Kahvila Muru"]
    assert facts.revenue_12m == pytest.approx(3250.50)
    assert facts.revenue_prev_12m == 0 and facts.revenue_change is None
    assert facts.products == [] and facts.industry is None and facts.satisfaction is None
    text = VisionDocument(facts, Language("en"), as_of, "Minimal").markdown()
    assert "Industry" not in text and "Satisfaction" not in text and "change" not in text


def full_facts(name="Rakennus Lahtinen Oy") -> AccountFacts:
    """Every fact present, notebooks 02, 03 and 05 included, with easy numbers."""
    return AccountFacts(
        customer_id="C0012",
        name=name,
        first_invoice=pd.Timestamp("2021-03-01"),
        last_invoice=pd.Timestamp("2025-12-31"),
        tenure_years=4,
        revenue_12m=1234.5,
        revenue_prev_12m=900.0,
        revenue_total=98765.25,
        orders_12m=12,
        products=[("Kaide", 0.5), ("Portti", 0.25)],
        not_bought=["Laserleikkaus"],
        industry="rakentaminen",
        owner="Mikko",
        contract_end=pd.Timestamp("2026-09-30"),
        wallet=5000.0,
        satisfaction=4,
        satisfaction_date=pd.Timestamp("2025-06-01"),
        satisfaction_answers=3,
        satisfaction_mean=4.5,
        recommend=9,
        segment="key account",
        value_profile={"factual": 4.0, "reference": 3.5},
        profit_12m=-200.0,
        commitment_cell="ideal",
    )


def document(language, **changes) -> VisionDocument:
    options = {"texts": {}} | changes
    facts = options.pop("facts", full_facts())
    strict = Language(language, strict=True)  # a message without a translation fails
    return VisionDocument(facts, strict, pd.Timestamp("2025-12-31"), "Pajakulma Oy", **options)


@pytest.mark.parametrize("language", sorted(HEADINGS))
def test_five_headings_in_the_document_language_in_order(language):
    doc = document(language)
    page = doc.html()
    assert re.findall(r'<h2><span class="number">\d</span> ([^<]+)</h2>', page) == [
        h for h in HEADINGS[language]
    ]
    assert f'<html lang="{language}">' in page
    text = doc.markdown()
    assert re.findall(r"^## \d\. (.+)$", text, flags=re.M) == HEADINGS[language]


@pytest.mark.parametrize(
    "language, money, percent, date, change",
    [
        ("fi", "1\xa0234,50\xa0€", "24,7\xa0%", "31.12.2025", "+37,2\xa0%"),
        ("sv", "1\xa0234,50\xa0€", "24,7\xa0%", "31.12.2025", "+37,2\xa0%"),
        ("en", "€1,234.50", "24.7%", "31 Dec 2025", "+37.2%"),
    ],
)
def test_numbers_money_and_dates_in_the_locale(language, money, percent, date, change):
    page = document(language).html()
    assert money in page  # revenue of the last 12 months
    assert percent in page  # our share of the wallet: 1234.5 / 5000
    assert date in page  # the analysis date in the meta line
    assert change in page  # 1234.5 / 900 − 1 = 0.3717
    assert "98\xa0765,25\xa0€" in page if language != "en" else "€98,765.25" in page


def test_finnish_words_for_tenure_satisfaction_and_the_notebook_facts():
    page = document("fi").html()
    for text in (
        "1.3.2021 (4 vuotta)",
        "4 / 5, tyytyväinen (1.6.2025)",
        "3 vastausta, keskiarvo 4,5",
        "avainasiakas",
        "faktuaalinen 4,0",
        "referenssi 3,5",
        "ideaali",
        "9 / 10",
        "Tulos palvelukustannusten jälkeen",
        "sisäinen",
    ):
        assert text in page, text


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_string_in_every_variant_is_translated(language):
    """Strict translators raise on a message without a translation; render every branch."""
    variants = [
        document(language),
        document(language, texts_note="a note"),
        document(language, facts=AccountFacts("X", "X", tenure_years=0)),
        document(
            language,
            facts=full_facts().__class__(
                **{
                    **full_facts().__dict__,
                    "profit_12m": None,
                    "margin_12m": 10.0,
                    "products_basis_12m": False,
                }
            ),
        ),
    ]
    for doc in variants:
        doc.html()
        doc.markdown()
        doc.years(0), doc.years(1), doc.years(7)
    for level in vision.SATISFACTION_WORDS.values():
        assert document(language)._(level)
    for names in (vision.SEGMENT_NAMES, vision.LEVEL_NAMES, vision.COMMITMENT_NAMES):
        for english in names.values():
            document(language)._(english)


def test_a_name_with_a_script_is_shown_as_text_everywhere():
    facts = full_facts(name=SCRIPT)
    facts.products = [(SCRIPT, 1.0)]
    facts.industry = '"><img src=x onerror=alert(2)>'
    texts = {"current_state": f"Hello {SCRIPT}\n\nsecond & <b>bold</b>"}
    doc = document("fi", facts=facts, texts=texts)
    page = doc.html()
    assert SCRIPT not in page and "<img" not in page and "<b>bold" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<title>Asiakkuusvisio: &lt;script&gt;" in page
    assert "<p>Hello &lt;script&gt;alert(1)&lt;/script&gt;</p><p>second &amp; &lt;b&gt;" in page
    text = doc.markdown()
    assert SCRIPT not in text and "<img" not in text and "<b>" not in text


def test_team_text_as_typed_and_questions_where_none():
    texts = {"current_state": "Rivi yksi\nrivi kaksi\n\nToinen kappale", "follow_up": "  "}
    page = document("sv", texts=texts).html()
    # the typed text is shown as typed, not translated
    assert "<p>Rivi yksi<br>rivi kaksi</p><p>Toinen kappale</p>" in page
    assert page.count('<div class="questions">') == 4  # the blank follow-up asks too
    assert "Var vill vi båda att den här kundrelationen ska vara om tre år?" in page


def test_internal_lines_are_marked_and_explained():
    page = document("en").html()
    assert page.count('class="internal"') == 4  # segment, value profile, profit, commitment
    assert "leave them out of the copy you give the customer" in page
    plain = document("en", facts=AccountFacts("X", "X", revenue_12m=1.0)).html()
    assert 'class="internal"' not in plain and 'class="tag"' not in plain
    assert "leave them out" not in plain


def company_copy(tmp_path, source="tiny") -> Path:
    folder = tmp_path / source
    shutil.copytree(COMPANIES / source, folder)
    return folder


def test_texts_come_from_the_answer_file_and_pseudonymised_runs_leave_them_out(tmp_path):
    folder = company_copy(tmp_path)
    answers = vision.answers(folder, "A")
    assert answers.set("shared_vision", "Yhdessä eteenpäin")
    assert (folder / "answers" / "visions" / "A.toml").exists()
    company = load_company(folder)
    [with_text] = build_documents(company, AS_OF, ["A"], STRICT["fi"])
    assert "Yhdessä eteenpäin" in with_text.html()
    [without] = build_documents(company, AS_OF, ["A"], STRICT["fi"], include_texts=False)
    page = without.html()
    assert "Yhdessä eteenpäin" not in page
    assert "Tiimin omat tekstit jätetään pois pseudonymisoiduista asiakirjoista." in page


def test_an_unreadable_answer_file_is_named_in_the_document_and_kept(tmp_path):
    folder = company_copy(tmp_path)
    path = folder / "answers" / "visions" / "A.toml"
    path.parent.mkdir(parents=True)
    path.write_bytes(b'current_state = "unfinished\n')
    [doc] = build_documents(load_company(folder), AS_OF, ["A"], STRICT["en"])
    page = doc.html()
    assert "The team&#x27;s texts could not be read: answers/visions/A.toml, line 1" in page
    assert path.read_bytes() == b'current_state = "unfinished\n'


def test_file_names_sort_by_id_and_name_the_customer():
    assert document_name("C0012", "Rakennus Lahtinen Oy", "fi") == (
        "vision-C0012-rakennus-lahtinen.fi"
    )
    assert document_name("C0007", "Kiinteistöhuolto Saarinen Oy", "sv") == (
        "vision-C0007-kiinteistohuolto-saarinen.sv"
    )
    assert document_name("Kahvila Muru", "Kahvila Muru", "en") == "vision-kahvila-muru.en"
    assert document_name("A/../x", SCRIPT, "en") == "vision-a-x-script-alert-1-script.en"
    assert document_name("7", "<>", "en") == "vision-7.en"


def test_write_documents_for_the_key_accounts(tmp_path, tiny):
    written = write_documents(tiny, AS_OF, tmp_path / "vision", Language("fi"))
    assert [(name, path.name) for name, path in written] == [
        ("Aalto Rakennus Oy", "vision-A-aalto-rakennus.fi.html")
    ]
    assert (tmp_path / "vision" / "vision-A-aalto-rakennus.fi.md").exists()
    page = written[0][1].read_text(encoding="utf-8")
    assert "1\xa0833,00\xa0€" in page and "+3,0\xa0%" in page


def test_sample_company_ships_texts_for_two_accounts_the_largest_included():
    sample = load_company()
    as_of = resolve_as_of(sample.invoices, None)
    largest = vision.largest_account(sample, as_of)
    shipped = sorted(p.stem for p in (sample.folder / "answers" / "visions").glob("*.toml"))
    assert len(shipped) == 2 and largest in shipped
    for cid in shipped:
        saved = vision.answers(sample.folder, cid)
        assert saved.error is None and saved.values()["current_state"]


def test_commitment_cells_come_from_notebook_05_only_where_something_was_measured(
    monkeypatch, tiny
):
    import sys
    import types

    fake = types.ModuleType("helpers.analysis.loyalty")
    fake.commitment_matrix = lambda invoices, customers, survey, as_of: pd.DataFrame(
        {
            "cell": ["ideal", "risk", "risk"],
            "contract_end": [pd.Timestamp("2026-06-30"), pd.NaT, pd.NaT],
            "commitment_basis": ["survey", "survey", "no answer"],
        },
        index=pd.Index(["A", "B", "D"], name="customer_id"),
    )
    monkeypatch.setitem(sys.modules, "helpers.analysis.loyalty", fake)
    cells = vision.commitment_cells(tiny, AS_OF)
    assert cells.to_dict() == {"A": "ideal", "B": "risk"}  # D: nothing measured
    [doc] = build_documents(tiny, AS_OF, ["A"], STRICT["sv"])
    assert "<th>Engagemang" in doc.html() and "<td>ideal</td>" in doc.html()
    monkeypatch.setitem(sys.modules, "helpers.analysis.loyalty", None)  # notebook 05 absent
    assert vision.commitment_cells(tiny, AS_OF) is None


def test_accounts_with_texts_finds_plain_and_slugged_ids(tmp_path):
    folder = tmp_path / "company"
    folder.mkdir()
    (folder / "invoices.csv").write_text(
        "customer_id,date,amount\nC 1,2025-01-02,10\nC2,2025-01-03,20\nC3,2025-01-04,30\n",
        encoding="utf-8",
    )
    company = load_company(folder)
    assert vision.accounts_with_texts(company) == []  # no answers folder yet
    for cid in ("C 1", "C2"):  # "C 1" has a space: its file name is slugged
        path = vision.answer_file(folder, cid)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text('current_state = "ok"\n', encoding="utf-8")
    assert vision.answer_file(folder, "C 1").name == "c-1.toml"
    assert vision.accounts_with_texts(company) == ["C 1", "C2"]


def test_the_customers_copy_leaves_the_internal_lines_out(tmp_path, tiny):
    team, customer = document("fi"), document("fi", for_customer=True)
    assert 'class="internal"' in team.html() and 'id="customer-copy"' in team.html()
    page = customer.html()
    assert 'class="internal"' not in page and '<p class="footnote">' not in page
    assert 'id="customer-copy"' not in page  # nothing to hide: no switch
    assert "avainasiakas" not in page and "ideaali" not in page  # segment, commitment
    assert "(sisäinen)" not in customer.markdown()
    written = write_documents(
        tiny, AS_OF, tmp_path / "vision", Language("fi"), ["A"], for_customer=True
    )
    assert [path.name for _name, path in written] == [
        "vision-A-aalto-rakennus-for-customer.fi.html"
    ]


def test_the_typed_text_makes_no_live_link_in_markdown():
    texts = {"current_state": "[click me](javascript:alert(8)) and <a href='javascript:x'>y</a>"}
    text = document("en", texts=texts).markdown()
    assert "me](javascript:" not in text and "<a href" not in text  # no link syntax left
    assert r"\[click me\](javascript:alert(8))" in text  # shown as typed


def test_a_loss_making_accounts_vision_puts_the_price_on_the_table():
    losing = document("en")  # full_facts: profit after cost-to-serve −200
    page = losing.html()
    assert "<th>Price</th><td>to discuss together: today&#x27;s prices do not cover" in page
    earning = document("en", facts=AccountFacts("X", "X", revenue_12m=1.0, profit_12m=5.0))
    assert "<th>Price</th>" not in earning.html()
    for language, label in (("fi", "Hinta"), ("sv", "Pris")):  # also on the customer's copy
        assert f"<th>{label}</th>" in document(language, for_customer=True).html()


# --- the contact map in the Communication section ---------------------------------------------


def write_contacts(folder: Path, customer_id: str, text: str) -> Path:
    path = folder / "answers" / "contacts" / f"{customer_id}.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_contact_map_is_in_communication_internal_and_escaped(tmp_path):
    folder = company_copy(tmp_path)
    write_contacts(
        folder,
        "A",
        "link,ours,theirs,role,strength,note\n"
        f"1,Liisa,{SCRIPT},ostopäällikkö,3,\n"
        f"2,Matti,{'N' * 10_000},,1,\n"
        "3,Matti,,,2,only one side: not a link\n",
    )
    company = load_company(folder)
    [doc] = build_documents(company, AS_OF, ["A"], STRICT["fi"])
    communication = doc.parts()[3]
    lines = [line for line in communication.lines if line.label.startswith("Kontaktikartta")]
    assert lines and all(line.internal for line in lines)
    assert lines[0].value == (
        "henkilöitä asiakkaalla: 2 · meiltä heidät tuntevia: 2 · luottamussuhteita: 1"
    )
    labels = [line.label for line in communication.lines]
    assert f"Liisa ↔ {SCRIPT}" in labels
    assert any(len(label) < 100 and label.startswith("Matti ↔ NNN") for label in labels)
    page, markdown = doc.html(), doc.markdown()
    assert SCRIPT not in page and "&lt;script&gt;" in page
    assert "<script>" not in markdown and "N" * 200 not in page
    assert "ostopäällikkö, luottavat toisiinsa" in page
    [copy] = build_documents(company, AS_OF, ["A"], STRICT["fi"], for_customer=True)
    assert "Kontaktikartta" not in copy.html() and "Liisa ↔" not in copy.markdown()
    [hidden] = build_documents(company, AS_OF, ["A"], STRICT["fi"], include_texts=False)
    assert "Kontaktikartta" not in hidden.html() and "Liisa ↔" not in hidden.markdown()


def test_an_unreadable_contact_map_is_named_in_the_document_kept_and_left_out(tmp_path):
    from helpers.report.answer_files import left_out

    folder = company_copy(tmp_path)
    text = "link,ours,theirs,strength\n1,Liisa,Pekka,7\n"
    path = write_contacts(folder, "A", text)
    company = load_company(folder)
    [doc] = build_documents(company, AS_OF, ["A"], STRICT["en"])
    [line] = [line for line in doc.parts()[3].lines if line.label.startswith("Contact map")]
    assert line.internal and line.value.startswith(
        "could not be read: answers/contacts/A.csv, line 2: column 'strength'"
    )
    assert path.read_text(encoding="utf-8") == text
    assert [problem.path.name for problem in left_out(company)] == ["A.csv"]


def test_the_follow_up_asks_what_result_an_experiment_aims_at():
    [follow_up] = [s for s in vision.SECTIONS if s.key == "follow_up"]
    assert any("which result do we aim at" in q for q in follow_up.questions)
    assert Language("fi")._(follow_up.questions[-1]).startswith("Jos kokeilemme yhdessä")
