"""One batch of raw files through every stage, ending in Parquet parts of the run's draft.

This is the unit of work a Prefect task runs: it takes file paths or URLs and returns a small
`BatchResult` (counts and timings), never whole frames, so batches can run on Dask workers
that share nothing but the store: the parts go into the table folders (unpublished until the
run commits them), the file outcomes and GX results into the run's staging folder.
"""

from __future__ import annotations

import gc
import json
import time
from collections import Counter
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import polars as pl

from newsmend.batch import FILE_OUTCOMES, BatchResult
from newsmend.config import Settings
from newsmend.dedup import write_keys
from newsmend.ingest import FileProblem, Page, read_page
from newsmend.ledger import OUTCOMES, RETRY
from newsmend.locations import local_folder, location
from newsmend.reasons import reason
from newsmend.records import page_records, record_id
from newsmend.repair import RULES, repair_frame
from newsmend.schema import ARTICLES, HEADLINES, QUARANTINE, frame
from newsmend.split import split_page
from newsmend.store import DATA_DOCS, write_months, write_parquet
from newsmend.translate import make_translator
from newsmend.validate import validate_tables

# What is loaded by now (Great Expectations, pandas, polars, Prefect: a million objects) lives
# as long as the worker: out of the collector's sight, a full collection walks only a batch's
# objects (0.1 s less a batch), and the worker's exit skips walking them all once more (1 s).
gc.freeze()


def process_batch(
    paths: list[Path], settings: Settings, staging: Path, batch_no: int, run_id: str
) -> BatchResult:
    """Read, split, repair, validate and write one batch of files."""
    tables = location(settings.out)
    result = BatchResult()
    timer = _StageTimer(result.seconds)
    with timer("read"):
        pages, problems = _read(paths, settings, result)
    articles, headlines = _split(pages, problems, timer, result)
    # each file's hash, for the ledger; the pages' text is not needed after the split
    hashes = {item.source_file: item.source_sha256 for item in [*pages, *problems]}
    del pages
    with timer("repair"):
        enabled = None if not settings.disabled_rules else _enabled_rules(settings)
        translator = make_translator(settings.translation, local_folder(settings.out))
        articles = repair_frame(
            articles, {"title_raw": "title", "body_raw": "body"}, enabled, translator
        )
        headlines = repair_frame(headlines, {"title_raw": "title"}, enabled, translator)
        if translator is not None:
            result.translation.update(translator.counters())
    with timer("validate"):
        # by the Checkpoints of the output's GX project, which stores the results
        project = local_folder(settings.out).resolve() / DATA_DOCS
        articles, headlines, _ = validate_tables(articles, headlines, project, run_id)
    part = f"part-{run_id}-{batch_no:05d}.parquet"
    with timer("write"):
        clean, quarantined = _write(articles, headlines, problems, tables, part, run_id, result)
        del articles, headlines  # the clean records are copies: free the rest before the keys
        outcomes = _file_outcomes(hashes, quarantined)
        write_parquet(outcomes, staging / FILE_OUTCOMES / part)
    with timer("story keys"):
        write_keys(clean["articles"], clean["headlines"], tables / "story_keys" / part)
    return result


def _enabled_rules(settings: Settings) -> set[str]:
    return {rule.name for rule in RULES} - set(settings.disabled_rules)


def _read(paths: list[Path], settings: Settings, result: BatchResult):
    pages: list[Page] = []
    problems: list[FileProblem] = []
    for path in paths:
        page = read_page(path, settings.raw, settings.max_bytes)
        result.files += 1
        if isinstance(page, FileProblem):
            problems.append(page)
        else:
            pages.append(page)
            result.bytes_read += len(page.text)
    return pages, problems


def _split(
    pages: list[Page], problems: list[FileProblem], timer: _StageTimer, result: BatchResult
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Page text to record frames (split into parts, then records with their metadata); a
    page the splitter chokes on becomes a file problem. The site furniture dropped is counted
    per kind."""
    article_rows: list[dict] = []
    headline_rows: list[dict] = []
    for page in pages:
        try:
            with timer("split"):
                parts = split_page(page.text)
            with timer("extract"):
                articles, headlines = page_records(page, parts)
        except Exception as error:  # noqa: BLE001 - a bad page must never stop the run
            problems.append(
                FileProblem(page.source_file, page.source_sha256, f"split failed: {error!r}")
            )
            continue
        article_rows.extend(articles)
        headline_rows.extend(headlines)
        result.furniture.update(kind for kind, _line in parts.furniture)
    with timer("extract"):
        return _raw_frame(article_rows, ARTICLES), _raw_frame(headline_rows, HEADLINES)


def _raw_frame(rows: list[dict], schema: dict) -> pl.DataFrame:
    """The columns the splitter fills, typed as in the final schema."""
    filled = {name: dtype for name, dtype in schema.items() if not rows or name in rows[0]}
    return frame(rows, filled)


def _write(articles, headlines, problems, tables, part, run_id, result):
    """Write the clean records of each table and the quarantine; return the clean records
    per table and the quarantine's rows."""
    written = {}
    quarantine_rows = [_file_row(problem, run_id) for problem in problems]
    result.files_quarantined = len(problems)
    for table, df, schema in (
        ("articles", articles, ARTICLES),
        ("headlines", headlines, HEADLINES),
    ):
        df = df.with_columns(pl.lit(run_id).alias("run_id"))
        _count(df, result)
        failed = df.filter(pl.col("failed_checks").list.len() > 0)
        clean = df.filter(pl.col("failed_checks").list.len() == 0).select(list(schema))
        quarantine_rows.extend(
            _record_row(table, row, run_id) for row in failed.iter_rows(named=True)
        )
        setattr(result, table, clean.height)
        write_months(clean, tables / table, part)
        written[table] = clean
    result.quarantined = len(quarantine_rows)
    for row in quarantine_rows:
        result.failed_checks.update(row["failed_checks"])
        for check in row["failed_checks"]:
            result.add_examples(check, [row["record_id"]])
    write_parquet(frame(quarantine_rows, QUARANTINE), tables / "quarantine" / part)
    return written, quarantine_rows


def _file_outcomes(hashes: dict[str, str | None], quarantine_rows: list[dict]) -> pl.DataFrame:
    """The ledger's outcome per file (by name, with its hash): clean, quarantined whole,
    partly, or to retry next run."""
    files = {name: (sha, "clean") for name, sha in hashes.items()}
    for row in quarantine_rows:
        sha, outcome = files[row["source_file"]]
        if row["table"] == "files":
            outcome = "quarantined: " + row["reason"]
        elif "translation_ok" in row["failed_checks"]:
            outcome = RETRY
        elif outcome == "clean":
            outcome = "partly quarantined"
        files[row["source_file"]] = (sha, outcome)
    rows = [(name, sha, outcome) for name, (sha, outcome) in files.items()]
    return pl.DataFrame(rows, schema=OUTCOMES, orient="row")


def _count(df: pl.DataFrame, result: BatchResult) -> None:
    """Add the records' flags and the rules of their repairs to the batch's counts."""
    rules = df["repairs"].explode().struct.field("rule")
    for counter, values in ((result.flags, df["flags"].explode()), (result.repairs, rules)):
        counter.update(dict(values.drop_nulls().value_counts().iter_rows()))


def _file_row(problem: FileProblem, run_id: str) -> dict:
    check = problem.reason.split(":", 1)[0]
    return {
        "record_id": record_id(problem.source_file, "files", 0),
        "table": "files",
        "source_file": problem.source_file,
        "failed_checks": [f"file_{check.replace(' ', '_')}"],
        "reason": problem.reason,
        "record": json.dumps(
            {"source_file": problem.source_file, "source_sha256": problem.source_sha256},
            ensure_ascii=False,
        ),
        "run_id": run_id,
    }


def _record_row(table: str, row: dict, run_id: str) -> dict:
    checks = row.pop("failed_checks")
    return {
        "record_id": row["record_id"],
        "table": table,
        "source_file": row["source_file"],
        "failed_checks": checks,
        "reason": reason(checks, row),
        "record": json.dumps(row, ensure_ascii=False, default=_json_default),
        "run_id": run_id,
    }


def _json_default(value):
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


class _StageTimer:
    """Adds the wall time of each stage to a counter, for the run summary and the benchmark."""

    def __init__(self, seconds: Counter):
        self.seconds = seconds

    @contextmanager
    def __call__(self, stage: str):
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] += time.perf_counter() - started
