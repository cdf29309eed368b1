"""Raw pages and tables on object storage: a real S3-compatible server on 127.0.0.1 (moto's
server mode), batches on a Dask cluster of two worker processes, and a run killed with
SIGKILL while it publishes. The tables on S3 equal a local run's, row for row."""

import logging
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
import pytest
import s3fs
from conftest import newsmend
from deltalake import DeltaTable
from distributed import LocalCluster
from moto.server import ThreadedMotoServer
from polars.testing import assert_frame_equal
from test_dask import _table

from newsmend.store import Store, StoreBusy

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from make_corpus import write_corpus

BUCKET = "newsroom"
SECRET = "s3cr3t-never-in-a-log-Zq8Xw"  # moto takes any key pair
PAGES = 120
BATCH_SIZE = 20
README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
S3_EXAMPLES = re.findall(r"```python s3\n(.*?)```", README, re.DOTALL)


@pytest.fixture(scope="module")
def s3(tmp_path_factory):
    """The server, a bucket, and the AWS_* variables every reader and writer uses (this
    process, its Dask workers and its subprocesses alike). Yields the variables."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # a line per request otherwise
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    variables = {
        "AWS_ACCESS_KEY_ID": "newsmend-test",
        "AWS_SECRET_ACCESS_KEY": SECRET,
        "AWS_ENDPOINT_URL": f"http://{host}:{port}",
        "AWS_REGION": "us-east-1",
        "XDG_CACHE_HOME": str(tmp_path_factory.mktemp("cache")),  # GX project of an S3 output
    }
    with pytest.MonkeyPatch.context() as patch:
        for name, value in variables.items():
            patch.setenv(name, value)
        s3fs.S3FileSystem.clear_instance_cache()
        s3fs.S3FileSystem().mkdir(BUCKET)
        yield variables
        s3fs.S3FileSystem.clear_instance_cache()
    server.stop()


def upload(folder: Path, url: str) -> None:
    s3fs.S3FileSystem().put(str(folder), url.removeprefix("s3://"), recursive=True)


def test_a_dask_run_from_s3_to_s3_equals_a_local_run(tmp_path, s3, prefect_api_url):
    raw = tmp_path / "raw"
    write_corpus(PAGES, raw, seed=11, gzipped=True)
    upload(raw, f"s3://{BUCKET}/equal/raw")
    newsmend("run", "--raw", str(raw), "--out", str(tmp_path / "local"), api_url=prefect_api_url)
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        done = newsmend(
            "run",
            "--raw",
            f"s3://{BUCKET}/equal/raw",
            "--out",
            f"s3://{BUCKET}/equal/clean",
            "--batch-size",
            str(BATCH_SIZE),
            "--dask",
            cluster.scheduler_address,
            api_url=prefect_api_url,
        )
        assert cluster.scheduler.task_prefixes, "no task ran on the cluster"
    assert SECRET not in done.stdout + done.stderr
    for name in ("articles", "headlines", "quarantine", "ledger"):
        local = _table(tmp_path / "local", name)
        remote = _table(f"s3://{BUCKET}/equal/clean", name, {"aws_allow_http": "true"})
        if name == "ledger":  # an object's time is when it was uploaded, not the file's
            local, remote = local.drop("mtime_ns"), remote.drop("mtime_ns")
        assert local.height > 0 or name == "quarantine"
        assert_frame_equal(remote, local)
    fs = s3fs.S3FileSystem()
    assert not fs.exists(f"{BUCKET}/equal/clean/_staging/") or not fs.ls(
        f"{BUCKET}/equal/clean/_staging/"
    )
    for key in fs.find(f"{BUCKET}/equal/clean"):  # nothing stored names the secret either
        assert SECRET.encode() not in fs.cat_file(key), key


@pytest.mark.parametrize("example", S3_EXAMPLES)
def test_the_readme_reads_the_tables_from_s3(example, s3, tmp_path, prefect_api_url, capsys):
    """The analyst tour's S3 examples, as printed, on a run into s3://newsroom/clean."""
    if not s3fs.S3FileSystem().exists(f"{BUCKET}/clean/articles/_delta_log"):
        raw = tmp_path / "raw"
        write_corpus(30, raw, seed=3, gzipped=False)
        upload(raw, f"s3://{BUCKET}/raw")
        newsmend(
            "run",
            "--raw",
            f"s3://{BUCKET}/raw",
            "--out",
            f"s3://{BUCKET}/clean",
            api_url=prefect_api_url,
        )
    exec(compile(example, "README.md", "exec"), {})  # noqa: S102 - the README example
    printed = capsys.readouterr().out
    assert printed.strip() and "shape: (0," not in printed


def test_kill_9_while_publishing_leaves_the_last_version_and_the_rerun_recovers(
    tmp_path, s3, prefect_api_url
):
    raw, out = tmp_path / "raw", f"s3://{BUCKET}/killed/clean"
    write_corpus(20, raw, seed=5, gzipped=True)
    upload(raw, f"s3://{BUCKET}/killed/raw")
    arguments = ["run", "--raw", f"s3://{BUCKET}/killed/raw", "--out", out]
    newsmend(*arguments, api_url=prefect_api_url)
    options = {"aws_allow_http": "true"}
    before = {t: _ids(out, t, options) for t in ("articles", "headlines", "ledger")}

    write_corpus(60, tmp_path / "more", seed=6, gzipped=True)
    upload(tmp_path / "more", f"s3://{BUCKET}/killed/raw/more")
    run = subprocess.Popen(
        [sys.executable, "-m", "newsmend.cli", *arguments],
        env={**os.environ, "PREFECT_API_URL": prefect_api_url},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    fs = s3fs.S3FileSystem()
    published = f"{BUCKET}/killed/clean/articles/_delta_log/{1:020d}.json"
    deadline = time.monotonic() + 300
    while not fs.exists(published) and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
        fs.invalidate_cache()
    os.killpg(run.pid, signal.SIGKILL)  # the first table is committed, the ledger not yet
    run.wait()
    assert DeltaTable(f"{out}/articles", storage_options=options).version() == 1
    assert DeltaTable(f"{out}/ledger", storage_options=options).version() == 0, (
        "the kill came after the ledger's commit: not during the publish"
    )
    assert _ids(out, "ledger", options) == before["ledger"]  # the last good version
    assert len(_ids(out, "articles", options)) > len(before["articles"])

    newsmend(*arguments, api_url=prefect_api_url)  # takes over the dead run's lock
    write_corpus(60, raw / "more", seed=6, gzipped=True)  # raw as uploaded, for a local run
    newsmend("run", "--raw", str(raw), "--out", str(tmp_path / "expected"), api_url=prefect_api_url)
    for table in ("articles", "headlines", "quarantine"):
        expected = sorted(pl.read_delta(str(tmp_path / "expected" / table))["record_id"])
        got = _ids(out, table, options)
        assert got == expected, table
        assert len(got) == len(set(got)), f"{table}: rows doubled"


def _ids(out: str, table: str, options: dict) -> list[str]:
    df = pl.read_delta(f"{out}/{table}", storage_options=options)
    column = "source_file" if table == "ledger" else "record_id"
    return sorted(df[column])


def test_a_second_writer_of_the_same_url_is_refused(s3):
    """The lock object is created only if absent (S3's conditional put)."""
    first, second = Store(f"s3://{BUCKET}/locked"), Store(f"s3://{BUCKET}/locked")
    with first.locked(), pytest.raises(StoreBusy, match="wait for it to finish"), second.locked():
        pass
    with Store(f"s3://{BUCKET}/locked").locked():  # released: the next run goes ahead
        pass
