"""Every regular expression of the package against long adversarial strings: a pattern that
backtracks catastrophically (or rescans from every position) would let one hostile page stall
a batch. The time is the point of this test, so it is measured, with a generous bound."""

import dataclasses
import importlib
import pkgutil
import re
import time

import polars as pl
import pytest

import newsmend
from newsmend.credits import MAX_BYLINE_CHARS
from newsmend.ingest import Page
from newsmend.pipeline import _raw_frame
from newsmend.records import page_records
from newsmend.repair import TAIL, repair_frame
from newsmend.schema import ARTICLES, HEADLINES
from newsmend.split.lines import MAX_TITLE_CHARS

LENGTH = 50_000
# A linear pattern scans 50,000 characters in well under a second (SENTENCE_END, the slowest,
# about 0.2 s on a run of dots); a backtracking one takes minutes. The margin allows for a
# machine busy with other work (the suite runs on two workers).
SECONDS = 3.0
UNITS = [" -", "a ", "的", ".", "the the ", "(", " ,", " ", " \t", "a", "A.", "…", "[a ", "[ ",
         "Ã©", "，", " （", "2022-08-02 |", "August 2, ", "Editor: ", "Wang Wei and ", "中 ",
         "since the a b c, ", "Aa1 -.(的，：|（ ", "...a", "One two three four. "]  # fmt: skip
# Each pump is followed by a character that makes the match fail late.
ADVERSARIAL = [(unit * (LENGTH // len(unit) + 1))[:LENGTH] + end for unit in UNITS for end in "x!"]

# Patterns the code applies only to bounded text, or only in one way: (how, longest text).
# Every other pattern is searched and scanned (finditer) over the whole adversarial string.
BOUNDED = {
    "newsmend.split.lines.DATE_BAR_TITLE": ("fullmatch", MAX_TITLE_CHARS),
    "newsmend.split.lines.TITLE_BAR_DATE": ("fullmatch", MAX_TITLE_CHARS),
    "newsmend.split.lines.TITLE_PAREN_DATE": ("fullmatch", MAX_TITLE_CHARS),
    "newsmend.split.lines.TITLE_DASH_DATE": ("fullmatch", MAX_TITLE_CHARS),
    "newsmend.split.headline.SITE_SUFFIX": ("search", MAX_TITLE_CHARS),
    "newsmend.split.headline.COLUMN_LABEL": ("match", MAX_TITLE_CHARS),
    "newsmend.split.headline.DATELINE_TITLE": ("match", MAX_TITLE_CHARS),
    "newsmend.split.lines.BRACKETED_DATE_TITLE": ("fullmatch", MAX_TITLE_CHARS),
    "newsmend.credits.lines.CJK_VALUE": ("fullmatch", LENGTH),
    "newsmend.repair.truncation._END_MARKER": ("search", TAIL),
    "newsmend.repair.rule._RIGHT_CONTEXT": ("match", 80),
    "newsmend.credits.lines.CJK_CREDIT": ("match", LENGTH),
    "newsmend.split.text_lines.LEAD_CELL": ("match", LENGTH),
    "newsmend.credits.byline.OUTLET_NEWS_DATELINE": ("match", LENGTH),
}


def _patterns() -> dict[str, re.Pattern]:
    """Every compiled pattern in the package's modules, also inside lists, dicts, dataclasses
    and closures, by the first name found for it. (Rule probes are polars regexes: Rust's
    engine runs in linear time.)"""
    found: dict[re.Pattern, str] = {}

    def walk(value, name: str, depth: int) -> None:
        if isinstance(value, re.Pattern):
            found.setdefault(value, name)
        elif depth > 3 or isinstance(value, (str, bytes, type)):
            return
        elif isinstance(value, (list, tuple, set, frozenset)):
            for i, item in enumerate(value):
                walk(item, f"{name}[{i}]", depth + 1)
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{name}[{key!r}]", depth + 1)
        elif dataclasses.is_dataclass(value):
            for f in dataclasses.fields(value):
                walk(getattr(value, f.name), f"{name}.{f.name}", depth + 1)
        elif callable(value) and getattr(value, "__closure__", None):
            for cell in value.__closure__:
                walk(cell.cell_contents, f"{name}<closure>", depth + 1)

    for module in pkgutil.walk_packages(newsmend.__path__, "newsmend."):
        for key, value in vars(importlib.import_module(module.name)).items():
            walk(value, f"{module.name}.{key}", 0)
    return {name: pattern for pattern, name in found.items()}


PATTERNS = _patterns()


def test_the_walk_finds_the_patterns_and_every_bounded_entry_is_current():
    assert len(PATTERNS) >= 30
    assert set(BOUNDED) <= set(PATTERNS)
    assert any("_ANCHOR" in name for name in PATTERNS)  # patterns inside dataclasses


# A group repeated possessively: "(?:,\s*\d{4})?+", "(?:\.[a-z]+)++". Python 3.11.2 (Debian's,
# which a fresh machine's setup may pick) matches these wrongly where an iteration fails
# partway; an atomic group, "(?>(?:,\s*\d{4})?)", means the same and is read right by both.
POSSESSIVE_GROUP = re.compile(r"(?<!\\)\)(?:[?*+]|\{\d*(?:,\d*)?\})\+")


def test_no_pattern_repeats_a_group_possessively():
    assert [name for name, p in PATTERNS.items() if POSSESSIVE_GROUP.search(p.pattern)] == []
    assert POSSESSIVE_GROUP.search(r"\d{1,2}(?::\d{2})?+") and not POSSESSIVE_GROUP.search(
        r"\d{1,2}(?>(?::\d{2})?)\)?+"
    )


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_is_fast_on_adversarial_strings(name):
    pattern = PATTERNS[name]
    how, longest = BOUNDED.get(name, ("search", LENGTH))
    for text in ADVERSARIAL:
        text = text[-longest:]
        started = time.perf_counter()
        if how == "search":
            pattern.search(text)
            sum(1 for _ in pattern.finditer(text))
        else:
            getattr(pattern, how)(text)
        elapsed = time.perf_counter() - started
        assert elapsed < SECONDS, f"{name}.{how} took {elapsed:.1f} s on {text[:20]!r}..."


def _records_and_repairs(text: str) -> tuple[pl.DataFrame, pl.DataFrame]:
    articles, headlines = page_records(Page("hostile.txt", "0" * 64, text))
    return (
        repair_frame(_raw_frame(articles, ARTICLES), {"title_raw": "title", "body_raw": "body"}),
        repair_frame(_raw_frame(headlines, HEADLINES), {"title_raw": "title"}),
    )


def _timed(text: str) -> tuple[pl.DataFrame, pl.DataFrame, float]:
    started = time.perf_counter()
    articles, headlines = _records_and_repairs(text)
    return articles, headlines, time.perf_counter() - started


def test_page_with_5000_headlines():
    entries = "\n".join(
        f"2022-08-{i % 28 + 1:02d} | Headline number {i} of the list" for i in range(5000)
    )
    page = f"Title\n\nSource: Xinhua 2022-08-02\n\nBody text.\n\nRelated news\n\n{entries}\n"
    articles, headlines, seconds = _timed(page)
    assert headlines.height == 5000 and articles.height == 1
    assert seconds < 10


def test_page_with_2000_teasers():
    teasers = "\n\n".join(
        f"Teaser title {i}\n\nSnippet {i} of another story, on August 2, 2022." for i in range(2000)
    )
    page = f"Main title\n\nBody text.\n\nEditor: Feng Lili\n\n{teasers}\n"
    articles, _headlines, seconds = _timed(page)
    assert articles.height == 2001
    assert seconds < 10


def test_byline_of_10000_characters():
    byline = "Source: Xinhua " + "Reporter Wang Wei and Li Na " * (10_000 // 28)
    page = f"Title\n\n{byline}\n\nBody text.\n"
    articles, _headlines, seconds = _timed(page)
    assert len(byline) > MAX_BYLINE_CHARS  # too long for a byline: it is body text
    assert byline.strip() in articles["body_raw"][0]
    assert seconds < 5


@pytest.mark.parametrize("unit", UNITS)
def test_page_of_one_adversarial_line(unit):
    """The whole extraction and repair of a page whose body is one pumped line."""
    line = ADVERSARIAL[UNITS.index(unit) * 2]
    page = f"Title\n\nSource: Xinhua 2022-08-02\n\nIntro.\n\n{line}\n\n{line[:250]}\n"
    *_frames, seconds = _timed(page)
    assert seconds < 5
