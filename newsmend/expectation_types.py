"""Expectations named after newsmend's checks, so that a suite, a result and a Data Docs page
read as the check ("every date written in the page parses"), not as a test of a helper
column (`date_parses` in {True}). Each is a GX expectation with a fixed description, the way
GX 1.x customizes one; defining the class registers its snake_case name (`"type":
"expect_record_dates_to_parse"` in `expectations/*.json`)."""

from __future__ import annotations

import great_expectations.expectations as gxe


class ExpectRecordDatesToParse(gxe.ExpectColumnValuesToBeInSet):
    description: str = "Every date written in the page (`published_raw`) parses into `published`."


class ExpectPublishedPlausible(gxe.ExpectColumnValuesToBeBetween):
    description: str = "`published` is from 1990-01-01 to tomorrow."


class ExpectCreditsPresent(gxe.ExpectColumnValuesToBeBetween):
    description: str = "Every article (not teaser) names at least one author, reporter or editor."


class ExpectNoDuplicatedSentences(gxe.ExpectColumnValuesToBeBetween):
    description: str = "No sentence of a repaired body repeats an earlier one."


class ExpectTranslationSucceeded(gxe.ExpectColumnValuesToBeInSet):
    description: str = "Translating the Chinese left in the record did not fail."


class ExpectRepairsSucceeded(gxe.ExpectColumnValuesToBeInSet):
    description: str = "Every repair rule ran on the record without an error."


class ExpectNoUntranslatedText(gxe.ExpectColumnValuesToBeInSet):
    description: str = "No Chinese is left in the title or body (a warning: flags the record)."


class ExpectParentArticleKnown(gxe.ExpectColumnValuesToBeInSet):
    description: str = "The article of the page that lists the headline was found."


TYPES = {  # the helper column each checks -> the expectation type the suites use for it
    "date_parses": "expect_record_dates_to_parse",
    "published": "expect_published_plausible",
    "credit_count": "expect_credits_present",
    "duplicate_sentence_count": "expect_no_duplicated_sentences",
    "translation_failed": "expect_translation_succeeded",
    "repair_failed": "expect_repairs_succeeded",
    "has_untranslated_text": "expect_no_untranslated_text",
    "parent_known": "expect_parent_article_known",
}
