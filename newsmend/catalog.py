"""A DuckDB database with one view per table, so `duckdb data/clean/catalog.duckdb` opens
straight onto the Parquet. Views read the files at query time: no data is copied."""

from __future__ import annotations

from pathlib import Path

import duckdb

from newsmend.schema import TABLES

CATALOG = "catalog.duckdb"


def write_catalog(out: Path) -> Path:
    """(Re)create the views; returns the database path."""
    path = out / CATALOG
    with duckdb.connect(str(path)) as db:
        for table in TABLES:
            files = (out.resolve() / table / "**" / "*.parquet").as_posix().replace("'", "''")
            db.execute(
                f"CREATE OR REPLACE VIEW {table} AS "
                f"SELECT * FROM read_parquet('{files}', union_by_name = true, hive_partitioning = false)"
            )
    return path
