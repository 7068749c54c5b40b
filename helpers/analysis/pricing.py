"""Do long-standing customers pay less? Price erosion by customer tenure.

The idea (course brief, text 000): serve the same customers for years and
your prices drift down, because you no longer meet anyone who tells you what
the market pays today. Here we measure it: each invoice line's unit price is
compared with the median price of the same product in the same calendar year
(the *price index*), and set against the customer's *tenure* — years since its
first invoice.

Every function takes the validated invoice table (``customer_id``, ``date``,
``amount``, optional ``product``, ``quantity``, ``unit_price``) and an explicit
``as_of`` date; lines dated after ``as_of`` are ignored. The "last 12 months"
window is ``(as_of - 365 days, as_of]`` (:mod:`helpers.analysis.windows`).

If the invoices have neither ``unit_price`` nor ``quantity``, prices cannot be
worked out and the functions raise :class:`PriceDataMissing`.

Results are numbers and short codes (where the unit prices came from, why there is no
estimate); :mod:`helpers.words.pricing` says them in the reader's language.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from scipy import stats

from helpers.analysis.freshness import first_invoice_dates
from helpers.analysis.windows import in_window, up_to, window_start

NAN = float("nan")
DAYS_PER_YEAR = 365.25
ALL_PRODUCTS = "all products"
NO_PRODUCT = "(no product)"
# Below this spread of tenure (max − min, in years) a slope "per tenure year"
# would be an extrapolation from within one year, so we do not report one.
MIN_TENURE_SPREAD_YEARS = 1.0
MIN_LINES = 3

# Where the unit prices came from, in the order they are told (helpers.words.pricing
# says each in words): the notes of unit_prices() and price_analysis()
PRICE_DATA_MISSING = "price_data_missing"  # neither unit_price nor quantity: no analysis
NO_PRODUCT_COLUMN = "no_product_column"  # all lines are one product
UNIT_PRICE_FILLED = "unit_price_filled"  # some lines without unit_price: amount / quantity
NO_QUANTITY_COLUMN = "no_quantity_column"  # quantities are amount / unit price
NO_UNIT_PRICE_COLUMN = "no_unit_price_column"  # unit price = amount / quantity throughout
NOT_PRICED = "not_priced"  # lines without a positive unit price are left out
FROM_UNIT_PRICE = "from_unit_price"  # nothing to say: the unit_price column, as it is

# Why a figure is missing: erosion["reason"], cost["note"]
TOO_FEW_LINES = "too_few_lines"  # fewer than MIN_LINES priced lines
TENURE_TOO_SHORT = "tenure_too_short"  # tenure spreads over less than a year
NO_UNIT_PRICES = "no_unit_prices"  # PriceDataMissing: see the note on unit prices
NO_TENURED_BUYERS = "no_tenured_buyers"  # no tenured customer bought in the window: cost 0
NO_NEW_CUSTOMER_PRICE = "no_new_customer_price"  # nothing to compare with: cost NaN
COMPARED = "compared"  # the cost exists: how it was worked out


class PriceDataMissing(ValueError):
    """The invoices have neither ``unit_price`` nor ``quantity``: no unit prices.

    The message is for developers (English); ``code`` is :data:`PRICE_DATA_MISSING`,
    which ``helpers.words.pricing.unit_prices_in_words`` tells a reader in their language.
    """

    code = PRICE_DATA_MISSING


def _t_quantile_975(df: int) -> float:
    """97.5 % quantile of Student's t with ``df`` degrees of freedom (two-sided 95 %);
    ``nan`` below 1."""
    if df < 1:
        return NAN
    return float(stats.t.ppf(0.975, df))


def unit_prices(invoices: pd.DataFrame) -> tuple[pd.DataFrame, dict]:
    """Add the unit price of each line, and say where it came from.

    ``unit_price_used`` is ``unit_price`` where that column exists and is
    filled in, otherwise ``amount / quantity`` where ``quantity`` exists and is
    not zero, otherwise NaN.

    In: invoices (any columns).
    Out: (a copy of invoices with ``unit_price_used``, a dict of where the prices came
    from: ``notes`` (codes, in the order to tell them: :data:`NO_PRODUCT_COLUMN`,
    :data:`UNIT_PRICE_FILLED`, :data:`NO_QUANTITY_COLUMN`, :data:`NO_UNIT_PRICE_COLUMN`,
    :data:`NOT_PRICED`, or only :data:`FROM_UNIT_PRICE`), ``filled`` (lines whose missing
    unit price came from amount / quantity), ``left_out`` (lines without a positive unit
    price), ``lines``). ``helpers.words.pricing.unit_prices_in_words`` tells it.
    Raises :class:`PriceDataMissing` when there is neither ``unit_price`` nor
    ``quantity``.

    >>> lines = pd.DataFrame({"amount": [90.0, 10.0], "quantity": [3.0, 0.0]})
    >>> priced, source = unit_prices(lines)
    >>> priced["unit_price_used"].tolist(), source["notes"]
    ([30.0, nan], ['no_product_column', 'no_unit_price_column', 'not_priced'])
    """
    has_unit_price = "unit_price" in invoices.columns
    has_quantity = "quantity" in invoices.columns
    if not has_unit_price and not has_quantity:
        raise PriceDataMissing(
            "The invoices have neither a `unit_price` nor a `quantity` column, so the "
            "price paid per unit cannot be worked out. Add a `quantity` column (units on "
            "each line) or a `unit_price` column to invoices.csv to switch on the "
            "price-erosion analysis."
        )
    lines = invoices.copy()
    if has_quantity:
        quantity = lines["quantity"].where(lines["quantity"] != 0)
        from_amount = lines["amount"] / quantity
    else:
        from_amount = pd.Series(NAN, index=lines.index)
    notes = []
    filled = 0
    if "product" not in lines.columns:
        notes.append(NO_PRODUCT_COLUMN)
    if has_unit_price:
        used = lines["unit_price"].astype(float)
        filled = int((used.isna() & from_amount.notna()).sum())
        lines["unit_price_used"] = used.fillna(from_amount)
        if filled:
            notes.append(UNIT_PRICE_FILLED)
        if not has_quantity:
            notes.append(NO_QUANTITY_COLUMN)
    else:
        lines["unit_price_used"] = from_amount
        notes.append(NO_UNIT_PRICE_COLUMN)
    usable = lines["unit_price_used"].gt(0) & np.isfinite(lines["unit_price_used"])
    left_out = int((~usable).sum())
    if left_out:
        notes.append(NOT_PRICED)
    if not notes:
        notes.append(FROM_UNIT_PRICE)
    return lines, {"notes": notes, "filled": filled, "left_out": left_out, "lines": len(lines)}


def price_index_by_tenure(invoices: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    """One row per invoice line with a positive unit price: its price index and tenure.

    - ``tenure_years`` = (line date − customer's first invoice date) in days / 365.25,
      the first invoice being the earliest line of any kind up to ``as_of``;
    - ``price_index`` = unit price / median unit price of the same product in the
      same calendar year (all lines are one product, "all products", when there
      is no ``product`` column; a missing product name becomes "(no product)").

    In: invoices, ``as_of``.
    Out: DataFrame with ``customer_id``, ``product``, ``date``, ``year``,
    ``tenure_years``, ``unit_price_used``, ``price_index``, ``quantity`` (NaN
    when absent), ``amount``. Raises :class:`PriceDataMissing` (see ``unit_prices``).

    Example: ``price_index_by_tenure(invoices, as_of).plot.scatter("tenure_years", "price_index")``
    """
    return _price_table(invoices, as_of)[0]


def _price_table(invoices: pd.DataFrame, as_of: pd.Timestamp) -> tuple[pd.DataFrame, dict]:
    """:func:`price_index_by_tenure` and the source of :func:`unit_prices` in one pass."""
    lines, source = unit_prices(up_to(invoices, as_of))
    price = lines["unit_price_used"]
    lines = lines.loc[price.gt(0) & np.isfinite(price)]
    first = first_invoice_dates(invoices, as_of)

    if "product" in lines.columns:
        product = lines["product"].astype(object).where(lines["product"].notna(), NO_PRODUCT)
    else:
        product = pd.Series(ALL_PRODUCTS, index=lines.index, dtype=object)
    year = lines["date"].dt.year
    price = lines["unit_price_used"].astype(float)
    median = price.groupby([product, year]).transform("median")
    quantity = lines["quantity"] if "quantity" in lines.columns else NAN
    table = pd.DataFrame(
        {
            "customer_id": lines["customer_id"],
            "product": product.astype(str),
            "date": lines["date"],
            "year": year.astype(int),
            "tenure_years": (lines["date"] - lines["customer_id"].map(first)).dt.days
            / DAYS_PER_YEAR,
            "unit_price_used": price,
            "price_index": price / median,
            "quantity": quantity,
            "amount": lines["amount"].astype(float),
        },
        index=lines.index,
    )
    return table.reset_index(drop=True), source


def erosion_per_tenure_year(invoices: pd.DataFrame, as_of: pd.Timestamp) -> dict:
    """Headline figure ``erosion_per_tenure_year``: how much price a year of tenure costs.

    Least squares of ln(price index) on ``tenure_years`` (with intercept) over
    all lines with a positive unit price; erosion = exp(slope) − 1, so −0.03
    means "each extra year as a customer, 3 % lower price for the same product".

    The 95 % interval is exp(slope ± t · SE) − 1 with a **cluster-robust
    standard error by customer** (lines of one customer are not independent;
    CR1 small-sample factor, t with customers − 1 degrees of freedom). With a
    single customer it falls back to the plain OLS standard error (t with
    lines − 2 df). Deterministic: no bootstrap.

    When fewer than 3 lines, or tenure spreads over less than a year, the
    figures are NaN and ``reason`` says why: :data:`TOO_FEW_LINES` or
    :data:`TENURE_TOO_SHORT` (``helpers.words.pricing.erosion_reason_in_words`` tells it).

    In: invoices, ``as_of``.
    Out: dict with ``erosion_per_tenure_year``, ``erosion_ci_low``,
    ``erosion_ci_high``, ``lines_used``, ``customers_used``, ``tenure_spread_years``
    (max − min tenure of the lines used; NaN under 3 lines), ``se_method``,
    ``reason`` (a code; None when the estimate exists). Plain Python values.
    Raises :class:`PriceDataMissing` (see ``unit_prices``).

    >>> lines = pd.DataFrame({"customer_id": ["A", "A", "B"], "amount": [100.0, 90.0, 110.0],
    ...     "quantity": [1.0] * 3,
    ...     "date": pd.to_datetime(["2020-03-01", "2022-03-01", "2022-03-01"])})
    >>> result = erosion_per_tenure_year(lines, pd.Timestamp("2024-12-31"))
    >>> round(result["erosion_per_tenure_year"], 4), result["se_method"]
    (-0.0737, 'cluster-robust by customer')
    >>> erosion_per_tenure_year(lines.iloc[1:], pd.Timestamp("2024-12-31"))["reason"]
    'too_few_lines'
    """
    return _erosion(price_index_by_tenure(invoices, as_of))


def _erosion(table: pd.DataFrame) -> dict:
    """:func:`erosion_per_tenure_year` on the table of :func:`price_index_by_tenure`."""
    n = len(table)
    customers = int(table["customer_id"].nunique())
    result: dict = {
        "erosion_per_tenure_year": NAN,
        "erosion_ci_low": NAN,
        "erosion_ci_high": NAN,
        "lines_used": int(n),
        "customers_used": customers,
        "tenure_spread_years": NAN,
        "se_method": None,
        "reason": None,
    }
    if n < MIN_LINES:
        result["reason"] = TOO_FEW_LINES
        return result
    x = table["tenure_years"].to_numpy(dtype=float)
    y = np.log(table["price_index"].to_numpy(dtype=float))
    spread = float(x.max() - x.min())
    result["tenure_spread_years"] = spread
    if spread < MIN_TENURE_SPREAD_YEARS:
        result["reason"] = TENURE_TOO_SHORT
        return result

    x_centred = x - x.mean()
    sxx = float(np.sum(x_centred**2))
    slope = float(np.sum(x_centred * (y - y.mean())) / sxx)
    residual = y - y.mean() - slope * x_centred
    if customers >= 2:
        # Sandwich variance of the slope: its influence weights are x_centred / sxx.
        scores = (
            pd.Series(x_centred * residual)
            .groupby(table["customer_id"].to_numpy(), sort=False)
            .sum()
        )
        correction = customers / (customers - 1) * (n - 1) / (n - 2)
        variance = float(np.sum(scores.to_numpy() ** 2)) / sxx**2 * correction
        t = _t_quantile_975(customers - 1)
        result["se_method"] = "cluster-robust by customer"
    else:
        variance = float(np.sum(residual**2)) / (n - 2) / sxx
        t = _t_quantile_975(n - 2)
        result["se_method"] = "plain OLS (only one customer)"
    se = math.sqrt(variance)
    result.update(
        erosion_per_tenure_year=math.expm1(slope),
        erosion_ci_low=math.expm1(slope - t * se),
        erosion_ci_high=math.expm1(slope + t * se),
    )
    return result


TENURE_GROUPS = ("new", "between", "long_standing")


def _tenure_group(
    tenure_years: pd.Series, new_max_years: float, long_min_years: float
) -> np.ndarray:
    """The position in :data:`TENURE_GROUPS` of each line: 0 new, 1 between, 2 long-standing."""
    tenure = tenure_years.to_numpy(dtype=float)
    return np.select([tenure < new_max_years, tenure >= long_min_years], [0, 2], default=1)


def price_gap_new_vs_tenured(
    invoices: pd.DataFrame,
    as_of: pd.Timestamp,
    new_max_years: float = 1.0,
    long_min_years: float = 3.0,
) -> pd.DataFrame:
    """Median price index of new, in-between and long-standing customers, per product.

    "New" = tenure < ``new_max_years`` at the line date; "long-standing" =
    tenure ≥ ``long_min_years``; "between" = the rest. All lines up to ``as_of``.

    In: invoices, ``as_of``, the two tenure limits in years.
    Out: DataFrame indexed by ``product`` with ``new_median_index``,
    ``between_median_index``, ``long_standing_median_index``, the matching
    ``*_lines`` counts, and ``gap_long_vs_new_pct`` = (long-standing median /
    new median − 1) × 100 (negative: long-standing customers pay less; NaN when
    either group has no lines). When there are several products a last row
    "all products" pools every line. Raises :class:`PriceDataMissing`.

    Example: ``price_gap_new_vs_tenured(invoices, as_of)["gap_long_vs_new_pct"]`` → A −8.1, …
    """
    return _gap(price_index_by_tenure(invoices, as_of), new_max_years, long_min_years)


def _gap(table: pd.DataFrame, new_max_years: float, long_min_years: float) -> pd.DataFrame:
    """:func:`price_gap_new_vs_tenured` on the table of :func:`price_index_by_tenure`."""
    codes, uniques = pd.factorize(table["product"], sort=True)
    products = [str(product) for product in uniques]
    group = _tenure_group(table["tenure_years"], new_max_years, long_min_years)
    index = pd.Series(table["price_index"].to_numpy(dtype=float))
    stats = index.groupby([codes, group]).agg(["median", "count"])
    if len(products) > 1:  # a last row pools every product
        pooled = index.groupby(group).agg(["median", "count"])
        pooled.index = pd.MultiIndex.from_arrays(
            [np.full(len(pooled), len(products)), pooled.index]
        )
        stats = pd.concat([stats, pooled])
        products.append(ALL_PRODUCTS)
    rows, columns = range(len(products)), range(len(TENURE_GROUPS))
    median = stats["median"].unstack().reindex(index=rows, columns=columns)
    count = stats["count"].unstack().reindex(index=rows, columns=columns).fillna(0)

    out = pd.DataFrame(index=pd.Index(products, name="product"))
    for number, name in enumerate(TENURE_GROUPS):
        out[f"{name}_median_index"] = median[number].to_numpy(dtype=float)
    for number, name in enumerate(TENURE_GROUPS):
        out[f"{name}_lines"] = count[number].to_numpy().astype(int)
    out["gap_long_vs_new_pct"] = (
        out["long_standing_median_index"] / out["new_median_index"] - 1
    ) * 100
    return out


def erosion_cost_12m(
    invoices: pd.DataFrame,
    as_of: pd.Timestamp,
    new_max_years: float = 1.0,
) -> dict:
    """Money lost in the last 12 months because tenured customers pay less than new ones.

    For each line in ``(as_of − 365 d, as_of]`` of a customer with tenure ≥
    ``new_max_years``: quantity × (median unit price that *new* customers —
    tenure < ``new_max_years`` — paid for the same product in the same calendar
    year, up to ``as_of`` − the unit price paid). Only product-years where new
    customers bought count. Quantity is ``quantity``, or amount / unit price
    when missing. It is a **net** figure: tenured customers paying more than new
    ones count negatively, so a negative result means tenured customers pay more.

    In: invoices, ``as_of``, ``new_max_years``.
    Out: dict with ``erosion_cost_12m`` (EUR), ``erosion_cost_share_12m`` (of
    all revenue in the window), ``tenured_lines_12m``, ``lines_compared``,
    ``new_max_years`` and ``note``, a code: :data:`COMPARED` when there is a cost;
    :data:`NO_TENURED_BUYERS` (cost 0.0) when no tenured customer bought in the window;
    :data:`NO_NEW_CUSTOMER_PRICE` (cost NaN) when none of their lines has a new-customer
    price to compare with (``helpers.words.pricing.erosion_cost_note_in_words`` tells it).
    Raises :class:`PriceDataMissing`.

    >>> lines = pd.DataFrame({"customer_id": ["T", "N", "T"], "amount": [100.0, 1000.0, 450.0],
    ...     "quantity": [1.0, 10.0, 5.0], "date": pd.to_datetime(["2020-01-01", "2024-06-01",
    ...     "2024-06-01"])})
    >>> cost = erosion_cost_12m(lines, pd.Timestamp("2024-12-31"))  # T: 5 × (100 − 90)
    >>> cost["erosion_cost_12m"], cost["lines_compared"], cost["note"]
    (50.0, 1, 'compared')
    """
    return _cost(price_index_by_tenure(invoices, as_of), invoices, as_of, new_max_years)


def _cost(
    table: pd.DataFrame, invoices: pd.DataFrame, as_of: pd.Timestamp, new_max_years: float
) -> dict:
    """:func:`erosion_cost_12m` on the table of :func:`price_index_by_tenure`."""
    start = window_start(as_of)
    window_revenue = float(in_window(invoices, as_of)["amount"].sum())

    is_new = table["tenure_years"] < new_max_years
    reference = (
        table.loc[is_new]
        .groupby(["product", "year"])["unit_price_used"]
        .median()
        .rename("new_customer_price")
    )
    tenured = table.loc[~is_new & (table["date"] > start)]
    tenured = tenured.join(reference, on=["product", "year"])
    compared = tenured.loc[tenured["new_customer_price"].notna()]
    quantity = compared["quantity"].where(
        compared["quantity"].notna(), compared["amount"] / compared["unit_price_used"]
    )
    gap = quantity * (compared["new_customer_price"] - compared["unit_price_used"])

    result: dict = {
        "erosion_cost_12m": NAN,
        "erosion_cost_share_12m": NAN,
        "tenured_lines_12m": int(len(tenured)),
        "lines_compared": int(len(compared)),
        "new_max_years": new_max_years,
        "note": COMPARED,
    }
    if tenured.empty:
        result["erosion_cost_12m"] = 0.0
        result["note"] = NO_TENURED_BUYERS
    elif compared.empty:
        result["note"] = NO_NEW_CUSTOMER_PRICE
    else:
        result["erosion_cost_12m"] = float(gap.sum())
    cost = result["erosion_cost_12m"]
    if window_revenue > 0 and not math.isnan(cost):
        result["erosion_cost_share_12m"] = cost / window_revenue
    return result


def tenure_price_table(invoices: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    """Price index per whole year of tenure (0 = first year as a customer, 1, 2, …).

    In: invoices, ``as_of``.
    Out: DataFrame indexed by ``tenure_year`` (int, only years with lines) with
    ``lines``, ``customers``, ``mean_price_index``, ``median_price_index``.
    Raises :class:`PriceDataMissing`.

    Example: ``plots.plot_price_index_by_tenure(tenure_price_table(invoices, as_of))``
    """
    return _by_tenure(price_index_by_tenure(invoices, as_of))


def _by_tenure(table: pd.DataFrame) -> pd.DataFrame:
    """:func:`tenure_price_table` on the table of :func:`price_index_by_tenure`."""
    tenure_year = np.floor(table["tenure_years"]).astype(int).rename("tenure_year")
    grouped = table.groupby(tenure_year)
    return pd.DataFrame(
        {
            "lines": grouped.size().astype(int),
            "customers": grouped["customer_id"].nunique().astype(int),
            "mean_price_index": grouped["price_index"].mean(),
            "median_price_index": grouped["price_index"].median(),
        }
    )


def price_analysis(
    invoices: pd.DataFrame,
    as_of: pd.Timestamp,
    new_max_years: float = 1.0,
    long_min_years: float = 3.0,
) -> dict:
    """Everything the price-erosion section shows, in one call that never raises.

    In: invoices, ``as_of``, the tenure limits of :func:`price_gap_new_vs_tenured`.
    Out: dict with ``available`` (False when :class:`PriceDataMissing` was raised),
    ``unit_prices`` (where unit prices came from, the dict of :func:`unit_prices`; without
    them its notes are only :data:`PRICE_DATA_MISSING`: what to add to switch the analysis
    on), ``lines`` (:func:`price_index_by_tenure`), ``by_tenure`` (:func:`tenure_price_table`),
    ``erosion`` (:func:`erosion_per_tenure_year`), ``gap`` (:func:`price_gap_new_vs_tenured`),
    ``cost`` (:func:`erosion_cost_12m`). Without price data the tables are empty,
    the figures NaN, and ``erosion["reason"]`` and ``cost["note"]`` are
    :data:`NO_UNIT_PRICES`, pointing back to the note on unit prices.

    >>> lines = pd.DataFrame({"customer_id": ["A"], "date": pd.to_datetime(["2024-01-05"]),
    ...                       "amount": [90.0]})
    >>> analysis = price_analysis(lines, pd.Timestamp("2024-12-31"))
    >>> analysis["available"], analysis["unit_prices"]["notes"], analysis["erosion"]["reason"]
    (False, ['price_data_missing'], 'no_unit_prices')
    """
    try:
        table, source = _price_table(invoices, as_of)
        return {
            "available": True,
            "unit_prices": source,
            "lines": table,
            "by_tenure": _by_tenure(table),
            "erosion": _erosion(table),
            "gap": _gap(table, new_max_years, long_min_years),
            "cost": _cost(table, invoices, as_of, new_max_years),
        }
    except PriceDataMissing as missing:
        source = {
            "notes": [missing.code],
            "filled": 0,
            "left_out": 0,
            "lines": int((invoices["date"] <= as_of).sum()),
        }
    empty_by_tenure = pd.DataFrame(
        columns=["lines", "customers", "mean_price_index", "median_price_index"],
        index=pd.Index([], name="tenure_year", dtype=int),
    )
    return {
        "available": False,
        "unit_prices": source,
        "lines": pd.DataFrame(
            columns=[
                "customer_id",
                "product",
                "date",
                "year",
                "tenure_years",
                "unit_price_used",
                "price_index",
                "quantity",
                "amount",
            ]
        ),
        "by_tenure": empty_by_tenure,
        "erosion": {
            "erosion_per_tenure_year": NAN,
            "erosion_ci_low": NAN,
            "erosion_ci_high": NAN,
            "lines_used": 0,
            "customers_used": 0,
            "tenure_spread_years": NAN,
            "se_method": None,
            "reason": NO_UNIT_PRICES,
        },
        "gap": pd.DataFrame(index=pd.Index([], name="product")),
        "cost": {
            "erosion_cost_12m": NAN,
            "erosion_cost_share_12m": NAN,
            "tenured_lines_12m": 0,
            "lines_compared": 0,
            "new_max_years": new_max_years,
            "note": NO_UNIT_PRICES,
        },
    }


def price_review_candidates(
    invoices: pd.DataFrame,
    as_of: pd.Timestamp,
    min_tenure_years: float = 3.0,
    top: int = 5,
    names: pd.Series | None = None,
) -> pd.DataFrame:
    """Long-standing accounts that pay the least compared with the going price: review these first.

    Customers whose first invoice is at least ``min_tenure_years`` before ``as_of``
    and who bought priced lines in the last 12 months ``(as_of − 365 d, as_of]``,
    sorted by their median price index in that window (lowest first; ties: more
    revenue first). ``catch_up_12m`` = what their window lines would have added at
    the going price (median of the same product and year): Σ amount × (1 / index − 1),
    i.e. Σ quantity × (going price − price paid), net.

    In: invoices, ``as_of``, ``min_tenure_years``, ``top`` (rows to keep),
    optional ``names`` (display name per customer_id, e.g. ``company.customer_names()``).
    Out: DataFrame indexed by ``customer_id`` with ``name`` (the id when unknown),
    ``tenure_years`` (at as_of), ``revenue_12m``, ``price_index_12m``, ``catch_up_12m``.
    Empty (same columns) when no account qualifies, or without price data.

    >>> lines = pd.DataFrame({"customer_id": ["A", "A", "C", "C"],
    ...     "amount": [80.0, 90.0, 70.0, 110.0], "quantity": [1.0] * 4,
    ...     "date": pd.to_datetime(["2020-01-01", "2024-06-01", "2021-01-01", "2024-07-01"])})
    >>> price_review_candidates(lines, pd.Timestamp("2024-12-31"))["catch_up_12m"].round(2)
    customer_id
    A    10.0
    C   -10.0
    Name: catch_up_12m, dtype: float64
    """
    columns = ["name", "tenure_years", "revenue_12m", "price_index_12m", "catch_up_12m"]
    try:
        table = price_index_by_tenure(invoices, as_of)
    except PriceDataMissing:
        table = pd.DataFrame(columns=["customer_id", "date", "price_index", "amount"])
    first = first_invoice_dates(invoices, as_of)
    tenure_now = (as_of - first).dt.days / DAYS_PER_YEAR
    window = table.loc[table["date"] > window_start(as_of)].copy()
    window = window.loc[window["customer_id"].map(tenure_now) >= min_tenure_years]
    if window.empty:
        return pd.DataFrame(columns=columns, index=pd.Index([], name="customer_id"))
    window["catch_up"] = window["amount"] * (1 / window["price_index"] - 1)
    grouped = window.groupby("customer_id")
    out = pd.DataFrame(
        {
            "tenure_years": tenure_now.reindex(grouped.size().index),
            "revenue_12m": grouped["amount"].sum().astype(float),
            "price_index_12m": grouped["price_index"].median().astype(float),
            "catch_up_12m": grouped["catch_up"].sum().astype(float),
        }
    )
    out = (
        out.sort_index()
        .sort_values(["price_index_12m", "revenue_12m"], ascending=[True, False], kind="stable")
        .head(top)
    )
    ids = pd.Series(out.index, index=out.index, dtype=object)
    known = names.reindex(out.index).astype(object) if names is not None else ids
    out.insert(0, "name", known.where(known.notna(), ids).astype(str))
    out.index.name = "customer_id"
    return out[columns]
