"""WooCommerce REST v3 order and customer JSON → Postino's events and contacts.

The one mapping for both ways an order arrives: the poller reads ``/wp-json/wc/v3/orders``
and a webhook (``order.created`` / ``order.updated``) carries the same REST v3 resource as
its body, so both call ``write_order`` and get the same natural ids:

- a paid order (``processing``, ``completed``) → one ``purchase`` event, uid
  ``woo:HOST:ORDER_ID:purchase``; a ``refunded`` or ``cancelled`` one → a ``custom`` event
  ``order_refunded`` / ``order_cancelled`` (uid ``woo:HOST:ORDER_ID:STATUS``); pending, failed
  and draft orders are not sales;
- the billing name, e-mail and phone → the contact (``buyers.py``: consent only from the
  opt-in meta field the user named, never assumed).

``HOST`` is the shop's host name as the connection's URL spells it, so the order polled and
the order pushed are one event.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Mapping

from desktop.connectors.buyers import Buyer, upsert_buyer

if TYPE_CHECKING:  # pragma: no cover
    from desktop.workspace import Workspace

PAID = {"processing", "completed"}
UNDONE = {"refunded", "cancelled"}
TRUE_WORDS = {"1", "yes", "true", "on", "si", "sì", "checked"}


def gmt(text: str | None) -> datetime | None:
    """A WooCommerce ``*_gmt`` stamp (no offset, UTC by name) as an aware instant."""
    if not text:
        return None
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def amount(raw: Any) -> float | None:
    try:
        return float(raw)
    except (TypeError, ValueError):
        return None


def consent(order: Mapping[str, Any], consent_field: str) -> str | None:
    """``subscribed`` when the named opt-in meta field says yes; anything else says nothing."""
    if not consent_field:
        return None
    for meta in order.get("meta_data") or []:
        if isinstance(meta, Mapping) and meta.get("key") == consent_field:
            return "subscribed" if str(meta.get("value", "")).strip().lower() in TRUE_WORDS else None
    return None


def _counted(how: str) -> list[str]:
    return [f"contact_{how}"] if how in ("created", "updated") else []


def write_order(ws: "Workspace", host: str, order: Mapping[str, Any], now: datetime, *,
                consent_field: str = "", default_country: str = "IT") -> list[str]:
    """One order's contact and event; returns what was new (``purchase``, ``contact_created`` …)."""
    billing = order.get("billing") or {}
    buyer = Buyer(email=billing.get("email") or "", phone=billing.get("phone") or "",
                  first_name=billing.get("first_name") or "", last_name=billing.get("last_name") or "",
                  country=billing.get("country") or "", email_consent=consent(order, consent_field))
    contact_id, how = upsert_buyer(ws, buyer, now, default_country)
    done = _counted(how)
    status = str(order.get("status") or "")
    order_id = str(order.get("id"))
    uid = f"woo:{host}:{order_id}"
    payload = {"order_id": order.get("id"), "number": order.get("number"), "total": order.get("total"),
               "currency": order.get("currency"), "status": status, "source": "woocommerce",
               "items": [{"name": i.get("name"), "sku": i.get("sku"), "product_id": i.get("product_id"),
                          "quantity": i.get("quantity"), "total": i.get("total")}
                         for i in order.get("line_items") or [] if isinstance(i, Mapping)]}
    if status in PAID:
        when = gmt(order.get("date_paid_gmt")) or gmt(order.get("date_created_gmt")) or now
        if ws.events.record("purchase", when, contact_id, ref=order_id, amount=amount(order.get("total")),
                            payload=payload, uid=f"{uid}:purchase") is not None:
            done.append("purchase")
    elif status in UNDONE:
        when = gmt(order.get("date_modified_gmt")) or now
        kind = f"order_{status}"
        if ws.events.record("custom", when, contact_id, ref=kind, payload=payload, uid=f"{uid}:{status}"):
            done.append(kind)
    return done


def write_customer(ws: "Workspace", customer: Mapping[str, Any], now: datetime, *,
                   default_country: str = "IT") -> list[str]:
    """A REST v3 customer → the contact (names and phone fill empty fields only)."""
    billing = customer.get("billing") or {}
    buyer = Buyer(email=customer.get("email") or billing.get("email") or "", phone=billing.get("phone") or "",
                  first_name=customer.get("first_name") or billing.get("first_name") or "",
                  last_name=customer.get("last_name") or billing.get("last_name") or "",
                  country=billing.get("country") or "")
    _id, how = upsert_buyer(ws, buyer, now, default_country)
    return _counted(how)
