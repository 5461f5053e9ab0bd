"""The dispatcher's last-moment re-check, driven through the real dispatcher."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.delivery.limits import Limits
from desktop.delivery.recording import RecordingChannel
from desktop.rules.engine import check_rule
from desktop.rules.send_policy import RulePolicy
from desktop.schedule import BusinessDefaults
from tests.helpers.engine import dispatch, words
from tests.rules.handbuilt import NOW, T, build, rule_data

BUSINESS = BusinessDefaults(zone="Europe/Rome", quiet_hours=("21:00-09:00",))
MILANO = {"all": [{"field": "city", "op": "eq", "value": "Milano"}]}


@pytest.fixture
def ws(workspace):
    build(workspace)
    return workspace


def _book(ws, **extra):
    rule = ws.rules.save(rule_data(MILANO, {"type": "send_email", "template": "Hello"}, enabled=True, **extra), NOW)
    assert check_rule(ws, rule, rule.id, NOW, business=BUSINESS).planned == 1
    return rule


def _dispatch(ws, at):
    channels = {"email": RecordingChannel("email"), "sms": RecordingChannel("sms")}
    summary = dispatch(ws, at, channels=channels, limits=Limits.unlimited())
    return summary, channels


def _row(ws):
    state, due, reason = ws.db.execute("SELECT state, due_at, reason FROM ledger").fetchone()
    return state, due, words(reason) if reason else reason


def test_a_send_that_waited_into_quiet_hours_is_deferred_again(ws) -> None:
    _book(ws)
    summary, channels = _dispatch(ws, T("2026-03-02 20:30:00"))  # 21:30 in Rome
    assert channels["email"].messages == []
    assert _row(ws) == ("deferred", "2026-03-03 08:00:00", "quiet hours 21:00–09:00 in Europe/Rome")
    summary, channels = _dispatch(ws, T("2026-03-03 08:00:00"))
    assert len(channels["email"].messages) == 1 and _row(ws)[0] == "sent"


def test_a_rule_turned_off_after_booking_sends_nothing(ws) -> None:
    rule = _book(ws)
    ws.rules.set_enabled(rule.id, False, NOW)
    summary, channels = _dispatch(ws, NOW)
    assert channels["email"].messages == []
    assert _row(ws)[0] == "skipped" and "turned off" in _row(ws)[2]


def test_cap_is_checked_again_at_send_time(ws) -> None:
    ws.settings.set("caps.email_per_week", "1", NOW)
    _book(ws)
    # Meanwhile another rule's e-mail went out to Bruno (booked directly, as a second process would).
    other = ws.rules.save(rule_data(MILANO, {"type": "send_email", "template": "Hello"}, name="other"), NOW)
    bruno = ws.contacts.find(email="bruno@ex.it")
    ws.db.execute("INSERT INTO ledger(rule_id, contact_id, occurrence, channel, state, matched_at, due_at, sent_at, "
                  "updated_at) VALUES (?, ?, 'x', 'email', 'sent', ?, ?, ?, ?)",
                  [other.id, bruno, "2026-03-02 09:00:00", "2026-03-02 09:00:00", "2026-03-02 09:00:00",
                   "2026-03-02 09:00:00"])
    summary, channels = _dispatch(ws, NOW + timedelta(minutes=1))
    assert channels["email"].messages == []
    assert _row(ws)[:2] == ("deferred", "2026-03-09 09:00:00")


def test_after_send_group_changes_happen_once_sent(ws) -> None:
    _book(ws, after_send={"add_to": ["VIP"], "remove_from": ["Clienti"]})
    bruno = ws.contacts.find(email="bruno@ex.it")
    assert ws.groups.of_contact(bruno) == ["Clienti"]
    _dispatch(ws, NOW)
    assert ws.groups.of_contact(bruno) == ["VIP"]


def test_sms_deadline_stops_before_the_next_quiet_band(ws) -> None:
    elena = ws.contacts.find(phone="+393331234567")
    rule = ws.rules.save(rule_data({"all": [{"field": "city", "op": "eq", "value": "Napoli"}]},
                                   {"type": "send_sms", "template": "Hello SMS"}, enabled=True), NOW)
    late = T("2026-03-02 18:40:00")  # 19:40 in Rome: the quiet band starts at 21:00
    check_rule(ws, rule, rule.id, late, business=BUSINESS)
    row = ws.db.execute("SELECT id, rule_id, contact_id, channel, expires_at, matched_at, occurrence "
                        "FROM ledger").fetchone()

    class Row:
        id, rule_id, contact_id, channel, expires_at, matched_at, occurrence = row

    decision = RulePolicy(ws, BUSINESS).recheck(Row, ws.contacts.get(elena), late)
    assert decision.action == "send"
    assert decision.deadline == T("2026-03-02 20:00:00")  # 21:00 in Rome


def test_remembered_decisions_match_fresh_ones_second_by_second(ws) -> None:
    """The per-minute memos (schedule decision, SMS deadline) give what a fresh policy gives,
    for instants every 7 seconds across the start of the quiet band and the 4-hour limit."""
    elena = ws.contacts.find(phone="+393331234567")
    rule = ws.rules.save(rule_data({"all": [{"field": "city", "op": "eq", "value": "Napoli"}]},
                                   {"type": "send_sms", "template": "Hello SMS"}, enabled=True), NOW)
    check_rule(ws, rule, rule.id, T("2026-03-02 15:00:00"), business=BUSINESS)
    row = ws.db.execute("SELECT id, rule_id, contact_id, channel, expires_at, matched_at, occurrence "
                        "FROM ledger").fetchone()

    class Row:
        id, rule_id, contact_id, channel, expires_at, matched_at, occurrence = row

    contact = ws.contacts.get(elena)
    shared = RulePolicy(ws, BUSINESS)
    start = T("2026-03-02 15:58:00")  # 16:58 in Rome: the 4-hour limit reaches 21:00 at 17:00
    for step in range(0, 4 * 3600, 7):
        at = start + timedelta(seconds=step)
        remembered = shared.recheck(Row, contact, at)
        fresh = RulePolicy(ws, BUSINESS).recheck(Row, contact, at)
        assert (remembered.action, remembered.until, remembered.deadline, remembered.reason) == \
            (fresh.action, fresh.until, fresh.deadline, fresh.reason), at
