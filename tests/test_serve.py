"""The scheduled deployment end to end: a real `prefect server start` on a free loopback port,
`newsmend serve` serving the flow, a run triggered through the Prefect client, and the run's
artifacts read back through the API."""

import asyncio
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time

import httpx
import pytest
from conftest import CORPUS


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(check, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            result = check()
            if result:
                return result
        except (httpx.HTTPError, OSError):
            pass
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


def start(args: list[str], env: dict, log) -> subprocess.Popen:
    return subprocess.Popen(
        args, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )


def stop(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


@pytest.fixture
def prefect_server(tmp_path):
    """`prefect server start` on 127.0.0.1 with its own home folder; yields the API URL."""
    port = free_port()
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect-home")}
    env.pop("PREFECT_API_URL", None)
    log = (tmp_path / "server.log").open("w")  # closed below, after the server stops
    server = start(
        [
            sys.executable,
            "-m",
            "prefect",
            "server",
            "start",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        env,
        log,
    )
    url = f"http://127.0.0.1:{port}/api"
    try:
        wait_until(lambda: httpx.get(f"{url}/health").status_code == 200, 120, "the Prefect server")
        yield url
    finally:
        stop(server)
        log.close()


async def trigger_and_read_artifacts(api_url: str) -> tuple[str, list]:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId
    from prefect.deployments import run_deployment
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings({PREFECT_API_URL: api_url}):
        run = await run_deployment(
            "newsmend-clean/newsmend-test", timeout=180, poll_interval=1, as_subflow=False
        )
        async with get_client() as client:
            artifacts = await client.read_artifacts(
                flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[run.id]))
            )
    return run.state.type.value, run.tags, artifacts


def test_served_deployment_runs_when_triggered_and_shows_its_artifacts(prefect_server, tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    for page in sorted(CORPUS.glob("*.txt"))[:4] + sorted(CORPUS.glob("108_*.txt")):
        shutil.copy(page, raw / page.name)
    env = {**os.environ, "PREFECT_API_URL": prefect_server}
    log = (tmp_path / "serve.log").open("w")  # closed below, after serve stops
    serve = start(
        [
            sys.executable,
            "-m",
            "newsmend.cli",
            "serve",
            "--cron",
            "0 3 * * *",
            "--name",
            "newsmend-test",
            "--raw",
            str(raw),
            "--out",
            str(out),
        ],
        env,
        log,
    )
    try:
        wait_until(
            lambda: (
                httpx.get(
                    f"{prefect_server}/deployments/name/newsmend-clean/newsmend-test"
                ).status_code
                == 200
            ),
            90,
            "the served deployment",
        )
        deployment = httpx.get(
            f"{prefect_server}/deployments/name/newsmend-clean/newsmend-test"
        ).json()
        assert deployment["schedules"][0]["schedule"]["cron"] == "0 3 * * *"
        state, tags, artifacts = asyncio.run(trigger_and_read_artifacts(prefect_server))
    finally:
        stop(serve)
        log.close()
    assert state == "COMPLETED", (tmp_path / "serve.log").read_text()[-3000:]
    assert "newsmend" in tags
    by_key = {artifact.key: artifact for artifact in artifacts}
    assert {"newsmend-summary", "newsmend-failed-checks", "newsmend-progress"} <= set(by_key)
    assert "| files processed | 5 |" in by_key["newsmend-summary"].data
    assert by_key["newsmend-progress"].data == 100.0
    failed = json.loads(by_key["newsmend-failed-checks"].data)
    assert all(row["records"] >= len(row["examples"].split(", ")) >= 1 for row in failed)
    assert (out / "articles").is_dir()
