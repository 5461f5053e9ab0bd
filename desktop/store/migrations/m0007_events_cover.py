"""Version 7: the events (type, time) index also carries the contact.

Positive behaviour conditions ("clicked in the last 7 days", "bought twice this month") are
``c.id IN (SELECT contact_id FROM events WHERE type = ? AND occurred_at > ?)``; with the
contact in the index that subquery never touches the ten-million-row table itself.
"""

from __future__ import annotations

import sqlite3

VERSION = 7


def apply(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE INDEX events_type_time_contact ON events(type, occurred_at, contact_id)")
    conn.execute("DROP INDEX events_type_time")
