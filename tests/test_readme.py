"""Every polars and SQL example in the README runs, exactly as printed, on a real run's output
that was moved to another folder after the run (the analyst's tour); the README's table of
checks is the suites' own."""

import re
import shutil
from pathlib import Path

import duckdb
import pytest

from newsmend.validate import suite_checks

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
PYTHON = re.findall(r"```python\n(.*?)```", README, re.DOTALL)
SQL = re.findall(r"```sql\n(.*?)```", README, re.DOTALL)
CHECK_ROW = re.compile(r"^\| `(\w+)` \| (blocking|warning) \|", re.MULTILINE)


@pytest.fixture(scope="module")
def moved_run(corpus_run, tmp_path_factory) -> Path:
    """The corpus run's output, copied, then moved: nothing may point at where it was made.
    Returns the folder holding data/clean."""
    out, *_ = corpus_run
    made = tmp_path_factory.mktemp("made")
    shutil.copytree(out, made / "data" / "clean", symlinks=True)
    moved = tmp_path_factory.mktemp("moved") / "elsewhere"
    shutil.move(made, moved)
    assert not made.exists()
    return moved


def test_readme_has_examples():
    assert len(PYTHON) >= 3 and len(SQL) >= 3


@pytest.mark.parametrize("code", PYTHON)
def test_python_example(code, moved_run, monkeypatch, capsys):
    monkeypatch.chdir(moved_run)
    exec(compile(code, "README.md", "exec"), {})  # noqa: S102 - the README example, as printed
    printed = capsys.readouterr().out
    assert printed.strip()
    assert "shape: (0," not in printed and "0 rows" not in printed


@pytest.mark.parametrize("query", SQL)
def test_sql_example(query, moved_run, monkeypatch):
    """The SQL examples query the catalog's views, opened from inside the output folder."""
    monkeypatch.chdir(moved_run / "data" / "clean")
    with duckdb.connect("catalog.duckdb", read_only=True) as db:
        rows = db.sql(query).fetchall()
    assert rows, "the example returns rows on the sample corpus"


def test_the_catalog_of_a_moved_folder_opens_from_inside_it(moved_run, monkeypatch):
    monkeypatch.chdir(moved_run / "data" / "clean")
    with duckdb.connect("catalog.duckdb", read_only=True) as db:
        months = db.sql("SELECT DISTINCT month FROM articles WHERE month IS NOT NULL").fetchall()
        assert months and all(re.fullmatch(r"\d{4}-\d{2}", m) for (m,) in months)


def test_the_readme_lists_every_check_with_its_severity():
    listed = dict(CHECK_ROW.findall(README))
    assert listed == {name: check.severity for name, check in suite_checks().items()}
