"""Schema steps more than one migration takes: a new event type, new counter columns.

* An event type is added to the events table's ``CHECK (type IN (...))`` by editing the
  stored schema text, which SQLite documents for a change no stored row can violate
  (lang_altertable.html, "Making Other Kinds Of Table Schema Changes"): copying a table
  of ten million events to widen a list would take minutes at the user's first start.
* Counter columns are added from ``desktop.stats.sql.COUNTS``: a migration that rebuilds
  the counters writes every column of today's list, so whichever migration runs first on
  an old workspace adds them all (later ones find them present).
"""

from __future__ import annotations

import re
import sqlite3

_CHECK = re.compile(r"(CHECK \(type IN \()([^)]*)(\)\))")


def allow_event_type(conn: sqlite3.Connection, new_type: str) -> None:
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'events'").fetchone()[0]
    if f"'{new_type}'" in sql:
        return
    found = _CHECK.search(sql)
    if found is None:
        raise RuntimeError(f"the events table has no CHECK on its type; cannot add {new_type}")
    new_sql = sql[:found.end(2)] + f", '{new_type}'" + sql[found.end(2):]
    version = conn.execute("PRAGMA schema_version").fetchone()[0]
    conn.execute("PRAGMA writable_schema = ON")
    try:
        conn.execute("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'events'", [new_sql])
        conn.execute(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        conn.execute("PRAGMA writable_schema = OFF")


def add_counter_columns(conn: sqlite3.Connection) -> None:
    from desktop.stats.sql import COUNTS

    for table in ("stats_q", "stats_d"):
        present = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        for column in COUNTS:
            if column not in present:
                conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} INTEGER NOT NULL DEFAULT 0")


def remake_stats_triggers(conn: sqlite3.Connection) -> None:
    """Every statistics trigger dropped and created again from today's definitions."""
    from desktop.store.migrations import m0003_stats

    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                "AND name LIKE 'stats\\_%' ESCAPE '\\'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    for statement in m0003_stats.triggers():
        conn.execute(statement)
