"""The ledger of every raw file seen, which decides what a run must (re)process.

A file is processed when it is new, when its content changed (size and mtime first, SHA-256
to be sure), when its last outcome asks for a retry (a translation that failed), or always
with `--full`.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import polars as pl

from newsmend.ingest import file_paths

RETRY = "retry"  # outcome of a file whose records should be tried again next run
OUTCOMES = {"source_file": pl.String, "sha256": pl.String, "outcome": pl.String}  # per batch


def files_to_process(
    found: pl.DataFrame, ledger: pl.DataFrame, raw_dir: Path, full: bool
) -> pl.DataFrame:
    """The rows of `found` (ingest.discover) whose content is new or changed since the ledger
    saw them, or whose last outcome asks for a retry. Only files whose size or mtime moved
    are hashed."""
    if full or ledger.is_empty():
        return found
    seen = found.join(
        ledger.select("source_file", "size", "mtime_ns", "sha256", "outcome"),
        on="source_file",
        how="left",
        suffix="_seen",
        maintain_order="left",
    )
    new = pl.col("size_seen").is_null() | (pl.col("outcome") == RETRY)
    moved = (pl.col("size") != pl.col("size_seen")) | (
        pl.col("mtime_ns") != pl.col("mtime_ns_seen")
    )
    suspects = seen.filter(~new & moved)
    hashes = pl.Series([sha256_of(path) for path in file_paths(suspects, raw_dir)], dtype=pl.String)
    changed = suspects.filter(hashes.ne_missing(suspects["sha256"]))["source_file"]
    return seen.filter(new | pl.col("source_file").is_in(changed.implode())).select(found.columns)


def sha256_of(path: Path) -> str | None:
    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def update_ledger(
    ledger: pl.DataFrame, processed: pl.DataFrame, outcomes: pl.DataFrame, run_id: str
) -> pl.DataFrame:
    """The ledger after this run: processed files (rows of ingest.discover) get the hash and
    outcome their batch wrote (OUTCOMES), and this run as their last; the rest stay."""
    rows = (
        processed.select("source_file", "size", "mtime_ns")
        .join(outcomes, on="source_file", how="left")
        .join(ledger.select("source_file", "first_run"), on="source_file", how="left")
        .with_columns(
            pl.col("outcome").fill_null("vanished"),
            pl.col("first_run").fill_null(run_id),
            pl.lit(run_id).alias("last_run"),
        )
    )
    kept = ledger.join(rows, on="source_file", how="anti")
    return pl.concat([kept, rows.select(ledger.columns)]).sort("source_file")
