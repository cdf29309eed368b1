"""One story laid out in the many ways real pages lay it out: each byline form above the
title, under it or after the body; each kind of furniture above the headline; the site's name
glued to the headline; lists of other stories in twelve forms. Every layout must give the same
record: the title, the date, the credits, the body whole, and nothing else."""

from __future__ import annotations

import pytest

from newsmend.ingest import Page
from newsmend.records import page_records
from newsmend.split.lines import _kind
from newsmend.split.parts import META

TITLE = "Yangzhou opens new riverside park to residents"
BODY = (
    (
        "A new riverside park opened in Yangzhou on Monday, offering residents 12 hectares of green "
        "space along the Grand Canal."
    ),
    (
        "The park includes walking trails, a children's playground and a restored Qing Dynasty "
        "pavilion, according to the city's housing bureau."
    ),
    (
        "Officials said the project is part of a wider plan to improve public spaces in the old town "
        "by 2025."
    ),
)
FOOTER = "Copyright © 2021 Yangzhou Government. All Rights Reserved."
DAY = "2021-07-02"

# (byline, authors, editors, outlet); every one states DAY
BYLINES = [
    ("Source: Xinhua | Updated: 2021-07-02 17:30", [], [], "Xinhua"),
    ("Release time: 2021-07-02 10:20 Source: Hunan Daily", [], [], "Hunan Daily"),
    ("发布时间：2021-07-02 来源：湖南日报", [], [], "湖南日报"),
    ("Date: 2021-07-02  Views: 123", [], [], None),
    ("2021-07-02 15:32:11 Source: China Daily Editor: Li Hua", [], ["Li Hua"], "China Daily"),
    (
        "By Zhang Wei | chinadaily.com.cn | Updated: 2021-07-02 17:30",
        ["Zhang Wei"],
        [],
        "chinadaily.com.cn",
    ),
    ("Updated: Jul 2, 2021", [], [], None),
    ("Posted on: July 2, 2021", [], [], None),
    ("Author: Zhang Wei  Date: 2021/07/02", ["Zhang Wei"], [], None),
    ("[2021-07-02]", [], [], None),
    ("release date:2021/07/02", [], [], None),
    ("Time:2021-07-02 Font size: Large Medium Small", [], [], None),
    (
        "Source: Shanghai Daily | Author: Li Qian | Date: 2021-07-02",
        ["Li Qian"],
        [],
        "Shanghai Daily",
    ),
    ("From: Jiangsu Provincial Government   2021-07-02", [], [], "Jiangsu Provincial Government"),
    ("Edited by Li Hua | 2021-07-02", [], ["Li Hua"], None),
    ("2021-07-02 | Editor: Li Hua", [], ["Li Hua"], None),
    (
        "Writer: Li Qian | Editor: Wang Ying | From: Shanghai Daily | Updated: 2021-07-02",
        ["Li Qian"],
        ["Wang Ying"],
        "Shanghai Daily",
    ),
    ("Date:2021-07-02 Source:Taizhou Government Click:1234", [], [], "Taizhou Government"),
    ("Published: 2021-07-02 10:20 AM", [], [], None),
    ("Jul 02, 2021 Print | Share", [], [], None),
    ("Friday, July 2, 2021", [], [], None),
    ("2021-07-02 08:00:00 | Source: Yunnan Daily | Author: Li Hua", ["Li Hua"], [], "Yunnan Daily"),
    (
        "By LI HUA in Kunming | China Daily | Updated: 2021-07-02 07:30",
        ["Li Hua"],
        [],
        "China Daily",
    ),
    ("Written by Li Hua on July 2, 2021", ["Li Hua"], [], None),
    ("Reporter: Li Hua  Correspondent: Wang Ying  2021-07-02", ["Li Hua", "Wang Ying"], [], None),
    ("Article source: Yangzhou Daily  Publication date: 2021-07-02", [], [], "Yangzhou Daily"),
    ("Time of publication: 2021-07-02 09:15  Number of visits: 312", [], [], None),
    ("(Source: Yangzhou Daily)  2021-07-02", [], [], "Yangzhou Daily"),
    ("July 2, 2021 | By Li Hua", ["Li Hua"], [], None),
    ("Date：2021年07月02日  来源：扬州日报  作者：李华", ["李华"], [], "扬州日报"),
    (
        "来源:扬州日报 作者:李华 王英 发表时间:2021-07-02 00:43",
        ["李华", "王英"],
        [],
        "扬州日报",
    ),
    (
        "Publication time: 2021-07-02 10:00:00 Source: Yangzhou News Network Editor: Li Hua",
        [],
        ["Li Hua"],
        "Yangzhou News Network",
    ),
    ("Submitted by admin on 2 July 2021", [], [], None),
    ("2021-07-02 BY admin", [], [], None),  # Macau Post Daily: the account names nobody
    ("Posted by Author on July 2, 2021", [], [], None),  # a blog theme's placeholder
    ("By Joseph S. Margai | 2021-07-02", ["Joseph S. Margai"], [], None),
    ("Last updated on July 2, 2021", [], [], None),
    ("2021-07-02 | Photo: Xinhua/Li Hua", ["Li Hua"], [], None),
    ("Editors: Li Hua/Wang Ying  2021-07-02", [], ["Li Hua", "Wang Ying"], None),
    ("Nataliia Litvinova, 2021-07-02", ["Nataliia Litvinova"], [], None),  # a blog's writer
    ("updatetime:2021-07-02 08:51:00   View:0 Source:en.gxzf.gov.cn", [], [], "en.gxzf.gov.cn"),
    ("2021-07-02 15:03:59 | source:China Daily", [], [], "China Daily"),
    ("By Li Hua | NO. 40-41 JULY 2, 2021", ["Li Hua"], [], None),  # a print issue's number
    (
        "Xinhua News Agency reporters Chen Cong and Yang Xuan | 2021-07-02",
        ["Chen Cong", "Yang Xuan"],
        [],
        "Xinhua News Agency",
    ),
]

# credit lines after the body: (line, authors, editors, outlet)
CLOSING_CREDITS = [
    ("(Editor: Li Hua)", [], ["Li Hua"], None),
    ("[Editor: Li Hua]", [], ["Li Hua"], None),
    ("Editor in charge: Li Hua", [], ["Li Hua"], None),
    ("Translated by Li Hua", [], ["Li Hua"], None),
    ("(Reporter: Li Hua)", ["Li Hua"], [], None),
    ("Text/Li Hua Photo/Wang Ying", ["Li Hua", "Wang Ying"], [], None),
    ("Source: Yangzhou Daily | Editor: Li Hua", [], ["Li Hua"], "Yangzhou Daily"),
    ("Translator: Li Hua  Reviewer: Wang Ying", [], ["Li Hua", "Wang Ying"], None),
    ("By Li Hua and Wang Ying", ["Li Hua", "Wang Ying"], [], None),
    (
        "First review: Li Hua  Second review: Wang Ying  Final review: Zhang Wei",
        [],
        ["Li Hua", "Wang Ying", "Zhang Wei"],
        None,
    ),
    ("Editor: Li Hua\nReviewer: Wang Ying", [], ["Li Hua", "Wang Ying"], None),
    ("(Translated by Li Hua, reviewed by Wang Ying)", [], ["Li Hua", "Wang Ying"], None),
    ("Editors: Li Hua, Wang Ying", [], ["Li Hua", "Wang Ying"], None),
    ("Photo by Wang Ying/Xinhua", ["Wang Ying"], [], None),
    ("Information source: Yangzhou Daily", [], [], "Yangzhou Daily"),
    ("-- BERNAMA", [], [], "BERNAMA"),
    ("— Xinhua", [], [], "Xinhua"),
    ("Web Editor:MXJ", [], ["MXJ"], None),  # an editor's initials
    ("Taiwan News, Staff Writer", [], [], "Taiwan News"),  # the outlet's staff, unnamed
    ("Issued by: Taichung City Government", [], [], "Taichung City Government"),
    # 全媒体记者 X 通讯员 Y, translated word by word
    (
        "(all-media reporter Chang Xiaoying correspondent Xia Jianmin)",
        ["Chang Xiaoying", "Xia Jianmin"],
        [],
        None,
    ),
]

HEADS = [
    ("Yangzhou China", "Home | About Yangzhou | News | Government | Business | Travel"),
    ("You are here: Home > News > Local News",),
    ("Friday, July 2, 2021", "中文 | English", "Search"),
    ("Home About Yangzhou News Government Business Travel Living",),
    ("Current position: Home >> News >> Yangzhou News",),
    ("Yangzhou Government Portal", "English | 中文", "Home", "News", "Tourism", "Contact Us"),
    ("Font size: A A A", "Print | Close"),
    ("Enter keywords", "Search", "Advanced search"),
    ("Skip to main content", "Menu"),
    ("Home / News / City News",),
    ("Yangzhou News Network", "2021-07-02 Friday"),
    ("Close this search box.", "中文Back to Yangzhou"),
]
HEADLINES = [
    TITLE,
    TITLE.upper(),
    TITLE + " - Yangzhou Government",
    TITLE + " | China Daily",
    TITLE + "_Yangzhou Government Portal",
    TITLE + "_Domestic Channel_News Center_Yangtze River",  # a site's path, by underscores
    TITLE + "_China Development Portal-National Development Portal",  # a hyphen in the name
]


def read(*lines: str) -> tuple[dict, list[dict], list[dict]]:
    """The page's main article, its other stories and its headlines."""
    [article, *others], headlines = page_records(Page("p.txt", "0", "\n".join(lines) + "\n"))
    return article, others, headlines


def body_whole(article: dict) -> bool:
    body = article["body_raw"]
    return body.startswith(BODY[0]) and body.rstrip().endswith(BODY[-1])


def credits(article: dict) -> tuple:
    return sorted(article["authors"]), sorted(article["editors"]), article["outlet"]


@pytest.mark.parametrize("place", ["under the title", "over the title", "after the body"])
@pytest.mark.parametrize(("byline", "authors", "editors", "outlet"), BYLINES)
def test_a_byline_in_any_form_and_place(place, byline, authors, editors, outlet) -> None:
    head = {
        "under the title": [TITLE, "", byline, ""],
        "over the title": [byline, "", TITLE, ""],
        "after the body": [TITLE, ""],
    }[place]
    tail = [byline, ""] if place == "after the body" else []
    article, others, headlines = read(
        "Home > News > Local News", "", *head, *(f"{p}\n" for p in BODY), *tail, FOOTER
    )
    assert (article["title_raw"], str(article["published"])) == (TITLE, DAY)
    assert credits(article) == (sorted(authors), sorted(editors), outlet)
    assert body_whole(article) and others == [] and headlines == []


@pytest.mark.parametrize("bar", [(), ("Share to: WeChat Weibo QQ",), ("Print", "Close")])
@pytest.mark.parametrize(("line", "authors", "editors", "outlet"), CLOSING_CREDITS)
def test_closing_credits_in_any_form(line, authors, editors, outlet, bar) -> None:
    article, others, headlines = read(
        "Home > News", "", TITLE, "", "Updated: 2021-07-02", "", *(f"{p}\n" for p in BODY),
        line, "", *bar, FOOTER,
    )  # fmt: skip
    assert article["title_raw"] == TITLE
    assert credits(article) == (sorted(authors), sorted(editors), outlet)
    assert body_whole(article) and others == [] and headlines == []


@pytest.mark.parametrize("headline", HEADLINES)
@pytest.mark.parametrize("head", HEADS)
def test_the_headline_under_any_furniture(head: tuple[str, ...], headline: str) -> None:
    article, others, headlines = read(
        *head, "", headline, "", "Updated: 2021-07-02", "", *BODY, FOOTER
    )
    assert (article["title_raw"].casefold(), str(article["published"])) == (TITLE.casefold(), DAY)
    assert body_whole(article) and others == [] and headlines == []


STORIES = [
    ("Yangzhou opens new riverside park to residents", BODY[0], "2021-07-02"),
    (
        "Canal culture week draws thousands of visitors",
        (
            "More than 30,000 people visited the exhibitions of the Grand Canal culture week in "
            "Yangzhou, organizers said on Sunday, a record for the event."
        ),
        "2021-06-30",
    ),
    (
        "City launches new metro line plan",
        (
            "Yangzhou unveiled a plan for its first metro line on Friday, which will link the railway "
            "station with the old town and the university district."
        ),
        "2021-06-28",
    ),
    (
        "Local farmers harvest early rice",
        (
            "Farmers in Gaoyou began harvesting early rice this week, with yields up 5 percent on "
            "last year thanks to new seed varieties, the agriculture bureau said."
        ),
        "2021-06-25",
    ),
]
# A listed story's lines, and whether they state its date.
LIST_FORMS = {
    "title, snippet, date": (lambda t, s, d, i: [t, s, d], True),
    "title, date, snippet": (lambda t, s, d, i: [t, d, s], True),
    "title (date), snippet": (lambda t, s, d, i: [f"{t} ({d})", s], True),
    "title | date, snippet": (lambda t, s, d, i: [f"{t} | {d}", s], True),
    "date, title, snippet": (lambda t, s, d, i: [d, t, s], True),
    "title, snippet date": (lambda t, s, d, i: [t, f"{s} {d}"], True),
    "title, source and date, snippet": (
        lambda t, s, d, i: [t, f"Source: Yangzhou Daily | {d}", s],
        True,
    ),
    "title, snippet": (lambda t, s, d, i: [t, s], False),
    "numbered title, snippet": (lambda t, s, d, i: [f"{i + 1}. {t}", s], False),
    "title, cut snippet, more link": (lambda t, s, d, i: [t, s[:90] + "...", "[More]"], False),
    "title, snippet, read more": (lambda t, s, d, i: [t, s, "Read more"], False),
    "title, snippet and its link": (
        lambda t, s, d, i: [t, f"{s} Full story (in Chinese) via this link."],
        False,
    ),
}
LINKS = ("Read more", "[More]", "Full story")  # none belongs to a story's text


@pytest.mark.parametrize("separator", ["\n", "\n\n"])
@pytest.mark.parametrize("header", [(), ("Home > News > Local News", "Local News")])
@pytest.mark.parametrize("form", sorted(LIST_FORMS))
def test_a_listing_gives_one_record_a_story(form: str, header: tuple, separator: str) -> None:
    lines_of, dated = LIST_FORMS[form]
    lines = [line for i, (t, s, d) in enumerate(STORIES) for line in lines_of(t, s, d, i)]
    text = separator.join([*header, *lines, "1 2 3 Next >", FOOTER]) + "\n"
    records, headlines = page_records(Page("p.txt", "0", text))
    assert [r["title_raw"] for r in records] == [t for t, _s, _d in STORIES]
    assert [r["kind"] for r in records] == ["article"] + ["teaser"] * (len(STORIES) - 1)
    if dated:
        assert [str(r["published"]) for r in records] == [d for _t, _s, d in STORIES]
    assert not [r for r in records if any(link in r["body_raw"] for link in LINKS)]
    assert headlines == []


OTHERS = [
    "Yangzhou hosts canal culture week",
    "New metro line planned for Yangzhou",
    "Gaoyou farmers harvest early rice",
]
# What may follow a story, and the headlines it lists.
TAILS = {
    "tags": (["Tags: Yangzhou park canal"], []),
    "share bar": (["Share this:", "Facebook", "Twitter", "LinkedIn"], []),
    "QR prompt": (["Scan the QR code to follow us on WeChat"], []),
    "contact footer": (
        [
            "Contact Us | About Us | Site Map",
            "Address: No. 1 Wenchang Road, Yangzhou, Jiangsu  Tel: 0514-87654321",
            "Su ICP No. 05001234-1",
        ],
        [],
    ),
    "comment form": (["Comments", "Name:", "Email:", "Submit", "No comments yet"], []),
    "print and close": (["【Print】【Close】"], []),
    "disclaimer": (
        [
            (
                "Disclaimer: This article is reproduced from other media for the purpose of conveying "
                "more information and does not mean that this website agrees with its views."
            )
        ],
        [],
    ),
    "end marker": (["- END -"], []),
    "pager": (["Previous Page 1 2 Next Page"], []),
    "a menu's single items": (["About", "Ethnic Culture", "Contact us"], []),
    "menu rows": (
        [
            "ABOUT Introduction Development Zones Officials Department Industrial Parks",
            "INVESTING Why Yangzhou Guide Policies Opportunities Industrial Parks Industries",
        ],
        [],
    ),
    "editor, then a sidebar": (
        [
            "Edited by Zachary Dye",
            "Video",
            "Trade officials praised Yangzhou as a center of tourism.",
        ],
        [],
    ),
    "recommended": (["Recommended", *OTHERS], OTHERS),
    "most read, ranked": (["Most Read", *(f"{i} {t}" for i, t in enumerate(OTHERS, 1))], OTHERS),
    "latest, dated in brackets": (
        ["Latest News", *(f"[{d}] {t}" for d, t in zip(("07-01", "06-30", "06-29"), OTHERS))],
        OTHERS,
    ),
    "related, dashed": (["Related:", *(f"- {t}" for t in OTHERS)], OTHERS),
    "previous and next": (
        ["Previous article: " + OTHERS[0], "Next article: " + OTHERS[1]],
        OTHERS[:2],
    ),
}


@pytest.mark.parametrize("separator", ["\n", "\n\n"])
@pytest.mark.parametrize("tail", sorted(TAILS))
def test_what_follows_the_story_is_furniture_or_headlines(tail: str, separator: str) -> None:
    lines, listed = TAILS[tail]
    text = separator.join(["Home > News", TITLE, "Updated: 2021-07-02", *BODY, *lines, FOOTER])
    [article], headlines = page_records(Page("p.txt", "0", text + "\n"))
    assert article["title_raw"] == TITLE and body_whole(article)
    assert [h["title_raw"] for h in headlines] == listed


RELATED = [
    "Related news",
    "Yangzhou hosts canal culture week (2021-06-30)",
    "New metro line planned for Yangzhou (2021-06-28)",
]
IN_THE_BODY = (
    "On June 28, 2021, a new riverside park opened in Yangzhou, offering residents 12 hectares "
    "of green space along the Grand Canal."
)
# Pages whose dates compete: (lines, the story's date)
DATES = {
    "a site's clock over a dated story": (
        ["Monday, December 4, 2023", "Home > News", TITLE, "Updated: 2021-07-02", *BODY],
        DAY,
    ),
    "a clock over the headline, the release time after the story": (
        ["Friday, December 1, 2023", TITLE, *BODY, "Release time: 2021-07-02"],
        DAY,
    ),
    "a dated list over the story": (
        ["Home > News", *RELATED, TITLE, "Updated: 2021-07-02", *BODY],
        DAY,
    ),
    "a dated list after an undated story": (["Home > News", TITLE, *BODY, *RELATED], None),
    "a date in the story's first sentence only": (
        ["Home > News", TITLE, IN_THE_BODY, *BODY[1:]],
        None,
    ),
    "a copyright's year only": (["Home > News", TITLE, *BODY, FOOTER], None),
    "a date alone after the credits": (["Home > News", TITLE, *BODY, "Editor: Li Hua", DAY], DAY),
    "a source and date, then a list": (
        ["Home > News", TITLE, *BODY, "(Source: Yangzhou Daily 2021-07-02)", *RELATED],
        DAY,
    ),
}


@pytest.mark.parametrize("separator", ["\n", "\n\n"])
@pytest.mark.parametrize("shape", sorted(DATES))
def test_the_story_takes_its_own_date(shape: str, separator: str) -> None:
    lines, day = DATES[shape]
    [article], _ = page_records(Page("p.txt", "0", separator.join(lines) + "\n"))
    assert article["title_raw"] == TITLE
    assert (str(article["published"]) if article["published"] else None) == day


# A headline as the page writes it, and the headline a reader takes from it.
HEADLINE_FORMS = {
    "【Yangzhou News】" + TITLE: TITLE,
    "[Yangzhou] " + TITLE: TITLE,
    "Video | " + TITLE: TITLE,
    "Exclusive | " + TITLE: TITLE,
    TITLE + "--Yangzhou Daily": TITLE,
    "Yangzhou: " + TITLE: "Yangzhou: " + TITLE,
    TITLE + " [Photos]": TITLE + " [Photos]",
    "“Green Yangzhou”: city opens new riverside park": "“Green Yangzhou”: city opens new riverside park",
    "[2021-07-02] " + TITLE: TITLE,
}


@pytest.mark.parametrize("written", sorted(HEADLINE_FORMS))
def test_a_columns_name_before_the_headline_is_not_part_of_it(written: str) -> None:
    byline = "Source: Xinhua News Agency  Author: Li Hua  Editor in charge: Wang Ying"
    article, others, headlines = read("Home > News", "", written, "", byline, "", *BODY)
    assert article["title_raw"] == HEADLINE_FORMS[written]
    assert credits(article) == (["Li Hua"], ["Wang Ying"], "Xinhua News Agency")
    assert body_whole(article) and others == [] and headlines == []


def test_a_byline_of_fields_between_middle_dots() -> None:
    article, _, _ = read(TITLE, "CHINADAILY  · 公众号  · 时评  · 2024-03-09 14:30", *BODY)
    assert (article["title_raw"], str(article["published"])) == (TITLE, "2024-03-09")
    assert article["outlet"] == "CHINADAILY" and body_whole(article)


def test_a_translated_wire_dateline_credits_its_reporter_and_stays_in_the_story() -> None:
    first = (
        "According to the Xinhua News Agency, Chengdu, May 17 (reporter Wu Guangyu), the "
        "conference opened in Xichang on Friday."
    )
    article, _, _ = read(TITLE, "Updated: 2024-05-18", first, *BODY[1:])
    assert article["authors"] == ["Wu Guangyu"] and article["body_raw"].startswith(first)


def test_a_dateline_with_its_year_and_outlet_dates_the_story() -> None:
    first = f"YANGZHOU, Jul 2, 2021, China Daily. {BODY[0]}"
    article, _, _ = read(TITLE, first, *BODY[1:])
    assert (str(article["published"]), article["outlet"]) == (DAY, "China Daily")
    assert article["body_raw"].startswith(first)


def test_a_labelled_source_after_the_story_beats_the_sites_name_over_it() -> None:
    byline = "Updated:2021-07-02 17:52:07   Yunnan Gateway"
    article, _, _ = read(TITLE, byline, *BODY, "Source: Yangzhou Daily; trans-editing by Li Hua")
    assert (article["outlet"], article["editors"]) == ("Yangzhou Daily", ["Li Hua"])


def test_titles_listed_under_no_header_after_the_story_are_headlines() -> None:
    article, others, headlines = read(TITLE, *BODY, "(China Daily July 2, 2021)", *OTHERS, FOOTER)
    assert (article["outlet"], str(article["published"]), others) == ("China Daily", DAY, [])
    assert [h["title_raw"] for h in headlines] == OTHERS


def test_a_title_listed_again_is_one_headline_and_the_storys_own_is_none() -> None:
    """A gallery writes its title under each picture, a page lists a story twice, and lists
    the story itself: each other story is one headline; two under different dates are two."""
    dated = ["2021-07-01 Fuzhou opens a new metro line", "2021-06-30 Fuzhou opens a new metro line"]
    listed = [OTHERS[0], TITLE, OTHERS[1], OTHERS[0], *OTHERS[2:], OTHERS[1], *dated]
    _, _, headlines = read(TITLE, *BODY, "(China Daily July 2, 2021)", "Related news", *listed)
    titles = [h["title_raw"] for h in headlines]
    assert titles == [*OTHERS, *(["Fuzhou opens a new metro line"] * 2)]


def test_the_storys_own_listed_date_dates_it_and_gives_the_list_its_year() -> None:
    """An undated story listed again among "Popular articles" under its full date: no
    headline of its own, dated by that entry, and the short dates of the list take its year."""
    listed = [f"01-06 | {OTHERS[0]}", f"2022-01-15 | {TITLE}", f"01-09 | {OTHERS[1]}"]
    article, _, headlines = read(TITLE, *BODY, "Popular articles", *listed, "—END—")
    assert str(article["published"]) == "2022-01-15"
    assert [(h["title_raw"], str(h["published"])) for h in headlines] == [
        (OTHERS[0], "2022-01-06"),
        (OTHERS[1], "2022-01-09"),
    ]


def test_a_pager_under_the_story_says_it_goes_on_another_page() -> None:
    article, _, _ = read(TITLE, "Updated: 2021-07-02", *BODY, "Previous Page 1 2 Next Page", FOOTER)
    assert article["truncated"] and body_whole(article)
    whole, _, _ = read(TITLE, "Updated: 2021-07-02", *BODY, FOOTER)
    assert not whole["truncated"]


def test_an_outlet_goes_by_one_name() -> None:
    first = f"YANGZHOU, China, July 2, 2021 /PRNewswire/ -- {BODY[0]}"
    article, _, _ = read(TITLE, first, *BODY[1:])
    assert (str(article["published"]), article["outlet"]) == (DAY, "PR Newswire")


def test_listed_titles_dated_after_a_dash() -> None:
    lines = [line for t, s, d in STORIES for line in (f"{t} - {d}", s)]
    records, headlines = page_records(Page("p.txt", "0", "\n\n".join(lines) + "\n"))
    assert [(r["title_raw"], str(r["published"])) for r in records] == [
        (t, d) for t, _s, d in STORIES
    ]
    assert headlines == []


# A picture's caption inside the story, and the photographers it credits.
CAPTIONS = {
    "Photo taken on June 28, 2021 shows the new riverside park in Yangzhou, east China's "
    "Jiangsu Province. (Xinhua/Li Hua)": ["Li Hua"],
    "Residents walk in the new park. [Photo/Yangzhou Daily]": [],
    "Residents walk in the new park. (Photo by Li Hua)": ["Li Hua"],
    "Residents walk in the new park. Photo: LI HUA": ["Li Hua"],
    "Residents walk in the new park. [Photo provided to chinadaily.com.cn]": [],
    "IMG_2021.jpg": [],
    "Residents walk in the new park. Photo: Wikimedia Commons/Anna Frodesiak": ["Anna Frodesiak"],
}


@pytest.mark.parametrize("where", [1, 2])
@pytest.mark.parametrize("caption", sorted(CAPTIONS))
def test_a_caption_in_the_story_is_dropped_and_credits_its_photographer(caption, where) -> None:
    body = [*BODY[:where], caption, *BODY[where:]]
    article, others, _ = read("Home > News", TITLE, "Updated: 2021-07-02", *body, FOOTER)
    assert caption not in article["body_raw"] and body_whole(article) and others == []
    assert article["authors"] == CAPTIONS[caption]


@pytest.mark.parametrize(
    "glued",
    [
        "Residents walk in the park.(Photo by Li Hua) The pavilion at night.(Photo by Wang Ying)",
        "This photo shows the park.(Xinhua/Li Hua) The pavilion at night. (Xinhua/Wang Ying)",
    ],
)
def test_captions_run_into_one_paragraph_credit_each_photographer(glued: str) -> None:
    article, _, _ = read(TITLE, "Updated: 2021-07-02", f"{glued} {BODY[0]}", *BODY[1:])
    assert article["authors"] == ["Li Hua", "Wang Ying"]


# What a page glues after the story's last stop, and what it credits: (glued, authors, outlet)
GLUED_TAILS = {
    "https://focustaiwan.tw/society/202304220012": ([], None),
    "See the original link: https://en.imsilkroad.com/p/334386.html": ([], None),
    "[Photo/IC]": ([], None),
    "[Xinhua/Tao Liang]": (["Tao Liang"], None),
    "Photo: Qi Xijia/GT": (["Qi Xijia"], None),
    "(Photo/Jiang Keqing) Source: Hunan Daily": (["Jiang Keqing"], "Hunan Daily"),
    "[FULL  STORY]": ([], None),  # spaced as the page spaced it
    "China News Service reporter Jiang Tao": (["Jiang Tao"], "China News Service"),  # 中新社记者
    "Full story (in Chinese) via this link.": ([], None),  # a stop inside it
    "Full story (in Chinese) via this...": ([], None),  # the prompt cut by the site
}


# A last paragraph longer than a caption: a photo story's, or a story's closing one.
LAST = (
    f"{BODY[-1]} Two more parks along the canal will open next year, one of them in the "
    "district of Guangling, where work began in March, the bureau said."
)


@pytest.mark.parametrize("glued", sorted(GLUED_TAILS))
def test_what_is_glued_after_the_last_stop_leaves_the_story(glued: str) -> None:
    article, others, _ = read(TITLE, "Updated: 2021-07-02", *BODY[:-1], f"{LAST} {glued}")
    assert article["body_raw"].startswith(BODY[0]) and article["body_raw"].endswith(LAST)
    assert (article["authors"], article["outlet"]) == GLUED_TAILS[glued] and others == []


def test_a_credit_glued_to_the_last_stop_without_a_space_leaves_the_story() -> None:
    """A translation that lost its line breaks: "... of the festival.Article: Hong Yumei, ..."."""
    glued = "Article: Hong Yumei, Hou Xueting Photo: Editor: Sun Changxin"
    article, _, _ = read(TITLE, "Updated: 2021-07-02", *BODY[:-1], LAST + glued)
    assert article["body_raw"].endswith(LAST)
    assert {"Hong Yumei", "Hou Xueting"} <= set(article["authors"])


def test_a_link_run_on_from_the_ellipsis_that_cuts_the_story_leaves_it() -> None:
    cut = LAST[:-30]
    article, _, _ = read(TITLE, "Updated: 2021-07-02", *BODY[:-1], f"{cut}...Read More »")
    assert article["body_raw"].endswith(cut + "...")


@pytest.mark.parametrize(
    "kept",
    [
        "The website: http://2011.nbtravel.gov.cn/.",  # a sentence that gives an address
        "The t",  # the store cut the next sentence
        "On the",
        "From April 20, the first batch of",  # a time phrase, no source
        "Yao ...",  # a name cut by the site, no credit of its own
        # a label inside a sentence, after a dash turned to mojibake (its "â€”" ends in "”")
        "The reporter learned â€” from China Railway Shanghai Group Co., Ltd.",
    ],
)
def test_a_last_sentence_that_is_the_storys_stays(kept: str) -> None:
    article, _, _ = read(TITLE, "Updated: 2021-07-02", *BODY[:-1], f"{LAST} {kept}")
    assert article["body_raw"].rstrip().endswith(kept) and article["outlet"] is None


def test_teasers_lose_the_links_glued_after_their_text() -> None:
    teasers = {
        "Taipei police arrest three over shooting": "Police arrested three men over a shooting "
        "in Taipei on Friday, officials said.",
        "Carbon exchange to open in Kaohsiung": "A carbon exchange slated to open next year "
        "will be based in Kaohsiung, the city government said on Saturday.",
    }
    lines = [f"{line} https://focustaiwan.tw/society/2023042200{n}" for n, line in enumerate(
        (LAST, *(f"{title}\n2023-04-22\n{text}" for title, text in teasers.items()))
    )]  # fmt: skip
    article, others, _ = read(TITLE, "Updated: 2021-07-02", *BODY[:-1], *lines)
    assert article["body_raw"].endswith(LAST)
    assert others and all(o["body_raw"] in teasers.values() for o in others)


def test_a_story_told_in_a_picture_is_its_caption_under_the_headline_again() -> None:
    """The headline, its byline, the headline again as the picture's title, the caption; a
    menu's item alone under it ("Highlights") is no body."""
    caption = "Residents walk in the new park.[Photo by Li Hua/Yangzhou Daily]"
    article, others, _ = read(
        TITLE,
        "By Wang Ying (Yangzhou Daily) Updated: 2021-07-02 08:05",
        TITLE,
        caption,
        "Highlights",
        "Hot Topics",
    )
    assert article["body_raw"].startswith("Residents walk in the new park.") and others == []
    assert (article["title_raw"], article["authors"]) == (TITLE, ["Wang Ying", "Li Hua"])


SUBTITLE = "Park covers 12 hectares along the Grand Canal"
# What may stand between the headline and the story: (lines, the story's date)
UNDER_THE_HEADLINE = {
    "a subtitle over the byline": ([SUBTITLE, "Updated: 2021-07-02"], DAY),
    "a subtitle under the byline": (["Updated: 2021-07-02", SUBTITLE], DAY),
    "a subtitle alone": ([SUBTITLE], None),
    "a dashed subtitle": (["-- " + SUBTITLE], None),
    "a subtitle in lower case": (["a green lung for the city's old town", DAY], DAY),
    "a quote as the subtitle": (["\u201cIt is a gift to the city,\u201d residents say", DAY], DAY),
    "a byline of a writer and a paper": (["By Li Hua, China Daily", "Updated: 2021-07-02"], DAY),
    "a writer's name alone": (["Li Hua", DAY], DAY),
    "a caption without a full stop": (
        [DAY, "Residents walk in the new riverside park on Monday"],
        DAY,
    ),
    "an editor's note": (
        [DAY, "Editor's note: This is the first of a series on Yangzhou's parks"],
        DAY,
    ),
    "a place and a date": (["Yangzhou, July 2, 2021"], DAY),
    "keywords": (["Keywords: park; Grand Canal; Yangzhou", DAY], DAY),
    "a video's length": (["Video: 02:31", DAY], DAY),
}


@pytest.mark.parametrize("separator", ["\n", "\n\n"])
@pytest.mark.parametrize("shape", sorted(UNDER_THE_HEADLINE))
def test_the_headline_over_what_stands_under_it(shape: str, separator: str) -> None:
    under, day = UNDER_THE_HEADLINE[shape]
    text = separator.join(["Home > News", TITLE, *under, *BODY, FOOTER]) + "\n"
    [article], headlines = page_records(Page("p.txt", "0", text))
    assert article["title_raw"] == TITLE and body_whole(article) and headlines == []
    assert (str(article["published"]) if article["published"] else None) == day


# What pages glue to a headline's line; the headline is the same under all of it.
GLUED_TO_THE_HEADLINE = [
    TITLE + "2021-07-02",
    TITLE + " 2021-07-02 10:20",
    TITLE + "  (2021-07-02)",
    TITLE + " [2021-07-02]",
    TITLE + " - Yangzhou - Jiangsu Province - China Daily",
    TITLE + " -- Yangzhou Government",
    TITLE + " | Yangzhou | China Daily",
    TITLE + "_Yangzhou News_Yangzhou Government",
    TITLE + " - 中国日报网",
    TITLE + "——扬州市人民政府",
    TITLE + " - Xinhua | English.news.cn",
    TITLE + " - Chinadaily.com.cn",
    TITLE + " - CGTN",
    TITLE + " - People's Daily Online",
    TITLE + " Source: Yangzhou Daily",
    TITLE + " Updated: 2021-07-02",
    TITLE + " Author: Li Hua",
    TITLE + " [Print] [Close]",
    TITLE + " Font size: A A A",
    "Title: " + TITLE,
]


@pytest.mark.parametrize("line", GLUED_TO_THE_HEADLINE)
def test_what_is_glued_to_the_headline_is_not_part_of_it(line: str) -> None:
    article, others, _ = read("Home > News", "", line, "", *BODY)
    assert article["title_raw"] == TITLE and body_whole(article) and others == []


@pytest.mark.parametrize(
    "title", ["Xinjiang Invests in Local Tourism", "SW China capital city wants to get real big"]
)
def test_a_headline_ending_in_a_menus_or_a_bars_word_keeps_it(title: str) -> None:
    article, _, _ = read("Home > News", "", title, "", *BODY)
    assert article["title_raw"] == title


def test_a_line_of_chinese_site_names_over_a_listing_is_no_headline() -> None:
    lines = [line for t, s, _d in STORIES for line in (t, s)]
    records, _ = page_records(
        Page("p.txt", "0", "\n\n".join(["| 中国日报网贵州频道 | 中国贵州网 |", *lines]))
    )
    assert [r["title_raw"] for r in records] == [t for t, _s, _d in STORIES]


UNMARKED = {"title, snippet", "numbered title, snippet"}  # as a story's subheadings read


@pytest.mark.parametrize("separator", ["\n", "\n\n"])
@pytest.mark.parametrize("form", sorted(set(LIST_FORMS) - UNMARKED))
def test_other_stories_right_after_the_story_are_teasers(form: str, separator: str) -> None:
    """No header, credit or bar between the story and the list of other stories: their dates,
    cut snippets or links mark them as a list's."""
    lines_of, _dated = LIST_FORMS[form]
    others = [line for i, (t, s, d) in enumerate(STORIES[1:], 1) for line in lines_of(t, s, d, i)]
    text = separator.join(["Home > News", TITLE, "Updated: 2021-07-02", *BODY, *others, FOOTER])
    records, _ = page_records(Page("p.txt", "0", text + "\n"))
    assert [r["title_raw"] for r in records] == [TITLE, *(t for t, _s, _d in STORIES[1:])]
    assert body_whole(records[0])


def test_subheadings_over_single_paragraphs_stay_in_the_story() -> None:
    """Unmarked titles over one paragraph each after the story's text: its subheadings."""
    sections = [line for t, s, _d in STORIES[1:] for line in (t, s)]
    text = "\n\n".join(["Home > News", TITLE, "Updated: 2021-07-02", *BODY, *sections, FOOTER])
    [article], _ = page_records(Page("p.txt", "0", text + "\n"))
    assert article["body_raw"].endswith(STORIES[-1][1])


def test_a_wires_dateline_before_the_headline_credits_the_wire() -> None:
    """A Xinhua story translated with its Chinese head ("新华社哈尔滨5月25日电 题："): the
    dateline names the wire, the headline follows "title:", the reporters' line is a byline."""
    head = f"Xinhua News Agency, Harbin, July 2, 2021, title: {TITLE}"
    article, others, _ = read(
        head, "", "Xinhua News Agency reporters Chen Cong and Yang Xuan", "", *BODY
    )
    assert (article["title_raw"], str(article["published"])) == (TITLE, DAY)
    assert credits(article) == (["Chen Cong", "Yang Xuan"], [], "Xinhua News Agency")
    assert body_whole(article) and others == []


def test_a_releases_issuer_under_its_headline_is_not_the_title() -> None:
    dateline = "YANGZHOU, China, July 2, 2021 /Xinhua-AsiaNet/-- " + BODY[0]
    article, _, _ = read(
        TITLE, "", "Yangzhou Fruit Industry Development Center", "", dateline, *BODY[1:]
    )
    assert (article["title_raw"], str(article["published"])) == (TITLE, DAY)
    assert article["outlet"] == "Xinhua-AsiaNet"


@pytest.mark.parametrize(
    "credit", ["Photo by Xinhua News Agency reporter Wang Ying", "Photo by Wang Ying"]
)
@pytest.mark.parametrize("where", ["before the text", "between paragraphs"])
def test_a_caption_over_its_picture_credit_is_no_part_of_the_story(credit: str, where: str) -> None:
    """A short paragraph right over a line that only credits a picture is the picture's
    caption; the photographer is credited."""
    picture = ("A view of the new riverside park in Yangzhou.", credit)
    body = [*picture, *BODY] if where == "before the text" else [BODY[0], *picture, *BODY[1:]]
    article, others, _ = read(TITLE, "Source: Xinhua | Updated: 2021-07-02 17:30", *body)
    assert body_whole(article) and "A view of" not in article["body_raw"] and others == []
    assert credits(article) == (["Wang Ying"], [], "Xinhua")


def test_a_file_picture_label_and_a_papers_column_label_are_furniture() -> None:
    """ "Data pictures" (资料图片) says the caption over it is a file picture's; "core reading"
    (核心阅读) labels the paper's summary."""
    lines = ("A view of the new riverside park in Yangzhou.", "Data pictures", "core reading")
    article, others, _ = read(TITLE, "Updated: 2021-07-02", *lines, *BODY)
    assert body_whole(article) and others == []


def test_captions_over_the_above_pictures_credit_are_no_part_of_the_story() -> None:
    """ "The above pictures are provided by ..." (以上图片由...提供) credits the pictures over
    it, each with its short caption."""
    captions = ("Overlooking the riverside park.", "Children play by the new pavilion.")
    credit = "The above pictures are provided by the Propaganda Department of Yangzhou"
    article, others, _ = read(TITLE, "Updated: 2021-07-02", *captions, credit, *BODY)
    assert body_whole(article) and others == []


def test_a_bilingual_pages_chinese_headline_and_caption_are_not_the_story() -> None:
    lines = (
        TITLE,
        "扬州滨江公园向市民开放",
        "The new park by the Grand Canal. (Photo by Yangzhou Daily Reporter Wang Ying)",
        "大运河畔的新公园。扬州日报记者 王颖 摄",
        *BODY,
    )
    article, others, _ = read(*lines)
    assert body_whole(article) and others == []
    assert article["authors"] == ["Wang Ying"]


def test_a_listing_dated_under_each_snippet_keeps_an_untitled_story() -> None:
    """Title, snippet, then the date under it, as the South China Morning Post's topic pages
    list stories; one story lost its title in the store."""
    (t1, s1, _d1), (t2, s2, _d2), (_t3, s3, _d3) = STORIES[:3]
    dates = ("Friday, 2 July, 2021, 12:00am", "30 Jun 2021 - 12:00am", "28 Jun 2021 - 12:00am")
    text = "\n\n".join([t1, s1, dates[0], t2, s2, dates[1], s3, dates[2]])
    records, _ = page_records(Page("p.txt", "0", text + "\n"))
    got = [(r["title_raw"], r["body_raw"], str(r["published"])) for r in records]
    assert got == [(t1, s1, DAY), (t2, s2, "2021-06-30"), ("", s3, "2021-06-28")]


def test_a_logos_text_glued_to_the_byline_and_the_pages_date_over_the_headline() -> None:
    """ "epa-efeBy Alex Plavevski": the agency's logo run into the byline; the page's date
    stands over the headline, the byline under it."""
    article, _, _ = read(
        "date 2021-07-02", TITLE, "epa-efeBy Alex Plavevski", "Yangzhou, China", *BODY
    )
    assert (article["title_raw"], str(article["published"])) == (TITLE, DAY)
    assert article["authors"] == ["Alex Plavevski"] and body_whole(article)


def test_an_outlet_on_its_own_line_under_the_date_is_the_source() -> None:
    article, _, _ = read(TITLE, DAY, "Yangzhou Daily", *BODY)
    assert (article["outlet"], str(article["published"])) == ("Yangzhou Daily", DAY)
    assert body_whole(article)


def test_a_note_in_brackets_is_no_headline() -> None:
    article, _, _ = read("(MENAFN- GlobeNewsWire - Nasdaq)", TITLE, "Updated: 2021-07-02", *BODY)
    assert article["title_raw"] == TITLE and body_whole(article)


@pytest.mark.parametrize(
    "title", [STORIES[1][0], 'Yangzhou\'s wood carving: from "handicraft" to "brand"']
)
def test_a_picture_credit_closing_the_story_leaves_the_next_story_a_teaser(title: str) -> None:
    """Even when the next story's title ends as a sentence may (a closing quote)."""
    snippet = STORIES[1][1]
    article, others, _ = read(
        TITLE, "Updated: 2021-07-02", *BODY, "Picture：Wang Ying", title, snippet
    )
    assert body_whole(article) and article["authors"] == ["Wang Ying"]
    assert [o["title_raw"] for o in others] == [title]


def test_a_section_head_under_the_headline_deck_and_byline_is_not_the_title() -> None:
    """A feature of several writers: its headline, its deck, its byline, then each section's
    head and writer's name over the section's text."""
    deck = (
        "Yangzhou's reporters discuss the assignments that provided most food for thought in "
        "the past 12 months"
    )
    article, _, _ = read(
        TITLE,
        deck,
        "CHINA DAILY | Updated: 2021-07-02 09:48",
        "Reality trumps online knowledge",
        "Wang Ying",
        *BODY,
    )
    assert (article["title_raw"], str(article["published"])) == (TITLE, DAY)
    assert article["authors"] == ["Wang Ying"] and article["body_raw"].rstrip().endswith(BODY[-1])


def test_a_quotation_the_story_quotes_again_is_the_headline() -> None:
    """No headline-like line over the story: its first line, a quotation that a later
    paragraph quotes word for word, is the headline, not a sentence said twice."""
    quote = '"It is very impressive to see how hard the people of Wuhan work. It is inspiring!"'
    said = f'The consul general visited the city in May and said, {quote[:-1]} Truly."'
    article, _, _ = read(quote, said, "Editor: Nie Yang")
    assert article["title_raw"] == quote and article["editors"] == ["Nie Yang"]
    assert article["body_raw"].startswith("The consul general")


def test_a_wire_dateline_alone_on_its_line_opens_the_story() -> None:
    """A release's dateline on a line of its own under the headline: the body's first line
    and the source, not a headline; a date opening the next sentence stays in it."""
    dateline = "SHAOXING, China, Nov. 16, 2022 /PRNewswire-AsiaNet/ --"
    opening = "October 31, 2022 marks the 550th anniversary of the birth of Wang Yangming."
    article, _, _ = read(TITLE, dateline, opening, *BODY)
    assert (article["title_raw"], article["outlet"]) == (TITLE, "PR Newswire")
    assert article["body_raw"].startswith(f"{dateline}\n\n{opening}")


def test_a_wire_dateline_with_a_source_note_is_no_headline() -> None:
    """The headline lost: the dateline and the release's source note are no title."""
    dateline = "SHAOXING, China, March 29, 2021 /PRNewswire/ -- A report from chinadaily.com.cn:"
    article, _, _ = read(dateline, *BODY)
    assert article["title_raw"] is None and article["outlet"] == "PR Newswire"
    assert article["body_raw"].startswith(dateline)


def test_a_date_its_sentence_is_about_stays_in_the_body() -> None:
    opening = "October 31, 2022 marks the 550th anniversary of the birth of Wang Yangming."
    article, _, _ = read(TITLE, "Updated: 2022-11-18", opening, *BODY)
    assert article["body_raw"].startswith(opening)
    assert str(article["published"]) == "2022-11-18"


def test_two_stories_each_cut_off_by_the_site_are_a_listing() -> None:
    """A tag page of two stories, each a title and a snippet the site cut ("….", "…")."""
    first = "HOHHOT – More than 370,000 people are having difficulties securing water due to a severe drought…."
    second = "A recent traffic incident and the ensuing protests have aroused unusual attention in Xilinhot…"
    article, others, _ = read(TITLE, first, "Putting Mongolian protests into context", second)
    assert article["title_raw"] == TITLE and article["body_raw"] == first
    assert [(o["title_raw"], o["body_raw"]) for o in others] == [
        ("Putting Mongolian protests into context", second)
    ]


def test_dates_over_untitled_snippets_are_dated_teasers() -> None:
    """A list whose items are a date over a summary, the titles lost after the first."""
    snippets = [
        "The city is steeped in history and culture, with relics that show people lived here long ago.",
        "The city has Daqing Mountain to the north and the Tumochuan Plain to the south and southwest.",
    ]
    article, others, headlines = read(
        "2017-02-20", TITLE, BODY[0], "2016-09-13", snippets[0], "2016-09-06", snippets[1]
    )
    assert (article["title_raw"], str(article["published"])) == (TITLE, "2017-02-20")
    assert [(o["title_raw"], o["body_raw"], str(o["published"])) for o in others] == [
        ("", snippets[0], "2016-09-13"),
        ("", snippets[1], "2016-09-06"),
    ]
    assert headlines == []


@pytest.mark.parametrize(
    ("note", "outlet"),
    [("(MENAFN- PR Newswire)", "PR Newswire"), ("(MENAFN- Xinhua)", "Xinhua")],
)
def test_an_aggregators_note_names_its_source(note: str, outlet: str) -> None:
    article, _, _ = read(TITLE, note, *BODY)
    assert article["outlet"] == outlet


def test_a_date_above_the_breadcrumb_is_the_sites_clock() -> None:
    """A portal's header date over its breadcrumb over the headline dates no story."""
    article, _, _ = read("15 July 2015", "Home>Services>Live>Foreigners in Hunan", TITLE, *BODY)
    assert article["title_raw"] == TITLE and article["published"] is None


def test_a_paragraph_over_a_date_is_no_headline() -> None:
    """A listing's first item, its text longer than any headline over its date: no title."""
    paragraph = " ".join([BODY[0]] * 4)
    assert len(paragraph) > 300
    article, _, _ = read(paragraph, "2017-06-06 16:07", BODY[1])
    assert article["title_raw"] is None
    assert article["body_raw"].startswith(paragraph)


def test_a_deck_without_a_full_stop_over_the_story_is_no_headline() -> None:
    """Headline, then a deck written without a full stop, then the story's paragraphs."""
    deck = (
        "As well as the sepak takraw and football competitions of the 19th Asian Games, "
        "the city has plenty to offer away from the arena"
    )
    article, _, _ = read("Visitors get a kick out of Jinhua", deck, *BODY)
    assert article["title_raw"] == "Visitors get a kick out of Jinhua"
    assert article["body_raw"].startswith(BODY[0])


def test_a_first_paragraph_without_a_full_stop_is_not_a_deck_when_others_lack_one_too() -> None:
    lead = "Xin Yue, a journalist from China Arab TV says that Hunan will have a promising future"
    second = "Li Hualin, a journalist from Economic Daily says that she is very optimistic"
    article, _, _ = read(TITLE, "2018-03-14 13:51:38", TITLE, lead, BODY[0], second, BODY[1])
    assert article["title_raw"] == TITLE and article["body_raw"].startswith(lead)


def test_a_listed_storys_column_name_is_not_part_of_its_title() -> None:
    items = [
        ("GD requires schools to start online classes in March", "Schools will teach online."),
        ("Updates on dine-in services in GD", "Guangdong resumed dine-in services on Friday."),
        ("Video | We are together with Foshan", "A number of foreign friends stay in Foshan."),
    ]
    _, others, _ = read(
        "Guangdong, zero new cases!",
        "",
        "Guangdong had reported no new cases across the province.",
        *[line for title, snippet in items for line in ("", title, "", snippet)],
    )
    assert [other["title_raw"] for other in others] == [
        "GD requires schools to start online classes in March",
        "Updates on dine-in services in GD",
        "We are together with Foshan",
    ]


def test_a_date_glued_to_a_listed_storys_title_dates_it() -> None:
    items = [
        ("NPC official visits Pingtan", "2015-04-03", "A team visited Pingtan on March 19."),
        ("Pingtan to publicly recruit 42 teachers", "2015-03-27", "Pingtan will add teachers."),
    ]
    _, others, _ = read(
        "Democratic party to help with Pingtan's development2015-04-07",
        "",
        "The CNDCA will offer suggestions and ideas for Pingtan's development.",
        *[line for title, date, snippet in items for line in ("", title + date, "", snippet)],
    )
    assert [(o["title_raw"], str(o["published"])) for o in others] == [
        (title, date) for title, date, _ in items
    ]


def test_a_related_titles_column_name_is_not_part_of_it() -> None:
    byline = "Source: Xinhua News Agency  Author: Li Hua  Editor in charge: Wang Ying"
    _, _, headlines = read(
        TITLE,
        byline,
        *BODY,
        "Related News",
        "【网络中国节·七夕】Amazing Hefei subway opens its third line",
        "Chengdu Universiade | Citywalk in old Chengdu",
    )
    assert [h["title_raw"] for h in headlines] == [
        "Amazing Hefei subway opens its third line",
        "Citywalk in old Chengdu",
    ]


def test_a_dated_post_cut_after_its_wire_dateline_is_a_story() -> None:
    _, others, headlines = read(
        "05/12/2019",
        "",
        "4,000-year-old granaries discovered in central China's Neolithic ruins",
        "",
        "ZHENGZHOU, Dec. 5 (Xinhua) -- Archaeologists have unearthed a number of circular "
        "foundations at a Neolithic site.",
        "",
        "Source: Xinhua",
        "",
        "05/10/2019",
        "",
        "Economic Watch: Foreign investors show strong appetite for Chinese market",
        "",
        "BEIJING, Oct. 4 (Xinhua) -- Despite t",
    )
    assert [(o["title_raw"], str(o["published"])) for o in others] == [
        ("Economic Watch: Foreign investors show strong appetite for Chinese market", "2019-10-05")
    ]
    assert headlines == []


def test_a_category_page_with_exclaimed_titles_and_a_reviews_sidebar() -> None:
    items = [
        (
            "Cadre Accused of Beating Man with Disability in Lianyungang",
            (
                "Right after the Party Committee revealed its list on 23 April, citizens came forward "
                "reporting that a candidate had beaten a villager...."
            ),
        ),
        (
            "Laying Golden Eggs! Lianyungang “Goose Sister” Now Big Time Businesswomen!",
            (
                "When Jiang Guiping, now 56, entered the goose breeding industry in 2019, 1,300 of her "
                "geese died. Jiang employs 20 villagers and mainly sells the..."
            ),
        ),
        (
            "Scandal in Lianyungang as Employee Exposes Boss",
            (
                "The accusation was made on a banner pasted on a car at the entrance to the station. "
                "Staff revealed the informant to be their colleague, who was..."
            ),
        ),
    ]
    reviews = [
        (
            "Saddle up, Nanjingers! There’s a New Indian in Town",
            "This correspondent hails from a small town in the Scottish Highlands. Remote...",
        ),
        (
            "Weaving Magic with Craft Beer by the Qinhuai River",
            "T’was said, back in the day, that civilisation in Nanjing was a...",
        ),
    ]
    article, others, _ = read(
        "spot_img",
        "",
        "Breaking News out of Lianyungang of Late",
        *[line for title, snippet in items for line in ("", title, "", snippet)],
        "",
        "Latest Reviews",
        *[line for title, snippet in reviews for line in ("", title, "", snippet)],
    )
    titles = [title for title, _ in items + reviews]
    assert [article["title_raw"]] + [other["title_raw"] for other in others] == titles


def test_a_tag_page_of_dated_summaries_lists_its_featured_story_again() -> None:
    featured = "While China’s environmental crisis has been a focus of popular discontent in..."
    listed = [
        (
            "Mar 20, 2014",
            "After Caijing recently published an article claiming that Baoding is soon to become...",
        ),
        (
            "Aug 9, 2011",
            "Northern Chinese forestry authorities released over half a billion bees in order to...",
        ),
        (
            "Aug 16, 2009",
            "ABC News profiles Yu Qun, the mayor of Baoding, who is aiming to make his city...",
        ),
    ]
    article, others, headlines = read(
        "Government Policy Clearing the Air in Some Areas",
        featured,
        "May 24, 2015",
        featured,
        *[line for date, summary in listed for line in (date, summary)],
    )
    assert str(article["published"]) == "2015-05-24"
    assert [(o["title_raw"], o["body_raw"], o["published_raw"]) for o in others] == [
        ("", summary, date) for date, summary in listed
    ]
    assert headlines == []


@pytest.mark.parametrize("label", ["Video Caption:", "Special Report: 60th Anniversary of PRC |"])
def test_a_label_ending_in_a_colon_or_a_bar_is_no_headline(label: str) -> None:
    article, _, _ = read(
        "中文 English Francais",
        "Home >> Whats on >> Detailed Page",
        "",
        label,
        "",
        '"If I had a word for the city, I would say mild."',
        "",
        *BODY,
    )
    assert article["title_raw"] is None or article["title_raw"] == ""
    assert article["body_raw"].startswith('"If I had a word for the city')


def test_a_related_list_between_the_byline_and_the_story_is_headlines() -> None:
    related = [
        "Living Buddha: March 14 unrest damages image of Buddhism",
        "Taiwan, Hong Kong, Macao reporters invited to cover Tibet",
        "95% of business resumes in Lhasa",
    ]
    article, others, headlines = read(
        "What's new",
        TITLE,
        "08:25, July 02, 2021",
        "",
        " Related News",
        *[" " + title for title in related],
        " Comment  Tell A Friend",
        *BODY,
    )
    assert article["title_raw"] == TITLE and str(article["published"]) == DAY
    assert body_whole(article) and others == []
    assert [h["title_raw"] for h in headlines] == related


def test_a_related_header_whose_list_was_lost_leaves_the_headline_over_its_story() -> None:
    article, _, headlines = read("The story appears on", "Related News", TITLE, *BODY)
    assert article["title_raw"] == TITLE and body_whole(article) and headlines == []


def test_untitled_excerpts_the_site_cut_off_are_a_listing() -> None:
    excerpts = [
        (
            "Li Hua has been appointed as the director of the city's education bureau. Li, born "
            "in 1969, first worked at a finance institute. Later, Li served as Deputy […]"
        ),
        (
            "The city's market regulator reported that there are 2.4 million registered "
            "businesses in the region, up 7.75% on the year before. Among them, there are […]"
        ),
        (
            "A 5.8-magnitude earthquake occurred in Akqi County on Sunday, the China Earthquake "
            "Networks Center reported. As of 1:00 p.m., no casualties or collapses…"
        ),
    ]
    article, others, _ = read(*[line for excerpt in excerpts for line in (excerpt, "")])
    assert article["body_raw"] == excerpts[0]
    assert [(o["title_raw"], o["body_raw"]) for o in others] == [("", e) for e in excerpts[1:]]


def test_a_listing_whose_first_title_the_store_cut_starts_with_an_untitled_story() -> None:
    cut = (
        "As Chaba, the third typhoon of the year, made landfall in the coastal area of Maoming"
        " in South China's Guangdong Province at around 3 pm Saturday, local schools, shipping"
        " services, exhibitions and other public activities were suspended."
    )
    listed = [
        (
            "Beijing, Shanghai expedite air, train transport recovery as Omicron ebbs",
            "Beijing and Shanghai are accelerating resumption of railway and air transportation.",
            "By Global Times | 2022/7/2 20:16:45",
        ),
        (
            "Red tourism resumes as epidemic wanes and CPC celebrates 101st birthday",
            "Groups of CPC members solemnly reviewed the Party admission oath in Shanghai.",
            "By Xu Keyue | 2022/7/2 19:44:20",
        ),
    ]
    article, others, _ = read(
        cut, "By Global Times | 2022/7/2 20:53:11", *[line for item in listed for line in item]
    )
    assert (article["title_raw"] or "", article["body_raw"]) == ("", cut)
    assert [(o["title_raw"], o["body_raw"]) for o in others] == [(t, s) for t, s, _ in listed]


def test_a_listed_title_without_its_snippet_takes_no_other_storys_title() -> None:
    items = [
        (
            "Massive flyover dismantled at Shenzhen Speed",
            (
                "While families were reunited for the Chinese New Year, 1,500 people worked around"
                " the clock to demolish the Huangmugang Flyover in Futian District."
            ),
        ),
        (
            "Flower fair brings spring to town",
            (
                "The 2019 Shenzhen Spring Festival Flower Fair at the Shenzhen Convention and"
                " Exhibition Center in Futian District was opened on Thursday."
            ),
        ),
        (
            "City flower fair to reopen with new look",
            (
                "The Shenzhen Spring Festival Flower Fair will reopen in halls 1 and 6 of Shenzhen"
                " Convention and Exhibition Center from Jan. 31 to Feb. 4."
            ),
        ),
        ("The Fifth Session of the 6th Shenzhen Municipal CPPCC", None),
        (
            "Shenzhen Open gathers world's top players",
            (
                "The Shenzhen Open is being held at Shenzhen Longgang Sports Center in Longgang"
                " District from Dec. 29 to Jan. 5."
            ),
        ),
        ("Let's run!", "A total of 20,000 runners participated the Bao'an Marathon on Dec. 30."),
    ]
    lead = (
        "At 11:45 p.m. Friday, vehicles following police motorcycles passed through the"
        " Huangmugang intersection in Futian District, two days ahead of the schedule."
    )
    listed = [line for title, snippet in items for line in ("", title, "", snippet) if line]
    article, others, _ = read("Traffic in Huangmugang area resumes", "", lead, *listed)
    assert article["body_raw"] == lead
    assert [(o["title_raw"], o["body_raw"]) for o in others] == [
        (title, snippet) for title, snippet in items if snippet is not None
    ]


def test_a_listed_title_over_its_source_line_alone_is_still_a_listing() -> None:
    source = "Source: Global Times | 2018/9/12 17:08:39"
    items = [
        (
            "Outside the ring",
            (
                "In the capital city of Beijing, there is an unspoken concept among local dwellers"
                " that the farther away one stays from the city center, the more likely he is to ..."
            ),
        ),
        (
            "Peak Sport launches its new brand for kids",
            (
                "The domestic leading sports brand, Peak Sport, officially launched its latest brand"
                " Peak Kids on September 11."
            ),
        ),
        ("Word matters", "“What should I do with the old boat tickets?”"),
        (
            "SKYE Suites Sydney opening soon",
            "SKYE Suites Sydney's grand opening is to be held in Sydney CBD in October.",
        ),
    ]
    lead = "German-born Thomas Derksen can still recall the first time he met his father-in-law."
    listed = [line for title, snippet in items for line in ("", title, "", snippet, source)]
    article, others, _ = read("Nihao, new son-in-law", "", lead, *listed)
    assert (article["title_raw"], article["body_raw"]) == ("Nihao, new son-in-law", lead)
    assert [o["title_raw"] for o in others[:2]] == [title for title, _ in items[:2]]


def test_a_list_of_summaries_each_under_its_date_is_a_story_each() -> None:
    listed = [
        (
            "2017-04-26",
            (
                "The Palace Museum, the world-famous museum based in the Forbidden City in Beijing, is"
                " opening a branch in the coastal city of Xiamen, Fujian province, in May to house its"
                " collection of foreign artifacts."
            ),
        ),
        (
            "2017-04-21",
            (
                "Engaging musical and operatic performances showcased Fujian's rich traditional"
                " culture to international visitors in Shishi city"
            ),
        ),
        (
            "2017-04-18",
            (
                "A cross-Straits group of photographers have found an innovative way to help Taiwan"
                " and the mainland find common ground."
            ),
        ),
        (
            "2017-04-17",
            (
                "The white porcelain produced in Dehua, of eastern Fujian province, is traditionally"
                " termed blanc de chine for featuring a milky or pale white glaze."
            ),
        ),
    ]
    article, others, _ = read(*[line for item in listed for line in item])
    assert (article["body_raw"], str(article["published"])) == (listed[0][1], listed[0][0])
    assert [(o["body_raw"], str(o["published"])) for o in others] == [
        (text, date) for date, text in listed[1:]
    ]  # the second without its stop too: the page's dates stand over snippets


def test_a_translated_original_title_under_a_listed_title_is_not_the_next_title() -> None:
    snippet = (
        "(MOP) School has just started! which reminded me of these tragic photos in our school"
        " bulletin board."
    )
    _, others, _ = read(
        "Guangzhou cancels free rides, giving out transport subsidies instead",
        "| November 8th, 2010",
        *BODY,
        "Hairstyles that are banned by our school",
        "| September 2nd, 2010",
        "Legend of Hairstyles banned by our school",
        snippet,
    )
    assert [o["title_raw"] for o in others] == ["Hairstyles that are banned by our school"]


def test_bulleted_titles_over_their_snippets_end_the_story_over_them() -> None:
    items = [
        (
            "Inner Mongolia to prioritize grasslands conservation",
            "The ministry will allocate 4.58 billion yuan a year.",
        ),
        (
            "Inner Mongolia to focus on poverty reduction",
            "The budget for poverty reduction rose to 5.79 billion yuan.",
        ),
        (
            "Camel race begins in Bayannur",
            "A 50-kilometer camel race was held in Urad Rear Banner on Jan 3.",
        ),
    ]
    listed = [
        line for title, snippet in items for line in (f"  • {title}", "", f"    {snippet}", "")
    ]
    article, others, _ = read(TITLE, *BODY, *listed)
    assert article["body_raw"] == "\n\n".join(BODY)
    assert [(o["title_raw"], o["body_raw"]) for o in others] == items


def test_a_wire_dateline_that_a_labelled_headline_follows_is_the_headline_s_line() -> None:
    head = f"China News Service, Beijing, July 2nd, Title: {TITLE}"
    article, _, _ = read(head, "Author Liu Wenwen and Peng Lifang", *BODY)
    assert article["title_raw"] == TITLE and body_whole(article)


def test_a_caption_over_the_story_s_text_leaves_it_and_a_photo_story_s_captions_stay() -> None:
    """Captions of two sentences and a credit, too long for furniture (a short one is
    furniture wherever it stands)."""
    more = (
        " The park covers 12 hectares along the Grand Canal, with walking trails, a playground"
        " and a pavilion over the water, and opened on Monday. (Xinhua/Li Hua)"
    )
    caption = f"Photo taken on July 30, 2020 shows the new riverside park in Yangzhou.{more}"
    article, _, _ = read(TITLE, "Updated: 2021-07-02", caption, *BODY)
    assert body_whole(article)
    other = f"Photo taken on July 31, 2020 shows the park's lake at dusk in Yangzhou.{more}"
    story, _, _ = read(TITLE, "Updated: 2021-07-02", caption, BODY[0], other)
    assert story["body_raw"].startswith(caption)


def test_a_time_stamp_with_a_section_and_its_views_is_the_byline() -> None:
    """daydaynews' stamp: the date glued to its time, the section's slug, the views."""
    stamp = "2024/05/0506:56:34 hotcomm 1467"
    article, _, _ = read(stamp, *BODY)
    assert article["title_raw"] != stamp and article["published"].isoformat()[:10] == "2024-05-05"


def test_a_credit_glued_before_the_first_sentence_leaves_the_sentence_in_the_body() -> None:
    """ "责任编辑：李娜The sea wave warning ...": a credit in Chinese run into the story's first
    sentence (the bench's pages write them so) is no byline line: the sentence stays."""
    first = "The sea wave warning has been upgraded to orange."
    article, _, _ = read(TITLE, "Release time: 2022-04-15", "责任编辑：李娜" + first, *BODY)
    assert first in article["body_raw"]


def test_a_writer_s_label_whose_name_is_unread_opens_no_headline_nor_the_body() -> None:
    """A WeChat account's name translated ("author:Microscopic scriptures") is no person's,
    but the line is a credit; a label naming a work may open a headline ("Video: ...")."""
    credit = "author:Microscopic scriptures"
    article, _, _ = read(credit, *BODY)
    assert article["title_raw"] != credit and not article["body_raw"].startswith(credit)
    for headline in ("Video: Exploring charm of Lishui", "Review: A night at the Yangzhou opera"):
        assert read(headline, *BODY)[0]["title_raw"] == headline


def test_a_row_of_share_buttons_a_provider_and_a_content_label_stay_out_of_the_story() -> None:
    """Taoyuan's page: the site's name and its share buttons on one line, the release unit,
    the date, the providing section, "Detail Content:", then the story."""
    share_row = (
        "Tauyuan OpenAPI Share on「Facebook」(Open new page) Share on「Plurk」(Open new page)"
        " Share on「Twitter」(Open new page)"
    )
    article, _, _ = read(
        share_row,
        TITLE,
        "Release Unit: Department of Public Information",
        "Release Date: 111-09-21",
        "Providers: Press Liaison Section",
        "Detail Content:",
        *BODY,
    )
    assert article["title_raw"] == TITLE and body_whole(article)
    assert article["outlet"] == "Department of Public Information"


def test_a_category_numbered_without_a_space_is_no_headline() -> None:
    """A university's listing under its goal's number and name ("17.Partnerships for the
    Goals"): a category over the first story's headline, not the headline."""
    article, _, _ = read("17.Partnerships for the Goals", TITLE, *BODY)
    assert article["title_raw"] == TITLE


def test_a_date_and_its_section_under_the_headline_date_the_story() -> None:
    """The European Chamber's pages: the date, then the chapter that wrote it, after an arrow
    or a bar; a byline's line, not a trail of links nor a dated headline."""
    for stamp in ("2021-08-25 > All chapters", "2024-06-28 | South China"):
        article, _, _ = read(TITLE, stamp, *BODY)
        assert article["title_raw"] == TITLE and body_whole(article)
        assert article["published"].isoformat()[:10] == stamp[:10]
    assert _kind("2021-08-25 > All chapters") == META


def test_a_bracketed_date_beside_a_traditional_chinese_toolbar_dates_the_story() -> None:
    """China Daily's Language Tips on a mirror in traditional Chinese
    (jq_68yhq_guangzhou_homeless_cold_2009): "[ date time]" and the font-size buttons."""
    stamp = "[ 2009-11-18 16:31]     字號 [] [] []"
    article, _, _ = read(TITLE, stamp, *BODY)
    assert article["title_raw"] == TITLE and body_whole(article)
    assert article["published"].isoformat()[:10] == "2009-11-18"
    assert _kind(stamp) == META


def test_an_aggregator_s_outlet_in_square_brackets_and_date_under_each_snippet() -> None:
    """direct.news (ju_directnews_tsuen_wan_arson_rthk_2024): each story's source in square
    brackets, a dash and the date under its snippet; the brackets are no part of the name."""
    _, teasers, _ = read(
        TITLE,
        "[RTHK] - 11/28/2024",
        *BODY,
        "Hong Kong online-only retailers log another month of growth amid wider slump",
        "Sales from e-commerce stores with no physical shopfront have increased (…)",
        "[South China Morning Post] - 28/12/2024",
        "Middle East 'not a battleground for big powers,' China and Iran say",
        "The top diplomats of China and Iran agreed Saturday that the Middle East is (…)",
        "[HKFP] - 27/12/2024",
        "China launches investigation into beef imports amid struggling domestic industry",
        "China's commerce ministry on Friday launched an investigation into imported beef (…)",
        "[HKFP] - 27/12/2024",
    )
    read_back = [(t["outlet"], t["published"].isoformat()[:10]) for t in teasers[:2]]
    assert read_back == [("South China Morning Post", "2024-12-28"), ("HKFP", "2024-12-27")]


def test_a_date_and_a_writer_over_each_listed_title_date_that_story() -> None:
    """The News Lens's tag pages (jy_thenewslens_kinmen_tag_2019): "date | writer" over each
    title and its snippet, some stories without one; each date is its own story's."""
    _, teasers, _ = read(
        "2019/01/11 | Global Voices",
        TITLE,
        *BODY,
        "2018/03/09 | Kevin McCauley",
        "What has China Learned from Past Amphibious Assaults?",
        "The PLA's successes and failures in assaulting Xiamen, Kinmen and Hainan in 1949 and"
        " 1950 hold lessons for a potential invasion.",
        "On the Front Lines of Taiwan's History in Kinmen",
        "Once the focal point of hostilities between China and Taiwan, the Kinmen archipelago"
        " has evolved into a fascinating tourist destination.",
        "2016/07/19 | Anna Beth Keim",
        "[ESSAY] You Ask How Deeply I Love You",
        "Kinmen Island, and the past and future of Sino-Taiwanese relations, told in letters.",
    )
    dates = [t["published"] and t["published"].isoformat()[:10] for t in teasers]
    assert dates == ["2018-03-09", None, "2016-07-19"]


@pytest.mark.parametrize(
    "lines",
    [
        ("[Video/Ningbo Radio and Television Group]", *BODY),  # jv_chinadaily_ningbo_connelly
        ("[Video provided to ehangzhou.gov.cn] " + BODY[0], *BODY[1:]),  # kb_ehangzhou
    ],
)
def test_a_video_s_source_in_square_brackets_is_no_part_of_the_story(lines: tuple) -> None:
    """China Daily's regional sites open a video's text with its source in square brackets,
    alone on its line or glued to the first paragraph."""
    article, _, _ = read(TITLE, "chinadaily.com.cn| Updated:  June 7, 2022 L M S", *lines)
    assert article["title_raw"] == TITLE and body_whole(article)


@pytest.mark.parametrize("mark", [":", " --", " —"])
def test_a_date_opening_the_story_as_its_dateline_dates_it_and_stays(mark: str) -> None:
    """Dimsum Daily's and Kathmandu Metro's stories open "October 29, 2010: President ..."
    (kf_kathmandumetro_lhasa_president_stopover_2010): the story's date, and its dateline,
    kept in its text as a wire's is."""
    opening = f"October 29, 2010{mark} {BODY[0]}"
    article, _, _ = read(TITLE, "By Li Hua", opening, *BODY[1:])
    assert article["published"].isoformat()[:10] == "2010-10-29"
    assert article["body_raw"].startswith(opening)


def test_a_time_stamp_that_lost_its_month_is_no_headline() -> None:
    article, _, _ = read("Monday, 24th, 2025 | 5:25PM Updated", BODY[0], TITLE, *BODY[1:])
    assert article["title_raw"] != "Monday, 24th, 2025 | 5:25PM Updated"
    for headline in ("May Floods", "2025 Asian Winter Games opens", "Sunday Market 2024"):
        assert read(headline, *BODY)[0]["title_raw"] == headline


def test_a_short_headline_over_a_long_deck_and_the_byline_is_the_headline() -> None:
    deck = (
        "In the post-epidemic period, Wuhan is being encouraged to switch its focus to emerging"
        " and high-tech industries, to attract investment"
    )
    article, _, _ = read("Cover Story", "Reviving Wuhan", deck, "By He Bin, Zhao Yiwei", *BODY)
    assert article["title_raw"] == "Reviving Wuhan" and body_whole(article)


def test_a_short_headline_over_a_sentence_long_deck_and_the_writers_by_line() -> None:
    """A magazine's feature (iv_newschina_zibo_barbecue_feature_2023): a deck shorter than a
    label's long deck, but the writer's "By" line under it. A label over a headline of the
    same length under a date line (ff_scmp_hk_typhoon_nida_school_closures_2016) stays one."""
    deck = (
        "The sudden popularity of Zibo-style barbecue ignites hope of a transformation for this"
        " fading industrial city"
    )
    byline = "By Wang Yu , Sun Xiaobo Updated Aug.1"
    article, _, _ = read("Old Version", "Grills Uninterrupted", deck, byline, *BODY)
    assert article["title_raw"] == "Grills Uninterrupted" and body_whole(article)
    headline = (
        "Hong Kong suspends kindergarten and special school classes in anticipation of typhoon"
        " signal No 3"
    )
    dated = "PUBLISHED : Sunday, 31 July, 2016, 6:00pm"
    article, _, _ = read("Hong Kong weather", headline, dated, *BODY)
    assert article["title_raw"] == headline


def test_a_headline_over_two_decks_and_the_byline_is_the_headline() -> None:
    """SCMP's layout (gd_news_scmp_hk_district_council_appointees_2023): the headline, two
    decks in sentence case, each as long as it, then the writer and the update."""
    headline = (
        "Appointees to Hong Kong's district councils must fully commit to roles or face"
        " punishment, No 2 official says"
    )
    deck = (
        "Chief Secretary Eric Chan tells Post that government will hold hand-picked members to"
        " same standards as popularly elected ones"
    )
    second_deck = (
        "'If anyone is too busy to meet residents and do their job, I'd ask them not to accept"
        " the appointment,' he says"
    )
    byline = ("Kahon Chan", "Updated: 7:00am, 5 May, 2023")
    article, _, _ = read(headline, deck, second_deck, *byline, *BODY)
    assert article["title_raw"] == headline and article["authors"] == ["Kahon Chan"]
    assert body_whole(article)
    # the store kept no more than the decks (ew_scmp_hk_district_councils_new_term_2020):
    # they are the story's only text
    article, _, _ = read(headline, deck, second_deck, *byline)
    assert article["title_raw"] == headline
    assert article["body_raw"].startswith(deck) and article["body_raw"].endswith(second_deck)


@pytest.mark.parametrize(
    ("caption", "byline"),
    [
        (
            "Serial killer Gao Chengyong pictured at his trial in Baiyin, Gansu province, in July 2017",
            "Updated: 2021-07-02",
        ),
        (
            "Dancers in traditional costumes perform at the Nice Carnival (SHINE)",
            "SHINE | 22-Jul-2020 | By Zhang Long",
        ),
    ],
)
def test_a_picture_s_caption_between_the_headline_and_the_byline_is_no_headline(
    caption: str, byline: str
) -> None:
    """The caption written twice (the picture's alt text, then its caption) over the byline."""
    article, _, _ = read(TITLE, caption, caption, byline, *BODY)
    assert article["title_raw"] == TITLE


def test_a_headline_over_its_deck_right_over_the_story_is_the_headline() -> None:
    """A machine-translated repost of Changsha Evening News
    (kk_breakinglatest_changsha_agri_expo_ends_2022), as China Daily's mirrors and PressReader
    write theirs: the headline, its deck in sentence case, then the story with no byline
    between, its first paragraphs ending their sentences (the store cut the last). The deck
    is no headline."""
    headline = "The 23rd Central China (Hunan) Agricultural Expo ended successfully"
    deck = "On-site retail sales of more than 16,000 products exceeded 500 million yuan"
    story = (
        (
            "Changsha Evening News, November 1st (all media reporter Qian Juan correspondent Wan Ting)"
            " On the 1st, the 23rd Central China (Hunan) Agricultural Expo ended successfully. A"
            " total of more than 20 concurrent events were held, with on-site retail sales exceeding"
            " 516 million yuan."
        ),
        (
            "This year's Agricultural Expo selected 130 Gold Awards and 54 Most Popular Agricultural"
            " Products Awards, as well as 50 Excellent Organization Awards."
        ),
        (
            "Zou Te pointed out that this year's Agricultural Expo is an agricultural event with great"
            " significance, fruitful results and strong atmosphere. In the next step, we will"
            " transform the spirit into a powerful for"
        ),  # the store cut it
    )
    article, _, _ = read(headline, deck, *story)
    assert article["title_raw"] == headline
    assert article["body_raw"].startswith("On the 1st, the 23rd Central China")


def test_a_pictures_screen_grab_caption_is_no_deck() -> None:
    """Taipei Times (en_eyeontaiwan_page_two_customs_mre_p277_2019): a paragraph's first line
    cut by the page, then a picture's caption crediting a screen grab, then the story: the
    cut line is no headline over a deck (a caption is never a deck; a deck may stand right
    over the story, so without that, the cut line would read as a headline over its deck)."""
    headline = "Customs says pork MREs have not crossed border"
    deck = (
        "CHINESE PRODUCTS: A netizen who posted photos of packaged meals labeled as pork and"
        " noodles said that they tasted better than rations in the Taiwanese military"
    )
    byline = ("Taipei Times", "Date: Apr 21, 2019", "By: Lin Chia-nan  /  Staff reporter")
    cut = "No Chinese ready-to-eat meals (MREs) with pork ingredients have been imported into"
    caption = (
        "Chinese military rations are displayed for sale on the Ruten.com online auction site on"
        " Friday.Screen grab from Ruten.com"
    )
    story = (
        (
            "Taiwan, the Customs Administration said yesterday after a netizen posted a photograph on"
            " Facebook of the products, sparking concern that they could be a pathway for African"
            " swine fever to enter the nation."
        ),
        "MREs are packaged food that were developed as rations for soldiers.",
        (
            "Netizen Liu Chi-wei (劉志偉) on Thursday shared a photo of several Chinese-made MREs, two"
            " of which said in simplified Chinese characters that they were shredded pork with"
            " noodles and beef sausage."
        ),
        "Liu wrote that they tasted better than rations provided to Taiwanese military personnel.",
        "[FULL  STORY]",
        "Two Taiwanese arrested for drug trafficking in Vietnam",  # the page's next story
    )
    article, _, _ = read("Page Two", headline, deck, *byline, cut, caption, *story)
    assert article["title_raw"] == headline


def test_an_outlet_named_in_the_table_stands_over_its_storys_date() -> None:
    """Eye on Taiwan (lx_eyeontaiwan_page_three_p575_2017): each story's headline, then its
    source, date and byline. "Radio Taiwan International" ends on no outlet word: named in
    `outlet_names.toml`, it is the next story's source, not that story's title."""
    first = (
        "Taichung factory fire leaves three adults, one child dead",
        "The China Post",
        "Date: March 23, 2017",
        "By: CNA",
        "TAIPEI — One child and three adults were killed early Wednesday in a factory fire in",
        "Taichung, fire officials said.",
        "None of the four people showed any signs of life when they were found by firefighters.",
        "His wife also died after attempts to revive her were not successful, officials said.",
        "{FULL  STORY]",
    )
    second = (
        "Tsai urges support among expatriates in Japan",
        "Radio Taiwan International",
        "Date: 2017-03-20",
        "President Tsai Ing-wen is cal",  # the store cut it
    )
    _article, others, _headlines = read(*first, *second)
    assert [(story["title_raw"], story["outlet"]) for story in others] == [
        ("Tsai urges support among expatriates in Japan", "Radio Taiwan International")
    ]


def test_a_day_without_its_year_after_the_bar_names_an_issue() -> None:
    """Huacheng's briefing (lx_huacheng_daily_news_sep15_2020): "Daily News | September 15"
    is the issue's name, kept whole (a date that gives its year is cut off a headline:
    "Facial tech adopted for free Metro rides | 2019-09-20")."""
    briefs = (
        "Welcome to Daily News. It's September 15, Tuesday. 24-32 ℃, cloudy with showers.",
        (
            "1. Ruili city in Yunnan province has locked down all border villages and blocked"
            " cross-border movement after two imported COVID-19 cases from Myanmar were"
            " confirmed over the weekend."
        ),
    )
    article, _others, _headlines = read("Daily News | September 15", *briefs)
    assert article["title_raw"] == "Daily News | September 15"


def test_a_short_snippet_ending_its_sentence_under_a_listed_title() -> None:
    """Dongguan Today's news list (jo_dongguantoday_city_news_listing_2022): each title over
    a one-sentence snippet. "Let's enjoy the photos together!" is short enough for a title,
    but a line closing its sentence right under a title is that title's snippet, so the page
    stays a list of six stories, not one story under the first title."""
    listing = (
        "Notification on COVID Prevention & Control in Dongguan (No.61)",
        (
            "All villages (communities) and residential quarters in Dongguan city are resuming"
            " open all entrances and exits in an orderly manner."
        ),
        "Notification on COVID Prevention & Control in Donguan (No.60)",
        (
            "Starting from May 18, Dongguan will suspend the door-to-door delivery service of"
            " inbound parcels but set up the centralized pickup stations for the recipients."
        ),
        "Enjoy the rosy sunset in Dongguan",
        "Let's enjoy the photos together!",
        "16 cultural and tourism routes to explore Dongguan",
        (
            "These routes connect several Dongguan cultural brands involving dragon boats,"
            " Guanxiang, Kylin, preserved meat and sausage."
        ),
        "The Opium War Museum, a gateway to learn the history of the Opium War",
        (
            "The museum is dedicated to collecting, researching and displaying the historical"
            " materials of Lin Zexu's opium destruction and the Opium War."
        ),
        "Dongguan saw the highest birth rate in Guangdong",
        "It is also the third city in the province with a population of over 10 million.",
    )
    article, others, _headlines = read(*listing)
    stories = [article, *others]
    assert [story["title_raw"] for story in stories] == list(listing[::2])
    assert [story["body_raw"].strip() for story in stories] == list(listing[1::2])


def test_news_released_by_an_office_under_the_headline_names_the_source() -> None:
    """Taichung's English news (od_taichung_neighborhood_chiefs_merits_2006): "News released
    by Government Information Office" under the headline names who released it (a label in
    `roles.toml`), so it is no headline of its own over the story."""
    title = (
        "The City Government releases the list of various districts' Neighborhood Chiefs"
        " with Merits of Excellence"
    )
    article, _others, _headlines = read(
        title,
        "",
        "News released by Government Information Office",
        "",
        "Release Date: 2006-1-23",
        "",
        *(f"{p}\n" for p in BODY),
    )
    assert article["title_raw"] == title
    assert article["outlet"] == "Government Information Office"
    assert body_whole(article)


def test_a_headline_over_two_decks_each_shorter_than_it() -> None:
    """SCMP's print story (et_news_scmp_print_yuen_long_residents_2019): a headline of
    sixteen words over two bulleted decks of fourteen and sixteen. Two decks in a row may each
    run shorter than their headline (`TWO_DECKS_RATIO`); one deck alone may not (a menu's
    long line over a headline is no headline over its deck)."""
    title = (
        "Hong Kong protests: Yuen Long residents keep their heads while all about them lose theirs"
    )
    article, _others, _headlines = read(
        "Hong Kong/ Politics",
        "",
        title,
        "",
        "  • Town deserted as protesters march against mob violence that left 45 injured last"
        " weekend",
        "  • Mixed views over chaotic scenes with some blaming police and triads, and others the"
        " protesters",
        "A protester throws a tear gas cannister back towards police during clashes near Kwan"
        " Lok Sun village, in Yuen Long. Photo: Sam Tsang",
        "",
        *(f"{p}\n" for p in BODY),
    )
    assert article["title_raw"] == title


def test_a_wire_s_end_marker_glued_to_the_last_paragraph_ends_the_body() -> None:
    """Xinhua's copies close the story with "Enditem" on its last paragraph's line
    (ni_chinaorg_nanchang_factory_fire_2021): the marker ends the body and is no text of it."""
    article, _others, _headlines = read(
        TITLE, "", *BODY, "Further investigations are underway. Enditem", "", "Print E-mail"
    )
    assert (
        article["body_raw"].rstrip().endswith(f"{BODY[-1]}\n\nFurther investigations are underway.")
    )


def test_a_prompt_and_a_credit_in_brackets_back_to_back_close_the_body() -> None:
    """People's Daily closes its stories with a follow prompt and the web editors, each in
    brackets, on one line (fo_peoplecn_sichuan_xi_yi_villagers_2018): the prompt is
    furniture, the editor a credit ("Bianji" is 编辑, "editor", no name), and neither is text
    of the story."""
    article, _others, _headlines = read(
        TITLE,
        "",
        *BODY,
        "",
        "(For the latest China news, Please follow People's Daily on Twitter and Facebook)"
        "(Web editor: Bianji, Hongyu)",
    )
    assert body_whole(article)
    assert article["editors"] == ["Hongyu"]


def test_cgtn_s_search_trends_box_after_the_story_is_no_text_of_it() -> None:
    """CGTN's pages close with the heading of a box of trending searches, its entries lost
    (bb_news_cgtn_dalian_mayor_ocean_economy_2024): a list's header, no paragraph."""
    article, _others, _headlines = read(
        TITLE, "", "Updated 16:22, 22-Jun-2024", "", *BODY, "", "Search Trends"
    )
    assert body_whole(article)


MACAO_STANDFIRSTS = [
    (
        "Local law enforcement expect around 680,000 to 700,000 inbound and outbound trips to be"
        " made across Macao each day during the 5-day Labour Day break"
    ),
    (
        "The proportion of elderly in Macao will jump from 14.6 percent to 21.4 percent between now"
        " and 2029, surpassing the UN’s 20 percent benchmark"
    ),
    (
        "Macao’s Health Bureau is exploring restrictions on smoking near schools and in public"
        " spaces, aiming for designated smoking zones"
    ),
    (
        "The projects include a ‘university town,’ tourism districts, expansion and land"
        " reclamation work on Macao’s airport, and a Macao technology research industrial park"
    ),
    (
        "With typhoon season approaching, authorities are testing the city’s responsiveness to a"
        " wide range of scenarios, from landslides to severe flooding"
    ),
    (
        "A ‘culture of passivity’ and changing social attitudes are among some of the factors that"
        " have made dating more difficult in Macao"
    ),
    (
        "The Macau Radio Taxi Services is looking to include regular black taxis in its radio taxi"
        " app – a move that may boost the service’s hitherto woeful response rate"
    ),
    (
        "For the first time in this capacity, a WHO-certified emergency medical team from Macao"
        " has been sent to Myanmar after a devastating earthquake"
    ),
    (
        "The University of Macau and the Macau University of Science and Technology have both"
        " moved up in this year’s Times Higher Education rankings for Asia"
    ),
]


def test_standfirsts_written_without_their_stop_are_a_listing() -> None:
    """Macao News' archive pages keep only each story's standfirst, a long sentence without
    its stop, with the section's name under the first (mi_macaonews_city_untitled_snippets_
    p13_2025): no headline over a story, but a listing of untitled stories."""
    first, *rest = MACAO_STANDFIRSTS
    article, others, _ = read(first, "City", *rest)
    assert (article["title_raw"], article["body_raw"]) == (None, first)
    assert [(o["title_raw"], o["body_raw"]) for o in others] == [("", s) for s in rest]


def test_a_long_headline_over_paragraphs_that_end_their_sentences_is_one_story() -> None:
    """A headline longer than a standfirst over a story's paragraphs, which end with their
    stops (ml_chneye_shanghai_good_journalists_tour_2024): one story under its headline."""
    title = (
        "Feature Report: The First Stop of the “Good Journalists Tell Good Stories” Tour: From"
        " an Altitude of 6,530 Meters to Everyday Matters of the People"
    )
    article, others, _ = read(title, "", *(f"{p}\n" for p in BODY))
    assert article["title_raw"] == title and body_whole(article) and others == []


def test_a_chinese_prompt_with_an_english_name_over_the_story_is_no_text_of_it() -> None:
    """China Daily's language pages put a subscription's prompt in Chinese, with the paper's
    name and a number in it, between the byline and the story (jq_68yhq_guangzhou_homeless_
    cold_2009): the story starts at its first English paragraph."""
    article, _others, _headlines = read(
        TITLE,
        "[ 2009-11-18 16:31]     字號 [] [] []",
        "免費訂閱30天China Daily雙語新聞手機報:移動用戶編輯短信CD至106580009009",
        "進入英語學習論壇下載音頻",
        *BODY,
    )
    assert body_whole(article)


def test_cgtn_s_name_alone_under_the_headline_is_no_text_of_the_story() -> None:
    """CGTN's pages write the network's name alone between the headline and the story
    (ni_cgtn_danyang_plastics_fire_2025): a site's name, not the story's first paragraph."""
    article, _others, _headlines = read(TITLE, "CGTN", *BODY, "Search Trends")
    assert article["title_raw"] == TITLE and body_whole(article)


@pytest.mark.parametrize(
    ("caption", "photographers"),
    [
        (  # cj_news_yunnan_tengchong_poverty_snapshots_2020
            (
                "A farmer harvests African marigolds in a field in Jietou township, Tengchong on Aug"
                " 17. ZHANG WEI/CHINA DAILY"
            ),
            ["Zhang Wei"],
        ),
        (  # jd_chinadailyhk_bama_longevity_county_2018
            (
                "A photographer looks for a good location to shoot photos beside the Panyang River in"
                " Bama one morning in October. (PHOTO PROVIDED TO CHINA DAILY)"
            ),
            [],
        ),
    ],
)
def test_a_caption_closing_on_its_picture_s_credit_over_the_story_is_no_text_of_it(
    caption, photographers
) -> None:
    """A picture's caption between the headline and the story, known by the credit it closes
    on: the story starts under it, and its photographer is credited."""
    article, _others, _headlines = read(TITLE, caption, *BODY)
    assert body_whole(article) and article["authors"] == photographers


def test_a_photo_story_s_first_caption_with_its_credit_is_its_text() -> None:
    """A photo story whose first caption alone carries the credit, the others saying who "is
    pictured" (of_peoplecn_gonghe_layi_horse_race_2025): every caption is its text."""
    first = (
        "An aerial drone photo taken on Aug. 15, 2025 shows a scene during a Guozhuang dance"
        " party in Gonghe County of Hainan Tibetan Autonomous Prefecture, northwest China's"
        ' Qinghai Province. A singing competition of Tibetan love songs "Layi" is held in'
        " conjunction with a horse race here from Aug. 15 to 21. Evening parties featuring"
        " Tibetan square dance Guozhuang are also hosted in duration of the two events."
        " (Xinhua/Qi Zhiyue)"
    )
    captions = [
        (
            "Riders are pictured in a horse race in Gonghe County of Hainan Tibetan Autonomous"
            " Prefecture, northwest China's Qinghai Province, on Aug. 17, 2025."
        ),
        (
            "People watch a horse race in Gonghe County of Hainan Tibetan Autonomous Prefecture,"
            " northwest China's Qinghai Province, on Aug. 17, 2025."
        ),
    ]
    article, _others, _headlines = read(TITLE, first, *captions)
    assert article["body_raw"].startswith(first)


@pytest.mark.parametrize(
    "label",
    [
        "Analysis ",  # nu_macaudailytimes_gba_views_list_p2_2026
        "[Explanation] ",  # gq_tellerreport_xianfeng_hubei_tea_video_2021
        "Summary: ",  # gf_xjtlu_media_roundup_janfeb_2023
    ],
)
def test_a_genre_s_label_glued_at_the_story_s_start_is_no_text_of_it(label) -> None:
    """A section's or a genre's label glued at the start of the first paragraph: the story
    starts after it."""
    article, _others, _headlines = read(TITLE, label + BODY[0], *BODY[1:])
    assert body_whole(article)


def test_a_word_of_the_label_table_that_starts_a_sentence_stays() -> None:
    """ "Analysis shows ..." opens a sentence: a label only before a capital, or with its
    colon or its brackets."""
    first = "Analysis shows that the park drew 40,000 visitors in its first week."
    article, _others, _headlines = read(TITLE, first, *BODY)
    assert article["body_raw"].startswith(first)


def test_each_listed_story_loses_its_label() -> None:
    """A listing labels each of its stories (nu_macaudailytimes_gba_views_list_p2_2026): each
    teaser's text starts after the label."""
    listing = [
        "Light and Space to Breathe",
        (
            "Analysis A hop across to Hengqin on a sunny Sunday, not for lunch or even shopping, but"
            " to see a couple of buildings was how"
        ),
        (
            "Macau’s new role in the GBA – to create a financial platform for investments in"
            " Lusophone countries"
        ),
        (
            "Analysis Whether in trade, investment or tourism, China remains one of the world’s"
            " largest markets and, arguably, the one with the greatest growth potential."
        ),
    ]
    article, others, _headlines = read(*listing)
    bodies = [article["body_raw"], *(o["body_raw"] for o in others)]
    assert [b.split()[:2] for b in bodies] == [["A", "hop"], ["Whether", "in"]]
