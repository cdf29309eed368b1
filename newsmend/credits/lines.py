"""Credit lines: who a line such as "Editor: Feng Lili", "(Wu Shengwei, Wang Mingshuo)" or
"Zhang Wei (Xinhua)" credits, in which role, and the outlet it names."""

from __future__ import annotations

import re
from functools import lru_cache

from newsmend.credits.fields import (
    BAR,
    ENCLOSED,
    GROUPS,
    LABEL,
    LABEL_SEPARATORS,
    MAX_BYLINE_CHARS,
    NOBODY,
    OUTLET_BEARING_ROLES,
    PARENTHESES,
    PERSON_ROLES,
    PROVIDED,
    label_role,
    line_fields,
    may_name_an_outlet,
    unbracketed,
    unwrap,
    without_date,
)
from newsmend.credits.names import (
    CJK_NAME,
    CJK_NAMES,
    EDGE_PUNCTUATION,
    is_bare_name,
    is_family_name,
    is_pinyin_word,
    listed_names,
    looks_like_chinese_names,
    looks_like_names,
    split_names,
    uncapped,
)
from newsmend.credits.outlets import is_site_name, names_an_outlet, outlet_alone, site_domain
from newsmend.dates import MONTHS, find_date
from newsmend.furniture import is_furniture_word

CJK_CREDIT = re.compile(r"^[\u4e00-\u9fff]{1,8}\s*[:：]\s*[^A-Za-z]*$")  # "责任编辑：李娜"
# A picture agency, then its photographer: "Xinhua/Li Jianan", "Wikimedia Commons/Anna Frodesiak"
AGENCY_THEN_NAMES = re.compile(r"(?P<agency>[^/]{2,40}+)/\s*+(?P<names>[^/]{3,60}+)")
# Up to the first ideograph without ideographs: one way to match, so fullmatch is linear.
CJK_VALUE = re.compile(r"[^A-Za-z\u4e00-\u9fff]*[\u4e00-\u9fff][^A-Za-z]*")
# An editor who signs with a lowercase given name ("yan") or with initials ("MXJ")
EDITOR_SIGNATURE = re.compile(r"[a-z]{2,15}|[A-Z]{2,4}")
# Where a Taiwanese paper's reporter filed from, after the names (報導, translated): "[Reporter
# Xie Jieyu/Nantou Report]", "[Reporters Chen Xinyu, Weng Yuhuang/Comprehensive Report]"
REPORTED_FROM = re.compile(r"(?<!\s)\s*+/\s*+[A-Z][\w-]*+(?: [A-Z][\w-]*+)? Report$")
# A person's name in Chinese after its romanisation, glossing it: "WANG Jingyan 王婧言"
CJK_GLOSS = re.compile(r"(?<=[a-z]) ?[\u4e00-\u9fff]{2,4}(?=\s*+(?:[,，、]|$))")
# A name whose given name the site left in lower case: "Author: Lu fengbao"
LOWER_GIVEN_NAME = re.compile(r"(?P<family>[A-Z][a-z]{0,5}) (?P<given>[a-z]{1,12})")
# A remark in brackets after the names: "Ren Siqi, Ni Huaiyuan (in no particular order)"; not
# a domain ("By Jiang Wanjuan(chinadaily.com.cn)" names the outlet).
# A remark after a name, the last or one of a list: "Zhou Jiajie (intern), Liu Lingzhi"
REMARK = re.compile(r"(?<!\s)\s*+[(（][a-z][^()（）.]*+[)）](?=\s*+(?:[,，、]|and\s|$))")
# The outlet a translated byline says the story was sent to: "Reporter Chen Yuewen,
# Correspondents Li Guojun and Wei Yongzhe, dispatch to the Evening News" ("to" may be gone:
# a byline is read without its toolbar's words, "Back to top" among them).
AFFILIATION = re.compile(r"\s(?:from|with|for)\s")  # "Zhang Qihui for China Daily"
DISPATCH = re.compile(r",\s*+dispatch(?:ed)?\s++(?:to\s++)?(?:the\s++)?")
# Where a writer filed from, after each name: "Li Yu in Chengdu", "LIU KUN in Wuhan and ZHAO
# LEI in Beijing", "Huang Zhiling in Nanjiang, Sichuan", "LI LEI in Anji county, Zhejiang".
PLACE_NOUN = r"(?:county|city|province|district|town|township|village|prefecture|region)"
PLACE_AFTER = re.compile(
    rf"(?<=\S)\s++in\s++[A-Z][\w'’.-]*+(?:,?\s++(?:[A-Z][\w'’.-]*+|{PLACE_NOUN}\b)){{0,3}}"
    r"(?=\s++and\s|\s*+,|$)"
)
# "And" and "In" between names, as a site that capitalises every word prints them ("By Li
# Xiaokun And Liu Xiaoli In Sansha, Hainan"); neither is a syllable of a Chinese name.
TITLED_JOINER = re.compile(r"(?<=[a-z] )(?:And|In)(?= [A-Z])")
ACRONYM_AFTER = re.compile(r"[a-z]\s[A-Z]{2,6}$")  # an outlet's initials after a name
DOMAIN_AFTER = re.compile(r"[a-z]\s[a-z0-9-]++(?:\.[a-z0-9-]++)+$")  # a site's domain after it
CONTACT_AFTER = re.compile(r"(?<![^\s,])[^\s,@]++@[^\s@]++$")  # "…, niuhuizhe@xinhua.org"
CJK_LABEL_AFTER = re.compile(r"\s[\u4e00-\u9fff]{1,4}[:：]\S*$")  # "点击:" (clicks) after a name
# "by Xinhua writers Xuan Liqi, Hu Zhenhua and Huang Haoran": the outlet, its staff, the names
# (or a slash before them, as a Chinese byline is translated: "China News Weekly reporter / Wang Yu")
STAFF_WORDS = ("writer", "reporter", "correspondent", "journalist")
STAFF_POST = rf"(?:staff\s)?(?i:{'|'.join(STAFF_WORDS)})s?"  # "staff writers", "Reporter"
STAFF = re.compile(
    r"^(?P<outlet>[A-Z][\w.'’&-]*+(?:\s[A-Z][\w.'’&-]*+){0,3}?)\s++"
    rf"{STAFF_POST}(?:\s*+[/:：]\s*+|\s++)(?P<names>[A-Z].*+)"
)
PROVIDED_SEPARATORS = ("/", ",", "|", "｜")  # between the names and "Ti Gong"
DASH_BETWEEN = re.compile(r"\s[-–—]\s")  # names, a spaced dash, their outlet
ONE_SIDED_SLASH = re.compile(r"(?<=\S)/\s++|(?<!\s)\s++/(?=\S)")  # "Afra Jin/ Hellosanya"
PAGE_ADDRESS = re.compile(r"https?://(?P<host>[A-Za-z0-9-]++(?:\.[A-Za-z0-9-]++)+)/\S*")


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
    if is_bare_name(line) or listed_names(line):
        return (("author", tuple(split_names(line))),)  # names alone on a line: a byline
    label = LABEL.match(line)
    if label is None:
        return picture_givers(line) or _names_and_outlet(line) or _outlet_staff(line)
    if heading_like(line, label) or _from_a_phrase(line, label):
        return ()
    fields: list[tuple[str, tuple[str, ...]]] = []
    for role, value in line_fields(line):
        value = without_date(value)[0]
        if not value or role in ("published", "filed"):
            continue  # a label right before another ("Text/Photo: Zhang Wei"), or a date
        if role is None and value.casefold() in NOBODY:
            continue  # "By: Shelley Shan / Staff reporter": the writer's post, no outlet
        credited = field_credits(role, value)
        if credited is None:
            return ()
        fields += credited
    return tuple(fields)


def _from_a_phrase(line: str, label: re.Match[str]) -> bool:
    """A source's label that opens a phrase, not a source: before a month ("From April 20,
    the first batch of ...") or a span's "to" ("From Isolation to Opportunity", a section's
    heading)."""
    words = line[label.end() :].split()
    return (
        label_role(label) == "outlet"
        and bool(words)
        and (words[0].strip(".,").capitalize() in MONTHS or "to" in words[1:])
    )


def picture_givers(line: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Names, then the words saying they gave the picture ("Zhang Weiqiang / Ti Gong", "A
    Lalei / Ti Gong"): the picture's photographers; () for other lines."""
    folded = line.casefold()
    given = next((word for word in PROVIDED if folded.endswith(word)), None)
    if given is None:
        return ()  # most lines
    before = line[: -len(given)].rstrip()
    names = before[:-1].rstrip()
    if before[-1:] not in PROVIDED_SEPARATORS or not looks_like_names(names):
        return ()
    return (("photographer", tuple(split_names(names))),)


def _outlet_staff(line: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """An outlet's staff named without a label, as a wire's Chinese byline is translated
    ("Xinhua News Agency reporters Chen Cong and Yang Xuan"); () for other lines."""
    lowered = line.lower()
    if not any(word in lowered for word in STAFF_WORDS):
        return ()  # most lines
    staff = STAFF.fullmatch(line)
    if staff is None or not outlet_alone(staff["outlet"]):
        return ()
    outlet, names = staff["outlet"], staff["names"]
    # the same outlet's other staff after the names: "Guangming Daily reporter Hu Xiaojun
    # Guangming Daily correspondent Xue Bin" (光明日报记者 胡晓军 光明日报通讯员 薛斌)
    if outlet in names:
        again = rf"\s++{re.escape(outlet)}\s++{STAFF_POST}\s++"
        names = re.sub(again, ", ", names)
    if not looks_like_chinese_names(names):
        return ()
    return (("author", tuple(split_names(names))), ("outlet", (outlet,)))


def heading_like(line: str, label: re.Match[str]) -> bool:
    """A capitalised label with only a space and one word after it ("Photo Gallery", "Video
    Gallery", "Journalist Day", "Photos Charting"): a menu's item or a heading, not a credit,
    unless the word is a family name, an outlet's or a date ("Reporter Wang", "From
    Xinhua"); a label that ends in "by" always credits ("Translated by Zumi")."""
    if not label.group()[0].isupper() or LABEL_SEPARATORS.intersection(label.group()):
        return False  # "by Steven", "Photo: Xinhua"
    if label.group().rstrip().endswith(" by"):
        return False  # "Translated by Zumi": a pen name
    words = line[label.end() :].split()
    return len(words) == 1 and not (
        is_family_name(words[0])
        or outlet_alone(words[0].strip(PARENTHESES))
        or find_date(words[0])
        or words[0].casefold() in NOBODY
    )  # "Date 2025-01-19", "By (chinadaily.com.cn)", "BY admin" (the account that posted it)


def _names_and_outlet(line: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """An unlabelled line of Chinese names and the outlet they write for ("Zhang Wei
    (Xinhua)", "Li Hua, Shanghai Daily", "Li Hua | China Daily"): a byline; () for others."""
    words = line.split(maxsplit=1)
    if not words or not is_family_name(words[0]):
        return ()  # most lines: no name opens them; "[]" unwraps to none
    found = _persons_then_outlet(BAR.sub(",", line))
    if found is None:
        return ()
    names, outlet = found
    if not outlet_alone(outlet) or not looks_like_chinese_names(", ".join(names)):
        return ()
    return (("author", tuple(names)), ("outlet", (outlet,)))


# A given name run into the family name after it: "BellaHuang" (see _unglued_name)
GLUED_NAME = re.compile(r"\b(?P<given>[A-Z][a-z]{2,})(?P<family>[A-Z][a-z]{1,5})\b")


def _unglued_name(name: re.Match[str]) -> str:
    """A given name and a family name run together, set apart ("BellaHuang": "Bella Huang");
    other words in two capitals stay ("WeChat", "PetroChina")."""
    return f"{name['given']} {name['family']}" if is_family_name(name["family"]) else name.group()


@lru_cache(maxsize=4096)
def field_credits(role: str | None, value: str) -> list[tuple[str, tuple[str, ...]]] | None:
    """What one field of a credit line credits: persons in its role, an outlet, or both
    ("Photo by Guo Liliang, Hunan Daily"); None when it is no credit. A person label that
    names no person ("Author: Xinhua News Agency") names the outlet. Cached as line_fields (the
    list is shared: read, never changed)."""
    if role in PERSON_ROLES:
        value = _without_post(value.strip())  # "Keoni Everington, Taiwan News, Staff Writer"
        if value[:1] in "[【" and value[-1:] in "]】":
            value = value[1:-1]  # "Responsible editor: [Li Ji]"
        elif value[-1:] in "]】" and not any(bracket in value for bracket in "[【"):
            value = value[:-1]  # the label inside the brackets: "【Editor: Yang Yanyu】"
        value = CJK_GLOSS.sub("", CONTACT_AFTER.sub("", value)).rstrip(" ,")
        value = REPORTED_FROM.sub("", value)  # "Xie Jieyu/Nantou Report": where, not an outlet
        value = TITLED_JOINER.sub(lambda joiner: joiner.group().lower(), value)
        value = uncapped(PLACE_AFTER.sub("", REMARK.sub("", value).rstrip()))
        value = GLUED_NAME.sub(_unglued_name, value)  # "Edited by: BellaHuang"
        value = ONE_SIDED_SLASH.sub("/", value)  # a slash, not a space between two names
    slashed = slashed_names(value) if role in PERSON_ROLES and "/" in value else None
    if slashed:
        return [(role, tuple(slashed))]
    if role in PERSON_ROLES and value.casefold() in NOBODY:
        return [(role, ())]  # "by staff reporters": a credit line that names nobody
    if role in PERSON_ROLES and is_furniture_word(value):
        return None  # a menu after a label's word: "Video Map Download Contact Us"
    if role in PERSON_ROLES and looks_like_names(value):
        return [(role, tuple(split_names(value)))]
    staff = STAFF.match(value) if role in OUTLET_BEARING_ROLES else None
    if staff and looks_like_names(staff["names"]) and names_an_outlet("outlet", staff["outlet"]):
        return [(role, tuple(split_names(staff["names"]))), ("outlet", (staff["outlet"],))]
    if role is None and (is_bare_name(value) or listed_names(value)):
        return [("author", tuple(split_names(value)))]
    names_and_outlet = (_names_and_outlet(value) or _outlet_staff(value)) if role is None else ()
    if names_and_outlet:
        return list(names_and_outlet)
    lowered = LOWER_GIVEN_NAME.fullmatch(value.strip()) if role in PERSON_ROLES else None
    if lowered and is_family_name(lowered["family"]) and is_pinyin_word(lowered["given"]):
        return [(role, (lowered.group(),))]
    if GROUPS.get(role) == "editor" and EDITOR_SIGNATURE.fullmatch(value.strip()):
        return [(role, (value.strip(),))]  # Xinhua's "Editor: yan", "Web Editor:MXJ"
    persons_and_outlet = _persons_then_outlet(value) if role in PERSON_ROLES else None
    if persons_and_outlet and (persons_and_outlet[0] or role in OUTLET_BEARING_ROLES):
        persons, outlet = persons_and_outlet
        if role in OUTLET_BEARING_ROLES:
            return [(role, tuple(persons)), ("outlet", (outlet,))]
        return [(role, tuple(persons))]  # a photo agency, a translator's office
    if role is None and not may_name_an_outlet(value):
        return None  # "News" in "News 2022-01-20", "Hits: 345"
    page = PAGE_ADDRESS.fullmatch(value.strip()) if role == "outlet" else None
    if page:
        return [("outlet", (page["host"],))]  # "Source: http://www.hunan.gov.cn/news/0506.html"
    bare = site_domain(unbracketed(value))  # "( chinadaily.com.cn )", "[HKFP]"
    if names_an_outlet(role, bare):
        return [("outlet", (bare,))]
    return None


def _without_post(value: str) -> str:
    """A person field without the writer's post after its last comma, a post that names
    nobody ("..., Taiwan News, Staff Writer")."""
    before, comma, post = value.rpartition(",")
    return before.rstrip() if comma and post.strip().casefold() in NOBODY else value


def slashed_names(value: str) -> list[str] | None:
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


def affiliation(value: str) -> tuple[str, str | None] | None:
    """The names before "for", "with" or "from" and the outlet after it ("Zhang Qihui for
    China Daily"); the outlet is None when a person follows (a co-writer: "Li Wei with Zhang
    San"), and None is returned when the value holds no such word."""
    match = AFFILIATION.search(value)
    if match is None:
        return None
    after = value[match.end() :]
    return value[: match.start()], None if looks_like_names(after) else after


def _persons_then_outlet(value: str) -> tuple[list[str], str] | None:
    """Names, then the outlet they work for: "Yuan Meng, Liu Ning (People's Daily Online)",
    "Yuan Mengwen from Foreign Affairs Office of Wuhu", "Niu Huizhe with Xinhua Silk Road",
    "Zhang Qihui for China Daily", "Guo Liliang, Hunan Daily",
    "Zhang San/Xinhua", "Xu Jiannan - Jinhua Daily", "Li Yu and Peng Chao in Chengdu (China
    Daily)", "Hu Xiaoyu chinadaily.com.cn"; no names when an outlet stands for them."""
    value = value.strip()
    if value.endswith((")", "）")) and ("(" in value or "（" in value):
        cut = max(value.rfind("("), value.rfind("（"))
        names, outlet = value[:cut], value[cut + 1 : -1]
    elif affiliated := affiliation(value):
        names, outlet = affiliated
        if outlet is None:
            return None  # a co-writer ("Li Wei with Zhang San")
    elif dispatch := DISPATCH.search(value):
        names, outlet = value[: dispatch.start()], value[dispatch.end() :]
    elif "/" in value:  # "Zhang San/Xinhua"
        names, _slash, outlet = value.rpartition("/")
    elif dash := DASH_BETWEEN.search(value):  # "Xu Jiannan - Jinhua Daily"
        names, outlet = value[: dash.start()], value[dash.end() :]
    elif ACRONYM_AFTER.search(value) or DOMAIN_AFTER.search(value):
        names, outlet = value[: value.rfind(" ")], value.rsplit(" ", 1)[1]  # "Wang Fan ECNS"
    else:
        names, _comma, outlet = value.rpartition(",")
    names, outlet = PLACE_AFTER.sub("", names.strip()), outlet.strip()  # "Li Yu in Chengdu"
    if not (names and names_an_outlet("outlet", outlet)):
        return None
    if looks_like_names(names):
        return split_names(names), outlet
    if is_site_name(names):  # the paper, then its edition: "China Daily in New York (...)"
        return [], outlet
    return None


def bracketed_credits(paragraph: str) -> list[tuple[str, str]]:
    """(role, name) of each person a labelled credit in brackets inside a paragraph names
    ("... to enjoy and play.(Editor: Yang Xiaona, Xu Chi) This article is ...")."""
    if not any(mark in paragraph for mark in "(（[【"):
        return []  # most paragraphs
    return [
        (role, name)
        for enclosed in ENCLOSED.finditer(paragraph)
        if LABEL.match(enclosed["inner"])
        for role, names in _credit_fields(enclosed["inner"].strip())
        if role in PERSON_ROLES
        for name in names
    ]


LIST_DASHES = "-–—"


def parse_credit_line(line: str) -> tuple[str, list[str]] | None:
    """(role, names) of a credit line such as "Editor: Feng Lili", or None; a list's dash
    before it is no part of it ("- By YANG FEIYUE yangfeiyue@chinadaily.com.cn")."""
    fields = _credit_fields(line.strip().lstrip(LIST_DASHES).lstrip())
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
        and label_role(label) != "outlet"  # "Source: 新华网" states the story's source
        and CJK_VALUE.fullmatch(line[label.end() :]) is not None
    )


def chinese_credits(line: str) -> list[tuple[str, str]]:
    """(role, name) for each person a credit line names in Chinese characters ("Editor:
    曹家宁", "编辑:刘婷婷"): names as written, for a page that names them in no other way."""
    if line.isascii():
        return []
    fields = [
        (role, without_date(CJK_LABEL_AFTER.sub("", value))[0])  # "编辑:谭婕倪 2023-08-22 14:08"
        for role, value in line_fields(unwrap(line))
    ]
    return [
        (role, name)
        for role, value in fields
        if role in PERSON_ROLES and CJK_NAMES.fullmatch(value.strip(EDGE_PUNCTUATION + PARENTHESES))
        for name in CJK_NAME.findall(value)
    ]
