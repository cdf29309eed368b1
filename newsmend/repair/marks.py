"""Which rules could change each text, for the engine: one compiled pass over each text
(_textcore.repair_marks) instead of a polars probe per rule; or, as the reference (and what
NEWSMEND_TEXT_CORE=python runs), the rules' own probes. Either way a text gets the bit of each
rule whose probe selects it, and the places to look at where a probe names them
(repeated_phrase's clauses; see Rule.probe)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import polars as pl

from newsmend.repair.repeats import DOUBLED_WORDS, MIN_SENTENCE_WORDS
from newsmend.repair.rule import Rule, selected
from newsmend.textcore import compiled

# Every rule of the catalogue, in the order of repair_marks' bits.
MARKED = (
    "html_entity",
    "invisible",
    "mojibake",
    "cjk_residue",
    "truncation",
    "repeated_phrase",
    "punctuation",
    "spacing",
    "spaced_hyphen",
    "duplicate_sentence",
    "repeated_clause_opener",
)
_DOUBLED = sorted(DOUBLED_WORDS)
KNOWN = (1 << len(MARKED)) - 1  # the bits repair_marks finds

# Per text a bit mask, and per rule whose probe names places: {text number: places}.
Marks = tuple[list[int], dict[str, dict[int, list[int]]]]


def bit(rule: Rule, rules: list[Rule]) -> int:
    """The rule's bit: its place in MARKED; a rule repair_marks does not know (a test's) has
    one after those, which its own probe sets."""
    if rule.name in MARKED:
        return 1 << MARKED.index(rule.name)
    return 1 << (len(MARKED) + rules.index(rule))


# The bits repair_marks finds in one scan of a text: its words (repeated_phrase), its
# sentences (duplicate_sentence), its characters (the others).
_WORDS = 1 << MARKED.index("repeated_phrase")
_SENTENCES = 1 << MARKED.index("duplicate_sentence")
SCANS = (_WORDS, _SENTENCES, KNOWN & ~_WORDS & ~_SENTENCES)


def scan(rule: Rule, rules: list[Rule]) -> int:
    """The bits found with the rule's, by the same scan (or probe)."""
    mine = bit(rule, rules)
    return next((bits for bits in SCANS if bits & mine), mine)


def marks_compiled(texts: list[str], part: str, rules: list[Rule], wanted: int = -1) -> Marks:
    """The marks of the rules in MARKED in one pass over each text, and of the others by their
    probes: of all, or of those found by the same scans as the wanted ones."""
    known, clauses = compiled.repair_marks(
        texts, part == "body", _DOUBLED, MIN_SENTENCE_WORDS, wanted & KNOWN
    )
    others = [rule for rule in rules if rule.name not in MARKED and bit(rule, rules) & wanted]
    probed, places = _probed(texts, part, others, rules)
    if wanted & _WORDS:
        places["repeated_phrase"] = clauses
    return [a | b for a, b in zip(known, probed, strict=True)], places


def marks_reference(texts: list[str], part: str, rules: list[Rule], wanted: int = -1) -> Marks:
    """The marks of `rules` (those of their scans holding a wanted one), by their own probes
    (polars)."""
    return _probed(texts, part, [rule for rule in rules if scan(rule, rules) & wanted], rules)


def _probed(texts: list[str], part: str, probing: list[Rule], rules: list[Rule]) -> Marks:
    marks, places = [0] * len(texts), {}
    column = pl.Series(texts, dtype=pl.String) if probing else None
    for rule in probing:
        probed = rule.probe(column, part)
        rows = selected(probed).arg_true().to_list()
        for row in rows:
            marks[row] |= bit(rule, rules)
        if probed.dtype != pl.Boolean:
            places[rule.name] = {row: probed[row].to_list() for row in rows}
    return marks, places


mark = marks_compiled if compiled else marks_reference


class Marked:
    """The marks of a column's texts, kept up to date as the fixes change them: the engine
    changes texts[row] and says so (changed); when a rule next asks, the rows changed since
    their last scan for its bit are scanned again, all at once."""

    def __init__(self, texts: list[str], part: str, rules: list[Rule]):
        self.texts, self.part, self.rules = texts, part, rules
        self.marks, self.places = mark(texts, part, rules)
        self.every = sum(bit(rule, rules) for rule in rules)
        self.stale: dict[int, int] = {}  # row -> the bits found before its text changed

    def changed(self, row: int) -> None:
        self.stale[row] = self.every

    def selected(self, rule: Rule, rows: Sequence[int]) -> Iterator[int]:
        """The rows, of those given (in order), whose text as it is now the rule's probe
        selects. Only those are scanned again: a stale row not asked about stays stale."""
        wanted, stale = bit(rule, self.rules), self.stale
        if again := [row for row in rows if stale.get(row, 0) & wanted]:
            self._scan_again(again, scan(rule, self.rules))
        marks = self.marks
        return (row for row in rows if marks[row] & wanted)

    def place(self, rule: Rule, row: int) -> list[int] | None:
        """Where the rule's probe says to look in the row's text (None: it names no places)."""
        places = self.places.get(rule.name)
        return None if places is None else places.get(row, [])

    def _scan_again(self, rows: list[int], bits: int) -> None:
        marks, places = mark([self.texts[row] for row in rows], self.part, self.rules, bits)
        for row, found in zip(rows, marks, strict=True):
            self.marks[row] = self.marks[row] & ~bits | found
            if not (stale := self.stale[row] & ~bits):
                del self.stale[row]
            else:
                self.stale[row] = stale
        for name, found in places.items():
            mine = self.places.setdefault(name, {})
            for row in rows:
                mine.pop(row, None)
            mine.update((rows[index], where) for index, where in found.items())
