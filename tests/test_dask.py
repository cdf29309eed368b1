"""Batches on a Dask cluster of worker processes give the same tables as a local run.

This is what `newsmend run --dask tcp://host:8786` relies on: tasks get file paths and
settings, write their parts under the shared output folder and return small summaries.
"""

import json
import sys
from pathlib import Path

import polars as pl
from distributed import LocalCluster
from polars.testing import assert_frame_equal

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from make_corpus import write_corpus

from flows.clean import clean_news

PAGES = 200
BATCH_SIZE = 25  # eight batches: both workers get some, and more than the flow submits at once


def _run(raw: Path, out: Path, dask: str | None = None) -> None:
    clean_news(raw=str(raw), out=str(out), full=True, batch_size=BATCH_SIZE, dask=dask)


def _table(out: Path | str, name: str, storage_options: dict | None = None) -> pl.DataFrame:
    """A published table sorted by record id, without the run id (which differs per run)."""
    df = pl.read_delta(f"{out}/{name}", storage_options=storage_options)
    if name == "ledger":
        return df.drop("first_run", "last_run").sort("source_file")
    df = df.drop("run_id").sort("record_id")
    if name == "quarantine":  # the quarantined record, as JSON, names its run too
        records = [_without_run_id(record) for record in df["record"]]
        df = df.with_columns(pl.Series("record", records))
    return df


def _without_run_id(record: str) -> str:
    fields = json.loads(record)
    fields.pop("run_id", None)
    return json.dumps(fields, sort_keys=True, ensure_ascii=False)


def test_dask_run_equals_local_run(tmp_path, prefect_api_url):
    raw = tmp_path / "raw"
    write_corpus(PAGES, raw, seed=7, gzipped=True)
    _run(raw, tmp_path / "local")
    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        _run(raw, tmp_path / "dask", dask=cluster.scheduler_address)
        assert cluster.scheduler.task_prefixes, "no task ran on the cluster"
    for name in ("articles", "headlines", "quarantine", "ledger"):
        local, dask = _table(tmp_path / "local", name), _table(tmp_path / "dask", name)
        assert local.height > 0 or name == "quarantine"
        assert_frame_equal(dask, local)
    ledger = _table(tmp_path / "local", "ledger")
    assert ledger.height == PAGES  # every file of every batch, none lost to the window
    assert ledger["outcome"].is_in(["clean", "partly quarantined"]).all(), ledger["outcome"]
    assert not list(tmp_path.glob("*/.newsmend/versions/*/file_outcomes"))
    for out in ("local", "dask"):  # a worker rendered each run's Data Docs
        pages = {p.name for p in (tmp_path / out / "gx_docs").rglob("validations/**/*.html")}
        assert pages == {"newsmend-articles.html", "newsmend-headlines.html"}, out
