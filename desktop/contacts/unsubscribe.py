"""One way a contact unsubscribes from a channel, whoever heard it (mailbox reply, web page,
RFC 8058 one-click): an ``unsubscribed`` event and the channel's status, together.

The status is what the dispatcher re-reads before every send, so the channel stops at once;
``unsubscribed`` and ``bounced`` are sticky (``desktop.contacts.consent.STICKY``): only a
later, explicit opt-in changes them back. The event's ``uid`` is the caller's natural id,
so the same request heard twice records once.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from desktop.contacts.consent import STICKY

if TYPE_CHECKING:  # pragma: no cover
    from desktop.workspace import Workspace

CHANNELS = {"email": "email_status", "sms": "sms_status"}


def record_unsubscribe(ws: "Workspace", contact_id: int, channel: str, now: datetime, *, via: str,
                       uid: str, extra: dict[str, Any] | None = None) -> bool:
    """Unsubscribe ``contact_id`` from ``channel``; False when nothing new was recorded (no such
    contact, an unknown channel, or this ``uid`` already heard). The caller holds the
    transaction."""
    column = CHANNELS.get(channel)
    contact = ws.contacts.get(contact_id) if column else None
    if contact is None:
        return False
    event = ws.events.record("unsubscribed", now, contact_id, ref=via, uid=uid,
                             payload={"channel": channel, "via": via, **(extra or {})})
    if event is None:
        return False
    if contact.get(column) not in STICKY:
        ws.contacts.update(contact_id, {column: "unsubscribed"}, now)
    return True


def is_unsubscribed(ws: "Workspace", contact_id: int, channel: str) -> bool:
    """Whether the contact already cannot receive ``channel`` (unsubscribed or bounced)."""
    contact = ws.contacts.get(contact_id)
    return contact is not None and contact.get(CHANNELS.get(channel, "")) in STICKY
