"""WooCommerce orders from a local store speaking the REST API v3, through the real
``requests`` code of the connector and the real runner."""

from __future__ import annotations

import json
import threading
from datetime import timedelta

import pytest

from desktop.connectors.run import poll_connection
from desktop.connectors.store import Connections
from desktop.connectors.woocommerce import WooPoller
from tests.helpers.http_server import LocalServer
from tests.helpers.woo_server import KEY, SECRET, WooStore, order, orders_over


@pytest.fixture
def shop():
    store = WooStore()
    with LocalServer(store) as server:
        store.server, store.url = server, server.url
        yield store


def poll(ws, shop, now, key=KEY, consent_field="", **kw):
    store = Connections(ws.db)
    if store.get("negozio") is None:
        with ws.transaction():
            store.add(store.new("negozio", "woocommerce", {"url": shop.url}), now)
    connection = store.require("negozio")
    poller = WooPoller("negozio", shop.url, key, SECRET, connection.every, consent_field=consent_field)
    return poll_connection(ws, poller, connection, now, db_lock=threading.RLock(), **kw)


def purchases(ws):
    return ws.db.execute("SELECT count(*), count(DISTINCT ref) FROM events WHERE type = 'purchase'").fetchone()


def test_orders_over_pages_become_purchases_and_contacts(workspace, shop, now):
    shop.orders = orders_over(250, now - timedelta(days=2))
    shop.orders.append(order(900, now - timedelta(hours=1), status="pending"))
    outcome = poll(workspace, shop, now)
    assert outcome.ok and outcome.pages == 4                          # 3 of orders, 1 of customers
    assert outcome.summary.counts == {"purchase": 250, "contact_created": 251}
    assert purchases(workspace) == (250, 250)
    first = shop.server.requests[0]
    assert first.headers["Authorization"].startswith("Basic ")
    assert {k: v[0] for k, v in first.query.items()} == {
        "modified_after": (now - timedelta(days=90)).strftime("%Y-%m-%dT%H:%M:%S"), "dates_are_gmt": "true",
        "orderby": "modified", "order": "asc", "per_page": "100", "page": "1"}
    assert [r.query["page"][0] for r in shop.server.requests[:3]] == ["1", "2", "3"]
    assert shop.server.requests[3].path.endswith("/customers")
    event = workspace.db.execute("SELECT contact_id, amount, payload, occurred_at FROM events "
                                 "WHERE type = 'purchase' AND ref = '1'").fetchone()
    payload = json.loads(event[2])
    assert event[1] == 49.9 and payload["currency"] == "EUR" and payload["items"][0]["name"] == "Tè verde"
    contact = workspace.contacts.get(event[0])
    assert contact["email"] == "buyer1@example.org" and contact["first_name"] == "Nome1"
    assert contact["email_status"] == "pending"                       # consent is never assumed
    # The next pass starts a few minutes before the newest order: re-reads, writes nothing twice.
    cursor = Connections(workspace.db).cursor("negozio")
    assert cursor["since"] == (now - timedelta(hours=1, minutes=5)).strftime("%Y-%m-%dT%H:%M:%S")
    again = poll(workspace, shop, now + timedelta(minutes=10))
    assert again.ok and again.summary.fetched >= 1 and again.summary.written == 0
    assert purchases(workspace) == (250, 250)


def test_refund_cancel_and_consent(workspace, shop, now):
    shop.orders = [order(1, now - timedelta(hours=3)),
                   order(2, now - timedelta(hours=2), email="si@example.org",
                         meta=[{"id": 1, "key": "_newsletter_optin", "value": "yes"}]),
                   order(3, now - timedelta(hours=2), email="no@example.org",
                         meta=[{"id": 1, "key": "_newsletter_optin", "value": "no"}])]
    poll(workspace, shop, now, consent_field="_newsletter_optin")
    status = dict(workspace.db.execute("SELECT email, email_status FROM contacts").fetchall())
    assert status == {"buyer1@example.org": "pending", "si@example.org": "subscribed", "no@example.org": "pending"}
    shop.orders[0] = order(1, now - timedelta(minutes=1), status="refunded")
    shop.orders.append(order(4, now - timedelta(minutes=1), status="cancelled", email="si@example.org"))
    outcome = poll(workspace, shop, now + timedelta(minutes=10), consent_field="_newsletter_optin")
    assert outcome.summary.counts == {"order_refunded": 1, "order_cancelled": 1}
    refs = workspace.db.execute("SELECT type, ref FROM events WHERE type IN ('purchase', 'custom') ORDER BY id").fetchall()
    assert refs == [("purchase", "1"), ("purchase", "2"), ("purchase", "3"),
                    ("custom", "order_refunded"), ("custom", "order_cancelled")]


def test_an_opt_in_never_overrides_an_unsubscribe(workspace, shop, now):
    cid = workspace.contacts.create({"email": "si@example.org", "email_status": "unsubscribed"}, now)
    shop.orders = [order(2, now - timedelta(hours=2), email="si@example.org", phone="+39 333 123 4567",
                         meta=[{"key": "_newsletter_optin", "value": "1"}])]
    poll(workspace, shop, now, consent_field="_newsletter_optin")
    contact = workspace.contacts.get(cid)
    assert contact["email_status"] == "unsubscribed" and contact["phone"] == "+393331234567"


def test_errors_keep_the_cursor_and_never_half_a_page(workspace, shop, now):
    shop.orders = orders_over(150, now - timedelta(days=1))
    assert poll(workspace, shop, now, key="ck_wrong").error.code == "http.auth"
    original = shop.__call__

    calls = {"n": 0}

    def second_page_broken(seen):
        calls["n"] += 1
        if calls["n"] == 2:
            return 200, {"Content-Type": "application/json", "X-WP-TotalPages": "2"}, b'[{"id": 1'
        return original(seen)

    shop.server.handler = second_page_broken
    broken = poll(workspace, shop, now + timedelta(minutes=1), force=True)
    assert broken.error.code == "http.bad_json" and broken.pages == 1
    assert purchases(workspace) == (100, 100)
    assert Connections(workspace.db).cursor("negozio")["page"] == 2
    shop.server.handler = original
    shop.fail = [429]
    throttled = poll(workspace, shop, now + timedelta(minutes=2), force=True)
    assert throttled.error.code == "http.throttled"
    assert Connections(workspace.db).status("negozio").next_try_at == now + timedelta(minutes=2, seconds=600)
    assert poll(workspace, shop, now + timedelta(minutes=4)).skipped      # still waiting, as asked
    resumed = poll(workspace, shop, now + timedelta(minutes=13))
    assert resumed.ok and purchases(workspace) == (150, 150)
    assert shop.server.requests[-2].query["page"] == ["2"]


def test_weekly_customer_rescan(workspace, shop, now):
    shop.customers = [{"id": 5, "email": "cliente@example.org", "first_name": "Ada", "last_name": "Neri",
                       "billing": {"phone": "3331112222", "country": "IT"}}]
    poll(workspace, shop, now)
    assert workspace.contacts.find("cliente@example.org") is not None
    before = len(shop.server.requests)
    poll(workspace, shop, now + timedelta(days=1))
    assert not any(r.path.endswith("/customers") for r in shop.server.requests[before:])
    poll(workspace, shop, now + timedelta(days=8))
    assert shop.server.requests[-1].path.endswith("/customers")
