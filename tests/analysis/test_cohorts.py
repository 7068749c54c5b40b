"""Retention by cohort, pinned on a hand-made example."""

import numpy as np
import pandas as pd

from helpers.analysis.cohorts import cohort_retention, cohort_sizes
from tests.analysis.notebook05_frames import invoices


def test_cohort_retention_on_a_hand_made_example():
    # 2022 cohort: A (buys 2022, 2024), B (2022, then only a credit note in 2023);
    # 2024 cohort: C (2024). No one was won in 2023, so there is no 2023 row.
    data = invoices(
        [
            ("A", "2022-02-01", 100),
            ("A", "2024-02-01", 100),
            ("B", "2022-03-01", 100),
            ("B", "2023-03-01", -20),
            ("C", "2024-05-01", 100),
        ]
    )
    as_of = pd.Timestamp("2024-12-31")
    table = cohort_retention(data, as_of)
    assert table.index.tolist() == [2022, 2024]
    assert table.columns.tolist() == [2022, 2023, 2024]
    assert table.loc[2022].tolist() == [1.0, 0.0, 0.5]
    assert np.isnan(table.loc[2024, 2022]) and table.loc[2024, 2024] == 1.0
    assert cohort_sizes(data, as_of).to_dict() == {2022: 2, 2024: 1}
