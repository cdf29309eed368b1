"""Page to records, checked against every gold page of the corpus and of tests/pages."""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from pathlib import Path

import pytest

from newsmend import schema
from newsmend.ingest import Page, read_page
from newsmend.records import page_records, record_id

HERE = Path(__file__).parent
GOLD_DIRS = [HERE / "fixtures" / "corpus", HERE / "pages"]
GOLDS = sorted(p for d in GOLD_DIRS for p in d.glob("*.gold.json"))

# What the repair stage later changes, so that raw text compares loosely with the gold:
# a dangling fragment at the end ("[Cla", "[Click", "..."), spaced hyphens, Chinese residue.
FRAGMENT = re.compile(r"\s*(?:\[\w*|\.\.\.|…)\s*$")
SPACED_HYPHEN = re.compile(r"(?<=\w) -(?=\w)")
CJK = re.compile(r"[(（]?[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+[)）]?")
WORD = re.compile(r"[0-9A-Za-z]+")


def loose(text: str | None) -> str:
    text = CJK.sub(" ", SPACED_HYPHEN.sub("-", text or ""))
    return " ".join(FRAGMENT.sub("", text).split())


def similar(a: str | None, b: str | None) -> float:
    def tokens(text: str | None) -> str:
        return " ".join(WORD.findall(loose(text).lower()))

    return difflib.SequenceMatcher(None, tokens(a), tokens(b)).ratio()


def iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None


def load(gold_path: Path) -> tuple[dict, list[dict], list[dict]]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    page = read_page(gold_path.parent / gold["source_file"], gold_path.parent)
    assert isinstance(page, Page), page
    articles, headlines = page_records(page)
    return gold, articles, headlines


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: p.name.split(".")[0])
def test_page_matches_gold(gold_path: Path) -> None:
    gold, articles, headlines = load(gold_path)
    assert len(articles) == len(gold["articles"])
    for got, want in zip(articles, gold["articles"]):
        assert got["kind"] == want["kind"]
        assert similar(got["title_raw"], want["title"]) >= 0.8, got["title_raw"]
        assert iso(got["published"]) == want["published"]
        assert got["outlet"] == want["outlet"]
        assert got["authors"] == want["authors"]
        assert got["editors"] == want["editors"]
        body = loose(got["body_raw"])
        assert body.startswith(loose(want["body_first_words"])), body[:80]
        assert body.endswith(loose(want["body_last_words"])), body[-80:]
    assert len(headlines) == len(gold["headlines"])
    for got, want in zip(headlines, gold["headlines"]):
        assert similar(got["title_raw"], want["title"]) >= 0.8, got["title_raw"]
        assert iso(got["published"]) == want["published"]


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: p.name.split(".")[0])
def test_records_point_into_the_page(gold_path: Path) -> None:
    _gold, articles, headlines = load(gold_path)
    text = read_page(gold_path.parent / _gold["source_file"], gold_path.parent).text
    for record in articles[1:]:
        assert text[record["start"] : record["end"]].startswith(record["title_raw"])
        assert text[record["start"] : record["end"]].endswith(record["body_raw"])
    for record in headlines:
        assert record["title_raw"] in text[record["start"] : record["end"]]
        assert record["parent_record_id"] == articles[0]["record_id"]


def sample_page(text: str) -> Page:
    return Page("sub/page.txt", "0" * 64, text)


SAMPLE_BLOCKS = (
    "Title",
    "Author:Taizhou Daily Time:2022.01.03",
    "Body paragraph.",
    "Hot articles",
    "First story",
    "12-30",
    "Second story",
    "01-02",
    "Editor: Feng Lili",
    "- END -",
    "A teaser",
    "Issued at 15:15 on June 8, 2022.",
)
SAMPLE = "\n\n".join(SAMPLE_BLOCKS)


def test_record_keys_are_the_schema_columns_extraction_fills() -> None:
    articles, headlines = page_records(sample_page(SAMPLE))
    later = {"title", "body", "repairs", "flags", "run_id"}
    assert all(set(a) == set(schema.ARTICLES) - later for a in articles)
    assert all(set(h) == set(schema.HEADLINES) - later for h in headlines)
    assert [a["position"] for a in articles] == [0, 1]
    assert [a["kind"] for a in articles] == ["article", "teaser"]
    assert all(a["truncated"] is False for a in articles)


def test_record_ids_are_stable_and_per_table() -> None:
    articles, headlines = page_records(sample_page(SAMPLE))
    assert articles[0]["record_id"] == record_id("sub/page.txt", "articles", 0)
    assert headlines[0]["record_id"] == record_id("sub/page.txt", "headlines", 0)
    assert re.fullmatch(r"[0-9a-f]{16}", articles[0]["record_id"])
    assert page_records(sample_page(SAMPLE)) == (articles, headlines)


def test_list_dates_without_year_take_the_page_year_or_the_one_before() -> None:
    _articles, headlines = page_records(sample_page(SAMPLE))
    assert [(h["published_raw"], iso(h["published"])) for h in headlines] == [
        ("12-30", "2021-12-30"),
        ("01-02", "2022-01-02"),
    ]


def test_teaser_dated_only_by_a_full_date_in_its_snippet() -> None:
    articles, _ = page_records(sample_page(SAMPLE))
    assert articles[1]["published_raw"] == "15:15 on June 8, 2022"
    assert iso(articles[1]["published"]) == "2022-06-08"
    assert (articles[1]["outlet"], articles[1]["authors"], articles[1]["editors"]) == (None, [], [])


def test_a_byline_of_names_and_outlet_run_into_a_snippet_credits_its_teaser() -> None:
    text = (
        "Hangzhou in final stage of preparations for 19th Asian Games\n\n"
        "By Jiang Nan, Dou Hao, People's Daily The 19th Asian Games will kick off in less than"
        " a month...\n\n"
        "Saline-alkali soil turned into valuable assets in Ningxia\n\n"
        "By Qin Ruijie, People's Daily It's impossible for saline-alkali soil to turn fertile,"
        " but it can generate profits when...\n\n"
        "China's Mars rover reveals structure of Martian subsurface\n\n"
        "By Wu Yuehui, People's Daily The Mars rover Zhurong of China's first Mars exploration"
        " mission, Tianwen-1, touched down at...\n"
    )
    articles, _ = page_records(sample_page(text))
    assert [(a["authors"], a["outlet"], a["body_raw"][:8]) for a in articles] == [
        (["Jiang Nan", "Dou Hao"], "People's Daily", "The 19th"),
        (["Qin Ruijie"], "People's Daily", "It's imp"),
        (["Wu Yuehui"], "People's Daily", "The Mars"),
    ]


def test_a_deck_naming_its_writers_under_a_pictures_caption_credits_them() -> None:
    text = (
        "Pastures for posterity\n\nUpdated: 2023-09-09 07:13 ( CHINA DAILY )\n"
        "An ox cart master craftsman at his workshop in July. WANG HAORAN/CHINA DAILY\n\n"
        "Time-honored grassland nomadic system brings together tradition and innovation for"
        " sustainable success, report Alexis Hooi and Yuan Hui in Chifeng, Inner Mongolia.\n\n"
        "Ethnic Mongolian herder Erdenetsugla rode his horse alongside his flock.\n\n"
        "The grasslands stretch to the mountains on the horizon.\n"
    )
    [article], [] = page_records(sample_page(text))
    assert article["authors"] == ["Alexis Hooi", "Yuan Hui", "Wang Haoran"]
    assert (iso(article["published"]), article["outlet"]) == ("2023-09-09", "CHINA DAILY")
    assert article["body_raw"].startswith("Ethnic Mongolian herder")


@pytest.mark.parametrize(
    ("byline", "story", "outlet", "published"),
    [
        (  # and a dateline alone dates the story
            "by Staff Writers\n\nBeijing (AFP) Aug 19, 2019",
            "Hong Kong (AFP) Aug 20, 2019 - Britain's Foreign Office said Tuesday it was concerned.",
            "AFP",
            "2019-08-19",
        ),
        (  # the account that posted it
            "Edit:Admin Date:2016-04-01 Visitcount:",
            "On March 30, the university held its spring commencement for its students.",
            None,
            "2016-04-01",
        ),
    ],
    ids=["staff writers", "admin"],
)
def test_a_credit_that_names_nobody_credits_no_one(
    byline: str, story: str, outlet: str | None, published: str
) -> None:
    text = f"China plans to make Shenzhen a better place\n\n{byline}\n\n{story}\n"
    [article], [] = page_records(sample_page(text))
    assert (article["authors"], article["editors"], article["credits"]) == ([], [], [])
    assert (article["outlet"], iso(article["published"])) == (outlet, published)


def test_bianji_after_a_web_editor_is_the_word_editor_not_a_person() -> None:
    text = (
        "Aerial view of Daqing\n\n"
        "The wetlands of Daqing in Heilongjiang Province are seen from the air in autumn.\n\n"
        "(Web editor: Xia Peiyao, Bianji)\n"
    )
    [article], [] = page_records(sample_page(text))
    assert article["editors"] == ["Xia Peiyao"]


@pytest.mark.parametrize(
    "source_line", ["Source: 本站\n\n02/01/2024 17:00", "Source:this site  Date:02/01/2024"]
)
def test_a_source_that_is_the_site_itself_names_no_outlet_and_the_date_is_read(
    source_line: str,
) -> None:
    text = (
        "Delegates sit in on the opening meeting of the provincial congress\n\n"
        f"{source_line}\n\n"
        "The second session of the provincial congress opened on Jan 30 in Wuhan.\n"
    )
    [article], [] = page_records(sample_page(text))
    assert article["outlet"] is None  # the CMS's default "this site", no stated source
    assert article["published"] == dt.date(2024, 2, 1)


def test_a_sites_address_between_title_and_date_is_the_byline() -> None:
    """A site's address alone on its line ("http://www.dongguantoday.com/") names the site
    by its domain, as a source label's address does: it joins the date in the byline, and
    the story's text is not taken for another story."""
    text = (
        "30 consular officers experience Lingnan culture in Dongguan\n\n"
        "http://www.dongguantoday.com/\n\n"
        "06/27/2018 09:35\n\n"
        "The consular delegation visited Dongguan Botanic Garden to experience Lingnan culture.\n\n"
        "The tour was held on 23rd June in Dongguan, Guangdong.\n"
    )
    [article], [] = page_records(sample_page(text))
    assert article["outlet"] == "www.dongguantoday.com"
    assert article["published"] == dt.date(2018, 6, 27)
    assert article["body_raw"].startswith("The consular delegation visited")


def test_a_day_without_a_year_on_a_page_that_gives_none_is_no_date() -> None:
    text = "Wednesday, May 31\n\nResearch base opens in Anshun\n\nThe base opened on August 30th.\n"
    [article], [] = page_records(sample_page(text))
    assert (article["published_raw"], article["published"]) == (None, None)  # not a broken date


def test_unparseable_byline_date_is_kept_raw() -> None:
    text = "Title\n\nTime: the day before yesterday Source: Huai'an Release\n\nBody.\n"
    [article], [] = page_records(sample_page(text))
    assert article["published_raw"] == "the day before yesterday"
    assert article["published"] is None
    assert article["outlet"] == "Huai'an Release"


@pytest.mark.parametrize(
    ("closing", "published"),
    [("", None), (" It was his first visit since May 5, 2019.", "2019-03-20")],
)
def test_a_wire_dateline_without_a_year_dates_the_story_only_when_the_page_gives_one(
    closing: str, published: str | None
) -> None:
    text = f"Xi inspects Changde\n\nCHANGSHA, March 20 (Xinhua) -- Xi Jinping inspected.{closing}\n"
    [article], [] = page_records(sample_page(text))
    assert (article["outlet"], iso(article["published"])) == ("Xinhua", published)
    assert (article["published_raw"] is None) == (published is None)


def test_a_release_dated_by_its_wire_after_a_summary_paragraph() -> None:
    summary = "From May 19 to November 19, the city's tourism bureau held a publicity campaign."
    text = (
        f"Chifeng campaign travels miles\n\n{summary}\n\n"
        f"/EIN News/ -- Chifeng, China, Nov. 23, 2021 (GLOBE NEWSWIRE) -- {summary}\n"
    )
    [article], [] = page_records(sample_page(text))
    assert (article["outlet"], iso(article["published"])) == ("GLOBE NEWSWIRE", "2021-11-23")


def test_a_roundup_of_wire_stories_is_a_story_each_credited_by_its_dateline() -> None:
    stories = [
        ("Changsha metro line 6 opens to passengers", "CHANGSHA, May 6, 2023 (Xinhua) -- The new line links the airport with the city."),
        ("Xiang River cruise season starts early", "CHANGSHA, May 5 (Xinhua) -- Tour boats began night cruises on the river."),
        ("Yuelu Mountain adds new hiking trails", "CHANGSHA, May 4 (ECNS) -- Three new trails opened on the mountain."),
    ]  # fmt: skip
    text = "\n".join(
        f"{title}\n{paragraph}\nIt is the first of its kind." for title, paragraph in stories
    )
    articles, [] = page_records(sample_page(text + "\n"))
    assert [(a["title_raw"], a["outlet"]) for a in articles] == [
        (title, agency) for (title, _), agency in zip(stories, ["Xinhua", "Xinhua", "ECNS"])
    ]
    assert iso(articles[0]["published"]) == "2023-05-06"
    assert [a["published"] for a in articles[1:]] == [None, None]  # no year of their own


def test_second_byline_line_adds_its_persons() -> None:
    text = "Title\n\nSource: Wuxi Daily 2022-06-10\n\nReporter Zhang Wei\n\nBody.\n"
    [article], [] = page_records(sample_page(text))
    assert (article["outlet"], article["authors"]) == ("Wuxi Daily", ["Zhang Wei"])
    assert article["body_raw"] == "Body."


def test_list_dates_take_the_year_of_the_list_when_the_page_has_no_date() -> None:
    blocks = (
        "Ningbo news",
        "Source: Ningbo Daily",
        "Body.",
        "2022-03-18 | First story",
        "03-16 | Second story",
    )
    _articles, headlines = page_records(sample_page("\n\n".join(blocks)))
    assert [iso(h["published"]) for h in headlines] == ["2022-03-18", "2022-03-16"]


def test_portal_page_reads_its_date_outlet_and_translator() -> None:
    from test_split import PORTAL_PAGE

    [article], [] = page_records(sample_page(PORTAL_PAGE))
    assert article["title_raw"] == "Chinese Central Media Reports Hunan's Achievements"
    assert (article["published_raw"], iso(article["published"])) == ("2019-07-31", "2019-07-31")
    assert article["outlet"] == "jschina.com.cn"
    assert (article["authors"], article["editors"]) == (["Yang Huafeng"], ["Xiao Juan"])
    assert article["credits"] == [
        {"role": "photographer", "name": "Yang Huafeng"},  # from the caption
        {"role": "translator", "name": "Xiao Juan"},
    ]


@pytest.mark.parametrize(
    ("byline", "published"),
    [
        ("Updated:2021-07-02 17:30:38", "2021-07-02"),
        ("Jun 05, 2024 05:53 AM", "2024-06-05"),
        ("2020-07-15 Browse:", "2020-07-15"),
        ("time:2022-12-29 14:02:18", "2022-12-29"),
        ("date 2023-04-12", "2023-04-12"),
        ("发布时间：2022-12-29 10:00", "2022-12-29"),
        ("Release time: 08-02 14:00", "2022-08-02"),
        ("Source:Taizhou 2022-11-28 14:44", "2022-11-28"),
    ],
)
def test_byline_dates_in_the_forms_real_pages_write(byline: str, published: str) -> None:
    text = (
        f"A title\n\n{byline}\n\nThe city opened a park.\n\nRelated news\n\nA park\n\n2022-07-30\n"
    )
    [article], _headlines = page_records(sample_page(text))
    assert iso(article["published"]) == published


@pytest.mark.parametrize(
    ("credit", "editors"),
    [
        ("Editor: 曹家宁", ["曹家宁"]),  # named only in Chinese: as written
        ("来源:中国网 时间:2020-03-26 15:13:06 编辑:刘婷婷 点击:", ["刘婷婷"]),
        ("来源:enghunan.gov.cn 编辑:谭婕倪 2023-08-22 14:08:02", ["谭婕倪"]),  # a date after it
        # a bilingual page's credits in brackets: translators, the voice (no editor), a reviewer
        (
            "(中文来源/河南日报 编译/赵汉青 杨佳欣 播音/实习生陈叶亮 审校/焦丹)",
            ["赵汉青", "杨佳欣", "焦丹"],
        ),
    ],
)
def test_a_person_credited_only_in_chinese_is_credited(credit: str, editors: list[str]) -> None:
    text = f"A title\n\nBody paragraph of the story.\n\n{credit}"
    articles, _headlines = page_records(sample_page(text))
    assert articles[0]["editors"] == editors


def test_a_label_of_two_roles_credits_the_person_in_both_columns() -> None:
    """Guangzhou's English sites credit one person who wrote and edited the story."""
    text = "A title\n\nBody paragraph of the story.\n\nEnglish author & editor: Lyu Yun"
    articles, _headlines = page_records(sample_page(text))
    assert (articles[0]["authors"], articles[0]["editors"]) == (["Lyu Yun"], ["Lyu Yun"])


def test_a_person_credited_in_english_too_is_named_in_english() -> None:
    text = "A title\n\nBody paragraph of the story.\n\nEditor: Li Na\n\n责任编辑：李娜"
    articles, _headlines = page_records(sample_page(text))
    assert articles[0]["editors"] == ["Li Na"]


def test_another_person_credited_only_in_chinese_is_credited_beside_the_english_one() -> None:
    text = "A title\n\nBody paragraph of the story.\n\nEditor: Yu Jiangjiang\n\n编辑：贺予菁"
    articles, _headlines = page_records(sample_page(text))
    assert articles[0]["editors"] == ["Yu Jiangjiang", "贺予菁"]


def test_a_bracketed_credit_read_with_the_byline_above_it_credits_everyone() -> None:
    blocks = ("Title", "People's Daily Online) 17:53, February 02, 2023",
              "(Web editor: Xian Jiangnan, Du Mingming)", "Body.")  # fmt: skip
    [article], [] = page_records(sample_page("\n".join(blocks[:3]) + "\n\n" + blocks[3]))
    assert article["editors"] == ["Xian Jiangnan", "Du Mingming"]


@pytest.mark.parametrize(
    ("aside", "published"), [("", "2025-01-06"), ("Yahoo 22-05-2025", "2025-06-01")]
)
def test_an_article_date_that_reads_either_way_follows_the_pages_other_dates(
    aside: str, published: str
) -> None:
    text = (
        f"Teacher helps boy\n\nSource: Yahoo 01-06-2025\n\nA teacher helped a shy boy.\n\n{aside}\n"
    )
    [article], _ = page_records(sample_page(text))
    assert iso(article["published"]) == published


STORY = (
    "Hunan opens new bridge over Xiang River\n"
    "Officials in Hunan opened a new bridge over the Xiang River on Saturday, linking the"
    " two districts of Changsha that had been joined by a ferry.\n"
    "The bridge, 1.2 kilometres long, cost 800 million yuan and took three years to build,"
    " the city's transport bureau said.\n"
    "Residents said the crossing would cut their commute by half an hour each day.\n"
)


def test_a_date_alone_after_the_story_dates_it() -> None:
    """A government page's date under the last paragraph is the story's date, not a list
    of one headline (the last paragraph over its date)."""
    articles, headlines = page_records(Page("p.txt", "0", STORY + "2023-05-06\n"))
    assert articles[0]["published"] == dt.date(2023, 5, 6)
    assert articles[0]["body_raw"].endswith("each day.")
    assert headlines == []


def test_a_title_over_a_date_after_the_story_is_still_a_list() -> None:
    listed = "Xiamen opens a new park by the sea\n2023-04-01\n"
    articles, headlines = page_records(Page("p.txt", "0", STORY + listed))
    assert [(h["title_raw"], h["published"]) for h in headlines] == [
        ("Xiamen opens a new park by the sea", dt.date(2023, 4, 1))
    ]
    assert articles[0]["published"] is None


@pytest.mark.parametrize(
    ("head", "title", "authors", "outlet"),
    [
        (
            "Hunan opens new bridge [Photos]\n2023-05-06\n",
            "Hunan opens new bridge [Photos]",
            [],
            None,
        ),
        (
            "Hunan opens new bridge\nThe new bridge in Changsha. [Photo/Xinhua]\n2023-05-06\n",
            "Hunan opens new bridge",
            [],
            None,
        ),
        (
            "Share\nHunan opens new bridge\nLi Hua | Hunan Daily | 2023-05-06\n",
            "Hunan opens new bridge",
            ["Li Hua"],
            "Hunan Daily",
        ),
    ],
)
def test_heads_of_news_sites(head: str, title: str, authors: list[str], outlet: str | None) -> None:
    """A headline with "[Photos]" after it, a picture's caption credited in square brackets
    between the headline and its date, a writer, outlet and date in one bar."""
    body = STORY.split("\n", 1)[1]
    articles, headlines = page_records(Page("p.txt", "0", head + body))
    article = articles[0]
    assert (article["title_raw"], article["authors"], article["outlet"]) == (title, authors, outlet)
    assert article["published"] == dt.date(2023, 5, 6)
    assert article["body_raw"].startswith("Officials in Hunan")
    assert (len(articles), headlines) == (1, [])


LISTED = [
    (
        "Changsha metro line 6 opens to passengers",
        "The line links the airport with the centre.",
        "2023-05-01",
    ),
    (
        "Xiang River cruise season starts early",
        "Tour boats began night cruises on Friday.",
        "2023-04-28",
    ),
    (
        "Yuelu Mountain adds new hiking trails",
        "Three new trails opened this weekend.",
        "2023-04-25",
    ),
]


@pytest.mark.parametrize(
    "order",
    ["title date text", "date title text", "title text date", "date+title text", "title|date text"],
)
def test_a_list_of_stories_dates_each_by_its_own_date_wherever_the_date_stands(order: str) -> None:
    """A listing page writes each story's date in one place: under its title, over it (on
    a line of its own or before the title), or under its text; a date between two stories is
    the one of the story that has none."""
    fields = order.split()
    text = "".join(
        "".join(
            {
                "title": t,
                "text": s,
                "date": d,
                "date+title": f"{d} {t}",
                "title|date": f"{t} | {d}",
            }[f]
            + "\n"
            for f in fields
        )
        for t, s, d in LISTED
    )
    articles, headlines = page_records(Page("p.txt", "0", text))
    assert [(a["title_raw"], str(a["published"])) for a in articles] == [
        (t, d) for t, _s, d in LISTED
    ]
    assert headlines == []


BODY_LINES = (
    "A new riverside park opened in Yangzhou on Monday, offering residents green space.",
    "The park includes walking trails and a restored pavilion, the housing bureau said.",
)


def park_page(*head: str) -> Page:
    """A story under the given lines (a site's furniture, its headline, its byline)."""
    return Page("park.txt", "0", "\n\n".join((*head, *BODY_LINES)) + "\n")


@pytest.mark.parametrize(
    ("byline", "published", "outlet", "editors"),
    [
        (
            "Article source: Yangzhou Daily  Publication date: 2021-07-02",
            "2021-07-02",
            "Yangzhou Daily",
            [],
        ),
        ("Time of publication: 2021-07-02 09:15  Number of visits: 312", "2021-07-02", None, []),
        (
            "Publication time: 2021-07-02 10:00:00 Source: Yangzhou News Network Editor: Li Hua",
            "2021-07-02",
            "Yangzhou News Network",
            ["Li Hua"],
        ),
        ("2 July 2021 | Yangzhou", "2021-07-02", "Yangzhou", []),
    ],
)
def test_machine_translated_labels_and_a_one_word_place_read_as_a_byline(
    byline: str, published: str, outlet: str | None, editors: list[str]
) -> None:
    title = "Yangzhou opens new riverside park"
    [article], headlines = page_records(park_page("Home > News", title, byline))
    assert (article["title_raw"], iso(article["published"])) == (title, published)
    assert (article["outlet"], article["editors"], headlines) == (outlet, editors, [])
    assert article["body_raw"].startswith(BODY_LINES[0])


@pytest.mark.parametrize(
    "furniture",
    [("Home", "News", "Tourism"), ("Enter keywords", "Search"), ("Skip to main content", "Menu")],
)
def test_a_menus_one_word_item_is_no_title(furniture: tuple[str, ...]) -> None:
    [article], _ = page_records(park_page(*furniture, "Updated: 2021-07-02"))
    assert article["title_raw"] is None and iso(article["published"]) == "2021-07-02"


def test_a_headline_with_the_portals_name_after_an_underscore_keeps_its_words() -> None:
    line = "Yangzhou opens new riverside park_Yangzhou Government Portal"
    [article], _ = page_records(
        park_page("Yangzhou Government Portal", line, "Updated: 2021-07-02")
    )
    assert article["title_raw"] == "Yangzhou opens new riverside park"


def test_listed_titles_dated_in_byline_lines_are_dated_headlines() -> None:
    """A site's latest stories under the one shown, each over a line of its date, time and
    section (ds_ focustaiwan): headlines, dated by that line."""
    listed = [
        ("Healthcare groups welcome proposed tax relief on doctors' overtime pay", "08:28 PM"),
        ("Media workers, academics urge gov't support for Taiwan journalism", "07:15 PM"),
    ]
    text = "\n\n".join(
        [
            "Lin Chia-lung wins the race for mayor in Taichung",
            "Source: CNA 2014-11-29",
            "Lin Chia-lung of the Democratic Progressive Party announced Saturday he has won.",
            "His rival conceded in the evening, and thanked the city's voters for their support.",
            *(line for title, time in listed for line in (title, f"06/12/2025 {time} - Society")),
        ]
    )
    _articles, headlines = page_records(sample_page(text))
    assert [(h["title_raw"], h["published"]) for h in headlines] == [
        (title, dt.date(2025, 6, 12)) for title, _time in listed
    ]
