"""SMS delivery reports by polling: a desktop PC has no public address for Twilio callbacks.

The scheduled way is the ``twilio-replies`` connection (``desktop/connectors/twilio_replies.py``),
which also reads STOP/START replies. This one-shot form (recent ``sent`` rows matched against
one list request of a channel) stays for ``run-once`` style callers; both record through
``record_final_statuses``, with the message SID as the event's uid, so nothing is recorded twice.
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
    from desktop.connectors.twilio_replies import listed_from_status, record_final_statuses

    statuses = channel.statuses_since(since - timedelta(days=1))
    listed = []
    for _ledger_id, _contact_id, _rule_id, sid in rows:
        summary.checked += 1
        status, code, text = statuses.get(sid) or channel.fetch_status(sid)
        if status not in DELIVERED and status not in FAILED:
            summary.pending += 1
        listed.append(listed_from_status(sid, status, code, text))
    counts = record_final_statuses(ws, listed, now)
    summary.delivered, summary.failed = counts.get("sms_delivered", 0), counts.get("sms_failed", 0)
    return summary
