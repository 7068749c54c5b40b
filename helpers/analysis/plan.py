"""One next step per customer: the notebooks' findings reconciled into a plan for the year.

Each notebook sees one side of a customer: its segment (02), what it earns after the cost
of serving it (03), whether it pays less than the going price (01), whether its contract
ends while its commitment is low (05). The owner needs one answer. :func:`build_plan`
gives every customer exactly one step, a stable code from :data:`STEPS`, decided in the
order of :data:`PRECEDENCE` (the first that applies wins), and a month within the 12
months after ``as_of``:

1. ``let_go``: 03 found a difficult account that loses money: a polite exit. It gets no
   vision and no calls.
2. ``write_vision``: the accounts the team has written a vision for (its own choice),
   then the key accounts (02), the most valuable first, up to the number the team can
   truly look after (``max_key_accounts``). Whatever else was found (a price below
   cost, a contract ending) is discussed in that vision.
3. ``rescue``: commitment low while the binding ends within the horizon (05).
4. ``reprice``: 03's reprice, or 01's price review (long-standing, paying the least).
5. ``prepay``: 03's prepayment.
6. ``develop``: a salesperson for a set time, no vision, for as many customers as
   ``max_key_accounts``: first the key accounts beyond what the team can look after,
   then the *develop* cell of 02 (the valuable fifth's lower half by value, with room
   to grow), the most valuable first. Those beyond are first in line for the calls.
7. ``win_back``: stopped buying in the last 12 months after buying the year before, or
   probably no longer buying by its own rhythm (05: ``p_alive`` under 0.5, BG/NBD)
   while it was once among the valuable fifth (by revenue over all years).
8. ``check_up_call``: the other active customers, one call a year (text 001: for the
   many, at most that; for the fifth's keep and maintain cells, the yearly review).
9. ``marketing``: everyone else: the many served without personal calls.

Calls are the scarce resource: ``win_back`` and ``check_up_call`` together never take more
than ``calls_per_month`` in any month. They go to the valuable fifth first, cell by cell
(:data:`CALL_PRIORITY`: the key accounts beyond the team's care, then keep, develop and
maintain), then to everyone else by value (a win-back by what it bought the year before);
whoever does not fit gets marketing. A win-back falls in the
first month, a check-up on the customer's anniversary month (the month it first bought)
when that month has room, else on the next month with room.

The inputs are plain tables (see :func:`build_plan`); :func:`company_plan` computes them
from a company the way the notebooks do.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.analysis import segmentation as seg
from helpers.analysis import shortlist as shortlist_rules

LET_GO, WRITE_VISION, RESCUE, REPRICE, PREPAY = (
    "let_go",
    "write_vision",
    "rescue",
    "reprice",
    "prepay",
)
DEVELOP, WIN_BACK, CHECK_UP_CALL, MARKETING = "develop", "win_back", "check_up_call", "marketing"
PRECEDENCE = (
    LET_GO,
    WRITE_VISION,
    RESCUE,
    REPRICE,
    PREPAY,
    DEVELOP,
    WIN_BACK,
    CHECK_UP_CALL,
    MARKETING,
)
STEPS = PRECEDENCE
CALLS = (WIN_BACK, CHECK_UP_CALL)  # the steps that take one of the month's calls
EXITS = (shortlist_rules.NO_SLOTS, shortlist_rules.COMPETITOR)  # 03's polite ways to let go
PRICE_REVIEW_TOP = 5  # notebook 01's price review lists this many accounts
PROBABLY_LOST_BELOW = 0.5  # 05: p_alive under this (with a repeat purchase): probably lost
ONCE_VALUABLE_SHARE = 0.2  # "once valuable": among the top fifth by revenue over all years
MONTHS = 12

COLUMNS = ["name", "next_step", "owner", "month", "segment", "value_12m"]
# Who is called first when calls are scarce: the valuable fifth, cell by cell (02's
# segments), then everyone else (the many, and the win-backs), by value.
CALL_PRIORITY = (seg.KEY_ACCOUNT, seg.KEEP, seg.DEVELOP, seg.MAINTAIN)


def months_after(as_of: pd.Timestamp, count: int = MONTHS) -> list[str]:
    """The ``count`` months after ``as_of``'s month, as ``YYYY-MM``.

    >>> months_after(pd.Timestamp("2025-12-30"), 3)
    ['2026-01', '2026-02', '2026-03']
    """
    start = as_of.to_period("M") + 1
    return [str(start + n) for n in range(count)]


def build_plan(
    segments: pd.DataFrame,
    as_of: pd.Timestamp,
    *,
    calls_per_month: int,
    max_key_accounts: int,
    shortlist: pd.Series | None = None,
    at_risk: pd.Index | None = None,
    price_review: pd.Index | None = None,
    with_vision: pd.Index | None = None,
    outlook: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Reconcile the findings into one step per customer (see the module docstring).

    In:
    - ``segments``: notebook 02's table (``segmentation.segments``), indexed by
      ``customer_id``: ``name``, ``segment``, ``value_12m``, ``potential_level``,
      ``owner``, ``first_invoice``, ``lapsed`` (dormant, but bought the year before);
    - ``shortlist``: 03's action per customer_id (the keys of
      ``helpers.analysis.shortlist.ACTIONS``), for the accounts it lists;
    - ``at_risk``: the ids of 05's at-risk list; ``price_review``: the ids of 01's list;
    - ``with_vision``: the ids the team has written a customer vision for (06);
    - ``outlook``: 05's ``p_alive`` and ``expected_purchases_12m`` per customer_id, with
      the ``frequency`` of repeat purchases (``still_buying.customer_outlook``);
    - the team's capacity: ``calls_per_month``, ``max_key_accounts``.

    Out: DataFrame indexed by ``customer_id`` (every customer of ``segments``, in its
    order) with ``name``, ``next_step`` (a code of :data:`STEPS`), ``owner``, ``month``
    (``YYYY-MM``), ``segment``, ``value_12m``, and the findings behind the step as
    columns: ``shortlist`` (03's action or ''), ``at_risk``, ``price_review``,
    ``with_vision``, ``lapsed`` (bools), ``key_rank`` (the order of the accounts to write a vision
    for: 1 first; 0 for the others) and
    ``over_capacity`` (a call or a vision the team has no room for).

    >>> table = pd.DataFrame({"name": ["A", "B", "C"], "segment": ["key account", "serve",
    ...     "serve"], "value_12m": [900.0, 50.0, 40.0], "potential_level": ["high", "low",
    ...     "low"], "owner": ["Aino", "", ""], "first_invoice": pd.to_datetime(["2020-03-01",
    ...     "2021-05-10", "2022-05-20"]), "lapsed": [False, False, False]},
    ...     index=pd.Index(["C1", "C2", "C3"], name="customer_id"))
    >>> plan = build_plan(table, pd.Timestamp("2025-12-31"), calls_per_month=1,
    ...                   max_key_accounts=5)
    >>> plan[["next_step", "month"]].values.tolist()
    [['write_vision', '2026-01'], ['check_up_call', '2026-05'], ['check_up_call', '2026-06']]
    """
    months = months_after(as_of)
    ids = segments.index
    out = pd.DataFrame(index=ids)
    out["name"] = segments["name"]
    out["owner"] = segments["owner"]
    out["segment"] = segments["segment"]
    out["value_12m"] = segments["value_12m"]
    actions = (shortlist if shortlist is not None else pd.Series(dtype=object)).reindex(ids)
    out["shortlist"] = actions.fillna("").astype(str)
    out["at_risk"] = ids.isin(at_risk if at_risk is not None else [])
    out["price_review"] = ids.isin(price_review if price_review is not None else [])
    out["with_vision"] = ids.isin(with_vision if with_vision is not None else [])
    seen = (outlook if outlook is not None else pd.DataFrame()).reindex(ids)
    out["p_alive"] = seen.get("p_alive", pd.Series(np.nan, index=ids)).astype(float)
    out["expected_purchases_12m"] = seen.get(
        "expected_purchases_12m", pd.Series(np.nan, index=ids)
    ).astype(float)
    repeat = seen.get("frequency", pd.Series(np.nan, index=ids)).to_numpy(dtype=float) > 0
    total = segments["revenue_total"] if "revenue_total" in segments else segments["value_12m"]
    positive = total[total > 0]
    bar = positive.quantile(1 - ONCE_VALUABLE_SHARE) if len(positive) else np.inf
    out["probably_lost"] = (
        repeat & (out["p_alive"].to_numpy() < PROBABLY_LOST_BELOW) & (total.to_numpy() >= bar)
    )

    segment = segments["segment"].to_numpy()
    key = segment == seg.KEY_ACCOUNT
    let_go = out["shortlist"].isin(EXITS).to_numpy()
    # the accounts to write a vision for: the team's own first, then the key accounts, in
    # value order within each (segments come most valuable first): 1, 2, …
    chosen = out["with_vision"].to_numpy() & ~let_go
    candidate = (chosen | key) & ~let_go
    order = np.lexsort((np.arange(len(ids)), ~chosen))  # chosen first, then table order
    ranks = np.zeros(len(ids), dtype=int)
    picked = order[candidate[order]]
    ranks[picked] = np.arange(1, len(picked) + 1)
    out["key_rank"] = ranks
    vision = candidate & (ranks <= max_key_accounts)
    at_risk = out["at_risk"].to_numpy()
    reprice = (out["shortlist"] == shortlist_rules.REPRICE).to_numpy() | out[
        "price_review"
    ].to_numpy()
    prepay = (out["shortlist"] == shortlist_rules.PREPAY).to_numpy()
    # a salesperson for a set time, for as many as max_key_accounts: the key accounts beyond
    # the team's care (by rank), then 02's develop cell (by value); beyond that even a small
    # team's goodwill runs out: they are first in line for the calls
    first = key & candidate & ~vision
    then = (segment == seg.DEVELOP) & ~let_go & ~vision & ~first
    pool = (first | then) & ~(at_risk | reprice | prepay)
    queue = np.lexsort((np.arange(len(ids)), np.where(first, ranks, 0), ~first))
    develop = np.zeros(len(ids), dtype=bool)
    develop[queue[pool[queue]][: max(int(max_key_accounts), 0)]] = True
    active = segment != seg.DORMANT
    lapsed = (segment == seg.DORMANT) & segments["lapsed"].to_numpy(dtype=bool)
    gone = lapsed | out["probably_lost"].to_numpy()  # a call to win it back

    step = np.select(
        [let_go, vision, at_risk, reprice, prepay, develop, gone, active],
        [LET_GO, WRITE_VISION, RESCUE, REPRICE, PREPAY, DEVELOP, WIN_BACK, CHECK_UP_CALL],
        MARKETING,
    )
    month = np.full(len(ids), months[0], dtype=object)

    # visions spread over the year, the most valuable first
    writes = np.flatnonzero(step == WRITE_VISION)
    if len(writes):
        month[writes] = np.array(months)[(np.arange(len(writes)) * MONTHS) // len(writes)]

    # calls, check-ups and win-backs alike, as long as the team's calls allow: the valuable
    # fifth first, cell by cell (CALL_PRIORITY), then everyone else by value (a win-back by
    # what it bought the year before); whoever does not fit gets marketing
    capacity = np.full(MONTHS, max(int(calls_per_month), 0))
    calls = np.flatnonzero(np.isin(step, CALLS))
    back = gone[calls]
    value = np.where(
        back & lapsed[calls],
        segments["revenue_prev_12m"].to_numpy(dtype=float)[calls]
        if "revenue_prev_12m" in segments
        else 0.0,
        out["value_12m"].to_numpy(dtype=float)[calls],
    )
    priority = np.select(
        [segment[calls] == cell for cell in CALL_PRIORITY],
        list(range(len(CALL_PRIORITY))),
        len(CALL_PRIORITY),
    )
    ranked = np.lexsort((-value, priority))
    order = calls[ranked]
    fits = order[: int(capacity.sum())]
    step[order[len(fits) :]] = MARKETING
    # a win-back is best made at once (next month), a check-up on the anniversary month
    first_month = pd.DatetimeIndex(segments["first_invoice"].to_numpy()[fits]).month.to_numpy()
    anniversary = (first_month - (as_of.month + 1)) % MONTHS
    wanted = np.where(gone[fits], 0, anniversary)
    month[fits] = np.array(months)[_call_months(wanted, capacity)]

    out["next_step"] = step
    out["month"] = month
    over_calls = np.isin(np.arange(len(ids)), order[len(fits) :])
    out["over_capacity"] = over_calls | (candidate & ~vision)
    out["lapsed"] = lapsed
    findings = [
        "shortlist",
        "at_risk",
        "price_review",
        "with_vision",
        "lapsed",
        "probably_lost",
        "key_rank",
        "p_alive",
        "expected_purchases_12m",
    ]
    return out[[*COLUMNS, *findings, "over_capacity"]]


def _call_months(wanted: np.ndarray, capacity: np.ndarray) -> np.ndarray:
    """The month (0 = the first after as_of) of each call, calls given in priority order.

    Each call's ``wanted`` month when that month still has room, else the next month with
    room; earlier calls in the priority order choose first. Twelve vectorised rounds, one
    per month shift, whatever the number of customers; the caller gives at most
    ``capacity.sum()`` calls.

    >>> _call_months(np.array([4, 4, 4, 0]), np.array([1] * 12)).tolist()
    [4, 5, 6, 0]
    """
    anniversary = np.asarray(wanted, dtype=int)
    month = np.full(len(anniversary), -1)
    room = capacity.astype(int).copy()
    for shift in range(MONTHS):
        pending = np.flatnonzero(month < 0)
        if len(pending) == 0:
            break
        wanted = (anniversary[pending] + shift) % MONTHS
        # the n-th pending call wanting a month (in priority order) gets it while n < room
        order = np.argsort(wanted, kind="stable")
        in_order = wanted[order]
        place = np.empty_like(order)
        place[order] = np.arange(len(order)) - np.searchsorted(in_order, in_order)
        gets = place < room[wanted]
        month[pending[gets]] = wanted[gets]
        room -= np.bincount(wanted[gets], minlength=MONTHS)
    return month


def company_plan(company, as_of: pd.Timestamp, choices) -> pd.DataFrame:
    """The plan of a company with its choices, computed the way the notebooks compute each
    finding: 02's segments (the choices' cut-offs), 03's shortlist (profit after
    cost-to-serve, the choices' hourly cost), 05's at-risk list (the choices' horizon) and
    01's price review (the choices' years for long-standing). See :func:`build_plan`.

    >>> from helpers.company import load_company
    >>> from helpers.company.choices import read_choices
    >>> company = load_company(None)
    >>> plan = company_plan(company, company.invoices["date"].max(), read_choices(company.folder))
    >>> int((plan["next_step"] == "write_vision").sum()) <= 10
    True
    """
    from helpers.analysis.commitment import at_risk, commitment_matrix
    from helpers.analysis.pricing import price_review_candidates
    from helpers.analysis.profitability import account_economics
    from helpers.analysis.segmentation import segments
    from helpers.analysis.still_buying import still_buying
    from helpers.company.answers.visions import accounts_with_texts

    invoices = company.invoices.loc[company.invoices["date"] <= as_of]
    names = company.customer_names()
    table = segments(invoices, as_of, company.customers, **choices.segment_options())
    economics = account_economics(
        invoices, company.hours, as_of, choices.hourly_cost_for(company.settings)
    )
    listed = shortlist_rules.shortlist(economics, names)
    matrix = commitment_matrix(
        invoices,
        company.customers,
        company.survey,
        as_of,
        binding_from_months=choices.binding_from_months,
        names=names,
    )
    risky = at_risk(matrix, choices.horizon_months)
    review = price_review_candidates(
        invoices, as_of, choices.min_tenure_years, top=PRICE_REVIEW_TOP, names=names
    )
    model = still_buying(invoices, as_of)
    outlook = model.outlook.join(model.summary["frequency"])
    return build_plan(
        table,
        as_of,
        calls_per_month=choices.calls_per_month,
        max_key_accounts=choices.max_key_accounts,
        shortlist=listed.set_index("customer_id")["action"] if len(listed) else None,
        at_risk=pd.Index(risky["customer_id"]),
        price_review=review.index,
        with_vision=pd.Index(accounts_with_texts(company)),
        outlook=outlook,
    )


def vision_accounts(plan: pd.DataFrame) -> list[str]:
    """The accounts to write a customer vision for, in the order the team takes them."""
    chosen = plan.loc[plan["next_step"] == WRITE_VISION, "key_rank"].sort_values(kind="stable")
    return [str(cid) for cid in chosen.index]


def calls_list(plan: pd.DataFrame) -> pd.DataFrame:
    """The plan's calls (check-ups and win-backs) by month, the most valuable first."""
    calls = plan.loc[plan["next_step"].isin(CALLS)]
    return calls.sort_values(["month", "value_12m"], ascending=[True, False], kind="stable")


def plan_counts(plan: pd.DataFrame) -> dict[str, int]:
    """Headline figures: ``plan_<step>`` customers for every step."""
    counts = plan["next_step"].value_counts()
    return {f"plan_{step}": int(counts.get(step, 0)) for step in STEPS}


def calls_by_month(plan: pd.DataFrame) -> pd.DataFrame:
    """Per month (``YYYY-MM``) and step: how many customers. For the calendar plot."""
    table = plan.groupby(["month", "next_step"]).size().unstack(fill_value=0)
    return table.reindex(columns=[s for s in STEPS if s in table.columns])
