"""What the endpoint writes, each run on its database thread (``worker``) inside its batch.

Every write goes through the events writer with a natural id, so a request retried by a
browser, a proxy or a mailbox provider records once: a click or an open is one per link
(or message) per minute, an unsubscribe one per contact and channel per minute, and an
unsubscribe of someone already unsubscribed records nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from desktop.contacts.unsubscribe import is_unsubscribed, record_unsubscribe
from desktop.endpoint.machine import BURST, click_machine_reason, machine_reason, proxy_of
from desktop.timeutil import from_db, to_db
from desktop.tokens import ClickInfo, TokenInfo

if TYPE_CHECKING:  # pragma: no cover
    from desktop.workspace import Workspace


@dataclass(frozen=True)
class Send:
    ledger_id: int
    contact_id: int
    rule_id: int
    sent_at: datetime | None   # None until the ledger says 'sent'


def _minute(now: datetime) -> int:
    return int(now.timestamp()) // 60


def send_of(ws: "Workspace", ledger_id: int) -> Send | None:
    row = ws.db.execute("SELECT contact_id, rule_id, state, sent_at FROM ledger WHERE id = ? AND channel = 'email'",
                        [ledger_id]).fetchone()
    if row is None or row[0] is None:
        return None
    sent_at = from_db(row[3]) if row[2] == "sent" and row[3] else None
    return Send(ledger_id, row[0], row[1], sent_at)


def click(ws: "Workspace", info: ClickInfo, user_agent: str, now: datetime) -> str | None:
    """``email_clicked`` for the send and link the token names, or ``email_machine_clicked``
    (with why) when a scanner followed it; the type recorded, or None (send gone, or the
    same link already this minute)."""
    send = send_of(ws, info.ledger_id)
    if send is None:
        return None
    # The burst question costs a query: asked only of a click that passed every other test.
    reason = click_machine_reason(user_agent, send.sent_at, now, burst=False) or \
        click_machine_reason(user_agent, send.sent_at, now, _other_link_just_followed(ws, send, info, now))
    kind = "email_machine_clicked" if reason else "email_clicked"
    payload: dict[str, object] = {"ledger_id": info.ledger_id, "link": info.index, "url": info.url}
    if reason:
        payload.update(machine=True, reason=reason)
    uid = f"{'mclick' if reason else 'click'}:{info.ledger_id}:{info.index}:{_minute(now)}"
    recorded = ws.events.record(kind, now, send.contact_id, ref=info.url, rule_id=send.rule_id, uid=uid,
                                payload=payload)
    return kind if recorded is not None else None


def _other_link_just_followed(ws: "Workspace", send: Send, info: ClickInfo, now: datetime) -> bool:
    row = ws.db.execute(
        "SELECT 1 FROM events WHERE contact_id = ? AND type IN ('email_clicked', 'email_machine_clicked') "
        "AND occurred_at >= ? AND occurred_at <= ? AND json_extract(payload, '$.ledger_id') = ? "
        "AND json_extract(payload, '$.link') != ? LIMIT 1",
        [send.contact_id, to_db(now - BURST), to_db(now), info.ledger_id, info.index]).fetchone()
    return row is not None


def open_(ws: "Workspace", ledger_id: int, method: str, user_agent: str, now: datetime) -> str | None:
    """An open (``email_opened``) or a machine's fetch (``email_machine_opened``, with why);
    returns the type recorded, or None when nothing was (send gone, or already this minute)."""
    send = send_of(ws, ledger_id)
    if send is None:
        return None
    reason = machine_reason(method, user_agent, send.sent_at, now)
    kind = "email_machine_opened" if reason else "email_opened"
    payload: dict[str, object] = {"ledger_id": ledger_id}
    if reason:
        payload.update(machine=True, reason=reason)
    if proxy_of(user_agent):
        payload["proxy"] = proxy_of(user_agent)
    uid = f"{'mopen' if reason else 'open'}:{ledger_id}:{_minute(now)}"
    recorded = ws.events.record(kind, now, send.contact_id, ref=str(ledger_id), rule_id=send.rule_id, uid=uid,
                                payload=payload)
    return kind if recorded is not None else None


def unsubscribe(ws: "Workspace", info: TokenInfo, via: str, now: datetime) -> bool:
    """Unsubscribe through the product's one path; False if already (or no such contact)."""
    if is_unsubscribed(ws, info.contact_id, info.channel):
        return False
    return record_unsubscribe(ws, info.contact_id, info.channel, now, via=via,
                              uid=f"web_unsub:{info.contact_id}:{info.channel}:{_minute(now)}")


@dataclass(frozen=True)
class PageFacts:
    """What the unsubscribe page shows: the shop, the language, whether it is already done."""
    shop: str
    language: str
    known: bool
    already: bool


def page_facts(ws: "Workspace", info: TokenInfo) -> PageFacts:
    contact = ws.contacts.get(info.contact_id)
    language = str((contact or {}).get("language") or ws.settings.get("ui.language") or "it")[:2].lower()
    shop = str(ws.settings.get("business.name") or ws.settings.get("smtp.sender_name") or "")
    return PageFacts(shop, language if language in ("it", "en") else "it", contact is not None,
                     is_unsubscribed(ws, info.contact_id, info.channel))
