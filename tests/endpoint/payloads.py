"""Webhook requests for the tests, built the way the platforms document them.

Sources (see tests/fixtures/webhooks/README.md for each file):
- WooCommerce REST API v3 docs, "Retrieve an order" / "Retrieve a customer" JSON examples
  (https://woocommerce.github.io/woocommerce-rest-api-docs/), and "Webhooks" → delivery headers;
  WooCommerce's ``WC_Webhook`` (``deliver``: the X-WC-Webhook-* headers; ``generate_signature``:
  base64 HMAC-SHA256 of the JSON body; ``deliver_ping``: body ``webhook_id=NN``, unsigned).
- Shopify, "Webhooks delivery structure" (https://shopify.dev/docs/apps/build/webhooks/delivery-structure)
  and "Verify webhook deliveries" (https://shopify.dev/docs/apps/build/webhooks/verify-deliveries):
  X-Shopify-* headers, base64 HMAC-SHA256 of the raw body with the app's client secret; the
  webhooks reference's sample payloads (orders/create, checkouts/create, customers/create).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from desktop.endpoint.webhook_signatures import sign

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "webhooks"
WOO_URL = "https://bottega.example.org"
WOO_SECRET = "wh-" + "k3" * 16
SHOP = "bottega.myshopify.com"
SHOPIFY_SECRET = "shpss_" + "9f" * 16
GENERIC_SECRET = "gen-" + "x7" * 16


def fixture(name: str) -> dict[str, Any]:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def body(data: Any) -> bytes:
    """JSON as WooCommerce sends it (``wp_json_encode``: compact, ``\\/`` kept as is)."""
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def woo(topic: str, payload: bytes, secret: str = WOO_SECRET, delivery: str = "36e520ebabc2fa725092ff4a47acedf2",
        source: str = WOO_URL + "/") -> dict[str, str]:
    resource, event = topic.split(".", 1)
    return {"Content-Type": "application/json", "User-Agent": "WooCommerce/9.8.0 Hookshot (WordPress/6.8)",
            "X-WC-Webhook-Source": source, "X-WC-Webhook-Topic": topic, "X-WC-Webhook-Resource": resource,
            "X-WC-Webhook-Event": event, "X-WC-Webhook-Signature": sign(secret, payload),
            "X-WC-Webhook-ID": "3", "X-WC-Webhook-Delivery-ID": delivery}


def shopify(topic: str, payload: bytes, secret: str = SHOPIFY_SECRET,
            webhook_id: str = "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043", shop: str = SHOP) -> dict[str, str]:
    # HTTP/2 lowercases header names, as the delivery-structure page warns: send them so.
    return {"content-type": "application/json", "x-shopify-topic": topic,
            "x-shopify-hmac-sha256": sign(secret, payload), "x-shopify-shop-domain": shop,
            "x-shopify-api-version": "2026-01", "x-shopify-webhook-id": webhook_id,
            "x-shopify-triggered-at": "2026-03-02T09:29:58.123Z",
            "x-shopify-event-id": "7b8c9d0a-1234-5678-90ab-cdef12345678"}


def generic(payload: bytes, secret: str = GENERIC_SECRET, delivery: str | None = None) -> dict[str, str]:
    headers = {"Content-Type": "application/json", "X-Postino-Signature": sign(secret, payload)}
    if delivery:
        headers["X-Postino-Delivery-Id"] = delivery
    return headers


def paid_shopify_order(**changes: Any) -> dict[str, Any]:
    """The documented orders/create sample (a test, cancelled, voided order) made a real paid one."""
    order = copy.deepcopy(fixture("shopify_orders_create.json"))
    order.update({"test": False, "financial_status": "paid", "cancelled_at": None, "cancel_reason": None})
    order.update(changes)
    return order
