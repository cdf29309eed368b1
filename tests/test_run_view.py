"""What an operator and an analyst see of a run: the flow run's name and batch logs in
Prefect, quarantine reasons that say what failed, month partitions, typed run counters."""

import asyncio
import re
import subprocess
import sys
import urllib.request
from datetime import date

import polars as pl
import pytest

from newsmend.reasons import reason


@pytest.fixture(scope="module")
def run(corpus_run):
    out, _, done = corpus_run
    runs = pl.read_delta(str(out / "runs")).sort("started")
    return out, done, runs.row(0, named=True)


async def flow_run_names(api_url: str) -> list[str]:
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings({PREFECT_API_URL: api_url}):
        async with get_client() as client:
            return [r.name for r in await client.read_flow_runs()]


def test_the_flow_run_is_named_after_its_run_id(run, prefect_api_url):
    *_, row = run
    names = asyncio.run(flow_run_names(prefect_api_url))
    assert any(name.startswith(f"clean {row['run_id']}: ") for name in names), names


def test_each_batch_logs_its_counts_and_the_run_logs_its_progress(run):
    _, done, row = run
    batch = re.search(
        r"batch 0: (\d+) pages, (\d+) records \((\d+) articles, (\d+) headlines\), "
        r"(\d+) quarantined, (\d+) repairs, [\d.]+ s",
        done.stderr,
    )
    assert batch, done.stderr[-3000:]
    pages, _, articles, headlines, quarantined, repairs = map(int, batch.groups())
    assert (pages, articles, headlines, quarantined) == (
        row["files_processed"],
        row["articles"],
        row["headlines"],
        row["quarantined"],
    )
    assert repairs == sum(entry["count"] for entry in row["repairs"]) > 0
    assert re.search(
        r"progress: 1 of 1 batches, \d+ of \d+ files, \d+ s so far, about 0 s left", done.stderr
    )
    assert "Task run 'clean-batch-0'" in done.stderr


def test_quarantine_reasons_say_what_failed(run):
    out, *_ = run
    quarantine = pl.read_delta(str(out / "quarantine"))
    records = quarantine.filter(pl.col("table") != "files")
    assert records.height
    for row in records.iter_rows(named=True):
        assert row["reason"].count("; ") == len(row["failed_checks"]) - 1
        assert not row["reason"].startswith("failed ")


def test_a_reason_quotes_the_record():
    record = {"published_raw": "2022.13.45", "body": "It rained. The end. It rained."}
    got = reason(["dates_parse", "credits_present", "no_duplicate_sentences"], record)
    assert got == (
        "published_raw '2022.13.45' does not parse; no author, reporter or editor named; "
        "the body says 'It rained.' twice"
    )


@pytest.mark.parametrize("table", ["articles", "headlines"])
def test_clean_tables_are_partitioned_by_month(run, table):
    out, *_ = run
    folders = {p.name for p in (out / table).iterdir()} - {"_delta_log"}
    assert folders and all(
        re.fullmatch(r"month=(\d{4}-\d{2}|__HIVE_DEFAULT_PARTITION__)", f) for f in folders
    )
    for month in (f.removeprefix("month=") for f in folders):
        published = pl.read_parquet(out / table / f"month={month}" / "*.parquet")["published"]
        if month == "__HIVE_DEFAULT_PARTITION__":
            assert published.null_count() == published.len()
        else:
            assert published.dt.strftime("%Y-%m").unique().to_list() == [month]
    whole = pl.scan_delta(str(out / table))
    some = min(f for f in folders if "HIVE" not in f).removeprefix("month=")
    pruned = whole.filter(pl.col("month") == some).collect()
    first = date.fromisoformat(some + "-01")
    assert pruned.height == pl.read_parquet(out / table / f"month={some}" / "*.parquet").height
    assert pruned["published"].dt.month_start().unique().to_list() == [first]


def test_run_counters_are_typed(run):
    *_, row = run
    for column in ("failed_checks", "repairs", "flags"):
        assert all(set(e) == {"name", "count"} and e["count"] > 0 for e in row[column])


def test_newsmend_docs_serves_the_data_docs_on_loopback(run):
    out, *_ = run
    docs = subprocess.Popen(
        [sys.executable, "-m", "newsmend.cli", "docs", "--out", str(out), "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        line = docs.stdout.readline()
        address = re.search(r"http://127\.0\.0\.1:\d+/index\.html", line).group()
        page = urllib.request.urlopen(address, timeout=30).read().decode()
        assert "<html" in page.lower() and "Data Docs" in page
    finally:
        docs.terminate()
        docs.wait(timeout=10)
