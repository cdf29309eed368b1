"""The Prefect flow: raw pages to published Parquet, read top to bottom like a recipe.

discover files -> one task per batch of files (read, split, repair, validate with the GX
project's Checkpoints, write parts) -> render the Data Docs -> carry over the published tables
-> link stories -> record the run -> publish (one Delta commit per table) -> report. Raw
pages and tables may be local folders or object storage.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import re
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from itertools import islice
from math import ceil
from pathlib import Path

import polars as pl
from prefect import flow, get_run_logger, task
from prefect.artifacts import (
    create_markdown_artifact,
    create_progress_artifact,
    create_table_artifact,
    update_progress_artifact,
)
from prefect.cache_policies import NONE
from prefect.client.orchestration import get_client
from prefect.events import emit_event
from prefect.futures import as_completed
from prefect.runtime import flow_run
from prefect.settings import PREFECT_API_URL
from prefect.states import Completed, Failed
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner
from rich.progress import Progress

from newsmend.batch import FILE_OUTCOMES, BatchResult
from newsmend.config import Settings, load_settings
from newsmend.dedup import update_stories
from newsmend.ingest import discover, file_paths
from newsmend.ledger import OUTCOMES, files_to_process, update_ledger
from newsmend.locations import is_remote, local_folder, location
from newsmend.quality import quality_alerts
from newsmend.schema import RUNS, frame
from newsmend.store import DATA_DOCS, Draft, Store, take_parts

# What is loaded by now (Prefect, polars) lives as long as the process: kept out of the
# garbage collector's full collections, which walked it all several times a run (as in a
# worker: newsmend/pipeline.py).
gc.freeze()

BATCHES_PER_WORKER = 2  # submitted at a time: one running, one ready to start


def task_runner(settings: Settings, files: int) -> TaskRunner:
    """Batches run on a Dask cluster when an address is set, else in one local process per
    core: the stages are Python code that threads would run one at a time (the GIL), and
    Great Expectations validates under a lock (its pyparsing parser is not thread-safe).
    A run of `files` that fill one batch or none stays in the flow's process: starting
    workers would take longer than the batch."""
    if settings.dask:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=settings.dask)
    if files <= settings.batch_size:
        return ThreadPoolTaskRunner(max_workers=1)
    return ProcessPoolTaskRunner()


def worker_count(runner: TaskRunner) -> int:
    """How many batches the runner works on at once: the Dask cluster's threads now (an
    adaptive cluster grows and shrinks), else the pool's size."""
    if hasattr(runner, "client"):
        return max(1, sum(runner.client.nthreads().values()))
    return runner._max_workers  # Prefect's own choice (setting or CPU count), kept private


def batch_count(files: int, batch_size: int, workers: int) -> int:
    """How many batches: enough for batch_size files each at most, and a multiple of the
    workers, so that none sits idle at the end. 10,000 files in batches of 2000 would be 5,
    and one of two workers would run the fifth alone; 6 of 1667 keep both busy."""
    return min(files, ceil(ceil(files / batch_size) / workers) * workers)


class QualityAlert(Exception):
    """A run with quality alerts, with alert_state = "failed": its tables are published, and
    calling the flow raises this (carrying the run's row) instead of returning the row."""

    def __init__(self, message: str, run_row: dict):
        super().__init__(message, run_row)
        self.run_row = run_row

    def __str__(self) -> str:
        return self.args[0]


class ServerUnavailable(Exception):
    """Prefect's temporary server did not start in time, twice."""


def share_temporary_server(attempts: int = 2) -> None:
    """Without a configured server, start Prefect's temporary one now and give its address to
    the worker processes, which would otherwise each start one of their own (7 s, 250 MB).
    On a busy machine the start can outlast Prefect's wait (newsmend sets it to 120 s, see
    newsmend/__init__.py): the slow server is stopped and started once more."""
    if PREFECT_API_URL.value():
        return
    for _ in range(attempts):
        try:
            with get_client(sync_client=True) as client:
                os.environ["PREFECT_API_URL"] = str(client.api_url)
            return
        except RuntimeError as error:
            if "ephemeral Prefect API server" not in str(error):
                raise
            from prefect.server.api.server import SubprocessASGIServer

            SubprocessASGIServer().stop()
    raise ServerUnavailable(
        f"Prefect's temporary server did not start in time ({attempts} tries; is the machine "
        "busy?): start one with `prefect server start --host 127.0.0.1`, set PREFECT_API_URL"
    )


def artifact_key(name: str, out: Path) -> str:
    """An artifact key of this output folder: runs into two folders keep apart (keys are
    global in Prefect and take lowercase letters, digits and dashes only)."""
    folder = str(out) if is_remote(out) else str(Path(out).resolve())
    words = re.sub(r"[^a-z0-9]+", "-", "-".join(folder.split("/")[-2:]).lower()).strip("-")
    digest = hashlib.sha256(folder.encode()).hexdigest()[:8]
    return f"newsmend-{name}-{words[:40]}-{digest}"


def new_run_id() -> str:
    """The run's id, from its flow run: when it was due to start, and the flow run's id. The
    flow run's name carries it (flow_run_name), and every table's run_id column."""
    return f"{flow_run.scheduled_start_time:%Y%m%dT%H%M%S}-{flow_run.id[:6]}"


def flow_run_name() -> str:
    """What the Prefect UI lists: `clean <run id>: data/raw -> data/clean`."""
    parameters = flow_run.parameters
    return f"clean {new_run_id()}: {parameters['raw']} -> {parameters['out']}"


@task(
    name="clean-batch",
    retries=2,
    retry_delay_seconds=2,
    cache_policy=NONE,
    task_run_name="clean-batch-{batch_no}",
)
def clean_batch(
    paths: list[Path], settings: Settings, staging: Path, batch_no: int, run_id: str
) -> BatchResult:
    """One batch of files through every stage; retried if the machine hiccups. The stages
    are imported here, in the worker: the flow's own process then holds no Great Expectations
    (190 MB) while the workers run."""
    from newsmend.pipeline import process_batch

    result = process_batch(paths, settings, staging, batch_no, run_id)
    records = result.articles + result.headlines + result.quarantined - result.files_quarantined
    get_run_logger().info(
        "batch %d: %d pages, %d records (%d articles, %d headlines), %d quarantined, "
        "%d repairs, %.1f s",
        batch_no,
        result.files,
        records,
        result.articles,
        result.headlines,
        result.quarantined,
        result.repairs.total(),
        result.seconds.total(),
    )
    return result


@task(name="link-stories", task_run_name="link-stories", cache_policy=NONE)
def link_stories(draft: Draft, settings: Settings) -> dict[str, int]:
    """Join this run's records into stories: exact and near copies, teasers and headlines
    linked to their article (tables stories, links, story_keys of the run's draft)."""
    counts = update_stories(draft, settings.story_threshold)
    get_run_logger().info("stories: %s", json.dumps(counts))
    return counts


@task(name="render-data-docs", task_run_name="render-data-docs", cache_policy=NONE)
def render_data_docs(out: Path | str, run_id: str) -> Path | None:
    """The Data Docs site of the GX project of out, with the results the batches' runs of its
    Checkpoints stored. It runs on a worker, which has GX loaded already (see clean_batch);
    the workers end after it, so their memory is free again for the stories step. GX keeps
    its project on a local disk: for an output on object storage, in that machine's cache
    (local_folder)."""
    from newsmend.data_docs import build_run_docs

    return build_run_docs(local_folder(out) / DATA_DOCS, run_id)


@flow(name="newsmend-clean", flow_run_name=flow_run_name)
def clean_news(
    raw: str = "data/raw",
    out: str = "data/clean",
    full: bool = False,
    config: str | None = None,
    batch_size: int | None = None,
    dask: str | None = None,
) -> dict:
    """Clean every raw page under `raw` into validated Parquet tables under `out`."""
    settings = load_settings(
        Path(config) if config else None,
        raw=raw,
        out=out,
        full=full or None,
        batch_size=batch_size,
        dask=dask,
    )
    logger = get_run_logger()
    store = Store(settings.out)
    run_id = new_run_id()
    started = datetime.now(UTC)
    with store.locked():
        found = discover(settings.raw)
        ledger = store.read("ledger")
        todo = files_to_process(found, ledger, settings.raw, settings.full)
        logger.info(
            "run %s: %d files under %s, %d new or changed",
            run_id,
            found.height,
            settings.raw,
            todo.height,
        )
        draft = store.draft(run_id)
        with task_runner(settings, todo.height) as runner:
            totals = _run_batches(runner, todo, settings, draft.staging, run_id)
            # Nothing new (most scheduled runs): no Data Docs, and no GX loaded (4 s, 280 MB).
            docs = _render_docs(runner, settings, run_id) if totals.files else None
        draft.take_batches()
        draft.carry_over(replaced=todo["source_file"])
        link_stories(draft, settings)
        outcomes = take_parts(draft.staging / FILE_OUTCOMES, OUTCOMES)
        ledger = update_ledger(ledger, todo, outcomes, run_id)
        draft.replace("ledger", ledger, f"ledger-{run_id}.parquet")
        run_row = _run_row(run_id, started, found.height, totals)
        run_row["alerts"] = _check_quality(store, run_row, settings)
        draft.add("runs", frame([run_row], RUNS), f"runs-{run_id}.parquet")
        draft.publish()
        store.vacuum()
        if not is_remote(settings.out):
            _refresh_catalog(settings.out)
    _report(run_row, totals, docs, settings.out)
    logger.info("run %s published: %s", run_id, json.dumps(_counts(run_row)))
    if run_row["alerts"]:  # not a plain green Completed: the run list shows it
        message = f"{len(run_row['alerts'])} quality alert(s): " + "; ".join(run_row["alerts"])
        if settings.alert_state == "failed":  # published all the same; the caller gets the row
            return Failed(
                name="Quality alert", message=message, data=QualityAlert(message, run_row)
            )
        return Completed(name="Quality alert", message=message, data=run_row)
    return run_row


def _check_quality(store: Store, run_row: dict, settings: Settings) -> list[str]:
    """Compare with the recent runs; warn, and emit an event an automation can notify on."""
    alerts = quality_alerts(store.read("runs"), run_row, settings.alert_threshold)
    for alert in alerts:
        get_run_logger().warning("quality alert: %s", alert)
    if alerts:
        emit_event(
            event="newsmend.quality.alert",
            resource={"prefect.resource.id": f"newsmend.output.{store.root}"},
            payload={"run_id": run_row["run_id"], "alerts": alerts},
        )
    return alerts


def _refresh_catalog(out: Path) -> None:
    """Keep catalog.duckdb in step; an analyst holding it open must not fail the run. DuckDB
    is imported here: the workers import this module too (to run clean_batch), and need it
    not (0.1 CPU s and 11 MB each)."""
    import duckdb

    from newsmend.catalog import write_catalog

    try:
        write_catalog(out)
    except duckdb.Error as error:
        get_run_logger().warning("catalog.duckdb not refreshed: %s", error)


def _render_docs(runner: TaskRunner, settings: Settings, run_id: str) -> Path | None:
    """render_data_docs on one of the runner's workers; the site's index.html, or None."""
    out = settings.out if is_remote(settings.out) else location(Path(settings.out).resolve())
    parameters = {"out": out, "run_id": run_id}
    return runner.submit(render_data_docs, parameters).result()


def _run_batches(
    runner: TaskRunner, todo: pl.DataFrame, settings: Settings, staging: Path, run_id: str
) -> BatchResult:
    """Run one task per batch of files on the runner and fold their results as they finish.
    Only BATCHES_PER_WORKER per worker are submitted at a time, so the flow's memory stays the
    same for a thousand batches or a million; the workers are counted again as batches
    finish, so an adaptive Dask cluster that grows gets more."""
    files = todo.height
    batches = range(batch_count(files, settings.batch_size, worker_count(runner)))
    if not batches:
        return BatchResult()
    progress_id = create_progress_artifact(
        progress=0.0, key=artifact_key("progress", settings.out), description="Batches done"
    )

    def parameters(number: int) -> dict:
        start, end = (files * n // len(batches) for n in (number, number + 1))
        paths = file_paths(todo.slice(start, end - start), settings.raw)
        return {
            "paths": paths,
            "settings": settings,
            "staging": staging,
            "batch_no": number,
            "run_id": run_id,
        }

    totals, waiting, running = BatchResult(), iter(batches), set()
    started = time.monotonic()
    # A bar on a terminal; without one (cron, serve, workers) the log lines say the same.
    with Progress(transient=True, disable=not sys.stderr.isatty()) as bar:
        shown = bar.add_task("cleaning", total=todo.height)
        for done in range(1, len(batches) + 1):
            room = max(0, BATCHES_PER_WORKER * worker_count(runner) - len(running))
            running.update(runner.submit(clean_batch, parameters(n)) for n in islice(waiting, room))
            finished = next(as_completed(running))
            running.remove(finished)
            result = finished.result()
            totals.add(result)
            bar.advance(shown, result.files)
            update_progress_artifact(progress_id, progress=100.0 * done / len(batches))
            _log_progress(done, len(batches), totals.files, files, time.monotonic() - started)
    return totals


def _log_progress(batches_done: int, batches: int, files_done: int, files: int, seconds: float):
    """One line per finished batch: counts, and the time left if the pace holds."""
    left = seconds / files_done * (files - files_done) if files_done else 0.0
    get_run_logger().info(
        "progress: %d of %d batches, %d of %d files, %.0f s so far, about %.0f s left",
        batches_done,
        batches,
        files_done,
        files,
        seconds,
        left,
    )


def _run_row(run_id: str, started: datetime, files_seen: int, totals: BatchResult) -> dict:
    return {
        "run_id": run_id,
        "started": started,
        "finished": datetime.now(UTC),
        "files_seen": files_seen,
        "files_processed": totals.files,
        "files_quarantined": totals.files_quarantined,
        "articles": totals.articles,
        "headlines": totals.headlines,
        "quarantined": totals.quarantined,
        "failed_checks": _entries(totals.failed_checks),
        "repairs": _entries(totals.repairs),
        "flags": _entries(totals.flags),
        "furniture": _entries(totals.furniture),
        "translation": _entries(totals.translation),
    }


def _entries(counter: Counter) -> list[dict]:
    """A counter as the runs table keeps it: {name, count} entries, most common first."""
    return [{"name": name, "count": count} for name, count in counter.most_common()]


def _counts(run_row: dict) -> dict:
    keys = (
        "files_seen",
        "files_processed",
        "files_quarantined",
        "articles",
        "headlines",
        "quarantined",
    )
    return {key: run_row[key] for key in keys}


def _report(run_row: dict, totals: BatchResult, docs: Path | None, out: Path) -> None:
    """What a person should see in the Prefect UI: the run's counts and its failed checks.
    The keyed artifacts (the latest of this output folder) are the last run that processed
    files; a run with nothing new leaves its summary unkeyed, in its own run only."""
    useful = run_row["files_processed"] > 0
    lines = [f"# newsmend run {run_row['run_id']}", ""]
    if docs:
        lines += [
            (
                "Every expectation's result is in the GX Data Docs: run `newsmend docs --out "
                f"{out}` and open the address it prints (the site is {docs.parent})."
            ),
            "",
        ]
    lines += ["| what | count |", "|---|---|"]
    lines += [f"| {key.replace('_', ' ')} | {value} |" for key, value in _counts(run_row).items()]
    if run_row["alerts"]:
        lines += ["", "## Quality alerts", ""] + [f"- {alert}" for alert in run_row["alerts"]]
    for title, counter in (
        ("Failed checks", totals.failed_checks),
        ("Repairs per rule", totals.repairs),
        ("Flags", totals.flags),
        ("Page furniture dropped, per kind", totals.furniture),
        ("Translation", totals.translation),
    ):
        if counter:
            lines += ["", f"## {title}", "", "| name | count |", "|---|---|"]
            lines += [f"| {name} | {count} |" for name, count in counter.most_common()]
    create_markdown_artifact(
        "\n".join(lines),
        key=artifact_key("summary", out) if useful else None,
        description=f"Run summary of {out}",
    )
    if not useful:
        return
    create_table_artifact(
        [
            {"check": name, "records": count, "examples": ", ".join(totals.examples.get(name, []))}
            for name, count in totals.failed_checks.most_common()
        ]
        or [{"check": "(none)", "records": 0, "examples": ""}],
        key=artifact_key("failed-checks", out),
        description="Records that failed each check, with example record ids",
    )
