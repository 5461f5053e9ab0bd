"""The simulator's ledger store (claims in memory, queued writes, a page's contacts and cap
slots read at once) must leave exactly the ledger and events the live store leaves, through
caps that defer and drop, quiet hours reached by pacing, the daily cap, consent and template
failures."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from tests.helpers.engine import tick_for, words
from desktop.delivery.limits import Limits
from desktop.delivery.outbox import LedgerStore
from desktop.delivery.recording import RecordingChannel
from desktop.rules.caps import caps_from_settings
from desktop.rules.engine import check_rule
from desktop.schedule import business_defaults
from desktop.simulate.ledger_copy import CopyLedgerStore
from desktop.simulate.snapshot import discard, snapshot
from desktop.templates import Templates
from desktop.timeutil import to_db

SETUP = datetime(2026, 1, 1, tzinfo=timezone.utc)
EVENING = datetime(2026, 3, 10, 19, 50, tzinfo=timezone.utc)  # 20:50 in Rome
QUIET = {"bands": ["21:00-09:00"], "business_default": False}


def _workspace(ws, per_minute: str, daily_cap: str) -> None:
    ws.settings.set("smtp.per_minute", per_minute, SETUP)
    ws.settings.set("smtp.daily_cap", daily_cap, SETUP)
    ws.settings.set("caps.email_per_week", "2", SETUP)
    ws.settings.set("caps.expiry_days", "10", SETUP)
    for i in range(60):
        values = {"email": f"c{i}@ex.it", "first_name": f"C{i % 7}"}
        if i % 9 == 0:
            values["email_status"] = "unsubscribed"
        ws.contacts.create(values, SETUP)
    templates = Templates(ws.db)
    templates.create("Hi", "email", subject="Ciao {{ first_name }}", html="<p>Ciao {{ first_name }}</p>", now=SETUP)
    templates.create("Broken", "email", subject="{{ event.ref }}", html="<p>x</p>", now=SETUP)
    # "Oops" books first and is skipped at send time: the cap slot it held is free again for
    # the rows after it on the same page.
    for name, template, marketing in (("Oops", "Broken", True), ("A", "Hi", True), ("B", "Hi", True),
                                      ("C", "Hi", True), ("Service", "Hi", False)):
        ws.rules.save({"name": name, "enabled": True, "marketing": marketing,
                       "action": {"type": "send_email", "template": template},
                       "schedule": {"check": {"every_minutes": 60}, "quiet_hours": QUIET}}, SETUP)


def _book(ws, at: datetime) -> None:
    business = business_defaults(ws.settings)
    for rule in ws.rules.all():
        check_rule(ws, rule, rule.id, at, business=business, window_start=at - timedelta(hours=1))


def _dispatch(ws, store, now: datetime) -> None:
    waited = [0.0]

    def sleep(seconds: float) -> None:
        waited[0] += seconds

    limits = Limits.from_settings(ws, clock=lambda: waited[0], sleep=sleep)
    channels = {"email": RecordingChannel("email", mime=False, paced=True)}
    with ws.transaction():
        tick = tick_for(ws, now, channels, limits=limits, clock=lambda: now + timedelta(seconds=waited[0]),
                        store=store)
        tick.dispatch(now)
        if isinstance(store, CopyLedgerStore):
            store.flush()


def _state(ws) -> tuple[list, list]:
    ledger = ws.db.execute("SELECT * FROM ledger ORDER BY id").fetchall()
    events = ws.db.execute("SELECT contact_id, type, occurred_at, ref, rule_id, payload, uid FROM events "
                           "WHERE type = 'email_sent' ORDER BY uid").fetchall()
    return ledger, events


def _compare(workspace, per_minute: str, daily_cap: str) -> tuple[Any, set[str]]:
    """Run both stores over four days; returns the (live) copy's final ledger and every reason
    seen on the way."""
    _workspace(workspace, per_minute, daily_cap)
    _book(workspace, EVENING)
    for contact_id in (2, 3, 4):  # booked, then unsubscribed before the send: skipped
        workspace.contacts.update(contact_id, {"email_status": "unsubscribed"}, EVENING)
    # Rows booked earlier that the re-check finds over the cap (A and B already fill it):
    # dropped when the cap frees after they expire, deferred when it frees before.
    rule_c = workspace.rules.find("C").id
    for contact_id in range(10, 30):
        expires = EVENING + timedelta(days=2 if contact_id % 2 else 10)
        workspace.db.execute(
            "INSERT INTO ledger(rule_id, contact_id, occurrence, channel, state, matched_at, due_at, expires_at, "
            "marketing, payload, updated_at) VALUES (?, ?, 'early', 'email', 'planned', ?, ?, ?, 1, '{}', ?)",
            [rule_c, contact_id, to_db(EVENING), to_db(EVENING), to_db(expires), to_db(EVENING)])
    # Three newcomers with rows straight in the ledger, first on the page: p1 has expired and
    # is dropped, which frees its slot for p2; p2 and p3 then fill the cap of two.
    for i in range(3):
        newcomer = workspace.contacts.create({"email": f"new{i}@ex.it", "first_name": "N"}, EVENING)
        for occurrence, due, expires in (("p1", -120, -60), ("p2", -60, 86400), ("p3", -30, 86400)):
            workspace.db.execute(
                "INSERT INTO ledger(rule_id, contact_id, occurrence, channel, state, matched_at, due_at, "
                "expires_at, marketing, payload, updated_at) VALUES (?, ?, ?, 'email', 'planned', ?, ?, ?, 1, '{}', ?)",
                [rule_c, newcomer, occurrence, to_db(EVENING), to_db(EVENING + timedelta(seconds=due)),
                 to_db(EVENING + timedelta(seconds=expires)), to_db(EVENING)])
    live, copy = snapshot(workspace), snapshot(workspace)
    try:
        business = business_defaults(live.settings)
        caps = caps_from_settings(live.settings)
        live_store, copy_store = LedgerStore(live), CopyLedgerStore(copy, caps)
        moments = [EVENING, EVENING + timedelta(hours=13), EVENING + timedelta(days=1),
                   EVENING + timedelta(days=1, hours=13), EVENING + timedelta(days=2, hours=13),
                   EVENING + timedelta(days=3, hours=13)]
        reasons: set[str] = set()
        for at in moments:
            if at != EVENING:  # booked above, before the newcomers came
                _book(live, at)
                _book(copy, at)
            _dispatch(live, live_store, at)
            _dispatch(copy, copy_store, at)
            assert _state(copy) == _state(live), f"the stores differ after the run at {at}"
            reasons |= {words(r) for (r,) in live.db.execute("SELECT DISTINCT reason FROM ledger WHERE reason IS NOT NULL")}
        return live.db.execute("SELECT r.name, l.contact_id, l.occurrence, l.state FROM ledger l "
                               "JOIN rules r ON r.id = l.rule_id").fetchall(), reasons
    finally:
        discard(live)
        discard(copy)


def test_slow_provider_quiet_hours_and_daily_cap(workspace) -> None:
    """Two a minute: 20 go by 21:00, the rest wait for the morning, where the daily cap of 25
    queues the rest over the next days; the weekly cap defers and drops."""
    ledger, reasons = _compare(workspace, "2", "25")
    states = {state for *_, state in ledger}
    assert {"sent", "skipped", "dropped", "deferred"} <= states
    assert any("quiet hours" in r for r in reasons) and any("daily cap" in r for r in reasons)
    assert any(r.startswith("frequency cap") and "expired" in r for r in reasons)
    assert any(r.startswith("frequency cap") and r.endswith("per week") for r in reasons)


def test_a_slot_freed_on_the_page_is_free_for_the_rows_after_it(workspace) -> None:
    """A fast provider sends the whole page at once: an expired row dropped at the top of the
    page frees its cap slot for the rows of the same contact after it."""
    ledger, _ = _compare(workspace, "600", "1000")
    newcomers = {(occurrence, state) for _, _, occurrence, state in ledger if occurrence in ("p1", "p2", "p3")}
    assert newcomers == {("p1", "dropped"), ("p2", "sent"), ("p3", "sent")}


def test_the_daily_count_carries_over_between_runs_of_one_day(workspace) -> None:
    """A morning run sends 20 of a cap of 30; at noon 20 more are due: both stores send 10
    and queue 10 for tomorrow (the copy counts the day once and then keeps count itself)."""
    _workspace(workspace, "600", "30")
    service = workspace.rules.find("Service").id
    morning = datetime(2026, 3, 11, 8, 0, tzinfo=timezone.utc)
    noon = morning + timedelta(hours=3)

    def add(contacts: range, due: datetime) -> None:
        for contact_id in contacts:
            workspace.db.execute(
                "INSERT INTO ledger(rule_id, contact_id, occurrence, channel, state, matched_at, due_at, "
                "marketing, payload, updated_at) VALUES (?, ?, ?, 'email', 'planned', ?, ?, 0, '{}', ?)",
                [service, contact_id, f"at:{to_db(due)}", to_db(due), to_db(due), to_db(due)])

    add(range(20, 40), morning)
    add(range(40, 60), noon)
    live, copy = snapshot(workspace), snapshot(workspace)
    try:
        business = business_defaults(live.settings)
        caps = caps_from_settings(live.settings)
        live_store, copy_store = LedgerStore(live), CopyLedgerStore(copy, caps)
        for at in (morning, noon):
            _dispatch(live, live_store, at)
            _dispatch(copy, copy_store, at)
            assert _state(copy) == _state(live), f"the stores differ after the run at {at}"
        states = dict(live.db.execute("SELECT state, count(*) FROM ledger GROUP BY state").fetchall())
        assert states["sent"] == 30 and states["deferred"] == 40 - 30 - states.get("skipped", 0)
    finally:
        discard(live)
        discard(copy)
