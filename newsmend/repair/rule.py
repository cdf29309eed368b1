"""What a repair rule is, and the tools rules are written with: a Work (one text going
through the rules, with the changes recorded), a Rule (name, description, fix, probe), and
substitute: re.sub that records each change, optionally searching from an Anchor."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

import polars as pl

from newsmend.textcore import compiled

CONTEXT_WORDS = 3
_log = logging.getLogger(__name__)


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
        start, stop, end = context_bounds(left, right)
        left, right = left[start:stop], right[:end]
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


def _context_bounds_reference(left: str, right: str) -> tuple[int, int, int]:
    """(start, stop, end): a repair's context is left[start:stop], the last words of left up
    to its final newline, and right[:end], the first words of right. The left words are
    _RIGHT_CONTEXT matched on the reversed window, which is what searching forwards for them
    finds, without trying every start in the window. The reference; context_bounds is the
    compiled text core's."""
    window = left.removesuffix("\n")
    words = _RIGHT_CONTEXT.match(window[::-1]).end()
    return len(window) - words, len(window), _RIGHT_CONTEXT.match(right).end()


context_bounds = compiled.context_bounds if compiled else _context_bounds_reference


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
    if anchor is not None and anchor.chars and not any(char in text for char in anchor.chars):
        return
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
    # If given, every match of `find` holds one of these characters: a text holding none is
    # passed over by str's search, which is faster than the regex engine's, and instant for
    # a character the text is too narrow to hold (Chinese marks in a Latin-1 text).
    chars: str = ""


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
