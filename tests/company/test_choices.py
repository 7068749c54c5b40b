"""The company's choices: one file, defaults where it is silent, a corrupt file kept."""

from helpers.company.choices import DEFAULTS, choices_file, choices_path, read_choices


def test_without_a_file_every_choice_is_its_default(tmp_path):
    choices = read_choices(tmp_path)
    assert choices.values == DEFAULTS and choices.error is None
    assert choices.calls_per_month == 10 and choices.max_key_accounts == 10
    assert {choices.source(name) for name in DEFAULTS} == {"default"}


def test_a_hand_written_file_is_read_as_people_write_numbers(tmp_path):
    path = choices_path(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text(
        'key_share = "10 %"\ncalls_per_month = 25\nvalue = "Margin"\n', encoding="utf-8"
    )
    choices = read_choices(tmp_path)
    assert choices.key_share == 0.1 and choices.calls_per_month == 25
    assert choices.value == "margin" and choices.source("calls_per_month") == "answers/choices.toml"
    assert choices.wallet_cutoff == DEFAULTS["wallet_cutoff"]
    assert choices.segment_options() == {
        "key_share": 0.1,
        "wallet_cutoff": 0.5,
        "growth_cutoff": 0.1,
        "value": "margin",
    }


def test_a_corrupt_file_leaves_the_defaults_names_the_line_and_is_kept(tmp_path):
    path = choices_path(tmp_path)
    path.parent.mkdir(parents=True)
    content = b"key_share = 0.1\nmax_key_accounts = 40\n"
    path.write_bytes(content)
    choices = read_choices(tmp_path)
    assert choices.values == DEFAULTS
    assert str(choices.error).startswith("answers/choices.toml, line 2: 'max_key_accounts'")
    assert "from 1 to 25" in str(choices.error)
    assert choices_file(tmp_path).set("key_share", 0.3) is False  # never written over
    assert path.read_bytes() == content


def test_the_hourly_cost_of_company_toml_wins(tmp_path):
    choices_file(tmp_path).set("hourly_cost", "52,5")
    choices = read_choices(tmp_path)
    assert choices.hourly_cost_for({"hourly_cost": 48.0}) == 48.0
    assert choices.hourly_cost_for({"hourly_cost": None}) == 52.5
    assert read_choices(tmp_path / "nowhere").hourly_cost_for({}) is None
