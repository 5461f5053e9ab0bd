"""Test and Poll now, split between the two workers: database steps on the op runner, the
server conversation on the network runner.

A shop's server that hangs until its timeout (half a minute) must not hold the database
worker meanwhile — every page of the app waits on that worker. So a poll started from the
page goes: read the connection and start the poll (op) → fetch a page (network) → store it
with its cursor in one transaction (op) → the connector's after-commit step, e.g. moving
processed mail (network) → the next page, or the end. A failure at any step is recorded on
the connection (op), exactly as the engine's scheduler records it (``desktop.connectors.run``).
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Callable

from PySide6.QtWidgets import QWidget

from desktop.connectors.base import Fetched
from desktop.connectors.run import (
    PollOutcome, PollRun, after_commit, begin_poll, poll_error, record_failure, store_page,
)
from ui.connections import ops
from ui.ops import CollectionOp, NetworkRunner, OpChanges, OpContext, OpRunner, QueryOp


def _begin(c: OpContext, name: str) -> PollRun | PollOutcome:
    connection, poller = ops.prepare(c, name)
    return begin_poll(c.ws, poller, connection, datetime.now(timezone.utc), force=True)


class PollFlow:
    """One Poll now; ``done(outcome)`` is called on the UI thread at the end."""

    def __init__(self, runner: OpRunner, network: NetworkRunner, parent: QWidget, name: str,
                 done: Callable[[PollOutcome], None]) -> None:
        self.runner, self.network, self.parent, self.name, self.done = runner, network, parent, name, done

    def start(self) -> None:
        (CollectionOp(self.runner, lambda c: _begin(c, self.name), OpChanges(), parent=self.parent)
         .success(self._started).failure(self._not_started).run_in_background())

    def _not_started(self, error: BaseException) -> None:
        self.done(PollOutcome(self.name, error=poll_error(self.name, error)[0]))

    def _started(self, run: PollRun | PollOutcome) -> None:
        if isinstance(run, PollOutcome):
            self.done(run)
        else:
            self._fetch(run)

    def _fetch(self, run: PollRun) -> None:
        self.network.run(lambda: run.poller.fetch(run.cursor, run.now),
                         lambda fetched, error: self._fetched(run, fetched, error))

    def _fetched(self, run: PollRun, fetched: Fetched | None, error: BaseException | None) -> None:
        if error is not None or fetched is None:
            self._failed(run, error or RuntimeError("no page"))
            return
        (CollectionOp(self.runner, lambda c: store_page(c.ws, run, fetched), OpChanges(contacts=True),
                      parent=self.parent)
         .success(lambda more: self._stored(run, fetched, more))
         .failure(lambda exc: self._failed(run, exc)).run_in_background())

    def _stored(self, run: PollRun, fetched: Fetched, more: bool) -> None:
        def then(_result: object, _error: BaseException | None) -> None:  # logged by after_commit
            if more:
                self._fetch(run)
            else:
                self.done(run.outcome)
        self.network.run(lambda: after_commit(run.poller, fetched), then)

    def _failed(self, run: PollRun, exc: BaseException) -> None:
        error, retry_after = poll_error(run.connection.name, exc)
        (CollectionOp(self.runner, lambda c: record_failure(c.ws, run, error, retry_after), OpChanges(),
                      parent=self.parent)
         .success(self.done).run_in_background())


def test_connection(runner: OpRunner, network: NetworkRunner, parent: QWidget, name: str,
                    done: Callable[[ops.TestResult], None]) -> None:
    """One fetch, nothing written: the connection is read on the database worker, the server
    asked on the network worker."""
    def fetch(prepared: tuple) -> None:
        connection, poller = prepared
        network.run(lambda: poller.fetch(connection.cursor, datetime.now(timezone.utc)),
                    lambda fetched, error: done(ops.test_result(fetched, error)))

    def not_prepared(error: BaseException) -> None:
        done(ops.test_result(None, error))

    QueryOp(runner, lambda c: ops.prepare(c, name), parent=parent).success(fetch).failure(not_prepared) \
        .run_in_background()
