"""One page's text cut into its parts: title, byline, body, then what follows the story
(related-headline list, credits, end marker), the teasers of other stories, and the site's
furniture wherever it stands.

A page is read as a layout of scored lines (docs/ARCHITECTURE.md, "How a page is read"):

1. Every non-blank line is one paragraph and gets a kind once (`_kind`): site furniture of a
   named kind (`furniture.py`), a byline line (date, source, credits), a list header, an end
   marker, a list entry, Chinese residue, or text.
2. The body starts at the first prose line (a text line that ends a sentence). The title is
   the best-scored title-like line above it (`_title_score`: near the body, followed by a
   byline, more than a couple of words), so breadcrumbs, site names and section names above
   a story lose to its headline; the byline lines next to the title are the byline.
3. The body runs to the first line that ends it (end marker, list, credits, furniture that
   ends bodies, the title of another story); captions inside it are dropped.
4. After the body come lists, credits and the end marker, then the other stories as blocks
   (a title line, its byline lines, a snippet line, its credit lines); furniture among them
   is dropped.

Every dropped furniture line is kept with its kind, to be counted. Every part keeps its
offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from newsmend.credits import (
    DATE_LABEL,
    caps_credit_start,
    caption_credits,
    has_label,
    is_bare_name,
    is_cjk_credit,
    is_picture_credit,
    is_site_name,
    looks_like_byline,
    looks_like_chinese_names,
    parse_credit_fields,
    parse_credit_line,
)
from newsmend.dates import find_date, looks_like_date, opening_date, parse_date
from newsmend.furniture import IN_BODY, KINDS, furniture_kind, strip_toolbar
from newsmend.tables import read_lines
from newsmend.textcore import compiled

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
# META is a byline line once its toolbar words are gone ("2019-07-31 Download Print").
TEXT, HEADER, END, CREDIT, RESIDUE, DATE, ENTRY, CHINESE, META = (
    "text", "header", "end", "credit", "residue", "date", "entry", "chinese", "meta",
)  # fmt: skip
FURNITURE_KINDS = frozenset(kind.name for kind in KINDS)  # the site's, from furniture.toml
AFTER_BODY = frozenset({HEADER, END, CREDIT, RESIDUE, DATE, ENTRY, META})  # lines that end a body
BYLINE_KINDS = frozenset({META, CREDIT, DATE})
SITE_NAME = "site_name"  # a furniture kind that may name the byline's outlet
CAPTION = "caption"
# A link to the rest of a story at the end of its text: "...[Read]", "Suzhou Street... [MORE]"
MORE_INSIDE = re.compile(
    r"(?<=\S)\s*(?:\.{3}|…)?\s*[\[【](?:more|read|read more|details)[\]】]", re.IGNORECASE
)
STAMP = re.compile(r"date \d{4}-\d{2}-\d{2}(?=\s+\S)")  # see _cells
DATE_CELL = re.compile(r"\S\s{3,}(?P<date>[0-9A-Z][^\s][^\n]{2,30})$")  # see _cells
# DATE_CELL's gap ends at most 32 characters before the line's end: a line without three
# spaces in a row in its last 35 characters (most lines) holds no such cell.
GAP, GAP_TAIL = re.compile(r"\s{3}"), 3 + 32
MAX_META_WORDS = 30  # a byline line is shorter than this
STRAY = "stray"  # a line that belongs to no part: between byline and story, among teasers
MAX_STRAY = 2
# A page that lists stories (T = title-like line, P = paragraph, M = byline or credit line):
# a paragraph, then stories of a title and one paragraph each, but for one in four at most
# (a title glued to its snippet reads as a second paragraph); the last titles may be cut.
LISTING_HEAD = re.compile(r"PM*")
LONGER_STORY_SHARE = 4
MAX_CUT_TITLES = 2
LATIN = re.compile(r"[A-Za-z]")
# A site's name glued after a headline: " - Hunan Government", "_Zhengzhou Portal", "| ..."
SITE_SUFFIX = re.compile(r"(?:\s[-–—]|[|｜_])\s*+(?P<site>[^-–—|｜_]{2,60})$")
MIN_TITLE_WORDS = 3  # what is left of a headline without the site's name
CONTENT_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}|[0-9]{2,}|[\u3400-\u9fff]{2,}")
STEM_CHARS = 5
LEAD_WORDS = 120  # how much of a story a headline's words are looked for in
LEAD_WEIGHT = 2.0  # a headline whose words are all in the lead gains as much as a byline
# A run of English in a line that mixes in Chinese, and a run of Chinese: see _english_half.
ENGLISH_RUN = re.compile(
    r"[\"“‘(\[]?[A-Za-z0-9][^\u3400-\u9fff\uff01-\uff5e丨]*[A-Za-z0-9.!?\"”’)\]]"
)
CJK_PHRASE = re.compile(r"[\u3400-\u9fff]{4,}")
# A snippet cut off mid-sentence ("... held in Silicon Valley. On the same day, the") is a
# paragraph too: a long line with a sentence of several words ended inside it.
MIN_SNIPPET_WORDS = 20
# A prose line ends a sentence (a closing quote or bracket may follow): with a full stop and
# two words, with "!" or "?" and more words than a headline that asks or exclaims, or with an
# ellipsis after as many words as a snippet (a shorter line is a headline cut short: "Sino-
# Russian lab to help advance Siberian ..."). A full stop ends a sentence, not an initialism
# ("... sister city in Midwest U.S.").
FULL_STOP = re.compile(r"(?<![.…])(?<!\b[A-Z]\.[A-Z])[.。][\"'”’)）]*$")
EXCLAMATION = re.compile(r"[!?！？][\"'”’)）]*$")
ELLIPSIS = re.compile(r"(?:\.{3}|…)[\"'”’)）]*$")
MIN_PROSE_WORDS = {FULL_STOP: 2, EXCLAMATION: 10, ELLIPSIS: MIN_SNIPPET_WORDS}
SENTENCE_ENDS = frozenset(".。…!?！？\"'”’)）")  # the last character of a line any of them ends
MAX_HEADLINE_WORDS = 20
TITLE_CASE_SHARE, TITLE_CASE_WORDS = 0.6, 40
ENUMERATOR = re.compile(r"\d{1,2}[.、)）]\s+(?=\S)")
MIN_WRAPS = 3  # lines going on in lowercase that show a page wrapped at a fixed width
MIN_WRAP_WIDTH, MAX_WRAP_WIDTH = 40, 100
WRAP_BAND = 30  # how much shorter than the width a wrapped line may be
MAX_BLURB_PARAGRAPHS, MAX_BLURB_WORDS = 2, 60  # a page's blurb before its first story
MIN_SIDEBAR_STORIES, MAX_SIDEBAR_WORDS, MIN_OWN_PARAGRAPHS = 2, 40, 3
INLINE_BULLET = re.compile(r"(?<!\s)\s++•\s++")  # a run of spaces searched once
MIN_INLINE_ENTRIES = 3
MAX_CHINESE_TITLE_CHARS = 60
HEADLINE_BYLINE = re.compile(
    r"\s(?P<credit>[Bb]y\s(?P<names>[A-Z][a-z]+(?:\s[A-Z][a-z]+){1,2}))"
    r"(?P<date>\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{1,2}-\d{1,2})?\s*$"
)
TRAILING_DATE = re.compile(r"\s[(\[]?(?P<date>\d{4}[-/.]\d{1,2}[-/.]\d{1,2})[)\]]?$")
MIN_TEASER_WORDS = 2  # a story's title, not a tag ("China")
MAX_LABEL_WORDS = 3  # a section's label above a headline ("Govts & policies")
SENTENCE_INSIDE = re.compile(
    r"(?<!\S)(?:\S++\s++){5}[^\s.!?]*+(?<=[a-z0-9])[.!?][\"'”’)）]*+\s++[\"“‘(]?[A-Z]"
)
# A list bullet; a dash only before text that does not end with one ("- END -" is a marker).
BULLET = re.compile(r"^(?:[•·●▪■◆◇▶►]\s*|[-–]\s+(?!.*[-–]$))")


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
    body: tuple[Span, ...]  # its paragraphs: a snippet, or the whole story
    meta: tuple[Span, ...] = ()  # its byline and credit lines ("Oct 20, 2017|By Tong Wangyue")

    @property
    def start(self) -> int:
        return self.title.start

    @property
    def end(self) -> int:
        return max(span.end for span in (*self.body, *self.meta))


@dataclass
class PageParts:
    title: Span | None
    bylines: list[Span]
    body: list[Span]
    list_headers: list[Span] = field(default_factory=list)
    furniture: list[tuple[str, Span]] = field(default_factory=list)  # (kind, line) dropped
    headlines: list[Headline] = field(default_factory=list)
    credits: list[Span] = field(default_factory=list)
    residue: list[Span] = field(default_factory=list)  # credits left in Chinese
    end_marker: Span | None = None
    teasers: list[Teaser] = field(default_factory=list)
    # A photo story's captions, kept as its text, and a picture credit cut from the end of
    # the text ("(Xinhua/Li Jianan)"): the photographers they name are credited.
    captions: list[Span] = field(default_factory=list)


def _lines(text: str) -> tuple[list[Span], set[int]]:
    """The non-blank lines, stripped (of a list bullet too), with their offsets; and the
    indexes of the lines that had a bullet. A date after a wide gap of spaces is a cell of
    its own ("New public facilities open in Hohhot      2017-05-24")."""
    spans, bulleted = [], set()
    for line in _unwrapped(_stripped_lines(text)):
        entries = _inline_entries(line)
        if len(entries) > 1:
            bulleted.update(range(len(spans), len(spans) + len(entries)))
            spans += entries
            continue
        bullet = BULLET.match(line.text)
        if bullet and line.text[bullet.end() :]:
            line = _cut(line, bullet.end(), len(line.text))
            bulleted.add(len(spans))
        spans += _cells(line)
    return spans, bulleted


def _inline_entries(line: Span) -> list[Span]:
    """The entries of a list the page ran together on one line ("China sees more loans  •
    Discover China: ...  • ..."), when there are at least MIN_INLINE_ENTRIES; else the line."""
    if "•" not in line.text:
        return [line]
    marks = list(INLINE_BULLET.finditer(line.text))
    if len(marks) + 1 < MIN_INLINE_ENTRIES:
        return [line]
    bounds = [0, *(i for m in marks for i in m.span()), len(line.text)]
    return [_cut(line, start, end) for start, end in zip(bounds[::2], bounds[1::2])]


def _stripped_lines(text: str) -> list[Span]:
    """The page's non-blank lines, stripped, with their offsets."""
    spans, offset = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = offset + len(line) - len(line.lstrip())
            spans.append(Span(stripped, start, start + len(stripped)))
        offset += len(line) + 1
    return spans


def _unwrapped(lines: list[Span]) -> list[Span]:
    """The lines with paragraphs that the page broke at a fixed width joined again. A page
    is wrapped when at least MIN_WRAPS lines go on in lowercase on the next line and all of
    them are about as long (the width); then a line that fills the width goes on on the next
    ("... held a live" / "video conference to announce ...")."""
    going_on = [
        len(line.text)
        for line, following in pairwise(lines)
        if following.text[0].islower() and not _ends_sentence(line)
    ]
    if len(going_on) < MIN_WRAPS or not MIN_WRAP_WIDTH <= max(going_on) <= MAX_WRAP_WIDTH:
        return lines
    width = max(going_on)
    if width - min(going_on) > WRAP_BAND:
        return lines
    joined, previous = [lines[0]], lines[0]
    for line in lines[1:]:
        filled = width - WRAP_BAND <= len(previous.text) <= width
        if (
            filled
            and len(previous.text) + 1 + len(line.text.split()[0]) > width
            and not _ends_sentence(previous)
        ):
            last = joined[-1]
            joined[-1] = Span(f"{last.text} {line.text}", last.start, line.end)
        else:
            joined.append(line)
        previous = line
    return joined


def _cells(line: Span) -> list[Span]:
    """A line, or its pieces: the text and the date that ends it after a wide gap; a story's
    text, the link to the rest of it ("... [MORE]") and what follows on the line; the date a
    page store glued before the page's first line ("date 2024-01-12 A glimpse into ...")."""
    stamp = STAMP.match(line.text) if line.text.startswith("date ") else None
    if stamp is not None:
        return [_cut(line, 0, stamp.end()), *_cells(_cut(line, stamp.end(), len(line.text)))]
    more = MORE_INSIDE.search(line.text) if "[" in line.text or "【" in line.text else None
    if more is not None:
        pieces = [(0, more.start()), more.span(), (more.end(), len(line.text))]
        return [_cut(line, *piece) for piece in pieces if line.text[slice(*piece)].strip()]
    if GAP.search(line.text, max(0, len(line.text) - GAP_TAIL)) is None:
        return [line]
    gap = DATE_CELL.search(line.text)
    if gap is None or not looks_like_date(gap["date"]):
        return [line]
    end = gap.start() + 1  # the gap's first character ends the text
    return [
        Span(line.text[:end], line.start, line.start + end),
        _cut(line, gap.start("date"), len(line.text)),
    ]


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


def _collapsed_length_reference(line: str) -> int:
    """The length of a line with its runs of spaces made one. The reference; collapsed_length
    is the compiled text core's (newsmend/textcore.py)."""
    return len(" ".join(line.split()))


collapsed_length = compiled.collapsed_length if compiled else _collapsed_length_reference


@lru_cache(maxsize=16384)
def _kind(line: str) -> str:
    """The kind of one line (cached: a site's menus, bars and footers repeat on every page)."""
    if len(line) <= MAX_MARKER_CHARS:
        squeezed = _squeeze(line)
        if squeezed in END_MARKERS:
            return END
        if squeezed in LIST_HEADERS:
            return HEADER
    if len(line) > MAX_TITLE_CHARS and collapsed_length(line) > MAX_TITLE_CHARS:
        return TEXT  # a paragraph: no date, credit or entry is that long
    if looks_like_date(line):
        return DATE
    if is_cjk_credit(line) and find_date(line) is None:
        return RESIDUE  # a credit in Chinese ("来源：台州日报"); "发布时间：2022-12-29" is a byline
    if parse_credit_line(line):
        return CREDIT
    furniture = furniture_kind(line)
    if furniture:
        return furniture
    dated = _dated_entry(Span(line, 0, len(line)))
    entry = dated is not None
    if entry and not has_label(line) and not _outlet_and_date(dated.title.text, line):
        return ENTRY  # "2022-08-02 | Title"; "Oct 20, 2017|By Tong Wangyue" is a byline
    if _is_meta(line):
        return META
    if entry:
        return ENTRY
    if not LATIN.search(line):
        return CHINESE
    return TEXT


def _outlet_and_date(title: str, line: str) -> bool:
    """A dated entry that is a byline: its "title" is an outlet's name
    ("|Xinhua|2019-04-04 11:39:37", "China Daily | 2020-05-12")."""
    return is_site_name(title.strip(" |｜")) and looks_like_byline(line)


def _is_meta(line: str) -> bool:
    """A byline line once its toolbar words and view counters are gone."""
    if len(line.split()) > MAX_META_WORDS:
        return False  # a paragraph, not a byline
    rest = strip_toolbar(line)
    label = DATE_LABEL.match(rest)  # "Issued at: 2022-05-12"
    return bool(rest) and (
        looks_like_date(rest)
        or looks_like_byline(rest)
        or (label is not None and parse_date(rest[label.end() :]) is not None)
    )


def _is_prose(line: Span, kind: str) -> bool:
    """Text that ends a sentence, or a snippet cut off after one: a paragraph, not a
    headline."""
    return kind == TEXT and _is_prose_text(line.text)


@lru_cache(maxsize=16384)
def _is_prose_text(text: str) -> bool:
    """Cached: a page's reading asks it of the same lines many times."""
    words = len(text.split())
    return (
        len(text) > MAX_TITLE_CHARS
        or (
            text[-1] in SENTENCE_ENDS
            and any(end.search(text) and words >= least for end, least in MIN_PROSE_WORDS.items())
        )
        or (words >= MIN_SNIPPET_WORDS and SENTENCE_INSIDE.search(text) is not None)
        or caps_credit_start(text) is not None  # "... on Aug 17. ZHANG WEI/CHINA DAILY"
    )


def _title_like(line: Span, kind: str) -> bool:
    """Text that may be a headline (one left in Chinese, or in full-width letters, too; not a
    paragraph left in Chinese)."""
    if kind == CHINESE:
        return len(line.text) <= MAX_CHINESE_TITLE_CHARS
    return kind == TEXT and not _is_prose(line, kind)


def _next_line(kinds: list[str], i: int) -> int:
    """Index of the next line after i that is not furniture (len(kinds) if none)."""
    i += 1
    while i < len(kinds) and kinds[i] in FURNITURE_KINDS:
        i += 1
    return i


def _byline_block(lines: list[Span], kinds: list[str], i: int, step: int) -> list[int]:
    """Indexes of the byline lines next to line i, going down (step 1) or up (step -1),
    furniture between them skipped. Going down, a site name among them ("CCTV.com" between
    the headline and its date) is the byline's outlet; going up, so is a section's label
    ("China Daily | Updated: 2016-02-03", "Govts & policies", then the headline)."""
    block = []
    i += step
    while 0 <= i < len(kinds) and (
        kinds[i] in BYLINE_KINDS
        or kinds[i] in FURNITURE_KINDS
        or (step < 0 and kinds[i] == TEXT and len(lines[i].text.split()) <= MAX_LABEL_WORDS)
    ):
        if kinds[i] in BYLINE_KINDS or (step > 0 and kinds[i] == SITE_NAME):
            block.append(i)
        i += step
    while block and kinds[block[-1]] == SITE_NAME:
        block.pop()  # a site name after the byline is the next part's masthead
    return block if step > 0 else block[::-1]


def _title_score(
    lines: list[Span], kinds: list[str], i: int, candidates: list[int], lead: set[str]
) -> float:
    """How much a title-like line looks like the story's headline: the nearest to the body
    wins unless it is a label of a couple of words; one a byline follows gains, and so does
    one that shares its words with the story's lead."""
    words = len(lines[i].text.split())
    score = -float(sum(1 for c in candidates if c > i))  # candidates between it and the body
    score -= 3 if words <= 2 else 1 if words == 3 else 0
    score -= 3 if lines[i].text.endswith((":", "：")) else 0
    following = _next_line(kinds, i)
    score += 2 if following < len(kinds) and kinds[following] in BYLINE_KINDS else 0
    return score + LEAD_WEIGHT * _shared_words(lines[i].text, lead)


def _stems(text: str) -> set[str]:
    """The longer words of a text, lowercased and cut to a crude stem ("villages",
    "village": "villa")."""
    return {word.lower()[:STEM_CHARS] for word in CONTENT_WORD.findall(text)}


def _lead(lines: list[Span], kinds: list[str], start: int) -> set[str]:
    """The stems of the story's first LEAD_WORDS words, from its first prose line on."""
    words: list[str] = []
    for line, kind in zip(lines[start:], kinds[start:]):
        if kind == TEXT:
            words += line.text.split()[: LEAD_WORDS - len(words)]
        if len(words) >= LEAD_WORDS:
            break
    return _stems(" ".join(words))


def _shared_words(line: str, lead: set[str]) -> float:
    """The share of a line's stems the lead uses: a headline says what its lead says; a
    menu, a site's name or another story's title mostly does not."""
    stems = _stems(line)
    return len(stems & lead) / len(stems) if stems else 0.0


def _headline(line: Span) -> Span:
    """The headline a title line holds: without its number in a collection ("1. Xiamen,
    Guadalajara light shows ..."), its Chinese half, or the site's name after it."""
    number = ENUMERATOR.match(line.text)
    if number is not None:
        line = _cut(line, number.end(), len(line.text))
    return _without_site_name(_english_half(line))


def _byline_after(title: Span) -> tuple[Span, list[Span]]:
    """A headline and the byline written after it on its line: a date ("Asian Mainstream
    Media Delegation Visited Tangshan City 2018-11-08"), a writer and a date glued to the
    name ("... major production hubs by Ning Hong09/09/2022"); the headline alone when none."""
    match = TRAILING_DATE.search(title.text) or HEADLINE_BYLINE.search(title.text)
    if match is None or len(title.text[: match.start()].split()) < MIN_TITLE_WORDS:
        return title, []
    if "names" in match.groupdict() and not looks_like_chinese_names(match["names"]):
        return title, []  # "... crowded by Tourists"
    fields = [name for name in ("credit", "date") if match.groupdict().get(name)]
    return _cut(title, 0, match.start()), [_cut(title, *match.span(name)) for name in fields]


def _without_site_name(title: Span) -> Span:
    """A headline without the site's name glued after it ("Wuxi opens new parks - Wuxi
    Government", "... | China Daily")."""
    match = SITE_SUFFIX.search(title.text)
    if match is None or len(title.text[: match.start()].split()) < MIN_TITLE_WORDS:
        return title
    site = match["site"].strip()
    named = is_site_name(site) or furniture_kind(site) == SITE_NAME
    return _cut(title, 0, match.start()) if named else title  # _cut strips the space before


def _english_half(title: Span) -> Span:
    """A headline written twice, in Chinese and in English ("[双语] 东南亚媒体走进中山
    Southeast Asian media discover charm of Zhongshan"), is its English half; a Chinese
    headline with an English label ("Spring in Zhengzhou 丨春到登封") stays whole."""
    halves = [m for m in ENGLISH_RUN.finditer(title.text) if len(m.group().split()) >= 4]
    if not halves or not CJK_PHRASE.search(title.text):
        return title
    half = max(halves, key=lambda m: len(m.group()))
    rest = title.text[: half.start()] + title.text[half.end() :]
    bilingual = CJK_PHRASE.search(rest) and not LATIN.search(rest)  # not "Luhuo County (炉霍县)"
    return _cut(title, half.start(), half.end()) if bilingual else title


def _first_prose(lines: list[Span], kinds: list[str]) -> int:
    """Index of the first prose line; when none is prose, of the second text line (the first
    is the title), or of the only one."""
    for i, (line, kind) in enumerate(zip(lines, kinds)):
        if _is_prose(line, kind):
            return i
    texts = [i for i, kind in enumerate(kinds) if kind in (TEXT, CHINESE)]
    return texts[1] if len(texts) > 1 else next(iter(texts), len(lines))


def _headline_after_all(lines: list[Span], kinds: list[str], i: int) -> bool:
    """Whether the first prose line, with no title-like line above it, is the headline after
    all: one with a byline under it, one the page writes again further down (as the text of
    a picture), or a short capitalised one with the story under it."""
    after = _next_line(kinds, i)
    if after < len(kinds) and kinds[after] in BYLINE_KINDS:
        return True
    if any(line.text == lines[i].text for line in lines[i + 1 :]):
        return True
    return (
        _headline_sized(lines[i]) and after < len(kinds) and _is_prose(lines[after], kinds[after])
    )


def _headline_sized(line: Span) -> bool:
    """One sentence short enough for a headline, its longer words capitalised ("Lanzhou
    Hosts The Silk Road Expo."): a headline with a full stop, not a lead's first sentence."""
    return (
        len(line.text.split()) <= MAX_HEADLINE_WORDS
        and SENTENCE_INSIDE.search(line.text) is None
        and _title_cased(line.text)
    )


def _title_cased(text: str) -> bool:
    """Most of its longer words capitalised, as headlines are written ("Li Huannan Led a Group
    to Visit the Senior Party Members ..."), paragraphs are not (the first TITLE_CASE_WORDS
    words tell)."""
    words = [
        word for word in text.split(maxsplit=TITLE_CASE_WORDS)[:TITLE_CASE_WORDS] if len(word) > 3
    ]
    capitals = sum(1 for word in words if not word[0].islower())
    return capitals >= TITLE_CASE_SHARE * len(words) > 0


def _head(lines: list[Span], kinds: list[str]) -> tuple[int | None, list[int], int]:
    """(title index or None, byline indexes, index of the first body line)."""
    prose = _first_prose(lines, kinds)
    candidates = [i for i in range(prose) if _title_like(lines[i], kinds[i])]
    if not candidates and prose < len(lines) and _headline_after_all(lines, kinds, prose):
        candidates = [prose]
    lead = _lead(lines, kinds, prose)
    title = (
        max(candidates, key=lambda i: (_title_score(lines, kinds, i, candidates, lead), i))
        if candidates
        else None
    )
    if title is None:
        bylines = [i for i in range(prose) if kinds[i] in BYLINE_KINDS]
    else:
        bylines = _byline_block(lines, kinds, title, 1) or _byline_block(lines, kinds, title, -1)
    start = max([title if title is not None else -1, *bylines]) + 1
    return title, bylines, _body_start(lines, kinds, start)


def _past_blurb(
    lines: list[Span], kinds: list[str], start: int
) -> tuple[int | None, list[int], int] | None:
    """The head of the first story when the body found at `start` is only the page's blurb
    ("This column shares news and stories about Anhui ...", "The full edition of the report
    is available at ..."): a paragraph or two with no byline, then a story with a headline
    and a byline (not one under the paragraph: then that is the first story). The blurb and
    the lines above it become strays; None when there is none."""
    prose = [i for i in range(start, len(lines)) if _is_prose(lines[i], kinds[i])]
    if not prose:
        return None
    end = prose[0]
    while end < len(lines) and _is_prose(lines[end], kinds[end]):
        end += 1
    words = sum(len(lines[i].text.split()) for i in range(prose[0], end))
    after = _next_line(kinds, end - 1)
    if end - prose[0] > MAX_BLURB_PARAGRAPHS or words > MAX_BLURB_WORDS:
        return None
    if after < len(kinds) and kinds[after] in BYLINE_KINDS:
        return None  # a story with its byline under it ("Jul 1, 2016 | Source: ...")
    marked = [
        STRAY if i < end and kind in (TEXT, CHINESE) else kind for i, kind in enumerate(kinds)
    ]
    title, bylines, body_start = _head(lines, marked)
    if title is None or not bylines or body_start >= len(lines):
        return None
    if not _is_prose(lines[body_start], marked[body_start]):
        return None
    kinds[:] = marked
    return title, bylines, body_start


def _body_start(lines: list[Span], kinds: list[str], i: int) -> int:
    """The first body line at or after i: furniture, Chinese residue of the byline and a
    Chinese paragraph over its translation are passed, and so are up to MAX_STRAY short text
    lines (a link, a kicker) when a paragraph follows them."""
    strays = 0
    while i < len(lines):
        if kinds[i] in FURNITURE_KINDS or kinds[i] == RESIDUE:
            i += 1
        elif kinds[i] == CHINESE and _prose_follows(lines, kinds, i):
            kinds[i] = STRAY  # the Chinese original of the paragraph under it
            i += 1
        elif (
            _title_like(lines[i], kinds[i])
            and strays < MAX_STRAY
            and _prose_follows(lines, kinds, i)
        ):
            kinds[i] = STRAY
            strays, i = strays + 1, i + 1
        else:
            return i
    return i


def _prose_follows(lines: list[Span], kinds: list[str], i: int) -> bool:
    following = _next_line(kinds, i)
    return following < len(lines) and _is_prose(lines[following], kinds[following])


def _starts_list(lines: list[Span], kinds: list[str], i: int) -> bool:
    """A text line (even one ending in a date) followed by a date line is the first title of
    a title-then-date list, unless it is too long for a title (then the list gives the date
    first) or a paragraph follows the date (then it is a story's title)."""
    return (
        kinds[i] in (TEXT, ENTRY)
        and i + 1 < len(kinds)
        and kinds[i + 1] == DATE
        and len(lines[i].text) <= MAX_TITLE_CHARS
        and not _prose_follows(lines, kinds, i + 1)  # then a story: title, date, snippet
    )


def _followed_by_title(kinds: list[str], i: int) -> bool:
    return i + 1 < len(kinds) and kinds[i + 1] in (TEXT, ENTRY)


def _read_body(
    lines: list[Span], kinds: list[str], bulleted: set[int], start: int, parts: PageParts
) -> int:
    """Fill the body from `start`; return the index of the first line after it. The body
    ends at a list, credits, furniture that ends bodies, or the title of another story."""
    listing = _is_listing(lines, kinds, start)
    for i in range(start, len(lines)):
        kind, line = kinds[i], lines[i]
        if kind in FURNITURE_KINDS and _dropped_in_body(lines, kinds, i):
            parts.furniture.append((kind, line))  # a caption, or a bar between paragraphs
        elif kind == CREDIT and is_bare_name(line.text) and i + 1 < len(lines):
            parts.credits.append(line)  # a name alone inside a story: a picture's credit
        elif (
            kind in FURNITURE_KINDS
            or kind in AFTER_BODY
            or _starts_list(lines, kinds, i)
            or (i > start and _starts_story(lines, kinds, bulleted, i, listing))
        ):
            return i
        else:
            parts.body.append(line)
            if caption_credits(line.text):
                parts.captions.append(line)  # a caption too long for furniture: credited
    return len(lines)


def _starts_story(
    lines: list[Span], kinds: list[str], bulleted: set[int], i: int, listing: bool
) -> bool:
    """A title-like line inside a body that starts something else: another story (on a
    listing page, or when a byline follows it) or a bulleted list of headlines."""
    if not _title_like(lines[i], kinds[i]):
        return False
    following = _next_line(kinds, i)
    if following >= len(lines):
        return listing
    if i in bulleted and following in bulleted:
        return True
    return listing or kinds[following] in (META, DATE)


def _is_listing(lines: list[Span], kinds: list[str], start: int) -> bool:
    """Whether the page from `start` lists stories (`LISTING`) rather than tells one."""
    shape = []
    for i in range(start, len(lines)):
        kind = kinds[i]
        if kind in FURNITURE_KINDS or kind == STRAY:
            continue
        if kind in BYLINE_KINDS or (kind == ENTRY and has_label(lines[i].text)):
            shape.append("M")
        elif kind == TEXT:
            title = _title_like(lines[i], kind)  # a long one is a snippet, unless capitalised
            if title and len(lines[i].text.split()) >= MIN_SNIPPET_WORDS:
                title = _title_cased(lines[i].text)
            shape.append("T" if title else "P")
        else:
            break
    head, *stories = "".join(shape).split("T")
    paragraphs = [story.count("P") for story in stories]
    while paragraphs and paragraphs[-1] == 0 and len(stories) - len(paragraphs) < MAX_CUT_TITLES:
        paragraphs.pop()  # the last titles, their snippets cut off by the page's end
    singles = paragraphs.count(1)
    return (
        LISTING_HEAD.fullmatch(head) is not None
        and singles >= 2
        and 0 not in paragraphs
        and len(paragraphs) - singles <= singles // LONGER_STORY_SHARE
    )


def _dropped_in_body(lines: list[Span], kinds: list[str], i: int) -> bool:
    """Furniture the body goes on after (furniture.toml, `in_body`)."""
    policy = IN_BODY[kinds[i]]
    if policy == "between_paragraphs":
        return _prose_follows(lines, kinds, i)
    return policy == "always"


def split_page(text: str) -> PageParts:
    """Cut a decoded page (newlines normalised, BOM stripped) into its parts."""
    lines, bulleted = _lines(text)
    kinds = [_kind(line.text) for line in lines]
    own, sidebar = _sidebar(lines, kinds)
    parts = _split_lines(lines[own:], kinds[own:], {i - own for i in bulleted if i >= own})
    if sidebar:
        told = {i for title, paragraphs in sidebar for i in (title, *paragraphs)}
        parts.teasers[:0] = [
            Teaser(lines[title], tuple(lines[i] for i in paragraphs))
            for title, paragraphs in sidebar
        ]
        parts.furniture[:0] = [
            (kinds[i] if kinds[i] in FURNITURE_KINDS else STRAY, lines[i])
            for i in range(own)
            if i not in told
        ]
    return parts


def _sidebar(lines: list[Span], kinds: list[str]) -> tuple[int, list[tuple[int, list[int]]]]:
    """A sidebar of other stories before the page's own story: at least MIN_SIDEBAR_STORIES
    of a headline and a one-sentence summary, then a headline with at least MIN_OWN_PARAGRAPHS
    paragraphs. Returns the index of the own story's headline and the sidebar's stories
    (headline index, paragraph indexes); (0, []) when there is none. Labels between the
    stories ("Binhai New Area") and furniture are passed."""
    stories: list[tuple[int, list[int]]] = []
    for i, (line, kind) in enumerate(zip(lines, kinds)):
        if kind in FURNITURE_KINDS or _is_prose(line, kind):
            continue
        following = _next_line(kinds, i)
        if not _title_like(line, kind) or following >= len(lines):
            break  # a byline, a list, a date: not a sidebar of headlines and snippets
        if not _is_prose(lines[following], kinds[following]):
            continue  # a label
        paragraphs = _paragraphs(lines, kinds, following)
        if len(paragraphs) >= MIN_OWN_PARAGRAPHS:
            return (i, stories) if len(stories) >= MIN_SIDEBAR_STORIES else (0, [])
        snippet = lines[paragraphs[0]].text
        if len(paragraphs) > 1 or len(snippet.split()) > MAX_SIDEBAR_WORDS:
            break
        if SENTENCE_INSIDE.search(snippet):
            break  # a story of its own (a digest's), not a one-sentence summary
        stories.append((i, paragraphs))
    return 0, []


def _split_lines(lines: list[Span], kinds: list[str], bulleted: set[int]) -> PageParts:
    """The parts of a page's lines (from its own story's headline on, after a sidebar)."""
    title, bylines, body_start = _head(lines, kinds)
    if not bylines:
        title, bylines, body_start = _past_blurb(lines, kinds, body_start) or (
            title,
            bylines,
            body_start,
        )
    if title is not None:
        for i in range(title + 1, len(lines)):
            if lines[i].text == lines[title].text:
                kinds[i] = CAPTION  # the headline again, as the text of a picture
    headline, after = _byline_after(_headline(lines[title])) if title is not None else (None, [])
    parts = PageParts(
        title=headline,
        bylines=[lines[i] for i in bylines] + after,
        body=[],
        residue=[lines[i] for i in range(body_start) if kinds[i] == RESIDUE],
        headlines=[
            Headline(lines[i], None)
            for i in range(body_start)
            if i in bulleted and i != title and _title_like(lines[i], kinds[i])
        ],  # a bulleted list of other stories above this one
        furniture=[
            (kinds[i], lines[i])
            for i in range(body_start)
            if kinds[i] in FURNITURE_KINDS or kinds[i] == STRAY
        ],
    )
    body_end = _read_body(lines, kinds, bulleted, body_start, parts)
    if not parts.body:  # a photo story: its captions are its text
        after = lines[title].end if title is not None else 0
        parts.body = [line for k, line in parts.furniture if k == CAPTION and line.start > after]
        parts.captions += parts.body
        parts.furniture = [(k, line) for k, line in parts.furniture if line not in parts.body]
    _split_off_credits(parts)
    teaser_start = _read_after_body(lines, kinds, bulleted, body_end, parts)
    going_on = all(_passable(kinds[j]) for j in range(body_end, teaser_start))
    _read_teasers(lines, kinds, teaser_start, parts, going_on)
    return parts


# A credit in brackets at the end of the story's last paragraph, or at the start of its first
# after a few words of dateline ("(By He Xin—Yiwu Business, translated by Wei Han)",
# "(Correspondent Zhao Lei) On May 5,", "Lvliang Daily (Reporter Wang Tao) On September 26,").
TRAILING_BY = re.compile(
    r"(?<=[.!?\"”] )(?P<credit>(?:Edited|Translated|Written|Compiled|Reported|Proofread) by"
    r" [A-Z][^.!?()]{2,80})$"
)
TRAILING_CREDIT = re.compile(r"[(（](?P<credit>[^()（）]{3,200})[)）][^()（）]{0,40}$")
LEADING_CREDIT = re.compile(
    r"^(?P<lead>[^()（）.!?。]{0,60}?)\s*[(（](?P<credit>[^()（）]{3,120})[)）]\s*[:：]?\s*"
)
MAX_LEAD_WORDS = 6  # "Lvliang Daily (Reporter Wang Tao) On September 26, ..."


def _split_off_credits(parts: PageParts) -> None:
    """Move a bracketed credit at either end of the body into the credits, and a date that
    opens the body into the byline."""
    if not parts.body:
        return
    last = parts.body[-1]
    signed = TRAILING_BY.search(
        last.text
    )  # "... on June 16. Edited by Lin Hong and Roger Bradshaw"
    if signed and parse_credit_fields(signed["credit"]):
        parts.credits.append(_cut(last, signed.start("credit"), signed.end("credit")))
        parts.body[-1] = last = _cut(last, 0, signed.start())
    caps = caps_credit_start(last.text)
    if caps is not None:  # "... on Aug 20. ZHANG WEI/CHINA DAILY": credited from the captions
        parts.body[-1] = last = _cut(last, 0, caps)
    match = TRAILING_CREDIT.search(last.text)
    picture = match is not None and is_picture_credit(match.group())
    if match and (picture or parse_credit_fields(match["credit"])):
        if not picture:  # a picture's is credited from the paragraph, a caption (_read_body)
            parts.credits.append(_cut(last, match.start("credit"), match.end("credit")))
        if match.start() > 0:
            parts.body[-1] = _cut(last, 0, match.start())
        else:
            parts.body.pop()  # the line was the credit (and a label after it)
        if not parts.body:
            return
    date, first = _opening_date(parts.body[0])
    parts.bylines += [date] if date else []
    parts.body[0] = first
    match = LEADING_CREDIT.match(first.text)
    if (
        match
        and match.end() < len(first.text)
        and len(match["lead"].split()) <= MAX_LEAD_WORDS
        and parse_credit_fields(match["credit"])
    ):
        parts.body[0] = _cut(first, match.end(), len(first.text))
        parts.credits.append(_cut(first, match.start("credit"), match.end("credit")))


def _opening_date(paragraph: Span) -> tuple[Span | None, Span]:
    """(the date glued to a paragraph's start, the rest): "2016-01-20At a time when ...";
    (None, the paragraph) when it opens with no date."""
    date = opening_date(paragraph.text)
    if date is None or date.end == len(paragraph.text):
        return None, paragraph
    return _cut(paragraph, 0, date.end), _cut(paragraph, date.end, len(paragraph.text))


def _cut(span: Span, start: int, end: int) -> Span:
    """Part of a span, stripped, with its offsets in the page."""
    piece = span.text[start:end]
    lead = len(piece) - len(piece.lstrip())
    text = piece.strip()
    return Span(text, span.start + start + lead, span.start + start + lead + len(text))


def _read_after_body(
    lines: list[Span], kinds: list[str], bulleted: set[int], i: int, parts: PageParts
) -> int:
    """Fill the list, credits and end marker of parts; return where the teasers start."""
    date_first: bool | None = None  # the order of two-line list entries, fixed by the first
    undated = False  # right under a list header, in a list of titles without dates
    while i < len(lines):
        kind, line = kinds[i], lines[i]
        if kind == DATE and date_first is not False and _followed_by_title(kinds, i):
            parts.headlines.append(Headline(lines[i + 1], line))
            date_first, i = True, i + 2
        elif date_first is not True and _starts_list(lines, kinds, i):
            parts.headlines.append(Headline(line, lines[i + 1]))
            date_first, i = False, i + 2
        elif (undated or i in bulleted) and _undated_entry(lines, kinds, i):
            parts.headlines.append(Headline(line, None))
            i += 1
        elif kind == TEXT or _starts_teaser(kinds, i):
            return i
        else:
            _add_after_body(kind, line, parts)
            i += 1
            undated = kind == HEADER or (undated and kind in FURNITURE_KINDS)
            continue
        undated = undated and parts.headlines[-1].date is None
    return i


def _undated_entry(lines: list[Span], kinds: list[str], i: int) -> bool:
    """A title-like line not followed by a prose snippet or a date: under a list header, a
    headline without a date ("Related news", then one title a line); not a menu's item of a
    word or two ("Attraction", "Culture Figures")."""
    if not _title_like(lines[i], kinds[i]) or len(lines[i].text.split()) < MIN_TITLE_WORDS:
        return False
    following = _next_line(kinds, i)
    snippet = _skip_meta(kinds, following)
    return following >= len(lines) or (
        kinds[following] != DATE
        and (snippet >= len(lines) or not _is_prose(lines[snippet], kinds[snippet]))
    )


def _starts_teaser(kinds: list[str], i: int) -> bool:
    """A dated one-line entry outside a list ("Zhejiang's latest notice (August 2, 2022)"
    after the credits) followed by text is a teaser's title."""
    return (
        kinds[i] == ENTRY
        and kinds[i - 1] not in (HEADER, ENTRY)
        and i + 1 < len(kinds)
        and kinds[i + 1] == TEXT
    )


def _add_after_body(kind: str, line: Span, parts: PageParts) -> None:
    if kind == HEADER:
        parts.list_headers.append(line)
    elif kind in (CREDIT, META):
        parts.credits.append(line)
    elif kind in (RESIDUE, CHINESE):
        parts.residue.append(line)
    elif kind == END:
        parts.end_marker = parts.end_marker or line
    elif kind == ENTRY:
        parts.headlines.append(_dated_entry(line))
    elif kind in FURNITURE_KINDS:
        parts.furniture.append((kind, line))


def _passable(kind: str) -> bool:
    """A line a story may go on after: a byline or credit line, or furniture that does not
    end bodies (a share bar; not a footer, a menu or a list)."""
    return kind in BYLINE_KINDS or (kind in FURNITURE_KINDS and IN_BODY[kind] != "never")


def _read_teasers(
    lines: list[Span], kinds: list[str], i: int, parts: PageParts, going_on: bool
) -> None:
    """Stories after the main one: a title line, its byline lines, a snippet line, and the
    credit lines after it. When `going_on` (only bylines and bars since the body), the
    paragraphs before the first of them are still the main story's. Furniture among them is
    dropped; any other line is a stray."""
    while i < len(lines):
        kind = kinds[i]
        snippet = _skip_meta(kinds, _next_line(kinds, i))
        if going_on and _is_prose(lines[i], kind):
            parts.body.append(lines[i])  # the story goes on after a byline or a bar
            i += 1
        elif (
            kind in (TEXT, ENTRY)
            and _title_like(lines[i], TEXT)
            and len(lines[i].text.split()) >= MIN_TEASER_WORDS
            and not lines[i].text.endswith((":", "："))  # a label ("Country:")
            and snippet < len(lines)
            and kinds[snippet] in (TEXT, ENTRY)
        ):
            going_on = False
            paragraphs = _paragraphs(lines, kinds, snippet)
            end = _skip_meta(kinds, _next_line(kinds, paragraphs[-1]))
            meta = tuple(lines[j] for j in range(i + 1, end) if kinds[j] in BYLINE_KINDS)
            date, first = _opening_date(lines[snippet])
            body = (first, *(lines[j] for j in paragraphs[1:]))
            parts.teasers.append(Teaser(lines[i], body, meta + ((date,) if date else ())))
            parts.furniture += [
                (kinds[j], lines[j]) for j in range(i + 1, end) if kinds[j] in FURNITURE_KINDS
            ]
            i = end
        else:
            parts.furniture.append((kind if kind in FURNITURE_KINDS else STRAY, lines[i]))
            going_on = going_on and (kind not in FURNITURE_KINDS or _passable(kind))
            i += 1


def _paragraphs(lines: list[Span], kinds: list[str], i: int) -> list[int]:
    """Indexes of a story's text from its first line: the paragraphs that follow it while
    each ends a sentence (a snippet cut off ends it), past furniture dropped in bodies."""
    found = [i]
    j = i + 1
    while j < len(lines) and _ends_sentence(lines[found[-1]]):
        if kinds[j] in FURNITURE_KINDS and not _dropped_in_body(lines, kinds, j):
            break  # a link to the rest of the story, a footer
        if _is_prose(lines[j], kinds[j]):
            found.append(j)
        elif kinds[j] not in FURNITURE_KINDS:
            break
        j += 1
    return found


def _ends_sentence(line: Span) -> bool:
    return line.text[-1] in SENTENCE_ENDS and any(end.search(line.text) for end in MIN_PROSE_WORDS)


def _skip_meta(kinds: list[str], i: int) -> int:
    """The first line at or after i that is no byline line (furniture passed)."""
    while i < len(kinds) and (kinds[i] in BYLINE_KINDS or kinds[i] in FURNITURE_KINDS):
        i += 1
    return i
