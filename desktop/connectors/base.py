"""The interface every connector implements, and the registry of connector kinds.

A poll has two halves so that network work never holds the database lock:

- ``fetch(cursor, now)`` talks to the outside world only (no workspace), and returns what
  it found plus the cursor to store *if* those items are written;
- ``apply(ws, fetched, now)`` writes the items through ``ws.events.record`` / the contacts
  writer. The runner (``run.py``) calls it inside one transaction that also stores the new
  cursor, so a crash or an error never imports half a page nor loses the cursor.

Writes are idempotent by natural ids (an order id, a feed item's guid, a message SID):
polling the same page twice records nothing twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Callable, Mapping, Protocol

from desktop.messages import Msg

if TYPE_CHECKING:  # pragma: no cover
    from desktop.workspace import Workspace


@dataclass
class Fetched:
    """What one ``fetch`` brought back (one page at most)."""

    items: list[Any] = field(default_factory=list)
    cursor: dict[str, Any] = field(default_factory=dict)   # stored with the items, atomically
    more: bool = False                                     # another page waits: fetch again now
    warnings: list[Msg] = field(default_factory=list)


@dataclass
class PollSummary:
    """What a poll did, for the connection's history and the Connections page."""

    fetched: int = 0
    written: int = 0                                       # new events / contacts changed
    counts: dict[str, int] = field(default_factory=dict)   # e.g. {"purchase": 3, "contact": 2}
    warnings: list[Msg] = field(default_factory=list)

    def add(self, other: "PollSummary") -> None:
        self.fetched += other.fetched
        self.written += other.written
        for key, value in other.counts.items():
            self.counts[key] = self.counts.get(key, 0) + value
        self.warnings.extend(other.warnings)


class Poller(Protocol):
    """One connection's periodic job. ``every`` is how often the engine runs it."""

    name: str
    every: timedelta

    def fetch(self, cursor: Mapping[str, Any], now: datetime) -> Fetched: ...

    def apply(self, ws: "Workspace", fetched: Fetched, now: datetime) -> PollSummary: ...

    # Optional: ``committed(fetched) -> None``, called outside the lock after the page's
    # transaction committed (``apply`` may add to ``fetched.cursor`` what it needs there).


class PollError(Exception):
    """A poll that failed in a known way: ``msg`` says why in words for a person;
    ``retry_after`` (seconds) is the server's own wish (HTTP 429 ``Retry-After``)."""

    def __init__(self, msg: Msg, retry_after: float | None = None) -> None:
        super().__init__(str(msg))
        self.msg = msg
        self.retry_after = retry_after


@dataclass
class Connection:
    """A configured connection, as stored in the ``connections`` table."""

    name: str
    kind: str
    config: dict[str, Any] = field(default_factory=dict)   # never a secret: those live in the keyring
    every: timedelta = timedelta(minutes=15)
    enabled: bool = True
    cursor: dict[str, Any] = field(default_factory=dict)


# kind -> factory(connection, secrets) -> Poller. ``secrets`` reads the keyring for this
# connection (``secrets("token")``), so tests can pass a real file keyring.
PollerFactory = Callable[[Connection, Callable[[str], str | None]], Poller]
_KINDS: dict[str, PollerFactory] = {}

# How often each kind is polled unless the user says otherwise, and the bounds a user's
# choice must keep (shops and mailboxes change by the minute, a blog by the day).
MIN_EVERY = timedelta(minutes=5)
MAX_EVERY = timedelta(hours=24)
_DEFAULT_EVERY: dict[str, timedelta] = {}


def register(kind: str, every: timedelta = timedelta(minutes=15)) -> Callable[[PollerFactory], PollerFactory]:
    def wrap(factory: PollerFactory) -> PollerFactory:
        _KINDS[kind] = factory
        _DEFAULT_EVERY[kind] = every
        return factory
    return wrap


def kinds() -> Mapping[str, PollerFactory]:
    _load_builtin()
    return _KINDS


def default_every(kind: str) -> timedelta:
    _load_builtin()
    return _DEFAULT_EVERY.get(kind, timedelta(minutes=15))


def _load_builtin() -> None:
    """Import the connector modules that ship with Postino, so each registers itself."""
    import importlib

    for module in BUILTIN:
        importlib.import_module(f"desktop.connectors.{module}")


BUILTIN: tuple[str, ...] = ("rss", "twilio_replies", "mailbox", "woocommerce", "shopify")
