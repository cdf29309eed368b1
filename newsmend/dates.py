"""Dates as the pages write them, in every form of `tables/dates.toml`, to `datetime.date`.

All forms are compiled into one regular expression (one scan per text). A form without a
year takes the page's own year (`default_year`); without it, such a date is not a date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from newsmend.tables import read_toml

_TABLE = read_toml("dates.toml")
MONTHS: dict[str, int] = _TABLE["months"]
FORMATS: list[dict] = _TABLE["formats"]
CENTURY, CENTURY_START = 100, 2000
ROC_START = 1911  # Taiwan's year 1 (民國元年) is 1912
_GROUP = re.compile(r"\(\?P([<=])(\w+)")


@dataclass(frozen=True)
class DateMatch:
    raw: str  # the date text as found, with its time if one is written beside it
    date: dt.date
    start: int
    end: int


def _month_names() -> str:
    """Alternation of the month names and their capitals ("MARCH"), longest first so "Sept"
    wins over "Sep"."""
    names = [*MONTHS, *(name.upper() for name in MONTHS)]
    return "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))


def _form_pattern(index: int, pattern: str) -> str:
    """One form's pattern with its group names made unique (f3_day, ...) for the combined regex."""
    pattern = pattern.replace("{month_name}", _month_names())
    return f"(?P<f{index}>" + _GROUP.sub(rf"(?P\1f{index}_\2", pattern) + ")"


TIME_ZONE = _TABLE["time_zone"]  # after a time: "BJT", "GMT+8", "EDT"
_ZONE = re.compile(TIME_ZONE)


def is_time_zone(text: str) -> bool:
    """A time zone alone ("GMT +6" after a bar: "16:40, 03 May 2016 | GMT +6")."""
    return _ZONE.fullmatch(text.strip()) is not None


def _compile() -> re.Pattern[str]:
    forms = "|".join(_form_pattern(i, form["pattern"]) for i, form in enumerate(FORMATS))
    before, after = _TABLE["time_before"], _TABLE["time_after"].replace("{time_zone}", TIME_ZONE)
    weekday, weekday_after = _TABLE["weekday_before"], _TABLE["weekday_after"]
    # Every form starts with a digit or a capital: the lookahead, tried first, skips other
    # places fast (half the scan, before the lookbehinds). A date starts after a
    # non-alphanumeric, a year after a word glued to it ("Xinhua2020-05-12", a channel's
    # "PH2019-09-18"), or a month's name after a word in lower case ("... speech
    # competitionJuly 16, 2019"); it ends at a non-alphanumeric, at the end of its time
    # ("22:43:00Xinhua"), or before a capitalised word glued to it ("Jan 12, 2018Source:
    # Xinhuanet", "2015-06-01FAW car company").
    glued = rf"(?<=[A-Za-z])(?=\d{{4}}[.\-/年])|(?<=[a-z])(?=(?:{_month_names()})\.?\s?\d)"
    return re.compile(
        rf"(?=[0-9A-Z])(?:(?<![0-9A-Za-z])|{glued})(?:{weekday})?"
        rf"(?:{before})?(?:{forms})(?:{weekday_after})?(?:{after}|(?![0-9A-Za-z])|(?=[A-Z]))"
    )


DATE = _compile()
# Every form writes its day in digits (`day` is \d{1,2} in each; _to_date reads it): a text
# without a digit holds no date, and is not scanned.
DIGIT = re.compile(r"\d")
# Per form (by its group name "f3"): the combined regex's group of each field it has.
_FIELDS = {
    f"f{i}": {
        name: f"f{i}_{name}"
        for name in ("year", "roc_year", "month", "month_name", "day")
        if f"(?P<{name}>" in form["pattern"]
    }
    for i, form in enumerate(FORMATS)
}


# Forms whose day and month may stand the other way round (`either_order` in the table): a
# month over 12 says so, and so does a 12-hour clock after the date (the US order of ASP.NET
# pages: "4/12/2023 10:20:00 AM").
EITHER_ORDER = frozenset(f"f{i}" for i, form in enumerate(FORMATS) if form.get("either_order"))
NEAR_DAYS = 7  # a stamp is near the day its story names: within a week
TWELVE_HOUR_CLOCK = re.compile(r"\d\s*[AaPp]\.?[Mm]\.?$")


def _to_date(
    match: re.Match[str], default_year: int | None, swapped: frozenset[str] = frozenset()
) -> dt.date | None:
    """The date a match stands for, or None when it names no real day or lacks a year.
    The form's own group closes last, so `lastgroup` names the form that matched. A form in
    `swapped` is read the other way round (the page's own order: see swapped_forms)."""
    groups = _FIELDS[match.lastgroup]
    year = int(match[groups["year"]]) if "year" in groups else default_year
    if "roc_year" in groups:
        year = int(match[groups["roc_year"]]) + ROC_START
    if year is not None and year < CENTURY:
        year += CENTURY_START  # a two-digit year
    if year is None:
        return None
    month_name = groups.get("month_name")
    month = MONTHS[match[month_name].title()] if month_name else int(match[groups["month"]])
    day = int(match[groups["day"]])
    if match.lastgroup in EITHER_ORDER and (
        month > 12
        or (
            day <= 12
            and (match.lastgroup in swapped or TWELVE_HOUR_CLOCK.search(match.group()) is not None)
        )
    ):
        month, day = day, month  # "05/25/2020", "4/12/2023 10:20:00 AM": written month first
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=8192)
def find_date(text: str, default_year: int | None = None) -> DateMatch | None:
    """The first real date written anywhere in text (cached: a line's kind, its byline fields
    and its record ask it of the same short texts)."""
    if DIGIT.search(text) is None:
        return None
    for match in DATE.finditer(text):
        date = _to_date(match, default_year)
        if date is not None:
            return DateMatch(match.group(), date, match.start(), match.end())
    return None


# What a span's end follows: "It will run until Jan 3, 2024", "open through March 1, 2025".
SPAN_END = re.compile(r"\b(?:until|till|through|by|before)\s+$", re.IGNORECASE)
SPAN_END_REACH = len("through") + 3  # how far before a date SPAN_END is looked for


def event_date(text: str) -> DateMatch | None:
    """The first real date a story's text gives as when something happened: find_date's,
    passing dates that end a span ("The exhibition will run until Jan 3, 2024")."""
    found = find_date(text)
    if found is None or not SPAN_END.search(
        text, max(0, found.start - SPAN_END_REACH), found.start
    ):
        return found
    rest = event_date(text[found.end :])
    return rest and DateMatch(rest.raw, rest.date, rest.start + found.end, rest.end + found.end)


def opening_date(text: str) -> DateMatch | None:
    """The real date text opens with: find_date's, when it starts the text (one scan at the
    start, not one through the text)."""
    match = DATE.match(text)
    date = _to_date(match, None) if match else None
    return DateMatch(match.group(), date, 0, match.end()) if date else None


def latest_date(text: str) -> dt.date | None:
    """The latest full date written anywhere in text (the page's year for dates without one)."""
    dates = (_to_date(match, None) for match in DATE.finditer(text))
    return max((date for date in dates if date is not None), default=None)


def parse_date(
    text: str, default_year: int | None = None, swapped: frozenset[str] = frozenset()
) -> dt.date | None:
    """The date when the whole text is one date (a time beside it allowed), else None."""
    if DIGIT.search(text) is None:
        return None
    match = DATE.fullmatch(text.strip())
    return _to_date(match, default_year, swapped) if match else None


def _day_and_month(match: re.Match[str]) -> tuple[int, int] | None:
    """(first, second) number of a day-or-month form's match, in the table's field names
    (month, day), or None for another form."""
    groups = _FIELDS[match.lastgroup]
    if match.lastgroup not in EITHER_ORDER or "month" not in groups:
        return None
    return int(match[groups["month"]]), int(match[groups["day"]])


def order_ambiguous(text: str) -> bool:
    """Whether a date could be read either way round ("01-06-2025": 6 January or 1 June)."""
    match = DATE.fullmatch(text.strip())
    numbers = _day_and_month(match) if match else None
    return (
        numbers is not None
        and max(numbers) <= 12
        and numbers[0] != numbers[1]
        and TWELVE_HOUR_CLOCK.search(match.group()) is None
    )


def swapped_forms(text: str) -> frozenset[str]:
    """The day-or-month forms a page writes the other way round from the table's order: one
    of its dates can only be read so ("22-05-2025" beside "01-06-2025") and none only the
    table's way. A site keeps one order, so its ambiguous dates follow the others."""
    other, own = set(), set()
    for match in DATE.finditer(text):
        numbers = _day_and_month(match)
        if numbers is not None and numbers[0] > 12 >= numbers[1]:
            other.add(match.lastgroup)
        elif numbers is not None and numbers[1] > 12 >= numbers[0]:
            own.add(match.lastgroup)
    return frozenset(other - own)


def order_near_named(raw: str, text: str) -> frozenset[str]:
    """The form of an ambiguous date (`order_ambiguous`) to read the other way round when only
    that reading falls within NEAR_DAYS of a day the page writes with its month's name
    ("09-06-21 09:55" on a page whose dateline says "June 8": 9 June, not 6 September);
    frozenset() otherwise."""
    match = DATE.fullmatch(raw.strip())
    first, second = _day_and_month(match)
    named = [
        _day_of_year(MONTHS[m[groups["month_name"]].title()], int(m[groups["day"]]))
        for m in DATE.finditer(text)
        if "month_name" in (groups := _FIELDS[m.lastgroup])
    ]

    def near(month: int, day: int) -> bool:
        days = _day_of_year(month, day)
        return any(min(abs(days - n), 365 - abs(days - n)) <= NEAR_DAYS for n in named)

    other_way = near(second, first) and not near(first, second)
    return frozenset({match.lastgroup}) if other_way else frozenset()


def _day_of_year(month: int, day: int) -> int:
    return dt.date(2000, month, min(day, 28)).timetuple().tm_yday


def looks_like_date(text: str) -> bool:
    """The whole text is written as a date, even one whose year the page must supply."""
    return parse_date(text, default_year=2000) is not None
