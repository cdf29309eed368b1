"""Validation stage: run the Great Expectations suites over a batch and sort records by outcome.

The checks live in `expectations/{articles,headlines}.json` (GX suite format). Each
expectation's `meta` names its check and severity, so a check's severity changes in the
JSON, not here. Where a check is not a plain GX expectation, polars computes a helper column
first (`date_parses`, `credit_count`, ...) and the suite checks that column with an
expectation named after the check (`expect_record_dates_to_parse`, `expectation_types.py`),
whose description is what Data Docs show. GX sees one
pandas frame per table and batch, holding only the columns the suite refers to.
"""

from __future__ import annotations

import os

os.environ["GX_ANALYTICS_ENABLED"] = "false"  # before GX is imported: GX must never phone home

import datetime as dt
import json
import sys
import threading
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import great_expectations as gx
import polars as pl
import polars.selectors as cs
from great_expectations.core import ExpectationSuiteValidationResult
from great_expectations.data_context.types.base import ProgressBarsConfig

from newsmend import expectation_types  # noqa: F401 - registers the checks' expectation types
from newsmend.text import SENTENCE_LAST_CHARS, split_sentences, untranslated_spans

CHECKOUT_SUITES = Path(__file__).parent.parent / "expectations"  # beside pyproject.toml
INSTALLED_SUITES = Path(sys.prefix) / "share" / "newsmend" / "expectations"  # data-files
TABLES = ("articles", "headlines")
SEVERITIES = ("blocking", "warning")
EXAMPLES_PER_CHECK = 5
DATASOURCE = "newsmend"
LATEST_DATE_PARAMETER = "latest_plausible_date"
RESULT_FORMAT = {"result_format": "COMPLETE", "partial_unexpected_count": 0}
COLUMN_ARGUMENTS = ("column", "column_A", "column_B")
GX_LOCK = threading.Lock()


class SuiteError(ValueError):
    """A suite file is malformed, or one of its expectations could not be evaluated."""


def find_suites() -> Path:
    """The one copy of the suites: the top-level expectations/ of a checkout (an editable
    install too), else where pip installed it from there (pyproject's data-files)."""
    for folder in (CHECKOUT_SUITES, INSTALLED_SUITES):
        if (folder / "articles.json").is_file():
            return folder
    raise SuiteError(f"no suites in {CHECKOUT_SUITES} or {INSTALLED_SUITES}")


EXPECTATIONS_DIR = find_suites()


@dataclass(frozen=True)
class Check:
    """One named check: several expectations may share it, in one table or both."""

    name: str
    severity: str  # "blocking" | "warning"
    flag: str  # what a warning adds to a record's flags


@dataclass
class CheckOutcome:
    """How one check went over a batch."""

    severity: str
    failed: int = 0  # records failing, over both tables
    examples: list[str] = field(default_factory=list)  # a few failing record_ids


@dataclass
class ValidationReport:
    """What a later stage needs to count, explain and render one batch's validation."""

    checks: dict[str, CheckOutcome]
    results: dict[str, ExpectationSuiteValidationResult]  # per table: success, statistics, ...

    @property
    def success(self) -> bool:
        """True when no record failed a blocking check."""
        return not any(o.failed for o in self.checks.values() if o.severity == "blocking")


# --- suites -------------------------------------------------------------------------------


def load_suite_file(table: str) -> dict:
    """The suite of one table as stored under version control (a fresh copy: GX keeps its dicts)."""
    return json.loads((EXPECTATIONS_DIR / f"{table}.json").read_text(encoding="utf-8"))


def expectation_check(expectation: dict) -> Check:
    """The check an expectation belongs to, from its meta; malformed meta is an error, not a pass."""
    meta = expectation.get("meta", {})
    name, severity = meta.get("check"), meta.get("severity")
    if not name or severity not in SEVERITIES:
        raise SuiteError(
            f"expectation needs meta.check and meta.severity in {SEVERITIES}: {expectation}"
        )
    return Check(name=name, severity=severity, flag=meta.get("flag", name))


@cache
def suite_checks() -> dict[str, Check]:
    """All checks of all suites, by name; a check must agree with itself across suites."""
    checks: dict[str, Check] = {}
    for table in TABLES:
        for expectation in load_suite_file(table)["expectations"]:
            check = expectation_check(expectation)
            if checks.setdefault(check.name, check) != check:
                raise SuiteError(f"check {check.name!r} is defined differently in two places")
    return checks


@cache
def checked_columns(table: str) -> list[str]:
    """The columns a table's suite reads, in first-use order: all GX needs to see."""
    suite = load_suite_file(table)
    columns = [
        e["kwargs"][argument]
        for e in suite["expectations"]
        for argument in COLUMN_ARGUMENTS
        if argument in e["kwargs"]
    ]
    return list(dict.fromkeys(columns))


def build_suite(suite: dict) -> gx.ExpectationSuite:
    """A GX suite from its file; GX only logs an expectation it cannot build, so check the count."""
    built = gx.ExpectationSuite(**suite)
    if len(built.expectations) != len(suite["expectations"]):
        raise SuiteError(f"suite {suite['name']!r} holds an expectation GX cannot build")
    return built


# --- GX context ---------------------------------------------------------------------------


def register_validations(context) -> dict[str, gx.ValidationDefinition]:
    """Data source, one dataframe asset, suite and validation definition per table."""
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    source = context.data_sources.add_or_update_pandas(DATASOURCE)
    validations = {}
    for table in TABLES:
        batch = source.add_dataframe_asset(table).add_batch_definition_whole_dataframe("batch")
        suite = context.suites.add_or_update(build_suite(load_suite_file(table)))
        definition = gx.ValidationDefinition(name=table, data=batch, suite=suite)
        validations[table] = context.validation_definitions.add_or_update(definition)
    return validations


@cache
def fast_validations() -> dict[str, gx.ValidationDefinition]:
    """Validation definitions in an in-memory context, built once per process."""
    suite_checks()  # fail early on a malformed suite
    return register_validations(gx.get_context(mode="ephemeral"))


def reset() -> None:
    """Forget the cached suites and contexts, so edited suite files take effect in this process."""
    for cached in (suite_checks, checked_columns, fast_validations):
        cached.cache_clear()


# --- helper columns -----------------------------------------------------------------------


def duplicate_sentence_count(text: str) -> int:
    """How many sentences of the text repeat an earlier one."""
    sentences = split_sentences(text)
    return len(sentences) - len(set(sentences))


# Pieces of text, each up to a character a sentence can end with, or that character alone;
# whitespace (Python's: Rust's \s and \x1c-\x1f) never starts one. After such a character
# and the space after it, equal sentences fall into equal pieces.
_LAST = f"[{SENTENCE_LAST_CHARS}]"
SENTENCE_PIECES = rf"[^{SENTENCE_LAST_CHARS}\s\x1c-\x1f][^{SENTENCE_LAST_CHARS}]*{_LAST}|{_LAST}"


def duplicate_sentence_counts(texts: pl.Series) -> pl.Series:
    """duplicate_sentence_count of each text (null for null). Python counts only the texts
    where a piece repeats (a fast polars test): a repeated sentence repeats its first piece."""
    pieces = texts.str.extract_all(SENTENCE_PIECES)
    repeats = (pieces.list.n_unique() < pieces.list.len()).fill_null(False)
    counts = [
        None if text is None else duplicate_sentence_count(text) if repeat else 0
        for text, repeat in zip(texts, repeats)
    ]
    return pl.Series(counts, dtype=pl.Int64)


def has_untranslated_text(texts: pl.Series) -> pl.Series:
    """Whether each text holds untranslated Chinese (text.untranslated_spans is the judge).

    The judge is slow Python, so it only sees texts with a Han character (a fast polars test).
    """
    has_han = texts.str.contains(r"\p{Han}").fill_null(False)
    judged = [bool(han and untranslated_spans(text)) for text, han in zip(texts, has_han)]
    return pl.Series(judged, dtype=pl.Boolean)


def helper_columns(articles: pl.DataFrame) -> dict[str, pl.Expr]:
    """Columns the suites check that are not input columns, by name."""
    text = pl.concat_str(pl.col("^(title|body)$"), separator="\n", ignore_nulls=True)
    article_ids = articles["record_id"].implode()
    return {
        "date_parses": pl.col("published_raw").is_null() | pl.col("published").is_not_null(),
        "credit_count": pl.when(pl.col("kind") == "article").then(
            pl.col("authors").list.len().fill_null(0) + pl.col("editors").list.len().fill_null(0)
        ),
        "duplicate_sentence_count": pl.col("body").map_batches(
            duplicate_sentence_counts, return_dtype=pl.Int64
        ),
        "has_untranslated_text": text.map_batches(has_untranslated_text, return_dtype=pl.Boolean),
        "translation_failed": pl.col("flags").list.contains("translation_failed").fill_null(False),
        "repair_failed": pl.col("flags").list.contains("repair_failed").fill_null(False),
        "parent_known": pl.col("parent_record_id").is_in(article_ids).fill_null(False),
    }


def gx_frame(df: pl.DataFrame, columns: list[str], helpers: dict[str, pl.Expr]):
    """The pandas frame GX validates: the checked columns only, helpers computed by polars.

    GX compares pandas columns against bounds in one vectorized step only for int64, float64
    and datetime64[ns] columns (element by element in Python otherwise), so cast to those.
    """
    selected = [helpers[c].alias(c) if c in helpers else pl.col(c) for c in columns]
    widened = [cs.integer().cast(pl.Int64), cs.date().cast(pl.Datetime("ns"))]
    return df.select(selected).with_columns(widened).to_pandas()


# --- running and reading back -------------------------------------------------------------


def run_suite(validation: gx.ValidationDefinition, frame) -> ExpectationSuiteValidationResult:
    """One GX validation of a whole table, not kept in any store (GX would keep every result
    of the process in memory); data_docs.py renders a run's results."""
    # a datetime, as GX compares datetime64[ns] columns with datetimes
    latest = dt.datetime.combine(dt.date.today() + dt.timedelta(days=1), dt.time())
    batch = validation.data.get_batch(batch_parameters={"dataframe": frame})
    return batch.validate(
        validation.suite,
        expectation_parameters={LATEST_DATE_PARAMETER: latest},
        result_format=RESULT_FORMAT,
    )


def raised(exception_info: dict) -> bool:
    """Whether an expectation raised; GX nests the report under the failed metric's id."""
    nested = [info for info in exception_info.values() if isinstance(info, dict)]
    return any(info.get("raised_exception") for info in [exception_info, *nested])


def failing_rows(result: ExpectationSuiteValidationResult) -> dict[str, set[int]]:
    """Row positions failing each check; an expectation that raised is an error, not a failure."""
    rows: dict[str, set[int]] = {}
    for outcome in result.results:
        if raised(outcome.exception_info):
            raise SuiteError(f"{outcome.expectation_config.type} raised: {outcome.exception_info}")
        config = outcome.expectation_config
        check = expectation_check({"meta": config.meta, "type": config.type})
        rows.setdefault(check.name, set()).update(outcome.result.get("unexpected_index_list", []))
    return rows


def labels(rows: dict[str, set[int]], label_of: dict[str, str]) -> pl.Expr:
    """Per record, the labels of the checks whose failing rows include it, in suite order."""
    row = pl.int_range(pl.len())
    parts = [
        pl.when(row.is_in(sorted(rows.get(name, ())))).then(pl.lit(label))
        for name, label in label_of.items()
    ]
    return pl.concat_list(parts).list.drop_nulls() if parts else pl.lit([], pl.List(pl.String))


def mark_records(df: pl.DataFrame, rows: dict[str, set[int]]) -> pl.DataFrame:
    """Add failed_checks (blocking) and extend flags (warnings)."""
    checks = suite_checks().values()
    blocking = {c.name: c.name for c in checks if c.severity == "blocking"}
    warnings = {c.name: c.flag for c in checks if c.severity == "warning"}
    old_flags = pl.col("flags").fill_null([])
    return df.with_columns(
        failed_checks=labels(rows, blocking),
        flags=old_flags.list.concat(labels(rows, warnings)).list.unique(maintain_order=True),
    )


def tally(report: dict[str, CheckOutcome], df: pl.DataFrame, rows: dict[str, set[int]]) -> None:
    """Add one table's failures to the per-check counts and examples."""
    ids = df["record_id"]
    for name, positions in rows.items():
        outcome = report[name]
        outcome.failed += len(positions)
        room = EXAMPLES_PER_CHECK - len(outcome.examples)
        outcome.examples.extend(ids[p] for p in sorted(positions)[:room])


def run_gx(frames: dict[str, object]) -> dict[str, ExpectationSuiteValidationResult]:
    """Validate each table's GX frame once.

    One thread at a time: every batch of a table has the same GX batch id, and the data
    source caches batch data by that id, so two concurrent runs would read each other's rows.
    """
    with GX_LOCK:
        validations = fast_validations()
        return {table: run_suite(validations[table], frames[table]) for table in TABLES}


def validate_tables(
    articles: pl.DataFrame, headlines: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame, ValidationReport]:
    """Validate one batch: each record gets failed_checks (blocking) and flags (warnings)."""
    tables = {"articles": articles, "headlines": headlines}
    helpers = helper_columns(articles)
    frames = {t: gx_frame(df, checked_columns(t), helpers) for t, df in tables.items()}
    results = run_gx(frames)
    checks = {name: CheckOutcome(check.severity) for name, check in suite_checks().items()}
    marked = {}
    for table, df in tables.items():
        rows = failing_rows(results[table])
        marked[table] = mark_records(df, rows)
        tally(checks, df, rows)
    report = ValidationReport(checks=checks, results=results)
    return marked["articles"], marked["headlines"], report
