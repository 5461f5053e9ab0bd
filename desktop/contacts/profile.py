"""One quick pass over a file before importing it: what each column really holds.

The import needs to know, before it writes anything, which columns are empty in every row
(they must not become custom fields), which new columns are numbers or dates (so ``Totale
speso`` can drive a "spent more than" rule), which day/month order each date column uses
(decided by the data when a value like ``25/03`` settles it), and whether the file writes
numbers the Italian way (``1.234,50``), which decides what ``1.250`` means.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from desktop.contacts.text import strip_protective

_CURRENCY = re.compile(r"[\s\u00a0€$£]|EUR|USD|GBP|CHF", re.IGNORECASE)
_NUMBER = re.compile(r"[-+]?(?:\d{1,3}(?:[.,]\d{3})+|\d+)(?:[.,]\d+)?")
_IT_ONLY = re.compile(r"[-+]?(?:\d{1,3}(?:\.\d{3})*|\d+),\d+")  # 12,50 / 1.234,50
_EN_ONLY = re.compile(r"[-+]?(?:\d{1,3}(?:,\d{3})*|\d+)\.(?:\d{1,2}|\d{4,})|[-+]?\d{1,3}(?:,\d{3})+\.\d+")
_SLASH_DATE = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})(?:\2(\d{2}|\d{4}))?(?:[ T]\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?")
_ISO_DATE = re.compile(r"(?:\d{4}-\d{2}-\d{2}|--\d{2}-?\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?")
_HAS_TIME = re.compile(r"\d{1,2}[:.]\d{2}")


@dataclass
class ColumnProfile:
    filled: int = 0
    number: bool = True
    leading_zero: bool = False
    date: bool = True
    with_time: bool = False
    day_first: bool = False  # a value like 25/03 seen: only day/month fits
    month_first: bool = False  # a value like 03/25 seen: only month/day fits
    it_numbers: int = 0
    en_numbers: int = 0
    slash_dates: int = 0

    def see(self, cell: str) -> None:
        self.filled += 1
        if self.number:
            bare = _CURRENCY.sub("", cell)
            if _NUMBER.fullmatch(bare):
                if len(bare) > 1 and bare[0] == "0" and bare[1].isdigit():
                    self.leading_zero = True
                if _IT_ONLY.fullmatch(bare):
                    self.it_numbers += 1
                elif _EN_ONLY.fullmatch(bare):
                    self.en_numbers += 1
            else:
                self.number = False
        if self.date:
            m = _SLASH_DATE.fullmatch(cell)
            a, b = (int(m[1]), int(m[3])) if m else (0, 0)
            if m and (m[4] is None and m[2] != "/" or not (0 < a <= 31 and 0 < b <= 31)):
                m = None  # 12.50 is a price, not a date; only Mailchimp's 03/14 has no year
                self.date = False
            if m:
                self.slash_dates += 1
                if a > 12 >= b:
                    self.day_first = True
                elif b > 12 >= a:
                    self.month_first = True
            elif not _ISO_DATE.fullmatch(cell):
                self.date = False
            if self.date and _HAS_TIME.search(cell):
                self.with_time = True

    @property
    def kind(self) -> str:
        """The type a new custom field for this column should have."""
        if not self.filled:
            return "text"
        if self.number and not self.leading_zero and not self.date:
            return "number"
        if self.date and not self.number:
            return "datetime" if self.with_time else "date"
        return "text"

    def date_order(self) -> str | None:
        """``dmy``/``mdy`` when the data decides it, ``None`` when it does not (or contradicts itself)."""
        if self.day_first and not self.month_first:
            return "dmy"
        if self.month_first and not self.day_first:
            return "mdy"
        return None

    @property
    def ambiguous_dates(self) -> bool:
        return self.date and self.slash_dates > 0 and self.date_order() is None


@dataclass
class FileProfile:
    columns: dict[int, ColumnProfile] = field(default_factory=dict)

    def decimal(self, delimiter: str) -> str | None:
        """The file's decimal separator when its numbers say so; ``;`` files (Excel in Italy)
        lean Italian when nothing decides."""
        it = sum(c.it_numbers for c in self.columns.values() if c.number)
        en = sum(c.en_numbers for c in self.columns.values() if c.number)
        if it and not en:
            return ","
        if en and not it:
            return "."
        if not it and not en and delimiter == ";":
            return ","
        return None


SAMPLE_ROWS = 5_000


def profile_rows(rows: Iterable[list[str] | None], watch: list[int], sample: int = SAMPLE_ROWS) -> FileProfile:
    """Profile the ``watch`` columns (``None`` rows, unreadable ones, are skipped).

    Types and date orders are decided on the first ``sample`` rows (a later value that does
    not fit is a bad row, named with its reason); columns still empty, or whose date order
    the sample did not decide, are followed to the end of the file, so a column is called
    empty only if it is empty in every row.
    """
    result = FileProfile({i: ColumnProfile() for i in watch})
    pairs = list(result.columns.items())
    for number, cells in enumerate(rows):
        if cells is None:
            continue
        for index, stats in pairs:
            cell = cells[index]
            if cell and not cell.isspace():
                stats.see(strip_protective(cell.strip()))
        if number % 1000 == 999:  # a text column with a value has nothing more to tell
            pairs = [(i, s) for i, s in pairs if not (s.filled and not s.number and not s.date)]
            if number >= sample:
                pairs = [(i, s) for i, s in pairs if not s.filled or s.ambiguous_dates]
            if not pairs:
                break
    return result
