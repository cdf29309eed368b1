"""The split stage's shortcuts against the scans they save: a tail search finds what a whole
search finds, and a paragraph's kind is told without the cache as the full reading tells it."""

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from newsmend.split import ends, lines

FIXTURES = Path(__file__).parent / "fixtures" / "realworld"
FIXTURE_LINES = [
    line.strip()
    for path in sorted(FIXTURES.glob("*/*.txt"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
]
# Pieces of a story's last paragraph signed at its end.
PIECES = st.sampled_from(
    ["Edited by ", "Translated by ", "Proofread by ", "written by ", " by ", "Li Hua", "Wang",
     ". ", "! ", "? ", '" ', "” ", "(", ")", " and ", "x" * 40, " ", "a", "Z", "/", ": ",
     "[", "]", "（", "）", "\n", "，"]
)  # fmt: skip
TEXTS = st.lists(PIECES, max_size=40).map("".join) | st.text(max_size=200)


def _same(a, b) -> bool:
    return (a is None and b is None) or (
        a is not None and b is not None and a.span() == b.span() and a.groups() == b.groups()
    )


def _tail_signed(text: str):
    return ends.TRAILING_BY.search(text, max(0, len(text) - ends.TRAILING_BY_CHARS))


@settings(max_examples=2000, deadline=None)
@given(TEXTS)
def test_a_signature_is_found_in_the_tail_as_in_the_whole(text):
    assert _same(ends.TRAILING_BY.search(text), _tail_signed(text))


def test_a_signature_is_found_in_the_tail_in_every_fixture_line():
    assert any(ends.TRAILING_BY.search(line) for line in FIXTURE_LINES)  # the check sees some
    for line in FIXTURE_LINES:
        assert _same(ends.TRAILING_BY.search(line), _tail_signed(line)), line


def test_no_marker_or_header_is_as_long_as_a_paragraph():
    """What lets _kind tell a paragraph's kind before looking for markers, uncached."""
    assert lines.MAX_MARKER_CHARS < lines.MAX_TITLE_CHARS


def test_a_paragraph_gets_its_kind_without_the_cache():
    paragraph = "Word " * 80
    before = lines._short_kind.cache_info().currsize
    assert lines._kind(paragraph.strip()) == lines.TEXT
    assert lines._short_kind.cache_info().currsize == before
