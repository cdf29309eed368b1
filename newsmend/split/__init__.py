"""One page's text cut into its parts: title, byline, body, then what follows the story
(related-headline list, credits, end marker), the teasers of other stories, and the site's
furniture wherever it stands.

A page is read as a layout of scored lines (docs/ARCHITECTURE.md, "How a page is read"):

1. Every non-blank line is one paragraph and gets a kind once (`_kind`): site furniture of a
   named kind (`furniture.py`), a byline line (date, source, credits), a list header, an end
   marker, a list entry, Chinese residue, or text; then the shapes the page repeats re-kind
   some lines (`layout.py`: a writer's name under each listed title is a byline, ...).
2. The body starts at the first prose line (a text line that ends a sentence). The title is
   the best-scored title-like line above it (`_title_score`: near the body, followed by a
   byline, more than a couple of words), so breadcrumbs, site names and section names above
   a story lose to its headline; the byline lines next to the title are the byline.
3. The body runs to the first line that ends it (end marker, list, credits, furniture that
   ends bodies, the title of another story); captions inside it are dropped.
4. After the body come lists, credits and the end marker, then the other stories as blocks
   (a title line, its byline lines, a snippet line, its credit lines); furniture among them
   is dropped.

Every dropped furniture line is kept with its kind, to be counted. Every part keeps its
offsets.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TypeVar

from newsmend.dates import event_date, find_date
from newsmend.split.above import _past_blurb, _sidebar, stories_above
from newsmend.split.after import (
    _passable,
    _read_after_body,
    _read_teasers,
    bylines_dated,
    told_once,
    without_ranks,
)
from newsmend.split.body import (
    MAX_CAPTION_WORDS,
    _read_body,
    _teaser_before_more,
)
from newsmend.split.ends import (
    body_without_glued_tail,
    split_off_credits,
    teasers_without_glued_tails,
    without_chinese_tail,
    without_kickers,
    without_lead_in,
    without_opening_caption,
    without_trailing_labels,
)
from newsmend.split.head import _head, listed_above
from newsmend.split.headline import byline_after, english_half, headline_of, without_column
from newsmend.split.layout import mark_layout
from newsmend.split.lines import (
    FURNITURE_KINDS,
    MIN_TITLE_WORDS,
    SENTENCE_INSIDE,
    _ends_sentence,
    _entry_title,
    _kind,
    _number,
    _skip_meta,
    _title_like,
    word_count,
)
from newsmend.split.parts import (
    CAPTION,
    DATE,
    ENTRY,
    HEADER,
    PAGER,
    RESIDUE,
    STRAY,
    TEXT,
    Headline,
    PageParts,
    Span,
    Teaser,
)
from newsmend.split.summaries import digest_of_briefs, untitled_listing
from newsmend.split.text_lines import _lines

Titled = TypeVar("Titled", Teaser, Headline)
MIN_PICTURE_TITLES = 2  # the headline written again over each of the story's pictures
MIN_LIST_TITLES = 3  # titles listed under what a page of titles only put first (_titles_only)
PRINT_NOTE = re.compile(r"(?i:the story appears on)(?: page [A-Z]?\d{1,3})?")
PRINT_NOTE_LINES = 3  # the note, its page, its date

__all__ = ["CAPTION", "STRAY", "Headline", "PageParts", "Span", "Teaser", "split_page"]


def split_page(text: str) -> PageParts:
    """Cut a decoded page (newlines normalised, BOM stripped) into its parts."""
    lines, bulleted = _lines(text)
    kinds = [_kind(line.text) for line in lines]
    mark_layout(lines, kinds)
    own, sidebar = _sidebar(lines, kinds)
    parts = _split_lines(lines[own:], kinds[own:], {i - own for i in bulleted if i >= own})
    told = {i for title, paragraphs in sidebar for i in (title, *paragraphs)}
    parts.teasers[:0] = [
        Teaser(lines[title], tuple(lines[i] for i in paragraphs)) for title, paragraphs in sidebar
    ]
    parts.furniture[:0] = [
        (kinds[i] if kinds[i] in FURNITURE_KINDS else STRAY, lines[i])
        for i in range(own)
        if i not in told
    ]
    _dated_by_print_edition(parts, lines, kinds)
    return parts


def _dated_by_print_edition(parts: PageParts, lines: list[Span], kinds: list[str]) -> None:
    """The print edition's note, wherever the page puts it ("The story appears on", "Page
    A6", "May 25, 2020": Shanghai Daily's archive, above its menus): its date is the story's
    when no byline dates it."""
    if bylines_dated(parts.bylines):
        return
    note = next((i for i, line in enumerate(lines) if PRINT_NOTE.fullmatch(line.text)), None)
    if note is None:
        return  # most pages
    dated = (
        j for j in range(note + 1, min(note + PRINT_NOTE_LINES, len(lines))) if kinds[j] == DATE
    )
    date = next(dated, None)
    if date is not None:
        parts.bylines.append(lines[date])


def _split_lines(lines: list[Span], kinds: list[str], bulleted: set[int]) -> PageParts:
    """The parts of a page's lines (from its own story's headline on, after a sidebar)."""
    title, bylines, body_start = _head(lines, kinds)
    if not bylines:
        title, bylines, body_start = _past_blurb(lines, kinds, body_start) or (
            title,
            bylines,
            body_start,
        )
    if title is not None:
        _mark_pictures(lines, kinds, title)
    headline, after = _title_and_byline(lines, kinds, title)
    parts = PageParts(
        title=headline,
        bylines=[lines[i] for i in bylines] + after,
        body=[],
        residue=[lines[i] for i in range(body_start) if kinds[i] == RESIDUE],
        headlines=_headlines_above(lines, kinds, bulleted, title, body_start),
        list_headers=[lines[i] for i in range(body_start) if kinds[i] == HEADER],
        furniture=[
            (kinds[i], lines[i])
            for i in range(body_start)
            if kinds[i] in FURNITURE_KINDS or kinds[i] == STRAY
        ],
    )
    number = _number(lines[title]) if title is not None else None
    body_end = _read_body(lines, kinds, bulleted, body_start, parts, number)
    if not any(" " in line.text or _ends_sentence(line) for line in parts.body):
        _photo_story(parts, lines[title] if title is not None else None)
    body_without_glued_tail(parts)
    split_off_credits(parts)
    without_trailing_labels(parts, lines[-1].end if lines else 0)
    without_chinese_tail(parts)
    without_opening_caption(parts)
    without_lead_in(parts)
    parts.teasers += _teaser_before_more(lines, kinds, body_end, parts)
    teaser_start = _read_after_body(lines, kinds, bulleted, body_end, parts)
    going_on = all(_passable(kinds[j], lines[j]) for j in range(body_end, teaser_start))
    _read_teasers(lines, kinds, bulleted, teaser_start, parts, going_on)
    _listed_again(parts)
    _first_listed_is_the_story(parts)
    _story_read_as_listed(parts)
    _titles_only(parts)
    under = _skip_meta(kinds, body_end, furniture=False)  # a list's pager pages the list
    parts.continued = not parts.teasers and under < len(kinds) and kinds[under] == PAGER
    if title is not None:
        _stories_above_the_story(parts, lines, kinds, title)
    untitled_listing(parts)
    digest_of_briefs(parts)
    _briefs_under_the_page_date(parts)
    teasers_without_glued_tails(parts)
    without_kickers(parts)
    parts.headlines = without_ranks(parts.headlines)
    told_once(parts)
    _without_columns(parts)
    return parts


def _mark_pictures(lines: list[Span], kinds: list[str], title: int) -> None:
    """The headline written again further down is the title of a picture: a caption. A page
    that writes it MIN_PICTURE_TITLES times or more puts each picture's caption under it: a
    line of one sentence there is a caption too."""
    again = [i for i in range(title + 1, len(lines)) if lines[i].text == lines[title].text]
    for i in again:
        kinds[i] = CAPTION
    if len(again) < MIN_PICTURE_TITLES:
        return
    for i in again:
        if (
            i + 1 < len(lines)
            and kinds[i + 1] == TEXT
            and SENTENCE_INSIDE.search(lines[i + 1].text) is None
            and word_count(lines[i + 1].text) <= MAX_CAPTION_WORDS
        ):
            kinds[i + 1] = CAPTION


def _stories_above_the_story(
    parts: PageParts, lines: list[Span], kinds: list[str], title: int
) -> None:
    """A story of one summary under its headline, with stories of that shape right above it
    (a list of headlines and summaries: `stories_above`): the list's stories are the page's,
    the first its own story, the others teasers, in the page's order. A story with a byline
    or more text is one page's own, under a list that is the site's."""
    if parts.bylines or len(parts.body) != 1:
        return
    above = stories_above(lines, kinds, title)
    if not above:
        return
    told = {lines[i].start for story in above for i in story}
    parts.furniture = [(kind, line) for kind, line in parts.furniture if line.start not in told]
    parts.headlines = [h for h in parts.headlines if h.title.start not in told]
    (first, summary), *others = above
    parts.teasers[:0] = [Teaser(lines[h], (lines[s],)) for h, s in others] + [
        Teaser(parts.title, tuple(parts.body))
    ]
    parts.title, parts.body = lines[first], [lines[summary]]


def _briefs_under_the_page_date(parts: PageParts) -> None:
    """Briefs one after the other under the page's dated byline, which stands above them all,
    the first's text right under it (a paper's page of briefs: "date 2022-12-20", an
    untitled lead, then the briefs' titles and texts): each brief that states no date of its
    own is dated, and sourced, by it. Stories under a list's header ("Related news") are
    other days'."""
    if parts.title is not None or not parts.body or not parts.teasers:
        return  # a dated title may be a listing's first (its date over each, or its alone)
    above = [line for line in parts.bylines if line.end <= parts.body[0].start]
    if not bylines_dated(above):
        return  # most pages: the byline under the headline dates the story alone
    headed = min((header.start for header in parts.list_headers), default=None)
    parts.teasers = [
        replace(teaser, meta=(*teaser.meta, *above))
        if (headed is None or teaser.start < headed) and not _states_a_date(teaser)
        else teaser
        for teaser in parts.teasers
    ]


def _states_a_date(teaser: Teaser) -> bool:
    """A listed story's byline lines or text state a date ("TAIPEI, Oct. 31 (CNA) ...")."""
    return bylines_dated(list(teaser.meta)) or any(event_date(p.text) for p in teaser.body)


def _listed_again(parts: PageParts) -> None:
    """An untitled listed story whose text is the page's own story's, word for word (a tag
    page lists its featured story again, under the date the featured one lacks): the same
    story, no second record; its date and byline lines date the story when nothing else
    does."""
    told = [paragraph.text for paragraph in parts.body]
    for k, teaser in enumerate(parts.teasers):
        if told and not teaser.title.text and [p.text for p in teaser.body] == told:
            del parts.teasers[k]
            if not bylines_dated(parts.bylines):
                parts.bylines += teaser.meta
            return


def _take_first_listed(parts: PageParts) -> Teaser:
    """The first listed story, taken off the list: its text and byline are the page's."""
    first = parts.teasers.pop(0)
    parts.body = list(first.body)
    parts.bylines += first.meta
    return first


def _first_listed_is_the_story(parts: PageParts) -> None:
    """A page that opens with a list ("More stories", then titles and snippets) and has no
    story of its own above it: its first listed story is the page's, as on any listing."""
    if parts.title is None and not parts.body and parts.teasers:
        first = _take_first_listed(parts)
        parts.title = first.title if first.title.text else None


def _story_read_as_listed(parts: PageParts) -> None:
    """A headline with no text of its own over what was read as a first listed story, with no
    list's header between (Chiayi's portal: the headline, its date, the headline again, its
    subtitle, the date of the event, then the text): that story is the headline's; its
    "title" is the subtitle."""
    if parts.title is None or parts.body or not parts.teasers:
        return
    if _header_between(parts, parts.title, parts.teasers[0].start):
        return
    first = _take_first_listed(parts)
    if first.title.text:
        parts.furniture.append((STRAY, first.title))


def _header_between(parts: PageParts, title: Span, start: int) -> bool:
    """A list's header ("Related News") stands between the title and what starts at `start`."""
    return any(title.start < header.start < start for header in parts.list_headers)


def _titles_only(parts: PageParts) -> None:
    """A page of other stories' titles and nothing else (a day's index of press releases):
    what was read as its headline, and any "text" under it, are the list's first titles, and
    the page has no story of its own (no title, no text: no record, page_records)."""
    if parts.bylines or parts.title is None or parts.teasers:
        return
    if len(parts.headlines) < MIN_LIST_TITLES or parts.headlines[0].start < parts.title.start:
        return
    if _header_between(parts, parts.title, parts.headlines[0].start):
        return  # a headline, then "Related news" and its titles: a story cut before its text
    if not all(_title_like(line, TEXT) for line in parts.body):
        return  # a paragraph under it (a title-like line is never prose)
    parts.headlines[:0] = [Headline(line, None) for line in (parts.title, *parts.body)]
    parts.title, parts.body = None, []


def _without_columns(parts: PageParts) -> None:
    """Listed titles read as the page's own headline is: without their column's name
    ("Video | We are together!", "【网络中国节·七夕】Amazing Hefei subway"), their English
    half when written twice ("Car drives off collapsed bridge in China 汽车从中国倒塌的桥梁上
    驶下"), and a teaser's without the byline written on its line, which joins its byline
    ("Pingtan to publicly recruit 42 teachers2015-03-27")."""
    parts.teasers = [_retitled(teaser) for teaser in parts.teasers]
    parts.headlines = [_retitled(headline) for headline in parts.headlines]


def _retitled(item: Titled) -> Titled:
    """A teaser or headline whose title lost its column's name, and a teaser's its byline
    fields (itself when it has neither)."""
    title = english_half(without_column(item.title))
    if isinstance(item, Teaser):
        title, fields = byline_after(title)
        if fields:
            return replace(item, title=title, meta=(*fields, *item.meta))
    return item if title is item.title else replace(item, title=title)


def _photo_story(parts: PageParts, title: Span | None) -> None:
    """A story told in pictures: its captions under the headline are its text (not the
    headline again, as a picture's title). A word alone where a body would be is a menu's
    item ("Highlights"), no body."""
    after = title.end if title is not None else 0
    headline = title.text if title is not None else None
    captions = [
        line
        for kind, line in parts.furniture
        if kind == CAPTION and line.start > after and line.text != headline
    ]
    parts.furniture = [(k, line) for k, line in parts.furniture if line not in captions]
    parts.furniture += [(STRAY, line) for line in parts.body]
    parts.body = captions
    parts.captions += captions


def _title_and_byline(
    lines: list[Span], kinds: list[str], title: int | None
) -> tuple[Span | None, list[Span]]:
    """The headline of the title line and the byline fields written on it."""
    if title is None:
        return None, []
    if kinds[title] == ENTRY:  # "Changsha metro line 6 opens | 2023-05-01"
        date, headline = _entry_title(lines[title], ENTRY)
        if date is not None and find_date(date.text) is None:  # no year: a full date is cut
            headline = lines[title]  # "Morning News | Feb. 24": the day names an issue
        return headline, [date] if date else []
    return byline_after(headline_of(lines[title]))


def _headlines_above(
    lines: list[Span], kinds: list[str], bulleted: set[int], title: int | None, body_start: int
) -> list[Headline]:
    """Other stories' titles above this one, in page order: a bulleted list's, and those a
    list's header opens ("Related News", then its titles, over the story)."""
    found = {h.title.start: h for h in _bulleted_above(lines, kinds, bulleted, title, body_start)}
    for i in listed_above(lines, kinds, body_start):
        if i != title:
            found.setdefault(lines[i].start, Headline(lines[i], None))
    return [found[start] for start in sorted(found)]


def _bulleted_above(
    lines: list[Span], kinds: list[str], bulleted: set[int], title: int | None, body_start: int
) -> list[Headline]:
    """A bulleted list of other stories above this one: its title lines are headlines, when
    one at least is a headline's length ("Poverty mapped" among them); a bulleted menu
    ("Home", ">", "Government", "Work report") gives none."""
    titles = [
        i
        for i in range(body_start)
        if i in bulleted and i != title and _title_like(lines[i], kinds[i])
    ]
    if not any(len(lines[i].text.split()) >= MIN_TITLE_WORDS for i in titles):
        return []
    return [Headline(lines[i], None) for i in titles]
