"""Parquet tables under the output folder, published atomically as one snapshot per run.

Layout of `--out`:

    articles -> .newsmend/current/articles     (a symlink per table, made once)
    headlines, quarantine, runs, ledger  (likewise)
    .newsmend/current -> versions/<run_id>     (the published snapshot)
    .newsmend/versions/<run_id>/<table>/part-*.parquet
    .newsmend/lock

A run writes a whole new snapshot under `versions/<run_id>`: its own parts, plus the previous
snapshot's parts for files it did not reprocess (hard links, so carrying them costs nothing).
Publishing is one atomic `rename` of the `current` symlink, so readers and a killed run only
ever see a complete snapshot; an unpublished snapshot is removed by the next run.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import polars as pl

from newsmend.schema import COUNTS, RUNS, TABLES

META = ".newsmend"
PUBLISHED = ".published"  # marks a complete snapshot
REWRITTEN = ("ledger", "stories")  # tables every run writes whole, never carried over
DATA_DOCS = "gx_docs"  # the GX project under the output folder; its site keeps every run
DOCS_SITE = Path(DATA_DOCS, "gx", "uncommitted", "data_docs", "local_site")  # index.html
PARTITIONED = ("articles", "headlines")  # by month of publication (write_months)
NO_MONTH = "__HIVE_DEFAULT_PARTITION__"  # the month partition of records without a date
KEEP_VERSIONS = 3  # published snapshots kept for readers that are still open on an old one


class StoreBusy(Exception):
    """Another run holds the output folder."""


class Store:
    def __init__(self, out: Path):
        self.out = out
        self.meta = out / META
        self.versions = self.meta / "versions"

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the output folder for one run; a second run at once is refused."""
        self.versions.mkdir(parents=True, exist_ok=True)
        with open(self.meta / "lock", "a+") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.seek(0)
                holder = handle.read().strip() or "another process"
                raise StoreBusy(
                    f"{self.out} is being written by run {holder}; wait for it to finish"
                ) from None
            handle.truncate(0)
            handle.write(f"pid {os.getpid()}")
            handle.flush()
            try:
                yield
            finally:
                handle.truncate(0)

    def current_version(self) -> Path | None:
        link = self.meta / "current"
        return self.meta / os.readlink(link) if link.is_symlink() else None

    def staging(self, run_id: str) -> Path:
        """A fresh snapshot folder for this run (stale, unpublished ones are cleared first)."""
        self._remove_unpublished()
        folder = self.versions / run_id
        for table in TABLES:
            (folder / table).mkdir(parents=True, exist_ok=True)
        return folder

    def read(self, table: str) -> pl.DataFrame:
        """The published rows of one table (empty, with its schema, before the first run)."""
        version = self.current_version()
        files = sorted((version / table).rglob("*.parquet")) if version else []
        if table == "runs" and files:
            return pl.concat([typed_runs(pl.read_parquet(f)) for f in files], how="vertical")
        return _read_parts(files, TABLES[table])

    def carry_over(self, staging: Path, replaced: pl.Series) -> None:
        """Bring the published parts into the new snapshot, minus rows of replaced files.
        Parts an earlier version wrote differently are rewritten as this one writes them:
        runs with JSON counters, articles and headlines not yet in month partitions."""
        version = self.current_version()
        if version is None:
            return
        for part in sorted(version.rglob("*.parquet")):
            target = staging / part.relative_to(version)
            target.parent.mkdir(parents=True, exist_ok=True)
            table = part.relative_to(version).parts[0]
            if table in REWRITTEN:
                continue
            if table == "runs" and pl.read_parquet_schema(part)["repairs"] == pl.String:
                write_parquet(typed_runs(pl.read_parquet(part)), target)
                continue
            if table in PARTITIONED and part.parent == version / table:  # before months
                kept = pl.read_parquet(part).filter(
                    ~pl.col("source_file").is_in(replaced.implode())
                )
                write_months(kept, staging / table, part.name)
                continue
            if table == "runs" or not _holds_any(part, replaced):
                os.link(part, target)
                continue
            kept = pl.read_parquet(part).filter(~pl.col("source_file").is_in(replaced.implode()))
            if kept.height:
                write_parquet(kept, target)

    def publish(self, staging: Path) -> None:
        """Make the staged snapshot the published one, in one atomic rename."""
        (staging / PUBLISHED).touch()
        _fsync_tree(staging)
        tmp = self.meta / "current.tmp"
        tmp.unlink(missing_ok=True)
        tmp.symlink_to(staging.relative_to(self.meta))
        os.replace(tmp, self.meta / "current")
        _fsync_dir(self.meta)
        for table in TABLES:
            link = self.out / table
            if not link.is_symlink():
                link.symlink_to(Path(META) / "current" / table)
        self._prune()

    def _remove_unpublished(self) -> None:
        """Clear snapshots that a killed run left half-written (never marked published)."""
        current = self.current_version()
        for folder in self.versions.iterdir():
            if folder != current and not (folder / PUBLISHED).exists():
                shutil.rmtree(folder, ignore_errors=True)

    def _prune(self) -> None:
        """Keep the newest few published snapshots, for readers still open on an old one."""
        current = self.current_version()
        published = sorted(
            (p for p in self.versions.iterdir() if (p / PUBLISHED).exists() and p != current),
            key=lambda p: p.stat().st_mtime,
        )
        for old in published[: max(0, len(published) - (KEEP_VERSIONS - 1))]:
            shutil.rmtree(old, ignore_errors=True)


def write_parquet(df: pl.DataFrame, path: Path) -> None:
    """Write then rename, so a half-written file never has the final name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    df.write_parquet(tmp, compression="zstd", statistics=True)
    os.replace(tmp, path)


def write_months(df: pl.DataFrame, folder: Path, name: str) -> None:
    """Hive-style partitions by the month of `published`: folder/month=2022-08/name, and
    records without a date under month=__HIVE_DEFAULT_PARTITION__ (which polars and DuckDB
    read as a null month). A batch with no records writes an empty part there, so every
    table always has a part that gives its columns."""
    month = pl.col("published").dt.strftime("%Y-%m").fill_null(NO_MONTH)
    parts = df.with_columns(month.alias("_month")).partition_by("_month", as_dict=True)
    for (value,), rows in sorted(parts.items()) or [((NO_MONTH,), df)]:
        write_parquet(rows.drop("_month", strict=False), folder / f"month={value}" / name)


def typed_runs(runs: pl.DataFrame) -> pl.DataFrame:
    """Rows of runs as this version types them: runs written before the counters were typed
    kept them as JSON objects ({"name": count}), which become {name, count} entries."""
    decoded = [
        pl.col(name).map_elements(
            lambda text: [{"name": k, "count": v} for k, v in json.loads(text).items()],
            return_dtype=COUNTS,
        )
        for name, dtype in RUNS.items()
        if dtype == COUNTS and runs.schema[name] == pl.String
    ]
    return runs.with_columns(decoded).select(list(RUNS))


def take_parts(folder: Path, schema: dict) -> pl.DataFrame:
    """Read a staged folder of parts that is no table of the snapshot, and remove it."""
    df = _read_parts(sorted(folder.glob("*.parquet")), schema)
    shutil.rmtree(folder, ignore_errors=True)
    return df


def _read_parts(files: list[Path], schema: dict) -> pl.DataFrame:
    """The rows of Parquet parts, with the schema's columns (empty, with them, for no part)."""
    if not files:
        return pl.DataFrame(schema=schema)
    return pl.read_parquet(files, hive_partitioning=False).select(list(schema))


def _holds_any(part: Path, source_files: pl.Series) -> bool:
    if source_files.is_empty():
        return False
    column = pl.read_parquet(part, columns=["source_file"])["source_file"]
    return bool(column.is_in(source_files.implode()).any())


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_tree(folder: Path) -> None:
    """Flush the snapshot's files and folders to disk before it is published."""
    for root, _dirs, files in os.walk(folder):
        for name in files:
            fd = os.open(Path(root) / name, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        _fsync_dir(Path(root))
