"""Translation inside real runs: residue translated through deep-translator's HTTP path to a
local server; a failing server sends records to quarantine and the next run retries them; the
API key (from the environment or a Prefect Secret block) reaches the server and nothing else:
no output file, log line, artifact or record of the Prefect server holds it."""

import socket
import sqlite3

import polars as pl
from conftest import CORPUS, newsmend

from newsmend.text import untranslated_spans

PAGES = ["112_*.txt", "113_*.txt", "116_*.txt", "101_*.txt"]  # three with residue, one without
# Recognisable fake keys: if one shows up anywhere, it leaked.
ENV_KEY = "nmk-ENVKEY-7f3a9c1d5e-leak"
BLOCK_KEY = "nmk-BLOCKKEY-2b8e6f0a4c-leak"
BLOCK = "newsmend-test-libre-key"
DEBUG_LOGS = {  # everything Prefect and urllib3 (which logs request URLs) have to say
    "PREFECT_LOGGING_LEVEL": "DEBUG",
    "PREFECT_LOGGING_ROOT_LEVEL": "DEBUG",
    "PREFECT_LOGGING_EXTRA_LOGGERS": "urllib3,newsmend",
}


def stage(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    for pattern in PAGES:
        page = next(CORPUS.glob(pattern))
        (raw / page.name).write_bytes(page.read_bytes())
    return raw, out


def run(raw, out, server_url: str, api_url: str, *args: str, **env: str):
    """`newsmend run` with the libre provider at server_url; env adds variables."""
    settings = {
        "NEWSMEND_TRANSLATION_PROVIDER": "libre",
        "NEWSMEND_TRANSLATION_URL": server_url,
        "NEWSMEND_TRANSLATION_RETRIES": "1",
        "NEWSMEND_TRANSLATION_BACKOFF": "0.05",
    }
    return newsmend(
        "run", "--raw", str(raw), "--out", str(out), *args, api_url=api_url, env=settings | env
    )


def test_failed_translation_is_quarantined_then_retried(
    tmp_path, translation_server, prefect_api_url
):
    raw, out = stage(tmp_path)
    translation_server.mode = "500_always"
    first = run(raw, out, translation_server.url, prefect_api_url)
    assert "translation of" in first.stderr and "HTTP 500" in first.stderr  # logged
    quarantine = pl.read_delta(str(out / "quarantine"))
    failed = quarantine.filter(pl.col("failed_checks").list.contains("translation_ok"))
    assert failed.height >= 3
    ledger = pl.read_delta(str(out / "ledger"))
    retry = set(ledger.filter(pl.col("outcome") == "retry")["source_file"])
    assert retry == set(failed["source_file"]) and "101_fdf45e9f9fd4515f.txt" not in retry

    translation_server.mode = "ok"
    second = run(raw, out, translation_server.url, prefect_api_url)
    assert f" {len(retry)} files," in second.stdout  # only the files to retry
    quarantine = pl.read_delta(str(out / "quarantine"))
    assert not quarantine["failed_checks"].list.contains("translation_ok").any()
    articles = pl.read_delta(str(out / "articles"))
    for text in articles["title"].to_list() + articles["body"].to_list():
        assert untranslated_spans(text or "") == []
    assert "Slender West Lake" in " ".join(articles["body"])
    runs = pl.read_delta(str(out / "runs")).sort("started")
    assert "cache_misses" in {entry["name"] for entry in runs["translation"][-1]}


def closed_port_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}/"


def output_texts(out) -> dict[str, bytes]:
    """Every file under out as raw bytes, plus the decoded contents of what is stored
    compressed or structured: Parquet rows (zstd) and the SQLite cache's rows."""
    texts = {}
    for path in sorted(out.rglob("*")):
        if path.is_file() and not path.is_symlink():
            texts[str(path)] = path.read_bytes()
            if path.suffix == ".parquet":
                rows = pl.read_parquet(path).write_ndjson()
                texts[f"{path} (rows)"] = rows.encode()
            elif path.suffix == ".sqlite":
                with sqlite3.connect(path) as db:
                    texts[f"{path} (rows)"] = "\n".join(db.iterdump()).encode()
    return texts


def server_records() -> str:
    """Logs, artifacts, flow and task runs (with their parameters) of the Prefect server."""
    from prefect.client.orchestration import get_client

    parts = []
    with get_client(sync_client=True) as client:
        for read in (client.read_logs, client.read_artifacts, client.read_task_runs):
            offset = 0
            while batch := read(limit=200, offset=offset):
                parts += [item.model_dump_json() for item in batch]
                offset += len(batch)
        parts += [run.model_dump_json() for run in client.read_flow_runs(limit=200)]
    return "\n".join(parts)


def test_api_key_reaches_the_server_and_nothing_else(tmp_path, translation_server, prefect_api_url):
    """Three runs with every kind of failure, DEBUG logs on: the key from a Prefect Secret
    block (no retries: the requests get a 429, a 500, a late or a right answer, in turn, so
    each failure is logged), then from the environment against a closed port, then against a
    working server (fills the cache)."""
    from prefect.blocks.system import Secret

    Secret(value=BLOCK_KEY).save(BLOCK, overwrite=True)
    raw, out = stage(tmp_path)
    translation_server.mode, translation_server.delay = "mixed", 1.0
    block_env = {"NEWSMEND_TRANSLATION_API_KEY_BLOCK": BLOCK, "NEWSMEND_LIBRE_API_KEY": ""}
    logs = [
        run(raw, out, translation_server.url, prefect_api_url, **block_env, **DEBUG_LOGS,
            NEWSMEND_TRANSLATION_TIMEOUT="0.3", NEWSMEND_TRANSLATION_RETRIES="0"),
        run(raw, out, closed_port_url(), prefect_api_url, "--full",
            NEWSMEND_LIBRE_API_KEY=ENV_KEY, **DEBUG_LOGS),
    ]  # fmt: skip
    assert {request["api_key"] for request in translation_server.requests} == {BLOCK_KEY}
    assert len(translation_server.requests) >= 3  # a 429, a 500 and a late answer
    translation_server.mode = "ok"
    logs.append(
        run(raw, out, translation_server.url, prefect_api_url, NEWSMEND_LIBRE_API_KEY=ENV_KEY)
    )
    assert translation_server.requests[-1]["api_key"] == ENV_KEY

    log_text = "\n".join(done.stdout + done.stderr for done in logs)
    for failure in ("HTTP 429", "HTTP 500", "no answer within 0.3 s", "connection failed"):
        assert failure in log_text, failure  # the errors were logged ...
    assert "api_key=***" in log_text  # ... and so were the request URLs, redacted
    searched = output_texts(out) | {"logs": log_text.encode(), "prefect": server_records().encode()}
    assert any(name.endswith("translation_cache.sqlite") for name in searched)
    assert any("gx_docs" in name for name in searched) and any(
        name.endswith("catalog.duckdb") for name in searched
    )
    for key in (ENV_KEY, BLOCK_KEY):
        leaks = [name for name, data in searched.items() if key.encode() in data]
        assert leaks == [], f"{key} found in {leaks}"
