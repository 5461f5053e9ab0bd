"""An abandoned checkout from a shop, end to end: polled in from a local store speaking
Shopify's Admin API, reminded after 3 hours over a real SMTP conversation, and — once the
order arrives — never reminded again at 24 hours. And the re-check right before sending: a
reminder booked into quiet hours is skipped if the cart was bought before the morning,
live and in the simulator."""

from __future__ import annotations

import threading
from email import message_from_bytes
from email.policy import default
from datetime import datetime, timedelta, timezone

import pytest

from desktop.connectors.run import poll_connection
from desktop.connectors.shopify import ShopifyPoller
from desktop.connectors.store import Connections
from desktop.delivery.setup import channels_from_settings
from desktop.service.tick import Tick
from desktop.simulate import simulate
from desktop.simulate.timeline import WhatIf
from desktop.templates import Templates
from tests.helpers.engine import words
from tests.helpers.http_server import LocalServer
from tests.helpers.shopify_server import CLIENT_ID, CLIENT_SECRET, ShopifyStore, checkout, customer, order
from tests.helpers.smtp_server import SmtpServer

UTC = timezone.utc
T0 = datetime(2026, 3, 3, 8, 1, tzinfo=UTC)          # 09:01 in Rome: the cart is left
OPEN_ALL_DAY = {"quiet_hours": {"bands": [], "business_default": False}}


def _cart_rules(ws, now: datetime, schedule: dict) -> None:
    templates = Templates(ws.db)
    for hours in (3, 24):
        templates.create(f"Cart{hours}", "email", subject=f"Il tuo carrello ({hours} h)",
                         html="<p>Ciao {{ first_name }}, <a href='{{ event.recovery_url }}'>torna al carrello</a></p>",
                         now=now)
        ws.rules.save({"name": f"Carrello {hours} ore", "enabled": True,
                       "action": {"type": "send_email", "template": f"Cart{hours}"},
                       "conditions": {"all": [{"behaviour": "cart_abandoned", "amount": hours, "unit": "hours"}]},
                       "resend": {"policy": "per_occurrence"},
                       "schedule": {"check": {"every_minutes": 15}, **schedule}}, now)


@pytest.fixture
def shop():
    clock = {"now": T0}
    store = ShopifyStore(clock=lambda: clock["now"])
    with LocalServer(store) as server:
        store.server, store.url, store.clock_box = server, server.url, clock
        yield store


def _poll(ws, shop, now: datetime, lock: threading.RLock) -> None:
    shop.clock_box["now"] = now
    store = Connections(ws.db)
    if store.get("bottega") is None:
        with ws.transaction():
            store.add(store.new("bottega", "shopify", {"shop": "bottega.myshopify.com", "client_id": CLIENT_ID}), now)
    poller = ShopifyPoller("bottega", "bottega.myshopify.com", CLIENT_ID, CLIENT_SECRET, timedelta(minutes=10),
                           api_url=shop.url, sleep=lambda _s: None)
    outcome = poll_connection(ws, poller, store.require("bottega"), now, db_lock=lock, force=True)
    assert outcome.ok, outcome.error


def test_polled_checkout_is_reminded_at_3_hours_and_the_order_stops_the_24_hour_one(workspace, shop) -> None:
    ws = workspace
    buyer = customer(7, consent="SUBSCRIBED", email="giulia@example.org")
    shop.abandonedCheckouts = [checkout(7, T0, buyer=buyer)]
    with SmtpServer() as server:
        for key, value in (("smtp.host", "127.0.0.1"), ("smtp.port", server.port), ("smtp.security", "plain"),
                           ("smtp.sender_email", "bottega@negozio.example.com"), ("business.name", "Bottega")):
            ws.settings.set(key, value, T0 - timedelta(days=1))
        _cart_rules(ws, T0 - timedelta(days=1), OPEN_ALL_DAY)
        clock = {"now": T0}
        tick = Tick.live(ws, clock=lambda: clock["now"], channels=channels_from_settings)
        lock = threading.RLock()
        _poll(ws, shop, T0 + timedelta(minutes=5), lock)
        for minutes in range(15, 6 * 60, 15):                      # the engine checks every 15 minutes
            clock["now"] = T0 - timedelta(minutes=1) + timedelta(minutes=minutes)
            tick.run(clock["now"])
            if minutes == 4 * 60:                                 # the order arrives after the first reminder
                shop.orders = [order(70, T0 + timedelta(hours=4), buyer=buyer)]
                _poll(ws, shop, clock["now"] + timedelta(minutes=1), lock)
        for hour in range(20, 27):                                # the next morning, when 24 hours are up
            clock["now"] = T0 + timedelta(hours=hour, minutes=14)
            tick.run(clock["now"])
        received = list(server.received)
    assert [r.rcpt_tos for r in received] == [["giulia@example.org"]]
    assert b"Il tuo carrello (3 h)" in received[0].data
    message = message_from_bytes(received[0].data, policy=default)
    assert "recover?key=k7" in message.get_body(("html",)).get_content()  # the shop's recovery link
    rules = dict(ws.db.execute("SELECT r.name, count(l.id) FROM rules r LEFT JOIN ledger l ON l.rule_id = r.id "
                               "GROUP BY r.name"))
    assert rules == {"Carrello 3 ore": 1, "Carrello 24 ore": 0}


QUIET = {"quiet_hours": {"bands": ["21:00-09:00"], "business_default": False}}
EVENING = datetime(2026, 3, 3, 19, 15, tzinfo=UTC)     # 20:15 in Rome


def _quiet_cart(ws) -> int:
    _cart_rules(ws, EVENING - timedelta(days=1), QUIET)
    contact = ws.contacts.create({"email": "piero@example.org", "first_name": "Piero", "email_status": "subscribed"},
                                 EVENING - timedelta(days=1))
    ws.events.record("cart_updated", EVENING + timedelta(minutes=5), contact, ref="cart-9", payload={"recovery_url": "https://x.it/r/9"})
    return contact


def test_a_cart_bought_between_booking_and_sending_is_skipped_with_its_reason(workspace) -> None:
    ws = workspace
    contact = _quiet_cart(ws)
    booked_at = EVENING + timedelta(hours=3, minutes=15)          # 23:30 in Rome: booked for 09:00
    tick = Tick.live(ws, clock=lambda: booked_at, channels=lambda _ws: {})
    report = tick.run(booked_at, dispatch=False)
    assert sum(c.planned for _, c in report.checks) == 1
    due = ws.db.execute("SELECT due_at FROM ledger").fetchone()[0]
    assert due == "2026-03-04 08:00:00"
    ws.events.record("purchase", datetime(2026, 3, 4, 6, 30, tzinfo=UTC), contact, ref="order-1", amount=30)
    morning = datetime(2026, 3, 4, 8, 0, tzinfo=UTC)
    sent: list = []

    class Channel:
        kind, paced = "recording", False

        def open(self): pass
        def close(self): pass

        def send(self, message):
            sent.append(message)
            raise AssertionError("a bought cart must not be reminded")

    morning_tick = Tick.live(ws, clock=lambda: morning, channels=lambda _ws: {"email": Channel()})
    summary = morning_tick.dispatch(morning)
    state, reason = ws.db.execute("SELECT state, reason FROM ledger").fetchone()
    assert sent == [] and summary.counts == {"skipped": 1}
    assert (state, words(reason)) == ("skipped", "no longer matches the rule's conditions")


def test_the_simulator_skips_it_too(workspace) -> None:
    ws = workspace
    contact = _quiet_cart(ws)
    result = simulate(ws, start=EVENING + timedelta(minutes=1), horizon=timedelta(days=1),
                      what_if=[WhatIf(datetime(2026, 3, 4, 6, 30, tzinfo=UTC), "purchase", contact, ref="order-1",
                                      amount=30)])
    assert [s for s in result.sends if s.rule == "Carrello 3 ore"] == []
    skipped = [n for n in result.not_sent if n.rule == "Carrello 3 ore"]
    assert [(n.contact_id, n.kind, words(n.reason)) for n in skipped] == \
        [(contact, "skipped", "no longer matches the rule's conditions")]
