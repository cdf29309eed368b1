"""The snapshot store: atomic publish, carry-over of unchanged files, one writer at a time."""

from datetime import date

import duckdb
import polars as pl
import pytest

from newsmend.schema import ARTICLES, RUNS, frame
from newsmend.store import Store, StoreBusy, write_months, write_parquet


def article(record_id: str, source_file: str) -> dict:
    return {
        "record_id": record_id,
        "source_file": source_file,
        "kind": "article",
        "title": record_id,
    }


def stage_and_publish(store: Store, run_id: str, rows: list[dict], replaced: set[str]) -> None:
    staging = store.staging(run_id)
    write_months(frame(rows, ARTICLES), staging / "articles", f"part-{run_id}.parquet")
    store.carry_over(staging, pl.Series(sorted(replaced), dtype=pl.String))
    store.publish(staging)


def test_publish_makes_tables_readable_by_polars_and_duckdb(tmp_path):
    store = Store(tmp_path)
    with store.locked():
        stage_and_publish(
            store, "r1", [article("a", "x.txt"), article("b", "y.txt")], {"x.txt", "y.txt"}
        )
    assert sorted(store.read("articles")["record_id"]) == ["a", "b"]
    assert pl.read_parquet(tmp_path / "articles" / "**/*.parquet").height == 2
    got = duckdb.sql(f"select count(*) from '{tmp_path}/articles/**/*.parquet'").fetchall()[0][0]
    assert got == 2


def test_carry_over_replaces_rows_of_reprocessed_files_only(tmp_path):
    store = Store(tmp_path)
    with store.locked():
        stage_and_publish(
            store, "r1", [article("a", "x.txt"), article("b", "y.txt")], {"x.txt", "y.txt"}
        )
        stage_and_publish(store, "r2", [article("a2", "x.txt")], {"x.txt"})
    assert sorted(store.read("articles")["record_id"]) == ["a2", "b"]


def test_unpublished_snapshot_is_invisible_and_cleared_by_next_run(tmp_path):
    store = Store(tmp_path)
    with store.locked():
        stage_and_publish(store, "r1", [article("a", "x.txt")], {"x.txt"})
        crashed = store.staging("r2")  # a run that dies before publishing
        write_parquet(
            frame([article("zzz", "x.txt")], ARTICLES), crashed / "articles" / "p.parquet"
        )
    assert store.read("articles")["record_id"].to_list() == ["a"]
    with store.locked():
        store.staging("r3")
    assert not crashed.exists()


def test_second_writer_is_refused(tmp_path):
    store = Store(tmp_path)
    second = Store(tmp_path)
    with store.locked(), pytest.raises(StoreBusy, match="wait for it to finish"), second.locked():
        pass


def test_old_snapshots_are_pruned(tmp_path):
    store = Store(tmp_path)
    with store.locked():
        for n in range(6):
            stage_and_publish(store, f"r{n}", [article(f"a{n}", "x.txt")], {"x.txt"})
    assert len(list(store.versions.iterdir())) == 3
    assert store.read("articles")["record_id"].to_list() == ["a5"]


def test_a_snapshot_of_the_earlier_layout_is_upgraded_when_carried_over(tmp_path):
    """Before month partitions and typed counters: flat articles parts, runs counting in
    JSON. The next run rewrites them as it writes its own."""
    store = Store(tmp_path)
    old = {**{name: None for name in RUNS}, "run_id": "r0", "alerts": []}
    old.update(failed_checks='{"dates_parse": 2}', repairs='{"mojibake": 3}', flags="{}")
    old["translation"] = "{}"
    old_runs = pl.DataFrame(
        [old],
        schema={
            **RUNS,
            **dict.fromkeys(("failed_checks", "repairs", "flags", "translation"), pl.String),
        },
    )
    with store.locked():
        staging = store.staging("r0")
        rows = [article("a", "x.txt"), {**article("b", "y.txt"), "published": date(2022, 8, 3)}]
        write_parquet(frame(rows, ARTICLES), staging / "articles" / "part-r0.parquet")
        write_parquet(old_runs, staging / "runs" / "part-r0.parquet")
        store.publish(staging)
        assert store.read("runs")["repairs"].to_list() == [[{"name": "mojibake", "count": 3}]]
        stage_and_publish(store, "r1", [article("c", "z.txt")], {"z.txt"})
    folders = sorted(p.name for p in (tmp_path / "articles").iterdir())
    assert folders == ["month=2022-08", "month=__HIVE_DEFAULT_PARTITION__"]
    assert sorted(store.read("articles")["record_id"]) == ["a", "b", "c"]
    runs = pl.read_parquet(tmp_path / "runs" / "*.parquet")
    assert runs.schema["failed_checks"] == RUNS["failed_checks"]
    assert runs["failed_checks"].to_list() == [[{"name": "dates_parse", "count": 2}]]
