"""Every entry point asks the same questions of the same engine: when a rule is due, what
Run now does while the engine sends, which ledger moves are allowed."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import keyring
import pytest

from desktop.delivery.outbox import LedgerStore
from desktop.delivery.recording import RecordingChannel
from desktop.ledger import State, TransitionError
from desktop.messages import Msg
from desktop.rules.caps import caps_from_settings
from desktop.service.engine import Engine
from desktop.service.requests import answer_of, ask_check_now
from desktop.service.tick import Tick
from desktop.simulate import simulate
from desktop.simulate.ledger_copy import CopyLedgerStore
from desktop.simulate.snapshot import discard, snapshot
from desktop.templates import Templates
from desktop.timeutil import to_db
from desktop.workspace import Workspace
from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.ledger import add_contacts, add_rows, add_rule, add_template

UTC = timezone.utc


def _daily_skip_rule(ws, saved: datetime) -> int:
    Templates(ws.db).create("Hi", "email", subject="Ciao", html="<p>Ciao</p>", now=saved)
    rule = ws.rules.save({"name": "Daily", "enabled": True, "action": {"type": "send_email", "template": "Hi"},
                          "schedule": {"check": {"times": ["09:00"]}, "missed": "skip"}}, saved)
    return rule.id


def test_a_skip_rule_after_downtime_is_due_at_the_same_moment_everywhere(tmp_path) -> None:
    """09:00 daily, "skip", last checked two days ago, PC on at 15:00: nobody checks now; the
    next check is tomorrow 09:00 for run-once, the service, the simulator and the rule list."""
    folder = tmp_path / "ws"
    # A day ahead of the real clock: APScheduler itself waits by real time, so the engine's
    # clock must not be behind it. 15:00 and 09:00 Rome time, whatever the season.
    day = (datetime.now(UTC) + timedelta(days=30)).date()
    rome = ZoneInfo("Europe/Rome")
    afternoon = datetime(day.year, day.month, day.day, 15, tzinfo=rome).astimezone(UTC)
    today_nine = datetime(day.year, day.month, day.day, 9, tzinfo=rome).astimezone(UTC)
    after = day + timedelta(days=1)
    tomorrow = datetime(after.year, after.month, after.day, 9, tzinfo=rome).astimezone(UTC)
    with Workspace.open(folder) as ws:
        rule_id = _daily_skip_rule(ws, afternoon - timedelta(days=30))
        ws.contacts.create({"email": "a@ex.it", "email_status": "subscribed"}, afternoon - timedelta(days=30))
        ws.db.execute("INSERT INTO rule_checks(rule_id, checked_at, window_start) VALUES (?, ?, ?)",
                      [rule_id, to_db(afternoon - timedelta(days=2, hours=6)), to_db(afternoon - timedelta(days=3))])
        simulated = simulate(ws, start=afternoon, horizon=timedelta(days=2))
        assert [c.at for c in simulated.checks][:1] == [tomorrow]

        tick = Tick.live(ws, clock=lambda: afternoon, channels=lambda _ws: {"email": RecordingChannel("email")})
        assert tick.due(ws.rules.get(rule_id), afternoon).at == tomorrow
        report = tick.run(afternoon)                               # what run-once does
        assert report.checks == [] and report.missed == [("Daily", today_nine)]
        missed = ws.db.execute("SELECT missed_slot FROM rule_checks WHERE missed_slot IS NOT NULL").fetchall()
        assert missed == [(to_db(today_nine),)]                    # the skipped window left a trace, once
        assert tick.run(afternoon).missed == []

    engine = Engine(folder, clock=lambda: afternoon,
                    channels_factory=lambda _ws: {"email": RecordingChannel("email")})
    engine.start()
    try:
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and engine.scheduler.next_run_times().get(rule_id) != tomorrow:
            time.sleep(0.05)
        assert engine.scheduler.next_run_times()[rule_id] == tomorrow
        assert engine.status.checks == 0
    finally:
        engine.stop()


class SlowChannel(RecordingChannel):
    def send(self, message):
        time.sleep(0.2)
        return super().send(message)


def test_run_now_while_the_engine_sends_checks_that_rule_only_and_loses_nothing(tmp_path) -> None:
    """The old Run now dispatched by itself beside the running engine: its crash recovery
    turned the engine's message in flight into ``uncertain`` and it sent every rule's rows."""
    folder = tmp_path / "ws"
    now = datetime.now(UTC)
    with Workspace.open(folder) as ws:
        add_template(ws, now - timedelta(days=1), "T")
        busy = add_rule(ws, now - timedelta(days=1), "T", name="Busy")
        add_rows(ws, busy, add_contacts(ws, now - timedelta(days=1), 8), now - timedelta(minutes=1))
        Templates(ws.db).create("Plain", "email", subject="Ciao", html="<p>Ciao {{ first_name }}</p>", now=now)
        asked = ws.rules.save({"name": "Asked", "enabled": True, "action": {"type": "send_email", "template": "Plain"},
                               "conditions": {"all": [{"field": "first_name", "op": "eq", "value": "Lecce"}]},
                               "schedule": {"check": {"times": ["03:00"]}, "quiet_hours": {"bands": [],
                                            "business_default": False}}}, now)
        other = ws.rules.save({"name": "Other", "enabled": True, "action": {"type": "send_email", "template": "T"},
                               "schedule": {"check": {"times": ["03:00"]}}}, now)
        for rule_id in (busy,):
            stored = ws.rules.get(rule_id)
            ws.rules.save({**stored.to_dict(), "schedule": {"check": {"times": ["03:00"]}, "quiet_hours": {
                "bands": [], "business_default": False}}}, now, rule_id)
        add_contacts(ws, now - timedelta(days=1), 2, start=100, first_name="Lecce")
    slow = SlowChannel("email", mime=False)
    engine = Engine(folder, channels_factory=lambda _ws: {"email": slow}, dispatch_every=timedelta(seconds=0.05),
                    watch_every=timedelta(seconds=0.1))
    engine.start()
    try:
        time.sleep(0.5)                                            # the engine is mid-batch
        with Workspace.open(folder) as ws:
            request = ask_check_now(ws, asked.id, datetime.now(UTC))
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline and not answer_of(ws, request).done:
                time.sleep(0.05)
            answer = answer_of(ws, request)
        assert answer.done and (answer.matched, answer.planned) == (2, 2)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and len(slow.messages) < 10:
            time.sleep(0.05)
    finally:
        engine.stop()
    with Workspace.open(folder) as ws:
        states = dict(ws.db.execute("SELECT state, count(*) FROM ledger GROUP BY state").fetchall())
        checked = {r for (r,) in ws.db.execute("SELECT rule_id FROM rule_checks")}
    assert states == {"sent": 10}                        # none uncertain, none twice
    assert len({m.ledger_id for m in slow.messages}) == len(slow.messages) == 10
    assert checked == {asked.id} and other.id not in checked      # only the asked rule was checked


def _sent_row(ws, now: datetime):
    add_template(ws, now, "T")
    rule_id = add_rule(ws, now, "T")
    [row_id] = add_rows(ws, rule_id, add_contacts(ws, now, 1), now)
    ws.db.execute("UPDATE ledger SET state = 'sent', sent_at = ? WHERE id = ?", [to_db(now), row_id])
    return row_id


@pytest.mark.parametrize("store_kind", ["live", "simulation"])
def test_both_stores_refuse_a_forbidden_move(workspace, now, store_kind) -> None:
    _sent_row(workspace, now)
    ws = snapshot(workspace) if store_kind == "simulation" else workspace
    try:
        store = CopyLedgerStore(ws, caps_from_settings(ws.settings)) if store_kind == "simulation" else LedgerStore(ws)
        ws.db.execute("UPDATE ledger SET state = 'planned'")
        [row] = store.due(now, ["email"])                         # on the page, as the dispatcher sees it
        ws.db.execute("UPDATE ledger SET state = 'sent'")         # ... and the live one finds it sent
        row.state = "sent"
        if store_kind == "simulation":
            store._states[row.id] = "sent"                         # what the copy knows of its own moves
        with pytest.raises(TransitionError):
            store.skipped(row, Msg("expired"), now)
        with pytest.raises(TransitionError):
            store.claim(row, now) if store_kind == "simulation" else store.uncertain(row, Msg("expired"), now)
    finally:
        if store_kind == "simulation":
            discard(ws)


def test_the_user_settles_rows_through_the_ledger(workspace, now) -> None:
    row_id = _sent_row(workspace, now)
    store = LedgerStore(workspace)
    with pytest.raises(TransitionError):
        store.settle(row_id, State.PLANNED, now)                  # a sent message is never sent again
    workspace.db.execute("UPDATE ledger SET state = 'uncertain', provider_id = '<m1@x>' WHERE id = ?", [row_id])
    assert store.settle(row_id, State.SENT, now)
    event = workspace.db.execute("SELECT payload FROM events WHERE uid = ?", [f"sent:{row_id}"]).fetchone()
    assert '"provider_id": "<m1@x>"' in event[0]                  # the server's id is kept
    assert not store.settle(row_id, State.SENT, now)              # twice (another window): nothing
    workspace.db.execute("UPDATE ledger SET state = 'failed' WHERE id = ?", [row_id])
    assert store.settle(row_id, State.PLANNED, now)
    assert workspace.db.execute("SELECT state, due_at FROM ledger WHERE id = ?", [row_id]).fetchone() == \
        ("planned", to_db(now))


def test_with_twilio_set_up_the_engine_polls_sms_status_and_replies(tmp_path) -> None:
    """``poll_sms_status`` existed and nothing called it: now the engine makes the
    ``sms-replies`` connection and runs it as one of its scheduler's periodic jobs."""
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())  # the OS keyring, which a CI machine does not run
    try:
        _twilio_polled(tmp_path)
    finally:
        keyring.set_keyring(previous)


def _twilio_polled(tmp_path) -> None:
    folder = tmp_path / "ws"
    with Workspace.open(folder) as ws:
        ws.settings.set("twilio.account_sid", "AC" + "0" * 32, datetime.now(UTC))
    engine = Engine(folder, channels_factory=lambda _ws: {"sms": RecordingChannel("sms")})
    engine.start()
    try:
        jobs = engine.scheduler.job_ids()
    finally:
        engine.stop()
    assert "poll-sms-replies" in jobs
    with Workspace.open(folder) as ws:
        kinds = ws.db.execute("SELECT name, kind FROM connections").fetchall()
    assert kinds == [("sms-replies", "twilio-replies")]


def test_a_connection_whose_secret_cannot_be_read_does_not_stop_the_engine(tmp_path, monkeypatch) -> None:
    """On a machine without a usable keyring the connection's poller could not be built and the
    engine's start raised: no checks, no sends. Now that connection waits; the rest runs."""
    import desktop.connectors.keys as keys
    from desktop.secrets import KeyringUnavailable

    def no_keyring(self):
        raise KeyringUnavailable("no secure keyring")

    monkeypatch.setattr(keys.ConnectionSecrets, "_store", no_keyring)  # the outside world: no keyring
    folder = tmp_path / "ws"
    with Workspace.open(folder) as ws:
        ws.settings.set("twilio.account_sid", "AC" + "0" * 32, datetime.now(UTC))
    engine = Engine(folder, channels_factory=lambda _ws: {"sms": RecordingChannel("sms")})
    engine.start()
    try:
        assert engine.status.running and "poll-sms-replies" not in engine.scheduler.job_ids()
    finally:
        engine.stop()
