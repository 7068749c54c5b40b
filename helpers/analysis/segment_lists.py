"""How finely notebook 02's lists write their figures (``segments.csv``).

The lists themselves, as saved and shown, with each customer's step of the plan, are
:mod:`helpers.words.segment_lists`; who is called when is the plan's to decide
(:mod:`helpers.analysis.plan`).
"""

from __future__ import annotations

CSV_DECIMALS = {  # money to the cent, shares to a hundredth of a percent: no float noise
    "value_12m": 2,
    "revenue_12m": 2,
    "revenue_prev_12m": 2,
    "margin_12m": 2,
    "wallet": 2,
    "potential": 4,
    "tenure_years": 2,
    "hours_per_year": 2,
    "p_alive": 4,
    "expected_purchases_12m": 2,
}
