"""The command line: every mistake a user can make gets one line and exit code 2."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


def newsmend(*args: str, cwd=None) -> subprocess.CompletedProcess:
    """The command line with no Prefect server configured."""
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    return subprocess.run(
        [sys.executable, "-m", "newsmend.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**env, "PYTHONPATH": str(ROOT)},  # this checkout, whatever the working folder
        check=False,
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["run", "--raw", "no/such/folder"], "--raw no/such/folder is not a folder"),
        (["run", "--batch-size", "x"], "Invalid value for '--batch-size'"),
        (["run", "--config", "missing.toml"], "config file not found: missing.toml"),
        (["serve", "--cron", "every hour"], "--cron 'every hour' is not a valid cron expression"),
        (["catalog", "--out", "empty"], "--out empty holds no published run yet"),
        (["docs", "--out", "empty"], "--out empty has no Data Docs yet"),
        (["serve"], "serve needs a Prefect server that outlives it"),
        (["alerts", "install", "--block", "x/y"], "alerts install needs the Prefect server"),
        (["frobnicate"], "No such command 'frobnicate'"),
    ],
)
def test_bad_arguments_get_one_line(tmp_path, args, message):
    done = newsmend(*args, cwd=tmp_path)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsmend: error: ")
    assert message in lines[0]


def test_rules_lists_every_rule_with_a_description():
    from newsmend.repair import RULES

    done = newsmend("rules")
    assert done.returncode == 0
    listed = [line.split()[0] for line in done.stdout.splitlines()]
    assert listed == [rule.name for rule in RULES]
    assert all(len(line.split(None, 1)) == 2 for line in done.stdout.splitlines())
