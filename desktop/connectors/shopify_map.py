"""Shopify's Admin GraphQL answers → Postino's events and contacts (the writing half of
``shopify.py``): the queries it asks and what each node becomes.

- an order paid (``displayFinancialStatus`` PAID, PARTIALLY_PAID, PARTIALLY_REFUNDED) →
  ``purchase``; REFUNDED → ``custom`` ``order_refunded``; cancelled → ``custom`` ``order_cancelled``;
- an abandoned checkout (not completed, with a customer or an e-mail) → ``cart_updated`` with
  the checkout id as ``ref`` and its ``updatedAt`` as the time, so each new update of the cart
  is a new occurrence for "cart abandoned" rules; the payload carries the total, the items
  and the recovery URL (``event.recovery_url`` in a template);
- a customer → the contact, ``emailMarketingConsent`` / ``smsMarketingConsent``
  SUBSCRIBED → subscribed, UNSUBSCRIBED (or REDACTED) → unsubscribed, anything else not said.

The webhook endpoint (``desktop/endpoint/webhook_shopify.py``) maps Shopify's REST payloads
to these same node shapes and calls these same writers, so an order polled and pushed is one
event (same uid).
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Mapping

from desktop.connectors.buyers import Buyer, upsert_buyer

if TYPE_CHECKING:  # pragma: no cover
    from desktop.workspace import Workspace

CUSTOMER = ("id email phone firstName lastName emailMarketingConsent { marketingState } "
            "smsMarketingConsent { marketingState } defaultAddress { countryCodeV2 }")
MONEY = "shopMoney { amount currencyCode }"
QUERIES = {
    "orders": ("orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) { nodes { "
               f"id legacyResourceId name createdAt updatedAt processedAt cancelledAt displayFinancialStatus "
               f"email phone totalPriceSet {{ {MONEY} }} customer {{ {CUSTOMER} }} "
               f"lineItems(first: 10) {{ nodes {{ title quantity sku originalTotalSet {{ {MONEY} }} }} }} }} "
               "pageInfo { hasNextPage endCursor } }"),
    "customers": (f"customers(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {{ nodes {{ "
                  f"{CUSTOMER} updatedAt }} pageInfo {{ hasNextPage endCursor }} }}"),
    "abandonedCheckouts": ("abandonedCheckouts(first: $first, after: $after, query: $query) { nodes { "
                           f"id abandonedCheckoutUrl createdAt updatedAt completedAt totalPriceSet {{ {MONEY} }} "
                           f"customer {{ {CUSTOMER} }} "
                           f"lineItems(first: 10) {{ nodes {{ title quantity sku originalTotalSet {{ {MONEY} }} }} }} }} "
                           "pageInfo { hasNextPage endCursor } }"),
}
PAID = {"PAID", "PARTIALLY_PAID", "PARTIALLY_REFUNDED"}


def query_text(root: str) -> str:
    return (f"query Postino($first: Int!, $after: String, $query: String) {{ {QUERIES[root]} }}")


def _when(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text.replace("Z", "+00:00")) if text else None


def _consent(node: Mapping[str, Any] | None) -> str | None:
    state = ((node or {}).get("marketingState") or "").upper()
    if state == "SUBSCRIBED":
        return "subscribed"
    if state in ("UNSUBSCRIBED", "REDACTED"):
        return "unsubscribed"
    return None


def _money(node: Mapping[str, Any] | None) -> tuple[float | None, str | None]:
    shop = (node or {}).get("shopMoney") or {}
    try:
        return float(shop.get("amount")), shop.get("currencyCode")
    except (TypeError, ValueError):
        return None, shop.get("currencyCode")


def _numeric(gid: str) -> str:
    return str(gid).rsplit("/", 1)[-1]


def _items(node: Mapping[str, Any]) -> list[dict[str, Any]]:
    return [{"name": i.get("title"), "quantity": i.get("quantity"), "sku": i.get("sku"),
             "total": _money(i.get("originalTotalSet"))[0]}
            for i in ((node.get("lineItems") or {}).get("nodes") or [])]


def contact_of(ws: "Workspace", customer: Mapping[str, Any] | None, now: datetime, country: str,
               email: str = "", phone: str = "") -> tuple[int | None, str]:
    customer = customer or {}
    buyer = Buyer(email=customer.get("email") or email or "", phone=customer.get("phone") or phone or "",
                  first_name=customer.get("firstName") or "", last_name=customer.get("lastName") or "",
                  country=(customer.get("defaultAddress") or {}).get("countryCodeV2") or "",
                  email_consent=_consent(customer.get("emailMarketingConsent")),
                  sms_consent=_consent(customer.get("smsMarketingConsent")))
    return upsert_buyer(ws, buyer, now, country)


def write_order(ws: "Workspace", shop: str, node: Mapping[str, Any], now: datetime, country: str) -> list[str]:
    contact_id, how = contact_of(ws, node.get("customer"), now, country, node.get("email") or "", node.get("phone") or "")
    done = [f"contact_{how}"] if how in ("created", "updated") else []
    order_id = str(node.get("legacyResourceId") or _numeric(node["id"]))
    amount, currency = _money(node.get("totalPriceSet"))
    status = str(node.get("displayFinancialStatus") or "")
    payload = {"order_id": order_id, "number": node.get("name"), "total": amount, "currency": currency,
               "status": status.lower(), "items": _items(node), "source": "shopify"}
    uid = f"shopify:{shop}:order:{order_id}"
    if node.get("cancelledAt"):
        if ws.events.record("custom", _when(node["cancelledAt"]) or now, contact_id, ref="order_cancelled",
                            payload=payload, uid=f"{uid}:cancelled"):
            done.append("order_cancelled")
    elif status == "REFUNDED":
        if ws.events.record("custom", _when(node.get("updatedAt")) or now, contact_id, ref="order_refunded",
                            payload=payload, uid=f"{uid}:refunded"):
            done.append("order_refunded")
    elif status in PAID:
        when = _when(node.get("processedAt")) or _when(node.get("createdAt")) or now
        if ws.events.record("purchase", when, contact_id, ref=order_id, amount=amount, payload=payload,
                            uid=f"{uid}:purchase") is not None:
            done.append("purchase")
    return done


def write_checkout(ws: "Workspace", shop: str, node: Mapping[str, Any], now: datetime, country: str) -> list[str]:
    if node.get("completedAt") or not node.get("customer"):
        return []
    contact_id, how = contact_of(ws, node.get("customer"), now, country)
    if contact_id is None:
        return []
    done = [f"contact_{how}"] if how in ("created", "updated") else []
    checkout_id = _numeric(node["id"])
    updated = node.get("updatedAt") or node.get("createdAt")
    amount, currency = _money(node.get("totalPriceSet"))
    payload = {"checkout_id": checkout_id, "updated_at": updated, "total": amount, "currency": currency,
               "items": _items(node), "recovery_url": node.get("abandonedCheckoutUrl"), "source": "shopify"}
    # The uid names the update in UTC: GraphQL says ``…Z``, a REST webhook the shop's offset.
    moment = _when(updated)
    stamp = moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ") if moment else updated
    if ws.events.record("cart_updated", moment or now, contact_id, ref=checkout_id, amount=amount,
                        payload=payload, uid=f"shopify:{shop}:checkout:{checkout_id}@{stamp}") is not None:
        done.append("cart_updated")
    return done


def write_customer(ws: "Workspace", node: Mapping[str, Any], now: datetime, country: str) -> list[str]:
    _id, how = contact_of(ws, node, now, country)
    return [f"contact_{how}"] if how in ("created", "updated") else []
