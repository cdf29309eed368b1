"""The ledger of every raw file seen, which decides what a run must (re)process.

A file is processed when it is new, when its content changed (size and mtime first, SHA-256
to be sure), when its last outcome asks for a retry (a translation that failed), or always
with `--full`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from newsmend.ingest import relative_name

RETRY = "retry"  # outcome of a file whose records should be tried again next run


@dataclass(frozen=True)
class FileState:
    source_file: str
    path: Path
    size: int
    mtime_ns: int


def stat_files(paths: list[Path], raw_dir: Path) -> list[FileState]:
    """Size and modification time of each file (-1 for one that vanished: reading it will say so)."""
    states = []
    for path in paths:
        try:
            stat = path.stat()
            size, mtime_ns = stat.st_size, stat.st_mtime_ns
        except OSError:
            size, mtime_ns = -1, -1
        states.append(FileState(relative_name(path, raw_dir), path, size, mtime_ns))
    return states


def files_to_process(states: list[FileState], ledger: pl.DataFrame, full: bool) -> list[FileState]:
    """The files whose content is new or changed since the ledger saw them."""
    if full or ledger.is_empty():
        return states
    known = {row["source_file"]: row for row in ledger.iter_rows(named=True)}
    todo = []
    for state in states:
        seen = known.get(state.source_file)
        if (
            seen is None
            or seen["outcome"] == RETRY
            or _stat_changed(seen, state)
            and sha256_of(state.path) != seen["sha256"]
        ):
            todo.append(state)
    return todo


def _stat_changed(seen: dict, state: FileState) -> bool:
    return (seen["size"], seen["mtime_ns"]) != (state.size, state.mtime_ns)


def sha256_of(path: Path) -> str | None:
    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def update_ledger(
    ledger: pl.DataFrame,
    processed: list[FileState],
    outcomes: dict[str, tuple[str | None, str]],
    run_id: str,
    schema: dict,
) -> pl.DataFrame:
    """The ledger after this run: processed files get their new hash, outcome and last run."""
    previous = {row["source_file"]: row for row in ledger.iter_rows(named=True)}
    for state in processed:
        sha, outcome = outcomes.get(state.source_file, (None, "vanished"))
        first = previous.get(state.source_file, {}).get("first_run") or run_id
        previous[state.source_file] = {
            "source_file": state.source_file,
            "size": state.size,
            "mtime_ns": state.mtime_ns,
            "sha256": sha,
            "first_run": first,
            "last_run": run_id,
            "outcome": outcome,
        }
    rows = [previous[name] for name in sorted(previous)]
    return pl.DataFrame(rows, schema=schema) if rows else pl.DataFrame(schema=schema)
