"""Text patterns shared by repair and validation, so both agree on what a sentence or residue is."""

from __future__ import annotations

import re

# A run of CJK ideographs with the CJK punctuation and spaces that sit inside it.
CJK_RUN = re.compile(
    r"[（(【「]?[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff][\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff1f\s]*"
)
# Chinese dates are data the date parser reads, not untranslated residue.
CJK_DATE = re.compile(
    r"\d{2,4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?|\d{1,2}\s*月\s*\d{1,2}\s*[日号]"
)

# A sentence ends at . ! ? (or their full-width forms) followed by space or the end, unless
# the dot closes a common abbreviation or an initial ("No. 1", "Aug. 2", "U.S.").
_ABBREVIATIONS = r"(?<!\bJan)(?<!\bFeb)(?<!\bMar)(?<!\bApr)(?<!\bJun)(?<!\bJul)(?<!\bAug)(?<!\bSep)(?<!\bSept)(?<!\bOct)(?<!\bNov)(?<!\bDec)(?<!\bNo)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bCo)(?<!\bvs)(?<!\b[A-Z])"
SENTENCE_END = re.compile(_ABBREVIATIONS + r"""(?:[.!?]["'”’)]?|[。！？])(?=\s|$)""")


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph or body, stripped, in order; the text between ends counts as one."""
    sentences, start = [], 0
    for match in SENTENCE_END.finditer(text):
        piece = text[start : match.end()].strip()
        if piece:
            sentences.append(piece)
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def untranslated_spans(text: str) -> list[str]:
    """Runs of Chinese left in English text, Chinese dates excepted."""
    without_dates = CJK_DATE.sub(" ", text)
    return [m.group().strip() for m in CJK_RUN.finditer(without_dates)]
