"""Hand-built ledgers and events for the statistics tests: SQL rows plus ``ws.events.record``."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from desktop.timeutil import to_db

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


def add_rule(ws: Any, name: str, channel: str = "email") -> int:
    action = {"type": "send_email" if channel == "email" else "send_sms", "template": "T"}
    return ws.db.execute(
        "INSERT INTO rules(name, enabled, definition, created_at, updated_at) VALUES (?, 1, ?, ?, ?)",
        [name, json.dumps({"format": 1, "name": name, "action": action}), to_db(T0), to_db(T0)]).lastrowid


def add_contact(ws: Any, n: int) -> int:
    return ws.contacts.create({"email": f"c{n}@example.org", "phone": f"+39333{n:07d}"}, T0)


def add_ledger(ws: Any, rule_id: int, contact_id: int, occurrence: str, state: str, at: datetime, *,
               sent_at: datetime | None = None, channel: str = "email", reason: str | None = None) -> int:
    """A ledger row as the engine or dispatcher would leave it (matched and updated at ``at``)."""
    if state == "sent" and sent_at is None:
        sent_at = at
    return ws.db.execute(
        "INSERT INTO ledger(rule_id, contact_id, occurrence, channel, state, matched_at, due_at, sent_at, "
        "reason, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [rule_id, contact_id, occurrence, channel, state, to_db(at), to_db(at),
         to_db(sent_at) if sent_at else None, reason, to_db(at)]).lastrowid


def move(ws: Any, ledger_id: int, state: str, at: datetime, **extra: Any) -> None:
    """A state change the way ``LedgerStore`` does it: one UPDATE with ``updated_at``."""
    values = {"state": state, "updated_at": to_db(at), **extra}
    if state == "sent":
        values.setdefault("sent_at", to_db(at))
    sets = ", ".join(f"{k} = ?" for k in values)
    ws.db.execute(f"UPDATE ledger SET {sets} WHERE id = ?", [*values.values(), ledger_id])


def counters(ws: Any) -> dict[str, set[tuple]]:
    """Every non-zero summary row, for comparing the incremental and rebuilt paths."""
    out = {}
    for table in ("stats_q", "stats_d"):
        cur = ws.db.execute(f"SELECT * FROM {table}")
        rows = set()
        for row in cur.fetchall():
            keys, values = row[:2], row[2:]
            if any(v for v in values):
                rows.add((*keys, *[round(v, 6) if isinstance(v, float) else v for v in values]))
        out[table] = rows
    out["stats_first"] = set(ws.db.execute("SELECT kind, msg, rule_id, first_at FROM stats_first").fetchall())
    return out
