"""Matching imported rows to contacts and writing them, a chunk of rows at a time.

The per-row way (``Contacts.find`` then ``Contacts.create``) costs four statements per new
contact; on 100,000 rows that alone is most of the time budget. Here each chunk looks up
all its e-mails and phones in two queries, and new contacts are inserted with
``executemany`` exactly as ``Contacts.create`` would insert them (same columns, same
``registered`` event). Changes to existing contacts still go through ``Contacts.update``,
so every real change records its ``field_changed`` event.

When an update changes an e-mail or a phone, the chunk's lookups are stale; the rest of the
chunk then falls back to the per-row manager calls, which read the database itself.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Iterable

from desktop.contacts.consent_rules import ConsentRules
from desktop.contacts.report import ImportReport
from desktop.contacts.row_parse import ParsedRow
from desktop.timeutil import to_db
from desktop.workspace import Workspace

_KEYS = ("email", "phone")
_IN_LIMIT = 500  # stay well under SQLite's bound-parameter limit


class ChunkWriter:
    def __init__(self, ws: Workspace, now: datetime, report: ImportReport, group: str | None,
                 consent: ConsentRules | None = None) -> None:
        self.ws, self.now, self.report = ws, now, report
        # Without rules of its own nobody is subscribed: consent is never invented.
        self.consent = consent or ConsentRules(ws, report, None)
        self.stamp = to_db(now)
        row = ws.db.execute("SELECT coalesce(max(id), 0) FROM contacts").fetchone()
        self.first_new_id = row[0] + 1  # ids from here on were created by this import
        self.next_id = self.first_new_id
        self.touched = _IdSet(row[0])  # pre-existing contacts this import already matched
        self.group_ids: dict[str, int] = {}
        self.members: dict[int, list[int]] = {}
        self.fixed_group = self._group_id(group) if group else None
        self._reset()

    def _reset(self) -> None:
        self.pending: dict[int, dict[str, Any]] = {}
        self.pending_email: dict[str, int] = {}
        self.pending_phone: dict[str, int] = {}
        self.pending_phone_no_email: dict[str, int] = {}
        self.db_email: dict[str, int] = {}
        self.db_phone: dict[str, int] = {}
        self.db_phone_no_email: dict[str, int] = {}
        self.stale = False

    def _group_id(self, name: str) -> int:
        key = name.strip().casefold()
        if key not in self.group_ids:
            self.group_ids[key] = self.ws.groups.ensure(name, self.now)
        return self.group_ids[key]

    # -- lookups ---------------------------------------------------------------------------
    def _prefetch(self, rows: list[ParsedRow]) -> None:
        emails = list({r.values["email"] for r in rows if r.values and r.values.get("email")})
        phones = list({r.values["phone"] for r in rows if r.values and r.values.get("phone")})
        db = self.ws.db.conn
        for part in _parts(emails):
            marks = ",".join("?" * len(part))
            self.db_email.update(db.execute(f"SELECT email, id FROM contacts WHERE email IN ({marks})", part))
        for part in _parts(phones):
            marks = ",".join("?" * len(part))
            for phone, cid, no_email in db.execute(
                    f"SELECT phone, id, email IS NULL FROM contacts WHERE phone IN ({marks}) ORDER BY id", part):
                self.db_phone.setdefault(phone, cid)
                if no_email:
                    self.db_phone_no_email.setdefault(phone, cid)

    def _find(self, email: str | None, phone: str | None) -> int | None:
        """``Contacts.find`` over the database plus the not-yet-inserted contacts (higher ids)."""
        if self.stale:
            return self.ws.contacts.find(email, phone)
        if email:
            found = self.db_email.get(email) or self.pending_email.get(email)
            if found or not phone:
                return found
            return self.db_phone_no_email.get(phone) or self.pending_phone_no_email.get(phone)
        if phone:
            return self.db_phone.get(phone) or self.pending_phone.get(phone)
        return None

    # -- writes ----------------------------------------------------------------------------
    def write_chunk(self, rows: list[ParsedRow]) -> None:
        self._prefetch(rows)
        for row in rows:
            if row.values is not None:
                self._write(row)
        self.flush()
        self._reset()

    def _write(self, row: ParsedRow) -> None:
        report = self.report
        values, groups = row.values, row.groups
        assert values is not None
        email, phone = values.get("email"), values.get("phone")
        contact_id = self._find(email, phone)
        if contact_id is None:
            if not self.consent.for_new(row):
                return
            contact_id = self._create(values)
            report.created += 1
        elif contact_id in self.pending:
            report.duplicates_in_file += 1
            self._merge_pending(contact_id, values)
        elif contact_id >= self.first_new_id or contact_id in self.touched:
            report.duplicates_in_file += 1
            self._update(contact_id, values, only_missing=True)
        else:
            self.touched.add(contact_id)
            self.consent.for_existing(contact_id, row)
            if self._update(contact_id, values, only_missing=False):
                report.updated += 1
            else:
                report.unchanged += 1
        for name in groups:
            self.members.setdefault(self._group_id(name), []).append(contact_id)
        if self.fixed_group is not None:
            self.members.setdefault(self.fixed_group, []).append(contact_id)

    def _create(self, values: dict[str, Any]) -> int:
        if self.stale:
            contact_id = self.ws.contacts.create(values, self.now)
            self.next_id = contact_id + 1
            return contact_id
        contact_id = self.next_id
        self.next_id += 1
        self.pending[contact_id] = dict(values)
        email, phone = values.get("email"), values.get("phone")
        if email:
            self.pending_email[email] = contact_id
        if phone:
            self.pending_phone.setdefault(phone, contact_id)
            if not email:
                self.pending_phone_no_email.setdefault(phone, contact_id)
        return contact_id

    def _merge_pending(self, contact_id: int, values: dict[str, Any]) -> None:
        """A duplicate of a row not yet inserted: fill its empty fields, as ``only_missing`` does.

        The contact is still being born, so this records no change events; the lookups are
        kept exactly as the database would answer them once it is written.
        """
        current = self.pending[contact_id]
        added = {}
        for name, value in values.items():
            if current.get(name) in (None, ""):
                current[name] = value
                added[name] = value
        if "email" in added:
            self.pending_email[added["email"]] = contact_id
            phone = current.get("phone")
            if phone and self.pending_phone_no_email.get(phone) == contact_id:
                del self.pending_phone_no_email[phone]
                others = [c for c, v in self.pending.items() if v.get("phone") == phone and not v.get("email")]
                if others:
                    self.pending_phone_no_email[phone] = min(others)
        if "phone" in added:
            phone = added["phone"]
            _keep_lowest(self.pending_phone, phone, contact_id)
            if not current.get("email"):
                _keep_lowest(self.pending_phone_no_email, phone, contact_id)

    def _update(self, contact_id: int, values: dict[str, Any], only_missing: bool) -> bool:
        changes = self.ws.contacts.update(contact_id, values, self.now, only_missing=only_missing)
        if any(k in changes for k in _KEYS):
            self._go_stale()
        return bool(changes)

    def _go_stale(self) -> None:
        """Lookups no longer match the data: write what is pending and ask the database from now on."""
        self._insert_pending()
        self.stale = True

    def _insert_pending(self) -> None:
        if not self.pending:
            return
        fields = self.ws.fields
        by_columns: dict[tuple[str, ...], list[list[Any]]] = {}
        events: list[tuple[int, str]] = []
        for contact_id, values in self.pending.items():
            data = dict(values)
            registered = data.pop("registered_at", None) or self.stamp  # as Contacts.create does
            names = tuple(data)
            row = [contact_id, *data.values(), registered, self.stamp]
            by_columns.setdefault(names, []).append(row)
            events.append((contact_id, registered))
        conn = self.ws.db.conn
        for names, rows in by_columns.items():
            columns = ", ".join(['"id"', *(f'"{fields.get(n).column}"' for n in names),
                                 '"registered_at"', '"updated_at"'])
            marks = ", ".join("?" * (len(names) + 3))
            conn.executemany(f"INSERT INTO contacts ({columns}) VALUES ({marks})", rows)
        conn.executemany(
            "INSERT INTO events(contact_id, type, occurred_at, payload) VALUES (?, 'registered', ?, '{}')", events)
        self.pending.clear()
        self.pending_email.clear()
        self.pending_phone.clear()
        self.pending_phone_no_email.clear()

    def flush(self) -> None:
        self._insert_pending()
        for gid, members in self.members.items():
            self.ws.groups.add(gid, members, self.now)
        self.members.clear()


class _IdSet:
    """Ids of pre-existing contacts as a bitmap: one bit each, so a re-import of a million
    contacts needs 125 kB rather than a set of a million ints."""

    def __init__(self, max_id: int) -> None:
        self._bits = bytearray(max_id // 8 + 1)

    def add(self, contact_id: int) -> None:
        self._bits[contact_id >> 3] |= 1 << (contact_id & 7)

    def __contains__(self, contact_id: int) -> bool:
        index = contact_id >> 3
        return index < len(self._bits) and bool(self._bits[index] & (1 << (contact_id & 7)))


def _parts(items: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(items), _IN_LIMIT):
        yield items[start:start + _IN_LIMIT]


def _keep_lowest(index: dict[str, int], key: str, contact_id: int) -> None:
    """Phone lookups answer with the lowest id, as ``ORDER BY id LIMIT 1`` does."""
    if key not in index or index[key] > contact_id:
        index[key] = contact_id
