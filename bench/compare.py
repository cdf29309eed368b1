"""Whether two runs' outputs are the same row for row: every table of both published
snapshots read with polars, sorted by key, the run's own values (run ids, times) left out.

    .venv/bin/python bench/compare.py OUT_A OUT_B    # exit status 1 if any table differs
"""

from __future__ import annotations

import sys
from pathlib import Path

import polars as pl

TABLES = ("articles", "headlines", "quarantine", "stories", "links")
VOLATILE = {"run_id", "processed_at", "first_seen", "last_seen", "started", "finished", "seconds"}


def table(out: Path, name: str) -> pl.DataFrame:
    files = sorted((out / name).rglob("*.parquet"))
    frame = pl.concat(
        [pl.read_parquet(f, hive_partitioning=False) for f in files], how="vertical_relaxed"
    )
    if "record" in frame.columns:  # a quarantined record as JSON: its run_id is the run's
        frame = frame.with_columns(pl.col("record").str.replace(r'"run_id": ?"[^"]*"', ""))
    keep = [c for c in frame.columns if c not in VOLATILE and not c.endswith("_at")]
    key = [c for c in ("record_id", "story_id", "source_file") if c in keep] or keep[:1]
    return frame.select(keep).sort(key)


def main() -> None:
    a, b = map(Path, sys.argv[1:3])
    differ = []
    for name in TABLES:
        left, right = table(a, name), table(b, name)
        same = left.equals(right)
        print(f"{name:<11} rows {left.height:>7,} and {right.height:>7,}  identical: {same}")
        differ += [] if same else [name]
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
