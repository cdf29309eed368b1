"""Which text core runs: the compiled scans of newsmend/_textcore.c (built by `pip install -e .`,
which `make setup` runs), or with NEWSMEND_TEXT_CORE=python the pure-Python references they
stand in for, which stay as the oracle the tests hold the compiled core to."""

from __future__ import annotations

import os

CHOICE = os.environ.get("NEWSMEND_TEXT_CORE", "compiled")
if CHOICE not in ("compiled", "python"):
    raise ValueError(f"NEWSMEND_TEXT_CORE={CHOICE!r}: expected 'compiled' or 'python'")

if CHOICE == "compiled":
    try:
        from newsmend import _textcore as compiled
    except ImportError as error:
        raise ImportError(
            "newsmend's compiled text core is not built: run `pip install -e .` (or"
            " `python setup.py build_ext --inplace`), or set NEWSMEND_TEXT_CORE=python"
        ) from error
else:
    compiled = None
