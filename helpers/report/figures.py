"""Headline figures: what each key means, and writing them as JSON.

Each notebook records its headline figures in ``<notebook>.json``; the runner
merges them into ``summary.json``. ``FIGURES`` documents every key (the
definitions of ``product.md`` and the keys the notebooks add) so the report
can show a label and a definition beside each value.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class Figure:
    label: str
    kind: str  # "count", "money", "share", "ratio", "number", "date", "text", "reason"
    definition: str


FIGURES: dict[str, Figure] = {
    # 00 Start here
    "invoice_lines": Figure("Invoice lines", "count", "lines in invoices.csv dated up to as_of"),
    "first_invoice_date": Figure("First invoice", "date", "date of the earliest invoice line"),
    "as_of": Figure(
        "Analysis date",
        "date",
        "the --as-of date, by default the last invoice date; windows are (as_of − 365 days, as_of]",
    ),
    "revenue_12m": Figure(
        "Revenue, last 12 months", "money", "sum of amount in (as_of − 365 days, as_of]"
    ),
    "active_customers_12m": Figure(
        "Customers who bought in the last 12 months",
        "count",
        "distinct customer_id with a line dated in (as_of − 365 days, as_of]",
    ),
    # 01 Pricing erosion and dependence
    "customers": Figure(
        "Customers", "count", "number of distinct customer_id in invoices up to as_of"
    ),
    "revenue_total": Figure("Revenue, all years", "money", "revenue of all invoices up to as_of"),
    "largest_customer_share": Figure(
        "Largest customer's share", "share", "largest customer's revenue / revenue_total"
    ),
    "top5_share": Figure(
        "Top 5 customers' share", "share", "top 5 customers' revenue / revenue_total"
    ),
    "hhi": Figure(
        "Concentration (HHI)",
        "ratio",
        "Σ sᵢ² over customers, sᵢ = customer revenue / revenue_total (customers with "
        "revenue ≤ 0 left out)",
    ),
    "effective_customers": Figure("Effective number of customers", "number", "1 / HHI"),
    "new_customer_revenue_share_12m": Figure(
        "Revenue from new customers, last 12 months",
        "share",
        "revenue in the last-12-months window from customers whose first invoice falls in "
        "that window / all revenue in that window; null when the invoices start inside that "
        "window",
    ),
    "new_customer_revenue_share_12m_reason": Figure(
        "Why the new customers' share is missing",
        "reason",
        "data_starts_inside_window: the first invoice is dated after as_of − 365 d; "
        "no_revenue_12m: no positive revenue in the last 12 months",
    ),
    "erosion_per_tenure_year": Figure(
        "Price erosion per year of tenure",
        "share",
        "exp(b) − 1, b the least-squares slope of ln(price index) on tenure in years; price "
        "index = unit price / median unit price of the same product in the same calendar year",
    ),
    "erosion_ci_low": Figure(
        "Erosion, 95 % interval low",
        "share",
        "lower end of the 95 % interval of erosion_per_tenure_year",
    ),
    "erosion_ci_high": Figure(
        "Erosion, 95 % interval high",
        "share",
        "upper end of the 95 % interval of erosion_per_tenure_year",
    ),
    "erosion_cost_12m": Figure(
        "Money lost to price erosion, last 12 months",
        "money",
        "what long-standing customers would have paid at new customers' prices for the "
        "same product and year, minus what they paid",
    ),
    "erosion_cost_share_12m": Figure(
        "Erosion cost as share of revenue, last 12 months",
        "share",
        "erosion_cost_12m / revenue in the window",
    ),
    "quotes_12m": Figure("Quotes sent, last 12 months", "count", "quotes dated in the window"),
    "quote_win_rate_12m": Figure(
        "Quote win rate, last 12 months",
        "share",
        "quotes won / quotes sent in the window (by count)",
    ),
    "prospects_met_12m": Figure(
        "Prospects quoted, last 12 months",
        "count",
        "distinct prospects (non-customers) quoted in the window",
    ),
    # 02 and 05 (definitions from product.md; computed where those notebooks arrive)
    "top20_revenue_share": Figure(
        "Top 20 % of customers' share",
        "share",
        "revenue of the top ⌈0.2·n⌉ customers / revenue_total (n = customers with revenue > 0)",
    ),
    "gini": Figure(
        "Gini coefficient of revenue",
        "ratio",
        "Gini coefficient of revenue over customers with revenue > 0",
    ),
    "retention_12m": Figure(
        "Customer retention, last 12 months",
        "share",
        "of the customers who bought in (as_of − 730 d, as_of − 365 d], the share who also "
        "bought in the last 12 months; null when the invoices start after as_of − 730 d",
    ),
    "retention_12m_reason": Figure(
        "Why retention is missing",
        "reason",
        "data_starts_inside_window: the first invoice is dated after as_of − 730 d; "
        "nobody_bought_before: nobody bought in (as_of − 730 d, as_of − 365 d]",
    ),
    # 02 Value-based segmentation: keys added by notebook 02 go here
    "customers_key_account": Figure(
        "Key accounts",
        "count",
        "customers in the valuable fifth (the top 20 % by value of the last 12 months of the "
        "customers who bought in them), in its upper half by value and with high potential "
        "(at least half of the wallet still with others, or without a wallet growth of at "
        "least 10 % on the 12 months before, or new); notebook 02's default cut-offs",
    ),
    "customers_keep": Figure(
        "Customers to keep",
        "count",
        "the valuable fifth's upper half by value, low potential",
    ),
    "customers_develop": Figure(
        "Customers to develop",
        "count",
        "the valuable fifth's lower half by value, high potential",
    ),
    "customers_maintain": Figure(
        "Customers to maintain",
        "count",
        "the valuable fifth's lower half by value, low potential",
    ),
    "customers_serve": Figure(
        "Customers served by marketing and a yearly call",
        "count",
        "customers who bought in the last 12 months outside the valuable fifth",
    ),
    "customers_dormant": Figure(
        "Dormant customers",
        "count",
        "customers with invoices up to as_of but no line with a positive amount in the last "
        "12 months",
    ),
    "sales_hours_needed": Figure(
        "Sales hours the service model asks for",
        "number",
        "Σ over customers of the hours a year their segment gets in notebook 02's service "
        "model (key account 40, keep 10, develop 8, maintain 4, serve 1, dormant 0 or 1 for "
        "a call to those who bought in the 12 months before)",
    ),
    "sales_hours_fifth": Figure(
        "Sales hours for the valuable fifth",
        "number",
        "the part of sales_hours_needed that goes to the valuable fifth (key account, keep, "
        "develop and maintain)",
    ),
    #
    # 03 Account value and profitability: keys added by notebook 03 go here
    "accounts_12m": Figure(
        "Accounts, last 12 months",
        "count",
        "customers with an invoice line or logged hours in the last 12 months",
    ),
    "accounts_losing_money": Figure(
        "Accounts losing money after cost-to-serve",
        "count",
        "accounts of the last 12 months whose profit after cost-to-serve is below 0",
    ),
    "accounts_losing_money_share": Figure(
        "Share of accounts losing money after cost-to-serve",
        "share",
        "accounts_losing_money / accounts with a known profit after cost-to-serve",
    ),
    "profit_after_cost_to_serve_12m": Figure(
        "Profit after cost-to-serve, last 12 months",
        "money",
        "Σ over accounts of revenue − cost on invoice lines − logged hours × hourly_cost "
        "(the cost on invoice lines is taken to exclude the logged hours)",
    ),
    "loss_from_losing_accounts_12m": Figure(
        "Profit given away by loss-making accounts",
        "money",
        "the losses of the accounts with a negative profit after cost-to-serve, added up "
        "(a positive amount)",
    ),
    "top20_profit_share": Figure(
        "Top 20 % of accounts' share of profit",
        "share",
        "profit after cost-to-serve of the top ⌈0.2·n⌉ accounts by profit / "
        "profit_after_cost_to_serve_12m (n = accounts with a known profit)",
    ),
    "whale_peak_share": Figure(
        "Whale curve peak",
        "share",
        "profit of all profitable accounts / profit_after_cost_to_serve_12m (above 1: the "
        "loss-makers give part of it away)",
    ),
    "cost_to_serve_12m": Figure(
        "Cost of hours spent on customers, last 12 months",
        "money",
        "hours logged for customers in the window × hourly_cost",
    ),
    "unbilled_hours_share_12m": Figure(
        "Unbilled share of hours, last 12 months",
        "share",
        "hours with billable = no / all hours logged in the window",
    ),
    "discount_share_12m": Figure(
        "Discount off list price, last 12 months",
        "share",
        "Σ (list_price × quantity − amount) / Σ list_price × quantity over positive lines "
        "with a list price in the window",
    ),
    "accounts_scored": Figure(
        "Accounts scored by the team",
        "count",
        "accounts with at least one score on reference, contact, emotional or learning value",
    ),
    "scoring_members": Figure(
        "Team members who scored", "count", "members with a file in answers/account-values/"
    ),
    "emotional_over_factual_accounts": Figure(
        "Loved but earning little",
        "count",
        "scored accounts with team-average emotional value ≥ 4 whose factual score is below "
        "2.5 or that lose money after cost-to-serve",
    ),
    "shortlist_accounts": Figure(
        "Accounts on the shortlist", "count", "rows of account-shortlist.csv"
    ),
    "shortlist_to_change": Figure(
        "Accounts whose terms to change",
        "count",
        "shortlisted accounts with an action other than keep and delight",
    ),
    #
    # 04 The 9E checklist: keys added by notebook 04 go here
    "e9_members": Figure(
        "9E: members who answered",
        "count",
        "members with a readable answers/9e/<member>.csv",
    ),
    "e9_basics_holding": Figure(
        "9E: basics of competitiveness that hold (of 3)",
        "count",
        "of product, delivery and service, those where the team's average today is at least 3 "
        "and at most 1 point below the competitor",
    ),
    **{
        f"e9_{e}_{question}": Figure(
            f"9E: {e.capitalize()}, {label}",
            "number",
            f"team average of '{question}' for {e} (1–5) over the members who scored it",
        )
        for e in (
            "ethics",
            "aesthetics",
            "emotion",
            "epic",
            "energy",
            "education",
            "enthusiasm",
            "economy",
            "efficiency",
        )
        for question, label in (
            ("today", "us today"),
            ("competitor", "the competitor"),
            ("importance", "importance to customers"),
        )
    },
    "e9_chosen": Figure(
        "9E: the E's to invest in",
        "text",
        "the team's pick (answers/9e/team.toml), else up to 3 E's with the largest "
        "importance × (today − competitor) above 0",
    ),
    "e9_largest_disagreement": Figure(
        "9E: where the team disagrees most",
        "text",
        "the E with the largest spread (max − min of members' scores on one question); "
        "only with two or more members",
    ),
    "e9_largest_disagreement_spread": Figure(
        "9E: largest disagreement, points apart",
        "number",
        "max − min of the members' scores on that E's most disputed question",
    ),
    "e9_average_lead": Figure(
        "9E: how far above the competitor the team rates us",
        "number",
        "mean of today − competitor over every member's answer on the nine E's that scores "
        "both (points on the 1–5 scale)",
    ),
    "service_audit_members": Figure(
        "Service audit: members who answered",
        "count",
        "members with at least one answer in a readable answers/service-audit/<member>.csv",
    ),
    "service_audit_yes_share": Figure(
        "Service audit: answers that are yes",
        "share",
        "of every member's answers to the ten statements, the share that are yes (the others "
        "are no or don't know)",
    ),
    "service_audit_gaps": Figure(
        "Service audit: statements with a gap",
        "count",
        "statements that at least one member answered no",
    ),
    "service_audit_unknown": Figure(
        "Service audit: statements nobody is sure of",
        "count",
        "statements that nobody answered no and at least one member answered don't know",
    ),
    #
    # 05 Commitment and loyalty: keys added by notebook 05 go here
    # (retention_12m, defined above, is recorded by 05 as well as 01)
    "top_box_share": Figure(
        "Very satisfied (top box)",
        "share",
        "of the survey answers dated up to as_of, the share with satisfaction 5",
    ),
    "top2_box_share": Figure(
        "Satisfied or very satisfied (top-2 box)",
        "share",
        "of the survey answers dated up to as_of, the share with satisfaction 4 or 5",
    ),
    "repurchase_rate_satisfied": Figure(
        "Bought again within 12 months: satisfied (4)",
        "share",
        "of the answers with satisfaction 4 whose follow-up window (answer date, answer date "
        "+ 365 d] ends on or before as_of, the share whose customer has a line with a "
        "positive amount in that window (every answer counts)",
    ),
    "repurchase_rate_very_satisfied": Figure(
        "Bought again within 12 months: very satisfied (5)",
        "share",
        "the same as repurchase_rate_satisfied for satisfaction 5",
    ),
    "repurchase_ratio_very_vs_satisfied": Figure(
        "Very satisfied vs satisfied: repurchase ratio",
        "ratio",
        "repurchase_rate_very_satisfied / repurchase_rate_satisfied (the '5–10 ×' measured)",
    ),
    "repurchase_rate_satisfied_ci_low": Figure(
        "Repurchase, satisfied: 95 % interval low",
        "share",
        "lower end of the exact (Clopper–Pearson) 95 % interval of repurchase_rate_satisfied",
    ),
    "repurchase_rate_satisfied_ci_high": Figure(
        "Repurchase, satisfied: 95 % interval high",
        "share",
        "upper end of the exact (Clopper–Pearson) 95 % interval of repurchase_rate_satisfied",
    ),
    "repurchase_rate_very_satisfied_ci_low": Figure(
        "Repurchase, very satisfied: 95 % interval low",
        "share",
        "lower end of the exact (Clopper–Pearson) 95 % interval of repurchase_rate_very_satisfied",
    ),
    "repurchase_rate_very_satisfied_ci_high": Figure(
        "Repurchase, very satisfied: 95 % interval high",
        "share",
        "upper end of the exact (Clopper–Pearson) 95 % interval of repurchase_rate_very_satisfied",
    ),
    "repurchase_ratio_ci_low": Figure(
        "Repurchase ratio: 95 % interval low",
        "ratio",
        "lower end of the log (Katz) 95 % interval of repurchase_ratio_very_vs_satisfied",
    ),
    "repurchase_ratio_ci_high": Figure(
        "Repurchase ratio: 95 % interval high",
        "ratio",
        "upper end of the log (Katz) 95 % interval of repurchase_ratio_very_vs_satisfied",
    ),
    "survey_answers": Figure("Survey answers", "count", "survey answers dated up to as_of"),
    "nps": Figure(
        "Net promoter score",
        "number",
        "100 × (share of recommend answers 9–10 − share 0–6), answers up to as_of",
    ),
    "at_risk_customers": Figure(
        "Customers at risk",
        "count",
        "prisoners and risks (low commitment in the latest survey answer of the last 24 "
        "months) whose contract_end falls within the notebook's horizon after as_of (12 "
        "months by default); a customer without an answer in those 24 months has an unknown "
        "commitment and is never counted",
    ),
    "at_risk_revenue_12m": Figure(
        "Revenue at risk, last 12 months",
        "money",
        "last-12-months revenue of the customers at risk",
    ),
    "customers_probably_lost": Figure(
        "Customers probably no longer buying",
        "count",
        "customers with purchases on at least two days whose chance of still buying (p_alive "
        "of the BG/NBD model, fitted on every customer's purchase days up to as_of: days "
        "with a line of positive amount) is under 0.5",
    ),
    "bgnbd_r": Figure(
        "Still-buying model: r",
        "number",
        "shape r of the Gamma(r, alpha) spread of customers' purchase rates while active "
        "(BG/NBD, maximum likelihood, time in days)",
    ),
    "bgnbd_alpha": Figure(
        "Still-buying model: alpha",
        "number",
        "scale alpha (days) of the Gamma(r, alpha) spread of purchase rates; alpha / r is "
        "the mean number of days between purchases while active",
    ),
    "bgnbd_a": Figure(
        "Still-buying model: a",
        "number",
        "a of the Beta(a, b) spread of the chance of stopping after a purchase; a / (a + b) "
        "is its mean",
    ),
    "bgnbd_b": Figure(
        "Still-buying model: b",
        "number",
        "b of the Beta(a, b) spread of the chance of stopping after a purchase",
    ),
    "bgnbd_reason": Figure(
        "Why the still-buying model is missing",
        "reason",
        "no_purchases; no_repeat_buyers; too_few_repeat_buyers (under 30 customers with "
        "purchases on two days or more); history_too_short (the first purchase under 180 "
        "days before as_of); did_not_converge",
    ),
    "spend_frequency_correlation": Figure(
        "Spend per purchase against how often (correlation)",
        "ratio",
        "Pearson correlation, among customers with a repeat purchase, between repeat "
        "purchase days and mean spend per repeat purchase day",
    ),
    "spend_independent_of_frequency": Figure(
        "Spend per purchase unrelated to how often",
        "number",
        "whether the size of spend_frequency_correlation is under 0.3: the assumption the "
        "spend model (Gamma-Gamma) needs",
    ),
    "gamma_gamma_p": Figure(
        "Spend model: p",
        "number",
        "shape p of the Gamma(p, nu) spread of a customer's amounts per purchase "
        "(Gamma-Gamma, maximum likelihood on repeat buyers)",
    ),
    "gamma_gamma_q": Figure(
        "Spend model: q",
        "number",
        "shape q of the Gamma(q, v) spread of nu across customers",
    ),
    "gamma_gamma_v": Figure(
        "Spend model: v",
        "number",
        "scale v of the Gamma(q, v) spread of nu; p · v / (q − 1) is the mean spend per purchase",
    ),
    "gamma_gamma_reason": Figure(
        "Why the spend model is missing",
        "reason",
        "the still-buying model's reasons for thin data; spend_depends_on_frequency (the "
        "correlation is 0.3 or more either way); spend_mean_unbounded (q ≤ 1); "
        "did_not_converge",
    ),
    "lifetime_value_average_customer": Figure(
        "Lifetime value, average customer",
        "money",
        "Σ over t = 0 … years − 1 of value · retention_12m^t / (1 + discount rate)^t, value = "
        "the average last-12-months profit after cost-to-serve (margin − logged hours × "
        "hourly_cost) of the customers who bought in that window, or their margin without "
        "hours",
    ),
    "lifetime_value_retention": Figure(
        "Retention a new customer's lifetime value assumes",
        "share",
        "of the customers whose first line of positive amount is at least 730 days before "
        "as_of, the share with a line of positive amount in (first + 365 d, first + 730 d]",
    ),
    "lifetime_value_retention_reason": Figure(
        "Why a new customer's retention is missing",
        "reason",
        "no_customer_two_years_old: no customer's first line of positive amount is 730 days "
        "or more before as_of",
    ),
    "lifetime_value_largest_account": Figure(
        "Lifetime value, largest account",
        "money",
        "the same sum for the customer with the largest last-12-months revenue",
    ),
    "new_customers_to_replace_largest": Figure(
        "New customers to replace the largest account",
        "count",
        "⌈lifetime_value_largest_account / (a new customer's lifetime value − acquisition cost)⌉; "
        "a new customer's lifetime value: its first-year revenue × the company's profit (or "
        "margin) rate, at lifetime_value_retention",
    ),
    #
    # 06 Customer vision: keys added by notebook 06 go here
    "vision_documents": Figure(
        "Customer-vision documents",
        "count",
        "accounts with a document in vision/: the plan's write_vision accounts (those the "
        "team has written a vision for, then the key accounts; at most max_key_accounts)",
    ),
    "vision_accounts_with_text": Figure(
        "Accounts with the team's own vision text",
        "count",
        "of those accounts, the ones whose answers/visions/<customer_id>.toml has at least one "
        "section written",
    ),
    "vision_accounts_without_second_contact": Figure(
        "Vision accounts with no second contact",
        "count",
        "of the vision_documents accounts, the ones whose contact map "
        "(answers/contacts/<customer_id>.csv) names fewer than two people at the customer",
    ),
    # 07 Your plan for the year
    "plan_let_go": Figure(
        "Plan: let go politely", "count", "customers whose next step in plan.csv is let_go"
    ),
    "plan_write_vision": Figure(
        "Plan: customer visions to write",
        "count",
        "customers whose next step is write_vision (at most max_key_accounts)",
    ),
    "plan_rescue": Figure(
        "Plan: rescue before the contract ends",
        "count",
        "customers whose next step is rescue (commitment low while the binding ends)",
    ),
    "plan_reprice": Figure("Plan: reprice", "count", "customers whose next step is reprice"),
    "plan_prepay": Figure(
        "Plan: ask for prepayment", "count", "customers whose next step is prepay"
    ),
    "plan_develop": Figure("Plan: develop", "count", "customers whose next step is develop"),
    "plan_win_back": Figure("Plan: win back", "count", "customers whose next step is win_back"),
    "plan_check_up_call": Figure(
        "Plan: check-up calls",
        "count",
        "customers whose next step is check_up_call (with win_back, at most calls_per_month "
        "a month)",
    ),
    "plan_marketing": Figure("Plan: marketing", "count", "customers whose next step is marketing"),
    "customers_lost_12m": Figure(
        "Customers lost in the last 12 months",
        "count",
        "customers with a line of positive amount in (as_of − 730 days, as_of − 365 days] and "
        "none in the last 12 months; null when the invoices start inside the earlier window",
    ),
    "revenue_lost_12m": Figure(
        "What the lost customers had bought",
        "money",
        "revenue in (as_of − 730 days, as_of − 365 days] of the customers_lost_12m; null when "
        "the invoices start inside that window",
    ),
    "revenue_new_customers_12m": Figure(
        "What the new customers bought",
        "money",
        "revenue in the last 12 months of the customers whose first invoice falls in them",
    ),
}


def plain(value):
    """A JSON-ready value: numpy/pandas scalars to Python, NaN to None, dates to ISO text."""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, np.integer | np.bool_):
        return value.item()
    if isinstance(value, float | np.floating):
        value = float(value)
        return None if math.isnan(value) or math.isinf(value) else value
    return value


def write_figures(figures: dict, path: Path) -> None:
    """Write figures as pretty, key-sorted JSON (stable for diffs and year-on-year comparison)."""
    clean = {key: plain(value) for key, value in figures.items()}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(clean, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def read_figures(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))
