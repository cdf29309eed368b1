"""`newsmend run` as a user runs it, on the annotated corpus, read back with polars and DuckDB."""

import json
import re
from collections import Counter

import duckdb
import polars as pl
import pytest
from conftest import CORPUS, newsmend, python
from deltalake import DeltaTable

from newsmend.catalog import connect

TABLES = ("articles", "headlines", "quarantine", "runs", "ledger")


@pytest.fixture(scope="module")
def run_output(corpus_run, prefect_api_url):
    """The session's run over the corpus, then a second run with nothing changed."""
    out, raw, first = corpus_run
    tables = {name: pl.read_delta(str(out / name)) for name in TABLES}
    second = newsmend("run", "--raw", str(raw), "--out", str(out), api_url=prefect_api_url)
    return out, first, second, tables


def norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def test_seed_page_matches_its_gold_file_field_by_field(run_output):
    out, *_ = run_output
    gold = json.loads(next(CORPUS.glob("000_*.gold.json")).read_text())
    arts = pl.read_delta(str(out / "articles")).filter(pl.col("source_file") == gold["source_file"])
    assert arts.height == len(gold["articles"])
    for want, got in zip(
        gold["articles"], arts.sort("position").iter_rows(named=True), strict=True
    ):
        assert got["kind"] == want["kind"]
        assert got["title"] == want["title"]
        assert (got["published"].isoformat() if got["published"] else None) == want["published"]
        assert got["outlet"] == want["outlet"]
        assert got["authors"] == want["authors"]
        assert got["editors"] == want["editors"]
        assert got["truncated"] == want["truncated"]
        assert norm(got["body"]).startswith(norm(want["body_first_words"]))
        assert norm(got["body"]).endswith(norm(want["body_last_words"]))
    heads = pl.read_delta(str(out / "headlines")).filter(
        pl.col("source_file") == gold["source_file"]
    )
    got_heads = [
        (h["title"], h["published"].isoformat())
        for h in heads.sort("position").iter_rows(named=True)
    ]
    assert got_heads == [(h["title"], h["published"]) for h in gold["headlines"]]
    text = " ".join(norm(f"{r['title']} {r['body']}") for r in arts.iter_rows(named=True))
    text += " " + " ".join(heads["title"])
    for repair in gold["repairs"]:
        assert norm(repair["after"]) in text and norm(repair["before"]) not in text
    for phrase in gold["must_not_change"]:
        assert phrase in text
    logged = {(r["rule"], r["before"], r["after"]) for rs in arts["repairs"] for r in rs}
    assert {rule for rule, *_ in logged} >= {r["rule"] for r in gold["repairs"]}


def test_every_record_is_in_exactly_one_of_clean_or_quarantine(run_output):
    _, first, _, tables = run_output
    clean_ids = set(tables["articles"]["record_id"]) | set(tables["headlines"]["record_id"])
    quarantined = tables["quarantine"].filter(pl.col("table") != "files")
    assert clean_ids.isdisjoint(set(quarantined["record_id"]))
    assert tables["articles"]["record_id"].is_unique().all()
    run = tables["runs"].row(0, named=True)
    assert run["articles"] == tables["articles"].height
    assert run["headlines"] == tables["headlines"].height
    assert run["quarantined"] == tables["quarantine"].height
    assert f"{run['articles']} articles" in first.stdout


def test_the_run_counts_every_record_s_repairs_and_flags(run_output):
    """The run row's counts cover clean and quarantined records alike."""
    *_, tables = run_output
    records = [
        *tables["articles"].select("repairs", "flags").to_dicts(),
        *tables["headlines"].select("repairs", "flags").to_dicts(),
        *(json.loads(r) for r in tables["quarantine"].filter(pl.col("table") != "files")["record"]),
    ]
    repairs = Counter(repair["rule"] for record in records for repair in record["repairs"])
    flags = Counter(flag for record in records for flag in record["flags"])
    run = tables["runs"].row(0, named=True)
    assert repairs and flags
    counted = [{e["name"]: e["count"] for e in run[column]} for column in ("repairs", "flags")]
    assert counted == [repairs, flags]
    assert tables["runs"].schema["repairs"] == pl.List(
        pl.Struct({"name": pl.String, "count": pl.Int64})
    )


def test_pages_the_gold_expects_to_fail_are_quarantined_with_their_checks(run_output):
    *_, tables = run_output
    expected = {}
    for gold_file in CORPUS.glob("*.gold.json"):
        gold = json.loads(gold_file.read_text())
        for article in gold["articles"]:
            if article.get("expect_fail"):
                expected[gold["source_file"]] = set(article["expect_fail"])
    assert expected, "the corpus annotates pages that must fail"
    quarantine = tables["quarantine"].filter(pl.col("table") == "articles")
    got = {
        row["source_file"]: set(row["failed_checks"]) for row in quarantine.iter_rows(named=True)
    }
    for source_file, checks in expected.items():
        assert checks <= got.get(source_file, set()), source_file
    assert set(got) == set(expected)


def test_duckdb_reads_the_tables_and_the_catalog(run_output):
    out, *_, tables = run_output
    articles = DeltaTable(str(out / "articles")).to_pyarrow_dataset()  # noqa: F841 (for DuckDB)
    count = duckdb.sql("SELECT count(*) FROM articles").fetchall()[0][0]
    assert count == tables["articles"].height
    with connect(out / "catalog.duckdb") as db:
        for name in TABLES:
            rows = pl.read_delta(str(out / name)).height
            assert db.sql(f"SELECT count(*) FROM {name}").fetchall()[0][0] == rows


def test_second_run_with_no_change_processes_nothing_and_changes_nothing(run_output):
    out, _, second, tables = run_output
    assert " 0 files," in second.stdout
    for name in ("articles", "headlines", "quarantine", "ledger"):
        again = pl.read_delta(str(out / name))
        assert sorted(again[again.columns[0]].to_list()) == sorted(
            tables[name][again.columns[0]].to_list()
        )
    assert pl.read_delta(str(out / "runs")).height == 2


def test_bad_argument_gets_one_line(prefect_api_url, tmp_path):
    done = newsmend("run", "--raw", str(tmp_path / "nope"), api_url=prefect_api_url, check=False)
    assert done.returncode == 2
    assert done.stderr.strip() == f"newsmend: error: --raw {tmp_path / 'nope'} is not a folder"


def test_a_run_with_nothing_new_never_loads_great_expectations(corpus_run, prefect_api_url):
    """Most scheduled runs find nothing new: they must not pay for GX (4 s, 280 MB)."""
    out, raw, _ = corpus_run
    run = (
        "import sys; from flows.clean import clean_news; "
        f"clean_news(raw={str(raw)!r}, out={str(out)!r}); "
        "print('great_expectations' in sys.modules)"
    )
    done = python("-c", run, api_url=prefect_api_url)
    assert done.stdout.strip().splitlines()[-1] == "False"
