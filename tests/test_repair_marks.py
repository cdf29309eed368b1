"""The compiled repair marks against the rules' own probes (polars), which stay the
reference: on generated text full of what each probe looks for (full-width marks, spaced
hyphens, glued or spaced marks, split numbers, cut-off ends, openers, repeats, odd spaces and case), every bit and every place must
agree; and the engine, driven by either, must repair a frame alike."""

import polars as pl
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsmend.repair import RULE_NAMES, RULES, marks, repair_frame, repair_text
from newsmend.textcore import compiled

pytestmark = pytest.mark.skipif(compiled is None, reason="NEWSMEND_TEXT_CORE=python")

PIECES = st.sampled_from(
    [" ", "  ", "   ", "\t", "\n", "\xa0", "\x1c", "\u3000", "\u2028", ".", "...", "…", "……",
     ",", ";", ":", "!", "?", " ,", " .", "\t:", " ;", "，", "：", "；", "！", "？", "。", "（",
     "）", "[", "【", "[Cla", "Click", "-", " -", "- ", "a", "A", "z", "tech", "9", "19",
     "COVID", "and", "the", "The", "of", "to", "promote", "to promote", "step by step",
     "since", "Since", "ſince", "SINCE", "with", "WHEN", "while", "after", "according to",
     "in order to", "through", "before", ", ", "since the start of X, since ",
     "\u00ad", "\u200b", "\u202c", "\ufeff", "â€™", "Ã©", "Â\xa0", "如皋", "記", "\uf900",
     '"', "'", "”", "’", ")", "）", "」", "It is a hot day. ", "İt", "ΟΔΟΣ", "e\u0301", "_",
     "(", "“", "n’t", "n't", " ’ s", "' ", ",,", ", ,", "..", "!", "?", "\\", "´", " st",
     " nd", "rd", "h", "on1", "¡", "¯", "°", "¡±",
     "]", "】", "[…]", " ..", "&", "&amp;", "&#", "&#82", "&#x2", "x", "F", ";", "&nbsp;",
     ", 000 ", ". 5", " per", "%", "billion", "trillio", "00"]
)  # fmt: skip
TEXTS = st.lists(PIECES, max_size=40).map("".join) | st.text(max_size=60)
PART = st.sampled_from(["title", "body"])
EXAMPLES = 400


def test_the_marks_cover_the_catalogue_in_its_order():
    assert list(marks.MARKED) == RULE_NAMES


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(TEXTS, max_size=5), PART)
def test_marks_match_the_probes(texts, part):
    assert marks.marks_compiled(texts, part, RULES) == marks.marks_reference(texts, part, RULES)


@settings(max_examples=EXAMPLES // 4, deadline=None)
@given(st.lists(TEXTS, max_size=3), PART, st.sampled_from(marks.SCANS))
def test_a_scan_finds_its_own_marks_alone(texts, part, wanted):
    compiled = marks.marks_compiled(texts, part, RULES, wanted)
    assert compiled == marks.marks_reference(texts, part, RULES, wanted)
    assert all(not found & ~wanted for found in compiled[0])


@settings(max_examples=EXAMPLES // 4, deadline=None)
@given(st.lists(TEXTS, min_size=1, max_size=6))
@example([". ,\x1c"])  # Python's \s holds \x1c, the probe's does not
@example(["It is a hot day. .It is a hot day. "])  # spacing leaves "day.." for itself
@example(["¡±â€™"])  # GBK's quote, then UTF-8's: fixed at once, not again as "”â€™"
def test_the_engine_repairs_alike_with_either_marks(texts):
    """Fixes change texts, which are marked again: the compiled marks and the probes give the
    same frame, and each cell is what repair_text gives."""
    df = pl.DataFrame({"body_raw": texts})
    outs = []
    for mark in (marks.marks_compiled, marks.marks_reference):
        marks.mark = mark
        try:
            outs.append(repair_frame(df, {"body_raw": "body"}))
        finally:
            marks.mark = marks.marks_compiled
    assert outs[0].equals(outs[1])
    for text, body in zip(texts, outs[0]["body"], strict=True):
        assert body == repair_text(text)[0]
