"""The parts a page is cut into (spans of its text with their offsets) and the kinds a
line may have."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

# Line kinds. CHINESE is a line without English: body text in the body, residue after it.
# META is a byline line once its toolbar words are gone ("2019-07-31 Download Print").
TEXT, HEADER, END, CREDIT, RESIDUE, DATE, ENTRY, CHINESE, META = (
    "text", "header", "end", "credit", "residue", "date", "entry", "chinese", "meta",
)  # fmt: skip
SITE_NAME = "site_name"  # a furniture kind that may name the byline's outlet
CAPTION = "caption"
DECK = "deck"  # a furniture kind the layout marks: a listed story's deck (split/layout.py)
PICTURE_LABEL = "picture_label"  # a furniture kind: "Data pictures" under its caption
MORE_LINK = "more_link"  # a furniture kind: "[MORE]", "Read more >>" under a listed story
PAGER = "pager"  # a furniture kind: "Previous Page 1 2 Next Page"
BREADCRUMB = "breadcrumb"  # a furniture kind: "Home > News"; a byline above it is the site's
NAVIGATION = "navigation"  # a furniture kind: a menu, a section's name ("Latest Posts")
HEADLINE = "headline"  # the story's headline where it stands inside the text (_title_after_lead)
STRAY = "stray"  # a line that belongs to no part: between byline and story, among teasers


class Span(NamedTuple):
    """A piece of the page: its text and where it stands (a tuple: pages make many)."""

    text: str
    start: int
    end: int


class Snippet(Span):
    """A listed story's text that the site cut short before its stop, as the page's layout
    shows it (split/layout.py): prose, though its words alone do not say so."""

    __slots__ = ()


@dataclass(frozen=True)
class Headline:
    title: Span
    date: Span | None

    @property
    def start(self) -> int:
        return min(self.title.start, self.date.start) if self.date else self.title.start

    @property
    def end(self) -> int:
        return max(self.title.end, self.date.end) if self.date else self.title.end


@dataclass(frozen=True)
class Teaser:
    title: Span
    body: tuple[Span, ...]  # its paragraphs: a snippet, or the whole story
    meta: tuple[Span, ...] = ()  # its byline and credit lines ("Oct 20, 2017|By Tong Wangyue")

    @classmethod
    def untitled(cls, paragraph: Span, meta: tuple[Span, ...] = ()) -> Teaser:
        """A story a listing gives only its text for: an empty title where its text starts."""
        return cls(Span("", paragraph.start, paragraph.start), (paragraph,), meta)

    @property
    def start(self) -> int:
        return self.title.start

    @property
    def end(self) -> int:
        return max(span.end for span in (*self.body, *self.meta))


@dataclass
class PageParts:
    title: Span | None
    bylines: list[Span]
    body: list[Span]
    list_headers: list[Span] = field(default_factory=list)
    furniture: list[tuple[str, Span]] = field(default_factory=list)  # (kind, line) dropped
    headlines: list[Headline] = field(default_factory=list)
    credits: list[Span] = field(default_factory=list)
    residue: list[Span] = field(default_factory=list)  # credits left in Chinese
    end_marker: Span | None = None
    teasers: list[Teaser] = field(default_factory=list)
    # A photo story's captions, kept as its text, and a picture credit cut from the end of
    # the text ("(Xinhua/Li Jianan)"): the photographers they name are credited.
    captions: list[Span] = field(default_factory=list)
    continued: bool = False  # a pager right under the story: it goes on on another page


def _cut(span: Span, start: int, end: int) -> Span:
    """Part of a span, stripped, with its offsets in the page."""
    piece = span.text[start:end]
    lead = len(piece) - len(piece.lstrip())
    text = piece.strip()
    return Span(text, span.start + start + lead, span.start + start + lead + len(text))
