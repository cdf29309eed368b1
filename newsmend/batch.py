"""What one batch task returns: counts, examples and stage seconds, a few KB whatever its size.

Apart from pipeline.py, which imports every stage (Great Expectations alone is 190 MB): the
flow's process folds these results while the workers run the stages, and imports no stage.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

STAGES = ("read", "split", "extract", "repair", "validate", "write", "story keys")
EXAMPLES_PER_CHECK = 5  # record ids shown per failed check in the run's report
FILE_OUTCOMES = "file_outcomes"  # staged folder of per-file outcomes, folded into the ledger


@dataclass
class BatchResult:
    files: int = 0  # each file's hash and outcome go to the batch's FILE_OUTCOMES part
    files_quarantined: int = 0
    articles: int = 0
    headlines: int = 0
    quarantined: int = 0
    bytes_read: int = 0
    failed_checks: Counter = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)  # check -> a few record_ids
    repairs: Counter = field(default_factory=Counter)
    flags: Counter = field(default_factory=Counter)
    furniture: Counter = field(default_factory=Counter)  # site furniture lines dropped, per kind
    translation: Counter = field(default_factory=Counter)  # cache hits, misses, failures
    seconds: Counter = field(default_factory=Counter)  # per stage

    def add(self, other: BatchResult) -> None:
        """Fold another batch's counts into this one (for the run's totals)."""
        for name in (
            "files",
            "files_quarantined",
            "articles",
            "headlines",
            "quarantined",
            "bytes_read",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in ("failed_checks", "repairs", "flags", "furniture", "translation", "seconds"):
            getattr(self, name).update(getattr(other, name))
        for check, record_ids in other.examples.items():
            self.add_examples(check, record_ids)

    def add_examples(self, check: str, record_ids: list[str]) -> None:
        kept = self.examples.setdefault(check, [])
        kept.extend(record_ids[: EXAMPLES_PER_CHECK - len(kept)])
