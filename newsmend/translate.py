"""Translation of Chinese residue: deep-translator behind a cache, timeouts, retries and a
concurrency limit.

deep-translator is a thin client: it calls the module-level `requests.get`/`requests.post`
without a timeout, lets requests' connection errors escape, loops for batches, answers None
for some Google inputs and puts API keys in URLs and exception messages. `Translator` wraps it
so a run never hangs, never pays twice for the same text and never shows a key.

API keys come from the environment (`NEWSMEND_LIBRE_API_KEY`, `NEWSMEND_DEEPL_API_KEY`) or
from a Prefect `Secret` block whose name is the setting `api_key_block`; a key itself is never
a setting, so it cannot land in a config file, a command line or a log line.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Self

import requests
from deep_translator import (
    DeeplTranslator,
    GoogleTranslator,
    LibreTranslator,
    MyMemoryTranslator,
)
from deep_translator import deepl as _deepl
from deep_translator import google as _google
from deep_translator import libre as _libre
from deep_translator import mymemory as _mymemory
from deep_translator.exceptions import (
    AuthorizationException,
    BaseError,
    RequestError,
    ServerException,
    TooManyRequests,
)

from newsmend.glossary import glossary, glossary_version
from newsmend.text import untranslated_spans

PROVIDERS = ("none", "glossary", "google", "mymemory", "libre", "deepl")
# Providers that need no network: their failures are not errors, the next provider is asked.
OFFLINE = ("glossary",)
# Longest text each provider accepts in one call (deep-translator's own checks are `len < max`);
# the glossary takes only short spans (Glossary.accepts), whole.
CHUNK_LIMIT = {"glossary": 10**9, "google": 4999, "mymemory": 499, "libre": 5000, "deepl": 5000}
DEFAULT_SOURCE = {
    "glossary": "zh",
    "google": "zh-CN",
    "mymemory": "zh-CN",
    "libre": "zh",
    "deepl": "zh",
}
KEY_VARIABLE = {"libre": "NEWSMEND_LIBRE_API_KEY", "deepl": "NEWSMEND_DEEPL_API_KEY"}
CACHE_FILE = "translation_cache.sqlite"


# A self-hosted LibreTranslate server may need no key, but deep-translator insists on one.
KEYLESS = "none"


def api_key(provider: str, block: str | None = None) -> str | None:
    """The provider's key: $NEWSMEND_<PROVIDER>_API_KEY, else the value of the Prefect Secret
    block named `block`; raises TranslationError when DeepL has neither."""
    variable = KEY_VARIABLE.get(provider)
    if variable is None:
        return None
    key = os.environ.get(variable) or (_secret_block(block) if block else None)
    if key:
        return key
    if provider == "libre":
        return KEYLESS
    raise TranslationError(
        f"{provider} needs an API key in ${variable} or in a Prefect Secret block named by"
        " translation.api_key_block"
    )


def _secret_block(name: str) -> str:
    """The value of a Prefect Secret block, read through the Prefect API (the one place the
    core imports Prefect, and only when a block is configured)."""
    from prefect.blocks.system import Secret

    try:
        return Secret.load(name, _sync=True).get()
    except Exception as error:  # noqa: BLE001 - a missing block, an unreachable server
        # Only the type: a pydantic error's message would quote the stored value.
        missing = "Unable to find block document" in str(error)
        cause = "no such block" if missing else type(error).__name__
        raise TranslationError(
            f"Prefect Secret block {name!r} could not be read: {cause}"
        ) from None


class TranslationError(Exception):
    """A text could not be translated; the message names the provider and cause, never a key."""


class Translation(str):
    """English for a fragment that knows which provider gave it (repairs name the glossary's
    `translate_glossary`)."""

    provider: str

    def __new__(cls, english: str, provider: str) -> Self:
        translation = super().__new__(cls, english)
        translation.provider = provider
        return translation


@dataclass(frozen=True)
class TranslationSettings:
    provider: str = "glossary"
    providers: tuple[str, ...] = ()  # in order, e.g. ("glossary", "libre"); empty: (provider,)
    url: str | None = None  # LibreTranslate server, e.g. "http://127.0.0.1:5000/"
    source: str | None = None  # None: the provider's code for Chinese (zh-CN or zh)
    target: str = "en"
    timeout: float = 10.0  # seconds per HTTP request (connect, and each read)
    retries: int = 3  # further attempts after a 429, a 5xx, a timeout or a refused connection
    backoff: float = 0.5  # seconds before the first retry, doubled for each next one
    concurrency: int = 4  # requests in flight at once
    api_key_block: str | None = None  # Prefect Secret block with the key, if not in the env
    cache_path: Path | None = None  # None: translation_cache.sqlite in the output folder

    @classmethod
    def from_dict(cls, values: dict) -> TranslationSettings:
        """Settings from a config table; numbers may come as strings (environment variables)."""
        known = {f.name: f for f in fields(cls)}
        unknown = sorted(set(values) - set(known))
        if unknown:
            raise ValueError(f"unknown translation setting: {', '.join(unknown)}")
        converters = {"timeout": float, "backoff": float, "retries": int, "concurrency": int}
        converted = {
            name: converters.get(name, lambda v: v)(value) for name, value in values.items()
        }
        if converted.get("cache_path") is not None:
            converted["cache_path"] = Path(converted["cache_path"])
        if "providers" in converted:
            converted["providers"] = _names(converted["providers"])
        settings = cls(**converted)
        for provider in settings.chain():
            if provider not in PROVIDERS:
                raise ValueError(
                    f"translation provider must be one of {', '.join(PROVIDERS)}, not {provider!r}"
                )
        if "none" in settings.chain() and len(settings.chain()) > 1:
            raise ValueError("translation provider none cannot be chained with others")
        if "libre" in settings.chain() and not settings.url:
            raise ValueError("translation provider libre needs a url")
        return settings

    def chain(self) -> tuple[str, ...]:
        """The providers asked in turn: `providers` when given, else `provider` alone."""
        return self.providers or (self.provider,)


def _names(value) -> tuple[str, ...]:
    """A list of provider names from a TOML list or a comma-separated environment variable."""
    items = value.split(",") if isinstance(value, str) else value
    return tuple(item.strip() for item in items if item.strip())


def make_translator(values: dict, out: Path) -> TranslatorChain | None:
    """The configured providers in turn (default: the offline glossary), or None for `none`."""
    settings = TranslationSettings.from_dict(values)
    if settings.chain() == ("none",):
        return None
    cache_path = settings.cache_path or Path(out) / CACHE_FILE
    return TranslatorChain(
        [Translator(replace(settings, provider=name), cache_path) for name in settings.chain()]
    )


class TranslatorChain:
    """Asks each provider in turn for the fragments it takes and the ones before it did not
    answer: the glossary the short ones, an online provider behind it the rest.

    `translate_many` answers each fragment with a `Translation`, the TranslationError of the
    last online provider that failed on it, or None when no provider takes it (the residue
    stays and validation flags it)."""

    def __init__(self, translators: list[Translator]) -> None:
        self.translators = translators

    def __repr__(self) -> str:
        return f"TranslatorChain({self.translators!r})"

    def translate_many(
        self, texts: Iterable[str]
    ) -> dict[str, Translation | TranslationError | None]:
        results: dict[str, Translation | TranslationError | None] = dict.fromkeys(texts)
        for translator in self.translators:
            pending = [
                t for t, r in results.items() if not isinstance(r, str) and translator.accepts(t)
            ]
            if not pending:
                continue
            for text, answer in translator.translate_many(pending).items():
                if isinstance(answer, str):
                    results[text] = Translation(answer, translator.settings.provider)
                elif not translator.offline:
                    results[text] = answer
        return results

    def translate(self, text: str) -> str:
        """English for one text; raises TranslationError (also when no provider takes it)."""
        result = self.translate_many([text])[text]
        if result is None:
            raise TranslationError("no translation provider takes this text")
        if isinstance(result, TranslationError):
            raise result
        return result

    def counters(self) -> dict[str, int]:
        """The providers' counters, added up."""
        total: Counter = Counter()
        for translator in self.translators:
            total.update(translator.counters())
        return dict(total)

    def close(self) -> None:
        for translator in self.translators:
            translator.close()


class _TimeoutRequests:
    """Stands in for the `requests` module inside deep-translator's provider modules.

    deep-translator calls `requests.get(url, params=...)` with no timeout and opens a new
    session each time, so there is no adapter to configure. This shim adds the calling
    thread's timeout to each call and notes the HTTP status, which deep-translator's
    exceptions drop, so the retry policy can tell 429/5xx from 4xx. A real socket timeout ends
    the request and its thread; running the call in a thread with a deadline would instead
    leave hung threads behind. Threads that set no timeout get requests' default behaviour.
    """

    def __init__(self) -> None:
        self.local = threading.local()

    def _call(self, method: str, url: str, **kwargs) -> requests.Response:
        kwargs.setdefault("timeout", getattr(self.local, "timeout", None))
        self.local.status = None
        response = requests.request(method, url, **kwargs)
        self.local.status = response.status_code
        return response

    def get(self, url: str, **kwargs) -> requests.Response:
        return self._call("GET", url, **kwargs)

    def post(self, url: str, **kwargs) -> requests.Response:
        return self._call("POST", url, **kwargs)

    def __getattr__(self, name: str):
        return getattr(requests, name)


_HTTP = _TimeoutRequests()
for _module in (_google, _mymemory, _libre, _deepl):
    _module.requests = _HTTP


class _RedactSecrets(logging.Filter):
    """urllib3 logs request URLs at DEBUG level, and libre/deepl put the key in the URL."""

    def __init__(self) -> None:
        super().__init__()
        self.secrets: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if any(secret in message for secret in self.secrets):
            for secret in self.secrets:
                message = message.replace(secret, "***")
            record.msg, record.args = message, None
        return True


_LOG = logging.getLogger(__name__)
_REDACT = _RedactSecrets()
logging.getLogger("urllib3.connectionpool").addFilter(_REDACT)


# What a deep-translator call raises besides connection errors and timeouts: its own errors,
# requests' (bad JSON) and a missing field in the answer.
_CLIENT_ERRORS = (
    BaseError,
    RequestError,
    TooManyRequests,
    ServerException,
    AuthorizationException,
    requests.RequestException,
    KeyError,
    TypeError,
    StopIteration,
)


class _Retryable(Exception):
    """A failure worth another attempt: rate limit, server error, timeout, refused connection."""


class Translator:
    """Translates Chinese fragments to English through one provider, with a SQLite memory.

    `translate_many` is what the repair stage calls: it answers every distinct text once,
    from the cache when it can, and sends the rest `concurrency` at a time.
    """

    def __init__(self, settings: TranslationSettings, cache_path: Path) -> None:
        self.settings = settings
        self.source = settings.source or DEFAULT_SOURCE[settings.provider]
        self._key = self._api_key()
        self._counts: Counter = Counter()
        self._cache = _Cache(cache_path)

    def __repr__(self) -> str:
        return f"Translator(provider={self.settings.provider!r}, target={self.settings.target!r})"

    @property
    def offline(self) -> bool:
        return self.settings.provider in OFFLINE

    def accepts(self, text: str) -> bool:
        """Whether this provider takes the text: the glossary only names and labels."""
        return not self.offline or glossary().accepts(text)

    def _api_key(self) -> str | None:
        key = api_key(self.settings.provider, self.settings.api_key_block)
        if key and key != KEYLESS:
            _REDACT.secrets.add(key)
        return key

    def counters(self) -> dict[str, int]:
        """cache_hits, cache_misses (texts sent to the provider), failures, requests."""
        return {
            name: self._counts[name]
            for name in ("cache_hits", "cache_misses", "failures", "requests")
        }

    def translate(self, text: str) -> str:
        """English for one text; raises TranslationError."""
        result = self.translate_many([text])[text]
        if isinstance(result, TranslationError):
            raise result
        return result

    def translate_many(self, texts: Iterable[str]) -> dict[str, str | TranslationError]:
        """Each distinct text -> its English, or the TranslationError that stopped it."""
        results: dict[str, str | TranslationError] = {}
        missing = []
        for text in dict.fromkeys(texts):
            cached = self._cache.get(self._cache_key(text))
            if cached is None:
                missing.append(text)
            else:
                results[text] = cached
        self._counts["cache_hits"] += len(results)
        self._counts["cache_misses"] += len(missing)
        # The glossary computes, it does not wait: one thread, and its tables load once.
        workers = 1 if self.offline else max(1, self.settings.concurrency)
        with ThreadPoolExecutor(max_workers=workers) as pool:
            for text, answer in zip(missing, pool.map(self._translate_safely, missing)):
                results[text] = answer
                if isinstance(answer, TranslationError):
                    self._counts["failures"] += 1
                    _LOG.warning("translation of %d characters failed: %s", len(text), answer)
                else:
                    self._cache.put(self._cache_key(text), answer)
        return results

    def close(self) -> None:
        self._cache.close()

    def _cache_key(self, text: str) -> tuple[str, str, str, str]:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return (self._cache_provider(), self.source, self.settings.target, digest)

    def _cache_provider(self) -> str:
        """The provider as the cache knows it: the glossary's answers change with its tables."""
        if self.settings.provider == "glossary":
            return f"glossary-{glossary_version()}"
        return self.settings.provider

    def _translate_safely(self, text: str) -> str | TranslationError:
        try:
            english = " ".join(self._translate_chunk(chunk) for chunk in self._chunks(text))
        except TranslationError as error:
            return error
        if untranslated_spans(english):
            return TranslationError(f"{self.settings.provider} left Chinese in its answer")
        if not _encodable(english):  # lone surrogates: the cache and Parquet cannot hold them
            return TranslationError(f"{self.settings.provider} answered text that is not UTF-8")
        return english

    def _chunks(self, text: str) -> list[str]:
        """Pieces under the provider's length limit, cut after a Chinese full stop or a space."""
        limit = CHUNK_LIMIT[self.settings.provider]
        chunks = []
        while len(text) > limit:
            window = text[:limit]
            cut = max(window.rfind(mark) for mark in "。！？；， ") + 1 or limit
            chunks.append(text[:cut])
            text = text[cut:]
        return [*chunks, text]

    def _translate_chunk(self, text: str) -> str:
        """One provider call, retried with exponential backoff on transient failures."""
        for attempt in range(self.settings.retries + 1):
            try:
                return self._call_once(text)
            except _Retryable as error:
                if attempt == self.settings.retries:
                    raise TranslationError(
                        f"{self.settings.provider} failed after {attempt + 1} attempts: {error}"
                    ) from None
                time.sleep(self.settings.backoff * 2**attempt)
        raise AssertionError("unreachable")

    def _call_once(self, text: str) -> str:
        _HTTP.local.timeout = self.settings.timeout
        self._counts["requests"] += 1
        try:
            answer = self._client().translate(text)
        except requests.Timeout:
            raise _Retryable(f"no answer within {self.settings.timeout:g} s") from None
        except requests.ConnectionError:
            raise _Retryable("connection failed") from None
        except _CLIENT_ERRORS as error:  # their messages may quote the key: never passed on
            status = _HTTP.local.status
            if status == 429 or (status is not None and status >= 500):
                raise _Retryable(f"HTTP {status}") from None
            cause = f"HTTP {status}" if status else type(error).__name__
            raise TranslationError(f"{self.settings.provider} failed: {cause}") from None
        if not isinstance(answer, str) or not answer.strip():
            raise TranslationError(f"{self.settings.provider} returned no translation")
        return answer.strip()

    def _client(self):
        """A fresh deep-translator client per call: Google's and MyMemory's keep the text in
        shared per-instance state, so one instance must not serve two threads."""
        provider, source, target = self.settings.provider, self.source, self.settings.target
        if provider == "glossary":
            return glossary()
        if provider == "google":
            return GoogleTranslator(source=source, target=target)
        if provider == "mymemory":
            return MyMemoryTranslator(source=source, target=target)
        if provider == "libre":
            url = self.settings.url.rstrip("/") + "/"
            return LibreTranslator(source=source, target=target, api_key=self._key, custom_url=url)
        return DeeplTranslator(source=source, target=target, api_key=self._key)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class _Cache:
    """Translation memory: (provider, source, target, sha256 of text) -> English, in SQLite.

    Only the calling thread touches it (lookups before, writes after the concurrent calls).
    """

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS translations (provider TEXT, source TEXT, target TEXT,"
            " sha256 TEXT, english TEXT, PRIMARY KEY (provider, source, target, sha256))"
        )

    def get(self, key: tuple[str, str, str, str]) -> str | None:
        row = self._db.execute(
            "SELECT english FROM translations"
            " WHERE provider = ? AND source = ? AND target = ? AND sha256 = ?",
            key,
        ).fetchone()
        return row[0] if row else None

    def put(self, key: tuple[str, str, str, str], english: str) -> None:
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO translations VALUES (?, ?, ?, ?, ?)", (*key, english)
            )

    def close(self) -> None:
        self._db.close()
