"""Validation stage: real GX runs over small frames and over records made from the gold corpus."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import polars as pl
import pytest

from newsmend import schema, validate

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
ARTICLE_COLUMNS = {k: v for k, v in schema.ARTICLES.items() if k != "run_id"}
HEADLINE_COLUMNS = {k: v for k, v in schema.HEADLINES.items() if k != "run_id"}


def days_from_today(days: int):
    """A date worked out when the test runs, not at import: the suite may cross midnight,
    and the checks read "tomorrow" when they validate."""
    return lambda: dt.date.today() + dt.timedelta(days=days)


# --- frames -------------------------------------------------------------------------------


def article(**changes) -> dict:
    """A clean main article; changes override its fields."""
    row = {
        "record_id": "a000000000000000",
        "source_file": "p.txt",
        "source_sha256": "0" * 64,
        "position": 0,
        "start": 0,
        "end": 100,
        "kind": "article",
        "title": "Changzhou signed 36 projects",
        "body": "Changzhou held a meeting. Officials attended it.\nThe projects start in May.",
        "title_raw": "Changzhou signed 36 projects",
        "body_raw": "Changzhou held a meeting.",
        "published": dt.date(2022, 8, 11),
        "published_raw": "2022-08-11",
        "outlet": "Changzhou Release",
        "authors": ["Wang Lei"],
        "editors": [],
        "truncated": False,
        "repairs": [],
        "flags": [],
    }
    return row | changes


def teaser(**changes) -> dict:
    """A clean teaser: no credits and no date, as teasers usually are."""
    fields = {"record_id": "a000000000000001", "position": 1, "start": 100, "end": 150}
    fields |= {"kind": "teaser", "authors": [], "editors": [], "published": None}
    return article(**fields, published_raw=None, title="Jintan data released") | changes


def headline(**changes) -> dict:
    row = {
        "record_id": "h000000000000000",
        "source_file": "p.txt",
        "source_sha256": "0" * 64,
        "position": 0,
        "start": 150,
        "end": 180,
        "parent_record_id": "a000000000000000",
        "title": "Liyang issued a heat warning",
        "title_raw": "Liyang issued a heat warning",
        "published": dt.date(2022, 8, 10),
        "published_raw": "2022-08-10",
        "repairs": [],
        "flags": [],
    }
    return row | changes


def frames(articles: list[dict], headlines: list[dict]) -> tuple[pl.DataFrame, pl.DataFrame]:
    return schema.frame(articles, ARTICLE_COLUMNS), schema.frame(headlines, HEADLINE_COLUMNS)


def gold_frames() -> tuple[pl.DataFrame, pl.DataFrame, dict[str, list[str]]]:
    """Records as the earlier stages should produce them from the corpus, and the checks each
    record must fail (gold `expect_fail`). A date that must fail `dates_parse` is given as raw
    text without a parsed date, as the page states it in words."""
    articles, headlines, expected = [], [], {}
    for gold_path in sorted(CORPUS.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        page = gold["source_file"]
        for position, a in enumerate(gold["articles"]):
            record_id = f"{page}|articles|{position}"
            fails = a.get("expect_fail", [])
            expected[record_id] = sorted(fails)
            articles.append(
                article(
                    record_id=record_id,
                    source_file=page,
                    position=position,
                    start=position * 1000,
                    end=position * 1000 + 900,
                    kind=a["kind"],
                    title=a["title"],
                    body=f"{a['body_first_words']} … {a['body_last_words']}",
                    published=dt.date.fromisoformat(a["published"]) if a["published"] else None,
                    published_raw=a["published"]
                    or ("yesterday" if "dates_parse" in fails else None),
                    authors=a["authors"],
                    editors=a["editors"],
                    truncated=a["truncated"],
                )
            )
        for position, h in enumerate(gold["headlines"]):
            record_id = f"{page}|headlines|{position}"
            expected[record_id] = []
            published = dt.date.fromisoformat(h["published"]) if h["published"] else None
            headlines.append(
                headline(
                    record_id=record_id,
                    source_file=page,
                    position=position,
                    parent_record_id=f"{page}|articles|0",
                    title=h["title"],
                    published=published,
                    published_raw=h["published"],
                )
            )
    return *frames(articles, headlines), expected


def outcome(df: pl.DataFrame) -> dict[str, tuple[list[str], list[str]]]:
    """record_id -> (failed_checks, flags)."""
    return {r["record_id"]: (r["failed_checks"], r["flags"]) for r in df.iter_rows(named=True)}


# --- the gold corpus ------------------------------------------------------------------------


def test_gold_corpus_fails_exactly_the_expected_checks():
    articles, headlines, expected = gold_frames()
    out_articles, out_headlines, report = validate.validate_tables(articles, headlines)
    failed = {
        record_id: sorted(checks)
        for record_id, (checks, _) in (outcome(out_articles) | outcome(out_headlines)).items()
    }
    assert failed == expected
    assert report.checks["credits_present"].failed == 3
    assert report.checks["dates_parse"].failed == 1
    assert not report.success


def test_every_record_is_either_clean_or_failed_and_keeps_its_columns():
    articles, headlines, _ = gold_frames()
    out_articles, out_headlines, _ = validate.validate_tables(articles, headlines)
    for before, after in ((articles, out_articles), (headlines, out_headlines)):
        assert after.columns == [*before.columns, "failed_checks"]
        assert after.height == before.height
        assert after["failed_checks"].null_count() == 0
        assert after["flags"].null_count() == 0
        clean = after.filter(pl.col("failed_checks").list.len() == 0)
        failed = after.filter(pl.col("failed_checks").list.len() > 0)
        assert clean.height + failed.height == after.height
        assert after.drop("failed_checks", "flags").equals(before.drop("flags"))


# --- one check at a time ------------------------------------------------------------------

ARTICLE_FAILURES = [
    ("title_not_empty", {"title": "  "}),
    ("title_not_empty", {"title": None}),
    ("body_not_empty", {"body": ""}),
    ("body_not_empty", {"body": None}),
    ("kind_known", {"kind": "column"}),
    ("kind_known", {"kind": None}),
    ("dates_parse", {"published": None, "published_raw": "the day before yesterday"}),
    ("published_plausible", {"published": dt.date(1989, 12, 31)}),
    ("published_plausible", {"published": days_from_today(2)}),
    ("credits_present", {"authors": [], "editors": []}),
    ("credits_present", {"authors": None, "editors": None}),
    ("no_duplicate_sentences", {"body": "It rained. The river rose. It rained."}),
    ("translation_ok", {"flags": ["translation_failed"]}),
    ("offsets_valid", {"start": -1}),
    ("offsets_valid", {"end": 0}),
]
HEADLINE_FAILURES = [
    ("title_not_empty", {"title": ""}),
    ("parent_known", {"parent_record_id": "nowhere000000000"}),
    ("dates_parse", {"published": None, "published_raw": "8 yue 10"}),
    ("published_plausible", {"published": dt.date(2099, 1, 1)}),
    ("translation_ok", {"flags": ["translation_failed"]}),
    ("offsets_valid", {"end": 150}),
]


def validate_one_change(table: str, changes: dict):
    """Validate a clean page (article, teaser, headline) with one record changed."""
    rows = {"articles": [article(), teaser()], "headlines": [headline()]}
    make = article if table == "articles" else headline
    rows[table][0] = make(**{k: v() if callable(v) else v for k, v in changes.items()})
    return validate.validate_tables(*frames(rows["articles"], rows["headlines"]))


@pytest.mark.parametrize("check, changes", ARTICLE_FAILURES)
def test_article_fails_one_blocking_check(check, changes):
    articles, headlines, report = validate_one_change("articles", changes)
    assert articles["failed_checks"].to_list() == [[check], []]
    assert headlines["failed_checks"].to_list() == [[]]
    assert report.checks[check].failed == 1
    assert report.checks[check].examples == ["a000000000000000"]


@pytest.mark.parametrize("check, changes", HEADLINE_FAILURES)
def test_headline_fails_one_blocking_check(check, changes):
    articles, headlines, report = validate_one_change("headlines", changes)
    assert headlines["failed_checks"].to_list() == [[check]]
    assert articles["failed_checks"].to_list() == [[], []]
    assert report.checks[check].examples == ["h000000000000000"]


def test_a_headline_of_a_page_of_titles_only_has_no_parent_and_passes():
    """A page that lists other stories' titles and tells none has no article to list under."""
    _, headlines, report = validate_one_change("headlines", {"parent_record_id": None})
    assert headlines["failed_checks"].to_list() == [[]]
    assert report.checks["parent_known"].failed == 0


def test_a_list_s_numbers_are_no_repeated_sentences():
    """A notice numbers each point "1." (the site's list restarting): no sentence repeats."""
    body = "Remind the residents of the following. 1. Wear a mask. 1. Keep a distance."
    articles, _, _ = validate_one_change("articles", {"body": body})
    assert articles["failed_checks"].to_list()[0] == []


def test_duplicate_record_ids_fail_both_records():
    articles, _, report = validate.validate_tables(
        *frames([article(), teaser(record_id="a000000000000000")], [headline()])
    )
    assert articles["failed_checks"].to_list() == [["record_id_unique"], ["record_id_unique"]]
    assert report.checks["record_id_unique"].failed == 2


WARNINGS = [
    ("articles", "untranslated_text", {"body": "Click to view 点击查看 the video."}),
    ("articles", "untranslated_text", {"title": "Wuzhen 乌镇 opens"}),
    ("articles", "title_length", {"title": "A" * 401}),
    ("articles", "no_credits_in_body", {"body": "The meeting ended.\nEditor: Wang Lei"}),
    ("headlines", "untranslated_text", {"title": "瘦西湖 reopens"}),
    ("headlines", "title_length", {"title": "B" * 401}),
]


@pytest.mark.parametrize("table, flag, changes", WARNINGS)
def test_warning_keeps_record_clean_and_flags_it(table, flag, changes):
    articles, headlines, report = validate_one_change(table, changes)
    out = {"articles": articles, "headlines": headlines}[table]
    assert out["failed_checks"].to_list()[0] == []
    assert out["flags"].to_list()[0] == [flag]
    assert report.success


def test_a_gloss_in_brackets_after_english_is_not_untranslated_text():
    """The writer's own gloss of the words before it (Taipei Times: "Wu Hung-mo (吳宏謀)")."""
    body = "Chairman Wu Hung-mo (吳宏謀) said it went “against the tide” (逆潮流而动)."
    articles, _, _ = validate_one_change("articles", {"body": body})
    assert articles["flags"].to_list()[0] == []
    articles, _, _ = validate_one_change("articles", {"body": body + " 他说 (明天)"})
    assert articles["flags"].to_list()[0] == ["untranslated_text"]
    articles, _, _ = validate_one_change("articles", {"body": "It opened. （中"})  # no closing
    assert articles["flags"].to_list()[0] == ["untranslated_text"]


def test_chinese_dates_and_boundary_values_pass():
    changes = {
        "body": "It opened on 2022年8月11日. It closes on 8月20日.",
        "title": "C" * 400,
        "published": days_from_today(1),
    }
    articles, _, report = validate_one_change("articles", changes)
    assert outcome(articles)["a000000000000000"] == ([], [])
    assert all(r.success for r in report.results.values())


def test_existing_flags_are_kept_and_not_repeated():
    changes = {"body": "Read 点击查看 more.", "flags": ["untranslated_text", "cjk_residue_kept"]}
    articles, _, _ = validate_one_change("articles", changes)
    assert articles["flags"].to_list()[0] == ["untranslated_text", "cjk_residue_kept"]


def test_a_record_failing_several_checks_lists_each_once():
    changes = {"start": -5, "end": -6, "authors": [], "title": "D" * 500}
    articles, _, report = validate_one_change("articles", changes)
    assert articles["failed_checks"].to_list()[0] == ["credits_present", "offsets_valid"]
    assert articles["flags"].to_list()[0] == ["title_length"]
    assert report.checks["offsets_valid"].failed == 1


def test_empty_batch():
    articles, headlines, report = validate.validate_tables(*frames([], []))
    assert articles.height == headlines.height == 0
    assert articles.schema["failed_checks"] == pl.List(pl.String)
    assert report.success


def test_concurrent_batches_in_threads_do_not_read_each_other():
    """The flow validates two batches at once on threads; each must see only its own rows."""
    clean = frames([article(record_id=f"c{i:015d}") for i in range(1000)], [headline()])
    broken = frames([article(record_id=f"b{i:015d}", authors=[]) for i in range(20)], [])
    with ThreadPoolExecutor(max_workers=2) as pool:
        outputs = list(pool.map(lambda f: validate.validate_tables(*f)[0], [clean, broken] * 3))
    for articles in outputs:
        failing = articles.filter(pl.col("failed_checks").list.len() > 0).height
        assert failing == (0 if articles.height == 1000 else 20)


# --- suites, report, docs -----------------------------------------------------------------


def test_report_names_every_check_with_its_severity_from_the_suite_files():
    _, _, report = validate_one_change("articles", {})
    severities = {name: o.severity for name, o in report.checks.items()}
    assert severities == {
        "record_id_unique": "blocking",
        "title_not_empty": "blocking",
        "body_not_empty": "blocking",
        "kind_known": "blocking",
        "dates_parse": "blocking",
        "published_plausible": "blocking",
        "credits_present": "blocking",
        "no_duplicate_sentences": "blocking",
        "translation_ok": "blocking",
        "repair_ok": "blocking",
        "offsets_valid": "blocking",
        "no_untranslated_text": "warning",
        "title_length": "warning",
        "no_credits_in_body": "warning",
        "parent_known": "blocking",
    }
    result = report.results["articles"]
    assert result.success
    assert result.statistics["evaluated_expectations"] == len(
        validate.load_suite_file("articles")["expectations"]
    )


@pytest.fixture
def suite_copy(tmp_path, monkeypatch):
    """The suite files copied to a folder the test may edit; caches reset around the test."""
    folder = tmp_path / "expectations"
    shutil.copytree(validate.EXPECTATIONS_DIR, folder)
    monkeypatch.setattr(validate, "EXPECTATIONS_DIR", folder)
    validate.reset()
    yield folder
    monkeypatch.undo()
    validate.reset()


def test_severity_is_read_from_the_suite_file(suite_copy):
    path = suite_copy / "articles.json"
    suite = json.loads(path.read_text())
    for expectation in suite["expectations"]:
        if expectation["meta"]["check"] == "credits_present":
            expectation["meta"]["severity"] = "warning"
    path.write_text(json.dumps(suite))
    articles, _, report = validate_one_change("articles", {"authors": []})
    assert articles["failed_checks"].to_list()[0] == []
    assert articles["flags"].to_list()[0] == ["credits_present"]
    assert report.checks["credits_present"].severity == "warning"


def test_a_check_with_two_severities_is_refused(suite_copy):
    path = suite_copy / "headlines.json"
    suite = json.loads(path.read_text())
    suite["expectations"][0]["meta"]["severity"] = "warning"  # record_id_unique
    path.write_text(json.dumps(suite))
    with pytest.raises(validate.SuiteError, match="record_id_unique"):
        validate_one_change("articles", {})


def test_an_expectation_that_cannot_run_is_an_error(suite_copy):
    path = suite_copy / "articles.json"
    suite = json.loads(path.read_text())
    suite["expectations"].append(
        {
            "type": "expect_column_values_to_be_between",
            "kwargs": {"column": "published", "min_value": "1990-01-01"},  # date vs timestamp
            "meta": {"check": "published_plausible", "severity": "blocking"},
        }
    )
    path.write_text(json.dumps(suite))
    with pytest.raises(validate.SuiteError, match="raised"):
        validate_one_change("articles", {})


def test_no_progress_bars(capfd):
    validate_one_change("articles", {})
    assert "Calculating Metrics" not in capfd.readouterr().err
