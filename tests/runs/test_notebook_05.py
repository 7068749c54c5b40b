"""Notebook 05 run with papermill on companies made for it: its headline figures equal
product.md's definitions (computed here again, the slow obvious way), it recovers known
repurchase probabilities within its intervals, it writes at-risk.csv, and it runs on
invoices alone with the survey figures null.
"""

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from helpers.analysis.commitment import AT_RISK_COLUMNS
from helpers.company.folder import load_company, resolve_as_of
from helpers.paths import NOTEBOOKS_DIR
from helpers.run import run_workbook
from tests.runs.strict_nbval import assert_reproduces

NOTEBOOK = NOTEBOOKS_DIR / "05-commitment-and-loyalty.ipynb"
COMPANIES = Path(__file__).parent.parent / "companies"
SURVEY_KEYS = (
    "top_box_share",
    "top2_box_share",
    "repurchase_rate_satisfied",
    "repurchase_rate_very_satisfied",
    "repurchase_ratio_very_vs_satisfied",
)
# the repurchase probability built into the generated company, per satisfaction score
TRUE_RATE = {1: 0.15, 2: 0.30, 3: 0.45, 4: 0.60, 5: 0.90}
PER_SCORE = 300


def run_05(folder: Path, out: Path, language: str = "en") -> tuple[dict, Path]:
    result = run_workbook(folder, out, language=language, notebooks=[NOTEBOOK], progress=False)
    figures = json.loads((result.out_dir / f"{NOTEBOOK.stem}.json").read_text(encoding="utf-8"))
    return figures, result.out_dir


def definitions(folder: Path) -> dict:
    """product.md's six figures of notebook 05, one answer and one customer at a time."""
    company = load_company(folder)
    as_of = resolve_as_of(company.invoices, None)
    lines = company.invoices[company.invoices["date"] <= as_of]
    bought = lines[lines["amount"] > 0]
    year = pd.Timedelta(days=365)
    purchases = list(zip(bought["customer_id"], bought["date"], strict=True))
    dates_of: dict = {}
    for customer, date in purchases:
        dates_of.setdefault(customer, []).append(date)

    def buyers(start, end):
        return {c for c, d in purchases if start < d <= end}

    earlier = buyers(as_of - 2 * year, as_of - year)
    recent = buyers(as_of - year, as_of)
    covered = lines["date"].min() <= as_of - 2 * year  # invoices reach back two years
    result = {
        "retention_12m": len(earlier & recent) / len(earlier) if earlier and covered else None
    }
    # a new customer's second year: first purchase at least 730 days before as_of
    firsts = {c: min(d) for c, d in dates_of.items()}
    old_enough = {c: f for c, f in firsts.items() if f <= as_of - 2 * year}
    came_back = [
        any(f + year < d <= f + 2 * year for d in dates_of[c]) for c, f in old_enough.items()
    ]
    result["lifetime_value_retention"] = sum(came_back) / len(came_back) if came_back else None
    if company.survey is None:
        return result | dict.fromkeys(SURVEY_KEYS)
    answers = company.survey[company.survey["date"] <= as_of]
    scores = list(answers["satisfaction"])
    result["top_box_share"] = sum(s == 5 for s in scores) / len(scores)
    result["top2_box_share"] = sum(s >= 4 for s in scores) / len(scores)
    rates = {}
    for score in (4, 5):
        came_back = []
        for customer, date, given in zip(
            answers["customer_id"], answers["date"], answers["satisfaction"], strict=True
        ):
            if given == score and date + year <= as_of:
                came_back.append(any(date < d <= date + year for d in dates_of.get(customer, [])))
        rates[score] = sum(came_back) / len(came_back) if came_back else None
    result["repurchase_rate_satisfied"] = rates[4]
    result["repurchase_rate_very_satisfied"] = rates[5]
    result["repurchase_ratio_very_vs_satisfied"] = (
        rates[5] / rates[4] if rates[4] and rates[5] is not None else None
    )
    return result


def assert_figures_match(figures: dict, expected: dict) -> None:
    for key, value in expected.items():
        if value is None:
            assert figures[key] is None, key
        else:
            assert figures[key] == pytest.approx(value), key


def nbval(executed: Path) -> None:
    assert_reproduces(executed)


# --- a company with a known repurchase probability per score ----------------------------------


def make_known_rates_company(folder: Path, seed: int = 20261123) -> None:
    """300 customers per satisfaction score, each answering once in the second half of 2023.

    A customer with score s buys again within the year after its answer with probability
    TRUE_RATE[s]. The others either buy later (after the year is over), or only get a credit
    note within the year, or never buy again: none of that is a repurchase. Every answer's
    year ends before as_of (2025-06-30, an anchor invoice), so every answer is followed.
    """
    rng = np.random.default_rng(seed)
    scores = np.repeat(np.array(list(TRUE_RATE)), PER_SCORE)
    n = len(scores)
    ids = np.array([f"K{i:04d}" for i in range(n)])
    first = np.datetime64("2023-01-02") + rng.integers(0, 180, n)
    answered = np.datetime64("2023-07-01") + rng.integers(0, 180, n)
    again = rng.random(n) < np.array([TRUE_RATE[s] for s in scores])
    inside = answered + rng.integers(1, 366, n)  # (answer, answer + 365 d]
    other = rng.random(n)
    later = answered + rng.integers(366, 500, n)
    rows = [pd.DataFrame({"customer_id": ids, "date": first, "amount": 500.0})]
    rows.append(pd.DataFrame({"customer_id": ids[again], "date": inside[again], "amount": 400.0}))
    late = ~again & (other < 0.4)
    rows.append(pd.DataFrame({"customer_id": ids[late], "date": later[late], "amount": 300.0}))
    credit = ~again & (other >= 0.4) & (other < 0.6)
    rows.append(pd.DataFrame({"customer_id": ids[credit], "date": inside[credit], "amount": -50.0}))
    rows.append(
        pd.DataFrame(
            {"customer_id": ["ANCHOR"], "date": [np.datetime64("2025-06-30")], "amount": [100.0]}
        )
    )
    invoices = pd.concat(rows).sort_values(["date", "customer_id"], kind="stable")
    invoices["date"] = pd.to_datetime(invoices["date"]).dt.strftime("%Y-%m-%d")
    recommend = np.clip(np.round(2.2 * scores - 1.2 + rng.normal(0, 1, n)), 0, 10).astype(int)
    answer_dates = pd.to_datetime(answered).strftime("%Y-%m-%d")
    survey = pd.DataFrame(
        {"customer_id": ids, "date": answer_dates, "satisfaction": scores, "recommend": recommend}
    )
    ends = np.datetime64("2025-07-31") + 30 * rng.integers(0, 24, n)
    has_contract = rng.random(n) < 0.3
    customers = pd.DataFrame(
        {
            "customer_id": ids,
            "name": [f"Known Rates {i}" for i in range(n)],
            "contract_end": np.where(has_contract, pd.to_datetime(ends).strftime("%Y-%m-%d"), ""),
        }
    )
    folder.mkdir(parents=True, exist_ok=True)
    invoices.to_csv(folder / "invoices.csv", index=False)
    survey.to_csv(folder / "survey.csv", index=False)
    customers.to_csv(folder / "customers.csv", index=False)


@pytest.fixture(scope="module")
def known_rates(tmp_path_factory):
    folder = tmp_path_factory.mktemp("known") / "company"
    make_known_rates_company(folder)
    figures, out = run_05(folder, tmp_path_factory.mktemp("known-out") / "out", language="fi")
    return folder, figures, out


def test_known_rates_company_figures_equal_their_definitions(known_rates):
    folder, figures, _ = known_rates
    assert_figures_match(figures, definitions(folder))
    assert figures["survey_answers"] == len(TRUE_RATE) * PER_SCORE


def test_known_rates_are_recovered_within_their_intervals(known_rates):
    folder, figures, _ = known_rates
    for key, score in (("satisfied", 4), ("very_satisfied", 5)):
        low = figures[f"repurchase_rate_{key}_ci_low"]
        high = figures[f"repurchase_rate_{key}_ci_high"]
        assert low <= TRUE_RATE[score] <= high, (key, low, high)
        assert high - low < 0.12  # 300 answers: informative, not a shrug
    true_ratio = TRUE_RATE[5] / TRUE_RATE[4]
    assert figures["repurchase_ratio_ci_low"] <= true_ratio <= figures["repurchase_ratio_ci_high"]
    # every score, through the helper the notebook uses
    from helpers.analysis.satisfaction import repurchase_by_score

    company = load_company(folder)
    table = repurchase_by_score(
        company.invoices, company.survey, resolve_as_of(company.invoices, None)
    )
    assert (table["followed"] == PER_SCORE).all()
    for score, rate in TRUE_RATE.items():
        assert table.loc[score, "ci_low"] <= rate <= table.loc[score, "ci_high"], score


def test_known_rates_run_reproduces_under_strict_nbval(known_rates):
    _, _, out = known_rates
    nbval(out / NOTEBOOK.name)


# --- the sample company, the tiny one, one made by hand, and invoices only ----------------------


def test_sample_company_figures_equal_their_definitions(tmp_path):
    figures, out = run_05(None, tmp_path / "out")
    sample = COMPANIES.parent.parent / "data" / "sample"
    assert_figures_match(figures, definitions(sample))
    assert figures["repurchase_ratio_very_vs_satisfied"] > 1
    assert 0 < figures["lifetime_value_retention"] < figures["retention_12m"]
    listed = pd.read_csv(out / "at-risk.csv", encoding="utf-8-sig")
    assert listed.columns.tolist() == [*AT_RISK_COLUMNS, "next_step"]  # with the plan's step
    assert len(listed) == figures["at_risk_customers"]
    assert listed["revenue_12m"].sum() == pytest.approx(figures["at_risk_revenue_12m"])
    assert_nobody_at_risk_without_a_recent_answer(sample, listed)


def assert_nobody_at_risk_without_a_recent_answer(folder, listed) -> None:
    """at-risk.csv lists no customer without a survey answer from the last 24 months."""
    company = load_company(folder)
    as_of = resolve_as_of(company.invoices, None)
    answers = company.survey if company.survey is not None else pd.DataFrame(columns=["date"])
    recent = answers[(answers["date"] > as_of - pd.Timedelta(days=730))]
    recent = recent[recent["date"] <= as_of]
    assert set(listed["customer_id"].astype(str)) <= set(recent["customer_id"].astype(str))


def test_tiny_company_figures_by_hand(tmp_path):
    # as_of 2025-12-01. Answers: A 5 (2024-06-15), B 4 (2024-06-15), C 5 (2024-10-01),
    # D 3 (2025-06-01, its year not over). A, B, C all bought within their year; C on the
    # window's last day. Retention: the invoices start on 2024-01-15, inside the 12 months
    # before the last 12 (from 2023-12-02): null with the reason, not 3 / 3. Nobody's
    # first purchase is two years old either: no retention for a new customer.
    figures, _ = run_05(COMPANIES / "tiny", tmp_path / "out", language="sv")
    assert_figures_match(
        figures,
        {
            "top_box_share": 0.5,
            "top2_box_share": 0.75,
            "repurchase_rate_satisfied": 1.0,
            "repurchase_rate_very_satisfied": 1.0,
            "repurchase_ratio_very_vs_satisfied": 1.0,
            "retention_12m": None,
            "lifetime_value_retention": None,
        },
    )
    assert figures["retention_12m_reason"] == "data_starts_inside_window"
    assert figures["lifetime_value_retention_reason"] == "no_customer_two_years_old"
    assert_figures_match(figures, definitions(COMPANIES / "tiny"))


HAND_MADE = {
    "invoices.csv": """customer_id,date,amount
A,2024-02-01,800
A,2025-02-01,1000
B,2024-03-01,400
B,2025-03-01,500
C,2024-04-01,300
C,2025-04-01,300
G,2024-05-01,700
G,2025-05-01,800
D,2024-05-01,200
E,2024-05-01,100
E,2025-06-01,100
H,2024-07-01,60
H,2025-07-01,50
H,2025-12-01,10
""",
    "customers.csv": """customer_id,name,contract_end
A,Aalto Oy,2026-12-31
B,Bistro Björk,2026-03-31
C,Cafe Kulma,2027-06-30
D,Dahl Ab,
E,Eero Metalli,2025-06-30
G,Gallen Oy,2026-09-30
H,Hiekka Oy,2026-01-31
""",
    "survey.csv": """customer_id,date,satisfaction,recommend
A,2024-03-10,5,
B,2024-04-10,4,7
C,2024-05-10,3,5
D,2024-06-10,5,10
E,2024-05-20,4,9
H,2023-01-10,5,10
H,2024-07-10,2,2
""",
}


def test_hand_made_company_at_risk_list(tmp_path):
    # as_of 2025-12-01 (H's last line); answers count for 24 months (after 2023-12-02).
    # Cells: A ideal (13 months left, 5), B risk (3.9 months: too close to bind; 4 and 7),
    # C prisoner (18.9 months, 3), G commitment unknown (10 months, never asked: not low),
    # D emotional tie (no contract, 5), E emotional tie (ended, promoter 9), H risk (2
    # months; latest answer 2, its 5 of 2023 is too old). At risk within 12 months:
    # prisoners and risks with a contract ending in that time: B 500, H 60 → 560; G is
    # not on the list.
    # Survey: answers 5,4,3,5,4,5,2 → top box 3/7, top-2 5/7. Every answer's year is over
    # by 2025-12-01. Bought again within the year: A yes (2025-02-01), B yes (2025-03-01),
    # C yes, D no, E no (its 2025-06-01 line is 12 days after its year), H 2023 no (next
    # line 2024-07-01, after its year), H 2024 yes (2025-07-01).
    # 4: B yes, E no → 0.5; 5: A yes, D no, H 2023 no → 1/3; ratio 2/3.
    folder = tmp_path / "company"
    folder.mkdir()
    for name, text in HAND_MADE.items():
        (folder / name).write_text(text, encoding="utf-8")
    figures, out = run_05(folder, tmp_path / "out")
    assert_figures_match(
        figures,
        {
            "top_box_share": 3 / 7,
            "top2_box_share": 5 / 7,
            "repurchase_rate_satisfied": 0.5,
            "repurchase_rate_very_satisfied": 1 / 3,
            "repurchase_ratio_very_vs_satisfied": 2 / 3,
            "at_risk_customers": 2,
            "at_risk_revenue_12m": 560.0,
        },
    )
    assert_figures_match(figures, definitions(folder))
    listed = pd.read_csv(out / "at-risk.csv", encoding="utf-8-sig")
    assert listed["customer_id"].tolist() == ["B", "H"]
    assert listed["cell"].tolist() == ["risk", "risk"]
    assert listed["name"].tolist() == ["Bistro Björk", "Hiekka Oy"]
    page = (out / f"{NOTEBOOK.stem}.html").read_text(encoding="utf-8")
    assert "Not on the list, because nobody knows their commitment: Gallen Oy, whose" in page
    assert figures["retention_12m"] is None  # the invoices start on 2024-02-01


def test_invoices_only_gives_null_survey_figures_and_says_what_to_add(tmp_path):
    figures, out = run_05(COMPANIES / "minimal", tmp_path / "out", language="sv")
    for key in (*SURVEY_KEYS, "nps", "at_risk_customers", "at_risk_revenue_12m"):
        assert figures[key] is None, key
    assert figures["survey_answers"] == 0
    page = (out / f"{NOTEBOOK.stem}.html").read_text(encoding="utf-8")
    assert "survey.csv" in page and "contract_end" in page
    listed = pd.read_csv(out / "at-risk.csv", encoding="utf-8-sig")
    assert listed.empty and listed.columns.tolist() == [*AT_RISK_COLUMNS, "next_step"]


def test_a_company_where_every_customer_bought_once_says_why_there_is_no_still_buying_model(
    tmp_path,
):
    """60 customers, one purchase each over two years: no repeat purchase to learn from."""
    folder = tmp_path / "once"
    folder.mkdir()
    days = pd.date_range("2024-01-05", periods=60, freq="11D")
    pd.DataFrame(
        {
            "invoice_id": [f"I{n}" for n in range(60)],
            "customer_id": [f"C{n:02d}" for n in range(60)],
            "date": days.strftime("%Y-%m-%d"),
            "amount": 100.0 + np.arange(60),
        }
    ).to_csv(folder / "invoices.csv", index=False)
    figures, out = run_05(folder, tmp_path / "out")
    assert figures["bgnbd_reason"] == "no_repeat_buyers"
    assert figures["gamma_gamma_reason"] == "no_repeat_buyers"
    for key in ("bgnbd_r", "bgnbd_alpha", "bgnbd_a", "bgnbd_b", "customers_probably_lost"):
        assert figures[key] is None, key
    page = (out / f"{NOTEBOOK.stem}.html").read_text(encoding="utf-8")
    assert (
        "The model can't be fitted on this data. Every customer has bought on one day only" in page
    )
    assert "own rhythm are left out: Every customer has bought on one day only" in page
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["bgnbd_reason"] == "no_repeat_buyers"
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Every customer has bought on one day only" in index  # the reason, in words


def test_the_sample_records_the_still_buying_fit_and_the_spend_check(tmp_path):
    from helpers.analysis import spend, still_buying

    figures, out = run_05(None, tmp_path / "out")
    company = load_company(None)
    as_of = resolve_as_of(company.invoices, None)
    model = still_buying.still_buying(company.invoices, as_of)
    assert figures["bgnbd_reason"] is None
    assert figures["bgnbd_r"] == pytest.approx(model.fit.params.r)
    assert figures["customers_probably_lost"] == model.figures["customers_probably_lost"] > 0
    checked = spend.spend_independence(model.summary)
    assert figures["spend_frequency_correlation"] == pytest.approx(checked["correlation"])
    assert figures["spend_independent_of_frequency"] is True
    assert figures["gamma_gamma_reason"] is None and figures["gamma_gamma_q"] > 1
    page = (out / f"{NOTEBOOK.stem}.html").read_text(encoding="utf-8")
    assert "lifetime value by its own rhythm" in page
    assert "Fitted only on the purchases up to" in page  # the hold-out test, in words
