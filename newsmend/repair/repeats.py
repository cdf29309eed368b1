"""What the translator said twice: an adjacent repeated phrase ("to promote to promote"), a
sentence said again in the same text, and a clause opener said twice (flagged only)."""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice

import numpy as np
import polars as pl

from newsmend.repair.rule import Rule, Work, regex_rule
from newsmend.text import sentence_spans_reference
from newsmend.textcore import compiled

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
_DOUBLED, _IDIOM_LINKS = sorted(DOUBLED_WORDS), sorted(IDIOM_LINKS)  # for the compiled core
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


def fix_repeated_phrase_reference(work: Work) -> None:
    """Drop the second copy of an adjacent repeated run: 2+ words with a lower-case word in it
    ("to promote to promote", "on June 8, 2022 on June 8, 2022"), one word from
    DOUBLED_WORDS ("the the"), or "X of X" for 3+ words ("the first phase of the first
    phase"). Case and commas between words are ignored; a sentence end never is. Repeats are
    deleted one at a time, first one first, as a scan from the start after each would find.

    No repeat reaches across a sentence end (_STOP), so when the probe has named the clauses
    between them where a repeat may start (work.hint), only those are scanned. The reference;
    fix_repeated_phrase is the compiled text core's."""
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


def fix_repeated_phrase_compiled(work: Work) -> None:
    """fix_repeated_phrase_reference, with the deletions found by the compiled text core: each
    cut from the text as the ones before it left it (at most MAX_REPEAT_FIXES copies)."""
    if "too_many_repeats" in work.flags:
        return
    cuts, more = compiled.repeat_deletions(
        work.text, work.hint, MAX_REPEAT_FIXES, _DOUBLED, _IDIOM_LINKS
    )
    text = work.text
    for start, end in cuts:
        left, right = text[max(0, start - 80) : start], text[end : end + 80]
        work.record_between("repeated_phrase", left, text[start:end], "", right)
        text = text[:start] + text[end:]
    work.text = text
    if more:
        work.flag("too_many_repeats")


fix_repeated_phrase = fix_repeated_phrase_compiled if compiled else fix_repeated_phrase_reference


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


def _column_repeats_compiled(column: pl.Series) -> pl.Series:
    """_column_repeats_reference by the compiled text core, which splits and lower-cases words
    as the fix does (Python's isalnum, str.lower) and compares them, not their hashes."""
    clauses = compiled.repeat_clauses(column.to_list(), sorted(DOUBLED_WORDS))
    return pl.Series(clauses, dtype=pl.List(pl.Int64))


def _column_repeats_reference(column: pl.Series) -> pl.Series:
    """Per row, the clauses (numbered from 0 between _STOP characters, as _CLAUSES splits)
    where _repeat_marks marks a word; a slice of rows at a time, to bound the memory."""
    rows = range(0, len(column), REPEAT_PROBE_ROWS)
    parts = [_slice_repeats(column.slice(start, REPEAT_PROBE_ROWS)) for start in rows]
    return pl.concat(parts) if parts else pl.Series(dtype=pl.List(pl.Int64))


def _slice_repeats(column: pl.Series) -> pl.Series:
    """_column_repeats_reference of a few rows: the words of all rows hashed by polars into one flat
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


_column_repeats = _column_repeats_compiled if compiled else _column_repeats_reference


REPEATED_PHRASE = Rule(
    "repeated_phrase",
    "adjacent repeated words (to promote to promote, the the); never step by step, Walla Walla",
    fix_repeated_phrase,
    lambda column, _part: _column_repeats(column),
)


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
    duplicates = _duplicates(text)
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


def _duplicates_reference(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of MIN_SENTENCE_WORDS+ words said earlier in the text
    (whitespace runs aside). The reference; _duplicates is the compiled text core's."""
    spans, seen = [], set()
    for start, end in sentence_spans_reference(text):
        sentence = " ".join(text[start:end].split())
        if len(sentence.split()) < MIN_SENTENCE_WORDS:
            continue
        if sentence in seen:
            spans.append((start, end))
        seen.add(sentence)
    return spans


def _duplicates_compiled(text: str) -> list[tuple[int, int]]:
    return compiled.duplicate_spans(text, MIN_SENTENCE_WORDS)


def _column_has_duplicates(column: pl.Series, _part: str) -> pl.Series:
    """Exactly the texts _duplicates finds a sentence in (the compiled text core's probe)."""
    found = compiled.have_duplicate_sentences(column.to_list(), MIN_SENTENCE_WORDS)
    return pl.Series(found, dtype=pl.Boolean)


_duplicates = _duplicates_compiled if compiled else _duplicates_reference


def _column_repeated_pieces(column: pl.Series, _part: str) -> pl.Series:
    """The reference's probe: sentences are compared with their whitespace runs made one space (Python's whitespace,
    which also holds \x1c-\x1f), so the pieces are too."""
    spaced = column.fill_null("").str.replace_all(r"[\s\x1c-\x1f]+", " ")
    pieces = spaced.str.extract_all(_PIECES)
    return (pieces.list.n_unique() < pieces.list.len()).fill_null(False)


DUPLICATE_SENTENCE = Rule(
    "duplicate_sentence",
    "a sentence that already occurred in the same text, adjacent or not; the second goes",
    fix_duplicate_sentence,
    _column_has_duplicates if compiled else _column_repeated_pieces,
)


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


REPEATED_CLAUSE_OPENER = regex_rule(
    "repeated_clause_opener",
    "flag only: 'Since X, since Y' clauses merged by the translator",
    flag_repeated_clause_opener,
    _OPENER_AGAIN,
)
