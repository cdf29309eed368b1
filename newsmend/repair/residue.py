"""Chinese left in the English: translated through the configured providers, or dropped when
it is page furniture or a gloss of the English beside it."""

from __future__ import annotations

import re

import polars as pl

from newsmend.repair.rule import Work, regex_rule
from newsmend.text import is_gloss, residue_spans

CJK_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# --- cjk_residue ------------------------------------------------------------------------
ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")  # a title holding one is written in English too

_OPEN_CLOSE = {"（": "）", "(": ")", "【": "】", "「": "」"}
_EDGE_MARKS = "（）()【】「」：:，,。 \u3000"
# English that is page furniture, not content: link labels and reporter/editor credits, which
# the credits stage reads from their own lines.
_FURNITURE = re.compile(
    r"(?i)^(?:click(?: here)?(?: to)? (?:view|read|see)(?: more)?|read (?:more|the original)"
    r"|(?:reporter|correspondent|editor(?: in charge)?|responsible editor)\b.*)$"
)


# The ideograph "丨" written as a bar between a headline's parts ("Popular Science Animation丨Fast
# and Fierce"): a bar, not a word to translate (a dictionary gives "radical in Chinese characters").
_BAR = "丨"
# Chinese page furniture, dropped with or without a translator: link labels ("点击查看") and
# reporter or editor credits ("（记者 张伟）"), which the credits stage reads from their own lines.
_CJK_FURNITURE = re.compile(
    r"^(?:点击(?:查看|阅读|这里|进入)\S{0,4}|阅读原文|查看原文|更多精彩"
    r"|(?:记者|通讯员|摄影|(?:责任)?编辑|审核|校对)[：:\s]*[\u4e00-\u9fff]{2,4}(?:[\s、，,]+[\u4e00-\u9fff]{2,4})*)$"
)


def fix_cjk_residue(work: Work) -> None:
    """Replace each Chinese run by its English; "丨" alone between English is a bar. Page
    furniture ("点击查看", "（记者 张伟）") is dropped, translator or not, and so is Chinese that
    repeats the English next to it ("Rugao 如皋 City", "Wuzhen（乌镇）"); a gloss that does not
    ("Wu Hung-mo (吳宏謀)", `text.is_gloss`) stays as the writer wrote it, and so does the
    Chinese half of a headline in both languages (a page's titles seldom hold residue). Without a
    translator, or when no provider takes a run (the glossary takes only names and labels),
    it stays (validation flags it); a failed translation leaves the run and flags the record
    `translation_failed`. A glossary answer is recorded as `translate_glossary`."""
    spans = [
        _with_closing_bracket(work.text, start, end) for start, end in residue_spans(work.text)
    ]
    inner = {span: work.text[span[0] : span[1]].strip(_EDGE_MARKS) for span in spans}
    to_translate = sorted(
        {text for text in inner.values() if not _CJK_FURNITURE.match(text) and text != _BAR}
    )
    english = work.translate(to_translate) if work.translator or work.translations else {}
    for start, end in reversed(spans):
        fragment = inner[(start, end)]
        left, right = work.text[:start], work.text[end:]
        answer = english.get(fragment)
        if fragment == _BAR:
            work.record("cjk_residue", start, end, " | ")
            work.text = left.rstrip(" \t") + " | " + right.lstrip(" \t")
            continue
        if _CJK_FURNITURE.match(fragment) or (
            isinstance(answer, str)
            and (_FURNITURE.match(answer) or _repeats_neighbour(answer, left, right))
        ):
            new_left, new_right = _close_gap(left, right)
            work.record("cjk_residue", len(new_left), len(work.text) - len(new_right), "")
            work.text = new_left + new_right
            continue
        if is_gloss(work.text, start, end):
            continue  # the writer's gloss of the English before it ("Wu Hung-mo (吳宏謀)")
        if work.part == "title" and ENGLISH_WORD.search(work.text):
            continue  # a headline in both languages: "Kaohsiung in the News 高雄的新聞"
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


def prefetch(texts: pl.Series, translator) -> dict[str, object]:
    """Translate every Chinese fragment of the texts in one concurrent batch."""
    if translator is None:
        return {}
    fragments = set()
    for text in texts.filter(texts.str.contains(CJK_CHAR.pattern)):
        for start, end in residue_spans(text):
            start, end = _with_closing_bracket(text, start, end)
            fragments.add(text[start:end].strip(_EDGE_MARKS))
    return translator.translate_many(sorted(fragments)) if fragments else {}


CJK_RESIDUE = regex_rule(
    "cjk_residue",
    "untranslated Chinese translated through the configured providers (default: the offline"
    " glossary, recorded as translate_glossary; none: left as is)",
    fix_cjk_residue,
    CJK_CHAR.pattern,
)
