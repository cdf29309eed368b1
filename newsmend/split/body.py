"""The story's body: where it ends (a list, credits, furniture, another story), listing
pages, and the credits and dates at either end of it."""

from __future__ import annotations

import re

from newsmend.credits import (
    caption_credits,
    has_label,
    is_bare_name,
    parse_credit_fields,
    read_dateline,
)
from newsmend.dates import find_date
from newsmend.furniture import squeeze
from newsmend.split.lines import (
    AFTER_BODY,
    BYLINE_KINDS,
    CREDIT_CLOSES,
    ELLIPSIS,
    FURNITURE_KINDS,
    LINK_LINE,
    MAX_TITLE_CHARS,
    MIN_DECK_HEADLINE_WORDS,
    MIN_SNIPPET_WORDS,
    MIN_TITLE_WORDS,
    SECTION_NUMERAL,
    SENTENCE_END,
    _dropped_in_body,
    _ends_sentence,
    _is_prose,
    _kind,
    _next_line,
    _number,
    _prose_follows,
    _section_head,
    _skip_meta,
    _sub_span,
    _title_cased,
    _title_like,
    word_count,
)
from newsmend.split.parts import (
    CAPTION,
    CREDIT,
    DATE,
    ENTRY,
    HEADER,
    HEADLINE,
    META,
    MORE_LINK,
    PICTURE_LABEL,
    SITE_NAME,
    STRAY,
    TEXT,
    Headline,
    PageParts,
    Span,
    Teaser,
)

# "READ MORE: Newly-built subway stations in HK ...": furniture that names another story
READ_MORE_LINK = re.compile(r"(?i:read more)\s*+[:：]\s*+(?P<title>\S+(?:\s\S+)+)")
LINK_FORMS = {ENTRY: LINK_LINE, MORE_LINK: READ_MORE_LINK}  # a link's line, by its kind
# A page that lists stories (T = title-like line, P = paragraph, M = byline or credit line):
# a paragraph, then stories of a title and one paragraph each, but for one in four at most
# (a title glued to its snippet reads as a second paragraph); the last titles may be cut.
# S is a paragraph of one sentence. A page whose first MIN_REGULAR_STORIES stories are each a
# title over a one-sentence snippet lists stories, however the titles after them run (a
# story's sections run longer than a sentence).
LISTING_HEAD = re.compile(r"[PS]M*")
MIN_SECTIONS = 2
MIN_PARALLEL_HEADINGS = 3  # headings opening alike, enough to be a pattern (see _parallel)
LONGER_STORY_SHARE = 4
MIN_REGULAR_STORIES = 4
MIN_TITLE_RUN = 3
WRITER_ROLES = frozenset({"author", "reporter", "correspondent"})
MIN_BODY_BEFORE_TEASER = 1  # the story's own text left over a teaser taken off its end
LEAD_IN_ENDS = ("?", "？", ":", "：")
MAX_RUN_TITLE_WORDS = 20  # longer, a line is a snippet cut off
MAX_CUT_TITLES = 2
# Other stories' titles at the page's end: two at least, of five to fourteen words each (a
# menu's items have fewer: "Culture Figures of Qingdao").
MIN_END_TITLES, MIN_END_TITLE_WORDS, MAX_END_TITLE_WORDS = 2, 5, 14
CLAUSE = re.compile(r",\s[a-z]")  # a comma, then a lowercase word: a sentence's clause
MAX_SECTION_WORDS = 4  # a section's name over its "more" link ("Zhengzhou Release")
# A line that only credits a picture: "Photo by Chen Guanyan", "Photo: Xinhua/Li Jianan"
PICTURE_CREDIT_LINE = re.compile(r"(?i:photos?|pictures?|photographed)\s*+(?:by\b|[:：/])")
MAX_CREDIT_LINE_WORDS = 10
MAX_CAPTION_WORDS = 60
FULL_STOPS = (".", "!", "?", "。", "！", "？")  # how a sentence of the story ends
# a short line under a title that closes its sentence is its snippet; one that asks may be
# the next listed title, a question
SNIPPET_STOPS = (".", "!", "。", "！")
MAX_CAPTIONS = 3  # captions of pictures set one after the other, over one picture label
MAX_RUN_CAPTION_WORDS = 25  # each caption over another


def _starts_list(lines: list[Span], kinds: list[str], i: int) -> bool:
    """A text line (even one ending in a date) followed by a date line is the first title of
    a title-then-date list, unless it is too long for a title (then the list gives the date
    first) or a paragraph follows the date (then it is a story's title). A sentence over a
    date is a list's title only when another entry follows: alone, it is the story's last
    paragraph over the story's date, and under a date of its own, it is a summary in a list
    that gives the date first."""
    if not _over_date(lines, kinds, i) or _prose_follows(lines, kinds, i + 1):
        return False  # no date under it, or a story's title over its date and snippet
    if not _is_prose(lines[i], kinds[i]):
        return True
    if i > 0 and kinds[i - 1] == DATE:
        return False  # a summary under its own date
    return _over_date(lines, kinds, i + 2) or (i + 2 < len(kinds) and kinds[i + 2] == ENTRY)


def _over_date(lines: list[Span], kinds: list[str], i: int) -> bool:
    """A text line of a title's length with a date line under it."""
    return (
        i + 1 < len(kinds)
        and kinds[i] in (TEXT, ENTRY)
        and kinds[i + 1] == DATE
        and len(lines[i].text) <= MAX_TITLE_CHARS
    )


def _title_run(
    lines: list[Span], kinds: list[str], i: int, min_words: int = MIN_TITLE_WORDS
) -> list[int]:
    """The lines from i that are a run of other stories' titles: title-like lines of
    min_words to MAX_RUN_TITLE_WORDS words, none ending in a comma or a colon (not a poem's
    lines or a list's lead-in), furniture between them passed."""
    run = []
    while i < len(lines):
        if kinds[i] in FURNITURE_KINDS:
            i += 1
            continue
        text = lines[i].text
        if not (
            _title_like(lines[i], kinds[i])
            and min_words <= len(text.split()) <= MAX_RUN_TITLE_WORDS
            and not text.endswith((",", "，", ";", "；", ":", "："))
        ):
            break
        run.append(i)
        i += 1
    return run


def _starts_title_run(lines: list[Span], kinds: list[str], i: int) -> bool:
    """A list of other stories' titles under a lead-in of its own ("What do the media of
    China report for Hunan?"): the lead-in, then MIN_TITLE_RUN titles in a row. Without a
    lead-in or a header, a run of title lines is as often a menu: not a list."""
    return _is_lead_in(lines, kinds, i) and len(_title_run(lines, kinds, i + 1)) >= MIN_TITLE_RUN


def _ends_in_titles(lines: list[Span], kinds: list[str], i: int) -> bool:
    """Other stories' titles closing the page under the story's last paragraph, with no
    header: at least MIN_END_TITLES headline-sized lines from i to the page's end, none a
    clause ("In Cuiheng, a village in Zhongshan, stands" is a paragraph the store cut). A
    menu's items are too short for the run, a subheading has its paragraph under it, and
    one line alone may be a paragraph cut short."""
    run = _title_run(lines, kinds, i, MIN_END_TITLE_WORDS)
    return (
        len(run) >= MIN_END_TITLES
        and _next_line(kinds, run[-1]) >= len(lines)
        and _is_prose(lines[i - 1], kinds[i - 1])
        and all(
            len(lines[j].text.split()) <= MAX_END_TITLE_WORDS
            and CLAUSE.search(lines[j].text) is None
            for j in run
        )
    )


def _is_lead_in(lines: list[Span], kinds: list[str], i: int) -> bool:
    """A short line that asks or announces what follows ("What do the media report?")."""
    return _title_like(lines[i], kinds[i]) and lines[i].text.endswith(LEAD_IN_ENDS)


def _followed_by_title(kinds: list[str], i: int) -> bool:
    return i + 1 < len(kinds) and kinds[i + 1] in (TEXT, ENTRY)


def _read_body(
    lines: list[Span],
    kinds: list[str],
    bulleted: set[int],
    start: int,
    parts: PageParts,
    number: int | None = None,
) -> int:
    """Fill the body from `start`; return the index of the first line after it. The body
    ends at a list, credits, furniture that ends bodies, or the title of another story
    (the next one of a collection, when the story's title has a `number`)."""
    listing = _is_listing(lines, kinds, start)
    for i in range(start, len(lines)):
        kind, line = kinds[i], lines[i]
        if kind == HEADLINE:
            continue  # the story's headline, under its first paragraph
        if kind in FURNITURE_KINDS and _dropped_in_body(lines, kinds, i):
            parts.furniture.append((kind, line))  # a caption, or a bar between paragraphs
        elif kind == CREDIT and is_bare_name(line.text) and i + 1 < len(lines):
            parts.credits.append(line)  # a name alone inside a story: a picture's credit
        elif _picture_in_story(lines, kinds, i):
            parts.furniture.append((CAPTION, line))  # a picture's caption or its credit
        elif i > start and _section_head(lines, kinds, i):
            _add_to_body(line, parts)
        elif parts.body and (link := _link_between_paragraphs(lines, kinds, i)) is not None:
            parts.headlines.append(link)
        elif (
            kind in FURNITURE_KINDS
            or kind in AFTER_BODY
            or _starts_list(lines, kinds, i)
            or (i > start and _starts_title_run(lines, kinds, i))
            or (i > start and _ends_in_titles(lines, kinds, i))
            or (i > start and _starts_story(lines, kinds, bulleted, i, listing))
            or (i > start and _starts_listing(lines, kinds, i))
            or (i > start and _snippet_after_snippet(lines, kinds, i, parts))
            or (i > start and _over_more_link(lines, kinds, i))
            or (number is not None and _number(line) == number + 1 and _title_like(line, kind))
        ):
            return i
        else:
            _add_to_body(line, parts)
    return len(lines)


def _link_between_paragraphs(lines: list[Span], kinds: list[str], i: int) -> Headline | None:
    """A link to another story by its title, a paragraph of the story under it ("ALSO READ:
    Restoring the collective memory", "READ MORE: ...", China Daily Hong Kong's): a related
    headline, and the story goes on."""
    form = LINK_FORMS.get(kinds[i])  # most lines: no link's kind, nothing to scan
    link = form.fullmatch(lines[i].text) if form is not None else None
    if link is None:
        return None
    following = _next_line(kinds, i)
    if following >= len(lines) or not _is_prose(lines[following], kinds[following]):
        return None
    return Headline(_sub_span(lines[i], link, "title"), None)


def _picture_in_story(lines: list[Span], kinds: list[str], i: int) -> bool:
    """A picture's caption or its credit line inside a story's text."""
    return (
        _over_picture_credit(lines, kinds, i)
        or (kinds[i] == CREDIT and _picture_credit(lines[i].text) and _text_after(lines, kinds, i))
        or _caption_over_dateline(lines, kinds, i)
    )


def _caption_over_dateline(lines: list[Span], kinds: list[str], i: int) -> bool:
    """A paragraph closed by its picture's credit right over the wire's dateline that opens
    the story ("... to attend festivities. (Xinhua/Liu Bin)", then "NANNING, Dec. 9 (Xinhua)
    --"): the lead picture's caption."""
    following = _next_line(kinds, i)
    return (
        kinds[i] == TEXT
        and lines[i].text.endswith(CREDIT_CLOSES)
        and following < len(lines)
        and read_dateline(lines[following].text) is not None
        and bool(caption_credits(lines[i].text))
    )


def _over_picture_credit(lines: list[Span], kinds: list[str], i: int) -> bool:
    """A short paragraph right over a line that only credits a picture ("A view of the
    Qianjin Nursery ..." over "Photo by Xinhua News Agency reporter Xie Jianfei") is that
    picture's caption; over a picture label ("Data pictures", "The above pictures are
    provided by ..."), a few short ones are. Only when the story goes on under them."""
    end = i
    while end < len(lines) and end - i < MAX_CAPTIONS and kinds[end] == TEXT:
        end += 1
    if end == i or end >= len(lines) or kinds[end] not in (PICTURE_LABEL, CAPTION, CREDIT):
        return False  # most lines: a paragraph under a paragraph
    if not _text_after(lines, kinds, end):
        return False
    labelled = kinds[end] == PICTURE_LABEL
    credited = kinds[end] in (CAPTION, CREDIT) and _picture_credit(lines[end].text)
    return (
        (labelled or (credited and end == i + 1))
        and word_count(lines[end - 1].text) <= MAX_CAPTION_WORDS
        and all(word_count(lines[j].text) <= MAX_RUN_CAPTION_WORDS for j in range(i, end - 1))
    )


def _text_after(lines: list[Span], kinds: list[str], i: int) -> bool:
    """The story's text goes on after line i (past furniture), a sentence: a picture's
    credit inside it, not the credit of the story's pictures closing it ("Photo by Wang
    Ying/Xinhua"), nor one over the next story's title."""
    following = _next_line(kinds, i)
    if following < len(kinds) and _section_head(lines, kinds, following):
        following = _next_line(kinds, following)  # the story goes on under a section's head
    return (
        following < len(kinds)
        and kinds[following] == TEXT
        and lines[following].text.rstrip()[-1:] in FULL_STOPS  # not a headline's closing quote
    )


def _picture_credit(text: str) -> bool:
    """A line that only credits a picture's photographer: "Photo by Chen Guanyan"."""
    return (
        PICTURE_CREDIT_LINE.match(text) is not None
        and word_count(text) <= MAX_CREDIT_LINE_WORDS
        and bool(caption_credits(text))
    )


def _over_more_link(lines: list[Span], kinds: list[str], i: int) -> bool:
    """A section's name with its "more" link under it ("Zhengzhou Release", "more"): the
    header of the titles that follow, not a story's title."""
    return (
        kinds[i] in (TEXT, SITE_NAME)
        and word_count(lines[i].text) <= MAX_SECTION_WORDS
        and i + 1 < len(lines)
        and (kinds[i + 1] == MORE_LINK or squeeze(lines[i + 1].text) == "more")
    )


def _add_to_body(line: Span, parts: PageParts) -> None:
    parts.body.append(line)
    if caption_credits(line.text):
        parts.captions.append(line)  # a caption too long for furniture: credited


def _teaser_before_more(
    lines: list[Span], kinds: list[str], end: int, parts: PageParts
) -> list[Teaser]:
    """When a link to more ("... [MORE]") ends the body, or a "Read more" under a snippet
    the site cut off ("... to expand international ope..."), the title and snippet over it
    are another story's, not the end of this one: [that teaser], taken off the body; else
    []."""
    body = parts.body
    if end >= len(lines) or len(body) < MIN_BODY_BEFORE_TEASER + 2:
        return []
    title, snippet = body[-2], body[-1]
    cut = ELLIPSIS.search(snippet.text) is not None or not _ends_sentence(snippet)
    if not (kinds[end] == MORE_LINK or (kinds[end] == HEADER and cut)):
        return []
    longer = len(snippet.text.split()) > len(title.text.split())  # a snippet outgrows its title
    if not (_title_like(title, _kind(title.text)) and longer):
        return []
    del body[-2:]
    return [Teaser(title, (snippet,))]


def _starts_story(
    lines: list[Span], kinds: list[str], bulleted: set[int], i: int, listing: bool
) -> bool:
    """A title-like line inside a body that starts something else: another story (on a
    listing page, or when a byline or a wire's dateline follows it, or its deck, then the
    byline: "CHANGSHA, May 6 (Xinhua) --") or a bulleted list of headlines, or of stories (a
    bulleted title over its snippet, the next bulleted title under that: a story's
    subheadings are not bulleted)."""
    if not _title_like(lines[i], kinds[i]):
        return False
    following = _next_line(kinds, i)
    if following >= len(lines):
        return listing
    if i in bulleted and (
        following in bulleted
        or (
            _is_prose(lines[following], kinds[following])
            and _next_line(kinds, following) in bulleted
        )
    ):
        return True
    if _deck_under(lines, kinds, i, following):
        following = _next_line(kinds, following)
        if following >= len(lines):
            return False
    return (
        listing
        or kinds[following] in (META, DATE)
        or _writers_byline(lines, kinds, following)
        or read_dateline(lines[following].text) is not None
    )


def _deck_under(lines: list[Span], kinds: list[str], i: int, under: int) -> bool:
    """A headline's deck right under it, before its byline ("Man arrested for stealing 868
    pairs of women's shoes that fit his foot fetish in Keelung, Taiwan", "BANNED? Netizens
    were surprised to see ..."): a title-like line that is no prose, longer than the
    headline (under a line the site cut, a shorter one is the next story's headline), under
    a headline of a headline's length (under a label, "1.Education-Industry Integration", a
    title-like line is the headline)."""
    return (
        word_count(lines[i].text) >= MIN_DECK_HEADLINE_WORDS
        and _title_like(lines[under], kinds[under])
        and not _is_prose(lines[under], kinds[under])
        and word_count(lines[under].text) > word_count(lines[i].text)
    )


def _deck_over_byline(lines: list[Span], kinds: list[str], i: int) -> int | None:
    """The index of the deck under headline i when a byline's date, then the story's text
    follow it (a listed story's headline, its deck, its date, its text; a list's headline
    over its summary and date has no text of its own under them); None for other lines."""
    under = _next_line(kinds, i)
    if under >= len(lines) or not _deck_under(lines, kinds, i, under):
        return None
    byline = _next_line(kinds, under)
    if byline >= len(lines) or kinds[byline] not in (META, DATE):
        return None
    text = _skip_meta(kinds, byline)
    return under if text < len(lines) and _is_prose(lines[text], kinds[text]) else None


def _starts_listing(lines: list[Span], kinds: list[str], i: int) -> bool:
    """A title-like line inside a body from which the page lists stories: other stories'
    titles and snippets after the story, with no header or bar between, marked as a list's
    (dated, cut off or linked to their stories); without such marks, titles over single
    paragraphs are as often the story's own subheadings."""
    return (
        _title_like(lines[i], kinds[i])
        and _is_listing(lines, kinds, _skip_meta(kinds, i + 1))
        and any(_teaser_mark(lines[j], kinds[j]) for j in range(i + 1, len(lines)))
    )


def _snippet_after_snippet(lines: list[Span], kinds: list[str], i: int, parts: PageParts) -> bool:
    """A title-like line after a body that is one paragraph cut off by the site, with another
    cut-off paragraph under it ("... due to a severe drought….", "Putting Mongolian protests
    into context", "A recent traffic incident ... depicted…"): the page lists stories, even
    two; a story does not go on after its own text was cut."""
    following = i + 1
    return (
        len(parts.body) == 1
        and ELLIPSIS.search(parts.body[0].text) is not None
        and _title_like(lines[i], kinds[i])
        and following < len(lines)
        and kinds[following] == TEXT
        and ELLIPSIS.search(lines[following].text) is not None
    )


def _teaser_mark(line: Span, kind: str) -> bool:
    """A line that marks a listed story: a date or byline, a link to the story, a snippet
    cut off."""
    return (
        kind in (DATE, META, MORE_LINK, HEADER)
        or (kind == CREDIT and find_date(line.text) is not None)  # "Source: X | 2021-06-30"
        or ELLIPSIS.search(line.text) is not None
    )


def _writers_byline(lines: list[Span], kinds: list[str], i: int) -> bool:
    """Line i a credit line that names only who wrote the story ("By Laiyin Yuan"): a new
    story's byline, where a picture's or an editor's credit is not."""
    if i >= len(kinds) or kinds[i] != CREDIT:
        return False
    fields = parse_credit_fields(lines[i].text)
    return bool(fields) and all(role in WRITER_ROLES for role, _names in fields)


def _is_listing(lines: list[Span], kinds: list[str], start: int) -> bool:
    """Whether the page from `start` lists stories (`LISTING`) rather than tells one: not
    when its headings are numbered as a document's sections (`SECTION_NUMERAL`)."""
    shape, sections, headings = [], 0, []
    for i in range(start, len(lines)):
        kind = kinds[i]
        if (
            kind in FURNITURE_KINDS
            or kind == STRAY
            or (kind == HEADER and shape[-1:] in (["P"], ["S"]))
        ):
            continue  # a "Read more" under a snippet is its link, not a list's header
        if kind in BYLINE_KINDS or (kind == ENTRY and has_label(lines[i].text)):
            shape.append("M")
        elif kind == TEXT:
            title = _title_like(lines[i], kind)  # a long one is a snippet, unless capitalised
            if title and len(lines[i].text.split()) >= MIN_SNIPPET_WORDS:
                title = _title_cased(lines[i].text)
            if title and shape[-1:] == ["T"] and lines[i].text.rstrip()[-1:] in SNIPPET_STOPS:
                title = False  # "Let's enjoy the photos together!": the title's snippet
            shape.append("T" if title else _paragraph_mark(lines[i].text))
            sections += title and SECTION_NUMERAL.match(lines[i].text) is not None
            headings += [lines[i].text] if title else []
        else:
            break
    if sections >= MIN_SECTIONS or _parallel(headings):
        return False  # a document's numbered sections, a story's parallel ones
    head, *stories = "".join(shape).split("T")
    texts = [story.replace("M", "") for story in stories]
    regular = len(texts) >= MIN_REGULAR_STORIES and all(
        text == "S" for text in texts[:MIN_REGULAR_STORIES]
    )
    # a title over its byline alone is a listed story too ("Word matters", its source line)
    paragraphs = [len(text) or int("M" in story) for text, story in zip(texts, stories)]
    while paragraphs and paragraphs[-1] == 0 and len(stories) - len(paragraphs) < MAX_CUT_TITLES:
        paragraphs.pop()  # the last titles, their snippets cut off by the page's end
    singles = paragraphs.count(1)
    return (
        LISTING_HEAD.fullmatch(head) is not None
        and singles >= 2
        and (
            regular
            or (
                paragraphs.count(0) <= singles // LONGER_STORY_SHARE
                and len(paragraphs) - singles <= singles // LONGER_STORY_SHARE
            )
        )
    )


def _parallel(headings: list[str]) -> bool:
    """Headings that all open with the same word ("Different students", "Different
    courses", "Different Outings"): a story's sections, written alike; a list's stories
    are headlined each its own way."""
    firsts = {heading.split(maxsplit=1)[0].casefold() for heading in headings}
    return len(headings) >= MIN_PARALLEL_HEADINGS and len(firsts) == 1


def _paragraph_mark(text: str) -> str:
    """S for a paragraph of one sentence (a listed story's snippet), P for a longer one."""
    return "S" if len(SENTENCE_END.findall(text)) <= 1 else "P"
