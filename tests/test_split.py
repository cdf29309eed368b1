"""Splitting a page into title, byline, body, list, credits, end marker and teasers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmend.split import DATE_CELL, GAP, GAP_TAIL, STRAY, PageParts, Span, split_page
from newsmend.tables import read_lines

BODY = [
    "On August 1, the city held a meeting on the work of the second half of the year.",
    "The meeting also studied other matters.",
]


def page(*blocks: str) -> str:
    return "\n\n".join(blocks) + "\n"


def spans(parts: PageParts) -> list[Span]:
    found = [s for s in (parts.title, parts.end_marker) if s is not None]
    found += parts.bylines + parts.body + parts.list_headers + parts.credits + parts.residue
    found += [s for h in parts.headlines for s in (h.title, h.date) if s is not None]
    found += [s for t in parts.teasers for s in (t.title, *t.body)]
    return found


def assert_offsets(text: str, parts: PageParts) -> None:
    for span in spans(parts):
        assert text[span.start : span.end] == span.text


@pytest.mark.parametrize("marker", read_lines("end_markers.txt"))
def test_every_end_marker_ends_the_body(marker: str) -> None:
    text = page("A title", "Source: Huzhou Daily", *BODY, marker, "Teaser title", "Snippet of it")
    parts = split_page(text)
    assert parts.end_marker.text == marker
    assert [p.text for p in parts.body] == BODY
    assert [(t.title.text, [p.text for p in t.body]) for t in parts.teasers] == [
        ("Teaser title", ["Snippet of it"])
    ]
    assert_offsets(text, parts)


@pytest.mark.parametrize("header", read_lines("list_headers.txt"))
def test_every_list_header_starts_the_list(header: str) -> None:
    text = page("A title", *BODY, header, "First story", "2022-08-02", "Editor: Feng Lili")
    parts = split_page(text)
    assert parts.bylines == []
    assert [p.text for p in parts.body] == BODY
    assert [h.text for h in parts.list_headers] == [header]
    assert [(h.title.text, h.date.text) for h in parts.headlines] == [("First story", "2022-08-02")]
    assert [c.text for c in parts.credits] == ["Editor: Feng Lili"]
    assert_offsets(text, parts)


@pytest.mark.parametrize(
    ("entry", "title", "date"),
    [
        ("2022-08-02 | First story", "First story", "2022-08-02"),
        ("09-04 | First story", "First story", "09-04"),
        ("First story | 2022-08-02", "First story", "2022-08-02"),
        ("First story (2022/8/2)", "First story", "2022/8/2"),
        ("First story（2022/8/2）", "First story", "2022/8/2"),
    ],
)
def test_one_line_entries_without_header(entry: str, title: str, date: str) -> None:
    text = page("A title", *BODY, entry, entry, "END")
    parts = split_page(text)
    assert [p.text for p in parts.body] == BODY
    assert [(h.title.text, h.date.text) for h in parts.headlines] == [(title, date)] * 2
    assert_offsets(text, parts)


def test_title_with_date_in_brackets_followed_by_date_line_keeps_its_title() -> None:
    text = page(
        "A title", *BODY, "Zhejiang's latest epidemic notice (August 2, 2022)", "2022-08-02"
    )
    [headline] = split_page(text).headlines
    assert headline.title.text == "Zhejiang's latest epidemic notice (August 2, 2022)"
    assert headline.date.text == "2022-08-02"


def test_date_first_entries_under_a_header() -> None:
    text = page(
        "A title", *BODY, "Related reading", "Aug. 18, 2022", "First", "Aug. 15, 2022", "Second"
    )
    parts = split_page(text)
    assert [(h.title.text, h.date.text) for h in parts.headlines] == [
        ("First", "Aug. 18, 2022"),
        ("Second", "Aug. 15, 2022"),
    ]
    assert parts.teasers == []


def test_end_marker_before_the_list_and_credits_around_it() -> None:
    text = page(
        "A title",
        *BODY,
        "(End)",
        "Author: Wang Lei",
        "Recommended reading",
        "First story",
        "16 August 2022",
        "Editor: Dong Yu",
        "Teaser title [Click",
        "Snippet that is cut o",
    )
    parts = split_page(text)
    assert parts.end_marker.text == "(End)"
    assert [c.text for c in parts.credits] == ["Author: Wang Lei", "Editor: Dong Yu"]
    assert len(parts.headlines) == 1 and len(parts.teasers) == 1
    assert_offsets(text, parts)


def test_trailing_spaces_and_extra_blank_lines() -> None:
    text = "A title  \n\n\n\nText/Shen Yiwen  \n\n\n\n" + "  \n\n".join(BODY) + "  \n\n- END -  \n"
    parts = split_page(text)
    assert parts.title.text == "A title"
    assert [b.text for b in parts.bylines] == ["Text/Shen Yiwen"]
    assert [p.text for p in parts.body] == BODY
    assert parts.end_marker.text == "- END -"
    assert_offsets(text, parts)


def test_page_that_opens_with_its_byline_has_no_title() -> None:
    parts = split_page(page("Source: Xinhua News Agency 2022-07-15 09:32", *BODY))
    assert parts.title is None
    assert [b.text for b in parts.bylines] == ["Source: Xinhua News Agency 2022-07-15 09:32"]
    assert [p.text for p in parts.body] == BODY


def test_page_of_title_and_body_only() -> None:
    parts = split_page(
        page("A title", "Time: the day before yesterday Source: Huai'an Release", BODY[0])
    )
    assert [p.text for p in parts.body] == BODY[:1]
    assert parts.headlines == [] and parts.credits == [] and parts.teasers == []
    assert parts.end_marker is None


def test_chinese_credit_after_the_english_one_is_residue() -> None:
    parts = split_page(page("A title", *BODY, "Responsible editor: Li Na", "责任编辑：李娜"))
    assert [c.text for c in parts.credits] == ["Responsible editor: Li Na"]
    assert [r.text for r in parts.residue] == ["责任编辑：李娜"]
    assert parts.teasers == []


def test_empty_page() -> None:
    parts = split_page("\n\n")
    assert parts.title is None and parts.body == []


def test_two_byline_lines() -> None:
    text = page("A title", "Source: Wuxi Daily 2022-06-10", "Reporter Zhang Wei", *BODY)
    parts = split_page(text)
    assert [b.text for b in parts.bylines] == [
        "Source: Wuxi Daily 2022-06-10",
        "Reporter Zhang Wei",
    ]
    assert [p.text for p in parts.body] == BODY
    assert parts.credits == []


@pytest.mark.parametrize("marker", ["—— END ——", "【END】", "-END-", "~ End ~"])
def test_end_marker_punctuation_does_not_matter(marker: str) -> None:
    assert split_page(page("A title", *BODY, marker)).end_marker.text == marker


def test_chinese_byline_under_the_english_one_is_residue() -> None:
    parts = split_page(page("A title", "Source: Taizhou Daily", "来源：台州日报", *BODY))
    assert [r.text for r in parts.residue] == ["来源：台州日报"]
    assert [p.text for p in parts.body] == BODY


def test_dated_title_after_the_credits_is_a_teaser() -> None:
    text = page(
        "A title",
        *BODY,
        "Previous review",
        "First story (2022/4/16)",
        "Second story (2022/4/15)",
        "Author: Ying Haiyan",
        "Zhejiang's latest epidemic notice (August 2, 2022)",
        "The notice said that the province reported no new cases on August 1.",
    )
    parts = split_page(text)
    assert [h.title.text for h in parts.headlines] == ["First story", "Second story"]
    assert [t.title.text for t in parts.teasers] == [
        "Zhejiang's latest epidemic notice (August 2, 2022)"
    ]


def test_chinese_line_after_the_body_is_residue_not_a_teaser() -> None:
    parts = split_page(
        page("A title", *BODY, "Editor: Li Na", "如皋", "[END]", "Teaser", "Snippet")
    )
    assert [r.text for r in parts.residue] == ["如皋"]
    assert [t.title.text for t in parts.teasers] == ["Teaser"]


def test_chinese_line_in_the_body_stays_body() -> None:
    parts = split_page(page("A title", BODY[0], "（记者 张伟）", BODY[1]))
    assert [p.text for p in parts.body] == [BODY[0], "（记者 张伟）", BODY[1]]


PORTAL_PAGE = page(
    "The Official Website of the People's Government of Hunan Province Mobile 中文 Français",
    "15 July 2015",
    "Home>News>Local News",
    "Knowing All about Hunan",
    "Chinese Central Media Reports Hunan's Achievements",
    "2019-07-31 Download Print Comment",
    "Recently, the Publicity Department launched serial programs on development.",
    "Delegates visit the Li Zijian Art Museum. (Photo/Yang Huafeng)",
    "On July 26, the Xinhua News Agency released an article to cover Hunan.",
    "Share to: WeChat Weibo",
    "These inspiring stories have greatly encouraged Hunan people.",
    "Translator: Xiao Juan",
    "(Source:jschina.com.cn)",
    "Contact Us",
    "Copyright © 2019 Hunan Provincial Government. All rights reserved.",
)


def test_portal_page_furniture_is_neither_title_nor_body_nor_teaser() -> None:
    parts = split_page(PORTAL_PAGE)
    assert parts.title.text == "Chinese Central Media Reports Hunan's Achievements"
    assert [b.text for b in parts.bylines] == ["2019-07-31 Download Print Comment"]
    assert [p.text for p in parts.body] == [
        "Recently, the Publicity Department launched serial programs on development.",
        "On July 26, the Xinhua News Agency released an article to cover Hunan.",
        "These inspiring stories have greatly encouraged Hunan people.",
    ]
    assert [c.text for c in parts.credits] == ["Translator: Xiao Juan", "(Source:jschina.com.cn)"]
    assert parts.teasers == [] and parts.headlines == []
    assert [kind for kind, _line in parts.furniture] == [
        "site_name",
        "breadcrumb",
        "caption",
        "share_bar",
        "footer",
        "footer",
    ]
    assert_offsets(PORTAL_PAGE, parts)


def test_undated_titles_under_a_list_header_are_headlines() -> None:
    parts = split_page(
        page(
            "A title",
            "Source: Xinhua 2022-08-02",
            *BODY,
            "Related news",
            "Hunan opens a new airport terminal",
            "Changsha metro line 6 starts trial runs",
            "Contact Us",
        )
    )
    assert [(h.title.text, h.date) for h in parts.headlines] == [
        ("Hunan opens a new airport terminal", None),
        ("Changsha metro line 6 starts trial runs", None),
    ]
    assert parts.teasers == []


@pytest.mark.parametrize(
    ("paragraph", "body", "credit"),
    [
        (
            "Lvliang Daily (Reporter Wang Tao) On September 26, a delegation came.",
            "On September 26, a delegation came.",
            "Reporter Wang Tao",
        ),
        (
            "(Correspondent Zhao Lei) On May 5, the county opened a school.",
            "On May 5, the county opened a school.",
            "Correspondent Zhao Lei",
        ),
    ],
)
def test_bracketed_credit_opening_the_body_is_a_credit(paragraph, body, credit) -> None:
    text = page("A title", "Source: Xinhua 2022-08-02", paragraph, BODY[1])
    parts = split_page(text)
    assert [p.text for p in parts.body] == [body, BODY[1]]
    assert [c.text for c in parts.credits] == [credit]
    assert_offsets(text, parts)


def test_bracketed_credits_closing_the_body_are_credits() -> None:
    closing = "He hoped for more cooperation. (By He Xin—Yiwu Business, translated by Wei Han)"
    parts = split_page(page("A title", "Post Time: 2019-10-26", BODY[0], closing))
    assert parts.body[-1].text == "He hoped for more cooperation."
    assert [c.text for c in parts.credits] == ["By He Xin—Yiwu Business, translated by Wei Han"]


def test_a_listing_page_is_one_story_and_teasers_with_their_bylines() -> None:
    text = page(
        "Suzhou to host a nanotech fair",
        "Oct 20, 2017|By Tong Wangyue",
        "The fair will be held at the Suzhou International Expo Center from October 25.",
        "Suzhou competitors win a gold medal",
        "Oct 19, 2017|By Tong Wangyue",
        "Two Suzhou competitors won a gold medal at the world skills competition.",
        "Robot joins the city's procuratorate",
        "Oct 18, 2017|By Tong Wangyue",
        "Xiao Su, a file management robot made in Suzhou, has drawn much attention.",
    )
    parts = split_page(text)
    assert len(parts.body) == 1
    assert [(t.title.text, [m.text for m in t.meta]) for t in parts.teasers] == [
        ("Suzhou competitors win a gold medal", ["Oct 19, 2017|By Tong Wangyue"]),
        ("Robot joins the city's procuratorate", ["Oct 18, 2017|By Tong Wangyue"]),
    ]
    assert_offsets(text, parts)


def test_a_story_after_a_more_link_keeps_all_its_paragraphs() -> None:
    second = [
        "On July 9th, it was announced that two sailing events are to take place in Ningbo.",
        "The 2019 China Sailing Race will open on July 12th in Meishan Bay.",
    ]
    text = page(
        "Scholars meet in Ningbo", *BODY, "Read more: Scholars meet in...",
        "Two sailing events about to take place in Ningbo", *second,
    )  # fmt: skip
    parts = split_page(text)
    assert [p.text for p in parts.body] == BODY
    assert ("more_link", "Read more: Scholars meet in...") in [
        (kind, line.text) for kind, line in parts.furniture
    ]
    assert [(t.title.text, [p.text for p in t.body]) for t in parts.teasers] == [
        ("Two sailing events about to take place in Ningbo", second)
    ]
    assert_offsets(text, parts)


CUT = (
    "Imagining yourself at 90, what do you see? For some inspiration, look to this group of"
    " nonagenarians and other retirees that claim to be the city's oldest volunteers. This"
)


def test_snippets_cut_mid_sentence_make_a_listing() -> None:
    stories = [("Honoring the Oldest Volunteers", CUT), ("Brown Sugar Jar Rises Again", CUT)]
    text = page("San Francisco Celebrates DG", CUT, *(line for story in stories for line in story))
    parts = split_page(text)
    assert parts.title.text == "San Francisco Celebrates DG"
    assert [p.text for p in parts.body] == [CUT]
    assert [(t.title.text, [p.text for p in t.body]) for t in parts.teasers] == [
        (title, [snippet]) for title, snippet in stories
    ]


@pytest.mark.parametrize(
    ("line", "title"),
    [
        (
            "[双语] 东南亚媒体走进中山:在这里感到特别亲切 Southeast Asian media discover charm of Zhongshan",
            "Southeast Asian media discover charm of Zhongshan",
        ),
        ("Spring in Zhengzhou 丨春到登封", "Spring in Zhengzhou 丨春到登封"),
        (
            "Luhuo County (炉霍县) builds new roads for herders",
            "Luhuo County (炉霍县) builds new roads for herders",
        ),
    ],
)
def test_a_bilingual_headline_is_its_english_half(line: str, title: str) -> None:
    text = page(line, "Source: Newsgd.com", *BODY)
    parts = split_page(text)
    assert parts.title.text == title
    assert_offsets(text, parts)


def test_an_inline_more_link_ends_a_story_and_the_next_one_follows() -> None:
    text = page(
        "Suzhou and Suqian sign agreements", BODY[0] + "[MORE]",
        "SSIP sees remarkable outcomes", BODY[1] + " [MORE]",
    )  # fmt: skip
    parts = split_page(text)
    assert [p.text for p in parts.body] == [BODY[0]]
    assert [(t.title.text, [p.text for p in t.body]) for t in parts.teasers] == [
        ("SSIP sees remarkable outcomes", [BODY[1]])
    ]
    assert [line.text for kind, line in parts.furniture if kind == "more_link"] == [
        "[MORE]", "[MORE]",
    ]  # fmt: skip
    assert_offsets(text, parts)


def test_a_date_glued_to_a_story_is_its_byline() -> None:
    stories = [
        ("Rice from Jilin sells well", "2016-01-18", "New rice from Jilin has reached the market."),
        (
            "Police officer writes a book",
            "2016-01-14",
            "Bo Long, a senior police officer, wrote it.",
        ),
    ]
    main = "2016-01-20It was -20 C in the city of Changchun on Wednesday morning."
    text = page(
        "Cold morning in Changchun",
        main,
        *(line for title, date, snippet in stories for line in (title, date + snippet)),
    )
    parts = split_page(text)
    assert [line.text for line in parts.bylines] == ["2016-01-20"]
    assert [
        (t.title.text, [m.text for m in t.meta], [p.text for p in t.body]) for t in parts.teasers
    ] == [(title, [date], [snippet]) for title, date, snippet in stories]
    assert_offsets(text, parts)


def test_a_listing_holds_a_snippet_without_a_full_stop_and_a_title_glued_to_its_snippet() -> None:
    long_cut = " ".join(["You may have seen athletes kick a small round ball around"] * 3)
    stories = [
        ("Honoring the Oldest Volunteers", CUT),
        ("DG Welcomes American Football", long_cut),
        ("Brown Sugar Jar Rises Again", CUT),
        ("Asian Marathon Comes to DG", CUT),
        ("Hotel Controversy Finally Ends", CUT),
    ]  # one story in four may read as two paragraphs: here the glued one
    glued = "No more Keyboard Men " + CUT
    lines = [line for story in stories for line in story]
    text = page("San Francisco Celebrates DG", CUT, *lines[:4], glued, *lines[4:])
    parts = split_page(text)
    assert [p.text for p in parts.body] == [CUT]
    assert [(t.title.text, [p.text for p in t.body]) for t in parts.teasers] == [
        (title, [snippet]) for title, snippet in stories
    ]
    assert (STRAY, glued) in [(kind, line.text) for kind, line in parts.furniture]


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Wuxi opens new parks - Wuxi Government", "Wuxi opens new parks"),
        ("Xi meets the press | China Daily", "Xi meets the press"),
        ("Wuxi opens new parks_english.wuxi.gov.cn", "Wuxi opens new parks"),
        ("China - Africa trade grows", "China - Africa trade grows"),
        ("Shanghai-Suzhou high-speed rail opens", "Shanghai-Suzhou high-speed rail opens"),
    ],
)
def test_a_site_name_glued_after_the_headline_is_not_the_title(line: str, title: str) -> None:
    text = page(line, "Source: Wuxi Daily", *BODY)
    assert split_page(text).title.text == title


@given(
    st.lists(
        st.sampled_from(["a", "A", "1", " ", "   ", "\t", "\u3000", "2022-05-24", "x"]), max_size=14
    ).map("".join)
)
def test_a_date_cell_needs_a_gap_near_the_line_end(text):
    if DATE_CELL.search(text) is not None:
        assert GAP.search(text, max(0, len(text) - GAP_TAIL)) is not None
