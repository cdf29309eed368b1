"""Crash safety and one writer at a time, with real processes: a run killed with SIGKILL in the
middle of writing leaves the published tables as they were, and the next run completes them."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
from conftest import CORPUS, newsmend

from newsmend.store import Store

TABLES = ("articles", "headlines", "quarantine")


def make_raw(raw: Path, copies: int) -> None:
    """`copies` renamed copies of every corpus page, in one folder per copy."""
    for n in range(copies):
        folder = raw / f"batch{n:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        for page in CORPUS.glob("*.txt"):
            shutil.copy(page, folder / page.name)


def snapshot(out: Path) -> dict[str, list[str]]:
    return {t: sorted(pl.read_delta(str(out / t))["record_id"]) for t in TABLES}


def wait_for_parts(out: Path, published: set[str], timeout: float = 120) -> None:
    """Until the new run has written at least one Parquet part that is not published."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if {str(p) for p in out.glob("articles/*/part-*.parquet")} - published:
            return
        time.sleep(0.05)
    raise AssertionError("the run never started writing")


def test_kill_9_while_writing_leaves_the_published_run_and_the_rerun_completes(
    tmp_path, prefect_api_url
):
    raw, out, reference = tmp_path / "raw", tmp_path / "out", tmp_path / "reference"
    make_raw(raw, copies=2)
    newsmend("run", "--raw", str(raw), "--out", str(out), api_url=prefect_api_url)
    before = snapshot(out)
    published = set(Store(out).files("articles"))

    make_raw(raw, copies=12)  # 10 new folders (11 batches) to process
    env = {**os.environ, "PREFECT_API_URL": prefect_api_url}
    run = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "newsmend.cli",
            "run",
            "--raw",
            str(raw),
            "--out",
            str(out),
            "--batch-size",
            "20",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    wait_for_parts(out, published)
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()
    assert snapshot(out) == before, "a killed run must not change the published tables"

    newsmend("run", "--raw", str(raw), "--out", str(out), api_url=prefect_api_url)
    newsmend("run", "--raw", str(raw), "--out", str(reference), api_url=prefect_api_url)
    after, expected = snapshot(out), snapshot(reference)
    assert after == expected, "the rerun completes the work with nothing lost or doubled"
    assert len(after["articles"]) == len(set(after["articles"])) > len(before["articles"])


def test_a_second_run_on_the_same_output_is_refused(tmp_path, prefect_api_url):
    raw, out = tmp_path / "raw", tmp_path / "out"
    make_raw(raw, copies=1)
    with Store(out).locked():
        done = newsmend(
            "run", "--raw", str(raw), "--out", str(out), api_url=prefect_api_url, check=False
        )
    assert done.returncode == 2
    errors = [line for line in done.stderr.splitlines() if line.startswith("newsmend: error:")]
    assert len(errors) == 1
    assert errors[0].startswith(f"newsmend: error: {out} is being written by run pid ")
    assert not (out / "articles").exists()
