"""Fuzzing the page parser, the decoder and the repair stage with random and mutated corpus
and real pages (hypothesis): no exception escapes, no page is read for ever, every page
yields records (or a file problem, which the pipeline quarantines) with offsets inside the
page, and repairs are idempotent.

The example counts keep the whole module under half a minute; for a longer hunt multiply
them with `NEWSMEND_FUZZ_SCALE=20 .venv/bin/pytest tests/test_fuzz.py
--hypothesis-show-statistics`. The atheris harness in `fuzz/` mutates at the byte level for as
long as you let it run.
"""

import gzip
import os
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest
from conftest import CORPUS, REALWORLD_TUNE, within_seconds
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from newsmend.ingest import FileProblem, Page, decode, read_page
from newsmend.pipeline import _raw_frame
from newsmend.records import page_records
from newsmend.repair import engine, repair_frame, repair_text
from newsmend.schema import ARTICLES, HEADLINES

# The annotated corpus and the real tuning pages (their shapes are many more).
RAW_PAGES = [
    path.read_bytes()
    for folder in (CORPUS, REALWORLD_TUNE)
    for path in sorted(folder.glob("*.txt"))
]
SECONDS_A_PAGE = 10  # a page read far slower than this is a loop that makes no progress
PAGES = [decode(data) for data in RAW_PAGES]
# Pieces that trip text code: controls, zero-width and bidi marks, combining marks, emoji,
# full-width forms, CJK, page furniture and the artifacts the repair rules look for.
HOSTILE = [
    "\u200b", "\u200d", "\u202e", "\u2066", "\ufeff", "\u0301", "\u0336", "🇨🇳", "👨\u200d👩",
    "Ｒｕｇａｏ", "，", "：", "（", "）", "【", "…", "\u3000", "\t", "\r", "\x00", "\x0b",
    "如皋", "（记者 张伟）", "责任编辑：李娜", "2022-08-02 | ", "Editor: ", "Source: ",
    "Reporter ", "Related news", "- END -", "high -tech", " ,", "the the ", "Ã©", "...",
    "\n", "\n\n", " ",
]  # fmt: skip
SCALE = int(os.environ.get("NEWSMEND_FUZZ_SCALE", "1"))
COUNTS = {
    name: n * SCALE for name, n in {"pages": 300, "frames": 100, "texts": 300, "bytes": 300}.items()
}
FUZZ = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}


@st.composite
def mutated(draw, sources: list):
    """A corpus page (str or bytes) with a few random edits: a piece cut out, a piece
    repeated, hostile or random text put in, two lines swapped."""
    page = draw(st.sampled_from(sources))
    newline = b"\n" if isinstance(page, bytes) else "\n"
    for _ in range(draw(st.integers(0, 4))):
        i, j = sorted(draw(st.integers(0, len(page))) for _ in range(2))
        edit = draw(st.sampled_from(["cut", "repeat", "insert", "swap"]))
        if edit == "cut":
            page = page[:i] + page[j:]
        elif edit == "repeat":
            page = page[:j] + page[i:j] + page[j:]
        elif edit == "insert":
            piece = draw(st.sampled_from(HOSTILE) | st.text(max_size=20))
            if isinstance(page, bytes):
                piece = piece.encode(draw(st.sampled_from(["utf-8", "gb18030", "utf-16"])))
            page = page[:i] + piece * draw(st.integers(1, 30)) + page[i:]
        else:
            lines = page.split(newline)
            a, b = (draw(st.integers(0, len(lines) - 1)) for _ in range(2))
            lines[a], lines[b] = lines[b], lines[a]
            page = newline.join(lines)
    return page


RANDOM_PAGES = st.lists(st.sampled_from(HOSTILE) | st.text(max_size=30), max_size=60).map("".join)
TEXTS = mutated(PAGES) | RANDOM_PAGES


def check_records(text: str) -> tuple[list[dict], list[dict]]:
    """page_records on one page: a main article first (or, on a page of titles only, no
    article and headlines without a parent), every offset inside the page, and each
    headline's and teaser's title found where its offsets say (a hard-wrapped title's lines
    are joined by a space)."""
    with within_seconds(SECONDS_A_PAGE):
        articles, headlines = page_records(Page("fuzz.txt", "0" * 64, text))
    if articles:
        assert articles[0]["kind"] == "article" and articles[0]["position"] == 0
    else:
        assert headlines and {h["parent_record_id"] for h in headlines} == {None}
    for record in articles + headlines:
        assert 0 <= record["start"] <= record["end"] <= len(text)
        if record.get("kind") != "article":
            title, span = record["title_raw"], text[record["start"] : record["end"]]
            assert " ".join(title.split()) in " ".join(span.split())
    return articles, headlines


@settings(max_examples=COUNTS["pages"], **FUZZ)
@given(TEXTS)
def test_page_parser_yields_records_for_any_page(text):
    articles, headlines = check_records(text)
    event(f"teasers: {min(len(articles) - 1, 2)}, headlines: {min(len(headlines), 2)} or more")


@settings(max_examples=COUNTS["frames"], **FUZZ)
@given(mutated(PAGES))
def test_repair_frame_on_parsed_pages_is_idempotent(text):
    """repair_frame over a mutated page's records; repairing the clean columns changes nothing."""
    articles, headlines = check_records(text)
    for rows, schema, columns in (
        (articles, ARTICLES, {"title_raw": "title", "body_raw": "body"}),
        (headlines, HEADLINES, {"title_raw": "title"}),
    ):
        once = repair_frame(_raw_frame(rows, schema), columns)
        again = repair_frame(
            once.select([*columns.values()]).rename({v: k for k, v in columns.items()}), columns
        )
        for clean in columns.values():
            assert again[clean].to_list() == once[clean].to_list()
        assert again["repairs"].list.len().sum() == 0


@settings(max_examples=COUNTS["texts"], **FUZZ)
@given(TEXTS, st.sampled_from(["title", "body"]))
def test_repair_text_is_idempotent_on_any_text(text, part):
    fixed, _first, flags, _truncated = repair_text(text, part=part)
    again, second, _flags, _ = repair_text(fixed, part=part)
    assert again == fixed, second
    assert second == []
    assert all(isinstance(flag, str) for flag in flags)


# Examples the fuzz tests found where one rule leaves work for an earlier one: (text, after
# one pass of the rules, repaired). The rules run again over what a pass changed.
RULE_ORDER_CASES = [
    ("（记者 张伟）\t，", "（记者 张伟）,", ","),  # punctuation fixes "\t，", then cjk_residue
    ("a ,[", "a,", "a,"),  # truncation now runs before punctuation, which fixes the " ," left
]


@pytest.mark.parametrize(("text", "one_pass", "repaired"), RULE_ORDER_CASES)
def test_repair_runs_again_where_one_rule_feeds_an_earlier_one(
    monkeypatch, text, one_pass, repaired
):
    assert repair_text(text)[0] == repaired
    assert repair_text(repaired)[0] == repaired
    monkeypatch.setattr(engine, "MAX_PASSES", 1)
    assert repair_text(text)[0] == one_pass


@settings(max_examples=COUNTS["bytes"], **FUZZ)
@given(
    mutated(RAW_PAGES) | st.binary(max_size=2000), st.sampled_from(["p.txt", "p.txt.gz"]), st.data()
)
def test_reading_any_bytes_gives_a_page_or_a_reason(tmp_path_factory, data, name, draw):
    """Random and mutated bytes, as .txt or .gz (sometimes valid gzip): a Page whose text
    Parquet can hold, or a FileProblem with a reason; never an exception."""
    raw = Path(tmp_path_factory.mktemp("fuzz-raw"))
    if name.endswith(".gz") and draw.draw(st.booleans()):
        data = gzip.compress(data)
    (raw / name).write_bytes(data)
    page = read_page(raw / name, raw, max_bytes=100_000)
    event("file problem" if isinstance(page, FileProblem) else "page")
    if isinstance(page, FileProblem):
        assert page.reason.split(":", 1)[0] in {
            "empty", "binary", "undecodable", "not gzip", "truncated gzip", "too large",
        }  # fmt: skip
        return
    page.text.encode("utf-8")  # no lone surrogate
    pl.DataFrame({"text": [page.text]}).to_arrow()
    check_records(page.text)


def test_atheris_harness_runs_when_atheris_is_installed():
    """The byte-level harness in fuzz/ (optional: skipped without atheris) runs clean."""
    pytest.importorskip("atheris")
    harness = Path(__file__).parent.parent / "fuzz" / "fuzz_pages.py"
    done = subprocess.run(
        [sys.executable, str(harness), "-runs=200"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Done 200 runs" in done.stderr
