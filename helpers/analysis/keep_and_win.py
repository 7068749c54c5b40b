"""Keep or win? Texts 000 and 004 weighed on the company's own figures (notebook 07).

Text 004 says keeping a customer costs less than winning one, and that most firms still
spend most of their effort on winning. Text 000 says a firm that only keeps stops learning,
lets its prices slide and grows dependent on a few customers. Both are opinions; here they
become figures the notebooks already measure, each with an explicit limit:

* **text 000's signs** (win more): new customers brought under :data:`NEW_SHARE_LOW` of the
  last 12 months' revenue; prices slide with tenure (notebook 01's erosion, its whole 95 %
  interval below zero); the largest customer holds :data:`LARGEST_SHARE_HIGH` or more of all
  revenue;
* **text 004's signs** (keep better): fewer than :data:`RETENTION_LOW` of last year's buyers
  bought again; the customers you kept bought less than the year before; the customers you
  lost had bought more, the year before, than your new customers bought this year.

The limits are the course's rules of thumb, not the texts' (neither gives a number), and
they are printed wherever they are used. :func:`won_and_lost_12m` makes the silent side of
text 004 visible: what the customers you lost took with them, beside what the new ones
brought. :func:`owner_scorecard` measures, per account owner, keeping as well as winning.
"""

from __future__ import annotations

import math

import pandas as pd

from helpers.analysis.concentration import concentration_figures
from helpers.analysis.freshness import (
    DATA_STARTS_INSIDE_WINDOW,
    covers_window,
    first_invoice_dates,
    freshness_figures,
)
from helpers.analysis.pricing import PriceDataMissing, erosion_per_tenure_year
from helpers.analysis.windows import in_window, up_to, window_start

NEW_SHARE_LOW = 0.10  # new customers bring less than a tenth of the year's revenue
LARGEST_SHARE_HIGH = 0.20  # one customer holds a fifth of all revenue or more
RETENTION_LOW = 0.75  # a quarter or more of last year's buyers did not buy again
NO_UNIT_PRICES = "no_unit_prices"  # the erosion needs unit prices (quantity or unit_price)

# the signs, by the side they argue for
FEW_NEW, PRICES_SLIDE, DEPENDENT = "few_new", "prices_slide", "dependent"  # text 000: win
RETENTION_LOW_SIGN, KEPT_BUY_LESS, LOST_MORE_THAN_WON = (
    "retention_low",
    "kept_buy_less",
    "lost_more_than_won",
)  # text 004: keep
WIN, KEEP = "win", "keep"
SIGNS = {
    WIN: (FEW_NEW, PRICES_SLIDE, DEPENDENT),
    KEEP: (RETENTION_LOW_SIGN, KEPT_BUY_LESS, LOST_MORE_THAN_WON),
}


def won_and_lost_12m(invoices: pd.DataFrame, as_of: pd.Timestamp) -> dict:
    """From the 12 months before to the last 12: what the customers you lost took, what the
    ones you kept changed, what returning and new customers brought.

    Customers, by what they did (a purchase = a line with a positive amount in the window):
    **new** (first invoice in the last 12 months), **lost** (bought in the 12 months before,
    not in the last 12), **kept** (bought in both), **returned** (bought in the last 12, not
    in the 12 before, and not new). ``revenue_before`` + ``lost`` + ``kept_change`` +
    ``returned`` + ``new`` = ``revenue_now`` (credit notes of anyone else go into
    ``kept_change``), so the parts form a bridge.

    Out: dict with ``revenue_before``, ``revenue_now`` (the two windows' revenue),
    ``lost`` (the lost customers' change: minus what they bought before),
    ``lost_revenue_before`` (what they bought then), ``kept_change``, ``returned``, ``new``,
    the counts ``customers_before``, ``lost_customers``, ``kept_customers``,
    ``returned_customers``, ``new_customers``, and ``reason``: None, or
    ``data_starts_inside_window`` when the invoices don't cover both windows (then every
    money figure but ``new`` and ``revenue_now`` is NaN).

    >>> lines = pd.DataFrame({"customer_id": ["O", "K", "K", "L", "N"],
    ...     "amount": [10.0, 100.0, 80.0, 50.0, 30.0], "date": pd.to_datetime(["2021-01-01",
    ...     "2023-06-01", "2024-06-01", "2023-07-01", "2024-05-01"])})
    >>> bridge = won_and_lost_12m(lines, pd.Timestamp("2024-12-31"))
    >>> bridge["revenue_before"], bridge["lost"], bridge["kept_change"], bridge["new"]
    (150.0, -50.0, -20.0, 30.0)
    >>> bridge["revenue_now"], bridge["lost_customers"], bridge["new_customers"]
    (110.0, 1, 1)
    """
    lines = up_to(invoices, as_of)
    now = in_window(lines, as_of).groupby("customer_id")["amount"].sum()
    before = in_window(lines, as_of, back=1).groupby("customer_id")["amount"].sum()
    bought = lines.loc[lines["amount"] > 0]
    bought_now = set(in_window(bought, as_of)["customer_id"])
    bought_before = set(in_window(bought, as_of, back=1)["customer_id"])
    first = first_invoice_dates(lines, as_of)
    new = set(first.index[first > window_start(as_of)])
    lost = bought_before - bought_now
    kept = bought_before & bought_now
    returned = bought_now - bought_before - new
    change = now.reindex(now.index.union(before.index), fill_value=0.0) - before.reindex(
        now.index.union(before.index), fill_value=0.0
    )
    everyone_else = set(change.index) - lost - returned - new

    def total(ids, series) -> float:
        return float(series.reindex(sorted(ids)).fillna(0.0).sum())

    covered = covers_window(invoices, as_of, back=1)
    nan = math.nan
    return {
        "revenue_before": float(before.sum()) if covered else nan,
        "revenue_now": float(now.sum()),
        "lost": total(lost, change) if covered else nan,
        "lost_revenue_before": total(lost, before) if covered else nan,
        "kept_change": total(everyone_else, change) if covered else nan,
        "returned": total(returned, change) if covered else nan,
        "new": total(new, now),
        "customers_before": len(bought_before),
        "lost_customers": len(lost),
        "kept_customers": len(kept),
        "returned_customers": len(returned),
        "new_customers": len(new),
        "reason": None if covered else DATA_STARTS_INSIDE_WINDOW,
    }


def keep_and_win_figures(invoices: pd.DataFrame, as_of: pd.Timestamp) -> dict:
    """The figures both texts argue from, as the other notebooks measure them.

    Out: dict with ``new_customer_revenue_share_12m`` and ``retention_12m`` (notebook 01,
    each with its ``*_reason``), ``erosion_per_tenure_year`` with ``erosion_ci_high`` and
    ``erosion_reason`` (01; :data:`NO_UNIT_PRICES` without unit prices),
    ``largest_customer_share`` (01), and the :func:`won_and_lost_12m` bridge as
    ``bridge``.
    """
    figures = dict(freshness_figures(invoices, as_of))
    try:
        erosion = erosion_per_tenure_year(invoices, as_of)
    except PriceDataMissing:
        erosion = {"erosion_per_tenure_year": math.nan, "erosion_ci_high": math.nan}
        erosion["reason"] = NO_UNIT_PRICES
    figures["erosion_per_tenure_year"] = erosion["erosion_per_tenure_year"]
    figures["erosion_ci_high"] = erosion["erosion_ci_high"]
    figures["erosion_reason"] = erosion["reason"]
    figures["largest_customer_share"] = concentration_figures(invoices, as_of)[
        "largest_customer_share"
    ]
    figures["bridge"] = won_and_lost_12m(invoices, as_of)
    return figures


def signs(figures: dict) -> dict[str, dict[str, bool]]:
    """Which of each text's signs show on the figures: ``{side: {sign: True/False}}``, a sign
    left out where its figure can't be measured (see the module docstring for the limits).

    >>> figures = {"new_customer_revenue_share_12m": 0.05, "erosion_ci_high": float("nan"),
    ...     "largest_customer_share": 0.3, "retention_12m": 0.9,
    ...     "bridge": {"kept_change": 10.0, "lost_revenue_before": 5.0, "new": 20.0}}
    >>> signs(figures)
    {'win': {'few_new': True, 'dependent': True}, 'keep': {'retention_low': False, \
'kept_buy_less': False, 'lost_more_than_won': False}}
    """
    bridge = figures["bridge"]
    measured = {
        FEW_NEW: _below(figures["new_customer_revenue_share_12m"], NEW_SHARE_LOW),
        PRICES_SLIDE: _below(figures["erosion_ci_high"], 0.0),
        DEPENDENT: _below(-figures["largest_customer_share"], -LARGEST_SHARE_HIGH, True),
        RETENTION_LOW_SIGN: _below(figures["retention_12m"], RETENTION_LOW),
        KEPT_BUY_LESS: _below(bridge["kept_change"], 0.0),
        LOST_MORE_THAN_WON: _below(bridge["new"] - bridge["lost_revenue_before"], 0.0),
    }
    return {
        side: {sign: measured[sign] for sign in names if measured[sign] is not None}
        for side, names in SIGNS.items()
    }


def _below(value: float, limit: float, or_equal: bool = False) -> bool | None:
    """value < limit (<= with ``or_equal``); None when the value is not measured."""
    if value is None or value != value:
        return None
    return bool(value <= limit) if or_equal else bool(value < limit)


def weighs_more(shown: dict[str, dict[str, bool]]) -> list[str]:
    """The side(s) with more signs showing: [KEEP], [WIN] or both on a tie; [] when no
    figure of either side could be measured."""
    if not any(shown.values()):
        return []
    count = {side: sum(found.values()) for side, found in shown.items()}
    most = max(count.values())
    return [side for side in (KEEP, WIN) if count[side] == most]


def owner_scorecard(
    invoices: pd.DataFrame,
    as_of: pd.Timestamp,
    owners: pd.Series,
    steps: pd.Series | None = None,
) -> pd.DataFrame:
    """Per account owner, keeping beside winning (text 004: reward both).

    In: invoices, ``as_of``, ``owners`` (owner per customer_id; '' = none), ``steps``
    (optional: the plan's next step per customer_id).
    Out: DataFrame indexed by ``owner`` ('' for customers without one), the owners with
    most customers the year before first: ``customers_before`` (bought in the 12 months
    before), ``kept`` (of them, bought again in the last 12), ``retention`` (kept /
    customers_before; NaN when the invoices don't cover the earlier window or nobody
    bought then), ``kept_revenue_12m`` (what the kept ones bought in the last 12 months),
    ``new_customers`` and ``new_revenue_12m`` (first invoice in the last 12 months), and
    with ``steps`` ``plan_steps`` (personal steps in the plan: anything but marketing).

    >>> lines = pd.DataFrame({"customer_id": ["A", "A", "A", "B", "C"],
    ...     "amount": [5.0, 100.0, 80.0, 50.0, 30.0], "date": pd.to_datetime(["2021-01-01",
    ...     "2023-06-01", "2024-06-01", "2023-07-01", "2024-05-01"])})
    >>> card = owner_scorecard(lines, pd.Timestamp("2024-12-31"),
    ...                        pd.Series({"A": "Aino", "B": "Aino", "C": "Mikko"}))
    >>> card[["customers_before", "kept", "retention", "new_customers"]].to_dict("index")
    {'Aino': {'customers_before': 2, 'kept': 1, 'retention': 0.5, 'new_customers': 0}, \
'Mikko': {'customers_before': 0, 'kept': 0, 'retention': nan, 'new_customers': 1}}
    """
    lines = up_to(invoices, as_of)
    ids = pd.Index(sorted(lines["customer_id"].unique()), name="customer_id")
    owner = owners.reindex(ids).fillna("").astype(str)
    bought = lines.loc[lines["amount"] > 0]
    before = ids.isin(in_window(bought, as_of, back=1)["customer_id"].unique())
    now = ids.isin(in_window(bought, as_of)["customer_id"].unique())
    revenue_now = in_window(lines, as_of).groupby("customer_id")["amount"].sum().reindex(ids)
    first = first_invoice_dates(lines, as_of).reindex(ids)
    new = (first > window_start(as_of)).to_numpy()
    frame = pd.DataFrame(
        {
            "owner": owner.to_numpy(),
            "customers_before": before.astype(int),
            "kept": (before & now).astype(int),
            "kept_revenue_12m": revenue_now.fillna(0.0).where(before & now, 0.0).to_numpy(),
            "new_customers": new.astype(int),
            "new_revenue_12m": revenue_now.fillna(0.0).where(new, 0.0).to_numpy(),
        },
        index=ids,
    )
    if steps is not None:
        from helpers.analysis.plan import MARKETING

        step = steps.reindex(ids).fillna(MARKETING)
        frame["plan_steps"] = (step != MARKETING).astype(int).to_numpy()
    card = frame.groupby("owner").sum()
    covered = covers_window(invoices, as_of, back=1)
    card.insert(
        2,
        "retention",
        (card["kept"] / card["customers_before"]).where(
            (card["customers_before"] > 0) & covered, math.nan
        ),
    )
    return card.sort_values("customers_before", ascending=False, kind="stable")
