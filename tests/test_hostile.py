"""Hostile and broken input. One real `newsmend run` over a raw folder holding every hostile
case next to normal corpus pages: each case ends quarantined with a clear reason or handled
with its records intact, and the normal pages come out exactly as in a run without them.
What a run cannot stage deterministically (a file vanishing or changing while it is read) is
tested at the ingest and ledger level."""

import gzip
import json
import os
import random
import shutil

import polars as pl
import pytest
from conftest import CORPUS, newsmend

from newsmend.config import load_settings
from newsmend.ingest import FileProblem, Page, decode, discover, file_paths, read_page
from newsmend.ledger import OUTCOMES, files_to_process, update_ledger
from newsmend.pipeline import process_batch
from newsmend.schema import LEDGER
from newsmend.split import after

MAX_BYTES = 32 * 1024 * 1024  # the run's cap: the 50 MB page and the bomb exceed it
NORMAL = sorted(CORPUS.glob("*.txt"))[:6]
HEADLINES, TEASERS = 3000, 2000
LONG_BYLINE = "Source: Xinhua " + "Reporter Wang Wei and Li Na " * (10_000 // 28)
BAD_NAME = os.fsdecode(b"bad_name_\xff.txt")  # a file name that is not UTF-8


def page(title: str = "Rugao opens a new park by the river", extra: str = "") -> str:
    """A page that passes every check (date, credits, body), with `extra` in its body."""
    return (
        f"{title}\n\nSource: Xinhua 2022-08-02 Reporter Wang Wei\n\n"
        f"The city of Rugao opened a new riverside park on Tuesday.{extra} Residents came.\n\n"
        "The park has three gates and a playground.\n\nEditor: Li Na\n"
    )


def long_line(size: int) -> str:
    """One line of `size` characters of distinct sentences (no repeats to repair)."""
    sentences, length, i = [], 0, 0
    while length < size:
        sentences.append(f"Report {i} says the county built {i % 97} roads near the lake. ")
        length += len(sentences[-1])
        i += 1
    return "".join(sentences)[:size]


def _headline_list() -> str:
    entries = (
        f"2022-08-{i % 28 + 1:02d} | Headline number {i} of the list" for i in range(HEADLINES)
    )
    return "\nRelated news\n\n" + "\n".join(entries) + "\n"


def _teasers() -> str:
    return "\n" + "\n\n".join(
        f"Teaser title {i}\n\nSnippet {i} of another story, on August 2, 2022."
        for i in range(TEASERS)
    )


def _with(old: str, new: bytes, text: str = "") -> bytes:
    """A page whose body holds the placeholder XX replaced by raw bytes."""
    return (text or page(extra=" Odd XX here.")).encode().replace(old.encode(), new)


# name -> the reason its quarantine row must give (table "files" unless noted)
QUARANTINED = {
    "empty.txt": "empty: the page has no text",
    "whitespace.txt": "empty: the page has no text",
    "page_50mb.txt": f"too large: more than {MAX_BYTES} bytes",
    "binary.txt": "undecodable: neither UTF-8 nor GB18030 nor a detectable encoding",
    "truncated.txt.gz": "truncated gzip: the compressed stream ends early",
    "not_gzip.txt.gz": "not gzip: the .gz file is not valid gzip data",
    "bomb.txt.gz": f"too large: decompresses to more than {MAX_BYTES} bytes",
    "outside_link.txt": "symlink points outside the raw folder",
    "loop_a.txt": "broken symlink: it loops or points nowhere",
    "loop_b.txt": "broken symlink: it loops or points nowhere",
    "fifo.txt": "not a regular file: a pipe, socket or device",
}

# name -> text its article's title or body must hold, exactly (the case's content survived)
HANDLED = {
    "no_blank_lines.txt": "Residents came.\n\nThe park has three gates",
    "line_10mb.txt": "Report 149999 says",
    "nul_bytes.txt": "Gate one.",
    "invalid_utf8.txt": "Jinhua 金华 and Odd \ufffd\ufffd\ufffd here.",
    "mixed_encodings.txt": "Residents of 金华 came.",
    "utf16_bom.txt": "Jinhua 金华 opens a park",
    "zero_width_bidi.txt": "Rugao\u200b opens\u202e a new\u202c park\u2066 by\u2069 the river",
    "combining.txt": "Ru\u0301ga\u0308o and Z\u0336a\u0336l\u0336g\u0336o",
    "emoji.txt": "Flags 🇨🇳, 👍🏽 and 👨\u200d👩\u200d👧.",
    "full_width.txt": "Ｒｕｇａｏ ｏｐｅｎｓ ａ ｎｅｗ ｐａｒｋ",
    "lone_surrogates.txt": "Odd \ufffd\ufffd here.",
    "lone_surrogate_utf16.txt": "Odd \ufffdA here.",
    "many_headlines.txt": "Rugao opens a new park by the river",
    "many_teasers.txt": "Rugao opens a new park by the river",
    "long_byline.txt": LONG_BYLINE.strip(),
    BAD_NAME: "Rugao opens a new park by the river",
}


def stage_hostile(raw, outside) -> None:
    """Write every hostile case into raw (and a page outside it for the symlink to reach)."""
    raw.mkdir(parents=True)

    def write(name: str, data: bytes) -> None:
        (raw / name).write_bytes(data)

    write("empty.txt", b"")
    write("whitespace.txt", " \n\t\r\n   \n\u3000\n".encode())
    write("no_blank_lines.txt", page().replace("\n\n", "\n").encode())
    line = long_line(10 * 1024 * 1024)
    write("line_10mb.txt", page(extra=" " + line).encode())
    with (raw / "page_50mb.txt").open("wb") as big:
        big.write(page(extra=" " + line * 5).encode())
    write("binary.txt", random.Random(8).randbytes(4096))
    write("nul_bytes.txt", page(extra=" Gate\x00 one.").encode())
    chinese = page(title="Jinhua 金华 opens a park", extra=" Jinhua 金华 and Odd XX here.")
    write("invalid_utf8.txt", _with("XX", b"\xff\xfe\xc3", chinese))
    title, rest = page(extra=" Residents of 金华 came.").split("\n\n", 1)
    write("mixed_encodings.txt", f"{title}\n\n".encode() + rest.encode("gb18030"))
    write("utf16_bom.txt", page(title="Jinhua 金华 opens a park").encode("utf-16"))
    write("truncated.txt.gz", gzip.compress(page().encode() * 50)[:60])
    write("not_gzip.txt.gz", page().encode())
    write("bomb.txt.gz", gzip.compress(b"\n" * (2 * MAX_BYTES), compresslevel=9))
    outside.write_text(page())
    (raw / "outside_link.txt").symlink_to(outside)
    (raw / "loop_a.txt").symlink_to(raw / "loop_b.txt")
    (raw / "loop_b.txt").symlink_to(raw / "loop_a.txt")
    os.mkfifo(raw / "fifo.txt")  # opening it would wait for a writer forever
    write("locked.txt", page().encode())
    (raw / "locked.txt").chmod(0)
    write(BAD_NAME, page().encode())
    write(
        "zero_width_bidi.txt",
        page(
            title="Rugao\u200b opens\u202e a new\u202c park\u2066 by\u2069 the river\ufeff",
            extra=" Gate\u200d\u200c one\u2060.",
        ).encode(),
    )
    write(
        "combining.txt",
        page(
            title="Ru\u0301ga\u0308o park",
            extra=" Ru\u0301ga\u0308o and Z\u0336a\u0336l\u0336g\u0336o.",
        ).encode(),
    )
    write(
        "emoji.txt",
        page(title="Park 🎉🌳", extra=" Flags 🇨🇳, 👍🏽 and 👨\u200d👩\u200d👧.").encode(),
    )
    write("full_width.txt", page(title="Ｒｕｇａｏ ｏｐｅｎｓ ａ ｎｅｗ ｐａｒｋ").encode())
    write("lone_surrogates.txt", _with("XX", b"\xed\xa0\x80\xed\xbf\xbf"))
    utf16 = page(extra=" Odd XX here.").encode("utf-16")
    write("lone_surrogate_utf16.txt", utf16.replace("XX".encode("utf-16-le"), b"\x00\xd8A\x00"))
    write("many_headlines.txt", (page() + _headline_list()).encode())
    write("many_teasers.txt", (page() + _teasers()).encode())
    byline = page().split("\n\n")[1]
    write("long_byline.txt", page().replace(byline, f"{byline}\n\n{LONG_BYLINE}").encode())


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory, prefect_api_url, corpus_run):
    """One real run over every hostile case and six normal pages; the tables read back."""
    base = tmp_path_factory.mktemp("hostile")
    raw, out = base / "raw", base / "out"
    stage_hostile(raw, base / "outside.txt")
    for source in NORMAL:
        shutil.copy(source, raw / source.name)
    done = newsmend(
        "run",
        "--raw",
        str(raw),
        "--out",
        str(out),
        api_url=prefect_api_url,
        env={"NEWSMEND_MAX_BYTES": str(MAX_BYTES)},
    )
    tables = {
        name: pl.read_delta(str(out / name))
        for name in ("articles", "headlines", "quarantine", "ledger")
    }
    return tables, raw, done


def _names(raw) -> set[str]:
    return {path.name for path in raw.iterdir()}


def test_the_run_completes_and_loses_no_file(hostile_run):
    """Every staged file is in the ledger, and in the clean tables or the quarantine."""
    tables, raw, done = hostile_run
    names = _names(raw) - {BAD_NAME} | {"bad_name_\\xff.txt"}
    assert set(tables["ledger"]["source_file"]) == names
    seen = set(tables["articles"]["source_file"]) | set(tables["quarantine"]["source_file"])
    assert seen == names
    assert f" {len(names)} files," in done.stdout


@pytest.mark.parametrize("name", sorted(QUARANTINED))
def test_case_is_quarantined_with_its_reason(hostile_run, name):
    tables, _raw, _done = hostile_run
    rows = tables["quarantine"].filter(pl.col("source_file") == name)
    assert rows.select("table", "reason").rows() == [("files", QUARANTINED[name])]
    assert name not in set(tables["articles"]["source_file"])
    ledger = tables["ledger"].filter(pl.col("source_file") == name)
    assert ledger["outcome"].to_list() == ["quarantined: " + QUARANTINED[name]]


@pytest.mark.parametrize("name", sorted(HANDLED))
def test_case_is_handled_with_its_records_intact(hostile_run, name):
    tables, _raw, _done = hostile_run
    source = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    articles = tables["articles"].filter(pl.col("source_file") == source).sort("position")
    assert articles.height >= 1
    article = articles.row(0, named=True)
    assert HANDLED[name] in article["title_raw"] + "\n\n" + article["body_raw"]
    assert article["published"].isoformat() == "2022-08-02"
    assert "Li Na" in article["editors"]
    assert tables["quarantine"].filter(pl.col("source_file") == source).is_empty()


def test_thousands_of_headlines_and_teasers_all_kept(hostile_run):
    tables, _raw, _done = hostile_run
    headlines = tables["headlines"].filter(pl.col("source_file") == "many_headlines.txt")
    assert headlines.height == HEADLINES
    assert headlines["title"].n_unique() == HEADLINES
    teasers = tables["articles"].filter(pl.col("source_file") == "many_teasers.txt")
    assert teasers.filter(pl.col("kind") == "teaser").height == TEASERS


def test_unreadable_file_is_quarantined_unless_we_are_root(hostile_run):
    """Root reads a file whatever its mode: then the page is simply handled."""
    tables, _raw, _done = hostile_run
    rows = tables["quarantine"].filter(pl.col("source_file") == "locked.txt")
    articles = tables["articles"].filter(pl.col("source_file") == "locked.txt")
    if os.geteuid() == 0:
        assert rows.is_empty() and articles.height == 1
    else:
        assert rows["reason"].to_list() == ["unreadable: Permission denied"]


def test_normal_pages_come_out_as_in_a_run_without_hostile_neighbours(hostile_run, corpus_run):
    tables, _raw, _done = hostile_run
    corpus_out = corpus_run[0]
    names = [source.name for source in NORMAL]
    for table in ("articles", "headlines", "quarantine"):
        reference = pl.read_delta(str(corpus_out / table))
        got, want = (
            df.filter(pl.col("source_file").is_in(names)).drop("run_id").sort("record_id")
            for df in (tables[table], reference)
        )
        if table == "quarantine":  # the record JSON carries the run id too
            got, want = (
                df.with_columns(pl.col("record").str.replace_all(r'"run_id": "[^"]*"', ""))
                for df in (got, want)
            )
        assert got.equals(want), table
    assert tables["articles"].filter(pl.col("source_file").is_in(names)).height > len(names)


# What a single run cannot stage deterministically: files that vanish or change mid-run.


def test_file_vanishing_between_discovery_and_read(tmp_path):
    (tmp_path / "gone.txt").write_text(page())
    [path] = file_paths(discover(tmp_path), tmp_path)
    (tmp_path / "gone.txt").unlink()
    problem = read_page(path, tmp_path)
    assert problem == FileProblem("gone.txt", None, "unreadable: No such file or directory")


def test_file_changing_while_a_run_reads_it_is_reprocessed_only_if_still_different(tmp_path):
    """The ledger keeps the SHA-256 of the bytes actually read: a change before the read is
    what was processed; a change after it makes the next run process the file again."""
    path = tmp_path / "p.txt"
    path.write_text(page(extra=" Version one."))
    for change_before_read, reprocess in ((True, False), (False, True)):
        found = discover(tmp_path)
        if change_before_read:
            path.write_text(page(extra=" Version two, longer."))
        read = read_page(path, tmp_path)
        if not change_before_read:
            path.write_text(page(extra=" Version three, longer still."))
        assert isinstance(read, Page)
        outcomes = pl.DataFrame([("p.txt", read.source_sha256, "clean")], OUTCOMES, orient="row")
        ledger = update_ledger(pl.DataFrame(schema=LEDGER), found, outcomes, "r1")
        todo = files_to_process(discover(tmp_path), ledger, tmp_path, False)
        assert todo["source_file"].to_list() == (["p.txt"] if reprocess else [])


# Unit level: encodings that ingest must read without corrupting the rest of the page.


def test_mixed_utf8_and_gb18030_lines_each_decode_right():
    data = "Title 中文\n".encode() + "Body 中文\n".encode("gb18030")
    assert decode(data) == "Title 中文\nBody 中文\n"


def test_surrogate_written_in_utf8_becomes_a_replacement_character(tmp_path):
    """CESU-8 bytes of a lone surrogate spoil neither the other lines nor the Parquet write."""
    text = decode("Title ’\n".encode() + b"Body \xed\xa0\x80 end\n")
    assert text == "Title ’\nBody \ufffd end\n"
    pl.DataFrame({"body": [text]}).write_parquet(tmp_path / "p.parquet")


def test_one_broken_byte_does_not_send_a_utf8_page_to_the_encoding_guesser():
    """The guesser read such a page as a Windows code page: all its Chinese became mojibake."""
    data = "Jinhua 金华\n\nBad XX byte.\n".encode().replace(b"XX", b"\xff")
    assert decode(data) == "Jinhua 金华\n\nBad \ufffd byte.\n"


def test_fifo_with_a_page_name_does_not_block(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    assert read_page(tmp_path / "pipe.txt", tmp_path).reason.startswith("not a regular file")


def test_quarantine_record_json_of_a_file_problem_names_the_file(hostile_run):
    tables, _raw, _done = hostile_run
    row = tables["quarantine"].filter(pl.col("source_file") == "fifo.txt").row(0, named=True)
    assert json.loads(row["record"]) == {"source_file": "fifo.txt", "source_sha256": None}


def test_a_reading_loop_quarantines_its_page_and_the_batch_goes_on(tmp_path, monkeypatch):
    """A reading loop that stops moving on (one hung a batch until 2deb798) raises once its
    steps run out: its page is quarantined with the reason, the batch's other pages are
    written. One step a loop: a page with a list after its story runs out of them."""
    monkeypatch.setattr(after, "MAX_STEPS_A_LINE", 0)
    raw = tmp_path / "raw"
    raw.mkdir()
    story = "Rugao opens a new park\n\nSource: Xinhua 2022-08-02 Reporter Wang Wei\n\n"
    story += "The city of Rugao opened a new riverside park on Tuesday. Residents came.\n"
    (raw / "plain.txt").write_text(story, encoding="utf-8")
    titles = "\n".join(f"Rugao opens its {n} new school by the river" for n in ("first", "second"))
    (raw / "listed.txt").write_text(story + "\nRelated news\n" + titles + "\n", encoding="utf-8")
    settings = load_settings(None, raw=str(raw), out=str(tmp_path / "out"))
    process_batch(sorted(raw.iterdir()), settings, tmp_path, 0, "r1")
    quarantine = pl.read_parquet(tmp_path / "out" / "quarantine" / "**" / "*.parquet")
    assert quarantine.select("source_file", "table").rows() == [("listed.txt", "files")]
    assert quarantine["reason"][0].startswith("split failed: ReadingLoop(")
    articles = pl.read_parquet(tmp_path / "out" / "articles" / "**" / "*.parquet")
    assert articles["source_file"].to_list() == ["plain.txt"]
