"""Quality alerts fire when a run's figures move far from the recent runs, and only then."""

from datetime import UTC, datetime, timedelta

import polars as pl

from newsmend.quality import quality_alerts
from newsmend.schema import RUNS, frame

START = datetime(2026, 1, 1, tzinfo=UTC)


def run(n: int, files: int, articles: int, quarantined: int) -> dict:
    return {
        "run_id": f"r{n}",
        "started": START + timedelta(hours=n),
        "files_processed": files,
        "articles": articles,
        "headlines": 0,
        "quarantined": quarantined,
    }


def history(*runs: dict) -> pl.DataFrame:
    return frame([{**r} for r in runs], RUNS)


def test_steady_runs_raise_nothing():
    past = history(*(run(n, 100, 500, 25) for n in range(5)))
    assert quality_alerts(past, run(6, 40, 198, 11), threshold=0.5) == []


def test_quarantine_rate_jump_is_reported():
    past = history(*(run(n, 100, 500, 25) for n in range(5)))
    alerts = quality_alerts(past, run(6, 100, 300, 225), threshold=0.5)
    assert len(alerts) == 1 and alerts[0].startswith("quarantine_rate is 0.429")


def test_record_count_drop_is_reported():
    past = history(*(run(n, 100, 500, 0) for n in range(5)))
    alerts = quality_alerts(past, run(6, 100, 100, 0), threshold=0.5)
    assert [a.split(" ")[0] for a in alerts] == ["records_per_file"]


def test_first_run_and_empty_runs_are_not_compared():
    assert quality_alerts(history(), run(1, 100, 500, 25), threshold=0.5) == []
    past = history(*(run(n, 100, 500, 25) for n in range(3)))
    assert quality_alerts(past, run(4, 0, 0, 0), threshold=0.5) == []
