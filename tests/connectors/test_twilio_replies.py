"""SMS replies and delivery status from the local Twilio server, through the real ``twilio``
client and the real runner: keywords, paging, ordering, throttling, resuming a broken pass."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from desktop.connectors.run import poll_connection
from desktop.connectors.store import Connections
from desktop.connectors.twilio_replies import TwilioReplies
from desktop.delivery.channel import OutgoingMessage
from desktop.delivery.limits import Limits
from desktop.delivery.twilio_channel import TwilioChannel
from tests.helpers.engine import dispatch
from tests.helpers.ledger import add_contacts, add_rows, add_rule, add_template
from tests.helpers.twilio_server import TwilioServer

SID, TOKEN = "AC" + "3" * 32, "tok-" + "7" * 28


@pytest.fixture
def api(now):
    with TwilioServer(SID, TOKEN) as server:
        server.clock = lambda: now
        yield server


@pytest.fixture
def connection(workspace, api, now):
    store = Connections(workspace.db)
    with workspace.transaction():
        store.add(store.new("sms", "twilio-replies",
                            {"account_sid": SID, "shared_account": "twilio", "base_url": api.url}), now)
    return store.require("sms")


def poll(ws, api, connection, now, token=TOKEN, page_size=500, **kw):
    poller = TwilioReplies("sms", SID, token, connection.every, base_url=api.url, page_size=page_size)
    return poll_connection(ws, poller, connection, now, db_lock=threading.RLock(), **kw)


def status(ws, contact_id):
    return ws.contacts.get(contact_id)["sms_status"]


def test_stop_and_start_replies_change_consent_once(workspace, api, connection, now):
    alice, bob = add_contacts(workspace, now - timedelta(days=5), 2)
    api.inbound("+393330000000", " stop ", when=now - timedelta(hours=2))
    api.inbound("+393330000001", "Grazie, a presto!", when=now - timedelta(hours=1))
    api.inbound("+390000000099", "STOPALL", when=now - timedelta(hours=1))      # nobody we know
    api.inbound("+393330000001", "STOP", when=now - timedelta(days=4))            # outside the window
    first = poll(workspace, api, connection, now)
    assert first.ok and first.summary.counts == {"sms_stop": 2}
    assert status(workspace, alice) == "unsubscribed" and status(workspace, bob) == "subscribed"
    assert api.list_requests[0]["DateSent>"] == (now - timedelta(days=3)).strftime("%Y-%m-%dT%H:%M:%SZ")
    again = poll(workspace, api, connection, now + timedelta(minutes=5))
    assert again.ok and again.summary.written == 0
    api.inbound("+393330000000", "Start", when=now + timedelta(minutes=7))
    back = poll(workspace, api, connection, now + timedelta(minutes=10))
    assert back.summary.counts == {"sms_start": 1} and status(workspace, alice) == "subscribed"
    kinds = workspace.db.execute("SELECT type, ref, contact_id FROM events WHERE uid LIKE 'sms_reply:%' "
                                 "ORDER BY occurred_at").fetchall()
    assert kinds == [("unsubscribed", "sms_stop", alice), ("unsubscribed", "sms_stop", None),
                     ("custom", "sms_start", alice)]


def test_pages_are_followed_and_the_latest_reply_wins(workspace, api, connection, now):
    (carla,) = add_contacts(workspace, now - timedelta(days=5), 1, start=5)
    for minutes in range(10):                                 # noise from others, spread over pages
        api.inbound(f"+3934000000{minutes:02d}", "ok", when=now - timedelta(minutes=60 + minutes))
    api.inbound("+393330000005", "START", when=now - timedelta(minutes=30))   # newest: first page
    api.inbound("+393330000005", "STOP", when=now - timedelta(hours=5))       # oldest: last page
    outcome = poll(workspace, api, connection, now, page_size=3)
    assert outcome.ok and outcome.pages == 4
    assert [bool(r.get("PageToken")) for r in api.list_requests] == [False, True, True, True]
    assert status(workspace, carla) == "subscribed"           # the later START, though read first
    assert Connections(workspace.db).cursor("sms")["page_url"] is None


def test_a_broken_pass_resumes_from_its_page(workspace, api, connection, now):
    (dario,) = add_contacts(workspace, now - timedelta(days=5), 1, start=7)
    for minutes in range(5):
        api.inbound(f"+3934100000{minutes:02d}", "ok", when=now - timedelta(minutes=minutes))
    api.inbound("+393330000007", "QUIT", when=now - timedelta(hours=2))
    api.list_queue = [None, 20429]    # first page answers, the second is throttled
    failed = poll(workspace, api, connection, now, page_size=3)
    assert failed.error is not None and failed.pages == 1
    stored = Connections(workspace.db).status("sms")
    assert stored.failures == 1 and stored.next_try_at == now + timedelta(seconds=120)
    assert "PageToken" in Connections(workspace.db).cursor("sms")["page_url"]
    assert status(workspace, dario) == "subscribed"           # not on the page that arrived
    resumed = poll(workspace, api, connection, now + timedelta(minutes=3))
    assert resumed.ok and api.list_requests[-1].get("PageToken")
    assert status(workspace, dario) == "unsubscribed"


def test_delivery_status_of_sent_sms(workspace, api, connection, now):
    workspace.settings.set("sms.daily_cap", 1000, now)
    add_template(workspace, now, "Sms", "sms")
    rule = add_rule(workspace, now, "Sms", "sms")
    contacts = add_contacts(workspace, now, 3)
    add_rows(workspace, rule, contacts, now - timedelta(minutes=1), "sms")
    channel = TwilioChannel(SID, TOKEN, sender="+15005550006", base_url=api.url)
    dispatch(workspace, now, channels={"sms": channel}, limits=Limits.unlimited())
    sids = [r[0] for r in workspace.db.execute("SELECT provider_id FROM ledger ORDER BY id")]
    api.set_status(sids[0], "delivered")
    api.set_status(sids[1], "undelivered", 30006)
    first = poll(workspace, api, connection, now + timedelta(minutes=5))
    assert first.summary.counts == {"sms_delivered": 1, "sms_failed": 1}
    api.set_status(sids[2], "delivered")
    second = poll(workspace, api, connection, now + timedelta(minutes=10))
    assert second.summary.counts == {"sms_delivered": 1}
    rows = dict(workspace.db.execute("SELECT ref, type FROM events WHERE uid LIKE 'sms_status:%'").fetchall())
    assert rows == {sids[0]: "sms_delivered", sids[1]: "sms_failed", sids[2]: "sms_delivered"}


def test_wrong_token_and_missing_token_are_errors(workspace, api, connection, now):
    assert poll(workspace, api, connection, now, token="wrong").error.code == "http.auth"
    assert poll(workspace, api, connection, now, token=None, force=True).error.code == "twilio.no_token"


def test_the_fake_follows_twilios_contract(api, now):
    """What the local server used to get wrong: segments, the missing-From code, paging filters."""
    import requests

    channel = TwilioChannel(SID, TOKEN, sender="+15005550006", base_url=api.url)
    long = channel.send(OutgoingMessage(1, "sms", "+393331234567", text="a" * 200))
    assert long.segments == 2
    answer = requests.post(f"{api.url}/2010-04-01/Accounts/{SID}/Messages.json", auth=(SID, TOKEN),
                           data={"To": "+393331234567", "Body": "x"}, timeout=10)
    assert answer.status_code == 400 and answer.json()["code"] == 21603
    api.list_queue = [20429]
    throttled = requests.get(f"{api.url}/2010-04-01/Accounts/{SID}/Messages.json", auth=(SID, TOKEN), timeout=10)
    assert throttled.status_code == 429 and throttled.headers["Retry-After"] == "120"
    api.inbound("+390000000001", "old", when=now - timedelta(days=2))
    listed = requests.get(f"{api.url}/2010-04-01/Accounts/{SID}/Messages.json", auth=(SID, TOKEN), timeout=10,
                          params={"DateSent>": (now - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                                  "PageSize": 1}).json()
    assert [m["body"] for m in listed["messages"]] == ["a" * 200] and listed["next_page_uri"] is None
