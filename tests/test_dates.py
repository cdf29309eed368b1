"""Dates: every form of tables/dates.toml, by its examples and by property."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmend.dates import (
    FORMATS,
    MONTHS,
    event_date,
    find_date,
    looks_like_date,
    opening_date,
    order_ambiguous,
    order_near_named,
    parse_date,
    swapped_forms,
)

EXAMPLES = [
    (form["name"], text, dt.date.fromisoformat(iso))
    for form in FORMATS
    for text, iso in form["examples"].items()
]


@pytest.mark.parametrize(("form", "text", "expected"), EXAMPLES)
def test_table_example_parses(form: str, text: str, expected: dt.date) -> None:
    assert parse_date(text, default_year=2022) == expected
    assert looks_like_date(text)


@pytest.mark.parametrize(("form", "text", "expected"), EXAMPLES)
def test_year_comes_from_the_text_or_the_page(form: str, text: str, expected: dt.date) -> None:
    pattern = next(f["pattern"] for f in FORMATS if f["name"] == form)
    has_year = "(?P<year>" in pattern or "(?P<roc_year>" in pattern
    assert parse_date(text) == (expected if has_year else None)


@pytest.mark.parametrize(
    "text", ["the day before yesterday", "2022-13-01", "2022-02-30", "yesterday 10:00", ""]
)
def test_not_a_date(text: str) -> None:
    assert parse_date(text, default_year=2022) is None


@pytest.mark.parametrize(
    ("text", "raw", "expected"),
    [
        ("issued at 15:15 on June 8, 2022 on June 8, 2022.", "15:15 on June 8, 2022", "2022-06-08"),
        ("Source: Xinhua News Agency 2022-07-15 09:32", "2022-07-15 09:32", "2022-07-15"),
        ("as of Aug. 15, 2022, the city's", "Aug. 15, 2022", "2022-08-15"),
        ("Reporter Xu Jie Correspondent Shen Lu 2022/7/12", "2022/7/12", "2022-07-12"),
        ("Release time: 2022年8月5日 Source: Nantong Daily", "2022年8月5日", "2022-08-05"),
        ("2015-06-01FAW car company in Jilin", "2015-06-01", "2015-06-01"),
        ("PH2019-09-18 09:00", "2019-09-18 09:00", "2019-09-18"),  # a channel's code glued
        ("won a prize in speech competitionJuly 16, 2019", "July 16, 2019", "2019-07-16"),
    ],
)
def test_find_date_in_text(text: str, raw: str, expected: str) -> None:
    found = find_date(text)
    assert found is not None
    assert (found.raw, found.date.isoformat()) == (raw, expected)
    assert text[found.start : found.end] == raw


@pytest.mark.parametrize(
    "text",
    [
        "On the afternoon of August 1st, the mayor",
        "open from 9:00 - 17:00 every day",
        "12-inch wafer manufacturing",
        "the 2022 - 2023 season",
        "may exceed 80 millimeters",
        "ISO9001-2015 certified",
        "celebrated theMay 4 Movement",  # no year
    ],
)
def test_no_full_date_in_text(text: str) -> None:
    assert find_date(text) is None


def _names_of(month: int) -> list[str]:
    return [name for name, number in MONTHS.items() if number == month]


def _ordinal(day: int) -> str:
    return "th" if 10 < day < 14 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


# How each form of the table writes a date; a new form in the table needs a writer here.
WRITERS = {
    "numeric_ymd": lambda d, name: [
        f"{d.year}.{d.month:02d}.{d.day:02d}",
        f"{d.year}-{d.month:02d}-{d.day:02d}",
        f"{d.year}/{d.month}/{d.day}",
        f"{d.year}-{d.month:02d}-{d.day:02d} 10:46:12",
        f"{d.year}- {d.month:02d}- {d.day:02d}",
    ],
    "roc_ymd": lambda d, name: (  # Taiwan's years of three digits: 2011 to 2040
        [f"{d.year - 1911}-{d.month:02d}-{d.day:02d}", f"{d.year - 1911}/{d.month}/{d.day}"]
        if 2011 <= d.year <= 2040
        else []
    ),
    "year_month_name_day": lambda d, name: [f"{d.year}-{name}-{d.day}"],
    "numeric_dmy": lambda d, name: [
        f"{d.day:02d}/{d.month:02d}/{d.year}",
        f"{d.day:02d}.{d.month:02d}.{d.year}",
    ],
    "numeric_mdy": lambda d, name: [
        f"{d.month:02d}-{d.day:02d}-{d.year}",
        f"{d.month:02d}-{d.day:02d}-{d.year} 14:28 BJT",
    ],
    "numeric_ymd_short": lambda d, name: (  # a two-digit year that cannot be a month
        [f"{d.year % 100:02d}-{d.month:02d}-{d.day:02d}"] if 2013 <= d.year <= 2099 else []
    ),
    "numeric_mdy_short": lambda d, name: (  # two-digit years are of this century
        [f"{d.month:02d}-{d.day:02d}-{d.year % 100:02d}"] if d.year >= 2000 else []
    ),
    "mmdd_comma_year": lambda d, name: [f"{d.month:02d}{d.day:02d}, {d.year}"],
    "cjk_ymd": lambda d, name: [f"{d.year}年{d.month}月{d.day}日"],
    "month_day_time_year": lambda d, name: [f"{name} {d.day} 18:51 {d.year}"],
    "month_day_weekday_year": lambda d, name: [f"{name} {d.day} {d:%a} {d.year} 10:33"],
    "month_day_short_year": lambda d, name: (  # two-digit years are of this century
        [f"{name} {d.day:02d},{d.year % 100:02d} 5:00 PM"] if d.year >= 2000 else []
    ),
    "month_day_year": lambda d, name: [
        f"{name} {d.day}, {d.year}",
        f"{name}. {d.day}, {d.year}",
        f"16:20 on {name} {d.day}, {d.year}",
        f"08:44, {name} {d.day}, {d.year}",
        f"{name} {d.day},{d.year}",
        f"{name} {d.day:02d}, {d.year} 05:53 AM",
    ],
    "day_month_year": lambda d, name: [
        f"{d.day} {name} {d.year}",
        f"{d.day}{_ordinal(d.day)} {name}, {d.year} 05:49:49 PM",
    ],
    "numeric_m_d_comma_y": lambda d, name: [f"{d.month} {d.day},{d.year} 17:31:00"],
    "numeric_md": lambda d, name: [f"{d.month:02d}-{d.day:02d}", f"{d.month:02d}/{d.day:02d}"],
    "cjk_md": lambda d, name: [f"{d.month}月{d.day}日"],
    "month_day": lambda d, name: [f"{name} {d.day}"],
}


def test_every_form_has_a_writer() -> None:
    assert {form["name"] for form in FORMATS} == set(WRITERS)


@given(st.dates(dt.date(1990, 1, 1), dt.date(2099, 12, 31)), st.data())
def test_any_date_in_any_form_parses_back(date: dt.date, data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(_names_of(date.month)))
    for form, write in WRITERS.items():
        for text in write(date, name):
            assert parse_date(text, default_year=date.year) == date, (form, text)
            found = find_date(f"It was {text}.", default_year=date.year)
            assert found is not None and found.date == date, (form, text)


DATE_PIECES = st.sampled_from(
    ["2022", "-", "/", ".", "08", "2", "13", "31", " ", "  ", "Aug", "August", ". ", ",",
     "年", "月", "日", "10:46", "Xinhua", "x", "On ", "2022-08-02", "Jan 12, 2018"]
)  # fmt: skip


@given(st.lists(DATE_PIECES, max_size=10).map("".join))
def test_opening_date_is_the_first_date_when_it_opens_the_text(text):
    first = find_date(text)
    assert opening_date(text) == (first if first is not None and first.start == 0 else None)


@pytest.mark.parametrize(
    ("page", "written", "read"),
    [
        ("Yahoo 22-05-2025 Business", "01-06-2025", "2025-06-01"),  # the page writes day first
        ("No other date here", "01-06-2025", "2025-01-06"),  # the table's order, month first
        ("On 05/25/2020 the city", "07/05/2020", "2020-07-05"),  # slashes written month first
        ("Both 22-05-2025 and 05-25-2025", "01-06-2025", "2025-01-06"),  # both ways: no order
    ],
)
def test_a_date_that_reads_either_way_follows_the_pages_order(
    page: str, written: str, read: str
) -> None:
    assert order_ambiguous(written)
    assert parse_date(written, swapped=swapped_forms(f"{page} {written}")).isoformat() == read


@pytest.mark.parametrize(
    ("page", "written", "read"),
    [
        ("XINING, June 8 (Xinhua) -- Xi visited the county.", "09-06-21 09:55", "2021-06-09"),
        ("HANGZHOU, Sept 5 (Xinhua) -- The summit opened.", "09-06-16 09:55", "2016-09-06"),
        ("No date is named here.", "09-06-21 09:55", "2021-09-06"),  # the table's order
        ("The base opened on December 15.", "07/01/2019", "2019-01-07"),  # neither is near
    ],
)
def test_a_date_that_reads_either_way_is_read_nearer_a_day_the_page_names(
    page: str, written: str, read: str
) -> None:
    assert order_ambiguous(written)
    swapped = order_near_named(written, f"{written} {page}")
    assert parse_date(written, swapped=swapped).isoformat() == read


@pytest.mark.parametrize(
    "written", ["22-05-2025", "2022-01-06", "05/05/2001", "4/12/2023 10:20 AM"]
)
def test_a_date_with_one_reading_is_not_ambiguous(written: str) -> None:
    assert not order_ambiguous(written)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("An exhibition opened on Dec 3. It will run until Jan 3, 2024.", None),
        ("It runs through March 1, 2025, after opening on Dec 3, 2024.", "2024-12-03"),
        ("On the morning of June 3, 2022, the race was held.", "2022-06-03"),
    ],
)
def test_a_snippets_event_date_is_not_the_end_of_a_span(text: str, iso: str | None) -> None:
    found = event_date(text)
    assert (found.date.isoformat() if found else None) == iso
    if found:
        assert text[found.start : found.end] == found.raw


def test_a_zone_is_read_with_its_time_but_not_out_of_a_word() -> None:
    assert find_date("May 5, 2023 11:29 AM EDT").raw == "May 5, 2023 11:29 AM EDT"
    assert find_date("2022-05-19 10:46 ESTATE").raw == "2022-05-19 10:46"


def test_a_month_abbreviation_and_its_day_with_no_space_is_a_date() -> None:
    """newschina's byline: "By He Bin , Zhao Yiwei Updated Jul.1"."""
    found = find_date("Updated Jul.1", default_year=2020)
    assert found is not None and (found.raw, found.date) == ("Jul.1", dt.date(2020, 7, 1))
    assert find_date("Mr.5 spoke") is None
