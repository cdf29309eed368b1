"""One story, one row: exact copies, near copies, teasers and headlines joined into stories.

A news dump carries a story many times: as the main article of its page, as a page saved
twice, as a copy with a few words or the byline changed, as a teaser cut off at the bottom
of other pages, and as a title in related-news lists. This stage gives every record a
`story_id` and writes three tables into the run's snapshot:

- `story_keys`: the matching keys of every record (normalised title, exact-text hash, lead
  words, MinHash signature and LSH band keys of article bodies). Written once per record and
  carried over like the other tables, so a new run matches only its new records against it.
- `links`: per record, `story_id`, `duplicate_of` (the canonical record of an exact copy) and
  `full_record_id` (the article a teaser or headline points to). Rewritten by every run,
  because a teaser published last week may find its article today.
- `stories`: one row per story (a story is anchored by at least one full article).

Near copies: one-permutation MinHash over word 3-shingles of the repaired body, computed with
polars and numpy (vectorised over a whole chunk of records, no per-shingle Python), and LSH
bands looked up with joins. Candidate pairs are kept when the estimated Jaccard similarity,
or the containment of the shorter body in the longer (a truncated copy), reaches the
threshold. New records never merge two stories already published: a record that resembles
both joins the closer one, since a merge of two different stories is the worse error.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import polars as pl

from newsmend.schema import LINKS, STORIES, STORY_KEYS
from newsmend.store import write_parquet

BINS = 128  # MinHash values per body (one-permutation hashing: one bin each)
ROWS = 4  # values per LSH band
BANDS = BINS // ROWS
EMPTY = np.uint32(0xFFFFFFFF)  # a bin no shingle fell into
LEAD_WORDS = 10  # words of a body's start that a teaser must repeat
MIN_LEAD_WORDS = 4  # a teaser shorter than this is matched on its title alone
TRUNCATED_JACCARD = 0.5  # a truncated copy keeps at least half its original's shingles
MIN_SHINGLES = 20  # bodies shorter than this are matched by exact text only
CHUNK = 20_000  # records hashed at once (bounds memory)

_MIX = (0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB)


def normalise(column: str) -> pl.Expr:
    """Lower case, letters and digits only, single spaces: what copies of a text share."""
    return (
        pl.col(column)
        .fill_null("")
        .str.to_lowercase()
        .str.replace_all(r"[^\p{L}\p{N}]+", " ")
        .str.strip_chars()
    )


def record_keys(articles: pl.DataFrame, headlines: pl.DataFrame) -> pl.DataFrame:
    """The matching keys of new records (columns of schema.STORY_KEYS)."""
    texts = articles.select(
        "record_id",
        pl.lit("articles").alias("table"),
        "source_file",
        "kind",
        "published",
        normalise("title").alias("title_norm"),
        normalise("body").alias("body_norm"),
    )
    heads = headlines.select(
        "record_id",
        pl.lit("headlines").alias("table"),
        "source_file",
        pl.lit("headline").alias("kind"),
        "published",
        normalise("title").alias("title_norm"),
        pl.lit("").alias("body_norm"),
    )
    keys = pl.concat([texts, heads]).with_columns(
        pl.col("title_norm").hash(1).alias("title_key"),
        pl.concat_str("title_norm", "body_norm", separator="\n").hash(2).alias("exact_key"),
        _lead().alias("lead"),
    )
    sketches = body_sketches(keys["body_norm"], keys["kind"] == "article")
    return (
        keys.with_row_index("row")
        .join(sketches, on="row", how="left")
        .with_columns(pl.col("shingles").fill_null(0))
        .drop("row", "title_norm", "body_norm")
    )


def _lead() -> pl.Expr:
    """The first words of the body; a teaser's last word may be cut mid-word, so it is left out."""
    words = pl.col("body_norm").str.split(" ")
    count = pl.when(pl.col("kind") == "teaser").then(words.list.len() - 1).otherwise(LEAD_WORDS)
    lead = words.list.head(pl.min_horizontal(count, LEAD_WORDS)).list.join(" ")
    return pl.when(pl.col("kind") == "headline").then(None).otherwise(lead)


def body_sketches(bodies: pl.Series, wanted: pl.Series) -> pl.DataFrame:
    """row, shingles, signature (MinHash) and bands (LSH keys) of the wanted bodies; a body
    with fewer than MIN_SHINGLES shingles gets no signature (exact copies only)."""
    rows = np.flatnonzero(wanted.to_numpy())
    chunks = [
        _sketch_chunk(bodies, rows[start : start + CHUNK]) for start in range(0, len(rows), CHUNK)
    ]
    schema = {
        "row": pl.UInt32,
        "shingles": pl.Int32,
        "signature": pl.List(pl.UInt32),
        "bands": pl.List(pl.UInt64),
    }
    return pl.concat(chunks) if chunks else pl.DataFrame(schema=schema)


def _sketch_chunk(bodies: pl.Series, rows: np.ndarray) -> pl.DataFrame:
    signature, shingles = minhash(bodies.gather(rows))
    keys, full = band_keys(signature)
    long_enough = pl.col("shingles") >= MIN_SHINGLES
    return pl.DataFrame(
        {
            "row": rows.astype(np.uint32),
            "shingles": shingles.astype(np.int32),
            "signature": signature,
            "bands": np.where(full, keys, np.uint64(0)),
        }
    ).with_columns(
        pl.when(long_enough).then(pl.col("signature").arr.to_list()),
        pl.when(long_enough).then(pl.col("bands").arr.to_list().list.filter(pl.element() != 0)),
    )


def minhash(bodies: pl.Series) -> tuple[np.ndarray, np.ndarray]:
    """One-permutation MinHash of word 3-shingles: (n x BINS uint32, shingles per body).

    Each shingle's hash picks a bin and a value; a bin keeps its smallest value. One pass
    over the shingles instead of one per permutation, the same estimate of Jaccard."""
    words = bodies.str.split(" ")
    lengths = words.list.len().to_numpy().astype(np.int64)
    hashes = words.explode().hash(3).to_numpy()
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    shingle = _mix(_mix(hashes[:-2]) ^ hashes[1:-1]) ^ hashes[2:] if len(hashes) > 2 else hashes[:0]
    owner = np.repeat(np.arange(len(lengths)), lengths)[: len(shingle)]
    offset = np.arange(len(shingle)) - starts[owner]
    valid = offset <= lengths[owner] - 3
    shingle, owner = _mix(shingle[valid]), owner[valid]
    signature = np.full(len(lengths) * BINS, EMPTY, dtype=np.uint32)
    slot = owner * BINS + (shingle % BINS).astype(np.int64)
    np.minimum.at(signature, slot, (shingle >> np.uint64(32)).astype(np.uint32))
    return signature.reshape(len(lengths), BINS), np.maximum(lengths - 2, 0)


def _mix(values: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: spreads every input bit over the whole word."""
    with np.errstate(over="ignore"):
        values = (values ^ (values >> np.uint64(30))) * np.uint64(_MIX[1])
        values = (values ^ (values >> np.uint64(27))) * np.uint64(_MIX[2])
        return values ^ (values >> np.uint64(31))


def band_keys(signature: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """One uint64 per band of ROWS values (band number mixed in, so bands never collide),
    and whether the band is full: a band with an empty bin would match every short body."""
    banded = signature.reshape(len(signature), BANDS, ROWS)
    full = (banded != EMPTY).all(axis=2)
    key = np.broadcast_to(np.arange(BANDS, dtype=np.uint64), full.shape)
    with np.errstate(over="ignore"):
        for row in range(ROWS):
            key = _mix(key * np.uint64(_MIX[0]) ^ banded[:, :, row].astype(np.uint64))
    return key, full


def similarity(a: np.ndarray, b: np.ndarray, shingles_a, shingles_b) -> np.ndarray:
    """Per pair, the estimated Jaccard similarity, or the containment of the shorter body in
    the longer (a truncated copy) if larger. Containment counts only for bodies with a
    Jaccard of at least TRUNCATED_JACCARD: a short story sharing many sentences with a long
    one is no copy of it."""
    filled = (a != EMPTY) | (b != EMPTY)
    same = ((a == b) & filled).sum(axis=1)
    jaccard = same / np.maximum(filled.sum(axis=1), 1)
    shared = jaccard * (shingles_a + shingles_b) / (1 + jaccard)
    containment = shared / np.maximum(np.minimum(shingles_a, shingles_b), 1)
    containment = np.where(jaccard >= TRUNCATED_JACCARD, np.minimum(containment, 1.0), 0.0)
    return np.maximum(jaccard, containment)


def link_records(
    old_keys: pl.DataFrame, old_links: pl.DataFrame, new_keys: pl.DataFrame, threshold: float
) -> pl.DataFrame:
    """Every record's links (columns of schema.LINKS): the published ones kept, the new
    records' assigned, and teasers and headlines still without an article linked anew.

    `old_keys` and `old_links` are the carried-over tables (rows of reprocessed files already
    removed); `new_keys` are the keys of this run's records."""
    texts = new_keys.filter(pl.col("table") == "articles")
    copies = exact_copies(texts, old_keys, old_links)
    story_of = near_copies(copies, new_keys, old_keys, old_links, threshold)
    new_links = (
        new_keys.select("record_id", "table", "source_file", "kind")
        .join(copies.select("record_id", "canonical", "duplicate_of"), on="record_id", how="left")
        .join(story_of, left_on="canonical", right_on="record_id", how="left")
        .with_columns(
            pl.when(pl.col("kind") == "article").then(pl.col("story_id")).alias("story_id"),
            pl.lit(None, pl.String).alias("full_record_id"),
        )
    )
    links = pl.concat([old_links, new_links.select(LINK_COLUMNS)], how="vertical_relaxed")
    return link_to_articles(links, pl.concat([old_keys, new_keys], how="vertical_relaxed"))


LINK_COLUMNS = (
    "record_id",
    "table",
    "source_file",
    "kind",
    "story_id",
    "duplicate_of",
    "full_record_id",
)


def exact_copies(
    texts: pl.DataFrame, old_keys: pl.DataFrame, old_links: pl.DataFrame
) -> pl.DataFrame:
    """record_id, kind, canonical, duplicate_of of new article-table records. The canonical
    copy of a text is its published one if any, else the earliest new one (articles first)."""
    published = (
        old_keys.filter(pl.col("table") == "articles")
        .join(old_links.filter(pl.col("duplicate_of").is_null()), on="record_id")
        .group_by("exact_key")
        .agg(pl.col("record_id").min().alias("published_copy"))
    )
    canonical = pl.coalesce("published_copy", "first_new")
    return (
        texts.sort("kind", "published", "record_id", nulls_last=True)
        .with_columns(pl.col("record_id").first().over("exact_key").alias("first_new"))
        .join(published, on="exact_key", how="left")
        .select(
            "record_id",
            "kind",
            canonical.alias("canonical"),
            pl.when(canonical != pl.col("record_id")).then(canonical).alias("duplicate_of"),
        )
    )


def near_copies(
    copies: pl.DataFrame,
    new_keys: pl.DataFrame,
    old_keys: pl.DataFrame,
    old_links: pl.DataFrame,
    threshold: float,
) -> pl.DataFrame:
    """record_id -> story_id of every canonical article text this run refers to."""
    published = old_links.filter(pl.col("story_id").is_not_null()).select("record_id", "story_id")
    fresh = new_keys.join(
        copies.filter(pl.col("duplicate_of").is_null() & (pl.col("kind") == "article")).select(
            "record_id"
        ),
        on="record_id",
    )
    sketched_old = old_keys.filter(pl.col("bands").is_not_null()).join(
        published.select("record_id"), on="record_id"
    )
    edges = near_pairs(fresh.filter(pl.col("bands").is_not_null()), sketched_old, threshold)
    return pl.concat([assign_stories(fresh, edges, published), published]).unique("record_id")


def near_pairs(new: pl.DataFrame, old: pl.DataFrame, threshold: float) -> pl.DataFrame:
    """(record_id, other, similarity) for each new body and each new or published body that
    share an LSH band and whose similarity reaches the threshold."""
    new_bands = _bands(new)
    pairs = (
        new_bands.join(pl.concat([new_bands, _bands(old)]), on="band", suffix="_other")
        .filter(pl.col("record_id") != pl.col("record_id_other"))
        .select("record_id", pl.col("record_id_other").alias("other"))
        .unique()
    )
    sketches = pl.concat([new, old], how="vertical_relaxed").select(
        "record_id", pl.col("signature").list.to_array(BINS), "shingles"
    )
    verified = [
        _scored(chunk, sketches).filter(pl.col("similarity") >= threshold)
        for chunk in pairs.iter_slices(CHUNK * 10)
    ]
    schema = {"record_id": pl.String, "other": pl.String, "similarity": pl.Float64}
    return pl.concat(verified) if verified else pl.DataFrame(schema=schema)


def _bands(keys: pl.DataFrame) -> pl.DataFrame:
    return keys.select("record_id", pl.col("bands").alias("band")).explode("band")


def _scored(pairs: pl.DataFrame, sketches: pl.DataFrame) -> pl.DataFrame:
    both = pairs.join(sketches, on="record_id").join(
        sketches, left_on="other", right_on="record_id", suffix="_other"
    )
    score = similarity(
        both["signature"].to_numpy(),
        both["signature_other"].to_numpy(),
        both["shingles"].to_numpy(),
        both["shingles_other"].to_numpy(),
    )
    return both.select("record_id", "other", pl.Series("similarity", score, dtype=pl.Float64))


def assign_stories(
    fresh: pl.DataFrame, edges: pl.DataFrame, published: pl.DataFrame
) -> pl.DataFrame:
    """record_id -> story_id for new canonical bodies. New bodies joined by near-copy edges
    form a group; a group joins the published story it resembles most, else founds a story
    named after its earliest record. Two published stories are never merged."""
    story_of = dict(zip(published["record_id"], published["story_id"], strict=True))
    groups = _UnionFind(fresh["record_id"])
    best: dict[str, tuple[float, str]] = {}  # record -> closest published story
    for record, other, score in edges.iter_rows():
        if other in groups:
            groups.join(record, other)
        elif score > best.get(record, (-1.0, ""))[0]:
            best[record] = (score, story_of[other])
    group_story: dict[str, tuple[float, str]] = {}
    for record, (score, story) in best.items():
        group = groups.root(record)
        if score > group_story.get(group, (-1.0, ""))[0]:
            group_story[group] = (score, story)
    earliest = fresh.sort("published", "record_id", nulls_last=True)["record_id"]
    for record in earliest:
        group_story.setdefault(groups.root(record), (2.0, record))
    rows = [(record, group_story[groups.root(record)][1]) for record in earliest]
    return pl.DataFrame(rows, schema={"record_id": pl.String, "story_id": pl.String}, orient="row")


class _UnionFind:
    """Groups of records joined pairwise (path halving keeps lookups short)."""

    def __init__(self, records):
        self.parent = {record: record for record in records}

    def __contains__(self, record: str) -> bool:
        return record in self.parent

    def root(self, record: str) -> str:
        while self.parent[record] != record:
            self.parent[record] = self.parent[self.parent[record]]
            record = self.parent[record]
        return record

    def join(self, a: str, b: str) -> None:
        a, b = self.root(a), self.root(b)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def link_to_articles(links: pl.DataFrame, keys: pl.DataFrame) -> pl.DataFrame:
    """Teasers and headlines without an article (or whose article left the corpus) linked
    by title; a teaser must also repeat the article's first words. Among several matching
    articles the one published nearest wins, then a canonical copy."""
    articles = links.filter(pl.col("kind") == "article")
    unlinked = pl.col("kind").is_in(["teaser", "headline"]) & (
        pl.col("full_record_id").is_null()
        | ~pl.col("full_record_id").is_in(articles["record_id"].implode())
    )
    links = links.with_columns(unlinked.alias("unlinked"))
    todo = keys.join(links.filter("unlinked").select("record_id"), on="record_id")
    targets = keys.join(articles.select("record_id", "story_id", "duplicate_of"), on="record_id")
    found = _best_article(todo, targets)
    return (
        links.join(found, on="record_id", how="left", suffix="_found")
        .with_columns(
            pl.when("unlinked").then(f"{name}_found").otherwise(name).alias(name)
            for name in ("full_record_id", "story_id")
        )
        .select(LINK_COLUMNS)
    )


def _best_article(records: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    """record_id -> full_record_id, story_id of the best matching article, if any.

    Bounded whatever the data, even when thousands of stories share a title: articles are cut
    to one per title and story (its canonical copy), a teaser meets only articles whose first
    words repeat its lead word for word, and the article published nearest is found with an
    as-of join rather than by pairing each record with every article of its title."""
    targets = (
        articles.sort(pl.col("duplicate_of").is_not_null(), "record_id")
        .unique(["title_key", "story_id"], keep="first", maintain_order=True)
        .select("title_key", "lead", "published", "story_id", full_record_id="record_id")
    )
    words = pl.col("lead").str.count_matches(" ") + 1
    by_title = records.filter((pl.col("kind") == "headline") | (words < MIN_LEAD_WORDS))
    by_lead = records.filter((pl.col("kind") == "teaser") & (words >= MIN_LEAD_WORDS))
    prefixes = pl.concat(
        targets.with_columns(pl.col("lead").str.split(" ").list.head(k).list.join(" "))
        for k in range(MIN_LEAD_WORDS, LEAD_WORDS + 1)
    ).unique(["title_key", "lead", "story_id"])
    return pl.concat(
        [
            _nearest(by_title.drop("lead"), targets.drop("lead"), ["title_key"]),
            _nearest(by_lead, prefixes, ["title_key", "lead"]),
        ]
    )


def _nearest(records: pl.DataFrame, targets: pl.DataFrame, keys: list[str]) -> pl.DataFrame:
    """Each record's target with the same keys published nearest; without dates on both
    sides, the first target of those keys."""
    columns = ["record_id", "full_record_id", "story_id"]
    dated = (
        records.filter(pl.col("published").is_not_null())
        .sort("published")
        .join_asof(
            targets.filter(pl.col("published").is_not_null()).sort("published"),
            on="published",
            by=keys,
            strategy="nearest",
            check_sortedness=False,
        )
        .filter(pl.col("full_record_id").is_not_null())
        .select(columns)
    )
    first_of_keys = targets.sort("full_record_id").unique(keys, keep="first")
    rest = records.join(dated.select("record_id"), on="record_id", how="anti")
    return pl.concat([dated, rest.join(first_of_keys, on=keys).select(columns)])


def stories_table(links: pl.DataFrame, keys: pl.DataFrame, articles: pl.LazyFrame) -> pl.DataFrame:
    """One row per story (stories have at least one article): its canonical record (the
    earliest article), first publication date, title, outlet, and the pages carrying it."""
    members = links.filter(pl.col("story_id").is_not_null()).join(
        keys.select("record_id", "published"), on="record_id", how="left"
    )
    canonical = (
        members.filter(pl.col("kind") == "article")
        .sort("published", "record_id", nulls_last=True)
        .group_by("story_id")
        .agg(
            pl.col("record_id").first().alias("canonical_record_id"),
            pl.col("published").min().alias("first_published"),
        )
    )
    pages = members.group_by("story_id").agg(
        *(
            pl.col("source_file").filter(pl.col("kind") == kind).n_unique().alias(name)
            for kind, name in (
                ("article", "articles"),
                ("teaser", "teasers"),
                ("headline", "headlines"),
            )
        ),
        pl.col("source_file").n_unique().alias("pages"),
    )
    described = articles.select(
        pl.col("record_id").alias("canonical_record_id"), "title", "outlet"
    ).join(canonical.lazy().select("canonical_record_id"), on="canonical_record_id")
    return (
        canonical.join(described.collect(), on="canonical_record_id", how="left")
        .join(pages, on="story_id")
        .sort("pages", "story_id", descending=[True, False])
    )


def update_stories(staging: Path, run_id: str, threshold: float) -> dict[str, int]:
    """The stage as the flow runs it, inside the run's staged snapshot: keys of this run's
    parts added to the carried-over story_keys, links and stories rewritten whole. All three
    are published with the other tables, so the index is never ahead of them."""
    old_keys = _read_table(staging / "story_keys", STORY_KEYS)
    old_links = _read_table(staging / "links", LINKS)
    new_keys = _new_keys(staging, run_id)
    links = link_records(old_keys, old_links, new_keys, threshold).select(list(LINKS))
    keys = pl.concat([old_keys, new_keys])
    articles = pl.scan_parquet(staging / "articles" / "*.parquet")
    stories = stories_table(links, keys, articles).select(list(STORIES)).cast(STORIES)
    write_parquet(new_keys, staging / "story_keys" / f"part-{run_id}.parquet")
    for old in (staging / "links").glob("*.parquet"):
        old.unlink()  # a hard link to the published part: that one stays as it was
    write_parquet(links, staging / "links" / "links.parquet")
    write_parquet(stories, staging / "stories" / "stories.parquet")
    return _counts(links, stories)


def _new_keys(staging: Path, run_id: str) -> pl.DataFrame:
    """Keys of this run's records, one batch part at a time: only keys stay in memory."""
    keys = [
        record_keys(
            pl.read_parquet(
                part, columns=["record_id", "source_file", "kind", "title", "body", "published"]
            ),
            pl.read_parquet(
                staging / "headlines" / part.name,
                columns=["record_id", "source_file", "title", "published"],
            ),
        )
        for part in sorted((staging / "articles").glob(f"part-{run_id}-*.parquet"))
    ]
    return pl.concat(keys).select(list(STORY_KEYS)) if keys else pl.DataFrame(schema=STORY_KEYS)


def _read_table(folder: Path, schema: dict) -> pl.DataFrame:
    files = sorted(folder.glob("*.parquet"))
    return pl.read_parquet(files).select(list(schema)) if files else pl.DataFrame(schema=schema)


def _counts(links: pl.DataFrame, stories: pl.DataFrame) -> dict[str, int]:
    """Figures for the run summary."""
    linked = links.filter(pl.col("full_record_id").is_not_null())["kind"].value_counts()
    per_kind = dict(zip(linked["kind"], linked["count"], strict=True))
    return {
        "stories": stories.height,
        "exact_copies": links["duplicate_of"].is_not_null().sum(),
        "teasers_linked": per_kind.get("teaser", 0),
        "headlines_linked": per_kind.get("headline", 0),
    }
