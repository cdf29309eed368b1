"""Translation inside a real run: residue translated through deep-translator's HTTP path to a
local server; a failing server sends records to quarantine, and the next run retries them."""

import os
import shutil
import subprocess
import sys

import polars as pl
from conftest import CORPUS

from newsmend.text import untranslated_spans

PAGES = ["112_*.txt", "113_*.txt", "116_*.txt", "101_*.txt"]  # three with residue, one without


def run(raw, out, server_url: str, api_url: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "PREFECT_API_URL": api_url,
        "NEWSMEND_TRANSLATION_PROVIDER": "libre",
        "NEWSMEND_TRANSLATION_URL": server_url,
        "NEWSMEND_TRANSLATION_RETRIES": "1",
        "NEWSMEND_TRANSLATION_BACKOFF": "0.05",
    }
    cmd = [sys.executable, "-m", "newsmend.cli", "run", "--raw", str(raw), "--out", str(out)]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return done


def test_failed_translation_is_quarantined_then_retried(
    tmp_path, translation_server, prefect_api_url
):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    for pattern in PAGES:
        page = next(CORPUS.glob(pattern))
        shutil.copy(page, raw / page.name)

    translation_server.mode = "500_always"
    run(raw, out, translation_server.url, prefect_api_url)
    quarantine = pl.read_parquet(out / "quarantine" / "*.parquet")
    failed = quarantine.filter(pl.col("failed_checks").list.contains("translation_ok"))
    assert failed.height >= 3
    ledger = pl.read_parquet(out / "ledger" / "*.parquet")
    retry = set(ledger.filter(pl.col("outcome") == "retry")["source_file"])
    assert retry == set(failed["source_file"]) and "101_fdf45e9f9fd4515f.txt" not in retry

    translation_server.mode = "ok"
    second = run(raw, out, translation_server.url, prefect_api_url)
    assert f" {len(retry)} files," in second.stdout  # only the files to retry
    quarantine = pl.read_parquet(out / "quarantine" / "*.parquet")
    assert not quarantine["failed_checks"].list.contains("translation_ok").any()
    articles = pl.read_parquet(out / "articles" / "*.parquet")
    for text in articles["title"].to_list() + articles["body"].to_list():
        assert untranslated_spans(text or "") == []
    assert "Slender West Lake" in " ".join(articles["body"])
    runs = pl.read_parquet(out / "runs" / "*.parquet").sort("started")
    assert '"cache_misses"' in runs["translation"][-1]
