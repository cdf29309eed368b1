"""`newsmend run` without a configured Prefect server, on a machine kept busy (3 processes
spinning on 2 cores, with the run and its server a load of 4 and more): Prefect's temporary
server starts slowly, and the run waits for it;
when it cannot start in time, the run ends with one line, never a traceback."""

import os
import shutil
import subprocess
import sys

import pytest
from conftest import CORPUS


@pytest.fixture(scope="module")
def busy_machine():
    spinners = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(3)]
    try:
        yield
    finally:
        for spinner in spinners:
            spinner.kill()
            spinner.wait()


def run_alone(tmp_path, env: dict[str, str]) -> subprocess.CompletedProcess:
    raw = tmp_path / "raw"
    raw.mkdir()
    for page in sorted(CORPUS.glob("*.txt"))[:2]:
        shutil.copy(page, raw / page.name)
    own = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    own.update(PREFECT_HOME=str(tmp_path / "prefect-home"), **env)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "newsmend.cli",
            "run",
            "--raw",
            str(raw),
            "--out",
            str(tmp_path / "out"),
        ],
        env=own,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def test_the_run_waits_for_the_temporary_server(busy_machine, tmp_path):
    done = run_alone(tmp_path, {})
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr
    assert done.stdout.startswith("run ")


def test_a_server_that_never_comes_up_ends_in_one_line(tmp_path):
    """1 s is too short for the server to start, busy machine or not."""
    done = run_alone(tmp_path, {"PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "1"})
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert (
        done.stderr.strip()
        .splitlines()[-1]
        .startswith("newsmend: error: Prefect's temporary server did not start in time (2 tries")
    )
