"""How fresh is the customer base? New customers, cohorts, retention and quotes.

Notebook 01 ("pricing erosion from stale customers, and dependence") uses these
to show whether the company keeps winning new customers, how much of this
year's revenue they bring, and how often it meets prospects who say no.

Every function takes the validated invoice table (``customer_id``, ``date``,
``amount``; see ``helpers`` data layer) and an explicit ``as_of`` date. Lines
dated after ``as_of`` are ignored. The "last 12 months" window is
``(as_of - 365 days, as_of]``: open on the left, closed on the right.
"""

from __future__ import annotations

import math

import pandas as pd

from helpers.report.formats import ENGLISH, Formats

WINDOW_DAYS = 365


def _up_to(invoices: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    """Lines dated on or before ``as_of``."""
    return invoices.loc[invoices["date"] <= as_of]


def _in_window(
    invoices: pd.DataFrame, as_of: pd.Timestamp, days: int = WINDOW_DAYS, offset_days: int = 0
) -> pd.DataFrame:
    """Lines in ``(end - days, end]`` with ``end = as_of - offset_days``."""
    end = as_of - pd.Timedelta(days=offset_days)
    start = end - pd.Timedelta(days=days)
    dates = invoices["date"]
    return invoices.loc[(dates > start) & (dates <= end)]


def first_invoice_dates(invoices: pd.DataFrame, as_of: pd.Timestamp) -> pd.Series:
    """Date of each customer's first invoice line up to ``as_of``.

    Any line counts, credit notes included: the first time the customer
    appears in the books.

    In: invoices (``customer_id``, ``date``), ``as_of``.
    Out: Series ``first_invoice_date`` indexed by ``customer_id``, sorted by id.

    Example: ``first_invoice_dates(invoices, pd.Timestamp("2024-12-31"))["C001"]``
    """
    lines = _up_to(invoices, as_of)
    first = lines.groupby("customer_id")["date"].min().sort_index()
    first.name = "first_invoice_date"
    return first


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


def new_customer_revenue_share_12m(invoices: pd.DataFrame, as_of: pd.Timestamp) -> float:
    """Share of last-12-months revenue that comes from customers won in that window.

    Headline figure ``new_customer_revenue_share_12m``: revenue in
    ``(as_of - 365 d, as_of]`` from customers whose first invoice falls in that
    same window, divided by all revenue in the window. A customer whose first
    invoice is exactly ``as_of - 365 d`` is *not* new (the window is open on
    the left).

    In: invoices, ``as_of``.
    Out: a float between 0 and 1 (can leave that range when credit notes
    dominate); ``nan`` when the window's revenue is zero or negative.

    Example: ``new_customer_revenue_share_12m(invoices, pd.Timestamp("2024-12-31"))`` → 0.12
    """
    first = first_invoice_dates(invoices, as_of)
    start = as_of - pd.Timedelta(days=WINDOW_DAYS)
    new_ids = first.index[first > start]
    window = _in_window(invoices, as_of)
    total = float(window["amount"].sum())
    if total <= 0:
        return float("nan")
    from_new = float(window.loc[window["customer_id"].isin(new_ids), "amount"].sum())
    return from_new / total


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
    lines = _up_to(invoices, as_of)
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
    Out: float between 0 and 1; ``nan`` when nobody bought in the earlier window.

    Example: ``retention_12m(invoices, pd.Timestamp("2024-12-31"))`` → 0.85
    """
    bought = invoices.loc[invoices["amount"] > 0]
    earlier = set(_in_window(bought, as_of, offset_days=WINDOW_DAYS)["customer_id"].unique())
    if not earlier:
        return float("nan")
    recent = set(_in_window(bought, as_of)["customer_id"].unique())
    return len(earlier & recent) / len(earlier)


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
    window = _in_window(quotes, as_of)
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


def first_year_revenue_of_new_customers(
    invoices: pd.DataFrame, as_of: pd.Timestamp, formats: Formats = ENGLISH
) -> dict:
    """What a new customer typically brings in its first year.

    Basis, in order of preference:

    1. customers won in ``(as_of - 730 d, as_of - 365 d]``: the revenue of their first
       365 days, ``[first invoice, first invoice + 365 d)`` — a complete first year;
    2. when nobody was won then, customers won in the last 12 months with their
       revenue so far (an underestimate: their first year is not over);
    3. otherwise ``nan``.

    In: invoices, ``as_of``.
    Out: dict with ``average`` (EUR per customer), ``customers`` (how many it averages
    over) and ``basis`` (a phrase, in the language of ``formats``, saying which applied).

    Example: ``first_year_revenue_of_new_customers(invoices, as_of)["average"]`` → 6200.0
    """
    lines = _up_to(invoices, as_of)
    first = first_invoice_dates(invoices, as_of)
    year_ago = as_of - pd.Timedelta(days=WINDOW_DAYS)
    complete = first[(first > year_ago - pd.Timedelta(days=WINDOW_DAYS)) & (first <= year_ago)]
    if len(complete):
        start = lines["customer_id"].map(complete)
        in_first_year = start.notna() & (lines["date"] < start + pd.Timedelta(days=WINDOW_DAYS))
        basis = formats._("the first-year revenue of the {count} customers won 12–24 months "
                          "before the analysis date").format(count=formats.number(len(complete)))
        chosen = complete
    else:
        chosen = first[first > year_ago]
        in_first_year = lines["customer_id"].isin(chosen.index)
        basis = formats._("the revenue so far of the {count} customers won in the last 12 months "
                          "(nobody was won the year before; their first year is not over, so "
                          "this underestimates)").format(count=formats.number(len(chosen)))
    if chosen.empty:
        return {"average": float("nan"), "customers": 0,
                "basis": formats._("no customer was won in the last two years, so there is "
                                   "nothing to average")}
    revenue = float(lines.loc[in_first_year, "amount"].sum())
    return {"average": revenue / len(chosen), "customers": int(len(chosen)), "basis": basis}


def prospecting_target(
    invoices: pd.DataFrame,
    as_of: pd.Timestamp,
    target_new_share: float = 0.20,
    formats: Formats = ENGLISH,
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
    ``new_customers_needed`` (int, or nan when it can't be estimated), ``basis``.

    Example: last 12 months €500 000, target 0.2 → €100 000 from new customers; at
    €8 000 each in their first year that is 13 new customers.
    """
    share = target_new_share / 100 if 1 < abs(target_new_share) <= 100 else target_new_share
    first = first_invoice_dates(invoices, as_of)
    year_ago = as_of - pd.Timedelta(days=WINDOW_DAYS)
    new_ids = first.index[first > year_ago]
    window = _in_window(invoices, as_of)
    revenue = float(window["amount"].sum())
    from_new = float(window.loc[window["customer_id"].isin(new_ids), "amount"].sum())
    target = share * revenue if revenue > 0 else float("nan")
    typical = first_year_revenue_of_new_customers(invoices, as_of, formats)
    average = typical["average"]
    needed = math.ceil(target / average) if average > 0 and target == target else float("nan")
    return {
        "revenue_12m": revenue,
        "new_customer_revenue_12m": from_new,
        "new_customer_revenue_share_12m": from_new / revenue if revenue > 0 else float("nan"),
        "new_customers_12m": int(len(new_ids)),
        "target_new_share": float(share),
        "target_new_revenue": target,
        "gap_to_target": target - from_new,
        "first_year_revenue": average,
        "new_customers_needed": needed,
        "basis": typical["basis"],
    }


def quotes_in_words(figures: dict, has_quotes: bool, formats: Formats = ENGLISH,
                    switches_on: str = "") -> str:
    """The quote figures as a sentence, or what adding a quote file would show.

    In: ``figures`` from :func:`quote_figures`; ``has_quotes`` (is there a quote
    file?); ``formats`` (``wb.formats``); ``switches_on`` = the sentence telling what
    file to add (``QUOTES.switches_on``, translated here).
    Out: text.

    Example: ``quotes_in_words(quote_figures(quotes, as_of), True)`` →
    "In the last 12 months you sent 73 quotes and won 33.0% of them, and 70 different …"
    """
    _ = formats._
    if not has_quotes:
        return (_("There is no quote file, so we can't see how often you meet a 'no'.") + " "
                + (_(switches_on) if switches_on else "")).strip()
    count = figures["quotes_12m"]
    if not count:
        return _("The quote file has no quotes dated in the last 12 months: nobody has had "
                 "the chance to say no lately.")
    prospects = figures["prospects_met_12m"]
    values = {"count": formats.number(count),
              "win_rate": formats.percent(figures["quote_win_rate_12m"])}
    if prospects == prospects:  # not nan
        return _("In the last 12 months you sent {count} quotes and won {win_rate} of them, and "
                 "{prospects} different prospects (firms that were not yet customers) got "
                 "one.").format(prospects=formats.number(prospects), **values)
    return _("In the last 12 months you sent {count} quotes and won {win_rate} of them."
             ).format(**values)


def freshness_in_words(new_share: float, retention: float, formats: Formats = ENGLISH) -> str:
    """Two sentences on the new-customer revenue share and 12-month retention.

    In: :func:`new_customer_revenue_share_12m`, :func:`retention_12m` (either may be
    ``nan``) and ``formats`` (``wb.formats``).
    Out: text; says why when a figure can't be measured.

    Example: ``freshness_in_words(0.11, 0.71)`` → "Customers won in the last 12 months
    brought 11.0% of the revenue of those 12 months. Of the customers who bought …"
    """
    _ = formats._
    if new_share == new_share:
        first = _("Customers won in the last 12 months brought {share} of the revenue of those "
                  "12 months.").format(share=formats.percent(new_share))
    else:
        first = _("There was no revenue in the last 12 months to split into new and old.")
    if retention == retention:
        second = _("Of the customers who bought in the 12 months before, {share} bought again "
                   "in the last 12 months.").format(share=formats.percent(retention))
    else:
        second = _("Nobody bought in the 12 months before, so retention can't be measured yet: "
                   "it needs two years of invoices.")
    return first + "\n" + second


def prospecting_in_words(plan: dict, formats: Formats = ENGLISH) -> str:
    """The :func:`prospecting_target` plan as four sentences for the notebook to print."""
    _ = formats._
    lines = [
        _("If the next 12 months bring the same revenue as the last 12 ({revenue}), {share} of "
          "it is {target} from new customers.").format(
              revenue=formats.money(plan["revenue_12m"]),
              share=formats.percent(plan["target_new_share"], 0),
              target=formats.money(plan["target_new_revenue"])),
        _("New customers won in the last 12 months: {count}, bringing {money}.").format(
            count=formats.number(plan["new_customers_12m"]),
            money=formats.money(plan["new_customer_revenue_12m"])),
        _("A new customer brings about {money} in its first year ({basis}).").format(
            money=formats.money(plan["first_year_revenue"]), basis=plan["basis"]),
        _("New customers needed in the next 12 months to reach the target: about {count}."
          ).format(count=formats.number(plan["new_customers_needed"])),
    ]
    return "\n".join(lines)
