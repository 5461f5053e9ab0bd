"""Turning one CSV row into contact values (or the reasons it is bad), with no database.

Kept free of the database so big files can be parsed in worker processes while the main
process matches and writes: validating e-mails and phone numbers is most of an import's
time, and it is pure work on text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from email_validator import EmailNotValidError, validate_email

from desktop.contacts.reader import Row
from desktop.contacts.values import ParseContext, to_db_value
from desktop.fields import FieldSpec

_UNIQUE = {"email", "phone"}  # almost never repeat, so not worth caching
_CACHE_LIMIT = 50_000
# RFC 5322 dot-atom, the same characters email_validator accepts in an ASCII local part.
_ATEXT = r"[A-Za-z0-9_!#$%&'*+\-/=?^`{|}~]+"
_PLAIN_LOCAL = re.compile(rf"{_ATEXT}(?:\.{_ATEXT})*\Z")


@dataclass
class ParsedRow:
    line: int
    values: dict[str, Any] | None  # None when the row is bad
    groups: list[str] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (column header, reason)


def group_names(raw: str) -> list[str]:
    """Group names in one cell: split on ``|`` (our export), else on commas (shop tags)."""
    parts = raw.split("|") if "|" in raw else raw.split(",")
    return [p.strip() for p in parts if p.strip()]


class RowParser:
    """Parses rows for one import's column plan; caches repeated values (dates, statuses, cities)."""

    def __init__(self, plan: list[tuple[int, str, FieldSpec | None]], ctx: ParseContext, key_header: str) -> None:
        self.plan = plan
        self.ctx = ctx
        self.key_header = key_header
        self._cache: dict[tuple[str, str], Any] = {}
        self._domains: dict[str, str] = {}

    def _plain_email(self, raw: str) -> str | None:
        """The normalised address for the common plain-ASCII case, or ``None`` to use the full check.

        Validating the domain is two thirds of email_validator's time and a file has few
        distinct domains, so each domain is validated once (with a stand-in local part);
        the local part, when it is a plain dot-atom, needs nothing more. Anything unusual
        (quotes, non-ASCII, bad domains, long addresses) goes through the full check, which
        also gives the error message.
        """
        text = raw.strip().strip("<>").strip()
        local, at, domain = text.rpartition("@")
        if not at or len(local) > 64 or len(text) > 254 or not domain.isascii() or not _PLAIN_LOCAL.match(local):
            return None
        normal = self._domains.get(domain)
        if normal is None:
            try:
                normal = validate_email(f"a@{domain}", check_deliverability=False).domain
            except EmailNotValidError:
                normal = ""
            if len(self._domains) >= _CACHE_LIMIT:
                self._domains.clear()
            self._domains[domain] = normal
        return f"{local}@{normal}".lower() if normal else None

    def _value(self, spec: FieldSpec, raw: str) -> Any:
        if spec.name == "email":
            return self._plain_email(raw) or to_db_value(spec, raw, self.ctx)
        if spec.name in _UNIQUE:
            return to_db_value(spec, raw, self.ctx)
        key = (spec.name, raw)
        try:
            return self._cache[key]
        except KeyError:
            pass
        value = to_db_value(spec, raw, self.ctx)  # a ValueError is not cached: bad rows are rare
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[key] = value
        return value

    def parse(self, row: Row) -> ParsedRow:
        if row.cells is None:
            return ParsedRow(row.line, None, errors=[(row.column, row.error)])
        values: dict[str, Any] = {}
        result = ParsedRow(row.line, values)
        cells = row.cells
        for index, header, spec in self.plan:
            raw = cells[index]
            if not raw or raw.isspace():
                continue
            if spec is None:
                result.groups = group_names(raw)
                continue
            try:
                values[spec.name] = self._value(spec, raw)
            except ValueError as exc:
                result.errors.append((header, str(exc)))
        if not result.errors and not values.get("email") and not values.get("phone"):
            result.errors.append((self.key_header, "the row has neither an e-mail address nor a mobile number"))
        if result.errors:
            result.values = None
        return result

    def parse_many(self, rows: list[Row]) -> list[ParsedRow]:
        return [self.parse(r) for r in rows]


_WORKER: RowParser | None = None


def worker_init(plan: list[tuple[int, str, FieldSpec | None]], ctx: ParseContext, key_header: str) -> None:
    global _WORKER
    _WORKER = RowParser(plan, ctx, key_header)


def worker_parse(rows: list[Row]) -> list[ParsedRow]:
    assert _WORKER is not None, "worker_init was not run in this process"
    return _WORKER.parse_many(rows)
