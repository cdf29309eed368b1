"""One story, one row: exact copies, near copies, teasers and headlines joined into stories.

A news dump carries a story many times: as the main article of its page, as a page saved
twice, as a copy with a few words or the byline changed, as a teaser cut off at the bottom
of other pages, and as a title in related-news lists. This stage gives every record a
`story_id` and writes three tables into the run's snapshot:

- `story_keys`: the matching keys of every record (normalised title, exact-text hash, lead
  words, MinHash signature and LSH band keys of article bodies). Written once per record,
  one part per batch, and carried over like the other tables: the index a new run matches
  only its new records against, scanned from Parquet and never loaded whole.
- `links`: per record, `story_id`, `duplicate_of` (the canonical record of an exact copy) and
  `full_record_id` (the article a teaser or headline points to). One part per batch; a
  carried part is rewritten only when one of its teasers or headlines gets another article
  (a teaser published last week may find its article today).
- `stories`: one row per story (a story is anchored by at least one full article),
  rewritten by every run.

Near copies: one-permutation MinHash over word 3-shingles of the repaired body, computed with
polars and numpy (vectorised over a whole chunk of records, no per-shingle Python), and LSH
bands looked up with joins. Candidate pairs are kept when the estimated Jaccard similarity,
or the containment of the shorter body in the longer (a truncated copy), reaches the
threshold. Bodies are taken in date order, published ones first: each joins the story of its
most similar earlier body, else founds one. A body like two stories joins the closer one and
never merges them (a merge of two different stories is the worse error), and the result does
not depend on how the new bodies are chunked. Working frames hold record ids as the 64-bit
numbers their 16 hex digits spell.
"""

from __future__ import annotations

from pathlib import PurePosixPath

import numpy as np
import polars as pl

from newsmend.locations import storage_options
from newsmend.schema import ARTICLES, HEADLINES, LINKS, STORIES, STORY_KEYS
from newsmend.store import Draft, read_parts, write_parquet

BINS = 128  # MinHash values per body (one-permutation hashing: one bin each)
ROWS = 4  # values per LSH band
BANDS = BINS // ROWS
EMPTY = np.uint32(0xFFFFFFFF)  # a bin no shingle fell into
LEAD_WORDS = 10  # words of a body's start that a teaser must repeat
MIN_LEAD_WORDS = 4  # a teaser shorter than this is matched on its title alone
TRUNCATED_JACCARD = 0.5  # a truncated copy keeps at least half its original's shingles
MIN_SHINGLES = 20  # bodies shorter than this are matched by exact text only
CHUNK = 20_000  # new bodies matched against the index at once
# Bodies hashed at once: minhash's numpy arrays take about 80 bytes a word, and their peak
# would be a batch worker's peak (100 MB for a batch of 2000 pages, hashed in one go).
SKETCH_CHUNK = 500
MAX_BUCKET = 50  # earlier bodies compared per LSH band (a band shared by more is boilerplate)
MIN_BANDS = 2  # bands two long bodies share to be compared (see _parents)
LONG_BODY_BANDS = 16  # full bands (no empty bin) of a long body
SCORED = 50_000  # candidate pairs scored at once
PAIRED = 2_000  # new bodies paired with their bands' earlier bodies at once
DESCRIBED = {name: ARTICLES[name] for name in ("record_id", "title", "outlet")}  # for stories
UNDATED = 2**31 - 1  # the day of a record without a date: after every dated one

_MIX = (0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB)


# A run of characters other than letters and digits, unless it is one space: the gap between
# most words is left as it is, where replacing it by itself took a third of the story keys.
_OTHER_THAN_ONE_SPACE = r"[^\p{L}\p{N}]*[^\p{L}\p{N} ][^\p{L}\p{N}]*|  +"


def normalise(column: str) -> pl.Expr:
    """Lower case, letters and digits only, single spaces: what copies of a text share. Each
    run of other characters becomes one space (_OTHER_THAN_ONE_SPACE)."""
    return (
        pl.col(column)
        .fill_null("")
        .str.to_lowercase()
        .str.replace_all(_OTHER_THAN_ONE_SPACE, " ")
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
    """The first words of the body; a teaser's last word may be cut mid-word, so it is left out.
    Cut from the text (single spaces between words, after normalise), not from a list of all
    its words: a third of the time."""
    body = pl.col("body_norm")
    first_words = body.str.extract(rf"^(?:[^ ]+ ){{0,{LEAD_WORDS - 1}}}[^ ]*", 0)
    all_but_last = body.str.replace(r" ?[^ ]*$", "")
    short = body.str.count_matches(" ") < LEAD_WORDS  # LEAD_WORDS words or fewer
    lead = pl.when((pl.col("kind") == "teaser") & short).then(all_but_last).otherwise(first_words)
    return pl.when(pl.col("kind") == "headline").then(None).otherwise(lead)


def body_sketches(bodies: pl.Series, wanted: pl.Series) -> pl.DataFrame:
    """row, shingles, signature (MinHash) and bands (LSH keys) of the wanted bodies; a body
    with fewer than MIN_SHINGLES shingles gets no signature (exact copies only)."""
    rows = np.flatnonzero(wanted.to_numpy())
    chunks = [
        _sketch_chunk(bodies, rows[start : start + SKETCH_CHUNK])
        for start in range(0, len(rows), SKETCH_CHUNK)
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
    old_keys: pl.LazyFrame,
    old_links: pl.LazyFrame,
    new_keys: pl.LazyFrame,
    threshold: float,
    chunk: int = CHUNK,
) -> pl.DataFrame:
    """Every record's links (columns of schema.LINKS) after a run, as one frame: the stage
    itself (update_stories) writes the same rows part by part."""
    assigned, relinked = match_records(old_keys, old_links, new_keys, threshold, chunk)
    return pl.concat(
        [
            renewed(old_links.collect(), relinked),
            new_links(new_keys.collect(), assigned),
        ]
    )


def match_records(
    old_keys: pl.LazyFrame,
    old_links: pl.LazyFrame,
    new_keys: pl.LazyFrame,
    threshold: float,
    chunk: int = CHUNK,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(assigned, relinked): rid, story, duplicate_of, full of this run's records, and rid,
    story, full of the published teasers and headlines whose best article may have changed.

    `old_keys` and `old_links` are the carried-over tables (rows of reprocessed files already
    removed), `new_keys` the keys of this run's records. All three are lazy: the published
    tables are scanned for what the new records need, never held whole."""
    new = new_keys.select(
        "table",
        "kind",
        "title_key",
        "exact_key",
        rid=_id("record_id"),
        day=_day(),
        sketched=pl.col("bands").is_not_null(),
    ).collect(engine="streaming")
    old_stories = (
        old_links.filter(pl.col("kind") == "article", pl.col("duplicate_of").is_null())
        .select(rid=_id("record_id"), story=_id("story_id"))
        .collect(engine="streaming")
    )
    keys = pl.concat([old_keys, new_keys], how="vertical_relaxed").with_columns(
        rid=_id("record_id"), day=_day()
    )
    copies = exact_copies(new, old_keys, old_links)
    fresh = new.join(copies.filter(pl.col("duplicate_of").is_null()).select("rid"), on="rid")
    stories = near_copies(
        fresh.filter(pl.col("kind") == "article"), keys, old_stories, threshold, chunk
    )
    articles = (
        copies.filter(pl.col("kind") == "article")
        .join(stories.rename({"rid": "canonical"}), on="canonical", how="left")
        .select("rid", "story", "duplicate_of")
    )
    linked = link_to_articles(new, articles, keys, old_links, chunk)
    assigned = (
        new.select("rid")
        .join(copies.select("rid", "duplicate_of"), on="rid", how="left")
        .join(articles.select("rid", "story"), on="rid", how="left")
        .join(linked, on="rid", how="left", suffix="_linked")
        .select("rid", "duplicate_of", "full", story=pl.coalesce("story", "story_linked"))
    )
    return assigned, _changed(linked.join(new.select("rid"), on="rid", how="anti"), old_links)


def _changed(relinked: pl.DataFrame, old_links: pl.LazyFrame) -> pl.DataFrame:
    """The published records whose link changed: most keep their article when one of their
    title arrives, and a links part is rewritten only for those that did not."""
    before = (
        old_links.select(rid=_id("record_id"), full=_id("full_record_id"), story=_id("story_id"))
        .join(relinked.lazy().select("rid"), on="rid", how="semi")
        .collect(engine="streaming")
    )
    return (
        relinked.join(before, on="rid", how="left", suffix="_before")
        .filter(
            pl.col("full").ne_missing(pl.col("full_before"))
            | pl.col("story").ne_missing(pl.col("story_before"))
        )
        .select("rid", "full", "story")
    )


def renewed(links: pl.DataFrame, relinked: pl.DataFrame) -> pl.DataFrame:
    """Published links with the story and article of the records linked anew."""
    anew = pl.col("rid").is_in(relinked["rid"].implode())
    return (
        links.with_columns(rid=_id("record_id"))
        .join(relinked, on="rid", how="left")
        .with_columns(
            pl.when(anew).then(_hex("story")).otherwise("story_id").alias("story_id"),
            pl.when(anew).then(_hex("full")).otherwise("full_record_id").alias("full_record_id"),
        )
        .select(LINK_COLUMNS)
    )


def new_links(keys: pl.DataFrame, assigned: pl.DataFrame) -> pl.DataFrame:
    """The links of this run's records (keys: their story_keys rows)."""
    return (
        keys.select("record_id", "table", "source_file", "kind", rid=_id("record_id"))
        .join(assigned, on="rid", how="left")
        .with_columns(
            _hex("story").alias("story_id"),
            _hex("duplicate_of"),
            _hex("full").alias("full_record_id"),
        )
        .select(LINK_COLUMNS)
    )


LINK_COLUMNS = list(LINKS)


def _id(column: str) -> pl.Expr:
    """A record id (16 hex digits) as the number it spells: 8 bytes instead of a string."""
    return pl.col(column).str.to_integer(base=16, dtype=pl.UInt64)


def _hex(column: str) -> pl.Expr:
    """The inverse of _id: the number as 16 hex digits (null stays null)."""
    digits = [
        (pl.col(column) // 16 ** (15 - place) % 16).replace_strict(
            range(16), list("0123456789abcdef"), return_dtype=pl.String
        )
        for place in range(16)
    ]
    return pl.concat_str(digits).alias(column)


def _day() -> pl.Expr:
    """A record's place in time, for ordering (undated records last)."""
    return pl.col("published").cast(pl.Int32).fill_null(UNDATED)


def exact_copies(
    new: pl.DataFrame, old_keys: pl.LazyFrame, old_links: pl.LazyFrame
) -> pl.DataFrame:
    """rid, kind, canonical, duplicate_of of the new article-table records. The canonical
    copy of a text is its published one if any, else its earliest new one. An article and a
    teaser are never copies of each other: a teaser links to its article instead."""
    texts = new.filter(pl.col("table") == "articles")
    published = (
        old_keys.filter(pl.col("table") == "articles")
        .select("kind", "exact_key", rid=_id("record_id"))
        .join(
            texts.lazy().select("exact_key", "kind").unique(), on=["exact_key", "kind"], how="semi"
        )
        .join(
            old_links.filter(pl.col("duplicate_of").is_null()).select(rid=_id("record_id")),
            on="rid",
            how="semi",
        )
        .group_by("exact_key", "kind")
        .agg(published_copy=pl.col("rid").min())
        .collect(engine="streaming")
    )
    canonical = pl.coalesce("published_copy", "first_new")
    return (
        texts.sort("day", "rid")
        .with_columns(first_new=pl.col("rid").first().over("exact_key", "kind"))
        .join(published, on=["exact_key", "kind"], how="left")
        .select(
            "rid",
            "kind",
            canonical.alias("canonical"),
            pl.when(canonical != pl.col("rid")).then(canonical).alias("duplicate_of"),
        )
    )


def near_copies(
    fresh: pl.DataFrame,
    keys: pl.LazyFrame,
    old_stories: pl.DataFrame,
    threshold: float,
    chunk: int,
) -> pl.DataFrame:
    """rid -> story of the published canonical articles and of the new ones (`fresh`).

    New bodies are taken in time order, `chunk` at a time: each joins the story of the most
    similar earlier body (published bodies count as earlier), else founds a story of its
    own. So a body never merges two stories, and the chunk size changes memory, not links."""
    fresh = fresh.sort("day", "rid")
    canonical = pl.concat(
        [
            old_stories.select("rid", gen=pl.lit(0, pl.UInt8)),
            fresh.select("rid", gen=pl.lit(1, pl.UInt8)),
        ]
    )
    bands = (
        keys.filter(pl.col("bands").is_not_null())
        .select("rid", "day", band="bands", full=pl.col("bands").list.len())
        .explode("band")
        .join(canonical.lazy(), on="rid")
    )
    stories = pl.concat([old_stories, fresh.filter(~pl.col("sketched")).select("rid", story="rid")])
    sketched = fresh.filter("sketched")
    for start in range(0, sketched.height, chunk):
        part = sketched.slice(start, chunk)
        stories = pl.concat(
            [stories, _resolve(part, _parents(part, bands, keys, threshold), stories)]
        )
    return stories


def _parents(
    part: pl.DataFrame, bands: pl.LazyFrame, keys: pl.LazyFrame, threshold: float
) -> pl.DataFrame:
    """rid -> parent: for each new body of the chunk, the most similar earlier body (then
    the earliest) among those sharing LSH bands with it and reaching the threshold.

    Two long bodies (each with LONG_BODY_BANDS full bands) must share MIN_BANDS bands: a copy
    shares about 13 of 32 (0.8^4 each), while one shared band is mostly a common sentence (in
    bench/dedup.py 99% of the candidates and 0.1% of the copies). A short body fills few
    bands, so for it one shared band is enough.

    A band shared by more than MAX_BUCKET earlier bodies is boilerplate (a footer, a notice):
    only its first MAX_BUCKET bodies are compared, so one boilerplate band costs a bounded
    number of comparisons; true copies also share the bands of their own text."""
    mine = bands.join(part.lazy().select("rid"), on="rid", how="semi").collect(engine="streaming")
    members = (
        bands.join(mine.lazy().select("band").unique(), on="band", how="semi")
        .collect(engine="streaming")
        .sort("gen", "day", "rid")
        .group_by("band", maintain_order=True)
        .head(MAX_BUCKET)
    )
    rids = part["rid"]
    pairs = pl.concat(
        _candidates(mine.filter(pl.col("rid").is_in(rids.slice(start, PAIRED).implode())), members)
        for start in range(0, len(rids), PAIRED)
    )
    return (
        _scored(pairs, keys, threshold)
        .sort(
            "rid",
            "similarity",
            "gen_other",
            "day_other",
            "rid_other",
            descending=[False, True, False, False, False],
        )
        .unique("rid", keep="first", maintain_order=True)
        .select("rid", parent="rid_other")
    )


def _candidates(mine: pl.DataFrame, members: pl.DataFrame) -> pl.DataFrame:
    """rid, rid_other, gen_other, day_other: the earlier bodies sharing enough bands with
    these new ones (their band rows in `mine`) to be compared."""
    earlier = (
        (pl.col("gen_other") == 0)
        | (pl.col("day_other") < pl.col("day"))
        | ((pl.col("day_other") == pl.col("day")) & (pl.col("rid_other") < pl.col("rid")))
    )
    return (
        mine.join(members, on="band", suffix="_other")
        .filter(earlier)
        .group_by("rid", "rid_other", "gen_other", "day_other", "full", "full_other")
        .len("shared")
        .filter(
            (pl.col("shared") >= MIN_BANDS)
            | (pl.min_horizontal("full", "full_other") < LONG_BODY_BANDS)
        )
        .select("rid", "rid_other", "gen_other", "day_other")
    )


def _scored(pairs: pl.DataFrame, keys: pl.LazyFrame, threshold: float) -> pl.DataFrame:
    """The pairs whose similarity reaches the threshold, with it. Only these bodies'
    signatures are read from the index, and pairs are scored SCORED at a time."""
    bodies = pl.concat([pairs["rid"], pairs["rid_other"]]).unique().to_frame("rid")
    sketches = (
        keys.join(bodies.lazy(), on="rid", how="semi")
        .select("rid", "shingles", pl.col("signature").list.to_array(BINS))
        .collect(engine="streaming")
        .with_row_index("at")
    )
    placed = pairs.join(sketches.select("rid", "at"), on="rid").join(
        sketches.select(rid_other="rid", at_other="at"), on="rid_other"
    )
    signature, shingles = sketches["signature"].to_numpy(), sketches["shingles"].to_numpy()
    a, b = placed["at"].to_numpy(), placed["at_other"].to_numpy()
    scores = [
        similarity(
            signature[a[i : i + SCORED]],
            signature[b[i : i + SCORED]],
            shingles[a[i : i + SCORED]],
            shingles[b[i : i + SCORED]],
        )
        for i in range(0, len(a), SCORED)
    ]
    score = np.concatenate(scores) if scores else np.empty(0)
    return placed.with_columns(similarity=pl.Series(score, dtype=pl.Float64)).filter(
        pl.col("similarity") >= threshold
    )


def _resolve(part: pl.DataFrame, parents: pl.DataFrame, stories: pl.DataFrame) -> pl.DataFrame:
    """rid -> story of a chunk's bodies, in time order: a body founds a story or takes its
    parent's, whether the parent is published, in an earlier chunk or earlier in this one."""
    rows = (
        part.select("rid")
        .join(parents, on="rid", how="left", maintain_order="left")
        .join(
            stories.rename({"rid": "parent", "story": "known"}),
            on="parent",
            how="left",
            maintain_order="left",
        )
    )
    story: dict[int, int] = {}
    for rid, parent, known in rows.iter_rows():
        story[rid] = rid if parent is None else known if known is not None else story[parent]
    return pl.DataFrame(
        {"rid": list(story), "story": list(story.values())},
        schema={"rid": pl.UInt64, "story": pl.UInt64},
    )


def link_to_articles(
    new: pl.DataFrame,
    articles: pl.DataFrame,
    keys: pl.LazyFrame,
    old_links: pl.LazyFrame,
    chunk: int,
) -> pl.DataFrame:
    """rid, full, story of the teasers and headlines whose best article may have
    changed: this run's, the published ones with the title of a new article, and the
    published ones whose article left the corpus. The others keep their links, since no
    article of their title came. Matched by title; a teaser must also repeat the article's
    first words. Among several matching articles the one published nearest wins. Matched
    title bucket by title bucket, about `chunk` records at a time (a match never crosses
    titles, so the buckets change memory, not links)."""
    every_article = pl.concat(
        [
            old_links.filter(pl.col("kind") == "article").select(
                rid=_id("record_id"),
                story=_id("story_id"),
                copy=pl.col("duplicate_of").is_not_null(),
            ),
            articles.lazy().select("rid", "story", copy=pl.col("duplicate_of").is_not_null()),
        ]
    )
    orphaned = (
        old_links.filter(pl.col("full_record_id").is_not_null())
        .select(rid=_id("record_id"), full=_id("full_record_id"))
        .join(every_article, left_on="full", right_on="rid", how="anti")
        .select("rid")
    )
    ids = pl.concat([new.lazy().filter(pl.col("kind") != "article").select("rid"), orphaned])
    titles = new.filter(pl.col("kind") == "article").select("title_key").unique()
    todo = (
        keys.filter(
            pl.col("kind") != "article",
            pl.col("rid").is_in(ids.collect()["rid"].implode())
            | pl.col("title_key").is_in(titles["title_key"].implode()),
        )
        .select("rid", "kind", "title_key", "lead", "published")
        .collect(engine="streaming")
    )
    targets = (
        keys.filter(pl.col("kind") == "article")
        .join(todo.lazy().select("title_key").unique(), on="title_key", how="semi")
        .select("rid", "title_key", "lead", "published")
        .join(every_article, on="rid")
        .collect(engine="streaming")
    )
    buckets = max(1, -(-todo.height // chunk))  # of titles, each about `chunk` records
    in_bucket = [pl.col("title_key") % buckets == bucket for bucket in range(buckets)]
    found = [_best_article(todo.filter(bucket), targets.filter(bucket)) for bucket in in_bucket]
    return todo.select("rid").join(pl.concat(found), on="rid", how="left")


def _best_article(records: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    """rid -> full, story of the best matching article, if any.

    Bounded whatever the data, even when thousands of stories share a title: articles are cut
    to one per title and story (its canonical copy first), and for teasers to one per title,
    story and opening words (a teaser may open an edited copy); a teaser meets only articles
    whose first words repeat its lead word for word, and the article published nearest is
    found with an as-of join rather than by pairing each record with every article of its
    title."""
    ordered = articles.sort("copy", "rid").select(
        "title_key", "lead", "published", "story", full="rid"
    )
    targets = ordered.unique(["title_key", "story"], keep="first", maintain_order=True)
    words = pl.col("lead").str.count_matches(" ") + 1
    by_title = records.filter((pl.col("kind") == "headline") | (words < MIN_LEAD_WORDS))
    by_lead = records.filter((pl.col("kind") == "teaser") & (words >= MIN_LEAD_WORDS))
    prefixes = pl.concat(
        ordered.with_columns(pl.col("lead").str.split(" ").list.head(k).list.join(" "))
        for k in range(MIN_LEAD_WORDS, LEAD_WORDS + 1)
    ).unique(["title_key", "lead", "story"], keep="first", maintain_order=True)
    return pl.concat(
        [
            _nearest(by_title.drop("lead"), targets.drop("lead"), ["title_key"]),
            _nearest(by_lead, prefixes, ["title_key", "lead"]),
        ]
    )


def _nearest(records: pl.DataFrame, targets: pl.DataFrame, keys: list[str]) -> pl.DataFrame:
    """Each record's target with the same keys published nearest; without dates on both
    sides, the first target of those keys."""
    columns = ["rid", "full", "story"]
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
        .filter(pl.col("full").is_not_null())
        .select(columns)
    )
    first_of_keys = targets.sort("full").unique(keys, keep="first")
    rest = records.join(dated.select("rid"), on="rid", how="anti")
    return pl.concat([dated, rest.join(first_of_keys, on=keys).select(columns)])


def stories_table(links: pl.LazyFrame, keys: pl.LazyFrame, articles: pl.LazyFrame) -> pl.DataFrame:
    """One row per story (stories have at least one article): its canonical record (the
    earliest article), first publication date, title, outlet, and the pages carrying it."""
    members = links.filter(pl.col("story_id").is_not_null())
    canonical = (
        members.filter(pl.col("kind") == "article")
        .select("story_id", "record_id")
        .join(keys.select("record_id", "published"), on="record_id", how="left")
        .group_by("story_id")
        .agg(
            pl.col("record_id")
            .sort_by("published", "record_id", nulls_last=True)
            .first()
            .alias("canonical_record_id"),
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
    ).join(canonical.select("canonical_record_id"), on="canonical_record_id", how="semi")
    return (
        canonical.join(described, on="canonical_record_id", how="left")
        .join(pages, on="story_id")
        .sort("pages", "story_id", descending=[True, False])
        .collect(engine="streaming")
    )


def update_stories(draft: Draft, threshold: float, chunk: int = CHUNK) -> dict[str, int]:
    """The stage as the flow runs it, on the run's draft of the tables: this run's parts get
    their links parts (and story_keys parts, where their batch wrote none), carried-over links
    parts are rewritten only where a record was linked anew, and stories is rewritten. All
    three are published with the other tables, so the index is never ahead of them. Memory:
    one part at a time, one chunk of new bodies at a time, and compact integer frames of this
    run's records."""
    this_run = f"part-{draft.run_id}-"
    old_keys = [p for p in draft.files("story_keys") if this_run not in p]
    old_links = draft.files("links")
    new_keys = _new_keys(draft)
    assigned, relinked = match_records(
        _scan(old_keys, STORY_KEYS),
        _scan(old_links, LINKS),
        _scan(new_keys, STORY_KEYS),
        threshold,
        chunk,
    )
    for number, part in enumerate(old_links):
        ids = read_parts([part], None).select(_id("record_id"))
        if ids.to_series().is_in(relinked["rid"].implode()).any():
            # a new part in the draft; the published one stays as it was
            draft.drop("links", part)
            renewed_part = renewed(read_parts([part], LINKS), relinked)
            draft.add("links", renewed_part, f"renewed-{draft.run_id}-{number:05d}.parquet")
    assigned = assigned.sort("rid")
    for part in new_keys:
        keys = read_parts([part], None).select("record_id", "table", "source_file", "kind")
        mine = assigned["rid"].search_sorted(keys.select(_id("record_id")).to_series())
        draft.add("links", new_links(keys, assigned[mine]), PurePosixPath(part).name)
    links = _scan(draft.files("links"), LINKS)
    stories = stories_table(
        links,
        _scan(old_keys + new_keys, STORY_KEYS),
        _scan(draft.files("articles"), DESCRIBED),
    )
    draft.replace(
        "stories", stories.select(list(STORIES)).cast(STORIES), f"stories-{draft.run_id}.parquet"
    )
    return {"stories": stories.height, **_counts(links)}


def write_keys(articles: pl.DataFrame, headlines: pl.DataFrame, path) -> None:
    """The story_keys part of one batch's clean records. Each batch writes its own beside its
    parts, in the worker that cleaned them: the keys (normalising, MinHash) are most of the
    stage's work, and they need no other batch."""
    write_parquet(_stored(record_keys(articles, headlines)), path)


def _new_keys(draft: Draft) -> list[str]:
    """The story_keys parts of this run's records; a part whose batch did not write them (a
    draft made by other means) gets them here, one part's text in memory at a time."""
    this_run = f"part-{draft.run_id}-"
    written = {PurePosixPath(p).name: p for p in draft.files("story_keys") if this_run in p}
    # a batch's part has one name in every month partition of articles and headlines
    names = {PurePosixPath(p).name for p in draft.files("articles") if this_run in p}
    parts = []
    for name in sorted(names):
        if name in written:
            parts.append(written[name])
            continue
        articles = read_parts(
            [p for p in draft.files("articles") if p.endswith("/" + name)],
            {
                c: ARTICLES[c]
                for c in ("record_id", "source_file", "kind", "title", "body", "published")
            },
        )
        headlines = read_parts(
            [p for p in draft.files("headlines") if p.endswith("/" + name)],
            {c: HEADLINES[c] for c in ("record_id", "source_file", "title", "published")},
        )
        parts.append(draft.add("story_keys", _stored(record_keys(articles, headlines)), name))
    return parts


def _scan(files: list[str], schema: dict) -> pl.LazyFrame:
    if not files:
        return pl.LazyFrame(schema=schema)
    options = storage_options(files[0]) or None
    parts = pl.scan_parquet(files, storage_options=options).select(list(schema))
    return _unsigned(parts) if schema is STORY_KEYS else parts


# Delta Lake has no unsigned integers: story_keys keeps its hashes as the signed numbers of
# the same bits, so that polars and DuckDB read the table through Delta like any other.
_HASHES = ("title_key", "exact_key")
_HASH_LISTS = ("signature", "bands")


def _stored(keys: pl.DataFrame) -> pl.DataFrame:
    return keys.select(list(STORY_KEYS)).with_columns(
        pl.col(*_HASHES).reinterpret(signed=True),
        *(pl.col(c).list.eval(pl.element().reinterpret(signed=True)) for c in _HASH_LISTS),
    )


def _unsigned(keys: pl.LazyFrame) -> pl.LazyFrame:
    return keys.with_columns(
        pl.col(*_HASHES).reinterpret(signed=False),
        *(pl.col(c).list.eval(pl.element().reinterpret(signed=False)) for c in _HASH_LISTS),
    )


def _counts(links: pl.LazyFrame) -> dict[str, int]:
    """Figures for the run summary."""
    linked = pl.col("full_record_id").is_not_null()
    return (
        links.select(
            exact_copies=pl.col("duplicate_of").is_not_null().sum(),
            teasers_linked=(linked & (pl.col("kind") == "teaser")).sum(),
            headlines_linked=(linked & (pl.col("kind") == "headline")).sum(),
        )
        .collect(engine="streaming")
        .row(0, named=True)
    )
