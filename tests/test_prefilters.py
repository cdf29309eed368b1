"""Fast paths against the exact functions they stand in for: each prefilter must select every
text (or position) the exact test would, on generated text full of near-misses."""

import itertools
import re

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmend import repair, validate
from newsmend.repair import characters, hyphens, punctuation, repeats
from newsmend.repair.rule import Work, _anchored_matches, _context_bounds_reference, selected
from newsmend.text import CJK_DATE, CJK_RUN, SENTENCE_END, SENTENCE_LAST_CHARS

# Few distinct words, so that repeats, "of" repeats, idioms and sentence ends are common.
WORDS = st.sampled_from(
    ["the", "The", "of", "and", "by", "step", "a", "to", "promote", "X", "İ", "x_y", "."]
)
PIECES = st.lists(WORDS | st.text(alphabet="ab ,.;\n_", max_size=4), max_size=12)
# Text around a phrase of up to 7 pieces said twice, maybe with "of" or another piece between.
TEXTS = st.builds(
    lambda before, phrase, link, after: " ".join(before + phrase + link + phrase + after),
    PIECES,
    st.lists(WORDS, min_size=1, max_size=7),
    st.sampled_from([[], ["of"], ["Of"], [","], ["and"]]),
    PIECES,
)


def exact_find_repeat(text: str) -> tuple[int, int] | None:
    """The first repeat's span to delete, by the plainest scan: every word position, every
    phrase length."""
    tokens = list(repeats._WORD.finditer(text))
    words = [t.group().lower() for t in tokens]

    def allowed(i: int, size: int, n: int) -> bool:
        run = tokens[i : i + size]
        gaps = [text[a.end() : b.start()] for a, b in itertools.pairwise(run)]
        return repeats._repeat_allowed([t.group() for t in run], gaps, n)

    count = len(words)
    for i, word in enumerate(words):
        for n in range(1, min(repeats.MAX_PHRASE_WORDS, (count - i) // 2) + 1):
            j = i + n
            if words[j] == word and words[i:j] == words[j : j + n]:
                if allowed(i, 2 * n, n):
                    return tokens[j - 1].end(), tokens[j + n - 1].end()
            elif (
                n >= 3
                and words[j] == "of"
                and words[i:j] == words[j + 1 : j + 1 + n]
                and allowed(i, 2 * n + 1, n)
            ):
                return tokens[j - 1].end(), tokens[j + n].end()
    return None


def exact_fix_repeated_phrase(text: str) -> Work:
    """Delete repeats one at a time, each found by a scan from the start."""
    work = Work(text)
    while (found := exact_find_repeat(work.text)) is not None:
        work.record("repeated_phrase", *found, "")
        work.text = work.text[: found[0]] + work.text[found[1] :]
    return work


@settings(max_examples=2000, deadline=None)
@given(TEXTS)
def test_repeat_probe_agrees_with_the_exact_scan(text):
    assert (repeats._Repeats(text).find() is not None) == (exact_find_repeat(text) is not None)


def test_repeat_probe_cuts_words_before_lower_casing():
    """ "İt" lower-cases to "i̇t", which a combining dot cuts in two: six words said twice
    would be seven to a probe that lower-cased the text first, one more than a repeat holds."""
    text = "Since the Establishment the İt the, since the Establishment the İt the"
    assert repair.repair_text(text)[0] == "Since the Establishment the İt the"
    assert selected(repeats._column_repeats(pl.Series([text])))[0]


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXTS | st.none(), max_size=12))
def test_repeat_probe_judges_each_row_of_a_column_alone(texts):
    """The probe hashes the words of all rows into one array: no repeat may reach across rows
    (the last words of one and the first of the next), and no row may shift."""
    column = pl.Series(texts, dtype=pl.String)
    alone = [
        repeats._column_repeats(pl.Series([text], dtype=pl.String)).to_list()[0] for text in texts
    ]
    assert repeats._column_repeats(column).to_list() == alone


@settings(max_examples=1000, deadline=None)
@given(st.lists(TEXTS, min_size=1, max_size=3).map(" ".join))
def test_fix_repeated_phrase_deletes_what_rescans_from_the_start_find(text):
    """Over the whole text, and over only the clauses the probe names (as repair_frame runs
    it), with repeat starts found in Python or with numpy: the same deletions, recorded with
    the same context."""
    exact = exact_fix_repeated_phrase(text)
    hint = repeats._column_repeats(pl.Series([text])).to_list()[0]
    few_words = repeats.FEW_WORDS
    try:
        for repeats.FEW_WORDS in (0, 10**9):
            for fast in (Work(text), Work(text, hint=hint)):
                repeats.fix_repeated_phrase(fast)
                assert (fast.text, fast.repairs) == (exact.text, exact.repairs)
    finally:
        repeats.FEW_WORDS = few_words


# The punctuation patterns as first written, before they were reordered for speed.
SLOW_PATTERNS = {
    # the colon after a word, bracket or quote, as the rule intends
    "_SPACE_BEFORE_MARK": r"(?:(?<=\S)[ \t]+([,.;])|(?<=[A-Za-z)\]\"”’])[ \t]+(:))(?=\s|$)",
    "_DOUBLE_SPACE": r"(?<=\S) {2,}(?=\S)",
    "_ELLIPSES": r"…{2,}",
}
PUNCTUATED = st.text(alphabet=' \t\n\u3000\xa0aZ1.,;:)]"”’…，（）', max_size=60)


@settings(max_examples=3000, deadline=None)
@given(PUNCTUATED)
def test_reordered_punctuation_patterns_match_alike(text):
    for name, slow in SLOW_PATTERNS.items():
        fast = getattr(punctuation, name)
        spans = [(m.span(), m.groups()) for m in re.finditer(slow, text)]
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == spans, name


ANCHORED = [
    (punctuation._FULL_WIDTH_MARK, punctuation._FULL_WIDTH_MARKS),
    (punctuation._OPEN_PAREN, punctuation._FULL_WIDTH_OPEN),
    (punctuation._CLOSE_PAREN, punctuation._FULL_WIDTH_CLOSE),
    (characters._MOJIBAKE_TOKEN, characters._MOJIBAKE_ANCHOR),
    (punctuation._SPACE_BEFORE_MARK, punctuation._MARKS_AFTER_SPACE),
    (punctuation._DOUBLE_SPACE, punctuation._SECOND_SPACE),
    (hyphens._SPACED_HYPHEN, hyphens._HYPHEN),
]
HYPHENATED = st.text(alphabet=" \t\naZ19-ndort", max_size=60)


@settings(max_examples=3000, deadline=None)
@given(PUNCTUATED | HYPHENATED | st.text(alphabet=" \t\n\x85\xa0a.ÂÃâ©€™\x80", max_size=60))
def test_anchored_search_finds_what_finditer_finds(text):
    for pattern, anchor in ANCHORED:
        anchored = [(m.span(), m.groups()) for m in _anchored_matches(text, pattern, anchor)]
        assert anchored == [(m.span(), m.groups()) for m in pattern.finditer(text)]


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=" \t\n\r\xa0ab.,", max_size=100), st.integers(0, 100))
def test_left_context_is_the_forward_search(text, start):
    """Work.record's left context, as the search it replaced found it."""
    slow = re.compile(r"(?:\S+[ \t]+){0,3}\S*$")
    window = text[max(0, start - 80) : start]
    forward = slow.search(text, max(0, start - 80), start).group()
    begin, stop, _ = _context_bounds_reference(window, "")
    assert window[begin:stop] == forward


def test_python_whitespace_is_what_the_piece_pattern_skips():
    spaces = pl.Series([chr(c) for c in range(0x110000) if chr(c).isspace()])
    assert spaces.str.contains(r"^[\s\x1c-\x1f]$").all()


SENTENCES = st.lists(
    st.sampled_from(["It is hot.", "Mr. Li said.", '"Go."', "!", "。", "No. 1", "U.S."])
    | st.text(alphabet="ab .!?\"')”’。\n\t\x1c\xa0\u3000", max_size=8),
    max_size=12,
).map(lambda parts: " ".join(parts + parts[: len(parts) // 2]))


@settings(max_examples=3000, deadline=None)
@given(st.lists(SENTENCES, min_size=1, max_size=4))
def test_duplicate_sentence_counts_are_exact(texts):
    counts = validate.duplicate_sentence_counts(pl.Series([*texts, None], dtype=pl.String))
    assert counts.to_list() == [*map(validate.duplicate_sentence_count, texts), None]


@settings(max_examples=1000, deadline=None)
@given(SENTENCES)
def test_sentences_end_with_a_sentence_last_char(text):
    for match in SENTENCE_END.finditer(text):
        assert match.group()[-1] in SENTENCE_LAST_CHARS


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="a1 \n\u3000（(【「）)】」，如皋年月日号\u3400\uf900", max_size=40))
def test_cjk_run_matches_as_first_written(text):
    slow = re.compile(
        r"[（(【「]?[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
        r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff1f\s]*"
    )
    assert [m.span() for m in CJK_RUN.finditer(text)] == [m.span() for m in slow.finditer(text)]
    if "月" not in text:
        assert CJK_DATE.search(text) is None


# Clauses opened twice, "Since the X of Y, since the X of Y": openers in any case (and
# letters whose case folds to theirs), words, and the punctuation that stops the flag.
CLAUSE_BITS = st.lists(
    st.sampled_from(["the", "Establishment", "of", "x", "İt", ",", ";", ".", " ", "\n", "-"]),
    max_size=6,
).map(" ".join)
OPENERS = st.sampled_from(["Since", "since", "SINCE", "ſince", "according to", "In order to"])
OPENED = st.builds(
    lambda before, first, phrase, between, again, after: (
        f"{before} {first} {phrase} {between}, {again} {phrase}{after}"
    ),
    CLAUSE_BITS,
    OPENERS,
    CLAUSE_BITS,
    CLAUSE_BITS,
    OPENERS,
    CLAUSE_BITS,
)

RULE_TEXTS = (
    TEXTS
    | PUNCTUATED
    | OPENED
    | st.text(
        alphabet=" \t\n\xa0aA.,-[…Ãâ©€™中文（）：Since, since the\u200b\u202e\ufeff", max_size=60
    )
    | st.lists(st.sampled_from(["the", "\u0301", "a\u0308", "of", "²", " ", ", ", ". "])).map(
        "".join
    )
)


@settings(max_examples=1500, deadline=None)
@given(RULE_TEXTS, st.sampled_from(["title", "body"]))
def test_every_probe_selects_every_text_its_fix_changes(text, part):
    """repair_frame runs a fix only where its probe says so: a missed text is a missed fix."""
    for rule in repair.RULES:
        work = Work(text, part)
        rule.fix(work)
        if (work.text, work.repairs, work.flags, work.truncated) != (text, [], [], False):
            assert selected(rule.probe(pl.Series([text]), part))[0], rule.name


def exact_fix_duplicate_sentence(text: str) -> Work:
    """Each duplicate cut out of a copy of the whole text, last one first."""
    work = Work(text)
    for start, end in reversed(repeats._duplicates(text)):
        left, right = work.text[:start], work.text[end:]
        new_left, new_right = (
            (left.rstrip(" \t"), right) if left[-1:] in " \t" else (left, right.lstrip(" \t"))
        )
        work.record("duplicate_sentence", len(new_left), len(work.text) - len(new_right), "")
        work.text = new_left + new_right
    return work


@settings(max_examples=3000, deadline=None)
@given(SENTENCES)
def test_fix_duplicate_sentence_cuts_what_cutting_copies_cuts(text):
    fast = Work(text)
    repeats.fix_duplicate_sentence(fast)
    exact = exact_fix_duplicate_sentence(text)
    assert (fast.text, fast.repairs) == (exact.text, exact.repairs)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Fr. Zhang was taken away. Fr. Hong was taken too.", 0),  # "Fr." twice: no sentence
        ("1. Roads are open. 2. Bridges. 1. Roads are open.", 1),  # a list's numbers: none
        ("One died at 8 a.m. on the 19th. Two were hurt at 9 a.m. on the 19th.", 0),
        ("The city opened a park. The city opened a park.", 1),
    ],
)
def test_a_repeated_sentence_has_two_words_or_more(text: str, count: int) -> None:
    assert validate.duplicate_sentence_count(text) == count
