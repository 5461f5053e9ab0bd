"""Two kinds of endpoint tests share this folder: the webhook handlers called directly on a
workspace with a WooCommerce and a Shopify connection whose webhook secrets are in a real
keyring API (``MemoryKeyring``: the machine running CI has no SecretService), and the
server on loopback over a workspace with one sent e-mail per contact."""

from __future__ import annotations

import http.client
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Mapping
from urllib.parse import urlsplit

import pytest

from desktop import tokens
from desktop.connectors.keys import ConnectionSecrets
from desktop.connectors.store import Connections
from desktop.endpoint.webhooks import handle
from tests.endpoint.payloads import GENERIC_SECRET, SHOP, SHOPIFY_SECRET, WOO_SECRET, WOO_URL
from tests.helpers.endpoint import running
from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.stats import add_contact, add_ledger, add_rule


@pytest.fixture
def secrets() -> ConnectionSecrets:
    return ConnectionSecrets(MemoryKeyring())


def add_connection(ws, now, name: str, kind: str, config: dict, secrets: ConnectionSecrets, **keys: str) -> None:
    store = Connections(ws.db)
    with ws.transaction():
        store.add(store.new(name, kind, config), now)
    for key, value in keys.items():
        secrets.set(name, key, value)


@pytest.fixture
def shops(workspace, now, secrets):
    """``negozio`` (WooCommerce) and ``bottega`` (Shopify), each with a webhook secret, and the
    generic endpoint's secret."""
    add_connection(workspace, now, "negozio", "woocommerce", {"url": WOO_URL, "country": "IT"}, secrets,
                   key="ck_" + "1" * 40, secret="cs_" + "2" * 40, webhook_secret=WOO_SECRET)
    add_connection(workspace, now, "bottega", "shopify", {"shop": SHOP, "client_id": "c" * 32, "country": "IT"},
                   secrets, client_secret="shpss_" + "3" * 32, webhook_secret=SHOPIFY_SECRET)
    secrets.set_generic_webhook(GENERIC_SECRET)
    return workspace


@pytest.fixture
def send(shops, secrets, now):
    """``send(kind, headers, body)`` → the reply, through the real ``handle``."""
    def call(kind, headers, body, when=None, ws=None):
        return handle(kind, ws or shops, headers, body, when or now, secrets=secrets)
    return call


def count(ws, sql: str, *params) -> int:
    return ws.db.execute(sql, params).fetchone()[0]


def events(ws, type_: str | None = None) -> int:
    if type_ is None:
        return count(ws, "SELECT count(*) FROM events")
    return count(ws, "SELECT count(*) FROM events WHERE type = ?", type_)


# --- the server on loopback ---------------------------------------------------------------
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


def event_rows(ws, kind: str) -> list[tuple]:
    return ws.db.execute("SELECT contact_id, ref, payload FROM events WHERE type = ? ORDER BY id", [kind]).fetchall()
