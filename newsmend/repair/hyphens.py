"""Hyphens with a space on one side ("high -tech", "well- known")."""

from __future__ import annotations

import re

from newsmend.repair.rule import Anchor, Work, regex_rule, substitute

# --- spaced_hyphen ----------------------------------------------------------------------

# "high -tech", "COVID -19" (digits only after an acronym: "to -5 degrees" is a minus sign),
# "well- known" (but not "small- and medium-sized", a suspended hyphen).
# Each alternative starts with a literal, which lets the regex engine skip ahead quickly.
_SPACED_HYPHEN = re.compile(
    r" (?<=[A-Za-z] )-(?=[A-Za-z])| (?<=[A-Z][A-Z] )-(?=\d)|-(?<=[A-Za-z]-) (?!(?:and|or|to|nor)\b)(?=[a-z])"
)


# Every match holds a hyphen with a space on one side: the others ("COVID-19", dates, "well-
# known") are passed over by the regex engine, not tried one by one in Python.
_HYPHEN = Anchor(re.compile("-(?<= -)|-(?= )"), " ".__eq__)


def fix_spaced_hyphen(work: Work) -> None:
    substitute(work, "spaced_hyphen", _SPACED_HYPHEN, lambda m: "-", anchor=_HYPHEN)


SPACED_HYPHEN = regex_rule(
    "spaced_hyphen",
    "hyphen with a space on one side (high -tech, COVID -19, well- known); not ' - ' dashes",
    fix_spaced_hyphen,
    r"[A-Za-z] -[A-Za-z0-9]|[A-Za-z]- [a-z]",
)
