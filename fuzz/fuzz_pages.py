"""Byte-level fuzzing of decode -> page parser -> repair with atheris (libFuzzer), seeded
with the annotated corpus pages.

    .venv/bin/pip install atheris          # 3.0.0 builds and runs here (Python 3.11)
    .venv/bin/python fuzz/fuzz_pages.py -max_total_time=60

Each input is decoded like a raw file (newsmend.ingest.decode); a page must yield records
with offsets inside it, and repairing its texts twice must change nothing the second time
(the properties of tests/test_fuzz.py, whose page checks it imports). A failure writes the input to ./crash-* and exits non-zero. libFuzzer
options go after the script (-runs=N, -max_total_time=S); a folder argument is a corpus
libFuzzer reads and adds to, without one it starts from the corpus pages and writes nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

TESTS = Path(__file__).resolve().parent.parent / "tests"
CORPUS = TESTS / "fixtures" / "corpus"
sys.path.insert(0, str(TESTS))

with atheris.instrument_imports(include=["newsmend"]):
    from newsmend.ingest import _Unreadable, decode
    from newsmend.repair import repair_text
from test_fuzz import check_records  # the page properties the suite checks


def one_input(data: bytes) -> None:
    try:
        text = decode(data)
    except _Unreadable:
        return
    articles, headlines = check_records(text)
    for record in articles + headlines:
        for part, raw in (("title", record["title_raw"]), ("body", record.get("body_raw"))):
            if raw:
                fixed = repair_text(raw, part=part)[0]
                again = repair_text(fixed, part=part)[0]
                assert again == fixed, (raw, fixed, again)


def main() -> None:
    """Seeds: the corpus pages as -seed_inputs, unless a corpus folder is given."""
    args = sys.argv
    if not any(Path(arg).is_dir() for arg in args[1:] if not arg.startswith("-")):
        args = [*args, "-seed_inputs=" + ",".join(map(str, sorted(CORPUS.glob("*.txt"))))]
    atheris.Setup(args, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
