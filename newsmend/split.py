"""One page's text cut into its parts: title, byline, body, then the page furniture (related-
headline list, credits, end marker) and the teasers of other stories.

Every non-blank line is one paragraph. Each line gets a kind once; the body runs until the
first line that is furniture, the furniture until the first line that is none of it, and what
follows are teasers (a title line, then a snippet line). Every part keeps its offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from newsmend.credits import is_cjk_credit, looks_like_byline, parse_credit_line
from newsmend.dates import looks_like_date
from newsmend.tables import read_lines

# Longer lines are paragraphs, not headline titles.
MAX_TITLE_CHARS = 300
# A whole line "2022-08-02 | Title" or "Title | 2022-08-02", or "Title (2022/8/2)".
# The title is greedy where the date ends the line: the match then backtracks from the end.
DATE_BAR_TITLE = re.compile(r"(?P<date>[^|｜]{4,40}?)\s*[|｜]\s*(?P<title>.+)")
TITLE_BAR_DATE = re.compile(r"(?P<title>.+)[|｜]\s*(?P<date>[^|｜]{4,40})")
TITLE_PAREN_DATE = re.compile(r"(?P<title>.+)[(（](?P<date>[^()（）]{4,40})[)）]")
NOT_WORD = re.compile(r"[\W_]+")
BAR_FORMS = (DATE_BAR_TITLE, TITLE_BAR_DATE)
PAREN_FORMS = (TITLE_PAREN_DATE,)


def _squeeze(text: str) -> str:
    """Text as the marker and header tables compare it: letters and digits only, so
    "- END -", "—— END ——" and "【END】" are one marker."""
    return NOT_WORD.sub("", text).casefold()


END_MARKERS = frozenset(_squeeze(marker) for marker in read_lines("end_markers.txt"))
LIST_HEADERS = frozenset(_squeeze(header) for header in read_lines("list_headers.txt"))
MAX_MARKER_CHARS = 2 * max(map(len, END_MARKERS | LIST_HEADERS))  # longer lines are neither

# Line kinds. CHINESE is a line without English: body text in the body, residue after it.
TEXT, HEADER, END, CREDIT, RESIDUE, DATE, ENTRY, CHINESE = (
    "text", "header", "end", "credit", "residue", "date", "entry", "chinese",
)  # fmt: skip
FURNITURE = frozenset({HEADER, END, CREDIT, RESIDUE, DATE, ENTRY})
LATIN = re.compile(r"[A-Za-z]")


class Span(NamedTuple):
    """A piece of the page: its text and where it stands (a tuple: pages make many)."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Headline:
    title: Span
    date: Span | None

    @property
    def start(self) -> int:
        return min(self.title.start, self.date.start) if self.date else self.title.start

    @property
    def end(self) -> int:
        return max(self.title.end, self.date.end) if self.date else self.title.end


@dataclass(frozen=True)
class Teaser:
    title: Span
    body: Span

    @property
    def start(self) -> int:
        return self.title.start

    @property
    def end(self) -> int:
        return self.body.end


@dataclass
class PageParts:
    title: Span | None
    bylines: list[Span]
    body: list[Span]
    list_headers: list[Span] = field(default_factory=list)
    headlines: list[Headline] = field(default_factory=list)
    credits: list[Span] = field(default_factory=list)
    residue: list[Span] = field(default_factory=list)  # credits left in Chinese
    end_marker: Span | None = None
    teasers: list[Teaser] = field(default_factory=list)


def _lines(text: str) -> list[Span]:
    """The non-blank lines, stripped, with their offsets."""
    spans, offset = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = offset + len(line) - len(line.lstrip())
            spans.append(Span(stripped, start, start + len(stripped)))
        offset += len(line) + 1
    return spans


def _dated_entry(line: Span) -> Headline | None:
    """A one-line headline entry ("2022-08-02 | Title", "Title (2022/8/2)"), or None."""
    forms = PAREN_FORMS if line.text.endswith((")", "）")) else ()
    if "|" in line.text or "｜" in line.text:
        forms = BAR_FORMS + forms
    for form in forms:
        match = form.fullmatch(line.text)
        if match and looks_like_date(match["date"]) and len(match["title"]) <= MAX_TITLE_CHARS:
            return Headline(_sub_span(line, match, "title"), _sub_span(line, match, "date"))
    return None


def _sub_span(line: Span, match: re.Match[str], group: str) -> Span:
    """A group of a match in a line, stripped, as a span of the page."""
    text = match[group].rstrip()
    start = line.start + match.start(group)
    return Span(text, start, start + len(text))


def _kind(line: str) -> str:
    if len(line) <= MAX_MARKER_CHARS:
        squeezed = _squeeze(line)
        if squeezed in END_MARKERS:
            return END
        if squeezed in LIST_HEADERS:
            return HEADER
    if len(line) > MAX_TITLE_CHARS:
        return TEXT  # a paragraph: no date, credit or entry is that long
    if looks_like_date(line):
        return DATE
    if parse_credit_line(line):
        return CREDIT
    if is_cjk_credit(line):
        return RESIDUE
    if _dated_entry(Span(line, 0, len(line))):
        return ENTRY
    if not LATIN.search(line):
        return CHINESE
    return TEXT


def _starts_list(lines: list[Span], kinds: list[str], i: int) -> bool:
    """A text line (even one ending in a date) followed by a date line is the first title of a title-then-date list,
    unless it is too long for a title (then the list gives the date first)."""
    return (
        kinds[i] in (TEXT, ENTRY)
        and i + 1 < len(kinds)
        and kinds[i + 1] == DATE
        and len(lines[i].text) <= MAX_TITLE_CHARS
    )


def _followed_by_title(kinds: list[str], i: int) -> bool:
    return i + 1 < len(kinds) and kinds[i + 1] in (TEXT, ENTRY)


def _body_end(lines: list[Span], kinds: list[str], start: int) -> int:
    """Index of the first line of page furniture after the body."""
    for i in range(start, len(lines)):
        if kinds[i] in FURNITURE or _starts_list(lines, kinds, i):
            return i
    return len(lines)


def _title_and_bylines(lines: list[Span]) -> tuple[Span | None, list[Span], int]:
    """The title line (absent when the page opens with its byline), the byline lines
    ("Source: ..." then "Reporter ..." are two), and the index of the first body line."""
    title = lines[0] if lines and not looks_like_byline(lines[0].text) else None
    end = 1 if title else 0
    while end < len(lines) and looks_like_byline(lines[end].text):
        end += 1
    return title, lines[1 if title else 0 : end], end


def split_page(text: str) -> PageParts:
    """Cut a decoded page (newlines normalised, BOM stripped) into its parts."""
    lines = _lines(text)
    title, bylines, body_start = _title_and_bylines(lines)
    residue = []
    while body_start < len(lines) and is_cjk_credit(lines[body_start].text):
        residue.append(lines[body_start])  # the byline again, in Chinese
        body_start += 1
    kinds = [TEXT] * body_start + [_kind(line.text) for line in lines[body_start:]]
    body_end = _body_end(lines, kinds, body_start)
    parts = PageParts(title, bylines, lines[body_start:body_end], residue=residue)
    teaser_start = _read_furniture(lines, kinds, body_end, parts)
    _read_teasers(lines, kinds, teaser_start, parts)
    return parts


def _read_furniture(lines: list[Span], kinds: list[str], i: int, parts: PageParts) -> int:
    """Fill the list, credits and end marker of parts; return where the teasers start."""
    date_first: bool | None = None  # the order of two-line list entries, fixed by the first
    while i < len(lines):
        kind, line = kinds[i], lines[i]
        if kind == DATE and date_first is not False and _followed_by_title(kinds, i):
            parts.headlines.append(Headline(lines[i + 1], line))
            date_first, i = True, i + 2
        elif date_first is not True and _starts_list(lines, kinds, i):
            parts.headlines.append(Headline(line, lines[i + 1]))
            date_first, i = False, i + 2
        elif kind == TEXT or _starts_teaser(kinds, i):
            return i
        else:
            _add_furniture(kind, line, parts)
            i += 1
    return i


def _starts_teaser(kinds: list[str], i: int) -> bool:
    """A dated one-line entry outside a list ("Zhejiang's latest notice (August 2, 2022)"
    after the credits) followed by text is a teaser's title."""
    return (
        kinds[i] == ENTRY
        and kinds[i - 1] not in (HEADER, ENTRY)
        and i + 1 < len(kinds)
        and kinds[i + 1] == TEXT
    )


def _add_furniture(kind: str, line: Span, parts: PageParts) -> None:
    if kind == HEADER:
        parts.list_headers.append(line)
    elif kind == CREDIT:
        parts.credits.append(line)
    elif kind in (RESIDUE, CHINESE):
        parts.residue.append(line)
    elif kind == END:
        parts.end_marker = parts.end_marker or line
    elif kind == ENTRY:
        parts.headlines.append(_dated_entry(line))


def _read_teasers(lines: list[Span], kinds: list[str], i: int, parts: PageParts) -> None:
    """Pairs of a title line and a snippet line; furniture lines among them are skipped."""
    while i + 1 < len(lines):
        if kinds[i] in (TEXT, ENTRY) and kinds[i + 1] in (TEXT, ENTRY):
            parts.teasers.append(Teaser(lines[i], lines[i + 1]))
            i += 2
        else:
            i += 1
