"""What a quarantined record failed, said about the record: "published_raw '2022.13.45' does
not parse", not only the check's name. One sentence per blocking check, from the record's own
values; quarantine.reason joins the sentences of its failed checks with "; "."""

from __future__ import annotations

from collections.abc import Callable

from newsmend.text import split_sentences

SHOWN = 80  # characters of a value quoted in a reason


def _quote(value) -> str:
    text = str(value)
    return repr(text if len(text) <= SHOWN else text[:SHOWN] + "...")


def _repeated_sentence(record: dict) -> str:
    seen: set[str] = set()
    for sentence in split_sentences(record.get("body") or ""):
        if sentence in seen:
            return f"the body says {_quote(sentence)} twice"
        seen.add(sentence)
    return "the body says a sentence twice"


REASONS: dict[str, Callable[[dict], str]] = {
    "record_id_unique": lambda r: f"record_id {r['record_id']} is given to another record too",
    "title_not_empty": lambda r: "the title is empty",
    "body_not_empty": lambda r: "the body is empty",
    "kind_known": lambda r: f"kind {_quote(r.get('kind'))} is neither article nor teaser",
    "dates_parse": lambda r: f"published_raw {_quote(r.get('published_raw'))} does not parse",
    "published_plausible": lambda r: (
        f"published {r.get('published')} is before 1990 or after tomorrow"
    ),
    "credits_present": lambda r: "no author, reporter or editor named",
    "no_duplicate_sentences": _repeated_sentence,
    "translation_ok": lambda r: "translating its Chinese failed (the next run tries again)",
    "repair_ok": lambda r: "a repair rule raised an error on it (see the run's log)",
    "offsets_valid": lambda r: (
        f"its offsets start {r.get('start')}, end {r.get('end')} make no span"
    ),
    "parent_known": lambda r: f"its page's article {r.get('parent_record_id')} is not in the batch",
}


def reason(checks: list[str], record: dict) -> str:
    """The sentences of the record's failed checks, in order, joined by "; "."""
    return "; ".join(REASONS[c](record) if c in REASONS else f"failed {c}" for c in checks)
