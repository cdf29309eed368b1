"""The compiled text core's functions for reading and splitting pages against their pure-Python
references: on generated text full of control characters and wide characters, both must give
the same answer."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmend import _textcore, ingest

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
