"""Generate the embedded sample company, Pajakulma Oy (fictional).

Pajakulma Oy is an invented metal workshop and design studio in Tampere,
Finland: laser cutting, bending, welding, railings, gates, steel structures,
powder coating, design hours, installation, delivery and rush surcharges.
Every name, number and person in the generated files is made up.

Usage::

    python data/make_sample.py [OUT_DIR]

OUT_DIR defaults to the ``sample/`` folder beside this script. The output is
byte-identical on every run: one seeded random generator
(``numpy.random.default_rng(20261123)``), no clock, fixed number formats,
deterministic row order, UTF-8 without BOM, ``\\n`` line endings.

The realistic patterns built in (price erosion with tenure, concentration,
demanding customers, satisfaction driving repurchase, ...) are listed in
``data/README.md``.

``story_company(seed)`` tells the same story with another seed and names of its own
(a class: one company per student, ``workbook class new``); ``write_tables`` writes
its tables as the sample's are written.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

SEED = 20261123
START = np.datetime64("2021-01-01", "D")
END = np.datetime64("2025-12-31", "D")
YEARS = np.arange(2021, 2026)
HOURLY_COST = 48.0

COMPANY_TOML = """\
# Fictional sample company: every name, person and figure here is invented.
# Regenerate with: python data/make_sample.py
name = "Pajakulma Oy"
currency = "EUR"
language = "fi"
hourly_cost = 48.0
country = "FI"
"""

# name, list price 2021 (EUR/unit), yearly list-price rise, direct cost share of
# list price (materials, subcontracting, machine and workshop labour; hours
# products carry consumables only, their labour is in hours.csv), quantity step,
# minimum quantity, maximum quantity (0 = none), hour product?, popularity
PRODUCTS = [
    ("Suunnittelu", 86.00, 0.045, 0.00, 0.5, 1.0, 0, True, 1.0),  # design, h
    ("Hitsaustyö", 72.00, 0.030, 0.06, 0.5, 1.0, 0, True, 1.3),  # welding, h
    ("Asennus", 68.00, 0.035, 0.08, 0.5, 2.0, 0, True, 1.0),  # installation, h
    ("Laserleikkaus", 145.00, 0.025, 0.55, 1.0, 1.0, 0, False, 1.4),  # laser cutting, sheet
    ("Särmäys", 9.50, 0.050, 0.45, 1.0, 5.0, 0, False, 0.7),  # bending, piece
    ("Jauhemaalaus", 24.00, 0.055, 0.62, 0.5, 2.0, 0, False, 0.9),  # powder coating, m2
    ("Kaide", 265.00, 0.040, 0.58, 0.5, 1.0, 0, False, 0.6),  # railing, metre
    ("Portti", 1450.00, 0.038, 0.56, 1.0, 1.0, 6, False, 0.25),  # gate, piece
    ("Teräsrakenne", 6.80, 0.050, 0.60, 10.0, 20.0, 0, False, 0.5),  # steel structure, kg
    ("Toimitus", 65.00, 0.030, 0.70, 1.0, 1.0, 3, False, 0.6),  # delivery, trip
    ("Pikalisä", 180.00, 0.020, 0.00, 1.0, 1.0, 1, False, 0.0),  # rush surcharge, order
]
RUSH = len(PRODUCTS) - 1

SURNAMES = [
    "Lahtinen",
    "Virtanen",
    "Mäkinen",
    "Nieminen",
    "Heikkinen",
    "Koskinen",
    "Järvinen",
    "Laine",
    "Salonen",
    "Hämäläinen",
    "Leinonen",
    "Rantanen",
    "Karjalainen",
    "Kinnunen",
    "Tuominen",
    "Salminen",
    "Laaksonen",
    "Heinonen",
    "Niemi",
    "Lindholm",
    "Manninen",
    "Toivonen",
    "Aaltonen",
    "Mattila",
    "Peltonen",
    "Väisänen",
    "Harju",
    "Ojala",
    "Kallio",
    "Vainio",
    "Anttila",
    "Lehtinen",
    "Saarela",
    "Hakala",
    "Koivisto",
]
PLACES = [  # genitive forms of towns around Tampere
    "Tampereen",
    "Nokian",
    "Ylöjärven",
    "Kangasalan",
    "Pirkkalan",
    "Lempäälän",
    "Oriveden",
    "Valkeakosken",
    "Sastamalan",
    "Hervannan",
    "Pirkanmaan",
]
CITIES = [
    "Tampere",
    "Tampere",
    "Tampere",
    "Tampere",
    "Nokia",
    "Ylöjärvi",
    "Kangasala",
    "Pirkkala",
    "Lempäälä",
    "Orivesi",
    "Valkeakoski",
    "Sastamala",
    "Hämeenlinna",
]
STREETS = [
    "Koivukuja",
    "Kuusitie",
    "Rantapuisto",
    "Mäntyrinne",
    "Pihlajapiha",
    "Kalliotie",
    "Vaahterakuja",
    "Järvenranta",
    "Kivikko",
    "Tammela-talo",
    "Lepolahti",
    "Harjunrinne",
]
WORDS = [
    "Muru",
    "Pulla",
    "Aamu",
    "Sävel",
    "Lyhty",
    "Kanerva",
    "Helmi",
    "Kuura",
    "Hiillos",
    "Mylly",
    "Satama",
    "Laituri",
    "Kide",
    "Kaste",
    "Tuuli",
    "Kajo",
    "Sammal",
    "Usva",
    "Kuisti",
    "Puola",
    "Ruusu",
    "Tähti",
    "Verso",
    "Kumpu",
    "Lähde",
    "Hetki",
    "Piha",
    "Tupa",
    "Vaaka",
    "Kompassi",
    "Riihi",
    "Silta",
    "Kielo",
    "Siru",
    "Tasku",
    "Ilta",
]
INDUSTRIES = {
    "rakentaminen": [
        "Rakennus {s} Oy",
        "Rakennusliike {s} Oy",
        "{s} Rakennus Oy",
        "Remontti {s} Oy",
        "{p} Julkisivutyö Oy",
        "{s} Talonrakennus Oy",
        "Saneeraus {s} Oy",
        "{s} Kattotyö Oy",
    ],
    "kiinteistöpalvelut": [
        "{p} Kiinteistöpalvelu Oy",
        "Kiinteistöhuolto {s} Oy",
        "{s} Isännöinti Oy",
        "{s} Kiinteistötekniikka Oy",
    ],
    "taloyhtiöt": ["As Oy {p} {t}"],
    "arkkitehtuuri ja suunnittelu": [
        "Arkkitehtitoimisto {s} Oy",
        "Suunnittelutoimisto {s}",
        "Sisustussuunnittelu {s}",
    ],
    "ravintolat ja kahvilat": [
        "Kahvila {w}",
        "Ravintola {w}",
        "Bistro {w}",
        "Lounasravintola {w}",
        "Leipomo {w}",
    ],
    "teollisuus": [
        "{s} Konepaja Oy",
        "{s} Tekniikka Oy",
        "{s} Automaatio Oy",
        "Puusepänliike {s}",
        "{p} Laitehuolto Oy",
    ],
    "kauppa": ["Rauta-{s} Oy", "Sisustusliike {w}", "Piha ja Puutarha {s}", "{s} Kaluste Oy"],
    "yhdistykset": [
        "{p} Veneseura ry",
        "{p} Ratsastajat ry",
        "{p} Taideyhdistys ry",
        "{p} Kotiseutuyhdistys ry",
        "{p} Tennisseura ry",
        "{p} Nuorisoseura ry",
    ],
}
INDUSTRY_WEIGHTS = [0.24, 0.13, 0.11, 0.11, 0.11, 0.14, 0.10, 0.06]
OWNERS = ["Mikko", "Aino", "Jussi"]

# The named accounts: (name, industry, yearly spend EUR, first invoice; "" = already
# a customer when the data starts)
KEY_ACCOUNTS = [
    ("Rakennus Lahtinen Oy", "rakentaminen", 115_000.0, ""),
    ("Tampereen Kiinteistöpalvelu Oy", "kiinteistöpalvelut", 82_000.0, "2021-09-14"),
    ("Arkkitehtitoimisto Virta & Koski Oy", "arkkitehtuuri ja suunnittelu", 55_000.0, "2022-05-10"),
    ("Näsin Kone Oy", "teollisuus", 52_000.0, ""),
    ("Pirkanmaan Julkisivutyö Oy", "rakentaminen", 50_000.0, "2023-03-07"),
]
DEMANDING = [
    ("Rakennusliike Jokela Oy", "rakentaminen", 40_000.0, ""),
    ("Kiinteistöhuolto Saarinen Oy", "kiinteistöpalvelut", 24_000.0, ""),
    ("Remontti Kettunen Oy", "rakentaminen", 16_000.0, "2022-02-15"),
    ("Ravintola Savu", "ravintolat ja kahvilat", 9_000.0, ""),
    ("Sisustusliike Kajo", "kauppa", 7_500.0, "2023-10-03"),
    ("Hiltunen Tekniikka Oy", "teollisuus", 12_000.0, ""),
]
N_POOL_OTHER = 55  # ordinary customers already buying when the data starts
# new customers per quarter, 2021Q1 ... 2025Q4: acquisition slows down over time
NEW_PER_QUARTER = np.round(np.linspace(14.0, 6.0, 20)).astype(int)


class Story(NamedTuple):
    """Who the story is told with: the company's name, its named accounts, its sales team.

    The named accounts are (name, industry, yearly spend EUR, first invoice) as in
    KEY_ACCOUNTS and DEMANDING; then how many ordinary customers there are and the
    names theirs are made of. The sample company's story is SAMPLE_STORY;
    student_story() tells the same story with other names and sizes.
    """

    company: str
    key_accounts: list
    demanding: list
    owners: list
    pool_other: int  # ordinary customers already buying when the data starts
    new_per_quarter: np.ndarray  # new customers per quarter, 2021Q1 ... 2025Q4
    surnames: list  # the customers' names are made with these
    places: list  # and these


SAMPLE_STORY = Story(
    "Pajakulma Oy", KEY_ACCOUNTS, DEMANDING, OWNERS, N_POOL_OTHER, NEW_PER_QUARTER, SURNAMES, PLACES
)
SETTINGS = {  # company.toml of the sample, as values (COMPANY_TOML is the file's text)
    "name": SAMPLE_STORY.company,
    "currency": "EUR",
    "language": "fi",
    "hourly_cost": HOURLY_COST,
    "country": "FI",
}
# a student's company: another metal workshop around Tampere, its team from these names
COMPANY_NAMES = [
    "{s} Metalli Oy",
    "Konepaja {s} Oy",
    "{p} Teräspaja Oy",
    "Metallityö {s} Oy",
    "{p} Levytyö Oy",
    "Hitsaamo {s} Oy",
    "Teräs-{s} Oy",
    "{w}paja Oy",
    "Pajaverstas {w} Oy",
]
MORE_SURNAMES = [  # a student's customers are named with 50 of these and SURNAMES
    "Hiltunen",
    "Jokela",
    "Kettunen",
    "Saarinen",
    "Laitinen",
    "Mustonen",
    "Turunen",
    "Lehtonen",
    "Pitkänen",
    "Hyvönen",
    "Räsänen",
    "Korhonen",
    "Ahonen",
    "Lindqvist",
    "Nurmi",
    "Savolainen",
    "Rautio",
    "Seppälä",
    "Jääskeläinen",
    "Holmström",
    "Keränen",
    "Kivelä",
    "Mäkelä",
    "Honkanen",
    "Suominen",
]
MORE_PLACES = ["Akaan", "Hämeenkyrön", "Vesilahden", "Ruoveden", "Mänttä-Vilppulan", "Ikaalisten"]
FIRST_NAMES = [
    "Mikko",
    "Aino",
    "Jussi",
    "Liisa",
    "Antti",
    "Sanna",
    "Timo",
    "Riikka",
    "Ville",
    "Elina",
    "Petri",
    "Hanna",
    "Juho",
    "Emmi",
    "Tuomas",
    "Noora",
]

# Latent satisfaction 1..5 drives churn and order frequency (and the survey).
LATENT_P = np.array([0.04, 0.06, 0.12, 0.36, 0.42])
# A customer leaves with a yearly hazard, and after each order with a probability:
# the less satisfied, the sooner it stops buying.
CHURN_PER_YEAR = np.array([0.35, 0.3, 0.3, 0.2, 0.04])
LEAVE_AFTER_ORDER = np.array([0.7, 0.6, 0.5, 0.42, 0.008])
FREQ_FACTOR = np.array([0.45, 0.5, 0.55, 0.8, 1.1])


def _holidays() -> np.ndarray:
    days = []
    easter = {2021: "04-04", 2022: "04-17", 2023: "04-09", 2024: "03-31", 2025: "04-20"}
    midsummer_eve = {2021: "06-25", 2022: "06-24", 2023: "06-23", 2024: "06-21", 2025: "06-20"}
    for y in range(2021, 2026):
        for md in ("01-01", "01-06", "05-01", "12-06", "12-24", "12-25", "12-26", "12-31"):
            days.append(np.datetime64(f"{y}-{md}"))
        e = np.datetime64(f"{y}-{easter[y]}")
        days += [e - 2, e + 1, e + 39]
        days.append(np.datetime64(f"{y}-{midsummer_eve[y]}"))
    return np.array(days, dtype="datetime64[D]")


def _business_days() -> tuple[np.ndarray, np.ndarray]:
    """Working days 2021-2025 and a relative activity weight for each."""
    days = np.arange(START, END + 1)
    bdays = days[np.is_busday(days, holidays=_holidays())]
    month = bdays.astype("datetime64[M]").astype(int) % 12 + 1
    dom = (bdays - bdays.astype("datetime64[M]")).astype(int) + 1
    weight = np.ones(len(bdays))
    weight[month == 7] = 0.35  # summer holidays
    weight[(month == 12) & (dom >= 27)] = 0.4
    weight[(month == 1) & (dom <= 6)] = 0.6
    return bdays, weight


def _fmt_money(x: np.ndarray) -> list[str]:
    return [f"{v:.2f}" for v in np.round(np.asarray(x, dtype=float), 2) + 0.0]


def _fmt_qty(x: np.ndarray) -> list[str]:
    out = []
    for v in np.round(np.asarray(x, dtype=float), 2) + 0.0:
        s = f"{v:.2f}".rstrip("0").rstrip(".")
        out.append(s)
    return out


def _names(
    rng: np.random.Generator,
    industries: np.ndarray,
    taken: set[str],
    surnames=SURNAMES,
    places=PLACES,
) -> list[str]:
    """A fictional, unique Finnish business name for each industry given."""
    pools: dict[str, list[str]] = {}
    for ind, patterns in INDUSTRIES.items():
        cand = set()
        for pat in patterns:
            for s in surnames if "{s}" in pat else [""]:
                for p in places if "{p}" in pat else [""]:
                    for t in STREETS if "{t}" in pat else [""]:
                        for w in WORDS if "{w}" in pat else [""]:
                            cand.add(pat.format(s=s, p=p, t=t, w=w))
        cand -= taken
        ordered = sorted(cand)
        pools[ind] = [ordered[i] for i in rng.permutation(len(ordered))]
    out = []
    for ind in industries:
        while True:
            if not pools[ind]:
                raise RuntimeError(f"out of names for {ind}")
            name = pools[ind].pop()
            if name not in taken:
                break
        taken.add(name)
        out.append(name)
    return out


def _build(rng: np.random.Generator, story: Story | None = None) -> dict[str, pd.DataFrame]:
    story = story or SAMPLE_STORY
    bdays, bweight = _business_days()
    nb = len(bdays)
    cumw = np.concatenate([[0.0], np.cumsum(bweight)])
    n_prod = len(PRODUCTS)
    price0 = np.array([p[1] for p in PRODUCTS])
    growth = np.array([p[2] for p in PRODUCTS])
    cost_share = np.array([p[3] for p in PRODUCTS])
    step = np.array([p[4] for p in PRODUCTS])
    min_q = np.array([p[5] for p in PRODUCTS])
    max_q = np.array([p[6] for p in PRODUCTS], dtype=float)
    is_hour = np.array([p[7] for p in PRODUCTS])
    popularity = np.array([p[8] for p in PRODUCTS])

    # list prices per product and year: 2-6 % rise a year, a little uneven
    yearly = np.clip(growth[:, None] + rng.uniform(-0.006, 0.006, (n_prod, 4)), 0.02, 0.06)
    list_price = np.round(
        price0[:, None] * np.concatenate([np.ones((n_prod, 1)), np.cumprod(1 + yearly, 1)], 1), 2
    )

    # ---------------------------------------------------------------- customers
    key_accounts, demanding = story.key_accounts, story.demanding
    n_key, n_dem = len(key_accounts), len(demanding)
    n_pool = n_key + n_dem + story.pool_other
    n_new = int(story.new_per_quarter.sum())
    n = n_pool + n_new
    kind = np.array(["key"] * n_key + ["demanding"] * n_dem + ["normal"] * (n - n_key - n_dem))
    # arrival (= first invoice) as business-day index
    arrival = np.empty(n, dtype=int)
    arrival[:n_pool] = rng.integers(0, 80, n_pool)
    q_start = np.searchsorted(
        bdays,
        np.array([f"{y}-{m:02d}-01" for y in YEARS for m in (1, 4, 7, 10)], dtype="datetime64[D]"),
    )
    q_end = np.append(q_start[1:], nb)
    q_start[0] = np.searchsorted(bdays, np.datetime64("2021-02-01"))
    q_end[-1] = np.searchsorted(bdays, np.datetime64("2025-12-12"))
    arrival[n_pool:] = np.concatenate(
        [
            rng.integers(s, e, k)
            for s, e, k in zip(q_start, q_end, story.new_per_quarter, strict=True)
        ]
    )
    is_new = np.arange(n) >= n_pool
    named_first = [a[3] for a in key_accounts + demanding]
    for i, d in enumerate(named_first):
        if d:
            arrival[i] = np.searchsorted(bdays, np.datetime64(d))
            is_new[i] = True

    latent = rng.choice(5, n, p=LATENT_P) + 1
    latent[kind == "key"] = 5
    latent[kind == "demanding"] = 4  # they grumble, squeeze and stay
    industry = rng.choice(list(INDUSTRIES), n, p=INDUSTRY_WEIGHTS)
    industry[:n_key] = [k[1] for k in key_accounts]
    industry[n_key : n_key + n_dem] = [d[1] for d in demanding]

    # yearly spend: heavy-tailed, the named accounts set by hand
    spend = np.minimum(rng.lognormal(np.log(5500.0), 0.55, n), 45_000.0)
    spend[:n_key] = [k[2] for k in key_accounts]
    spend[n_key : n_key + n_dem] = [d[2] for d in demanding]
    orders_per_year = np.clip(13.0 * (spend / 5500.0) ** 0.8, 1.0, 400.0)
    orders_per_year *= FREQ_FACTOR[latent - 1] * rng.lognormal(0.0, 0.25, n)
    orders_per_year[kind == "demanding"] *= 1.4  # many small, hurried orders

    # churn: exponential lifetime and a number of orders before leaving,
    # both driven by latent satisfaction
    life_years = rng.exponential(1.0 / CHURN_PER_YEAR[latent - 1])
    life_years[kind != "normal"] = 99.0
    last_day = np.minimum(arrival + np.round(life_years * 250.0).astype(int), nb - 1)
    # the satisfied (4-5) nearly always come back at least once
    life_orders = (latent >= 4) + rng.geometric(LEAVE_AFTER_ORDER[latent - 1])
    life_orders[kind != "normal"] = 1_000_000

    # ------------------------------------------------------------------ orders
    span_w = cumw[last_day + 1] - cumw[arrival + 1]  # weight strictly after arrival
    k_extra = rng.poisson(orders_per_year * span_w / 250.0 * (bweight.mean() ** -1))
    o_cust = np.concatenate([np.arange(n), np.repeat(np.arange(n), k_extra)])
    u = rng.random(len(o_cust) - n)
    lo = cumw[arrival + 1][o_cust[n:]]
    hi = cumw[last_day + 1][o_cust[n:]]
    extra_day = np.searchsorted(cumw, lo + u * (hi - lo), side="right") - 1
    o_day = np.concatenate([arrival, np.clip(extra_day, 0, nb - 1)])
    order = np.lexsort((o_day, o_cust))
    o_cust, o_day = o_cust[order], o_day[order]
    rank = np.arange(len(o_cust)) - np.searchsorted(o_cust, o_cust)
    alive = rank < life_orders[o_cust]
    o_cust, o_day, o_rank = o_cust[alive], o_day[alive], rank[alive]
    first_order = np.searchsorted(o_cust, np.arange(n))  # each customer's first order
    n_orders = len(o_cust)
    o_value = spend[o_cust] / orders_per_year[o_cust] * rng.lognormal(-0.18, 0.6, n_orders)
    o_rush = rng.random(n_orders) < np.where(kind[o_cust] == "demanding", 0.35, 0.04)
    o_credit = rng.random(n_orders) < np.where(kind[o_cust] == "demanding", 0.14, 0.006)

    # product mix per customer, lines per order
    pref = rng.dirichlet(np.maximum(popularity, 1e-9) * 1.2, n)
    pref[:, RUSH] = 0.0
    pref /= pref.sum(1, keepdims=True)
    cum_pref = np.cumsum(pref, 1)
    lam = np.clip(2.4 + 0.45 * np.log1p(o_value / 800.0), 1.0, 4.0)
    n_lines = 1 + np.minimum(rng.poisson(lam), 5)
    l_order = np.repeat(np.arange(n_orders), n_lines)
    l_cust = o_cust[l_order]
    l_prod = (cum_pref[l_cust] < rng.random(len(l_order))[:, None]).sum(1)
    l_prod = np.minimum(l_prod, RUSH - 1)
    dup = pd.DataFrame({"o": l_order, "p": l_prod}).duplicated().to_numpy()
    l_order, l_cust, l_prod = l_order[~dup], l_cust[~dup], l_prod[~dup]
    share = rng.gamma(2.0, 1.0, len(l_order))
    share /= np.bincount(l_order, share, n_orders)[l_order]
    # rush surcharge: one extra line on hurried orders
    r_orders = np.flatnonzero(o_rush)
    l_order = np.concatenate([l_order, r_orders])
    l_cust = np.concatenate([l_cust, o_cust[r_orders]])
    l_prod = np.concatenate([l_prod, np.full(len(r_orders), RUSH)])
    share = np.concatenate([share, np.zeros(len(r_orders))])

    l_day = o_day[l_order]
    l_date = bdays[l_day]
    l_year = l_date.astype("datetime64[Y]").astype(int) + 1970
    l_list = list_price[l_prod, l_year - 2021]
    value = o_value[l_order] * share
    qty = np.round(value / (l_list * step[l_prod])) * step[l_prod]
    qty = np.maximum(qty, min_q[l_prod])
    qty = np.where(max_q[l_prod] > 0, np.minimum(qty, max_q[l_prod]), qty)
    qty = np.where(is_hour[l_prod], np.minimum(qty, 240.0), qty)

    # realised price: discount grows with tenure (price erosion)
    tenure = (l_date - bdays[arrival[l_cust]]).astype(int) / 365.25
    base_disc = rng.uniform(0.0, 0.03, n)
    base_disc[kind == "key"] += 0.02
    disc = base_disc[l_cust] + 0.036 * tenure + rng.normal(0.0, 0.015, len(l_cust))
    disc = np.clip(disc, 0.0, 0.22)
    deep = rng.uniform(0.26, 0.34, n)
    is_dem_line = kind[l_cust] == "demanding"
    disc[is_dem_line] = np.clip(
        deep[l_cust[is_dem_line]] + rng.normal(0.0, 0.015, is_dem_line.sum()), 0.24, 0.36
    )
    unit = np.round(l_list * (1.0 - disc), 2)
    amount = np.round(qty * unit, 2)
    cost = np.round(qty * l_list * cost_share[l_prod] * rng.lognormal(0.0, 0.08, len(qty)), 2)

    lines = pd.DataFrame(
        {
            "order": l_order,
            "cust": l_cust,
            "prod": l_prod,
            "day": l_day,
            "qty": qty,
            "unit": unit,
            "list": l_list,
            "amount": amount,
            "cost": cost,
            "credit": False,
        }
    )

    # credit notes: part of one line of the order is credited 1-6 weeks later
    c_orders = np.flatnonzero(o_credit)
    first_line = lines[lines["prod"] != RUSH].drop_duplicates("order").set_index("order")
    c_orders = c_orders[np.isin(c_orders, first_line.index)]
    cl = first_line.loc[c_orders].reset_index()
    c_day = cl["day"].to_numpy() + rng.integers(4, 30, len(cl))
    keep = c_day < nb
    cl, c_day = cl[keep].copy(), c_day[keep]
    pst = step[cl["prod"].to_numpy()]
    c_frac = rng.uniform(0.15, 1.0, len(cl))
    c_qty = np.maximum(np.round(cl["qty"].to_numpy() * c_frac / pst), 1) * pst
    c_qty = np.minimum(c_qty, cl["qty"].to_numpy())
    c_year = bdays[c_day].astype("datetime64[Y]").astype(int) + 1970
    credits = pd.DataFrame(
        {
            "order": n_orders + np.arange(len(cl)),
            "cust": cl["cust"].to_numpy(),
            "prod": cl["prod"].to_numpy(),
            "day": c_day,
            "qty": -c_qty,
            "unit": cl["unit"].to_numpy(),
            "list": list_price[cl["prod"].to_numpy(), c_year - 2021],
            "amount": np.round(-c_qty * cl["unit"].to_numpy(), 2),
            "cost": 0.0,
            "credit": True,
            "orig_order": cl["order"].to_numpy(),
        }
    )
    lines["orig_order"] = lines["order"]
    lines = pd.concat([lines, credits], ignore_index=True)

    # customer ids by first invoice, invoice ids by date within each year
    first = np.argsort(arrival * 1000 + rng.permutation(n), kind="stable")
    cid_num = np.empty(n, dtype=int)
    cid_num[first] = np.arange(1, n + 1)
    lines["cid"] = cid_num[lines["cust"].to_numpy()]
    inv = (
        lines.groupby("order", sort=True)[["day", "cid"]]
        .first()
        .reset_index()
        .sort_values(["day", "cid", "order"], kind="stable")
    )
    inv_year = bdays[inv["day"].to_numpy()].astype("datetime64[Y]").astype(int) + 1970
    inv["seq"] = inv.groupby(inv_year).cumcount() + 1
    inv["invoice_id"] = [f"{y}-{s:05d}" for y, s in zip(inv_year, inv["seq"], strict=True)]
    lines = lines.merge(inv[["order", "invoice_id"]], on="order", how="left")
    lines["line_no"] = lines.groupby("order").cumcount()
    lines = lines.sort_values(["invoice_id", "line_no"], kind="stable").reset_index(drop=True)
    cust_id = np.array([f"C{i:04d}" for i in cid_num])

    invoices = pd.DataFrame(
        {
            "invoice_id": lines["invoice_id"],
            "customer_id": cust_id[lines["cust"].to_numpy()],
            "date": bdays[lines["day"].to_numpy()].astype(str),
            "product": np.array([p[0] for p in PRODUCTS])[lines["prod"].to_numpy()],
            "quantity": _fmt_qty(lines["qty"].to_numpy()),
            "unit_price": _fmt_money(lines["unit"].to_numpy()),
            "list_price": _fmt_money(lines["list"].to_numpy()),
            "amount": _fmt_money(lines["amount"].to_numpy()),
            "cost": _fmt_money(lines["cost"].to_numpy()),
        }
    )

    # ------------------------------------------------------------------- hours
    sale = lines[~lines["credit"]]
    hl = sale[is_hour[sale["prod"].to_numpy()]]
    hq = hl["qty"].to_numpy()
    ndays = np.ceil(hq / 12.0).astype(int)
    rep = np.repeat(np.arange(len(hl)), ndays)
    j = np.arange(len(rep)) - np.repeat(np.cumsum(ndays) - ndays, ndays)
    per = np.floor(hq / ndays * 4.0) / 4.0
    h = per[rep]
    last = j == ndays[rep] - 1
    h[last] = hq[rep[last]] - per[rep[last]] * (ndays[rep[last]] - 1)
    bill = pd.DataFrame(
        {
            "cust": hl["cust"].to_numpy()[rep],
            "day": np.maximum(hl["day"].to_numpy()[rep] - 1 - j, 0),
            "hours": h,
            "billable": "yes",
        }
    )
    # non-billable: quoting, meetings, changes, rework; far more for demanding ones
    o_bill_h = np.bincount(hl["order"].to_numpy(), hq, n_orders)
    dem_o = kind[o_cust] == "demanding"
    nb_ratio = np.where(dem_o, rng.uniform(0.6, 1.2, n_orders), rng.uniform(0.02, 0.08, n_orders))
    nb_admin = np.where(dem_o, rng.uniform(2.0, 5.0, n_orders), rng.uniform(0.0, 0.3, n_orders))
    nb_h = o_bill_h * nb_ratio + nb_admin + np.where(o_rush, rng.uniform(1.0, 3.0, n_orders), 0)
    nonbill = pd.DataFrame(
        {
            "cust": o_cust,
            "day": np.maximum(o_day - rng.integers(0, 6, n_orders), 0),
            "hours": np.round(nb_h * 4.0) / 4.0,
            "billable": "no",
        }
    )
    rework = pd.DataFrame(
        {
            "cust": credits["cust"].to_numpy(),
            "day": credits["day"].to_numpy() - 1,
            "hours": np.round(rng.uniform(2.0, 8.0, len(credits)) * 4.0) / 4.0,
            "billable": "no",
        }
    )
    hrs = pd.concat([bill, nonbill, rework], ignore_index=True)
    hrs = hrs[hrs["hours"] > 0]
    hrs = hrs.groupby(["cust", "day", "billable"], as_index=False)["hours"].sum()
    hrs["customer_id"] = cust_id[hrs["cust"].to_numpy()]
    hrs = hrs.sort_values(["customer_id", "day", "billable"], ascending=[True, True, False])
    hours = pd.DataFrame(
        {
            "customer_id": hrs["customer_id"].to_numpy(),
            "date": bdays[hrs["day"].to_numpy()].astype(str),
            "hours": _fmt_money(hrs["hours"].to_numpy()),
            "billable": hrs["billable"].to_numpy(),
        }
    )

    # ------------------------------------------------------------------ survey
    # surveys go out 1-3 weeks after a delivery in 2022-2024
    s_lo = int(np.searchsorted(bdays, np.datetime64("2022-01-01")))
    s_hi = int(np.searchsorted(bdays, np.datetime64("2024-12-10")))
    in_window = (o_day >= s_lo) & (o_day < s_hi)
    eligible = np.unique(o_cust[in_window])
    n_surveyed = min(len(eligible), int(round(0.62 * n)))
    chosen = np.sort(rng.choice(eligible, n_surveyed, replace=False))
    s_rows = []
    for c in chosen:
        days = np.sort(o_day[in_window & (o_cust == c)])
        picks = [days[rng.integers(len(days))]]
        if rng.random() < 0.45:
            later = days[days >= picks[0] + 190]
            if len(later):
                picks.append(later[rng.integers(len(later))])
        for d in picks:
            sd = bdays[d] + np.timedelta64(int(rng.integers(7, 22)), "D")
            noise = rng.random()
            sat = latent[c] + (1 if noise < 0.07 else -1 if noise < 0.17 else 0)
            sat = int(min(max(sat, 1), 5))
            rec = int(np.clip(np.round(2.2 * sat - 1.2 + rng.normal(0.0, 1.1)), 0, 10))
            rec_s = "" if rng.random() < 0.1 else str(rec)
            s_rows.append((cust_id[c], str(sd), sat, rec_s))
    survey = pd.DataFrame(s_rows, columns=["customer_id", "date", "satisfaction", "recommend"])
    survey = survey.sort_values(["customer_id", "date"], kind="stable").reset_index(drop=True)

    # ------------------------------------------------------------------ quotes
    o_amount = np.bincount(
        lines.loc[~lines["credit"], "order"].to_numpy(),
        lines.loc[~lines["credit"], "amount"].to_numpy(),
        n_orders,
    )
    names_taken: set[str] = {k[0] for k in key_accounts} | {d[0] for d in demanding}
    name = np.empty(n, dtype=object)
    name[:n_key] = [k[0] for k in key_accounts]
    name[n_key : n_key + n_dem] = [d[0] for d in demanding]
    name[n_key + n_dem :] = _names(
        rng, industry[n_key + n_dem :], names_taken, story.surnames, story.places
    )
    q_rows = []
    first_date = bdays[arrival]
    # won quotes from prospects that became customers (their first order)
    for c in np.flatnonzero(is_new):
        qd = max(first_date[c] - int(rng.integers(7, 46)), np.datetime64("2021-01-04"))
        amt = round(o_amount[first_order[c]] * rng.uniform(0.97, 1.12), 2)
        q_rows.append((qd, "", name[c], amt, "yes"))
    # lost quotes to prospects: about two per new customer, following acquisition
    n_lost = int(round(2.1 * is_new.sum()))
    lost_base = np.sort(rng.choice(first_date[is_new], n_lost))
    lost_industries = rng.choice(list(INDUSTRIES), n_lost, p=INDUSTRY_WEIGHTS)
    lost_names = _names(rng, lost_industries, names_taken, story.surnames, story.places)
    lost_amt = np.round(rng.lognormal(np.log(2500.0), 0.9, n_lost), 2)
    for d, nm, a in zip(lost_base, lost_names, lost_amt, strict=True):
        qd = min(d + int(rng.integers(-60, 60)), np.datetime64("2025-12-19"))
        q_rows.append((max(qd, np.datetime64("2021-01-04")), "", nm, a, "no"))
    # quotes to existing customers for larger orders; a quarter of them are lost
    big = np.flatnonzero((o_amount > 3000.0) & (o_rank > 0))
    for o in big:
        qd = bdays[o_day[o]] - int(rng.integers(10, 50))
        if qd >= np.datetime64("2021-01-04"):
            amt = round(o_amount[o] * rng.uniform(1.0, 1.1), 2)
            q_rows.append((qd, cust_id[o_cust[o]], "", amt, "yes"))
    lost_o = rng.choice(big, int(len(big) * 0.33), replace=False)
    for o in np.sort(lost_o):
        qd = bdays[o_day[o]] + int(rng.integers(-200, 200))
        if np.datetime64("2021-01-04") <= qd <= np.datetime64("2025-12-19"):
            q_rows.append(
                (qd, cust_id[o_cust[o]], "", round(o_amount[o] * rng.uniform(0.6, 1.5), 2), "no")
            )
    quotes = pd.DataFrame(q_rows, columns=["date", "customer_id", "prospect", "amount", "won"])
    quotes["date"] = quotes["date"].astype(str)
    quotes = quotes.sort_values(["date", "customer_id", "prospect", "amount"], kind="stable")
    quotes["amount"] = _fmt_money(quotes["amount"].to_numpy())

    # --------------------------------------------------------------- customers
    rev = lines.assign(year=bdays[lines["day"].to_numpy()].astype("datetime64[Y]").astype(int))
    per_year = rev.groupby(["cust", "year"])["amount"].sum().groupby("cust").mean()
    ref = per_year.reindex(np.arange(n)).fillna(0.0).to_numpy()
    factor = np.exp(rng.uniform(0.1, 1.4, n))
    factor[:n_key] = rng.uniform(1.15, 1.5, n_key)
    low = rng.random(n) < 0.08
    factor[low] = rng.uniform(0.7, 0.95, low.sum())
    wallet = np.maximum(np.round(ref * factor / 500.0) * 500.0, 500.0)
    wallet_s = np.array([f"{w:.0f}" for w in wallet], dtype=object)
    wallet_s[(rng.random(n) < 0.15) & (kind == "normal")] = ""
    owner = rng.choice(story.owners, n, p=[0.42, 0.36, 0.22]).astype(object)
    owner[(rng.random(n) < 0.22) & (spend < 1500.0)] = ""
    last_date = bdays[np.array([lines.loc[lines["cust"] == c, "day"].max() for c in range(n)])]
    has_contract = rng.random(n) < np.where(spend > 8000.0, 0.45, 0.13)
    has_contract[:n_key] = True
    month_ends = (np.arange(np.datetime64("2025-07"), np.datetime64("2028-01")) + 1).astype(
        "datetime64[D]"
    ) - 1
    active_end = last_date >= np.datetime64("2025-07-01")
    c_end = np.where(
        active_end,
        month_ends[rng.integers(0, len(month_ends), n)],
        (last_date + rng.integers(0, 90, n)).astype("datetime64[M]") + 1,
    ).astype("datetime64[D]")
    c_end = np.where(active_end, c_end, c_end - 1)
    contract = np.where(has_contract, c_end.astype(str), "")
    city = rng.choice(CITIES, n)
    city[:n_key] = ["Tampere", "Tampere", "Tampere", "Nokia", "Tampere"]
    customers = (
        pd.DataFrame(
            {
                "customer_id": cust_id,
                "name": name,
                "industry": industry,
                "owner": owner,
                "city": city,
                "contract_end": contract,
                "wallet": wallet_s,
            }
        )
        .sort_values("customer_id")
        .reset_index(drop=True)
    )

    return {
        "invoices": invoices,
        "customers": customers,
        "hours": hours,
        "survey": survey,
        "quotes": quotes,
    }


def student_story(rng: np.random.Generator) -> Story:
    """The sample's story with other names (company, named accounts, team) and sizes.

    The named accounts keep their industries, first invoices and roles (key accounts,
    demanding ones); their yearly spend moves by up to a fifth either way, and there are
    a few more or fewer ordinary customers (acquisition still slowing down).
    """
    named = KEY_ACCOUNTS + DEMANDING
    pattern = COMPANY_NAMES[rng.integers(len(COMPANY_NAMES))]
    company = pattern.format(
        s=SURNAMES[rng.integers(len(SURNAMES))],
        p=PLACES[rng.integers(len(PLACES))],
        w=WORDS[rng.integers(len(WORDS))],
    )
    surnames = SURNAMES + MORE_SURNAMES
    surnames = [surnames[i] for i in np.sort(rng.choice(len(surnames), 50, replace=False))]
    places = PLACES + MORE_PLACES
    names = _names(rng, np.array([a[1] for a in named]), {company}, surnames, places)
    spend = np.round(np.array([a[2] for a in named]) * rng.uniform(0.8, 1.25, len(named)), -2)
    accounts = [
        (name, a[1], float(s), a[3]) for name, a, s in zip(names, named, spend, strict=True)
    ]
    owners = [FIRST_NAMES[i] for i in rng.choice(len(FIRST_NAMES), len(OWNERS), replace=False)]
    pool_other = int(rng.integers(45, 66))
    new_per_quarter = np.round(NEW_PER_QUARTER * rng.uniform(0.85, 1.2)).astype(int)
    return Story(
        company,
        accounts[: len(KEY_ACCOUNTS)],
        accounts[len(KEY_ACCOUNTS) :],
        owners,
        pool_other,
        new_per_quarter,
        surnames,
        places,
    )


def story_company(seed: int) -> tuple[dict[str, pd.DataFrame], dict]:
    """The sample company's story with numbers and names of ``seed``'s own: (tables, settings).

    The same seed always gives the same company; the planted patterns (data/README.md)
    are the sample's. The names come from a stream of their own (``[seed, 1]``).
    """
    story = student_story(np.random.default_rng([seed, 1]))
    tables = _build(np.random.default_rng(seed), story)
    return tables, {**SETTINGS, "name": story.company}


def write_tables(out_dir: Path, tables: dict[str, pd.DataFrame]) -> None:
    """Write each table as ``<name>.csv``: UTF-8 without BOM, ``\\n`` line endings."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for stem, df in tables.items():
        text = df.astype(str).to_csv(index=False, lineterminator="\n")
        (out_dir / f"{stem}.csv").write_bytes(text.encode("utf-8"))


def write_sample(out_dir: Path) -> None:
    """Generate the sample company and write its files into out_dir."""
    out_dir = Path(out_dir)
    rng = np.random.default_rng(SEED)
    write_tables(out_dir, _build(rng))
    (out_dir / "company.toml").write_bytes(COMPANY_TOML.encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else Path(__file__).resolve().parent / "sample"
    write_sample(out)
    print(f"wrote the sample company Pajakulma Oy to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
