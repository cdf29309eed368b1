"""Hostile and broken input at the unit level: encodings that ingest must read without
corrupting the rest of the page, and strings that Parquet cannot hold."""

import polars as pl

from newsmend.ingest import decode


def test_mixed_utf8_and_gb18030_lines_each_decode_right():
    data = "Title 中文\n".encode() + "Body 中文\n".encode("gb18030")
    assert decode(data) == "Title 中文\nBody 中文\n"


def test_surrogate_written_in_utf8_becomes_a_replacement_character(tmp_path):
    """CESU-8 bytes of a lone surrogate spoil neither the other lines nor the Parquet write."""
    text = decode("Title ’\n".encode() + b"Body \xed\xa0\x80 end\n")
    assert text == "Title ’\nBody \ufffd end\n"
    pl.DataFrame({"body": [text]}).write_parquet(tmp_path / "p.parquet")
