"""What the Connections page asks of the engine, one small function each, run through the
page's ``QueryOp`` / ``CollectionOp`` on the database worker (never on the UI thread)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, Mapping

from desktop.connectors.base import PollError
from desktop.connectors.keys import ConnectionSecrets
from desktop.connectors.run import PollOutcome, build_poller, poll_by_name
from desktop.connectors.setup import SECRETS, add_connection
from desktop.connectors.store import ConnectionStatus, Connections
from desktop.messages import Msg
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


def poll_now(c: OpContext, name: str) -> PollOutcome:
    return poll_by_name(c.ws, name, SECRET_STORE, datetime.now(timezone.utc), db_lock=threading.RLock())


def test(c: OpContext, name: str) -> TestResult:
    """One fetch, nothing written: is the address right, is the key accepted?"""
    connection = Connections(c.ws.db).require(name)
    try:
        fetched = build_poller(connection, SECRET_STORE).fetch(connection.cursor, datetime.now(timezone.utc))
    except PollError as exc:
        return TestResult(False, error=exc.msg)
    return TestResult(True, len(fetched.items), fetched.more)
