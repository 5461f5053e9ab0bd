"""A rule check end to end: ledger rows, re-send policies, quiet hours, caps, group actions."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tests.helpers.engine import words
from desktop.rules.engine import check_rule
from desktop.schedule import BusinessDefaults
from tests.rules.handbuilt import NOW, T, build, rule_data

BUSINESS = BusinessDefaults(zone="Europe/Rome", quiet_hours=("21:00-09:00",))
EMAIL = {"type": "send_email", "template": "Hello"}


@pytest.fixture
def ws(workspace):
    build(workspace)
    return workspace


def save(ws, conditions, action=EMAIL, **extra):
    return ws.rules.save(rule_data(conditions, action, **extra), NOW)


def run(ws, rule, now=NOW, **kw):
    return check_rule(ws, rule, rule.id, now, business=BUSINESS, **kw)


def ledger(ws):
    return ws.db.execute(
        "SELECT c.first_name, l.occurrence, l.state, l.due_at, l.reason FROM ledger l "
        "JOIN contacts c ON c.id = l.contact_id ORDER BY l.id").fetchall()


def test_check_books_once_and_a_second_check_books_nothing(ws) -> None:
    rule = save(ws, {"all": [{"field": "city", "op": "eq", "value": "roma"}]})
    first = run(ws, rule)
    assert (first.matched, first.planned) == (2, 2)
    assert sorted(ledger(ws)) == [("Anna", "once", "planned", "2026-03-02 09:30:00", None),
                                  ("Dario", "once", "planned", "2026-03-02 09:30:00", None)]
    second = run(ws, rule, NOW + timedelta(hours=1))
    assert (second.matched, second.planned) == (0, 0)
    assert len(ledger(ws)) == 2
    checks = ws.db.execute("SELECT checked_at, window_start, matched FROM rule_checks ORDER BY id").fetchall()
    # A first check looks back to the scheduled check before its own slot (hourly, at :00).
    assert checks == [("2026-03-02 09:30:00", "2026-03-02 08:00:00", 2),
                      ("2026-03-02 10:30:00", "2026-03-02 09:30:00", 0)]


def test_quiet_hours_defer_to_the_first_allowed_minute(ws) -> None:
    rule = save(ws, {"all": [{"field": "city", "op": "eq", "value": "Milano"}]})
    late = T("2026-03-02 21:15:00")  # 22:15 in Rome
    result = run(ws, rule, late)
    assert result.planned == 1
    name, _, state, due, reason = ledger(ws)[0]
    assert (name, state, due) == ("Bruno", "planned", "2026-03-03 08:00:00")  # 09:00 Rome
    assert "quiet hours" in words(reason)


def test_quiet_hours_skip_policy_books_nothing_and_says_why(ws) -> None:
    rule = save(ws, {"all": [{"field": "city", "op": "eq", "value": "Milano"}]},
                schedule={"quiet_hours": {"policy": "skip"}})
    result = run(ws, rule, T("2026-03-02 21:15:00"))
    assert result.planned == 0 and ledger(ws) == []
    assert list(result.skipped) == ["quiet hours 21:00–09:00 in Europe/Rome"] or \
        all("quiet hours" in words(reason) for reason in result.skipped)


def test_per_occurrence_books_each_cart_once(ws) -> None:
    rule = save(ws, {"all": [{"behaviour": "cart_abandoned", "amount": 3, "unit": "hours"}]},
                resend={"policy": "per_occurrence"})
    result = run(ws, rule)
    assert result.planned == 2
    rows = ledger(ws)
    assert [(r[0], r[1]) for r in rows] == [("Bruno", "cart:c1@2026-03-02 06:15:00"),
                                           ("Dario", "cart:c4@2026-03-02 06:25:00")]
    payload = ws.db.execute("SELECT payload FROM ledger WHERE occurrence LIKE 'cart:c1%'").fetchone()[0]
    assert '"items": ["mug"]' in payload and '"ref": "c1"' in payload
    # The same window checked again (two overlapping evaluations) books nothing new.
    assert run(ws, rule, window_start=NOW - timedelta(hours=1)).planned == 0
    # A new cart for Bruno later is a new occurrence.
    ws.events.record("cart_updated", NOW + timedelta(minutes=10), ws.contacts.find(email="bruno@ex.it"), ref="c9")
    later = run(ws, rule, NOW + timedelta(hours=3, minutes=30))
    assert later.planned == 1 and ledger(ws)[-1][1] == "cart:c9@2026-03-02 09:40:00"


def test_second_cart_reminder_stops_once_they_buy(ws) -> None:
    rule = save(ws, {"all": [{"behaviour": "cart_abandoned", "amount": 24, "unit": "hours"}]},
                resend={"policy": "per_occurrence"})
    ws.events.record("purchase", T("2026-03-01 20:00:00"), ws.contacts.find(email="dario@ex.it"), ref="o9", amount=10)
    assert run(ws, rule).matched == 0


def test_every_n_days(ws) -> None:
    rule = save(ws, {"all": [{"field": "city", "op": "eq", "value": "Milano"}]},
                resend={"policy": "every_n_days", "days": 3})
    assert run(ws, rule).planned == 1
    assert run(ws, rule, NOW + timedelta(days=1)).planned == 0
    # Calendar days in Rome: sent on 2 March, not again until 5 March, at any hour of it.
    assert run(ws, rule, NOW + timedelta(days=2, hours=13)).planned == 0  # 23:30 on 4 March
    assert run(ws, rule, NOW + timedelta(days=2, hours=14, minutes=1)).planned == 1  # 00:31 on 5 March
    assert [r[1] for r in ledger(ws)] == ["day:2026-03-02", "day:2026-03-05"]


def test_every_n_days_counts_a_send_booked_under_an_earlier_policy(ws) -> None:
    # The rule sent Bruno its "once" e-mail on 1 March, then became "every 3 days": that send
    # still counts, by the local day it matched (1 March): not again before 4 March.
    rule = save(ws, {"all": [{"field": "city", "op": "eq", "value": "Milano"}]},
                resend={"policy": "every_n_days", "days": 3})
    bruno = ws.db.execute("SELECT id FROM contacts WHERE first_name = 'Bruno'").fetchone()[0]
    ws.db.execute("INSERT INTO ledger(rule_id, contact_id, occurrence, channel, state, matched_at, due_at, updated_at) "
                  "VALUES (?, ?, 'once', 'email', 'sent', '2026-03-01 10:00:00', '2026-03-01 10:00:00', "
                  "'2026-03-01 10:00:00')", [rule.id, bruno])
    assert run(ws, rule).planned == 0
    assert run(ws, rule, NOW + timedelta(days=1, hours=13)).planned == 0  # 23:30 on 3 March
    assert run(ws, rule, NOW + timedelta(days=1, hours=14, minutes=1)).planned == 1  # 00:31 on 4 March


def test_yearly_birthday_across_years_and_leap_day(ws) -> None:
    rule = save(ws, {"all": [{"field": "birthday", "op": "anniversary_today"}]}, resend={"policy": "yearly"},
                schedule={"check": {"times": ["10:00"]}})
    at = lambda text: datetime.fromisoformat(text).replace(tzinfo=timezone.utc)  # noqa: E731

    def run(ws, rule, now):  # a daily check: each window is the day before
        return check_rule(ws, rule, rule.id, now, business=BUSINESS, window_start=now - timedelta(days=1))

    assert run(ws, rule, at("2026-03-02 09:00:00")).planned == 1          # Anna
    assert run(ws, rule, at("2026-03-02 12:00:00")).planned == 0          # same day, again
    assert run(ws, rule, at("2027-02-28 09:00:00")).planned == 1          # Bruno (29 Feb) in 2027
    assert run(ws, rule, at("2027-03-02 09:00:00")).planned == 1          # Anna, next year
    assert run(ws, rule, at("2028-02-29 09:00:00")).planned == 1          # Bruno, leap year
    assert [(r[0], r[1]) for r in ledger(ws)] == [
        ("Anna", "year:2026"), ("Bruno", "year:2027"), ("Anna", "year:2027"), ("Bruno", "year:2028")]


def test_recipient_zone_birthday_waits_for_the_local_day(ws) -> None:
    # Elena's birthday is 31 December and she lives in New York.
    elena = ws.contacts.find(phone="+393331234567")
    ws.contacts.update(elena, {"timezone": "America/New_York", "email": "elena@ex.com"}, NOW)
    rule = save(ws, {"all": [{"field": "birthday", "op": "anniversary_today"}]}, resend={"policy": "yearly"},
                schedule={"timezone": {"mode": "recipient"}, "quiet_hours": {"bands": [], "business_default": False}})
    # 00:30 on 31 Dec in Rome is still 30 Dec, 18:30 in New York: not yet.
    assert run(ws, rule, T("2026-12-30 23:30:00")).planned == 0
    # 1 Jan 00:30 in Rome is 31 Dec 18:30 in New York: her birthday, booked for 2026.
    result = run(ws, rule, T("2026-12-31 23:30:00"))
    assert result.planned == 1 and ledger(ws)[0][1] == "year:2026"


def test_frequency_cap_defers_then_drops_and_counts_per_rule(ws, now=NOW) -> None:
    ws.settings.set("caps.email_per_week", "1", NOW)
    ws.settings.set("caps.expiry_days", "10", NOW)
    first = save(ws, {"all": [{"field": "city", "op": "eq", "value": "Milano"}]}, name="first")
    second = save(ws, {"all": [{"field": "city", "op": "eq", "value": "Milano"}]}, name="second")
    third = save(ws, {"all": [{"field": "city", "op": "eq", "value": "Milano"}]}, name="third")
    assert run(ws, first).planned == 1
    deferred = run(ws, second)
    assert (deferred.planned, deferred.deferred_by_cap) == (0, 1)
    row = ws.db.execute("SELECT state, due_at, reason FROM ledger WHERE rule_id = ?", [second.id]).fetchone()
    assert (*row[:2], words(row[2])) == ("deferred", "2026-03-09 09:30:00", "frequency cap: 1 e-mails per week")
    dropped = run(ws, third)  # the next free week starts 16 March, past the 10-day expiry
    assert dropped.dropped_by_cap == 1
    state, reason = ws.db.execute("SELECT state, reason FROM ledger WHERE rule_id = ?", [third.id]).fetchone()
    assert state == "dropped" and "no room before 2026-03-12 09:30:00" in words(reason)


def test_cap_ignores_non_marketing_rules(ws) -> None:
    ws.settings.set("caps.email_per_week", "1", NOW)
    a = save(ws, {"all": [{"field": "city", "op": "eq", "value": "Milano"}]}, name="a")
    b = save(ws, {"all": [{"field": "city", "op": "eq", "value": "Milano"}]}, name="b", marketing=False)
    assert run(ws, a).planned == 1 and run(ws, b).planned == 1


def test_group_move_applies_with_its_ledger_row(ws) -> None:
    rule = save(ws, {"all": [{"behaviour": "clicked", "days": 7}]},
                {"type": "move_to_group", "from": "Clienti", "to": "Recent clickers"},
                after_send={"add_to": ["VIP"]})
    result = run(ws, rule)
    assert result.applied == 1
    bruno = ws.contacts.find(email="bruno@ex.it")
    assert ws.groups.of_contact(bruno) == ["Recent clickers", "VIP"]
    assert ledger(ws)[0][2] == "applied"
    assert run(ws, rule, NOW + timedelta(hours=1)).applied == 0


def test_a_failing_check_writes_nothing(ws, monkeypatch) -> None:
    rule = save(ws, {"all": [{"behaviour": "clicked", "days": 7}]},
                {"type": "add_to_group", "group": "VIP"})
    import desktop.rules.engine as engine

    def boom(*a, **k):
        raise RuntimeError("disk full")

    monkeypatch.setattr(engine, "apply_after_send", boom)
    with pytest.raises(RuntimeError):
        run(ws, rule)
    assert ledger(ws) == [] and ws.groups.of_contact(ws.contacts.find(email="bruno@ex.it")) == ["Clienti"]


@pytest.mark.parametrize("mode", ["recipient", "rule"])
def test_new_year_birthday_is_wished_once_and_next_year_again(ws, mode) -> None:
    """A 31 December birthday checked every hour across New Year: one booking for 2026; and
    one caught up on 1 January after the PC was off belongs to the old year, so it neither
    repeats nor blocks the next year's wishes."""
    anna = ws.contacts.find(email="anna@ex.it")
    ws.contacts.update(anna, {"birthday": "1990-12-31"}, NOW)
    rule = ws.rules.save(rule_data({"all": [{"field": "birthday", "op": "anniversary_today"}]},
                                   EMAIL, resend={"policy": "yearly"},
                                   schedule={"check": {"every_minutes": 60}, "timezone": {"mode": mode}}), NOW)
    at = T("2026-12-30 12:00:00")
    while at <= T("2027-01-02 12:00:00"):
        check_rule(ws, rule, rule.id, at, business=BUSINESS)
        at += timedelta(hours=1)
    assert [r[1] for r in ledger(ws)] == ["year:2026"]
    # The PC was off from 30 December 2027 to 1 January 2028: the catch-up books 2027's wishes...
    check_rule(ws, rule, rule.id, T("2028-01-01 09:00:00"), business=BUSINESS,
               window_start=T("2027-12-30 12:00:00"))
    # ... and 31 December 2028 is still wished.
    check_rule(ws, rule, rule.id, T("2028-12-31 10:00:00"), business=BUSINESS,
               window_start=T("2028-12-31 09:00:00"))
    assert [r[1] for r in ledger(ws)] == ["year:2026", "year:2027", "year:2028"]


def test_recipient_zone_anniversary_nested_in_ands_is_still_checked_locally(ws) -> None:
    # Dario's birthday is 5 March; on the 4th (business "tomorrow" is in the widened range) nothing.
    nested = {"all": [{"all": [{"field": "birthday", "op": "anniversary_today"}]}]}
    rule = ws.rules.save(rule_data(nested, EMAIL, resend={"policy": "yearly"},
                                   schedule={"timezone": {"mode": "recipient"}}), NOW)
    assert check_rule(ws, rule, rule.id, T("2026-03-04 10:00:00"), business=BUSINESS).planned == 0
    assert check_rule(ws, rule, rule.id, T("2026-03-05 10:00:00"), business=BUSINESS).planned == 1
