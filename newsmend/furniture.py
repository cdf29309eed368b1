"""Page furniture: which kind of site furniture a line is (menus, breadcrumbs, share bars,
footers, captions, ...), from the patterns and word lists of `tables/furniture.toml`.

Furniture is recognised line by line, so a rule is one entry of the table: a new site's menu
word or footer phrase is a line of data, not a new branch of code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsmend.tables import read_toml

_TABLE = read_toml("furniture.toml")
MAX_FURNITURE_CHARS: int = _TABLE["max_chars"]
# Words are runs of letters, digits and a few joiners; CJK runs are covered by table words.
_LETTERS = "A-Za-z0-9\u00c0-\u024f\u0400-\u04ff\u0600-\u06ff\uac00-\ud7af"
_TOKEN = re.compile(rf"[{_LETTERS}][{_LETTERS}+&'’\-]*|[\u3040-\u30ff\u4e00-\u9fff]+")
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]+")
_LONGEST_CJK_WORD = 4


@dataclass(frozen=True)
class FurnitureKind:
    name: str
    patterns: tuple[re.Pattern[str], ...]
    words: frozenset[str]
    min_words: int
    in_body: str  # "always", "between_paragraphs" or "never": see furniture.toml


def _kind(name: str, entry: dict) -> FurnitureKind:
    words = {word for phrase in entry.get("words", []) for word in phrase.casefold().split()}
    return FurnitureKind(
        name=name,
        patterns=tuple(re.compile(p, re.IGNORECASE) for p in entry.get("patterns", [])),
        words=frozenset(words),
        min_words=entry.get("min_words", 1),
        in_body=entry.get("in_body", "never"),
    )


KINDS: tuple[FurnitureKind, ...] = tuple(_kind(n, e) for n, e in _TABLE["kinds"].items())
_PATTERNS = [pattern.pattern for kind in KINDS for pattern in kind.patterns]
_AT_START = [p for p in _PATTERNS if p.startswith("^") and "|" not in p]  # wholly anchored
# Every kind's patterns in two: a line none of them matches (most story lines) is searched
# twice, not once per pattern; the patterns anchored at the line's start are tried there only.
ANY_AT_START = re.compile("^(?:" + "|".join(f"(?:{p[1:]})" for p in _AT_START) + ")", re.IGNORECASE)
ANY_INSIDE = re.compile(
    "|".join(f"(?:{p})" for p in _PATTERNS if p not in _AT_START), re.IGNORECASE
)
IN_BODY: dict[str, str] = {kind.name: kind.in_body for kind in KINDS}
TOOLBAR_WORDS = next(kind.words for kind in KINDS if kind.name == "share_bar")
MIXED = "navigation"  # the kind of a line made of several kinds' words ("Search 简体 Wechat")
# View counters and font-size switches inside a byline line: "Browse: 1,024", "2639 Views",
# "阅读次数:5025", "Size:TTT", "[Print this page]".
_COUNTER = re.compile(
    r"(?i)\b(?:browse[ds]?|views?|hits|visits|clicks?|reads|page views)\s*(?:times)?\s*[:：]\s*[\d,]*(?:\s*times)?"
    r"|(?<![:\d])\b\d[\d,]*\s+(?:views|hits|visits|clicks|reads)\b(?!\s*[:：])"
    r"|(?:浏览次数|阅读次数|浏览量|点击数?)\s*[:：]?\s*[\d,]*"
    r"|(?i:\b(?:font\s*)?size\s*[:：]\s*[a-z+\-]{1,6}\b)"
    r"|(?i:[\[【]\s*(?:print this page|close (?:this )?window)\s*[\]】])"
)
_WORD = re.compile(r"[^\s|｜]+")


@lru_cache(maxsize=4096)
def _covered(run: str, words: frozenset[str]) -> bool:
    """A CJK run is made only of table words ("打印关闭" = "打印" + "关闭")."""
    if run in words:
        return True
    for size in range(min(len(run), _LONGEST_CJK_WORD), 0, -1):
        if run[:size] in words and _covered(run[size:], words):
            return True
    return False


def _tokens(text: str) -> list[str]:
    return [token.casefold() for token in _TOKEN.findall(text)]


def _made_of(tokens: list[str], words: frozenset[str]) -> bool:
    return all(
        _covered(token, words) if _CJK_RUN.fullmatch(token) else token in words for token in tokens
    )


ALL_WORDS = frozenset().union(*(kind.words for kind in KINDS))


def furniture_kind(line: str) -> str | None:
    """The kind of furniture a line is, or None for a line that may belong to a story. A line
    made of the words of several kinds ("Search 简体 Wechat") is navigation."""
    if len(line) > MAX_FURNITURE_CHARS:
        return None
    tokens = _tokens(line)
    patterned = ANY_AT_START.match(line) is not None or ANY_INSIDE.search(line) is not None
    for kind in KINDS:
        if patterned and any(pattern.search(line) for pattern in kind.patterns):
            return kind.name
        if kind.words and len(tokens) >= kind.min_words and _made_of(tokens, kind.words):
            return kind.name
    if len(tokens) >= 2 and _made_of(tokens, ALL_WORDS):
        return MIXED
    return None


def is_furniture_word(text: str) -> bool:
    """A word or two of a menu or toolbar ("News", "Print"), not a name."""
    tokens = _tokens(text)
    return bool(tokens) and _made_of(tokens, ALL_WORDS)


KEPT_MARKS = frozenset("()（）:：")


def strip_toolbar(line: str) -> str:
    """A line without its toolbar words and view counters ("2019-07-31 Download Print
    Comment" -> "2019-07-31", "2020-07-15 Browse:" -> "2020-07-15"), for reading what is left.
    The spacing between what is kept stays as it was (a gap of spaces separates fields)."""
    line = _COUNTER.sub(" ", line)
    line = _WORD.sub(_without_toolbar_word, line)
    return line.strip(" |｜")


def _without_toolbar_word(word: re.Match[str]) -> str:
    bare = word.group().casefold().strip("[]【】()（）|:：")
    if not bare:  # a bar alone goes; a round bracket may hold a source ("( Xinhua )"), a
        return word.group() if KEPT_MARKS.intersection(word.group()) else ""  # colon a label
    return "" if bare in TOOLBAR_WORDS else word.group()
