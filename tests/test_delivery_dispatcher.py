"""The dispatcher's decisions before and after the channel, with the recording and sandbox channels."""

from __future__ import annotations

import json
from datetime import timedelta
from email import policy
from email.parser import BytesParser

from desktop.delivery import cap_warnings
from contextlib import nullcontext

from desktop.delivery import policy as pol
from desktop.delivery.dispatcher import dispatch_due
from desktop.delivery.outbox import LedgerStore
from desktop.messages import Msg
from desktop.delivery.limits import Limits, RateLimiter
from desktop.delivery.recording import RecordingChannel
from desktop.delivery.sandbox import SandboxChannel
from desktop.delivery.setup import channels_from_settings
from desktop.timeutil import from_db, to_db
from tests.helpers.ledger import add_contacts, add_rows, add_rule, add_template
from tests.helpers.engine import dispatch, words


def setup(ws, now, count=3, channel="email"):
    add_template(ws, now, "T", channel)
    rule = add_rule(ws, now, "T", channel)
    contacts = add_contacts(ws, now, count)
    return rule, contacts, add_rows(ws, rule, contacts, now - timedelta(minutes=5), channel)


def row(ws, row_id):
    state, reason, due, attempts = ws.db.execute(
        "SELECT state, reason, due_at, attempts FROM ledger WHERE id = ?", [row_id]).fetchone()
    return state, words(reason) if reason else reason, due, attempts


def test_consent_and_addresses_rechecked_at_send_time(workspace, now):
    ws = workspace
    _, contacts, rows = setup(ws, now, 3)
    ws.contacts.update(contacts[0], {"email_status": "unsubscribed"}, now)
    ws.contacts.update(contacts[1], {"email": None}, now)
    rec = RecordingChannel("email")
    summary = dispatch(ws, now, channels={"email": rec}, limits=Limits.unlimited())
    assert summary.counts == {"skipped": 2, "sent": 1}
    assert row(ws, rows[0])[:2] == ("skipped", "e-mail status is 'unsubscribed'")
    assert row(ws, rows[1])[:2] == ("skipped", "the contact has no e-mail address")
    assert [m.to for m in rec.messages] == ["user2@example.org"]


def test_template_failing_for_one_contact_is_skipped_with_reason(workspace, now):
    ws = workspace
    rule, contacts, rows = setup(ws, now, 2)
    ws.db.execute("UPDATE ledger SET payload = ? WHERE id = ?", [json.dumps({"event": {"ref": "x"}}), rows[0]])
    rec = RecordingChannel("email")
    dispatch(ws, now, channels={"email": rec}, limits=Limits.unlimited())
    state, reason, _, attempts = row(ws, rows[0])
    assert state == "skipped" and "items" in reason and "template 'T'" in reason and attempts == 0
    assert row(ws, rows[1])[0] == "sent" and len(rec.messages) == 1


def test_missing_template_and_wrong_channel(workspace, now):
    ws = workspace
    add_template(ws, now, "S", "sms")
    bad_rule = add_rule(ws, now, "S", "email", name="email with sms template")
    gone_rule = add_rule(ws, now, "Nope", "email", name="missing")
    contacts = add_contacts(ws, now, 1)
    a = add_rows(ws, bad_rule, contacts, now)[0]
    b = add_rows(ws, gone_rule, contacts, now)[0]
    dispatch(ws, now, channels={"email": RecordingChannel("email")}, limits=Limits.unlimited())
    assert row(ws, a)[:2] == ("skipped", "template 'S' is for sms, the rule sends email")
    assert row(ws, b)[:2] == ("skipped", "template 'Nope' does not exist")


def test_rows_left_sending_become_uncertain_and_are_not_resent(workspace, now):
    ws = workspace
    _, _, rows = setup(ws, now, 2)
    ws.db.execute("UPDATE ledger SET state = 'sending' WHERE id = ?", [rows[0]])
    rec = RecordingChannel("email")
    summary = dispatch(ws, now, channels={"email": rec}, limits=Limits.unlimited())
    assert summary.recovered_uncertain == 1
    assert row(ws, rows[0])[0] == "uncertain" and len(rec.messages) == 1


class Hook:
    def __init__(self):
        self.seen = []

    def recheck(self, r, contact, now):
        self.seen.append(r.id)
        return {0: pol.defer(now + timedelta(hours=9), Msg("sched_quiet", {"band": "21:00–09:00", "zone": "Europe/Rome"})),
                1: pol.skip(Msg("rule_disabled")), 2: pol.drop(Msg("expired")), 3: pol.send()}[len(self.seen) - 1]

    def after_sent(self, row, now):
        pass

    def prefetch(self, rows):
        pass


def test_policy_hook_decides(workspace, now):
    ws = workspace
    _, _, rows = setup(ws, now, 4)
    hook = Hook()
    rec = RecordingChannel("email")
    # The dispatcher itself, with a hand-made hook: the tick always passes the rules' policy.
    dispatch_due(ws, now, channels={"email": rec}, policy=hook, limits=Limits.unlimited(), clock=lambda: now,
                 store=LedgerStore(ws), lock=nullcontext, should_stop=lambda: False)
    assert hook.seen == rows
    assert row(ws, rows[0])[:3] == ("deferred", "quiet hours 21:00–09:00 in Europe/Rome", to_db(now + timedelta(hours=9)))
    assert row(ws, rows[1])[:2] == ("skipped", "the rule was turned off before this send went out")
    assert row(ws, rows[2])[:2] == ("dropped", "expired before it could be sent")
    assert row(ws, rows[3])[0] == "sent" and len(rec.messages) == 1


def test_expired_rows_are_dropped(workspace, now):
    ws = workspace
    _, _, rows = setup(ws, now, 1)
    ws.db.execute("UPDATE ledger SET expires_at = ? WHERE id = ?", [to_db(now - timedelta(minutes=1)), rows[0]])
    dispatch(ws, now, channels={"email": RecordingChannel("email")}, limits=Limits.unlimited())
    assert row(ws, rows[0])[0] == "dropped"


def test_daily_cap_defers_to_next_business_day_and_warns(workspace, now):
    ws = workspace
    ws.settings.set("smtp.daily_cap", 3, now)
    _, _, rows = setup(ws, now, 5)
    warnings = cap_warnings(ws, now)
    assert [(w.channel, w.planned, w.cap) for w in warnings] == [("email", 5, 3)]
    assert "daily cap is 3" in words(warnings[0].message)
    rec = RecordingChannel("email")
    summary = dispatch(ws, now, channels={"email": rec}, limits=Limits.from_settings(ws))
    assert summary.counts == {"sent": 3, "deferred": 2}
    state, reason, due, _ = row(ws, rows[4])
    assert (state, reason) == ("deferred", "daily cap of 3 reached")
    assert due == "2026-03-02 23:00:00"   # midnight in Europe/Rome
    assert not cap_warnings(ws, from_db(due))


def test_rate_limiter_spaces_messages():
    clock = [0.0]
    slept = []

    def sleep(s):
        slept.append(s)
        clock[0] += s

    limiter = RateLimiter(per_second=2, per_minute=5, clock=lambda: clock[0], sleep=sleep)
    stamps = []
    for _ in range(7):
        limiter.acquire()
        stamps.append(clock[0])
    assert stamps[:2] == [0.0, 0.0] and stamps[2] == 1.0
    assert stamps[5] == 60.0 and stamps[6] == 60.0
    for i in range(len(stamps)):
        assert sum(1 for s in stamps if stamps[i] <= s < stamps[i] + 1) <= 2
        assert sum(1 for s in stamps if stamps[i] <= s < stamps[i] + 60) <= 5


def test_fresh_workspace_sends_to_the_sandbox(workspace, now):
    ws = workspace
    setup(ws, now, 2)
    add_template(ws, now, "S", "sms")
    contacts = add_contacts(ws, now, 1, start=10)
    add_rows(ws, add_rule(ws, now, "S", "sms"), contacts, now, "sms")
    channels = channels_from_settings(ws)
    assert all(isinstance(c, SandboxChannel) for c in channels.values())
    summary = dispatch(ws, now, channels=channels, limits=Limits.unlimited())
    assert summary.counts == {"sent": 3} and len(summary.notes) == 2
    providers = [r[0] for r in ws.db.execute("SELECT provider_id FROM ledger ORDER BY id")]
    assert all(p.startswith("sandbox:") for p in providers)
    files = sorted(p.name for p in ws.outbox_dir.iterdir())
    assert files == sorted(p.split(":", 1)[1] for p in providers)
    eml = BytesParser(policy=policy.default).parsebytes((ws.outbox_dir / files[0]).read_bytes())
    assert eml["List-Unsubscribe-Post"] is None   # no public https endpoint: no one-click promise
    assert b"127.0.0.1" not in (ws.outbox_dir / files[0]).read_bytes()
    sms = json.loads((ws.outbox_dir / files[-1]).read_text())
    assert sms["to"] == "+393330000010" and sms["segments"] == 1


def test_sandbox_setting_overrides_configured_smtp(workspace, now):
    ws = workspace
    ws.settings.set("smtp.host", "127.0.0.1", now)
    ws.settings.set("smtp.sender_email", "shop@example.com", now)
    assert channels_from_settings(ws)["email"].kind == "smtp"
    ws.settings.set("sandbox", "on", now)
    assert channels_from_settings(ws)["email"].kind == "sandbox"
