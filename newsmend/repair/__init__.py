"""Repair stage: a catalogue of small named rules that fix machine-translation artifacts.

`RULES` is ordered; each rule has a name, a description, a `fix` that edits one text and
records every change as {rule, before, after} (a few words of context each side), and a
`probe`: a vectorised test over a column that every text the rule could change passes.
`repair_text` runs every fix in turn; `repair_frame` runs them rule by rule over a column,
each only on the rows its probe selects in the column as the earlier rules left it, so a frame
gives exactly what `repair_text` gives for each cell. The probes are the reference: the
frame asks `marks`, which finds what every probe would select in one compiled scan of a text. Rules only fix what is safe to fix; what
is not (a repeated clause opener) becomes a flag on the record.

The package: `rule` (Work, Rule, substitute: what every rule is written with), one module per
family of rules (`characters`, `residue`, `punctuation`, `spacing`, `hyphens`, `repeats`, `truncation`),
`marks` (which rules could change each text), and `engine` (the catalogue in order,
`repair_text`, `repair_frame`).
"""

from newsmend.repair.engine import MAX_PASSES, RULE_NAMES, RULES, repair_frame, repair_text
from newsmend.repair.rule import Rule, Work
from newsmend.repair.truncation import TAIL

__all__ = [
    "MAX_PASSES",
    "RULES",
    "RULE_NAMES",
    "TAIL",
    "Rule",
    "Work",
    "repair_frame",
    "repair_text",
]
