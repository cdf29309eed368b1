"""The words of a chosen headline: what else its line carries (a column's name, the page's
number, a toolbar, the site's name, a byline, a Chinese half) and how each is cut off. The head
(head.py) chooses the line; this file only trims it."""

from __future__ import annotations

import re

from newsmend.credits import has_label, is_site_name, looks_like_byline, looks_like_chinese_names
from newsmend.dates import find_date, looks_like_date
from newsmend.furniture import furniture_kind
from newsmend.split.lines import (
    DATELINE_TITLE,
    LATIN,
    MIN_TITLE_WORDS,
    SITE_SUFFIX,
    _title_after_date,
    _without_number,
    word_count,
)
from newsmend.split.parts import SITE_NAME, Span, _cut

# A run of English in a line that mixes in Chinese, and a run of Chinese: see english_half.
ENGLISH_RUN = re.compile(
    r"[\"“‘(\[]?[A-Za-z0-9][^\u3400-\u9fff\uff01-\uff5e丨]*[A-Za-z0-9.!?\"”’)\]]"
)
COLUMN_LABEL = re.compile(r"[【\[][^\]】]{1,30}[\]】]\s*+|[^|｜\[【]{1,30}[|｜]\s*+(?=\S)")
MAX_COLUMN_WORDS = 4
COLUMN_REACH = 31  # COLUMN_LABEL's bar is at most this far in
CHINESE_COLUMN = re.compile(r"[\u3400-\u9fff]{2,12}\s*[|｜:：]\s*(?=[^|｜]*[A-Za-z])")
CJK_PHRASE = re.compile(r"[\u3400-\u9fff]{4,}")
HEADLINE_BYLINE = re.compile(
    r"\s(?P<credit>[Bb]y\s(?P<names>[A-Z][a-z]+(?:\s[A-Z][a-z]+){1,2}))"
    r"(?P<date>\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{1,2}-\d{1,2})?\s*$"
)
TRAILING_DATE = re.compile(r"(?:\s[-–—|｜])?\s[(\[]?(?P<date>\d{4}[-/.]\d{1,2}[-/.]\d{1,2})[)\]]?$")
ACRONYM = re.compile(r"[A-Z]{2,6}")  # an outlet's initials after a headline: "- CGTN"
CHINESE_SITE = re.compile(r"[\u4e00-\u9fff]{2,12}(?:网|报|社|台|政府|门户)")
MAX_CHANNEL_WORDS = 3
WORD_START = re.compile(r"(?<!\S)\S")
SHARE_BAR = "share_bar"  # the furniture kind of a toolbar (furniture.toml)
# Words that join a headline's words: a label right after one is a word of the headline
JOINING_WORDS = frozenset({"a", "an", "the", "in", "of", "on", "at", "to", "for", "and", "by"})
MAX_TOOLBAR_WORDS = 8
PAGE_NUMBER = re.compile(r"(?<=[^\s(（])\(\d{1,2}\)$")  # a story's page 2 on: "... life(2)"
TITLE_LABEL = re.compile(
    r"(?i:title|headline)\s*[:：]\s*|标题\s*[:：]\s*"
)  # "Title: Wuxi opens ..."
# where a byline field may start on a headline's line: a capitalised label and its colon
LABEL_START = re.compile(r"\s(?=[A-Z][A-Za-z]*(?:\s[a-z]+){0,2}\s?[:：])")


def headline_of(line: Span) -> Span:
    """The headline a title line holds: without its number in a collection ("1. Xiamen,
    Guadalajara light shows ..."), the page's number glued after it ("... village life(2)"),
    a column's name in Chinese before it ("双语硕硕说 | Weekly Bulletins"), its Chinese half,
    or the site's name after it."""
    headline = without_column(_without_number(_without_title_label(line)))
    return _without_site_name(english_half(_without_toolbar(_without_page_number(headline))))


def _without_page_number(line: Span) -> Span:
    """A headline without the number of the page of the story it is on, glued after it
    ("Urban intellectuals try to revive village life(2)")."""
    number = PAGE_NUMBER.search(line.text)
    return _cut(line, 0, number.start()) if number else line


def _without_title_label(line: Span) -> Span:
    """A headline without a "Title:" label before it."""
    label = TITLE_LABEL.match(line.text)
    return _cut(line, label.end(), len(line.text)) if label else line


def _without_toolbar(title: Span) -> Span:
    """A headline without the bar glued after it ("... [Print] [Close]", "... Font size: A A
    A"): the longest run of its last words that is a toolbar (not a menu's words: "... Local
    Tourism"; a site's name is _without_site_name's)."""
    words = [m.start() for m in WORD_START.finditer(title.text)][MIN_TITLE_WORDS:]
    for start in words[-MAX_TOOLBAR_WORDS:-1]:  # two words or more: "... get real big" stays
        if furniture_kind(title.text[start:]) == SHARE_BAR:
            return _cut(title, 0, start)
    return title


def without_column(title: Span) -> Span:
    """A headline without the name of its column before it: in Chinese ("双语硕硕说 | "),
    in brackets ("【Yangzhou News】", "[Video] ") or a few words before a bar ("Xi's Album |
    "); never a date ("[2018-11-08]"), and words enough must be left for a headline."""
    chinese = CHINESE_COLUMN.match(title.text)
    if chinese:
        return _cut(title, chinese.end(), len(title.text))
    column = COLUMN_LABEL.match(title.text) if _may_have_column(title.text) else None
    if column is None or word_count(title.text[column.end() :]) < MIN_TITLE_WORDS:
        return title
    label = column.group().strip(" |｜[]【】")
    if len(label.split()) > MAX_COLUMN_WORDS or looks_like_date(label):
        return title
    return _cut(title, column.end(), len(title.text))


def _may_have_column(text: str) -> bool:
    """Whether COLUMN_LABEL can match: a bracket opens the text or a bar is in reach (most
    titles have neither, and the search would read 30 characters of each)."""
    return text[:1] in "【[" or "|" in text[:COLUMN_REACH] or "｜" in text[:COLUMN_REACH]


def byline_after(title: Span) -> tuple[Span, list[Span]]:
    """A headline and the byline written on its line: a date before it ("2023-05-01 Changsha
    metro ...") or a wire's dateline ("Xinhua News Agency, Harbin, May 25th, title: ..."),
    or after it ("Asian Mainstream Media Delegation Visited Tangshan City
    2018-11-08"), a writer and a date glued to the name ("... major production hubs by Ning
    Hong09/09/2022"), labelled fields from a date on; the headline alone when none."""
    date, rest = _title_after_date(title)
    if date is not None:
        return rest, [date]  # "2023-05-01 Changsha metro line 6 opens to passengers"
    wire = DATELINE_TITLE.match(title.text)
    # "Xinhua News Agency, Harbin, May 25th, title: ...", "Chinanews.com, Jiangmen, April 18th."
    if wire and is_site_name(wire["agency"]):
        spans = [_cut(title, *wire.span("agency"))]
        spans += [_cut(title, *wire.span("date"))] if find_date(wire["date"]) else []  # a year
        return _cut(title, wire.end(), len(title.text)), spans
    headline, fields = _labelled_byline_after(title)
    if fields:
        return headline, fields
    match = TRAILING_DATE.search(title.text) or HEADLINE_BYLINE.search(title.text)
    if match is None:
        return title, []
    if len(title.text[: match.start()].split()) < MIN_TITLE_WORDS:
        return title, []
    if "names" in match.groupdict() and not looks_like_chinese_names(match["names"]):
        return title, []  # "... crowded by Tourists"
    fields = [name for name in ("credit", "date") if match.groupdict().get(name)]
    return _cut(title, 0, match.start()), [_cut(title, *match.span(name)) for name in fields]


def _labelled_byline_after(title: Span) -> tuple[Span, list[Span]]:
    """A headline and the byline fields written after it: from a full date on ("Online media
    embarks on journey to experience Henan2012-7-2 16:41:00 From: http://english...", "...
    residents 2021-07-02 10:20"), or from a label on ("... residents Source: Yangzhou
    Daily"), when the rest reads as a byline."""
    found = find_date(title.text)
    starts = [found.start] if found else []
    starts += [m.end() for m in LABEL_START.finditer(title.text)]
    for start in sorted(starts):
        rest = title.text[start:]
        before = title.text[:start].split()
        if len(before) < MIN_TITLE_WORDS or before[-1].casefold() in JOINING_WORDS:
            continue  # "A Year In Review: Dongguan": the label's word is the headline's
        dated_to_end = (
            found is not None
            and start == found.start
            and not rest[found.end - start :].strip(" )]】")
        )
        if dated_to_end or (has_label(rest) and looks_like_byline(rest)):
            end = len(title.text[:start].rstrip(" [(（【-–—|｜"))  # "... residents [2021-07-02]"
            return _cut(title, 0, end), [_cut(title, start, len(title.text))]
    return title, []


def _without_site_name(title: Span) -> Span:
    """A headline without the site's name glued after it ("Wuxi opens new parks - Wuxi
    Government", "... | China Daily", "... - CGTN", "...——扬州市人民政府"), and without the
    channel's path before that name ("... - Yangzhou - Jiangsu Province - China Daily"); a
    path joined by underscores is cut whatever its last step ("..._Domestic Channel_News
    Center_Yangtze River"): no headline holds an underscore."""
    named_one = False
    while (match := SITE_SUFFIX.search(title.text)) is not None:
        if len(title.text[: match.start()].split()) < MIN_TITLE_WORDS:
            break
        site = match["site"].strip()
        underscored = match.group().startswith("_")  # a path: "..._News Center_Yangtze River"
        if not (_site_named(site) or ((named_one or underscored) and _channel_name(site))):
            break
        title, named_one = _cut(title, 0, match.start()), True  # _cut strips the space before
    return title


def _site_named(site: str) -> bool:
    """A site's or an outlet's name: from the tables, an acronym ("CGTN", "ECNS") or a name in
    Chinese that ends as a site's or a government's does ("中国日报网", "扬州市人民政府")."""
    return (
        is_site_name(site)
        or furniture_kind(site) == SITE_NAME
        or ACRONYM.fullmatch(site) is not None
        or CHINESE_SITE.fullmatch(site) is not None
    )


def _channel_name(segment: str) -> bool:
    """A step of a site's path before its name: a few capitalised words ("Jiangsu Province")."""
    words = segment.split()
    return 0 < len(words) <= MAX_CHANNEL_WORDS and all(w[0].isupper() for w in words)


def english_half(title: Span) -> Span:
    """A headline written twice, in Chinese and in English ("[双语] 东南亚媒体走进中山
    Southeast Asian media discover charm of Zhongshan"), is its English half; a Chinese
    headline with an English label ("Spring in Zhengzhou 丨春到登封", "What stands for
    Zhengzhou 丨来吧来吧,开启郑州美食密码") stays whole."""
    halves = [m for m in ENGLISH_RUN.finditer(title.text) if len(m.group().split()) >= 4]
    if not halves or not CJK_PHRASE.search(title.text):
        return title
    half = max(halves, key=lambda m: len(m.group()))
    if title.text[half.end() :].lstrip().startswith("丨"):
        return title  # an English column's name over a Chinese headline, as Chinese sites bar it
    rest = title.text[: half.start()] + title.text[half.end() :]
    bilingual = CJK_PHRASE.search(rest) and not LATIN.search(rest)  # not "Luhuo County (炉霍县)"
    return _cut(title, half.start(), half.end()) if bilingual else title
