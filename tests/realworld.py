"""Score newsmend on the real pages of tests/fixtures/realworld against their gold files.

    .venv/bin/python tests/realworld.py [--set tune|heldout|all | --dir FOLDER] [--scorer PATH]
                                        [--verbose] [--misses] [--per-page JSON] [--against JSON]

Runs every page of the set through one batch of the real pipeline (split, extract, repair,
GX validation, Parquet), then prints the shared scorer's figures (`--scorer`, by default
../shared/tools/score_gold.py beside the project, when it is there) and the figures the
shared scorer does not give:

- `article_f1`: gold articles found (a title similar as the shared scorer's; an untitled
  one by its body's opening words), against the articles and teasers put out;
- `title_exact`, `date_exact`, `credits_exact`: found gold articles whose output title
  (spacing and case aside; as the page wrote it or as repaired: a gold title is written as
  the page writes it, "China´s", and repair makes it "China's"), date, or authors and
  editors both, equal the gold's, and `bounds_exact`: those whose body opens and closes with
  the gold's words, as repaired or as split (over the articles found, as the shared scorer's
  accuracies are: a missed article counts in F1). `bounds_exact` asks where a story starts
  and ends, what the shared scorer's `body_bounds_accuracy` asks, of the record paired here
  (the shared scorer pairs untitled records by their empty titles, the last first), and of
  its text as split too: a gold file copies its words from the page ("a journey of…"), where
  repair drops a cut-off's dots and mends punctuation;
- `records_not_in_gold`: output articles and headlines that match no gold record: furniture
  or text taken for a story;
- `quarantined_by_check`: per check, the real articles it quarantined;
- `missed_by_place`: the gold articles no record matched, by their page (one story or
  several), whether they have a title, and where their text went (a record of its own under
  another title, inside another record, nowhere): what to read next, in counts only, so
  the held-back set can be asked too.

`--per-page JSON` writes each page's counts; `--against JSON` (another run's, at other code)
lists the pages whose counts moved: which pages a change touched. Held-back pages are counted
there, not named, and `--verbose` (which lists each miss with its words) and `--misses` (each
story not found, where its text went and under which title, and each record not in gold, by
its title and first words) are refused for them: what is never read while tuning is not
shown either.

`tests/test_realworld.py` asserts the targets on these figures.
"""

from __future__ import annotations

import argparse
import difflib
import importlib.util
import json
import os
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

import polars as pl

HERE = Path(__file__).parent
REALWORLD = HERE / "fixtures" / "realworld"
SETS = ("tune", "heldout")
DEFAULT_SCORER = HERE.parent.parent / "shared" / "tools" / "score_gold.py"
WORD = re.compile(r"[0-9A-Za-z\u4e00-\u9fff]+")
MATCH_RATIO = 0.8  # the shared scorer's title similarity for "the same record"
MISSED_OPENING_CHARS = 40  # letters of a missed article's opening looked for in the output


def folders(which: str | Path) -> list[Path]:
    """The folders of a set ("tune", "heldout", "all"), or a folder of pages itself (a fresh
    batch, scored before it is read)."""
    if isinstance(which, Path):
        return [which]
    return [REALWORLD / s for s in (SETS if which == "all" else (which,))]


def pages(which: str | Path) -> list[Path]:
    return sorted(
        p
        for folder in folders(which)
        for p in folder.glob("*.txt")
        if p.with_suffix(".gold.json").exists()
    )


def golds(which: str | Path) -> list[dict]:
    return [
        json.loads(p.with_suffix(".gold.json").read_text(encoding="utf-8")) for p in pages(which)
    ]


def run_pipeline(paths: list[Path], out: Path):
    """One batch of the real pipeline over the pages, written as Parquet under out; the
    batch's counts (`BatchResult`)."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    from newsmend.config import load_settings
    from newsmend.pipeline import process_batch

    raw = out / "raw"
    raw.mkdir(parents=True)
    for path in paths:
        (raw / path.name).write_bytes(path.read_bytes())
    settings = load_settings(raw=raw, out=out)
    return process_batch(sorted(raw.iterdir()), settings, out, 0, "realworld")


def _tokens(text: str | None) -> str:
    return " ".join(WORD.findall((text or "").lower()))


def _similar(a: str | None, b: str | None) -> float:
    return difflib.SequenceMatcher(None, _tokens(a), _tokens(b)).ratio()


def _likeness(want: dict, got: dict) -> float:
    """How alike a gold article and an output record are: their titles, or, for an untitled
    gold article, the opening words of an untitled record's body (every untitled record is
    alike by its title alone, and would be matched in the order it came)."""
    if want["title"] or got.get("title"):
        return _similar(want["title"], got.get("title"))
    opening = _tokens(want["body_first_words"])
    words = len(opening.split())
    return _similar(opening, " ".join(_tokens(got.get("body")).split()[:words]))


def _spaced(text: str | None) -> str:
    return " ".join((text or "").split())


def _norm(text: str | None) -> str:
    return _spaced(text).casefold()


def _records(out: Path) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    def read(table: str) -> pl.DataFrame:
        return pl.concat([pl.read_parquet(f) for f in sorted((out / table).rglob("*.parquet"))])

    return read("articles"), read("headlines"), read("quarantine")


def own_figures(out: Path, gold_pages: list[dict]) -> tuple[dict, dict[str, Counter]]:
    """The figures of the issue, computed here (see the module docstring): the shared scorer
    gives F1 and dates too, and agrees with these; and each page's counts, by file. Only the
    gold pages' records count, so one run over every page serves each set."""
    records, headlines = _page_outputs(out)
    by_check: Counter = Counter()
    per_page = {}
    for gold in gold_pages:
        mine = records.get(gold["source_file"], [])
        for record in mine:
            if record.get("kind") == "article":
                by_check.update(record.get("_failed", []))
        heads = headlines.get(gold["source_file"], [])
        per_page[gold["source_file"]] = page_counts(gold, mine, heads)
    count = sum(per_page.values(), Counter())
    return figures(count) | {"quarantined_by_check": dict(by_check.most_common())}, per_page


def _page_outputs(out: Path) -> tuple[dict[str, list[dict]], dict[str, list[str]]]:
    """The articles and teasers a run put out, its quarantined ones too (with their failed
    checks as `_failed`), and its headlines' titles, each by the file they came from."""
    articles, headlines, quarantine = _records(out)
    quarantined = [
        json.loads(r) | {"_failed": f}
        for r, f, t in zip(quarantine["record"], quarantine["failed_checks"], quarantine["table"])
        if t == "articles"
    ]
    records: dict[str, list[dict]] = {}
    for record in [*articles.to_dicts(), *quarantined]:
        records.setdefault(record["source_file"], []).append(record)
    heads: dict[str, list[str]] = {}
    for source, title in zip(headlines["source_file"], headlines["title"]):
        heads.setdefault(source, []).append(title)
    return records, heads


def misses(out: Path, gold_pages: list[dict]) -> list[str]:
    """`page_misses` for every page, each line opening with the page's name."""
    records, _headlines = _page_outputs(out)
    return [
        f"{gold['source_file']}: {line}"
        for gold in gold_pages
        for line in page_misses(gold, records.get(gold["source_file"], []))
    ]


def changed_pages(before: dict[str, dict], after: dict[str, dict]) -> list[str]:
    """One line for each page whose counts differ between two runs' per-page counts (as
    `--per-page` writes them): which change touched which page."""
    lines = []
    for page in sorted(set(before) | set(after)):
        old, new = before.get(page, {}), after.get(page, {})
        moved = [
            f"{name} {old.get(name, 0)} -> {new.get(name, 0)}"
            for name in ("found", "output", "unmatched", "title", "date", "credits", "bounds")
            if old.get(name, 0) != new.get(name, 0)
        ]
        if moved:
            lines.append(f"{page}: {', '.join(moved)}")
    return lines


def _paired(gold: dict, mine: list[dict]) -> list[int | None]:
    """For each gold article, the index in `mine` of the record it is found as (the most
    alike of those not yet paired, when alike enough), or None."""
    pairs: list[int | None] = []
    for want in gold["articles"]:
        best = max(
            (i for i in range(len(mine)) if i not in pairs),
            key=lambda i: _likeness(want, mine[i]),
            default=None,
        )
        pairs.append(
            best if best is not None and _likeness(want, mine[best]) >= MATCH_RATIO else None
        )
    return pairs


def page_counts(gold: dict, mine: list[dict], heads: list[str]) -> Counter:
    """One page's counts: its gold articles, those found among the page's output records
    (`mine`: title, title_raw, body, published, authors, editors) and with the right title,
    date or credits; the records output, and those (headlines `heads` too) no gold record
    matches."""
    count: Counter = Counter()
    pairs = _paired(gold, mine)
    used = {i for i in pairs if i is not None}
    for want, best in zip(gold["articles"], pairs):
        count["gold"] += 1
        if best is None:
            count[_missed(want, mine, several=len(gold["articles"]) > 1)] += 1
            continue
        got = mine[best]
        count["found"] += 1
        count["title"] += _norm(want["title"]) in (
            _norm(got.get("title")),
            _norm(got["title_raw"]),
        )
        count["date"] += str(got.get("published") or "")[:10] == (want["published"] or "")
        count["credits"] += sorted(got.get("authors") or []) == sorted(want["authors"]) and (
            sorted(got.get("editors") or []) == sorted(want["editors"])
        )
        count["bounds"] += any(_bounded(want, got.get(text)) for text in ("body", "body_raw"))
    count["output"] += len(mine)
    count["unmatched"] += (
        len(mine)
        - len(used)
        + sum(
            not any(_similar(h["title"], title) >= MATCH_RATIO for h in gold["headlines"])
            for title in heads
        )
    )
    return count


def page_misses(gold: dict, mine: list[dict]) -> list[str]:
    """What `--misses` prints for a page: each gold article no record matched, where its text
    went and under which title, and each record no gold article matched, by its title and
    its first words."""
    pairs = _paired(gold, mine)
    lines = []
    for want, best in zip(gold["articles"], pairs):
        if best is None:
            opening = _letters(want["body_first_words"])[:MISSED_OPENING_CHARS]
            holder = next((r for r in mine if opening and opening in _letters(r.get("body"))), None)
            into = f" -> {_spaced(holder.get('title'))[:60]!r}" if holder else ""
            place = _missed(want, mine, several=len(gold["articles"]) > 1).removeprefix("missed: ")
            lines.append(f"missed ({place}): {_spaced(want['title'])[:60]!r}{into}")
    for i, record in enumerate(mine):
        if i not in pairs:
            title, body = _spaced(record.get("title"))[:60], _spaced(record.get("body"))[:60]
            lines.append(f"not in gold ({record.get('kind')}): {title!r} | {body!r}")
    return lines


def _bounded(want: dict, body: str | None) -> bool:
    """The body opens and closes with the gold's words."""
    body = _spaced(body)
    return body.startswith(_spaced(want["body_first_words"])) and body.endswith(
        _spaced(want["body_last_words"])
    )


def _missed(want: dict, mine: list[dict], several: bool) -> str:
    """Where a gold article that no output record matches went: a key of the page's counts,
    "missed: <page> <titled or not> <where>"; its opening words at the start of a record's
    text (a record of its own, under another title), inside one (read into another story),
    or in none (dropped, or cut up)."""
    opening = _letters(want["body_first_words"])[:MISSED_OPENING_CHARS]
    texts = [_letters(record.get("body")) for record in mine]
    if opening and any(text.startswith(opening) for text in texts):
        place = "its own record, another title"
    elif opening and any(opening in text for text in texts):
        place = "inside another record"
    else:
        place = "nowhere"
    page = "several stories" if several else "one story"
    return f"missed: {page}, {'titled' if want['title'] else 'untitled'}, {place}"


def _letters(text: str | None) -> str:
    return "".join(WORD.findall((text or "").lower()))


def figures(count: Counter) -> dict:
    """The issue's figures from the summed page counts."""
    precision = count["found"] / count["output"] if count["output"] else 1.0
    recall = count["found"] / count["gold"] if count["gold"] else 1.0
    return {
        "article_f1": _round(2 * precision * recall / (precision + recall or 1)),
        "title_exact": _round(count["title"] / (count["found"] or 1)),
        "date_exact": _round(count["date"] / (count["found"] or 1)),
        "credits_exact": _round(count["credits"] / (count["found"] or 1)),
        "bounds_exact": _round(count["bounds"] / (count["found"] or 1)),
        "records_not_in_gold": count["unmatched"],
        "counts": {
            k: count[k] for k in ("gold", "output", "found", "title", "date", "credits", "bounds")
        },
        "missed_by_place": {
            k.removeprefix("missed: "): n
            for k, n in sorted(count.items())
            if k.startswith("missed: ")
        },
    }


def _round(value: float) -> float:
    return round(value, 4)


def shared_figures(scorer: Path, out: Path, which: str | Path, verbose: bool) -> dict:
    """The shared scorer's figures over the set's gold files."""
    spec = importlib.util.spec_from_file_location("score_gold", scorer)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score(folders(which), out, verbose)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--set", choices=(*SETS, "all"), default="tune")
    which.add_argument("--dir", type=Path, help="a folder of NAME.txt and NAME.gold.json instead")
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    parser.add_argument("--verbose", action="store_true", help="list each miss")
    parser.add_argument(
        "--misses",
        action="store_true",
        help="list each story not found (where its text went) and each record not in gold",
    )
    parser.add_argument("--per-page", type=Path, help="write each page's counts here (JSON)")
    parser.add_argument(
        "--against", type=Path, help="a --per-page file of another run: list the pages that moved"
    )
    args = parser.parse_args()
    chosen = args.dir or args.set
    if not pages(chosen):
        parser.error(f"no page with a gold file in {chosen}")
    kept_back = {page.name for page in pages("heldout")}
    if (args.verbose or args.misses) and any(page.name in kept_back for page in pages(chosen)):
        parser.error("--verbose lists the held-back pages' misses: use it with --set tune or --dir")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        run_pipeline(pages(chosen), out)
        figures = {"pages": len(pages(chosen))}
        if args.scorer.exists():
            figures |= shared_figures(args.scorer, out, chosen, args.verbose)
        own, per_page = own_figures(out, golds(chosen))
        figures |= own
        missed = misses(out, golds(chosen)) if args.misses else []
    for name, value in figures.items():
        if name == "problems":
            print("\n".join(f"  miss: {p}" for p in value))
        else:
            print(f"{name} {value}")
    print("\n".join(f"  {line}" for line in missed))
    counts = {page: dict(count) for page, count in per_page.items()}
    if args.per_page:
        args.per_page.write_text(json.dumps(counts, indent=1, sort_keys=True), encoding="utf-8")
    if args.against:
        before = json.loads(args.against.read_text(encoding="utf-8"))
        moved = changed_pages(before, counts)
        named = [line for line in moved if line.split(":")[0] not in kept_back]
        print("\n".join(f"  moved: {line}" for line in named))
        if len(named) < len(moved):
            print(f"  moved: {len(moved) - len(named)} held-back pages (not named)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
