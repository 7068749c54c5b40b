"""Radar and priority plots of the 9E checklist."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from helpers.analysis import advantage  # noqa: E402
from helpers.language import ENGLISH, Language  # noqa: E402
from helpers.paths import SAMPLE_DIR  # noqa: E402
from helpers.plots import advantage as plots  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def sample():
    answers = advantage.load_answers(SAMPLE_DIR)
    return answers, advantage.results(answers)


def test_radar_draws_us_and_the_competitor_round_the_nine_es(sample):
    _, result = sample
    ax = plots.plot_radar(result.scores, competitor="Konepaja Virtanen Oy", lang=ENGLISH)
    assert ax.name == "polar"
    us, them = ax.get_lines()
    assert len(us.get_ydata()) == 10  # nine E's and back to the first
    assert np.allclose(us.get_ydata()[:9], result.scores["today"].astype(float))
    assert them.get_label() == "Konepaja Virtanen Oy"
    assert [t.get_text() for t in ax.get_xticklabels()][:2] == ["Ethics", "Aesthetics"]


def test_member_radar_has_a_line_per_member_and_the_competitor(sample):
    answers, result = sample
    ax = plots.plot_member_radar(
        advantage.member_scores(answers.long), competitor=result.scores["competitor"], lang=ENGLISH
    )
    labels = [line.get_label() for line in ax.get_lines()]
    assert labels == ["Aino", "Jussi", "Mikko", "competitor (team average)"]


def test_priorities_bar_per_scored_e_with_the_chosen_ones_darker(sample):
    _, result = sample
    ax = plots.plot_priorities(result.scores, result.chosen, lang=ENGLISH)
    assert len(ax.patches) == 9
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[-1] == "Education"  # the largest at the top


def test_plots_without_answers_draw_empty_charts(tmp_path):
    result = advantage.results(advantage.load_answers(tmp_path))
    assert plots.plot_radar(result.scores, lang=ENGLISH).name == "polar"
    assert len(plots.plot_priorities(result.scores, lang=ENGLISH).patches) == 0
    members = advantage.member_scores(result.answers.long)
    assert plots.plot_member_radar(members, lang=ENGLISH).get_lines() == []


def test_plots_speak_the_run_s_language(sample):
    answers, result = sample
    radar = plots.plot_radar(result.scores, lang=Language("fi"))
    assert radar.get_xticklabels()[0].get_text() == "Etiikka"
    assert radar.get_title() == "Missä olemme kilpailijaan verrattuna (5 = paras)"
    assert [t.get_text() for t in radar.get_legend().get_texts()] == ["me nyt", "kilpailija"]
    bars = plots.plot_priorities(result.scores, result.chosen, lang=Language("sv"))
    assert "Kunskap" in [t.get_text() for t in bars.get_yticklabels()]
    assert bars.get_title().startswith("Vikt × försprång")
    members = plots.plot_member_radar(advantage.member_scores(answers.long), lang=Language("sv"))
    assert members.get_title() == "Vi i dag, som varje medlem ser det"
