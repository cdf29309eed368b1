"""The compiled text core against the pure-Python references it stands in for: on generated
text full of sentence ends, abbreviations, odd spaces, repeats and non-ASCII case, both must
give the same answer. (NEWSMEND_TEXT_CORE=python runs the references in the pipeline.)"""

import os
import subprocess
import sys

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmend import _textcore
from newsmend.repair import repeats
from newsmend.repair.rule import Work
from newsmend.split import lines as split_lines
from newsmend.text import sentence_spans_reference

PIECES = st.sampled_from(
    [" ", "  ", "\t", "\n", "\xa0", "\x1c", "\u3000", ".", "!", "?", ". ", "。", "！", "？",
     '"', "'", "”", "’", ")", ";", ":", "；", "：", "Mr", "Mrs", "Jan", "Sept", "No", "vs",
     "A", "U", "x", "_", "1", "the", "The", "THE", "of", "a", "to", "and", "promote",
     "İt", "ΟΔΟΣ", "οδος", "é", "e\u0301", "的", "step by step", "to promote",
     "It is a hot day. ", "It  is a hot\nday. ", "the first phase"]
)  # fmt: skip
TEXTS = st.lists(PIECES, max_size=40).map("".join) | st.text(max_size=80)
# Few words, spaced: repeats, "of" repeats, idioms and stops between them are common.
WORDS = st.sampled_from(
    ["the", "The", "of", "OF", "and", "by", "step", "a", "to", "promote", "X", "İt", "i̇t",
     "K", "k", "x_y", ".", ",", ";", "\n", "ΟΔΟΣ", "οδος"]
)  # fmt: skip
PHRASES = st.lists(WORDS, max_size=30).map(" ".join) | TEXTS
EXAMPLES = 500


@settings(max_examples=EXAMPLES, deadline=None)
@given(TEXTS)
def test_sentence_spans_match_the_reference(text):
    assert _textcore.sentence_spans(text) == sentence_spans_reference(text)


@settings(max_examples=EXAMPLES, deadline=None)
@given(TEXTS)
def test_duplicate_sentences_match_the_reference(text):
    expected = repeats._duplicates_reference(text)
    assert repeats._duplicates_compiled(text) == expected
    assert _textcore.have_duplicate_sentences([text, None], 4) == [bool(expected), False]


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(TEXTS | st.none(), max_size=4))
def test_repeat_clauses_match_the_reference(texts):
    column = pl.Series(texts, dtype=pl.String)
    compiled = repeats._column_repeats_compiled(column)
    assert compiled.dtype == pl.List(pl.Int64)
    assert compiled.to_list() == repeats._column_repeats_reference(column).to_list()


FIXES = (repeats.fix_repeated_phrase_reference, repeats.fix_repeated_phrase_compiled)


def _fixed(fix, text, hint, flags=()):
    work = Work(text, hint=hint, flags=list(flags))
    fix(work)
    return work.text, work.repairs, work.flags


@settings(max_examples=EXAMPLES, deadline=None)
@given(PHRASES, st.booleans())
def test_repeated_phrase_deletions_match_the_reference(text, hinted):
    """fix_repeated_phrase with the compiled core's deletions and with _Repeats' own search:
    the same text, records and flags, scanning the whole text or the clauses the probe names."""
    hint = repeats._column_repeats(pl.Series([text])).to_list()[0] if hinted else None
    assert _fixed(FIXES[0], text, hint) == _fixed(FIXES[1], text, hint)


PARK = "to the park to the park. "


@pytest.mark.parametrize(
    ("text", "hint", "flagged"),
    [
        (PARK * 250 + "the the end", list(range(251)), True),  # more in a later clause
        (PARK * 250 + "the the end", None, True),
        (PARK * 200, list(range(200)), False),  # exactly the limit
        ("the the the " * 300, [0, 5, 99], True),  # more in the one clause; no clause 5, 99
        ("x. the the. y", [1, 0], False),  # clauses out of order
    ],
)
def test_at_and_past_the_limit_both_alike(text, hint, flagged):
    expected = _fixed(FIXES[0], text, hint)
    assert _fixed(FIXES[1], text, hint) == expected
    assert expected[2] == (["too_many_repeats"] if flagged else [])
    assert _fixed(FIXES[1], text, hint, ["too_many_repeats"])[1] == []  # flagged: left alone


@settings(max_examples=EXAMPLES, deadline=None)
@given(TEXTS)
def test_collapsed_length_matches_the_reference(text):
    assert _textcore.collapsed_length(text) == split_lines._collapsed_length_reference(text)


def test_bad_input_is_a_clear_error():
    with pytest.raises(TypeError, match="expected a str"):
        _textcore.sentence_spans(b"bytes")
    with pytest.raises(TypeError, match="expected a str"):
        _textcore.repeat_clauses([3], [])
    with pytest.raises(ValueError, match="expected an ASCII str"):
        _textcore.toolbar_word_spans("备案", frozenset())


def _core_with(choice: str) -> subprocess.CompletedProcess:
    code = "from newsmend.repair import repeats; print(repeats._duplicates.__name__)"
    env = {**os.environ, "NEWSMEND_TEXT_CORE": choice}
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )


def test_the_setting_selects_the_reference():
    assert _core_with("python").stdout.strip() == "_duplicates_reference"
    assert _core_with("compiled").stdout.strip() == "_duplicates_compiled"
    assert "NEWSMEND_TEXT_CORE='rust': expected" in _core_with("rust").stderr
