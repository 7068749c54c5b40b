"""Value-based segmentation (``helpers.analysis.segmentation``) on the hand-made company of
``segmentation_company``, whose every figure can be checked by hand (the table is there)."""

import math

import pandas as pd
import pytest

from helpers.analysis import segmentation as seg
from tests.analysis import segmentation_company as company
from tests.analysis.segmentation_company import AS_OF


@pytest.fixture
def invoices():
    return company.invoices()


@pytest.fixture
def customers():
    return company.customers()


@pytest.fixture
def table():
    return company.table()


def test_customer_values_windows(invoices):
    values = seg.customer_values(invoices, AS_OF)
    assert list(values.index) == list("ABCDEFGH")
    assert values["revenue_12m"].to_dict() == {
        "A": 3000,
        "B": 1500,
        "C": 450,
        "D": 800,
        "E": 0,
        "F": 0,
        "G": -50,
        "H": 440,
    }
    assert values.loc["A", "revenue_prev_12m"] == 1000
    assert values.loc["E", "revenue_prev_12m"] == 700
    assert values.loc["A", "revenue_total"] == 4000
    assert values.loc["A", "margin_12m"] == 1000
    assert values.loc["G", "margin_12m"] == -50  # (200 − 100) + (−250 + 100)
    assert math.isnan(values.loc["E", "margin_12m"])  # no line in the window
    bought = values["bought_12m"].astype(int).tolist()
    assert bought == [1, 1, 1, 1, 0, 0, 1, 1]
    assert bool(values.loc["E", "bought_prev_12m"]) and not values.loc["F", "bought_prev_12m"]
    assert values.loc["G", "last_purchase"] == pd.Timestamp("2025-04-01")  # credit not a purchase


def test_every_customer_gets_one_segment(table):
    assert sorted(table.index) == list("ABCDEFGH")  # X is in customers.csv only: not listed
    assert table["segment"].to_dict() == {
        "A": seg.KEY_ACCOUNT,
        "B": seg.MAINTAIN,  # the fifth's lower half, 6 % of its wallet left
        "C": seg.SERVE,
        "D": seg.SERVE,  # new, high potential, but one of the many: no sales hours
        "E": seg.DORMANT,
        "F": seg.DORMANT,
        "G": seg.SERVE,
        "H": seg.SERVE,
    }
    # segments.csv's next_step is written in words: tests/words/test_segment_lists.py
    assert list(table.columns[:5]) == [
        "name",
        "segment",
        "value_12m",
        "potential",
        "owner",
    ]
    assert list(table.index[:3]) == ["A", "B", "D"]  # most valuable first


def test_value_levels_top_share_of_buyers(table):
    assert table["value_level"].to_dict() == {
        "A": "high",
        "B": "high",
        "D": "low",
        "C": "low",
        "H": "low",
        "G": "low",
        "E": "none",
        "F": "none",
    }
    assert table.attrs["value_cutoff"] == 1500
    assert table.attrs["split_cutoff"] == 3000
    assert table["value_half"].to_dict() == {
        "A": "upper",
        "B": "lower",
        "D": "",
        "C": "",
        "H": "",
        "G": "",
        "E": "",
        "F": "",
    }


def test_the_fifth_is_split_at_its_median_into_four_cells(invoices, customers):
    # key_share 1.0: all six buyers are the fifth; the upper half is the first ⌈6 / 2⌉ = 3
    whole = seg.segments(invoices, AS_OF, customers, key_share=1.0)
    assert whole["segment"].to_dict() == {
        "A": seg.KEY_ACCOUNT,  # upper, 70 % of its wallet left
        "B": seg.KEEP,  # upper, 6 % left
        "D": seg.KEY_ACCOUNT,  # upper, new
        "C": seg.MAINTAIN,  # lower, shrank 10 %
        "H": seg.DEVELOP,  # lower, grew 10 %
        "G": seg.DEVELOP,  # lower, new
        "E": seg.DORMANT,
        "F": seg.DORMANT,
    }
    assert whole.attrs["split_cutoff"] == 800 and whole.attrs["value_cutoff"] == -50
    # an odd fifth: key_share 0.5 → ⌈3⌉ = 3 (A, B, D); the middle one, B, is in the upper half
    odd = seg.segments(invoices, AS_OF, customers, key_share=0.5)
    assert odd.loc[["A", "B", "D"], "segment"].tolist() == [
        seg.KEY_ACCOUNT,
        seg.KEEP,
        seg.DEVELOP,
    ]
    assert (odd.loc[["C", "H", "G"], "segment"] == seg.SERVE).all()


def test_potential_wallet_or_trend(table):
    assert table.loc["A", "potential_basis"] == seg.WALLET
    assert table.loc["A", "potential"] == pytest.approx(0.70)
    assert table.loc["A", "share_of_wallet"] == pytest.approx(0.30)
    assert table.loc["B", "potential"] == pytest.approx(0.0625)
    assert table.loc["C", "potential_basis"] == seg.TREND
    assert table.loc["C", "potential"] == pytest.approx(-0.10)
    assert math.isnan(table.loc["D", "potential"])  # new: no year before
    assert table.loc["D", "potential_level"] == "high"
    assert table.loc["H", "potential_basis"] == seg.TREND  # a wallet of 0 is no estimate
    assert table.loc["H", "potential"] == pytest.approx(0.10)
    assert table.loc["H", "potential_level"] == "high"  # the cut-off itself counts as high


def test_names_and_owners_from_customers(table):
    assert table.loc["A", "name"] == "Aalto Oy"
    assert table.loc["C", "name"] == "C"  # empty name: the id
    assert table.loc["D", "name"] == "D" and table.loc["D", "owner"] == ""
    assert table.loc["H", "owner"] == ""


def test_lapsed(table):
    # when each is called is the plan's to decide (tests/analysis/test_plan.py)
    assert "call_month" not in table.columns
    assert table.index[table["lapsed"]].tolist() == ["E"]  # F stopped before the year before


def test_hours_from_the_service_model(table):
    hours = table["hours_per_year"].to_dict()
    # the many get one check-up call at most (text 001); maintain a yearly review
    assert hours == {"A": 40, "B": 4, "D": 1, "C": 1, "H": 1, "G": 1, "E": 1, "F": 0}


def test_hours_can_be_changed(invoices, customers):
    custom = seg.segments(invoices, AS_OF, customers, hours_per_year={"key account": 100})
    assert custom.loc["A", "hours_per_year"] == 100
    assert custom["hours_per_year"].sum() == 109  # 100 + 4 + 4 × 1 + a call to E


def test_abc_classes(table):
    # positive value 6190 largest first: A 3000 (before 0) B 1500 (.48) D 800 (.73) → A;
    # C 450 (.86) H 440 (.93) → B; G negative → C; dormant: none. (Counts per class: test_pareto.)
    assert table["abc_class"].to_dict() == {
        "A": "A",
        "B": "A",
        "D": "A",
        "C": "B",
        "H": "B",
        "G": "C",
        "E": "",
        "F": "",
    }


def test_cutoffs_move_customers(invoices, customers):
    everyone = seg.segments(invoices, AS_OF, customers, key_share=1.0)
    assert set(everyone.loc[everyone["value_level"] == "high"].index) == set("ABCDGH")
    strict = seg.segments(invoices, AS_OF, customers, wallet_cutoff=0.8, growth_cutoff=0.2)
    assert strict.loc["A", "segment"] == seg.KEEP  # 70 % of the wallet is not enough now
    strict_all = seg.segments(invoices, AS_OF, customers, key_share=1.0, growth_cutoff=0.2)
    assert strict_all.loc["H", "segment"] == seg.MAINTAIN  # +10 % is not enough now
    with pytest.raises(ValueError, match="key_share"):
        seg.segments(invoices, AS_OF, key_share=20)
    with pytest.raises(ValueError, match="unknown segment"):
        seg.segments(invoices, AS_OF, hours_per_year={"vip": 3})


def test_margin_as_value(invoices, customers):
    table = seg.segments(invoices, AS_OF, customers, value=seg.MARGIN)
    assert table.attrs["value"] == seg.MARGIN
    # margins: A 1000, B 100, C 300, D 500, G −50, H 200 → top 2: A, D
    assert set(table.index[table["value_level"] == "high"]) == {"A", "D"}
    assert seg.value_measure(invoices.drop(columns="cost"), AS_OF, seg.MARGIN)[0] == seg.REVENUE
    holes = invoices.assign(cost=invoices["cost"].where(invoices["customer_id"] != "C"))
    measure, note, lines = seg.value_measure(holes, AS_OF, seg.MARGIN)
    assert measure == seg.REVENUE and (note, lines) == (seg.COST_MISSING, 1)
    fallback = seg.segments(holes, AS_OF, customers, value=seg.MARGIN)
    assert fallback.attrs["value"] == seg.REVENUE
    # the sentences: tests/words/test_segmentation.py
    assert fallback.attrs["value_note"] == seg.COST_MISSING
    assert fallback.attrs["lines_without_cost"] == 1


def test_without_customers_file_potential_is_the_trend(invoices):
    table = seg.segments(invoices, AS_OF)
    assert (table["potential_basis"] == seg.TREND).all()
    assert (table["owner"] == "").all()
    # A (first 2024-06) and B (2024-06) became customers inside the 12 months before: no
    # whole year to compare with, so no trend of +200 % or −25 %: new, high potential
    assert math.isnan(table.loc["A", "potential"]) and math.isnan(table.loc["B", "potential"])
    assert table.loc["A", "segment"] == seg.KEY_ACCOUNT  # the fifth's upper half, new
    assert table.loc["B", "segment"] == seg.DEVELOP  # its lower half, new
    assert table.loc["C", "potential"] == pytest.approx(-0.10)  # a customer since 2023
    assert table.loc["H", "potential"] == pytest.approx(0.10)


def test_a_customer_won_inside_the_year_before_is_new_not_a_huge_trend():
    # as_of 2025-12-31; the 12 months before are (2024-01-01, 2024-12-31]. N first bought
    # 40 on 2024-12-20 and 1561 in 2025: "+3,803 %" would say nothing. O bought all year.
    lines = pd.DataFrame(
        {
            "customer_id": ["O", "O", "O", "N", "N"],
            "date": pd.to_datetime(
                ["2023-06-01", "2024-06-01", "2025-06-01", "2024-12-20", "2025-06-01"]
            ),
            "amount": [100.0, 100.0, 150.0, 40.0, 1561.0],
        }
    )
    table = seg.segments(lines, AS_OF)
    assert math.isnan(table.loc["N", "potential"])
    assert table.loc["N", "potential_level"] == "high"
    assert table.loc["O", "potential"] == pytest.approx(0.5)


def test_key_accounts_in_order_of_value(invoices, customers):
    assert seg.key_accounts(invoices, AS_OF, customers) == ["A"]
    assert seg.key_accounts(invoices, AS_OF, customers, key_share=1.0) == ["A", "D"]


def test_one_customer_one_line():
    one = pd.DataFrame(
        {"customer_id": ["X"], "date": [pd.Timestamp("2025-03-01")], "amount": [10.0]}
    )
    table = seg.segments(one, pd.Timestamp("2025-03-01"))
    assert table["segment"].tolist() == [seg.KEY_ACCOUNT]  # top ⌈0.2⌉ = 1, new = high
    assert seg.segment_summary(table)["customers"].sum() == 1


def test_nobody_bought_lately():
    old = pd.DataFrame(
        {
            "customer_id": ["X", "Y"],
            "date": pd.to_datetime(["2020-01-01", "2020-02-01"]),
            "amount": [10.0, 20.0],
        }
    )
    table = seg.segments(old, pd.Timestamp("2025-01-01"))
    assert (table["segment"] == seg.DORMANT).all()
    assert math.isnan(table.attrs["value_cutoff"])


def test_top_count_has_no_float_noise():
    assert [seg.top_count(0.2, n) for n in (0, 1, 5, 15, 16)] == [0, 1, 1, 3, 4]
    assert seg.top_count(0.07, 100) == 7  # 0.07 · 100 = 7.000000000000001


def test_segment_summary_and_counts(table):
    summary = seg.segment_summary(table)
    assert list(summary.index) == list(seg.SEGMENTS)
    assert summary["customers"].tolist() == [1, 0, 0, 1, 4, 2]
    assert summary["hours_per_year"].sum() == 49
    assert summary.loc[seg.KEY_ACCOUNT, "value_share"] == pytest.approx(3000 / 6140)
    assert seg.segment_counts(table) == {
        "customers_key_account": 1,
        "customers_keep": 0,
        "customers_develop": 0,
        "customers_maintain": 1,
        "customers_serve": 4,
        "customers_dormant": 2,
    }


def test_the_fifth_against_the_many(table):
    groups = seg.fifth_and_many(seg.segment_summary(table))
    assert list(groups.index) == ["fifth", "many", "dormant"]
    assert groups["customers"].tolist() == [2, 4, 2]  # A B | C D G H | E F
    assert groups["value_12m"].tolist() == [4500, 1640, 0]  # 800 + 450 + 440 − 50
    assert groups["hours_per_year"].tolist() == [44, 4, 1]  # 40 + 4 | 4 × 1 | E's call
    assert groups.loc["fifth", "hours_share"] == pytest.approx(44 / 49)
    assert groups.loc["fifth", "value_share"] == pytest.approx(4500 / 6140)


def test_years_as_a_customer(table):
    assert table["tenure_years"].round(3).to_dict() == {
        "A": 1.544,  # 564 days
        "B": 1.544,
        "D": 0.416,  # 152 days
        "C": 2.645,  # 966 days
        "H": 2.913,  # 1064 days
        "G": 0.750,  # 274 days
        "E": 1.834,
        "F": 3.912,
    }
    facts = seg.relationship_length(table)
    # fifth A B: median 1.544; the many C D G H: (0.750 + 2.645) / 2; the oldest 2 buyers: H, C
    assert facts["fifth_median_years"] == pytest.approx(564 / 365.25)
    assert facts["many_median_years"] == pytest.approx((274 + 966) / 2 / 365.25)
    assert facts["longer"] == "many"
    assert (facts["fifth"], facts["many"], facts["oldest"]) == (2, 4, 2)
    assert facts["fifth_among_oldest"] == 0 and facts["key_accounts_among_oldest"] == 0
    years = seg.fifth_by_years(table)
    assert list(years.index) == ["A", "B"] and years["value_rank"].tolist() == [1, 2]
    # among the six buyers by years: H 2.913, C 2.645, A = B 1.544 (both third), G, D
    assert years["years_rank"].tolist() == [3, 3]
    assert years["revenue_total"].tolist() == [4000, 3500]


def test_years_when_everyone_who_bought_is_in_the_fifth(invoices, customers):
    facts = seg.relationship_length(seg.segments(invoices, AS_OF, customers, key_share=1.0))
    assert facts["many"] == 0 and facts["longer"] == "same"
    assert math.isnan(facts["many_median_years"])
    assert facts["key_accounts"] == 2 and facts["fifth_among_oldest"] == 6


def test_key_accounts_a_smaller_or_larger_fifth_would_give(table):
    # 6 buyers by value A B D C H G, high potential: A D H G. key_share 0.2: the fifth A B,
    # its upper half A → 1; 0.5: A B D, upper A B → 1; 1.0: all six, upper A B D → 2
    counts = seg.key_accounts_by_share(table, (0.2, 0.5, 1.0))
    assert counts.tolist() == [1, 1, 2]
