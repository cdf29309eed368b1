"""Benchmark the whole pipeline: generate a corpus, run the real flow over it, print figures.

    .venv/bin/python bench/run.py [--pages 10000 | --corpus DIR] [--json PATH]
                                  [--batch-size B] [--keep]

The run is the one `newsmend run --full` does (the `clean_news` flow with the task runner of
the settings, validation included, translation by the default offline glossary) into a
temporary output folder; the glossary's lexicon file, built once per package versions, is
built before the clock starts if the machine has none. Stage
seconds come from the run's BatchResult and are summed over batches, which run in parallel,
so they add up to more than the wall time; data docs (rendered on a worker), carry-over,
stories, publish and catalog are timed around their calls in the flow. Peak memory: the
sampled peak of the summed resident memory of this process and the workers while the run
lasts (the temporary Prefect server, if Prefect starts one, is not counted), and getrusage's
maximum of this process and of its largest ended child.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Self

import psutil

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

from flows import clean
from newsmend.batch import STAGES
from newsmend.config import load_settings
from newsmend.store import Draft, Store

DEFAULT_PAGES = 10_000  # about a minute on two cores
# The default translation: the offline glossary (no network, so the figures stay comparable).
CONFIG = '[translation]\nprovider = "glossary"\n'


def main() -> None:
    args = _arguments()
    work = Path(tempfile.mkdtemp(prefix="newsmend-bench-"))
    try:
        raw = args.corpus or _generate(args.pages, work / "raw")
        _build_lexicon()
        figures = run(raw, work / "out", work / "bench.toml", args.batch_size)
        print(render(figures))
        if args.json:
            args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--pages", type=int, default=DEFAULT_PAGES, help="pages to generate")
    source.add_argument("--corpus", type=Path, help="an existing raw folder instead")
    parser.add_argument("--json", type=Path, help="also write the figures here as JSON")
    parser.add_argument("--batch-size", type=int, help="files per task (default: settings)")
    parser.add_argument("--keep", action="store_true", help="keep the corpus and the output")
    return parser.parse_args()


def _generate(pages: int, raw: Path) -> Path:
    """In a child process, so that its memory and CPU stay out of the run's figures."""
    make_corpus = Path(__file__).with_name("make_corpus.py")
    command = [sys.executable, str(make_corpus), str(pages), str(raw), "--gzip"]
    print(subprocess.run(command, check=True, capture_output=True, text=True).stdout, end="")
    return raw


def _build_lexicon() -> None:
    """The glossary's lexicon file is built once per version of its packages, not per run
    (newsmend/lexicon.py): built here, in a child process, if this machine has none yet."""
    command = [sys.executable, "-c", "from newsmend.lexicon import lexicon; lexicon()"]
    subprocess.run(command, check=True)


def run(
    raw: Path, out: Path | str, config: Path, batch_size: int | None, source: str | None = None
) -> dict:
    """One full run of the flow over raw, or over its copy at the URL `source`, into out (a
    folder or a URL); returns the figures to print."""
    config.write_text(CONFIG, encoding="utf-8")
    source = source or str(raw)
    settings = load_settings(config, raw=source, out=out, full=True, batch_size=batch_size)
    clean.share_temporary_server()
    seconds: Counter = Counter()
    batches: list = []
    with ExitStack() as stack:
        stack.enter_context(_timed(clean, "_run_batches", seconds, "batches", batches))
        stack.enter_context(_timed(clean, "_render_docs", seconds, "data docs"))
        stack.enter_context(_timed(Draft, "carry_over", seconds, "carry-over"))
        stack.enter_context(_timed(clean, "link_stories", seconds, "stories"))
        stack.enter_context(_timed(Draft, "publish", seconds, "publish"))
        stack.enter_context(_timed(Store, "vacuum", seconds, "publish"))
        stack.enter_context(_timed(clean, "_refresh_catalog", seconds, "catalog"))
        memory = stack.enter_context(_MemorySampler())
        cpu_before = _cpu_seconds()
        started = time.perf_counter()
        summary = clean.clean_news(
            raw=source, out=str(out), full=True, config=str(config), batch_size=batch_size
        )
        wall = time.perf_counter() - started
        cpu = {key: round(value - cpu_before[key], 1) for key, value in _cpu_seconds().items()}
    totals = batches[0]
    size = sum(path.stat().st_size for path in raw.rglob("*") if path.is_file())
    return {
        "pages": summary["files_processed"],
        "megabytes": round(size / 1e6, 1),
        "batch_size": settings.batch_size,
        "task_runner": type(clean.task_runner(settings, summary["files_processed"])).__name__,
        "wall_seconds": round(wall, 2),
        "pages_per_second": round(summary["files_processed"] / wall),
        "megabytes_per_second": round(size / 1e6 / wall, 2),
        "cpu_seconds": cpu,
        "peak_rss_mb": {"sampled_total": round(memory.peak / 2**20), **_peak_rss_mb()},
        "sampler_cpu_seconds": round(memory.cpu, 1),
        "peak_pss_mb": round(memory.peak_pss / 2**20),
        "flow_pss_at_peak_mb": round(memory.flow_pss_at_peak / 2**20),
        "stage_seconds": {stage: round(totals.seconds[stage], 2) for stage in STAGES},
        "run_seconds": {name: round(value, 2) for name, value in seconds.items()},
        "records": {key: summary[key] for key in ("articles", "headlines", "quarantined")},
    }


@contextmanager
def _timed(owner, name: str, seconds: Counter, label: str, results: list | None = None):
    """Wrap owner.name for the run: add its wall time to seconds[label], keep its results."""
    original = getattr(owner, name)

    @functools.wraps(original)
    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            result = original(*args, **kwargs)
        finally:
            seconds[label] += time.perf_counter() - started
        if results is not None:
            results.append(result)
        return result

    setattr(owner, name, timed)
    try:
        yield
    finally:
        setattr(owner, name, original)


class _MemorySampler(threading.Thread):
    """Peaks of the summed memory of this process and of the processes the run starts (task
    runner workers), sampled: getrusage reports only the largest child. The processes running
    before the run (the temporary Prefect server) are left out. Two sums: resident (RSS),
    which counts the pages of shared libraries once per process (about 140 MB each here), and
    proportional (PSS), which shares them out: the memory the run takes from the machine.

    RSS costs microseconds to read, PSS about 4 ms a process (the kernel walks its page
    tables): read for four processes four times a second, PSS would take 6% of a core from
    the run it measures. So PSS is read only when the summed RSS reaches a new high: the
    shared libraries are the same pages all run long, so the PSS peak comes with the RSS
    peak. Even so, the RSS of a run creeps up by a few pages at a time, and reading PSS at
    every such high took 3 of the flow's 6 CPU seconds at 10,000 pages: PSS is read again
    only once the RSS is PSS_STEP above where it was last read, so the PSS peak reported is
    at most about PSS_STEP under the true one. The sampler's own CPU seconds are reported."""

    PSS_STEP = 16 * 2**20

    def __init__(self, interval: float = 0.25):
        super().__init__(daemon=True)
        self.interval = interval
        self.me = psutil.Process()
        self.before = {child.pid for child in self.me.children(recursive=True)}
        self.stopped = threading.Event()
        self.peak = 0
        self.pss_read_at = -self.PSS_STEP  # the summed RSS when PSS was last read
        self.peak_pss = 0
        self.flow_pss_at_peak = 0  # this process's share of peak_pss
        self.cpu = 0.0  # this thread's own CPU seconds: counted in the flow's, not the run's

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stopped.set()
        self.join()

    def run(self) -> None:
        try:
            self._sample()
        finally:
            self.cpu = time.thread_time()

    def _sample(self) -> None:
        while not self.stopped.wait(self.interval):
            processes = self._processes()
            rss = sum(self._read(process, "memory_info", "rss") for process in processes)
            self.peak = max(self.peak, rss)
            if rss < self.pss_read_at + self.PSS_STEP:
                continue
            self.pss_read_at = rss
            pss = {process: self._read(process, "memory_full_info", "pss") for process in processes}
            if (total := sum(pss.values())) > self.peak_pss:
                self.peak_pss, self.flow_pss_at_peak = total, pss[self.me]

    def _processes(self) -> list[psutil.Process]:
        children = self.me.children(recursive=True)
        return [self.me, *(child for child in children if child.pid not in self.before)]

    @staticmethod
    def _read(process: psutil.Process, method: str, field: str) -> int:
        """One memory figure of a process; 0 for one that has just ended."""
        try:
            return getattr(getattr(process, method)(), field)
        except psutil.Error:
            return 0


def _cpu_seconds() -> dict[str, float]:
    """User and system CPU time of this process and of its ended children (the workers):
    unlike wall time, barely changed by other programs sharing the cores."""
    own, children = (
        resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return {
        "self": own.ru_utime + own.ru_stime,
        "children": children.ru_utime + children.ru_stime,
    }


def _peak_rss_mb() -> dict:
    """ru_maxrss is in KiB on Linux: this process, and the largest child that has ended."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"self": round(own), "largest_child": round(child), "total": round(own + child)}


def render(f: dict) -> str:
    """The figures as a small table."""
    rss, cpu = f["peak_rss_mb"], f["cpu_seconds"]
    lines = [
        f"pages          {f['pages']:>10,}   ({f['megabytes']} MB on disk)",
        f"task runner    {f['task_runner']:>10}   batch size {f['batch_size']}",
        f"wall           {f['wall_seconds']:>10.1f} s",
        f"pages/s        {f['pages_per_second']:>10,}",
        f"MB/s           {f['megabytes_per_second']:>10.2f}",
        f"CPU seconds    {cpu['self'] + cpu['children']:>10.1f}   (flow {cpu['self']}, "
        + f"workers and other children {cpu['children']})",
        f"               {'':>10}   (of the flow's: the memory sampling {f['sampler_cpu_seconds']})",
        f"peak memory    {f['peak_pss_mb']:>10,} MB   (flow and workers, summed PSS; "
        + f"the flow's {f['flow_pss_at_peak_mb']:,} MB)",
        f"peak RSS       {rss['sampled_total']:>10,} MB   (flow and workers, summed RSS)",
        f"max RSS flow   {rss['self']:>10,} MB",
        f"max RSS child  {rss['largest_child']:>10,} MB   (the largest that has ended)",
        "",
        "stage          seconds   share   (summed over parallel batches)",
    ]
    stage_total = sum(f["stage_seconds"].values()) or 1
    for stage, value in f["stage_seconds"].items():
        lines.append(f"{stage:<12} {value:>9.1f} {100 * value / stage_total:>6.0f}%")
    lines += ["", "run step       seconds   (wall, in the flow process)"]
    for step, value in f["run_seconds"].items():
        lines.append(f"{step:<12} {value:>9.1f}")
    accounted = sum(f["run_seconds"].values())
    lines.append(
        f"{'other':<12} {f['wall_seconds'] - accounted:>9.1f}   (discover, ledger, alerts)"
    )
    records = ", ".join(f"{key} {value:,}" for key, value in f["records"].items())
    lines += ["", f"records: {records}"]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
