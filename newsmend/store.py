"""The output's tables as Delta Lake tables, in a local folder or on object storage alike.

Layout of `--out` (a folder, or a URL such as s3://bucket/prefix):

    articles/_delta_log/...                             one Delta table per table in TABLES
    articles/month=2022-08/part-<run_id>-00001.parquet  (articles and headlines by month)
    quarantine/part-<run_id>-00001.parquet   (likewise runs, ledger, links, stories, story_keys)
    _staging/<run_id>/                       a run's working files (GX results, file outcomes)
    _lock                                    held by the run that writes

Batches write their Parquet parts straight into the table folders, where no reader sees
them: a Delta table is the files its log names. Publishing commits one Delta version per
table, adding this run's parts and removing the parts of reprocessed files (their other rows
rewritten into a new part), so readers and a run killed at any point see each table at its
last committed version, and earlier versions stay readable (time travel) until vacuumed.
The ledger commits last: a run killed before it is redone by the next run, which replaces
the rows a half-published run left (they belong to files the ledger calls new).

Local folders and URLs take the same code path (newsmend.locations), a run on a laptop as
much as one on a Dask cluster over S3.
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote

import polars as pl
import pyarrow as pa
from deltalake import DeltaTable, Schema
from deltalake.transaction import (
    AddAction,
    CommitProperties,
    RemoveAction,
    create_table_with_add_actions,
)
from upath import UPath

from newsmend.locations import is_remote, location, storage_options
from newsmend.schema import TABLES

STAGING = "_staging"  # a run's working files, under the output
LOCK = "_lock"
REWRITTEN = ("ledger", "stories")  # tables every run writes whole, never carried over
DATA_DOCS = "gx_docs"  # the GX project under the output folder; its site keeps every run
DOCS_SITE = Path(DATA_DOCS, "gx", "uncommitted", "data_docs", "local_site")  # index.html
PARTITIONED = ("articles", "headlines")  # by month of publication (write_months)
MONTH = "month"  # the partition column Delta readers add to articles and headlines
NO_MONTH = "__HIVE_DEFAULT_PARTITION__"  # the month partition of records without a date
# Committed last, in this order: a run killed before the ledger's commit is redone whole.
COMMIT_ORDER = (
    "articles",
    "headlines",
    "quarantine",
    "story_keys",
    "links",
    "stories",
    "runs",
    "ledger",
)
KEEP_HOURS = 24 * 7  # files of replaced versions stay this long, for time travel and readers
RUN_ID_KEY = "newsmend.run_id"  # in each commit's metadata: which run wrote the version
HEARTBEAT = 20.0  # seconds between refreshes of a remote lock
LOCK_STALE = 3 * HEARTBEAT  # a remote lock not refreshed this long was left by a killed run


class StoreError(Exception):
    """The output cannot be written; the message says why."""


class StoreBusy(StoreError):
    """Another run holds the output."""


class Store:
    def __init__(self, out: str | os.PathLike):
        self.root = location(out) if is_remote(out) else location(os.path.abspath(out))
        self.options = storage_options(out)

    def uri(self, table: str) -> str:
        return str(self.root / table)

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the output for one run; a second run at once is refused."""
        if is_remote(self.root):
            with _remote_lock(self.root / LOCK):
                yield
            return
        if (self.root / ".newsmend").is_dir():
            raise StoreError(
                f"{self.root} holds tables of newsmend before Delta Lake (.newsmend/ snapshots): "
                "move it aside, or run into a new --out with --full"
            )
        Path(self.root).mkdir(parents=True, exist_ok=True)
        with open(Path(self.root) / LOCK, "a+") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.seek(0)
                holder = handle.read().strip() or "another process"
                raise StoreBusy(
                    f"{self.root} is being written by run {holder}; wait for it to finish"
                ) from None
            handle.truncate(0)
            handle.write(f"pid {os.getpid()}")
            handle.flush()
            try:
                yield
            finally:
                handle.truncate(0)

    def table(self, table: str) -> DeltaTable | None:
        """The published Delta table, or None before its first commit."""
        uri = self.uri(table)
        if not DeltaTable.is_deltatable(uri, storage_options=self.options):
            return None
        return DeltaTable(uri, storage_options=self.options)

    def files(self, table: str) -> list[str]:
        """The published Parquet parts of one table (paths or URLs)."""
        delta = self.table(table)
        return [f"{self.uri(table)}/{relative}" for relative in _actions(delta)] if delta else []

    def read(self, table: str) -> pl.DataFrame:
        """The published rows of one table (empty, with its schema, before the first run)."""
        return read_parts(self.files(table), TABLES[table])

    def draft(self, run_id: str) -> Draft:
        """The next version of every table, to build during the run and publish at its end.
        The staging folder of a run that was killed is cleared first."""
        staging = self.root / STAGING
        if staging.exists():
            for folder in staging.iterdir():
                _remove_tree(folder)
        return Draft(self, run_id)

    def vacuum(self) -> None:
        """Remove files no version of the last KEEP_HOURS names: parts of old versions, and
        parts a killed run wrote but never committed."""
        for table in TABLES:
            delta = self.table(table)
            if delta is not None:
                delta.vacuum(retention_hours=KEEP_HOURS, dry_run=False)


class Draft:
    """A run's next version of every table: the published parts it keeps, the parts it
    drops, and the parts it adds (its batches' and the ones it rewrites)."""

    def __init__(self, store: Store, run_id: str):
        self.store = store
        self.run_id = run_id
        self.staging = store.root / STAGING / run_id
        self.kept: dict[str, dict[str, str]] = {}  # table -> {relative path: full path}
        self.published: dict[str, dict[str, dict]] = {}  # table -> {relative path: action}
        self.removed: dict[str, dict[str, dict]] = {table: {} for table in TABLES}
        self.added: dict[str, list[str]] = {table: [] for table in TABLES}
        for table in TABLES:
            delta = store.table(table)
            self.published[table] = _actions(delta) if delta else {}
            self.kept[table] = {
                relative: f"{store.uri(table)}/{relative}" for relative in self.published[table]
            }

    def files(self, table: str) -> list[str]:
        """The parts of the table as this run will publish it, so far."""
        return [*self.kept[table].values(), *self.added[table]]

    def new_parts(self, table: str) -> list[str]:
        """The parts this run's batches wrote to a table (named part-<run_id>-<batch>)."""
        folder = _fresh(self.store.root / table)
        if not folder.exists():
            return []
        return sorted(str(p) for p in folder.rglob(f"part-{self.run_id}-*.parquet"))

    def take_batches(self) -> None:
        """Add the parts the batches wrote, once they are all done."""
        for table in TABLES:
            self.added[table].extend(self.new_parts(table))

    def add(self, table: str, df: pl.DataFrame, name: str) -> str:
        """Write a part of this run to a table (never under the name of a published part)."""
        path = str(self.store.root / table / name)
        write_parquet(df, path)
        self.added[table].append(path)
        return path

    def drop(self, table: str, path: str) -> None:
        """Leave a published part out of the next version."""
        for relative, full in list(self.kept[table].items()):
            if full == path:
                del self.kept[table][relative]
                self.removed[table][relative] = self.published[table][relative]
                return
        self.added[table].remove(path)

    def replace(self, table: str, df: pl.DataFrame, name: str) -> None:
        """The whole table as one part: every published part is dropped."""
        for path in list(self.kept[table].values()):
            self.drop(table, path)
        self.add(table, df, name)

    def carry_over(self, replaced: pl.Series) -> None:
        """Keep the published parts, minus the rows of reprocessed files: a part holding
        some is dropped, and its other rows written as a new part of this run."""
        if replaced.is_empty():
            return
        for table in TABLES:
            if table in REWRITTEN or table == "runs":
                continue
            for number, path in enumerate(list(self.kept[table].values())):
                if not _holds_any(path, replaced, self.store.options):
                    continue
                kept = read_parts([path], None).filter(
                    ~pl.col("source_file").is_in(replaced.implode())
                )
                self.drop(table, path)
                if kept.height:
                    folder = UPath(path).parent.name if table in PARTITIONED else None
                    name = f"kept-{self.run_id}-{number:05d}.parquet"
                    self.add(table, kept, f"{folder}/{name}" if folder else name)

    def publish(self) -> None:
        """Commit one Delta version per table, the ledger last (see the module's note)."""
        properties = CommitProperties(custom_metadata={RUN_ID_KEY: self.run_id})
        for table in COMMIT_ORDER:
            adds = [self._add_action(table, path) for path in self.added[table]]
            removes = [
                RemoveAction(
                    path=relative,
                    data_change=True,
                    deletion_timestamp=int(time.time() * 1000),
                    size=action["size"],
                    partition_values=action["partition_values"],
                )
                for relative, action in self.removed[table].items()
            ]
            delta = self.store.table(table)
            partitions = [MONTH] if table in PARTITIONED else None
            if delta is None:
                create_table_with_add_actions(
                    self.store.uri(table),
                    _delta_schema(table),
                    adds,
                    mode="error",
                    partition_by=partitions,
                    storage_options=self.store.options,
                    commit_properties=properties,
                )
            else:
                delta.create_write_transaction(
                    [*adds, *removes],
                    mode="append",
                    schema=_delta_schema(table),
                    partition_by=partitions,
                    commit_properties=properties,
                )
        _remove_tree(self.staging)

    def _add_action(self, table: str, path: str) -> AddAction:
        relative = path.removeprefix(self.store.uri(table).rstrip("/") + "/")
        info = _fresh(UPath(path)).stat()
        partition = {}
        if table in PARTITIONED:
            month = relative.split("/", 1)[0].removeprefix(f"{MONTH}=")
            partition = {MONTH: None if month == NO_MONTH else month}
        return AddAction(
            path=relative,
            size=info.st_size,
            partition_values=partition,
            modification_time=int(info.st_mtime * 1000),
            data_change=True,
            stats=json.dumps({"numRecords": _rows(path, self.store.options)}),
        )


def write_parquet(df: pl.DataFrame, path: str | os.PathLike) -> None:
    """One Parquet file, in a folder or on object storage; it is part of a table only once
    a Delta commit names it, so a half-written file is never read."""
    target = location(path)
    if not is_remote(target):
        Path(target).parent.mkdir(parents=True, exist_ok=True)
    df.write_parquet(
        str(target),
        compression="zstd",
        statistics=True,
        storage_options=storage_options(target) or None,
    )


def write_months(df: pl.DataFrame, folder: str | os.PathLike, name: str) -> None:
    """Hive-style partitions by the month of `published`: folder/month=2022-08/name, and
    records without a date under month=__HIVE_DEFAULT_PARTITION__ (Delta's null partition).
    A batch with no records writes an empty part there, so every batch's part gives the
    table's columns."""
    folder = location(folder)
    month = pl.col("published").dt.strftime("%Y-%m").fill_null(NO_MONTH)
    parts = df.with_columns(month.alias("_month")).partition_by("_month", as_dict=True)
    for (value,), rows in sorted(parts.items()) or [((NO_MONTH,), df)]:
        write_parquet(rows.drop("_month", strict=False), folder / f"{MONTH}={value}" / name)


def read_parts(files: list[str], schema: dict | None) -> pl.DataFrame:
    """The rows of Parquet parts, with the schema's columns (empty, with them, for no part)."""
    if not files:
        return pl.DataFrame(schema=schema)
    df = pl.read_parquet(
        files, hive_partitioning=False, storage_options=storage_options(files[0]) or None
    )
    return df.select(list(schema)) if schema else df


def take_parts(folder: UPath, schema: dict) -> pl.DataFrame:
    """Read a staged folder of parts that is no table, and remove it."""
    files = sorted(str(p) for p in folder.glob("*.parquet")) if _fresh(folder).exists() else []
    df = read_parts(files, schema)
    _remove_tree(folder)
    return df


def _delta_schema(table: str) -> Schema:
    """The table's columns as Delta declares them (with the month partition column; Delta
    has no unsigned integers: readers of the log see story_keys' hashes as signed)."""
    schema = pl.DataFrame(schema=TABLES[table]).to_arrow().schema
    if table in PARTITIONED:
        schema = schema.append(pa.field(MONTH, pa.string()))
    return Schema.from_arrow(schema)


def _actions(delta: DeltaTable) -> dict[str, dict]:
    """The published parts' sizes and partition values, for their RemoveActions."""
    actions = pa.table(delta.get_add_actions(flatten=True))
    paths = actions.column("path").to_pylist()
    sizes = actions.column("size_bytes").to_pylist()
    months = (
        actions.column(f"partition.{MONTH}").to_pylist()
        if f"partition.{MONTH}" in actions.column_names
        else [None] * len(paths)
    )
    partitioned = f"partition.{MONTH}" in actions.column_names
    return {
        unquote(path): {
            "size": size,
            "partition_values": {MONTH: month} if partitioned else {},
        }
        for path, size, month in zip(paths, sizes, months, strict=True)
    }


def _rows(part: str, options: dict) -> int:
    return pl.scan_parquet(part, storage_options=options or None).select(pl.len()).collect().item()


def _holds_any(part: str, source_files: pl.Series, options: dict) -> bool:
    column = pl.read_parquet(part, columns=["source_file"], storage_options=options or None)
    return bool(column["source_file"].is_in(source_files.implode()).any())


def _fresh(path: UPath) -> UPath:
    """The path, with what fsspec remembers of its listings forgotten: other processes (the
    workers) and other writers (deltalake, polars) have added files since."""
    path.fs.invalidate_cache()
    return path


def _remove_tree(folder: UPath) -> None:
    if folder.exists():
        folder.fs.rm(folder.path, recursive=True)


def _gone(holder: str) -> bool:
    """The holder ("pid N on host") is a process of this machine that no longer runs."""
    pid, _, host = holder.removeprefix("pid ").partition(" on ")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


@contextmanager
def _remote_lock(path: UPath) -> Iterator[None]:
    """A lock object created only if absent (S3's conditional put), refreshed every
    HEARTBEAT seconds. One not refreshed for LOCK_STALE, or held by a process of this machine
    that is gone, was left by a killed run and is taken over."""
    holder = f"pid {os.getpid()} on {socket.gethostname()}"
    try:
        with path.open("xb") as handle:
            handle.write(holder.encode())
    except FileExistsError:
        other = path.read_text().strip()
        if time.time() - path.stat().st_mtime < LOCK_STALE and not _gone(other):
            raise StoreBusy(
                f"{path.parent} is being written by run {other}; wait for it to finish"
            ) from None
        path.write_text(holder)
    stop = threading.Event()

    def beat() -> None:
        while not stop.wait(HEARTBEAT):
            path.write_text(holder)

    beating = threading.Thread(target=beat, daemon=True)
    beating.start()
    try:
        yield
    finally:
        stop.set()
        beating.join()
        path.unlink(missing_ok=True)
