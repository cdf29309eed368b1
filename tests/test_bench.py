"""The benchmark and the profiler run as the README says, on a small generated corpus, and
print every figure they promise."""

import json
from pathlib import Path

from conftest import python

from newsmend.batch import STAGES
from newsmend.repair import RULE_NAMES

BENCH = Path(__file__).parent.parent / "bench"


def run(script: str, *args: str, api_url: str | None = None) -> str:
    return python(str(BENCH / script), *args, api_url=api_url).stdout


def test_bench_prints_speed_memory_and_every_stage(tmp_path, prefect_api_url):
    figures = tmp_path / "bench.json"
    out = run(
        "run.py", "--pages", "120", "--batch-size", "50", "--json", str(figures),
        api_url=prefect_api_url,
    )  # fmt: skip
    for line in ("pages/s", "MB/s", "CPU seconds", "peak memory", "stories"):
        assert line in out
    written = json.loads(figures.read_text())
    assert written["pages"] == 120 and written["pages_per_second"] > 0
    assert written["peak_pss_mb"] > written["flow_pss_at_peak_mb"] > 0
    assert set(written["stage_seconds"]) == set(STAGES)
    assert all(seconds > 0 for seconds in written["stage_seconds"].values())


def test_profile_prints_stages_and_every_repair_rule(tmp_path):
    out = run("profile.py", "--pages", "60", "--tree")
    assert "one batch of 60 pages" in out
    for name in [*STAGES, *RULE_NAMES]:
        assert f"\n{name} " in out, name
    assert "process_batch" in out  # the pyinstrument tree
