"""What names an outlet: a site's or a paper's name, its initials or domain ("China Daily",
"CGTN", "jschina.com.cn"), as a credit line or a byline writes it. Outlet words are
`tables/outlet_words.txt`."""

from __future__ import annotations

import re

from newsmend.tables import read_lines, read_toml

OUTLET_WORDS = frozenset(word.casefold() for word in read_lines("outlet_words.txt"))
_TABLE = read_toml("outlet_names.toml")
NAMED_OUTLETS = frozenset(
    name.casefold() for name in _TABLE["named"]["names"]
)  # "Focus Taiwan": no outlet word ends it
# A source label's value that means the site itself: a source line, but no outlet stated.
OWN_SITE = frozenset(name.casefold() for name in _TABLE["own_site"]["names"])
# The one name an outlet goes by, for each way it is written ("PRNewswire": "PR Newswire")
OUTLET_NAMES = {written.casefold(): name for written, name in _TABLE["names"].items()}
_AGGREGATORS = "|".join(map(re.escape, _TABLE["aggregators"]["names"]))
# "MENAFN- PR Newswire": an aggregator's name and a dash before the source's
AGGREGATOR = re.compile(rf"(?:{_AGGREGATORS})\s*+-\s*+", re.IGNORECASE)
# The same note in brackets, opening the story it passes on: "(MENAFN- PR Newswire) BEIJING,
# Sept. 25, 2024 /PRNewswire/ --"
AGGREGATOR_NOTE = re.compile(
    rf"[(（](?:{_AGGREGATORS})\s*+-[^()（）]{{1,60}}[)）]\s*+", re.IGNORECASE
)
EDITION = re.compile(r"[(（][^()（）]{1,20}[)）]$")  # an edition or initials after a name
MAX_OUTLET_WORDS = 8
MAX_UNLABELLED_OUTLET_WORDS = 4
CONNECTORS = frozenset({"of", "and", "the", "for", "&"})
CJK = re.compile(r"[\u4e00-\u9fff]")
# A handle: "sdnews", "zhongdeen", "hiHainan", or an e-mail address: "kathyby66@gmail.com".
HANDLE = re.compile(r"[a-z][A-Za-z0-9_.-]{1,30}(?:@[a-z0-9-]++(?>(?:\.[a-z0-9-]++)+))?")
OUTLET_INITIALS = re.compile(r"[A-Z]{2,6}")  # "CGTN", "ECNS"
# initials joined to a word: an organisation's name, never a person's ("China-ASEAN")
JOINED_INITIALS = re.compile(r"[A-Z][a-z]+-[A-Z]{2,6}|[A-Z]{2,6}-[A-Z][a-z]+")
CJK_OUTLET = re.compile(r"[\u4e00-\u9fff]{2,7}")  # an outlet's name in Chinese: "人民日报海外版"
CHINESE_OUTLET = re.compile(r"[\u4e00-\u9fff]{1,6}[网报社台]")  # "新华网", "湖南日报", "人民网"
SITE_ADDRESS = re.compile(r"^https?://(?=[^/\s]+/?$)")  # a site's address: its domain names it
PICTURE_TYPES = r"jpe?g|png|gif|webp|bmp"  # a picture's file types
PICTURE_FILE = re.compile(rf"\.(?:{PICTURE_TYPES})$", re.IGNORECASE)  # "12.jpg"
# A domain (matched whole): its last label has a letter and is no picture's file type
# ("1.jpg" after a name is the picture's file, "3.5" a number).
DOMAIN = re.compile(
    rf"(?<![a-z0-9.-])[a-z0-9-]++(?:\.[a-z0-9-]++)*\.(?!(?:{PICTURE_TYPES})$)[a-z][a-z0-9-]*+",
    re.IGNORECASE,
)


def _branded(word: str) -> bool:
    """A brand's word, one small letter before the capital: "iChongqing", "eHangzhou"."""
    return word[:1].islower() and word[1:2].isupper()


def _looks_like_outlet(text: str) -> bool:
    """A name such as "Huzhou Daily", "jschina.com.cn" or "衡阳市电子政务办": short, not a
    sentence."""
    words = text.split()
    return (
        0 < len(words) <= MAX_OUTLET_WORDS
        and (
            text[0].isupper()
            or _branded(words[0])
            or CJK.match(text) is not None
            or DOMAIN.fullmatch(text) is not None
        )
        and not text.endswith((".", "!", "?"))
    )


def is_site_name(text: str) -> bool:
    """A site's or outlet's name: a domain, or a few capitalised words the last of which names
    an outlet ("Hunan Government", "China Daily", "Zhengzhou Portal"; a machine translation
    may write that last one in lowercase: "Xinyang daily"), or the last before "of"
    ("Zhejiang Provincial Department of Culture and Tourism"), or two such names between a
    slash; or one of the outlets named in full in `outlet_names.toml` ("Focus Taiwan")."""
    if DOMAIN.fullmatch(text) or text.casefold() in NAMED_OUTLETS:
        return True
    edition = EDITION.search(text)
    if edition is not None and (name := text[: edition.start()].rstrip()):
        return is_site_name(name)  # "China Daily (Hong Kong)"
    if " / " in text:  # two issuers: "Government Information Bureau / Office of the ..."
        return all(is_site_name(name.strip()) for name in text.split(" / "))
    words = text.split()
    named = words[: words.index("of")] if "of" in words else words
    return (
        0 < len(words) <= MAX_OUTLET_WORDS
        and bool(named)
        and named[-1].casefold() in OUTLET_WORDS
        and all(
            word[0].isupper()
            or _branded(word)
            or word in CONNECTORS
            or (word is named[-1] and _after_a_name(named))
            for word in words
        )
    )


def _after_a_name(named: list[str]) -> bool:
    """The outlet's word in lowercase right after a capitalised word: "Xinyang daily", not
    "Breaking the news"."""
    return len(named) > 1 and named[-2][0].isupper()


def outlet_alone(text: str) -> bool:
    """An outlet's name or its initials, and nothing else: "China Daily", "Xinhua", "CGTN",
    "China-ASEAN"."""
    return (
        is_site_name(text)
        or OUTLET_INITIALS.fullmatch(text) is not None
        or JOINED_INITIALS.fullmatch(text) is not None
    )


def looks_like_proper_name(text: str) -> bool:
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


def site_domain(text: str) -> str:
    """A site's address as its domain ("http://www.dongguantoday.com/" -> its domain); other
    text as it is."""
    return SITE_ADDRESS.sub("", text).rstrip("/") if SITE_ADDRESS.match(text) else text


def outlet_name(written: str) -> str:
    """The name an outlet goes by: an aggregator's note reduced to its source's name
    ("MENAFN- PR Newswire"), then `OUTLET_NAMES`."""
    aggregated = AGGREGATOR.match(written)
    name = written[aggregated.end() :].split(" - ")[0] if aggregated else written  # "- Nasdaq"
    return OUTLET_NAMES.get(name.casefold(), name)


def is_own_site(value: str) -> bool:
    """A source field that means the site itself ("this site", "本站"): no outlet stated."""
    return value.casefold() in OWN_SITE


def names_an_outlet(role: str | None, value: str) -> bool:
    """A field that names the outlet: an outlet label's, an unlabelled one, or a person
    label's that names no person but an outlet of a few capitalised words or a domain
    ("Author: Taizhou Daily"; not "Text: AAAPrint", a font-size bar, nor a sentence). A
    picture's credit (every label of the photographer's role: "Photo:", "Video:", "Photo by",
    "Photographer:") names its agency by a name the tables know; a few capitalised words
    there are what is shown ("Video: Sanlian Fishing Village")."""
    if role == "outlet" and (HANDLE.fullmatch(value) or is_own_site(value)):
        return True  # "From:sdnews", "Source:this site"
    value = SITE_ADDRESS.sub("", value)  # "From: http://english.peopledaily.com.cn"
    if not _looks_like_outlet(value):
        return False
    if role in (None, "outlet") or DOMAIN.fullmatch(value) is not None:
        return True
    if role == "photographer":
        return outlet_alone(value)  # not what the picture shows: "Video: Sanlian Fishing Village"
    named = len(value.split()) >= 2 or outlet_alone(value)  # "By: Xinhua"
    return named and ":" not in value and looks_like_proper_name(value)
