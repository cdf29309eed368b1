"""The output tables' columns and types, defined once.

Every stage builds rows as plain dicts with these keys; `frame()` turns them into a polars
DataFrame with exactly these columns and types, so the Parquet files of every run agree.
"""

from __future__ import annotations

import polars as pl

CREDIT = pl.Struct({"role": pl.String, "name": pl.String})  # roles: tables/roles.toml
REPAIR = pl.Struct({"rule": pl.String, "before": pl.String, "after": pl.String})
# A count per name (check, rule, flag), most common first; DuckDB: map_from_entries(column)
COUNTS = pl.List(pl.Struct({"name": pl.String, "count": pl.Int64}))

ARTICLES = {
    "record_id": pl.String,
    "source_file": pl.String,  # relative to --raw, with forward slashes
    "source_sha256": pl.String,
    "position": pl.Int32,  # order of the record in its page (0 = main article)
    "start": pl.Int32,  # character offsets of the record in the decoded page
    "end": pl.Int32,
    "kind": pl.String,  # "article" | "teaser"
    "title": pl.String,
    "body": pl.String,
    "title_raw": pl.String,
    "body_raw": pl.String,
    "published": pl.Date,
    "published_raw": pl.String,
    "outlet": pl.String,
    "authors": pl.List(pl.String),
    "editors": pl.List(pl.String),
    "credits": pl.List(CREDIT),  # every credited person with their role, in page order
    "truncated": pl.Boolean,
    "repairs": pl.List(REPAIR),
    "flags": pl.List(pl.String),  # warnings: checks of warning severity, unsafe-to-fix artifacts
    "run_id": pl.String,
}

HEADLINES = {
    "record_id": pl.String,
    "source_file": pl.String,
    "source_sha256": pl.String,
    "position": pl.Int32,
    "start": pl.Int32,
    "end": pl.Int32,
    "parent_record_id": pl.String,  # the page's main article; null on a page of titles only
    "title": pl.String,
    "title_raw": pl.String,
    "published": pl.Date,
    "published_raw": pl.String,
    "repairs": pl.List(REPAIR),
    "flags": pl.List(pl.String),
    "run_id": pl.String,
}

QUARANTINE = {
    "record_id": pl.String,
    "table": pl.String,  # "articles" | "headlines" | "files"
    "source_file": pl.String,
    "failed_checks": pl.List(pl.String),
    "reason": pl.String,  # human-readable explanation
    "record": pl.String,  # the whole record as JSON
    "run_id": pl.String,
}

RUNS = {
    "run_id": pl.String,
    "started": pl.Datetime("us", "UTC"),
    "finished": pl.Datetime("us", "UTC"),
    "files_seen": pl.Int64,
    "files_processed": pl.Int64,
    "files_quarantined": pl.Int64,
    "articles": pl.Int64,
    "headlines": pl.Int64,
    "quarantined": pl.Int64,
    "failed_checks": COUNTS,  # check name -> records that failed it
    "repairs": COUNTS,  # rule name -> repairs applied
    "flags": COUNTS,  # flag name -> records flagged
    "furniture": COUNTS,  # furniture kind (tables/furniture.toml) -> lines dropped
    "translation": COUNTS,  # cache hits, misses, failures
    "alerts": pl.List(pl.String),  # quality figures that moved far from the recent runs
}

LEDGER = {
    "source_file": pl.String,
    "size": pl.Int64,
    "mtime_ns": pl.Int64,
    "sha256": pl.String,
    "first_run": pl.String,
    "last_run": pl.String,
    "outcome": pl.String,  # "clean", "quarantined: <reason>", "partly quarantined", "retry"
}

# Stories (newsmend/dedup.py): one story, one row, however many pages carry it.
LINKS = {  # one row per record of articles and headlines, rewritten by every run
    "record_id": pl.String,
    "table": pl.String,  # "articles" | "headlines"
    "source_file": pl.String,
    "kind": pl.String,  # "article" | "teaser" | "headline"
    "story_id": pl.String,  # null: a teaser or headline whose article is not in the dump (yet)
    "duplicate_of": pl.String,  # the canonical record of an exact copy (same text)
    "full_record_id": pl.String,  # the article a teaser or headline points to
}

STORIES = {
    "story_id": pl.String,  # the record_id of the story's first record
    "canonical_record_id": pl.String,  # the earliest article carrying the story
    "first_published": pl.Date,
    "title": pl.String,
    "outlet": pl.String,
    "articles": pl.Int64,  # pages carrying the story as their article
    "teasers": pl.Int64,  # ... as a teaser
    "headlines": pl.Int64,  # ... in their related-news list
    "pages": pl.Int64,  # pages carrying it in any form
}

STORY_KEYS = {  # the matching index: written once per record, carried over like articles
    "record_id": pl.String,
    "table": pl.String,
    "source_file": pl.String,
    "kind": pl.String,
    "published": pl.Date,
    "title_key": pl.UInt64,  # hash of the normalised title
    "exact_key": pl.UInt64,  # hash of the normalised title and body
    "lead": pl.String,  # the body's first words, normalised
    "shingles": pl.Int32,  # word 3-shingles in the body
    "signature": pl.List(pl.UInt32),  # MinHash of an article body
    "bands": pl.List(pl.UInt64),  # its LSH band keys
}

TABLES = {
    "articles": ARTICLES,
    "headlines": HEADLINES,
    "quarantine": QUARANTINE,
    "runs": RUNS,
    "ledger": LEDGER,
    "links": LINKS,
    "stories": STORIES,
    "story_keys": STORY_KEYS,
}


def frame(rows: list[dict], schema: dict) -> pl.DataFrame:
    """Rows (dicts) to a frame with exactly the table's columns, in order, with its types."""
    return pl.DataFrame(rows, schema=schema, orient="row") if rows else pl.DataFrame(schema=schema)
