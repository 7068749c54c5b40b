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
window is ``(as_of - 365 days, as_of]``.

If the invoices have neither ``unit_price`` nor ``quantity``, prices cannot be
worked out and the functions raise :class:`PriceDataMissing`.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from helpers.analysis.freshness import first_invoice_dates
from helpers.report.formats import ENGLISH, Formats

NAN = float("nan")
DAYS_PER_YEAR = 365.25
WINDOW_DAYS = 365
ALL_PRODUCTS = "all products"
NO_PRODUCT = "(no product)"
# Below this spread of tenure (max − min, in years) a slope "per tenure year"
# would be an extrapolation from within one year, so we do not report one.
MIN_TENURE_SPREAD_YEARS = 1.0
MIN_LINES = 3

# 97.5 % quantiles of Student's t for 1 … 30 degrees of freedom (two-sided 95 %).
_T_975 = (
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
)  # fmt: skip


class PriceDataMissing(ValueError):
    """The invoices have neither ``unit_price`` nor ``quantity``: no unit prices."""


def _t_quantile_975(df: int) -> float:
    """97.5 % quantile of Student's t (table up to 30 df, Cornish–Fisher beyond)."""
    if df < 1:
        return NAN
    if df <= len(_T_975):
        return _T_975[df - 1]
    z = 1.959963984540054
    return (
        z
        + (z**3 + z) / (4 * df)
        + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * df**2)
        + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * df**3)
    )


def unit_prices(invoices: pd.DataFrame, formats: Formats = ENGLISH) -> tuple[pd.DataFrame, str]:
    """Add the unit price of each line, and say where it came from.

    ``unit_price_used`` is ``unit_price`` where that column exists and is
    filled in, otherwise ``amount / quantity`` where ``quantity`` exists and is
    not zero, otherwise NaN.

    In: invoices (any columns).
    Out: (a copy of invoices with ``unit_price_used``, a note of the fallbacks used,
    one sentence each in the language of ``formats``, for the notebook to print).
    Raises :class:`PriceDataMissing` when there is neither ``unit_price`` nor
    ``quantity``.

    Example: ``lines, note = unit_prices(invoices); print(note)``
    """
    _ = formats._
    has_unit_price = "unit_price" in invoices.columns
    has_quantity = "quantity" in invoices.columns
    if not has_unit_price and not has_quantity:
        raise PriceDataMissing(
            _(
                "The invoices have neither a `unit_price` nor a `quantity` column, so the "
                "price paid per unit cannot be worked out. Add a `quantity` column (units on "
                "each line) or a `unit_price` column to invoices.csv to switch on the "
                "price-erosion analysis."
            )
        )
    lines = invoices.copy()
    if has_quantity:
        quantity = lines["quantity"].where(lines["quantity"] != 0)
        from_amount = lines["amount"] / quantity
    else:
        from_amount = pd.Series(NAN, index=lines.index)
    notes = []
    if "product" not in lines.columns:
        notes.append(_("No `product` column: all lines are treated as one product."))
    if has_unit_price:
        used = lines["unit_price"].astype(float)
        filled = int((used.isna() & from_amount.notna()).sum())
        lines["unit_price_used"] = used.fillna(from_amount)
        if filled:
            notes.append(
                _("Lines without a `unit_price` ({count}) use amount / quantity instead.").format(
                    count=formats.number(filled))
            )
        if not has_quantity:
            notes.append(_("No `quantity` column: quantities are taken as amount / unit price."))
    else:
        lines["unit_price_used"] = from_amount
        notes.append(_("No `unit_price` column: unit price = amount / quantity."))
    usable = lines["unit_price_used"].gt(0) & np.isfinite(lines["unit_price_used"])
    left_out = int((~usable).sum())
    if left_out:
        notes.append(
            _(
                "{left_out} of {lines} lines have no positive unit price (credit notes, "
                "missing or zero quantity) and are left out of the price analysis."
            ).format(left_out=formats.number(left_out), lines=formats.number(len(lines)))
        )
    if not notes:
        notes.append(_("Unit prices are taken from the `unit_price` column."))
    return lines, " ".join(notes)


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


def _price_table(invoices: pd.DataFrame, as_of: pd.Timestamp,
                 formats: Formats = ENGLISH) -> tuple[pd.DataFrame, str]:
    """:func:`price_index_by_tenure` and the note of :func:`unit_prices` in one pass."""
    up_to = invoices.loc[invoices["date"] <= as_of]
    lines, note = unit_prices(up_to, formats)
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
    return table.reset_index(drop=True), note


def erosion_per_tenure_year(
    invoices: pd.DataFrame, as_of: pd.Timestamp, formats: Formats = ENGLISH
) -> dict:
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
    figures are NaN and ``reason`` says why.

    In: invoices, ``as_of``.
    Out: dict with ``erosion_per_tenure_year``, ``erosion_ci_low``,
    ``erosion_ci_high``, ``lines_used``, ``customers_used``, ``se_method``,
    ``reason`` (None when the estimate exists). Plain Python values.
    Raises :class:`PriceDataMissing` (see ``unit_prices``).

    Example: ``erosion_per_tenure_year(invoices, as_of)["erosion_per_tenure_year"]`` → -0.021
    """
    return _erosion(price_index_by_tenure(invoices, as_of), formats)


def _erosion(table: pd.DataFrame, formats: Formats) -> dict:
    """:func:`erosion_per_tenure_year` on the table of :func:`price_index_by_tenure`."""
    n = len(table)
    customers = int(table["customer_id"].nunique())
    result: dict = {
        "erosion_per_tenure_year": NAN,
        "erosion_ci_low": NAN,
        "erosion_ci_high": NAN,
        "lines_used": int(n),
        "customers_used": customers,
        "se_method": None,
        "reason": None,
    }
    if n < MIN_LINES:
        result["reason"] = formats._(
            "Only {lines} invoice lines with a positive unit price; at least {needed} are needed."
        ).format(lines=formats.number(n), needed=formats.number(MIN_LINES))
        return result
    x = table["tenure_years"].to_numpy(dtype=float)
    y = np.log(table["price_index"].to_numpy(dtype=float))
    spread = float(x.max() - x.min())
    if spread < MIN_TENURE_SPREAD_YEARS:
        result["reason"] = formats._(
            "Customer tenure on the priced lines spans only {spread} years; at least "
            "{needed} year is needed to measure a change per tenure year."
        ).format(spread=formats.number(spread, 2), needed=formats.number(MIN_TENURE_SPREAD_YEARS))
        return result

    x_centred = x - x.mean()
    sxx = float(np.sum(x_centred**2))
    slope = float(np.sum(x_centred * (y - y.mean())) / sxx)
    residual = y - y.mean() - slope * x_centred
    if customers >= 2:
        # Sandwich variance of the slope: its influence weights are x_centred / sxx.
        scores = pd.Series(x_centred * residual).groupby(table["customer_id"].to_numpy(),
                                                         sort=False).sum()
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
            [np.full(len(pooled), len(products)), pooled.index])
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
    formats: Formats = ENGLISH,
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
    ``note`` (in the language of ``formats``). The cost is 0.0 when no tenured customer bought
    in the window, NaN when none of their lines has a new-customer price to
    compare with. Raises :class:`PriceDataMissing`.

    Example: ``erosion_cost_12m(invoices, as_of)["erosion_cost_12m"]`` → 18400.0
    """
    return _cost(price_index_by_tenure(invoices, as_of), invoices, as_of, new_max_years, formats)


def _cost(table: pd.DataFrame, invoices: pd.DataFrame, as_of: pd.Timestamp,
          new_max_years: float, formats: Formats) -> dict:
    """:func:`erosion_cost_12m` on the table of :func:`price_index_by_tenure`."""
    start = as_of - pd.Timedelta(days=WINDOW_DAYS)
    in_window = invoices.loc[(invoices["date"] > start) & (invoices["date"] <= as_of)]
    window_revenue = float(in_window["amount"].sum())

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
        "note": "",
    }
    if tenured.empty:
        cost = 0.0
        note = formats._("No customer of over {years} year(s) bought in the last 12 months.")
    elif compared.empty:
        cost = NAN
        note = formats._(
            "No new customer (under {years} year) bought the same products in the same "
            "years, so there is no new-customer price to compare with."
        )
    else:
        cost = float(gap.sum())
        note = formats._(
            "{compared} of {tenured} lines of customers of {years}+ years in the "
            "last 12 months priced against the median new-customer price of the same product "
            "and year; quantity × price difference, summed (net: lines above the "
            "new-customer price count negatively)."
        ).replace("{compared}", formats.number(len(compared))).replace(
            "{tenured}", formats.number(len(tenured)))
    result["erosion_cost_12m"] = cost
    if window_revenue > 0 and not math.isnan(cost):
        result["erosion_cost_share_12m"] = cost / window_revenue
    result["note"] = note.format(years=formats.short(new_max_years))
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


def _less_or_more(value: float, formats: Formats) -> str:
    """-0.021 → "2.1% less", 0.004 → "0.4% more" (in the language of ``formats``)."""
    template = formats._("{share} less") if value < 0 else formats._("{share} more")
    return template.format(share=formats.percent(abs(value)))


def erosion_in_words(result: dict, formats: Formats = ENGLISH, years: int = 5) -> str:
    """The erosion estimate as plain sentences for the notebook to print.

    In: the dict from :func:`erosion_per_tenure_year` (or one with the same keys);
    ``formats`` (``wb.formats``: the language and number formats); ``years`` for the
    "adds up over N years" sentence.
    Out: text. Says why when the estimate is NaN, and says so plainly when the
    95 % interval includes zero (no clear change either way).

    Example: ``erosion_in_words({"erosion_per_tenure_year": -0.021, "erosion_ci_low": -0.026,
    "erosion_ci_high": -0.016})`` → "Each extra year as a customer goes with paying about
    2.1% less for the same product (somewhere between 1.6% and 2.6% less). …"
    """
    _ = formats._
    erosion = result.get("erosion_per_tenure_year", NAN)
    low, high = result.get("erosion_ci_low", NAN), result.get("erosion_ci_high", NAN)
    if erosion is None or math.isnan(erosion):
        reason = result.get("reason") or _("there are not enough priced invoice lines.")
        return _("Price erosion can't be measured on this data. {reason}").format(reason=reason)
    sentence = _("Each extra year as a customer goes with paying about {change} for the same "
                 "product").format(change=_less_or_more(erosion, formats))
    basis = ""
    if result.get("lines_used"):
        basis = " " + _("(Based on {lines} invoice lines of {customers} customers.)").format(
            lines=formats.number(result["lines_used"]),
            customers=formats.number(result.get("customers_used")))
    if math.isnan(low) or math.isnan(high):
        return sentence + "." + basis
    if high < 0 or low > 0:  # the whole interval on one side of zero
        near, far = sorted((low, high), key=abs)
        between = (_("(somewhere between {near} and {far} less).") if erosion < 0
                   else _("(somewhere between {near} and {far} more)."))
        over = (1 + erosion) ** years - 1
        return (sentence + " " + between.format(near=formats.percent(abs(near)),
                                                far=formats.percent(abs(far)))
                + " " + _("Over {years} years as a customer that adds up to about {change}.")
                .format(years=formats.number(years), change=_less_or_more(over, formats))
                + basis)
    return (sentence + " " + _("(somewhere between {low} and {high}). The interval includes "
                               "zero: on this data there is no clear change either way.")
            .format(low=_less_or_more(low, formats), high=_less_or_more(high, formats)) + basis)


def price_analysis(
    invoices: pd.DataFrame,
    as_of: pd.Timestamp,
    new_max_years: float = 1.0,
    long_min_years: float = 3.0,
    formats: Formats = ENGLISH,
) -> dict:
    """Everything the price-erosion section shows, in one call that never raises.

    In: invoices, ``as_of``, the tenure limits of :func:`price_gap_new_vs_tenured`,
    ``formats`` for the notes (``wb.formats``).
    Out: dict with ``available`` (False when :class:`PriceDataMissing` was raised),
    ``note`` (where unit prices came from, or what to add to switch the analysis on),
    ``lines`` (:func:`price_index_by_tenure`), ``by_tenure`` (:func:`tenure_price_table`),
    ``erosion`` (:func:`erosion_per_tenure_year`), ``gap`` (:func:`price_gap_new_vs_tenured`),
    ``cost`` (:func:`erosion_cost_12m`). Without price data the tables are empty,
    the figures NaN, ``note`` says what to add, and ``erosion["reason"]`` and
    ``cost["note"]`` point back to it.

    Example: ``analysis = price_analysis(invoices, as_of); print(analysis["note"])``
    """
    try:
        table, note = _price_table(invoices, as_of, formats)
        return {
            "available": True,
            "note": note,
            "lines": table,
            "by_tenure": _by_tenure(table),
            "erosion": _erosion(table, formats),
            "gap": _gap(table, new_max_years, long_min_years),
            "cost": _cost(table, invoices, as_of, new_max_years, formats),
        }
    except PriceDataMissing as missing:
        note = str(missing)
    empty_by_tenure = pd.DataFrame(
        columns=["lines", "customers", "mean_price_index", "median_price_index"],
        index=pd.Index([], name="tenure_year", dtype=int),
    )
    return {
        "available": False,
        "note": note,
        "lines": pd.DataFrame(columns=["customer_id", "product", "date", "year", "tenure_years",
                                       "unit_price_used", "price_index", "quantity", "amount"]),
        "by_tenure": empty_by_tenure,
        "erosion": {"erosion_per_tenure_year": NAN, "erosion_ci_low": NAN,
                    "erosion_ci_high": NAN, "lines_used": 0, "customers_used": 0,
                    "se_method": None,
                    "reason": formats._("It needs unit prices (see the note above).")},
        "gap": pd.DataFrame(index=pd.Index([], name="product")),
        "cost": {"erosion_cost_12m": NAN, "erosion_cost_share_12m": NAN,
                 "tenured_lines_12m": 0, "lines_compared": 0,
                 "note": formats._("It needs unit prices, like the erosion figure.")},
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

    Example: ``price_review_candidates(invoices, as_of, top=5)["catch_up_12m"].sum()``
    """
    columns = ["name", "tenure_years", "revenue_12m", "price_index_12m", "catch_up_12m"]
    try:
        table = price_index_by_tenure(invoices, as_of)
    except PriceDataMissing:
        table = pd.DataFrame(columns=["customer_id", "date", "price_index", "amount"])
    first = first_invoice_dates(invoices, as_of)
    tenure_now = (as_of - first).dt.days / DAYS_PER_YEAR
    start = as_of - pd.Timedelta(days=WINDOW_DAYS)
    window = table.loc[table["date"] > start].copy()
    window = window.loc[window["customer_id"].map(tenure_now) >= min_tenure_years]
    if window.empty:
        return pd.DataFrame(columns=columns, index=pd.Index([], name="customer_id"))
    window["catch_up"] = window["amount"] * (1 / window["price_index"] - 1)
    grouped = window.groupby("customer_id")
    out = pd.DataFrame({
        "tenure_years": tenure_now.reindex(grouped.size().index),
        "revenue_12m": grouped["amount"].sum().astype(float),
        "price_index_12m": grouped["price_index"].median().astype(float),
        "catch_up_12m": grouped["catch_up"].sum().astype(float),
    })
    out = out.sort_index().sort_values(["price_index_12m", "revenue_12m"],
                                       ascending=[True, False], kind="stable").head(top)
    ids = pd.Series(out.index, index=out.index, dtype=object)
    known = names.reindex(out.index).astype(object) if names is not None else ids
    out.insert(0, "name", known.where(known.notna(), ids).astype(str))
    out.index.name = "customer_id"
    return out[columns]


def erosion_cost_in_words(cost: dict, formats: Formats = ENGLISH) -> str:
    """The result of :func:`erosion_cost_12m` as one or two plain sentences.

    In: the dict from :func:`erosion_cost_12m` (or ``price_analysis(...)["cost"]``);
    ``formats`` (``wb.formats``).
    Out: text; says why when there is no figure.

    Example: ``erosion_cost_in_words({"erosion_cost_12m": 1200.0,
    "erosion_cost_share_12m": 0.02, "note": ""})`` → "In the last 12 months, customers of
    more than a year paid €1,200 less than new customers paid … (2.0% of the revenue …)."
    """
    _ = formats._
    value = cost.get("erosion_cost_12m", NAN)
    if value is None or math.isnan(value):
        return _("The money lost to erosion can't be worked out on this data. {note}").format(
            note=cost.get("note", "")).strip()
    if cost.get("lines_compared", 1) == 0:
        return cost.get("note", "")
    template = (
        _("In the last 12 months, customers of more than a year paid {money} less than new "
          "customers paid for the same products in the same year ({share} of the revenue of "
          "those 12 months).") if value >= 0 else
        _("In the last 12 months, customers of more than a year paid {money} more than new "
          "customers paid for the same products in the same year ({share} of the revenue of "
          "those 12 months).")
    )
    return template.format(money=formats.money(abs(value)),
                           share=formats.percent(abs(cost.get("erosion_cost_share_12m", NAN))))


def price_review_in_words(review: pd.DataFrame, min_tenure_years: float = 3.0,
                          formats: Formats = ENGLISH) -> str:
    """One sentence over the table of :func:`price_review_candidates`.

    Example: ``price_review_in_words(review, 3, wb.formats)`` → "5 long-standing accounts
    (3+ years) paid the least against the going price; at the going price their last
    12 months would have brought €15,760 more."
    """
    _ = formats._
    if review.empty:
        return _("No customer of {years}+ years bought priced lines in the last 12 months, so "
                 "there is no price-review list yet. Come back when your relationships are "
                 "older, or lower `min_tenure_years`.").format(
                     years=formats.short(min_tenure_years))
    extra = float(review["catch_up_12m"].sum())
    template = (
        _("{count} long-standing accounts ({years}+ years) paid the least against the going "
          "price; at the going price their last 12 months would have brought {money} more.")
        if extra >= 0 else
        _("{count} long-standing accounts ({years}+ years) paid the least against the going "
          "price; at the going price their last 12 months would have brought {money} less.")
    )
    return template.format(count=formats.number(len(review)),
                           years=formats.short(min_tenure_years), money=formats.money(abs(extra)))


def price_gap_readable(gap: pd.DataFrame, formats: Formats = ENGLISH) -> pd.DataFrame:
    """The :func:`price_gap_new_vs_tenured` table to show: readable headers, locale numbers."""
    _ = formats._
    out = pd.DataFrame(index=gap.index.rename(_("product")))
    if gap.empty:
        return out
    out[_("new: price index")] = gap["new_median_index"].map(lambda v: formats.number(v, 3))
    out[_("3+ years: price index")] = gap["long_standing_median_index"].map(
        lambda v: formats.number(v, 3))
    out[_("gap")] = (gap["gap_long_vs_new_pct"] / 100).map(formats.percent)
    out[_("new: lines")] = gap["new_lines"].map(formats.number)
    out[_("3+ years: lines")] = gap["long_standing_lines"].map(formats.number)
    return out


def price_review_readable(review: pd.DataFrame, formats: Formats = ENGLISH) -> pd.DataFrame:
    """The :func:`price_review_candidates` table to show: readable headers, locale numbers."""
    _ = formats._
    out = pd.DataFrame(index=review.index)
    out[_("name")] = review["name"]
    out[_("years as customer")] = review["tenure_years"].map(lambda v: formats.number(v, 1))
    out[_("revenue, 12 months")] = review["revenue_12m"].map(formats.money)
    out[_("price index")] = review["price_index_12m"].map(lambda v: formats.number(v, 3))
    out[_("at going price, +")] = review["catch_up_12m"].map(formats.money)
    return out
