"""The generic JSON webhook: any shop, form or script that can sign a POST.

``POST PUBLIC_URL/webhooks/generic`` with a JSON body and ``X-Postino-Signature`` =
base64(HMAC-SHA256(secret, raw body)) — the same scheme as WooCommerce and Shopify, so the
shared secret (``connections webhook-secret --generic``) never travels in a request. An
optional ``X-Postino-Delivery-Id`` lets a sender retry safely (the second copy is "already
stored"). The body is one event, or ``{"events": [...]}`` with up to ``MAX_EVENTS``:

- ``{"type": "purchase", "id": ..., "amount": ..., "email"|"phone": ..., "currency",
  "occurred_at", "items"}`` → a ``purchase`` event (uid ``generic:purchase:ID``);
- ``{"type": "cart", "id": ..., "updated_at": ..., "email"|"phone": ..., "amount", "items",
  "recovery_url"}`` → ``cart_updated`` (uid ``generic:cart:ID@UPDATED_AT``: each update of
  a cart is a new occurrence for "cart abandoned" rules);
- ``{"type": "contact", "email"|"phone": ...}`` → the contact only.

Every event may carry ``first_name``, ``last_name``, ``country`` and the explicit consent
``email_consent`` / ``sms_consent`` (``subscribed`` | ``unsubscribed``); contacts go through
the shops' writer (``buyers.py``: consent never assumed, an unsubscribe never undone).
Every event is checked before anything is written: one bad field refuses the whole delivery
(422, with its JSON path) and nothing is half-written. docs/endpoint-webhooks.md has examples.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, Mapping

from desktop.connectors.buyers import Buyer, upsert_buyer
from desktop.contacts.values import normalize_email, normalize_phone
from desktop.endpoint.webhook_types import BadPayload, Delivery, Platform, Signer, Writer

if TYPE_CHECKING:  # pragma: no cover
    from desktop.workspace import Workspace

SIGNATURE = "x-postino-signature"
MAX_EVENTS = 500
TYPES = ("purchase", "cart", "contact")
CONSENTS = ("subscribed", "unsubscribed")
FUTURE_SLACK = timedelta(days=1)


def _bad(path: str, expected: str) -> BadPayload:
    return BadPayload("webhook.bad_field", path=path, expected=expected)


def _text(event: Mapping[str, Any], key: str, path: str, *, required: bool = False, limit: int = 200) -> str:
    value = event.get(key)
    if value is None or value == "":
        if required:
            raise BadPayload("webhook.missing_field", path=f"{path}.{key}")
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int)) or len(str(value)) > limit:
        raise _bad(f"{path}.{key}", "text")
    return str(value).strip()


def _when(event: Mapping[str, Any], key: str, path: str, now: datetime, *, required: bool) -> datetime:
    raw = event.get(key)
    if raw is None and not required:
        return now
    try:
        moment = datetime.fromisoformat(str(raw).replace("Z", "+00:00")) if isinstance(raw, str) else None
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None or moment > now + FUTURE_SLACK:
        raise _bad(f"{path}.{key}", "iso_datetime_with_offset")
    return moment.astimezone(timezone.utc)


def _amount(event: Mapping[str, Any], path: str, *, required: bool) -> float | None:
    raw = event.get("amount")
    if raw is None and not required:
        return None
    try:
        value = float(raw) if not isinstance(raw, bool) and isinstance(raw, (int, float, str)) else math.nan
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise _bad(f"{path}.amount", "number")
    return value


def _buyer(event: Mapping[str, Any], path: str, country: str) -> Buyer:
    email, phone = _text(event, "email", path, limit=320), _text(event, "phone", path, limit=40)
    place = _text(event, "country", path, limit=2).upper() or country
    try:
        email = normalize_email(email) if email else ""
    except ValueError:
        raise _bad(f"{path}.email", "email") from None
    try:
        phone = normalize_phone(phone, place) if phone else ""
    except ValueError:
        raise _bad(f"{path}.phone", "phone") from None
    if not email and not phone:
        raise BadPayload("webhook.missing_field", path=f"{path}.email")
    consents = []
    for key in ("email_consent", "sms_consent"):
        said = event.get(key)
        if said is not None and said not in CONSENTS:
            raise _bad(f"{path}.{key}", "subscribed_or_unsubscribed")
        consents.append(said)
    return Buyer(email=email, phone=phone, first_name=_text(event, "first_name", path),
                 last_name=_text(event, "last_name", path), country=place,
                 email_consent=consents[0], sms_consent=consents[1])


def _items(event: Mapping[str, Any], path: str) -> list[Any]:
    items = event.get("items")
    if items is None:
        return []
    if not isinstance(items, list) or len(items) > 200:
        raise _bad(f"{path}.items", "list")
    return items


def _prepare(event: Any, path: str, now: datetime, country: str) -> dict[str, Any]:
    """One event checked and turned into what the writer records (nothing written yet)."""
    if not isinstance(event, dict):
        raise _bad(path, "object")
    kind = event.get("type")
    if kind not in TYPES:
        raise _bad(f"{path}.type", "purchase_cart_or_contact")
    step: dict[str, Any] = {"kind": kind, "buyer": _buyer(event, path, country)}
    if kind == "contact":
        return step
    ref = _text(event, "id", path, required=True)
    payload = {"currency": _text(event, "currency", path, limit=3).upper() or None,
               "items": _items(event, path), "source": "webhook"}
    if kind == "purchase":
        step.update(type="purchase", ref=ref, when=_when(event, "occurred_at", path, now, required=False),
                    amount=_amount(event, path, required=True), uid=f"generic:purchase:{ref}")
        payload |= {"order_id": ref, "total": step["amount"]}
    else:
        when = _when(event, "updated_at", path, now, required=True)
        recovery = _text(event, "recovery_url", path, limit=2000)
        if recovery and not recovery.startswith("https://"):
            raise _bad(f"{path}.recovery_url", "https_url")
        step.update(type="cart_updated", ref=ref, when=when, amount=_amount(event, path, required=False),
                    uid=f"generic:cart:{ref}@{when.strftime('%Y-%m-%dT%H:%M:%SZ')}")
        payload |= {"cart_id": ref, "updated_at": when.isoformat(), "total": step["amount"],
                    "recovery_url": recovery or None}
    step["payload"] = payload
    return step


def _write(steps: list[dict[str, Any]], country: str) -> Writer:
    def write(ws: "Workspace", now: datetime) -> list[str]:
        done: list[str] = []
        for step in steps:
            contact_id, how = upsert_buyer(ws, step["buyer"], now, country)
            if how in ("created", "updated"):
                done.append(f"contact_{how}")
            if step["kind"] != "contact" and ws.events.record(
                    step["type"], step["when"], contact_id, ref=step["ref"], amount=step["amount"],
                    payload=step["payload"], uid=step["uid"]) is not None:
                done.append(step["type"])
        return done
    return write


def _parse(headers: Mapping[str, str], data: Any, signer: Signer, now: datetime, country: str) -> Delivery:
    many = isinstance(data, dict) and "events" in data and "type" not in data
    events = data.get("events") if many else [data]
    if not isinstance(events, list) or not events:
        raise _bad("$.events" if many else "$", "list" if many else "object")
    if len(events) > MAX_EVENTS:
        raise BadPayload("webhook.too_many_events", limit=MAX_EVENTS)
    steps = [_prepare(e, f"$.events[{i}]" if many else "$", now, country) for i, e in enumerate(events)]
    return Delivery("events" if many else str(data.get("type")), headers.get("x-postino-delivery-id") or None,
                    _write(steps, country))


PLATFORM = Platform(signature_header=SIGNATURE, source=lambda headers: "", parse=_parse)
