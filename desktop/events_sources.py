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
from desktop.errors import InputError

Records = Iterator[tuple[int, dict[str, Any] | None, str]]
MAX_JSON_LINE = 1 << 20  # 1 MB: no event is that long
MAX_DEPTH = 3  # {"items": [{"sku": ...}]}


def is_jsonl(path: Path) -> bool:
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        return True
    with path.open("rb") as handle:  # any other name: a CSV header never starts with "{"
        head = handle.read(512).lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{")


def _no_constants(name: str) -> float:
    raise ValueError(f"{name} is not a number an event can hold")


def _depth(value: Any, level: int = 1) -> int:
    if isinstance(value, dict):
        return max((_depth(v, level + 1) for v in value.values()), default=level)
    if isinstance(value, list):
        return max((_depth(v, level + 1) for v in value), default=level)
    return level - 1


def _decode(text: str) -> tuple[dict[str, Any] | None, str]:
    try:
        record = json.loads(text, parse_constant=_no_constants)
    except json.JSONDecodeError as exc:
        return None, f"not valid JSON ({exc.msg} at character {exc.colno})"
    except ValueError as exc:
        return None, str(exc)
    except RecursionError:
        return None, "the JSON is nested too deeply"
    if not isinstance(record, dict):
        return None, "each line must be a JSON object {...}"
    for key, value in record.items():
        allowed = MAX_DEPTH if key == "items" else 1
        if _depth(value) > allowed - (0 if key == "items" else 1):
            return None, f'"{key}" holds nested objects or lists; only "items" may'
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
                yield number, None, f"the line is longer than {MAX_JSON_LINE // (1 << 20)} MB"
                continue
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise InputError(f"JSON Lines files must be UTF-8 ({exc.reason} at byte {exc.start} of "
                                 f"line {number})", str(path)) from None
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
