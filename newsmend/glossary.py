"""Offline translation of short Chinese spans: names of places, people and organisations, and
page labels, written as English news writes them ("Luhuo County", "Zhang Wei").

A span is looked up, in this order, in the table of official names (names whose English is
not pinyin: "陈巴尔虎旗" Chen Barag Banner), as a person's name (a family name and one or two
characters), and else cut into words with jieba, each word written as:

- an official name, an organisation or a page label of the tables;
- a place: a name and an administrative unit ("炉霍县" Luhuo County), maybe with a people
  ("北川羌族自治县" Beichuan Qiang Autonomous County);
- a proper noun of CC-CEDICT: the English name its definition starts with ("Togtoh county,
  ..." gives Togtoh), else its pinyin run together ("Lu2 huo4" gives Luhuo), which knows the
  reading of the name ("六合" Luhe, not Liuhe);
- a common word of CC-CEDICT: its first English sense;
- anything else: its pinyin, run together and capitalised as a name.

The dictionary, jieba's and pypinyin's tables are read a word at a time from a file built
once (newsmend/lexicon.py), so a run with no Chinese left (or every span in the translation
cache) pays nothing and a span a fraction of a millisecond.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from importlib.metadata import version
from importlib.resources import files

from newsmend.lexicon import PACKAGES, join_syllables, lexicon
from newsmend.tables import read_lines, read_toml

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# A span with clause punctuation is a sentence, not a name or a label.
_CLAUSE = re.compile(r"[，。！？；,.!?;]")
# Names listed side by side, or a foreign name's parts ("约翰·史密斯").
_SEPARATORS = re.compile(r"[\s、·•]+")
OFFICIAL_NAMES = "official_names.tsv"


class Glossary:
    """Chinese names and labels to English without a network; see the module's docstring."""

    def __init__(self) -> None:
        tables = read_toml("glossary.toml")
        self.max_chars: int = tables["max_chars"]
        self.suffixes: dict[str, str] = tables["suffixes"]
        self.units_in_short_names: list[str] = tables["units_in_short_names"]
        self.ethnic_groups: dict[str, str] = tables["ethnic_groups"]
        self.words: dict[str, str] = {**tables["organisations"], **tables["labels"]}
        self.family_names: dict[str, str] = tables["family_names"]
        self.official = official_names()

    def accepts(self, text: str) -> bool:
        """Whether the span is short enough to be a name or a label (see max_chars)."""
        return len(_HAN.findall(text)) <= self.max_chars and not _CLAUSE.search(text)

    def translate(self, text: str) -> str:
        """English for a short span (names side by side are translated one by one)."""
        parts = [part for part in _SEPARATORS.split(text.strip()) if part]
        return " ".join(self._phrase(part) for part in parts)

    def _phrase(self, text: str) -> str:
        if text in self.official:
            return self.official[text]
        return self._person(text) or " ".join(self._word(word) for word in self._words(text))

    def _words(self, text: str) -> list[str]:
        """The span as one word when a table or the dictionary knows it, else jieba's words."""
        if self._known(text) or (self._place(text) and not self._inner_unit(text)):
            return [text]
        return lexicon().segment(text)

    def _inner_unit(self, text: str) -> bool:
        """Whether a unit ends a name inside the span ("长兴县夹浦镇"): jieba cuts it there."""
        return any(suffix in text[:-1] for suffix in self.suffixes)

    def _known(self, word: str) -> bool:
        return word in self.official or word in self.words or lexicon().word(word) is not None

    def _word(self, word: str) -> str:
        if not _HAN.search(word):
            return word
        for table in (self.official, self.words, self.suffixes, self.ethnic_groups):
            if word in table:
                return table[word]
        return self._place(word) or self._dictionary(word) or romanise(word)

    def _place(self, word: str) -> str | None:
        """'<name> <unit>' for a name ending in an administrative unit ("漳扎镇" Zhangza
        Town), unless the dictionary has the whole word as a common word ("城市" city)."""
        entry = lexicon().word(word)
        if entry and not entry.proper:
            return None
        suffix = next((s for s in self._suffixes_longest_first() if word.endswith(s)), None)
        if suffix is None or len(word) == len(suffix):
            return None
        stem = word[: -len(suffix)]
        if len(stem) == 1 and suffix in self.units_in_short_names:
            return romanise(word)
        group = next((g for g in self.ethnic_groups if stem.endswith(g) and stem != g), None)
        if group:
            stem = stem[: -len(group)]
        people = f" {self.ethnic_groups[group]}" if group else ""
        return f"{self._name(stem)}{people} {self.suffixes[suffix]}"

    def _suffixes_longest_first(self) -> list[str]:
        return sorted(self.suffixes, key=len, reverse=True)

    def _name(self, stem: str) -> str:
        """A place's own name: official, else the dictionary's, else its pinyin."""
        if stem in self.official:
            return self.official[stem]
        entry = lexicon().word(stem)
        return entry.name if entry and entry.proper else romanise(stem)

    def _dictionary(self, word: str) -> str | None:
        entry = lexicon().word(word)
        if not entry:
            return None
        return entry.name if entry.proper and len(word) > 1 else entry.sense

    def _person(self, text: str) -> str | None:
        """'Family Given' for a span that is a family name and one or two characters and
        that the dictionary does not know as a word ("张伟" Zhang Wei, "欧阳敏" Ouyang Min)."""
        if lexicon().word(text) or self._place(text) or text in self.words:
            return None
        family = next((f for f in self.family_names if text.startswith(f)), None)
        given = text[len(family) :] if family else ""
        if not family or not 1 <= len(given) <= 2 or not _HAN.fullmatch(given[-1]):
            return None
        return f"{self.family_names[family]} {romanise(given)}"


def romanise(text: str) -> str:
    """Pinyin of a name, run together and capitalised ("漳扎" Zhangza, "淳安" Chun'an)."""
    return join_syllables(lexicon().pinyin(text))


@cache
def official_names() -> dict[str, str]:
    """Chinese -> official English, from tables/official_names.tsv (chinese, english, source)."""
    rows = (line.split("\t") for line in read_lines(OFFICIAL_NAMES))
    return {row[0]: row[1] for row in rows if row[0] != "chinese"}


@cache
def glossary() -> Glossary:
    """The process's glossary (tables read once)."""
    return Glossary()


@cache
def glossary_version() -> str:
    """What the glossary's answers depend on: its tables and the versions of the packages
    behind it. Part of the translation cache's key, so a changed table is not answered from
    answers cached before."""
    digest = hashlib.sha256()
    for name in ("glossary.toml", OFFICIAL_NAMES):
        digest.update(files("newsmend.tables").joinpath(name).read_bytes())
    for package in PACKAGES:
        digest.update(version(package).encode())
    return digest.hexdigest()[:12]
