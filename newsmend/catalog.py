"""A DuckDB database with one view per table, so DuckDB opens straight onto the Parquet.
Views read the files at query time: no data is copied. Each view names the Parquet parts of
its Delta table's current version (DuckDB's own Delta reader is an extension it downloads,
which an offline machine cannot), and the run rewrites the views when it publishes.

The views name their files relative to the output folder (`articles/month=.../part-*`), so the
folder can be moved or copied anywhere: DuckDB finds them from a session whose working
folder is the output folder (`cd data/clean && duckdb catalog.duckdb`) or whose
`file_search_path` names it (`SET file_search_path = 'data/clean'`)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from newsmend.schema import TABLES
from newsmend.store import PARTITIONED, Store

CATALOG = "catalog.duckdb"


def write_catalog(out: Path) -> Path:
    """(Re)create the views; returns the database path."""
    path = Path(out) / CATALOG
    store = Store(out)
    with duckdb.connect(str(path)) as db:
        db.execute("SET file_search_path = ?", [str(Path(out).resolve())])  # this session only
        for table in TABLES:
            hive = "true" if table in PARTITIONED else "false"
            prefix = store.uri(table) + "/"
            files = [f"{table}/{file.removeprefix(prefix)}" for file in store.files(table)]
            db.execute(
                f"CREATE OR REPLACE VIEW {table} AS SELECT * FROM read_parquet("
                f"{files!r}, union_by_name = true, hive_partitioning = {hive})"
            )
    return path


def connect(path: Path, read_only: bool = True) -> duckdb.DuckDBPyConnection:
    """The catalog at `path`, wherever its folder now is, ready to query its views."""
    db = duckdb.connect(str(path), read_only=read_only)
    db.execute("SET file_search_path = ?", [str(path.parent.resolve())])
    return db
