"""Webhooks through the real server: signed WooCommerce and Shopify deliveries POSTed over
loopback reach the real handlers, whose secrets come from the process's keyring (a real
encrypted file keyring here); forged, malformed, oversized and repeated deliveries answer
as the webhook docs (docs/endpoint-webhooks.md) say, and nothing is half-written."""

from __future__ import annotations

import json

from desktop.connectors.keys import ConnectionSecrets
from desktop.endpoint.webhooks import MAX_BODY
from tests.endpoint.conftest import Client, add_connection, count
from tests.endpoint.payloads import SHOP, SHOPIFY_SECRET, WOO_SECRET, WOO_URL, body, fixture, paid_shopify_order, shopify, woo
from tests.helpers.endpoint import running


def _shops(ws, now) -> None:
    secrets = ConnectionSecrets()          # the process keyring: the one the server reads
    add_connection(ws, now, "negozio", "woocommerce", {"url": WOO_URL, "country": "IT"}, secrets,
                   key="ck_" + "1" * 40, secret="cs_" + "2" * 40, webhook_secret=WOO_SECRET)
    add_connection(ws, now, "bottega", "shopify", {"shop": SHOP, "client_id": "c" * 32, "country": "IT"},
                   secrets, client_secret="shpss_" + "3" * 32, webhook_secret=SHOPIFY_SECRET)


def test_signed_deliveries_are_stored_once_and_forgeries_refused(workspace, now, encrypted) -> None:
    _shops(workspace, now)
    order = body(fixture("woo_order_727.json"))
    with running(workspace, now) as server:
        client = Client(server.config.local_url)
        first = client.request("POST", "/webhooks/woocommerce", order, woo("order.created", order))
        assert first.status == 200 and json.loads(first.body)["code"] == "webhook.stored"
        again = client.request("POST", "/webhooks/woocommerce", order, woo("order.created", order))
        assert again.status == 200 and json.loads(again.body)["code"] == "webhook.duplicate"
        forged = client.request("POST", "/webhooks/woocommerce", order,
                                woo("order.created", order, secret="guess", delivery="d-forged"))
        assert forged.status == 401
        altered = order.replace(b'"29.35"', b'"0.01"')
        assert client.request("POST", "/webhooks/woocommerce", altered,
                              woo("order.created", order, delivery="d-altered")).status == 401
        broken = b'{"id": 728, "total": '
        answer = client.request("POST", "/webhooks/woocommerce", broken, woo("order.created", broken, delivery="d-bad"))
        assert answer.status == 400 and json.loads(answer.body)["code"] == "webhook.bad_json"
        huge = b" " * (MAX_BODY + 1)
        assert client.request("POST", "/webhooks/shopify", huge, shopify("orders/paid", huge)).status == 413
        paid = body(paid_shopify_order())
        assert client.request("POST", "/webhooks/shopify", paid, shopify("orders/paid", paid)).status == 200
        assert client.request("POST", "/webhooks/nonsense", b"{}", {"Content-Type": "application/json"}).status == 404
    assert count(workspace, "SELECT count(*) FROM events WHERE type = 'purchase'") == 2   # one Woo, one Shopify
    assert count(workspace, "SELECT count(*) FROM webhook_deliveries") == 2
