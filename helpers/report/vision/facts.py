"""What the company folder and notebooks 02, 03 and 05 say about each account
(:class:`AccountFacts`), and which accounts are the key ones."""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

import pandas as pd

from helpers.analysis.windows import WINDOW, window_start
from helpers.report.vision.texts import LEVEL_NAMES, TOP_PRODUCTS

# --- the facts ----------------------------------------------------------------------------


@dataclass
class AccountFacts:
    """What the data says about one account. Every fact but the id and name is optional:
    ``None`` (or an empty list) means the data for it does not exist, and the document
    leaves that line out.

    Facts from other notebooks are inputs too: ``segment`` (02), ``value_profile`` and
    ``profit_12m`` / ``margin_12m`` (03), ``commitment_cell`` (05).
    """

    customer_id: str
    name: str
    first_invoice: pd.Timestamp | None = None
    last_invoice: pd.Timestamp | None = None
    tenure_years: int | None = None  # whole years from the first invoice to as_of
    revenue_12m: float | None = None
    revenue_prev_12m: float | None = None
    revenue_total: float | None = None
    orders_12m: int | None = None
    products: list[tuple[str, float]] = field(default_factory=list)  # (product, share)
    products_basis_12m: bool = True  # products of the last 12 months (else of all time)
    not_bought: list[str] = field(default_factory=list)  # best sellers they don't buy
    industry: str | None = None
    owner: str | None = None
    contract_end: pd.Timestamp | None = None
    wallet: float | None = None
    satisfaction: int | None = None  # the latest answer, 1–5
    satisfaction_date: pd.Timestamp | None = None
    satisfaction_answers: int = 0
    satisfaction_mean: float | None = None
    recommend: int | None = None  # the latest 0–10 answer
    segment: str | None = None  # 02
    value_profile: dict[str, float] = field(default_factory=dict)  # 03: level -> 1–5
    profit_12m: float | None = None  # 03: after cost-to-serve
    margin_12m: float | None = None  # 03: revenue − direct cost
    commitment_cell: str | None = None  # 05

    @property
    def revenue_change(self) -> float | None:
        """revenue_12m / revenue_prev_12m − 1; None without revenue in the 12 months before."""
        if self.revenue_12m is None or not self.revenue_prev_12m or self.revenue_prev_12m <= 0:
            return None
        return self.revenue_12m / self.revenue_prev_12m - 1

    @property
    def wallet_share(self) -> float | None:
        if not self.wallet or self.wallet <= 0 or self.revenue_12m is None:
            return None
        return self.revenue_12m / self.wallet


def _value(value):
    """None for a missing value (NaN, NaT, '', None), else the value."""
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, str) and not value.strip():
        return None
    return value


def account_facts(company, as_of: pd.Timestamp, ids: list[str]) -> dict[str, AccountFacts]:
    """The facts the company folder itself holds for each account in ``ids`` (in that order).

    From invoices: first and last invoice, tenure, revenue of the last 12 months
    ``(as_of − 365 d, as_of]``, of the 12 before and since the first invoice, orders
    (distinct invoices with a positive line, else distinct days), the products bought
    (share of the account's revenue, top 3, the last 12 months or, without purchases
    then, all time) and the company's three best-selling products of the last 12 months
    that the account did not buy then. From customers.csv: industry, owner, contract end,
    wallet. From survey.csv: the latest satisfaction (and recommend) answer up to as_of,
    how many answers and their mean. An id without invoices gets only its name.

    Example: ``account_facts(company, as_of, ["C0001"])["C0001"].tenure_years``
    """
    ids = [str(i) for i in ids]
    names = company.customer_names()
    lines = company.invoices.loc[company.invoices["date"] <= as_of]
    ours = lines.loc[lines["customer_id"].isin(ids)]
    start = window_start(as_of)
    recent = ours.loc[ours["date"] > start]
    before = ours.loc[(ours["date"] > start - WINDOW) & (ours["date"] <= start)]

    by = ours.groupby("customer_id")
    first, last, total = by["date"].min(), by["date"].max(), by["amount"].sum()
    revenue = recent.groupby("customer_id")["amount"].sum()
    previous = before.groupby("customer_id")["amount"].sum()
    bought = recent.loc[recent["amount"] > 0]
    order_key = bought["invoice_id"] if "invoice_id" in bought else bought["date"]
    orders = order_key.groupby(bought["customer_id"]).nunique()

    products: dict[str, list] = {}
    basis_12m: dict[str, bool] = {}
    not_bought: dict[str, list] = {}
    if "product" in lines.columns:
        products, basis_12m = _products(ours, recent)
        best = (
            lines.loc[lines["date"] > start]
            .groupby("product")["amount"]
            .sum()
            .sort_values(ascending=False, kind="stable")
        )
        best = best[best > 0].index.tolist()
        have = recent.groupby("customer_id")["product"].agg(set)
        for cid in ids:
            own = have.get(cid, set())
            not_bought[cid] = [p for p in best if p not in own][:TOP_PRODUCTS]

    customers = _customer_table(company.customers)
    survey = _survey_table(company.survey, as_of)

    facts = {}
    for cid in ids:
        row = customers.get(cid, {})
        answer = survey.get(cid, {})
        known = cid in first.index
        first_date = first.get(cid) if known else None
        facts[cid] = AccountFacts(
            customer_id=cid,
            name=str(names.get(cid, cid)),
            first_invoice=first_date,
            last_invoice=last.get(cid) if known else None,
            tenure_years=int((as_of - first_date).days // 365.25) if known else None,
            revenue_12m=float(revenue.get(cid, 0.0)) if known else None,
            revenue_prev_12m=float(previous.get(cid, 0.0)) if known else None,
            revenue_total=float(total.get(cid, 0.0)) if known else None,
            orders_12m=int(orders.get(cid, 0)) if known else None,
            products=products.get(cid, []),
            products_basis_12m=basis_12m.get(cid, True),
            not_bought=not_bought.get(cid, []) if known else [],
            industry=_value(row.get("industry")),
            owner=_value(row.get("owner")),
            contract_end=_value(row.get("contract_end")),
            wallet=_value(row.get("wallet")),
            satisfaction=_value(answer.get("satisfaction")),
            satisfaction_date=_value(answer.get("date")),
            satisfaction_answers=int(answer.get("answers", 0)),
            satisfaction_mean=_value(answer.get("mean")),
            recommend=_value(answer.get("recommend")),
        )
    return facts


def _products(ours: pd.DataFrame, recent: pd.DataFrame) -> tuple[dict, dict]:
    """Per account: the top products by share of its revenue (last 12 months, else all time)."""
    out, basis = {}, {}
    for frame, is_recent in ((ours, False), (recent, True)):  # recent overwrites all-time
        sums = frame.groupby(["customer_id", "product"])["amount"].sum()
        sums = sums[sums > 0]
        if sums.empty:
            continue
        share = sums / sums.groupby(level="customer_id").transform("sum")
        share = share.reset_index(name="share").sort_values(
            ["customer_id", "share", "product"], ascending=[True, False, True]
        )
        top = share.groupby("customer_id").head(TOP_PRODUCTS)
        for cid, group in top.groupby("customer_id"):
            out[cid] = list(zip(group["product"], group["share"].astype(float), strict=True))
            basis[cid] = is_recent
    return out, basis


def _customer_table(customers: pd.DataFrame | None) -> dict[str, dict]:
    if customers is None:
        return {}
    columns = [c for c in ("industry", "owner", "contract_end", "wallet") if c in customers]
    table = customers.drop_duplicates("customer_id").set_index("customer_id")[columns]
    return table.to_dict(orient="index")


def _survey_table(survey: pd.DataFrame | None, as_of: pd.Timestamp) -> dict[str, dict]:
    """The latest answer per customer up to as_of, how many answers, their mean."""
    if survey is None:
        return {}
    answers = survey.loc[survey["date"] <= as_of].sort_values(
        ["customer_id", "date"], kind="stable"
    )
    if answers.empty:
        return {}
    latest = answers.groupby("customer_id").tail(1).set_index("customer_id")
    grouped = answers.groupby("customer_id")["satisfaction"]
    table = pd.DataFrame(
        {
            "date": latest["date"],
            "satisfaction": latest["satisfaction"].astype(int),
            "recommend": latest["recommend"] if "recommend" in latest else None,
            "answers": grouped.size(),
            "mean": grouped.mean(),
        }
    )
    records = table.to_dict(orient="index")
    for record in records.values():
        if _value(record.get("recommend")) is not None:
            record["recommend"] = int(record["recommend"])
    return records


def add_notebook_facts(
    facts: dict[str, AccountFacts],
    *,
    segments: pd.Series | None = None,
    economics: pd.DataFrame | None = None,
    profile: pd.DataFrame | None = None,
    commitment: pd.Series | None = None,
) -> dict[str, AccountFacts]:
    """Add what other notebooks computed, where they computed it (each input optional).

    ``segments``: segment per customer_id (02); ``economics``: notebook 03's
    ``account_economics`` table (``profit``, ``margin``); ``profile``: 03's
    ``value_profile`` (columns = the five levels, 1–5); ``commitment``: the commitment
    cell per customer_id (05). A NaN stays out of the document.
    """
    out = {}
    for cid, fact in facts.items():
        changes = {}
        if segments is not None:
            changes["segment"] = _value(segments.get(cid))
        if economics is not None and cid in economics.index:
            for column, name in (("profit", "profit_12m"), ("margin", "margin_12m")):
                if column in economics:
                    changes[name] = _value(economics.at[cid, column])
        if profile is not None and cid in profile.index:
            levels = {
                level: float(profile.at[cid, level])
                for level in LEVEL_NAMES
                if level in profile and _value(profile.at[cid, level]) is not None
            }
            changes["value_profile"] = levels
        if commitment is not None:
            changes["commitment_cell"] = _value(commitment.get(cid))
        out[cid] = replace(fact, **changes)
    return out


def notebook_facts(company, as_of: pd.Timestamp, ids: list[str]) -> dict:
    """The inputs of :func:`add_notebook_facts` that this company's data allows.

    Segments (02, always: from invoices), the economics of each account (03: margin
    needs ``cost`` on the invoice lines, profit also ``hours.csv`` and ``hourly_cost``),
    the five-level value profile (03: the factual score from the data, the other levels
    from the team's saved scores, where there are any) and the commitment cell (05:
    only for customers with a survey answer or a contract end, and only where notebook
    05's ``helpers.analysis.loyalty`` is part of the workbook).
    """
    from helpers.analysis import account_value, profitability, segmentation
    from helpers.company.choices import read_choices

    choices = read_choices(company.folder)  # the company's cut-offs and hourly cost
    table = segmentation.segments(
        company.invoices, as_of, company.customers, **choices.segment_options()
    )
    economics = profitability.account_economics(
        company.invoices, company.hours, as_of, choices.hourly_cost_for(company.settings)
    )
    scores, _problems = account_value.read_scores(company.folder)
    team = account_value.team_scores(scores)
    profile = account_value.value_profile(economics, team, list(ids))
    scored = profile[list(LEVEL_NAMES)].notna().any(axis=1)
    return {
        "segments": table["segment"],
        "economics": economics,
        "profile": profile[scored],
        "commitment": commitment_cells(company, as_of),
    }


def commitment_cells(company, as_of: pd.Timestamp) -> pd.Series | None:
    """Notebook 05's commitment cell per customer, where something was measured.

    A cell needs the customer's own voice (a survey answer) or a binding (a contract
    end); without either, every customer would land in "risk" by default, which says
    nothing. None when notebook 05's module is not part of this workbook.
    """
    try:
        from helpers.analysis.loyalty import commitment_matrix
    except ImportError:  # notebook 05 not (yet) in this copy of the workbook
        return None
    matrix = commitment_matrix(company.invoices, company.customers, company.survey, as_of)
    measured = matrix["contract_end"].notna()
    if "commitment_basis" in matrix:
        measured |= matrix["commitment_basis"] == "survey"
    return matrix.loc[measured, "cell"]


def largest_account(company, as_of: pd.Timestamp) -> str:
    """The account with the most revenue in the last 12 months (ties: the smaller id).

    Without positive revenue in those 12 months, the largest over all time; without
    any, the first customer id: every company with invoices has an example to show.
    """
    lines = company.invoices.loc[company.invoices["date"] <= as_of]
    recent = lines.loc[lines["date"] > window_start(as_of)]
    for frame in (recent, lines):
        revenue = frame.groupby("customer_id")["amount"].sum().sort_index()
        if not revenue.empty and revenue.max() > 0:
            return str(revenue.idxmax())
    return str(sorted(company.invoices["customer_id"].astype(str))[0])
