"""Small text helpers shared by header matching, values and phones."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NOT_ALNUM = re.compile(r"[^a-z0-9]")
# What Excel's protective apostrophe is put in front of: numbers with leading zeros
# ('00184), phone numbers ('+39…) and cells a spreadsheet would run as formulas.
_PROTECTED = frozenset("0123456789+=-@\t\r")


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lower-case, accents removed, only letters and digits: how header names are compared.

    Cached: the same headers are folded for every row of an events file."""
    decomposed = unicodedata.normalize("NFKD", text)
    return _NOT_ALNUM.sub("", "".join(c for c in decomposed if not unicodedata.combining(c)).lower())


def strip_protective(cell: str) -> str:
    """``'00184`` -> ``00184``: the apostrophe Excel (and our export) puts before a cell to
    keep it text is not part of the value."""
    if len(cell) > 1 and cell[0] == "'" and cell[1] in _PROTECTED:
        return cell[1:]
    return cell
