"""Picture credits in captions: "(Photo/Yang Huafeng)", "(Xinhua/Liu Xiao)", "... on Aug
17. ZHANG WEI/CHINA DAILY"."""

from __future__ import annotations

import re

from newsmend.credits.fields import LABEL
from newsmend.credits.lines import STAFF, affiliation, slashed_names
from newsmend.credits.names import looks_like_names, split_names, uncapped
from newsmend.credits.outlets import is_site_name

CAPTION_CREDIT = re.compile(
    r"(?:[(（\[]|^|(?<=[.!?] )|(?<=[a-z] )(?-i:(?=Photos?:)))"  # "... the trip Photo: Li Lina"
    r"(?:photos?|pictures?|photographed)(?: source| credit)?\s*(?:/|by\b|[:：])\s*(?:courtesy\s+of\s+)?"
    r"(?P<names>[^,，/()（）\[\]]{3,60}(?:/[^,，/()（）\[\]]{3,60})?)"
    # in brackets, more after commas: "(Photo/Liu Qiang, Pan Qijuan)", "(Photo/Zhao Chi, Liu
    # Shangwen, Hunan Daily)"
    r"(?:(?P<more>(?:[,，]\s*+[^,，/()（）\[\]]{2,40}+){1,4})(?=[)）\]]))?",
    re.IGNORECASE,
)
# An agency's picture credit closing a caption: "(Xinhua/Liu Xiao)", "(People's Daily
# Online/Xu Chenglong)", China Daily's "[Xinhua/Tao Liang]"; the story may go on after it on
# the line ("... Lhasa.(Xinhua/Jigme Dorje) LHASA, July 27 (Xinhua) -- ...").
AGENCY_CREDIT = re.compile(
    r"[(（][^()（）/]{2,40}/\s*(?P<names>[^,，/()（）\[\]]{3,60})[)）]"
    r"|\[[^\[\]()/]{2,40}/\s*(?P<bracketed>[^,，/()（）\[\]]{3,60})\]"
)
# China Daily's: the photographer and the paper in capitals after the caption's last sentence
# ("... on Aug 17. ZHANG WEI/CHINA DAILY").
CAPS_CREDIT = re.compile(
    r"(?<=[.!?] )(?P<names>[A-Z]{2,}(?: [A-Z]{2,}){1,3}) ?/ ?[A-Z][A-Z .]{1,30}$"
)
# Beijing Review's: the photographer in capitals in brackets closing the caption ("...
# Guizhou Province, September 9 (WANG HAIRONG)")
CAPS_NAME_CREDIT = re.compile(r"(?<=\s)[(（](?P<names>[A-Z]{2,}(?: [A-Z]{2,}){1,3})[)）]$")
# A photographer and the paper on either side of a slash closing a caption, after its last
# sentence or in brackets, "For" the paper when the photographer is not its staff: "...
# Hubei province. Mei Tao / For China Daily", "... January 5, 2016. REUTERS/Aly Song", "...
# Sept. 17, 2010. [Yang Xinyue/Xinhua]". The paper's side must be a known outlet, the other
# no picture's word ("[Photo/Xinhua]" credits nobody); a bracket opened is closed (a store
# cuts "(Xinhua/Wang" short).
SLASHED_CREDIT = re.compile(
    r"(?:(?<=[.!?] )|^|(?P<open>[\[(（]))"
    r"(?!(?i:photos?|pictures?|images?|videos?|graphics?|file)\b)"
    r"(?P<left>[A-Z][\w'.-]*+(?: [A-Z][\w'.-]*+){0,3}) ?/ ?(?:For )?"
    r"(?P<right>[A-Z][\w.' ]{1,30}?)(?(open)[\])）])(?: ?\|)?$"
)
SLASHED_CREDIT_CHARS = 70  # how far from a caption's end such a credit's slash stands
# A picture's or a video's source in square brackets, whoever it names, as China Daily's sites
# write it: "[Photo/Xinhua]", "[Video/Ningbo Radio and Television Group]", "[Video from
# Chinaculture.org]", "[Video provided to ehangzhou.gov.cn]" (in parentheses, a caption's
# credit: CAPTION_CREDIT)
SOURCED_PICTURE = re.compile(
    r"(?i)[\[【]\s*+(?:photos?|videos?|pictures?|images?)"
    r"(?:\s*+[/:：]|\s++(?:by|from|provided|courtesy)\b)[^\[\]【】()（）]{1,60}+[\]】]"
)
# A picture's source in brackets closing a line, whoever it names: "(PHOTO PROVIDED TO CHINA
# DAILY)", "[Photo provided to gogansu.com]", "(Photo/Deng Renxiang)"; not a headline's
# "[Photos]".
PICTURE_CREDIT_END = re.compile(
    r"[\[(（](?i:photos?|pictures?|images?)\b[^\[\]()（）]{1,60}[\])）]$"
)
CLOSING_CREDIT_CHARS = 90  # how much of a caption's end its credit may take
CAPITALS = tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
CREDIT_ENDS = (")", "）", "]", "】", *CAPITALS)  # how a line with a picture credit ends


def is_picture_credit(text: str) -> bool:
    """A bracketed picture credit alone: an agency's ("(Xinhua/Li Jianan)") or a source's
    after a picture's or a video's word ("[Video/Ningbo Radio and Television Group]")."""
    text = text.strip()
    if SOURCED_PICTURE.fullmatch(text):
        return True
    match = AGENCY_CREDIT.fullmatch(text)
    return match is not None and looks_like_names(_agency_names(match).strip())


def picture_credit_opening(text: str) -> int:
    """Where the story starts after a picture's or a video's source in brackets opening its
    paragraph ("[Video provided to ehangzhou.gov.cn] The Russian version ..."); 0 if none."""
    match = SOURCED_PICTURE.match(text)
    return match.end() if match is not None else 0


def caption_credits(line: str) -> list[tuple[str, str]]:
    """The photographers a caption credits: "(Photo/Yang Huafeng)", "(Photo by Guo Liliang,
    Hunan Daily)", "(Photo: Liu Yang / Hinews)", "[Photo by Will]", "... River. Photo by Yang
    Chenguang, journalist from Xinhua", "(Xinhua/Liu Xiao)", "ZHANG WEI/CHINA DAILY", "Photo by
    Xinhua News Agency reporter Xie Jianfei", "Mei Tao / For China Daily", "REUTERS/Aly Song";
    the outlet is left out. A paragraph of captions
    run together credits each ("... brightly lit.(Photo by Xie Wei) On New Year's Eve, ...
    charming.(Photo by Shang Hongtao)")."""
    lowered = line.lower()
    slashed = "/" in line[-SLASHED_CREDIT_CHARS:]
    if not (line.endswith(CREDIT_ENDS) or "photo" in lowered or "picture" in lowered or slashed):
        return []  # no credit can be in it (most lines of a story)
    matches = list(CAPTION_CREDIT.finditer(line)) or list(AGENCY_CREDIT.finditer(line))
    if not matches:
        match = CAPS_NAME_CREDIT.search(line) or _caps_credit(line)
        matches = [match] if match else []
    credits = [credit for match in matches for credit in _credited(_agency_names(match))]
    return credits or (_credited(_slashed_names(line)) if slashed else [])


def _agency_names(match: re.Match[str]) -> str:
    """The names a picture credit's match holds, in round or square brackets."""
    groups = match.groupdict()
    return (groups.get("names") or groups.get("bracketed") or "") + (groups.get("more") or "")


def _credited(names: str) -> list[tuple[str, str]]:
    """The photographers of a picture credit's names ("Yang Huafeng", "Xinhua News Agency
    reporter Xie Jianfei", "Wikimedia Commons/Anna Frodesiak", "Zhang Qihui for China
    Daily")."""
    if "," in names or "，" in names:  # names, then perhaps their outlet: each its own
        return [credit for name in re.split("[,，]", names) for credit in _credited(name)]
    names = uncapped(names.strip())
    # a role's label before the names: "(Photo: Reporter Li Wei)", "(photo/author Correspondent ...)"
    while label := LABEL.match(names):
        names = names[label.end() :]
    staff = STAFF.match(names)
    if staff:  # "Photo by Xinhua News Agency reporter Xie Jianfei"
        names = staff["names"]
    if "/" in names:  # "Photo: Wikimedia Commons/Anna Frodesiak", "Photo: Liu Yang / Hinews"
        slashed = slashed_names(names)
        if slashed:
            return [("photographer", name) for name in slashed]
        names = uncapped(names.partition("/")[0].strip())  # "[Photo by CHEN ZEBING/CHINA DAILY]"
    affiliated = affiliation(names)
    if affiliated and affiliated[1] is not None:
        names = affiliated[0]  # "Photo by Zhang Qihui for China Daily"
    if not names or not looks_like_names(names):
        return []
    return [("photographer", name) for name in split_names(names)]


def _caps_credit(line: str) -> re.Match[str] | None:
    """A picture credit in capitals closing a caption ("... on Aug 17. ZHANG WEI/CHINA
    DAILY"): searched only in a line that ends in a capital."""
    return CAPS_CREDIT.search(line) if line.endswith(CAPITALS) else None


def _slashed_names(line: str) -> str:
    """The photographer's names of a credit with a slash closing a caption (SLASHED_CREDIT),
    on whichever side of the slash the paper stands; "" when neither side is a known outlet."""
    match = SLASHED_CREDIT.search(line)
    if match is None:
        return ""
    left, right = match["left"], match["right"].strip()
    if is_site_name(right):
        return left
    return right if is_site_name(left) else ""


def closes_on_picture_credit(text: str) -> bool:
    """A paragraph that ends on its picture's credit: a caption ("... on Aug 17. ZHANG
    WEI/CHINA DAILY", "... in Bama one morning in October. (PHOTO PROVIDED TO CHINA DAILY)",
    "... in Taiyuan on Aug 26. [Photo/shanxi.gov.cn]")."""
    text = text.rstrip()
    if not text.endswith(CREDIT_ENDS):
        return False
    tail = text[-CLOSING_CREDIT_CHARS:]
    return PICTURE_CREDIT_END.search(tail) is not None or bool(caption_credits(tail))


def caps_credit_start(line: str) -> int | None:
    """Where a picture credit in capitals closes a caption, or None."""
    match = _caps_credit(line)
    return match.start() if match else None
