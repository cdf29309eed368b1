"""The page's layout, read before its story: shapes a page repeats re-kind its lines. A
text line written twice is a picture's title over its link; a writer's name under each
listed title is its byline; decks under title-cased headlines, titles glued to their dates,
"Read more" under each summary, a picture's alt text over each title and a caption told as
a listed story's snippet are read where the page repeats them (once, each is as often
something else). Each pass is one named function; `mark_layout` runs them in order."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

from newsmend.credits import family_named, is_writer_name
from newsmend.furniture import furniture_kind, squeeze
from newsmend.split.lines import (
    BYLINE_KINDS,
    COLONS,
    FURNITURE_KINDS,
    LATIN,
    SENTENCE_ENDS,
    _date_and_section,
    _is_prose,
    _next_line,
    _over_sentence_deck,
    _skip_meta,
    _title_after_date,
    _title_like,
    dated_writer,
    shared_words,
    stems,
    word_count,
)
from newsmend.split.parts import (
    CAPTION,
    CHINESE,
    CREDIT,
    DATE,
    DECK,
    ENTRY,
    HEADER,
    META,
    MORE_LINK,
    TEXT,
    Snippet,
    Span,
)

MAX_ALT_TEXT_WORDS = 8  # a picture's alternative text over a listed title
MIN_ALT_TEXTS = 3
MIN_REPEATED_LINKS = 2  # see _mark_repeated_links
MIN_WRITER_LINES, MAX_WRITER_CHARS = 3, 40  # see _mark_writers
MIN_DATED_WRITERS = 2  # see _mark_dated_writers
MIN_DECKS = 2  # see _mark_decks
MIN_DATED_RUN, ENTRY_SHARE = 4, 3  # see _mark_dated_titles: a third read as entries
# see _mark_cut_snippets: pairs in a row, a snippet's length over its title's, the share of
# a title's words its snippet says again
MIN_SNIPPET_PAIRS, SNIPPET_RATIO, ECHO_SHARE = 3, 1.3, 0.25
MIN_LISTED_TITLE_WORDS, MIN_SNIPPET_LINE_WORDS = 4, 12  # words with Latin letters
MIN_GOING_SNIPPET_WORDS = 6  # a snippet the site cut short in a listing already read
CUT_MARKS = ("...", "…")  # a listed title is not cut


def mark_layout(lines: list[Span], kinds: list[str]) -> None:
    """Re-kind the lines of a page by the shapes it repeats (in place)."""
    _mark_doubled(lines, kinds)
    _mark_writers(lines, kinds)
    _mark_dated_writers(lines, kinds)
    _mark_decks(lines, kinds)
    _mark_dated_titles(lines, kinds)
    _mark_dated_sections(lines, kinds)
    _mark_repeated_links(lines, kinds)
    _mark_alt_texts(lines, kinds)
    _mark_caption_snippets(lines, kinds)
    _mark_cut_snippets(lines, kinds)


def _mark_writers(lines: list[Span], kinds: list[str]) -> None:
    """A writer's name alone between a headline (written once or twice) and a paragraph is
    its byline, as a tag page writes each story's ("How Taiwan's Largest Wet Market ...",
    "Clarissa Wei", "Jianguo Market — located in ..."): a credit line. The shape must repeat
    (MIN_WRITER_LINES): once, the line is as likely a kicker ("Discover Weifang"). Right over
    or under a date line, once is enough when each name holds a Chinese family name ("Kimmy
    Chung and Karen Zhang", then "Updated: 11:44pm, 2 Jan, 2020"; not "Huangshan City"), and
    as the page's first line (`_first_line_writer`)."""
    found, dated = [], []
    if len(lines) > 1 and _first_line_writer(lines, kinds):
        kinds[0] = CREDIT
    for i in range(1, len(lines) - 1):
        if kinds[i] != TEXT or len(lines[i].text) > MAX_WRITER_CHARS:
            continue  # the cheap tests first: most lines are longer
        if not is_writer_name(lines[i].text):
            continue
        if kinds[i - 1] in (META, DATE) or kinds[i + 1] in (META, DATE):
            dated += [i] if family_named(lines[i].text) else []
            continue
        above = i - 2 if kinds[i - 1] == CAPTION and i >= 2 else i - 1  # the title's double
        if _is_prose(lines[i + 1], kinds[i + 1]) and _title_like(lines[above], kinds[above]):
            found.append(i)
    for i in dated + (found if len(found) >= MIN_WRITER_LINES else []):
        kinds[i] = CREDIT


def _first_line_writer(lines: list[Span], kinds: list[str]) -> bool:
    """A writer's name holding a Chinese family name as the page's first line, right over
    the story's first paragraph (Macau Post Daily's "Prisca Tang", then "The Health Bureau
    (SSM) said ..."): the byline of a story whose headline the store did not keep."""
    return (
        kinds[0] == TEXT
        and len(lines[0].text) <= MAX_WRITER_CHARS
        and _is_prose(lines[1], kinds[1])
        and is_writer_name(lines[0].text)
        and family_named(lines[0].text)
        and not shared_words(lines[0].text, stems(lines[1].text))  # "Jin Opera", "Jin Opera is"
    )


def _mark_dated_writers(lines: list[Span], kinds: list[str]) -> None:
    """A date and a writer's name on one line over each listed title and its text, as The
    News Lens's tag pages write them ("2018/03/09 | Kevin McCauley", "What has China Learned
    from Past Amphibious Assaults?", its snippet): a byline, not a dated entry titled with a
    name. The shape must repeat (MIN_DATED_WRITERS)."""
    found = [
        i
        for i in range(len(lines) - 2)
        if kinds[i] == ENTRY and _writer_over_story(lines, kinds, i)  # most lines: no call
    ]
    if len(found) >= MIN_DATED_WRITERS:
        for i in found:
            kinds[i] = META


def _writer_over_story(lines: list[Span], kinds: list[str], i: int) -> bool:
    """Whether entry i names a writer after its date, over a title over a paragraph."""
    title, text = i + 1, i + 2
    return (
        dated_writer(lines[i])
        and kinds[title] == TEXT
        and _title_like(lines[title], TEXT)
        and _is_prose(lines[text], kinds[text])
    )


def _mark_decks(lines: list[Span], kinds: list[str]) -> None:
    """Headlines in title case over decks in sentence case over their text, MIN_DECKS times
    or more on a page (Newser's tag pages): the decks are furniture, so that each headline
    stands over its text. Once, the shape is as often a listed title with no snippet over
    another title and its snippet ("The Fifth Session of the 6th Shenzhen Municipal CPPCC",
    "Shenzhen Open gathers world's top players", its snippet)."""
    decks = [
        _next_line(kinds, i)
        for i, kind in enumerate(kinds)
        if kind == TEXT and _over_sentence_deck(lines, kinds, i)  # most lines: no call
    ]
    if len(decks) >= MIN_DECKS:
        for i in decks:
            kinds[i] = DECK


def _mark_dated_titles(lines: list[Span], kinds: list[str]) -> None:
    """A run of MIN_DATED_RUN lines or more that each open with a full date glued to a title,
    a third read as list entries already ("2024-06-12Taiwan's Only Selected City: ..."): a
    list of dated titles, every one of them, though a title may hold a sentence ("2024-02-26The
    2024 Taoyuan Lupinus Festival will kick off on Feb 24. Deputy Mayor Su invited ...").
    Furniture between them is passed. Only lines that open with a digit are looked at."""
    dated = [
        i
        for i, line in enumerate(lines)
        if line.text[:1].isdigit() and kinds[i] in (TEXT, ENTRY) and _title_after_date(line)[0]
    ]
    runs: list[list[int]] = [[]]
    for i in dated:
        if runs[-1] and any(kinds[j] not in FURNITURE_KINDS for j in range(runs[-1][-1] + 1, i)):
            runs.append([])
        runs[-1].append(i)
    for run in runs:
        entries = sum(kinds[j] == ENTRY for j in run)
        if len(run) >= MIN_DATED_RUN and ENTRY_SHARE * entries >= len(run):
            for j in run:
                kinds[j] = ENTRY


def _mark_dated_sections(lines: list[Span], kinds: list[str]) -> None:
    """A dated entry whose "title" is a section's or a region's name ("2024-06-28 | South
    China") alone under a headline: the story's byline. In a list, entries stand together,
    and a short title there is a story's ("2022-08-02 | First story")."""
    for i in range(1, len(lines) - 1):
        if (
            kinds[i] == ENTRY
            and ENTRY not in (kinds[i - 1], kinds[i + 1])
            and _date_and_section(lines[i].text)
            and _title_like(lines[i - 1], kinds[i - 1])
        ):
            kinds[i] = META


def _mark_doubled(lines: list[Span], kinds: list[str]) -> None:
    """A text line written twice in a row is one element rendered twice (a picture's title
    over its link: "Mount Fanjing in Guizhou ...", then the same): the second is a caption."""
    for i in range(1, len(lines)):
        if kinds[i] in (TEXT, CHINESE) and lines[i].text == lines[i - 1].text:
            kinds[i] = CAPTION


def _mark_repeated_links(lines: list[Span], kinds: list[str]) -> None:
    """A "Read more" under each story's summary is the link to that story, not a list's
    header (which a page writes once): the same header text under text MIN_REPEATED_LINKS
    times or more is a link each time ("A signing ceremony for 16 major projects ...", "Read
    more", "The Shanghai Institute of Ceramics ...", "Read more")."""
    under_text = {
        i: squeeze(lines[i].text)
        for i in range(1, len(lines))
        if kinds[i] == HEADER
        and kinds[i - 1] == TEXT
        and furniture_kind(lines[i].text) == MORE_LINK
    }
    counts = Counter(under_text.values())
    for i, link in under_text.items():
        if counts[link] >= MIN_REPEATED_LINKS:
            kinds[i] = MORE_LINK


def _mark_alt_texts(lines: list[Span], kinds: list[str]) -> None:
    """A listing that writes each story's picture as a few words over its title ("President
    Xi Jinping", then "Chinese President Xi Jinping Visits Sports Venues ...", then its
    text): those words are captions, when the page repeats the shape MIN_ALT_TEXTS times."""
    found = [
        i
        for i in range(len(lines) - 2)
        if kinds[i] == TEXT
        and word_count(lines[i].text) <= MAX_ALT_TEXT_WORDS
        and _title_like(lines[i + 1], kinds[i + 1])
        and not _is_prose(lines[i + 1], kinds[i + 1])
        and _is_prose(lines[i + 2], kinds[i + 2])
    ]
    if len(found) >= MIN_ALT_TEXTS:
        for i in found:
            kinds[i] = CAPTION


def _mark_caption_snippets(lines: list[Span], kinds: list[str]) -> None:
    """A listed story told by its picture: its title, the caption as its snippet, its byline
    lines, then the next story's title ("Cole flower festival held in northwest China",
    "Aerial photo taken on March 21, 2017 shows cole flower fields ...", "Source: Xinhua |
    2017/3/22"): the caption is the story's text. Over its byline and the story's own text,
    a caption stays one."""
    for i in range(1, len(lines) - 1):
        if kinds[i] != CAPTION or not _title_like(lines[i - 1], kinds[i - 1]):
            continue
        after = _skip_meta(kinds, i + 1, furniture=False)
        if (
            after > i + 1
            and after < len(lines)
            and _title_like(lines[after], kinds[after])
            and not _is_prose(lines[after], kinds[after])
        ):
            kinds[i] = TEXT


def _mark_cut_snippets(lines: list[Span], kinds: list[str]) -> None:
    """A listing of titles each over a snippet the site cut short ("Pastoral art festival
    adds cultural ethos to rural life", "The 2nd Maogang Town Pastoral Art Festival took
    place in Huangqiao Village, Maogang Town of Songjiang", the next title): a snippet cut
    before its stop is read as its story's text (`Snippet`), as one cut after a stop already
    is. The shape must hold for MIN_SNIPPET_PAIRS pairs or more in a row (`_listing_run`),
    and not above a headline with its byline: that is the page's own story, the list over it
    the site's."""
    words = [word_count(line.text) if kind == TEXT else 0 for line, kind in zip(lines, kinds)]
    i = 0
    while i < len(lines):
        run = []
        snippet = _snippet_under(lines, kinds, words, i)
        while snippet is not None:
            run.append((i, snippet))
            i = _next_line(kinds, snippet)
            going = len(run) >= MIN_SNIPPET_PAIRS and _all_cut(lines, run)  # the shape holds
            snippet = _snippet_under(lines, kinds, words, i, going) if i < len(lines) else None
        if (
            len(run) >= MIN_SNIPPET_PAIRS
            and _listing_run(lines, run)
            and not _bylined_story_at(kinds, i)
        ):
            for _title, snippet in run:
                if not _is_prose(lines[snippet], TEXT):
                    lines[snippet] = Snippet(*lines[snippet])
        i += 0 if run else 1


def _all_cut(lines: list[Span], run: list[tuple[int, int]]) -> bool:
    """Every snippet of the run ends on no stop: the site cuts them at a length."""
    return not any(lines[snippet].text[-1] in SENTENCE_ENDS for _title, snippet in run)


def _listing_run(lines: list[Span], run: list[tuple[int, int]]) -> bool:
    """Titles over snippets (MIN_SNIPPET_PAIRS or more) that are a list's stories: at least
    half of the snippets saying their title's words again (bare titles alternate in length
    too, but do not echo each other), and fewer than half of the titles saying the words of
    the snippet above them (a story's sections do: "Mother and son missing ... found", "The
    police found a missing mother and son through an appeal on Weibo ...", "Weibo appeal for
    missing mother and son")."""
    echoed = sum(
        shared_words(lines[title].text, stems(lines[snippet].text)) >= ECHO_SHARE
        for title, snippet in run
    )
    linked = sum(
        shared_words(lines[title].text, stems(lines[above].text)) >= ECHO_SHARE
        for (_title, above), (title, _snippet) in pairwise(run)
    )
    return 2 * echoed >= len(run) and 2 * linked < len(run) - 1


def _bylined_story_at(kinds: list[str], i: int) -> bool:
    """Line i is a headline with its byline under it."""
    under = _next_line(kinds, i)
    return i < len(kinds) and under < len(kinds) and kinds[under] in BYLINE_KINDS


def _snippet_under(
    lines: list[Span], kinds: list[str], words: list[int], i: int, going: bool = False
) -> int | None:
    """The index of the line under title i that may be its snippet: text in sentence case (a
    lowercase word of four letters or more: not a headline in title case), of a paragraph's
    length (MIN_SNIPPET_LINE_WORDS, SNIPPET_RATIO times the title's; where the shape of a
    listing of cut snippets already holds, `going`, MIN_GOING_SNIPPET_WORDS: one cut shorter, "The
    Meteorological and Geophysical Bureau (SMG) will only"), and the next title or the page's
    end right under it (a story's paragraphs go on: no listing's). `words`: each line's words,
    0 for lines that are no text."""
    if not words[i]:
        return None  # the cheap tests first: no text
    under = _next_line(kinds, i)
    least = (
        MIN_GOING_SNIPPET_WORDS if going else max(MIN_SNIPPET_LINE_WORDS, SNIPPET_RATIO * words[i])
    )
    if under >= len(lines) or words[under] < least:
        return None
    if not _title_like(lines[i], kinds[i]):
        return None  # most lines: a paragraph
    after = _next_line(kinds, under)
    if after < len(lines) and not _title_like(lines[after], kinds[after]):
        return None  # a story: its lead, then more of its text
    title = lines[i].text
    if title.endswith(COLONS) or any(cut in title for cut in CUT_MARKS):
        return None  # "The following is issued on behalf of ...:", "... getting an...Read More"
    if sum(1 for word in title.split() if LATIN.search(word)) < MIN_LISTED_TITLE_WORDS:
        return None  # a section's label ("Binhai New Area", "1. Alian District 阿蓮區")
    sentence_cased = any(len(word) > 3 and word[0].islower() for word in lines[under].text.split())
    return under if sentence_cased else None
