"""The demo's weeks of history: made by the engine's tick over a virtual clock, consistent with
the demo rules, deterministic, and giving Statistics sensible numbers."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop import stats
from desktop.demo import build_demo
from desktop.demo_history import HISTORY_RULES, play_history
from desktop.demo_rules import add_demo_rules
from desktop.timeutil import from_db, to_db
from desktop.workspace import Workspace

DAYS = 14


def _demo(ws: Workspace, now, seed: int = 7):
    start = now - timedelta(days=DAYS)
    build_demo(ws, start, contacts=120, seed=seed)
    add_demo_rules(ws, start)
    return start, play_history(ws, start, now, seed=seed)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from tests.conftest import NOW

    ws = Workspace.open(tmp_path_factory.mktemp("history") / "ws")
    start, summary = _demo(ws, NOW)
    yield ws, start, NOW, summary
    ws.close()


def test_sends_come_from_the_demo_rules_through_the_ledger(demo) -> None:
    ws, start, now, summary = demo
    rows = ws.db.execute("SELECT r.name, l.state, l.channel, l.sent_at, l.contact_id, l.id FROM ledger l "
                         "JOIN rules r ON r.id = l.rule_id").fetchall()
    sent = [r for r in rows if r[1] == "sent"]
    assert summary.sent == len(sent) > 50
    assert {r[0] for r in rows} <= set(HISTORY_RULES)
    assert {"Benvenuto", "Nuovo articolo del blog", "Riattivazione 90 giorni"} <= {r[0] for r in sent}
    assert all(start <= from_db(r[3]) <= now for r in sent)
    # Every send left its email_sent event and its file in the sandbox outbox.
    sent_events = ws.db.execute("SELECT count(*) FROM events WHERE type = 'email_sent'").fetchone()[0]
    assert sent_events == sum(1 for r in sent if r[2] == "email")
    assert len(list(ws.outbox_dir.glob("email-*.eml"))) == sent_events
    # The rules are back as add_demo_rules left them: off, except the group-only one.
    assert {r.name for r in ws.rules.all() if r.enabled} == {"Clic recenti"}


def test_reactions_follow_their_sends_and_stop_later_ones(demo) -> None:
    ws, start, now, summary = demo
    assert all(summary.events.get(k) for k in ("email_opened", "email_clicked", "purchase", "registered"))
    for kind in ("email_opened", "email_clicked", "email_bounced", "unsubscribed"):
        rows = ws.db.execute(
            "SELECT e.occurred_at, l.sent_at, e.contact_id = l.contact_id, l.state FROM events e JOIN ledger l "
            "ON l.id = json_extract(e.payload, '$.ledger_id') WHERE e.type = ? AND e.occurred_at >= ?",
            [kind, to_db(start)]).fetchall()
        assert len(rows) == summary.events.get(kind, 0), kind
        assert all(r[0] >= r[1] and r[2] and r[3] == "sent" and from_db(r[0]) <= now for r in rows), kind
    stopped = ws.db.execute(
        "SELECT e.contact_id, e.occurred_at, c.email_status FROM events e JOIN contacts c ON c.id = e.contact_id "
        "WHERE e.type IN ('email_bounced', 'unsubscribed') AND e.occurred_at >= ?", [to_db(start)]).fetchall()
    assert stopped
    for contact_id, at, status in stopped:
        assert status in ("bounced", "unsubscribed")
        later = ws.db.execute("SELECT count(*) FROM ledger WHERE contact_id = ? AND state = 'sent' AND sent_at > ?",
                              [contact_id, at]).fetchone()[0]
        assert later == 0, contact_id


def test_statistics_show_rates_that_make_sense(demo) -> None:
    ws, start, now, summary = demo
    rows = stats.per_rule_table(ws, start.date(), now.date())
    sending = {r.name: r.stats for r in rows if r.stats.sent}
    assert {"Benvenuto", "Nuovo articolo del blog"} <= set(sending)
    for name, s in sending.items():
        for rate in s.rates().values():
            assert rate is None or 0 <= rate <= 1, (name, s.rates())
    assert sum(s.revenue for s in sending.values()) > 0
    overall = stats.rule_stats(ws, start.date(), now.date())
    assert 0.2 < overall.open_rate < 0.7 and overall.click_to_open_rate <= 1
    # The demo's year of imported newsletter opens is apart, not a rule row.
    assert stats.without_send(ws, (start - timedelta(days=30)).date(), now.date()).opened > 0
    assert all(not r.name.startswith("(") for r in rows)


def test_machines_come_by_as_they_do_and_count_apart(demo) -> None:
    """Apple Mail's prefetch and a few link scanners, so Statistics' machine columns mean
    something on the demo; none of them is an open or a click."""
    ws, start, now, summary = demo
    overall = stats.rule_stats(ws, start.date(), now.date())
    assert overall.machine_opened == summary.events["email_machine_opened"] > 0
    assert overall.machine_clicked == summary.events.get("email_machine_clicked", 0)
    people = ws.db.execute("SELECT count(*) FROM events WHERE type = 'email_opened' AND occurred_at >= ?",
                           [to_db(start)]).fetchone()[0]
    assert overall.opened == people == summary.events["email_opened"]
    first = ws.db.execute(
        "SELECT min(unixepoch(e.occurred_at) - unixepoch(l.sent_at)), max(unixepoch(e.occurred_at) - "
        "unixepoch(l.sent_at)) FROM events e JOIN ledger l ON l.id = json_extract(e.payload, '$.ledger_id') "
        "WHERE e.type = 'email_machine_opened'").fetchone()
    assert 0 < first[0] and first[1] <= 240  # on arrival, as Apple's relays fetch


def test_same_seed_same_history(tmp_path, now) -> None:
    dumps = []
    for name in ("a", "b"):
        with Workspace.open(tmp_path / name) as ws:
            start = now - timedelta(days=3)
            build_demo(ws, start, contacts=40, seed=3)
            add_demo_rules(ws, start)
            play_history(ws, start, now, seed=3)
            dumps.append((ws.db.execute("SELECT rule_id, contact_id, occurrence, state, sent_at FROM ledger "
                                        "ORDER BY id").fetchall(),
                          ws.db.execute("SELECT type, contact_id, occurred_at, payload FROM events ORDER BY id")
                          .fetchall()))
    assert dumps[0] == dumps[1] and dumps[0][0]
