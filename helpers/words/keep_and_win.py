"""In words: keep or win? Texts 000 and 004 on the company's own figures (notebook 07).

The figures and the limits are :mod:`helpers.analysis.keep_and_win`; here the table of
signs, the sentences about the silent loss and the owners' scorecard, in the reader's
language.
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis import keep_and_win as kw
from helpers.analysis.ownership import NO_OWNER
from helpers.language import MISSING, N_, Language
from helpers.words.freshness import reason_in_words

SIGN_WORDS = {  # (the text, what is measured, the limit)
    kw.FEW_NEW: (
        "000",
        N_("revenue of the last 12 months from customers won in them"),
        N_("under {limit}"),
    ),
    kw.PRICES_SLIDE: (
        "000",
        N_("price change per year as a customer (notebook 01)"),
        N_("below zero, with its whole 95 % interval"),
    ),
    kw.DEPENDENT: (
        "000",
        N_("largest customer's share of all revenue"),
        N_("{limit} or more"),
    ),
    kw.RETENTION_LOW_SIGN: (
        "004",
        N_("last year's buyers who bought again in the last 12 months"),
        N_("under {limit}"),
    ),
    kw.KEPT_BUY_LESS: (
        "004",
        N_("what the customers you kept bought, against the year before"),
        N_("less than the year before"),
    ),
    kw.LOST_MORE_THAN_WON: (
        "004",
        N_("bought the year before by the customers you lost, against the new customers"),
        N_("the lost bought more than the new"),
    ),
}
LIMITS = {
    kw.FEW_NEW: kw.NEW_SHARE_LOW,
    kw.DEPENDENT: kw.LARGEST_SHARE_HIGH,
    kw.RETENTION_LOW_SIGN: kw.RETENTION_LOW,
}
NO_UNIT_PRICES = N_("the invoices have no quantity or unit price, so prices can't be compared")


def sign_value(sign: str, figures: dict, lang: Language) -> str:
    """The figure behind one sign, as a reader writes it ('–' when not measured)."""
    bridge = figures["bridge"]
    value = {
        kw.FEW_NEW: figures["new_customer_revenue_share_12m"],
        kw.PRICES_SLIDE: figures["erosion_per_tenure_year"],
        kw.DEPENDENT: figures["largest_customer_share"],
        kw.RETENTION_LOW_SIGN: figures["retention_12m"],
        kw.KEPT_BUY_LESS: bridge["kept_change"],
        kw.LOST_MORE_THAN_WON: bridge["lost_revenue_before"],
    }[sign]
    if value is None or value != value:
        return MISSING
    if sign == kw.PRICES_SLIDE:
        return lang.signed_percent(value)
    if sign == kw.KEPT_BUY_LESS:
        return ("+" if value > 0 else "") + lang.money(value)
    if sign == kw.LOST_MORE_THAN_WON:
        return lang._("{lost} lost, {new} new").format(
            lost=lang.money(value), new=lang.money(bridge["new"])
        )
    return lang.percent(value)


def why_unmeasured(sign: str, figures: dict, lang: Language) -> str:
    """Why a sign's figure is missing, as a phrase."""
    if sign == kw.PRICES_SLIDE:
        if figures.get("erosion_reason") == kw.NO_UNIT_PRICES:
            return lang._(NO_UNIT_PRICES)
        return lang._("too few price lines over too short a time to measure a trend")
    reason = {
        kw.FEW_NEW: figures.get("new_customer_revenue_share_12m_reason"),
        kw.RETENTION_LOW_SIGN: figures.get("retention_12m_reason"),
    }.get(sign, figures["bridge"].get("reason"))
    return reason_in_words(reason, lang) if reason else lang._("there is no revenue to compare")


def signs_table(figures: dict, lang: Language) -> pd.DataFrame:
    """Both texts' signs on the company's figures: what is measured, the figure, the limit,
    and whether the sign shows (or why it can't be measured)."""
    _ = lang._
    shown = kw.signs(figures)
    rows = []
    for side in (kw.WIN, kw.KEEP):
        for sign in kw.SIGNS[side]:
            text, measured, limit = SIGN_WORDS[sign]
            if sign in shown[side]:
                verdict = _("yes") if shown[side][sign] else _("no")
            else:
                verdict = _("can't tell: {why}").format(why=why_unmeasured(sign, figures, lang))
            rows.append(
                {
                    _("text"): text,
                    _("sign"): _(measured),
                    _("your figure"): sign_value(sign, figures, lang),
                    _("the sign shows when"): _(limit).format(
                        limit=lang.percent(LIMITS.get(sign, 0.0), 0)
                    ),
                    _("shows?"): verdict,
                }
            )
    table = pd.DataFrame(rows)
    table.index = pd.RangeIndex(1, len(rows) + 1)
    return table


def weighing_in_words(figures: dict, lang: Language) -> str:
    """Which text's warning weighs more on these figures, counting the signs that show."""
    _ = lang._
    shown = kw.signs(figures)
    sides = kw.weighs_more(shown)
    count = {side: sum(found.values()) for side, found in shown.items()}
    measured = {side: len(found) for side, found in shown.items()}
    tally = _(
        "Text 000's signs (win more): {win} of the {win_measured} that could be measured. "
        "Text 004's signs (keep better): {keep} of {keep_measured}."
    ).format(
        win=lang.number(count[kw.WIN]),
        win_measured=lang.number(measured[kw.WIN]),
        keep=lang.number(count[kw.KEEP]),
        keep_measured=lang.number(measured[kw.KEEP]),
    )
    if not sides:
        verdict = _("None of the figures can be measured on this data, so the data can't weigh.")
    elif sides == [kw.KEEP]:
        verdict = _(
            "On your figures text 004 weighs more: more of its signs show. The customers you "
            "have are slipping away; spend the next free hours on keeping them."
        )
    elif sides == [kw.WIN]:
        verdict = _(
            "On your figures text 000 weighs more: more of its signs show. Spend the next "
            "free hours on meeting prospects: they test your offer and your prices, and widen "
            "a base that leans on a few."
        )
    else:
        verdict = _(
            "On your figures both texts have a point, equally: split the free hours, and "
            "look at these signs again in a year."
        )
    if sides and 0 in measured.values():
        verdict += " " + _(
            "One side's signs can't be measured on your data yet, so this weighs one side "
            "only: read it as a first hint."
        )
    return f"{tally}\n{verdict}"


def bridge_in_words(bridge: dict, lang: Language) -> str:
    """The visible win and the silent loss of the last 12 months, in two or three sentences."""
    _ = lang._
    won = lang.plural(
        "In the last 12 months you won {count} new customer, who bought {amount}.",
        "In the last 12 months you won {count} new customers, who bought {amount}.",
        bridge["new_customers"],
    ).format(count=lang.number(bridge["new_customers"]), amount=lang.money(bridge["new"]))
    if bridge["reason"] is not None:
        return (
            won
            + " "
            + _("What the customers you lost took with them can't be shown: {why}.").format(
                why=reason_in_words(bridge["reason"], lang)
            )
        )
    lost = lang.plural(
        "In the same months {count} customer who had bought {amount} the year before bought "
        "nothing. Nobody announced it.",
        "In the same months {count} customers who had bought {amount} the year before bought "
        "nothing. Nobody announced it.",
        bridge["lost_customers"],
    ).format(
        count=lang.number(bridge["lost_customers"]),
        amount=lang.money(bridge["lost_revenue_before"]),
    )
    change = bridge["kept_change"]
    if change < 0:
        kept = lang.plural(
            "The {count} customer you kept bought {amount} less than the year before.",
            "The {count} customers you kept bought {amount} less than the year before.",
            bridge["kept_customers"],
        )
    else:
        kept = lang.plural(
            "The {count} customer you kept bought {amount} more than the year before.",
            "The {count} customers you kept bought {amount} more than the year before.",
            bridge["kept_customers"],
        )
    kept = kept.format(count=lang.number(bridge["kept_customers"]), amount=lang.money(abs(change)))
    return f"{won} {lost} {kept}"


def scorecard_readable(card: pd.DataFrame, lang: Language) -> pd.DataFrame:
    """The owners' scorecard to show: keeping and winning side by side, in ``lang``."""
    _ = lang._
    out = pd.DataFrame(index=[_(NO_OWNER) if o == "" else o for o in card.index])
    out.index.name = _("owner")
    out[_("bought the year before")] = card["customers_before"].map(lang.number).to_numpy()
    out[_("of them still buying")] = card["kept"].map(lang.number).to_numpy()
    out[_("kept (retention)")] = card["retention"].map(lambda v: lang.percent(v, 0)).to_numpy()
    out[_("bought by the kept, last 12 months")] = card["kept_revenue_12m"].map(lang.money).values
    out[_("new customers won")] = card["new_customers"].map(lang.number).to_numpy()
    out[_("bought by the new")] = card["new_revenue_12m"].map(lang.money).to_numpy()
    if "plan_steps" in card:
        out[_("personal steps in the plan")] = card["plan_steps"].map(lang.number).to_numpy()
    return out


def scorecard_in_words(card: pd.DataFrame, lang: Language) -> str:
    """Who keeps the most and who wins the most: both deserve the same applause."""
    _ = lang._
    if card.empty:
        return _("Nobody to score: there are no customers.")
    if list(card.index) == [""]:
        return _(
            "Your customers have no owner yet (customers.csv, column owner), so keeping and "
            "winning can't be told apart by person. Name an owner for each key account first."
        )
    keeper = card["kept_revenue_12m"].idxmax()
    winner = card["new_revenue_12m"].idxmax()
    if card.loc[winner, "new_revenue_12m"] <= 0:
        return _(
            "{keeper}'s kept customers bought the most in the last 12 months ({kept}); nobody "
            "won a new customer."
        ).format(
            keeper=keeper or _(NO_OWNER), kept=lang.money(card.loc[keeper, "kept_revenue_12m"])
        )
    return _(
        "{keeper}'s kept customers bought the most in the last 12 months ({kept}); {winner}'s "
        "new customers bought the most ({won}). A bonus for the new customers alone would "
        "reward the {won} and say nothing of the {kept}."
    ).format(
        keeper=keeper or _(NO_OWNER),
        kept=lang.money(card.loc[keeper, "kept_revenue_12m"]),
        winner=winner or _(NO_OWNER),
        won=lang.money(card.loc[winner, "new_revenue_12m"]),
    )
