"""Shopify webhooks through the real ``handle``: the reference's REST sample payloads signed
as "Verify webhook deliveries" says, mapped to the poller's writers."""

from __future__ import annotations

import json
import threading
from datetime import datetime, timedelta, timezone

from desktop.connectors.run import poll_connection
from desktop.connectors.shopify import ShopifyPoller
from desktop.connectors.store import Connections
from desktop.endpoint.webhooks import handle
from tests.endpoint.conftest import add_connection, count, events
from tests.endpoint.payloads import SHOP, SHOPIFY_SECRET, body, fixture, paid_shopify_order, shopify
from tests.helpers.http_server import LocalServer
from tests.helpers.shopify_server import CLIENT_ID, CLIENT_SECRET, ShopifyStore, checkout, customer, order

SAMPLE_INSTANT = datetime(2022, 1, 1, 0, 0, tzinfo=timezone.utc)      # 2021-12-31T19:00:00-05:00


def test_the_documented_sample_is_a_test_order_and_records_nothing(send, shops):
    payload = body(fixture("shopify_orders_create.json"))
    answer = send("shopify", shopify("orders/create", payload), payload)
    assert (answer.status, answer.body["code"]) == (200, "webhook.test_order")
    assert events(shops) == 0 and count(shops, "SELECT count(*) FROM contacts") == 0


def test_paid_order_is_a_purchase_with_the_shops_amount(send, shops):
    payload = body(paid_shopify_order())
    answer = send("shopify", shopify("orders/create", payload), payload)
    assert answer.body["counts"] == {"contact_created": 1, "purchase": 1}
    row = shops.db.execute("SELECT contact_id, ref, amount, occurred_at, uid, payload FROM events "
                           "WHERE type = 'purchase'").fetchone()
    assert row[1:5] == ("820982911946154508", 403.0, "2022-01-01 00:00:00",
                        "shopify:bottega.myshopify.com:order:820982911946154508:purchase")
    payload_out = json.loads(row[5])
    assert payload_out["number"] == "#9999" and payload_out["currency"] == "USD" and payload_out["status"] == "paid"
    assert payload_out["items"][0] == {"name": "IPod Nano - 8GB", "quantity": 1, "sku": "IPOD2008PINK", "total": 199.0}
    contact = shops.contacts.get(row[0])
    # The order's customer (not the order's contact_email) is the buyer; "not_subscribed" says nothing.
    assert (contact["email"], contact["first_name"], contact["email_status"]) == ("john@example.com", "John", "pending")


def test_cancelled_refunded_and_pending(send, shops):
    cancelled = body(paid_shopify_order(cancelled_at="2022-01-02T10:00:00-05:00", financial_status="voided"))
    assert send("shopify", shopify("orders/cancelled", cancelled, webhook_id="w1"), cancelled).body["counts"] == {
        "contact_created": 1, "order_cancelled": 1}
    refunded = body(paid_shopify_order(id=5, financial_status="refunded"))
    assert send("shopify", shopify("orders/updated", refunded, webhook_id="w2"), refunded).body["counts"] == {
        "order_refunded": 1}
    pending = body(paid_shopify_order(id=6, financial_status="pending"))
    assert send("shopify", shopify("orders/create", pending, webhook_id="w3"), pending).body["counts"] == {}
    paid = body(paid_shopify_order(id=6))
    assert send("shopify", shopify("orders/paid", paid, webhook_id="w4"), paid).body["counts"] == {"purchase": 1}
    assert events(shops, "purchase") == 1 and events(shops, "custom") == 2


def test_abandoned_checkout_is_a_cart_with_its_recovery_url(send, shops):
    data = fixture("shopify_checkouts_create.json")
    payload = body(data)
    answer = send("shopify", shopify("checkouts/create", payload), payload)
    assert answer.body["counts"] == {"cart_updated": 1, "contact_created": 1}
    row = shops.db.execute("SELECT ref, amount, occurred_at, uid, payload FROM events "
                           "WHERE type = 'cart_updated'").fetchone()
    assert row[:4] == ("981820079255243537", 199.0, "2022-01-01 00:00:00",
                       "shopify:bottega.myshopify.com:checkout:981820079255243537@2022-01-01T00:00:00Z")
    assert json.loads(row[4])["recovery_url"] == data["abandoned_checkout_url"]
    # A later update of the same cart is a new occurrence; a completed checkout is no cart.
    data["updated_at"] = "2021-12-31T20:30:00-05:00"
    later = body(data)
    assert send("shopify", shopify("checkouts/update", later, webhook_id="u2"), later).body["counts"] == {
        "cart_updated": 1}
    data.update(completed_at="2021-12-31T21:00:00-05:00", updated_at="2021-12-31T21:00:00-05:00")
    done = body(data)
    assert send("shopify", shopify("checkouts/update", done, webhook_id="u3"), done).body["counts"] == {}
    assert events(shops, "cart_updated") == 2


def test_customer_and_marketing_consent(send, shops):
    data = fixture("shopify_customers_create.json")
    payload = body(data)
    assert send("shopify", shopify("customers/create", payload), payload).body["counts"] == {"contact_created": 1}
    data["email_marketing_consent"] = {"state": "subscribed", "opt_in_level": "single_opt_in",
                                       "consent_updated_at": "2022-01-02T10:00:00-05:00"}
    subscribed = body(data)
    send("shopify", shopify("customers/update", subscribed, webhook_id="c2"), subscribed)
    assert shops.db.execute("SELECT email_status FROM contacts WHERE email = 'bob@biller.com'").fetchone() == (
        "subscribed",)
    data["email_marketing_consent"]["state"] = "unsubscribed"
    gone = body(data)
    send("shopify", shopify("customers/update", gone, webhook_id="c3"), gone)
    assert shops.db.execute("SELECT email_status FROM contacts WHERE email = 'bob@biller.com'").fetchone() == (
        "unsubscribed",)


def test_deduplicated_on_the_webhook_id(send, shops):
    payload = body(paid_shopify_order())
    headers = shopify("orders/create", payload, webhook_id="b54557e4-bdd9-4b37-8a5f-bf7d70bcd043")
    assert send("shopify", headers, payload).body["code"] == "webhook.stored"
    assert send("shopify", headers, payload).body == {"ok": True, "code": "webhook.duplicate",
                                                      "delivery": "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043"}
    assert events(shops, "purchase") == 1
    assert count(shops, "SELECT count(*) FROM webhook_deliveries WHERE kind = 'shopify' AND connection = 'bottega'") == 1


def test_old_delivery_ids_are_forgotten_after_a_month(send, shops, now):
    payload = body(paid_shopify_order())
    send("shopify", shopify("orders/create", payload, webhook_id="old"), payload)
    other = body(paid_shopify_order(id=7))
    send("shopify", shopify("orders/create", other, webhook_id="new"), other, when=now + timedelta(days=31))
    kept = [r[0] for r in shops.db.execute("SELECT delivery_id FROM webhook_deliveries")]
    assert kept == ["new"]


def test_signatures_client_secret_fallback_and_forgeries(send, shops, workspace, now, secrets):
    payload = body(paid_shopify_order())
    assert send("shopify", shopify("orders/create", payload, secret="wrong"), payload).status == 401
    altered = payload.replace(b'"403.00"', b'"1.00"')
    assert send("shopify", shopify("orders/create", payload), altered).status == 401
    assert events(shops) == 0
    # An app webhook is signed with the app's client secret when no webhook secret was stored.
    add_connection(workspace, now, "solo", "shopify", {"shop": "solo.myshopify.com", "client_id": "c"}, secrets,
                   client_secret=CLIENT_SECRET)
    headers = shopify("orders/create", payload, secret=CLIENT_SECRET, shop="solo.myshopify.com")
    answer = handle("shopify", workspace, headers, payload, now, secrets=secrets)
    assert answer.body["counts"]["purchase"] == 1
    assert workspace.db.execute("SELECT uid FROM events WHERE type = 'purchase' AND uid LIKE '%solo%'").fetchone()


def test_polled_and_pushed_order_and_cart_are_one_event_each(workspace, now, secrets):
    """The GraphQL poller and the REST webhook name the same order and the same cart update alike."""
    buyer = customer(1, email="john@example.com")
    updated = now - timedelta(hours=1)
    store = ShopifyStore(clock=lambda: now)
    store.orders = [order(820982911946154508, updated, buyer=buyer)]
    store.abandonedCheckouts = [checkout(981820079255243537, updated, buyer=buyer)]
    with LocalServer(store) as server:
        add_connection(workspace, now, "bottega", "shopify", {"shop": SHOP, "client_id": CLIENT_ID}, secrets,
                       client_secret=CLIENT_SECRET, webhook_secret=SHOPIFY_SECRET)
        connection = Connections(workspace.db).require("bottega")
        poller = ShopifyPoller("bottega", SHOP, CLIENT_ID, CLIENT_SECRET, connection.every, api_url=server.url,
                               sleep=lambda seconds: None)
        outcome = poll_connection(workspace, poller, connection, now, db_lock=threading.RLock())
    assert outcome.ok and outcome.summary.counts["purchase"] == 1 and outcome.summary.counts["cart_updated"] == 1
    cart = fixture("shopify_checkouts_create.json")
    cart["updated_at"] = updated.astimezone(timezone(timedelta(hours=-5))).isoformat()   # the shop's offset
    for topic, data in (("orders/paid", paid_shopify_order()), ("checkouts/create", cart)):
        payload = body(data)
        answer = handle("shopify", workspace, shopify(topic, payload, webhook_id=topic), payload, now, secrets=secrets)
        assert answer.status == 200 and "purchase" not in answer.body["counts"]
        assert "cart_updated" not in answer.body["counts"]
    assert events(workspace, "purchase") == 1 and events(workspace, "cart_updated") == 1
