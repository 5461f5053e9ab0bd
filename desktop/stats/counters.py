"""Recomputing every counter from stored history, set-based, independently of the triggers.

Triggers keep the counters right as rows arrive (``m0003_stats``). This is the other path:
after importing old sends or purchases out of order, changing ``stats.attribution_days``, or
deleting contacts, ``rebuild_counters`` gives the numbers the triggers would have given had
everything arrived in time order. It is written as grouped queries rather than a replay, so
a test comparing the two paths checks one definition against another.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from desktop.stats import sql as S

_DELTAS = "_stats_deltas"


def _insert_deltas(conn: Any, values: dict[str, str], rule: str, when: str, source: str,
                   where: str = "1") -> None:
    cols = ", ".join(values)
    exprs = ", ".join(f"sum({v})" for v in values.values())
    conn.execute(f"INSERT INTO temp.{_DELTAS}(rule_id, q, {cols}) SELECT {rule}, {S.quarter(when)} AS bq, {exprs} "
                 f"FROM {source} WHERE {where} GROUP BY {rule}, bq")


def _engagements(conn: Any) -> None:
    """Each counted event with the message and rule it counts for (as the trigger stages it)."""
    kinds = ", ".join(f"'{k}'" for k in S.COUNTED_EVENTS)
    conn.execute("DROP TABLE IF EXISTS temp._stats_engage")
    conn.execute(
        "CREATE TEMP TABLE _stats_engage AS "
        f"SELECT x.id AS event_id, x.type AS kind, x.occurred_at AS t, x.contact_id, x.msg, "
        f"{S.engage_rule('x', 'l')} AS rule_id, x.amount FROM "
        f"(SELECT e.*, {S.message_of('e')} AS msg FROM events e WHERE e.type IN ({kinds})) x "
        "LEFT JOIN ledger l ON l.id = x.msg WHERE x.type != 'purchase' OR x.msg IS NOT NULL")


def rebuild_counters(conn: sqlite3.Connection | Any) -> None:
    """Empty and refill ``stats_q``, ``stats_d`` and ``stats_first``; the caller holds a transaction."""
    for table in ("stats_q", "stats_d", "stats_first", "stats_engage"):
        conn.execute(f"DELETE FROM {table}")
    conn.execute(f"DROP TABLE IF EXISTS temp.{_DELTAS}")
    cols = ", ".join(f"{c} INTEGER NOT NULL DEFAULT 0" for c in S.COUNTS)
    conn.execute(f"CREATE TEMP TABLE {_DELTAS}(rule_id INTEGER, q INTEGER, {cols}, revenue REAL NOT NULL DEFAULT 0)")

    _insert_deltas(conn, {"matched": "r.matched"}, "r.rule_id", "r.checked_at", "rule_checks r", "r.matched > 0")
    _insert_deltas(conn, {"planned": "1"}, "r.rule_id", "r.matched_at", "ledger r")
    _insert_deltas(conn, S.state_counts("r"), "r.rule_id", S.state_time("r"), "ledger r", S.state_counted("r"))

    _engagements(conn)
    for kind, column in S.KIND_COLUMN.items():
        _insert_deltas(conn, {column: "1"}, "g.rule_id", "g.t", "temp._stats_engage g", f"g.kind = '{kind}'")
    _insert_deltas(conn, {"purchases": "1", "revenue": "coalesce(g.amount, 0)"}, "g.rule_id", "g.t",
                   "temp._stats_engage g", "g.kind = 'purchase'")
    key = S.message_key("g.msg", "g.rule_id", "g.contact_id", "g.event_id")
    for kind, column in (("email_opened", "opened"), ("email_clicked", "clicked")):
        _insert_deltas(conn, {column: "1"}, "g.rule_id", "g.t", "temp._stats_engage g", f"g.kind = '{kind}'")
        # min(t) picks the first reaction's row, so rule_id is that reaction's (SQLite bare column).
        conn.execute(f"INSERT INTO stats_first(kind, msg, rule_id, first_at) SELECT g.kind, {key} AS k, "
                     f"g.rule_id, min(g.t) FROM temp._stats_engage g WHERE g.kind = '{kind}' GROUP BY g.kind, k")
        _insert_deltas(conn, {f"{column}_unique": "1"}, "f.rule_id", "f.first_at", "stats_first f",
                       f"f.kind = '{kind}'")

    sums = ", ".join(f"sum({c})" for c in S.COLUMNS)
    names = ", ".join(S.COLUMNS)
    conn.execute(f"INSERT INTO stats_q(rule_id, q, {names}) SELECT rule_id, q, {sums} FROM temp.{_DELTAS} "
                 "GROUP BY rule_id, q")
    conn.execute(f"INSERT INTO stats_q(rule_id, q, {names}) SELECT {S.OVERALL}, q, {sums} FROM temp.{_DELTAS} "
                 f"WHERE rule_id != {S.NO_RULE} GROUP BY q")
    conn.execute(f"INSERT INTO stats_d(d, rule_id, {names}) SELECT q / {S.QUARTERS_PER_DAY} AS dd, rule_id, {sums} "
                 f"FROM temp.{_DELTAS} GROUP BY dd, rule_id")
    conn.execute(f"DROP TABLE temp.{_DELTAS}")
    conn.execute("DROP TABLE temp._stats_engage")
