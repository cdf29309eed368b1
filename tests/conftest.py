"""Shared fixtures: a real temporary Prefect server for flow tests, and the sample corpus."""

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

CORPUS = Path(__file__).parent / "fixtures" / "corpus"


@pytest.fixture(scope="session")
def prefect_api_url():
    """A real Prefect server (temporary database) for the whole session; yields its API URL."""
    from prefect.settings import PREFECT_API_URL
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield PREFECT_API_URL.value()


@pytest.fixture
def corpus_raw(tmp_path) -> Path:
    """A raw folder holding every annotated page (text only, no gold files)."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for page in CORPUS.glob("*.txt"):
        shutil.copy(page, raw / page.name)
    return raw
