"""Value-based segmentation: which customers get how much sales time (text 001).

Text 001: about a fifth of the customers often bring most of the revenue, so the scarce
sales time goes to them; that valuable fifth is split by value and potential, and the
other four fifths are served by marketing, with at most one check-up call a year. Every
customer in the invoices is placed in one **segment**:

- the **valuable fifth**: the top ``key_share`` (by count, default 20 %) of the customers
  who bought in the last 12 months, by **value** (revenue, or margin where invoices have a
  ``cost``). The fifth is cut in two at its median: the more valuable half (with the
  middle customer when the fifth is odd, ⌈k / 2⌉ of its k customers) has the *higher*
  value, the rest of the fifth the *lower*;
- within the fifth, the **growth potential**: where ``customers.csv`` gives a ``wallet``
  (the customer's estimated yearly purchases of what we sell), the part of that wallet we
  don't have yet, ``1 − revenue_12m / wallet``; otherwise its growth trend,
  ``revenue_12m / revenue_prev_12m − 1`` (the last 12 months against the 12 before). A
  customer whose first invoice falls after the start of the 12 months before (no whole
  year to compare with: a few weeks of last year would make a trend of +3,800 %) is
  *new*, counted as high potential. Each customer says which basis placed it
  (``potential_basis``).

| the valuable fifth \\ potential | high        | low      |
|--------------------------------|-------------|----------|
| higher value (upper half)      | key account | keep     |
| lower value (lower half)       | develop     | maintain |

Everyone else who bought in the last 12 months is ``serve`` (the many: marketing and at
most a yearly check-up call); customers without a purchase (a line with a positive
amount) in the last 12 months are ``dormant``, whatever their history. The segment of
every customer is decided in one vectorised pass; the names, the sales hours of the
service model and the default cut-offs are plain constants that later notebooks import
(``key_accounts`` gives "the key accounts of notebook 02"). What each segment gets and the
next step with each customer, in words, are :mod:`helpers.words.segmentation`.

Text 001 counts the length of the relationship in a customer's value too:
``tenure_years`` (years since the first invoice) sits beside the value of every customer,
and :func:`relationship_length` compares the fifth with the many.

Around the segments, one module per topic: :mod:`helpers.analysis.pareto` (the 80/20
curve and the ABC classes), :mod:`helpers.analysis.ownership` (how much value hangs on
each account owner) and :mod:`helpers.analysis.segment_lists` (the check-up calls); the
lists as saved (``segments.csv``) and the tables to show are :mod:`helpers.words.segment_lists`.

>>> lines = pd.DataFrame({"customer_id": ["A", "B", "B", "B"],
...     "amount": [900.0, 100.0, 300.0, 200.0],
...     "date": pd.to_datetime(["2025-06-01", "2023-06-01", "2024-06-01", "2025-06-01"])})
>>> segments(lines, pd.Timestamp("2025-12-31"))["segment"].to_dict()   # one row per customer
{'A': 'key account', 'B': 'serve'}
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from helpers.analysis.windows import WINDOW_DAYS, window_mask, window_start
from helpers.language import N_

KEY_ACCOUNT, KEEP, DEVELOP, MAINTAIN = "key account", "keep", "develop", "maintain"
SERVE, DORMANT = "serve", "dormant"
SEGMENTS = (KEY_ACCOUNT, KEEP, DEVELOP, MAINTAIN, SERVE, DORMANT)  # the order of every table
FIFTH = (KEY_ACCOUNT, KEEP, DEVELOP, MAINTAIN)  # the valuable fifth's four cells

# What readers see (translated): the segment and basis names in tables, plots, sentences.
SEGMENT_LABELS = {
    KEY_ACCOUNT: N_("key account"),
    KEEP: N_("keep"),
    DEVELOP: N_("develop"),
    MAINTAIN: N_("maintain"),
    SERVE: N_("serve"),
    DORMANT: N_("dormant"),
}

WALLET, TREND = "share of wallet", "growth trend"  # the two bases of potential
BASIS_LABELS = {WALLET: N_("share of wallet"), TREND: N_("growth trend")}
REVENUE, MARGIN = "revenue", "margin"  # what "value" measures

# Default cut-offs: the learner changes them in notebook 02; later notebooks use these.
KEY_SHARE = 0.20  # the valuable fifth: top share of buying customers (by count) by value
WALLET_CUTOFF = 0.50  # high potential: at least half of the wallet is not ours yet
GROWTH_CUTOFF = 0.10  # high potential: grew at least 10 % on the 12 months before
ABC_CUTOFFS = (0.80, 0.95)  # A brings the first 80 % of value, B the next 15 %, C the rest


# The service model's sales time per customer and year, by segment (what each segment
# gets, and the next step with each customer, in words: helpers.words.segmentation).
# The fifth gets the salespeople's time; the many (serve) at most one call a year (text 001).
SERVICE_HOURS: dict[str, float] = {
    KEY_ACCOUNT: 40.0,  # about a working week: account plan, quarterly meetings, a vision
    KEEP: 10.0,  # a named owner, a yearly service review, a quick answer every time
    DEVELOP: 8.0,  # a salesperson for a set time: map the needs, a targeted offer
    MAINTAIN: 4.0,  # a named owner and a yearly review: no gap for a competitor
    SERVE: 1.0,  # one check-up call a year, at most
    DORMANT: 0.0,  # marketing; one call (1 hour) to those who stopped in the last year
}

# Why value is revenue though margin was asked for (``attrs["value_note"]`` of segments).
NO_COST_COLUMN, COST_MISSING = "no_cost_column", "cost_missing"
DAYS_PER_YEAR = 365.25  # tenure in years, as notebook 01's


def top_count(share: float, n: int) -> int:
    """⌈share · n⌉ without float noise (0.07 · 100 must be 7, not 8)."""
    return min(n, max(0, math.ceil(round(share * n, 9))))


def customer_values(
    invoices: pd.DataFrame, as_of: pd.Timestamp, window_days: int = WINDOW_DAYS
) -> pd.DataFrame:
    """Revenue, margin and buying dates per customer for the last two 12-month windows.

    In: invoices (``customer_id``, ``date``, ``amount``, optional ``cost``), ``as_of``.
    Out: DataFrame indexed by ``customer_id`` (every customer with a line up to
    ``as_of``, in id order) with ``revenue_12m`` (window (as_of − 365 d, as_of]),
    ``revenue_prev_12m`` (the 365 days before), ``margin_12m`` (amount − cost over the
    window's lines with a cost; NaN without any), ``revenue_total`` (all lines up to
    as_of), ``bought_12m`` / ``bought_prev_12m`` (a line with a positive amount in that
    window), ``first_invoice`` and ``last_purchase`` (last line with a positive amount).

    Example: ``customer_values(invoices, as_of).loc["C0001", "revenue_12m"]``
    """
    lines = invoices.loc[invoices["date"] <= as_of]
    in_window = window_mask(lines["date"], as_of, days=window_days)
    in_prev = window_mask(lines["date"], as_of, back=1, days=window_days)
    positive = lines["amount"] > 0
    amount = lines["amount"].astype(float)
    if "cost" in lines.columns:
        margin = (amount - lines["cost"]).where(in_window)
    else:
        margin = pd.Series(np.nan, index=lines.index)
    frame = pd.DataFrame(
        {
            "revenue_12m": amount.where(in_window, 0.0),
            "revenue_prev_12m": amount.where(in_prev, 0.0),
            "margin_12m": margin,
            "revenue_total": amount,
            "bought_12m": in_window & positive,
            "bought_prev_12m": in_prev & positive,
            "first_invoice": lines["date"],
            "last_purchase": lines["date"].where(positive),
        }
    )
    grouped = frame.groupby(lines["customer_id"], sort=True)
    out = grouped[["revenue_12m", "revenue_prev_12m", "revenue_total"]].sum()
    out["margin_12m"] = grouped["margin_12m"].sum(min_count=1)
    out[["bought_12m", "bought_prev_12m"]] = grouped[["bought_12m", "bought_prev_12m"]].any()
    out["first_invoice"] = grouped["first_invoice"].min()
    out["last_purchase"] = grouped["last_purchase"].max()
    out.index.name = "customer_id"
    return out


def value_measure(
    invoices: pd.DataFrame, as_of: pd.Timestamp, wanted: str = REVENUE
) -> tuple[str, str, int]:
    """Which measure of value can be used: ``(measure, note, lines_without_cost)``.

    Margin needs a ``cost`` on every invoice line of the last 12 months; otherwise the
    value is revenue and ``note`` says why, as a code: :data:`NO_COST_COLUMN`, or
    :data:`COST_MISSING` with the count of lines of the window that have no cost ('' and
    0 when the measure asked for is used). The sentence:
    ``helpers.words.segmentation.value_note_in_words``.

    >>> lines = pd.DataFrame({"customer_id": ["A", "B"], "amount": [100.0, 50.0],
    ...                       "cost": [60.0, None], "date": pd.to_datetime(["2025-03-01"] * 2)})
    >>> value_measure(lines, pd.Timestamp("2025-12-31"), MARGIN)
    ('revenue', 'cost_missing', 1)
    """
    if wanted not in (REVENUE, MARGIN):
        raise ValueError(f"value must be '{REVENUE}' or '{MARGIN}'; got {wanted!r}")
    if wanted == REVENUE:
        return REVENUE, "", 0
    if "cost" not in invoices.columns:
        return REVENUE, NO_COST_COLUMN, 0
    window = invoices.loc[window_mask(invoices["date"], as_of)]
    missing = int(window["cost"].isna().sum())
    if missing:
        return REVENUE, COST_MISSING, missing
    return MARGIN, "", 0


def _customer_facts(customers: pd.DataFrame | None, ids: pd.Index) -> pd.DataFrame:
    """name, owner and wallet per customer id ('' and NaN where customers.csv has none)."""
    facts = pd.DataFrame(index=ids)
    facts["name"] = ids.astype(str)
    facts["owner"] = ""
    facts["wallet"] = np.nan
    if customers is None or customers.empty:
        return facts
    known = customers.drop_duplicates("customer_id", keep="last").set_index("customer_id")
    known = known.reindex(ids)
    if "name" in known:
        name = known["name"].astype("string").str.strip()
        facts["name"] = name.where(name.fillna("") != "", facts["name"]).astype(str)
    if "owner" in known:
        facts["owner"] = known["owner"].astype("string").str.strip().fillna("").astype(str)
    if "wallet" in known:
        facts["wallet"] = pd.to_numeric(known["wallet"], errors="coerce")
    return facts


def segments(
    invoices: pd.DataFrame,
    as_of: pd.Timestamp,
    customers: pd.DataFrame | None = None,
    *,
    key_share: float = KEY_SHARE,
    wallet_cutoff: float = WALLET_CUTOFF,
    growth_cutoff: float = GROWTH_CUTOFF,
    value: str = REVENUE,
    abc_cutoffs: tuple[float, float] = ABC_CUTOFFS,
    hours_per_year: dict[str, float] | None = None,
) -> pd.DataFrame:
    """Place every customer in a segment: the valuable fifth by value × potential, the many.

    In: invoices, ``as_of``, optional ``customers`` (``customers.csv``: ``name``,
    ``owner``, ``wallet``); the cut-offs (see the module constants); ``value``
    ``"revenue"`` or ``"margin"`` (margin only when every line of the last 12 months
    has a cost, see :func:`value_measure`); ``hours_per_year`` per segment to override
    :data:`SERVICE_HOURS`.

    Out: DataFrame indexed by ``customer_id``, one row for every customer with a line up
    to ``as_of``, most valuable first (ties in id order), with

    - ``name``, ``segment`` (one of :data:`SEGMENTS`, never empty), ``value_12m``,
      ``potential``, ``owner`` ('' when unknown) — the first columns of ``segments.csv``
      (its ``next_step`` is written by ``helpers.words.segment_lists.segments_list``);
    - ``potential_basis`` (:data:`WALLET` or :data:`TREND`), ``potential_level``
      ("high"/"low"), ``value_level`` ("high" in the valuable fifth, "low" for the many
      who bought, "none" for the dormant), ``value_half`` ("upper"/"lower" half of the
      fifth, '' outside it), ``abc_class`` (A/B/C over customers who bought in the last
      12 months, '' for the dormant), ``revenue_12m``, ``revenue_prev_12m``,
      ``margin_12m``, ``wallet``, ``share_of_wallet``, ``revenue_total``,
      ``first_invoice``, ``last_purchase``, ``tenure_years`` (years from the first
      invoice to ``as_of``, days / 365.25), ``hours_per_year`` (sales time the service
      model gives the customer) and ``lapsed`` (dormant, but bought in the 12 months
      before the window: one call to ask why they stopped).

    ``potential``: for the wallet basis the share of the wallet not yet ours, ``1 −
    revenue_12m / wallet``, at least 0 (high from ``wallet_cutoff``); for the trend
    basis ``revenue_12m / revenue_prev_12m − 1`` (high from ``growth_cutoff``), NaN
    for a customer with no revenue in the 12 months before, or whose first invoice falls
    inside them (new, with no whole year to compare with: counted as high). Potential
    splits the fifth only: the many are served alike, whatever their potential.
    ``table.attrs`` keeps the cut-offs used (for plots: ``value_cutoff``, the lowest
    value in the fifth, and ``split_cutoff``, the lowest in its upper half), the value
    measure used, ``value_note`` (why margin could not be used when it was asked for, a
    code of :func:`value_measure`; '' otherwise) and ``lines_without_cost``.

    Example: ``segments(invoices, as_of, customers)["segment"].value_counts()``
    """
    if not 0 < key_share <= 1:
        raise ValueError(f"key_share must be a share between 0 and 1, like 0.2; got {key_share}")
    a_cut, b_cut = abc_cutoffs
    if not 0 < a_cut <= b_cut <= 1:
        raise ValueError(f"abc_cutoffs must be two shares, like (0.8, 0.95); got {abc_cutoffs}")
    measure, value_note, lines_without_cost = value_measure(invoices, as_of, value)
    table = customer_values(invoices, as_of)
    table = table.join(_customer_facts(customers, table.index))
    table["value_12m"] = table["margin_12m"] if measure == MARGIN else table["revenue_12m"]

    # Most valuable first; the top ⌈key_share · n⌉ of the customers who bought are the
    # valuable fifth, and the first ⌈k / 2⌉ of its k customers its upper half.
    table = table.sort_values("value_12m", ascending=False, kind="stable")
    active = table["bought_12m"].to_numpy()
    rank_among_active = np.cumsum(active)  # 1 … n for active rows, in value order
    in_fifth = active & (rank_among_active <= top_count(key_share, int(active.sum())))
    upper = in_fifth & (rank_among_active <= top_count(0.5, int(in_fifth.sum())))
    table["value_level"] = np.select([in_fifth, active], ["high", "low"], "none")
    table["value_half"] = np.select([upper, in_fifth], ["upper", "lower"], "")

    # Potential: share of wallet where a wallet is known, else the growth trend.
    has_wallet = (table["wallet"] > 0).to_numpy()
    share_of_wallet = table["revenue_12m"] / table["wallet"].where(has_wallet)
    whole_year_before = table["first_invoice"] <= window_start(as_of, back=1)
    growth = (
        table["revenue_12m"]
        / table["revenue_prev_12m"].where((table["revenue_prev_12m"] > 0) & whole_year_before)
        - 1
    )
    table["share_of_wallet"] = share_of_wallet
    table["potential_basis"] = np.where(has_wallet, WALLET, TREND)
    table["potential"] = np.where(has_wallet, (1 - share_of_wallet).clip(lower=0), growth)
    high_potential = np.where(
        has_wallet,
        table["potential"] >= wallet_cutoff - 1e-12,
        table["potential"].isna() | (table["potential"] >= growth_cutoff - 1e-12),
    )
    table["potential_level"] = np.where(high_potential, "high", "low")

    table["segment"] = np.select(
        [~active, upper & high_potential, upper, in_fifth & high_potential, in_fifth],
        [DORMANT, KEY_ACCOUNT, KEEP, DEVELOP, MAINTAIN],
        SERVE,
    )
    table["abc_class"] = _abc(table["value_12m"], active, abc_cutoffs)
    table["tenure_years"] = (as_of - table["first_invoice"]).dt.days / DAYS_PER_YEAR
    _service_hours(table, hours_per_year)

    columns = ["name", "segment", "value_12m", "potential", "owner"]
    rest = [
        "potential_basis",
        "potential_level",
        "value_level",
        "value_half",
        "abc_class",
        "revenue_12m",
        "revenue_prev_12m",
        "margin_12m",
        "wallet",
        "share_of_wallet",
        "revenue_total",
        "first_invoice",
        "last_purchase",
        "tenure_years",
        "hours_per_year",
        "lapsed",
    ]
    table = table[columns + rest]
    table.attrs = {
        "as_of": as_of,
        "value": measure,
        "value_note": value_note,
        "lines_without_cost": lines_without_cost,
        "key_share": key_share,
        "wallet_cutoff": wallet_cutoff,
        "growth_cutoff": growth_cutoff,
        "abc_cutoffs": tuple(abc_cutoffs),
        "value_cutoff": _lowest(table["value_12m"], in_fifth),
        "split_cutoff": _lowest(table["value_12m"], upper),
    }
    return table


def _lowest(value: pd.Series, rows: np.ndarray) -> float:
    """The lowest value among ``rows`` (NaN when there are none): where a group starts."""
    return float(value[rows].min()) if rows.any() else math.nan


def _abc(value: pd.Series, active: np.ndarray, cutoffs: tuple[float, float]) -> np.ndarray:
    """A/B/C by cumulative share of value (sorted largest first); '' for the inactive.

    A customer is in A when the customers before it bring less than ``cutoffs[0]`` of the
    value: the customer that crosses 80 % is still A. Non-positive values are C.
    """
    positive = np.where(active, value.clip(lower=0).to_numpy(dtype=float), 0.0)
    total = positive.sum()
    before = (np.cumsum(positive) - positive) / total if total > 0 else np.ones_like(positive)
    classes = np.select([before < cutoffs[0] - 1e-12, before < cutoffs[1] - 1e-12], ["A", "B"], "C")
    classes = np.where(positive > 0, classes, "C")
    return np.where(active, classes, "")


def _service_hours(table: pd.DataFrame, hours: dict[str, float] | None) -> None:
    """Add ``hours_per_year`` (from the service model) and ``lapsed`` (dormant, but bought
    in the 12 months before). When each customer is called is the plan's to decide
    (:mod:`helpers.analysis.plan`), with the team's calls a month."""
    hours = SERVICE_HOURS | (hours or {})
    unknown = set(hours) - set(SEGMENTS)
    if unknown:
        raise ValueError(
            f"hours_per_year names unknown segment(s) {sorted(unknown)}; "
            f"the segments are {', '.join(SEGMENTS)}"
        )
    segment = table["segment"]
    lapsed = (segment == DORMANT) & table["bought_prev_12m"]
    table["hours_per_year"] = segment.map(hours).astype(float)
    table.loc[lapsed, "hours_per_year"] = float(hours[SERVE])  # one call, like a check-up
    table["lapsed"] = lapsed.astype(bool)


def key_accounts(
    invoices: pd.DataFrame, as_of: pd.Timestamp, customers: pd.DataFrame | None = None, **options
) -> list[str]:
    """The key accounts of notebook 02: their ids, most valuable first.

    In: as :func:`segments` (the same keyword options; defaults = the module constants).
    Out: list of ``customer_id``.

    Example: ``key_accounts(wb.invoices, wb.as_of, wb.company.customers)``
    """
    table = segments(invoices, as_of, customers, **options)
    return table.index[table["segment"] == KEY_ACCOUNT].tolist()


def key_accounts_by_share(
    table: pd.DataFrame, shares: tuple[float, ...] = (0.01, 0.02, 0.05, 0.10, 0.20)
) -> pd.Series:
    """How many key accounts each ``key_share`` would give, other cut-offs unchanged.

    In: ``table`` from :func:`segments` (its potential does not depend on ``key_share``).
    Out: Series indexed by share: of the top k = ⌈share · n⌉ buyers by value, the upper
    half (the first ⌈k / 2⌉) that have a high potential. One pass over the table,
    whatever the number of shares.

    >>> t = pd.DataFrame({"value_12m": [9.0, 8, 7, 6, 0], "potential_level": ["high", "low",
    ...     "high", "high", "high"], "bought_12m": [True, True, True, True, False]})
    >>> key_accounts_by_share(t, (0.25, 0.5, 1.0)).tolist()   # upper halves: 9 | 9 | 9, 8
    [1, 1, 1]
    """
    ordered = table.sort_values("value_12m", ascending=False, kind="stable")
    active = (
        ordered["bought_12m"].to_numpy(dtype=bool)
        if "bought_12m" in ordered
        else (ordered["segment"].to_numpy() != DORMANT)
    )
    high = (ordered["potential_level"].to_numpy() == "high") & active
    running = np.r_[0, np.cumsum(high[active])]  # high potential among the top k buyers
    n_active = int(active.sum())
    counts = [int(running[top_count(0.5, top_count(share, n_active))]) for share in shares]
    return pd.Series(counts, index=pd.Index(shares, name="key_share"), name="key_accounts")


# --- segments, time ---------------------------------------------------------------------


def segment_summary(table: pd.DataFrame) -> pd.DataFrame:
    """Per segment: how many customers, what value, how much sales time.

    In: ``table`` from :func:`segments`.
    Out: DataFrame indexed by segment (all of :data:`SEGMENTS`, in order, zeros included)
    with ``customers``, ``customer_share``, ``value_12m``, ``value_share`` (of all
    customers' value) and ``hours_per_year`` (summed). Who serves each segment and what
    it gets: ``helpers.words.segmentation.service_model``.

    Example: ``segment_summary(segments(invoices, as_of))["hours_per_year"].sum()``
    """
    grouped = table.groupby("segment")
    out = pd.DataFrame(index=pd.Index(SEGMENTS, name="segment"))
    out["customers"] = grouped.size().reindex(out.index, fill_value=0).astype(int)
    out["customer_share"] = out["customers"] / max(len(table), 1)
    out["value_12m"] = grouped["value_12m"].sum().reindex(out.index, fill_value=0.0)
    total = float(table["value_12m"].sum())
    out["value_share"] = out["value_12m"] / total if total > 0 else math.nan
    out["hours_per_year"] = grouped["hours_per_year"].sum().reindex(out.index, fill_value=0.0)
    return out


def segment_counts(table: pd.DataFrame) -> dict[str, int]:
    """Headline figures: ``customers_<segment>`` for every segment (spaces as _)."""
    counts = table["segment"].value_counts()
    return {f"customers_{s.replace(' ', '_')}": int(counts.get(s, 0)) for s in SEGMENTS}


def fifth_and_many(summary: pd.DataFrame) -> pd.DataFrame:
    """The valuable fifth against everyone else: customers, value and sales hours.

    In: ``summary`` from :func:`segment_summary`. Out: DataFrame indexed ``fifth`` (the
    four cells of :data:`FIFTH`), ``many`` (serve: who bought, outside the fifth) and
    ``dormant``, with ``customers``, ``value_12m``, ``value_share``, ``hours_per_year`` and
    ``hours_share`` (of all the service model's hours; NaN when there are none).

    >>> summary = pd.DataFrame({"customers": [1, 1, 0, 1, 6, 2], "value_12m": [50.0, 20, 0,
    ...     10, 20, 0], "hours_per_year": [40.0, 10, 0, 4, 6, 1]}, index=list(SEGMENTS))
    >>> fifth_and_many(summary)["hours_per_year"].tolist()
    [54.0, 6.0, 1.0]
    """
    group = pd.Series(
        ["fifth" if s in FIFTH else "many" if s == SERVE else "dormant" for s in summary.index],
        index=summary.index,
    )
    out = summary[["customers", "value_12m", "hours_per_year"]].groupby(group).sum()
    out = out.reindex(["fifth", "many", "dormant"], fill_value=0)
    value, hours = float(out["value_12m"].sum()), float(out["hours_per_year"].sum())
    out.insert(2, "value_share", out["value_12m"] / value if value > 0 else math.nan)
    out["hours_share"] = out["hours_per_year"] / hours if hours > 0 else math.nan
    out.index.name = "group"
    return out


# --- the length of the relationship -----------------------------------------------------


def relationship_length(table: pd.DataFrame) -> dict:
    """Is value more than this year's invoices? Years as a customer, the fifth against the many.

    Text 001 counts the length of the relationship in a customer's value. In: ``table``
    from :func:`segments` (its ``tenure_years``, ``value_level`` and ``segment``). Out:
    dict with ``fifth_median_years`` and ``many_median_years`` (median years as a
    customer in the valuable fifth and among the other customers who bought; NaN for an
    empty group), ``fifth`` and ``many`` (how many customers), ``oldest`` (the oldest
    ⌈key_share · n⌉ buyers by years as a customer: as many as the fifth; ties by value),
    ``fifth_among_oldest`` (how many of the fifth are also among them),
    ``key_accounts`` and ``key_accounts_among_oldest``, and ``longer``: ``"fifth"``,
    ``"many"`` or ``"same"`` (whose median is longer; "same" also when a group is
    empty).

    >>> t = pd.DataFrame({"segment": ["key account", "keep", "serve", "serve", "dormant"],
    ...     "value_level": ["high", "high", "low", "low", "none"],
    ...     "tenure_years": [6.0, 1.0, 3.0, 2.0, 9.0], "value_12m": [9.0, 8, 2, 1, 0]})
    >>> facts = relationship_length(t)
    >>> facts["fifth_median_years"], facts["many_median_years"], facts["longer"]
    (3.5, 2.5, 'fifth')
    >>> facts["oldest"], facts["fifth_among_oldest"], facts["key_accounts_among_oldest"]
    (2, 1, 1)
    """
    fifth = table["value_level"] == "high"
    many = table["value_level"] == "low"
    buyers = table.loc[fifth | many]
    oldest = buyers.sort_values(
        ["tenure_years", "value_12m"], ascending=[False, False], kind="stable"
    ).index[: int(fifth.sum())]
    key = table["segment"] == KEY_ACCOUNT
    fifth_years = table.loc[fifth, "tenure_years"].median() if fifth.any() else math.nan
    many_years = table.loc[many, "tenure_years"].median() if many.any() else math.nan
    if math.isnan(fifth_years) or math.isnan(many_years) or fifth_years == many_years:
        longer = "same"
    else:
        longer = "fifth" if fifth_years > many_years else "many"
    return {
        "fifth_median_years": float(fifth_years),
        "many_median_years": float(many_years),
        "fifth": int(fifth.sum()),
        "many": int(many.sum()),
        "oldest": len(oldest),
        "fifth_among_oldest": int(fifth[oldest].sum()),
        "key_accounts": int(key.sum()),
        "key_accounts_among_oldest": int(key[oldest].sum()),
        "longer": longer,
    }


def fifth_by_years(table: pd.DataFrame) -> pd.DataFrame:
    """The valuable fifth with its years as a customer beside its value, to read together.

    In: ``table`` from :func:`segments`. Out: the fifth's rows (most valuable first) with
    ``name``, ``segment``, ``value_12m``, ``value_rank`` (1 = the most valuable of the
    fifth), ``tenure_years``, ``years_rank`` (1 = the longest customer among all who
    bought in the last 12 months; ties share the better rank) and ``revenue_total`` (all
    years).

    Example: ``fifth_by_years(segments(invoices, as_of, customers)).head()``
    """
    buyers = table.loc[table["value_level"] != "none"]
    years_rank = buyers["tenure_years"].rank(ascending=False, method="min")
    fifth = table.loc[table["value_level"] == "high"]
    out = fifth[["name", "segment", "value_12m"]].copy()
    out["value_rank"] = np.arange(1, len(fifth) + 1)
    out["tenure_years"] = fifth["tenure_years"]
    out["years_rank"] = years_rank.reindex(fifth.index).astype(int)
    out["revenue_total"] = fifth["revenue_total"]
    return out
