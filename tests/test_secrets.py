"""Where API keys may come from: the environment or a Prefect Secret block (read from the
real test server), never a command-line argument. That no key leaks from a run is tested in
test_translation_run.py."""

import pytest
import typer
from conftest import newsmend

from newsmend.cli import app
from newsmend.config import load_settings
from newsmend.translate import TranslationError, api_key, make_translator

SECRET_WORDS = ("key", "secret", "token", "password", "credential")


def test_no_command_takes_a_key_option():
    """A key on the command line ends up in shell history and in every process list."""
    command = typer.main.get_command(app)
    assert set(command.commands) >= {"run", "serve", "catalog", "rules"}
    for name, sub in command.commands.items():
        for param in sub.params:
            spelled = " ".join([param.name or "", *param.opts]).lower()
            assert not any(word in spelled for word in SECRET_WORDS), (name, spelled)


def test_a_key_option_is_refused(prefect_api_url):
    done = newsmend("run", "--api-key", "x", api_url=prefect_api_url, check=False)
    assert done.returncode == 2 and "No such option: --api-key" in done.stderr


@pytest.fixture
def secret_block(prefect_api_url):
    """A Secret block on the session's Prefect server; yields its name."""
    from prefect.blocks.system import Secret

    Secret(value="block-key-for-deepl").save("newsmend-test-deepl-key", overwrite=True)
    return "newsmend-test-deepl-key"


def test_key_from_a_secret_block_when_the_environment_has_none(monkeypatch, secret_block):
    monkeypatch.delenv("NEWSMEND_DEEPL_API_KEY", raising=False)
    assert api_key("deepl", secret_block) == "block-key-for-deepl"
    monkeypatch.setenv("NEWSMEND_DEEPL_API_KEY", "env-key")
    assert api_key("deepl", secret_block) == "env-key"  # the environment wins


def test_block_named_in_settings_is_what_the_translator_uses(monkeypatch, secret_block, tmp_path):
    monkeypatch.delenv("NEWSMEND_DEEPL_API_KEY", raising=False)
    monkeypatch.setenv("NEWSMEND_TRANSLATION_PROVIDER", "deepl")
    monkeypatch.setenv("NEWSMEND_TRANSLATION_API_KEY_BLOCK", secret_block)
    monkeypatch.chdir(tmp_path)
    settings = load_settings()  # no key anywhere, a block named: accepted, read at the run
    chain = make_translator(settings.translation, tmp_path)
    (translator,) = chain.translators
    assert translator._key == "block-key-for-deepl"
    assert "block-key-for-deepl" not in repr(chain)


def test_missing_block_is_a_clear_error(monkeypatch, prefect_api_url):
    monkeypatch.delenv("NEWSMEND_DEEPL_API_KEY", raising=False)
    with pytest.raises(TranslationError, match="'no-such-block' could not be read: no such block"):
        api_key("deepl", "no-such-block")
