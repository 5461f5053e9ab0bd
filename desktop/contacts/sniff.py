"""Recognising how a spreadsheet was saved: its text encoding and its delimiter.

Excel in Italy saves "CSV" as Windows-1252 with ``;``; web shops export UTF-8 with ``,``;
"Unicode text" is UTF-16 with tabs. The shop owner never knows which, so we find out.
"""

from __future__ import annotations

import codecs
import csv
import io
import stat
from pathlib import Path
from typing import BinaryIO

from desktop.errors import InputError
from desktop.messages import Msg, define, text

DELIMITERS = (";", ",", "\t")
_CHUNK = 1 << 16
_SAMPLE_LINES = 30


SAMPLE_BYTES = 1 << 20  # what sniffing reads: a few MB at most whatever the file is
_LINE_BYTES = 1 << 20
_SHOWN = 5

define({
    "import.mixed_encodings": ("il file mescola due codifiche: le righe {utf8} sono UTF-8 e le righe {other} sono "
                               "Windows-1252; salvalo di nuovo con una sola codifica (UTF-8)",
                               "the file mixes two encodings: lines {utf8} are UTF-8 and lines {other} are "
                               "Windows-1252; save it again with one encoding (UTF-8)"),
    "import.nul_byte": ("un byte NUL alla riga {line}, carattere {column}: questo non è un CSV di testo (il file "
                        "binario di un foglio di calcolo, o UTF-16 senza BOM?)",
                        "a NUL byte at line {line}, character {column}: this is not a text CSV "
                        "(a spreadsheet's binary file, or UTF-16 without its BOM?)"),
    "import.long_header": ("la riga 1 è più lunga di {mb} MB: non è l'intestazione di un CSV",
                           "line 1 is longer than {mb} MB: not a CSV header"),
    "import.not_found": ("file non trovato", "file not found"),
    "import.is_folder": ("è una cartella, non un file", "is a folder, not a file"),
    "import.not_regular": ("non è un file normale (un dispositivo, una pipe o un socket)",
                           "is not a regular file (a device, a pipe or a socket)"),
    "import.empty": ("il file è vuoto", "the file is empty"),
    "import.delimiter_tab": ("tabulazione", "tab"),
    "import.delimiter_semicolon": ("punto e virgola (;)", "semicolon (;)"),
    "import.delimiter_comma": ("virgola (,)", "comma (,)"),
})
_DELIMITER_CODES = {"\t": "import.delimiter_tab", ";": "import.delimiter_semicolon", ",": "import.delimiter_comma"}


def _mixed_lines(handle: BinaryIO) -> tuple[list[int], list[int]]:
    """Lines whose accents are valid UTF-8, and lines that are not (up to a few of each)."""
    handle.seek(0)
    utf8: list[int] = []
    other: list[int] = []
    number = 0
    while True:
        line = handle.readline(_LINE_BYTES)
        if not line:
            return utf8, other
        if not line.endswith(b"\n") and len(line) == _LINE_BYTES:
            number -= 1  # the rest of a long line: same line number
        number += 1
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            if len(utf8) < _SHOWN and (not utf8 or utf8[-1] != number):
                utf8.append(number)
        except UnicodeDecodeError:
            if len(other) < _SHOWN and (not other or other[-1] != number):
                other.append(number)
        if len(utf8) >= _SHOWN and len(other) >= _SHOWN:
            return utf8, other


def detect_encoding(path: Path) -> str:
    """The encoding to read ``path`` with, from its BOM or from whether it is valid UTF-8.

    The whole file is checked (in chunks, so memory stays flat): a single ``è`` saved by
    Excel as Windows-1252 on line 80,000 would otherwise stop an import half-way. A file
    whose lines mix UTF-8 and Windows-1252 (two exports pasted together) is refused,
    naming lines of each: read either way, some names would come out as ``NicolÃ²``.
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
        utf8, other = _mixed_lines(handle)
        if utf8 and other:
            raise InputError(Msg("import.mixed_encodings", {"utf8": ", ".join(map(str, utf8)),
                                                            "other": ", ".join(map(str, other))}), str(path))
        handle.seek(0)
        decoder = codecs.getincrementaldecoder("cp1252")()
        try:
            while chunk := handle.read(_CHUNK):
                decoder.decode(chunk)
            return "cp1252"
        except UnicodeDecodeError:
            # The five bytes Windows-1252 leaves undefined: Latin-1 reads every byte.
            return "latin-1"


def _head(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(SAMPLE_BYTES)


def _check_nul(head: bytes, path: Path) -> None:
    at = head.find(b"\x00")
    if at < 0:
        return
    line = head.count(b"\n", 0, at) + 1
    column = at - (head.rfind(b"\n", 0, at) + 1) + 1
    raise InputError(Msg("import.nul_byte", {"line": line, "column": column}), str(path))


def _sample(head: bytes, encoding: str, whole: bool, path: Path) -> str:
    """Complete lines of the bounded head, decoded."""
    if not whole:
        cut = head.rfind(b"\n")
        if cut < 0:
            raise InputError(Msg("import.long_header", {"mb": SAMPLE_BYTES // (1 << 20)}), str(path))
        head = head[:cut + 1]
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    return decoder.decode(head, final=True)


def sniff_delimiter(sample: str) -> str:
    """The delimiter that splits the header into the most columns, consistently.

    ``csv.Sniffer`` guesses badly on short files and on ``;`` with decimal commas, so we
    score each candidate: rows agreeing with the header's width, then the width itself.
    A value longer than the field limit must not make every candidate fail (the row is
    reported later, on its line), so the limit is lifted for the bounded sample.
    """
    best, best_score = ",", (-1, -1)
    old_limit = csv.field_size_limit(max(csv.field_size_limit(), 4 * SAMPLE_BYTES))
    try:
        for delimiter in DELIMITERS:
            try:
                # newline="": a lone CR ends a line here as it does for the reader (a classic Mac
                # file, or one stray CR in a Windows file), instead of failing every candidate.
                rows = [r for r in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter) if r]
            except csv.Error:
                continue
            if not rows or len(rows[0]) < 2:
                continue
            width = len(rows[0])
            agreeing = sum(1 for r in rows[1:_SAMPLE_LINES] if len(r) == width)
            score = (agreeing, width)
            if score > best_score:
                best, best_score = delimiter, score
    finally:
        csv.field_size_limit(old_limit)
    return best


def require_regular_file(path: Path) -> None:
    """An imported file must be one: not missing, a folder, a device or a pipe (reading
    ``/dev/zero`` never ends, a named pipe waits for a writer)."""
    if not path.exists():
        raise InputError(Msg("import.not_found"), str(path))
    if path.is_dir():
        raise InputError(Msg("import.is_folder"), str(path))
    if not stat.S_ISREG(path.stat().st_mode):
        raise InputError(Msg("import.not_regular"), str(path))


def detect(path: Path) -> tuple[str, str]:
    """``(encoding, delimiter)`` of a CSV file, or ``InputError`` if it cannot be read."""
    require_regular_file(path)
    head = _head(path)
    if not head.strip():
        raise InputError(Msg("import.empty"), str(path))
    if not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        _check_nul(head, path)
    encoding = detect_encoding(path)
    whole = len(head) < SAMPLE_BYTES
    if encoding == "utf-16":
        return encoding, sniff_delimiter(_sample(head, encoding, whole or len(head) % 2 == 0, path))
    return encoding, sniff_delimiter(_sample(head, encoding, whole, path))


def describe(delimiter: str, language: str = "en") -> str:
    """The delimiter in words (the report keeps the English ones; ``delimiter_words`` translates)."""
    code = _DELIMITER_CODES.get(delimiter)
    return text(Msg(code), language) if code else repr(delimiter)


def delimiter_words(described: str, language: str) -> str:
    """``describe``'s English words (as a report stores them) in ``language``; others unchanged."""
    for delimiter in _DELIMITER_CODES:
        if describe(delimiter) == described:
            return describe(delimiter, language)
    return described
