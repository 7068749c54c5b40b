"""In words: satisfaction against repurchase, and the NPS (notebook 05).

The figures come from :mod:`helpers.analysis.satisfaction`; here they become sentences
and readable tables in the reader's language.

>>> from helpers.language import Language
>>> nps = {"answers": 10, "promoters": 5, "passives": 3, "detractors": 2,
...        "nps": 30.0, "ci_low": -18.4, "ci_high": 78.4}
>>> nps_in_words(nps, Language("en")).split(":")[0]
'NPS 30 (95 % interval -18 to 78)'
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis.satisfaction import SATISFIED, VERY_SATISFIED
from helpers.language import Language


def satisfaction_trap_in_words(
    boxes: dict, by_score: pd.DataFrame, lang: Language, switch_on: str = ""
) -> str:
    """The "98 % satisfied" trap on the learner's own data.

    In: :func:`~helpers.analysis.satisfaction.box_shares`,
    :func:`~helpers.analysis.satisfaction.repurchase_by_score`, ``lang`` and the sentence
    saying what file to add when there is no survey.
    """
    _, number = lang._, lang.number
    if not boxes["answers"]:
        return (
            _("There are no survey answers, so satisfaction and loyalty can't be compared.")
            + " "
            + switch_on
        ).strip()
    text = [
        _(
            "{top2} of the {answers} answers say satisfied or very satisfied (4 or 5); only "
            "{top} say very satisfied (5)."
        ).format(
            top2=lang.percent(boxes["top2_box_share"]),
            answers=number(boxes["answers"]),
            top=lang.percent(boxes["top_box_share"]),
        )
    ]
    four, five = by_score.loc[SATISFIED], by_score.loc[VERY_SATISFIED]
    followed = int(four["followed"] + five["followed"])
    if not followed:
        text.append(_("No answer of 4 or 5 is a full year old yet, so we can't see who came back."))
        return "\n".join(text)
    stayed_away = int(followed - four["repurchased"] - five["repurchased"])
    text.append(
        _(
            "Of the {followed} answers of 4 or 5 that we can follow for a whole year, {away} "
            "were not followed by a purchase within 12 months."
        ).format(followed=number(followed), away=number(stayed_away))
    )
    if stayed_away:
        text.append(
            _(
                "{fours} of those {away} came from customers who were 'only' satisfied (4). A "
                "high satisfied share hides where loyalty actually lives."
            ).format(fours=number(four["followed"] - four["repurchased"]), away=number(stayed_away))
        )
    return "\n".join(text)


def repurchase_readable(by_score: pd.DataFrame, lang: Language) -> pd.DataFrame:
    """:func:`~helpers.analysis.satisfaction.repurchase_by_score` to show: readable headers,
    locale numbers."""
    _ = lang._
    out = pd.DataFrame(index=by_score.index.rename(_("satisfaction")))
    out[_("answers")] = by_score["answers"].map(lang.number)
    out[_("a year old")] = by_score["followed"].map(lang.number)
    out[_("bought again")] = by_score["repurchased"].map(lang.number)
    out[_("rate")] = by_score["rate"].map(lang.percent)
    out[_("95 % interval")] = [
        f"{lang.percent(low)} – {lang.percent(high)}" if low == low else lang.percent(low)
        for low, high in zip(by_score["ci_low"], by_score["ci_high"], strict=True)
    ]
    return out


def repurchase_in_words(by_score: pd.DataFrame, ratio: dict, lang: Language) -> str:
    """The repurchase rates of 4 and 5, their ratio, and how it compares with "5–10 ×"."""
    _, percent, number = lang._, lang.percent, lang.number
    four, five = by_score.loc[SATISFIED], by_score.loc[VERY_SATISFIED]
    if not by_score["answers"].sum():
        return _("No survey answers, so there are no repurchase rates to compare.")

    def rate(row) -> str:
        if not row["followed"]:
            return _("can't be measured (no answers a full year old)")
        return _(
            "{rate} bought again within 12 months ({came} of {followed}; 95 % interval {low} "
            "to {high})"
        ).format(
            rate=percent(row["rate"], 0),
            came=number(row["repurchased"]),
            followed=number(row["followed"]),
            low=percent(row["ci_low"], 0),
            high=percent(row["ci_high"], 0),
        )

    text = [
        _("Very satisfied (5): {what}.").format(what=rate(five)),
        _("Satisfied (4): {what}.").format(what=rate(four)),
    ]
    value = ratio["ratio"]
    if value != value:
        text.append(
            _(
                "The ratio very satisfied / satisfied can't be computed here: it needs followed "
                "answers of both 4 and 5, and at least one 4 who came back."
            )
        )
        return "\n".join(text)
    if ratio["ci_low"] == ratio["ci_low"]:
        text.append(
            _(
                "The very satisfied came back {ratio} times as often as the satisfied (95 % "
                "interval {low} to {high})."
            ).format(
                ratio=number(value, 1),
                low=number(ratio["ci_low"], 1),
                high=number(ratio["ci_high"], 1),
            )
        )
    else:
        text.append(
            _("The very satisfied came back {ratio} times as often as the satisfied.").format(
                ratio=number(value, 1)
            )
        )
    ceiling = 1 / four["rate"] if four["rate"] > 0 else float("inf")
    if value < 5:
        verdict = _(
            "That is well below the '5–10 ×' rule of thumb and the ~6 × of Jones & Sasser (1995)."
        )
        if ceiling < 5:
            verdict += " " + _(
                "It could hardly be higher: with {rate} of the satisfied coming back, the most "
                "possible is {ceiling} ×."
            ).format(rate=percent(four["rate"], 0), ceiling=number(ceiling, 1))
    elif value <= 10:
        verdict = _(
            "That is inside the '5–10 ×' rule of thumb, near the ~6 × of Jones & Sasser (1995)."
        )
    else:
        verdict = _("That is above even the '5–10 ×' rule of thumb.")
    text.append(verdict)
    return "\n".join(text)


def nps_in_words(nps: dict, lang: Language) -> str:
    """The net promoter score with its interval, or why there is none."""
    _, number = lang._, lang.number
    if not nps["answers"]:
        return _(
            "No 'would you recommend us' answers (0–10), so there is no NPS. Add a recommend "
            "column to survey.csv to get one."
        )
    return _(
        "NPS {nps} (95 % interval {low} to {high}): {promoters} promoters (9–10), {passives} "
        "passives (7–8) and {detractors} detractors (0–6) in {answers} answers."
    ).format(
        nps=number(nps["nps"]),
        low=number(nps["ci_low"]),
        high=number(nps["ci_high"]),
        promoters=number(nps["promoters"]),
        passives=number(nps["passives"]),
        detractors=number(nps["detractors"]),
        answers=number(nps["answers"]),
    )
