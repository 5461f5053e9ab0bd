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
import re
import sqlite3

VERSION = 14

NEW_TYPE = "email_machine_opened"
_CHECK = re.compile(r"(CHECK \(type IN \()([^)]*)(\)\))")


def _allow_machine_opens(conn: sqlite3.Connection) -> None:
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'events'").fetchone()[0]
    if f"'{NEW_TYPE}'" in sql:
        return
    found = _CHECK.search(sql)
    if found is None:
        raise RuntimeError("the events table has no CHECK on its type; cannot add machine opens")
    new_sql = sql[:found.end(2)] + f", '{NEW_TYPE}'" + sql[found.end(2):]
    version = conn.execute("PRAGMA schema_version").fetchone()[0]
    conn.execute("PRAGMA writable_schema = ON")
    try:
        conn.execute("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'events'", [new_sql])
        conn.execute(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        conn.execute("PRAGMA writable_schema = OFF")


def _counters(conn: sqlite3.Connection) -> None:
    from desktop.store.migrations import m0003_stats

    for table in ("stats_q", "stats_d"):
        columns = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        if "machine_opened" not in columns:
            conn.execute(f"ALTER TABLE {table} ADD COLUMN machine_opened INTEGER NOT NULL DEFAULT 0")
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
    _allow_machine_opens(conn)
    _counters(conn)
    _old_base_url(conn)
