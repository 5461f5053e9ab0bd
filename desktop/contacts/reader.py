"""Reading a CSV file row by row with the line number each row starts on.

Streaming (one row in memory at a time) is what keeps a 100,000-row import flat in memory;
the line numbers are what make a bad-row report something a person can act on.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, TextIO

from desktop.contacts.sniff import detect, describe
from desktop.errors import InputError
from desktop.messages import Msg, define

define({
    "import.header_too_long": ("la riga d'intestazione è più lunga di 4 MB", "the header row is longer than 4 MB"),
    "import.header_unreadable": ("la riga d'intestazione non si può leggere ({error})",
                                 "the header row cannot be read ({error})"),
    "import.no_header": ("la prima riga deve contenere i nomi delle colonne", "the first row must hold the column names"),
    "import.row_too_long": ("la riga è più lunga di {mb} MB (una virgoletta mai chiusa?)",
                            "the row is longer than {mb} MB (a quote never closed?)"),
    "import.quote_not_closed": ("un valore tra virgolette non viene mai chiuso (il file finisce dentro le "
                                "virgolette: un'ultima riga troncata?)",
                                "a quoted value is never closed (the file ends inside quotes: a truncated last line?)"),
    "import.row_unreadable": ("la riga non si può leggere come CSV ({error})", "the row cannot be read as CSV ({error})"),
    "import.nul_value": ("il valore contiene un byte NUL (dati binari, non testo)",
                         "the value holds a NUL byte (binary data, not text)"),
    "import.row_short": ("valori nella riga: {values}, ma colonne nell'intestazione: {columns} (una riga troncata?)",
                         "the row has {values} values but the header has {columns} columns (a truncated line?)"),
    "import.row_long": ("valori nella riga: {values}, ma colonne nell'intestazione solo {columns} (un separatore "
                        "dentro un valore senza virgolette?)",
                        "the row has {values} values but the header has only {columns} columns (a separator "
                        "inside an unquoted value?)"),
})


@dataclass
class Row:
    line: int
    cells: list[str] | None  # None when the row could not be read
    error: str = ""
    column: str = ""


MAX_LINE_CHARS = 4 << 20  # a physical line longer than this is a broken row, not read whole


class _LongLine(Exception):
    pass


class _Lines:
    """The file's physical lines, counted, none longer than ``MAX_LINE_CHARS``.

    A longer line (a runaway quote, a binary blob) is skipped to its end and raised as
    ``_LongLine`` so memory stays bounded; the caller reports it on its line and goes on.
    """

    def __init__(self, handle: TextIO) -> None:
        self.handle = handle
        self.count = 0
        self.nul = False  # a line read since the caller last looked held a NUL character

    def __iter__(self) -> "_Lines":
        return self

    def __next__(self) -> str:
        line = self.handle.readline(MAX_LINE_CHARS)
        if not line:
            raise StopIteration
        self.count += 1
        if len(line) >= MAX_LINE_CHARS and not line.endswith(("\n", "\r")):
            while (more := self.handle.readline(MAX_LINE_CHARS)) and not more.endswith(("\n", "\r")):
                pass
            raise _LongLine
        if "\x00" in line:
            self.nul = True
        return line


class CsvSource:
    """An open CSV file: its detected dialect, its header, and an iterator over its rows."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.encoding, self.delimiter = detect(self.path)
        self._handle: TextIO = self.path.open("r", encoding=self.encoding, newline="")
        self._lines = _Lines(self._handle)
        self._reader = self._new_reader()
        try:
            header = next(self._reader, None)
        except _LongLine:
            self.close()
            raise InputError(Msg("import.header_too_long"), f"{self.path}, line 1") from None
        except csv.Error as exc:
            self.close()
            raise InputError(Msg("import.header_unreadable", {"error": str(exc)}), f"{self.path}, line 1") from None
        if not header or not any(h.strip() for h in header):
            self.close()
            raise InputError(Msg("import.no_header"), f"{self.path}, line 1")
        self.headers = [h.strip() or f"(column {i + 1})" for i, h in enumerate(header)]
        self._header_lines = self._lines.count

    def _new_reader(self) -> Iterator[list[str]]:
        return csv.reader(self._lines, delimiter=self.delimiter, strict=True)

    @property
    def delimiter_name(self) -> str:
        return describe(self.delimiter)

    def rows(self) -> Iterator[Row]:
        """Every data row; rows of the wrong width come back with ``error`` set, not raised."""
        width = len(self.headers)
        reader = self._reader
        lines = self._lines
        start = self._header_lines + 1
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except _LongLine:
                yield Row(start, None, Msg("import.row_too_long", {"mb": MAX_LINE_CHARS >> 20}).encode())
                reader = self._reader = self._new_reader()
                start = lines.count + 1
                continue
            except csv.Error as exc:
                reason = str(exc)
                if "end of data" in reason or "EOF" in reason:
                    coded = Msg("import.quote_not_closed")
                else:
                    coded = Msg("import.row_unreadable", {"error": reason})
                yield Row(start, None, coded.encode())
                start = lines.count + 1
                continue
            line, start = start, lines.count + 1
            if not cells or not any(c.strip() for c in cells):
                continue  # blank lines and Excel's ';;;;' rows carry nothing
            nul = None
            if lines.nul:
                lines.nul = False
                nul = next((i for i, c in enumerate(cells) if "\x00" in c), None)
            if nul is not None:
                column = self.headers[nul] if nul < width else f"(column {nul + 1})"
                yield Row(line, None, Msg("import.nul_value").encode(), column)
                continue
            if len(cells) < width:
                yield Row(line, None, Msg("import.row_short", {"values": len(cells), "columns": width}).encode(),
                          self.headers[len(cells)])
                continue
            if len(cells) > width:
                if any(c.strip() for c in cells[width:]):
                    yield Row(line, None, Msg("import.row_long", {"values": len(cells), "columns": width}).encode())
                    continue
                cells = cells[:width]
            yield Row(line, cells)

    def close(self) -> None:
        self._handle.close()

    def __enter__(self) -> "CsvSource":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
