"""Characters that should not be there: invisible ones, HTML's entities left in the text, and
mojibake (UTF-8 read as Latin-1/cp1252, GBK's punctuation read as Latin-1)."""

from __future__ import annotations

import html
import re

import ftfy

from newsmend.repair.rule import Anchor, Work, regex_rule, substitute

# --- invisible --------------------------------------------------------------------------

# Characters that show nothing and only get in the way of search, comparison and display:
# zero-width space, soft hyphen, word joiner, byte-order mark, and the bidi marks, embeddings,
# overrides and isolates (an English text never means to run right to left). Zero-width
# joiner and non-joiner stay: emoji sequences are made with them.
_INVISIBLE = "[\u00ad\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]+"
_INVISIBLE_RE = re.compile(_INVISIBLE)


def fix_invisible(work: Work) -> None:
    substitute(work, "invisible", _INVISIBLE_RE, lambda _m: "")


INVISIBLE = regex_rule(
    "invisible",
    "zero-width spaces, soft hyphens, byte-order marks and bidi controls removed",
    fix_invisible,
    _INVISIBLE,
)


# --- mojibake ---------------------------------------------------------------------------

# UTF-8 read as Latin-1/cp1252: a lead-byte look-alike followed by a continuation look-alike.
_MOJIBAKE_PAIR = (
    "[\u00c2-\u00c3\u00c5\u00ce\u00cf\u00d0-\u00d9\u00e0-\u00ef]"
    "[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
# The whole token; matches start only at a token start (else "aaaa..." rescans per position).
# A pair's second character can be a space (NBSP, NEL), so a token runs over pairs too:
# "Â\xa0Â\xa0" is one token, fixed at once.
_MOJIBAKE_TOKEN = re.compile(
    rf"(?<!\S)(?:{_MOJIBAKE_PAIR}|\S)*?{_MOJIBAKE_PAIR}(?:{_MOJIBAKE_PAIR}|\S)*"
)
_MOJIBAKE_ANCHOR = Anchor(re.compile(_MOJIBAKE_PAIR), lambda char: not char.isspace())


# GBK's punctuation read as Latin-1: the two bytes of · — ‘ ’ “ ” ("It¡¯s", "¡°Sichuan¡±"),
# which ftfy does not know.
_GBK_SECONDS = (0xA4, 0xAA, 0xAE, 0xAF, 0xB0, 0xB1)
_GBK_PUNCTUATION = {f"\u00a1{chr(b)}": bytes([0xA1, b]).decode("gbk") for b in _GBK_SECONDS}
_GBK_PAIR = "\u00a1[\u00a4\u00aa\u00ae-\u00b1]"
_GBK_PAIR_RE = re.compile(_GBK_PAIR)
_GBK_SPLIT = re.compile(f"({_GBK_PAIR})")  # a token's pieces, its GBK quotes among them


def fix_mojibake(work: Work) -> None:
    substitute(work, "mojibake", _MOJIBAKE_TOKEN, _fixed_token, anchor=_MOJIBAKE_ANCHOR)
    substitute(work, "mojibake", _GBK_PAIR_RE, lambda m: _GBK_PUNCTUATION[m.group()])


def _fixed_token(token: re.Match[str]) -> str:
    """A token's UTF-8 mojibake fixed by ftfy, piece by piece between GBK's quotes, which are
    fixed too ("¡±â€™": "”’"): ftfy reads a real quote next to mojibake as mojibake ("”â€™"
    would become "Ӊ۪"), so the token is fixed once, whole."""
    pieces = _GBK_SPLIT.split(token.group())
    return "".join(_GBK_PUNCTUATION.get(piece) or ftfy.fix_encoding(piece) for piece in pieces)


MOJIBAKE = regex_rule(
    "mojibake",
    "UTF-8 read as Latin-1/cp1252, fixed with ftfy (donâ€™t -> don’t); GBK's quotes read as "
    "Latin-1 (It¡¯s -> It’s)",
    fix_mojibake,
    f"{_MOJIBAKE_PAIR}|{_GBK_PAIR}",
)


# --- html_entity ------------------------------------------------------------------------

# An HTML entity a scraper left in the text ("&amp;", "&#8217;", "&nbsp;"): the character it
# stands for; a non-breaking space is a space. An unknown name ("&foo;") stays.
_ENTITY = r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
_ENTITY_RE = re.compile(_ENTITY)
_ENTITY_ANCHOR = Anchor(re.compile("&"), lambda _char: False, chars="&")


def _unescaped(m: re.Match) -> str | None:
    char = html.unescape(m.group())
    if char == m.group() or len(char) != 1 or char == "\ufffd":
        return None  # not an entity, or a code point that names no character ("&#0;")
    return " " if char.isspace() else char


def fix_html_entity(work: Work) -> None:
    substitute(work, "html_entity", _ENTITY_RE, _unescaped, anchor=_ENTITY_ANCHOR)


HTML_ENTITY = regex_rule(
    "html_entity",
    "HTML entities left by a scraper (&amp; -> &, &#8217; -> ’, &nbsp; -> a space)",
    fix_html_entity,
    _ENTITY,
)
