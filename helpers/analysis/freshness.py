"""How fresh is the customer base? New customers, cohorts, retention and quotes.

Notebook 01 ("pricing erosion from stale customers, and dependence") uses these
to show whether the company keeps winning new customers, how much of this
year's revenue they bring, and how often it meets prospects who say no.

Every function takes the validated invoice table (``customer_id``, ``date``,
``amount``; see ``helpers`` data layer) and an explicit ``as_of`` date. Lines
dated after ``as_of`` are ignored. The "last 12 months" window is
``(as_of - 365 days, as_of]``: open on the left, closed on the right
(:mod:`helpers.analysis.windows`).

Results are numbers and short codes; :mod:`helpers.words.freshness` says them in the
reader's language.
"""

from __future__ import annotations

import math

import pandas as pd

from helpers.analysis.windows import (
    WINDOW,
    in_window,
    up_to,
    window_start,
)

# Why a figure that needs a whole window is missing (``*_reason`` beside the figure;
# helpers.words.freshness.reason_in_words says it)
DATA_STARTS_INSIDE_WINDOW = "data_starts_inside_window"  # the invoices start after its start
NOBODY_BOUGHT_BEFORE = "nobody_bought_before"  # nobody bought in the earlier window
NO_REVENUE_12M = "no_revenue_12m"  # no (positive) revenue in the last 12 months
TWO_YEARS_DAYS = 730  # what the figures comparing two 12-month windows need

# Which customers "what a new customer brings in its first year" is measured on
COMPLETE_FIRST_YEAR = "complete_first_year"  # won 12–24 months ago: a whole first year
FIRST_YEAR_SO_FAR = "first_year_so_far"  # won in the last 12 months: revenue so far
NOBODY_WON = "nobody_won"  # nobody won in two years: nothing to average


def first_invoice_dates(invoices: pd.DataFrame, as_of: pd.Timestamp) -> pd.Series:
    """Date of each customer's first invoice line up to ``as_of``.

    Any line counts, credit notes included: the first time the customer
    appears in the books.

    In: invoices (``customer_id``, ``date``), ``as_of``.
    Out: Series ``first_invoice_date`` indexed by ``customer_id``, sorted by id.

    >>> lines = pd.DataFrame({"customer_id": ["B", "A", "B"],
    ...                       "date": pd.to_datetime(["2024-03-01", "2024-05-01", "2023-01-09"])})
    >>> first_invoice_dates(lines, pd.Timestamp("2024-12-31")).dt.date.astype(str).to_dict()
    {'A': '2024-05-01', 'B': '2023-01-09'}
    """
    lines = up_to(invoices, as_of)
    first = lines.groupby("customer_id")["date"].min().sort_index()
    first.name = "first_invoice_date"
    return first


def data_start(invoices: pd.DataFrame, as_of: pd.Timestamp) -> pd.Timestamp | None:
    """The date of the company's first invoice line up to ``as_of`` (None without any)."""
    dates = up_to(invoices, as_of)["date"]
    return None if dates.empty else pd.Timestamp(dates.min())


def covers_window(invoices: pd.DataFrame, as_of: pd.Timestamp, *, back: int = 0) -> bool:
    """Do the invoices reach back to the start of a window (:func:`window_start`)?

    A window ``(start, start + 365 d]`` is covered when the company's first invoice line is
    dated on or before ``start``; invoices that start inside the window would make every
    customer look new in it, or leave it half empty.

    >>> lines = pd.DataFrame({"date": pd.to_datetime(["2024-03-01", "2025-06-01"])})
    >>> as_of = pd.Timestamp("2025-12-31")
    >>> covers_window(lines, as_of), covers_window(lines, as_of, back=1)
    (True, False)
    """
    first = data_start(invoices, as_of)
    return first is not None and first <= window_start(as_of, back=back)


def data_span(invoices: pd.DataFrame, as_of: pd.Timestamp) -> dict:
    """How far back the invoices reach: is the history long enough for every figure?

    Out: dict ``first_date`` (the first invoice line up to as_of, or None), ``days``
    (from it to as_of), ``covers_12m`` (the last 12 months are covered:
    :func:`covers_window`), ``covers_24m`` (the 12 months before them are covered too:
    what retention, growth trends and a new customer's second year need).
    ``helpers.words.freshness.short_data_in_words`` tells it.

    >>> lines = pd.DataFrame({"date": pd.to_datetime(["2025-03-01", "2025-06-01"])})
    >>> span = data_span(lines, pd.Timestamp("2025-12-31"))
    >>> span["days"], span["covers_12m"], span["covers_24m"]
    (305, False, False)
    """
    first = data_start(invoices, as_of)
    return {
        "first_date": first,
        "days": int((as_of - first).days) if first is not None else 0,
        "covers_12m": covers_window(invoices, as_of),
        "covers_24m": covers_window(invoices, as_of, back=1),
    }


def new_customers_per_quarter(invoices: pd.DataFrame, as_of: pd.Timestamp) -> pd.Series:
    """Number of customers whose first invoice falls in each calendar quarter.

    Quarters run from the quarter of the very first invoice to the quarter of
    ``as_of``; quarters without a new customer show 0.

    In: invoices, ``as_of``.
    Out: Series ``new_customers`` (int) with a quarterly ``PeriodIndex`` named ``quarter``.

    Example: ``new_customers_per_quarter(invoices, as_of).tail(4).sum()`` (new in a year)
    """
    first = first_invoice_dates(invoices, as_of)
    end = pd.Period(as_of, freq="Q")
    if first.empty:
        return pd.Series([0], index=pd.PeriodIndex([end], name="quarter"), name="new_customers")
    quarters = first.dt.to_period("Q")
    counts = quarters.value_counts()
    index = pd.period_range(quarters.min(), end, freq="Q", name="quarter")
    result = counts.reindex(index, fill_value=0).astype(int)
    result.name = "new_customers"
    return result


def new_customer_ids(invoices: pd.DataFrame, as_of: pd.Timestamp) -> pd.Index:
    """The customers won in the last 12 months: first invoice line in ``(as_of − 365 d,
    as_of]`` (:func:`first_invoice_dates`), in id order."""
    first = first_invoice_dates(invoices, as_of)
    return first.index[first > window_start(as_of)]


def new_customers_12m(invoices: pd.DataFrame, as_of: pd.Timestamp) -> int | float:
    """How many customers were won in the last 12 months (:func:`new_customer_ids`).

    ``nan`` when the invoices start inside the window (:func:`covers_window`): then every
    customer would look new, which says nothing; :func:`new_customer_revenue_share_reason`
    says so.

    >>> lines = pd.DataFrame({"customer_id": ["O", "O", "N", "M"],
    ...                       "date": pd.to_datetime(["2020-06-01", "2024-06-01", "2024-05-01",
    ...                                               "2023-12-31"])})
    >>> new_customers_12m(lines, pd.Timestamp("2024-12-31"))  # N; M is a day too early
    1
    """
    if not covers_window(invoices, as_of):
        return float("nan")
    return int(len(new_customer_ids(invoices, as_of)))


def new_customer_revenue_share_12m(invoices: pd.DataFrame, as_of: pd.Timestamp) -> float:
    """Share of last-12-months revenue that comes from customers won in that window.

    Headline figure ``new_customer_revenue_share_12m``: revenue in
    ``(as_of - 365 d, as_of]`` from customers whose first invoice falls in that
    same window, divided by all revenue in the window. A customer whose first
    invoice is exactly ``as_of - 365 d`` is *not* new (the window is open on
    the left).

    In: invoices, ``as_of``.
    Out: a float between 0 and 1 (can leave that range when credit notes
    dominate); ``nan`` when the window's revenue is zero or negative, and when the
    invoices start inside the window (then every customer would look new: 100 %, which
    says nothing). :func:`new_customer_revenue_share_reason` says which.

    >>> lines = pd.DataFrame({"customer_id": ["O", "O", "N"], "amount": [500.0, 750.0, 250.0],
    ...                       "date": pd.to_datetime(["2020-06-01", "2024-06-01", "2024-05-01"])})
    >>> new_customer_revenue_share_12m(lines, pd.Timestamp("2024-12-31"))  # 250 of 1000
    0.25
    """
    if not covers_window(invoices, as_of):
        return float("nan")
    new_ids = new_customer_ids(invoices, as_of)
    window = in_window(invoices, as_of)
    total = float(window["amount"].sum())
    if total <= 0:
        return float("nan")
    from_new = float(window.loc[window["customer_id"].isin(new_ids), "amount"].sum())
    return from_new / total


def new_customer_revenue_share_reason(invoices: pd.DataFrame, as_of: pd.Timestamp) -> str | None:
    """Why :func:`new_customer_revenue_share_12m` is missing: :data:`DATA_STARTS_INSIDE_WINDOW`,
    :data:`NO_REVENUE_12M`, or None when it is there.

    >>> lines = pd.DataFrame({"customer_id": ["N"], "amount": [250.0],
    ...                       "date": pd.to_datetime(["2024-05-01"])})
    >>> new_customer_revenue_share_reason(lines, pd.Timestamp("2024-12-31"))
    'data_starts_inside_window'
    """
    if not covers_window(invoices, as_of):
        return DATA_STARTS_INSIDE_WINDOW
    if not float(in_window(invoices, as_of)["amount"].sum()) > 0:
        return NO_REVENUE_12M
    return None


def cohort_revenue(invoices: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    """Revenue per calendar year, split by the year each customer was won.

    In: invoices, ``as_of``.
    Out: DataFrame, rows = acquisition year (index ``cohort``, int), columns =
    calendar year (``year``, int), values = revenue in EUR (0.0 where none).
    Every calendar year from the first to the last invoice up to ``as_of`` is a
    column.

    Example: ``cohort_revenue(invoices, as_of).loc[2021, 2024]`` → revenue in 2024
    from customers won in 2021.
    """
    lines = up_to(invoices, as_of)
    first = first_invoice_dates(invoices, as_of)
    if lines.empty:
        empty = pd.DataFrame(dtype=float)
        empty.index.name, empty.columns.name = "cohort", "year"
        return empty
    cohort = lines["customer_id"].map(first).dt.year.rename("cohort")
    year = lines["date"].dt.year.rename("year")
    table = lines["amount"].groupby([cohort, year]).sum().unstack("year", fill_value=0.0)
    years = range(int(year.min()), int(year.max()) + 1)
    table = table.reindex(columns=years, fill_value=0.0).astype(float)
    table.index.name, table.columns.name = "cohort", "year"
    return table


def retention_12m(invoices: pd.DataFrame, as_of: pd.Timestamp) -> float:
    """Share of last year's buyers who bought again in the last 12 months.

    Headline figure ``retention_12m``: of the customers who bought in
    ``(as_of - 730 d, as_of - 365 d]``, the share who also bought in
    ``(as_of - 365 d, as_of]``. "Bought" means at least one line with a
    positive amount in the window: a customer with only a credit note did not buy.

    In: invoices, ``as_of``.
    Out: float between 0 and 1; ``nan`` when nobody bought in the earlier window, and
    when the invoices start inside it (a half-empty earlier window would hold only the
    customers who happened to buy in its last months). :func:`retention_12m_reason` says
    which.

    >>> lines = pd.DataFrame({"customer_id": ["C", "A", "B", "A"],
    ...     "amount": [30.0, 100.0, 50.0, 70.0],
    ...     "date": pd.to_datetime(["2022-06-01", "2023-05-01", "2023-06-01", "2024-06-01"])})
    >>> retention_12m(lines, pd.Timestamp("2024-12-31"))  # A came back, B did not
    0.5
    """
    if not covers_window(invoices, as_of, back=1):
        return float("nan")
    bought = invoices.loc[invoices["amount"] > 0]
    earlier = set(in_window(bought, as_of, back=1)["customer_id"].unique())
    if not earlier:
        return float("nan")
    recent = set(in_window(bought, as_of)["customer_id"].unique())
    return len(earlier & recent) / len(earlier)


def retention_12m_reason(invoices: pd.DataFrame, as_of: pd.Timestamp) -> str | None:
    """Why :func:`retention_12m` is missing: :data:`DATA_STARTS_INSIDE_WINDOW`,
    :data:`NOBODY_BOUGHT_BEFORE`, or None when it is there.

    >>> lines = pd.DataFrame({"customer_id": ["A"], "amount": [100.0],
    ...                       "date": pd.to_datetime(["2023-06-01"])})
    >>> retention_12m_reason(lines, pd.Timestamp("2024-12-31"))
    'data_starts_inside_window'
    """
    if not covers_window(invoices, as_of, back=1):
        return DATA_STARTS_INSIDE_WINDOW
    bought = invoices.loc[invoices["amount"] > 0]
    if in_window(bought, as_of, back=1).empty:
        return NOBODY_BOUGHT_BEFORE
    return None


def freshness_figures(invoices: pd.DataFrame, as_of: pd.Timestamp) -> dict:
    """The headline figures ``new_customer_revenue_share_12m`` and ``retention_12m``, each
    with its ``*_reason`` (a code when the figure is missing, else None).

    >>> lines = pd.DataFrame({"customer_id": ["N"], "amount": [250.0],
    ...                       "date": pd.to_datetime(["2024-05-01"])})
    >>> figures = freshness_figures(lines, pd.Timestamp("2024-12-31"))
    >>> figures["new_customer_revenue_share_12m_reason"], figures["retention_12m_reason"]
    ('data_starts_inside_window', 'data_starts_inside_window')
    """
    return {
        "new_customer_revenue_share_12m": new_customer_revenue_share_12m(invoices, as_of),
        "new_customer_revenue_share_12m_reason": new_customer_revenue_share_reason(invoices, as_of),
        "retention_12m": retention_12m(invoices, as_of),
        "retention_12m_reason": retention_12m_reason(invoices, as_of),
    }


def quote_figures(quotes: pd.DataFrame | None, as_of: pd.Timestamp) -> dict:
    """Exposure to rejection: quotes sent and won in the last 12 months.

    In: quotes (``date``, ``customer_id`` or NaN, ``prospect`` or NaN,
    ``amount``, ``won``) or ``None`` when the company has no quote file; ``as_of``.
    Out: dict of plain numbers (JSON-ready):

    - ``quotes_12m``: quotes dated in ``(as_of - 365 d, as_of]``;
    - ``quote_win_rate_12m``: won quotes / all quotes in the window (by count);
    - ``quote_win_rate_value_12m``: amount of won quotes / amount of all quotes;
    - ``prospects_met_12m``: distinct prospect names quoted in the window
      (quotes without a ``customer_id``).

    Rates are ``nan`` when there are no quotes in the window (or their total
    amount is not positive); every figure is ``nan`` when ``quotes`` is None.

    Example: ``quote_figures(quotes, as_of)["quote_win_rate_12m"]`` → 0.3
    """
    nan = float("nan")
    if quotes is None:
        return {
            "quotes_12m": nan,
            "quote_win_rate_12m": nan,
            "quote_win_rate_value_12m": nan,
            "prospects_met_12m": nan,
        }
    window = in_window(quotes, as_of)
    count = len(window)
    won = window["won"].fillna(False).astype(bool)
    value_total = float(window["amount"].sum())
    if "prospect" in window.columns:
        to_prospects = window.loc[window["customer_id"].isna(), "prospect"].dropna()
        prospects = int(to_prospects.nunique())
    else:
        prospects = nan
    return {
        "quotes_12m": int(count),
        "quote_win_rate_12m": float(won.sum()) / count if count else nan,
        "quote_win_rate_value_12m": (
            float(window.loc[won, "amount"].sum()) / value_total if value_total > 0 else nan
        ),
        "prospects_met_12m": prospects,
    }


def first_year_revenue_of_new_customers(invoices: pd.DataFrame, as_of: pd.Timestamp) -> dict:
    """What a new customer typically brings in its first year.

    Basis, in order of preference:

    1. :data:`COMPLETE_FIRST_YEAR`: customers won in ``(as_of - 730 d, as_of - 365 d]``,
       the revenue of their first 365 days, ``[first invoice, first invoice + 365 d)``;
    2. :data:`FIRST_YEAR_SO_FAR`: when nobody was won then, customers won in the last
       12 months with their revenue so far (an underestimate: their first year is not over);
    3. :data:`NOBODY_WON`: otherwise ``nan``.

    In: invoices, ``as_of``.
    Out: dict with ``average`` (EUR per customer), ``customers`` (how many it averages
    over) and ``basis`` (the code of the basis that applied;
    ``helpers.words.freshness.first_year_basis_in_words`` says it in words).

    >>> lines = pd.DataFrame({"customer_id": ["A", "A", "B"], "amount": [500.0, 300.0, 100.0],
    ...                       "date": pd.to_datetime(["2023-03-01", "2024-02-01", "2024-06-01"])})
    >>> first_year_revenue_of_new_customers(lines, pd.Timestamp("2024-12-31"))
    {'average': 800.0, 'customers': 1, 'basis': 'complete_first_year'}
    """
    lines = up_to(invoices, as_of)
    first = first_invoice_dates(invoices, as_of)
    year_ago = window_start(as_of)
    complete = first[(first > window_start(as_of, back=1)) & (first <= year_ago)]
    if len(complete):
        start = lines["customer_id"].map(complete)
        in_first_year = start.notna() & (lines["date"] < start + WINDOW)
        basis = COMPLETE_FIRST_YEAR
        chosen = complete
    else:
        chosen = first[first > year_ago]
        in_first_year = lines["customer_id"].isin(chosen.index)
        basis = FIRST_YEAR_SO_FAR
    if chosen.empty:
        return {"average": float("nan"), "customers": 0, "basis": NOBODY_WON}
    revenue = float(lines.loc[in_first_year, "amount"].sum())
    return {"average": revenue / len(chosen), "customers": int(len(chosen)), "basis": basis}


def prospecting_target(
    invoices: pd.DataFrame,
    as_of: pd.Timestamp,
    target_new_share: float = 0.20,
) -> dict:
    """How much new-customer revenue, and roughly how many new customers, a target share takes.

    Assumes the next 12 months bring the same revenue as the last 12. Then
    ``target_new_revenue`` = ``target_new_share`` × last-12-months revenue, and
    ``new_customers_needed`` = ⌈target_new_revenue / average first-year revenue of a
    new customer⌉ (see :func:`first_year_revenue_of_new_customers`).

    In: invoices, ``as_of``, ``target_new_share`` (0.20 = 20 %; 20 is read as 20 %).
    Out: dict of plain values: ``revenue_12m``, ``new_customer_revenue_12m``,
    ``new_customer_revenue_share_12m``, ``new_customers_12m`` (won in the window),
    ``target_new_share``, ``target_new_revenue``, ``gap_to_target`` (target minus
    this year's new-customer revenue; negative = already above), ``first_year_revenue``,
    ``first_year_customers`` and ``basis`` (what :func:`first_year_revenue_of_new_customers`
    averaged over: its ``customers`` and its ``basis`` code), ``new_customers_needed``
    (int, or nan when it can't be estimated).

    Example: last 12 months €500 000, target 0.2 → €100 000 from new customers; at
    €8 000 each in their first year that is 13 new customers.

    >>> lines = pd.DataFrame({"customer_id": ["O", "P", "N"], "amount": [800.0, 400.0, 200.0],
    ...                       "date": pd.to_datetime(["2024-06-01", "2023-03-01", "2024-05-01"])})
    >>> plan = prospecting_target(lines, pd.Timestamp("2024-12-31"), 0.20)
    >>> plan["target_new_revenue"], plan["first_year_revenue"], plan["new_customers_needed"]
    (200.0, 400.0, 1)
    """
    share = target_new_share / 100 if 1 < abs(target_new_share) <= 100 else target_new_share
    new_ids = new_customer_ids(invoices, as_of)
    window = in_window(invoices, as_of)
    revenue = float(window["amount"].sum())
    from_new = float(window.loc[window["customer_id"].isin(new_ids), "amount"].sum())
    target = share * revenue if revenue > 0 else float("nan")
    typical = first_year_revenue_of_new_customers(invoices, as_of)
    average = typical["average"]
    needed = math.ceil(target / average) if average > 0 and target == target else float("nan")
    return {
        "revenue_12m": revenue,
        "new_customer_revenue_12m": from_new,
        "new_customer_revenue_share_12m": new_customer_revenue_share_12m(invoices, as_of),
        "new_customers_12m": int(len(new_ids)),
        "target_new_share": float(share),
        "target_new_revenue": target,
        "gap_to_target": target - from_new,
        "first_year_revenue": average,
        "first_year_customers": typical["customers"],
        "new_customers_needed": needed,
        "basis": typical["basis"],
    }
