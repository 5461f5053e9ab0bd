"""Shopify webhooks: REST-format payloads mapped to the poller's node shapes, written by the
poller's own writers (``desktop.connectors.shopify_map``).

From shopify.dev, "Webhooks delivery structure" and "Verify webhook deliveries": a delivery
is a POST whose body is the topic's REST resource (not GraphQL), with ``X-Shopify-Topic``,
``X-Shopify-Shop-Domain`` (``NAME.myshopify.com``), ``X-Shopify-Webhook-Id`` (one per
delivery: the key to drop a repeated delivery) and ``X-Shopify-Hmac-Sha256`` = base64
HMAC-SHA256 of the raw body with the app's client secret (or, for a webhook made in the
admin's Settings → Notifications, the key that page shows).

REST and GraphQL name the same things differently, so each field is mapped explicitly:

==========================  =====================================
REST (webhook)              GraphQL node (poller)
==========================  =====================================
``id``                      ``legacyResourceId`` / numeric ``id``
``name``                    ``name``
``financial_status`` paid   ``displayFinancialStatus`` PAID
``total_price_set.shop_money``  ``totalPriceSet.shopMoney``
``processed_at``            ``processedAt``
``cancelled_at``            ``cancelledAt``
``line_items[].title``      ``lineItems.nodes[].title``
``price`` × ``quantity``    ``originalTotalSet``
``abandoned_checkout_url``  ``abandonedCheckoutUrl``
``customer.first_name``     ``customer.firstName``
``email_marketing_consent.state``  ``emailMarketingConsent.marketingState``
``default_address.country_code``   ``defaultAddress.countryCodeV2``
==========================  =====================================

An order marked ``"test": true`` (Bogus gateway orders, and the admin's "Send test
notification", whose sample is such an order) is answered and not recorded.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, Mapping

from desktop.connectors.shopify_map import write_checkout, write_customer, write_order
from desktop.endpoint.webhook_types import BadPayload, Delivery, Platform, Signer

if TYPE_CHECKING:  # pragma: no cover
    from desktop.workspace import Workspace

SIGNATURE = "x-shopify-hmac-sha256"
ORDER_TOPICS = {"orders/create", "orders/updated", "orders/paid", "orders/cancelled", "orders/fulfilled",
                "orders/partially_fulfilled"}
CHECKOUT_TOPICS = {"checkouts/create", "checkouts/update"}
CUSTOMER_TOPICS = {"customers/create", "customers/update"}


def _money(amount: Any, currency: Any) -> dict[str, Any]:
    return {"shopMoney": {"amount": amount, "currencyCode": currency}}


def _total(data: Mapping[str, Any], key: str) -> dict[str, Any]:
    """``total_price_set.shop_money`` (the shop's currency), else ``total_price`` + ``currency``."""
    block = data.get(f"{key}_set")
    shop = block.get("shop_money") if isinstance(block, dict) else None
    shop = shop if isinstance(shop, dict) else {}
    return _money(shop.get("amount", data.get(key)), shop.get("currency_code", data.get("currency")))


def _consent(block: Any) -> dict[str, str] | None:
    state = block.get("state") if isinstance(block, dict) else None
    return {"marketingState": str(state).upper()} if state else None


def customer_node(customer: Any) -> dict[str, Any] | None:
    if not isinstance(customer, dict):
        return None
    address = customer.get("default_address") if isinstance(customer.get("default_address"), dict) else {}
    return {"email": customer.get("email"), "phone": customer.get("phone"),
            "firstName": customer.get("first_name"), "lastName": customer.get("last_name"),
            "defaultAddress": {"countryCodeV2": address.get("country_code")},
            "emailMarketingConsent": _consent(customer.get("email_marketing_consent")),
            "smsMarketingConsent": _consent(customer.get("sms_marketing_consent"))}


def _line_total(item: Mapping[str, Any]) -> str | None:
    try:
        return str(Decimal(str(item.get("price"))) * int(item.get("quantity") or 0))
    except (InvalidOperation, TypeError, ValueError):
        return None


def _lines(data: Mapping[str, Any], currency: Any) -> dict[str, Any]:
    return {"nodes": [{"title": i.get("title"), "quantity": i.get("quantity"), "sku": i.get("sku"),
                       "originalTotalSet": _money(_line_total(i), currency)}
                      for i in data.get("line_items") or [] if isinstance(i, dict)]}


def order_node(data: Mapping[str, Any]) -> dict[str, Any]:
    total = _total(data, "total_price")
    return {"id": f"gid://shopify/Order/{data['id']}", "legacyResourceId": str(data["id"]),
            "name": data.get("name"), "createdAt": data.get("created_at"), "updatedAt": data.get("updated_at"),
            "processedAt": data.get("processed_at"), "cancelledAt": data.get("cancelled_at"),
            "displayFinancialStatus": str(data.get("financial_status") or "").upper(),
            "email": data.get("email") or data.get("contact_email"), "phone": data.get("phone"),
            "totalPriceSet": total, "customer": customer_node(data.get("customer")),
            "lineItems": _lines(data, total["shopMoney"]["currencyCode"])}


def checkout_node(data: Mapping[str, Any]) -> dict[str, Any]:
    total = _total(data, "total_price")
    customer = customer_node(data.get("customer"))
    if customer is None and (data.get("email") or data.get("phone")):
        customer = {"email": data.get("email"), "phone": data.get("phone")}   # a guest who gave an address
    return {"id": f"gid://shopify/AbandonedCheckout/{data['id']}", "createdAt": data.get("created_at"),
            "updatedAt": data.get("updated_at"), "completedAt": data.get("completed_at"),
            "abandonedCheckoutUrl": data.get("abandoned_checkout_url"), "totalPriceSet": total,
            "customer": customer, "lineItems": _lines(data, total["shopMoney"]["currencyCode"])}


def _source(headers: Mapping[str, str]) -> str:
    return headers.get("x-shopify-shop-domain", "")


def _parse(headers: Mapping[str, str], data: Any, signer: Signer, now: datetime, country: str) -> Delivery:
    topic = headers.get("x-shopify-topic", "").strip()
    delivery_id = headers.get("x-shopify-webhook-id") or None
    if topic not in ORDER_TOPICS | CHECKOUT_TOPICS | CUSTOMER_TOPICS:
        return Delivery(topic, delivery_id)
    if not isinstance(data, dict):
        raise BadPayload("webhook.not_an_object", path="$")
    if data.get("id") in (None, "", 0):
        raise BadPayload("webhook.missing_field", path="$.id")
    if topic in ORDER_TOPICS and data.get("test") is True:
        return Delivery(topic, delivery_id, skip="test_order")
    connection = signer.connection
    assert connection is not None       # Shopify secrets always belong to a connection
    shop = str(connection.config.get("shop") or "")
    country = str(connection.config.get("country") or country)
    if topic in ORDER_TOPICS:
        node = order_node(data)

        def order(ws: "Workspace", now: datetime) -> list[str]:
            return write_order(ws, shop, node, now, country)
        return Delivery(topic, delivery_id, order)
    if topic in CHECKOUT_TOPICS:
        node = checkout_node(data)

        def checkout(ws: "Workspace", now: datetime) -> list[str]:
            return write_checkout(ws, shop, node, now, country)
        return Delivery(topic, delivery_id, checkout)
    node = customer_node(data) or {}

    def customer(ws: "Workspace", now: datetime) -> list[str]:
        return write_customer(ws, node, now, country)
    return Delivery(topic, delivery_id, customer)


PLATFORM = Platform(signature_header=SIGNATURE, source=_source, parse=_parse)
