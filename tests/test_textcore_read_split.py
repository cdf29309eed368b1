"""The compiled text core's functions for reading and splitting pages against their pure-Python
references: on generated text full of control characters and wide characters, both must give
the same answer."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmend import _textcore, furniture, ingest

CONTROL_PIECES = st.sampled_from(
    ["\x00", "\x01", "\x08", "\t", "\n", "\x0b", "\x0c", "\r", "\x0e", "\x1f", " ", "\x7f",
     "\x85", "a", "的", "😀", "\ufeff", "\ufffd"]
)  # fmt: skip
CONTROL_TEXTS = st.lists(CONTROL_PIECES, max_size=60).map("".join) | st.text(max_size=80)


@settings(max_examples=500, deadline=None)
@given(CONTROL_TEXTS)
def test_control_count_matches_the_reference(text):
    assert _textcore.control_count(text) == ingest._control_count_reference(text)


def test_control_count_of_bytes_is_a_clear_error():
    with pytest.raises(TypeError, match="expected a str"):
        _textcore.control_count(b"\x00")


TOOLBAR_PIECES = st.sampled_from(
    [*sorted(word for word in furniture.TOOLBAR_WORDS if word.isascii()), "A", "TO", "Print",
     "print:", "[Print]", "(print)", "[]", "[", "]", "(", ")", ":", "|", " ", "  ", "\t", "\x1c",
     "\x0b", "x", "Share.", "E-Mail", "top", "Top:", "[a]b", "()", "2022-01-02"]
)  # fmt: skip
ASCII_LINES = st.lists(TOOLBAR_PIECES, max_size=16).map("".join) | st.text(
    st.characters(max_codepoint=127), max_size=60
)


@settings(max_examples=1000, deadline=None)
@given(ASCII_LINES)
def test_toolbar_word_spans_match_the_reference(line):
    for words in (furniture.TOOLBAR_WORDS, frozenset({"x", "top", "x" * 100})):
        expected = furniture._toolbar_word_spans_reference(line, words)
        assert _textcore.toolbar_word_spans(line, words) == expected


def test_toolbar_word_spans_want_an_ascii_str_and_a_frozenset():
    with pytest.raises(ValueError, match="expected an ASCII str"):
        _textcore.toolbar_word_spans("打印", furniture.TOOLBAR_WORDS)
    with pytest.raises(TypeError):
        _textcore.toolbar_word_spans("Print", {"print"})
