"""Shared fixtures: a real temporary Prefect server for flow tests, and the sample corpus."""

import contextlib
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings
from translation_server import translation_server  # noqa: F401  (fixture of test_translate)

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

# No property test is timed: speed is measured by bench/, and on a loaded machine hypothesis's
# default 200 ms deadline failed a test whose code was right.
settings.register_profile("newsmend", deadline=None)
settings.load_profile("newsmend")

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
REALWORLD_TUNE = Path(__file__).parent / "fixtures" / "realworld" / "tune"


@contextlib.contextmanager
def within_seconds(seconds: int):
    """Fail, instead of hanging the suite, when the block runs longer than `seconds` (a
    reading loop that makes no progress): SIGALRM raises in the main thread."""

    def expired(_signum, _frame):
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


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


def newsmend(
    *args: str, api_url: str, check: bool = True, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """Run the real command line in a subprocess, against the test Prefect server, with `env`
    added to the environment; stdout and stderr (the run's logs) are captured."""
    return python("-m", "newsmend.cli", *args, api_url=api_url, check=check, env=env)


def python(
    *args: str, api_url: str | None = None, check: bool = True, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """Run this Python in a subprocess (against the test Prefect server when api_url is
    given), with `env` added to the environment; stdout and stderr are captured."""
    server = {"PREFECT_API_URL": api_url} if api_url else {}
    done = subprocess.run(
        [sys.executable, *args],
        env={**os.environ, **server, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    if check:
        assert done.returncode == 0, done.stderr[-3000:]
    return done


@pytest.fixture(scope="session")
def corpus_run(tmp_path_factory, prefect_api_url):
    """One `newsmend run` over the annotated corpus into <base>/data/clean (as in the README)."""
    base = tmp_path_factory.mktemp("corpus-run")
    raw, out = base / "data" / "raw", base / "data" / "clean"
    raw.mkdir(parents=True)
    for page in CORPUS.glob("*.txt"):
        shutil.copy(page, raw / page.name)
    done = newsmend("run", "--raw", str(raw), "--out", str(out), api_url=prefect_api_url)
    return out, raw, done
