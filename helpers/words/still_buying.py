"""In words: still buying? The chance that each customer still buys, and what it spends
(notebook 05; the models are :mod:`helpers.analysis.still_buying` and ``spend``)."""

from __future__ import annotations

import pandas as pd

from helpers.analysis.spend import CORRELATION_LIMIT, GammaGammaFit
from helpers.analysis.still_buying import (
    MIN_HISTORY_DAYS,
    MIN_REPEAT_BUYERS,
    PROBABLY_LOST_BELOW,
    BgNbdFit,
    HoldoutCheck,
)
from helpers.language import N_, Language

REASONS = {
    "no_purchases": N_("There is no line with a positive amount up to the analysis date."),
    "no_repeat_buyers": N_(
        "Every customer has bought on one day only. The model learns how customers come back "
        "from their repeat purchases, and there are none yet."
    ),
    "too_few_repeat_buyers": N_(
        "Fewer than {repeaters} customers have bought on more than one day: too few to tell "
        "how often customers come back and how often they stop."
    ),
    "history_too_short": N_(
        "The first purchase is less than {days} days before the analysis date: too short to "
        "tell a customer who stopped from one who has not needed to buy again."
    ),
    "did_not_converge": N_(
        "The search for the best fit found none (it stopped, or kept going towards a "
        "parameter of zero or infinity)."
    ),
    "spend_depends_on_frequency": N_(
        "What customers spend per purchase goes with how often they buy (a correlation of "
        "{limit} or more, either way), while the spend model assumes the two are unrelated."
    ),
    "spend_mean_unbounded": N_(
        "The spend per purchase varies so much between customers that the model's average is "
        "not finite: a few very large buyers dominate."
    ),
}


NONE_PROBABLY_LOST = N_("No customer is probably gone on this data.")


def reason_in_words(reason: str, lang: Language) -> str:
    """Why there is no fit, from its code.

    >>> reason_in_words("no_repeat_buyers", Language()).startswith("Every customer has bought")
    True
    """
    return lang._(REASONS[reason]).format(
        repeaters=lang.number(MIN_REPEAT_BUYERS),
        days=lang.number(MIN_HISTORY_DAYS),
        limit=lang.short(CORRELATION_LIMIT),
    )


def silence_in_words(example: dict, lang: Language) -> str:
    """The two customers of ``still_buying.silence_example``, both silent for a while."""
    return lang._(
        "Two customers have both been silent for {days} days. One bought every week ({weekly} "
        "purchases); the chance it still buys is {p_weekly}. The other bought once a year "
        "({yearly} purchases); the chance it still buys is {p_yearly}. The same silence means "
        "much more from a customer who used to buy often."
    ).format(
        days=lang.number(example["silent_days"]),
        weekly=lang.number(example["weekly_purchases"]),
        yearly=lang.number(example["yearly_purchases"]),
        p_weekly=lang.percent(example["weekly"], 0),
        p_yearly=lang.percent(example["yearly"], 0),
    )


def fit_in_words(fit: BgNbdFit, figures: dict, lang: Language) -> str:
    """What the fitted model says about the customers, or why there is no fit."""
    _ = lang._
    if not fit.fitted:
        return _("The model can't be fitted on this data. {reason}").format(
            reason=reason_in_words(fit.reason, lang)
        )
    params = fit.params
    every = params.alpha / params.r  # days between purchases, on average, while active
    stop = params.a / (params.a + params.b)
    return _(
        "Fitted on {customers} customers, {repeaters} of whom bought on more than one day. "
        "While a customer still buys, it buys on average every {every} days; after each "
        "purchase about {stop} stop for good. Of the customers who have come back at least "
        "once, {lost} are probably no longer buying (the chance that they still buy is under "
        "{below})."
    ).format(
        customers=lang.number(fit.customers),
        repeaters=lang.number(fit.repeat_buyers),
        every=lang.number(every),
        stop=lang.percent(stop, 0),
        lost=lang.number(figures["customers_probably_lost"]),
        below=lang.percent(PROBABLY_LOST_BELOW, 0),
    )


def holdout_in_words(check: HoldoutCheck, lang: Language) -> str:
    """How well the model predicted the last 12 months from the years before."""
    _ = lang._
    if not check.fit.fitted:
        return _("No test on the last 12 months: fitted on the years before, {reason}").format(
            reason=reason_in_words(check.fit.reason, lang)
        )
    table = check.table
    weights = table["customers"]
    actual = float((table["actual_purchases"] * weights).sum() / weights.sum())
    expected = float((table["expected_purchases"] * weights).sum() / weights.sum())
    off = expected / actual - 1 if actual > 0 else float("nan")
    return _(
        "Fitted only on the purchases up to {end}, the model expected {expected} purchase days "
        "per customer in the {days} days after; the customers made {actual}. It was off by "
        "{off} on the whole. Read the groups in the plot: where the bars part, the model "
        "fits your customers badly, and its chances are rough guesses there."
    ).format(
        end=lang.date(check.calibration_end),
        expected=lang.number(expected, 2),
        days=lang.number(check.holdout_days),
        actual=lang.number(actual, 2),
        off=lang.signed_percent(off, 0),
    )


def spend_in_words(fit: GammaGammaFit, lang: Language) -> str:
    """The spend model: whether its assumption holds on the data, and so whether it is used."""
    _ = lang._
    if fit.correlation is None or fit.correlation != fit.correlation:
        corr = _("could not be measured")
    else:
        corr = lang.number(fit.correlation, 2)
    if not fit.fitted:
        return _(
            "Spend per purchase: the correlation between how often repeat buyers buy and what "
            "they spend per purchase is {corr}. No spend model: {reason} The lifetime value "
            "below uses each customer's own figures instead."
        ).format(corr=corr, reason=reason_in_words(fit.reason, lang))
    return _(
        "Spend per purchase: the correlation between how often repeat buyers buy and what "
        "they spend per purchase is {corr}, under {limit}: the spend model's assumption holds "
        "well enough, and each customer's expected spend per purchase comes from it."
    ).format(corr=corr, limit=lang.short(CORRELATION_LIMIT))


def outlook_readable(plan: pd.DataFrame, lang: Language, top: int = 10) -> pd.DataFrame:
    """The most valuable customers probably lost: name, chance it still buys, step."""
    from helpers.words.plan import step_name

    _ = lang._
    lost = plan.loc[plan["probably_lost"].astype(bool)]
    lost = lost.sort_values("value_12m", ascending=False, kind="stable").head(top)
    out = pd.DataFrame(index=lost.index.rename(_("customer")))
    out[_("name")] = lost["name"].to_numpy()
    out[_("chance it still buys")] = [lang.percent(p, 0) for p in lost["p_alive"]]
    out[_("value, 12 months")] = [lang.money(v) for v in lost["value_12m"]]
    out[_("next step")] = [step_name(s, lang) for s in lost["next_step"]]
    return out


def left_out(model, spending: GammaGammaFit, lang: Language) -> str | None:
    """Why the lifetime values by each customer's own rhythm are left out (the reason of the
    model that could not be fitted), or None when both models hold."""
    if not model.fit.fitted:
        return reason_in_words(model.fit.reason, lang)
    if not spending.fitted:
        return reason_in_words(spending.reason, lang)
    return None
