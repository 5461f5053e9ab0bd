"""The endpoint's database thread: a batch commits together, a failing job is undone alone."""

from __future__ import annotations

import threading

import pytest

from desktop.endpoint.worker import DbWorker
from desktop.workspace import Workspace


def test_a_failing_job_is_undone_alone_and_the_others_commit(workspace, now) -> None:
    contact = workspace.contacts.create({"email": "a@example.org"}, now)
    worker = DbWorker(workspace.data_dir)
    worker.start()
    gate = threading.Event()
    try:
        blocker = worker.submit(lambda ws: gate.wait(10))  # holds the thread so the next three queue up

        def half_then_fail(ws: Workspace) -> None:
            ws.events.record("custom", now, contact, ref="half")
            raise ValueError("boom")

        good = [worker.submit(lambda ws, n=n: ws.events.record("custom", now, contact, ref=f"ok{n}")) for n in range(2)]
        bad = worker.submit(half_then_fail)
        gate.set()
        assert blocker.result(10) is True
        assert all(f.result(10) for f in good)
        with pytest.raises(ValueError):
            bad.result(10)
    finally:
        worker.stop()
    refs = {r[0] for r in workspace.db.execute("SELECT ref FROM events WHERE type = 'custom'")}
    assert refs == {"ok0", "ok1"}
