"""Write N realistic raw pages by recombining the annotated corpus.

A benchmark on the 21 annotated pages copied over and over would measure caches, not the
pipeline; a benchmark on random text would miss the structures the splitter and the repair
rules work on. So every page here is built from the corpus's own parts (titles, body
sentences, names, outlets, Chinese residue) laid out in the forms the corpus shows (six
byline forms, three related-list forms, credits before or after the list, end markers,
cut-off teasers), with the corpus's artifacts injected at realistic rates and the file-level
oddities (GB18030, BOM, CRLF, gzip) mixed in. Page i depends only on (seed, i), so a corpus
is reproducible and the pages can be written in any order.

    .venv/bin/python bench/make_corpus.py 100000 /tmp/raw --seed 1 --gzip
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from newsmend.ingest import decode
from newsmend.text import CJK_RUN, split_sentences

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
TABLES = ROOT / "newsmend" / "tables"
PAGES_PER_FOLDER = 1000

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
SHORT_MONTHS = [
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "May",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]
CREDIT_LABELS = (
    "Author",
    "Edit",
    "Editor",
    "Responsible editor",
    "Editor in charge",
    "Review",
    "Proofreading",
    "Producer",
    "Text",
    "Picture",
)
CREDIT_SEPARATORS = (": ", "：", " | ", "/")
TEASER_CLICK = (" [Cla", " [Click", " [Click to read")
BODY_SENTENCES = 60  # more than a 4.5 KB body needs
# A figure in running text ("12 new schools", "41.2 degrees"), not a year, a time or "14th".
FIGURE = re.compile(r"(?<![\w:.,])(\d{1,3})(\.\d)?(?![\w:])")
ARTIFACT_RATE = 0.04  # per sentence and artifact kind; the corpus has about one in twenty


@dataclass(frozen=True)
class Material:
    """The parts of the annotated corpus that pages are rebuilt from."""

    titles: tuple[str, ...]
    heads: tuple[str, ...]  # "Wuxi's enrollment policy is released" of "..., and 12 new..."
    tails: tuple[str, ...]  # "and 12 new schools will be put into use in autumn"
    sentences: tuple[str, ...]
    names: tuple[str, ...]
    outlets: tuple[str, ...]
    residue: tuple[str, ...]  # the Chinese left in the pages, as the golds mark it
    list_headers: tuple[str, ...]
    end_markers: tuple[str, ...]


@cache
def load_material(corpus: Path = CORPUS) -> Material:
    """Read titles, sentences, names and residue out of the annotated pages and their golds."""
    titles, sentences, names, outlets, residue = set(), set(), set(), set(), set()
    for gold_path in sorted(corpus.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = decode((corpus / gold["source_file"]).read_bytes())
        residue.update(r["before"] for r in gold["repairs"] if r["rule"] == "cjk_residue")
        titles.update(headline["title"] for headline in gold["headlines"])
        for article in gold["articles"]:
            titles.add(article["title"])
            names.update(article["authors"] + article["editors"])
            if article["outlet"]:
                outlets.add(article["outlet"])
            sentences.update(_body_sentences(text, article))
    clauses = [re.split(r", (?=[a-z])", title) for title in titles]
    return Material(
        titles=tuple(sorted(titles)),
        heads=tuple(sorted({parts[0] for parts in clauses if len(parts) > 1})),
        tails=tuple(sorted({tail for parts in clauses for tail in parts[1:]})),
        sentences=tuple(sorted(sentences)),
        names=tuple(sorted(names)),
        outlets=tuple(sorted(outlets)),
        residue=tuple(sorted(residue)),
        list_headers=_table_lines(TABLES / "list_headers.txt"),
        end_markers=_table_lines(TABLES / "end_markers.txt"),
    )


def _body_sentences(text: str, article: dict) -> list[str]:
    """Whole English sentences of one gold record's body (cut-off teaser tails left out)."""
    start = text.find(article["body_first_words"])
    end = text.find(article["body_last_words"], start)
    if start < 0 or end < 0:
        return []
    body = text[start : end + len(article["body_last_words"])]
    return [
        sentence
        for paragraph in body.split("\n")
        for sentence in split_sentences(paragraph)
        if sentence[-1] in '.!?"' and not CJK_RUN.search(sentence) and len(sentence) > 30
    ]


def _table_lines(path: Path) -> tuple[str, ...]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


class PageWriter:
    """Builds one page's text from a seeded random source; one instance per page."""

    def __init__(self, material: Material, rng: random.Random):
        self.m = material
        self.rng = rng
        self.day = date(2022, 1, 1) + timedelta(days=rng.randrange(365))

    def page(self) -> str:
        parts = [self.title(), self.byline(), *self.body()]
        credits, listing = self.credits(), self.related_list()
        parts += [*credits, *listing] if self.rng.random() < 0.3 else [*listing, *credits]
        parts.append(self.end_marker())
        parts += self.teasers()
        return "\n\n".join(part for part in parts if part) + "\n"

    def title(self) -> str:
        if self.rng.random() < 0.5:
            return self.rng.choice(self.m.titles)
        return f"{self.rng.choice(self.m.heads)}, {self.rng.choice(self.m.tails)}"

    def name(self) -> str:
        return self.rng.choice(self.m.names)

    def byline(self) -> str | None:
        """One of the byline forms the corpus shows, or none at all."""
        d, outlet, rng = self.day, self.rng.choice(self.m.outlets), self.rng
        clock = f"{rng.randrange(7, 23):02d}:{rng.randrange(60):02d}"
        forms = (
            f"Author:{outlet} Time:{d:%Y.%m.%d}",
            f"Source: {outlet} {d:%Y-%m-%d} {clock}",
            f"Release time: {d:%Y-%m-%d} Source: {outlet}",
            f"Release time: {d.year}年{d.month}月{d.day}日 Source: {outlet}",
            f"Reporter {self.name()} Correspondent {self.name()}",
            f"Reporter {self.name()} Correspondent {self.name()} {d.year}/{d.month}/{d.day}",
            f"Text/{self.name()} Picture/{self.name()}",
            f"{d:%Y-%m-%d} {clock}:{rng.randrange(60):02d} Source: {outlet}",
            f"Source: {outlet}",
            f"Time: the day before yesterday Source: {outlet}",
            None,
        )
        return rng.choice(forms)

    def body(self) -> list[str]:
        """Paragraphs of distinct corpus sentences, about 2.5-4.5 KB, with artifacts injected.

        Distinct, so that the only sentences said twice are the ones injected on purpose."""
        target, size, paragraphs = self.rng.randrange(2500, 4500), 0, []
        pool = self.rng.sample(self.m.sentences, BODY_SENTENCES)
        while size < target and pool:
            count = self.rng.randrange(1, 6)
            paragraph = " ".join(self.sentence(pool.pop()) for _ in range(min(count, len(pool))))
            paragraphs.append(paragraph)
            size += len(paragraph)
        if self.rng.random() < ARTIFACT_RATE:
            paragraphs[0] = self.rng.choice(self.m.residue) + paragraphs[0]
        return paragraphs

    def sentence(self, text: str) -> str:
        """A corpus sentence with its figures varied, sometimes with a translation artifact."""
        rng = self.rng
        if rng.random() < 0.5:
            text = FIGURE.sub(self._figure, text)
        roll = rng.random() / ARTIFACT_RATE
        if roll < 1:
            text = text.replace("-", " -", 1)
        elif roll < 2:
            text = self._repeat_phrase(text)
        elif roll < 3:
            text = f"{text} {text}"
        elif roll < 4:
            text = self._full_width(text)
        elif roll < 4.5:
            text = self._mojibake(text)
        elif roll < 5:
            words = text.split(" ")
            at = rng.randrange(1, len(words))
            words.insert(at, rng.choice(self.m.residue))
            text = " ".join(words)
        return text

    def _figure(self, match: re.Match[str]) -> str:
        digits = len(match.group(1))
        return str(self.rng.randrange(10 ** (digits - 1), 10**digits)) + (match.group(2) or "")

    def _repeat_phrase(self, text: str) -> str:
        """'in the first phase of the first phase': a span of words said twice."""
        words = text.split(" ")
        length = self.rng.randrange(1, 4)
        if len(words) < length + 4:
            return text
        at = self.rng.randrange(1, len(words) - length - 1)
        return " ".join(words[: at + length] + words[at : at + length] + words[at + length :])

    def _full_width(self, text: str) -> str:
        choice = self.rng.randrange(4)
        if choice == 0:
            return text.replace(", ", "，", 1)
        if choice == 1:
            return text.replace(", ", " , ", 1)
        if choice == 2:
            return text[:-1] + " ."
        words = text.split(" ")
        at = self.rng.randrange(len(words))
        words[at] = f"（{words[at].strip(',.')}）"
        return " ".join(words)

    def _mojibake(self, text: str) -> str:
        """UTF-8 punctuation read as Windows-1252, as in 'donâ€™t' and 'principle â€” it'."""
        if "'" in text:
            return text.replace("'", "’".encode().decode("cp1252"), 1)
        words = text.split(" ")
        words.insert(self.rng.randrange(1, len(words)), "—".encode().decode("cp1252"))
        return " ".join(words)

    def related_list(self) -> list[str]:
        """0-6 related headlines in one of the three list forms, under a header or none."""
        count = self.rng.choice((0, 0, 3, 4, 5, 6))
        if not count:
            return []
        header = self.rng.choice((*self.m.list_headers, None))
        form = self.rng.randrange(3)
        lines = [header]
        for title in self.rng.sample(self.m.titles, count):
            day = self.day - timedelta(days=self.rng.randrange(10))
            lines += self.list_entry(form, title, day)
        return lines

    def list_entry(self, form: int, title: str, day: date) -> list[str]:
        """One headline of a related list in the list's form (0, 1 or 2)."""
        if form == 0:
            return [title, self.list_date(day)]
        if form == 1:
            short = f"{day:%m-%d}" if self.rng.random() < 0.3 else f"{day:%Y-%m-%d}"
            return [f"{short} | {title}"]
        return [f"{title} ({day.year}/{day.month}/{day.day})"]

    def list_date(self, d: date) -> str:
        forms = (
            f"{d:%Y-%m-%d}",
            f"{d:%m-%d}",
            f"{SHORT_MONTHS[d.month - 1]} {d.day}, {d.year}",
            f"{MONTHS[d.month - 1]} {d.day}, {d.year}",
            f"{d.day} {MONTHS[d.month - 1]} {d.year}",
            f"{d.year}年{d.month}月{d.day}日",
        )
        return self.rng.choice(forms)

    def credits(self) -> list[str]:
        """1-3 credit lines, names run together or comma-separated; rarely Chinese after them."""
        lines = []
        for label in self.rng.sample(CREDIT_LABELS, self.rng.randrange(1, 4)):
            names = [self.name() for _ in range(self.rng.choice((1, 1, 2, 3)))]
            joined = (" " if self.rng.random() < 0.5 else ", ").join(names)
            lines.append(f"{label}{self.rng.choice(CREDIT_SEPARATORS)}{joined}")
        if self.rng.random() < 0.03:
            lines.append(self.rng.choice(self.m.residue))
        return lines

    def end_marker(self) -> str | None:
        return self.rng.choice((*self.m.end_markers, None, None))

    def teasers(self) -> list[str]:
        """0-3 other stories' openings, often cut off mid-word or with '...'."""
        parts = []
        for _ in range(self.rng.choice((0, 1, 2, 2, 3))):
            title = self.teaser_title(self.rng.choice(self.m.titles))
            body = " ".join(self.rng.choice(self.m.sentences) for _ in range(2))
            parts += [title, self.cut_off(body)]
        return parts

    def teaser_title(self, title: str) -> str:
        """Sometimes with a cut-off link label, as pages show it."""
        if self.rng.random() < 0.3:
            title += self.rng.choice(TEASER_CLICK)
        return title

    def cut_off(self, body: str) -> str:
        """A teaser's text cut at a random point: mid-word, after a word with '...', or whole."""
        cut = self.rng.randrange(len(body) // 2, len(body))
        ending = self.rng.random()
        if ending < 0.4:
            return body[:cut].rsplit(" ", 1)[0] + "..."
        if ending < 0.7:
            return body[:cut]
        return body


def encode_page(text: str, rng: random.Random) -> bytes:
    """The file-level oddities: trailing blanks, CRLF, a BOM, GB18030 instead of UTF-8."""
    if rng.random() < 0.03:
        text = text.replace("\n\n", "  \n\n\n")
    if rng.random() < 0.05:
        text = text.replace("\n", "\r\n")
    roll = rng.random()
    if roll < 0.05:
        return text.encode("gb18030")
    if roll < 0.08:
        return text.encode("utf-8-sig")
    return text.encode("utf-8")


def write_corpus(n: int, out: Path, seed: int = 0, gzipped: bool = False) -> int:
    """Write pages 0..n-1 under out/<folder>/, one folder per process task; returns bytes.

    Half the time goes to creating files, so folders are written by all cores at once."""
    folders = [
        (out, seed, gzipped, range(start, min(start + PAGES_PER_FOLDER, n)))
        for start in range(0, n, PAGES_PER_FOLDER)
    ]
    with ProcessPoolExecutor() as pool:
        return sum(pool.map(_write_folder, folders))


def _write_folder(job: tuple[Path, int, bool, range]) -> int:
    out, seed, gzipped, pages = job
    material = load_material()
    folder = out / f"{pages.start // PAGES_PER_FOLDER:05d}"
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for i in pages:
        rng = random.Random(seed * 1_000_003 + i)
        data = encode_page(PageWriter(material, rng).page(), rng)
        name = f"page_{i:07d}.txt"
        if gzipped and rng.random() < 0.2:
            data, name = gzip.compress(data, compresslevel=6, mtime=0), name + ".gz"
        (folder / name).write_bytes(data)
        written += len(data)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of pages")
    parser.add_argument("out", type=Path, help="folder to write into")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--gzip", action="store_true", help="gzip about one page in five")
    args = parser.parse_args()
    started = time.perf_counter()
    written = write_corpus(args.n, args.out, args.seed, args.gzip)
    seconds = time.perf_counter() - started
    print(f"{args.n} pages, {written / 1e6:.1f} MB in {seconds:.1f} s -> {args.out}")


if __name__ == "__main__":
    main()
