"""The sources of the course: the five texts and the research the notebooks lean on.

One table for every notebook, so that no two notebooks cite a source differently: each
source with what it does show and what it does not (a study's reach, said honestly),
and which notebooks lean on it (:data:`USED_IN`). Every notebook ends with
``sources_markdown(number, lang)``.

>>> print(sources_markdown("05", Language("en")).splitlines()[0])
**Sources of this notebook**
"""

from __future__ import annotations

from dataclasses import dataclass

from helpers.language import N_, Language


@dataclass(frozen=True)
class Source:
    """A text or a study: how to cite it, what it shows, what it does not."""

    cite: str  # authors, year and title as a library would list them (not translated)
    kind: str  # what sort of text it is (translated)
    shows: str  # what it does show (translated)
    not_shown: str  # what it does not show, or where it is shaky (translated)


SOURCES = {
    "000": Source(
        "Text 000, “Ilman uusia asiakkaita sinulla ei ole strategiaa” "
        "(Without new customers you have no strategy)",
        N_("a Finnish blog post"),
        N_(
            "why a firm that only serves the customers it has stops learning, lets its prices "
            "slide and grows dependent on a few"
        ),
        N_(
            "it gives no figures: notebook 01 measures the price slide and the dependence on "
            "your own invoices"
        ),
    ),
    "001": Source(
        "Text 001, “Arvopohjainen segmentointi” (Value-based segmentation)",
        N_("a Finnish consultancy article"),
        N_(
            "the top 20 % of customers split by value and growth potential, the other 80 % "
            "served by marketing and at most one check-up call a year"
        ),
        N_(
            "“20 % of customers bring 80 % of revenue” is a rule of thumb, not a law: "
            "notebook 02 measures your own curve"
        ),
    ),
    "002": Source(
        "Text 002, “Asiakas on ykkönen … mutta ei aina oikeassa” "
        "(The customer is number one … but not always right)",
        N_("a Finnish blog post"),
        N_(
            "service seen from the customer's side, being true to what you sell, and how to "
            "part politely with a customer who costs more than it brings"
        ),
        N_(
            "“difficult” is a judgement: the signs and their limits in notebook 03 are ours "
            "to set, not the text's"
        ),
    ),
    "003": Source(
        "Text 003, “Aktiivinen asiakkuudenhoito” (Active customer management), "
        "an essay on J. R. Lehtonen's book",
        N_("a Finnish essay on a management book"),
        N_(
            "the five kinds of account value, the 9E of competitive advantage, commitment "
            "against binding, and the customer vision"
        ),
        N_(
            "its lists are frameworks to think with, not measurements: the course turns "
            "them into questions your data or your team can answer"
        ),
    ),
    "004": Source(
        "Text 004, “Potentialen i dina befintliga kunder” "
        "(The potential in your existing customers)",
        N_("a Swedish article by a firm that runs loyalty surveys"),
        N_(
            "keeping and selling more to the customers you have costs less than winning new "
            "ones, yet most firms spend most on winning; the very satisfied buy again far "
            "more often than the merely satisfied"
        ),
        N_(
            "its “5 to 10 times” more repurchases by the very satisfied is a rule of thumb "
            "(the classic study found about 6 times, at one firm): notebook 05 measures the "
            "ratio on your own survey and invoices"
        ),
    ),
    "jones-sasser-1995": Source(
        "Jones, T. O. & Sasser, W. E. (1995). Why satisfied customers defect. "
        "Harvard Business Review 73(6), 88–99.",
        N_("a study of firms in several industries"),
        N_(
            "where customers have a choice, the completely satisfied are far more loyal than "
            "the merely satisfied"
        ),
        N_(
            "a few firms' cases, not a law: whether the gap holds for you is what notebook "
            "05 measures on your survey"
        ),
    ),
    "reichheld-sasser-1990": Source(
        "Reichheld, F. F. & Sasser, W. E. (1990). Zero defections: quality comes to "
        "services. Harvard Business Review 68(5), 105–111.",
        N_("consultancy cases of service firms"),
        N_(
            "in the firms studied, keeping 5 % more of the customers raised profits by 25 to "
            "85 %, because a customer's profit grows with the years"
        ),
        N_(
            "chosen cases from the 1980s: it does not show that your profit would follow; "
            "notebook 05's what-if counts it on your own figures"
        ),
    ),
    "kaplan-narayanan-2001": Source(
        "Kaplan, R. S. & Narayanan, V. G. (2001). Measuring and managing customer "
        "profitability. Journal of Cost Management 15(5), 5–15.",
        N_("an article on cost accounting, with firms' examples"),
        N_(
            "once the cost of serving each customer is counted, a few customers make more "
            "than the whole profit and some lose money (the whale curve)"
        ),
        N_(
            "it does not say to drop the loss-makers: their share of fixed costs stays, and "
            "a new price often mends the account"
        ),
    ),
    "fader-hardie-lee-2005": Source(
        "Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). “Counting your customers” the "
        "easy way: an alternative to the Pareto/NBD model. Marketing Science 24(2), "
        "275–284.",
        N_("a statistical model tested on real purchases (the CDNOW music shop)"),
        N_(
            "each customer's chance of still buying and the purchases to expect, from how "
            "often and how recently they bought"
        ),
        N_(
            "it assumes a steady rhythm of buying and says nothing of why a customer left; "
            "notebook 05's hold-out plot checks it on your invoices"
        ),
    ),
    "fader-hardie-lee-2005b": Source(
        "Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). RFM and CLV: using iso-value "
        "curves for customer base analysis. Journal of Marketing Research 42(4), 415–430.",
        N_("a statistical model of spending (the Gamma-Gamma model)"),
        N_("what a customer is likely to spend per purchase, from what they have spent so far"),
        N_(
            "it needs a customer's spend to be unrelated to how often they buy; notebook 05 "
            "checks that on your invoices and leaves the model out where it fails"
        ),
    ),
    "keiningham-2007": Source(
        "Keiningham, T. L., Cooil, B., Andreassen, T. W. & Aksoy, L. (2007). A longitudinal "
        "examination of net promoter and firm revenue growth. Journal of Marketing 71(3), "
        "39–51.",
        N_("a study of firms' survey scores against their growth over years"),
        N_("the Net Promoter Score predicted growth no better than other satisfaction measures"),
        N_(
            "it does not make asking about recommending useless: it is one question among "
            "others, not the one number that matters"
        ),
    ),
    "allen-2005": Source(
        "Allen, J., Reichheld, F. F., Hamilton, B. & Markey, R. (2005). Closing the delivery "
        "gap: how to achieve true customer-led growth. Bain & Company.",
        N_("a consultancy's survey of 362 firms and of their customers"),
        N_(
            "80 % of the firms believed they gave their customers a superior experience; "
            "the customers said so of 8 %"
        ),
        N_(
            "one survey of large firms: it shows that the view from inside flatters, not by "
            "how much in your firm; the service audit and your customers tell you that"
        ),
    ),
    "brown-cai-dasgupta-2001": Source(
        "Brown, L. D., Cai, T. T. & DasGupta, A. (2001). Interval estimation for a binomial "
        "proportion. Statistical Science 16(2), 101–133.",
        N_("a statistics paper"),
        N_(
            "how far a share measured on few answers can be from the true share, and which "
            "intervals say so honestly"
        ),
        N_("with very few answers no interval helps much: ask more customers"),
    ),
}

# Which notebooks lean on which sources, in the order the notebook meets them.
USED_IN = {
    "00": ("000", "001", "002", "003", "004"),
    "01": ("000",),
    "02": ("001", "reichheld-sasser-1990", "000"),
    "03": ("003", "001", "002", "kaplan-narayanan-2001"),
    "04": ("003", "002", "allen-2005"),
    "05": (
        "003",
        "004",
        "jones-sasser-1995",
        "reichheld-sasser-1990",
        "keiningham-2007",
        "brown-cai-dasgupta-2001",
        "fader-hardie-lee-2005",
        "fader-hardie-lee-2005b",
    ),
    "06": ("003",),
    "07": ("000", "001", "002", "004", "reichheld-sasser-1990"),
}


def sources_markdown(notebook: str, lang: Language) -> str:
    """The closing "Sources" of notebook ``notebook`` ("05"), as Markdown in ``lang``.

    Each source: its citation, what kind of text it is, what it shows and what it does not.
    """
    _ = lang._
    lines = [f"**{_('Sources of this notebook')}**", ""]
    for key in USED_IN[notebook]:
        source = SOURCES[key]
        lines.append(
            f"- {source.cite.rstrip('.')}. {_upper_first(_(source.kind))}. "
            f"*{_('What it shows')}:* {_(source.shows)}. "
            f"*{_('Where it stops')}:* {_(source.not_shown)}."
        )
    return "\n".join(lines)


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]
