"""A workspace with a WooCommerce and a Shopify connection whose webhook secrets are in a
real keyring API (``MemoryKeyring``: the machine running CI has no SecretService)."""

from __future__ import annotations

import pytest

from desktop.connectors.keys import ConnectionSecrets
from desktop.connectors.store import Connections
from desktop.endpoint.webhooks import handle
from tests.endpoint.payloads import GENERIC_SECRET, SHOP, SHOPIFY_SECRET, WOO_SECRET, WOO_URL
from tests.helpers.memory_keyring import MemoryKeyring


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
