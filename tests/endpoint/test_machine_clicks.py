"""Clicks by link scanners — Microsoft Defender Safe Links, Mimecast, Proofpoint URL Defense,
antivirus gateways — which follow every link of a message when it arrives: still redirected,
recorded as ``email_machine_clicked``, and counted neither in "clicked" conditions, nor in
the click rate, nor in a contact's last click.

User agents: a desktop Chrome's, as browsers send it (``Mozilla/5.0 (Windows NT 10.0; Win64;
x64) ... Chrome/131.0.0.0 Safari/537.36``); scanners send a bare ``Mozilla/5.0``, a library's
(``python-requests/2.32``) or none.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

from desktop import tokens
from desktop.endpoint.machine import click_machine_reason
from desktop.stats.queries import rule_stats
from tests.endpoint.conftest import Client, event_rows
from tests.helpers.endpoint import running
from tests.helpers.stats import T0
from tests.rules.handbuilt import matches

URL = "https://shop.example/sale"
CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"


def _click(client: Client, shop, i: int, link: int, agent: str):
    token = tokens.make_click_token(shop.key, shop.sends[i], link, f"{URL}/{link}")
    return client.request("GET", f"/c/{token}", headers={"User-Agent": agent} if agent else {})


def test_scanners_are_redirected_but_recorded_apart(shop, served) -> None:
    ws = shop.ws
    assert _click(served, shop, 0, 0, CHROME).headers["location"] == f"{URL}/0"
    for agent in ("", "Mozilla/5.0", "python-requests/2.32.3"):
        answer = _click(served, shop, 1, 0, agent)
        assert answer.status == 302 and answer.headers["location"] == f"{URL}/0"
    human = event_rows(ws, "email_clicked")
    machine = event_rows(ws, "email_machine_clicked")
    assert [h[0] for h in human] == [shop.contacts[0]]
    # One machine click per link per minute: the first scanner's reason is the one kept.
    [(contact, ref, payload)] = machine
    assert contact == shop.contacts[1] and ref == f"{URL}/0"
    assert json.loads(payload) == {"ledger_id": shop.sends[1], "link": 0, "url": f"{URL}/0",
                                   "machine": True, "reason": "no_user_agent"}


def test_every_link_of_a_message_followed_at_once_is_a_scanner(shop, served) -> None:
    for link in range(4):
        _click(served, shop, 2, link, CHROME)
    human = event_rows(shop.ws, "email_clicked")
    machine = event_rows(shop.ws, "email_machine_clicked")
    # The first looks like a person; the next three, within two seconds, cannot be one.
    assert len(human) == 1 and len(machine) == 3
    assert {json.loads(m[2])["reason"] for m in machine} == {"burst"}


def test_a_click_right_after_sending_is_a_scanner(shop, now) -> None:
    just_sent = shop.sent_at + timedelta(seconds=4)
    with running(shop.ws, now, opens=True, clock=lambda: just_sent) as server:
        assert _click(Client(server.config.local_url), shop, 0, 0, CHROME).status == 302
    [(_, _, payload)] = event_rows(shop.ws, "email_machine_clicked")
    assert json.loads(payload)["reason"] == "too_soon" and event_rows(shop.ws, "email_clicked") == []


def test_machine_clicks_count_neither_as_clicked_nor_in_the_click_rate(shop, served, now) -> None:
    ws = shop.ws
    _click(served, shop, 0, 0, CHROME)
    _click(served, shop, 1, 0, "Mozilla/5.0")
    ws.groups.create("Recent clickers", now)  # the group the test rule of ``matches`` adds to
    for i in range(3):
        ws.contacts.update(shop.contacts[i], {"first_name": f"c{i}"}, now)
    later = now + timedelta(minutes=5)
    assert matches(ws, {"behaviour": "clicked", "days": 7}, now=later) == {"c0"}
    assert matches(ws, {"behaviour": "not_clicked", "days": 7}, now=later) == {"c1", "c2"}
    stats = rule_stats(ws, date(2026, 3, 1), date(2026, 3, 3))
    assert stats.clicked_unique == 1 and stats.clicked == 1 and stats.machine_clicked == 1
    assert abs(stats.click_rate - 1 / 3) < 1e-9
    last = dict(ws.db.execute("SELECT id, last_clicked_at FROM contacts").fetchall())
    assert last[shop.contacts[0]] and not last[shop.contacts[1]]


def test_click_reasons() -> None:
    sent, later = T0, T0 + timedelta(hours=1)
    assert click_machine_reason(CHROME, sent, later, burst=False) == ""
    assert click_machine_reason("", sent, later, burst=False) == "no_user_agent"
    assert click_machine_reason("Mozilla/5.0", sent, later, burst=False) == "bare_agent"
    assert click_machine_reason("Mozilla/5.0 (compatible; Mimecast)", sent, later, burst=False) == "tool"
    assert click_machine_reason(CHROME, sent, sent + timedelta(seconds=10), burst=False) == "too_soon"
    assert click_machine_reason(CHROME, None, later, burst=False) == "too_soon"
    assert click_machine_reason(CHROME, sent, later, burst=True) == "burst"
