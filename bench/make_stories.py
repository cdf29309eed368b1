"""Write N pages whose stories recur the way they do in real dumps, and the truth of which
record belongs to which story.

Stories (title, date, body) are drawn once from the annotated corpus's material (see
make_corpus.py). Each page carries one story as its article: the same text, a copy with a
few words changed, or a copy missing its last paragraph, under the page's own byline. Other
stories appear as teasers cut off at the bottom of the page and as headlines of its related
list; about a third of the stories have no article on any page, so their teasers and
headlines must stay unlinked. Some pages are saved twice under another name. Page i depends
only on (seed, i).

The truth (Parquet, one row per record): source_file, table, kind, title, story.

    .venv/bin/python bench/make_stories.py 20000 /tmp/stories/raw --seed 1
"""

from __future__ import annotations

import argparse
import random
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import polars as pl
from make_corpus import FIGURE, MONTHS, PAGES_PER_FOLDER, PageWriter, encode_page, load_material

STORIES_PER_PAGE = 0.8  # distinct stories per page: each article story shows on ~1.5 pages
SAVED_TWICE = 0.05  # pages that are a byte copy of a recent page under another name
EDITED, TRUNCATED = 0.25, 0.15  # shares of article copies that are edited or truncated
TRUTH = {"source_file": pl.String, "table": pl.String, "kind": pl.String, "title": pl.String}


@dataclass(frozen=True)
class Story:
    number: int
    title: str
    day: date
    paragraphs: tuple[str, ...]


@lru_cache(maxsize=50_000)
def story(seed: int, number: int) -> Story:
    """Story `number`: a title, a date, a body. The corpus has few titles, so a name, figures
    and the day are worked in: in real dumps different stories rarely share a whole title
    (here about 0.7% of stories do, as at 124,000 stories)."""
    rng = random.Random(f"story {seed} {number}")
    writer = PageWriter(load_material(), rng)
    day = writer.day
    title = FIGURE.sub(
        writer._figure, f"{rng.choice(writer.m.heads)}, {rng.choice(writer.m.tails)}"
    )
    title = f"{writer.name()}: {title} ({MONTHS[day.month - 1]} {day.day})"
    return Story(number, title, day, tuple(writer.body()))


class StoryPageWriter(PageWriter):
    """A page of make_corpus's layout whose article, teasers and list are given stories."""

    def __init__(self, material, rng, main: Story, teased: list[Story], listed: list[Story]):
        super().__init__(material, rng)
        self.day, self.main, self.teased, self.listed = main.day, main, teased, listed

    def title(self) -> str:
        return self.main.title

    def body(self) -> list[str]:
        """The story's text: as published, with a few words changed, or truncated."""
        paragraphs, roll = list(self.main.paragraphs), self.rng.random()
        if roll < EDITED:
            for _ in range(self.rng.randrange(1, 4)):
                at = self.rng.randrange(len(paragraphs))
                words = paragraphs[at].split(" ")
                words[self.rng.randrange(len(words))] = self.rng.choice(self.m.sentences).split()[0]
                paragraphs[at] = " ".join(words)
        elif roll < EDITED + TRUNCATED and len(paragraphs) > 3:
            paragraphs.pop()
        return paragraphs

    def related_list(self) -> list[str]:
        if not self.listed:
            return []
        header = self.rng.choice((*self.m.list_headers, None))
        form = self.rng.randrange(3)
        return [header] + [
            line for item in self.listed for line in self.list_entry(form, item.title, item.day)
        ]

    def teasers(self) -> list[str]:
        parts = []
        for item in self.teased:
            opening = " ".join(item.paragraphs[0].split(". ")[:2])
            parts += [self.teaser_title(item.title), self.cut_off(opening)]
        return parts


def page_stories(seed: int, i: int, n: int) -> tuple[random.Random, int, list[int], list[int]]:
    """The page's random source, its article's story, and the stories it teases and lists."""
    rng = random.Random(seed * 1_000_003 + i)
    stories = max(1, int(n * STORIES_PER_PAGE))
    main = rng.randrange(stories)
    others = rng.sample(range(stories), 10)
    others = [other for other in others if other != main]
    teased = others[: rng.choice((0, 1, 2, 2, 3))]
    listed = others[len(teased) :][: rng.choice((0, 0, 3, 4, 5, 6))]
    return rng, main, teased, listed


def write_page(seed: int, i: int, n: int) -> tuple[bytes, list[dict]]:
    """Page i's bytes, and its truth rows (source_file filled in by the caller)."""
    rng, main, teased, listed = page_stories(seed, i, n)
    teased_stories = [story(seed, s) for s in teased]
    listed_stories = [story(seed, s) for s in listed]
    main_story = story(seed, main)
    writer = StoryPageWriter(load_material(), rng, main_story, teased_stories, listed_stories)
    data = encode_page(writer.page(), rng)
    truth = [("articles", "article", main_story)]
    truth += [("articles", "teaser", item) for item in teased_stories]
    truth += [("headlines", "headline", item) for item in listed_stories]
    rows = [
        {"table": table, "kind": kind, "title": item.title, "story": item.number}
        for table, kind, item in truth
    ]
    return data, rows


def saved_from(seed: int, i: int) -> int:
    """The page that page i is a saved copy of (itself, for most pages)."""
    rng = random.Random(f"saved {seed} {i}")
    if i > 0 and rng.random() < SAVED_TWICE:
        return i - 1 - rng.randrange(min(i, 50))
    return i


def write_stories(n: int, out: Path, truth: Path, seed: int = 0) -> int:
    """Write pages 0..n-1 under out/<folder>/ and the truth; returns the number of records."""
    jobs = [
        (out, seed, n, range(start, min(start + PAGES_PER_FOLDER, n)))
        for start in range(0, n, PAGES_PER_FOLDER)
    ]
    with ProcessPoolExecutor() as pool:
        frames = list(pool.map(_write_folder, jobs))
    rows = pl.concat(frames)
    truth.parent.mkdir(parents=True, exist_ok=True)
    rows.write_parquet(truth)
    return rows.height


def _write_folder(job: tuple[Path, int, int, range]) -> pl.DataFrame:
    out, seed, n, pages = job
    folder = out / f"{pages.start // PAGES_PER_FOLDER:05d}"
    folder.mkdir(parents=True, exist_ok=True)
    truth = []
    for i in pages:
        data, rows = write_page(seed, saved_from(seed, i), n)
        name = f"page_{i:07d}.txt"
        (folder / name).write_bytes(data)
        truth += [{"source_file": f"{folder.name}/{name}", **row} for row in rows]
    return pl.DataFrame(truth, schema={**TRUTH, "story": pl.Int64})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of pages")
    parser.add_argument("out", type=Path, help="folder to write the pages into")
    parser.add_argument("--truth", type=Path, help="default: <out>/../truth.parquet")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    truth = args.truth or args.out.parent / "truth.parquet"
    started = time.perf_counter()
    records = write_stories(args.n, args.out, truth, args.seed)
    seconds = time.perf_counter() - started
    print(f"{args.n} pages, {records} records in {seconds:.1f} s -> {args.out}, {truth}")


if __name__ == "__main__":
    main()
