"""GX Data Docs for a run: one validation result per table, rendered as HTML a person opens.

Each batch saves its GX results as small JSON files (the unexpected rows trimmed to a sample);
at the end of the run they are merged per table, stored in a file-backed GX project under the
output folder, and the site is rebuilt, so it holds every run's results.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

os.environ["GX_ANALYTICS_ENABLED"] = "false"  # before GX is imported: GX must never phone home

import great_expectations as gx
from great_expectations.core import ExpectationSuiteValidationResult
from great_expectations.core.run_identifier import RunIdentifier
from great_expectations.data_context.types.resource_identifiers import (
    ExpectationSuiteIdentifier,
    ValidationResultIdentifier,
)

from newsmend.offline_docs import make_offline
from newsmend.validate import register_validations

SAMPLE = 20  # unexpected values kept per expectation and table
DROPPED = ("unexpected_index_list", "unexpected_list", "unexpected_index_query")


def save_batch_results(
    results: dict[str, ExpectationSuiteValidationResult], folder: Path, batch_no: int
) -> None:
    """One JSON file per table, trimmed to counts and a sample of unexpected values."""
    folder.mkdir(parents=True, exist_ok=True)
    for table, result in results.items():
        data = result.to_json_dict()
        for outcome in data["results"]:
            for key in DROPPED:
                outcome["result"].pop(key, None)
        (folder / f"{table}-{batch_no:05d}.json").write_text(json.dumps(data), encoding="utf-8")


def merge_results(parts: Iterable[dict]) -> dict:
    """One table's batch results as one: counts added up, success only if every batch passed.
    The parts are folded into the first one at a time, so a run of many batches holds two
    in memory."""
    parts = iter(parts)
    merged = next(parts)
    for part in parts:
        for outcome, other in zip(merged["results"], part["results"], strict=True):
            outcome["success"] = outcome["success"] and other["success"]
            result = outcome["result"]
            for key in ("element_count", "unexpected_count", "missing_count"):
                if key in result:
                    result[key] += other["result"].get(key, 0)
            sample = result.get("partial_unexpected_list")
            if sample is not None and len(sample) < SAMPLE:
                sample.extend(
                    other["result"].get("partial_unexpected_list", [])[: SAMPLE - len(sample)]
                )
    for outcome in merged["results"]:
        result = outcome["result"]
        if result.get("element_count"):
            result["unexpected_percent"] = (
                100.0 * result.get("unexpected_count", 0) / result["element_count"]
            )
    successes = sum(o["success"] for o in merged["results"])
    evaluated = len(merged["results"])
    merged["success"] = successes == evaluated
    merged["statistics"].update(
        successful_expectations=successes,
        unsuccessful_expectations=evaluated - successes,
        success_percent=100.0 * successes / evaluated if evaluated else 100.0,
    )
    return merged


def save_project(context) -> dict[str, str]:
    """The file-backed GX project as GX users know it: the data source with one asset per
    table, the suites, a validation definition and a Checkpoint per table (each run's results
    are stored under the run's id). Returns the Checkpoint name per table."""
    names = {}
    for table, definition in register_validations(context).items():
        names[table] = f"newsmend_{table}"
        context.checkpoints.add_or_update(
            gx.Checkpoint(name=names[table], validation_definitions=[definition])
        )
    return names


def build_run_docs(results_folder: Path, project_dir: Path, run_id: str) -> Path | None:
    """Store the run's merged results in the GX project and rebuild its Data Docs; the
    index.html path, or None when the run validated nothing."""
    files = sorted(results_folder.glob("*.json")) if results_folder.is_dir() else []
    if not files:
        return None
    context = gx.get_context(mode="file", project_root_dir=project_dir)
    checkpoints = save_project(context)
    run = RunIdentifier(run_name=run_id, run_time=datetime.now(UTC))
    for table in sorted({f.name.split("-")[0] for f in files}):
        parts = (
            json.loads(f.read_text(encoding="utf-8"))
            for f in files
            if f.name.startswith(f"{table}-")
        )
        merged = merge_results(parts)
        # what the page header shows: run name and time, data asset, checkpoint
        merged["meta"].update(
            run_id={"run_name": run_id, "run_time": run.run_time.isoformat()},
            checkpoint_name=checkpoints[table],
        )
        merged["meta"].setdefault("batch_spec", {})["data_asset_name"] = table
        suite_name = merged["meta"].get("expectation_suite_name") or merged["suite_name"]
        key = ValidationResultIdentifier(
            expectation_suite_identifier=ExpectationSuiteIdentifier(name=suite_name),
            run_id=run,
            batch_identifier=table,
        )
        context.validation_results_store.set(key, ExpectationSuiteValidationResult(**merged))
    urls = context.build_data_docs()
    index = Path(url2pathname(urlparse(next(iter(urls.values()))).path))
    make_offline(index.parent)
    return index
