"""Bylines, credit lines and run-together names, with the tables they read."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmend.credits import (
    FAMILY_NAMES,
    GROUPS,
    LABEL,
    NAME_SEPARATOR,
    NOBODY,
    PERSON_ROLES,
    ROLES,
    Byline,
    bracketed_credits,
    caption_credits,
    is_cjk_credit,
    is_own_site,
    is_site_name,
    looks_like_byline,
    looks_like_chinese_names,
    parse_byline,
    parse_credit_fields,
    parse_credit_line,
    read_dateline,
    split_names,
)
from newsmend.credits.fields import _compile_labels
from newsmend.credits.names import listed_names
from newsmend.furniture import strip_toolbar
from newsmend.split import split_page
from newsmend.split.lines import _kind
from newsmend.split.parts import CREDIT, META
from newsmend.tables import read_lines

SEPARATORS = [": ", ":", "：", " | ", "|", "/", " / "]
PERSON_LABELS = sorted(label for label, role in ROLES.items() if role in PERSON_ROLES)


@pytest.mark.parametrize("separator", SEPARATORS)
@pytest.mark.parametrize("label", PERSON_LABELS)
def test_every_person_label_reads_its_names(label: str, separator: str) -> None:
    line = f"{label}{separator}Wang Yingyao Li Changzheng"
    assert parse_credit_line(line) == (ROLES[label], ["Wang Yingyao", "Li Changzheng"])


@pytest.mark.parametrize("label", sorted(label for label, r in ROLES.items() if r == "outlet"))
def test_outlet_label(label: str) -> None:
    assert parse_credit_line(f"{label}: Huzhou Daily") == ("outlet", ["Huzhou Daily"])


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("Author: Wang Yingyao", "author"),
        ("Text | Kong Fanyu", "author"),
        ("Edit: Feng Lili", "editor"),
        ("Responsible editor: Lin Weiwei", "editor"),
        ("Editor in charge | Ma Jun", "editor"),
        ("Review: Tang Hao", "editor"),
        ("Proofreading: Jiang Wen", "editor"),
        ("Producer: Lou Jianguo", "editor"),
        ("Translator: Pang Yuehui", "editor"),
        ("(Correspondent Zhao Lei)", "author"),
        ("Photo by Yang Huafeng", "author"),
        ("Reviewed by Li Na", "editor"),
        # a WeChat article's credits block in machine translation (责任编辑, 审核, 监制, 出品)
        ("Editorial Editor: Ye Wei", "editor"),
        ("Audit Officer: Zhou Qin", "editor"),
        ("Supervised by: Ma Zhiping", "editor"),
        ("Produced: Wu Xiao and Guo Shaohua", "editor"),
        ("(Shoot by Journalist Kuang Wenjie)", "author"),  # 记者 ... 摄, word for word
        ("Photographs: Wang Jing", "author"),  # China Daily's video pages
        ("Illustration: Xia Qing/GT", "author"),  # the Global Times' drawn pictures
        ("Reporting by Li Xingquan; trans-editing by Wang Shixue", "author"),  # Yunnan Net
    ],
)
def test_roles_as_the_golds_count_them(line: str, role: str) -> None:
    assert GROUPS[parse_credit_line(line)[0]] == role


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        ("Translator: Pang Yuehui", [("translator", ["Pang Yuehui"])]),
        ("(Correspondent Zhao Lei)", [("correspondent", ["Zhao Lei"])]),
        ("(Source:jschina.com.cn)", [("outlet", ["jschina.com.cn"])]),
        (
            "Reporter: Li Hua | Editor: Wang Fang",
            [("reporter", ["Li Hua"]), ("editor", ["Wang Fang"])],
        ),
        # a given name run into the family name, and a label into the name before it
        (
            "By: Kelly PangEdited by: BellaHuang",
            [("author", ["Kelly Pang"]), ("editor", ["Bella Huang"])],
        ),
        ("By Poyi (Natalie) Leung", [("author", ["Poyi (Natalie) Leung"])]),
        ("By Li Hua (Xinhua)", [("author", ["Li Hua"]), ("outlet", ["Xinhua"])]),
        ("Published in: Macau Daily Times", [("outlet", ["Macau Daily Times"])]),
        ("Source: HuaLong Net", [("outlet", ["HuaLong Net"])]),
        # a brand's small letter before its capital
        ("By Rui Hu, iChongqing News", [("author", ["Rui Hu"]), ("outlet", ["iChongqing News"])]),
        # a space on one side of the slash: no name runs into the outlet
        ("By Afra Jin/ Hellosanya", [("author", ["Afra Jin"]), ("outlet", ["Hellosanya"])]),
    ],
)
def test_credit_roles_are_kept(line: str, fields: list) -> None:
    assert parse_credit_fields(line) == fields


@pytest.mark.parametrize(
    "line",
    [
        "The meeting also studied other matters.",
        "Review: the city has made great progress in the first half of the year.",
        "Editor: 12 new schools",
        "责任编辑：李娜",
        "Video Map Download Contact Us",  # a menu opening with a label's word
    ],
)
def test_not_a_credit_line(line: str) -> None:
    assert parse_credit_line(line) is None


def test_chinese_credit_is_residue() -> None:
    assert is_cjk_credit("责任编辑：李娜")
    assert is_cjk_credit("Editor: 李娜")
    assert not is_cjk_credit("Editor: Li Na")


@pytest.mark.parametrize("family", read_lines("family_names.txt"))
def test_every_family_name_starts_a_person(family: str) -> None:
    assert split_names(f"Wang Lei {family} Xiaoming") == ["Wang Lei", f"{family} Xiaoming"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Wang Yingyao Li Changzheng", ["Wang Yingyao", "Li Changzheng"]),
        (
            "Zhu Qian Ouyang Xiaofeng Li Changzheng",
            ["Zhu Qian", "Ouyang Xiaofeng", "Li Changzheng"],
        ),
        ("Wang Lei Zhao Min, Sun Qiang", ["Wang Lei", "Zhao Min", "Sun Qiang"]),
        ("Zhang Yuting Mao Jie, Wu Di", ["Zhang Yuting", "Mao Jie", "Wu Di"]),
        ("Chen Jing and Zhou Min", ["Chen Jing", "Zhou Min"]),
        ("Li Na、Wang Fang", ["Li Na", "Wang Fang"]),
        ("Wang Li Zhang Wei", ["Wang Li", "Zhang Wei"]),
    ],
)
def test_split_names(text: str, names: list[str]) -> None:
    assert split_names(text) == names


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("Author:Taizhou Daily Time:2022.08.02", Byline("Taizhou Daily", "2022.08.02")),
        (
            "Source: Xinhua News Agency 2022-07-15 09:32",
            Byline("Xinhua News Agency", "2022-07-15 09:32"),
        ),
        ("Release time: 2022-06-30 Source: Yunnan Daily", Byline("Yunnan Daily", "2022-06-30")),
        (
            "2022-05-19 10:46:12 Source: China News Network",
            Byline("China News Network", "2022-05-19 10:46:12"),
        ),
        ("Source: Huzhou Daily", Byline("Huzhou Daily", None)),
        (
            "Reporter Zhang Wei Correspondent Liu Fang",
            Byline(
                None,
                None,
                ["Zhang Wei", "Liu Fang"],
                credits=[("reporter", "Zhang Wei"), ("correspondent", "Liu Fang")],
            ),
        ),
        (
            "Text/Chen Jing Picture/Zhou Min",
            Byline(
                None,
                None,
                ["Chen Jing", "Zhou Min"],
                credits=[("author", "Chen Jing"), ("photographer", "Zhou Min")],
            ),
        ),
        (
            "Reporter Xu Jie Correspondent Shen Lu 2022/7/12",
            Byline(
                None,
                "2022/7/12",
                ["Xu Jie", "Shen Lu"],
                credits=[("reporter", "Xu Jie"), ("correspondent", "Shen Lu")],
            ),
        ),
        (
            "Time: the day before yesterday Source: Huai'an Release",
            Byline("Huai'an Release", "the day before yesterday"),
        ),
        (
            "Release time: 2022年8月5日 Source: Nantong Daily",
            Byline("Nantong Daily", "2022年8月5日"),
        ),
        (
            "By Li Hua | China Daily",
            Byline("China Daily", None, ["Li Hua"], [], [("author", "Li Hua")]),
        ),
        ("Source:Taizhou 2022-11-28 14:44", Byline("Taizhou", "2022-11-28 14:44")),
        ("Updated:2021-07-02 17:30:38", Byline(None, "2021-07-02 17:30:38")),
        ("time:2022-12-29 14:02:18", Byline(None, "2022-12-29 14:02:18")),
        ("date 2023-04-12", Byline(None, "2023-04-12")),
        ("发布时间：2022-12-29", Byline(None, "2022-12-29")),
        (  # WordPress files the post under its categories; the writer's name again in Chinese
            "Posted in Changchun, DPR Korea, Tourism on May 10, 2014 by Zuo Shou / 左手",
            Byline(None, "May 10, 2014", ["Zuo Shou"], [], [("author", "Zuo Shou")]),
        ),
        ("Posted in News", Byline(None, None)),  # categories, no date: nothing to read
        (  # the section the story is filed under, in lower case, after the date
            "News source:hiHainan / By Lin Jianing, Cai Rong / 01 09,2021 13:36:59 / others",
            Byline(
                "hiHainan",
                "01 09,2021 13:36:59",
                ["Lin Jianing", "Cai Rong"],
                [],
                [("author", "Lin Jianing"), ("author", "Cai Rong")],
            ),
        ),
        (
            "By Li Hua / 新华社",
            Byline("新华社", None, ["Li Hua"], [], [("author", "Li Hua")]),
        ),
        # a label in traditional characters, as Taiwan's and Hong Kong's pages write it
        ("2018年03月06日 14:14   來源:CGTN", Byline("CGTN", "2018年03月06日 14:14")),
        # a site's domain, then its writer: china.org.cn's credit
        (
            "p.china.org.cn by Wang Huihui , July 29, 2021",
            Byline(
                "p.china.org.cn", "July 29, 2021", ["Wang Huihui"], [], [("author", "Wang Huihui")]
            ),
        ),
    ],
)
def test_byline(line: str, byline: Byline) -> None:
    assert looks_like_byline(line)
    assert parse_byline(line) == byline


def test_a_template_s_empty_date_is_no_date() -> None:
    """A company site's CMS fills its date field with zeros (pz_yousunpharma_hubei_tea_red_
    black_mt): the page states no date, none that fails to parse."""
    line = "From: web name  Date:0000-00-00 00:00:00  Hits:748  Belong to:Company News"
    assert parse_byline(line).published_raw is None
    assert parse_byline("Source: Hubei Daily Date:2020-03-02").published_raw == "2020-03-02"


@pytest.mark.parametrize(
    ("line", "outlet", "date", "credits"),
    [
        ("Zhang Wei, Staff Reporter", None, None, [("reporter", "Zhang Wei")]),
        ("Monica Cheru-Managing Editor", None, None, [("editor", "Monica Cheru")]),
        ("Yang Lan — Reporter", None, None, [("reporter", "Yang Lan")]),
        ("By Li Hua, Staff Writer", None, None, [("author", "Li Hua")]),
        ("By Wang Qian  (", None, None, [("author", "Wang Qian")]),  # its outlet cut off
        ("Staff Reporter Zhang Wei", None, None, [("reporter", "Zhang Wei")]),
        ("Journalist: Zhang Wei", None, None, [("reporter", "Zhang Wei")]),
        ("Video: Li Na", None, None, [("photographer", "Li Na")]),
        ("Zhang Wei (Xinhua)", "Xinhua", None, [("author", "Zhang Wei")]),
        ("Li Hua, Shanghai Daily", "Shanghai Daily", None, [("author", "Li Hua")]),
        ("Posted by Zhang Wei on May 6, 2023", None, "May 6, 2023", [("author", "Zhang Wei")]),
        ("Posted: 6 May 2023 | 10:22", None, "6 May 2023", []),
        ("Origin: Xinhua   Time: 2023-05-06", "Xinhua", "2023-05-06", []),
        (
            "General Office of Xi'an Municipal People's Government     Updated: 2018-02-07",
            "General Office of Xi'an Municipal People's Government",
            "2018-02-07",
            [],
        ),
        (
            "From: http://english.peopledaily.com.cn",
            "english.peopledaily.com.cn",
            None,
            [],
        ),  # by its domain
        ("By Li HuaFrom:Hunan Daily", "Hunan Daily", None, [("author", "Li Hua")]),
        ("By: Xinhua Reporters Li Hua", "Xinhua", None, [("reporter", "Li Hua")]),
        ("[Editor: Li Na]  Date: 2023-05-06", None, "2023-05-06", [("editor", "Li Na")]),
        ("(Source: Xinhua) Editor: Li Na", "Xinhua", None, [("editor", "Li Na")]),
        ("[Editor: Li Na] [Date: 2023-05-06]", None, "2023-05-06", [("editor", "Li Na")]),
        ("May 6 10:22 Source: Hunan Daily", "Hunan Daily", "May 6 10:22", []),
        ("05-06 10:22 | Editor: Li Na", None, "05-06 10:22", [("editor", "Li Na")]),
        ("Source: http://www.hunan.gov.cn/news/2023/0506.html", "www.hunan.gov.cn", None, []),
        ("Write: Blent [2011-05-20]", None, "2011-05-20", [("author", "Blent")]),
        ("Wen Tu: Wu Ronghui Time:2022.06.20", None, "2022.06.20", [("author", "Wu Ronghui")]),
        ("Responsible editor: [Li Ji]", None, None, [("editor", "Li Ji")]),
        ("By Hujjatullah Zia ( )", None, None, [("author", "Hujjatullah Zia")]),
        ("(With input from Xinhua)", "Xinhua", None, []),
        ("By Hu Xiaoyu chinadaily.com.cn", "chinadaily.com.cn", None, [("author", "Hu Xiaoyu")]),
        (
            "Sumaira FH Published October 17, 2024 | 01:40 PM",
            None,
            "October 17, 2024",
            [("author", "Sumaira FH")],
        ),
        ("Global Times Published: May 06, 2023", "Global Times", "May 06, 2023", []),
        (
            "Last Updated on Saturday, 12 September 2009 15:04",
            None,
            "Saturday, 12 September 2009 15:04",
            [],
        ),
        (
            "Release date:2015-09-22 09:45:40   publisher:DIR   office viewed:",
            None,
            "2015-09-22 09:45:40",
            [],
        ),
        (
            "(Wu Shengwei, Wang Mingshuo, Yao Xiangfeng)",
            None,
            None,
            [("author", "Wu Shengwei"), ("author", "Wang Mingshuo"), ("author", "Yao Xiangfeng")],
        ),
        ("Editor: Li Na (2023-05-06)", None, "2023-05-06", [("editor", "Li Na")]),
    ],
)
def test_byline_forms_of_the_web(
    line: str, outlet: str | None, date: str | None, credits: list[tuple[str, str]]
) -> None:
    """Forms common on news sites: a role after the names, names and their outlet without a
    label, a writer and a date in one field, a time after the date, labelled fields in
    brackets, a date whose year the page gives (never an outlet)."""
    byline = parse_byline(line)
    assert (byline.outlet, byline.published_raw, byline.credits) == (outlet, date, credits)
    assert _kind(line) in (CREDIT, META)


@pytest.mark.parametrize(
    "line",
    [
        "Wu Xiaodong: Endless grasping scientific and technological innovation",
        "On the afternoon of August 1st, Wu Xiaodong, deputy secretary of the municipal party",
        "Time flies: the city has changed a lot in ten years, and the people are happier than ever.",
    ],
)
def test_not_a_byline(line: str) -> None:
    assert not looks_like_byline(line)


@pytest.mark.parametrize(
    ("line", "outlet"),
    [("湖南日报 2023-05-01", "湖南日报"), ("长沙地铁6号线开通 2023-05-01", None)],
)
def test_a_short_chinese_name_beside_a_date_is_an_outlet_a_headline_is_not(
    line: str, outlet: str | None
) -> None:
    assert (_kind(line) == META) == (outlet is not None)


SYLLABLES = ["ying", "yao", "chang", "zheng", "xiao", "feng", "qian", "lan", "jie", "min", "hao"]
GIVEN = st.lists(st.sampled_from(SYLLABLES), min_size=1, max_size=2).map(
    lambda parts: "".join(parts).capitalize()
)
FAMILY = st.sampled_from(sorted(name.capitalize() for name in FAMILY_NAMES))
NAMES = st.lists(st.builds(lambda f, g: f"{f} {g}", FAMILY, GIVEN), min_size=1, max_size=6)


@given(NAMES)
def test_names_run_together_split_back(names: list[str]) -> None:
    assert split_names(" ".join(names)) == names


@given(NAMES, st.lists(st.sampled_from([" ", ", ", "，", "、", " and "]), min_size=6, max_size=6))
def test_names_with_mixed_separators_split_back(names: list[str], seps: list[str]) -> None:
    text = names[0] + "".join(sep + name for sep, name in zip(seps, names[1:]))
    assert split_names(text) == names


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        (
            "Editor: Lu Yifan | Review: Gong Xin",
            [("editor", ["Lu Yifan"]), ("reviewer", ["Gong Xin"])],
        ),
        (
            "Text/Chen Jing Picture/Zhou Min",
            [("author", ["Chen Jing"]), ("photographer", ["Zhou Min"])],
        ),
        ("Author: Xinhua News Agency", [("outlet", ["Xinhua News Agency"])]),
        ("Source: Huzhou Daily", [("outlet", ["Huzhou Daily"])]),
        ("Editor: yan", [("editor", ["yan"])]),
        ("Author: yan", []),
        ("Text/Photo: Zhang Wei", [("photographer", ["Zhang Wei"])]),
        ("Text and photos by Zhu Xingxin", [("author", ["Zhu Xingxin"])]),
        ("Text and photographs by Zhu Xingxin", [("author", ["Zhu Xingxin"])]),
        # a given name left in lower case is read when it is pinyin, not when it is English
        ("Author: Lu fengbao", [("author", ["Lu fengbao"])]),
        ("Author: He said", []),
        # a post after the outlet names nobody
        (
            "By: Keoni Everington, Taiwan News, Staff Writer",
            [("author", ["Keoni Everington"]), ("outlet", ["Taiwan News"])],
        ),
        # one name in capitals among others, as China Daily prints its first reporter
        (
            "By HU MEIDONG and Wang Songsong",
            [("author", ["Hu Meidong", "Wang Songsong"])],
        ),
    ],
)
def test_credit_fields_of_a_line(line: str, fields: list) -> None:
    assert parse_credit_fields(line) == fields


@pytest.mark.parametrize(
    ("caption", "names"),
    [
        ("Foreign celebrities during the trip Photo: Courtesy of Li Lina", ["Li Lina"]),
        ("Delegates visit the museum. (Photo/Yang Huafeng)", ["Yang Huafeng"]),
        ("Mr. Nang is interviewed at the former residence. [Photo by Will]", ["Will"]),
        (
            "This is a photo of the Fenhe River. Photo by Yang Chenguang, journalist from Xinhua",
            ["Yang Chenguang"],
        ),
        ("Group photo at the former residence. [Photo provided to Newsgd.com]", []),
        ("The photo exhibition by local artists opened on Monday.", []),
        ("Tourists visit Harbin. (People's Daily Online/Xu Chenglong)", ["Xu Chenglong"]),
        ("The growth rate rose (year/year).", []),
        ("A farmer harvests marigolds on Aug 17. ZHANG WEI/CHINA DAILY", ["Zhang Wei"]),
        ("They met on Dec 25. [Photo by Wang Xin/chinadaily.com.cn]", ["Wang Xin"]),
        ("Women make Miao embroidery. [Photo by CHEN ZEBING/CHINA DAILY]", ["Chen Zebing"]),
        ("The talks went well. USA/CHINA", []),
        ("Men smash a Maserati outside the auto show. Photo: Reuters", []),
        ("Li Wenxi works at a book store. Photo: Weibo/SCMP pictures", []),
        ("Online authors at work. Photo: Shutterstock", []),
        ("Li Wenxi works at a book store. Photo: AP", []),
        (
            "Xiamen grows into a destination. [Photo by Zhang Qihui for China Daily]",
            ["Zhang Qihui"],
        ),
        ("A view of the Hanjiang River in Wuhan. Mei Tao / For China Daily", ["Mei Tao"]),
        # the paper on either side of the slash, in brackets or not (real captions: gp_reuters_,
        # ks_chinaorg_, lz_my399_, fk_chinadaily_); a picture's word is no photographer, and a
        # bracket a store cut short credits nobody (jz_peopledaily_)
        (
            (
                "People look around ice sculptures ahead of the Harbin International Ice and Snow"
                " Festival in the northern city of Harbin, Heilongjiang province, January 4, 2016."
                " REUTERS/Aly Song"
            ),
            ["Aly Song"],
        ),
        (
            (
                "Students visit the 9.18 Historical Museum in Shenyang, capital of northeast China's"
                " Liaoning Province, Sept. 17, 2010. [Yang Xinyue/Xinhua]"
            ),
            ["Yang Xinyue"],
        ),
        ("The ritual is believed to bring good luck. [Sun Yan / For China Daily]", ["Sun Yan"]),
        (
            (
                "The Korean flute (top) and elephant hat dance (right) are included on the nation's"
                " intangible heritage list. Li Guangping / For China Daily |"
            ),
            ["Li Guangping"],
        ),
        ("The campaign will last till the end of May.[Photo/Xinhua]", []),
        ("Harbin has a reputation for its cool weather. (Xinhua/Wan", []),
        ("The forum opened in Putian. (Photo: Reporter Li Wei)", ["Li Wei"]),
        ("FJSEN report on July 12 (photo/author Correspondent Xu Shuangping)", ["Xu Shuangping"]),
        ("Tourists ride bikes in Nanning? Liu Zhen / China News Service", ["Liu Zhen"]),
        ("Growth rose again. Year Over Year / Total", []),
        ("Girls dance at the festival in Taijiang county. [Xinhua/Tao Liang]", ["Tao Liang"]),
        ("The ratio rose [year/year].", []),
        ("Workers walk home from Dali. Photo source: Zhang Hao/东方IC", ["Zhang Hao"]),
        ("The new bridge at dusk. (Photo credit: Li Hua)", ["Li Hua"]),
        ("The photo source is unclear.", []),
        # in brackets, more photographers after commas, and their outlet
        ("Doctors see villagers. (Photo/Liu Qiang, Pan Qijuan)", ["Liu Qiang", "Pan Qijuan"]),
        (
            "Deputies talk. (Photo/Zhao Chi, Liu Shangwen, Hunan Daily)",
            ["Zhao Chi", "Liu Shangwen"],
        ),
    ],
)
def test_caption_credits_the_photographer(caption: str, names: list[str]) -> None:
    assert caption_credits(caption) == [("photographer", name) for name in names]


@pytest.mark.parametrize(
    ("paragraph", "outlet", "date"),
    [
        ("YINCHUAN, Aug. 2 (Xinhua) -- Northwest China's Ningxia plans", "Xinhua", "Aug. 2"),
        ("BEIJING, Sept. 23, 2021 /PRNewswire/ — Quanzhou, a port", "PRNewswire", "Sept. 23, 2021"),
        ("HEFEI, Anhui, May 5 -- The province opened", None, "May 5"),
        ("(ECNS) -- About 140 medical workers from Beijing", "ECNS", None),
        ("WUHAN, China (Reuters) - A trickle of passengers", "Reuters", None),
        ("BEIJING (AP) -- Villagers in southern China", "AP", None),
        ("WUHAN (Reuters) -In the Chinese city of Wuhan", "Reuters", None),
        ("Beijing (AsiaNews) – Since 8 am this morning the faithful", "AsiaNews", None),
        ("(240413) -- BEIJING, April 13, 2024 (Xinhua) -- He Yuyue", "Xinhua", "April 13, 2024"),
        (  # a Chinese wire's dateline in translation, the agency first
            "China News Service, Nanchang, January 31st (Reporter Liu Zhankun) In order to",
            "China News Service",
            "January 31st",
        ),
        ("China News Service, January 31. In response to the", "China News Service", "January 31"),
        ("- BEIJING, Sept. 23, 2021 /PRNewswire/ -- Quanzhou", "PRNewswire", "Sept. 23, 2021"),
        (
            "GUANGZHOU, China, Dec. 6, 2023 /Xinhua=KYODO JBN/-- On December 4",
            "Xinhua=KYODO JBN",
            "Dec. 6, 2023",
        ),
        (  # an aggregator's note before it (pz_menafn_prn_dehua_ceramic_culture_week_2024)
            "(MENAFN- PR Newswire) BEIJING, Sept. 25, 2024 /PRNewswire/ --",
            "PRNewswire",
            "Sept. 25, 2024",
        ),
        (  # a distributor's name and the date between dashes
            "CHAOZHOU, CHINA - Media OutReach Newswire - 21 October 2025 - From November 28th",
            "Media OutReach Newswire",
            "21 October 2025",
        ),
    ],
)
def test_a_wire_dateline_dates_and_sources_the_story(
    paragraph: str, outlet: str | None, date: str
) -> None:
    assert read_dateline(paragraph) == Byline(outlet, date)


@pytest.mark.parametrize(
    "paragraph",
    [
        "On May 5, the city opened a park.",
        "BEIJING -- The city opened",
        "USA, May 5 is a date",
        "Beijing, January 31 (Xinhua) the city",  # a place first, not an agency
        "GANSU, July 15, China Daily - along the banks",
        "Xinhua News Agency, Harbin, May 25th, title: The green note",  # a byline naming the title
        "(In brief) -- The city opened",
        "BEIJING (In brief) -- The city opened",  # no date, and no agency named
        "Beijing (Hebei) – The city opened",  # a province in brackets, no agency
        "HONG KONG - The city said on Monday - 12 March 2020 - nothing",  # no distributor's name
    ],
)
def test_no_dateline_in_ordinary_openings(paragraph: str) -> None:
    assert read_dateline(paragraph) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "(Edited by Niu Huizhe with Xinhua Silk Road, niuhuizhe@xinhua.org)",
            ("editor", ["Niu Huizhe"]),
        ),
        ("Reporter: Li Wei, liwei@163.com", ("reporter", ["Li Wei"])),
        ("By Li Wei with Xinhua", ("author", ["Li Wei"])),
        ("Written by Li Wei with Zhang San", None),  # a co-writer is no outlet
    ],
)
def test_an_affiliation_and_a_contact_address_after_the_names(
    line: str, expected: tuple | None
) -> None:
    assert parse_credit_line(line) == expected


def test_a_source_named_in_chinese_is_the_outlet_not_residue() -> None:
    assert not is_cjk_credit("Source: 新华网")
    assert parse_byline("Source: 新华网").outlet == "新华网"
    assert is_cjk_credit("Editor: 李娜")  # a person left in Chinese stays residue
    assert is_cjk_credit("责任编辑：李娜")


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        ("Photo by Zhang San/Xinhua", [("photographer", ["Zhang San"])]),
        (
            "Text by Li Hua, Photos by Wang Wei",
            [("author", ["Li Hua"]), ("photographer", ["Wang Wei"])],
        ),
        (  # Jinhua Daily's, an en dash before the paper (kd_jinhua_gov_lanxi_specialized_smes)
            "Text and photo by Hu Xiaofei–Jinhua Daily, translated by Shen Yingying, edited by Kendra Fiddler",
            [
                ("author", ["Hu Xiaofei"]),
                ("outlet", ["Jinhua Daily"]),
                ("translator", ["Shen Yingying"]),
                ("editor", ["Kendra Fiddler"]),
            ],
        ),
    ],
)
def test_picture_credits_with_the_agency_and_text_by(line: str, fields: list) -> None:
    assert parse_credit_fields(line) == fields


@pytest.mark.parametrize(
    "line", ["Zhang Weiqiang / Ti Gong", "A Lalei / Ti Gong", "Mao Haiping, Ti Gong"]
)
def test_names_before_the_words_that_say_they_gave_the_picture(line: str) -> None:
    """Shanghai Daily's "Name / Ti Gong" (提供, "provided"): the picture's photographer, no
    outlet; words that are no names before it credit nobody."""
    name = line.replace(",", " /").split(" / ")[0]
    assert parse_credit_fields(line) == [("photographer", [name])]
    assert parse_byline(line).outlet is None
    assert parse_credit_fields(line.replace(name, "Lotus bloom in Wujing Park")) == []


@pytest.mark.parametrize(
    ("line", "name"),
    [("By: Lee I-chia  /  Staff reporter", "Lee I-chia"), ("By: Shelley Shan / Staff reporter", "Shelley Shan")],
)  # fmt: skip
def test_a_writer_s_post_after_the_name_is_no_outlet(line: str, name: str) -> None:
    """The Taipei Times's bylines: a Taiwanese given name in Wade-Giles opening on one
    letter ("I-chia"), and the writer's post after a slash, which names nobody and no outlet."""
    assert parse_credit_fields(line) == [("author", [name])]
    assert parse_byline(line) == Byline(None, None, [name], [], [("author", name)])


def test_a_count_before_a_label_that_names_nobody_is_no_outlet() -> None:
    assert parse_byline("2022-06-17 0 By") == Byline(None, "2022-06-17")  # a blog's comments


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("Ends/Friday, November 8, 2013", Byline(None, "Friday, November 8, 2013")),
        ("• Modified Date:2023-09-27", Byline(None, "2023-09-27")),
        ("2020-05-10 HKT 11:51", Byline(None, "2020-05-10 HKT 11:51")),
        ("Feb 18, 2018, 07:27 AM IST", Byline(None, "Feb 18, 2018")),  # India's time
        ("629f2a6113d58e173e20977a.jpg 2022-06-09", Byline(None, "2022-06-09")),  # a picture
    ],
)
def test_an_end_marker_a_date_label_a_bullet_or_a_time_zone_is_no_outlet(
    line: str, byline: Byline
) -> None:
    """A Hong Kong press release's "Ends/" before its date, a portal's "Modified Date", a
    bullet, the zone written before the time or a foreign one after it, a picture's file."""
    assert parse_byline(line) == byline


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("Revised by Zhou Yang", (None, [], ["Zhou Yang"])),
    ],
)
def test_machine_translated_credits_an_outlet_in_lowercase_and_a_reviser(
    line: str, byline: tuple
) -> None:
    read = parse_byline(line)
    assert (read.outlet, read.authors, read.editors) == byline


def test_an_outlet_s_word_in_lowercase_after_its_place_names_a_site() -> None:
    assert is_site_name("Xinyang daily")  # a machine translation's "(Xinyang daily)"
    assert not is_site_name("Breaking the news")


def test_a_credit_line_after_a_list_s_dash_is_read() -> None:
    # PressReader's copy of China Daily (verbatim): the byline ends in the writer's address.
    assert parse_credit_line("- By YANG FEIYUE yangfeiyue@chinadaily.com.cn") == (
        "author",
        ["Yang Feiyue"],
    )


def test_a_site_name_with_its_edition_in_brackets_names_a_site() -> None:
    assert is_site_name("China Daily (Hong Kong)")  # PressReader's line over the headline
    assert not is_site_name("(Hong Kong)")
    assert not is_site_name("Scenic beauty adds to charm (Photo)")


@pytest.mark.parametrize("line", ["Hong Kong Local", "Yuen Long", "Wong Tai Sin"])
def test_a_place_that_reads_like_a_name_is_no_person(line: str) -> None:
    """A feed's section "Hong Kong Local" under the site's name, a district alone
    (tables/place_names.txt); "Li Hua" stays a byline."""
    assert parse_credit_line(line) is None
    assert parse_credit_line("Li Hua") == ("author", ["Li Hua"])


@pytest.mark.parametrize(
    "line", ["From April 20, the first batch of buses", "From Isolation to Opportunity"]
)
def test_a_source_label_opening_a_phrase_names_no_outlet(line: str) -> None:
    """A month or a span's "to" after "From" is a phrase (jx_khabarasia_anhui_yuexi_rural_roads
    took a section's heading for the outlet); "From Xinhua" names one."""
    assert parse_credit_fields(line) == []
    assert parse_credit_fields("From Xinhua") == [("outlet", ["Xinhua"])]


@pytest.mark.parametrize(
    ("line", "persons"),
    [
        ("Author: China Rural Development Foundation", []),  # hc_4ll_puyang_baimei_harvest
        ("Photo/ Chongqing Liangjiang New Area", []),  # hf_ichongqing_liangjiang_media_tour
        ("Photo/ Li Hua", ["Li Hua"]),
    ],
)
def test_an_administrative_unit_s_word_names_no_person(line: str, persons: list[str]) -> None:
    """ "County", "District", "New Area", "Development Zone" (glossary.toml's suffixes) are a
    place's words: no name holds one."""
    fields = parse_credit_fields(line)
    assert [name for role, names in fields if role != "outlet" for name in names] == persons


@pytest.mark.parametrize(
    ("paragraph", "outlet"),
    [
        (
            "Danzhou Finance Media Center news On March 30, the committee met.",
            "Danzhou Finance Media Center",
        ),
        ("Langfang daily news (reporter Li Hua) The county held a meeting.", "Langfang daily"),
        ("Good news came for residents on Monday.", None),
    ],
)
def test_an_outlet_s_news_opening_the_story_sources_it(paragraph: str, outlet: str | None) -> None:
    """A Chinese outlet's 讯 in machine translation: "<outlet> news" before the story."""
    dateline = read_dateline(paragraph)
    assert (dateline.outlet if dateline else None) == outlet


def test_our_news_is_the_site_s_own_story_no_outlet() -> None:
    """本报讯 translated ("Our news (Kang Chunyang)"): the paper's own story, no outlet named."""
    assert is_own_site("Our news")
    assert is_own_site("本报讯")


def test_a_date_glued_to_the_source_is_read_apart() -> None:
    assert parse_byline("Source: Xinhua2020-05-12") == Byline("Xinhua", "2020-05-12")


def test_a_label_of_two_words_run_into_the_source_is_read_apart() -> None:
    """A district portal's template: 录入日期 word for word, glued and in title case."""
    parsed = parse_byline("From:Pidu NewspaperInput Date:2017-12-08 〖 Print 〗〖 245 viewer 〗")
    assert (parsed.outlet, parsed.published_raw) == ("Pidu Newspaper", "2017-12-08")


def test_a_date_run_into_the_writers_name_is_read_apart() -> None:
    parsed = parse_byline("By Mei ManuelJune 21st, 2016")
    assert (parsed.outlet, parsed.published_raw, parsed.authors) == (
        None, "June 21st, 2016", ["Mei Manuel"],
    )  # fmt: skip


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("By XINGYING, CHEN|May 30,2024", Byline(None, "May 30,2024", ["Chen Xingying"])),
        ("By LI HUA", Byline(None, None, ["Li Hua"])),
        ("By CGTN", Byline("CGTN", None)),  # initials are no person: the outlet
        ("Xinhua Editor : Wang Fan ECNS", Byline("Xinhua", None, [], ["Wang Fan"])),
        ("Editor: ZHANG Wei and LI Na", Byline(None, None, [], ["Zhang Wei", "Li Na"])),
        ("By ZHAO Lei/China Daily", Byline("China Daily", None, ["Zhao Lei"])),
        ("By NASA Wang", Byline("NASA Wang", None)),  # capitals that are no family name
        (
            "by Xinhua writers Xuan Liqi, Hu Zhenhua and Huang Haoran",
            Byline("Xinhua", None, ["Xuan Liqi", "Hu Zhenhua", "Huang Haoran"]),
        ),
        ("By China Daily reporter Zhang Wei", Byline("China Daily", None, ["Zhang Wei"])),
    ],
)
def test_names_in_capitals_and_initials_after_a_name(line: str, byline: Byline) -> None:
    parsed = parse_byline(line)
    assert (parsed.outlet, parsed.published_raw, parsed.authors, parsed.editors) == (
        byline.outlet, byline.published_raw, byline.authors, byline.editors,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        (
            "By Li Hua and Wang Fang in Xi'an | chinadaily.com.cn | Updated: 2020-05-12 16:30",
            Byline("chinadaily.com.cn", "2020-05-12 16:30", ["Li Hua", "Wang Fang"]),
        ),
        (
            "By Huang Zhiling in Nanjiang, Sichuan | China Daily | Updated: 2018-11-21 08:57",
            Byline("China Daily", "2018-11-21 08:57", ["Huang Zhiling"]),
        ),
        ("Reported by Li Hua", Byline(None, None, ["Li Hua"])),
        ("Interview by William Chan", Byline(None, None, ["William Chan"])),  # Macau Post Daily
        ("Updated: October 20, 2022 09:33 CGTN", Byline("CGTN", "October 20, 2022 09:33")),
        ("Updated: 2022-10-20 Views", Byline(None, "2022-10-20")),
        ("Time: Typeface:", Byline(None, None)),
        ("Added On August 4, 2017", Byline(None, "August 4, 2017")),
        ("Issued at : 2020-05-12 10:00", Byline(None, "2020-05-12 10:00")),
        ("Written on: May 5, 2020", Byline(None, "May 5, 2020")),
        ("Uploaded at January 29, 2020 21:23", Byline(None, "January 29, 2020 21:23")),
        ("Posted at 10:20, May 5, 2020", Byline(None, "10:20, May 5, 2020")),
        (
            "By Li Yu and Peng Chao in Chengdu (China Daily) Updated: 2014-09-18 08:05",
            Byline("China Daily", "2014-09-18 08:05", ["Li Yu", "Peng Chao"]),
        ),
        (
            "By LIU KUN in Wuhan and ZHAO LEI in Beijing | CHINA DAILY | Updated: 2020-01-31 07:08",
            Byline("CHINA DAILY", "2020-01-31 07:08", ["Liu Kun", "Zhao Lei"]),
        ),
        ("Beijing (AFP) Aug 19, 2019", Byline("AFP", "Aug 19, 2019")),  # a dateline alone
        (  # a name's word of one capital before its hyphen
            "Photo: Cheng I-Hwa, AFP",
            Byline(None, None, ["Cheng I-Hwa"], credits=[("photographer", "Cheng I-Hwa")]),
        ),
        (
            "By O'Neil Wang",
            Byline(None, None, ["O'Neil Wang"], credits=[("author", "O'Neil Wang")]),
        ),
        ("Posted on Posted inkyedhwhz", Byline(None, None)),  # a template's next label, no date
        (
            "Reviser | Jersey, Linn",
            Byline(
                None,
                None,
                [],
                ["Jersey", "Linn"],
                credits=[("reviewer", "Jersey"), ("reviewer", "Linn")],
            ),
        ),
        ("Article: Ping Xia", Byline(None, None, ["Ping Xia"], credits=[("author", "Ping Xia")])),
        (
            "Copyedited by Sudeshna Sarkar",
            Byline(None, None, [], ["Sudeshna Sarkar"], credits=[("editor", "Sudeshna Sarkar")]),
        ),
        (  # a person's label joined to the source's: the value says whose it is
            "Creator/Source: Zhou Wei",
            Byline(None, None, ["Zhou Wei"], credits=[("author", "Zhou Wei")]),
        ),
        ("Author/Source: Xinhua", Byline("Xinhua", None, sourced=True)),
        (  # names in a bracket the page cut before it closed, at the end of a story
            "(Li Jiayin; Li Xiaotong; Hua Shan;",
            Byline(
                None,
                None,
                ["Li Jiayin", "Li Xiaotong", "Hua Shan"],
                credits=[
                    ("author", "Li Jiayin"),
                    ("author", "Li Xiaotong"),
                    ("author", "Hua Shan"),
                ],
            ),
        ),
        (  # a Scottish or Irish family name, its second capital after "Mc" (That's, a listing)
            "by Joe McGee, 14 May 2014",
            Byline(None, "14 May 2014", ["Joe McGee"], credits=[("author", "Joe McGee")]),
        ),
        (  # lowercase labels inside the line, each with its colon at once
            "source:www.cnanhui.org release date:2017/03/09 hits:123",
            Byline("www.cnanhui.org", "2017/03/09"),
        ),
        (  # initials joined to a word name an organisation, not a writer
            "2022-05-05 15:16:20   By:China-ASEAN",
            Byline("China-ASEAN", "2022-05-05 15:16:20"),
        ),
        (
            "By LI LEI in Anji county, Zhejiang | chinadaily.com.cn | Updated: 2023-06-06 13:57",
            Byline("chinadaily.com.cn", "2023-06-06 13:57", ["Li Lei"]),
        ),
        (
            "By Li Hua in Beijing, Wang Fang in Shanghai",
            Byline(None, None, ["Li Hua", "Wang Fang"]),
        ),
        ("By LI HUA and WANG FANG", Byline(None, None, ["Li Hua", "Wang Fang"])),
        (
            "By AN BAIJIE and TIAN XUEFEI (chinadaily.com.cn)",
            Byline("chinadaily.com.cn", None, ["An Baijie", "Tian Xuefei"]),
        ),
        (
            "Authors: Ren Siqi, Li Hanhan (in no particular order)",
            Byline(None, None, ["Ren Siqi", "Li Hanhan"]),
        ),
        ("Updated: 2023-09-09 07:13 ( CHINA DAILY )", Byline("CHINA DAILY", "2023-09-09 07:13")),
        (
            "By Jiang Wanjuan(chinadaily.com.cn)",
            Byline("chinadaily.com.cn", None, ["Jiang Wanjuan"]),
        ),
        ("By ( chinadaily.com.cn )", Byline("chinadaily.com.cn", None, [])),  # no name, a site
        ("By ( China Daily )", Byline("China Daily", None, [])),  # no name, the outlet's
        (  # PressReader's copy of a paper's page: the paper and its section open the line
            "China Pictorial (English) - - Contents - Text by Zhang Xue Photographs by Dong Fang",
            Byline("China Pictorial (English)", None, ["Zhang Xue", "Dong Fang"]),
        ),
        (  # China Daily's print byline, how to write to them after it
            "- By LIU YUKUN in Beijing and HU MEIDONG in Fuzhou Contact the writers at liuyukun@chinadaily.com.cn",
            Byline(None, None, ["Liu Yukun", "Hu Meidong"]),
        ),
        ("Source: China Daily (Hong Kong)", Byline("China Daily (Hong Kong)", None, [])),
        # a contributor named in the story's closing sentence: its writer
        ("(Intern Xing Yawen contributed to this story.)", Byline(None, None, ["Xing Yawen"])),
        (
            "Fang Xiaoying in Hangzhou contributed to this story.",
            Byline(None, None, ["Fang Xiaoying"]),
        ),
        (
            "Fang Xiaoying and Hou Minhao contributed to this story.",
            Byline(None, None, ["Fang Xiaoying", "Hou Minhao"]),
        ),
        (
            "(Yue Ruxin, as an intern, contributes to this report)",
            Byline(None, None, ["Yue Ruxin"]),
        ),
        ("Agencies contributed to this story.", Byline(None, None, [])),  # nobody named
        # "By" run into the name (Women of China, verbatim)
        ("ByLiu Mingtai and Zhou Huiying", Byline(None, None, ["Liu Mingtai", "Zhou Huiying"])),
        (
            "Photograph by Lu Xiang",
            Byline(None, None, ["Lu Xiang"], [], [("photographer", "Lu Xiang")]),
        ),
        ("By Shi Zihan and edited by Brian Salter", Byline(None, None, ["Shi Zihan"])),
        (
            "China News Service reporter Li Peishan",
            Byline("China News Service", None, ["Li Peishan"]),
        ),
        (
            "Reporter Chen Yuewen, Correspondents Li Guojun and Wei Yongzhe, dispatch to the Evening News",
            Byline("Evening News", None, ["Chen Yuewen", "Li Guojun", "Wei Yongzhe"]),
        ),
        (
            "2021-12-09 20:21:20 source: Zhejiang News",
            Byline("Zhejiang News", "2021-12-09 20:21:20"),
        ),
        (
            "Hangzhou News   2020-12-30 14:21   Source:Hangzhou.com.cn",
            Byline("Hangzhou.com.cn", "2020-12-30 14:21"),
        ),
    ],
)
def test_places_after_names_and_unknown_date_labels(line: str, byline: Byline) -> None:
    parsed = parse_byline(line)
    assert (parsed.outlet, parsed.published_raw, parsed.authors) == (
        byline.outlet, byline.published_raw, byline.authors,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Li Qian", ("author", ["Li Qian"])),
        ("Wang Yingyao Li Changzheng", ("author", ["Wang Yingyao", "Li Changzheng"])),
        ("Huang Qiang Inspects Neijiang", None),  # a headline, not a name of four words
    ],
)
def test_a_name_alone_is_a_credit_a_headline_is_not(line: str, credit) -> None:
    assert parse_credit_line(line) == credit


LABEL_PIECES = st.sampled_from(
    [*ROLES, *(label.upper() for label in ROLES), " ", "  ", ": ", "：", "|", "/", ", ", "(",
     "Li Hua", "li", "2022-05-12", "Xinhua", "ſ", "K", "İ", "的", "x", "by"]
)  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(st.lists(LABEL_PIECES, max_size=10).map("".join))
def test_labels_grouped_by_first_letter_match_as_every_label_does(line):
    def found(pattern):
        return [(m.span(), m.lastgroup) for m in pattern.finditer(line)]

    assert found(LABEL) == found(_compile_labels(grouped=False))


@pytest.mark.parametrize(
    "line",
    [
        "By Li Yu and Peng Chao in Chengdu (China Daily) Updated: 2014-09-18 08:05",
        "2021-12-09 20:21:20 source: Zhejiang News",
        "(Xinhua)",
        "( China Daily )",
        "( chinadaily.com.cn )",
        "By ( chinadaily.com.cn )",
        "By (chinadaily.com.cn)",
        "By ( China Daily )",
        "13/06/2011 11:46:16    Author : kathyby66@gmail.com",
        "来源:人民网 编辑:秦舷 2024-03-30 17:12:51",
        "[Editor in charge: Li Tingyu].",
    ],
)
def test_a_place_before_the_outlet_a_lowercase_label_and_a_bracketed_outlet_make_bylines(
    line: str,
) -> None:
    assert looks_like_byline(line)


@pytest.mark.parametrize(
    "line",
    ["The 12 editors met in Beijing on Monday to plan the issue.", "(Hunan)", "(Part 1)"],
)
def test_a_lowercase_word_after_a_number_or_a_bracketed_word_is_no_byline(line: str) -> None:
    assert not looks_like_byline(line)


@pytest.mark.parametrize(
    "line", ["Photo Gallery", "Video Gallery", "Photos Charting", "Journalist Day", "Text Size"]
)
def test_a_label_and_one_word_is_a_heading_not_a_credit(line: str) -> None:
    assert _kind(line) not in (CREDIT, META)
    assert parse_credit_line(line) is None


@pytest.mark.parametrize(
    "line", ["Reporter Wang", "by Steven", "From Xinhua", "Date 2025-01-19", "Translated by Zumi"]
)
def test_a_label_and_one_name_outlet_or_date_is_a_byline(line: str) -> None:
    assert _kind(line) in (CREDIT, META)


@pytest.mark.parametrize(
    ("line", "published", "outlet"),
    [
        ("2025-05-24 17:55 Last Updated At:23:07", "2025-05-24 17:55", None),
        ("2024-10-09 (goinnermongolia.com.cn)", "2024-10-09", "goinnermongolia.com.cn"),
        ("2021-12-17 08:13:44 admin source: share:", "2021-12-17 08:13:44", None),
        ("2017-03-03 readCount:565", "2017-03-03", None),
        ("Source: chinadaily,com,cn | Updated : 2019-03-11", "2019-03-11", "chinadaily,com,cn"),
        ("Created Time:2023-03-14     Hit:", "2023-03-14", None),  # no outlet "Created"
        ("ICE    Datetime:2011/4/17", "2011/4/17", "ICE"),  # no outlet "ICE Datetime"
        ("16:40, 03 May 2016 | GMT +6", "16:40, 03 May 2016", None),  # Kazinform's time zone
    ],
)
def test_a_date_then_its_update_time_or_its_site_in_brackets_is_a_byline(
    line: str, published: str, outlet: str | None
) -> None:
    """Bastille Post's stamp and its update time; a China Daily channel's date and its site.
    A headline dated in brackets after it stays no byline."""
    assert _kind(line) == META
    byline = parse_byline(strip_toolbar(line))  # as a record reads it
    assert (byline.published_raw, byline.outlet) == (published, outlet)
    assert not looks_like_byline("Mayor visits Yangzhou (2019-05-14)")


WORDS = st.sampled_from(
    ["Wu", "Li", "Wang", "the", "Mingshuo", "-Zhang", "(Yao", "Hunan", "Daily", "and", "", "."]
)
PIECES = st.sampled_from([" ", ", ", ",", "、", " and ", " & ", "; ", " | ", "-"])


@settings(max_examples=500)
@given(st.lists(st.tuples(WORDS, PIECES), max_size=8))
def test_listed_names_passes_no_list_it_would_read(pieces: list[tuple[str, str]]) -> None:
    """listed_names gives up early on a line whose first word is no family name: exactly
    when the full reading would find no list of names."""
    text = "".join(word + piece for word, piece in pieces)
    full = NAME_SEPARATOR.search(text) is not None and looks_like_chinese_names(text)
    assert listed_names(text) == full


@pytest.mark.parametrize(
    ("line", "authors", "editors"),
    [
        ("By Shi Zihan and edited by Brian Salter", ["Shi Zihan"], ["Brian Salter"]),
        ("Written by Li Hua and translated by Wang Fang", ["Li Hua"], ["Wang Fang"]),
        ("By Shi Zihan and Li Hua", ["Shi Zihan", "Li Hua"], []),
    ],
)
def test_a_second_role_after_and_is_its_own_field(
    line: str, authors: list[str], editors: list[str]
) -> None:
    parsed = parse_byline(line)
    assert (parsed.authors, parsed.editors) == (authors, editors)
    assert parse_credit_line(line) is not None


def test_an_intern_reporter_is_credited_and_an_outlet_of_menu_words_is_an_outlet() -> None:
    assert parse_credit_fields("Reporter Xi Jinyan, intern Zhu Siqi") == [
        ("reporter", ["Xi Jinyan"]),
        ("reporter", ["Zhu Siqi"]),
    ]
    assert parse_byline("China News Service").outlet == "China News Service"
    assert parse_byline("News").outlet is None  # a menu's word alone


def test_a_paper_named_telegraph_before_its_reporter_is_the_outlet() -> None:
    """ "Xinhua Daily Telegraph reporter Yan Xiangling" (a repost's credit line): the paper,
    then its reporter; a paper's name may end in Telegraph, Tribune or Gazette."""
    assert parse_credit_line("Xinhua Daily Telegraph reporter Yan Xiangling") == (
        "author",
        ["Yan Xiangling"],
    )
    assert parse_byline("Xinhua Daily Telegraph reporter Yan Xiangling").outlet == (
        "Xinhua Daily Telegraph"
    )


def test_roles_in_lower_case_between_names_of_a_translated_credit() -> None:
    """記者 X 通訊員 Y translated word by word: each role's word opens its own field."""
    assert parse_credit_fields("reporter Shen Zhen correspondent Yu Haiyang") == [
        ("reporter", ["Shen Zhen"]),
        ("correspondent", ["Yu Haiyang"]),
    ]
    assert bracketed_credits("The ceremony ended. (text/picture by GUAN Huachen)") == [
        ("photographer", "Guan Huachen")
    ]
    assert bracketed_credits("Shandong news (reporter Shen Zhen correspondent Yu Haiyang) On") == [
        ("reporter", "Shen Zhen"),
        ("correspondent", "Yu Haiyang"),
    ]


def test_a_trainee_reporter_is_a_reporter() -> None:
    assert parse_credit_fields("Trainee reporter: Wang Weijian;Reporter: Huang Yingfeng") == [
        ("reporter", ["Wang Weijian"]),
        ("reporter", ["Huang Yingfeng"]),
    ]


def test_a_writer_and_the_outlet_after_a_dash_open_a_credit_of_several_roles() -> None:
    line = "By Xu Jiannan - Jinhua Daily, translated by Lin Yuqin, edited by Mariam Ayad"
    assert parse_credit_fields(line) == [
        ("author", ["Xu Jiannan"]),
        ("outlet", ["Jinhua Daily"]),
        ("translator", ["Lin Yuqin"]),
        ("editor", ["Mariam Ayad"]),
    ]


def test_a_time_and_a_count_are_no_outlet_and_a_label_in_brackets_names_its_person() -> None:
    assert parse_byline("20:08 UTC+8, 2021-04-08 0").outlet is None  # 0 comments
    assert parse_credit_fields("Release time: 2021-09-23 15:51:14 【Editor: Yang Yanyu】") == [
        ("editor", ["Yang Yanyu"])
    ]
    assert "junior reporters" in NOBODY  # "Photos: Junior Reporters": a paper's young writers


def test_a_label_after_in_is_a_post_s_category_not_a_role() -> None:
    assert parse_byline("June 4, 2013 in Photos by Steven").credits != [("photographer", "Steven")]
    assert LABEL.search("June 4, 2013 in Photos by Steven") is None


def test_no_person_s_name_runs_to_five_words() -> None:
    line = "Qingdao Photos Qingdao University Library Under Construction"  # a picture's subject
    assert parse_byline(line).authors == []
    assert parse_byline("Photos Joseph S. Margai").authors == ["Joseph S. Margai"]


def test_a_labelled_credit_in_brackets_inside_a_paragraph_names_its_persons() -> None:
    paragraph = (
        "More than 80 groups of lanterns attract citizens to enjoy and play.(Editor: Yang"
        " Xiaona, Xu Chi) This article is from the author's opinion only. (Photo: Xinhua)"
    )
    assert bracketed_credits(paragraph) == [("editor", "Yang Xiaona"), ("editor", "Xu Chi")]
    assert bracketed_credits("The Communist Party of China (CPC) held a meeting.") == []


def test_a_comment_prompt_beside_a_date_names_no_outlet() -> None:
    assert parse_byline("Posted on May 1, 2020 | Leave a comment") == Byline(None, "May 1, 2020")


def test_a_tag_list_whose_links_were_lost_names_no_outlet() -> None:
    assert (
        parse_byline("Posted in Featured, Guangzhou | Tagged , , , , , | Comments Off").outlet
        is None
    )


@pytest.mark.parametrize("zone", ["EDT", "BJT", "GMT+8", "HKT", "TWN"])
def test_a_time_zone_after_the_time_names_no_outlet(zone: str) -> None:
    byline = parse_byline(f"Release date May. 24, 2023, 03:41 am {zone}")
    assert (byline.outlet, byline.published_raw) == (None, "May. 24, 2023")


def test_an_outlet_before_the_date_keeps_the_time_zone_out() -> None:
    """The China Post: "CNA March 4, 2017, 12:05 am TWN" (the outlet had been "CNA TWN")."""
    byline = parse_byline("CNA March 4, 2017, 12:05 am TWN")
    assert (byline.outlet, byline.published_raw) == ("CNA", "March 4, 2017")


def test_a_byline_in_title_case_keeps_its_joiners_out_of_the_names() -> None:
    byline = parse_byline("By Li Xiaokun And Liu Xiaoli In Sansha, Hainan | China Daily")
    assert (byline.authors, byline.outlet) == (["Li Xiaokun", "Liu Xiaoli"], "China Daily")


def test_a_name_s_initials_run_together_are_a_name_word() -> None:
    """Taiwan's CNA signs "S.C. Chang", "Y.F. Low": a "By:" line of such names is a credit."""
    line = "By: Chen Chao-fu and S.C. Chang"
    assert _kind(line) == CREDIT
    assert parse_byline(line).credits == [("author", "Chen Chao-fu"), ("author", "S.C. Chang")]


def test_fields_run_together_with_a_source_translated_as_resource() -> None:
    """CPAFFC's fields without spaces ("来源" translated word by word as "Resource")."""
    byline = parse_byline("Time:2017-03-05Editor:Wang LeiResource:Department of Japanese Affairs")
    assert byline.published_raw == "2017-03-05" and byline.editors == ["Wang Lei"]
    assert byline.outlet == "Department of Japanese Affairs"


def test_a_picture_s_file_name_after_a_family_name_is_no_credit() -> None:
    """A machine translation left the pictures' file names ("Tu 1.jpg": 图1): "Tu" is a
    family name, but "1.jpg" is no outlet's domain; the line is the picture's."""
    assert parse_credit_line("Tu 1.jpg") is None
    assert _kind("Tu 1.jpg") == "caption"
    assert parse_credit_line("Li Hua, jschina.com.cn") == (
        "author",
        ["Li Hua"],
    )


def test_an_outlet_named_in_full_in_the_table_is_no_person() -> None:
    """Eye on Taiwan puts the source over each story's date and byline: "Focus Taiwan" ends
    on no outlet word, so `outlet_names.toml` names it; it is the outlet, not an author."""
    byline = parse_byline("Focus Taiwan | Date: 01/27/2020 | By: Sie Jing-wun and William Yen")
    assert byline.outlet == "Focus Taiwan"
    assert byline.credits == [("author", "Sie Jing-wun"), ("author", "William Yen")]
    assert _kind("Focus Taiwan") == "site_name"


def test_a_dispatch_to_the_paper_names_the_outlet() -> None:
    """A Liuzhou translator's credit line: the reporters, then the paper they filed to."""
    byline = parse_byline(
        "Reporter Kong Defang, Correspondent Deng Dakuan, Dispatch to the Evening News"
    )
    assert byline.outlet == "Evening News"
    assert byline.credits == [("reporter", "Kong Defang"), ("correspondent", "Deng Dakuan")]


def test_a_long_affiliation_closing_a_credit_line_is_left_out() -> None:
    line = (
        "Author: Chen Chengwen (Special Research Fellow of the Thought Research Center of "
        "Guangdong, Dean of the Dongguan Institute of Social Governance of Dongguan University "
        "of Technology, and a member of the provincial committee on grassroots governance)"
    )
    assert parse_byline(line).authors == ["Chen Chengwen"]
    assert parse_byline("Author: Chen Chengwen (Xinhua)").outlet == "Xinhua"


@pytest.mark.parametrize(
    ("line", "names"),
    [("Jin Opera", False), ("Tang Dynasty", False), ("Li River", False), ("Jin Yong", True)],
)
def test_a_family_name_before_a_thing_s_word_names_no_person(line: str, names: bool) -> None:
    """A heading ("Jin Opera") over a paragraph on Shanxi's operas is no byline."""
    assert looks_like_chinese_names(line) is names
    assert (_kind(line) == CREDIT) is names


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Video: Sanlian Fishing Village", None),  # hiHainan: the video's headline
        ("Photos: Sina News User Contributions", None),  # thenanfang: where the pictures came from
        ("Photo: Xinhua", "Xinhua"),
        ("Video: Zhejiang Daily Press Group", "Zhejiang Daily Press Group"),
        ("Photo: chinadaily.com.cn", "chinadaily.com.cn"),
    ],
)
def test_a_picture_s_label_credits_a_known_outlet_not_what_is_shown(
    line: str, outlet: str | None
) -> None:
    assert parse_byline(line).outlet == outlet
    assert (parse_credit_line(line) is not None) is (outlet is not None)


def test_a_video_s_headline_over_its_byline_is_the_title() -> None:
    page = split_page(
        "Video: Sanlian Fishing Village\n"
        "News source:hiHainan / By Lin Jianing, Cai Rong / 01 09,2021 13:36:59 / others\n\n"
        "Sanlian Village, located on the northeast side of Xinbu Island, is the closest fishing "
        "village to downtown Haikou.\n"
    )
    assert page.title is not None and page.title.text == "Video: Sanlian Fishing Village"


@pytest.mark.parametrize(
    ("line", "outlet", "authors"),
    [
        ("Staff writer, with CNA", "CNA", []),  # Taipei Times: the wire joined its staff
        ("By Jake Chung / Staff writer, with CNA", "CNA", ["Jake Chung"]),
        ("Staff reporter, with staff writer", None, []),  # two posts: no outlet
    ],
)
def test_a_staff_post_with_a_wire_names_the_wire(
    line: str, outlet: str | None, authors: list[str]
) -> None:
    """A Taipei Times byline: the post names nobody, who joined it is the outlet."""
    byline = parse_byline(line)
    assert (byline.outlet, byline.authors) == (outlet, authors)
    assert looks_like_byline(line)


def test_a_staff_post_with_a_wire_over_an_untitled_story_is_no_title() -> None:
    """The store kept the page from its byline on: the story has no title."""
    parts = split_page(
        "Staff writer, with CNA\n\n"
        "The government’s “long-term care program 2.0,” which is to be launched next year after a "
        "trial run that started last month, would make Taiwan a nation where seniors can enjoy "
        "their later years, President Tsai Ing-wen (蔡英文) said yesterday.\n\n"
        "With the nation increasingly becoming an aged society, taking care of seniors is one of "
        "the government’s most important jobs, Tsai said while attending a plaque unveiling "
        "ceremony at a long-term care center in Chiayi County, which has the highest percentage "
        "of elderly people in the nation.\n"
    )
    assert parts.title is None
    assert [line.text for line in parts.bylines] == ["Staff writer, with CNA"]


@pytest.mark.parametrize(
    ("line", "credited"),
    [  # a Guangdong site's credits block, verbatim
        (
            "Editor | Zhou Jiajie (intern), Liu Lingzhi, James, Shen He",
            ("editor", ["Zhou Jiajie", "Liu Lingzhi", "James", "Shen He"]),
        ),
        ("Video editor | Ou Nanying", ("editor", ["Ou Nanying"])),
        ("Cameraman | Qin Shaolong", ("photographer", ["Qin Shaolong"])),
        ("Poster designer | Mia Lai", ("photographer", ["Mia Lai"])),
    ],
)
def test_a_credits_block_s_roles_and_a_remark_inside_a_list_of_names(
    line: str, credited: tuple[str, list[str]]
) -> None:
    """A remark after a name ("(intern)") is dropped wherever it stands in the list; the
    video's editor, the cameraman and the poster's designer are credited."""
    assert parse_credit_line(line) == credited


def test_a_bracket_the_page_never_closed_holds_the_outlet() -> None:
    """People's Daily's copy of a China Daily story (qm_peopledaily_hk_highspeed_rail_resume_2023):
    read as a dated headline, the byline took the story's text with it."""
    line = "11:13, January 12, 2023 By LUO WANGSHU ( Chinadaily.com.cn"
    byline = parse_byline(line)
    assert (byline.outlet, byline.authors) == ("Chinadaily.com.cn", ["Luo Wangshu"])
    assert looks_like_byline(line)


@pytest.mark.parametrize(
    ("line", "credited"),
    [  # verbatim, from the tuning pages
        # an outlet's reporter, a slash, the name (tellerreport's copy of China News Weekly)
        ("China News Weekly reporter / Wang Yu", ("author", ["Wang Yu"])),
        # a byline naming nobody, on a page the store lowercased (stdaily's English channel)
        ("by staff reporters", ("author", [])),
        # 总策划 translated, two names run together after the slash
        ("Chief Planner/Sun Xuan Chen Chunning", ("editor", ["Sun Xuan", "Chen Chunning"])),
        # each romanised name glossed in Chinese (HKBU's The Young Reporter)
        ("By: YANG Zhenfei、WANG Jingyan 王婧言", ("author", ["Yang Zhenfei", "Wang Jingyan"])),
    ],
)
def test_credit_lines_of_chinese_papers_as_translated(
    line: str, credited: tuple[str, list[str]]
) -> None:
    """Credit lines that had been read as text, and then taken for the story's headline."""
    assert parse_credit_line(line) == credited
    assert _kind(line) == "credit"


def test_a_department_after_a_label_is_no_planner() -> None:
    """Taoyuan's "Release Unit:Planning Section": the department that issued the release, not
    an editor named "Section" ("Planning" alone is no label)."""
    assert parse_byline("Release Unit:Planning Section").editors == []


def test_a_paper_writing_for_its_edition_is_the_outlet() -> None:
    """China Daily USA's "By China Daily in New York(China Daily USA)": the paper stands
    where a writer's name would, and the edition in brackets is the outlet; a headline
    opening with "By" and a slash inside is none (Chenghua's "By Bringing Culture onto the
    Walls, a Back Street/Alley Has a New Look")."""
    byline = parse_byline("By China Daily in New York(China Daily USA)")
    assert (byline.outlet, byline.authors) == ("China Daily USA", [])
    assert _kind("By China Daily in New York(China Daily USA)") == "credit"
    headline = "By Bringing Culture onto the Walls, a Back Street/Alley Has a New Look"
    assert parse_byline(headline).outlet is None


def test_one_outlet_s_reporter_and_correspondent_on_one_line() -> None:
    """光明日报记者 胡晓军 光明日报通讯员 薛斌, translated: the outlet named again before each
    post; it had been read as text and taken for the story's headline."""
    line = "Guangming Daily reporter Hu Xiaojun Guangming Daily correspondent Xue Bin"
    assert parse_credit_line(line) == ("author", ["Hu Xiaojun", "Xue Bin"])
    assert parse_byline(line).outlet == "Guangming Daily"


def test_a_government_notice_s_three_checks_translated_word_for_word() -> None:
    """一审, 二审, 三审 ("first/second/third review") as a machine translates them: the
    reviewers (Puding county's notice, qx_repost_tl5837_puding_nucleic_tests_2022)."""
    byline = parse_byline(
        "First Instance: Yi Cao Second Instance: Meng Lin Third Instance: Qiwei Peng"
    )
    assert byline.editors == ["Yi Cao", "Meng Lin", "Qiwei Peng"]
