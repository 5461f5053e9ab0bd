"""Reading a JSON file the user gives us (rules, templates) strictly, with the place of each fault.

Python's ``json`` is lenient where a lenient reading changes what a file *means*: with two
``"enabled"`` keys the last one silently wins (a rule switched off turns on), ``NaN`` and
``Infinity`` are accepted, ``1e400`` becomes infinity, integers of any size are accepted (and
fail later, when SQLite cannot bind them), and deep nesting ends in a ``RecursionError``.
``load_strict`` refuses each of these with the JSON path (``$.rules[0].enabled``) or, for
nesting, the line and column, and never lets a Python exception name reach the user.
"""

from __future__ import annotations

import json
import math
import re
import stat
from pathlib import Path
from typing import Any

from desktop.errors import InputError
from desktop.messages import Msg, define

MAX_DEPTH = 64  # arrays and objects inside each other; rules need about 40 at most
INT_MIN, INT_MAX = -(2 ** 63), 2 ** 63 - 1  # SQLite's INTEGER

define({
    "json.duplicate_key": ("la chiave {key} compare due volte", "the key {key} appears twice"),
    "json.not_finite": ("{value} non è un numero valido in JSON", "{value} is not a valid JSON number"),
    "json.int_range": ("il numero {value} è fuori dall'intervallo ammesso ({low} … {high})",
                       "the number {value} is out of range ({low} … {high})"),
    "json.too_deep": ("il file annida più di {limit} livelli di liste e oggetti",
                      "the file nests lists and objects more than {limit} levels deep"),
    "json.invalid": ("JSON non valido: {reason}", "invalid JSON: {reason}"),
    "json.not_found": ("file non trovato", "file not found"),
    "json.not_utf8": ("non è testo UTF-8 ({reason})", "not UTF-8 text ({reason})"),
    "json.unreadable": ("impossibile leggere il file: {reason}", "cannot read the file: {reason}"),
    "json.is_folder": ("è una cartella, non un file", "is a folder, not a file"),
    "json.not_regular": ("non è un file normale (un dispositivo, una pipe o un socket)",
                         "is not a regular file (a device, a pipe or a socket)"),
    "json.too_big": ("il file è troppo grande ({size} MB; al massimo {limit} MB)",
                     "the file is too large ({size} MB; at most {limit} MB)"),
    "json.bad_byte": ("non è testo UTF-8: il byte 0x{byte} non è valido (salva il file come UTF-8)",
                      "not UTF-8 text: byte 0x{byte} is not valid (save the file as UTF-8)"),
    # json's own reasons, in words (its message names no fix and is English)
    "json.expect_value": ("manca un valore (una virgola di troppo, o un valore senza virgolette?)",
                          "a value is missing (an extra comma, or a value without quotes?)"),
    "json.expect_key": ("serve il nome di una chiave tra virgolette doppie (una virgola di troppo prima di }}?)",
                        "expected a key name in double quotes (an extra comma before }}?)"),
    "json.expect_comma": ("manca una virgola tra due elementi", "a comma is missing between two items"),
    "json.expect_colon": ("mancano i due punti dopo il nome della chiave", "a colon is missing after a key name"),
    "json.unterminated": ("un testo tra virgolette non è mai chiuso", "a quoted text is never closed"),
    "json.control_char": ("un carattere di controllo (a capo, tabulazione) dentro un testo tra virgolette",
                          "a control character (line break, tab) inside a quoted text"),
    "json.extra_data": ("c'è altro testo dopo la fine del JSON", "there is more text after the end of the JSON"),
    "json.bad_escape": ("una sequenza con \\ non valida dentro un testo", "an invalid \\ sequence inside a text"),
})

MAX_FILE_BYTES = 64 * 1024 * 1024  # a rules or templates file is kilobytes; /dev/zero is endless
_REASONS = (("Expecting value", "json.expect_value"),
            ("Expecting property name", "json.expect_key"),
            ("Expecting ',' delimiter", "json.expect_comma"),
            ("Expecting ':' delimiter", "json.expect_colon"),
            ("Unterminated string", "json.unterminated"),
            ("Invalid control character", "json.control_char"),
            ("Extra data", "json.extra_data"),
            ("Invalid \\", "json.bad_escape"))


def _error(code: str, where: str, **params: object) -> InputError:
    return InputError(Msg(code, params), where)


class _Bad:
    """A value the strict reading refuses, kept in place so the walk can name its path."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params


class _Pairs(dict):
    """An object whose key ``duplicate`` appeared more than once."""

    duplicate: str | None = None


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = _Pairs()
    for key, value in pairs:
        if key in out and out.duplicate is None:
            out.duplicate = key
        out[key] = value
    return out


def _parse_int(raw: str) -> int | _Bad:
    if len(raw) > 25:  # far beyond 64 bits; also spares int() a huge conversion
        return _Bad("json.int_range", value=raw[:25] + "…", low=INT_MIN, high=INT_MAX)
    value = int(raw)
    if not INT_MIN <= value <= INT_MAX:
        return _Bad("json.int_range", value=raw, low=INT_MIN, high=INT_MAX)
    return value


def _parse_float(raw: str) -> float | _Bad:
    value = float(raw)
    return value if math.isfinite(value) else _Bad("json.not_finite", value=raw[:40])


def _parse_constant(raw: str) -> _Bad:
    return _Bad("json.not_finite", value=raw)


_TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.S)


def _at(name: str | None, where: str) -> str:
    return f"{name}, {where}" if name else where


def _check_depth(source: str, name: str | None) -> None:
    """Refuse deep nesting before ``json`` recurses into it (brackets inside strings do not count)."""
    depth = 0
    for match in _TOKENS.finditer(source):
        char = match.group()
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line = source.count("\n", 0, match.start()) + 1
                column = match.start() - (source.rfind("\n", 0, match.start()) + 1) + 1
                raise _error("json.too_deep", _at(name, f"line {line}, column {column}"), limit=MAX_DEPTH)
        elif char in "]}":
            depth -= 1


def _walk(value: Any, path: str, name: str | None) -> None:
    where = f"{name}: {path}" if name else path
    if isinstance(value, _Bad):
        raise _error(value.code, where, **value.params)
    if isinstance(value, dict):
        if isinstance(value, _Pairs) and value.duplicate is not None:
            raise _error("json.duplicate_key", f"{where}.{value.duplicate}", key=json.dumps(value.duplicate))
        for key, child in value.items():
            _walk(child, f"{path}.{key}", name)
    elif isinstance(value, list):
        for i, child in enumerate(value):
            _walk(child, f"{path}[{i}]", name)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def loads_strict(source: str, name: str | None = None) -> Any:
    """The JSON value of ``source``, or ``InputError`` naming the place: the JSON path, or the
    line and column, after ``name`` (the file) when given."""
    _check_depth(source, name)
    try:
        data = json.loads(source, object_pairs_hook=_pairs, parse_int=_parse_int,
                          parse_float=_parse_float, parse_constant=_parse_constant)
    except json.JSONDecodeError as exc:
        place = _at(name, f"line {exc.lineno}, column {exc.colno}")
        code = next((c for prefix, c in _REASONS if exc.msg.startswith(prefix)), None)
        raise (_error(code, place) if code else _error("json.invalid", place, reason=exc.msg)) from None
    except RecursionError:  # pragma: no cover - the depth check comes first
        raise _error("json.too_deep", name or "$", limit=MAX_DEPTH) from None
    _walk(data, "$", name)
    return _plain(data)


def load_file_strict(path: str | Path) -> Any:
    """Read and parse a user's JSON file (a UTF-8 BOM is allowed); errors name the file.

    Only a regular file of sane size is read: ``/dev/zero`` would fill the memory and a
    named pipe would wait for ever."""
    file = Path(path)
    try:
        info = file.stat()
        if file.is_dir():
            raise _error("json.is_folder", str(file))
        if not stat.S_ISREG(info.st_mode):
            raise _error("json.not_regular", str(file))
        if info.st_size > MAX_FILE_BYTES:
            raise _error("json.too_big", str(file), size=info.st_size // 2 ** 20, limit=MAX_FILE_BYTES // 2 ** 20)
        raw = file.read_bytes()
    except FileNotFoundError:
        raise _error("json.not_found", str(file)) from None
    except OSError as exc:
        raise _error("json.unreadable", str(file), reason=exc.strerror or str(exc)) from None
    try:
        source = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise _error("json.bad_byte", _at(str(file), f"line {line}, column {column}"),
                     byte=f"{raw[exc.start]:02X}") from None
    return loads_strict(source, str(file))
