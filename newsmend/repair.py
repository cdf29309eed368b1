"""Repair stage: a catalogue of small named rules that fix machine-translation artifacts.

`RULES` is ordered; each rule has a name, a description, a `fix` that edits one text and
records every change as {rule, before, after} (a few words of context each side), and a
`probe`: a vectorised test over a column that every text the rule could change passes.
`repair_text` runs every fix in turn; `repair_frame` runs them rule by rule over a column,
each only on the rows its probe selects in the column as the earlier rules left it, so a frame
gives exactly what `repair_text` gives for each cell. Rules only fix what is safe to fix; what
is not (a repeated clause opener) becomes a flag on the record.
"""

from __future__ import annotations

import heapq
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice

import ftfy
import numpy as np
import polars as pl

from newsmend.schema import REPAIR
from newsmend.text import residue_spans, sentence_spans

CONTEXT_WORDS = 3
_log = logging.getLogger(__name__)
TITLE_COLUMNS = {"title"}  # clean columns holding titles: no final punctuation expected


@dataclass
class Work:
    """One text going through the rules, with what they found."""

    text: str
    part: str = "body"  # "title" or "body"
    translations: Mapping[str, object] = field(default_factory=dict)
    translator: object = None
    repairs: list[dict] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    truncated: bool = False
    hint: list[int] | None = None  # where the probe of the rule now applied says to look

    def record(self, rule: str, start: int, end: int, new: str) -> None:
        """Note that text[start:end] becomes `new`, with a few words of context."""
        text = self.text
        self.record_between(
            rule, text[max(0, start - 80) : start], text[start:end], new, text[end : end + 80]
        )

    def record_between(self, rule: str, left: str, old: str, new: str, right: str) -> None:
        """Note that `old` becomes `new` between the 80 characters `left` and `right`."""
        left, right = _left_context(left), _RIGHT_CONTEXT.match(right).group()
        self.repairs.append(
            {
                "rule": rule,
                "before": (left + old + right).strip(),
                "after": (left + new + right).strip(),
            }
        )

    def flag(self, name: str) -> None:
        if name not in self.flags:
            self.flags.append(name)

    def apply(self, rule: Rule) -> None:
        """Run the rule's fix; if it raises, flag the record `repair_failed` (validation sends
        it to quarantine) and run no more rules on it: one bad text never stops a batch."""
        if "repair_failed" in self.flags:
            return
        try:
            rule.fix(self)
        except Exception as error:  # noqa: BLE001 - any bug in a rule, on any text
            _log.warning("repair rule %s failed on a text: %r", rule.name, error)
            self.flag("repair_failed")

    def translate(self, fragments: list[str]) -> Mapping[str, object]:
        """English for each fragment: from the batch prefetched by repair_frame, else asked now."""
        missing = [f for f in fragments if f not in self.translations]
        if missing and self.translator is not None:
            self.translations = {**self.translations, **self.translator.translate_many(missing)}
        return self.translations


_RIGHT_CONTEXT = re.compile(rf"\S*(?:[ \t]+\S+){{0,{CONTEXT_WORDS}}}")


def _left_context(window: str) -> str:
    """The last words of window, up to its final newline: _RIGHT_CONTEXT matched on the
    reversed window, which is what searching forwards for them finds, without trying every
    start in the window."""
    window = window.removesuffix("\n")
    return _RIGHT_CONTEXT.match(window[::-1]).group()[::-1]


@dataclass(frozen=True)
class Rule:
    name: str
    description: str
    fix: Callable[[Work], None]  # edits work.text in place, recording each change
    # (texts, part) -> could the rule change each text? Either a bool, or a list of the
    # places to look at, which the fix gets as work.hint (empty: nowhere).
    probe: Callable[[pl.Series, str], pl.Series]


def selected(probed: pl.Series) -> pl.Series:
    """The texts a probe selects: True, or a list of places that is not empty."""
    if probed.dtype == pl.Boolean:
        return probed.fill_null(False)
    return probed.list.len().fill_null(0) > 0


def regex_rule(name: str, description: str, fix: Callable[[Work], None], pattern: str) -> Rule:
    """A rule whose probe is one regex (polars' Rust regex)."""
    return Rule(name, description, fix, lambda column, _part: column.str.contains(pattern))


def substitute(
    work: Work,
    rule: str,
    pattern: re.Pattern,
    replace: Callable[[re.Match], str | None],
    anchor: Anchor | None = None,
) -> None:
    """re.sub over work.text that records each change; `replace` returning None keeps a match.
    `anchor`: see _anchored_matches."""
    text, pieces, last = work.text, [], 0
    matches = pattern.finditer(text) if anchor is None else _anchored_matches(text, pattern, anchor)
    for match in matches:
        new = replace(match)
        if new is None or new == match.group():
            continue
        work.record(rule, match.start(), match.end(), new)
        pieces += [text[last : match.start()], new]
        last = match.end()
    if pieces:
        work.text = "".join([*pieces, text[last:]])


@dataclass(frozen=True)
class Anchor:
    """How to find a pattern's matches fast: each holds a match of `find`, preceded by a run
    of the characters `takes_back` accepts."""

    find: re.Pattern
    takes_back: Callable[[str], bool] = " \t".__contains__


def _anchored_matches(text: str, pattern: re.Pattern, anchor: Anchor) -> Iterator[re.Match]:
    """What pattern.finditer(text) yields, for a pattern whose every match is a run of the
    characters takes_back accepts (maybe none), from the start of that run, then its anchor:
    Python's re tries such a pattern at every position, where a search for the anchor skips
    ahead in C; the run before it is then taken back by hand."""
    pos = 0
    while hit := anchor.find.search(text, pos):
        start = hit.start()
        while start > pos and anchor.takes_back(text[start - 1]):
            start -= 1
        match = pattern.match(text, start)
        if match is None:  # the anchor is there, the rest of the pattern is not
            pos = hit.end()
            continue
        yield match
        pos = match.end()


# --- invisible --------------------------------------------------------------------------

# Characters that show nothing and only get in the way of search, comparison and display:
# zero-width space, soft hyphen, word joiner, byte-order mark, and the bidi marks, embeddings,
# overrides and isolates (an English text never means to run right to left). Zero-width
# joiner and non-joiner stay: emoji sequences are made with them.
_INVISIBLE = "[\u00ad\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]+"
_INVISIBLE_RE = re.compile(_INVISIBLE)


def fix_invisible(work: Work) -> None:
    substitute(work, "invisible", _INVISIBLE_RE, lambda _m: "")


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


def fix_mojibake(work: Work) -> None:
    fix = lambda m: ftfy.fix_encoding(m.group())
    substitute(work, "mojibake", _MOJIBAKE_TOKEN, fix, anchor=_MOJIBAKE_ANCHOR)


# --- cjk_residue ------------------------------------------------------------------------

_OPEN_CLOSE = {"（": "）", "(": ")", "【": "】", "「": "」"}
_EDGE_MARKS = "（）()【】「」：:，,。 \u3000"
# English that is page furniture, not content: link labels and reporter/editor credits, which
# the credits stage reads from their own lines.
_FURNITURE = re.compile(
    r"(?i)^(?:click(?: here)?(?: to)? (?:view|read|see)(?: more)?|read (?:more|the original)"
    r"|(?:reporter|correspondent|editor(?: in charge)?|responsible editor)\b.*)$"
)


# Chinese page furniture, dropped with or without a translator: link labels ("点击查看") and
# reporter or editor credits ("（记者 张伟）"), which the credits stage reads from their own lines.
_CJK_FURNITURE = re.compile(
    r"^(?:点击(?:查看|阅读|这里|进入)\S{0,4}|阅读原文|查看原文|更多精彩"
    r"|(?:记者|通讯员|摄影|(?:责任)?编辑|审核|校对)[：:\s]*[\u4e00-\u9fff]{2,4}(?:[\s、，,]+[\u4e00-\u9fff]{2,4})*)$"
)


def fix_cjk_residue(work: Work) -> None:
    """Replace each Chinese run by its English. Page furniture ("点击查看", "（记者 张伟）")
    is dropped, translator or not, and so is a gloss that repeats the English next to it
    ("Rugao 如皋 City", "Wuzhen（乌镇）"). Without a translator, or when no provider takes a
    run (the glossary takes only names and labels), it stays (validation flags it); a failed
    translation leaves the run and flags the record `translation_failed`. A glossary answer is
    recorded as `translate_glossary`."""
    spans = [
        _with_closing_bracket(work.text, start, end) for start, end in residue_spans(work.text)
    ]
    inner = {span: work.text[span[0] : span[1]].strip(_EDGE_MARKS) for span in spans}
    to_translate = sorted({text for text in inner.values() if not _CJK_FURNITURE.match(text)})
    english = work.translate(to_translate) if work.translator or work.translations else {}
    for start, end in reversed(spans):
        fragment = inner[(start, end)]
        left, right = work.text[:start], work.text[end:]
        answer = english.get(fragment)
        if _CJK_FURNITURE.match(fragment) or (
            isinstance(answer, str)
            and (_FURNITURE.match(answer) or _repeats_neighbour(answer, left, right))
        ):
            new_left, new_right = _close_gap(left, right)
            work.record("cjk_residue", len(new_left), len(work.text) - len(new_right), "")
            work.text = new_left + new_right
            continue
        if answer is None:
            continue  # no provider takes it (none, or too long for the glossary): it stays
        if not isinstance(answer, str):
            work.flag("translation_failed")
            continue
        bracketed = work.text[start] in _OPEN_CLOSE
        new = f"({answer})" if bracketed else answer
        new = (" " if left[-1:].isalnum() else "") + new + (" " if right[:1].isalnum() else "")
        work.record(_translation_rule(answer), start, end, new)
        work.text = left + new + right


def _translation_rule(answer: str) -> str:
    """The rule a translation is recorded under: the offline glossary's own, else cjk_residue."""
    return (
        "translate_glossary" if getattr(answer, "provider", None) == "glossary" else "cjk_residue"
    )


def _with_closing_bracket(text: str, start: int, end: int) -> tuple[int, int]:
    """A run that opened a bracket takes its closing one, which CJK_RUN leaves out when ASCII."""
    closing = _OPEN_CLOSE.get(text[start])
    if closing and text[end : end + 1] in (closing, ")"):
        return start, end + 1
    return start, end


def _repeats_neighbour(english: str, left: str, right: str) -> bool:
    words = re.findall(r"\w+", english.lower())
    before = re.findall(r"\w+", left[-200:].lower())
    after = re.findall(r"\w+", right[:200].lower())
    return bool(words) and (before[-len(words) :] == words or after[: len(words)] == words)


def _close_gap(left: str, right: str) -> tuple[str, str]:
    """Join the text around a removed span with one space, or none before punctuation."""
    if not left or left.endswith("\n"):
        return left, right.lstrip(" \t")
    if not right or right.startswith("\n") or right[0] in ",.;:!?)":
        return left.rstrip(" \t"), right
    return left.rstrip(" \t") + " ", right.lstrip(" \t")


# --- punctuation ------------------------------------------------------------------------

_CJK_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_FULL_WIDTH = {"，": ",", "：": ":", "；": ";", "！": "!", "？": "?", "。": "."}
# Leading spaces are taken only from the start of their run ((?<![ \t])), so a long run of
# spaces is scanned once, not once per position in it.
_SPACES_BEFORE = r"(?:(?<![ \t])[ \t]*)?"
_FULL_WIDTH_MARK = re.compile(_SPACES_BEFORE + r"([，：；！？。])[ \t]*")
_OPEN_PAREN = re.compile(_SPACES_BEFORE + r"（[ \t]*")
_CLOSE_PAREN = re.compile(_SPACES_BEFORE + r"）")
# The three above start with an optional run, which the regex engine tries at every
# character: they are searched from their marks (substitute's anchor). The three below start
# with a character (the look-behinds after it), so the engine skips ahead to it.
_FULL_WIDTH_MARKS = Anchor(re.compile(r"[，：；！？。]"))
_FULL_WIDTH_OPEN = Anchor(re.compile(r"（"))
_FULL_WIDTH_CLOSE = Anchor(re.compile(r"）"))
# A colon only after a word, a bracket or a quote (not "2 : 1"); the look-behinds see the
# character before the first space.
_SPACE_BEFORE_MARK = re.compile(
    r"[ \t](?:(?<=\S[ \t])[ \t]*([,.;])|(?<=[A-Za-z)\]\"”’][ \t])[ \t]*(:))(?=\s|$)"
)
_DOUBLE_SPACE = re.compile(r" (?<=\S ) +(?=\S)")
# The two above are searched from their mark, or from their second space.
_MARKS_AFTER_SPACE = Anchor(re.compile(r"[ \t][,.;:](?=\s|$)"))
_SECOND_SPACE = Anchor(re.compile("  "), " ".__eq__)
_ELLIPSES = re.compile(r"……+")
_NO_SPACE_AFTER = set(')]}"”’,.;:!?\n')


def fix_punctuation(work: Work) -> None:
    """Full-width marks in English text become ASCII with English spacing (those touching
    Chinese are residue and stay for cjk_residue); no space before , . ; : ; no double spaces."""
    rule = "punctuation"

    def mark(m: re.Match) -> str | None:
        if _touches_cjk(m.string, m.start(1), m.end(1)):
            return None
        after = m.string[m.end() : m.end() + 1]
        return _FULL_WIDTH[m.group(1)] + ("" if not after or after in _NO_SPACE_AFTER else " ")

    def open_paren(m: re.Match) -> str | None:
        if _CJK_CHAR.match(m.string, m.end()):
            return None
        before = m.string[m.start() - 1 : m.start()]
        return "(" if not before or before.isspace() or before in '([{"“' else " ("

    def close_paren(m: re.Match) -> str | None:
        if m.start() > 0 and _CJK_CHAR.match(m.string, m.end() - 2):
            return None
        return ")" + (" " if m.string[m.end() : m.end() + 1].isalnum() else "")

    substitute(work, rule, _FULL_WIDTH_MARK, mark, anchor=_FULL_WIDTH_MARKS)
    substitute(work, rule, _OPEN_PAREN, open_paren, anchor=_FULL_WIDTH_OPEN)
    substitute(work, rule, _CLOSE_PAREN, close_paren, anchor=_FULL_WIDTH_CLOSE)
    mark_only = lambda m: m.group(1) or m.group(2)
    substitute(work, rule, _SPACE_BEFORE_MARK, mark_only, anchor=_MARKS_AFTER_SPACE)
    substitute(work, rule, _DOUBLE_SPACE, lambda m: " ", anchor=_SECOND_SPACE)
    substitute(work, rule, _ELLIPSES, lambda m: "…")


def _touches_cjk(text: str, start: int, end: int) -> bool:
    return bool(_CJK_CHAR.match(text[start - 1 : start])) or bool(_CJK_CHAR.match(text, end))


# --- spaced_hyphen ----------------------------------------------------------------------

# "high -tech", "COVID -19" (digits only after an acronym: "to -5 degrees" is a minus sign),
# "well- known" (but not "small- and medium-sized", a suspended hyphen).
# Each alternative starts with a literal, which lets the regex engine skip ahead quickly.
_SPACED_HYPHEN = re.compile(
    r" (?<=[A-Za-z] )-(?=[A-Za-z])| (?<=[A-Z][A-Z] )-(?=\d)|-(?<=[A-Za-z]-) (?!(?:and|or|to|nor)\b)(?=[a-z])"
)


_HYPHEN = Anchor(re.compile("-"), " ".__eq__)


def fix_spaced_hyphen(work: Work) -> None:
    substitute(work, "spaced_hyphen", _SPACED_HYPHEN, lambda m: "-", anchor=_HYPHEN)


# --- repeated_phrase --------------------------------------------------------------------

MAX_PHRASE_WORDS = 6
# Words that are never right twice in a row ("that that", "had had" can be).
DOUBLED_WORDS = {
    "a",
    "an",
    "the",
    "to",
    "of",
    "and",
    "further",
    "also",
    "will",
    "should",
    "its",
    "their",
}
# "w and w", "w by w" are idioms (more and more, step by step): a repeat overlapping one stays.
IDIOM_LINKS = {"and", "by", "after", "upon"}
_WORD = re.compile(r"[^\W_]+")
_PARTS = re.compile(f"({_WORD.pattern})")  # splits on words, keeping them
# _WORD for Rust's regex, whose \w also holds combining marks ("the\u0301the" is two words in
# Python, one in Rust): Python's \w is letters and numbers.
_WORD_IN_POLARS = r"[\p{L}\p{N}]+"
_STOP_CHARS = ".!?;:。！？；：\n"  # a sentence or clause ends: no repeat reaches across one
_STOP = re.compile(f"[{_STOP_CHARS}]")
_CLAUSES = re.compile(f"({_STOP.pattern})")  # splits at sentence ends, keeping them


# Past this many repeats a text is garbage (and each fix is a stored repair record): it is
# flagged, not repaired further.
MAX_REPEAT_FIXES = 200


def fix_repeated_phrase(work: Work) -> None:
    """Drop the second copy of an adjacent repeated run: 2+ words with a lower-case word in it
    ("to promote to promote", "on June 8, 2022 on June 8, 2022"), one word from
    DOUBLED_WORDS ("the the"), or "X of X" for 3+ words ("the first phase of the first
    phase"). Case and commas between words are ignored; a sentence end never is. Repeats are
    deleted one at a time, first one first, as a scan from the start after each would find.

    No repeat reaches across a sentence end (_STOP), so when the probe has named the clauses
    between them where a repeat may start (work.hint), only those are scanned."""
    if "too_many_repeats" in work.flags:
        return  # garbage: not repaired further in a later pass either
    if work.hint is None:
        pieces, scanned = [work.text], [0]
    else:  # clause, stop, clause, ..., clause
        pieces = _CLAUSES.split(work.text)
        scanned = [2 * clause for clause in work.hint if 2 * clause < len(pieces)]
    fixes = 0
    for number, index in enumerate(scanned):
        repeats = _Repeats(pieces[index], _Around(pieces, index))
        while fixes < MAX_REPEAT_FIXES and (found := repeats.find()) is not None:
            left, cut, right = repeats.delete(*found)
            work.record_between("repeated_phrase", left, cut, "", right)
            fixes += 1
        pieces[index] = repeats.text()
        if fixes == MAX_REPEAT_FIXES:
            later = (_Repeats(pieces[i]) for i in scanned[number + 1 :])
            if repeats.find() is not None or any(r.find() is not None for r in later):
                work.flag("too_many_repeats")
            break
    work.text = "".join(pieces)


class _Repeats:
    """A text's words, with the repeats deleted so far marked dead rather than cut out, so a
    deletion costs the few words around it instead of a new scan of the text.

    The text is kept as its words and the gap of text before each (`_PARTS`): a deletion runs
    from the end of a word to the end of a later one, so it takes whole words with their gaps."""

    SPAN = 2 * MAX_PHRASE_WORDS + 1  # words a repeat can cover ("X of X")

    def __init__(self, text: str, around: _Around | None = None):
        self.around = around  # the text around it, for the records
        self.parts = _PARTS.split(text)  # gap, word, gap, word, ..., text after the last word
        self.gaps, self.written = self.parts[0:-1:2], self.parts[1::2]
        self.words = list(map(str.lower, self.written))
        count = len(self.words)
        self.alive = [True] * count
        self.next_alive = list(range(1, count + 1))  # count: none
        self.prev_alive = list(range(-1, count - 1))
        self.cut = False  # no deletion yet: the living words are all the words
        self.queue = _repeat_starts(self.words)  # sorted, so already a heap

    def find(self) -> tuple[list[int], int, int] | None:
        """The first repeat left: (living words from its start, index in them of the first
        word to delete, how many to delete); or None."""
        while self.queue:
            i = heapq.heappop(self.queue)
            if self.alive[i] and (found := self._repeat_at(i)) is not None:
                return found
        return None

    def _repeat_at(self, i: int) -> tuple[list[int], int, int] | None:
        run = self._living(i, self.SPAN)
        words = [self.words[k] for k in run]
        for n in range(1, min(MAX_PHRASE_WORDS, len(run) // 2) + 1):
            if words[n] == words[0] and words[:n] == words[n : 2 * n]:
                if self._allowed(run[: 2 * n], n):
                    return run, n, n
            elif (
                n >= 3
                and words[n] == "of"
                and words[:n] == words[n + 1 : 2 * n + 1]
                and self._allowed(run[: 2 * n + 1], n)
            ):
                return run, n, n + 1
        return None

    def _allowed(self, run: list[int], n: int) -> bool:
        return _repeat_allowed([self.written[k] for k in run], [self.gaps[k] for k in run[1:]], n)

    def delete(self, run: list[int], first: int, count: int) -> tuple[str, str, str]:
        """Delete run[first : first + count] (and the gap before each), queue the starts whose
        words now reach across the cut, and return the current text's 80 characters left of
        the cut, the text cut and the 80 characters right of it, for the record."""
        doomed = run[first : first + count]
        before, after = run[first - 1], self.next_alive[doomed[-1]]
        left = self._text_back(before, 80)
        cut = "".join(self.gaps[k] + self.written[k] for k in doomed)
        right = self._text_on(after, 80)
        for k in doomed:
            self.alive[k] = False
            self.parts[2 * k] = self.parts[2 * k + 1] = ""
        self.next_alive[before] = after
        if after < len(self.words):
            self.prev_alive[after] = before
        self.cut = True
        self._queue_starts_across(before, after)
        return left, cut, right

    def _queue_starts_across(self, before: int, after: int) -> None:
        """Queue the starts whose words reach across the cut between living words `before`
        and `after` and whose word is said again within MAX_PHRASE_WORDS + 1 words: a repeat
        needs that, and the others were judged on words that did not change."""
        starts = self._living_back(before, self.SPAN)[::-1]
        ahead = self._living(after, MAX_PHRASE_WORDS + 1) if after < len(self.words) else []
        words = [self.words[k] for k in starts + ahead]
        for i, k in enumerate(starts):
            if _said_again(words, i):
                heapq.heappush(self.queue, k)

    def text(self) -> str:
        return "".join(self.parts)

    def _living(self, k: int, size: int) -> list[int]:
        if not self.cut:
            return list(range(k, min(k + size, len(self.words))))
        run = [k]
        while len(run) < size and (k := self.next_alive[k]) < len(self.words):
            run.append(k)
        return run

    def _living_back(self, k: int, size: int) -> list[int]:
        run = [k]
        while len(run) < size and (k := self.prev_alive[k]) >= 0:
            run.append(k)
        return run

    def _text_back(self, k: int, size: int) -> str:
        """The last `size` characters of the current text up to the end of living word k."""
        pieces, length = [self.written[k]], len(self.written[k])
        while length < size and k >= 0:
            pieces.append(self.gaps[k])
            length += len(self.gaps[k])
            if (k := self.prev_alive[k]) >= 0:
                pieces.append(self.written[k])
                length += len(self.written[k])
        if k < 0 and length < size and self.around:
            pieces.append(self.around.before(size - length))
        return "".join(reversed(pieces))[-size:]

    def _text_on(self, k: int, size: int) -> str:
        """The first `size` characters of the current text from the gap before living word k
        (k past the last word: the text after the last word)."""
        pieces, length = [], 0
        while length < size and k < len(self.words):
            pieces += [self.gaps[k], self.written[k]]
            length += len(self.gaps[k]) + len(self.written[k])
            k = self.next_alive[k]
        if length < size:
            pieces.append(self.parts[-1])
            if self.around:
                pieces.append(self.around.after(size - length - len(self.parts[-1])))
        return "".join(pieces)[:size]


@dataclass(frozen=True)
class _Around:
    """The current text before and after piece `index` of `pieces`, read only when a record
    needs it: a page of thousands of clauses must not copy itself once per clause."""

    pieces: list[str]
    index: int

    def before(self, size: int) -> str:
        """At least the last `size` characters before the piece (all there are, if fewer)."""
        backwards = (self.pieces[i] for i in reversed(range(self.index)))
        return "".join(reversed(_enough(backwards, size)))

    def after(self, size: int) -> str:
        """At least the first `size` characters after the piece (all there are, if fewer)."""
        return "".join(_enough(islice(self.pieces, self.index + 1, None), size))


def _enough(pieces: Iterable[str], size: int) -> list[str]:
    """The first pieces, as many as hold `size` characters (all of them, if they hold fewer)."""
    taken, length = [], 0
    for piece in pieces:
        if length >= size:
            break
        taken.append(piece)
        length += len(piece)
    return taken


FEW_WORDS = 64  # fewer words are scanned in Python: numpy's fixed cost would outweigh it


def _repeat_starts(words: list[str]) -> list[int]:
    """Every start of a repeat of words, in order, before _repeat_allowed has its say: of a
    few words, each said again within a repeat's reach; of more, by hash, with one-word
    repeats of any word kept. Both can only add starts, which _repeat_at then checks word by
    word."""
    if len(words) <= FEW_WORDS:
        return [i for i in range(len(words)) if _said_again(words, i)]
    ids = np.fromiter(map(hash, words), np.int64, len(words))
    return np.flatnonzero(_repeat_marks(ids, ids == _OF_HASH)).tolist()


def _said_again(words: list[str], i: int) -> bool:
    """Whether word i comes again within MAX_PHRASE_WORDS + 1 words: a repeat from i needs it."""
    return words[i] in words[i + 1 : i + MAX_PHRASE_WORDS + 2]


_OF_HASH = hash("of")


def _repeat_marks(
    ids: np.ndarray, is_of: np.ndarray, is_doubled: np.ndarray | None = None
) -> np.ndarray:
    """For each word id: whether the n words from it are followed by the same n (n <= 6; n = 1
    only where is_doubled, if given), or for n >= 3 by "of" and the same n; all at once."""
    found = np.zeros(len(ids), dtype=bool)
    for n in range(1, MAX_PHRASE_WORDS + 1):
        repeat = _equal_runs(ids, n, n)
        if n == 1 and is_doubled is not None:
            repeat &= is_doubled[: len(repeat)]
        found[: len(repeat)] |= repeat
        if n >= 3:
            linked = _equal_runs(ids, n + 1, n) & is_of[n : n + len(ids) - 2 * n]
            found[: len(linked)] |= linked
    return found


def _equal_runs(ids: np.ndarray, distance: int, n: int) -> np.ndarray:
    """For each i with room: ids[i + t] == ids[i + distance + t] for every t < n."""
    room = max(0, len(ids) - distance - n + 1)
    same = ids[:-distance] == ids[distance:]
    run = same[:room].copy()
    for t in range(1, n):
        run &= same[t : t + room]
    return run


def _repeat_allowed(written: list[str], gaps: list[str], n: int) -> bool:
    """Whether the run of words `written` (2n, or 2n + 1 with "of"), with `gaps` the text
    between them, is a repeat to delete."""
    if any(_STOP.search(gap) for gap in gaps) or _holds_idiom(list(map(str.lower, written))):
        return False
    if n == 1:
        return written[0].lower() in DOUBLED_WORDS
    return any(word[0].islower() for word in written[:n])


def _holds_idiom(words: list[str]) -> bool:
    return any(
        words[k] == words[k + 2] and words[k + 1] in IDIOM_LINKS for k in range(len(words) - 2)
    )


REPEAT_PROBE_ROWS = 512  # texts per probe, to bound its flat word columns
_WORD_OR_STOP_IN_POLARS = f"{_WORD_IN_POLARS}|{_STOP.pattern}"


def _column_repeats(column: pl.Series) -> pl.Series:
    """Per row, the clauses (numbered from 0 between _STOP characters, as _CLAUSES splits)
    where _repeat_marks marks a word; a slice of rows at a time, to bound the memory."""
    rows = range(0, len(column), REPEAT_PROBE_ROWS)
    parts = [_slice_repeats(column.slice(start, REPEAT_PROBE_ROWS)) for start in rows]
    return pl.concat(parts) if parts else pl.Series(dtype=pl.List(pl.Int64))


def _slice_repeats(column: pl.Series) -> pl.Series:
    """_column_repeats of a few rows: the words of all rows hashed by polars into one flat
    array, each hash mixed with its row's number so that no run reaches into the next row;
    a word's clause is the number of stops before it in its row."""
    # Cut into words first and lower-case the words, as the fix does: lower-casing "İt" first
    # gives "i̇t", which a combining dot cuts in two.
    tokens = column.fill_null("").str.extract_all(_WORD_OR_STOP_IN_POLARS)
    counts = tokens.list.len().to_numpy()
    flat = tokens.explode().drop_nulls().str.to_lowercase()
    is_stop = flat.is_in(list(_STOP_CHARS)).to_numpy()
    stops_before = np.cumsum(is_stop) - is_stop
    clause = stops_before - stops_before[np.repeat(np.cumsum(counts) - counts, counts)]
    word = ~is_stop
    row, clause = np.repeat(np.arange(len(column)), counts)[word], clause[word]
    hashes = flat.hash().to_numpy()[word]
    ids = (hashes + row.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)).view(np.int64)

    def hashed(*words: str) -> np.ndarray:  # which words are one of these
        return np.isin(hashes, pl.Series(words).hash().to_numpy())

    marked = _repeat_marks(ids, hashed("of"), hashed(*DOUBLED_WORDS))
    found = pl.DataFrame({"row": row[marked], "clause": clause[marked]})
    lists = found.unique().sort("row", "clause").group_by("row", maintain_order=True).all()
    every = pl.DataFrame({"row": np.arange(len(column))})
    joined = every.join(lists, on="row", how="left", maintain_order="left")
    return joined["clause"].fill_null([])


# --- duplicate_sentence -----------------------------------------------------------------

MIN_SENTENCE_WORDS = 4
# Pieces ending at each . ! ? : equal sentences are made of equal pieces.
_PIECES = r"[^.!?。！？\s][^.!?。！？]*[.!?。！？]"


def fix_duplicate_sentence(work: Work) -> None:
    """Drop a sentence of 4+ words that already occurred earlier in the same text, last one
    first, with the spaces on one side of it; past MAX_REPEAT_FIXES of them, flag the text.
    The text after each cut is kept as pieces and joined once: cutting from a copy of the
    whole text each time is quadratic on a page of thousands of repeated sentences."""
    text = work.text
    duplicates = _duplicates(text, set())
    if len(duplicates) > MAX_REPEAT_FIXES:
        work.flag("too_many_repeats")  # garbage, left as it is (validation quarantines it)
        return
    right: list[str] = []  # the current text after `done`, its pieces in reverse order
    done = len(text)
    for start, end in reversed(duplicates):
        if end < done:  # no empty pieces: _head walks past them
            right.append(text[end:done])
        if text[max(0, start - 1) : start] in " \t":  # as left[-1:] in " \t"
            cut_from = start
            while cut_from > 0 and text[cut_from - 1] in " \t":
                cut_from -= 1
            cut = text[cut_from:end]
        else:
            cut_from, cut = start, text[start:end] + _take_leading_spaces(right)
        work.record_between(
            "duplicate_sentence", text[max(0, cut_from - 80) : cut_from], cut, "", _head(right, 80)
        )
        done = cut_from
    if done < len(text):
        work.text = text[:done] + "".join(reversed(right))


def _take_leading_spaces(pieces: list[str]) -> str:
    """Remove the spaces and tabs that start the text of pieces (in reverse order); return them."""
    taken = []
    while pieces:
        rest = pieces[-1].lstrip(" \t")
        taken.append(pieces[-1][: len(pieces[-1]) - len(rest)])
        if rest:
            pieces[-1] = rest
            break
        pieces.pop()
    return "".join(taken)


def _head(pieces: list[str], size: int) -> str:
    """The first `size` characters of the text of pieces (in reverse order)."""
    return "".join(_enough(reversed(pieces), size))[:size]


def _duplicates(text: str, seen: set[str]) -> list[tuple[int, int]]:
    spans = []
    for start, end in sentence_spans(text):
        sentence = " ".join(text[start:end].split())
        if len(sentence.split()) < MIN_SENTENCE_WORDS:
            continue
        if sentence in seen:
            spans.append((start, end))
        seen.add(sentence)
    return spans


def _column_repeated_pieces(column: pl.Series, _field: str) -> pl.Series:
    """Sentences are compared with their whitespace runs made one space (Python's whitespace,
    which also holds \x1c-\x1f), so the pieces are too."""
    spaced = column.fill_null("").str.replace_all(r"[\s\x1c-\x1f]+", " ")
    pieces = spaced.str.extract_all(_PIECES)
    return (pieces.list.n_unique() < pieces.list.len()).fill_null(False)


# --- repeated_clause_opener (flag only) -------------------------------------------------

_OPENERS = r"(?:since|after|before|with|through|according to|in order to|while|when)"
# Searched in the lower-cased text: (?i) makes Python's re twice as slow here.
_REPEATED_OPENER = re.compile(rf"\b({_OPENERS} \w+(?: \w+){{1,3}}) [^,.;:!?]{{1,120}}?, \1\b")
# Its probe (polars has no \1): an opener, then ", " and an opener again, no , . ; : ! ? between.
_OPENER_AGAIN = rf"(?i){_OPENERS} [^,.;:!?]+, {_OPENERS} "


def flag_repeated_clause_opener(work: Work) -> None:
    """ "Since the establishment of X, since the establishment of Y": the translator merged two
    clauses; which one to keep needs a human, so the record is flagged, not changed."""
    if _REPEATED_OPENER.search(work.text.lower()):
        work.flag("repeated_clause_opener")


# --- truncation -------------------------------------------------------------------------

# A dangling bracket fragment ("[Cla", "[Click") or trailing dots left where a page cut text.
_END_MARKER_PATTERN = (
    r"(?:[ \t]*[\[【][A-Za-z ]{0,20}|[ \t]*(?:\.{3,}|…+))+[ \t]*\n?$"  # polars; \n?$ is Python's $
)
# The same for Python's backtracking engine, with possessive runs: otherwise a run of dots that
# is not at the end ("....x") is cut into runs of 3+ dots every possible way (exponential).
_END_MARKER = re.compile(r"(?:[ \t]*+(?:[\[【][A-Za-z ]{0,20}+|\.{3,}+|…++))+[ \t]*$")
_FINAL_PUNCTUATION = r"[.!?…。！？][\"'”’)）」]*\s*$"
_FINAL_PUNCTUATION_RE = re.compile(_FINAL_PUNCTUATION)
TAIL = 64  # characters at the end that truncation looks at


def _end_marker(text: str) -> re.Match | None:
    return _END_MARKER.search(text, max(0, len(text) - TAIL))


def _open_end(text: str) -> bool:
    return bool(text.strip()) and not _FINAL_PUNCTUATION_RE.search(text, max(0, len(text) - TAIL))


def fix_truncation(work: Work) -> None:
    """Remove a cut-off marker at the end and mark the record truncated; a body that stops
    mid-sentence (no final punctuation) is marked truncated too, with no change."""
    match = _end_marker(work.text)
    if match and match.start() > 0:
        work.record("truncation", match.start(), match.end(), "")
        work.text = work.text[: match.start()]
        work.truncated = True
    if work.part == "body" and _open_end(work.text):
        work.truncated = True


def _column_could_be_truncated(column: pl.Series, part: str) -> pl.Series:
    marked = column.str.contains(_END_MARKER_PATTERN)
    if part != "body":
        return marked
    open_end = ~column.str.contains(_FINAL_PUNCTUATION) & column.str.contains(r"\S")
    return marked | open_end


# --- the catalogue ----------------------------------------------------------------------

RULES: list[Rule] = [
    regex_rule(
        "invisible",
        "zero-width spaces, soft hyphens, byte-order marks and bidi controls removed",
        fix_invisible,
        _INVISIBLE,
    ),
    regex_rule(
        "mojibake",
        "UTF-8 read as Latin-1/cp1252, fixed with ftfy (donâ€™t -> don’t)",
        fix_mojibake,
        _MOJIBAKE_PAIR,
    ),
    regex_rule(
        "cjk_residue",
        "untranslated Chinese translated through the configured providers (default: the offline"
        " glossary, recorded as translate_glossary; none: left as is)",
        fix_cjk_residue,
        _CJK_CHAR.pattern,
    ),
    Rule(
        "truncation",
        "cut-off end ([Cla, [Click, trailing ...) removed; mid-sentence body end marks truncated",
        fix_truncation,
        _column_could_be_truncated,
    ),
    Rule(
        "repeated_phrase",
        "adjacent repeated words (to promote to promote, the the); never step by step, Walla Walla",
        fix_repeated_phrase,
        lambda column, _part: _column_repeats(column),
    ),
    regex_rule(
        "punctuation",
        "full-width ，：；（）！？ to ASCII with spacing, no space before , . ; :, single spaces, …",
        fix_punctuation,
        r"[，：；！？。（）]|\S[ \t]+[,.;:](?:\s|$)|\S {2,}\S|……",
    ),
    regex_rule(
        "spaced_hyphen",
        "hyphen with a space on one side (high -tech, COVID -19, well- known); not ' - ' dashes",
        fix_spaced_hyphen,
        r"[A-Za-z] -[A-Za-z0-9]|[A-Za-z]- [a-z]",
    ),
    Rule(
        "duplicate_sentence",
        "a sentence that already occurred in the same text, adjacent or not; the second goes",
        fix_duplicate_sentence,
        _column_repeated_pieces,
    ),
    regex_rule(
        "repeated_clause_opener",
        "flag only: 'Since X, since Y' clauses merged by the translator",
        flag_repeated_clause_opener,
        _OPENER_AGAIN,
    ),
]
RULE_NAMES = [rule.name for rule in RULES]


def _active(enabled: set[str] | None) -> list[Rule]:
    if enabled is not None and (unknown := set(enabled) - set(RULE_NAMES)):
        raise ValueError(f"unknown repair rule: {', '.join(sorted(unknown))}")
    return [rule for rule in RULES if enabled is None or rule.name in enabled]


# A rule can leave work for one that runs before it (truncation cuts "[" off "a ,[", leaving
# " ," for punctuation): the rules run again over what a pass changed, so that repairing
# repaired text changes nothing. Three passes settle every text seen so far.
MAX_PASSES = 3


def repair_text(
    text: str, enabled: set[str] | None = None, translator=None, part: str = "body"
) -> tuple[str, list[dict], list[str], bool]:
    """One string through every rule, pass after pass while a pass changes the text (see
    MAX_PASSES): (text, repairs, flags, truncated). A fix changes nothing where its rule does
    not apply, so no probe is needed here."""
    work = Work(text, part, translator=translator)
    rules = _active(enabled)
    for _ in range(MAX_PASSES):
        before = work.text
        for rule in rules:
            work.apply(rule)
        if work.text == before:
            break
    return work.text, work.repairs, work.flags, work.truncated


def repair_frame(
    df: pl.DataFrame, columns: dict[str, str], enabled: set[str] | None = None, translator=None
) -> pl.DataFrame:
    """Add the repaired clean columns, `repairs`, `flags`, and OR `truncated` when present.

    Each distinct text is repaired once (teasers and headlines recur across pages) and the
    results are joined back, so Python builds values only for the texts that changed."""
    rules = _active(enabled)
    out = df
    repairs, flags, truncated = [], [], []
    for number, (raw, clean) in enumerate(columns.items()):
        part = "title" if clean in TITLE_COLUMNS else "body"
        fixes = _repair_distinct(df[raw], part, rules, translator).rename(
            {name: f"_{name}_{number}" for name in ("text", "repairs", "flags", "truncated")}
        )
        out = out.join(fixes, on=raw, how="left", maintain_order="left").with_columns(
            pl.coalesce(f"_text_{number}", raw).alias(clean)
        )
        repairs.append(pl.col(f"_repairs_{number}").fill_null([]))
        flags.append(pl.col(f"_flags_{number}").fill_null([]))
        truncated.append(pl.col(f"_truncated_{number}").fill_null(False))
    out = out.with_columns(
        pl.concat_list(repairs).alias("repairs"),
        pl.concat_list(flags).list.unique(maintain_order=True).alias("flags"),
    )
    if "truncated" in out.columns:
        out = out.with_columns(pl.any_horizontal(pl.col("truncated").fill_null(False), *truncated))
    return out.select(
        *df.columns, *(c for c in out.columns if c not in df.columns and not c.startswith("_"))
    )


def _repair_distinct(column: pl.Series, part: str, rules: list[Rule], translator) -> pl.DataFrame:
    """One row per distinct text some rule touched: the text as key, and its repaired text,
    repairs, flags and truncated. Rule by rule: each probe sees the texts as the rules before
    it left them, and each fix runs only on the rows its probe selects. Then again, as
    repair_text does, each rule over the rows changed since it saw them (a fix leaves nothing
    for itself to do)."""
    keys = column.drop_nulls().unique()
    current = keys.clone()  # the texts as the rules left them; a Work's text once it has one
    translations = _prefetch(keys, translator) if "cjk_residue" in {r.name for r in rules} else {}
    works: dict[int, Work] = {}
    version = [0] * len(keys)  # how many times each row's text changed
    seen: list[dict[int, int]] = [{} for _ in rules]  # per rule: row -> version it last saw
    for _ in range(MAX_PASSES):
        stale_rows = 0
        for rule, saw in zip(rules, seen, strict=True):
            rows = [row for row, v in enumerate(version) if saw.get(row) != v]
            stale_rows += len(rows)
            if not rows:
                continue
            probed = rule.probe(current if len(rows) == len(keys) else current[rows], part)
            hints = None if probed.dtype == pl.Boolean else probed.to_list()
            changed = []
            for index in selected(probed).arg_true().to_list():
                row = rows[index]
                if row not in works:
                    works[row] = Work(keys[row], part, translations, translator)
                work = works[row]
                before = work.text
                work.hint = None if hints is None else hints[index]
                work.apply(rule)
                if work.text != before:
                    version[row] += 1
                    changed.append(row)
            if changed:
                current = current.scatter(changed, [works[row].text for row in changed])
            saw.update((row, version[row]) for row in rows)
        if not stale_rows:
            break
    touched = sorted(works)
    return pl.DataFrame(
        {
            column.name: keys.gather(touched),
            "text": [works[row].text for row in touched],
            "repairs": _repairs_column([works[row].repairs for row in touched]),
            "flags": [works[row].flags for row in touched],
            "truncated": [works[row].truncated for row in touched],
        },
        schema={
            column.name: pl.String,
            "text": pl.String,
            "repairs": pl.List(REPAIR),
            "flags": pl.List(pl.String),
            "truncated": pl.Boolean,
        },
    )


def _repairs_column(repairs: list[list[dict]]) -> pl.Series:
    """The repairs of each text as one list column, built from flat columns: polars builds
    structs from Python dicts ten times slower."""
    owner, fields = [], {name: [] for name in REPAIR.to_schema()}
    for number, made in enumerate(repairs):
        owner += [number] * len(made)
        for name, values in fields.items():
            values += [repair[name] for repair in made]
    flat = pl.DataFrame(
        {"owner": owner, **fields}, schema={"owner": pl.Int64, **REPAIR.to_schema()}
    )
    lists = flat.group_by("owner").agg(pl.struct(*REPAIR.to_schema()).alias("repairs"))
    every = pl.DataFrame({"owner": range(len(repairs))}, schema={"owner": pl.Int64})
    joined = every.join(lists, on="owner", how="left", maintain_order="left")
    return joined["repairs"].fill_null([])


def _prefetch(texts: pl.Series, translator) -> dict[str, object]:
    """Translate every Chinese fragment of the texts in one concurrent batch."""
    if translator is None:
        return {}
    fragments = set()
    for text in texts.filter(texts.str.contains(_CJK_CHAR.pattern)):
        for start, end in residue_spans(text):
            start, end = _with_closing_bracket(text, start, end)
            fragments.add(text[start:end].strip(_EDGE_MARKS))
    return translator.translate_many(sorted(fragments)) if fragments else {}
