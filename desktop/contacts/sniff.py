"""Recognising how a spreadsheet was saved: its text encoding and its delimiter.

Excel in Italy saves "CSV" as Windows-1252 with ``;``; web shops export UTF-8 with ``,``;
"Unicode text" is UTF-16 with tabs. The shop owner never knows which, so we find out.
"""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

from desktop.errors import InputError

DELIMITERS = (";", ",", "\t")
_CHUNK = 1 << 16
_SAMPLE_LINES = 30


def detect_encoding(path: Path) -> str:
    """The encoding to read ``path`` with, from its BOM or from whether it is valid UTF-8.

    The whole file is checked (in chunks, so memory stays flat): a single ``è`` saved by
    Excel as Windows-1252 on line 80,000 would otherwise stop an import half-way.
    """
    with path.open("rb") as handle:
        head = handle.read(4)
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        handle.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        try:
            while chunk := handle.read(_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
            return "utf-8"
        except UnicodeDecodeError:
            pass
        handle.seek(0)
        decoder = codecs.getincrementaldecoder("cp1252")()
        try:
            while chunk := handle.read(_CHUNK):
                decoder.decode(chunk)
            return "cp1252"
        except UnicodeDecodeError:
            # The five bytes Windows-1252 leaves undefined: Latin-1 reads every byte.
            return "latin-1"


def _sample(path: Path, encoding: str) -> str:
    with path.open("r", encoding=encoding, newline="") as handle:
        lines = []
        for _ in range(_SAMPLE_LINES):
            line = handle.readline()
            if not line:
                break
            lines.append(line)
    return "".join(lines)


def sniff_delimiter(sample: str) -> str:
    """The delimiter that splits the header into the most columns, consistently.

    ``csv.Sniffer`` guesses badly on short files and on ``;`` with decimal commas, so we
    score each candidate: rows agreeing with the header's width, then the width itself.
    """
    best, best_score = ",", (-1, -1)
    for delimiter in DELIMITERS:
        try:
            rows = [r for r in csv.reader(io.StringIO(sample), delimiter=delimiter) if r]
        except csv.Error:
            continue
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        agreeing = sum(1 for r in rows[1:] if len(r) == width)
        score = (agreeing, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def detect(path: Path) -> tuple[str, str]:
    """``(encoding, delimiter)`` of a CSV file, or ``InputError`` if it cannot be read."""
    if not path.exists():
        raise InputError("file not found", str(path))
    if path.is_dir():
        raise InputError("is a folder, not a file", str(path))
    encoding = detect_encoding(path)
    sample = _sample(path, encoding)
    if not sample.strip():
        raise InputError("the file is empty", str(path))
    return encoding, sniff_delimiter(sample)


def describe(delimiter: str) -> str:
    return {"\t": "tab", ";": "semicolon (;)", ",": "comma (,)"}.get(delimiter, repr(delimiter))
