"""A byline read whole: outlet, date and persons of the line under a title or at a
story's end ("Author:Taizhou Daily Time:2022.08.02"), and a wire dateline opening the
first paragraph ("YINCHUAN, Aug. 2 (Xinhua) --")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from string import ascii_letters

from newsmend.credits.fields import (
    COLUMNS,
    DATE_LABEL_WORDS,
    GROUPS,
    LABEL,
    MAX_BYLINE_CHARS,
    NOBODY,
    PERSON_ROLES,
    ROLES,
    TIME_AFTER,
    labels_a_date,
    line_fields,
    may_name_an_outlet,
    unbracketed,
    unwrap,
    without_date,
)
from newsmend.credits.lines import PLACE_AFTER, field_credits, heading_like, picture_givers
from newsmend.credits.names import (
    CJK_NAME,
    CJK_NAMES,
    MAX_NAME_WORDS,
    looks_like_names,
    split_names,
)
from newsmend.credits.outlets import (
    AGGREGATOR_NOTE,
    CHINESE_OUTLET,
    CJK,
    HANDLE,
    is_site_name,
    looks_like_proper_name,
    names_an_outlet,
    outlet_alone,
)
from newsmend.dates import find_date, is_time_zone, looks_like_date, opening_date
from newsmend.furniture import is_furniture_word, strip_toolbar

MIN_WRITER_WORDS = 2  # an unlabelled writer is named in full: not "Shine"
# The first words of the date's labels ("Posted", "Updated"): see _opens_with_date_label
DATE_LABEL_OPENERS = frozenset(
    label.split()[0].casefold() for label, role in ROLES.items() if GROUPS[role] == "published"
)
BRACKETED = re.compile(r"[\[【][^\[\]【】]*+[\]】]")  # no nesting: one scan


@dataclass(frozen=True)
class Byline:
    outlet: str | None
    published_raw: str | None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    credits: list[tuple[str, str]] = field(default_factory=list)  # (role, person), page order
    # the outlet was written under a source label ("Source: Xinhua"); how, not what: not compared
    sourced: bool = field(default=False, compare=False)


def deck_writers(line: str) -> list[str]:
    """The writers a deck names at its end, as China Daily's features do ("Time-honored
    grassland nomadic system brings ..., report Alexis Hooi and Yuan Hui in Chifeng, Inner
    Mongolia."); [] for other lines, and for a story's lead that names its source ("...,
    reports Sina.": one word names an outlet, not a writer)."""
    if ", report" not in line and ", write" not in line:
        return []  # most lines
    deck = DECK_BYLINE.search(line)
    names = PLACE_AFTER.sub("", deck["names"]) if deck else ""
    if not names or not looks_like_names(names):
        return []
    writers = split_names(names)
    return writers if all(" " in writer for writer in writers) else []


def parse_byline(line: str) -> Byline:
    """Outlet, date text and persons of a byline or credit line ("Author:Taizhou Daily
    Time:2022.08.02", "Jul 1, 2016 | Source: by Shanghai Daily"). A field that credits
    nothing ("Time: the day before yesterday") may still be the date or the outlet."""
    # "Zhang Wei / Ti Gong": a picture's photographer; "Ti Gong" is no outlet
    if given := picture_givers(unwrap(line).strip()):
        credits = [(role, name) for role, names in given for name in names]
        return Byline(None, None, persons(credits, "author"), persons(credits, "editor"), credits)
    outlets: list[str] = []
    labelled: list[str] = []  # outlets written under a source label
    published_raw: str | None = None
    credits: list[tuple[str, str]] = []
    fields = line_fields(unwrap(line))
    for position, (role, value) in enumerate(fields):
        writers = deck_writers(value) if role is None else []
        if writers:
            credits += [("author", name) for name in writers]  # a deck naming its writers
            continue
        dateline = _lone_dateline(value)  # "Beijing (AFP) Aug 19, 2019", under a label or not
        if dateline is not None:
            outlets.append(dateline["agency"])
            published_raw = published_raw or dateline["date"]
            continue
        if _writer_before_date(fields, position):
            role = "author"  # "Sumaira FH Published October 17, 2024"
        if role == "filed":  # "Posted in Changchun, Tourism on May 10, 2014": its date alone
            published_raw = published_raw or without_date(value)[1]
            continue
        if role == "published":  # the date, or what the label holds when it is no date
            if EMPTY_DATE.match(value):
                continue
            rest, date_raw = without_date(value)
            if date_raw or not (value.endswith((":", "：")) or _opens_with_date_label(value)):
                published_raw = published_raw or date_raw or value or None  # not "Time: Typeface:"
            rest = unbracketed(rest)  # "Updated: 2023-09-09 07:13 ( CHINA DAILY )"
            if date_raw and outlet_alone(rest):
                outlets.append(rest)  # "Updated: October 20, 2022 09:33 CGTN"
            continue
        if _name_in_chinese(fields, position):
            continue  # "by Zuo Shou / 左手": the writer's name again, no outlet
        if (wire := _post_with(value)) is not None:
            outlets += [wire] if wire else []  # "Staff writer, with CNA"
            continue
        written, (value, date_raw) = value, _value_and_date(value)
        if role is None and date_raw is None and looks_like_date(value):
            published_raw = published_raw or value  # "May 6 10:22": the page gives the year
            continue
        published_raw = published_raw or date_raw
        if not value or (date_raw and labels_a_date(written)):
            continue  # "Issued at : 2022-05-12": a label of the date, no outlet
        if role is None and date_raw and _writer_beside_date(written, value):
            role = "author"  # "Nataliia Litvinova, 2019-08-10"
        credited = field_credits(role, value)
        if credited is None:
            if role == "outlet" or (role is None and may_name_an_outlet(value)):
                (labelled if role == "outlet" else outlets).append(unbracketed(value))
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


def _post_with(value: str) -> str | None:
    """Who joined a staff writer's story: the wire's name ("Staff writer, with CNA", a
    Taipei Times byline), "" when another post ("Staff reporter, with staff writer"); None
    for any other value."""
    pair = POST_WITH.fullmatch(value.strip())
    if pair is None or pair["post"].strip().casefold() not in NOBODY:
        return None
    joined = pair["joined"].strip()
    return "" if joined.casefold() in NOBODY or not may_name_an_outlet(joined) else joined


def _writer_before_date(fields: tuple[tuple[str | None, str], ...], position: int) -> bool:
    """An unlabelled person's name right before the date's label is the writer's
    ("Sumaira FH Published October 17, 2024"); an outlet's name there is not a person's."""
    role, value = fields[position]
    return (
        role is None
        and position + 1 < len(fields)
        and fields[position + 1][0] == "published"
        and _names_a_writer(value)
    )


def _name_in_chinese(fields: tuple[tuple[str | None, str], ...], position: int) -> bool:
    """An unlabelled name in Chinese characters right after a person's field: that person's
    name as written in Chinese ("By Zuo Shou / 左手")."""
    role, value = fields[position]
    return (
        role is None
        and position > 0
        and fields[position - 1][0] in PERSON_ROLES
        and CJK_NAME.fullmatch(value) is not None
        and CHINESE_OUTLET.fullmatch(value) is None  # "By Li Hua / 新华社"
    )


def _writer_beside_date(written: str, name: str) -> bool:
    """An unlabelled person's name, a comma, then the date, as a blog lists its posts
    ("Nataliia Litvinova, 2019-08-10"); an outlet's name there is not a person's."""
    return written.startswith(name + ",") and _names_a_writer(name)


def _names_a_writer(value: str) -> bool:
    """A writer named in full, in words that are a person's, not an outlet's or a label's."""
    return (
        MIN_WRITER_WORDS <= len(value.split()) <= MAX_NAME_WORDS
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


# A wire dateline that opens a story: place in capitals, date, agency ("YINCHUAN, Aug. 2
# (Xinhua) --", "BEIJING, Sept. 23, 2021 /PRNewswire/ —", "HAINAN, Sep 17, 2019, China Daily.").
# The date may be left out when a named agency is there ("WUHAN, China (Reuters) -", "BEIJING
# (AP) --"), and a picture's code may stand before it ("(240413) -- BEIJING, April 13, ...").
DATELINE = re.compile(
    r"(?:[(（]\d{6}[)）]\s*+--\s*+|[-–—]\s)?"  # "(240413) -- ", or a list's dash: "- BEIJING, ..."
    r"[A-Z][A-Z.'’ -]{1,30}(?:,\s*[A-Z][A-Za-z.' -]{1,30}){0,2}"
    r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?\s*"
    r"(?:(?:[/(（](?P<agency>[A-Za-z][A-Za-z .=-]{1,30})[/)）])?\s*(?:--|[—–-])"  # "/Xinhua=KYODO JBN/--"
    r"|,\s*(?P<outlet>[A-Z][A-Za-z.' ]{1,30}?)\.\s)"  # "HAINAN, Sep 17, 2019, China Daily. "
)
# A distributor's dateline, its name and the date between dashes: "CHAOZHOU, CHINA - Media
# OutReach Newswire - 21 October 2025 - From November 28th, ..."
DISTRIBUTOR_DATELINE = re.compile(
    r"[A-Z][A-Z.'’ -]{1,30}(?:,\s*[A-Z][A-Za-z.' -]{1,30}){0,2}\s[-–—]\s"
    r"(?P<agency>[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*){0,4})\s[-–—]\s"
    r"(?P<date>\d{1,2}\s[A-Z][a-z]{2,8}\.?\s\d{4})\s[-–—]\s"
)
# A release's dateline, its place in title case and its wire in brackets, after a
# distributor's name: "/EIN News/ -- Chifeng, China, Nov. 23, 2021 (GLOBE NEWSWIRE) --"
RELEASE_DATELINE = re.compile(
    r"(?:/[A-Za-z -]{2,30}/\s*--\s*)?[A-Z][A-Za-z.'’ -]{1,30}(?:,\s*[A-Z][A-Za-z.' -]{1,30}){0,2},"
    r"\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s*\d{4})\s*"
    r"[(（](?P<agency>[A-Za-z][A-Za-z .-]{1,30})[)）]\s*(?:--|[—–])"
)
# a deck's closing words naming its writers: "..., report Alexis Hooi and Yuan Hui in Chifeng."
DECK_BYLINE = re.compile(
    r",\s(?:reports?|writes?)\s(?P<names>[A-Z][^.,]{2,60}?(?:,\s[A-Z][^.]{1,40}?)?)\.$"
)
# The place in title case, the agency in brackets, then the date: "Beijing (AFP) Aug 19,
# 2019", alone or before " - " and the story (the SpaceDaily family of sites)
PLACE_AGENCY_DATELINE = re.compile(
    r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}\s[(（](?P<agency>[A-Za-z]{2,12})[)）]\s"
    r"(?:(?P<date>[A-Z][a-z]{2,8}\.?\s\d{1,2},\s\d{4})(?=\s+[-–—]\s|\s*$)|(?:--|[—–])\s)"
)  # or no date, a dash: "Beijing (AsiaNews) – Since 8 am ...", a named agency's
# A Chinese wire's dateline in translation, the agency first (中新网南昌1月31日电（记者 刘占昆）):
# "China News Service, Nanchang, January 31st (Reporter Liu Zhankun) ...", "Xinhua News
# Agency, Harbin, May 25th (Reporter Zhang Tao)", "China News Service, January 31. In ..."
AGENCY_FIRST_DATELINE = re.compile(
    r"(?P<agency>[A-Z][A-Za-z'’ ]{1,30}?),\s*+(?:[A-Z][A-Za-z'’ -]{1,30}?,\s*+)?"
    r"(?P<date>[A-Z][a-z]{2,8}\.?\s\d{1,2}(?:st|nd|rd|th)?(?>(?:,\s*+\d{4})?))(?:[.,]\s(?!title\b)|\s*+[(（])"
)  # ", title: ..." (题：) makes the line a byline that names the story's headline
# A template's empty date under its label: "Date:0000-00-00 00:00:00" states no date
EMPTY_DATE = re.compile(r"0{4}[-/.]0{1,2}[-/.]0{1,2}\b")
POST_WITH = re.compile(r"(?P<post>[^,]{4,30}),\s*+with\s++(?P<joined>[^,]{2,40})", re.IGNORECASE)
MAX_RELEASE_DATELINE_CHARS = 140  # where its wire's bracket opens at the latest
# A wire's source closing its story after a dash: "-- BERNAMA", "— Xinhua"
DASH_SOURCE = re.compile(r"(?:--|[–—])\s*+(?P<outlet>[^\s–—-].{1,60}+)")
# An agency alone opening a story: "(ECNS) -- About 140 medical workers ..."
AGENCY_DATELINE = re.compile(r"[(（](?P<agency>[A-Za-z][A-Za-z .]{1,30})[)）]\s*(?:--|[—–])")
# A Chinese outlet's "讯" in translation opening the story: "Danzhou Finance Media Center news
# On March 30, ...", "Langfang daily news (reporter ...)"
OUTLET_NEWS_CHARS = 80  # how far into the paragraph its "news" stands
OUTLET_NEWS_DATELINE = re.compile(
    r"(?P<agency>[A-Z][\w'’-]*+(?: [\w'’-]++){0,5}?) news(?= [A-Z(（]|[(（])"
)


def read_dateline(paragraph: str) -> Byline | None:
    """The date and agency of a wire dateline opening a story's first paragraph, or None;
    an aggregator's note before it is read past."""
    note = AGGREGATOR_NOTE.match(paragraph)
    paragraph = paragraph[note.end() :] if note else paragraph
    match = DATELINE.match(paragraph)
    if match is None and "(" in paragraph[:MAX_RELEASE_DATELINE_CHARS]:
        match = RELEASE_DATELINE.match(paragraph) or PLACE_AGENCY_DATELINE.match(paragraph)
    if match is None or match["date"] is None:
        match = DISTRIBUTOR_DATELINE.match(paragraph) or match
    if match is None:
        match = AGENCY_FIRST_DATELINE.match(paragraph)
        if match is not None and not is_site_name(match["agency"]):
            match = None  # a place first: "Beijing, January 31 (Xinhua)", "GANSU, July 15,"
    if match is None:
        agency = AGENCY_DATELINE.match(paragraph)
        if agency is None and " news" in paragraph[:OUTLET_NEWS_CHARS]:
            agency = OUTLET_NEWS_DATELINE.match(paragraph)
        return _agency_alone(agency["agency"] if agency else None)
    if match["date"] is None:
        return _agency_alone(match["agency"])
    if find_date(match["date"], default_year=2000) is None:
        return None
    outlet = match.groupdict().get("outlet")
    if outlet is not None and not outlet_alone(outlet):
        return None
    return Byline(match["agency"] or outlet, match["date"])


def _agency_alone(agency: str | None) -> Byline | None:
    """A dateline without its date sources the story when its agency is a known outlet
    ("(ECNS) --", "WUHAN, China (Reuters) -")."""
    return Byline(agency, None) if agency is not None and outlet_alone(agency) else None


def _lone_dateline(line: str) -> re.Match[str] | None:
    """A wire's dateline on a line of its own ("Beijing (AFP) Aug 19, 2019"), or None."""
    return PLACE_AGENCY_DATELINE.fullmatch(line.strip()) if "(" in line else None


def persons(credits: list[tuple[str, str]], column: str) -> list[str]:
    """The names of credits whose role fills a column ("author", "editor"), in order."""
    return [name for role, name in credits if column in COLUMNS[role]]


def looks_like_byline(line: str) -> bool:
    """A short line of byline fields that all make sense: labelled ones ("Source: Xinhua",
    "Editor: Li Na"), dates, and outlets beside a date ("People's Daily Online) 10:58,
    September 16, 2022", "eguangzhou.gov.cn | Updated:2023-09-26"), and an outlet's name alone
    in brackets ("(Xinhua)", "( China Daily )"); or a deck that names its writers."""
    if deck_writers(line) or _lone_dateline(line):
        return True
    whole, line = line.strip(), unwrap(line)
    if len(line) > MAX_BYLINE_CHARS:
        return False
    label = LABEL.match(line)
    if label and heading_like(line, label):
        return False
    fields = line_fields(line)
    if _labelled_and_dated(fields):
        return True  # "Source: chinadaily,com,cn | Updated : 2019-03-11", a value misspelt
    labelled = any(role is not None for role, _ in fields)
    if not labelled and find_date(line) is None:
        return _set_apart_outlet(whole, line) or _post_with(line) is not None
    if not labelled and line.endswith((")", "）")) and opening_date(line) is None:
        return False  # a headline dated in brackets; "2024-10-09 (goinnermongolia.com.cn)" is none
    for position, (role, written) in enumerate(fields):
        if (
            role == "published"
            and position > 0
            and find_date(written) is None
            and TIME_AFTER.fullmatch(written) is None  # "2025-05-24 17:55 Last Updated At:23:07"
        ):
            return False  # "A Series of Videos Posted on Social Media ...": a headline
        written = _value_and_date(written)[0]
        value = unbracketed(written)
        if not value or value.casefold() in NOBODY or is_time_zone(value):
            continue  # "2021-12-17 08:13:44 admin source:": the account that posted it; "|
            # GMT +6" after the date and time
        if _post_with(value) is not None:
            continue  # "By Jake Chung / Staff writer, with CNA"
        if role is None and position > 0 and is_furniture_word(value):
            continue  # the section the story is filed under: "... / 01 09,2021 13:36:59 / others"
        if role is None and not (
            looks_like_proper_name(value) or is_site_name(value) or _credits_persons(value)
        ):
            return False  # "General Office of Xi'an Municipal People's Government" is a name
        if role == "outlet" and not names_an_outlet(role, value):
            return False
        if role in PERSON_ROLES and not _names_persons(role, written):
            return False
    return True


def _value_and_date(field: str) -> tuple[str, str | None]:
    """A field's value and its date, apart, without the labels left empty at its end
    ("2021-12-17 08:13:44 admin source:": "admin" and the date)."""
    return without_date(_without_empty_labels(field))


def _without_empty_labels(field: str) -> str:
    """The field without the labels left without their values at its end ("2021-12-17
    08:13:44 admin source:" -> "2021-12-17 08:13:44 admin"), each a word of letters and its
    colon after a space. Read from the end, word by word: a pattern anchored at the end would
    be tried from every position of a long line."""
    text = field.rstrip()
    while text.endswith((":", "：")):
        word = text[:-1]
        stem = word.rstrip(ascii_letters)
        if stem == word or not stem[-1:].isspace():
            break
        text = stem.rstrip()
    return field if text == field.rstrip() else text


def _labelled_and_dated(fields: tuple[tuple[str | None, str], ...]) -> bool:
    """Two fields or more, each under a label, one of them a date: a byline's template,
    whatever the site wrote in the others."""
    return (
        len(fields) >= 2
        and all(role is not None for role, _value in fields)
        and any(role == "published" and find_date(value) for role, value in fields)
    )


def _opens_with_date_label(value: str) -> bool:
    """A date label's value that opens with a date label's word: the template's next label,
    its date lost ("Posted on Posted inkyedhwhz"), no date."""
    words = value.split(maxsplit=1)
    return bool(words) and words[0].casefold() in DATE_LABEL_OPENERS


def _credits_persons(value: str) -> bool:
    """An unlabelled field that names persons: "Xinhua News Agency reporters Chen Cong and
    Yang Xuan"."""
    return any(role != "outlet" for role, _names in field_credits(None, value) or ())


def _set_apart_outlet(whole: str, line: str) -> bool:
    """An outlet's name alone on a line, set apart by brackets ("(Xinhua)", unwrapped to
    `line`) or by a dash before it, as a wire's closing source ("-- BERNAMA", "— Xinhua")."""
    dashed = DASH_SOURCE.fullmatch(line)
    if dashed is not None:
        outlet = dashed["outlet"]
        return outlet_alone(outlet) or (outlet.isalpha() and outlet.isupper())  # "BERNAMA"
    return whole != line and is_site_name(line)


def _names_persons(role: str, written: str) -> bool:
    """A person label's field that credits someone: names ("By Li Yu in Chengdu (China
    Daily)"), a user's handle or address, names in Chinese ("编辑:秦舷"); not "By the river"."""
    value = written.strip("()（）")
    return bool(
        field_credits(role, written) or HANDLE.fullmatch(value) or CJK_NAMES.fullmatch(value)
    )
