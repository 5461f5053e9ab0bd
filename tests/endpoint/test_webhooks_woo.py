"""WooCommerce webhooks through the real ``handle``: the documented order and customer JSON
signed the way ``WC_Webhook::generate_signature`` does, written into a real workspace."""

from __future__ import annotations

import copy
import json
import threading
from datetime import timedelta

from desktop.connectors.run import poll_connection
from desktop.connectors.store import Connections
from desktop.connectors.woocommerce import WooPoller
from desktop.endpoint.webhooks import MAX_BODY, handle
from tests.endpoint.conftest import add_connection, count, events
from tests.endpoint.payloads import WOO_SECRET, WOO_URL, body, fixture, woo
from tests.helpers.http_server import LocalServer
from tests.helpers.woo_server import KEY, SECRET, WooStore


def test_documented_order_becomes_one_purchase_and_a_contact(send, shops):
    payload = body(fixture("woo_order_727.json"))
    answer = send("woocommerce", woo("order.created", payload), payload)
    assert answer.status == 200
    assert answer.body == {"ok": True, "code": "webhook.stored", "topic": "order.created",
                           "counts": {"contact_created": 1, "purchase": 1}}
    row = shops.db.execute("SELECT contact_id, ref, amount, occurred_at, uid, payload FROM events "
                           "WHERE type = 'purchase'").fetchone()
    assert row[1:5] == ("727", 29.35, "2017-03-22 19:28:08", "woo:bottega.example.org:727:purchase")
    items = json.loads(row[5])["items"]
    assert [i["name"] for i in items] == ["Woo Single #1", "Ship Your Idea &ndash; Color: Black, Size: M Test"]
    contact = shops.contacts.get(row[0])
    assert (contact["email"], contact["first_name"], contact["email_status"]) == ("john.doe@example.com", "John", "pending")


def test_order_updated_to_refunded_and_customer_topics(send, shops):
    order = fixture("woo_order_727.json")
    first = body(order)
    send("woocommerce", woo("order.created", first, delivery="d1"), first)
    order.update(status="refunded", date_modified_gmt="2017-03-25T10:00:00")
    refunded = body(order)
    answer = send("woocommerce", woo("order.updated", refunded, delivery="d2"), refunded)
    assert answer.body["counts"] == {"order_refunded": 1}
    assert events(shops, "purchase") == 1 and events(shops, "custom") == 1
    customer = fixture("woo_customer_25.json")
    customer.update(email="anna@example.org", first_name="Anna")
    raw = body(customer)
    answer = send("woocommerce", woo("customer.created", raw, delivery="d3"), raw)
    assert answer.status == 200 and answer.body["counts"] == {"contact_created": 1}
    assert count(shops, "SELECT count(*) FROM contacts WHERE email = 'anna@example.org'") == 1


def test_the_ping_is_answered_and_records_nothing(send, shops, workspace, now):
    # WC_Webhook::deliver_ping: a form body, no X-WC-* headers, no signature; 200 is required.
    headers = {"User-Agent": "WooCommerce/9.8.0 Hookshot (WordPress/6.8)",
               "Content-Type": "application/x-www-form-urlencoded"}
    answer = send("woocommerce", headers, b"webhook_id=12")
    assert (answer.status, answer.body["code"]) == (200, "webhook.ping")
    assert events(shops) == 0 and count(shops, "SELECT count(*) FROM webhook_deliveries") == 0
    # Even before any secret is configured (the ping carries nothing to forge).
    assert handle("woocommerce", workspace, headers, b"webhook_id=12", now).status == 200
    # A ping-shaped body with a wrong signature is not a ping.
    assert send("woocommerce", {"X-WC-Webhook-Signature": "AAAA"}, b"webhook_id=12").status == 401


def test_bad_signature_altered_body_and_unsigned_are_401(send, shops):
    payload = body(fixture("woo_order_727.json"))
    forged = woo("order.created", payload, secret="not-the-secret")
    assert send("woocommerce", forged, payload).body["code"] == "webhook.bad_signature"
    signed = woo("order.created", payload)
    altered = payload.replace(b'"total":"29.35"', b'"total":"0.01"')
    assert altered != payload
    assert send("woocommerce", signed, altered).status == 401
    unsigned = {k: v for k, v in signed.items() if k != "X-WC-Webhook-Signature"}
    answer = send("woocommerce", unsigned, payload)
    assert (answer.status, answer.body["code"]) == (401, "webhook.unsigned")
    garbage = {**signed, "X-WC-Webhook-Signature": "not base64 at all!"}
    assert send("woocommerce", garbage, payload).status == 401
    assert events(shops) == 0 and count(shops, "SELECT count(*) FROM contacts") == 0


def test_headers_are_case_insensitive(send, shops):
    payload = body(fixture("woo_order_727.json"))
    lowered = {k.lower(): v for k, v in woo("order.created", payload).items()}
    upper = {k.upper(): v for k, v in woo("order.created", payload, delivery="other").items()}
    assert send("woocommerce", lowered, payload).body["counts"]["purchase"] == 1
    assert send("woocommerce", upper, payload).status == 200
    assert events(shops, "purchase") == 1


def test_same_delivery_twice_and_same_order_twice_are_stored_once(send, shops):
    payload = body(fixture("woo_order_727.json"))
    headers = woo("order.created", payload, delivery="36e520eb")
    assert send("woocommerce", headers, payload).body["code"] == "webhook.stored"
    again = send("woocommerce", headers, payload)
    assert again.body == {"ok": True, "code": "webhook.duplicate", "delivery": "36e520eb"}
    # A new delivery of the same order (order.updated after a note): the order id decides.
    updated = send("woocommerce", woo("order.updated", payload, delivery="77aa"), payload)
    assert updated.status == 200 and updated.body["counts"] == {}
    assert events(shops, "purchase") == 1
    assert count(shops, "SELECT count(*) FROM webhook_deliveries WHERE kind = 'woocommerce'") == 2


def test_malformed_oversized_and_wrong_shape(send, shops):
    broken = b'{"id": 727,\n "status": "processing",\n "total": }'
    answer = send("woocommerce", woo("order.created", broken), broken)
    assert answer.status == 400
    assert answer.body["code"] == "webhook.bad_json"
    assert (answer.body["line"], answer.body["column"], answer.body["position"]) == (3, 11, 47)
    big = b'{"id": 1, "pad": "' + b"x" * MAX_BODY + b'"}'
    assert send("woocommerce", woo("order.created", big), big).status == 413
    listed = b"[1, 2]"
    answer = send("woocommerce", woo("order.created", listed), listed)
    assert (answer.status, answer.body["code"]) == (422, "webhook.not_an_object")
    latin = "{\"id\": 1, \"note\": \"caff\xe8\"}".encode("latin-1")
    assert send("woocommerce", woo("order.created", latin), latin).body["code"] == "webhook.not_utf8"
    deep = b"[" * 100_000 + b"]" * 100_000
    assert send("woocommerce", woo("order.created", deep), deep).status == 400
    assert events(shops) == 0


def test_unknown_kind_unused_topic_and_deleted_resources(send, shops):
    payload = body({"id": 727})
    assert send("magento", woo("order.created", payload), payload).status == 404
    for topic in ("order.deleted", "product.updated", "coupon.created"):
        answer = send("woocommerce", woo(topic, payload), payload)
        assert (answer.status, answer.body["code"], answer.body["topic"]) == (200, "webhook.ignored", topic)
    assert events(shops) == 0


def test_no_secret_is_503_and_nothing_unsigned_is_accepted(workspace, now, secrets):
    payload = body(fixture("woo_order_727.json"))
    answer = handle("woocommerce", workspace, woo("order.created", payload), payload, now, secrets=secrets)
    assert (answer.status, answer.body["code"]) == (503, "webhook.not_configured")
    # A connection whose keyring entries are gone still accepts nothing.
    add_connection(workspace, now, "negozio", "woocommerce", {"url": WOO_URL}, secrets)
    unsigned = {k: v for k, v in woo("order.created", payload).items() if "Signature" not in k}
    assert handle("woocommerce", workspace, unsigned, payload, now, secrets=secrets).status == 503
    assert events(workspace) == 0


def test_without_a_webhook_secret_the_consumer_secret_signs(workspace, now, secrets):
    """WooCommerce's own default: an empty Secret field signs with the API user's consumer secret."""
    add_connection(workspace, now, "negozio", "woocommerce", {"url": WOO_URL}, secrets, key=KEY, secret=SECRET)
    payload = body(fixture("woo_order_727.json"))
    ok = handle("woocommerce", workspace, woo("order.created", payload, secret=SECRET), payload, now, secrets=secrets)
    assert ok.body["counts"]["purchase"] == 1


def test_two_shops_each_event_named_after_its_own_shop(send, shops, now, secrets):
    add_connection(shops, now, "outlet", "woocommerce", {"url": "https://outlet.example.org"}, secrets,
                   webhook_secret="outlet-secret")
    payload = body(fixture("woo_order_727.json"))
    headers = woo("order.created", payload, secret="outlet-secret", source="https://outlet.example.org/")
    assert send("woocommerce", headers, payload).status == 200
    # The claim of a source does not replace the signature: the outlet's secret signs only the outlet.
    lying = woo("order.created", payload, secret=WOO_SECRET, source="https://outlet.example.org/", delivery="x")
    assert send("woocommerce", lying, payload).status == 200
    uids = sorted(r[0] for r in shops.db.execute("SELECT uid FROM events WHERE type = 'purchase'"))
    assert uids == ["woo:bottega.example.org:727:purchase", "woo:outlet.example.org:727:purchase"]


def test_polled_and_pushed_order_is_one_purchase(workspace, now, secrets):
    """The same shop both polled (REST v3 through WooPoller) and pushing order.created."""
    documented = fixture("woo_order_727.json")
    polled = copy.deepcopy(documented)
    polled["date_modified_gmt"] = (now - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S")
    store = WooStore(orders=[polled])
    with LocalServer(store) as server:
        add_connection(workspace, now, "negozio", "woocommerce", {"url": server.url}, secrets,
                       key=KEY, secret=SECRET, webhook_secret=WOO_SECRET)
        connection = Connections(workspace.db).require("negozio")
        poller = WooPoller("negozio", server.url, KEY, SECRET, connection.every)
        outcome = poll_connection(workspace, poller, connection, now, db_lock=threading.RLock())
    assert outcome.ok and outcome.summary.counts["purchase"] == 1
    payload = body(documented)
    pushed = handle("woocommerce", workspace, woo("order.created", payload, source=server.url + "/"), payload,
                    now + timedelta(minutes=1), secrets=secrets)
    assert pushed.status == 200 and pushed.body["counts"] == {}
    assert events(workspace, "purchase") == 1 and count(workspace, "SELECT count(*) FROM contacts") == 1


def test_a_failed_event_insert_takes_the_new_contact_and_the_delivery_id_with_it(send, shops):
    shops.db.execute("CREATE TRIGGER refuse_727 BEFORE INSERT ON events WHEN NEW.ref = '727' "
                     "BEGIN SELECT RAISE(ABORT, 'no'); END")
    payload = body(fixture("woo_order_727.json"))
    headers = woo("order.created", payload, delivery="again")
    assert send("woocommerce", headers, payload).status == 500
    assert count(shops, "SELECT count(*) FROM contacts") == 0 and events(shops) == 0
    assert count(shops, "SELECT count(*) FROM webhook_deliveries") == 0
    shops.db.execute("DROP TRIGGER refuse_727")
    assert send("woocommerce", headers, payload).body["counts"] == {"contact_created": 1, "purchase": 1}
