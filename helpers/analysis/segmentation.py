"""Value-based segmentation: which customers get how much sales time (text 001).

Every customer in the invoices is placed in one **segment** by two things:

- its **value** over the last 12 months (revenue, or margin where invoices have a
  ``cost``): the top ``key_share`` of the customers who bought (by count, largest
  first) have a *high* value, the rest a *low* one;
- its **growth potential**: where ``customers.csv`` gives a ``wallet`` (the customer's
  estimated yearly purchases of what we sell), the part of that wallet we don't have
  yet, ``1 − revenue_12m / wallet``; otherwise its growth trend, ``revenue_12m /
  revenue_prev_12m − 1`` (the last 12 months against the 12 before). Each customer
  says which basis placed it (``potential_basis``).

| value \\ potential | high        | low   |
|-------------------|-------------|-------|
| high              | key account | keep  |
| low               | develop     | serve |

Customers without a purchase (a line with a positive amount) in the last 12 months
are ``dormant``, whatever their history. The segment of every customer is decided in
one vectorised pass; the names, the service model and the default cut-offs are plain
constants that later notebooks import (``key_accounts`` gives "the key accounts of
notebook 02").

Around the segments, one module per topic: :mod:`helpers.analysis.pareto` (the 80/20
curve and the ABC classes), :mod:`helpers.analysis.ownership` (how much value hangs on
each account owner) and :mod:`helpers.analysis.segment_lists` (``segments.csv``, the
check-up calls and the tables to show).

>>> table = segments(invoices, as_of, customers)      # one row per customer
>>> key_accounts(invoices, as_of, customers)[:3]      # ids, most valuable first
['C0053', 'C0171', 'C0207']
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from helpers.language import N_
from helpers.report.formats import ENGLISH, Formats

WINDOW_DAYS = 365

KEY_ACCOUNT, KEEP, DEVELOP, SERVE, DORMANT = "key account", "keep", "develop", "serve", "dormant"
SEGMENTS = (KEY_ACCOUNT, KEEP, DEVELOP, SERVE, DORMANT)  # the order of every table

# What readers see (translated): the segment and basis names in tables, plots, sentences.
SEGMENT_LABELS = {
    KEY_ACCOUNT: N_("key account"),
    KEEP: N_("keep"),
    DEVELOP: N_("develop"),
    SERVE: N_("serve"),
    DORMANT: N_("dormant"),
}

WALLET, TREND = "share of wallet", "growth trend"  # the two bases of potential
BASIS_LABELS = {WALLET: N_("share of wallet"), TREND: N_("growth trend")}
REVENUE, MARGIN = "revenue", "margin"  # what "value" measures

# Default cut-offs: the learner changes them in notebook 02; later notebooks use these.
KEY_SHARE = 0.20  # top share of buying customers (by count) whose value counts as high
WALLET_CUTOFF = 0.50  # high potential: at least half of the wallet is not ours yet
GROWTH_CUTOFF = 0.10  # high potential: grew at least 10 % on the 12 months before
ABC_CUTOFFS = (0.80, 0.95)  # A brings the first 80 % of value, B the next 15 %, C the rest


@dataclass(frozen=True)
class ServiceModel:
    """How the company serves one segment, and what it costs in sales time."""

    segment: str
    who: str  # who looks after these customers
    what: str  # what they get from us
    hours_per_year: float  # sales time per customer and year
    next_step: str  # the first thing to do, for segments.csv


SERVICE_MODEL: dict[str, ServiceModel] = {
    KEY_ACCOUNT: ServiceModel(
        KEY_ACCOUNT,
        "a named owner, with a deputy who knows the account",
        "an account plan, a meeting every quarter, a customer vision agreed with the "
        "customer (notebook 06)",
        40.0,
        "write the account plan and book the next meeting",
    ),
    KEEP: ServiceModel(
        KEEP,
        "a named owner",
        "flawless delivery, a service review once a year, a quick answer every time: "
        "no gap for a competitor to get in",
        10.0,
        "book this year's service review; ask what would make them look elsewhere",
    ),
    DEVELOP: ServiceModel(
        DEVELOP,
        "a salesperson, for a set time",
        "a needs mapping and a targeted offer for what they now buy elsewhere",
        8.0,
        "map its needs: what does it buy elsewhere that we could offer?",
    ),
    SERVE: ServiceModel(
        SERVE,
        "marketing, plus anyone for the yearly call",
        "newsletters, offers and easy ordering; one check-up call a year on their "
        "situation and purchasing plans",
        1.0,
        "yearly check-up call",
    ),
    DORMANT: ServiceModel(
        DORMANT,
        "marketing",
        "newsletters; one call to those who still bought the year before, to ask why they stopped",
        0.0,
        "marketing only; no sales time",
    ),
}
LAPSED_NEXT_STEP = "call once: ask why they stopped buying, and what would bring them back"
NO_OWNER_NEXT_STEP = "name an owner, then "


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
    start = as_of - pd.Timedelta(days=window_days)
    in_window = lines["date"] > start
    in_prev = (lines["date"] > start - pd.Timedelta(days=window_days)) & ~in_window
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


def value_measure(invoices: pd.DataFrame, as_of: pd.Timestamp, wanted: str = REVENUE) -> tuple:
    """Which measure of value can be used: ``(measure, reason)``.

    Margin needs a ``cost`` on every invoice line of the last 12 months; otherwise the
    value is revenue and ``reason`` says why.

    Example: ``value_measure(invoices, as_of, "margin")`` → ``("margin", "")``
    """
    if wanted not in (REVENUE, MARGIN):
        raise ValueError(f"value must be '{REVENUE}' or '{MARGIN}'; got {wanted!r}")
    if wanted == REVENUE:
        return REVENUE, ""
    if "cost" not in invoices.columns:
        return REVENUE, "the invoices have no cost column, so value is revenue"
    start = as_of - pd.Timedelta(days=WINDOW_DAYS)
    window = invoices.loc[(invoices["date"] > start) & (invoices["date"] <= as_of)]
    missing = int(window["cost"].isna().sum())
    if missing:
        return REVENUE, (
            f"{missing} invoice line(s) of the last 12 months have no cost, so value is revenue"
        )
    return MARGIN, ""


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
    """Place every customer in a segment of the value × potential matrix.

    In: invoices, ``as_of``, optional ``customers`` (``customers.csv``: ``name``,
    ``owner``, ``wallet``); the cut-offs (see the module constants); ``value``
    ``"revenue"`` or ``"margin"`` (margin only when every line of the last 12 months
    has a cost, see :func:`value_measure`); ``hours_per_year`` per segment to override
    :data:`SERVICE_MODEL`.

    Out: DataFrame indexed by ``customer_id``, one row for every customer with a line up
    to ``as_of``, most valuable first (ties in id order), with

    - ``name``, ``segment`` (one of :data:`SEGMENTS`, never empty), ``value_12m``,
      ``potential``, ``owner`` ('' when unknown), ``next_step`` — the columns of
      ``segments.csv``;
    - ``potential_basis`` (:data:`WALLET` or :data:`TREND`), ``potential_level``
      ("high"/"low"), ``value_level`` ("high"/"low"/"none"), ``abc_class`` (A/B/C over
      customers who bought in the last 12 months, '' for the dormant),
      ``revenue_12m``, ``revenue_prev_12m``, ``margin_12m``, ``wallet``,
      ``share_of_wallet``, ``revenue_total``, ``first_invoice``, ``last_purchase``,
      ``hours_per_year`` (sales time the service model gives the customer) and
      ``call_month`` (the yearly check-up call, "YYYY-MM": for serve customers the
      month of their first invoice in the coming 12 months, for dormant customers who
      bought in the 12 months before the window the month after ``as_of``; '' otherwise).

    ``potential``: for the wallet basis the share of the wallet not yet ours, ``1 −
    revenue_12m / wallet``, at least 0 (high from ``wallet_cutoff``); for the trend
    basis ``revenue_12m / revenue_prev_12m − 1`` (high from ``growth_cutoff``), NaN
    for a customer with no revenue in the 12 months before (new: counted as high).
    ``table.attrs`` keeps the cut-offs used (for plots), the value measure used and
    ``value_note``, why margin could not be used when it was asked for ('' otherwise).

    Example: ``segments(invoices, as_of, customers)["segment"].value_counts()``
    """
    if not 0 < key_share <= 1:
        raise ValueError(f"key_share must be a share between 0 and 1, like 0.2; got {key_share}")
    a_cut, b_cut = abc_cutoffs
    if not 0 < a_cut <= b_cut <= 1:
        raise ValueError(f"abc_cutoffs must be two shares, like (0.8, 0.95); got {abc_cutoffs}")
    measure, why_not_margin = value_measure(invoices, as_of, value)
    table = customer_values(invoices, as_of)
    table = table.join(_customer_facts(customers, table.index))
    table["value_12m"] = table["margin_12m"] if measure == MARGIN else table["revenue_12m"]

    # Most valuable first; the top ⌈key_share · n⌉ of the customers who bought are "high".
    table = table.sort_values("value_12m", ascending=False, kind="stable")
    active = table["bought_12m"].to_numpy()
    rank_among_active = np.cumsum(active)  # 1 … n for active rows, in value order
    n_active = int(active.sum())
    high_value = active & (rank_among_active <= top_count(key_share, n_active))
    table["value_level"] = np.select([high_value, active], ["high", "low"], "none")

    # Potential: share of wallet where a wallet is known, else the growth trend.
    has_wallet = (table["wallet"] > 0).to_numpy()
    share_of_wallet = table["revenue_12m"] / table["wallet"].where(has_wallet)
    growth = (
        table["revenue_12m"] / table["revenue_prev_12m"].where(table["revenue_prev_12m"] > 0) - 1
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
        [~active, high_value & high_potential, high_value, high_potential],
        [DORMANT, KEY_ACCOUNT, KEEP, DEVELOP],
        SERVE,
    )
    table["abc_class"] = _abc(table["value_12m"], active, abc_cutoffs)
    _plan(table, as_of, hours_per_year)

    columns = ["name", "segment", "value_12m", "potential", "owner", "next_step"]
    rest = [
        "potential_basis", "potential_level", "value_level", "abc_class", "revenue_12m",
        "revenue_prev_12m", "margin_12m", "wallet", "share_of_wallet", "revenue_total",
        "first_invoice", "last_purchase", "hours_per_year", "call_month",
    ]  # fmt: skip
    table = table[columns + rest]
    table.attrs = {
        "as_of": as_of,
        "value": measure,
        "value_note": why_not_margin,
        "key_share": key_share,
        "wallet_cutoff": wallet_cutoff,
        "growth_cutoff": growth_cutoff,
        "abc_cutoffs": tuple(abc_cutoffs),
        "value_cutoff": float(table.loc[high_value, "value_12m"].min()) if high_value.any()
        else math.nan,
    }  # fmt: skip
    return table


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


def _plan(table: pd.DataFrame, as_of: pd.Timestamp, hours: dict[str, float] | None) -> None:
    """Add ``hours_per_year``, ``call_month`` and ``next_step`` from the service model."""
    hours = {s: m.hours_per_year for s, m in SERVICE_MODEL.items()} | (hours or {})
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

    # The check-up call falls on the customer's anniversary (the month of its first
    # invoice) in the coming 12 months, which spreads the calls over the year; the
    # recently lapsed are called next month.
    this_month = as_of.to_period("M")
    first_month = table["first_invoice"].dt.month.astype(int)
    ahead = (first_month - this_month.month - 1) % 12 + 1
    ordinals = this_month.ordinal + np.where(lapsed, 1, ahead)
    due = pd.PeriodIndex.from_ordinals(ordinals, freq="M")
    calls = (segment == SERVE) | lapsed
    table["call_month"] = np.where(calls, due.strftime("%Y-%m"), "")

    steps = segment.map({s: m.next_step for s, m in SERVICE_MODEL.items()})
    steps = steps.where(segment != SERVE, steps + " in " + table["call_month"])
    steps = steps.where(~lapsed, LAPSED_NEXT_STEP)
    owned = segment.isin([KEY_ACCOUNT, KEEP])
    no_owner = owned & (table["owner"] == "")
    steps = steps.where(~no_owner, NO_OWNER_NEXT_STEP + steps)
    table["next_step"] = steps.where(~owned | no_owner, table["owner"] + ": " + steps)


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


# --- segments, time ---------------------------------------------------------------------


def segment_summary(table: pd.DataFrame) -> pd.DataFrame:
    """Per segment: how many customers, what value, how much sales time.

    In: ``table`` from :func:`segments`.
    Out: DataFrame indexed by segment (all of :data:`SEGMENTS`, in order, zeros included)
    with ``customers``, ``customer_share``, ``value_12m``, ``value_share`` (of all
    customers' value), ``hours_per_year`` (summed) and ``who``, ``what`` from the
    service model.

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
    out["who"] = [SERVICE_MODEL[s].who for s in SEGMENTS]
    out["what"] = [SERVICE_MODEL[s].what for s in SEGMENTS]
    return out


def segment_counts(table: pd.DataFrame) -> dict[str, int]:
    """Headline figures: ``customers_<segment>`` for every segment (spaces as _)."""
    counts = table["segment"].value_counts()
    return {f"customers_{s.replace(' ', '_')}": int(counts.get(s, 0)) for s in SEGMENTS}


def potential_in_words(
    table: pd.DataFrame, customers: pd.DataFrame | None, formats: Formats = ENGLISH
) -> str:
    """How value and potential were measured, and what a wallet column would add."""
    _ = formats._
    attrs = table.attrs
    active = table.loc[table["segment"] != DORMANT]
    trend = active.loc[active["potential_basis"] == TREND]
    by_wallet = len(active) - len(trend)
    if active.empty:
        return _("Nobody bought in the last 12 months, so every customer is dormant.")
    text = []
    if attrs.get("value_note"):
        text.append(_("You asked for margin, but the invoices lack costs, so value is revenue."))
    measure = _("margin (revenue − cost)") if attrs.get("value") == MARGIN else _("revenue")
    text.append(
        _("Value is the {measure} of the last 12 months. High value: the largest {top} of the "
          "{count} customers who bought, from {cutoff} up.").format(
            measure=measure, top=formats.percent(attrs["key_share"], 0),
            count=formats.number(len(active)), cutoff=formats.money(attrs["value_cutoff"]))
    )  # fmt: skip
    if by_wallet:
        text.append(
            _("Potential by share of wallet ({count} customers): high when at least {share} of "
              "what the customer buys a year (wallet in customers.csv) still goes to others."
              ).format(count=formats.number(by_wallet),
                       share=formats.percent(attrs["wallet_cutoff"], 0))
        )  # fmt: skip
        over = int((active["share_of_wallet"] > 1).sum())
        if over:
            text.append(
                _("Customers who bought more than the wallet you estimated: {count}. Raise "
                  "those estimates in customers.csv.").format(count=formats.number(over))
            )  # fmt: skip
    if len(trend):
        text.append(
            _("Potential by growth trend ({count} customers; the last 12 months against the 12 "
              "before): high from {growth} growth up; new customers ({new}) count as high."
              ).format(count=formats.number(len(trend)),
                       growth=formats.percent(attrs["growth_cutoff"], 0),
                       new=formats.number(int(trend["potential"].isna().sum())))
        )  # fmt: skip
        if customers is None or "wallet" not in customers.columns:
            text.append(
                _("Add a wallet column to customers.csv (your estimate of what each customer "
                  "buys a year of what you sell, from anyone) to place customers by how much "
                  "of their needs you already cover. Growth alone can't tell a small customer "
                  "that buys everything from you from one that buys most of it elsewhere.")
            )  # fmt: skip
        else:
            text.append(_("Give those customers a wallet in customers.csv to place them the same "
                          "way."))  # fmt: skip
    return "\n".join(text)


def time_budget_in_words(
    summary: pd.DataFrame, hours_available: float | None, formats: Formats = ENGLISH
) -> str:
    """Do the hours the service model asks for fit the sales time there is?"""
    _ = formats._
    needed = float(summary["hours_per_year"].sum())
    key = summary.loc[KEY_ACCOUNT]
    text = [
        _("The service model asks for {hours} hours of sales time a year; the key accounts "
          "({count}) take {key_hours} of them.").format(
            hours=formats.number(needed), count=formats.number(int(key["customers"])),
            key_hours=formats.number(key["hours_per_year"]))
    ]  # fmt: skip
    if hours_available is None or hours_available <= 0:
        text.append(_("Set hours_available to see whether that fits the time your team has."))
    elif needed <= hours_available:
        text.append(
            _("You have {available} hours: it fits, with {spare} hours to spare for finding "
              "new customers.").format(available=formats.number(hours_available),
                                       spare=formats.number(hours_available - needed))
        )  # fmt: skip
    else:
        text.append(
            _("You have {available} hours: {short} hours short. Serve fewer customers "
              "personally (a higher cut-off), spend fewer hours per customer, or find the time."
              ).format(available=formats.number(hours_available),
                       short=formats.number(needed - hours_available))
        )  # fmt: skip
    return "\n".join(text)
