"""The Delta store: one commit per table and run, carry-over of unchanged files, time travel,
one writer at a time."""

import duckdb
import polars as pl
import pytest
from deltalake import DeltaTable

from newsmend.schema import ARTICLES, frame
from newsmend.store import RUN_ID_KEY, Store, StoreBusy, StoreError, write_months


def article(record_id: str, source_file: str) -> dict:
    return {
        "record_id": record_id,
        "source_file": source_file,
        "kind": "article",
        "title": record_id,
    }


def stage_and_publish(store: Store, run_id: str, rows: list[dict], replaced: set[str]) -> None:
    draft = store.draft(run_id)
    write_months(frame(rows, ARTICLES), store.root / "articles", f"part-{run_id}-00000.parquet")
    draft.take_batches()
    draft.carry_over(pl.Series(sorted(replaced), dtype=pl.String))
    draft.publish()


def test_publish_makes_tables_readable_by_polars_and_duckdb(tmp_path):
    store = Store(tmp_path)
    with store.locked():
        stage_and_publish(
            store, "r1", [article("a", "x.txt"), article("b", "y.txt")], {"x.txt", "y.txt"}
        )
    assert sorted(store.read("articles")["record_id"]) == ["a", "b"]
    assert pl.read_delta(str(tmp_path / "articles")).height == 2
    articles = DeltaTable(str(tmp_path / "articles")).to_pyarrow_dataset()  # noqa: F841
    assert duckdb.sql("select count(*) from articles").fetchall()[0][0] == 2


def test_carry_over_replaces_rows_of_reprocessed_files_only(tmp_path):
    store = Store(tmp_path)
    with store.locked():
        stage_and_publish(
            store, "r1", [article("a", "x.txt"), article("b", "y.txt")], {"x.txt", "y.txt"}
        )
        stage_and_publish(store, "r2", [article("a2", "x.txt")], {"x.txt"})
    assert sorted(store.read("articles")["record_id"]) == ["a2", "b"]


def test_every_run_is_a_version_readers_can_travel_back_to(tmp_path):
    store = Store(tmp_path)
    with store.locked():
        stage_and_publish(store, "r1", [article("a", "x.txt")], {"x.txt"})
        stage_and_publish(store, "r2", [article("a2", "x.txt")], {"x.txt"})
    table = str(tmp_path / "articles")
    assert pl.read_delta(table, version=0)["record_id"].to_list() == ["a"]
    assert pl.read_delta(table)["record_id"].to_list() == ["a2"]
    assert [v[RUN_ID_KEY] for v in DeltaTable(table).history()] == ["r2", "r1"]


def test_unpublished_parts_are_invisible_and_their_staging_cleared_by_next_run(tmp_path):
    store = Store(tmp_path)
    with store.locked():
        stage_and_publish(store, "r1", [article("a", "x.txt")], {"x.txt"})
        crashed = store.draft("r2")  # a run that dies before publishing
        write_months(
            frame([article("zzz", "x.txt")], ARTICLES), store.root / "articles", "part-r2-0.parquet"
        )
        (crashed.staging / "validation").mkdir(parents=True)
    assert store.read("articles")["record_id"].to_list() == ["a"]
    assert pl.read_delta(str(tmp_path / "articles"))["record_id"].to_list() == ["a"]
    with store.locked():
        store.draft("r3")
    assert not crashed.staging.exists()


def test_second_writer_is_refused(tmp_path):
    store = Store(tmp_path)
    second = Store(tmp_path)
    with store.locked(), pytest.raises(StoreBusy, match="wait for it to finish"), second.locked():
        pass


def test_an_output_of_the_symlinked_snapshots_is_not_written_over(tmp_path):
    (tmp_path / ".newsmend" / "versions").mkdir(parents=True)
    with pytest.raises(StoreError, match="before Delta Lake"), Store(tmp_path).locked():
        pass
