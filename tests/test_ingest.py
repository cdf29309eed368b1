"""Reading raw files: every encoding the corpus uses, and every way a file can be unreadable."""

import gzip
import os
from pathlib import Path

import pytest

from newsmend import ingest
from newsmend.ingest import FileProblem, Page, discover, file_paths, read_page

CORPUS = Path(__file__).parent / "fixtures" / "corpus"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_discover_finds_txt_and_gz_recursively_in_path_order(tmp_path):
    for name in ("b.txt", "a-b/e.txt", "a/c.txt.gz", "a/d.md", "e.txt.bak"):
        write(tmp_path, name, b"x")
    found = discover(tmp_path)
    names = ["a/c.txt.gz", "a-b/e.txt", "b.txt"]  # folder "a" before "a-b", as Paths sort
    assert found["source_file"].to_list() == names
    assert found["size"].to_list() == [1, 1, 1]
    assert file_paths(found, tmp_path) == sorted(tmp_path / name for name in names)


def test_discover_gathers_chunk_after_chunk_in_order(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "_FOUND_CHUNK", 2)
    names = [f"{folder}/{page}.txt" for folder in "xy" for page in range(3)]
    for name in reversed(names):
        write(tmp_path, name, b"x")
    assert discover(tmp_path)["source_file"].to_list() == names


def test_discover_goes_deeper_than_python_recurses(tmp_path):
    deep = tmp_path  # 1,100 folders, 2,200 characters: under PATH_MAX
    for _ in range(1100):
        deep = deep / "d"
        deep.mkdir()  # one at a time: os.makedirs recurses, and so does shutil.rmtree
    (deep / "p.txt").write_text("x")
    try:
        assert discover(tmp_path)["source_file"].to_list() == ["d/" * 1100 + "p.txt"]
    finally:  # pytest's clean-up could not remove the tree
        (deep / "p.txt").unlink()
        while deep != tmp_path:
            deep.rmdir()
            deep = deep.parent


@pytest.mark.parametrize(
    "data",
    [
        "Title\r\n\r\nBody ü\r\n".encode(),
        "\ufeffTitle\n\nBody ü\n".encode(),
        "\ufeffTitle\n\nBody ü\n".encode("utf-16"),
        "Title\r\rBody ü\r".encode(),
    ],
    ids=["utf8-crlf", "utf8-bom", "utf16-bom", "cr-only"],
)
def test_decodes_utf_variants_and_normalises_newlines(tmp_path, data):
    page = read_page(write(tmp_path, "p.txt", data), tmp_path)
    assert isinstance(page, Page)
    assert page.text.replace("\n\n", "\n") == "Title\nBody ü\n"


def test_gb18030_page_from_the_corpus_decodes(tmp_path):
    source = next(CORPUS.glob("113_*.txt"))
    page = read_page(write(tmp_path, source.name, source.read_bytes()), tmp_path)
    assert isinstance(page, Page)
    assert "责任编辑：李娜" in page.text and "2022年8月5日" in page.text


def test_gzip_page_and_sha_of_stored_bytes(tmp_path):
    data = gzip.compress(b"Title\n\nBody\n")
    page = read_page(write(tmp_path, "sub/p.txt.gz", data), tmp_path)
    assert page.source_file == "sub/p.txt.gz"
    assert page.text == "Title\n\nBody\n"
    import hashlib

    assert page.source_sha256 == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b" \n\t\n  ", "empty"),
        ("nul.txt", b"Title\x00\x01\x02 body", "binary"),
        ("bin.txt", bytes(range(1, 32)) * 100, "binary"),
        ("notgz.txt.gz", b"plain text, not gzip", "not gzip"),
        ("cut.txt.gz", gzip.compress(b"x" * 10000, mtime=0)[:30], "truncated gzip"),
    ],
)
def test_unreadable_files_become_problems_with_a_reason(tmp_path, name, data, reason):
    problem = read_page(write(tmp_path, name, data), tmp_path)
    assert isinstance(problem, FileProblem)
    assert problem.reason.startswith(reason)
    assert problem.source_file == name


def test_decompression_bomb_is_capped(tmp_path):
    bomb = gzip.compress(b"a" * 5_000_000)
    problem = read_page(write(tmp_path, "bomb.txt.gz", bomb), tmp_path, max_bytes=1_000_000)
    assert isinstance(problem, FileProblem) and problem.reason.startswith("too large")


def test_symlink_outside_raw_and_symlink_loop(tmp_path):
    raw, outside = tmp_path / "raw", tmp_path / "secret.txt"
    raw.mkdir()
    outside.write_text("secret page")
    (raw / "out.txt").symlink_to(outside)
    (raw / "loop.txt").symlink_to(raw / "loop.txt")
    (raw / "dirloop").symlink_to(raw, target_is_directory=True)
    found = discover(raw)
    assert found["source_file"].to_list() == ["loop.txt", "out.txt"]
    assert found["size"].to_list() == [-1, len("secret page")]  # the loop cannot be stat'ed
    problems = {p.name: read_page(p, raw) for p in file_paths(found, raw)}
    assert problems["out.txt"].reason.startswith("symlink points outside")
    assert isinstance(problems["loop.txt"], FileProblem)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_permissions(tmp_path):
    path = write(tmp_path, "locked.txt", b"text")
    path.chmod(0)
    assert read_page(path, tmp_path).reason.startswith("unreadable")


@pytest.mark.parametrize(("size", "cap"), [(0, 100), (3, 100), (10, 100), (3, 10), (3, 9)])
def test_a_file_longer_than_its_stated_size_is_read_to_the_cap(tmp_path, size, cap):
    """The size from fstat is only where reading starts: a file that grew since is read on,
    and one past the cap is still too large."""
    (tmp_path / "page.txt").write_bytes(b"0123456789")
    with open(tmp_path / "page.txt", "rb") as handle:
        if cap < 10:
            with pytest.raises(ingest._Unreadable, match="too large"):
                ingest._read_capped(handle, cap, size)
        else:
            assert ingest._read_capped(handle, cap, size) == b"0123456789"


def test_relative_names_of_local_paths_and_urls(tmp_path):
    raw = tmp_path / "raw"
    assert ingest.relative_name(raw / "a" / "b.txt", raw) == "a/b.txt"
    assert ingest.relative_name(Path("/a/b.txt"), Path("/")) == "a/b.txt"
    assert ingest.relative_name(raw / ".." / "x.txt", raw) == "../x.txt"
    assert ingest.relative_name(raw / os.fsdecode(b"\xff.txt"), raw) == "\\xff.txt"
    with pytest.raises(ValueError):
        ingest.relative_name(tmp_path / "other" / "x.txt", raw)
