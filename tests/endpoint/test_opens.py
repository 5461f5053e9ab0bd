"""Open pixels: machine fetches (Apple MPP prefetch, scanners, HEAD, right after sending) are
recorded apart and count neither for "opened" conditions nor for the open rate.

User agents: Gmail's proxy sends ``Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0
(via ggpht.com GoogleImageProxy)`` and fetches when the message is opened; Apple's MPP relay
a bare ``Mozilla/5.0`` when the message arrives (see desktop/endpoint/machine.py for sources).
"""

from __future__ import annotations

import json
from datetime import date, timedelta

from desktop import tokens
from desktop.stats.queries import rule_stats
from tests.endpoint.conftest import Client, event_rows
from tests.helpers.stats import T0
from tests.helpers.endpoint import running
from tests.rules.handbuilt import matches

GMAIL = "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)"
PERSON = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)"


def _pixel(client: Client, shop, i: int, agent: str, method: str = "GET"):
    token = tokens.make_open_token(shop.key, shop.sends[i])
    return client.request(method, f"/o/{token}", headers={"User-Agent": agent} if agent else {})


def test_machine_and_human_opens_are_told_apart(shop, served, now) -> None:
    ws = shop.ws
    person = _pixel(served, shop, 0, PERSON)
    assert person.status == 200 and person.headers["content-type"] == "image/gif" and person.body.startswith(b"GIF89a")
    assert _pixel(served, shop, 0, PERSON).status == 200      # the same open, reloaded: once
    _pixel(served, shop, 1, "Mozilla/5.0")                    # Apple MPP prefetch
    _pixel(served, shop, 2, PERSON, method="HEAD")            # a scanner's HEAD
    _pixel(served, shop, 2, "")                               # no user agent: a machine again, same minute
    _pixel(served, shop, 2, GMAIL)                            # Gmail's proxy: a person opening it
    human = event_rows(ws, "email_opened")
    machine = event_rows(ws, "email_machine_opened")
    assert [h[0] for h in human] == [shop.contacts[0], shop.contacts[2]]
    assert json.loads(human[1][2]) == {"ledger_id": shop.sends[2], "proxy": "gmail"}
    reasons = sorted(json.loads(m[2])["reason"] for m in machine)
    assert reasons == ["apple_mpp", "head"]  # one machine fetch per message per minute
    assert all(json.loads(m[2])["machine"] is True for m in machine)


def test_a_fetch_right_after_sending_is_a_machine(shop, now) -> None:
    just_sent = shop.sent_at + timedelta(seconds=5)
    with running(shop.ws, now, opens=True, clock=lambda: just_sent) as server:
        _pixel(Client(server.config.local_url), shop, 0, PERSON)
    [(contact, _, payload)] = event_rows(shop.ws, "email_machine_opened")
    assert contact == shop.contacts[0] and json.loads(payload)["reason"] == "too_soon"
    assert event_rows(shop.ws, "email_opened") == []


def test_without_open_tracking_the_pixel_records_nothing(shop, now) -> None:
    with running(shop.ws, now, opens=False) as server:
        assert _pixel(Client(server.config.local_url), shop, 0, PERSON).status == 200
    assert event_rows(shop.ws, "email_opened") == [] and event_rows(shop.ws, "email_machine_opened") == []


def test_machine_opens_count_neither_as_opened_nor_in_the_open_rate(shop, served, now) -> None:
    ws = shop.ws
    _pixel(served, shop, 0, PERSON)
    _pixel(served, shop, 1, "Mozilla/5.0")
    _pixel(served, shop, 2, "curl/8.5.0")
    ws.groups.create("Recent clickers", now)
    names = {shop.contacts[i]: f"c{i}" for i in range(3)}
    for cid, name in names.items():
        ws.contacts.update(cid, {"first_name": name}, now)
    later = now + timedelta(minutes=5)
    assert matches(ws, {"behaviour": "opened", "days": 7}, now=later) == {"c0"}
    assert matches(ws, {"behaviour": "not_opened", "days": 7}, now=later) == {"c1", "c2"}
    stats = rule_stats(ws, date(2026, 3, 1), date(2026, 3, 3))
    assert stats.sent == 3 and stats.opened_unique == 1 and stats.machine_opened == 2
    assert abs(stats.open_rate - 1 / 3) < 1e-9


def test_machine_reasons() -> None:
    from desktop.endpoint.machine import machine_reason

    sent, later = T0, T0 + timedelta(hours=1)
    assert machine_reason("GET", PERSON, sent, later) == ""
    assert machine_reason("GET", GMAIL, sent, later) == ""
    assert machine_reason("GET", "", sent, later) == "no_user_agent"
    assert machine_reason("GET", "Mozilla/5.0", sent, later) == "apple_mpp"
    assert machine_reason("HEAD", PERSON, sent, later) == "head"
    assert machine_reason("GET", "python-requests/2.31", sent, later) == "tool"
    assert machine_reason("GET", PERSON, sent, sent + timedelta(seconds=30)) == "too_soon"
    assert machine_reason("GET", PERSON, None, later) == "too_soon"  # not even recorded as sent yet
