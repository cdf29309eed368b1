"""Who wrote, edited and published a story: the byline under the title and the credit lines.

Labels and the role each stands for are `tables/roles.toml`; family names (to split names the
translation ran together) are `tables/family_names.txt`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from newsmend.dates import find_date, looks_like_date
from newsmend.furniture import is_furniture_word, strip_toolbar
from newsmend.tables import read_lines, read_toml

_TABLE = read_toml("roles.toml")
ROLES: dict[str, str] = _TABLE["labels"]  # label -> role ("Translator" -> "translator")
GROUPS: dict[str, str] = _TABLE["groups"]  # role -> column ("translator" -> "editor")
# Whose affiliation is the story's outlet ("By Li Hua, China Daily"); a photographer's or a
# translator's is not.
OUTLET_BEARING_ROLES = ("author", "reporter", "correspondent")
PERSON_ROLES = tuple(role for role, group in GROUPS.items() if group in ("author", "editor"))
FAMILY_NAMES = frozenset(name.casefold() for name in read_lines("family_names.txt"))
OUTLET_WORDS = frozenset(word.casefold() for word in read_lines("outlet_words.txt"))

MAX_BYLINE_CHARS = 200
MAX_OUTLET_WORDS = 8
MAX_UNLABELLED_OUTLET_WORDS = 4
CONNECTORS = frozenset({"of", "and", "the", "for", "&"})
MAX_NAMES = 8
MAX_BARE_NAME_WORDS = 4
MAX_NAME_WORDS = 3  # "Ouyang Zi Yuan"
MIN_WRITER_WORDS = 2  # an unlabelled writer is named in full: not "Shine"
# A site user's handle and "on" a date after a label ("Submitted by admin on 2 July 2021")
HANDLE_ON = re.compile(r"[a-z][\w.-]{1,30}\s+on\s+[A-Z0-9]")
DATE_LABEL_WORDS = frozenset({"last", "build", "release", "publish", "update", "post", "issue"})


def _label_pattern(label: str) -> str:
    """A label as written in the table, with any spacing between its words."""
    return r"\s+".join(re.escape(word) for word in label.split(" "))


def _compile_labels(grouped: bool = True) -> re.Pattern[str]:
    """Labels in any case; inside a line one starts with a capital or is Chinese, except at
    the start of a line ("date 2023-04-12"), after a comma, colon, slash, dash, bracket or a
    date's last digit (", edited by ...", "Source: by Shanghai Daily", "20:21:20 source:
    Zhejiang News") or after a gap of spaces ("16:14:45  source:sdchina.com"). A label is
    followed by a separator, or by a space and then a capital, a digit or a user's handle
    and its date ("Submitted by admin on 2 July 2021").
    Grouped by first letter, in the same order, a place is tried against the labels that start
    with its letter only (ungrouped, against every label: the tests' reference)."""
    labels = sorted(ROLES, key=len, reverse=True)
    by_first: dict[str, list[str]] = {}
    for i, label in enumerate(labels):
        first, cut = (label[0].lower(), len(re.escape(label[0]))) if grouped else ("", 0)
        by_first.setdefault(first, []).append(f"(?P<l{i}>{_label_pattern(label)[cut:]})")
    alternation = "|".join(
        f"{re.escape(first)}(?:{'|'.join(rest)})" for first, rest in by_first.items()
    )
    # Only where some label can start: a run of other ideographs is passed at once.
    first = re.escape("".join(sorted({label[0].casefold() for label in labels})))
    return re.compile(
        rf"(?=[{first}])(?<![A-Za-z_'’])(?:^|(?<=[,;:，；：/—–(（])|(?<=[,;:，；：/—–(（\d]\s)|(?<=\s\s)"
        rf"|(?-i:(?=[A-Z\u4e00-\u9fff])))"
        rf"(?:{alternation})"
        rf"(?:\s*[:：|｜/／]\s*|\s+(?-i:(?=[A-Z0-9]|{HANDLE_ON.pattern})))",
        re.IGNORECASE,
    )


_LABEL_ORDER = sorted(ROLES, key=len, reverse=True)
LABEL_SEPARATORS = frozenset(":：|｜/／")  # what may stand between a label and its value
# A capitalised label and its colon run into the word before ("Zhang BinFrom:English
# Edition"): the page's elements joined without a space.
CASE_JOIN = re.compile(r"[a-z][A-Z]")  # where GLUED_LABEL can be: rare in a sentence
GLUED_LABEL = re.compile(
    r"(?<=[a-z])(?="
    + "|".join(_label_pattern(label) for label in _LABEL_ORDER if label[0].isupper())
    + r")(?=[A-Za-z ]{1,25}[:：])"
)
LABEL = _compile_labels()
# No \s* around the separators (split_names splits words anyway): a long run of spaces
# would make every start in it rescan the run.
NAME_SEPARATOR = re.compile(r"[,，、;；&]|\band\b")
# A word of a name: "Yingyao", "O'Neil", or initials ("Meng SH", "Joseph S. Margai").
NAME_WORD = re.compile(r"[A-Z][a-z]+(?:['’\-][A-Za-z]+)*|[A-Z]{1,2}|[A-Z]\.")
CJK_CREDIT = re.compile(r"^[\u4e00-\u9fff]{1,8}\s*[:：]\s*[^A-Za-z]*$")
# Up to the first ideograph without ideographs: one way to match, so fullmatch is linear.
CJK = re.compile(r"[\u4e00-\u9fff]")
CAPTION_CREDIT = re.compile(
    r"(?:[(（\[]|^|(?<=[.!?] ))(?:photos?|pictures?|photographed)\s*(?:/|by\b|[:：])\s*"
    r"(?P<names>[^,，/()（）\[\]]{3,60}(?:/[^,，/()（）\[\]]{3,60})?)",
    re.IGNORECASE,
)
# A picture agency, then its photographer: "Xinhua/Li Jianan", "Wikimedia Commons/Anna Frodesiak"
AGENCY_THEN_NAMES = re.compile(r"(?P<agency>[^/]{2,40}+)/\s*+(?P<names>[^/]{3,60}+)")
# An agency's picture credit closing a caption: "(Xinhua/Liu Xiao)", "(People's Daily
# Online/Xu Chenglong)".
AGENCY_CREDIT = re.compile(r"[(（][^()（）/]{2,40}/\s*(?P<names>[^,，/()（）\[\]]{3,60})[)）]\s*$")
# China Daily's: the photographer and the paper in capitals after the caption's last sentence
# ("... on Aug 17. ZHANG WEI/CHINA DAILY").
CAPS_CREDIT = re.compile(
    r"(?<=[.!?] )(?P<names>[A-Z]{2,}(?: [A-Z]{2,}){1,3}) ?/ ?[A-Z][A-Z .]{1,30}$"
)
CAPITALS = tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
CREDIT_ENDS = (")", "）", "]", "】", *CAPITALS)  # how a line with a picture credit ends
CJK_VALUE = re.compile(r"[^A-Za-z\u4e00-\u9fff]*[\u4e00-\u9fff][^A-Za-z]*")
EDGE_PUNCTUATION = " \t.,;:，。；：|/-"
INITIAL = re.compile(r"[A-Z]\.")  # a middle initial, its full stop kept
# Between fields: a bar, a dash ("By He Xin—Yiwu Business") or a spaced slash ("hiHainan /
# By Chen Shumin"). Pieces are stripped: no \s*
# around it (quadratic on runs of spaces).
BAR = re.compile(r"[|｜—]|(?<=\s)[/·](?=\s)")  # "Xinhua | 2023", "CHINADAILY · 时评 · 2024-03-09"
SIGNATURE = re.compile(r"[a-z]{2,15}")  # an editor who signs with a lowercase given name
# A handle: "sdnews", "zhongdeen", "hiHainan", or an e-mail address: "kathyby66@gmail.com".
HANDLE = re.compile(r"[a-z][A-Za-z0-9_.-]{1,30}(?:@[a-z0-9-]++(?:\.[a-z0-9-]++)++)?")
# A few words and a colon before a date: a label of the date this table does not know
DATE_LABEL = re.compile(r"(?<!\w)(?:\w++\s){0,3}\w++\s?[:：]\s*+")
# Where the persons wrote from, after their names: "By Li Hua and Wang Fang in Xi'an", "By
# Huang Zhiling in Nanjiang, Sichuan"
# A remark in brackets after the names: "Ren Siqi, Ni Huaiyuan (in no particular order)".
REMARK = re.compile(r"[(（][a-z][^()（）]*+[)）]$")
# Where a writer filed from, after each name: "Li Yu in Chengdu", "LIU KUN in Wuhan and ZHAO
# LEI in Beijing", "Huang Zhiling in Nanjiang, Sichuan".
PLACE_AFTER = re.compile(
    r"(?<=\S)\s++in\s++[A-Z][\w'’.-]*+(?:,?\s++[A-Z][\w'’.-]*+){0,3}(?=\s++and\s|\s*+,|$)"
)
CAPS_INVERTED = re.compile(r"(?P<given>[A-Z]{2,}),\s*(?P<family>[A-Z]{2,})")
CAPS_FAMILY = re.compile(r"\b[A-Z]{2,}(?=\s+[A-Z][a-z])")  # a family name in capitals: "LI Hua"
OUTLET_INITIALS = re.compile(r"[A-Z]{2,6}")  # "CGTN", "ECNS"
ACRONYM_AFTER = re.compile(r"[a-z]\s[A-Z]{2,6}$")  # an outlet's initials after a name
DOMAIN_AFTER = re.compile(r"[a-z]\s[a-z0-9-]++(?:\.[a-z0-9-]++)+$")  # a site's domain after it
CATEGORIES = re.compile(r"^\s+in\s+[A-Z][\w&'’ -]*+(?:,\s*+[A-Z][\w&'’ -]*+)*$")
CJK_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")  # a person's name in Chinese: 2 to 4 characters
CJK_OUTLET = re.compile(r"[\u4e00-\u9fff]{2,7}")  # an outlet's name in Chinese: "人民日报海外版"
CJK_LABEL_AFTER = re.compile(r"\s[\u4e00-\u9fff]{1,4}[:：]\S*$")  # "点击:" (clicks) after a name
CJK_NAMES = re.compile(r"[\u4e00-\u9fff]{2,4}(?:[\s、，,]+[\u4e00-\u9fff]{2,4}){0,7}")
# "by Xinhua writers Xuan Liqi, Hu Zhenhua and Huang Haoran": the outlet, its staff, the names
STAFF = re.compile(
    r"^(?P<outlet>[A-Z][\w.'’&-]*+(?:\s[A-Z][\w.'’&-]*+){0,3}?)\s++(?:staff\s)?"
    r"(?:writers?|reporters?|correspondents?|journalists?)\s++(?P<names>[A-Z].*+)"
)
COUNT_AND_LABEL = re.compile(r"[\d\s]*+(?:(?i:by|source|author|editor)\s*+[:：]?)?")  # "0 By"
# Names, then the role: "Li Hua, Staff Reporter", "Monica Cheru-Managing Editor", "Yang Lan —
# Reporter"; the last word of the role is a label of the table.
ROLE_AFTER = re.compile(
    r"(?:(?i:by)\s++)?(?P<names>[A-Z][^\s,|—–-]{0,20}(?:\s[A-Z][^\s,|—–-]{0,20}){0,3})"
    r"\s*+[,|—–-]\s*+(?P<role>(?i:(?:staff|senior|chief|special|managing|executive|deputy"
    r"|associate|contributing)\s++)?(?i:reporter|writer|editor|correspondent|photographer"
    r"|journalist|contributor|translator))"
)
ROLE_ENDS = ("r", "R", "t", "T")  # how the roles of ROLE_AFTER end
MAX_ROLE_AFTER_CHARS = 120  # four names of 20 letters and a role at most
# "on" before a date ("Posted by Li Hua on May 6, 2023") and a time after one ("Posted: 6
# May 2023 | 10:22", "06 May 2023, 10:22 GMT+8"): the date's, not a name. ("at" stays: "Issued
# at 15:15 on June 8" is a label's.)
ON_BEFORE = re.compile(r"\son\s*+$")
TIME_AFTER = re.compile(
    r"^[\s,|｜]*+\d{1,2}:\d{2}(?::\d{2})?+(?:\s*+[AaPp]\.?[Mm]\.?)?+"
    r"(?:\s*+(?:GMT|UTC)\s*+[+-]\s*+\d{1,2}(?::?\d{2})?+)?+"
)
EMPTY_BRACKETS = re.compile(r"[\[【(（]\s*+[\]】)）]")  # what a date cut out of them leaves
BRACKETED = re.compile(r"[\[【][^\[\]【】]*+[\]】]")  # no nesting: one scan
OPENING, CLOSING = tuple("[(【（"), tuple("])】）")
ENCLOSED = re.compile(r"[\[【(（]\s*+(?P<inner>[^\[\]【】()（）]*+)[\]】)）]")  # "[Editor: Li Na]"
SCHEME = re.compile(r"^https?://(?=[^/\s]+/?$)")  # a site's address: its domain names it
PAGE_ADDRESS = re.compile(r"https?://(?P<host>[A-Za-z0-9-]++(?:\.[A-Za-z0-9-]++)+)/\S*")
DOMAIN = re.compile(r"(?<![a-z0-9.-])[a-z0-9-]+(?:\.[a-z0-9-]+)+", re.IGNORECASE)


@dataclass(frozen=True)
class Byline:
    outlet: str | None
    published_raw: str | None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    credits: list[tuple[str, str]] = field(default_factory=list)  # (role, person), page order
    # the outlet was written under a source label ("Source: Xinhua"); how, not what: not compared
    sourced: bool = field(default=False, compare=False)


def _role(match: re.Match[str]) -> str:
    return ROLES[_LABEL_ORDER[int(match.lastgroup[1:])]]


def unwrap(line: str) -> str:
    """A line as its fields are read: a space before a label run into the word before it,
    without the brackets around all of it ("(Correspondent Zhao Lei)", and with a full stop
    after them: "[Editor in charge: Li Tingyu]."), and with a role written after the names
    put before them ("Monica Cheru-Managing Editor", "By Li Hua, Staff Writer": "Editor:
    Monica Cheru", "Writer: Li Hua")."""
    line = line.strip()
    if len(line) <= MAX_BYLINE_CHARS and CASE_JOIN.search(line):
        line = GLUED_LABEL.sub(" ", line)  # "... and Zhang BinFrom:English Edition of Qiushi"
    line = line[:-1] if line.endswith((").", "）.", "].", "】.")) else line
    if len(line) <= MAX_BYLINE_CHARS and any(mark in line for mark in OPENING):
        line = EMPTY_BRACKETS.sub("", ENCLOSED.sub(_open_field, line)).strip(" |")  # "( )"
    if len(line) > 2 and line[0] in "(（[【" and line[-1] in ")）]】":
        line = line[1:-1].strip()
    after = (
        ROLE_AFTER.fullmatch(line)
        if len(line) <= MAX_ROLE_AFTER_CHARS and line.endswith(ROLE_ENDS)
        else None
    )
    if after and looks_like_names(after["names"]):
        return f"{after['role'].split()[-1]}: {after['names']}"
    return line


def _open_field(enclosed: re.Match[str]) -> str:
    """A labelled field in brackets among other fields, set apart by bars instead ("[Editor:
    Li Na]  Date: 2023-05-06", "(Source: Xinhua) Editor: Li Na"); other brackets stay
    ("(Xinhua)", "(Correspondent Zhao Lei) On May 5, the county ...")."""
    inner = enclosed["inner"].strip()
    line, start, end = enclosed.string, enclosed.start(), enclosed.end()
    before, after = line[:start].rstrip(" |"), line[end:].lstrip(" |")
    among_fields = (not before or before.endswith(CLOSING)) and (
        not after or after.startswith(OPENING) or _opens_a_field(after)
    )
    return f" | {inner} | " if among_fields and LABEL.match(inner) else enclosed.group()


def _opens_a_field(text: str) -> bool:
    """Text opens with a label or a date: a byline's next field, not a story's sentence."""
    if LABEL.match(text):
        return True
    found = find_date(text)
    return found is not None and found.start == 0


@lru_cache(maxsize=4096)
def _fields(line: str) -> tuple[tuple[str | None, str], ...]:
    """(role, text) for each field of a line: a field runs from a label to the next label or
    bar (" | "); text under no label has the role None ("China Daily" in "By Li Hua | China
    Daily"). Cached: a credit line's fields are read when its kind is found and again for its
    record."""
    matches = list(LABEL.finditer(line))
    starts = [m.start() for m in matches] + [len(line)]
    pieces: list[tuple[str | None, str]] = [(None, line[: starts[0]])]
    pieces += [(_role(m), line[m.end() : end]) for m, end in zip(matches, starts[1:])]
    fields = []
    for role, text in pieces:
        first, *rest = BAR.split(text)
        fields += [(role, first.strip())] if role or first.strip() else []
        fields += [(None, piece.strip()) for piece in rest if piece.strip()]
    return tuple(fields)


def _labels_a_date(text: str) -> bool:
    """Whether text is a few words and a colon, then a date ("Issued at : 2022-05-12")."""
    label = DATE_LABEL.match(text)
    found = find_date(text[label.end() :]) if label else None
    return found is not None and found.start == 0


def _without_date(text: str) -> tuple[str, str | None]:
    """Text with its first full date cut out, and that date's raw text; the brackets it was
    written in ("Blent [2011-05-20]") and the categories a blog files the post in after its
    date go too ("April 30, 2010 in About Qingdao, Events")."""
    found = find_date(text)
    if found is None:
        return text.strip(EDGE_PUNCTUATION), None
    after = CATEGORIES.sub("", TIME_AFTER.sub("", text[found.end :], count=1))
    rest = EMPTY_BRACKETS.sub("", ON_BEFORE.sub("", text[: found.start]) + " " + after)
    return " ".join(rest.split()).strip(EDGE_PUNCTUATION), found.raw


def is_family_name(word: str) -> bool:
    return word.casefold() in FAMILY_NAMES


def split_names(text: str) -> list[str]:
    """Person names of a credit, one a person, including names the translation ran together
    ("Wang Yingyao Li Changzheng"): a family name after a complete name starts a new one."""
    names: list[str] = []
    for chunk in NAME_SEPARATOR.split(text):
        first_of_chunk = len(names)
        person: list[str] = []
        words = chunk.split()
        for position, word in enumerate(words):
            initial = INITIAL.fullmatch(word) and position + 1 < len(words)
            word = word if initial else word.strip(EDGE_PUNCTUATION)  # "Joseph S. Margai"
            if not word:
                continue
            if len(person) >= 2 and is_family_name(word):
                names.append(" ".join(person))
                person = []
            person.append(word)
        if len(person) == 1 and len(names) > first_of_chunk:
            names[-1] += " " + person[0]  # a lone last word ends the name before it
        elif person:
            names.append(" ".join(person))
    return names


def looks_like_names(text: str) -> bool:
    """Text is a list of person names ("Wang Yingyao Li Changzheng", "Kendra Fiddler"), not
    an outlet ("Hunan Daily": `tables/outlet_words.txt`) and not a sentence."""
    names = split_names(text)
    if not names or len(names) > MAX_NAMES or ":" in text or "：" in text:
        return False  # "Tuesday: Chinese Medical Personnel" after "Translation" is a headline
    words = [word for name in names for word in name.split()]
    return all(NAME_WORD.fullmatch(word) and word.casefold() not in OUTLET_WORDS for word in words)


def looks_like_chinese_names(text: str) -> bool:
    """Names in pinyin, each starting with a family name and of at most three words: what a
    line may hold alone (not "Huang Qiang Inspects Neijiang", a headline)."""
    return looks_like_names(text) and all(
        is_family_name(name.split()[0]) and len(name.split()) <= MAX_NAME_WORDS
        for name in split_names(text)
    )


def is_bare_name(line: str) -> bool:
    """A line that is only a person's name or two ("Li Qian"), as bylines under a title are."""
    words = line.split()
    return 2 <= len(words) <= MAX_BARE_NAME_WORDS and looks_like_chinese_names(line)


def _listed_names(text: str) -> bool:
    """Names of several persons listed alone, as the reporters of a story are at its end:
    "(Wu Shengwei, Wang Mingshuo, Yao Xiangfeng)". A line whose first word is no family
    name is passed at once (most lines: every name must open with one)."""
    if NAME_SEPARATOR.search(text) is None:
        return False
    first = next((w for c in NAME_SEPARATOR.split(text) for w in _stripped_words(c)), "")
    return is_family_name(first) and looks_like_chinese_names(text)


def _stripped_words(chunk: str) -> Iterator[str]:
    """The words of a chunk of names as split_names reads them."""
    return (w for w in (word.strip(EDGE_PUNCTUATION) for word in chunk.split()) if w)


def _looks_like_outlet(text: str) -> bool:
    """A name such as "Huzhou Daily", "jschina.com.cn" or "衡阳市电子政务办": short, not a
    sentence."""
    words = text.split()
    return (
        0 < len(words) <= MAX_OUTLET_WORDS
        and (text[0].isupper() or CJK.match(text) is not None or DOMAIN.fullmatch(text) is not None)
        and not text.endswith((".", "!", "?"))
    )


def is_site_name(text: str) -> bool:
    """A site's or outlet's name: a domain, or a few capitalised words the last of which names
    an outlet ("Hunan Government", "China Daily", "Zhengzhou Portal")."""
    if DOMAIN.fullmatch(text):
        return True
    words = text.split()
    return (
        0 < len(words) <= MAX_OUTLET_WORDS
        and words[-1].casefold() in OUTLET_WORDS
        and all(word[0].isupper() or word in CONNECTORS for word in words)
    )


def _outlet_alone(text: str) -> bool:
    """An outlet's name or its initials, and nothing else: "China Daily", "Xinhua", "CGTN"."""
    return is_site_name(text) or OUTLET_INITIALS.fullmatch(text) is not None


def _looks_like_proper_name(text: str) -> bool:
    """An unlabelled outlet beside a date: a few capitalised words ("People's Daily Online"),
    a short name in Chinese ("湖南日报"), or a domain; not a phrase such as "Issued at" nor
    a headline in Chinese ("长沙地铁6号线开通")."""
    if DOMAIN.fullmatch(text):
        return True
    words = text.split()
    return 0 < len(words) <= MAX_UNLABELLED_OUTLET_WORDS and all(
        word[0].isupper()
        or word[0].isdigit()
        or CJK_OUTLET.fullmatch(word) is not None
        or word in CONNECTORS
        for word in words
    )


def _names_an_outlet(role: str | None, value: str) -> bool:
    """A field that names the outlet: an outlet label's, an unlabelled one, or a person
    label's that names no person but an outlet of a few capitalised words or a domain
    ("Author: Taizhou Daily"; not "Text: AAAPrint", a font-size bar, nor a sentence)."""
    if role == "outlet" and HANDLE.fullmatch(value):
        return True  # "From:sdnews"
    value = SCHEME.sub("", value)  # "From: http://english.peopledaily.com.cn"
    if not _looks_like_outlet(value):
        return False
    if role in (None, "outlet") or DOMAIN.fullmatch(value) is not None:
        return True
    named = len(value.split()) >= 2 or _outlet_alone(value)  # "By: Xinhua"
    return named and ":" not in value and _looks_like_proper_name(value)


def parse_credit_fields(line: str) -> list[tuple[str, list[str]]]:
    """Every (role, names) of a credit line that starts with a role label; [] for other lines.
    For the outlet role the one "name" is the outlet; an author that names no person
    ("Author: Xinhua News Agency") is the outlet."""
    return [(role, list(names)) for role, names in _credit_fields(line)]


@lru_cache(maxsize=4096)
def _credit_fields(line: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Cached: split classifies a credit line and records reads it, and credit lines repeat
    from page to page."""
    line = unwrap(line)
    if len(line) > MAX_BYLINE_CHARS:
        return ()
    if is_bare_name(line) or _listed_names(line):
        return (("author", tuple(split_names(line))),)  # names alone on a line: a byline
    label = LABEL.match(line)
    if label is None:
        return _names_and_outlet(line)
    if _heading_like(line, label):
        return ()
    fields: list[tuple[str, tuple[str, ...]]] = []
    for role, value in _fields(line):
        value = _without_date(value)[0]
        if not value or role == "published":
            continue  # a label right before another ("Text/Photo: Zhang Wei"), or a date
        credited = _field_credits(role, value)
        if credited is None:
            return ()
        fields += credited
    return tuple(fields)


def _heading_like(line: str, label: re.Match[str]) -> bool:
    """A capitalised label with only a space and one word after it ("Photo Gallery", "Video
    Gallery", "Journalist Day", "Photos Charting"): a menu's item or a heading, not a credit,
    unless the word is a family name, an outlet's or a date ("Reporter Wang", "From
    Xinhua")."""
    if not label.group()[0].isupper() or LABEL_SEPARATORS.intersection(label.group()):
        return False  # "by Steven", "Photo: Xinhua"
    words = line[label.end() :].split()
    return len(words) == 1 and not (
        is_family_name(words[0]) or _outlet_alone(words[0]) or find_date(words[0])
    )  # "Date 2025-01-19"


def _names_and_outlet(line: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """An unlabelled line of Chinese names and the outlet they write for ("Zhang Wei
    (Xinhua)", "Li Hua, Shanghai Daily", "Li Hua | China Daily"): a byline; () for others."""
    if not is_family_name(line.split(maxsplit=1)[0]):
        return ()  # most lines: no name opens them
    found = _persons_then_outlet(BAR.sub(",", line))
    if found is None:
        return ()
    names, outlet = found
    if not _outlet_alone(outlet) or not looks_like_chinese_names(", ".join(names)):
        return ()
    return (("author", tuple(names)), ("outlet", (outlet,)))


@lru_cache(maxsize=4096)
def _field_credits(role: str | None, value: str) -> list[tuple[str, tuple[str, ...]]] | None:
    """What one field of a credit line credits: persons in its role, an outlet, or both
    ("Photo by Guo Liliang, Hunan Daily"); None when it is no credit. A person label that
    names no person ("Author: Xinhua News Agency") names the outlet. Cached as _fields (the
    list is shared: read, never changed)."""
    if role in PERSON_ROLES:
        value = value.strip()
        if value[:1] in "[【" and value[-1:] in "]】":
            value = value[1:-1]  # "Responsible editor: [Li Ji]"
        value = _uncapped(PLACE_AFTER.sub("", REMARK.sub("", value).rstrip()))
    slashed = _slashed_names(value) if role in PERSON_ROLES and "/" in value else None
    if slashed:
        return [(role, tuple(slashed))]
    if role in PERSON_ROLES and looks_like_names(value):
        return [(role, tuple(split_names(value)))]
    staff = STAFF.match(value) if role in OUTLET_BEARING_ROLES else None
    if staff and looks_like_names(staff["names"]) and _names_an_outlet("outlet", staff["outlet"]):
        return [(role, tuple(split_names(staff["names"]))), ("outlet", (staff["outlet"],))]
    if role is None and (is_bare_name(value) or _listed_names(value)):
        return [("author", tuple(split_names(value)))]
    names_and_outlet = _names_and_outlet(value) if role is None else ()
    if names_and_outlet:
        return list(names_and_outlet)
    if GROUPS.get(role) == "editor" and SIGNATURE.fullmatch(value.strip()):
        return [(role, (value.strip(),))]  # Xinhua's "Editor: yan"
    persons_and_outlet = _persons_then_outlet(value) if role in PERSON_ROLES else None
    if persons_and_outlet:
        persons, outlet = persons_and_outlet
        if role in OUTLET_BEARING_ROLES:
            return [(role, tuple(persons)), ("outlet", (outlet,))]
        return [(role, tuple(persons))]  # a photo agency, a translator's office
    if role is None and not _may_name_an_outlet(value):
        return None  # "News" in "News 2022-01-20", "Hits: 345"
    page = PAGE_ADDRESS.fullmatch(value.strip()) if role == "outlet" else None
    if page:
        return [("outlet", (page["host"],))]  # "Source: http://www.hunan.gov.cn/news/0506.html"
    if _names_an_outlet(role, value.strip("()（）")):
        return [("outlet", (value.strip("()（）"),))]
    return None


def _slashed_names(value: str) -> list[str] | None:
    """The persons of a field written with a slash: names on both sides ("Li Hua/Wang
    Fang"), or a picture agency before its photographer ("Xinhua/Li Jianan", "Wikimedia
    Commons/Anna Frodesiak"); None for names before their outlet ("Zhang San/Xinhua")."""
    first, _slash, second = value.partition("/")
    if looks_like_chinese_names(first) and looks_like_chinese_names(second):
        return split_names(first) + split_names(second)
    agency = AGENCY_THEN_NAMES.fullmatch(value)
    if agency and looks_like_names(agency["names"]) and not looks_like_names(agency["agency"]):
        return split_names(agency["names"])
    return None


def _uncapped(value: str) -> str:
    """A name a site printed in capitals ("By LI HUA"; given name first and a comma between:
    "By XINGYING, CHEN"; the family name alone in capitals: "LI Hua") as names are written
    ("Li Hua", "Chen Xingying"); any other value as it is."""
    match = CAPS_INVERTED.fullmatch(value.strip())
    if match is None:
        capitals = value.replace(" and ", " ").isupper() and len(value.split()) > 1  # not "CGTN"
        if capitals:
            titled = " ".join(word if word == "and" else word.title() for word in value.split())
            return titled if looks_like_names(titled) else value
        return CAPS_FAMILY.sub(_family_uncapped, value)
    given, family = match["given"].title(), match["family"].title()
    return f"{family} {given}" if is_family_name(family) and not is_family_name(given) else value


def _family_uncapped(match: re.Match[str]) -> str:
    word = match.group().title()
    return word if is_family_name(word) else match.group()  # not "CGTN Li Hua"


def _persons_then_outlet(value: str) -> tuple[list[str], str] | None:
    """Names, then the outlet they work for: "Yuan Meng, Liu Ning (People's Daily Online)",
    "Yuan Mengwen from Foreign Affairs Office of Wuhu", "Guo Liliang, Hunan Daily",
    "Zhang San/Xinhua", "Li Yu and Peng Chao in Chengdu (China Daily)", "Hu Xiaoyu
    chinadaily.com.cn"."""
    value = value.strip()
    if value.endswith((")", "）")) and ("(" in value or "（" in value):
        cut = max(value.rfind("("), value.rfind("（"))
        names, outlet = value[:cut], value[cut + 1 : -1]
    elif " from " in value:
        names, _from, outlet = value.partition(" from ")
    elif "/" in value:  # "Zhang San/Xinhua"
        names, _slash, outlet = value.rpartition("/")
    elif ACRONYM_AFTER.search(value) or DOMAIN_AFTER.search(value):
        names, outlet = value[: value.rfind(" ")], value.rsplit(" ", 1)[1]  # "Wang Fan ECNS"
    else:
        names, _comma, outlet = value.rpartition(",")
    names, outlet = PLACE_AFTER.sub("", names.strip()), outlet.strip()  # "Li Yu in Chengdu"
    if names and looks_like_names(names) and _names_an_outlet("outlet", outlet):
        return split_names(names), outlet
    return None


def parse_credit_line(line: str) -> tuple[str, list[str]] | None:
    """(role, names) of a credit line such as "Editor: Feng Lili", or None."""
    fields = _credit_fields(line.strip())
    return (fields[0][0], list(fields[0][1])) if fields else None


def is_cjk_credit(line: str) -> bool:
    """A credit left in Chinese ("责任编辑：李娜", "Editor: 李娜"): residue, not a person to list
    (the English credit, when there is one, gives the name). An English source label with a
    Chinese name ("Source: 新华网") is no residue: it names the outlet."""
    if line.isascii():
        return False  # both forms hold an ideograph
    line = line.strip()
    if CJK_CREDIT.match(line):
        return True
    label = LABEL.match(line)
    return (
        label is not None
        and _role(label) != "outlet"  # "Source: 新华网" states the story's source
        and CJK_VALUE.fullmatch(line[label.end() :]) is not None
    )


def parse_byline(line: str) -> Byline:
    """Outlet, date text and persons of a byline or credit line ("Author:Taizhou Daily
    Time:2022.08.02", "Jul 1, 2016 | Source: by Shanghai Daily"). A field that credits
    nothing ("Time: the day before yesterday") may still be the date or the outlet."""
    outlets: list[str] = []
    labelled: list[str] = []  # outlets written under a source label
    published_raw: str | None = None
    credits: list[tuple[str, str]] = []
    fields = _fields(unwrap(line))
    for position, (role, value) in enumerate(fields):
        if _writer_before_date(fields, position):
            role = "author"  # "Sumaira FH Published October 17, 2024"
        if role == "published":  # the date, or what the label holds when it is no date
            rest, date_raw = _without_date(value)
            if date_raw or not value.endswith((":", "：")):  # "Time: Typeface:", no date
                published_raw = published_raw or date_raw or value or None
            rest = rest.strip("()（） ")  # "Updated: 2023-09-09 07:13 ( CHINA DAILY )"
            if date_raw and _outlet_alone(rest):
                outlets.append(rest)  # "Updated: October 20, 2022 09:33 CGTN"
            continue
        written, (value, date_raw) = value, _without_date(value)
        if role is None and date_raw is None and looks_like_date(value):
            published_raw = published_raw or value  # "May 6 10:22": the page gives the year
            continue
        published_raw = published_raw or date_raw
        if not value or (date_raw and _labels_a_date(written)):
            continue  # "Issued at : 2022-05-12": a label of the date, no outlet
        credited = _field_credits(role, value)
        if credited is None:
            if role == "outlet" or (role is None and _may_name_an_outlet(value)):
                (labelled if role == "outlet" else outlets).append(value.strip("()（）"))
            continue  # a person label with a user's handle ("Author:zhongdeen")
        for credit_role, names in credited:
            if credit_role == "outlet":
                (labelled if role == "outlet" else outlets).extend(names)
            else:
                credits += [(credit_role, name) for name in names]
    return Byline(
        _stated_outlet(outlets, labelled),
        published_raw,
        persons(credits, "author"),
        persons(credits, "editor"),
        credits,
        sourced=bool(labelled),
    )


def _writer_before_date(fields: tuple[tuple[str | None, str], ...], position: int) -> bool:
    """An unlabelled person's name right before the date's label is the writer's
    ("Sumaira FH Published October 17, 2024"); an outlet's name there is not a person's."""
    role, value = fields[position]
    return (
        role is None
        and position + 1 < len(fields)
        and fields[position + 1][0] == "published"
        and MIN_WRITER_WORDS <= len(value.split()) <= MAX_NAME_WORDS
        and not DATE_LABEL_WORDS.intersection(value.casefold().split())  # "Last Build Date:"
        and looks_like_names(value)
    )


def _stated_outlet(unlabelled: list[str], labelled: list[str]) -> str | None:
    """The outlet a byline names: one under a source label before a name the line only
    shows ("Hangzhou News 2020-12-30 Source:Hangzhou.com.cn" is Hangzhou.com.cn's), and an
    English name before a Chinese one."""
    outlets = [" ".join(BRACKETED.sub(_without_toolbar, o).split()) for o in labelled + unlabelled]
    outlets.sort(key=lambda outlet: CJK.search(outlet) is not None)  # a stable sort
    return next(iter(outlets), None)


def _without_toolbar(bracketed: re.Match[str]) -> str:
    """A bracketed group after an outlet's name, gone when it is a toolbar's ("Xinhua
    [Font: Large Medium Small]")."""
    return bracketed.group() if strip_toolbar(bracketed.group()) else ""


def _may_name_an_outlet(value: str) -> bool:
    """An unlabelled field may name the outlet; a toolbar's word, a view counter, a count
    before a label that names nobody or a time does not ("Print", "Hits: 345", "0 By")."""
    return (
        not is_furniture_word(value)
        and not value.startswith("By ")  # "By a Minghui correspondent in Jiangxi Province"
        and not DATE_LABEL_WORDS.issuperset(value.casefold().split())  # "Last Updated on"
        and bool(strip_toolbar(value))
        and not COUNT_AND_LABEL.fullmatch(value)
        and not TIME_AFTER.fullmatch(value)  # "10:22" after "Posted: 6 May 2023 |"
    )


# A wire dateline that opens a story: place in capitals, date, agency ("YINCHUAN, Aug. 2
# (Xinhua) --", "BEIJING, Sept. 23, 2021 /PRNewswire/ —", "HAINAN, Sep 17, 2019, China Daily.").
DATELINE = re.compile(
    r"[A-Z][A-Z.'’ -]{1,30}(?:,\s*[A-Z][A-Za-z.' -]{1,30}){0,2},\s*"
    r"(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)\s*"
    r"(?:(?:[/(（](?P<agency>[A-Za-z][A-Za-z .-]{1,30})[/)）])?\s*(?:--|[—–-])"
    r"|,\s*(?P<outlet>[A-Z][A-Za-z.' ]{1,30}?)\.\s)"  # "HAINAN, Sep 17, 2019, China Daily. "
)


# A wire's source closing its story after a dash: "-- BERNAMA", "— Xinhua"
DASH_SOURCE = re.compile(r"(?:--|[–—])\s*+(?P<outlet>[^\s–—-].{1,60}+)")
# An agency alone opening a story: "(ECNS) -- About 140 medical workers ..."
AGENCY_DATELINE = re.compile(r"[(（](?P<agency>[A-Za-z][A-Za-z .]{1,30})[)）]\s*(?:--|[—–])")


def read_dateline(paragraph: str) -> Byline | None:
    """The date and agency of a wire dateline opening a story's first paragraph, or None."""
    match = DATELINE.match(paragraph)
    if match is None:
        agency = AGENCY_DATELINE.match(paragraph)
        named = agency is not None and _outlet_alone(agency["agency"])
        return Byline(agency["agency"], None) if named else None
    if find_date(match["date"], default_year=2000) is None:
        return None
    if match["outlet"] is not None and not _outlet_alone(match["outlet"]):
        return None
    return Byline(match["agency"] or match["outlet"], match["date"])


def chinese_credits(line: str) -> list[tuple[str, str]]:
    """(role, name) for each person a credit line names in Chinese characters ("Editor:
    曹家宁", "编辑:刘婷婷"): names as written, for a page that names them in no other way."""
    if line.isascii():
        return []
    fields = [(role, CJK_LABEL_AFTER.sub("", value)) for role, value in _fields(unwrap(line))]
    return [
        (role, name)
        for role, value in fields
        if role in PERSON_ROLES and CJK_NAMES.fullmatch(value.strip(EDGE_PUNCTUATION))
        for name in CJK_NAME.findall(value)
    ]


def persons(credits: list[tuple[str, str]], column: str) -> list[str]:
    """The names of credits whose role fills a column ("author", "editor"), in order."""
    return [name for role, name in credits if GROUPS[role] == column]


def looks_like_byline(line: str) -> bool:
    """A short line of byline fields that all make sense: labelled ones ("Source: Xinhua",
    "Editor: Li Na"), dates, and outlets beside a date ("People's Daily Online) 10:58,
    September 16, 2022", "eguangzhou.gov.cn | Updated:2023-09-26"), and an outlet's name alone
    in brackets ("(Xinhua)", "( China Daily )")."""
    whole, line = line.strip(), unwrap(line)
    if len(line) > MAX_BYLINE_CHARS:
        return False
    label = LABEL.match(line)
    if label and _heading_like(line, label):
        return False
    fields = _fields(line)
    labelled = any(role is not None for role, _ in fields)
    if not labelled and find_date(line) is None:
        return _set_apart_outlet(whole, line)
    if not labelled and line.endswith((")", "）")):
        return False  # a headline dated in brackets
    for position, (role, written) in enumerate(fields):
        if role == "published" and position > 0 and find_date(written) is None:
            return False  # "A Series of Videos Posted on Social Media ...": a headline
        written = _without_date(written)[0]
        value = written.strip("()（）")
        if not value:
            continue
        if role is None and not (_looks_like_proper_name(value) or is_site_name(value)):
            return False  # "General Office of Xi'an Municipal People's Government" is a name
        if role == "outlet" and not _names_an_outlet(role, value):
            return False
        if role in PERSON_ROLES and not _names_persons(role, written):
            return False
    return True


def _set_apart_outlet(whole: str, line: str) -> bool:
    """An outlet's name alone on a line, set apart by brackets ("(Xinhua)", unwrapped to
    `line`) or by a dash before it, as a wire's closing source ("-- BERNAMA", "— Xinhua")."""
    dashed = DASH_SOURCE.fullmatch(line)
    if dashed is not None:
        outlet = dashed["outlet"]
        return _outlet_alone(outlet) or (outlet.isalpha() and outlet.isupper())  # "BERNAMA"
    return whole != line and is_site_name(line)


def _names_persons(role: str, written: str) -> bool:
    """A person label's field that credits someone: names ("By Li Yu in Chengdu (China
    Daily)"), a user's handle or address, names in Chinese ("编辑:秦舷"); not "By the river"."""
    value = written.strip("()（）")
    return bool(
        _field_credits(role, written) or HANDLE.fullmatch(value) or CJK_NAMES.fullmatch(value)
    )


def is_picture_credit(text: str) -> bool:
    """A bracketed agency picture credit alone: "(Xinhua/Li Jianan)"."""
    match = AGENCY_CREDIT.fullmatch(text.strip())
    return match is not None and looks_like_names(match["names"].strip())


def caption_credits(line: str) -> list[tuple[str, str]]:
    """The photographer a caption credits: "(Photo/Yang Huafeng)", "(Photo by Guo Liliang,
    Hunan Daily)", "(Photo: Liu Yang / Hinews)", "[Photo by Will]", "... River. Photo by Yang
    Chenguang, journalist from Xinhua", "(Xinhua/Liu Xiao)", "ZHANG WEI/CHINA DAILY"; the
    outlet is left out."""
    lowered = line.lower()
    if not line.endswith(CREDIT_ENDS) and "photo" not in lowered and "picture" not in lowered:
        return []  # no credit can be in it (most lines of a story)
    match = CAPTION_CREDIT.search(line) or AGENCY_CREDIT.search(line)
    caps = None if match else _caps_credit(line)
    names = _uncapped((match or caps)["names"].strip() if match or caps else "")
    if "/" in names:  # "Photo: Wikimedia Commons/Anna Frodesiak", "Photo: Liu Yang / Hinews"
        slashed = _slashed_names(names)
        if slashed:
            return [("photographer", name) for name in slashed]
        names = names.partition("/")[0].strip()
    if not names or not looks_like_names(names):
        return []
    return [("photographer", name) for name in split_names(names)]


def _caps_credit(line: str) -> re.Match[str] | None:
    """A picture credit in capitals closing a caption ("... on Aug 17. ZHANG WEI/CHINA
    DAILY"): searched only in a line that ends in a capital."""
    return CAPS_CREDIT.search(line) if line.endswith(CAPITALS) else None


def caps_credit_start(line: str) -> int | None:
    """Where a picture credit in capitals closes a caption, or None."""
    match = _caps_credit(line)
    return match.start() if match else None


def has_label(line: str) -> bool:
    return LABEL.search(line) is not None
