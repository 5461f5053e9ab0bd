"""The event log: everything that happened to a contact, typed, with a JSON payload.

Behaviour conditions (purchases, carts, opens, clicks, field changes) read from here, so
every writer goes through ``Events.record`` to keep one shape.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

import sqlite_utils

from desktop.timeutil import to_db

EVENT_TYPES = (
    "registered", "purchase", "cart_updated", "field_changed",
    "email_sent", "email_opened", "email_clicked", "email_bounced",
    "email_machine_opened",  # a pixel fetched by a machine (Apple MPP, a scanner): never "opened"
    "email_machine_clicked",  # a link followed by a security scanner: never "clicked"
    "sms_sent", "sms_delivered", "sms_failed",
    "unsubscribed", "rss_item", "custom",
)


def event_uid(type_: str, contact_id: int | None, occurred_at: str, ref: str | None) -> str:
    """A stable identity for an imported event, so importing the same file twice adds nothing."""
    raw = f"{type_}|{contact_id}|{occurred_at}|{ref or ''}"
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()


# One encoder for every payload: ``json.dumps`` with options builds a new one per call, and
# a send writes one payload for its ledger row and one for its event.
PAYLOAD_JSON = json.JSONEncoder(ensure_ascii=False, default=str)

INSERT_EVENT = ("INSERT INTO events(contact_id, type, occurred_at, ref, rule_id, amount, payload, uid) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")


def event_values(type_: str, occurred_at: datetime, contact_id: int | None = None, *, ref: str | None = None,
                 amount: float | None = None, payload: dict[str, Any] | None = None,
                 rule_id: int | None = None, uid: str | None = None) -> tuple:
    """One event's parameters for ``INSERT_EVENT`` — the single place an event gets its shape."""
    if type_ not in EVENT_TYPES:
        raise ValueError(f"unknown event type {type_!r}")
    return (contact_id, type_, to_db(occurred_at), ref, rule_id, amount,
            PAYLOAD_JSON.encode(payload) if payload else "{}", uid)


class Events:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def record(
        self,
        type_: str,
        occurred_at: datetime,
        contact_id: int | None = None,
        *,
        ref: str | None = None,
        amount: float | None = None,
        payload: dict[str, Any] | None = None,
        rule_id: int | None = None,
        uid: str | None = None,
    ) -> int | None:
        """Insert one event; returns its id, or ``None`` if an event with this ``uid`` exists."""
        cursor = self._db.execute(INSERT_EVENT, event_values(type_, occurred_at, contact_id, ref=ref, amount=amount,
                                                            payload=payload, rule_id=rule_id, uid=uid))
        return cursor.lastrowid if cursor.rowcount else None

    def record_many(self, rows: list[tuple]) -> int:
        """Insert many ``event_values`` tuples at once; returns how many were new."""
        return self._db.conn.executemany(INSERT_EVENT, rows).rowcount

    def for_contact(self, contact_id: int, limit: int = 200) -> list[dict[str, Any]]:
        rows = self._db.execute(
            "SELECT id, type, occurred_at, ref, rule_id, amount, payload FROM events "
            "WHERE contact_id = ? ORDER BY occurred_at DESC, id DESC LIMIT ?",
            [contact_id, limit],
        )
        keys = ("id", "type", "occurred_at", "ref", "rule_id", "amount", "payload")
        return [dict(zip(keys, r)) | {"payload": json.loads(r[6])} for r in rows]
