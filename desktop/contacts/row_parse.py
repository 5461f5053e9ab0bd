"""Turning one CSV row into contact values (or the reasons it is bad), with no database.

Kept free of the database so big files can be parsed in worker processes while the main
process matches and writes: validating e-mails and phone numbers is most of an import's
time, and it is pure work on text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from email_validator import EmailNotValidError, validate_email

from desktop.contacts.headers import GROUPS
from desktop.contacts.consent import BLOCKED, parse_blocked, parse_consent
from desktop.contacts.phones import normalize_phone, region_of
from desktop.contacts.presets import FULL_NAME, OPTIN_AT
from desktop.contacts.reader import Row
from desktop.contacts.text import strip_protective
from desktop.contacts.values import ParseContext, parse_datetime, to_db_value
from desktop.errors import reason_of
from desktop.fields import FieldSpec
from desktop.messages import Msg, define
from desktop.timeutil import to_db

define({"import.row_no_address": ("la riga non ha né un indirizzo e-mail né un numero di cellulare",
                                  "the row has neither an e-mail address nor a mobile number")})

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
    sources: dict[str, str] = field(default_factory=dict)  # channel -> header that stated it, or FILE
    optin_at: str | None = None  # explicit opt-in time (stored form), when the file has one


FILE = "\x00file"  # the consent came from the whole file's status, not from a cell


@dataclass(frozen=True)
class Column:
    """One kept column: where its values go and the context they are read in."""

    index: int
    header: str
    target: str  # a field name, or GROUPS / FULL_NAME / OPTIN_AT / email_blocked / sms_blocked
    spec: FieldSpec | None
    ctx: ParseContext


@dataclass(frozen=True)
class RowPlan:
    """Everything a worker process needs to parse rows, with no database."""

    columns: tuple[Column, ...]
    key_header: str
    country_index: int | None = None
    split_names: bool = False
    multi_value: str | None = None
    group_split: str | None = None
    skip_groups: tuple[str, ...] = ()
    file_status: str | None = None


def group_names(raw: str, split: str | None = None, skip: tuple[str, ...] = ()) -> list[str]:
    """Group names in one cell: split on ``|`` (our export), else on commas (shop tags).

    ``split="quoted"`` reads Mailchimp's ``"VIP","Clienti, fedeli"`` (quotes around each tag);
    system labels in ``skip`` (Google's ``* myContacts``) are not groups.
    """
    if split == "quoted":
        parts = [a or b for a, b in _QUOTED.findall(raw)]
    elif split:
        parts = raw.split(split)
    else:
        parts = raw.split("|") if "|" in raw else raw.split(",")
    names = [p.strip().strip('"').strip() for p in parts]
    return [n for n in names if n and n.casefold() not in skip]


_QUOTED = re.compile(r'"([^"]*)"|([^,"]+)')
_PARTICLES = {"de", "di", "da", "del", "della", "dei", "degli", "dal", "dalla", "lo", "la", "van", "von",
              "der", "le", "mac", "mc", "st", "san", "santa"}


def split_full_name(raw: str) -> tuple[str, str | None]:
    """``Maria Grazia De Luca`` -> ``("Maria Grazia", "De Luca")``; one word is a first name.

    ``Rossi, Mario`` (surname first, with a comma) is read as such.
    """
    if "," in raw:
        last, _, first = raw.partition(",")
        return first.strip() or last.strip(), (last.strip() if first.strip() else None)
    words = raw.split()
    if len(words) < 2:
        return raw.strip(), None
    cut = len(words) - 1
    while cut > 1 and words[cut - 1].casefold().rstrip("'") in _PARTICLES:
        cut -= 1
    return " ".join(words[:cut]), " ".join(words[cut:])


class RowParser:
    """Parses rows for one import's column plan; caches repeated values (dates, statuses, cities)."""

    def __init__(self, plan: RowPlan) -> None:
        self.plan = plan
        self.ctx = plan.columns[0].ctx if plan.columns else ParseContext()
        self._cache: dict[tuple[int, str], Any] = {}
        self._domains: dict[str, str] = {}
        self._regions: dict[str, ParseContext] = {}
        special = (GROUPS, FULL_NAME, OPTIN_AT, "phone", "email_status", "sms_status", *BLOCKED)
        # (column, True when its value goes straight to its field): the common case stays short.
        self._columns = [(c, c.target not in special and not plan.multi_value) for c in plan.columns]

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

    def _value(self, column: Column, raw: str) -> Any:
        spec = column.spec
        assert spec is not None
        if spec.name == "email":
            return self._plain_email(raw) or to_db_value(spec, raw, column.ctx)
        if spec.name in _UNIQUE:
            return to_db_value(spec, raw, column.ctx)
        key = (column.index, raw)
        try:
            return self._cache[key]
        except KeyError:
            pass
        value = to_db_value(spec, raw, column.ctx)  # a ValueError is not cached: bad rows are rare
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[key] = value
        return value

    def _phone_context(self, column: Column, cells: list[str]) -> ParseContext:
        """The row's own country (a country column) before the import's."""
        index = self.plan.country_index
        if index is None or not cells[index].strip():
            return column.ctx
        cell = cells[index].strip()
        ctx = self._regions.get(cell)
        if ctx is None:
            region = region_of(strip_protective(cell))
            ctx = replace(column.ctx, country=region) if region else column.ctx
            if len(self._regions) < _CACHE_LIMIT:
                self._regions[cell] = ctx
        return ctx

    def _one(self, column: Column, raw: str, cells: list[str], result: ParsedRow) -> None:
        values = result.values
        assert values is not None
        target = column.target
        plan = self.plan
        if plan.multi_value and plan.multi_value in raw and target != GROUPS:
            raw = raw.split(plan.multi_value)[0].strip()
        if target == GROUPS:
            result.groups.extend(group_names(raw, plan.group_split, plan.skip_groups))
        elif target == FULL_NAME:
            if plan.split_names:
                first, last = split_full_name(raw)
                values.setdefault("first_name", first)
                if last:
                    values.setdefault("last_name", last)
        elif target == OPTIN_AT:
            result.optin_at = to_db(parse_datetime(raw, column.ctx))
        elif target in BLOCKED:
            values[BLOCKED[target]] = parse_blocked(raw)
            result.sources[BLOCKED[target].split("_")[0]] = column.header
        elif target in ("email_status", "sms_status"):
            values[target] = parse_consent(raw)
            result.sources[target.split("_")[0]] = column.header
        elif target == "phone":
            values["phone"] = normalize_phone(raw, self._phone_context(column, cells).country,
                                              column.ctx.phones_international)
        else:
            values[target] = self._value(column, raw)

    def parse(self, row: Row) -> ParsedRow:
        if row.cells is None:
            return ParsedRow(row.line, None, errors=[(row.column, row.error)])
        values: dict[str, Any] = {}
        result = ParsedRow(row.line, values)
        cells = row.cells
        for column, plain in self._columns:
            raw = cells[column.index]
            if not raw or raw.isspace():
                continue
            if raw[0] == "'" or raw[0].isspace():
                raw = strip_protective(raw.strip())
            try:
                if plain:
                    values[column.target] = self._value(column, raw)
                else:
                    self._one(column, raw, cells, result)
            except ValueError as exc:
                result.errors.append((column.header, reason_of(exc)))
        if self.plan.file_status and "email_status" not in values:
            values["email_status"] = self.plan.file_status
            result.sources["email"] = FILE
        if not result.errors and not values.get("email") and not values.get("phone"):
            result.errors.append((self.plan.key_header, Msg("import.row_no_address").encode()))
        if result.errors:
            result.values = None
        return result

    def parse_many(self, rows: list[Row]) -> list[ParsedRow]:
        return [self.parse(r) for r in rows]


_WORKER: RowParser | None = None


def worker_init(plan: RowPlan) -> None:
    global _WORKER
    _WORKER = RowParser(plan)


def worker_parse(rows: list[Row]) -> list[ParsedRow]:
    assert _WORKER is not None, "worker_init was not run in this process"
    return _WORKER.parse_many(rows)
