"""What each line of a page is: its kind (`_kind`), and the questions every stage asks of a
line (prose? title-like?). The lines themselves are made in text_lines.py."""

from __future__ import annotations

import re
import string
from functools import lru_cache

from newsmend.credits import (
    CHINESE_OUTLET,
    CONNECTORS,
    DATE_LABEL,
    PICTURE_CREDIT_END,
    caps_credit_start,
    has_label,
    is_cjk_credit,
    is_picture_credit,
    is_site_name,
    is_writer_name,
    looks_like_byline,
    opens_with_by,
    opens_with_person_label,
    parse_credit_line,
    read_dateline,
    site_domain,
)
from newsmend.dates import find_date, is_time_zone, looks_like_date, opening_date, parse_date
from newsmend.furniture import (
    END_MARKERS,
    IN_BODY,
    KINDS,
    SCRIPT,
    furniture_kind,
    is_script,
    squeeze,
    strip_toolbar,
)
from newsmend.split.parts import (
    BREADCRUMB,
    CAPTION,
    CHINESE,
    CREDIT,
    DATE,
    END,
    ENTRY,
    HEADER,
    META,
    RESIDUE,
    SITE_NAME,
    TEXT,
    Headline,
    Snippet,
    Span,
    _cut,
)
from newsmend.tables import read_lines
from newsmend.textcore import compiled

# Longer lines are paragraphs, not headline titles.
MAX_TITLE_CHARS = 300
COLONS = (":", "：")  # a line that ends in one labels what follows ("Country:"): no title
CREDIT_CLOSES = ("]", ")", "）")
OPENING_BRACKETS, CLOSING_BRACKETS = ("[", "【", "(", "（"), "]】)）"  # "[2023-05-06] Hunan ..."
BRACKETS = "".join(OPENING_BRACKETS) + CLOSING_BRACKETS
# A whole line "2022-08-02 | Title" or "Title | 2022-08-02", or "Title (2022/8/2)".
# The title is greedy where the date ends the line: the match then backtracks from the end.
DATE_BAR_TITLE = re.compile(r"(?P<date>[^|｜]{4,40}?)\s*[|｜]\s*(?P<title>.+)")
TITLE_BAR_DATE = re.compile(r"(?P<title>.+)[|｜]\s*(?P<date>[^|｜]{4,40})")
BRACKETED_DATE_TITLE = re.compile(
    r"(?P<date>[\[【(（](?P<inside>[^\]】)）]{3,25})[\]】)）])\s*+(?P<title>.+)"
)
TITLE_DASH_DATE = re.compile(
    r"(?P<title>.+)\s[-–—]\s++(?P<date>\S.{3,39})"
)  # "Title - May 6, 2023"
TITLE_PAREN_DATE = re.compile(r"(?P<title>.+)[(（](?P<date>[^()（）]{4,40})[)）]")
SPACED_DASHES = (" - ", " – ", " — ")
BAR_FORMS = (DATE_BAR_TITLE, TITLE_BAR_DATE)
PAREN_FORMS = (TITLE_PAREN_DATE,)


LIST_HEADERS = frozenset(squeeze(header) for header in read_lines("list_headers.txt"))
MAX_MARKER_CHARS = 2 * max(map(len, END_MARKERS | LIST_HEADERS))  # longer lines are neither
# A link to another story by its title: "Next: What Chinese Ate 4000 Years Ago".
_LINK_LABELS = sorted(read_lines("link_labels.txt"), key=len, reverse=True)
LINK_LINE = re.compile(
    rf"(?i:{'|'.join(re.escape(label) for label in _LINK_LABELS)})\s*+[:：]\s*+"
    r"(?P<title>\S+(?:\s\S+)+)"
)
FURNITURE_KINDS = frozenset(kind.name for kind in KINDS)  # the site's, from furniture.toml
AFTER_BODY = frozenset({HEADER, END, CREDIT, RESIDUE, DATE, ENTRY, META})  # lines that end a body
BYLINE_KINDS = frozenset({META, CREDIT, DATE})
MAX_META_WORDS = 30  # a byline line is shorter than this
# A line of a time stamp's words only: weekdays, months, numbers, times, a label; with a year
# or a time in it (see _unread_stamp).
STAMP_WORDS = re.compile(
    r"(?:[\s,.|/·:–-]|(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan(?:uary)?|feb(?:ruary)?"
    r"|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?|updated|published|posted|released|[ap]\.?m\.?)\b"
    r"|\d{1,4}(?:st|nd|rd|th|(?i:[ap]m))?\b)+"
)
STAMP_ANCHOR = re.compile(r"\b(?:19|20)\d\d\b|\d:\d\d")
MAX_STAMP_CHARS = 60
MAX_UNREAD_CREDIT_CHARS = 60  # a label and a name or two
# More words than this, and a stop: a credit glued to a sentence ("责任编辑：李娜The sea ...")
MAX_UNREAD_CREDIT_WORDS = 6
STAMP_TIME = re.compile(r"^\s*+\d{1,2}:\d{2}(?::\d{2})?")  # a stamp's time after its date
MAX_STAMP_TAIL_WORDS = 2  # a section's name before a stamp's count of views
MAX_DATED_SECTION_WORDS = 2  # a section's name after a date: "South China"; a headline says more
LATIN = re.compile(r"[A-Za-z]")
ASCII_LETTERS = string.ascii_letters.encode("ascii")
MIN_OTHERS_A_LETTER = 4  # more non-ASCII characters than this a Latin letter: a Chinese line
MIN_TITLE_WORDS = 3  # what is left of a headline without the site's name
# the site's name glued after a headline: " - Wuxi Government", "| China Daily", "_Portal"
SITE_SUFFIX = re.compile(
    r"(?:\s[-–—]|--|[|｜_])\s*+(?P<site>(?:[^-–—|｜_]|(?<=\w)-(?=\w)){2,60})$"
)  # a site's name may hold a hyphen between words: "_China Development Portal-National ..."
MAX_OUTLET_NAME_WORDS = 4  # an outlet's name alone: "South China Morning Post"
CJK_HEADLINE = re.compile(r"[\u4e00-\u9fff]{8}")  # more ideographs in a row than an outlet's name
# A snippet cut off mid-sentence ("... held in Silicon Valley. On the same day, the") is a
# paragraph too: a long line with a sentence of several words ended inside it.
MIN_SNIPPET_WORDS = 20
MAX_HEADLINE_WORDS = 20  # a headline is no longer (the same lines are read as snippets)
# Words a snippet cut at a length may stop on; a sentence or a headline never does ("Mayor
# weighs in" may end on "in", so particles are not among them). See _cut_mid_sentence.
CUT_ENDINGS = frozenset(
    {
        "of", "the", "a", "an", "and", "or", "to", "has", "have", "had", "was", "were", "is",
        "are", "that", "which", "with", "from", "by", "its", "their", "his", "her", "our", "than",
    }
)  # fmt: skip
MIN_CUT_SNIPPET_WORDS = 12
SUBTITLE_DASHES = ("—", "--", "－－", "– ", "- ")  # how a subtitle or a section's head opens
# A prose line ends a sentence (a closing quote or bracket may follow): with a full stop and
# two words, with "!" or "?" and more words than a headline that asks or exclaims, or with an
# ellipsis after MIN_CUT_WORDS words, where sites cut their snippets ("URUMQI, Sept. 24
# (Xinhua) — Chinese President Xi Jinping on Tuesday urged concerted efforts to…"; a shorter
# line is a headline cut short: "Sino-Russian lab to help advance Siberian ..."). A full stop
# ends a sentence, not an initialism ("... sister city in Midwest U.S.") nor a lower-case
# abbreviation ("Notice of SCIO press conference on June 17 (10 a.m.)").
FULL_STOP = re.compile(r"(?<![.…])(?<!\b[A-Za-z]\.[A-Za-z])[.。][\"'”’)）]*$")
EXCLAMATION = re.compile(r"[!?！？][\"'”’)）]*$")
KICKER_END = re.compile(r"[!?！？][\"'”’)）]*+\s++")  # "... keep safe! Xuhui Police ..."
MIN_KICKED_HEADLINE_WORDS = 4
ELLIPSIS = re.compile(r"(?:\.\.|…\.?)[\"'”’)）]*$")  # "...", "…", "….", or a site's ".."
MIN_CUT_WORDS = 12
MIN_PROSE_WORDS = {FULL_STOP: 2, EXCLAMATION: 10, ELLIPSIS: MIN_CUT_WORDS}
SENTENCE_ENDS = frozenset(".。…!?！？\"'”’)）")  # the last character of a line any of them ends
# A match of one of them starts in the last ENDING_CHARS characters before the closers.
CLOSERS, ENDING_CHARS = "\"'”’)）", 3
# Where a sentence ends inside a paragraph, with the quotes or brackets that close it, for
# counting a paragraph's sentences (repair's newsmend.text.SENTENCE_END also knows
# abbreviations: it cuts sentences to compare, not to count them).
SENTENCE_END = re.compile(r"[.!?。！？][\"'”’)）]*+(?:\s|$)")
TITLE_CASE_SHARE, TITLE_CASE_WORDS = 0.6, 40
MIN_DECK_HEADLINE_WORDS = 5  # a headline over its deck, not a section's label ("Govts & policies")
MAX_DECK_WORDS, MAX_DECK_CHARS = 12, 120  # a deck in sentence case, no byline under it
MAX_CHINESE_TITLE_CHARS = 60
MAX_DATED_SOURCE_CHARS = 12  # see _dated_chinese_source
SENTENCE_INSIDE = re.compile(
    r"(?<!\S)(?:\S++\s++){5}[^\s.!?]*+(?<=[a-z0-9])[.!?][\"'”’)）]*+\s++[\"“‘(]?[A-Z]"
)
ENUMERATOR = re.compile(r"(\d{1,2})[.、)）]\s+(?=\S)")  # "1. " before a story of a collection
# A wire's dateline before its headline, translated from "新华社哈尔滨5月25日电 题：":
# "Xinhua News Agency, Harbin, May 25th, title: ...", "Chinanews.com, Jiangmen, April 18th. Title:",
# or "题" left untranslated: "China News Agency, Tianjin, February 3rd: Tianjin Wetland ..."
DATELINE_TITLE = re.compile(
    r"(?P<agency>[A-Z][\w'’.&-]*+(?: [A-Z][\w'’.&-]*+){0,4}),\s*+(?:[A-Z][\w'’-]*+,?\s*+){0,2}"
    r"(?P<date>[A-Z][a-z]{2,8}\.?\s\d{1,2}(?:st|nd|rd|th)?(?:,?\s\d{4})?)"
    r"(?:[,.]?\s*+(?i:title|subject)\s*+)?[:：]\s*+"
)
# A document's section numeral opening a heading ("Ⅰ Active declaration", "II. Proactive
# services", "一、"): headings so numbered are one text's sections, not listed stories.
SECTION_NUMERAL = re.compile(
    r"(?:[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ]|(?:I{1,3}|IV|VI{0,3}|IX|X)[.、]|[一二三四五六七八九十]{1,2}、)\s*(?=\S)"
)


CONTENT_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}|[0-9]{2,}|[\u3400-\u9fff]{2,}")
STEM_CHARS = 5


def stems(text: str) -> set[str]:
    """The longer words of a text, lowercased and cut to a crude stem ("villages",
    "village": "villa")."""
    return {word.lower()[:STEM_CHARS] for word in CONTENT_WORD.findall(text)}


def shared_words(line: str, other: set[str]) -> float:
    """The share of a line's stems that another text's stems hold: a headline says what its
    lead says; a menu, a site's name or another story's title mostly does not."""
    own = stems(line)
    return len(own & other) / len(own) if own else 0.0


def _dated_entry(line: Span) -> Headline | None:
    """A one-line headline entry ("2022-08-02 | Title", "Title (2022/8/2)", "[08-02] Title",
    or a link to it: "Next: Title", undated), or None."""
    link = LINK_LINE.fullmatch(line.text)
    if link:
        return Headline(_sub_span(line, link, "title"), None)
    forms = PAREN_FORMS if line.text.endswith((")", "）")) else ()
    if "|" in line.text or "｜" in line.text:
        forms = BAR_FORMS + forms
    elif any(dash in line.text for dash in SPACED_DASHES):
        forms = (TITLE_DASH_DATE, *forms)
    for form in forms:
        match = form.fullmatch(line.text)
        if match and looks_like_date(match["date"]) and len(match["title"]) <= MAX_TITLE_CHARS:
            return Headline(_sub_span(line, match, "title"), _sub_span(line, match, "date"))
    match = (
        BRACKETED_DATE_TITLE.fullmatch(line.text)
        if line.text.startswith(OPENING_BRACKETS)
        else None
    )
    if match and looks_like_date(match["inside"].strip()) and not FULL_STOP.search(match["title"]):
        title = _sub_span(line, match, "title")
        if MIN_TITLE_WORDS <= word_count(title.text) <= MAX_META_WORDS:
            return Headline(title, _sub_span(line, match, "date"))
    return _date_then_title(line) if line.text[:1].isdigit() else None


def dated_writer(line: Span) -> bool:
    """A date and a writer's name on one line ("2018/03/09 | Kevin McCauley"): a listed
    story's byline, not a dated entry titled with a name."""
    entry = _dated_entry(line)
    return (
        entry is not None
        and entry.date is not None
        and is_writer_name(entry.title.text.strip(" |｜"))
    )


MIN_DATED_TITLE_WORDS = 4  # fewer after a date are a byline's: "2024-11-05 China Daily HaiPress"


def _date_then_title(line: Span) -> Headline | None:
    """A title after its full date, glued to it or not ("2024-06-12Taiwan’s Only Selected
    City: ...", "2024-06-05 Next Level Taiwan-US Hip-Hop Night ..."): a list's entry; a
    sentence after its date is a dated snippet's, a few words a byline's."""
    date, title = _title_after_date(line)
    if date is None or not title.text[:1].isupper() and not title.text[:1].isdigit():
        return None
    if word_count(title.text) < MIN_DATED_TITLE_WORDS or _is_prose_text(title.text):
        return None  # a listed story's snippet under its title ("2016-01-20At a time when ...")
    return Headline(title, date) if looks_like_date(date.text) else None


def _number(line: Span) -> int | None:
    """The number of a numbered title ("2. Xiamen, Fortaleza stage video conference")."""
    match = ENUMERATOR.match(line.text)
    return int(match[1]) if match else None


def _without_number(line: Span) -> Span:
    """A numbered title without its number."""
    match = ENUMERATOR.match(line.text)
    return _cut(line, match.end(), len(line.text)) if match else line


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


def _word_count_reference(text: str) -> int:
    """How many words text holds. The reference; word_count is the compiled text core's,
    which does not make the words (newsmend/textcore.py)."""
    return len(text.split())


word_count = compiled.word_count if compiled else _word_count_reference


def _kind(line: str) -> str:
    """The kind of one line. A paragraph's is told at once and not cached: paragraphs seldom
    repeat, and in the cache they would push out the shorter lines that do."""
    if len(line) > MAX_TITLE_CHARS and collapsed_length(line) > MAX_TITLE_CHARS:
        if is_script(line):
            return SCRIPT.name
        return CHINESE if _chinese(line) else TEXT  # no marker, date, credit or entry is that long
    return _short_kind(line)


@lru_cache(maxsize=32768)
def _short_kind(line: str) -> str:
    """The kind of a line no longer than a title (cached: a site's menus, bars and footers,
    the headlines of its other stories and its credit lines repeat across pages)."""
    if len(line) <= MAX_MARKER_CHARS:
        squeezed = squeeze(line)
        if squeezed in END_MARKERS:
            return END
        if squeezed in LIST_HEADERS:
            return HEADER
    if looks_like_date(line) or _date_after_preposition(line):
        return DATE
    if is_cjk_credit(line) and find_date(line) is None:
        return RESIDUE  # a credit in Chinese ("来源：台州日报"); "发布时间：2022-12-29" is a byline
    if parse_credit_line(line):
        return CREDIT
    if is_picture_credit(line):
        return CAPTION  # a picture's or a video's source alone: "[Video/Ningbo TV]"
    if LINK_LINE.fullmatch(line):
        return ENTRY  # before furniture: "Next article: Title" is no pager
    furniture = furniture_kind(line)
    if furniture == BREADCRUMB and _date_and_section(line):
        return META  # "2021-08-25 > All chapters": no trail of links opens with a date
    if furniture == SITE_NAME and _headline_and_site(line):
        return TEXT  # "Wuxi opens new parks_Wuxi Government Portal": the title trims the site
    if furniture:
        return META if _toolbar_with_byline(furniture, line) else furniture
    dated = _dated_entry(Span(line, 0, len(line)))
    entry = dated is not None and not _no_title(dated.title.text.strip(" |｜"))
    if entry and not has_label(line):  # "2022-08-02 | Title"; "Oct 20, 2017|By Tong Wangyue"
        return META if _outlet_and_date(dated.title.text, line) else ENTRY
    if _is_meta(line) or _unread_stamp(line) or _counted_stamp(line) or _unread_credit(line):
        return META
    if _outlet_name(line):
        return SITE_NAME  # "South China Morning Post", "Dongguan News": no headline
    if entry:
        return ENTRY
    if _chinese(line):
        return META if _dated_chinese_source(line) else CHINESE
    return TEXT


def _dated_chinese_source(line: str) -> bool:
    """A date, then a few words of Chinese or Chinese credits and no more ("2020-12-20
    中國日報網英語點津", "2024-07-22 09:16:43 [撰稿:万姗姗] [来源:华声在线]"), or credits or a
    known source before it: the story's date and its source, as a bilingual page's Chinese
    half writes them."""
    found = find_date(line)
    if found is None:
        return False
    before = [piece.strip(BRACKETS) for piece in line[: found.start].split()]
    after = [piece.strip(BRACKETS) for piece in line[found.end :].split()]
    return bool(before or after) and (
        all(is_cjk_credit(piece) or is_site_name(piece) for piece in before)
        and all(_chinese_source(piece) for piece in after)
    )  # before the date, a headline of a few Chinese words may stand: "长沙地铁6号线开通"


def _chinese_source(piece: str) -> bool:
    """A word of Chinese short enough for a source's name, or a credit in Chinese."""
    return (0 < len(piece) <= MAX_DATED_SOURCE_CHARS and _chinese(piece)) or is_cjk_credit(piece)


def _no_title(text: str) -> bool:
    """What a dated entry holds after its date that is no story's title: furniture ("|
    Hits: 345"), a time zone ("16:40, 03 May 2016 | GMT +6")."""
    return furniture_kind(text) is not None or is_time_zone(text)


def _headline_and_site(line: str) -> bool:
    """A headline with the site's name glued after it: words enough before the separator,
    and they are no furniture."""
    match = SITE_SUFFIX.search(line)
    if match is None:
        return False
    head = line[: match.start()]
    return len(head.split()) >= MIN_TITLE_WORDS and furniture_kind(head) is None


def _toolbar_with_byline(furniture: str, line: str) -> bool:
    """A bar that also holds the story's date ("Font size: A A A  2022-01-01 10:20") is a
    byline line: its toolbar words go when it is read."""
    return (
        IN_BODY[furniture] == "between_paragraphs"
        and find_date(line) is not None
        and _is_meta(line)
    )


def _chinese(line: str) -> bool:
    """A line without English, or with a few Latin letters among many more other characters
    ("欧美 I 99国产 I ... www天天 I ..." is a line of Chinese links)."""
    if line.isascii():
        return LATIN.search(line) is None
    ascii_part = line.encode("ascii", "ignore")
    letters = len(ascii_part) - len(ascii_part.translate(None, ASCII_LETTERS))
    return letters == 0 or len(line) - len(ascii_part) > MIN_OTHERS_A_LETTER * letters


def _outlet_and_date(title: str, line: str) -> bool:
    """A dated entry that is a byline: its "title" is one word, an outlet's name, a writer's with it
    ("|Xinhua|2019-04-04 11:39:37", "China Daily | 2020-05-12", "Li Hua | Hunan Daily |
    2023-05-06", "[South China Morning Post] - 28/12/2024") or opens with "By"."""
    title = title.strip(" |｜[]【】")
    if opens_with_by(title):
        return True  # "Dec. 22, 2023 | By a Minghui correspondent in Jiangxi Province"
    if " " not in title:
        # one word is no headline: a place or a site ("2 July 2021 | Yangzhou"); but Chinese
        # longer than an outlet's name is ("第六届世界龙狮锦标赛在浦东举办 - 2017年09月26日")
        return CJK_HEADLINE.search(title) is None
    return (is_site_name(title) or parse_credit_line(title) is not None) and looks_like_byline(line)


def _date_and_section(line: str) -> bool:
    """A date, then its story's section or region after a bar or an arrow ("2024-06-28 |
    South China", "2021-08-25 > All chapters"): a byline's line; a headline says more."""
    found = opening_date(line)
    if found is None:
        return False
    words = line[found.end :].strip(" |｜>»").split()
    return 0 < len(words) <= MAX_DATED_SECTION_WORDS and words[0][:1].isupper()


def _is_meta(line: str) -> bool:
    """A byline line once its toolbar words and view counters are gone."""
    if word_count(line) > MAX_META_WORDS:
        return False  # a paragraph, not a byline
    rest = strip_toolbar(line).strip("[]【】 ")  # "[ 2009-11-18 16:31]     字號 [] [] []"
    label = DATE_LABEL.match(rest)  # "Issued at: 2022-05-12"
    return bool(rest) and (
        looks_like_date(rest)
        or looks_like_byline(rest)
        or (label is not None and parse_date(rest[label.end() :]) is not None)
    )


def _unread_stamp(line: str) -> bool:
    """A time stamp the date reader cannot read ("Monday, 24th, 2025 | 5:25PM Updated": its
    month lost): a byline's line, never a headline."""
    return len(line) <= MAX_STAMP_CHARS and bool(
        STAMP_WORDS.fullmatch(line) and STAMP_ANCHOR.search(line)
    )


def _unread_credit(line: str) -> bool:
    """A short credit line whose names the name reader could not read ("author:Microscopic
    scriptures": a WeChat account's name translated): a byline's line, never a headline."""
    return (
        len(line) <= MAX_UNREAD_CREDIT_CHARS
        and not (line.endswith(".") and word_count(line) > MAX_UNREAD_CREDIT_WORDS)
        and opens_with_person_label(line)
    )


def _counted_stamp(line: str) -> bool:
    """A time stamp, then a word or two and the count of views ("2024/07/0202:31:33 hotcomm
    1336": daydaynews' date, its section's slug, the views): a byline's line."""
    if len(line) > MAX_STAMP_CHARS or not line[-1:].isdigit():
        return False
    found = find_date(line)
    if found is None or found.start != 0:
        return False
    tail = STAMP_TIME.sub("", line[found.end :]).split()
    return 2 <= len(tail) <= MAX_STAMP_TAIL_WORDS + 1 and tail[-1].isdigit()


def _is_prose(line: Span, kind: str) -> bool:
    """Text that ends a sentence, or a snippet cut off after one (or before it, where the
    layout shows a listed story's `Snippet`): a paragraph, not a headline."""
    return kind == TEXT and (isinstance(line, Snippet) or _is_prose_text(line.text))


def _reads_as_summary_text(paragraph: str) -> bool:
    """Prose, or a sentence longer than a headline whose stop the site left off ("With the
    fully loaded cargo flight departing from Harbin ... exceeded $100 million on July 25")."""
    return _is_prose_text(paragraph) or word_count(paragraph) >= MIN_SNIPPET_WORDS


@lru_cache(maxsize=16384)
def _is_prose_text(text: str) -> bool:
    """Cached: a page's reading asks it of the same lines many times."""
    if len(text) > MAX_TITLE_CHARS:
        return True  # a paragraph: its words need no counting
    words = len(text.split())
    # "Laying Golden Eggs! Lianyungang “Goose Sister” Now Big Time Businesswomen!" is a title,
    # and so is "RMB 12.6 billion yuan! 20 Projects Having Signed Contract ... Again!"
    exclaimed = EXCLAMATION.search(text) is not None and _title_cased(text)
    ends = text[-1] in SENTENCE_ENDS and any(
        _ends(end, text) and words >= least and not (end is EXCLAMATION and exclaimed)
        for end, least in MIN_PROSE_WORDS.items()
    )
    return (
        ends
        or (
            words >= MIN_SNIPPET_WORDS
            and not exclaimed
            and SENTENCE_INSIDE.search(text)
            and not _headline_after_kicker(text)
        )
        or (words >= MIN_CUT_SNIPPET_WORDS and _cut_mid_sentence(text))
        or caps_credit_start(text) is not None  # "... on Aug 17. ZHANG WEI/CHINA DAILY"
    )


def _headline_after_kicker(text: str) -> bool:
    """An exclaimed kicker, then a headline in title case without a stop ("Thousands of
    police officers are fighting hard to keep safe! Xuhui Police Deeply Promotes ... Summer
    Public Security Crackdown"): a machine-translated headline, not a paragraph."""
    kicker = KICKER_END.search(text)
    if kicker is None or text[-1] in SENTENCE_ENDS:
        return False
    headline = text[kicker.end() :]
    return word_count(headline) >= MIN_KICKED_HEADLINE_WORDS and _title_cased(headline)


def _cut_mid_sentence(text: str) -> bool:
    """A line that stops on a word no sentence and no headline ends on ("... an average daily
    run rate of", "... president Leong Wai Man of the Cultural Affairs Bureau (IC) has"): a
    listing's snippet, cut by the site at a length."""
    return text.rsplit(maxsplit=1)[-1] in CUT_ENDINGS


def _outlet_name(text: str) -> bool:
    """A line that is only an outlet's or a section's name, or its app's ("South China
    Morning Post", "Dongguan News", "新华网", "People's Daily app"): no headline, though "Wenzhou's Innovation Attracts Overseas
    and Domestic Media" ends as one does."""
    if CHINESE_OUTLET.fullmatch(text):
        return True
    name = text[: -len(" app")] if text.lower().endswith(" app") else text  # "People's Daily app"
    name = site_domain(name)  # "http://www.dongguantoday.com/"
    names = name.split(" / ")  # two issuers: "Government Information Bureau / Office of ..."
    return all(_name_words(one) <= MAX_OUTLET_NAME_WORDS for one in names) and is_site_name(name)


def _name_words(name: str) -> int:
    """The words of a name that are not its connectors ("Office of the Government
    Spokesperson" has three)."""
    return sum(1 for word in name.split() if word not in CONNECTORS)


def _title_like(line: Span, kind: str) -> bool:
    """Text that may be a headline (one left in Chinese, or in full-width letters, too; not one
    word, nor a paragraph left in Chinese, nor a picture's caption too long for furniture: "... on June
    10, 2024. [Photo provided to gogansu.com]")."""
    if kind == CHINESE:
        return len(line.text) <= MAX_CHINESE_TITLE_CHARS
    return (
        kind == TEXT
        and not _is_prose(line, kind)
        and not line.text.endswith((",", "，"))  # a salutation: "Ladies and Gentlemen,"
        and " " in line.text.strip()  # one word is a menu's item: "Tourism", "Photos"
        and not _bracketed_whole(line.text)  # a note: "(MENAFN- GlobeNewsWire - Nasdaq)"
        and not (line.text.endswith(CREDIT_CLOSES) and PICTURE_CREDIT_END.search(line.text))
        and not opens_with_dateline(line, kind)
    )


DATE_PREPOSITIONS = frozenset({"on", "dated", "as of"})


def _date_after_preposition(text: str) -> bool:
    """A date alone after "on" ("on Jan 20, 2015", under a report's "Delivered at the 4th
    Session ..."): a date line, never a headline."""
    found = find_date(text) if text[:3].casefold() in ("on ", "dat", "as ") else None
    return (
        found is not None
        and text[: found.start].strip().casefold() in DATE_PREPOSITIONS
        and not text[found.end :].strip(" .,")
    )


def opens_with_dateline(line: Span, kind: str) -> bool:
    """A text line that opens with a wire's dateline ("SHAOXING, China, Nov. 16, 2022
    /PRNewswire-AsiaNet/ --", alone or with the story after it): the story's first line,
    never a headline; but a dateline the headline follows after its label is the headline's
    line ("China News Service, Beijing, February 20th, Title: Living up to ...")."""
    return (
        kind == TEXT
        and read_dateline(line.text) is not None
        and DATELINE_TITLE.match(line.text) is None
    )


def _bracketed_whole(text: str) -> bool:
    """A line in brackets from end to end: a note, a source, a column's tag ("[On this vast
    land⑭]"), not a headline."""
    return text[:1] in "([（【" and text[-1:] in ")]）】" and len(text) > 2


def _next_line(kinds: list[str], i: int) -> int:
    """Index of the next line after i that is not furniture (len(kinds) if none)."""
    i += 1
    while i < len(kinds) and kinds[i] in FURNITURE_KINDS:
        i += 1
    return i


def _previous_line(kinds: list[str], i: int) -> int:
    """Index of the last line before i that is not furniture (-1 if none)."""
    i -= 1
    while i >= 0 and kinds[i] in FURNITURE_KINDS:
        i -= 1
    return i


def _over_sentence_deck(lines: list[Span], kinds: list[str], i: int) -> bool:
    """A headline in title case over its deck in sentence case, over the text (Newser:
    "Attacker Scaled Kindergarten Wall, Sent 54 to Hospital: Cops", "Chinese suspect
    reportedly sought revenge on society", "(Newser) - More than 50 children ..."): a deck
    of a sentence's length is the text's first line, its stop left off."""
    text = lines[i].text  # the cheap tests first: most lines are paragraphs
    if (
        kinds[i] != TEXT
        or len(text) > MAX_TITLE_CHARS
        or text.count(" ") < MIN_DECK_HEADLINE_WORDS - 1
    ):
        return False
    deck = _next_line(kinds, i)
    if deck >= len(lines) or kinds[deck] != TEXT or len(lines[deck].text) > MAX_DECK_CHARS:
        return False
    if len(lines[deck].text.split()) > MAX_DECK_WORDS:
        return False
    after = _next_line(kinds, deck)
    return (
        after < len(lines)
        and _title_cased(text)
        and not _title_cased(lines[deck].text)
        and _title_like(lines[i], kinds[i])
        and _title_like(lines[deck], kinds[deck])
        and _is_prose(lines[after], kinds[after])
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


def _section_head(lines: list[Span], kinds: list[str], i: int) -> bool:
    """A head inside a story, opened with a dash as Chinese pages write one ("——Going far away
    to make a living"), with the story's text going on under it."""
    return (
        lines[i].text.startswith(SUBTITLE_DASHES)
        and _title_like(lines[i], kinds[i])
        and _prose_follows(lines, kinds, i)
    )


def _prose_follows(lines: list[Span], kinds: list[str], i: int) -> bool:
    """A paragraph comes next, or a story's first line cut after its wire dateline
    ("BEIJING, Oct. 4 (Xinhua) — Despite t")."""
    following = _next_line(kinds, i)
    return following < len(lines) and (
        _is_prose(lines[following], kinds[following])
        or opens_with_dateline(lines[following], kinds[following])
    )


def _entry_title(line: Span, kind: str) -> tuple[Span | None, Span]:
    """(the date a story's title line gives, the title): a dated entry's ("Changsha metro line
    6 opens | 2023-05-01"), one dated first ("2023-05-01 Changsha metro ..."); a numbered
    title without its number ("2. Xiamen, Fortaleza stage ...")."""
    entry = _dated_entry(line) if kind == ENTRY else None
    if entry is not None:
        return entry.date, entry.title
    return _title_after_date(_without_number(line))


def _entry_headline(line: Span) -> Headline:
    """An entry line as a headline: its date and title as _entry_title reads them (a line a
    run of dated titles made an entry, split/layout.py, included)."""
    date, title = _entry_title(line, ENTRY)
    return Headline(title, date)


def _title_after_date(title: Span) -> tuple[Span | None, Span]:
    """(the date a title line opens with, the title): "2023-05-01 Changsha metro line 6
    opens to passengers", a list's entry dated first; (None, the title) when it opens with
    none or too little is left for a title."""
    date, rest = _opening_date(title)
    if date is None or len(rest.text.split()) < MIN_TITLE_WORDS:
        return None, title
    return date, rest


SENTENCE_GOES_ON = re.compile(r" [a-z]")  # after a date: the sentence it opens goes on


def _opening_date(paragraph: Span) -> tuple[Span | None, Span]:
    """(the date glued to a paragraph's start, the rest): "2016-01-20At a time when ...",
    "[2023-05-06] Hunan opens ..."; (None, the paragraph) when it opens with no date, or
    with one its sentence is about ("October 31, 2022 marks the 550th anniversary ...")."""
    text = paragraph.text
    inside = 1 if text.startswith(OPENING_BRACKETS) else 0
    date = opening_date(text[inside:])
    end = inside + date.end + inside if date else 0
    if date is None or end >= len(text) or (inside and text[end - 1] not in CLOSING_BRACKETS):
        return None, paragraph
    if not inside and SENTENCE_GOES_ON.match(text, end):
        return None, paragraph
    return _cut(paragraph, 0, end), _cut(paragraph, end, len(text))


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
    return line.text[-1] in SENTENCE_ENDS and any(_ends(end, line.text) for end in MIN_PROSE_WORDS)


def _ends(end: re.Pattern[str], text: str) -> bool:
    """Whether text ends with a sentence end of MIN_PROSE_WORDS: searched from where its match
    can start, not through a whole paragraph (lookbehinds still see the text before)."""
    return end.search(text, max(0, len(text.rstrip(CLOSERS)) - ENDING_CHARS)) is not None


def _skip_meta(kinds: list[str], i: int, furniture: bool = True) -> int:
    """The first line at or after i that is no byline line (furniture passed, unless not
    `furniture`: then the first that is no byline or credit line)."""
    while i < len(kinds) and (
        kinds[i] in BYLINE_KINDS or (furniture and kinds[i] in FURNITURE_KINDS)
    ):
        i += 1
    return i


def _dropped_in_body(lines: list[Span], kinds: list[str], i: int) -> bool:
    """Furniture the body goes on after (furniture.toml, `in_body`)."""
    policy = IN_BODY[kinds[i]]
    if policy == "between_paragraphs":
        return _prose_follows(lines, kinds, i)
    return policy == "always"
