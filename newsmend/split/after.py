"""What follows the story: lists of headlines, credits, the end marker, then the other
stories (teasers)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import repeat, takewhile

from newsmend.credits import GROUPS, parse_credit_line
from newsmend.dates import find_date, looks_like_date
from newsmend.furniture import IN_BODY, squeeze
from newsmend.split.body import (
    MIN_TITLE_RUN,
    _add_to_body,
    _deck_over_byline,
    _ends_in_titles,
    _followed_by_title,
    _over_more_link,
    _picture_in_story,
    _starts_list,
    _starts_title_run,
    _title_run,
    _writers_byline,
)
from newsmend.split.lines import (
    BYLINE_KINDS,
    COLONS,
    FURNITURE_KINDS,
    MIN_SNIPPET_WORDS,
    MIN_TITLE_WORDS,
    _ends_sentence,
    _entry_headline,
    _entry_title,
    _is_prose,
    _next_line,
    _opening_date,
    _paragraphs,
    _prose_follows,
    _skip_meta,
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
    END,
    ENTRY,
    HEADER,
    META,
    MORE_LINK,
    RESIDUE,
    SITE_NAME,
    STRAY,
    TEXT,
    Headline,
    PageParts,
    Span,
    Teaser,
    _cut,
)

MAX_STEPS_A_LINE = 4  # see steps: a reading loop takes a step or two a line


class ReadingLoop(RuntimeError):
    """A reading loop went round without moving on: the page is quarantined, not the run
    stopped (pipeline._split)."""


def steps(lines: list[Span]) -> Iterator[None]:
    """The steps a reading loop over the lines may take: MAX_STEPS_A_LINE a line, then
    ReadingLoop. A loop that does not move on would otherwise hang its batch (2deb798)."""
    yield from repeat(None, MAX_STEPS_A_LINE * len(lines) + 1)
    raise ReadingLoop(f"no progress after {MAX_STEPS_A_LINE * len(lines) + 1} steps")


MIN_TEASER_WORDS = 2  # a story's title, not a tag ("China")
MIN_UNLED_TITLE_WORDS = 4  # a title listed under no header: longer than a menu's item
MIN_LISTED_SNIPPET_WORDS = 4  # a snippet that ends no sentence, cut by the page or the store
MIN_UNSTOPPED_SNIPPET_WORDS = 15  # a line without its stop that long is a snippet, not a title
MIN_MID_PAGE_SNIPPET_WORDS = 10  # shorter, and title-like, above the page's end: a title
PICTURED = re.compile(r"\b(?:photos?|pictures?|images?)\b", re.IGNORECASE)


def _read_after_body(
    lines: list[Span], kinds: list[str], bulleted: set[int], i: int, parts: PageParts
) -> int:
    """Fill the list, credits and end marker of parts; return where the teasers start."""
    date_first: bool | None = None  # the order of two-line list entries, fixed by the first
    undated = False  # right under a list header, in a list of titles without dates
    dated = any(find_date(line.text) for line in (*parts.bylines, *parts.credits))
    for _step in steps(lines):
        if i >= len(lines):
            break
        if _over_more_link(lines, kinds, i):
            kinds[i] = HEADER  # a section's name over its "more" link heads a list
        kind, line = kinds[i], lines[i]
        if _date_over_story(lines, kinds, i):
            if dated:
                return i  # "20/05/2020", a title, its text: the next story, dated
            parts.credits.append(line)  # the date under the story, itself undated
            dated, i = True, i + 1
            continue
        if _date_over_snippet(lines, kinds, i) or _byline_over_summary(lines, kinds, i):
            return i  # "2016-09-13", a story's text without its title: the next story
        if kind == DATE and date_first is not False and _followed_by_title(kinds, i):
            parts.headlines.append(Headline(lines[i + 1], line))
            date_first, i = True, i + 2
        elif date_first is not True and _starts_list(lines, kinds, i):
            parts.headlines.append(Headline(line, lines[i + 1]))
            date_first, i = False, i + 2
        elif _starts_title_run(lines, kinds, i):
            parts.list_headers.append(line)  # the list's own lead-in
            undated, i = True, i + 1
            continue
        elif (undated or i in bulleted) and _undated_entry(lines, kinds, i):
            parts.headlines.append(Headline(line, None))
            i += 1
        elif not undated and _ends_in_titles(lines, kinds, i):
            undated = True  # the page's last lines: a list of titles without a header
            continue  # (once: furniture before the titles is then passed, as under a header)
        elif kind == TEXT or _starts_teaser(lines, kinds, i):
            return i
        else:
            _add_after_body(kind, line, parts)
            i += 1
            undated = kind == HEADER or (undated and kind in FURNITURE_KINDS)
            continue
        undated = undated and parts.headlines[-1].date is None
    return i


RANK = re.compile(r"(\d{1,2})[.、)）]?\s+(?=\S)")  # "1 Title", "2. Title" in a "Most read" list
RETOLD_SHARE = 0.6  # see _retells: most of its longer words
DATE_BARS = " |｜"  # around a date alone on its line: "2018/08/10 |"
MIN_RANKS = 3


def without_ranks(headlines: list[Headline]) -> list[Headline]:
    """Headlines numbered 1, 2, 3... in a list ("Most read": "1 Title") without the numbers;
    a number that only opens one title ("5 things to see in Yangzhou") stays."""
    ranks = [RANK.match(h.title.text) for h in headlines]
    numbers = [int(m[1]) if m else None for m in ranks]
    keep = list(headlines)
    i = 0
    while i < len(headlines):
        run = 0
        while i + run < len(headlines) and numbers[i + run] == run + 1:
            run += 1
        if run >= MIN_RANKS:
            for j in range(i, i + run):
                title = headlines[j].title
                keep[j] = Headline(_cut(title, ranks[j].end(), len(title.text)), headlines[j].date)
        i += max(run, 1)
    return keep


def told_once(parts: PageParts) -> None:
    """The headlines, each once: a title written again under the same date, or none (a
    gallery's under each picture, a list a page shows twice), is one story, and one that is
    the story's own title or a line of its text is no other story. The story's own, listed
    with a date, dates the story when no byline line does (and so gives the list its year)."""
    if not parts.headlines:
        return
    longest = max(len(headline.title.text) for headline in parts.headlines)
    own = squeeze(parts.title.text) if parts.title else None
    told = {
        (squeeze(line.text), None)
        for line in (parts.title, *parts.body)
        if line is not None and len(line.text) <= longest  # not every paragraph squeezed
    }
    kept = []
    for headline in parts.headlines:
        key = (squeeze(headline.title.text), headline.date.text if headline.date else None)
        if key not in told and (key[0], None) not in told:
            told.add(key)
            kept.append(headline)
        elif (
            key[0] == own
            and headline.date
            and find_date(headline.date.text)
            and not bylines_dated(parts.bylines)
        ):
            parts.bylines.append(headline.date)
    parts.headlines = kept


def bylines_dated(bylines: list[Span]) -> bool:
    """Whether the story's byline lines state a date: a listed copy of the story may date it
    when they do not."""
    return any(find_date(line.text) for line in bylines)


def _undated_entry(lines: list[Span], kinds: list[str], i: int) -> bool:
    """A title-like line not followed by a prose snippet or a date: under a list header, a
    headline without a date ("Related news", then one title a line); not a menu's item of a
    word or two ("Attraction", "Culture Figures")."""
    if not _title_like(lines[i], kinds[i]) or len(lines[i].text.split()) < MIN_TITLE_WORDS:
        return False
    following = _next_line(kinds, i)
    snippet = _skip_meta(kinds, following)
    return following >= len(lines) or (
        kinds[following] != DATE
        and (snippet >= len(lines) or not _is_prose(lines[snippet], kinds[snippet]))
    )


def _starts_teaser(lines: list[Span], kinds: list[str], i: int) -> bool:
    """A dated one-line entry outside a list ("Zhejiang's latest notice (August 2, 2022)"
    after the credits) followed by text is a teaser's title."""
    return (
        kinds[i] == ENTRY
        and kinds[i - 1] not in (HEADER, ENTRY)
        and i + 1 < len(kinds)
        and kinds[i + 1] == TEXT
        and _entry_headline(lines[i]).date is not None  # not a link: "Next: Title"
    )


def _add_after_body(kind: str, line: Span, parts: PageParts) -> None:
    if kind == HEADER:
        parts.list_headers.append(line)
    elif kind in (CREDIT, META, DATE):
        parts.credits.append(line)  # a date alone after the story dates it
    elif kind in (RESIDUE, CHINESE):
        parts.residue.append(line)
    elif kind == END:
        parts.end_marker = parts.end_marker or line
    elif kind == ENTRY:
        parts.headlines.append(_entry_headline(line))
    elif kind in FURNITURE_KINDS:
        parts.furniture.append((kind, line))


def _passable(kind: str, line: Span) -> bool:
    """A line a story may go on after: a byline or credit line, or furniture that does not
    end bodies (a share bar; not a footer, a menu or a list); not an editor's credit alone,
    which closes a story ("Edited by Zachary Dye", then a sidebar's text)."""
    if kind == CREDIT:
        credited = parse_credit_line(line.text)
        return credited is None or GROUPS.get(credited[0]) != "editor"
    return kind in BYLINE_KINDS or (kind in FURNITURE_KINDS and IN_BODY[kind] != "never")


def _snippet_like(lines: list[Span], kinds: list[str], i: int, title: Span) -> bool:
    """Text under a title that reads as a story's snippet: a sentence, or words cut off
    mid-sentence; not a menu's next item, an address ("Tourism", "Shinan District,
    Qingdao") or the next story's title over its date or its snippet (unless it says the
    title again: a translated original title under it, or the title's picture stands
    between: a title with a picture has a story)."""
    if _is_prose(lines[i], kinds[i]):
        return True
    after = _next_line(kinds, i)
    words = len(lines[i].text.split())
    captioned = kinds[i - 1] == CAPTION
    if (
        after < len(kinds)
        and words < MIN_SNIPPET_WORDS  # longer than a headline: a snippet the site cut
        and not captioned
        and (
            _date_line(lines, kinds, after)
            or (_is_prose(lines[after], kinds[after]) and not _retells(title.text, lines[i].text))
        )
    ):  # the next story's title over its date or its snippet
        return False
    if (
        after < len(kinds)
        and words < MIN_MID_PAGE_SNIPPET_WORDS
        and _title_like(lines[i], TEXT)
        and not _ends_sentence(lines[i])
        and PICTURED.search(lines[i].text) is None  # a picture's caption: "... Photo: VCG"
        and not _retells(title.text, lines[i].text)
    ):
        return False  # a title: so short a snippet is cut only by the store, at the page's end
    return words >= MIN_LISTED_SNIPPET_WORDS


def _retells(title: str, line: str) -> bool:
    """A line most of whose words are the title's ("Legend of Hairstyles banned by our
    school" under "Hairstyles that are banned by our school")."""
    return shared_words(line, stems(title)) > RETOLD_SHARE


def _read_teasers(
    lines: list[Span],
    kinds: list[str],
    bulleted: set[int],
    i: int,
    parts: PageParts,
    going_on: bool,
) -> None:
    """Stories after the main one: a title line, its byline lines, a snippet line, and the
    credit lines after it. When `going_on` (only bylines and bars since the body), the
    paragraphs before the first of them are still the main story's. A list header among
    them starts a list again ("Photos", then "Related Stories" and its titles). Furniture
    among them is dropped; any other line is a stray. A date alone over a story's title
    dates it (a blog's archive: "20/05/2020", the title, its text)."""
    date_above: tuple[Span, ...] = ()
    for _step in steps(lines):
        if i >= len(lines):
            break
        kind = kinds[i]
        deck = _deck_over_byline(lines, kinds, i)
        under = i if deck is None else deck  # a headline's byline is under its deck
        snippet = _past_caption(lines, kinds, i, _skip_meta(kinds, _next_line(kinds, under)))
        if _date_over_story(lines, kinds, i):
            date_above, i = (lines[i],), i + 1
            continue
        if _date_over_snippet(lines, kinds, i):
            going_on = False  # a listed story whose title the store lost, dated above its text
            parts.teasers.append(Teaser.untitled(lines[i + 1], (lines[i],)))
            i += 2
            continue
        if going_on and _picture_in_story(lines, kinds, i):
            parts.furniture.append((CAPTION, lines[i]))  # a picture in the story, credited
            i += 1
        elif going_on and _is_prose(lines[i], kind):
            _add_to_body(lines[i], parts)  # the story goes on after a byline or a bar
            i += 1
        elif kind == HEADER or _over_more_link(lines, kinds, i):
            kinds[i] = HEADER  # a section's name over its "more" link heads a list too
            going_on = False
            i = _read_after_body(lines, kinds, bulleted, i, parts)
        elif kind == TEXT and (titles := _unled_titles(lines, kinds, i)):
            going_on = False
            parts.headlines += [Headline(lines[j], None) for j in titles]
            parts.furniture += [
                (kinds[j], lines[j]) for j in range(i, titles[-1]) if j not in titles
            ]
            i = titles[-1] + 1
        elif (
            kind in (TEXT, ENTRY)
            and _title_like(lines[i], TEXT)
            and len(lines[i].text.split()) >= MIN_TEASER_WORDS
            and not lines[i].text.endswith(COLONS)  # a label ("Country:")
            and snippet < len(lines)
            and kinds[snippet] in (TEXT, ENTRY)
            and _snippet_like(lines, kinds, snippet, lines[i])
        ):
            going_on = False
            if deck is not None:
                kinds[deck] = DECK
            paragraphs = _paragraphs(lines, kinds, snippet)
            date, first = _opening_date(lines[snippet])
            dated_first, title = _entry_title(lines[i], kind)
            opening = tuple(d for d in (dated_first, date) if d is not None)
            dated = bool(date_above or opening) or _dated(lines, kinds, i + 1, snippet)
            end = _meta_end(lines, kinds, _next_line(kinds, paragraphs[-1]), dated)
            source = {j for j in range(i + 1, snippet) if kinds[j] == SITE_NAME}  # as in a head
            meta = tuple(
                lines[j] for j in range(i + 1, end) if kinds[j] in BYLINE_KINDS or j in source
            )
            body = (first, *(lines[j] for j in paragraphs[1:]))
            parts.teasers.append(Teaser(title, body, date_above + meta + opening))
            parts.furniture += [
                (kinds[j], lines[j])
                for j in range(i + 1, end)
                if kinds[j] in FURNITURE_KINDS and j not in source
            ]
            i = end
        elif _byline_over_summary(lines, kinds, i):
            going_on = False  # the same, its byline above its text: "By Xiong Jian, People's Daily"
            parts.teasers.append(Teaser.untitled(lines[i + 1], (lines[i],)))
            i += 2  # the link is furniture, as under `_summary_over_more_link`
        elif _summary_over_more_link(lines, kinds, i):
            going_on = False  # a listed story whose title the store lost: its text and link
            parts.teasers.append(Teaser.untitled(lines[i]))
            i += 1
        elif parts.teasers and _dated_summary(lines, kinds, i):
            going_on = False  # a listed story whose title the store lost, dated under its text
            end = _skip_meta(kinds, i + 1)
            meta = tuple(lines[j] for j in range(i + 1, end) if kinds[j] in BYLINE_KINDS)
            parts.teasers.append(Teaser.untitled(lines[i], meta))
            i = end
        elif _dated_title(lines, kinds, i):
            going_on = False  # a listed story with no snippet: a headline with its date
            parts.headlines.append(Headline(lines[i], lines[_next_line(kinds, i)]))
            i = _next_line(kinds, i) + 1
        else:
            parts.furniture.append((kind if kind in FURNITURE_KINDS else STRAY, lines[i]))
            going_on = going_on and (kind not in FURNITURE_KINDS or _passable(kind, lines[i]))
            i += 1
        date_above = ()


def _past_caption(lines: list[Span], kinds: list[str], title: int, snippet: int) -> int:
    """Where a listed story's text starts: past its picture's caption, a line that is no
    sentence between its byline (a source or credit, and a date) and its text ("Taiwan and
    Japan to hold maritime talks", "Date: DEC 25, 2018", "Okinotorishima island, located some
    1,700 kilometers south of Tokyo | KYODO", "TAIPEI – Taiwan and Japan are ..."); the
    caption is marked so."""
    text = _next_line(kinds, snippet)
    if (
        text < len(lines)
        and kinds[snippet] == TEXT
        and not _is_prose(lines[snippet], TEXT)
        and _is_prose(lines[text], kinds[text])
        and _title_like(lines[title], kinds[title])
        and _dated(lines, kinds, title + 1, snippet)
        and any(kinds[j] in (META, CREDIT, SITE_NAME) for j in range(title + 1, snippet))
    ):  # a source or credit with the date: a story's head (a date alone may close a snippet)
        kinds[snippet] = CAPTION
        return text
    return snippet


def _unled_titles(lines: list[Span], kinds: list[str], i: int) -> list[int]:
    """Other stories' titles listed after the story under no header ("(China Daily March 19,
    2002)", then five titles a line): MIN_TITLE_RUN lines or more in a row (up to the first
    that is no plain text line), each longer than a menu's item; the last is a teaser's
    title when a snippet follows it. The furniture between them is the caller's to keep."""
    run = list(
        takewhile(lambda j: kinds[j] == TEXT, _title_run(lines, kinds, i, MIN_UNLED_TITLE_WORDS))
    )
    after = _skip_meta(kinds, _next_line(kinds, run[-1])) if run else len(lines)
    if after < len(lines) and _is_prose(lines[after], kinds[after]):
        run = run[:-1]
    return run if len(run) >= MIN_TITLE_RUN else []


def _summary_over_more_link(lines: list[Span], kinds: list[str], i: int) -> bool:
    """A paragraph with a link to the rest of its story under it ("Suzhou City will kick off
    the 10th Games ...", "[Detail]"): a story's summary, shown without its title."""
    following = i + 1
    return (
        _is_prose(lines[i], kinds[i]) and following < len(kinds) and kinds[following] == MORE_LINK
    )


def _byline_over_summary(lines: list[Span], kinds: list[str], i: int) -> bool:
    """A byline line over a summary over the link to its story ("By Xiong Jian, People's
    Daily", "Since the outbreak of ...", "Continue Reading"): a listed story's, not the
    credits of the story before."""
    return (
        kinds[i] in BYLINE_KINDS
        and i + 1 < len(kinds)
        and _summary_over_more_link(lines, kinds, i + 1)
    )


def _dated_summary(lines: list[Span], kinds: list[str], i: int) -> bool:
    """A paragraph between two dates in a list whose stories are dated under their text (the
    story before it ends with its date): a story's summary, shown without its title."""
    return (
        _is_prose(lines[i], kinds[i])
        and kinds[i - 1] == DATE
        and i + 1 < len(kinds)
        and kinds[i + 1] == DATE
    )


def _dated(lines: list[Span], kinds: list[str], start: int, end: int) -> bool:
    """Whether a byline line from start to end holds a date."""
    return any(kinds[j] in BYLINE_KINDS and find_date(lines[j].text) for j in range(start, end))


def _meta_end(lines: list[Span], kinds: list[str], i: int, dated: bool) -> int:
    """Where a story's byline and credit lines under its text end: at the first line that is
    no byline line, or, for a story already dated, at a date over the next story's title (a
    list that dates each story above its title); a date with a writer's name there is the
    next story's always ("2016/07/19 | Anna Beth Keim")."""
    end = _skip_meta(kinds, i)
    return next(
        (
            j
            for j in range(i, end)
            if (dated or dated_writer(lines[j])) and _date_over_story(lines, kinds, j)
        ),
        end,
    )


def _date_over_story(lines: list[Span], kinds: list[str], i: int) -> bool:
    """A date alone over a title with a paragraph under it, or its byline and then a
    paragraph: a story, not a list entry ("20/05/2020", "Livestreaming enables people ...",
    its text; "November 13, 2020 15:56 UTC", "KMT pork video misleading, DPP lawmakers say",
    "By Jason Pan / Staff reporter", its text)."""
    title = i + 1
    if not (
        _date_alone(lines[i], kinds[i])
        and title < len(kinds)
        and kinds[title] == TEXT
        and _title_like(lines[title], TEXT)
    ):
        return False
    byline = _next_line(kinds, title)
    if _writers_byline(lines, kinds, byline):
        return _prose_follows(lines, kinds, byline)
    return _prose_follows(lines, kinds, title)


def _date_alone(line: Span, kind: str) -> bool:
    """A date line, or a byline line that holds a date and its bars only ("2018/08/10 |"),
    or a date and a writer ("2018/03/09 | Kevin McCauley")."""
    if kind == DATE:
        return True
    return kind == META and (looks_like_date(line.text.strip(DATE_BARS)) or dated_writer(line))


def _date_over_snippet(lines: list[Span], kinds: list[str], i: int) -> bool:
    """A date alone over a paragraph that is no title ("2016-09-13", "The city is steeped in
    history ..."): a listed story whose title the store lost, dated above its text. So is a
    long line without its stop there, on a page whose dates stand over snippets
    (`_dates_over_snippets`: "My Land, My People, an exhibition ... opened in Xiamen")."""
    text = i + 1
    if kinds[i] != DATE or text >= len(kinds):
        return False
    if _is_prose(lines[text], kinds[text]):
        return not _title_like(lines[text], kinds[text])
    return (
        kinds[text] == TEXT
        and word_count(lines[text].text) >= MIN_UNSTOPPED_SNIPPET_WORDS
        and _dates_over_snippets(lines, kinds)
    )


def _dates_over_snippets(lines: list[Span], kinds: list[str]) -> bool:
    """Most of the page's dates stand over a snippet: the unit its listing repeats is a date,
    then a story's text."""
    under = [j + 1 for j in range(len(kinds) - 1) if kinds[j] == DATE]
    snippets = sum(
        _is_prose(lines[j], kinds[j]) and not _title_like(lines[j], kinds[j]) for j in under
    )
    return 2 * snippets > len(under)


def _dated_title(lines: list[Span], kinds: list[str], i: int) -> bool:
    """A title with its date under it and no snippet ("Infographics: Inner Mongolia in
    numbers", "2017-04-28")."""
    after = _next_line(kinds, i)
    return (
        kinds[i] == TEXT
        and _title_like(lines[i], TEXT)
        and len(lines[i].text.split()) >= MIN_TEASER_WORDS
        and after < len(kinds)
        and _date_line(lines, kinds, after)
    )


def _date_line(lines: list[Span], kinds: list[str], i: int) -> bool:
    """A date alone, or a byline line that holds one ("06/12/2025 08:28 PM - Society")."""
    return kinds[i] == DATE or (kinds[i] == META and find_date(lines[i].text) is not None)
