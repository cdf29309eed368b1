"""The head of a page's story: its title (the best-scored title-like line above the body),
its byline and where its body starts. What a page puts above its story instead (a blurb, a
sidebar of other stories) is read in `above.py`."""

from __future__ import annotations

import re

from newsmend.credits import (
    caps_credit_start,
    is_site_name,
    read_dateline,
)
from newsmend.dates import find_date
from newsmend.split.lines import (
    BYLINE_KINDS,
    CJK_HEADLINE,
    ELLIPSIS,
    FURNITURE_KINDS,
    MAX_HEADLINE_WORDS,
    MAX_TITLE_CHARS,
    MIN_DECK_HEADLINE_WORDS,
    MIN_TITLE_WORDS,
    SENTENCE_END,
    SENTENCE_INSIDE,
    SUBTITLE_DASHES,
    _ends_sentence,
    _is_prose,
    _next_line,
    _number,
    _previous_line,
    _prose_follows,
    _title_cased,
    _title_like,
    opens_with_dateline,
    shared_words,
    stems,
    word_count,
)
from newsmend.split.parts import (
    BREADCRUMB,
    CAPTION,
    CHINESE,
    DATE,
    ENTRY,
    HEADER,
    HEADLINE,
    META,
    MORE_LINK,
    RESIDUE,
    SITE_NAME,
    STRAY,
    TEXT,
    Span,
)

MAX_STRAY = 2
LEAD_WORDS = 120  # how much of a story a headline's words are looked for in
LEAD_WEIGHT = 2.0  # a headline whose words are all in the lead gains as much as a byline
REPEAT_WEIGHT = 2.0  # a headline the page writes twice gains as much as a byline
MIN_LATE_TITLE_WORDS, MIN_LATE_TITLE_SHARE = 6, 0.5  # see _title_after_lead
MAX_LEAD_CAPTION_WORDS = 25  # see _restates_lead
MIN_DECK_WORDS, DECK_RATIO, DECK_WEIGHT = 12, 1.0, 4.0  # a headline over its deck wins
# A headline of two words or more over a deck of twenty or more, five times as long ("Reviving
# Wuhan", "In the post-epidemic period, Wuhan is being encouraged to ..."), over the byline;
# over the writer's own byline a magazine's deck may be shorter (see _deck_sized)
MIN_SHORT_HEADLINE_WORDS, LONG_DECK_WORDS, SHORT_DECK_RATIO = 2, 20, 5
MAX_DECKS = 2  # SCMP writes two decks under a headline
TWO_DECKS_RATIO = 0.8  # two decks in a row, each this share of the headline (SCMP print)
SUBTITLE_WEIGHT = 3.5  # a headline over its subtitle wins over one a byline follows
# A picture's caption among the lines over the story: "Serial killer Gao Chengyong pictured at
# his trial ...", "... Three rows of trouble Wu photo", "Dancers ... perform at the Nice
# Carnival (SHINE)", "Ann Kao claims victory in Hsinchu City (CNA photo)", "... Photo courtesy
# of Shenzhen police", a sentence and its credit in capitals ("... in June 2019. CHINA DAILY")
PICTURE_AGENCY = r"(?i:xinhua|cfp|vcg|ic|afp|ap|reuters|shine|ti gong|imaginechina|china daily)"
CAPTION_CUE = re.compile(
    r"\bpictured\b|\b(?:photo|picture)\s*[)）\]]?$"
    rf"|\s[(（\[]{PICTURE_AGENCY}[)）\]]$"
    r"|(?i:\b(?:photos?|pictures?)\s+(?:by|courtesy)\b)"
    # what a picture shows and whose it is: "The picture shows ..., courtesy of the ... Bureau"
    r"|(?i:^(?:the )?(?:pictures?|photos?|images?) shows?\b|\bcourtesy of\b[^.!?]{1,60}$)"
    r"|[a-z0-9][.!?]\s+[A-Z]{2,}(?:[\s/][A-Z]{2,}){0,4}$"
    # a sentence, then its source in brackets: "... at Beijing Children's Hospital. (China
    # Youth Daily)"
    r"|[a-z0-9][.!?]\s*[(（][A-Z][^()（）.!?]{1,40}[)）]$"
    # an agency and its photographer in brackets ("(Xinhua/Ju Peng)", "[Yang Xinyue/Xinhua]")
    # or a screenshot's mark ("(Web screenshot)")
    rf"|[(（\[]{PICTURE_AGENCY}\s*/[^()（）\[\]/]{{2,40}}[)）\]]$"
    rf"|[(（\[][^()（）\[\]/]{{2,40}}/\s*{PICTURE_AGENCY}[)）\]]$"
    # a sentence, then its photographer and the agency across a slash: "... in Rongjiang
    # county. Yang Wenbin / Xinhua", "... Hubei province. Mei Tao / For China Daily"
    rf"|[a-z0-9][.!?]\s+[A-Z][\w'-]*+(?: [A-Z][\w'-]*+){{0,3}} ?/ ?(?:For )?{PICTURE_AGENCY}$"
    r"|(?i:[(（\[](?:web |file |video )?screenshot[)）\]]$)"
    r"|(?i:\bscreen ?(?:grab|shot) (?:from|of|by) [^\s!?][^!?]{0,60}$)"  # "Screen grab from X"
)  # not an event's initials: "... Agricultural Hi-tech Fair(CAF)"
CAPTION_WEIGHT = 5.0
# A title-like line under a dated byline counts half against the headline over that byline
UNDER_BYLINE_DISCOUNT = 0.5
LOWER_CASE_WEIGHT = 2.0  # a line without a capital ("automatic bus window exit guangzhou")
# An item of a numbered section: "(1) The construction ...", "a. Last week, ..."
SUB_ITEM = re.compile(r"[(（]\d{1,2}[)）]|\d{1,2}[)）]\s|[a-z][.)）]\s")
# An item's number glued to its first word ("17.Partnerships for the Goals", "1.Education-Industry
# Integration"): a list's item or a category, never a headline; a headline spaces it.
GLUED_NUMBER = re.compile(r"\d{1,2}\.[A-Z][a-z]")
NUMBERED_WEIGHT = 5.0  # a numbered headline over its subtitles, however many (see _title_score)
MIN_DECK_PARAGRAPHS = 2  # paragraphs under a deck that has no full stop (_over_paragraphs)
LABEL_ENDS = (":", "：", "|", "｜")  # a line that ends in one labels what follows: no headline
RESTATED_SHARE = 0.7  # see _restated_by_lead
MAX_STOPPED_HEADLINE_WORDS, LEAD_RATIO = 25, 3  # see _over_longer_lead
MAX_LABEL_WORDS = 3  # a section's label above a headline ("Govts & policies")
MAX_BYLINE_LABELS = 2  # labels between byline lines: a section's name, the site's
LATIN_WORD = re.compile(r"[A-Za-z0-9][\w'’-]*")
BY_A_NAME = re.compile(r"[Bb][Yy]:?\s+(?-i:[A-Z][a-z]+)(?![a-z])")  # "By Poyi", "BY: Kelly"
MAX_BY_LINE_WORDS = 10


def _byline_block(lines: list[Span], kinds: list[str], i: int, step: int) -> list[int]:
    """Indexes of the byline lines next to line i, going down (step 1) or up (step -1),
    furniture between them skipped. Going down, a site name among them ("CCTV.com" between
    the headline and its date) is the byline's outlet; going up, so is a section's label
    ("China Daily | Updated: 2016-02-03", "Govts & policies", then the headline), but not a
    breadcrumb: a date above it is the site's clock ("15 July 2015", "Home>News", headline)."""
    block = []
    i += step
    while 0 <= i < len(kinds) and (
        kinds[i] in BYLINE_KINDS
        or (kinds[i] in FURNITURE_KINDS and not (step < 0 and kinds[i] == BREADCRUMB))
        or (step < 0 and kinds[i] == TEXT and len(lines[i].text.split()) <= MAX_LABEL_WORDS)
        or (step > 0 and _caption_between_bylines(lines, kinds, i))
        or (step > 0 and block and _labels_between_bylines(lines, kinds, i))
        or (step > 0 and kinds[i] == RESIDUE)  # a credit left in Chinese ("来源:中国日报")
    ):
        if kinds[i] == TEXT and step > 0:
            kinds[i] = CAPTION if len(lines[i].text.split()) > MAX_LABEL_WORDS else STRAY
        if kinds[i] in BYLINE_KINDS or (step > 0 and kinds[i] == SITE_NAME):
            block.append(i)
        i += step
    while block and kinds[block[-1]] == SITE_NAME and not _dated_source(kinds, block):
        block.pop()  # a site name after the byline is the next part's masthead
    return block if step > 0 else block[::-1]


def _caption_between_bylines(lines: list[Span], kinds: list[str], i: int) -> bool:
    """A picture's caption closed by its credit in capitals between two byline lines
    ("Updated: 2023-09-09", "... in July. WANG HAORAN/CHINA DAILY", then the deck naming the
    writers)."""
    return (
        kinds[i] == TEXT
        and i + 1 < len(kinds)
        and kinds[i + 1] in BYLINE_KINDS
        and caps_credit_start(lines[i].text) is not None
    )


def _labels_between_bylines(lines: list[Span], kinds: list[str], i: int) -> bool:
    """Short labels between two byline lines: a section's and the site's names ("2021-11-29",
    "Society", "The Young Reporter", "By: Kelly Pang Edited by: Bella Huang")."""
    j = i
    while j < len(kinds) and j - i < MAX_BYLINE_LABELS and _short_label(lines[j], kinds[j]):
        j = _next_line(kinds, j)
    return j > i and j < len(kinds) and kinds[j] in BYLINE_KINDS


def _short_label(line: Span, kind: str) -> bool:
    return kind == TEXT and len(line.text.split()) <= MAX_LABEL_WORDS and not _ends_sentence(line)


def _dated_source(kinds: list[str], block: list[int]) -> bool:
    """The block's last line, an outlet's name, right under its date line ("2004-07-19",
    then "China Daily"): the byline's source, written on a line of its own."""
    return len(block) >= 2 and block[-2] == block[-1] - 1 and kinds[block[-2]] == DATE


def _title_score(
    lines: list[Span],
    kinds: list[str],
    i: int,
    candidates: list[int],
    lead: set[str],
    repeated: set[str],
) -> float:
    """How much a title-like line looks like the story's headline: the nearest to the body
    wins unless it is a label of a couple of words; one a byline or the story's dateline
    follows gains, and so do one over its deck, one that shares its words with the story's
    lead and one the page writes twice (over the text and again as the picture's title, or
    at the top of the story: `repeated`)."""
    words = len(lines[i].text.split())
    following = _next_line(kinds, i)
    between = sum(1 for c in candidates if c > i)  # candidates between it and the body
    if _over_dated_byline(lines, kinds, i):  # those under its byline are its decks or heads
        between -= UNDER_BYLINE_DISCOUNT * sum(1 for c in candidates if c > following)
    score = -float(between)
    decks = _decks(lines, kinds, i) if following in candidates else []
    if not decks:  # a label's few words ("Data Map"); over its deck, a short headline
        score -= 3 if words <= 2 else 1 if words == 3 else 0
    score += 2 if _bylined(lines, kinds, i) else 0
    score += DECK_WEIGHT * len(decks)  # over two decks, the first line is the headline
    score += SUBTITLE_WEIGHT if _over_subtitle(lines, kinds, i, candidates) else 0
    score += NUMBERED_WEIGHT if _numbered_over_subtitles(lines, kinds, i, candidates) else 0
    score += REPEAT_WEIGHT if lines[i].text in repeated else 0
    score -= CAPTION_WEIGHT if CAPTION_CUE.search(lines[i].text) else 0
    score -= LOWER_CASE_WEIGHT if lines[i].text.islower() else 0  # a picture's tags or alt text
    return score + LEAD_WEIGHT * shared_words(lines[i].text, lead)


def _over_dated_byline(lines: list[Span], kinds: list[str], i: int) -> bool:
    """A headline of a headline's length right over a byline that dates the story ("The 60th
    Anniversary Celebration Of Qiannan State Was Held", "Author:Jamina Zhang Source:...
    Time:2016-08-10"): the head of the story, with its decks under the byline. A headline the
    page writes again further down is the summary's; its later copy heads the story."""
    following = _next_line(kinds, i)
    return (
        following < len(kinds)
        and kinds[following] in BYLINE_KINDS
        and find_date(lines[following].text) is not None
        and len(LATIN_WORD.findall(lines[i].text)) >= MIN_DECK_HEADLINE_WORDS
        and all(line.text != lines[i].text for line in lines[following:])
    )


def _unread_byline(line: Span) -> bool:
    """A writer's credit the name reader could not read ("By Poyi (Natalie) Leung", "By Shang
    Man and Guo Lei ( Updated: 2016-07-13"): never the story's headline ("By 2030, ..." may
    be one)."""
    return BY_A_NAME.match(line.text) is not None and word_count(line.text) <= MAX_BY_LINE_WORDS


def _over_subtitle(lines: list[Span], kinds: list[str], i: int, candidates: list[int]) -> bool:
    """Whether line i is a headline over its subtitle: two title-like lines alone together
    right over the byline or the story, the first of headline length ("Yangzhou opens new
    riverside park", "Park covers 12 hectares along the Grand Canal"); a list over a
    headline has more lines, a section's label fewer words."""
    subtitle = _next_line(kinds, i)
    before = [c for c in candidates if c < i]
    return (
        subtitle in candidates
        and (subtitle == candidates[-1] or _subtitle_over_byline(lines, kinds, subtitle))
        and (not before or _next_line(kinds, before[-1]) != i)  # i opens the block
        and _headline_over_subtitle_sized(lines, kinds, i, subtitle)
        and not _title_cased(lines[subtitle].text)  # not the next headline of a list
        and lines[subtitle].text not in lines[i].text  # not the page's title over its headline
        and (  # not the story's first paragraph, written without a full stop
            len(lines[subtitle].text.split()) < MIN_DECK_WORDS
            or kinds[_next_line(kinds, subtitle)] in BYLINE_KINDS
            or _over_paragraphs(lines, kinds, subtitle)
        )
    )


def _subtitle_over_byline(lines: list[Span], kinds: list[str], subtitle: int) -> bool:
    """A subtitle right over the byline, whatever title-like lines stand under that (a
    picture's caption: "Runners pass a flower-lined avenue ..."); one in lower case there is
    the headline's own second line, wrapped by a page's width ("Pervert caught ... pics,
    his", "phone had over 300 of them", "Posted: 12/24/2012 2:11 pm")."""
    return _bylined(lines, kinds, subtitle) and not lines[subtitle].text[:1].islower()


def _headline_over_subtitle_sized(
    lines: list[Span], kinds: list[str], i: int, subtitle: int
) -> bool:
    """Line i long enough for a headline over a subtitle: MIN_DECK_HEADLINE_WORDS words, or
    fewer in sentence case right over a subtitle its byline follows ("Tourism transforms
    Dong village", "Allure of ethnic cultural heritage attracts visitors, while ...", "By MO
    JINGXI ... | China Daily | Updated: 2025-05-03 11:01"); a label in title case is the
    site's or the section's ("Zigong Huacai Art")."""
    words = len(LATIN_WORD.findall(lines[i].text))
    return words >= MIN_DECK_HEADLINE_WORDS or (
        words > MIN_SHORT_HEADLINE_WORDS
        and not _title_cased(lines[i].text)
        and _bylined(lines, kinds, subtitle)
    )


def _numbered_over_subtitles(
    lines: list[Span], kinds: list[str], i: int, candidates: list[int]
) -> bool:
    """A numbered headline of a collection over its unnumbered subtitles ("1. Awaiting
    Friend by Road When Robbers Arrive", "Fish Peak Police Crack Serious Robbery in 20
    Hours", "All Three Suspects Arrested"): subtitles are not numbered, a list's titles are."""
    following = _next_line(kinds, i)
    return (
        _number(lines[i]) is not None
        and following in candidates
        and _number(lines[following]) is None
    )


def _numbered_section(lines: list[Span], kinds: list[str], i: int) -> bool:
    """A numbered line over the items of its section ("1. Construction for the Southern
    Branch ... has been officially launched", "(1) The construction and design contract
    ..."): the text's heading, never its headline."""
    following = _next_line(kinds, i)
    return (
        _number(lines[i]) is not None
        and following < len(lines)
        and SUB_ITEM.match(lines[following].text) is not None
    )


def _over_paragraphs(lines: list[Span], kinds: list[str], i: int) -> bool:
    """A line with no full stop over paragraphs that all end a sentence, MIN_DECK_PARAGRAPHS
    or more ("As well as the sepak takraw ... away from the arena", then the story): a deck.
    A story whose first paragraph lacks its full stop writes others without one too (a
    line "Li Hualin, a journalist ... says that ..." under each quoted person)."""
    if _ends_sentence(lines[i]):
        return False
    following, count = _next_line(kinds, i), 0
    while following < len(lines) and kinds[following] == TEXT:
        if not _ends_sentence(lines[following]):
            return False
        following, count = _next_line(kinds, following), count + 1
    return count >= MIN_DECK_PARAGRAPHS


def _over_story(lines: list[Span], kinds: list[str], headline: int, i: int) -> bool:
    """A line with no full stop right over MIN_DECK_PARAGRAPHS paragraphs that each end a
    sentence, under a headline that opens the page's text: a deck over the story with no
    byline between ("Port aims to strengthen ... in Northeast Asia", then the story). The
    store may cut the story further down, and a section's head may follow, so only its first
    paragraphs are read (`_over_paragraphs` reads them all); a headline under another
    title-like line is a list's last title, its "deck" the next one."""
    above = _previous_line(kinds, headline)
    if _ends_sentence(lines[i]) or (above >= 0 and _title_like(lines[above], kinds[above])):
        return False
    following = i
    for _ in range(MIN_DECK_PARAGRAPHS):
        following = _next_line(kinds, following)
        if following >= len(lines) or not _is_prose(lines[following], kinds[following]):
            return False
    return True


def _over_deck(lines: list[Span], kinds: list[str], i: int) -> bool:
    """Whether line i is a headline over its deck: the next line a sentence of MIN_DECK_WORDS
    words or more over the byline, in sentence case and no shorter than the headline
    ("Hunan opens new bridge over Xiang River", "The city's fifth crossing over the river is
    expected to carry 40,000 ...", "By Li Hua | 2023-05-06"; SCMP's headline of sixteen words
    over a deck of twenty, or over two)."""
    return bool(_decks(lines, kinds, i))


def _decks(lines: list[Span], kinds: list[str], i: int) -> list[int]:
    """The deck lines (one, or two in a row) between headline i and its byline, or the story
    when no byline stands between (`_over_story`); [] when line i is no headline over a
    deck. One deck is no shorter than its headline (DECK_RATIO); two may each be shorter
    (TWO_DECKS_RATIO). A line that holds a date is no headline over a deck (a share bar and
    the day: "Apple News Facebook Twitter ... Thursday, Oct 15, 2020")."""
    if find_date(lines[i].text) is not None:
        return []
    decks = [_next_line(kinds, i)]
    while (
        decks[-1] < len(kinds)
        and _deck_sized(lines, kinds, i, decks[-1], TWO_DECKS_RATIO)
        and len(decks) <= MAX_DECKS
    ):
        after = _next_line(kinds, decks[-1])
        if after < len(kinds) and (
            kinds[after] in BYLINE_KINDS or _over_story(lines, kinds, i, decks[-1])
        ):
            two = len(decks) == MAX_DECKS
            return decks if two or _deck_sized(lines, kinds, i, decks[0], DECK_RATIO) else []
        decks.append(after)
    return []


def _deck_sized(lines: list[Span], kinds: list[str], i: int, deck: int, ratio: float) -> bool:
    """Whether line `deck` is long enough (`ratio` of the headline's words), and in sentence
    case, to be line i's deck; a picture's caption is none ("... on Friday.Screen grab from
    Ruten.com"). A headline of a label's length ("Reviving Wuhan") takes a long deck, or one
    of a sentence's length over the writer's "By" line: a magazine's feature ("Smart and
    Strong", "Changsha forges ahead as a production base ...", "By Wei Hongchen & ...").
    A label over a headline has a date line, an office's credit or the story under it."""
    words, over = len(lines[deck].text.split()), len(lines[i].text.split())
    if over < MIN_DECK_HEADLINE_WORDS:
        after = _next_line(kinds, deck)
        credited = after < len(kinds) and BY_A_NAME.match(lines[after].text) is not None
        least = MIN_DECK_WORDS if credited else LONG_DECK_WORDS
        sized = over >= MIN_SHORT_HEADLINE_WORDS and words >= max(least, SHORT_DECK_RATIO * over)
    else:
        sized = words >= max(MIN_DECK_WORDS, ratio * over)
    return sized and not _title_cased(lines[deck].text) and not CAPTION_CUE.search(lines[deck].text)


def _repeated(lines: list[Span]) -> set[str]:
    """The texts of the lines the page writes more than once."""
    seen: set[str] = set()
    return {line.text for line in lines if line.text in seen or seen.add(line.text)}


def _lead(lines: list[Span], kinds: list[str], start: int) -> set[str]:
    """The stems of the story's first LEAD_WORDS words, from its first prose line on."""
    words: list[str] = []
    for line, kind in zip(lines[start:], kinds[start:]):
        if kind == TEXT:
            words += line.text.split()[: LEAD_WORDS - len(words)]
        if len(words) >= LEAD_WORDS:
            break
    return stems(" ".join(words))


def _first_prose(lines: list[Span], kinds: list[str]) -> int:
    """Index of the first prose line; when none is prose (a photo story's captions), the
    line after the first dated byline block under a text line (the headline's, with the
    site's name in it: "新华网", "Editor: huaxia", "2023-08-27"; a credit alone under the
    last line closes the story), else the second text line (the first is the title), or the
    only one; none when the only one is over captions (the headline of a story told in
    pictures)."""
    for i, (line, kind) in enumerate(zip(lines, kinds)):
        if _is_prose(line, kind) or opens_with_dateline(line, kind):
            return i
    texts = [i for i, kind in enumerate(kinds) if kind in (TEXT, CHINESE)]
    for i in texts:
        block = _byline_block(lines, kinds, i, 1)
        if any(kinds[j] in (META, DATE) for j in block):
            return block[-1] + 1
    if len(texts) == 1 and CAPTION in kinds[texts[0] + 1 :]:
        return len(lines)
    return texts[1] if len(texts) > 1 else next(iter(texts), len(lines))


def _headline_after_all(lines: list[Span], kinds: list[str], i: int) -> bool:
    """Whether the first prose line, with no title-like line above it, is the headline after
    all: one with a byline under it and the story under that, or one sentence of a headline's
    length over a byline (a longer one is a listed story's summary whose title the store cut),
    or sentences in title case over one (sentences over a date that ends the page are a
    paragraph, not a headline), one the page
    writes again further down (as the text of a picture), or a short capitalised one with
    the story under it."""
    if (
        ELLIPSIS.search(lines[i].text)
        or opens_with_dateline(lines[i], kinds[i])
        or len(lines[i].text) > MAX_TITLE_CHARS
    ):
        return False  # a snippet the site cut off ("... listening…"), over its date; a wire's
        # dateline; a paragraph longer than any headline
    if _over_more(kinds, i):
        return False  # a summary over the link to its story ("[Detail]")
    after = _next_line(kinds, i)
    if after < len(kinds) and kinds[after] in BYLINE_KINDS:
        return (
            (
                SENTENCE_INSIDE.search(lines[i].text) is None
                and word_count(lines[i].text) <= MAX_HEADLINE_WORDS
            )
            or _title_cased(lines[i].text)  # "This is Photographed at the Gate! Public: Terrible!"
            or _prose_follows(lines, kinds, _byline_block(lines, kinds, i, 1)[-1])
        )
    if any(line.text == lines[i].text for line in lines[i + 1 :]) or _quoted_again(lines, i):
        return True
    if after >= len(kinds) or not _is_prose(lines[after], kinds[after]):
        return False
    if SENTENCE_INSIDE.search(lines[i].text) is not None:
        return False  # a headline with a stop is one sentence; a lead may hold several
    return (
        _headline_sized(lines[i])
        or _restated_by_lead(lines, i, after)
        or _over_longer_lead(lines, i, after)
    )


def _over_longer_lead(lines: list[Span], i: int, after: int) -> bool:
    """A sentence of a headline's length over a paragraph LEAD_RATIO times as long or more
    ("Sichuan Liangshan issued a new regulation to curb the high bride price: ...", then a
    lead of a hundred words): a headline with a stop. A story's first paragraph is seldom so
    much shorter than its second (on the tuning pages: none of 127 untitled stories)."""
    words = len(lines[i].text.split())
    return (
        MIN_TITLE_WORDS <= words <= MAX_STOPPED_HEADLINE_WORDS
        and len(lines[after].text.split()) >= LEAD_RATIO * words
    )


def _restated_by_lead(lines: list[Span], i: int, after: int) -> bool:
    """A sentence of a headline's length whose words the paragraph under it mostly says
    again ("EVIP-G delegation visits Taichung City Government and praises its construction
    for being inspirational.", then "EVIP-G delegation visited Taichung City Government and
    praised its construction, ..."): a headline with a full stop, over its lead."""
    return (
        len(lines[i].text.split()) <= MAX_HEADLINE_WORDS
        and shared_words(lines[i].text, stems(lines[after].text)) >= RESTATED_SHARE
    )


def _quoted_again(lines: list[Span], i: int) -> bool:
    """A headline-length line that a later paragraph quotes word for word ("\"It's very
    impressive ... It's inspiring!\"", then "... said, \"We've found ... It's inspiring!\""):
    a quotation made the headline."""
    text = lines[i].text.strip('"“”')
    return len(text.split()) <= MAX_HEADLINE_WORDS and any(
        text in line.text and line.text != lines[i].text for line in lines[i + 1 :]
    )


def _headline_sized(line: Span) -> bool:
    """A sentence short enough for a headline, its longer words capitalised ("Lanzhou Hosts
    The Silk Road Expo."): a headline with a full stop, not a lead's first sentence."""
    return len(line.text.split()) <= MAX_HEADLINE_WORDS and _title_cased(line.text)


def _head(lines: list[Span], kinds: list[str]) -> tuple[int | None, list[int], int]:
    """(title index or None, byline indexes, index of the first body line)."""
    prose = _first_prose(lines, kinds)
    listed = set(listed_above(lines, kinds, prose))
    candidates = [
        i
        for i in range(prose)
        if (_title_like(lines[i], kinds[i]) or _dated_title_over(kinds, i, prose))
        and i not in listed
        and not _unread_byline(lines[i])
    ]
    subtitles = {i for i in candidates if _dashed_subtitle(lines, i, candidates)}
    candidates = [
        i
        for i in candidates
        if i not in subtitles
        and not lines[i].text.endswith(LABEL_ENDS)
        and not _numbered_section(lines, kinds, i)
        and GLUED_NUMBER.match(lines[i].text) is None
    ]  # "Video Caption:", "Special Report: 60th Anniversary of PRC |" announce what follows
    named = [i for i in candidates if is_site_name(lines[i].text)]  # a release's issuer
    candidates = [i for i in candidates if i not in named] or candidates
    decked = next((i for i in candidates if _head_block(lines, kinds, i, candidates)), None)
    if decked is not None:  # headline, deck, byline: what is under them is the story's
        candidates = [i for i in candidates if i <= decked]
    if not candidates and prose < len(lines) and _headline_after_all(lines, kinds, prose):
        candidates = [prose]
    title = next(iter(candidates), None)
    if len(candidates) > 1:
        lead, repeated = _lead(lines, kinds, prose), _repeated(lines)
        title = max(
            candidates,
            key=lambda i: (_title_score(lines, kinds, i, candidates, lead, repeated), i),
        )
    if title is None:
        bylines = [i for i in range(prose) if kinds[i] in BYLINE_KINDS]
    else:
        below = (
            _byline_block(lines, kinds, title, 1)
            or _byline_under_subtitle(lines, kinds, title)
            or (_byline_under_deck(lines, kinds, title) if title == decked else [])
        )
        above = _byline_block(lines, kinds, title, -1) or _byline_under_first_copy(
            lines, kinds, title
        )
        dated_below = any(find_date(lines[i].text) for i in below)
        bylines = below + (above if not dated_below else []) if below else above
    head_end = title if title is not None else -1
    if title is not None and title + 1 in subtitles:
        kinds[title + 1] = STRAY  # the headline's subtitle: neither the story's text nor its title
        head_end += 1
    start = max([head_end, *bylines]) + 1
    body_start = _body_start(lines, kinds, start)
    if body_start >= len(lines) and decked is not None and title == decked:
        body_start = _decks_as_text(kinds, title)  # the store kept no more than the decks
    if title is None:
        title = _title_after_lead(lines, kinds, body_start)
    return title, bylines, body_start


def _byline_under_first_copy(lines: list[Span], kinds: list[str], title: int) -> list[int]:
    """The byline under the headline's first copy, when the page writes the headline twice
    and the summary between ("WenzhouDaily awarded as ...", its byline, "On Dec. 4,
    WenzhouDaily was awarded ...", the headline again, the story): the story's byline."""
    first = next((i for i in range(title) if lines[i].text == lines[title].text), None)
    return _byline_block(lines, kinds, first, 1) if first is not None else []


def listed_above(lines: list[Span], kinds: list[str], end: int) -> list[int]:
    """The title lines of lists above line `end` that a list's header opens ("Related News",
    then "Living Buddha: March 14 unrest ...", ...): other stories' headlines, never this
    one's."""
    return [
        j for i in range(end) if kinds[i] == HEADER for j in _list_run(lines, kinds, i) if j < end
    ]


def _list_run(lines: list[Span], kinds: list[str], header: int) -> list[int]:
    """The title lines right under a list's header, up to the first line of another kind. A
    title with a byline or a paragraph right under it is a story's headline, no list's (a
    stored copy kept "Related News" but lost its list: "Ningbo port worker tests positive",
    then the story)."""
    run = []
    j = header + 1
    while (
        j < len(lines)
        and _title_like(lines[j], kinds[j])
        and not _bylined(lines, kinds, j)
        and not (j + 1 < len(lines) and _is_prose(lines[j + 1], kinds[j + 1]))
    ):
        run.append(j)
        j += 1
    return run


def _bylined(lines: list[Span], kinds: list[str], i: int) -> bool:
    """A byline or the story's wire dateline under line i ("NANCHANG, China, Nov. 26, 2021
    --")."""
    following = _next_line(kinds, i)
    return following < len(kinds) and (
        kinds[following] in BYLINE_KINDS or read_dateline(lines[following].text) is not None
    )


def _head_block(lines: list[Span], kinds: list[str], i: int, candidates: list[int]) -> bool:
    """A headline over its deck over its byline ("The issues that made our year", "China
    Daily reporters discuss ...", "CHINA DAILY | Updated: 2020-01-20"), with other title-like
    lines under them: those are the story's section heads, not its headline."""
    return (
        _next_line(kinds, i) in candidates
        and _over_deck(lines, kinds, i)
        and any(c > _next_line(kinds, i) for c in candidates)
    )


def _decks_as_text(kinds: list[str], title: int) -> int:
    """Where the text starts when a page stops at the byline under a headline's decks (SCMP's
    key points, and the store kept no more): at the decks, the story's only text."""
    deck = _next_line(kinds, title)
    for i in range(deck, len(kinds)):
        if kinds[i] == STRAY:
            kinds[i] = TEXT
    return deck


def _byline_under_deck(lines: list[Span], kinds: list[str], title: int) -> list[int]:
    """The byline under the decks under the headline; the decks are strays."""
    decks = _decks(lines, kinds, title)
    for deck in decks:
        kinds[deck] = STRAY
    return _byline_block(lines, kinds, decks[-1], 1)


def _dashed_subtitle(lines: list[Span], i: int, candidates: list[int]) -> bool:
    """A line opening with a dash under a headline is its subtitle ("—— The city's fifth
    crossing opens", "– Datong County People's Congress held a meeting"), as Chinese pages
    write one."""
    return i - 1 in candidates and lines[i].text.startswith(SUBTITLE_DASHES)


def _dated_title_over(kinds: list[str], i: int, prose: int) -> bool:
    """A title with its date on one line right over the story or its byline ("Changsha metro
    line 6 opens | 2023-05-01", "[2023-05-01] Changsha ..."): the headline, though a list
    would write its entries so."""
    if kinds[i] != ENTRY:
        return False
    following = _next_line(kinds, i)
    while following < prose and kinds[following] in BYLINE_KINDS:
        following = _next_line(kinds, following)
    return following == prose


def _byline_under_subtitle(lines: list[Span], kinds: list[str], title: int) -> list[int]:
    """The byline under a subtitle written under the headline ("China's Wild West", "Gansu
    Province", "13 September 2009"), with the story under it; the subtitle is a stray. []
    when there is none (a line over the credits at the end is the story itself)."""
    sub = _next_line(kinds, title)
    if sub >= len(lines) or not _title_like(lines[sub], kinds[sub]):
        return []
    bylines = _byline_block(lines, kinds, sub, 1)
    if not bylines or not _prose_follows(lines, kinds, bylines[-1]):
        return []
    kinds[sub] = STRAY
    return bylines


def _title_after_lead(lines: list[Span], kinds: list[str], start: int) -> int | None:
    """A page with no headline above its story, whose headline follows the first paragraph
    (a wire release that opens with its lead, the headline under it as the picture's title):
    a title-like line of MIN_LATE_TITLE_WORDS words or more right after the first paragraph,
    most of its words the lead's, with more text under it, or only the story's credits (a
    repost that put the whole story first: "The inaugural event of Hunan Museum's ...",
    "Hunan Museum Launches Mobile Museum ...", "Editor: ...", "Source: ..."). The body passes
    over it."""
    if start >= len(lines) or not _is_prose(lines[start], kinds[start]):
        return None
    i = _next_line(kinds, start)
    if not (
        i < len(lines)
        and _title_like(lines[i], kinds[i])
        and CAPTION_CUE.search(lines[i].text) is None
        and len(lines[i].text.split()) >= MIN_LATE_TITLE_WORDS
        and (_prose_follows(lines, kinds, i) or _byline_closes(lines, kinds, i))
        and _restates_lead(lines, kinds, start, i)
    ):
        return None
    kinds[i] = HEADLINE
    return i


def _restates_lead(lines: list[Span], kinds: list[str], start: int, i: int) -> bool:
    """Whether line i says again most of the words of the first paragraph over it, or of the
    story's opening where that paragraph is a picture's caption of a sentence ("A bronze
    sculpture of a female paramedic ...", then the headline, then the story). A brief's
    heading after another brief's text says the words of the text under it instead."""
    first = lines[start].text
    if shared_words(lines[i].text, stems(first)) >= MIN_LATE_TITLE_SHARE:
        return True
    return (
        word_count(first) <= MAX_LEAD_CAPTION_WORDS
        and len(SENTENCE_END.findall(first)) <= 1
        and shared_words(lines[i].text, _lead(lines, kinds, start)) >= MIN_LATE_TITLE_SHARE
    )


def _byline_closes(lines: list[Span], kinds: list[str], i: int) -> bool:
    """The story's byline (credits, source, date) follows line i, and no more prose."""
    following = _next_line(kinds, i)
    return (
        following < len(kinds)
        and kinds[following] in BYLINE_KINDS | {RESIDUE}
        and not any(
            _is_prose(line, kind) for line, kind in zip(lines[following:], kinds[following:])
        )
    )


def _body_start(lines: list[Span], kinds: list[str], i: int) -> int:
    """The first body line at or after i: furniture, Chinese residue of the byline, a list
    of other stories' titles under its header and Chinese lines over the English text are
    passed, and so are up to MAX_STRAY short text lines (a link, a kicker) when a paragraph
    follows them."""
    strays = 0
    while i < len(lines):
        if kinds[i] in FURNITURE_KINDS or kinds[i] == RESIDUE:
            i += 1
        elif kinds[i] == HEADER and (run := _list_run(lines, kinds, i)):
            i = run[-1] + 1  # "Related News" and its titles over the story
        elif _chinese_over_english(lines, kinds, i):
            kinds[i] = STRAY
            i += 1
        elif (
            _title_like(lines[i], kinds[i])
            and strays < MAX_STRAY
            and _prose_follows(lines, kinds, i)
        ):
            kinds[i] = STRAY
            strays, i = strays + 1, i + 1
        else:
            return i
    return i


def _chinese_over_english(lines: list[Span], kinds: list[str], i: int) -> bool:
    """Chinese over the story's first English paragraph: the Chinese version of the
    paragraph, headline or caption under it, or a line of Chinese with a name or a number in
    English that is no sentence of the story (China Daily's language pages: "免費訂閱30天China
    Daily雙語新聞手機報:移動用戶編輯短信CD至106580009009", a subscription's prompt)."""
    chinese = kinds[i] == CHINESE or (
        kinds[i] == TEXT
        and CJK_HEADLINE.search(lines[i].text) is not None
        and not _is_prose(lines[i], kinds[i])
    )
    return chinese and _english_under(lines, kinds, i + 1)


def _over_more(kinds: list[str], i: int) -> bool:
    """Line i stands over a "[more]" link to the rest of its text."""
    return i + 1 < len(kinds) and kinds[i + 1] == MORE_LINK


def _english_under(lines: list[Span], kinds: list[str], i: int) -> bool:
    """Chinese lines from i on, past furniture, are over the story's English text: a
    bilingual page's Chinese headline, caption or paragraph over the English one."""
    while i < len(lines) and (kinds[i] == CHINESE or kinds[i] in FURNITURE_KINDS):
        i += 1
    return i < len(lines) and _is_prose(lines[i], kinds[i])
