"""Every polars and SQL example in the README runs, exactly as printed, on a real run's output."""

import re
from pathlib import Path

import duckdb
import pytest

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
PYTHON = re.findall(r"```python\n(.*?)```", README, re.DOTALL)
SQL = re.findall(r"```sql\n(.*?)```", README, re.DOTALL)


def test_readme_has_examples():
    assert len(PYTHON) >= 1 and len(SQL) >= 3


@pytest.mark.parametrize("code", PYTHON)
def test_python_example(code, corpus_run, monkeypatch, capsys):
    out, *_ = corpus_run
    monkeypatch.chdir(out.parent.parent)
    exec(compile(code, "README.md", "exec"), {})  # noqa: S102 - the README example, as printed
    assert capsys.readouterr().out.strip()


@pytest.mark.parametrize("query", SQL)
def test_sql_example(query, corpus_run, monkeypatch):
    out, *_ = corpus_run
    monkeypatch.chdir(out.parent.parent)
    rows = duckdb.sql(query).fetchall()
    assert rows, "the example returns rows on the sample corpus"
