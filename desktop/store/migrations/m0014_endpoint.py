"""Version 14: what the public endpoint records — machine opens apart, a counter for them,
and the old ``tracking.base_url`` setting moved to ``endpoint.public_url``.

* ``email_machine_opened``: an open pixel fetched by a machine (Apple Mail Privacy
  Protection's prefetch, a security scanner). It is its own event type, not a flag on
  ``email_opened``, so the "opened" conditions, ``last_opened_at`` and the open rate keep
  reading the (type, time) index alone and cannot count a machine by mistake.
  The events table's CHECK only gains a value, which no stored row can violate: SQLite
  documents editing ``sqlite_schema`` for exactly that (lang_altertable.html, "Making
  Other Kinds Of Table Schema Changes"), instead of copying ten million rows.
* ``stats_q`` / ``stats_d`` gain ``machine_opened``; the events and staging triggers are
  made again from ``m0003_stats`` (which reads ``desktop.stats.sql``), as m0010 did.
* ``tracking.base_url`` (before the endpoint existed) becomes ``endpoint.public_url`` when it
  is a public https address and that setting is empty; it is dropped either way.
"""

from __future__ import annotations

import json
import sqlite3

from desktop.store.migrations._event_types import add_counter_columns, allow_event_type

VERSION = 14

NEW_TYPE = "email_machine_opened"


def _counters(conn: sqlite3.Connection) -> None:
    from desktop.store.migrations import m0003_stats

    add_counter_columns(conn)
    for statement in m0003_stats.triggers():
        name = statement.split()[2]
        if name.startswith(("stats_events_", "stats_engage_")):
            conn.execute(f"DROP TRIGGER IF EXISTS {name}")
            conn.execute(statement)


def _old_base_url(conn: sqlite3.Connection) -> None:
    from desktop.delivery.unsubscribe import public_https

    row = conn.execute("SELECT value, updated_at FROM settings WHERE key = 'tracking.base_url'").fetchone()
    if row is None:
        return
    try:
        url = public_https(str(json.loads(row[0]) or ""))
    except ValueError:
        url = ""
    if url:
        conn.execute("INSERT INTO settings(key, value, updated_at) VALUES ('endpoint.public_url', ?, ?) "
                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value WHERE settings.value = '\"\"'",
                     [json.dumps(url), row[1]])
    conn.execute("DELETE FROM settings WHERE key = 'tracking.base_url'")


def apply(conn: sqlite3.Connection) -> None:
    allow_event_type(conn, NEW_TYPE)
    _counters(conn)
    _old_base_url(conn)
