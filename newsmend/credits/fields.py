"""The labels of credit lines and how a line is cut into fields: each label ("Editor:",
"Source:", "Translator") stands for a role (`tables/roles.toml`), and a field runs from a
label to the next label or bar."""

from __future__ import annotations

import re
from functools import lru_cache

from newsmend.credits.names import CJK_NAMES, EDGE_PUNCTUATION, looks_like_names
from newsmend.credits.outlets import PICTURE_FILE, is_site_name
from newsmend.dates import MONTHS, TIME_ZONE, find_date, is_time_zone
from newsmend.furniture import (
    PROMPT_KINDS,
    furniture_kind,
    is_end_marker,
    is_furniture_word,
    strip_toolbar,
)
from newsmend.tables import read_toml

_TABLE = read_toml("roles.toml")
ROLES: dict[str, str] = _TABLE["labels"]  # label -> role ("Translator" -> "translator")
GROUPS: dict[str, str] = _TABLE["groups"]  # role -> column ("translator" -> "editor")
# role -> the columns it fills: one, or two joined by "+" ("author_editor": both)
COLUMNS: dict[str, tuple[str, ...]] = {role: tuple(g.split("+")) for role, g in GROUPS.items()}
NOBODY = frozenset(name.casefold() for name in _TABLE["nobody"]["names"])  # "Staff Writers"
PROVIDED = tuple(word.casefold() for word in _TABLE["provided"]["words"])  # "Ti Gong"
# Whose affiliation is the story's outlet ("By Li Hua, China Daily"); a photographer's or a
# translator's is not.
OUTLET_BEARING_ROLES = ("author", "reporter", "correspondent")
PERSON_ROLES = tuple(
    role for role, columns in COLUMNS.items() if {"author", "editor"} & set(columns)
)
MAX_BYLINE_CHARS = 200
MAX_OPEN_TAIL_CHARS = 40  # what a bracket the page never closed may hold: an outlet's name
# A site user's handle and "on" a date after a label ("Submitted by admin on 2 July 2021")
HANDLE_ON = re.compile(r"[a-z][\w.-]{1,30}\s+on\s+[A-Z0-9]")
# A site's domain or an outlet's name in brackets after a label, and no name, closing the
# line: "By ( chinadaily.com.cn )", "By ( China Daily )" (the name left empty in the template)
BRACKETED_SOURCE = r"\(\s*+(?:[a-z0-9-]++\.[a-z]|[A-Z][^()\n]{1,40}\)\s*+$)"
# A value naming nobody alone after a label, in any case: a CMS's account ("BY admin", "by
# administrator"), the staff ("by staff reporters")
NOBODY_ALONE = (
    rf"(?:{'|'.join(re.escape(name) for name in sorted(NOBODY, key=len, reverse=True))})$"
)
DATE_LABEL_WORDS = frozenset({"last", "build", "release", "publish", "update", "post", "issue"})


def _label_pattern(label: str) -> str:
    """A label as written in the table, with any spacing between its words."""
    return r"\s+".join(re.escape(word) for word in label.split(" "))


def _glued_label(label: str) -> str:
    """A label as it may run into the word before: its capital first, then any case ("Pidu
    NewspaperInput Date:")."""
    return re.escape(label[0]) + "(?i:" + _label_pattern(label[1:]) + ")"


def _compile_labels(grouped: bool = True) -> re.Pattern[str]:
    """Labels in any case; inside a line one starts with a capital or is Chinese, except at
    the start of a line ("date 2023-04-12"), after a comma, colon, slash, dash, bracket or a
    date's last digit (", edited by ...", "Source: by Shanghai Daily", "20:21:20 source:
    Zhejiang News"), after a gap of spaces ("16:14:45  source:sdchina.com") or after a
    site's domain ("p.china.org.cn by Wang Huihui, July 29, 2021"). A label is
    followed by a separator, or by a space and then a capital, a digit, a user's handle
    and its date ("Submitted by admin on 2 July 2021") or a CMS's account ("BY admin"). Never after " in ": that is a post's
    category ("June 4, 2013 in Photos by Steven").
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
        rf"(?=[{first}])(?<![A-Za-z_'’])(?<! in )(?:^|(?<=[,;:，；：/—–(（|｜])|(?<=[,;:，；：/—–(（\d|｜]\s)|(?<=\s\s)|(?<=\sand\s)"
        r"|(?<=(?-i:[a-z]\.[a-z]{2})\s)|(?<=(?-i:[a-z]\.[a-z]{3})\s)"
        rf"|(?-i:(?=[A-Z\u4e00-\u9fff])))"
        rf"(?:{alternation})"
        rf"(?:\s*[:：|｜/／]\s*|,\s*+(?-i:(?=[A-Z]))|\s+(?-i:(?=[A-Z0-9]|{HANDLE_ON.pattern}|{BRACKETED_SOURCE}))|\s+(?={NOBODY_ALONE}))",
        re.IGNORECASE,
    )


_LABEL_ORDER = sorted(ROLES, key=len, reverse=True)
LABEL_SEPARATORS = frozenset(":：|｜/／,")  # what may stand between a label and its value
# A capitalised label and its colon run into the word before ("Zhang BinFrom:English
# Edition"): the page's elements joined without a space.
CASE_JOIN = re.compile(r"[a-z][A-Z]")  # where GLUED_LABEL can be: rare in a sentence
# A date run into the name before it: "By Mei ManuelJune 21st, 2016"
GLUED_MONTH = re.compile(
    rf"(?<=[a-z])(?=(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?\s?\d)"
)
GLUED_LABEL = re.compile(
    r"(?<=[a-z])(?="
    + "|".join(_glued_label(label) for label in _LABEL_ORDER if label[0].isupper())
    + r")(?=[A-Za-z ]{1,25}[:：])"
)
# A lowercase label inside a line with its colon at once ("source:x.org release date:...")
# is a label, written with a capital as labels inside a line are; a picture's source is not
COLON_LABEL = re.compile(
    r"(?<=\s)(?i:(?<!image\s)(?<!photo\s)(?<!picture\s))[a-z]++(?: [a-z]++)?(?= ?[:：])"
)
# A label that names who did the work ("Author", "Editors", "Written by", "记者"), not the
# work ("Video", "Review", "Interview"): a headline may open with the latter and a colon.
AGENT_LABEL = re.compile(r"(?:(?:er|or|ist|ent)s?|by|[\u4e00-\u9fff])$", re.IGNORECASE)
# A logo's text glued before the byline, one token: "epa-efeBy Alex Plavevski"
LOGO_BEFORE_BY = re.compile(r"^[\w.-]{2,20}?(?<=[a-z])(?=By [A-Z][a-z])")
BY_GLUED = re.compile(r"^By(?=[A-Z][a-z])")  # "ByLiu Mingtai and Zhou Huiying"
LABEL = _compile_labels()
# PressReader's copy of a paper's page opens its credit line with the paper and the page's
# section: "China Daily (Hong Kong) - - SPORTS - By ZHUAN TI", "China Pictorial (English) - -
# Contents - Text by Zhang Xue Photographs by Dong Fang": the paper, then the credits.
PRESSREADER_HEAD = re.compile(r"^(?P<outlet>[^-|]{2,60}?) - - [^-|]{1,40}? - (?=\S)")
# China Daily's print byline closes on how to write to them: "Contact the writers at ..."
CONTACT_TAIL = re.compile(r"(?<!\s)\s++(?i:contact the (?:writer|reporter|author)s? at)\s++\S++$")
# Between fields: a bar, a dash ("By He Xin—Yiwu Business") or a spaced slash ("hiHainan /
# By Chen Shumin"). Pieces are stripped: no \s*
# around it (quadratic on runs of spaces).
# "Xinhua | 2023", "CHINADAILY · 时评 · 2024-03-09", "Hu Xiaofei–Jinhua Daily" (an en dash
# between two words, not two numbers)
BAR = re.compile(r"[|｜—]|(?<=\s)[/·](?=\s)|(?<=[a-z])–(?=[A-Z])")
# A few words and a colon before a date: a label of the date this table does not know
DATE_LABEL = re.compile(r"(?<!\w)(?:\w++\s){0,3}\w++\s?[:：]\s*+")
CATEGORIES = re.compile(r"^\s+in\s+[A-Z][\w&'’ -]*+(?:,\s*+[A-Z][\w&'’ -]*+)*$")
COUNT_AND_LABEL = re.compile(r"[\d\s]*+(?:(?i:by|source|author|editor)\s*+[:：]?)?")  # "0 By"
ISSUE_NUMBER = re.compile(
    r"(?i:no)\.?\s*+\d++(?:\s*+[-–]\s*+\d++)?"
)  # a print issue's: "NO. 40-41"
# Names, then the role: "Li Hua, Staff Reporter", "Monica Cheru-Managing Editor", "Yang Lan —
# Reporter"; the last word of the role is a label of the table.
ROLE_AFTER = re.compile(
    r"(?:(?i:by)\s++)?(?P<names>[A-Z][^\s,|—–-]{0,20}(?:\s[A-Z][^\s,|—–-]{0,20}){0,3})"
    r"\s*+[,|—–-]\s*+(?P<role>(?i:(?:staff|senior|chief|special|managing|executive|deputy"
    r"|associate|contributing)\s++)?(?i:reporter|writer|editor|correspondent|photographer"
    r"|journalist|contributor|translator))"
)
ROLE_ENDS = ("r", "R", "t", "T")  # how the roles of ROLE_AFTER end
# A contributor named in a closing sentence: "Intern Xing Yawen contributed to this story.",
# "Fang Xiaoying in Hangzhou contributed to this story.", "Fang Xiaoying and Hou Minhao
# contributed to this story.", "(Yue Ruxin, as an intern, contributes to this report)": the
# story's writer, as the wire's "Contributor: X" is.
CONTRIBUTED = re.compile(
    r"(?:(?i:intern|trainee)\s++)?"
    r"(?P<names>[A-Z][^\s,]{0,20}(?:\s(?:and\s)?[A-Z][^\s,]{0,20}){0,5})"
    r"(?:\s++in\s++[A-Z][a-z]++|,\s*+as an intern,)?"
    r"\s++contribut(?:ed|es) to (?:this|the) (?:story|report|article)\.?"
)
CONTRIBUTED_ENDS = ("story.", "story", "report.", "report", "article.", "article")
MAX_ROLE_AFTER_CHARS = 120  # four names of 20 letters and a role at most
# A role's word in lower case between two names, in a line that opens with a person's label:
# Chinese credits translated word by word ("reporter Shen Zhen correspondent Yu Haiyang": 记者
# 沈振 通讯员 于海洋); in a sentence the word would not stand between two capitals.
INLINE_ROLE = re.compile(
    r"(?<=[a-z])\s++(?P<role>reporters?|correspondents?|interns?|photographers?|editors?)\s++(?=[A-Z])"
)
# "on" before a date ("Posted by Li Hua on May 6, 2023") and a time after one ("Posted: 6
# May 2023 | 10:22", "06 May 2023, 10:22 GMT+8"): the date's, not a name. ("at" stays: "Issued
# at 15:15 on June 8" is a label's.)
ON_BEFORE = re.compile(r"\son\s*+$")
TIME_AFTER = re.compile(
    r"^[\s,|｜]*+\d{1,2}:\d{2}(?>(?::\d{2})?)(?>(?:\s*+[AaPp]\.?[Mm]\.?)?)"
    rf"(?>(?:\s*+{TIME_ZONE})?)"
    r"(?:[\s,|｜]+\d{1,5})?"  # a count after it: "20:08 UTC+8, 2021-04-08 0" (0 comments)
)
PARENTHESES = "()（）"


def unbracketed(value: str) -> str:
    """An outlet's name without its parentheses, even one of them ("People's Daily Online)
    10:58"), or the square brackets around all of it ("[HKFP] - 28/12/2024"; not the one
    a toolbar's "[Font: Large Medium Small]" leaves)."""
    value = value.strip(PARENTHESES + " ")  # "( chinadaily.com.cn )"
    if value.count("(") > value.count(")"):
        value += ")"  # the edition's closing bracket: "China Daily (Hong Kong)"
    if value[:1] in "[【" and value[-1:] in "]】":
        return value[1:-1].strip()
    return value


EMPTY_BRACKETS = re.compile(r"[\[【(（]\s*+[\]】)）]")  # what a date cut out of them leaves

OPENING, CLOSING = tuple("[(【（"), tuple("])】）")

ENCLOSED = re.compile(r"[\[【(（]\s*+(?P<inner>[^\[\]【】()（）]*+)[\]】)）]")  # "[Editor: Li Na]"


def label_role(match: re.Match[str]) -> str:
    return ROLES[_LABEL_ORDER[int(match.lastgroup[1:])]]


def unwrap(line: str) -> str:
    """A line as its fields are read: in a line of lowercase labels, those inside it
    capitalised ("source:x.org Release date:2017/03/09"), a space before a label run into the
    word before it, without the brackets around all of it ("(Correspondent Zhao Lei)", and
    with a full stop after them: "[Editor in charge: Li Tingyu]."), and with a role written
    after the names put before them ("Monica Cheru-Managing Editor", "By Li Hua, Staff
    Writer": "Editor: Monica Cheru", "Writer: Li Hua"; an outlet's "Taiwan News, Staff
    Writer": "Source: Taiwan News"), "By" run into the name ("ByLiu Mingtai"); a bracket
    opened at its end, whose text the page lost, goes ("By Wang Qian  ("), and so does one
    the page cut before it closed ("(Li Jiayin; Hua Shan;")."""
    line = line.strip()
    # "China Daily (Hong Kong) - - SPORTS - By ...": the paper as the source, then the credits
    if " - - " in line:
        line = PRESSREADER_HEAD.sub(r"Source: \g<outlet> | ", line)
    # "- By LIU YUKUN ... Contact the writers at liuyukun@...": the address goes
    if "contact the" in line.lower():
        line = CONTACT_TAIL.sub("", line)
    if line.endswith(("(", "（")):
        line = line[:-1].rstrip()  # a bracket opened and cut off: "By Wang Qian  ("
    elif line.startswith(("(", "（")) and ")" not in line and "）" not in line:
        line = line[1:].lstrip()  # one the page cut before it closed: "(Li Jiayin; Hua Shan;"
    elif _left_open(line):
        line += ")"  # one the page never closed: "By LUO WANGSHU ( Chinadaily.com.cn"
    if line[:1].islower() and len(line) <= MAX_BYLINE_CHARS:
        line = COLON_LABEL.sub(_capitalised, line)  # "source:x.org release date:2017/03/09"
    if len(line) <= MAX_BYLINE_CHARS and CASE_JOIN.search(line):
        line = GLUED_LABEL.sub(" ", line)  # "... and Zhang BinFrom:English Edition of Qiushi"
        line = GLUED_MONTH.sub(" ", line)
        line = LOGO_BEFORE_BY.sub("", BY_GLUED.sub("By ", line))
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
    if line.endswith(CONTRIBUTED_ENDS) and (named := CONTRIBUTED.fullmatch(line)):
        return f"Contributor: {named['names']}" if looks_like_names(named["names"]) else line
    if after and looks_like_names(after["names"]):
        return f"{after['role'].split()[-1]}: {after['names']}"
    if after and after["role"].casefold().startswith("staff") and is_site_name(after["names"]):
        return f"Source: {after['names']}"  # "Taiwan News, Staff Writer": its staff, unnamed
    return _without_affiliation(line) if len(line) > MAX_BYLINE_CHARS else line


def _left_open(line: str) -> bool:
    """A bracket opened near the line's end and never closed, around a name or two."""
    opened = max(line.rfind("("), line.rfind("（"))
    tail = line[opened + 1 :]
    return 0 < opened and len(tail) <= MAX_OPEN_TAIL_CHARS and not any(c in tail for c in ")）")


def _without_affiliation(line: str) -> str:
    """A labelled credit line without the long affiliation in brackets that closes it
    ("Author: Chen Chengwen (Special Research Fellow of ..., Dean of ...)"); other lines as
    they are."""
    opening = max(line.rfind("("), line.rfind("（"))
    if (
        opening < 0
        or not line.endswith((")", "）"))
        or len(line) - opening < MIN_AFFILIATION_CHARS
        or LABEL.match(line) is None
    ):
        return line
    return line[:opening].rstrip()


def _capitalised(word: re.Match[str]) -> str:
    return word.group().capitalize()


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


MIN_AFFILIATION_CHARS = 40  # a bracket closing a credit line this long holds no outlet's name
AND_BEFORE_LABEL = re.compile(r"(?<!\s)\s++and\s*+$")  # "By Shi Zihan and edited by Brian Salter"


@lru_cache(maxsize=4096)
def line_fields(line: str) -> tuple[tuple[str | None, str], ...]:
    """(role, text) for each field of a line: a field runs from a label to the next label or
    bar (" | "); text under no label has the role None ("China Daily" in "By Li Hua | China
    Daily"). Cached: a credit line's fields are read when its kind is found and again for its
    record."""
    matches = list(LABEL.finditer(line))
    if matches and matches[0].start() == 0 and label_role(matches[0]) in PERSON_ROLES:
        matches += INLINE_ROLE.finditer(line, matches[0].end())  # "reporter X correspondent Y"
        matches.sort(key=lambda m: m.start())
    starts = [m.start() for m in matches] + [len(line)]
    pieces: list[tuple[str | None, str]] = [(None, line[: starts[0]])]
    pieces += [(_role_of(m), line[m.end() : end]) for m, end in zip(matches, starts[1:])]
    fields: list[tuple[str | None, str]] = []
    for role, text in pieces:
        first, *rest = BAR.split(AND_BEFORE_LABEL.sub("", text))
        if fields and _joined_to_source(fields[-1], role, first.strip()):
            fields[-1] = (fields[-1][0], first.strip())
        else:
            fields += [(role, first.strip())] if role or first.strip() else []
        fields += [(None, piece.strip()) for piece in rest if piece.strip()]
    return tuple(fields)


def _role_of(match: re.Match[str]) -> str:
    """The role of a label, or of a role's word between two names (INLINE_ROLE)."""
    if match.re is INLINE_ROLE:
        return ROLES[match["role"].capitalize()]  # "correspondent": the table's "Correspondent"
    return label_role(match)


def _joined_to_source(before: tuple[str | None, str], role: str | None, value: str) -> bool:
    """A person's label joined to the source's label, the value the persons' ("作者/来源:
    狄慧、蔡月茹", "Creator/Source: Zhou Wei"); "Author/Source: Xinhua" names the outlet."""
    return (
        before[0] in PERSON_ROLES
        and not before[1]
        and role == "outlet"
        and (looks_like_names(value) or CJK_NAMES.fullmatch(value) is not None)
    )


def labels_a_date(text: str) -> bool:
    """Whether text is a few words and a colon, then a date ("Issued at : 2022-05-12")."""
    label = DATE_LABEL.match(text)
    found = find_date(text[label.end() :]) if label else None
    return found is not None and found.start == 0


def without_date(text: str) -> tuple[str, str | None]:
    """Text with its first full date cut out, and that date's raw text; the brackets it was
    written in ("Blent [2011-05-20]") and the categories a blog files the post in after its
    date go too ("April 30, 2010 in About Qingdao, Events")."""
    found = find_date(text)
    if found is None:
        return text.strip(EDGE_PUNCTUATION), None
    after = CATEGORIES.sub("", TIME_AFTER.sub("", text[found.end :], count=1))
    rest = EMPTY_BRACKETS.sub("", ON_BEFORE.sub("", text[: found.start]) + " " + after)
    return " ".join(rest.split()).strip(EDGE_PUNCTUATION), found.raw


def opens_with_by(text: str) -> bool:
    """A field that opens with "By", in any case ("By a Minghui correspondent", "BY admin"):
    a writer's, named or not; never an outlet's name nor a headline."""
    return text[:3].casefold() == "by "


def may_name_an_outlet(value: str) -> bool:
    """An unlabelled field may name the outlet; a toolbar's word, a view counter, a count
    before a label that names nobody, an issue number, a time, a prompt, an end marker or a
    bullet or a picture's file does not ("Print", "Hits: 345", "0 By", "NO. 40-41", "Leave a
    comment", a press release's "Ends/Friday, November 8, 2013", "•", "12.jpg"), nor the
    words that say a person gave the picture ("Zhang Weiqiang / Ti Gong") or name nobody
    ("Staff reporter")."""
    folded = value.strip().casefold()
    return (
        folded not in PROVIDED
        and folded not in NOBODY  # "By: Shelley Shan / Staff reporter"
        # a menu's words may make an outlet's name of two or more: "China News Service"
        and (not is_furniture_word(value) or (is_site_name(value) and " " in value))
        and not opens_with_by(value)  # "By a Minghui correspondent in Jiangxi Province"
        and not DATE_LABEL_WORDS.issuperset(value.casefold().split())  # "Last Updated on"
        and bool(strip_toolbar(value))
        and not COUNT_AND_LABEL.fullmatch(value)
        and not ISSUE_NUMBER.fullmatch(value)
        and not TIME_AFTER.fullmatch(value)  # "10:22" after "Posted: 6 May 2023 |"
        and furniture_kind(value) not in PROMPT_KINDS  # "Leave a comment"
        and not is_end_marker(value)
        and not PICTURE_FILE.search(value)  # "629f2a6113d58e173e20977a.jpg 2022-06-09"
        and not is_time_zone(value)  # "16:40, 03 May 2016 | GMT +6"
        and any(character.isalnum() for character in value)
    )


def has_label(line: str) -> bool:
    return LABEL.search(line) is not None


def opens_with_person_label(line: str) -> bool:
    """A line that opens with the label of a person who did the work and its colon
    ("author:Microscopic scriptures", "Editor: ..."): a credit, whatever its value says;
    a headline never opens so ("Video: Exploring charm of Lishui" may)."""
    label = LABEL.match(line)
    if label is None or not label[0].rstrip().endswith((":", "：")):
        return False
    name = label[0].rstrip(" :：")
    return label_role(label) in PERSON_ROLES and AGENT_LABEL.search(name) is not None
