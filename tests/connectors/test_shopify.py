"""Shopify through a local store that answers the Admin API's documented shapes: the
client-credentials token and its refresh, three phases of cursor paging, the cost model
(waiting, stopping, THROTTLED) and what each node becomes in a real workspace."""

from __future__ import annotations

import json
import threading
from datetime import timedelta

import pytest

from desktop.connectors.run import poll_connection
from desktop.connectors.shopify import ShopifyPoller
from desktop.connectors.store import Connections
from tests.helpers.http_server import LocalServer
from tests.helpers.shopify_server import CLIENT_ID, CLIENT_SECRET, ShopifyStore, checkout, customer, order


@pytest.fixture
def clock(now):
    return {"now": now}


@pytest.fixture
def shop(clock):
    store = ShopifyStore(clock=lambda: clock["now"])
    with LocalServer(store) as server:
        store.server, store.url = server, server.url
        yield store


@pytest.fixture
def poller(shop, clock):
    def advance(seconds):
        clock["now"] += timedelta(seconds=seconds)
        slept.append(seconds)

    slept: list[float] = []
    made = ShopifyPoller("bottega", "bottega.myshopify.com", CLIENT_ID, CLIENT_SECRET, timedelta(minutes=10),
                         api_url=shop.url, sleep=advance)
    made.slept = slept
    return made


def poll(ws, poller, now):
    store = Connections(ws.db)
    if store.get("bottega") is None:
        with ws.transaction():
            store.add(store.new("bottega", "shopify", {"shop": "bottega.myshopify.com", "client_id": CLIENT_ID}), now)
    return poll_connection(ws, poller, store.require("bottega"), now, db_lock=threading.RLock(), force=True)


def events(ws, type_):
    return [(r[0], json.loads(r[1])) for r in
            ws.db.execute("SELECT ref, payload FROM events WHERE type = ? ORDER BY id", [type_])]


def test_orders_customers_and_checkouts_in_one_pass(workspace, shop, poller, now):
    shop.orders = [order(i, now - timedelta(days=2, minutes=i)) for i in range(1, 61)]
    shop.orders.append(order(99, now - timedelta(days=70)))            # beyond the 60 days
    shop.customers = [customer(200, consent="SUBSCRIBED", sms="UNSUBSCRIBED", updated=now - timedelta(hours=5))]
    shop.abandonedCheckouts = [checkout(7, now - timedelta(hours=3), buyer=customer(7, consent="SUBSCRIBED")),
                               checkout(8, now - timedelta(hours=2), completed=True)]
    outcome = poll(workspace, poller, now)
    assert outcome.ok, outcome.error
    assert outcome.pages == 3 + 1 + 1
    assert outcome.summary.counts["purchase"] == 60 and outcome.summary.counts["cart_updated"] == 1
    assert shop.issued == 1
    first = json.loads(shop.server.requests[1].body)
    assert first["variables"]["query"] == f"updated_at:>'{(now - timedelta(days=60)).strftime('%Y-%m-%dT%H:%M:%SZ')}'"
    assert shop.server.requests[1].headers["X-Shopify-Access-Token"].startswith("shpat_")
    ref, cart = events(workspace, "cart_updated")[0]
    assert ref == "7" and cart["recovery_url"].endswith("recover?key=k7") and cart["total"] == 24.5
    assert cart["items"] == [{"name": "Tè verde", "quantity": 2, "sku": "TE-1", "total": 9.0}]
    statuses = dict(workspace.db.execute("SELECT email, email_status || '/' || sms_status FROM contacts"))
    assert statuses["cliente200@example.org"] == "subscribed/unsubscribed"
    assert statuses["cliente7@example.org"] == "subscribed/pending"
    assert statuses["cliente1@example.org"] == "pending/pending"          # NOT_SUBSCRIBED is not consent
    again = poll(workspace, poller, now + timedelta(minutes=10))
    assert again.ok and again.summary.written == 0


def test_cart_updates_refunds_and_cancellations(workspace, shop, poller, now):
    buyer = customer(3)
    shop.abandonedCheckouts = [checkout(3, now - timedelta(hours=3), buyer=buyer)]
    shop.orders = [order(5, now - timedelta(hours=1))]
    poll(workspace, poller, now)
    shop.abandonedCheckouts = [checkout(3, now + timedelta(minutes=5), buyer=buyer, total="30.00")]
    shop.orders = [order(5, now + timedelta(minutes=6), status="REFUNDED"),
                   order(6, now + timedelta(minutes=6), cancelled=True)]
    poll(workspace, poller, now + timedelta(minutes=10))
    carts = events(workspace, "cart_updated")
    assert [(ref, c["total"]) for ref, c in carts] == [("3", 24.5), ("3", 30.0)]
    assert [ref for ref, _ in events(workspace, "custom")] == ["order_refunded", "order_cancelled"]


def test_the_token_is_refreshed_before_it_expires(workspace, shop, poller, now):
    poll(workspace, poller, now)
    poll(workspace, poller, now + timedelta(hours=20))
    assert shop.issued == 1
    poll(workspace, poller, now + timedelta(hours=23, minutes=57))     # 24 h less 3 minutes
    assert shop.issued == 2


def test_cost_aware_paging(workspace, shop, poller, now, clock):
    shop.orders = [order(i, now - timedelta(days=1, minutes=i)) for i in range(1, 101)]
    shop.maximum = shop.available = 700.0            # two pages of 327 points, then a wait
    shop.restore_rate = 200.0
    outcome = poll(workspace, poller, now)
    assert outcome.ok and poller.slept and max(poller.slept) <= 2.0      # short waits: slept
    assert outcome.summary.counts["purchase"] == 100 and shop.throttled == 0
    shop.orders += [order(i, now + timedelta(minutes=i)) for i in range(101, 201)]
    shop.restore_rate = 10.0                         # slow restore: stop and go on next run
    clock["now"] += timedelta(hours=1)
    stopped = poll(workspace, poller, clock["now"])
    assert stopped.ok and [w.code for w in stopped.summary.warnings] == ["shopify.paused"]
    assert Connections(workspace.db).cursor("bottega")["after"]
    shop.available = 0.0
    throttled = poll(workspace, poller, clock["now"])
    assert throttled.error.code == "shopify.throttled"
    assert Connections(workspace.db).status("bottega").next_try_at >= clock["now"] + timedelta(seconds=30)


def test_wrong_secret_is_an_auth_error(workspace, shop, now):
    bad = ShopifyPoller("bottega", "bottega.myshopify.com", CLIENT_ID, "wrong", timedelta(minutes=10), api_url=shop.url)
    assert poll(workspace, bad, now).error.code == "http.auth"


def test_connect_shopify_from_the_cli_and_poll(tmp_path, monkeypatch, capsys, shop, clock):
    import io
    from datetime import datetime, timezone

    import keyring
    from keyrings.alt.file import EncryptedKeyring

    from desktop.cli import main as cli_main

    clock["now"] = datetime.now(timezone.utc)              # the CLI polls at the real time
    shop.abandonedCheckouts = [checkout(11, clock["now"] - timedelta(hours=2),
                                        buyer=customer(11, consent="SUBSCRIBED"))]
    backend = EncryptedKeyring()
    backend.file_path = str(tmp_path / "keyring.cfg")
    backend.keyring_key = "master-passphrase-for-tests"
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        monkeypatch.setattr("sys.stdin", io.StringIO(CLIENT_SECRET + "\n"))
        base = ["--data-dir", str(tmp_path / "ws")]
        assert cli_main([*base, "connect", "shopify", "bottega", "--client-id", CLIENT_ID, "--api-url", shop.url]) == 0
        assert cli_main([*base, "poll", "bottega"]) == 0
        assert "cart_updated=1" in capsys.readouterr().out
    finally:
        keyring.set_keyring(previous)
