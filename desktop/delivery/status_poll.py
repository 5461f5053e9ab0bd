"""SMS delivery reports by polling: a desktop PC has no public address for Twilio callbacks.

Recent ``sent`` SMS rows are matched against one list request; a final status becomes an
``sms_delivered`` or ``sms_failed`` event. Each event's uid is the message SID and status,
so polling again records nothing twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from desktop.timeutil import to_db

if TYPE_CHECKING:  # pragma: no cover
    from desktop.workspace import Workspace

DELIVERED = {"delivered", "read"}
FAILED = {"undelivered", "failed", "canceled"}


@dataclass
class PollSummary:
    checked: int = 0
    delivered: int = 0
    failed: int = 0
    pending: int = 0


def poll_sms_status(ws: "Workspace", now: datetime, channel: Any, *,
                    window: timedelta = timedelta(days=3)) -> PollSummary:
    """Record final statuses of SMS sent within ``window`` that have none yet."""
    since = now - window
    rows = ws.db.execute(
        "SELECT l.id, l.contact_id, l.rule_id, l.provider_id FROM ledger l "
        "WHERE l.channel = 'sms' AND l.state = 'sent' AND l.sent_at >= ? "
        "AND l.provider_id LIKE 'SM%' AND NOT EXISTS (SELECT 1 FROM events e "
        "WHERE e.type IN ('sms_delivered', 'sms_failed') AND e.ref = l.provider_id)",
        [to_db(since)]).fetchall()
    summary = PollSummary()
    if not rows:
        return summary
    statuses = channel.statuses_since(since - timedelta(days=1))
    for ledger_id, contact_id, rule_id, sid in rows:
        summary.checked += 1
        found = statuses.get(sid) or channel.fetch_status(sid)
        status, code, text = found
        if status in DELIVERED:
            kind = "sms_delivered"
            summary.delivered += 1
        elif status in FAILED:
            kind = "sms_failed"
            summary.failed += 1
        else:
            summary.pending += 1
            continue
        ws.events.record(kind, now, contact_id, ref=sid, rule_id=rule_id, uid=f"sms_status:{sid}",
                         payload={"ledger_id": ledger_id, "status": status, "error_code": code,
                                  "error_message": text})
    return summary
