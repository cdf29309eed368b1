"""Stories: exact and near copies, teasers and headlines linked to their article, runs that
match only their new records against the published index, and the tables a real run writes."""

import random
import shutil
from datetime import date

import duckdb
import polars as pl
import pytest
from conftest import CORPUS, newsmend

from newsmend.dedup import link_records, record_keys, stories_table
from newsmend.schema import ARTICLES, HEADLINES, LINKS, STORY_KEYS

WORDS = [f"{a}{b}" for a in ("ka", "lo", "mi", "nu", "pe", "ro", "su", "ti") for b in range(250)]
BOILERPLATE = "Follow the official account for more local news and reply to the editors. " * 4


def text(seed: int, words: int = 250) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(words)) + "."


def article(record_id, title, body, kind="article", day=1, source_file=None) -> dict:
    return {
        "record_id": record_id,
        "source_file": source_file or f"{record_id}.txt",
        "kind": kind,
        "title": title,
        "body": body,
        "published": date(2022, 6, day),
    }


def headline(record_id, title, day=1) -> dict:
    return {
        "record_id": record_id,
        "source_file": f"{record_id}.txt",
        "title": title,
        "published": date(2022, 6, day),
    }


def keys_of(articles: list[dict], headlines: list[dict] = ()) -> pl.DataFrame:
    columns = ("record_id", "source_file", "kind", "title", "body", "published")
    a = pl.DataFrame(articles, schema={name: ARTICLES[name] for name in columns}, orient="row")
    h_columns = ("record_id", "source_file", "title", "published")
    h = pl.DataFrame(
        list(headlines), schema={name: HEADLINES[name] for name in h_columns}, orient="row"
    )
    return record_keys(a, h).select(list(STORY_KEYS))


def link(articles, headlines=(), old_keys=None, old_links=None) -> dict[str, dict]:
    """Links per record_id after one run over these records (on top of an earlier run's)."""
    links = link_records(
        old_keys if old_keys is not None else pl.DataFrame(schema=STORY_KEYS),
        old_links if old_links is not None else pl.DataFrame(schema=LINKS),
        keys_of(articles, headlines),
        threshold=0.8,
    )
    return {row["record_id"]: row for row in links.iter_rows(named=True)}


def test_exact_copy_points_to_the_canonical_record_and_shares_its_story():
    body = text(1)
    links = link(
        [article("a", "Wuxi opens 12 schools", body), article("b", "Wuxi opens 12 schools!", body)]
    )
    assert links["b"]["duplicate_of"] == "a" and links["a"]["duplicate_of"] is None
    assert links["a"]["story_id"] == links["b"]["story_id"] == "a"


def test_near_copy_with_a_few_words_changed_shares_the_story_but_is_no_exact_copy():
    words = text(2).split(" ")
    for at in (10, 90, 200):
        words[at] = "changed"
    links = link([article("a", "Title", text(2)), article("b", "Title", " ".join(words))])
    assert links["b"]["story_id"] == "a" and links["b"]["duplicate_of"] is None


def test_copy_missing_its_last_part_shares_the_story():
    body = text(3, words=400)
    truncated = " ".join(body.split(" ")[:330])
    links = link([article("a", "Title", body), article("b", "Title", truncated)])
    assert links["b"]["story_id"] == "a"


def test_different_stories_sharing_boilerplate_stay_apart():
    links = link(
        [
            article("a", "Same title", text(4, 150) + " " + BOILERPLATE),
            article("b", "Same title", text(5, 150) + " " + BOILERPLATE),
        ]
    )
    assert links["a"]["story_id"] == "a" and links["b"]["story_id"] == "b"


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


def test_second_run_matches_new_records_against_the_published_index():
    body = text(10)
    first_articles = [article("a", "Anji symposium", body, day=3)]
    first_teaser = article("t", "Suqian park opens", text(11)[:150] + "...", kind="teaser")
    old_keys = keys_of(first_articles + [first_teaser])
    old_links = link_records(
        pl.DataFrame(schema=STORY_KEYS), pl.DataFrame(schema=LINKS), old_keys, 0.8
    )
    assert old_links.filter(pl.col("record_id") == "t")["full_record_id"].item() is None
    words = body.split(" ")
    words[5] = "edited"
    second = [
        article("b", "Anji symposium", body, day=4),  # exact copy
        article("c", "Anji symposium", " ".join(words), day=5),  # near copy
        article("s", "Suqian park opens", text(11), day=6),  # last run's teaser's article
    ]
    links = link(second, old_keys=old_keys, old_links=old_links)
    assert links["b"]["duplicate_of"] == "a" and links["b"]["story_id"] == "a"
    assert links["c"]["story_id"] == "a"
    assert links["t"]["full_record_id"] == "s" and links["t"]["story_id"] == "s"
    assert links["a"] == old_links.filter(pl.col("record_id") == "a").row(0, named=True)


def test_stories_table_counts_pages_per_form():
    body = text(12)
    articles = [
        article("a", "Title", body, day=2),
        article("b", "Title", body, day=1),
        article("t", "Title", body[:120] + "...", kind="teaser", source_file="c.txt"),
    ]
    keys = keys_of(articles, [headline("h", "Title")])
    links = link_records(pl.DataFrame(schema=STORY_KEYS), pl.DataFrame(schema=LINKS), keys, 0.8)
    frame = pl.DataFrame(articles).with_columns(outlet=pl.lit("Wuxi Daily"))
    story = stories_table(links, keys, frame.lazy()).row(0, named=True)
    assert story["canonical_record_id"] == "b" and story["first_published"] == date(2022, 6, 1)
    assert (story["articles"], story["teasers"], story["headlines"], story["pages"]) == (2, 1, 1, 4)
    assert story["outlet"] == "Wuxi Daily"


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
    links = f"'{out}/links/*.parquet'"
    copies = duckdb.sql(
        f"SELECT c.kind, o.source_file FROM {links} c JOIN {links} o ON o.record_id = c.duplicate_of "
        "WHERE c.source_file = 'saved_again.txt'"
    ).fetchall()
    assert copies and {source for _, source in copies} == {original}
    top = duckdb.sql(
        f"SELECT articles, pages FROM '{out}/stories/*.parquet' ORDER BY pages DESC LIMIT 1"
    ).fetchall()[0]
    assert top == (2, 2)
    with duckdb.connect(str(out / "catalog.duckdb"), read_only=True) as db:
        records = db.sql(
            "SELECT (SELECT count(*) FROM articles) + (SELECT count(*) FROM headlines)"
        )
        assert db.sql("SELECT count(*) FROM links").fetchall() == records.fetchall()
