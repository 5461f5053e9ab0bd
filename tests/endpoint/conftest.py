"""A workspace with one sent e-mail per contact, and its endpoint serving on loopback."""

from __future__ import annotations

import http.client
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Mapping
from urllib.parse import urlsplit

import pytest

from desktop import tokens
from tests.helpers.endpoint import running
from tests.helpers.stats import add_contact, add_ledger, add_rule


@dataclass
class Answer:
    status: int
    headers: Mapping[str, str]
    body: bytes


class Client:
    """Plain ``http.client`` requests (no redirect following: a 302 is what we check)."""

    def __init__(self, base: str) -> None:
        parts = urlsplit(base)
        self.host, self.port = parts.hostname, parts.port

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: Mapping[str, str] | None = None) -> Answer:
        conn = http.client.HTTPConnection(self.host, self.port, timeout=10)
        try:
            conn.request(method, path, body=body, headers=dict(headers or {}))
            answer = conn.getresponse()
            return Answer(answer.status, {k.lower(): v for k, v in answer.getheaders()}, answer.read())
        finally:
            conn.close()


@dataclass
class Shop:
    ws: object
    key: bytes
    contacts: list[int]
    sends: list[int]     # one sent e-mail per contact
    sent_at: datetime


@pytest.fixture
def shop(workspace, now) -> Shop:
    rule = add_rule(workspace, "Carrello")
    contacts = [add_contact(workspace, n) for n in range(3)]
    sent_at = now - timedelta(hours=2)
    sends = [add_ledger(workspace, rule, c, "earlier", "sent", sent_at) for c in contacts]
    workspace.settings.set("business.name", "Bottega Rossi", now)
    return Shop(workspace, tokens.workspace_key(workspace), contacts, sends, sent_at)


@pytest.fixture
def served(shop, now):
    with running(shop.ws, now, opens=True) as server:
        yield Client(server.config.local_url)


def events(ws, kind: str) -> list[tuple]:
    return ws.db.execute("SELECT contact_id, ref, payload FROM events WHERE type = ? ORDER BY id", [kind]).fetchall()
