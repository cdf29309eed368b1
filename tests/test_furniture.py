"""Page furniture: every kind of tables/furniture.toml is recognised, story text is not."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmend.credits.fields import may_name_an_outlet
from newsmend.furniture import (
    _COUNTER,
    KINDS,
    NEEDLES,
    PROMPT_KINDS,
    _may_hold,
    _needles,
    _parsed,
    _patterned,
    furniture_kind,
    strip_toolbar,
)

EXAMPLES = {
    "breadcrumb": [
        "ㄑ Press Room ㄑ Notice",
        "首页＞新闻＞本地",
        "Home -  Press Room -",
        "You are browsing the archive for 2010 April.",
        "Archive for ‘Fuzhou’",
        "Archive for the Heilongjiang Province Category",
        "Monthly Archives: January 2012",
        "Author Archives: GoKunming",  # a WordPress theme's archive labels
        "Category Archives: Langshan News",
        "Tag Archives: Kashgar",
        "Month: January 2021",
        "Showing posts from October, 2011",
        "Home>News>Local News",
        "> Government > News",
        "Home> Local",
        "Home > Government > News",
        "您的位置：首页 > 新闻",
        "You are here:   Home",
        "Current Location Home * News",
        "present position:",
        "当前位置 : International Daily News",  # pg_chinesetoday_shenzhen_fuwei_logistics_village_2024
        "curpage: Home |",  # qx_repost_jingxuanhuishou_lishui_mobile_hospital_2025
    ],
    "language_switch": [
        "Translate into Chinese:",
        "한어Русский языкEnglishFrançaisIndonesianSanskrit日本語DeutschPortuguês",  # names glued
        "中文 | English",
        "Mobile 中文 Français 한국어 日本語",
        "English Lao Thai",
        "CHOOSE YOUR LANGUAGE",
        "中文版",  # "Chinese version": a mirror's link to the Chinese page
    ],
    "site_name": [
        "The Official Website of the People's Government of Hunan Province",
        "Welcome to Wuxi",
        "english.changsha.gov.cn",
        # a periodical and its issue, over a story of a magazine's mirror
        "China Pictorial 2014年9期",
        "重庆与世界 2023年3期",
        "VTE English Edition - VTE English Edition NO.2, 2011",
    ],
    "separator": ["-", "***", "———"],
    "share_bar": [
        "plurk icon",  # a Taiwan portal's buttons by their alt text (rf_cip_*)
        "Return to list",
        "Email|Print|Comments       twitter     facebook     Sina Microblog     reddit",
        "Link is copied.",
        "Video PlayerClose",  # Xinhua's mirrors, over the picture's caption
        "Share this news?...Click box   Bookmark and Share wox mobile",  # What's on Xiamen
        "Font Size:[ S M L ] [Print] [Close]",  # the environment ministry's English site
        "X Email Mobile",
        "Tauyuan OpenAPI Share on「Facebook」(Open new page) Share on「Plurk」(Open new page)",
        "Facebook Twitter LinkedIn Google+",
        "Email story",
        "Comment on this story",
        "Make Xianning Known to the World Set as Homepage | Add to Favorites | Simplified Chinese",
        "Print E-mail Bookmark and Share",
        "Comment  Tell A Friend",
        "Print Format  Save Article",
        "ALMS",
        "Print Close",
        "Back Forward Refresh",
        "【打印】【关闭】",
        "Share to: WeChat Weibo",
        "Font size: A A A",
        "Share - WeChat",
        "Text:AAAPrint",
        "T | T",
        "Font size:A+A-",
        "text size: T | T",
        "Share this:",
        "Share to: WeChat Weibo QQ",
        "Increase font size",
        "分享到：微信 微博 QQ空间",
        "Print Mail Large Medium Small 分享按钮",  # China Daily USA's bar: "share button"
        "Messenger Messenger Pinterest LinkedIn",  # China Plus's share buttons
        "Traditional Chinese Simplified Chinese Email this article news.gov.hk",
    ],
    "qr_prompt": [
        "Scan the QR code to follow us",
        "Follow us on WeChat",
        "扫一扫在手机打开当前页",
        "Download the Hunan Daily app for more news",
        "To download APD News app",
    ],
    "footer": [
        "Contact Information:3319011",  # Kaohsiung's portal (rf_kcg_*)
        "Priority by AA Web Accessibility Rating Republic of China(Taiwan) Government Entry Point (Open a new window)",
        "Advertise with Us",
        "Partners:   |   China Today   |   China Hoy   |   China Pictorial",
        "Presented by China Daily.",
        "Copy right all reserved by Shijiazhuang Municipal People's Government",
        "All information on this site is provided by the Government Information Bureau",
        "Address NO.216 East ZhongShan Road, ShjJiaZhuang City HeBei",
        "Help us improve GOV.MO",
        "Is there anything wrong with this page?",
        "Police Report No. 6",
        "Issued at HKT 17:45",
        "Foreign trade building, No. 65, Jianxin North Road, Jiangbei District,Chongqing",
        "Website Identification Code bm01000001 Registration Number: 05070218",
        "Without written authorization from www.gov.cn, such content shall not be republished.",
        # Zhongshan's footer (og_zsgov_zhongshan_94_projects_groundbreaking_2023)
        "Website ID: 4420000052",
        "Police Registration Number: 44200002442868",
        (
            "Without written authorization from  Zhongshan Municipal People’s Government, the"
            " content of the site shall not be republished or used in any form."
        ),
        "About People's Daily Online | Join Us | Contact Us",
        "Copyright © 2020 Hunan Provincial Government. All rights reserved.",
        "互联网新闻信息许可证10120180008",
        "Contact Us",
        "E-mail: webmaster@example.cn",
        "E-mail lunthesis@163.com Phone 0551-65179860-203",
        "(+86) 0532-68873099",
        "Monday - Friday 9:00am - 5:00pm",
        "Tel: 0571-12345678",
        "G/F, 5 Hing Wan Street, Wan Chai Tel: 2572 0055",
        "Statement: The copyright of this article belongs to the original author.",
        "Post sponsored by",
        "Sponsored by the Information Office of the People's Government",
        "苏ICP备12345678号",
        "License for publishing multimedia online 0108263",
        "Registration Number: 130349",
    ],
    "site_notice": [
        "论文部分内容阅读",  # a paper archive, over the text it shows (jl_jxxfw, nn_ppdoc)
        (
            "Due to scheduled power line maintenance at city hall, the website will not be"
            " available between 6 PM on Friday and 9 AM on Saturday."
        ),
        "The website is temporarily unavailable during the system upgrade.",
        "Sorry!  The picture does not exist!",
        "Error message",  # a CMS's messages, then its server's PHP warnings
        (
            "Warning: file_put_contents(): Filename cannot be empty in"
            " file_unmanaged_save_data() (line 1962 of E:\\wonders\\includes\\file.inc)."
        ),
        "The subscription service is currently unavailable. Please try again later.",
        "You are using software which is blocking our advertisements (adblocker).",
        (
            "As we provide the news for free, we are relying on revenues from our banners. So"
            " please disable your adblocker and reload the page to continue using this site."
        ),
        (
            "You have installed an adblocker. This Web App can only be displayed and edited"
            " correctly when the adblocker is disabled."
        ),
    ],
    "consent": [
        (
            "By continuing to browse our site you agree to our use of cookies, revised Privacy "
            "Policy and Terms of Use. You can change your cookie settings through your browser."
        ),
        "Our Privacy Statement & Cookie Policy",
        "I agree",
    ],
    "account_prompt": [
        "Get more with myNEWS",  # SCMP's promo, over its headline (rd_scmp_china_digest_2012)
        "For the latest news, please check theofficial website of Tainan City Government",
        "Belt & Road Weekly Subscription Form",
        "Start a Free Trial",
        "Click on the button below to create your account and get immediate access.",
        "Sign up for our newsletter",
        "Already have an account? Sign in to Sixth Tone",
    ],
    "counter": [
        "Clickthrough Rate:27",
        "Number of Visitors: 000677",  # Changhua County's portal
        "Word count: 370",
        "Issue 1372, Page 4",
        "浏览",  # "2019-08-20 浏览": a counter's label without its count
        "Browse: 1234",
        "Views:",
        "浏览次数：56",
        "Click:",
        "0 comments",
        "0 Comment(s)",
        "Comments (3)",
        "Views: 1,234",
        "11:33 am0 comments",
        "Comments Off",
        "00:47",
        "Reading Time:4 minutes",
        "3 min read",
        "1 Photo",  # a gallery's count
    ],
    "relative_time": ["2 hours ago", "an hour ago", "Yesterday", "16 hours"],
    "weather": ["29.4 C", "6C /11C", "22°C Sunny", "-3℃"],
    "empty_byline": ["By in News on", "Posted by on", "By"],
    "deck": [
        (
            "BUSY DAY: Between 8:30am and 10am, 1,299 post offices distributed 166,000 packets of"
            " Triple Stimulus Vouchers, with staff handling an average of 1.6 packets per minute"
        ),
    ],
    "caption": [
        "Anti-Taiwan scene. Photo courtesy of Yueqing Emergency Management Bureau ",  # twice on a page
        "studio-003.jpg (108 KB)",  # a forum's attachment, its size after it
        "The first picture of the political report. jpg",
        "(File photo/CFP)",
        (  # a picture in Markdown: its address makes it longer than any other furniture
            "![The Department of International Medicine at the Children's Hospital of Zhejiang"
            " University School of Medicine. [Photo/Tide News] 医院1.jpg](https://en.hangzhou.com.cn"
            "/News/images/2026-02/03/b61a4a16-f359-4a9b-b01e-e724c8cfca6b.jpg)"
        ),
        'The Education Bureau of Taichung City runs the "Online Summer Camp". Photo/Retrieved from "CommonWealth Magazine"',
        "Image from Pixabay",
        "(File photo)",
        "Photo sent by an RFA listener",
        "Enlarge Executive Yuan announces Cabinet changes Photos",
        "Executive Yuan announces Cabinet changesPhotos - New Southbound Policy",
        "CHINA-SHANXI-WATER SHORTAGE VILLAGERS-RELOCATION (CN)",
        "news image",
        "Courtesy of Tencent",
        "Video courtesy of Quzhou's publicity department (视频由衢州市委宣传部提供)",
        "Inset: Pineapple tarts made by Boxue villagers Photo: Courtesy of Chen Tongkui",
        "Caption: Silk Road (Xi'an) International Communication Forum/Chang'an night gala",
        "Illustrative photo (Source: caexpo.org)",
        "Infographic:",
        "File photo",
        "CHINA-SHANDONG-WEIHAI-APPLE-HARVEST (CN)",
        "Journalists from Hong Kong arrive in Lhasa for a three-day media trip. [Xinhua]",
        "spot_img",
        "Avatar of Steven",
        "A spa in Luobie Township, Liupanshui City, September 9 (WANG HAIRONG)",
        "Delegates gather in Nanning, southwest China's Guangxi, October 29, 2025. /CGTN",
        "Kanas is very close to the northern tip of Xinjiang. (File photo)",
        "Men smash a Maserati outside the Qingdao auto show in Shandong province. Photo: Reuters",
        "Delegates visit the Li Zijian Art Museum. (Photo/Yang Huafeng)",
        "Photo shows the new bridge over the Xiangjiang River.",
        "QQ图片20190108154041.jpg",
        "[Photo by Li Hua]",
        "Xi Jinping on Tuesday inspected east China's Anhui Province. (Xinhua)",
        "Ti Gong",
        "Mr. Nang is interviewed at Sun Yat-sen's former residence. [Photo by Will]",
        "Photo taken on June 27, 2023 shows the Fenhe River in Taiyuan City.",
        "Tourists visit the ice sculptures in Harbin. (People's Daily Online/Xu Chenglong)",
    ],
    "more_link": [
        "阅读更多(Read More)",
        "For background on Orthodox Christianity in China, see here.",
        "View Article",
        "photo >>",
        "Continue reading Qianhai beckons HK, Macau residents",
        "Read more: Silk Road Sino-foreign Scholar...",
        "Full story »",
        "Read more",
        "View all stories",
    ],
    "navigation": [
        "Press Enter to the main content",
        "Back to previous page",
        "MoblieMenu",
        "Special Reports",
        "Work in China Study in China Live in China",  # function words, but no phrase
        "To Main Area",
        "Why you can trust SCMP",
        "Notification announcement",  # a machine translation of 通知公告, a portal's section
        "|Home|About Hebei|Government|Business|Opening up|Travel|Culture| Site Search 中文",
        "Choose your listening speed",
        "Interval 10 seconds",
        "Go to main content",
        "Skip navigation",
        "Display mode: Grid view List view",  # a listing's view toggle
        "Text Version",
        "Hong Kong/ Health & Environment",  # SCMP's section path over its headline
        "Jiangsu / Top News",
        "Photo album of TibetSpecial ReportMedia Voice",  # a menu's items the store glued
        "RSS Feeds",
        "About US Help Site Map",
        "-Give us feedback",
        "What's new",
        "Home About Us News Services Contact",
        "Home Lao Chinese",  # a Lao paper's menu and its languages
        "Local News",
        "Data Map",
        "Search 简体 Wechat",
        "Keywords: Guizhou, poverty alleviation",
        "Category: Local News | Transport",
        "Advertisement",
        "#DistrictCouncil #831PrinceEdward #AntiEpidemic",
        "national key lab;innovation;MOST;state policy",  # keywords over a listed title
        "Home About Zhongshan News Business Culture Services",  # a menu naming its city
        "About Zhongshan News Business Culture Services",  # the same in the footer
    ],
    "column_label": [
        "core reading",
        "Reading tips",
        "Detail Content:",
        "Message content",
        "文章预览",
        "article preview",
    ],
    "picture_label": [
        "Data pictures",
        "【资料图】",
        "The above pictures are provided by the Propaganda Department of the Forestry Bureau",
    ],
    "source_note": [
        "See the original link: https://en.imsilkroad.com/p/334386.html",
        "Link: https://iop.asianetnews.net/view-attachment?attach-id=442876",
        "Chinese source:",
        "The story appears on",  # Shanghai Daily's print edition, over "Page A6" and its date
        "Please refer to when using the article.",
        "Original link: https://www.hunantoday.cn/news/123",
    ],
    "pager": [
        "Total 360 records,page 1of tota 12pages. records per page",
        "共36条 当前第1页",
        "1",
        "【1】 【2】 【3】 【4】",
        "Page 1 2 3 4 Next",
        "1 2 3 of 3",  # a gallery's pages (pf_acftu_unions_reach_out_photo_p3_2015)
        "The next article",
        "No more pages to load",
        "End of content",
        "last text:",
    ],
    "comment_form": [
        "Your Name Required",
        "Your email address will not be published. Required fields are marked *",
        "You are commenting using your Twitter account. Log Out / Change )",
        "Fill in your details below or click an icon to log in:",
        "I accept the Privacy Policy",  # WordPress's form, then its note
        "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
        "comments powered by Disqus",
        "* Mandatory field",
        "your comments",
        "Post a Comment",
        "No comments",
        "There are no comments yet",
        "Case insensitive.If the code is undiscernible",
        "LEAVE A REPLY",
        "Please enter your name here",
        "Add your comments...",
        "User Name Required",
        "This article was written by admin",
        "Racist, abusive and off-topic comments may be removed by the moderator.",
    ],
    "script": [
        "1. <dl id='FtE35p'></dl>",
        "<tr id='FtE35p'><strong id='FtE35p0'></strong><strong id='FtE35p1'></strong><strong id='FtE35p2'></strong><strong id='FtE35p3'></strong><strong id='FtE35p4'></strong><strong id='FtE35p5'></strong><strong id='FtE35p6'></strong><strong id='FtE35p7'></strong><li id='FtE35p'",  # longer than any furniture but a script's
        # a picture's tag, its address and alt text run long (The Epoch Times, 2012)
        '<a><img class=" wp-image-1786809 " title="Screen+Shot+2012-05-30+at+4.57.25+PM" src="https://www.theepochtimes.com/assets/uploads/2015/09/Screen+Shot+2012-05-30+at+4.57.25+PM.png" alt="A copy of warrant for Zhou Huilai " width="312" height="403"/></a>',
        "(adsbygoogle = window.adsbygoogle || []).push({});",
        "(sinaads = window. sinaads || []). push ({});",
        "var _hmt = _hmt || [];",
        'document.write("<script src=/ad.js></script>");',
        '"); jQuery("#212 h3").html("',
        # a player's set-up, longer than any other furniture line
        (
            "\"); jQuery(document).ready(function() { jwplayer.key='EKOtdBrvhiKxeOU807UIF56TaHW"
            "apYjKnFiG7ipl3gw='; var playerInstance = jwplayer('player'); playerInstance.setup({"
            " file: 'https://example.org/video/20200510.mp4', width: '100%', aspectratio: '16:9',"
            " autostart: false });"
        ),
    ],
}
STORY_LINES = [
    "Report on the Work of the Government",  # a work report's headline, in menu words
    "Taiwan photos - a gallery of the island's east coast",
    "Images: Beauty of overseas Chinese hometown",  # a gallery's headline (Zhongshan News)
    "Photos: What life is like in Tianjin as COVID-19 eases",
    "Please Follow These 10 Traffic Bans",  # a headline that asks
    "(For the latest China news, Please follow People's Daily on Twitter)(Web editor: Li Hua)",
    "Enlarge the park, the council urged in its report on new photos.",
    "UPDATE: Five more imported cases of COVID-19 reported",  # a kicker over a short headline
    (
        "CAUTION: Based on intelligence from the nation's security agencies, the ministry has"
        " cautioned travellers about the risks of the region."
    ),  # a kicker over a paragraph that ends its sentence
    "Add a new dimension to the city's riverside, officials said.",
    "The website: http://2011.nbtravel.gov.cn/.",
    "Address the needs of the elderly, the mayor urged.",
    "Police report no surge in crime over the holiday",
    "Beijing opens No. 3 Ring Road extension to traffic",
    "The shop at No. 65, Jianxin North Road, reopened on Monday after a fire.",
    "Total 360 cases were reported in the city last week.",
    "Home-grown talent returns to Wenzhou",
    "New site helps online readers find help",
    "Phone makers in Dongguan ship 5 million handsets",
    "COVID-19 cases in Guangdong fall",
    "Chinese Central Media Reports Hunan's Achievements",
    "On July 26, the Xinhua News Agency released an article to cover Hunan's great changes.",
    "Wuxi's 2022 compulsory education enrollment policy is released",
    (
        "The meeting pointed out that the copyright of the new software belongs to the company, "
        "and the contact information of the park was published on the website of the city."
    ),
    "Knowing All about Hunan",
    "Archive for the city opens in Harbin",
    "Month of festivals begins in Harbin",
    "Text: A tale of two cities",
    "The window of opportunity for the project is narrow; var is the unit used.",
    "The market pushes ahead (window displays || shop fronts) as sales grow.",
    # a byline's fields between bars are no menu (the labels' colons, the digits)
    "Source: | Author:pmtf105f8 | Publish time:2020-07-27 | 1657 Views: | Share:",
    "Hunan | Changsha | A new bridge opens over the river",
    "Images from the past decade show a changing city",
    "Lanzhou opens a new park; two more to come next year",  # a headline spaces its semicolon
    "Current location of the plant is near the river",
    "Premier to visit Zhongshan for business and culture event",
    "3 photos show the city",
    "Wang Rongjiang / SHINE",  # a photographer and an agency: no section path
    "Written by Huang Lixia / Translated by Chen Zhiying",
    # glued words, but a byline's (labels, a date) or a headline's one glue ("InnoPark")
    "- By: Kelly PangEdited by: BellaHuang",
    "2016-03-18 06:27:08ByZhaoZhenglinJinPingJiangYing",
    "LegCo Subcommittee visits Microelectronics Centre at Yuen Long InnoPark (with photos)",
    # a headline in title case with no article or preposition, but "These" and "While"
    "Gong Zheng Put Forward These Expectations While Visiting Zizhu High-Tech Park",
    (
        "The function (a public service) of the new centre, which residents asked for in a"
        " survey of the district last year, is to bring the offices of the city's departments"
        " under one roof; it opens in May, and the jQuery course it offers is free for all."
    ),
]


def test_every_kind_has_examples() -> None:
    """Every kind a line's text tells (a deck's other forms only the layout marks:
    test_split)."""
    assert {kind.name for kind in KINDS if kind.patterns or kind.words} == set(EXAMPLES)


@pytest.mark.parametrize(
    ("kind", "line"), [(k, line) for k, lines in EXAMPLES.items() for line in lines]
)
def test_furniture_line_has_its_kind(kind: str, line: str) -> None:
    assert furniture_kind(line) == kind


@pytest.mark.parametrize("line", STORY_LINES)
def test_story_line_is_not_furniture(line: str) -> None:
    assert furniture_kind(line) is None


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("2019-07-31 Download Print Comment", "2019-07-31"),
        ("2020-07-15 Browse:", "2020-07-15"),
        ("Date:2014-07-22     source:BJIPCF     Count:12981", "Date:2014-07-22     source:BJIPCF"),
        ("Source: Xinhua | 2022-08-02 | Print | Close", "Source: Xinhua | 2022-08-02"),
        ("Updated: 2021-07-02 17:30:38 Views: 1,024", "Updated: 2021-07-02 17:30:38"),
        ("0 CommentsPrint E-mail China Daily, May 16, 2011", "China Daily, May 16, 2011"),
        (
            "0 CommentsPrintE-mail China Daily, September 28, 2009",
            "China Daily, September 28, 2009",
        ),
        ("12.08.2025 6 minutes", "12.08.2025"),
        ("2023-03-06 418次", "2023-03-06"),  # views in Chinese (js_consulate_fiji_ninghai)
        ("第3次会议 2023-03-06", "第3次会议 2023-03-06"),  # "the 3rd meeting"
        # A toolbar word between two words that stay is a name's or a phrase's.
        ("(People's Daily App) 15:27, May 17, 2023", "(People's Daily App) 15:27, May 17, 2023"),
        ("Source: Shenyang WeChat Official Account 2023-11-29", None),
        ("By Wang Li, dispatch to the Evening News", None),
        ("2023-11-29 Print WeChat", "2023-11-29"),
        ("2024-03-19 11:05:22 听新闻", "2024-03-19 11:05:22"),
    ],
)
def test_toolbar_words_and_counters_are_stripped(line: str, rest: str | None) -> None:
    assert strip_toolbar(line) == (line if rest is None else rest)


# Pieces of furniture and of stories, and letters that match others case-insensitively
# ("ſ" is "s", "K" the Kelvin sign is "k"): the needle gate must not change any answer.
PIECES = st.sampled_from(
    [*NEEDLES, "Copyright", "COPYRIGHT ", "©", "(c) 2020", "Home", " > ", "»", "@", "a@b.cn",
     ".com", "2022", " ", "   ", ":", "：", "|", "[", "]", "(", ")", ".", "!", "Photo", "/",
     "Xinhua", "jpg", "ſ", "K", "İ", "ı", "的", "备", "新闻", "The city opened", "e", "x", "1"]
)  # fmt: skip
LINES = st.lists(PIECES, max_size=12).map("".join) | st.text(max_size=40)


@settings(max_examples=2000, deadline=None)
@given(LINES)
def test_the_needle_gate_finds_what_every_pattern_finds(line):
    every_pattern = any(pattern.search(line) for kind in KINDS for pattern in kind.patterns)
    assert _patterned(line) == every_pattern


COUNTER_PIECES = st.sampled_from(
    ["Views", "views", "VIEWS", " ", ":", "：", "1,024", "12 ", "times", "Browsed", "hits",
     "Font size", "Size: A+", "[Print this page]", "【close this window】", "浏览次数", "点击",
     "2019-07-31", "Print", "ſize", "ſ", "K", "İ", "x", "的"]
)  # fmt: skip


# Each pattern with its needles, read once for the thousand lines below.
PATTERN_NEEDLES = [
    (pattern, _needles(_parsed(pattern.pattern)))
    for pattern in [_COUNTER, *(pattern for kind in KINDS for pattern in kind.patterns)]
]


@settings(max_examples=1000, deadline=None)
@given(st.lists(COUNTER_PIECES | PIECES, max_size=12).map("".join))
def test_a_pattern_matches_only_in_a_line_holding_one_of_its_needles(line):
    for pattern, needles in PATTERN_NEEDLES:
        assert _may_hold(line, needles) or pattern.search(line) is None, pattern.pattern


def test_the_fold_is_how_re_ignores_case_for_ascii_letters_and_needles():
    """_FOLD maps every character `re` matches to an ASCII letter ignoring case onto that
    letter, and no character but itself matches a needle's character that is not ASCII."""
    import _sre
    from re import _casefix

    from newsmend.furniture import _FOLD

    by_lower: dict[int, set[int]] = {}
    for c in range(0x110000):
        by_lower.setdefault(_sre.unicode_tolower(c), set()).add(c)

    def matched_by(letter: int) -> set[int]:
        lower = _sre.unicode_tolower(letter)
        return by_lower[lower] | set(_casefix._EXTRA_CASES.get(lower, ()))

    for letter in range(ord("a"), ord("z") + 1):
        assert {c for c in matched_by(letter) if chr(c).translate(_FOLD) == chr(letter)} == (
            matched_by(letter)
        )
    for char in {c for needle in NEEDLES for c in needle if not c.isascii()}:
        assert matched_by(ord(char)) == {ord(char)}, char


@pytest.mark.parametrize("line", [line for kind in sorted(PROMPT_KINDS) for line in EXAMPLES[kind]])
def test_a_prompt_never_names_an_outlet(line: str) -> None:
    """Kinds marked `prompt = true` in furniture.toml ask the reader to act: "Leave a comment"
    after a date is no source."""
    assert not may_name_an_outlet(line)
