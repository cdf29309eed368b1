"""Data Docs of a run: batch results saved small, merged per table, rendered as HTML."""

import json
import re
from html.parser import HTMLParser

from test_validate import gold_frames

from newsmend import validate
from newsmend.data_docs import build_run_docs, merge_results, save_batch_results
from newsmend.offline_docs import ASSETS, VENDORED


def test_a_runs_batches_render_as_one_result_per_table(tmp_path):
    articles, headlines, _ = gold_frames()
    results_dir = tmp_path / "results"
    for batch_no in range(2):  # two batches of the same records
        _, _, report = validate.validate_tables(articles, headlines)
        save_batch_results(report.results, results_dir, batch_no)
    saved = json.loads((results_dir / "articles-00000.json").read_text())
    assert all("unexpected_index_list" not in r["result"] for r in saved["results"])

    index = build_run_docs(results_dir, tmp_path / "gx", "run-1")
    assert index.name == "index.html" and index.is_file() and index.is_relative_to(tmp_path)
    assert "run-1" in index.read_text(encoding="utf-8")
    pages = {
        p.name: p.read_text(encoding="utf-8") for p in index.parent.rglob("validations/**/*.html")
    }
    assert set(pages) == {"articles.html", "headlines.html"}
    assert "credit_count" in pages["articles.html"]
    header = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", pages["articles.html"]))
    assert "Data asset: articles" in header and "Run Name run-1" in header
    # the checks read as the checks, not as tests of helper columns
    assert "Every date written in the page (`published_raw`) parses into `published`." in header
    assert "names at least one author, reporter or editor" in header
    project = tmp_path / "gx" / "gx"
    for folder in ("expectations", "validation_definitions", "checkpoints"):
        assert {p.stem for p in (project / folder).glob("*.json")} >= {
            f"newsmend_{t}" if folder != "validation_definitions" else t
            for t in ("articles", "headlines")
        }
    assert_offline(index.parent)


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


def test_merge_adds_counts_and_fails_when_any_batch_failed():
    def part(success: bool, unexpected: int) -> dict:
        return {
            "success": success,
            "statistics": {"evaluated_expectations": 1},
            "results": [
                {
                    "success": success,
                    "result": {
                        "element_count": 10,
                        "unexpected_count": unexpected,
                        "partial_unexpected_list": ["x"] * unexpected,
                    },
                }
            ],
        }

    merged = merge_results([part(True, 0), part(False, 3), part(True, 0)])
    result = merged["results"][0]["result"]
    assert (result["element_count"], result["unexpected_count"]) == (30, 3)
    assert result["unexpected_percent"] == 10.0
    assert merged["success"] is False and merged["statistics"]["success_percent"] == 0.0
