"""Reactions without a send counted apart: the statistics triggers recreated, counters rebuilt.

An open or click that answers no send (imported from another tool) used to count for the
rule it named, or for "no rule", and for the all-rules total, so "(no rule)" showed a
click-to-open rate over 100 % and the overall open rate counted opens of no message. Now
such reactions count only under "without a send" (rule id 0), which the all-rules total
leaves out (``desktop/stats/sql.py``); existing counters are recomputed with that meaning.
"""

from __future__ import annotations

import sqlite3

VERSION = 15


def apply(conn: sqlite3.Connection) -> None:
    from desktop.stats.counters import rebuild_counters
    from desktop.store.migrations import m0003_stats

    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                "AND name LIKE 'stats\\_%' ESCAPE '\\'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    for statement in m0003_stats.triggers():
        conn.execute(statement)
    rebuild_counters(conn)
