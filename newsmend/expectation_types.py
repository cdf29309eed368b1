"""Expectations named after newsmend's checks, so that a suite, a result and a Data Docs page
read as the check ("every article names at least one author, reporter or editor"), not as a
test of a helper column (`credited` in {True}).

Where a check needs more than one column (a date that parses, credits of an article, repeated
sentences), `validate.helper_columns` computes a boolean column per record, True where the
record passes, and the check's expectation reads that column. These expectations are
table-level (a `BatchExpectation` naming the column in `helper_column`, not in `column`):
GX 1.x's Data Docs group an expectation under a heading named after its `column` kwarg and
list the rest under "Table-Level Expectations", so a column expectation would put each check
under a heading named after its helper column, which is no column of any table. As
table-level expectations the checks sit together, each as its sentence, and the column
headings are the tables' own columns. This needs one small metric (the failing rows of a
boolean column) and no renderer of our own; a custom section renderer would have to replace
private parts of GX's page renderer and be configured into every Data Docs site.

Defining a class registers its snake_case name (`"type": "expect_credits_present"` in
`expectations/*.json`); the suites need this module imported before GX reads them
(`newsmend.validate` imports it)."""

from __future__ import annotations

from typing import ClassVar

import great_expectations.expectations as gxe
from great_expectations.core.metric_domain_types import MetricDomainTypes
from great_expectations.execution_engine import PandasExecutionEngine
from great_expectations.expectations.expectation import BatchExpectation
from great_expectations.expectations.metrics.metric_provider import metric_value
from great_expectations.expectations.metrics.table_metric_provider import TableMetricProvider

FAILING_ROWS = "newsmend.failing_rows"
ROW_COUNT = "table.row_count"


class FailingRows(TableMetricProvider):
    """Positions of the rows whose boolean `helper_column` is not True."""

    metric_name = FAILING_ROWS
    value_keys = ("helper_column",)

    @metric_value(engine=PandasExecutionEngine)
    def _pandas(
        cls,
        execution_engine,
        metric_domain_kwargs,
        metric_value_kwargs,
        metrics,
        runtime_configuration,
    ):
        df, _, _ = execution_engine.get_compute_domain(
            metric_domain_kwargs, domain_type=MetricDomainTypes.TABLE
        )
        passes = df[metric_value_kwargs["helper_column"]].to_numpy(dtype=bool)
        return (~passes).nonzero()[0].tolist()


class RecordCheck(BatchExpectation):
    """A check of every record, passed where the helper column is True. Its result counts
    the failing records and, as a column expectation's COMPLETE result does, lists their row
    positions (`unexpected_index_list`), from which validation sorts records."""

    helper_column: str
    metric_dependencies: ClassVar[tuple[str, ...]] = (FAILING_ROWS, ROW_COUNT)
    success_keys: ClassVar[tuple[str, ...]] = ("helper_column",)

    def _validate(self, metrics, runtime_configuration=None, execution_engine=None):
        failing, rows = metrics[FAILING_ROWS], metrics[ROW_COUNT]
        return {
            "success": not failing,
            "result": {
                "observed_value": f"{len(failing)} of {rows} records fail",
                "element_count": rows,
                "unexpected_count": len(failing),
                "unexpected_percent": 100.0 * len(failing) / rows if rows else 0.0,
                "unexpected_index_list": failing,
            },
        }


class ExpectRecordDatesToParse(RecordCheck):
    description: str = "Every date written in the page (published_raw) parses into published."


class ExpectCreditsPresent(RecordCheck):
    description: str = "Every article (not teaser) names at least one author, reporter or editor."


class ExpectNoDuplicatedSentences(RecordCheck):
    description: str = "No sentence of a repaired body repeats an earlier one."


class ExpectTranslationSucceeded(RecordCheck):
    description: str = "Translating the Chinese left in the record did not fail."


class ExpectRepairsSucceeded(RecordCheck):
    description: str = "Every repair rule ran on the record without an error."


class ExpectNoUntranslatedText(RecordCheck):
    description: str = "No Chinese is left in the title or body (a warning: flags the record)."


class ExpectParentArticleKnown(RecordCheck):
    description: str = "The article of the page that lists the headline was found."


class ExpectPublishedPlausible(gxe.ExpectColumnValuesToBeBetween):
    """A check of one real column: it stays a column expectation, under `published`."""

    description: str = "published is from 1990-01-01 to tomorrow."
