"""Counting an open must not get slower as the history of sends grows: the trigger finds
"the latest send to this contact" through the (contact, time) index, never by walking back
through every send of the channel."""

from __future__ import annotations


def test_repeat_opens_find_their_message_through_the_contact_index(workspace) -> None:
    import re

    from desktop.stats.sql import message_of

    # The triggers' own lookup, with NEW's columns as the constants they are inside a trigger
    # (an old index led by the channel wins this plan; the (contact, time) one must).
    new = {"id": "1", "type": "'email_opened'", "payload": "'{}'", "contact_id": "5",
           "occurred_at": "'2025-02-01 00:00:00'", "rule_id": "1", "ref": "NULL", "amount": "NULL"}
    sql = "SELECT " + re.sub(r"\bNEW\.(\w+)", lambda m: new[m[1]], message_of("NEW"))
    plan = " ".join(row[3] for row in workspace.db.execute("EXPLAIN QUERY PLAN " + sql).fetchall())
    assert "stats_ledger_sent (contact_id=? AND sent_at<?)" in plan
    assert "ledger_sent_day" not in plan


def test_the_daily_cap_count_reads_one_days_range(workspace, now) -> None:
    from datetime import timedelta

    from desktop.delivery.limits import sent_between

    issued: list[str] = []
    workspace.db.conn.set_trace_callback(issued.append)
    sent_between(workspace, "email", now - timedelta(days=1), now)
    workspace.db.conn.set_trace_callback(None)
    counted = next(sql for sql in issued if "sent_at >=" in sql)
    plan = " ".join(row[3] for row in workspace.db.execute("EXPLAIN QUERY PLAN " + counted).fetchall())
    assert "COVERING INDEX ledger_sent_day (sent_at>? AND sent_at<?)" in plan
