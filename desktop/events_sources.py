"""The records of an events file: CSV rows or JSON Lines objects, with their line numbers.

JSON Lines are read a bounded line at a time, and what JSON allows but an event cannot be
is refused on its line: ``NaN`` and ``Infinity``, nesting deeper than an ``items`` list of
objects, and lines longer than ``MAX_JSON_LINE``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

from desktop.contacts.reader import CsvSource
from desktop import jsonstrict  # noqa: F401  (registers json.duplicate_key)
from desktop.errors import BadValue, InputError
from desktop.messages import Msg, define

Records = Iterator[tuple[int, dict[str, Any] | None, str]]
MAX_JSON_LINE = 1 << 20  # 1 MB: no event is that long
MAX_DEPTH = 3  # {"items": [{"sku": ...}]}

define({
    "events.bad_number": ("{name} non è un numero che un evento possa contenere",
                          "{name} is not a number an event can hold"),
    "events.bad_json": ("JSON non valido ({error} al carattere {column})", "not valid JSON ({error} at character {column})"),
    "events.too_deep": ("il JSON è annidato troppo in profondità", "the JSON is nested too deeply"),
    "events.not_object": ("ogni riga deve essere un oggetto JSON {{...}}", "each line must be a JSON object {{...}}"),
    "events.nested": ("\"{key}\" contiene oggetti o liste annidati: sono ammessi solo in `items`",
                      "\"{key}\" holds nested objects or lists; only \"items\" may"),
    "events.line_too_long": ("la riga è più lunga di {mb} MB", "the line is longer than {mb} MB"),
    "events.not_utf8": ("i file di eventi in JSON devono essere in UTF-8 ({error} al byte {byte} della riga {line})",
                        "JSON Lines files must be UTF-8 ({error} at byte {byte} of line {line})"),
})


def is_jsonl(path: Path) -> bool:
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        return True
    with path.open("rb") as handle:  # any other name: a CSV header never starts with "{"
        head = handle.read(512).lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{")


def _no_constants(name: str) -> float:
    raise BadValue(Msg("events.bad_number", {"name": name}))


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """Two ``"amount"`` keys on one line: json keeps the last silently; we refuse the line,
    as the rules and templates files do (``desktop.jsonstrict``)."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise BadValue(Msg("json.duplicate_key", {"key": json.dumps(key, ensure_ascii=False)}))
        out[key] = value
    return out


def _depth(value: Any, level: int = 1) -> int:
    if isinstance(value, dict):
        return max((_depth(v, level + 1) for v in value.values()), default=level)
    if isinstance(value, list):
        return max((_depth(v, level + 1) for v in value), default=level)
    return level - 1


def _decode(text: str) -> tuple[dict[str, Any] | None, str]:
    try:
        record = json.loads(text, parse_constant=_no_constants, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as exc:
        return None, Msg("events.bad_json", {"error": exc.msg, "column": exc.colno}).encode()
    except BadValue as exc:
        return None, exc.msg.encode()
    except ValueError as exc:
        return None, str(exc)
    except RecursionError:
        return None, Msg("events.too_deep").encode()
    if not isinstance(record, dict):
        return None, Msg("events.not_object").encode()
    for key, value in record.items():
        allowed = MAX_DEPTH if key == "items" else 1
        if _depth(value) > allowed - (0 if key == "items" else 1):
            return None, Msg("events.nested", {"key": key}).encode()
    return record, ""


def jsonl_records(path: Path) -> Records:
    with path.open("rb") as handle:
        number = 0
        while True:
            raw = handle.readline(MAX_JSON_LINE + 1)
            if not raw:
                return
            number += 1
            if len(raw) > MAX_JSON_LINE and not raw.endswith(b"\n"):
                while (more := handle.readline(MAX_JSON_LINE)) and not more.endswith(b"\n"):
                    pass
                yield number, None, Msg("events.line_too_long", {"mb": MAX_JSON_LINE // (1 << 20)}).encode()
                continue
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise InputError(Msg("events.not_utf8", {"error": exc.reason, "byte": exc.start, "line": number}),
                                 str(path)) from None
            if not line.strip():
                continue
            record, error = _decode(line)
            yield number, record, error


def csv_records(source: CsvSource) -> Records:
    for row in source.rows():
        if row.cells is None:
            yield row.line, None, row.error
        else:
            yield row.line, dict(zip(source.headers, row.cells)), ""
