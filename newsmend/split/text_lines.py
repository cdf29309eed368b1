"""A page's text as lines: the non-blank lines stripped, a page wrapped at a fixed width joined
again, a run of inline bullets apart, and the cells a store glued on one line (a date after a
wide gap, a credit glued to a paragraph's stop, a link's label) each a line of its own. What
each line then is, is lines.py's."""

from __future__ import annotations

import re
from itertools import pairwise

from newsmend.credits import (
    DATE_LABEL,
    TIME_AFTER,
    is_site_name,
    looks_like_byline,
    parse_credit_line,
)
from newsmend.dates import looks_like_date, opening_date
from newsmend.split.lines import (
    MAX_OUTLET_NAME_WORDS,
    MIN_SNIPPET_WORDS,
    _ends_sentence,
    _short_kind,
    word_count,
)
from newsmend.split.parts import TEXT, Span, _cut
from newsmend.textcore import compiled

# A link to the rest of a story at the end of its text: "...[Read]", "Suzhou Street... [MORE]";
# not an editor's word in a quote, the sentence going on ("to allow [more] spectators to ...")
MORE_INSIDE = re.compile(
    r"(?<=\S)\s*(?:\.{3}|…)?\s*[\[【](?:more|read|read more|details?)[\]】](?!\s*(?-i:[a-z]))",
    re.IGNORECASE,
)
# A sentence that links to the rest of the story, closing its snippet's line: "... on 13 August.
# Full story (in Chinese) via this link."; or the link glued to a snippet the site cut mid-word
# ("... to prevent and control theContinue Reading").
LINK_SENTENCE = re.compile(
    r"(?:(?<=[.!?。\"”’])\s++|(?<=[a-z])(?=[A-Z]))"
    r"(?i:full story|read more|read the full (?:story|article)|click here|continue reading)\b"
    r"[^.!?\n]{0,60}+[.!?]?$"
)
LINK_SENTENCE_TAIL = 100  # characters at the end of a line where LINK_SENTENCE is looked for
# One of these is in each link sentence, in any case (see _links_in).
LINK_WORDS = ("ull story", "ead more", "ead the full", "lick here", "ontinue reading")
STAMP = re.compile(r"date \d{4}-\d{2}-\d{2}(?=\s+\S)")  # see _cells
# A link's label glued before the title it links: "View ArticleYellow fire warning"
GLUED_LINK_LABEL = re.compile(
    r"(?:View Article|Read More|Read more|READ MORE|Continue Reading|Continue reading)(?=[A-Z0-9“\"‘'])"
)
DATE_CELL = re.compile(r"\S\s{3,}(?P<date>[0-9A-Z][^\s][^\n]{2,30})$")  # see _cells
# DATE_CELL's gap ends at most 32 characters before the line's end: a line without three
# spaces in a row in its last 35 characters (most lines) holds no such cell.
GAP, GAP_TAIL = re.compile(r"\s{3}"), 3 + 32
# A site's name, a credit or a label in a cell of its own before a paragraph, a wide gap
# between ("CNCAO NEWS   Recently, ...", "File photo: IC   Police in ..."): a line each, when
# the cell is no text.
LEAD_CELL = re.compile(r"(?P<cell>[^\s.!?。]++(?: [^\s.!?。]++){0,5})\s{3,}+(?=\S)")
LEAD_CELL_CHARS = 60
SENTENCE_GAP = re.compile(r"[.!?。\"”’]\s+")  # a sentence's end, then what follows it
# A credit's label glued to the stop of a paragraph's last sentence, near the line's end
# ("... medicine makers.Translator: Wang XiaoluSource: Hunan Official Web Portal").
GLUED_CREDIT = re.compile(
    r"(?<=[a-z0-9][.!?。”\"])(?=(?:Translator|Editor|Reporter|Author|Source|Correspondent"
    r"|Photographer|Reviewer|Proofreader)s?\s?[:：])"
)
GLUED_CREDIT_TAIL = 200
# "By Jiang Nan, Dou Hao, People's Daily The 19th ...": names, an outlet, then the text
GLUED_BYLINE = re.compile(r"(?P<credit>By [A-Z][^,.:]{2,40}?(?:, [A-Z][^,.:]{2,40}?)*), ")
MIN_GLUED_CHARS = 80  # a byline glued before a paragraph of MIN_SNIPPET_WORDS // 2 words or more
# A headline, the byline with the writer's post and the text, run together by the store
# ("... mental health incidentsBy Rachel Lin / Staff reporterNational Taiwan University ...")
GLUED_POST_BYLINE = re.compile(
    r"(?<=[a-z0-9?!'’\"”)])(?P<credit>By [A-Z][^/.]{2,60}? / [A-Z][A-Za-z ]{2,30}?(?:, with [A-Z]{2,10})?)(?=[A-Z][a-z])"
)
MIN_GLUED_HEADLINE_WORDS = 3
LABEL_CHARS = 30  # how far into a line a date's label ends ("Time of publication:")
MIN_WRAPS = 3  # lines going on in lowercase that show a page wrapped at a fixed width
MIN_WRAP_WIDTH, MAX_WRAP_WIDTH = 40, 100
WRAP_BAND = 30  # how much shorter than the width a wrapped line may be
WRAP_OUTLIERS = 4  # one line in this many that goes on may be of another width
WRAP_SLACK = 8  # how much longer than the middle of them the lines that go on may be
INLINE_BULLET = re.compile(r"(?<!\s)\s++•\s++")  # a run of spaces searched once
MIN_INLINE_ENTRIES = 3
# A wire's end marker glued after the last paragraph's stop ("... Further investigations are
# underway. Enditem"): Xinhua's, on its copies.
GLUED_END = re.compile(r"(?<=[.!?”\"])\s+(?=Enditem\W*$)")
# Notes in brackets set back to back on one line, one a prompt, one a credit: "(For the latest
# China news, Please follow People's Daily on Twitter and Facebook)(Web editor: Bianji, Hongyu)"
BRACKETS_APART = re.compile(r"(?<=[)）])\s*(?=[(（])")
# A list bullet (an asterisk with a space after it: "*  Publish Date: 2019-03-12"); a dash
# only before text that does not end with one ("- END -" is a marker).
BULLET = re.compile(r"^(?:[•·●▪■◆◇▶►]\s*|\*\s+|[-–]\s+(?!.*[-–]$))")


def _lines(text: str) -> tuple[list[Span], set[int]]:
    """The non-blank lines, stripped (of a list bullet too, but for a page's only one, a
    dash), with their offsets; and the indexes of the lines that had a bullet. A date after a
    wide gap of spaces is a cell of its own ("New public facilities open in Hohhot
    2017-05-24")."""
    spans, bulleted, dashed = [], set(), {}
    for line in _unwrapped(_stripped_lines(text)):
        entries = _inline_entries(line)
        if len(entries) > 1:
            bulleted.update(range(len(spans), len(spans) + len(entries)))
            spans += entries
            continue
        bullet = BULLET.match(line.text)
        if bullet and line.text[bullet.end() :]:
            if line.text[0] in "-–":
                dashed[len(spans)] = line
            line = _cut(line, bullet.end(), len(line.text))
            bulleted.add(len(spans))
        spans += _cells(line)
    if len(bulleted) == 1 and len(dashed) == 1:  # one dash on the page: a subtitle's, kept
        ((i, line),) = dashed.items()
        if spans[i].end == line.end:
            spans[i] = line
            bulleted.clear()
    return spans, bulleted


def _inline_entries(line: Span) -> list[Span]:
    """The entries of a list the page ran together on one line ("China sees more loans  •
    Discover China: ...  • ..."), when there are at least MIN_INLINE_ENTRIES; else the line."""
    if "•" not in line.text:
        return [line]
    entries = _between(line.text, INLINE_BULLET)
    if len(entries) < MIN_INLINE_ENTRIES:
        return [line]
    return [_cut(line, start, end) for start, end in entries]


def _between(text: str, separator: re.Pattern[str]) -> list[tuple[int, int]]:
    """Where each piece of the text between the separator's matches starts and ends."""
    bounds = [0, *(i for match in separator.finditer(text) for i in match.span()), len(text)]
    return list(zip(bounds[::2], bounds[1::2]))


def _stripped_lines_reference(text: str) -> list[Span]:
    """The page's non-blank lines, stripped, with their offsets. The reference; the compiled
    text core's stripped_lines is used when built (newsmend/textcore.py)."""
    spans, offset = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = offset + len(line) - len(line.lstrip())
            spans.append(Span(stripped, start, start + len(stripped)))
        offset += len(line) + 1
    return spans


def _stripped_lines_compiled(text: str) -> list[Span]:
    return compiled.stripped_lines(text, Span)


_stripped_lines = _stripped_lines_compiled if compiled else _stripped_lines_reference


def _unwrapped(lines: list[Span]) -> list[Span]:
    """The lines with paragraphs that the page broke at a fixed width joined again. A page
    is wrapped when at least MIN_WRAPS lines go on in lowercase on the next line and all of
    them are about as long (the width); then a line that fills the width goes on on the next
    when the next word would not have fitted ("... held a live" / "video conference to
    announce ..."), or when the next line goes on in lowercase (a browser broke the lines,
    at no fixed count of characters: "... in Huaihua, a" / "city in central China's ...")."""
    going_on = [
        len(line.text)
        for line, following in pairwise(lines)
        if following.text[0].islower() and not _ends_sentence(line)
    ]
    if len(going_on) < MIN_WRAPS:
        return lines
    width = _wrap_width(going_on)
    if width is None:
        return lines
    joined, previous = [lines[0]], lines[0]
    for line in lines[1:]:
        filled = width - WRAP_BAND <= len(previous.text) <= width
        if (
            filled
            and (
                line.text[0].islower() or len(previous.text) + 1 + len(line.text.split()[0]) > width
            )
            and not _ends_sentence(previous)
        ):
            last = joined[-1]
            joined[-1] = Span(f"{last.text} {line.text}", last.start, line.end)
        else:
            joined.append(line)
        previous = line
    return joined


def _wrap_width(going_on: list[int]) -> int | None:
    """The width a page was wrapped at: the longest of the lines that go on, all of them
    near the middle length (at most WRAP_BAND / 2 shorter, WRAP_SLACK longer) but one in
    WRAP_OUTLIERS at most (a headline going on into a story whose first word the store cut,
    the story's last line cut short); None when the lines that go on are of no one width."""
    middle = sorted(going_on)[len(going_on) // 2]
    kept = [length for length in going_on if -WRAP_BAND / 2 <= length - middle <= WRAP_SLACK]
    if len(kept) < MIN_WRAPS or WRAP_OUTLIERS * (len(going_on) - len(kept)) > len(going_on):
        return None
    width = max(kept)
    return width if MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH else None


def _cells(line: Span) -> list[Span]:
    """A line, or its pieces: the text and the date that ends it after a wide gap or after a
    sentence; a story's text, the link to the rest of it ("... [MORE]", "... Full story via
    this link.") and what follows on the line; the date a page store glued before the page's
    first line ("date 2024-01-12 A glimpse into ..."); the credits glued after a paragraph's
    last sentence ("... 78 essential medicine makers.Translator: Wang XiaoluSource: ..."); each
    of notes in brackets set back to back ("(For the latest ...)(Web editor: ...)"); a wire's
    "Enditem" glued after the last sentence."""
    stamp = STAMP.match(line.text) if line.text.startswith("date ") else None
    if stamp is not None:  # the page's first line after it may open with its bullet
        first = _cut(line, stamp.end(), len(line.text))
        bullet = BULLET.match(first.text)
        first = _cut(first, bullet.end(), len(first.text)) if bullet else first
        return [_cut(line, 0, stamp.end()), *_cells(first)]
    label = GLUED_LINK_LABEL.match(line.text) if line.text[:1] in "VRC" else None
    if label is not None:  # "View ArticleYellow fire warning": the link's label, its title
        return [_cut(line, 0, label.end()), *_cells(_cut(line, label.end(), len(line.text)))]
    lead = LEAD_CELL.match(line.text) if "   " in line.text[:LEAD_CELL_CHARS] else None
    if (
        lead is not None
        and len(line.text) - lead.end() > MIN_GLUED_CHARS
        and _short_kind(lead["cell"]) != TEXT
    ):
        return [_cut(line, 0, lead.end("cell")), *_cells(_cut(line, lead.end(), len(line.text)))]
    more = MORE_INSIDE.search(line.text) if "[" in line.text or "【" in line.text else None
    tail = line.text[-LINK_SENTENCE_TAIL:]
    if more is None and _links_in(tail):
        more = LINK_SENTENCE.search(line.text, len(line.text) - len(tail))
    if more is not None:  # the text before the link may open with its byline: read it too
        text = _cells(_cut(line, 0, more.start())) if line.text[: more.start()].strip() else []
        pieces = [more.span(), (more.end(), len(line.text))]
        return text + [_cut(line, *piece) for piece in pieces if line.text[slice(*piece)].strip()]
    if len(line.text) > MIN_GLUED_CHARS:  # a byline and a paragraph: most lines are neither
        opening = line.text[:LABEL_CHARS]
        glued = _labelled_date_end(line.text) if ":" in opening or "：" in opening else None
        if glued is None and line.text.startswith("By "):
            glued = _byline_end(line.text)
        if glued is None:
            glued = _glued_credit_start(line.text)
        if glued is not None:
            return [_cut(line, 0, glued), _cut(line, glued, len(line.text))]
        head = _glued_post_byline(line.text) if " / " in line.text else None
        if head is not None:
            return [_cut(line, 0, head[0]), _cut(line, *head), _cut(line, head[1], len(line.text))]
    apart = _bracketed_notes(line.text) if line.text[:1] in "(（" else []
    if len(apart) > 1:
        return [_cut(line, start, end) for start, end in apart]
    end = GLUED_END.search(line.text) if "Enditem" in line.text[-12:] else None
    if end is not None:
        return [_cut(line, 0, end.start()), _cut(line, end.end(), len(line.text))]
    dated = _dated_sentence(line.text) if line.text[-1:].isdigit() else None
    if dated is not None:
        return [
            Span(line.text[:dated], line.start, line.start + dated),
            _cut(line, dated, len(line.text)),
        ]
    if GAP.search(line.text, max(0, len(line.text) - GAP_TAIL)) is None:
        return [line]
    gap = DATE_CELL.search(line.text)
    if gap is None or not looks_like_date(gap["date"]):
        return [line]
    end = gap.start() + 1  # the gap's first character ends the text
    return [
        Span(line.text[:end], line.start, line.start + end),
        _cut(line, gap.start("date"), len(line.text)),
    ]


def _bracketed_notes(text: str) -> list[tuple[int, int]]:
    """Where each note of a line made of notes in brackets only starts and ends ("(...)(...)"),
    or [] for any other line."""
    if text[-1:] not in ")）":
        return []
    notes = _between(text, BRACKETS_APART)
    if any(text[start] not in "(（" or text[end - 1] not in ")）" for start, end in notes):
        return []
    return notes


def _glued_credit_start(text: str) -> int | None:
    """Where a credit's label glued to the paragraph's last stop starts (GLUED_CREDIT), near
    the end of the text; None when there is none (most: no colon there)."""
    tail = max(0, len(text) - GLUED_CREDIT_TAIL)
    if text.find(":", tail) < 0 and text.find("：", tail) < 0:
        return None
    credit = GLUED_CREDIT.search(text, tail)
    return credit.start() if credit else None


def _glued_post_byline(text: str) -> tuple[int, int] | None:
    """Where a byline with the writer's post, glued between a headline and the story's text,
    starts and ends (GLUED_POST_BYLINE), or None."""
    glued = GLUED_POST_BYLINE.search(text)
    if (
        glued is None
        or word_count(text[: glued.start()]) < MIN_GLUED_HEADLINE_WORDS
        or word_count(text[glued.end() :]) < MIN_SNIPPET_WORDS // 2
        or parse_credit_line(glued["credit"]) is None
    ):
        return None
    return glued.span()


def _links_in(tail: str) -> bool:
    """Whether a line's tail holds the words of a link to the rest of the story, in any case
    (a loop: every line is asked)."""
    lowered = tail.lower()
    for words in LINK_WORDS:
        if words in lowered:
            return True
    return False


def _labelled_date_end(text: str) -> int | None:
    """Where a byline's labelled date ends when it opens a paragraph ("Updated: 2008-08-05
    11:36 More than 100 journalists ..."), or None."""
    label = DATE_LABEL.match(text)
    found = opening_date(text[label.end() :]) if label else None
    if found is None:
        return None
    end = label.end() + found.end
    time = TIME_AFTER.match(text[end:])
    end += time.end() if time else 0
    rest = text[end:]
    if word_count(rest) < MIN_SNIPPET_WORDS or not looks_like_byline(text[:end]):
        return None
    return end + len(rest) - len(rest.lstrip())


def _byline_end(text: str) -> int | None:
    """Where a byline of names and their outlet ends when it opens a paragraph ("By Jiang
    Nan, Dou Hao, People's Daily The 19th Asian Games will ..."), or None."""
    glued = GLUED_BYLINE.match(text)
    if glued is None or parse_credit_line(glued["credit"]) is None:
        return None
    words = text[glued.end() :].split(" ", MAX_OUTLET_NAME_WORDS)
    for count in range(1, len(words)):
        if is_site_name(" ".join(words[:count])):
            rest = " ".join(words[count:])
            enough = word_count(rest) >= MIN_SNIPPET_WORDS // 2
            return len(text) - len(rest) if enough and rest[:1].isupper() else None
    return None


def _dated_sentence(text: str) -> int | None:
    """Where a sentence ends before a date that ends its line ("... opened on Monday.
    2023-05-01", a listing's snippet and its date), or None."""
    for end in SENTENCE_GAP.finditer(text, max(0, len(text) - GAP_TAIL)):
        if looks_like_date(text[end.end() :]):
            return end.start() + 1
    return None
