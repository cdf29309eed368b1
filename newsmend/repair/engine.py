"""The catalogue in its order, and how it runs: over one text (repair_text, the reference)
or over columns of a frame, each rule only on the rows its probe selects (repair_frame)."""

from __future__ import annotations

import polars as pl

from newsmend.repair import (
    characters,
    hyphens,
    marks,
    punctuation,
    repeats,
    residue,
    spacing,
    truncation,
)
from newsmend.repair.rule import Rule, Work
from newsmend.schema import REPAIR

TITLE_COLUMNS = {"title"}  # clean columns holding titles: no final punctuation expected

# The catalogue, in the order the rules run.
RULES: list[Rule] = [
    characters.HTML_ENTITY,
    characters.INVISIBLE,
    characters.MOJIBAKE,
    residue.CJK_RESIDUE,
    truncation.TRUNCATION,
    repeats.REPEATED_PHRASE,
    punctuation.PUNCTUATION,
    spacing.SPACING,
    hyphens.SPACED_HYPHEN,
    repeats.DUPLICATE_SENTENCE,
    repeats.REPEATED_CLAUSE_OPENER,
]
RULE_NAMES = [rule.name for rule in RULES]


def _active(enabled: set[str] | None) -> list[Rule]:
    if enabled is not None and (unknown := set(enabled) - set(RULE_NAMES)):
        raise ValueError(f"unknown repair rule: {', '.join(sorted(unknown))}")
    return [rule for rule in RULES if enabled is None or rule.name in enabled]


# A rule can leave work for one that runs before it (truncation cuts "[" off "a ,[", leaving
# " ," for punctuation): the rules run again over what a pass changed, so that repairing
# repaired text changes nothing. Three passes settle every text seen so far.
MAX_PASSES = 3


def repair_text(
    text: str, enabled: set[str] | None = None, translator=None, part: str = "body"
) -> tuple[str, list[dict], list[str], bool]:
    """One string through every rule, pass after pass while a pass changes the text (see
    MAX_PASSES): (text, repairs, flags, truncated). A fix changes nothing where its rule does
    not apply, so no probe is needed here."""
    work = Work(text, part, translator=translator)
    rules = _active(enabled)
    for _ in range(MAX_PASSES):
        before = work.text
        for rule in rules:
            work.apply(rule)
        if work.text == before:
            break
    return work.text, work.repairs, work.flags, work.truncated


def repair_frame(
    df: pl.DataFrame, columns: dict[str, str], enabled: set[str] | None = None, translator=None
) -> pl.DataFrame:
    """Add the repaired clean columns, `repairs`, `flags`, and OR `truncated` when present.

    Each distinct text is repaired once (teasers and headlines recur across pages) and the
    results are joined back, so Python builds values only for the texts that changed."""
    rules = _active(enabled)
    out = df
    repairs, flags, truncated = [], [], []
    for number, (raw, clean) in enumerate(columns.items()):
        part = "title" if clean in TITLE_COLUMNS else "body"
        fixes = _repair_distinct(df[raw], part, rules, translator).rename(
            {name: f"_{name}_{number}" for name in ("text", "repairs", "flags", "truncated")}
        )
        out = out.join(fixes, on=raw, how="left", maintain_order="left").with_columns(
            pl.coalesce(f"_text_{number}", raw).alias(clean)
        )
        repairs.append(pl.col(f"_repairs_{number}").fill_null([]))
        flags.append(pl.col(f"_flags_{number}").fill_null([]))
        truncated.append(pl.col(f"_truncated_{number}").fill_null(False))
    out = out.with_columns(
        pl.concat_list(repairs).alias("repairs"),
        pl.concat_list(flags).list.unique(maintain_order=True).alias("flags"),
    )
    if "truncated" in out.columns:
        out = out.with_columns(pl.any_horizontal(pl.col("truncated").fill_null(False), *truncated))
    return out.select(
        *df.columns, *(c for c in out.columns if c not in df.columns and not c.startswith("_"))
    )


def _repair_distinct(column: pl.Series, part: str, rules: list[Rule], translator) -> pl.DataFrame:
    """One row per distinct text some rule touched: the text as key, and its repaired text,
    repairs, flags and truncated. Rule by rule: each rule's fix runs on the texts its probe
    selects (marks.mark) as the rules before it left them. Then again, as repair_text does,
    each rule over the texts changed since it ran (a fix leaves nothing for itself to do)."""
    keys = column.drop_nulls().unique()
    texts = keys.to_list()
    translations = (
        residue.prefetch(keys, translator) if "cjk_residue" in {r.name for r in rules} else {}
    )
    works: dict[int, Work] = {}
    marked = marks.Marked(texts, part, rules)
    ran = [-1] * len(rules)  # per rule: how many changes were made when it last ran
    changes: list[int] = []  # the row of each change, in order
    for _ in range(MAX_PASSES):
        stale = False
        for number, rule in enumerate(rules):
            rows = range(len(texts)) if ran[number] < 0 else sorted(set(changes[ran[number] :]))
            stale = stale or bool(rows)
            for row in marked.selected(rule, rows):
                if row not in works:
                    works[row] = Work(texts[row], part, translations, translator)
                work = works[row]
                work.hint = marked.place(rule, row)
                work.apply(rule)
                if work.text != texts[row]:
                    texts[row] = work.text
                    changes.append(row)
                    marked.changed(row)
            ran[number] = len(changes)
        if not stale:
            break
    touched = sorted(works)
    return pl.DataFrame(
        {
            column.name: keys.gather(touched),
            "text": [works[row].text for row in touched],
            "repairs": _repairs_column([works[row].repairs for row in touched]),
            "flags": _flags_column([works[row].flags for row in touched]),
            "truncated": [works[row].truncated for row in touched],
        },
        schema={
            column.name: pl.String,
            "text": pl.String,
            "repairs": pl.List(REPAIR),
            "flags": pl.List(pl.String),
            "truncated": pl.Boolean,
        },
    )


def _flags_column(flags: list[list[str]]) -> pl.Series:
    """The flags of each text as one list column, built from one string a text (flag names
    hold no newline): polars builds a list column from Python lists eight times slower."""
    joined = pl.Series(["\n".join(names) for names in flags], dtype=pl.String)
    none = pl.lit([], dtype=pl.List(pl.String))
    return pl.select(pl.when(joined == "").then(none).otherwise(joined.str.split("\n"))).to_series()


def _repairs_column(repairs: list[list[dict]]) -> pl.Series:
    """The repairs of each text as one list column, built from flat columns: polars builds
    structs from Python dicts ten times slower."""
    owner, fields = [], {name: [] for name in REPAIR.to_schema()}
    for number, made in enumerate(repairs):
        owner += [number] * len(made)
        for name, values in fields.items():
            values += [repair[name] for repair in made]
    flat = pl.DataFrame(
        {"owner": owner, **fields}, schema={"owner": pl.Int64, **REPAIR.to_schema()}
    )
    lists = flat.group_by("owner").agg(pl.struct(*REPAIR.to_schema()).alias("repairs"))
    every = pl.DataFrame({"owner": range(len(repairs))}, schema={"owner": pl.Int64})
    joined = every.join(lists, on="owner", how="left", maintain_order="left")
    return joined["repairs"].fill_null([])
