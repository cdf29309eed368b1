"""Settings: command-line flags over `NEWSMEND_*` environment variables over a TOML file over
defaults, so the bare command works and every setting can be changed in one place.

The TOML file (`newsmend.toml` in the working directory, or `--config PATH`) uses the same
names as the fields below, with the translation settings in a `[translation]` table:

    batch_size = 500
    disabled_rules = ["duplicate_sentence"]

    [translation]
    provider = "libre"
    url = "http://127.0.0.1:5000/"
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

from upath import UPath

from newsmend.locations import location
from newsmend.repair import RULES
from newsmend.translate import TranslationError, TranslationSettings, api_key

DEFAULT_CONFIG = Path("newsmend.toml")


class ConfigError(Exception):
    """A setting a user gave is wrong; the message says which and why."""


@dataclass(frozen=True)
class Settings:
    raw: UPath = field(default_factory=lambda: location("data/raw"))  # or a URL: s3://...
    out: UPath = field(default_factory=lambda: location("data/clean"))
    # Files per Prefect task, at most (the flow cuts equal batches). Larger batches spread
    # Great Expectations' 0.3 s a call over more pages, and each page adds to a worker's
    # peak: 2000 keeps two workers and the flow under 1.4 GB (README, "Scale").
    batch_size: int = 2000
    full: bool = False  # reprocess every file, not only new or changed ones
    max_bytes: int = 64 * 1024 * 1024  # cap on one page, after decompression
    disabled_rules: tuple[str, ...] = ()
    dask: str | None = None  # address of a Dask scheduler; None runs locally
    alert_threshold: float = 0.5  # relative move of a quality figure that raises an alert
    alert_state: str = "completed"  # a run with alerts ends Completed("Quality alert") or "failed"
    story_threshold: float = 0.8  # similarity (Jaccard or containment) of near-copy bodies
    translation: dict = field(default_factory=dict)  # see newsmend.translate.TranslationSettings


def load_settings(config: Path | None = None, **overrides) -> Settings:
    """Defaults, then the TOML file, then NEWSMEND_* variables, then the given overrides."""
    values: dict = {}
    for layer in (_from_toml(config), _from_env(), overrides):
        for key, value in layer.items():
            if key == "translation" and isinstance(value, dict):
                value = {**values.get("translation", {}), **value}
            if value is not None:
                values[key] = value
    return _build(values)


def _from_toml(config: Path | None) -> dict:
    path = config or DEFAULT_CONFIG
    if not path.exists():
        if config is not None:
            raise ConfigError(f"config file not found: {path}")
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"config file {path} is not valid TOML: {error}") from None


def _from_env() -> dict:
    values: dict = {}
    for f in fields(Settings):
        raw = os.environ.get(f"NEWSMEND_{f.name.upper()}")
        if raw is not None and f.name != "translation":
            values[f.name] = raw
    translation = {
        key[len("NEWSMEND_TRANSLATION_") :].lower(): value
        for key, value in os.environ.items()
        if key.startswith("NEWSMEND_TRANSLATION_")
    }
    if translation:
        values["translation"] = translation
    return values


def _build(values: dict) -> Settings:
    known = {f.name: f for f in fields(Settings)}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise ConfigError(f"unknown setting: {', '.join(unknown)}")
    try:
        converted = {name: _convert(name, value) for name, value in values.items()}
    except (TypeError, ValueError) as error:
        raise ConfigError(str(error)) from None
    settings = Settings(**converted)
    if settings.alert_state not in ("completed", "failed"):
        raise ConfigError(f"alert_state must be completed or failed, not {settings.alert_state!r}")
    if settings.batch_size < 1:
        raise ConfigError(f"batch_size must be at least 1, not {settings.batch_size}")
    unknown_rules = sorted(set(settings.disabled_rules) - {rule.name for rule in RULES})
    if unknown_rules:
        raise ConfigError(f"disabled_rules names no such rule: {', '.join(unknown_rules)}")
    try:
        translation = TranslationSettings.from_dict(settings.translation)
        if not translation.api_key_block:  # a block is read when the run starts
            for provider in translation.chain():
                api_key(provider)
    except (TypeError, ValueError, TranslationError) as error:
        raise ConfigError(str(error)) from None
    return settings


def _convert(name: str, value):
    if name in ("raw", "out"):
        return location(value)
    if name in ("batch_size", "max_bytes"):
        return _integer(name, value)
    if name in ("alert_threshold", "story_threshold"):
        return float(value)
    if name == "full":
        return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")
    if name == "disabled_rules":
        items = value.split(",") if isinstance(value, str) else value
        return tuple(item.strip() for item in items if item.strip())
    if name == "translation":
        if not isinstance(value, dict):
            raise ValueError("translation must be a table of settings")
        return dict(value)
    return value


def _integer(name: str, value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a whole number, not {value!r}") from None
