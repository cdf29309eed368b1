"""The compiled helpers of split and extract (the last section of newsmend/_textcore.c)
against their pure-Python references: on generated lines both must give the same answer."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmend import _textcore, furniture

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
