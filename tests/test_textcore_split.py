"""The compiled helpers of split and extract (the last section of newsmend/_textcore.c)
against their pure-Python references: on generated lines both must give the same answer."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmend import _textcore, furniture
from newsmend.split import lines as split_lines
from newsmend.split import text_lines
from newsmend.split.parts import Span

EXAMPLES = 500
# The furniture needles, letters of either case, and letters `re` folds specially.
NEEDLE_PIECES = st.sampled_from(
    [*furniture.NEEDLES, "X", " ", "Q", "@", ">", "首", "İ", "ı", "ſ", "\u212a", "É", "é"]
)
NEEDLE_LINES = st.lists(NEEDLE_PIECES, max_size=8).map("".join) | st.text(max_size=60)


@settings(max_examples=EXAMPLES, deadline=None)
@given(NEEDLE_LINES, st.lists(st.text(max_size=3) | NEEDLE_PIECES, max_size=6).map(tuple))
def test_folded_needles_match_the_reference(line, needles):
    for text in (line, line.upper(), line.title()):
        for wanted in (furniture.NEEDLES, needles):
            expected = furniture._folded_needles_reference(text, wanted)
            assert _textcore.folded_needles(text, wanted) == expected


def test_folded_needles_lower_only_ascii_capitals():
    assert _textcore.folded_needles("Copyright É 首页", ("copyright", "é", "首页", "", "x")) == [
        0,
        2,
        3,
    ]
    with pytest.raises(TypeError, match="expected a tuple of str"):
        _textcore.folded_needles("a", ("a", 1))


# Lines of a page: line ends, blank lines, every kind of space at either end, wide text.
PAGE_PIECES = st.sampled_from(
    ["\n", "\n\n", " ", "\t", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\xa0", "\u2028", "\u3000",
     "a", "Title", "2022-08-02", "新闻", "é", "😀", " x "]
)  # fmt: skip


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(PAGE_PIECES, max_size=30).map("".join) | st.text(max_size=80))
def test_stripped_lines_match_the_reference(text):
    spans = _textcore.stripped_lines(text, Span)
    assert spans == text_lines._stripped_lines_reference(text)
    assert all(type(span) is Span for span in spans)


def test_stripped_lines_want_a_plain_tuple_type():
    assert _textcore.stripped_lines(" a\n\n b ", tuple) == [("a", 1, 2), ("b", 5, 6)]
    with pytest.raises(TypeError, match="expected a tuple type"):
        _textcore.stripped_lines("a", list)
    with pytest.raises(TypeError):
        _textcore.stripped_lines(b"a", Span)


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(PAGE_PIECES, max_size=30).map("".join) | st.text(max_size=80))
def test_word_count_matches_the_reference(text):
    assert _textcore.word_count(text) == split_lines._word_count_reference(text)
