"""Running one poll of one connection: network outside the lock, each page in one transaction.

``poll_connection`` is what the engine's scheduler calls for every enabled connection (and
what ``poll NAME`` and the Connections page call). For each page it

1. calls ``poller.fetch(cursor, now)`` while *not* holding ``db_lock`` (checks and sends go
   on meanwhile);
2. takes the lock and, in one transaction, applies the page, stores its cursor and updates
   the poll's history row — so a crash or an error leaves either the whole page or none of it;
3. calls the poller's optional ``committed(fetched)`` (outside the lock) once the page is
   stored — e.g. the mailbox moves the messages it processed;
4. fetches again while the page says ``more``, up to ``page_budget`` pages (the next run goes on).

A failure is recorded with its message and a backoff (or the server's ``Retry-After``); the
cursor stays as the last good page left it, so the next try starts where this one stopped.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Mapping

from desktop.connectors.base import Connection, Fetched, Poller, PollError, PollSummary, kinds
from desktop.connectors.keys import ConnectionSecrets
from desktop.connectors.store import Connections
from desktop.messages import Msg, define
from desktop.secrets import KeyringUnavailable

if TYPE_CHECKING:  # pragma: no cover
    from desktop.workspace import Workspace

log = logging.getLogger("postino.connectors")
PAGE_BUDGET = 200
MAX_BACKOFF = timedelta(hours=6)

define({
    "connector.unexpected": ("Errore imprevisto durante la lettura: {error}",
                             "Unexpected error while polling: {error}"),
    "connector.waiting": ("In attesa fino alle {until} dopo un errore",
                          "Waiting until {until} after an error"),
    "connector.keyring_unavailable": ("Il portachiavi non si può leggere: sbloccalo e riprova",
                                      "The keyring cannot be read: unlock it and try again"),
    "connector.unknown_kind": ("Tipo di collegamento sconosciuto: {kind}", "Unknown connection kind: {kind}"),
})


@dataclass
class PollOutcome:
    """What ``poll_connection`` did: the summary of the pages written, or the error."""

    name: str
    summary: PollSummary = field(default_factory=PollSummary)
    pages: int = 0
    error: Msg | None = None
    skipped: bool = False          # still backing off after a failure
    next_try_at: datetime | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and not self.skipped


def backoff(failures: int, every: timedelta, retry_after: float | None) -> timedelta:
    """1, 2, 4 … minutes after consecutive failures, never more than 6 hours, never less than
    the server asked for. The scheduler still runs the job every ``every``; a run before the
    wait is over does nothing, so a failing shop is not hammered."""
    wait = min(timedelta(minutes=2 ** min(max(failures - 1, 0), 12)), MAX_BACKOFF)
    if retry_after is not None and retry_after > 0:
        wait = max(wait, timedelta(seconds=retry_after))
    return wait


@dataclass
class PollRun:
    """One poll under way, between its steps: what ``poll_connection`` keeps from page to
    page, and what the Connections page carries between its database and network workers."""

    connection: Connection
    poller: Poller
    poll_id: int
    cursor: Mapping[str, Any]
    now: datetime
    outcome: PollOutcome


def begin_poll(ws: "Workspace", poller: Poller, connection: Connection, now: datetime, *,
               force: bool = False) -> PollRun | PollOutcome:
    """The first database step: a ``PollOutcome`` (skipped) while a failure's backoff lasts,
    else the started run with the stored cursor."""
    store = Connections(ws.db)
    waiting = store.next_try_at(connection.name)
    if waiting is not None and now < waiting and not force:
        return PollOutcome(connection.name, skipped=True, next_try_at=waiting)
    cursor = store.cursor(connection.name)
    with ws.transaction():
        poll_id = store.start_poll(connection.name, now)
    return PollRun(connection, poller, poll_id, cursor, now, PollOutcome(connection.name))


def store_page(ws: "Workspace", run: PollRun, fetched: Fetched, *, page_budget: int = PAGE_BUDGET) -> bool:
    """One fetched page, its cursor and the poll's history in one transaction; True when
    another page should be fetched."""
    outcome = run.outcome
    with ws.transaction():
        summary = run.poller.apply(ws, fetched, run.now)
        summary.warnings = [*fetched.warnings, *summary.warnings]
        outcome.summary.add(summary)
        outcome.pages += 1
        Connections(ws.db).page_done(run.connection.name, run.poll_id, outcome.summary, fetched.cursor,
                                     run.now, outcome.pages)
    run.cursor = fetched.cursor
    return fetched.more and outcome.pages < page_budget


def poll_error(name: str, exc: BaseException) -> tuple[Msg, float | None]:
    """A poll's failure (building the poller, a fetch, a page) as the message and the wait
    the connection's history keeps."""
    if isinstance(exc, PollError):
        return exc.msg, exc.retry_after
    if isinstance(exc, KeyringUnavailable):  # locked or missing: this connection waits, the rest goes on
        return Msg("connector.keyring_unavailable"), None
    log.error("poll of %s failed", name, exc_info=exc)
    return Msg("connector.unexpected", {"error": type(exc).__name__}), None


def record_failure(ws: "Workspace", run: PollRun, error: Msg, retry_after: float | None) -> PollOutcome:
    store = Connections(ws.db)
    outcome = run.outcome
    outcome.error = error
    with ws.transaction():
        failures = store.failures(run.connection.name) + 1
        outcome.next_try_at = run.now + backoff(failures, run.connection.every, retry_after)
        store.poll_failed(run.connection.name, run.poll_id, error, run.now, outcome.next_try_at)
    return outcome


def poll_connection(ws: "Workspace", poller: Poller, connection: Connection, now: datetime, *,
                    db_lock: "threading.RLock", page_budget: int = PAGE_BUDGET,
                    force: bool = False) -> PollOutcome:
    """Poll ``connection`` once (several pages if the source has them); never raises for a
    failed poll — the failure is recorded on the connection and returned."""
    with db_lock:
        run = begin_poll(ws, poller, connection, now, force=force)
    if isinstance(run, PollOutcome):
        return run
    try:
        while True:
            fetched = poller.fetch(run.cursor, now)      # network: the lock is not held
            with db_lock:
                more = store_page(ws, run, fetched, page_budget=page_budget)
            after_commit(poller, fetched)
            if not more:
                return run.outcome
    except Exception as exc:  # noqa: BLE001 - a connector's bug must not stop the scheduler
        error, retry_after = poll_error(connection.name, exc)
    with db_lock:
        return record_failure(ws, run, error, retry_after)


def after_commit(poller: Poller, fetched: Fetched) -> None:
    """The optional ``committed(fetched)`` step, outside the lock, once the page is safely
    stored (the mailbox moves what it processed). Its failure is logged, not a failed poll:
    the connector repeats that step itself on its next fetch."""
    committed = getattr(poller, "committed", None)
    if committed is None:
        return
    try:
        committed(fetched)
    except Exception:  # noqa: BLE001 - the page is stored; the step is retried next time
        log.warning("after-commit step of %s failed", poller.name, exc_info=True)


def build_poller(connection: Connection, secrets: ConnectionSecrets) -> Poller:
    factory = kinds().get(connection.kind)
    if factory is None:
        raise PollError(Msg("connector.unknown_kind", {"kind": connection.kind}))
    return factory(connection, secrets.reader(connection))


def pollers_for(ws: "Workspace", secrets: ConnectionSecrets) -> list[tuple[Connection, Poller]]:
    """One poller per enabled connection, for the engine to register as scheduler jobs
    (``every`` from the poller, ``poll_connection(ws, poller, connection, now, db_lock=...)``)."""
    found = []
    for connection in Connections(ws.db).enabled():
        try:
            found.append((connection, build_poller(connection, secrets)))
        except (PollError, KeyringUnavailable) as exc:  # a locked keyring stops this one, not the engine
            log.warning("connection %s not started: %s", connection.name, exc)
    return found


def poll_by_name(ws: "Workspace", name: str, secrets: ConnectionSecrets, now: datetime, *,
                 db_lock: "threading.RLock | None" = None) -> PollOutcome:
    """``poll NAME`` and the page's Poll now: build the poller and poll at once (no backoff wait)."""
    connection = Connections(ws.db).require(name)
    poller = build_poller(connection, secrets)
    return poll_connection(ws, poller, connection, now, db_lock=db_lock or threading.RLock(), force=True)

