"""Person names in credits: split where the translation ran them together ("Wang Yingyao
Li Changzheng"), told from outlets and sentences, written as names are when a site printed
them in capitals. Family names are `tables/family_names.txt`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from newsmend.credits.outlets import NAMED_OUTLETS, OUTLET_WORDS
from newsmend.tables import read_lines, read_toml

FAMILY_NAMES = frozenset(name.casefold() for name in read_lines("family_names.txt"))
PLACE_NAMES = frozenset(place.casefold() for place in read_lines("place_names.txt"))
THING_WORDS = frozenset(word.casefold() for word in read_lines("thing_words.txt"))
MAX_PLACE_WORDS = max(len(place.split()) for place in PLACE_NAMES)
# Words of administrative units ("Province", "County", "District"): a place's, not a person's
PLACE_WORDS = frozenset(
    word.casefold()
    for unit in read_toml("glossary.toml")["suffixes"].values()
    for word in unit.split()
)
NOT_NAME_WORDS = OUTLET_WORDS | PLACE_WORDS  # "Hunan Daily"; "Photographers Record Luxi County"
MAX_PERSON_WORDS = 4  # "Joseph S. Margai": no person's name runs to five words
MAX_NAMES = 8
MAX_BARE_NAME_WORDS = 4
STAFF_WORD = "Staff"  # "TNL Staff": a site's writers, nobody named
# Capitalised words only, joined by spaces, commas or "and": what a line of names can be.
# A word's length is bounded, so that a search through a long run of no spaces stays linear.
NAME_LINE = re.compile(r"[A-Z][^\s,:：|/\d]{0,24}(?:,?\s+(?:and\s+)?[A-Z][^\s,:：|/\d]{0,24})+")
MAX_NAME_WORDS = 3  # "Ouyang Zi Yuan"
# No \s* around the separators (split_names splits words anyway): a long run of spaces
# would make every start in it rescan the run.
NAME_SEPARATOR = re.compile(r"[,，、;；&]|\band\b")
NAME_SEPARATOR_KEPT = re.compile(r"([,，、;；&]|\band\b)")  # to split by, kept
# A word of a name: "Yingyao", "O'Neil", "McGee", or initials ("Meng SH", "Joseph S. Margai",
# CNA's "S.C. Chang").
NAME_WORD = re.compile(
    r"(?:Ma?c)?[A-Z][a-z]+(?:['’\-][A-Za-z][a-z]*)*|[A-Z](?:['’\-][A-Za-z][a-z]+)+|[A-Z]{1,2}"
    r"|(?:[A-Z]\.)+"
)  # "I-Hwa", Taiwan's "I-chia" and "O'Neil" too
# A given name in pinyin, one to three syllables ("fengbao"), as a site may print it in lower
# case: an initial, then a final; English words mostly are not ("said", "reports").
PINYIN_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ao|an|ei|en|er|ia|ie|in|iu|ou|ua|uo"
    r"|ui|un|ue|a|e|i|o|u|v)"
)
PINYIN_WORD = re.compile(rf"(?:{PINYIN_SYLLABLE}){{1,3}}")
NICKNAME = re.compile(r"\([A-Z][a-z]+\)")  # an English name in brackets: "Poyi (Natalie) Leung"
EDGE_PUNCTUATION = " \t.,;:，。；：|/-"
INITIAL = re.compile(r"(?:[A-Z]\.)+")  # initials, their full stops kept: "S.", "S.C."
CAPS_INVERTED = re.compile(r"(?P<given>[A-Z]{2,}),\s*(?P<family>[A-Z]{2,})")
TRAILING_BRACKET = re.compile(r"[(（][^()（）]*+[)）]$")  # an outlet in brackets after names
CAPS_FAMILY = re.compile(r"\b[A-Z]{2,}(?=\s+[A-Z][a-z])")  # a family name in capitals: "LI Hua"
CJK_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")  # a person's name in Chinese: 2 to 4 characters
CJK_NAMES = re.compile(r"[\u4e00-\u9fff]{2,4}(?:[\s、，,]+[\u4e00-\u9fff]{2,4}){0,7}")


def is_family_name(word: str) -> bool:
    return word.casefold() in FAMILY_NAMES


def is_pinyin_word(word: str) -> bool:
    """A word of one to three pinyin syllables, in lower case ("fengbao", "na")."""
    return PINYIN_WORD.fullmatch(word) is not None


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
    an outlet ("Hunan Daily": `tables/outlet_words.txt`; "Focus Taiwan": `outlet_names.toml`)
    and not a sentence."""
    names = split_names(text)
    if not names or len(names) > MAX_NAMES or ":" in text or "：" in text:
        return False  # "Tuesday: Chinese Medical Personnel" after "Translation" is a headline
    if any(len(name.split()) > MAX_PERSON_WORDS for name in names):
        return False  # "Qingdao University Library Under Construction": a picture's subject
    if text.strip().casefold() in NAMED_OUTLETS:
        return False  # "Focus Taiwan"
    words = [word for name in names for word in _without_nickname(name.split())]
    return all(
        NAME_WORD.fullmatch(word) and word.casefold() not in NOT_NAME_WORDS for word in words
    )


def _without_nickname(words: list[str]) -> list[str]:
    """A name's words without an English name in brackets between them ("Poyi (Natalie)
    Leung"); one in brackets after the name is an outlet's ("Li Hua (Xinhua)")."""
    return [
        w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and NICKNAME.fullmatch(w))
    ]


def looks_like_chinese_names(text: str) -> bool:
    """Names in pinyin, each starting with a family name and of at most three words: what a
    line may hold alone (not "Huang Qiang Inspects Neijiang", a headline, nor "Jin Opera", a
    thing: `tables/thing_words.txt`)."""
    return looks_like_names(text) and all(
        is_family_name(name.split()[0])
        and len(name.split()) <= MAX_NAME_WORDS
        and not _opens_with_a_place(name)
        and name.split()[-1].casefold() not in THING_WORDS  # "Jin Opera", "Tang Dynasty"
        for name in split_names(text)
    )


def _opens_with_a_place(name: str) -> bool:
    """A "name" that is a place, or opens with one: "Hong Kong Local", "Yuen Long"
    (`tables/place_names.txt`)."""
    words = name.casefold().split()
    return any(" ".join(words[:n]) in PLACE_NAMES for n in range(2, MAX_PLACE_WORDS + 1))


def is_bare_name(line: str) -> bool:
    """A line that is only a person's name or two ("Li Qian"), as bylines under a title are."""
    words = line.split()
    return 2 <= len(words) <= MAX_BARE_NAME_WORDS and looks_like_chinese_names(line)


@lru_cache(maxsize=4096)
def is_writer_name(line: str) -> bool:
    """A line that is only a writer's name in any order ("Clarissa Wei", "James Baron") or a
    site's staff ("TNL Staff"), as a listing writes under each title. Asked only where the
    layout puts a byline (under a headline, over its text): alone, "Hong Kong" reads so too.
    Cached: a site's writers sign page after page."""
    if NAME_LINE.fullmatch(line) is None:
        return False  # the cheap test first: a date, a label, a sentence
    words = line.split()
    if words[-1:] == [STAFF_WORD]:
        return 2 <= len(words) <= MAX_BARE_NAME_WORDS
    names = split_names(line)
    return (
        all(2 <= len(name.split()) <= MAX_BARE_NAME_WORDS for name in names)
        and looks_like_names(line)
        and not any(map(_opens_with_a_place, names))
    )


def family_named(text: str) -> bool:
    """Each name of a list holds a family name ("Kimmy Chung and Karen Zhang"): persons, as
    a place or a menu's label ("Huangshan City", "Left Menu") is not."""
    names = split_names(text)
    return bool(names) and all(any(map(is_family_name, name.split())) for name in names)


def listed_names(text: str) -> bool:
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


def uncapped(value: str) -> str:
    """A name a site printed in capitals ("By LI HUA"; given name first and a comma between:
    "By XINGYING, CHEN"; the family name alone in capitals: "LI Hua") as names are written
    ("Li Hua", "Chen Xingying"); any other value as it is."""
    bracketed = TRAILING_BRACKET.search(value) if value.endswith((")", "）")) else None
    names = value[: bracketed.start()].rstrip() if bracketed else ""
    if names:  # "AN BAIJIE and TIAN XUEFEI (chinadaily.com.cn)"
        return uncapped(names) + value[len(names) :]
    match = CAPS_INVERTED.fullmatch(value.strip())
    if match is None:
        if _in_capitals(value.replace(" and ", " ")):
            return _titled(value)
        # one name in capitals among others: "HU MEIDONG and Wang Songsong"
        pieces = NAME_SEPARATOR_KEPT.split(value)
        return "".join(
            piece.replace(piece.strip(), _titled(piece.strip()))
            if _in_capitals(piece)
            else CAPS_FAMILY.sub(_family_uncapped, piece)
            for piece in pieces
        )
    given, family = match["given"].title(), match["family"].title()
    return f"{family} {given}" if is_family_name(family) and not is_family_name(given) else value


def _in_capitals(text: str) -> bool:
    """Words in capitals, two or more: a name ("LI HUA"), not an outlet's initials ("CGTN")."""
    return text.isupper() and len(text.split()) > 1


def _titled(value: str) -> str:
    """Names in capitals as names are written, when that makes them read as names."""
    titled = " ".join(word if word == "and" else word.title() for word in value.split())
    return titled if looks_like_names(titled) else value


def _family_uncapped(match: re.Match[str]) -> str:
    word = match.group().title()
    return word if is_family_name(word) else match.group()  # not "CGTN Li Hua"
