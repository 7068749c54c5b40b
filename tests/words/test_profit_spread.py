"""The whale curve and the price × cost-to-serve map in words (``helpers.words.profit_spread``)."""

import pandas as pd

from helpers.analysis import profit_spread
from helpers.language import ENGLISH, Language
from helpers.words import profit_spread as words


def test_whale_in_words_in_english_finnish_and_swedish():
    figures = profit_spread.whale_figures(pd.Series({"a": 60.0, "b": -10.0, "c": 50.0}))
    english = words.whale_in_words(figures, ENGLISH)
    assert english.startswith(
        "3 accounts made €100 profit after cost-to-serve in the period; "
        "1 of them (33.3%) lost money, €10 in all."
    )
    assert "The most profitable 67% of accounts made 110% of the profit" in english
    finnish = words.whale_in_words(figures, Language("fi"))
    assert finnish.startswith("3 asiakkuutta tuotti jakson aikana 100\xa0€ tulosta")
    assert "33,3\xa0%" in finnish and "loput söivät siitä 10\xa0%" in finnish
    swedish = words.whale_in_words(figures, Language("sv"))
    assert swedish.startswith("3 kunder gav 100\xa0€ i resultat efter betjäningskostnad")
    one = words.whale_in_words(profit_spread.whale_figures(pd.Series({"a": 5.0})), Language("sv"))
    assert one.startswith("1 kund gav 5\xa0€")


def test_map_in_words_names_the_corners_in_the_language():
    price_map = pd.DataFrame(
        {"quadrant": [profit_spread.QUADRANTS[(False, True)]] * 2, "profit": [-5.0, 10.0]}
    )
    text = words.map_in_words(price_map, set(), Language("fi"))
    assert "2 asiakkuutta: maksaa vähän, vie paljon työtä" in text
    assert "0 asiakkuutta: maksaa hyvin, vie vähän työtä" in text
    assert text.endswith("tappiollisia on 1.")


def test_an_empty_map_says_what_it_needs():
    empty = profit_spread.price_cost_map(
        pd.DataFrame(
            {
                "revenue": [10.0],
                "discount_share": [float("nan")],
                "hours_cost": [1.0],
                "profit": [1.0],
            }
        )
    )
    assert words.map_in_words(empty, {"list_price"}, ENGLISH).startswith("Add `list_price`")
    assert words.map_in_words(empty, set(), ENGLISH).startswith("No account has both")


def test_letting_go_in_words_gives_both_bounds_in_every_language():
    table = pd.DataFrame(
        {
            "profit": [60.0, 50.0, -10.0],
            "margin": [80.0, 70.0, 30.0],
            "hours": [1.0, 1.0, 2.0],
            "hours_cost": [20.0, 20.0, 40.0],
        }
    )
    figures = profit_spread.letting_go(table)
    english = words.letting_go_in_words(figures, set(), ENGLISH)
    assert english.startswith(
        "If you let go the 1 account that loses money, the whale curve promises €110 of "
        "profit instead of €100."
    )
    assert "you lose their margin of €30 and keep the costs: profit falls to €70" in english
    finnish = words.letting_go_in_words(figures, set(), Language("fi"))
    assert finnish.startswith("1 asiakkuus tuottaa tappiota. Jos luovut siitä")
    assert "tulos laskee tasolle 70\xa0€" in finnish
    swedish = words.letting_go_in_words(figures, set(), Language("sv"))
    assert swedish.startswith("1 kund går med förlust. Om du släpper den")
    below = profit_spread.letting_go(table.assign(margin=[80.0, 70.0, -5.0]))
    assert "at least €105" in words.letting_go_in_words(below, set(), ENGLISH)


def test_letting_go_in_words_without_profit_or_loss_makers():
    none_lose = profit_spread.letting_go(
        pd.DataFrame({"profit": [5.0], "margin": [9.0], "hours": [1.0], "hours_cost": [4.0]})
    )
    assert "nobody to let go" in words.letting_go_in_words(none_lose, set(), ENGLISH)
    unknown = profit_spread.letting_go(
        pd.DataFrame(
            {"profit": [float("nan")], "margin": [9.0], "hours": [1.0], "hours_cost": [4.0]}
        )
    )
    told = words.letting_go_in_words(unknown, {"cost", "hours", "profit"}, ENGLISH)
    assert told.startswith("The profit after cost-to-serve needs")
