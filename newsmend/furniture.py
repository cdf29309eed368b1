"""Page furniture: which kind of site furniture a line is (menus, breadcrumbs, share bars,
footers, captions, ...), from the patterns and word lists of `tables/furniture.toml`.

Furniture is recognised line by line, so a rule is one entry of the table: a new site's menu
word or footer phrase is a line of data, not a new branch of code.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import lru_cache

from newsmend.tables import read_lines, read_toml
from newsmend.textcore import compiled

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
    prompt: bool  # asks the reader to do something: never a source's name


def _kind(name: str, entry: dict) -> FurnitureKind:
    words = {word for phrase in entry.get("words", []) for word in phrase.casefold().split()}
    return FurnitureKind(
        name=name,
        patterns=tuple(re.compile(p, re.IGNORECASE) for p in entry.get("patterns", [])),
        words=frozenset(words),
        min_words=entry.get("min_words", 1),
        in_body=entry.get("in_body", "never"),
        prompt=entry.get("prompt", False),
    )


KINDS: tuple[FurnitureKind, ...] = tuple(_kind(n, e) for n, e in _TABLE["kinds"].items())
_PATTERNS = [pattern for kind in KINDS for pattern in kind.patterns]
_BRANCH, _LITERAL, _SUBPATTERN = (
    re._constants.BRANCH,  # type: ignore[attr-defined]
    re._constants.LITERAL,  # type: ignore[attr-defined]
    re._constants.SUBPATTERN,  # type: ignore[attr-defined]
)
MIN_NEEDLE = 3  # see _needles
RARE_MARKS = frozenset("@>")  # in few of a story's lines: worth looking for alone (_needles)


def _parsed(pattern: str) -> list:
    return list(re._parser.parse(pattern, re.IGNORECASE))  # type: ignore[attr-defined]


def _needles(items: list) -> tuple[str, ...] | None:
    """Lowercase pieces of plain text one of which every match of a parsed pattern holds: a
    run of literal characters, or one in each branch of an alternation or group the pattern
    always passes through, whichever gives the fewest pieces; None when it has none worth
    looking for. Pieces are looked for in a line folded as `re` folds case (_FOLD): one with
    a non-ASCII letter that has case is none, and one of fewer than MIN_NEEDLE ASCII
    characters is in too many lines to be worth it, unless it is one of the RARE_MARKS
    ("@" of an e-mail address, ">" of a breadcrumb trail)."""
    options, run = [], ""
    for op, argument in items:
        run = run + chr(argument) if op is _LITERAL else ""
        options.append((run.lower(),) if run.isascii() or run.lower() == run.upper() else None)
        if op is _BRANCH:
            found = [_needles(branch) for branch in argument[1]]
            options.append(None if None in found else sum(found, ()))
        elif op is _SUBPATTERN:
            options.append(_needles(argument[-1]))
    usable = [
        option
        for option in options
        if option
        and all(
            len(piece) >= MIN_NEEDLE or not piece.isascii() or piece in RARE_MARKS
            for piece in option
        )
    ]
    return min(usable, key=lambda option: (len(option), -min(map(len, option))), default=None)


def _anchored(pattern: str) -> bool:
    """Wholly anchored at the line's start ("^a|b" is not)."""
    return pattern.startswith("^") and _parsed(pattern)[0] == _parsed("^")[0]


def _any(patterns: list[re.Pattern[str]]) -> re.Pattern[str]:
    """Patterns in one: those anchored at the line's start are tried there only."""
    sources = [pattern.pattern for pattern in patterns]
    anchored = [f"(?:{p[1:]})" for p in sources if _anchored(p)]
    inside = [f"(?:{p})" for p in sources if not _anchored(p)]
    start = ["^(?:" + "|".join(anchored) + ")"] if anchored else []
    return re.compile("|".join(start + inside) or "(?!)", re.IGNORECASE)


# Every kind's patterns at once, so a line none of them matches (most story lines) costs few
# scans, not one per pattern: a pattern with needles is tried only when the line holds one;
# the others together, those anchored at the line's start there only.
_GATES = {pattern: _needles(_parsed(pattern.pattern)) for pattern in _PATTERNS}
UNGATED = _any([pattern for pattern, needles in _GATES.items() if not needles])
_BY_NEEDLE: dict[str, tuple[re.Pattern[str], ...]] = {}
for _pattern, _found in _GATES.items():
    for _needle in _found or ():
        _BY_NEEDLE[_needle] = (*_BY_NEEDLE.get(_needle, ()), _pattern)
NEEDLES = tuple(_BY_NEEDLE)  # and the patterns of each:
NEEDLED = tuple(_BY_NEEDLE.values())


_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def _folded_needles_reference(line: str, needles: tuple[str, ...]) -> list[int]:
    """The indexes of the needles a line holds once its ASCII capitals are lowered. The
    reference; folded_needles is the compiled text core's (newsmend/textcore.py)."""
    lowered = line.translate(_ASCII_LOWER)
    return [i for i, needle in enumerate(needles) if needle in lowered]


folded_needles = compiled.folded_needles if compiled else _folded_needles_reference
# What `re` matches to an ASCII letter ignoring case: the capitals, and four letters that are
# not ASCII (tests/test_furniture.py checks this against every character). A needle that is
# not ASCII has no case. So a line folded with this holds a needle where a match could be.
_FOLD = str.maketrans(
    {**{c: c.lower() for c in string.ascii_uppercase}, "\u0130": "i", "\u0131": "i"}
    | {"\u017f": "s", "\u212a": "k"}  # İ, ı, ſ and the Kelvin sign
)


def _needles_in(line: str, needles: tuple[str, ...]) -> list[int]:
    """The indexes of the needles a line holds in any case (see _needles)."""
    return folded_needles(line if line.isascii() else line.translate(_FOLD), needles)


IN_BODY: dict[str, str] = {kind.name: kind.in_body for kind in KINDS}
PROMPT_KINDS = frozenset(kind.name for kind in KINDS if kind.prompt)
TOOLBAR_WORDS = next(kind.words for kind in KINDS if kind.name == "share_bar")
MIXED = "navigation"  # the kind of a line made of several kinds' words ("Search 简体 Wechat")
# View counters and font-size switches inside a byline line: "Browse: 1,024", "2639 Views",
# "阅读次数:5025", "Size:TTT", "[Print this page]", "0 Comment(s)", "5 min read".
_COUNTER = re.compile(
    r"(?i)\b(?:browse[ds]?|views?|hits|visits|clicks?|reads|page views|(?:(?:read|view|click|visit)_?)?count|(?:number of|total) (?:visits|views|clicks|reads|browses)"
    r"|(?:browsing|reading|click(?:ing)?|visit) (?:times|volume|count))\s*(?:times)?\s*[:：]\s*[\d,]*(?:\s*times)?"
    r"|(?<![:\d])\b\d[\d,]*\s+(?:views|hits|visits|clicks|reads)\b(?!\s*[:：])"
    r"|(?:浏览次数|阅读次数|浏览量|点击数?)\s*[:：]?\s*[\d,]*"
    r"|(?<!\S)\d[\d,]*次(?!\S)"  # a count of views by the date: "2023-03-06 418次"
    r"|(?i:\b(?:font\s*|text\s*)?size\s*[:：]\s*[a-z]{1,6}[+\-]?(?:\s+[a-z]{1,6}[+\-]?){0,2}(?![\w+\-]))"
    r"|(?i:[\[【]\s*(?:print this page|close (?:this )?window)\s*[\]】])"
    r"|(?i:\b\d[\d,]*+\s*+comments?(?:\(s\))?)"  # "0 Comment(s)Print E-mail Xinhua, ..."
    r"|(?i:\b\d{1,3}\s*+(?:minutes?|mins?)(?:\s++read)?$)"  # a reading time: "12.08.2025 1 minute"
)
_WORD = re.compile(r"【[^】\s]*】|[^\s|｜【]+")  # "【Print】【Close】" is two words
_COUNTER_NEEDLES = _needles(_parsed(_COUNTER.pattern))


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
# A menu's row may hold one word of its own, its city's name, among five table words or more
MIN_NAMED_MENU_WORDS = 6


def _made_of_but_one(tokens: list[str]) -> bool:
    return sum(not _made_of([token], ALL_WORDS) for token in tokens) <= 1


SCRIPT = next(kind for kind in KINDS if kind.name == "script")
CAPTION = "caption"  # the kind of a picture's caption and of the picture itself


def _markdown_picture(line: str) -> bool:
    """A picture in Markdown, "![alt text](address)": a "](" after the line's last space opens
    an address of one character or more that the closing bracket ends. Read by hand, in one
    pass: as a pattern, the alt text's run backtracks over every "](" before the last."""
    last_space = max((i for i, c in enumerate(line) if c.isspace()), default=-1)
    address = line.find("](", max(2, last_space + 1))
    return line.startswith("![") and line.endswith(")") and 0 <= address <= len(line) - 4


def is_script(line: str) -> bool:
    """A line of the page's script left in its text, however long ("jQuery(document).ready(
    function() { jwplayer.key=..."), or of markup alone ("<tr id='FtE35p'><strong ..."); a
    script's line holds a bracket and a brace or a semicolon, markup opens with a tag, most
    paragraphs do neither, and are not searched."""
    return (
        ("(" in line and ("{" in line or ";" in line)) or line.lstrip("•0123456789. ")[:1] == "<"
    ) and any(pattern.search(line) for pattern in SCRIPT.patterns)


@lru_cache(maxsize=16384)
def furniture_kind(line: str) -> str | None:
    """The kind of furniture a line is, or None for a line that may belong to a story. A line
    made of the words of several kinds ("Search 简体 Wechat") is navigation. Cached: a dated
    entry's title is asked about again where the same headline stands alone."""
    if line.startswith("![") and _markdown_picture(line):
        return CAPTION  # a picture in Markdown, however long its address
    if len(line) > MAX_FURNITURE_CHARS:
        return SCRIPT.name if is_script(line) else None
    if "  " in line:
        return furniture_kind(" ".join(line.split()))  # "[FULL  STORY]": the table's spacing
    first = _TOKEN.search(line)  # a line of table words starts with one (most do not)
    tokens = _tokens(line) if first and _made_of([first.group().casefold()], ALL_WORDS) else []
    if "the" in tokens and sum(token in FUNCTION_WORDS for token in tokens) >= MIN_PHRASE_WORDS:
        tokens = []  # a phrase, not a row of items: "Report on the Work of the Government"
    patterned = _patterned(line)
    for kind in KINDS:
        if patterned and any(pattern.search(line) for pattern in kind.patterns):
            return kind.name
        if kind.words and len(tokens) >= kind.min_words and _made_of(tokens, kind.words):
            return kind.name
    if (len(tokens) >= 2 and _made_of(tokens, ALL_WORDS)) or _menu_row(line):
        return MIXED
    if len(tokens) >= MIN_NAMED_MENU_WORDS and _made_of_but_one(tokens):
        return MIXED  # a menu naming its city: "Home About Zhongshan News Business Culture"
    if "/" in line and _section_path(line):
        return MIXED
    if _glued_items(line):
        return MIXED
    return None


PATH_STEP = re.compile(r"\s?/\s")  # "Hong Kong/ Politics", "Jiangsu / Top News"
MAX_PATH_STEPS, MAX_STEP_WORDS = 3, 3


def _section_path(line: str) -> bool:
    """Where the page stands, a few capitalised steps between slashes, the last holding a
    menu's word ("Hong Kong/ Health & Environment"): navigation. A photographer and an
    agency ("Wang Rongjiang / SHINE") name no section."""
    steps = PATH_STEP.split(line)
    return (
        2 <= len(steps) <= MAX_PATH_STEPS
        and all(0 < len(step.split()) <= MAX_STEP_WORDS and step[:1].isupper() for step in steps)
        and any(_made_of([token], ALL_WORDS) for token in _tokens(steps[-1]))
    )


# A word running into the next, capitalised one ("TibetSpecial"); twice on a short line with
# no digit, label or stop, it is a menu whose items the store glued ("Photo album of
# TibetSpecial ReportMedia Voice"). A byline glues names too, but after a label or a date.
GLUED_WORDS = re.compile(r"[a-z]{3}[A-Z][a-z]{2}")
MIN_GLUES, MAX_GLUED_ROW_WORDS = 2, 12
NOT_IN_GLUED_ROW = re.compile(r"[0-9:：.!?。@/]")


def _glued_items(line: str) -> bool:
    return (
        len(GLUED_WORDS.findall(line)) >= MIN_GLUES
        and len(line.split()) <= MAX_GLUED_ROW_WORDS
        and NOT_IN_GLUED_ROW.search(line) is None
    )


# A row of a menu's items run together: many capitalised words and no function word, often
# after its section's name in capitals ("ABOUT Introduction Development Zones Officials
# Department Industrial Parks"); a headline that long has a function word in it.
MENU_ROW_WORDS, HEADED_MENU_ROW_WORDS, MIN_SECTION_CAPITALS = 10, 7, 5
FUNCTION_WORDS = frozenset(
    ["a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "with", "by", "and", "or",
     "as", "amid", "over", "after", "before", "into", "about", "under", "vs", "is", "are", "was",
     "be", "will", "these", "this", "that", "while", "its", "their", "his", "her", "when",
     "than", "through", "during", "between", "against", "via", "has", "have", "had", "were",
     "been", "not"]
)  # fmt: skip
MENU_ROW_MARKS = frozenset(".,;:!?\"“”'’()|")
MIN_PHRASE_WORDS = 4  # of FUNCTION_WORDS, "the" among them: a phrase, where menus' items are nouns


def _menu_row(line: str) -> bool:
    if "." in line or "," in line or not line[:1].isupper():
        return False  # most lines: sentences
    words = line.split()
    if len(words) < HEADED_MENU_ROW_WORDS:
        return False
    headed = len(words[0]) >= MIN_SECTION_CAPITALS and words[0].isalpha() and words[0].isupper()
    items = words[1:] if headed else words
    return (
        len(words) >= (HEADED_MENU_ROW_WORDS if headed else MENU_ROW_WORDS)
        and all(word[0].isupper() or word == "&" for word in items)
        and not any(word.casefold() in FUNCTION_WORDS for word in items)
        and not MENU_ROW_MARKS.intersection(line)
        and not any(char.isdigit() for char in line)
    )


def _patterned(line: str) -> bool:
    """Whether any kind's pattern matches the line."""
    return UNGATED.search(line) is not None or any(
        pattern.search(line) is not None
        for i in _needles_in(line, NEEDLES)
        for pattern in NEEDLED[i]
    )


def is_furniture_word(text: str) -> bool:
    """A word or two of a menu or toolbar ("News", "Print"), not a name."""
    tokens = _tokens(text)
    return bool(tokens) and _made_of(tokens, ALL_WORDS)


NOT_WORD = re.compile(r"[\W_]+")


def squeeze(text: str) -> str:
    """Text as the marker and header tables compare it: letters and digits only, so
    "- END -", "—— END ——" and "【END】" are one marker."""
    return NOT_WORD.sub("", text).casefold()


END_MARKERS = frozenset(squeeze(marker) for marker in read_lines("end_markers.txt"))


def is_end_marker(text: str) -> bool:
    """A story's end marker ("- END -", a press release's "Ends")."""
    return squeeze(text) in END_MARKERS


KEPT_MARKS = frozenset("()（）:：")


def strip_toolbar(line: str) -> str:
    """A line without its toolbar words and view counters ("2019-07-31 Download Print
    Comment" -> "2019-07-31", "2020-07-15 Browse:" -> "2020-07-15"), for reading what is left.
    The spacing between what is kept stays as it was (a gap of spaces separates fields)."""
    if _may_hold(line, _COUNTER_NEEDLES):
        line = _COUNTER.sub(" ", line)
    if line.isascii():
        spans = toolbar_word_spans(line, TOOLBAR_WORDS)
    else:
        spans = _toolbar_word_spans_reference(line, TOOLBAR_WORDS)
    spans = _toolbar_runs(line, spans)
    if spans:
        starts, ends = zip(*spans)
        line = "".join(line[a:b] for a, b in zip((0, *ends), (*starts, len(line))))
    return line.strip(" |｜")


def _toolbar_runs(line: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans that belong to a toolbar: a toolbar word between two words that stay is
    part of the text ("(People's Daily App) 15:27", "dispatch to the Evening News"); a bar
    or a counter's mark goes wherever it stands. A word stays beside a span when the gap
    between them holds more than spaces and bars."""
    if not spans:
        return spans
    edges = [0, *(edge for span in spans for edge in span), len(line)]
    worded = [bool(line[a:b].strip().strip("|｜").strip()) for a, b in zip(edges[::2], edges[1::2])]
    return [
        (a, b)
        for k, (a, b) in enumerate(spans)
        if not (worded[k] and worded[k + 1] and any(c.isalpha() for c in line[a:b]))
    ]


def _may_hold(line: str, needles: tuple[str, ...] | None) -> bool:
    """Whether a pattern with these needles (see _needles) may match in the line."""
    return needles is None or bool(_needles_in(line, needles))


def _goes(word: str, words: frozenset[str]) -> bool:
    """Whether strip_toolbar takes a word out: it is one of the toolbar's words once
    lower-cased and stripped of brackets, bars and colons; or it was only such marks."""
    bare = word.casefold().strip("[]【】()（）|:：")
    if not bare:  # a bar alone goes; a round bracket may hold a source ("( Xinhua )"), a
        return not KEPT_MARKS.intersection(word)  # colon a label
    return bare in words


def _toolbar_word_spans_reference(line: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """The (start, end) of the words of a line that strip_toolbar takes out. The reference;
    toolbar_word_spans is the compiled text core's, for ASCII lines (newsmend/textcore.py)."""
    return [word.span() for word in _WORD.finditer(line) if _goes(word.group(), words)]


toolbar_word_spans = compiled.toolbar_word_spans if compiled else _toolbar_word_spans_reference
