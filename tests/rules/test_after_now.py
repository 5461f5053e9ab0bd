"""A check at ``now`` sees the world as it was at ``now``: events recorded with a later time
(imported history the simulator replays, a shop clock ahead of ours) change nothing.

Hand-worked: now = Monday 2026-03-02 09:30 UTC, an hourly check, window (08:30, 09:30].
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.rules.engine import check_rule
from desktop.schedule import BusinessDefaults
from tests.rules.handbuilt import NOW, T, build, matches, rule_data

BUSINESS = BusinessDefaults(zone="Europe/Rome", quiet_hours=())
EMAIL = {"type": "send_email", "template": "Hello"}


@pytest.fixture
def ws(workspace):
    build(workspace)
    return workspace


def _cart_rule(ws):
    return ws.rules.save(rule_data({"all": [{"behaviour": "cart_abandoned", "amount": 3, "unit": "hours"}]},
                                   EMAIL, resend={"policy": "per_occurrence"}), NOW)


def _booked(ws) -> list[tuple[str, str]]:
    return ws.db.execute("SELECT c.first_name, l.occurrence FROM ledger l JOIN contacts c ON c.id = l.contact_id "
                         "ORDER BY l.id").fetchall()


def test_a_cart_bought_after_now_is_still_abandoned_at_now(ws) -> None:
    # Bruno's cart c1 was last updated at 06:15, three hours before 09:15 (in the window);
    # he buys at 11:00 — after this check. At 09:30 nothing tells the engine he will.
    bruno = ws.db.execute("SELECT id FROM contacts WHERE first_name = 'Bruno'").fetchone()[0]
    ws.events.record("purchase", T("2026-03-02 11:00:00"), bruno, ref="o9", amount=30)
    rule = _cart_rule(ws)
    check_rule(ws, rule, rule.id, NOW, business=BUSINESS)
    assert ("Bruno", "cart:c1@2026-03-02 06:15:00") in _booked(ws)


def test_a_cart_updated_again_after_now_is_reminded_for_each_version(ws) -> None:
    # Bruno updates c1 again at 10:00: at 09:30 the 06:15 version is the latest one and is
    # reminded; the 10:00 version is reminded three hours after it, at 13:00.
    bruno = ws.db.execute("SELECT id FROM contacts WHERE first_name = 'Bruno'").fetchone()[0]
    ws.events.record("cart_updated", T("2026-03-02 10:00:00"), bruno, ref="c1", amount=45)
    rule = _cart_rule(ws)
    check_rule(ws, rule, rule.id, NOW, business=BUSINESS)
    later = T("2026-03-02 13:00:00")
    check_rule(ws, rule, rule.id, later, business=BUSINESS, window_start=later - timedelta(hours=1))
    mine = [occ for name, occ in _booked(ws) if name == "Bruno"]
    assert mine == ["cart:c1@2026-03-02 06:15:00", "cart:c1@2026-03-02 10:00:00"]


# Every behaviour read from the events table, with parameters that make the hand-built data
# matter. (Conditions answered from the contact row's latest-activity columns — not_opened
# and not_clicked without a link or "this rule", no_activity, last_activity_ago,
# no_purchase_since — read what the row holds; see docs/rules.md.)
EVENT_LEAVES = [
    {"behaviour": "opened", "days": 30},
    {"behaviour": "clicked", "days": 30},
    {"behaviour": "not_opened", "days": 30, "this_rule": True},
    {"behaviour": "not_clicked", "days": 30, "link": "https://shop/sale"},
    {"behaviour": "sent", "days": 30},
    {"behaviour": "sent", "days": 365},
    {"behaviour": "not_sent", "days": 30},
    {"behaviour": "bounced", "days": 400},
    {"behaviour": "purchased", "days": 30},
    {"behaviour": "purchase_count", "days": 30, "cmp": "ge", "value": 1},
    {"behaviour": "purchase_count", "days": 30, "cmp": "lt", "value": 2},
    {"behaviour": "total_spent", "days": 30, "cmp": "gt", "value": 100},
    {"behaviour": "total_spent", "days": 30, "cmp": "le", "value": 100},
    {"behaviour": "field_changed", "field": "city", "hours": 2},
    {"field": "points", "op": "never_set"},
    {"any": [{"behaviour": "cart_abandoned", "amount": 3, "unit": "hours"}, {"field": "city", "op": "eq", "value": "x"}]},
    {"any": [{"behaviour": "purchase_made", "amount": 0, "unit": "hours"}, {"field": "city", "op": "eq", "value": "x"}]},
]


@pytest.mark.parametrize("leaf", EVENT_LEAVES, ids=lambda leaf: str(leaf)[:60])
def test_events_after_now_do_not_change_who_matches(ws, leaf) -> None:
    before = matches(ws, {"all": [leaf]}, rule_id=1)
    future = NOW + timedelta(minutes=10)
    for cid, in ws.db.execute("SELECT id FROM contacts").fetchall():
        for kind, ref, amount in (("email_opened", None, None), ("email_clicked", "https://shop/sale", None),
                                  ("email_sent", None, None), ("sms_sent", None, None),
                                  ("email_bounced", None, None), ("purchase", f"f{cid}", 500.0),
                                  ("cart_updated", "c1", 10.0), ("cart_updated", "c4", 10.0)):
            ws.events.record(kind, future, cid, ref=ref, amount=amount, rule_id=1)
        for name in ("city", "points"):
            ws.events.record("field_changed", future, cid, ref=name, payload={"old": "a", "new": "b"})
    assert matches(ws, {"all": [leaf]}, rule_id=1) == before
