"""polars gives freed memory back to the machine at once in newsmend's processes (see
newsmend/__init__.py), so a batch worker's peak does not carry the batches before it."""

import os
import subprocess
import sys

ALLOCATE_AND_FREE = """
import newsmend, polars as pl, psutil
process = psutil.Process()
before = process.memory_info().rss
column = (pl.Series(range(20_000_000)) * 2).cast(pl.String)  # about 400 MB
grown = process.memory_info().rss - before
del column
print(grown >> 20, (process.memory_info().rss - before) >> 20)
"""


def test_memory_that_polars_frees_goes_back_at_once():
    env = {key: value for key, value in os.environ.items() if key != "_RJEM_MALLOC_CONF"}
    command = [sys.executable, "-c", ALLOCATE_AND_FREE]
    run = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    grown, kept = map(int, run.stdout.split())
    assert grown > 200, "the column was not allocated"
    assert kept < 50, f"{kept} MB of a freed {grown} MB column still held"
