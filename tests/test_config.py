"""Settings: defaults with no file, environment overrides, errors that name the key and what is allowed."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import ConfigError, load_settings

EXAMPLE = Path(__file__).parents[1] / "kiosk" / "assets" / "config.example.toml"


def _load(tmp_path, text, env=None):
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return load_settings(path, env=env or {})


def test_defaults_work_with_no_file(monkeypatch, tmp_path):
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path))
    settings = load_settings(env={})
    assert settings.database.url == f"sqlite:///{tmp_path / 'kiosk.sqlite3'}"
    assert (settings.site.language, settings.retention.days, settings.kiosk.idle_seconds) == ("zh_CN", 180, 30)
    assert settings.visits.host_consent_required and settings.visits.escalation_minutes == 15
    assert (settings.parcels.reminder_days, settings.parcels.return_days) == (3, 7)


def test_example_file_documents_a_valid_configuration():
    settings = load_settings(EXAMPLE, env={})
    assert settings.source == str(EXAMPLE)


def test_environment_overrides_the_file(tmp_path):
    settings = _load(tmp_path, '[database]\nurl = "sqlite:///a.db"\n',
                     env={"KIOSK_DATABASE_URL": "postgresql+psycopg://u@127.0.0.1/k"})
    assert settings.database.url == "postgresql+psycopg://u@127.0.0.1/k"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[retention]\ndays = 30\n", "retention.days = 30 is too small; allowed: 90 to 3650"),
        ('[site]\nlanguage = "fr"\n', "site.language = 'fr' is not allowed; allowed: zh_CN, en"),
        ('[site]\ntimezone = "Mars/Olympus"\n', "site.timezone = 'Mars/Olympus' is not a known time zone"),
        ("[kiosk]\nidle_secs = 5\n", "unknown key kiosk.idle_secs; allowed keys: id, idle_seconds"),
        ("[kiosks]\n", "unknown section [kiosks]"),
        ('[kiosk]\nidle_seconds = "soon"\n', "kiosk.idle_seconds = 'soon' is not allowed; use a whole number"),
        ('[visits]\nauto_signout_time = "25:00"\n', "visits.auto_signout_time = '25:00' is not allowed; use HH:MM"),
        ("[printer]\npaper_width_mm = 70\n", "printer.paper_width_mm = 70 is not allowed; allowed: 58, 80"),
        ("[parcels]\nreminder_days = 0\n", "parcels.reminder_days = 0 is too small; allowed: 1 to 60"),
        ("[parcels]\nreturn_days = 400\n", "parcels.return_days = 400 is too large; allowed: 1 to 365"),
        ("[parcels]\nreminder_days = 7\nreturn_days = 7\n", "parcels.return_days = 7 must be more than"),
        ("[database\n", "is not valid TOML"),
    ],
)
def test_bad_values_name_the_key_the_value_and_what_is_allowed(tmp_path, text, message):
    with pytest.raises(ConfigError, match=None) as err:
        _load(tmp_path, text)
    assert message in str(err.value)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(tmp_path / "nope.toml", env={})


def test_example_file_mentions_every_key():
    import dataclasses
    import re

    from kiosk.config import Settings

    text = EXAMPLE.read_text(encoding="utf-8")
    for section in dataclasses.fields(Settings):
        if section.name == "source":
            continue
        assert f"[{section.name}]" in text
        for key in dataclasses.fields(section.default_factory()):  # type: ignore[misc]
            assert re.search(rf"^#? ?{key.name} = ", text, re.MULTILINE), f"{section.name}.{key.name} undocumented"


def test_entry_requirements_name_real_visitor_types(tmp_path):
    settings = _load(tmp_path, '[visits]\nagreement_for = ["contractor"]\nphoto_for = ["contractor", "interview"]\n')
    assert settings.visits.agreement_for == ("contractor",)
    with pytest.raises(ConfigError, match=r"visits\.photo_for contains 'guest'"):
        _load(tmp_path, '[visits]\nphoto_for = ["guest"]\n')


def test_trusted_proxies_are_addresses_or_networks(tmp_path):
    assert load_settings(env={}).notify.trusted_proxies == ("127.0.0.1",)
    settings = _load(tmp_path, '[notify]\ntrusted_proxies = ["10.0.0.5", "192.168.0.0/16", "::1"]\n')
    assert settings.notify.trusted_proxies == ("10.0.0.5", "192.168.0.0/16", "::1")
    with pytest.raises(ConfigError, match=r"notify\.trusted_proxies contains '\*'"):
        _load(tmp_path, '[notify]\ntrusted_proxies = ["*"]\n')


def test_directions_are_plain_text_of_limited_length_in_either_language(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text('[site]\ndirections_zh = """地铁2号线\n科技园站A出口"""\ndirections_en = ""\n', encoding="utf-8")
    site = load_settings(path, env={}).site
    assert site.directions("zh_CN") == "地铁2号线\n科技园站A出口"
    assert site.directions("en") == "地铁2号线\n科技园站A出口"  # the other language rather than nothing
    assert load_settings(env={}).site.directions("en") == ""
    path.write_text(f'[site]\ndirections_en = "{"x" * 501}"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"site\.directions_en is 501 characters long; allowed: at most 500"):
        load_settings(path, env={})
    path.write_text('[site]\ndirections_en = "Turn left\\u001b[2J"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"site\.directions_en contains control characters"):
        load_settings(path, env={})


def test_supplies_digest_goes_to_addresses_or_chat_urls_at_a_time_of_day(tmp_path):
    defaults = load_settings(env={}).supplies
    assert (defaults.responsible, defaults.digest_time) == ((), "08:00")
    settings = _load(tmp_path, '[supplies]\nresponsible = ["li.na@example.com", "wecombot://KEY"]\n'
                               'digest_time = "07:30"\n')
    assert settings.supplies.responsible == ("li.na@example.com", "wecombot://KEY")
    assert settings.supplies.digest_time == "07:30"
    with pytest.raises(ConfigError, match=r"supplies\.responsible contains 'Li Na'"):
        _load(tmp_path, '[supplies]\nresponsible = ["Li Na"]\n')
    with pytest.raises(ConfigError, match=r"supplies\.digest_time = '8' is not allowed; use HH:MM"):
        _load(tmp_path, '[supplies]\ndigest_time = "8"\n')
