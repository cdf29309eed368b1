"""How far two annotators agree: a second reader's gold files scored against the first's.

    .venv/bin/python tests/agreement.py FIRST_FOLDER SECOND_FOLDER

Every page with a gold file in both folders counts; its text is read beside either. The second reader's records are scored
as newsmend's output is (`realworld.page_counts`: the same matching, by title or by an
untitled body's opening words, and the same figures), so that the figures say how much of
the gap between newsmend and a target is the annotation's own doubt: a target above the
readers' agreement cannot be met on these golds. Headlines agree when their titles are
similar as records' are.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from realworld import MATCH_RATIO, _similar, figures, page_counts


def as_output(article: dict, page: str) -> dict:
    """A gold article as an output record: its title, and as its body the page's text from
    its opening words on (an untitled record is matched by its body's opening, as long as
    the gold's opening it is compared with)."""
    opening = page.find(article["body_first_words"])
    return {
        "title": article["title"],
        "title_raw": article["title"],
        "body": page[opening:] if opening >= 0 else article["body_first_words"],
        "published": article["published"],
        "authors": article["authors"],
        "editors": article["editors"],
    }


def agreement(first: Path, second: Path) -> dict:
    """The figures of the second folder's golds scored against the first's."""
    count: Counter = Counter()
    pages = 0
    for path in sorted(second.glob("*.gold.json")):
        if not (first / path.name).exists():
            continue
        pages += 1
        want = json.loads((first / path.name).read_text(encoding="utf-8"))
        got = json.loads(path.read_text(encoding="utf-8"))
        heads = [h["title"] for h in got["headlines"]]
        page = _page_text(first, second, path.name.removesuffix(".gold.json"))
        count += page_counts(want, [as_output(a, page) for a in got["articles"]], heads)
        count["headlines"] += len(want["headlines"])
        count["headlines_out"] += len(heads)
        count["headlines_found"] += sum(
            any(_similar(h["title"], title) >= MATCH_RATIO for title in heads)
            for h in want["headlines"]
        )
    found, gold, out = (count[k] for k in ("headlines_found", "headlines", "headlines_out"))
    headline_f1 = 2 * found / (gold + out) if gold + out else 1.0
    return {"pages": pages, **figures(count), "headline_f1": round(headline_f1, 4)}


def _page_text(first: Path, second: Path, name: str) -> str:
    """The page's text, beside either reader's gold file ("" when neither has it)."""
    for folder in (first, second):
        if (folder / f"{name}.txt").exists():
            return (folder / f"{name}.txt").read_text(encoding="utf-8")
    return ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("first", type=Path, help="the first reader's gold files")
    parser.add_argument("second", type=Path, help="the second reader's gold files")
    args = parser.parse_args()
    for folder in (args.first, args.second):
        if not folder.is_dir():
            parser.error(f"not a folder: {folder}")
    result = agreement(args.first, args.second)
    if not result["pages"]:
        parser.error("no page has a gold file in both folders")
    for name, value in result.items():
        print(f"{name} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
