"""Spaces that machine translation and copy-pasting lose or add around ASCII punctuation:
"traffic.People", "Hefei,Huangshan", "Zhonglin ,Deputy", "Swansea !", "Line(Bus 505)",
"districts)were", "Online,,, China Daily", "etc..", "doesn ’ t", "Do n’t", "19 th", "on14",
"ofHong Kong", and inside numbers ("15, 000 projects", "4. 5 per cent");
and apostrophes a scraper escaped or wrote as an accent ("China\\’s", "Xi´an")."""

from __future__ import annotations

import re

from newsmend.dates import MONTHS
from newsmend.repair.rule import Work, regex_rule, substitute

# --- spacing ----------------------------------------------------------------------------

# A sentence's end glued to the next one: a word (two letters at least: not "U.S.A") or a
# closing quote or bracket, the mark, then a capitalised word, an acronym or an opening quote
# ("traffic.People", "Wan Yi.Wan County", "governance.GSGPTB", "city."Haikou").
_GLUED_SENTENCE = re.compile(
    r"[.!?](?<=[A-Za-z][a-z][.!?]|[a-z][”’\")][.!?])(?=[\"“]?[A-Z][A-Za-z])"
)
_GLUED_CLOSING_QUOTE = re.compile(r"”(?<=[A-Za-z.,!?]”)(?=[A-Za-z])")  # 'Yangzhou”as the'
_ESCAPED_QUOTE = re.compile(r"\\(?=[’'\"])")  # a scraper's escape: "China\’s"
_ACUTE_APOSTROPHE = re.compile(r"´(?<=[A-Za-z]´)(?=[A-Za-z])")  # "Xi´an"
_SPACED_ORDINAL = re.compile(r"(\d++) (st|nd|rd|th)\b")  # "the 19 th CPC", not "has 11 st"
# A short word glued to the number or the name after it ("work on14 highways", "in2019",
# "the two SARs ofHong Kong", "andYangtze"); brands written so ("iPhone", "WeChat") start
# with no such word.
GLUED_WORDS = ("on", "in", "of", "at", "to", "by", "for", "from", "and", "with", "over", "the")
_GLUED_WORDS = "|".join(GLUED_WORDS)
_GLUED_WORD = re.compile(rf"(?<![A-Za-z])(?:{_GLUED_WORDS})(?=\d|[A-Z][a-z])")
# A comma or semicolon glued to the word after it ("Hefei,Huangshan", "said,“The"); numbers
# ("15,000") are not words.
_GLUED_COMMA = re.compile(r"[,;](?<=[A-Za-z”’\")][,;])(?=[\"“]?[A-Za-z])")
# A space before the mark instead of after it ("Zhonglin ,Deputy", "weather .To").
_SWAPPED_SPACE = re.compile(r"[ \t](?<=\S[ \t])(?:([,;])(?=[A-Za-z])|(\.)(?=[A-Z][a-z]))")
_SPACE_BEFORE_BANG = re.compile(r"[ \t](?<=[A-Za-z][ \t])([!?])(?=\s|$|[\"”’)])")
# A bracket glued to the word before it ("Line(Bus 505)", not "person(s)") or after it
# ("(cities, districts)were", not "(re)build").
_GLUED_OPEN = re.compile(r"\((?<=[a-z][a-z]\()(?!(?:s|es|ies)\))(?=[A-Za-z])")
_GLUED_CLOSE = re.compile(r"\([^()\n]{4,200}\)(?=[a-z][a-z])")
_REPEATED_COMMAS = re.compile(r",(?>(?:[ \t]*+,)+)")
_DOUBLE_STOP = re.compile(r"\.\.(?<=[A-Za-z]\.\.)(?!\.)")  # "etc..", not an ellipsis
# An apostrophe set apart from its word ("China ' s", "doesn ’ t"), or "n't" from its verb
# ("Do n’t", as a tokenizer splits it).
_SPACED_APOSTROPHE = re.compile(r"[ \t](?<=[A-Za-z][ \t])([’'])[ \t]?(?=(?:s|t|re|ve|ll|d|m)\b)")
_SPLIT_NOT = re.compile(r"[ \t](?<=[A-Za-z][ \t])(?=n[’']t\b)")
# A number split by the space a translation put after its comma or point ("over 15, 000
# foreign projects", "growth of 4. 5 per cent"): thousands with a word after them, a decimal
# with its unit. Not a list ("rooms 101, 102 and 103") nor a date ("May 15, 300 people").
_SPLIT_THOUSANDS = re.compile(r"(?<![\d,.])(\d{1,3}), (\d{3})(?= [a-z])")
UNITS = ("per", "times", "billion", "million", "trillion")  # "per cent", "percent", "per capita"
_SPLIT_DECIMAL = re.compile(
    rf"(?<![\d,.])(\d{{1,3}})\. (\d{{1,2}})(?= ?(?:%|(?:{'|'.join(UNITS)})[a-z]*\b))"
)
NOT_AFTER_THOUSANDS = frozenset({"and", "or", "to"})  # a list of numbers
# A URL or an e-mail address keeps its marks as they are.
ADDRESS_SIGNS = ("://", "www.", "@")
HOST_PART = re.compile(r"\.[a-z]")  # a site's name: "Yangzhou.jiangsu.NET"
_SPACE = re.compile(r"\s|$")


def fix_spacing(work: Work) -> None:
    """English spacing around ASCII marks: one space after . ! ? , ; before the next word,
    none before them, none inside "doesn't"; a space between a word and a bracket. Marks
    are collapsed and moved before spaces are added, so one run leaves nothing for the next."""
    rule = "spacing"

    def glued_sentence(m: re.Match) -> str | None:
        if _in_address(m):
            return None
        quote = m.string[m.end() : m.end() + 1]
        if quote == '"' and m.string.count('"', 0, m.start()) % 2:
            return None  # 'he said."The': the quote closes; the space goes after it
        return m.group() + " "

    def ordinal(m: re.Match) -> str | None:
        number, suffix = m.group(1), m.group(2)
        return number + suffix if _ordinal_suffix(int(number[-2:])) == suffix else None

    def thousands(m: re.Match) -> str | None:
        before = m.string[max(0, m.start() - 12) : m.start()].split()
        after = m.string[m.end() : m.end() + 5].split()
        if before and before[-1].rstrip(".").title() in MONTHS:
            return None  # "May 15, 300 people"
        if after and after[0] in NOT_AFTER_THOUSANDS:
            return None
        return f"{m.group(1)},{m.group(2)}"

    def glued_comma(m: re.Match) -> str | None:
        return None if _in_address(m) else m.group() + " "

    substitute(work, rule, _ESCAPED_QUOTE, lambda m: "")
    substitute(work, rule, _ACUTE_APOSTROPHE, lambda m: "'")
    substitute(work, rule, _REPEATED_COMMAS, lambda m: ",")
    substitute(work, rule, _SWAPPED_SPACE, lambda m: (m.group(1) or m.group(2)) + " ")
    substitute(work, rule, _DOUBLE_STOP, lambda m: ".")  # "day. .It" is "day.. It" by now
    substitute(work, rule, _SPACE_BEFORE_BANG, lambda m: m.group(1))
    substitute(work, rule, _SPACED_APOSTROPHE, lambda m: m.group(1))
    substitute(work, rule, _SPLIT_NOT, lambda m: "")
    substitute(work, rule, _SPLIT_THOUSANDS, thousands)
    substitute(work, rule, _SPLIT_DECIMAL, lambda m: f"{m.group(1)}.{m.group(2)}")
    substitute(work, rule, _SPACED_ORDINAL, ordinal)
    substitute(work, rule, _GLUED_SENTENCE, glued_sentence)
    substitute(work, rule, _GLUED_COMMA, glued_comma)
    substitute(work, rule, _GLUED_OPEN, lambda m: " (")
    substitute(work, rule, _GLUED_CLOSE, lambda m: m.group() + " ")
    substitute(work, rule, _GLUED_CLOSING_QUOTE, lambda m: "” ")
    substitute(work, rule, _GLUED_WORD, lambda m: m.group() + " ")


def _ordinal_suffix(number: int) -> str:
    """English ordinals: 1st, 2nd, 3rd, 4th ... 11th, 12th, 13th ... 21st."""
    if 10 <= number % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def _in_address(m: re.Match) -> bool:
    """Whether the mark is inside a URL, an e-mail address or a site's name ("www.Xinhua.Com",
    "Li.Hua@example.com", "Yangzhou.jiangsu.NET"): the run of non-spaces around it holds one's
    sign."""
    text = m.string
    start = max(text.rfind(" ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
    token = text[start : _SPACE.search(text, m.end()).start()]
    return any(sign in token for sign in ADDRESS_SIGNS) or HOST_PART.search(token) is not None


SPACING = regex_rule(
    "spacing",
    "one space after . ! ? , ; (traffic.People, Hefei,Huangshan), none before them "
    "(Zhonglin ,Deputy, Swansea !), around brackets (Line(Bus 505)), in doesn ’ t, Do n’t",
    fix_spacing,
    r"[.!?][\"“]?[A-Z]|[,;][\"“]?[A-Za-z]|\)[a-z]|[A-Za-z]\(|[ \t][,;][A-Za-z]|[ \t]\.[A-Z]|[ \t][!?]"
    r"|[ \t][’'][ \t]?[a-z]|,[ \t]*,|[A-Za-z]\.\.(?:[^.]|$)|[ \t]n[’']t|”[A-Za-z]|\\[’'\"]|´"
    rf"|[0-9] (?:st|nd|rd|th)|(?:{_GLUED_WORDS})[0-9A-Z]"
    rf"|[0-9], [0-9]{{3}} [a-z]|[0-9]\. [0-9]{{1,2}} ?(?:%|{'|'.join(UNITS)})",
)
