"""Rules that are data: each table is a small file here, read once by the module that uses it."""

from __future__ import annotations

import tomllib
from importlib.resources import files


def read_toml(name: str) -> dict:
    """A TOML table of this folder, parsed."""
    return tomllib.loads(files(__package__).joinpath(name).read_text(encoding="utf-8"))


def read_lines(name: str) -> list[str]:
    """A one-entry-a-line table of this folder, without blank lines and # comments."""
    text = files(__package__).joinpath(name).read_text(encoding="utf-8")
    entries = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [entry for entry in entries if entry]
