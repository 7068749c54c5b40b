"""Where the profit comes from, account by account (text 002, notebook 03).

Two views of ``profitability.account_economics``:

- the **whale curve** (:func:`whale_curve`, :func:`whale_figures`): cumulative profit
  after cost-to-serve, most profitable account first. It climbs above 100 % of the profit
  while the good accounts are added and falls back as the loss-makers give profit away;
- the **price × cost-to-serve map** (:func:`price_cost_map`): what each account pays
  against list price, and how much working time each euro of its revenue takes.

>>> whale_figures(pd.Series({"a": 60.0, "b": 50.0, "c": -10.0}))["whale_peak_share"]
1.1

The sentences about them: :mod:`helpers.words.profit_spread`.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from helpers.analysis.profitability import NAN
from helpers.language import N_


def whale_curve(profit: pd.Series) -> pd.DataFrame:
    """Cumulative profit by account, most profitable first (the "whale curve").

    In: profit per customer (NaN left out). Out: DataFrame with ``customer_share``,
    ``profit_share`` (cumulative profit / total profit) and ``customer_id`` (empty at
    the start), n + 1 rows from (0, 0); the last row is (1, 1) when the total profit is
    positive. It rises above 1 while the profitable accounts are added and falls back
    as the loss-makers give profit away.

    Example: profits 60, 50, −10 → shares 0, 0.6, 1.1, 1.0 at 0, ⅓, ⅔, 1.
    """
    values = profit.dropna().astype(float)
    values = values.sort_index().sort_values(ascending=False, kind="stable")
    total = float(values.sum())
    n = len(values)
    cumulative = np.concatenate([[0.0], np.cumsum(values.to_numpy())])
    share = cumulative / total if total > 0 else np.full(n + 1, np.nan)
    return pd.DataFrame(
        {
            "customer_share": np.arange(n + 1) / n if n else [0.0],
            "profit_share": share if n else [np.nan],
            "customer_id": ["", *values.index.astype(str)] if n else [""],
        }
    )


def whale_figures(profit: pd.Series) -> dict:
    """The whale curve in a few numbers.

    - ``accounts``: accounts with a known profit; ``profit_total``: their sum;
    - ``accounts_losing_money`` and ``accounts_losing_money_share`` (profit < 0);
    - ``loss_total``: the losses added up (a positive number: profit given away);
    - ``top20_profit_share``: profit of the top ⌈0.2·n⌉ accounts by profit / profit_total;
    - ``whale_peak_share``: the highest point of the curve (profit of all profitable
      accounts / profit_total), and ``whale_peak_accounts_share``: the share of accounts
      it takes to get there.

    Shares are NaN when profit_total ≤ 0; everything is NaN with no profit at all.
    Example: profits 60, 50, −10 → 3 accounts, 1 losing (⅓), loss 10, total 100,
    top20 = ⌈0.6⌉ = 1 account: 0.6, peak 1.1 at ⅔ of the accounts.
    """
    values = profit.dropna().astype(float).sort_values(ascending=False, kind="stable")
    n = len(values)
    figures = dict.fromkeys(
        (
            "profit_total",
            "accounts_losing_money_share",
            "loss_total",
            "top20_profit_share",
            "whale_peak_share",
            "whale_peak_accounts_share",
        ),
        NAN,
    )
    figures["accounts"] = n
    figures["accounts_losing_money"] = int((values < 0).sum()) if n else None
    if n == 0:
        return figures
    total = float(values.sum())
    losing = values[values < 0]
    figures.update(
        profit_total=total,
        accounts_losing_money_share=len(losing) / n,
        loss_total=0.0 - float(losing.sum()),
    )
    if total > 0:
        gaining = values[values > 0]
        figures.update(
            top20_profit_share=float(values.iloc[: math.ceil(0.2 * n)].sum()) / total,
            whale_peak_share=float(gaining.sum()) / total,
            whale_peak_accounts_share=len(gaining) / n,
        )
    return figures


# --- price × cost-to-serve map ---------------------------------------------------------------

# The four corners (English keys in the ``quadrant`` column; translated when shown).
QUADRANTS = {
    (True, False): N_("pays well, cheap to serve"),
    (True, True): N_("pays well, costly to serve"),
    (False, False): N_("pays little, cheap to serve"),
    (False, True): N_("pays little, costly to serve"),
}


def price_cost_map(table: pd.DataFrame) -> pd.DataFrame:
    """Where each account sits on net price against cost-to-serve (after Shapiro et al.).

    In: ``profitability.account_economics``. Out, per account with revenue > 0 and both values
    known: ``net_price`` = 1 − discount_share (what it pays, as a share of list price),
    ``cost_to_serve`` = hours_cost / revenue (working time per euro of revenue),
    ``revenue``, ``profit``, and ``quadrant``, split at the revenue-weighted medians
    (``attrs["price_line"]``, ``attrs["cost_line"]``). The costly-to-serve accounts that
    pay little are the ones text 002 calls difficult.
    Empty when discounts or hours cost are not known.
    """
    usable = table.loc[(table["revenue"] > 0)]
    frame = pd.DataFrame(
        {
            "net_price": 1 - usable["discount_share"],
            "cost_to_serve": usable["hours_cost"] / usable["revenue"],
            "revenue": usable["revenue"],
            "profit": usable["profit"],
        }
    ).dropna(subset=["net_price", "cost_to_serve"])
    if frame.empty:
        frame["quadrant"] = pd.Series(dtype=object)
        frame.attrs.update(price_line=NAN, cost_line=NAN)
        return frame
    price_line = _weighted_median(frame["net_price"], frame["revenue"])
    cost_line = _weighted_median(frame["cost_to_serve"], frame["revenue"])
    keys = zip(frame["net_price"] >= price_line, frame["cost_to_serve"] > cost_line, strict=True)
    frame["quadrant"] = [QUADRANTS[k] for k in keys]
    frame.attrs.update(price_line=price_line, cost_line=cost_line)
    return frame


def _weighted_median(values: pd.Series, weights: pd.Series) -> float:
    """The value below which half the weight lies (the lower one on a tie)."""
    order = np.argsort(values.to_numpy(), kind="stable")
    v, w = values.to_numpy()[order], weights.to_numpy()[order]
    cumulative = np.cumsum(w)
    return float(v[np.searchsorted(cumulative, cumulative[-1] / 2.0)])


# --- what letting the loss-makers go would really do -------------------------------------


def letting_go(table: pd.DataFrame) -> dict:
    """What profit would be without the accounts that lose money: the whale curve's
    promise against what a small firm's costs allow.

    The whale curve's peak assumes every cost of serving a loss-maker leaves with it. In a
    small firm most of it stays: the same people are paid and the same premises rented
    whether or not the hours are sold (Kaplan & Narayanan 2001). Two bounds, over the
    accounts of ``profitability.account_economics`` whose ``profit`` is below 0:

    - ``accounts``, their ``loss`` (a positive number), ``margin`` (what they still bring
      in after the cost on their invoice lines), ``hours`` and ``hours_cost``;
    - ``profit_now`` (all accounts with a known profit);
    - ``profit_if_costs_go`` = profit_now + loss: the whale's peak, if the cost of their
      hours disappears with them (staff cut, or the hours sold to others at once);
    - ``profit_if_costs_stay`` = profit_now − margin: if the hours are still paid and
      nothing fills them, you lose their margin and keep every cost.

    NaN without any known profit; zeros (and the same three profits) when no account loses
    money. Example: profits 60, 50, −10, the loser's margin 30 (its hours cost 40): now
    100; 110 if the costs go; 70 if they stay.
    """
    known = table.loc[table["profit"].notna()]
    figures = dict.fromkeys(
        (
            "loss",
            "margin",
            "hours",
            "hours_cost",
            "profit_now",
            "profit_if_costs_go",
            "profit_if_costs_stay",
        ),
        NAN,
    )
    figures["accounts"] = 0
    if known.empty:
        return figures
    losing = known.loc[known["profit"] < 0]
    loss = 0.0 - float(losing["profit"].sum())
    margin = float(losing["margin"].sum())
    now = float(known["profit"].sum())
    figures.update(
        accounts=len(losing),
        loss=loss,
        margin=margin,
        hours=float(losing["hours"].sum()),
        hours_cost=float(losing["hours_cost"].sum()),
        profit_now=now,
        profit_if_costs_go=now + loss,
        profit_if_costs_stay=now - margin,
    )
    return figures


def top_share(values: pd.Series) -> float:
    """The share of the total that the top ⌈0.2·n⌉ accounts make (NaN when the total ≤ 0).

    On profit it is the whale's ``top20_profit_share``; on margin or revenue the same
    question where the data has no profit. Example: 60, 50, −10 → 60 / 100 = 0.6.
    """
    return whale_figures(values)["top20_profit_share"]
