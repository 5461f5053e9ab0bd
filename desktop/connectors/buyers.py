"""A shop's customer → a Postino contact, the same way for every shop connector.

Consent is taken only from what the shop explicitly says (an opt-in field, Shopify's
marketing consent); it is never assumed from a purchase. So:

- a new contact without an explicit opt-in is created ``pending`` (no marketing sends);
- an explicit opt-out makes an existing contact ``unsubscribed``;
- an explicit opt-in lifts a ``pending`` contact to ``subscribed`` — never one who
  unsubscribed through Postino, nor a bounced address;
- names and the phone fill empty fields only: what the user corrected by hand stays.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from desktop.contacts.values import normalize_email, normalize_phone

if TYPE_CHECKING:  # pragma: no cover
    from desktop.workspace import Workspace

SUBSCRIBED, UNSUBSCRIBED = "subscribed", "unsubscribed"


@dataclass(frozen=True)
class Buyer:
    email: str = ""
    phone: str = ""
    first_name: str = ""
    last_name: str = ""
    country: str = ""
    email_consent: str | None = None     # "subscribed" | "unsubscribed" | None (not said)
    sms_consent: str | None = None


def _clean(buyer: Buyer, default_country: str) -> dict[str, str]:
    values: dict[str, str] = {}
    try:
        if buyer.email:
            values["email"] = normalize_email(buyer.email)
    except ValueError:
        pass
    try:
        if buyer.phone:
            values["phone"] = normalize_phone(buyer.phone, buyer.country or default_country)
    except ValueError:
        pass
    for key in ("first_name", "last_name"):
        text = getattr(buyer, key).strip()
        if text:
            values[key] = text
    return values


def _status(current: str | None, said: str | None) -> str | None:
    """The status to set, or ``None`` to leave it."""
    if said == UNSUBSCRIBED and current not in (UNSUBSCRIBED, "bounced"):
        return UNSUBSCRIBED
    if said == SUBSCRIBED and current == "pending":
        return SUBSCRIBED
    return None


def upsert_buyer(ws: "Workspace", buyer: Buyer, now: datetime, default_country: str = "IT") -> tuple[int | None, str]:
    """The contact for ``buyer`` (created or filled in): ``(id, "created"|"updated"|"same")``;
    ``(None, "skipped")`` when the shop gave neither a valid e-mail nor a valid phone."""
    values = _clean(buyer, default_country)
    if not values.get("email") and not values.get("phone"):
        return None, "skipped"
    contact_id = ws.contacts.find(values.get("email"), values.get("phone"))
    if contact_id is None:
        values["email_status"] = buyer.email_consent or "pending"
        values["sms_status"] = buyer.sms_consent or "pending"
        return ws.contacts.create(values, now), "created"
    current = ws.contacts.get(contact_id) or {}
    if values.get("email") and current.get("email") and current["email"] != values["email"]:
        values.pop("email")     # matched on the phone: never overwrite another address
    changed = bool(ws.contacts.update(contact_id, values, now, only_missing=True))
    statuses = {}
    for field, said in (("email_status", buyer.email_consent), ("sms_status", buyer.sms_consent)):
        new = _status(current.get(field), said)
        if new:
            statuses[field] = new
    if statuses:
        changed = bool(ws.contacts.update(contact_id, statuses, now)) or changed
    return contact_id, "updated" if changed else "same"
