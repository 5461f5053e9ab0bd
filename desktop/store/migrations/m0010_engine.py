"""Version 10: what one engine needs to be asked things and to say what it skipped.

- ``rule_checks.missed_slot``: a scheduled check that went by while nothing ran and that a
  ``skip`` rule did not catch up (a row of history, not a check: ``last_check`` ignores it);
- ``engine_requests``: "check this rule now", written by any window or process and carried
  out by the one running engine, which writes back what happened;
- the statistics triggers recreated so that a frequency-cap reason is recognised in its
  coded form (``{"code":"frequency_cap...``) as well as in the old words.
"""

from __future__ import annotations

import sqlite3

VERSION = 10


def apply(conn: sqlite3.Connection) -> None:
    from desktop.store.migrations import m0003_stats

    conn.execute("ALTER TABLE rule_checks ADD COLUMN missed_slot TEXT")
    conn.execute("CREATE INDEX rule_checks_missed ON rule_checks(rule_id, missed_slot) WHERE missed_slot IS NOT NULL")
    conn.execute(
        "CREATE TABLE engine_requests (\n"
        "    id INTEGER PRIMARY KEY,\n"
        "    kind TEXT NOT NULL CHECK (kind IN ('check_rule')),\n"
        "    rule_id INTEGER REFERENCES rules(id) ON DELETE CASCADE,\n"
        "    requested_at TEXT NOT NULL,\n"
        "    taken_at TEXT,\n"
        "    done_at TEXT,\n"
        "    result TEXT\n"
        ")")
    conn.execute("CREATE INDEX engine_requests_open ON engine_requests(id) WHERE done_at IS NULL")
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                "AND name LIKE 'stats_ledger_%'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    for statement in m0003_stats.triggers():
        if statement.split()[2].startswith("stats_ledger_"):
            conn.execute(statement)
