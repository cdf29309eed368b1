"""Where the raw pages and the tables are: a local folder or an object storage URL
(s3://bucket/prefix, or any fsspec URL), as one kind of path, a universal_pathlib UPath.

Credentials and the endpoint come from the AWS_* variables (AWS_ACCESS_KEY_ID,
AWS_SECRET_ACCESS_KEY, AWS_ENDPOINT_URL, AWS_REGION), which s3fs, deltalake and polars read
themselves: no flag takes them, and nothing here logs them.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from upath import UPath


def location(where: str | os.PathLike) -> UPath:
    """A folder or a URL, as a path."""
    return where if isinstance(where, UPath) else UPath(os.fspath(where))


def is_remote(where: str | os.PathLike) -> bool:
    """A URL of object storage (or any fsspec protocol but a local file)."""
    text = os.fspath(where) if not isinstance(where, UPath) else str(where)
    return "://" in text and not text.startswith("file://")


def storage_options(where: str | os.PathLike) -> dict[str, str]:
    """What deltalake and polars (object_store) need beyond the AWS_* variables: leave to
    plain http when the endpoint says so (a local S3-compatible server)."""
    if is_remote(where) and os.environ.get("AWS_ENDPOINT_URL", "").startswith("http://"):
        return {"aws_allow_http": "true"}
    return {}


def local_folder(out: str | os.PathLike) -> Path:
    """Where files that need a local disk go (the translation cache, an SQLite file; the
    GX project): the output folder itself, or for a URL a folder of this machine's cache
    ($XDG_CACHE_HOME, else ~/.cache) named after it."""
    if not is_remote(out):
        return Path(out)
    name = re.sub(r"[^A-Za-z0-9]+", "-", str(out)).strip("-")
    cache = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(cache) / "newsmend" / name
