"""The generic JSON webhook (docs/endpoint-webhooks.md): purchases, carts and contacts signed
with the workspace's shared secret; every event checked before any is written."""

from __future__ import annotations

import json

from desktop.endpoint.webhooks import handle
from tests.endpoint.conftest import count, events
from tests.endpoint.payloads import body, generic, woo

PURCHASE = {"type": "purchase", "id": "A-1001", "email": "Anna.Rossi@Example.org", "first_name": "Anna",
            "amount": 49.9, "currency": "eur", "occurred_at": "2026-03-02T10:15:00+01:00",
            "items": [{"name": "Tè verde", "sku": "TE-1", "quantity": 2, "total": 9.0}]}
CART = {"type": "cart", "id": "C-77", "email": "anna.rossi@example.org", "updated_at": "2026-03-02T08:00:00Z",
        "amount": "19.50", "recovery_url": "https://negozio.example.org/cart/C-77"}
CONTACT = {"type": "contact", "phone": "333 123 4567", "first_name": "Bruno", "sms_consent": "subscribed"}


def test_one_event_of_each_type(send, shops):
    for event in (PURCHASE, CART, CONTACT):
        payload = body(event)
        answer = send("generic", generic(payload), payload)
        assert answer.status == 200, answer.body
    purchase = shops.db.execute("SELECT ref, amount, occurred_at, uid, payload FROM events WHERE type = 'purchase'").fetchone()
    assert purchase[:4] == ("A-1001", 49.9, "2026-03-02 09:15:00", "generic:purchase:A-1001")
    assert json.loads(purchase[4])["currency"] == "EUR"
    cart = shops.db.execute("SELECT ref, amount, uid, payload FROM events WHERE type = 'cart_updated'").fetchone()
    assert cart[:3] == ("C-77", 19.5, "generic:cart:C-77@2026-03-02T08:00:00Z")
    assert json.loads(cart[3])["recovery_url"] == "https://negozio.example.org/cart/C-77"
    rows = shops.db.execute("SELECT email, phone, first_name, email_status, sms_status FROM contacts ORDER BY id").fetchall()
    assert rows == [("anna.rossi@example.org", None, "Anna", "pending", "pending"),
                    (None, "+393331234567", "Bruno", "pending", "subscribed")]


def test_a_batch_is_all_or_nothing(send, shops):
    bad = {**CART, "id": "C-78", "updated_at": "yesterday"}
    payload = body({"events": [PURCHASE, CONTACT, bad]})
    answer = send("generic", generic(payload), payload)
    assert answer.status == 422
    assert answer.body == {"ok": False, "code": "webhook.bad_field", "path": "$.events[2].updated_at",
                           "expected": "iso_datetime_with_offset"}
    assert events(shops) == 0 and count(shops, "SELECT count(*) FROM contacts") == 0
    good = body({"events": [PURCHASE, CONTACT, {**CART, "id": "C-78"}]})
    answer = send("generic", generic(good, delivery="batch-1"), good)
    assert answer.body["counts"] == {"cart_updated": 1, "contact_created": 2, "purchase": 1}
    assert send("generic", generic(good, delivery="batch-1"), good).body["code"] == "webhook.duplicate"
    # The same events again under another delivery id: natural ids keep them single.
    assert send("generic", generic(good, delivery="batch-2"), good).body["counts"] == {}
    assert events(shops, "purchase") == 1 and events(shops, "cart_updated") == 1


def test_field_checks_name_the_json_path(send, shops):
    cases = [({**PURCHASE, "type": "refund"}, "$.type"), ({**PURCHASE, "amount": "lots"}, "$.amount"),
             ({**PURCHASE, "email": "not-an-address", "phone": None}, "$.email"),
             ({**PURCHASE, "amount": float("inf")}, None),
             ({**CONTACT, "sms_consent": "yes"}, "$.sms_consent"),
             ({**CART, "recovery_url": "javascript:alert(1)"}, "$.recovery_url"),
             ({**PURCHASE, "occurred_at": "2026-03-02T10:15:00"}, "$.occurred_at"),
             ({**PURCHASE, "occurred_at": "2027-01-01T00:00:00Z"}, "$.occurred_at")]
    for event, path in cases:
        try:
            payload = body(event)
        except ValueError:
            continue
        if path is None:   # json.dumps writes Infinity, which Python reads back: refused as a number
            payload = json.dumps(event).encode()
        answer = send("generic", generic(payload), payload)
        assert answer.status == 422, (event, answer.body)
        if path:
            assert answer.body["path"] == path
    missing = body({"type": "purchase", "email": "a@example.org", "amount": 1})
    assert send("generic", generic(missing), missing).body == {"ok": False, "code": "webhook.missing_field", "path": "$.id"}
    nobody = body({"type": "contact", "first_name": "Nessuno"})
    assert send("generic", generic(nobody), nobody).body["path"] == "$.email"
    assert events(shops) == 0 and count(shops, "SELECT count(*) FROM contacts") == 0


def test_signature_and_configuration(send, shops, workspace, now, secrets):
    payload = body(PURCHASE)
    assert send("generic", generic(payload, secret="guess"), payload).status == 401
    assert send("generic", {"Content-Type": "application/json"}, payload).body["code"] == "webhook.unsigned"
    # Another kind's headers signed with the generic secret are not the generic endpoint's.
    assert send("generic", woo("order.created", payload), payload).status == 401
    assert events(shops) == 0
    # A workspace where nobody stored the generic secret: 503, whatever the request says.
    from desktop.connectors.keys import ConnectionSecrets
    from tests.helpers.memory_keyring import MemoryKeyring

    empty = ConnectionSecrets(MemoryKeyring())
    answer = handle("generic", workspace, generic(payload), payload, now, secrets=empty)
    assert (answer.status, answer.body["code"], answer.body["kind"]) == (503, "webhook.not_configured", "generic")


def test_a_row_that_fails_leaves_nothing_behind(send, shops):
    """The second event's insert fails inside SQLite: the first event, the contacts and the
    delivery id all roll back, and the shop is told to retry (500)."""
    shops.db.execute("CREATE TRIGGER refuse_c99 BEFORE INSERT ON events WHEN NEW.ref = 'C-99' "
                     "BEGIN SELECT RAISE(ABORT, 'disk says no'); END")
    payload = body({"events": [PURCHASE, {**CART, "id": "C-99", "email": "carla@example.org"}]})
    answer = send("generic", generic(payload, delivery="retry-me"), payload)
    assert (answer.status, answer.body["code"], answer.body["error"]) == (500, "webhook.write_failed", "IntegrityError")
    assert events(shops) == 0 and count(shops, "SELECT count(*) FROM contacts") == 0
    assert count(shops, "SELECT count(*) FROM webhook_deliveries") == 0
    shops.db.execute("DROP TRIGGER refuse_c99")
    assert send("generic", generic(payload, delivery="retry-me"), payload).body["code"] == "webhook.stored"
    assert events(shops, "purchase") == 1 and events(shops, "cart_updated") == 1


def test_a_keyring_that_cannot_be_read_is_503(shops, now):
    from desktop.connectors.keys import ConnectionSecrets
    from tests.helpers.memory_keyring import MemoryKeyring

    class Locked(MemoryKeyring):
        def get_password(self, service, username):
            raise RuntimeError("locked")

    payload = body(PURCHASE)
    answer = handle("generic", shops, generic(payload), payload, now, secrets=ConnectionSecrets(Locked()))
    assert (answer.status, answer.body["code"]) == (503, "webhook.keyring_unavailable")
