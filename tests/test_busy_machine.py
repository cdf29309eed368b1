"""`newsmend run` without a configured Prefect server, on a machine kept busy (3 processes
spinning on 2 cores, with the run and its server a load of 4 and more): Prefect's temporary
server starts slowly, and the run waits for it;
when it cannot start in time, the run ends with one line, never a traceback."""

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from conftest import CORPUS

FLOW_BEGINS = "Beginning flow run"


def spinners(count: int) -> Callable[[], None]:
    """Start `count` processes that spin; returns the function that stops them."""
    spinning = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(count)]

    def stop() -> None:
        for spinner in spinning:
            spinner.kill()
            spinner.wait()

    return stop


def start_alone(tmp_path: Path, env: dict[str, str]) -> subprocess.Popen:
    """`newsmend run` on two corpus pages with no Prefect server configured; stdout and
    stderr are pipes."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for page in sorted(CORPUS.glob("*.txt"))[:2]:
        shutil.copy(page, raw / page.name)
    own = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    own.update(PREFECT_HOME=str(tmp_path / "prefect-home"), **env)
    return subprocess.Popen(
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
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_the_run_waits_for_the_temporary_server(tmp_path):
    """The machine is busy while the server starts; once the flow begins (the server is up)
    the spinners stop, so the rest of the run and of the suite go at full speed."""
    stop = spinners(3)
    try:
        run = start_alone(tmp_path, {})
        stderr = []
        for line in run.stderr:
            stderr.append(line)
            if FLOW_BEGINS in line:
                stop()
    finally:
        stop()
    stdout = run.stdout.read()
    assert run.wait(timeout=600) == 0, "".join(stderr)[-3000:]
    assert any(FLOW_BEGINS in line for line in stderr)
    assert not any("Traceback" in line for line in stderr)
    assert stdout.startswith("run ")


def test_a_server_that_never_comes_up_ends_in_one_line(tmp_path):
    """1 s is too short for the server to start, busy machine or not."""
    run = start_alone(tmp_path, {"PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "1"})
    _, stderr = run.communicate(timeout=600)
    assert run.returncode == 2
    assert "Traceback" not in stderr
    assert (
        stderr.strip()
        .splitlines()[-1]
        .startswith("newsmend: error: Prefect's temporary server did not start in time (2 tries")
    )
