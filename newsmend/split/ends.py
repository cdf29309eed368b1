"""What stands at a story's ends: a credit in brackets or signed after its last paragraph, a
date or an outlet's credit opening its first, short labels closing it, and what the page glued
after its last stop (a link, a picture credit, a credit line)."""

from __future__ import annotations

import re
from dataclasses import replace

from newsmend.credits import (
    LABEL,
    caps_credit_start,
    caption_credits,
    closes_on_picture_credit,
    is_picture_credit,
    is_site_name,
    parse_credit_fields,
    picture_credit_opening,
    read_dateline,
)
from newsmend.dates import find_date
from newsmend.furniture import furniture_kind
from newsmend.split.body import MAX_SECTION_WORDS
from newsmend.split.lines import SENTENCE_ENDS, _chinese, _is_prose_text, _opening_date, word_count
from newsmend.split.parts import CAPTION, CREDIT, DECK, NAVIGATION, STRAY, PageParts, Span, _cut
from newsmend.tables import read_lines

# What makes a date opening the story its dateline: "October 29, 2010: President ...", "July
# 7, 2022 -- A multi-functional ..."
DATELINE_AFTER = re.compile(r"(?<!\s)\s*+(?::|--|[—–])\s")  # one scan of a run of spaces
# A label glued at the start of a story's first paragraph, bracketed, with a colon, or bare
# before a capital ("[Explanation] Xianfeng ...", "Summary: In ...", "Analysis A hop ...")
KICKER = re.compile(
    r"[\[【](?P<bracketed>[A-Za-z ]{2,20})[\]】]\s*+|(?P<word>[A-Za-z]{2,20})(?:\s*+[:：]\s*+|\s++(?=[A-Z]))"
)
KICKERS = frozenset(label.casefold() for label in read_lines("kicker_labels.txt"))
MAX_LEAD_IN = 3  # paragraphs over a wire story's dateline that are not its text (without_lead_in)
# A credit in brackets at the end of the story's last paragraph, or at the start of its first
# after a few words of dateline ("(By He Xin—Yiwu Business, translated by Wei Han)",
# "(Correspondent Zhao Lei) On May 5,", "Lvliang Daily (Reporter Wang Tao) On September 26,").
_SIGNED_BY = ("Edited", "Translated", "Written", "Compiled", "Reported", "Proofread")
TRAILING_BY = re.compile(
    rf"(?<=[.!?\"”] )(?P<credit>(?:{'|'.join(_SIGNED_BY)}) by [A-Z][^.!?()]{{2,80}})$"
)
# A TRAILING_BY match starts at most this far from the paragraph's end: it is searched for
# there only, not at every character of a long paragraph (its lookbehind sees the text before).
TRAILING_BY_CHARS = max(map(len, _SIGNED_BY)) + len(" by ") + 1 + 80
TRAILING_CREDIT = re.compile(r"[(（](?P<credit>[^()（）]{3,200})[)）][^()（）]{0,40}$")
LEADING_CREDIT = re.compile(
    r"^(?P<lead>[^()（）\[\].!?。]{0,60}?)\s*[(（\[【](?P<credit>[^()（）\[\]【】]{3,120})[)）\]】]"
    r"\s*(?:news\s*)?[:：]?\s*"
)
# How a picture's caption opens: "Photo shows ...", "Photo taken on ... shows", "The picture
# shows ...", "Aerial photo taken on ..."
CAPTION_OPENING = re.compile(
    r"(?i:(?:the |this |an? )?(?:aerial |file )?(?:photos?|pictures?|images?)"
    r"(?: taken (?:on|in|at|from)\b[^.!?]{0,80}?)? shows?\b)"
)
# How a photo story's captions say what they show, anywhere in the line: "Riders are pictured
# in a horse race ...", "... a drone photo taken on Aug. 15"
CAPTION_PHRASE = re.compile(r"\b(?:is|are) pictured\b|\bphotos? taken\b")
MIN_CAPTIONED_PARAGRAPHS = 3  # the caption and two paragraphs of the story under it
# Words before the brackets: "Lvliang Daily (Reporter ...)", "China News Service, Hong Kong,
# May 25th (Reporter ...)"
MAX_LEAD_WORDS = 8
MAX_LEADING_CREDITS = 2  # an outlet's and a reporter's, each in its brackets


def without_trailing_labels(parts: PageParts, page_end: int) -> None:
    """Move short lines that are no sentence off the end of the body: a story does not end
    on a heading, so they are the page's menu or a sidebar's label ("About", "Ethnic
    Culture", then the footer). The page's last line stays: a stored copy's text is cut
    there, mid-story ("... adjourned the hearing. Mr. Li mi", "... The Binhai New")."""
    while (
        len(parts.body) > 1
        and parts.body[-1].end < page_end
        and _trailing_label(parts.body[-1].text)
    ):
        parts.furniture.append((STRAY, parts.body.pop()))


def without_opening_caption(parts: PageParts) -> None:
    """Move a picture's caption off the top of a story's text ("Photo taken on July 30, 2020
    shows a restored bronze chariot ...", then the story): the first paragraph only, when it
    opens or closes as a caption does ("... on Aug 17. ZHANG WEI/CHINA DAILY") and no other
    paragraph does or says who "is pictured" (a photo story's captions are its text)."""
    body = parts.body
    if len(body) < MIN_CAPTIONED_PARAGRAPHS or not _captioned(body[0].text):
        return
    if any(_captioned(line.text) or CAPTION_PHRASE.search(line.text) for line in body[1:]):
        return  # a photo story: its captions are its text
    parts.captions.append(body[0])
    parts.furniture.append((CAPTION, body.pop(0)))


def _captioned(text: str) -> bool:
    """A paragraph that opens as a caption does or closes on its picture's credit."""
    return CAPTION_OPENING.match(text) is not None or closes_on_picture_credit(text)


def without_lead_in(parts: PageParts) -> None:
    """Move what stands over a wire story's dateline off its text: a paragraph that opens with
    one ("NANCHANG, Oct. 10 (Xinhua) -- ...") starts the story, and the few above it are the
    page's summary of it ("Abstract: ...", bullet points), a release's number ("PR100440") or
    an aggregator's note ("(MENAFN- GlobeNewsWire - Nasdaq)"). More of them are stories of
    their own, left to the listing's readers; one that opens with a dateline too is one."""
    body = parts.body
    start = next(
        (i for i, line in enumerate(body[: MAX_LEAD_IN + 1]) if _opens_story(line.text)), None
    )
    if not start:
        return
    parts.furniture += [(DECK, line) for line in body[:start]]
    del body[:start]
    _split_off_leading_credit(parts)


def _opens_story(paragraph: str) -> bool:
    """A paragraph that opens a story: with a wire's dateline, or with its reporter's credit
    in brackets (the Liberty Times: "[Reporter Xie Jieyu/Nantou Report] Nantou County ...",
    under the lead picture's caption and "(The picture is provided by ...)")."""
    if read_dateline(paragraph) is not None:
        return True
    credit = LEADING_CREDIT.match(paragraph)
    return (
        credit is not None
        and not credit["lead"]
        and any(role != "outlet" for role, _names in parse_credit_fields(credit["credit"]))
    )


def without_chinese_tail(parts: PageParts) -> None:
    """Move paragraphs in Chinese off the end of an English story: the original the page
    prints after its translation (a bilingual post, a repost with its source's text). The
    story is its English; the Chinese is residue, as it is after the story."""
    english = [i for i, line in enumerate(parts.body) if not _chinese(line.text)]
    if not english:
        return  # a story in Chinese, left for translation
    end = english[-1] + 1
    parts.residue += parts.body[end:]
    del parts.body[end:]


def _trailing_label(text: str) -> bool:
    """A few words that end no sentence ("Ethnic Culture"; not "What would they say?")."""
    return (
        len(text.split()) <= MAX_SECTION_WORDS
        and text.rstrip()[-1:] not in SENTENCE_ENDS
        and not _is_prose_text(text)
    )


# What a page glues after the last sentence of a story's text: a bracketed picture credit or
# label ("... on Sept 28, 2017. [Photo/IC]"), a link to the story, after the last stop or
# labelled ("... 35 golds. https://focustaiwan.tw/sports/...", "See the original link:
# https://..."). A last sentence (after a stop or a closing bracket) is tried against the
# furniture table and as a credit line that opens on its label ("... (Photo/Jiang Keqing)
# Source: Hunan Daily"). See without_glued_tail.
GLUED_PIECE = re.compile(
    r"(?<![^\s.!?。\"”’)）])(?P<piece>[\[【(（][^\[\]【】()（）]{2,60}[\]】)）]"
    r"|(?<=[.!?。\"”’)）]\s)https?://\S{4,300}"  # after the text's last stop
    r"|(?<!\S)(?i:[^\s.!?。:：][^.!?。:：]{0,30}\b(?:link|original|source|url|full story))"
    r"\s?[:：]\s*https?://\S{4,300}"  # labelled as one ("The website: http://..." is text)
    r")[\s|]{0,3}$"
)
# where a glued sentence may start: after a stop and a space, after an ellipsis that a
# link's label runs on from ("... under their purview...Read More »"), or after a word's stop
# with no space before a capital ("... to avoid the recurrence of lost events.Review: Liao
# Chen source: ...": a translation that lost its line breaks)
PIECE_START = re.compile(
    r"[.!?。！？\"”’)）\]】]\s+(?=\S)|(?:\.{3}|…)(?=[A-Z])|(?<=[a-z][.!?])(?=[A-Z])"
)
GLUED_PIECE_CHARS = 400  # a paragraph's last characters, where glued pieces are looked for
GLUED_CLOSES = ")）]】|"  # how a paragraph ends that a bracketed piece closes
GLUED_SENTENCE_CHARS = 160  # a glued sentence of MAX_GLUED_WORDS words starts this near the end
LINK_KIND = "source_note"  # the furniture kind a link to the story is counted as
# The furniture kinds a piece is taken off as: not a menu's words, which a sentence cut off by
# the store can be made of ("... one by one. The t"), a bracketed "(more)", or a footer's
# ("Consumer Council hotline: 8988 9315." closes a release).
GLUED_KINDS = frozenset({LINK_KIND, CAPTION, "more_link", "qr_prompt", "account_prompt"})
MAX_GLUED_PIECES = 3
MAX_GLUED_WORDS = 12  # a longer last sentence is the story's, or another's run on


def body_without_glued_tail(parts: PageParts) -> None:
    """Take what the page glued after the text off the story's last paragraph
    (without_glued_tail): a credit into the credits, the rest into the furniture, picture
    credits that name someone into the captions. Before the bracketed credits are split off:
    "... (Photo/Jiang Keqing) Source: Hunan Daily" keeps its source."""
    if parts.body:
        credited = parts.body[-1] in parts.captions  # its picture credits read already
        parts.body[-1], pieces = without_glued_tail(parts.body[-1])
        parts.credits += [piece for kind, piece in pieces if kind == CREDIT]
        parts.furniture += [(kind, piece) for kind, piece in pieces if kind != CREDIT]
        if not credited:
            parts.captions += [piece for _, piece in pieces if caption_credits(piece.text)]


def teasers_without_glued_tails(parts: PageParts) -> None:
    """The same for each teaser's last paragraph: its credits, picture credits among them,
    into its meta."""
    for n, teaser in enumerate(parts.teasers):
        if teaser.body:
            last, pieces = without_glued_tail(teaser.body[-1])
            if not pieces:
                continue  # most teasers
            meta = tuple(
                piece for kind, piece in pieces if kind == CREDIT or caption_credits(piece.text)
            )
            parts.teasers[n] = replace(
                teaser, body=(*teaser.body[:-1], last), meta=teaser.meta + meta
            )
            parts.furniture += [(kind, piece) for kind, piece in pieces if kind != CREDIT]


def without_kickers(parts: PageParts) -> None:
    """The story's and each teaser's first paragraph without the section's or genre's label
    glued at its start (without_kicker): a listing labels each of its stories ("Analysis
    Whether in trade, ..."). Once the stories are told apart: a listing's first may become
    the page's story late."""
    if parts.body:
        parts.body[0], kicker = without_kicker(parts.body[0])
        parts.furniture += [(NAVIGATION, kicker)] if kicker else []
    for n, teaser in enumerate(parts.teasers):
        if teaser.body:
            first, kicker = without_kicker(teaser.body[0])
            if kicker:
                parts.teasers[n] = replace(teaser, body=(first, *teaser.body[1:]))
                parts.furniture.append((NAVIGATION, kicker))


def without_kicker(paragraph: Span) -> tuple[Span, Span | None]:
    """A first paragraph without the section's or genre's label glued at its start (KICKER,
    a label of kicker_labels.txt), and the label; None when it has none."""
    match = KICKER.match(paragraph.text)
    if match is None or match.end() >= len(paragraph.text):
        return paragraph, None
    if (match["bracketed"] or match["word"]).strip().casefold() not in KICKERS:
        return paragraph, None
    return _cut(paragraph, match.end(), len(paragraph.text)), _cut(paragraph, 0, match.end())


def without_glued_tail(paragraph: Span) -> tuple[Span, list[tuple[str, Span]]]:
    """The story's last paragraph without what the page glued after its text, and those
    pieces (kind, piece): a credit line (CREDIT) or furniture of a kind in GLUED_KINDS. A
    piece is taken off only when text is left before it."""
    pieces: list[tuple[str, Span]] = []
    for _ in range(MAX_GLUED_PIECES):
        cut = _glued_piece(paragraph.text)
        if cut is None:
            break
        start, kind = cut
        pieces.append((kind, _cut(paragraph, start, len(paragraph.text))))
        paragraph = _cut(paragraph, 0, start)
    return paragraph, pieces


def _glued_piece(text: str) -> tuple[int, str] | None:
    """(where the glued piece starts, its kind), or None. The cheap tests first: most
    paragraphs end on a stop, with no link near the end."""
    match = None
    if text[-1:] in GLUED_CLOSES or "://" in text[-GLUED_PIECE_CHARS:]:
        match = GLUED_PIECE.search(text, max(0, len(text) - GLUED_PIECE_CHARS))
    if match is not None:
        piece, start = match["piece"], match.start()
        kind = LINK_KIND if "://" in piece else furniture_kind(piece)
        if kind not in GLUED_KINDS:
            kind = CAPTION if is_picture_credit(piece) else None  # "[Xinhua/Tao Liang]"
    else:
        start, kind = _glued_sentence(text)
    if kind is None or not text[:start].strip():
        return None
    return len(text[:start].rstrip()), kind


def _glued_sentence(text: str) -> tuple[int, str | None]:
    """(start, kind) of the furniture or credit line glued as a last sentence, the longest
    that is one ("Full story (in Chinese) via this link." holds a stop of its own), or (0,
    None)."""
    starts = PIECE_START.finditer(text, max(0, len(text) - GLUED_SENTENCE_CHARS))
    for start in (match.end() for match in starts):
        piece = text[start:]
        if word_count(piece) > MAX_GLUED_WORDS:
            continue
        kind = furniture_kind(piece)
        if kind not in GLUED_KINDS:  # a credit line opens on its label: "Source: ...", not
            labelled = piece[:1].isupper() and LABEL.match(piece) is not None  # "— from ..."
            kind = CREDIT if labelled and parse_credit_fields(piece) or _staff(piece) else None
        if kind is not None:
            return start, kind
    return 0, None


def _staff(piece: str) -> bool:
    """A credit glued as a last sentence without a label: an outlet's staff member ("China
    News Service reporter Jiang Tao", 中新社记者 translated), both the outlet and the person
    read (a bare name there may be a cut snippet's next word: "... the same pattern. Yao ...")."""
    roles = {role for role, _ in parse_credit_fields(piece)}
    return "outlet" in roles and len(roles) > 1


def split_off_credits(parts: PageParts) -> None:
    """Move a bracketed credit at either end of the body into the credits, and a date that
    opens the body into the byline."""
    if not parts.body:
        return
    last = parts.body[-1]
    # "... on June 16. Edited by Lin Hong and Roger Bradshaw"
    signed = TRAILING_BY.search(last.text, max(0, len(last.text) - TRAILING_BY_CHARS))
    if signed and parse_credit_fields(signed["credit"]):
        parts.credits.append(_cut(last, signed.start("credit"), signed.end("credit")))
        parts.body[-1] = last = _cut(last, 0, signed.start())
    caps = caps_credit_start(last.text)
    if caps is not None:  # "... on Aug 20. ZHANG WEI/CHINA DAILY": credited from the captions
        parts.body[-1] = last = _cut(last, 0, caps)
    match = TRAILING_CREDIT.search(last.text)
    picture = match is not None and is_picture_credit(match.group())
    if match and (picture or parse_credit_fields(match["credit"])):
        if not picture:  # a picture's is credited from the paragraph, a caption (_read_body)
            parts.credits.append(_cut(last, match.start("credit"), match.end("credit")))
        if match.start() > 0:
            parts.body[-1] = _cut(last, 0, match.start())
        else:
            parts.body.pop()  # the line was the credit (and a label after it)
        if not parts.body:
            return
    date, first = _opening_date(parts.body[0])
    parts.bylines += [date] if date else []
    if DATELINE_AFTER.match(first.text) is None:
        parts.body[0] = first  # a dateline's date dates the story and stays in its text
    source = picture_credit_opening(first.text)  # "[Video/Ningbo TV] In 2005, ..."
    if source and first.text[source:].strip():
        parts.furniture.append((CAPTION, _cut(first, 0, source)))
        parts.body[0] = _cut(first, source, len(first.text))
    for _ in range(MAX_LEADING_CREDITS):  # "(Mianyang News) (Reporter, Guo Ruoxue) Recently, ..."
        if not _split_off_leading_credit(parts):
            return


def _split_off_leading_credit(parts: PageParts) -> bool:
    """Move a bracketed credit opening the body's first paragraph into the credits; whether
    the paragraph lost one."""
    first = parts.body[0]
    match = LEADING_CREDIT.match(first.text)
    if match is None or match.end() >= len(first.text):
        return False
    credit = _cut(first, match.start("credit"), match.end("credit"))
    if len(match["lead"].split()) <= MAX_LEAD_WORDS and (
        parse_credit_fields(match["credit"]) or _opening_outlet(match, first.text)
    ):
        parts.body[0] = _cut(first, match.end(), len(first.text))
        outlet = match["lead"].split(",")[0]  # "China News Service, Lishui, July 19 (...)"
        if is_site_name(outlet.strip()):  # "Shiliuyun-Xinjiang Daily (Reporters ...)"
            parts.credits.append(
                _cut(first, match.start("lead"), match.start("lead") + len(outlet))
            )
        parts.credits.append(credit)
        return True
    if find_date(match["lead"], default_year=2000) and parse_credit_fields(match["credit"]):
        parts.credits.append(credit)  # a translated wire dateline: "Xinhua News Agency,
        # Chengdu, May 17 (reporter Wu Guangyu), the ...": credited, the sentence kept whole
    return False


def _opening_outlet(match: re.Match[str], paragraph: str) -> bool:
    """An outlet's name in brackets opening the story ("(Mianyang News) A few days ago,
    ...", "【Dr. MetaStar 】From ...", or a reporter's credit after it in brackets): its
    source; a tag in square brackets stays the text's, and a wire's "(ECNS) -- About 140
    ..." stays, a dateline."""
    after = paragraph[match.end() : match.end() + 1]
    return (
        not match["lead"]
        and paragraph[match.start("credit") - 1] != "["  # "[Kaohsiung News]": the text's tag
        and is_site_name(match["credit"].strip())
        and (after.isupper() or after in "(（")
    )
