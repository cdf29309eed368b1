"""Translator against a local LibreTranslate-compatible server, through deep-translator's real
HTTP path: success, cache, timeout, retries, failures, and the API key kept secret."""

import logging
import socket
import traceback

import pytest

from newsmend.translate import (
    TranslationError,
    TranslationSettings,
    Translator,
    api_key,
    make_translator,
)

KEY = "sekrit-key-123"


@pytest.fixture(autouse=True)
def libre_key(monkeypatch):
    monkeypatch.setenv("NEWSMEND_LIBRE_API_KEY", KEY)


def libre(url: str, tmp_path, **overrides) -> Translator:
    """The libre provider alone: the chain make_translator builds holds just it."""
    values = {"provider": "libre", "url": url, "timeout": 0.5, "backoff": 0.01, **overrides}
    (translator,) = make_translator(values, tmp_path).translators
    return translator


def test_provider_none_gives_no_translator(tmp_path):
    assert make_translator({"provider": "none"}, tmp_path) is None


def test_settings_reject_unknown_provider_and_names():
    with pytest.raises(ValueError, match="provider"):
        TranslationSettings.from_dict({"provider": "babelfish"})
    with pytest.raises(ValueError, match="unknown"):
        TranslationSettings.from_dict({"api_key": KEY})


def test_translates_through_the_server(translation_server, tmp_path):
    translator = libre(translation_server.url, tmp_path)
    assert translator.translate("如皋") == "Rugao"
    sent = translation_server.requests[0]
    assert (sent["q"], sent["source"], sent["target"]) == ("如皋", "zh", "en")


def test_cache_answers_repeats_and_reruns(translation_server, tmp_path):
    first = libre(translation_server.url, tmp_path)
    assert first.translate_many(["乌镇", "金华", "乌镇"]) == {"乌镇": "Wuzhen", "金华": "Jinhua"}
    assert len(translation_server.requests) == 2
    first.close()
    rerun = libre(translation_server.url, tmp_path)
    assert rerun.translate("乌镇") == "Wuzhen"
    assert len(translation_server.requests) == 2
    assert rerun.counters()["cache_hits"] == 1
    assert rerun.counters()["cache_misses"] == 0
    assert KEY.encode() not in (tmp_path / "translation_cache.sqlite").read_bytes()


def test_timeout_is_a_failure(translation_server, tmp_path):
    translation_server.mode, translation_server.delay = "slow", 2.0
    translator = libre(translation_server.url, tmp_path, timeout=0.2, retries=1)
    with pytest.raises(TranslationError, match="no answer within 0.2 s"):
        translator.translate("如皋")
    assert len(translation_server.requests) == 2


def test_429_is_retried(translation_server, tmp_path):
    translation_server.mode, translation_server.failures = "429", 2
    translator = libre(translation_server.url, tmp_path, retries=3)
    assert translator.translate("瘦西湖") == "Slender West Lake"
    assert len(translation_server.requests) == 3


def test_500_is_retried_then_fails(translation_server, tmp_path):
    translation_server.mode = "500_always"
    translator = libre(translation_server.url, tmp_path, retries=2)
    with pytest.raises(TranslationError, match="HTTP 500") as failure:
        translator.translate("金华")
    assert len(translation_server.requests) == 3
    assert translator.counters()["failures"] == 1
    assert KEY not in str(failure.value)


def test_answer_still_in_chinese_is_a_failure(translation_server, tmp_path):
    translator = libre(translation_server.url, tmp_path)
    with pytest.raises(TranslationError, match="left Chinese"):
        translator.translate("不在词典里")


def test_answer_with_a_lone_surrogate_is_a_failure_and_not_cached(translation_server, tmp_path):
    """JSON can carry "\\ud800"; such a str cannot go into the SQLite cache or Parquet."""
    translation_server.mode = "surrogate"
    translator = libre(translation_server.url, tmp_path)
    with pytest.raises(TranslationError, match="not UTF-8"):
        translator.translate("如皋")
    assert translator.counters()["failures"] == 1
    translation_server.mode = "ok"
    assert translator.translate("如皋") == "Rugao"  # asked again: nothing was cached
    assert len(translation_server.requests) == 2


def test_closed_port_fails_without_showing_the_key(tmp_path, caplog):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    translator = libre(f"http://127.0.0.1:{port}/", tmp_path, retries=1)
    with caplog.at_level(logging.DEBUG), pytest.raises(TranslationError) as failure:
        translator.translate("如皋")
    assert "connection failed" in str(failure.value)
    assert KEY not in "".join(traceback.format_exception(failure.value))
    assert KEY not in caplog.text
    assert KEY not in repr(translator)


def test_key_never_logged_on_success(translation_server, tmp_path, caplog):
    with caplog.at_level(logging.DEBUG):
        libre(translation_server.url, tmp_path).translate("如皋")
    assert "/translate" in caplog.text
    assert KEY not in caplog.text


def test_missing_key_is_a_clear_error_for_deepl_only(monkeypatch, translation_server, tmp_path):
    monkeypatch.delenv("NEWSMEND_DEEPL_API_KEY", raising=False)
    with pytest.raises(TranslationError, match="NEWSMEND_DEEPL_API_KEY"):
        api_key("deepl")
    monkeypatch.delenv("NEWSMEND_LIBRE_API_KEY")  # a self-hosted LibreTranslate needs none
    assert libre(translation_server.url, tmp_path).translate("如皋") == "Rugao"


def test_long_text_is_cut_under_the_provider_limit(translation_server, tmp_path):
    translator = libre(translation_server.url, tmp_path)
    text = "，".join(["如皋"] * 3000)
    chunks = translator._chunks(text)
    assert all(len(chunk) <= 5000 for chunk in chunks) and "".join(chunks) == text
