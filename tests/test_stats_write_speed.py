"""Counting an open must not get slower as the history of sends grows: the trigger finds
"the latest send to this contact" through the (contact, time) index, never by walking back
through every send of the channel."""

from __future__ import annotations


def test_repeat_opens_find_their_message_through_the_contact_index(workspace) -> None:
    plan = workspace.db.execute(
        "EXPLAIN QUERY PLAN SELECT l.id FROM ledger l WHERE l.contact_id = ? AND l.state = 'sent' "
        "AND l.channel = 'email' AND l.sent_at <= ? AND (? IS NULL OR l.rule_id = ?) "
        "ORDER BY l.sent_at DESC, l.id DESC LIMIT 1", [5, "2025-02-01", 1, 1]).fetchall()
    assert "stats_ledger_sent (contact_id=? AND sent_at<?)" in " ".join(row[3] for row in plan)


def test_the_daily_cap_count_reads_one_days_range(workspace, now) -> None:
    from datetime import timedelta

    from desktop.delivery.limits import sent_between

    issued: list[str] = []
    workspace.db.conn.set_trace_callback(issued.append)
    sent_between(workspace, "email", now - timedelta(days=1), now)
    workspace.db.conn.set_trace_callback(None)
    counted = next(sql for sql in issued if "sent_at >=" in sql)
    plan = " ".join(row[3] for row in workspace.db.execute("EXPLAIN QUERY PLAN " + counted).fetchall())
    assert "ledger_sent_channel (sent_at>? AND sent_at<?)" in plan
