"""Round 5 of the repair's speed-ups against their references. The repair marks' word scan
looks for a word again within the next seven words before it tries each phrase length: on
texts of a few words, where repeats at every distance, "of" between them and the text's end
are common, its marks and clauses must still be the probes' (the polars reference). The
spaced_hyphen fix searches only hyphens with a space beside them: it must change what the
rule's whole pattern does."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmend.repair import RULES, hyphens, marks
from newsmend.repair.rule import Work, substitute
from newsmend.textcore import compiled

WORDS = st.sampled_from(["a", "b", "A", "of", "OF", "the", "by", "İt", ".", ",", "\n", "的"])
TEXTS = st.lists(WORDS, max_size=30).map(" ".join)


@pytest.mark.skipif(compiled is None, reason="NEWSMEND_TEXT_CORE=python")
@settings(max_examples=600, deadline=None)
@given(st.lists(TEXTS, max_size=4))
def test_repeat_marks_match_the_probes(texts):
    words = marks.SCANS[0]
    assert marks.marks_compiled(texts, "body", RULES, words) == marks.marks_reference(
        texts, "body", RULES, words
    )


HYPHENATED = st.lists(
    st.sampled_from(["a", "A", "AB", "x", "-", " ", "  ", "\t", "19", "and", "or", "é", "\n"]),
    max_size=30,
).map("".join)


@settings(max_examples=600, deadline=None)
@given(HYPHENATED)
def test_spaced_hyphens_found_from_their_anchor_as_by_the_whole_pattern(text):
    """The anchor finds only hyphens with a space beside them: the fix must change what a
    plain search with the rule's pattern changes."""
    anchored, plain = Work(text), Work(text)
    hyphens.fix_spaced_hyphen(anchored)
    substitute(plain, "spaced_hyphen", hyphens._SPACED_HYPHEN, lambda _m: "-")
    assert (anchored.text, anchored.repairs) == (plain.text, plain.repairs)
