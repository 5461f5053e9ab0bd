"""Counters from hand-built ledgers and events: unique vs total, attribution, state changes, rebuild."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop import stats
from tests.helpers.stats import add_contact, add_ledger, add_rule, counters, move, utc

DAY = date(2026, 3, 10)


@pytest.fixture
def ws(workspace):
    return workspace


def _all(ws, rule_id=None, since=date(2026, 3, 1), until=date(2026, 3, 31)):
    return stats.rule_stats(ws, since, until, rule_id)


def test_unique_and_total_opens_clicks_and_click_to_open(ws):
    rule = add_rule(ws, "Welcome")
    c1, c2, c3 = (add_contact(ws, i) for i in range(3))
    sent = utc("2026-03-10 10:00:00")
    first = add_ledger(ws, rule, c1, "once", "sent", sent)
    add_ledger(ws, rule, c2, "once", "sent", sent)
    add_ledger(ws, rule, c3, "once", "sent", sent)
    for minutes in (5, 60, 300):  # one message opened three times
        ws.events.record("email_opened", sent + timedelta(minutes=minutes), c1, rule_id=rule)
    ws.events.record("email_opened", sent + timedelta(hours=2), c2, rule_id=rule)
    for minutes in (6, 7):  # clicked twice
        ws.events.record("email_clicked", sent + timedelta(minutes=minutes), c1, rule_id=rule, ref="https://a")
    # A second message to c1 (another occurrence) opened once: a new unique open.
    later = sent + timedelta(days=2)
    add_ledger(ws, rule, c1, "again", "sent", later)
    ws.events.record("email_opened", later + timedelta(minutes=1), c1, rule_id=rule)

    s = _all(ws, rule)
    assert (s.sent, s.opened, s.opened_unique, s.clicked, s.clicked_unique) == (4, 5, 3, 2, 1)
    assert s.click_to_open_rate == pytest.approx(1 / 3)
    assert s.open_rate == pytest.approx(3 / 4)
    assert s.click_rate == pytest.approx(1 / 4)
    # An open naming its message by ledger id counts for that message, not the latest one.
    ws.events.record("email_opened", later + timedelta(minutes=2), c1, payload={"ledger_id": first})
    s = _all(ws, rule)
    assert (s.opened, s.opened_unique) == (6, 3)


def test_unique_counts_at_the_first_open_even_when_it_arrives_late(ws):
    rule = add_rule(ws, "R")
    c = add_contact(ws, 1)
    add_ledger(ws, rule, c, "once", "sent", utc("2026-03-10 10:00:00"))
    ws.events.record("email_opened", utc("2026-03-12 10:00:00"), c, rule_id=rule)
    assert [d.stats.opened_unique for d in stats.daily_series(ws, date(2026, 3, 10), date(2026, 3, 12), rule)] \
        == [0, 0, 1]
    ws.events.record("email_opened", utc("2026-03-11 10:00:00"), c, rule_id=rule)  # imported later
    series = stats.daily_series(ws, date(2026, 3, 10), date(2026, 3, 12), rule)
    assert [d.stats.opened_unique for d in series] == [0, 1, 0]
    assert [d.stats.opened for d in series] == [0, 1, 1]
    assert stats.daily_series(ws, date(2026, 3, 10), date(2026, 3, 12))[1].stats.opened_unique == 1


def test_reactions_without_a_rule_follow_the_latest_send_on_their_channel(ws):
    a, b = add_rule(ws, "A"), add_rule(ws, "B", "sms")
    c = add_contact(ws, 1)
    add_ledger(ws, a, c, "1", "sent", utc("2026-03-10 10:00:00"))
    add_ledger(ws, b, c, "1", "sent", utc("2026-03-10 11:00:00"), channel="sms")
    ws.events.record("email_bounced", utc("2026-03-10 12:00:00"), c)
    ws.events.record("unsubscribed", utc("2026-03-10 12:00:00"), c, ref="sms")
    ws.events.record("sms_delivered", utc("2026-03-10 11:01:00"), c, rule_id=b)
    ws.events.record("sms_failed", utc("2026-03-10 11:02:00"), c)
    ws.events.record("email_opened", utc("2026-03-10 09:00:00"), c)  # before any send: no rule
    sa, sb = _all(ws, a), _all(ws, b)
    assert (sa.bounced, sa.unsubscribed, sa.email_delivered) == (1, 0, 0)
    assert (sb.unsubscribed, sb.sms_delivered, sb.sms_failed, sb.sms_sent, sb.delivered) == (1, 1, 1, 1, 1)
    overall = _all(ws)  # the open before any send is apart: in no total and no rate
    assert (overall.opened, overall.opened_unique, overall.bounced, overall.sent) == (0, 0, 1, 2)
    names = [r.name for r in stats.per_rule_table(ws, date(2026, 3, 1), date(2026, 3, 31))]
    assert names == ["A", "B"]
    apart = stats.without_send(ws, date(2026, 3, 1), date(2026, 3, 31))
    assert (apart.opened, apart.opened_unique, apart.sent) == (1, 1, 0)


def test_attribution_window_edges(ws):
    a, b = add_rule(ws, "A"), add_rule(ws, "B")
    c1, c2, c3, c4 = (add_contact(ws, i) for i in range(4))
    send = utc("2026-03-05 10:00:00")
    add_ledger(ws, a, c1, "1", "sent", send)
    ws.events.record("purchase", send + timedelta(days=7), c1, ref="o1", amount=10.0)  # exactly at the end
    add_ledger(ws, a, c2, "1", "sent", send)
    ws.events.record("purchase", send + timedelta(days=7, seconds=1), c2, ref="o2", amount=20.0)  # one second late
    ws.events.record("purchase", send - timedelta(seconds=1), c3, ref="o3", amount=40.0)  # before any send
    add_ledger(ws, a, c3, "1", "sent", send)
    add_ledger(ws, a, c4, "1", "sent", send)
    add_ledger(ws, b, c4, "1", "sent", send + timedelta(hours=1))
    ws.events.record("purchase", send + timedelta(hours=2), c4, ref="o4", amount=80.5)  # two sends: the later wins
    sa, sb = _all(ws, a), _all(ws, b)
    assert (sa.purchases, sa.revenue) == (1, 10.0)
    assert (sb.purchases, sb.revenue) == (1, 80.5)
    assert (_all(ws).purchases, _all(ws).revenue) == (2, 90.5)


def test_attribution_days_setting(ws, now):
    a = add_rule(ws, "A")
    c = add_contact(ws, 1)
    send = utc("2026-03-05 10:00:00")
    add_ledger(ws, a, c, "1", "sent", send)
    ws.settings.set("stats.attribution_days", "2", now)
    ws.events.record("purchase", send + timedelta(days=2), c, ref="in", amount=1.0)
    ws.events.record("purchase", send + timedelta(days=3), c, ref="out", amount=1.0)
    assert _all(ws, a).purchases == 1


def test_counters_follow_ledger_state_changes(ws):
    rule = add_rule(ws, "R")
    c1, c2, c3 = (add_contact(ws, i) for i in range(3))
    t = utc("2026-03-10 08:00:00")
    row = add_ledger(ws, rule, c1, "1", "planned", t)
    s = _all(ws, rule)
    assert (s.planned, s.sent) == (1, 0)
    move(ws, row, "sending", t + timedelta(minutes=1))
    move(ws, row, "sent", t + timedelta(minutes=2))
    s = _all(ws, rule)
    assert (s.planned, s.sent, s.uncertain) == (1, 1, 0)
    capped = add_ledger(ws, rule, c2, "1", "deferred", t, reason="frequency cap: 3 e-mails per week")
    quiet = add_ledger(ws, rule, c3, "1", "deferred", t, reason="quiet hours until 09:00")
    assert (_all(ws, rule).deferred_cap, _all(ws, rule).planned) == (1, 3)
    move(ws, capped, "dropped", t + timedelta(days=1), reason="frequency cap: 3 e-mails per week; no room")
    s = _all(ws, rule)
    assert (s.deferred_cap, s.dropped_cap) == (0, 1)
    move(ws, quiet, "sending", t + timedelta(hours=2))
    move(ws, quiet, "uncertain", t + timedelta(hours=3), reason="interrupted")
    s = _all(ws, rule)
    assert (s.sent, s.uncertain, s.failed) == (1, 1, 0)
    move(ws, quiet, "failed", t + timedelta(hours=4), reason="5xx")
    s = _all(ws, rule)
    assert (s.sent, s.uncertain, s.failed, s.planned) == (1, 0, 1, 3)
    # The day a send counts on is its sent_at: moving sent_at moves it.
    move(ws, row, "sent", utc("2026-03-12 08:00:00"))
    series = stats.daily_series(ws, date(2026, 3, 10), date(2026, 3, 12), rule)
    assert [d.stats.sent for d in series] == [0, 0, 1]


def test_matched_comes_from_rule_checks(ws):
    rule = add_rule(ws, "R")
    for at, matched in (("2026-03-10 10:00:00", 4), ("2026-03-11 10:00:00", 0), ("2026-03-11 11:00:00", 2)):
        ws.db.execute("INSERT INTO rule_checks(rule_id, checked_at, matched, planned) VALUES (?, ?, ?, 0)",
                      [rule, at, matched])
    assert [d.stats.matched for d in stats.daily_series(ws, date(2026, 3, 10), date(2026, 3, 11), rule)] == [4, 2]


def test_the_dispatcher_path_counts_a_send_once(ws):
    """LedgerStore.sent writes the ledger and an email_sent event; only the ledger counts."""
    from desktop.delivery.outbox import DueRow, LedgerStore

    rule = add_rule(ws, "R")
    c = add_contact(ws, 1)
    t = utc("2026-03-10 08:00:00")
    row_id = add_ledger(ws, rule, c, "1", "planned", t)
    store = LedgerStore(ws)
    row = DueRow(row_id, rule, c, "1", "email", "planned", "", None, 0)
    assert store.claim(row, t)
    store.sent(row, "<id@x>", None, t + timedelta(seconds=3))
    ws.events.record("email_opened", t + timedelta(minutes=1), c, rule_id=rule)
    s = _all(ws, rule)
    assert (s.sent, s.opened_unique) == (1, 1)


def test_rebuild_gives_the_incremental_numbers(ws, now):
    import random

    rng = random.Random(7)
    rules = [add_rule(ws, f"R{i}", "sms" if i == 2 else "email") for i in range(3)]
    contacts = [add_contact(ws, i) for i in range(25)]
    base = utc("2026-03-01 00:00:00")
    rows = []
    for n in range(120):
        rule = rng.choice(rules)
        at = base + timedelta(minutes=rng.randrange(0, 60 * 24 * 20))
        state = rng.choice(["planned", "sent", "sent", "deferred", "dropped", "failed"])
        reason = "frequency cap: 1 SMS per day" if state in ("deferred", "dropped") and rng.random() < .7 else None
        rows.append(add_ledger(ws, rule, rng.choice(contacts), f"o{n}", state, at,
                               channel="sms" if rule == rules[2] else "email", reason=reason))
    for row in rows[:30]:
        move(ws, row, "sent", base + timedelta(days=rng.randrange(0, 20), minutes=rng.randrange(0, 1440)))
    kinds = ["email_opened", "email_clicked", "email_bounced", "unsubscribed", "sms_delivered", "sms_failed",
             "purchase"]
    for n in range(400):
        kind = rng.choice(kinds)
        ws.events.record(kind, base + timedelta(minutes=rng.randrange(0, 60 * 24 * 25)), rng.choice(contacts),
                         ref=f"e{n}", amount=round(rng.uniform(1, 99), 2) if kind == "purchase" else None,
                         rule_id=rng.choice([None, None, *rules]) if kind != "purchase" else None)
    for n in range(10):
        ws.db.execute("INSERT INTO rule_checks(rule_id, checked_at, matched, planned) VALUES (?, ?, ?, 0)",
                      [rng.choice(rules), f"2026-03-0{n % 9 + 1} 10:00:00", rng.randrange(0, 9)])
    incremental = counters(ws)
    assert incremental["stats_q"] and incremental["stats_first"]
    before = stats.per_rule_table(ws, date(2026, 3, 1), date(2026, 3, 31))
    stats.rebuild(ws)
    assert counters(ws) == incremental
    assert stats.per_rule_table(ws, date(2026, 3, 1), date(2026, 3, 31)) == before
