"""SMS: segment counting, and the real twilio client against a local Messages API server."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.delivery import sms_segments
from desktop.delivery.channel import BACKOFF, FAILED, RETRY, SENT, ChannelUnavailable, OutgoingMessage
from desktop.delivery.limits import Limits
from desktop.delivery.status_poll import poll_sms_status
from desktop.delivery.twilio_channel import TwilioChannel
from desktop.timeutil import from_db
from tests.helpers.ledger import add_contacts, add_rows, add_rule, add_template, states
from tests.helpers.smtp_server import free_port
from tests.helpers.twilio_server import TwilioServer
from tests.helpers.engine import dispatch, words

SID, TOKEN = "AC" + "1" * 32, "tok-" + "9" * 28


@pytest.mark.parametrize("text,encoding,segments,per", [
    ("a" * 160, "GSM-7", 1, 160), ("a" * 161, "GSM-7", 2, 153), ("a" * 306, "GSM-7", 2, 153),
    ("a" * 307, "GSM-7", 3, 153), ("€" * 80, "GSM-7", 1, 160), ("{" * 81, "GSM-7", 2, 153),
    ("àèéìòù" * 10, "GSM-7", 1, 160), ("ł" * 70, "UCS-2", 1, 70), ("ł" * 71, "UCS-2", 2, 67),
    ("ł" * 134, "UCS-2", 2, 67), ("ł" * 135, "UCS-2", 3, 67), ("😀" * 35, "UCS-2", 1, 70),
    ("", "GSM-7", 0, 160),
])
def test_segments(text, encoding, segments, per):
    info = sms_segments(text)
    assert (info.encoding, info.segments, info.per_segment) == (encoding, segments, per)
    assert info.characters == len(text)


def test_extension_char_is_not_split_across_parts():
    # 152 plain + "€" (2 septets) does not fit 153: the € moves to part two.
    assert sms_segments("a" * 152 + "€" + "a" * 10).segments == 2
    assert sms_segments("a" * 152 + "€" + "a" * 152).segments == 3


@pytest.fixture
def api():
    with TwilioServer(SID, TOKEN) as server:
        yield server


def channel(api, **kw):
    return TwilioChannel(SID, TOKEN, sender=kw.pop("sender", "+15005550006"), base_url=api.url, **kw)


def msg(to, text="Ciao", now=None, deadline=None):
    return OutgoingMessage(1, "sms", to, text=text, now=now, deadline=deadline)


def test_create_fetch_list_through_the_real_client(api, now):
    ch = channel(api)
    result = ch.send(msg("+393331234567", "Ciao è", now, now + timedelta(hours=2)))
    assert result.outcome == SENT and result.provider_id.startswith("SM")
    assert api.requests[0]["From"] == "+15005550006" and api.requests[0]["ValidityPeriod"] == "7200"
    assert api.requests[0]["Body"] == "Ciao è"
    assert ch.fetch_status(result.provider_id)[0] == "queued"
    api.set_status(result.provider_id, "delivered")
    assert ch.statuses_since(now - timedelta(days=1))[result.provider_id][0] == "delivered"


def test_alphanumeric_and_messaging_service_senders(api):
    channel(api, sender="BOTTEGA").send(msg("+393331234567"))
    TwilioChannel(SID, TOKEN, messaging_service_sid="MG" + "2" * 32, base_url=api.url).send(msg("+393331234567"))
    assert api.requests[0]["From"] == "BOTTEGA"
    assert api.requests[1]["MessagingServiceSid"] == "MG" + "2" * 32 and "From" not in api.requests[1]


def test_error_classes(api):
    api.errors["+15005550001"] = 21211
    api.errors["+15005550004"] = 21610
    ch = channel(api)
    invalid = ch.send(msg("+15005550001"))
    assert invalid.outcome == FAILED and invalid.contact_update == {"sms_status": "bounced"}
    assert "21211" in invalid.reason and "not a valid phone number" in invalid.reason
    stop = ch.send(msg("+15005550004"))
    assert stop.outcome == FAILED and stop.contact_update == {"sms_status": "unsubscribed"}
    api.queue.extend([20429, 20500, 20503])
    assert ch.send(msg("+393331234567")).outcome == BACKOFF
    assert ch.send(msg("+393331234567")).outcome == RETRY
    assert ch.send(msg("+393331234567")).outcome == RETRY


def test_unreachable_api_is_retry_and_bad_token_is_unavailable(api):
    dead = TwilioChannel(SID, TOKEN, sender="+15005550006", base_url=f"http://127.0.0.1:{free_port()}")
    assert dead.send(msg("+393331234567")).outcome == RETRY
    wrong = TwilioChannel(SID, "bad-token", sender="+15005550006", base_url=api.url)
    with pytest.raises(ChannelUnavailable, match="20003") as caught:
        wrong.send(msg("+393331234567"))
    assert "bad-token" not in str(caught.value)


def test_too_close_to_deadline_is_not_sent(api, now):
    assert channel(api).send(msg("+393331234567", now=now, deadline=now + timedelta(seconds=30))).outcome == RETRY
    assert api.requests == []


def test_dispatch_marks_contacts_and_polls_status(workspace, now, api):
    ws = workspace
    ws.settings.set("sms.daily_cap", 1000, now)
    add_template(ws, now, "Sms", "sms")
    rule = add_rule(ws, now, "Sms", "sms")
    contacts = add_contacts(ws, now, 4)
    api.errors["+393330000001"] = 21211
    api.errors["+393330000002"] = 21610
    rows = add_rows(ws, rule, contacts, now - timedelta(minutes=1), "sms")
    summary = dispatch(ws, now, channels={"sms": channel(api)}, limits=Limits.unlimited())
    assert summary.counts == {"sent": 2, "failed": 2}
    assert ws.contacts.get(contacts[1])["sms_status"] == "bounced"
    assert ws.contacts.get(contacts[2])["sms_status"] == "unsubscribed"
    changed = ws.db.execute("SELECT count(*) FROM events WHERE type = 'field_changed' AND ref = 'sms_status'").fetchone()[0]
    assert changed == 2
    body = api.requests[0]["Body"]
    assert body == "Ciao Nome0, il carrello cart-17 ti aspetta"
    segments = ws.db.execute("SELECT segments FROM ledger WHERE id = ?", [rows[0]]).fetchone()[0]
    assert segments == 1
    sids = [r[0] for r in ws.db.execute("SELECT provider_id FROM ledger WHERE state = 'sent' ORDER BY id")]
    api.set_status(sids[0], "delivered")
    api.set_status(sids[1], "undelivered", 30006)
    first = poll_sms_status(ws, now + timedelta(minutes=5), channel(api))
    again = poll_sms_status(ws, now + timedelta(minutes=6), channel(api))
    assert (first.delivered, first.failed) == (1, 1) and again.checked == 0
    kinds = dict(ws.db.execute("SELECT ref, type FROM events WHERE type LIKE 'sms_%ed' OR type = 'sms_failed'").fetchall())
    assert kinds[sids[0]] == "sms_delivered" and kinds[sids[1]] == "sms_failed"


def test_429_pauses_the_channel_and_backs_off(workspace, now, api):
    ws = workspace
    ws.settings.set("sms.daily_cap", 1000, now)
    add_template(ws, now, "Sms", "sms")
    rule = add_rule(ws, now, "Sms", "sms")
    rows = add_rows(ws, rule, add_contacts(ws, now, 3), now - timedelta(minutes=1), "sms")
    api.queue.append(20429)
    summary = dispatch(ws, now, channels={"sms": channel(api)}, limits=Limits.unlimited())
    assert summary.counts == {"deferred": 1} and "20429" in words(summary.paused["sms"])
    due = from_db(ws.db.execute("SELECT due_at FROM ledger WHERE id = ?", [rows[0]]).fetchone()[0])
    assert due >= now + timedelta(seconds=60)
    assert states(ws) == {"deferred": 1, "planned": 2}
