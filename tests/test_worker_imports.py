"""What a batch worker loads: GX's scipy.stats only on first use (newsmend/validate.py); and
what it keeps out of the garbage collector's sight."""

import subprocess
import sys


def _run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    return done.stdout.strip()


def test_validation_stage_imports_without_scipy_stats():
    code = "import sys, newsmend.pipeline; print('scipy.stats._stats_py' in sys.modules)"
    assert _run(code) == "False"


def test_scipy_stats_loads_on_first_use():
    code = (
        "import sys, newsmend.validate; from scipy import stats; "
        "print(round(float(stats.entropy([0.5, 0.5], [0.25, 0.75])), 6), "
        "'scipy.stats._stats_py' in sys.modules)"
    )
    assert _run(code) == "0.143841 True"


def test_worker_and_flow_freeze_their_modules_out_of_the_collectors_sight():
    """gc.freeze after the imports (newsmend/pipeline.py, flows/clean.py): full collections
    and the process's exit then skip GX's, pandas' and Prefect's objects (over 100,000)."""
    for module in ("newsmend.pipeline", "flows.clean"):
        code = f"import gc, {module}; print(gc.get_freeze_count() > 100_000)"
        assert _run(code) == "True", module


def test_a_worker_imports_no_duckdb():
    """DuckDB is the flow's (the catalog, at the end of a run): flows/clean.py, which a worker
    imports to run clean_batch, imports it where it writes the catalog."""
    code = "import sys, flows.clean, newsmend.pipeline; print('duckdb' in sys.modules)"
    assert _run(code) == "False"
