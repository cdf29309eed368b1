"""The repair stage's functions of the compiled text core against their pure-Python
references: on generated text full of spaces of every kind, newlines and words, both must give
the same answer."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmend.repair.rule import _context_bounds_reference
from newsmend.textcore import compiled

pytestmark = pytest.mark.skipif(compiled is None, reason="NEWSMEND_TEXT_CORE=python")

# Python's whitespace that is not [ \t] (\x1c-\x1f, \x85, \xa0, \u3000 among them), words,
# ASCII and not, and the 80-character windows Work.record cuts.
CONTEXT = st.text(
    alphabet=st.sampled_from(
        [" ", "\t", "\n", "\r", "\x0b", "\x1c", "\x1f", "\x85", "\xa0", "\u2028", "\u3000",
         "a", "Z", "1", ".", ",", "-", "é", "的", "\U0001f600"]
    ),
    max_size=80,
)  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(CONTEXT, CONTEXT)
def test_context_bounds_match_the_reference(left, right):
    assert compiled.context_bounds(left, right) == _context_bounds_reference(left, right)


def test_context_bounds_take_three_words_each_side():
    left, right = "one\ntwo three  four five\n", "six seven\teight nine ten"
    start, stop, end = compiled.context_bounds(left, right)
    assert (left[start:stop], right[:end]) == ("two three  four five", "six seven\teight nine")
