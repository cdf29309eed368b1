"""Where one batch's time goes: its stages, each repair rule, and a pyinstrument profile.

    .venv/bin/python bench/profile.py [--pages 2000 | --corpus DIR] [--tree]

One batch (`pipeline.process_batch`, validation included, translation off) runs in this
process, once to warm up (imports, the GX project set up for the run) and once measured on
other pages. It prints the stage seconds, the seconds of the repair marks (which rules could
change each text: the compiled core's scans, or with NEWSMEND_TEXT_CORE=python the rules'
polars probes), then for each repair rule the seconds of its probe (run only by the
reference marks) and of its Python fix, the texts probed, selected and changed (over the
passes), and with --tree the pyinstrument call tree of the measured batch. CPU seconds, not
wall: a batch (of the default batch_size) is the unit bench/run.py spreads over the workers.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

from make_corpus import write_corpus  # bench/, beside this script
from run import CONFIG  # the benchmark's settings (bench/run.py): translation off

from newsmend import repair
from newsmend.config import Settings, load_settings
from newsmend.ingest import discover, file_paths
from newsmend.pipeline import process_batch
from newsmend.repair import marks

WARM_UP_PAGES = 200
# One run for both batches, as in a run's worker: the GX project is set up for a run once per
# process (validate.checkpoints), so the measured batch's validate is a Checkpoint's run alone.
RUN_ID = "profiled"


def main() -> None:
    args = _arguments()
    work = Path(tempfile.mkdtemp(prefix="newsmend-profile-"))
    try:
        raw = args.corpus
        if raw is None:
            raw = work / "raw"
            write_corpus(WARM_UP_PAGES + args.pages, raw)
        files = file_paths(discover(raw), raw)
        if len(files) < WARM_UP_PAGES + args.pages:
            sys.exit(
                f"--corpus {raw} holds {len(files)} pages; {WARM_UP_PAGES + args.pages} needed"
            )
        (work / "bench.toml").write_text(CONFIG, encoding="utf-8")
        settings = load_settings(work / "bench.toml", raw=raw, out=work / "out")
        process_batch(files[:WARM_UP_PAGES], settings, work / "staging", 0, RUN_ID)
        measured = files[WARM_UP_PAGES : WARM_UP_PAGES + args.pages]
        with _timed_rules() as rules, _timed_marks(rules), _profiler(args.tree) as profiler:
            started = time.process_time()
            result = process_batch(measured, settings, work / "staging", 1, RUN_ID)
            cpu = time.process_time() - started
        print(_render(len(measured), cpu, result.seconds, rules))
        if profiler is not None:
            print(profiler.output_text(unicode=True, show_all=False))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--pages", type=int, default=Settings.batch_size, help="pages in the measured batch"
    )
    source.add_argument("--corpus", type=Path, help="an existing raw folder instead")
    parser.add_argument("--tree", action="store_true", help="print the pyinstrument call tree")
    return parser.parse_args()


@contextmanager
def _timed_rules():
    """Each repair rule wrapped so that its probe and fix add their seconds and row counts
    to a table: rule -> Counter(probe_s, probed, selected (texts fixed), fix_s, changed)."""
    table: dict[str, Counter] = defaultdict(Counter)

    def timed(rule: repair.Rule) -> repair.Rule:
        def probe(column, part):
            started = time.process_time()
            probed = rule.probe(column, part)
            figures = table[rule.name]
            figures["probe_s"] += time.process_time() - started
            figures["probed"] += len(column)
            return probed

        def fix(work):
            before, started = work.text, time.process_time()
            rule.fix(work)
            table[rule.name]["fix_s"] += time.process_time() - started
            table[rule.name]["selected"] += 1
            table[rule.name]["changed"] += work.text != before

        return replace(rule, probe=probe, fix=fix)

    original = list(repair.RULES)
    repair.RULES[:] = [timed(rule) for rule in original]
    try:
        yield table
    finally:
        repair.RULES[:] = original


@contextmanager
def _timed_marks(table: dict[str, Counter]):
    """The repair marks timed into table["marks"]: seconds and texts scanned."""

    def timed(texts, part, rules, wanted=-1):
        started = time.process_time()
        found = original(texts, part, rules, wanted)
        table["marks"]["probe_s"] += time.process_time() - started
        table["marks"]["probed"] += len(texts)
        return found

    original = marks.mark
    marks.mark = timed
    try:
        yield
    finally:
        marks.mark = original


@contextmanager
def _profiler(wanted: bool):
    if not wanted:
        yield None
        return
    from pyinstrument import Profiler

    profiler = Profiler()
    with profiler:
        yield profiler


def _render(pages: int, cpu: float, stages: Counter, rules: dict[str, Counter]) -> str:
    lines = [f"one batch of {pages:,} pages: {cpu:.2f} CPU s, {1000 * cpu / pages:.2f} ms a page"]
    lines += ["", "stage         seconds"]
    lines += [f"{stage:<12} {seconds:>8.3f}" for stage, seconds in stages.items()]
    lines += ["", "rule                     probe s   probed  selected    fix s  changed"]
    for name in ["marks", *repair.RULE_NAMES]:  # every rule, those that fixed nothing too
        f = rules[name]
        lines.append(
            f"{name:<24} {f['probe_s']:>8.3f} {f['probed']:>8,} {f['selected']:>9,}"
            f" {f['fix_s']:>8.3f} {f['changed']:>8,}"
        )
    total = rules["marks"]["probe_s"] + sum(f["fix_s"] for f in rules.values())  # probes: in marks
    lines.append(f"{'all rules':<24} {total:>8.3f}   (the rest of repair: frames, joins)")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
