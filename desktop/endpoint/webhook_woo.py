"""WooCommerce webhooks (WooCommerce → Settings → Advanced → Webhooks, API version v3).

From WooCommerce's ``WC_Webhook`` (includes/class-wc-webhook.php) and its guide
(docs/building-a-woo-store/webhooks.md):

- a delivery is a POST whose body is the REST v3 resource (the same JSON as
  ``GET /wp-json/wc/v3/orders/<id>``) with the headers ``X-WC-Webhook-Topic``
  (``order.created`` …), ``X-WC-Webhook-Source`` (the shop's home URL),
  ``X-WC-Webhook-Delivery-ID`` and ``X-WC-Webhook-Signature`` = base64 HMAC-SHA256 of the
  body with the webhook's secret;
- when a webhook is first saved as Active, WooCommerce sends a *ping*: a form body
  ``webhook_id=NN``, no signature and no topic, and it wants exactly 200 back. It is answered
  200 and records nothing (it carries no data, so there is nothing to forge);
- a ``*.deleted`` delivery carries only ``{"id": N}``: answered, nothing recorded (a deleted
  order keeps its history in Postino);
- more than 5 failed deliveries disable the webhook in WooCommerce, so topics Postino does
  not use are answered 200 too.

Orders and customers go through ``desktop.connectors.woo_map`` — the poller's own writers —
with the connection's host, so an order both polled and pushed is one event.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING, Any, Mapping
from urllib.parse import urlsplit

from desktop.connectors.woo_map import write_customer, write_order
from desktop.endpoint.webhook_types import BadPayload, Delivery, Platform, Signer, WebhookReply, reply

if TYPE_CHECKING:  # pragma: no cover
    from desktop.workspace import Workspace

SIGNATURE = "x-wc-webhook-signature"
ORDER_TOPICS = {"order.created", "order.updated", "order.restored"}
CUSTOMER_TOPICS = {"customer.created", "customer.updated"}
_PING = re.compile(rb"webhook_id=\d{1,20}")


def _ping(headers: Mapping[str, str], body: bytes) -> WebhookReply | None:
    if headers.get(SIGNATURE) or not _PING.fullmatch(body.strip()):
        return None
    return reply(200, "webhook.ping")


def _source(headers: Mapping[str, str]) -> str:
    return headers.get("x-wc-webhook-source", "")


def _parse(headers: Mapping[str, str], data: Any, signer: Signer, now: datetime, country: str) -> Delivery:
    topic = headers.get("x-wc-webhook-topic", "").strip()
    delivery_id = headers.get("x-wc-webhook-delivery-id") or None
    if topic not in ORDER_TOPICS and topic not in CUSTOMER_TOPICS:
        return Delivery(topic, delivery_id)
    if not isinstance(data, dict):
        raise BadPayload("webhook.not_an_object", path="$")
    if data.get("id") in (None, "", 0):
        raise BadPayload("webhook.missing_field", path="$.id")
    connection = signer.connection
    assert connection is not None       # WooCommerce secrets always belong to a connection
    config = connection.config
    country = str(config.get("country") or country)
    if topic in CUSTOMER_TOPICS:
        def customer(ws: "Workspace", now: datetime) -> list[str]:
            return write_customer(ws, data, now, default_country=country)
        return Delivery(topic, delivery_id, customer)
    url = str(config.get("url") or "")
    host = urlsplit(url).hostname or url            # as WooPoller names the shop in its uids
    consent_field = str(config.get("consent_field") or "")

    def order(ws: "Workspace", now: datetime) -> list[str]:
        return write_order(ws, host, data, now, consent_field=consent_field, default_country=country)
    return Delivery(topic, delivery_id, order)


PLATFORM = Platform(signature_header=SIGNATURE, source=_source, parse=_parse, before_signature=_ping)
