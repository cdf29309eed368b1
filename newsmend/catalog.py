"""A DuckDB database with one view per table, so DuckDB opens straight onto the Parquet.
Views read the files at query time: no data is copied.

The views name their files relative to the output folder (`articles/**/*.parquet`), so the
folder can be moved or copied anywhere: DuckDB finds them from a session whose working
folder is the output folder (`cd data/clean && duckdb catalog.duckdb`) or whose
`file_search_path` names it (`SET file_search_path = 'data/clean'`)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from newsmend.schema import TABLES
from newsmend.store import PARTITIONED

CATALOG = "catalog.duckdb"


def write_catalog(out: Path) -> Path:
    """(Re)create the views; returns the database path."""
    path = out / CATALOG
    with duckdb.connect(str(path)) as db:
        db.execute("SET file_search_path = ?", [str(out.resolve())])  # this session only
        for table in TABLES:
            hive = "true" if table in PARTITIONED else "false"
            db.execute(
                f"CREATE OR REPLACE VIEW {table} AS SELECT * FROM read_parquet("
                f"'{table}/**/*.parquet', union_by_name = true, hive_partitioning = {hive})"
            )
    return path


def connect(path: Path, read_only: bool = True) -> duckdb.DuckDBPyConnection:
    """The catalog at `path`, wherever its folder now is, ready to query its views."""
    db = duckdb.connect(str(path), read_only=read_only)
    db.execute("SET file_search_path = ?", [str(path.parent.resolve())])
    return db
