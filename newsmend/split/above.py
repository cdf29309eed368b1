"""What a page puts above its own story: the site's blurb over the first story, a sidebar of
other stories' headlines and summaries, stories of the story's own shape right over its
headline. Each is read around the head (`head.py`), which finds the story's headline."""

from __future__ import annotations

from newsmend.split.head import _head, _over_more
from newsmend.split.lines import (
    BYLINE_KINDS,
    FURNITURE_KINDS,
    SENTENCE_INSIDE,
    _is_prose,
    _next_line,
    _paragraphs,
    _reads_as_summary_text,
    _title_like,
    word_count,
)
from newsmend.split.parts import CHINESE, ENTRY, STRAY, TEXT, Span

MAX_BLURB_PARAGRAPHS, MAX_BLURB_WORDS = 2, 60  # a page's blurb before its first story
MIN_SIDEBAR_STORIES, MAX_SIDEBAR_WORDS, MIN_OWN_PARAGRAPHS = 2, 40, 3
MAX_PICTURE_LINES = 3  # a picture's title again, its caption, the next picture's title


def _past_blurb(
    lines: list[Span], kinds: list[str], start: int
) -> tuple[int | None, list[int], int] | None:
    """The head of the first story when the body found at `start` is only the page's blurb
    ("This column shares news and stories about Anhui ...", "The full edition of the report
    is available at ..."): a paragraph or two with no byline, then a story with a headline
    and a byline (not one under the paragraph: then that is the first story). The blurb and
    the lines above it become strays; None when there is none."""
    first = next((i for i in range(start, len(lines)) if _is_prose(lines[i], kinds[i])), None)
    if first is None:
        return None
    end = first
    while end < len(lines) and _is_prose(lines[end], kinds[end]):
        end += 1
    words = sum(word_count(lines[i].text) for i in range(first, end))
    after = _next_line(kinds, end - 1)
    if end - first > MAX_BLURB_PARAGRAPHS or words > MAX_BLURB_WORDS:
        return None
    if after < len(kinds) and kinds[after] in BYLINE_KINDS:
        return None  # a story with its byline under it ("Jul 1, 2016 | Source: ...")
    marked = [
        STRAY if i < end and kind in (TEXT, CHINESE) else kind for i, kind in enumerate(kinds)
    ]
    title, bylines, body_start = _head(lines, marked)
    if title is None or not bylines or body_start >= len(lines) or kinds[title] == ENTRY:
        return None  # a dated title under paragraphs is a listed story's
    if not _is_prose(lines[body_start], marked[body_start]):
        return None
    kinds[:] = marked
    return title, bylines, body_start


def _pictured(lines: list[Span], i: int) -> bool:
    """A headline the page writes again within its next few lines, as the title of the
    story's pictures over their captions: the page's own story starts there."""
    return any(line.text == lines[i].text for line in lines[i + 1 : i + 1 + MAX_PICTURE_LINES])


def _sidebar(lines: list[Span], kinds: list[str]) -> tuple[int, list[tuple[int, list[int]]]]:
    """A sidebar of other stories before the page's own story: at least MIN_SIDEBAR_STORIES
    of a headline and a one-sentence summary, then a headline with at least MIN_OWN_PARAGRAPHS
    paragraphs. Returns the index of the own story's headline and the sidebar's stories
    (headline index, paragraph indexes); (0, []) when there is none. Labels between the
    stories ("Binhai New Area") and furniture are passed. Blurbs over their "[more]" links
    (the site's own: "Located in the south of Hubei, Xianning ...") count as a sidebar's
    stories but are no teasers: furniture, with the lines above the story; under them, the
    first titled text not linked to more is the story, however short the store left it."""
    stories: list[tuple[int, list[int]]] = []
    blurbs = 0
    for i, (line, kind) in enumerate(zip(lines, kinds)):
        if kind == TEXT and _over_more(kinds, i):
            blurbs += 1  # prose, or cut off before its stop
            continue
        if kind in FURNITURE_KINDS or _is_prose(line, kind):
            continue
        following = _next_line(kinds, i)
        if not _title_like(line, kind) or following >= len(lines):
            break  # a byline, a list, a date: not a sidebar of headlines and snippets
        if not _is_prose(lines[following], kinds[following]):
            continue  # a label
        paragraphs = _paragraphs(lines, kinds, following)
        if len(paragraphs) >= MIN_OWN_PARAGRAPHS or _pictured(lines, i):
            return (i, stories) if len(stories) + blurbs >= MIN_SIDEBAR_STORIES else (0, [])
        if blurbs >= MIN_SIDEBAR_STORIES and not _over_more(kinds, paragraphs[-1]):
            return i, stories  # the first text not linked to more, under linked blurbs
        snippet = lines[paragraphs[0]].text
        if len(paragraphs) > 1 or len(snippet.split()) > MAX_SIDEBAR_WORDS:
            break
        if SENTENCE_INSIDE.search(snippet):
            break  # a story of its own (a digest's), not a one-sentence summary
        stories.append((i, paragraphs))
    return 0, []


def stories_above(lines: list[Span], kinds: list[str], title: int) -> list[tuple[int, int]]:
    """Stories of the page's own story's shape right above its headline, each a headline
    over a one-paragraph summary (prose, or a snippet the site cut), one after the other up
    to it (a list of headlines and summaries whose head chose one further down as the
    page's headline): (headline, summary) indexes, the first first."""
    found: list[tuple[int, int]] = []
    i = title - 1
    while i >= 1 and _summary(lines[i], kinds[i]):
        above = i - 1
        if _summary(lines[above], kinds[above]) or not _title_like(lines[above], kinds[above]):
            break
        found.insert(0, (above, i))
        i -= 2
    return found


def _summary(line: Span, kind: str) -> bool:
    """A story's summary: a text line that reads as one (`_reads_as_summary_text`)."""
    return kind == TEXT and _reads_as_summary_text(line.text)
