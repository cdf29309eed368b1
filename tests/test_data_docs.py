"""Data Docs of a run: the results the project's Checkpoints stored, rendered as HTML."""

import re
import subprocess
import sys
from html.parser import HTMLParser

import great_expectations as gx
from great_expectations.core.run_identifier import RunIdentifier
from test_validate import gold_frames

from newsmend import schema, validate
from newsmend.data_docs import build_run_docs
from newsmend.expectation_types import RecordCheck
from newsmend.offline_docs import ASSETS, VENDORED

TABLE_LEVEL = "Table-Level Expectations"


def test_the_pages_show_what_the_runs_checkpoints_returned(tmp_path):
    articles, headlines, _ = gold_frames()
    project = tmp_path / "gx"
    results = []
    for _batch in range(2):  # two batches of one run, each validated by the Checkpoints
        _, _, report = validate.validate_tables(articles, headlines, project, "run-1")
        results.append(report.results)
    assert results[0]["articles"].meta["run_id"].run_name == "run-1"

    index = build_run_docs(project, "run-1")
    assert index.name == "index.html" and index.is_file() and index.is_relative_to(tmp_path)
    assert "run-1" in index.read_text(encoding="utf-8")
    site = index.parent
    for table in ("articles", "headlines"):
        shown = []
        for batch in results:
            result = batch[table]
            run_time = result.meta["run_id"].run_time.strftime("%Y%m%dT%H%M%S.%fZ")
            suite = validate.checkpoint_name(table)
            (path,) = (site / "validations" / suite / "run-1" / run_time).glob("*.html")
            page = Page.read(path)
            assert page.facts["Run Name"] == "run-1"
            assert f"Data asset: {table}" in page.text and f"Suite: {suite}" in page.text
            statistics = result.statistics
            assert page.facts["Evaluated Expectations"] == str(statistics["evaluated_expectations"])
            assert page.facts["Unsuccessful Expectations"] == str(
                statistics["unsuccessful_expectations"]
            )
            assert_rows_match(page, result)
            shown.append(path)
        assert len(set(shown)) == 2  # one page per batch
    assert_checks_read_as_checks(site, articles, headlines)
    for folder in ("expectations", "validation_definitions", "checkpoints"):
        assert {p.stem for p in (project / "gx" / folder).glob("*.json")} >= {
            f"newsmend_{t}" if folder != "validation_definitions" else t
            for t in ("articles", "headlines")
        }
    assert_offline(site)


def assert_rows_match(page, result):
    """Every expectation's row shows the status the Checkpoint returned; each check's row
    (a table-level expectation) its sentence and its count of failing records."""
    assert sorted(status for status, _, _ in page.rows) == sorted(
        outcome.success for outcome in result.results
    )
    for outcome in result.results:
        config = outcome.expectation_config
        if config.kwargs.get("helper_column"):
            description = config.to_domain_obj().description
            (row,) = [(s, o) for s, text, o in page.rows if text.startswith(description)]
            assert row == (outcome.success, outcome.result["observed_value"])


def assert_checks_read_as_checks(site, articles, headlines):
    """No section of a validation page is headed by a helper column: sections are the
    tables' own columns, and the checks are table-level, each as its sentence."""
    helpers = set(validate.helper_columns(articles))
    columns = {"articles": set(schema.ARTICLES), "headlines": set(schema.HEADLINES)}
    for path in site.glob("validations/**/*.html"):
        page = Page.read(path)
        table = "articles" if "articles" in path.parts[-4] else "headlines"
        assert page.headings[0] == "Overview" and page.headings[1] == TABLE_LEVEL
        assert not helpers & set(page.headings), (path, page.headings)
        assert set(page.headings[2:]) <= columns[table], (path, page.headings)
        suite = validate.load_suite_file(table)["expectations"]
        checks = [e for e in suite if "helper_column" in e["kwargs"]]
        assert checks
        for expectation in checks:
            (built,) = validate.build_suite(
                {"name": "x", "expectations": [expectation]}
            ).expectations
            assert isinstance(built, RecordCheck)
            assert any(text.startswith(built.description) for _, text, _ in page.rows)


def test_a_gx_user_reruns_a_checkpoint_by_name(tmp_path):
    """What the README tells a GX user: open the project, get a Checkpoint by name, run it
    on a frame from gx_frames."""
    articles, headlines, _ = gold_frames()
    project = tmp_path / "gx"
    _, _, report = validate.validate_tables(articles, headlines, project, "run-1")

    context = gx.get_context(mode="file", project_root_dir=project)
    frames = validate.gx_frames(articles, headlines)
    for table in ("articles", "headlines"):
        checkpoint = context.checkpoints.get(f"newsmend_{table}")
        rerun = checkpoint.run(
            batch_parameters={"dataframe": frames[table]},
            expectation_parameters=validate.expectation_parameters(),
            run_id=RunIdentifier(run_name="rerun"),
        )
        (result,) = rerun.run_results.values()
        assert result.statistics == report.results[table].statistics
    runs = {key.run_id.run_name for key in context.validation_results_store.list_keys()}
    assert runs == {"run-1", "rerun"}


def test_a_process_runs_the_checkpoints_another_process_wrote_for_a_later_run(tmp_path):
    """A Dask worker lives on from run to run; the first process of each run writes the
    project again, and GX refuses to run a Checkpoint older than its project's suites."""
    articles, headlines, _ = gold_frames()
    project = tmp_path / "gx"
    validate.validate_tables(articles, headlines, project, "run-1")
    first_of_run_2 = (
        "from pathlib import Path; from newsmend import validate; "
        f"validate.checkpoints(Path({str(project)!r}), 'run-2')"
    )
    subprocess.run([sys.executable, "-c", first_of_run_2], check=True)
    assert (project / validate.SET_UP).read_text() == "run-2"
    _, _, report = validate.validate_tables(articles, headlines, project, "run-2")
    assert report.results["articles"].meta["run_id"].run_name == "run-2"


def test_a_run_renders_its_own_pages_and_any_page_missing(tmp_path):
    """Earlier runs' pages are kept as rendered; a run that ended before its Data Docs (its
    results stored, no pages) gets its pages with the next run's."""
    articles, headlines, _ = gold_frames()
    project = tmp_path / "gx"
    validate.validate_tables(articles, headlines, project, "run-1")
    site = build_run_docs(project, "run-1").parent
    rendered = {p: p.stat().st_mtime_ns for p in site.glob("validations/**/*.html")}
    validate.validate_tables(articles, headlines, project, "failed")
    validate.validate_tables(articles, headlines, project, "run-2")
    build_run_docs(project, "run-2")
    pages = list(site.glob("validations/**/*.html"))
    assert sorted(p.parts[-3] for p in pages) == sorted(["run-1", "failed", "run-2"] * 2)
    assert {p: p.stat().st_mtime_ns for p in rendered} == rendered
    assert_offline(site)


def test_a_run_that_validated_nothing_has_no_docs(tmp_path):
    assert build_run_docs(tmp_path / "gx", "run-1") is None


class Page(HTMLParser):
    """A validation page as a reader sees it: its section headings, the facts of its
    overview tables (name -> value), and per expectation row (passed, expectation, observed
    value)."""

    def __init__(self):
        super().__init__()
        self.headings: list[str] = []
        self.facts: dict[str, str] = {}
        self.rows: list[tuple[bool, str, str]] = []
        self.text = ""
        self._in: str | None = None
        self._cells: list[str] = []
        self._status: bool | None = None

    @classmethod
    def read(cls, path):
        page = cls()
        page.feed(path.read_text(encoding="utf-8"))
        page.text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")))
        return page

    def handle_starttag(self, tag, attrs):
        classes = dict(attrs).get("class") or ""
        if tag in ("h5", "td"):
            self._in = tag
            if tag == "td":
                self._cells.append("")
        elif tag == "tr":
            self._cells, self._status = [], None
        elif tag == "i" and self._in == "td" and "fa-check-circle" in classes:
            self._status = True
        elif tag == "i" and self._in == "td" and "fa-times" in classes:
            self._status = False

    def handle_endtag(self, tag):
        if tag in ("h5", "td"):
            self._in = None
        elif tag == "tr":
            cells = [re.sub(r"\s+", " ", c).strip() for c in self._cells]
            if self._status is not None and len(cells) >= 2:
                self.rows.append((self._status, cells[1], cells[2] if len(cells) > 2 else ""))
            elif len(cells) == 2:
                self.facts.setdefault(cells[0], cells[1])

    def handle_data(self, data):
        if self._in == "h5" and data.strip():
            self.headings.append(data.strip())
        elif self._in == "td":
            self._cells[-1] += data


class Addresses(HTMLParser):
    """Every src and href of a page."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.found += [value for name, value in attrs if name in ("src", "href") and value]


def assert_offline(site):
    """No page names a host; every file a page loads is in the site."""
    pages = sorted(site.rglob("*.html"))
    assert pages
    for page in pages:
        parser = Addresses()
        parser.feed(page.read_text(encoding="utf-8"))
        remote = [a for a in parser.found if re.match(r"(?i)\s*(https?:)?//", a)]
        assert not remote, (page, remote)
        for address in parser.found:
            path = address.split("#", 1)[0].split("?", 1)[0]
            if path and not path.endswith(".ico"):  # GX's favicon path is one level off
                assert (page.parent / path).resolve().is_file(), (page, address)
    styles = "".join(p.read_text() for p in (site / "static" / "styles").glob("*.css"))
    assert not re.search(r"url\(\s*[\"']?https?:", styles)


def test_every_vendored_asset_is_shipped():
    assert {(VENDORED / name).is_file() for name in ASSETS.values()} == {True}
