"""What the Connections page asks of the engine, one small function each, run through the
page's ``QueryOp`` / ``CollectionOp`` on the database worker (never on the UI thread); the
server conversations of Test and Poll now run on the network worker (``poll_flow``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, Mapping

from desktop.connectors.base import Connection, Fetched, Poller, PollError
from desktop.connectors.keys import ConnectionSecrets
from desktop.connectors.run import build_poller
from desktop.connectors.setup import SECRETS, add_connection
from desktop.connectors.store import ConnectionStatus, Connections
from desktop.messages import Msg
from desktop.secrets import KeyringUnavailable
from ui.ops import OpContext

# Tests (and a user's own set-up) may hand in a particular keyring backend.
SECRET_STORE = ConnectionSecrets()


@dataclass(frozen=True)
class TestResult:
    ok: bool
    items: int = 0
    more: bool = False
    error: Msg | None = None


def statuses(c: OpContext) -> list[ConnectionStatus]:
    return Connections(c.ws.db).statuses()


def business_zone(c: OpContext) -> str:
    """The zone the page's "last check" times are shown in (the shop's, not the PC's)."""
    return c.ws.settings.get("business.timezone")


def add(c: OpContext, kind: str, fields: Mapping[str, Any], secrets: Mapping[str, str], minutes: int) -> str:
    connection = add_connection(c.ws, kind, fields, secrets, SECRET_STORE, datetime.now(timezone.utc),
                                every=timedelta(minutes=minutes) if minutes else None)
    return connection.name


def set_enabled(c: OpContext, name: str, enabled: bool) -> None:
    with c.ws.transaction():
        Connections(c.ws.db).set_enabled(name, enabled)


def remove(c: OpContext, name: str) -> None:
    store = Connections(c.ws.db)
    kind = store.require(name).kind
    with c.ws.transaction():
        store.remove(name)
    for key in SECRETS.get(kind, ()):
        SECRET_STORE.delete(name, key)


def prepare(c: OpContext, name: str) -> tuple[Connection, Poller]:
    """The connection as stored and its poller (its keys read from the keyring): the
    database half of a Test or a Poll now; the network half runs on the network worker."""
    connection = Connections(c.ws.db).require(name)
    return connection, build_poller(connection, SECRET_STORE)


def test_result(fetched: Fetched | None, error: BaseException | None) -> TestResult:
    """A test fetch's answer in the page's terms: any failure is a message, never a crash."""
    if isinstance(error, PollError):
        return TestResult(False, error=error.msg)
    if isinstance(error, KeyringUnavailable):
        return TestResult(False, error=Msg("connector.keyring_unavailable"))
    if error is not None or fetched is None:
        return TestResult(False, error=Msg("connector.unexpected", {"error": type(error).__name__}))
    return TestResult(True, len(fetched.items), fetched.more)
