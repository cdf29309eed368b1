"""Stories: exact and near copies, teasers and headlines linked to their article, runs that
match only their new records against the published index (the same links as one run over
everything), chunks of any size giving the same links, and the tables a real run writes."""

import hashlib
import random
import shutil
from datetime import date, timedelta

import duckdb
import polars as pl
import pytest
from conftest import CORPUS, newsmend
from deltalake import DeltaTable
from hypothesis import example, given
from hypothesis import strategies as st

from newsmend import dedup
from newsmend.catalog import connect
from newsmend.config import load_settings
from newsmend.dedup import (
    MAX_BUCKET,
    link_records,
    normalise,
    record_keys,
    stories_table,
    update_stories,
)
from newsmend.pipeline import process_batch
from newsmend.schema import ARTICLES, HEADLINES, LINKS, STORY_KEYS
from newsmend.store import Store, write_months

WORDS = [f"{a}{b}" for a in ("ka", "lo", "mi", "nu", "pe", "ro", "su", "ti") for b in range(250)]
BOILERPLATE = "Follow the official account for more local news and reply to the editors. " * 4
ARTICLE_COLUMNS = ("record_id", "source_file", "kind", "title", "body", "published")
HEADLINE_COLUMNS = ("record_id", "source_file", "title", "published")


def rid(name: str) -> str:
    """A record id as the pipeline makes them (16 hex digits), for a readable name."""
    return hashlib.sha256(name.encode()).hexdigest()[:16]


def text(seed: int, words: int = 250) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(words)) + "."


def article(name, title, body, kind="article", day=1, source_file=None) -> dict:
    return {
        "record_id": rid(name),
        "source_file": source_file or f"{name}.txt",
        "kind": kind,
        "title": title,
        "body": body,
        "published": date(2022, 6, 1) + timedelta(days=day - 1),
    }


def headline(name, title, day=1, source_file=None) -> dict:
    return {
        "record_id": rid(name),
        "source_file": source_file or f"{name}.txt",
        "title": title,
        "published": date(2022, 6, 1) + timedelta(days=day - 1),
    }


def frames(articles: list[dict], headlines: list[dict] = ()) -> tuple[pl.DataFrame, pl.DataFrame]:
    a = pl.DataFrame(
        articles, schema={name: ARTICLES[name] for name in ARTICLE_COLUMNS}, orient="row"
    )
    h = pl.DataFrame(
        list(headlines), schema={name: HEADLINES[name] for name in HEADLINE_COLUMNS}, orient="row"
    )
    return a, h


def keys_of(articles: list[dict], headlines: list[dict] = ()) -> pl.DataFrame:
    return record_keys(*frames(articles, headlines)).select(list(STORY_KEYS))


def run_links(new_keys, old_keys=None, old_links=None) -> pl.DataFrame:
    return link_records(
        (old_keys if old_keys is not None else pl.DataFrame(schema=STORY_KEYS)).lazy(),
        (old_links if old_links is not None else pl.DataFrame(schema=LINKS)).lazy(),
        new_keys.lazy(),
        threshold=0.8,
    )


def by_name(links: pl.DataFrame, names) -> dict[str, dict]:
    """Links per record name, the ids in them turned back into names."""
    name_of = {rid(name): name for name in names}
    return {
        name_of[row["record_id"]]: {key: name_of.get(value, value) for key, value in row.items()}
        for row in links.iter_rows(named=True)
    }


def link(articles, headlines=()) -> dict[str, dict]:
    """Links per record name after one run over these records."""
    names = [row["source_file"].removesuffix(".txt") for row in [*articles, *headlines]]
    return by_name(run_links(keys_of(articles, headlines)), names)


@given(st.lists(st.text(alphabet="aZ9é中_ \t\n\u00a0\u3000,.-—'", max_size=30), max_size=8))
@example(["a  b", " a , b ", "x\t y", "a_b", "a \u00a0 b", "é—Ü", "  ", " "])
def test_normalise_makes_every_run_of_other_characters_one_space(texts):
    """normalise leaves a lone space alone (speed); the result is that of the plain rule."""
    plain = pl.col("t").fill_null("").str.to_lowercase()
    plain = plain.str.replace_all(r"[^\p{L}\p{N}]+", " ").str.strip_chars()
    frame_ = pl.DataFrame({"t": [*texts, None]}, schema={"t": pl.String})
    assert frame_.select(normalise("t")).equals(frame_.select(plain))


def test_exact_copy_points_to_the_canonical_record_and_shares_its_story():
    body = text(1)
    links = link(
        [
            article("a", "Wuxi opens 12 schools", body),
            article("b", "Wuxi opens 12 schools!", body, day=2),
        ]
    )
    assert links["b"]["duplicate_of"] == "a" and links["a"]["duplicate_of"] is None
    assert links["a"]["story_id"] == links["b"]["story_id"] == "a"


def test_near_copy_with_a_few_words_changed_shares_the_story_but_is_no_exact_copy():
    words = text(2).split(" ")
    for at in (10, 90, 200):
        words[at] = "changed"
    links = link([article("a", "Title", text(2)), article("b", "Title", " ".join(words), day=2)])
    assert links["b"]["story_id"] == "a" and links["b"]["duplicate_of"] is None


def test_copy_missing_its_last_part_shares_the_story():
    body = text(3, words=400)
    truncated = " ".join(body.split(" ")[:330])
    links = link([article("a", "Title", body), article("b", "Title", truncated, day=2)])
    assert links["b"]["story_id"] == "a"


def test_different_stories_sharing_boilerplate_stay_apart():
    links = link(
        [
            article("a", "Same title", text(4, 150) + " " + BOILERPLATE),
            article("b", "Same title", text(5, 150) + " " + BOILERPLATE),
        ]
    )
    assert links["a"]["story_id"] == "a" and links["b"]["story_id"] == "b"


def test_stories_sharing_a_long_notice_stay_apart_and_a_late_copy_finds_its_own():
    notice = text(40, 140)  # 70% of every body: three of its bands hold over MAX_BUCKET bodies
    bodies = [text(41 + s, 60) + " " + notice for s in range(2 * MAX_BUCKET + 10)]
    words = bodies[-1].split(" ")
    words[3] = "changed"
    stories = [article(f"s{s}", f"Story {s}", body, day=s + 1) for s, body in enumerate(bodies)]
    copy = article("copy", "Story copied", " ".join(words), day=len(bodies) + 1)
    links = link([*stories, copy])
    assert len({links[f"s{s}"]["story_id"] for s in range(len(bodies))}) == len(bodies)
    assert links["copy"]["story_id"] == f"s{len(bodies) - 1}"


def test_a_body_like_two_stories_joins_the_closer_one_and_never_merges_them():
    first, second = text(30, 200).split(" "), text(31, 200).split(" ")
    bridge = first[:170] + second[170:]  # 85% of the first story, 15% of the second
    links = link(
        [
            article("a", "A", " ".join(first)),
            article("b", "B", " ".join(first[:30] + second[30:]), day=2),
            article("c", "C", " ".join(bridge), day=3),
        ]
    )
    assert links["c"]["story_id"] == "a" and links["b"]["story_id"] == "b"


def test_cut_off_teaser_links_to_the_article_it_opens():
    body = text(6)
    teaser = body[:180].rsplit(" ", 1)[0] + " ka1..."  # cut mid-word, as pages do
    other_teaser = text(7)[:180] + "..."
    links = link(
        [
            article("a", "Haining leather industry grows", body),
            article("t", "Haining leather industry grows", teaser, kind="teaser"),
            article("u", "Haining leather industry grows", other_teaser, kind="teaser"),
        ]
    )
    assert links["t"]["full_record_id"] == "a" and links["t"]["story_id"] == "a"
    assert links["u"]["full_record_id"] is None and links["u"]["story_id"] is None


def test_teaser_opening_an_edited_copy_links_to_that_copy():
    words = text(13).split(" ")
    edited = " ".join(["Yesterday", *words[1:]])
    # g's id sorts after a's, so a is the story's first copy
    links = link(
        [
            article("a", "Jiangyin bridge reopens", " ".join(words)),
            article("g", "Jiangyin bridge reopens", edited, day=2),
            article("t", "Jiangyin bridge reopens", edited[:150] + "...", kind="teaser"),
        ]
    )
    assert links["g"]["story_id"] == "a"
    assert links["t"]["full_record_id"] == "g" and links["t"]["story_id"] == "a"


def test_headline_links_to_the_article_with_its_title_published_nearest():
    links = link(
        [
            article("a", "Typhoon Muifa approaches", text(8), day=2),
            article("b", "Typhoon Muifa approaches", text(9), day=20),
        ],
        [headline("h", "Typhoon  Muifa approaches.", day=19), headline("x", "Nothing like it")],
    )
    assert links["h"]["full_record_id"] == "b" and links["h"]["story_id"] == "b"
    assert links["x"]["story_id"] is None


def test_stories_table_counts_pages_per_form():
    body = text(12)
    articles = [
        article("a", "Title", body, day=2),
        article("b", "Title", body, day=1),
        article("t", "Title", body[:120] + "...", kind="teaser", source_file="c.txt"),
    ]
    keys = keys_of(articles, [headline("h", "Title")])
    links = run_links(keys)
    frame = pl.DataFrame(articles).with_columns(outlet=pl.lit("Wuxi Daily"))
    story = stories_table(links.lazy(), keys.lazy(), frame.lazy()).row(0, named=True)
    assert story["canonical_record_id"] == rid("b")
    assert story["first_published"] == date(2022, 6, 1)
    assert (story["articles"], story["teasers"], story["headlines"], story["pages"]) == (2, 1, 1, 4)
    assert story["outlet"] == "Wuxi Daily"


def story_corpus(stories: int = 24, days: int = 30) -> tuple[list[dict], list[dict]]:
    """Stories recurring over `days` days as exact, edited and truncated copies, teasers
    (some before their article is out) and headlines, two stories under one title, some
    bodies ending in the same boilerplate."""
    rng = random.Random(0)
    articles, headlines = [], []
    for s in range(stories):
        day = 1 + s * (days - 10) // stories
        title = "Two stories, one title" if s in (3, 17) else f"Story {s} of the dump"
        body = text(100 + s, rng.randrange(120, 300)) + (BOILERPLATE if s % 4 == 0 else "")
        words = body.split(" ")
        edited = " ".join(w if rng.random() > 0.02 else "changed" for w in words)
        truncated = " ".join(words[: int(len(words) * 0.85)])
        for copy, (shift, copy_body) in enumerate(
            [(0, body), (3, body), (5, edited), (8, truncated), (9, body)]
        ):
            articles.append(article(f"s{s}c{copy}", title, copy_body, day=day + shift))
        teaser = body[:150].rsplit(" ", 1)[0] + "..."
        articles.append(article(f"s{s}t", title, teaser, kind="teaser", day=max(1, day - 2)))
        headlines.append(headline(f"s{s}h", title, day=day + 4))
    return articles, headlines


def stage(folder, parts: dict[str, tuple[list[dict], list[dict]]], chunk: int = 20_000):
    """Write each run's parts as the batches do, run the story stage after each, publish,
    and read back links and stories as published."""
    store = Store(folder)
    for run_id, (articles, headlines) in parts.items():
        a, h = frames(articles, headlines)
        part = f"part-{run_id}-00000.parquet"
        write_months(a.with_columns(outlet=pl.lit("Wuxi Daily")), folder / "articles", part)
        write_months(h, folder / "headlines", part)
        draft = store.draft(run_id)
        draft.take_batches()
        update_stories(draft, threshold=0.8, chunk=chunk)
        draft.publish()
    links = pl.read_delta(str(folder / "links")).sort("record_id")
    stories = pl.read_delta(str(folder / "stories")).sort("story_id")
    return links, stories


def split_at(day: int, rows: list[dict]) -> tuple[list[dict], list[dict]]:
    cut = date(2022, 6, 1) + timedelta(days=day - 1)
    return [r for r in rows if r["published"] <= cut], [r for r in rows if r["published"] > cut]


@pytest.fixture(scope="module")
def one_run(tmp_path_factory):
    return stage(tmp_path_factory.mktemp("one"), {"full": story_corpus()})


def test_one_run_over_the_corpus_finds_every_story(one_run):
    links, stories = one_run
    articles = links.filter(pl.col("kind") == "article")
    assert stories.height == 24 and articles["story_id"].n_unique() == 24
    assert (stories["articles"] == 5).all()
    assert links.filter(pl.col("kind") != "article")["full_record_id"].null_count() == 0


def test_second_run_matches_its_records_against_the_index_as_one_run_would(tmp_path, one_run):
    articles, headlines = story_corpus()
    first, second = split_at(15, articles), split_at(15, headlines)
    folder = tmp_path / "runs"
    links, stories = stage(folder, {"r1": (first[0], second[0]), "r2": (first[1], second[1])})
    assert links.to_dicts() == one_run[0].to_dicts()
    assert stories.to_dicts() == one_run[1].to_dicts()
    run_1 = {r["record_id"] for r in first[0] + second[0]}
    story_1 = links.filter(pl.col("record_id").is_in(run_1))["story_id"].drop_nulls()
    joined_old = links.filter(
        ~pl.col("record_id").is_in(run_1), pl.col("story_id").is_in(story_1.implode())
    )
    assert joined_old.height > 10  # second-run copies joined first-run stories
    waited = links.filter(pl.col("record_id").is_in(run_1), pl.col("kind") == "teaser")
    assert (~waited["full_record_id"].is_in(run_1)).sum() > 0  # their article came later


def test_small_chunks_give_the_same_links_as_one_big_chunk(tmp_path, one_run):
    links, stories = stage(tmp_path, {"full": story_corpus()}, chunk=3)
    assert links.to_dicts() == one_run[0].to_dicts()
    assert stories.to_dicts() == one_run[1].to_dicts()


def test_bodies_hashed_a_few_at_a_time_get_the_same_keys(monkeypatch):
    """A batch's bodies are hashed SKETCH_CHUNK at a time, to bound a worker's memory."""
    articles, headlines = story_corpus()
    whole = keys_of(articles, headlines)
    monkeypatch.setattr(dedup, "SKETCH_CHUNK", 3)
    chunked = keys_of(articles, headlines)
    assert whole["signature"].drop_nulls().len() > 3
    assert chunked.to_dicts() == whole.to_dicts()


@pytest.fixture(scope="module")
def copied_page_run(tmp_path_factory, prefect_api_url):
    """The corpus run, then a second run that adds one page saved again under another name."""
    base = tmp_path_factory.mktemp("stories")
    raw, out = base / "raw", base / "clean"
    raw.mkdir()
    pages = sorted(CORPUS.glob("*.txt"))[:4]
    for page in pages:
        shutil.copy(page, raw / page.name)
    newsmend("run", "--raw", str(raw), "--out", str(out), api_url=prefect_api_url)
    shutil.copy(pages[0], raw / "saved_again.txt")
    newsmend("run", "--raw", str(raw), "--out", str(out), api_url=prefect_api_url)
    return out, pages[0].name


def test_a_run_writes_stories_and_links_that_duckdb_reads(copied_page_run):
    out, original = copied_page_run
    links = DeltaTable(str(out / "links")).to_pyarrow_dataset()  # noqa: F841 (DuckDB reads it)
    stories = DeltaTable(str(out / "stories")).to_pyarrow_dataset()  # noqa: F841
    copies = duckdb.sql(
        "SELECT c.kind, o.source_file FROM links c JOIN links o ON o.record_id = c.duplicate_of "
        "WHERE c.source_file = 'saved_again.txt'"
    ).fetchall()
    assert copies and {source for _, source in copies} == {original}
    top = duckdb.sql("SELECT articles, pages FROM stories ORDER BY pages DESC LIMIT 1").fetchall()[
        0
    ]
    assert top == (2, 2)
    with connect(out / "catalog.duckdb") as db:
        records = db.sql(
            "SELECT (SELECT count(*) FROM articles) + (SELECT count(*) FROM headlines)"
        )
        assert db.sql("SELECT count(*) FROM links").fetchall() == records.fetchall()


def test_a_batch_writes_the_story_keys_of_its_clean_records(tmp_path):
    """Each batch writes its story_keys part beside its clean parts (in its worker), the rows
    the story stage would otherwise compute from those parts."""
    settings = load_settings(None, raw=str(CORPUS), out=str(tmp_path / "out"))
    process_batch(sorted(CORPUS.glob("*.txt"))[:6], settings, tmp_path, 0, "r1")
    out, part = tmp_path / "out", "part-r1-00000.parquet"
    articles = pl.read_parquet(out / "articles" / "*" / part)  # its month partitions
    headlines = pl.read_parquet(out / "headlines" / "*" / part)
    written = pl.read_parquet(out / "story_keys" / part)
    assert written.height == articles.height + headlines.height > 0
    computed = dedup._stored(record_keys(articles, headlines))
    assert written.sort("record_id").equals(computed.sort("record_id"))
