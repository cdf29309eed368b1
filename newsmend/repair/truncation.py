"""Text a page cut off: a dangling "[Cla", "[…]" or trailing dots removed, the record marked
truncated."""

from __future__ import annotations

import re

import polars as pl

from newsmend.repair.rule import Rule, Work

# --- truncation -------------------------------------------------------------------------

# A dangling bracket fragment ("[Cla", "[Click"), trailing dots, a bracketed ellipsis ("[…]")
# or two dots after a space ("Switzerland. ..") left where a page cut text.
_END_MARKER_PATTERN = (  # polars (no look-behind: its two dots need no space); \n?$ is Python's $
    r"(?:[ \t]*(?:[\[【](?:…|\.{3})[\]】]|[\[【][A-Za-z ]{0,20}|\.{2,}|…+))+[ \t]*\n?$"
)
# The same for Python's backtracking engine, with possessive runs: otherwise a run of dots that
# is not at the end ("....x") is cut into runs of 3+ dots every possible way (exponential).
_END_MARKER = re.compile(
    r"(?:[ \t]*+(?:[\[【](?:…|\.{3})[\]】]|[\[【][A-Za-z ]{0,20}+|\.{3,}+|(?<=[ \t])\.\.(?!\.)|…++))+"
    r"[ \t]*$"
)
_FINAL_PUNCTUATION = r"[.!?…。！？][\"'”’)）」]*\s*$"
_FINAL_PUNCTUATION_RE = re.compile(_FINAL_PUNCTUATION)
TAIL = 64  # characters at the end that truncation looks at


def _end_marker(text: str) -> re.Match | None:
    return _END_MARKER.search(text, max(0, len(text) - TAIL))


def _open_end(text: str) -> bool:
    return bool(text.strip()) and not _FINAL_PUNCTUATION_RE.search(text, max(0, len(text) - TAIL))


def fix_truncation(work: Work) -> None:
    """Remove a cut-off marker at the end and mark the record truncated; a body that stops
    mid-sentence (no final punctuation) is marked truncated too, with no change."""
    match = _end_marker(work.text)
    if match and match.start() > 0:
        work.record("truncation", match.start(), match.end(), "")
        work.text = work.text[: match.start()]
        work.truncated = True
    if work.part == "body" and _open_end(work.text):
        work.truncated = True


def _column_could_be_truncated(column: pl.Series, part: str) -> pl.Series:
    marked = column.str.contains(_END_MARKER_PATTERN)
    if part != "body":
        return marked
    open_end = ~column.str.contains(_FINAL_PUNCTUATION) & column.str.contains(r"\S")
    return marked | open_end


TRUNCATION = Rule(
    "truncation",
    "cut-off end ([Cla, [Click, trailing ..., […]) removed; mid-sentence body end marks truncated",
    fix_truncation,
    _column_could_be_truncated,
)
