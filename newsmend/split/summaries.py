"""Listings whose titles the page store lost: a page of summaries, each a story's (China
Daily's city portals keep only "The 2018 Cross-Straits Dragon Boat Festival is set to take
place ...", "A delegation of six young officials from Brunei visited Xiamen ..."), told
from one story without its headline; and digests of briefs under headings, told from one
story with subheadings."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from newsmend.credits import parse_byline, parse_credit_line, read_dateline
from newsmend.split.lines import (
    COLONS,
    MAX_HEADLINE_WORDS,
    SECTION_NUMERAL,
    SENTENCE_END,
    _ends_sentence,
    _kind,
    _reads_as_summary_text,
    _title_like,
    shared_words,
    stems,
    word_count,
)
from newsmend.split.parts import CAPTION, NAVIGATION, STRAY, PageParts, Span, Teaser

MIN_UNTITLED_STORIES = 4
MAX_SECTION_LABEL_WORDS = 3  # a listing's section among its summaries: "Latest Posts"
MIN_BRIEF_HEADINGS = 1  # inside a body: a portal lists two stories, one heading below the top
MIN_CUT_STORIES = 2
MIN_UNLINKED_STORIES = 3  # of two paragraphs, a story's second may name none of the first's words
MIN_SHORT_BRIEFS = 5  # a list of short briefs: five headlines or more, the page's own among them
MAX_BRIEF_LINES = 3  # a short brief under its headline: a deck or a summary and a line or two
MIN_NEWS_HEADING_WORDS = 4  # a brief's headline says what happened; a section's label is shorter
MAX_BRIEF_HEADING_WORDS = 10  # see _short_headings
OWN_SHARE = 0.3  # of a brief's heading's words its lead says again
BEFORE_SHARE = 0.2  # and the text before it at most
BEFORE_LINES = 3
INTERVIEW_TURN = re.compile(r"(?:Q|A|Question|Answer)\s*+[:：]\s")  # "Q: ...", "A: ..."
CUT_OFF = re.compile(r"(?:…|\.\.\.)[\])）]?$")  # a site's excerpt ends: "...", "…", "[…]"
MAX_SUMMARY_SENTENCES = 3
# A listing shows a summary of a few lines: on the tuning pages they reach 379 characters, and
# every untitled page with a longer paragraph (458 to 788) told one story.
MAX_SUMMARY_CHARS = 450
MIN_SUMMARY_WORDS = 15
# A long listing may hold an odd paragraph in eight: a label ("Community"), a title without
# its stop, a summary opening as if it went on ("It was reported on Feb. 26th that ...").
ODD_IN = 8
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*+\.?"
TIME_TOLD = re.compile(  # when a story's lead says it happened: "on Aug 17", "recently"
    rf"\b{_MONTH} \d{{1,2}}\b|\b\d{{1,2}} {_MONTH}|\bon (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
    r"|\b(?:recently|yesterday|(?:this|last) (?:year|month|week|weekend|summer|spring|autumn|winter))\b",
    re.IGNORECASE,
)
# A paragraph that goes on from the one before: a pronoun, a connective or a quote opens it.
# What "this" may name that is no earlier paragraph's: the time, or the item itself ("In this
# video, let's meet Mika, ...": a list of videos, each summary its own).
OWN_THIS = r"(?! (?:year|month|week|spring|summer|autumn|winter|video|episode|issue)\b)"
REFERS_BACK = re.compile(
    rf"(?:He|She|It|They|This{OWN_THIS}|"
    r"These|Those|That|His|Her|Its|Their|But|And|Also|However|"
    r"Meanwhile|Moreover|Besides|Furthermore|In addition|According to (?:him|her|them)|"
    rf"(?:In|At|On|During|After|Since) (?:this|that|these|those){OWN_THIS})\b|[\"“‘']"
)  # "In this rainstorm, the most widely circulated video ..."
PRONOUN = re.compile(r"\b(?:he|she|they|him|his|her|them|their)\b")  # one named before
OPENING_WORDS = 6  # where a paragraph that goes on from the one before names its subject
LINKING_WORD = re.compile(r"\b[a-z]{5,}+\b")  # a common noun, verb or adjective (not a name)
LINKING_STOPWORDS = frozenset(
    {
        "which", "their", "there", "about", "would", "after", "other", "these", "those",
        "where", "while", "under", "since", "first", "being", "years", "people", "local",
        "province", "county", "district",
    }
)  # fmt: skip  # words any two paragraphs may share
# Fewer summaries share a word with the one before; more of a story's. Measured on the tuning
# pages that reach this test: a tag page's summaries on one topic link 2 pairs in 7 (0.29),
# the stories without a headline 0.40 and more (a story's test here: 0.33).
MAX_LINKED_SHARE = 0.3


def untitled_listing(parts: PageParts) -> None:
    """A page with no headline whose paragraphs are each a story's summary (a listing whose
    titles the page store lost: "The 2018 Cross-Straits Dragon Boat Festival is set to take
    place from June 2 to 3 in Xiamen ...", "A delegation of six young officials from Brunei
    visited Xiamen from May 9 to 12 ..."): the first is the story, the others teasers
    without titles; so are two paragraphs or more that the site each cut off, and three
    that share no word (`_unlinked`). A page with
    a byline or credits tells one story. The first summary may have been read as a
    headline (a sentence of MIN_SUMMARY_WORDS words or more, or one of the standfirsts a site
    writes without their stops: `_standfirsts`).
    A featured story whose summary the list under it repeats is one too (`_featured_list`)."""
    if parts.bylines or parts.credits:
        return  # one story's
    title = parts.title
    if _photographer_credited(parts):  # one story's too, its lead perhaps read as a headline
        if title is not None and _reads_as_summary(title):
            parts.title, parts.body = None, [title, *parts.body]
        return
    paragraphs = [title, *parts.body] if title is not None else parts.body
    # the list's name under its featured story ("Latest Posts"), or the section's over the
    # page's first paragraph ("Culture"); a story's sections have several
    labels = [p for p in paragraphs[:2] if _section_label(p)] if len(paragraphs) > 2 else []
    labels = labels if len(labels) == 1 else []
    stories = [p for p in paragraphs if p not in labels]
    if title is not None and not (_reads_as_summary(title) or _standfirsts(stories)):
        _featured_list(parts)
        return  # a headline
    if _one_dateline(stories):
        return  # a wire story's paragraphs: "BEIJING, April 2 (Xinhua) -- ...", then its text
    if any(INTERVIEW_TURN.match(story.text) for story in stories):
        return  # an interview's questions and answers: "Q: When does the Pujiang Line open?"
    if _all_cut(stories) or (
        (len(stories) >= MIN_UNTITLED_STORIES or _unlinked(stories)) and _summaries(stories)
    ):
        parts.title, parts.body = None, stories[:1]
        parts.teasers[:0] = [Teaser.untitled(paragraph) for paragraph in stories[1:]]
        parts.furniture += [(NAVIGATION, label) for label in labels]


def _photographer_credited(parts: PageParts) -> bool:
    """A picture's credit line naming its photographer among the page's captions ("Photo:
    Chan Chao-yang, Taipei Times"): a story's pictures, which a listing does not credit."""
    return any(
        kind == CAPTION
        and (credited := parse_credit_line(line.text))
        and credited[0] == "photographer"
        for kind, line in parts.furniture
    )


def digest_of_briefs(parts: PageParts) -> None:
    """A digest of news briefs under headings, crediting no writer (a WeChat weekly:
    "Gulangyu tourism rebounds", "City representatives announced last week that ...", "XM
    trade volume hits new high", "Local Customs officials announced last week ..."; a
    paper's list of its stories, each headline over its summary): a heading or more
    inside the body, each over a summary, and the briefs, the first's too, told apart
    (`_told_apart`; under a byline that names sources only, `_told_apart_sourced`); a
    story's sections go on from its lead. The first brief is the story, the others
    teasers."""
    body = parts.body
    if parts.title is None or not body:
        return
    heads = [i for i in range(1, len(body) - 1) if _heading_over_summary(body[i], body[i + 1])]
    if len(heads) < MIN_BRIEF_HEADINGS:
        return
    briefs = [(parts.title.text, body[0].text, "")] + [
        (body[i].text, body[i + 1].text, _before(parts, i)) for i in heads
    ]
    ends = [*heads, len(body)]
    if not (parts.bylines or parts.credits):
        told_apart = _told_apart(briefs) or _many_short_briefs(briefs, [0, *ends])
    else:  # a writer's story, or a dated one, is told in sections under headings
        told_apart = _sources_only(parts) and (
            _told_apart_sourced(briefs) or (_all_own_news(briefs) and _short_headings(briefs))
        )
    if not told_apart:
        return
    parts.body = body[: heads[0]]
    parts.teasers[:0] = [Teaser(body[i], tuple(body[i + 1 : end])) for i, end in pairwise(ends)]


def _before(parts: PageParts, i: int) -> str:
    """What a heading inside the body follows: the story's headline and lead (a section's
    heading shares its story's words), and the lines right above it."""
    above = parts.body[max(1, i - BEFORE_LINES) : i]
    return " ".join(line.text for line in (parts.title, parts.body[0], *above))


def _heading_over_summary(line: Span, under: Span) -> bool:
    """A heading inside a body: a title-like line of a headline's length that is no
    summary, over a summary (prose, or a long sentence the site cut); the cheap text tests
    first: most body lines are paragraphs."""
    return (
        _reads_as_summary_text(under.text)
        and not line.text.endswith(COLONS)  # "The following is issued on behalf of ...:"
        and SECTION_NUMERAL.match(line.text) is None  # a notice's outline
        and not _reads_as_summary_text(line.text)
        and word_count(line.text) <= MAX_HEADLINE_WORDS
        and _title_like(line, _kind(line.text))
    )


def _told_apart(briefs: list[tuple[str, str, str]]) -> bool:
    """Briefs (heading, lead, what is before it), not a story's sections: every lead says
    when, or every one is news of its own under a headline that says what happened, or the
    leads are a summary each and most are news of their own."""
    if all(_says_when(lead) and not _goes_on(lead) for _heading, lead, _before_it in briefs):
        return True  # not a section's "Meanwhile, ... this year's race attracted ..."
    if _all_own_news(briefs):
        return True  # longer briefs ("IAS to launch two levels of shelter opening ...")
    own = sum(_own_news(*brief) for brief in briefs)
    return all(_summary_sized(lead) for _heading, lead, _before_it in briefs) and (
        2 * own > len(briefs)
    )


def _all_own_news(briefs: list[tuple[str, str, str]]) -> bool:
    """Every brief is news of its own under a headline that says what happened (China
    Daily's "Around Beijing" under its byline: "Boost in bike rental sites", "Kindergartens
    closed for safety", ...): a digest, though its leads do not all say when."""
    return all(_own_news(*brief) and _news_heading(brief[0]) for brief in briefs)


def _short_headings(briefs: list[tuple[str, str, str]]) -> bool:
    """Every brief's heading a short headline ("Storm traps 12 under steel shelter"); a
    picture's caption over a story's next paragraph runs longer ("Travelers flood the
    Shenzhen North Station as the National Day holiday ...")."""
    return all(word_count(heading) <= MAX_BRIEF_HEADING_WORDS for heading, _l, _b in briefs)


def _many_short_briefs(briefs: list[tuple[str, str, str]], bounds: list[int]) -> bool:
    """A paper's list of its stories, each headline over a deck or a summary and a line or
    two ("Grand Lisboa Palace workers up in arms", "Local construction workers complain ...",
    "A group of local construction workers ..."): many briefs, each under a headline that
    says what happened, none longer than MAX_BRIEF_LINES. A story's sections run longer, or
    fewer, or under shorter labels."""
    return (
        len(briefs) >= MIN_SHORT_BRIEFS
        and all(_news_heading(heading) for heading, _lead, _before in briefs)
        and all(end - start <= MAX_BRIEF_LINES for start, end in pairwise(bounds))
    )


def _sources_only(parts: PageParts) -> bool:
    """The story's byline and credit lines name its sources and no person ("Source:
    HangzhouTube, Xinhua News, CGTN"; not "By Li Wei", not "Updated: 2021-07-02" alone)."""
    read = [parse_byline(line.text) for line in (*parts.bylines, *parts.credits)]
    return any(byline.outlet for byline in read) and not any(byline.credits for byline in read)


def _told_apart_sourced(briefs: list[tuple[str, str, str]]) -> bool:
    """Briefs under a byline that names sources only (a digest's: "Source: HangzhouTube,
    Xinhua News, CGTN"), not a story's sections: every lead says when, and no heading says
    the words of what is before it."""
    return all(_says_when(lead) for _heading, lead, _before_it in briefs) and all(
        shared_words(heading, stems(before)) <= BEFORE_SHARE
        for heading, _lead, before in briefs[1:]
    )


def _own_news(heading: str, lead: str, before: str) -> bool:
    """A brief of its own: its lead does not go on from what is before it, and says when
    its news happened or retells its heading, whose words are seldom in what is before it
    (a section's heading shares its story's words), or half as often as in its lead when the
    heading says what happened (a city's name is in every brief of its portal)."""
    if _goes_on(lead):
        return False
    if _says_when(lead):
        return True
    retold = shared_words(heading, stems(lead))
    if retold < OWN_SHARE:
        return False
    said_before = shared_words(heading, stems(before))
    return said_before <= BEFORE_SHARE or (_news_heading(heading) and 2 * said_before <= retold)


def _news_heading(heading: str) -> bool:
    """A heading long enough to say what happened, as a brief's headline does ("IAS to launch
    two levels of shelter opening instructions"); a section's label is shorter."""
    return word_count(heading) >= MIN_NEWS_HEADING_WORDS


def _summary_sized(lead: str) -> bool:
    """A lead of a sentence or two, as a list's summary is (a story's section runs on)."""
    return len(SENTENCE_END.findall(lead)) < MAX_SUMMARY_SENTENCES


def _says_when(paragraph: str) -> bool:
    """Whether a paragraph's first sentence says when its news happened."""
    return TIME_TOLD.search(SENTENCE_END.split(paragraph, maxsplit=1)[0]) is not None


def _one_dateline(stories: list[Span]) -> bool:
    """The first paragraph opens with a dateline and no other does: one story's lead. A
    listing's summaries open alike, each with its dateline or none."""
    return bool(stories) and all(
        (read_dateline(story.text) is not None) == (i == 0) for i, story in enumerate(stories)
    )


def _section_label(paragraph: Span) -> bool:
    """A listing's section name among its summaries ("Community", "Latest Posts"): a few
    capitalised words and no stop."""
    text = paragraph.text
    return (
        word_count(text) <= MAX_SECTION_LABEL_WORDS
        and text[:1].isupper()
        and SENTENCE_END.search(text) is None
        and not text.endswith(COLONS)
    )


def _all_cut(stories: list[Span]) -> bool:
    """Two paragraphs or more that the site each cut off ("... served as Deputy […]"): a
    story's paragraphs never all end so, a list of excerpts does."""
    return len(stories) >= MIN_CUT_STORIES and all(CUT_OFF.search(p.text) for p in stories)


def _featured_list(parts: PageParts) -> None:
    """A featured story (its headline and summary), then the list of the latest stories
    whose titles the store lost, which lists the featured one again, word for word ("On
    December 7, 2025, Major Snow arrives ...", the site's slogan, the same again, then
    other stories' summaries): the summaries after the repeat are teasers without titles;
    what stands between is the site's. The summaries pass as `untitled_listing`'s do."""
    body = parts.body
    again = next((i for i in range(2, len(body)) if body[i].text == body[0].text), None)
    if again is None:
        return
    listed = body[again + 1 :]
    if len(listed) + 1 < MIN_UNTITLED_STORIES or not _summaries([body[0], *listed]):
        return
    parts.furniture += [(STRAY, line) for line in body[1 : again + 1]]
    parts.body = body[:1]
    parts.teasers[:0] = [Teaser.untitled(paragraph) for paragraph in listed]


def _summaries(stories: list[Span]) -> bool:
    """Paragraphs that are each a story's summary: a sentence or two each, a few lines long
    (the last may be a whole story), prose (not a label nor a headline; the last may be cut
    by the store), none goes on from the one before (`_goes_on`; a long listing may hold one
    odd paragraph in ODD_IN of either), and most say when (`TIME_TOLD`) or they seldom share
    a word with the one before (`_linked_share`): a story's later paragraphs do neither."""
    if any(len(SENTENCE_END.findall(p.text)) > MAX_SUMMARY_SENTENCES for p in stories):
        return False
    if any(len(p.text) > MAX_SUMMARY_CHARS for p in stories[:-1]):
        return False  # a story's paragraph (the last may be a story the store did not cut)
    if _more_than_odd(sum(not _reads_as_summary_text(p.text) for p in stories[:-1]), stories):
        return False
    if _more_than_odd(sum(_goes_on(p.text) for p in stories[1:]), stories):
        return False
    dated = 2 * sum(TIME_TOLD.search(p.text) is not None for p in stories) > len(stories)
    return dated or _linked_share(stories) < MAX_LINKED_SHARE


def _more_than_odd(odd: int, stories: list[Span]) -> bool:
    """More odd paragraphs than a listing of this length may hold (none below ODD_IN)."""
    return odd * ODD_IN > len(stories)


def _goes_on(paragraph: str) -> bool:
    """A paragraph that goes on from the one before: a pronoun, a connective or a quote
    opens it, or a pronoun is among its first words with no name before it ("In the
    morning, he visited ...", not "Residents of Xi'an share their ...")."""
    if REFERS_BACK.match(paragraph) is not None:
        return True
    for word in paragraph.split(maxsplit=OPENING_WORDS)[1:OPENING_WORDS]:
        if PRONOUN.fullmatch(word.strip(",;:")):
            return True
        if word[:1].isupper():
            return False  # a name first: the pronoun is its own
    return False


def _linked_share(paragraphs: list[Span]) -> float:
    """The share of paragraphs that have a content word in common with the one before;
    words more than half of them hold link none (a listing's topic, the site's way of
    writing: "agricultural", "rural" on an agriculture bureau's list, "on the Chinese
    mainland")."""
    words = [_content_words(p) for p in paragraphs]
    counts = Counter(word for found in words for word in found)
    common = {word for word, n in counts.items() if 2 * n > len(paragraphs)}
    words = [found - common for found in words]
    linked = sum(bool(a & b) for a, b in pairwise(words))
    return linked / (len(paragraphs) - 1)


def _content_words(paragraph: Span) -> set[str]:
    """The words a paragraph may share with its neighbour (`LINKING_WORD`, less the words
    any two paragraphs may share)."""
    return set(LINKING_WORD.findall(paragraph.text)) - LINKING_STOPWORDS


def _unlinked(stories: list[Span]) -> bool:
    """Three summaries or more, none sharing a content word with the one before ("In the
    vast, barren Gobi desert ... 25,000 heliostats", "Jiuquan led all prefecture-level
    cities in Gansu ...", "Winter in Subei county ..."): too few to count how often they
    link (`_linked_share`), but a story's paragraphs share at least its subject."""
    words = [_content_words(p) for p in stories]
    return len(stories) >= MIN_UNLINKED_STORIES and not any(a & b for a, b in pairwise(words))


def _standfirsts(stories: list[Span]) -> bool:
    """A listing's standfirsts, each a long sentence the site wrote without its stop (Macao
    News: "Local law enforcement expect around 680,000 to 700,000 inbound and outbound trips
    ... during the 5-day Labour Day break", "The proportion of elderly in Macao will jump
    ..."): MIN_UNTITLED_STORIES or more, none ending a sentence, as a story's paragraphs do."""
    return len(stories) >= MIN_UNTITLED_STORIES and not any(
        _ends_sentence(p) or word_count(p.text) < MIN_SUMMARY_WORDS for p in stories
    )


def _reads_as_summary(title: Span) -> bool:
    """A headline that is a long sentence: a summary taken for one."""
    return _ends_sentence(title) and word_count(title.text) >= MIN_SUMMARY_WORDS
