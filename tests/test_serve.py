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
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import httpx
import pytest
from conftest import CORPUS, newsmend

from flows.clean import artifact_key


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


@pytest.fixture(scope="module")
def prefect_server(tmp_path_factory):
    """`prefect server start` on 127.0.0.1 with its own home folder, shared by the module's
    tests; yields the API URL."""
    tmp_path = tmp_path_factory.mktemp("prefect-server")
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
    keys = {name: artifact_key(name, out) for name in ("summary", "failed-checks", "progress")}
    assert set(keys.values()) <= set(by_key)
    assert all(key.startswith(f"newsmend-{name}-") for name, key in keys.items())
    assert "| files processed | 5 |" in by_key[keys["summary"]].data
    assert f"newsmend docs --out {out}" in by_key[keys["summary"]].data
    assert by_key[keys["progress"]].data == 100.0
    failed = json.loads(by_key[keys["failed-checks"]].data)
    assert all(row["records"] >= len(row["examples"].split(", ")) >= 1 for row in failed)
    assert (out / "articles").is_dir()


class Webhook(BaseHTTPRequestHandler):
    """Keeps the bodies of the POSTs it gets (the notifications)."""

    received: ClassVar[list[str]] = []

    def do_POST(self):
        length = int(self.headers["Content-Length"])
        Webhook.received.append(self.rfile.read(length).decode())
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_a_quality_alert_names_the_run_s_state_and_the_automation_notifies(
    prefect_server, tmp_path
):
    """Two real runs into one folder, the second with other pages: its records per file move
    (NEWSMEND_ALERT_THRESHOLD is tiny), its flow run ends in the state "Quality alert", and the
    automation `newsmend alerts install` made sends the alert through a webhook block."""
    from prefect.blocks.notifications import CustomWebhookNotificationBlock
    from prefect.settings import PREFECT_API_URL, temporary_settings

    hook = ThreadingHTTPServer(("127.0.0.1", 0), Webhook)
    threading.Thread(target=hook.serve_forever, daemon=True).start()
    with temporary_settings({PREFECT_API_URL: prefect_server}):
        CustomWebhookNotificationBlock(
            name="hook",
            url=f"http://127.0.0.1:{hook.server_port}/",
            json_data={"subject": "{{subject}}", "body": "{{body}}"},
        ).save("newsmend-test-hook", overwrite=True)
    bad = newsmend(
        "alerts", "install", "--block", "custom-webhook/nope", api_url=prefect_server, check=False
    )
    assert bad.returncode == 2 and bad.stderr.startswith("newsmend: error: --block ")
    installed = newsmend(
        "alerts", "install", "--block", "custom-webhook/newsmend-test-hook", api_url=prefect_server
    )
    assert "newsmend quality alert" in installed.stdout

    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    pages = sorted(CORPUS.glob("*.txt"))

    def run_with(chosen: list, **env: str):
        for page in chosen:
            shutil.copy(page, raw / page.name)
        done = newsmend(
            "run",
            "--raw",
            str(raw),
            "--out",
            str(out),
            api_url=prefect_server,
            env={"NEWSMEND_ALERT_THRESHOLD": "0.0001", **env},
            check=False,
        )
        return done, done.stdout.split()[1].rstrip(":")

    run_with(pages[:5])
    done, run_id = run_with(pages[5:12])
    assert done.returncode == 0, done.stderr[-3000:]
    state = asyncio.run(flow_run_state(prefect_server, run_id))
    assert (state.type.value, state.name) == ("COMPLETED", "Quality alert")
    assert "records_per_file" in state.message
    try:
        wait_until(lambda: Webhook.received, 90, "the notification")
    finally:
        hook.shutdown()
    notice = json.loads(Webhook.received[0])
    assert run_id in notice["subject"] and "records_per_file is" in notice["body"]

    # alert_state = "failed": the run publishes, fails, and says why in one line
    failed, failed_id = run_with(pages[12:], NEWSMEND_ALERT_STATE="failed")
    assert failed.returncode == 1 and "Traceback" not in failed.stderr
    assert failed.stderr.strip().splitlines()[-1].startswith("newsmend: 2 quality alert(s): ")
    state = asyncio.run(flow_run_state(prefect_server, failed_id))
    assert (state.type.value, state.name) == ("FAILED", "Quality alert")

    # a run with nothing new leaves the output folder's keyed summary to the last useful run
    idle, _ = run_with([])
    assert " 0 files," in idle.stdout
    latest = asyncio.run(latest_artifacts(prefect_server, artifact_key("summary", out)))
    assert len(latest) == 1 and f"# newsmend run {failed_id}" in latest[0].data


async def latest_artifacts(api_url: str, key: str):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactCollectionFilter, ArtifactCollectionFilterKey
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings({PREFECT_API_URL: api_url}):
        async with get_client() as client:
            return await client.read_latest_artifacts(
                artifact_filter=ArtifactCollectionFilter(
                    key=ArtifactCollectionFilterKey(any_=[key])
                )
            )


async def flow_run_state(api_url: str, run_id: str):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterName
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings({PREFECT_API_URL: api_url}):
        async with get_client() as client:
            runs = await client.read_flow_runs(
                flow_run_filter=FlowRunFilter(name=FlowRunFilterName(like_=run_id))
            )
    assert len(runs) == 1, runs
    return runs[0].state
