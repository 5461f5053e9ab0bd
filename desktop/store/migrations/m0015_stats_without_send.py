"""Reactions without a send counted apart: the statistics triggers recreated, counters rebuilt.

An open or click that answers no send (imported from another tool) used to count for the
rule it named, or for "no rule", and for the all-rules total, so "(no rule)" showed a
click-to-open rate over 100 % and the overall open rate counted opens of no message. Now
such reactions count only under "without a send" (rule id 0), which the all-rules total
leaves out (``desktop/stats/sql.py``); existing counters are recomputed with that meaning.
"""

from __future__ import annotations

import sqlite3

from desktop.store.migrations._event_types import add_counter_columns, remake_stats_triggers

VERSION = 15


def apply(conn: sqlite3.Connection) -> None:
    from desktop.stats.counters import rebuild_counters

    add_counter_columns(conn)  # the rebuild writes every counter of today's list
    remake_stats_triggers(conn)
    rebuild_counters(conn)
