"""Splitting a page into title, byline, body, list, credits, end marker and teasers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import within_seconds
from hypothesis import given
from hypothesis import strategies as st

from newsmend.credits import Byline, parse_byline
from newsmend.ingest import Page
from newsmend.records import page_records
from newsmend.split import CAPTION, STRAY, PageParts, Span, split_page
from newsmend.split.lines import _is_prose, _kind
from newsmend.split.parts import TEXT
from newsmend.split.text_lines import DATE_CELL, GAP, GAP_TAIL, _lines
from newsmend.tables import read_lines

REALWORLD = Path(__file__).parent / "fixtures" / "realworld"


def tune_page(name: str) -> str:
    """The text of a real tuning page, `name` with its ".txt"."""
    return (REALWORLD / "tune" / name).read_text(encoding="utf-8")


BODY = [
    "On August 1, the city held a meeting on the work of the second half of the year.",
    "The meeting also studied other matters.",
]
SNIPPET = "Another story's first words, cut off by the pa"  # a teaser's snippet, as pages cut it


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
    text = page("A title", "Source: Huzhou Daily", *BODY, marker, "Teaser title", SNIPPET)
    parts = split_page(text)
    assert parts.end_marker.text == marker
    assert [p.text for p in parts.body] == BODY
    assert [(t.title.text, [p.text for p in t.body]) for t in parts.teasers] == [
        ("Teaser title", [SNIPPET])
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
    text = page("A title", *BODY, entry, entry.replace("First", "Second"), "END")
    parts = split_page(text)
    assert [p.text for p in parts.body] == BODY
    assert [(h.title.text, h.date.text) for h in parts.headlines] == [
        (title, date),
        (title.replace("First", "Second"), date),
    ]
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
        "Snippet that is cut off by the pa",
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


def test_headline_over_a_dated_byline_wins_over_the_decks_under_it() -> None:
    # Qiannan's portal: the headline, its byline with the day, then three decks (verbatim).
    decks = [
        "The NPC Standing Committee And The State Council Sent Congratulations",
        (
            "Chen Miner attended And Luo Liming Speeched And Sun Zhigang Declared The"
            " Congratulatory Letter"
        ),
        "Long Changchun presided over the meeting and Xiang Hongqiong Speeched",
    ]
    parts = split_page(
        page(
            "The 60th Anniversary Celebration Of Qiannan State Was Held",
            "Author:Jamina Zhang Source:Qiannan State Government Websites  Time:2016-08-10",
            *decks,
            *BODY,
        )
    )
    assert parts.title is not None
    assert parts.title.text == "The 60th Anniversary Celebration Of Qiannan State Was Held"
    assert [p.text for p in parts.body][-len(BODY) :] == BODY


def test_short_headline_over_its_subtitle_and_byline_is_the_title() -> None:
    # China Daily (verbatim): a headline of four words, its longer subtitle, the byline.
    parts = split_page(
        page(
            "Tourism transforms Dong village",
            "Allure of ethnic cultural heritage attracts visitors, while homestays open route to"
            " better incomes",
            "By MO JINGXI in Beijing and YANG JUN in Guiyang | China Daily | Updated: 2025-05-03"
            " 11:01",
            *BODY,
        )
    )
    assert parts.title is not None
    assert parts.title.text == "Tourism transforms Dong village"
    assert [p.text for p in parts.body] == BODY


def test_a_headline_over_its_subtitle_and_byline_wins_over_a_caption_under_them() -> None:
    # China Daily (verbatim): the picture's caption under the byline is no headline block's.
    parts = split_page(
        page(
            "Marathon madness sweeps across nation",
            "Road races promote healthy lifestyles, create economic benefits",
            "By YUE WENWAN, WANG HENGZHI and HU YITIAN | China Daily | Updated: 2025-05-09 10:17",
            "Share\nShare - WeChat",
            "Runners pass a flower-lined avenue during the Wuxi Marathon in Wuxi, Jiangsu"
            " province, on March 23. CHINA DAILY",
            "WUHAN — With over 20 marathon events taking place across the country, March 23 was"
            ' dubbed "Super Marathon Day" in China.',
            "Leading the pack was Wuhan Marathon in Hubei province, which expanded its"
            " participant limit to 40,000 this year. Demand was high, with over 450,000 people"
            " applying for a spot in the race.",
        )
    )
    assert parts.title is not None
    assert parts.title.text == "Marathon madness sweeps across nation"


# A PDF of The Nanfang (verbatim): its lines wrapped at the page's width.
NANFANG_PDF = (
    "SlideShare a Scribd company logo",
    "1 of 28",
    "https://thenanfang.com/author/lucyliu/",
    "Pervert caught at GZ metro station snapping up skirt pics, his",
    "phone had over 300 of them",
    "Posted: 12/24/2012 2:11 pm",
    "A woman in Guangzhou has posted the details of her experience catching a pervert",
    "who was snapping photos of her on Guangzhou metro line 8, according to media",
    "reports.",
    "The woman, known online as \u201cYinchen Angel\u201d, was on the metro on the evening of",
    "December 17 when she saw a man snap an up-skirt photo. She was able to restrain",
    "him and called police, who checked the man\u2019s mobile phone. Turns out, perhaps",
    "unsurprisingly, his phone was packed with over 300 pictures of female breasts and up-",
    "skirt photos.",
    "While being investigated, the Peeping Tom argued that all of his pictures were",
    "downloaded from the internet. When the policemen went to check the phone again,",
)


def test_a_headline_s_second_line_is_no_subtitle_over_the_byline() -> None:
    # a line in lower case under the headline goes on with it: no subtitle over the byline,
    # so the story's wrapped lines under it are no teasers.
    parts = split_page("\n".join(NANFANG_PDF) + "\n")
    assert parts.teasers == []


def test_headline_byline_and_text_run_together_are_read_apart() -> None:
    # newssummedup's copy of the Taipei Times (verbatim, the snippets shortened): each story's
    # headline, byline and text on one line, its source and date under it.
    parts = split_page(
        page(
            "NTU boosts student care after mental health incidentsBy Rachel Lin / Staff"
            " reporterNational Taiwan University (NTU) has established a task force to improve"
            " mental health services for students, after two alleged suicides and one accident"
            " were reported on its campus over five days, NTU president Kuan Chung-ming"
            " (管中閔) said yesterday.",
            "Source:Taipei Times",
            "November 14, 2020 15:56 UTC",
            "KMT pork video misleading, DPP lawmakers sayBy Jason Pan / Staff"
            " reporterDemocratic Progressive Party (DPP) officials yesterday condemned a video"
            " of a convulsing pig posted online by the Chinese Nationalist Party (KMT) , as the"
            " US animal rights group that produced the clip said that it was not related to"
            " ractopamine.",
            "Source:Taipei Times",
            "November 13, 2020 15:56 UTC",
        )
    )
    assert parts.title is not None
    assert parts.title.text == "NTU boosts student care after mental health incidents"
    assert [b.text for b in parts.bylines] == ["By Rachel Lin / Staff reporter"]
    assert parts.body[0].text.startswith("National Taiwan University (NTU) has established")
    assert "November 14, 2020 15:56 UTC" in [c.text for c in parts.credits]
    assert [t.title.text for t in parts.teasers if t.title] == [
        "KMT pork video misleading, DPP lawmakers say"
    ]
    assert parts.headlines == []


def test_chinese_credit_after_the_english_one_is_residue() -> None:
    parts = split_page(page("A title", *BODY, "Responsible editor: Li Na", "责任编辑：李娜"))
    assert [c.text for c in parts.credits] == ["Responsible editor: Li Na"]
    assert [r.text for r in parts.residue] == ["责任编辑：李娜"]
    assert parts.teasers == []


def test_empty_page() -> None:
    parts = split_page("\n\n")
    assert parts.title is None and parts.body == []


@pytest.mark.parametrize("label", ["View Article", "Read More", "Continue reading"])
def test_a_link_s_label_glued_before_its_title_is_cut_off_it(label: str) -> None:
    lines, _ = _lines(f"{label}Yellow fire warning issued for the city\n")
    assert [line.text for line in lines] == [label, "Yellow fire warning issued for the city"]


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
    parts = split_page(page("A title", "Source: Taizhou Daily", "责任编辑：李娜", *BODY))
    assert [r.text for r in parts.residue] == ["责任编辑：李娜"]
    assert [p.text for p in parts.body] == BODY


@pytest.mark.parametrize("order", [1, -1])
def test_a_source_in_english_wins_over_the_same_in_chinese(order: int) -> None:
    text = "\n".join(["A title", *["Source: Taizhou Daily", "来源：台州日报"][::order], *BODY])
    articles, _headlines = page_records(Page("p.txt", "0", text))
    assert [(a["outlet"], a["body_raw"]) for a in articles] == [
        ("Taizhou Daily", "\n\n".join(BODY))
    ]


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
    assert [(t.title.text, [m.text for m in t.meta]) for t in parts.teasers] == [
        ("Zhejiang's latest epidemic notice", ["August 2, 2022"])
    ]


def test_chinese_line_after_the_body_is_residue_not_a_teaser() -> None:
    parts = split_page(
        page("A title", *BODY, "Editor: Li Na", "如皋", "[END]", "A teaser", SNIPPET)
    )
    assert [r.text for r in parts.residue] == ["如皋"]
    assert [t.title.text for t in parts.teasers] == ["A teaser"]


def test_a_menu_after_the_story_is_no_teaser() -> None:
    """A menu's item under another is no story's title and snippet, nor is an address under
    a name: a snippet is a sentence or words cut off mid-sentence."""
    parts = split_page(
        page(
            "A title", *BODY, "(By Fan Ying)", "Qingdao International Community Center",
            "Shinan District, Qingdao", "Entrance tickets", "Culture", "Culture Figures", "Food",
        )
    )  # fmt: skip
    assert parts.teasers == []
    assert [p.text for p in parts.body] == BODY


def test_chinese_line_in_the_body_stays_body() -> None:
    parts = split_page(page("A title", BODY[0], "（记者 张伟）", BODY[1]))
    assert [p.text for p in parts.body] == [BODY[0], "（记者 张伟）", BODY[1]]


ORIGINAL = "第十四届海峡论坛妈祖文化活动周在莆田市湄洲岛开幕，市长出席开幕式并致辞。"


def test_chinese_paragraphs_closing_an_english_story_are_its_original_not_its_text() -> None:
    """A bilingual post prints the Chinese original after the translation: the story is its
    English; the original is residue. A story all in Chinese keeps its text."""
    parts = split_page(page("A title", *BODY, ORIGINAL, ORIGINAL[::-1]))
    assert [p.text for p in parts.body] == BODY
    assert [r.text for r in parts.residue] == [ORIGINAL, ORIGINAL[::-1]]
    chinese = split_page(page("A title", ORIGINAL, ORIGINAL[::-1]))
    assert [p.text for p in chinese.body] == [ORIGINAL, ORIGINAL[::-1]]


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
    ("paragraph", "body", "credits"),
    [
        (
            "Lvliang Daily (Reporter Wang Tao) On September 26, a delegation came.",
            "On September 26, a delegation came.",
            ["Lvliang Daily", "Reporter Wang Tao"],  # the outlet before the brackets too
        ),
        (
            "China News Service, Hong Kong, May 25th (Reporter Han Xingtong) The line opened.",
            "The line opened.",
            ["China News Service", "Reporter Han Xingtong"],  # a wire's dateline before them
        ),
        (
            "(Correspondent Zhao Lei) On May 5, the county opened a school.",
            "On May 5, the county opened a school.",
            ["Correspondent Zhao Lei"],
        ),
        (
            "(Mianyang News) A few days ago, the province commended six cities.",
            "A few days ago, the province commended six cities.",
            ["Mianyang News"],
        ),
    ],
)
def test_bracketed_credit_opening_the_body_is_a_credit(paragraph, body, credits) -> None:
    text = page("A title", "Source: Xinhua 2022-08-02", paragraph, BODY[1])
    parts = split_page(text)
    assert [p.text for p in parts.body] == [body, BODY[1]]
    assert [c.text for c in parts.credits] == credits
    assert_offsets(text, parts)


def test_an_outlet_and_a_reporter_each_in_brackets_opening_the_body_are_credits() -> None:
    paragraph = "(Mianyang News) (Reporter, Guo Ruoxue) Recently, the city was nominated."
    text = page("A title", paragraph, BODY[1])
    parts = split_page(text)
    assert [p.text for p in parts.body] == ["Recently, the city was nominated.", BODY[1]]
    assert [c.text for c in parts.credits] == ["Mianyang News", "Reporter, Guo Ruoxue"]
    assert parse_byline(" | ".join(c.text for c in parts.credits)).authors == ["Guo Ruoxue"]
    assert_offsets(text, parts)


def test_an_outlet_then_its_reporters_in_brackets_and_news_open_the_body() -> None:
    paragraph = (
        "Shiliuyun-Xinjiang Daily (Reporters Song Haibo, Arman Rizak) news: "
        "On December 5, a delegation visited Altay."
    )
    text = page("A title", paragraph, BODY[1])
    parts = split_page(text)
    assert [p.text for p in parts.body] == ["On December 5, a delegation visited Altay.", BODY[1]]
    assert [c.text for c in parts.credits] == [
        "Shiliuyun-Xinjiang Daily",
        "Reporters Song Haibo, Arman Rizak",
    ]
    assert_offsets(text, parts)


def test_a_translated_wire_head_opening_the_body_names_the_outlet_and_its_reporters() -> None:
    paragraph = (
        "China News Service, Lishui, July 19 (Reporter Xi Jinyan, intern Zhu Siqi) "
        "Every summer, guests come to Lishan Village."
    )
    parts = split_page(page("A title", paragraph, BODY[1]))
    assert parts.body[0].text == "Every summer, guests come to Lishan Village."
    assert [c.text for c in parts.credits] == [
        "China News Service",
        "Reporter Xi Jinyan, intern Zhu Siqi",
    ]


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


def test_a_listing_that_dates_each_snippet_at_its_end() -> None:
    text = page(
        "Suzhou to host a nanotech fair",
        "The fair will be held at the Suzhou International Expo Center from October 25. 2017-10-20",
        "Suzhou competitors win a gold medal",
        "Two Suzhou competitors won a gold medal at the world skills competition. 2017-10-19",
    )
    parts = split_page(text)
    assert [c.text for c in parts.credits] == ["2017-10-20"]  # dates the story (records)
    assert [p.text for p in parts.body] == [
        "The fair will be held at the Suzhou International Expo Center from October 25."
    ]
    assert [(t.title.text, [m.text for m in t.meta]) for t in parts.teasers] == [
        ("Suzhou competitors win a gold medal", ["2017-10-19"])
    ]
    assert_offsets(text, parts)


CUT_LISTING = [
    ("Pastoral art festival adds cultural ethos to rural life",
     "The 2nd Maogang Town Pastoral Art Festival took place in Huangqiao Village, Maogang Town of Songjiang"),
    ("Handicraft industry exposition park opens in Songjiang",
     "A handicraft industry exposition park opened in Songjiang on October 25 and the opening ceremony also"),
    ("Experts studying herbs to treat COVID-19",
     "Local experts are working on herbal remedies to treat COVID-19, the chairman of the association said at"),
    ("Three entrepreneurs cope with blind alleys in toy-art startup",
     "The blind box, known as manghe in China, has become a popular fad and even a career"),
]  # fmt: skip


def test_a_listing_of_titles_over_snippets_cut_before_their_stop_is_a_story_each() -> None:
    # Songjiang's news index: no snippet ends a sentence, and most say their title's words
    text = page(*(line for pair in CUT_LISTING for line in pair))
    parts = split_page(text)
    assert parts.title.text == CUT_LISTING[0][0]
    assert [p.text for p in parts.body] == [CUT_LISTING[0][1]]
    assert [(t.title.text, [b.text for b in t.body]) for t in parts.teasers] == [
        (title, [snippet]) for title, snippet in CUT_LISTING[1:]
    ]
    assert_offsets(text, parts)


def test_titles_of_alternating_length_that_echo_no_title_are_no_snippets() -> None:
    # a list of bare titles: each "snippet" is the next story's headline
    titles = [
        "Songjiang opens new park",
        "Three entrepreneurs cope with blind alleys in a toy-art startup in the district this year",
        "Experts study herbal remedies",
        "Exhibition reintroduces an ancient way of painting to visitors of the museum in the old town",
        "Chrysanthemum season kicks off",
        "Police look after a stray dog found wandering on the highway near the city on Sunday morning",
        "Driver hides son in trunk",
        "Child locked inside a vehicle in forty degrees of heat is rescued by passers-by in the street",
    ]
    parts = split_page(page(*titles, *BODY))
    assert parts.title.text == titles[-1]
    assert not parts.teasers


def test_a_photo_story_under_its_page_title_a_site_name_and_a_byline() -> None:
    captions = [
        "This aerial photo taken on Aug. 26, 2023 shows farmers harvesting rice. (Photo by Tang Dehong/Xinhua)",
        "Villagers arrange newly-harvested red chilies, Aug. 26, 2023. (Photo by Hu Panxue/Xinhua)",
    ]  # fmt: skip
    head = ["A glimpse of autumn farming in China-Xinhua", "A glimpse of autumn farming in China"]
    parts = split_page(page(*head, "新华网", "Editor: huaxia", "2023-08-27 07:19:09", *captions))
    assert parts.title.text == "A glimpse of autumn farming in China"
    assert [b.text for b in parts.bylines] == ["新华网", "Editor: huaxia", "2023-08-27 07:19:09"]
    assert parts.body[0].text == captions[0]  # the last one's credit is cut off
    assert len(parts.body) == 2


SUMMARIES = [
    "The 2018 Cross-Straits Dragon Boat Festival is set to take place from June 2 to 3 in Xiamen.",
    "Rustam Minnikhanov, president of Tatarstan, led a delegation to visit Xiamen from May 17 to 18.",
    "Three pairs of high speed trains will run between Xiamen and Hong Kong daily from September.",
    "A delegation of six young officials from Brunei visited Xiamen from May 9 to 12.",
]


def test_a_listing_of_summaries_without_titles_is_a_story_each() -> None:
    parts = split_page(page(*SUMMARIES))
    assert parts.title is None
    assert [p.text for p in parts.body] == SUMMARIES[:1]
    assert [(t.title.text, [p.text for p in t.body]) for t in parts.teasers] == [
        ("", [summary]) for summary in SUMMARIES[1:]
    ]


def test_an_outlet_s_app_under_the_headline_is_its_byline() -> None:
    title = "Xi inspects Shijiazhuang in North China's Hebei Province"
    parts = split_page(page(title, "People's Daily app", "14:57, May 12, 2023", *BODY))
    assert parts.title.text == title
    assert [b.text for b in parts.bylines] == ["People's Daily app", "14:57, May 12, 2023"]


def test_a_headline_of_exclamations_in_title_case_over_its_source() -> None:
    title = "This is Photographed at the Gate of Community! Public: Terrible!"
    parts = split_page(page(title, "Source: HangzhouTube, Xinhua News, CGTN,", *BODY))
    assert parts.title.text == title
    assert [p.text for p in parts.body] == BODY


def test_a_date_and_a_by_line_of_no_names_are_the_byline() -> None:
    title = "Jiujiang City, Jiangxi Province: One Resident Sentenced to Prison"
    byline = "Dec. 22, 2023 |   By a Minghui correspondent in Jiangxi Province, China"
    parts = split_page(page(title, byline, *BODY))
    assert parts.title.text == title
    assert [b.text for b in parts.bylines] == [byline]


UNDATED_SUMMARIES = [
    "Wenzhou Longwan International Airport is set to open a new air route connecting Wenzhou and Madrid.",
    "A man in Wenzhou has finally found his creditor and paid off his debt of 230,000 yuan.",
    "Wenzhou has been dedicated to the construction of pocket parks near residents' doorsteps.",
    "Eight Wenzhou companies made the list of the top 100 companies in Zhejiang.",
]
GOING_ON = [
    "Nanning hosted the World Mayors Dialogue with mayors from cities across Southeast Asia.",
    "The mayors delved into strategies to enhance urban development and cultural exchange.",
    "Nanning's famous rice noodles set the tone for the dialogue between the mayors.",
    "The dialogue underscores the city's role in regional cooperation between cities.",
]


def assert_a_story_each(summaries: list[str]) -> None:
    """The page of these paragraphs reads as a listing: the first the story, the others
    teasers without titles."""
    parts = split_page(page(*summaries))
    assert [p.text for p in parts.body] == summaries[:1]
    assert [t.body[0].text for t in parts.teasers] == summaries[1:]


def test_summaries_that_share_no_words_are_a_listing_even_undated() -> None:
    assert_a_story_each(UNDATED_SUMMARIES)


def test_three_summaries_that_share_no_words_are_a_listing_three_that_do_a_story() -> None:
    """Too few to count how often they link (China Daily's Jiuquan updates, a real page,
    he_): three summaries with no common word between neighbours are three stories; three
    paragraphs of one story share its words."""
    assert_a_story_each(UNDATED_SUMMARIES[:3])
    parts = split_page(page(*GOING_ON[:3]))
    assert not parts.teasers and len(parts.body) == 3


DATED_SUMMARIES = [
    "Macau, China, 09 Nov – Macau's anti-graft chief is expected to become the next Secretary.",
    "Macau, China 4 Nov – The Macau government is set to restrict entry of citizens from Nepal.",
    "Beijing, China, 3 Nov – The State Council on Wednesday approves a bridge to Macau.",
    "Hong Kong, China, 30 Oct – Officials unveiled a plan Thursday to transform the Delta.",
    "Macau, China, 29 Oct – Vehicles from Macau could be allowed to drive in Hengqin.",
    "Macau, China, 29 Oct – Seamless cross-border links between Macau and the Delta are planned.",
]


def test_a_listing_s_name_under_its_first_summary_is_furniture_not_an_odd_summary() -> None:
    """Macao News: the featured story's summary, the list's name ("Latest Posts"), then the
    latest stories' summaries; the name is counted as furniture, each summary a story."""
    parts = split_page(page(DATED_SUMMARIES[0], "Latest Posts", *DATED_SUMMARIES[1:]))
    assert [p.text for p in parts.body] == DATED_SUMMARIES[:1]
    assert [t.body[0].text for t in parts.teasers] == DATED_SUMMARIES[1:]
    assert ("navigation", "Latest Posts") in [(k, line.text) for k, line in parts.furniture]


def test_summaries_of_one_tag_that_share_a_word_now_and_then_are_a_listing() -> None:
    """Two summaries in seven sharing a word with the one before (a tag page's stories on one
    topic: "market", "residents"), none saying when: a listing. A story's paragraphs share
    words with the one before more often (a third of them or more: GOING_ON, and the
    story without a headline below)."""
    summaries = [
        *UNDATED_SUMMARIES[:2],
        "Yiwu's small commodities market is known as the supermarket of the world.",
        "Traders at the market in Yiwu, many of them residents of other provinces, ship goods.",
        *UNDATED_SUMMARIES[2:],
        "A forum on investment between Jinhua and Tanzania was held in Dar es Salaam.",
        "The county's exports of tea rose by a fifth, customs officials said.",
    ]
    assert_a_story_each(summaries)


def test_paragraphs_longer_than_a_listing_s_summaries_are_one_story() -> None:
    """An untitled story of four paragraphs of three sentences or fewer that share no word
    with the one before (qc_daydaynews_maozhou_lianjiang_river_chiefs_mt_2018): a listing
    shows a few lines of each story, never 788 characters."""
    text = tune_page("qc_daydaynews_maozhou_lianjiang_river_chiefs_mt_2018.txt")
    paragraphs = [line for line in text.splitlines() if line.strip()]
    assert len(paragraphs) == 4
    parts = split_page(text)
    assert not parts.teasers
    assert [p.text for p in parts.body] == paragraphs


def test_a_section_label_over_a_story_is_no_odd_summary_of_a_listing() -> None:
    """A section's label, "Culture", then an untitled story of seven paragraphs, one opening
    with a quote (qg_chinesetoday_maanshan_lingjiatan_site_museum_2025): the label is the
    section's, not a listing's first summary, so the quote goes on from the story."""
    text = tune_page("qg_chinesetoday_maanshan_lingjiatan_site_museum_2025.txt")
    paragraphs = [line for line in text.splitlines() if line.strip()]
    assert paragraphs[0] == "Culture" and len(paragraphs) == 8
    assert not split_page(text).teasers


def test_a_wire_lead_over_paragraphs_is_one_story_not_summaries() -> None:
    """Only the first paragraph opens with a dateline: a story's lead, not a listing's."""
    lead = "XIAMEN, May 8 (Xinhua) -- " + UNDATED_SUMMARIES[0]
    parts = split_page(page(lead, *UNDATED_SUMMARIES[1:]))
    assert not parts.teasers
    assert [p.text for p in parts.body] == [lead, *UNDATED_SUMMARIES[1:]]


def test_summaries_each_under_its_dateline_are_a_listing() -> None:
    summaries = [f"WENZHOU, May {n} (Xinhua) -- {s}" for n, s in enumerate(UNDATED_SUMMARIES, 1)]
    parts = split_page(page(*summaries))
    assert [t.body[0].text for t in parts.teasers] == summaries[1:]


def test_summaries_whose_pronouns_follow_their_own_names_are_a_listing() -> None:
    summaries = [
        "Antu county, at the foot of the Changbai Mountain Range, may have an abundance of forests.",
        "Jilin University will welcome its alumni to its 70th anniversary in Changchun on Sept 16.",
        "Residents of Changchun share their experiences after two weeks under lockdown.",
        'The city of Changchun provided a venue for the drama "Ma Lan Hua Kai" on May 3.',
    ]
    assert_a_story_each(summaries)


def test_a_summary_longer_than_a_headline_may_lack_its_stop() -> None:
    """The site left one summary's full stop off (dq_ harbinice): thirty words are no
    headline, the page is still a listing."""
    unfinished = (
        "With the fully loaded cargo flight departing from Harbin Taiping International Airport"
        " for Russia's Yekaterinburg for the 47th time, Harbin's retail export value to Russia"
        " exceeded $100 million on July 25"
    )
    assert_a_story_each([*UNDATED_SUMMARIES[:2], unfinished, *UNDATED_SUMMARIES[2:]])


MORE_SUMMARIES = [
    "Zhong Yongjin is president of the volunteer association in his village in Huichang county.",
    "Twenty farmers from Fuping county will enter a technical college in September.",
    "A series of training workshops for government officials has been initiated in Huichang.",
    "Chen Zeping and his wife have lived for decades in a rundown house in Jinzhai county.",
]


def test_a_long_listing_may_hold_an_odd_line_and_an_opening_that_seems_to_go_on() -> None:
    """Eight summaries or more (dc_ yibaidns): one the site left short and without its stop,
    one opening "It was reported ...": still a listing. Two odd lines in eight are not."""
    odd = "Huichang is the first place in China to pilot the ISO9001 anti-corruption system"
    going_on = "It was reported that the road from Sichuan to Tibet collapsed after heavy snow."
    assert_a_story_each([*UNDATED_SUMMARIES, going_on, *MORE_SUMMARIES, odd, "Migrant work"])
    parts = split_page(page(*UNDATED_SUMMARIES, odd, going_on, odd, *MORE_SUMMARIES[:1]))
    assert not parts.teasers


def test_a_story_s_page_number_glued_to_its_headline_is_no_part_of_it() -> None:
    title = "Urban intellectuals try to revive village life"
    parts = split_page(page(title + "(2)", "2014-12-25 08:57 Global Times", *BODY))
    assert parts.title.text == title
    assert split_page(page("Guide to the city (2 days)", *BODY)).title.text.endswith("days)")


def test_a_long_headline_of_exclamations_in_title_case_is_no_paragraph() -> None:
    title = (
        "RMB 12.6 billion yuan! 20 Projects Having Signed Contract in a Centralized Manner! Good"
        " News Relative to Business Solicitation and Investment Attraction Coming from Dalian"
        " Free Trade Area Again!"
    )
    parts = split_page(page("Home > Economy & Society >Economic/Social News", title, *BODY))
    assert parts.title.text == title
    assert [p.text for p in parts.body] == BODY


def test_a_page_that_opens_with_a_list_gives_its_first_story_as_the_page_s() -> None:
    """chinaSMACK's tag page: "More stories", then each story's picture caption, title and
    snippet; no story above them."""
    listed = [
        (
            "A girl standing on a subway platform.",
            "Whistleblower Exposes Guangzhou Metro Line 3 Safety Failures",
            "Signs of shoddy workmanship are apparent on a section of Guangzhou’s Metro Line 3.",
        ),
        (
            "Chinese girls standing at attention, rehearsing for the Guangzhou Asian Games.",
            "Guangzhou 2010 Asian Games Goodwill Hostesses In Training",
            "From Mop: look at this orderly and well-trained team of hostesses in Guangzhou.",
        ),
        (
            "Guangzhou people.",
            "Guangdong Officials Bid to Host the 2020 World Expo",
            "From NetEase: Guangdong officials say they have formally bid to host the Expo.",
        ),
    ]
    parts = split_page(page("More stories", *(line for story in listed for line in story)))
    assert (parts.title.text, parts.body[0].text) == listed[0][1:]
    assert [(t.title.text, t.body[0].text) for t in parts.teasers] == [s[1:] for s in listed[1:]]


def test_a_date_after_on_alone_on_its_line_dates_the_report_and_is_no_title() -> None:
    """A work report: its title, "---Delivered at the 4th Session ...", "on Jan 20, 2015"."""
    assert _kind("on Jan 20, 2015") == "date"
    assert _kind("on Jan 20, 2015, the city opened its new library.") == "text"
    title = "Report on the Work of the Government in 2014 (excerpt)"
    lines = [title, "---Delivered at the 4th Session of the 7th People's Congress of Huai'an"]
    text = page(*lines, "on Jan 20, 2015", *BODY)
    assert split_page(text).title.text == title
    articles, _headlines = page_records(Page("p.txt", "0", text))
    assert str(articles[0]["published"]) == "2015-01-20"


def test_a_title_glued_after_its_date_is_a_list_entry() -> None:
    """Taoyuan's news list: "2024-06-12Taiwan’s Only Selected City: ..."; not a byline's few
    words after a date, nor a listed story's snippet after its date."""
    assert _kind("2024-06-12Taiwan’s Only Selected City: Taoyuan Achieves A-List Status") == "entry"
    assert _kind("2024-11-05 China Daily HaiPress") != "entry"
    snippet = "2016-01-20It was -20 C in the city of Changchun, and Deng Tianzuo was starting work."
    assert _kind(snippet) != "entry"


def test_a_writer_s_credit_the_names_of_which_do_not_read_is_no_headline() -> None:
    title = "Three bus operators hit the road today"
    head = ["Monday, August 1, 2011", "Issue 1372, Page 4", "Word count: 370"]
    byline = ["Published in: Macau Daily Times", "By Poyi (Natalie) Leung"]
    story = [
        "Passengers can now enjoy interchange concessions between the three bus operators.",
        "A majority of the bus routes and bus stop locations have remained unchanged.",
    ]
    parts = split_page(page(title, *head, *byline, *story))
    assert parts.title.text == title


def test_a_section_s_and_the_site_s_names_between_byline_lines_are_no_story() -> None:
    """The Young Reporter: headline, date, "Society", "The Young Reporter", the credits, the
    date again, then the story."""
    title = "Light rail passengers worried about safety after a woman was pushed onto the track"
    credits = "By: Kelly PangEdited by: BellaHuang"
    lines = [title, "2021-11-29", "Society", "The Young Reporter", credits, "2021-11-29"]
    story = [
        "Sarah Chan, 21, lives in Tuen Mun and takes the light rail three times a week.",
        "She said she felt worried about safety on the track after the woman was pushed.",
    ]
    parts = split_page(page(*lines, *story))
    assert (parts.title.text, [p.text for p in parts.body]) == (title, story)
    assert not parts.teasers
    articles, _headlines = page_records(Page("p.txt", "0", page(*lines, *story)))
    assert (articles[0]["authors"], articles[0]["editors"]) == (["Kelly Pang"], ["Bella Huang"])


def test_a_headline_s_text_read_as_a_first_listed_story_is_its_own() -> None:
    """Chiayi's portal: the headline, its date, the headline again, a quoted subtitle, the
    event's date, then the text."""
    title = "Press Conference for Huang’s 2 Years in Office"
    subtitle = "“Chiayi City Is a Happy City for People of Different Generations,” Says Huang"
    story = [
        "The mayor of Chiayi City Ming-hui Huang held a press conference on December 21.",
        "Huang appreciates the support of the citizens who made the city a happy one.",
    ]
    lines = [title, "PostDate:2020-12-23", title, subtitle, "December 21, 2020"]
    parts = split_page(page(*lines, *story))
    assert (parts.title.text, [p.text for p in parts.body]) == (title, story)
    assert not parts.teasers


def test_a_picture_credited_to_a_platform_credits_nobody() -> None:
    text = page("Optics Valley encourages private sector", *BODY, "The venue. [Photo/Wechat]")
    articles, _headlines = page_records(Page("p.txt", "0", text))
    assert articles[0]["authors"] == []


def test_empty_chinese_source_and_author_labels_name_no_outlet() -> None:
    """An English-study site's "文章来源: 文章作者: 发布时间:2007-03-16 07:14": "文章" (article)
    is the labels' own word, not a source."""
    byline = "文章来源: 文章作者: 发布时间:2007-03-16 07:14 字体: [ ]  进入论坛"
    text = page("Beijing puts up English signs", byline, *BODY)
    articles, _headlines = page_records(Page("p.txt", "0", text))
    assert (articles[0]["outlet"], str(articles[0]["published"])) == (None, "2007-03-16")


def test_two_issuers_between_a_slash_under_the_headline_are_its_byline() -> None:
    """Macao's government news: the headline, the issuing offices, the date and time."""
    title = "CE to visit cities of the Greater Bay Area"
    issuers = "Government Information Bureau / Office of the Government Spokesperson"
    story = [
        "The Chief Executive will lead a delegation to visit cities of the Greater Bay Area.",
        "These visits aim for closer cooperation between Macao and the Greater Bay Area cities.",
    ]
    parts = split_page(page(title, issuers, "2018-06-20 12:16", *story))
    assert parts.title.text == title
    assert [line.text for line in parts.bylines] == [issuers, "2018-06-20 12:16"]


def test_a_page_of_titles_only_has_no_story_of_its_own() -> None:
    """Hong Kong's daily index of press releases (a real page, ea_ gov_hk_isd): a skip link,
    then 25 titles; the first was read as a headline, the second as the text under it. The
    page gives no article: 25 headlines with no parent."""
    name = "ea_gov_hk_isd_daily_press_index_2022.txt"
    text = tune_page(name)
    parts = split_page(text)
    assert (parts.title, parts.body) == (None, [])
    assert len(parts.headlines) == 25
    assert parts.headlines[1].title.text == "Government suitably relaxes social distancing measures"
    articles, headlines = page_records(Page(name, "0", text))
    assert articles == []
    assert {h["parent_record_id"] for h in headlines} == {None}


def test_a_headline_over_a_list_of_titles_it_opens_keeps_its_story() -> None:
    """A story cut before its text, then "Related news" and titles: the headline is the
    page's, the list its related news."""
    titles = [
        "Wuhan opens a new metro line",
        "Yichang hosts a trade fair",
        "Xiangyang plants trees",
    ]
    parts = split_page(page("Hubei unveils a plan for rural roads", "Related news", *titles))
    assert parts.title.text == "Hubei unveils a plan for rural roads"
    assert [h.title.text for h in parts.headlines] == titles


def test_a_long_line_of_script_between_headline_and_text_is_dropped() -> None:
    script = (
        "\"); jQuery(document).ready(function() { jwplayer.key='EKOtdBrvhiKxeOU807UIF56TaHW"
        "apYjKnFiG7ipl3gw='; var playerInstance = jwplayer('player'); playerInstance.setup({"
        " file: 'https://example.org/video/20200510.mp4', width: '100%', aspectratio: '16:9',"
        " autostart: false, mute: false, primary: 'html5', stretching: 'uniform' });"
    )
    parts = split_page(page("No divide between government and councils", script, *BODY))
    assert [p.text for p in parts.body] == BODY
    assert ("script", script) in [(kind, line.text) for kind, line in parts.furniture]


def test_a_title_and_cut_snippet_over_read_more_are_a_teaser_not_the_story_s_end() -> None:
    title = "XTransfer Partners With Bank SinoPac HK To Expand Cross-Border Payment Services"
    snippet = (
        "XTransfer has entered into a collaboration with Bank SinoPac, through its Hong Kong"
        " Branch, to expand international ope..."
    )
    parts = split_page(page("District councils meet again", *BODY, title, snippet, "Read more"))
    assert [p.text for p in parts.body] == BODY
    assert [(t.title.text, [p.text for p in t.body]) for t in parts.teasers] == [(title, [snippet])]


def test_headlines_among_paragraphs_are_no_listing_of_summaries() -> None:
    lines = [*UNDATED_SUMMARIES[:2], "Shared bikes roll into Ordos", *UNDATED_SUMMARIES[2:]]
    parts = split_page(page(*lines))
    assert not parts.teasers
    assert [p.text for p in parts.body] == lines[1:]  # the first paragraph over a title


def test_a_listing_whose_first_summary_is_a_three_sentence_lead() -> None:
    lead = (
        "What can be done in 10 seconds? Most people think it is hardly anything. "
        "However, in the Kubuqi Desert, 10 seconds is enough for workers to plant a tree."
    )
    parts = split_page(page(lead, *UNDATED_SUMMARIES[1:]))
    assert [p.text for p in parts.body] == [lead]
    assert [t.body[0].text for t in parts.teasers] == UNDATED_SUMMARIES[1:]


def test_a_featured_story_then_the_list_that_repeats_its_summary() -> None:
    """A tag page: the featured story's headline and summary, the site's slogan, then the
    latest stories' summaries (their titles lost), the featured one first again."""
    title, slogan = (
        "Inside Tiaozini Wetland: a high-tide bird airport",
        "Stay informed, stay connected.",
    )
    listed = [SUMMARIES[0], *UNDATED_SUMMARIES]
    parts = split_page(page(title, *listed[:1], slogan, *listed))
    assert (parts.title.text, [p.text for p in parts.body]) == (title, SUMMARIES[:1])
    assert [(t.title.text, t.body[0].text) for t in parts.teasers] == [
        ("", summary) for summary in UNDATED_SUMMARIES
    ]
    whole = split_page(page(title, *GOING_ON))  # no summary repeated: one story
    assert [p.text for p in whole.body] == GOING_ON and whole.teasers == []
    # A story whose lead stands again under its picture: its paragraphs share their words.
    repeated = split_page(page(title, GOING_ON[0], "A view of the city.", *GOING_ON))
    assert repeated.teasers == [] and repeated.body[-1].text == GOING_ON[-1]


@pytest.mark.parametrize(
    "paragraphs",
    [
        GOING_ON,
        [*UNDATED_SUMMARIES[:2], "It was his first visit to the city.", *UNDATED_SUMMARIES[2:]],
        [
            *UNDATED_SUMMARIES[:2],
            "In the morning, he visited a village school.",
            *UNDATED_SUMMARIES[2:],
        ],
    ],
)
def test_paragraphs_that_go_on_from_each_other_are_one_story(paragraphs: list[str]) -> None:
    parts = split_page(page(*paragraphs))
    assert parts.teasers == []


def test_summaries_each_over_a_more_link_are_a_story_each() -> None:
    lines = [line for summary in UNDATED_SUMMARIES for line in (summary + "[Detail]",)]
    parts = split_page(page(*lines))
    assert [p.text for p in parts.body] == UNDATED_SUMMARIES[:1]
    assert [(t.title.text, t.body[0].text) for t in parts.teasers] == [
        ("", summary) for summary in UNDATED_SUMMARIES[1:]
    ]


def test_a_listing_with_a_picture_s_words_over_each_title() -> None:
    stories = [
        ("SEZ in Hebei province.", "New Special Economic Zone Leaves Real Estate Prices Soaring"),
        ("President Xi Jinping", "Chinese President Xi Jinping Visits Sports Venues"),
        ("Ongoing rescue operations", "Boy Who Fell in 80-Metre-Deep Well in China Found Dead"),
    ]
    text = page(*[line for alt, title in stories for line in (alt, title, BODY[0])])
    parts = split_page(text)
    assert parts.title.text == stories[0][1]
    assert [t.title.text for t in parts.teasers] == [title for _alt, title in stories[1:]]
    captions = [line.text for kind, line in parts.furniture if kind == CAPTION]
    assert captions == [alt for alt, _title in stories]


def test_a_listing_whose_snippets_end_in_two_dots() -> None:
    stories = [
        ("Volunteer lawyers offer legal aid in Tibet", "Volunteer lawyers have provided free legal consultations to more than 15,000 people in Tibet over the past year, the ministry said. .."),
        ("6.6-magnitude quake hits Tibet: CENC", "A 6.6-magnitude earthquake jolted Nyima County of Nagqu City, Southwest China's Tibet Autonomous Region, at 4:07 pm on Saturday. .."),
        ("Sanskrit manuscripts from Tibet a 'treasure'", "Sanskrit manuscripts from the Tibetan autonomous region are identified as one of humanity's greatest treasures. .."),
    ]  # fmt: skip
    parts = split_page(page(*[line for story in stories for line in story]))
    assert parts.title.text == stories[0][0]
    assert [t.title.text for t in parts.teasers] == [title for title, _ in stories[1:]]


@pytest.mark.parametrize("end", ["...", "....", " ..", "…"])
def test_a_sentence_cut_with_dots_is_prose(end: str) -> None:
    text = (
        "He said the team has a number of young players and the camp will give them more chances"
        + end
    )
    assert _is_prose(Span(text, 0, len(text)), TEXT)


def test_summaries_over_credits_are_one_story() -> None:
    parts = split_page(page(*UNDATED_SUMMARIES, "Responsible editor: [Li Ji]"))
    assert parts.teasers == []
    assert [c.text for c in parts.credits] == ["Responsible editor: [Li Ji]"]


def test_a_story_without_a_headline_is_not_a_listing_of_summaries() -> None:
    paragraphs = [*SUMMARIES[:1], *BODY, "Residents said the crossing would cut their commute."]
    parts = split_page(page(*paragraphs))
    assert [p.text for p in parts.body][-3:] == paragraphs[-3:]
    assert parts.teasers == []


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


def test_a_listed_story_s_caption_between_its_byline_and_text_is_no_title() -> None:
    """Reposted stories one after another, each under its source and date (ds_
    eyeontaiwan): the next story's picture caption stands between its byline and its text."""
    title = "Taiwan and Japan to hold maritime cooperation talks in Tokyo this week"
    caption = "Okinotorishima island, located some 1,700 kilometers south of Tokyo | KYODO"
    text = [
        "TAIPEI – Taiwan and Japan are scheduled to hold a third round of talks in Tokyo.",
        "Officials said recently that the two-day talks are scheduled to begin Thursday.",
    ]
    parts = split_page(
        page(
            "Han to open Kaohsiung to Chinese buyers",
            "Taipei Times",
            "Date: Dec 27, 2018",
            *BODY,
            title,
            "The Japan Times",
            "Date: DEC 25, 2018",
            caption,
            *text,
        )
    )
    assert [p.text for p in parts.body] == BODY
    assert [(t.title.text, [p.text for p in t.body]) for t in parts.teasers] == [(title, text)]
    assert [m.text for m in parts.teasers[0].meta] == ["The Japan Times", "Date: DEC 25, 2018"]
    assert (CAPTION, caption) in [(kind, line.text) for kind, line in parts.furniture]


def test_titles_closing_the_page_under_furniture_end_the_reading() -> None:
    """A photo story, a share bar and a menu's "More Photos" over other stories' titles to the
    page's end (dv_ chinaplus): the reading went round for ever at the share bar."""
    titles = [
        "Trans-Atlantic Shrove Tuesday pancake race kicks off in Britain",
        "Reporters wear VR glasses to cover Two Sessions",
        "Harbin's image reflected in crystal ball",
        "85 year-old fights MS pain through skydiving",
    ]
    text = page(
        "A look at Xiaogang faces",
        "China Plus Published: 2018-10-16 15:43:40",
        "Chef Yan Deshuang poses with his wok and ladle in Xiaogang Village, Fengyang County,"
        " Anhui Province. Many locals who used to migrate to find work outside Xiaogang are"
        " coming back to start up their own business in their hometown village. Known as the"
        " birthplace of China's rural reforms, Xiaogang Village is where China's policy of"
        " Reform and Opening Up first started in 1978. [Photo: China Plus/Li Jin]",
        "Share this story on",
        "More Photos",
        *titles,
    )
    with within_seconds(10):
        parts = split_page(text)
    assert [h.title.text for h in parts.headlines] == titles


def test_read_more_under_each_summary_is_its_link_not_a_list_header() -> None:
    """A district's business page lists summaries, each with "Read more" under it (du_
    jiading): a story each; one "Read more" alone heads a list (the table's reading)."""
    summaries = UNDATED_SUMMARIES[:3]
    parts = split_page(page(*(line for s in summaries for line in (s, "Read more"))))
    assert [p.text for p in parts.body] == summaries[:1]
    assert [(t.title.text, [p.text for p in t.body]) for t in parts.teasers] == [
        ("", [summary]) for summary in summaries[1:]
    ]


def test_excerpts_with_their_link_glued_on_are_a_story_each() -> None:
    """A category page of windows cut from stories, each with "Continue Reading" glued to its
    last word (dt_ xxxcj): the link is no text, each excerpt a story without a title."""
    excerpts = [
        (
            "red with urban areas, Zhang said. The county's villages have built new roads and"
            " schools over the past three years, and more are planned through innovative measures"
        ),
        (
            "ning movies related to the countryside and contributed by guest authors, the region's"
            " literary legacy carries on. Readers share the experience of being stuck on the"
        ),
        (
            "ated trash was collected over the region's spring climbing season. In 2019, eight"
            " tons of domestic waste were brought down by the Tibet Mountaineering Guide"
        ),
    ]
    parts = split_page(page(*(excerpt + "Continue Reading" for excerpt in excerpts)))
    assert [p.text for p in parts.body] == excerpts[:1]
    assert [(t.title.text, [p.text for p in t.body]) for t in parts.teasers] == [
        ("", [excerpt]) for excerpt in excerpts[1:]
    ]


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
        ("Wuxi opens new parks--Wuxi News", "Wuxi opens new parks"),
        ("双语硕硕说 | Weekly Bulletins(8/1-8/7)", "Weekly Bulletins(8/1-8/7)"),
        ("China - Africa trade grows", "China - Africa trade grows"),
        ("Shanghai-Suzhou high-speed rail opens", "Shanghai-Suzhou high-speed rail opens"),
    ],
)
def test_a_site_name_glued_after_the_headline_is_not_the_title(line: str, title: str) -> None:
    text = page(line, "Source: Wuxi Daily", *BODY)
    assert split_page(text).title.text == title


def test_headline_shares_its_words_with_the_lead() -> None:
    parts = split_page(
        page(
            "Silk Road scholars gather in Xi'an",
            "Photos of the Week in Shaanxi",  # a line nearer the body, but not its headline
            "Scholars from twelve countries gathered in Xi'an on Monday for the Silk Road "
            "forum, the city said.",
        )
    )
    assert parts.title is not None and parts.title.text == "Silk Road scholars gather in Xi'an"


def test_capitalised_headline_with_a_full_stop_is_the_title() -> None:
    parts = split_page(page("Lanzhou Hosts The Silk Road Expo.", *BODY))
    assert parts.title is not None and parts.title.text == "Lanzhou Hosts The Silk Road Expo."
    assert [p.text for p in parts.body] == BODY


def test_a_headline_with_a_full_stop_that_its_lead_restates_is_the_title() -> None:
    """Taichung's portal (eg_ taichung_evip): a sentence-cased headline with a stop, then a
    lead that says it again; a story's first sentence, said once, stays its text."""
    title = "EVIP-G delegation visits Taichung City Government and praises its construction."
    lead = (
        "EVIP-G delegation visited Taichung City Government and praised its construction,"
        " which was enlightening to the guests from eight countries."
    )
    parts = split_page(page(title, lead, *BODY))
    assert parts.title is not None and parts.title.text == title
    assert [p.text for p in parts.body] == [lead, *BODY]
    first = "The city opened two new bus lines on Monday."
    parts = split_page(page(first, *BODY))
    assert parts.title is None
    assert [p.text for p in parts.body] == [first, *BODY]


def test_byline_above_a_section_label_and_the_headline() -> None:
    title = "The city holds a meeting on the second half of the year"
    parts = split_page(
        page("China Daily | Updated: 2016-02-03 08:23", "Govts & policies", title, *BODY)
    )
    assert parts.title is not None and parts.title.text == title
    assert [b.text for b in parts.bylines] == ["China Daily | Updated: 2016-02-03 08:23"]


def test_numbered_headline_loses_its_number() -> None:
    parts = split_page(page("News Share (Feb 1-28)", "1. Xiamen stages a light show", *BODY))
    assert parts.title is not None and parts.title.text == "Xiamen stages a light show"


WRAPPED = [
    "On April 22, officials from the People's Government of Weifang City held a live",
    "video conference to announce the simultaneous commencement of 206 key",
    "Investment and Talent Attraction projects across the city.",
    "Hui Xin'an, secretary of the CPC Weifang Municipal Party Committee, explained",
    "that the key projects will provide crucial facilitation as Weifang replaces old",
    "growth drivers with new ones and accelerates high-level development.",
]


def test_paragraphs_wrapped_at_a_fixed_width_are_joined_again() -> None:
    parts = split_page(page("Weifang starts 206 key projects at once", *WRAPPED))
    assert parts.title is not None and parts.title.text == "Weifang starts 206 key projects at once"
    assert [p.text for p in parts.body] == [" ".join(WRAPPED[:3]), " ".join(WRAPPED[3:])]


def test_lines_broken_by_a_proportional_font_that_go_on_in_lowercase_are_joined() -> None:
    """A page wrapped where a browser broke it, not at a fixed count of characters: a line
    that had room for the next word still goes on when that word is in lowercase."""
    wrapped = [
        "A power crunch has cut off running water supply in Huaihua, a",
        "city in central China's Hunan Province, leaving about 150,000 people",
        "in thirst, the local government has confirmed.",
        "Overpressure caused equipment failure at the city's largest water",
        "supplier on Sunday morning and repair work is expected to last until",
        "Tuesday night, said Ouyang Jianguo, an official in charge of the",
        "city's water supply.",
    ]
    parts = split_page(page("Power crunch cuts water to 150,000 in Huaihua", *wrapped))
    assert [p.text for p in parts.body] == [" ".join(wrapped[:3]), " ".join(wrapped[3:])]


def test_short_lines_going_on_in_lowercase_are_not_a_wrapped_page() -> None:
    lines = ["Tea and", "fruit", "Rice and", "fish", "Salt and", "wine"]
    assert [line.text for line in _lines(page(*lines))[0]] == lines


def test_page_blurb_before_the_first_story_is_not_the_story() -> None:
    title = "The city holds a meeting on the second half of the year"
    parts = split_page(
        page(
            "Promote Anhui to the world",
            "This column shares news and stories about Anhui with readers abroad.",
            title,
            "2018-03-02",
            *BODY,
        )
    )
    assert parts.title is not None and parts.title.text == title
    assert [b.text for b in parts.bylines] == ["2018-03-02"]
    assert [p.text for p in parts.body] == BODY


def test_short_story_with_its_byline_under_it_is_not_a_blurb() -> None:
    parts = split_page(
        page(
            "Fancy overpass put to use",
            BODY[0],
            "Jul 1, 2016 | Source: Shanghai Daily",
            "Another story about the city",
            "2016-07-01",
            BODY[1],
        )
    )
    assert parts.title is not None and parts.title.text == "Fancy overpass put to use"


def test_sentence_written_again_as_a_caption_is_the_headline() -> None:
    headline = "Cao Yu went to Puzhen to preach on studying the history of the party."
    parts = split_page(page(headline, *BODY, headline, "The district will go on."))
    assert parts.title is not None and parts.title.text == headline
    assert [p.text for p in parts.body] == [*BODY, "The district will go on."]


def test_date_a_page_store_glued_before_the_first_line_is_a_cell() -> None:
    title = "The city holds a meeting on the second half of the year"
    parts = split_page(page(f" date 2024-01-12 {title}", "09:33, January 12, 2024", *BODY))
    assert parts.title is not None and parts.title.text == title


def test_headline_ending_in_an_initialism_is_not_a_sentence() -> None:
    title = "Chinese delegation visits sister city in Midwest U.S."
    parts = split_page(page(title, "Source: Xinhua| 2018-12-06 05:52:50|Editor: yan", *BODY))
    assert parts.title is not None and parts.title.text == title


SIDEBAR = [  # other stories' headlines and one-sentence summaries, over the page's own
    "Automakers issue recalls in October",
    "Tianjin FAW Toyota would recall 134,234 vehicles, the regulator said.",
    "Fighter jets to cut a dash at the air show",
    "The new paint scheme will make its debut later this month.",
]


def test_sidebar_of_short_stories_before_the_page_own_story() -> None:
    own = [
        "The new area opens on Monday.",
        "About 200 officials attend.",
        "It covers two districts.",
    ]
    parts = split_page(
        page(
            *SIDEBAR,
            "Binhai New Area",
            "Binhai new area officially opens",
            *own,
        )
    )
    assert parts.title is not None and parts.title.text == "Binhai new area officially opens"
    assert [p.text for p in parts.body] == own
    assert [t.title.text for t in parts.teasers] == [
        "Automakers issue recalls in October",
        "Fighter jets to cut a dash at the air show",
    ]
    assert ("stray", "Binhai New Area") in [(k, line.text) for k, line in parts.furniture]


def test_headline_written_over_each_picture_starts_the_own_story_after_a_sidebar() -> None:
    title = "Foreign friends engage in the city's management"
    own = [
        "More than 20 foreigners were invited to experience the city's management work.",
        "They visited the West Station and praised its cleanliness.",
    ]
    parts = split_page(
        page(
            *SIDEBAR,
            title,
            title,
            "Foreign friends learning how to make paper cuttings in the park.",
            title,
            "An interpreter explaining the station's cleaning work to the visitors.",
            *own,
        )
    )
    assert parts.title is not None and parts.title.text == title
    assert [p.text for p in parts.body] == own  # the captions under each picture's title go
    assert len(parts.teasers) == 2
    assert ("caption", "Foreign friends learning how to make paper cuttings in the park.") in [
        (k, line.text) for k, line in parts.furniture
    ]


def test_outlet_beside_a_date_is_a_byline_not_a_headline_entry() -> None:
    title = "The city holds a meeting on the second half of the year"
    parts = split_page(page(title, "|Xinhua|2019-04-04 11:39:37", *BODY))
    assert [b.text for b in parts.bylines] == ["|Xinhua|2019-04-04 11:39:37"]
    assert [p.text for p in parts.body] == BODY and parts.teasers == []


def test_photo_story_keeps_its_captions_as_its_text() -> None:
    caption = "Delegates visit the Li Zijian Art Museum. (Photo/Yang Huafeng)"
    parts = split_page(page("Delegates tour the art museum", "2019-04-04", caption))
    assert [p.text for p in parts.body] == ["Delegates visit the Li Zijian Art Museum."]
    assert parts.captions[0].text == caption  # its photographer is credited


def test_a_headline_alone_over_captions_heads_a_photo_story() -> None:
    """No byline and no other text: the one line over the captions is the headline, and
    the captions, the story's text (a blog's copy of Xinhua's pictures, verbatim)."""
    captions = [
        (
            "This aerial photo taken on April 15, 2023 shows a tea garden in Tiankan Village of"
            " Kaiyang County, southwest China\\’s Guizhou Province. (Xinhua/Yang Ying)"
        ),
        (
            "Villagers pick tea leaves at a tea garden of Dongguan Village in Kaiyang County,"
            " southwest China\\’s Guizhou Province, April 15, 2023. (Photo by Yuan Fuhong/Xinhua)"
        ),
    ]
    title = "In pics: tea harvest in Guizhou, SW China"
    parts = split_page(page(title, *captions, "Leave a Reply"))
    assert parts.title.text == title
    assert len(parts.body) == 2 and parts.body[0].text.startswith("This aerial photo taken")


def test_caption_closed_by_its_credit_over_the_wire_dateline_is_no_body() -> None:
    caption = (
        "A central delegation receives warm welcome at the airport in Nanning, south China's"
        " Guangxi Zhuang Autonomous Region, Dec. 9, 2018. The delegation, led by Wang Yang, a"
        " member of the Standing Committee of the Political Bureau of the Communist Party of"
        " China (CPC) Central Committee and chairman of the National Committee of the Chinese"
        " People's Political Consultative Conference (CPPCC), arrived here Sunday to attend"
        " festivities marking the 60th anniversary of the region's founding. (Xinhua/Liu Bin)"
    )  # longer than any caption the furniture table knows
    story = [
        "NANNING, Dec. 9 (Xinhua) -- A central delegation arrived in Nanning on Sunday.",
        "The delegation presented the region with souvenirs.",
    ]
    parts = split_page("\n" + "\n".join([caption, *story]) + "\n")  # no headline stored
    assert [p.text for p in parts.body] == story
    assert caption in [line.text for _kind, line in parts.furniture]


def test_labelled_date_glued_before_the_first_paragraph_is_the_byline() -> None:
    first = (
        "More than 100 journalists from different parts of China ended a three-day visit to"
        " Xi'an, capital of Northwest China's Shaanxi Province. The visit was aimed at giving"
        " journalists from different parts of the country a chance to experience the city."
    )
    parts = split_page(
        page(
            "Journalists from throughout China visit Xi'an",
            "(China Daily)",
            f"Updated: 2008-08-05 11:36 {first}",
            BODY[0],
        )
    )
    assert "Updated: 2008-08-05 11:36" in [b.text for b in parts.bylines]
    assert [p.text for p in parts.body] == [first, BODY[0]]


def test_agency_picture_credit_is_cut_from_the_text() -> None:
    text = " ".join([BODY[1]] * 8)  # a paragraph, too long for a caption
    parts = split_page(page("The city holds a meeting", "2019-04-04", f"{text} (Xinhua/Li Jianan)"))
    assert [p.text for p in parts.body] == [text]
    assert [c.text for c in parts.captions] == [f"{text} (Xinhua/Li Jianan)"]  # credited


def test_headlines_run_together_on_one_line_above_the_story() -> None:
    titles = ["Loans to small businesses rise", "Digital banks reach villages", "Poverty mapped"]
    title = "The city holds a meeting on the second half of the year"
    parts = split_page(page("Off the wire", "  •  ".join(titles), title, "2024-12-11", *BODY))
    assert parts.title is not None and parts.title.text == title
    assert [h.title.text for h in parts.headlines] == titles


def test_captions_credited_in_capitals_are_the_text_of_a_photo_story() -> None:
    captions = [
        "A farmer harvests marigolds in Jietou township on Aug 17. ZHANG WEI/CHINA DAILY",
        "Workers process cocoons at a factory in Longchuan on Aug 21. ZHANG WEI/CHINA DAILY",
    ]
    parts = split_page(page("Snapshots of Poverty Battle", "2020-09-11", *captions))
    assert [p.text for p in parts.body] == [
        captions[0],
        "Workers process cocoons at a factory in Longchuan on Aug 21.",
    ]
    assert [c.text for c in parts.captions] == captions


def test_headlines_cut_short_with_an_ellipsis_under_a_list_header() -> None:
    title = "The city holds a meeting on the second half of the year"
    related = [
        "Sino-Russian lab to help advance Siberian ...",
        "China prepares to launch relay satellite Q...",
    ]
    parts = split_page(page(title, "2024-03-18", *BODY, "Related News", *related))
    assert [h.title.text for h in parts.headlines] == related


def test_listing_with_a_long_capitalised_headline() -> None:
    stories = [
        ("The Reconstruction of Three Roads Became the Benchmarking Project", BODY[0]),
        (
            (
                "Li Huannan Led a Group to Visit the Senior Party Members, Workers in Need, "
                "Veterans and Workers on Duty during Holiday Send Holiday Greetings to Them"
            ),
            BODY[1],
        ),
        ("Guangming New District Took the Lead in Land Preparation", BODY[0]),
    ]
    parts = split_page(page(*(line for story in stories for line in story)))
    assert [t.title.text for t in parts.teasers] == [title for title, _ in stories[1:]]


def test_chinese_paragraph_over_its_translation_is_no_headline_nor_body() -> None:
    chinese = "郑州与开封、新乡、焦作、许昌四市深度融合的郑州大都市区，以河南省百分之九点六的面积，集聚了河南近两成的人口和超过三成的经济总量，引领带动中原城市群迈进。"
    parts = split_page(page("Zhengzhou, the Leader", chinese, *BODY))
    assert parts.title is not None and parts.title.text == "Zhengzhou, the Leader"
    assert [p.text for p in parts.body] == BODY


def test_date_written_after_the_headline_on_its_line() -> None:
    parts = split_page(page("Asian Media Delegation Visited Tangshan City 2018-11-08", *BODY))
    assert (
        parts.title is not None
        and parts.title.text == "Asian Media Delegation Visited Tangshan City"
    )
    assert [b.text for b in parts.bylines] == ["2018-11-08"]


@pytest.mark.parametrize(
    "line",
    [
        "[2018-11-08] Asian Media Delegation Visited Tangshan City",
        "(2018-11-08) Asian Media Delegation Visited Tangshan City",
    ],
)
def test_date_in_brackets_before_the_headline_on_its_line(line: str) -> None:
    parts = split_page(page(line, *BODY))
    assert parts.title.text == "Asian Media Delegation Visited Tangshan City"
    assert [b.text for b in parts.bylines] == [line.split()[0]]


def test_a_subtitle_opening_with_a_dash_is_not_the_headline() -> None:
    sub = "—— The city's fifth crossing opens to traffic after three years"
    parts = split_page(page("Hunan opens new bridge over Xiang River", sub, "2023-05-06", *BODY))
    assert parts.title.text == "Hunan opens new bridge over Xiang River"
    assert [p.text for p in parts.body] == BODY


def test_a_line_alone_with_a_lists_dash_under_the_headline_is_its_subtitle() -> None:
    title = "Strengthen the leadership of the party to the people's Congress work"
    sub = "– Datong County People's Congress held a meeting of the National People's Congress"
    parts = split_page(page(title, sub, "conference site", *BODY))
    assert parts.title.text == title
    assert [p.text for p in parts.body] == BODY


@pytest.mark.parametrize(
    ("head", "title"),
    [
        (
            "Chinanews.com, Jiangmen, April 18th. Title: Traveling and returning home",
            "Traveling and returning home",
        ),
        # the label (题) dropped by the translation, its colon kept (verbatim)
        (
            (
                "China News Agency, Tianjin, February 3rd: Tianjin Wetland Restoration and Treatment "
                'Attracts Migratory Birds to "Dance"'
            ),
            'Tianjin Wetland Restoration and Treatment Attracts Migratory Birds to "Dance"',
        ),
    ],
)
def test_a_translated_wire_head_gives_the_title_after_its_label(head: str, title: str) -> None:
    parts = split_page(page(head, "China News Service reporter Yang Chengchen", *BODY))
    assert parts.title.text == title


def test_a_section_head_opened_with_a_dash_after_a_picture_credit_is_in_the_story() -> None:
    story = [
        "The Wuyi Overseas Chinese Plaza in Jiangmen is across the street from new shops.",
        "Visitors read the schedule of the cruise ships used by emigrants.",
        "Photo by Wang Jun",
        "——Going far away to make a living",
        "Jiangmen, also known as Wuyi, is known as the first hometown of overseas Chinese.",
        "The city has a population of 4.2 million.",
    ]
    parts = split_page(page("A century of overseas Chinese in Jiangmen", "2021-04-18", *story))
    assert [p.text for p in parts.body] == [story[0], *story[3:]]  # the caption goes
    assert parts.teasers == []


def test_a_headline_with_a_round_bullet_under_a_site_line_is_no_subtitle() -> None:
    title = 'Twelve Steps towards "Green Hunan"'
    parts = split_page(
        page("World Natural Heritage World Geopark", "shuire@gmail.com ZJJOnine", f"  • {title}",
             title, *BODY)
    )  # fmt: skip
    assert parts.title.text == title


def test_a_share_bar_of_chinese_networks_is_furniture() -> None:
    text = page(
        "Hunan opens new bridge over Xiang River", "Share to: WeChat Weibo QQ", "2023-05-06", *BODY
    )
    parts = split_page(text)
    assert parts.title.text == "Hunan opens new bridge over Xiang River"
    assert ("share_bar", "Share to: WeChat Weibo QQ") in [
        (k, line.text) for k, line in parts.furniture
    ]


def test_editors_signed_at_the_end_of_the_last_paragraph() -> None:
    last = BODY[1] + " Edited by Lin Hong and Roger Bradshaw"
    parts = split_page(page("The city holds a meeting", "2013-10-09", BODY[0], last))
    assert [p.text for p in parts.body] == BODY
    assert [c.text for c in parts.credits] == ["Edited by Lin Hong and Roger Bradshaw"]


def test_writer_and_date_glued_after_the_headline() -> None:
    line = "City of Yinchuan becoming a wine hub by Ning Hong09/09/2022"
    parts = split_page(page(line, *BODY))
    assert parts.title is not None and parts.title.text == "City of Yinchuan becoming a wine hub"
    assert [b.text for b in parts.bylines] == ["by Ning Hong", "09/09/2022"]
    crowded = "Beaches of Sanya crowded by Tourists"
    assert split_page(page(crowded, *BODY)).title.text == crowded


def test_story_goes_on_after_a_byline_line_under_its_first_paragraph() -> None:
    title = "The city holds a meeting on the second half of the year"
    parts = split_page(
        page(title, BODY[0], "Updated: 16-10-2024", "• Country:", "• China", BODY[1])
    )
    assert [p.text for p in parts.body] == BODY
    assert parts.teasers == [] and parts.headlines == []


def test_menu_items_under_a_list_header_are_not_headlines() -> None:
    title = "The city holds a meeting on the second half of the year"
    menu = ["Attraction", "Dining", "Culture Figures"]
    parts = split_page(page(title, "2023-02-23", *BODY, "Related news", *menu))
    assert parts.headlines == []


@given(
    st.lists(
        st.sampled_from(["a", "A", "1", " ", "   ", "\t", "\u3000", "2022-05-24", "x"]), max_size=14
    ).map("".join)
)
def test_a_date_cell_needs_a_gap_near_the_line_end(text):
    if DATE_CELL.search(text) is not None:
        assert GAP.search(text, max(0, len(text) - GAP_TAIL)) is not None


@pytest.mark.parametrize("line", ["2019-03-05 | Hits: 345", "2019-03-05 | Views: 12"])
def test_a_date_beside_a_view_counter_is_a_byline_not_a_headline(line: str) -> None:
    assert _kind(line) == "meta"
    assert parse_byline(line) == Byline(None, "2019-03-05")


def test_a_date_beside_a_comment_link_is_no_headline() -> None:
    assert _kind("March 30, 2017 | |Post a Comment") == "meta"


def test_a_date_beside_a_title_is_a_headline() -> None:
    assert _kind("2019-03-05 | Xi meets the press") == "entry"


def test_a_credit_in_a_cell_before_the_paragraph_is_a_line_of_its_own() -> None:
    """A wide gap parts a cell from the paragraph it stands before ("File photo: IC", dq_
    oxnews); a word of the text's own cell stays with it (a genre's label, "Analysis", is
    cut off the story later: without_kickers)."""
    lead = (
        "Police in southwest China's Guizhou Province have seized 1.2 tonnes of drugs in a"
        " case that spanned three provinces, the provincial public security department said"
        " on Thursday, after an operation that lasted four months."
    )
    parts = split_page(page("Police seize drugs in Guizhou", "File photo: IC      " + lead, *BODY))
    assert [p.text for p in parts.body] == [lead, *BODY]
    labelled = "Update      " + lead
    parts = split_page(page("Police seize drugs in Guizhou", labelled, *BODY))
    assert parts.body[0].text == labelled


def test_a_date_beside_by_in_capitals_is_a_byline_without_an_outlet() -> None:
    assert _kind("January 5, 2023 | BY admin") == "meta"
    assert parse_byline("January 5, 2023 | BY admin") == Byline(None, "January 5, 2023")


def test_a_chinese_headline_beside_its_date_is_an_entry_an_outlet_s_name_a_byline() -> None:
    """Chinese has no spaces: one "word" longer than an outlet's name is a headline (dv_
    shio's Chinese titles over English leads)."""
    assert _kind("第六届世界龙狮锦标赛在浦东举办 - 2017年09月26日") == "entry"
    assert _kind("新华网 - 2017年09月26日") == "meta"


LIGHT_SHOWS = [
    "Xiamen and its sister city of Guadalajara held light shows to celebrate their ties.",
    "The shows lit up the Xiamen Shimao Straits Tower.",
]


def test_the_next_story_of_a_numbered_collection_is_a_teaser() -> None:
    parts = split_page(
        page(
            "News Share (Feb 1-28)", "Updated:2022-02-28",
            "1. Xiamen, Guadalajara light shows celebrate ties", *LIGHT_SHOWS,
            "2. Xiamen, Fortaleza stage video conference", SNIPPET,
        )
    )  # fmt: skip
    assert parts.title.text == "Xiamen, Guadalajara light shows celebrate ties"
    assert [p.text for p in parts.body] == LIGHT_SHOWS
    assert [(t.title.text, [p.text for p in t.body]) for t in parts.teasers] == [
        ("Xiamen, Fortaleza stage video conference", [SNIPPET])
    ]


def test_a_numbered_subhead_of_an_unnumbered_story_stays_in_its_body() -> None:
    parts = split_page(page("A title", "Updated:2022-02-28", *BODY, "2. The second step", *BODY))
    assert [p.text for p in parts.body] == [*BODY, "2. The second step", *BODY]


@pytest.mark.parametrize(
    ("line", "date", "outlet"),
    [
        ("Font size: A A A  2022-01-01 10:20", "2022-01-01 10:20", None),
        ("【Print】【Close】 2022-01-01", "2022-01-01", None),
        ("Text size: A+ A-   Published: 01-Jan-2022", "01-Jan-2022", None),
        (
            "2022-01-01 10:20:30   Source: Xinhua   [Font: Large Medium Small]",
            "2022-01-01 10:20:30",
            "Xinhua",
        ),
    ],
)
def test_a_toolbar_holding_the_date_is_a_byline(line: str, date: str, outlet: str | None) -> None:
    assert _kind(line) == "meta"
    assert parse_byline(line) == Byline(outlet, date)


def test_a_toolbar_without_a_date_stays_furniture() -> None:
    assert _kind("Font size: A A A") == "share_bar"
    assert parse_byline("Source: Top News").outlet == "Top News"


def test_a_line_of_chinese_links_with_a_few_latin_letters_is_chinese() -> None:
    spam = " I ".join(
        ["欧美色图片", "99国产精品一区二区", "国产免费一区二区三区免费视频", "一区av在线"] * 8
    )
    assert len(spam) > 300
    assert _kind(spam) == "chinese"
    assert _kind("Spring in Zhengzhou 丨春到登封") == "text"
    parts = split_page(page(spam, "A title", "Source: Xinhua", *BODY))
    assert parts.title.text == "A title" and [p.text for p in parts.body] == BODY


def test_a_headline_under_the_first_paragraph_is_the_title() -> None:
    lead = "PINGXIANG, China, Oct. 19, 2024 /PRNewswire/ -- Foreign journalists from seven countries visited Pingxiang, the Pearl of Western Jiangxi."
    title = 'My China Story: The "Pearl of Western Jiangxi" attracted foreign journalists'
    text = page(lead, title, *BODY)
    parts = split_page(text)
    assert parts.title.text == title
    assert [p.text for p in parts.body] == [lead, *BODY]
    assert all(line != parts.title for _kind, line in parts.furniture)
    assert_offsets(text, parts)


def test_a_picture_s_tags_under_the_byline_are_no_headline() -> None:
    """The Nanfang's blog: the headline, "Posted: ...", the picture's tags in lower case, then
    a lead that names its source at its end ("..., reports Sina.": no writer's byline)."""
    title = "Special Bus Windows in Guangzhou Break Themselves In Case of Emergency"
    tags = "automatic bus window exit guangzhou"
    lead = (
        "Approximately 70 Guangzhou buses have been equipped with windows that break "
        "themselves in case of an emergency, reports Sina."
    )
    more = "The automatic window breakers are controlled by the bus driver, who can break them."
    parts = split_page(
        page("The Nanfang / Blog", title, "Posted: 07/22/2014 12:04 pm", tags, lead, more)
    )
    assert parts.title.text == title
    assert parts.body[0].text == lead


def test_a_wire_story_starts_at_its_dateline_under_the_page_s_summary() -> None:
    """imsilkroad's "Abstract : ...", then the Xinhua story: the summary is no paragraph of it;
    a story whose second paragraph opens with a dateline after four others is left alone."""
    title = "Ningbo-Zhoushan Port records more container throughput"
    summary = "Abstract : East China's Ningbo-Zhoushan Port has kept up its momentum this year."
    lead = "BEIJING, March 9 (Xinhua) -- East China's Ningbo-Zhoushan Port handled more boxes."
    parts = split_page(page(title, "2021-03-09", summary, lead, *BODY))
    assert [p.text for p in parts.body] == [lead, *BODY]
    assert ("deck", summary) in [(kind, line.text) for kind, line in parts.furniture]
    parts = split_page(page(title, "2021-03-09", *BODY, *BODY, lead))
    assert parts.body[0].text == BODY[0]


def test_a_headline_over_a_deck_a_little_longer_is_the_headline() -> None:
    """SCMP: a headline of sixteen words over a deck of twenty, then PUBLISHED; and a share bar
    with the day over the headline is no headline over a deck."""
    title = "Tai O villagers urge review of Hong Kong flood prevention amid long clean-up after Typhoon Hato"
    deck = (
        "Some claim a levee on Lantau Island meant to stop water getting in ended up preventing "
        "floodwater from draining out of the village"
    )
    published = "PUBLISHED : Thursday, 31 August, 2017, 8:35am"
    parts = split_page(page("Typhoon Hato", title, deck, published, *BODY))
    assert parts.title.text == title
    name = "bb_news_peoplecn_luoyang_prosperous_society_2020.txt"  # the bar, then the headline
    parts = split_page(tune_page(name))
    assert parts.title.text.startswith("Henan’s Luoyang achieves new progress")


@pytest.mark.parametrize(
    "name",
    [
        "fb_gov_tainan_354th_municipal_meeting_minutes_2018.txt",  # "1. ...", then "(1) ..."
        "fq_tainan_gov_274th_meeting_minutes_2016.txt",  # "1. ...", then "a. ..."
    ],
)
def test_a_numbered_heading_over_its_items_is_no_headline(name: str) -> None:
    """Tainan's meeting minutes (real pages): the headline, its date, "Mayor's Remarks:", then
    a numbered heading over its items: a section's heading, not the title."""
    parts = split_page(tune_page(name))
    assert parts.title.text.startswith("Minutes of Tainan City Government")


def test_a_headline_that_ends_in_an_abbreviation_is_no_sentence() -> None:
    """SCIO's notices: "... on June 17 (10 a.m.)" ends in "a.m.", not a full stop."""
    title = "Notice of SCIO press conference on June 17 (10 a.m.)"
    summary = "The State Council Information Office will hold a press conference on Monday."
    lines = ("Home > Press Room > Notice >", title, "Press Conference", summary)
    parts = split_page(page(*lines, "China SCIOUpdated: June 14, 2019", *BODY))
    assert parts.title.text == title


def test_a_headline_under_the_whole_story_over_its_byline_is_the_title() -> None:
    """A repost that put the story first (rednet's Hunan channel): its one paragraph, the
    headline, the source and date."""
    story = (
        "The inaugural event of Hunan Museum's Mobile Museum in Zhangjiajie was held at the "
        "Zhangjiajie Minzu Primary School on September 23."
    )
    title = "Hunan Museum Launches Mobile Museum at Schools in Zhangjiajie"
    text = page(story, title, "Source: enghunan.gov.cn", "Updated: 2024-09-26 15:06:39")
    parts = split_page(text)
    assert parts.title.text == title
    assert [p.text for p in parts.body] == [story]
    assert_offsets(text, parts)


@pytest.mark.parametrize(
    "caption",
    [
        "The picture shows the exterior view of Lizi Port, courtesy of the Shigatse Bureau",
        "Renhou Wen Gong Ancestral Hall in Meixian, photo by Meizhou Daily, photographer Lian",
        "Signing ceremony site of the Haixi projects in Qinghai.Three rows of trouble Wu photo",
    ],
)
def test_a_caption_under_the_first_paragraph_is_no_late_headline(caption: str) -> None:
    """A picture after an untitled story's first paragraph, its caption sharing the lead's
    words (a repost that opens with its lead): text of no title, however like a headline."""
    lead = (
        "On 19 September, the working group inspected Lizi Port of the Shigatse Bureau, a "
        "new port for the Haixi projects in Qinghai, the Meixian hall and Lian Wu of Meizhou."
    )
    parts = split_page(page(lead, caption, *BODY))
    assert parts.title is None


@pytest.mark.parametrize(
    "link",
    [
        "ALSO READ: Restoring the collective memory",
        "READ MORE: Restoring the collective memory",
    ],
)
def test_a_link_to_another_story_between_paragraphs_is_a_headline_not_the_end(link: str) -> None:
    """China Daily Hong Kong links another story by its title between two paragraphs (here of
    a page the store kept without its headline): a related headline, and the story goes on
    under it."""
    lead = "The government is committed to promoting countryside conservation in Kuk Po."
    parts = split_page(page(lead, link, *BODY))
    assert [p.text for p in parts.body] == [lead, *BODY]
    assert [h.title.text for h in parts.headlines] == ["Restoring the collective memory"]
    assert not parts.teasers


def test_a_subhead_under_the_first_paragraph_of_a_titled_story_stays_in_it() -> None:
    lead = (
        "Foreign journalists from seven countries visited Pingxiang, the Pearl of Western Jiangxi."
    )
    sub = "Foreign journalists visit the Pearl of Western Jiangxi"
    parts = split_page(page("A title", "Source: Xinhua", lead, sub, *BODY))
    assert parts.title.text == "A title"
    assert [p.text for p in parts.body] == [lead, sub, *BODY]


def test_the_headline_the_page_writes_twice_beats_a_lead_in_line() -> None:
    headline = "Media: The impressions of Hunan Province"
    kicker = "Xin Yue, a journalist from China Arab TV says that Hunan will have a promising future"
    text = page(headline, "2018-03-14 13:51:38", headline, kicker, *BODY)
    parts = split_page(text)
    assert parts.title.text == headline
    assert [b.text for b in parts.bylines] == ["2018-03-14 13:51:38"]


def test_a_subtitle_between_the_headline_and_its_byline_is_passed() -> None:
    lead = "The landscape of China's wild west is dry, rocky and colourful."
    parts = split_page(page("Home >> Land of China", "China's Wild West", "Gansu Province",
                            "13 September 2009", lead, *BODY))  # fmt: skip
    assert parts.title.text == "China's Wild West"
    assert [b.text for b in parts.bylines] == ["13 September 2009"]
    assert [p.text for p in parts.body] == [lead, *BODY]


def test_a_run_of_titles_after_the_story_is_a_list_under_its_lead_in() -> None:
    titles = [
        "Dongting Lake: Back for clear waters (People's Daily)",
        "Dongting Lake: Actual works for clear waters (CCTV)",
        "Du Jiahao: Solid work on protecting Dongting Lake (CNR News)",
    ]
    parts = split_page(
        page("A title", "Source: Xinhua", *BODY, "What do the media report for Hunan?", *titles)
    )
    assert [p.text for p in parts.body] == BODY
    assert [h.title.text for h in parts.headlines] == titles
    assert [h.text for h in parts.list_headers] == ["What do the media report for Hunan?"]


def test_a_run_of_title_lines_without_a_lead_in_is_no_list() -> None:
    menu = [
        "Policies and Regulations Today",
        "Free Trade Zone Services",
        "Culture Figures of Qingdao",
    ]
    parts = split_page(page("A title", "Source: Xinhua", *BODY, *menu))
    assert parts.headlines == []


def test_headline_sized_titles_closing_the_page_are_headlines() -> None:
    """Two titles under the story's last paragraph, nothing after them: other stories'."""
    titles = [
        "Comprehensive Bonded Zone of the Chengdu Hi-tech Zone Recorded RMB 215.7 Billion",
        "2022 World Table Tennis Championships to Be Held in Chengdu",
    ]
    parts = split_page(page("A title", "Source: Xinhua", *BODY, *titles))
    assert [h.title.text for h in parts.headlines] == titles
    assert [p.text for p in parts.body] == BODY
    cut = "In Cuiheng, a village in Zhongshan, stands"  # a paragraph the store cut, no title
    parts = split_page(page("A title", "Source: Xinhua", *BODY, titles[1], cut))
    assert parts.headlines == []


def test_lines_of_a_poem_are_no_list_of_titles() -> None:
    poem = [
        "Hunan, an important birthplace of",
        "the Chinese revolution,",
        "welcomes new opportunities,",
    ]
    parts = split_page(page("A title", "Source: Xinhua", *BODY, *poem, "The poem was read aloud."))
    assert parts.headlines == [] and [p.text for p in parts.body][-1] == "The poem was read aloud."


def test_a_blog_post_date_with_its_categories_is_a_byline() -> None:
    assert _kind("April 30, 2010 in About Qingdao, Events") == "meta"
    assert parse_byline("April 30, 2010 in About Qingdao, Events") == Byline(None, "April 30, 2010")


def test_a_title_and_snippet_over_a_more_link_are_a_teaser() -> None:
    title = "Sub-district and school cooperate in training grassroots personnel"
    snippet = (
        "The training base of the sub-district has provided training to 611 people, including othe"
    )
    parts = split_page(page("A title", "Source: Xinhua", *BODY, title, snippet + "... [MORE]"))
    assert [p.text for p in parts.body] == BODY
    assert [(t.title.text, [p.text for p in t.body]) for t in parts.teasers] == [(title, [snippet])]


def test_a_title_with_a_writers_byline_under_it_starts_the_next_story() -> None:
    title = "Translation Tuesday: Chinese Medical Personnel in Africa"
    assert _kind(title) == "text"  # not a translator's credit
    parts = split_page(page("A title", "By Wu Yue", *BODY, title, "By Laiyin Yuan", SNIPPET))
    assert [p.text for p in parts.body] == BODY
    assert [(t.title.text, [m.text for m in t.meta]) for t in parts.teasers] == [
        (title, ["By Laiyin Yuan"])
    ]


def test_a_line_over_an_editors_credit_stays_in_the_story() -> None:
    parts = split_page(page("A title", "By Wu Yue", *BODY, "Contact us at english@jschina.com.cn",
                            "Source:jschina.com.cn Author:Wei Xin Editor:Nicky"))  # fmt: skip
    assert parts.teasers == []
    assert [c.text for c in parts.credits] == ["Source:jschina.com.cn Author:Wei Xin Editor:Nicky"]


def test_a_line_over_the_closing_credits_is_the_story_not_a_subtitle() -> None:
    parts = split_page(page("Park opens", "The the park opened. boom", "Editor: Feng Lili"))
    assert [p.text for p in parts.body] == ["The the park opened. boom"]
    assert [c.text for c in parts.credits] == ["Editor: Feng Lili"] and parts.bylines == []


def test_a_paragraph_over_the_date_is_the_story_not_its_headline() -> None:
    paragraph = "In Zhaojue County, 98 households raise sheep. Officials set up a cooperative."
    parts = split_page(page(paragraph, "Updated 10:20, 02-Jan-2019"))
    assert parts.title is None
    assert [p.text for p in parts.body] == [paragraph]


def test_a_list_under_its_header_after_a_stray_label_is_a_list_not_teasers() -> None:
    titles = [
        "CPC establishes ties with over 600 political parties, organizations worldwide",
        "CPC leadership is key to China's transformation: Japanese businessman",
        "Many lessons can be learned from CPC's governance: U.S. expert",
        "Scientists hail Xi's speech on innovation",
    ]
    text = page("A title", "By Wu Yue", *BODY, "(Web editor: Guo Wenrui, Liang Jun)", "Photos",
                "Related Stories", "\n".join(f"- {t}" for t in titles))  # fmt: skip
    parts = split_page(text)
    assert parts.teasers == []
    assert [h.title.text for h in parts.headlines] == titles


def test_a_photo_storys_headline_is_the_line_over_its_dated_byline_not_a_label_above() -> None:
    caption = (
        "A herdsman brings his sheep to graze on the grassland, Jan. 31, 2023. (Xinhua/Li Hua)"
    )
    parts = split_page(page("We Are China", "Herdsman grazes sheep on snow-covered grassland",
                            "(People's Daily Online) 17:53, February 02, 2023", caption))  # fmt: skip
    assert parts.title is not None and parts.title.text.startswith("Herdsman")
    assert [b.text for b in parts.bylines] == ["(People's Daily Online) 17:53, February 02, 2023"]


@pytest.mark.parametrize("header", ["Related >>", "Most popular >>", "Most Read"])
def test_related_and_most_popular_head_lists_of_headlines(header: str) -> None:
    titles = ["Military parade training for 60th anniversary", "Man makes longest wedding dress"]
    parts = split_page(page("A title", "By Wu Yue", *BODY, header, "\n".join(titles)))
    assert parts.teasers == []
    assert [h.title.text for h in parts.headlines] == titles


def test_a_sections_name_over_its_more_link_heads_a_list_not_a_teaser() -> None:
    titles = ["High Relief Rubbing Art Exhibition opens in Shang Capital Ruins Museum",
              "China (Zhengzhou) Yellow River Culture Month"]  # fmt: skip
    parts = split_page(page("A title", "By Wu Yue", *BODY, "Zhengzhou Release", "more", *titles))
    assert parts.teasers == []
    assert [h.title.text for h in parts.headlines] == titles


def test_a_listed_title_with_its_date_and_no_snippet_is_a_dated_headline() -> None:
    text = page("Fires extinguished in Yimuhe forest      2017-05-03", BODY[0],
                "Rhododendrons blossom in Oroqen      2017-05-02", BODY[1],
                "Infographics: Inner Mongolia in numbers      2017-04-28",
                "Fire emergency exercise held in Tongliao      2017-04-28", BODY[0])  # fmt: skip
    parts = split_page(text)
    assert [(h.title.text, h.date.text) for h in parts.headlines] == [
        ("Infographics: Inner Mongolia in numbers", "2017-04-28")
    ]
    assert [t.title.text for t in parts.teasers] == [
        "Rhododendrons blossom in Oroqen",
        "Fire emergency exercise held in Tongliao",
    ]


def test_a_long_caption_over_the_text_is_no_headline() -> None:
    caption = (
        "Dragon boat athletes, accompanied by the powerful and rhythmic drumbeats, vigorously "
        "paddle their boats in a fast-paced race at the Dahu Bay Scenic Area in Gaotai county, "
        "Zhangye, Gansu province, on June 10, 2024. [Photo provided to gogansu.com]"
    )
    title = "Over 40,000 tourists enjoy Dragon Boat Festival in Gaotai"
    parts = split_page(page(title, caption, "-", BODY[0]))
    assert parts.title is not None and parts.title.text == title


def test_a_salutation_is_no_headline() -> None:
    title = "Remarks by Liu Xinfeng at the Xi'an Promotion Day"
    parts = split_page(page(title, "Dear Guests, Our friends from the media,", *BODY))
    assert parts.title is not None and parts.title.text == title


def test_a_bulleted_menu_above_the_story_gives_no_headlines() -> None:
    menu = "• Home\n  • >\n  • Government\n  • Work report"
    parts = split_page(page(menu, "Report on the Work of Xi'an Municipal Government", *BODY))
    assert parts.headlines == []


def test_a_headline_of_several_sentences_over_its_byline_and_story_is_the_headline() -> None:
    title = "The first seafood is ashore. What is the price? Follow Xiaobu to see"
    parts = split_page(page(title, "Text/Zhou Min Picture/Jiang Wen", *BODY))
    assert parts.title is not None and parts.title.text == title


def test_a_date_alone_over_a_title_and_its_text_dates_that_story() -> None:
    title = "Discover China: Run-down house finds new life as deluxe hotel"
    parts = split_page(page("20/05/2020", "A title", *BODY, "Source: Xinhua", "03/10/2019", title,
                            "FUZHOU, Oct. 3 (Xinhua) -- Zheng Yangmei, 35, has mixed feelings."))  # fmt: skip
    assert parts.headlines == []
    assert [(t.title.text, [m.text for m in t.meta]) for t in parts.teasers] == [
        (title, ["03/10/2019"])
    ]


def test_a_date_and_its_bar_over_each_listed_title_dates_the_story_under_it() -> None:
    # The News Lens's tag page: "2018/08/10 |", a title, its one-line summary, the next date
    stories = [
        ("2018/08/10 |", "Taiwan News: Taipei Mayor Ko Snarls at DPP 'Censorship'",
         "Your daily bulletin of Taiwan news, courtesy of ICRT."),
        ("2018/07/11 |", "Taiwan Spared Major Damage by Typhoon Maria",
         "Labeled a Category 5 storm as recently as yesterday, Typhoon Maria weakened."),
        ("2018/06/26 |", "Taipei Bans Bottled Water and Disposable Utensils in Schools",
         "The Taipei City Government has decided to ban bottled water in schools."),
    ]  # fmt: skip
    parts = split_page(page("2018/08/27 |", "A title", *BODY, *(l for s in stories for l in s)))
    assert [(t.title.text, [m.text for m in t.meta]) for t in parts.teasers] == [
        (title, [date]) for date, title, _summary in stories
    ]


def test_briefs_under_the_page_date_and_an_untitled_lead_are_dated_by_it() -> None:
    # Shanghai Daily's district briefs: the page's date, a lead without a title, the briefs
    briefs = [
        ("Ancient town renovation", "The Zhaojialou ancient town will be closed for a renovation."),
        ("Diesel bus 'retires'", "The last diesel bus of the Xumin line retired this month."),
    ]  # fmt: skip
    lead = "Gold foliage in Pujiang Country Park and a fashion show are among the sights this week."
    parts = split_page(page("date 2022-12-20", lead, *(line for b in briefs for line in b)))
    assert [b.text for b in parts.bylines] == ["date 2022-12-20"]
    assert [(t.title.text, [m.text for m in t.meta]) for t in parts.teasers] == [
        (title, ["date 2022-12-20"]) for title, _text in briefs
    ]


def test_a_listing_whose_first_title_is_dated_does_not_date_the_others() -> None:
    # a news site's list (tests/fixtures/realworld/tune/ew_prologuejournal_*): the date over
    # the first title is that story's; the others state none
    parts = split_page(page("11/19/2024", *(line for pair in CUT_LISTING for line in pair)))
    assert parts.bylines[0].text == "11/19/2024"
    assert [t.meta for t in parts.teasers] == [(), (), ()]


def test_byline_fields_glued_after_the_headline_from_a_date_on() -> None:
    page = (
        "Online media embarks on journey to experience Henan2012-7-2 16:41:00 From:"
        " http://english.peopledaily.com.cn\n"
        "Zhengzhou, May 30 (People's Daily Online) The event kicked off in Zhengzhou on Tuesday.\n"
    )
    parts = split_page(page)
    assert parts.title.text == "Online media embarks on journey to experience Henan"
    assert [b.text for b in parts.bylines] == [
        "2012-7-2 16:41:00 From: http://english.peopledaily.com.cn"
    ]


@pytest.mark.parametrize(
    "link",
    ["Next: What Chinese Ate 4000 Years Ago", "Previous article: What Chinese Ate 4000 Years Ago"],
)
def test_a_link_to_another_story_by_its_title_is_a_headline(link: str) -> None:
    page = (
        "Hunan opens new bridge over Xiang River\nBy Li Hua | 2023-05-06\n"
        "Officials in Hunan opened a new bridge over the Xiang River on Saturday.\n"
        "Residents said the crossing would cut their commute by half an hour each day.\n"
        f"{link}\n"
    )
    parts = split_page(page)
    assert [h.title.text for h in parts.headlines] == ["What Chinese Ate 4000 Years Ago"]
    assert [h.date for h in parts.headlines] == [None]
    assert parts.body[-1].text.endswith("each day.")
    assert parts.teasers == []


def test_a_listing_of_titles_written_twice_over_snippets_cut_with_an_ellipsis() -> None:
    """A tag page: each story's title twice (the picture's and the link's), a snippet the
    site cut off with an ellipsis, the date; every story is read with its own date."""
    stories = [
        ("China Successfully Launches Shijian-30 Satellites",
         "At 12:01 Beijing time, China successfully launched the Shijian-30 A, B, and C satellites using…"),
        ("China Suspends Imports of Japanese Aquatic Products",
         "Beijing, November 19 – Chinese Foreign Ministry spokesperson Mao Ning presided over the regular…"),
        ("Ministry of Foreign Affairs Responds to Questions",
         "In response to analysis suggesting that among Japanese prime ministers, she was the first…"),
    ]  # fmt: skip
    text = "".join(f"{t}\n{t}\n{s}\n20.11.2025 3 minutes\n" for t, s in stories)
    articles, _headlines = page_records(Page("p.txt", "0", text))
    assert [(a["title_raw"], a["body_raw"], str(a["published"])) for a in articles] == [
        (t, s, "2025-11-20") for t, s in stories
    ]


def test_the_headline_over_a_wire_dateline_on_a_line_of_its_own_beats_a_label() -> None:
    parts = split_page(page(
        "Country for PR: China", "Contributor: Xinhua News Agency", "Friday, November 26 2021 - 10:40",
        "A Series of Videos Posted on Social Media to Promote Jiangxi to the World",
        "NANCHANG, China, Nov. 26, 2021 /Xinhua-AsiaNet/--", *BODY,
    ))  # fmt: skip
    assert (
        parts.title.text
        == "A Series of Videos Posted on Social Media to Promote Jiangxi to the World"
    )


@pytest.mark.parametrize("outlet", ["South China Morning Post", "Dongguan News"])
def test_an_outlets_name_alone_is_no_headline(outlet: str) -> None:
    title = "China teacher helps shy boy engage with peers by using lucky draw"
    parts = split_page(page("General", outlet, title, *BODY))
    assert parts.title.text == title
    assert ("site_name", outlet) in [(kind, line.text) for kind, line in parts.furniture]


def test_a_departments_name_over_the_headline_is_the_sites_not_a_headline() -> None:
    issuer, title = "Zhejiang Provincial Department of Culture and Tourism", "11 towns revived"
    parts = split_page(page(issuer, title, *BODY))
    assert parts.title.text == title


def test_a_headline_ending_in_an_outlet_word_is_still_a_headline() -> None:
    title = "Wenzhou's Innovation Attracts Overseas and Domestic Media"
    assert split_page(page(title, *BODY)).title.text == title


def test_a_snippet_cut_off_with_an_ellipsis_over_its_date_is_no_headline() -> None:
    snippet = (
        "This year, during local inspections, the leader has visited rural communities and"
        " ancient villages, listening…"
    )
    parts = split_page(page(snippet, "12.08.2025 1 minute", *BODY))
    assert parts.title is None or parts.title.text != snippet


def test_a_wires_agency_opening_the_story_stays_in_it() -> None:
    paragraph = "(ECNS) -- About 140 medical workers came to the county on Monday."
    parts = split_page(page("A title", "2023-05-06", paragraph, BODY[1]))
    assert parts.body[0].text == paragraph


def test_a_headline_over_its_deck_and_byline_is_the_title() -> None:
    title = "Hunan opens new bridge over Xiang River"
    deck = "The city's fifth crossing over the river is expected to carry 40,000 vehicles a day"
    parts = split_page(page(title, deck, "By Li Hua | 2023-05-06", *BODY))
    assert parts.title.text == title


def test_furniture_among_titles_listed_under_no_header_is_kept_as_furniture() -> None:
    text = (
        "Yangzhou opens new riverside park to residents\n"
        "A new riverside park opened in Yangzhou on Monday, offering residents 12 hectares of "
        "green space along the Grand Canal.\n"
        "The park includes walking trails and a restored pavilion, the housing bureau said.\n"
        "(China Daily July 2, 2021)\n"
        "Yangzhou hosts canal culture week\n"
        "Share to: WeChat Weibo\n"
        "New metro line planned for Yangzhou\n"
        "Gaoyou farmers harvest early rice\n"
    )
    parts = split_page(text)
    assert [h.title.text for h in parts.headlines] == [
        "Yangzhou hosts canal culture week",
        "New metro line planned for Yangzhou",
        "Gaoyou farmers harvest early rice",
    ]
    assert [(kind, line.text) for kind, line in parts.furniture] == [
        ("share_bar", "Share to: WeChat Weibo")
    ]


def test_a_credit_left_in_chinese_between_the_title_and_its_date_is_passed() -> None:
    """A repost keeps its source in Chinese ("来源:中国日报") between the headline and the
    date: residue, passed over, so the title keeps its date and its body (not one record for
    the title and another for the dated text)."""
    text = "\n".join(
        [
            "Remote county puts positive spin on social media ridicule",
            "来源:中国日报",
            "2021-05-21 10:23",
            *BODY,
        ]
    )
    articles, _headlines = page_records(Page("p.txt", "0", text))
    assert [(a["title_raw"], str(a["published"])) for a in articles] == [
        ("Remote county puts positive spin on social media ridicule", "2021-05-21")
    ]
    assert articles[0]["body_raw"].startswith(BODY[0])


def test_posts_each_opening_with_an_agency_first_dateline_are_a_story_each() -> None:
    """A repost blog's archive: two titles, each over a text that opens with a Chinese
    wire's translated dateline; the second credits its reporter in brackets."""
    first, second = (
        "Health body warns against one-size-fits-all rules",
        "Jiangxi launches tourism deals",
    )
    lead = "China News Service, Nanchang, January 31st (Reporter Liu Zhankun) In order to help"
    text = "\n".join(
        [
            first,
            "China News Service, January 31. " + BODY[0],
            BODY[1],
            second,
            lead + " travellers.",
        ]
    )
    articles, _headlines = page_records(Page("p.txt", "0", text))
    assert [(a["kind"], a["title_raw"], a["outlet"], a["authors"]) for a in articles] == [
        ("article", first, "China News Service", []),
        ("teaser", second, "China News Service", ["Liu Zhankun"]),
    ]


LISTED = [
    ("Going back to the roots, a lifelong journey", "A retired teacher in Xishui county traces his family history."),
    ("Ancient papermaking in Baishui village", "The village at the foot of Ao Mountain still makes paper by hand."),
    ("Where drum towers set life's tempo", "A family offers sacrifices in a drum tower on New Year's Eve."),
    ("Guizhou slashes number of coal mines", "The province shut 183 mines last year to cut obsolete capacity."),
    ("New plan to aid villages takes off in Guizhou", "Enterprise-plus program to help migrants enjoy the fruits"),
    ("'Kangaroo mother' brings son home", "A mother from Huishui county brought her son home by herself."),
]  # fmt: skip


def test_titles_over_one_sentence_snippets_list_stories_however_the_list_goes_on() -> None:
    """Four titles each over a one-sentence snippet: a listing, even when a later snippet
    reads as a title (a deck without a full stop)."""
    lines = ["In gratitude", "An old friend waits in Guiyang for a visit."]
    parts = split_page(page(*lines, *[line for story in LISTED for line in story]))
    assert [t.title.text for t in parts.teasers][:4] == [title for title, _snippet in LISTED[:4]]


def test_sections_of_several_sentences_under_subheadings_are_one_story() -> None:
    """The same shape with sections of several sentences: a story's subheadings."""
    more = " It drew many visitors. Officials were pleased."
    stories = [(title, snippet + more) for title, snippet in LISTED[:4]]
    deck, (last, last_text) = LISTED[4], LISTED[5]
    lines = [line for story in stories for line in story] + [*deck, last, last_text + more]
    parts = split_page(
        page("In gratitude", "An old friend waits in Guiyang. He came by train.", *lines)
    )
    assert not parts.teasers


CAPTION_SNIPPET = (
    "Aerial photo taken on March 21, 2017 shows cole flower fields in Nanzheng County."
)


def test_a_caption_between_a_listed_title_and_its_source_line_is_the_story_s_text() -> None:
    listed = [
        ("Cole flower festival held in northwest China", CAPTION_SNIPPET),
        ("Wild birds attract visitors in Fujian", "A pheasant searches for food on March 19."),
        ("Is a lemon just a lemon?", "A lemon becomes more when it hits the production line."),
    ]
    text = "\n".join(line for story in listed for line in (*story, "Source: Xinhua | 2017/3/22"))
    articles, _headlines = page_records(Page("p.txt", "0", text))
    assert [(a["title_raw"], a["body_raw"]) for a in articles] == listed


def test_a_caption_over_the_byline_of_a_story_stays_a_caption() -> None:
    parts = split_page(
        page(
            "Cole flower festival held in northwest China",
            CAPTION_SNIPPET,
            "Source: Xinhua | 2017/3/22",
            *BODY,
        )
    )
    assert [p.text for p in parts.body] == BODY


BRIEFS = [
    ("Gulangyu tourism rebounds", "City representatives announced last week that visits to Gulangyu are rebounding."),
    ("XM trade volume hits new high", "Local Customs officials announced last week that trade rose 10 percent."),
    ("32,000 XM donors gave blood", "The Xiamen Blood Center recently reported that 32,000 people gave blood."),
]  # fmt: skip


def test_briefs_under_headings_each_saying_when_are_a_story_each() -> None:
    lines = [line for brief in BRIEFS for line in brief]
    parts = split_page(page(*lines, "Last year, the city had 64,000 blood donors in all."))
    assert parts.title.text == BRIEFS[0][0]
    assert [p.text for p in parts.body] == [BRIEFS[0][1]]
    assert [(t.title.text, len(t.body)) for t in parts.teasers] == [
        (BRIEFS[1][0], 1),
        (BRIEFS[2][0], 2),
    ]


MORE = "Officials said the figures would be published in full next month."


def test_two_briefs_under_their_headings_are_a_story_each() -> None:
    """A portal's list of two stories, each headline over its summary (the Macao government
    portal's news lists): one heading inside the body is enough."""
    parts = split_page(page(*(line for brief in BRIEFS[:2] for line in brief)))
    assert parts.title.text == BRIEFS[0][0]
    assert [(t.title.text, [p.text for p in t.body]) for t in parts.teasers] == [
        (BRIEFS[1][0], [BRIEFS[1][1]])
    ]


@pytest.mark.parametrize(
    ("heading", "lead"),
    [
        ("Volunteers rescued a boy in the flood", "In this rainstorm, a video of volunteers was shared widely."),
        ("The following is issued on behalf of the Customs office:", BRIEFS[1][1]),
        ("II. Trade rose again", BRIEFS[1][1]),
    ],
    ids=["a lead that goes on", "a line that announces what follows", "a document's section"],
)  # fmt: skip
def test_one_heading_that_opens_no_brief_leaves_one_story(heading: str, lead: str) -> None:
    parts = split_page(page(*BRIEFS[0], heading, lead))
    assert parts.teasers == []


def test_briefs_of_two_paragraphs_each_are_a_story_each() -> None:
    lines = [line for brief in BRIEFS for line in (*brief, MORE)]
    parts = split_page(page(*lines))
    assert [t.title.text for t in parts.teasers] == [title for title, _lead in BRIEFS[1:]]


@pytest.mark.parametrize("variant", ["leads that do not say when", "a byline"])
def test_sections_that_go_on_from_the_lead_or_a_bylined_story_stay_one_story(variant: str) -> None:
    """Most briefs must be told apart (`summaries._own_news`): two leads of three that
    neither say when nor retell their headings are a story's sections."""
    briefs = [list(brief) for brief in BRIEFS]
    head = [briefs[0][0]]
    if variant == "a byline":
        head.append("By Li Wei")
    else:
        briefs[1][1] = "The port handled more containers than any other in the province."
        briefs[2][1] = "The centre thanked everyone who came to the city's stations."
    lines = head + [briefs[0][1], MORE] + [line for brief in briefs[1:] for line in (*brief, MORE)]
    parts = split_page(page(*lines))
    assert not parts.teasers


NEWS_LIST = [
    ("Yangzhou opens new riverside park to residents", "Families can now walk and cycle along twelve hectares of green space beside the Grand Canal."),
    ("Construction workers demand unpaid wages", "A group of builders on the casino project gathered at the site's gate to ask the contractor for their pay."),
    ("Flights to Xiamen cancelled as storm nears", "The airline told travellers holding tickets for the evening flight to rebook or ask for a refund."),
    ("City library extends its weekend opening hours", "Readers may stay in the reading rooms until ten at night from the first weekend of the month."),
    ("New bus line links the old town and the port", "Buses will run every quarter of an hour between the ferry terminal and the bell tower."),
]  # fmt: skip


def test_many_short_briefs_under_news_headlines_are_a_story_each() -> None:
    """A paper's list of its stories (Macau Business Daily's "Society", a real page, hv_):
    five headlines that say what happened, each over two lines that neither say when nor
    retell the headline's words."""
    lines = [line for title, lead in NEWS_LIST for line in (title, lead, MORE)]
    parts = split_page(page(*lines))
    assert [t.title.text for t in parts.teasers] == [title for title, _lead in NEWS_LIST[1:]]


def test_a_story_with_four_sections_of_several_paragraphs_stays_one_story() -> None:
    lines = [line for title, lead in NEWS_LIST for line in (title, lead, MORE, MORE + " Again.")]
    assert split_page(page(*lines)).teasers == []


def test_a_section_whose_lead_goes_on_stays_in_the_story_though_both_say_when() -> None:
    """Macau Business's story (id_): a subheading over "Meanwhile, ... this year's race ...":
    both leads say when, but the second goes on from the first."""
    lead = "This year's dragon boat races, which ended yesterday, attracted 28,000 spectators."
    section = "Meanwhile, this year's race attracted seven more teams from overseas than last year."
    parts = split_page(
        page(
            "Dragon Boat Races attract 28,000", lead, "Increased number of overseas teams", section
        )
    )
    assert parts.teasers == []


def test_an_editor_s_word_in_brackets_inside_a_quote_is_no_link() -> None:
    quote = (
        "“But we will keep improving the hardware to allow [more] spectators to enjoy the event”"
    )
    parts = split_page(
        page("Dragon Boat Races attract 28,000", "The races ended yesterday.", quote)
    )
    assert [p.text for p in parts.body][-1] == quote


def test_sections_under_headings_that_open_alike_stay_one_story() -> None:
    """A university's story in sections ("Different students", "Different courses", ...):
    a heading over a paragraph, four times, is a listing's shape, but headings written alike
    are one story's."""
    sections = [
        ("Different students", "This term the college enrolled seventeen new students from nine countries."),
        ("Different courses", "Language students noticed more class hours on their new timetables."),
        ("Different Orientation Education", "The college gave every student a handbook and a guided tour of the campus."),
        ("Different Outings", "Students joined an outdoor activity that left no trace on the hills."),
    ]  # fmt: skip
    lead = "At the beginning of the new semester, students returned to the campus to begin their study."
    parts = split_page(
        page(
            "New Semester, Differences for Foreign Students",
            lead,
            *(x for s in sections for x in s),
        )
    )
    assert parts.teasers == [] and len(parts.body) == 1 + 2 * len(sections)


def test_the_byline_under_the_headline_s_first_copy_is_the_story_s() -> None:
    """Wenzhou Daily's page (a real page, ci_): the headline, its byline, a summary, the
    headline again, the story; the story is read under the second copy, its byline is
    under the first."""
    parts = split_page(tune_page("ci_news_wenzhoudaily_culture_exchange_base_2020.txt"))
    assert [line.text for line in parts.bylines] == [
        "Source: | Author:pmtf105f8 | Publish time:2020-12-07 | 1897 Views: | Share:"
    ]


def test_long_briefs_each_retelling_its_headline_are_a_story_each() -> None:
    """Macau Daily Times' briefs (a real page, gt_): a headline over a lead of five sentences,
    twice; neither lead says when, but each retells its own headline and not the other's.
    A region's profile (bx_) retells its sections' labels of two words too: one story."""
    briefs = split_page(tune_page("gt_macaudailytimes_briefs_taxi_offences_july_2019.txt"))
    assert [t.title.text for t in briefs.teasers] == [
        "IAS to launch two levels of shelter opening instructions"
    ]
    profile = split_page(tune_page("bx_gov_hceis_ningxia_province_profile.txt"))
    assert profile.teasers == []


def test_a_brief_whose_headline_names_the_city_of_the_brief_before_is_its_own() -> None:
    """Ningbo Life's news list (a real page, fu_): the second headline shares "Ningbo" with the
    first brief, but its own lead retells all of it."""
    name = "fu_ningbolife_news_list_neighborhood_2012.txt"
    parts = split_page(tune_page(name))
    assert [t.title.text for t in parts.teasers] == [
        "Ningbo to build top public transit system in 2020"
    ]


def test_releases_under_a_source_line_each_saying_when_are_a_story_each() -> None:
    """A repost of the Hong Kong government's releases (a real page, em_ milosi): each
    headline over its source line and its text, every lead saying when ("today (October
    17)"). The source names no writer: the headings the story above does not speak of open
    a story each, as on a page with no byline."""
    name = "em_milosi_hk_islands_dc_vacancy_2025.txt"
    parts = split_page(tune_page(name))
    assert parts.title.text == "Vacancy in Islands District Council"
    assert [t.title.text for t in parts.teasers] == [
        "SEE to attend Belt and Road Green Innovation Conference in Beijing"
    ]


PAPER_LIST = [
    ("Portuguese President tours Macau today",
     "The President of the Portuguese Republic, Marcelo Rebelo de Sousa, arrived yesterday in the Macau Special Administrative Region. His agenda for today is very full, as he"),
    ("Tourism authority buckles up for May 1 holiday",
     "Due to the expected influx of 600,000 tourists during the Labor Day holiday period, as anticipated by the Public Security Police Force (PSP), the Macao Government Tourist Office"),
    ("Exclusive Interview | Paulo Cardinal: ‘I will not be disposed of like chewing gum’",
     "Veteran advisor Paulo Cardinal who was dispensed by the Legislative Assembly in August last year without plausible cause breaks the silence and in an interview"),
]  # fmt: skip  # a paper's list of its stories (tests/fixtures/realworld/tune/fc_macaudailytimes_*), summaries cut by the site


def test_headlines_over_summaries_that_retell_them_are_a_story_each() -> None:
    parts = split_page(page(*(line for story in PAPER_LIST for line in story)))
    assert parts.title.text == PAPER_LIST[0][0]
    assert [p.text for p in parts.body] == [PAPER_LIST[0][1]]
    assert [[p.text for p in t.body] for t in parts.teasers] == [
        [summary] for _title, summary in PAPER_LIST[1:]
    ]
    assert [t.title.text for t in parts.teasers] == [
        PAPER_LIST[1][0],
        "Paulo Cardinal: ‘I will not be disposed of like chewing gum’",  # without its column
    ]


def test_stories_of_the_chosen_story_s_shape_above_it_are_the_page_s_first() -> None:
    """Macau Daily Times's list (a real page, ez_ macaudailytimes): nine headlines, each over
    a summary the site cut; the head chose the fourth ("Drug bust: ...") as the page's
    headline. The three above it, of its shape, are the list's first stories, not the
    page's head: the first is the page's story, the others teasers, in the page's order."""
    name = "ez_macaudailytimes_macau_list_p83_2024.txt"
    parts = split_page(tune_page(name))
    assert parts.title.text.startswith("The Londoner’s overhaul shutters casino")
    assert [p.text[:30] for p in parts.body] == ["Phase 2 of The Londoner’s refu"]
    assert [t.title.text[:24] for t in parts.teasers[:3]] == [
        "Sands China to subsidize",
        "Crackdown on illegal mon",
        "Drug bust: Suspect arres",
    ]
    assert len(parts.teasers) == 8


def test_a_story_with_a_byline_keeps_the_site_s_list_above_it_out() -> None:
    """The same list above a story that has its byline: the list is the site's, the
    story the page's own."""
    lines = [line for story in PAPER_LIST for line in story]
    story = ["Macau marks the Lunar New Year", "2024-02-10", PAPER_LIST[0][1]]
    parts = split_page(page(*lines, *story))
    assert parts.title.text == story[0]


FRONT_PAGE_STORY = [
    "Man arrested for stealing 868 pairs of women’s shoes in northern Taiwan",
    "Man arrested for stealing 868 pairs of women’s shoes that fit his foot fetish in Keelung, Taiwan",
    "Date: 2018/11/12",
    "TAIPEI (Taiwan News) — A man has been arrested for stealing 868 pairs of women’s shoes from over 33 victims over the past two years.",
]  # fmt: skip  # a front page's next story (tests/fixtures/realworld/tune/fr_eyeontaiwan_*)


def test_a_headline_over_its_deck_and_byline_inside_a_body_starts_the_next_story() -> None:
    """A front page's stories one after the other, each a headline, a longer deck, a date
    and the text: the next headline ends the story above, deck and all."""
    parts = split_page(page("Candidates commit to childcare", "Date: Nov 13, 2018", *BODY,
                            *FRONT_PAGE_STORY))  # fmt: skip
    assert [p.text for p in parts.body] == BODY
    assert [t.title.text for t in parts.teasers] == [FRONT_PAGE_STORY[0]]


def test_a_shorter_headline_under_a_line_the_site_cut_is_the_next_story_not_its_deck() -> None:
    """The story above ends on a line the site cut ("... smiles at"), then the next story's
    headline, shorter, then its date: the cut line is the story's, the headline the next's."""
    cut = "His good impression about Taiwan started from those gentle smiles at the"
    headline = "Full reopening of railway delayed by typhoon"
    parts = split_page(page("Writer praises Taiwan food", "Date: 2015/10/04", *BODY, cut,
                            headline, "Date: 2015-10-04", BODY[0]))  # fmt: skip
    assert [p.text for p in parts.body] == [*BODY, cut]
    assert [t.title.text for t in parts.teasers] == [headline]


def test_a_numbered_label_over_a_headline_is_no_headline_over_its_deck() -> None:
    """A university's media roundup (a real page, gf_ xjtlu): a numbered section's label,
    then a listed story's headline, its date, its summary. A label is no headline over a
    deck: the headline under it is the story's title."""
    name = "gf_xjtlu_media_roundup_janfeb_2023.txt"
    parts = split_page(tune_page(name))
    assert [t.title.text[:40] for t in parts.teasers] == [
        "Headline: XJTLU explores talent cultivat",
        "Headline: Suzhou Dushu Lake Science and ",
        "Headline: Suzhou Dushu Lake Science and ",
    ]


def test_sections_whose_headings_share_the_story_s_words_stay_one_story() -> None:
    """The same shape, but each heading's words are the story's headline's and lead's: a
    story's sections, not a list's stories."""
    sections = [
        ("Mother and son missing for eight days found in Xiangcheng",
         "The Xiangcheng police found a missing mother and son through an appeal on Weibo, and the family"),
        ("Weibo appeal for missing mother and son",
         "A netizen sent the police a plea on Weibo for help to find a missing mother and her son, and the"),
        ("Xiangcheng police find missing mother and son",
         "The Xiangcheng police found the missing mother and son at a relative's house, and the family"),
    ]  # fmt: skip
    parts = split_page(page(*(line for section in sections for line in section)))
    assert not parts.teasers


def test_a_title_without_a_body_is_no_digest() -> None:
    """Found by the fuzz test: a page of a title and a stray letter has no body to cut."""
    parts = split_page("¹\nB")
    assert (parts.body, parts.teasers) == ([], [])


TAG_PAGE = [
    ("How Taiwan's Largest Wet Market Came Back Stronger", "Clarissa Wei",
     "Jianguo Market, located in the center of Taichung, was one of Taiwan's largest."),
    ("Taiwan Is Reducing Single-Use Plastics Everywhere", "Madeleine Work",
     "A new program at one Taichung market encourages patrons to bring reusable bags."),
    ("Pollution and Industrial Smog Cloud Taiwan's Bicycle Paradise", "Andrew Kerslake",
     "Taiwan's ambitions to be a cycling paradise are blighted by industrial eyesores."),
]  # fmt: skip


def test_a_writer_s_name_under_each_listed_title_is_its_byline() -> None:
    """A tag page (en_ thenewslens): title, the writer's name alone, a summary, again and
    again. The names are bylines, so each title opens a story, credited to its writer."""
    text = page(*(line for unit in TAG_PAGE for line in unit))
    parts = split_page(text)
    assert parts.title.text == TAG_PAGE[0][0]
    assert [line.text for line in parts.bylines] == [TAG_PAGE[0][1]]
    assert [(t.title.text, [m.text for m in t.meta]) for t in parts.teasers] == [
        (title, [writer]) for title, writer, _ in TAG_PAGE[1:]
    ]
    articles, _ = page_records(Page("tag.txt", "0", text))
    assert [a["authors"] for a in articles] == [[writer] for _, writer, _ in TAG_PAGE]


def test_a_name_like_kicker_under_one_headline_is_no_byline() -> None:
    """Once on a page, two capitalised words between a headline and its text are as likely
    a kicker or a section ("Discover Weifang") as a writer: they stay text, no author."""
    title, kicker = "Journalists tour the high-tech zone of Weifang", "Discover Weifang"
    parts = split_page(page(title, kicker, *BODY))
    assert parts.bylines == []
    articles, _ = page_records(Page("one.txt", "0", page(title, kicker, *BODY)))
    assert articles[0]["authors"] == []


def test_headings_numbered_as_a_document_s_sections_stay_in_its_text() -> None:
    """Yongzhou's letter to foreigners (ej_ yzcity): "Ⅰ Active declaration", a paragraph,
    "Ⅱ Strengthening Self-Protection", a paragraph: one letter's sections, no listed stories
    (unnumbered, the same shape reads as a listing)."""
    sections = [
        "Ⅰ Active declaration and registration",
        "After you arrive in Yongzhou, you can follow the city's public account for news.",
        "Ⅱ Strengthening Self-Protection",
        "Minimize outings and visits to crowded places, and do not join any party.",
        "Ⅲ Cooperate with Epidemic Prevention and Control Staffs",
        "During the epidemic prevention period, we will provide you with these services.",
    ]
    title = "A Letter To Foreigners in Yongzhou"
    lead = "Recently, the World Health Organization declared the outbreak a pandemic."
    parts = split_page(page(title, "2020-03-09 10:21", lead, *sections))
    assert [p.text for p in parts.body] == [lead, *sections]
    assert parts.teasers == []
    unnumbered = [line.removeprefix(line[:2]) if line[0] in "ⅠⅡⅢ" else line for line in sections]
    assert split_page(page(title, "2020-03-09 10:21", lead, *unnumbered)).teasers != []


def test_blurbs_over_more_links_above_the_story_are_the_site_s_sidebar() -> None:
    """Xianning's portal (cq_, ed_ xianning): the site's blurbs about the city, each ending
    in its "[more]" link (cut before their stops, one under a label), then the story, which
    the store cut after two paragraphs: the story is the page's; the blurbs are furniture.
    (A headline over a whole sentence and its link is a listed story: a teaser.)"""
    blurbs = [
        "Located in the south of Hubei, Xianning has great renown for its hot springs. ...[more]",
        "Xianning City, attached to Hubei Province, is famous for sweet-scented ... [more]",
        "Administrative divisions",
        "Lying in the southeast of Hubei Province, on the south bank of the Yangtze ... [more]",
    ]
    title = "Xianning sailed serenely through the first round of heavy rain"
    story = BODY[:2]
    parts = split_page(page(*blurbs, title, *story))
    assert parts.title.text == title
    assert [p.text for p in parts.body] == story
    assert parts.teasers == []
    dropped = " ".join(line.text for _, line in parts.furniture)
    assert all(blurb.split(" ...")[0] in dropped for blurb in blurbs)


def test_a_title_cased_headline_over_a_sentence_cased_deck_is_the_title() -> None:
    """Newser's tag pages (dg_ newser): each story is a headline in title case, its deck in
    sentence case, then its text; the deck is neither title nor text, for the page's story
    and for the listed ones, where the page repeats the shape (once, a listed title with no
    snippet may stand over another: test_page_shapes)."""
    first = (
        "Attacker Scaled Kindergarten Wall, Sent 54 to Hospital: Cops",
        "Chinese suspect reportedly sought revenge on society",
        "(Newser) - More than 50 children were injured at a kindergarten on Monday.",
    )
    second = ("China: 367 Dead, 1.8K Hurt in Quake in Yunnan",
              "6.1 temblor is strongest to hit Yunnan in 14 years",
              "(Newser) - The death toll in the strong earthquake rose again on Monday.")  # fmt: skip
    parts = split_page(page("Yunnan", *first, "in case you missed it", *second))
    assert parts.title.text == first[0]
    assert [p.text for p in parts.body] == [first[2]]
    assert [(t.title.text, [p.text for p in t.body]) for t in parts.teasers] == [
        (second[0], [second[2]])
    ]


def test_snippets_cut_mid_sentence_make_a_listing_from_its_first_title() -> None:
    """Macau Daily Times' day archive (et_ macaudailytimes): titles over snippets the site cut
    at a length, on a word no sentence or headline ends on ("... run rate of"). Those are
    snippets, not titles: the first title is the page's story, the others teasers."""
    units = [
        ("Casino floors see MOP8b in revenues in May's first half",
         ("Casino floors have seen MOP8 billion of gross gaming revenue (GGR) in the first 14"
         " days of the month, an average daily run rate of")),
        ("IC confirms no Int'l Parade this year",
         ("Following three years of absence, the Macao International Parade will see another"
         " year of abeyance, president Leong Wai Man of the Cultural Affairs Bureau (IC) has")),
        ("Survey finds low child visitation rate in divorced parents",
         ("A survey has discovered that the non-guardian side of divorced couples only"
         " occasionally visit their children.")),
    ]  # fmt: skip
    parts = split_page(page(*(line for unit in units for line in unit)))
    assert parts.title.text == units[0][0]
    assert [p.text for p in parts.body] == [units[0][1]]
    assert [(t.title.text, [p.text for p in t.body]) for t in parts.teasers] == [
        (title, [snippet]) for title, snippet in units[1:]
    ]


def test_a_run_of_titles_glued_to_their_dates_is_a_list_even_with_sentences() -> None:
    """Taoyuan's news list (ea_ taoyuan): each line a full date glued to its title, some
    titles two sentences long; a run of four or more, a third of them read as entries
    alone, is a list of dated titles, every one (here under a story)."""
    entries = [
        ("2024-06-12", "Taiwan's Only Selected City: Taoyuan Achieves A-List City Status"),
        ("2024-03-19", "Taoyuan City Deputy Mayor Wang led a delegation to Singapore for investment"),
        ("2024-02-26", ("The 2024 Taoyuan Lupinus Festival will kick off on Feb 24. Deputy Mayor Su"
         " invited visitors to Longtan.")),
        ("2024-01-31", "Taoyuan's first Innovation Competition: 10 start-up teams were awarded."),
        ("2023-12-12", ("Taoyuan City joined hands with 43 units to maintain the air quality. Mayor"
         " Chang looks forward to more.")),
    ]  # fmt: skip
    parts = split_page(page("District councils meet again", *BODY, *(d + t for d, t in entries)))
    assert [(h.date.text, h.title.text) for h in parts.headlines] == entries
    assert [p.text for p in parts.body] == BODY


def test_a_numbered_headline_over_its_subtitles_is_the_title() -> None:
    """Chinese Stories in English (er_, eu_, bc_, cy_ chinesestories): "1. Awaiting Friend
    ...", two subtitles, the reporters' line, the story: the numbered line is the headline,
    however near the subtitles stand to the story."""
    head = [
        "1. Awaiting Friend by Road When Robbers Arrive",
        "Fish Peak Police Crack Serious Robbery in 20 Hours",
        "All Three Suspects Arrested",
        "Reporter Xiao Jun, Special Correspondent Zhou Liuning, Dispatch to the Evening News",
    ]
    parts = split_page(page(*head, *BODY))
    assert parts.title.text == "Awaiting Friend by Road When Robbers Arrive"


def test_writers_named_beside_the_date_line_are_its_byline() -> None:
    """Shenzhen Daily (ds_ szdaily) and the SCMP put the writers' names alone beside the date
    line: names with Chinese family names there (Cantonese and Wade-Giles spellings too) are
    the byline; a place or a label there is not ("Huangshan City")."""
    for writers in ("Martin Li, Chen Yue", "Kimmy Chung and Karen Zhang"):
        parts = split_page(
            page("Photo festival features SZ changes", "2014-09-01 08:53", writers, *BODY)
        )
        assert [line.text for line in parts.bylines] == ["2014-09-01 08:53", writers]
        articles, _ = page_records(
            Page("p.txt", "0", page("Photo festival", "2014-09-01", writers, *BODY))
        )
        assert articles[0]["authors"] == [name.strip() for name in re.split(r",| and ", writers)]
    parts = split_page(page("Huangshan City", "2009-05-01", *BODY))
    assert "Huangshan City" not in [line.text for line in parts.bylines]


def test_a_stopped_headline_over_a_much_longer_lead_is_the_title() -> None:
    """A machine-translated repost (el_ moyinshan): the headline, ending with a stop, over a
    lead four times as long; a story's short first paragraph over one of like length stays
    its text."""
    title = "Sichuan Liangshan issued a new regulation to curb the high bride price."
    lead = " ".join(
        ["On April 6, the journalist learned from the prefecture that the rule holds."] * 5
    )
    parts = split_page(page(title, lead, *BODY))
    assert parts.title.text == title
    assert [p.text for p in parts.body] == [lead, *BODY]
    first = "The city opened two new bus lines on Monday morning for commuters."
    parts = split_page(page(first, "The lines run from the station to the new district.", *BODY))
    assert parts.title is None


def test_credits_glued_after_the_last_sentence_are_credits() -> None:
    """Hunan's official portal (ck_, cz_ cnzhangjiajie) glues the credits to the story's last
    stop: "... in Changsha.Translator: Guo YanSource: Hunan Official Web Portal"."""
    last = "Two hotels will open this year, and more companies invest in Changsha."
    text = page(
        "World's Top Hotels Open in Changsha",
        BODY[0],
        last + "Translator: Guo YanSource: Hunan Official Web Portal",
    )
    parts = split_page(text)
    assert [p.text for p in parts.body] == [BODY[0], last]
    articles, _ = page_records(Page("p.txt", "0", text))
    assert (articles[0]["outlet"], articles[0]["editors"]) == (
        "Hunan Official Web Portal",
        ["Guo Yan"],
    )


OTHER_TITLES = [
    "Bomb sniffing plants fight terror",
    "Czech gender-bending family",
    "Sleeping with pet risks catching his bugs",
    "Spectator surgery to raise money",
    "Most of world's toll roads in China",
]  # other stories' titles after a story (tune/dw_spam_fwswk_*: a sidebar), none over a snippet


@pytest.mark.parametrize("end", ["", "Copyright 2011 China Daily. All rights reserved."])
def test_a_short_title_like_line_under_a_title_above_the_page_s_end_is_another_title(
    end: str,
) -> None:
    """A snippet so short, and title-like, is cut only by the store at the page's end: above
    it, it is the next story's title, and neither title is a teaser."""
    parts = split_page(
        page("Drought hits Shandong", *BODY, "(China.org.cn)", *OTHER_TITLES, "Learn English", end)
    )
    assert not parts.teasers
    assert {h.title.text for h in parts.headlines} <= set(OTHER_TITLES)


def test_a_short_snippet_at_the_page_s_end_is_a_story_the_store_cut() -> None:
    parts = split_page(
        page(
            "Drought hits Shandong", *BODY, "(China.org.cn)", OTHER_TITLES[0], "Farmers in Heze say"
        )
    )
    assert [(t.title.text, t.body[0].text) for t in parts.teasers] == [
        (OTHER_TITLES[0], "Farmers in Heze say")
    ]


BYLINED_SUMMARIES = [
    ("Hu Jian, He Linping", "Since the beginning of this year, traffic on the Hong Kong-Zhuhai-Macao Bridge has become increasingly busier this year. Hong Kong youth Wong Yeuikyun commutes between Hong Kong and Guangdong province each week, and the Hong Kong-Zhuhai-Macao Bridge is the passage he uses most frequently. During the eight-day"),
    ("Wu Shaomin, Gong Xiangjuan", "The Qilihai Wetland in north China’s Tianjin municipality is an important stopover site for migratory birds. It is also a vital part of the ecological resources in north China’s Beijing-Tianjin-Hebei region. In summer, a mixed fragrance of various flowers and herbs can be"),
    ("Xiong Jian", "Since the outbreak of the COVID-19 pandemic, cloud computing, big data, artificial intelligence (AI) and other technologies have been widely applied in Shenzhen, south China’s Guangdong province, helping improve the efficiency of Shenzhen’s response to public health emergencies and inter-department collaboration capabilities of the city"),
]  # fmt: skip  # tune/eu_repost_niwota_*: a paper's list, each byline glued before its summary


def test_a_byline_glued_before_a_summary_and_its_link_credits_that_summary_s_story() -> None:
    text = page(
        *(
            f"By {names}, People’s Daily {summary}Continue Reading"
            for names, summary in BYLINED_SUMMARIES
        )
    )
    articles, _headlines = page_records(Page("p.txt", "0", text))
    assert [(a["authors"], a["body_raw"]) for a in articles] == [
        (names.split(", "), summary) for names, summary in BYLINED_SUMMARIES
    ]


DATED_LIST = [
    ("Lawmakers pass civil protection bill, but 4 oppose ‘rumour’ article",
     "The Legislative Assembly passed a government-initiated bill regulating its civil protection work, according to which those spreading rumours when “unforeseen public incidents” will face a prison term of up to three years.",
     "5 Aug, 2020"),
    ("Shen promoted to vice-minister of International Department of CPC Central Committee",
     "Shen Beili, after heading the Foreign Ministry Commission in Macao for two years, took up her new post as a vice-minister of the International Department of the Communist Party of China Central Committee (IDCPC) this month",
     "30 Jul, 2020"),
    ("Hong Kong Legco election could be delayed for a year",
     "Sources told public broadcaster RTHK today that the local government is studying the possibility of postponing the Legislative Council election for a year, with little hope that the COVID-19 outbreak will be brought under control by September.",
     "29 Jul, 2020"),
]  # fmt: skip  # tune/fo_macaunews_*: titles, summaries and dates; one summary without its stop


def test_a_summary_longer_than_a_headline_over_its_date_is_a_listed_story_s_text() -> None:
    """A line of twenty words or more over a date is a snippet the site left without its
    stop, not the next story's title over its date."""
    story = (
        "An additional 800 video surveillance cameras to be installed across the city",
        "Secretary for Security Wong Sio Chak has said that video surveillance will be reinforced.",
        "6 Aug, 2020",
    )
    parts = split_page(page(*story, *(line for listed in DATED_LIST for line in listed)))
    assert [(t.title.text, t.body[0].text) for t in parts.teasers] == [
        (title, summary) for title, summary, _date in DATED_LIST
    ]
    assert not parts.headlines


ONE_TOPIC_SUMMARIES = [
    'Huaxi district has strengthened industrial planning and improved agricultural infrastructure construction in recent years, becoming a benchmark for the development of the modern urban agricultural industry.',
    "A municipal meeting on the rural governance work to be done for this year was held on Feb 18 in Guiyang, Southwest China's Guizhou province.",
    "Xifeng county in Guiyang, Southwest China's Guizhou province, has established the first rural living environment management and maintenance service station in the province.",
    "Guiyang, the capital of Southwest China's Guizhou province, has pledged to take stronger measures to accelerate agricultural and rural modernization.",
    "Over the course of last year, Guiyang and Guian New Area in Southwest China's Guizhou province achieved a series of strong results in rural governance.",
    'The Guiyang bureau of agriculture and rural affairs has rolled out an action plan for agricultural technicians and experts to deliver services during the spring farming period in Guiyang and Guian for this year.',
]  # fmt: skip  # tune/fn_gov_guiyang_*: an agriculture bureau's list, its titles lost


def test_summaries_on_one_topic_are_a_listing_whatever_words_the_topic_lends_them() -> None:
    """Words most of a listing's summaries hold (its topic: "agricultural", "rural") link
    none of them to the one before."""
    parts = split_page(page(*ONE_TOPIC_SUMMARIES))
    assert [p.text for p in parts.body] == ONE_TOPIC_SUMMARIES[:1]
    assert [[p.text for p in t.body] for t in parts.teasers] == [
        [s] for s in ONE_TOPIC_SUMMARIES[1:]
    ]


PICTURED_LIST = [
    "Pollution heads south to Shanghai as steel mills driven from Beijing's environs",
    'Steel mills in Hebei province were polluting Beijing, leading to a crackdown that saw many of them move to Jiangsu. Photo: Xinhua',
    'Chinese steel production is moving from its heartland in Hebei province in the wake of government efforts to tackle pollution near Beijing, but Shanghai could be paying the price as steel mills around the commercial capital ramp up output.',
    'Saturday, 4 January, 2014, 2:03am',
    "Apples grow black in China's 'Coal City'",
    "Cooling towers can be seen in the distance at a coal power plant in Xiahuayuan county, northern China's Hebei province. Photo: AP",
    'Chinese media tell shocking story of coal mine pollution in Huailai, just 100km from Beijing',
    '24 Jun 2013 - 4:40pm',
    'Residents fear Hebei expressway will drive up house prices',
    'Hebei transport authorities had signed an agreement with Beijing to work together to speed up construction of several highways. Photo: Bloomberg',
    'Hebei media have painted a rosy picture of a 940-kilometre expressway that will link the province with Beijing in 2015, even dubbing it the capital\'s "seventh ring road", but some residents are not impressed.',
    '6 Jun 2013 - 3:50am',
]  # fmt: skip  # tune/cz_news_scmp_*: title, its picture's caption, snippet, date; thrice


def test_a_line_under_a_listed_title_s_caption_is_its_snippet_even_over_a_date() -> None:
    """A title with its own picture under it has a story: the short line under the caption
    is its snippet, not the next story's title over its date."""
    parts = split_page(page(*PICTURED_LIST))
    titles = PICTURED_LIST[::4]
    assert parts.title.text == titles[0]
    assert [(t.title.text, t.body[0].text) for t in parts.teasers] == [
        (titles[1], PICTURED_LIST[6]),
        (titles[2], PICTURED_LIST[10]),
    ]


def test_a_listed_title_written_twice_is_its_english_half_as_the_page_s_own_is() -> None:
    """tune/fs_weno_duckdns_*: each title, then its machine translation on the same line. An
    English column's name barred ("丨") before a Chinese headline keeps it whole."""
    own = "China floodwater diversions unleash wave of online anger 中国将洪水引向人口稠密地区引发网络愤怒浪潮"
    listed = "Car drives off collapsed bridge in China 汽车从中国倒塌的桥梁上驶下"
    labelled = "What stands for Zhengzhou 丨来吧来吧,开启郑州美食密码"
    snippet = "Dashcam footage obtained by Reuters shows a car plunging off a bridge in the rain."
    parts = split_page(page(own, snippet, listed, snippet, labelled, snippet))
    assert parts.title.text == "China floodwater diversions unleash wave of online anger"
    assert [t.title.text for t in parts.teasers] == [
        "Car drives off collapsed bridge in China",
        labelled,
    ]


def test_fields_bulleted_by_asterisks_are_read_as_fields() -> None:
    """A release's metadata as a list ("*  Publish Date: 2019-03-12", "*  Units: ..."): the
    date line is the byline, whatever the bullet."""
    title = "Revised Boundaries for Port of Keelung Soon to be Announced"
    parts = split_page(
        page(title, "*  category: Water Transport", "*  Publish Date: 2019-03-12", *BODY)
    )
    assert parts.title.text == title
    assert [line.text for line in parts.bylines] == ["Publish Date: 2019-03-12"]


@pytest.mark.parametrize(
    "caption",
    [
        "Tourists experience a hand-washing ceremony at Sanqianli, in June 2019. CHINA DAILY",
        "Stolen goods seized by the police in the city. Photo courtesy of Shenzhen police",
        # a photographer and the agency in brackets, either way round, and a screenshot's mark
        "Students visit the museum in Shenyang, Sept. 17, 2010. [Yang Xinyue/Xinhua]",
        "Residents queue for tests at a community in Wuhan (Xinhua/Ju Peng)",
        # or across a slash, unbracketed (China Daily, qf_ming7_chinadaily_rongjiang_...)
        (
            "Thousands of fans watch a Village Super League soccer match in Rongjiang county. "
            "Yang Wenbin / Xinhua"
        ),
        "The reported person, a former deputy. (Web screenshot)",
        # the outlet it came from, in brackets (People's Daily Online, verbatim)
        "Zhang Jinzhe, 94, a pediatrician at Beijing Children’s Hospital. (China Youth Daily)",
    ],
)
def test_a_caption_credited_after_its_stop_is_no_headline(caption: str) -> None:
    """A picture's caption between the byline and the story, its credit in capitals or a
    "Photo courtesy of" after its sentence: the short headline over the byline is the story's."""
    byline = "By ALEXIS HOOI in Guilin | China Daily | Updated: 2021-06-14 11:37"
    parts = split_page(page("Green gems shine", byline, caption, *BODY))
    assert parts.title.text == "Green gems shine"


def test_the_first_line_after_a_store_s_date_loses_its_bullet() -> None:
    """The store's stamp, then the page's date line, bulleted ("date 2019-08-21   •
    Wednesday 21st August 2019"): a date, not a headline."""
    lines, _ = _lines("date 2019-08-21   • Wednesday 21st August 2019\n")
    assert [line.text for line in lines] == ["date 2019-08-21", "Wednesday 21st August 2019"]


@pytest.mark.parametrize(
    "byline",
    [
        "2020-12-20 中國日報網英語點津",  # the date, then China Daily's English-learning site
        "2024-07-22 09:16:43    [撰稿:万姗姗]    [来源:华声在线]",  # the date, then credits (verbatim)
    ],
)
def test_a_date_and_a_source_in_chinese_under_the_headline_are_its_byline(byline: str) -> None:
    """A bilingual page's Chinese half: the date beside the source or the credits, in Chinese,
    under the headline dates the story; the Chinese prompt under it is no text of the story."""
    title = "Residents shaken by subway line"
    parts = split_page(page(title, byline, "進入英語學習論壇下載音頻", *BODY))
    assert parts.title.text == title
    assert [line.text for line in parts.bylines] == [byline]


def test_summaries_of_videos_opening_in_this_video_are_a_listing() -> None:
    """A portal's list of videos, its titles lost (qn_ezhejiang_jinhua_foreigners_p2_2022):
    "In this video, let's meet Mika, ..." names the item itself, not the paragraph before."""
    text = tune_page("qn_ezhejiang_jinhua_foreigners_p2_2022.txt")
    paragraphs = [line for line in text.splitlines() if line.strip()]
    assert sum(p.startswith("In this video") for p in paragraphs) == 2
    parts = split_page(text)
    assert [p.text for p in parts.body] == paragraphs[:1]
    assert [t.body[0].text for t in parts.teasers] == paragraphs[1:]


@pytest.mark.parametrize(
    "name",
    [
        "qv_taipeitimes_dajia_matsu_pilgrimage_departs_2012.txt",
        "kh_taipeitimes_sihu_pomelo_flower_festival_2019.txt",
    ],
)
def test_an_untitled_story_whose_photographer_is_credited_is_no_listing(name: str) -> None:
    """Taipei Times stories kept from their lead on, a picture credited between paragraphs
    ("Photo: Chan Chao-yang, Taipei Times"): one story, its lead no headline, not a listing
    of summaries."""
    text = tune_page(name)
    lead = text.splitlines()[0]
    parts = split_page(text)
    assert parts.title is None
    assert parts.body[0].text == lead
    assert not [t for t in parts.teasers if t.body[0].start < text.index("Photo: Chan")]


def test_a_writer_s_name_as_the_page_s_first_line_is_its_byline() -> None:
    """Macau Post Daily's stored text opens with its writer's name, then the story (the
    headline lost): a byline, not the title; a topic the lead names again is no writer
    (China Daily's "Jin Opera", then "Jin Opera is one of the four Bangzi operas ...")."""
    lead = (
        "The Health Bureau (SSM) said in a statement on Saturday that it is offering free "
        "flu shots for residents from next month."
    )
    parts = split_page(page("Prisca Tang", lead, *BODY))
    assert parts.title is None
    assert [line.text for line in parts.bylines] == ["Prisca Tang"]
    topic = "Jin Opera is one of the four Bangzi operas in Shanxi Province."
    assert split_page(page("Jin Opera", topic, *BODY)).bylines == []


def test_an_exclaimed_kicker_over_a_title_cased_headline_is_the_title() -> None:
    """A machine-translated headline, kicker and headline on one line (breakinglatest's copy
    of Xinmin Evening News): the title, not the story's first paragraph; a paragraph whose
    sentence after the exclamation goes on in sentence case stays one."""
    title = (
        "Thousands of police officers are fighting hard to keep safe! Xuhui Police Deeply "
        "Promotes “Hundred-Day Operation” of Summer Public Security Crackdown"
    )
    parts = split_page(page(title, *BODY))
    assert parts.title.text == title
    paragraph = (
        "Thousands of police officers are fighting hard to keep the city safe this summer! "
        "They patrol the streets of the district day and night in the heat"
    )
    assert split_page(page(paragraph, *BODY)).title is None


def test_a_brief_s_heading_after_an_untitled_brief_is_no_late_headline() -> None:
    """Macau Daily Times' briefs, the first's heading lost: the heading after the first
    brief says the words of the brief under it, not of the one over it, so it heads the
    second brief; the story's own late headline says its lead's words again."""
    briefs = (
        (
            "Shuttle buses connecting Macau and the Hong Kong International Airport via the "
            "bridge will resume service next week, the operator said yesterday. Tickets go on "
            "sale on Monday."
        ),
        "Former governor Vieira to visit Macau",
        (
            "The former governor of Macau, Rocha Vieira, is visiting Macau this weekend as he is "
            "slated to receive an honorary degree."
        ),
        "Unlicensed tourist guides at Border Gate",
        (
            "The Macao Government Tourism Office has identified four individuals suspected of "
            "working as unlicensed tourist guides at the Border Gate."
        ),
    )
    parts = split_page(page(*briefs))
    assert parts.title is None
    assert [t.title.text for t in parts.teasers] == [briefs[1], briefs[3]]


def test_a_late_headline_under_a_caption_of_a_sentence_is_the_title() -> None:
    """Vientiane Times: the lead picture's caption first, then the headline, then the story
    the headline's words are from."""
    caption = "A bronze sculpture of a female paramedic giving medication to a child."
    title = "Lao journalists get firsthand experience of Zunyi city, China"
    lead = (
        "Lao journalists spent a week in Zunyi city, China, to get firsthand experience of "
        "its history, and the city welcomed them warmly."
    )
    parts = split_page(page(caption, title, lead, *BODY))
    assert parts.title.text == title


def test_an_interview_s_questions_and_answers_are_one_story() -> None:
    """Minhang's governor online, verbatim: its lead, then questions and answers, each short
    and seldom sharing a word with the one before, as an untitled listing's summaries do; an
    interview's turns are one story's."""
    parts = split_page(tune_page("dr_gov_shanghai_minhang_governor_online_office_2018.txt"))
    assert parts.teasers == []
    assert parts.body[3].text == "Q: When does the Pujiang Line open to traffic?"


def test_the_print_edition_s_note_dates_the_story() -> None:
    """Shanghai Daily's archive puts the print edition's note above its menus ("The story
    appears on", "Page A6", "May 25, 2020"): its date is the story's, which no byline gives."""
    parts = split_page(tune_page("ko_news_shine_archive_shanghai_safer_city_2020.txt"))
    assert parts.title.text == "Making the city safer at a time of global pandemic"
    assert [line.text for line in parts.bylines] == ["May 25, 2020"]


@pytest.mark.parametrize(
    "title",
    [
        "A Year In Review: Dongguan",  # heredg, verbatim
        "A Tour of Vigor and Fashion: Foreign Journalists Explore New Consumption in Chaoyang",
    ],
)
def test_a_label_s_word_after_a_joining_word_is_the_headline_s(title: str) -> None:
    """A reviewer's label ("Review") after "In", "Fashion" after "and": words of the
    headline, not the start of a byline written on its line."""
    parts = split_page(page(title, *BODY))
    assert parts.title.text == title
    assert parts.bylines == []


def test_a_wrapped_page_whose_headline_runs_on_into_its_text() -> None:
    """The Shanghai government's press release, wrapped at about 80 characters: its headline
    (90 characters) goes on in lowercase into the text whose first word the store cut ("the
    morning of yesterday"), and its last line is cut short. The width is that of most lines
    that go on; the headline stays the title."""
    parts = split_page(tune_page("mm_shio_qingpu_press_briefing_2023.txt"))
    title = (
        "Press Release for Media Briefing of the Shanghai Municipal Government on September 5, 2023"
    )
    assert parts.title.text == title
    assert parts.body[0].text.startswith("the morning of yesterday (September 5), the Information")
    assert "Strategically Empowered District" in parts.body[0].text


def test_briefs_under_a_source_byline_each_under_its_headline() -> None:
    """China Daily's "Around Beijing" under its byline ("Updated: ...", "( China Daily)"):
    each brief is news of its own under a short headline, though its lead does not say when;
    a story's picture caption between its paragraphs under a source line heads no brief
    (EyeShenzhen's "Travelers flood the Shenzhen North Station as ...")."""
    parts = split_page(tune_page("rd_chinadaily_around_beijing_briefs_2011_07.txt"))
    assert parts.title.text == "Boost in bike rental sites"
    assert [t.title.text for t in parts.teasers] == [
        "Kindergartens closed for safety",
        "Detention centers open to public",
        "Storm traps 12 under steel shelter",
    ]
    story = split_page(tune_page("or_waterfrontech_mirror_shenzhen_north_station_2024.txt"))
    assert story.teasers == []


def test_a_listing_s_snippet_cut_shorter_goes_on_with_the_listing() -> None:
    """Macau Daily Times' category page: titles over snippets the site cut at a length, one
    cut after eight words ("The Meteorological and Geophysical Bureau (SMG) will only"); once
    the listing's shape holds, it is that title's snippet, and the listing goes on."""
    parts = split_page(tune_page("rd_macaudailytimes_headlines_category_p2_2020.txt"))
    titles = [t.title.text for t in parts.teasers]
    assert "Typhoon Signal No. 3 to be hoisted only ‘in the evening’" in titles
    assert "Gov’t starts consultation to define ‘sandwich class’" in titles


def test_a_reporter_s_bracketed_credit_opens_the_story_under_its_picture() -> None:
    """The Liberty Times via txtreport: the lead picture's caption, "(The picture is provided
    by ...)", then "[Reporter Xie Jieyu/Nantou Report] Nantou County ...": the story starts at
    the credit, which is split off; where the reporter filed from is no outlet."""
    page_text = tune_page("ja_txtreport_nantou_magistrate_elect_cabinet_2022.txt")
    articles, _headlines = page_records(Page("ja.txt", "0", page_text))
    assert articles[0]["body_raw"].startswith("Nantou County Magistrate-elect Xu Shuhua, under")
    assert (articles[0]["authors"], articles[0]["outlet"]) == (["Xie Jieyu"], None)
