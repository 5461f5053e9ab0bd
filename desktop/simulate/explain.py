"""Why a matching contact gets nothing: the words the simulation shows next to each name."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from desktop.messages import Msg, define
from desktop.schedule import BusinessDefaults
from desktop.simulate.result import NotSent

define({
    "consent_unsubscribed": ("{channel}: disiscritto", "{channel}: unsubscribed"),
    "consent_bounced": ("{channel}: rimbalzato (l'indirizzo non funziona)", "{channel}: bounced (address does not work)"),
    "consent_pending": ("{channel}: non ha ancora confermato l'iscrizione",
                        "{channel}: has not confirmed the subscription yet"),
    "consent_other": ("{channel}: {status}", "{channel}: {status}"),
    "consent_none": ("{channel}: nessun consenso", "{channel}: no consent"),
    "channel_email": ("e-mail", "e-mail"), "channel_sms": ("SMS", "SMS"),
})


def consent_problem(channel: str, contact: dict[str, Any]) -> tuple[str, Msg]:
    """(kind, reason) for a contact that a send on ``channel`` must leave out."""
    address, status = ("email", "email_status") if channel == "email" else ("phone", "sms_status")
    if not contact.get(address):
        return "no_address", Msg("no_email") if channel == "email" else Msg("no_phone")
    value = contact.get(status) or ""
    params = {"channel": Msg(f"channel_{'email' if channel == 'email' else 'sms'}"), "status": value}
    code = f"consent_{value}" if value in ("unsubscribed", "bounced", "pending") else \
        "consent_other" if value else "consent_none"
    return "no_consent", Msg(code, params)


class Explainer:
    def __init__(self, ws: Any, business: BusinessDefaults) -> None:
        self._ws = ws
        self._business = business
        self._people: dict[int, tuple[str, str]] = {}
        self._reported: set[tuple[str, int]] = set()

    def who(self, contact_id: int) -> tuple[str, str]:
        """(address, name) shown next to a send or a reason."""
        if contact_id not in self._people:
            self.know(self._ws.contacts.get(contact_id) or {"id": contact_id})
        return self._people[contact_id]

    def know(self, contact: dict[str, Any]) -> None:
        """Remember a contact already read (the dispatcher read every one it sent to)."""
        if contact["id"] not in self._people:
            name = " ".join(p for p in (contact.get("first_name"), contact.get("last_name")) if p)
            self._people[contact["id"]] = (contact.get("email") or contact.get("phone") or "", name)

    def not_sent(self, at: datetime, rule: str, contact_id: int, kind: str, reason: Msg) -> NotSent:
        to, name = self.who(contact_id)
        return NotSent(at, rule, contact_id, to, name, kind, reason)

    def unconsented(self, rule: Any, now: datetime, contact_ids: list[int]) -> list[NotSent]:
        """Contacts the rule's check matched but the channel's consent rules leave out —
        reported once per rule and contact, the first time they would have matched."""
        # One row per occurrence (two purchases, two rows): each contact once.
        fresh = [c for c in dict.fromkeys(contact_ids) if (rule.name, c) not in self._reported]
        people = self._ws.contacts.get_many(fresh) if fresh else {}
        out = []
        for contact_id in fresh:
            self._reported.add((rule.name, contact_id))
            kind, reason = consent_problem(rule.channel, people.get(contact_id) or {})
            out.append(self.not_sent(now, rule.name, contact_id, kind, reason))
        return out
