"""Benchmark the story stage: accuracy against make_stories' truth, time and peak memory.

    .venv/bin/python bench/dedup.py --pages 18000 --pages 182000 --split-only [--runs 10]

For each --pages: generates pages whose stories recur (make_stories.py), cleans them with the
pipeline's own batch function (no Prefect: the flow is measured by run.py), then runs the
story stage (`newsmend.dedup.update_stories`) over the cleaned parts, each run in a fresh
process, so its time and peak resident memory are its own. With --runs, the parts are fed as
that many successive runs (each matched against the index the earlier ones published), as a
dump arriving over time. Prints, per size, pairwise precision and recall of the story
clustering of articles, and of teaser and headline links, against the truth, then one table
of all sizes with the load average of the machine. Pages and cleaned tables are kept under
--work (one folder per size and cleaning) and reused by later calls.

Cleaning a million records takes an hour on two cores, most of it repair and validation;
`--split-only` makes the records with the splitter alone (text as in the page, unrepaired):
the story stage gets the records of the pages directly, a scale run of that stage alone.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import polars as pl

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

from newsmend.config import load_settings
from newsmend.dedup import CHUNK, normalise
from newsmend.ingest import Page, discover, file_paths, read_page
from newsmend.pipeline import process_batch
from newsmend.records import page_records
from newsmend.schema import ARTICLES, HEADLINES, TABLES, frame
from newsmend.store import write_parquet

RUN_ID = "bench"
BATCH = 500
STAGE = """
import json, re, sys, time
from pathlib import Path
from newsmend.dedup import update_stories
from newsmend.store import Store

def peak_mb():  # VmHWM: the peak of this process image (ru_maxrss keeps the forking parent's)
    status = Path("/proc/self/status").read_text()
    return round(int(re.search(r"VmHWM:\\s+(\\d+) kB", status).group(1)) / 1024)

imported = peak_mb()
draft = Store(sys.argv[1]).draft(sys.argv[2])
draft.take_batches()
started = time.perf_counter()
counts = update_stories(draft, float(sys.argv[3]), int(sys.argv[4]))
seconds = round(time.perf_counter() - started, 1)
draft.publish()
print(json.dumps({"seconds": seconds, "peak_rss_mb": peak_mb(), "after_imports_mb": imported,
                  **counts}))
"""  # the stage alone in a fresh interpreter (Linux): its peak memory is its own


def main() -> None:
    args = _arguments()
    rows = []
    for pages in args.pages:
        work = args.work / f"{pages}{'-split' if args.split_only else ''}"
        raw, truth, snapshot = work / "raw", work / "truth.parquet", work / "snapshot"
        if not truth.exists():
            _generate(pages, raw, truth)
        if not (snapshot / "articles").exists():
            clean(raw, snapshot, split_batch if args.split_only else process_batch)
        load = os.getloadavg()[0]
        staged = stage(snapshot, work / "staged", args)
        figures = {"records": _records(snapshot), **staged, "load_before": round(load, 2)}
        figures |= evaluate(work / "staged", pl.read_parquet(truth))
        figures["load_after"] = round(os.getloadavg()[0], 2)
        print(json.dumps(figures, indent=2), flush=True)
        rows.append(figures)
    print(table(rows))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--pages", type=int, action="append", help="pages to generate (repeat for sizes)"
    )
    parser.add_argument("--work", type=Path, default=Path("/tmp/newsmend-dedup-bench"))
    parser.add_argument("--threshold", type=float, default=load_settings().story_threshold)
    parser.add_argument("--runs", type=int, default=1, help="successive runs the parts make")
    parser.add_argument("--chunk", type=int, default=CHUNK, help="new bodies matched at once")
    parser.add_argument("--json", type=Path, help="also write the figures here as JSON")
    parser.add_argument("--split-only", action="store_true", help="records unrepaired")
    args = parser.parse_args()
    args.pages = args.pages or [15_000]
    return args


def _generate(pages: int, raw: Path, truth: Path) -> None:
    make_stories = Path(__file__).with_name("make_stories.py")
    command = [sys.executable, str(make_stories), str(pages), str(raw), "--truth", str(truth)]
    print(subprocess.run(command, check=True, capture_output=True, text=True).stdout, end="")


def clean(raw: Path, snapshot: Path, batch_function) -> None:
    """Every page through the batch function (the pipeline's, or split_batch), on all cores."""
    for table in TABLES:
        (snapshot / table).mkdir(parents=True, exist_ok=True)
    settings = load_settings(raw=raw, out=snapshot.parent / "out")
    files = file_paths(discover(raw), raw)
    batches = [files[i : i + BATCH] for i in range(0, len(files), BATCH)]
    with ProcessPoolExecutor() as pool:
        futures = [
            pool.submit(batch_function, batch, settings, snapshot, number, RUN_ID)
            for number, batch in enumerate(batches)
        ]
        for future in futures:
            future.result()


def split_batch(paths: list[Path], settings, snapshot: Path, batch_no: int, run_id: str) -> None:
    """Records as the splitter makes them, title and body unrepaired, written as the
    pipeline writes its parts."""
    articles, headlines = [], []
    for path in paths:
        page = read_page(path, settings.raw)
        if isinstance(page, Page):
            found = page_records(page)
            articles += found[0]
            headlines += found[1]
    part = f"part-{run_id}-{batch_no:05d}.parquet"
    for table, rows, schema in (
        ("articles", articles, ARTICLES),
        ("headlines", headlines, HEADLINES),
    ):
        unrepaired = [
            {**row, "title": row["title_raw"], "body": row.get("body_raw")} for row in rows
        ]
        write_parquet(frame(unrepaired, schema), snapshot / table / part)


def _records(snapshot: Path) -> int:
    return sum(
        pl.scan_parquet(snapshot / table / "**/*.parquet").select(pl.len()).collect().item()
        for table in ("articles", "headlines")
    )


def stage(snapshot: Path, staged: Path, args: argparse.Namespace) -> dict:
    """The story stage over the cleaned parts, fed as args.runs successive runs into a
    folder of hard links (the snapshot stays as cleaned), each run in a fresh interpreter:
    the seconds and peak resident memory of each run."""
    shutil.rmtree(staged, ignore_errors=True)
    parts = sorted({part.name for part in (snapshot / "articles").rglob("*.parquet")})
    runs = []
    for run in range(args.runs):
        run_id = f"run{run}"
        for number, name in enumerate(parts[run :: args.runs]):
            for table in ("articles", "headlines"):
                for part in (snapshot / table).rglob(name):  # in each month partition
                    month = part.parent.relative_to(snapshot / table)
                    (staged / table / month).mkdir(parents=True, exist_ok=True)
                    os.link(part, staged / table / month / f"part-{run_id}-{number:05d}.parquet")
        command = [sys.executable, "-c", STAGE, str(staged), run_id, str(args.threshold)]
        done = subprocess.run([*command, str(args.chunk)], check=True, capture_output=True)
        runs.append(json.loads(done.stdout))
    return {
        "runs": args.runs,
        "stage_seconds": round(sum(run["seconds"] for run in runs), 1),
        "stage_peak_rss_mb": max(run["peak_rss_mb"] for run in runs),
        "per_run": runs,
    }


def table(rows: list[dict]) -> str:
    """The figures of every size as one markdown table."""
    header = (
        "records",
        "runs",
        "story clustering P / R",
        "teaser links P / R",
        "headline links P / R",
        "stage time",
        "peak memory",
        "last run",
        "load avg before / after",
    )
    lines = ["| " + " | ".join(header) + " |", "|---" * len(header) + "|"]
    for row in rows:
        scores = " | ".join(
            f"{row[name]['precision']:.4f} / {row[name]['recall']:.4f}"
            for name in ("story_clustering", "teaser_links", "headline_links")
        )
        last = row["per_run"][-1]
        lines.append(
            f"| {row['records']:,} | {row['runs']} | {scores} | {row['stage_seconds']:.0f} s "
            f"| {row['stage_peak_rss_mb'] / 1024:.2f} GB "
            f"| {last['seconds']:.0f} s, {last['peak_rss_mb'] / 1024:.2f} GB "
            f"| {row['load_before']:.1f} / {row['load_after']:.1f} |"
        )
    return "\n".join(lines)


def evaluate(snapshot: Path, truth: pl.DataFrame) -> dict:
    """Pairwise precision and recall of article stories; precision and recall of links."""
    records = _with_truth(snapshot, truth)
    articles = records.filter(pl.col("kind") == "article")
    told = articles.select("record_id", pl.col("story").alias("linked_story"))
    with_article = set(articles["story"])
    figures = {
        "matched_to_truth": f"{records.height} of {truth.height}",
        "story_clustering": pairwise(articles["story_id"], articles["story"]),
        "false_merges": _false_merges(articles),
    }
    for kind in ("teaser", "headline"):
        rows = records.filter(pl.col("kind") == kind).join(
            told, left_on="full_record_id", right_on="record_id", how="left"
        )
        figures[f"{kind}_links"] = _link_scores(rows, with_article)
    return figures


def _with_truth(snapshot: Path, truth: pl.DataFrame) -> pl.DataFrame:
    """Cleaned records with their true story, matched on page, table, kind and title."""
    titles = pl.concat(
        [
            pl.read_delta(str(snapshot / table), columns=["record_id", "title"])
            for table in ("articles", "headlines")
        ]
    )
    links = pl.read_delta(str(snapshot / "links")).join(titles, on="record_id")
    key = ["source_file", "table", "kind", "title_norm"]
    truth = truth.with_columns(normalise("title").alias("title_norm")).filter(
        pl.len().over(key) == 1
    )
    return links.with_columns(normalise("title").alias("title_norm")).join(
        truth.drop("title"), on=key
    )


def pairwise(predicted: pl.Series, true: pl.Series) -> dict:
    """Precision and recall over pairs of records put in one story."""
    frame = pl.DataFrame({"predicted": predicted, "true": true})

    def pairs(*columns: str) -> int:
        sizes = frame.group_by(columns).len()["len"]
        return int((sizes * (sizes - 1) // 2).sum())

    both, said, real = pairs("predicted", "true"), pairs("predicted"), pairs("true")
    return {
        "precision": round(both / said, 4) if said else 1.0,
        "recall": round(both / real, 4) if real else 1.0,
        "pairs_predicted": said,
        "pairs_true": real,
    }


def _false_merges(articles: pl.DataFrame) -> int:
    """Predicted stories holding records of more than one true story."""
    return (
        articles.group_by("story_id")
        .agg(pl.col("story").n_unique())
        .filter(pl.col("story") > 1)
        .height
    )


def _link_scores(rows: pl.DataFrame, with_article: set[int]) -> dict:
    linked = rows.filter(pl.col("full_record_id").is_not_null())
    right = linked.filter(pl.col("linked_story") == pl.col("story")).height
    linkable = rows.filter(pl.col("story").is_in(sorted(with_article))).height
    return {
        "precision": round(right / linked.height, 4) if linked.height else 1.0,
        "recall": round(right / linkable, 4) if linkable else 1.0,
        "linked": linked.height,
        "linkable": linkable,
        "records": rows.height,
    }


if __name__ == "__main__":
    main()
