"""Text patterns shared by repair and validation, so both agree on what a sentence or residue is."""

from __future__ import annotations

import re

from newsmend.textcore import compiled

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A run of CJK ideographs with the CJK punctuation, quotes and spaces that sit inside it (and
# ASCII punctuation between ideographs: one Chinese sentence is one run), maybe after an
# opening bracket. The first character is one class (a bracket is then followed by an
# ideograph), so the regex engine skips ahead to it instead of trying every position.
CJK_RUN = re.compile(
    rf"[（(【「{_HAN}](?:(?<=[（(【「])[{_HAN}]|(?<![（(【「]))"
    rf"(?:[{_HAN}\u3000-\u303f\uff01-\uff1f\s“”‘’]|[,!?;:](?=[{_HAN}“‘]))*"
)
# Chinese dates are data the date parser reads, not untranslated residue.
CJK_DATE = re.compile(
    r"\d{2,4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?|\d{1,2}\s*月\s*\d{1,2}\s*[日号]"
)

# A sentence ends at . ! ? (or their full-width forms) followed by space or the end, unless
# the dot closes a common abbreviation or an initial ("No. 1", "Aug. 2", "U.S.").
_ABBREVIATIONS = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "No",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "St",
    "Co",
    "vs",
    "[A-Z]",
)
# Every character a sentence can end with (the last character SENTENCE_END matches).
SENTENCE_LAST_CHARS = ".!?\"'”’)。！？"
# The end mark comes first and the abbreviation look-behinds after it, so the regex engine only
# tries them at a . ! or ? instead of at every character (ten times faster on long bodies).
SENTENCE_END = re.compile(
    "(?:[.!?]"
    + "".join(rf"(?<!\b{a}[.!?])" for a in _ABBREVIATIONS)
    + r"""["'”’)]?|[。！？])(?=\s|$)"""
)


def sentence_spans_reference(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, surrounding whitespace excluded; the tail counts as one.
    The reference; sentence_spans is the compiled text core's (newsmend/textcore.py)."""
    spans, start = [], 0
    for match in [*SENTENCE_END.finditer(text), None]:
        end = match.end() if match else len(text)
        piece = text[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            spans.append((start + lead, start + len(piece.rstrip())))
        start = end
    return spans


sentence_spans = compiled.sentence_spans if compiled else sentence_spans_reference


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph or body, stripped, in order; the text between ends counts as one."""
    return [text[start:end] for start, end in sentence_spans(text)]


def residue_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of Chinese left in English text, Chinese dates excepted."""
    # Every Chinese date has a 月: most texts need no scan for dates.
    without_dates = CJK_DATE.sub(lambda m: " " * len(m.group()), text) if "月" in text else text
    spans = []
    for match in CJK_RUN.finditer(without_dates):
        run = match.group()
        spans.append((match.start(), match.start() + len(run.rstrip())))
    return spans


def untranslated_spans(text: str) -> list[str]:
    """Runs of Chinese left in English text, Chinese dates and glosses excepted."""
    return [
        text[start:end].strip()
        for start, end in residue_spans(text)
        if not is_gloss(text, start, end)
    ]


_OPENING_BRACKETS, _CLOSING_BRACKETS = "(（", ")）"
# What stands right before a gloss's bracket: an English word, a number or a closing quote.
_GLOSSED = re.compile(r"[A-Za-z0-9”\"’'][ \t]?$")
# After a gloss's closing bracket, at most a Chinese full stop or comma the run took along.
_GLOSS_TAIL = re.compile(r"[\u3000-\u303f\s]*+")


def is_gloss(text: str, start: int, end: int) -> bool:
    """A run of Chinese alone in brackets right after English ("Wu Hung-mo (吳宏謀)", "“against
    the tide” (逆潮流而动)"): the writer's gloss of the words before it, not text left
    untranslated."""
    opening = start if text[start] in _OPENING_BRACKETS else len(text[:start].rstrip(" \t")) - 1
    if opening < 0 or text[opening] not in _OPENING_BRACKETS:
        return False
    last = min(end + 2, len(text))
    closing = next((i for i in range(opening + 1, last) if text[i] in _CLOSING_BRACKETS), None)
    return (
        closing is not None
        and _GLOSS_TAIL.match(text, closing + 1).end() >= end  # nothing Chinese after it
        and _GLOSSED.search(text[max(0, opening - 2) : opening]) is not None
    )
