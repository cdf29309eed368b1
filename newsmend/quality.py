"""Quality history: does this run look like the recent ones?

Two figures per run are compared with the mean of the last few runs that processed files:
the quarantine rate (quarantined / all records) and the records per processed file. Both are
stable for a healthy feed whatever its size, so a jump means a changed page layout, a broken
upstream or a rule gone wrong.
"""

from __future__ import annotations

import polars as pl

WINDOW = 5  # recent runs to compare with


def run_metrics(run: dict) -> dict[str, float] | None:
    """The compared figures of one run row, or None when it processed nothing."""
    records = run["articles"] + run["headlines"] + run["quarantined"]
    if not run["files_processed"] or not records:
        return None
    return {
        "quarantine_rate": run["quarantined"] / records,
        "records_per_file": records / run["files_processed"],
    }


def quality_alerts(history: pl.DataFrame, run: dict, threshold: float) -> list[str]:
    """Sentences saying which figure moved by more than `threshold` (relative) from the recent mean."""
    current = run_metrics(run)
    recent = [
        m for m in (run_metrics(r) for r in history.sort("started").iter_rows(named=True)) if m
    ]
    recent = recent[-WINDOW:]
    if current is None or not recent:
        return []
    alerts = []
    for name, value in current.items():
        mean = sum(m[name] for m in recent) / len(recent)
        scale = max(mean, 0.01)  # a rate near zero should not make every change an alarm
        if abs(value - mean) / scale > threshold:
            alerts.append(f"{name} is {value:.3f}, the last {len(recent)} runs averaged {mean:.3f}")
    return alerts
