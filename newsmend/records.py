"""A page to its record dicts: the main article and the teasers (table `articles`) and the
related headlines (table `headlines`), with the keys of `schema.ARTICLES` / `schema.HEADLINES`
that extraction knows (repair and the flow fill in the rest)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from newsmend.credits import (
    NOBODY,
    Byline,
    bracketed_credits,
    caption_credits,
    chinese_credits,
    is_own_site,
    is_writer_name,
    outlet_name,
    parse_byline,
    persons,
    read_dateline,
    unwrap,
)
from newsmend.dates import (
    event_date,
    find_date,
    latest_date,
    looks_like_date,
    order_ambiguous,
    order_near_named,
    parse_date,
    swapped_forms,
)
from newsmend.furniture import strip_toolbar
from newsmend.glossary import romanise
from newsmend.ingest import Page
from newsmend.split import CAPTION, Headline, PageParts, Span, Teaser, split_page

PARAGRAPH_BREAK = "\n\n"


def record_id(source_file: str, table: str, position: int) -> str:
    """Stable id: the same page gives the same ids on every run."""
    return hashlib.sha256(f"{source_file}|{table}|{position}".encode()).hexdigest()[:16]


def _unique(items: list) -> list:
    return list(dict.fromkeys(items))


def _read_byline(lines) -> Byline:
    """The byline fields of some lines, read as one line without their toolbar words."""
    return _read_byline_texts(tuple(line.text for line in lines))


@lru_cache(maxsize=4096)
def _read_byline_texts(texts: tuple[str, ...]) -> Byline:
    """Cached: bylines and credit lines repeat from page to page ("Editor: Li Na"), and most
    teasers have none. The Byline is shared: its lists are read, never changed. A writer's
    name alone on a byline line is read as "By" it ("Clarissa Wei", under a listed title)."""
    texts = tuple(f"By {text}" if is_writer_name(text) else text for text in texts)
    return parse_byline(" | ".join(strip_toolbar(unwrap(text)) for text in texts))


def _credit_columns(outlet: str | None, credits: list[tuple[str, str]]) -> dict:
    """The columns `outlet` (by the name it goes by), `authors`, `editors` (a person once
    each) and `credits`; a credit that names nobody ("by Staff Writers") is left out."""
    credits = [(role, name) for role, name in credits if name.casefold() not in NOBODY]
    return {
        "outlet": outlet_name(outlet) if outlet else outlet,
        "authors": _unique(persons(credits, "author")),
        "editors": _unique(persons(credits, "editor")),
        "credits": [{"role": role, "name": name} for role, name in credits],
    }


def _credits(parts: PageParts, byline: Byline, credit_lines: list[Byline]) -> dict:
    """Outlet, authors, editors and every (role, person) from the byline, the credit lines,
    the captions and the credits in brackets inside the text, in page order; a person is
    listed once per role. The outlet is the first one written under a source label ("Source:
    Yunnan Daily" after the story beats the site's name beside the date above it), else the
    byline's, else a credit line's."""
    credits = list(byline.credits)
    captions = [line for kind, line in parts.furniture if kind == CAPTION] + parts.captions
    credits += [credit for line in captions for credit in caption_credits(line.text)]
    credits += _bracketed(parts.body)
    credits = _unique(credits + [c for line in credit_lines for c in line.credits])
    credits += _chinese_credits(parts, credits)
    lines = sorted([byline, *credit_lines], key=lambda line: not line.sourced)  # stable
    outlets = [line.outlet for line in lines if line.outlet and not is_own_site(line.outlet)]
    return _credit_columns(next(iter(outlets), None), credits)


def _bracketed(paragraphs: Iterable[Span]) -> list[tuple[str, str]]:
    """The labelled credits in brackets inside a story's paragraphs ("(Reporter Liu Zhankun)")."""
    return [credit for line in paragraphs for credit in bracketed_credits(line.text)]


def _chinese_credits(parts: PageParts, credits: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Persons the page credits only in Chinese ("Editor: 曹家宁"): where a name is written in
    both, the English one names the person ("Editor: Li Na", "责任编辑：李娜")."""
    lines = [*parts.bylines, *parts.credits, *parts.residue]
    found = _unique([c for line in lines for c in chinese_credits(line.text)])
    named = {_spelled(name) for _role, name in credits}
    return [(role, name) for role, name in found if _spelled(romanise(name)) not in named]


def _spelled(name: str) -> str:
    """A name's letters, as two spellings of it compare ("Li Na", "Lina")."""
    return "".join(name.split()).replace("-", "").casefold()


def _date_before(raw: str, page_date: dt.date | None) -> dt.date | None:
    """A list date, alone or in a byline line ("06/12/2025 08:28 PM - Society"); one written
    without a year ("08-02") takes the page's year, or the year before when that would put it
    after the page."""
    stated = find_date(raw)
    raw = stated.raw if stated is not None else raw
    full = parse_date(raw)
    if full is not None or page_date is None:
        return full
    date = parse_date(raw, page_date.year)
    if date is not None and date > page_date:
        try:
            return date.replace(year=date.year - 1)
        except ValueError:  # 29 February
            return None
    return date


def _article_row(page: Page, position: int, kind: str, start: int, end: int) -> dict:
    return {
        "record_id": record_id(page.source_file, "articles", position),
        "source_file": page.source_file,
        "source_sha256": page.source_sha256,
        "position": position,
        "start": start,
        "end": end,
        "kind": kind,
        "truncated": False,
    }


def _main_article(page: Page, parts: PageParts) -> dict:
    byline = _read_byline(parts.bylines)
    credit_lines = [_read_byline([line]) for line in parts.credits]
    dateline = next(filter(None, (read_dateline(p.text) for p in parts.body[:2])), None)
    if dateline and _read_date(dateline.published_raw, page.text)[0] is None:
        dateline = replace(dateline, published_raw=None)  # "CHANGSHA, March 20 --", no year
    credit_lines += [dateline] if dateline else []  # the last to date and source the story
    spans = [s for s in (parts.title, *parts.bylines, *parts.body) if s is not None]
    start, end = (min(s.start for s in spans), max(s.end for s in spans)) if spans else (0, 0)
    # A credit line after the body may date the article ("Source:Taizhou 2022-11-28 14:44"),
    # and so may the wire dateline opening it.
    dates = (line.published_raw for line in credit_lines if line.published_raw)
    raw = byline.published_raw or next(dates, None)
    if _site_clock(parts, byline):
        raw = _labelled_date(parts, credit_lines) or raw
    raw, published = _read_date(raw, page.text)
    return (
        _article_row(page, 0, "article", start, end)
        | {
            "title_raw": parts.title.text if parts.title else None,
            "body_raw": PARAGRAPH_BREAK.join(p.text for p in parts.body),
            "published": published,
            "published_raw": raw,
            "truncated": parts.continued,
        }
        | _credits(parts, byline, credit_lines)
    )


def _site_clock(parts: PageParts, byline: Byline) -> bool:
    """The byline's date is a date alone over the headline ("Friday, December 1, 2023"): it
    may be the site's clock, not the story's day."""
    raw, title = byline.published_raw, parts.title
    return (
        raw is not None
        and title is not None
        and any(
            b.end <= title.start and raw in b.text and looks_like_date(b.text)
            for b in parts.bylines
        )
    )


def _labelled_date(parts: PageParts, credit_lines: list[Byline]) -> str | None:
    """The date of a credit line after the story that is more than a date ("Release time:
    2021-07-02"): the story's own, beside a site's clock."""
    return next(
        (
            read.published_raw
            for read, line in zip(credit_lines, parts.credits)
            if read.published_raw and not looks_like_date(line.text)
        ),
        None,
    )


def _read_date(raw: str | None, text: str) -> tuple[str | None, dt.date | None]:
    """(the date's text, the date); (None, None) when the text names a day without a year on
    a page that gives none ("Wednesday, May 31", "CHANGSHA, March 20 --"): no date, rather
    than one broken."""
    published = _published(raw, text)
    if published is None and raw is not None and find_date(raw, default_year=2000):
        return None, None
    return raw, published


def _published(raw: str | None, text: str) -> dt.date | None:
    """The article's date; one written without a year takes the page's year: that of the
    latest full date the page writes. One that reads either way round ("01-06-2025") is read
    in the order of the page's other dates."""
    if raw is None:
        return None
    swapped = frozenset()
    if order_ambiguous(raw):
        swapped = _swapped_forms(text) or order_near_named(raw, text)
    full = parse_date(raw, swapped=swapped)
    if full is not None:
        return full
    latest = _latest_date(text)
    return parse_date(raw, latest.year) if latest else None


@lru_cache(maxsize=1)
def _swapped_forms(text: str) -> frozenset[str]:
    """swapped_forms of the page being read, found once for all its records."""
    return swapped_forms(text)


@lru_cache(maxsize=1)
def _latest_date(text: str):
    """latest_date of the page being read, found once for all its records."""
    return latest_date(text)


def _teaser(page: Page, position: int, teaser: Teaser) -> dict:
    """A teaser is dated and credited by its own byline lines, or dated by a full date its
    snippet states (a wire dateline's, "BEIJING, Sept. 23, 2021 (Xinhua) --", among them:
    one without a year is not read by a listing's year; not one that ends a span: "until
    Jan 3, 2024"); its agency is the outlet. Credits in brackets in its text credit it too
    ("China News Service, Nanchang, January 31st (Reporter Liu Zhankun) ...")."""
    byline = _read_byline(teaser.meta)
    body = PARAGRAPH_BREAK.join(paragraph.text for paragraph in teaser.body)
    found = event_date(body)
    raw = byline.published_raw or (found.raw if found else None)
    dateline = read_dateline(teaser.body[0].text) if teaser.body else None
    outlet = byline.outlet or (dateline.outlet if dateline else None)
    return (
        _article_row(page, position, "teaser", teaser.start, teaser.end)
        | {
            "title_raw": teaser.title.text,
            "body_raw": body,
            "published": _published(raw, page.text),
            "published_raw": raw,
        }
        | _credit_columns(outlet, [*byline.credits, *_bracketed(teaser.body)])
    )


def _headline(
    page: Page, position: int, entry: Headline, parent_id: str | None, page_date: dt.date | None
) -> dict:
    date: Span | None = entry.date
    return {
        "record_id": record_id(page.source_file, "headlines", position),
        "source_file": page.source_file,
        "source_sha256": page.source_sha256,
        "position": position,
        "start": entry.start,
        "end": entry.end,
        "parent_record_id": parent_id,
        "title_raw": entry.title.text,
        "published": _date_before(date.text, page_date) if date else None,
        "published_raw": date.text if date else None,
    }


def _list_reference_date(parts: PageParts, page_date: dt.date | None) -> dt.date | None:
    """The date that gives a year to list dates written without one: the page's, or when the
    page states none, the latest full date of the list itself."""
    if page_date is not None:
        return page_date
    full = [parse_date(h.date.text) for h in parts.headlines if h.date is not None]
    return max((d for d in full if d is not None), default=None)


def page_records(page: Page, parts: PageParts | None = None) -> tuple[list[dict], list[dict]]:
    """(articles, headlines) of one page: main article at position 0, teasers after it.
    A page of other stories' titles only has no main article: its headlines have no parent.
    A page with nothing at all keeps its empty main article, so that quarantine shows it.
    `parts`: the page already split (split_page), when the caller times the two apart."""
    parts = split_page(page.text) if parts is None else parts
    told = parts.title or parts.body or parts.bylines or parts.teasers or not parts.headlines
    article = _main_article(page, parts) if told else None
    teasers = [_teaser(page, i, t) for i, t in enumerate(parts.teasers, start=1)]
    published = article["published"] if article else None
    reference = _list_reference_date(parts, published)
    parent = article["record_id"] if article else None
    headlines = [
        _headline(page, i, entry, parent, reference) for i, entry in enumerate(parts.headlines)
    ]
    return ([article] if article else []) + teasers, headlines
