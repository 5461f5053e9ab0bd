"""Importing purchases, carts, opens, clicks, unsubscribes and bounces from CSV or JSON Lines.

Same contract as the contacts import: one transaction, bad rows named by line and column,
nothing kept unless every row is good or ``skip_invalid`` is set. Each event gets a stable
``uid`` so importing the same file again adds nothing.
"""

from __future__ import annotations

import json
import math
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Callable, Iterator

from desktop import events_import_messages  # noqa: F401  (registers the codes this module raises)
from desktop.contacts.reader import CsvSource
from desktop.contacts.report import ImportReport
from desktop.contacts.row_parse import group_names
from desktop.contacts.sniff import require_regular_file
from desktop.contacts.text import strip_protective
from desktop.contacts.values import (ParseContext, fold, normalize_email, normalize_phone, not_a_date, parse_datetime,
                                     parse_number)
from desktop.errors import reason_of
from desktop.events import event_uid
from desktop.events_context import choose_event_preset, file_context
from desktop.events_keys import _TYPES, KEYS, TYPES  # noqa: F401  (KEYS re-exported)
from desktop.events_presets import Item
from desktop.events_sources import Records, csv_records, is_jsonl, jsonl_records
from desktop.messages import Msg
from desktop.timeutil import UTC, to_db, valid_zone
from desktop.workspace import Workspace

_FUTURE_SLACK = timedelta(days=1)


class _Discard(Exception):
    """Raised inside the transaction to roll it back on purpose."""


class BadValue(ValueError):
    """A bad value of one column; ``reason`` is a ``Msg`` (or a stored reason from ``reason_of``)."""

    def __init__(self, column: str, reason: str | Msg) -> None:
        super().__init__(str(reason))
        self.column = column
        self.msg = reason if isinstance(reason, Msg) else None


class _EventParser:
    def __init__(self, ws: Workspace, ctx: ParseContext, now: datetime,
                 mapping: dict[str, str | None] | None = None) -> None:
        self.ws, self.ctx, self.now = ws, ctx, now
        self.rules: dict[str, int | None] = {}
        self.mapping = mapping or {}
        self.contacts: dict[tuple[str | None, str | None], int | None] = {}
        self.emails: dict[str, str] = {}

    def _rule_id(self, name: str) -> int | None:
        if name not in self.rules:
            row = self.ws.db.execute("SELECT id FROM rules WHERE name = ?", [name]).fetchone()
            self.rules[name] = row[0] if row else None
        return self.rules[name]

    def parse(self, record: dict[str, Any]) -> dict[str, Any]:
        """The event to record, keyed like ``Events.record``; raises ``BadValue`` naming the column."""
        fields: dict[str, tuple[str, Any]] = {}
        for column, value in record.items():
            column = str(column)
            key = self.mapping[column] if column in self.mapping else KEYS.get(fold(column))
            if key and value not in (None, "") and not (isinstance(value, str) and value.isspace()):
                fields[key] = (column, strip_protective(value.strip()) if isinstance(value, str) else value)
        get = lambda key: fields.get(key, (key, None))  # noqa: E731
        kind = self._kind(fields)
        contact_id = self._contact(fields)
        column, raw = get("date")
        if raw is None:
            raise BadValue("date", Msg("events.needs_date"))
        occurred = self._when(column, raw, record.get("zone"))
        event: dict[str, Any] = {"type_": kind, "contact_id": contact_id, "occurred_at": occurred,
                                 "ref": None, "amount": None, "payload": {}}
        if kind in ("purchase", "cart_updated"):
            id_key = "order_id" if kind == "purchase" else "cart_id"
            column, ref = get(id_key)
            if ref is None:
                raise BadValue(id_key, Msg("events.needs_order_id" if kind == "purchase" else "events.needs_cart_id"))
            event["ref"] = str(ref)
            column, amount = get("amount")
            if amount is None and kind == "purchase":
                raise BadValue("amount", Msg("events.needs_amount"))
            if amount is not None:
                event["amount"] = self._amount(column, amount)
            event["payload"] = {id_key: str(ref), "amount": event["amount"],
                                "items": self._items(*get("items"))}
        elif kind in ("email_opened", "email_clicked"):
            url = get("url")[1]
            if kind == "email_clicked" and url is None:
                raise BadValue("url", Msg("events.needs_url"))
            rule = get("rule")[1]
            event["ref"] = str(url) if kind == "email_clicked" else (str(rule) if rule else None)
            event["payload"] = {k: v for k, v in (("url", url), ("rule", rule)) if v is not None}
            event["rule_id"] = self._rule_id(str(rule)) if rule else None
        else:
            column, channel = get("channel")
            channel = str(channel or "email").lower()
            if channel not in ("email", "sms", "e-mail"):
                raise BadValue(column, Msg("events.bad_channel", {"value": channel}))
            channel = "email" if channel == "e-mail" else channel
            if kind == "email_bounced":
                channel = "email"
            event["ref"] = channel
            event["payload"] = {"channel": channel}
        return event

    def _kind(self, fields: dict[str, tuple[str, Any]]) -> str:
        if "type" in fields:
            column, raw = fields["type"]
            kind = TYPES.get(fold(str(raw)))
            if kind is None:
                raise BadValue(column, Msg("events.bad_type", {"value": raw, "types": ", ".join(_TYPES)}))
            return kind
        if "order_id" in fields:
            return "purchase"
        if "cart_id" in fields:
            return "cart_updated"
        raise BadValue("type", Msg("events.no_type"))

    def _contact(self, fields: dict[str, tuple[str, Any]]) -> int:
        email = phone = None
        if "email" in fields:
            column, raw = fields["email"]
            email = self._email(column, str(raw))
        if "phone" in fields:
            column, raw = fields["phone"]
            try:
                phone = normalize_phone(str(raw), self.ctx.country)
            except ValueError as exc:
                raise BadValue(column, reason_of(exc)) from None
        if email is None and phone is None:
            raise BadValue("email", Msg("events.needs_contact"))
        key = (email, phone)
        if key not in self.contacts:
            if len(self.contacts) > 100_000:
                self.contacts.clear()
            self.contacts[key] = self.ws.contacts.find(email, phone)
        contact_id = self.contacts[key]
        if contact_id is None:
            column = fields["email"][0] if email else fields["phone"][0]
            raise BadValue(column, Msg("events.unknown_contact", {"address": email or phone}))
        return contact_id

    def _email(self, column: str, raw: str) -> str:
        """Validated once per address: an orders file names the same customers again and again."""
        found = self.emails.get(raw)
        if found is None:
            try:
                found = normalize_email(raw)
            except ValueError as exc:
                raise BadValue(column, reason_of(exc)) from None
            if len(self.emails) > 100_000:
                self.emails.clear()
            self.emails[raw] = found
        return found

    def _when(self, column: str, raw: Any, zone: Any = None) -> datetime:
        ctx = self.ctx
        if isinstance(zone, str) and zone and zone != ctx.zone:
            if not valid_zone(zone):
                raise BadValue(column, Msg("events.bad_zone", {"value": zone}))
            ctx = replace(ctx, zone=zone)
        try:
            if isinstance(raw, (int, float)) and not isinstance(raw, bool):
                moment = datetime.fromtimestamp(raw, UTC)
            else:
                moment = parse_datetime(str(raw), ctx)
        except (ValueError, OverflowError, OSError) as exc:
            # A timestamp beyond Python's calendar ("year 3170843 is out of range") is no date either.
            coded = exc if getattr(exc, "msg", None) is not None else not_a_date(raw, ctx)
            raise BadValue(column, reason_of(coded)) from None
        if moment > self.now + _FUTURE_SLACK:
            raise BadValue(column, Msg("events.in_future", {"value": raw}))
        return moment

    def _amount(self, column: str, raw: Any) -> float:
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            if not math.isfinite(raw):
                raise BadValue(column, Msg("events.not_amount", {"value": raw}))
            return float(raw)
        if not isinstance(raw, str):
            raise BadValue(column, Msg("events.amount_not_number"))
        try:
            return parse_number(raw, self.ctx.decimal)
        except ValueError as exc:
            raise BadValue(column, reason_of(exc)) from None

    @staticmethod
    def _items(column: str, raw: Any) -> list[Any]:
        if raw is None:
            return []
        if isinstance(raw, list):
            return raw
        text = str(raw)
        if text.startswith("["):
            try:
                items = json.loads(text)
            except json.JSONDecodeError as exc:
                raise BadValue(column, Msg("events.bad_items", {"error": exc.msg})) from None
            if isinstance(items, list):
                return items
        return group_names(text)


def import_events(ws: Workspace, path: str | Path, *, now: datetime, country: str | None = None,
                  skip_invalid: bool = False, dry_run: bool = False,
                  mapping: dict[str, str | None] | None = None, preset: str | None = None,
                  date_order: str | None = None,
                  progress: Callable[[int], None] | None = None) -> ImportReport:
    """Import events from a CSV or JSON Lines file; the report says what was (or would be) added.

    Shop and payment exports (Shopify and WooCommerce orders, Stripe, PayPal) are detected
    from their header (or named with ``preset``) and read as purchases; ``mapping`` names
    the generic key (``email``, ``date``, ``order_id``, ``amount``…) of other columns.
    """
    file = Path(path)
    require_regular_file(file)
    chosen = (country or ws.settings.get("business.country") or "IT").upper()
    ctx = ParseContext(country=chosen, date_order=date_order or ws.settings.get("import.date_order"),
                       zone=ws.settings.get("business.timezone"))
    report = ImportReport(str(file), "events", dry_run=dry_run, skip_invalid=skip_invalid)
    source = None
    records: Iterator[Item]
    if is_jsonl(file):
        report.encoding, report.delimiter = "utf-8", "JSON Lines"
        records = ((line, rec, err, "") for line, rec, err in jsonl_records(file))
    else:
        source = CsvSource(file)
        report.encoding, report.delimiter = source.encoding, source.delimiter_name
        ctx = file_context(ws, source, chosen, date_order, report)
        found = choose_event_preset(source.headers, preset)
        report.preset = found.label if found else None
        plain: Records = csv_records(source)
        records = found.transform(plain) if found else ((l, r, e, "") for l, r, e in plain)
    try:
        with ws.transaction():
            _import(ws, records, _EventParser(ws, ctx, now, mapping), now, report, progress)
            if dry_run or not report.ok:
                raise _Discard
        report.committed = True
    except _Discard:
        report.committed = False
    finally:
        if source is not None:
            source.close()
    return report


def _import(ws: Workspace, records: Iterator[Item], parser: _EventParser,
            now: datetime, report: ImportReport, progress: Callable[[int], None] | None) -> None:
    first_new = ws.db.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0] + 1
    for line, record, error, left_out in records:
        report.rows += 1
        if progress is not None and report.rows % 5000 == 0:
            progress(report.rows)
        if left_out:
            if not left_out.startswith("\x00"):
                report.left_out[left_out] = report.left_out.get(left_out, 0) + 1
            continue
        if record is None:
            report.invalid += 1
            report.add_error(line, "", error)
            continue
        try:
            event = parser.parse(record)
        except BadValue as exc:
            report.invalid += 1
            report.add_error(line, exc.column, reason_of(exc))
            continue
        uid = event_uid(event["type_"], event["contact_id"], to_db(event["occurred_at"]), event["ref"])
        new_id = ws.events.record(uid=uid, **event)
        if new_id is None:
            existing = ws.db.execute("SELECT id FROM events WHERE uid = ?", [uid]).fetchone()[0]
            if existing >= first_new:
                report.duplicates_in_file += 1
            else:
                report.unchanged += 1
            continue
        report.created += 1
        if event["type_"] in ("unsubscribed", "email_bounced"):
            status = "bounced" if event["type_"] == "email_bounced" else "unsubscribed"
            field = "sms_status" if event["ref"] == "sms" else "email_status"
            ws.contacts.update(event["contact_id"], {field: status}, now)
    if progress is not None:
        progress(report.rows)
