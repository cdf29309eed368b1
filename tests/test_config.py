"""Settings: flags over NEWSMEND_* over the TOML file over defaults; bad values get one clear error."""

from pathlib import Path

import pytest

from newsmend.config import ConfigError, Settings, load_settings


def test_defaults_work_with_no_file_and_no_environment(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert load_settings() == Settings()


def test_precedence_flag_over_env_over_toml(tmp_path, monkeypatch):
    config = tmp_path / "n.toml"
    config.write_text('batch_size = 7\nout = "from-toml"\n[translation]\nprovider = "libre"\n')
    monkeypatch.setenv("NEWSMEND_BATCH_SIZE", "9")
    monkeypatch.setenv("NEWSMEND_TRANSLATION_URL", "http://127.0.0.1:1/")
    settings = load_settings(config, raw=Path("flag-raw"))
    assert settings.batch_size == 9
    assert settings.out == Path("from-toml")
    assert settings.raw == Path("flag-raw")
    # translation settings merge key by key
    assert settings.translation == {"provider": "libre", "url": "http://127.0.0.1:1/"}


def test_disabled_rules_from_env_list(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEWSMEND_DISABLED_RULES", "punctuation, mojibake")
    assert load_settings().disabled_rules == ("punctuation", "mojibake")


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("batch_size = 'many'", "batch_size must be a whole number"),
        ("batch_size = 0", "batch_size must be at least 1"),
        ("colour = 'blue'", "unknown setting: colour"),
        ("disabled_rules = ['spaced_hyphen', 'typo']", "disabled_rules names no such rule: typo"),
        ("batch_size = ", "not valid TOML"),
        ("[translation]\nprovider = 'babel'", "translation provider must be one of"),
        ("[translation]\nprovider = 'libre'", "libre needs a url"),
    ],
)
def test_bad_settings_say_what_is_wrong(tmp_path, toml, message):
    config = tmp_path / "n.toml"
    config.write_text(toml)
    with pytest.raises(ConfigError, match=message):
        load_settings(config)


def test_deepl_without_a_key_is_refused_before_the_run(tmp_path, monkeypatch):
    monkeypatch.delenv("NEWSMEND_DEEPL_API_KEY", raising=False)
    config = tmp_path / "n.toml"
    config.write_text("[translation]\nprovider = 'deepl'")
    with pytest.raises(ConfigError, match=r"deepl needs an API key in \$NEWSMEND_DEEPL_API_KEY"):
        load_settings(config)


def test_named_config_file_must_exist(tmp_path):
    with pytest.raises(ConfigError, match="config file not found"):
        load_settings(tmp_path / "missing.toml")
