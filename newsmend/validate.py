"""Validation stage: run the Great Expectations suites over a batch and sort records by outcome.

The checks live in `expectations/{articles,headlines}.json` (GX suite format). Each
expectation's `meta` names its check and severity, so a check's severity changes in the
JSON, not here. Where a check is not a plain GX expectation, polars computes a helper column
first (`date_parses`, `credited`, ...: True where the record passes) and the suite checks it
with a table-level expectation named after the check (`expect_credits_present`,
`expectation_types.py`), whose description is what Data Docs show.

Batches are validated by the Checkpoints of a file-backed GX project (`newsmend_articles`,
`newsmend_headlines`), the one that holds the Data Docs: each run of a Checkpoint gets one
pandas frame per table and batch as its batch parameters, holding only the columns the
suite refers to, and stores its result there under the run's id. A GX user re-runs a
Checkpoint by name on a frame from `gx_frames`.
"""

from __future__ import annotations

import os

os.environ["GX_ANALYTICS_ENABLED"] = "false"  # before GX is imported: GX must never phone home

import datetime as dt
import fcntl
import importlib.util
import json
import sys
import threading
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path


def _import_on_first_use(name: str) -> None:
    """Register module `name` so that it loads when one of its attributes is first read
    (importlib.util.LazyLoader), not when something imports it."""
    if name in sys.modules or (spec := importlib.util.find_spec(name)) is None:
        return
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    setattr(sys.modules[parent], child, module)


# GX imports scipy.stats for its distribution expectations (KL divergence, KS tests), which
# our suites do not use: loaded on first use, a worker starts 0.8 s sooner and 55 MB smaller.
_import_on_first_use("scipy.stats")

import great_expectations as gx  # after scipy.stats is made lazy
import polars as pl
import polars.selectors as cs
from great_expectations.constants import DATAFRAME_REPLACEMENT_STR
from great_expectations.core import ExpectationSuiteValidationResult
from great_expectations.core.run_identifier import RunIdentifier
from great_expectations.data_context.types.base import ProgressBarsConfig
from great_expectations.data_context.types.resource_identifiers import (
    ExpectationSuiteIdentifier,
    ValidationResultIdentifier,
)
from great_expectations.validator.v1_validator import Validator

from newsmend import expectation_types  # noqa: F401 - registers the checks' expectation types
from newsmend.text import SENTENCE_LAST_CHARS, split_sentences, untranslated_spans
from newsmend.textcore import compiled

CHECKOUT_SUITES = Path(__file__).parent.parent / "expectations"  # beside pyproject.toml
INSTALLED_SUITES = Path(sys.prefix) / "share" / "newsmend" / "expectations"  # data-files
TABLES = ("articles", "headlines")
SEVERITIES = ("blocking", "warning")
EXAMPLES_PER_CHECK = 5
DATASOURCE = "newsmend"
LATEST_DATE_PARAMETER = "latest_plausible_date"
RESULT_FORMAT = {"result_format": "COMPLETE", "partial_unexpected_count": 0}
COLUMN_ARGUMENTS = ("column", "column_A", "column_B", "helper_column")
GX_LOCK = threading.Lock()
SET_UP = "newsmend-set-up"  # in the GX project: the run that last wrote it


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
    results: dict[str, ExpectationSuiteValidationResult]  # per table: its Checkpoint's result

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


# --- GX project ---------------------------------------------------------------------------


def checkpoint_name(table: str) -> str:
    return f"newsmend_{table}"


def save_project(context) -> dict[str, gx.Checkpoint]:
    """The GX project as GX users know it, added or updated in `context`: a pandas data source
    with one dataframe asset per table, the suites, and per table a validation definition and
    a Checkpoint (`newsmend_articles`, `newsmend_headlines`) returning COMPLETE results."""
    source = context.data_sources.add_or_update_pandas(DATASOURCE)
    saved = {}
    for table in TABLES:
        batch = source.add_dataframe_asset(table).add_batch_definition_whole_dataframe("batch")
        suite = context.suites.add_or_update(build_suite(load_suite_file(table)))
        definition = context.validation_definitions.add_or_update(
            gx.ValidationDefinition(name=table, data=batch, suite=suite)
        )
        saved[table] = context.checkpoints.add_or_update(
            gx.Checkpoint(
                name=checkpoint_name(table),
                validation_definitions=[definition],
                result_format=RESULT_FORMAT,
            )
        )
    return saved


def quiet(context):
    """The context without progress bars, which would fill a run's logs."""
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    return context


def open_project(project: Path):
    """The file-backed GX project at `project` (its gx/ folder)."""
    return quiet(gx.get_context(mode="file", project_root_dir=project))


@lru_cache(maxsize=4)
def checkpoints(project: Path | None, run_name: str | None) -> dict[str, gx.Checkpoint]:
    """The Checkpoint per table, loaded once per process and run, so that GX's fixed cost
    per batch is the Checkpoint's run alone. With no project (tests, one-off checks), from
    an in-memory one.

    The first process of a run to get here writes the project for the run (the suites as
    the files say now, the validation definitions, the Checkpoints), the others wait for it
    and load what it wrote: the file SET_UP names the run that wrote it, and a lock on it
    keeps two processes from writing at once. Loaded again for every run: a later run's
    set-up rewrites the suites, and GX refuses to run a Checkpoint older than its suite (a
    Dask worker lives on from run to run)."""
    suite_checks()  # fail early on a malformed suite
    if project is None:
        return save_project(quiet(gx.get_context(mode="ephemeral")))
    project.mkdir(parents=True, exist_ok=True)
    with open(project / SET_UP, "a+", encoding="utf-8") as set_up:
        fcntl.flock(set_up, fcntl.LOCK_EX)
        set_up.seek(0)
        context = open_project(project)
        if set_up.read() == str(run_name):
            return {table: context.checkpoints.get(checkpoint_name(table)) for table in TABLES}
        saved = save_project(context)
        set_up.truncate(0)
        set_up.write(str(run_name))
        return saved


def reset() -> None:
    """Forget the cached suites and Checkpoints, so edited suite files take effect in this
    process."""
    for cached in (suite_checks, checked_columns, checkpoints):
        cached.cache_clear()


# --- helper columns -----------------------------------------------------------------------


def duplicate_sentence_count(text: str) -> int:
    """How many sentences of the text repeat an earlier one; a list's numbers ("1.", "2."),
    a word alone before its stop (a title's abbreviation: "Fr." of "Fr. Zhang" and "Fr.
    Hong") and what goes on after an abbreviation in lower case ("on the 19th." after "8
    a.m.", twice) are no sentences."""
    sentences = [sentence for sentence in split_sentences(text) if _is_sentence(sentence)]
    return len(sentences) - len(set(sentences))


def _is_sentence(piece: str) -> bool:
    return (
        len(piece.split()) > 1
        and any(character.isalpha() for character in piece)
        and not piece.lstrip("\"“‘'(（[【 ")[:1].islower()
    )


# Pieces of text, each up to a character a sentence can end with, or that character alone;
# whitespace (Python's: Rust's \s and \x1c-\x1f) never starts one. After such a character
# and the space after it, equal sentences fall into equal pieces.
_LAST = f"[{SENTENCE_LAST_CHARS}]"
SENTENCE_PIECES = rf"[^{SENTENCE_LAST_CHARS}\s\x1c-\x1f][^{SENTENCE_LAST_CHARS}]*{_LAST}|{_LAST}"


def duplicate_sentence_counts(texts: pl.Series) -> pl.Series:
    """duplicate_sentence_count of each text (null for null). Python counts only the texts
    that may repeat a sentence (_may_repeat)."""
    values = texts.to_list()
    counts = [
        None if text is None else duplicate_sentence_count(text) if repeat else 0
        for text, repeat in zip(values, _may_repeat(texts, values), strict=True)
    ]
    return pl.Series(counts, dtype=pl.Int64)


def _may_repeat(texts: pl.Series, values: list[str | None]) -> list[bool]:
    """A fast test every text repeating a sentence passes: the compiled core's, which finds
    the same sentences and compares their words (equal sentences have equal words); or, with
    NEWSMEND_TEXT_CORE=python, polars': a repeated sentence repeats its first piece."""
    if compiled:
        return compiled.have_duplicate_sentences(values, 0)
    pieces = texts.str.extract_all(SENTENCE_PIECES)
    return (pieces.list.n_unique() < pieces.list.len()).fill_null(False).to_list()


def has_untranslated_text(texts: pl.Series) -> pl.Series:
    """Whether each text holds untranslated Chinese (text.untranslated_spans is the judge).

    The judge is slow Python, so it only sees texts with a Han character (a fast polars test).
    """
    has_han = texts.str.contains(r"\p{Han}").fill_null(False)
    judged = [False] * len(texts)
    for row, text in zip(has_han.arg_true(), texts.filter(has_han), strict=True):
        judged[row] = bool(untranslated_spans(text))
    return pl.Series(judged, dtype=pl.Boolean)


def helper_columns(articles: pl.DataFrame) -> dict[str, pl.Expr]:
    """The columns the checks' table-level expectations read (expectation_types.py), by
    name: per record, True where it passes the check."""
    text = pl.concat_str(pl.col("^(title|body)$"), separator="\n", ignore_nulls=True)
    article_ids = articles["record_id"].implode()
    credits = pl.col("authors").list.len().fill_null(0) + pl.col("editors").list.len().fill_null(0)
    repeats = pl.col("body").map_batches(duplicate_sentence_counts, return_dtype=pl.Int64)
    untranslated = text.map_batches(has_untranslated_text, return_dtype=pl.Boolean)

    def flagged(flag: str) -> pl.Expr:
        return pl.col("flags").list.contains(flag).fill_null(False)

    return {
        "date_parses": pl.col("published_raw").is_null() | pl.col("published").is_not_null(),
        "credited": ((pl.col("kind") != "article") | (credits > 0)).fill_null(True),
        "sentences_unique": (repeats == 0).fill_null(True),
        "fully_translated": ~untranslated,
        "translation_succeeded": ~flagged("translation_failed"),
        "repairs_succeeded": ~flagged("repair_failed"),
        "parent_known": pl.col("parent_record_id").is_null()  # a page of titles only
        | pl.col("parent_record_id").is_in(article_ids).fill_null(False),
    }


# polars can deadlock when threads convert frames to pandas at once (pola-rs/polars#27396;
# seen here with polars 2.1 on Python 3.11.2: two batches validated on threads hung for good).
PANDAS_CONVERSION = threading.Lock()


def gx_frame(df: pl.DataFrame, columns: list[str], helpers: dict[str, pl.Expr]):
    """The pandas frame GX validates: the checked columns only, helpers computed by polars.

    GX compares pandas columns against bounds in one vectorized step only for int64, float64
    and datetime64[ns] columns (element by element in Python otherwise), so cast to those.
    One thread at a time (`PANDAS_CONVERSION`).
    """
    selected = [helpers[c].alias(c) if c in helpers else pl.col(c) for c in columns]
    widened = [cs.integer().cast(pl.Int64), cs.date().cast(pl.Datetime("ns"))]
    with PANDAS_CONVERSION:
        return df.select(selected).with_columns(widened).to_pandas()


# --- running and reading back -------------------------------------------------------------


def expectation_parameters() -> dict:
    """What the suites leave to run time: the latest plausible date (tomorrow), a datetime,
    as GX compares datetime64[ns] columns with datetimes."""
    latest = dt.datetime.combine(dt.date.today() + dt.timedelta(days=1), dt.time())
    return {LATEST_DATE_PARAMETER: latest}


def run_checkpoint(
    checkpoint: gx.Checkpoint, frame, run_name: str | None
) -> ExpectationSuiteValidationResult:
    """One run of a table's Checkpoint over a batch, its frame passed as batch parameters.
    The run's time is now, so each batch's result has its own key in the project's store
    (and its own Data Docs page) under the run's name.

    What Checkpoint.run does for our Checkpoints (one validation definition, no actions),
    less its freshness checks: those read the suite, the validation definition and the
    Checkpoint back from the project's files and compare them on every run (a third of GX's
    cost per batch), and checkpoints() loads them as written for this run already."""
    (definition,) = checkpoint.validation_definitions
    run_id = RunIdentifier(run_name=run_name, run_time=dt.datetime.now(dt.UTC))
    validator = Validator(
        batch_definition=definition.batch_definition,
        batch_parameters={"dataframe": frame},
        result_format=checkpoint.result_format,
    )
    result = validator.validate_expectation_suite(definition.suite, expectation_parameters())
    result.meta.update(
        validation_id=definition.id,
        checkpoint_id=checkpoint.id,
        run_id=run_id,
        validation_time=run_id.run_time,
        batch_parameters={"dataframe": DATAFRAME_REPLACEMENT_STR},
    )
    # Where GX 1.x's validation page reads the data asset's name (data_docs.name_data_asset):
    # stored with it, the result is not read and written again to render the Data Docs.
    result.meta["batch_spec"]["data_asset_name"] = definition.batch_definition.data_asset.name
    suite_id = ExpectationSuiteIdentifier(name=definition.suite.name)
    context = definition.batch_definition.data_asset.datasource.data_context
    context.validation_results_store.store_validation_results(
        suite_validation_result=result,
        suite_validation_result_identifier=ValidationResultIdentifier(
            expectation_suite_identifier=suite_id,
            run_id=run_id,
            batch_identifier=validator.active_batch_id,
        ),
        expectation_suite_identifier=suite_id,
    )
    return result


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


def run_gx(
    frames: dict[str, object], project: Path | None, run_name: str | None
) -> dict[str, ExpectationSuiteValidationResult]:
    """Run each table's Checkpoint once over its GX frame.

    One thread at a time: every batch of a table has the same GX batch id, and the data
    source caches batch data by that id, so two concurrent runs would read each other's rows.
    """
    with GX_LOCK:
        tables = checkpoints(project, run_name)
        return {t: run_checkpoint(tables[t], frames[t], run_name) for t in TABLES}


def gx_frames(articles: pl.DataFrame, headlines: pl.DataFrame) -> dict[str, object]:
    """The pandas frame of each table that its Checkpoint validates (a GX user re-running a
    Checkpoint passes it as the batch parameter `dataframe`)."""
    helpers = helper_columns(articles)
    tables = {"articles": articles, "headlines": headlines}
    return {t: gx_frame(df, checked_columns(t), helpers) for t, df in tables.items()}


def validate_tables(
    articles: pl.DataFrame,
    headlines: pl.DataFrame,
    project: Path | None = None,
    run_name: str | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame, ValidationReport]:
    """Validate one batch with the Checkpoints of the GX project at `project` (in memory when
    None), their results stored there under `run_name`: each record gets failed_checks
    (blocking) and flags (warnings)."""
    tables = {"articles": articles, "headlines": headlines}
    results = run_gx(gx_frames(articles, headlines), project, run_name)
    checks = {name: CheckOutcome(check.severity) for name, check in suite_checks().items()}
    marked = {}
    for table, df in tables.items():
        rows = failing_rows(results[table])
        marked[table] = mark_records(df, rows)
        tally(checks, df, rows)
    report = ValidationReport(checks=checks, results=results)
    return marked["articles"], marked["headlines"], report
