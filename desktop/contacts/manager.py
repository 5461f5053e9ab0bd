"""Creating and changing contacts, with a ``field_changed`` event for every changed value.

The change events are what "field X changed in the last N hours" conditions read, so no
code path may write a contact column except through ``Contacts.update``.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, Iterable

import sqlite_utils

from desktop.errors import InputError
from desktop.messages import Msg, define
from desktop.events import Events
from desktop.fields import FieldCatalog
from desktop.timeutil import to_db

define({
    "contact.read_only_field": ("il campo {name!r} è gestito da Postino e non si può impostare",
                                "field {name!r} is kept by Postino and cannot be set"),
    "contact.needs_address": ("un contatto ha bisogno di un indirizzo e-mail o di un numero di cellulare",
                              "a contact needs an e-mail address or a mobile number"),
    "contact.not_found": ("non c'è nessun contatto con id {id}", "there is no contact with id {id}"),
})

_READ_ONLY = {"updated_at"}


class Contacts:
    def __init__(self, db: sqlite_utils.Database, fields: FieldCatalog, events: Events) -> None:
        self._db = db
        self._fields = fields
        self._events = events
        self._shape: tuple[Any, str, tuple[str, ...]] | None = None

    def _columns(self, values: dict[str, Any]) -> dict[str, Any]:
        columns = {}
        for name, value in values.items():
            spec = self._fields.get(name)
            if name in _READ_ONLY:
                raise InputError(Msg("contact.read_only_field", {"name": name}))
            columns[spec.column] = value
        return columns

    def _projection(self) -> tuple[str, tuple[str, ...]]:
        """``SELECT`` of every field's column and the field names in the same order, built
        once per field catalogue (the dispatcher and simulator read contacts per send)."""
        fields = self._fields.all()
        if self._shape is None or self._shape[0] is not fields:
            names = tuple(n for n in fields if n != "id")
            columns = ", ".join(f'"{fields[n].column}"' for n in names)
            self._shape = (fields, f"SELECT id, {columns} FROM contacts", ("id", *names))
        return self._shape[1], self._shape[2]

    def get(self, contact_id: int) -> dict[str, Any] | None:
        """A contact by field name (not column name), or ``None``."""
        sql, keys = self._projection()
        row = self._db.conn.execute(sql + " WHERE id = ?", [contact_id]).fetchone()
        return None if row is None else dict(zip(keys, row))

    def get_many(self, contact_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
        """Several contacts in one query, by id (missing ids are simply absent)."""
        sql, keys = self._projection()
        rows = self._db.conn.execute(sql + " WHERE id IN (SELECT value FROM json_each(?))",
                                     [json.dumps(list(contact_ids))])
        return {row[0]: dict(zip(keys, row)) for row in rows}

    def find(self, email: str | None = None, phone: str | None = None) -> int | None:
        """Match as imports do: on e-mail first, else on phone."""
        if email:
            row = self._db.execute("SELECT id FROM contacts WHERE email = ?", [email]).fetchone()
            if row:
                return row[0]
            return None if phone is None else self._by_phone_without_email(phone)
        if phone:
            row = self._db.execute(
                "SELECT id FROM contacts WHERE phone = ? ORDER BY id LIMIT 1", [phone]).fetchone()
            return row[0] if row else None
        return None

    def _by_phone_without_email(self, phone: str) -> int | None:
        # A row with an e-mail matches a phone-only contact, never another e-mail's owner.
        row = self._db.execute(
            "SELECT id FROM contacts WHERE phone = ? AND email IS NULL ORDER BY id LIMIT 1", [phone]
        ).fetchone()
        return row[0] if row else None

    def create(self, values: dict[str, Any], now: datetime) -> int:
        """Insert a contact from already-normalised values; records its ``registered`` event."""
        if not values.get("email") and not values.get("phone"):
            raise InputError(Msg("contact.needs_address"))
        data = dict(values)
        registered = data.pop("registered_at", None) or to_db(now)
        columns = self._columns(data)
        columns["registered_at"] = registered
        columns["updated_at"] = to_db(now)
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" for _ in columns)
        contact_id = self._db.execute(
            f"INSERT INTO contacts ({names}) VALUES ({marks})", list(columns.values())
        ).lastrowid
        self._db.execute(
            "INSERT INTO events(contact_id, type, occurred_at, payload) VALUES (?, 'registered', ?, '{}')",
            [contact_id, registered],
        )
        return contact_id

    def update(self, contact_id: int, values: dict[str, Any], now: datetime,
               only_missing: bool = False) -> dict[str, tuple[Any, Any]]:
        """Apply changed values; returns ``{field: (old, new)}`` for what actually changed.

        Unchanged values write nothing (no event, no new ``updated_at``), which is what makes a
        repeated import a no-op. ``only_missing`` fills empty fields and leaves the rest.
        """
        current = self.get(contact_id)
        if current is None:
            raise InputError(Msg("contact.not_found", {"id": contact_id}))
        changes: dict[str, tuple[Any, Any]] = {}
        for name, new in values.items():
            old = current.get(name)
            if old == new or (only_missing and old not in (None, "")):
                continue
            if isinstance(old, (int, float)) and isinstance(new, (int, float)) and float(old) == float(new):
                continue
            changes[name] = (old, new)
        if not changes:
            return {}
        columns = self._columns({k: v[1] for k, v in changes.items()})
        columns["updated_at"] = to_db(now)
        assignments = ", ".join(f'"{c}" = ?' for c in columns)
        self._db.execute(
            f"UPDATE contacts SET {assignments} WHERE id = ?", [*columns.values(), contact_id])
        for name, (old, new) in changes.items():
            self._events.record("field_changed", now, contact_id, ref=name,
                                payload={"field": name, "old": old, "new": new})
        return changes

    def delete(self, contact_id: int) -> None:
        self._db.execute("DELETE FROM contacts WHERE id = ?", [contact_id])

    def count(self) -> int:
        return self._db.execute("SELECT count(*) FROM contacts").fetchone()[0]
