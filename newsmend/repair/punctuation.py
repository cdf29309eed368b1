"""Full-width punctuation in English text, spaces before marks, double spaces, ellipses."""

from __future__ import annotations

import re

from newsmend.repair.residue import CJK_CHAR
from newsmend.repair.rule import Anchor, Work, regex_rule, substitute

# --- punctuation ------------------------------------------------------------------------
_FULL_WIDTH = {"，": ",", "：": ":", "；": ";", "！": "!", "？": "?", "。": "."}
# Leading spaces are taken only from the start of their run ((?<![ \t])), so a long run of
# spaces is scanned once, not once per position in it.
_SPACES_BEFORE = r"(?:(?<![ \t])[ \t]*)?"
_FULL_WIDTH_MARK = re.compile(_SPACES_BEFORE + r"([，：；！？。])[ \t]*")
_OPEN_PAREN = re.compile(_SPACES_BEFORE + r"（[ \t]*")
_CLOSE_PAREN = re.compile(_SPACES_BEFORE + r"）")
# The three above start with an optional run, which the regex engine tries at every
# character: they are searched from their marks (substitute's anchor). The three below start
# with a character (the look-behinds after it), so the engine skips ahead to it.
_FULL_WIDTH_MARKS = Anchor(re.compile(r"[，：；！？。]"), chars="，：；！？。")
_FULL_WIDTH_OPEN = Anchor(re.compile(r"（"), chars="（")
_FULL_WIDTH_CLOSE = Anchor(re.compile(r"）"), chars="）")
# A colon only after a word, a bracket or a quote (not "2 : 1"); the look-behinds see the
# character before the first space.
_SPACE_BEFORE_MARK = re.compile(
    r"[ \t](?:(?<=\S[ \t])[ \t]*([,.;])|(?<=[A-Za-z)\]\"”’][ \t])[ \t]*(:))(?=\s|$)"
)
_DOUBLE_SPACE = re.compile(r" (?<=\S ) +(?=\S)")
# The two above are searched from their mark (spaces are too common to search from), or
# from their second space.
_MARKS_AFTER_SPACE = Anchor(re.compile(r"[,.;:](?<=[ \t][,.;:])(?=\s|$)"))
_SECOND_SPACE = Anchor(re.compile("  "), " ".__eq__)
_ELLIPSES = re.compile(r"……+")
_NO_SPACE_AFTER = set(')]}"”’,.;:!?\n')


def fix_punctuation(work: Work) -> None:
    """Full-width marks in English text become ASCII with English spacing (those touching
    Chinese are residue and stay for cjk_residue); no space before , . ; : ; no double spaces."""
    rule = "punctuation"

    def mark(m: re.Match) -> str | None:
        if _touches_cjk(m.string, m.start(1), m.end(1)):
            return None
        after = m.string[m.end() : m.end() + 1]
        return _FULL_WIDTH[m.group(1)] + ("" if not after or after in _NO_SPACE_AFTER else " ")

    def open_paren(m: re.Match) -> str | None:
        if CJK_CHAR.match(m.string, m.end()):
            return None
        before = m.string[m.start() - 1 : m.start()]
        return "(" if not before or before.isspace() or before in '([{"“' else " ("

    def close_paren(m: re.Match) -> str | None:
        if m.start() > 0 and CJK_CHAR.match(m.string, m.end() - 2):
            return None
        return ")" + (" " if m.string[m.end() : m.end() + 1].isalnum() else "")

    substitute(work, rule, _FULL_WIDTH_MARK, mark, anchor=_FULL_WIDTH_MARKS)
    substitute(work, rule, _OPEN_PAREN, open_paren, anchor=_FULL_WIDTH_OPEN)
    substitute(work, rule, _CLOSE_PAREN, close_paren, anchor=_FULL_WIDTH_CLOSE)
    mark_only = lambda m: m.group(1) or m.group(2)
    substitute(work, rule, _SPACE_BEFORE_MARK, mark_only, anchor=_MARKS_AFTER_SPACE)
    substitute(work, rule, _DOUBLE_SPACE, lambda m: " ", anchor=_SECOND_SPACE)
    substitute(work, rule, _ELLIPSES, lambda m: "…")


def _touches_cjk(text: str, start: int, end: int) -> bool:
    return bool(CJK_CHAR.match(text[start - 1 : start])) or bool(CJK_CHAR.match(text, end))


# After a mark, the fix's \s (Python's) is also \x1c-\x1f, which Rust's \s is not: the probe
# names them, or it would pass over a text the fix changes ("a ,\x1c").
PUNCTUATION = regex_rule(
    "punctuation",
    "full-width ，：；（）！？ to ASCII with spacing, no space before , . ; :, single spaces, …",
    fix_punctuation,
    r"[，：；！？。（）]|\S[ \t]+[,.;:](?:[\s\x1c-\x1f]|$)|\S {2,}\S|……",
)
